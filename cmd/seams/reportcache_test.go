package main

import (
	"os"
	"path/filepath"
	"testing"
)

func renderedOf(summary string, files ...[2]string) *rendered {
	r := &rendered{summary: []byte(summary)}
	for _, f := range files {
		r.files = append(r.files, renderedFile{name: f[0], data: []byte(f[1]), size: int64(len(f[1]))})
	}
	return r
}

func TestRenderedCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results", "x.report")
	files := [][2]string{
		{"index.html", "<html>\n2 lines</html>"},
		{"empty.md", ""},
		{"result.json", "{}\n"},
	}
	if err := writeRendered(path, "k1", renderedOf("shop: 3 files\n", files...)); err != nil {
		t.Fatal(err)
	}
	r, ok := readRendered(path, "k1")
	if !ok || len(r.files) != 3 {
		t.Fatalf("read back: ok %v, %+v", ok, r)
	}
	defer r.close()
	for i, f := range files {
		data, err := r.file(f[0])
		if r.files[i].name != f[0] || err != nil || string(data) != f[1] {
			t.Errorf("file %d: %q %q (%v), want %q %q", i, r.files[i].name, data, err, f[0], f[1])
		}
	}
	if string(r.summary) != "shop: 3 files\n" {
		t.Errorf("summary %q", r.summary)
	}
	if _, err := r.file("none.txt"); err == nil {
		t.Error("a file the report lacks was found")
	}
	if _, ok := readRendered(path, "k2"); ok {
		t.Error("another key matched")
	}
	data, _ := os.ReadFile(path)
	for name, bad := range map[string][]byte{
		"truncated":     data[:len(data)-2],
		"longer":        append(data[:len(data):len(data)], 'x'),
		"bad size":      []byte("k1\nsummary 0\nindex.html x\n\n"),
		"path in name":  []byte("k1\nsummary 0\n../evil 1\n\nx"),
		"no files":      []byte("k1\nsummary 0\n\n"),
		"no summary":    []byte("k1\nindex.html 1\n\nx"),
		"two summaries": []byte("k1\nsummary 0\nsummary 0\n\n"),
		"no index end":  []byte("k1\nsummary 0\nindex.html 1\nx"),
	} {
		os.WriteFile(path, bad, 0o600)
		if r, ok := readRendered(path, "k1"); ok {
			r.close()
			t.Errorf("%s: read as a report", name)
		}
	}
	if _, ok := readRendered(filepath.Join(t.TempDir(), "none"), "k1"); ok {
		t.Error("a missing file read as a report")
	}
}

// TestRenderedWrite: a report read from the cache is written into a
// directory but for the files that hold their bytes already.
func TestRenderedWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.report")
	big := string(make([]byte, 600<<10)) // more than one buffer of holdsSection
	if err := writeRendered(path, "k", renderedOf("s\n", [2]string{"index.html", big + "end"}, [2]string{"result.json", "{}\n"})); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "report")
	write := func() {
		t.Helper()
		r, ok := readRendered(path, "k")
		if !ok {
			t.Fatal("cannot read the cache")
		}
		defer r.close()
		if out, err := r.write(dir); err != nil || out != filepath.Join(dir, "index.html") {
			t.Fatalf("write: %q, %v", out, err)
		}
	}
	stat := func(name string) os.FileInfo {
		t.Helper()
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	write()
	index, result := stat("index.html"), stat("result.json")

	// result.json changed by hand, with the same size.
	if err := os.WriteFile(filepath.Join(dir, "result.json"), []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write()
	if !os.SameFile(index, stat("index.html")) {
		t.Error("index.html, unchanged, was written again")
	}
	if os.SameFile(result, stat("result.json")) {
		t.Error("result.json, changed, was not written again")
	}
	for name, want := range map[string]string{"index.html": big + "end", "result.json": "{}\n"} {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != want {
			t.Errorf("%s: %d bytes (%v), want %d", name, len(got), err, len(want))
		}
	}
}

// TestLayoutCache: the drawings a report used are kept for the next one,
// and only those.
func TestLayoutCache(t *testing.T) {
	c := &analysisCache{resultPath: filepath.Join(t.TempDir(), "results", "x.json")}
	l := c.layouts()
	if _, ok := l.Get("a"); ok {
		t.Fatal("a new cache holds a drawing")
	}
	l.Put("a", []byte("<svg>a</svg>"))
	l.Put("b", []byte("<svg>\nb</svg>"))
	l.save()

	l = c.layouts()
	if svg, ok := l.Get("b"); !ok || string(svg) != "<svg>\nb</svg>" {
		t.Fatalf("b: %q, %v", svg, ok)
	}
	l.Put("c", []byte(""))
	l.save() // a was not used

	l = c.layouts()
	for name, want := range map[string]bool{"a": false, "b": true, "c": true} {
		if _, ok := l.Get(name); ok != want {
			t.Errorf("%s kept: %v, want %v", name, ok, want)
		}
	}

	data, err := os.ReadFile(l.path)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"truncated":  data[:len(data)-3],
		"other key":  append([]byte("0"), data...),
		"bad size":   []byte(l.key + "\nb x\n"),
		"empty name": []byte(l.key + "\n 1\nx"),
	} {
		if got := readLayouts(bad, l.key); len(got) != 0 {
			t.Errorf("%s: read %d drawings", name, len(got))
		}
	}
	if (*analysisCache)(nil).layouts() != nil || (&analysisCache{}).layouts() != nil {
		t.Error("a cache that is off keeps drawings")
	}
}
