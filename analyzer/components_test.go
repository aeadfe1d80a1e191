package analyzer

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// TestComponentsMatchGonum compares the strongly connected components with
// gonum's Tarjan on random graphs, self-loops and parallel edges
// included.
func TestComponentsMatchGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for round := range 200 {
		n := 1 + r.IntN(40)
		var edges [][2]int
		dg := simple.NewDirectedGraph()
		for i := range n {
			dg.AddNode(simple.Node(i))
		}
		for range r.IntN(3 * n) {
			a, b := r.IntN(n), r.IntN(n)
			edges = append(edges, [2]int{a, b})
			if a != b && !dg.HasEdgeFromTo(int64(a), int64(b)) {
				dg.SetEdge(simple.Edge{F: simple.Node(a), T: simple.Node(b)})
			}
		}
		norm := func(cs [][]int) [][]int {
			for _, c := range cs {
				slices.Sort(c)
			}
			slices.SortFunc(cs, func(a, b []int) int { return a[0] - b[0] })
			return cs
		}
		got := norm(components(n, edges))
		var want [][]int
		for _, c := range topo.TarjanSCC(dg) {
			var ids []int
			for _, v := range c {
				ids = append(ids, int(v.ID()))
			}
			want = append(want, ids)
		}
		want = norm(want)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Fatalf("round %d: components %v, gonum %v (edges %v)", round, got, want, edges)
		}
	}
	// A chain of a million nodes and its back edge: one component, no
	// stack overflow.
	n := 1_000_000
	edges := make([][2]int, 0, n)
	for i := 0; i+1 < n; i++ {
		edges = append(edges, [2]int{i, i + 1})
	}
	edges = append(edges, [2]int{n - 1, 0})
	if cs := components(n, edges); len(cs) != 1 || len(cs[0]) != n {
		t.Fatalf("chain: %d components", len(cs))
	}
}
