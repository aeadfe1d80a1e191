package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/fail"
)

type analyzeOptions struct {
	io     streams
	path   string
	flags  analysisFlags
	out    string
	format string
	quiet  bool

	cpuprofile string
	timings    bool
	history    historyOptions
}

func newAnalyzeCmd(io streams) *cobra.Command {
	opts := &analyzeOptions{io: io}
	cmd := &cobra.Command{
		Use:   "analyze [PATH]",
		Short: "Parse a repository, propose service candidates and write the report",
		Long: `Analyze reads the source files of the repository at PATH (default: the
current directory), resolves what depends on what, clusters the files into
service candidates, plans their extraction and writes the report to --out.

In a git work tree the files come from git (so .gitignore applies);
otherwise the directory is walked. Vendored, build-output and generated
trees, test code, binary files and files over --max-file-size are skipped;
flags below bring them back.

Settings and the architect's overrides (pins, merges, splits, kernel) are
read from PATH/seams.yaml when it exists (see seams init); flags given on
the command line win.`,
		Example: `  seams analyze ~/src/bank-monolith
  seams analyze --out /tmp/report --format json .
  seams analyze --tests --exclude 'legacy/**' --max-file-size 4MiB .
  seams analyze --services 6 --strategy shared-core-first .`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.path = "."
			if len(args) == 1 {
				opts.path = args[0]
			}
			if opts.format != "text" && opts.format != "json" {
				return &usageError{fmt.Errorf("--format must be text or json, not %q", opts.format)}
			}
			s, err := opts.flags.resolve(cmd, opts.path)
			if err != nil {
				return err
			}
			return runAnalyze(cmd.Context(), opts, s)
		},
	}
	f := cmd.Flags()
	opts.flags.register(f)
	f.StringVarP(&opts.out, "out", "o", "seams-report", "directory to write the report into")
	f.StringVar(&opts.format, "format", "text", "what to print on stdout: text (a summary) or json (result.json)")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing on success but the report's path")
	f.BoolVar(&opts.timings, "timings", false, "print how long each stage took, on stderr")
	opts.history.register(f)
	f.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a Go CPU profile of the run to this file (for reporting slow runs)")
	_ = f.MarkHidden("cpuprofile")
	return cmd
}

func runAnalyze(ctx context.Context, opts *analyzeOptions, s *settings) error {
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

	s.keep = true // for the next run to reuse
	listing, err := s.list(ctx, prog)
	if err != nil {
		return err
	}
	o, err := s.reuseOrAnalyze(ctx, prog, listing)
	if err != nil {
		return err
	}

	prog.stage("recording the snapshot")
	recordSnapshot(ctx, opts.io.Err, prog, opts.history, s, o)
	trend := trendOf(ctx, opts.history, s)
	prog.stage("writing the report")
	path, r, err := writeReport(opts.out, o, trend, s.cache)
	if err != nil {
		return err
	}
	defer r.close()
	prog.done()
	if opts.timings {
		prog.timings(opts.io.Err)
	}

	switch {
	case opts.format == "json":
		data, err := r.file("result.json") // report.JSON of the result
		if err != nil {
			return err
		}
		_, err = opts.io.Out.Write(data)
		return err
	case opts.quiet:
		_, err = fmt.Fprintln(opts.io.Out, path)
		return err
	}
	if _, err := opts.io.Out.Write(r.summary); err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.io.Out, "\nreport: %s\n", path)
	return err
}
