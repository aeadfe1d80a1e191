package golang

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// corpus lists the .go files under $SEAMS_BENCH_CORPUS that seams
// analyses by default: not tests, not generated, not under vendor/ or
// testdata/. It returns their paths relative to the corpus and their
// bytes.
func corpus(b *testing.B) (string, []string, [][]byte) {
	dir := os.Getenv("SEAMS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set SEAMS_BENCH_CORPUS to a directory of Go sources")
	}
	var rels []string
	var srcs [][]byte
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			switch d.Name() {
			case "vendor", "testdata", ".git", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil || isGenerated(src) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rels = append(rels, filepath.ToSlash(rel))
		srcs = append(srcs, src)
		return nil
	})
	return dir, rels, srcs
}

// BenchmarkVersusFloor parses every file of the corpus on one worker three
// ways in each iteration: with the Go binding and nothing else (the
// floor), with tsflat (parse and flatten), and with this package's
// tree-sitter reader (parse, flatten and extract facts). It reports each
// time, the ratios to the floor, and how many files parse with errors.
//
//	SEAMS_BENCH_CORPUS=~/src/boundary go test ./parsers/golang -run X -bench VersusFloor -benchtime 3x
func BenchmarkVersusFloor(b *testing.B) {
	_, _, srcs := corpus(b)
	ctx := context.Background()
	sp := sitter.NewParser()
	defer sp.Close()
	sp.SetLanguage(golang.GetLanguage())
	fp, err := tsflat.NewParser(loadGrammar().lang)
	if err != nil {
		b.Fatal(err)
	}
	defer fp.Close()
	gp, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer gp.Close()
	damaged := 0
	for _, src := range srcs {
		if t, err := fp.Parse(ctx, src); err == nil && (t.Errors > 0 || t.Missing > 0) {
			damaged++
		}
	}
	var floor, flat, facts time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, src := range srcs {
			if t, err := sp.ParseCtx(ctx, nil, src); err == nil {
				t.Close()
			}
		}
		t1 := time.Now()
		for _, src := range srcs {
			fp.Parse(ctx, src)
		}
		t2 := time.Now()
		for _, src := range srcs {
			gp.Parse(ctx, "x.go", src)
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

// BenchmarkLoad analyses the corpus with full types (Load) on two
// workers and reports, apart, the time go/packages took to list the
// packages, the time to type-check and extract, the peak resident memory
// of the process during the load, and the tree-sitter floor of the same
// files on two workers for comparison.
//
//	SEAMS_BENCH_CORPUS=~/src/boundary go test ./parsers/golang -run X -bench Load -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	dir, rels, srcs := corpus(b)
	ctx := context.Background()
	var list, check, total, floor, floorCPU, loadCPU time.Duration
	var peak int64
	var st loadStats
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		parseFloor(ctx, srcs, 2)
		floor += time.Since(t0)
		floorCPU += cpuTime() - c0
		runtime.GC()
		resetPeakRSS()
		t1, c1 := time.Now(), cpuTime()
		_, _, s, err := load(ctx, dir, rels, 2)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(t1)
		loadCPU += cpuTime() - c1
		list, check, st = list+s.list, check+s.check+s.post, s
		peak = max(peak, peakRSS())
	}
	n := float64(b.N)
	b.ReportMetric(float64(len(rels)), "files")
	b.ReportMetric(float64(st.typedFiles), "typed-files")
	b.ReportMetric(float64(st.checked), "packages-checked")
	b.ReportMetric(floor.Seconds()*1000/n, "ms-floor/op")
	b.ReportMetric(list.Seconds()*1000/n, "ms-list/op")
	b.ReportMetric(check.Seconds()*1000/n, "ms-check/op")
	b.ReportMetric(total.Seconds()*1000/n, "ms-load/op")
	b.ReportMetric(float64(total)/float64(floor), "load/floor")
	b.ReportMetric(floorCPU.Seconds()*1000/n, "ms-floor-cpu/op")
	b.ReportMetric(loadCPU.Seconds()*1000/n, "ms-load-cpu/op")
	b.ReportMetric(float64(loadCPU)/float64(floorCPU), "load-cpu/floor-cpu")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-peak-rss")
}

// parseFloor parses srcs with the Go binding on jobs workers.
func parseFloor(ctx context.Context, srcs [][]byte, jobs int) {
	next := make(chan []byte)
	done := make(chan struct{})
	for range jobs {
		go func() {
			sp := sitter.NewParser()
			defer sp.Close()
			sp.SetLanguage(golang.GetLanguage())
			for src := range next {
				if t, err := sp.ParseCtx(ctx, nil, src); err == nil {
					t.Close()
				}
			}
			done <- struct{}{}
		}()
	}
	for _, s := range srcs {
		next <- s
	}
	close(next)
	for range jobs {
		<-done
	}
}

// cpuTime is the user and system time of the process and of its waited
// children (go list).
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	tv := func(t syscall.Timeval) time.Duration {
		return time.Duration(t.Sec)*time.Second + time.Duration(t.Usec)*time.Microsecond
	}
	return tv(self.Utime) + tv(self.Stime) + tv(children.Utime) + tv(children.Stime)
}

// resetPeakRSS resets the process's peak resident set size (Linux).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident set size in bytes (Linux),
// or 0.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
