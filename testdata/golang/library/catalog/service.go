package catalog

import (
	"time"

	"example.com/library/shared"
)

// Service is the catalog's use cases.
type Service struct {
	repo   BookRepository
	clock  shared.Clock
	events []Event
}

// NewService returns a catalog service.
func NewService(repo BookRepository, clock shared.Clock) *Service {
	return &Service{repo: repo, clock: clock}
}

// Lookup finds a book.
func (s *Service) Lookup(id int64) (*Book, error) {
	return s.repo.Find(id)
}

// Add adds a book to the catalog.
func (s *Service) Add(title string, author Author, price shared.Money) (*Book, error) {
	b := &Book{Title: title, Author: author, Price: price}
	b.CreatedAt = s.clock.Now()
	if err := s.repo.Save(b); err != nil {
		return nil, err
	}
	s.events = append(s.events, BookAdded{Book: *b, At: time.Now()})
	return b, nil
}
