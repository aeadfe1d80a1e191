from common.db import session_scope
from common.events import handles
from ordering.events import OrderPlaced
from .services import InvoicingService


@handles(OrderPlaced)
def invoice_order(event: OrderPlaced) -> None:
    with session_scope() as session:
        InvoicingService(session).invoice(event.order_id)
