// Package python extracts facts from Python source files.
//
// The file is parsed by the tree-sitter Python grammar bundled with
// github.com/smacker/go-tree-sitter and flattened by package tsflat; the
// extractor then walks the flat tree once, in Go, and emits declarations
// (the module, its classes with their nesting, functions, methods, fields)
// and references (base classes, decorators, annotations, calls, names
// used as values) with names as written. Package graph resolves them by
// Python's rules (see its documentation).
//
// # The grammar
//
// The bundled grammar (tree-sitter-python of 2024: match statements,
// except*, PEP 695 type parameters and type aliases) parses every one of
// saleor/saleor's 4,338 files and pgorecki/python-ddd's 139 without an
// error node, so no newer grammar is needed.
//
// # Modules
//
// A module's name comes from its path, and a parser sees one file and
// cannot know the source root it is imported from (src/, the directory
// above the top package...); facts, moreover, depend on a file's content
// only (the cache shares them between files of the same bytes). So the
// facts name nothing after the path: File.Package is empty, and every
// file declares one type of kind facts.Module, first (index 0), named
// ModuleName. Package graph names it after the file's dotted path
// ("src.shop.orders.models"; a package's __init__.py is the package,
// "src.shop.orders") and finds the source roots from the whole
// repository. Module-level functions are the module type's methods
// (Static), module variables its fields, and the module's classes its
// member types: class Order is the facts.Type "<module>.Order" with Outer
// 0, named "src.shop.orders.models.Order" in the graph. A reference from module-level code, or from a module-level
// function, comes from the module type: a call of a function of another
// module is then an edge between the two module types, and the file level
// sees a dependency between the files. Functions nested in functions are
// part of the function around them; a class defined in a function is a
// member type of the type around it.
//
// # Imports
//
// `import a.b.c` is a facts.Import "a.b.c" (it binds a); `import a.b as
// x` has Alias x. `from M import N [as A]` is an Import with From M, as
// written with its leading dots when relative ("." for `from . import
// N`), Name N and Alias A. `from M import *` is a Wildcard import from M.
// Imports anywhere in the file (in functions, in try blocks) bind
// names for the whole file. An imported name the file never uses is a
// type-use reference of that name at the import (importing a module runs
// it: `from . import signals` is a dependency); a wildcard import is
// always one, of the module it names.
//
// # References
//
// A name is a local (a parameter, or bound in the function by an
// assignment, a for or with target, an except name, a walrus, a nested
// def), a name of the class body around (in that body only), or a global
// of the module. Only globals are references: a dotted path rooted at a
// global ("Order", "models.Order.objects", "views.order_list") is written
// as it stands, and package graph walks it through modules, classes and
// their attributes.
//
//   - class bases are facts.Extends references (a subscripted base,
//     Generic[T], names its head); metaclass= and the subscripts are uses;
//   - decorators are facts.Annotates references (@x.y(args): "x.y");
//   - names in annotations are facts.TypeUse references, including those
//     in string annotations ("Order", Optional["Order"]);
//   - a call is a facts.Call: of a bare global name, with Recv -1 and the
//     name as Member (package graph makes it a `new` edge when the name is
//     a class); of an attribute, with the attribute as Member and its
//     object as receiver;
//   - any other global path used as a value (an argument, the right side
//     of an assignment, an operand, a class pattern) is a facts.TypeUse
//     reference (package graph makes it a method-ref when the path names
//     a function);
//   - a string argument of importlib.import_module or of Django's
//     include naming a dotted module is a type-use of that module path.
//
// Calling a local (a callback parameter) is no reference.
//
// # Call receivers
//
// A receiver is a facts.Expr chain: `self` (the first parameter of a
// method; `cls` of a classmethod) is ExprThis, `super()` ExprSuper, a
// global path ExprStatic, an attribute of a value ExprField, a call's
// result ExprCall (Base -1 for the call of a global name: an instance of
// the class, or what the function's return annotation says). A local is
// typed by its annotation, or else by the value of its one assignment
// before the use; a local assigned twice (branches, loops) is unknown, as
// are untyped parameters. `except E as e` types e as E. A literal is a
// value of its built-in type ("str", "list", ...). Attributes of self
// assigned in any method (`self.repo = repo`, `self.repo = Repo()`) are
// fields of the class, typed by the annotation, the parameter's
// annotation or the called name; module and class variables likewise.
// A field's Type is written as the annotation ("Repo", Optional and
// string quotes removed), as the name called ("Repo" for `Repo()`, which
// package graph reads as an instance, or as the return type of a
// function), or "type[X]" for a class assigned itself (`model = Order`).
//
// # Data access
//
// See data.go: Django models (tables by db_table or the app label rule,
// foreign keys, many-to-many join tables), QuerySet calls, instance
// save/delete, SQLAlchemy declarative models and Table objects, session
// queries and writes, and SQL strings handed to cursor.execute and its
// kin, read by package sql.
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit in
// ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package python

import (
	"bytes"
	"context"
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Version is the version of the facts this parser emits: bump it when
// they change for some input, so that cached facts are not reused.
const Version = "1"

// Parser extracts facts from Python files. It holds a tree-sitter parser:
// Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a Python parser.
func NewParser() (*Parser, error) {
	g, err := loadGrammar()
	if err != nil {
		return nil, err
	}
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
	return p.ts.Extract(ctx, path, "python", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
		p.x.run(t, f)
		return p.x.lines
	})
}

// ModuleName is the name of every file's module type in its facts:
// facts depend on a file's content only, and a module's name on its path
// (see ModuleOf), which package graph reads.
const ModuleName = "<module>"

// ModuleOf returns the package (the directory as a dotted path) and the
// module name of a repository-relative file path, as package graph
// names them: "src/shop/models.py" is package "src.shop", module
// "models"; a package's __init__.py is module "__init__".
func ModuleOf(p string) (pkg, module string) {
	dir, file := path.Split(p)
	module = strings.TrimSuffix(file, path.Ext(file))
	dir = strings.Trim(dir, "/")
	if dir == "" || dir == "." {
		return "", module
	}
	return strings.ReplaceAll(dir, "/", "."), module
}

// AppLabel returns the Django app label of a model declared in the file
// at p, by Django's default: the last component of the app's package,
// the directory holding models.py (or the models package).
func AppLabel(p string) string {
	dir := path.Dir(p)
	if path.Base(dir) == "models" {
		dir = path.Dir(dir)
	}
	if dir == "." || dir == "/" {
		return ""
	}
	return path.Base(dir)
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

	frames  []frame  // the module, then the classes around, innermost last
	scopes  []*scope // functions, lambdas, comprehensions and class bodies around
	method  int      // index of the current method in the current frame's type, or -1
	unknown int      // index of the file's shared unknown expression, or -1

	imports []binding       // import bindings, by index in f.Imports
	bound   map[string]bool // names bound by an import
	used    map[string]bool // global names used

	data dataState
}

// binding is what an import binds.
type binding struct {
	name         string // the name bound
	use          string // the name to reference when unused ("a.b.c" for import a.b.c)
	from, method int    // where the import stands
}

// frame is a type being walked: the module, or a class.
type frame struct {
	typ    int
	class  bool
	fields map[string]int // field name -> index in its Fields
	info   *classInfo     // what the data side needs to know (classes only)
}

// scope is a function, lambda, comprehension or class body.
type scope struct {
	classBody bool
	// path is, for the body of a class a global path reaches (a module's
	// class, a class nested in one), that path ("Order", "Order.Status").
	path     string
	locals   map[string]*local
	typeVars []string // PEP 695 type parameters
}

// local is a name bound in a scope.
type local struct {
	def   bool     // a def or class statement binds it
	this  bool     // self (or cls): the enclosing class
	typ   string   // the annotation, normalised
	val   value    // the value of its assignment, when assigned once
	count int      // assignments met so far
	expr  int      // materialised ExprType of typ, or -1
	sql   *sqlText // the constant string of its one assignment, if any
}

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method, e.unknown = e.frames[:0], e.scopes[:0], -1, -1
	e.refs, e.exprs = e.refs[:0], e.exprs[:0]
	e.imports = e.imports[:0]
	e.bound, e.used = map[string]bool{}, map[string]bool{}
	e.data.reset()
	e.lines = e.lines.Index(t.Src)
	f.Types = append(f.Types, facts.Type{Name: ModuleName, Kind: facts.Module, Outer: -1, Line: 1, EndLine: max(f.Lines, 1), Public: true})
	e.frames = append(e.frames, frame{typ: 0, fields: map[string]int{}})
	if len(t.Nodes) > 0 {
		e.visitChildren(0)
	}
	e.unusedImports()
	e.dataFileDone()
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

// text returns the text of node i. The string shares the source's memory
// (see tsflat.View).
func (e *extractor) text(i int32) string { return e.t.Str(i) }

func (e *extractor) lineOf(i int32) int { return e.lines.Of(e.t, i) }

func (e *extractor) endLineOf(i int32) int { return e.lines.EndOf(e.t, i) }

// child returns the first child of i filling field, or -1.
func (e *extractor) child(i int32, field uint16) int32 { return e.t.Child(i, field) }

// childKind returns the first child of i of kind k, or -1.
func (e *extractor) childKind(i int32, k kind) int32 {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == k {
			return c
		}
	}
	return -1
}

// firstExpr returns the first child of i that is not a comment, or -1.
func (e *extractor) firstExpr(i int32) int32 {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			return c
		}
	}
	return -1
}

// end returns the index just past node i's subtree.
func (e *extractor) end(i int32) int32 {
	for ; i >= 0; i = e.t.Nodes[i].Parent {
		if n := e.t.Nodes[i].Next; n >= 0 {
			return n
		}
	}
	return int32(len(e.t.Nodes))
}

func (e *extractor) visitChildren(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		e.visit(c)
	}
}

func (e *extractor) frame() *frame { return &e.frames[len(e.frames)-1] }

func (e *extractor) from() int { return e.frame().typ }

func (e *extractor) ref(k facts.RefKind, name string, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: k, From: e.from(), Method: e.method, Name: name, Recv: -1, Line: e.lineOf(at)})
}

func (e *extractor) call(member string, args, recv int, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: facts.Call, From: e.from(), Method: e.method, Member: member, Args: args, Recv: recv, Line: e.lineOf(at)})
}

func (e *extractor) expr(k facts.ExprKind, name string, base, args int) int {
	e.exprs = append(e.exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(e.exprs) - 1
}

// unknownExpr returns the file's one unknown receiver.
func (e *extractor) unknownExpr() int {
	if e.unknown < 0 {
		e.unknown = e.expr(facts.ExprUnknown, "", -1, 0)
	}
	return e.unknown
}

// inFunction reports whether the walk is inside a function or lambda
// body (not at module or class-body level).
func (e *extractor) inFunction() bool {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if !e.scopes[j].classBody {
			return true
		}
		return false
	}
	return false
}

// inClassBody reports whether the walk is directly in a class body.
func (e *extractor) inClassBody() bool {
	return len(e.scopes) > 0 && e.scopes[len(e.scopes)-1].classBody
}

// lookup finds the local a name stands for, or nil for a global. Class
// bodies are seen only from code directly in them, as in Python.
func (e *extractor) lookup(name string) *local {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		s := e.scopes[j]
		if s.classBody && j != len(e.scopes)-1 {
			continue
		}
		if l, ok := s.locals[name]; ok {
			if l.def && s.classBody && s.path != "" && l.count == 0 {
				return nil // a method or nested class: see globalPath
			}
			return l
		}
		if slices.Contains(s.typeVars, name) {
			return &local{expr: -1}
		}
	}
	return nil
}

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment, kKeywordSeparator, kPositionalSeparator, kNone, kImportPrefix, kGlobal, kNonlocal,
		kEscapeSequence, kStringStart, kStringContent:
	case kImport:
		e.importStmt(i)
	case kImportFrom:
		e.importFrom(i)
	case kFutureImport:
	case kClass:
		e.classDef(i, -1)
	case kFunction:
		e.functionDef(i, -1)
	case kDecorated:
		e.decorated(i)
	case kAssignment:
		e.assignment(i)
	case kAugAssignment:
		e.augAssignment(i)
	case kFor:
		e.forStmt(i)
	case kWithItem:
		e.withItem(i)
	case kExceptClause:
		e.exceptClause(i)
	case kTypeAlias:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if c != e.t.FirstChild(i) {
				e.typeRefs(c)
			}
		}
	case kCasePattern:
		e.casePattern(i)
	case kKeywordArgument:
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.use(v)
		}
	case kIdentifier, kAttribute, kCall, kSubscript, kString, kConcatString, kLambda, kComprehension,
		kNamedExpr, kAwait, kParenthesized:
		e.use(i)
	default:
		e.visitChildren(i)
	}
}

// use walks an expression whose value is used: a global path used as a
// value is a type-use reference.
func (e *extractor) use(i int32) {
	v := e.val(i)
	if v.kind == vStatic {
		e.ref(facts.TypeUse, v.path, i)
	}
}

// importStmt reads `import a.b.c [as x], ...`.
func (e *extractor) importStmt(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		var name, alias string
		switch e.kind(c) {
		case kDottedName:
			name = e.dotted(c)
		case kAliasedImport:
			if n := e.child(c, e.g.fName); n >= 0 {
				name = e.dotted(n)
			}
			if a := e.child(c, e.g.fAlias); a >= 0 {
				alias = e.text(a)
			}
		default:
			continue
		}
		if name == "" {
			continue
		}
		e.f.Imports = append(e.f.Imports, facts.Import{Name: name, Alias: alias, Line: e.lineOf(c)})
		b := binding{name: alias, use: alias, from: e.from(), method: e.method}
		if alias == "" {
			b.name, _, _ = strings.Cut(name, ".")
			b.use = name
		}
		e.imports = append(e.imports, b)
		e.bound[b.name] = true
	}
}

// importFrom reads `from M import N [as A], ...` and `from M import *`.
func (e *extractor) importFrom(i int32) {
	module := ""
	mod := e.child(i, e.g.fModuleName)
	if mod < 0 {
		return
	}
	switch e.kind(mod) {
	case kDottedName:
		module = e.dotted(mod)
	case kRelativeImport:
		for c := e.t.FirstChild(mod); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kImportPrefix:
				module += strings.TrimSpace(e.text(c))
			case kDottedName:
				module += e.dotted(c)
			}
		}
	}
	if module == "" || module == "__future__" {
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c == mod {
			continue
		}
		var name, alias string
		switch e.kind(c) {
		case kWildcardImport:
			e.f.Imports = append(e.f.Imports, facts.Import{From: module, Wildcard: true, Line: e.lineOf(c)})
			e.imports = append(e.imports, binding{})
			// A wildcard import is always a dependency on its module.
			e.refs = append(e.refs, facts.Ref{Kind: facts.TypeUse, From: e.from(), Method: e.method, Name: module, Recv: -1, Line: e.lineOf(c)})
			continue
		case kDottedName:
			name = e.dotted(c)
		case kAliasedImport:
			if n := e.child(c, e.g.fName); n >= 0 {
				name = e.dotted(n)
			}
			if a := e.child(c, e.g.fAlias); a >= 0 {
				alias = e.text(a)
			}
		default:
			continue
		}
		if name == "" {
			continue
		}
		e.f.Imports = append(e.f.Imports, facts.Import{From: module, Name: name, Alias: alias, Line: e.lineOf(c)})
		b := binding{name: name, use: name, from: e.from(), method: e.method}
		if alias != "" {
			b.name, b.use = alias, alias
		}
		e.imports = append(e.imports, b)
		e.bound[b.name] = true
	}
}

// unusedImports makes each import whose name the file never uses a
// type-use reference at the import.
func (e *extractor) unusedImports() {
	for k, b := range e.imports {
		if b.name == "" || e.used[b.name] {
			continue
		}
		e.refs = append(e.refs, facts.Ref{Kind: facts.TypeUse, From: b.from, Method: b.method, Name: b.use, Recv: -1, Line: e.f.Imports[k].Line})
	}
}

// ImportPath returns the dotted path a Python import names: "a.b" for
// `import a.b`, "..m.N" for `from ..m import N`, ".N" for `from . import
// N`, the module for a wildcard.
func ImportPath(imp facts.Import) string {
	switch {
	case imp.From == "":
		return imp.Name
	case imp.Name == "":
		return imp.From
	case strings.HasSuffix(imp.From, "."):
		return imp.From + imp.Name
	}
	return imp.From + "." + imp.Name
}

// dotted returns a dotted name as written, without spaces or comments.
func (e *extractor) dotted(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n\\#") < 0 {
		return tsflat.View(b)
	}
	var parts []string
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kIdentifier {
			parts = append(parts, e.text(c))
		}
	}
	return strings.Join(parts, ".")
}

// globalPath returns the global path a name stands for where it is not a
// local: the name itself, or, in a class body reached by a global path,
// that path and the name of a method or nested class of the body.
func (e *extractor) globalPath(name string) string {
	if len(e.scopes) > 0 {
		if s := e.scopes[len(e.scopes)-1]; s.classBody && s.path != "" {
			if l, ok := s.locals[name]; ok && l.def {
				return s.path + "." + name
			}
		}
	}
	return name
}
