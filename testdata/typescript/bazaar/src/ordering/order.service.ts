import { Injectable } from '@nestjs/common';
import { CatalogService } from '@catalog/index';
import { Money } from '@bazaar/shared';
import OrderRepository = require('./order.repository');
import { PurchaseOrder, OrderPlacedListener } from './purchase-order';
import { OrderStatus } from './order-status';

@Injectable()
export class OrderService {
  private readonly repository = new OrderRepository();
  private listeners: OrderPlacedListener[] = [];

  constructor(private readonly catalog: CatalogService) {}

  subscribe(listener: OrderPlacedListener): void {
    this.listeners.push(listener);
  }

  async place(customer: string, productIds: string[]): Promise<PurchaseOrder> {
    const order = new PurchaseOrder(`o-${Date.now()}`, customer);
    for (const id of productIds) {
      const dto = await this.catalog.findProduct(id);
      if (dto) order.addLine({ productId: dto.id, quantity: 1, unitPrice: dto.price });
    }
    order.status = OrderStatus.Placed;
    await this.repository.save(order);
    for (const l of this.listeners) await l.orderPlaced(order);
    return order;
  }

  total(order: PurchaseOrder): Money {
    return order.total();
  }
}
