from typing import Optional

from common import Money
from .models import Category, Product


class CatalogService:
    """What the other contexts may ask of the catalog."""

    def find(self, sku: str) -> Optional[Product]:
        return Product.objects.filter(sku=sku).first()

    def price_of(self, product: Product) -> Money:
        return Money.zero().add(Money(product.price_cents / 100))

    def available(self):
        return Product.objects.in_stock()

    def add_category(self, name: str) -> Category:
        category = Category(name=name)
        category.save()
        return category

    def discontinue(self, sku: str) -> int:
        deleted, _ = Product.objects.filter(sku=sku).delete()
        return deleted


def default_service() -> CatalogService:
    return CatalogService()
