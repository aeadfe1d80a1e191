package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/seams-dev/seams/result"
)

func TestIndentKeepsTheValue(t *testing.T) {
	cases := []string{
		`{}`,
		`{"a":[],"b":{},"c":[1,2,{"d":"x,y:{z}[]"}]}`,
		`{"candidates":[{"id":"a","members":[{"path":"p\"q","classes":["A","B"]}],"s":{"x":1}}],"types":[{"name":"T\\","ca":1}]}`,
		`{"s":"\u003cscript\u003e","t":"\\\"","u":[[[[1]]]]}`,
	}
	for _, c := range cases {
		for _, depth := range []int{0, 1, 2, 5} {
			out := indent([]byte(c), map[string]int{"candidates": 4}, depth)
			var want, got any
			if err := json.Unmarshal([]byte(c), &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("depth %d: %s is not JSON: %v", depth, out, err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("depth %d: value changed:\n%s\n%s", depth, c, out)
			}
		}
	}
}

func TestJSONShape(t *testing.T) {
	r := &result.Result{Schema: result.Schema, Candidates: []result.Candidate{{ID: "a", Members: []result.Member{{Path: "x/A.java", Classes: []string{"x.A"}}}}},
		Types: []result.TypeMetrics{{Name: "x.A", Path: "x/A.java"}, {Name: "x.B", Path: "x/B.java"}}}
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"\n  \"schema\": \"seams/result/v1\",\n",
		"\n        {\"path\":\"x/A.java\",\"classes\":[\"x.A\"],\"lines\":0}\n", // a member per line
		"\n    {\"name\":\"x.A\",",                                              // a type per line
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("no trailing newline")
	}
}

// TestWriteFilesOverItself: files that hold their data already are left
// alone; any other is replaced whole, with the permissions of a report.
func TestWriteFilesOverItself(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"index.html", []byte("<p>one</p>")}, {"result.json", []byte("{}\n")}}
	if _, err := WriteFiles(dir, files); err != nil {
		t.Fatal(err)
	}
	stat := func(name string) os.FileInfo {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	before := stat("index.html")

	// result.json was changed by hand, with the same size; summary.md is
	// not readable by all.
	if err := os.WriteFile(filepath.Join(dir, "result.json"), []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "summary.md"), []byte("# s\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	files = append(files, File{"summary.md", []byte("# s\n")})
	if _, err := WriteFiles(dir, files); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, stat("index.html")) {
		t.Error("index.html, unchanged, was written again")
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s = %q, %v; want %q", f.Name, got, err, f.Data)
		}
		if perm := stat(f.Name).Mode().Perm(); perm != 0o644 {
			t.Errorf("%s: permissions %v", f.Name, perm)
		}
	}
}
