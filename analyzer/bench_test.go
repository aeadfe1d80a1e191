package analyzer_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
)

// syntheticGraph builds a graph of n files of one type each, in packages
// of 100, with m dependencies, 90% of them inside one of groups planted
// communities.
func syntheticGraph(n, m, groups int) *graph.Graph {
	r := rand.New(rand.NewPCG(7, 7))
	g := &graph.Graph{}
	for p := 0; p < n/100; p++ {
		g.Packages = append(g.Packages, graph.Package{Name: fmt.Sprintf("com.acme.p%d", p)})
	}
	for i := range n {
		pkg := i / 100
		name := fmt.Sprintf("Type%dOrder%d", i, i%groups)
		g.Facts = append(g.Facts, &facts.File{Path: fmt.Sprintf("src/p%d/%s.java", pkg, name), Language: "java", Lines: 50,
			Package: g.Packages[pkg].Name, Types: []facts.Type{{Name: name, Kind: facts.Class, Outer: -1,
				Methods: []facts.Method{{Name: "run"}}}}})
		g.Files = append(g.Files, graph.File{Path: g.Facts[i].Path, Language: "java", Package: pkg, Lines: 50, Types: []int{i}})
		g.Packages[pkg].Files = append(g.Packages[pkg].Files, i)
		g.Types = append(g.Types, graph.Type{Name: g.Packages[pkg].Name + "." + name, Simple: name, Kind: facts.Class, File: i, Outer: -1})
	}
	size := n / groups
	seen := map[[2]int]bool{}
	for len(g.Deps) < m {
		a := r.IntN(n)
		b := r.IntN(n)
		if r.Float64() < 0.9 {
			b = a/size*size + r.IntN(size)
		}
		if a == b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		g.Deps = append(g.Deps, graph.Dep{From: a, To: b, Kind: facts.Call, Member: "run", Count: 1 + r.IntN(3)})
	}
	return g
}

// BenchmarkLargeAnalysis clusters and plans a synthetic repository of
// 100,000 files and a million dependencies (the engine's target: under
// 10 s on two cores). Beside the time it reports x-louvain, the analysis'
// time over that of one Louvain run on the same file graph, measured in
// the same iteration: the machine's load cancels out of the ratio.
func BenchmarkLargeAnalysis(b *testing.B) {
	benchAnalysis(b, syntheticGraph(100_000, 1_000_000, 500))
}

func BenchmarkMediumAnalysis(b *testing.B) {
	benchAnalysis(b, syntheticGraph(20_000, 200_000, 100))
}

func benchAnalysis(b *testing.B, g *graph.Graph) {
	edges := structuralEdges(g)
	var ratios []float64
	for b.Loop() {
		start := time.Now()
		r, err := analyzer.Analyze(context.Background(), g, analyzer.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		took := time.Since(start)
		b.StopTimer()
		start = time.Now()
		louvain.Cluster(len(g.Files), []louvain.Layer{{Edges: edges}}, louvain.Options{})
		ratios = append(ratios, took.Seconds()/time.Since(start).Seconds())
		b.StartTimer()
		b.ReportMetric(float64(len(r.Candidates)), "candidates")
		b.ReportMetric(float64(len(r.Plan.Steps)), "steps")
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "x-louvain")
}

// structuralEdges is the undirected file graph of g's calls, the
// reference clustering's input.
func structuralEdges(g *graph.Graph) []louvain.Edge {
	sum := map[[2]int]float64{}
	for _, d := range g.Deps {
		a, b := g.Types[d.From].File, g.Types[d.To].File
		if a != b {
			sum[[2]int{min(a, b), max(a, b)}] += float64(d.Count)
		}
	}
	edges := make([]louvain.Edge, 0, len(sum))
	for k, w := range sum {
		edges = append(edges, louvain.Edge{A: k[0], B: k[1], W: w})
	}
	slices.SortFunc(edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return edges
}
