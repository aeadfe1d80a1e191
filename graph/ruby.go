package graph

// # Resolution (Ruby)
//
// A Ruby class or module is a type named by its full constant path, dots
// between the segments ("Admin.UsersController"; see package ruby). Ruby
// reopens classes and modules freely, so a name declared in several files
// (or twice in one) is one type: its canonical declaration is the one in
// the file where Zeitwerk, Rails' autoloader, would look for it (the file
// whose path under an autoload root is the name underscored:
// Admin::UsersController in app/controllers/admin/users_controller.rb),
// else the first. References resolve to the canonical declaration; the
// methods, constants, mixins and superclass of every declaration are the
// type's. Autoload roots are app/* (and app/*/concerns) and lib/, at any
// depth, so that Rails engines, packwerk packs (packs/*/app/*,
// components/*/app/*) and gems in the tree are covered.
//
// A constant is looked up as Ruby does: in the lexical scope of the code
// that names it (Module.nesting: the class or module it is written in and
// those opened around it, innermost first, which a compact `class
// Admin::Users` does not include Admin in), then in the ancestors of the
// innermost one, then at the top level. The rest of a path (Foo::Bar::Baz)
// is looked up in what the first segment names, and its ancestors. A
// superclass is looked up in the scope around its class. A name is a type
// of the repository, a namespace (a module only opened around other
// declarations, or the directory Zeitwerk makes a module of), a constant
// holding a value (`Foo::LIMIT`: a type-use of Foo, the only way Ruby code
// names a class it does not call), or a constant Zeitwerk would load from
// a file of the repository that declares it in a way the parser does not
// read: internal, with no edge for the last three. Anything else is
// external when its first segment is one of Ruby's, Rails' or a common
// gem's top-level constants (ruby.KnownExternal), or when the code's class
// has ancestors outside the repository (an inherited constant); else it
// is unresolved. No edge is guessed.
//
// Mixins: include and prepend put the module among the instance methods'
// ancestors, extend among the class methods'; a concern's class_methods,
// and a nested ClassMethods module, are class methods of the classes that
// include it. Each mixin is an implements edge, the superclass an extends
// edge.
//
// Calls: a receiver is typed from the facts' expressions: a constant is
// the class itself, Const.new an instance of it; an instance variable's
// class is the one every assignment gives it (see package ruby), a
// method's the one its Return names. On an ActiveRecord model (a class
// whose ancestors reach ActiveRecord::Base, or an ApplicationRecord the
// repository does not declare), the finders (find, find_by, first,
// create...) give an instance, the query methods (where, order, a scope)
// a relation of the model, an association reader an instance (belongs_to,
// has_one) or a relation (has_many) of the associated model. A call lands
// on the repository type that declares the method, looked up through the
// receiver's ancestors; when none does, on the receiver's class (Rails'
// methods of a model: Order.where is a call on Order); on a relation, only
// a scope or class method of the model is an edge. A call on a value the
// analysis cannot type (the result of a method without a known class, see
// package ruby) is not counted. A call without receiver that no ancestor
// declares is external when it is one of Kernel's or the class has
// ancestors outside the repository, else unresolved.
//
// Associations are type-use edges from the declaring class to the
// associated one, whose class_name resolves as ActiveRecord resolves it:
// in the namespaces of the declaring class's name, innermost first, then
// at the top level.
//
// # Data (Ruby)
//
// The table of an ActiveRecord model is the one `self.table_name =` names
// (package ruby), else ActiveRecord's rule: the table name prefix (of the
// nearest enclosing module that defines table_name_prefix, else the class
// attribute, inherited from the superclasses), the singular table of an
// enclosing model class and "_" when it is nested in one, the class's
// demodulized name underscored and pluralized by ActiveSupport's
// inflections, and the suffix. An abstract class has none; a subclass of a
// model (single-table inheritance) uses its base class's table. Foreign
// keys follow the associations: belongs_to from the class's table to the
// associated one's, has_one and has_many (without through: or as:) from
// the associated table to the class's, has_and_belongs_to_many from the
// join table to both. These mappings are added to the facts of the file
// that declares the model (a copy: the parser's facts are not changed), as
// tables with Via "activerecord", before the data side is built.

import (
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/ruby"
)

// rbIndex holds what Ruby resolution needs across files.
type rbIndex struct {
	ix     *index
	byName map[string][]int // full name -> Ruby declarations, in file order
	canon  []int            // per type: the canonical declaration (Ruby types), else itself
	parts  map[int][]int    // canonical -> its declarations, when there are several
	// namespaces are modules known only by name: opened around other
	// declarations, or made by Zeitwerk of a directory.
	namespaces map[string]bool
	// autoload maps the path of a Ruby file under an autoload root,
	// without ".rb" ("admin/users_controller"), to the file.
	autoload map[string]int

	superName map[int]string // canonical -> superclass as written, when outside the repository or unresolved
	includes  map[int][]int  // canonical -> included modules, in order
	prepends  map[int][]int
	extends   map[int][]int
	hosts     map[int][]int // canonical module -> the types that mix it in
	instOut   []bool        // per canonical type: instance methods may come from outside the repository
	singOut   []bool        // the same for class methods
	supers    map[[2]int]rbConst

	instAnc, singAnc [][]anc // per canonical type, memoized: method lookup order

	model    []int8   // per canonical type: 1 model, -1 not, 0 unknown yet
	table    []string // per canonical type: the model's table
	tableSet []bool
}

// anc is a type whose methods a lookup visits: its class methods (static)
// or its instance methods.
type anc struct {
	id     int
	static bool
}

// rbConst is what a constant names.
type rbConst struct {
	out  outcome
	kind uint8 // when internal: cType, cValue (a constant of type id), cSpace (namespace or file)
	id   int
}

const (
	cType uint8 = iota
	cValue
	cSpace
)

var (
	rbUnres = rbConst{out: unresolved, id: -1}
	rbExt   = rbConst{out: external, id: -1}
)

func (ix *index) isRuby(id int) bool { return ix.g.Facts[ix.g.Types[id].File].Language == "ruby" }

// newRubyIndex builds the Ruby index, resolves superclasses and mixins
// into the index's supertypes and adds the ActiveRecord mappings to the
// facts. It runs after resolveSupertypes.
func newRubyIndex(ix *index) *rbIndex {
	g := ix.g
	found := false
	for _, f := range g.Facts {
		if f.Language == "ruby" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	rb := &rbIndex{ix: ix, byName: map[string][]int{}, parts: map[int][]int{}, namespaces: map[string]bool{},
		autoload: map[string]int{}, superName: map[int]string{}, includes: map[int][]int{}, prepends: map[int][]int{},
		extends: map[int][]int{}, hosts: map[int][]int{}, supers: map[[2]int]rbConst{}}
	n := len(g.Types)
	rb.canon = make([]int, n)
	for id := range rb.canon {
		rb.canon[id] = id
	}
	for fi, f := range g.Facts {
		if f.Language != "ruby" {
			continue
		}
		if rel, ok := autoloadPath(f.Path); ok {
			if _, dup := rb.autoload[rel]; !dup {
				rb.autoload[rel] = fi
			}
			for d := path2ns(rel); d != ""; d = parentName(d) {
				rb.namespaces[d] = true
			}
		}
		for _, id := range ix.typeIDs[fi] {
			t := g.Types[id]
			rb.byName[t.Name] = append(rb.byName[t.Name], id)
			for p := parentName(t.Name); p != ""; p = parentName(p) {
				rb.namespaces[p] = true
			}
			for _, nest := range ix.typeFacts(id).Nesting {
				for p := nest; p != ""; p = parentName(p) {
					rb.namespaces[p] = true
				}
			}
		}
	}
	// Canonical declarations.
	for name, ids := range rb.byName {
		if len(ids) == 1 {
			continue
		}
		c := ids[0]
		want := ruby.Underscore(strings.ReplaceAll(name, ".", "::"))
		for _, id := range ids {
			if rel, ok := autoloadPath(g.Files[g.Types[id].File].Path); ok && rel == want {
				c = id
				break
			}
		}
		ps := slices.Clone(ids)
		slices.Sort(ps)
		rb.parts[c] = ps
		for _, id := range ids {
			rb.canon[id] = c
		}
	}
	var dups []string
	for _, name := range ix.duplicates {
		if ids := ix.byName[name]; len(ids) > 0 && !ix.isRuby(ids[0]) {
			dups = append(dups, name)
		}
	}
	ix.duplicates = dups
	rb.instOut = make([]bool, n)
	rb.singOut = make([]bool, n)
	rb.instAnc = make([][]anc, n)
	rb.singAnc = make([][]anc, n)
	rb.model = make([]int8, n)
	rb.table = make([]string, n)
	rb.tableSet = make([]bool, n)
	rb.resolveSupers()
	rb.addMappings()
	return rb
}

// autoloadPath returns the path of a Ruby file relative to the autoload
// root it is under, without ".rb": app/models/admin/user.rb ->
// admin/user; app/models/concerns/taggable.rb -> taggable;
// lib/billing/gateway.rb -> billing/gateway.
func autoloadPath(p string) (string, bool) {
	if !strings.HasSuffix(p, ".rb") {
		return "", false
	}
	segs := strings.Split(strings.TrimSuffix(p, ".rb"), "/")
	start := -1
	for k := 0; k < len(segs)-1; k++ {
		switch segs[k] {
		case "app":
			if k+2 < len(segs) {
				start = k + 2
				if segs[k+2] == "concerns" && k+3 < len(segs) {
					start = k + 3
				}
			}
		case "lib":
			start = k + 1
		}
	}
	if start < 0 || start >= len(segs) {
		return "", false
	}
	return strings.Join(segs[start:], "/"), true
}

// path2ns returns the namespace a file's directory makes under Zeitwerk
// ("admin/users" -> "Admin"), as a dotted name.
func path2ns(rel string) string {
	i := strings.LastIndexByte(rel, '/')
	if i < 0 {
		return ""
	}
	return dotted(ruby.Camelize(rel[:i]))
}

func dotted(name string) string {
	return strings.ReplaceAll(strings.TrimPrefix(name, "::"), "::", ".")
}

func parentName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return ""
}

func lastName(name string) string { return name[strings.LastIndexByte(name, '.')+1:] }

// partsOf returns the declarations of a Ruby type.
func (rb *rbIndex) partsOf(id int) []int {
	if ps, ok := rb.parts[rb.canon[id]]; ok {
		return ps
	}
	return []int{id}
}

// lookup returns the canonical Ruby type of a full name.
func (rb *rbIndex) lookup(name string) (int, bool) {
	ids := rb.byName[name]
	if len(ids) == 0 {
		return -1, false
	}
	return rb.canon[ids[0]], true
}

// resolveSupers resolves superclasses and mixins of every Ruby type.
func (rb *rbIndex) resolveSupers() {
	ix, g := rb.ix, rb.ix.g
	for id := range g.Types {
		if ix.isRuby(id) {
			ix.supers[id], ix.superclass[id], ix.outside[id] = nil, -1, false
		}
	}
	// Superclasses first: mixins are looked up with them. A class's
	// superclass is the one its canonical declaration names, else the
	// first another declaration names (Ruby refuses two different ones:
	// the other is in another program of the tree, a script).
	type superOf struct {
		v    rbConst
		name string
	}
	declSuper := map[int]superOf{}
	for _, pass := range []facts.RefKind{facts.Extends, facts.Implements} {
		if pass == facts.Implements {
			for id := range g.Types {
				if !ix.isRuby(id) || rb.canon[id] != id {
					continue
				}
				sup, ok := declSuper[id]
				for _, p := range rb.partsOf(id) {
					if !ok {
						sup, ok = declSuper[p]
					}
				}
				switch {
				case !ok:
				case sup.v.out == internal && sup.v.kind == cType && sup.v.id != id:
					ix.superclass[id] = sup.v.id
				case sup.v.out != internal:
					rb.superName[id] = sup.name
					rb.instOut[id], rb.singOut[id] = true, true
				}
			}
		}
		for fi, f := range g.Facts {
			if f.Language != "ruby" {
				continue
			}
			for ri, ref := range f.Refs {
				if ref.Kind != pass || ref.From < 0 || ref.From >= len(ix.typeIDs[fi]) {
					continue
				}
				decl := ix.typeIDs[fi][ref.From]
				c := rb.canon[decl]
				if pass == facts.Extends {
					v := rb.constant(decl, ref.Name, false)
					rb.supers[[2]int{fi, ri}] = v
					if _, ok := declSuper[decl]; !ok {
						declSuper[decl] = superOf{v, ref.Name}
					}
					continue
				}
				v := rb.constant(decl, ref.Name, true)
				rb.supers[[2]int{fi, ri}] = v
				if v.out != internal || v.kind != cType {
					if ref.Member == "extend" {
						rb.singOut[c] = true
					} else {
						rb.instOut[c] = true
					}
					continue
				}
				if v.id == c {
					continue
				}
				rb.hosts[v.id] = appendOnce(rb.hosts[v.id], c)
				switch ref.Member {
				case "prepend":
					rb.prepends[c] = appendOnce(rb.prepends[c], v.id)
				case "extend":
					rb.extends[c] = appendOnce(rb.extends[c], v.id)
				default:
					rb.includes[c] = appendOnce(rb.includes[c], v.id)
				}
			}
		}
	}
	// Lookups made while the mixins were being resolved saw some of them.
	clear(rb.instAnc)
	clear(rb.singAnc)
	// The index's view: superclass, then mixins, for every declaration.
	for id := range g.Types {
		if !ix.isRuby(id) || rb.canon[id] != id {
			continue
		}
		var s []int
		if sc := ix.superclass[id]; sc >= 0 {
			s = append(s, sc)
		}
		for _, m := range [][]int{rb.prepends[id], rb.includes[id], rb.extends[id]} {
			for _, x := range m {
				s = appendOnce(s, x)
			}
		}
		for _, p := range rb.partsOf(id) {
			ix.supers[p], ix.superclass[p] = s, ix.superclass[id]
		}
	}
	ix.computeLineage()
	// A class or module of a library that the repository reopens (a patch
	// of ActiveRecord::Base, String) has its methods outside.
	for id := range g.Types {
		if ix.isRuby(id) && rb.canon[id] == id {
			if first, _, _ := strings.Cut(g.Types[id].Name, "."); ruby.KnownExternal(first) {
				rb.instOut[id], rb.singOut[id] = true, true
			}
		}
	}
	// Outside ancestors propagate.
	for id := range g.Types {
		if !ix.isRuby(id) || rb.canon[id] != id {
			continue
		}
		io, so := false, false
		for _, a := range rb.instAncestors(id) {
			io = io || rb.instOut[a.id]
		}
		for _, a := range rb.singAncestors(id) {
			so = so || rb.singOut[a.id] || a.static && rb.instOut[a.id] && ix.g.Types[a.id].Kind == facts.Class
		}
		for _, p := range rb.partsOf(id) {
			ix.outside[p] = io || so
		}
		rb.instOut[id], rb.singOut[id] = io, so
	}
}

// instAncestors returns the types whose instance methods an instance of
// canonical type id has, in lookup order: its prepended modules, itself,
// its included modules (the last included first, each with its own), then
// its superclass's.
func (rb *rbIndex) instAncestors(id int) []anc {
	if rb.instAnc[id] != nil {
		return rb.instAnc[id]
	}
	rb.instAnc[id] = []anc{} // cycle guard
	var out []anc
	seen := map[int]bool{}
	var module func(m int, depth int)
	module = func(m int, depth int) {
		if seen[m] || depth > 20 {
			return
		}
		seen[m] = true
		ps := rb.prepends[m]
		for k := len(ps) - 1; k >= 0; k-- {
			module(ps[k], depth+1)
		}
		out = append(out, anc{id: m})
		is := rb.includes[m]
		for k := len(is) - 1; k >= 0; k-- {
			module(is[k], depth+1)
		}
	}
	for c, depth := id, 0; c >= 0 && depth < 50; c, depth = rb.ix.superclass[c], depth+1 {
		module(c, 0)
	}
	rb.instAnc[id] = out
	return out
}

// singAncestors returns the types whose methods are class methods of
// canonical type id: its own and its superclasses' class methods, the
// modules they extend, and the class methods of the concerns they include
// (class_methods, a nested ClassMethods module).
func (rb *rbIndex) singAncestors(id int) []anc {
	if rb.singAnc[id] != nil {
		return rb.singAnc[id]
	}
	rb.singAnc[id] = []anc{}
	var out []anc
	seen := map[anc]bool{}
	add := func(a anc) {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	for c, depth := id, 0; c >= 0 && depth < 50; c, depth = rb.ix.superclass[c], depth+1 {
		add(anc{id: c, static: true})
		es := rb.extends[c]
		for k := len(es) - 1; k >= 0; k-- {
			for _, a := range rb.instAncestors(es[k]) {
				add(a)
			}
		}
		is := rb.includes[c]
		for k := len(is) - 1; k >= 0; k-- {
			m := is[k]
			add(anc{id: m, static: true})
			if cm, ok := rb.lookup(rb.ix.g.Types[m].Name + ".ClassMethods"); ok {
				for _, a := range rb.instAncestors(cm) {
					add(a)
				}
			}
		}
	}
	rb.singAnc[id] = out
	return out
}

// declares reports whether a type (any declaration) declares a method of
// that name, static or not.
func (rb *rbIndex) declares(id int, name string, static bool) (*facts.Method, bool) {
	for _, p := range rb.partsOf(id) {
		t := rb.ix.typeFacts(p)
		for k := range t.Methods {
			if m := &t.Methods[k]; m.Name == name && m.Static == static {
				return m, true
			}
		}
		if !static {
			for _, a := range t.Associations {
				if a.Name == name || a.Name+"=" == name {
					return nil, true
				}
			}
		}
	}
	return nil, false
}

// findMethod looks a method up from canonical type id: among its class
// methods (static) or instance methods. It returns the declaring type and
// the method (nil for an association reader).
func (rb *rbIndex) findMethod(id int, name string, static bool) (int, *facts.Method, bool) {
	ancs := rb.instAncestors(id)
	if static {
		ancs = rb.singAncestors(id)
	}
	for _, a := range ancs {
		if m, ok := rb.declares(a.id, name, a.static); ok {
			return a.id, m, true
		}
	}
	return -1, nil, false
}

// hostMethod decides a method a module's code calls on self without
// declaring it: a method of the classes that mix the module in. Declared
// by one of them, it is internal, with no edge (each host may declare its
// own); with no host in the repository (a Rails helper, mixed into views
// by the framework) or a host with ancestors outside, external; else
// unresolved.
func (rb *rbIndex) hostMethod(module int, name string) rbConst {
	seen := map[int]bool{module: true}
	queue := slices.Clone(rb.hosts[module])
	if len(queue) == 0 {
		return rbExt
	}
	outside := false
	for len(queue) > 0 && len(seen) < 200 {
		h := queue[0]
		queue = queue[1:]
		if seen[h] {
			continue
		}
		seen[h] = true
		for _, static := range []bool{false, true} {
			if _, _, ok := rb.findMethod(h, name, static); ok {
				return rbConst{out: internal, kind: cSpace, id: -1}
			}
		}
		outside = outside || rb.instOut[h] || rb.singOut[h]
		queue = append(queue, rb.hosts[h]...)
	}
	if outside {
		return rbExt
	}
	return rbUnres
}

// --- constants ---

// crefOf returns the lexical scope of code in declaration decl (-1: the
// top level), innermost first: the declaration's own name (when self) and
// its nesting.
func (rb *rbIndex) crefOf(decl int, self bool) []string {
	if decl < 0 {
		return nil
	}
	t := rb.ix.typeFacts(decl)
	out := make([]string, 0, len(t.Nesting)+1)
	if self {
		out = append(out, rb.ix.g.Types[decl].Name)
	}
	return append(out, t.Nesting...)
}

// find looks up a full name: a type, a namespace, a file Zeitwerk would
// load it from.
func (rb *rbIndex) find(full string) (rbConst, bool) {
	if id, ok := rb.lookup(full); ok {
		return rbConst{out: internal, kind: cType, id: id}, true
	}
	if rb.namespaces[full] {
		return rbConst{out: internal, kind: cSpace, id: -1}, true
	}
	if _, ok := rb.autoload[ruby.Underscore(strings.ReplaceAll(full, ".", "::"))]; ok {
		return rbConst{out: internal, kind: cSpace, id: -1}, true
	}
	return rbConst{}, false
}

// member looks up the constant seg in what c names (full name scope): a
// nested type or namespace, a constant of the type, or of its ancestors.
func (rb *rbIndex) member(c rbConst, scope, seg string) (rbConst, string, bool) {
	full := joinName(scope, seg)
	if v, ok := rb.find(full); ok {
		return v, full, true
	}
	if c.kind != cType {
		return rbConst{}, "", false
	}
	if rb.hasConstant(c.id, seg) {
		return rbConst{out: internal, kind: cValue, id: c.id}, full, true
	}
	for _, a := range rb.instAncestors(c.id)[1:] {
		an := rb.ix.g.Types[a.id].Name
		if v, ok := rb.find(joinName(an, seg)); ok {
			return v, joinName(an, seg), true
		}
		if rb.hasConstant(a.id, seg) {
			return rbConst{out: internal, kind: cValue, id: a.id}, joinName(an, seg), true
		}
	}
	return rbConst{}, "", false
}

// hasConstant reports whether a type (any declaration) assigns the
// constant name.
func (rb *rbIndex) hasConstant(id int, name string) bool {
	for _, p := range rb.partsOf(id) {
		for _, f := range rb.ix.typeFacts(p).Fields {
			if f.Static && f.Name == name {
				return true
			}
		}
	}
	return false
}

// constant resolves a constant path as written ("Foo::Bar", "::Top",
// also "Foo.Bar") in the code of declaration decl (-1: top level); self
// says whether decl itself is in the lexical scope (not for its
// superclass).
func (rb *rbIndex) constant(decl int, name string, self bool) rbConst {
	absolute := strings.HasPrefix(name, "::")
	segs := strings.Split(dotted(name), ".")
	if len(segs) == 0 || segs[0] == "" {
		return rbUnres
	}
	var cur rbConst
	var scope string
	found := false
	if !absolute {
		for _, n := range rb.crefOf(decl, self) {
			if v, s, ok := rb.lexical(n, segs[0]); ok {
				cur, scope, found = v, s, true
				break
			}
		}
		if !found && decl >= 0 {
			c := rb.canon[decl]
			if !self {
				if sc := rb.ix.superclass[c]; sc >= 0 {
					c = sc
				} else {
					c = -1
				}
			}
			if c >= 0 {
				for _, a := range rb.instAncestors(c) {
					an := rb.ix.g.Types[a.id].Name
					if id, ok := rb.lookup(joinName(an, segs[0])); ok {
						cur, scope, found = rbConst{out: internal, kind: cType, id: id}, joinName(an, segs[0]), true
						break
					}
					if rb.hasConstant(a.id, segs[0]) {
						cur, scope, found = rbConst{out: internal, kind: cValue, id: a.id}, joinName(an, segs[0]), true
						break
					}
				}
			}
		}
	}
	if !found {
		if v, ok := rb.find(segs[0]); ok {
			cur, scope, found = v, segs[0], true
		}
	}
	if !found {
		return rb.outsideName(decl, segs[0])
	}
	for _, seg := range segs[1:] {
		if cur.kind == cValue {
			return cur // Foo::BAR.baz: a value's constant; the edge is to Foo
		}
		v, s, ok := rb.member(cur, scope, seg)
		if !ok {
			if cur.kind == cType && (rb.instOut[cur.id] || rb.singOut[cur.id]) || ruby.KnownExternal(segs[0]) {
				// A constant of a class outside, or of a library's
				// namespace the repository reopens (module ActiveRecord in a
				// patch): ActiveRecord::Migration.
				return rbExt
			}
			return rbUnres
		}
		cur, scope = v, s
	}
	return cur
}

// lexical looks the first segment of a name up in one lexical scope n.
func (rb *rbIndex) lexical(n, seg string) (rbConst, string, bool) {
	full := joinName(n, seg)
	if v, ok := rb.find(full); ok {
		return v, full, true
	}
	if id, ok := rb.lookup(n); ok && rb.hasConstant(id, seg) {
		return rbConst{out: internal, kind: cValue, id: id}, full, true
	}
	return rbConst{}, "", false
}

// outsideName decides a first segment the repository does not declare.
func (rb *rbIndex) outsideName(decl int, first string) rbConst {
	if ruby.KnownExternal(first) {
		return rbExt
	}
	if decl >= 0 {
		c := rb.canon[decl]
		if rb.instOut[c] || rb.singOut[c] {
			return rbExt // a constant of an ancestor outside
		}
		for _, n := range rb.ix.typeFacts(decl).Nesting {
			if id, ok := rb.lookup(n); ok && (rb.instOut[id] || rb.singOut[id]) {
				return rbExt
			}
		}
	}
	return rbUnres
}

// --- ActiveRecord ---

// isModel reports whether canonical type id is an ActiveRecord model.
func (rb *rbIndex) isModel(id int) bool {
	if id < 0 {
		return false
	}
	switch rb.model[id] {
	case 1:
		return true
	case -1:
		return false
	}
	rb.model[id] = -1 // cycle guard
	yes := false
	if rb.ix.g.Types[id].Name == "ActiveRecord.Base" {
		yes = true // reopened by the repository (a patch): still the root of the models
	} else if rb.ix.g.Types[id].Kind == facts.Class {
		if s, ok := rb.superName[id]; ok {
			switch strings.TrimPrefix(s, "::") {
			case "ActiveRecord::Base", "ApplicationRecord":
				yes = true
			}
		} else {
			yes = rb.isModel(rb.ix.superclass[id])
		}
	}
	if yes {
		rb.model[id] = 1
	}
	return yes
}

func (rb *rbIndex) abstract(id int) bool {
	for _, p := range rb.partsOf(id) {
		if rb.ix.typeFacts(p).Abstract {
			return true
		}
	}
	return false
}

// attribute returns the value of an ActiveRecord class attribute set in a
// type's body (a static field with a value).
func (rb *rbIndex) attribute(id int, name string) (string, bool) {
	for _, p := range rb.partsOf(id) {
		for _, f := range rb.ix.typeFacts(p).Fields {
			if f.Static && f.Name == name {
				return f.Value, true
			}
		}
	}
	return "", false
}

// explicitTable returns the table a model's own code names.
func (rb *rbIndex) explicitTable(id int) (string, bool) {
	for _, p := range rb.partsOf(id) {
		t := rb.ix.g.Types[p]
		for _, tab := range rb.ix.g.Facts[t.File].Tables {
			if tab.Entity == t.Fact && tab.Name != "" && tab.Via == "activerecord" {
				return tab.Name, true
			}
		}
	}
	return "", false
}

// tableOf returns the table of canonical model id ("" for an abstract
// class or no model).
func (rb *rbIndex) tableOf(id int) string {
	if id < 0 || !rb.isModel(id) || rb.abstract(id) || rb.ix.g.Types[id].Name == "ActiveRecord.Base" {
		return ""
	}
	if rb.tableSet[id] {
		return rb.table[id]
	}
	rb.tableSet[id] = true // cycle guard
	t := ""
	if name, ok := rb.explicitTable(id); ok {
		t = name
	} else if sc := rb.ix.superclass[id]; sc >= 0 && rb.tableOf(sc) != "" {
		t = rb.tableOf(sc) // single-table inheritance
	} else {
		name := rb.ix.g.Types[id].Name
		contained := ""
		if p, ok := rb.lookup(parentName(name)); ok && rb.ix.g.Types[p].Kind == facts.Class && rb.isModel(p) && !rb.abstract(p) {
			if pt := rb.tableOf(p); pt != "" {
				contained = ruby.Singularize(pt) + "_"
			}
		}
		base := ruby.Underscore(lastName(name))
		if v, ok := rb.inherited(id, "pluralize_table_names"); !ok || v != "false" {
			base = ruby.Pluralize(base)
		}
		t = rb.affix(id, "table_name_prefix") + contained + base + rb.affix(id, "table_name_suffix")
	}
	rb.table[id] = strings.ToLower(t)
	return rb.table[id]
}

// affix returns a model's table_name_prefix (or suffix): the nearest
// enclosing module's that defines it, else the class attribute.
func (rb *rbIndex) affix(id int, attr string) string {
	for p := parentName(rb.ix.g.Types[id].Name); p != ""; p = parentName(p) {
		if m, ok := rb.lookup(p); ok {
			if v, ok := rb.attribute(m, attr); ok {
				return v
			}
		}
	}
	v, _ := rb.inherited(id, attr)
	return v
}

// inherited returns a class attribute set in a class or its superclasses.
func (rb *rbIndex) inherited(id int, attr string) (string, bool) {
	for c, depth := id, 0; c >= 0 && depth < 50; c, depth = rb.ix.superclass[c], depth+1 {
		if v, ok := rb.attribute(c, attr); ok {
			return v, true
		}
	}
	return "", false
}

// association resolves the class of an association declared by type
// decl, as ActiveRecord's compute_type does: in the namespaces of the
// declaring class's name, innermost first, then at the top level.
func (rb *rbIndex) association(decl int, class string) rbConst {
	if class == "" {
		return rbUnres
	}
	if strings.HasPrefix(class, "::") {
		return rb.constant(-1, class, false)
	}
	d := dotted(class)
	for n := rb.ix.g.Types[decl].Name; ; n = parentName(n) {
		if id, ok := rb.lookup(joinName(n, d)); ok {
			return rbConst{out: internal, kind: cType, id: id}
		}
		if n == "" {
			break
		}
	}
	first, _, _ := strings.Cut(d, ".")
	if ruby.KnownExternal(first) {
		return rbExt
	}
	return rbUnres
}

// addMappings adds, to copies of the facts of the files that declare
// ActiveRecord models, their tables and the foreign keys of their
// associations.
func (rb *rbIndex) addMappings() {
	ix, g := rb.ix, rb.ix.g
	extra := map[int][]facts.Table{}
	abs := func(id int) string { return "::" + strings.ReplaceAll(g.Types[id].Name, ".", "::") }
	for id := range g.Types {
		if !ix.isRuby(id) || rb.canon[id] != id || !rb.isModel(id) {
			continue
		}
		t := rb.tableOf(id)
		if t == "" {
			continue
		}
		if _, ok := rb.explicitTable(id); ok && rb.ownsExplicit(id) {
			continue
		}
		ty := g.Types[id]
		extra[ty.File] = append(extra[ty.File], facts.Table{Name: t, Kind: facts.BaseTable, Entity: ty.Fact, Line: ty.Line, Via: "activerecord"})
	}
	for fi, f := range g.Facts {
		if f.Language != "ruby" {
			continue
		}
		for ti, tf := range f.Types {
			decl := ix.typeIDs[fi][ti]
			c := rb.canon[decl]
			own := rb.tableOf(c)
			if own == "" {
				continue
			}
			for _, a := range tf.Associations {
				v := rb.association(decl, a.Class)
				if v.out != internal || v.kind != cType {
					continue
				}
				other := rb.tableOf(v.id)
				if other == "" {
					continue
				}
				switch a.Macro {
				case "belongs_to":
					col := a.ForeignKey
					if col == "" {
						col = a.Name + "_id"
					}
					extra[fi] = append(extra[fi], facts.Table{Entity: -1, EntityName: abs(c), Line: a.Line, Via: "activerecord",
						ForeignKeys: []facts.ForeignKey{{Columns: []string{col}, Table: other, Line: a.Line}}})
				case "has_one", "has_many":
					if a.Through != "" || a.As != "" {
						continue
					}
					col := a.ForeignKey
					if col == "" {
						col = ruby.Underscore(lastName(g.Types[c].Name)) + "_id"
					}
					extra[fi] = append(extra[fi], facts.Table{Entity: -1, EntityName: abs(v.id), Line: a.Line, Via: "activerecord",
						ForeignKeys: []facts.ForeignKey{{Columns: []string{col}, Table: own, Line: a.Line}}})
				case "has_and_belongs_to_many":
					join := a.JoinTable
					if join == "" {
						join = ruby.JoinTableName(own, other)
					}
					extra[fi] = append(extra[fi], facts.Table{Name: strings.ToLower(join), Kind: facts.BaseTable, Entity: -1, Line: a.Line, Via: "activerecord",
						ForeignKeys: []facts.ForeignKey{{Table: own, Line: a.Line}, {Table: other, Line: a.Line}}})
				}
			}
		}
	}
	if len(extra) == 0 {
		return
	}
	g.Facts = slices.Clone(g.Facts)
	for fi, ts := range extra {
		nf := *g.Facts[fi]
		nf.Tables = append(slices.Clip(nf.Tables), ts...)
		g.Facts[fi] = &nf
	}
}

// ownsExplicit reports whether the canonical declaration itself holds the
// explicit table_name (else the canonical type needs a mapping of its
// own: the data side maps the declaration that names the table).
func (rb *rbIndex) ownsExplicit(id int) bool {
	t := rb.ix.g.Types[id]
	for _, tab := range rb.ix.g.Facts[t.File].Tables {
		if tab.Entity == t.Fact && tab.Name != "" && tab.Via == "activerecord" {
			return true
		}
	}
	return false
}

// resolveRubyEntity resolves a Ruby constant naming an entity (as written,
// "::" or "." separated) in the code of type from (-1: the top level).
func (ix *index) resolveRubyEntity(fi, from int, name string) int {
	if ix.rb == nil {
		return -1
	}
	if from >= 0 && !ix.isRuby(from) {
		from = -1
	}
	name, hops, _ := strings.Cut(name, "#")
	var scopes []string
	for k := 0; k+1 < len(name); k++ {
		if c := name[k+1]; name[k] == '.' && (c >= 'a' && c <= 'z' || c == '_') {
			// Order.recent.paid: scopes of the model, from package ruby.
			scopes = strings.Split(name[k+1:], ".")
			name = name[:k]
			break
		}
	}
	v := ix.rb.constant(from, name, true)
	if v.out != internal || v.kind != cType {
		return -1
	}
	id := ix.rb.hostModel(v.id)
	for _, sc := range scopes {
		if _, m, ok := ix.rb.findMethod(id, sc, true); !ok || m == nil || m.Return != "ActiveRecord::Relation" {
			return -1
		}
	}
	// Owner#orders#line_items: the classes the associations reach.
	for hops != "" {
		var hop string
		hop, hops, _ = strings.Cut(hops, "#")
		r := &rbResolver{rb: ix.rb, ix: ix}
		a, decl, ok := r.assoc(id, hop)
		if !ok {
			return -1
		}
		t := ix.rb.association(decl, a.Class)
		if t.out != internal || t.kind != cType {
			return -1
		}
		id = t.id
	}
	return id
}

// hostModel returns, for a module that one model alone mixes in (a
// concern of Issue), that model: self in the module's code is a record (or
// the class) of it. Anything else is returned as it is.
func (rb *rbIndex) hostModel(id int) int {
	if rb.ix.g.Types[id].Kind != facts.Module {
		return id
	}
	found := -1
	seen := map[int]bool{id: true}
	queue := slices.Clone(rb.hosts[id])
	for len(queue) > 0 && len(seen) < 200 {
		h := queue[0]
		queue = queue[1:]
		if seen[h] {
			continue
		}
		seen[h] = true
		switch {
		case rb.tableOf(h) != "":
			if found >= 0 && rb.tableOf(found) != rb.tableOf(h) {
				return id // several models: which one is self is known only at run time
			}
			if found < 0 {
				found = h
			}
		case rb.ix.g.Types[h].Kind == facts.Module:
			queue = append(queue, rb.hosts[h]...)
		}
	}
	if found >= 0 {
		return found
	}
	return id
}

// --- resolution of a file ---

// rbVal is the value of a receiver expression.
type rbVal struct {
	k  uint8
	id int
}

const (
	vUnknown uint8 = iota // a value the analysis cannot type: not counted
	vClass                // the class id itself
	vInst                 // an instance of id
	vRel                  // a relation of model id
	vExt                  // something outside the repository
	vUnres                // a name that did not resolve
	vSpace                // a namespace of the repository
)

type rbResolver struct {
	rb     *rbIndex
	ix     *index
	fi     int
	f      *facts.File
	ids    []int
	vals   []rbVal
	done   []bool
	static bool // the context of the reference being resolved
	cache  map[nameKey]rbConst
}

// resolveRuby resolves the references of Ruby file fi.
func (ix *index) resolveRuby(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	rb := ix.rb
	if rb == nil {
		return out
	}
	f := ix.g.Facts[fi]
	r := &rbResolver{rb: rb, ix: ix, fi: fi, f: f, ids: ix.typeIDs[fi], cache: map[nameKey]rbConst{}}
	count := func(kind EdgeKind, self int, target rbConst, what, member string, line int) {
		o := out.byKind[kind]
		switch target.out {
		case internal:
			o.Internal++
			if self >= 0 && (target.kind == cType || target.kind == cValue) && target.id >= 0 && target.id != rb.canon[self] {
				out.deps = append(out.deps, Dep{From: self, To: target.id, Kind: kind, Member: member, Count: 1, Line: line})
			}
		case external:
			o.External++
		default:
			o.Unresolved++
			out.unresolved[what]++
		}
		out.byKind[kind] = o
	}
	for ri, ref := range f.Refs {
		self := -1
		if ref.From >= 0 && ref.From < len(r.ids) {
			self = r.ids[ref.From]
		}
		switch ref.Kind {
		case facts.Extends, facts.Implements:
			v := rb.supers[[2]int{fi, ri}]
			if v.kind == cValue || v.kind == cSpace {
				v = rbConst{out: internal, kind: cSpace, id: -1}
			}
			count(ref.Kind, self, v, ref.Name, "", ref.Line)
		case facts.Call:
			r.static = r.context(self, ref.Method)
			target, what, counted := r.call(self, ref)
			if counted {
				count(facts.Call, self, target, what, ref.Member, ref.Line)
			}
		default:
			count(ref.Kind, self, r.constant(self, ref.Name), ref.Name, "", ref.Line)
		}
	}
	for ti, tf := range f.Types {
		decl := r.ids[ti]
		for _, a := range tf.Associations {
			if a.Class == "" {
				continue // polymorphic
			}
			count(facts.TypeUse, decl, rb.association(decl, a.Class), a.Class, "", a.Line)
		}
	}
	out.deps = mergeDeps(out.deps)
	return out
}

// context reports whether a reference in method m of declaration decl
// runs with self the class (a class method, or the class body).
func (r *rbResolver) context(decl, m int) bool {
	if decl < 0 {
		return false
	}
	t := r.ix.typeFacts(decl)
	if m < 0 || m >= len(t.Methods) {
		return true
	}
	return t.Methods[m].Static
}

func (r *rbResolver) constant(decl int, name string) rbConst {
	k := nameKey{decl, name}
	if v, ok := r.cache[k]; ok {
		return v
	}
	v := r.rb.constant(decl, name, true)
	r.cache[k] = v
	return v
}

// call resolves a call: the type it lands in, the name to report when it
// does not resolve, and whether it is counted at all.
func (r *rbResolver) call(self int, ref facts.Ref) (rbConst, string, bool) {
	rb := r.rb
	if self < 0 || ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return rbUnres, ref.Member, false
	}
	c := rb.canon[self]
	e := r.f.Exprs[ref.Recv]
	switch e.Kind {
	case facts.ExprThis:
		if d, _, ok := rb.findMethod(c, ref.Member, r.static); ok {
			return rbConst{out: internal, kind: cType, id: d}, ref.Member, true
		}
		if d, _, ok := rb.findMethod(c, ref.Member, !r.static); ok {
			// Callbacks and macros name instance methods from the class
			// body; module_function and concerns blur the two.
			return rbConst{out: internal, kind: cType, id: d}, ref.Member, true
		}
		if ruby.Kernel(ref.Member) || rb.instOut[c] || rb.singOut[c] {
			return rbExt, ref.Member, true
		}
		if rb.ix.g.Types[c].Kind == facts.Module {
			return rb.hostMethod(c, ref.Member), ref.Member, true
		}
		return rbUnres, ref.Member, true
	case facts.ExprSuper:
		ancs := rb.instAncestors(c)
		if r.static {
			ancs = rb.singAncestors(c)
		}
		after := false
		for _, a := range ancs {
			if a.id == c {
				after = true // super starts after the class (its prepended modules come before it)
				continue
			}
			if !after {
				continue
			}
			if _, ok := rb.declares(a.id, ref.Member, a.static); ok {
				return rbConst{out: internal, kind: cType, id: a.id}, ref.Member, true
			}
		}
		if rb.instOut[c] || rb.singOut[c] {
			return rbExt, ref.Member, true
		}
		if rb.ix.g.Types[c].Kind == facts.Module {
			return rbUnres, "", false // a module's super: the next class that includes it
		}
		return rbUnres, "super." + ref.Member, true
	}
	v := r.expr(self, ref.Recv)
	switch v.k {
	case vClass:
		if d, _, ok := rb.findMethod(v.id, ref.Member, true); ok {
			return rbConst{out: internal, kind: cType, id: d}, ref.Member, true
		}
		return rbConst{out: internal, kind: cType, id: v.id}, ref.Member, true
	case vInst:
		if d, _, ok := rb.findMethod(v.id, ref.Member, false); ok {
			return rbConst{out: internal, kind: cType, id: d}, ref.Member, true
		}
		return rbConst{out: internal, kind: cType, id: v.id}, ref.Member, true
	case vRel:
		if d, _, ok := rb.findMethod(v.id, ref.Member, true); ok {
			return rbConst{out: internal, kind: cType, id: d}, ref.Member, true
		}
		return rbExt, ref.Member, true
	case vSpace:
		return rbConst{out: internal, kind: cSpace, id: -1}, ref.Member, true
	case vExt:
		return rbExt, ref.Member, true
	case vUnres:
		return rbUnres, describe(r.f, ref.Recv) + "." + ref.Member, true
	}
	return rbUnres, "", false
}

// expr types receiver expression i, memoized.
func (r *rbResolver) expr(self, i int) rbVal {
	if r.vals == nil {
		r.vals = make([]rbVal, len(r.f.Exprs))
		r.done = make([]bool, len(r.f.Exprs))
	}
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	v := r.evalExpr(self, r.f.Exprs[i])
	r.vals[i] = v
	return v
}

// The ActiveRecord methods that give a record of the model, and those
// that give a relation.
var (
	arRecord   = wordSet(`new build find find_by find_by! first first! last last! take take! second third sole find_sole_by find_or_initialize_by find_or_create_by find_or_create_by! create create! create_or_find_by create_or_find_by!`)
	arRelation = wordSet(`all where rewhere not order reorder limit offset joins left_joins left_outer_joins includes preload eager_load group having select distinct unscoped lock readonly none merge or and extending references from`)
)

func (r *rbResolver) evalExpr(self int, e facts.Expr) rbVal {
	rb := r.rb
	switch e.Kind {
	case facts.ExprStatic:
		v := r.constant(self, e.Name)
		switch {
		case v.out == external:
			return rbVal{k: vExt}
		case v.out == unresolved:
			return rbVal{k: vUnres}
		case v.kind == cType:
			return rbVal{k: vClass, id: v.id}
		case v.kind == cSpace:
			return rbVal{k: vSpace}
		}
		return rbVal{}
	case facts.ExprThis:
		if self < 0 {
			return rbVal{}
		}
		if r.static {
			return rbVal{k: vClass, id: rb.canon[self]}
		}
		return rbVal{k: vInst, id: rb.canon[self]}
	case facts.ExprField:
		if self < 0 || e.Base >= 0 {
			return rbVal{}
		}
		return r.ivar(rb.canon[self], e.Name)
	case facts.ExprCall:
		if e.Base < 0 || e.Base >= len(r.f.Exprs) {
			return rbVal{}
		}
		return r.callValue(r.expr(self, e.Base), e.Name)
	}
	return rbVal{}
}

// ivar types an instance variable of canonical type c: the class every
// assignment in the declaring class gives it.
func (r *rbResolver) ivar(c int, name string) rbVal {
	rb := r.rb
	for _, a := range rb.instAncestors(c) {
		for _, p := range rb.partsOf(a.id) {
			for _, f := range r.ix.typeFacts(p).Fields {
				if f.Static || f.Name != name {
					continue
				}
				return r.record(p, f.Type)
			}
		}
	}
	return rbVal{}
}

// record types what package ruby says a variable holds: "Const" (an
// instance), "Const.find" (a record when Const is a model), "" or "?"
// (unknown, only nil).
func (r *rbResolver) record(decl int, written string) rbVal {
	if written == "" || written == "?" {
		return rbVal{}
	}
	if i := strings.LastIndexByte(written, '.'); i >= 0 {
		v := r.rb.constant(decl, written[:i], true)
		if v.out == internal && v.kind == cType && r.rb.isModel(v.id) {
			return rbVal{k: vInst, id: v.id}
		}
		return rbVal{}
	}
	return r.instanceOf(decl, written)
}

// instanceOf is an instance of the class written in declaration decl.
func (r *rbResolver) instanceOf(decl int, written string) rbVal {
	v := r.rb.constant(decl, written, true)
	switch {
	case v.out == external:
		return rbVal{k: vExt}
	case v.out == internal && v.kind == cType:
		return rbVal{k: vInst, id: v.id}
	}
	return rbVal{}
}

// callValue types the result of calling name on a value.
func (r *rbResolver) callValue(base rbVal, name string) rbVal {
	rb := r.rb
	switch base.k {
	case vExt:
		return rbVal{k: vExt}
	case vUnres:
		return rbVal{k: vUnres}
	case vClass:
		if name == "new" {
			return rbVal{k: vInst, id: base.id}
		}
		d, m, ok := rb.findMethod(base.id, name, true)
		switch {
		case ok && m != nil && m.Return == "ActiveRecord::Relation":
			return rbVal{k: vRel, id: base.id}
		case ok && m != nil && m.Return != "":
			return r.instanceOf(d, m.Return)
		case ok:
			return rbVal{}
		case rb.isModel(base.id) && arRecord[name]:
			return rbVal{k: vInst, id: base.id}
		case rb.isModel(base.id) && arRelation[name]:
			return rbVal{k: vRel, id: base.id}
		case rb.singOut[base.id]:
			return rbVal{k: vExt}
		}
		return rbVal{}
	case vInst:
		if name == "class" {
			return rbVal{k: vClass, id: base.id}
		}
		if a, decl, ok := r.assoc(base.id, name); ok {
			v := rb.association(decl, a.Class)
			if v.out != internal || v.kind != cType {
				return rbVal{k: vExt}
			}
			if a.Macro == "belongs_to" || a.Macro == "has_one" {
				return rbVal{k: vInst, id: v.id}
			}
			return rbVal{k: vRel, id: v.id}
		}
		d, m, ok := rb.findMethod(base.id, name, false)
		switch {
		case ok && m != nil && m.Return != "" && m.Return != "ActiveRecord::Relation":
			return r.instanceOf(d, m.Return)
		case ok:
			return rbVal{}
		case rb.instOut[base.id]:
			return rbVal{k: vExt}
		}
		return rbVal{}
	case vRel:
		if arRecord[name] {
			return rbVal{k: vInst, id: base.id}
		}
		if arRelation[name] {
			return rbVal{k: vRel, id: base.id}
		}
		if _, m, ok := rb.findMethod(base.id, name, true); ok && m != nil && m.Return == "ActiveRecord::Relation" {
			return rbVal{k: vRel, id: base.id}
		}
		return rbVal{k: vExt}
	}
	return rbVal{}
}

// assoc finds an association reader of canonical type c (or its
// ancestors): the association and the declaration that declares it.
func (r *rbResolver) assoc(c int, name string) (facts.Association, int, bool) {
	for _, a := range r.rb.instAncestors(c) {
		for _, p := range r.rb.partsOf(a.id) {
			for _, as := range r.ix.typeFacts(p).Associations {
				if as.Name == name && as.Class != "" {
					return as, p, true
				}
			}
		}
	}
	return facts.Association{}, -1, false
}
