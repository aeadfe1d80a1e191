package billing

import (
	"context"

	"example.com/library/billing/db"
)

// Ledger records payments through the queries sqlc generated.
type Ledger struct {
	q *db.Queries
}

// NewLedger returns a ledger on a connection.
func NewLedger(conn db.DBTX) *Ledger { return &Ledger{q: db.New(conn)} }

// Pay records a payment.
func (l *Ledger) Pay(ctx context.Context, invoiceID, cents int64) error {
	_, err := l.q.CreatePayment(ctx, db.CreatePaymentParams{InvoiceID: invoiceID, Cents: cents})
	return err
}

// Payments lists the payments of an invoice.
func (l *Ledger) Payments(ctx context.Context, invoiceID int64) ([]db.Payment, error) {
	return l.q.ListPayments(ctx, invoiceID)
}
