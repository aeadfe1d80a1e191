// Package floorbench measures a language's fact extraction against the
// floor: the raw tree-sitter parse of the same files, through the Go
// binding and nothing else, timed in the same iteration so that a noisy
// machine moves both alike.
package floorbench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Setup says what to read and how to parse it.
type Setup struct {
	// Name is the language as the skip message says it ("Ruby").
	Name string
	// Exts are the file name endings read from $SEAMS_BENCH_CORPUS.
	Exts []string
	// SkipVendored leaves out vendor, node_modules and .git directories.
	SkipVendored bool
	// Floor is the grammar the floor parses with; Flat the tsflat
	// parser of the same grammar; Facts parses one file into facts.
	Floor *sitter.Language
	Flat  *tsflat.Parser
	Facts func(ctx context.Context, path string, src []byte)
}

// Run parses every file of the corpus on one worker three ways in each
// iteration: with the Go binding and nothing else (the floor), with
// tsflat (parse and flatten), and with s.Facts (parse, flatten and
// extract facts). It reports each time, the ratios to the floor, and the
// files the grammar parsed with errors. It skips the benchmark when
// $SEAMS_BENCH_CORPUS is not set.
func Run(b *testing.B, s Setup) {
	dir := os.Getenv("SEAMS_BENCH_CORPUS")
	if dir == "" {
		b.Skipf("set SEAMS_BENCH_CORPUS to a directory of %s sources", s.Name)
	}
	var srcs [][]byte
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			switch d.Name() {
			case "vendor", "node_modules", ".git":
				if s.SkipVendored {
					return filepath.SkipDir
				}
			}
			return nil
		}
		for _, ext := range s.Exts {
			if strings.HasSuffix(p, ext) {
				if src, err := os.ReadFile(p); err == nil {
					srcs = append(srcs, src)
				}
				break
			}
		}
		return nil
	})
	ctx := context.Background()
	sp := sitter.NewParser()
	defer sp.Close()
	sp.SetLanguage(s.Floor)
	var floor, flat, facts time.Duration
	damaged := 0
	for b.Loop() {
		damaged = 0
		t0 := time.Now()
		for _, src := range srcs {
			if t, err := sp.ParseCtx(ctx, nil, src); err == nil {
				if t.RootNode().HasError() {
					damaged++
				}
				t.Close()
			}
		}
		t1 := time.Now()
		for _, src := range srcs {
			s.Flat.Parse(ctx, src)
		}
		t2 := time.Now()
		for _, src := range srcs {
			s.Facts(ctx, "x"+s.Exts[0], src)
		}
		t3 := time.Now()
		floor, flat, facts = floor+t1.Sub(t0), flat+t2.Sub(t1), facts+t3.Sub(t2)
	}
	n := float64(b.N)
	b.ReportMetric(float64(len(srcs)), "files")
	b.ReportMetric(float64(damaged), "files-with-errors")
	b.ReportMetric(floor.Seconds()*1000/n, "ms-floor/op")
	b.ReportMetric(flat.Seconds()*1000/n, "ms-flatten/op")
	b.ReportMetric(facts.Seconds()*1000/n, "ms-facts/op")
	b.ReportMetric(float64(flat)/float64(floor), "flatten/floor")
	b.ReportMetric(float64(facts)/float64(floor), "facts/floor")
}
