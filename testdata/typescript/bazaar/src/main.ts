import './polyfills';
import { NestFactory } from '@nestjs/core';
import { CatalogModule, CatalogService } from '@catalog/index';
import { BillingListener, InvoiceService } from '@billing';
import { OrderService } from './ordering/order.service';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(CatalogModule);
  const orders = new OrderService(app.get(CatalogService));
  orders.subscribe(new BillingListener(new InvoiceService()));
  await app.listen(3000);
}

bootstrap();
