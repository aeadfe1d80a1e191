from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bazaar import settings


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str = settings.CURRENCY

    @classmethod
    def zero(cls) -> Money:
        return cls(Decimal(0))

    def add(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise CurrencyMismatch(self.currency, other.currency)
        return Money(self.amount + other.amount, self.currency)

    def times(self, n: int) -> Money:
        return Money(self.amount * n, self.currency)


class CurrencyMismatch(ValueError):
    pass


def format_money(m: Money) -> str:
    return f"{m.amount:.2f} {m.currency}"
