// Package shared is the shared kernel of the library: money, entities,
// clocks, errors and pages, used by every context.
package shared

import "fmt"

// Currency is an ISO 4217 code.
type Currency string

// Money is an amount in a currency, in cents.
type Money struct {
	Cents    int64
	Currency Currency
}

// Add returns the sum of two amounts of one currency.
func (m Money) Add(o Money) Money {
	return Money{Cents: m.Cents + o.Cents, Currency: m.Currency}
}

// Times multiplies an amount.
func (m Money) Times(n int64) Money {
	return Money{Cents: m.Cents * n, Currency: m.Currency}
}

func (m Money) String() string {
	return fmt.Sprintf("%d.%02d %s", m.Cents/100, m.Cents%100, m.Currency)
}

// Zero is no money in a currency.
func Zero(c Currency) Money { return Money{Currency: c} }
