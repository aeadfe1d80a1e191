// Package analyzer turns a dependency graph into a proposed decomposition:
// coupling metrics, cycles, service candidates and their scores.
//
// # Clustering
//
// Candidates are found at file level. Each type-level dependency adds its
// kind's weight times its count to the undirected edge between the files
// of its two ends (see DefaultWeights); dependencies inside one file are
// dropped. The file graph is then split by the Louvain method (gonum's
// package louvain) at the configured resolution, with a seeded random
// source and a graph whose nodes and neighbours are always visited in the
// same order, so one input always gives one partition. The Louvain
// implementation is package louvain (see there why not gonum's).
//
// A file with no dependency on any other file has nothing to cluster by.
// It joins the candidate holding most of the other files of its package,
// or, when none of them has a dependency either, a candidate made of its
// package's isolated files.
//
// # Names
//
// A candidate is named after the package holding most of its lines, with
// the prefix common to every package of the repository removed
// ("org.acme.shop.billing" becomes "billing"). Its ID is that name as a
// slug, so it survives re-runs as long as the package does.
//
// # Metrics
//
// Afferent and efferent coupling and instability follow Robert C. Martin:
// for a type, the distinct types that depend on it (Ca) and that it depends
// on (Ce); for a package, the types outside it that depend on its types
// (Ca) and its types that depend on types outside (Ce). Cycles are the
// strongly connected components (Tarjan, through gonum's topo.TarjanSCC)
// of the type, package and candidate graphs.
package analyzer

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// Options tunes an analysis.
type Options struct {
	// Resolution is the Louvain resolution: above 1 gives more, smaller
	// candidates; below 1 fewer, larger ones.
	Resolution float64
	// Seed seeds the Louvain random source.
	Seed uint64
	// Weights is the weight of one reference of each kind.
	Weights map[graph.EdgeKind]float64
}

// DefaultWeights weighs inheritance highest (a subtype cannot move without
// its supertype), calls and instance creation next, and plain type uses
// and annotations lowest (a signature mention is the weakest tie).
func DefaultWeights() map[graph.EdgeKind]float64 {
	return map[graph.EdgeKind]float64{
		facts.Extends:    3,
		facts.Implements: 2,
		facts.Call:       1,
		facts.New:        1,
		facts.MethodRef:  1,
		facts.TypeUse:    0.5,
		facts.Annotates:  0.5,
	}
}

// DefaultOptions are the settings used when nothing is configured.
func DefaultOptions() Options {
	return Options{Resolution: 1, Seed: 1, Weights: DefaultWeights()}
}

// Analyze computes metrics and candidates for g. It fills every part of
// the result that depends on the graph; the caller adds the tool, the
// repository and the diagnostics.
func Analyze(ctx context.Context, g *graph.Graph, opts Options) (*result.Result, error) {
	if opts.Weights == nil {
		opts.Weights = DefaultWeights()
	}
	if opts.Resolution <= 0 {
		opts.Resolution = 1
	}
	r := &result.Result{Schema: result.Schema}
	r.Settings = result.Settings{Level: "file", Resolution: opts.Resolution, Seed: opts.Seed, Weights: map[string]float64{}}
	for k, w := range opts.Weights {
		r.Settings.Weights[string(k)] = w
	}
	r.Summary = summarize(g)

	fg := newFileGraph(g, opts.Weights)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	assign := attachIsolated(g, fg, cluster(fg, opts))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := newAssignment(g, assign)
	r.Candidates = a.candidates(g, fg, opts.Weights)
	r.Dependencies = a.dependencies(g, opts.Weights)
	r.Scores = a.scores(g, fg)
	r.Packages = packageMetrics(g, a)
	r.Types = typeMetrics(g)
	r.Cycles = cycles(g, a)
	r.Scores.CandidateCycles = len(r.Cycles.Candidates)
	r.Graph = graphSummary(g)
	r.Kernel = []result.KernelComponent{}
	r.Tables = []result.TableUse{}
	r.Plan = result.Plan{Strategy: "least-entangled-first", Steps: []result.PlanStep{}}
	return r, nil
}

func summarize(g *graph.Graph) result.Summary {
	s := result.Summary{Files: len(g.Files), Types: len(g.Types), Packages: len(g.Packages), Languages: []result.LanguageCount{}}
	langs := map[string]*result.LanguageCount{}
	for _, f := range g.Files {
		s.Lines += f.Lines
		l := langs[f.Language]
		if l == nil {
			l = &result.LanguageCount{Language: f.Language}
			langs[f.Language] = l
		}
		l.Files++
		l.Lines += f.Lines
	}
	for _, l := range langs {
		s.Languages = append(s.Languages, *l)
	}
	slices.SortFunc(s.Languages, func(a, b result.LanguageCount) int {
		return cmp.Or(cmp.Compare(b.Lines, a.Lines), strings.Compare(a.Language, b.Language))
	})
	return s
}

// fileGraph is the undirected, weighted graph of files that candidates
// are clustered on.
type fileGraph struct {
	n      int
	edges  []louvain.Edge // one per pair of files, a < b
	degree []int          // neighbours per file
}

// newFileGraph projects the type-level dependencies onto files.
func newFileGraph(g *graph.Graph, weights map[graph.EdgeKind]float64) *fileGraph {
	sum := map[[2]int]float64{}
	for _, d := range g.Deps {
		a, b := g.Types[d.From].File, g.Types[d.To].File
		w := weights[d.Kind] * float64(d.Count)
		if a == b || w <= 0 {
			continue
		}
		sum[[2]int{min(a, b), max(a, b)}] += w
	}
	fg := &fileGraph{n: len(g.Files), degree: make([]int, len(g.Files))}
	for k, w := range sum {
		fg.edges = append(fg.edges, louvain.Edge{A: k[0], B: k[1], W: w})
		fg.degree[k[0]]++
		fg.degree[k[1]]++
	}
	slices.SortFunc(fg.edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return fg
}

func (fg *fileGraph) layers(resolution float64) []louvain.Layer {
	return []louvain.Layer{{Edges: fg.edges, Resolution: resolution}}
}

// cluster splits the file graph into communities; the result is each
// file's community.
func cluster(fg *fileGraph, opts Options) []int {
	return louvain.Cluster(fg.n, fg.layers(opts.Resolution), louvain.Options{Seed: opts.Seed})
}

// attachIsolated returns the community of each file, after isolated files
// (no edge) have joined their package's main community or been grouped by
// package.
func attachIsolated(g *graph.Graph, fg *fileGraph, comm []int) []int {
	of := make([]int, len(g.Files))
	ids := map[int]int{}
	for f, c := range comm {
		if fg.degree[f] == 0 {
			of[f] = -1
			continue
		}
		id, ok := ids[c]
		if !ok {
			id = len(ids)
			ids[c] = id
		}
		of[f] = id
	}
	next := len(ids)
	for _, p := range sortedPackages(g) {
		counts := map[int]int{}
		var isolated []int
		for _, f := range g.Packages[p].Files {
			if of[f] >= 0 {
				counts[of[f]]++
			} else {
				isolated = append(isolated, f)
			}
		}
		if len(isolated) == 0 {
			continue
		}
		best, bestN := -1, 0
		for c, n := range counts {
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if best < 0 {
			best = next
			next++
		}
		for _, f := range isolated {
			of[f] = best
		}
	}
	return of
}

// sortedPackages returns package indexes ordered by name.
func sortedPackages(g *graph.Graph) []int {
	ids := make([]int, len(g.Packages))
	for i := range ids {
		ids[i] = i
	}
	slices.SortFunc(ids, func(a, b int) int { return strings.Compare(g.Packages[a].Name, g.Packages[b].Name) })
	return ids
}

// modularity is Newman's Q of a partition of the file graph.
func modularity(fg *fileGraph, of []int, resolution float64) float64 {
	return louvain.Modularity(fg.n, fg.layers(resolution), of)
}
