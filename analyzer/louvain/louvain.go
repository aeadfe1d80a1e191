// Package louvain partitions a weighted, undirected, multiplex graph into
// communities by the Louvain method (Blondel et al., "Fast unfolding of
// communities in large networks", 2008), maximizing the weighted sum of the
// layers' modularities (Mucha et al., 2010; the same objective as gonum's
// community.ModularizeMultiplex).
//
// # Why not gonum's implementation
//
// gonum's community package keeps edge weights in a map and looks each one
// up through an interface on every modularity delta. On the file graph of
// apache/fineract (4,188 nodes, about 30,000 edges) that spends 0.56 s in
// map lookups, half the time the whole analysis may take; on the engine's
// synthetic graph of 100,000 nodes and a million edges it does not finish
// within the ten seconds allowed. This package does the same computation on
// compressed adjacency arrays. Its tests check it against gonum: same
// objective, modularity within a small tolerance of gonum's on the same
// graphs, and gonum's own Q function agrees with Modularity.
//
// # Algorithm
//
// Each level moves nodes, one at a time in a seeded random order, to the
// neighbouring community with the largest gain in
//
//	Q = Σ_l w_l · (1/2m_l) Σ_ij [A^l_ij − γ_l k^l_i k^l_j / 2m_l] δ(c_i, c_j)
//
// until a full pass moves nothing, then merges each community into one
// node (internal weight becoming a self-loop) and starts again on the
// smaller graph, until a level changes nothing. Ties go to the community
// seen first in the node's neighbour list, which is sorted: with the same
// seed the result is the same on every run and every machine.
package louvain

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Edge is an undirected, weighted edge between nodes A and B. Parallel
// edges add up; self-loops are allowed; non-positive weights are dropped.
type Edge struct {
	A, B int
	W    float64
}

// Layer is one layer of a multiplex graph.
type Layer struct {
	Edges []Edge
	// Weight scales the layer's modularity in the objective (0 means 1).
	Weight float64
	// Resolution is the layer's γ (0 means 1): above 1 favours smaller
	// communities.
	Resolution float64
}

// Options tunes a run.
type Options struct {
	Seed uint64
}

// level is one level's graph, in compressed sparse rows per layer.
type level struct {
	n      int
	layers []csr
	w, res []float64 // per layer
	m      []float64 // per layer: total edge weight (each edge once, self-loops included)
}

type csr struct {
	start []int32   // n+1 offsets into to and w
	to    []int32   // neighbours, sorted, self excluded
	w     []float64 // parallel to to
	self  []float64 // self-loop weight per node
	k     []float64 // weighted degree per node: Σ neighbours + 2·self
}

func newCSR(n int, edges []Edge) csr {
	type half struct {
		from, to int32
		w        float64
	}
	c := csr{start: make([]int32, n+1), self: make([]float64, n), k: make([]float64, n)}
	// Bucket the half-edges by their tail (counting sort), then sort each
	// row by head; both steps are stable, so parallel edges add up in the
	// input's order and the sums are the same on every run.
	count := make([]int32, n+1)
	for _, e := range edges {
		if e.W <= 0 || e.A < 0 || e.B < 0 || e.A >= n || e.B >= n {
			continue
		}
		if e.A == e.B {
			c.self[e.A] += e.W
			continue
		}
		count[e.A+1]++
		count[e.B+1]++
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	halves := make([]half, count[n])
	pos := slices.Clone(count[:n])
	for _, e := range edges {
		if e.W <= 0 || e.A < 0 || e.B < 0 || e.A >= n || e.B >= n || e.A == e.B {
			continue
		}
		halves[pos[e.A]] = half{int32(e.A), int32(e.B), e.W}
		pos[e.A]++
		halves[pos[e.B]] = half{int32(e.B), int32(e.A), e.W}
		pos[e.B]++
	}
	for i := range n {
		row := halves[count[i]:count[i+1]]
		slices.SortStableFunc(row, func(x, y half) int { return cmp.Compare(x.to, y.to) })
	}
	last := int32(-1)
	for _, h := range halves {
		if l := len(c.to); l > 0 && last == h.from && c.to[l-1] == h.to {
			c.w[l-1] += h.w
			continue
		}
		c.to = append(c.to, h.to)
		c.w = append(c.w, h.w)
		last = h.from
		c.start[h.from+1] = int32(len(c.to)) // the end of row h.from so far
	}
	// A row with no neighbours ends where the previous one did.
	for i := 1; i <= n; i++ {
		c.start[i] = max(c.start[i], c.start[i-1])
	}
	for i := range n {
		c.k[i] = 2 * c.self[i]
		for j := c.start[i]; j < c.start[i+1]; j++ {
			c.k[i] += c.w[j]
		}
	}
	return c
}

func (c *csr) total() float64 {
	t := 0.0
	for i := range c.self {
		t += c.k[i]
	}
	return t / 2
}

// Cluster returns the community of each of the n nodes, numbered 0, 1, ...
// in the order of their first node.
func Cluster(n int, layers []Layer, opts Options) []int {
	base := &level{n: n}
	for _, l := range layers {
		base.layers = append(base.layers, newCSR(n, l.Edges))
		base.w = append(base.w, orOne(l.Weight))
		base.res = append(base.res, orOne(l.Resolution))
	}
	for i := range base.layers {
		base.m = append(base.m, base.layers[i].total())
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	comm := make([]int, n)
	for i := range comm {
		comm[i] = i
	}
	// Each round runs the levels from the original graph, starting from
	// the last round's partition; a later round can only raise Q, and
	// usually finds a little that the hierarchy fixed too early.
	best := math.Inf(-1)
	var init []int // singletons
	for round := 0; round < 10; round++ {
		next := base.unfold(rng, init)
		init = next
		q := base.modularity(next)
		if q <= best+1e-12 {
			break
		}
		best, comm = q, next
	}
	renumber(comm)
	return comm
}

// unfold runs Louvain's levels on lv, the first starting from the
// partition init, and returns the final partition of lv's nodes.
func (lv *level) unfold(rng *rand.Rand, init []int) []int {
	moved, comm := lv.move(rng, init)
	if !moved {
		return comm
	}
	cur, local := lv, slices.Clone(comm)
	for {
		k := renumber(local)
		if cur != lv {
			for i := range comm {
				comm[i] = local[comm[i]]
			}
		} else {
			copy(comm, local)
		}
		if k == cur.n || k <= 1 {
			return comm
		}
		cur = cur.aggregate(local, k)
		if moved, local = cur.move(rng, nil); !moved {
			return comm
		}
	}
}

// modularity is the objective of a partition of lv's nodes.
func (lv *level) modularity(comm []int) float64 {
	q := 0.0
	for l := range lv.layers {
		g, m := &lv.layers[l], lv.m[l]
		if m == 0 {
			continue
		}
		in := make([]float64, lv.n)
		tot := make([]float64, lv.n)
		for i := range lv.n {
			c := comm[i]
			tot[c] += g.k[i]
			in[c] += g.self[i]
			for j := g.start[i]; j < g.start[i+1]; j++ {
				if t := int(g.to[j]); t > i && comm[t] == c {
					in[c] += g.w[j]
				}
			}
		}
		ql := 0.0
		for c := range lv.n {
			ql += in[c]/m - lv.res[l]*(tot[c]/(2*m))*(tot[c]/(2*m))
		}
		q += lv.w[l] * ql
	}
	return q
}

func orOne(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

// renumber maps community labels to 0, 1, ... in order of first
// appearance, in place, and returns the count.
func renumber(c []int) int {
	ids := map[int]int{}
	for i, x := range c {
		id, ok := ids[x]
		if !ok {
			id = len(ids)
			ids[x] = id
		}
		c[i] = id
	}
	return len(ids)
}

// move runs the local moving phase, from the partition init (labels in
// 0..n-1; nil for singletons), and returns whether any node moved and
// each node's community.
func (lv *level) move(rng *rand.Rand, init []int) (bool, []int) {
	n, nl := lv.n, len(lv.layers)
	comm := make([]int, n)
	tot := make([]float64, n*nl) // community c, layer l: tot[c*nl+l]
	for i := range n {
		comm[i] = i
		if init != nil {
			comm[i] = init[i]
		}
		for l := range nl {
			tot[comm[i]*nl+l] += lv.layers[l].k[i]
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// Scratch: weight from the current node to each neighbouring
	// community, per layer, and the communities touched.
	link := make([]float64, n*nl)
	seen := make([]bool, n)
	var touched []int
	coef := make([]float64, nl) // w_l / m_l
	for l := range nl {
		if lv.m[l] > 0 {
			coef[l] = lv.w[l] / lv.m[l]
		}
	}
	gain := func(i, c int) float64 {
		g := 0.0
		for l := range nl {
			if coef[l] == 0 {
				continue
			}
			g += coef[l] * (link[c*nl+l] - lv.res[l]*tot[c*nl+l]*lv.layers[l].k[i]/(2*lv.m[l]))
		}
		return g
	}
	movedAny := false
	for {
		rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		moved := 0
		for _, i := range order {
			old := comm[i]
			touched = touched[:0]
			touch := func(c int) {
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
			}
			touch(old)
			for l := range nl {
				g := &lv.layers[l]
				for j := g.start[i]; j < g.start[i+1]; j++ {
					c := comm[g.to[j]]
					touch(c)
					link[c*nl+l] += g.w[j]
				}
			}
			for l := range nl {
				tot[old*nl+l] -= lv.layers[l].k[i]
			}
			best, bestGain := old, gain(i, old)
			for _, c := range touched {
				if c == old {
					continue
				}
				if g := gain(i, c); g > bestGain+1e-12 {
					best, bestGain = c, g
				}
			}
			for l := range nl {
				tot[best*nl+l] += lv.layers[l].k[i]
			}
			for _, c := range touched {
				seen[c] = false
				for l := range nl {
					link[c*nl+l] = 0
				}
			}
			if best != old {
				comm[i] = best
				moved++
			}
		}
		if moved == 0 {
			break
		}
		movedAny = true
	}
	return movedAny, comm
}

// aggregate builds the next level: one node per community.
func (lv *level) aggregate(comm []int, k int) *level {
	next := &level{n: k, w: lv.w, res: lv.res, m: lv.m}
	for l := range lv.layers {
		g := &lv.layers[l]
		var edges []Edge
		for i := range lv.n {
			ci := comm[i]
			if g.self[i] > 0 {
				edges = append(edges, Edge{ci, ci, g.self[i]})
			}
			for j := g.start[i]; j < g.start[i+1]; j++ {
				if t := int(g.to[j]); t > i {
					edges = append(edges, Edge{ci, comm[t], g.w[j]})
				}
			}
		}
		next.layers = append(next.layers, newCSR(k, edges))
	}
	return next
}

// Modularity returns the objective for a partition: the weighted sum of
// each layer's modularity Q_l = Σ_c [in_c/m − γ (tot_c/2m)²].
func Modularity(n int, layers []Layer, comm []int) float64 {
	lv := &level{n: n}
	for _, l := range layers {
		g := newCSR(n, l.Edges)
		lv.layers = append(lv.layers, g)
		lv.w = append(lv.w, orOne(l.Weight))
		lv.res = append(lv.res, orOne(l.Resolution))
		lv.m = append(lv.m, g.total())
	}
	c := slices.Clone(comm)
	renumber(c)
	return lv.modularity(c)
}
