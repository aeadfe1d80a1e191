from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from common.repository import Repository
from .models import Invoice, Payment, audit_log


class InvoiceRepository(Repository["Invoice"]):
    def __init__(self, session: Session):
        self.session = session

    def get(self, invoice_id: int) -> Invoice:
        return self.session.query(Invoice).filter_by(id=invoice_id).one()

    def for_order(self, order_id: int) -> list[Invoice]:
        return list(self.session.scalars(select(Invoice).where(Invoice.order_id == order_id)))

    def add(self, invoice: Invoice) -> None:
        self.session.add(invoice)
        self.session.execute(insert(audit_log).values(invoice_id=invoice.id, event="created"))

    def record_payment(self, invoice: Invoice, amount) -> Payment:
        payment = Payment(invoice_id=invoice.id, amount=amount)
        self.session.add(payment)
        return payment
