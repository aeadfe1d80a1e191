package billing

import (
	"time"

	"example.com/library/lending"
	"example.com/library/shared"
)

// FineCalculator prices late loans.
type FineCalculator struct {
	PerDay shared.Money
}

// For returns the fine of a loan at t.
func (f FineCalculator) For(l lending.Loan, t time.Time) shared.Money {
	if !l.Overdue(t) {
		return shared.Zero(f.PerDay.Currency)
	}
	days := int64(t.Sub(l.Due).Hours() / 24)
	return f.PerDay.Times(days)
}
