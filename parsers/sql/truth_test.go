package sql

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// truthDir holds the hand-written truth corpus: SQL files per dialect and
// expected.tsv (its header documents the format).
const truthDir = "../../testdata/sql"

// knownMisses explains each fact of the truth the extractor does not find.
// A miss without a reason here fails the test.
var knownMisses = map[string]string{}

// factRows turns what Extract found in one file into the rows of
// expected.tsv.
func factRows(file string, res *Result) []string {
	var rows []string
	add := func(owner, kind, object string) {
		rows = append(rows, file+"\t"+owner+"\t"+kind+"\t"+object)
	}
	for _, t := range res.Tables {
		add("-", string(t.Kind), t.Name)
		for _, r := range t.Reads {
			add(t.Name, "view-reads", r)
		}
		for _, fk := range t.ForeignKeys {
			add(t.Name, "fk", fk.Table+"("+strings.Join(fk.Columns, ",")+")")
		}
	}
	for _, r := range res.Routines {
		add("-", string(r.Kind), r.Name)
		if r.On != "" {
			add(r.Name, "on", r.On)
		}
		for _, e := range r.Events {
			add(r.Name, "event", e)
		}
	}
	for _, d := range res.Data {
		owner := "-"
		if d.Routine >= 0 {
			owner = res.Routines[d.Routine].Name
		}
		kind := string(d.Kind)
		if d.Guess {
			kind += "?"
		}
		add(owner, kind, d.Object)
	}
	sort.Strings(rows)
	return slices.Compact(rows)
}

func readTruth(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(truthDir, "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	truth := map[string][]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 4 {
			t.Fatalf("expected.tsv:%d: want 4 tab-separated fields, got %d", n, len(parts))
		}
		truth[parts[0]] = append(truth[parts[0]], line)
	}
	return truth
}

// dialectOf returns the dialect a truth file is written in: the prefix of
// its name.
func dialectOf(file string) Dialect {
	prefix, _, _ := strings.Cut(file, "_")
	return Dialect(prefix)
}

// TestTruthCorpus extracts every file of the truth corpus as a .sql file
// is (dialect detected) and compares the facts with expected.tsv: per
// dialect, precision must be 100% and recall at least 95%, and every miss
// must have a reason in knownMisses.
//
//	go test ./parsers/sql -run TruthCorpus -v
func TestTruthCorpus(t *testing.T) {
	truth := readTruth(t)
	files, err := filepath.Glob(filepath.Join(truthDir, "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no truth files: %v", err)
	}
	type score struct{ found, extra, missed, expected int }
	scores := map[Dialect]*score{}
	for _, path := range files {
		file := filepath.Base(path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := truth[file]
		if len(want) == 0 {
			t.Errorf("%s: no rows in expected.tsv", file)
			continue
		}
		d := dialectOf(file)
		res := Extract(string(src), Options{})
		if d != ANSI && res.Dialect != d {
			t.Errorf("%s: detected dialect %q, want %q", file, res.Dialect, d)
		}
		for _, diag := range res.Diagnostics {
			t.Errorf("%s:%d: unexpected diagnostic: %s", file, diag.Line, diag.Message)
		}
		got := factRows(file, res)
		s := scores[d]
		if s == nil {
			s = &score{}
			scores[d] = s
		}
		wantSet := map[string]bool{}
		for _, w := range want {
			if wantSet[w] {
				t.Errorf("expected.tsv: duplicate row %q", w)
			}
			wantSet[w] = true
		}
		s.expected += len(wantSet)
		for _, g := range got {
			if wantSet[g] {
				s.found++
				delete(wantSet, g)
			} else {
				s.extra++
				t.Errorf("not in the truth (a false positive): %s", g)
			}
		}
		var missed []string
		for w := range wantSet {
			missed = append(missed, w)
		}
		sort.Strings(missed)
		for _, w := range missed {
			s.missed++
			if reason, ok := knownMisses[w]; ok {
				t.Logf("missed: %s (%s)", w, reason)
			} else {
				t.Errorf("missed, with no reason recorded in knownMisses: %s", w)
			}
		}
	}
	var dialects []Dialect
	for d := range scores {
		dialects = append(dialects, d)
	}
	slices.Sort(dialects)
	for _, d := range dialects {
		s := scores[d]
		precision := 1.0
		if s.found+s.extra > 0 {
			precision = float64(s.found) / float64(s.found+s.extra)
		}
		recall := float64(s.found) / float64(s.expected)
		t.Logf("%-8s precision %6.2f%% (%d/%d)  recall %6.2f%% (%d/%d)", d,
			100*precision, s.found, s.found+s.extra, 100*recall, s.found, s.expected)
		if precision < 1 {
			t.Errorf("%s: precision %.2f%%, want 100%%", d, 100*precision)
		}
		if recall < 0.95 {
			t.Errorf("%s: recall %.2f%%, want at least 95%%", d, 100*recall)
		}
	}
	if testing.Verbose() {
		fmt.Println()
	}
}
