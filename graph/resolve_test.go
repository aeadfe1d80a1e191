package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// buildSources writes files (path -> Java source) under a temporary
// directory, parses them and resolves them into a graph.
func buildSources(t *testing.T, files map[string]string) *graph.Graph {
	t.Helper()
	dir := t.TempDir()
	var list []repo.File
	for p, src := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		list = append(list, repo.File{Path: p, Size: int64(len(src))})
	}
	slices.SortFunc(list, func(a, b repo.File) int { return strings.Compare(a.Path, b.Path) })
	ctx := context.Background()
	res, err := parsers.Parse(ctx, dir, list, parsers.Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		t.Errorf("test source %s:%d: %s", d.Path, d.Line, d.Message)
	}
	g, err := graph.Build(ctx, res.Files, 1)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// edges renders the distinct dependencies of g as "From kind To" lines,
// with " .member" for calls and method references, sorted.
func edges(g *graph.Graph) []string {
	var out []string
	for _, d := range g.Deps {
		e := fmt.Sprintf("%s %s %s", g.Types[d.From].Name, d.Kind, g.Types[d.To].Name)
		if d.Member != "" {
			e += " ." + d.Member
		}
		out = append(out, e)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func unresolvedNames(g *graph.Graph) []string {
	var out []string
	for _, nc := range g.Stats.TopUnresolved {
		out = append(out, nc.Name)
	}
	return out
}

// TestJavaResolution checks each rule of Java name resolution on a small
// inline repository: the exact set of edges, the names left unresolved
// and, where they say something, the outcome counts.
func TestJavaResolution(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		// edges is every distinct dependency of the graph.
		edges []string
		// unresolved are the names in Stats.TopUnresolved (any order).
		unresolved []string
		// outcome, when set, is the java outcome count.
		outcome *graph.Outcome
		// byKind, when set, are outcome counts of some kinds.
		byKind map[graph.EdgeKind]graph.Outcome
		// check makes further assertions.
		check func(t *testing.T, g *graph.Graph)
	}{
		{
			name: "same package needs no import",
			files: map[string]string{
				"p/A.java": "package p;\nclass A { B b = new B(); }\n",
				"p/B.java": "package p;\nclass B {}\n",
			},
			edges:   []string{"p.A new p.B", "p.A type-use p.B"},
			outcome: &graph.Outcome{Internal: 2},
		},
		{
			name: "single-type import beats the own package",
			files: map[string]string{
				"p/A.java": "package p;\nimport q.B;\nclass A { B b; }\n",
				"p/B.java": "package p;\nclass B {}\n",
				"q/B.java": "package q;\npublic class B {}\n",
			},
			edges: []string{"p.A type-use q.B"},
		},
		{
			name: "wildcard import, after the own package",
			files: map[string]string{
				"p/A.java": "package p;\nimport q.*;\nclass A { B b; C c; }\n",
				"p/C.java": "package p;\nclass C {}\n",
				"q/B.java": "package q;\npublic class B {}\n",
				"q/C.java": "package q;\npublic class C {}\n",
			},
			edges: []string{"p.A type-use p.C", "p.A type-use q.B"},
		},
		{
			name: "nested type: by simple name inside its outer class, Outer.Inner elsewhere",
			files: map[string]string{
				"p/Outer.java": "package p;\npublic class Outer {\n  public static class Inner {}\n  Inner make() { return new Inner(); }\n}\n",
				"q/User.java":  "package q;\nimport p.Outer;\nclass User { Outer.Inner inner; }\n",
			},
			edges: []string{
				"p.Outer new p.Outer.Inner",
				"p.Outer type-use p.Outer.Inner",
				"q.User type-use p.Outer.Inner",
			},
			unresolved: nil,
		},
		{
			name: "fully qualified name without import",
			files: map[string]string{
				"p/A.java": "package p;\nclass A { q.B b = new q.B(); }\n",
				"q/B.java": "package q;\npublic class B {}\n",
			},
			edges: []string{"p.A new q.B", "p.A type-use q.B"},
		},
		{
			name: "java.lang is external, never an edge",
			files: map[string]string{
				"p/A.java": "package p;\nclass A {\n  String s; Integer n;\n  @Override public String toString() { return s; }\n}\n",
			},
			edges:   nil,
			outcome: &graph.Outcome{External: 4},
		},
		{
			name: "an import from outside the repository is external",
			files: map[string]string{
				"p/A.java": "package p;\nimport org.lib.Thing;\nclass A { Thing t = new Thing(); }\n",
			},
			edges:   nil,
			outcome: &graph.Outcome{External: 2},
		},
		{
			name: "an unknown name is unresolved, never guessed",
			files: map[string]string{
				"p/A.java":       "package p;\nclass A { Mystery m; }\n",
				"q/Mystery.java": "package q;\npublic class Mystery {}\n",
			},
			edges:      nil,
			unresolved: []string{"Mystery"},
			outcome:    &graph.Outcome{Unresolved: 1},
		},
		{
			name: "static import of a method: a call to the declaring class",
			files: map[string]string{
				"p/A.java":    "package p;\nimport static q.Util.helper;\nclass A { void m() { helper(); } }\n",
				"p/B.java":    "package p;\nimport static q.Util.*;\nclass B { void m() { other(1); } }\n",
				"q/Util.java": "package q;\npublic class Util {\n  public static void helper() {}\n  public static void other(int x) {}\n}\n",
			},
			edges:  []string{"p.A call q.Util .helper", "p.B call q.Util .other"},
			byKind: map[graph.EdgeKind]graph.Outcome{facts.Call: {Internal: 2}},
		},
		{
			name: "inherited method: the edge goes to the declaring superclass",
			files: map[string]string{
				"p/Base.java": "package p;\npublic class Base { public void inherited() {} }\n",
				"p/Sub.java":  "package p;\npublic class Sub extends Base { void m() { inherited(); } }\n",
				"p/User.java": "package p;\nclass User { void m(Sub s) { s.inherited(); } }\n",
			},
			edges: []string{
				"p.Sub call p.Base .inherited",
				"p.Sub extends p.Base",
				"p.User call p.Base .inherited",
				"p.User type-use p.Sub",
			},
		},
		{
			name: "receivers: a field, a parameter, a local, var x = new, this.field",
			files: map[string]string{
				"p/A.java": `package p;
class A {
  private B field;
  void viaField() { field.onField(); }
  void viaParam(B param) { param.onParam(); }
  void viaLocal() { B local = field; local.onLocal(); }
  void viaVar() { var v = new B(); v.onVar(); }
  void viaThis() { this.field.onThis(); }
}
`,
				"p/B.java": `package p;
class B {
  void onField() {}
  void onParam() {}
  void onLocal() {}
  void onVar() {}
  void onThis() {}
}
`,
			},
			edges: []string{
				"p.A call p.B .onField",
				"p.A call p.B .onLocal",
				"p.A call p.B .onParam",
				"p.A call p.B .onThis",
				"p.A call p.B .onVar",
				"p.A new p.B",
				"p.A type-use p.B",
			},
			byKind: map[graph.EdgeKind]graph.Outcome{facts.Call: {Internal: 5}},
		},
		{
			name: "var x = b.getC(): the return type, resolved in the declaring file",
			files: map[string]string{
				"p/A.java": "package p;\nimport q.B;\nclass A { void m(B b) { var c = b.getC(); c.run(); } }\n",
				"q/B.java": "package q;\nimport r.C;\npublic class B { public C getC() { return null; } }\n",
				"r/C.java": "package r;\npublic class C { public void run() {} }\n",
			},
			edges: []string{
				"p.A call q.B .getC",
				"p.A call r.C .run",
				"p.A type-use q.B",
				"q.B type-use r.C",
			},
			unresolved: nil,
		},
		{
			name: "super.m(): the superclass's method",
			files: map[string]string{
				"p/Base.java": "package p;\nclass Base { void m() {} }\n",
				"p/Sub.java":  "package p;\nclass Sub extends Base { @Override void m() { super.m(); } }\n",
			},
			edges: []string{"p.Sub call p.Base .m", "p.Sub extends p.Base"},
		},
		{
			name: "a chain a.getB().getC().run() through repository types",
			files: map[string]string{
				"p/A.java": "package p;\nclass A { X x; void m() { x.getB().getC().run(); } }\n",
				"p/X.java": "package p;\nclass X { B getB() { return null; } }\n",
				"p/B.java": "package p;\nclass B { C getC() { return null; } }\n",
				"p/C.java": "package p;\nclass C { void run() {} }\n",
			},
			edges: []string{
				"p.A call p.B .getC",
				"p.A call p.C .run",
				"p.A call p.X .getB",
				"p.A type-use p.X",
				"p.B type-use p.C",
				"p.X type-use p.B",
			},
			byKind: map[graph.EdgeKind]graph.Outcome{facts.Call: {Internal: 3}},
		},
		{
			name: "a call on a lambda's untyped parameter is unresolved",
			files: map[string]string{
				"p/A.java": "package p;\nimport java.util.function.Consumer;\nclass A { Consumer<B> c = x -> x.run(); }\n",
				"p/B.java": "package p;\nclass B { void run() {} }\n",
			},
			edges:      []string{"p.A type-use p.B"},
			unresolved: []string{"?.run"},
			byKind:     map[graph.EdgeKind]graph.Outcome{facts.Call: {Unresolved: 1}},
		},
		{
			name: "a generic method returning T: no edge beyond the receiver",
			files: map[string]string{
				"p/A.java": `package p;
class A {
  Box box; Holder<B> holder;
  void m() {
    box.get(B.class).run();
    holder.value().run();
  }
}
`,
				"p/Box.java":    "package p;\nclass Box { <T> T get(Class<T> type) { return null; } }\n",
				"p/Holder.java": "package p;\nclass Holder<T> { T value() { return null; } }\n",
				"p/B.java":      "package p;\nclass B { void run() {} }\n",
			},
			edges: []string{
				"p.A call p.Box .get",
				"p.A call p.Holder .value",
				"p.A type-use p.B",
				"p.A type-use p.Box",
				"p.A type-use p.Holder",
			},
			// The run() calls land outside (Object's members, as far as
			// the resolver knows), not on B.
			byKind: map[graph.EdgeKind]graph.Outcome{facts.Call: {Internal: 2, External: 2}},
		},
		{
			name: "an imported nested type, and a member type inherited from a superclass",
			files: map[string]string{
				"p/Outer.java": "package p;\npublic class Outer { public static class Inner {} }\n",
				"q/A.java":     "package q;\nimport p.Outer.Inner;\nclass A { Inner i; }\n",
				"q/Sub.java":   "package q;\nimport p.Outer;\nclass Sub extends Outer { Inner i; }\n",
			},
			edges: []string{
				"q.A type-use p.Outer.Inner",
				"q.Sub extends p.Outer",
				"q.Sub type-use p.Outer.Inner",
			},
		},
		{
			name: "a type parameter shadows a repository type of the same name",
			files: map[string]string{
				"p/Box.java": "package p;\nclass Box<B> { B b; B get() { return b; } }\n",
				"p/B.java":   "package p;\nclass B {}\n",
			},
			edges: nil,
		},
		{
			name: "an inherited field as receiver",
			files: map[string]string{
				"p/Base.java": "package p;\nclass Base { protected B b; }\n",
				"p/Sub.java":  "package p;\nclass Sub extends Base { void m() { b.run(); } }\n",
				"p/B.java":    "package p;\nclass B { void run() {} }\n",
			},
			edges: []string{"p.Base type-use p.B", "p.Sub call p.B .run", "p.Sub extends p.Base"},
		},
		{
			name: "an interface's default method through an implementing class",
			files: map[string]string{
				"p/I.java":    "package p;\ninterface I { default void def() {} }\n",
				"p/Impl.java": "package p;\nclass Impl implements I {}\n",
				"p/User.java": "package p;\nclass User { void m(Impl impl) { impl.def(); } }\n",
			},
			edges: []string{"p.Impl implements p.I", "p.User call p.I .def", "p.User type-use p.Impl"},
		},
		{
			name: "overloads are told apart by argument count across the hierarchy",
			files: map[string]string{
				"p/Base.java": "package p;\nclass Base { void m(int x) {} }\n",
				"p/Sub.java":  "package p;\nclass Sub extends Base { void m() {} }\n",
				"p/User.java": "package p;\nclass User { void u(Sub s) { s.m(1); s.m(); } }\n",
			},
			edges: []string{"p.Sub extends p.Base", "p.User call p.Base .m", "p.User call p.Sub .m", "p.User type-use p.Sub"},
		},
		{
			name: "an unqualified call from an inner class to its outer class",
			files: map[string]string{
				"p/Outer.java": "package p;\nclass Outer {\n  void helper() {}\n  class Inner { void m() { helper(); } }\n}\n",
			},
			edges: []string{"p.Outer.Inner call p.Outer .helper"},
		},
		{
			name: "a static call and a static call on an enum's valueOf",
			files: map[string]string{
				"p/A.java":     "package p;\nclass A { void m() { Util.go(); Color.valueOf(\"RED\").paint(); } }\n",
				"p/Util.java":  "package p;\nclass Util { static void go() {} }\n",
				"p/Color.java": "package p;\nenum Color { RED; void paint() {} }\n",
			},
			edges: []string{"p.A call p.Color .paint", "p.A call p.Color .valueOf", "p.A call p.Util .go"},
		},
		{
			name: "names from a library supertype or a library wildcard import are external",
			files: map[string]string{
				"p/A.java": "package p;\nimport org.lib.Base;\nclass A extends Base { void m() { fromBase(); } }\n",
				"p/B.java": "package p;\nimport org.lib.*;\nclass B { Widget w; }\n",
			},
			edges:   nil,
			outcome: &graph.Outcome{External: 3},
		},
		{
			name: "a type declared in two modules: each module sees its own copy",
			files: map[string]string{
				"moda/src/p/Dup.java":  "package p;\npublic class Dup {}\n",
				"moda/src/p/UseA.java": "package p;\nclass UseA { Dup d; }\n",
				"modb/src/p/Dup.java":  "package p;\npublic class Dup {}\n",
				"modb/src/p/UseB.java": "package p;\nclass UseB { Dup d; }\n",
			},
			edges: []string{"p.UseA type-use p.Dup", "p.UseB type-use p.Dup"},
			check: func(t *testing.T, g *graph.Graph) {
				if want := []string{"p.Dup"}; !slices.Equal(g.Stats.DuplicateTypes, want) {
					t.Errorf("DuplicateTypes = %q, want %q", g.Stats.DuplicateTypes, want)
				}
				for _, d := range g.Deps {
					from := g.Files[g.Types[d.From].File].Path
					to := g.Files[g.Types[d.To].File].Path
					if from[:5] != to[:5] {
						t.Errorf("%s (%s) resolved Dup to the copy in %s", g.Types[d.From].Name, from, to)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := buildSources(t, tt.files)
			if got := edges(g); !slices.Equal(got, tt.edges) {
				t.Errorf("edges:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.edges, "\n  "))
			}
			gotU, wantU := unresolvedNames(g), slices.Clone(tt.unresolved)
			slices.Sort(gotU)
			slices.Sort(wantU)
			if !slices.Equal(gotU, wantU) {
				t.Errorf("unresolved names = %q, want %q", gotU, wantU)
			}
			if tt.outcome != nil {
				if got := g.Stats.ByLanguage["java"]; got != *tt.outcome {
					t.Errorf("java outcome = %+v, want %+v", got, *tt.outcome)
				}
			}
			for k, want := range tt.byKind {
				if got := g.Stats.ByKind[k]; got != want {
					t.Errorf("%s outcome = %+v, want %+v", k, got, want)
				}
			}
			if tt.check != nil {
				tt.check(t, g)
			}
		})
	}
}

// TestJavaResolutionJobs checks that resolution does not depend on the
// number of workers.
func TestJavaResolutionJobs(t *testing.T) {
	dir := filepath.Join("..", "testdata", "java", "shop")
	ctx := context.Background()
	l, err := repo.List(ctx, dir, repo.Options{Match: parsers.IsSource})
	if err != nil {
		t.Fatal(err)
	}
	res, err := parsers.Parse(ctx, l.Root, l.Files, parsers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g1, err := graph.Build(ctx, res.Files, 1)
	if err != nil {
		t.Fatal(err)
	}
	g8, err := graph.Build(ctx, res.Files, 8)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(g1.Deps, g8.Deps) {
		t.Errorf("deps differ between 1 and 8 workers")
	}
	if fmt.Sprint(g1.Stats) != fmt.Sprint(g8.Stats) {
		t.Errorf("stats differ between 1 and 8 workers:\n%+v\n%+v", g1.Stats, g8.Stats)
	}
}

// TestBuildCancelled checks that a cancelled context stops Build with the
// context's error.
func TestBuildCancelled(t *testing.T) {
	g := buildSources(t, map[string]string{"p/A.java": "package p;\nclass A {}\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := graph.Build(ctx, g.Facts, 2); err == nil {
		t.Errorf("Build with a cancelled context: no error")
	}
}
