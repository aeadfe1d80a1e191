package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/compare"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/result"
)

type scoreOptions struct {
	io        streams
	reference string
	result    string
	format    string
}

func newScoreCmd(io streams) *cobra.Command {
	opts := &scoreOptions{io: io}
	cmd := &cobra.Command{
		Use:   "score --reference FILE [RESULT]",
		Short: "Compare a result's candidates with a reference decomposition",
		Long: `Score compares the candidates of a result (RESULT: a result.json, or the
report directory holding one; default seams-report) with a reference
decomposition and prints MoJoFM, the adjusted Rand index and normalized
mutual information, beside the naive baseline that makes one candidate of
each source directory.

The reference is a TSV of path prefixes ("path_prefix<TAB>context", longest
prefix wins; context _exclude drops a path, _shared marks code no single
context owns) scored at file level, or an RSF of "contain CONTEXT CLASS"
lines scored at class level, or a directory: a Rails repository whose
packwerk packages (each directory holding a package.yml) are the declared
contexts, scored at file level. _shared files are dropped, and scored again
as a cluster of their own. For an RSF reference the scores are also given
under the conventions of the ASE 2024 tool comparison that published such
references, to compare with its table.`,
		Example: `  seams analyze ~/src/petclinic && seams score --reference petclinic.tsv
  seams score --reference jpetstore.rsf --format json seams-report/result.json
  seams analyze ~/src/rails-app && seams score --reference ~/src/rails-app`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.result = "seams-report"
			if len(args) == 1 {
				opts.result = args[0]
			}
			if opts.reference == "" {
				return &usageError{errors.New("score needs --reference FILE")}
			}
			if opts.format != "text" && opts.format != "json" {
				return &usageError{fmt.Errorf("--format must be text or json, not %q", opts.format)}
			}
			return runScore(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.reference, "reference", "r", "", "reference decomposition: .tsv of path prefixes, .rsf, or a packwerk repository")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output: text or json")
	return cmd
}

// readResult reads result.json from a file or a report directory.
func readResult(path string) (*result.Result, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, "result.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fail.New(fail.User, err, "run seams analyze first, or pass the path of a result.json")
		}
		return nil, fail.New(fail.Operator, err, "check the file's permissions")
	}
	var r result.Result
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fail.New(fail.User, fmt.Errorf("%s is not a seams result: %w", path, err), "pass a result.json written by seams analyze")
	}
	if !strings.HasPrefix(r.Schema, "seams/result/") {
		return nil, fail.Userf("pass a result.json written by seams analyze", "%s is not a seams result (schema %q)", path, r.Schema)
	}
	return &r, nil
}

// scoreRow is one line of the score table.
type scoreRow struct {
	Name   string         `json:"name"`
	Scores compare.Scores `json:"scores"`
}

// scoreReport is what score prints.
type scoreReport struct {
	Reference string     `json:"reference"`
	Format    string     `json:"format"`
	Level     string     `json:"level"`
	Snapshot  string     `json:"snapshot,omitempty"`
	Commit    string     `json:"commit,omitempty"`
	Rows      []scoreRow `json:"rows"`
}

func runScore(opts *scoreOptions) error {
	res, err := readResult(opts.result)
	if err != nil {
		return err
	}
	if _, err := os.Stat(opts.reference); err != nil {
		return fail.New(fail.User, err, "pass the path of a reference .tsv or .rsf, or of a packwerk repository, with --reference")
	}
	ref, err := compare.ReadReferencePath(opts.reference)
	if err != nil {
		return fail.New(fail.User, err, "fix the reference (see seams score --help for its formats)")
	}

	proposal := compare.Partition{}
	var files []string
	classes := map[string][]string{}
	for _, c := range res.Candidates {
		for _, m := range c.Members {
			proposal[m.Path] = c.ID
			files = append(files, m.Path)
			for _, q := range m.Classes {
				classes[m.Path] = append(classes[m.Path], simpleName(q))
			}
		}
	}
	// The shared kernel belongs to no candidate: it is scored as one
	// cluster of its own, so that setting a file aside is not free.
	for _, k := range res.Kernel {
		if _, ok := proposal[k.Path]; !ok {
			proposal[k.Path] = "kernel"
			files = append(files, k.Path)
			classes[k.Path] = append(classes[k.Path], simpleName(k.Name))
		}
	}
	baseline := compare.DirectoryBaseline(files)

	rep := scoreReport{Reference: opts.reference, Format: ref.Format, Level: "file", Snapshot: ref.Snapshot, Commit: res.Repository.Commit}
	add := func(name string, p compare.Partition, o compare.Options) {
		rep.Rows = append(rep.Rows, scoreRow{name, compare.Score(p, ref, o)})
	}
	shared := compare.Options{Shared: compare.SharedAsCluster}
	if ref.Format == compare.FormatRSF {
		rep.Level = "class"
		proposal = compare.ClassPartition(classes, proposal)
		baseline = compare.ClassPartition(classes, baseline)
		add("seams", proposal, compare.Options{})
		add("directory baseline", baseline, compare.Options{})
		add("seams, study conventions", proposal, compare.StudyOptions())
		add("directory baseline, study conventions", baseline, compare.StudyOptions())
	} else {
		add("seams", proposal, compare.Options{})
		add("directory baseline", baseline, compare.Options{})
		add("seams, _shared as a cluster", proposal, shared)
		add("directory baseline, _shared as a cluster", baseline, shared)
	}

	if opts.format == "json" {
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return printScores(opts.io, rep)
}

// simpleName is the last segment of a qualified name: the class name the
// RSF references use.
func simpleName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}

func printScores(io streams, rep scoreReport) error {
	w := io.Out
	fmt.Fprintf(w, "reference: %s (%s, %s level)\n", rep.Reference, rep.Format, rep.Level)
	if rep.Snapshot != "" && rep.Commit != "" && !strings.HasPrefix(rep.Commit, rep.Snapshot) && !strings.HasPrefix(rep.Snapshot, rep.Commit) {
		fmt.Fprintf(w, "warning: the reference describes commit %s but the result is of %s\n", short(rep.Snapshot), short(rep.Commit))
	}
	s := rep.Rows[0].Scores
	fmt.Fprintf(w, "objects scored: %d; not in the reference or excluded: %d; _shared dropped: %d; in several contexts: %d\n\n",
		s.Objects, s.ExtraInProposal, s.DroppedShared, s.Ambiguous)
	fmt.Fprintf(w, "  %-42s %7s %7s %7s %9s\n", "", "MoJoFM", "ARI", "NMI", "CLUSTERS")
	for _, r := range rep.Rows {
		fmt.Fprintf(w, "  %-42s %7.2f %7.3f %7.3f %4d/%-4d\n", r.Name, r.Scores.MoJoFM, r.Scores.ARI, r.Scores.NMI,
			r.Scores.ProposalClusters, r.Scores.ReferenceClusters)
	}
	_, err := fmt.Fprintf(w, "\nCLUSTERS is proposal/reference among the scored objects.\n")
	return err
}

func short(commit string) string {
	if len(commit) > 10 {
		return commit[:10]
	}
	return commit
}
