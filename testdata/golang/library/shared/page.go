package shared

// Page is one page of a listing.
type Page[T any] struct {
	Items []T
	Total int
}

// Paginate cuts the first page out of items.
func Paginate[T any](items []T, size int) Page[T] {
	if size > MaxPageSize {
		size = MaxPageSize
	}
	if len(items) > size {
		return Page[T]{Items: items[:size], Total: len(items)}
	}
	return Page[T]{Items: items, Total: len(items)}
}
