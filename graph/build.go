package graph

import (
	"cmp"
	"context"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/seams-dev/seams/facts"
)

// Build resolves the facts of a repository into a graph. Files are resolved
// in parallel on jobs workers (0: one per CPU); the result does not depend
// on jobs.
func Build(ctx context.Context, files []*facts.File, jobs int) (*Graph, error) {
	files, renders := takeRenders(files)
	g := &Graph{Facts: files}
	ix := newIndex(g)
	ix.vw = newViewIndex(ix, renders)
	ix.resolveSupertypes()
	ix.cs = newCSharpIndex(ix)
	ix.kt = newKotlinIndex(ix)
	ix.rb = newRubyIndex(ix)
	ix.php = newPHPIndex(ix)
	ix.ts = newTSIndex(ix)
	ix.goi = newGoIndex(ix)
	ix.py = newPythonIndex(ix)

	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	perFile := make([]fileResult, len(files))
	var next atomic.Int64
	eg, ctx := errgroup.WithContext(ctx)
	for range min(jobs, max(len(files), 1)) {
		eg.Go(func() error {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				perFile[i] = ix.resolveFile(i)
			}
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	g.Stats = Stats{ByLanguage: map[string]Outcome{}, ByKind: map[EdgeKind]Outcome{}, DuplicateTypes: ix.duplicates}
	unresolved := map[string]int{}
	for i, r := range perFile {
		g.Deps = append(g.Deps, r.deps...)
		lang := g.Facts[i].Language
		o := g.Stats.ByLanguage[lang]
		for k, c := range r.byKind {
			o.add(c)
			kc := g.Stats.ByKind[k]
			kc.add(c)
			g.Stats.ByKind[k] = kc
		}
		g.Stats.ByLanguage[lang] = o
		for name, n := range r.unresolved {
			unresolved[name] += n
		}
	}
	// Each file's deps come sorted and merged, all from its own types, and
	// type indexes grow with file indexes: the concatenation is sorted.
	// The views controllers render (views.go) are merged in after.
	if vd, vo, vu := ix.vw.controllerDeps(); vo.Total() > 0 {
		g.Deps = mergeDeps(append(g.Deps, vd...))
		o := g.Stats.ByLanguage["view"]
		o.add(vo)
		g.Stats.ByLanguage["view"] = o
		g.Stats.ByKind[facts.Renders] = vo
		for name, n := range vu {
			unresolved[name] += n
		}
	}
	g.Stats.TopUnresolved = top(unresolved, 20)
	markAccessors(g)
	ix.buildData()
	return g, nil
}

// markAccessors marks the calls of getters and setters (Dep.Accessor):
// methods a property generates (Kotlin's, as Java calls them), and
// methods named get, is or set and a capital letter, with at most one
// parameter, no more than three lines long and not static, declared by a
// class (an interface's getters have no body to tell). A longer getX
// computes something and is a call like any other.
func markAccessors(g *Graph) {
	for i := range g.Deps {
		d := &g.Deps[i]
		if d.Kind != facts.Call || d.Member == "" {
			continue
		}
		t := g.Types[d.To]
		ff := g.Facts[t.File]
		if ff == nil || t.Fact < 0 || t.Fact >= len(ff.Types) {
			continue
		}
		ft := &ff.Types[t.Fact]
		if ft.Kind == facts.Interface {
			continue // no bodies: a getter may compute anything
		}
		for _, m := range ft.Methods {
			if m.Name == d.Member && isAccessor(m) {
				d.Accessor = true
				break
			}
		}
	}
}

func isAccessor(m facts.Method) bool {
	if m.Accessor {
		return true
	}
	if m.Constructor || m.Static || len(m.Params) > 1 || m.EndLine < m.Line || m.EndLine-m.Line > 2 {
		return false
	}
	for _, p := range []string{"get", "is", "set"} {
		if rest, ok := strings.CutPrefix(m.Name, p); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			return (p == "set") == (len(m.Params) == 1)
		}
	}
	return false
}

// mergeDeps sorts deps and adds up duplicates, keeping the first line.
// It runs per file, in the resolving workers.
func mergeDeps(deps []Dep) []Dep {
	slices.SortFunc(deps, func(a, b Dep) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
			strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.Member, b.Member),
			cmp.Compare(a.Line, b.Line))
	})
	out := deps[:0]
	for _, d := range deps {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.From == d.From && p.To == d.To && p.Kind == d.Kind && p.Member == d.Member {
				p.Count += d.Count
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

func top(counts map[string]int, n int) []NameCount {
	out := make([]NameCount, 0, len(counts))
	for name, c := range counts {
		out = append(out, NameCount{name, c})
	}
	slices.SortFunc(out, func(a, b NameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// index holds what resolution needs to know about the whole repository.
// It is written once by newIndex and resolveSupertypes, then only read.
type index struct {
	g          *Graph
	byName     map[string][]int // fully qualified name -> types (several when declared twice)
	packages   map[string]bool
	members    []map[string]int // per type: member type simple name -> type
	supers     [][]int          // per type: supertypes in the repository, superclass first
	superclass []int            // per type: superclass in the repository, or -1
	// outside is true for a type with a supertype outside the repository
	// (or one that could not be resolved): members it lacks may be there.
	outside    []bool
	lineage    [][]int // per type: its supertypes, breadth first, each once
	generates  []bool  // per type: it has members it does not declare (record, Lombok)
	typeIDs    [][]int // per file: fact type index -> graph type
	duplicates []string
	cs         *csIndex  // C# declarations across files (csharp.go); nil without C# files
	kt         *ktIndex  // Kotlin facades, extensions and companions (kotlin.go); nil without Kotlin files
	rb         *rbIndex  // Ruby constants, mixins and ActiveRecord models (ruby.go); nil without Ruby files
	php        *phpIndex // PHP classes and functions across files (php.go); nil without PHP files
	ts         *tsIndex  // JavaScript and TypeScript modules (typescript.go); nil without them
	goi        *goIndex  // Go declarations across files (golang.go); nil without Go files
	py         *pyIndex  // Python modules and imports (python.go); nil without Python files
	vw         *vwIndex  // templates and the views controllers render (views.go)
}

func newIndex(g *Graph) *index {
	ix := &index{g: g, byName: map[string][]int{}, packages: map[string]bool{}}
	pkgs := map[string]int{}
	ix.typeIDs = make([][]int, len(g.Facts))
	for fi, f := range g.Facts {
		pkgName := f.Package
		if pkgName == "" {
			pkgName = defaultPackage(f)
		}
		pi, ok := pkgs[pkgName]
		if !ok {
			pi = len(g.Packages)
			pkgs[pkgName] = pi
			g.Packages = append(g.Packages, Package{Name: pkgName})
		}
		g.Packages[pi].Files = append(g.Packages[pi].Files, fi)
		if f.Package != "" {
			ix.packages[f.Package] = true
		}
		file := File{Path: f.Path, Language: f.Language, Package: pi, Lines: f.Lines}
		ids := make([]int, len(f.Types))
		for ti, t := range f.Types {
			id := len(g.Types)
			ids[ti] = id
			outer := -1
			if t.Outer >= 0 {
				outer = ids[t.Outer]
			}
			simple := t.Name
			if dot := strings.LastIndexByte(simple, '.'); dot >= 0 {
				simple = simple[dot+1:]
			}
			q := t.Name
			if f.Package != "" {
				q = f.Package + "." + t.Name
			}
			g.Types = append(g.Types, Type{Name: q, Simple: simple, Kind: t.Kind, File: fi, Outer: outer, Line: t.Line, Public: t.Public, Fact: ti})
			if len(ix.byName[q]) == 1 {
				ix.duplicates = append(ix.duplicates, q)
			}
			ix.byName[q] = append(ix.byName[q], id)
			file.Types = append(file.Types, id)
		}
		ix.typeIDs[fi] = ids
		g.Files = append(g.Files, file)
	}
	slices.Sort(ix.duplicates)
	ix.generates = make([]bool, len(g.Types))
	for id := range g.Types {
		ix.generates[id] = generatesMembers(ix.typeFacts(id))
	}
	ix.members = make([]map[string]int, len(g.Types))
	for id, t := range g.Types {
		if t.Outer >= 0 {
			if ix.members[t.Outer] == nil {
				ix.members[t.Outer] = map[string]int{}
			}
			if _, dup := ix.members[t.Outer][t.Simple]; !dup {
				ix.members[t.Outer][t.Simple] = id
			}
		}
	}
	return ix
}

// defaultPackage names the package of a file that declares none: its
// directory, so that package-level views stay meaningful.
func defaultPackage(f *facts.File) string {
	d := path.Dir(f.Path)
	if d == "." {
		return "(root)"
	}
	return d
}

// resolveSupertypes resolves every extends and implements clause first:
// member types inherited from supertypes are in scope for everything else.
func (ix *index) resolveSupertypes() {
	n := len(ix.g.Types)
	ix.supers = make([][]int, n)
	ix.superclass = make([]int, n)
	ix.outside = make([]bool, n)
	for i := range ix.superclass {
		ix.superclass[i] = -1
	}
	for fi, f := range ix.g.Facts {
		r := ix.newFileResolver(fi, true)
		for _, ref := range f.Refs {
			if (ref.Kind != facts.Extends && ref.Kind != facts.Implements) || ref.From < 0 {
				continue
			}
			from := ix.typeIDs[fi][ref.From]
			res := r.typeName(from, ref.Name)
			if res.out != internal || res.id == from {
				ix.outside[from] = true
				continue
			}
			if !slices.Contains(ix.supers[from], res.id) {
				if ref.Kind == facts.Extends && ix.g.Types[from].Kind == facts.Class {
					ix.superclass[from] = res.id
					ix.supers[from] = slices.Insert(ix.supers[from], 0, res.id)
				} else {
					ix.supers[from] = append(ix.supers[from], res.id)
				}
			}
		}
	}
	ix.computeLineage()
	// A type whose ancestors reach outside the repository inherits that.
	for id := range n {
		if !ix.outside[id] {
			ix.ancestors(id, func(a int) bool {
				if ix.outside[a] {
					ix.outside[id] = true
					return false
				}
				return true
			})
		}
	}
}

// ancestors calls visit for each supertype of id, breadth first, each once,
// until visit returns false.
func (ix *index) ancestors(id int, visit func(int) bool) {
	for _, a := range ix.lineage[id] {
		if !visit(a) {
			return
		}
	}
}

// computeLineage lists each type's supertypes, breadth first, each once.
// Cycles (from broken code) are harmless.
func (ix *index) computeLineage() {
	ix.lineage = make([][]int, len(ix.supers))
	for id := range ix.supers {
		if len(ix.supers[id]) == 0 {
			continue
		}
		seen := map[int]bool{id: true}
		queue := slices.Clone(ix.supers[id])
		var out []int
		for len(queue) > 0 {
			a := queue[0]
			queue = queue[1:]
			if seen[a] {
				continue
			}
			seen[a] = true
			out = append(out, a)
			queue = append(queue, ix.supers[a]...)
		}
		ix.lineage[id] = out
	}
}

// typeFacts returns the facts of a type.
func (ix *index) typeFacts(id int) *facts.Type {
	t := ix.g.Types[id]
	return &ix.g.Facts[t.File].Types[t.Fact]
}

// pick chooses among types declared with the same name the one whose file
// is closest to the referring file (longest common directory prefix): in a
// multi-module build, a module sees its own copy.
func (ix *index) pick(ids []int, fromFile int) int {
	if len(ids) == 1 {
		return ids[0]
	}
	from := ix.g.Files[fromFile].Path
	best, bestLen := ids[0], -1
	for _, id := range ids {
		p := ix.g.Files[ix.g.Types[id].File].Path
		n := commonPrefix(from, p)
		if n > bestLen {
			best, bestLen = id, n
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// resolveFile resolves the references of one file by the rules of its
// language.
func (ix *index) resolveFile(fi int) fileResult {
	switch ix.g.Facts[fi].Language {
	case "java":
		return ix.resolveJava(fi)
	case "csharp":
		return ix.resolveCSharp(fi)
	case "kotlin":
		return ix.resolveKotlin(fi)
	case "ruby":
		return ix.resolveRuby(fi)
	case "php":
		return ix.resolvePHP(fi)
	case "typescript", "javascript":
		return ix.resolveTS(fi)
	case "go":
		return ix.resolveGo(fi)
	case "python":
		return ix.resolvePython(fi)
	case "view":
		return ix.resolveView(fi)
	}
	return fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
}

// fileResult is what resolving one file produced.
type fileResult struct {
	deps       []Dep
	byKind     map[EdgeKind]Outcome
	unresolved map[string]int
}
