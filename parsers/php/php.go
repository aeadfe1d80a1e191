// Package php extracts facts from PHP source files.
//
// The file is parsed by the tree-sitter PHP grammar bundled with
// github.com/smacker/go-tree-sitter (v0.22.8 of tree-sitter-php) and
// flattened by package tsflat in the same cgo call; the extractor then
// walks the flat tree once, in Go, and emits declarations (namespaces,
// use imports, classes, interfaces, traits, enums with their constants,
// properties and methods, namespace-level functions) and references
// (extends, implements, trait uses, type uses, attributes, instance
// creation, calls) with the data accesses the code makes.
//
// # The grammar
//
// The bundled grammar parses every PHP file of opencart/opencart (1,458
// files, and 3,367 more in its vendored libraries) and of
// CodelyTV/php-ddd-example (304 files) without an error node.
// tree-sitter-php v0.23.11 (a Go module) parses the same files the same
// way; it adds only PHP 8.4's property hooks and asymmetric visibility
// (public private(set)), which legacy monoliths do not use yet, so the
// bundled one is kept: nothing more to link.
//
// # Names
//
// PHP resolves a class name by the file alone: a fully qualified name
// (\A\B) is itself; an unqualified or qualified name starts with an alias
// of a `use` import (use A\B; use A\B as C; use A\{B, C}) or else is
// relative to the current namespace; self, static and parent are the
// enclosing class and its parent. The extractor applies these rules, so
// every class name in the facts is fully qualified and written the PHP
// way with a leading backslash ("\App\Billing\Invoice"): what is left to
// package graph is whether the repository declares it. Function names
// follow PHP's own rule: a name written unqualified and not imported with
// `use function` is looked up in the namespace and then globally at run
// time; it is written without the leading backslash ("App\Util\slug"),
// and package graph tries both (facts.ExprFunction). Class names in
// PHPDoc are read the same way, except that an unqualified name not
// imported is written without the leading backslash too, since the tools
// that read PHPDoc fall back to the global class.
//
// File.Package is the namespace with dots ("App.Billing"), so that the
// graph's qualified names are "App.Billing.Invoice"; a file with several
// namespaces gets their longest common prefix and each type's name starts
// with the rest. Imports are the class imports (Name "App\Shared\Money",
// Alias when written with `as`) and, with Static set, the function and
// constant imports.
//
// # Types and members
//
// Classes, interfaces, enums and traits (facts.Trait) are types; an
// anonymous class is not: what it references belongs to the named type
// around it, and `new class extends B implements I` is a New reference to
// B and I. Constants and enum cases are static fields (a constant's Value
// holds its string value, for SQL), properties are fields with their
// declared type, or the type of their PHPDoc @var, or the type of the one
// value the class's methods assign to them ($this->repo = $repo, with
// $repo a typed parameter, or new X); promoted constructor parameters
// are fields too. Methods have their parameter and return types, from the
// declaration or else from PHPDoc @param and @return. Types are written
// qualified ("\App\Money", "?\App\Money", "int|string", "\App\Line[]").
//
// A file's namespace-level functions and its top-level code make a type
// of kind facts.Module named after the file ("helpers.php" gives
// "helpers-php", a name no class can have), in the namespace of the
// first of them: its Methods are the functions, and top-level code
// belongs to it with Method -1. A file of classes only has none.
//
// # References
//
// extends (a class's parent, an interface's parents, and each trait a
// class, trait or enum uses), implements, type uses (parameter, return,
// property and constant types, PHPDoc @var/@param/@return/@throws types,
// catch, instanceof, X::class), attributes (facts.Annotates), new, and
// calls: $x->m(), $x?->m(), X::m(), self::m(), static::m(), parent::m(),
// and function calls f(), whose callee is a facts.ExprFunction. Reading
// a constant or a static property (X::CONST, X::$p) is not a reference,
// as a field access is not in Java.
//
// The views code renders are facts.Renders references (render.go):
// Laravel's view('a.b'), View::make and response()->view, Twig's render
// in Symfony controllers and on a Twig\Environment.
//
// # Call receivers
//
// $this is the enclosing class; $this->p is the property p (typed here
// when the class declares it, else looked up by package graph through
// the parents and traits); a parameter has its declared (or PHPDoc) type
// for the whole function; any other variable is typed only when the
// function assigns it exactly once (from new, a call chain, a property,
// a static call), or by an inline /** @var T $x */, since PHP variables
// have no declaration and a second assignment may hold anything. Closures
// see their parameters and their `use` variables, arrow functions the
// whole enclosing scope. foreach variables, list() targets, globals and
// statics are unknown.
//
// # Data access
//
// See data.go: Doctrine entity mappings (attributes and annotations) and
// EntityManager, repository and query-builder calls; Eloquent models and
// their static and instance calls; SQL strings handed to PDO, mysqli,
// Doctrine DBAL and Laravel's DB facade; the query builder DB::table().
// Doctrine's XML mappings (*.orm.xml) are read by package
// php/doctrinexml.
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit
// in ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package php

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

// Parser extracts facts from PHP files. It holds a tree-sitter parser:
// Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a PHP parser.
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
	return p.ts.Extract(ctx, path, "php", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
		p.x.run(t, f)
		return p.x.lines
	})
}

// ModuleName is the name of the facts.Module type of the PHP file at
// path: its base name with dots turned into dashes ("lib/helpers.php" ->
// "helpers-php"), which no PHP class can be called.
func ModuleName(file string) string {
	return strings.ReplaceAll(path.Base(file), ".", "-")
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

	ns       string            // the current namespace, PHP form ("App\Billing"), "" global
	uses     map[string]string // lower-case alias -> imported class (PHP form, no leading backslash)
	funcUses map[string]string // lower-case alias -> imported function
	typeNS   []string          // per declared type: its namespace

	frames   []frame // enclosing named types, innermost last
	scopes   []scope // enclosing functions, closures and arrow functions
	method   int     // index of the current method in the current type, or -1
	module   int     // index in f.Types of the file's module type, or -1
	moduleNS string  // its namespace
	inModule bool    // walking a namespace-level function
	doc      int32   // the doc comment right before the node being visited, or -1
	anon     int     // depth of anonymous classes being walked

	d dataState
}

// frame is a named type being walked.
type frame struct {
	typ    int
	fq     string            // fully qualified, PHP form, no leading backslash
	parent string            // the parent class, qualified, or ""
	fields map[string]string // property name (without $) -> type as written
}

// scope is a function, method, closure or arrow function being walked.
type scope struct {
	locals []local
	// counts is how often each variable is assigned in the function.
	counts map[string]int
	// barrier: variables of the scopes outside are not visible (a
	// function, a method, a closure; not an arrow function).
	barrier bool
	strs    []strLocal // string values of variables, for SQL
}

// local is a variable in scope: its type as written, or the expression it
// holds (an index in f.Exprs).
type local struct {
	name, typ string
	expr      int
	doc       bool // typed by an inline /** @var */: later assignments do not change it
}

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method = e.frames[:0], e.scopes[:0], -1
	e.refs, e.exprs = e.refs[:0], e.exprs[:0]
	clear(e.recvs)
	e.ns, e.typeNS = "", e.typeNS[:0]
	e.uses, e.funcUses = map[string]string{}, map[string]string{}
	e.module, e.moduleNS, e.inModule, e.doc, e.anon = -1, "", false, -1, 0
	e.d.reset()
	e.lines = e.lines.Index(t.Src)
	if len(t.Nodes) > 0 {
		// Top-level code is a function of its own.
		e.scopes = append(e.scopes, scope{barrier: true, counts: e.countAssignments(0)})
		e.visitChildren(0)
		e.scopes = e.scopes[:0]
	}
	e.qualifyTypes()
	f.Refs = clone(e.refs)
	f.Exprs = clone(e.exprs)
}

// qualifyTypes sets the file's package to the longest common namespace of
// its types (dotted) and prefixes each type's name with the rest of its
// own.
func (e *extractor) qualifyTypes() {
	if len(e.f.Types) == 0 {
		e.f.Package = dotted(e.ns)
		return
	}
	common := e.typeNS[0]
	for _, ns := range e.typeNS[1:] {
		for common != "" && ns != common && !strings.HasPrefix(ns, common+`\`) {
			if i := strings.LastIndexByte(common, '\\'); i >= 0 {
				common = common[:i]
			} else {
				common = ""
			}
		}
	}
	e.f.Package = dotted(common)
	for i := range e.f.Types {
		rest := strings.TrimPrefix(strings.TrimPrefix(e.typeNS[i], common), `\`)
		if rest != "" {
			e.f.Types[i].Name = dotted(rest) + "." + e.f.Types[i].Name
		}
	}
}

// dotted turns a PHP namespace into the graph's dotted form.
func dotted(ns string) string {
	if strings.IndexByte(ns, '\\') < 0 {
		return ns
	}
	return strings.ReplaceAll(ns, `\`, ".")
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

// end returns the index just past the subtree of node i.
func (e *extractor) end(i int32) int32 {
	for j := i; j >= 0; j = e.t.Nodes[j].Parent {
		if n := e.t.Nodes[j].Next; n >= 0 {
			return n
		}
	}
	return int32(len(e.t.Nodes))
}

// visitChildren visits the children of i in order, handing each the doc
// comment right before it.
func (e *extractor) visitChildren(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kComment {
			if bytes.HasPrefix(e.bytesOf(c), []byte("/**")) {
				e.doc = c
				e.inlineVarDoc(c)
			}
			continue
		}
		e.visit(c)
		e.doc = -1
	}
}

// takeDoc returns the pending doc comment and clears it.
func (e *extractor) takeDoc() int32 {
	d := e.doc
	e.doc = -1
	return d
}

// from returns the index of the type references are attributed to: the
// innermost named type, or the file's module type outside any (created
// on first use).
func (e *extractor) from() int {
	if len(e.frames) > 0 {
		return e.frames[len(e.frames)-1].typ
	}
	return e.moduleType()
}

// moduleType returns the file's module type, creating it.
func (e *extractor) moduleType() int {
	if e.module < 0 {
		e.module = len(e.f.Types)
		e.moduleNS = e.ns
		e.f.Types = append(e.f.Types, facts.Type{Name: ModuleName(e.f.Path), Kind: facts.Module, Outer: -1, Line: 1,
			EndLine: max(1, len(e.lines)), Public: true})
		e.typeNS = append(e.typeNS, e.ns)
	}
	return e.module
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

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment, kText:
	case kNamespaceDef:
		e.namespaceDef(i)
	case kNamespaceUse:
		e.namespaceUse(i)
	case kClass:
		e.typeDecl(i, facts.Class)
	case kInterface:
		e.typeDecl(i, facts.Interface)
	case kTrait:
		e.typeDecl(i, facts.Trait)
	case kEnum:
		e.typeDecl(i, facts.Enum)
	case kFunction:
		e.functionDef(i)
	case kMethod:
		e.methodDecl(i)
	case kPropertyDecl:
		e.propertyDecl(i)
	case kConstDecl:
		e.constDecl(i)
	case kTraitUse:
		e.traitUse(i)
	case kAttributeList:
		e.attributes(i)
	default:
		e.visitExpr(i)
	}
}

// namespaceDef enters a namespace: `namespace A\B;` for the rest of the
// file (or up to the next namespace), `namespace A\B { ... }` for its
// block. Imports do not carry over from one namespace to the next.
func (e *extractor) namespaceDef(i int32) {
	ns := ""
	if nm := e.child(i, e.g.fName); nm >= 0 {
		ns = e.text(nm)
		if strings.ContainsAny(ns, " \t\r\n") {
			ns = string(squeeze(e.bytesOf(nm)))
		}
	}
	e.ns = ns
	clear(e.uses)
	clear(e.funcUses)
	if body := e.child(i, e.g.fBody); body >= 0 {
		e.visitChildren(body)
	}
}

// namespaceUse reads a use declaration: class, function or constant
// imports, grouped or not, aliased or not.
func (e *extractor) namespaceUse(i int32) {
	declKind := useKind(e.bytesOf(i), "use")
	prefix := ""
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kNamespaceName:
			prefix = string(squeeze(e.bytesOf(c)))
		case kUseClause:
			e.useClause(c, "", declKind)
		case kUseGroup:
			for g := e.t.FirstChild(c); g >= 0; g = e.t.Nodes[g].Next {
				if e.kind(g) == kUseGroupClause {
					k := useKind(e.bytesOf(g), "")
					if k == "" {
						k = declKind
					}
					e.useClause(g, prefix, k)
				}
			}
		}
	}
}

// useKind reads the kind keyword of a use declaration or group clause
// after its leading keyword: "function", "const" or "" (a class).
func useKind(b []byte, lead string) string {
	b = bytes.TrimSpace(b)
	if lead != "" {
		if len(b) < len(lead) || !bytes.EqualFold(b[:len(lead)], []byte(lead)) {
			return ""
		}
		b = bytes.TrimSpace(b[len(lead):])
	}
	for _, k := range []string{"function", "const"} {
		if len(b) > len(k) && bytes.EqualFold(b[:len(k)], []byte(k)) && (b[len(k)] == ' ' || b[len(k)] == '\t' || b[len(k)] == '\n' || b[len(k)] == '\r' || b[len(k)] == '\\') {
			return k
		}
	}
	return ""
}

// useClause records one imported name.
func (e *extractor) useClause(c int32, prefix, k string) {
	name, alias := "", ""
	for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
		switch e.kind(d) {
		case kQualifiedName, kName, kNamespaceName:
			if name == "" {
				name = string(squeeze(e.bytesOf(d)))
			}
		case kAliasing:
			if a := e.childKind(d, kName); a >= 0 {
				alias = e.text(a)
			}
		}
	}
	name = strings.TrimPrefix(name, `\`)
	if name == "" {
		return
	}
	if prefix != "" {
		name = strings.TrimPrefix(prefix, `\`) + `\` + name
	}
	key := alias
	if key == "" {
		key = name[strings.LastIndexByte(name, '\\')+1:]
	}
	switch k {
	case "function":
		e.funcUses[strings.ToLower(key)] = name
	case "const":
	default:
		e.uses[strings.ToLower(key)] = name
	}
	e.f.Imports = append(e.f.Imports, facts.Import{Name: name, Alias: alias, Static: k != "", Line: e.lineOf(c)})
}

// squeeze returns b without whitespace and comments.
func squeeze(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for j := 0; j < len(b); j++ {
		switch c := b[j]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c == '/' && j+1 < len(b) && b[j+1] == '*':
			end := bytes.Index(b[j+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			j += end + 3
		case (c == '/' && j+1 < len(b) && b[j+1] == '/') || c == '#':
			for j < len(b) && b[j] != '\n' {
				j++
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// qualify resolves a class name as written in code to its fully
// qualified PHP form without the leading backslash, by the current
// namespace and class imports. self, static and parent are not handled
// here.
func (e *extractor) qualify(name string) string {
	if name == "" {
		return ""
	}
	if name[0] == '\\' {
		return name[1:]
	}
	if len(name) > 10 && strings.EqualFold(name[:10], `namespace\`) {
		return joinNS(e.ns, name[10:])
	}
	first, rest, q := strings.Cut(name, `\`)
	if fq, ok := e.uses[strings.ToLower(first)]; ok {
		if q {
			return fq + `\` + rest
		}
		return fq
	}
	return joinNS(e.ns, name)
}

func joinNS(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + `\` + name
}

// classRef returns the name a class reference written as name stands for,
// as the facts write it ("\App\Invoice"), or "" for a name that is no
// class (a builtin type).
func (e *extractor) classRef(name string) string {
	switch strings.ToLower(name) {
	case "self", "static":
		if fr := e.frame(); fr != nil {
			return `\` + fr.fq
		}
		return ""
	case "parent":
		if fr := e.frame(); fr != nil && fr.parent != "" {
			return `\` + fr.parent
		}
		return ""
	}
	if builtinType(name) {
		return ""
	}
	return `\` + e.qualify(name)
}

// frame returns the innermost named type being walked, or nil.
func (e *extractor) frame() *frame {
	if len(e.frames) == 0 {
		return nil
	}
	return &e.frames[len(e.frames)-1]
}

// nameText returns the name a name or qualified_name node spells, without
// whitespace.
func (e *extractor) nameText(i int32) string {
	b := e.bytesOf(i)
	if bytes.ContainsAny(b, " \t\r\n/#") {
		return string(squeeze(b))
	}
	return tsflat.View(b)
}

// typeDecl walks a class, interface, trait or enum declaration.
func (e *extractor) typeDecl(i int32, k facts.TypeKind) {
	doc := e.takeDoc()
	nameNode := e.child(i, e.g.fName)
	if nameNode < 0 {
		e.visitChildren(i)
		return
	}
	name := e.text(nameNode)
	t := facts.Type{Name: name, Kind: k, Outer: -1, Line: e.lineOf(nameNode), EndLine: e.endLineOf(i), Public: true}
	fr := frame{typ: len(e.f.Types), fq: joinNS(e.ns, name), fields: map[string]string{}}
	if bc := e.childKind(i, kBaseClause); bc >= 0 && k == facts.Class {
		for c := e.t.FirstChild(bc); c >= 0; c = e.t.Nodes[c].Next {
			if kk := e.kind(c); kk == kName || kk == kQualifiedName {
				fr.parent = e.qualify(e.nameText(c))
				break
			}
		}
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kAbstractModifier {
			t.Abstract = true
		}
	}
	if k == facts.Interface {
		t.Abstract = true
	}
	e.f.Types = append(e.f.Types, t)
	e.typeNS = append(e.typeNS, e.ns)
	e.frames = append(e.frames, fr)
	savedMethod, savedModule, savedScopes := e.method, e.inModule, e.scopes
	e.method, e.inModule, e.scopes = -1, false, nil

	body := e.child(i, e.g.fBody)
	if body >= 0 {
		e.collectMembers(body, fr.typ)
	}
	e.typeData(i, fr.typ, doc)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kAttributeList:
			e.attributes(c)
		case kBaseClause:
			e.nameRefs(c, facts.Extends)
		case kInterfaceClause:
			if k == facts.Interface {
				e.nameRefs(c, facts.Extends)
			} else {
				e.nameRefs(c, facts.Implements)
			}
		case kDeclList:
			e.visitChildren(c)
		}
	}
	if doc >= 0 {
		e.docTypeRefs(doc, "@method", "@property", "@property-read", "@property-write", "@mixin")
	}
	e.frames = e.frames[:len(e.frames)-1]
	e.method, e.inModule, e.scopes = savedMethod, savedModule, savedScopes
}

// nameRefs emits a reference of kind k for each class named among the
// children of i (a base clause, an interface clause, a trait use).
func (e *extractor) nameRefs(i int32, k facts.RefKind) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if kk := e.kind(c); kk == kName || kk == kQualifiedName {
			if n := e.classRef(e.nameText(c)); n != "" {
				e.ref(k, n, c)
			}
		}
	}
}

// traitUse is `use A, B { ... }` in a class body: each trait is an
// extends reference (its members become the class's).
func (e *extractor) traitUse(i int32) {
	if len(e.frames) == 0 || e.anon > 0 {
		return
	}
	e.nameRefs(i, facts.Extends)
}

// attributes emits an annotation reference for each attribute, and walks
// their arguments.
func (e *extractor) attributes(i int32) {
	for g := e.t.FirstChild(i); g >= 0; g = e.t.Nodes[g].Next {
		if e.kind(g) != kAttributeGroup {
			continue
		}
		for a := e.t.FirstChild(g); a >= 0; a = e.t.Nodes[a].Next {
			if e.kind(a) != kAttribute {
				continue
			}
			for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
				switch e.kind(c) {
				case kName, kQualifiedName:
					if n := e.classRef(e.nameText(c)); n != "" {
						e.ref(facts.Annotates, n, c)
					}
				case kArguments:
					e.visitExpr(c)
				}
			}
		}
	}
}

// attributeNames returns the qualified names of the attributes in an
// attribute list.
func (e *extractor) attributeNames(i int32) []string {
	var out []string
	for g := e.t.FirstChild(i); g >= 0; g = e.t.Nodes[g].Next {
		for a := e.t.FirstChild(g); a >= 0; a = e.t.Nodes[a].Next {
			if e.kind(a) != kAttribute {
				continue
			}
			if c := e.t.FirstChild(a); c >= 0 && (e.kind(c) == kName || e.kind(c) == kQualifiedName) {
				out = append(out, e.qualify(e.nameText(c)))
			}
		}
	}
	return out
}

// collectMembers records the constants, properties, enum cases and
// methods a type body declares, before the body is walked, so that uses
// before a declaration resolve.
func (e *extractor) collectMembers(body int32, typ int) {
	fields := e.frame().fields
	enumType := ""
	if e.f.Types[typ].Kind == facts.Enum {
		enumType = `\` + e.frame().fq
	}
	var doc int32 = -1
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		k := e.kind(c)
		if k == kComment {
			if bytes.HasPrefix(e.bytesOf(c), []byte("/**")) {
				doc = c
			}
			continue
		}
		cdoc := doc
		doc = -1
		switch k {
		case kEnumCase:
			if nm := e.child(c, e.g.fName); nm >= 0 {
				e.addField(typ, facts.Field{Name: e.text(nm), Type: enumType, Static: true, Line: e.lineOf(nm)})
			}
		case kConstDecl:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kConstElement {
					continue
				}
				nm := e.childKind(d, kName)
				if nm < 0 {
					continue
				}
				f := facts.Field{Name: e.text(nm), Static: true, Line: e.lineOf(nm)}
				if v := e.t.Nodes[nm].Next; v >= 0 {
					if s := e.stringValue(v); s.ok {
						if text, ok := s.complete(); ok {
							f.Value = text
						}
					}
				}
				e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
			}
		case kPropertyDecl:
			written := ""
			static := false
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				switch {
				case e.field(d) == e.g.fType:
					written = e.typeString(e.text(d), false, -1)
				case e.kind(d) == kStaticModifier:
					static = true
				}
			}
			if written == "" && cdoc >= 0 {
				if tags := e.docTags(cdoc, "@var"); len(tags) > 0 {
					written = e.typeString(tags[0].typ, true, -1)
				}
			}
			var anns []string
			if a := e.child(c, e.g.fAttributes); a >= 0 {
				anns = e.attributeNames(a)
			}
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kPropertyElement {
					continue
				}
				v := e.childKind(d, kVariable)
				if v < 0 {
					continue
				}
				f := facts.Field{Name: varName(e.text(v)), Type: written, Static: static, Annotations: anns, Line: e.lineOf(v)}
				if static {
					if init := e.childKind(d, kPropertyInit); init >= 0 {
						if s := e.stringValue(e.t.FirstChild(init)); s.ok {
							if text, ok := s.complete(); ok {
								f.Value = text
							}
						}
					}
				}
				e.addField(typ, f)
			}
		case kMethod:
			e.collectMethod(c, typ, cdoc)
		}
	}
	// Properties with no declared type: the one type the class's methods
	// assign to them.
	for p, t := range e.assignedProperties(body) {
		for j := range e.f.Types[typ].Fields {
			if fl := &e.f.Types[typ].Fields[j]; fl.Name == p && fl.Type == "" && !fl.Static {
				fl.Type = t
				fields[p] = t
			}
		}
	}
}

func (e *extractor) addField(typ int, f facts.Field) {
	e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
	if fr := e.frame(); fr != nil && fr.typ == typ {
		fr.fields[f.Name] = f.Type
	}
}

// varName strips the $ of a variable's name.
func varName(s string) string { return strings.TrimPrefix(s, "$") }

// collectMethod records a method's signature, and its promoted
// constructor parameters as properties.
func (e *extractor) collectMethod(c int32, typ int, doc int32) {
	nm := e.child(c, e.g.fName)
	if nm < 0 {
		return
	}
	m := facts.Method{Name: e.text(nm), Line: e.lineOf(nm), EndLine: e.endLineOf(c), Public: true}
	m.Constructor = strings.EqualFold(m.Name, "__construct")
	for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
		switch e.kind(d) {
		case kStaticModifier:
			m.Static = true
		case kVisibility:
			if !strings.EqualFold(e.text(d), "public") {
				m.Public = false
			}
		}
	}
	var tags []docTag
	if doc >= 0 {
		tags = e.docTags(doc, "@param", "@return")
	}
	if rt := e.child(c, e.g.fReturnType); rt >= 0 {
		m.Return = e.typeString(e.text(rt), false, -1)
	} else if !m.Constructor {
		for _, tg := range tags {
			if tg.tag == "@return" {
				m.Return = e.typeString(tg.typ, true, -1)
			}
		}
	}
	if ps := e.child(c, e.g.fParameters); ps >= 0 {
		for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
			pk := e.kind(p)
			if pk != kSimpleParam && pk != kVariadicParam && pk != kPromotedParam {
				continue
			}
			written := e.paramType(p, tags)
			if pk == kVariadicParam {
				written += "..."
			}
			m.Params = append(m.Params, written)
			if pk == kPromotedParam {
				if v := e.child(p, e.g.fName); v >= 0 {
					var anns []string
					if a := e.child(p, e.g.fAttributes); a >= 0 {
						anns = e.attributeNames(a)
					}
					e.addField(typ, facts.Field{Name: varName(e.text(v)), Type: written, Annotations: anns, Line: e.lineOf(v)})
				}
			}
		}
	}
	e.f.Types[typ].Methods = append(e.f.Types[typ].Methods, m)
}

// paramType returns a parameter's type as the facts write it: declared,
// or else from a PHPDoc @param of the same name.
func (e *extractor) paramType(p int32, tags []docTag) string {
	if ty := e.child(p, e.g.fType); ty >= 0 {
		return e.typeString(e.text(ty), false, -1)
	}
	v := e.child(p, e.g.fName)
	if v < 0 {
		return ""
	}
	name := e.text(v)
	for _, tg := range tags {
		if tg.tag == "@param" && tg.name == name {
			return e.typeString(tg.typ, true, -1)
		}
	}
	return ""
}

// assignedProperties finds, for the properties a class body assigns in
// its methods ($this->p = ...), the one type all those assignments give:
// a new X, or a parameter of the method with a declared type. A property
// assigned anything else, or values of two types, is left out.
func (e *extractor) assignedProperties(body int32) map[string]string {
	var out map[string]string
	bad := map[string]bool{}
	for m := e.t.FirstChild(body); m >= 0; m = e.t.Nodes[m].Next {
		if e.kind(m) != kMethod {
			continue
		}
		mb := e.child(m, e.g.fBody)
		if mb < 0 {
			continue
		}
		params := map[string]int32{}
		if ps := e.child(m, e.g.fParameters); ps >= 0 {
			for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
				if v := e.child(p, e.g.fName); v >= 0 {
					params[e.text(v)] = p
				}
			}
		}
		for j, end := mb+1, e.end(mb); j < end; j++ {
			if e.kind(j) != kAssignment {
				continue
			}
			l, r := e.child(j, e.g.fLeft), e.child(j, e.g.fRight)
			if l < 0 || r < 0 || e.kind(l) != kMemberAccess {
				continue
			}
			obj, nm := e.child(l, e.g.fObject), e.child(l, e.g.fName)
			if obj < 0 || nm < 0 || e.kind(obj) != kVariable || e.text(obj) != "$this" || e.kind(nm) != kName {
				continue
			}
			p := e.text(nm)
			t := ""
			switch e.kind(r) {
			case kNew:
				if c := e.t.FirstChild(r); c >= 0 && (e.kind(c) == kName || e.kind(c) == kQualifiedName) {
					t = e.classRef(e.nameText(c))
				}
			case kVariable:
				if pn, ok := params[e.text(r)]; ok {
					if ty := e.child(pn, e.g.fType); ty >= 0 {
						t = e.typeString(e.text(ty), false, -1)
					}
				}
			}
			if t == "" {
				bad[p] = true
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			if old, ok := out[p]; ok && old != t {
				bad[p] = true
			}
			out[p] = t
		}
	}
	for p := range bad {
		delete(out, p)
	}
	return out
}

// propertyDecl walks a property declaration: its type uses, attributes,
// PHPDoc and initializers.
func (e *extractor) propertyDecl(i int32) {
	doc := e.takeDoc()
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fType:
			e.typeString(e.text(c), false, c)
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case e.kind(c) == kPropertyElement:
			if init := e.childKind(c, kPropertyInit); init >= 0 {
				e.visitChildren(init)
			}
		}
	}
	if doc >= 0 {
		e.docTypeRefs(doc, "@var")
	}
	e.propertyData(i, doc)
}

// constDecl walks a constant declaration's values (and a typed
// constant's type).
func (e *extractor) constDecl(i int32) {
	e.takeDoc()
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fType:
			e.typeString(e.text(c), false, c)
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case e.kind(c) == kConstElement:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kName {
					e.visitExpr(d)
				}
			}
		}
	}
}

// methodDecl walks a method: its signature's type uses, attributes and
// PHPDoc, then its body in a scope of its own.
func (e *extractor) methodDecl(i int32) {
	doc := e.takeDoc()
	fr := e.frame()
	if fr == nil || e.anon > 0 {
		// A method of an anonymous class: its code belongs to the named
		// type around it, its $this to no known type.
		e.function(i, doc, -1)
		return
	}
	saved := e.method
	e.method = -1
	name := ""
	if nm := e.child(i, e.g.fName); nm >= 0 {
		name = e.text(nm)
	}
	ms := e.f.Types[fr.typ].Methods
	for j := range ms {
		if ms[j].Name == name && ms[j].Line == e.lineOf(e.child(i, e.g.fName)) {
			e.method = j
			break
		}
	}
	e.function(i, doc, e.method)
	e.method = saved
}

// functionDef walks a namespace-level function: a method of the file's
// module type. One declared inside a method or another function (PHP
// declares it when that code runs) is walked like a closure.
func (e *extractor) functionDef(i int32) {
	doc := e.takeDoc()
	if len(e.frames) > 0 || e.inModule {
		e.function(i, doc, e.method)
		return
	}
	nm := e.child(i, e.g.fName)
	if nm < 0 {
		return
	}
	mt := e.moduleType()
	m := facts.Method{Name: e.text(nm), Line: e.lineOf(nm), EndLine: e.endLineOf(i), Public: true, Static: true}
	var tags []docTag
	if doc >= 0 {
		tags = e.docTags(doc, "@param", "@return")
	}
	if rt := e.child(i, e.g.fReturnType); rt >= 0 {
		m.Return = e.typeString(e.text(rt), false, -1)
	} else {
		for _, tg := range tags {
			if tg.tag == "@return" {
				m.Return = e.typeString(tg.typ, true, -1)
			}
		}
	}
	if ps := e.child(i, e.g.fParameters); ps >= 0 {
		for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
			if pk := e.kind(p); pk == kSimpleParam || pk == kVariadicParam {
				w := e.paramType(p, tags)
				if pk == kVariadicParam {
					w += "..."
				}
				m.Params = append(m.Params, w)
			}
		}
	}
	// A function of another namespace than the module's keeps its own
	// namespace in its name.
	if e.ns != e.moduleNS {
		m.Name = strings.TrimPrefix(strings.TrimPrefix(e.ns, e.moduleNS), `\`) + `\` + m.Name
	}
	t := &e.f.Types[mt]
	t.Methods = append(t.Methods, m)
	saved := e.method
	e.method = len(t.Methods) - 1
	e.inModule = true
	e.function(i, doc, e.method)
	e.inModule = false
	e.method = saved
}

// function walks a function-like declaration (method, function): the
// type uses of its signature and PHPDoc, then its body with its
// parameters in scope.
func (e *extractor) function(i int32, doc int32, method int) {
	var tags []docTag
	if doc >= 0 {
		tags = e.docTags(doc, "@param", "@return", "@throws", "@var")
	}
	sc := scope{barrier: true}
	if body := e.child(i, e.g.fBody); body >= 0 {
		sc.counts = e.countAssignments(body)
	}
	e.scopes = append(e.scopes, sc)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case e.field(c) == e.g.fParameters:
			e.params(c, tags)
		case e.field(c) == e.g.fReturnType:
			e.typeString(e.text(c), false, c)
		case e.field(c) == e.g.fBody:
			e.visitChildren(c)
		}
	}
	for _, tg := range tags {
		switch tg.tag {
		case "@return", "@throws", "@param":
			e.typeString(tg.typ, true, doc)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// params declares the parameters of a function in the current scope and
// emits their type uses (declared, or from PHPDoc @param when none is
// declared).
func (e *extractor) params(ps int32, tags []docTag) {
	for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
		pk := e.kind(p)
		if pk != kSimpleParam && pk != kVariadicParam && pk != kPromotedParam {
			continue
		}
		written := ""
		v := e.child(p, e.g.fName)
		for c := e.t.FirstChild(p); c >= 0; c = e.t.Nodes[c].Next {
			switch {
			case e.kind(c) == kAttributeList:
				e.attributes(c)
			case e.field(c) == e.g.fType:
				written = e.typeString(e.text(c), false, c)
			case e.field(c) == e.g.fDefaultValue:
				e.visitExpr(c)
			}
		}
		if written == "" && v >= 0 {
			name := e.text(v)
			for _, tg := range tags {
				if tg.tag == "@param" && tg.name == name {
					written = e.typeString(tg.typ, true, -1)
					break
				}
			}
		}
		if v >= 0 {
			if pk == kVariadicParam {
				written = "" // an array of them
			}
			e.declare(varName(e.text(v)), written, -1, false)
		}
	}
}
