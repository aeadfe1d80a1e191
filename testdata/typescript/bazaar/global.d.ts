// A global script: no import, no export.
interface AppConfig {
  region: string;
  currency: string;
}
