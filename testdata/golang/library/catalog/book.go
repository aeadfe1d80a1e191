// Package catalog is the books a library holds: titles, authors and
// their search.
package catalog

import "example.com/library/shared"

// Book is a title of the catalog (a GORM model: table books by GORM's
// naming rule).
type Book struct {
	shared.Entity
	Title    string
	AuthorID int64
	Author   Author
	Price    shared.Money
}

// Label is how a book is shown.
func (b Book) Label() string { return b.Title + " by " + b.Author.Name }

// Format is a book's format.
type Format string

// The formats.
const (
	Paperback Format = "paperback"
	Ebook     Format = "ebook"
)
