package graph

// # Resolution (Go)
//
// A Go type's qualified name is its package's import path and its name
// ("github.com/acme/shop/orders.Order"; facts.File.Package and
// facts.Type.Name, see package golang).
//
// Typed facts (facts.File.Typed: the files go/packages loaded) carry the
// type checker's answers: every name is fully qualified, and a call's
// receiver is the type that declares the method (or the module type of
// the file that declares the function). Resolving them is a look-up: a
// repository type is internal; a name the repository does not declare is
// external (the standard library, a module, or a file of the repository
// skipped as generated); a receiver the type checker could not type (an
// ExprUnknown, from a package missing from the module cache or broken
// code) is unresolved.
//
// Untyped facts (files read by tree-sitter) are resolved by Go's scope
// rules, as far as the syntax tells: a simple name is a type of the
// file's own package; a qualified name pkg.T goes through the import
// whose name (its alias, else the last element of its path without a
// major-version suffix) is pkg. An import path is a repository package
// when some package's path is that path, or, for files whose import path
// is unknown (no go.mod: their Package is their directory), its longest
// '/'-suffix. An import of a path the repository does not declare makes
// the name external; a qualifier that is no import leaves it unresolved.
// Receivers are typed as for Java: the method's receiver, parameters and
// variables of a written type, composite literals, fields (struct fields
// and package-level variables, by their written type, resolved in the
// declaring file), and the results of functions and methods. Methods are
// looked up in the type's declarations (every partial part) and through
// its embedded types.
//
// Partial types: a type whose methods are spread over several files has a
// declaration in each (facts.Type.Partial but for the one that declares
// the type). The declaring one is canonical: references land on it, and
// edges between the parts of one type are dropped; each part keeps its
// own outgoing edges, so that each file keeps its dependencies.

import (
	"path"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// goIndex holds what Go resolution needs across files.
type goIndex struct {
	ix    *index
	canon []int         // per type: the canonical declaration of a Go type
	parts map[int][]int // canonical type -> all its declarations
	pkgs  map[string]bool
	// funcs maps "pkg.Func" to the module type declaring the function,
	// vars "pkg.Var" to the module type declaring the variable.
	funcs map[string]int
	vars  map[string]int
	// bySuffix lists, by last path element, the Go packages (for import
	// paths matched by suffix).
	bySuffix map[string][]string
}

// newGoIndex builds the Go index; nil without Go files.
func newGoIndex(ix *index) *goIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "go" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	gi := &goIndex{ix: ix, parts: map[int][]int{}, pkgs: map[string]bool{}, funcs: map[string]int{}, vars: map[string]int{},
		bySuffix: map[string][]string{}}
	gi.canon = make([]int, len(g.Types))
	for id := range g.Types {
		gi.canon[id] = id
	}
	for fi, f := range g.Facts {
		if f.Language != "go" {
			continue
		}
		if !gi.pkgs[f.Package] {
			gi.pkgs[f.Package] = true
			last := path.Base(f.Package)
			gi.bySuffix[last] = append(gi.bySuffix[last], f.Package)
		}
		for ti, t := range f.Types {
			if t.Kind != facts.Module {
				continue
			}
			id := ix.typeIDs[fi][ti]
			for _, m := range t.Methods {
				k := f.Package + "." + m.Name
				if _, dup := gi.funcs[k]; !dup {
					gi.funcs[k] = id
				}
			}
			for _, fd := range t.Fields {
				k := f.Package + "." + fd.Name
				if _, dup := gi.vars[k]; !dup {
					gi.vars[k] = id
				}
			}
		}
	}
	// Types declared in several Go files: the parts of one type.
	var dups []string
	for _, name := range ix.duplicates {
		ids := ix.byName[name]
		var goIDs []int
		for _, id := range ids {
			if g.Files[g.Types[id].File].Language == "go" {
				goIDs = append(goIDs, id)
			}
		}
		if len(goIDs) <= 1 {
			dups = append(dups, name)
			continue
		}
		c, decls := -1, 0
		for _, id := range goIDs {
			if !ix.typeFacts(id).Partial {
				decls++
				if c < 0 {
					c = id
				}
			}
		}
		if c < 0 {
			c = goIDs[0]
		}
		gi.parts[c] = goIDs
		for _, id := range goIDs {
			gi.canon[id] = c
		}
		if decls > 1 || len(goIDs) < len(ids) {
			dups = append(dups, name) // declared twice: a real duplicate
		}
	}
	ix.duplicates = dups
	return gi
}

// lookup resolves a fully qualified name of typed facts.
func (gi *goIndex) lookup(name string, fromFile int) res {
	if ids := gi.ix.byName[name]; len(ids) > 0 {
		return res{id: gi.canon[gi.ix.pick(ids, fromFile)], out: internal}
	}
	return ext
}

func (ix *index) resolveGo(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	gi := ix.goi
	if gi == nil {
		return out
	}
	f := ix.g.Facts[fi]
	ids := ix.typeIDs[fi]
	var r *goResolver
	if !f.Typed {
		r = gi.newResolver(fi)
	}
	for _, ref := range f.Refs {
		self := -1
		if ref.From >= 0 && ref.From < len(ids) {
			self = ids[ref.From]
		}
		kind := ref.Kind
		var target res
		what := ref.Name
		switch ref.Kind {
		case facts.Call, facts.MethodRef:
			if ref.Recv < 0 || ref.Recv >= len(f.Exprs) {
				target = unres
				break
			}
			if f.Typed {
				e := f.Exprs[ref.Recv]
				if e.Kind == facts.ExprUnknown {
					target, what = unres, e.Name+"."+ref.Member
					if e.Name == "" {
						what = ref.Member
					}
					break
				}
				target, what = gi.lookup(e.Name, fi), e.Name+"."+ref.Member
				break
			}
			var conv bool
			target, what, conv = r.call(ref)
			if conv {
				kind = facts.TypeUse
			}
		default:
			if f.Typed {
				if ref.Recv >= 0 && ref.Recv < len(f.Exprs) && ref.Name == "" {
					target, what = unres, f.Exprs[ref.Recv].Name
					break
				}
				target = gi.lookup(ref.Name, fi)
				break
			}
			target = r.typeName(ref.Name)
		}
		o := out.byKind[kind]
		switch target.out {
		case internal:
			o.Internal++
			to := gi.canon[target.id]
			if self >= 0 && to != gi.canon[self] {
				member := ""
				if ref.Kind == facts.Call || ref.Kind == facts.MethodRef {
					member = ref.Member
				}
				out.deps = append(out.deps, Dep{From: self, To: to, Kind: kind, Member: member, Count: 1, Line: ref.Line})
			}
		case external:
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

// resolveGoType resolves a type name written in Go file fi, for the data
// side (a GORM model, an ent schema); -1 when it is not a repository type.
func (ix *index) resolveGoType(fi int, name string) int {
	if ix.goi == nil {
		return -1
	}
	var v res
	if ix.g.Facts[fi].Typed {
		v = ix.goi.lookup(name, fi)
	} else {
		v = ix.goi.newResolver(fi).typeName(name)
	}
	if v.out == internal {
		return v.id
	}
	return -1
}

// goResolver resolves the names of one untyped Go file.
type goResolver struct {
	gi      *goIndex
	fi      int
	f       *facts.File
	imports map[string]string // local name -> import path
	dot     bool              // a dot import: unknown names may come from it
	vals    []res
	done    []bool
	others  map[int]*goResolver
}

func (gi *goIndex) newResolver(fi int) *goResolver {
	f := gi.ix.g.Facts[fi]
	r := &goResolver{gi: gi, fi: fi, f: f, imports: map[string]string{}}
	for _, imp := range f.Imports {
		switch imp.Alias {
		case "_":
		case ".":
			r.dot = true
		case "":
			r.imports[goImportName(imp.Name)] = imp.Name
		default:
			r.imports[imp.Alias] = imp.Name
		}
	}
	return r
}

// goImportName is the name a package is imported under, guessed from its
// path (package golang's importName).
func goImportName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(p))
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimPrefix(base, "go-")
	base = strings.TrimSuffix(base, "-go")
	return strings.ReplaceAll(base, "-", "")
}

// pkg returns the repository package an import path denotes.
func (gi *goIndex) pkg(importPath string) (string, bool) {
	if gi.pkgs[importPath] {
		return importPath, true
	}
	best := ""
	for _, p := range gi.bySuffix[path.Base(importPath)] {
		if p != "" && strings.HasSuffix(importPath, "/"+p) && len(p) > len(best) {
			best = p
		}
	}
	return best, best != ""
}

// qualifier resolves a package qualifier: the repository package, or
// external (an import from outside), or unresolved (no such import).
func (r *goResolver) qualifier(q string) (string, outcome) {
	p, ok := r.imports[q]
	if !ok {
		return "", unresolved
	}
	if rp, ok := r.gi.pkg(p); ok {
		return rp, internal
	}
	return "", external
}

// typeName resolves a type name as written in the file.
func (r *goResolver) typeName(name string) res {
	name = strings.TrimLeft(name, "*")
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	if dot := strings.IndexByte(name, '.'); dot >= 0 {
		p, out := r.qualifier(name[:dot])
		if out != internal {
			return res{id: -1, out: out}
		}
		return r.inPackage(p, name[dot+1:])
	}
	if v := r.inPackage(r.f.Package, name); v.out == internal {
		return v
	}
	if r.dot {
		return ext
	}
	return unres
}

func (r *goResolver) inPackage(p, name string) res {
	if ids := r.gi.ix.byName[p+"."+name]; len(ids) > 0 {
		return res{id: r.gi.canon[r.gi.ix.pick(ids, r.fi)], out: internal}
	}
	if p == "" {
		if ids := r.gi.ix.byName[name]; len(ids) > 0 {
			return res{id: r.gi.canon[r.gi.ix.pick(ids, r.fi)], out: internal}
		}
	}
	return unres
}

// other returns the resolver of another file, for names written there.
func (r *goResolver) other(fi int) *goResolver {
	if fi == r.fi {
		return r
	}
	if r.others == nil {
		r.others = map[int]*goResolver{}
	}
	o, ok := r.others[fi]
	if !ok {
		o = r.gi.newResolver(fi)
		r.others[fi] = o
	}
	return o
}

// writtenType resolves a type written in the file declaring type id's
// member: "*Repo", "orders.Repo"; slices, maps, functions and channels are
// values without methods of the repository: external.
func (r *goResolver) writtenType(fi int, typ string) res {
	typ = strings.TrimSpace(strings.TrimLeft(typ, "*"))
	if typ == "" || strings.HasPrefix(typ, "[") || strings.HasPrefix(typ, "map[") || strings.HasPrefix(typ, "func") ||
		strings.HasPrefix(typ, "chan") || strings.HasPrefix(typ, "<-") || strings.HasPrefix(typ, "(") || strings.HasPrefix(typ, "interface") ||
		strings.HasPrefix(typ, "struct") {
		return ext
	}
	if goPredeclared[typ] {
		return ext
	}
	v := r.other(fi).typeName(typ)
	if v.out == unresolved && !strings.Contains(typ, ".") && r.gi.ix.g.Facts[fi].Typed {
		return r.gi.lookup(typ, fi)
	}
	return v
}

var goPredeclared = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true, "error": true, "float32": true, "float64": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "any": true,
}

// member finds a method or field of type id (every part, then embedded
// types). It returns the declaring type and the member's written type
// (field type, or method result) with the file it is written in.
func (gi *goIndex) member(id int, name string, method bool, depth int) (decl int, typ string, file int, ok bool) {
	if depth > 5 {
		return -1, "", -1, false
	}
	g := gi.ix.g
	parts := gi.parts[gi.canon[id]]
	if len(parts) == 0 {
		parts = []int{id}
	}
	for _, p := range parts {
		tf := gi.ix.typeFacts(p)
		if method {
			for _, m := range tf.Methods {
				if m.Name == name {
					return gi.canon[p], m.Return, g.Types[p].File, true
				}
			}
		} else {
			for _, fd := range tf.Fields {
				if fd.Name == name {
					return gi.canon[p], fd.Type, g.Types[p].File, true
				}
			}
		}
	}
	// Promoted through embedded fields.
	for _, p := range parts {
		tf := gi.ix.typeFacts(p)
		for _, fd := range tf.Fields {
			if !embeddedField(fd) {
				continue
			}
			r := gi.newResolver(g.Types[p].File)
			v := r.writtenType(g.Types[p].File, fd.Type)
			if v.out != internal || gi.canon[v.id] == gi.canon[id] {
				continue
			}
			if d, t, f, ok := gi.member(v.id, name, method, depth+1); ok {
				return d, t, f, true
			}
		}
	}
	return -1, "", -1, false
}

// embeddedField reports whether a struct field is an embedding: its name
// is its type's name.
func embeddedField(fd facts.Field) bool {
	t := strings.TrimLeft(fd.Type, "*")
	if i := strings.IndexByte(t, '['); i >= 0 {
		t = t[:i]
	}
	if dot := strings.LastIndexByte(t, '.'); dot >= 0 {
		t = t[dot+1:]
	}
	return t == fd.Name
}

// hasOutside reports whether type id embeds a type from outside the
// repository, whose members it then has.
func (gi *goIndex) hasOutside(id int) bool {
	g := gi.ix.g
	parts := gi.parts[gi.canon[id]]
	if len(parts) == 0 {
		parts = []int{id}
	}
	for _, p := range parts {
		for _, fd := range gi.ix.typeFacts(p).Fields {
			if embeddedField(fd) && gi.newResolver(g.Types[p].File).writtenType(g.Types[p].File, fd.Type).out != internal {
				return true
			}
		}
	}
	return false
}

// call resolves the type a call lands in. conv marks a conversion T(x)
// (a type use, not a call).
func (r *goResolver) call(ref facts.Ref) (target res, what string, conv bool) {
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprStatic {
		p := r.f.Package
		if e.Name != "" {
			var out outcome
			p, out = r.qualifier(e.Name)
			if out != internal {
				return res{id: -1, out: out}, e.Name + "." + ref.Member, false
			}
		}
		if id, ok := r.gi.funcs[p+"."+ref.Member]; ok {
			return res{id: id, out: internal}, ref.Member, false
		}
		if v := r.inPackage(p, ref.Member); v.out == internal {
			return v, ref.Member, true
		}
		if e.Name == "" && r.dot {
			return ext, ref.Member, false
		}
		return unres, describeGo(r.f, ref.Recv) + "." + ref.Member, false
	}
	v := r.expr(ref.Recv)
	if v.out != internal {
		return v, describeGo(r.f, ref.Recv) + "." + ref.Member, false
	}
	if d, _, _, ok := r.gi.member(v.id, ref.Member, true, 0); ok {
		return res{id: d, out: internal}, ref.Member, false
	}
	if r.gi.ix.g.Types[v.id].Kind == facts.Interface || r.gi.hasOutside(v.id) {
		// An interface's embedded outside interface, or a method promoted
		// from an outside type: it lands in the type we know.
		return v, ref.Member, false
	}
	if _, _, _, isField := r.gi.member(v.id, ref.Member, false, 0); isField {
		// A call of a field of function type.
		return ext, ref.Member, false
	}
	return unres, describeGo(r.f, ref.Recv) + "." + ref.Member, false
}

// expr types a receiver expression of the file.
func (r *goResolver) expr(i int) res {
	if r.vals == nil {
		r.vals = make([]res, len(r.f.Exprs))
		r.done = make([]bool, len(r.f.Exprs))
	}
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = unres // cycles end unresolved
	v := r.exprUncached(i)
	r.vals[i] = v
	return v
}

func (r *goResolver) exprUncached(i int) res {
	e := r.f.Exprs[i]
	switch e.Kind {
	case facts.ExprType:
		return r.writtenType(r.fi, e.Name)
	case facts.ExprThis:
		return r.inPackage(r.f.Package, e.Name)
	case facts.ExprField:
		if e.Base < 0 {
			// A package-level variable of the file's package.
			return r.packageVar(r.f.Package, e.Name)
		}
		b := r.f.Exprs[e.Base]
		if b.Kind == facts.ExprStatic {
			p, out := r.qualifier(b.Name)
			if out != internal {
				return res{id: -1, out: out}
			}
			return r.packageVar(p, e.Name)
		}
		base := r.expr(e.Base)
		if base.out != internal {
			return base
		}
		if _, typ, file, ok := r.gi.member(base.id, e.Name, false, 0); ok {
			return r.writtenType(file, typ)
		}
		if r.gi.hasOutside(base.id) {
			return ext
		}
		return unres
	case facts.ExprCall:
		b := r.f.Exprs[e.Base]
		if b.Kind == facts.ExprStatic {
			p := r.f.Package
			if b.Name != "" {
				var out outcome
				p, out = r.qualifier(b.Name)
				if out != internal {
					return res{id: -1, out: out}
				}
			}
			if id, ok := r.gi.funcs[p+"."+e.Name]; ok {
				for _, m := range r.gi.ix.typeFacts(id).Methods {
					if m.Name == e.Name {
						return r.result(r.gi.ix.g.Types[id].File, m.Return)
					}
				}
			}
			if v := r.inPackage(p, e.Name); v.out == internal {
				return v // a conversion
			}
			return unres
		}
		base := r.expr(e.Base)
		if base.out != internal {
			return base
		}
		if _, typ, file, ok := r.gi.member(base.id, e.Name, true, 0); ok {
			return r.result(file, typ)
		}
		if r.gi.hasOutside(base.id) {
			return ext
		}
		return unres
	}
	return unres
}

// result types a function's result: the first of several ("(*Repo,
// error)").
func (r *goResolver) result(file int, ret string) res {
	ret = firstResult(ret)
	if ret == "void" || ret == "" {
		return ext
	}
	return r.writtenType(file, ret)
}

// firstResult returns the type of a function's first result, written
// alone or in a result list, named or not.
func firstResult(ret string) string {
	ret = strings.TrimSpace(ret)
	if !strings.HasPrefix(ret, "(") {
		return ret
	}
	inner := ret[1:]
	end, depth := len(inner), 0
loop:
	for i, c := range inner {
		switch c {
		case '[', '(', '{':
			depth++
		case ']', '}':
			depth--
		case ')':
			if depth == 0 {
				end = i
				break loop
			}
			depth--
		case ',':
			if depth == 0 {
				end = i
				break loop
			}
		}
	}
	first := strings.TrimSpace(inner[:end])
	if sp := strings.IndexByte(first, ' '); sp > 0 {
		switch word := first[:sp]; word {
		case "func", "map", "chan", "struct", "interface":
		default:
			if !strings.ContainsAny(word, "*[.(") {
				first = strings.TrimSpace(first[sp+1:]) // a named result
			}
		}
	}
	return first
}

func (r *goResolver) packageVar(p, name string) res {
	id, ok := r.gi.vars[p+"."+name]
	if !ok {
		if r.dot {
			return ext
		}
		return unres
	}
	for _, fd := range r.gi.ix.typeFacts(id).Fields {
		if fd.Name == name {
			if fd.Type == "" {
				return unres // typed by its value: not written
			}
			return r.writtenType(r.gi.ix.g.Types[id].File, fd.Type)
		}
	}
	return unres
}

// describeGo renders a receiver expression for the unresolved-name report.
func describeGo(f *facts.File, i int) string { return describeGoN(f, i, maxDescribed) }

// describeGoN renders at most n steps of the chain, "…" for the rest.
func describeGoN(f *facts.File, i, n int) string {
	if n == 0 {
		return "…"
	}
	e := f.Exprs[i]
	switch e.Kind {
	case facts.ExprType, facts.ExprStatic, facts.ExprThis:
		return e.Name
	case facts.ExprField:
		if e.Base < 0 {
			return e.Name
		}
		return describeGoN(f, e.Base, n-1) + "." + e.Name
	case facts.ExprCall:
		return describeGoN(f, e.Base, n-1) + "." + e.Name + "()"
	}
	if e.Name != "" {
		return e.Name
	}
	return "?"
}
