package lending

import "example.com/library/catalog"

// CatalogAdapter is the Catalog port on the catalog context's service.
type CatalogAdapter struct {
	books *catalog.Service
}

// NewCatalogAdapter adapts a catalog service.
func NewCatalogAdapter(s *catalog.Service) CatalogAdapter { return CatalogAdapter{books: s} }

// Title returns a book's label.
func (a CatalogAdapter) Title(bookID int64) (string, error) {
	b, err := a.books.Lookup(bookID)
	if err != nil {
		return "", err
	}
	return b.Label(), nil
}
