package graph

// # Resolution (Python)
//
// A Python file is a module: its facts declare a module type (kind
// module, first) whose methods are the module's functions, whose fields
// are its global variables, and whose member types are its classes (see
// package python). A type's qualified name is the file's directory as a
// dotted path, the module and the class: "src.shop.orders.models.Order".
//
// Modules are found by Python's import system, without running anything.
// A module's path is its file without ".py" ("src/shop/orders/models"), a
// package's its directory (its __init__.py, or nothing for a namespace
// package). A directory is a root when it is no regular package (it has
// no __init__.py): the repository root, src/, the directory above a top
// package, and, in namespace-package layouts, any directory. An absolute
// import "a.b.c" is a module at a/b/c under some root; a root that holds
// the importing file wins (the nearest, as sys.path[0] would), else the
// one module found under a source root (the repository root, or a
// directory holding a top-level regular package). A relative import
// ("..orders.models") is a path from the importing file's directory. An
// absolute import the repository does not hold is external, unless its
// first component is a top-level package of the repository (then it is
// unresolved).
//
// `from M import N` binds what M's module defines as N (a class, a
// function, a global variable, or a name the module itself imports: a
// re-export of a package's __init__.py, followed), else the submodule
// M.N; `import a.b.c` binds the package a, and `import a.b as x` the
// module a.b. A wildcard import makes the names of its module (followed
// the same way) visible, and a wildcard import from outside makes an
// unknown name external.
//
// A global name is looked up in its file: its classes, functions,
// imports, global variables (in that order), its wildcard imports, then
// Python's builtins (external). A dotted path walks from there: a
// module's attribute is one of its names or a submodule; a class's is a
// method, a field or a nested class, through its bases (breadth first,
// Python's MRO in the common cases); a variable's or field's is looked up
// on its value, typed by its written type (see package python) resolved
// in the file that declares it. A name no scope binds is tried as an
// absolute module path (importlib.import_module("a.b"), Django's
// include("a.b.urls")), and a string model reference (Django's
// "app_label.Model", SQLAlchemy's "Model") names the one ORM-mapped class
// that fits.
//
// Edges: a class base is an extends edge, a decorator an annotation, a
// name used as a value or in an annotation a type-use; a name reaching a
// function (not called) is a method-ref to its module type; a call of a
// class is a new edge, of a function a call to its module type (Member:
// the function), of a method a call to the class that declares it, or,
// when no class of the repository declares it, to the receiver's class
// (as for Java). A path that passes through a class or module of the
// repository and goes on outside it (Order.objects.filter(), a module
// variable holding a library object) is a type-use of the last class or
// module it passed (a variable of the file's own module gives no edge).
// Receivers are typed as package python writes them; a receiver typed
// nowhere is unresolved: Python code mostly leaves them untyped, and
// nothing is guessed.

import (
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/python"
)

// pyIndex holds what Python resolution needs across files.
type pyIndex struct {
	ix *index
	// mods maps a module path to its module; dotted maps a dotted name,
	// relative to each root it is valid from, to its modules.
	mods   map[string]*pyMod
	dotted map[string][]pyRooted
	// sourceRoots are the roots an absolute import may reach from any
	// file; tops the first components of the names under them.
	sourceRoots map[string]bool
	tops        map[string]bool
	fileMod     []*pyMod            // per file: its module, nil for another language
	names       []map[string]pyName // per file: its global names
	imports     [][]pyEnt           // per file, per import: what it binds
	state       [][]uint8           // per file, per import: 0 to do, 1 busy, 2 done
	models      map[string][]int    // ORM-mapped class simple name -> types
	labels      map[string][]int    // Django "app_label.Model" (lower-case label) -> types
}

// pyMod is a module or package.
type pyMod struct {
	path string // "src/shop/orders/models"; "src/shop/orders" for a package
	file int    // its file (a package's __init__.py), -1 for a namespace package
	typ  int    // its module type, -1 for a namespace package
}

type pyRooted struct {
	mod  *pyMod
	root string
}

// pyName is a global name of a module: a class, a function, a variable or
// an import.
type pyName struct {
	kind uint8 // nClass, nFunc, nImport, nVar
	id   int   // the class; the import's index
}

const (
	nVar uint8 = iota
	nImport
	nFunc
	nClass
)

// pyKind is what a name or value is.
type pyKind uint8

const (
	pUnres  pyKind = iota
	pExt           // outside the repository
	pModule        // mod
	pClass         // the class typ itself
	pInst          // an instance of class typ
	pFunc          // function name of module type typ
	pMethod        // method name declared by class typ
	pVar           // global variable name of module type typ
)

// pyEnt is what a name, a path or an expression stands for.
type pyEnt struct {
	kind pyKind
	mod  *pyMod
	typ  int
	name string
	// super marks super(): look members up from the bases of typ.
	super bool
	// anchor is the last class or module type of the repository a path
	// passed (-1: none), anchorName the function it stood for when the
	// path went on from a function object; direct marks a member looked up
	// on the anchor class itself and not found there.
	anchor     int
	anchorName string
	direct     bool
	// qs marks an ORM manager or query set of the anchor class (1: X.objects,
	// X.objects.filter(...); 2: a method of it that returns a query set; 3:
	// one that returns an instance, get or first).
	qs uint8
}

var (
	pyUnres = pyEnt{kind: pUnres, typ: -1, anchor: -1}
	pyExt   = pyEnt{kind: pExt, typ: -1, anchor: -1}
)

// newPythonIndex indexes the modules of the repository, resolves every
// import and the bases of every Python class. It runs after the other
// languages' indexes.
func newPythonIndex(ix *index) *pyIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "python" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	pyNameTypes(ix)
	pyCompleteTables(g)
	p := &pyIndex{ix: ix, mods: map[string]*pyMod{}, dotted: map[string][]pyRooted{}, sourceRoots: map[string]bool{"": true},
		tops: map[string]bool{}, fileMod: make([]*pyMod, len(g.Facts)), names: make([]map[string]pyName, len(g.Facts)),
		imports: make([][]pyEnt, len(g.Facts)), state: make([][]uint8, len(g.Facts)),
		models: map[string][]int{}, labels: map[string][]int{}}
	// Modules, packages and their directories.
	pkgDir := map[string]bool{}
	for fi, f := range g.Facts {
		if f.Language != "python" {
			continue
		}
		if path.Base(f.Path) == "__init__.py" {
			pkgDir[pyDir(f.Path)] = true
		}
		_ = fi
	}
	dirMod := func(d string) *pyMod {
		m := p.mods[d]
		if m == nil {
			m = &pyMod{path: d, file: -1, typ: -1}
			p.mods[d] = m
		}
		return m
	}
	for fi, f := range g.Facts {
		if f.Language != "python" {
			continue
		}
		mp := strings.TrimSuffix(f.Path, path.Ext(f.Path))
		if path.Base(f.Path) == "__init__.py" {
			mp = pyDir(f.Path)
		}
		m := dirMod(mp)
		if m.file < 0 || path.Base(f.Path) == "__init__.py" {
			m.file = fi
			if len(ix.typeIDs[fi]) > 0 {
				m.typ = ix.typeIDs[fi][0]
			}
		}
		p.fileMod[fi] = m
		for d := pyDir(mp); d != ""; d = pyDir(d) {
			dirMod(d)
		}
	}
	for d := range pkgDir {
		if parent := pyDir(d); !pkgDir[parent] {
			p.sourceRoots[parent] = true
		}
	}
	// Dotted names, from every root above each module.
	for _, m := range p.mods {
		if m.path == "" {
			continue
		}
		for root := pyDir(m.path); ; root = pyDir(root) {
			if !pkgDir[root] {
				rel := m.path
				if root != "" {
					rel = strings.TrimPrefix(m.path, root+"/")
				}
				name := strings.ReplaceAll(rel, "/", ".")
				p.dotted[name] = append(p.dotted[name], pyRooted{m, root})
				if p.sourceRoots[root] {
					first, _, _ := strings.Cut(name, ".")
					p.tops[first] = true
				}
			}
			if root == "" {
				break
			}
		}
	}
	for name := range p.dotted {
		slices.SortFunc(p.dotted[name], func(a, b pyRooted) int { return strings.Compare(a.root, b.root) })
	}
	// Global names per file.
	for fi, f := range g.Facts {
		m := p.fileMod[fi]
		if m == nil || len(f.Types) == 0 {
			continue
		}
		names := map[string]pyName{}
		mt := f.Types[0]
		for _, fd := range mt.Fields {
			names[fd.Name] = pyName{kind: nVar}
		}
		for k, imp := range f.Imports {
			if b := pyBinds(imp); b != "" {
				if old, ok := names[b]; !ok || old.kind < nImport {
					names[b] = pyName{kind: nImport, id: k}
				}
			}
		}
		for _, fn := range mt.Methods {
			names[fn.Name] = pyName{kind: nFunc}
		}
		for ti, t := range f.Types {
			if t.Outer == 0 {
				names[t.Name[strings.LastIndexByte(t.Name, '.')+1:]] = pyName{kind: nClass, id: ix.typeIDs[fi][ti]}
			}
		}
		p.names[fi] = names
		p.imports[fi] = make([]pyEnt, len(f.Imports))
		p.state[fi] = make([]uint8, len(f.Imports))
	}
	// Imports, then bases.
	r := p.newResolver(-1)
	for fi, f := range g.Facts {
		if p.fileMod[fi] == nil {
			continue
		}
		for k := range f.Imports {
			r.importEnt(fi, k, 0)
		}
	}
	p.resolveBases(r)
	// ORM-mapped classes.
	for fi, f := range g.Facts {
		if p.fileMod[fi] == nil {
			continue
		}
		for _, t := range f.Tables {
			if t.Entity <= 0 || t.Entity >= len(ix.typeIDs[fi]) {
				continue
			}
			id := ix.typeIDs[fi][t.Entity]
			simple := g.Types[id].Simple
			p.models[simple] = append(p.models[simple], id)
			if t.Via == "django" {
				if label := strings.ToLower(python.AppLabel(f.Path)); label != "" {
					p.labels[label+"."+simple] = append(p.labels[label+"."+simple], id)
				}
			}
		}
	}
	return p
}

// pyNameTypes names the types of Python files after their module's path
// (their facts name the module python.ModuleName, see package python):
// the module type of src/shop/models.py is "src.shop.models", of
// src/shop/__init__.py "src.shop", and its class Order
// "src.shop.models.Order".
func pyNameTypes(ix *index) {
	g := ix.g
	renamed := false
	for fi, f := range g.Facts {
		if f.Language != "python" || len(f.Types) == 0 {
			continue
		}
		renamed = true
		pkg, module := python.ModuleOf(f.Path)
		name := module
		switch {
		case module == "__init__" && pkg != "":
			name = pkg
		case pkg != "":
			name = pkg + "." + module
		}
		for ti, id := range ix.typeIDs[fi] {
			t := &g.Types[id]
			rest := strings.TrimPrefix(f.Types[ti].Name, python.ModuleName)
			t.Name = name + rest
			if ti == 0 {
				t.Simple = name[strings.LastIndexByte(name, '.')+1:]
			}
		}
	}
	if !renamed {
		return
	}
	for name := range ix.byName {
		if strings.HasPrefix(name, python.ModuleName) {
			delete(ix.byName, name)
		}
	}
	ix.duplicates = slices.DeleteFunc(ix.duplicates, func(n string) bool { return strings.HasPrefix(n, python.ModuleName) })
	for id, t := range g.Types {
		if g.Files[t.File].Language != "python" {
			continue
		}
		if len(ix.byName[t.Name]) == 1 {
			ix.duplicates = append(ix.duplicates, t.Name)
		}
		ix.byName[t.Name] = append(ix.byName[t.Name], id)
	}
	slices.Sort(ix.duplicates)
}

// pyCompleteTables prefixes the app label to the Django tables named by
// Django's default rule (facts.Table.AppLabel), on copies of the facts.
func pyCompleteTables(g *Graph) {
	cloned := false
	for fi, f := range g.Facts {
		if f.Language != "python" || !slices.ContainsFunc(f.Tables, func(t facts.Table) bool { return t.AppLabel }) {
			continue
		}
		if !cloned {
			g.Facts = slices.Clone(g.Facts)
			cloned = true
		}
		c := *f
		c.Tables = slices.Clone(f.Tables)
		label := strings.ToLower(python.AppLabel(f.Path))
		for i := range c.Tables {
			if t := &c.Tables[i]; t.AppLabel {
				if label != "" {
					t.Name = label + "_" + t.Name
				}
				t.AppLabel = false
			}
		}
		g.Facts[fi] = &c
	}
}

// pyDir is path.Dir with "" for the repository root.
func pyDir(p string) string {
	d := path.Dir(p)
	if d == "." || d == "/" {
		return ""
	}
	return d
}

// pyBinds returns the name an import binds, "" for a wildcard.
func pyBinds(imp facts.Import) string {
	switch {
	case imp.Wildcard:
		return ""
	case imp.Alias != "":
		return imp.Alias
	case imp.From != "":
		return imp.Name
	}
	first, _, _ := strings.Cut(imp.Name, ".")
	return first
}

// resolveBases resolves the base classes of Python classes into the
// index's supertypes (replacing what the Java pass made of them).
func (p *pyIndex) resolveBases(r *pyResolver) {
	ix, g := p.ix, p.ix.g
	touched := false
	for fi, f := range g.Facts {
		if p.fileMod[fi] == nil {
			continue
		}
		for _, id := range ix.typeIDs[fi] {
			ix.supers[id], ix.superclass[id], ix.outside[id] = nil, -1, false
		}
		for _, ref := range f.Refs {
			if ref.Kind != facts.Extends || ref.From < 0 || ref.From >= len(ix.typeIDs[fi]) {
				continue
			}
			touched = true
			from := ix.typeIDs[fi][ref.From]
			e := r.path(fi, ref.Name, 0)
			if e.kind != pClass && e.kind != pInst || e.typ == from {
				ix.outside[from] = true
				continue
			}
			if !slices.Contains(ix.supers[from], e.typ) {
				if ix.superclass[from] < 0 {
					ix.superclass[from] = e.typ
				}
				ix.supers[from] = append(ix.supers[from], e.typ)
			}
		}
	}
	if !touched {
		return
	}
	ix.computeLineage()
	for id := range g.Types {
		if ix.outside[id] || p.fileMod[g.Types[id].File] == nil {
			continue
		}
		ix.ancestors(id, func(a int) bool {
			if ix.outside[a] {
				ix.outside[id] = true
				return false
			}
			return true
		})
	}
}

// pyResolver resolves names of Python files. It reads the index only (the
// imports are resolved when the index is built), and caches what it
// looked up.
type pyResolver struct {
	p     *pyIndex
	fi    int // the file whose references it resolves, -1 while indexing
	vals  []pyEnt
	done  []bool
	cache map[pyKey]pyEnt
}

type pyKey struct {
	fi   int
	name string
	kind uint8 // 0 a global name, 1 a written type
}

func (p *pyIndex) newResolver(fi int) *pyResolver {
	r := &pyResolver{p: p, fi: fi, cache: map[pyKey]pyEnt{}}
	if fi >= 0 {
		n := len(p.ix.g.Facts[fi].Exprs)
		r.vals, r.done = make([]pyEnt, n), make([]bool, n)
	}
	return r
}

const pyMaxDepth = 12

// importEnt returns what import k of file fi binds, resolving it once.
func (r *pyResolver) importEnt(fi, k, depth int) pyEnt {
	p := r.p
	switch p.state[fi][k] {
	case 2:
		return p.imports[fi][k]
	case 1:
		return pyUnres // a cycle of re-exports
	}
	if depth > pyMaxDepth {
		return pyUnres
	}
	p.state[fi][k] = 1
	imp := p.ix.g.Facts[fi].Imports[k]
	var e pyEnt
	switch {
	case imp.Wildcard:
		e = r.moduleSpec(fi, imp.From)
	case imp.From == "":
		full, root := r.absModule(fi, imp.Name)
		switch {
		case imp.Alias != "":
			e = full
		case !strings.Contains(imp.Name, "."):
			e = full
		case full.kind == pModule:
			first, _, _ := strings.Cut(imp.Name, ".")
			e = pyEnt{kind: pModule, mod: p.mods[joinPath(root, first)], typ: -1, anchor: -1}
		default:
			first, _, _ := strings.Cut(imp.Name, ".")
			e, _ = r.absModule(fi, first)
		}
	default:
		m := r.moduleSpec(fi, imp.From)
		if m.kind == pModule {
			e = r.member(m.mod, imp.Name, depth+1)
		} else {
			e = m
		}
	}
	if e.kind == pModule && e.mod != nil {
		e.typ = e.mod.typ
	}
	p.imports[fi][k] = e
	p.state[fi][k] = 2
	return e
}

func joinPath(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// moduleSpec resolves a module as written in an import: relative or
// absolute.
func (r *pyResolver) moduleSpec(fi int, spec string) pyEnt {
	if strings.HasPrefix(spec, ".") {
		return r.relModule(fi, spec)
	}
	e, _ := r.absModule(fi, spec)
	return e
}

// relModule resolves a relative module name from file fi.
func (r *pyResolver) relModule(fi int, spec string) pyEnt {
	level := len(spec) - len(strings.TrimLeft(spec, "."))
	rest := spec[level:]
	base := pyDir(r.p.ix.g.Facts[fi].Path)
	for range level - 1 {
		if base == "" {
			return pyUnres
		}
		base = pyDir(base)
	}
	target := base
	if rest != "" {
		target = joinPath(base, strings.ReplaceAll(rest, ".", "/"))
	}
	if m := r.p.mods[target]; m != nil && target != "" {
		return pyEnt{kind: pModule, mod: m, typ: m.typ, anchor: -1}
	}
	return pyUnres
}

// absModule resolves an absolute module name from file fi, and returns
// the root it was found under.
func (r *pyResolver) absModule(fi int, dotted string) (pyEnt, string) {
	p := r.p
	cands := p.dotted[dotted]
	if len(cands) > 0 {
		from := ""
		if fi >= 0 {
			from = pyDir(p.ix.g.Facts[fi].Path)
		}
		best := -1
		for i, c := range cands {
			if c.root == "" || from == c.root || strings.HasPrefix(from, c.root+"/") {
				if best < 0 || len(c.root) > len(cands[best].root) {
					best = i
				}
			}
		}
		if best < 0 {
			for i, c := range cands {
				if p.sourceRoots[c.root] {
					if best >= 0 && cands[best].mod != c.mod {
						return pyUnres, "" // several source roots hold it
					}
					best = i
				}
			}
		}
		if best >= 0 {
			m := cands[best].mod
			return pyEnt{kind: pModule, mod: m, typ: m.typ, anchor: -1}, cands[best].root
		}
	}
	first, _, _ := strings.Cut(dotted, ".")
	if p.tops[first] {
		return pyUnres, ""
	}
	return pyExt, ""
}

// member returns the attribute name of a module: one of its names, else
// a submodule.
func (r *pyResolver) member(m *pyMod, name string, depth int) pyEnt {
	if depth > pyMaxDepth {
		return pyUnres
	}
	e := pyUnres
	if m.file >= 0 {
		e = r.lookupIn(m.file, name, depth+1, false)
		if e.kind != pUnres {
			return e
		}
	}
	if sub := r.p.mods[joinPath(m.path, name)]; sub != nil {
		return pyEnt{kind: pModule, mod: sub, typ: sub.typ, anchor: -1}
	}
	if m.file < 0 && e.kind == pUnres {
		// A namespace package may have portions outside the repository
		// (and a module or regular package of its name outside wins).
		return pyExt
	}
	return e
}

// lookupIn finds a global name of file fi: its classes, functions,
// imports, variables, its wildcard imports, and (builtins) Python's
// builtins.
func (r *pyResolver) lookupIn(fi int, name string, depth int, builtins bool) pyEnt {
	k := pyKey{fi, name, 0}
	if builtins {
		k.kind = 2
	}
	if e, ok := r.cache[k]; ok {
		return e
	}
	e := r.lookupUncached(fi, name, depth, builtins)
	if depth <= 1 || e.kind != pUnres {
		r.cache[k] = e
	}
	return e
}

func (r *pyResolver) lookupUncached(fi int, name string, depth int, builtins bool) pyEnt {
	p := r.p
	mt := p.fileMod[fi].typ
	if n, ok := p.names[fi][name]; ok {
		switch n.kind {
		case nClass:
			return pyEnt{kind: pClass, typ: n.id, anchor: n.id}
		case nFunc:
			return pyEnt{kind: pFunc, typ: mt, name: name, anchor: mt}
		case nImport:
			e := r.importEnt(fi, n.id, depth+1)
			return e
		case nVar:
			return pyEnt{kind: pVar, typ: mt, name: name, anchor: mt}
		}
	}
	outside := false
	for k, imp := range p.ix.g.Facts[fi].Imports {
		if !imp.Wildcard {
			continue
		}
		m := r.importEnt(fi, k, depth+1)
		switch m.kind {
		case pModule:
			if e := r.member(m.mod, name, depth+1); e.kind != pUnres && !strings.HasPrefix(name, "_") {
				return e
			}
		case pExt:
			outside = true
		}
	}
	if outside || builtins && pyBuiltins[name] {
		return pyExt
	}
	return pyUnres
}

// path resolves a dotted path as written in file fi: a global name and
// its attributes, a relative module (".models"), or an absolute module.
func (r *pyResolver) path(fi int, dotted string, depth int) pyEnt {
	if dotted == "" || depth > pyMaxDepth {
		return pyUnres
	}
	if strings.HasPrefix(dotted, ".") {
		return r.relModule(fi, dotted)
	}
	root, rest, _ := strings.Cut(dotted, ".")
	e := r.lookupIn(fi, root, depth+1, true)
	if e.kind == pUnres {
		if _, bound := r.p.names[fi][root]; !bound {
			if m, n := r.longestModule(fi, dotted); n > 0 {
				e, rest = m, strings.Join(strings.Split(dotted, ".")[n:], ".")
			}
		}
	}
	if e.kind == pModule {
		e.anchor = e.typ
	}
	for rest != "" {
		var seg string
		seg, rest, _ = strings.Cut(rest, ".")
		e = r.attr(e, seg, depth+1)
	}
	return e
}

// longestModule finds the longest prefix of a dotted name that is a
// module of the repository, and how many segments it has.
func (r *pyResolver) longestModule(fi int, dotted string) (pyEnt, int) {
	segs := strings.Split(dotted, ".")
	for n := len(segs); n >= 1; n-- {
		if e, _ := r.absModule(fi, strings.Join(segs[:n], ".")); e.kind == pModule {
			return e, n
		}
	}
	return pyUnres, 0
}

// attr returns the attribute name of what e stands for.
func (r *pyResolver) attr(e pyEnt, name string, depth int) pyEnt {
	if depth > pyMaxDepth {
		return pyUnres
	}
	keep := func(x pyEnt) pyEnt {
		if x.anchor < 0 {
			x.anchor, x.anchorName = e.anchor, e.anchorName
		}
		return x
	}
	switch e.kind {
	case pModule:
		x := r.member(e.mod, name, depth+1)
		switch x.kind {
		case pModule:
			x.anchor = x.typ
			if x.anchor < 0 {
				x.anchor = e.anchor
			}
			return x
		case pUnres:
			return pyUnres // a module lacks it: nothing to anchor on
		}
		return keep(x)
	case pClass, pInst:
		return r.classAttr(e, name, depth)
	case pVar, pMethod:
		v := r.valueOf(e, depth+1)
		if v.kind == pUnres || v.kind == pExt {
			v.anchor, v.anchorName, v.direct = e.anchor, e.anchorName, false
			return v
		}
		return keep(r.attr(v, name, depth+1))
	case pFunc:
		// An attribute of a function object (a task's delay): outside, but
		// a use of the function.
		return pyEnt{kind: pExt, typ: -1, anchor: e.typ, anchorName: e.name}
	case pExt:
		x := pyEnt{kind: pExt, typ: -1, anchor: e.anchor, anchorName: e.anchorName}
		if e.qs == 1 {
			switch {
			case pyQuerySets[name]:
				x.qs = 2
			case pyInstances[name]:
				x.qs = 3
			}
		}
		return x
	}
	return pyEnt{kind: pUnres, typ: -1, anchor: e.anchor, anchorName: e.anchorName}
}

// classAttr looks an attribute up on a class or an instance: a method, a
// field (its value), a nested class, through the bases.
func (r *pyResolver) classAttr(e pyEnt, name string, depth int) pyEnt {
	ix := r.p.ix
	id := e.typ
	lineage := ix.lineage[id]
	start := 0
	if e.super {
		start = 1
	}
	all := append([]int{id}, lineage...)
	for _, t := range all[start:] {
		tf := ix.typeFacts(t)
		for _, m := range tf.Methods {
			if m.Name == name {
				return pyEnt{kind: pMethod, typ: t, name: name, anchor: t}
			}
		}
		if m, ok := ix.members[t][name]; ok {
			return pyEnt{kind: pClass, typ: m, anchor: m}
		}
		for _, fd := range tf.Fields {
			if fd.Name == name {
				v := r.written(ix.g.Types[t].File, fd.Type, depth+1)
				if v.anchor < 0 || v.kind == pExt || v.kind == pUnres {
					v.anchor, v.anchorName = t, ""
				}
				return v
			}
		}
	}
	x := pyEnt{kind: pUnres, typ: -1, anchor: id, direct: true}
	if ix.outside[id] || e.super || pyObjectAttrs[name] {
		x.kind = pExt
		if ix.outside[id] && pyManagers[name] {
			x.qs = 1 // the manager an ORM base class gives its models
		}
	}
	return x
}

// valueOf returns the value a variable holds or a method returns (as an
// attribute: a property).
func (r *pyResolver) valueOf(e pyEnt, depth int) pyEnt {
	ix := r.p.ix
	switch e.kind {
	case pVar:
		for _, fd := range ix.typeFacts(e.typ).Fields {
			if fd.Name == e.name {
				return r.written(ix.g.Types[e.typ].File, fd.Type, depth+1)
			}
		}
	case pMethod, pFunc:
		for _, m := range ix.typeFacts(e.typ).Methods {
			if m.Name == e.name {
				return r.written(ix.g.Types[e.typ].File, m.Return, depth+1)
			}
		}
	}
	return pyUnres
}

// written types a value by a type written in file fi (see package
// python): a class's instance, "type[X]" the class itself, a function's
// result, a variable's value.
func (r *pyResolver) written(fi int, w string, depth int) pyEnt {
	if w == "" || depth > pyMaxDepth {
		return pyUnres
	}
	k := pyKey{fi, w, 1}
	if e, ok := r.cache[k]; ok {
		return e
	}
	e := r.writtenUncached(fi, w, depth)
	r.cache[k] = e
	return e
}

func (r *pyResolver) writtenUncached(fi int, w string, depth int) pyEnt {
	if inner, ok := strings.CutPrefix(w, "type["); ok && strings.HasSuffix(inner, "]") {
		e := r.path(fi, strings.TrimSuffix(inner, "]"), depth+1)
		if e.kind == pInst {
			e.kind = pClass
		}
		return e
	}
	head := w
	if i := strings.IndexAny(w, "[("); i >= 0 {
		head = w[:i]
	}
	if !pyDottedName(head) {
		return pyUnres
	}
	e := r.path(fi, head, depth+1)
	if e.kind == pUnres && e.anchor < 0 {
		if id := r.p.ormModel(head); id >= 0 {
			e = pyEnt{kind: pClass, typ: id, anchor: id} // a model named by a string
		}
	}
	switch e.kind {
	case pClass:
		e.kind = pInst
		return e
	case pFunc, pMethod:
		v := r.valueOf(e, depth+1)
		if v.kind == pUnres {
			return pyEnt{kind: pUnres, typ: -1, anchor: e.anchor}
		}
		return v
	case pVar:
		return r.valueOf(e, depth+1)
	}
	return e
}

func pyDottedName(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			c := part[i]
			if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

// called returns the result of calling what e stands for.
func (r *pyResolver) called(e pyEnt, depth int) pyEnt {
	switch e.kind {
	case pClass:
		e.kind = pInst
		e.super = false
		return e
	case pFunc, pMethod:
		v := r.valueOf(e, depth+1)
		if v.kind == pUnres && e.kind == pMethod && r.p.ix.outside[e.typ] {
			return pyExt
		}
		return v
	case pExt:
		switch e.qs {
		case 2:
			return pyEnt{kind: pExt, typ: -1, anchor: e.anchor, qs: 1}
		case 3:
			return pyEnt{kind: pInst, typ: e.anchor, anchor: e.anchor}
		}
		return pyExt
	}
	return pyUnres
}

// expr types receiver expression i of the file, memoized.
func (r *pyResolver) expr(from, i int) pyEnt {
	if i < 0 || i >= len(r.vals) {
		return pyUnres
	}
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = pyUnres
	v := r.evalExpr(from, r.p.ix.g.Facts[r.fi].Exprs[i])
	r.vals[i] = v
	return v
}

func (r *pyResolver) evalExpr(from int, x facts.Expr) pyEnt {
	switch x.Kind {
	case facts.ExprThis:
		if from >= 0 && r.p.ix.g.Types[from].Kind != facts.Module {
			return pyEnt{kind: pInst, typ: from, anchor: from}
		}
	case facts.ExprSuper:
		if from >= 0 && r.p.ix.g.Types[from].Kind != facts.Module {
			return pyEnt{kind: pInst, typ: from, anchor: from, super: true}
		}
	case facts.ExprStatic:
		return r.path(r.fi, x.Name, 0)
	case facts.ExprType:
		return r.written(r.fi, x.Name, 0)
	case facts.ExprField:
		base := r.expr(from, x.Base)
		a := r.attr(base, x.Name, 0)
		if a.kind == pMethod {
			return r.valueOf(a, 1) // a property
		}
		return a
	case facts.ExprCall:
		if x.Base < 0 {
			return r.called(r.path(r.fi, x.Name, 0), 0)
		}
		base := r.expr(from, x.Base)
		if base.kind == pInst && base.super {
			return r.called(r.classAttr(base, x.Name, 0), 0)
		}
		return r.called(r.attr(base, x.Name, 0), 0)
	}
	return pyUnres
}

// resolvePython resolves the references of Python file fi.
func (ix *index) resolvePython(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	if ix.py == nil || ix.py.fileMod[fi] == nil {
		return out
	}
	r := ix.py.newResolver(fi)
	f := ix.g.Facts[fi]
	ids := ix.typeIDs[fi]
	for _, ref := range f.Refs {
		if ref.From < 0 || ref.From >= len(ids) {
			continue
		}
		from := ids[ref.From]
		kind, to, member, what, ok := r.ref(from, ref)
		o := out.byKind[kind]
		switch {
		case ok && to >= 0:
			o.Internal++
			if to != from {
				out.deps = append(out.deps, Dep{From: from, To: to, Kind: kind, Member: member, Count: 1, Line: ref.Line})
			}
		case ok:
			o.Internal++ // a variable of this module, a namespace package
		case what == "":
			o.External++
		default:
			o.Unresolved++
			out.unresolved[what]++
		}
		out.byKind[kind] = o
	}
	out.deps = mergeDeps(out.deps)
	return out
}

// ref resolves one reference: the edge kind, its target (-1: none), the
// member, and, when it is not resolved, the name to report ("" for an
// external one). ok is true when it lands in the repository.
func (r *pyResolver) ref(from int, ref facts.Ref) (kind EdgeKind, to int, member, what string, ok bool) {
	ix := r.p.ix
	kind = ref.Kind
	var e pyEnt
	if ref.Kind == facts.Call {
		if ref.Recv < 0 {
			e = r.path(r.fi, ref.Member, 0)
			what = ref.Member
		} else {
			recv := r.expr(from, ref.Recv)
			switch {
			case recv.kind == pInst && recv.super:
				e = r.classAttr(recv, ref.Member, 0)
			default:
				e = r.attr(recv, ref.Member, 0)
			}
			what = describePy(ix.g.Facts[r.fi], ref.Recv) + "." + ref.Member
		}
	} else {
		e = r.path(r.fi, ref.Name, 0)
		what = ref.Name
		if e.kind == pUnres && e.anchor < 0 && ref.Kind == facts.TypeUse {
			if id := r.p.ormModel(ref.Name); id >= 0 {
				e = pyEnt{kind: pClass, typ: id, anchor: id}
			}
		}
	}
	switch e.kind {
	case pClass, pInst:
		if ref.Kind == facts.Call {
			if e.kind == pInst {
				return facts.Call, e.typ, "__call__", "", true
			}
			return facts.New, e.typ, "", "", true
		}
		return kind, e.typ, "", "", true
	case pModule:
		if ref.Kind == facts.Call {
			return kind, -1, "", what, false
		}
		return kind, e.typ, "", "", true
	case pFunc, pMethod:
		switch ref.Kind {
		case facts.Call:
			return facts.Call, e.typ, e.name, "", true
		case facts.TypeUse:
			return facts.MethodRef, e.typ, e.name, "", true
		}
		return kind, e.typ, "", "", true
	case pVar:
		if ix.g.Types[e.typ].File == r.fi {
			return kind, -1, "", "", true
		}
		if ref.Kind == facts.Call {
			return facts.Call, e.typ, e.name, "", true
		}
		return kind, e.typ, "", "", true
	}
	// Outside the repository, or not found: through a class or module of
	// the repository?
	if e.anchor >= 0 {
		at := ix.g.Types[e.anchor]
		switch {
		case e.anchorName != "":
			if ref.Kind == facts.Call {
				return facts.Call, e.anchor, e.anchorName, "", true
			}
			return facts.MethodRef, e.anchor, e.anchorName, "", true
		case e.direct && ref.Kind == facts.Call:
			return facts.Call, e.anchor, ref.Member, "", true
		case at.Kind == facts.Module && at.File == r.fi:
			return kind, -1, "", "", true // a variable of this module
		case ref.Kind == facts.Call:
			return facts.TypeUse, e.anchor, "", "", true
		}
		return kind, e.anchor, "", "", true
	}
	if e.kind == pExt {
		return kind, -1, "", "", false
	}
	return kind, -1, "", what, false
}

// describePy renders a receiver expression for the unresolved-name
// report: a call of a global name has no base.
func describePy(f *facts.File, i int) string { return describePyN(f, i, maxDescribed) }

// describePyN renders at most n steps of the chain, "…" for the rest.
func describePyN(f *facts.File, i, n int) string {
	if n == 0 {
		return "…"
	}
	if i < 0 || i >= len(f.Exprs) {
		return "?"
	}
	x := f.Exprs[i]
	switch x.Kind {
	case facts.ExprType, facts.ExprStatic:
		return x.Name
	case facts.ExprThis:
		return "self"
	case facts.ExprSuper:
		return "super()"
	case facts.ExprField:
		return describePyN(f, x.Base, n-1) + "." + x.Name
	case facts.ExprCall:
		if x.Base < 0 {
			return x.Name + "()"
		}
		return describePyN(f, x.Base, n-1) + "." + x.Name + "()"
	}
	return "?"
}

// ormModel returns the one ORM-mapped class a string model reference
// names: Django's "app_label.Model", or a class name; -1 if none or
// several.
func (p *pyIndex) ormModel(name string) int {
	var ids []int
	if label, model, ok := strings.Cut(name, "."); ok {
		if strings.Contains(model, ".") {
			return -1
		}
		ids = p.labels[strings.ToLower(label)+"."+model]
	} else {
		ids = p.models[name]
	}
	if len(ids) != 1 {
		return -1
	}
	return ids[0]
}

// resolvePythonType resolves a class (or module) name written in Python
// file fi, for the data side: an entity, a foreign key's target, the
// owner of a constant. -1 when it is no type of the repository.
func (ix *index) resolvePythonType(fi int, name string) int {
	if ix.py == nil || ix.py.fileMod[fi] == nil {
		return -1
	}
	r := ix.py.newResolver(fi)
	e := r.path(fi, name, 0)
	switch e.kind {
	case pClass, pInst:
		return e.typ
	case pModule:
		return e.typ
	}
	return ix.py.ormModel(name)
}

// pyManagers are the attributes an ORM base class gives a model class for
// its queries (Django's managers, Flask-SQLAlchemy's query); pyQuerySets
// the methods of a manager or query set that return a query set of the
// same model, pyInstances those that return one of its instances.
var (
	pyManagers  = wordSet(`objects _default_manager _base_manager query`)
	pyQuerySets = wordSet(`all filter exclude order_by select_related prefetch_related distinct using annotate
		only defer select_for_update reverse none filter_by alias`)
	pyInstances = wordSet(`get create first last latest earliest get_or_404 first_or_404 one one_or_none
		aget acreate afirst alast alatest aearliest`)
)

// pyObjectAttrs are the attributes every Python object has.
var pyObjectAttrs = wordSet(`__init__ __new__ __del__ __repr__ __str__ __bytes__ __format__ __lt__ __le__
	__eq__ __ne__ __gt__ __ge__ __hash__ __bool__ __getattr__ __getattribute__ __setattr__ __delattr__
	__dir__ __class__ __dict__ __doc__ __module__ __init_subclass__ __subclasshook__ __reduce__
	__reduce_ex__ __sizeof__ __name__ __qualname__ __mro__ __bases__ __subclasses__ __slots__
	__annotations__ __enter__ __exit__ __aenter__ __aexit__ __call__ __iter__ __next__ __len__
	__contains__ __getitem__ __setitem__ __delitem__ mro`)

// pyBuiltins are the names Python's builtins module provides.
var pyBuiltins = wordSet(`
	abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile
	complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format
	frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license
	list locals map max memoryview min next object oct open ord pow print property quit range repr
	reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__
	__build_class__ __debug__ __doc__ __file__ __name__ __package__ __spec__ __loader__ __path__
	__builtins__ __annotations__ __dict__ __module__ __qualname__ __all__ __version__ __cached__
	reveal_type reveal_locals unicode basestring long xrange raw_input unichr reduce file cmp execfile
	NotImplemented Ellipsis None True False
	BaseException BaseExceptionGroup Exception ExceptionGroup ArithmeticError AssertionError
	AttributeError BufferError EOFError FloatingPointError GeneratorExit ImportError
	ModuleNotFoundError IndexError KeyError KeyboardInterrupt LookupError MemoryError NameError
	NotImplementedError OSError OverflowError RecursionError ReferenceError RuntimeError
	StopIteration StopAsyncIteration SyntaxError IndentationError TabError SystemError SystemExit
	TypeError UnboundLocalError UnicodeError UnicodeEncodeError UnicodeDecodeError
	UnicodeTranslateError ValueError ZeroDivisionError EnvironmentError IOError WindowsError
	BlockingIOError ChildProcessError ConnectionError BrokenPipeError ConnectionAbortedError
	ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError InterruptedError
	IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError Warning
	UserWarning DeprecationWarning PendingDeprecationWarning SyntaxWarning RuntimeWarning
	FutureWarning ImportWarning UnicodeWarning BytesWarning ResourceWarning EncodingWarning
	StandardError`)
