// Package analyzer turns a dependency graph into a proposed decomposition:
// coupling metrics, cycles, service candidates and their scores.
//
// # Clustering
//
// Candidates are found at file level. Each type-level dependency adds its
// kind's weight (a getter or setter call: graph.Accessor's) times its
// count to the undirected edge between the files of its two ends (see
// DefaultWeights); dependencies inside one file are dropped. The file graph is then split by the Louvain method (our
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
// A candidate is named after the deepest package prefix holding 60% of
// its code lines, relative to the prefix 90% of the repository's packages
// share ("org.acme.shop.billing" becomes "billing"); when no branch holds
// 60%, after its two largest ("billing+orders"). Candidates that share a
// name are told apart by their key type, the entity most of their types
// use ("portfolio/Loan"). Its ID is that name as a slug, so it survives
// re-runs as long as the package does.
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
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers/gitlog"
	"github.com/seams-dev/seams/result"
)

// Options tunes an analysis.
type Options struct {
	// Resolution is the Louvain resolution: above 1 gives more, smaller
	// candidates; below 1 fewer, larger ones. Zero (the default) takes it
	// from the modularity profile (see profileResolution).
	Resolution float64
	// Seed seeds the Louvain random source.
	Seed uint64
	// Weights is the weight of one reference of each kind.
	Weights map[graph.EdgeKind]float64
	// Layers weighs the coupling signals against each other.
	Layers Layers
	// Strategy orders the extraction plan: LeastEntangledFirst (default)
	// or SharedCoreFirst.
	Strategy string
	// Overrides are the architect's decisions (see Overrides).
	Overrides Overrides
	// Services, when positive, asks for that many candidates: the
	// resolution is searched for the count nearest to it.
	Services int
	// History is the repository's git history, for the evolution and
	// people layers; nil leaves them out.
	History *gitlog.History
}

// Layers weighs each coupling signal in the clustering objective: the
// weighted sum of the layers' modularities, each weight scaled by the
// share of files the layer links (see scaleByCoverage). A zero weight
// leaves the layer out.
type Layers struct {
	Structural float64 // calls, type use, inheritance
	Data       float64 // tables touched in common, writes weighing most
	Evolution  float64 // files changed together in git history
	People     float64 // files changed by the same people
	Vocabulary float64 // shared domain words in declared names
	Names      float64 // main types with the same subject (Order, OrderService)
}

// Set sets a layer's weight by name (as in seams.yaml); unknown names are
// ignored (package config checks them).
func (l *Layers) Set(name string, w float64) {
	switch name {
	case "structural":
		l.Structural = w
	case "data":
		l.Data = w
	case "evolution":
		l.Evolution = w
	case "people":
		l.People = w
	case "vocabulary":
		l.Vocabulary = w
	case "names":
		l.Names = w
	}
}

// DefaultLayers are the signal weights used when nothing is configured.
func DefaultLayers() Layers {
	return Layers{Structural: 1, Data: 1, Vocabulary: 0.5}
}

// DefaultWeights weighs inheritance highest (a subtype cannot move without
// its supertype), calls and instance creation next, and plain type uses
// and annotations lower (a signature mention is a weak tie). A call of a
// getter or setter (graph.Accessor) weighs least: it reads or writes a
// field of a record, and code that copies a record's fields calls a
// dozen of them where a use of its behaviour calls one method.
func DefaultWeights() map[graph.EdgeKind]float64 {
	return map[graph.EdgeKind]float64{
		facts.Extends:    3,
		facts.Implements: 2,
		facts.Call:       1,
		facts.New:        1,
		facts.MethodRef:  1,
		facts.TypeUse:    0.5,
		facts.Annotates:  0.5,
		graph.Accessor:   0.25,
	}
}

// DefaultOptions are the settings used when nothing is configured.
func DefaultOptions() Options {
	return Options{Seed: 1, Weights: DefaultWeights(), Layers: DefaultLayers(), Strategy: LeastEntangledFirst}
}

// Analyze computes metrics and candidates for g. It fills every part of
// the result that depends on the graph; the caller adds the tool, the
// repository and the diagnostics.
func Analyze(ctx context.Context, g *graph.Graph, opts Options) (*result.Result, error) {
	if opts.Weights == nil {
		opts.Weights = DefaultWeights()
	}
	r := &result.Result{Schema: result.Schema}
	r.Settings = result.Settings{Level: "file", Resolution: opts.Resolution, Seed: opts.Seed, Weights: map[string]float64{}}
	for k, w := range opts.Weights {
		r.Settings.Weights[string(k)] = w
	}
	r.Settings.Services, r.Settings.Strategy = opts.Services, opts.Strategy
	if r.Settings.Strategy == "" {
		r.Settings.Strategy = LeastEntangledFirst
	}
	r.Summary = summarize(g)

	dv := newDataView(g)
	kernel, comps := kernelFiles(g, dv)
	kernel, comps = adjustKernel(g, dv, kernel, comps, opts.Overrides)
	eligible := eligibleFiles(g, kernel)
	fg := newFileGraph(g, opts.Weights)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	layers, layerNames, asked := buildLayers(g, fg, dv, eligible, opts)
	r.Settings.Layers, r.Settings.EmptyLayers = asked, []string{}
	for _, name := range slices.Sorted(maps.Keys(asked)) {
		if !slices.Contains(layerNames, name) {
			r.Settings.EmptyLayers = append(r.Settings.EmptyLayers, name)
		}
	}
	if h := opts.History; h != nil {
		r.Summary.History = &result.HistorySummary{Commits: h.Commits, Ignored: h.Ignored, Authors: len(h.Authors),
			First: h.First.UTC().Format(time.RFC3339), Last: h.Last.UTC().Format(time.RFC3339), Pairs: len(h.CoChange)}
	}
	var free []int // the partition at the resolution, when the profile made it
	switch {
	case opts.Services > 0:
		opts.Resolution = searchResolution(g, layers, eligible, opts)
		r.Settings.ResolutionFrom = "services"
	case opts.Resolution <= 0:
		opts.Resolution, free = profileResolution(len(g.Files), layers, opts)
		r.Settings.ResolutionFrom = "profile"
	default:
		r.Settings.ResolutionFrom = "set"
	}
	for i := range layers {
		layers[i].Resolution = opts.Resolution
	}
	r.Settings.Resolution = round(opts.Resolution)
	if free == nil {
		free = cluster(len(g.Files), layers, opts)
	}
	comm := free
	pinned := pinGroups(g, eligible, opts.Overrides.Pins)
	if len(opts.Overrides.Pins) > 0 {
		comm = clusterPinned(len(g.Files), layers, pinned, opts)
	}
	assign := mergeFragments(g, foldSmall(g, layers, attachIsolated(g, layers, eligible, comm), pinned), pinned)
	attachMappingFiles(g, assign)
	attachViewFiles(g, assign)
	dv.attachRoutineFiles(assign)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := newAssignment(g, assign)
	if len(opts.Overrides.Merges) > 0 {
		a = newAssignment(g, applyMerges(a, opts.Overrides.Merges))
	}
	if len(opts.Overrides.Splits) > 0 {
		a = newAssignment(g, applySplits(g, layers, a, opts.Overrides.Splits, opts))
	}
	a.namePinned(pinned)
	r.Overrides = []result.Override{}
	if !opts.Overrides.empty() {
		noPins := make([]string, len(g.Files))
		freeAssign := mergeFragments(g, foldSmall(g, layers, attachIsolated(g, layers, eligible, free), noPins), noPins)
		attachMappingFiles(g, freeAssign)
		attachViewFiles(g, freeAssign)
		dv.attachRoutineFiles(freeAssign)
		r.Overrides = overrideEffects(g, opts.Overrides, pinned, newAssignment(g, freeAssign), a)
	}
	r.Candidates = a.candidates(g, fg, opts.Weights)
	a.packageDeps(g, opts.Weights, r.Candidates)
	a.links(g, layers, layerNames, r.Candidates)
	r.Summary.PackagePrefix = a.prefix
	api := a.apiSurface(g)
	for c := range r.Candidates {
		r.Candidates[c].Scores.API = api[c][:min(apiLimit, len(api[c]))]
	}
	r.Dependencies = a.dependencies(g, opts.Weights)
	r.Tables = dv.tables(a, r.Candidates)
	r.Kernel = comps
	a.kernelUsedBy(g, r.Kernel)
	r.Scores = a.scores(g, fg)
	r.Packages = packageMetrics(g, a)
	r.Types = typeMetrics(g)
	r.Cycles = cycles(g, a)
	r.Scores.CandidateCycles = len(r.Cycles.Candidates)
	a.literatureScores(g, fg, api, r.Tables, &r.Scores)
	inCycle := inCandidateCycle(r.Cycles.Candidates)
	for c := range r.Candidates {
		difficulty(&r.Candidates[c], inCycle[r.Candidates[c].ID], r.Tables)
	}
	strategy := opts.Strategy
	if strategy == "" {
		strategy = LeastEntangledFirst
	}
	r.Plan = a.plan(g, r.Candidates, r.Tables, strategy, opts.Weights)
	r.Graph = graphSummary(g)
	if r.Kernel == nil {
		r.Kernel = []result.KernelComponent{}
	}
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
	kw := kindWeights(g, weights)
	m := aggregate(len(g.Files), len(g.Files), func(emit func(x, y int, w float64)) {
		for i, d := range g.Deps {
			a, b := g.Types[d.From].File, g.Types[d.To].File
			if w := kw[i] * float64(d.Count); a != b && w > 0 {
				emit(min(a, b), max(a, b), w)
			}
		}
	})
	fg := &fileGraph{n: len(g.Files), degree: make([]int, len(g.Files)), edges: make([]louvain.Edge, 0, len(m.ys))}
	for a := range m.rows() {
		bs, ws := m.row(a)
		for i, b := range bs {
			fg.edges = append(fg.edges, louvain.Edge{A: a, B: int(b), W: ws[i]})
			fg.degree[a]++
			fg.degree[b]++
		}
	}
	return fg
}

// kindWeights returns the weight of each dependency's kind, looked up
// once.
func kindWeights(g *graph.Graph, weights map[graph.EdgeKind]float64) []float64 {
	out := make([]float64, len(g.Deps))
	last, lw := graph.EdgeKind(""), 0.0
	for i, d := range g.Deps {
		if d.Accessor {
			out[i] = d.KindWeight(weights)
			continue
		}
		if d.Kind != last {
			last, lw = d.Kind, weights[d.Kind]
		}
		out[i] = lw
	}
	return out
}

// eligibleFiles marks the files that are clustered: code (types) outside
// the kernel. Stored routines follow the code that calls them (see
// attachRoutineFiles) and mapping files the code they map (see
// attachMappingFiles); schema scripts and migrations are no component.
func eligibleFiles(g *graph.Graph, kernel []bool) []bool {
	ok := make([]bool, len(g.Files))
	for f := range g.Files {
		ok[f] = isCode(g, f) && !kernel[f]
	}
	return ok
}

// isView reports whether file f is a template (JSP, ERB, Razor, Blade,
// Twig, Thymeleaf).
func isView(g *graph.Graph, f int) bool { return g.Files[f].Language == "view" }

// isCode reports whether file f is code: it declares types and is no
// template. Only code is clustered, set aside in the kernel, counted for
// thresholds and used to name candidates.
func isCode(g *graph.Graph, f int) bool { return len(g.Files[f].Types) > 0 && !isView(g, f) }

// attachViewFiles gives each template the candidate of the code it
// belongs to. Templates are not clustered: a layout included by every
// page, or a page that names a dozen model classes, would pull candidates
// together by ties no service boundary follows. A template goes where the
// controllers that render it are (a render counts twice), else where the
// classes it names are, else, after that, where the templates that
// include it or that it includes went.
func attachViewFiles(g *graph.Graph, of []int) {
	// The tiers of a template's ties, strongest first: a tier with a
	// placed end decides alone, so a layout included by every page does
	// not outvote the controller that renders the page.
	const (
		rendered = iota // code renders the template
		names           // the template names a class
		includes        // template to template, either way
		tiers
	)
	type tie struct {
		other int
		tier  int
		w     float64
	}
	ties := map[int][]tie{}
	for _, d := range g.Deps {
		a, b := g.Types[d.From].File, g.Types[d.To].File
		if a == b {
			continue
		}
		va, vb := isView(g, a), isView(g, b)
		switch {
		case vb && !va:
			ties[b] = append(ties[b], tie{a, rendered, float64(d.Count)})
		case va && !vb:
			ties[a] = append(ties[a], tie{b, names, float64(d.Count)})
		case va && vb:
			ties[a] = append(ties[a], tie{b, includes, float64(d.Count)})
			ties[b] = append(ties[b], tie{a, includes, float64(d.Count)})
		}
	}
	views := make([]int, 0, len(ties))
	for f := range ties {
		views = append(views, f)
	}
	slices.Sort(views)
	for range 3 { // templates placed by templates placed in the pass before
		moved := false
		for _, f := range views {
			if of[f] >= 0 {
				continue
			}
			var votes [tiers]map[int]float64
			for _, t := range ties[f] {
				if c := of[t.other]; c >= 0 {
					if votes[t.tier] == nil {
						votes[t.tier] = map[int]float64{}
					}
					votes[t.tier][c] += t.w
				}
			}
			for _, vs := range votes {
				if vs == nil {
					continue
				}
				best, bestW := -1, 0.0
				for c, w := range vs {
					if w > bestW || w == bestW && c < best {
						best, bestW = c, w
					}
				}
				of[f], moved = best, true
				break
			}
		}
		if !moved {
			break
		}
	}
}

// buildLayers builds the clustering layers with a weight, over eligible
// files only. It also returns the names of the layers built and the
// weight asked of every signal, built or not (a signal with no edge,
// such as evolution without git history, builds no layer).
func buildLayers(g *graph.Graph, fg *fileGraph, dv *dataView, eligible []bool, opts Options) ([]louvain.Layer, []string, map[string]float64) {
	var layers []louvain.Layer
	var names []string
	asked := map[string]float64{}
	add := func(name string, w float64, edges func() []louvain.Edge) {
		if w <= 0 {
			return
		}
		asked[name] = w
		var es []louvain.Edge
		for _, e := range edges() {
			if eligible[e.A] && eligible[e.B] {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			layers = append(layers, louvain.Layer{Edges: es, Weight: w, Resolution: opts.Resolution})
			names = append(names, name)
		}
	}
	add("structural", opts.Layers.Structural, func() []louvain.Edge { return fg.edges })
	add("data", opts.Layers.Data, func() []louvain.Edge { return dv.dataLayer(eligible) })
	add("evolution", opts.Layers.Evolution, func() []louvain.Edge { return evolutionLayer(g, opts.History) })
	add("people", opts.Layers.People, func() []louvain.Edge { return peopleLayer(g, opts.History) })
	add("vocabulary", opts.Layers.Vocabulary, func() []louvain.Edge { return vocabularyLayer(g) })
	add("names", opts.Layers.Names, func() []louvain.Edge { return namesLayer(g) })
	scaleByCoverage(layers)
	return layers, names, asked
}

// scaleByCoverage scales each layer's weight by the share of the files it
// says something about. Each layer's modularity is normalised by its own
// total weight, so a sparse layer (a few files sharing a table) would
// otherwise weigh as much in the objective as one that links every file,
// and its few strong pairs would dictate the partition.
func scaleByCoverage(layers []louvain.Layer) {
	touched := map[int]bool{}
	per := make([]map[int]bool, len(layers))
	for i, l := range layers {
		per[i] = map[int]bool{}
		for _, e := range l.Edges {
			per[i][e.A], per[i][e.B] = true, true
			touched[e.A], touched[e.B] = true, true
		}
	}
	if len(touched) == 0 {
		return
	}
	for i := range layers {
		layers[i].Weight *= float64(len(per[i])) / float64(len(touched))
	}
}

// profileGrid are the resolutions a profile tries, around 1; coarseGrid
// those it tries on a graph of more than coarseFiles files, where each
// run takes seconds.
var (
	profileGrid = []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2}
	coarseGrid  = []float64{0.5, 0.7, 1, 1.4, 2}
)

const coarseFiles = 20_000

// profileResolution picks the resolution whose partition is the most
// stable: it clusters at each resolution of profileGrid, measures how
// much each partition agrees with the next (adjusted Rand index) and
// returns the middle of the longest run of resolutions whose partitions
// agree (ARI ≥ 0.9), nearest to 1 on a tie, with its partition. A
// partition that persists over a range of resolutions reflects structure
// in the code, not the scale the algorithm was asked for (Reichardt and
// Bornholdt; Traag et al.'s resolution profile). A graph of more than
// coarseFiles files tries coarseGrid: five runs instead of eleven. The
// resolutions are clustered in parallel, each with the same seed, so the
// choice does not depend on the number of cores.
func profileResolution(n int, layers []louvain.Layer, opts Options) (float64, []int) {
	grid := profileGrid
	if n > coarseFiles {
		grid = coarseGrid
	}
	parts := make([][]int, len(grid))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, res := range grid {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			ls := slices.Clone(layers)
			for j := range ls {
				ls[j].Resolution = res
			}
			o := opts
			o.Resolution = res
			parts[i] = cluster(n, ls, o)
		})
	}
	wg.Wait()
	bestStart, bestLen := 0, 1
	for start := 0; start < len(parts); {
		end := start
		for end+1 < len(parts) && ari(parts[end], parts[end+1]) >= 0.9 {
			end++
		}
		length := end - start + 1
		mid := (start + end) / 2
		if length > bestLen || length == bestLen && math.Abs(math.Log(grid[mid])) < math.Abs(math.Log(grid[(bestStart+bestStart+bestLen-1)/2])) {
			bestStart, bestLen = start, length
		}
		start = end + 1
	}
	mid := (bestStart + bestStart + bestLen - 1) / 2
	return grid[mid], parts[mid]
}

// ari is the adjusted Rand index of two partitions of the same items.
func ari(a, b []int) float64 {
	type pair struct{ x, y int }
	joint, ra, rb := map[pair]int{}, map[int]int{}, map[int]int{}
	for i := range a {
		joint[pair{a[i], b[i]}]++
		ra[a[i]]++
		rb[b[i]]++
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	index, sa, sb := 0.0, 0.0, 0.0
	for _, v := range joint {
		index += c2(v)
	}
	for _, v := range ra {
		sa += c2(v)
	}
	for _, v := range rb {
		sb += c2(v)
	}
	expected := sa * sb / c2(len(a))
	maximum := (sa + sb) / 2
	if maximum == expected {
		return 1
	}
	return (index - expected) / (maximum - expected)
}

// searchResolution finds the resolution giving the number of candidates
// nearest to opts.Services, by bisection on its logarithm between 1/100
// and 100 (the count grows with the resolution, though not strictly).
func searchResolution(g *graph.Graph, layers []louvain.Layer, eligible []bool, opts Options) float64 {
	count := func(res float64) int {
		ls := slices.Clone(layers)
		for i := range ls {
			ls[i].Resolution = res
		}
		o := opts
		o.Resolution = res
		of := attachIsolated(g, ls, eligible, cluster(len(g.Files), ls, o))
		seen := map[int]bool{}
		for _, c := range of {
			if c >= 0 {
				seen[c] = true
			}
		}
		return len(seen)
	}
	lo, hi := math.Log(0.01), math.Log(100)
	best, bestDiff := 1.0, math.MaxInt
	for range 18 {
		mid := (lo + hi) / 2
		res := math.Exp(mid)
		n := count(res)
		if d := abs(n - opts.Services); d < bestDiff || d == bestDiff && math.Abs(mid) < math.Abs(math.Log(best)) {
			best, bestDiff = res, d
		}
		switch {
		case n == opts.Services:
			return res
		case n < opts.Services:
			lo = mid
		default:
			hi = mid
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cluster splits the files into communities over the layers; the result
// is each file's community.
func cluster(n int, layers []louvain.Layer, opts Options) []int {
	return louvain.Cluster(n, layers, louvain.Options{Seed: opts.Seed})
}

// attachIsolated returns the community of each file, after isolated files
// (no edge) have joined their package's main community or been grouped by
// package.
func attachIsolated(g *graph.Graph, layers []louvain.Layer, eligible []bool, comm []int) []int {
	degree := make([]int, len(g.Files))
	for _, l := range layers {
		for _, e := range l.Edges {
			degree[e.A]++
			degree[e.B]++
		}
	}
	of := make([]int, len(g.Files))
	ids := map[int]int{}
	for f, c := range comm {
		if !eligible[f] || degree[f] == 0 {
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
			switch {
			case of[f] >= 0:
				counts[of[f]]++
			case eligible[f]:
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

// attachMappingFiles puts each mapping file (a MyBatis mapper XML: no
// types of its own, accesses performed by named code members) in the
// candidate that holds most of the members it maps.
func attachMappingFiles(g *graph.Graph, of []int) {
	byName := g.TypesByName()
	for f, file := range g.Facts {
		if of[f] >= 0 || len(file.Types) > 0 {
			continue
		}
		votes := map[int]int{}
		for _, d := range file.Data {
			if d.Member == "" {
				continue
			}
			typ := d.Member
			if i := strings.LastIndexByte(typ, '.'); i >= 0 {
				typ = typ[:i]
			}
			if t, ok := byName[typ]; ok && of[g.Types[t].File] >= 0 {
				votes[of[g.Types[t].File]]++
			}
		}
		best, bestN := -1, 0
		for c, n := range votes {
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		of[f] = best
	}
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

// modularity is Newman's Q of a partition of the structural file graph.
// Files in no candidate (the kernel, scripts) are left out of the graph.
func modularity(fg *fileGraph, of []int, resolution float64) float64 {
	var edges []louvain.Edge
	for _, e := range fg.edges {
		if of[e.A] >= 0 && of[e.B] >= 0 {
			edges = append(edges, e)
		}
	}
	comm := slices.Clone(of)
	next := slices.Max(append(slices.Clone(of), -1)) + 1
	for f := range comm {
		if comm[f] < 0 {
			comm[f] = next // a singleton with no edge: no effect on Q
			next++
		}
	}
	return louvain.Modularity(fg.n, []louvain.Layer{{Edges: edges, Resolution: resolution}}, comm)
}
