package graph

// # Resolution (C#)
//
// A type's qualified name is its namespace and its name (facts.File.Package
// and facts.Type.Name, see package csharp). A simple type name is looked up
// as the compiler does, in order: the enclosing types and their member types
// (with those inherited from base types); the types of the enclosing
// namespaces, innermost first (namespace A.B.C sees A.B.C.X, A.B.X, A.X,
// X); using aliases; the namespaces the file imports with `using` and those
// every file of the repository imports with `global using`; the member
// types of the types imported with `using static`. A qualified name is
// resolved by its first segment the same way (or as an alias) and then
// walks member types, or is a namespace-qualified name, relative to each
// enclosing namespace or absolute. An attribute [X] names XAttribute, or X.
//
// A name found in no repository namespace in scope is external when it is
// a type of the .NET namespaces every SDK project imports implicitly
// (System, System.Collections.Generic, System.Linq, System.Threading.Tasks,
// ...), or when the file, or a global using, imports a namespace that the
// repository does not declare (System.Text.Json, Microsoft.EntityFramework-
// Core...): that is where it must come from. Otherwise it is unresolved.
// No edge is ever guessed.
//
// Partial types: the declarations of one name marked partial are one type.
// The first declaration (in file order) is the canonical type: references
// to the name resolve to it, and its members, base types and member types
// are the union of all declarations'. Each declaration stays a Type of the
// graph (so that its file keeps its edges), and edges from a declaration
// keep it as their source: the type level should merge types of the same
// name whose facts say Partial.
//
// Base lists: each entry (facts.BaseType) is resolved; an interface makes
// an implements edge (extends from an interface), anything else an extends
// edge, the base class. What does not resolve is counted under implements
// when its name has .NET's interface form (IName), else under extends.
//
// Receivers are typed as for Java, with the C# lookup order for a bare
// name (a member of the enclosing types and their bases first, a type
// second), and properties as fields. An awaited Task<T> or ValueTask<T> is a
// T; an element of an array or of a framework collection of T (List<T>,
// IEnumerable<T>, DbSet<T>...) is a T, and LINQ operators that keep the
// elements (Where, OrderBy, ToList...) or pick one (First, Single, Find...)
// are followed on such collections.
//
// Extension methods: a call x.M(...) that x's type does not declare (or
// on a value of a type outside the repository) resolves to a static class
// of the repository declaring an extension method M with one more
// parameter, in a namespace in scope (enclosing, imported or global
// using), whose `this` parameter fits x: the same type name, a base type
// of x's type in the repository, object, or a type parameter. If
// candidates of several classes fit, nothing is guessed.

import (
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// csIndex holds what C# resolution needs across files.
type csIndex struct {
	ix         *index
	namespaces map[string]bool // declared by C# files, with their prefixes
	globals    []facts.Import  // global usings of every C# file
	canon      []int           // per type: the canonical declaration of a partial type, else itself
	parts      map[int][]int   // canonical partial type -> its declarations, in order
	nsOf       []string        // per C# type: its namespace
	extensions map[string][]extMethod
	// baseKind classifies each base-list reference: per file, per ref
	// index (only for BaseType refs).
	baseKind map[[2]int]res
}

type extMethod struct {
	typ    int    // the static class
	method int    // index in its facts' Methods
	this   string // the `this` parameter's type as written
	params int
}

// newCSharpIndex builds the C# index and resolves the base lists of C#
// types into the index's supertypes. It runs after resolveSupertypes.
func newCSharpIndex(ix *index) *csIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "csharp" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	cs := &csIndex{ix: ix, namespaces: map[string]bool{}, parts: map[int][]int{},
		extensions: map[string][]extMethod{}, baseKind: map[[2]int]res{}}
	cs.canon = make([]int, len(g.Types))
	cs.nsOf = make([]string, len(g.Types))
	for id := range g.Types {
		cs.canon[id] = id
	}
	seenGlobal := map[facts.Import]bool{}
	for fi, f := range g.Facts {
		if f.Language != "csharp" {
			continue
		}
		addNamespace(cs.namespaces, f.Package)
		for _, imp := range f.Imports {
			if imp.Global {
				k := facts.Import{Name: imp.Name, Alias: imp.Alias, Static: imp.Static, Wildcard: imp.Wildcard}
				if !seenGlobal[k] {
					seenGlobal[k] = true
					cs.globals = append(cs.globals, imp)
				}
			}
		}
		for _, id := range ix.typeIDs[fi] {
			t := g.Types[id]
			if t.Outer >= 0 {
				cs.nsOf[id] = cs.nsOf[t.Outer]
			} else {
				cs.nsOf[id] = strings.TrimSuffix(strings.TrimSuffix(t.Name, t.Simple), ".")
				addNamespace(cs.namespaces, cs.nsOf[id])
			}
			tf := ix.typeFacts(id)
			for mi, m := range tf.Methods {
				if m.Extension && len(m.Params) > 0 {
					cs.extensions[m.Name] = append(cs.extensions[m.Name], extMethod{typ: id, method: mi, this: m.Params[0], params: len(m.Params)})
				}
			}
		}
	}
	// Partial types: the declarations of one name marked partial.
	var dups []string
	for _, name := range ix.duplicates {
		ids := ix.byName[name]
		var partial []int
		for _, id := range ids {
			if g.Facts[g.Types[id].File].Language == "csharp" && ix.typeFacts(id).Partial {
				partial = append(partial, id)
			}
		}
		if len(partial) > 1 {
			cs.parts[partial[0]] = partial
			for _, id := range partial {
				cs.canon[id] = partial[0]
			}
		}
		if len(partial) < len(ids) {
			dups = append(dups, name)
		}
	}
	ix.duplicates = dups
	cs.resolveBases()
	return cs
}

func addNamespace(set map[string]bool, ns string) {
	for ns != "" && !set[ns] {
		set[ns] = true
		dot := strings.LastIndexByte(ns, '.')
		if dot < 0 {
			return
		}
		ns = ns[:dot]
	}
}

// resolveBases resolves the base lists of C# types: the base class first
// in the supertypes, then the interfaces; the declarations of a partial
// type share the union of theirs.
func (cs *csIndex) resolveBases() {
	ix, g := cs.ix, cs.ix.g
	touched := map[int]bool{}
	for fi, f := range g.Facts {
		if f.Language != "csharp" {
			continue
		}
		r := cs.newResolver(fi, true)
		for ri, ref := range f.Refs {
			if ref.Kind != facts.BaseType || ref.From < 0 {
				continue
			}
			from := cs.canon[ix.typeIDs[fi][ref.From]]
			touched[from] = true
			v := r.typeName(from, ref.Name)
			cs.baseKind[[2]int{fi, ri}] = v
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
	if len(touched) == 0 {
		return
	}
	for c, ps := range cs.parts {
		for _, p := range ps[1:] {
			ix.supers[p], ix.superclass[p], ix.outside[p] = ix.supers[c], ix.superclass[c], ix.outside[c]
		}
	}
	ix.computeLineage()
	for id := range g.Types {
		if ix.outside[id] || g.Facts[g.Types[id].File].Language != "csharp" {
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

// partsOf returns the declarations of a type: all parts of a partial type,
// else the type alone.
func (cs *csIndex) partsOf(id int) []int {
	if ps, ok := cs.parts[cs.canon[id]]; ok {
		return ps
	}
	return []int{id}
}

// csResolver resolves the references of one C# file. It only reads the
// index, so files resolve in parallel.
type csResolver struct {
	cs    *csIndex
	ix    *index
	fi    int
	f     *facts.File
	ids   []int
	cache map[nameKey]res
	// usings are the file's using directives and the global ones.
	usings []facts.Import
	// outside: some using names a namespace or type the repository does
	// not declare, so an unknown simple name most likely comes from there.
	outside    bool
	headerOnly bool
	vals       []csVal
	done       []bool
	others     map[int]*csResolver
}

// csVal is the value of a receiver expression: its type, and the type as
// written with the place to resolve it (for generic arguments).
type csVal struct {
	res
	written  string
	file     int
	declFrom int
}

var csUnres = csVal{res: unres, file: -1, declFrom: -1}

func (cs *csIndex) newResolver(fi int, headerOnly bool) *csResolver {
	ix := cs.ix
	f := ix.g.Facts[fi]
	r := &csResolver{cs: cs, ix: ix, fi: fi, f: f, ids: ix.typeIDs[fi], cache: map[nameKey]res{}, headerOnly: headerOnly}
	r.usings = append(r.usings, f.Imports...)
	for _, imp := range cs.globals {
		if !slices.ContainsFunc(f.Imports, func(o facts.Import) bool { return o.Name == imp.Name && o.Alias == imp.Alias && o.Static == imp.Static }) {
			r.usings = append(r.usings, imp)
		}
	}
	for _, imp := range r.usings {
		switch {
		case imp.Alias != "":
		case imp.Static:
			if len(ix.byName[imp.Name]) == 0 {
				r.outside = true
			}
		case !cs.namespaces[imp.Name]:
			r.outside = true
		}
	}
	return r
}

// resolveCSharp resolves the references of C# file fi.
func (ix *index) resolveCSharp(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	if ix.cs == nil {
		return out
	}
	cs := ix.cs
	r := cs.newResolver(fi, false)
	f := r.f
	r.vals = make([]csVal, len(f.Exprs))
	r.done = make([]bool, len(f.Exprs))
	for ri, ref := range f.Refs {
		from, self := -1, -1
		if ref.From >= 0 && ref.From < len(r.ids) {
			self = r.ids[ref.From]
			from = cs.canon[self]
		}
		kind := ref.Kind
		var target res
		what := ref.Name
		switch ref.Kind {
		case facts.Call, facts.MethodRef:
			target, what = r.call(from, ref)
		case facts.BaseType:
			target = cs.baseKind[[2]int{fi, ri}]
			kind = r.baseEdge(from, target, ref.Name)
		case facts.Annotates:
			target = r.typeName(from, ref.Name+"Attribute")
			if target.out == unresolved || target.out == external && !strings.HasSuffix(ref.Name, "Attribute") {
				if t := r.typeName(from, ref.Name); t.out == internal || target.out == unresolved {
					target = t
				}
			}
		default:
			target = r.typeName(from, ref.Name)
		}
		o := out.byKind[kind]
		switch target.out {
		case internal:
			o.Internal++
			to := cs.canon[target.id]
			if self >= 0 && to != from {
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

// baseEdge classifies a base-list entry.
func (r *csResolver) baseEdge(from int, target res, name string) EdgeKind {
	if target.out == internal {
		if r.ix.g.Types[target.id].Kind == facts.Interface && (from < 0 || r.ix.g.Types[from].Kind != facts.Interface) {
			return facts.Implements
		}
		return facts.Extends
	}
	simple := name[strings.LastIndexByte(name, '.')+1:]
	if len(simple) > 1 && simple[0] == 'I' && simple[1] >= 'A' && simple[1] <= 'Z' && (from < 0 || r.ix.g.Types[from].Kind != facts.Interface) {
		return facts.Implements
	}
	return facts.Extends
}

// namespaceOf returns the namespace a reference from type from is in.
func (r *csResolver) namespaceOf(from int) string {
	if from >= 0 {
		return r.cs.nsOf[from]
	}
	return r.f.Package
}

// typeName resolves a type name as written in this file, inside type from
// (-1 for the file level).
func (r *csResolver) typeName(from int, name string) res {
	if name == "" {
		return unres
	}
	k := nameKey{from, name}
	if v, ok := r.cache[k]; ok {
		return v
	}
	v := r.resolveName(from, name)
	if v.out == internal {
		v.id = r.cs.canon[v.id]
	}
	r.cache[k] = v
	return v
}

// lookup finds a C# type by qualified name.
func (r *csResolver) lookup(q string) (int, bool) {
	ids := r.ix.byName[q]
	found := -1
	for _, id := range ids {
		if r.ix.g.Facts[r.ix.g.Types[id].File].Language == "csharp" {
			if found < 0 {
				found = id
			}
		}
	}
	if found < 0 {
		return -1, false
	}
	if len(ids) > 1 && r.cs.canon[found] == found {
		found = r.ix.pick(ids, r.fi)
	}
	return r.cs.canon[found], true
}

// memberType finds a member type of id (any of its declarations) by simple
// name; unless headerOnly, also those inherited from its base types.
func (r *csResolver) memberType(id int, name string) (int, bool) {
	for _, p := range r.cs.partsOf(id) {
		if m, ok := r.ix.members[p][name]; ok {
			return m, true
		}
	}
	if r.headerOnly {
		return -1, false
	}
	found := -1
	r.ix.ancestors(id, func(a int) bool {
		for _, p := range r.cs.partsOf(a) {
			if m, ok := r.ix.members[p][name]; ok {
				found = m
				return false
			}
		}
		return true
	})
	return found, found >= 0
}

func (r *csResolver) resolveName(from int, name string) res {
	first, rest, dotted := strings.Cut(name, ".")
	if !dotted {
		return r.simpleName(from, name)
	}
	for _, imp := range r.usings {
		if imp.Alias == first {
			return r.qualified(imp.Name+"."+rest, "")
		}
	}
	// The first segment as a type, then member types.
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
	} else if head.out == external && !r.isNamespace(from, first) {
		return ext // Dictionary.Enumerator, an imported library type's member
	}
	return r.qualified(name, r.namespaceOf(from))
}

// isNamespace reports whether a name is a namespace of the repository,
// absolute or relative to an enclosing namespace of from.
func (r *csResolver) isNamespace(from int, name string) bool {
	for ns := r.namespaceOf(from); ; {
		if r.cs.namespaces[joinName(ns, name)] {
			return true
		}
		if ns == "" {
			return false
		}
		ns = parentNamespace(ns)
	}
}

func joinName(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}

func parentNamespace(ns string) string {
	if dot := strings.LastIndexByte(ns, '.'); dot >= 0 {
		return ns[:dot]
	}
	return ""
}

// qualified resolves a namespace-qualified name, relative to each
// enclosing namespace of ns (innermost first) or absolute: the longest
// prefix that is a type, then member types.
func (r *csResolver) qualified(name, ns string) res {
	parts := strings.Split(name, ".")
	for {
		for n := len(parts); n >= 1; n-- {
			id, ok := r.lookup(joinName(ns, strings.Join(parts[:n], ".")))
			if !ok {
				continue
			}
			for _, seg := range parts[n:] {
				m, ok := r.memberType(id, seg)
				if !ok {
					return r.missing(id)
				}
				id = m
			}
			return res{id: id, out: internal}
		}
		if ns == "" {
			break
		}
		ns = parentNamespace(ns)
	}
	for ns := name; ns != ""; ns = parentNamespace(ns) {
		if r.cs.namespaces[ns] {
			return unres // in a namespace of the repository, but not declared
		}
	}
	return ext
}

func (r *csResolver) missing(id int) res {
	if r.ix.outside[id] {
		return ext
	}
	return unres
}

func (r *csResolver) simpleName(from int, name string) res {
	// The enclosing types and their member types.
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		t = r.cs.canon[t]
		if r.ix.g.Types[t].Simple == name {
			return res{id: t, out: internal}
		}
		if m, ok := r.memberType(t, name); ok {
			return res{id: m, out: internal}
		}
	}
	// The enclosing namespaces, innermost first.
	for ns := r.namespaceOf(from); ; ns = parentNamespace(ns) {
		if id, ok := r.lookup(joinName(ns, name)); ok {
			return res{id: id, out: internal}
		}
		if ns == "" {
			break
		}
	}
	// Aliases, imported namespaces, member types of static imports.
	for _, imp := range r.usings {
		if imp.Alias == name {
			return r.qualified(imp.Name, "")
		}
	}
	for _, imp := range r.usings {
		if imp.Alias != "" {
			continue
		}
		if imp.Static {
			if id, ok := r.lookup(imp.Name); ok {
				if m, ok := r.memberType(id, name); ok {
					return res{id: m, out: internal}
				}
			}
			continue
		}
		if id, ok := r.lookup(imp.Name + "." + name); ok {
			return res{id: id, out: internal}
		}
	}
	if dotnetTypes[name] || r.outside {
		return ext
	}
	for t := from; t >= 0 && !r.headerOnly; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[r.cs.canon[t]] {
			return ext // a member type inherited from a base type outside
		}
	}
	return unres
}

// call resolves the type a call lands in: the repository type declaring
// the method (through base types and extension methods), or the
// receiver's type when the method comes from outside the repository.
func (r *csResolver) call(from int, ref facts.Ref) (res, string) {
	if ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return unres, ref.Member
	}
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprThis && from >= 0 && e.Base < 0 {
		// An unqualified call: the enclosing types and their bases, then
		// the types imported with using static.
		for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
			if d, ok := r.findMethod(r.cs.canon[t], ref.Member, ref.Args, false); ok {
				return res{id: d, out: internal}, ref.Member
			}
		}
		staticOutside := false
		for _, imp := range r.usings {
			if !imp.Static {
				continue
			}
			id, ok := r.lookup(imp.Name)
			if !ok {
				staticOutside = true
				continue
			}
			if d, ok := r.findMethod(id, ref.Member, -1, false); ok {
				return res{id: d, out: internal}, ref.Member
			}
		}
		if objectMethod(ref.Member) || staticOutside {
			return ext, ref.Member
		}
		for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
			if _, _, ok := r.findField(r.cs.canon[t], ref.Member, false); ok {
				return ext, ref.Member // a delegate in a field or property, invoked
			}
		}
		for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
			if r.ix.outside[r.cs.canon[t]] {
				return ext, ref.Member
			}
		}
		return unres, ref.Member
	}
	recv := r.expr(from, ref.Recv)
	if recv.out != internal {
		if d, ok := r.extension(from, recv, ref.Member, ref.Args); ok {
			return res{id: d, out: internal}, ref.Member
		}
		if recv.out == external {
			return ext, ref.Member
		}
		return unres, describe(r.f, ref.Recv) + "." + ref.Member
	}
	if ref.Member == "<init>" && recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	if d, ok := r.findMethod(recv.id, ref.Member, ref.Args, recv.super); ok {
		return res{id: d, out: internal}, ref.Member
	}
	if d, ok := r.extension(from, recv, ref.Member, ref.Args); ok {
		return res{id: d, out: internal}, ref.Member
	}
	if _, _, ok := r.findField(recv.id, ref.Member, recv.super); ok {
		return ext, ref.Member // a delegate in a field or property, invoked
	}
	if recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	return res{id: recv.id, out: internal}, ref.Member
}

// objectMethod reports the methods every .NET type has.
func objectMethod(name string) bool {
	switch name {
	case "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize":
		return true
	}
	return false
}

// findMethod looks a method up in a type (all its declarations) and its
// base types; it returns the declaring type (canonical). args < 0 matches
// any arity. With fromBase the type itself is skipped.
func (r *csResolver) findMethod(id int, name string, args int, fromBase bool) (int, bool) {
	if !fromBase && r.hasMethod(id, name, args) {
		return id, true
	}
	for _, a := range r.ix.lineage[id] {
		if r.hasMethod(a, name, args) {
			return r.cs.canon[a], true
		}
	}
	if args >= 0 {
		return r.findMethod(id, name, -1, fromBase)
	}
	return -1, false
}

func (r *csResolver) hasMethod(id int, name string, args int) bool {
	_, ok := r.method(id, name, args)
	return ok
}

// method finds a method declaration in a type's declarations: one with
// that many parameters (or variadic), else one with more (the rest may
// have defaults: the parser does not say), else, for args < 0, any.
func (r *csResolver) method(id int, name string, args int) (*facts.Method, bool) {
	var more, other *facts.Method
	for _, p := range r.cs.partsOf(id) {
		t := r.ix.typeFacts(p)
		for i := range t.Methods {
			m := &t.Methods[i]
			if m.Name != name || m.Constructor {
				continue
			}
			switch {
			case args < 0 || len(m.Params) == args || variadic(m) && args >= len(m.Params)-1:
				return m, true
			case args < len(m.Params) && more == nil:
				more = m
			case other == nil:
				other = m
			}
		}
	}
	if more != nil {
		return more, true
	}
	if args < 0 && other != nil {
		return other, true
	}
	return nil, false
}

// findField looks a field or property up in a type (all its declarations)
// and its base types.
func (r *csResolver) findField(id int, name string, fromBase bool) (int, string, bool) {
	if !fromBase {
		for _, p := range r.cs.partsOf(id) {
			if t, ok := fieldOf(r.ix.typeFacts(p), name); ok {
				return p, t, true
			}
		}
	}
	for _, a := range r.ix.lineage[id] {
		for _, p := range r.cs.partsOf(a) {
			if t, ok := fieldOf(r.ix.typeFacts(p), name); ok {
				return p, t, true
			}
		}
	}
	return -1, "", false
}

// extension finds the static class declaring an extension method that a
// call recv.name(args) binds to.
func (r *csResolver) extension(from int, recv csVal, name string, args int) (int, bool) {
	cands := r.cs.extensions[name]
	if len(cands) == 0 || recv.out == unresolved && recv.written == "" {
		return -1, false
	}
	found := -1
	for _, c := range cands {
		if c.params != args+1 && !(c.params <= args+1 && strings.HasSuffix(r.ix.typeFacts(c.typ).Methods[c.method].Params[c.params-1], "...")) {
			continue
		}
		if !r.extensionInScope(from, c.typ) || !r.fits(recv, c) {
			continue
		}
		if found >= 0 && found != r.cs.canon[c.typ] {
			return -1, false // several classes fit: nothing is guessed
		}
		found = r.cs.canon[c.typ]
	}
	return found, found >= 0
}

// extensionInScope reports whether a static class is visible for its
// extension methods: its namespace encloses the reference, or is imported
// by a using (or global using), or the class is imported by using static.
func (r *csResolver) extensionInScope(from, typ int) bool {
	ns := r.cs.nsOf[typ]
	for n := r.namespaceOf(from); ; n = parentNamespace(n) {
		if n == ns {
			return true
		}
		if n == "" {
			break
		}
	}
	q := r.ix.g.Types[typ].Name
	for _, imp := range r.usings {
		if imp.Alias != "" {
			continue
		}
		if imp.Static && imp.Name == q || !imp.Static && imp.Name == ns {
			return true
		}
	}
	return false
}

// fits reports whether a receiver can be an extension method's `this`
// argument.
func (r *csResolver) fits(recv csVal, c extMethod) bool {
	this := baseName(c.this)
	simple := this[strings.LastIndexByte(this, '.')+1:]
	m := &r.ix.typeFacts(c.typ).Methods[c.method]
	if slices.Contains(m.TypeParams, this) || this == "object" || this == "Object" || this == "System.Object" {
		return recv.out != unresolved
	}
	if recv.written != "" {
		w := baseName(recv.written)
		if w[strings.LastIndexByte(w, '.')+1:] == simple {
			return true
		}
	}
	if recv.out == internal {
		decl := r.ix.g.Types[c.typ]
		p := r.other(decl.File).typeName(c.typ, this)
		if p.out == internal && (p.id == recv.id || slices.Contains(r.ix.lineage[recv.id], p.id)) {
			return true
		}
	}
	return false
}

// other returns a resolver for file fi (this one for this file).
func (r *csResolver) other(fi int) *csResolver {
	if fi == r.fi {
		return r
	}
	o := r.others[fi]
	if o == nil {
		if r.others == nil {
			r.others = map[int]*csResolver{}
		}
		o = r.cs.newResolver(fi, false)
		r.others[fi] = o
	}
	return o
}

// expr types receiver expression i, memoized.
func (r *csResolver) expr(from, i int) csVal {
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = csUnres
	v := r.evalExpr(from, r.f.Exprs[i])
	r.vals[i] = v
	return v
}

func (r *csResolver) evalExpr(from int, e facts.Expr) csVal {
	switch e.Kind {
	case facts.ExprType:
		return r.valueOf(r.fi, from, e.Name)
	case facts.ExprStatic:
		return r.qualifier(from, e.Name)
	case facts.ExprThis:
		if from < 0 {
			return csUnres
		}
		return csVal{res: res{id: from, out: internal}, file: -1, declFrom: -1}
	case facts.ExprSuper:
		if from < 0 {
			return csUnres
		}
		return csVal{res: res{id: from, out: internal, super: true}, file: -1, declFrom: -1}
	case facts.ExprField:
		if e.Base < 0 {
			return r.implicitMember(from, e.Name)
		}
		base := r.expr(from, e.Base)
		if base.out != internal {
			return r.externalMember(base, e.Name)
		}
		return r.fieldValue(base, e.Name)
	case facts.ExprCall:
		base := r.expr(from, e.Base)
		if base.out != internal {
			if d, ok := r.extension(from, base, e.Name, e.Args); ok {
				return r.methodValue(d, e.Name, e.Args+1)
			}
			return r.externalCall(base, e.Name)
		}
		return r.callValue(from, base, e.Name, e.Args)
	case facts.ExprAwait:
		base := r.expr(from, e.Base)
		if arg, ok := typeArg(base.written, "Task", "ValueTask", "ConfiguredTaskAwaitable", "ConfiguredValueTaskAwaitable"); ok && base.out == external {
			return r.valueOf(base.file, base.declFrom, arg)
		}
		if base.out == external {
			return csVal{res: ext, file: -1, declFrom: -1}
		}
		return csUnres
	case facts.ExprElement:
		return r.element(r.expr(from, e.Base))
	}
	return csUnres
}

// collections are the framework's generic collections of one element type.
var collections = wordSet(`IEnumerable ICollection IList IReadOnlyCollection IReadOnlyList List
	HashSet ISet IReadOnlySet SortedSet Queue Stack LinkedList Collection ReadOnlyCollection
	ObservableCollection IQueryable IOrderedQueryable IOrderedEnumerable IAsyncEnumerable DbSet
	ImmutableArray ImmutableList ImmutableHashSet IImmutableList IImmutableSet ConcurrentBag
	ConcurrentQueue ConcurrentStack BlockingCollection IGrouping Span ReadOnlySpan Memory ReadOnlyMemory`)

// element types an element of a collection value.
func (r *csResolver) element(coll csVal) csVal {
	if coll.out != external || coll.written == "" {
		return csUnres
	}
	w := coll.written
	if strings.HasSuffix(w, "[]") {
		return r.valueOf(coll.file, coll.declFrom, strings.TrimSuffix(w, "[]"))
	}
	args := genericArgs(w)
	if n := baseName(w); collections[n[strings.LastIndexByte(n, '.')+1:]] && len(args) >= 1 {
		return r.valueOf(coll.file, coll.declFrom, args[len(args)-1])
	}
	return csUnres
}

// typeArg returns T of a written generic type whose simple name is one of
// names.
func typeArg(written string, names ...string) (string, bool) {
	n := baseName(written)
	n = n[strings.LastIndexByte(n, '.')+1:]
	if !slices.Contains(names, n) {
		return "", false
	}
	args := genericArgs(written)
	if len(args) != 1 {
		return "", false
	}
	return args[0], true
}

// genericArgs splits the top-level type arguments of a written type.
func genericArgs(written string) []string {
	i := strings.IndexByte(written, '<')
	if i < 0 || !strings.HasSuffix(written, ">") {
		return nil
	}
	inner := written[i+1 : len(written)-1]
	var out []string
	depth, start := 0, 0
	for j := 0; j < len(inner); j++ {
		switch inner[j] {
		case '<', '(', '[':
			depth++
		case '>', ')', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, inner[start:j])
				start = j + 1
			}
		}
	}
	return append(out, inner[start:])
}

// Linq operators followed on a framework collection: those that keep its
// elements, and those that pick one.
var (
	keepsElements = wordSet(`Where OrderBy OrderByDescending ThenBy ThenByDescending ToList ToArray
		AsEnumerable AsQueryable AsNoTracking AsNoTrackingWithIdentityResolution AsTracking Skip Take
		Distinct DistinctBy Reverse Concat Union Intersect Except Include ThenInclude SkipWhile TakeWhile
		ToListAsync ToArrayAsync ToHashSet`)
	picksElement = wordSet(`First FirstOrDefault Single SingleOrDefault Last LastOrDefault
		ElementAt ElementAtOrDefault Find MinBy MaxBy FirstAsync FirstOrDefaultAsync SingleAsync
		SingleOrDefaultAsync LastAsync LastOrDefaultAsync FindAsync`)
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// externalCall types the result of calling name on a value of a type
// outside the repository: followed only for LINQ on collections.
func (r *csResolver) externalCall(base csVal, name string) csVal {
	if base.out != external {
		return csUnres
	}
	el := r.element(base)
	if el.written == "" && el.out == unresolved {
		return csVal{res: ext, file: -1, declFrom: -1}
	}
	async := strings.HasSuffix(name, "Async")
	switch {
	case keepsElements[name]:
		w := "IEnumerable<" + el.written + ">"
		if async {
			w = "Task<List<" + el.written + ">>"
		}
		return csVal{res: ext, written: w, file: el.file, declFrom: el.declFrom}
	case picksElement[name]:
		if async {
			return csVal{res: ext, written: "Task<" + el.written + ">", file: el.file, declFrom: el.declFrom}
		}
		return el
	}
	return csVal{res: ext, file: -1, declFrom: -1}
}

// externalMember types a property of a value outside the repository: its
// type is unknown, but it is outside too unless the value is unknown.
func (r *csResolver) externalMember(base csVal, name string) csVal {
	if base.out == external {
		return csVal{res: ext, file: -1, declFrom: -1}
	}
	return csUnres
}

// valueOf types a value declared with the written type in file fi inside
// type from.
func (r *csResolver) valueOf(fi, from int, written string) csVal {
	if written == "" || fi < 0 {
		return csUnres
	}
	written = strings.TrimSuffix(written, "?")
	v := csVal{written: written, file: fi, declFrom: from}
	if strings.HasSuffix(written, "]") || strings.HasPrefix(written, "(") || strings.HasSuffix(written, "*") {
		v.res = ext // an array, a tuple, a pointer
		return v
	}
	name := baseName(written)
	if csPredefined[name] {
		v.res = ext
		return v
	}
	for t := from; t >= 0 && !strings.Contains(name, "."); t = r.ix.g.Types[t].Outer {
		if slices.Contains(r.ix.typeFacts(t).TypeParams, name) {
			v.res = ext // a type parameter: its constraint's members, object's by default
			return v
		}
	}
	v.res = r.other(fi).typeName(from, name)
	return v
}

// csPredefined are C#'s keywords for types.
var csPredefined = map[string]bool{
	"bool": true, "byte": true, "sbyte": true, "char": true, "decimal": true, "double": true, "float": true,
	"int": true, "uint": true, "long": true, "ulong": true, "short": true, "ushort": true, "object": true,
	"string": true, "void": true, "dynamic": true, "nint": true, "nuint": true, "var": true,
}

// fieldValue types base.name: a field or property, or a member type used
// as a qualifier.
func (r *csResolver) fieldValue(base csVal, name string) csVal {
	decl, typ, ok := r.findField(base.id, name, base.super)
	if ok {
		return r.declared(decl, typ)
	}
	if !base.super {
		if m, ok := r.memberType(base.id, name); ok {
			return csVal{res: res{id: r.cs.canon[m], out: internal}, file: -1, declFrom: -1}
		}
	}
	return csVal{res: r.missing(base.id), file: -1, declFrom: -1}
}

// declared types a member's declared type, in the scope of the type that
// declares it.
func (r *csResolver) declared(decl int, written string) csVal {
	if written == "" || written == "void" {
		return csUnres
	}
	return r.valueOf(r.ix.g.Types[decl].File, decl, written)
}

// callValue types the result of base.name(args).
func (r *csResolver) callValue(from int, base csVal, name string, args int) csVal {
	decl, ok := r.findMethod(base.id, name, args, base.super)
	if !ok {
		if d, ok := r.extension(from, base, name, args); ok {
			return r.methodValue(d, name, args+1)
		}
		if _, _, ok := r.findField(base.id, name, base.super); ok || objectMethod(name) {
			return csVal{res: ext, file: -1, declFrom: -1} // a delegate invoked, or object's
		}
		return csVal{res: r.missing(base.id), file: -1, declFrom: -1}
	}
	return r.methodValue(decl, name, args)
}

// methodValue types the result of a method of type decl.
func (r *csResolver) methodValue(decl int, name string, args int) csVal {
	for _, p := range r.cs.partsOf(decl) {
		if m, ok := r.method(p, name, args); ok {
			if slices.Contains(m.TypeParams, baseName(m.Return)) {
				return csVal{res: ext, file: -1, declFrom: -1}
			}
			return r.declared(p, m.Return)
		}
	}
	return csUnres
}

// implicitMember types a bare name that is no local: a field or property
// of the enclosing types or their base types, else a type used as a
// qualifier.
func (r *csResolver) implicitMember(from int, name string) csVal {
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if decl, typ, ok := r.findField(r.cs.canon[t], name, false); ok {
			return r.declared(decl, typ)
		}
	}
	if t := r.typeName(from, name); t.out != unresolved {
		return csVal{res: t, file: -1, declFrom: -1}
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[r.cs.canon[t]] {
			return csVal{res: ext, file: -1, declFrom: -1}
		}
	}
	return csUnres
}

// qualifier types a dotted name used as a receiver: a member of the
// enclosing types followed by members; else the longest prefix that names
// a type, followed by its static members; else a namespace outside.
func (r *csResolver) qualifier(from int, dotted string) csVal {
	parts := strings.Split(dotted, ".")
	follow := func(v csVal, rest []string) csVal {
		for _, p := range rest {
			if v.out != internal {
				if v.out == external {
					return csVal{res: ext, file: -1, declFrom: -1}
				}
				return v
			}
			v = r.fieldValue(v, p)
		}
		return v
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if decl, typ, ok := r.findField(r.cs.canon[t], parts[0], false); ok {
			return follow(r.declared(decl, typ), parts[1:])
		}
	}
	for n := len(parts); n >= 1; n-- {
		t := r.typeName(from, strings.Join(parts[:n], "."))
		if t.out == unresolved {
			continue
		}
		return follow(csVal{res: t, file: -1, declFrom: -1}, parts[n:])
	}
	if r.isNamespace(from, parts[0]) {
		return csUnres
	}
	if len(parts) > 1 {
		return csVal{res: ext, file: -1, declFrom: -1} // System.IO.File, a namespace outside
	}
	return csUnres
}

// resolveCSharpType resolves a type name written in C# file fi inside type
// from (-1: the file level), for the data side (an EF entity); -1 when it
// is not a type of the repository.
func (ix *index) resolveCSharpType(fi, from int, name string) int {
	if ix.cs == nil {
		return -1
	}
	if v := ix.cs.newResolver(fi, false).typeName(from, name); v.out == internal {
		return v.id
	}
	return -1
}

// dotnetTypes holds the public types of the namespaces every .NET SDK
// project imports implicitly (System, System.Collections.Generic,
// System.IO, System.Linq, System.Net.Http, System.Threading,
// System.Threading.Tasks), and the common ones of those the Web and Worker
// SDKs add (Microsoft.Extensions.DependencyInjection, .Logging,
// .Configuration, .Hosting, Microsoft.AspNetCore.Builder, .Http): in scope
// in every C# file, unless the repository declares the name.
var dotnetTypes = wordSet(`
	Object String Boolean Byte SByte Char Decimal Double Single Int16 Int32 Int64 UInt16 UInt32 UInt64
	IntPtr UIntPtr Int128 UInt128 Half DateTime DateTimeOffset DateOnly TimeOnly TimeSpan TimeZoneInfo
	DateTimeKind DayOfWeek Guid Uri UriKind Version Math MathF Convert Console Environment GC Activator
	BitConverter Buffer HashCode Random Lazy Tuple ValueTuple Nullable Array ArraySegment Enum Type Delegate
	MulticastDelegate Action Func Predicate Comparison Converter EventHandler EventArgs IDisposable
	IAsyncDisposable IComparable IEquatable ICloneable IFormattable IFormatProvider IServiceProvider
	IProgress Progress IObservable IObserver WeakReference Span ReadOnlySpan Memory ReadOnlyMemory Index
	Range StringComparison StringComparer StringSplitOptions MidpointRounding Void Attribute
	AttributeUsage AttributeUsageAttribute AttributeTargets Obsolete ObsoleteAttribute Serializable
	SerializableAttribute Flags FlagsAttribute NonSerialized NonSerializedAttribute CLSCompliant
	Exception SystemException ApplicationException ArgumentException ArgumentNullException
	ArgumentOutOfRangeException InvalidOperationException NotImplementedException NotSupportedException
	NullReferenceException IndexOutOfRangeException FormatException OverflowException
	DivideByZeroException TimeoutException UnauthorizedAccessException ObjectDisposedException
	OperationCanceledException AggregateException InvalidCastException ArithmeticException
	PlatformNotSupportedException StackOverflowException OutOfMemoryException RankException
	List Dictionary HashSet Queue Stack LinkedList LinkedListNode SortedDictionary SortedList SortedSet
	PriorityQueue IEnumerable IEnumerator ICollection IList IDictionary IReadOnlyCollection
	IReadOnlyList IReadOnlyDictionary ISet IReadOnlySet KeyValuePair IComparer IEqualityComparer
	Comparer EqualityComparer KeyNotFoundException IAsyncEnumerable IAsyncEnumerator
	Enumerable Queryable IQueryable IOrderedQueryable IOrderedEnumerable IGrouping ILookup Lookup
	Task ValueTask TaskCompletionSource TaskFactory TaskScheduler TaskStatus Parallel
	TaskCanceledException CancellationToken CancellationTokenSource Thread Interlocked Monitor
	SemaphoreSlim Mutex Volatile ThreadLocal AsyncLocal ReaderWriterLockSlim ManualResetEvent
	AutoResetEvent ManualResetEventSlim PeriodicTimer
	File Directory Path Stream MemoryStream FileStream StreamReader StreamWriter TextReader TextWriter
	StringReader StringWriter BinaryReader BinaryWriter FileInfo DirectoryInfo IOException
	FileNotFoundException DirectoryNotFoundException FileMode FileAccess FileShare SearchOption
	HttpClient HttpRequestMessage HttpResponseMessage HttpMethod HttpContent StringContent
	ByteArrayContent HttpClientHandler HttpMessageHandler DelegatingHandler HttpRequestException
	IServiceCollection ServiceCollection IServiceScope IServiceScopeFactory ServiceProvider
	ServiceLifetime ServiceDescriptor ILogger ILoggerFactory LogLevel IConfiguration
	IConfigurationSection IConfigurationBuilder ConfigurationBuilder IHost IHostBuilder Host
	IHostEnvironment IHostApplicationLifetime IHostedService BackgroundService WebApplication
	WebApplicationBuilder IApplicationBuilder IEndpointRouteBuilder HttpContext HttpRequest
	HttpResponse IResult Results IFormFile StatusCodes PathString QueryString IHttpContextAccessor`)
