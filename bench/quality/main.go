// Command quality scores seams' decomposition of real repositories against
// the decompositions experts chose for them, with default settings, and
// beside each signal alone and the directory baselines:
//
//	go run ./bench/quality ~/src/spring-petclinic=groundtruth/spring-petclinic.tsv ...
//
// Each argument is REPO=REFERENCE, REFERENCE a TSV of path prefixes (see
// package compare). Scores are file-level MoJoFM with _shared dropped.
// -layers overrides the layer weights ("structural=1,vocabulary=0.5") to
// compare settings; the default row always uses the defaults.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/compare"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/parsers/gitlog"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

func main() {
	layers := flag.String("layers", "", "extra row: layer weights, e.g. structural=1,vocabulary=0.5")
	flag.BoolVar(&verbose, "v", false, "list each candidate's members with their reference context")
	flag.Float64Var(&resolution, "resolution", 0, "extra row: a set resolution instead of the modularity profile's")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: quality [-layers W] REPO=REFERENCE.tsv ...")
		os.Exit(2)
	}
	fmt.Printf("%-22s %-30s %7s %7s %7s %5s\n", "repository", "proposal", "MoJoFM", "ARI", "NMI", "k")
	for _, arg := range flag.Args() {
		dir, refPath, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintln(os.Stderr, "argument without =REFERENCE:", arg)
			os.Exit(2)
		}
		if err := score(dir, refPath, *layers); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

var (
	verbose    bool
	resolution float64
)

func score(dir, refPath, layers string) error {
	ctx := context.Background()
	f, err := os.Open(refPath)
	if err != nil {
		return err
	}
	ref, err := compare.ReadReference(f, filepath.Base(refPath))
	f.Close()
	if err != nil {
		return err
	}
	l, err := repo.List(ctx, dir, repo.Options{Match: parsers.IsSource})
	if err != nil {
		return err
	}
	parsed, err := parsers.Parse(ctx, l.Root, l.Files, parsers.Options{})
	if err != nil {
		return err
	}
	g, err := graph.Build(ctx, parsed.Files, 0)
	if err != nil {
		return err
	}
	var paths []string
	for _, f := range l.Files {
		paths = append(paths, f.Path)
	}
	history, err := gitlog.Read(ctx, l.Root, gitlog.Options{Paths: paths})
	if err != nil {
		fmt.Fprintln(os.Stderr, "no history:", err)
		history = nil
	}
	name := filepath.Base(l.Root)
	row := func(label string, p compare.Partition) {
		s := compare.Score(p, ref, compare.Options{})
		fmt.Printf("%-22s %-30s %7.2f %7.3f %7.3f %5d\n", name, label, s.MoJoFM, s.ARI, s.NMI, s.ProposalClusters)
	}
	run := func(label string, opts analyzer.Options) error {
		opts.History = history
		r, err := analyzer.Analyze(ctx, g, opts)
		if err != nil {
			return err
		}
		row(label, partition(r))
		if verbose {
			for _, c := range r.Candidates {
				fmt.Printf("    %s:", c.ID)
				for _, m := range c.Members {
					ctx, _ := ref.ContextOf(m.Path)
					fmt.Printf(" %s[%s]", strings.TrimSuffix(filepath.Base(m.Path), filepath.Ext(m.Path)), ctx)
				}
				fmt.Println()
			}
			for _, k := range r.Kernel {
				ctx, _ := ref.ContextOf(k.Path)
				fmt.Printf("    kernel: %s[%s] (%s)\n", k.Name, ctx, k.Kind)
			}
		}
		return nil
	}
	if err := run("seams (defaults)", analyzer.DefaultOptions()); err != nil {
		return err
	}
	if layers != "" || resolution > 0 {
		opts := analyzer.DefaultOptions()
		if layers != "" {
			if opts.Layers, err = parseLayers(layers); err != nil {
				return err
			}
		}
		if resolution > 0 {
			opts.Resolution = resolution
			layers += fmt.Sprintf(" γ=%g", resolution)
		}
		if err := run("seams ("+layers+")", opts); err != nil {
			return err
		}
	}
	for _, single := range []string{"structural", "data", "evolution", "people", "vocabulary", "names"} {
		opts := analyzer.DefaultOptions()
		opts.Layers, _ = parseLayers(single + "=1")
		if err := run("only "+single, opts); err != nil {
			return err
		}
	}
	var files []string
	for _, f := range g.Files {
		files = append(files, f.Path)
	}
	row("baseline: directory", compare.DirectoryBaseline(files))
	row("baseline: top-level dir", compare.TopLevelBaseline(files, 1))
	return nil
}

func partition(r *result.Result) compare.Partition {
	p := compare.Partition{}
	for _, c := range r.Candidates {
		for _, m := range c.Members {
			p[m.Path] = c.ID
		}
	}
	for _, k := range r.Kernel {
		if _, ok := p[k.Path]; !ok {
			p[k.Path] = "kernel" // scored as a cluster of its own
		}
	}
	return p
}

func parseLayers(s string) (analyzer.Layers, error) {
	var l analyzer.Layers
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		w, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return l, fmt.Errorf("layer weight %q: %v", kv, err)
		}
		switch k {
		case "structural":
			l.Structural = w
		case "vocabulary":
			l.Vocabulary = w
		case "names":
			l.Names = w
		case "data":
			l.Data = w
		case "evolution":
			l.Evolution = w
		case "people":
			l.People = w
		default:
			return l, fmt.Errorf("unknown layer %q", k)
		}
	}
	return l, nil
}
