package history

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/seams-dev/seams/history/sarifschema"
)

func TestParseAllowed(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Allowed
		ok   bool
	}{
		{"orders -> billing", Allowed{"orders", "billing"}, true},
		{"a->b", Allowed{"a", "b"}, true},
		{"orders billing", Allowed{}, false},
		{" -> b", Allowed{}, false},
	} {
		got, err := ParseAllowed(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAllowed(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestParseAt(t *testing.T) {
	for in, want := range map[string]Location{
		"src/A.java:12":   {"src/A.java", 12},
		"src/A.java":      {"src/A.java", 0},
		"c:/x/A.java:3":   {"c:/x/A.java", 3},
		"src/a:b/A.java":  {"src/a:b/A.java", 0},
		"src/a:b/A.java:": {"src/a:b/A.java:", 0},
	} {
		if got := ParseAt(in); got != want {
			t.Errorf("ParseAt(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestCheckRules checks each rule kind on snapshots built in code (the
// context rule, which needs a graph, is covered end to end by the
// scripts of cmd/seams).
func TestCheckRules(t *testing.T) {
	base := sample("r", "c1", 1)
	cur := sample("r", "c2", 2)
	cur.Scores[ScoreICP] = 0.30
	cur.Cycles = append(cur.Cycles, []string{"billing", "shipping"})
	cur.Edges = append(cur.Edges, Edge{From: "shipping", To: "billing", Weight: 1, Kinds: map[string]int{"call": 1},
		Examples: []Example{{From: "s.S", To: "b.B", Kind: "call", Count: 1, At: "src/s/S.java:7"}}})
	cur.Edges = append(cur.Edges, Edge{From: "billing", To: "shipping", Weight: 1, Kinds: map[string]int{"call": 1},
		Examples: []Example{{From: "b.B", To: "s.S", Kind: "call", Count: 1, At: "src/b/B.java:9"}}})
	cur.Candidates = append(cur.Candidates, Candidate{ID: "shipping", Name: "shipping", Members: []string{"src/s/S.java"}})
	cur.Tables = append(cur.Tables, Table{Name: "parcels", Kind: "table", Owner: "shipping", Shared: true, Users: []string{"billing", "shipping"}})
	cur.Scores[ScoreSharedTables] = 2
	cur.normalize()
	max := 0.25
	one := 1

	tests := []struct {
		name  string
		rules Rules
		base  *Snapshot
		want  []string // rule: first location
	}{
		{"nothing", Rules{}, base, nil},
		{"max icp", Rules{MaxICP: &max}, nil, []string{"max-icp: src/b/B.java:9"}},
		{"max icp holds", Rules{MaxICP: ptr(0.5)}, nil, nil},
		{"max shared tables", Rules{MaxSharedTables: &one}, nil, []string{"max-shared-tables: "}},
		{"new cycles", Rules{NoNewCycles: true}, base, []string{"new-cycle: src/b/B.java:9"}},
		{"every cycle without a baseline", Rules{NoNewCycles: true}, nil, []string{"new-cycle: src/b/B.java:9", "new-cycle: src/orders/Order.java:12"}},
		// shared_tables (no graph: no place), then icp and
		// cross_dependencies, placed at the new dependencies.
		{"no worse than", Rules{NoWorseThan: "main"}, base, []string{
			"no-worse-than: ",
			"no-worse-than: src/b/B.java:9",
			"no-worse-than: src/b/B.java:9",
		}},
		{"no worse than itself", Rules{NoWorseThan: "main"}, cur, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := Check(CheckInput{Rules: tt.rules, Current: cur, Baseline: tt.base})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range vs {
				loc := ""
				if len(v.At) > 0 {
					loc = v.At[0].String()
				}
				got = append(got, v.Rule+": "+loc)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("violation %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestSARIFValidates writes violations of every rule as SARIF and
// validates the log against the official SARIF 2.1.0 schema.
func TestSARIFValidates(t *testing.T) {
	vs := []Violation{
		{Rule: RuleContextDependency, Message: "context orders depends on context billing", At: []Location{{"src/orders/Order.java", 12}}},
		{Rule: RuleMaxICP, Message: "30% of calls cross candidates", At: []Location{}},
		{Rule: RuleMaxSharedTables, Message: "2 shared", At: []Location{{"db/schema.sql", 3}, {"src/a b/Ä.java", 0}}},
		{Rule: RuleNewCycle, Message: "new cycle", At: []Location{{"src/b/B.java", 9}}},
		{Rule: RuleNoWorseThan, Message: "icp is worse", At: []Location{{"src/s/S.java", 7}}},
	}
	for _, list := range [][]Violation{vs, nil} {
		var buf bytes.Buffer
		if err := SARIF(&buf, "0.1.0", list); err != nil {
			t.Fatal(err)
		}
		if err := sarifschema.Validate(buf.Bytes()); err != nil {
			t.Fatalf("the SARIF log does not validate: %v\n%s", err, buf.String())
		}
	}
	// And the validator does catch a broken log.
	if err := sarifschema.Validate([]byte(`{"version": "2.1.0", "runs": [{"results": []}]}`)); err == nil {
		t.Error("a run without a tool validated")
	}
}

func TestGitHubAnnotations(t *testing.T) {
	var buf bytes.Buffer
	err := GitHub(&buf, []Violation{
		{Rule: RuleContextDependency, Message: "50% of a, b\nnext", At: []Location{{"src/a,b/A.java", 3}, {"src/B.java", 0}}},
		{Rule: RuleMaxICP, Message: "too many", At: []Location{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "::error file=src/a%2Cb/A.java,line=3,title=seams context-dependency::50%25 of a, b%0Anext%0Aalso at: src/B.java\n" +
		"::error title=seams max-icp::too many\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestMatchAndCompare(t *testing.T) {
	a := &Snapshot{ID: 1, Commit: "aaa", Scores: map[string]float64{ScoreICP: 0.2, ScoreModularity: 0.5, ScoreFiles: 5},
		Candidates: []Candidate{
			{ID: "orders", Members: []string{"o/1", "o/2", "o/3"}},
			{ID: "billing", Members: []string{"b/1", "b/2"}},
		},
		Edges:  []Edge{{From: "orders", To: "billing", Weight: 2}},
		Tables: []Table{{Name: "t1", Shared: true, Users: []string{"billing", "orders"}}, {Name: "t2", Users: []string{"orders"}}},
		Cycles: [][]string{{"billing", "orders"}},
	}
	b := &Snapshot{ID: 2, Commit: "bbb", Scores: map[string]float64{ScoreICP: 0.3, ScoreModularity: 0.6, ScoreFiles: 6},
		Candidates: []Candidate{
			{ID: "sales", Members: []string{"o/1", "o/2", "o/3", "o/4"}}, // orders, renamed
			{ID: "billing", Members: []string{"b/1"}},
			{ID: "shipping", Members: []string{"b/2", "s/1"}}, // b/2 moved here
		},
		Edges:  []Edge{{From: "billing", To: "sales", Weight: 1}, {From: "shipping", To: "billing", Weight: 1, Examples: []Example{{At: "s/1:4"}}}},
		Tables: []Table{{Name: "t2", Shared: true, Users: []string{"sales", "shipping"}}},
	}
	a.normalize()
	b.normalize()
	if got, want := Match(a, b), map[string]string{"orders": "sales", "billing": "billing"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Match = %v, want %v", got, want)
	}
	d := Compare(a, b)
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
	}
	check("renamed", d.Renamed, map[string]string{"orders": "sales"})
	check("added candidates", d.AddedCandidates, []string{"shipping"})
	check("removed candidates", d.RemovedCandidates, []string{})
	var added, removed []string
	for _, e := range d.AddedDeps {
		added = append(added, e.From+">"+e.To)
	}
	for _, e := range d.RemovedDeps {
		removed = append(removed, e.From+">"+e.To)
	}
	check("added deps", added, []string{"billing>sales", "shipping>billing"})
	check("removed deps", removed, []string{"sales>billing"})
	check("newly shared", len(d.NewlyShared) == 1 && d.NewlyShared[0].Name == "t2", true)
	check("no longer shared", len(d.NoLongerShared) == 1 && d.NoLongerShared[0].Name == "t1", true)
	check("new cycles", d.NewCycles, [][]string{})
	check("broken cycles", d.BrokenCycles, [][]string{{"billing", "sales"}})
	check("moved", d.Moved, []Move{{Path: "b/2", From: "billing", To: "shipping"}})
	check("files", [2]int{d.FilesAdded, d.FilesRemoved}, [2]int{2, 0})
	for _, s := range d.Scores {
		switch s.Name {
		case ScoreICP:
			check("icp worse", [2]bool{s.Better, s.Worse}, [2]bool{false, true})
		case ScoreModularity:
			check("modularity better", [2]bool{s.Better, s.Worse}, [2]bool{true, false})
		case ScoreFiles:
			check("files neutral", [2]bool{s.Better, s.Worse}, [2]bool{false, false})
		}
	}
}

func TestSeriesAndSparkline(t *testing.T) {
	snaps := []*Snapshot{
		{ID: 1, Commit: "a", Scores: map[string]float64{ScoreICP: 0.1, ScoreModularity: 0.4}},
		{ID: 2, Commit: "b", Scores: map[string]float64{ScoreICP: 0.3}},
		{ID: 3, Commit: "c", Scores: map[string]float64{ScoreICP: 0.2, ScoreModularity: 0.5}},
	}
	s := NewSeries("r", Clustered, snaps, []string{ScoreICP, ScoreModularity})
	if got := Sparkline(s.Values(ScoreICP)); got != "▁█▅" {
		t.Errorf("icp sparkline %q", got)
	}
	if got := Sparkline(s.Values(ScoreModularity)); got != "▁ █" {
		t.Errorf("modularity sparkline %q (a missing value is a space)", got)
	}
	if got := Sparkline([]float64{2, 2}); got != "▄▄" {
		t.Errorf("flat sparkline %q", got)
	}
}
