package graph

import (
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

type outcome uint8

const (
	unresolved outcome = iota
	internal
	external
	// dynamic is a value the language gives no static type (a property
	// PHP's __get returns): a call on it is no reference at all, rather
	// than an unresolved one that only says the language is dynamic.
	dynamic
)

// res is the result of resolving a type name or typing an expression.
type res struct {
	id  int // the type, when internal
	out outcome
	// super marks the value of `super`: member lookups start at the
	// supertypes of id.
	super bool
}

var (
	unres = res{id: -1, out: unresolved}
	ext   = res{id: -1, out: external}
)

type nameKey struct {
	from int
	name string
}

// fileResolver resolves the references of one file. It only reads the
// index, so files resolve in parallel.
type fileResolver struct {
	ix    *index
	fi    int
	f     *facts.File
	ids   []int // fact type index -> graph type
	cache map[nameKey]res
	exprs []res
	done  []bool
	// headerOnly resolves without inherited member types (used while the
	// supertypes themselves are being resolved).
	headerOnly bool
	// outsideImports: the file imports on demand from packages outside the
	// repository, so an unknown simple name is most likely from there.
	outsideImports bool
	// others resolves names in the files that declare the members met in
	// receiver chains.
	others map[int]*fileResolver
}

func (ix *index) newFileResolver(fi int, headerOnly bool) *fileResolver {
	f := ix.g.Facts[fi]
	r := &fileResolver{ix: ix, fi: fi, f: f, ids: ix.typeIDs[fi], cache: map[nameKey]res{}, headerOnly: headerOnly}
	for _, imp := range f.Imports {
		if imp.Wildcard && !imp.Static && !ix.packages[imp.Name] && len(ix.byName[imp.Name]) == 0 {
			r.outsideImports = true
		}
	}
	return r
}

func (ix *index) resolveJava(fi int) fileResult {
	r := ix.newFileResolver(fi, false)
	f := r.f
	r.exprs = make([]res, len(f.Exprs))
	r.done = make([]bool, len(f.Exprs))
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	for _, ref := range f.Refs {
		from := -1
		if ref.From >= 0 {
			from = r.ids[ref.From]
		}
		var target res
		var what string
		switch ref.Kind {
		case facts.Call, facts.MethodRef:
			target, what = r.call(from, ref)
		default:
			target, what = r.typeName(from, ref.Name), ref.Name
		}
		o := out.byKind[ref.Kind]
		switch target.out {
		case internal:
			o.Internal++
			if from >= 0 && target.id != from {
				member := ""
				if ref.Kind == facts.Call || ref.Kind == facts.MethodRef {
					member = ref.Member
				}
				out.deps = append(out.deps, Dep{From: from, To: target.id, Kind: ref.Kind, Member: member, Count: 1, Line: ref.Line})
			}
		case external:
			o.External++
		default:
			o.Unresolved++
			out.unresolved[what]++
		}
		out.byKind[ref.Kind] = o
	}
	out.deps = mergeDeps(out.deps)
	return out
}

// call resolves the type a call or method reference lands in: the
// repository type that declares the method, looked up from the receiver's
// type; or the receiver's type itself when the method comes from outside
// the repository (a library supertype, java.lang.Object).
func (r *fileResolver) call(from int, ref facts.Ref) (res, string) {
	if ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return unres, ref.Member
	}
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprThis && from >= 0 {
		// An unqualified call: the enclosing types and their supertypes,
		// then static imports.
		for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
			if d, ok := r.ix.findMethod(t, ref.Member, ref.Args, false); ok {
				return res{id: d, out: internal}, ref.Member
			}
		}
		if res, ok := r.staticImport(ref.Member); ok {
			return res, ref.Member
		}
		if _, ok := implicitMethod(r.ix.g.Types[from].Kind, ref.Member); ok {
			return ext, ref.Member
		}
		for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
			if r.ix.outside[t] {
				return ext, ref.Member
			}
		}
		if len(r.staticImports()) > 0 {
			// Declared in a statically imported type outside the repository.
			return ext, ref.Member
		}
		return unres, ref.Member
	}
	recv := r.expr(from, ref.Recv)
	if recv.out != internal {
		return recv, describe(r.f, ref.Recv) + "." + ref.Member
	}
	if ref.Member == "<init>" && recv.super {
		// super(...): the superclass's constructor.
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	if ref.Member == "<init>" || ref.Member == "new" {
		return res{id: recv.id, out: internal}, ref.Member
	}
	if d, ok := r.ix.findMethod(recv.id, ref.Member, ref.Args, recv.super); ok {
		return res{id: d, out: internal}, ref.Member
	}
	if _, ok := implicitMethod(r.ix.g.Types[recv.id].Kind, ref.Member); ok && recv.super {
		return ext, ref.Member
	}
	if recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	return res{id: recv.id, out: internal}, ref.Member
}

// describe renders a receiver expression for the unresolved-name report.
func describe(f *facts.File, i int) string { return describeN(f, i, maxDescribed) }

// maxDescribed is how many steps of a receiver chain a name in the
// unresolved report shows: naming every call of a generated 4,000-call
// chain in full is quadratic work, and such a name helps nobody.
const maxDescribed = 6

// describeN renders at most n steps of the chain, "…" for the rest.
func describeN(f *facts.File, i, n int) string {
	if n == 0 {
		return "…"
	}
	e := f.Exprs[i]
	switch e.Kind {
	case facts.ExprType, facts.ExprStatic:
		return e.Name
	case facts.ExprThis:
		return "this"
	case facts.ExprSuper:
		return "super"
	case facts.ExprField:
		if e.Base < 0 {
			return e.Name
		}
		return describeN(f, e.Base, n-1) + "." + e.Name
	case facts.ExprCall:
		return describeN(f, e.Base, n-1) + "." + e.Name + "()"
	}
	return "?"
}

func (r *fileResolver) staticImports() []facts.Import {
	var out []facts.Import
	for _, imp := range r.f.Imports {
		if imp.Static {
			out = append(out, imp)
		}
	}
	return out
}

// staticImport finds the type a statically imported method comes from.
func (r *fileResolver) staticImport(member string) (res, bool) {
	for _, imp := range r.f.Imports {
		if !imp.Static {
			continue
		}
		owner := imp.Name
		if !imp.Wildcard {
			dot := strings.LastIndexByte(imp.Name, '.')
			if dot < 0 || imp.Name[dot+1:] != member {
				continue
			}
			owner = imp.Name[:dot]
		}
		ids := r.ix.byName[owner]
		if len(ids) == 0 {
			if !imp.Wildcard {
				return ext, true
			}
			continue
		}
		t := r.ix.pick(ids, r.fi)
		if d, ok := r.ix.findMethod(t, member, -1, false); ok {
			return res{id: d, out: internal}, true
		}
		if !imp.Wildcard {
			return res{id: t, out: internal}, true
		}
	}
	return unres, false
}

// findMethod looks a method up in a type and its supertypes; it returns
// the declaring type. args < 0 matches any arity. With fromSuper the type
// itself is skipped.
func (ix *index) findMethod(id int, name string, args int, fromSuper bool) (int, bool) {
	if !fromSuper && ix.hasMethod(id, name, args) {
		return id, true
	}
	found := -1
	for _, a := range ix.lineage[id] {
		if ix.hasMethod(a, name, args) {
			found = a
			break
		}
	}
	if found < 0 && args >= 0 {
		// No declaration with that arity: any with that name (varargs,
		// or a count the parser got wrong) is still the same method name.
		return ix.findMethod(id, name, -1, fromSuper)
	}
	return found, found >= 0
}

func (ix *index) hasMethod(id int, name string, args int) bool {
	t := ix.typeFacts(id)
	for i := range t.Methods {
		m := &t.Methods[i]
		if m.Name != name || m.Constructor {
			continue
		}
		if args < 0 || len(m.Params) == args || variadic(m) && args >= len(m.Params)-1 {
			return true
		}
	}
	if !ix.generates[id] {
		return false
	}
	_, ok := generatedMethod(t, name, args)
	return ok
}

// generatesMembers reports whether a type has members it does not declare
// in its source (see generatedMethod).
func generatesMembers(t *facts.Type) bool {
	if t.Kind == facts.Record || hasAnnotation(t.Annotations, "Getter", "Setter", "Data", "Value", "Builder", "SuperBuilder") {
		return true
	}
	for _, f := range t.Fields {
		if hasAnnotation(f.Annotations, "Getter", "Setter") {
			return true
		}
	}
	return false
}

// generatedMethod finds a method the type has without declaring it in
// its source: a record's component accessors, and the accessors and
// builder that Lombok annotations generate (@Getter, @Setter, @Data,
// @Value on the type or on a field; @Builder, @SuperBuilder). ret is the
// written return type: the field's type for a getter, "" for a method
// whose result is generated code outside the sources (a builder) or
// nothing (a setter).
func generatedMethod(t *facts.Type, name string, args int) (ret string, ok bool) {
	if t.Kind == facts.Record && (args <= 0) {
		for _, f := range t.Fields {
			if f.Name == name && !f.Static {
				return f.Type, true
			}
		}
	}
	getters := hasAnnotation(t.Annotations, "Getter", "Data", "Value")
	setters := hasAnnotation(t.Annotations, "Setter", "Data")
	if (name == "builder" || name == "toBuilder") && args <= 0 && hasAnnotation(t.Annotations, "Builder", "SuperBuilder") {
		return "", true
	}
	for _, f := range t.Fields {
		if f.Static {
			continue
		}
		up := upperFirst(f.Name)
		if args <= 0 && (getters || hasAnnotation(f.Annotations, "Getter")) &&
			(name == "get"+up || name == "is"+up && f.Type == "boolean" || name == f.Name && f.Type == "boolean" && strings.HasPrefix(f.Name, "is")) {
			return f.Type, true
		}
		if args != 0 && (setters || hasAnnotation(f.Annotations, "Setter")) && name == "set"+up {
			return "", true
		}
	}
	return "", false
}

func hasAnnotation(anns []string, names ...string) bool {
	for _, a := range anns {
		a = a[strings.LastIndexByte(a, '.')+1:]
		if slices.Contains(names, a) {
			return true
		}
	}
	return false
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// loggerField reports a field that Lombok's logging annotations generate.
func loggerField(t *facts.Type, name string) bool {
	return name == "log" && hasAnnotation(t.Annotations, "Slf4j", "Log", "Log4j", "Log4j2", "CommonsLog", "XSlf4j", "JBossLog", "Flogger", "CustomLog")
}

func variadic(m *facts.Method) bool {
	return len(m.Params) > 0 && strings.HasSuffix(m.Params[len(m.Params)-1], "...")
}

// findField looks a field up in a type and its supertypes; it returns the
// declaring type and the field's type as written.
func (ix *index) findField(id int, name string, fromSuper bool) (int, string, bool) {
	if !fromSuper {
		if t, ok := fieldOf(ix.typeFacts(id), name); ok {
			return id, t, true
		}
	}
	decl, typ := -1, ""
	ix.ancestors(id, func(a int) bool {
		if t, ok := fieldOf(ix.typeFacts(a), name); ok {
			decl, typ = a, t
			return false
		}
		return true
	})
	return decl, typ, decl >= 0
}

func fieldOf(t *facts.Type, name string) (string, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f.Type, true
		}
	}
	if loggerField(t, name) {
		return "org.slf4j.Logger", true // outside the repository, whichever logger
	}
	return "", false
}

// expr types receiver expression i, memoized.
func (r *fileResolver) expr(from, i int) res {
	if r.done[i] {
		return r.exprs[i]
	}
	r.done[i] = true // a cycle (impossible from the parser) resolves to unresolved
	r.exprs[i] = unres
	v := r.evalExpr(from, r.f.Exprs[i])
	r.exprs[i] = v
	return v
}

func (r *fileResolver) evalExpr(from int, e facts.Expr) res {
	switch e.Kind {
	case facts.ExprType:
		return r.valueOf(r.fi, from, e.Name)
	case facts.ExprStatic:
		return r.qualifier(from, e.Name)
	case facts.ExprThis:
		if from < 0 {
			return unres
		}
		return res{id: from, out: internal}
	case facts.ExprSuper:
		if from < 0 {
			return unres
		}
		return res{id: from, out: internal, super: true}
	case facts.ExprField:
		if e.Base < 0 {
			return r.implicitField(from, e.Name)
		}
		base := r.expr(from, e.Base)
		if base.out != internal {
			return base
		}
		return r.fieldValue(base, e.Name)
	case facts.ExprCall:
		base := r.expr(from, e.Base)
		if base.out != internal {
			return base
		}
		return r.callValue(base, e.Name, e.Args)
	}
	return unres
}

// valueOf types a value declared with the written type in file fi, inside
// type from: arrays and primitives are outside the repository.
func (r *fileResolver) valueOf(fi, from int, written string) res {
	if written == "" {
		return unres
	}
	if strings.HasSuffix(written, "]") || strings.HasSuffix(written, "...") {
		return ext // an array: its members are Object's
	}
	if strings.Contains(written, "|") {
		// A multi-catch union: outside when every alternative is (their
		// common supertype is then a library's); otherwise unknown.
		for alt := range strings.SplitSeq(written, "|") {
			if v := r.valueOf(fi, from, alt); v.out != external {
				return unres
			}
		}
		return ext
	}
	name := baseName(written)
	if isPrimitive(name) {
		return ext
	}
	for t := from; t >= 0 && !strings.Contains(name, "."); t = r.ix.g.Types[t].Outer {
		if slices.Contains(r.ix.typeFacts(t).TypeParams, name) {
			return ext // a type variable: its bound's members, Object's by default
		}
	}
	if fi == r.fi {
		return r.typeName(from, name)
	}
	o := r.others[fi]
	if o == nil {
		if r.others == nil {
			r.others = map[int]*fileResolver{}
		}
		o = r.ix.newFileResolver(fi, false)
		r.others[fi] = o
	}
	return o.typeName(from, name)
}

// baseName strips generic arguments: "Map.Entry<K,V>" -> "Map.Entry".
func baseName(written string) string {
	if i := strings.IndexByte(written, '<'); i >= 0 {
		// Outer<X>.Inner keeps its tail.
		depth, out := 0, make([]byte, 0, len(written))
		for j := 0; j < len(written); j++ {
			switch c := written[j]; {
			case c == '<':
				depth++
			case c == '>':
				depth--
			case depth == 0:
				out = append(out, c)
			}
		}
		return string(out)
	}
	return written
}

func isPrimitive(name string) bool {
	switch name {
	case "int", "long", "short", "byte", "char", "boolean", "float", "double", "void":
		return true
	}
	return false
}

// fieldValue types base.name.
func (r *fileResolver) fieldValue(base res, name string) res {
	if base.super {
		decl, typ, ok := r.ix.findField(base.id, name, true)
		if !ok {
			return r.missing(base.id)
		}
		return r.declared(decl, typ)
	}
	decl, typ, ok := r.ix.findField(base.id, name, false)
	if !ok {
		// Perhaps a member type used as a qualifier: Outer.Inner.
		if m, ok := r.ix.memberType(base.id, name, true); ok {
			return res{id: m, out: internal}
		}
		return r.missing(base.id)
	}
	return r.declared(decl, typ)
}

// callValue types the result of base.name(args).
func (r *fileResolver) callValue(base res, name string, args int) res {
	decl, ok := r.ix.findMethod(base.id, name, args, base.super)
	if !ok {
		if ret, ok := implicitMethod(r.ix.g.Types[base.id].Kind, name); ok {
			if ret == "" {
				return res{id: base.id, out: internal} // Enum.valueOf: the enum itself
			}
			return ext
		}
		return r.missing(base.id)
	}
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
		if ret, ok := generatedMethod(t, name, args); ok {
			if ret == "" {
				return ext // a generated builder, or nothing
			}
			return r.declared(decl, ret)
		}
		return unres
	}
	if slices.Contains(m.TypeParams, baseName(m.Return)) {
		return ext // a method's type variable: its bound's members, Object's by default
	}
	return r.declared(decl, m.Return)
}

// implicitMethod reports the members every class, enum or record has
// without declaring them (java.lang.Object's and Enum's). ret is the
// written return type, "" for the enum type itself.
func implicitMethod(kind facts.TypeKind, name string) (ret string, ok bool) {
	switch name {
	case "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize":
		return "Object", true
	}
	if kind == facts.Enum {
		switch name {
		case "valueOf":
			return "", true
		case "values", "name", "ordinal", "compareTo", "getDeclaringClass", "describeConstable":
			return "Object", true
		}
	}
	return "", false
}

// declared types a member's declared type, in the scope of the type that
// declares it. A type variable of that type (generic arguments are not
// substituted) has its bound's members: outside the repository, unless
// bounded by one of its types, which is not followed.
func (r *fileResolver) declared(decl int, written string) res {
	if written == "" || written == "void" {
		return unres
	}
	name := baseName(written)
	for t := decl; t >= 0; t = r.ix.g.Types[t].Outer {
		if slices.Contains(r.ix.typeFacts(t).TypeParams, name) {
			return ext
		}
	}
	t := r.ix.g.Types[decl]
	return r.valueOf(t.File, decl, written)
}

// missing is the outcome of a member not found in a type of the
// repository: outside, if the type inherits from outside; else unknown.
func (r *fileResolver) missing(id int) res {
	if r.ix.outside[id] {
		return ext
	}
	return unres
}

// implicitField types a bare name that is not a local: a field of the
// enclosing types or their supertypes, else a type used as a qualifier.
func (r *fileResolver) implicitField(from int, name string) res {
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if decl, typ, ok := r.ix.findField(t, name, false); ok {
			return r.declared(decl, typ)
		}
	}
	if t := r.typeName(from, name); t.out != unresolved {
		return t
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[t] {
			return ext
		}
	}
	return unres
}

// qualifier types a dotted name used as a call receiver: the longest
// prefix that names a type, followed by static fields; or, when no prefix
// is a type, a field of the enclosing types followed by fields.
func (r *fileResolver) qualifier(from int, dotted string) res {
	parts := strings.Split(dotted, ".")
	for n := len(parts); n >= 1; n-- {
		t := r.typeName(from, strings.Join(parts[:n], "."))
		if t.out == unresolved {
			continue
		}
		for _, p := range parts[n:] {
			if t.out != internal {
				return t
			}
			t = r.fieldValue(t, p)
		}
		return t
	}
	v := r.implicitField(from, parts[0])
	for _, p := range parts[1:] {
		if v.out != internal {
			return v
		}
		v = r.fieldValue(v, p)
	}
	if v.out == unresolved && len(parts) > 1 && isLower(parts[0]) {
		// a.b.C with a not a variable, a field or a package of the
		// repository: a package outside it.
		return ext
	}
	return v
}

func isLower(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// memberType finds a member type of id by simple name; with inherited, the
// member types of its supertypes too.
func (ix *index) memberType(id int, name string, inherited bool) (int, bool) {
	if m, ok := ix.members[id][name]; ok {
		return m, true
	}
	if !inherited {
		return -1, false
	}
	found := -1
	ix.ancestors(id, func(a int) bool {
		if m, ok := ix.members[a][name]; ok {
			found = m
			return false
		}
		return true
	})
	return found, found >= 0
}

// typeName resolves a type name as written in this file, inside type from
// (-1 for the file level).
func (r *fileResolver) typeName(from int, name string) res {
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

func (r *fileResolver) resolveName(from int, name string) res {
	first, rest, dotted := strings.Cut(name, ".")
	if !dotted {
		return r.simpleName(from, name)
	}
	// The first segment as a type, then member types.
	if head := r.simpleName(from, first); head.out == internal {
		t := head.id
		for seg := range strings.SplitSeq(rest, ".") {
			m, ok := r.ix.memberType(t, seg, !r.headerOnly)
			if !ok {
				return r.missing(t)
			}
			t = m
		}
		return res{id: t, out: internal}
	} else if head.out == external && !isLower(first) {
		return ext // Map.Entry
	}
	// A fully qualified name, perhaps with member types after the
	// package: the longest prefix that is a type.
	parts := strings.Split(name, ".")
	for n := len(parts); n >= 2; n-- {
		ids := r.ix.byName[strings.Join(parts[:n], ".")]
		if len(ids) == 0 {
			continue
		}
		t := r.ix.pick(ids, r.fi)
		for _, seg := range parts[n:] {
			m, ok := r.ix.memberType(t, seg, !r.headerOnly)
			if !ok {
				return r.missing(t)
			}
			t = m
		}
		return res{id: t, out: internal}
	}
	if isLower(first) && !r.ix.packages[first] && !r.repoPackagePrefix(name) {
		return ext // java.util.List, org.springframework...
	}
	return unres
}

// repoPackagePrefix reports whether a dotted name starts with a package of
// the repository (then a type missing from it is unresolved, not outside).
func (r *fileResolver) repoPackagePrefix(name string) bool {
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

func (r *fileResolver) simpleName(from int, name string) res {
	// Member types of the enclosing types (and their supertypes).
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.g.Types[t].Simple == name {
			return res{id: t, out: internal}
		}
		if m, ok := r.ix.memberType(t, name, !r.headerOnly); ok {
			return res{id: m, out: internal}
		}
	}
	f := r.f
	// Single-type imports.
	for _, imp := range f.Imports {
		if imp.Wildcard || !strings.HasSuffix(imp.Name, name) {
			continue
		}
		if n := len(imp.Name) - len(name); n > 0 && imp.Name[n-1] != '.' {
			continue
		}
		if ids := r.ix.byName[imp.Name]; len(ids) > 0 {
			return res{id: r.ix.pick(ids, r.fi), out: internal}
		}
		if imp.Static {
			continue // a static import of a method or field of that name
		}
		return ext
	}
	// The file's own package, and its other top-level types.
	q := name
	if f.Package != "" {
		q = f.Package + "." + name
	}
	if ids := r.ix.byName[q]; len(ids) > 0 {
		return res{id: r.ix.pick(ids, r.fi), out: internal}
	}
	// On-demand imports, of packages or of a type's members.
	for _, imp := range f.Imports {
		if !imp.Wildcard {
			continue
		}
		if ids := r.ix.byName[imp.Name+"."+name]; len(ids) > 0 {
			return res{id: r.ix.pick(ids, r.fi), out: internal}
		}
	}
	if javaLang[name] {
		return ext
	}
	if r.outsideImports {
		return ext
	}
	for t := from; t >= 0; t = r.ix.g.Types[t].Outer {
		if r.ix.outside[t] && !r.headerOnly {
			// A member type inherited from a supertype outside.
			return ext
		}
	}
	return unres
}

// javaLang holds the public types of java.lang, in scope in every file.
var javaLang = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`
		AbstractMethodError Appendable ArithmeticException ArrayIndexOutOfBoundsException
		ArrayStoreException AssertionError AutoCloseable Boolean BootstrapMethodError Byte
		Character CharSequence Class ClassCastException ClassCircularityError ClassFormatError
		ClassLoader ClassNotFoundException ClassValue CloneNotSupportedException Cloneable
		Comparable Compiler Deprecated Double Enum EnumConstantNotPresentException Error
		Exception ExceptionInInitializerError Float FunctionalInterface IllegalAccessError
		IllegalAccessException IllegalArgumentException IllegalCallerException
		IllegalMonitorStateException IllegalStateException IllegalThreadStateException
		IncompatibleClassChangeError IndexOutOfBoundsException InheritableThreadLocal
		InstantiationError InstantiationException Integer InternalError InterruptedException
		Iterable LayerInstantiationException LinkageError Long MatchException Math Module
		ModuleLayer NegativeArraySizeException NoClassDefFoundError NoSuchFieldError
		NoSuchFieldException NoSuchMethodError NoSuchMethodException NullPointerException
		Number NumberFormatException Object OutOfMemoryError Override Package Process
		ProcessBuilder ProcessHandle Readable Record ReflectiveOperationException Runnable
		Runtime RuntimeException RuntimePermission SafeVarargs ScopedValue SecurityException
		SecurityManager Short StackOverflowError StackTraceElement StackWalker StrictMath
		String StringBuffer StringBuilder StringIndexOutOfBoundsException StringTemplate
		SuppressWarnings System Thread ThreadDeath ThreadGroup ThreadLocal Throwable
		TypeNotPresentException UnknownError UnsatisfiedLinkError UnsupportedClassVersionError
		UnsupportedOperationException VerifyError VirtualMachineError Void WrongThreadException`) {
		m[n] = true
	}
	return m
}()
