// Package ruby extracts facts from Ruby source files, with the conventions
// of Ruby on Rails.
//
// The file is parsed by the tree-sitter Ruby grammar bundled with
// github.com/smacker/go-tree-sitter (tree-sitter-ruby v0.21.0) and
// flattened by package tsflat; the extractor then walks the flat tree once,
// in Go, and emits declarations (classes and modules with their lexical
// nesting, methods, constants, ActiveRecord associations and table
// mappings, schema tables) and references (superclasses, mixins, constants,
// instance creation, calls, data accesses) with names as written. Package
// graph resolves them by Ruby's and Zeitwerk's rules.
//
// # The grammar
//
// tree-sitter-ruby v0.23.1 (the newest release, a Go module) parses
// exactly the same files of redmine/redmine as the bundled v0.21.0: 1,097
// of its 1,103 .rb files without error; the six others are an ERB template
// with a .rb name and five calls that pass an anonymous block (`&` alone,
// Ruby 3.1), which neither grammar reads. Endless methods, hash shorthand
// ({x:, y:}), anonymous rest arguments, pattern matching and `it` parse with
// both. So the bundled grammar is used: no second copy of the runtime's
// symbols, no conversion.
//
// # Names
//
// Ruby has no packages: File.Package is "" and package graph groups the
// files by directory. A class or module is a facts.Type named by its full
// constant path, segments joined by dots ("Admin.UsersController"), with
// its lexical nesting (Type.Nesting) for constant lookup: `module Admin;
// class UsersController` has Nesting ["Admin"], the compact `class
// Admin::UsersController` none, as Module.nesting says. A module opened
// only to hold classes and modules (a namespace wrapper: every one of its
// statements defines a class or module) is not a type of the file: it
// appears only in the Nesting of what it holds, and a reopened namespace is
// not declared again in every file. Any other module is a facts.Module
// type; a class is a facts.Class, abstract when ActiveRecord's
// abstract_class is set. `Name = Struct.new(...)`, `Class.new(Base)` and
// `Data.define(...)` declare classes too.
//
// Methods are `def`s (Static for `def self.x`, `class << self`,
// `class_methods do` and module_function), attr_reader/writer/accessor,
// alias_method, define_method with a symbol, delegate, and scopes (static).
// A method whose last expression is `Const.new(...)` (or `@x ||=
// Const.new(...)`, memoization) returns Const: Method.Return. Constants
// assigned in a class body are static fields, with their value when it is
// a string (for SQL). An instance variable is a field named "@x" whose
// type is Const when every assignment to it in the class's declaration is
// `Const.new(...)` (or nil), else "".
//
// # References
//
//   - Extends: the superclass; Implements: include, prepend and extend of
//     a constant (Ref.Member says which).
//   - TypeUse: every other constant in an expression (an argument, a
//     rescue or when clause, `Foo::BAR`), as written ("Foo::Bar", "::Top").
//   - New: `Const.new(...)`.
//   - Call: a method called on a receiver the analysis can type: a
//     constant, self or no receiver, an instance variable, a local
//     assigned once in its method, `super`, and chains of calls from
//     those; each with the receiver expression (facts.Expr) for package
//     graph to finish (the class an ActiveRecord finder returns, an
//     association's class, a method's Return). A call on a value the code
//     gives no class (a parameter, a block variable, a literal, a local
//     assigned twice) is not a reference: Ruby gives it no static type,
//     and counting it would only say that Ruby is dynamic. Callbacks that
//     name a method (`before_save :normalize`, `before_action
//     :authenticate`) are calls of that method on self.
//   - ActiveRecord associations are Type.Associations (has_many :orders
//     names Order by ActiveSupport's inflections unless class_name: says
//     otherwise); package graph makes them type-use edges and foreign
//     keys.
//   - `require`/`require_relative` are Imports (Name as written; a
//     require_relative's starts with "./" or "../").
//   - Renders: a controller's explicit `render :edit`, `render 'a/b'`,
//     `render partial: 'x'` (see render.go).
//
// # Data access
//
// See data.go: ActiveRecord queries and writes on a model's constant (or
// self in the model), tables named by `self.table_name =` (the naming
// rule's default table is package graph's to compute: it needs the
// superclass chain and the namespace's table_name_prefix), SQL handed to
// find_by_sql, connection.execute and friends, where/joins fragments, and
// the schema: db/schema.rb and migrations (create_table, t.references,
// add_foreign_key...). db/structure.sql is SQL, read by package sql.
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit in
// ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package ruby

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Version is the version of the facts this parser emits: bump it when
// they change for some input, so that cached facts are not reused.
const Version = "2"

// Parser extracts facts from Ruby files. It holds a tree-sitter parser:
// Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a Ruby parser.
func NewParser() (*Parser, error) {
	g := loadGrammar()
	ts, err := tsflat.NewParser(g.lang)
	if err != nil {
		return nil, err
	}
	return &Parser{g: g, ts: ts, x: extractor{g: g}}, nil
}

// Close frees the parser.
func (p *Parser) Close() { p.ts.Close() }

// Parse extracts the facts of one file. src must be UTF-8. Syntax errors
// are diagnostics in the result; the error return is for a parse that did
// not happen at all (cancellation, no memory).
func (p *Parser) Parse(ctx context.Context, path string, src []byte) (*facts.File, error) {
	return p.ts.Extract(ctx, path, "ruby", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
		p.x.run(t, f)
		return p.x.lines
	})
}

// extractor holds the state of one file's walk; its buffers are reused
// from file to file.
type extractor struct {
	g *grammar
	t *tsflat.Tree
	f *facts.File

	lines tsflat.Lines // byte offset of each line start

	refs  []facts.Ref
	exprs []facts.Expr
	this  int // the file's ExprThis, or -1 before it is needed

	frames []frame // open classes and modules, innermost last
	method int     // index of the current def in the innermost type's Methods, or -1
	inDef  bool    // inside a def, of a type or not
	scopes []scope // locals of the defs, blocks and lambdas being walked
	counts map[string]int

	format string // the respond_to format whose block is walked (format.js { ... }), or ""
	dbFile bool   // the file is under a db/ directory: the schema DSL declares tables
	data   dataState
}

// frame is an open class or module.
type frame struct {
	typ  int    // index in f.Types, or -1 for a namespace wrapper
	name string // full name, dotted
	// singleton: inside `class << self`; classMethods: inside a concern's
	// `class_methods do`; moduleFunction: after a bare module_function.
	singleton, classMethods, moduleFunction bool
	private                                 bool // defs are private from here on
	migration                               bool // an ActiveRecord migration
	ivars                                   map[string]string
	ivarOrder                               []string
	pending                                 []pendingAccess // accesses on instance variables, typed at the end
}

// scope holds the locals of a def (block false) or of a block or lambda.
type scope struct {
	locals map[string]local
	block  bool
}

// local is a variable in scope: the expression it was assigned (an index
// in exprs) when it is assigned once in its def, else -1; the string node
// it holds, if any; the class it was assigned a new instance of.
type local struct {
	expr int
	str  int32
	typ  string
}

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method, e.inDef = e.frames[:0], e.scopes[:0], -1, false
	e.format = ""
	e.refs, e.exprs, e.this = e.refs[:0], e.exprs[:0], -1
	e.counts = nil
	e.data.reset()
	e.dbFile = strings.HasPrefix(f.Path, "db/") || strings.Contains(f.Path, "/db/")
	e.lines = e.lines.Index(t.Src)
	if len(t.Nodes) > 0 {
		e.statements(0)
	}
	f.Refs = clone(e.refs)
	f.Exprs = clone(e.exprs)
}

// clone copies a scratch slice out at its final size; empty is nil, so
// that the facts do not depend on what the worker parsed before.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func (e *extractor) kind(i int32) kind { return e.g.kind(e.t.Nodes[i].Kind) }

func (e *extractor) field(i int32) uint16 { return e.t.Nodes[i].Field }

func (e *extractor) bytesOf(i int32) []byte { return e.t.Bytes(i) }

// text returns the text of node i, sharing the source's memory (see tsflat.View).
func (e *extractor) text(i int32) string { return e.t.Str(i) }

func (e *extractor) lineOf(i int32) int { return e.lines.Of(e.t, i) }

func (e *extractor) endLineOf(i int32) int { return e.lines.EndOf(e.t, i) }

// child returns the first child of i filling field, or -1.
func (e *extractor) child(i int32, field uint16) int32 { return e.t.Child(i, field) }

func (e *extractor) firstChild(i int32) int32 { return e.t.FirstChild(i) }

func (e *extractor) next(i int32) int32 { return e.t.Nodes[i].Next }

// end returns the index just past node i's subtree in preorder.
func (e *extractor) end(i int32) int32 {
	for j := i; j >= 0; j = e.t.Nodes[j].Parent {
		if n := e.t.Nodes[j].Next; n >= 0 {
			return n
		}
	}
	return int32(len(e.t.Nodes))
}

// --- frames and scopes ---

func (e *extractor) frame() *frame {
	if len(e.frames) == 0 {
		return nil
	}
	return &e.frames[len(e.frames)-1]
}

// typeFrame returns the innermost frame that is a type of the file, or nil.
func (e *extractor) typeFrame() *frame {
	for j := len(e.frames) - 1; j >= 0; j-- {
		if e.frames[j].typ >= 0 {
			return &e.frames[j]
		}
	}
	return nil
}

// from is the index of the innermost type around the walk, or -1.
func (e *extractor) from() int {
	if fr := e.typeFrame(); fr != nil {
		return fr.typ
	}
	return -1
}

// scopeName is the full name of the innermost open class or module, "" at
// the top level.
func (e *extractor) scopeName() string {
	if fr := e.frame(); fr != nil {
		return fr.name
	}
	return ""
}

// singletonContext reports whether self is the class here: a class body,
// a class method, `class << self`.
func (e *extractor) singletonContext() bool {
	fr := e.typeFrame()
	if fr == nil {
		return false
	}
	if e.method < 0 {
		return !e.inDef
	}
	return e.f.Types[fr.typ].Methods[e.method].Static
}

func (e *extractor) pushScope(block bool) {
	e.scopes = append(e.scopes, scope{block: block})
}

func (e *extractor) popScope() { e.scopes = e.scopes[:len(e.scopes)-1] }

// lookupLocal finds a local in the innermost def's scopes.
func (e *extractor) lookupLocal(name string) (local, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if l, ok := e.scopes[j].locals[name]; ok {
			return l, true
		}
		if !e.scopes[j].block {
			break
		}
	}
	return local{}, false
}

// declare makes name a local of the innermost scope (at the top level or
// in a class body, a scope of its own is opened on demand).
func (e *extractor) declare(name string, l local) {
	if len(e.scopes) == 0 {
		e.pushScope(false)
	}
	s := &e.scopes[len(e.scopes)-1]
	if s.locals == nil {
		s.locals = map[string]local{}
	}
	s.locals[name] = l
}

// assigned records an assignment of expression value (and string node
// str) to the local name: it keeps its value only when it is the single
// assignment of that name in its def.
func (e *extractor) assigned(name string, value int, str int32, typ string) {
	if old, ok := e.lookupLocal(name); ok {
		// Reassigned: Ruby reuses the variable of the enclosing scope.
		if old.expr >= 0 || old.str >= 0 || old.typ != "" {
			e.setLocal(name, local{expr: -1, str: -1})
		}
		return
	}
	if !e.inDef || e.counts[name] != 1 {
		value, str, typ = -1, -1, ""
	}
	e.declare(name, local{expr: value, str: str, typ: typ})
}

// setLocal overwrites a local where it is declared.
func (e *extractor) setLocal(name string, l local) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if _, ok := e.scopes[j].locals[name]; ok {
			e.scopes[j].locals[name] = l
			return
		}
		if !e.scopes[j].block {
			return
		}
	}
}

// countAssignments counts, for a def, how often each local is assigned
// (or bound by a block parameter, a rescue, a for loop, a multiple
// assignment) anywhere in it.
func (e *extractor) countAssignments(def int32) map[string]int {
	counts := map[string]int{}
	end := e.end(def)
	for j := def + 1; j < end; j++ {
		switch e.kind(j) {
		case kAssignment, kOperatorAssignment:
			if l := e.child(j, e.g.fLeft); l >= 0 && e.kind(l) == kIdentifier {
				counts[e.text(l)]++
			}
		case kLeftAssignmentList, kBlockParameters, kLambdaParameters, kExceptionVariable, kDestructuredParameter, kDestructuredLeft:
			for c := e.firstChild(j); c >= 0; c = e.next(c) {
				if e.kind(c) == kIdentifier {
					counts[e.text(c)] += 2
				}
			}
		case kFor:
			if p := e.child(j, e.g.fPattern); p >= 0 && e.kind(p) == kIdentifier {
				counts[e.text(p)] += 2
			}
		case kOptionalParameter, kKeywordParameter, kSplatParameter, kHashSplatParameter, kBlockParameter:
			if nm := e.child(j, e.g.fName); nm >= 0 {
				counts[e.text(nm)] += 2
			}
		}
	}
	return counts
}

// --- refs and expressions ---

func (e *extractor) ref(k facts.RefKind, name string, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: k, From: e.from(), Method: e.method, Name: name, Recv: -1, Line: e.lineOf(at)})
}

func (e *extractor) call(member string, args, recv int, at int32) {
	if e.from() < 0 {
		return // top-level code: no type to hold an edge
	}
	e.refs = append(e.refs, facts.Ref{Kind: facts.Call, From: e.from(), Method: e.method, Member: member, Args: args, Recv: recv, Line: e.lineOf(at)})
}

func (e *extractor) expr(k facts.ExprKind, name string, base, args int) int {
	e.exprs = append(e.exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(e.exprs) - 1
}

// thisExpr is self (or the implicit receiver).
func (e *extractor) thisExpr() int {
	if e.this < 0 {
		e.this = e.expr(facts.ExprThis, "", -1, 0)
	}
	return e.this
}

// constName returns a constant or a chain of constants as written without
// spaces ("Foo::Bar", "::Top"), and whether node i is one.
func (e *extractor) constName(i int32) (string, bool) {
	switch e.kind(i) {
	case kConstant:
		return e.text(i), true
	case kScopeResolution:
		nm := e.child(i, e.g.fName)
		if nm < 0 || e.kind(nm) != kConstant {
			return "", false
		}
		sc := e.child(i, e.g.fScope)
		if sc < 0 {
			return "::" + e.text(nm), true
		}
		s, ok := e.constName(sc)
		if !ok {
			return "", false
		}
		b := e.bytesOf(i)
		if bytes.IndexAny(b, " \t\r\n#") < 0 {
			return tsflat.View(b), true
		}
		return s + "::" + e.text(nm), true
	}
	return "", false
}

// dotted turns a constant path as written into the dotted form of type
// names: "A::B" -> "A.B"; a leading "::" is dropped.
func dotted(name string) string {
	name = strings.TrimPrefix(name, "::")
	if !strings.Contains(name, "::") {
		return name
	}
	return strings.ReplaceAll(name, "::", ".")
}

func join(outer, inner string) string {
	if outer == "" {
		return inner
	}
	return outer + "." + inner
}

// symbolText returns the name of a symbol literal (:orders, :"orders"),
// or of a string literal without interpolation, and whether node i is one.
func (e *extractor) symbolText(i int32) (string, bool) {
	switch e.kind(i) {
	case kSimpleSymbol:
		return strings.TrimPrefix(e.text(i), ":"), true
	case kHashKeySymbol:
		return e.text(i), true
	case kDelimitedSymbol, kString:
		var out string
		for c := e.firstChild(i); c >= 0; c = e.next(c) {
			if e.kind(c) != kStringContent {
				return "", false
			}
			out += e.text(c)
		}
		return out, true
	}
	return "", false
}
