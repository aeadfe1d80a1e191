import type { Money } from '@bazaar/shared';

export type ProductId = string;

export interface ProductDto {
  id: ProductId;
  name: string;
  price: Money;
}
