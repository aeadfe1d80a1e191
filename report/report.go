// Package report renders a result: result.json for programs, a summary a
// person can scan in a terminal, summary.md for a pull request, the
// self-contained HTML page a review board reads (index.html), the context
// map as DOT, and the graphs seams graph exports (DOT, SVG, GraphML,
// JSON).
//
// Everything is written as text from the result alone, so tests can
// compare it byte for byte; Graphviz (github.com/goccy/go-graphviz, run
// as WebAssembly) only turns DOT text into SVG at the end. Files are
// written to a temporary name and renamed, so a reader never sees half a
// report.
//
// # The HTML page
//
// index.html is one file with its style, script, data and diagrams
// inline; see html.go for how it stays free of network requests and of
// injected markup. Sections: a summary (scores with their meaning, the
// top three risks derived from the data, the shared kernel), the context
// map (candidates sized by lines, the heaviest dependencies, the most
// shared tables; each node links to its card), one card per candidate,
// the dependency structure matrix of the candidates (ordered foundations
// first, cycles grouped: see dsm.go), the data-ownership matrix, the
// extraction roadmap, hotspots, the method, and trends when the result
// carries history. A section whose data the result lacks says so
// instead of staying blank.
package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/result"
)

// JSON writes r as JSON with a trailing newline. It is indented for
// people down to a depth that depends on the section: each package, type
// and dependency example takes one line, each candidate member one line.
// That keeps the file short enough to read and to diff line by line, and
// quick to write.
func JSON(w io.Writer, r *result.Result) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(indent(buf.Bytes(), map[string]int{"candidates": 4, "dependencies": 3}, 2))
	return err
}

// indent re-indents compact JSON, breaking lines only inside objects and
// arrays nested at most depth deep, where depth is deeper for the
// top-level keys listed in deeper: below that, values stay on one line.
func indent(compact []byte, deeper map[string]int, depth int) []byte {
	out := make([]byte, 0, len(compact)+len(compact)/8)
	level, limit := 0, depth
	inString, escaped := false, false
	keyStart := -1 // where the current top-level string began in out
	newline := func(l int) {
		out = append(out, '\n')
		for range l {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		if inString {
			out = append(out, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			if level == 1 {
				keyStart = len(out)
			}
			out = append(out, c)
		case '{', '[':
			out = append(out, c)
			level++
			if i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']') {
				continue // {} and [] stay as they are
			}
			if level <= limit {
				newline(level)
			}
		case '}', ']':
			if level <= limit && compact[i-1] != '{' && compact[i-1] != '[' {
				newline(level - 1)
			}
			level--
			out = append(out, c)
		case ',':
			out = append(out, c)
			if level <= limit {
				newline(level)
			}
		case ':':
			if level == 1 && keyStart >= 0 {
				key := string(out[keyStart+1 : len(out)-1])
				limit = depth
				if d, ok := deeper[key]; ok {
					limit = d
				}
			}
			out = append(out, c)
			if level <= limit {
				out = append(out, ' ')
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// WriteDir writes the report files into dir, creating it if needed, and
// returns the path of index.html, the self-contained page a reader opens.
// Besides index.html it writes summary.md, context-map.dot and
// result.json.
// Each file is written whole or not at all; result.json comes last, so a
// directory whose result.json is new holds the other files of the same
// run.
func WriteDir(dir string, r *result.Result) (string, error) {
	files, err := Render(r, RenderOptions{})
	if err != nil {
		return "", err
	}
	return WriteFiles(dir, files)
}

// File is one rendered file of a report.
type File struct {
	Name string
	Data []byte
}

// RenderOptions tune Render.
type RenderOptions struct {
	// Layouts, when set, keeps the diagrams' drawings between reports.
	Layouts Layouts
}

// Render renders the files of the report of r, in the order WriteFiles
// writes them: result.json last, so that a directory holding it holds
// the rest.
func Render(r *result.Result, opts RenderOptions) ([]File, error) {
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"index.html", func(w io.Writer) error { return writeHTML(context.Background(), w, r, opts.Layouts) }},
		{"summary.md", func(w io.Writer) error { return Markdown(w, r) }},
		{"context-map.dot", func(w io.Writer) error { return ContextMapDOT(w, r) }},
		{"result.json", func(w io.Writer) error { return JSON(w, r) }},
	}
	out := make([]File, 0, len(files))
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.name, err)
		}
		out = append(out, File{f.name, buf.Bytes()})
	}
	return out, nil
}

// WriteFiles writes rendered files into dir, each whole or not at all,
// and returns the path of index.html.
func WriteFiles(dir string, files []File) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fail.New(fail.Operator, fmt.Errorf("cannot create the report directory: %w", err),
			"choose another directory with --out, or fix its permissions")
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "index.html"), nil
}

// writeFile writes data to path through a temporary file in the same
// directory, so that path always holds a whole file. A file that holds
// data already, as writeFile leaves it, is left alone: a report written
// again over the same one costs reads, not writes.
func writeFile(path string, data []byte) error {
	if holds(path, data) {
		return nil
	}
	next := "choose another directory with --out, or free some disk space"
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := tmp.Close(); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	return nil
}

// holds reports whether path is a regular file, with the permissions
// writeFile gives, that holds data.
func holds(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}
