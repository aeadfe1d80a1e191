from common.events import DomainEvent


class OrderPlaced(DomainEvent):
    name = "order-placed"

    def __init__(self, order_id: int, total_cents: int):
        self.order_id = order_id
        self.total_cents = total_cents
