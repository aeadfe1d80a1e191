import { PrismaClient } from '@prisma/client';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';

export const prisma = new PrismaClient();
export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://localhost/bazaar');
export const dataSource = new DataSource({ type: 'postgres' });
