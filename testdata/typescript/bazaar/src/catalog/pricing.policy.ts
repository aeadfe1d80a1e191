import { Injectable } from '@nestjs/common';
import { Money, guards } from '@bazaar/shared';
import { Product } from './product.entity';

export interface Policy {
  priceOf(product: Product, config: AppConfig): Money;
}

@Injectable()
export class PricingPolicy implements Policy {
  priceOf(product: Product, config: AppConfig): Money {
    guards.notEmpty(config.currency, 'currency');
    return product.price();
  }
}
