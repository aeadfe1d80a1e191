import { Column, Entity, ManyToOne, JoinColumn, OneToOne } from 'typeorm';
import * as shared from '@bazaar/shared';
import { Product } from './product.entity';

@Entity('product_reviews')
export class Review extends shared.Entity {
  @Column()
  stars!: number;

  @OneToOne(() => Product)
  @JoinColumn()
  product!: Product;
}
