// Command ratio measures `seams analyze` against the physical floor of the
// machine: tree-sitter parsing the same files with the same number of
// workers and nothing else. It runs both, alternately, several times and
// prints each time, the medians and their ratio.
//
//	go build -o /tmp/seams ./cmd/seams
//	go run ./bench/ratio -seams /tmp/seams -jobs 2 -runs 5 ~/src/fineract
//
// The floor reads every file and parses it with the Go binding's parser
// (github.com/smacker/go-tree-sitter), closing each tree; the files are
// the ones seams itself would analyse (same walker, same rules). seams
// runs as a separate process, end to end: listing, parsing, resolving,
// clustering and writing the report.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"

	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

func main() {
	seams := flag.String("seams", "seams", "the seams binary to measure")
	jobs := flag.Int("jobs", 2, "workers, for both")
	runs := flag.Int("runs", 5, "runs of each")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: ratio [-seams BIN] [-jobs N] [-runs N] REPO")
		os.Exit(2)
	}
	root := flag.Arg(0)
	l, err := repo.List(context.Background(), root, repo.Options{Match: parsers.IsSource})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var size int64
	for _, f := range l.Files {
		size += f.Size
	}
	fmt.Printf("%s: %d files, %.1f MB, %d workers\n", root, len(l.Files), float64(size)/1e6, *jobs)
	out, err := os.MkdirTemp("", "seams-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(out)

	var floor, full []time.Duration
	for i := range *runs {
		f := rawParse(l.Root, l.Files, *jobs)
		start := time.Now()
		cmd := exec.Command(*seams, "analyze", "-q", "-j", fmt.Sprint(*jobs), "--out", out, root)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "seams:", err)
			os.Exit(1)
		}
		s := time.Since(start)
		floor, full = append(floor, f), append(full, s)
		fmt.Printf("run %d: floor %.3fs  seams %.3fs  ratio %.2f\n", i+1, f.Seconds(), s.Seconds(), s.Seconds()/f.Seconds())
	}
	mf, ms := median(floor), median(full)
	fmt.Printf("median: floor %.3fs (%.1f MB/s)  seams %.3fs  ratio %.2f\n", mf.Seconds(), float64(size)/1e6/mf.Seconds(), ms.Seconds(), ms.Seconds()/mf.Seconds())
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// rawParse reads and parses every file on jobs workers and returns the
// wall time.
func rawParse(root string, files []repo.File, jobs int) time.Duration {
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := sitter.NewParser()
			defer p.Close()
			p.SetLanguage(java.GetLanguage())
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(filepath.Join(root, files[i].Path))
				if err != nil {
					continue
				}
				t, err := p.ParseCtx(context.Background(), nil, src)
				if err == nil {
					t.Close()
				}
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}
