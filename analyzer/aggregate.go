package analyzer

import "slices"

// pairs is a sparse matrix built from (x, y, w) triples with the weights
// of equal pairs summed: row x holds its distinct ys, ascending, and
// their sums. It replaces maps keyed by pairs, which cost most of an
// analysis of a million dependencies in hashing.
type pairs struct {
	start []int32 // row x is ys[start[x]:start[x+1]]
	ys    []int32
	ws    []float64
}

// row returns the ys and weights of row x.
func (p *pairs) row(x int) ([]int32, []float64) {
	return p.ys[p.start[x]:p.start[x+1]], p.ws[p.start[x]:p.start[x+1]]
}

// rows is the number of rows.
func (p *pairs) rows() int { return len(p.start) - 1 }

// aggregate builds the matrix of n rows and cols columns from the triples
// each emits. each is called twice (a count, then a fill) and must emit
// the same triples both times.
func aggregate(n, cols int, each func(emit func(x, y int, w float64))) *pairs {
	count := make([]int32, n+1)
	each(func(x, _ int, _ float64) { count[x+1]++ })
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	ys := make([]int32, count[n])
	ws := make([]float64, count[n])
	next := slices.Clone(count[:n])
	each(func(x, y int, w float64) {
		i := next[x]
		ys[i], ws[i] = int32(y), w
		next[x]++
	})
	// Sum duplicates in place, row by row, with a dense slot per column.
	slot := make([]int32, cols)
	for i := range slot {
		slot[i] = -1
	}
	p := &pairs{start: make([]int32, n+1)}
	out := int32(0)
	for x := range n {
		from := out
		for i := count[x]; i < count[x+1]; i++ {
			y := ys[i]
			if s := slot[y]; s >= from {
				ws[s] += ws[i]
				continue
			}
			slot[y] = out
			ys[out], ws[out] = y, ws[i]
			out++
		}
		row := rowSorter{ys[from:out], ws[from:out]}
		if !slices.IsSorted(row.ys) {
			row.sort()
		}
		p.start[x+1] = out
	}
	p.ys, p.ws = ys[:out], ws[:out]
	return p
}

// rowSorter sorts a row's ys with their weights.
type rowSorter struct {
	ys []int32
	ws []float64
}

func (r rowSorter) sort() {
	if len(r.ys) <= 24 { // most rows: insertion sort, no allocation
		for i := 1; i < len(r.ys); i++ {
			y, w, j := r.ys[i], r.ws[i], i
			for ; j > 0 && r.ys[j-1] > y; j-- {
				r.ys[j], r.ws[j] = r.ys[j-1], r.ws[j-1]
			}
			r.ys[j], r.ws[j] = y, w
		}
		return
	}
	idx := make([]int, len(r.ys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return int(r.ys[a]) - int(r.ys[b]) })
	ys, ws := slices.Clone(r.ys), slices.Clone(r.ws)
	for i, j := range idx {
		r.ys[i], r.ws[i] = ys[j], ws[j]
	}
}
