import { Money, sumMoney } from '@bazaar/shared';
import { prisma } from '@bazaar/shared/db';
import { PurchaseOrder } from '../ordering/purchase-order';
import { PaymentGateway, CardGateway } from './payment.gateway';
import * as ledger from './ledger';
import { Pool } from 'pg';

export class InvoiceService {
  constructor(
    private readonly gateway: PaymentGateway = new CardGateway(),
    private readonly pool: Pool = new Pool(),
  ) {}

  async invoice(order: PurchaseOrder): Promise<string> {
    const total: Money = sumMoney(order.lines.map((l) => l.unitPrice), 'EUR');
    const inv = await prisma.invoice.create({ data: { orderId: order.id, total: total.amount } });
    await ledger.record(this.pool, inv.id, total.amount);
    return inv.id;
  }

  async pay(invoiceId: string, customer: string): Promise<void> {
    const inv = await prisma.invoice.findUnique({ where: { id: invoiceId } });
    if (!inv) return;
    const ref = await this.gateway.charge(customer, new Money(inv.total, 'EUR'));
    await prisma.$transaction(async (tx) => {
      await tx.payment.create({ data: { id: ref, amount: inv.total, invoiceId } });
      await tx.invoice.update({ where: { id: invoiceId }, data: { total: 0 } });
    });
  }

  async openInvoices(): Promise<number> {
    const rows = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*) AS n FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id WHERE p.id IS NULL`;
    return rows[0].n;
  }
}
