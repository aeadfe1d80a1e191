import React, { lazy, Suspense } from 'react';
import { OrderSummary } from './order-summary';
import { PurchaseOrder } from './purchase-order';

const Receipt = lazy(() => import('./receipt'));

export function Checkout({ order }: { order: PurchaseOrder }) {
  return (
    <Suspense fallback={null}>
      <OrderSummary order={order} />
      <Receipt id={order.id} />
    </Suspense>
  );
}
