import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Product } from './product.entity';

@Entity()
export class ProductCategory {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @OneToMany('Product', 'category')
  products!: Product[];
}

export { ProductCategory as Category };
