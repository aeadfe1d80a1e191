package repo

import (
	"strings"
	"testing"
)

func TestCompileGlob(t *testing.T) {
	tests := []struct {
		pattern string
		want    string // segments joined by "|", or "error"
	}{
		{"a/b", "a|b"},
		{"./a/b/", "a|b"},
		{"/a//b", "a|b"},
		{"**/**/a", "**|a"},
		{"a/**/**", "a|**"},
		{"**", "**"},
		{"a/[b", "error"},
		{`a/b\`, "error"},
		{"", "error"},
		{"/", "error"},
		{"./", "error"},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		got := strings.Join(g.segs, "|")
		if err != nil {
			got = "error"
		}
		if got != tt.want {
			t.Errorf("compileGlob(%q) = %s (err %v), want %s", tt.pattern, got, err, tt.want)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		match, covers bool
	}{
		{"a.java", "a.java", true, true},
		{"*.java", "a.java", true, true},
		{"*.java", "src/a.java", false, false},
		{"**/*.java", "a.java", true, true},
		{"**/*.java", "src/a.java", true, true},
		{"**/*.java", "src/main/java/a.java", true, true},
		{"**/*.java", "src/a.go", false, false},
		{"legacy", "legacy", true, true},
		{"legacy", "legacy/a.java", false, true},
		{"legacy", "src/legacy/a.java", false, false},
		{"legacy/**", "legacy/a/b.java", true, true},
		{"legacy/**", "legacy", true, true},
		{"legacy/**", "legacyx/a.java", false, false},
		{"**/legacy/**", "a/b/legacy/c/d.java", true, true},
		{"**/legacy/**", "legacy/d.java", true, true},
		{"**/legacy/**", "a/legacy2/d.java", false, false},
		{"**/legacy", "a/legacy/d.java", false, true},
		{"src/**/gen/*.java", "src/gen/a.java", true, true},
		{"src/**/gen/*.java", "src/x/y/gen/a.java", true, true},
		{"src/**/gen/*.java", "src/x/y/gen/z/a.java", false, false},
		{"src/*/a.go", "src/x/a.go", true, true},
		{"src/*/a.go", "src/x/y/a.go", false, false},
		{"a?c/[xy].go", "abc/x.go", true, true},
		{"a?c/[xy].go", "abc/z.go", false, false},
		{"**", "anything/at/all", true, true},
		{"**/a/**/b", "x/a/y/z/b", true, true},
		{"**/a/**/b", "x/a/b", true, true},
		{"**/a/**/b", "x/b/a", false, false},
		{"a/**/b/**/c/**/d", "a/1/2/b/3/c/4/5/6/d", true, true},
		{"a/**/b/**/c/**/d", "a/1/2/b/3/c/4/5/6/e", false, false},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		if err != nil {
			t.Fatalf("compileGlob(%q): %v", tt.pattern, err)
		}
		segs := strings.Split(tt.path, "/")
		if got := g.match(segs); got != tt.match {
			t.Errorf("%q match %q = %v, want %v", tt.pattern, tt.path, got, tt.match)
		}
		if got := g.covers(segs); got != tt.covers {
			t.Errorf("%q covers %q = %v, want %v", tt.pattern, tt.path, got, tt.covers)
		}
	}
}

func TestGlobReaches(t *testing.T) {
	tests := []struct {
		pattern, dir string
		want         bool
	}{
		{"vendor/acme/**", "vendor", true},
		{"vendor/acme/**", "vendor/acme", true},
		{"vendor/acme/**", "vendor/acme/x", true},
		{"vendor/acme/**", "vendor/other", false},
		{"vendor/acme/**", "node_modules", false},
		{"vendor/acme", "vendor/acme/x/y", true},
		{"build", "build", true},
		{"build/*.java", "build", true},
		{"build/*.java", "build/x", false},
		{"build/*.java", "build/x.java", true}, // a directory the pattern selects
		{"**/gen/**", "anything", true},
		{"*/target/**", "m1", true},
		{"*/target/**", "m1/target", true},
		{"*/target/**", "m1/src", false},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.reaches(strings.Split(tt.dir, "/")); got != tt.want {
			t.Errorf("%q reaches %q = %v, want %v", tt.pattern, tt.dir, got, tt.want)
		}
	}
}
