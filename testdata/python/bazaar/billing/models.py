from sqlalchemy import Column, ForeignKey, Integer, Numeric, String, Table
from sqlalchemy.orm import relationship

from common.db import Base


class Invoice(Base):
    __tablename__ = "billing_invoices"

    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, nullable=False)
    customer_email = Column(String(200))
    total = Column(Numeric(10, 2))
    payments = relationship("Payment", back_populates="invoice")


class Payment(Base):
    __tablename__ = "billing_payments"

    id = Column(Integer, primary_key=True)
    invoice_id = Column(Integer, ForeignKey("billing_invoices.id"))
    amount = Column(Numeric(10, 2))
    invoice = relationship("Invoice", back_populates="payments")


audit_log = Table(
    "billing_audit",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("invoice_id", Integer, ForeignKey("billing_invoices.id")),
    Column("event", String(40)),
)
