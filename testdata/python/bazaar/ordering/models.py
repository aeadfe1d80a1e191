from django.db import models

from common.models import TimeStamped


class Order(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open"
        PAID = "paid"

    customer_email = models.EmailField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)

    @classmethod
    def open_for(cls, email: str) -> "Order":
        return cls.objects.create(customer_email=email)

    def lines_total_cents(self) -> int:
        return sum(line.subtotal_cents() for line in self.lines.all())


class OrderLine(models.Model):
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    unit_price_cents = models.IntegerField()

    def subtotal_cents(self) -> int:
        return self.quantity * self.unit_price_cents
