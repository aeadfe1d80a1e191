package repo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// gitList is what git says about the tree under the root.
type gitList struct {
	paths      []string // tracked and untracked-not-ignored files, relative to the root
	submodules []string // gitlinks and nested repositories, relative to the root
	commit     string
	commitTime time.Time
}

// parseHead reads "HASH SECONDS", git's answer for HEAD's commit and
// committer time. A time it cannot read stays zero.
func parseHead(out string) (commit string, t time.Time) {
	commit, secs, _ := strings.Cut(strings.TrimSpace(out), " ")
	if n, err := strconv.ParseInt(secs, 10, 64); err == nil {
		t = time.Unix(n, 0).UTC()
	}
	return commit, t
}

// gitSafety are the configuration overrides on every git command. The
// repository is untrusted: its configuration must not run anything
// (fsmonitor and hooks are the ways a read-only command can be made to),
// nor reach the network, nor turn an embedded bare repository into the
// one analysed.
var gitSafety = []string{
	"-c", "core.fsmonitor=false",
	"-c", "core.hooksPath=" + os.DevNull,
	"-c", "protocol.allow=never",
	"-c", "safe.bareRepository=explicit",
}

// gitLocationVars are inherited variables that would point git at some
// other repository than the one under the root.
var gitLocationVars = []string{
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
	"GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
	"GIT_NAMESPACE", "GIT_PREFIX",
}

// gitEnv is the environment git runs in: ours, minus the location
// variables, with prompts, optional locks and lazy fetches turned off and
// messages in English so that they can be recognised.
func gitEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		drop := name == "LC_ALL" || name == "LANGUAGE"
		for _, v := range gitLocationVars {
			drop = drop || name == v
		}
		if !drop {
			env = append(env, kv)
		}
	}
	return append(env,
		"GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0",
		"GIT_NO_LAZY_FETCH=1",
		"LC_ALL=C",
	)
}

// gitError is a git command that failed; msg is what it said.
type gitError struct {
	args []string
	msg  string
	err  error
}

func (e *gitError) Error() string {
	if e.msg != "" {
		return fmt.Sprintf("git %s: %s", e.args[0], e.msg)
	}
	return fmt.Sprintf("git %s: %v", e.args[0], e.err)
}

func (e *gitError) Unwrap() error { return e.err }

// gitCommand is git with args, hardened, to run in dir.
func gitCommand(ctx context.Context, gitPath, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, gitPath, append(append([]string(nil), gitSafety...), args...)...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// runGit runs git with args in dir and returns its standard output.
func runGit(ctx context.Context, gitPath, dir string, args ...string) ([]byte, error) {
	cmd := gitCommand(ctx, gitPath, dir, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &gitError{args: args, msg: firstLine(stderr.String()), err: err}
	}
	return stdout.Bytes(), nil
}

// RunGit runs git with args in dir, hardened as List runs it: the
// repository's configuration cannot make it run a program (fsmonitor,
// hooks) or reach the network, and variables such as GIT_DIR that would
// point git at another repository are ignored. Messages are in English.
// The hardening covers what every command shares; options particular to
// a subcommand (git log's --no-ext-diff, --no-textconv,
// --no-show-signature, ...) are the caller's to pass.
//
// It returns git's standard output. When git fails, the error names the
// subcommand (args[0]) and git's first line of explanation; when git is
// not installed, it wraps exec.ErrNotFound.
func RunGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	gitPath, err := lookGit()
	if err != nil {
		return nil, err
	}
	return runGit(ctx, gitPath, dir, args...)
}

// StreamGit runs git like RunGit but hands its standard output to read
// while git writes it, for output too large to hold. read should consume
// the reader to its end; what it leaves is discarded. When read returns
// an error, git is stopped and that error is returned. The error of a
// failed git, or the context's error once it is done, is returned
// otherwise.
func StreamGit(ctx context.Context, dir string, read func(io.Reader) error, args ...string) error {
	gitPath, err := lookGit()
	if err != nil {
		return err
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := gitCommand(runCtx, gitPath, dir, args...)
	stderr := &headBuffer{max: 64 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	if err := cmd.Start(); err != nil {
		return &gitError{args: args, err: err}
	}
	readErr := read(stdout)
	if readErr != nil {
		cancel()
	} else {
		_, readErr = io.Copy(io.Discard, stdout)
	}
	waitErr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case readErr != nil:
		return readErr
	case waitErr != nil:
		return &gitError{args: args, msg: firstLine(stderr.String()), err: waitErr}
	}
	return nil
}

func lookGit() (string, error) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		return "", fmt.Errorf("git is not installed: %w", err)
	}
	return gitPath, nil
}

// headBuffer keeps the first max bytes written to it and drops the rest.
type headBuffer struct {
	buf bytes.Buffer
	max int
}

func (b *headBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *headBuffer) String() string { return b.buf.String() }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "fatal: ")
	s = strings.TrimPrefix(s, "error: ")
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

var dubiousRE = regexp.MustCompile(`dubious ownership in repository at '([^']*)'`)

// listGit lists the root with git. A nil list with a nil error means git
// cannot be used; warning then says why and what to do. onTracked, when
// set, is handed the tracked files as soon as git has listed them, while
// it still looks for the untracked ones.
func listGit(ctx context.Context, root string, onTracked func(paths []string)) (list *gitList, warning string, err error) {
	const walked = "walked the directory tree; .gitignore is not applied"
	gitPath, lookErr := exec.LookPath("git")
	if lookErr != nil {
		if insideDotGit(root) {
			return nil, "git is not installed: " + walked + " (install git to respect it)", nil
		}
		return nil, "not a git repository: " + walked, nil
	}
	// The four questions are independent: ask them at once, and look at
	// the answer to the first before using the others (outside a work
	// tree the listings fail, harmlessly).
	var inside, others, head []byte
	var tracked, gitlinks []string
	var insideErr, trackedErr, othersErr, headErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		inside, insideErr = runGit(ctx, gitPath, root, "rev-parse", "--is-inside-work-tree")
	})
	wg.Go(func() {
		// Tracked files, with their modes to recognise submodules. The
		// paths are relative to the working directory, the root.
		var out []byte
		if out, trackedErr = runGit(ctx, gitPath, root, "ls-files", "-z", "--stage"); trackedErr != nil {
			return
		}
		for rec := range bytes.SplitSeq(out, []byte{0}) {
			// "<mode> <object> <stage>\t<path>"
			meta, p, ok := bytes.Cut(rec, []byte{'\t'})
			switch {
			case !ok:
			case bytes.HasPrefix(meta, []byte("160000 ")):
				gitlinks = append(gitlinks, string(p))
			default:
				tracked = append(tracked, string(p))
			}
		}
		if onTracked != nil {
			onTracked(tracked)
		}
	})
	wg.Go(func() {
		// Untracked files that .gitignore does not exclude. A nested
		// repository is listed as its directory, with a trailing slash.
		others, othersErr = runGit(ctx, gitPath, root, "ls-files", "-z", "--others", "--exclude-standard")
	})
	wg.Go(func() {
		// HEAD's commit and committer time; an error before the first
		// commit.
		head, headErr = runGit(ctx, gitPath, root, "show", "-s", "--no-show-signature", "--format=%H %ct", "HEAD^{commit}", "--")
	})
	wg.Wait()
	if insideErr != nil {
		if ctx.Err() != nil {
			return nil, "", ctx.Err()
		}
		return nil, gitWarning(insideErr, root, walked), nil
	}
	if strings.TrimSpace(string(inside)) != "true" {
		return nil, "not inside a git work tree: " + walked, nil
	}
	for _, err := range []error{trackedErr, othersErr} {
		if err != nil {
			if ctx.Err() != nil {
				return nil, "", ctx.Err()
			}
			return nil, gitWarning(err, root, walked), nil
		}
	}
	list = &gitList{paths: tracked, submodules: gitlinks}
	for rec := range bytes.SplitSeq(others, []byte{0}) {
		switch {
		case len(rec) == 0:
		case rec[len(rec)-1] == '/':
			list.submodules = append(list.submodules, string(rec[:len(rec)-1]))
		default:
			list.paths = append(list.paths, string(rec))
		}
	}
	// No commit yet is not an error: the commit stays empty.
	if headErr != nil && ctx.Err() != nil {
		return nil, "", ctx.Err()
	}
	if headErr == nil {
		list.commit, list.commitTime = parseHead(string(head))
	}
	return list, "", nil
}

// gitWarning explains a git failure and what to do about it.
func gitWarning(err error, root, walked string) string {
	var ge *gitError
	if errors.As(err, &ge) {
		switch {
		case strings.Contains(ge.msg, "not a git repository"):
			return "not a git repository: " + walked
		case strings.Contains(ge.msg, "dubious ownership"):
			dir := root
			if m := dubiousRE.FindStringSubmatch(ge.msg); m != nil {
				dir = m[1]
			}
			return fmt.Sprintf("git refused the repository because another user owns it: %s; "+
				"to trust it, run: git config --global --add safe.directory %s", walked, dir)
		}
	}
	return fmt.Sprintf("git failed (%v): walked the directory tree instead; .gitignore is not applied", err)
}

// insideDotGit reports whether dir or one of its ancestors holds a .git
// entry, to tell a repository from a plain tree when git is missing.
func insideDotGit(dir string) bool {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

// GitCommand returns git with args, to run in dir, hardened as RunGit
// runs it, for a caller that talks to git while it runs (git cat-file
// --batch reads its standard input). The caller sets the streams, starts
// it and waits for it.
func GitCommand(ctx context.Context, dir string, args ...string) (*exec.Cmd, error) {
	gitPath, err := lookGit()
	if err != nil {
		return nil, err
	}
	return gitCommand(ctx, gitPath, dir, args...), nil
}

// FilterTree applies List's rules to the files of a git tree read from
// the object store (no work tree: a past commit), by path and size alone:
// Match, the default rules, Tests, Include, Exclude and MaxFileSize. Both
// lists come back sorted, like a Listing's. Symbolic links and submodules
// are the caller's to drop, from the tree entries' modes.
func FilterTree(files []File, opts Options) (kept []File, skipped []Skip, err error) {
	r, err := newRules(opts)
	if err != nil {
		return nil, nil, err
	}
	c := newCollector(r)
	for _, f := range files {
		switch {
		case !c.decide(f.Path):
		case r.maxSize >= 0 && f.Size > r.maxSize:
			c.skip(Skip{Path: f.Path, Reason: ReasonTooLarge})
		default:
			c.files = append(c.files, statResult{file: f, isFile: true})
		}
	}
	kept, _, skipped = c.result()
	return kept, skipped, nil
}
