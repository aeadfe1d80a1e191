package gitlog

import (
	"context"
	"os"
	"runtime"
	"testing"
)

// BenchmarkRead reads the history of the git work tree at
// $SEAMS_BENCH_REPO with the default options, and reports what it read
// and the heap the result holds.
//
//	SEAMS_BENCH_REPO=~/src/fineract go test ./parsers/gitlog -run X -bench Read -benchtime 5x -benchmem
func BenchmarkRead(b *testing.B) {
	root := os.Getenv("SEAMS_BENCH_REPO")
	if root == "" {
		b.Skip("set SEAMS_BENCH_REPO to a git work tree")
	}
	var h *History
	for b.Loop() {
		var err error
		h, err = Read(context.Background(), root, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	// The heap the result holds.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	h, _ = Read(context.Background(), root, Options{})
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-result")
	b.ReportMetric(float64(h.Commits), "commits")
	b.ReportMetric(float64(h.Ignored), "ignored")
	b.ReportMetric(float64(len(h.Files)), "files")
	b.ReportMetric(float64(len(h.Authors)), "authors")
	b.ReportMetric(float64(len(h.CoChange)), "pairs")
	runtime.KeepAlive(h)
}
