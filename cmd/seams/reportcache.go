package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/report"
	"github.com/seams-dev/seams/result"
)

// Rendering a report takes a second or two on a large repository (the
// diagrams are laid out by Graphviz): most of a second analysis when
// nothing the result depends on changed. So the rendered files are kept
// in the cache beside the result, under a key made of the analysis key
// (files, settings, binary), the repository's commit and date, and the
// trend drawn, and copied when the key matches.

// writeReport writes the report of res into dir and returns the path of
// index.html.
func writeReport(dir string, res *result.Result, c *analysisCache) (string, error) {
	key, path := c.reportKey(res)
	if key != "" {
		if files, ok := readRendered(path, key); ok {
			return report.WriteFiles(dir, files)
		}
	}
	files, err := report.Render(res)
	if err != nil {
		return "", err
	}
	out, err := report.WriteFiles(dir, files)
	if err == nil && key != "" {
		_ = writeRendered(path, key, files) // a cache that cannot be written costs time only
	}
	return out, err
}

// reportKey returns the key of res's report and the cache file that
// would hold it, or "" when the analysis has no key.
func (c *analysisCache) reportKey(res *result.Result) (key, path string) {
	if c == nil || c.key == "" || c.dir == "" {
		return "", ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", c.key)
	repoJSON, err1 := json.Marshal(res.Repository)
	trendJSON, err2 := json.Marshal(res.Trend)
	if err1 != nil || err2 != nil {
		return "", ""
	}
	h.Write(repoJSON)
	h.Write([]byte{'\n'})
	h.Write(trendJSON)
	return hex.EncodeToString(h.Sum(nil)), strings.TrimSuffix(c.resultPath, ".json") + ".report"
}

// The cache file: the key on the first line, then each file as a line
// "name size" followed by its bytes.

func readRendered(path, key string) ([]report.File, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	r := bufio.NewReader(f)
	line, err := r.ReadString('\n')
	if err != nil || strings.TrimSuffix(line, "\n") != key {
		return nil, false
	}
	var files []report.File
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF && line == "" {
			break
		}
		if err != nil {
			return nil, false
		}
		name, size, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		n, err := strconv.Atoi(size)
		if !ok || err != nil || n < 0 || name == "" || strings.ContainsAny(name, "/\\") {
			return nil, false
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, false
		}
		files = append(files, report.File{Name: name, Data: data})
	}
	return files, len(files) > 0
}

func writeRendered(path, key string, files []report.File) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n", key)
	for _, f := range files {
		fmt.Fprintf(&b, "%s %d\n", f.Name, len(f.Data))
		b.Write(f.Data)
	}
	return writeFileAtomic(filepath.Clean(path), b.Bytes())
}
