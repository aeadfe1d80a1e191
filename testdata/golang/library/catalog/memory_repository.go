package catalog

import "example.com/library/shared"

// MemoryBookRepository keeps books in memory (for demos).
type MemoryBookRepository struct {
	books map[int64]*Book
}

// Find returns a book.
func (m *MemoryBookRepository) Find(id int64) (*Book, error) {
	if b, ok := m.books[id]; ok {
		return b, nil
	}
	return nil, shared.ErrNotFound
}

// Save keeps a book.
func (m *MemoryBookRepository) Save(b *Book) error {
	if m.books == nil {
		m.books = map[int64]*Book{}
	}
	m.books[b.ID] = b
	return nil
}

// ByAuthor lists an author's books.
func (m *MemoryBookRepository) ByAuthor(authorID int64) ([]Book, error) {
	var out []Book
	for _, b := range m.books {
		if b.AuthorID == authorID {
			out = append(out, *b)
		}
	}
	return out, nil
}
