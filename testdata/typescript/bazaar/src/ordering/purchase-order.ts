import { Money, guards } from '@bazaar/shared';
import { OrderStatus } from './order-status';

export interface OrderLineItem {
  productId: string;
  quantity: number;
  unitPrice: Money;
}

export class PurchaseOrder {
  status: OrderStatus = OrderStatus.Draft;
  readonly lines: OrderLineItem[] = [];

  constructor(readonly id: string, readonly customer: string) {
    guards.notEmpty(customer, 'customer');
  }

  addLine(item: OrderLineItem): void {
    this.lines.push(item);
  }

  total(): Money {
    return this.lines.reduce((acc, l) => acc.add(l.unitPrice), Money.zero('EUR'));
  }
}

export interface OrderPlacedListener {
  orderPlaced(order: PurchaseOrder): Promise<void>;
}
