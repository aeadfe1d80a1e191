import type { OrderPlacedListener, PurchaseOrder } from '../ordering/purchase-order';
import { InvoiceService } from './invoice.service';

export class BillingListener implements OrderPlacedListener {
  constructor(private readonly invoices: InvoiceService) {}

  async orderPlaced(order: PurchaseOrder): Promise<void> {
    await this.invoices.invoice(order);
  }
}
