package ruby

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

// corpus reads the .rb files under $SEAMS_BENCH_CORPUS, leaving out
// vendor, node_modules and .git directories.
func corpus(b *testing.B) [][]byte {
	dir := os.Getenv("SEAMS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set SEAMS_BENCH_CORPUS to a directory of Ruby sources")
	}
	var srcs [][]byte
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			switch d.Name() {
			case "vendor", "node_modules", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".rb") {
			if src, err := os.ReadFile(p); err == nil {
				srcs = append(srcs, src)
			}
		}
		return nil
	})
	return srcs
}

// BenchmarkVersusFloor parses every file of the corpus on one worker three
// ways in each iteration: with the Go binding and nothing else (the
// floor), with tsflat (parse and flatten), and with this package (parse,
// flatten and extract facts). It reports each time, the ratios to the
// floor, and the files the grammar parsed with errors.
//
//	SEAMS_BENCH_CORPUS=~/src/redmine go test ./parsers/ruby -run X -bench VersusFloor -benchtime 3x
func BenchmarkVersusFloor(b *testing.B) {
	srcs := corpus(b)
	ctx := context.Background()
	sp := sitter.NewParser()
	defer sp.Close()
	sp.SetLanguage(sitter.NewLanguage(Language()))
	fp, err := tsflat.NewParser(loadGrammar().lang)
	if err != nil {
		b.Fatal(err)
	}
	defer fp.Close()
	rp, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer rp.Close()
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
			fp.Parse(ctx, src)
		}
		t2 := time.Now()
		for _, src := range srcs {
			rp.Parse(ctx, "x.rb", src)
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
