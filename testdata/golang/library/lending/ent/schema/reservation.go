package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// Reservation holds a book for a member (table reservations, by ent's
// naming rule).
type Reservation struct {
	ent.Schema
}

// Fields of a reservation.
func (Reservation) Fields() []ent.Field {
	return []ent.Field{field.Int("member_id"), field.Int("book_id")}
}
