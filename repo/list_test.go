package repo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// A tree maps slash paths to contents. A content "-> target" makes a
// symlink to target; "size:N" makes a file of N bytes.
type tree map[string]string

func makeTree(t testing.TB, root string, files tree) {
	t.Helper()
	for p, content := range files {
		name := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "-> "); ok {
			if err := os.Symlink(filepath.FromSlash(target), name); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data := []byte(content)
		if n, ok := strings.CutPrefix(content, "size:"); ok {
			size, err := strconv.Atoi(n)
			if err != nil {
				t.Fatal(err)
			}
			data = make([]byte, size)
			for i := range data {
				data[i] = 'a' + byte(i%26)
			}
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// noGitAbove stops git from finding a repository above root.
func noGitAbove(t *testing.T, root string) {
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(root))
}

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

// git runs a git command in dir for a test's setup.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := runTestGit(dir, args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func runTestGit(dir string, args ...string) (string, error) {
	args = append([]string{
		"-c", "user.name=Test", "-c", "user.email=test@example.com",
		"-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
		"-c", "core.autocrlf=false",
	}, args...)
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// setup makes a tree in a new directory, as a committed git repository
// when gitMode, and returns the directory.
func setup(t *testing.T, gitMode bool, files tree) string {
	t.Helper()
	root := t.TempDir()
	noGitAbove(t, root)
	makeTree(t, root, files)
	if gitMode {
		git(t, root, "init", "-q")
		git(t, root, "add", "-A")
		git(t, root, "commit", "-q", "--allow-empty", "-m", "init")
	}
	return root
}

func list(t *testing.T, root string, opts Options) *Listing {
	t.Helper()
	l, err := List(context.Background(), root, opts)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	return l
}

func filePaths(l *Listing) []string {
	var ps []string
	for _, f := range l.Files {
		ps = append(ps, f.Path)
	}
	return ps
}

func skipStrings(l *Listing) []string {
	var ss []string
	for _, s := range l.Skipped {
		ss = append(ss, s.Path+" "+string(s.Reason))
	}
	return ss
}

func check(t *testing.T, l *Listing, files, skipped []string) {
	t.Helper()
	if got := filePaths(l); !slices.Equal(got, files) {
		t.Errorf("files:\n got  %q\n want %q", got, files)
	}
	if got := skipStrings(l); !slices.Equal(got, skipped) {
		t.Errorf("skipped:\n got  %q\n want %q", got, skipped)
	}
}

func ext(exts ...string) func(string) bool {
	return func(p string) bool {
		return slices.Contains(exts, filepath.Ext(p))
	}
}

var src = ext(".go", ".java", ".js", ".ts", ".py", ".cs", ".css", ".rb")

// listCases are run both on a plain tree and on a git repository: the
// two must agree.
var listCases = []struct {
	name    string
	files   tree
	opts    Options
	want    []string
	skipped []string
}{
	{
		name:  "everything",
		files: tree{"a.go": "package a", "src/b/c.go": "package b", "README.md": "# r"},
		want:  []string{"README.md", "a.go", "src/b/c.go"},
	},
	{
		name:  "match",
		files: tree{"a.go": "package a", "logo.png": "png", "docs/x.md": "x", "x_test.go": "package a"},
		opts:  Options{Match: ext(".go")},
		want:  []string{"a.go"},
		// The test file is recorded; the PNG and the Markdown are not.
		skipped: []string{"x_test.go test"},
	},
	{
		name: "default trees",
		files: tree{
			"main.go":                                  "package main",
			"vendor/github.com/x/y.go":                 "package y",
			"web/node_modules/react/index.js":          "x",
			"web/bower_components/jq/jq.js":            "x",
			"target/classes/A.class":                   "x",
			"module/target/generated/X.java":           "x",
			"build/gen/B.java":                         "x",
			"web/dist/app.js":                          "x",
			"out/A.java":                               "x",
			"bin/tool.py":                              "x",
			"src/Acme/obj/Debug/AssemblyInfo.cs":       "x",
			"src/main/java/com/acme/vendor/V.java":     "x",
			"src/main/java/com/acme/build/B.java":      "x",
			".gradle/caches/x.bin":                     "x",
			".idea/workspace.xml":                      "x",
			".mvn/wrapper/MavenWrapperDownloader.java": "x",
			"pkg/__pycache__/m.py":                     "x",
			".venv/lib/site.py":                        "x",
			"src/generated/G.java":                     "x",
			"static/app.min.js":                        "x",
			"static/site.min.css":                      "x",
			"static/app.bundle.js":                     "x",
			"static/app.js":                            "x",
			"static/logo.min.svg":                      "x",
		},
		opts: Options{Match: src},
		want: []string{
			"main.go", "src/main/java/com/acme/build/B.java",
			"src/main/java/com/acme/vendor/V.java", "static/app.js",
		},
		skipped: []string{
			".gradle/ tooling", ".idea/ tooling", ".mvn/ tooling", ".venv/ vendored",
			"bin/ build-output", "build/ build-output", "module/target/ build-output",
			"out/ build-output", "pkg/__pycache__/ build-output", "src/Acme/obj/ build-output",
			"src/generated/ generated", "static/app.bundle.js minified", "static/app.min.js minified",
			"static/site.min.css minified", "target/ build-output", "vendor/ vendored",
			"web/bower_components/ vendored", "web/dist/ build-output", "web/node_modules/ vendored",
		},
	},
	{
		name: "no default excludes",
		files: tree{
			"vendor/x.go": "x", "build/B.java": "x", "a.min.js": "x", ".idea/x.py": "x",
			"src/test/java/ATest.java": "x", "a_test.go": "x",
		},
		opts:    Options{Match: src, NoDefaultExcludes: true},
		want:    []string{".idea/x.py", "a.min.js", "build/B.java", "vendor/x.go"},
		skipped: []string{"a_test.go test", "src/test/ test"},
	},
	{
		name: "tests skipped",
		files: tree{
			"src/main/java/com/acme/Owner.java":        "x",
			"src/main/java/com/acme/OwnerTest.java":    "x",
			"src/main/java/com/acme/test/Fixture.java": "x",
			"src/test/java/com/acme/OwnerIT.java":      "x",
			"svc/src/it/java/X.java":                   "x",
			"tests/test_owner.py":                      "x",
			"app/test_util.py":                         "x",
			"app/util.py":                              "x",
			"app/util_test.go":                         "x",
			"web/__tests__/a.js":                       "x",
			"web/a.spec.ts":                            "x",
			"web/a.test.js":                            "x",
			"web/a.ts":                                 "x",
			"spec/owner_spec.rb":                       "x",
			"Acme.Tests/OwnerTests.cs":                 "x",
			"testing/helper.go":                        "x",
		},
		opts: Options{Match: src},
		want: []string{
			"app/util.py", "src/main/java/com/acme/Owner.java",
			"src/main/java/com/acme/test/Fixture.java", "testing/helper.go", "web/a.ts",
		},
		skipped: []string{
			"Acme.Tests/OwnerTests.cs test", "app/test_util.py test", "app/util_test.go test",
			"spec/ test", "src/main/java/com/acme/OwnerTest.java test", "src/test/ test",
			"svc/src/it/ test", "tests/ test", "web/__tests__/ test", "web/a.spec.ts test",
			"web/a.test.js test",
		},
	},
	{
		name: "tests included",
		files: tree{
			"src/test/java/ATest.java": "x", "a_test.go": "x", "tests/t.py": "x",
			"vendor/x_test.go": "x",
		},
		opts:    Options{Match: src, Tests: true},
		want:    []string{"a_test.go", "src/test/java/ATest.java", "tests/t.py"},
		skipped: []string{"vendor/ vendored"},
	},
	{
		name: "include",
		files: tree{
			"vendor/acme/a.go":    "x",
			"vendor/other/b.go":   "x",
			"build/gen/G.java":    "x",
			"lib/x.min.js":        "x",
			"lib/y.min.js":        "x",
			"src/test/ATest.java": "x",
		},
		opts: Options{
			Match:   src,
			Include: []string{"vendor/acme/**", "build", "lib/x.min.js", "src/test/**"},
		},
		want:    []string{"build/gen/G.java", "lib/x.min.js", "src/test/ATest.java", "vendor/acme/a.go"},
		skipped: []string{"lib/y.min.js minified", "vendor/ vendored"},
	},
	{
		name: "include never overrides exclude",
		files: tree{
			"vendor/acme/a.go":   "x",
			"vendor/legacy/b.go": "x",
			"vendor/x.pb.go":     "x",
		},
		opts: Options{
			Match:   src,
			Include: []string{"vendor/**"},
			Exclude: []string{"vendor/legacy/**", "**/*.pb.go"},
		},
		want:    []string{"vendor/acme/a.go"},
		skipped: []string{"vendor/legacy/ excluded", "vendor/x.pb.go excluded"},
	},
	{
		name: "exclude",
		files: tree{
			"a.go":                "x",
			"top.go":              "x",
			"app/legacy/old/x.go": "x",
			"legacy/y.go":         "x",
			"api/v1/owner_pb.go":  "x",
			"api/v1/owner.go":     "x",
			"docs/gen.go":         "x",
			"sub/top.go":          "x",
		},
		opts: Options{
			Match:   src,
			Exclude: []string{"**/legacy/**", "**/*_pb.go", "docs", "top.go"},
		},
		want:    []string{"a.go", "api/v1/owner.go", "sub/top.go"},
		skipped: []string{"api/v1/owner_pb.go excluded", "app/legacy/ excluded", "docs/ excluded", "legacy/ excluded", "top.go excluded"},
	},
	{
		name: "size",
		files: tree{
			"small.go": "size:10",
			"edge.go":  fmt.Sprintf("size:%d", 1<<20),
			"big.go":   fmt.Sprintf("size:%d", 1<<20+1),
			"big.png":  fmt.Sprintf("size:%d", 1<<20+1),
		},
		opts:    Options{Match: src},
		want:    []string{"edge.go", "small.go"},
		skipped: []string{"big.go too-large"},
	},
	{
		name:    "size limit",
		files:   tree{"a.go": "size:10", "b.go": "size:11"},
		opts:    Options{MaxFileSize: 10},
		want:    []string{"a.go"},
		skipped: []string{"b.go too-large"},
	},
	{
		name:  "no size limit",
		files: tree{"big.go": fmt.Sprintf("size:%d", 2<<20)},
		opts:  Options{MaxFileSize: -1},
		want:  []string{"big.go"},
	},
	{
		name:    "include does not lift the size limit",
		files:   tree{"vendor/big.go": "size:100"},
		opts:    Options{MaxFileSize: 50, Include: []string{"vendor"}},
		skipped: []string{"vendor/big.go too-large"},
	},
}

func TestList(t *testing.T) {
	for _, mode := range []string{"walk", "git"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "git" {
				needGit(t)
			}
			for _, tc := range listCases {
				t.Run(tc.name, func(t *testing.T) {
					root := setup(t, mode == "git", tc.files)
					l := list(t, root, tc.opts)
					if l.Git != (mode == "git") {
						t.Errorf("Git = %v; warnings %q", l.Git, l.Warnings)
					}
					check(t, l, tc.want, tc.skipped)
					again := list(t, root, tc.opts)
					if !reflect.DeepEqual(l, again) {
						t.Errorf("second listing differs:\n%+v\n%+v", l, again)
					}
				})
			}
		})
	}
}

func TestListSizes(t *testing.T) {
	root := setup(t, false, tree{"a.go": "size:123", "b/c.go": "size:0"})
	l := list(t, root, Options{})
	want := []File{{Path: "a.go", Size: 123}, {Path: "b/c.go", Size: 0}}
	if !reflect.DeepEqual(l.Files, want) {
		t.Errorf("Files = %+v, want %+v", l.Files, want)
	}
	// What Lstat said of each file is kept, in the order of Files.
	for i, f := range l.Files {
		fi := l.FileInfo(i)
		if fi == nil || fi.Name() != path.Base(f.Path) || fi.Size() != f.Size || !fi.Mode().IsRegular() {
			t.Errorf("FileInfo(%d) = %v, want the file %s", i, fi, f.Path)
		}
	}
	if l.FileInfo(-1) != nil || l.FileInfo(len(l.Files)) != nil {
		t.Error("FileInfo out of range is not nil")
	}
}

func TestListWalkWarning(t *testing.T) {
	root := setup(t, false, tree{"a.go": "x"})
	l := list(t, root, Options{})
	if l.Git || l.Commit != "" {
		t.Errorf("Git = %v, Commit = %q", l.Git, l.Commit)
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "not a git repository") ||
		!strings.Contains(l.Warnings[0], ".gitignore is not applied") {
		t.Errorf("Warnings = %q", l.Warnings)
	}
}

func TestListWalkSkipsVCSDirs(t *testing.T) {
	root := setup(t, false, tree{
		"a.go": "x", ".hg/store/x.go": "x", ".svn/x.go": "x", "sub/.git/config.go": "x",
		"CVS/Entries.go": "x", ".gitignore": "*.go\n",
	})
	// .gitignore is not applied without git.
	check(t, list(t, root, Options{}), []string{".gitignore", "a.go"}, nil)
}

func TestListSymlinks(t *testing.T) {
	outside := t.TempDir()
	makeTree(t, outside, tree{"secret.go": "x", "dir/x.go": "x"})
	files := tree{
		"a.go":        "package a",
		"sub/b.go":    "package b",
		"link.go":     "-> a.go",
		"dirlink":     "-> sub",
		"sub/up":      "-> ..",
		"out.go":      "-> " + filepath.ToSlash(filepath.Join(outside, "secret.go")),
		"outdir":      "-> " + filepath.ToSlash(filepath.Join(outside, "dir")),
		"loop/a":      "-> b",
		"loop/b":      "-> a",
		"self":        "-> self",
		"dangling.go": "-> nowhere.go",
		"vendor/v.go": "-> ../a.go",
	}
	for _, mode := range []string{"walk", "git"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "git" {
				needGit(t)
			}
			root := setup(t, mode == "git", files)
			check(t, list(t, root, Options{}), []string{"a.go", "sub/b.go"}, []string{
				"dangling.go symlink", "dirlink symlink", "link.go symlink", "loop/a symlink",
				"loop/b symlink", "out.go symlink", "outdir symlink", "self symlink",
				"sub/up symlink", "vendor/ vendored",
			})
			// Only names that Match accepts are recorded.
			check(t, list(t, root, Options{Match: ext(".go")}), []string{"a.go", "sub/b.go"}, []string{
				"dangling.go symlink", "link.go symlink", "out.go symlink", "vendor/ vendored",
			})
			// Include does not make a symlink a file.
			check(t, list(t, root, Options{Match: ext(".go"), Include: []string{"vendor"}}), []string{"a.go", "sub/b.go"}, []string{
				"dangling.go symlink", "link.go symlink", "out.go symlink", "vendor/v.go symlink",
			})
		})
	}
}

func TestListRootSymlink(t *testing.T) {
	real := setup(t, false, tree{"a.go": "x", "b/c.go": "x"})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	l := list(t, link, Options{})
	if l.Root != link {
		t.Errorf("Root = %q, want %q", l.Root, link)
	}
	check(t, l, []string{"a.go", "b/c.go"}, nil)
}

func TestListRootIsCleanedAbsolute(t *testing.T) {
	root := setup(t, false, tree{"a.go": "x"})
	t.Chdir(filepath.Dir(root))
	l := list(t, "./"+filepath.Base(root)+"/../"+filepath.Base(root)+"/", Options{})
	if l.Root != root {
		t.Errorf("Root = %q, want %q", l.Root, root)
	}
	check(t, l, []string{"a.go"}, nil)
}

func TestListRootErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	_, err := List(context.Background(), missing, Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing root: err = %v, want fs.ErrNotExist", err)
	}
	if err != nil && (!strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "check the path")) {
		t.Errorf("missing root: err = %v", err)
	}

	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = List(context.Background(), file, Options{})
	if err == nil || !strings.Contains(err.Error(), "not a directory") || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file root: err = %v", err)
	}

	_, err = List(context.Background(), dir, Options{Exclude: []string{"a/[b"}})
	if err == nil || !strings.Contains(err.Error(), "a/[b") {
		t.Errorf("bad pattern: err = %v", err)
	}
}

func TestListUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not stop root")
	}
	root := setup(t, false, tree{"a.go": "x", "locked/b.go": "x"})
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	check(t, list(t, root, Options{}), []string{"a.go"}, []string{"locked/ unreadable"})

	if err := os.Chmod(root, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(root, 0o755) })
	if _, err := List(context.Background(), root, Options{}); err == nil || !strings.Contains(err.Error(), "permissions") {
		t.Errorf("unreadable root: err = %v", err)
	}
}

func TestListCancelled(t *testing.T) {
	for _, mode := range []string{"walk", "git"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "git" {
				needGit(t)
			}
			files := tree{}
			for i := range 2000 {
				files[fmt.Sprintf("d%02d/f%04d.go", i%20, i)] = "x"
			}
			root := setup(t, mode == "git", files)

			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := List(ctx, root, Options{}); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled before: err = %v", err)
			}

			// Cancel in the middle: Match is called once per file.
			ctx, cancel = context.WithCancel(context.Background())
			defer cancel()
			var calls atomic.Int64
			match := func(string) bool {
				if calls.Add(1) == 100 {
					cancel()
				}
				return true
			}
			_, err := List(ctx, root, Options{Match: match})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled midway: err = %v", err)
			}
			if n := calls.Load(); n > 400 {
				t.Errorf("Match was called %d times after cancellation at 100", n)
			}
		})
	}
}

// benchTree makes 50 modules of 100 packages of 10 Java files.
func benchTree(b *testing.B) string {
	root := b.TempDir()
	b.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(root))
	for i := range 50000 {
		p := filepath.Join(root, fmt.Sprintf("m%02d", i/1000), "src", fmt.Sprintf("p%03d", i/10%100), fmt.Sprintf("F%05d.java", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("class F {}"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

func benchList(b *testing.B, root string, git bool) {
	b.ResetTimer()
	for b.Loop() {
		l, err := List(context.Background(), root, Options{Match: ext(".java")})
		if err != nil || len(l.Files) != 50000 || l.Git != git {
			b.Fatalf("List: %v, %d files, Git %v", err, len(l.Files), l.Git)
		}
	}
}

func BenchmarkListWalk(b *testing.B) {
	benchList(b, benchTree(b), false)
}

func BenchmarkListGit(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	root := benchTree(b)
	git(b, root, "init", "-q")
	git(b, root, "add", "-A")
	git(b, root, "commit", "-q", "-m", "bench")
	benchList(b, root, true)
}
