package louvain

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// karate is Zachary's karate club (1977), 34 members, 78 ties, 1-based.
var karate = [][2]int{
	{1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 9}, {1, 11}, {1, 12}, {1, 13}, {1, 14}, {1, 18}, {1, 20}, {1, 22}, {1, 32},
	{2, 3}, {2, 4}, {2, 8}, {2, 14}, {2, 18}, {2, 20}, {2, 22}, {2, 31},
	{3, 4}, {3, 8}, {3, 9}, {3, 10}, {3, 14}, {3, 28}, {3, 29}, {3, 33},
	{4, 8}, {4, 13}, {4, 14}, {5, 7}, {5, 11}, {6, 7}, {6, 11}, {6, 17}, {7, 17},
	{9, 31}, {9, 33}, {9, 34}, {10, 34}, {14, 34}, {15, 33}, {15, 34}, {16, 33}, {16, 34},
	{19, 33}, {19, 34}, {20, 34}, {21, 33}, {21, 34}, {23, 33}, {23, 34},
	{24, 26}, {24, 28}, {24, 30}, {24, 33}, {24, 34}, {25, 26}, {25, 28}, {25, 32}, {26, 32},
	{27, 30}, {27, 34}, {28, 34}, {29, 32}, {29, 34}, {30, 33}, {30, 34}, {31, 33}, {31, 34},
	{32, 33}, {32, 34}, {33, 34},
}

func karateEdges() []Edge {
	var es []Edge
	for _, e := range karate {
		es = append(es, Edge{e[0] - 1, e[1] - 1, 1})
	}
	return es
}

// ringOfCliques is k cliques of size s, each joined to the next by one edge.
func ringOfCliques(k, s int) []Edge {
	var es []Edge
	for c := range k {
		base := c * s
		for i := range s {
			for j := i + 1; j < s; j++ {
				es = append(es, Edge{base + i, base + j, 1})
			}
		}
		es = append(es, Edge{base, ((c + 1) % k) * s, 1})
	}
	return es
}

// planted is a random graph with k planted groups of size s: dense inside
// (pin), sparse across (pout), weights in [1, 3).
func planted(seed uint64, k, s int, pin, pout float64) []Edge {
	r := rand.New(rand.NewPCG(seed, seed))
	n := k * s
	var es []Edge
	for i := range n {
		for j := i + 1; j < n; j++ {
			p := pout
			if i/s == j/s {
				p = pin
			}
			if r.Float64() < p {
				es = append(es, Edge{i, j, 1 + 2*r.Float64()})
			}
		}
	}
	return es
}

func toGonum(n int, es []Edge) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, e := range es {
		if e.A == e.B {
			continue
		}
		w := e.W
		if old := g.WeightedEdge(int64(e.A), int64(e.B)); old != nil {
			w += old.Weight()
		}
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.A), T: simple.Node(e.B), W: w})
	}
	return g
}

func communities(comm []int) [][]gonum.Node {
	k := slices.Max(comm) + 1
	out := make([][]gonum.Node, k)
	for i, c := range comm {
		out[c] = append(out[c], simple.Node(i))
	}
	return out
}

func TestRingOfCliques(t *testing.T) {
	es := ringOfCliques(8, 5)
	comm := Cluster(40, []Layer{{Edges: es}}, Options{Seed: 1})
	for i := range 40 {
		if comm[i] != comm[i/5*5] {
			t.Fatalf("node %d not with its clique: %v", i, comm)
		}
	}
	if k := slices.Max(comm) + 1; k != 8 {
		t.Fatalf("got %d communities, want 8: %v", k, comm)
	}
}

// TestModularityMatchesGonum checks the objective against gonum's Q.
func TestModularityMatchesGonum(t *testing.T) {
	for seed := range uint64(5) {
		es := planted(seed, 4, 10, 0.5, 0.05)
		comm := Cluster(40, []Layer{{Edges: es}}, Options{Seed: seed})
		for _, res := range []float64{0.5, 1, 2} {
			got := Modularity(40, []Layer{{Edges: es, Resolution: res}}, comm)
			want := community.Q(toGonum(40, es), communities(comm), res)
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("seed %d, γ=%v: Modularity %v, gonum Q %v", seed, res, got, want)
			}
		}
	}
}

// TestAsGoodAsGonum compares the modularity reached with gonum's Louvain.
func TestAsGoodAsGonum(t *testing.T) {
	cases := map[string]struct {
		n  int
		es []Edge
	}{
		"karate":  {34, karateEdges()},
		"ring":    {60, ringOfCliques(12, 5)},
		"planted": {200, planted(7, 8, 25, 0.3, 0.02)},
		"noisy":   {200, planted(9, 5, 40, 0.15, 0.05)},
	}
	for name, c := range cases {
		g := toGonum(c.n, c.es)
		var ours, theirs []float64
		for seed := range uint64(7) {
			comm := Cluster(c.n, []Layer{{Edges: c.es}}, Options{Seed: seed})
			ours = append(ours, Modularity(c.n, []Layer{{Edges: c.es}}, comm))
			r := community.Modularize(g, 1, rand.NewPCG(seed, seed))
			theirs = append(theirs, community.Q(g, r.Communities(), 1))
		}
		slices.Sort(ours)
		slices.Sort(theirs)
		t.Logf("%s: median modularity over 7 seeds: ours %.4f, gonum %.4f", name, ours[3], theirs[3])
		if ours[3] < theirs[3]-0.01 {
			t.Errorf("%s: median modularity %.4f, gonum's %.4f", name, ours[3], theirs[3])
		}
	}
}

func TestKarateKnownOptimum(t *testing.T) {
	comm := Cluster(34, []Layer{{Edges: karateEdges()}}, Options{Seed: 1})
	q := Modularity(34, []Layer{{Edges: karateEdges()}}, comm)
	// The optimum is 0.4198 (Brandes et al. 2008); Louvain finds 0.4188.
	if q < 0.40 || q > 0.4199 {
		t.Errorf("karate modularity %.4f, want about 0.419", q)
	}
}

func TestDeterministic(t *testing.T) {
	es := planted(3, 6, 30, 0.2, 0.03)
	first := Cluster(180, []Layer{{Edges: es}}, Options{Seed: 42})
	for range 5 {
		if got := Cluster(180, []Layer{{Edges: es}}, Options{Seed: 42}); !slices.Equal(got, first) {
			t.Fatal("same seed, different partition")
		}
	}
	// The order edges are given in does not matter.
	shuffled := slices.Clone(es)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := Cluster(180, []Layer{{Edges: shuffled}}, Options{Seed: 42}); !slices.Equal(got, first) {
		t.Fatal("edge order changed the partition")
	}
}

func TestResolution(t *testing.T) {
	es := ringOfCliques(16, 4)
	coarse := Cluster(64, []Layer{{Edges: es, Resolution: 0.05}}, Options{Seed: 1})
	fine := Cluster(64, []Layer{{Edges: es, Resolution: 1}}, Options{Seed: 1})
	if slices.Max(coarse) >= slices.Max(fine) {
		t.Errorf("lower resolution gave %d communities, higher %d", slices.Max(coarse)+1, slices.Max(fine)+1)
	}
}

// TestMultiplex checks that a second layer that agrees with the first
// changes nothing, and that a heavy layer wins.
func TestMultiplex(t *testing.T) {
	a := ringOfCliques(6, 5) // groups {0-4}, {5-9}, ...
	// b groups nodes by i mod 5: across a's cliques.
	var b []Edge
	for i := range 30 {
		for j := i + 1; j < 30; j++ {
			if i%5 == j%5 {
				b = append(b, Edge{i, j, 1})
			}
		}
	}
	onlyA := Cluster(30, []Layer{{Edges: a}}, Options{Seed: 1})
	withB := Cluster(30, []Layer{{Edges: a, Weight: 1}, {Edges: b, Weight: 0.001}}, Options{Seed: 1})
	if !slices.Equal(onlyA, withB) {
		t.Errorf("a negligible layer changed the partition:\n%v\n%v", onlyA, withB)
	}
	heavyB := Cluster(30, []Layer{{Edges: a, Weight: 0.001}, {Edges: b, Weight: 1}}, Options{Seed: 1})
	for i := range 30 {
		if heavyB[i] != heavyB[i%5] {
			t.Fatalf("the heavy layer did not win: %v", heavyB)
		}
	}
	// The objective is the weighted sum of the layers' Q.
	la, lb := []Layer{{Edges: a}}, []Layer{{Edges: b}}
	sum := 0.3*Modularity(30, la, heavyB) + 0.7*Modularity(30, lb, heavyB)
	if got := Modularity(30, []Layer{{Edges: a, Weight: 0.3}, {Edges: b, Weight: 0.7}}, heavyB); math.Abs(got-sum) > 1e-12 {
		t.Errorf("multiplex modularity %v, weighted sum %v", got, sum)
	}
}

func TestEdgeCases(t *testing.T) {
	if got := Cluster(0, nil, Options{}); len(got) != 0 {
		t.Errorf("empty graph: %v", got)
	}
	if got := Cluster(3, []Layer{{}}, Options{}); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("no edges: %v, want singletons", got)
	}
	got := Cluster(4, []Layer{{Edges: []Edge{{0, 1, 1}, {0, 1, 2}, {2, 2, 5}, {3, 1, -1}}}}, Options{})
	if got[0] != got[1] || got[2] == got[0] {
		t.Errorf("parallel edges, self-loop, negative weight: %v", got)
	}
}

// BenchmarkVersusGonum times this package and gonum's Modularize on the
// same planted graph, and reports the ratio.
func BenchmarkVersusGonum(b *testing.B) {
	n, es := 5000, planted(1, 50, 100, 0.06, 0.0004)
	g := toGonum(n, es)
	var ours, theirs time.Duration
	for b.Loop() {
		t0 := time.Now()
		Cluster(n, []Layer{{Edges: es}}, Options{Seed: 1})
		t1 := time.Now()
		community.Modularize(g, 1, rand.NewPCG(1, 1))
		theirs += time.Since(t1)
		ours += t1.Sub(t0)
	}
	b.ReportMetric(float64(ours.Microseconds())/float64(b.N)/1000, "ms-ours/op")
	b.ReportMetric(float64(theirs.Microseconds())/float64(b.N)/1000, "ms-gonum/op")
	b.ReportMetric(float64(theirs)/float64(ours), "speedup")
}

// BenchmarkLarge clusters a synthetic graph of 100,000 nodes and about a
// million edges.
func BenchmarkLarge(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 5))
	n, groups := 100_000, 500
	var es []Edge
	for len(es) < 1_000_000 {
		a := r.IntN(n)
		c := a
		if r.Float64() < 0.9 {
			c = a/(n/groups)*(n/groups) + r.IntN(n/groups)
		} else {
			c = r.IntN(n)
		}
		es = append(es, Edge{a, c, 1})
	}
	b.ResetTimer()
	for b.Loop() {
		comm := Cluster(n, []Layer{{Edges: es}}, Options{Seed: 1})
		b.ReportMetric(float64(slices.Max(comm)+1), "communities")
	}
}
