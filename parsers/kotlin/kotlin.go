// Package kotlin extracts facts from Kotlin source files.
//
// The file is parsed by a tree-sitter Kotlin grammar and flattened by
// package tsflat; the extractor then walks the flat tree once, in Go, and
// emits declarations (package, imports, types with their nesting,
// properties, functions) and references (supertypes, type uses,
// annotations, instance creation, calls, callable references) with names
// as written. Package graph resolves them by the rules of Kotlin, against
// the Java types of the same repository too (see its documentation).
//
// # The grammar
//
// The grammar is github.com/tree-sitter-grammars/tree-sitter-kotlin v1.1.0
// (the maintained successor of the grammar bundled with
// github.com/smacker/go-tree-sitter), a Go module whose bindings/go package
// compiles the grammar's C: nothing of it is copied here. It is generated
// for the language ABI 14, which the runtime this module links loads as it
// is. The bundled grammar (fwcd's, 2023) leaves error nodes in 91 of the
// 2,247 Kotlin files of corda/corda, idugalic/digital-restaurant and
// ttulka/ddd-example-ecommerce-kotlin and in 145 of element-x-android's
// 4,178; this one in 20 and 54 (a one-line enum whose entry has a body
// followed by members, `fun interface`, a few generic call forms). The two
// grammars define the same C symbols: only one can be linked into a
// program. This one parses about 5% slower.
//
// # Declarations
//
// Classes, interfaces, enum classes and annotation classes are types of
// their kind; data, sealed, value, inner and abstract classes are classes
// (sealed ones abstract). An `object` is a class with a static field
// INSTANCE of its own type, as the JVM sees it; a companion object is a
// nested class named Companion (or its own name), and its outer class has a
// static field of that name. Properties declared in a class body and `val`
// or `var` parameters of the primary constructor are fields; their type is
// the one written or, without one, the class named by a constructor call
// initializer (`val repo = OrderRepository()`); `?` is dropped from every
// type written. A public property that is not @JvmField or const also
// gives the type the accessor methods Java code calls (getName, isOpen,
// setName for a var), marked facts.Method.Accessor. Enum entries are
// static fields of their enum. The primary constructor and secondary
// constructors are constructors.
//
// Top-level functions and properties belong to the file's facade class, as
// on the JVM: `<File>Kt` for File.kt (first letter upper-cased, characters
// that cannot be in a name replaced by `_`), or the name given by
// `@file:JvmName`. The facade's functions are static methods and its
// properties static fields, so that Java code calling OrderUtilsKt.total()
// resolves, and what a top-level function refers to has the facade as its
// source. An extension function (`fun Order.total()`) is a method with
// facts.Method.Extension set and the receiver's type as Params[0], as it
// is compiled; extension properties are their getter. A type alias is not
// a type: the types it names are type uses of the facade.
//
// Imports: `import a.b.C` names C; `import a.b.*` is a wildcard import of
// a package (or of a class's members); `import a.b.C as D` has Alias D.
// Kotlin has no static imports: an imported top-level function looks like
// an imported class, and package graph tells them apart.
//
// # References
//
// A supertype is a facts.BaseType reference; its Member is "<init>" when
// it is written with a constructor call (`: Base(id)`), which only a class
// can be. Package graph makes each an extends or an implements edge by
// what it resolves to. `I by impl` is a supertype too.
//
// Kotlin creates instances without `new`: a call `Foo(...)` with no
// receiver is a facts.Call with Member Foo and an implicit receiver;
// package graph makes it instance creation when Foo names a class and no
// function of that name is in scope. A call's receiver is typed as for
// Java (see package java): parameters and locals by their declared type,
// or, without one, by their initializer's expression; properties of the
// enclosing types; `this`, `this@Outer`, `super`; casts (`as`, `as?`);
// `!!` and parentheses are looked through. Elements of a collection (a
// for loop's variable, `list[0]`, the parameter of a lambda passed to
// forEach, map, filter, first...) are facts.ExprElement steps; the
// parameter of let, also, takeIf and takeUnless is the receiver itself.
// A bare call inside a lambda is a facts.ExprImplicit step: its receiver
// may be the lambda's own (x.apply { }, x.run { }, with(x) { }, and in an
// extension function the extended type), which comes before the enclosing
// types; a trailing lambda passed to any other function may have a
// receiver the file does not say (a library's DSL): its Base is -1.
// A smart cast by `is` in an if or a when types the variable in the
// branch it guards. A collection function called on a value (first,
// find, filter...) is an ordinary facts.ExprCall: package graph types it
// as an element of the collection, or, when the value is of a repository
// type declaring a function of that name (a repository's find(id)), as
// that function's result. A property `by lazy { Foo(...) }` is typed as
// the class its lambda ends by constructing.
//
// Operators and infix calls are calls: `a + b`, `a > b` and `a f b` call
// plus, compareTo and f on a, when a is a value the extractor can type (a
// literal or an untyped value gives no reference, so that arithmetic on
// numbers is not counted). A comparison of a type name is not one: the
// grammar reads some generic calls, Box<Item>(x), as comparisons. An
// object named as a value (`reference("order_id", Orders)`, the right
// operand of an infix call) is a type use: a bare UpperCamelCase name
// that is not a variable in scope (constants and enum entries, written
// in upper case, are left alone).
//
// What is not a reference: reading or writing a property, an extension
// property included (a qualifier is not a type use either: `Status.OPEN`
// gives nothing), invoking a value of a function type, a call of a local
// function, and a type alias used (its definition's types are type uses
// of the facade, but its uses are not expanded).
//
// # Data access
//
// See data.go: JPA entities and Spring Data repositories as for Java,
// Exposed tables and their DSL and DAO, SQL and JPQL strings handed to
// JDBC, Spring's JdbcTemplate, JdbcClient and DatabaseClient, JPA's
// EntityManager and Exposed's exec.
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit in
// ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package kotlin

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
const Version = "2"

// Parser extracts facts from Kotlin files. It holds a tree-sitter parser:
// Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a Kotlin parser.
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
func (p *Parser) Parse(ctx context.Context, file string, src []byte) (*facts.File, error) {
	return p.ts.Extract(ctx, file, "kotlin", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
		p.x.run(t, f)
		return p.x.lines
	})
}

// extractor holds the state of one file's walk; its buffers are reused
// from file to file.
type extractor struct {
	// recvs memoizes the receiver expression of each node of the file:
	// without it a call chain a.b().c().d()... builds its prefix again
	// for every call, in time quadratic in its length.
	recvs map[int32]int

	g *grammar
	t *tsflat.Tree
	f *facts.File

	lines tsflat.Lines // byte offset of each line start

	refs  []facts.Ref
	exprs []facts.Expr

	frames []frame // enclosing named types, innermost last
	scopes []scope // enclosing functions, lambdas and blocks
	method int     // index of the current method in the current type, or -1

	// facade is the index in f.Types of the file's facade class, -1
	// until a top-level function or property needs it; facadeName is its
	// name and topFields the file's top-level properties.
	facade     int
	facadeName string
	topFields  map[string]string

	d dataState
}

// frame is a named type being walked.
type frame struct {
	typ     int               // index in f.Types
	body    int32             // its body node, or -1
	fields  map[string]string // property -> type as written
	tparams []string
}

// scope is a function, lambda or class initializer that declares locals.
type scope struct {
	locals  []local
	tparams []string
	// this is, in an extension function or a lambda with a receiver, the
	// receiver expression `this` stands for (an index in f.Exprs), or -1.
	this int
	// implicit is, in a lambda, what a bare call's receiver may be: the
	// lambda's receiver expression, -1 for an unknown one, or -2 when the
	// lambda has none (let, forEach...) and in functions.
	implicit int
}

// local is a variable in scope: its type as written, or, without one, the
// expression that gives its value: an index in f.Exprs, or -1 until it is
// needed, when node (the initializer, -1 for none) is read. With element,
// the variable is an element of that value (a for loop's variable).
type local struct {
	name, typ  string
	expr       int
	node, init int32
	element    bool
}

const noImplicit = -2

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method = e.frames[:0], e.scopes[:0], -1
	e.refs, e.exprs = e.refs[:0], e.exprs[:0]
	clear(e.recvs)
	e.facade, e.facadeName = -1, facadeName(f.Path)
	e.topFields = map[string]string{}
	e.lines = e.lines.Index(t.Src)
	if len(t.Nodes) > 0 {
		e.fileHeader()
		e.dataStart()
		e.visitChildren(0)
		e.dataEnd()
	}
	if e.facade >= 0 {
		e.accessors(e.facade)
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

func (e *extractor) bytesOf(i int32) []byte { return e.t.Bytes(i) }

// text returns the text of node i. The string shares the source's memory
// (see tsflat.View).
func (e *extractor) text(i int32) string { return e.t.Str(i) }

func (e *extractor) lineOf(i int32) int { return e.lines.Of(e.t, i) }

func (e *extractor) endLineOf(i int32) int { return e.lines.EndOf(e.t, i) }

func (e *extractor) first(i int32) int32 { return e.t.FirstChild(i) }
func (e *extractor) next(i int32) int32  { return e.t.Nodes[i].Next }

// child returns the first child of i filling field, or -1.
func (e *extractor) child(i int32, field uint16) int32 { return e.t.Child(i, field) }

// childKind returns the first child of i of kind k, or -1.
func (e *extractor) childKind(i int32, k kind) int32 {
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) == k {
			return c
		}
	}
	return -1
}

func (e *extractor) visitChildren(i int32) {
	for c := e.first(i); c >= 0; c = e.next(c) {
		e.visit(c)
	}
}

func (e *extractor) from() int {
	if len(e.frames) == 0 {
		return e.facadeType()
	}
	return e.frames[len(e.frames)-1].typ
}

func (e *extractor) ref(k facts.RefKind, name string, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: k, From: e.from(), Method: e.method, Name: name, Recv: -1, Line: e.lineOf(at)})
}

func (e *extractor) call(k facts.RefKind, member string, args, recv int, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: k, From: e.from(), Method: e.method, Member: member, Args: args, Recv: recv, Line: e.lineOf(at)})
}

func (e *extractor) expr(k facts.ExprKind, name string, base, args int) int {
	e.exprs = append(e.exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(e.exprs) - 1
}

// facadeName is the name of the JVM class holding a file's top-level
// declarations: the file name, first letter upper-cased, with Kt.
func facadeName(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	b := []byte(base)
	for i, c := range b {
		if !isIdent(c) {
			b[i] = '_'
		}
	}
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b) + "Kt"
}

// facadeType returns the index of the file's facade class, declaring it
// on first use.
func (e *extractor) facadeType() int {
	if e.facade < 0 {
		e.facade = len(e.f.Types)
		e.f.Types = append(e.f.Types, facts.Type{Name: e.facadeName, Kind: facts.Class, Outer: -1,
			Line: 1, EndLine: max(e.f.Lines, 1), Public: true})
	}
	return e.facade
}

// fileHeader reads what the file says before its declarations: its
// package, its imports, @file:JvmName, and its top-level properties (so
// that uses before the declaration are typed).
func (e *extractor) fileHeader() {
	for c := e.first(0); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kPackageHeader:
			if q := e.childKind(c, kQualifiedIdent); q >= 0 {
				e.f.Package = string(squeeze(e.bytesOf(q)))
			} else if id := e.childKind(c, kIdent); id >= 0 {
				e.f.Package = e.text(id)
			}
		case kImport:
			e.importDecl(c)
		case kFileAnnotation:
			if inv := e.childKind(c, kCtorInvocation); inv >= 0 {
				if ut := e.childKind(inv, kUserType); ut >= 0 && simpleName(e.typeName(ut)) == "JvmName" {
					if args := e.childKind(inv, kValueArguments); args >= 0 {
						for a := e.first(args); a >= 0; a = e.next(a) {
							if s, ok := e.constString(e.argExpr(a)); ok && s != "" {
								e.facadeName = s
							}
						}
					}
				}
			}
		case kPropertyDecl:
			if name, typ, ok := e.propertyHead(c); ok {
				e.topFields[name] = typ
			}
		}
	}
}

func (e *extractor) importDecl(i int32) {
	imp := facts.Import{Line: e.lineOf(i)}
	q := e.childKind(i, kQualifiedIdent)
	if q < 0 {
		return
	}
	imp.Name = string(squeeze(e.bytesOf(q)))
	// After the name: `.*` or `as Alias`.
	for c := e.next(q); c >= 0; c = e.next(c) {
		if e.kind(c) == kIdent {
			imp.Alias = e.text(c)
		}
	}
	rest := e.t.Src[e.t.Nodes[q].End:e.t.Nodes[i].End]
	if imp.Alias == "" && bytes.Contains(tsflat.StripComments(rest), []byte("*")) {
		imp.Wildcard = true
	}
	e.f.Imports = append(e.f.Imports, imp)
}

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment, kPackageHeader, kImport, kFileAnnotation:
	case kClassDecl, kObjectDecl, kCompanion:
		e.typeDecl(i)
	case kFunctionDecl:
		e.functionDecl(i)
	case kPropertyDecl:
		e.propertyDecl(i)
	case kSecondaryCtor:
		e.secondaryCtor(i)
	case kAnonymousInit:
		saved := e.method
		e.method = -1
		e.visitChildren(i)
		e.method = saved
	case kTypeAlias:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.isType(c) && c != e.first(i) {
				e.typeRefs(c, facts.TypeUse)
			}
		}
	case kAnnotation:
		e.annotation(i)
	case kCallExpr:
		e.callExpr(i)
	case kNavigationExpr:
		e.navigation(i)
	case kCallableRef:
		e.callableRef(i)
	case kLambdaLiteral:
		e.lambda(i, scope{this: -1, implicit: -1}, nil)
	case kAnnotatedLambda:
		e.visitChildren(i)
	case kAnonymousFunction:
		e.function(i, -1, false)
	case kObjectLiteral:
		e.objectLiteral(i)
	case kAsExpr:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.isType(c) {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kTypeTest, kIsExpr:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.isType(c) {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kCatchBlock:
		e.catchBlock(i)
	case kForStatement:
		e.forStatement(i)
	case kWhenSubject:
		e.whenSubject(i)
	case kWhenExpr:
		e.whenExpr(i)
	case kIfExpr:
		e.ifExpr(i)
	case kValueArgument:
		x := e.argExpr(i)
		e.valueUse(x)
		e.visit(x)
	case kBinaryExpr:
		e.binaryExpr(i)
	case kInfixExpr:
		e.infixExpr(i)
	case kBlock:
		e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
		e.visitChildren(i)
		e.scopes = e.scopes[:len(e.scopes)-1]
	case kUserType, kNullableType, kNonNullableType, kFunctionType, kParenthesizedType, kTypeArguments:
		// A type in a position not handled above (a call's explicit type
		// arguments): a type use.
		e.typeRefs(i, facts.TypeUse)
	case kStringLiteral, kMultilineString:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.kind(c) == kInterpolation {
				e.visitChildren(c)
			}
		}
	case kIdent, kStringContent, kNumberLiteral, kModifier, kLabel:
	default:
		e.visitChildren(i)
	}
}

// squeeze returns b without whitespace, comments and backquotes.
func squeeze(b []byte) []byte {
	if bytes.IndexAny(b, " \t\r\n\f/`") < 0 {
		return b
	}
	b = tsflat.StripComments(b)
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '`' {
			out = append(out, c)
		}
	}
	return out
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// simpleName returns the last part of a dotted name.
func simpleName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// isType reports whether node i is a type.
func (e *extractor) isType(i int32) bool {
	switch e.kind(i) {
	case kUserType, kNullableType, kNonNullableType, kFunctionType, kParenthesizedType:
		return true
	}
	return false
}

// typeName returns the name of a type node as written, without generic
// arguments, nullability, annotations, whitespace or backquotes: "Map.Entry".
// A function type has no name ("").
func (e *extractor) typeName(i int32) string {
	switch e.kind(i) {
	case kNullableType, kNonNullableType, kParenthesizedType:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.isType(c) {
				return e.typeName(c)
			}
		}
		return ""
	case kFunctionType:
		return ""
	case kUserType:
	default:
		return string(squeeze(e.bytesOf(i)))
	}
	b := e.bytesOf(i)
	if bytes.IndexAny(b, "<@ \t\r\n/`") < 0 {
		return tsflat.View(b)
	}
	// The identifiers, outside type arguments and annotations.
	var out []byte
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) == kIdent {
			if len(out) > 0 {
				out = append(out, '.')
			}
			out = append(out, squeeze(e.bytesOf(c))...)
		}
	}
	return string(out)
}

// written returns a type as written, whitespace, annotations and `?`
// removed: "List<Order>", "(Order)->Unit".
func (e *extractor) written(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n/?@`") < 0 {
		return tsflat.View(b)
	}
	sq := squeeze(b)
	out := make([]byte, 0, len(sq))
	for j := 0; j < len(sq); j++ {
		c := sq[j]
		switch c {
		case '?':
		case '@':
			// A type annotation: skip its name and arguments.
			j++
			for j < len(sq) && (isIdent(sq[j]) || sq[j] == '.' || sq[j] == ':') {
				j++
			}
			if j < len(sq) && sq[j] == '(' {
				d := 0
				for ; j < len(sq); j++ {
					if sq[j] == '(' {
						d++
					} else if sq[j] == ')' {
						d--
						if d == 0 {
							break
						}
					}
				}
			} else {
				j--
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func (e *extractor) isTypeParam(name string) bool {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if slices.Contains(e.scopes[j].tparams, name) {
			return true
		}
	}
	for j := len(e.frames) - 1; j >= 0; j-- {
		if slices.Contains(e.frames[j].tparams, name) {
			return true
		}
	}
	return false
}

// typeRefs emits references for the type written at node i: base for the
// type itself, a type use for each type argument and each part of a
// function type.
func (e *extractor) typeRefs(i int32, base facts.RefKind) {
	switch e.kind(i) {
	case kUserType:
		name := e.typeName(i)
		if name != "" && !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
		for c := e.first(i); c >= 0; c = e.next(c) {
			switch e.kind(c) {
			case kTypeArguments:
				e.typeRefs(c, facts.TypeUse)
			case kTypeModifiers:
				e.typeRefs(c, facts.TypeUse)
			}
		}
	case kNullableType, kNonNullableType, kParenthesizedType:
		for c := e.first(i); c >= 0; c = e.next(c) {
			e.typeRefs(c, base)
		}
	case kFunctionType:
		for c := e.first(i); c >= 0; c = e.next(c) {
			e.typeRefs(c, facts.TypeUse)
		}
	case kAnnotation:
		e.annotation(i)
	case kComment, kModifier, kIdent:
	default:
		for c := e.first(i); c >= 0; c = e.next(c) {
			e.typeRefs(c, facts.TypeUse)
		}
	}
}

// annotationName returns the name of an annotation as written, without
// its use-site target: "Table" for @get:Table(...).
func (e *extractor) annotationName(a int32) string {
	for c := e.first(a); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kUserType:
			return e.typeName(c)
		case kCtorInvocation:
			if ut := e.childKind(c, kUserType); ut >= 0 {
				return e.typeName(ut)
			}
		}
	}
	return ""
}

// annotation emits the reference of an annotation and walks its
// arguments.
func (e *extractor) annotation(a int32) {
	for c := e.first(a); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kUserType:
			if name := e.typeName(c); name != "" {
				e.ref(facts.Annotates, name, c)
			}
		case kCtorInvocation:
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.kind(d) == kUserType {
					if name := e.typeName(d); name != "" {
						e.ref(facts.Annotates, name, d)
					}
				} else {
					e.visit(d)
				}
			}
		}
	}
}

// mods is what a modifiers node says.
type mods struct {
	visibility string // "private", "protected", "internal", or "" (public)
	abstract   bool
	words      []string // the other modifier keywords
	anns       []int32  // annotation nodes
}

func (m *mods) has(w string) bool { return slices.Contains(m.words, w) }

func (m *mods) public() bool { return m.visibility == "" || m.visibility == "public" }

// modifiers reads a modifiers node (-1: none); it does not walk the
// annotations.
func (e *extractor) modifiers(i int32) mods {
	var m mods
	if i < 0 {
		return m
	}
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kAnnotation:
			m.anns = append(m.anns, c)
		case kModifier:
			w := e.text(c)
			switch w {
			case "private", "protected", "internal", "public":
				m.visibility = w
			case "abstract":
				m.abstract = true
			default:
				m.words = append(m.words, w)
			}
		}
	}
	return m
}

// annotationNames returns the names of annotation nodes.
func (e *extractor) annotationNames(anns []int32) []string {
	if len(anns) == 0 {
		return nil
	}
	names := make([]string, 0, len(anns))
	for _, a := range anns {
		if n := e.annotationName(a); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// typeParams returns the names declared by a type_parameters node.
func (e *extractor) typeParams(i int32) []string {
	if i < 0 {
		return nil
	}
	var names []string
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) != kTypeParam {
			continue
		}
		if id := e.childKind(c, kIdent); id >= 0 {
			names = append(names, e.text(id))
		}
	}
	return names
}

// typeParamBounds emits the type uses in type parameter bounds and where
// clauses.
func (e *extractor) typeParamBounds(i int32) {
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kTypeParam, kTypeConstraint:
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.isType(d) {
					e.typeRefs(d, facts.TypeUse)
				} else if e.kind(d) == kTypeModifiers || e.kind(d) == kAnnotation {
					e.typeRefs(d, facts.TypeUse)
				}
			}
		}
	}
}
