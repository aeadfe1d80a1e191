package graph

// # Resolution (Kotlin)
//
// A Kotlin type's qualified name is its package and its name, as for Java,
// so that Java and Kotlin files of one repository resolve against each
// other through the same index: a Java file importing a Kotlin class finds
// it by its qualified name, and a Kotlin file a Java class. Top-level
// functions and properties are members of the file's facade class
// (OrderUtilsKt, see package kotlin), which Java code names.
//
// A simple type name is looked up as the Kotlin compiler does, in order:
// type parameters (dropped by the parser), the enclosing classes and their
// nested classes (with those inherited from supertypes), explicit imports
// (an alias `import a.B as C` names B by C), the file's package, star
// imports (of a package, or of a class's nested classes), then the default
// imports: kotlin.*, kotlin.annotation.*, kotlin.collections.*,
// kotlin.comparisons.*, kotlin.io.*, kotlin.ranges.*, kotlin.sequences.*,
// kotlin.text.*, kotlin.jvm.* and java.lang.*, whose names are external. A
// name found nowhere is external when the file star-imports a package the
// repository does not declare, or an enclosing class has a supertype
// outside the repository; otherwise unresolved. A qualified name resolves
// its first segment that way (or as an alias) and walks nested classes, or
// is a fully qualified name.
//
// Supertypes (facts.BaseType): one that resolves to an interface is an
// implements edge (extends from an interface), one that resolves to a
// class is the superclass: an extends edge. One outside the repository is
// the superclass when written with a constructor call (only a class can
// be), else an interface.
//
// Calls. A bare call f(...) looks for a method f of the enclosing classes
// (their supertypes and companion objects included), then, when it sits in
// a lambda with a receiver or an extension function (facts.ExprImplicit),
// first among the members of that receiver; then a top-level function f or
// a class f (a constructor call: a new edge) imported by name, of the
// file's package, or star-imported. A standard-library function (listOf,
// require, println...) is external; so is a name found nowhere when the
// lambda around the call may have a receiver of a library (a DSL), or the
// file star-imports a package outside the repository. A call x.f(...)
// types x (see package kotlin for the receiver expressions), then looks f
// up in x's type and its supertypes, then in its companion objects, then
// among the extension functions in scope (of the file's package, imported
// by name, or star-imported) whose receiver is x's type, one of its
// supertypes, or a type parameter; if several classes declare fitting
// ones, nothing is guessed. A call that no repository type declares, on a
// value of a repository type, lands in that type (as for Java), except the
// standard library's scope functions (let, also, apply, run, takeIf...),
// which are external. A property read through a Java getter (x.name for
// getName()) types as the getter's result. A standard-library collection
// function called on a collection whose type the code writes types as an
// element (first, find, firstOrNull...) or as the same collection (filter,
// sorted, toList...); on a repository type it is that type's function.

import (
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// ktIndex holds what Kotlin resolution needs across files.
type ktIndex struct {
	ix *index
	// funcs and props map "package.name" to the facade classes declaring
	// a top-level function or property of that name.
	funcs, props map[string][]int
	exts         map[string][]ktExt // extension functions by name
	pkgOf        []string           // per type: its file's package
	companions   map[int][]int      // type -> its companion objects
	// baseKind holds the resolved supertype of each BaseType reference of
	// a Kotlin file, by file and reference index.
	baseKind map[[2]int]res
}

type ktExt struct {
	typ    int    // the declaring type (a facade, or a class for a member extension)
	recv   string // the receiver type as written
	args   int    // parameters after the receiver
	vararg bool
}

// isFacade reports whether a Kotlin type is its file's facade class.
func isFacade(f *facts.File, t *facts.Type) bool {
	if t.Outer >= 0 || t.Kind != facts.Class || t.Line != 1 || t.EndLine != max(f.Lines, 1) || len(t.Annotations) > 0 {
		return false
	}
	if t.Name == ktFacadeName(f.Path) {
		return true
	}
	for _, m := range t.Methods {
		if !m.Static && !m.Accessor {
			return false
		}
	}
	for _, fd := range t.Fields {
		if !fd.Static {
			return false
		}
	}
	return len(t.Methods)+len(t.Fields) > 0
}

// ktFacadeName is the facade class name of a Kotlin file (see package
// kotlin).
func ktFacadeName(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	b := []byte(base)
	for i, c := range b {
		if !(c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80) {
			b[i] = '_'
		}
	}
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b) + "Kt"
}

// newKotlinIndex builds the Kotlin index and resolves the supertypes of
// Kotlin types into the index's supertypes. It runs after
// resolveSupertypes.
func newKotlinIndex(ix *index) *ktIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "kotlin" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	kt := &ktIndex{ix: ix, funcs: map[string][]int{}, props: map[string][]int{}, exts: map[string][]ktExt{},
		companions: map[int][]int{}, baseKind: map[[2]int]res{}}
	kt.pkgOf = make([]string, len(g.Types))
	for fi, f := range g.Facts {
		if f.Language != "kotlin" {
			continue
		}
		for _, id := range ix.typeIDs[fi] {
			kt.pkgOf[id] = f.Package
			t := ix.typeFacts(id)
			if outer := g.Types[id].Outer; outer >= 0 {
				for _, fd := range ix.typeFacts(outer).Fields {
					if fd.Static && fd.Name == g.Types[id].Simple && fd.Type == fd.Name {
						kt.companions[outer] = append(kt.companions[outer], id)
						break
					}
				}
			}
			facade := isFacade(f, t)
			for _, m := range t.Methods {
				if facade && m.Static && !m.Extension {
					kt.funcs[joinName(f.Package, m.Name)] = appendOnce(kt.funcs[joinName(f.Package, m.Name)], id)
				}
				if m.Extension && len(m.Params) > 0 {
					x := ktExt{typ: id, recv: m.Params[0], args: len(m.Params) - 1}
					if n := len(m.Params); n > 1 && strings.HasSuffix(m.Params[n-1], "...") {
						x.vararg = true
					}
					kt.exts[m.Name] = append(kt.exts[m.Name], x)
				}
			}
			if facade {
				for _, fd := range t.Fields {
					kt.props[joinName(f.Package, fd.Name)] = appendOnce(kt.props[joinName(f.Package, fd.Name)], id)
				}
			}
		}
	}
	kt.resolveBases()
	return kt
}

// resolveBases resolves the supertypes of Kotlin types: the superclass
// first, then the interfaces.
func (kt *ktIndex) resolveBases() {
	ix, g := kt.ix, kt.ix.g
	touched := false
	for fi, f := range g.Facts {
		if f.Language != "kotlin" {
			continue
		}
		r := kt.newResolver(fi, true)
		for ri, ref := range f.Refs {
			if ref.Kind != facts.BaseType || ref.From < 0 || ref.From >= len(ix.typeIDs[fi]) {
				continue
			}
			touched = true
			from := ix.typeIDs[fi][ref.From]
			v := r.typeName(from, ref.Name)
			kt.baseKind[[2]int{fi, ri}] = v
			if v.out != internal || v.id == from {
				ix.outside[from] = true
				continue
			}
			if slices.Contains(ix.supers[from], v.id) {
				continue
			}
			if g.Types[v.id].Kind != facts.Interface && g.Types[from].Kind != facts.Interface {
				if ix.superclass[from] < 0 {
					ix.superclass[from] = v.id
					ix.supers[from] = slices.Insert(ix.supers[from], 0, v.id)
				}
				continue
			}
			ix.supers[from] = append(ix.supers[from], v.id)
		}
	}
	if !touched {
		return
	}
	ix.computeLineage()
	for id := range g.Types {
		if ix.outside[id] {
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

// baseEdge classifies a supertype.
func (kt *ktIndex) baseEdge(from int, target res, ref facts.Ref) EdgeKind {
	fromInterface := from >= 0 && kt.ix.g.Types[from].Kind == facts.Interface
	if target.out == internal {
		if kt.ix.g.Types[target.id].Kind == facts.Interface && !fromInterface {
			return facts.Implements
		}
		return facts.Extends
	}
	if ref.Member == "<init>" || fromInterface {
		return facts.Extends
	}
	return facts.Implements
}

// ktResolver resolves the references of one Kotlin file. It only reads
// the index, so files resolve in parallel.
type ktResolver struct {
	kt    *ktIndex
	ix    *index
	fi    int
	f     *facts.File
	ids   []int
	cache map[nameKey]res
	// outside: the file star-imports a package the repository does not
	// declare, so an unknown name most likely comes from there.
	outside    bool
	headerOnly bool
	vals       []ktVal
	done       []bool
	others     map[int]*ktResolver
	java       map[int]*fileResolver
}

// ktVal is the value of a receiver expression: its type, and the type as
// written with where to resolve it (for its type arguments).
type ktVal struct {
	res
	written string
	file    int
	from    int
	// static: the value is a class named as a qualifier (Order.create()):
	// its companion object, when it has one.
	static bool
}

var ktUnres = ktVal{res: unres, file: -1, from: -1}
var ktExternal = ktVal{res: ext, file: -1, from: -1}

func (kt *ktIndex) newResolver(fi int, headerOnly bool) *ktResolver {
	ix := kt.ix
	f := ix.g.Facts[fi]
	r := &ktResolver{kt: kt, ix: ix, fi: fi, f: f, ids: ix.typeIDs[fi], cache: map[nameKey]res{}, headerOnly: headerOnly}
	for _, imp := range f.Imports {
		if imp.Wildcard && !ix.packages[imp.Name] && len(ix.byName[imp.Name]) == 0 {
			r.outside = true
		}
	}
	return r
}

// resolveKotlin resolves the references of Kotlin file fi.
func (ix *index) resolveKotlin(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	if ix.kt == nil {
		return out
	}
	r := ix.kt.newResolver(fi, false)
	f := r.f
	r.vals = make([]ktVal, len(f.Exprs))
	r.done = make([]bool, len(f.Exprs))
	for ri, ref := range f.Refs {
		from := -1
		if ref.From >= 0 && ref.From < len(r.ids) {
			from = r.ids[ref.From]
		}
		kind := ref.Kind
		var target res
		what := ref.Name
		switch ref.Kind {
		case facts.Call, facts.MethodRef:
			target, kind, what = r.call(from, ref)
		case facts.BaseType:
			target = ix.kt.baseKind[[2]int{fi, ri}]
			kind = ix.kt.baseEdge(from, target, ref)
		default:
			target = r.typeName(from, ref.Name)
		}
		o := out.byKind[kind]
		switch target.out {
		case internal:
			o.Internal++
			if from >= 0 && target.id != from {
				member := ""
				if kind == facts.Call || kind == facts.MethodRef {
					member = ref.Member
				}
				out.deps = append(out.deps, Dep{From: from, To: target.id, Kind: kind, Member: member, Count: 1, Line: ref.Line})
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

// typeName resolves a type name as written in this file, inside type from
// (-1 for the file level).
func (r *ktResolver) typeName(from int, name string) res {
	if name == "" {
		return unres
	}
	k := nameKey{from, name}
	if v, ok := r.cache[k]; ok {
		return v
	}
	v := r.resolveName(from, name)
	r.cache[k] = v
	return v
}

func (r *ktResolver) missing(id int) res {
	if r.ix.outside[id] {
		return ext
	}
	return unres
}

func (r *ktResolver) memberType(id int, name string) (int, bool) {
	return r.ix.memberType(id, name, !r.headerOnly)
}

// qualified resolves a fully qualified name: the longest prefix that is a
// type, then nested types.
func (r *ktResolver) qualified(name string) (res, bool) {
	parts := strings.Split(name, ".")
	for n := len(parts); n >= 1; n-- {
		ids := r.ix.byName[strings.Join(parts[:n], ".")]
		if len(ids) == 0 {
			continue
		}
		t := r.ix.pick(ids, r.fi)
		for _, seg := range parts[n:] {
			m, ok := r.memberType(t, seg)
			if !ok {
				return r.missing(t), true
			}
			t = m
		}
		return res{id: t, out: internal}, true
	}
	return unres, false
}

func (r *ktResolver) resolveName(from int, name string) res {
	first, rest, dotted := strings.Cut(name, ".")
	if !dotted {
		return r.simpleName(from, name)
	}
	for _, imp := range r.f.Imports {
		if imp.Alias == first {
			if v, ok := r.qualified(imp.Name + "." + rest); ok {
				return v
			}
			return ext
		}
	}
	if head := r.simpleName(from, first); head.out == internal {
		t := head.id
		for seg := range strings.SplitSeq(rest, ".") {
			m, ok := r.memberType(t, seg)
			if !ok {
				return r.missing(t)
			}
			t = m
		}
		return res{id: t, out: internal}
	} else if head.out == external && !isLower(first) {
		return ext
	}
	if v, ok := r.qualified(name); ok {
		return v
	}
	if isLower(first) && !r.ix.packages[first] && !r.repoPackagePrefix(name) {
		return ext
	}
	return unres
}

func (r *ktResolver) repoPackagePrefix(name string) bool {
	for p := name; ; {
		dot := strings.LastIndexByte(p, '.')
		if dot < 0 {
			return false
		}
		p = p[:dot]
		if r.ix.packages[p] {
			return true
		}
	}
}

// importedName returns the imports that bring a simple name into scope
// by name: an alias, or an import whose last segment is the name.
func (r *ktResolver) importedName(name string) []facts.Import {
	var out []facts.Import
	for _, imp := range r.f.Imports {
		if imp.Wildcard {
			continue
		}
		if imp.Alias == name || imp.Alias == "" && (imp.Name == name || strings.HasSuffix(imp.Name, "."+name)) {
			out = append(out, imp)
		}
	}
	return out
}

func (r *ktResolver) simpleName(from int, name string) res {
	// The enclosing types and their nested types.
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.g.Types[t].Simple == name && !r.kt.isFacadeType(t) {
			return res{id: t, out: internal}
		}
		if m, ok := r.memberType(t, name); ok {
			return res{id: m, out: internal}
		}
	}
	// Explicit imports.
	for _, imp := range r.importedName(name) {
		if v, ok := r.qualified(imp.Name); ok && v.out == internal {
			return v
		}
		if len(r.kt.funcs[imp.Name]) > 0 || len(r.kt.props[imp.Name]) > 0 {
			continue // a function or property of that name
		}
		return ext
	}
	// The file's package.
	if ids := r.ix.byName[joinName(r.f.Package, name)]; len(ids) > 0 {
		return res{id: r.ix.pick(ids, r.fi), out: internal}
	}
	// Star imports: a package's types, a class's nested types.
	for _, imp := range r.f.Imports {
		if !imp.Wildcard {
			continue
		}
		if ids := r.ix.byName[imp.Name+"."+name]; len(ids) > 0 {
			return res{id: r.ix.pick(ids, r.fi), out: internal}
		}
		if v, ok := r.qualified(imp.Name); ok && v.out == internal {
			if m, ok := r.memberType(v.id, name); ok {
				return res{id: m, out: internal}
			}
		}
	}
	if kotlinDefaultTypes[name] || javaLang[name] || r.outside {
		return ext
	}
	for t := from; t >= 0 && !r.headerOnly; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[t] {
			return ext
		}
	}
	return unres
}

func (kt *ktIndex) isFacadeType(id int) bool {
	t := kt.ix.g.Types[id]
	return isFacade(kt.ix.g.Facts[t.File], kt.ix.typeFacts(id))
}

// call resolves a call or callable reference: its target and the edge
// kind (a call of a class is instance creation).
func (r *ktResolver) call(from int, ref facts.Ref) (res, EdgeKind, string) {
	if ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return unres, ref.Kind, ref.Member
	}
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprThis || e.Kind == facts.ExprImplicit {
		v, isNew := r.bare(from, ref.Member, ref.Args, e)
		kind := ref.Kind
		if isNew && kind == facts.Call {
			kind = facts.New
		}
		return v.res, kind, ref.Member
	}
	if e.Kind == facts.ExprStatic && startsUpperKt(ref.Member) {
		// Outer.Nested(...), a.b.Type(...): a constructor call.
		if t := r.typeName(from, e.Name+"."+ref.Member); t.out == internal {
			kind := ref.Kind
			if kind == facts.Call {
				kind = facts.New
			}
			return t, kind, ref.Member
		}
	}
	recv := r.expr(from, ref.Recv)
	return r.member(from, recv, ref.Member, ref.Args), ref.Kind, describe(r.f, ref.Recv) + "." + ref.Member
}

func startsUpperKt(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// member resolves the type a call of name on a value lands in.
func (r *ktResolver) member(from int, recv ktVal, name string, args int) res {
	if recv.out != internal {
		if d, ok := r.extension(from, recv, name, args); ok {
			return res{id: d, out: internal}
		}
		if recv.out == external {
			return ext
		}
		return unres
	}
	if name == "<init>" && recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}
		}
		return ext
	}
	if cs := r.kt.companions[recv.id]; recv.static && len(cs) > 0 {
		// A class named as a receiver is its companion object.
		for _, c := range cs {
			if d, ok := r.findMethod(c, name, args, false); ok {
				return res{id: d, out: internal}
			}
		}
		return res{id: cs[0], out: internal}
	}
	if d, ok := r.findMethod(recv.id, name, args, recv.super); ok {
		return res{id: d, out: internal}
	}
	if d, ok := r.extension(from, recv, name, args); ok {
		return res{id: d, out: internal}
	}
	if scopeFunctions[name] {
		return ext
	}
	if _, typ, ok := r.ix.findField(recv.id, name, recv.super); ok && strings.Contains(typ, "->") {
		return ext // a property of a function type, invoked
	}
	if recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}
		}
		return ext
	}
	return res{id: recv.id, out: internal}
}

// findMethod looks a method up in a type, its supertypes and its
// companion objects; it returns the declaring type.
func (r *ktResolver) findMethod(id int, name string, args int, fromSuper bool) (int, bool) {
	if d, ok := r.ix.findMethod(id, name, args, fromSuper); ok {
		return d, true
	}
	for _, c := range r.kt.companions[id] {
		if d, ok := r.ix.findMethod(c, name, args, false); ok {
			return d, true
		}
	}
	for _, a := range r.ix.lineage[id] {
		for _, c := range r.kt.companions[a] {
			if d, ok := r.ix.findMethod(c, name, args, false); ok {
				return d, true
			}
		}
	}
	return -1, false
}

// bare resolves a call without a receiver: the value it lands in, and
// whether it creates an instance of a class.
func (r *ktResolver) bare(from int, name string, args int, e facts.Expr) (ktVal, bool) {
	unknownRecv := false
	if e.Kind == facts.ExprImplicit {
		if e.Base >= 0 {
			v := r.expr(from, e.Base)
			switch v.out {
			case internal:
				if d, ok := r.findMethod(v.id, name, args, false); ok {
					return ktVal{res: res{id: d, out: internal}, file: -1, from: -1}, false
				}
				if d, ok := r.extension(from, v, name, args); ok {
					return ktVal{res: res{id: d, out: internal}, file: -1, from: -1}, false
				}
				if r.ix.outside[v.id] {
					unknownRecv = true
				}
			default:
				unknownRecv = true
			}
		} else {
			unknownRecv = true
		}
	}
	// Members of the enclosing types.
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if d, ok := r.findMethod(t, name, args, false); ok {
			return ktVal{res: res{id: d, out: internal}, file: -1, from: -1}, false
		}
	}
	if v, isNew, ok := r.function(from, name); ok {
		return v, isNew
	}
	if kotlinFunctions[name] || kotlinDefaultTypes[name] || javaLang[name] || unknownRecv || r.outside {
		return ktExternal, false
	}
	if _, ok := implicitMethod(facts.Class, name); ok {
		return ktExternal, false
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[t] {
			return ktExternal, false
		}
	}
	return ktUnres, false
}

// function finds a top-level function or a class called name in scope:
// imported by name, of the file's package, star-imported. A class is a
// constructor call (isNew).
func (r *ktResolver) function(from int, name string) (v ktVal, isNew, ok bool) {
	facade := func(q string) (ktVal, bool) {
		if ids := r.kt.funcs[q]; len(ids) > 0 {
			return ktVal{res: res{id: r.ix.pick(ids, r.fi), out: internal}, file: -1, from: -1}, true
		}
		return ktVal{}, false
	}
	// A nested or enclosing class, in the scope of the enclosing types.
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if m, ok := r.memberType(t, name); ok {
			return ktVal{res: res{id: m, out: internal}, file: -1, from: -1}, true, true
		}
	}
	for _, imp := range r.importedName(name) {
		if v, ok := facade(imp.Name); ok {
			return v, false, true
		}
		if t, ok := r.qualified(imp.Name); ok && t.out == internal {
			return ktVal{res: t, file: -1, from: -1}, true, true
		}
		// A function of an object or class: import a.Obj.f.
		if dot := strings.LastIndexByte(imp.Name, '.'); dot > 0 {
			if t, ok := r.qualified(imp.Name[:dot]); ok && t.out == internal {
				if d, ok := r.findMethod(t.id, imp.Name[dot+1:], -1, false); ok {
					return ktVal{res: res{id: d, out: internal}, file: -1, from: -1}, false, true
				}
			}
		}
		return ktExternal, false, true
	}
	if v, ok := facade(joinName(r.f.Package, name)); ok {
		return v, false, true
	}
	if ids := r.ix.byName[joinName(r.f.Package, name)]; len(ids) > 0 {
		return ktVal{res: res{id: r.ix.pick(ids, r.fi), out: internal}, file: -1, from: -1}, true, true
	}
	for _, imp := range r.f.Imports {
		if !imp.Wildcard {
			continue
		}
		if v, ok := facade(imp.Name + "." + name); ok {
			return v, false, true
		}
		if ids := r.ix.byName[imp.Name+"."+name]; len(ids) > 0 {
			return ktVal{res: res{id: r.ix.pick(ids, r.fi), out: internal}, file: -1, from: -1}, true, true
		}
		if t, ok := r.qualified(imp.Name); ok && t.out == internal {
			if d, ok := r.findMethod(t.id, name, -1, false); ok {
				return ktVal{res: res{id: d, out: internal}, file: -1, from: -1}, false, true
			}
			if m, ok := r.memberType(t.id, name); ok {
				return ktVal{res: res{id: m, out: internal}, file: -1, from: -1}, true, true
			}
		}
	}
	return ktVal{}, false, false
}

// extension finds the extension function name in scope whose receiver
// fits recv; it returns its declaring type.
func (r *ktResolver) extension(from int, recv ktVal, name string, args int) (int, bool) {
	cands := r.kt.exts[name]
	if len(cands) == 0 {
		return -1, false
	}
	found := -1
	for _, c := range cands {
		if c.args != args && !(c.vararg && args >= c.args-1) && !(args < c.args) {
			continue
		}
		if !r.extensionInScope(from, c) || !r.fits(recv, c) {
			continue
		}
		if found >= 0 && found != c.typ {
			return -1, false // several fit: no guess
		}
		found = c.typ
	}
	return found, found >= 0
}

// extensionInScope reports whether an extension function's declaring
// type is in scope: a member extension of an enclosing type, or a
// top-level one of the file's package, imported by name or star-imported.
func (r *ktResolver) extensionInScope(from int, c ktExt) bool {
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if t == c.typ || slices.Contains(r.ix.lineage[t], c.typ) {
			return true
		}
	}
	if !r.kt.isFacadeType(c.typ) {
		return false
	}
	pkg := r.kt.pkgOf[c.typ]
	if pkg == r.f.Package {
		return true
	}
	for _, imp := range r.f.Imports {
		if imp.Wildcard && imp.Name == pkg || !imp.Wildcard && strings.HasPrefix(imp.Name, pkg+".") && !strings.Contains(imp.Name[len(pkg)+1:], ".") {
			return true
		}
	}
	return false
}

// fits reports whether an extension's receiver type accepts a value.
func (r *ktResolver) fits(recv ktVal, c ktExt) bool {
	w := baseName(c.recv)
	t := r.ix.typeFacts(c.typ)
	for _, m := range t.Methods {
		if m.Extension && len(m.Params) > 0 && m.Params[0] == c.recv && slices.Contains(m.TypeParams, w) {
			return true // a type parameter: any receiver
		}
	}
	if w == "Any" {
		return true
	}
	declFile := r.ix.g.Types[c.typ].File
	want := r.valueOf(declFile, c.typ, c.recv)
	switch {
	case recv.out == internal && want.out == internal:
		return want.id == recv.id || slices.Contains(r.ix.lineage[recv.id], want.id)
	case recv.out == external && want.out == external:
		return recv.written != "" && simpleOf(baseName(recv.written)) == simpleOf(w)
	}
	return false
}

func simpleOf(s string) string { return s[strings.LastIndexByte(s, '.')+1:] }

// other returns the resolver of another Kotlin file.
func (r *ktResolver) other(fi int) *ktResolver {
	if fi == r.fi {
		return r
	}
	if o, ok := r.others[fi]; ok {
		return o
	}
	if r.others == nil {
		r.others = map[int]*ktResolver{}
	}
	o := r.kt.newResolver(fi, false)
	r.others[fi] = o
	return o
}

// resolveIn resolves a type name written in file fi inside type from, by
// the rules of that file's language.
func (r *ktResolver) resolveIn(fi, from int, name string) res {
	switch r.ix.g.Facts[fi].Language {
	case "kotlin":
		return r.other(fi).typeName(from, name)
	case "java":
		j, ok := r.java[fi]
		if !ok {
			if r.java == nil {
				r.java = map[int]*fileResolver{}
			}
			j = r.ix.newFileResolver(fi, false)
			r.java[fi] = j
		}
		return j.typeName(from, name)
	}
	return unres
}

// expr types receiver expression i, memoized.
func (r *ktResolver) expr(from, i int) ktVal {
	if i < 0 || i >= len(r.f.Exprs) {
		return ktUnres
	}
	if r.done == nil {
		r.vals = make([]ktVal, len(r.f.Exprs))
		r.done = make([]bool, len(r.f.Exprs))
	}
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = ktUnres
	v := r.evalExpr(from, r.f.Exprs[i])
	r.vals[i] = v
	return v
}

func (r *ktResolver) evalExpr(from int, e facts.Expr) ktVal {
	switch e.Kind {
	case facts.ExprType:
		return r.valueOf(r.fi, from, e.Name)
	case facts.ExprStatic:
		return r.qualifier(from, e.Name)
	case facts.ExprThis:
		if from < 0 {
			return ktUnres
		}
		return ktVal{res: res{id: from, out: internal}, file: -1, from: -1}
	case facts.ExprSuper:
		if from < 0 {
			return ktUnres
		}
		return ktVal{res: res{id: from, out: internal, super: true}, file: -1, from: -1}
	case facts.ExprImplicit:
		if e.Base >= 0 {
			return r.expr(from, e.Base)
		}
		return ktUnres
	case facts.ExprField:
		if e.Base < 0 {
			return r.implicitField(from, e.Name)
		}
		base := r.expr(from, e.Base)
		if r.f.Exprs[e.Base].Kind == facts.ExprImplicit {
			// A bare name in an extension function or a lambda with a
			// receiver: the receiver's property, else one in scope.
			if base.out == internal {
				if v := r.fieldValue(base, e.Name); v.out != unresolved {
					return v
				}
			}
			return r.implicitField(from, e.Name)
		}
		if base.out != internal {
			return ktVal{res: base.res, file: -1, from: -1}
		}
		return r.fieldValue(base, e.Name)
	case facts.ExprCall:
		if e.Base >= 0 && e.Base < len(r.f.Exprs) {
			if b := r.f.Exprs[e.Base]; b.Kind == facts.ExprThis || b.Kind == facts.ExprImplicit {
				return r.bareValue(from, e.Name, e.Args, b)
			}
		}
		if e.Base >= 0 && e.Base < len(r.f.Exprs) && startsUpperKt(e.Name) {
			if b := r.f.Exprs[e.Base]; b.Kind == facts.ExprStatic {
				if t := r.typeName(from, b.Name+"."+e.Name); t.out == internal {
					return ktVal{res: t, written: r.ix.g.Types[t.id].Name, file: -1, from: -1}
				}
			}
		}
		base := r.expr(from, e.Base)
		return r.callValue(from, base, e.Name, e.Args)
	case facts.ExprElement:
		return r.element(r.expr(from, e.Base))
	}
	return ktUnres
}

// bareValue types the result of a call without a receiver.
func (r *ktResolver) bareValue(from int, name string, args int, e facts.Expr) ktVal {
	v, isNew := r.bare(from, name, args, e)
	if v.out != internal {
		return ktVal{res: v.res, file: -1, from: -1}
	}
	if isNew {
		return ktVal{res: v.res, written: r.ix.g.Types[v.id].Name, file: -1, from: -1}
	}
	return r.methodValue(v.id, name, args)
}

// callValue types base.name(args).
func (r *ktResolver) callValue(from int, base ktVal, name string, args int) ktVal {
	if base.out != internal {
		if d, ok := r.extension(from, base, name, args); ok {
			return r.methodValue(d, name, args+1)
		}
		if base.out == external && base.written != "" && ktCollections[simpleOf(baseName(base.written))] {
			// The standard library's functions on a collection whose
			// type the code says.
			switch {
			case ktElementFuncs[name]:
				return r.element(base)
			case ktSameFuncs[name]:
				return base
			}
		}
		return ktVal{res: base.res, file: -1, from: -1}
	}
	if cs := r.kt.companions[base.id]; base.static && len(cs) > 0 {
		for _, c := range cs {
			if d, ok := r.findMethod(c, name, args, false); ok {
				return r.methodValue(d, name, args)
			}
		}
		return ktVal{res: r.missing(cs[0]), file: -1, from: -1}
	}
	d, ok := r.findMethod(base.id, name, args, base.super)
	if !ok {
		if d, ok := r.extension(from, base, name, args); ok {
			return r.methodValue(d, name, args+1)
		}
		if ret, ok := implicitMethod(r.ix.g.Types[base.id].Kind, name); ok {
			if ret == "" {
				return ktVal{res: res{id: base.id, out: internal}, file: -1, from: -1}
			}
			return ktExternal
		}
		return ktVal{res: r.missing(base.id), file: -1, from: -1}
	}
	return r.methodValue(d, name, args)
}

// methodValue types the result of the method name of type decl.
func (r *ktResolver) methodValue(decl int, name string, args int) ktVal {
	t := r.ix.typeFacts(decl)
	var m *facts.Method
	for i := range t.Methods {
		if c := &t.Methods[i]; c.Name == name && !c.Constructor && (len(c.Params) == args || variadic(c)) {
			m = c
			break
		}
	}
	if m == nil {
		for i := range t.Methods {
			if c := &t.Methods[i]; c.Name == name && !c.Constructor {
				m = c
				break
			}
		}
	}
	if m == nil {
		if ret, ok := generatedMethod(t, name, args); ok && ret != "" {
			return r.declared(decl, ret)
		}
		return ktUnres
	}
	if m.Return == "" || m.Return == "void" || m.Return == "Unit" {
		return ktUnres
	}
	if slices.Contains(m.TypeParams, baseName(m.Return)) {
		return ktExternal
	}
	return r.declared(decl, m.Return)
}

// declared types a member's declared type in the scope of the type that
// declares it.
func (r *ktResolver) declared(decl int, written string) ktVal {
	if written == "" || written == "void" {
		return ktUnres
	}
	name := baseName(written)
	for t := decl; t >= 0; t = r.ix.g.Types[t].Outer {
		if slices.Contains(r.ix.typeFacts(t).TypeParams, name) {
			return ktExternal
		}
	}
	return r.valueOf(r.ix.g.Types[decl].File, decl, written)
}

// valueOf types a value declared with the written type in file fi inside
// type from.
func (r *ktResolver) valueOf(fi, from int, written string) ktVal {
	written = strings.TrimSuffix(written, "?")
	if written == "" {
		return ktUnres
	}
	if strings.Contains(written, "->") || strings.HasSuffix(written, "]") || strings.HasSuffix(written, "...") {
		return ktVal{res: ext, written: written, file: fi, from: from}
	}
	name := baseName(written)
	if isPrimitive(name) {
		return ktExternal
	}
	for t := from; t >= 0 && !strings.Contains(name, "."); t = r.ix.g.Types[t].Outer {
		if slices.Contains(r.ix.typeFacts(t).TypeParams, name) {
			return ktExternal
		}
	}
	return ktVal{res: r.resolveIn(fi, from, name), written: written, file: fi, from: from}
}

// fieldValue types base.name: a property or field, a Java getter, a
// nested type, or a companion's property.
func (r *ktResolver) fieldValue(base ktVal, name string) ktVal {
	if decl, typ, ok := r.ix.findField(base.id, name, base.super); ok {
		return r.declared(decl, typ)
	}
	up := upperFirst(name)
	for _, g := range []string{"get" + up, "is" + up} {
		if d, ok := r.ix.findMethod(base.id, g, 0, base.super); ok {
			return r.methodValue(d, g, 0)
		}
	}
	if m, ok := r.memberType(base.id, name); ok {
		return ktVal{res: res{id: m, out: internal}, file: -1, from: -1}
	}
	for _, c := range r.kt.companions[base.id] {
		if decl, typ, ok := r.ix.findField(c, name, false); ok {
			return r.declared(decl, typ)
		}
	}
	return ktVal{res: r.missing(base.id), file: -1, from: -1}
}

// implicitField types a bare name that is not a local: a property of the
// enclosing types (their supertypes and companions), a top-level property
// in scope, or a type (an object) used as a value.
func (r *ktResolver) implicitField(from int, name string) ktVal {
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if decl, typ, ok := r.ix.findField(t, name, false); ok {
			return r.declared(decl, typ)
		}
		for _, c := range r.kt.companions[t] {
			if decl, typ, ok := r.ix.findField(c, name, false); ok {
				return r.declared(decl, typ)
			}
		}
	}
	prop := func(q string) (ktVal, bool) {
		if ids := r.kt.props[q]; len(ids) > 0 {
			d := r.ix.pick(ids, r.fi)
			for _, fd := range r.ix.typeFacts(d).Fields {
				if fd.Name == name {
					return r.declared(d, fd.Type), true
				}
			}
		}
		return ktVal{}, false
	}
	for _, imp := range r.importedName(name) {
		if v, ok := prop(imp.Name); ok {
			return v
		}
	}
	if v, ok := prop(joinName(r.f.Package, name)); ok {
		return v
	}
	for _, imp := range r.f.Imports {
		if imp.Wildcard {
			if v, ok := prop(imp.Name + "." + name); ok {
				return v
			}
		}
	}
	if t := r.typeName(from, name); t.out != unresolved {
		return ktVal{res: t, file: -1, from: -1}
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[t] {
			return ktExternal
		}
	}
	if r.outside {
		return ktExternal
	}
	return ktUnres
}

// qualifier types a dotted name used as a receiver: the longest prefix
// that names a type, followed by properties; or a property in scope
// followed by properties.
func (r *ktResolver) qualifier(from int, dotted string) ktVal {
	parts := strings.Split(dotted, ".")
	for n := len(parts); n >= 1; n-- {
		t := r.typeName(from, strings.Join(parts[:n], "."))
		if t.out == unresolved {
			continue
		}
		v := ktVal{res: t, file: -1, from: -1, static: n == len(parts)}
		for _, p := range parts[n:] {
			if v.out != internal {
				return v
			}
			v = r.fieldValue(v, p)
		}
		return v
	}
	v := r.implicitField(from, parts[0])
	for _, p := range parts[1:] {
		if v.out != internal {
			return v
		}
		v = r.fieldValue(v, p)
	}
	if v.out == unresolved && len(parts) > 1 && isLower(parts[0]) && !r.ix.packages[parts[0]] && !r.repoPackagePrefix(dotted) {
		return ktExternal
	}
	return v
}

// element types an element of a collection value: the last type argument
// of a collection type outside the repository.
func (r *ktResolver) element(coll ktVal) ktVal {
	if coll.out != external || coll.written == "" {
		return ktUnres
	}
	args := genericArgs(coll.written)
	n := simpleOf(baseName(coll.written))
	if !ktCollections[n] || len(args) == 0 {
		return ktUnres
	}
	a := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(args[len(args)-1]), "out"), "in")
	return r.valueOf(coll.file, coll.from, strings.TrimSpace(a))
}

// resolveKotlinType resolves a type name written in Kotlin file fi inside
// type from (-1: the file level), for the data side; -1 when it is not a
// type of the repository. An Exposed DAO class (whose companion object
// has the `table` of an EntityClass) stands for its table object.
func (ix *index) resolveKotlinType(fi, from int, name string) int {
	if ix.kt == nil {
		return -1
	}
	r := ix.kt.newResolver(fi, false)
	v := r.typeName(from, name)
	if v.out != internal {
		return -1
	}
	for _, c := range ix.kt.companions[v.id] {
		for _, fd := range ix.typeFacts(c).Fields {
			if fd.Name == "table" {
				if t := r.resolveIn(ix.g.Types[c].File, c, fd.Type); t.out == internal {
					return t.id
				}
			}
		}
	}
	return v.id
}

// scopeFunctions are the standard library's generic extension functions
// that any value has: calling them is not a call of its type.
var scopeFunctions = wordSet(`let also apply run takeIf takeUnless to use runCatching with
	toString hashCode equals`)

// ktElementFuncs are the standard library's functions that return an
// element of the collection they are called on.
var ktElementFuncs = wordSet(`first firstOrNull last lastOrNull single singleOrNull find findLast getOrNull
	elementAt elementAtOrNull random randomOrNull maxByOrNull minByOrNull maxBy minBy maxWithOrNull
	minWithOrNull get getValue orElseThrow orElse`)

// ktSameFuncs are the standard library's functions that return a
// collection of the elements of the one they are called on.
var ktSameFuncs = wordSet(`filter filterNot filterNotNull toList toMutableList toSet toMutableSet sortedBy
	sortedByDescending sortedWith distinct distinctBy reversed asSequence asIterable sorted sortedDescending
	take takeLast drop dropLast takeWhile dropWhile shuffled onEach orEmpty`)

// ktCollections are the collection types whose last type argument is the
// type of their elements.
var ktCollections = wordSet(`List MutableList ArrayList Set MutableSet HashSet LinkedHashSet SortedSet TreeSet
	Collection MutableCollection Iterable MutableIterable Iterator Sequence Array Flow StateFlow SharedFlow
	MutableStateFlow MutableSharedFlow Channel Deque ArrayDeque Queue LinkedList Stream Optional Page Slice
	Map MutableMap HashMap LinkedHashMap SortedMap TreeMap ConcurrentHashMap Mono Flux CompletableFuture
	Deferred Lazy`)

// kotlinDefaultTypes are the public types of the packages every Kotlin
// file imports by default (besides java.lang).
var kotlinDefaultTypes = wordSet(`
	Any Nothing Unit Boolean Byte Short Int Long Float Double Char String CharSequence Number Comparable
	Enum Array BooleanArray ByteArray ShortArray IntArray LongArray FloatArray DoubleArray CharArray
	UByte UShort UInt ULong UByteArray UShortArray UIntArray ULongArray Pair Triple Result Lazy
	LazyThreadSafetyMode Throwable Exception Error RuntimeException IllegalArgumentException
	IllegalStateException IndexOutOfBoundsException UnsupportedOperationException NullPointerException
	ClassCastException ArithmeticException NumberFormatException ConcurrentModificationException
	NoSuchElementException AssertionError OutOfMemoryError NoWhenBranchMatchedException
	UninitializedPropertyAccessException NotImplementedError KotlinNullPointerException TypeCastException
	Deprecated DeprecationLevel ReplaceWith Suppress PublishedApi DslMarker Function Annotation
	KotlinVersion Cloneable Comparator ExperimentalStdlibApi OptIn RequiresOptIn SinceKotlin
	UnsafeVariance BuilderInference OverloadResolutionByLambdaReturnType ExtensionFunctionType
	ParameterName JvmInline
	List MutableList Set MutableSet Map MutableMap Collection MutableCollection Iterable
	MutableIterable Iterator MutableIterator ListIterator MutableListIterator ArrayList HashMap HashSet
	LinkedHashMap LinkedHashSet AbstractList AbstractMutableList AbstractMap AbstractMutableMap
	AbstractSet AbstractMutableSet AbstractCollection AbstractMutableCollection AbstractIterator
	ArrayDeque RandomAccess Grouping IndexedValue
	IntRange LongRange CharRange UIntRange ULongRange ClosedRange ClosedFloatingPointRange OpenEndRange
	IntProgression LongProgression CharProgression
	Sequence SequenceScope
	StringBuilder Regex RegexOption MatchResult MatchGroup MatchGroupCollection Charsets Appendable
	CharCategory CharDirectionality Typography HexFormat
	Target Retention Repeatable MustBeDocumented AnnotationTarget AnnotationRetention
	JvmStatic JvmField JvmName JvmOverloads JvmRecord JvmSuppressWildcards JvmWildcard Throws Volatile
	Transient Synchronized Strictfp JvmMultifileClass JvmDefault JvmSynthetic JvmSerializableLambda
	JvmDefaultWithCompatibility JvmDefaultWithoutCompatibility`)

// kotlinFunctions are the standard library's top-level functions in scope
// in every Kotlin file.
var kotlinFunctions = wordSet(`
	println print readLine readln readlnOrNull listOf listOfNotNull mutableListOf arrayListOf emptyList
	setOf setOfNotNull mutableSetOf hashSetOf linkedSetOf sortedSetOf emptySet mapOf mutableMapOf hashMapOf
	linkedMapOf sortedMapOf emptyMap arrayOf arrayOfNulls emptyArray intArrayOf longArrayOf doubleArrayOf
	floatArrayOf booleanArrayOf charArrayOf byteArrayOf shortArrayOf sequenceOf emptySequence
	generateSequence sequence iterator buildList buildSet buildMap buildString require requireNotNull
	check checkNotNull error TODO assert lazy lazyOf run with apply also let takeIf takeUnless repeat
	synchronized maxOf minOf compareBy compareByDescending compareValues compareValuesBy naturalOrder
	reverseOrder nullsFirst nullsLast runCatching enumValues enumValueOf enumEntries suspend
	Pair Triple Result Regex StringBuilder IntArray LongArray Array arrayListOf measureTimeMillis
	measureNanoTime thread`)
