export class Money {
  constructor(readonly amount: number, readonly currency: string) {}

  static zero(currency: string): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    return new Money(this.amount + other.amount, this.currency);
  }
}

export function sumMoney(items: Money[], currency: string): Money {
  return items.reduce((acc, m) => acc.add(m), Money.zero(currency));
}
