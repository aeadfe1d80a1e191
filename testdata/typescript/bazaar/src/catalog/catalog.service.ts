import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Money, sumMoney } from '@bazaar/shared';
import { dataSource } from '@bazaar/shared/db';
import { Product } from './product.entity';
import { Tag } from './tag.entity';
import { PricingPolicy } from './pricing.policy';
import { ReviewRepository } from './review.repository';
import type { ProductDto } from './dto';

@Injectable()
export class CatalogService {
  private readonly tags = dataSource.getRepository(Tag);

  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    private readonly pricing: PricingPolicy,
    private readonly reviews: ReviewRepository,
  ) {}

  async findProduct(id: string): Promise<ProductDto | undefined> {
    const product = await this.products.findOne({ where: { id } });
    if (!product) return undefined;
    return { id: product.id, name: product.name, price: this.pricing.priceOf(product, CONFIG) };
  }

  async addProduct(name: string, cents: number): Promise<Product> {
    const p = new Product();
    p.name = name;
    p.priceCents = cents;
    await this.tags.save({ label: 'new' });
    return this.products.save(p);
  }

  async basketTotal(ids: string[]): Promise<Money> {
    const found = await this.products.findByIds(ids);
    const best = await this.reviews.topRated();
    return sumMoney(found.map((p) => p.price()), best.length > 0 ? 'EUR' : 'USD');
  }

  async tagNames(): Promise<string[]> {
    const rows = await this.products.query('SELECT t.label FROM catalog.tags t JOIN product_tags pt ON pt.tag_label = t.label');
    return rows.map((r: { label: string }) => r.label);
  }
}

const CONFIG: AppConfig = { region: 'eu', currency: 'EUR' };
