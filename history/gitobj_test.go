package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository with the given commits, each a map of path
// to content ("" deletes), and returns its directory and the commits,
// oldest first.
func gitRepo(t *testing.T, commits ...map[string]string) (string, []string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	var hashes []string
	for _, files := range commits {
		for p, content := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if content == "" {
				os.Remove(full)
				continue
			}
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		git("add", "-A")
		git("commit", "-q", "--allow-empty", "-m", "c")
		hashes = append(hashes, git("rev-parse", "HEAD"))
	}
	return dir, hashes
}

func TestObjectsFiles(t *testing.T) {
	dir, commits := gitRepo(t,
		map[string]string{"a.java": "1", "a/b.java": "2", "a/b/c.java": "3", "z z/é.java": "4", "README": "r"},
		map[string]string{"a/b.java": "2'", "a/b/c.java": ""},
	)
	ctx := context.Background()
	o, err := OpenObjects(ctx, dir, func(name string) bool { return strings.HasSuffix(name, ".java") })
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	for _, c := range commits {
		files, err := o.Files(c)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("git", "-C", dir, "ls-tree", "-r", "-z", c).Output()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, rec := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
			meta, p, _ := strings.Cut(rec, "\t")
			f := strings.Fields(meta)
			if strings.HasSuffix(p, ".java") {
				want = append(want, f[0]+" "+f[2]+" "+p)
			}
		}
		var got []string
		for _, f := range files {
			got = append(got, f.Mode+" "+f.Blob+" "+f.Path)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("commit %s:\n%s\nwant (git ls-tree):\n%s", c[:7], strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if _, _, err := o.Read("0123456789012345678901234567890123456789"); err == nil {
		t.Error("reading a missing object: no error")
	}
	// Still usable after a missing object.
	if _, err := o.Files(commits[0]); err != nil {
		t.Error(err)
	}
}
