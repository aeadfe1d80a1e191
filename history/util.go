package history

import (
	"maps"
	"slices"
	"strconv"
)

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
