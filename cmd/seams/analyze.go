package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/report"
	"github.com/seams-dev/seams/result"
)

type analyzeOptions struct {
	io   streams
	path string

	out    string
	format string
	jobs   int
	quiet  bool

	tests             bool
	exclude, include  []string
	noDefaultExcludes bool
	keepGenerated     bool
	maxFileSize       string

	resolution float64
	seed       uint64
	cpuprofile string
	timings    bool
}

func newAnalyzeCmd(io streams) *cobra.Command {
	opts := &analyzeOptions{io: io}
	cmd := &cobra.Command{
		Use:   "analyze [PATH]",
		Short: "Parse a repository, propose service candidates and write the report",
		Long: `Analyze reads the source files of the repository at PATH (default: the
current directory), resolves what depends on what, clusters the files into
service candidates and writes the report to --out.

In a git work tree the files come from git (so .gitignore applies);
otherwise the directory is walked. Vendored, build-output and generated
trees, test code, binary files and files over --max-file-size are skipped;
flags below bring them back.`,
		Example: `  seams analyze ~/src/bank-monolith
  seams analyze --out /tmp/report --format json .
  seams analyze --tests --exclude 'legacy/**' --max-file-size 4MiB .`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.path = "."
			if len(args) == 1 {
				opts.path = args[0]
			}
			if opts.format != "text" && opts.format != "json" {
				return &usageError{fmt.Errorf("--format must be text or json, not %q", opts.format)}
			}
			return runAnalyze(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "seams-report", "directory to write the report into")
	f.StringVar(&opts.format, "format", "text", "what to print on stdout: text (a summary) or json (result.json)")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "parallel workers (0: one per CPU; 1: everything in order)")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing on success but the report's path")
	f.BoolVar(&opts.tests, "tests", false, "include test code (skipped by default)")
	f.StringArrayVar(&opts.exclude, "exclude", nil, "skip paths matching this glob (repeatable; ** matches any depth)")
	f.StringArrayVar(&opts.include, "include", nil, "analyse paths matching this glob even if a default rule skips them (repeatable)")
	f.BoolVar(&opts.noDefaultExcludes, "no-default-excludes", false, "do not skip vendored, build-output, generated and tooling trees")
	f.BoolVar(&opts.keepGenerated, "keep-generated", false, "analyse files whose header says they are generated")
	f.StringVar(&opts.maxFileSize, "max-file-size", "1MiB", "skip files larger than this (bytes, or with KiB, MiB, GiB; 0 for no limit)")
	f.Float64Var(&opts.resolution, "resolution", 1, "clustering resolution: higher gives more, smaller candidates")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the clustering's random source")
	f.BoolVar(&opts.timings, "timings", false, "print how long each stage took, on stderr")
	f.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a Go CPU profile of the run to this file (for reporting slow runs)")
	_ = f.MarkHidden("cpuprofile")
	return cmd
}

// parseSize reads a size like "1048576", "512KiB", "4MiB", "1GB".
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("--max-file-size: %q is not a size (try 1048576, 512KiB or 4MiB)", s)
	}
	return int64(n * float64(mult)), nil
}

func runAnalyze(ctx context.Context, opts *analyzeOptions) error {
	maxSize, err := parseSize(opts.maxFileSize)
	if err != nil {
		return &usageError{err}
	}
	if maxSize == 0 {
		maxSize = -1 // no limit
	}
	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			return fail.New(fail.User, err, "pass a writable path to --cpuprofile")
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	prog := newProgress(opts.io.Err, opts.io.Interactive && !opts.quiet)
	defer prog.done()

	prog.stage("listing files")
	listing, err := repo.List(ctx, opts.path, repo.Options{
		Match:             parsers.IsSource,
		Exclude:           opts.exclude,
		Include:           opts.include,
		NoDefaultExcludes: opts.noDefaultExcludes,
		Tests:             opts.tests,
		MaxFileSize:       maxSize,
	})
	if err != nil {
		return classifyListError(err, opts.path)
	}

	prog.stage("parsing")
	parsed, err := parsers.Parse(ctx, listing.Root, listing.Files, parsers.Options{
		Jobs:          opts.jobs,
		KeepGenerated: opts.keepGenerated,
		Progress:      func(done, total int) { prog.update(done, total) },
	})
	if err != nil {
		return err
	}

	prog.stage("resolving names")
	g, err := graph.Build(ctx, parsed.Files, opts.jobs)
	if err != nil {
		return err
	}

	prog.stage("clustering")
	aopts := analyzer.DefaultOptions()
	aopts.Resolution, aopts.Seed = opts.resolution, opts.seed
	res, err := analyzer.Analyze(ctx, g, aopts)
	if err != nil {
		return err
	}
	res.Tool = result.Tool{Name: "seams", Version: version}
	res.Repository = result.Repository{Name: filepath.Base(listing.Root), Commit: listing.Commit, Git: listing.Git}
	res.Settings.Tests = opts.tests
	res.Diagnostics = diagnostics(listing, parsed.Diagnostics)
	for _, n := range res.Diagnostics.Skipped {
		res.Summary.Skipped += n
	}
	if len(parsed.Files) == 0 {
		res.Diagnostics.Notes = append(res.Diagnostics.Notes, noSourcesNote(listing))
	}

	prog.stage("writing the report")
	path, err := report.WriteDir(opts.out, res)
	if err != nil {
		return err
	}
	prog.done()
	if opts.timings {
		prog.timings(opts.io.Err)
	}

	switch {
	case opts.format == "json":
		return report.JSON(opts.io.Out, res)
	case opts.quiet:
		_, err = fmt.Fprintln(opts.io.Out, path)
		return err
	}
	if err := report.Text(opts.io.Out, res); err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.io.Out, "\nreport: %s\n", path)
	return err
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
