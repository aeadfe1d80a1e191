// Package shipping tracks the shipments the Rails application starts.
package shipping

import (
	"context"
	"database/sql"
)

// Tracker records what the carriers report.
type Tracker struct {
	db *sql.DB
}

// NewTracker returns a Tracker on db.
func NewTracker(db *sql.DB) *Tracker { return &Tracker{db: db} }

// MarkDelivered records the delivery of a shipment.
func (t *Tracker) MarkDelivered(ctx context.Context, id int64) error {
	_, err := t.db.ExecContext(ctx, "UPDATE shipments SET delivered_at = now() WHERE id = $1", id)
	return err
}
