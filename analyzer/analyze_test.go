package analyzer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// file describes a one-type source file for a graph built in code.
type file struct {
	typ   string // fully qualified: com.x.a.A1
	lines int
	// deps are "kind target" pairs: "call com.x.b.B1", "new com.x.a.A2".
	deps []string
}

// factsOf turns file descriptions into facts: each file declares its
// type, and refers to its targets by fully qualified name.
func factsOf(t *testing.T, files []file) []*facts.File {
	t.Helper()
	var out []*facts.File
	for _, f := range files {
		dot := strings.LastIndexByte(f.typ, '.')
		pkg, simple := f.typ[:dot], f.typ[dot+1:]
		ff := &facts.File{
			Path:     strings.ReplaceAll(pkg, ".", "/") + "/" + simple + ".java",
			Language: "java",
			Lines:    f.lines,
			Package:  pkg,
			Types:    []facts.Type{{Name: simple, Kind: facts.Class, Outer: -1, Line: 1, EndLine: f.lines}},
		}
		for i, d := range f.deps {
			kind, target, ok := strings.Cut(d, " ")
			if !ok {
				t.Fatalf("bad dep %q", d)
			}
			ref := facts.Ref{Kind: facts.RefKind(kind), From: 0, Method: -1, Recv: -1, Line: 2 + i}
			if ref.Kind == facts.Call {
				ref.Member = "m"
				ref.Recv = len(ff.Exprs)
				ff.Exprs = append(ff.Exprs, facts.Expr{Kind: facts.ExprStatic, Name: target, Base: -1})
			} else {
				ref.Name = target
			}
			ff.Refs = append(ff.Refs, ref)
		}
		out = append(out, ff)
	}
	return out
}

func buildGraph(t *testing.T, files []file) *graph.Graph {
	t.Helper()
	g, err := graph.Build(context.Background(), factsOf(t, files), 1)
	if err != nil {
		t.Fatal(err)
	}
	if o := g.Stats.ByLanguage["java"]; o.Unresolved+o.External > 0 {
		t.Fatalf("test graph has references outside it: %+v %v", o, g.Stats.TopUnresolved)
	}
	return g
}

func analyze(t *testing.T, g *graph.Graph, opts analyzer.Options) *result.Result {
	t.Helper()
	r, err := analyzer.Analyze(context.Background(), g, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// members renders each candidate as "id: path path ...".
func members(r *result.Result) []string {
	var out []string
	for _, c := range r.Candidates {
		var ps []string
		for _, m := range c.Members {
			ps = append(ps, m.Path)
		}
		out = append(out, c.ID+": "+strings.Join(ps, " "))
	}
	return out
}

// twoTriangles is two packages of three files each, calling each other
// in a triangle, with one call from a1 to b1. The a files are larger, so
// their candidate comes first.
func twoTriangles() []file {
	return []file{
		{typ: "com.x.a.A1", lines: 10, deps: []string{"call com.x.a.A2", "call com.x.a.A3", "call com.x.b.B1"}},
		{typ: "com.x.a.A2", lines: 10, deps: []string{"call com.x.a.A3"}},
		{typ: "com.x.a.A3", lines: 10},
		{typ: "com.x.b.B1", lines: 5, deps: []string{"call com.x.b.B2", "call com.x.b.B3"}},
		{typ: "com.x.b.B2", lines: 5, deps: []string{"call com.x.b.B3"}},
		{typ: "com.x.b.B3", lines: 5},
	}
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		name  string
		files []file
		want  []string
	}{
		{
			name:  "two separate clusters",
			files: twoTriangles(),
			want: []string{
				"a: com/x/a/A1.java com/x/a/A2.java com/x/a/A3.java",
				"b: com/x/b/B1.java com/x/b/B2.java com/x/b/B3.java",
			},
		},
		{
			name: "two clusters across packages: the edges decide, not the packages",
			files: []file{
				{typ: "com.x.web.OrderController", lines: 8, deps: []string{"call com.x.orders.Orders", "new com.x.orders.Order"}},
				{typ: "com.x.web.BillController", lines: 8, deps: []string{"call com.x.billing.Bills", "new com.x.billing.Bill"}},
				{typ: "com.x.orders.Orders", lines: 20, deps: []string{"new com.x.orders.Order", "type-use com.x.orders.Order"}},
				{typ: "com.x.orders.Order", lines: 20},
				{typ: "com.x.billing.Bills", lines: 10, deps: []string{"new com.x.billing.Bill", "type-use com.x.billing.Bill"}},
				{typ: "com.x.billing.Bill", lines: 10},
			},
			want: []string{
				"orders: com/x/orders/Order.java com/x/orders/Orders.java com/x/web/OrderController.java",
				"billing: com/x/billing/Bill.java com/x/billing/Bills.java com/x/web/BillController.java",
			},
		},
		{
			name: "an isolated file joins its package's candidate",
			files: append(twoTriangles(),
				file{typ: "com.x.b.Lonely", lines: 1},
			),
			want: []string{
				"a: com/x/a/A1.java com/x/a/A2.java com/x/a/A3.java",
				"b: com/x/b/B1.java com/x/b/B2.java com/x/b/B3.java com/x/b/Lonely.java",
			},
		},
		{
			name: "isolated files of a package with no edges make one candidate",
			files: append(twoTriangles(),
				file{typ: "com.x.util.Strings", lines: 2},
				file{typ: "com.x.util.Dates", lines: 2},
			),
			want: []string{
				"a: com/x/a/A1.java com/x/a/A2.java com/x/a/A3.java",
				"b: com/x/b/B1.java com/x/b/B2.java com/x/b/B3.java",
				"util: com/x/util/Dates.java com/x/util/Strings.java",
			},
		},
		{
			name:  "one file",
			files: []file{{typ: "com.x.Only", lines: 3}},
			want:  []string{"x: com/x/Only.java"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze(t, buildGraph(t, tt.files), analyzer.DefaultOptions())
			if got := members(r); !slices.Equal(got, tt.want) {
				t.Errorf("candidates:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if r.Scores.Candidates != len(r.Candidates) {
				t.Errorf("Scores.Candidates = %d, want %d", r.Scores.Candidates, len(r.Candidates))
			}
			// Every file is in exactly one candidate.
			seen := map[string]int{}
			for _, c := range r.Candidates {
				for _, m := range c.Members {
					seen[m.Path]++
				}
			}
			if len(seen) != len(tt.files) {
				t.Errorf("%d files in candidates, want %d", len(seen), len(tt.files))
			}
			for p, n := range seen {
				if n != 1 {
					t.Errorf("%s is in %d candidates", p, n)
				}
			}
		})
	}
}

// TestScoresByHand checks the numbers of the two-triangle graph against a
// hand computation. Each call weighs 1 (DefaultWeights): seven calls, six
// inside the two triangles and one from A1 to B1.
func TestScoresByHand(t *testing.T) {
	r := analyze(t, buildGraph(t, twoTriangles()), analyzer.DefaultOptions())
	if len(r.Candidates) != 2 {
		t.Fatalf("got %d candidates, want 2: %q", len(r.Candidates), members(r))
	}
	a, b := r.Candidates[0], r.Candidates[1]
	want := []struct {
		name      string
		got, want result.CandidateScores
	}{
		{"a", a.Scores, result.CandidateScores{
			Files: 3, Types: 3, Lines: 30,
			// internal 3 / (3 + 1 out + 0 in)
			Cohesion: 0.75, CouplingOut: 1, CouplingIn: 0,
			CallsInternal: 3, CallsOut: 1, CallsIn: 0,
			// 1 of 4 calls leaves
			CrossCallShare: 0.25,
			DependsOn:      []string{"b"}, UsedBy: []string{},
			ByLayer: map[string]result.LayerScore{"structural": {Internal: 3, External: 1, Cohesion: 0.75}},
		}},
		{"b", b.Scores, result.CandidateScores{
			Files: 3, Types: 3, Lines: 15,
			Cohesion: 0.75, CouplingOut: 0, CouplingIn: 1,
			CallsInternal: 3, CallsOut: 0, CallsIn: 1,
			CrossCallShare: 0,
			DependsOn:      []string{}, UsedBy: []string{"a"},
			ByLayer: map[string]result.LayerScore{"structural": {Internal: 3, External: 1, Cohesion: 0.75}},
		}},
	}
	for _, w := range want {
		// Compare the parts computed from the code graph; the data and plan
		// parts have tests of their own.
		got := w.got
		got.OwnedTables, got.SharedTables, got.API = nil, nil, nil
		got.Difficulty, got.DifficultyParts = 0, nil
		if !reflect.DeepEqual(got, w.want) {
			t.Errorf("candidate %s scores:\n got %+v\nwant %+v", w.name, got, w.want)
		}
	}
	// Q = sum over candidates of L_c/m - (d_c/2m)^2, m = 7:
	// 2 * (3/7 - (7/14)^2) = 0.3571.
	// TurboMQ: each triangle 3 / (3 + 1/2) = 0.857, twice. IFN: one type of b is
	// called from a, none of a from b: (0 + 1) / 2. NED: both have 3 files,
	// fewer than 5. SM: cohesion 3/3² for each, coupling 1/(2·3·3) for the
	// pair: 1/3 - 1/18 = 0.2778.
	wantScores := result.Scores{Candidates: 2, Modularity: 0.3571, ICP: 0.1429, CrossDependencies: 1, CandidateCycles: 0,
		TurboMQ: 1.7143, IFN: 0.5, NED: 1, SM: 0.2778}
	if r.Scores != wantScores {
		t.Errorf("scores = %+v, want %+v", r.Scores, wantScores)
	}
	if len(r.Dependencies) != 1 {
		t.Fatalf("dependencies = %+v, want one", r.Dependencies)
	}
	d := r.Dependencies[0]
	if d.From != "a" || d.To != "b" || d.Weight != 1 || !reflect.DeepEqual(d.Kinds, map[string]int{"call": 1}) {
		t.Errorf("dependency = %+v, want a -> b, weight 1, one call", d)
	}
	if len(d.Examples) != 1 || d.Examples[0].From != "com.x.a.A1" || d.Examples[0].To != "com.x.b.B1" ||
		d.Examples[0].Member != "m" || d.Examples[0].At != "com/x/a/A1.java:4" {
		t.Errorf("examples = %+v, want A1 -> B1.m at com/x/a/A1.java:4", d.Examples)
	}

	// Martin's metrics: package a has one type depending outside (Ce 1),
	// package b one outside type depending on it (Ca 1).
	wantPkgs := []result.PackageMetrics{
		{Name: "com.x.a", Files: 3, Types: 3, Ca: 0, Ce: 1, Instability: 1, Candidate: "a"},
		{Name: "com.x.b", Files: 3, Types: 3, Ca: 1, Ce: 0, Instability: 0, Candidate: "b"},
	}
	if !reflect.DeepEqual(r.Packages, wantPkgs) {
		t.Errorf("packages:\n got %+v\nwant %+v", r.Packages, wantPkgs)
	}
	types := map[string]result.TypeMetrics{}
	for _, tm := range r.Types {
		types[tm.Name] = tm
	}
	for name, want := range map[string][4]int{ // Ca, Ce, FanIn, FanOut
		"com.x.a.A1": {0, 3, 0, 3},
		"com.x.a.A3": {2, 0, 2, 0},
		"com.x.b.B1": {1, 2, 1, 2},
	} {
		tm := types[name]
		if got := [4]int{tm.Ca, tm.Ce, tm.FanIn, tm.FanOut}; got != want {
			t.Errorf("%s: Ca, Ce, FanIn, FanOut = %v, want %v", name, got, want)
		}
	}
	if got := types["com.x.b.B1"].Instability; got != 0.6667 {
		t.Errorf("B1 instability = %v, want 0.6667 (2 / 3)", got)
	}
	if !slices.IsSortedFunc(r.Types, func(x, y result.TypeMetrics) int { return strings.Compare(x.Name, y.Name) }) {
		t.Errorf("types are not sorted by name")
	}
}

// TestCycles checks the cycles at type, package and candidate level, each
// sorted, largest first.
func TestCycles(t *testing.T) {
	files := []file{
		// a: a directed cycle A1 -> A2 -> A3 -> A1.
		{typ: "com.x.a.A1", lines: 10, deps: []string{"call com.x.a.A2", "call com.x.b.B1"}},
		{typ: "com.x.a.A2", lines: 10, deps: []string{"call com.x.a.A3"}},
		{typ: "com.x.a.A3", lines: 10, deps: []string{"call com.x.a.A1"}},
		// b: no cycle of its own; B2 calls back into a.
		{typ: "com.x.b.B1", lines: 5, deps: []string{"call com.x.b.B2", "call com.x.b.B3"}},
		{typ: "com.x.b.B2", lines: 5, deps: []string{"call com.x.b.B3", "call com.x.a.A2"}},
		{typ: "com.x.b.B3", lines: 5},
		// c: two types using each other, apart from the rest.
		{typ: "com.x.c.C2", lines: 2, deps: []string{"type-use com.x.c.C1"}},
		{typ: "com.x.c.C1", lines: 2, deps: []string{"type-use com.x.c.C2"}},
	}
	r := analyze(t, buildGraph(t, files), analyzer.DefaultOptions())
	want := result.Cycles{
		Types: [][]string{
			{"com.x.a.A1", "com.x.a.A2", "com.x.a.A3", "com.x.b.B1", "com.x.b.B2"},
			{"com.x.c.C1", "com.x.c.C2"},
		},
		Packages:   [][]string{{"com.x.a", "com.x.b"}},
		Candidates: [][]string{{"a", "b"}},
	}
	if !reflect.DeepEqual(r.Cycles, want) {
		t.Errorf("cycles:\n got %q\nwant %q\n(candidates %q)", r.Cycles, want, members(r))
	}
	if r.Scores.CandidateCycles != 1 {
		t.Errorf("CandidateCycles = %d, want 1", r.Scores.CandidateCycles)
	}

	// Without the call back from B2, there is no cycle between packages
	// or candidates.
	files[4].deps = files[4].deps[:1]
	r = analyze(t, buildGraph(t, files), analyzer.DefaultOptions())
	if len(r.Cycles.Packages) != 0 || len(r.Cycles.Candidates) != 0 || r.Scores.CandidateCycles != 0 {
		t.Errorf("cycles without the back edge: %+v", r.Cycles)
	}
	if len(r.Cycles.Types) != 2 || len(r.Cycles.Types[0]) != 3 {
		t.Errorf("type cycles without the back edge = %q, want A1-A2-A3 and C1-C2", r.Cycles.Types)
	}
}

// shopGraph parses and resolves the shop monolith of the test data.
func shopGraph(t *testing.T, jobs int) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	l, err := repo.List(ctx, filepath.Join("..", "testdata", "java", "shop"), repo.Options{Match: parsers.IsSource})
	if err != nil {
		t.Fatal(err)
	}
	res, err := parsers.Parse(ctx, l.Root, l.Files, parsers.Options{Jobs: jobs})
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(ctx, res.Files, jobs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestDeterminism checks that one input gives one result: twice on the
// same graph, and on graphs built with different numbers of workers.
func TestDeterminism(t *testing.T) {
	opts := analyzer.DefaultOptions()
	g1 := shopGraph(t, 1)
	first := analyze(t, g1, opts)
	for i := range 3 {
		if again := analyze(t, g1, opts); !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d on the same graph differs", i+2)
		}
	}
	if other := analyze(t, shopGraph(t, 8), opts); !reflect.DeepEqual(first, other) {
		t.Errorf("the graph built on 8 workers gives another result")
	}
	small := buildGraph(t, twoTriangles())
	if !reflect.DeepEqual(analyze(t, small, opts), analyze(t, small, opts)) {
		t.Errorf("two runs on the two-triangle graph differ")
	}
}

// TestModularityRange checks that modularity stays in [-0.5, 1] for
// every seed and resolution tried, and that the shop's split is a real
// one.
func TestModularityRange(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"shop":       shopGraph(t, 0),
		"triangles":  buildGraph(t, twoTriangles()),
		"no edges":   buildGraph(t, []file{{typ: "p.A", lines: 1}, {typ: "q.B", lines: 1}}),
		"one file":   buildGraph(t, []file{{typ: "p.A", lines: 1}}),
		"empty repo": buildGraph(t, nil),
	}
	for name, g := range graphs {
		for _, res := range []float64{0.25, 1, 2, 8} {
			for seed := range uint64(4) {
				opts := analyzer.DefaultOptions()
				opts.Resolution, opts.Seed = res, seed
				r := analyze(t, g, opts)
				// Scores.Modularity is documented as Newman's Q, which
				// lies in [-0.5, 1] whatever resolution the clustering
				// ran at.
				if q := r.Scores.Modularity; q < -0.5 || q > 1 {
					t.Errorf("%s, resolution %v, seed %d: modularity %v out of [-0.5, 1]", name, res, seed, q)
				}
				if r.Settings.Resolution != res || r.Settings.Seed != seed {
					t.Errorf("%s: settings %+v do not record resolution %v, seed %d", name, r.Settings, res, seed)
				}
			}
		}
	}
	r := analyze(t, graphs["shop"], analyzer.DefaultOptions())
	if r.Scores.Modularity < 0.3 {
		t.Errorf("shop modularity = %v, want a real split (>= 0.3)", r.Scores.Modularity)
	}
}

// TestEmptyGraph checks that a repository with no files gives an empty,
// well-formed result.
func TestEmptyGraph(t *testing.T) {
	r := analyze(t, buildGraph(t, nil), analyzer.DefaultOptions())
	if r.Schema != result.Schema {
		t.Errorf("schema = %q, want %q", r.Schema, result.Schema)
	}
	if len(r.Candidates) != 0 || r.Scores.Candidates != 0 || r.Summary.Files != 0 {
		t.Errorf("empty repository: %d candidates, summary %+v", len(r.Candidates), r.Summary)
	}
}

// TestNoNullLists checks that every list in result.json is written as a
// list, empty or not, never as null: readers iterate them without
// checking.
func TestNoNullLists(t *testing.T) {
	for name, files := range map[string][]file{
		"empty repository":  nil,
		"one candidate":     {{typ: "p.A", lines: 1, deps: []string{"new p.B"}}, {typ: "p.B", lines: 1}},
		"two candidates":    twoTriangles(),
		"isolated packages": {{typ: "p.A", lines: 1}, {typ: "q.B", lines: 1}},
	} {
		r := analyze(t, buildGraph(t, files), analyzer.DefaultOptions())
		// The caller fills the diagnostics.
		r.Diagnostics = result.Diagnostics{Skipped: map[string]int{}, Files: []result.Diagnostic{}, Notes: []string{}}
		data, err := json.MarshalIndent(r, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(data, []byte("\n")) {
			if bytes.HasSuffix(bytes.TrimRight(line, ","), []byte(": null")) {
				t.Errorf("%s: line %d of the result is %s", name, i+1, bytes.TrimSpace(line))
			}
		}
	}
}

// TestResolutionFrom checks where the resolution comes from: the
// modularity profile by default (one of the resolutions it tries, the
// same whatever the number of cores), the user when set, the search when
// a candidate count is asked for.
func TestResolutionFrom(t *testing.T) {
	g := shopGraph(t, 0)
	grid := []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2}

	def := analyze(t, g, analyzer.DefaultOptions())
	if def.Settings.ResolutionFrom != "profile" || !slices.Contains(grid, def.Settings.Resolution) {
		t.Errorf("default settings: resolution %v from %q, want one of %v from the profile", def.Settings.Resolution, def.Settings.ResolutionFrom, grid)
	}
	// The profile's partition is the one a run at its resolution makes.
	set := analyzer.DefaultOptions()
	set.Resolution = def.Settings.Resolution
	at := analyze(t, g, set)
	if at.Settings.ResolutionFrom != "set" {
		t.Errorf("a set resolution is recorded as from %q, want set", at.Settings.ResolutionFrom)
	}
	if !reflect.DeepEqual(members(def), members(at)) {
		t.Errorf("the profile's candidates %v differ from a run at its resolution %v: %v", members(def), set.Resolution, members(at))
	}
	prev := runtime.GOMAXPROCS(1)
	one := analyze(t, g, analyzer.DefaultOptions())
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(def, one) {
		t.Errorf("the profile on one core differs from the profile on %d", prev)
	}

	services := analyzer.DefaultOptions()
	services.Services = 2
	if r := analyze(t, g, services); r.Settings.ResolutionFrom != "services" {
		t.Errorf("--services: resolution from %q, want services", r.Settings.ResolutionFrom)
	}
}
