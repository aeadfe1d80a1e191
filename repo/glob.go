package repo

import (
	"fmt"
	"path"
	"strings"
)

// A glob is a compiled Exclude or Include pattern: slash-separated
// segments, each either "**" or a path.Match pattern.
type glob struct {
	src  string
	segs []string
}

// compileGlob checks and splits a pattern. Leading "./" and "/" are
// dropped (patterns are always anchored at the root), as are empty
// segments and a trailing slash; consecutive "**" segments are merged.
func compileGlob(pattern string) (glob, error) {
	p := strings.TrimPrefix(pattern, "./")
	var segs []string
	for s := range strings.SplitSeq(p, "/") {
		switch {
		case s == "" || s == ".":
			continue
		case s == "**":
			if len(segs) > 0 && segs[len(segs)-1] == "**" {
				continue
			}
		default:
			if _, err := path.Match(s, ""); err != nil {
				return glob{}, fmt.Errorf("invalid pattern %q: %w", pattern, err)
			}
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return glob{}, fmt.Errorf("invalid pattern %q: it matches nothing", pattern)
	}
	return glob{src: pattern, segs: segs}, nil
}

// match reports whether the pattern matches exactly the path whose
// segments are segs.
func (g glob) match(segs []string) bool {
	return matchSegs(g.segs, segs)
}

// matchSegs matches pattern segments against path segments; "**" stands
// for zero or more whole segments.
func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(segs); i++ {
				if matchSegs(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// covers reports whether the pattern matches the path or one of its
// ancestor directories, that is whether it selects the path: "legacy",
// "legacy/**" and "legacy/*.java" all select "legacy/A.java".
func (g glob) covers(segs []string) bool {
	for n := 1; n <= len(segs); n++ {
		if matchSegs(g.segs, segs[:n]) {
			return true
		}
	}
	return false
}

// reaches reports whether the pattern could select some path inside the
// directory whose segments are dir: it selects dir itself, or a path that
// starts with dir's segments. It is conservative: true when unsure.
func (g glob) reaches(dir []string) bool {
	pat := g.segs
	for _, s := range dir {
		if len(pat) == 0 {
			return true // the pattern matched an ancestor of a path inside dir
		}
		if pat[0] == "**" {
			return true
		}
		if ok, _ := path.Match(pat[0], s); !ok {
			return false
		}
		pat = pat[1:]
	}
	return true
}

// globs is a list of patterns.
type globs []glob

func compileGlobs(kind string, patterns []string) (globs, error) {
	var gs globs
	for _, p := range patterns {
		g, err := compileGlob(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", kind, err)
		}
		gs = append(gs, g)
	}
	return gs, nil
}

func (gs globs) match(segs []string) bool {
	for _, g := range gs {
		if g.match(segs) {
			return true
		}
	}
	return false
}

func (gs globs) covers(segs []string) bool {
	for _, g := range gs {
		if g.covers(segs) {
			return true
		}
	}
	return false
}

func (gs globs) reaches(dir []string) bool {
	for _, g := range gs {
		if g.reaches(dir) {
			return true
		}
	}
	return false
}

// Selects reports whether the pattern (written as for Options.Exclude:
// anchored at the root, "**" for any number of segments) selects the
// slash path p: matches it or one of its ancestor directories. An invalid
// pattern is an error.
func Selects(pattern, p string) (bool, error) {
	g, err := compileGlob(pattern)
	if err != nil {
		return false, err
	}
	return g.covers(strings.Split(p, "/")), nil
}
