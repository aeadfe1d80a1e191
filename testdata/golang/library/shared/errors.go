package shared

import "errors"

// ErrNotFound says a record does not exist.
var ErrNotFound = errors.New("not found")

// MaxPageSize bounds every listing.
const MaxPageSize = 100
