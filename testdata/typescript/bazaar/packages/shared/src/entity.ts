export abstract class Entity {
  id!: string;

  equals(other: Entity): boolean {
    return other.id === this.id;
  }
}

export interface Repository<T extends Entity> {
  byId(id: string): Promise<T | undefined>;
}
