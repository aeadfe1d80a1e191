package catalog

import "example.com/library/shared"

// Search lists the books of an author, one page at a time. (A method of
// Service declared in another file.)
func (s *Service) Search(authorID int64) (shared.Page[Book], error) {
	books, err := s.repo.ByAuthor(authorID)
	if err != nil {
		return shared.Page[Book]{}, err
	}
	return shared.Paginate(books, DefaultPageSize), nil
}
