package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/seams-dev/seams/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	var out bytes.Buffer
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			out.WriteString("line " + itoa(i+1) + ":\n  want: " + string(a) + "\n  got:  " + string(b) + "\n")
			shown++
		}
	}
	return out.String()
}

func itoa(i int) string { return num(i) }

func TestSummaryMarkdownGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *result.Result
	}{
		{"summary.md.golden", richResult()},
		{"summary-xss.md.golden", xssResult()},
		{"summary-empty.md.golden", &result.Result{Schema: result.Schema, Repository: result.Repository{Name: "empty"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, c.r); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

func TestContextMapDOTGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *result.Result
	}{
		{"context-map.dot.golden", richResult()},
		{"context-map-xss.dot.golden", xssResult()},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ContextMapDOT(&buf, c.r); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

func TestPackageDOTGolden(t *testing.T) {
	names := []string{"com.acme.shop.ordering", "com.acme.shop.ordering.web", "com.acme.shop.ordering.repo"}
	shares := []float64{0.6, 0.3, 0.1}
	es := []edge{{From: 1, To: 0, Weight: 6, Refs: 5, Kinds: map[string]int{"call": 4, "type-use": 1}}, {From: 0, To: 2, Weight: 2, Refs: 2, Kinds: map[string]int{"call": 2}}}
	golden(t, "package.dot.golden", []byte(packageDOT("ordering", names, shares, es)))
}
