package sql

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExtract extracts every file of the truth corpus; set
// SEAMS_SQL_CORPUS to a directory of .sql files to measure on it instead.
// The MB/s column is the throughput. On a shared machine it varies with the
// load, so the benchmark also reports x-scan: the time of Extract over the
// time of a loop that only looks at every byte once (classifying it as
// the tokenizer's first switch does), measured in the same iterations.
//
//	go test ./parsers/sql -run X -bench Extract
func BenchmarkExtract(b *testing.B) {
	dir := truthDir
	if d := os.Getenv("SEAMS_SQL_CORPUS"); d != "" {
		dir = d
	}
	var srcs []string
	var n int64
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && filepath.Ext(p) == ".sql" {
			if src, err := os.ReadFile(p); err == nil {
				srcs = append(srcs, string(src))
				n += int64(len(src))
			}
		}
		return nil
	})
	if len(srcs) == 0 {
		b.Skipf("no .sql files under %s", dir)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var extract, scan time.Duration
	words := 0
	for b.Loop() {
		t0 := time.Now()
		for _, src := range srcs {
			Extract(src, Options{})
		}
		t1 := time.Now()
		for _, src := range srcs {
			for i := 0; i < len(src); i++ {
				if isIdentStart(src[i]) {
					words++
				}
			}
		}
		extract, scan = extract+t1.Sub(t0), scan+time.Since(t1)
	}
	if words > 0 && scan > 0 {
		b.ReportMetric(float64(extract)/float64(scan), "x-scan")
	}
}

// BenchmarkFragment extracts a typical SQL string found in Java code.
func BenchmarkFragment(b *testing.B) {
	src := "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = ? AND o.placed_at > ? ORDER BY o.placed_at DESC"
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(src, Options{Fragment: true})
	}
}
