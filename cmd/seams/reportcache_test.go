package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seams-dev/seams/report"
)

func TestRenderedCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results", "x.report")
	files := []report.File{
		{Name: "index.html", Data: []byte("<html>\n2 lines</html>")},
		{Name: "empty.md", Data: nil},
		{Name: "result.json", Data: []byte("{}\n")},
	}
	if err := writeRendered(path, "k1", files); err != nil {
		t.Fatal(err)
	}
	got, ok := readRendered(path, "k1")
	if !ok || len(got) != 3 {
		t.Fatalf("read back: ok %v, %d files", ok, len(got))
	}
	for i := range files {
		if got[i].Name != files[i].Name || string(got[i].Data) != string(files[i].Data) {
			t.Errorf("file %d: %q %q, want %q %q", i, got[i].Name, got[i].Data, files[i].Name, files[i].Data)
		}
	}
	if _, ok := readRendered(path, "k2"); ok {
		t.Error("another key matched")
	}
	data, _ := os.ReadFile(path)
	for name, bad := range map[string][]byte{
		"truncated":    data[:len(data)-2],
		"bad size":     []byte("k1\nindex.html x\n"),
		"path in name": []byte("k1\n../evil 1\nx"),
		"no files":     []byte("k1\n"),
	} {
		os.WriteFile(path, bad, 0o600)
		if _, ok := readRendered(path, "k1"); ok {
			t.Errorf("%s: read as a report", name)
		}
	}
	if _, ok := readRendered(filepath.Join(t.TempDir(), "none"), "k1"); ok {
		t.Error("a missing file read as a report")
	}
}
