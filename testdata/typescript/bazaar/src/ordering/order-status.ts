export enum OrderStatus {
  Draft = 'draft',
  Placed = 'placed',
  Paid = 'paid',
}
