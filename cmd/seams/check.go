package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/config"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/history"
)

// exitBreach is check's exit code when a rule is broken.
const exitBreach = 3

// breachError is a check that found violations: run exits with
// exitBreach, the violations already printed.
type breachError struct{ n int }

func (e *breachError) Error() string { return fmt.Sprintf("%d rule violations", e.n) }

type checkOptions struct {
	io       streams
	flags    analysisFlags
	rules    string
	baseline string
	store    string
	format   string
}

func newCheckCmd(io streams) *cobra.Command {
	opts := &checkOptions{io: io}
	cmd := &cobra.Command{
		Use:   "check [PATH]",
		Short: "CI gate: check the architecture rules of seams.yaml; exit 3 on a breach",
		Long: `Check analyses the repository at PATH (default: the current directory) and
checks it against the rules of its seams.yaml (or of --rules FILE, written
the same way):

  contexts:                     declared bounded contexts, by path globs
    - name: billing             (paths) or packages (and their sub-packages)
      packages: [com.shop.billing]
  rules:
    allow: ["orders -> billing"]  the only dependencies allowed between
                                  contexts: any other is a violation
    no_new_cycles: true           no cycle between candidates the baseline
                                  lacks (without a baseline, no cycle)
    max_icp: 0.25                 at most this share of calls crosses candidates
    max_shared_tables: 3          at most this many tables shared by candidates
    no_worse_than: main           no score worse than at this revision (or @ID)

The baseline of no_worse_than (or --baseline) is analysed from git's
object store with the current candidates held fixed, so that the
comparison is of the code, not of two clusterings; @ID takes a snapshot
from the history store. Without a baseline, no_new_cycles compares with
the newest snapshot of another commit in the store, if any.

Each violation names the rule and the places (file:line) that break it.
Exit status: 0 when every rule holds, 3 when one is broken, 1 when the
check could not run, 2 for a wrong command line.`,
		Example: `  seams check
  seams check --baseline origin/main --format github .
  seams check --rules architecture.yaml --format sarif > seams.sarif`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			switch opts.format {
			case "text", "sarif", "github":
			default:
				return &usageError{fmt.Errorf("--format must be text, sarif or github, not %q", opts.format)}
			}
			s, err := opts.flags.resolve(cmd, path)
			if err != nil {
				return err
			}
			return runCheck(cmd.Context(), opts, s)
		},
	}
	f := cmd.Flags()
	opts.flags.register(f)
	f.StringVar(&opts.rules, "rules", "", "read the contexts and rules from this file instead of PATH/seams.yaml")
	f.StringVar(&opts.baseline, "baseline", "", "the baseline of no_worse_than: a revision (main, HEAD~1) or a snapshot (@ID); overrides seams.yaml")
	storeFlag(f, &opts.store)
	f.StringVar(&opts.format, "format", "text", "output: text, sarif (SARIF 2.1.0) or github (Actions annotations)")
	return cmd
}

// loadRules reads the contexts and rules of a seams.yaml.
func loadRules(file string, s *settings) (history.Rules, string, error) {
	var r history.Rules
	var cfg *config.Config
	var from string
	switch {
	case file != "":
		c, found, err := config.Load(filepath.Dir(file), filepath.Base(file))
		if err != nil {
			return r, "", err
		}
		if !found {
			return r, "", fail.Userf("pass the path of a rules file (written like seams.yaml)", "--rules: %s does not exist", file)
		}
		cfg, from = c, file
	case s.config != "":
		c, _, err := config.Load(filepath.Dir(s.config), filepath.Base(s.config))
		if err != nil {
			return r, "", err
		}
		cfg, from = c, s.config
	default:
		return r, "", nil
	}
	for _, c := range cfg.Contexts {
		r.Contexts = append(r.Contexts, history.Context{Name: c.Name, Paths: c.Paths, Packages: c.Packages})
	}
	for _, a := range cfg.Rules.Allow {
		al, err := history.ParseAllowed(a)
		if err != nil {
			return r, "", fail.Userf("fix rules.allow in "+from, "rules.allow: %v", err)
		}
		r.Allow = append(r.Allow, al)
	}
	r.NoNewCycles = cfg.Rules.NoNewCycles
	r.MaxICP = cfg.Rules.MaxICP
	r.MaxSharedTables = cfg.Rules.MaxShared
	r.NoWorseThan = cfg.Rules.NoWorseThan
	return r, from, nil
}

func runCheck(ctx context.Context, opts *checkOptions, s *settings) error {
	rules, from, err := loadRules(opts.rules, s)
	if err != nil {
		return err
	}
	if opts.baseline != "" {
		rules.NoWorseThan = opts.baseline
	}
	if rules.Empty() {
		fmt.Fprintf(opts.io.Err, "seams: warning: no rules to check: declare contexts and rules in seams.yaml (seams check --help shows how)\n")
		if opts.format == "sarif" {
			return history.SARIF(opts.io.Out, version, nil)
		}
		return nil
	}
	prog := newProgress(opts.io.Err, opts.io.Interactive)
	res, g, err := s.run(ctx, prog)
	prog.done()
	if err != nil {
		return err
	}
	needStore := strings.HasPrefix(rules.NoWorseThan, "@")
	sd, err := newSides(ctx, io.Discard, s, opts.store, needStore)
	if err != nil {
		return err
	}
	defer sd.close()
	if sd.store != nil {
		defer sd.store.Close()
	}
	cur := history.FromResult(res, sd.id, commitTime(ctx, sd.root, res.Repository.Commit), history.SourceAnalyze)

	var baseline *history.Snapshot
	switch {
	case rules.NoWorseThan != "":
		if _, ok := snapshotID(rules.NoWorseThan); ok {
			baseline, _, err = sd.snapshot(ctx, rules.NoWorseThan, "", nil)
		} else {
			baseline, err = fixedBaseline(ctx, sd, rules.NoWorseThan, cur, g)
		}
		if err != nil {
			return fmt.Errorf("the baseline %s: %w", rules.NoWorseThan, err)
		}
	case rules.NoNewCycles && sd.store != nil:
		baseline, err = previousSnapshot(ctx, sd.store, sd.id, cur)
		if err != nil {
			return err
		}
	}
	vs, err := history.Check(history.CheckInput{Rules: rules, Current: cur, Graph: g, Baseline: baseline})
	if err != nil {
		return fail.New(fail.User, err, "fix the contexts in "+from)
	}
	switch opts.format {
	case "sarif":
		err = history.SARIF(opts.io.Out, version, vs)
	case "github":
		err = history.GitHub(opts.io.Out, vs)
	default:
		err = checkText(opts.io.Out, vs, from, baseline)
	}
	if err != nil {
		return err
	}
	if len(vs) > 0 {
		return &breachError{len(vs)}
	}
	return nil
}

// fixedBaseline analyses a revision from git with the current
// candidates held fixed.
func fixedBaseline(ctx context.Context, sd *sides, rev string, cur *history.Snapshot, g *graph.Graph) (*history.Snapshot, error) {
	a, err := sd.analyzer(ctx)
	if err != nil {
		return nil, err
	}
	commit, err := a.resolve(ctx, rev)
	if err != nil {
		return nil, err
	}
	cg, err := a.graph(ctx, commit)
	if err != nil {
		return nil, err
	}
	return a.fixed(cg, newPartition(cur, g)), nil
}

// previousSnapshot is the newest stored snapshot of another commit with
// the same settings, or nil.
func previousSnapshot(ctx context.Context, st *history.Store, id string, cur *history.Snapshot) (*history.Snapshot, error) {
	list, err := st.List(ctx, history.Filter{Repo: id})
	if err != nil {
		return nil, err
	}
	var best *history.Snapshot
	for _, s := range list {
		if s.Commit == cur.Commit || s.ConfigHash != cur.ConfigHash || s.Partition != history.Clustered {
			continue
		}
		if best == nil || s.CommitTime.After(best.CommitTime) || s.CommitTime.Equal(best.CommitTime) && s.Recorded.After(best.Recorded) {
			best = s
		}
	}
	if best == nil {
		return nil, nil
	}
	return st.Get(ctx, best.ID)
}

func checkText(w io.Writer, vs []history.Violation, from string, baseline *history.Snapshot) error {
	against := ""
	if baseline != nil {
		against = fmt.Sprintf(" (baseline: %s)", baseline.Label())
	}
	if len(vs) == 0 {
		_, err := fmt.Fprintf(w, "seams check: every rule of %s holds%s\n", filepath.Base(from), against)
		return err
	}
	fmt.Fprintf(w, "seams check: %d violations of the rules of %s%s\n\n", len(vs), filepath.Base(from), against)
	for _, v := range vs {
		where := ""
		if len(v.At) > 0 {
			where = v.At[0].String() + ": "
		}
		fmt.Fprintf(w, "%s[%s] %s\n", where, v.Rule, v.Message)
		if len(v.At) > 1 {
			var more []string
			for _, at := range v.At[1:] {
				more = append(more, at.String())
			}
			fmt.Fprintf(w, "    also at %s\n", strings.Join(more, ", "))
		}
	}
	return nil
}
