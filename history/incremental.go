package history

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
)

// Incremental builds the graphs of successive commits, resolving again
// only the files that changed when that is sure to give the graph a full
// build would.
//
// Package graph resolves each file's references against an index of
// the whole repository, and the index is made of declarations only: the
// files' packages, imports, types with their fields and methods, tables
// and routines, and their supertype references (extends, implements,
// base). So when no file is added or removed and every changed file
// declares what it declared before (line numbers aside), the index is
// the same and every unchanged file resolves as before. Then only the
// changed files' references are resolved: the graph is built from the
// changed files' facts and the declarations of the others (their other
// references left out), and the unchanged files' dependencies are taken
// from the previous graph. Otherwise, or when many files changed, the
// graph is built in full. The data accesses are always resolved afresh
// (they are cheap).
//
// The graph it returns has the types, files, packages, dependencies and
// data of a full build; its Stats count only what was resolved. A test
// compares it with full builds over a history.
type Incremental struct {
	prev      *graph.Graph
	prevFacts map[string]*facts.File // by path, as given (not stripped)
	stripped  map[*facts.File]*facts.File
	// Full and Partial count the builds of each kind.
	Full, Partial int
}

// maxChangedShare is the share of changed files above which a full build
// is as quick.
const maxChangedShare = 0.2

// Build builds the graph of files, the facts of one commit in path
// order. A file whose facts are the same pointer as in the previous
// call is unchanged.
func (inc *Incremental) Build(ctx context.Context, files []*facts.File, jobs int) (*graph.Graph, error) {
	changed, ok := inc.changed(files)
	if !ok {
		return inc.full(ctx, files, jobs)
	}
	if inc.stripped == nil {
		inc.stripped = map[*facts.File]*facts.File{}
	}
	in := make([]*facts.File, len(files))
	isChanged := make([]bool, len(files))
	for i, f := range files {
		if changed[f.Path] {
			in[i], isChanged[i] = f, true
			continue
		}
		s, ok := inc.stripped[f]
		if !ok {
			s = stripRefs(f)
			inc.stripped[f] = s
		}
		in[i] = s
	}
	g, err := graph.Build(ctx, in, jobs)
	if err != nil {
		return nil, err
	}
	// The new graph's types by (path, name), to carry the previous
	// dependencies over.
	type key struct{ path, name string }
	ids := make(map[key]int, len(g.Types))
	for i, t := range g.Types {
		ids[key{g.Files[t.File].Path, t.Name}] = i
	}
	deps := make([]graph.Dep, 0, len(inc.prev.Deps))
	for _, d := range g.Deps {
		if isChanged[g.Types[d.From].File] {
			deps = append(deps, d)
		}
	}
	prev := inc.prev
	for _, d := range prev.Deps {
		fromFile := prev.Files[prev.Types[d.From].File].Path
		if changed[fromFile] {
			continue
		}
		from, okF := ids[key{fromFile, prev.Types[d.From].Name}]
		to, okT := ids[key{prev.Files[prev.Types[d.To].File].Path, prev.Types[d.To].Name}]
		if !okF || !okT {
			return inc.full(ctx, files, jobs) // cannot happen when the declarations are the same
		}
		d.From, d.To = from, to
		deps = append(deps, d)
	}
	slices.SortFunc(deps, func(a, b graph.Dep) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
			strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.Member, b.Member))
	})
	g.Deps = deps
	g.Facts = files
	inc.remember(g, files)
	inc.Partial++
	return g, nil
}

func (inc *Incremental) full(ctx context.Context, files []*facts.File, jobs int) (*graph.Graph, error) {
	g, err := graph.Build(ctx, files, jobs)
	if err != nil {
		return nil, err
	}
	inc.remember(g, files)
	inc.Full++
	return g, nil
}

func (inc *Incremental) remember(g *graph.Graph, files []*facts.File) {
	inc.prev = g
	inc.prevFacts = make(map[string]*facts.File, len(files))
	for _, f := range files {
		inc.prevFacts[f.Path] = f
	}
	// Keep the stripped copies of the files still in use only.
	for f := range inc.stripped {
		if inc.prevFacts[f.Path] != f {
			delete(inc.stripped, f)
		}
	}
}

// changed returns the paths of the changed files, and whether a partial
// build is possible.
func (inc *Incremental) changed(files []*facts.File) (map[string]bool, bool) {
	if inc.prev == nil || len(files) != len(inc.prevFacts) {
		return nil, false
	}
	changed := map[string]bool{}
	for _, f := range files {
		old, ok := inc.prevFacts[f.Path]
		switch {
		case !ok:
			return nil, false // a file added (and so another removed)
		case old == f:
			continue
		case declarations(old) != declarations(f):
			return nil, false
		}
		changed[f.Path] = true
		if float64(len(changed)) > maxChangedShare*float64(len(files)) {
			return nil, false
		}
	}
	return changed, true
}

// supertypeRef reports the references the index reads from every file.
func supertypeRef(k facts.RefKind) bool {
	return k == facts.Extends || k == facts.Implements || k == facts.BaseType
}

// stripRefs returns a copy of f without the references the index does
// not read (the file's own resolution needs them; its dependencies are
// taken from the previous graph).
func stripRefs(f *facts.File) *facts.File {
	s := *f
	s.Refs = nil
	for _, r := range f.Refs {
		if supertypeRef(r.Kind) {
			r.Recv = -1
			s.Refs = append(s.Refs, r)
		}
	}
	s.Exprs = nil
	return &s
}

// declarations hashes what the index reads from a file, line numbers
// and sizes aside. A file's data accesses are left out too: they are
// resolved afresh in every build, and no other file's resolution reads
// them.
func declarations(f *facts.File) [32]byte {
	s := stripRefs(f)
	s.Lines, s.Bytes, s.Diagnostics, s.Data, s.SQL = 0, 0, nil, nil, nil
	data, err := json.Marshal(s)
	if err != nil {
		return sha256.Sum256([]byte(f.Path)) // never equal to a real hash: no partial build
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return sha256.Sum256([]byte(f.Path))
	}
	dropLines(v)
	data, _ = json.Marshal(v)
	return sha256.Sum256(data)
}

// dropLines removes every Line and EndLine from a decoded JSON value.
func dropLines(v any) {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "Line")
		delete(x, "EndLine")
		for _, e := range x {
			dropLines(e)
		}
	case []any:
		for _, e := range x {
			dropLines(e)
		}
	}
}
