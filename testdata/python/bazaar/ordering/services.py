from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from catalog.services import CatalogService
from common import Money, publish
from .events import OrderPlaced
from .models import Order, OrderLine

if TYPE_CHECKING:
    from catalog.models import Product


class CheckoutError(Exception):
    pass


class CheckoutService:
    def __init__(self, catalog: CatalogService | None = None):
        self.catalog = catalog or CatalogService()
        self.placed = 0

    @transaction.atomic
    def checkout(self, email: str, items: dict[str, int]) -> Order:
        order = Order.open_for(email)
        for sku, quantity in items.items():
            product = self.catalog.find(sku)
            if product is None:
                raise CheckoutError(sku)
            self.add_line(order, product, quantity)
        order.status = Order.Status.PAID
        order.save()
        publish(OrderPlaced(order.id, order.lines_total_cents()))
        self.placed += 1
        return order

    def add_line(self, order: Order, product: "Product", quantity: int) -> OrderLine:
        product.reserve(quantity)
        price = self.catalog.price_of(product)
        return OrderLine.objects.create(order=order, product=product, quantity=quantity,
                                        unit_price_cents=int(price.amount * 100))

    def cancel(self, order_id: int) -> None:
        Order.objects.filter(pk=order_id).update(status="cancelled")

    def total(self, order: Order) -> Money:
        return Money(order.lines_total_cents() / 100)
