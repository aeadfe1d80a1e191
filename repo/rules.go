package repo

import (
	"path"
	"strings"
)

// Reason says why a path was skipped.
type Reason string

// The reasons a path is skipped. The first group are the default rules
// that Options.Include can override; the rest cannot be overridden.
const (
	ReasonVendored    Reason = "vendored"     // third-party code: vendor/, node_modules/, ...
	ReasonBuildOutput Reason = "build-output" // compiler or bundler output: target/, build/, ...
	ReasonGenerated   Reason = "generated"    // generated-source trees: generated/, generated-sources/
	ReasonTooling     Reason = "tooling"      // IDE and build-tool state: .idea/, .gradle/, ...
	ReasonTest        Reason = "test"         // test trees and test files (see Options.Tests)
	ReasonMinified    Reason = "minified"     // *.min.js, *.min.css, *.bundle.js

	ReasonExcluded   Reason = "excluded"    // an Options.Exclude pattern
	ReasonTooLarge   Reason = "too-large"   // larger than Options.MaxFileSize
	ReasonSymlink    Reason = "symlink"     // a symbolic link (never followed)
	ReasonNotRegular Reason = "not-regular" // a socket, fifo, device, or a directory where a file was expected
	ReasonSubmodule  Reason = "submodule"   // a git submodule or nested repository (not descended into)
	ReasonUnreadable Reason = "unreadable"  // a file or directory that could not be examined
)

// dirAnywhere are the directory names skipped at any depth.
var dirAnywhere = map[string]Reason{
	"node_modules":     ReasonVendored,
	"bower_components": ReasonVendored,
	"jspm_packages":    ReasonVendored,
	".venv":            ReasonVendored,
	"venv":             ReasonVendored,
	"site-packages":    ReasonVendored,
	// Browser libraries copied into a web root, as GitHub Linguist's
	// vendor list names them: no application calls its own code by
	// these names.
	"ckeditor":   ReasonVendored,
	"codemirror": ReasonVendored,
	"tinymce":    ReasonVendored,
	"tiny_mce":   ReasonVendored,
	"ace-builds": ReasonVendored,
	"mathjax":    ReasonVendored,
	"MathJax":    ReasonVendored,

	"bin":         ReasonBuildOutput,
	"obj":         ReasonBuildOutput,
	"__pycache__": ReasonBuildOutput,
	".next":       ReasonBuildOutput,
	".nuxt":       ReasonBuildOutput,

	"generated":              ReasonGenerated,
	"generated-sources":      ReasonGenerated,
	"generated-test-sources": ReasonGenerated,

	".idea":              ReasonTooling,
	".vscode":            ReasonTooling,
	".vs":                ReasonTooling,
	".settings":          ReasonTooling,
	".gradle":            ReasonTooling,
	".mvn":               ReasonTooling,
	".tox":               ReasonTooling,
	".nox":               ReasonTooling,
	".mypy_cache":        ReasonTooling,
	".pytest_cache":      ReasonTooling,
	".terraform":         ReasonTooling,
	".sass-cache":        ReasonTooling,
	".angular":           ReasonTooling,
	".parcel-cache":      ReasonTooling,
	".yarn":              ReasonTooling,
	".history":           ReasonTooling,
	".metadata":          ReasonTooling,
	".eggs":              ReasonTooling,
	".ipynb_checkpoints": ReasonTooling,
}

// dirOutsideSrc are directory names that are also plausible package or
// namespace names ("com/acme/vendor", "com/acme/build"), so they are
// skipped only when no ancestor directory is named "src".
var dirOutsideSrc = map[string]Reason{
	"vendor": ReasonVendored,
	"target": ReasonBuildOutput,
	"build":  ReasonBuildOutput,
	"dist":   ReasonBuildOutput,
	"out":    ReasonBuildOutput,
}

// testDirAnywhere are test directory names skipped at any depth.
var testDirAnywhere = map[string]bool{
	"__tests__": true,
	"__mocks__": true,
	"testdata":  true,
}

// testDirOutsideSrc are test directory names skipped only when no
// ancestor is named "src" (a Java package may be called "test").
var testDirOutsideSrc = map[string]bool{
	"test":  true,
	"tests": true,
	"spec":  true,
}

// testDirInSrc are the Maven and Gradle source sets holding tests: a
// directory with one of these names directly inside a "src" directory.
var testDirInSrc = map[string]bool{
	"test":             true,
	"tests":            true,
	"it":               true,
	"integration-test": true,
	"integrationTest":  true,
	"intTest":          true,
	"testFixtures":     true,
	"functionalTest":   true,
	"androidTest":      true,
}

// testFileSuffixes name test files. A name must be longer than the
// suffix: "Test.java" alone is not a test by this rule.
var testFileSuffixes = []string{
	"Test.java", "Tests.java", "TestCase.java", "IT.java", "ITCase.java",
	"Test.kt", "Tests.kt",
	"Test.groovy", "Spec.groovy",
	"Test.scala", "Spec.scala", "Suite.scala",
	"_test.go",
	"_test.py",
	"_spec.rb", "_test.rb",
	".test.js", ".spec.js", ".test.jsx", ".spec.jsx",
	".test.mjs", ".spec.mjs", ".test.cjs", ".spec.cjs",
	".test.ts", ".spec.ts", ".test.tsx", ".spec.tsx",
	"Test.cs", "Tests.cs",
	"Test.php",
}

// testFileNames are test files by exact name.
var testFileNames = map[string]bool{
	"conftest.py": true,
	"tests.py":    true,
}

// minifiedSuffixes name minified or bundled files.
var minifiedSuffixes = []string{".min.js", ".min.css", ".bundle.js"}

// vcsDirs are version-control metadata directories, never walked.
var vcsDirs = map[string]bool{
	".git": true,
	".hg":  true,
	".svn": true,
	".bzr": true,
	"CVS":  true,
}

// rules decides, from a path alone, whether it is skipped.
type rules struct {
	match      func(string) bool
	exclude    globs
	include    globs
	defaults   bool // apply the default tree and minified rules
	skipTests  bool // apply the test rules
	maxSize    int64
	hasInclude bool
}

// defaultMaxFileSize is the size limit when Options.MaxFileSize is 0.
const defaultMaxFileSize = 1 << 20

func newRules(opts Options) (*rules, error) {
	exclude, err := compileGlobs("exclude", opts.Exclude)
	if err != nil {
		return nil, err
	}
	include, err := compileGlobs("include", opts.Include)
	if err != nil {
		return nil, err
	}
	r := &rules{
		match:      opts.Match,
		exclude:    exclude,
		include:    include,
		defaults:   !opts.NoDefaultExcludes,
		skipTests:  !opts.Tests,
		maxSize:    opts.MaxFileSize,
		hasInclude: len(include) > 0,
	}
	if r.maxSize == 0 {
		r.maxSize = defaultMaxFileSize
	}
	if r.match == nil {
		r.match = func(string) bool { return true }
	}
	return r, nil
}

// dirReason is the default rule, if any, that skips the directory
// segs[i], given its ancestors segs[:i].
func (r *rules) dirReason(segs []string, i int) Reason {
	name := segs[i]
	inSrc := false
	for _, s := range segs[:i] {
		if s == "src" {
			inSrc = true
			break
		}
	}
	if r.defaults {
		if reason, ok := dirAnywhere[name]; ok {
			return reason
		}
		if reason, ok := dirOutsideSrc[name]; ok && !inSrc {
			return reason
		}
	}
	if r.skipTests {
		if testDirAnywhere[name] || (testDirOutsideSrc[name] && !inSrc) {
			return ReasonTest
		}
		if i > 0 && segs[i-1] == "src" && testDirInSrc[name] {
			return ReasonTest
		}
	}
	return ""
}

// fileReason is the default rule, if any, that skips a file by its name.
func (r *rules) fileReason(name string) Reason {
	if r.defaults && hasLongerSuffix(name, minifiedSuffixes) {
		return ReasonMinified
	}
	if r.skipTests {
		if testFileNames[name] || hasLongerSuffix(name, testFileSuffixes) ||
			(strings.HasPrefix(name, "test_") && strings.HasSuffix(name, ".py")) {
			return ReasonTest
		}
	}
	return ""
}

func hasLongerSuffix(name string, suffixes []string) bool {
	for _, s := range suffixes {
		if len(name) > len(s) && strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// decision is what the path rules say about one path.
type decision struct {
	skip Skip // valid when skipped
	// skipped: the path is skipped; dir: by a rule on the directory
	// skip.Path (which ends in "/"), recorded whatever Match says.
	skipped, dir bool
}

func dirSkip(segs []string, reason Reason) decision {
	return decision{skip: Skip{Path: strings.Join(segs, "/") + "/", Reason: reason}, skipped: true, dir: true}
}

// file decides a file path. The outermost rule wins: each directory on
// the path, from the root down, is checked against Exclude and then the
// default rules (unless Include selects the file), then the file itself.
func (r *rules) file(p string) decision {
	segs := strings.Split(p, "/")
	included := r.hasInclude && r.include.covers(segs)
	for i := range len(segs) - 1 {
		if r.exclude.match(segs[:i+1]) {
			return dirSkip(segs[:i+1], ReasonExcluded)
		}
		if !included {
			if reason := r.dirReason(segs, i); reason != "" {
				return dirSkip(segs[:i+1], reason)
			}
		}
	}
	if r.exclude.match(segs) {
		return decision{skip: Skip{Path: p, Reason: ReasonExcluded}, skipped: true}
	}
	if !included {
		if reason := r.fileReason(path.Base(p)); reason != "" {
			return decision{skip: Skip{Path: p, Reason: reason}, skipped: true}
		}
	}
	return decision{}
}

// dir decides a directory path for the tree walk, consistently with file:
// prune reports that no file below it can be listed, and d is then the
// skip its files would get. When a default rule skips the directory but
// an Include pattern may reach into it, d is that rule's skip and prune
// is false: the walk must enter it.
func (r *rules) dir(p string) (d decision, prune bool) {
	segs := strings.Split(p, "/")
	var pending decision
	for i := range segs {
		if r.exclude.match(segs[:i+1]) {
			return dirSkip(segs[:i+1], ReasonExcluded), true
		}
		if !pending.skipped {
			if reason := r.dirReason(segs, i); reason != "" {
				pending = dirSkip(segs[:i+1], reason)
			}
		}
		if pending.skipped && !r.include.reaches(segs[:i+1]) {
			return pending, true
		}
	}
	return pending, false
}
