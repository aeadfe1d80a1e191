package analyzer

import (
	"fmt"
	"slices"
	"testing"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
)

// smallGraph has n code files; file i is in package pkgs[i].
func smallGraph(pkgs []string) *graph.Graph {
	g := &graph.Graph{}
	index := map[string]int{}
	for i, p := range pkgs {
		id, ok := index[p]
		if !ok {
			id = len(g.Packages)
			index[p] = id
			g.Packages = append(g.Packages, graph.Package{Name: p})
		}
		g.Packages[id].Files = append(g.Packages[id].Files, i)
		g.Files = append(g.Files, graph.File{Path: fmt.Sprintf("f%04d", i), Package: id, Types: []int{i}})
	}
	return g
}

func TestMinCandidateFiles(t *testing.T) {
	for _, c := range []struct{ code, want int }{{0, 2}, {30, 2}, {1000, 2}, {1001, 3}, {2500, 5}, {4188, 6}, {1000000, 6}} {
		if got := minCandidateFiles(c.code); got != c.want {
			t.Errorf("minCandidateFiles(%d) = %d, want %d", c.code, got, c.want)
		}
	}
}

func TestFoldSmall(t *testing.T) {
	// 3000 files: candidates under 6 files fold. Candidate 0 holds files
	// 0-1499 (x.a), candidate 1 files 1500-2989 (x.b); candidate 2 is four
	// files (2990-2993) tied to candidate 1; candidate 3 is two files in
	// x.a.extra with no tie; candidate 4 is two pinned files; candidate 5
	// two files of a package nobody else shares beyond the root.
	var pkgs []string
	of := make([]int, 3000)
	for f := range of {
		switch {
		case f < 1500:
			pkgs, of[f] = append(pkgs, "x.a"), 0
		case f < 2990:
			pkgs, of[f] = append(pkgs, "x.b"), 1
		case f < 2994:
			pkgs, of[f] = append(pkgs, "x.c"), 2
		case f < 2996:
			pkgs, of[f] = append(pkgs, "x.a.extra"), 3
		case f < 2998:
			pkgs, of[f] = append(pkgs, "x.d"), 4
		default:
			pkgs, of[f] = append(pkgs, "y.z"), 5
		}
	}
	g := smallGraph(pkgs)
	layers := []louvain.Layer{{Edges: []louvain.Edge{
		{A: 0, B: 1, W: 5}, {A: 1500, B: 1501, W: 5},
		{A: 2990, B: 2991, W: 9}, {A: 2990, B: 1500, W: 1}, {A: 2992, B: 10, W: 0.5},
	}}}
	pinned := make([]string, len(of))
	pinned[2996] = "ledger"
	got := foldSmall(g, layers, of, pinned)
	want := slices.Clone(of)
	for f := 2990; f < 2994; f++ {
		want[f] = 1 // its strongest tie
	}
	want[2994], want[2995] = 0, 0 // x.a.extra goes home to x.a
	if !slices.Equal(got, want) {
		for f := range got {
			if got[f] != want[f] {
				t.Errorf("file %d (%s) in candidate %d, want %d", f, pkgs[f], got[f], want[f])
			}
		}
	}
	if of[2990] != 2 {
		t.Error("foldSmall changed its input")
	}
}

func TestMergeFragments(t *testing.T) {
	// Ten files, one type each. Candidates: 0 = files 0-3 (shop.owner,
	// one shop.model), 1 = files 4-5 (shop.owner), 2 = files 6-7
	// (shop.vet), 3 = file 8 (shop.owner, pinned), 4 = file 9 (shop.owner).
	pkgs := []string{"shop.owner", "shop.owner", "shop.owner", "shop.model", "shop.owner", "shop.owner", "shop.vet", "shop.vet", "shop.owner", "shop.owner"}
	g := smallGraph(pkgs)
	for i := range pkgs {
		g.Types = append(g.Types, graph.Type{File: i})
	}
	dep := func(a, b int) { g.Deps = append(g.Deps, graph.Dep{From: a, To: b, Kind: facts.Call, Count: 1}) }
	dep(0, 4) // 0 ↔ 1: mutual, same main package: merged
	dep(5, 3)
	dep(1, 6) // 0 ↔ 2: mutual, other packages: kept apart
	dep(7, 2)
	dep(2, 8) // 0 ↔ 3: mutual, but 3 is pinned
	dep(8, 2)
	dep(9, 0) // 4 → 0 only: kept apart
	of := []int{0, 0, 0, 0, 1, 1, 2, 2, 3, 4}
	pinned := make([]string, len(pkgs))
	pinned[8] = "owners"
	got := mergeFragments(g, of, pinned)
	want := []int{0, 0, 0, 0, 0, 0, 2, 2, 3, 4}
	if !slices.Equal(got, want) {
		t.Errorf("mergeFragments = %v, want %v", got, want)
	}
	if !slices.Equal(of, []int{0, 0, 0, 0, 1, 1, 2, 2, 3, 4}) {
		t.Errorf("the input was changed: %v", of)
	}
}

func TestMergeFragmentsOneWay(t *testing.T) {
	// One candidate depending on another, without a dependency back.
	for _, c := range []struct {
		name string
		pkgs []string
		of   []int
		want []int
	}{
		{
			// shop.owner is cut in two (files 0-2 and 3); it is a
			// third of the code: one context.
			name: "package cut in two",
			pkgs: []string{"shop.owner", "shop.owner", "shop.owner", "shop.owner", "shop.vet", "shop.vet", "shop.vet", "shop.visit", "shop.visit", "shop.visit"},
			of:   []int{0, 0, 0, 1, 2, 2, 2, 3, 3, 3},
			want: []int{0, 0, 0, 0, 2, 2, 2, 3, 3, 3},
		},
		{
			// One flat package holds the whole repository: its
			// candidates are what the clustering found in it.
			name: "flat package",
			pkgs: []string{"app", "app", "app", "app", "app", "app"},
			of:   []int{0, 0, 0, 1, 1, 1},
			want: []int{0, 0, 0, 1, 1, 1},
		},
		{
			// The two hold half of shop.owner; the rest is in a third
			// candidate: not one package cut in two.
			name: "package spread out",
			pkgs: []string{"shop.owner", "shop.owner", "shop.owner", "shop.owner", "shop.owner", "shop.owner", "shop.vet", "shop.vet", "shop.vet", "shop.vet", "shop.vet", "shop.vet"},
			of:   []int{0, 0, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3},
			want: []int{0, 0, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := smallGraph(c.pkgs)
			for i := range c.pkgs {
				g.Types = append(g.Types, graph.Type{File: i})
			}
			// The first file of candidate 1 uses the first of candidate 0.
			from, to := slices.Index(c.of, 1), slices.Index(c.of, 0)
			g.Deps = append(g.Deps, graph.Dep{From: from, To: to, Kind: facts.Call, Count: 1})
			if got := mergeFragments(g, c.of, make([]string, len(c.pkgs))); !slices.Equal(got, c.want) {
				t.Errorf("mergeFragments = %v, want %v", got, c.want)
			}
		})
	}
}

func TestAttachViewFiles(t *testing.T) {
	// Files 0-1 are code (candidates 0 and 1); 2-5 are templates: 2 is
	// rendered by 0 and names the class of 1 (the render wins); 3 is a
	// partial only 2 includes; 4 names the class of 1 only; 5 has no tie.
	g := smallGraph([]string{"web", "model", "views", "views", "views", "views"})
	for f := range g.Files {
		g.Types = append(g.Types, graph.Type{File: f})
		if f >= 2 {
			g.Files[f].Language = "view"
		}
	}
	dep := func(a, b int, kind facts.RefKind) {
		g.Deps = append(g.Deps, graph.Dep{From: a, To: b, Kind: kind, Count: 1})
	}
	dep(0, 2, facts.Call)    // the controller renders 2
	dep(2, 1, facts.TypeUse) // 2 names the model
	dep(2, 3, facts.Call)    // 2 includes 3
	dep(4, 1, facts.TypeUse) // 4 names the model
	of := []int{0, 1, -1, -1, -1, -1}
	attachViewFiles(g, of)
	if want := []int{0, 1, 0, 0, 1, -1}; !slices.Equal(of, want) {
		t.Errorf("attachViewFiles = %v, want %v", of, want)
	}
	if e := eligibleFiles(g, make([]bool, len(g.Files))); !slices.Equal(e, []bool{true, true, false, false, false, false}) {
		t.Errorf("templates are clustered: eligible %v", e)
	}
}

func TestAttachViewFilesTiers(t *testing.T) {
	// Files 0-1 are code (candidates 0 and 1); 2-3 are layouts already
	// placed with candidate 1; 4 is a page rendered once by 0 that
	// includes both layouts and names the class of 1 three times. The
	// controller that renders it decides; the page's includes and names
	// would outvote it in a sum.
	g := smallGraph([]string{"web", "model", "views", "views", "views"})
	for f := range g.Files {
		g.Types = append(g.Types, graph.Type{File: f})
		if f >= 2 {
			g.Files[f].Language = "view"
		}
	}
	dep := func(a, b, n int) {
		g.Deps = append(g.Deps, graph.Dep{From: a, To: b, Kind: facts.Call, Count: n})
	}
	dep(0, 4, 1)
	dep(4, 2, 1)
	dep(4, 3, 1)
	dep(4, 1, 3)
	of := []int{0, 1, 1, 1, -1}
	attachViewFiles(g, of)
	if of[4] != 0 {
		t.Errorf("the page went to candidate %d, want 0 (its controller's)", of[4])
	}
	// Without a render, the class it names decides over a layout that
	// includes it five times.
	g.Deps = g.Deps[:0]
	dep(4, 0, 1)
	dep(2, 4, 5)
	of = []int{0, 1, 1, 1, -1}
	attachViewFiles(g, of)
	if of[4] != 0 {
		t.Errorf("the page went to candidate %d, want 0 (the class it names)", of[4])
	}
}
