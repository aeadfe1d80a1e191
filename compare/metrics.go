package compare

import (
	"cmp"
	"math"
	"slices"
)

// contingency is the overlap table of two clusterings A (rows) and B
// (columns) of the same n objects. Clusters are numbered 0..rows-1 and
// 0..cols-1; every cluster holds at least one object.
type contingency struct {
	n       int
	rowSums []int    // |A_i|
	colSums []int    // |B_j|
	cells   [][]cell // per row, the non-zero overlaps by ascending column
}

type cell struct{ col, count int }

// newContingency builds the table for labelings a and b of the same
// objects (a[k], b[k] are object k's clusters). rows and cols are the
// number of clusters; every label in 0..rows-1 and 0..cols-1 must occur.
func newContingency(a, b []int, rows, cols int) contingency {
	t := contingency{
		n:       len(a),
		rowSums: make([]int, rows),
		colSums: make([]int, cols),
		cells:   make([][]cell, rows),
	}
	type pair struct{ r, c int }
	pairs := make([]pair, len(a))
	for k := range a {
		pairs[k] = pair{a[k], b[k]}
		t.rowSums[a[k]]++
		t.colSums[b[k]]++
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(x.r, y.r), cmp.Compare(x.c, y.c))
	})
	for k := 0; k < len(pairs); {
		j := k
		for j < len(pairs) && pairs[j] == pairs[k] {
			j++
		}
		p := pairs[k]
		t.cells[p.r] = append(t.cells[p.r], cell{p.c, j - k})
		k = j
	}
	return t
}

// identical reports whether the two clusterings are the same up to the
// names of their clusters.
func (t contingency) identical() bool {
	if len(t.rowSums) != len(t.colSums) {
		return false
	}
	for _, row := range t.cells {
		if len(row) != 1 {
			return false
		}
	}
	// Every row meets one column and every column is non-empty, so with
	// as many rows as columns the rows map one-to-one onto the columns.
	return true
}

// mno returns MoJo's mno(A, B): the least number of Move and Join
// operations that turn A into B, computed with Wen and Tzerpos's optimal
// algorithm (see the package documentation).
func (t contingency) mno() int {
	moves := 0
	tags := make([][]int, len(t.cells)) // candidate B clusters of each A_i
	for i, row := range t.cells {
		best := 0
		for _, c := range row {
			best = max(best, c.count)
		}
		moves += t.rowSums[i] - best
		for _, c := range row {
			if c.count == best {
				tags[i] = append(tags[i], c.col)
			}
		}
	}
	// A_i left out of a maximum matching keeps its default group, which
	// is always the matched group of some other cluster (else the
	// matching could grow), so the number of groups is the matching's
	// size, whatever the order ties are broken in.
	groups := maxMatching(tags, len(t.colSums))
	joins := len(t.cells) - groups
	return moves + joins
}

// maxMatching returns the size of a maximum matching of the bipartite
// graph whose left vertex i is adjacent to the right vertices adj[i]
// (Kuhn's augmenting paths, left vertices in order).
func maxMatching(adj [][]int, right int) int {
	match := make([]int, right) // right vertex -> left vertex, or -1
	for j := range match {
		match[j] = -1
	}
	seen := make([]int, right) // round in which a right vertex was visited
	round := 0
	var augment func(u int) bool
	augment = func(u int) bool {
		for _, v := range adj[u] {
			if seen[v] == round {
				continue
			}
			seen[v] = round
			if match[v] < 0 || augment(match[v]) {
				match[v] = u
				return true
			}
		}
		return false
	}
	size := 0
	for u := range adj {
		round++
		if augment(u) {
			size++
		}
	}
	return size
}

// maxMNO returns max mno(any A, B) = n - G for a B with the given
// cluster sizes, where G is grown over the sizes in ascending order by
// one for every size larger than G (Wen and Tzerpos 2004).
func maxMNO(n int, sizes []int) int {
	s := slices.Clone(sizes)
	slices.Sort(s)
	g := 0
	for _, x := range s {
		if g < x {
			g++
		}
	}
	return n - g
}

// mojoFM returns (1 - mno/max) * 100 rounded half-to-even to two
// decimals, as the MoJo tool computes it. When max <= 0 (at most one
// object, or sizes inflated under LastListed) it returns 100 if mno is 0
// and 0 otherwise. The value is clamped to [0, 100].
func mojoFM(mno, maxMNO int) float64 {
	if maxMNO <= 0 {
		if mno == 0 {
			return 100
		}
		return 0
	}
	v := math.RoundToEven((1-float64(mno)/float64(maxMNO))*10000) / 100
	return min(max(v, 0), 100)
}

// comb2 returns x choose 2.
func comb2(x int) float64 { return float64(x) * float64(x-1) / 2 }

// ari returns Hubert and Arabie's adjusted Rand index. It is 1 when the
// clusterings are identical, including the degenerate cases in which
// the index is 0/0 (fewer than two objects; both clusterings all
// singletons; both one cluster).
func (t contingency) ari() float64 {
	if t.n < 2 || t.identical() {
		return 1
	}
	var index, a, b float64
	for _, row := range t.cells {
		for _, c := range row {
			index += comb2(c.count)
		}
	}
	for _, x := range t.rowSums {
		a += comb2(x)
	}
	for _, x := range t.colSums {
		b += comb2(x)
	}
	expected := a * b / comb2(t.n)
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		// Only when both clusterings are the same trivial one, which
		// identical already caught; kept against rounding.
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// nmi returns the mutual information of the two clusterings normalized
// by the arithmetic mean of their entropies, 2 I(A;B) / (H(A) + H(B)).
// It is 1 when the clusterings are identical (also when both are one
// cluster, where it is 0/0) and 0 when exactly one of them is a single
// cluster.
func (t contingency) nmi() float64 {
	if t.n == 0 || t.identical() {
		return 1
	}
	n := float64(t.n)
	entropy := func(sizes []int) float64 {
		var terms []float64
		for _, x := range sizes {
			p := float64(x) / n
			terms = append(terms, -p*math.Log(p))
		}
		return sum(terms)
	}
	ha, hb := entropy(t.rowSums), entropy(t.colSums)
	if ha+hb == 0 {
		return 1
	}
	var terms []float64
	for i, row := range t.cells {
		for _, c := range row {
			x := float64(c.count)
			terms = append(terms, x/n*math.Log(n*x/(float64(t.rowSums[i])*float64(t.colSums[c.col]))))
		}
	}
	return min(max(2*sum(terms)/(ha+hb), 0), 1)
}

// sum adds the terms in ascending order, so that the result does not
// depend on how the clusters are named (which orders the terms).
func sum(terms []float64) float64 {
	slices.Sort(terms)
	s := 0.0
	for _, x := range terms {
		s += x
	}
	return s
}
