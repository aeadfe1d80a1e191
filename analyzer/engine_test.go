package analyzer_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// clique returns n files in package pkg that call each other.
func clique(pkg, prefix string, n int, extra ...string) []file {
	var fs []file
	for i := 1; i <= n; i++ {
		f := file{typ: fmt.Sprintf("%s.%s%d", pkg, prefix, i), lines: 10}
		for j := 1; j <= n; j++ {
			if j != i {
				f.deps = append(f.deps, fmt.Sprintf("call %s.%s%d", pkg, prefix, j))
			}
		}
		f.deps = append(f.deps, extra...)
		fs = append(fs, f)
	}
	return fs
}

func candidateOf(r *result.Result, path string) string {
	for _, c := range r.Candidates {
		for _, m := range c.Members {
			if m.Path == path {
				return c.ID
			}
		}
	}
	return ""
}

func TestKernelSetAside(t *testing.T) {
	var files []file
	for _, pkg := range []string{"x.a", "x.b", "x.c"} {
		files = append(files, clique(pkg, "K", 4, "type-use x.util.Util")...)
	}
	files = append(files, file{typ: "x.util.Util", lines: 40})
	r := analyze(t, buildGraph(t, files), analyzer.DefaultOptions())
	if len(r.Kernel) != 1 || r.Kernel[0].Name != "x.util.Util" || r.Kernel[0].Kind != "library" || r.Kernel[0].FanIn != 12 {
		t.Fatalf("kernel = %+v, want x.util.Util, a library with 12 dependents", r.Kernel)
	}
	if r.Kernel[0].UsedBy != 3 {
		t.Errorf("kernel used_by = %d, want the 3 candidates", r.Kernel[0].UsedBy)
	}
	if c := candidateOf(r, "x/util/Util.java"); c != "" {
		t.Errorf("the kernel file is in candidate %s", c)
	}
	if len(r.Candidates) != 3 {
		t.Errorf("got %d candidates, want the 3 cliques: %q", len(r.Candidates), members(r))
	}
	// The architect can move it back.
	opts := analyzer.DefaultOptions()
	opts.Overrides.KernelExclude = []string{"x.util.Util"}
	r = analyze(t, buildGraph(t, files), opts)
	if len(r.Kernel) != 0 || candidateOf(r, "x/util/Util.java") == "" {
		t.Errorf("kernel.exclude did not move it back: kernel %+v", r.Kernel)
	}
	if len(r.Overrides) != 1 || r.Overrides[0].Kind != "kernel-exclude" {
		t.Errorf("overrides = %+v", r.Overrides)
	}
}

// dataGraph builds two cliques whose files access tables, plus a script
// declaring a procedure that writes a third table.
func dataGraph(t *testing.T) *graph.Graph {
	t.Helper()
	fs := factsOf(t, append(clique("x.a", "A", 3), clique("x.b", "B", 3)...))
	access := func(path string, kind facts.DataKind, object string) {
		for _, f := range fs {
			if f.Path == path {
				f.Data = append(f.Data, facts.DataRef{Kind: kind, Object: object, From: 0, Method: -1, Routine: -1, Via: "jdbc"})
				return
			}
		}
		t.Fatalf("no file %s", path)
	}
	access("x/a/A1.java", facts.Writes, "orders")
	access("x/a/A2.java", facts.Writes, "orders")
	access("x/b/B1.java", facts.Reads, "orders")
	access("x/b/B2.java", facts.Writes, "customers")
	access("x/a/A3.java", facts.Calls, "archive_orders")
	script := &facts.File{Path: "db/procs.sql", Language: "sql", Lines: 5,
		Routines: []facts.Routine{{Name: "archive_orders", Kind: facts.Procedure, Line: 1}},
		Data:     []facts.DataRef{{Kind: facts.Writes, Object: "order_archive", From: -1, Method: -1, Routine: 0}}}
	schema := &facts.File{Path: "db/schema.sql", Language: "sql", Lines: 9, Tables: []facts.Table{
		{Name: "orders", Kind: facts.BaseTable, Entity: -1, Line: 1, ForeignKeys: []facts.ForeignKey{{Table: "customers"}}},
		{Name: "customers", Kind: facts.BaseTable, Entity: -1, Line: 5}}}
	g, err := graph.Build(context.Background(), append(fs, script, schema), 1)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestTableOwnership(t *testing.T) {
	r := analyze(t, dataGraph(t), analyzer.DefaultOptions())
	a, b := candidateOf(r, "x/a/A1.java"), candidateOf(r, "x/b/B1.java")
	if a == "" || b == "" || a == b {
		t.Fatalf("want two candidates: %q", members(r))
	}
	if c := candidateOf(r, "db/procs.sql"); c != a {
		t.Errorf("the procedure's script is in %q, want with its caller %q", c, a)
	}
	if c := candidateOf(r, "db/schema.sql"); c != "" {
		t.Errorf("a schema script is a member of %q; it declares, it is no component", c)
	}
	tables := map[string]result.TableUse{}
	for _, u := range r.Tables {
		tables[u.Name] = u
	}
	orders := tables["orders"]
	if orders.Owner != a || !orders.Shared || orders.Conflict != "" || !slices.Equal(orders.ForeignKeys, []string{"customers"}) {
		t.Errorf("orders = %+v, want owned by %s, shared (read by %s), referencing customers", orders, a, b)
	}
	if c := tables["customers"]; c.Owner != b || c.Shared {
		t.Errorf("customers = %+v, want owned by %s alone", c, b)
	}
	// Through the procedure, candidate a writes order_archive.
	if arch := tables["order_archive"]; arch.Owner != a {
		t.Errorf("order_archive = %+v, want written by %s through archive_orders", arch, a)
	}
	if p := tables["archive_orders"]; p.Kind != "procedure" || len(p.Accesses) != 1 || p.Accesses[0].Calls != 1 {
		t.Errorf("archive_orders = %+v", p)
	}
	for _, c := range r.Candidates {
		switch c.ID {
		case a:
			if !slices.Contains(c.Scores.OwnedTables, "orders") || !slices.Contains(c.Scores.OwnedTables, "order_archive") {
				t.Errorf("%s owns %v", a, c.Scores.OwnedTables)
			}
		case b:
			if !slices.Equal(c.Scores.SharedTables, []string{"orders"}) || !slices.Equal(c.Scores.OwnedTables, []string{"customers"}) {
				t.Errorf("%s owns %v, shares %v", b, c.Scores.OwnedTables, c.Scores.SharedTables)
			}
		}
	}
	// One of the three tables candidates touch is shared: orders.
	if r.Scores.SharedTables != 0.3333 {
		t.Errorf("shared table share = %v, want 1 of 3 (orders shared; customers, order_archive not)", r.Scores.SharedTables)
	}
}

func TestPlanOrders(t *testing.T) {
	// c stands alone; a calls b a lot; b is what the others lean on.
	files := append(clique("x.a", "A", 3, "call x.b.B1", "call x.b.B2"), clique("x.b", "B", 3)...)
	files = append(files, clique("x.c", "C", 3)...)
	g := buildGraph(t, files)
	r := analyze(t, g, analyzer.DefaultOptions())
	if len(r.Plan.Steps) != 3 || r.Plan.Strategy != analyzer.LeastEntangledFirst {
		t.Fatalf("plan = %+v", r.Plan)
	}
	first := r.Plan.Steps[0]
	if first.Candidate != candidateOf(r, "x/c/C1.java") || first.Cost.Score != 0 {
		t.Errorf("first step %+v, want the isolated clique at no cost", first)
	}
	second := r.Plan.Steps[1]
	if second.Cost.CallsIn+second.Cost.CallsOut != 6 {
		t.Errorf("second step %+v: 6 call sites cross between a and b", second)
	}
	for _, st := range r.Plan.Steps {
		if st.Reason == "" || st.Order < 1 {
			t.Errorf("step without reason or order: %+v", st)
		}
	}
	opts := analyzer.DefaultOptions()
	opts.Strategy = analyzer.SharedCoreFirst
	r = analyze(t, g, opts)
	if r.Plan.Steps[0].Candidate != candidateOf(r, "x/b/B1.java") || !strings.Contains(r.Plan.Steps[0].Reason, "leans on it most") {
		t.Errorf("shared-core-first starts with %+v, want b", r.Plan.Steps[0])
	}
	// b's API: the two methods a calls.
	for _, c := range r.Candidates {
		if c.ID == candidateOf(r, "x/b/B1.java") && len(c.Scores.API) != 2 {
			t.Errorf("b's API = %+v, want B1.m and B2.m", c.Scores.API)
		}
	}
}

func TestPlanInvert(t *testing.T) {
	// Three cliques in one cycle: a -> b (one pair of types), b -> c
	// (three), c -> a (one). b leaves it by inverting a's one dependency
	// on it rather than its own three on c.
	a, b, c := clique("x.a", "A", 4), clique("x.b", "B", 4), clique("x.c", "C", 4)
	a[0].deps = append(a[0].deps, "call x.b.B1")
	for i := range 3 {
		b[i].deps = append(b[i].deps, "call x.c.C1")
	}
	c[0].deps = append(c[0].deps, "call x.a.A1")
	r := analyze(t, buildGraph(t, append(append(a, b...), c...)), analyzer.DefaultOptions())
	if len(r.Plan.Steps) != 3 {
		t.Fatalf("plan = %+v, candidates %q", r.Plan, members(r))
	}
	want := map[string]struct {
		invert int
		into   bool
		first  string
	}{
		candidateOf(r, "x/a/A1.java"): {1, true, "x.c.C1 → x.a.A1"}, // one each way: the others' on it
		candidateOf(r, "x/b/B1.java"): {1, true, "x.a.A1 → x.b.B1"},
		candidateOf(r, "x/c/C1.java"): {1, false, "x.c.C1 → x.a.A1"},
	}
	first := r.Plan.Steps[0]
	w := want[first.Candidate]
	if first.Cost.Cycles != 2 || first.Cost.Invert != w.invert || first.InvertInto != w.into || len(first.Invert) != 1 ||
		first.Invert[0].From+" → "+first.Invert[0].To != w.first || !strings.Contains(first.Invert[0].At, ".java:") {
		t.Errorf("first step %+v, want %+v", first, w)
	}
	if !strings.Contains(first.Reason, "invert") {
		t.Errorf("first step's reason does not say what to invert: %s", first.Reason)
	}
	// Once one has left, the cycle is gone.
	for _, st := range r.Plan.Steps[1:] {
		if st.Cost.Cycles != 0 || st.Cost.Invert != 0 || len(st.Invert) != 0 {
			t.Errorf("step %d after the cycle broke: %+v", st.Order, st)
		}
	}
}

func TestPinsMergesSplits(t *testing.T) {
	files := append(clique("x.a", "A", 3), clique("x.b", "B", 3)...)
	files = append(files, clique("x.c", "C", 3)...)
	g := buildGraph(t, files)

	opts := analyzer.DefaultOptions()
	opts.Overrides.Pins = []analyzer.Pin{{Package: "x.a", Context: "alpha"}, {Path: "x/b/B1.java", Context: "alpha"}}
	r := analyze(t, g, opts)
	if c := candidateOf(r, "x/a/A1.java"); c != "alpha" || candidateOf(r, "x/b/B1.java") != "alpha" {
		t.Errorf("pins: A1 in %q, B1 in %q, want both in alpha: %q", c, candidateOf(r, "x/b/B1.java"), members(r))
	}
	// B2 and B3 follow B1: the b clique joins alpha.
	if len(r.Overrides) != 2 || r.Overrides[1].Kind != "pin" ||
		r.Overrides[1].Effect != "1 files pinned, which the clustering alone put in b; 2 candidates (3 without overrides)" {
		t.Errorf("pin effects = %+v", r.Overrides)
	}

	opts = analyzer.DefaultOptions()
	a, b := candidateOf(analyze(t, g, opts), "x/a/A1.java"), candidateOf(analyze(t, g, opts), "x/b/B1.java")
	opts.Overrides.Merges = [][]string{{a, b}}
	r = analyze(t, g, opts)
	if len(r.Candidates) != 2 || candidateOf(r, "x/a/A1.java") != candidateOf(r, "x/b/B1.java") {
		t.Errorf("merge of %s and %s: %q", a, b, members(r))
	}

	opts.Overrides.Splits = []analyzer.Split{{Candidate: candidateOf(r, "x/a/A1.java"), By: "package"}}
	r = analyze(t, g, opts)
	if len(r.Candidates) != 3 || candidateOf(r, "x/a/A1.java") == candidateOf(r, "x/b/B1.java") {
		t.Errorf("split by package after the merge: %q", members(r))
	}
}

func TestServicesCount(t *testing.T) {
	var files []file
	for _, pkg := range []string{"x.a", "x.b", "x.c", "x.d", "x.e", "x.f"} {
		files = append(files, clique(pkg, "Q", 4)...)
	}
	// Chain the cliques so that fewer candidates are possible.
	for i := 0; i+4 < len(files); i += 4 {
		files[i].deps = append(files[i].deps, "call "+files[i+4].typ)
	}
	g := buildGraph(t, files)
	for _, want := range []int{2, 3, 6} {
		opts := analyzer.DefaultOptions()
		opts.Services = want
		r := analyze(t, g, opts)
		if len(r.Candidates) != want {
			t.Errorf("--services %d gave %d candidates (resolution %v)", want, len(r.Candidates), r.Settings.Resolution)
		}
	}
}

// TestInsideCandidate checks what a card shows of a candidate's inside:
// the dependencies between its packages and the ties between its files.
func TestInsideCandidate(t *testing.T) {
	files := clique("x.o", "O", 3, "call x.o.web.OrderController")
	files = append(files, file{typ: "x.o.web.OrderController", lines: 10,
		deps: []string{"call x.o.O1", "call x.o.O2", "call x.o.O3", "type-use x.o.O1"}})
	files = append(files, clique("x.p", "P", 4)...)
	r := analyze(t, buildGraph(t, files), analyzer.DefaultOptions())
	c := r.Candidates[slices.IndexFunc(r.Candidates, func(c result.Candidate) bool {
		return c.ID == candidateOf(r, "x/o/web/OrderController.java")
	})]
	if c.ID != candidateOf(r, "x/o/O1.java") {
		t.Fatalf("the controller is apart from its package: %q", members(r))
	}
	want := map[string]result.PackageDep{
		"x.o.web>x.o": {From: "x.o.web", To: "x.o", Kinds: map[string]int{"call": 3, "type-use": 1}},
		"x.o>x.o.web": {From: "x.o", To: "x.o.web", Kinds: map[string]int{"call": 3}},
	}
	if len(c.PackageDeps) != len(want) {
		t.Fatalf("package deps = %+v, want %d", c.PackageDeps, len(want))
	}
	for _, d := range c.PackageDeps {
		w, ok := want[d.From+">"+d.To]
		if !ok || fmt.Sprint(d.Kinds) != fmt.Sprint(w.Kinds) || d.Weight <= 0 {
			t.Errorf("package dep %+v, want %+v", d, w)
		}
	}
	if c.PackageDeps[0].Weight < c.PackageDeps[1].Weight {
		t.Errorf("package deps not heaviest first: %+v", c.PackageDeps)
	}
	perLayer := map[string]int{}
	for _, l := range c.Links {
		perLayer[l.Layer]++
		if candidateOf(r, l.A) != c.ID || candidateOf(r, l.B) != c.ID || l.A >= l.B || l.Weight <= 0 {
			t.Errorf("link %+v is not between two of its files in order", l)
		}
	}
	st, ok := c.Scores.ByLayer["structural"]
	if !ok || st.Internal <= 0 || st.External != 0 || st.Cohesion != 1 {
		t.Errorf("structural layer score = %+v, want all ties inside", st)
	}
	if perLayer["structural"] != 3 {
		t.Errorf("links = %+v, want the 3 strongest structural ties", c.Links)
	}
	// The controller's ties (calls both ways plus a type use) are the
	// strongest.
	if l := c.Links[0]; l.A != "x/o/O1.java" || l.B != "x/o/web/OrderController.java" {
		t.Errorf("strongest link = %+v, want O1 and the controller", l)
	}
	other := r.Candidates[slices.IndexFunc(r.Candidates, func(x result.Candidate) bool { return x.ID != c.ID })]
	if len(other.PackageDeps) != 0 {
		t.Errorf("a one-package candidate has package deps %+v", other.PackageDeps)
	}
}

// TestOwnershipWithoutWrites: a table nobody writes in code is owned by
// the candidate holding its mapped classes when that candidate uses it
// (or when nobody accesses it at all: an ORM's cascade), else by its only
// reader; a table several read and none maps has no owner.
func TestOwnershipWithoutWrites(t *testing.T) {
	fs := factsOf(t, append(clique("x.a", "A", 3), clique("x.b", "B", 3)...))
	file := func(path string) *facts.File {
		for _, f := range fs {
			if f.Path == path {
				return f
			}
		}
		t.Fatalf("no file %s", path)
		return nil
	}
	read := func(path, object string) {
		f := file(path)
		f.Data = append(f.Data, facts.DataRef{Kind: facts.Reads, Object: object, From: 0, Method: -1, Routine: -1, Via: "jdbc"})
	}
	maps := func(path, table string) {
		f := file(path)
		f.Tables = append(f.Tables, facts.Table{Name: table, Kind: facts.BaseTable, Entity: 0, Line: 1, Via: "jpa"})
	}
	read("x/b/B1.java", "regions") // only B reads it
	maps("x/a/A1.java", "lines")   // mapped in A, never accessed
	maps("x/b/B3.java", "rates")   // mapped in B, read by A and B
	read("x/a/A2.java", "rates")
	read("x/b/B2.java", "rates")
	read("x/a/A3.java", "lookups") // read by both, mapped by none
	read("x/b/B3.java", "lookups")
	g, err := graph.Build(context.Background(), fs, 1)
	if err != nil {
		t.Fatal(err)
	}
	opts := analyzer.DefaultOptions()
	opts.Layers.Data, opts.Layers.Vocabulary = 0, 0 // the two cliques, whatever the tables
	r := analyze(t, g, opts)
	a, b := candidateOf(r, "x/a/A1.java"), candidateOf(r, "x/b/B1.java")
	if a == "" || b == "" || a == b || candidateOf(r, "x/a/A3.java") != a || candidateOf(r, "x/b/B3.java") != b {
		t.Fatalf("want the two cliques: %q", members(r))
	}
	want := map[string]string{"regions": b, "lines": a, "rates": b, "lookups": ""}
	for _, u := range r.Tables {
		if w, ok := want[u.Name]; ok && u.Owner != w {
			t.Errorf("%s owned by %q, want %q (%+v)", u.Name, u.Owner, w, u)
		}
	}
	for _, c := range r.Candidates {
		if c.ID == a && !slices.Contains(c.Scores.OwnedTables, "lines") {
			t.Errorf("%s owns %v, want lines among them", a, c.Scores.OwnedTables)
		}
	}
	for _, s := range r.Plan.Steps {
		if s.Candidate != a {
			continue
		}
		if !slices.ContainsFunc(s.Tables, func(m result.TableMove) bool { return m.Table == "lines" && m.Action == "move" }) {
			t.Errorf("extracting %s does not move lines: %+v", a, s.Tables)
		}
	}
}
