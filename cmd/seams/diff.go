package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/history"
)

type diffOptions struct {
	io     streams
	flags  analysisFlags
	repo   string
	store  string
	format string
}

func newDiffCmd(io streams) *cobra.Command {
	opts := &diffOptions{io: io}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Show what changed between two snapshots or commits",
		Long: `Diff compares two analyses of the repository at --repo (default: the
current directory): the dependencies between candidates added and
removed, the tables that became shared, the cycles created or broken, the
files that moved to another candidate, and the scores.

A and B are snapshot IDs from the history store (@12; seams trend --format
json lists them) or git revisions (a commit, a branch, HEAD~1). A
revision's newest snapshot is taken from the store; a revision the store
does not have is analysed from git's object store (no checkout), with the
settings of seams analyze: B is clustered, and A is scored with B's
candidates held fixed, so that what moved is the code, not the
clustering. Candidates of two stored snapshots are matched by their
members, so a renamed candidate is not reported as removed and added.`,
		Example: `  seams diff HEAD~1 HEAD
  seams diff --format markdown main HEAD > comment.md
  seams diff @12 @15`,
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "text", "markdown", "json":
			default:
				return &usageError{fmt.Errorf("--format must be text, markdown or json, not %q", opts.format)}
			}
			s, err := opts.flags.resolve(cmd, opts.repo)
			if err != nil {
				return err
			}
			return runDiff(cmd.Context(), opts, s, args[0], args[1])
		},
	}
	f := cmd.Flags()
	opts.flags.register(f)
	f.StringVar(&opts.repo, "repo", ".", "the repository")
	storeFlag(f, &opts.store)
	f.StringVar(&opts.format, "format", "text", "output: text, markdown (for a pull request comment) or json")
	return cmd
}

// sides resolves the revisions and snapshot IDs of diff and check.
type sides struct {
	s     *settings
	store *history.Store // nil when there is none
	a     *commitAnalyzer
	root  string
	id    string
}

func (sd *sides) close() {
	if sd.a != nil {
		sd.a.close()
	}
}

func (sd *sides) analyzer(ctx context.Context) (*commitAnalyzer, error) {
	if sd.a == nil {
		a, err := newCommitAnalyzer(ctx, sd.s, sd.root)
		if err != nil {
			return nil, err
		}
		sd.a = a
	}
	return sd.a, nil
}

// snapshotID reads "@12".
func snapshotID(arg string) (int64, bool) {
	n, ok := strings.CutPrefix(arg, "@")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	return id, err == nil && id > 0
}

// snapshot resolves one side: a snapshot ID, a revision's snapshot in
// the store (with the given configuration hash, when not ""), or an
// analysis of the revision from git: clustered, or with the candidates of
// fixed held fixed. The graph is nil for a stored snapshot.
func (sd *sides) snapshot(ctx context.Context, arg, config string, fixed *partition) (*history.Snapshot, *graph.Graph, error) {
	if id, ok := snapshotID(arg); ok {
		if sd.store == nil {
			return nil, nil, fail.Userf("pass --store, or a revision instead of a snapshot ID", "%s names a snapshot, and there is no history store", arg)
		}
		snap, err := sd.store.Get(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		if snap.Repo != sd.id {
			return nil, nil, fail.Userf("pass a snapshot of this repository (seams trend --format json lists them)",
				"snapshot %s is of another repository (%s)", arg, snap.Repo)
		}
		return snap, nil, nil
	}
	commit, err := resolveCommit(ctx, sd.root, arg)
	if err != nil {
		return nil, nil, err
	}
	if sd.store != nil {
		list, err := sd.store.List(ctx, history.Filter{Repo: sd.id, Commit: commit})
		if err != nil {
			return nil, nil, err
		}
		var best *history.Snapshot
		for _, s := range list {
			if (config == "" || s.ConfigHash == config) && (best == nil || s.Recorded.After(best.Recorded)) {
				best = s
			}
		}
		if best != nil {
			snap, err := sd.store.Get(ctx, best.ID)
			return snap, nil, err
		}
	}
	a, err := sd.analyzer(ctx)
	if err != nil {
		return nil, nil, err
	}
	cg, err := a.graph(ctx, commit)
	if err != nil {
		return nil, nil, err
	}
	if fixed != nil {
		return a.fixed(cg, fixed), cg.g, nil
	}
	snap, _, err := a.analyze(ctx, cg)
	return snap, cg.g, err
}

// newSides opens the store for diff and check. A store that cannot be
// opened is fatal only when a snapshot ID needs it.
func newSides(ctx context.Context, errw io.Writer, s *settings, storeAddr string, needStore bool) (*sides, error) {
	root, err := filepath.Abs(s.path)
	if err != nil {
		return nil, err
	}
	sd := &sides{s: s, root: root}
	if sd.id, err = history.Identity(ctx, root); err != nil {
		return nil, err
	}
	st, err := openStore(ctx, storeAddr, s)
	switch {
	case err == nil:
		sd.store = st
	case needStore:
		return nil, err
	case ctx.Err() == nil:
		fmt.Fprintf(errw, "seams: warning: the history store is not used [%s]: %v\n", fail.KindOf(err), err)
	}
	return sd, nil
}

func runDiff(ctx context.Context, opts *diffOptions, s *settings, argA, argB string) error {
	_, idA := snapshotID(argA)
	_, idB := snapshotID(argB)
	sd, err := newSides(ctx, opts.io.Err, s, opts.store, idA || idB)
	if err != nil {
		return err
	}
	defer sd.close()
	if sd.store != nil {
		defer sd.store.Close()
	}
	b, gB, err := sd.snapshot(ctx, argB, "", nil)
	if err != nil {
		return err
	}
	a, _, err := sd.snapshot(ctx, argA, "", newPartition(b, gB))
	if err != nil {
		return err
	}
	d := history.Compare(a, b)
	d.A.Label, d.B.Label = sideLabel(argA, a), sideLabel(argB, b)
	switch opts.format {
	case "json":
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	case "markdown":
		return diffMarkdown(opts.io.Out, d)
	}
	return diffText(opts.io.Out, d)
}

// sideLabel names a side as the user named it, with what it resolved to.
func sideLabel(arg string, s *history.Snapshot) string {
	what := "analysed from git"
	if s.ID != 0 {
		what = "snapshot @" + strconv.FormatInt(s.ID, 10)
	}
	c := short(s.Commit)
	switch {
	case c == "":
		return fmt.Sprintf("%s (%s)", arg, what)
	case strings.HasPrefix(s.Commit, arg) || strings.HasPrefix(arg, "@"):
		return fmt.Sprintf("%s (%s)", c, what)
	}
	return fmt.Sprintf("%s = %s (%s)", arg, c, what)
}

func edgeLine(e history.Edge) string {
	var kinds []string
	for _, k := range slices.Sorted(maps.Keys(e.Kinds)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, e.Kinds[k]))
	}
	return fmt.Sprintf("%s → %s (weight %s: %s)", e.From, e.To, fmtScore(e.Weight), strings.Join(kinds, ", "))
}

func exampleLine(x history.Example) string {
	target := x.To
	if x.Member != "" {
		target += "." + x.Member
	}
	return fmt.Sprintf("%s %s %s  %s", x.From, verbOf(x.Kind), target, x.At)
}

func verbOf(kind string) string {
	switch kind {
	case "call":
		return "calls"
	case "new":
		return "creates"
	case "extends", "implements":
		return kind
	case "method-ref":
		return "refers to"
	case "annotation":
		return "is annotated with"
	}
	return "uses"
}

func cycleLine(c []string) string { return strings.Join(c, " ↔ ") }

func tableLine(t history.Table) string {
	return fmt.Sprintf("%s (%s)", t.Name, strings.Join(t.Users, ", "))
}

func scoreChangeNote(c history.ScoreChange) string {
	switch {
	case c.Better:
		return "better"
	case c.Worse:
		return "worse"
	}
	return ""
}

func diffText(w io.Writer, d *history.Diff) error {
	fmt.Fprintf(w, "A: %s\nB: %s\n", d.A.Label, d.B.Label)
	section := func(title string, n int) bool {
		if n == 0 {
			fmt.Fprintf(w, "\n%s: none\n", title)
			return false
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, n)
		return true
	}
	if section("dependencies added between candidates", len(d.AddedDeps)) {
		for _, e := range d.AddedDeps {
			fmt.Fprintf(w, "  %s\n", edgeLine(e))
			for _, x := range e.Examples {
				fmt.Fprintf(w, "      %s\n", exampleLine(x))
			}
		}
	}
	if section("dependencies removed", len(d.RemovedDeps)) {
		for _, e := range d.RemovedDeps {
			fmt.Fprintf(w, "  %s\n", edgeLine(e))
		}
	}
	if section("tables that became shared", len(d.NewlyShared)) {
		for _, t := range d.NewlyShared {
			fmt.Fprintf(w, "  %s\n", tableLine(t))
		}
	}
	if len(d.NoLongerShared) > 0 && section("tables no longer shared", len(d.NoLongerShared)) {
		for _, t := range d.NoLongerShared {
			fmt.Fprintf(w, "  %s\n", tableLine(t))
		}
	}
	if section("cycles between candidates created", len(d.NewCycles)) {
		for _, c := range d.NewCycles {
			fmt.Fprintf(w, "  %s\n", cycleLine(c))
		}
	}
	if section("cycles broken", len(d.BrokenCycles)) {
		for _, c := range d.BrokenCycles {
			fmt.Fprintf(w, "  %s\n", cycleLine(c))
		}
	}
	if section("files that moved to another candidate", len(d.Moved)) {
		const shown = 20
		for _, m := range d.Moved[:min(shown, len(d.Moved))] {
			fmt.Fprintf(w, "  %s: %s → %s\n", m.Path, m.From, m.To)
		}
		if len(d.Moved) > shown {
			fmt.Fprintf(w, "  and %d more (--format json lists them all)\n", len(d.Moved)-shown)
		}
	}
	if len(d.AddedCandidates)+len(d.RemovedCandidates)+len(d.Renamed) > 0 {
		fmt.Fprintf(w, "\ncandidates:")
		if len(d.AddedCandidates) > 0 {
			fmt.Fprintf(w, " added %s;", strings.Join(d.AddedCandidates, ", "))
		}
		if len(d.RemovedCandidates) > 0 {
			fmt.Fprintf(w, " removed %s;", strings.Join(d.RemovedCandidates, ", "))
		}
		for _, from := range slices.Sorted(maps.Keys(d.Renamed)) {
			fmt.Fprintf(w, " %s is now %s;", from, d.Renamed[from])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nfiles: %d added, %d removed\n", d.FilesAdded, d.FilesRemoved)
	fmt.Fprintf(w, "\n  %-20s %10s %10s %10s\n", "SCORE", "A", "B", "CHANGE")
	for _, c := range d.Scores {
		fmt.Fprintf(w, "  %-20s %10s %10s %10s %s\n", c.Name, fmtScore(c.A), fmtScore(c.B), signed(c.Delta), scoreChangeNote(c))
	}
	for _, cc := range d.CandidateScores {
		var parts []string
		for _, c := range cc.Scores {
			parts = append(parts, fmt.Sprintf("%s %s → %s", c.Name, fmtScore(c.A), fmtScore(c.B)))
		}
		fmt.Fprintf(w, "  %s: %s\n", cc.Candidate, strings.Join(parts, ", "))
	}
	return nil
}

// signed writes a change with its sign and all its (four) decimals, so
// that a small change does not print as 0.000.
func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if v > 0 {
		return "+" + s
	}
	return s
}

// diffMarkdown writes the diff for a pull request comment.
func diffMarkdown(w io.Writer, d *history.Diff) error {
	esc := func(s string) string {
		return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "'").Replace(s)
	}
	fmt.Fprintf(w, "### seams: coupling between candidates\n\n%s → %s\n\n", esc(d.A.Label), esc(d.B.Label))
	if d.Empty() {
		fmt.Fprintf(w, "No dependency between candidates added or removed, no table newly shared, no cycle created or broken, no file moved.\n\n")
	}
	if len(d.AddedDeps) > 0 {
		fmt.Fprintf(w, "**Dependencies added between candidates (%d)**\n\n| from | to | weight | where |\n| --- | --- | ---: | --- |\n", len(d.AddedDeps))
		for _, e := range d.AddedDeps {
			var at []string
			for _, x := range e.Examples {
				at = append(at, "`"+strings.ReplaceAll(x.At, "`", "'")+"`")
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", esc(e.From), esc(e.To), fmtScore(e.Weight), strings.Join(at, "<br>"))
		}
		fmt.Fprintln(w)
	}
	if len(d.RemovedDeps) > 0 {
		fmt.Fprintf(w, "**Dependencies removed (%d):** ", len(d.RemovedDeps))
		var parts []string
		for _, e := range d.RemovedDeps {
			parts = append(parts, esc(e.From)+" → "+esc(e.To))
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(parts, ", "))
	}
	list := func(title string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(w, "**%s (%d):** %s\n\n", title, len(items), strings.Join(items, "; "))
		}
	}
	var shared, unshared, created, broken []string
	for _, t := range d.NewlyShared {
		shared = append(shared, esc(tableLine(t)))
	}
	for _, t := range d.NoLongerShared {
		unshared = append(unshared, esc(tableLine(t)))
	}
	for _, c := range d.NewCycles {
		created = append(created, esc(cycleLine(c)))
	}
	for _, c := range d.BrokenCycles {
		broken = append(broken, esc(cycleLine(c)))
	}
	list("Tables that became shared", shared)
	list("Tables no longer shared", unshared)
	list("Cycles created", created)
	list("Cycles broken", broken)
	if len(d.Moved) > 0 {
		fmt.Fprintf(w, "<details><summary>%d files moved to another candidate</summary>\n\n", len(d.Moved))
		for _, m := range d.Moved {
			fmt.Fprintf(w, "- `%s`: %s → %s\n", strings.ReplaceAll(m.Path, "`", "'"), esc(m.From), esc(m.To))
		}
		fmt.Fprintf(w, "\n</details>\n\n")
	}
	fmt.Fprintf(w, "| score | before | after | change |\n| --- | ---: | ---: | --- |\n")
	for _, c := range d.Scores {
		mark := ""
		switch {
		case c.Better:
			mark = " ✅"
		case c.Worse:
			mark = " ⚠️"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s%s |\n", c.Name, fmtScore(c.A), fmtScore(c.B), signed(c.Delta), mark)
	}
	return nil
}
