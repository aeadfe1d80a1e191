from django.db import models

from common.models import TimeStamped


class Category(models.Model):
    name = models.CharField(max_length=80)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE)

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    label = models.SlugField()


class ProductManager(models.Manager):
    def in_stock(self):
        return self.filter(stock__gt=0)


class Product(TimeStamped):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    price_cents = models.IntegerField()
    stock = models.IntegerField(default=0)
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    tags = models.ManyToManyField("catalog.Tag", blank=True)

    objects = ProductManager()

    class Meta:
        db_table = "catalog_products"

    def reserve(self, quantity: int) -> None:
        self.stock -= quantity
        self.save()
