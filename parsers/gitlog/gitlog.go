package gitlog

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/seams-dev/seams/repo"
)

// The defaults, used where Options leaves a field zero. The package
// documentation gives the reasons for each.
const (
	DefaultMaxCommits   = 10000
	DefaultMaxChangeset = 30
	DefaultMinShared    = 2
)

// ErrNoHistory is the error Read wraps when there is no history to read:
// git is missing, the root is not in a git work tree, git refuses the
// repository, there are no commits (yet, since Options.Since, or under
// the root), or the clone is too shallow to hold any. The analysis goes
// on without the evolution and people layers; the wrapped reason says
// why, for a warning.
var ErrNoHistory = errors.New("no git history")

// Options say which part of the history to read.
type Options struct {
	// Paths limits the result to these files: slash-separated paths
	// relative to the root, as they are now (history under a file's
	// former names counts toward its current one). Nil means every file
	// that exists at the newest commit read.
	Paths []string
	// Since ignores commits committed before it; zero means no limit.
	Since time.Time
	// MaxCommits is how many of the newest commits are read: 0 means
	// DefaultMaxCommits, a negative number no limit.
	MaxCommits int
	// MaxChangeset is the size above which a commit is left out of the
	// co-change model (code-maat's --max-changeset-size): its size is the
	// number of files it changes under the root, analysed or not. 0 or
	// less means DefaultMaxChangeset.
	MaxChangeset int
	// MinShared is the fewest commits two files must share to be
	// reported as a pair in History.CoChange; 0 or less means
	// DefaultMinShared.
	MinShared int
	// NoRenames turns off rename detection: faster, but the history of
	// a moved file before its move is lost.
	NoRenames bool
}

// History is what the history says about the files.
type History struct {
	// Commits is the number of commits read: not merges, changing at
	// least one file under the root.
	Commits int
	// Ignored is how many of them changed more than
	// Options.MaxChangeset files and were left out of co-change.
	Ignored int
	// Shallow reports a shallow clone: the history read stops where the
	// clone was cut, and its boundary commits are not counted.
	Shallow bool
	// First and Last are the commit times of the oldest and newest
	// commit read.
	First, Last time.Time
	// Files are the files changed by the commits read, sorted by path.
	Files []FileHistory
	// Authors are the people who wrote the commits read, most commits
	// first, then by email.
	Authors []Author
	// CoChange are the pairs of files changed together in at least
	// Options.MinShared commits, sorted by A then B.
	CoChange []Pair
}

// FileHistory is the history of one file.
type FileHistory struct {
	Path string // relative to the root, slash-separated
	// Revisions is the number of commits that changed the file.
	Revisions int
	// CoRevisions counts, of those, the commits not ignored as too large:
	// the denominator of Pair.Degree.
	CoRevisions int
	// SumOfCoupling is code-maat's sum of coupling: over the commits not
	// ignored, the number of other analysed files changed with this one.
	SumOfCoupling int
	// Authors say who changed the file, most commits first, then by
	// email: the file's row of the file×author matrix.
	Authors []AuthorShare
	// FirstChange and LastChange are the commit times of the oldest and
	// newest commit that changed the file.
	FirstChange, LastChange time.Time
}

// AuthorShare is one person's part in a file's history.
type AuthorShare struct {
	Name  string // as the person's newest commit gives it, after .mailmap
	Email string // lower-cased, after .mailmap: the person's identity (the name is, for commits without an email)
	// Commits is the number of the file's revisions the person authored,
	// and Share that number over the file's revisions.
	Commits int
	Share   float64
}

// identity is what tells people apart: the email, or the name for a
// commit without one.
func (a AuthorShare) identity() string {
	if a.Email != "" {
		return a.Email
	}
	return "\x00" + a.Name
}

// Author is one person in the history.
type Author struct {
	Name    string
	Email   string
	Commits int
}

// Pair is two files changed together.
type Pair struct {
	A, B string // A < B
	// Shared is the number of commits, not ignored as too large, that
	// changed both.
	Shared int
	// Degree is code-maat's degree of coupling, in percent: Shared over
	// the mean of the two files' CoRevisions.
	Degree float64
}

// File returns the history of the file at path, or nil when the history
// read has none.
func (h *History) File(path string) *FileHistory {
	i, ok := slices.BinarySearchFunc(h.Files, path, func(f FileHistory, p string) int {
		return strings.Compare(f.Path, p)
	})
	if !ok {
		return nil
	}
	return &h.Files[i]
}

// AuthorSimilarity is the cosine similarity of two files' author
// vectors, each counting the commits of every author to the file: 1 when
// the same people changed both in the same proportions, 0 when nobody
// changed both or either file has no history.
func (h *History) AuthorSimilarity(a, b string) float64 {
	fa, fb := h.File(a), h.File(b)
	if fa == nil || fb == nil {
		return 0
	}
	return cosine(fa.Authors, fb.Authors)
}

func cosine(a, b []AuthorShare) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	// Few authors: compare every two. Many: look the shorter list up.
	var inA map[string]int
	if len(a)*len(b) > 256 {
		inA = make(map[string]int, len(a))
		for _, x := range a {
			inA[x.identity()] = x.Commits
		}
	}
	var dot, na, nb float64
	for _, x := range a {
		na += float64(x.Commits) * float64(x.Commits)
	}
	for _, y := range b {
		nb += float64(y.Commits) * float64(y.Commits)
		if inA != nil {
			dot += float64(inA[y.identity()]) * float64(y.Commits)
			continue
		}
		for _, x := range a {
			if x.Email == y.Email && (x.Email != "" || x.Name == y.Name) {
				dot += float64(x.Commits) * float64(y.Commits)
				break
			}
		}
	}
	if dot == 0 {
		return 0
	}
	return min(dot/math.Sqrt(na*nb), 1)
}

// Read reads the history of the repository whose work tree holds root,
// as seen from root: the paths are relative to it, and only changes
// under it count. It runs one git log, with the same hardening as
// package repo uses for untrusted repositories.
//
// The history is never nil. When there is no history to read, the error
// wraps ErrNoHistory and the reason. The only other error is the
// context's, when it is done.
func Read(ctx context.Context, root string, opts Options) (*History, error) {
	if err := ctx.Err(); err != nil {
		return &History{}, err
	}
	out, err := repo.RunGit(ctx, root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
	if err != nil {
		return noHistory(ctx, err)
	}
	lines := strings.SplitN(string(out), "\n", 3)
	if len(lines) < 3 || lines[0] != "true" {
		return noHistory(ctx, errors.New("not inside a git work tree"))
	}
	shallow := lines[1] == "true"
	sub := strings.TrimSuffix(lines[2], "\n") != ""

	a := newAggregator(opts, shallow)
	err = repo.StreamGit(ctx, root, a.read, logArgs(opts, sub)...)
	if err != nil {
		if strings.Contains(err.Error(), "does not have any commits yet") {
			err = errors.New("the repository has no commits yet")
		}
		return noHistory(ctx, err)
	}
	h := a.history()
	if h.Commits == 0 {
		var why string
		switch {
		case shallow:
			why = "the shallow clone holds no commit beyond its boundary; fetch the history with git fetch --unshallow"
		case !opts.Since.IsZero():
			why = "no commit changed a file under the root since " + opts.Since.Format(time.DateOnly)
		default:
			why = "no commit changed a file under the root"
		}
		return noHistory(ctx, errors.New(why))
	}
	return h, nil
}

func noHistory(ctx context.Context, err error) (*History, error) {
	if ctx.Err() != nil {
		return &History{}, ctx.Err()
	}
	return &History{}, fmt.Errorf("%w: %w", ErrNoHistory, err)
}

// logArgs is the git log command line. Every option that the
// repository's configuration could change is given explicitly, and
// those that could run a program (external diff, textconv filters,
// signature verification) are turned off.
func logArgs(opts Options, sub bool) []string {
	args := []string{
		"log",
		"--no-merges",
		"-z",
		"--format=" + headerFormat,
		"--name-status",
		"--root",
		"--no-ext-diff", "--no-textconv", "--no-show-signature", "--no-notes",
		"--no-color", "--no-follow", "--encoding=UTF-8",
	}
	if opts.NoRenames {
		args = append(args, "--no-renames")
	} else {
		// Git's default similarity (50%) and rename limit, stated so
		// that the configuration cannot change them.
		args = append(args, "--find-renames", "-l1000")
	}
	maxCommits := opts.MaxCommits
	if maxCommits == 0 {
		maxCommits = DefaultMaxCommits
	}
	if maxCommits > 0 {
		args = append(args, "--max-count="+strconv.Itoa(maxCommits))
	}
	if !opts.Since.IsZero() {
		args = append(args, "--since=@"+strconv.FormatInt(opts.Since.Unix(), 10))
	}
	// Paths relative to the root (at the top, a no-op that overrides
	// diff.relative).
	args = append(args, "--relative")
	if sub {
		// Only the commits that change something under the root: all of
		// them, as at the top, without the pruning of side branches that
		// a pathspec otherwise brings.
		args = append(args, "--full-history", "--", ".")
	}
	return args
}
