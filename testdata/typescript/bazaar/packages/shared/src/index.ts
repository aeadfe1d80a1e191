// The shared kernel's public surface: a barrel.
export * from './money';
export { Entity, type Repository as EntityRepository } from './entity';
export * as guards from './guard';
