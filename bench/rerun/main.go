// Command rerun measures a second `seams analyze` of a repository against
// the first: how much of a cold run a re-run costs after one file was
// touched (its modification time changed, not its bytes) or edited (a
// comment line appended). It prints each pair of times, their ratio, and
// the medians.
//
//	go build -o /tmp/seams ./cmd/seams
//	go run ./bench/rerun -seams /tmp/seams -runs 5 ~/src/fineract
//	go run ./bench/rerun -seams /tmp/seams -runs 5 -change append ~/src/fineract
//
// Each run starts cold: a new, empty fact cache (SEAMS_CACHE) and history
// store (SEAMS_STORE) in a temporary directory, so that the first
// `seams analyze` parses every file, and both runs record a snapshot and
// write the report into the same directory, as CI does on every merge.
// Between the two, one source file is changed; it is restored byte for
// byte, with its modification time, after the second run (and on
// Ctrl-C). The file is -file, or else the middle one of the files seams
// lists whose comment syntax is known. Go-graphviz's compiled WebAssembly,
// kept in $TMPDIR/go-graphviz, is not cleared: it is compiled once per
// machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

func main() {
	os.Exit(run())
}

func run() int {
	seams := flag.String("seams", "seams", "the seams binary to measure")
	runs := flag.Int("runs", 5, "pairs of runs")
	jobs := flag.Int("jobs", 0, "workers (seams -j); 0: seams' default")
	change := flag.String("change", "touch", "what to do to the file between the runs: touch (its time) or append (a comment line)")
	file := flag.String("file", "", "the file to change, relative to REPO (default: one seams lists)")
	flag.Parse()
	if flag.NArg() != 1 || *runs < 1 || (*change != "touch" && *change != "append") {
		fmt.Fprintln(os.Stderr, "usage: rerun [-seams BIN] [-runs N] [-jobs N] [-change touch|append] [-file PATH] REPO")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := measure(ctx, *seams, flag.Arg(0), *file, *change, *runs, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "rerun:", err)
		return 1
	}
	return 0
}

// comments are the line comments of the languages a file can be edited
// in.
var comments = map[string]string{
	".java": "//", ".kt": "//", ".cs": "//", ".go": "//", ".ts": "//", ".php": "//",
	".py": "#", ".rb": "#", ".sql": "--",
}

func measure(ctx context.Context, seams, root, file, change string, runs, jobs int) error {
	l, err := repo.List(ctx, root, repo.Options{Match: parsers.IsSource})
	if err != nil {
		return err
	}
	if file == "" {
		var known []string
		for _, f := range l.Files {
			if comments[path.Ext(f.Path)] != "" {
				known = append(known, f.Path)
			}
		}
		if len(known) == 0 {
			return errors.New("no source file to change: pass one with -file")
		}
		file = known[len(known)/2]
	}
	if change == "append" && comments[path.Ext(file)] == "" {
		return fmt.Errorf("cannot append a comment to %s: pass a file in one of %v with -file", file, slices.Sorted(maps.Keys(comments)))
	}
	name := filepath.Join(l.Root, filepath.FromSlash(file))
	fmt.Printf("%s: %d files; between the runs: %s %s\n", l.Root, len(l.Files), change, file)

	var firsts, seconds []time.Duration
	var ratios []float64
	for i := range runs {
		first, second, err := pair(ctx, seams, l.Root, name, change, jobs)
		if err != nil {
			return err
		}
		r := second.Seconds() / first.Seconds()
		firsts, seconds, ratios = append(firsts, first), append(seconds, second), append(ratios, r)
		fmt.Printf("run %d: first %.3fs  second %.3fs  ratio %.1f%%\n", i+1, first.Seconds(), second.Seconds(), 100*r)
	}
	fmt.Printf("median: first %.3fs  second %.3fs  ratio %.1f%%\n",
		median(firsts).Seconds(), median(seconds).Seconds(), 100*median(ratios))
	return nil
}

// pair runs a cold analyze, changes the file, runs analyze again and
// restores the file.
func pair(ctx context.Context, seams, root, name, change string, jobs int) (first, second time.Duration, err error) {
	tmp, err := os.MkdirTemp("", "seams-rerun-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp)
	env := append(os.Environ(),
		"SEAMS_CACHE="+filepath.Join(tmp, "cache"),
		"SEAMS_STORE="+filepath.Join(tmp, "history.db"))
	analyze := func() (time.Duration, error) {
		args := []string{"analyze", "-q", "--out", filepath.Join(tmp, "report")}
		if jobs > 0 {
			args = append(args, "-j", fmt.Sprint(jobs))
		}
		cmd := exec.CommandContext(ctx, seams, append(args, root)...)
		cmd.Env = env
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%s: %w", seams, err)
		}
		return time.Since(start), nil
	}

	if first, err = analyze(); err != nil {
		return 0, 0, err
	}
	restore, err := alter(name, change)
	if err != nil {
		return 0, 0, err
	}
	second, err = analyze()
	if rerr := restore(); rerr != nil && err == nil {
		err = fmt.Errorf("restoring %s: %w", name, rerr)
	}
	return first, second, err
}

// alter changes the file and returns what puts it back as it was: its
// bytes and its modification and access times.
func alter(name, change string) (restore func() error, err error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	orig, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	restore = func() error {
		if change == "append" {
			if err := os.WriteFile(name, orig, fi.Mode().Perm()); err != nil {
				return err
			}
		}
		return os.Chtimes(name, time.Time{}, fi.ModTime()) // the access time is left alone
	}
	// Make sure the new time differs from the old one even on a file
	// system with coarse timestamps.
	now := time.Now()
	if !now.After(fi.ModTime().Add(time.Second)) {
		now = fi.ModTime().Add(2 * time.Second)
	}
	switch change {
	case "touch":
		err = os.Chtimes(name, now, now)
	case "append":
		edited := append(slices.Clone(orig), []byte(comments[filepath.Ext(name)]+" seams rerun benchmark\n")...)
		if len(orig) > 0 && orig[len(orig)-1] != '\n' {
			edited = slices.Insert(edited, len(orig), '\n')
		}
		if err = os.WriteFile(name, edited, fi.Mode().Perm()); err == nil {
			err = os.Chtimes(name, now, now)
		}
	}
	if err != nil {
		restore()
		return nil, err
	}
	return restore, nil
}

func median[T time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
