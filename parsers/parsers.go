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
package parsers

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/java"
	"github.com/seams-dev/seams/repo"
)

// FileParser extracts the facts of one file at a time.
type FileParser interface {
	Parse(ctx context.Context, path string, src []byte) (*facts.File, error)
	Close()
}

// Language is one supported language.
type Language struct {
	Name       string
	Extensions []string // with the dot: ".java"
	New        func() (FileParser, error)
}

// Languages returns the supported languages.
func Languages() []Language {
	return []Language{
		{Name: "java", Extensions: []string{".java"}, New: func() (FileParser, error) { return java.NewParser() }},
	}
}

// LanguageOf returns the language of a path by its extension.
func LanguageOf(p string) (Language, bool) {
	ext := strings.ToLower(path.Ext(p))
	for _, l := range Languages() {
		for _, e := range l.Extensions {
			if e == ext {
				return l, true
			}
		}
	}
	return Language{}, false
}

// IsSource reports whether a path has the extension of a supported
// language; it is the walker's filter.
func IsSource(p string) bool {
	_, ok := LanguageOf(p)
	return ok
}

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
}

// Result is what Parse learned.
type Result struct {
	// Files holds the facts of each analysed file, in input order.
	Files []*facts.File
	// Diagnostics lists problems with single files, in input order:
	// skipped files and files analysed with some loss.
	Diagnostics []facts.Diagnostic
}

// Parse reads and parses files (paths relative to root).
func Parse(ctx context.Context, root string, files []repo.File, opts Options) (*Result, error) {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, max(len(files), 1))
	out := make([]*facts.File, len(files))
	diags := make([][]facts.Diagnostic, len(files))
	var next, done atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	for range jobs {
		g.Go(func() error {
			w := worker{parsers: map[string]FileParser{}, keepGenerated: opts.KeepGenerated}
			defer w.close()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				out[i], diags[i] = w.file(ctx, root, files[i].Path)
				if err := ctx.Err(); err != nil {
					return err
				}
				if opts.Progress != nil {
					opts.Progress(int(done.Add(1)), len(files))
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("parsing stopped: %w", err)
	}
	res := &Result{}
	for i := range files {
		if out[i] != nil {
			res.Files = append(res.Files, out[i])
		}
		res.Diagnostics = append(res.Diagnostics, diags[i]...)
		res.Diagnostics = append(res.Diagnostics, fileDiags(out[i])...)
	}
	return res, nil
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
}

func (w *worker) close() {
	for _, p := range w.parsers {
		p.Close()
	}
}

// file analyses one file. It returns nil facts for a skipped file, and the
// diagnostics that are not already in the facts.
func (w *worker) file(ctx context.Context, root, rel string) (f *facts.File, diags []facts.Diagnostic) {
	skip := func(code, format string, args ...any) (*facts.File, []facts.Diagnostic) {
		return nil, []facts.Diagnostic{{Path: rel, Severity: facts.Skipped, Code: code, Message: fmt.Sprintf(format, args...)}}
	}
	lang, ok := LanguageOf(rel)
	if !ok {
		return skip("unsupported", "no parser for this file type")
	}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return skip("unreadable", "cannot read: %v", err)
	}
	binary, generated := repo.Sniff(src[:min(len(src), 8192)])
	if binary {
		return skip("binary", "binary content in a .%s file", strings.TrimPrefix(path.Ext(rel), "."))
	}
	if generated && !w.keepGenerated {
		return skip("generated", "generated file (its header says so); use --keep-generated to analyse it")
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
	return f, diags
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
