package shipping

import (
	"context"
	"database/sql"
)

const pendingSQL = `SELECT s.id, s.tracking_code FROM shipments s
JOIN carriers c ON c.id = s.carrier_id
WHERE c.name = $1 AND s.delivered_at IS NULL`

// Pending is a shipment not yet delivered.
type Pending struct {
	ID           int64
	TrackingCode string
}

// PendingForCarrier lists the shipments of a carrier not yet delivered.
func PendingForCarrier(ctx context.Context, db *sql.DB, carrier string) ([]Pending, error) {
	rows, err := db.QueryContext(ctx, pendingSQL, carrier)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Pending
	for rows.Next() {
		var p Pending
		if err := rows.Scan(&p.ID, &p.TrackingCode); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
