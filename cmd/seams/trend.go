package main

// This file holds seams trend, and what the history commands (trend,
// diff, check) and analyze share: the history store's address and the
// recording of a snapshot, the fact cache, and the analysis of a past
// commit read from git's object store.

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/config"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/history"
	"github.com/seams-dev/seams/history/factcache"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// ---- The history store ----

// storeFlag is the --store flag of the commands that use the history
// store.
func storeFlag(f *pflag.FlagSet, p *string) {
	f.StringVar(p, "store", "", "history store: an SQLite file, or postgres://user:password@host/db (default: $SEAMS_STORE, seams.yaml's store, else history.db in the per-user data directory)")
}

// configuredStore returns the store seams.yaml names, and the directory
// it is relative to.
func configuredStore(s *settings) (addr, dir string) {
	if s == nil || s.config == "" {
		return "", ""
	}
	cfg, found, err := config.Load(filepath.Dir(s.config), filepath.Base(s.config))
	if err != nil || !found {
		return "", ""
	}
	return cfg.Store, filepath.Dir(s.config)
}

// openStore opens the history store the flag, $SEAMS_STORE or seams.yaml
// name.
func openStore(ctx context.Context, flag string, s *settings) (*history.Store, error) {
	configured, dir := configuredStore(s)
	addr, from, err := history.Address(flag, configured, dir)
	if err != nil {
		return nil, fail.New(fail.Operator, fmt.Errorf("no place for the history store: %w", err), "pass one with --store or SEAMS_STORE")
	}
	st, err := history.Open(ctx, addr)
	if err != nil {
		if from != "default" && fail.KindOf(err) == fail.Fatal {
			err = fail.New(fail.User, err, "check the store given by "+from)
		}
		return nil, err
	}
	return st, nil
}

// historyOptions are analyze's flags for recording a snapshot.
type historyOptions struct {
	store     string
	noHistory bool
}

func (h *historyOptions) register(f *pflag.FlagSet) {
	storeFlag(f, &h.store)
	f.BoolVar(&h.noHistory, "no-history", false, "do not record a snapshot in the history store")
}

// recordSnapshot records the outcome of an analysis in the history
// store. The report is the product: a store that fails costs a warning,
// never the analysis.
func recordSnapshot(ctx context.Context, errw io.Writer, prog *progress, h historyOptions, s *settings, o *outcome) {
	if h.noHistory {
		return
	}
	err := func() error {
		id := ""
		if s.cache != nil {
			id = s.cache.repoID
		}
		if id == "" {
			root, err := filepath.Abs(s.path)
			if err != nil {
				return err
			}
			if id, err = history.Identity(ctx, root); err != nil {
				return err
			}
		}
		st, err := openStore(ctx, h.store, s)
		if err != nil {
			return err
		}
		defer st.Close()
		_, err = st.Put(ctx, o.snapshot(id))
		return err
	}()
	if err != nil && ctx.Err() == nil {
		prog.done()
		fmt.Fprintf(errw, "seams: warning: no snapshot recorded in the history store (the report is written without it) [%s]: %v\n  next: %s (or pass --no-history)\n",
			fail.KindOf(err), err, fail.NextOf(err))
	}
}

// repository describes the analysed directory: its name, and HEAD's
// commit and date when it is a git work tree.
func repository(l *repo.Listing) result.Repository {
	return result.Repository{Name: filepath.Base(l.Root), Commit: l.Commit, Git: l.Git,
		Date: rfc3339(l.CommitTime)}
}

// rfc3339 formats a commit time, or gives "" for none.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// commitTime returns a commit's committer time; zero when unknown.
func commitTime(ctx context.Context, root, commit string) time.Time {
	if commit == "" {
		return time.Time{}
	}
	out, err := repo.RunGit(ctx, root, "show", "-s", "--no-show-signature", "--format=%ct", commit)
	if err != nil {
		return time.Time{}
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// ---- The fact cache ----

// analysisCache is what an analysis keeps between runs (package
// factcache): the facts of every file by content, the hash of every file
// by its metadata, and the last result with a key over all its inputs,
// reused when nothing changed (reuse.go). Every method is safe on a nil
// cache, and a cache that cannot be read or written only costs time.
type analysisCache struct {
	repoID string
	dir    string           // the cache directory; "" when the cache is off
	facts  *factcache.Facts // opened when the files are parsed
	table  *factcache.Sums
	sums   map[string][32]byte
	// key is the hash of everything the result depends on; "" when some
	// file could not be hashed.
	key string
	// resultPath holds the last result, snapshotPath its snapshot (see
	// reuse.go).
	resultPath, snapshotPath string
}

// openAnalysisCache opens the caches of the listed checkout and hashes
// its files (reading only those whose metadata changed). id is the
// repository's identity (history.Identity), "" when it is unknown: the
// cache is then off.
func openAnalysisCache(ctx context.Context, s *settings, l *repo.Listing, id string) *analysisCache {
	c := &analysisCache{}
	s.cache = c
	if id == "" {
		return c
	}
	c.repoID = id
	dir, ok := factcache.Dir()
	if !ok {
		return c
	}
	c.dir = dir
	c.table = factcache.OpenSums(filepath.Join(dir, "sums", hashName(l.Root)+".bin"))
	paths := make([]string, len(l.Files))
	for i, f := range l.Files {
		paths[i] = f.Path
	}
	// The files were examined by the listing a moment ago: what Lstat said
	// then is used.
	sums, err := c.table.ComputeStat(ctx, l.Root, paths, l.FileInfo, s.parse.Jobs)
	if err != nil {
		return c
	}
	c.sums = sums
	if len(c.sums) == len(paths) {
		c.key = resultKey(s, l, c.sums)
		c.resultPath = filepath.Join(dir, "results", hashName(l.Root)+".json")
		c.snapshotPath = filepath.Join(dir, "results", hashName(l.Root)+".snap")
	}
	return c
}

func hashName(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// configure makes the parsers use the cache.
func (c *analysisCache) configure(o *parsers.Options) {
	if c == nil || c.dir == "" || c.sums == nil {
		return
	}
	c.facts, _ = factcache.OpenFacts(filepath.Join(c.dir, "facts", hashName(c.repoID)+".bin"))
	o.Cache = c.facts
	sums := c.sums
	o.Sums = func(p string) ([32]byte, bool) {
		s, ok := sums[p]
		return s, ok
	}
}

// binaryID identifies the running seams: its version, and its
// executable's size and time.
func binaryID() string {
	id := fmt.Sprintf("seams %s\n", version)
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf("binary %d %d\n", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return id
}

// resultKey hashes what a result depends on: the seams binary, the
// settings, the listing and every file's content. A setting that cannot
// be written out gives a key nothing matches.
func resultKey(s *settings, l *repo.Listing, sums map[string][32]byte) string {
	h := sha256.New()
	h.Write([]byte(binaryID()))
	walk := s.walk
	walk.Match = nil
	a := s.analysis
	history := a.History != nil || a.Layers.Evolution > 0 || a.Layers.People > 0
	a.History = nil
	// The path rules are printed (Match, a function, is the same in every
	// run of one binary); the analysis options are marshalled, so that a
	// field added to them is part of the key (and one that cannot be
	// marshalled turns reuse off).
	fmt.Fprintf(h, "walk %+v\nkeep-generated %v\nconfig %q\n", walk, s.parse.KeepGenerated, s.config)
	settings, err := json.Marshal(a)
	if err != nil {
		return ""
	}
	h.Write(settings)
	if s.config != "" {
		data, err := os.ReadFile(s.config)
		if err != nil {
			return ""
		}
		h.Write(data)
	}
	if history {
		fmt.Fprintf(h, "\ncommit %s\n", l.Commit) // the history layers read git log
	}
	fmt.Fprintf(h, "\ngit %v\n", l.Git)
	for _, sk := range l.Skipped {
		fmt.Fprintf(h, "skip %q %s\n", sk.Path, sk.Reason)
	}
	for _, w := range l.Warnings {
		fmt.Fprintf(h, "warning %q\n", w)
	}
	var line []byte
	for _, f := range l.Files {
		// "file %q %x\n", without fmt: a checkout has many files.
		sum := sums[f.Path]
		line = strconv.AppendQuote(append(line[:0], "file "...), f.Path)
		line = hex.AppendEncode(append(line, ' '), sum[:])
		h.Write(append(line, '\n'))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// save writes the caches back, and the result and its snapshot for
// reuse when keep.
func (c *analysisCache) save(res *result.Result, keep bool) {
	if c == nil {
		return
	}
	if c.facts != nil {
		_ = c.facts.Save()
	}
	if c.table != nil {
		_ = c.table.Save()
	}
	if !keep || c.key == "" || res == nil {
		return
	}
	c.saveResult(res)
}

// writeFileAtomic writes data to name through a temporary file in its
// directory, so that name always holds a whole file.
func writeFileAtomic(name string, data []byte) error {
	return writeAtomic(name, func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic is writeFileAtomic for data written as it is made, without
// holding the whole file in memory.
func writeAtomic(name string, write func(w *bufio.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// ---- Past commits, from git's object store ----

// commitAnalyzer analyses past commits of a repository from git's object
// store, without a work tree: the files of a commit are listed from its
// tree, the path rules of the analysis applied to them, and only blobs
// not seen before are read and parsed (through the fact cache, so a blob
// parsed by an earlier run is not parsed again).
type commitAnalyzer struct {
	s      *settings
	root   string
	repoID string
	objs   *history.Objects
	facts  *factcache.Facts
	// blobs memoises each blob's facts (nil: skipped) and diagnostics.
	blobs map[string]blobFacts
	// copies memoises the facts of a blob at another path than the first.
	copies map[[2]string]*facts.File
	// inc resolves again only what changed from one commit to the next.
	inc history.Incremental
	// times are the commit times already read (from the log a backfill
	// picks its commits from), so that no git process is started for
	// each.
	times map[string]time.Time
}

type blobFacts struct {
	f     *facts.File
	diags []facts.Diagnostic
}

// commitGraph is the graph of one commit.
type commitGraph struct {
	commit string
	time   time.Time
	g      *graph.Graph
	// key identifies the commit's analysed files (paths and blobs): two
	// commits with the same key give the same graph.
	key string
}

func newCommitAnalyzer(ctx context.Context, s *settings, root string) (*commitAnalyzer, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	objs, err := history.OpenObjects(ctx, abs, func(name string) bool { return parsers.IsSource(name) })
	if err != nil {
		return nil, gitError(err, abs)
	}
	a := &commitAnalyzer{s: s, root: abs, objs: objs, blobs: map[string]blobFacts{}, copies: map[[2]string]*facts.File{}}
	if a.repoID, err = history.Identity(ctx, abs); err != nil {
		objs.Close()
		return nil, err
	}
	if dir, ok := factcache.Dir(); ok {
		a.facts, _ = factcache.OpenFacts(filepath.Join(dir, "facts", hashName(a.repoID)+".bin"))
	}
	return a, nil
}

// gitError classifies a failure to read a repository's history.
func gitError(err error, root string) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || fail.KindOf(err) != fail.Fatal {
		return err
	}
	if strings.Contains(err.Error(), "not installed") {
		return fail.New(fail.Operator, err, "install git")
	}
	return fail.New(fail.User, fmt.Errorf("reading the git history of %s: %w", root, err), "run it in a git repository with commits, or pass its path")
}

func (a *commitAnalyzer) close() {
	a.objs.Close()
	if a.facts != nil {
		_ = a.facts.Save()
	}
}

// resolve turns a revision into a full commit hash.
func (a *commitAnalyzer) resolve(ctx context.Context, rev string) (string, error) {
	return resolveCommit(ctx, a.root, rev)
}

func resolveCommit(ctx context.Context, root, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fail.Userf("pass a commit, a branch or a snapshot (@ID)", "%q is not a revision", rev)
	}
	out, err := repo.RunGit(ctx, root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fail.Userf("pass a commit, a branch, HEAD~N or a snapshot (@ID); seams trend lists the snapshots",
			"%s names no commit of the repository at %s", rev, root)
	}
	return strings.TrimSpace(string(out)), nil
}

// graph builds the graph of a commit.
func (a *commitAnalyzer) graph(ctx context.Context, commit string) (*commitGraph, error) {
	tree, err := a.objs.Files(commit)
	if err != nil {
		return nil, gitError(err, a.root)
	}
	var listed []repo.File
	blobOf := map[string]string{}
	for _, f := range tree {
		if f.Mode == "120000" || f.Mode == "160000" {
			continue // symbolic links and submodules are never followed
		}
		listed = append(listed, repo.File{Path: f.Path})
		blobOf[f.Path] = f.Blob
	}
	walk := a.s.walk
	maxSize := walk.MaxFileSize
	walk.MaxFileSize = -1 // sizes are checked as blobs are read
	kept, _, err := repo.FilterTree(listed, walk)
	if err != nil {
		return nil, fail.New(fail.User, err, "check the --include/--exclude patterns")
	}
	if maxSize == 0 {
		maxSize = 1 << 20
	}
	// Read and parse the blobs not seen yet.
	var inputs []parsers.Input
	pending := map[string]string{} // path -> blob
	queued := map[string]bool{}    // blobs in inputs: the same content at two paths is parsed once
	for _, f := range kept {
		blob := blobOf[f.Path]
		if _, ok := a.blobs[blob]; ok || queued[blob] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		_, data, err := a.objs.Read(blob)
		if err != nil {
			return nil, gitError(err, a.root)
		}
		if maxSize > 0 && int64(len(data)) > maxSize {
			a.blobs[blob] = blobFacts{}
			continue
		}
		inputs = append(inputs, parsers.Input{Path: f.Path, Src: data})
		pending[f.Path] = blob
		queued[blob] = true
	}
	if len(inputs) > 0 {
		popts := a.s.parse
		popts.Progress = nil
		if a.facts != nil {
			popts.Cache = a.facts
		}
		parsed, err := parsers.ParseContents(ctx, inputs, popts)
		if err != nil {
			return nil, err
		}
		got := map[string]*facts.File{}
		for _, f := range parsed.Files {
			got[f.Path] = f
		}
		diags := map[string][]facts.Diagnostic{}
		for _, d := range parsed.Diagnostics {
			diags[d.Path] = append(diags[d.Path], d)
		}
		for _, in := range inputs {
			a.blobs[pending[in.Path]] = blobFacts{f: got[in.Path], diags: diags[in.Path]}
		}
	}
	// The commit's facts, in path order.
	h := sha256.New()
	var files []*facts.File
	for _, f := range kept {
		blob := blobOf[f.Path]
		bf := a.blobs[blob]
		if bf.f == nil {
			continue
		}
		fmt.Fprintf(h, "%s %s\n", f.Path, blob)
		ff := bf.f
		if ff.Path != f.Path {
			k := [2]string{blob, f.Path}
			if c, ok := a.copies[k]; ok {
				ff = c
			} else {
				c := *ff
				c.Path = f.Path
				ff = &c
				a.copies[k] = ff
			}
		}
		files = append(files, ff)
	}
	g, err := a.inc.Build(ctx, files, a.s.parse.Jobs)
	if err != nil {
		return nil, err
	}
	t, ok := a.times[commit]
	if !ok {
		t = commitTime(ctx, a.root, commit)
	}
	return &commitGraph{commit: commit, time: t, g: g, key: hex.EncodeToString(h.Sum(nil))}, nil
}

// analyze clusters a commit's graph as seams analyze would (without the
// git history layers: the history of a past commit is not read).
func (a *commitAnalyzer) analyze(ctx context.Context, cg *commitGraph) (*history.Snapshot, *result.Result, error) {
	opts := a.s.analysis
	opts.History = nil
	res, err := analyzer.Analyze(ctx, cg.g, opts)
	if err != nil {
		return nil, nil, err
	}
	res.Tool = result.Tool{Name: "seams", Version: version}
	res.Repository = result.Repository{Name: filepath.Base(a.root), Commit: cg.commit, Git: true, Date: rfc3339(cg.time)}
	res.Settings.Tests = a.s.walk.Tests
	snap := history.FromResult(res, a.repoID, cg.time, history.SourceBackfill)
	return snap, res, nil
}

// fixed scores a commit's graph with the candidates of a reference
// analysis held fixed.
func (a *commitAnalyzer) fixed(cg *commitGraph, ref *partition) *history.Snapshot {
	snap := history.Score(cg.g, ref.assign(cg.g), a.s.analysis.Weights)
	snap.Repo, snap.RepoName = a.repoID, filepath.Base(a.root)
	snap.Commit, snap.CommitTime = cg.commit, cg.time
	snap.Version, snap.Source = version, history.SourceBackfill
	snap.Partition = history.FixedPrefix + ref.commit
	snap.ConfigHash = ref.config
	for i := range snap.Candidates {
		if n, ok := ref.names[snap.Candidates[i].ID]; ok {
			snap.Candidates[i].Name = n
		}
	}
	return snap
}

// partition is the candidate set of a reference analysis, to hold fixed
// over other commits.
type partition struct {
	commit string
	config string
	of     map[string]string // path -> candidate ID; "" for a file in no candidate (the kernel)
	names  map[string]string // ID -> name
	// byPackage and byDir give a file the reference does not have the
	// candidate holding most of its package's (or, failing that, its
	// directory's) files in the reference.
	byPackage map[string]string
	byDir     map[string]string
}

// newPartition takes the candidates of a snapshot (and the packages of
// its graph, when known) as the reference.
func newPartition(snap *history.Snapshot, g *graph.Graph) *partition {
	p := &partition{commit: snap.Commit, config: snap.ConfigHash, of: map[string]string{}, names: map[string]string{},
		byPackage: map[string]string{}, byDir: map[string]string{}}
	for _, c := range snap.Candidates {
		p.names[c.ID] = c.Name
		for _, m := range c.Members {
			p.of[m] = c.ID
		}
	}
	pkgVotes := map[string]map[string]int{}
	dirVotes := map[string]map[string]int{}
	vote := func(m map[string]map[string]int, k, id string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][id]++
	}
	if g != nil {
		for _, f := range g.Files {
			if _, ok := p.of[f.Path]; !ok {
				p.of[f.Path] = "" // analysed, in no candidate
			}
			if id := p.of[f.Path]; id != "" {
				vote(pkgVotes, g.Packages[f.Package].Name, id)
			}
		}
	}
	for path, id := range p.of {
		if id != "" {
			vote(dirVotes, dirOf(path), id)
		}
	}
	majority := func(votes map[string]map[string]int, out map[string]string) {
		for k, m := range votes {
			best, bestN := "", 0
			for id, n := range m {
				if n > bestN || n == bestN && id < best {
					best, bestN = id, n
				}
			}
			out[k] = best
		}
	}
	majority(pkgVotes, p.byPackage)
	majority(dirVotes, p.byDir)
	return p
}

func dirOf(p string) string { return path.Dir(p) }

// assign returns the candidate of each file of a graph: its own in the
// reference, else its package's, else its nearest directory's.
func (p *partition) assign(g *graph.Graph) func(string) string {
	of := make(map[string]string, len(g.Files))
	for _, f := range g.Files {
		if id, ok := p.of[f.Path]; ok {
			of[f.Path] = id
			continue
		}
		if id, ok := p.byPackage[g.Packages[f.Package].Name]; ok {
			of[f.Path] = id
			continue
		}
		for d := dirOf(f.Path); ; d = dirOf(d) {
			if id, ok := p.byDir[d]; ok {
				of[f.Path] = id
				break
			}
			if d == "." || d == "/" {
				break
			}
		}
	}
	return func(path string) string { return of[path] }
}

// ---- seams trend ----

type trendOptions struct {
	io     streams
	flags  analysisFlags
	store  string
	format string
	scores []string

	backfill   bool
	since      string
	every      string
	limit      int
	recluster  bool
	cpuprofile string
}

func newTrendCmd(io streams) *cobra.Command {
	opts := &trendOptions{io: io}
	cmd := &cobra.Command{
		Use:   "trend [PATH]",
		Short: "Show coupling over time, from the history store; --backfill analyses past commits",
		Long: `Trend prints the series of the overall scores of the repository at PATH
(default: the current directory) from the history store: one point per
commit, oldest first, as a table with a sparkline per score, or as CSV or
JSON for other tools.

Every seams analyze records a snapshot. --backfill analyses past commits
too, from git's object store (no checkout; the work tree is not touched):
one commit per --every period (30d) or every N commits (50commits) since
--since, re-parsing only the files whose content changed. By default the
candidates of the newest commit's analysis are held fixed across history
(a file the newest commit lacks joins the candidate of most of its
package), so that the lines compare like with like; --recluster clusters
every commit afresh instead, and the candidates are matched between
snapshots by their members.

The series shown is the newest backfill's, or else the analyze snapshots;
snapshots taken with other settings than the newest are left out.`,
		Example: `  seams trend
  seams trend --backfill --since 2024-01-01 --every 30d ~/src/shop
  seams trend --backfill --every 1commits --limit 50 .
  seams trend --format csv --scores modularity,icp > coupling.csv`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			switch opts.format {
			case "text", "csv", "json":
			default:
				return &usageError{fmt.Errorf("--format must be text, csv or json, not %q", opts.format)}
			}
			if !opts.backfill && (cmd.Flags().Changed("since") || cmd.Flags().Changed("every") || cmd.Flags().Changed("limit") || opts.recluster) {
				return &usageError{errors.New("--since, --every, --limit and --recluster go with --backfill")}
			}
			s, err := opts.flags.resolve(cmd, path)
			if err != nil {
				return err
			}
			return runTrend(cmd.Context(), opts, s)
		},
	}
	f := cmd.Flags()
	opts.flags.register(f)
	storeFlag(f, &opts.store)
	f.StringVar(&opts.format, "format", "text", "output: text, csv or json")
	f.StringSliceVar(&opts.scores, "scores", []string{history.ScoreModularity, history.ScoreICP, history.ScoreCrossDependencies, history.ScoreCandidateCycles, history.ScoreSharedTables}, "the scores to show, comma-separated")
	f.BoolVar(&opts.backfill, "backfill", false, "analyse past commits from git and record their snapshots first")
	f.StringVar(&opts.since, "since", "", "with --backfill: the oldest commit date (YYYY-MM-DD; default: one year before the newest commit)")
	f.StringVar(&opts.every, "every", "30d", "with --backfill: one commit per period (30d, 2w) or every N commits (50commits)")
	f.IntVar(&opts.limit, "limit", 0, "with --backfill: at most this many commits, the newest")
	f.BoolVar(&opts.recluster, "recluster", false, "with --backfill: cluster every commit afresh instead of holding the newest commit's candidates fixed")
	f.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a Go CPU profile of the run to this file")
	_ = f.MarkHidden("cpuprofile")
	return cmd
}

func runTrend(ctx context.Context, opts *trendOptions, s *settings) error {
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
	root, err := filepath.Abs(s.path)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, opts.store, s)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := history.Identity(ctx, root)
	if err != nil {
		return err
	}
	partition := ""
	if opts.backfill {
		if partition, err = backfill(ctx, opts, s, st); err != nil {
			return err
		}
	}
	snaps, err := chooseSeries(ctx, st, id, partition)
	if err != nil {
		return err
	}
	series := history.NewSeries(id, seriesPartition(snaps), snaps, opts.scores)
	switch opts.format {
	case "json":
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(series)
	case "csv":
		return trendCSV(opts.io.Out, series)
	}
	return trendText(opts.io.Out, series, filepath.Base(root), st.Name())
}

// chooseSeries picks the snapshots to show: those of the given partition
// (a backfill just made), else the newest backfill's, else the analyze
// snapshots; one per commit (the newest recorded), with the settings of
// the newest.
func chooseSeries(ctx context.Context, st *history.Store, repoID, partition string) ([]*history.Snapshot, error) {
	all, err := st.List(ctx, history.Filter{Repo: repoID})
	if err != nil {
		return nil, err
	}
	if partition == "" {
		var newest *history.Snapshot
		for _, s := range all {
			if s.Source == history.SourceBackfill && (newest == nil || s.Recorded.After(newest.Recorded)) {
				newest = s
			}
		}
		if newest != nil {
			partition = newest.Partition
		} else {
			partition = history.Clustered
		}
	}
	var picked []*history.Snapshot
	for _, s := range all {
		if s.Partition == partition {
			picked = append(picked, s)
		}
	}
	if len(picked) == 0 {
		return nil, nil
	}
	config := slices.MaxFunc(picked, func(a, b *history.Snapshot) int { return a.Recorded.Compare(b.Recorded) }).ConfigHash
	byCommit := map[string]*history.Snapshot{}
	var out []*history.Snapshot
	for _, s := range picked {
		if s.ConfigHash != config {
			continue
		}
		key := s.Commit
		if key == "" {
			key = "@" + strconv.FormatInt(s.ID, 10) // no commit: every snapshot is a point
		}
		if prev, ok := byCommit[key]; ok {
			if s.Recorded.After(prev.Recorded) {
				*prev = *s
			}
			continue
		}
		c := *s
		byCommit[key] = &c
		out = append(out, &c)
	}
	slices.SortStableFunc(out, func(a, b *history.Snapshot) int {
		return cmp.Or(a.CommitTime.Compare(b.CommitTime), a.Recorded.Compare(b.Recorded))
	})
	return out, nil
}

func seriesPartition(snaps []*history.Snapshot) string {
	if len(snaps) == 0 {
		return ""
	}
	return snaps[0].Partition
}

// backfill analyses past commits and records them; it returns the
// partition of the snapshots it recorded.
func backfill(ctx context.Context, opts *trendOptions, s *settings, st *history.Store) (string, error) {
	a, err := newCommitAnalyzer(ctx, s, s.path)
	if err != nil {
		return "", err
	}
	defer a.close()
	commits, times, err := pickCommits(ctx, a.root, opts.since, opts.every, opts.limit)
	if err != nil {
		return "", err
	}
	a.times = times
	if len(commits) == 0 {
		return "", fail.Userf("choose an earlier --since", "no commit to backfill since %s", opts.since)
	}
	prog := newProgress(opts.io.Err, opts.io.Interactive)
	defer prog.done()
	prog.stage("backfilling")
	prog.update(0, len(commits))

	// The reference: the newest commit, clustered.
	newest, err := a.graph(ctx, commits[0])
	if err != nil {
		return "", err
	}
	refSnap, _, err := a.analyze(ctx, newest)
	if err != nil {
		return "", err
	}
	ref := newPartition(refSnap, newest.g)
	part := history.FixedPrefix + commits[0]
	if opts.recluster {
		part = history.Clustered
	}
	// Oldest first, so that snapshots are recorded in the order of
	// history (commits of one second are told apart by it). Each graph
	// builds on the one before it; scoring a graph and recording its
	// snapshot do not, so they run beside the next build.
	type scored struct {
		cg   *commitGraph
		same bool // the same files as the commit before it
	}
	work := make(chan scored, 1)
	recorded := make(chan error, 1)
	stopped := make(chan struct{}) // closed when recording failed
	go func() {
		var prevSnap *history.Snapshot
		var err error
		done := 0
		for w := range work {
			if err != nil {
				continue // drain until the builder sees stopped
			}
			var snap *history.Snapshot
			switch {
			case w.same && prevSnap != nil:
				// The same files as the commit before it: the same scores.
				cp := *prevSnap
				snap = &cp
				snap.ID, snap.Commit, snap.CommitTime, snap.Recorded = 0, w.cg.commit, w.cg.time, time.Time{}
			case opts.recluster:
				snap, _, err = a.analyze(ctx, w.cg)
			default:
				snap = a.fixed(w.cg, ref)
			}
			if err == nil {
				_, err = st.Put(ctx, snap)
			}
			if err != nil {
				close(stopped)
				continue
			}
			prevSnap = snap
			done++
			prog.update(done, len(commits))
		}
		recorded <- err
	}()
	var prev *commitGraph
	var buildErr error
	for i := range commits {
		c := commits[len(commits)-1-i]
		if buildErr = ctx.Err(); buildErr != nil {
			break
		}
		cg := newest
		if c != newest.commit {
			if cg, buildErr = a.graph(ctx, c); buildErr != nil {
				break
			}
		}
		select {
		case work <- scored{cg, prev != nil && prev.key == cg.key}:
		case <-stopped:
		}
		if isClosed(stopped) {
			break // the recorder's error is returned below
		}
		prev = cg
	}
	close(work)
	if err := <-recorded; err != nil {
		return "", err
	}
	if buildErr != nil {
		return "", buildErr
	}
	return part, nil
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// pickCommits lists the first-parent commits of HEAD since a date, the
// newest first, one per period or every N commits, with their commit
// times.
func pickCommits(ctx context.Context, root, since, every string, limit int) ([]string, map[string]time.Time, error) {
	period, step, err := parseEvery(every)
	if err != nil {
		return nil, nil, &usageError{err}
	}
	out, err := repo.RunGit(ctx, root, "log", "--first-parent", "--no-show-signature", "--format=%H %ct", "HEAD")
	if err != nil {
		return nil, nil, gitError(err, root)
	}
	type commit struct {
		hash string
		time time.Time
	}
	var all []commit
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		h, t, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		sec, _ := strconv.ParseInt(t, 10, 64)
		all = append(all, commit{h, time.Unix(sec, 0)})
	}
	if len(all) == 0 {
		return nil, nil, nil
	}
	from := all[0].time.AddDate(-1, 0, 0)
	if since != "" {
		if from, err = time.Parse("2006-01-02", since); err != nil {
			return nil, nil, &usageError{fmt.Errorf("--since: %q is not a date (YYYY-MM-DD)", since)}
		}
	}
	var picked []string
	times := map[string]time.Time{}
	var last time.Time
	for i, c := range all {
		if c.time.Before(from) {
			break
		}
		switch {
		case step > 0 && i%step != 0:
			continue
		case period > 0 && len(picked) > 0 && last.Sub(c.time) < period:
			continue
		}
		picked = append(picked, c.hash)
		times[c.hash] = c.time.UTC()
		last = c.time
		if limit > 0 && len(picked) == limit {
			break
		}
	}
	return picked, times, nil
}

// parseEvery reads "30d", "2w", "12h" or "50commits".
func parseEvery(s string) (period time.Duration, step int, err error) {
	bad := fmt.Errorf("--every: %q is not a period (30d, 2w) or a number of commits (50commits)", s)
	if n, ok := strings.CutSuffix(s, "commits"); ok {
		step, err = strconv.Atoi(n)
		if err != nil || step <= 0 {
			return 0, 0, bad
		}
		return 0, step, nil
	}
	if len(s) < 2 {
		return 0, 0, bad
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 {
		return 0, 0, bad
	}
	switch s[len(s)-1] {
	case 'h':
		return time.Duration(n) * time.Hour, 0, nil
	case 'd':
		return time.Duration(n) * 24 * time.Hour, 0, nil
	case 'w':
		return time.Duration(n) * 7 * 24 * time.Hour, 0, nil
	}
	return 0, 0, bad
}

func trendText(w io.Writer, s *history.Series, name, store string) error {
	if len(s.Points) == 0 {
		_, err := fmt.Fprintf(w, "%s: no snapshot in the history store %s yet: run seams analyze, or seams trend --backfill\n", name, store)
		return err
	}
	first, last := s.Points[0], s.Points[len(s.Points)-1]
	how := "each analysis' own candidates"
	if c, ok := strings.CutPrefix(s.Partition, history.FixedPrefix); ok {
		how = "the candidates of " + short(c) + " held fixed"
	}
	fmt.Fprintf(w, "%s: %s from %s to %s (%s)\n\n", name, plural(len(s.Points), "snapshot"), first.Time.UTC().Format("2006-01-02"), last.Time.UTC().Format("2006-01-02"), how)
	fmt.Fprintf(w, "  %-20s %10s %10s %10s %10s  %s\n", "SCORE", "FIRST", "LAST", "MIN", "MAX", "TREND (oldest to newest)")
	for _, n := range s.Names {
		vs := s.Values(n)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range vs {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if math.IsInf(lo, 1) {
			fmt.Fprintf(w, "  %-20s %10s %10s %10s %10s\n", n, "-", "-", "-", "-")
			continue
		}
		dir := "(higher is better)"
		if history.LowerIsBetter(n) {
			dir = "(lower is better)"
		}
		fmt.Fprintf(w, "  %-20s %10s %10s %10s %10s  %s %s\n", n, fmtScore(vs[0]), fmtScore(vs[len(vs)-1]), fmtScore(lo), fmtScore(hi), history.Sparkline(vs), dir)
	}
	fmt.Fprintf(w, "\n  %-10s %-12s", "DATE", "COMMIT")
	for _, n := range s.Names {
		fmt.Fprintf(w, " %*s", max(10, len(n)), n)
	}
	fmt.Fprintln(w)
	for _, p := range s.Points {
		commit := short(p.Commit)
		if commit == "" {
			commit = "@" + strconv.FormatInt(p.Snapshot, 10)
		}
		fmt.Fprintf(w, "  %-10s %-12s", p.Time.UTC().Format("2006-01-02"), commit)
		for _, n := range s.Names {
			v, ok := p.Scores[n]
			cell := "-"
			if ok {
				cell = fmtScore(v)
			}
			fmt.Fprintf(w, " %*s", max(10, len(n)), cell)
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "\nstore: %s\n", store)
	return err
}

func fmtScore(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func trendCSV(w io.Writer, s *history.Series) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"snapshot", "commit", "time"}, s.Names...))
	for _, p := range s.Points {
		row := []string{strconv.FormatInt(p.Snapshot, 10), p.Commit, p.Time.UTC().Format(time.RFC3339)}
		for _, n := range s.Names {
			if v, ok := p.Scores[n]; ok {
				row = append(row, strconv.FormatFloat(v, 'f', -1, 64))
			} else {
				row = append(row, "")
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// trendOf returns the scores of the repository's snapshots in the
// history store, oldest first, for the report's trend charts; nothing
// when history is off or the store cannot be read (the report then
// leaves the charts out, and seams trend says why).
func trendOf(ctx context.Context, h historyOptions, s *settings) []result.TrendPoint {
	if h.noHistory {
		return nil
	}
	series, err := historySeries(ctx, h.store, s, history.ScoreNames)
	if err != nil {
		return nil
	}
	var out []result.TrendPoint
	for _, p := range series.Points {
		out = append(out, result.TrendPoint{Commit: p.Commit, Date: rfc3339(p.Time), Scores: history.ResultScores(p.Scores)})
	}
	return out
}

// historySeries returns the series seams trend would show for the
// repository of s, for the report's trend section: the newest backfill's
// points, else the analyze snapshots, one per commit.
func historySeries(ctx context.Context, store string, s *settings, scores []string) (*history.Series, error) {
	st, err := openStore(ctx, store, s)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	id := ""
	if s.cache != nil {
		id = s.cache.repoID // found while the files were listed
	}
	if id == "" {
		root, err := filepath.Abs(s.path)
		if err != nil {
			return nil, err
		}
		if id, err = history.Identity(ctx, root); err != nil {
			return nil, err
		}
	}
	snaps, err := chooseSeries(ctx, st, id, "")
	if err != nil {
		return nil, err
	}
	return history.NewSeries(id, seriesPartition(snaps), snaps, scores), nil
}
