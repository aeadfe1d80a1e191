package typescript

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	tsgrammar "github.com/smacker/go-tree-sitter/typescript/typescript"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

type benchFile struct {
	path string
	src  []byte
	d    dialect
}

// corpus reads the JavaScript and TypeScript files under
// $SEAMS_BENCH_CORPUS, skipping node_modules, .git, minified files and
// .d.ts files of libraries.
func corpus(b *testing.B) []benchFile {
	dir := os.Getenv("SEAMS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set SEAMS_BENCH_CORPUS to a directory of TypeScript or JavaScript sources")
	}
	var out []benchFile
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || n == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		switch ext {
		case ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs":
		default:
			return nil
		}
		if strings.HasSuffix(p, ".min.js") {
			return nil
		}
		if src, err := os.ReadFile(p); err == nil {
			dl, _ := dialectOf(ext)
			out = append(out, benchFile{p, src, dl})
		}
		return nil
	})
	return out
}

// BenchmarkVersusFloor parses every file of the corpus on one worker three
// ways in each iteration: with the Go binding and nothing else (the
// floor), with tsflat (parse and flatten), and with this package (parse,
// flatten and extract facts). It reports each time and the ratios to the
// floor, and how many files have syntax errors.
//
//	SEAMS_BENCH_CORPUS=~/src/outline go test ./parsers/typescript -run X -bench VersusFloor -benchtime 3x
func BenchmarkVersusFloor(b *testing.B) {
	files := corpus(b)
	ctx := context.Background()
	langs := [3]*sitter.Language{tsgrammar.GetLanguage(), tsx.GetLanguage(), javascript.GetLanguage()}
	var sps [3]*sitter.Parser
	for i, l := range langs {
		sps[i] = sitter.NewParser()
		sps[i].SetLanguage(l)
		defer sps[i].Close()
	}
	gs, err := loadGrammars()
	if err != nil {
		b.Fatal(err)
	}
	var fps [3]*tsflat.Parser
	for i := range fps {
		if fps[i], err = tsflat.NewParser(gs[i].lang); err != nil {
			b.Fatal(err)
		}
		defer fps[i].Close()
	}
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	var floor, flat, facts time.Duration
	bytes, damaged := 0, 0
	for _, f := range files {
		bytes += len(f.src)
		if t, err := fps[f.d].Parse(ctx, f.src); err == nil && (t.Errors > 0 || t.Missing > 0) {
			damaged++
		}
	}
	for b.Loop() {
		t0 := time.Now()
		for _, f := range files {
			if t, err := sps[f.d].ParseCtx(ctx, nil, f.src); err == nil {
				t.Close()
			}
		}
		t1 := time.Now()
		for _, f := range files {
			fps[f.d].Parse(ctx, f.src)
		}
		t2 := time.Now()
		for _, f := range files {
			p.Parse(ctx, f.path, f.src)
		}
		t3 := time.Now()
		floor, flat, facts = floor+t1.Sub(t0), flat+t2.Sub(t1), facts+t3.Sub(t2)
	}
	n := float64(b.N)
	b.ReportMetric(floor.Seconds()*1000/n, "ms-floor/op")
	b.ReportMetric(flat.Seconds()*1000/n, "ms-flatten/op")
	b.ReportMetric(facts.Seconds()*1000/n, "ms-facts/op")
	b.ReportMetric(float64(flat)/float64(floor), "flatten/floor")
	b.ReportMetric(float64(facts)/float64(floor), "facts/floor")
	b.ReportMetric(float64(bytes)/1e6/(floor.Seconds()/n), "MB/s-floor")
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(float64(damaged), "files-with-errors")
}
