from decimal import Decimal

from sqlalchemy.orm import Session

from common.money import Money
from ordering.models import Order
from . import tasks
from .models import Invoice
from .repository import InvoiceRepository


class InvoicingService:
    def __init__(self, session: Session):
        self.invoices = InvoiceRepository(session)

    def invoice(self, order_id: int) -> Invoice:
        order = Order.objects.get(pk=order_id)
        total = Money(Decimal(order.lines_total_cents()) / 100)
        invoice = Invoice(order_id=order.pk, customer_email=order.customer_email, total=total.amount)
        self.invoices.add(invoice)
        tasks.send_invoice.delay(invoice.id)
        return invoice

    def pay(self, invoice_id: int, amount: Decimal) -> None:
        invoice = self.invoices.get(invoice_id)
        self.invoices.record_payment(invoice, amount)
