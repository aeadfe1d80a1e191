import { Column, Entity as Table, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { Entity, Money } from '@bazaar/shared';
import { Category } from './category.entity';
import { Tag } from './tag.entity';

@Table('products')
export class Product extends Entity {
  @Column()
  name!: string;

  @Column('int')
  priceCents!: number;

  @ManyToOne(() => Category, (c) => c.products)
  category!: Category;

  @ManyToMany(() => Tag)
  @JoinTable({ name: 'product_tags' })
  tags!: Tag[];

  price(): Money {
    return new Money(this.priceCents, 'EUR');
  }
}
