package catalog

// BookRepository stores books.
type BookRepository interface {
	Find(id int64) (*Book, error)
	Save(b *Book) error
	ByAuthor(authorID int64) ([]Book, error)
}

// Tag is a label on books, kept in a table no model maps.
type Tag struct {
	BookID int64
	Label  string
}
