// Package billing is the fines and invoices of late loans.
package billing

import "example.com/library/shared"

// Invoice bills a member.
type Invoice struct {
	ID       int64
	MemberID int64
	Lines    []Line
}

// Line is one charge of an invoice.
type Line struct {
	LoanID int64
	Amount shared.Money
}

// Total adds the lines up.
func (inv Invoice) Total(c shared.Currency) shared.Money {
	total := shared.Zero(c)
	for _, l := range inv.Lines {
		total = total.Add(l.Amount)
	}
	return total
}
