package shared

import "time"

// Entity is embedded by the domain objects that have an identity.
type Entity struct {
	ID        int64
	CreatedAt time.Time
}

// Identity returns the entity's ID.
func (e Entity) Identity() int64 { return e.ID }
