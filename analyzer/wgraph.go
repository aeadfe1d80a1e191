package analyzer

import (
	"cmp"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// wgraph is a weighted undirected graph on nodes 0..n-1 that gonum's
// community detection can read. Unlike gonum's map-backed simple graphs it
// lists nodes and neighbours in ascending order, which Louvain needs to
// give the same partition on every run: the order in which it visits
// neighbours decides the order of floating-point sums and so which move
// wins a near tie.
type wgraph struct {
	adj [][]int32   // sorted neighbour lists
	w   [][]float64 // weights, parallel to adj
}

// wedge is one undirected edge with its weight, for building a wgraph.
type wedge struct {
	a, b int
	w    float64
}

// newWGraph builds a graph on n nodes; parallel edges are summed and
// self-loops dropped.
func newWGraph(n int, edges []wedge) *wgraph {
	g := &wgraph{adj: make([][]int32, n), w: make([][]float64, n)}
	type half struct {
		to int32
		w  float64
	}
	halves := make([][]half, n)
	for _, e := range edges {
		if e.a == e.b || e.w <= 0 {
			continue
		}
		halves[e.a] = append(halves[e.a], half{int32(e.b), e.w})
		halves[e.b] = append(halves[e.b], half{int32(e.a), e.w})
	}
	for i, hs := range halves {
		slices.SortFunc(hs, func(x, y half) int { return cmp.Compare(x.to, y.to) })
		for _, h := range hs {
			if k := len(g.adj[i]); k > 0 && g.adj[i][k-1] == h.to {
				g.w[i][k-1] += h.w
				continue
			}
			g.adj[i] = append(g.adj[i], h.to)
			g.w[i] = append(g.w[i], h.w)
		}
	}
	return g
}

func (g *wgraph) degree(i int) int { return len(g.adj[i]) }

func (g *wgraph) find(x, y int64) (int, bool) {
	if x < 0 || int(x) >= len(g.adj) {
		return 0, false
	}
	return slices.BinarySearch(g.adj[x], int32(y))
}

func (g *wgraph) Node(id int64) gonum.Node {
	if id < 0 || int(id) >= len(g.adj) {
		return nil
	}
	return simple.Node(id)
}

func (g *wgraph) Nodes() gonum.Nodes {
	nodes := make([]gonum.Node, len(g.adj))
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *wgraph) From(id int64) gonum.Nodes {
	if id < 0 || int(id) >= len(g.adj) || len(g.adj[id]) == 0 {
		return gonum.Empty
	}
	nodes := make([]gonum.Node, len(g.adj[id]))
	for i, v := range g.adj[id] {
		nodes[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *wgraph) HasEdgeBetween(x, y int64) bool {
	_, ok := g.find(x, y)
	return ok
}

func (g *wgraph) Edge(u, v int64) gonum.Edge { return g.WeightedEdge(u, v) }

func (g *wgraph) EdgeBetween(x, y int64) gonum.Edge { return g.WeightedEdge(x, y) }

func (g *wgraph) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge { return g.WeightedEdge(x, y) }

func (g *wgraph) WeightedEdge(u, v int64) gonum.WeightedEdge {
	i, ok := g.find(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: g.w[u][i]}
}

func (g *wgraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	i, ok := g.find(x, y)
	if !ok {
		return 0, false
	}
	return g.w[x][i], true
}
