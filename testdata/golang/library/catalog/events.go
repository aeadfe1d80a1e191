package catalog

import "time"

// Event is something that happened in the catalog.
type Event interface {
	Name() string
}

// BookAdded says a book joined the catalog.
type BookAdded struct {
	Book Book
	At   time.Time
}

// Name names the event.
func (BookAdded) Name() string { return "book-added" }

// DefaultPageSize is the size of a search page.
var DefaultPageSize = 20
