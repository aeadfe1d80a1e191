import 'reflect-metadata';

(globalThis as any).appStartedAt = Date.now();
