package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/config"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/history"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/parsers/gitlog"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// analysisFlags are the flags of every command that runs the analysis
// (analyze, plan, graph): which files, how to cluster, how to plan.
// seams.yaml at the repository root sets the same things; a flag given on
// the command line wins.
type analysisFlags struct {
	jobs              int
	tests             bool
	exclude, include  []string
	noDefaultExcludes bool
	keepGenerated     bool
	maxFileSize       string
	resolution        float64
	services          int
	seed              uint64
	strategy          string
	configPath        string
	noConfig          bool
}

func (a *analysisFlags) register(f *pflag.FlagSet) {
	f.IntVarP(&a.jobs, "jobs", "j", 0, "parallel workers (0: one per CPU; 1: everything in order)")
	f.BoolVar(&a.tests, "tests", false, "include test code (skipped by default)")
	f.StringArrayVar(&a.exclude, "exclude", nil, "skip paths matching this glob (repeatable; ** matches any depth)")
	f.StringArrayVar(&a.include, "include", nil, "analyse paths matching this glob even if a default rule skips them (repeatable)")
	f.BoolVar(&a.noDefaultExcludes, "no-default-excludes", false, "do not skip vendored, build-output, generated and tooling trees")
	f.BoolVar(&a.keepGenerated, "keep-generated", false, "analyse files whose header says they are generated")
	f.StringVar(&a.maxFileSize, "max-file-size", "1MiB", "skip files larger than this (bytes, or with KiB, MiB, GiB; 0 for no limit)")
	f.Float64Var(&a.resolution, "resolution", 0, "clustering resolution: higher gives more, smaller candidates; 0: the most stable of a modularity profile")
	f.IntVar(&a.services, "services", 0, "ask for this many candidates (the resolution is searched); 0: let modularity decide")
	f.Uint64Var(&a.seed, "seed", 1, "seed of the clustering's random source")
	f.StringVar(&a.strategy, "strategy", analyzer.LeastEntangledFirst, "extraction plan: least-entangled-first or shared-core-first")
	f.StringVar(&a.configPath, "config", "", "read settings from this file instead of PATH/seams.yaml")
	f.BoolVar(&a.noConfig, "no-config", false, "ignore seams.yaml")
}

// settings is a resolved analysis: what to list, parse and cluster.
type settings struct {
	path     string
	walk     repo.Options
	parse    parsers.Options
	analysis analyzer.Options
	config   string // the seams.yaml read, "" if none
	// cache is the fact cache of the run (trend.go); keep makes the
	// analysis keep its result in it, for the next analyze to reuse when
	// nothing changed (reuse.go).
	cache *analysisCache
	keep  bool
}

// resolve merges seams.yaml and the flags the user set.
func (a *analysisFlags) resolve(cmd *cobra.Command, path string) (*settings, error) {
	changed := cmd.Flags().Changed
	s := &settings{path: path, analysis: analyzer.DefaultOptions()}
	cfg := &config.Config{}
	if !a.noConfig {
		var err error
		var found bool
		if a.configPath != "" {
			cfg, found, err = config.Load(filepath.Dir(a.configPath), filepath.Base(a.configPath))
			if err == nil && !found {
				return nil, fail.Userf("pass the path of an existing file to --config", "%s does not exist", a.configPath)
			}
			s.config = a.configPath
		} else if st, statErr := os.Stat(path); statErr == nil && st.IsDir() {
			// (A missing or wrong path is reported by the listing.)
			cfg, found, err = config.Load(path, config.FileName)
			if found {
				s.config = filepath.Join(path, config.FileName)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	size := a.maxFileSize
	if !changed("max-file-size") && cfg.MaxFileSize != "" {
		size = cfg.MaxFileSize
	}
	maxSize, err := config.ParseSize(size)
	if err != nil {
		return nil, &usageError{fmt.Errorf("--max-file-size: %w", err)}
	}
	if maxSize == 0 {
		maxSize = -1 // no limit
	}
	tests := a.tests
	if !changed("tests") && cfg.Tests != nil {
		tests = *cfg.Tests
	}
	keep := a.keepGenerated
	if !changed("keep-generated") && cfg.KeepGenerated != nil {
		keep = *cfg.KeepGenerated
	}
	s.walk = repo.Options{
		Match:             parsers.IsSource,
		Exclude:           append(slices.Clone(cfg.Exclude), a.exclude...),
		Include:           append(slices.Clone(cfg.Include), a.include...),
		NoDefaultExcludes: a.noDefaultExcludes,
		Tests:             tests,
		MaxFileSize:       maxSize,
	}
	s.parse = parsers.Options{Jobs: a.jobs, KeepGenerated: keep}

	o := &s.analysis
	cl := cfg.Clustering
	o.Resolution = pick(changed("resolution"), a.resolution, cl.Resolution, 0)
	if o.Resolution < 0 {
		return nil, &usageError{fmt.Errorf("--resolution must not be negative (0: from the modularity profile), not %v", o.Resolution)}
	}
	o.Services = a.services
	if !changed("services") && cl.Services > 0 {
		o.Services = cl.Services
	}
	o.Seed = a.seed
	if !changed("seed") && cl.Seed != nil {
		o.Seed = *cl.Seed
	}
	o.Strategy = a.strategy
	if !changed("strategy") && cfg.Plan.Strategy != "" {
		o.Strategy = cfg.Plan.Strategy
	}
	if o.Strategy != analyzer.LeastEntangledFirst && o.Strategy != analyzer.SharedCoreFirst {
		return nil, &usageError{fmt.Errorf("--strategy must be %s or %s, not %q", analyzer.LeastEntangledFirst, analyzer.SharedCoreFirst, o.Strategy)}
	}
	for k, w := range cl.Weights {
		o.Weights[facts.RefKind(k)] = w
	}
	for k, w := range cl.Layers {
		o.Layers.Set(k, w)
	}
	for _, p := range cfg.Pins {
		o.Overrides.Pins = append(o.Overrides.Pins, analyzer.Pin{Path: p.Path, Package: p.Package, Context: p.Context})
	}
	o.Overrides.Merges = cfg.Merges
	for _, sp := range cfg.Splits {
		o.Overrides.Splits = append(o.Overrides.Splits, analyzer.Split{Candidate: sp.Candidate, By: sp.By})
	}
	o.Overrides.KernelInclude = cfg.Kernel.Include
	o.Overrides.KernelExclude = cfg.Kernel.Exclude
	return s, nil
}

// pick returns the flag's value if it was set, else the configured one if
// any, else the default.
func pick(flagSet bool, flag, configured, def float64) float64 {
	switch {
	case flagSet:
		return flag
	case configured > 0:
		return configured
	}
	return def
}

// run lists, parses, resolves and analyses. It returns the result with
// the tool, repository and diagnostics filled, and the graph.
func (s *settings) run(ctx context.Context, prog *progress) (*result.Result, *graph.Graph, error) {
	listing, err := s.list(ctx, prog)
	if err != nil {
		return nil, nil, err
	}
	return s.analyze(ctx, prog, listing)
}

// list lists the files to analyse and opens the cache of the run
// (s.cache), which hashes them.
func (s *settings) list(ctx context.Context, prog *progress) (*repo.Listing, error) {
	prog.stage("listing files")
	// The repository's identity, which names its caches and snapshots, is
	// asked of git while the files are listed.
	ids := make(chan string, 1)
	go func() {
		id, err := history.Identity(ctx, s.path)
		if err != nil {
			id = ""
		}
		ids <- id
	}()
	listing, err := repo.List(ctx, s.path, s.walk)
	id := <-ids
	if err != nil {
		return nil, classifyListError(err, s.path)
	}
	prog.stage("reading the cache")
	openAnalysisCache(ctx, s, listing, id)
	return listing, nil
}

// analyze parses, resolves and analyses the listed files.
func (s *settings) analyze(ctx context.Context, prog *progress, listing *repo.Listing) (*result.Result, *graph.Graph, error) {
	cache := s.cache

	// The history is read by git, in its own process, while the files
	// are parsed.
	type historyRead struct {
		h   *gitlog.History
		err error
	}
	var history chan historyRead
	if l := s.analysis.Layers; listing.Git && (l.Evolution > 0 || l.People > 0) {
		history = make(chan historyRead, 1)
		paths := make([]string, len(listing.Files))
		for i, f := range listing.Files {
			paths[i] = f.Path
		}
		go func() {
			h, err := gitlog.Read(ctx, listing.Root, gitlog.Options{Paths: paths})
			history <- historyRead{h, err}
		}()
	}

	prog.stage("parsing")
	popts := s.parse
	popts.Progress = func(done, total int) { prog.update(done, total) }
	cache.configure(&popts)
	parsed, err := parsers.Parse(ctx, listing.Root, listing.Files, popts)
	if err != nil {
		return nil, nil, err
	}

	prog.stage("resolving names")
	g, err := graph.Build(ctx, parsed.Files, s.parse.Jobs)
	if err != nil {
		return nil, nil, err
	}

	var historyNote string
	if history != nil {
		prog.stage("reading history")
		hr := <-history
		switch {
		case hr.err == nil:
			s.analysis.History = hr.h
			if hr.h.Shallow {
				historyNote = fmt.Sprintf("the clone is shallow: the evolution and people signals use only its %d commits (git fetch --unshallow for all)", hr.h.Commits)
			}
		case errors.Is(hr.err, gitlog.ErrNoHistory):
			historyNote = fmt.Sprintf("no evolution or people signals: %v", hr.err)
		case ctx.Err() != nil:
			return nil, nil, ctx.Err()
		default:
			historyNote = fmt.Sprintf("no evolution or people signals: reading the git history failed: %v", hr.err)
		}
	} else if !listing.Git {
		historyNote = "no evolution or people signals: not a git repository"
	}

	prog.stage("clustering")
	res, err := analyzer.Analyze(ctx, g, s.analysis)
	if err != nil {
		return nil, nil, err
	}
	if historyNote != "" {
		res.Diagnostics.Notes = append(res.Diagnostics.Notes, historyNote)
	}
	res.Tool = result.Tool{Name: "seams", Version: version}
	res.Repository = repository(listing)
	res.Settings.Tests = s.walk.Tests
	notes := res.Diagnostics.Notes
	res.Diagnostics = diagnostics(listing, parsed.Diagnostics)
	res.Diagnostics.Notes = append(res.Diagnostics.Notes, notes...)
	for _, n := range res.Diagnostics.Skipped {
		res.Summary.Skipped += n
	}
	if s.config != "" {
		res.Diagnostics.Notes = append(res.Diagnostics.Notes, "settings and overrides read from "+filepath.Base(s.config))
	}
	if len(parsed.Files) == 0 {
		res.Diagnostics.Notes = append(res.Diagnostics.Notes, noSourcesNote(listing))
	}
	cache.save(res, s.keep)
	return res, g, nil
}

func classifyListError(err error, path string) error {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, fs.ErrNotExist):
		return fail.New(fail.User, err, "pass the root directory of a repository: seams analyze PATH")
	case errors.Is(err, fs.ErrPermission):
		return fail.New(fail.Operator, err, "give the user running seams read access to the repository")
	case fail.KindOf(err) != fail.Fatal:
		return err
	}
	return fail.New(fail.User, err, "check PATH and the --include/--exclude patterns")
}

func noSourcesNote(l *repo.Listing) string {
	var exts []string
	for _, lang := range parsers.Languages() {
		exts = append(exts, lang.Extensions...)
	}
	return fmt.Sprintf("found no source file seams can read (%s) under the path; %d paths were skipped by the rules above",
		strings.Join(exts, ", "), len(l.Skipped))
}

// diagnostics gathers what the walker and the parsers left out or
// salvaged.
func diagnostics(l *repo.Listing, parsed []facts.Diagnostic) result.Diagnostics {
	d := result.Diagnostics{Skipped: map[string]int{}, Files: []result.Diagnostic{}, Notes: []string{}}
	for _, s := range l.Skipped {
		d.Skipped[string(s.Reason)]++
	}
	for _, p := range parsed {
		if p.Severity == facts.Skipped {
			d.Skipped[p.Code]++
		}
		d.Files = append(d.Files, result.Diagnostic{Path: p.Path, Line: p.Line, Severity: string(p.Severity), Code: p.Code, Message: p.Message})
	}
	slices.SortStableFunc(d.Files, func(a, b result.Diagnostic) int { return strings.Compare(a.Path, b.Path) })
	d.Notes = append(d.Notes, l.Warnings...)
	return d
}
