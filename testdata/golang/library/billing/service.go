package billing

import (
	"context"
	"time"

	"example.com/library/lending"
	"example.com/library/shared"
)

// Service bills late loans.
type Service struct {
	loans    *lending.LoanStore
	invoices *InvoiceRepository
	fines    FineCalculator
	ledger   *Ledger
	clock    shared.Clock
}

// NewService returns a billing service.
func NewService(loans *lending.LoanStore, invoices *InvoiceRepository, ledger *Ledger) *Service {
	return &Service{loans: loans, invoices: invoices, ledger: ledger, clock: shared.SystemClock{},
		fines: FineCalculator{PerDay: shared.Money{Cents: 50, Currency: "EUR"}}}
}

// BillOverdue invoices a member for the loans that are late.
func (s *Service) BillOverdue(ctx context.Context, memberID int64) (*Invoice, error) {
	late, err := s.loans.Overdue()
	if err != nil {
		return nil, err
	}
	inv := &Invoice{MemberID: memberID}
	now := s.clock.Now()
	for _, l := range late {
		inv.Lines = append(inv.Lines, Line{LoanID: l.ID, Amount: s.fines.For(l, now)})
	}
	return inv, s.invoices.Create(ctx, inv)
}

// Settle pays an invoice in full.
func (s *Service) Settle(ctx context.Context, inv *Invoice) error {
	total := inv.Total("EUR")
	return s.ledger.Pay(ctx, inv.ID, total.Cents)
}

var _ = time.Hour
