package graph

// # Resolution (PHP)
//
// Package php writes every class name fully qualified
// ("\App\Billing\Invoice"): PHP resolves names by the file alone. What is
// left here is whether the repository declares the class. Names are
// looked up without regard to case, as PHP does. A class declared twice
// (two applications of a monorepo) resolves to the declaration closest to
// the referring file. A name the repository does not declare is
// unresolved when its namespace is one the repository declares (or a
// prefix of one), and external otherwise (a vendor package, a PHP
// extension); a class of the global namespace is external when it is one
// of PHP's own classes, or when the repository declares no class in the
// global namespace, and unresolved otherwise. A PHPDoc name written
// without the leading backslash is tried in its namespace, then in the
// global namespace.
//
// Functions: a facts.ExprFunction names a function of a module type (the
// namespace-level functions of a file); an unqualified call is tried in
// its namespace and then globally, as PHP does at run time; a function
// the repository does not declare is external (PHP's own functions, or a
// library's) unless it is qualified with a namespace of the repository.
//
// Supertypes: a class's parent is its superclass; its interfaces and the
// traits it uses are supertypes too, so that a method declared by a trait
// is found on the class (and the call lands in the trait). A class
// extending a class outside the repository has members outside it.
//
// Receivers are typed step by step as for Java: properties and method
// return types are written qualified by package php, so they need no
// scope; a return type `static` is the receiver's own type; `?T` and
// `T|null` are T; other unions, arrays and builtin types are outside.
// Calls that no repository type in the receiver's hierarchy declares
// (magic __call, a vendor parent's method) land on the receiver's type.
//
// A property the class does not declare, read on a class whose hierarchy
// declares __get, is whatever __get returns: a value with no static type,
// so a call on it is no reference at all (as a call on an untyped value
// is none in Ruby and Python), rather than an unresolved one. One
// convention is followed through: an OpenCart-style loader
// ($this->load->model('catalog/product')) gives a controller the
// property model_catalog_product, which is the model class of the same
// application (Opencart\Admin\Model\Catalog\Product for a class of
// Opencart\Admin, or the global ModelCatalogProduct).

import (
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// phpIndex holds what PHP resolution needs across files.
type phpIndex struct {
	ix         *index
	classes    map[string][]int     // lower-case fully qualified name (no leading backslash) -> types
	functions  map[string][]phpFunc // lower-case fully qualified function name -> declarations
	namespaces map[string]bool      // lower-case namespaces of the repository, with their prefixes
	// globalClasses: the repository declares classes in the global
	// namespace (legacy code), so an unknown global name may be its own.
	globalClasses bool
	// via is, per type, how its own table is mapped ("eloquent",
	// "doctrine"), for the accesses that need a given mapping.
	via map[int]string
	// registry holds the model classes of an OpenCart-style loader by the
	// property it gives them ($this->load->model('catalog/product') makes
	// $this->model_catalog_product): "Opencart.Admin|model_catalog_product"
	// for Opencart\Admin\Model\Catalog\Product, "|model_catalog_product"
	// for the global ModelCatalogProduct; -1 when two classes claim it.
	registry map[string]int
}

type phpFunc struct {
	typ    int // the module type
	method int // index in its Methods
}

// newPHPIndex builds the PHP index and resolves the supertypes of PHP
// types. It runs after resolveSupertypes, whose Java rules do not apply
// to PHP names: it resets what they decided for PHP types.
func newPHPIndex(ix *index) *phpIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "php" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	p := &phpIndex{ix: ix, classes: map[string][]int{}, functions: map[string][]phpFunc{}, namespaces: map[string]bool{}, via: map[int]string{}, registry: map[string]int{}}
	modules := map[string]bool{}
	for fi, f := range g.Facts {
		if f.Language != "php" {
			continue
		}
		for _, id := range ix.typeIDs[fi] {
			t := g.Types[id]
			fq := phpName(t.Name)
			ns := ""
			if i := strings.LastIndexByte(fq, '\\'); i >= 0 {
				ns = fq[:i]
			}
			if t.Kind == facts.Module {
				modules[t.Name] = true
				for mi, m := range ix.typeFacts(id).Methods {
					k := strings.ToLower(joinPHP(ns, m.Name))
					p.functions[k] = append(p.functions[k], phpFunc{typ: id, method: mi})
				}
				continue
			}
			p.classes[strings.ToLower(fq)] = append(p.classes[strings.ToLower(fq)], id)
			if key, ok := registryKey(t.Name); ok {
				if _, dup := p.registry[key]; dup {
					p.registry[key] = -1
				} else {
					p.registry[key] = id
				}
			}
			if ns == "" {
				p.globalClasses = true
			}
			for n := strings.ToLower(ns); n != "" && !p.namespaces[n]; {
				p.namespaces[n] = true
				i := strings.LastIndexByte(n, '\\')
				if i < 0 {
					break
				}
				n = n[:i]
			}
		}
		for _, t := range f.Tables {
			if t.Name != "" && t.Entity >= 0 && t.Entity < len(ix.typeIDs[fi]) {
				p.via[ix.typeIDs[fi][t.Entity]] = t.Via
			}
		}
	}
	// The module types of files with the same name in the global
	// namespace (index.php) are no duplicate declarations.
	ix.duplicates = slices.DeleteFunc(ix.duplicates, func(n string) bool { return modules[n] })
	p.resolveSupers()
	return p
}

// phpName turns a graph type name into PHP's form.
func phpName(dotted string) string { return strings.ReplaceAll(dotted, ".", `\`) }

func joinPHP(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + `\` + name
}

// resolveSupers resolves the extends, implements and trait uses of PHP
// types into the index's supertypes: the parent class first.
func (p *phpIndex) resolveSupers() {
	ix, g := p.ix, p.ix.g
	var php []int
	for fi, f := range g.Facts {
		if f.Language != "php" {
			continue
		}
		for _, id := range ix.typeIDs[fi] {
			ix.supers[id], ix.superclass[id], ix.outside[id] = nil, -1, false
			php = append(php, id)
		}
	}
	if len(php) == 0 {
		return
	}
	for fi, f := range g.Facts {
		if f.Language != "php" {
			continue
		}
		r := p.newResolver(fi)
		for _, ref := range f.Refs {
			if ref.Kind != facts.Extends && ref.Kind != facts.Implements || ref.From < 0 || ref.From >= len(r.ids) {
				continue
			}
			from := r.ids[ref.From]
			v := r.class(ref.Name)
			if v.out != internal || v.id == from {
				ix.outside[from] = true
				continue
			}
			if slices.Contains(ix.supers[from], v.id) {
				continue
			}
			if ref.Kind == facts.Extends && g.Types[from].Kind == facts.Class && g.Types[v.id].Kind == facts.Class && ix.superclass[from] < 0 {
				ix.superclass[from] = v.id
				ix.supers[from] = slices.Insert(ix.supers[from], 0, v.id)
				continue
			}
			ix.supers[from] = append(ix.supers[from], v.id)
		}
	}
	ix.computeLineage()
	for _, id := range php {
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

// phpResolver resolves the references of one PHP file. It only reads the
// index, so files resolve in parallel.
type phpResolver struct {
	p     *phpIndex
	ix    *index
	fi    int
	f     *facts.File
	ids   []int
	cache map[string]res
	vals  []res
	done  []bool
}

func (p *phpIndex) newResolver(fi int) *phpResolver {
	f := p.ix.g.Facts[fi]
	return &phpResolver{p: p, ix: p.ix, fi: fi, f: f, ids: p.ix.typeIDs[fi], cache: map[string]res{}}
}

// resolvePHP resolves the references of PHP file fi.
func (ix *index) resolvePHP(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	if ix.php == nil {
		return out
	}
	r := ix.php.newResolver(fi)
	f := r.f
	r.vals = make([]res, len(f.Exprs))
	r.done = make([]bool, len(f.Exprs))
	for _, ref := range f.Refs {
		from := -1
		if ref.From >= 0 && ref.From < len(r.ids) {
			from = r.ids[ref.From]
		}
		var target res
		what := ref.Name
		if ref.Kind == facts.Call || ref.Kind == facts.MethodRef {
			target, what = r.call(from, ref)
		} else {
			target = r.class(ref.Name)
		}
		if target.out == dynamic {
			continue
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

// class resolves a class name as package php writes it.
func (r *phpResolver) class(name string) res {
	if name == "" {
		return unres
	}
	if v, ok := r.cache[name]; ok {
		return v
	}
	v := r.resolveClass(name)
	r.cache[name] = v
	return v
}

func (r *phpResolver) resolveClass(name string) res {
	exact := strings.TrimPrefix(name, `\`)
	if id, ok := r.lookupClass(exact); ok {
		return res{id: id, out: internal}
	}
	ns, simple := "", exact
	if i := strings.LastIndexByte(exact, '\\'); i >= 0 {
		ns, simple = exact[:i], exact[i+1:]
	}
	if name[0] != '\\' && ns != "" {
		// A PHPDoc name: also the global class.
		if id, ok := r.lookupClass(simple); ok {
			return res{id: id, out: internal}
		}
		if phpClasses[strings.ToLower(simple)] {
			return ext
		}
	}
	return r.p.missingClass(ns, simple)
}

// missingClass says whether a class the repository does not declare is
// outside it or unresolved.
func (p *phpIndex) missingClass(ns, simple string) res {
	if ns == "" {
		if phpClasses[strings.ToLower(simple)] || !p.globalClasses {
			return ext
		}
		return unres
	}
	if p.repoNamespace(ns) {
		return unres
	}
	return ext
}

// repoNamespace reports whether a namespace is the repository's: it, or
// a namespace around it, is declared by the repository's files.
func (p *phpIndex) repoNamespace(ns string) bool {
	for n := strings.ToLower(ns); n != ""; {
		if p.namespaces[n] {
			return true
		}
		i := strings.LastIndexByte(n, '\\')
		if i < 0 {
			return false
		}
		n = n[:i]
	}
	return false
}

// lookupClass finds a class-like type by fully qualified name.
func (r *phpResolver) lookupClass(fq string) (int, bool) {
	ids := r.p.classes[strings.ToLower(fq)]
	if len(ids) == 0 {
		return -1, false
	}
	return r.ix.pick(ids, r.fi), true
}

// function resolves a function name as package php writes it (see
// facts.ExprFunction): the module type declaring it and the method.
func (r *phpResolver) function(name string) (phpFunc, res) {
	exact := strings.TrimPrefix(name, `\`)
	try := func(fq string) (phpFunc, bool) {
		fs := r.p.functions[strings.ToLower(fq)]
		if len(fs) == 0 {
			return phpFunc{}, false
		}
		if len(fs) == 1 {
			return fs[0], true
		}
		ids := make([]int, len(fs))
		for i, f := range fs {
			ids[i] = f.typ
		}
		best := r.ix.pick(ids, r.fi)
		return fs[slices.Index(ids, best)], true
	}
	if f, ok := try(exact); ok {
		return f, res{id: f.typ, out: internal}
	}
	i := strings.LastIndexByte(exact, '\\')
	if name[0] != '\\' && i >= 0 {
		if f, ok := try(exact[i+1:]); ok {
			return f, res{id: f.typ, out: internal}
		}
		return phpFunc{}, ext
	}
	if i >= 0 && r.p.repoNamespace(exact[:i]) {
		return phpFunc{}, unres
	}
	return phpFunc{}, ext
}

// call resolves the type a call lands in.
func (r *phpResolver) call(from int, ref facts.Ref) (res, string) {
	if ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return unres, ref.Member
	}
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprFunction {
		_, v := r.function(e.Name)
		return v, strings.TrimPrefix(e.Name, `\`) + "()"
	}
	recv := r.expr(from, ref.Recv)
	if recv.out != internal {
		return recv, describePHP(r.f, ref.Recv) + "->" + ref.Member
	}
	if recv.super && strings.EqualFold(ref.Member, "__construct") {
		if d, ok := r.findMethod(recv.id, ref.Member, true, true); ok {
			return res{id: d, out: internal}, ref.Member
		}
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	if d, ok := r.findMethod(recv.id, ref.Member, recv.super, false); ok {
		return res{id: d, out: internal}, ref.Member
	}
	if recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return res{id: sc, out: internal}, ref.Member
		}
		return ext, ref.Member
	}
	if r.ix.g.Types[recv.id].Kind == facts.Module {
		return unres, ref.Member
	}
	return res{id: recv.id, out: internal}, ref.Member
}

// describePHP renders a receiver expression for the unresolved-name
// report.
func describePHP(f *facts.File, i int) string { return describePHPN(f, i, maxDescribed) }

// describePHPN renders at most n steps of the chain, "…" for the rest.
func describePHPN(f *facts.File, i, n int) string {
	if n == 0 {
		return "…"
	}
	e := f.Exprs[i]
	switch e.Kind {
	case facts.ExprType, facts.ExprStatic:
		return e.Name
	case facts.ExprThis:
		return "$this"
	case facts.ExprSuper:
		return "parent"
	case facts.ExprField:
		if e.Base < 0 {
			return e.Name
		}
		return describePHPN(f, e.Base, n-1) + "->" + e.Name
	case facts.ExprCall:
		if e.Base >= 0 && f.Exprs[e.Base].Kind == facts.ExprFunction {
			return strings.TrimPrefix(f.Exprs[e.Base].Name, `\`) + "()"
		}
		return describePHPN(f, e.Base, n-1) + "->" + e.Name + "()"
	case facts.ExprFunction:
		return e.Name
	}
	return "?"
}

// findMethod looks a method up (without regard to case) in a type and its
// supertypes: parent classes, interfaces and traits. It returns the
// declaring type. With fromSuper the type itself is skipped; ctor looks
// for a constructor.
func (r *phpResolver) findMethod(id int, name string, fromSuper, ctor bool) (int, bool) {
	has := func(t int) bool {
		for _, m := range r.ix.typeFacts(t).Methods {
			if strings.EqualFold(m.Name, name) && m.Constructor == ctor {
				return true
			}
		}
		return false
	}
	if !fromSuper && has(id) {
		return id, true
	}
	for _, a := range r.ix.lineage[id] {
		if has(a) {
			return a, true
		}
	}
	return -1, false
}

// method returns the declaration of a method found by findMethod.
func (r *phpResolver) method(id int, name string) *facts.Method {
	t := r.ix.typeFacts(id)
	for i := range t.Methods {
		if strings.EqualFold(t.Methods[i].Name, name) && !t.Methods[i].Constructor {
			return &t.Methods[i]
		}
	}
	return nil
}

// findField looks a property or constant up in a type and its
// supertypes; it returns its type as written.
func (r *phpResolver) findField(id int, name string, fromSuper bool) (string, bool) {
	if !fromSuper {
		if t, ok := fieldOf(r.ix.typeFacts(id), name); ok {
			return t, true
		}
	}
	for _, a := range r.ix.lineage[id] {
		if t, ok := fieldOf(r.ix.typeFacts(a), name); ok {
			return t, true
		}
	}
	return "", false
}

// expr types receiver expression i, memoized.
func (r *phpResolver) expr(from, i int) res {
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = unres
	v := r.evalExpr(from, r.f.Exprs[i])
	r.vals[i] = v
	return v
}

func (r *phpResolver) evalExpr(from int, e facts.Expr) res {
	switch e.Kind {
	case facts.ExprType:
		return r.valueOf(e.Name, -1)
	case facts.ExprStatic:
		return r.class(e.Name)
	case facts.ExprThis:
		if from < 0 || r.ix.g.Types[from].Kind == facts.Module {
			return unres
		}
		return res{id: from, out: internal}
	case facts.ExprSuper:
		if from < 0 || r.ix.g.Types[from].Kind == facts.Module {
			return unres
		}
		return res{id: from, out: internal, super: true}
	case facts.ExprField:
		if e.Base < 0 {
			return unres
		}
		base := r.expr(from, e.Base)
		if base.out != internal {
			return base
		}
		t, ok := r.findField(base.id, e.Name, base.super)
		if !ok {
			if id, ok := r.registryModel(from, e.Name); ok {
				return res{id: id, out: internal}
			}
			if _, ok := r.findMethod(base.id, "__get", false, false); ok {
				return res{id: -1, out: dynamic}
			}
			return r.missing(base.id)
		}
		return r.valueOf(t, base.id)
	case facts.ExprCall:
		if e.Base < 0 {
			return unres
		}
		if b := r.f.Exprs[e.Base]; b.Kind == facts.ExprFunction {
			fn, v := r.function(b.Name)
			if v.out != internal {
				return v
			}
			return r.valueOf(r.ix.typeFacts(fn.typ).Methods[fn.method].Return, -1)
		}
		base := r.expr(from, e.Base)
		if base.out != internal {
			return base
		}
		d, ok := r.findMethod(base.id, e.Name, base.super, false)
		if !ok {
			return r.missing(base.id)
		}
		m := r.method(d, e.Name)
		if m == nil {
			return unres
		}
		return r.valueOf(m.Return, base.id)
	}
	return unres
}

// registryModel resolves a property an OpenCart-style loader sets
// ($this->model_catalog_product) to its model class, in the application
// of the calling class (Opencart\Admin\Controller\... calls
// Opencart\Admin\Model\...).
func (r *phpResolver) registryModel(from int, name string) (int, bool) {
	if from < 0 || !strings.HasPrefix(name, "model_") {
		return -1, false
	}
	root, _ := registryRoot(r.ix.g.Types[from].Name)
	id, ok := r.p.registry[root+"|"+strings.ToLower(name)]
	return id, ok && id >= 0
}

// registryRoot splits a class name at its Controller or Model segment:
// "Opencart.Admin.Controller.Catalog.Product" gives "Opencart.Admin" and
// the segments after, "Catalog.Product"; the global
// "ModelCatalogProduct" gives "" and "CatalogProduct".
func registryRoot(name string) (root, rest string) {
	segs := strings.Split(name, ".")
	for i, s := range segs[:len(segs)-1] {
		if s == "Controller" || s == "Model" {
			return strings.Join(segs[:i], "."), strings.Join(segs[i+1:], ".")
		}
	}
	if len(segs) == 1 {
		for _, p := range []string{"Model", "Controller"} {
			if r, ok := strings.CutPrefix(name, p); ok && r != "" && r[0] >= 'A' && r[0] <= 'Z' {
				return "", r
			}
		}
	}
	return "", ""
}

// registryKey is the key of a model class in phpIndex.registry.
func registryKey(name string) (string, bool) {
	segs := strings.Split(name, ".")
	isModel := len(segs) == 1 && strings.HasPrefix(name, "Model") || slices.Contains(segs[:len(segs)-1], "Model")
	root, rest := registryRoot(name)
	if !isModel || rest == "" {
		return "", false
	}
	var b strings.Builder
	b.WriteString("model")
	for _, seg := range strings.Split(rest, ".") {
		b.WriteByte('_')
		for i, c := range seg {
			if c >= 'A' && c <= 'Z' {
				if i > 0 && seg[i-1] != '_' {
					b.WriteByte('_')
				}
				c += 'a' - 'A'
			}
			b.WriteRune(c)
		}
	}
	return root + "|" + b.String(), true
}

// missing is the outcome of a member not found in a type of the
// repository: outside, if the type inherits from outside; else unknown.
func (r *phpResolver) missing(id int) res {
	if r.ix.outside[id] {
		return ext
	}
	return unres
}

// valueOf types a value of a type as package php writes it; static is
// the type self (the receiver whose method returned it).
func (r *phpResolver) valueOf(written string, self int) res {
	written = strings.TrimPrefix(written, "?")
	if written == "" || written == "void" || written == "never" {
		return unres
	}
	if strings.IndexByte(written, '|') >= 0 {
		// T|null is T; other unions are not followed.
		var only string
		for alt := range strings.SplitSeq(written, "|") {
			switch strings.ToLower(alt) {
			case "null", "false":
				continue
			}
			if only != "" {
				return unres
			}
			only = alt
		}
		written = only
	}
	if i := strings.IndexByte(written, '<'); i >= 0 {
		written = written[:i] // a PHPDoc generic: its class
	}
	switch {
	case written == "static":
		if self >= 0 {
			return res{id: self, out: internal}
		}
		return unres
	case strings.HasSuffix(written, "]") || strings.HasSuffix(written, "..."):
		return ext // an array
	case written == "" || strings.ContainsAny(written, "&{("):
		return unres
	case written[0] != '\\' && strings.IndexByte(written, '\\') < 0 && builtinPHPType(written):
		return ext
	}
	return r.class(written)
}

func builtinPHPType(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

// resolvePHPEntity resolves an entity named in PHP file fi (a class name
// as package php writes it) for the data side; -1 when it is not a class
// of the repository, or when every access of the file naming it is an
// Eloquent call and the class is not an Eloquent model (a static factory
// X::create() of another class is no access).
func (ix *index) resolvePHPEntity(fi int, name string) int {
	if ix.php == nil || name == "" {
		return -1
	}
	r := ix.php.newResolver(fi)
	v := r.class(name)
	if v.out != internal {
		return -1
	}
	eloquentOnly, named := true, false
	for _, d := range ix.g.Facts[fi].Data {
		if d.Entity == name {
			named = true
			if d.Via != "eloquent" {
				eloquentOnly = false
				break
			}
		}
	}
	if named && eloquentOnly && ix.php.via[v.id] != "eloquent" {
		return -1
	}
	return v.id
}

// phpClasses holds PHP's own classes and interfaces (the core and the
// common extensions), lower case: a global name among them is outside the
// repository.
var phpClasses = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`stdclass closure generator weakreference weakmap fiber
		exception errorexception error typeerror valueerror argumentcounterror arithmeticerror
		divisionbyzeroerror compileerror parseerror unhandledmatcherror
		logicexception badfunctioncallexception badmethodcallexception domainexception
		invalidargumentexception lengthexception outofrangeexception runtimeexception
		outofboundsexception overflowexception rangeexception underflowexception
		unexpectedvalueexception jsonexception
		traversable iterator iteratoraggregate arrayaccess countable serializable stringable
		throwable jsonserializable unitenum backedenum
		arrayobject arrayiterator recursivearrayiterator appenditerator cachingiterator
		callbackfilteriterator directoryiterator filesystemiterator filteriterator globiterator
		infiniteiterator iteratoriterator limititerator multipleiterator norewinditerator
		recursivedirectoryiterator recursiveiteratoriterator regexiterator emptyiterator
		splobjectstorage spldoublylinkedlist splqueue splstack splheap splminheap splmaxheap
		splpriorityqueue splfixedarray splfileinfo splfileobject spltempfileobject splsubject
		splobserver
		datetime datetimeimmutable datetimeinterface datetimezone dateinterval dateperiod
		pdo pdostatement pdoexception mysqli mysqli_result mysqli_stmt mysqli_sql_exception
		sqlite3 sqlite3result sqlite3stmt
		reflectionclass reflectionobject reflectionmethod reflectionproperty reflectionfunction
		reflectionnamedtype reflectionexception reflectionenum reflectionparameter reflectionattribute
		domdocument domelement domnode domnodelist domxpath domattr simplexmlelement xmlreader xmlwriter
		intldateformatter numberformatter collator locale normalizer transliterator
		curlfile curlhandle ziparchive phar soapclient soapserver soapfault
		redis memcached imagick gmp attribute returntypewillchange sensitiveparameter allowdynamicproperties
		override __php_incomplete_class`) {
		m[n] = true
	}
	return m
}()
