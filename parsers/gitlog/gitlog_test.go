package gitlog

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// base is the time of a test repository's first commit; commit i is
// made i hours later.
var base = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

func at(i int) time.Time { return base.Add(time.Duration(i) * time.Hour) }

// needGit skips the test without git and isolates git from the user's
// and the system's configuration.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	empty := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", empty)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

// testRepo is a git repository built by a test, one scripted commit at
// a time.
type testRepo struct {
	t   *testing.T
	dir string
	n   int // commits made
}

func newRepo(t *testing.T) *testRepo {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	r := &testRepo{t: t, dir: dir}
	r.git("init", "-q")
	return r
}

// git runs git in the repository; the author and committer are fixed
// unless env says otherwise.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return r.gitEnv(nil, args...)
}

func (r *testRepo) gitEnv(env []string, args ...string) string {
	r.t.Helper()
	args = append([]string{
		"-c", "user.name=Committer", "-c", "user.email=committer@example.com",
		"-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
		"-c", "core.autocrlf=false",
	}, args...)
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// commit makes the next commit, at(r.n), by author ("Name <email>").
// Each op changes one file: "path" appends a line to it (creating it
// with thirty lines of its own when absent), "-path" deletes it,
// "old>new" moves it.
func (r *testRepo) commit(author string, ops ...string) {
	r.t.Helper()
	for _, op := range ops {
		switch {
		case strings.HasPrefix(op, "-"):
			r.git("rm", "-q", op[1:])
		case strings.Contains(op, ">"):
			from, to, _ := strings.Cut(op, ">")
			if err := os.MkdirAll(filepath.Dir(filepath.Join(r.dir, to)), 0o755); err != nil {
				r.t.Fatal(err)
			}
			r.git("mv", from, to)
		default:
			r.write(op)
			r.git("add", op)
		}
	}
	name, email, _ := strings.Cut(author, " <")
	when := fmt.Sprintf("@%d +0000", at(r.n).Unix())
	r.gitEnv([]string{
		"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + strings.TrimSuffix(email, ">"),
		"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when,
	}, "commit", "-q", "--allow-empty", "-m", fmt.Sprintf("commit %d", r.n))
	r.n++
}

func (r *testRepo) write(p string) {
	r.t.Helper()
	name := filepath.Join(r.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		r.t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		for i := range 30 {
			data = fmt.Appendf(data, "line %d of %s\n", i, p)
		}
	}
	data = fmt.Appendf(data, "change %d\n", r.n)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func read(t *testing.T, root string, opts Options) *History {
	t.Helper()
	h, err := Read(context.Background(), root, opts)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return h
}

const (
	ann = "Ann <ann@example.com>"
	bob = "Bob <bob@example.com>"
)

func TestCoChange(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a", "b", "c")
	r.commit(ann, "a", "b")
	r.commit(bob, "a", "c")
	r.commit(bob, "b")
	r.commit(ann, "a", "b")
	h := read(t, r.dir, Options{})

	annA := AuthorShare{Name: "Ann", Email: "ann@example.com"}
	bobA := AuthorShare{Name: "Bob", Email: "bob@example.com"}
	share := func(a AuthorShare, commits, revisions int) AuthorShare {
		a.Commits, a.Share = commits, float64(commits)/float64(revisions)
		return a
	}
	want := &History{
		Commits: 5,
		First:   at(0),
		Last:    at(4),
		Files: []FileHistory{{
			// a: commits 0, 1, 2, 4; with b in 0, 1, 4; with c in 0, 2.
			Path: "a", Revisions: 4, CoRevisions: 4, SumOfCoupling: 2 + 1 + 1 + 1,
			Authors:     []AuthorShare{share(annA, 3, 4), share(bobA, 1, 4)},
			FirstChange: at(0), LastChange: at(4),
		}, {
			Path: "b", Revisions: 4, CoRevisions: 4, SumOfCoupling: 2 + 1 + 0 + 1,
			Authors:     []AuthorShare{share(annA, 3, 4), share(bobA, 1, 4)},
			FirstChange: at(0), LastChange: at(4),
		}, {
			Path: "c", Revisions: 2, CoRevisions: 2, SumOfCoupling: 2 + 1,
			Authors:     []AuthorShare{share(annA, 1, 2), share(bobA, 1, 2)},
			FirstChange: at(0), LastChange: at(2),
		}},
		Authors: []Author{{Name: "Ann", Email: "ann@example.com", Commits: 3}, {Name: "Bob", Email: "bob@example.com", Commits: 2}},
		// b and c share one commit: below MinShared.
		CoChange: []Pair{
			{A: "a", B: "b", Shared: 3, Degree: 100 * 3 / 4.0},
			{A: "a", B: "c", Shared: 2, Degree: 100 * 2 / 3.0},
		},
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("Read =\n%+v\nwant\n%+v", h, want)
	}
	if again := read(t, r.dir, Options{}); !reflect.DeepEqual(again, h) {
		t.Errorf("a second Read differs:\n%+v\nfirst\n%+v", again, h)
	}

	h = read(t, r.dir, Options{MinShared: 1})
	if len(h.CoChange) != 3 || h.CoChange[2] != (Pair{A: "b", B: "c", Shared: 1, Degree: 100 * 1 / 3.0}) {
		t.Errorf("MinShared 1: CoChange = %+v", h.CoChange)
	}

	if got := h.AuthorSimilarity("a", "b"); math.Abs(got-1) > 1e-12 {
		t.Errorf("AuthorSimilarity(a, b) = %v, want 1", got)
	}
	if got, want := h.AuthorSimilarity("a", "c"), 4/math.Sqrt(20); math.Abs(got-want) > 1e-12 {
		t.Errorf("AuthorSimilarity(a, c) = %v, want %v", got, want)
	}
	if got := h.AuthorSimilarity("a", "nowhere"); got != 0 {
		t.Errorf("AuthorSimilarity(a, nowhere) = %v, want 0", got)
	}
	if f := h.File("c"); f == nil || f.Revisions != 2 {
		t.Errorf("File(c) = %+v", f)
	}
	if f := h.File("d"); f != nil {
		t.Errorf("File(d) = %+v, want nil", f)
	}
}

func TestPaths(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a", "b", "test/a_test")
	r.commit(ann, "a", "b", "test/a_test")
	r.commit(ann, "test/a_test")
	h := read(t, r.dir, Options{Paths: []string{"a", "b", "untouched", "a"}})
	if got := paths(h); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Files = %q", got)
	}
	// The third commit changes no analysed file but is read.
	if h.Commits != 3 || len(h.CoChange) != 1 || h.CoChange[0].Degree != 100 {
		t.Errorf("Commits = %d, CoChange = %+v", h.Commits, h.CoChange)
	}
	// Without Paths, every file.
	h = read(t, r.dir, Options{})
	if got := paths(h); !reflect.DeepEqual(got, []string{"a", "b", "test/a_test"}) {
		t.Errorf("Files = %q", got)
	}
}

func paths(h *History) []string {
	var ps []string
	for _, f := range h.Files {
		ps = append(ps, f.Path)
	}
	return ps
}

func TestLargeCommitIgnored(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a", "b")
	r.commit(ann, "a", "b")
	// Four files, two of them analysed: too large at MaxChangeset 3.
	r.commit(bob, "a", "b", "x", "y")
	r.commit(ann, "a", "b", "x")
	h := read(t, r.dir, Options{Paths: []string{"a", "b"}, MaxChangeset: 3})
	if h.Commits != 4 || h.Ignored != 1 {
		t.Errorf("Commits = %d, Ignored = %d, want 4, 1", h.Commits, h.Ignored)
	}
	a := h.File("a")
	// The ignored commit still counts as a revision and for its author.
	if a.Revisions != 4 || a.CoRevisions != 3 || a.SumOfCoupling != 3 || len(a.Authors) != 2 {
		t.Errorf("a = %+v", a)
	}
	if len(h.CoChange) != 1 || h.CoChange[0].Shared != 3 || h.CoChange[0].Degree != 100 {
		t.Errorf("CoChange = %+v", h.CoChange)
	}
	// At the default cap the commit counts.
	h = read(t, r.dir, Options{Paths: []string{"a", "b"}})
	if h.Ignored != 0 || h.CoChange[0].Shared != 4 {
		t.Errorf("default cap: Ignored = %d, CoChange = %+v", h.Ignored, h.CoChange)
	}
}

func TestMaxCommitsAndSince(t *testing.T) {
	r := newRepo(t)
	for range 5 {
		r.commit(ann, "a", "b")
	}
	h := read(t, r.dir, Options{MaxCommits: 2})
	if h.Commits != 2 || !h.First.Equal(at(3)) || !h.Last.Equal(at(4)) || h.File("a").Revisions != 2 {
		t.Errorf("MaxCommits 2: Commits = %d, First = %v, Last = %v", h.Commits, h.First, h.Last)
	}
	if h := read(t, r.dir, Options{MaxCommits: -1}); h.Commits != 5 {
		t.Errorf("MaxCommits -1: Commits = %d, want 5", h.Commits)
	}
	h = read(t, r.dir, Options{Since: at(3)})
	if h.Commits != 2 || !h.First.Equal(at(3)) || h.File("b").FirstChange != at(3) {
		t.Errorf("Since: Commits = %d, First = %v", h.Commits, h.First)
	}
	h, err := Read(context.Background(), r.dir, Options{Since: at(10)})
	if !errors.Is(err, ErrNoHistory) || !strings.Contains(err.Error(), "since 2024-03-01") || h == nil || h.Commits != 0 {
		t.Errorf("Since after the last commit: %+v, %v", h, err)
	}
}

func TestSubdirectoryRoot(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "svc/a", "svc/pkg/b", "other/c")
	r.commit(ann, "svc/a", "svc/pkg/b", "other/c", "other/d")
	r.commit(bob, "other/c")
	h := read(t, filepath.Join(r.dir, "svc"), Options{MaxChangeset: 2})
	if got := paths(h); !reflect.DeepEqual(got, []string{"a", "pkg/b"}) {
		t.Errorf("Files = %q", got)
	}
	// Only the two commits under svc are read, and their size counts
	// only the files under svc.
	if h.Commits != 2 || h.Ignored != 0 || len(h.CoChange) != 1 || h.CoChange[0] != (Pair{A: "a", B: "pkg/b", Shared: 2, Degree: 100}) {
		t.Errorf("Commits = %d, Ignored = %d, CoChange = %+v", h.Commits, h.Ignored, h.CoChange)
	}
	if len(h.Authors) != 1 {
		t.Errorf("Authors = %+v", h.Authors)
	}
	h = read(t, filepath.Join(r.dir, "svc"), Options{Paths: []string{"a", "pkg/b"}})
	if len(h.Files) != 2 || h.File("pkg/b").Revisions != 2 {
		t.Errorf("with Paths: Files = %+v", h.Files)
	}
}

func TestRenames(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "old/a", "b")
	r.commit(ann, "old/a", "b")
	// A move with a change, as a Java class moved to another package.
	r.commit(bob, "old/a>new/a", "new/a")
	r.commit(ann, "new/a", "b")
	// A file moved away and a new one created at its old path.
	r.commit(ann, "x", "b")
	r.commit(bob, "x>y")
	r.commit(bob, "x", "b")

	h := read(t, r.dir, Options{})
	if got := paths(h); !reflect.DeepEqual(got, []string{"b", "new/a", "x", "y"}) {
		t.Errorf("Files = %q", got)
	}
	if a := h.File("new/a"); a.Revisions != 4 || !a.FirstChange.Equal(at(0)) {
		t.Errorf("new/a = %+v", a)
	}
	if x, y := h.File("x"), h.File("y"); x.Revisions != 1 || y.Revisions != 2 {
		t.Errorf("x = %+v, y = %+v", x, y)
	}
	want := []Pair{
		{A: "b", B: "new/a", Shared: 3, Degree: 100 * 3 / 4.5},
	}
	if !reflect.DeepEqual(h.CoChange, want) {
		t.Errorf("CoChange = %+v, want %+v", h.CoChange, want)
	}
	// With Paths, the same.
	h = read(t, r.dir, Options{Paths: []string{"new/a", "b", "y"}})
	if a := h.File("new/a"); a.Revisions != 4 || h.File("y").Revisions != 2 || h.File("x") != nil {
		t.Errorf("with Paths: Files = %+v", h.Files)
	}

	// Without rename detection, the history before a move is lost, and
	// the old paths, deleted, are not files.
	h = read(t, r.dir, Options{NoRenames: true})
	if got := paths(h); !reflect.DeepEqual(got, []string{"b", "new/a", "x", "y"}) {
		t.Errorf("NoRenames: Files = %q", got)
	}
	if a := h.File("new/a"); a.Revisions != 2 {
		t.Errorf("NoRenames: new/a = %+v", a)
	}
}

func TestMergesIgnored(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a", "b")
	r.git("checkout", "-q", "-b", "topic")
	r.commit(bob, "a", "c")
	r.git("checkout", "-q", "main")
	r.commit(ann, "b", "d")
	r.gitEnv([]string{"GIT_AUTHOR_DATE=@" + fmt.Sprint(at(5).Unix()), "GIT_COMMITTER_DATE=@" + fmt.Sprint(at(5).Unix())},
		"merge", "-q", "--no-ff", "-m", "merge", "topic")
	h := read(t, r.dir, Options{MinShared: 1})
	// The merge is not a commit read; the branch's commit is.
	if h.Commits != 3 || !h.Last.Equal(at(2)) {
		t.Errorf("Commits = %d, Last = %v", h.Commits, h.Last)
	}
	for _, a := range h.Authors {
		if a.Name == "Committer" {
			t.Errorf("the merge's author is counted: %+v", h.Authors)
		}
	}
	if a := h.File("a"); a.Revisions != 2 {
		t.Errorf("a = %+v", a)
	}
	if len(h.CoChange) != 3 {
		t.Errorf("CoChange = %+v", h.CoChange)
	}
}

func TestNoHistory(t *testing.T) {
	needGit(t)
	plain := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	h, err := Read(context.Background(), plain, Options{})
	if !errors.Is(err, ErrNoHistory) || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("not a repository: error %v", err)
	}
	if h == nil || !reflect.DeepEqual(h, &History{}) {
		t.Errorf("not a repository: history %+v, want empty", h)
	}

	r := newRepo(t)
	h, err = Read(context.Background(), r.dir, Options{})
	if !errors.Is(err, ErrNoHistory) || !strings.Contains(err.Error(), "no commits yet") || h == nil {
		t.Errorf("empty repository: %+v, %v", h, err)
	}

	// Commits that change nothing.
	r.commit(ann)
	if _, err := Read(context.Background(), r.dir, Options{}); !errors.Is(err, ErrNoHistory) {
		t.Errorf("empty commits: error %v", err)
	}

	r.commit(ann, "a")
	t.Setenv("PATH", t.TempDir())
	h, err = Read(context.Background(), r.dir, Options{})
	if !errors.Is(err, ErrNoHistory) || !errors.Is(err, exec.ErrNotFound) || h == nil {
		t.Errorf("git missing: %+v, %v", h, err)
	}
}

func TestCancelled(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h, err := Read(ctx, r.dir, Options{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrNoHistory) || h == nil {
		t.Errorf("Read cancelled: %+v, %v", h, err)
	}
}

func TestAuthorIdentity(t *testing.T) {
	r := newRepo(t)
	r.commit("Ann Smith <ann@work.example>", "a")
	r.commit("Ann <ANN@Work.Example>", "a")
	r.commit("ann <ann@home.example>", "a")
	h := read(t, r.dir, Options{})
	// One person by email, whatever its case, with the newest name; the
	// other email is another person.
	want := []Author{
		{Name: "Ann", Email: "ann@work.example", Commits: 2},
		{Name: "ann", Email: "ann@home.example", Commits: 1},
	}
	if !reflect.DeepEqual(h.Authors, want) {
		t.Errorf("Authors = %+v, want %+v", h.Authors, want)
	}

	// A .mailmap makes them one.
	if err := os.WriteFile(filepath.Join(r.dir, ".mailmap"),
		[]byte("Ann Smith <ann@work.example> <ann@home.example>\nAnn Smith <ann@work.example>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h = read(t, r.dir, Options{})
	want = []Author{{Name: "Ann Smith", Email: "ann@work.example", Commits: 3}}
	if !reflect.DeepEqual(h.Authors, want) {
		t.Errorf("with .mailmap: Authors = %+v, want %+v", h.Authors, want)
	}
	if a := h.File("a").Authors; len(a) != 1 || a[0].Commits != 3 || a[0].Share != 1 {
		t.Errorf("with .mailmap: a's Authors = %+v", a)
	}
}

func TestShallowClone(t *testing.T) {
	r := newRepo(t)
	r.commit(ann, "a", "b")
	r.commit(ann, "a", "b")
	r.commit(bob, "a", "c")
	clone := func(depth int) string {
		dir := filepath.Join(t.TempDir(), "clone")
		r.git("clone", "-q", fmt.Sprintf("--depth=%d", depth), "file://"+r.dir, dir)
		return dir
	}
	h, err := Read(context.Background(), clone(1), Options{})
	if !errors.Is(err, ErrNoHistory) || !strings.Contains(err.Error(), "shallow") || h == nil {
		t.Errorf("depth 1: %+v, %v", h, err)
	}
	// At depth 2 the boundary commit, which shows the whole tree as
	// added, is not read: only the newest commit is.
	h = read(t, clone(2), Options{})
	if !h.Shallow || h.Commits != 1 || !reflect.DeepEqual(paths(h), []string{"a", "c"}) {
		t.Errorf("depth 2: Shallow = %v, Commits = %d, Files = %q", h.Shallow, h.Commits, paths(h))
	}
	if h := read(t, r.dir, Options{}); h.Shallow {
		t.Error("a full clone reads as shallow")
	}
}

// TestUntrustedConfig checks that the repository's configuration can
// neither run a program nor change what is read.
func TestUntrustedConfig(t *testing.T) {
	r := newRepo(t)
	r.commit("Zoë <zoe@example.com>", "a", "b")
	r.commit(ann, "a", "b")
	// A commit that carries a signature, so that showing signatures
	// runs gpg.program.
	head := r.git("rev-parse", "HEAD")
	raw := r.git("cat-file", "commit", head)
	hdr, msg, _ := strings.Cut(raw, "\n\n")
	signed := hdr + "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\n" + msg + "\n"
	file := filepath.Join(t.TempDir(), "commit")
	if err := os.WriteFile(file, []byte(signed), 0o644); err != nil {
		t.Fatal(err)
	}
	r.git("update-ref", "HEAD", r.git("hash-object", "-t", "commit", "-w", file))

	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook.sh")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho ran >> '"+marker+"'\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{
		{"gpg.program", hook},
		{"log.showSignature", "true"},
		{"core.fsmonitor", hook},
		{"diff.external", hook},
		{"i18n.logOutputEncoding", "ISO-8859-1"},
		{"color.ui", "always"},
		{"log.showRoot", "false"},
		{"diff.renames", "false"},
		{"diff.relative", "true"},
	} {
		r.git("config", kv[0], kv[1])
	}
	h := read(t, r.dir, Options{})
	if h.Commits != 2 || len(h.CoChange) != 1 || h.Authors[1].Name != "Zoë" {
		t.Errorf("Commits = %d, CoChange = %+v, Authors = %+v", h.Commits, h.CoChange, h.Authors)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("reading the history ran a program named by the repository's configuration")
	}
	// Make sure the test means something: git on its own runs it.
	cmd := exec.Command("git", "log", "-1")
	cmd.Dir = r.dir
	cmd.Run()
	if _, err := os.Stat(marker); err != nil {
		t.Skip("this git does not verify signatures for git log; the check above proves less")
	}
}

func TestCosine(t *testing.T) {
	v := func(counts ...int) []AuthorShare {
		var a []AuthorShare
		for i, c := range counts {
			if c > 0 {
				a = append(a, AuthorShare{Email: fmt.Sprint(i), Commits: c})
			}
		}
		return a
	}
	tests := []struct {
		a, b []AuthorShare
		want float64
	}{
		{v(1), v(1), 1},
		{v(3, 1), v(6, 2), 1},
		{v(1, 0), v(0, 1), 0},
		{v(1, 1), v(1, 0), 1 / math.Sqrt2},
		{v(2, 1, 0), v(0, 1, 5, 7), 1 / (math.Sqrt(5) * math.Sqrt(75))},
		{nil, v(1), 0},
		{[]AuthorShare{{Name: "a", Commits: 1}}, []AuthorShare{{Name: "b", Commits: 1}}, 0},
		{[]AuthorShare{{Name: "a", Commits: 1}}, []AuthorShare{{Name: "a", Commits: 3}}, 1},
		{nil, nil, 0},
	}
	// Enough authors to take the map path; two without an email, told
	// apart by name.
	var many1, many2 []AuthorShare
	var dot, n1, n2 float64
	for i := range 40 {
		x := AuthorShare{Email: fmt.Sprint(i%30, "@x"), Commits: i + 1}
		if i >= 30 {
			x.Email, x.Name = "", fmt.Sprint("n", i)
		}
		many1 = append(many1, x)
		n1 += float64(x.Commits * x.Commits)
		if i%2 == 0 || i == 35 {
			y := x
			y.Commits = 2
			many2 = append(many2, y)
			n2 += 4
			dot += float64(2 * x.Commits)
		}
	}
	many2 = append(many2, AuthorShare{Name: "n31", Commits: 1}, AuthorShare{Name: "other", Commits: 1})
	n2 += 2
	dot += 32
	tests = append(tests, struct {
		a, b []AuthorShare
		want float64
	}{many1, many2, dot / math.Sqrt(n1*n2)})
	for _, tt := range tests {
		for _, swap := range []bool{false, true} {
			a, b := tt.a, tt.b
			if swap {
				a, b = b, a
			}
			if got := cosine(a, b); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("cosine(%v, %v) = %v, want %v", a, b, got, tt.want)
			}
		}
	}
}

func TestMalformedLog(t *testing.T) {
	for _, in := range []string{
		"M\x00a\x00",                             // a file before any commit
		"\x1e\x00notatime\x00n\x00e\x00",         // a bad time
		"\x1e\x001\x00n\x00e\x00\nR100\x00a\x00", // a rename cut short
		"\x1e\x001\x00n\x00",                     // a header cut short
	} {
		a := newAggregator(Options{}, false)
		if err := a.read(strings.NewReader(in)); !errors.Is(err, errMalformed) {
			t.Errorf("read(%q): error %v, want errMalformed", in, err)
		}
	}
}
