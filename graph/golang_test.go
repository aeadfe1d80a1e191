package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// goLibraryMisses are the edges of testdata/golang/library that the
// resolver does not find, each for a known reason.
var goLibraryMisses = map[string]string{}

// goLibraryEdges returns the distinct type-level edges of the Go library
// monolith, module path left out ("catalog.Book").
func goLibraryEdges(g *graph.Graph) map[string]bool {
	got := map[string]bool{}
	for _, d := range g.Deps {
		if g.Files[g.Types[d.From].File].Language != "go" {
			continue
		}
		got[goShort(g.Types[d.From].Name)+"\t"+string(d.Kind)+"\t"+goShort(g.Types[d.To].Name)] = true
	}
	return got
}

func goShort(name string) string { return strings.TrimPrefix(name, "example.com/library/") }

// TestGoLibraryEdges compares every distinct type-level edge extracted
// from the Go library monolith with the edges written down by hand:
// precision must be 100%, recall at least 90%, and every missed edge a
// known miss.
func TestGoLibraryEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golang", "library")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := goLibraryEdges(g)
	compareTruth(t, "edge", "edges", want, got, goLibraryMisses)
}

// goLibraryDataMisses are the table accesses of testdata/golang/library
// not found, each for a known reason.
var goLibraryDataMisses = map[string]string{}

// TestGoLibraryData compares the table accesses of the Go library
// monolith with expected/data.tsv: no false access, recall at least 90%,
// every miss known.
func TestGoLibraryData(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golang", "library")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 || g.Files[g.Types[d.From].File].Language != "go" {
			continue
		}
		got[goShort(g.Types[d.From].Name)+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
	}
	found := 0
	for e := range got {
		if want[e] {
			found++
		} else {
			t.Errorf("false access: %s", e)
		}
	}
	for e := range want {
		if got[e] {
			continue
		}
		if why, ok := goLibraryDataMisses[e]; ok {
			t.Logf("known miss (%s): %s", why, e)
		} else {
			t.Errorf("missed access: %s", e)
		}
	}
	recall := float64(found) / float64(max(len(want), 1))
	t.Logf("accesses: %d expected, %d extracted, %d right; precision %.1f%%, recall %.1f%%", len(want), len(got), found,
		100*float64(found)/float64(max(len(got), 1)), 100*recall)
	if recall < 0.9 {
		t.Errorf("recall %.1f%% is under 90%%", 100*recall)
	}
}

// buildContents parses a testdata monolith from its files' bytes (as a
// history backfill does: Go files are then read by tree-sitter, without
// types) and resolves it.
func buildContents(t *testing.T, dir string) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	l, err := repo.List(ctx, dir, repo.Options{Match: parsers.IsSource})
	if err != nil {
		t.Fatal(err)
	}
	var in []parsers.Input
	for _, f := range l.Files {
		src, err := os.ReadFile(filepath.Join(l.Root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, parsers.Input{Path: f.Path, Src: src})
	}
	res, err := parsers.ParseContents(ctx, in, parsers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(ctx, res.Files, 0)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestGoLibraryUntyped measures the tree-sitter reading of Go (the
// fallback when packages do not load, and the reader of past commits)
// against the same truth: no false edge, and the recall it reaches.
func TestGoLibraryUntyped(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golang", "library")
	g := buildContents(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := goLibraryEdges(g)
	tp := 0
	var falsePos, missed []string
	for e := range got {
		if want[e] {
			tp++
		} else {
			falsePos = append(falsePos, e)
		}
	}
	for e := range want {
		if !got[e] {
			missed = append(missed, e)
		}
	}
	slices.Sort(falsePos)
	slices.Sort(missed)
	t.Logf("untyped edges: %d expected, %d extracted; precision %.1f%%, recall %.1f%%",
		len(want), len(got), 100*float64(tp)/float64(max(len(got), 1)), 100*float64(tp)/float64(max(len(want), 1)))
	for _, e := range falsePos {
		t.Errorf("false edge: %s", e)
	}
	for _, e := range missed {
		t.Logf("missed: %s", e)
	}
}
