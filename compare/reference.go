package compare

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
)

// Partition assigns objects (repository-relative slash paths, or class
// names) to clusters.
type Partition map[string]string // object -> cluster name

// Reference formats.
const (
	FormatTSV = "tsv"
	FormatRSF = "rsf"
)

// Special contexts of a reference.
const (
	// ExcludeContext marks objects that are not application code (tests,
	// build tooling). They are never scored.
	ExcludeContext = "_exclude"
	// SharedContext marks objects with no single owner in the reference
	// split. See SharedMode.
	SharedContext = "_shared"
	// UncountedContext is how an RSF reference marks classes its authors
	// left out. It is dropped like ExcludeContext unless
	// Options.KeepUncounted is set.
	UncountedContext = "uncounted"
)

// tsvHeader is the first non-comment line of a TSV reference.
const tsvHeader = "path_prefix\tcontext"

// tablePrefix starts the TSV rows that map database tables to contexts.
const tablePrefix = "table:"

// Reference is a reference decomposition read from a file.
type Reference struct {
	Name   string // as given to ReadReference
	Format string // FormatTSV or FormatRSF

	// Snapshot is the commit named by a "# snapshot: <sha> ..." comment,
	// or "" when there is none.
	Snapshot string
	// Comments holds the comment lines in file order, without the
	// leading "#" and one following space.
	Comments []string

	// Rules are the TSV path-prefix rows in file order. The longest
	// matching prefix wins; prefixes are plain string prefixes, so
	// "src/Web/Services/C" matches "src/Web/Services/CatalogService.cs".
	Rules []Rule
	// Tables maps a table name (a TSV "table:<name>" row) to its context.
	Tables map[string]string

	// Members are the RSF "contain" lines in file order. An object may be
	// listed in several contexts.
	Members []Member

	// contexts maps an RSF object to its distinct contexts in listing
	// order. Built by ReadReference; nil for a hand-built Reference.
	contexts map[string][]string
}

// Rule is one path-prefix row of a TSV reference.
type Rule struct {
	Prefix  string
	Context string
	Line    int // 1-based
}

// Member is one "contain <context> <object>" line of an RSF reference.
type Member struct {
	Context string
	Object  string
	Line    int // 1-based
}

// ReadReference reads a reference decomposition. The format is told by
// the content: a TSV reference has "#" comments, then the header line
// "path_prefix<TAB>context", then one "prefix<TAB>context" row per line;
// an RSF reference has "contain <context> <object>" lines (other
// three-token relations are ignored, as the MoJo tool does, and "#"
// lines are comments). name is used in errors and kept in Reference.Name;
// its extension is not trusted over the content.
func ReadReference(r io.Reader, name string) (*Reference, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading reference %s: %w", name, err)
	}

	ref := &Reference{Name: name}
	first := -1
	for i, l := range lines {
		if isComment(l) {
			ref.addComment(l)
			continue
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		if first < 0 {
			first = i
		}
	}
	switch {
	case first < 0:
		return nil, fmt.Errorf("reference %s is empty: want a %q header (TSV) or contain lines (RSF)", name, tsvHeader)
	case strings.TrimSpace(lines[first]) == tsvHeader:
		ref.Format = FormatTSV
		return ref, ref.parseTSV(lines, first)
	case len(strings.Fields(lines[first])) == 3:
		ref.Format = FormatRSF
		return ref, ref.parseRSF(lines)
	}
	hint := ""
	if ext := path.Ext(name); ext == ".tsv" {
		hint = fmt.Sprintf(" (a TSV reference starts with the header %q)", tsvHeader)
	}
	return nil, fmt.Errorf("%s:%d: unknown reference format: want a %q header or a \"contain <context> <object>\" line%s", name, first+1, tsvHeader, hint)
}

func isComment(l string) bool {
	return strings.HasPrefix(strings.TrimLeft(l, " \t"), "#")
}

func (r *Reference) addComment(l string) {
	c := strings.TrimPrefix(strings.TrimLeft(l, " \t"), "#")
	c = strings.TrimPrefix(c, " ")
	r.Comments = append(r.Comments, c)
	if r.Snapshot != "" {
		return
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(c), "snapshot:")
	if !ok {
		return
	}
	if f := strings.Fields(rest); len(f) > 0 && isHex(f[0]) {
		r.Snapshot = f[0]
	}
}

func isHex(s string) bool {
	if len(s) < 7 || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func (r *Reference) parseTSV(lines []string, header int) error {
	r.Tables = map[string]string{}
	seen := map[string]Rule{}
	for i := header + 1; i < len(lines); i++ {
		l := lines[i]
		if isComment(l) || strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("%s:%d: want two tab-separated fields (path_prefix, context), got %d", r.Name, i+1, len(f))
		}
		prefix, ctx := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if prefix == "" || ctx == "" {
			return fmt.Errorf("%s:%d: empty path prefix or context", r.Name, i+1)
		}
		if table, ok := strings.CutPrefix(prefix, tablePrefix); ok {
			if old, dup := r.Tables[table]; dup && old != ctx {
				return fmt.Errorf("%s:%d: table %q mapped to both %q and %q", r.Name, i+1, table, old, ctx)
			}
			r.Tables[table] = ctx
			continue
		}
		if old, dup := seen[prefix]; dup {
			if old.Context != ctx {
				return fmt.Errorf("%s:%d: prefix %q mapped to %q here and to %q on line %d", r.Name, i+1, prefix, ctx, old.Context, old.Line)
			}
			continue
		}
		rule := Rule{Prefix: prefix, Context: ctx, Line: i + 1}
		seen[prefix] = rule
		r.Rules = append(r.Rules, rule)
	}
	if len(r.Rules) == 0 && len(r.Tables) == 0 {
		return fmt.Errorf("reference %s has a header but no rows", r.Name)
	}
	return nil
}

func (r *Reference) parseRSF(lines []string) error {
	r.contexts = map[string][]string{}
	for i, l := range lines {
		if isComment(l) || strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: want three fields (contain <context> <object>), got %d", r.Name, i+1, len(f))
		}
		if !strings.EqualFold(f[0], "contain") {
			continue
		}
		ctx, obj := unquote(f[1]), f[2]
		if slices.Contains(r.contexts[obj], ctx) {
			continue // a repeated line adds nothing
		}
		r.contexts[obj] = append(r.contexts[obj], ctx)
		r.Members = append(r.Members, Member{Context: ctx, Object: obj, Line: i + 1})
	}
	if len(r.Members) == 0 {
		return fmt.Errorf("reference %s has no contain lines", r.Name)
	}
	return nil
}

// unquote strips one pair of surrounding double quotes, as the MoJo tool
// does for cluster names.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// ContextOf returns the context the reference gives an object. For a TSV
// reference that is the context of the longest matching path prefix, or,
// for an object "table:<name>", the context of that table row. For an RSF
// reference it is the first context the object is listed in. Special
// contexts (_exclude, _shared, uncounted) are returned as they are.
func (r *Reference) ContextOf(object string) (ctx string, ok bool) {
	c := r.Contexts(object)
	if len(c) == 0 {
		return "", false
	}
	return c[0], true
}

// Contexts returns every context the reference gives an object: at most
// one for a TSV or packwerk reference, every distinct context in listing order for an
// RSF reference.
func (r *Reference) Contexts(object string) []string {
	switch r.Format {
	case FormatTSV, FormatPackwerk:
		if table, ok := strings.CutPrefix(object, tablePrefix); ok {
			if ctx, ok := r.Tables[table]; ok {
				return []string{ctx}
			}
			return nil
		}
		best := -1
		for i, rule := range r.Rules {
			if strings.HasPrefix(object, rule.Prefix) && (best < 0 || len(rule.Prefix) > len(r.Rules[best].Prefix)) {
				best = i
			}
		}
		if best < 0 {
			return nil
		}
		return []string{r.Rules[best].Context}
	case FormatRSF:
		if r.contexts != nil {
			return slices.Clone(r.contexts[object])
		}
		var out []string
		for _, m := range r.Members {
			if m.Object == object && !slices.Contains(out, m.Context) {
				out = append(out, m.Context)
			}
		}
		return out
	}
	return nil
}

// Objects returns the objects an RSF reference lists, sorted; nil for a
// TSV reference, whose rules name prefixes, not objects.
func (r *Reference) Objects() []string {
	if r.Format != FormatRSF {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range r.Members {
		if !seen[m.Object] {
			seen[m.Object] = true
			out = append(out, m.Object)
		}
	}
	slices.Sort(out)
	return out
}
