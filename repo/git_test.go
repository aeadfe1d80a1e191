package repo

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestGitIgnore(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{
		".gitignore": "*.log\nignored/\n/local.go\n",
		"a.go":       "x",
	})
	makeTree(t, root, tree{
		"untracked.go":      "x",
		"x.log":             "x",
		"ignored/y.go":      "x",
		"local.go":          "x",
		"sub/local.go":      "x",
		"keep.log":          "x",
		"node_modules/m.js": "x",
	})
	git(t, root, "add", "-f", "keep.log")
	l := list(t, root, Options{})
	if !l.Git || len(l.Warnings) != 0 {
		t.Errorf("Git = %v, Warnings = %q", l.Git, l.Warnings)
	}
	// Tracked files stay listed even when ignored; node_modules is
	// ignored by nothing but the default rules here.
	check(t, l, []string{".gitignore", "a.go", "keep.log", "sub/local.go", "untracked.go"},
		[]string{"node_modules/ vendored"})
}

func TestGitSubdirectoryRoot(t *testing.T) {
	needGit(t)
	top := setup(t, true, tree{
		".gitignore":   "*.tmp\n",
		"svc/a.go":     "x",
		"svc/pkg/b.go": "x",
		"other/c.go":   "x",
	})
	makeTree(t, top, tree{"svc/d.tmp": "x", "svc/e.go": "x"})
	l := list(t, filepath.Join(top, "svc"), Options{})
	if !l.Git || l.Commit != git(t, top, "rev-parse", "HEAD") {
		t.Errorf("Git = %v, Commit = %q", l.Git, l.Commit)
	}
	check(t, l, []string{"a.go", "e.go", "pkg/b.go"}, nil)
}

func TestGitDeletedFiles(t *testing.T) {
	needGit(t)
	elsewhere := t.TempDir()
	makeTree(t, elsewhere, tree{"x.go": "x"})
	root := setup(t, true, tree{"a.go": "x", "gone.go": "x", "d/x.go": "x"})
	if err := os.Remove(filepath.Join(root, "gone.go")); err != nil {
		t.Fatal(err)
	}
	// A tracked directory replaced by a symlink: d/x.go is still in the
	// index, but reaching it would follow the link.
	if err := os.RemoveAll(filepath.Join(root, "d")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(root, "d")); err != nil {
		t.Fatal(err)
	}
	check(t, list(t, root, Options{}), []string{"a.go"}, []string{"d symlink"})
}

func TestGitCommit(t *testing.T) {
	needGit(t)
	root := setup(t, false, tree{"a.go": "x"})
	git(t, root, "init", "-q")
	l := list(t, root, Options{})
	if !l.Git || l.Commit != "" || !l.CommitTime.IsZero() || len(l.Warnings) != 0 {
		t.Errorf("before the first commit: Git = %v, Commit = %q, CommitTime = %v, Warnings = %q", l.Git, l.Commit, l.CommitTime, l.Warnings)
	}
	check(t, l, []string{"a.go"}, nil)

	git(t, root, "add", "-A")
	git(t, root, "commit", "-q", "-m", "one")
	l = list(t, root, Options{})
	head := git(t, root, "rev-parse", "HEAD")
	if !regexp.MustCompile(`^[0-9a-f]{40,64}$`).MatchString(l.Commit) || l.Commit != head {
		t.Errorf("Commit = %q, want %q", l.Commit, head)
	}
	secs, err := strconv.ParseInt(git(t, root, "show", "-s", "--format=%ct", "HEAD"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Unix(secs, 0).UTC(); !l.CommitTime.Equal(want) || l.CommitTime.Location() != time.UTC {
		t.Errorf("CommitTime = %v, want %v", l.CommitTime, want)
	}
}

func TestParseHead(t *testing.T) {
	for _, c := range []struct {
		out, commit string
		secs        int64 // 0: zero time
	}{
		{"0123abcd 1700000000\n", "0123abcd", 1700000000},
		{"0123abcd\n", "0123abcd", 0},
		{"0123abcd later\n", "0123abcd", 0},
		{"", "", 0},
	} {
		commit, tm := parseHead(c.out)
		want := time.Time{}
		if c.secs != 0 {
			want = time.Unix(c.secs, 0).UTC()
		}
		if commit != c.commit || !tm.Equal(want) {
			t.Errorf("parseHead(%q) = %q, %v; want %q, %v", c.out, commit, tm, c.commit, want)
		}
	}
}

func TestGitEmptyRepository(t *testing.T) {
	needGit(t)
	root := setup(t, false, nil)
	git(t, root, "init", "-q")
	l := list(t, root, Options{})
	if !l.Git || len(l.Files) != 0 || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "git lists no files") {
		t.Errorf("Git = %v, Files = %v, Warnings = %q", l.Git, l.Files, l.Warnings)
	}
}

func TestGitSubmodules(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{"a.go": "x"})
	// An untracked nested repository, one inside a vendored tree, and a
	// registered submodule (a gitlink) that is not checked out.
	for _, dir := range []string{"nested", "vendor/dep"} {
		d := filepath.Join(root, filepath.FromSlash(dir))
		makeTree(t, d, tree{"n.go": "x"})
		git(t, d, "init", "-q")
		git(t, d, "add", "-A")
		git(t, d, "commit", "-q", "-m", "n")
	}
	head := git(t, filepath.Join(root, "nested"), "rev-parse", "HEAD")
	git(t, root, "update-index", "--add", "--cacheinfo", "160000,"+head+",mod")
	l := list(t, root, Options{})
	check(t, l, []string{"a.go"}, []string{"mod/ submodule", "nested/ submodule", "vendor/ vendored"})
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "2 submodules") ||
		!strings.Contains(l.Warnings[0], "mod, nested") {
		t.Errorf("Warnings = %q", l.Warnings)
	}
}

// TestGitUntrustedConfig checks that the repository's configuration
// cannot make listing it run a program.
func TestGitUntrustedConfig(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{"a.go": "x"})
	makeTree(t, root, tree{"b.go": "x"})
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook.sh")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho ran >> '"+marker+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, root, "config", "core.fsmonitor", hook)
	git(t, root, "config", "core.hooksPath", filepath.Dir(hook))

	check(t, list(t, root, Options{}), []string{"a.go", "b.go"}, nil)
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("listing the repository ran its fsmonitor hook")
	}
	// Make sure the test means something: git on its own runs the hook.
	git(t, root, "ls-files", "--others", "--exclude-standard")
	if _, err := os.Stat(marker); err != nil {
		t.Skip("this git does not run fsmonitor for ls-files; the check above proves nothing")
	}
}

func TestGitLocationVariablesIgnored(t *testing.T) {
	needGit(t)
	other := setup(t, true, tree{"other.go": "x"})
	root := setup(t, true, tree{"mine.go": "x"})
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)
	t.Setenv("GIT_INDEX_FILE", filepath.Join(other, ".git", "index"))
	check(t, list(t, root, Options{}), []string{"mine.go"}, nil)
}

func TestGitDubiousOwnership(t *testing.T) {
	needGit(t)
	if os.Geteuid() != 0 {
		t.Skip("making a repository owned by another user needs root")
	}
	root := setup(t, true, tree{".gitignore": "*.log\n", "a.go": "x"})
	makeTree(t, root, tree{"x.log": "x"})
	err := filepath.WalkDir(root, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 12345, 12345)
	})
	if err != nil {
		t.Fatal(err)
	}
	l := list(t, root, Options{})
	if l.Git || l.Commit != "" {
		t.Errorf("Git = %v, Commit = %q", l.Git, l.Commit)
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "git config --global --add safe.directory "+root) ||
		!strings.Contains(l.Warnings[0], ".gitignore is not applied") {
		t.Errorf("Warnings = %q", l.Warnings)
	}
	// The walk applies no .gitignore.
	check(t, l, []string{".gitignore", "a.go", "x.log"}, nil)
}

func TestGitMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	root := setup(t, false, tree{"a.go": "x", ".git/HEAD": "ref: refs/heads/main\n"})
	l := list(t, root, Options{})
	if l.Git || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "git is not installed") {
		t.Errorf("Git = %v, Warnings = %q", l.Git, l.Warnings)
	}
	check(t, l, []string{"a.go"}, nil)

	plain := setup(t, false, tree{"a.go": "x"})
	l = list(t, plain, Options{})
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "not a git repository") {
		t.Errorf("Warnings = %q", l.Warnings)
	}
}

func TestGitUnmergedListedOnce(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{"a.go": "base\n"})
	git(t, root, "checkout", "-q", "-b", "other")
	makeTree(t, root, tree{"a.go": "other\n"})
	git(t, root, "commit", "-q", "-am", "other")
	git(t, root, "checkout", "-q", "main")
	makeTree(t, root, tree{"a.go": "main\n"})
	git(t, root, "commit", "-q", "-am", "main")
	// The merge conflicts, leaving a.go in three stages.
	if out, err := runTestGit(root, "merge", "-q", "other"); err == nil {
		t.Fatalf("merge did not conflict: %s", out)
	}
	check(t, list(t, root, Options{}), []string{"a.go"}, nil)
}

func TestGitBrokenIndex(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{"a.go": "x"})
	if err := os.WriteFile(filepath.Join(root, ".git", "index"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := list(t, root, Options{})
	if l.Git || len(l.Warnings) != 1 || !strings.HasPrefix(l.Warnings[0], "git failed (git ls-files: ") ||
		!strings.Contains(l.Warnings[0], "walked the directory tree instead") {
		t.Errorf("Git = %v, Warnings = %q", l.Git, l.Warnings)
	}
	check(t, l, []string{"a.go"}, nil)
}

func TestGitWarning(t *testing.T) {
	tests := []struct {
		msg  string
		want []string
	}{
		{"not a git repository (or any of the parent directories): .git", []string{"not a git repository: walked"}},
		{"detected dubious ownership in repository at '/srv/mono'", []string{"another user owns it", "safe.directory /srv/mono"}},
		{"detected dubious ownership somewhere", []string{"safe.directory /root/dir"}},
		{"index file corrupt", []string{"git failed (git ls-files: index file corrupt)", "instead"}},
	}
	for _, tt := range tests {
		err := &gitError{args: []string{"ls-files"}, msg: tt.msg}
		got := gitWarning(err, "/root/dir", "walked the directory tree; .gitignore is not applied")
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: warning %q lacks %q", tt.msg, got, w)
			}
		}
	}
	if got := submoduleWarning([]string{"b", "a"}); !strings.Contains(got, "2 submodules") || !strings.HasSuffix(got, ": a, b") {
		t.Errorf("submoduleWarning = %q", got)
	}
	if got := submoduleWarning([]string{"a"}); !strings.HasPrefix(got, "1 submodule or nested repository is") {
		t.Errorf("submoduleWarning = %q", got)
	}
	if got := submoduleWarning([]string{"a", "b", "c", "d", "e", "f", "g"}); !strings.HasSuffix(got, "a, b, c, d, e and 2 more") {
		t.Errorf("submoduleWarning = %q", got)
	}
}

func TestRunGit(t *testing.T) {
	needGit(t)
	other := setup(t, true, tree{"other.go": "x"})
	root := setup(t, true, tree{"a.go": "x"})
	// The hardening applies: a variable pointing elsewhere is ignored.
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	out, err := RunGit(context.Background(), root, "ls-files")
	if err != nil || string(out) != "a.go\n" {
		t.Errorf("RunGit ls-files = %q, %v", out, err)
	}
	_, err = RunGit(context.Background(), root, "rev-parse", "--verify", "no-such-ref")
	if err == nil || !strings.HasPrefix(err.Error(), "git rev-parse: ") {
		t.Errorf("RunGit on a bad ref: error %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := RunGit(context.Background(), root, "ls-files"); !errors.Is(err, exec.ErrNotFound) {
		t.Errorf("RunGit without git: error %v, want exec.ErrNotFound", err)
	}
	if err := StreamGit(context.Background(), root, func(io.Reader) error { return nil }, "ls-files"); !errors.Is(err, exec.ErrNotFound) {
		t.Errorf("StreamGit without git: error %v, want exec.ErrNotFound", err)
	}
}

func TestStreamGit(t *testing.T) {
	needGit(t)
	root := setup(t, true, tree{"a.go": "x", "b.go": "x", "big.txt": "size:1000000"})
	ctx := context.Background()
	var got []byte
	err := StreamGit(ctx, root, func(r io.Reader) error {
		var err error
		got, err = io.ReadAll(r)
		return err
	}, "ls-files", "-z")
	if err != nil || string(got) != "a.go\x00b.go\x00big.txt\x00" {
		t.Errorf("StreamGit ls-files = %q, %v", got, err)
	}

	// What read leaves is drained: git, with more to write than a pipe
	// holds, is not left blocked.
	if err := StreamGit(ctx, root, func(io.Reader) error { return nil }, "log", "-p"); err != nil {
		t.Errorf("StreamGit with nothing read: %v", err)
	}

	// An error from read stops git and is returned as is.
	stop := errors.New("stop")
	if err := StreamGit(ctx, root, func(io.Reader) error { return stop }, "log"); err != stop {
		t.Errorf("StreamGit with a failing read: %v, want %v", err, stop)
	}

	// A failing git: its message, in the error.
	err = StreamGit(ctx, t.TempDir(), func(r io.Reader) error {
		_, err := io.Copy(io.Discard, r)
		return err
	}, "log")
	if err == nil || !strings.Contains(err.Error(), "git log: not a git repository") {
		t.Errorf("StreamGit outside a repository: %v", err)
	}

	// A cancelled context wins over git's failure.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := StreamGit(cctx, root, func(r io.Reader) error {
		_, err := io.Copy(io.Discard, r)
		return err
	}, "log"); !errors.Is(err, context.Canceled) {
		t.Errorf("StreamGit cancelled: %v", err)
	}
}

func TestHeadBuffer(t *testing.T) {
	b := &headBuffer{max: 5}
	for _, s := range []string{"abc", "defg", "hij"} {
		if n, err := b.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if b.String() != "abcde" {
		t.Errorf("headBuffer kept %q, want %q", b.String(), "abcde")
	}
}

// TestGitPrefetch: examining the tracked files while git looks for the
// untracked ones changes nothing in the listing.
func TestGitPrefetch(t *testing.T) {
	needGit(t)
	ctx := context.Background()
	for _, tc := range listCases {
		t.Run(tc.name, func(t *testing.T) {
			root := setup(t, true, tc.files)
			got := list(t, root, tc.opts)

			// The same steps, with nothing examined beforehand.
			r, err := newRules(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			c := newCollector(r)
			gl, _, err := listGit(ctx, got.Root, nil)
			if err != nil || gl == nil {
				t.Fatalf("listGit: %v", err)
			}
			cands, _, err := c.fromGit(ctx, got.Root, gl, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.stat(ctx, got.Root, cands, nil); err != nil {
				t.Fatal(err)
			}
			files, infos, skipped := c.result()
			if !reflect.DeepEqual(got.Files, files) || !reflect.DeepEqual(got.Skipped, skipped) || len(infos) != len(got.infos) {
				t.Errorf("with prefetch: %+v %+v\nwithout: %+v %+v", got.Files, got.Skipped, files, skipped)
			}
		})
	}
}
