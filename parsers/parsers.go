// Package parsers turns the files of a repository into facts: it reads each
// file once, decides whether it can be analysed (binary, generated,
// encoding), and hands it to the parser of its language, on a bounded pool
// of workers.
//
// Each worker owns one parser per language and closes them when it is
// done. A failure in one file (unreadable, binary, a syntax error, even a
// panic in an extractor) becomes a diagnostic and the run goes on; only a
// cancelled context stops it. Results come back in the order of the input,
// so the output does not depend on scheduling.
//
// # Cache
//
// With Options.Cache set, a file's facts are looked up by a key made of
// its language, the language's parser Version and the SHA-256 of its
// bytes (see Key) before it is parsed, and stored after. An unchanged file
// is then never parsed again: later in the same run (the same content at
// another path), in later runs, at other commits. On a hit the facts come
// back with Path, and the paths of their diagnostics, set to the path
// asked for. When the caller already knows a file's hash (Options.Sums,
// from a stat cache), a cached file is not even read. A file analysed with
// a diagnostic from the driver (read as Latin-1) is not cached, and a
// generated file kept by KeepGenerated is cached under a key of its own,
// so that a cached entry never skips the checks the driver makes on the
// bytes.
//
// Parse reads the files from disk; ParseContents takes their bytes (the
// blobs of a past commit, read from git's object store).
package parsers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/csharp"
	"github.com/seams-dev/seams/parsers/golang"
	"github.com/seams-dev/seams/parsers/java"
	"github.com/seams-dev/seams/parsers/kotlin"
	"github.com/seams-dev/seams/parsers/mapping"
	"github.com/seams-dev/seams/parsers/php"
	"github.com/seams-dev/seams/parsers/python"
	"github.com/seams-dev/seams/parsers/ruby"
	"github.com/seams-dev/seams/parsers/sql"
	"github.com/seams-dev/seams/parsers/typescript"
	"github.com/seams-dev/seams/parsers/views"
	"github.com/seams-dev/seams/repo"
)

// FileParser extracts the facts of one file at a time. Parse returns nil
// facts and no error for a file it has nothing to say about (an XML or
// YAML file that is no mapping): the file is left out, silently.
type FileParser interface {
	Parse(ctx context.Context, path string, src []byte) (*facts.File, error)
	Close()
}

// Language is one supported language.
type Language struct {
	Name       string
	Extensions []string // with the dot: ".java"
	// Version is the version of the facts the language's parser emits,
	// a constant next to the parser (java.Version). Bump it whenever the
	// parser emits different facts for some input, so that facts cached
	// by an earlier version are not used. "" keeps the language out of
	// the cache.
	Version string
	New     func() (FileParser, error)
	// Packages, when set, analyses all the language's files of a
	// checkout at once: a language whose facts depend on other files (Go,
	// type-checked package by package). Parse hands it, after the driver's
	// checks (readable, not binary, not generated unless kept), the paths
	// of the language's files relative to root, and uses its facts in
	// place of New's; ParseContents, which has no checkout, still parses
	// each file with New. Its facts are not cached: they depend on other
	// files. A diagnostic it returns without a Path concerns the whole run
	// (a module that could not be loaded): Parse returns its message in
	// Result.Notes.
	Packages func(ctx context.Context, root string, files []string, jobs int) ([]*facts.File, []facts.Diagnostic, error)
}

// Languages returns the supported languages.
func Languages() []Language {
	return []Language{
		{Name: "java", Extensions: []string{".java"}, Version: java.Version, New: func() (FileParser, error) { return java.NewParser() }},
		{Name: "mapping", Extensions: []string{".xml", ".yaml", ".yml"}, Version: mapping.Version, New: func() (FileParser, error) { return mapping.NewParser() }},
		{Name: "csharp", Extensions: []string{".cs"}, Version: csharp.Version, New: func() (FileParser, error) { return csharp.NewParser() }},
		{Name: "kotlin", Extensions: []string{".kt"}, Version: kotlin.Version, New: func() (FileParser, error) { return kotlin.NewParser() }},
		{Name: "ruby", Extensions: []string{".rb"}, Version: ruby.Version, New: func() (FileParser, error) { return ruby.NewParser() }},
		{Name: "php", Extensions: []string{".php"}, Version: php.Version, New: func() (FileParser, error) { return php.NewParser() }},
		{Name: "sql", Extensions: []string{".sql"}, Version: sql.Version, New: func() (FileParser, error) { return sql.NewParser() }},
		{Name: "python", Extensions: []string{".py"}, Version: python.Version, New: func() (FileParser, error) { return python.NewParser() }},
		{Name: "typescript", Extensions: typescript.Extensions, Version: typescript.Version, New: func() (FileParser, error) { return typescript.NewParser() }},
		{Name: "go", Extensions: []string{".go"}, Version: golang.Version, New: func() (FileParser, error) { return golang.NewParser() }, Packages: golang.Load},
		{Name: "view", Extensions: views.Extensions, Version: views.Version, New: func() (FileParser, error) { return views.NewParser() }},
	}
}

// LanguageOf returns the language of a path by its extension (by its
// place too, for the templates package views recognises).
func LanguageOf(p string) (Language, bool) {
	ext := strings.ToLower(path.Ext(p))
	langs := Languages()
	if views.DialectOf(p) != "" {
		// A template, a Blade one (.blade.php) or a Thymeleaf one (.html)
		// included: package views says which paths are templates.
		for _, l := range langs {
			if l.Name == "view" {
				return l, true
			}
		}
	}
	for _, l := range langs {
		for _, e := range l.Extensions {
			if e == ext {
				return l, true
			}
		}
	}
	return Language{}, false
}

// IsSource reports whether a path has the extension of a supported
// language; it is the walker's filter. It answers as LanguageOf does,
// without building the language table for every path.
func IsSource(p string) bool {
	return sourceExtensions[strings.ToLower(path.Ext(p))] || views.DialectOf(p) != ""
}

// sourceExtensions are the extensions of Languages, read-only.
var sourceExtensions = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range Languages() {
		for _, e := range l.Extensions {
			m[e] = true
		}
	}
	return m
}()

// Options controls a Parse.
type Options struct {
	// Jobs is the number of workers; 0 means one per CPU. 1 parses in
	// order on one goroutine, for debugging.
	Jobs int
	// KeepGenerated analyses files whose header says they are generated.
	KeepGenerated bool
	// Progress, when set, is called after each file with the number done
	// so far. It is called from the workers: it must be safe for
	// concurrent use and quick.
	Progress func(done, total int)
	// Cache, when set, keeps facts by content (see the package
	// documentation). It is called from the workers: it must be safe for
	// concurrent use.
	Cache Cache
	// Sums, when set, returns the SHA-256 of a file's bytes when the
	// caller already knows it (from a cache of file metadata), so that a
	// file whose facts are cached is not read. A file that must be parsed
	// is hashed again from the bytes read. It is called from the workers.
	Sums func(path string) (sum [32]byte, ok bool)
}

// Cache stores facts by key (see Key). Get returns facts the caller
// must not modify; Put receives facts the cache must not modify and that
// the caller will not modify either.
type Cache interface {
	Get(key string) (*facts.File, bool)
	Put(key string, f *facts.File)
}

// driverVersion is folded into every cache key: bump it when the driver
// changes what it hands a parser (the BOM, the Latin-1 reading).
const driverVersion = "1"

// Key is the cache key of the facts of a file in language lang whose
// bytes, as read, have the SHA-256 sum. It is "" for a language without a
// Version: such files are not cached.
func Key(lang Language, sum [32]byte) string {
	if lang.Version == "" {
		return ""
	}
	return lang.Name + "/" + lang.Version + "/" + driverVersion + "/" + hex.EncodeToString(sum[:])
}

// generatedKey is the key of a generated file analysed under
// KeepGenerated: a run without it must not find it.
func generatedKey(key string) string { return key + "/generated" }

// Input is a file given by its bytes rather than its path on disk.
type Input struct {
	Path string // repository-relative, slash-separated
	Src  []byte
}

// Result is what Parse learned.
type Result struct {
	// Files holds the facts of each analysed file, in input order.
	Files []*facts.File
	// Diagnostics lists problems with single files, in input order:
	// skipped files and files analysed with some loss.
	Diagnostics []facts.Diagnostic
	// Notes are what a language's Packages said about the whole run
	// (precision lost for want of a module, say), for the reader.
	Notes []string
}

// Parse reads and parses files (paths relative to root). The files of a
// language with Packages are analysed together, after the others.
func Parse(ctx context.Context, root string, files []repo.File, opts Options) (*Result, error) {
	var single, packaged []int
	for i, f := range files {
		if l, ok := LanguageOf(f.Path); ok && l.Packages != nil {
			packaged = append(packaged, i)
		} else {
			single = append(single, i)
		}
	}
	read := func(rel string) source {
		return source{path: rel, read: func() ([]byte, error) { return os.ReadFile(filepath.Join(root, filepath.FromSlash(rel))) }}
	}
	progress := opts.Progress
	if progress != nil {
		opts.Progress = func(done, _ int) { progress(done, len(files)) }
	}
	if len(packaged) == 0 {
		return parse(ctx, len(files), func(i int) source { return read(files[i].Path) }, opts)
	}
	sFiles, sDiags, err := parseEach(ctx, len(single), func(i int) source { return read(files[single[i]].Path) }, opts)
	if err != nil {
		return nil, err
	}
	pres, err := parsePackages(ctx, root, files, packaged, opts)
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(len(files), len(files))
	}
	// Back to input order.
	out := &Result{Notes: pres.notes}
	si, pi := 0, 0
	for i := range files {
		var f *facts.File
		var d []facts.Diagnostic
		if pi < len(packaged) && packaged[pi] == i {
			f, d = pres.files[pi], pres.diags[pi]
			pi++
		} else {
			f, d = sFiles[si], sDiags[si]
			si++
		}
		if f != nil {
			out.Files = append(out.Files, f)
		}
		out.Diagnostics = append(out.Diagnostics, d...)
	}
	return out, nil
}

// packagedResult is what parsePackages learned, by position in its list.
type packagedResult struct {
	files []*facts.File
	diags [][]facts.Diagnostic
	notes []string
}

// parsePackages runs the driver's checks on the files at the given
// indexes, then hands the ones that pass to their language's Packages.
func parsePackages(ctx context.Context, root string, files []repo.File, idx []int, opts Options) (*packagedResult, error) {
	out := &packagedResult{files: make([]*facts.File, len(idx)), diags: make([][]facts.Diagnostic, len(idx))}
	byLang := map[string][]string{}
	var langs []Language
	slot := map[string]int{}
	for k, i := range idx {
		rel := files[i].Path
		lang, _ := LanguageOf(rel)
		skip := func(code, format string, args ...any) {
			out.diags[k] = []facts.Diagnostic{{Path: rel, Severity: facts.Skipped, Code: code, Message: fmt.Sprintf(format, args...)}}
		}
		head, err := readHead(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			skip("unreadable", "cannot read: %v", err)
			continue
		}
		binary, generated := repo.Sniff(head)
		if binary {
			skip("binary", "binary content in a .%s file", strings.TrimPrefix(path.Ext(rel), "."))
			continue
		}
		if generated && !opts.KeepGenerated {
			skip("generated", "generated file (its header says so); use --keep-generated to analyse it")
			continue
		}
		if _, ok := byLang[lang.Name]; !ok {
			langs = append(langs, lang)
		}
		byLang[lang.Name] = append(byLang[lang.Name], rel)
		slot[rel] = k
	}
	for _, lang := range langs {
		got, diags, err := lang.Packages(ctx, root, byLang[lang.Name], opts.Jobs)
		if err != nil {
			return nil, fmt.Errorf("analysing the %s packages: %w", lang.Name, err)
		}
		for _, f := range got {
			if k, ok := slot[f.Path]; ok && out.files[k] == nil {
				out.files[k] = f
			}
		}
		for _, d := range diags {
			k, ok := slot[d.Path]
			switch {
			case d.Path == "":
				out.notes = append(out.notes, d.Message)
			case ok:
				out.diags[k] = append(out.diags[k], d)
			}
		}
	}
	return out, nil
}

// readHead reads the first bytes of a file, enough for repo.Sniff.
func readHead(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 8192)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// ParseContents parses files given by their bytes, as Parse does files
// on disk. Options.Sums is not used: the bytes are at hand.
func ParseContents(ctx context.Context, files []Input, opts Options) (*Result, error) {
	opts.Sums = nil
	return parse(ctx, len(files), func(i int) source {
		in := files[i]
		return source{path: in.Path, read: func() ([]byte, error) { return in.Src, nil }}
	}, opts)
}

// source is a file to parse: its path and how to get its bytes.
type source struct {
	path string
	read func() ([]byte, error)
}

func parse(ctx context.Context, n int, file func(int) source, opts Options) (*Result, error) {
	out, diags, err := parseEach(ctx, n, file, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	for i := range n {
		if out[i] != nil {
			res.Files = append(res.Files, out[i])
		}
		res.Diagnostics = append(res.Diagnostics, diags[i]...)
	}
	return res, nil
}

// parseEach parses n files on the workers; it returns each file's facts
// (nil when skipped) and all its diagnostics, by index.
func parseEach(ctx context.Context, n int, file func(int) source, opts Options) ([]*facts.File, [][]facts.Diagnostic, error) {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, max(n, 1))
	out := make([]*facts.File, n)
	diags := make([][]facts.Diagnostic, n)
	var next, done atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	fl := &flight{m: map[string]chan struct{}{}}
	for range jobs {
		g.Go(func() error {
			w := worker{parsers: map[string]FileParser{}, keepGenerated: opts.KeepGenerated, cache: opts.Cache, sums: opts.Sums, flight: fl}
			defer w.close()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				out[i], diags[i] = w.file(ctx, file(i))
				if err := ctx.Err(); err != nil {
					return err
				}
				if opts.Progress != nil {
					opts.Progress(int(done.Add(1)), n)
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, fmt.Errorf("parsing stopped: %w", err)
	}
	for i := range n {
		diags[i] = append(diags[i], fileDiags(out[i])...)
	}
	return out, diags, nil
}

func fileDiags(f *facts.File) []facts.Diagnostic {
	if f == nil {
		return nil
	}
	return f.Diagnostics
}

type worker struct {
	parsers       map[string]FileParser
	keepGenerated bool
	cache         Cache
	sums          func(string) ([32]byte, bool)
	flight        *flight
}

// flight keeps one worker parsing a given content at a time: another
// worker with the same content waits and takes the facts from the cache.
type flight struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

// start returns a channel to wait on when another worker parses the key,
// or nil when the caller is to parse it (and call end).
func (fl *flight) start(key string) chan struct{} {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	if ch, ok := fl.m[key]; ok {
		return ch
	}
	fl.m[key] = make(chan struct{})
	return nil
}

func (fl *flight) end(key string) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	close(fl.m[key])
	delete(fl.m, key)
}

func (w *worker) close() {
	for _, p := range w.parsers {
		p.Close()
	}
}

// file analyses one file. It returns nil facts for a skipped file, and the
// diagnostics that are not already in the facts.
func (w *worker) file(ctx context.Context, in source) (f *facts.File, diags []facts.Diagnostic) {
	rel := in.path
	skip := func(code, format string, args ...any) (*facts.File, []facts.Diagnostic) {
		return nil, []facts.Diagnostic{{Path: rel, Severity: facts.Skipped, Code: code, Message: fmt.Sprintf(format, args...)}}
	}
	lang, ok := LanguageOf(rel)
	if !ok {
		return skip("unsupported", "no parser for this file type")
	}
	cache := w.cache
	if lang.Version == "" {
		cache = nil
	}
	if cache != nil && w.sums != nil {
		if sum, ok := w.sums(rel); ok {
			if f, ok := w.cached(Key(lang, sum), rel); ok {
				return f, nil
			}
		}
	}
	src, err := in.read()
	if err != nil {
		return skip("unreadable", "cannot read: %v", err)
	}
	key := ""
	if cache != nil {
		key = Key(lang, sha256.Sum256(src))
		if f, ok := w.cached(key, rel); ok {
			return f, nil
		}
		// The same content elsewhere in this run, being parsed now: wait
		// for its facts.
		if wait := w.flight.start(key); wait != nil {
			select {
			case <-wait:
			case <-ctx.Done():
				return skip("internal", "cancelled")
			}
			if f, ok := w.cached(key, rel); ok {
				return f, nil
			}
		} else {
			defer w.flight.end(key)
		}
	}
	binary, generated := repo.Sniff(src[:min(len(src), 8192)])
	if binary {
		return skip("binary", "binary content in a .%s file", strings.TrimPrefix(path.Ext(rel), "."))
	}
	if generated && !w.keepGenerated {
		return skip("generated", "generated file (its header says so); use --keep-generated to analyse it")
	}
	if generated {
		key = generatedKey(key)
	}
	src = trimBOM(src)
	if !utf8.Valid(src) {
		src = latin1ToUTF8(src)
		diags = append(diags, facts.Diagnostic{Path: rel, Severity: facts.Warning, Code: "encoding",
			Message: "not valid UTF-8: read as Latin-1 (ISO 8859-1); names with other encodings may be garbled"})
	}
	p := w.parsers[lang.Name]
	if p == nil {
		if p, err = lang.New(); err != nil {
			return skip("internal", "cannot start the %s parser: %v", lang.Name, err)
		}
		w.parsers[lang.Name] = p
	}
	defer func() {
		if r := recover(); r != nil {
			// The parser's state is suspect after a panic: start afresh.
			p.Close()
			delete(w.parsers, lang.Name)
			f, diags = skip("internal", "internal error in the %s parser (please report it with this file): %v", lang.Name, r)
		}
	}()
	f, err = p.Parse(ctx, rel, src)
	if err != nil {
		return skip("parse-failed", "%v", err)
	}
	if cache != nil && f != nil && len(diags) == 0 {
		cache.Put(key, f)
	}
	return f, diags
}

// cached returns the cached facts under key, for the file at rel: a copy
// whose path, and its diagnostics' paths, are rel. A generated file is
// cached under a key of its own, tried here only when generated files
// are kept.
func (w *worker) cached(key, rel string) (*facts.File, bool) {
	c, ok := w.cache.Get(key)
	if !ok && w.keepGenerated {
		c, ok = w.cache.Get(generatedKey(key))
	}
	if !ok {
		return nil, false
	}
	f := *c
	f.Path = rel
	if len(c.Diagnostics) > 0 {
		f.Diagnostics = make([]facts.Diagnostic, len(c.Diagnostics))
		for i, d := range c.Diagnostics {
			d.Path = rel
			f.Diagnostics[i] = d
		}
	}
	return &f, true
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// latin1ToUTF8 reads b as ISO 8859-1: every byte is the code point of the
// same value. Offsets change, but facts carry lines, which do not.
func latin1ToUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}
