from common.db import session_scope
from ..models import Invoice
from ..repository import InvoiceRepository


def invoice_status(invoice_id: int) -> str:
    with session_scope() as session:
        invoice = InvoiceRepository(session).get(invoice_id)
        match invoice:
            case Invoice(total=0):
                return "free"
            case Invoice(payments=[]):
                return "due"
            case _:
                return "paid"
