// Command backfill measures `seams trend --backfill` over the last N
// commits of a repository against one cold `seams analyze` of its HEAD,
// run pair by pair, and prints each pair's times, their ratio and the
// medians.
//
//	go build -o /tmp/seams ./cmd/seams
//	go run ./bench/backfill -seams /tmp/seams -runs 3 -commits 50 ~/src/fineract
//
// Both start cold: the analysis with the fact cache off and no history;
// the backfill with a new, empty fact cache and history store in a
// temporary directory, so that it parses HEAD's files as the analysis
// does and every older blob it needs.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"time"
)

func main() {
	os.Exit(run())
}

func run() int {
	seams := flag.String("seams", "seams", "the seams binary to measure")
	runs := flag.Int("runs", 3, "pairs of runs")
	commits := flag.Int("commits", 50, "commits to backfill (one in every commit, the newest first)")
	flag.Parse()
	if flag.NArg() != 1 || *runs < 1 || *commits < 1 {
		fmt.Fprintln(os.Stderr, "usage: backfill [-seams BIN] [-runs N] [-commits N] REPO")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := flag.Arg(0)
	fmt.Printf("%s: one analysis of HEAD against a backfill of %d commits\n", root, *commits)
	var analyses, backfills []time.Duration
	var ratios []float64
	for i := range *runs {
		a, b, err := pair(ctx, *seams, root, *commits)
		if err != nil {
			fmt.Fprintln(os.Stderr, "backfill:", err)
			return 1
		}
		r := b.Seconds() / a.Seconds()
		analyses, backfills, ratios = append(analyses, a), append(backfills, b), append(ratios, r)
		fmt.Printf("run %d: analysis %.3fs  backfill %.3fs  ratio %.2f\n", i+1, a.Seconds(), b.Seconds(), r)
	}
	fmt.Printf("median: analysis %.3fs  backfill %.3fs  ratio %.2f\n", median(analyses).Seconds(), median(backfills).Seconds(), median(ratios))
	return 0
}

func pair(ctx context.Context, seams, root string, commits int) (analysis, backfill time.Duration, err error) {
	tmp, err := os.MkdirTemp("", "seams-backfill-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp)
	timed := func(env []string, args ...string) (time.Duration, error) {
		cmd := exec.CommandContext(ctx, seams, args...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%s %s: %w", seams, args[0], err)
		}
		return time.Since(start), nil
	}
	if analysis, err = timed([]string{"SEAMS_CACHE=off"}, "analyze", "-q", "--no-history", "--out", filepath.Join(tmp, "report"), root); err != nil {
		return 0, 0, err
	}
	backfill, err = timed([]string{"SEAMS_CACHE=" + filepath.Join(tmp, "cache")},
		"trend", "--backfill", "--every", "1commits", "--limit", fmt.Sprint(commits), "--format", "csv",
		"--store", filepath.Join(tmp, "history.db"), root)
	return analysis, backfill, err
}

func median[T time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
