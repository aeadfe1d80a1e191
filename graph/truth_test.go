package graph_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// build parses and resolves a testdata monolith.
func build(t *testing.T, dir string) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	l, err := repo.List(ctx, dir, repo.Options{Match: parsers.IsSource})
	if err != nil {
		t.Fatal(err)
	}
	res, err := parsers.Parse(ctx, l.Root, l.Files, parsers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(ctx, res.Files, 0)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// readRows reads a tab-separated truth file, skipping comments.
func readRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestJavaShopEdges compares every distinct type-level edge extracted from
// the shop monolith with the edges written down by hand: precision and
// recall must both be 100%.
func TestJavaShopEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "java", "shop")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Types[d.To].Name] = true
	}
	var falsePos, missed []string
	for e := range got {
		if !want[e] {
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
	tp := len(got) - len(falsePos)
	t.Logf("edges: %d expected, %d extracted; precision %.1f%%, recall %.1f%%",
		len(want), len(got), 100*float64(tp)/float64(max(len(got), 1)), 100*float64(tp)/float64(max(len(want), 1)))
	for _, e := range falsePos {
		t.Errorf("false edge: %s", e)
	}
	for _, e := range missed {
		t.Errorf("missed edge: %s", e)
	}
}

// TestJavaShopTypes compares the declared types with types.tsv.
func TestJavaShopTypes(t *testing.T) {
	dir := filepath.Join("..", "testdata", "java", "shop")
	g := build(t, dir)
	var want, got []string
	for _, r := range readRows(t, filepath.Join(dir, "expected", "types.tsv")) {
		want = append(want, strings.Join(r, "\t"))
	}
	for _, ty := range g.Types {
		got = append(got, fmt.Sprintf("%s\t%s\t%s\t%d", ty.Name, ty.Kind, g.Files[ty.File].Path, ty.Line))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("declared types differ:\nwant:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}
