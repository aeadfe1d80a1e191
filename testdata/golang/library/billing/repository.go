package billing

import (
	"context"
	"database/sql"
	"fmt"
)

const insertInvoice = "INSERT INTO invoices (member_id) VALUES ($1) RETURNING id"

// InvoiceRepository keeps invoices with database/sql.
type InvoiceRepository struct {
	db *sql.DB
}

// Load reads an invoice and its lines.
func (r *InvoiceRepository) Load(ctx context.Context, id int64) (*Invoice, error) {
	inv := &Invoice{ID: id}
	row := r.db.QueryRowContext(ctx, "SELECT member_id FROM invoices WHERE id = $1", id)
	if err := row.Scan(&inv.MemberID); err != nil {
		return nil, err
	}
	rows, err := r.db.QueryContext(ctx, `SELECT loan_id, cents FROM invoice_lines WHERE invoice_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return inv, nil
}

// Create writes an invoice.
func (r *InvoiceRepository) Create(ctx context.Context, inv *Invoice) error {
	return r.db.QueryRowContext(ctx, insertInvoice, inv.MemberID).Scan(&inv.ID)
}

// Set updates one column of an invoice.
func (r *InvoiceRepository) Set(ctx context.Context, id int64, column string, value any) error {
	_, err := r.db.ExecContext(ctx, "UPDATE invoices SET "+column+" = $1 WHERE id = $2", value, id)
	return err
}

// PaymentCount counts the payments of an invoice.
func (r *InvoiceRepository) PaymentCount(ctx context.Context, id int64) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM payments WHERE invoice_id = %d", id)).Scan(&n)
	return n, err
}
