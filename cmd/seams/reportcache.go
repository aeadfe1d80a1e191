package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/report"
	"github.com/seams-dev/seams/result"
)

// Rendering a report takes a second or two on a large repository (the
// diagrams are laid out by Graphviz): most of a second analysis when
// nothing the result depends on changed. So the rendered files, and the
// terminal summary, are kept in the cache beside the result, under a key
// made of the analysis key (files, settings, binary), the repository's
// commit and date, and the trend drawn, and copied when the key matches.
// A report directory that holds those files already (the same --out as
// the last run) is compared with the cache a buffer at a time and left
// alone: megabytes are read, nothing is allocated or written.

// rendered is what is drawn from a result: the report's files and the
// summary printed on the terminal. The files of a report read from the
// cache stay in the cache file until they are needed.
type rendered struct {
	summary []byte
	files   []renderedFile
	src     *os.File // the cache file, when the files' bytes are in it
}

// renderedFile is a file of a rendered report: its bytes, or where they
// are in the cache file.
type renderedFile struct {
	name      string
	data      []byte
	off, size int64
}

// file returns the data of the named report file.
func (r *rendered) file(name string) ([]byte, error) {
	for _, f := range r.files {
		if f.name == name {
			return r.data(f)
		}
	}
	return nil, fmt.Errorf("the report has no %s", name)
}

func (r *rendered) data(f renderedFile) ([]byte, error) {
	if r.src == nil {
		return f.data, nil
	}
	data := make([]byte, f.size)
	if _, err := r.src.ReadAt(data, f.off); err != nil {
		return nil, fmt.Errorf("reading %s from the cache: %w", f.name, err)
	}
	return data, nil
}

// close releases the cache file.
func (r *rendered) close() {
	if r != nil && r.src != nil {
		r.src.Close()
	}
}

// write writes the report into dir, but for the files that dir holds
// already, and returns the path of index.html.
func (r *rendered) write(dir string) (string, error) {
	var files []report.File
	for _, f := range r.files {
		if r.src != nil && holdsSection(filepath.Join(dir, f.name), r.src, f.off, f.size) {
			continue
		}
		data, err := r.data(f)
		if err != nil {
			return "", err
		}
		files = append(files, report.File{Name: f.name, Data: data})
	}
	return report.WriteFiles(dir, files)
}

// holdsSection reports whether path holds exactly the size bytes of src
// at off, as report.WriteFiles leaves a file (regular, mode 0644).
func holdsSection(path string, src io.ReaderAt, off, size int64) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || fi.Size() != size {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	const chunk = 256 << 10
	a, b := make([]byte, chunk), make([]byte, chunk)
	for done := int64(0); done < size; {
		n := int(min(chunk, size-done))
		if _, err := io.ReadFull(f, a[:n]); err != nil {
			return false
		}
		if _, err := src.ReadAt(b[:n], off+done); err != nil {
			return false
		}
		if !bytes.Equal(a[:n], b[:n]) {
			return false
		}
		done += int64(n)
	}
	return true
}

// render draws a result, with the drawings of layouts when it is not
// nil.
func render(res *result.Result, layouts *layoutCache) (*rendered, error) {
	var opts report.RenderOptions
	if layouts != nil {
		opts.Layouts = layouts
	}
	files, err := report.Render(res, opts)
	if err != nil {
		return nil, err
	}
	var summary bytes.Buffer
	if err := report.Text(&summary, res); err != nil {
		return nil, err
	}
	r := &rendered{summary: summary.Bytes()}
	for _, f := range files {
		r.files = append(r.files, renderedFile{name: f.Name, data: f.Data, size: int64(len(f.Data))})
	}
	return r, nil
}

// writeReport writes the report of o, with the trend, into dir. It
// returns the path of index.html and what was rendered, to close.
func writeReport(dir string, o *outcome, trend []result.TrendPoint, c *analysisCache) (string, *rendered, error) {
	key, path := c.reportKey(o.repo, trend)
	if key != "" {
		if r, ok := readRendered(path, key); ok {
			out, err := r.write(dir)
			if err != nil {
				r.close()
				return "", nil, err
			}
			return out, r, nil
		}
	}
	res, err := o.result()
	if err != nil {
		return "", nil, err
	}
	res.Trend = trend
	layouts := c.layouts()
	r, err := render(res, layouts)
	if err != nil {
		return "", nil, err
	}
	layouts.save() // a cache that cannot be written costs time only
	out, err := r.write(dir)
	if err == nil && key != "" {
		_ = writeRendered(path, key, r) // a cache that cannot be written costs time only
	}
	return out, r, err
}

// reportKey returns the key of the report of a result of the analysis,
// drawn for repo with trend, and the cache file that would hold it; ""
// when the analysis has no key.
func (c *analysisCache) reportKey(repo result.Repository, trend []result.TrendPoint) (key, path string) {
	if c == nil || c.key == "" || c.dir == "" {
		return "", ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "rendered v2\n%s\n", c.key)
	repoJSON, err1 := json.Marshal(repo)
	trendJSON, err2 := json.Marshal(trend)
	if err1 != nil || err2 != nil {
		return "", ""
	}
	h.Write(repoJSON)
	h.Write([]byte{'\n'})
	h.Write(trendJSON)
	return hex.EncodeToString(h.Sum(nil)), strings.TrimSuffix(c.resultPath, ".json") + ".report"
}

// The cache file: the key on the first line; a line "summary size"; a
// line "name size" for each file; an empty line; then the bytes of the
// summary and of each file, in that order.

// readRendered opens the cache file and reads its index and the
// summary; the files stay in the file (rendered.src), to close.
func readRendered(path, key string) (*rendered, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	r, ok := readIndex(f, key)
	if !ok {
		f.Close()
		return nil, false
	}
	return r, true
}

func readIndex(f *os.File, key string) (*rendered, bool) {
	fi, err := f.Stat()
	if err != nil {
		return nil, false
	}
	br := bufio.NewReader(f)
	line, err := br.ReadString('\n')
	if err != nil || strings.TrimSuffix(line, "\n") != key {
		return nil, false
	}
	off := int64(len(line))
	var sizes []int64
	var names []string
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, false
		}
		off += int64(len(line))
		if line == "\n" {
			break
		}
		name, size, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok || err != nil || n < 0 || name == "" || strings.ContainsAny(name, "/\\") || (len(names) == 0) != (name == "summary") {
			return nil, false
		}
		names, sizes = append(names, name), append(sizes, n)
	}
	if len(names) < 2 {
		return nil, false // no summary, or no file
	}
	r := &rendered{src: f}
	summaryOff := off
	off += sizes[0]
	for i := 1; i < len(names); i++ {
		r.files = append(r.files, renderedFile{name: names[i], off: off, size: sizes[i]})
		off += sizes[i]
	}
	if off != fi.Size() {
		return nil, false
	}
	r.summary = make([]byte, sizes[0])
	if _, err := f.ReadAt(r.summary, summaryOff); err != nil {
		return nil, false
	}
	return r, true
}

func writeRendered(path, key string, r *rendered) error {
	return writeAtomic(filepath.Clean(path), func(w *bufio.Writer) error {
		fmt.Fprintf(w, "%s\nsummary %d\n", key, len(r.summary))
		for _, f := range r.files {
			fmt.Fprintf(w, "%s %d\n", f.name, len(f.data))
		}
		w.WriteString("\n")
		w.Write(r.summary)
		for _, f := range r.files {
			if _, err := w.Write(f.data); err != nil {
				return err
			}
		}
		return nil
	})
}

// layoutCache keeps the drawings of the checkout's last report
// (report.Layouts) in the cache directory beside its result: a report
// drawn again after a change to a few files lays out only the diagrams
// whose DOT changed. The file holds the drawings the last report used,
// no more, under a key naming the seams binary (and so its Graphviz): a
// key line, then each drawing as a line "key size" followed by its
// bytes.
type layoutCache struct {
	path, key string
	old, used map[string][]byte
	changed   bool
}

// layouts opens the drawings of the checkout's last report; nil when the
// cache is off.
func (c *analysisCache) layouts() *layoutCache {
	if c == nil || c.resultPath == "" {
		return nil
	}
	sum := sha256.Sum256([]byte("layouts v1\n" + binaryID()))
	l := &layoutCache{
		path: strings.TrimSuffix(c.resultPath, ".json") + ".layouts",
		key:  hex.EncodeToString(sum[:]),
		old:  map[string][]byte{},
		used: map[string][]byte{},
	}
	if data, err := os.ReadFile(l.path); err == nil {
		l.old = readLayouts(data, l.key)
	}
	return l
}

// readLayouts reads the drawings of a layouts file written under key;
// none when it is not whole.
func readLayouts(data []byte, key string) map[string][]byte {
	out := map[string][]byte{}
	line, rest, ok := bytes.Cut(data, []byte{'\n'})
	if !ok || string(line) != key {
		return out
	}
	for len(rest) > 0 {
		line, after, ok := bytes.Cut(rest, []byte{'\n'})
		name, size, ok2 := strings.Cut(string(line), " ")
		n, err := strconv.Atoi(size)
		if !ok || !ok2 || err != nil || n < 0 || n > len(after) || name == "" {
			return map[string][]byte{}
		}
		out[name] = after[:n:n]
		rest = after[n:]
	}
	return out
}

func (l *layoutCache) Get(key string) ([]byte, bool) {
	svg, ok := l.old[key]
	if ok {
		l.used[key] = svg
	}
	return svg, ok
}

func (l *layoutCache) Put(key string, svg []byte) {
	l.used[key] = svg
	l.changed = true
}

// save writes the drawings the report used, when they are not those of
// the file.
func (l *layoutCache) save() {
	if l == nil || (!l.changed && len(l.used) == len(l.old)) {
		return
	}
	_ = writeAtomic(l.path, func(w *bufio.Writer) error {
		w.WriteString(l.key + "\n")
		for _, k := range slices.Sorted(maps.Keys(l.used)) {
			fmt.Fprintf(w, "%s %d\n", k, len(l.used[k]))
			if _, err := w.Write(l.used[k]); err != nil {
				return err
			}
		}
		return nil
	})
}
