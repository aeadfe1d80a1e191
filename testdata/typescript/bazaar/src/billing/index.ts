export { InvoiceService } from './invoice.service';
export { BillingListener } from './billing.listener';
export * from './payment.gateway';
