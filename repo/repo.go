package repo

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

// Options controls which files List returns. The zero value lists every
// file except the default-skipped trees, tests, minified files and files
// over 1 MiB.
type Options struct {
	// Match reports whether a repository-relative, slash-separated path
	// is a source file the caller wants (by name or extension). nil means
	// every file. It is called from one goroutine at a time.
	Match func(path string) bool
	// Exclude holds extra patterns to skip. A pattern is a slash path
	// anchored at the root in which "*", "?" and "[...]" match within one
	// segment (as in path.Match) and a "**" segment matches any number of
	// segments; it selects the paths it matches and everything inside
	// them: "legacy", "legacy/**", "**/*_pb.java".
	Exclude []string
	// Include holds patterns, written like Exclude, that force a path in
	// even when a default rule (vendored, build output, generated,
	// tooling, test, minified) would skip it: "build/**",
	// "vendor/acme/**". Include never overrides Exclude, Match, the size
	// limit, or the symlink and non-regular file rules.
	Include []string
	// NoDefaultExcludes turns off the default rules for vendored, build
	// output, generated and tooling trees and for minified files. The
	// test rules are governed by Tests alone.
	NoDefaultExcludes bool
	// Tests includes test trees and test files, which are skipped by
	// default.
	Tests bool
	// MaxFileSize is the size in bytes above which a file is skipped.
	// 0 means the default, 1 MiB; a negative value means no limit.
	MaxFileSize int64
}

// File is a file to analyse.
type File struct {
	Path string // repository-relative, slash-separated, never starting with "./"
	Size int64
}

// Skip is a path left out, and why. A Path ending in "/" is a directory
// skipped whole.
type Skip struct {
	Path   string
	Reason Reason
}

// Listing is the outcome of List.
type Listing struct {
	Root   string // absolute, cleaned
	Git    bool   // the list came from git
	Commit string // the HEAD commit when Git and there is one, else ""
	// CommitTime is the committer time of Commit, in UTC; zero when
	// there is no commit.
	CommitTime time.Time
	Files      []File   // sorted by Path
	Skipped    []Skip   // sorted by Path, then Reason
	Warnings   []string // in the order they arose

	infos []fs.FileInfo // what Lstat said of Files[i]
}

// FileInfo returns what Lstat said of Files[i] when the listing was made,
// for a caller that keeps files by their metadata; nil when unknown.
func (l *Listing) FileInfo(i int) fs.FileInfo {
	if i < 0 || i >= len(l.infos) {
		return nil
	}
	return l.infos[i]
}

// List lists the files under root worth analysing. See the package
// documentation for the rules. The error is for a root that cannot be
// listed, an invalid pattern, or a cancelled context; problems with
// single files are recorded in Skipped.
func List(ctx context.Context, root string, opts Options) (*Listing, error) {
	r, err := newRules(opts)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve repository root %s: %w", root, err)
	}
	abs = filepath.Clean(abs)
	if err := checkRoot(abs); err != nil {
		return nil, err
	}

	l := &Listing{Root: abs}
	c := newCollector(r)
	var pre *prefetch
	gl, warning, err := listGit(ctx, abs, func(tracked []string) { pre = c.prefetch(ctx, abs, tracked) })
	if pre != nil {
		<-pre.done
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", abs, err)
	}
	var cands []string
	if gl != nil {
		l.Git, l.Commit, l.CommitTime = true, gl.commit, gl.commitTime
		var subs []string
		cands, subs, err = c.fromGit(ctx, abs, gl, pre)
		if len(gl.paths) == 0 && len(gl.submodules) == 0 {
			l.Warnings = append(l.Warnings, "git lists no files here: the repository is empty, or .gitignore excludes this directory")
		}
		if w := submoduleWarning(subs); w != "" {
			l.Warnings = append(l.Warnings, w)
		}
	} else {
		l.Warnings = append(l.Warnings, warning)
		cands, err = c.walk(ctx, abs)
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", abs, err)
	}
	if gl == nil {
		pre = nil // the tree was walked
	}
	if err := c.stat(ctx, abs, cands, pre); err != nil {
		return nil, fmt.Errorf("listing %s: %w", abs, err)
	}
	l.Files, l.infos, l.Skipped = c.result()
	return l, nil
}

// checkRoot makes sure root is a readable directory.
func checkRoot(root string) error {
	fi, err := os.Stat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("repository root %s does not exist (check the path): %w", root, err)
	case err != nil:
		return fmt.Errorf("cannot examine repository root %s (check its permissions): %w", root, err)
	case !fi.IsDir():
		return fmt.Errorf("repository root %s is not a directory: pass the directory of the checkout", root)
	}
	f, err := os.Open(root)
	if err == nil {
		_, err = f.ReadDir(1)
		f.Close()
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("cannot read repository root %s (check its permissions): %w", root, err)
	}
	return nil
}

// submoduleWarning names the submodules and nested repositories git does
// not list into.
func submoduleWarning(subs []string) string {
	if len(subs) == 0 {
		return ""
	}
	subs = slices.Clone(subs)
	slices.Sort(subs)
	const shown = 5
	names := strings.Join(subs[:min(len(subs), shown)], ", ")
	if len(subs) > shown {
		names += fmt.Sprintf(" and %d more", len(subs)-shown)
	}
	if len(subs) == 1 {
		return "1 submodule or nested repository is not listed (list it separately to include it): " + names
	}
	return fmt.Sprintf("%d submodules or nested repositories are not listed (list each separately to include them): %s", len(subs), names)
}

// collector accumulates the outcome of the path rules and of Lstat.
type collector struct {
	rules *rules
	skips map[string]Reason // by path; the first reason recorded wins
	files []statResult
}

func newCollector(r *rules) *collector {
	return &collector{rules: r, skips: make(map[string]Reason)}
}

func (c *collector) skip(s Skip) {
	if _, ok := c.skips[s.Path]; !ok {
		c.skips[s.Path] = s.Reason
	}
}

// decide applies the path rules to a file and reports whether it is a
// candidate, to be examined on disk.
func (c *collector) decide(p string) bool {
	d := c.rules.file(p)
	switch {
	case d.skipped && d.dir:
		c.skip(d.skip)
		return false
	case !c.rules.match(p):
		return false
	case d.skipped:
		c.skip(d.skip)
		return false
	}
	return true
}

// fromGit applies the rules to git's list and returns the candidates.
// The submodules it returns are those not inside a skipped tree. pre,
// when not nil, holds the directories examined already.
func (c *collector) fromGit(ctx context.Context, root string, gl *gitList, pre *prefetch) (cands, subs []string, err error) {
	for _, s := range gl.submodules {
		if d, prune := c.rules.dir(s); prune {
			c.skip(d.skip)
			continue
		}
		c.skip(Skip{Path: s + "/", Reason: ReasonSubmodule})
		subs = append(subs, s)
	}
	paths := slices.Clone(gl.paths)
	slices.Sort(paths)
	paths = slices.Compact(paths) // an unmerged file is listed once per stage
	dirs := newDirChecker(root)
	if pre != nil {
		dirs = pre.dirs
	}
	for i, p := range paths {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if _, ok := pre.known(p); ok {
			// A candidate already: the rules record nothing for it, and
			// the directories on its way are real.
			cands = append(cands, p)
			continue
		}
		if !c.decide(p) {
			continue
		}
		// Git lists the index; on disk a directory on the way may have
		// become a symlink. A path through one is as good as deleted.
		if !dirs.real(path.Dir(p)) {
			continue
		}
		cands = append(cands, p)
	}
	return cands, subs, nil
}

// dirChecker reports whether a directory under the root is a real
// directory all the way down, with no symlink on the way.
type dirChecker struct {
	root string
	ok   map[string]bool
}

func newDirChecker(root string) *dirChecker {
	return &dirChecker{root: root, ok: map[string]bool{".": true}}
}

func (d *dirChecker) real(dir string) bool {
	if ok, seen := d.ok[dir]; seen {
		return ok
	}
	ok := d.real(path.Dir(dir))
	if ok {
		fi, err := os.Lstat(filepath.Join(d.root, filepath.FromSlash(dir)))
		ok = err == nil && fi.IsDir()
	}
	d.ok[dir] = ok
	return ok
}

// walk walks the tree under root, never following symlinks, and returns
// the candidates.
func (c *collector) walk(ctx context.Context, root string) ([]string, error) {
	// WalkDir does not descend into a root that is a symlink.
	walkRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	var cands []string
	err = filepath.WalkDir(walkRoot, func(name string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if name == walkRoot {
			return err // unreadable root: checked already, but be safe
		}
		rel, relErr := filepath.Rel(walkRoot, name)
		if relErr != nil {
			return relErr
		}
		p := filepath.ToSlash(rel)
		if err != nil {
			if d != nil && d.IsDir() {
				c.skip(Skip{Path: p + "/", Reason: ReasonUnreadable})
				return fs.SkipDir
			}
			return nil // vanished since its directory was read
		}
		if d.IsDir() {
			if vcsDirs[d.Name()] {
				return fs.SkipDir
			}
			// A default-skipped directory that Include reaches into is
			// entered; its skip is recorded if one of its files is.
			if dec, prune := c.rules.dir(p); prune {
				c.skip(dec.skip)
				return fs.SkipDir
			}
			return nil
		}
		if c.decide(p) {
			cands = append(cands, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cands, nil
}

// statResult is what Lstat says about one candidate.
type statResult struct {
	file   File
	info   fs.FileInfo // of a file
	skip   Skip
	isFile bool
	isSkip bool
}

// stat examines the candidates on disk, in parallel, and records them as
// files or skips. A candidate that no longer exists is dropped silently.
// pre, when not nil, holds candidates examined already.
func (c *collector) stat(ctx context.Context, root string, cands []string, pre *prefetch) error {
	results := make([]statResult, len(cands))
	var todo []string
	var at []int
	for i, p := range cands {
		if r, ok := pre.known(p); ok {
			results[i] = r
		} else {
			todo, at = append(todo, p), append(at, i)
		}
	}
	found, err := c.statAll(ctx, root, todo)
	if err != nil {
		return err
	}
	for j, r := range found {
		results[at[j]] = r
	}
	for _, r := range results {
		switch {
		case r.isFile:
			c.files = append(c.files, r)
		case r.isSkip:
			c.skip(r.skip)
		}
	}
	return nil
}

// statAll examines paths on disk, in parallel.
func (c *collector) statAll(ctx context.Context, root string, paths []string) ([]statResult, error) {
	results := make([]statResult, len(paths))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	const chunk = 256
	for start := 0; start < len(paths); start += chunk {
		if gctx.Err() != nil {
			break
		}
		end := min(start+chunk, len(paths))
		g.Go(func() error {
			for i := start; i < end; i++ {
				if err := gctx.Err(); err != nil {
					return err
				}
				results[i] = c.statOne(root, paths[i])
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}

// prefetch is what List examines of the tracked files while git looks
// for the untracked ones (a walk of the whole tree, the slowest part of
// a listing): the directories on the way to the files the rules keep,
// and those files' Lstat. The collector then uses it instead of asking
// again; the rules decide and record as if nothing had been examined.
type prefetch struct {
	done  chan struct{} // closed when the rest is filled
	dirs  *dirChecker
	stats map[string]statResult
}

// known returns what Lstat said of a candidate examined already.
func (pre *prefetch) known(p string) (statResult, bool) {
	if pre == nil {
		return statResult{}, false
	}
	r, ok := pre.stats[p]
	return r, ok
}

// prefetch starts examining the tracked files. It calls the rules' Match
// from its own goroutine: the caller must not use the collector until
// done is closed.
func (c *collector) prefetch(ctx context.Context, root string, tracked []string) *prefetch {
	pre := &prefetch{done: make(chan struct{}), dirs: newDirChecker(root), stats: map[string]statResult{}}
	go func() {
		defer close(pre.done)
		var cands []string
		for i, p := range tracked {
			if i%256 == 0 && ctx.Err() != nil {
				return
			}
			if d := c.rules.file(p); d.skipped || !c.rules.match(p) || !pre.dirs.real(path.Dir(p)) {
				continue
			}
			cands = append(cands, p)
		}
		results, err := c.statAll(ctx, root, cands)
		if err != nil {
			return
		}
		for i, r := range results {
			pre.stats[cands[i]] = r
		}
	}()
	return pre
}

func (c *collector) statOne(root, p string) statResult {
	fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p)))
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return statResult{} // deleted, but still in the index
	case err != nil:
		return statResult{skip: Skip{Path: p, Reason: ReasonUnreadable}, isSkip: true}
	case fi.Mode()&fs.ModeSymlink != 0:
		return statResult{skip: Skip{Path: p, Reason: ReasonSymlink}, isSkip: true}
	case !fi.Mode().IsRegular():
		return statResult{skip: Skip{Path: p, Reason: ReasonNotRegular}, isSkip: true}
	case c.rules.maxSize >= 0 && fi.Size() > c.rules.maxSize:
		return statResult{skip: Skip{Path: p, Reason: ReasonTooLarge}, isSkip: true}
	}
	return statResult{file: File{Path: p, Size: fi.Size()}, info: fi, isFile: true}
}

// result returns the files, what Lstat said of each, and the skips,
// sorted.
func (c *collector) result() ([]File, []fs.FileInfo, []Skip) {
	found := slices.Clone(c.files)
	slices.SortFunc(found, func(a, b statResult) int {
		return cmp.Or(strings.Compare(a.file.Path, b.file.Path), cmp.Compare(a.file.Size, b.file.Size))
	})
	files := make([]File, len(found))
	infos := make([]fs.FileInfo, len(found))
	for i, r := range found {
		files[i], infos[i] = r.file, r.info
	}
	skips := make([]Skip, 0, len(c.skips))
	for p, r := range c.skips {
		skips = append(skips, Skip{Path: p, Reason: r})
	}
	slices.SortFunc(skips, func(a, b Skip) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(string(a.Reason), string(b.Reason)))
	})
	return files, infos, skips
}
