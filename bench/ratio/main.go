// Command ratio measures `seams analyze` against the physical floor of the
// machine: tree-sitter parsing the same files with the same number of
// workers and nothing else. It runs both, alternately, several times and
// prints each time, the medians and their ratio.
//
//	go build -o /tmp/seams ./cmd/seams
//	go run ./bench/ratio -seams /tmp/seams -jobs 2 -runs 5 ~/src/fineract
//
// The floor reads every file and parses it with the Go binding's parser
// (github.com/smacker/go-tree-sitter) and the grammar seams uses for its
// language (Java, C#), closing each tree; the files are the ones seams
// itself would analyse (same walker, same rules, files whose header says
// they are generated skipped). Files of a language without a tree-sitter
// grammar here (mapping XML and YAML, SQL) are only read. seams
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
	"github.com/seams-dev/seams/parsers/csharp"
	"github.com/seams-dev/seams/repo"
)

// grammars returns the tree-sitter grammar of each language that has one.
func grammars() (map[string]*sitter.Language, error) {
	cs, err := csharp.Language()
	if err != nil {
		return nil, err
	}
	return map[string]*sitter.Language{"java": java.GetLanguage(), "csharp": sitter.NewLanguage(cs)}, nil
}

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
	langs, err := grammars()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
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
		f := rawParse(l.Root, l.Files, *jobs, langs)
		start := time.Now()
		// Every run parses every file: no fact cache, no reused result, no
		// snapshot written to the history store.
		cmd := exec.Command(*seams, "analyze", "-q", "--no-history", "-j", fmt.Sprint(*jobs), "--out", out, root)
		cmd.Env = append(os.Environ(), "SEAMS_CACHE=off")
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
func rawParse(root string, files []repo.File, jobs int, langs map[string]*sitter.Language) time.Duration {
	langOf := map[string]string{}
	for _, f := range files {
		if l, ok := parsers.LanguageOf(f.Path); ok && langs[l.Name] != nil {
			langOf[f.Path] = l.Name
		}
	}
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := map[string]*sitter.Parser{}
			defer func() {
				for _, p := range ps {
					p.Close()
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(filepath.Join(root, files[i].Path))
				if err != nil {
					continue
				}
				lang, ok := langOf[files[i].Path]
				if !ok {
					continue
				}
				if _, generated := repo.Sniff(src[:min(len(src), 8192)]); generated {
					continue // seams skips it too
				}
				p := ps[lang]
				if p == nil {
					p = sitter.NewParser()
					p.SetLanguage(langs[lang])
					ps[lang] = p
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
