// Package csharp extracts facts from C# source files.
//
// The file is parsed by the tree-sitter C# grammar and flattened by package
// tsflat; the extractor then walks the flat tree once, in Go, and emits
// declarations (namespaces, using directives, types with their nesting,
// fields, properties, methods) and references (base types, type uses,
// attributes, instance creation, calls) with names as written. Package
// graph resolves them by the rules of C# (see its documentation).
//
// # The grammar
//
// The grammar is github.com/tree-sitter/tree-sitter-c-sharp v0.23.5, a Go
// module (its bindings/go package compiles the grammar's C; nothing of it
// is copied here). The grammar bundled with github.com/smacker/go-tree-sitter
// (2024; v0.23.1 of the same module parses identically) leaves error nodes
// in 339 of bitwarden/server's 5,312 C# files, mostly on newer syntax.
// v0.23.5 leaves them in 3: two where an
// `#if DEBUG` block cuts a statement in two, which no grammar can parse
// without running the preprocessor, and one more.
//
// v0.23.5 is generated for tree-sitter's language ABI 15, which the runtime
// this module links (github.com/smacker/go-tree-sitter, ABI 13 and 14)
// refuses. The newer runtime that reads ABI 15
// (github.com/tree-sitter/go-tree-sitter) cannot be linked beside it: both
// define the same C
// symbols (the link fails), and moving every language to it is a change of
// its own. ABI 15 only appends fields to the ABI 14 language struct and
// widens each lex mode by a reserved-word set id; a grammar without
// reserved words, like this one, means exactly the same once its lex modes
// are narrowed. Language does that once, on a copy, and refuses a grammar
// it cannot convert. Parsing costs the same: three passes over
// bitwarden/server's 72.5 MB on two workers took 45.1 s of CPU with the old
// grammar, 42.8 s with this one through the conversion, and 43.2 s with
// this one on the ABI 15 runtime (with the C allocator: that runtime's Go
// binding routes every allocation through Go by default, which is much
// slower).
//
// # Names
//
// A file's namespace is File.Package (the file-scoped namespace, or the
// block namespace around its types, nested blocks joined). A file whose
// types sit in several namespaces gets their longest common prefix as its
// package, and each type's name starts with the rest of its namespace
// ("Billing.Invoice" in package "Acme"), so that package graph's qualified
// names stay right. Using directives are imports: `using A.B;` a wildcard
// import of namespace A.B, `using static A.B.C;` a static wildcard import of
// type A.B.C's members, `using X = A.B.C;` an import with Alias "X";
// `global using` sets Import.Global. Type parameters are never emitted as
// type names. Predefined types (int, string, object...) are never emitted.
//
// A base list says nothing about which entry is the base class: each
// entry is a facts.BaseType reference, which package graph makes an extends
// or an implements edge by what it resolves to. Attributes are annotation
// references with their name as written ("Table" for [Table("x")]);
// package graph looks for TableAttribute, then Table. A partial type's
// declarations are each a facts.Type with Partial set; package graph merges
// them. An extension method (a static method whose first parameter has the
// `this` modifier) is a facts.Method with Extension set.
//
// Properties, events and record components are fields (their type types a
// receiver like a field's). Enum members are static fields of the enum's
// type. A class or struct's primary constructor parameters are in scope in
// its body like fields, but are not fields.
//
// # Call receivers
//
// As for Java (see package java): locals, parameters, pattern and out
// variables, foreach and catch variables in scope are typed by their
// declaration, `var` by its initializer (new, cast, as, a call chain, an
// await), fields and properties of the enclosing types by theirs. A bare
// name that is neither is written as an inherited member (facts.ExprField
// with no base): package graph looks for a member of the enclosing types
// and their base types first and for a type second, as C# does. `await x`
// is a facts.ExprAwait step. Lambda parameters without a written type and
// LINQ range variables are unknown.
//
// What is not a reference: `nameof(...)` (a compile-time name), method
// groups passed as delegates (the syntax does not tell them from a
// property), the target-typed `new()`, member accesses that are not calls
// (Status.Active, a property read), as for Java's field accesses.
//
// The views an MVC action renders, View(...) and PartialView(...) on the
// object itself, are facts.Renders references (see render.go).
//
// # Data access
//
// See data.go: Entity Framework mappings (DbSet<T> properties, [Table],
// fluent ToTable), Dapper calls and ADO.NET commands, with stored procedure
// names normalized like package sql's ("[dbo].[User_ReadById]" ->
// "dbo.user_readbyid").
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit in
// ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package csharp

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
const Version = "4"

// Parser extracts facts from C# files. It holds a tree-sitter parser: Close
// it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a C# parser.
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
	return p.ts.Extract(ctx, path, "csharp", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
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
	g     *grammar
	t     *tsflat.Tree
	f     *facts.File

	lines tsflat.Lines // byte offset of each line start

	refs  []facts.Ref
	exprs []facts.Expr

	ns     string   // the namespace being walked
	typeNS []string // per declared type: its namespace

	frames []frame // enclosing named types, innermost last
	scopes []scope // enclosing methods, lambdas and blocks
	method int     // index of the current method in the current type, or -1

	data dataState
}

// frame is a named type being walked.
type frame struct {
	typ     int               // index in f.Types
	fields  map[string]string // field, property and primary constructor parameter -> type as written
	tparams []string
}

// scope is a method, lambda, block or clause that declares locals.
type scope struct {
	locals  []local
	tparams []string
}

// local is a variable in scope: its type as written, or for a `var`
// initialised by an expression, that expression (an index in f.Exprs).
type local struct {
	name, typ string
	expr      int
}

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method = e.frames[:0], e.scopes[:0], -1
	e.refs, e.exprs = e.refs[:0], e.exprs[:0]
	clear(e.recvs)
	e.ns, e.typeNS = "", e.typeNS[:0]
	e.data.reset()
	e.lines = e.lines.Index(t.Src)
	if len(t.Nodes) > 0 {
		e.visitChildren(0)
	}
	e.dataFileDone()
	e.qualifyTypes()
	f.Refs = clone(e.refs)
	f.Exprs = clone(e.exprs)
}

// qualifyTypes sets the file's package to the longest common namespace of
// its types and prefixes each type's name with the rest of its own.
func (e *extractor) qualifyTypes() {
	if len(e.f.Types) == 0 {
		e.f.Package = e.ns
		return
	}
	common := e.typeNS[0]
	for _, ns := range e.typeNS[1:] {
		for common != "" && ns != common && !strings.HasPrefix(ns, common+".") {
			if dot := strings.LastIndexByte(common, '.'); dot >= 0 {
				common = common[:dot]
			} else {
				common = ""
			}
		}
	}
	e.f.Package = common
	for i := range e.f.Types {
		rest := strings.TrimPrefix(strings.TrimPrefix(e.typeNS[i], common), ".")
		if rest != "" {
			e.f.Types[i].Name = rest + "." + e.f.Types[i].Name
		}
	}
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

func (e *extractor) visitChildren(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		e.visit(c)
	}
}

func (e *extractor) from() int {
	if len(e.frames) == 0 {
		return -1
	}
	return e.frames[len(e.frames)-1].typ
}

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

func (e *extractor) unknown() int { return e.expr(facts.ExprUnknown, "", -1, 0) }

func (e *extractor) pushScope() { e.scopes = append(e.scopes, scope{}) }

func (e *extractor) popScope() { e.scopes = e.scopes[:len(e.scopes)-1] }

// inScope walks node i's children in a scope of their own.
func (e *extractor) inScope(i int32) {
	e.pushScope()
	e.visitChildren(i)
	e.popScope()
}

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment:
	case kUsingDirective:
		e.usingDirective(i)
	case kNamespace:
		e.namespaceDecl(i)
	case kFileNamespace:
		if nm := e.child(i, e.g.fName); nm >= 0 {
			e.ns = joinNS(e.ns, e.dotted(nm))
		}
	case kClass:
		e.typeDecl(i, facts.Class)
	case kStruct:
		e.typeDecl(i, facts.Struct)
	case kInterface:
		e.typeDecl(i, facts.Interface)
	case kEnum:
		e.typeDecl(i, facts.Enum)
	case kRecord:
		e.typeDecl(i, facts.Record)
	case kDelegate:
		e.typeDecl(i, facts.Delegate)
	case kAttributeList, kGlobalAttribute:
		e.attributes(i)
	case kFieldDecl, kEventFieldDecl:
		e.fieldDecl(i)
	case kPropertyDecl, kEventDecl, kIndexerDecl:
		e.propertyDecl(i)
	case kMethod, kConstructor, kDestructor, kOperator:
		e.methodDecl(i)
	case kLocalFunction:
		e.localFunction(i)
	case kEnumMember:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if c != e.child(i, e.g.fName) {
				e.visit(c)
			}
		}
	case kBlock, kForStmt, kUsingStmt, kCatchClause, kSwitchArm, kSwitchSection, kQuery, kAnonymousMethod:
		e.inScope(i)
	case kForeach:
		e.foreach(i)
	case kVarDecl:
		e.localVarDecl(i)
	case kCatchDecl, kDeclPattern, kDeclExpr:
		e.typedName(i)
	case kRecursivePattern:
		e.recursivePattern(i)
	case kVarPattern:
		if nm := e.child(i, e.g.fName); nm >= 0 {
			e.declare(e.text(nm), "")
		}
		e.declareDesignations(i)
	case kTypePattern, kTypeof, kDefaultExpr, kSizeof, kArrayCreation, kStackalloc:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) == e.g.fType {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kConstantPattern:
		e.constantPattern(i)
	case kIsExpr, kAsExpr:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) == e.g.fRight {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kCast:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) == e.g.fType {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kObjectCreation:
		e.objectCreation(i)
	case kInvocation:
		e.invocation(i)
	case kAssignment:
		e.assignment(i)
	case kLambda:
		e.lambda(i)
	case kFromClause, kJoinClause:
		e.rangeVariable(i)
	case kLetClause, kJoinInto:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kIdentifier {
				e.declare(e.text(c), "")
			} else {
				e.visit(c)
			}
		}
	case kParamList:
		e.paramList(i)
	case kParam:
		// A parameter outside a method header (a typed lambda, a local
		// function) declares a local.
		e.param(i)
	case kGenericName, kQualifiedName, kNullableType, kArrayType, kTupleType, kPointerType, kRefType, kScopedType, kAliasQualifiedName:
		// A type in a position not handled above (a generic method's
		// explicit type arguments): a type use.
		e.typeRefs(i, facts.TypeUse)
	case kTypeArgList:
		e.typeRefs(i, facts.TypeUse)
	case kMemberAccess:
		// Not a call: a property or field read is no edge, but what it
		// reads from may contain calls.
		if x := e.child(i, e.g.fExpression); x >= 0 {
			e.visit(x)
		}
		if nm := e.child(i, e.g.fName); nm >= 0 && e.kind(nm) == kGenericName {
			e.typeArgsOf(nm)
		}
	case kIdentifier, kPredefinedType, kImplicitType:
	default:
		e.visitChildren(i)
	}
}

func joinNS(outer, inner string) string {
	if outer == "" {
		return inner
	}
	return outer + "." + inner
}

func (e *extractor) namespaceDecl(i int32) {
	saved := e.ns
	if nm := e.child(i, e.g.fName); nm >= 0 {
		e.ns = joinNS(e.ns, e.dotted(nm))
	}
	if body := e.child(i, e.g.fBody); body >= 0 {
		e.visitChildren(body)
	}
	e.ns = saved
}

// dotted returns a name as written without whitespace, comments, generic
// arguments or a `global::` prefix: "Acme.Orders".
func (e *extractor) dotted(i int32) string {
	return e.typeName(i)
}

func (e *extractor) usingDirective(i int32) {
	b := tsflat.StripComments(e.bytesOf(i))
	words := strings.Fields(strings.TrimSuffix(strings.TrimSpace(string(b)), ";"))
	imp := facts.Import{Line: e.lineOf(i), Wildcard: true}
	for len(words) > 0 {
		switch words[0] {
		case "global":
			imp.Global = true
		case "using":
		case "static":
			imp.Static = true
		case "unsafe":
		default:
			goto rest
		}
		words = words[1:]
	}
rest:
	s := strings.Join(words, "")
	if alias, target, ok := strings.Cut(s, "="); ok {
		imp.Alias, imp.Wildcard = alias, false
		s = target
	}
	s = stripGlobal(s)
	if s == "" {
		return
	}
	imp.Name = s
	e.f.Imports = append(e.f.Imports, imp)
}

// stripGlobal removes a `global::` qualifier.
func stripGlobal(s string) string {
	return strings.TrimPrefix(s, "global::")
}

// typeName returns the name of a type node as written, without generic
// arguments, whitespace, nullable marks, array brackets or `global::`:
// "Dictionary", "Acme.Orders.Order".
func (e *extractor) typeName(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, "<?[ \t\r\n/:") < 0 {
		return tsflat.View(b)
	}
	sq := tsflat.Squeeze(b)
	out := make([]byte, 0, len(sq))
	depth := 0
	for _, c := range sq {
		switch {
		case c == '<':
			depth++
		case c == '>':
			depth--
		case depth > 0, c == '?', c == '[', c == ']', c == '*':
		default:
			out = append(out, c)
		}
	}
	s := string(out)
	if j := strings.LastIndex(s, "::"); j >= 0 {
		s = s[j+2:] // global::X, or an extern alias
	}
	return s
}

// written returns a type as written, whitespace, comments, `global::` and
// a trailing nullable mark removed: "List<Order>", "Order[]".
func (e *extractor) written(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n/:?") < 0 {
		return tsflat.View(b)
	}
	s := string(tsflat.Squeeze(b))
	s = strings.ReplaceAll(s, "global::", "")
	return strings.TrimSuffix(s, "?")
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

// notAType lists identifiers that stand where a type does without naming
// one.
func notAType(name string) bool {
	switch name {
	case "var", "dynamic", "nint", "nuint", "unmanaged", "notnull", "_":
		return true
	}
	return false
}

// typeRefs emits references for the type written at node i: base for the
// type itself, a type use for each type argument and tuple element.
func (e *extractor) typeRefs(i int32, base facts.RefKind) {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if !notAType(name) && !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
	case kQualifiedName, kAliasQualifiedName:
		name := e.typeName(i)
		if !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
		e.typeArgsIn(i)
	case kGenericName:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kIdentifier:
				e.ref(base, e.text(c), c)
			case kTypeArgList:
				e.typeRefs(c, facts.TypeUse)
			}
		}
	case kNullableType, kPointerType, kRefType, kScopedType:
		if c := e.child(i, e.g.fType); c >= 0 {
			e.typeRefs(c, base)
		}
	case kArrayType:
		if c := e.child(i, e.g.fType); c >= 0 {
			e.typeRefs(c, facts.TypeUse)
		}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) != e.g.fType {
				e.visit(c) // the sizes of new T[n]
			}
		}
	case kTupleType:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if ty := e.child(c, e.g.fType); ty >= 0 {
				e.typeRefs(ty, facts.TypeUse)
			}
		}
	case kTypeArgList:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c, facts.TypeUse)
		}
	case kPredefinedType, kImplicitType, kComment, kFunctionPointerType:
	default:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c, base)
		}
	}
}

// typeArgsIn emits type uses for the type arguments inside a qualified
// name (Outer<X>.Inner, A.B<C>).
func (e *extractor) typeArgsIn(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kGenericName:
			if a := e.childKind(c, kTypeArgList); a >= 0 {
				e.typeRefs(a, facts.TypeUse)
			}
		case kQualifiedName, kAliasQualifiedName:
			e.typeArgsIn(c)
		}
	}
}

// modifiers reads the modifier children of a declaration.
func (e *extractor) modifiers(i int32) (mods modSet) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kModifier {
			continue
		}
		switch e.text(c) {
		case "public":
			mods.public = true
		case "static":
			mods.static = true
		case "abstract":
			mods.abstract = true
		case "partial":
			mods.partial = true
		case "const":
			mods.constant, mods.static = true, true
		case "this":
			mods.this = true
		case "readonly":
			mods.readonly = true
		}
	}
	return mods
}

type modSet struct {
	public, static, abstract, partial, constant, this, readonly bool
}

// attributeNames returns the names of the attributes applied to a
// declaration, without emitting references (attributes does).
func (e *extractor) attributeNames(decl int32) []string {
	var names []string
	for c := e.t.FirstChild(decl); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kAttributeList {
			continue
		}
		for a := e.t.FirstChild(c); a >= 0; a = e.t.Nodes[a].Next {
			if e.kind(a) == kAttribute {
				if nm := e.child(a, e.g.fName); nm >= 0 {
					names = append(names, e.typeName(nm))
				}
			}
		}
	}
	return names
}

// attributes emits an annotation reference for each attribute of an
// attribute list, and what its arguments reference.
func (e *extractor) attributes(i int32) {
	for a := e.t.FirstChild(i); a >= 0; a = e.t.Nodes[a].Next {
		if e.kind(a) != kAttribute {
			continue
		}
		for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) == e.g.fName {
				e.ref(facts.Annotates, e.typeName(c), c)
				if e.kind(c) == kGenericName {
					if ta := e.childKind(c, kTypeArgList); ta >= 0 {
						e.typeRefs(ta, facts.TypeUse)
					}
				}
			} else {
				e.visit(c)
			}
		}
	}
}

func (e *extractor) typeParams(i int32) []string {
	var names []string
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kTypeParam {
			if nm := e.child(c, e.g.fName); nm >= 0 {
				names = append(names, e.text(nm))
			}
		}
	}
	return names
}

// constraints emits the type uses of a where clause.
func (e *extractor) constraints(i int32) {
	first := true
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kIdentifier:
			if first {
				first = false // the constrained type parameter
				continue
			}
			e.typeRefs(c, facts.TypeUse)
		case kComment:
		default:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.field(d) == e.g.fType {
					e.typeRefs(d, facts.TypeUse)
				}
			}
		}
	}
}

func (e *extractor) typeDecl(i int32, k facts.TypeKind) {
	nameNode := e.child(i, e.g.fName)
	if nameNode < 0 {
		e.visitChildren(i)
		return
	}
	name := e.text(nameNode)
	outer := -1
	if len(e.frames) > 0 {
		outer = e.frames[len(e.frames)-1].typ
		name = e.f.Types[outer].Name + "." + name
	}
	mods := e.modifiers(i)
	t := facts.Type{Name: name, Kind: k, Outer: outer, Line: e.lineOf(nameNode), EndLine: e.endLineOf(i),
		Public: mods.public, Abstract: mods.abstract || k == facts.Interface, Partial: mods.partial,
		Annotations: e.attributeNames(i)}
	fr := frame{typ: len(e.f.Types), fields: map[string]string{}}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kTypeParamList {
			fr.tparams = append(fr.tparams, e.typeParams(c)...)
		}
	}
	t.TypeParams = fr.tparams
	e.f.Types = append(e.f.Types, t)
	e.typeNS = append(e.typeNS, e.ns)
	e.frames = append(e.frames, fr)
	saved := e.method
	e.method = -1
	e.collectFields(i, fr.typ, fr.fields)

	if k == facts.Delegate {
		// The delegate's signature belongs to the delegate type.
		e.pushScope()
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch {
			case e.kind(c) == kAttributeList:
				e.attributes(c)
			case e.field(c) == e.g.fType:
				e.typeRefs(c, facts.TypeUse)
			case e.kind(c) == kParamList:
				e.paramList(c)
			case e.kind(c) == kConstraintsClause:
				e.constraints(c)
			}
		}
		e.popScope()
	}
	for c := e.t.FirstChild(i); c >= 0 && k != facts.Delegate; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kAttributeList:
			e.attributes(c)
		case kBaseList:
			e.baseList(c)
		case kConstraintsClause:
			e.constraints(c)
		case kParamList:
			// A record's components, a primary constructor's parameters:
			// their types are uses, their defaults expressions.
			e.pushScope()
			e.paramList(c)
			e.popScope()
		case kDeclList, kEnumMemberList:
			e.visitChildren(c)
		}
	}
	e.method = saved
	e.frames = e.frames[:len(e.frames)-1]
	e.dataTypeDone(i, fr.typ)
}

func (e *extractor) baseList(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kPrimaryCtorBase:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.field(d) == e.g.fType {
					e.typeRefs(d, facts.BaseType)
				} else {
					e.visit(d)
				}
			}
		case kArgumentList:
			e.visit(c)
		case kComment:
		default:
			e.typeRefs(c, facts.BaseType)
		}
	}
}

// collectFields records the fields, properties, events, enum members and
// record components a type declares, and its primary constructor's
// parameters, before the body is walked, so that uses before the
// declaration resolve.
func (e *extractor) collectFields(decl int32, typ int, into map[string]string) {
	simple := e.f.Types[typ].Name
	if dot := strings.LastIndexByte(simple, '.'); dot >= 0 {
		simple = simple[dot+1:]
	}
	add := func(f facts.Field) {
		into[f.Name] = f.Type
		e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
	}
	isRecord := e.kind(decl) == kRecord
	for c := e.t.FirstChild(decl); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kParamList:
			for p := e.t.FirstChild(c); p >= 0; p = e.t.Nodes[p].Next {
				ty, nm := e.child(p, e.g.fType), e.child(p, e.g.fName)
				if e.kind(p) != kParam || ty < 0 || nm < 0 {
					continue
				}
				if isRecord {
					add(facts.Field{Name: e.text(nm), Type: e.written(ty), Line: e.lineOf(nm)})
				} else {
					into[e.text(nm)] = e.written(ty)
				}
			}
		case kDeclList, kEnumMemberList:
			e.collectMembers(c, typ, simple, add)
		}
	}
}

func (e *extractor) collectMembers(body int32, typ int, simple string, add func(facts.Field)) {
	iface := e.f.Types[typ].Kind == facts.Interface
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kFieldDecl, kEventFieldDecl:
			mods := e.modifiers(c)
			anns := e.attributeNames(c)
			vd := e.childKind(c, kVarDecl)
			if vd < 0 {
				continue
			}
			ty := e.child(vd, e.g.fType)
			if ty < 0 {
				continue
			}
			written := e.written(ty)
			for d := e.t.FirstChild(vd); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kVarDeclarator {
					continue
				}
				nm := e.child(d, e.g.fName)
				if nm < 0 {
					continue
				}
				f := facts.Field{Name: e.text(nm), Type: written, Static: mods.static, Annotations: anns, Line: e.lineOf(nm)}
				if (mods.constant || mods.static && mods.readonly) && written == "string" {
					f.Value = e.constValue(e.initializerOf(d))
				}
				add(f)
			}
		case kPropertyDecl, kEventDecl:
			ty, nm := e.child(c, e.g.fType), e.child(c, e.g.fName)
			if ty < 0 || nm < 0 || e.childKind(c, kExplicitInterface) >= 0 {
				continue
			}
			mods := e.modifiers(c)
			add(facts.Field{Name: e.text(nm), Type: e.written(ty), Static: mods.static && !iface, Annotations: e.attributeNames(c), Line: e.lineOf(nm)})
		case kEnumMember:
			if nm := e.child(c, e.g.fName); nm >= 0 {
				add(facts.Field{Name: e.text(nm), Type: simple, Static: true, Line: e.lineOf(nm)})
			}
		default:
			if isPreproc(e.g.lang.SymbolName(e.t.Nodes[c].Kind)) {
				e.collectMembers(c, typ, simple, add)
			}
		}
	}
}

func isPreproc(symbol string) bool {
	return strings.HasPrefix(symbol, "preproc_if") || symbol == "preproc_else" || symbol == "preproc_elif"
}

// initializerOf returns the initializer expression of a variable
// declarator, or -1.
func (e *extractor) initializerOf(d int32) int32 {
	nm := e.child(d, e.g.fName)
	for c := e.t.FirstChild(d); c >= 0; c = e.t.Nodes[c].Next {
		if c == nm {
			continue
		}
		switch e.kind(c) {
		case kComment, kTuplePattern:
			continue
		}
		if e.g.lang.SymbolName(e.t.Nodes[c].Kind) == "bracketed_argument_list" {
			continue
		}
		return c
	}
	return -1
}
