import React from 'react';
import type { PurchaseOrder } from './purchase-order';

export const OrderSummary = ({ order }: { order: PurchaseOrder }) => (
  <div className="summary">
    {order.lines.length} lines, {order.total().amount}
  </div>
);
