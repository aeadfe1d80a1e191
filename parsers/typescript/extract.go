package typescript

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// extractor holds the state of one file's walk; its buffers are reused
// from file to file.
type extractor struct {
	// values memoizes the value expression of each node of the file:
	// without it a call chain a.b().c()... builds its prefix again for
	// every call, in time quadratic in its length.
	values map[int32]int
	g      *grammar
	t      *tsflat.Tree
	f      *facts.File

	lines tsflat.Lines // byte offset of each line start

	refs  []facts.Ref
	exprs []facts.Expr

	module int    // index in f.Types of the file's module type, or -1
	ns     string // the TypeScript namespace being walked ("A.B"), or ""
	scopeX int    // index in exprs of the ExprScope receiver, or -1
	// bound holds the names bound at the file level: imports and
	// top-level declarations.
	bound  map[string]binding
	consts map[string]string // top-level string constants

	frames []frame // enclosing classes, innermost last
	scopes []scope // enclosing functions and blocks
	method int     // index of the current method in Types[from()].Methods, or -1

	data dataState
}

type binding uint8

const (
	bNone binding = iota
	bImport
	bNamespace
	bDecl
)

// frame is a class (or interface) being walked.
type frame struct {
	typ     int
	fields  map[string]string // field and parameter property -> type as written
	tparams []string
	// repoEntity is, for a TypeORM custom repository (extends
	// Repository<E>), the entity E.
	repoEntity string
}

// scope is a function or block that declares locals.
type scope struct {
	locals  []local
	tparams []string
}

// local is a variable or parameter in scope: its type as written, or the
// expression that initialised it (an index in exprs, or -1), and its
// value when it is a string constant.
type local struct {
	name, typ string
	expr      int
	str       string
}

func (e *extractor) run(t *tsflat.Tree, f *facts.File) {
	e.t, e.f = t, f
	e.frames, e.scopes, e.method = e.frames[:0], e.scopes[:0], -1
	e.refs, e.exprs = e.refs[:0], e.exprs[:0]
	clear(e.values)
	e.module, e.scopeX, e.ns = -1, -1, ""
	clear(e.bound)
	if e.bound == nil {
		e.bound = map[string]binding{}
	}
	clear(e.consts)
	if e.consts == nil {
		e.consts = map[string]string{}
	}
	e.data.reset()
	e.lines = e.lines.Index(t.Src)
	f.Package = dirOf(f.Path)
	if len(t.Nodes) > 0 {
		e.prepass(0)
		e.visitChildren(0)
	}
	f.Refs = clone(e.refs)
	f.Exprs = clone(e.exprs)
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// clone copies a scratch slice out at its final size; empty is nil.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func (e *extractor) kind(i int32) kind { return e.g.kind(e.t.Nodes[i].Kind) }

func (e *extractor) field(i int32) uint16 { return e.t.Nodes[i].Field }

func (e *extractor) bytesOf(i int32) []byte { return e.t.Bytes(i) }

// text returns the text of node i as a view into the source.
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

// firstNamed returns the first child of i that is no comment, or -1.
func (e *extractor) firstNamed(i int32) int32 {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
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

// fileLevel reports whether the walk is outside every class and function.
func (e *extractor) fileLevel() bool { return len(e.frames) == 0 && len(e.scopes) == 0 }

// moduleType returns the index of the file's module type, creating it.
func (e *extractor) moduleType() int {
	if e.module < 0 {
		e.module = len(e.f.Types)
		e.f.Types = append(e.f.Types, facts.Type{Name: ModuleName(e.f.Path), Kind: facts.Module, Outer: -1,
			Line: 1, EndLine: max(len(e.lines), 1), Public: true})
	}
	return e.module
}

func (e *extractor) from() int {
	if len(e.frames) > 0 {
		return e.frames[len(e.frames)-1].typ
	}
	return e.moduleType()
}

func (e *extractor) ref(k facts.RefKind, name string, at int32) {
	from := e.from()
	e.refs = append(e.refs, facts.Ref{Kind: k, From: from, Method: e.method, Name: name, Recv: -1, Line: e.lineOf(at)})
}

func (e *extractor) call(member string, args, recv int, at int32) {
	from := e.from()
	e.refs = append(e.refs, facts.Ref{Kind: facts.Call, From: from, Method: e.method, Member: member, Args: args, Recv: recv, Line: e.lineOf(at)})
}

func (e *extractor) expr(k facts.ExprKind, name string, base, args int) int {
	e.exprs = append(e.exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(e.exprs) - 1
}

func (e *extractor) unknown() int { return e.expr(facts.ExprUnknown, "", -1, 0) }

func (e *extractor) scopeExpr() int {
	if e.scopeX < 0 {
		e.scopeX = e.expr(facts.ExprScope, "", -1, 0)
	}
	return e.scopeX
}

func (e *extractor) pushScope() { e.scopes = append(e.scopes, scope{}) }

func (e *extractor) popScope() { e.scopes = e.scopes[:len(e.scopes)-1] }

func (e *extractor) declare(l local) {
	if l.name == "" {
		return
	}
	if len(e.scopes) == 0 {
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, l)
}

// lookup finds a local by name, innermost first.
func (e *extractor) lookup(name string) (*local, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		ls := e.scopes[j].locals
		for k := len(ls) - 1; k >= 0; k-- {
			if ls[k].name == name {
				return &ls[k], true
			}
		}
	}
	return nil, false
}

func (e *extractor) isLocal(name string) bool {
	_, ok := e.lookup(name)
	return ok
}

// isBound reports whether name is bound at the file level and not
// shadowed by a local.
func (e *extractor) isBound(name string) bool {
	return e.bound[name] != bNone && !e.isLocal(name)
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

// ---- The prepass: imports and the names bound at the file level.

func (e *extractor) prepass(root int32) {
	for c := e.t.FirstChild(root); c >= 0; c = e.t.Nodes[c].Next {
		e.prepassStatement(c, false)
	}
}

func (e *extractor) prepassStatement(c int32, inExport bool) {
	switch e.kind(c) {
	case kImport:
		e.importStatement(c)
	case kExport:
		if src := e.child(c, e.g.fSource); src >= 0 {
			e.reexport(c, src)
			return
		}
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.field(d) == e.g.fDeclaration {
				e.prepassStatement(d, true)
			}
		}
	case kClassDecl, kAbstractClassDecl, kInterface, kEnum, kTypeAlias, kFunctionDecl, kGeneratorDecl:
		if nm := e.child(c, e.g.fName); nm >= 0 {
			e.bind(e.text(nm), bDecl)
		}
	case kLexicalDecl, kVarDecl:
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.kind(d) != kDeclarator {
				continue
			}
			nm := e.child(d, e.g.fName)
			if nm < 0 {
				continue
			}
			if spec, ok := e.requireOf(e.child(d, e.g.fValue)); ok {
				e.bindRequire(nm, spec, d)
				continue
			}
			e.bindPattern(nm)
		}
	case kAmbient, kExprStatement:
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if k := e.kind(d); k == kModuleDecl {
				if nm := e.child(d, e.g.fName); nm >= 0 && e.kind(nm) == kIdentifier {
					e.bind(e.text(nm), bDecl)
				}
			} else if k != kAssignment && k != kCall {
				e.prepassStatement(d, inExport)
			}
		}
	case kModuleDecl:
		if nm := e.child(c, e.g.fName); nm >= 0 && e.kind(nm) == kIdentifier {
			e.bind(e.text(nm), bDecl)
		}
	}
}

func (e *extractor) bind(name string, b binding) {
	if name != "" && e.bound[name] == bNone {
		e.bound[name] = b
	}
}

// bindPattern binds the names a declaration pattern declares.
func (e *extractor) bindPattern(i int32) {
	switch e.kind(i) {
	case kIdentifier, kShorthandPattern:
		e.bind(e.text(i), bDecl)
	case kPairPattern:
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.bindPattern(v)
		}
	case kAssignPattern, kObjectAssignPattern:
		if l := e.child(i, e.g.fLeft); l >= 0 {
			e.bindPattern(l)
		} else if l := e.firstNamed(i); l >= 0 {
			e.bindPattern(l)
		}
	case kObjectPattern, kArrayPattern, kRestPattern:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.bindPattern(c)
		}
	}
}

// stringValue returns the value of a string literal, or of a template
// literal without substitutions.
func (e *extractor) stringValue(i int32) (string, bool) {
	switch e.kind(i) {
	case kString, kTemplate:
	default:
		return "", false
	}
	n := 0
	var only int32 = -1
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kStringFragment, kEscape:
			n++
			only = c
		case kTemplateSubst:
			return "", false
		}
	}
	switch {
	case n == 0:
		return "", true
	case n == 1 && e.kind(only) == kStringFragment:
		return e.text(only), true
	}
	var b strings.Builder
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kStringFragment:
			b.WriteString(e.text(c))
		case kEscape:
			b.WriteString(unescape(e.text(c)))
		}
	}
	return b.String(), true
}

func unescape(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[1] {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case '\n':
		return ""
	}
	return s[1:]
}

// specifier returns the module specifier of a string node.
func (e *extractor) specifier(i int32) string {
	if i < 0 {
		return ""
	}
	s, _ := e.stringValue(i)
	return s
}

func (e *extractor) importStatement(i int32) {
	spec := e.specifier(e.child(i, e.g.fSource))
	line := e.lineOf(i)
	clause := e.childKind(i, kImportClause)
	if rc := e.childKind(i, kImportRequire); rc >= 0 {
		// import x = require('x')
		id := e.childKind(rc, kIdentifier)
		spec = e.specifier(e.child(rc, e.g.fSource))
		if id >= 0 && spec != "" {
			e.addImport(facts.Import{Name: "*", Alias: e.text(id), Wildcard: true, From: spec, Line: line})
			e.bind(e.text(id), bNamespace)
		}
		return
	}
	if spec == "" {
		return
	}
	if clause < 0 {
		e.addImport(facts.Import{From: spec, Line: line})
		return
	}
	for c := e.t.FirstChild(clause); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kIdentifier:
			e.addImport(facts.Import{Name: "default", Alias: e.text(c), From: spec, Line: line})
			e.bind(e.text(c), bImport)
		case kNamespaceImport:
			if id := e.childKind(c, kIdentifier); id >= 0 {
				e.addImport(facts.Import{Name: "*", Alias: e.text(id), Wildcard: true, From: spec, Line: line})
				e.bind(e.text(id), bNamespace)
			}
		case kNamedImports:
			for s := e.t.FirstChild(c); s >= 0; s = e.t.Nodes[s].Next {
				if e.kind(s) != kImportSpecifier {
					continue
				}
				name, alias := e.specifierNames(s)
				if name == "" {
					continue
				}
				e.addImport(facts.Import{Name: name, Alias: alias, From: spec, Line: e.lineOf(s)})
				e.bind(alias, bImport)
			}
		}
	}
}

// specifierNames returns the name and local alias of an import or export
// specifier.
func (e *extractor) specifierNames(s int32) (name, alias string) {
	nm := e.child(s, e.g.fName)
	if nm < 0 {
		return "", ""
	}
	name = e.text(nm)
	if e.kind(nm) == kString {
		name, _ = e.stringValue(nm)
	}
	alias = name
	if al := e.child(s, e.g.fAlias); al >= 0 {
		alias = e.text(al)
		if e.kind(al) == kString {
			alias, _ = e.stringValue(al)
		}
	}
	return name, alias
}

func (e *extractor) addImport(imp facts.Import) {
	e.f.Imports = append(e.f.Imports, imp)
}

// reexport records export ... from '...'.
func (e *extractor) reexport(i, src int32) {
	spec := e.specifier(src)
	if spec == "" {
		return
	}
	line := e.lineOf(i)
	if cl := e.childKind(i, kExportClause); cl >= 0 {
		for s := e.t.FirstChild(cl); s >= 0; s = e.t.Nodes[s].Next {
			if e.kind(s) != kExportSpecifier {
				continue
			}
			name, alias := e.specifierNames(s)
			if name != "" {
				e.addImport(facts.Import{Name: name, Alias: alias, From: spec, Export: true, Line: e.lineOf(s)})
			}
		}
		return
	}
	if ns := e.childKind(i, kNamespaceExport); ns >= 0 {
		alias := ""
		if id := e.firstNamed(ns); id >= 0 {
			alias = e.text(id)
			if e.kind(id) == kString {
				alias, _ = e.stringValue(id)
			}
		}
		e.addImport(facts.Import{Name: "*", Alias: alias, Wildcard: true, From: spec, Export: true, Line: line})
		return
	}
	e.addImport(facts.Import{Name: "*", Wildcard: true, From: spec, Export: true, Line: line})
}

// requireOf returns the specifier when node i is require('x'), an
// import('x') (possibly awaited), or such a call followed by a property
// (require('x').y).
func (e *extractor) requireOf(i int32) (string, bool) {
	if i < 0 {
		return "", false
	}
	switch e.kind(i) {
	case kAwait:
		return e.requireOf(e.firstNamed(i))
	case kMember:
		return e.requireOf(e.child(i, e.g.fObject))
	case kCall:
		fn := e.child(i, e.g.fFunction)
		if fn < 0 {
			return "", false
		}
		switch k := e.kind(fn); {
		case k == kImportKeyword, k == kIdentifier && e.text(fn) == "require":
		default:
			return "", false
		}
		args := e.child(i, e.g.fArguments)
		if args < 0 {
			return "", false
		}
		a := e.firstNamed(args)
		if a < 0 {
			return "", false
		}
		s, ok := e.stringValue(a)
		return s, ok && s != ""
	}
	return "", false
}

// bindRequire records the imports of a declarator initialised by a
// require or an import(): x = require('m'), { a, b: c } = require('m'),
// y = require('m').y.
func (e *extractor) bindRequire(nm int32, spec string, decl int32) {
	line := e.lineOf(decl)
	v := e.child(decl, e.g.fValue)
	if e.kind(v) == kMember {
		prop := e.child(v, e.g.fProperty)
		if e.kind(nm) == kIdentifier && prop >= 0 {
			e.addImport(facts.Import{Name: e.text(prop), Alias: e.text(nm), From: spec, Line: line})
			e.bind(e.text(nm), bImport)
		}
		return
	}
	switch e.kind(nm) {
	case kIdentifier:
		e.addImport(facts.Import{Name: "*", Alias: e.text(nm), Wildcard: true, From: spec, Line: line})
		e.bind(e.text(nm), bNamespace)
	case kObjectPattern:
		for c := e.t.FirstChild(nm); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kShorthandPattern:
				e.addImport(facts.Import{Name: e.text(c), Alias: e.text(c), From: spec, Line: line})
				e.bind(e.text(c), bImport)
			case kPairPattern:
				k, val := e.child(c, e.g.fKey), e.child(c, e.g.fValue)
				if k >= 0 && val >= 0 && e.kind(val) == kIdentifier {
					e.addImport(facts.Import{Name: e.text(k), Alias: e.text(val), From: spec, Line: line})
					e.bind(e.text(val), bImport)
				}
			}
		}
	}
}

// ---- The walk.

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment, kString, kNumber, kTrue, kFalse, kNull, kUndefined, kThis, kSuper,
		kPropertyIdent, kPrivatePropertyIdent, kStringFragment, kPredefinedType, kImportRequire:
	case kImport:
		if e.childKind(i, kImportClause) < 0 && e.childKind(i, kImportRequire) < 0 {
			if spec := e.specifier(e.child(i, e.g.fSource)); spec != "" {
				e.ref(facts.Loads, spec, i)
			}
		}
	case kExport:
		e.exportStatement(i)
	case kClassDecl, kAbstractClassDecl:
		e.classDecl(i, "", false, false, nil)
	case kClassExpr:
		e.classDecl(i, "", false, false, nil)
	case kInterface:
		e.interfaceDecl(i, false)
	case kEnum:
		e.enumDecl(i, false)
	case kTypeAlias:
		e.typeAlias(i, false)
	case kFunctionDecl, kGeneratorDecl:
		e.functionDecl(i, false, false)
	case kFunctionExpr, kArrow:
		e.function(i, -1)
	case kLexicalDecl, kVarDecl:
		e.declaration(i, false)
	case kStatementBlock, kFor, kSwitchCase:
		e.pushScope()
		e.visitChildren(i)
		e.popScope()
	case kForIn:
		e.pushScope()
		if l := e.child(i, e.g.fLeft); l >= 0 {
			expr := -1
			if r := e.child(i, e.g.fRight); r >= 0 && e.kind(l) == kIdentifier &&
				hasWordBefore(e.t.Src, e.t.Nodes[l].End, e.t.Nodes[r].Start, "of") {
				expr = e.expr(facts.ExprElement, "", e.valueExpr(r), 0)
			}
			e.declarePattern(l, "", expr)
		}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) != e.g.fLeft {
				e.visit(c)
			}
		}
		e.popScope()
	case kCatch:
		e.pushScope()
		if p := e.child(i, e.g.fParameter); p >= 0 {
			e.declarePattern(p, "", -1)
		}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) != e.g.fParameter {
				e.visit(c)
			}
		}
		e.popScope()
	case kCall:
		e.callExpr(i)
	case kNew:
		e.newExpr(i)
	case kMember:
		e.memberRead(i)
	case kIdentifier:
		if name := e.text(i); e.isBound(name) {
			e.ref(facts.TypeUse, name, i)
		}
	case kShorthandProp:
		if name := e.text(i); e.isBound(name) {
			e.ref(facts.TypeUse, name, i)
		}
	case kPair:
		// The key is a name, not a use (unless computed).
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.field(c) != e.g.fKey || e.kind(c) == kComputedName {
				e.visit(c)
			}
		}
	case kAssignment:
		e.assignment(i)
	case kAsExpr, kSatisfies, kTypeAssertion:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.isTypeNode(c) {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kTypeAnnotation, kTypeArgs, kGenericType, kTypeIdent, kNestedTypeIdent, kTypeQuery:
		e.typeRefs(i, facts.TypeUse)
	case kTypeParams:
		e.typeParams(i)
	case kDecorator:
		e.decorator(i)
	case kJSXOpening, kJSXSelfClosing:
		e.jsxElement(i)
	case kJSXClosing:
	case kModuleDecl:
		e.namespaceDecl(i)
	case kMethodDef, kFieldDef, kMethodSig, kAbstractMethodSig, kPropertySig:
		// A member outside a class body (an object literal's method):
		// code of the enclosing function.
		e.objectMember(i)
	default:
		e.visitChildren(i)
	}
}

// isTypeNode reports whether node i is a type (in an as/satisfies
// expression, whose children are an expression and a type).
func (e *extractor) isTypeNode(i int32) bool {
	switch e.kind(i) {
	case kTypeIdent, kNestedTypeIdent, kGenericType, kPredefinedType, kLiteralType, kObjectType, kTypeQuery:
		return true
	}
	name := e.g.lang.SymbolName(e.t.Nodes[i].Kind)
	return strings.HasSuffix(name, "_type")
}

// objectMember walks a method or property of an object literal as code of
// the enclosing function.
func (e *extractor) objectMember(i int32) {
	e.pushScope()
	e.params(i)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fName || e.kind(c) == kFormalParams:
		case e.field(c) == e.g.fBody:
			e.visitChildren(c)
		default:
			e.visit(c)
		}
	}
	e.popScope()
}

// ---- Types.

func (e *extractor) typeParams(i int32) {
	var names []string
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kTypeParam {
			continue
		}
		if nm := e.child(c, e.g.fName); nm >= 0 {
			names = append(names, e.text(nm))
		}
	}
	if len(e.scopes) > 0 {
		s := &e.scopes[len(e.scopes)-1]
		s.tparams = append(s.tparams, names...)
	} else if len(e.frames) > 0 {
		fr := &e.frames[len(e.frames)-1]
		fr.tparams = append(fr.tparams, names...)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.field(d) != e.g.fName {
				e.typeRefs(d, facts.TypeUse)
			}
		}
	}
}

// typeRefs emits references for the type written at node i: base for the
// type itself, a type use for each type argument and any type inside.
func (e *extractor) typeRefs(i int32, base facts.RefKind) {
	switch e.kind(i) {
	case kTypeIdent:
		name := e.text(i)
		if !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
	case kNestedTypeIdent:
		name := e.dotted(i)
		if first, _, _ := strings.Cut(name, "."); !e.isLocal(first) {
			e.ref(base, name, i)
		}
	case kGenericType:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kTypeArgs {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.typeRefs(c, base)
			}
		}
	case kTypeQuery:
		// typeof x: a value used in a type.
		if x := e.firstNamed(i); x >= 0 {
			switch e.kind(x) {
			case kIdentifier:
				e.visit(x)
			case kMember:
				e.memberRead(x)
			}
		}
	case kIdentifier, kPredefinedType, kLiteralType, kComment, kPropertyIdent, kString, kNumber:
	case kTypeParams:
		// A generic function type: <T>(x: T) => T.
		e.pushScope()
		e.typeParams(i)
		e.popScope()
	case kFormalParams:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if t := e.child(c, e.g.fType); t >= 0 {
				e.typeRefs(t, facts.TypeUse)
			}
		}
	default:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c, facts.TypeUse)
		}
	}
}

// dotted returns a qualified name as written, without whitespace or
// comments: "ns.Order".
func (e *extractor) dotted(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n/?!") < 0 {
		return tsflat.View(b)
	}
	out := make([]byte, 0, len(b))
	for _, c := range tsflat.StripComments(b) {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '?' && c != '!' {
			out = append(out, c)
		}
	}
	return string(out)
}

// written returns a type annotation's type as written, whitespace and
// comments removed: "Repository<User>", "Order[]".
func (e *extractor) written(ann int32) string {
	if ann < 0 {
		return ""
	}
	t := ann
	if e.kind(ann) == kTypeAnnotation {
		if t = e.firstNamed(ann); t < 0 {
			return ""
		}
	}
	return e.dotted(t)
}

// ---- Declarations.

// exportStatement walks export ... (a declaration, a default, a clause).
func (e *extractor) exportStatement(i int32) {
	if e.child(i, e.g.fSource) >= 0 {
		return // a re-export: an import (see prepass)
	}
	def := isDefaultExport(e.bytesOf(i))
	var decos []int32
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.field(c) == e.g.fDecorator {
			decos = append(decos, c)
		}
	}
	line := e.lineOf(i)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fDecorator:
		case e.field(c) == e.g.fDeclaration:
			e.exportedDecl(c, def, decos)
		case e.field(c) == e.g.fValue:
			e.exportDefaultValue(c, line)
		case e.kind(c) == kExportClause:
			for s := e.t.FirstChild(c); s >= 0; s = e.t.Nodes[s].Next {
				if e.kind(s) == kExportSpecifier {
					name, alias := e.specifierNames(s)
					if name != "" {
						e.export(alias, name, e.lineOf(s))
					}
				}
			}
		case e.kind(c) == kIdentifier:
			// export = X
			e.export("default", e.text(c), line)
		case e.kind(c) == kComment:
		default:
			e.visit(c)
		}
	}
}

// isDefaultExport reports whether an export statement's text starts with
// `export default` (the keyword is no named node).
func isDefaultExport(b []byte) bool {
	for len(b) > 0 && b[0] == '@' {
		// Decorators before `export`: skip to the keyword.
		j := bytes.Index(b, []byte("export"))
		if j < 0 {
			return false
		}
		b = b[j:]
	}
	b = bytes.TrimPrefix(b, []byte("export"))
	b = bytes.TrimLeft(b, " \t\r\n")
	return bytes.HasPrefix(b, []byte("default")) && (len(b) == 7 || !isIdentByte(b[7]))
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func (e *extractor) export(name, local string, line int) {
	if e.ns != "" {
		return // a member of a namespace, not of the module
	}
	e.f.Exports = append(e.f.Exports, facts.Export{Name: name, Local: local, Line: line})
}

// namespaceDecl walks namespace A.B { ... }: its declarations are named
// with the namespace ("A.B.Thing"). declare module 'x' { ... } only
// declares.
func (e *extractor) namespaceDecl(i int32) {
	saved := e.ns
	if nm := e.child(i, e.g.fName); nm >= 0 && e.kind(nm) != kString {
		e.ns = qualify(e.ns, e.dotted(nm))
	}
	if b := e.child(i, e.g.fBody); b >= 0 {
		e.visitChildren(b)
	}
	e.ns = saved
}

// qualify prefixes a name with the namespace it is declared in.
func qualify(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}

func (e *extractor) exportedDecl(d int32, def bool, decos []int32) {
	switch e.kind(d) {
	case kClassDecl, kAbstractClassDecl:
		e.classDecl(d, "", true, def, decos)
	case kInterface:
		e.interfaceDecl(d, true)
	case kEnum:
		e.enumDecl(d, true)
	case kTypeAlias:
		e.typeAlias(d, true)
	case kFunctionDecl, kGeneratorDecl:
		e.functionDecl(d, true, def)
	case kLexicalDecl, kVarDecl:
		e.declaration(d, true)
	case kModuleDecl:
		if nm := e.child(d, e.g.fName); nm >= 0 && e.kind(nm) != kString {
			name := e.dotted(nm)
			name, _, _ = strings.Cut(name, ".")
			e.export(name, name, e.lineOf(d))
		}
		e.visit(d)
	case kAmbient:
		e.visit(d)
	default:
		e.visit(d)
	}
}

// exportDefaultValue walks export default <expression>.
func (e *extractor) exportDefaultValue(v int32, line int) {
	switch e.kind(v) {
	case kIdentifier:
		e.export("default", e.text(v), line)
	case kFunctionExpr, kArrow:
		name := "default"
		if nm := e.child(v, e.g.fName); nm >= 0 {
			name = e.text(nm)
		}
		e.moduleFunction(v, name, true)
		e.export("default", name, line)
	case kClassExpr, kClassDecl, kAbstractClassDecl:
		e.classDecl(v, "", true, true, nil)
	case kNew:
		e.defaultInstance(v, line)
	default:
		e.export("default", "", line)
		e.visit(v)
	}
}

// defaultInstance records export default new X() (module.exports = new
// X()): the module's "default" variable, of type X.
func (e *extractor) defaultInstance(v int32, line int) {
	mt := e.moduleType()
	e.f.Types[mt].Fields = append(e.f.Types[mt].Fields, facts.Field{Name: "default", Type: e.newTypeName(v), Static: true, Line: line})
	e.export("default", "default", line)
	e.visit(v)
}

// typeName returns the name of a declaration, or a name made from the
// file's for an anonymous one.
func (e *extractor) declName(i int32, given string) string {
	if nm := e.child(i, e.g.fName); nm >= 0 {
		return e.text(nm)
	}
	if given != "" {
		return given
	}
	return pascal(ModuleName(e.f.Path))
}

// pascal turns a file name into a type name: "order-list" -> "OrderList".
func pascal(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '-' || r == '_' || r == '.' {
			up = true
			continue
		}
		if up {
			b.WriteString(strings.ToUpper(string(r)))
			up = false
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (e *extractor) newType(name string, k facts.TypeKind, i int32, public bool) int {
	e.f.Types = append(e.f.Types, facts.Type{Name: qualify(e.ns, name), Kind: k, Outer: -1, Line: e.lineOf(i), EndLine: e.endLineOf(i), Public: public})
	return len(e.f.Types) - 1
}

// classDecl walks a class declaration or expression; given names an
// anonymous class (const X = class {}).
func (e *extractor) classDecl(i int32, given string, exported, def bool, decos []int32) int {
	name := e.declName(i, given)
	idx := e.newType(name, facts.Class, i, exported)
	if e.kind(i) == kAbstractClassDecl {
		e.f.Types[idx].Abstract = true
	}
	if exported {
		if def {
			e.export("default", name, e.lineOf(i))
		} else {
			e.export(name, name, e.lineOf(i))
		}
	}
	savedMethod := e.method
	e.frames = append(e.frames, frame{typ: idx})
	e.method = -1
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.field(c) == e.g.fDecorator || e.kind(c) == kDecorator {
			decos = append(decos, c)
		}
	}
	for _, d := range decos {
		e.decorator(d)
	}
	e.classData(idx, decos)
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		e.typeParams(tp)
	}
	if h := e.childKind(i, kClassHeritage); h >= 0 {
		e.heritage(h)
	}
	body := e.child(i, e.g.fBody)
	if body >= 0 {
		e.collectFields(body)
		e.classBody(body)
	}
	e.frames = e.frames[:len(e.frames)-1]
	e.method = savedMethod
	return idx
}

// heritage walks a class's extends and implements clauses.
func (e *extractor) heritage(h int32) {
	for c := e.t.FirstChild(h); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kExtendsClause:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) == kTypeArgs {
					e.typeRefs(d, facts.TypeUse)
					continue
				}
				if e.field(d) == e.g.fValue || e.field(d) == 0 {
					e.superclass(d)
				}
			}
			if v := e.child(c, e.g.fValue); v >= 0 && e.kind(v) == kIdentifier && isRepositoryType(e.text(v)) {
				if ta := e.child(c, e.g.fTypeArguments); ta >= 0 {
					if a := e.firstNamed(ta); a >= 0 {
						e.frames[len(e.frames)-1].repoEntity = e.dotted(a)
					}
				}
			}
		case kImplementsClause:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				e.typeRefs(d, facts.Implements)
			}
		case kComment:
		default:
			// The JavaScript grammar: class_heritage holds the expression.
			e.superclass(c)
		}
	}
}

// superclass walks the expression a class extends.
func (e *extractor) superclass(d int32) {
	switch e.kind(d) {
	case kIdentifier:
		if name := e.text(d); !e.isLocal(name) {
			e.ref(facts.Extends, name, d)
		}
	case kMember:
		if root, ok := e.qualifiedRoot(d); ok && !e.isLocal(root) {
			e.ref(facts.Extends, e.dotted(d), d)
		}
	default:
		e.visit(d)
	}
}

// qualifiedRoot returns the first identifier of a chain of identifiers
// (a.b.c), if node i is one.
func (e *extractor) qualifiedRoot(i int32) (string, bool) {
	for {
		switch e.kind(i) {
		case kIdentifier:
			return e.text(i), true
		case kMember:
			if p := e.child(i, e.g.fProperty); p < 0 || e.kind(p) != kPropertyIdent {
				return "", false
			}
			i = e.child(i, e.g.fObject)
			if i < 0 {
				return "", false
			}
		default:
			return "", false
		}
	}
}

// collectFields records the fields of a class before its members are
// walked: declared fields and constructor parameter properties.
func (e *extractor) collectFields(body int32) {
	fr := &e.frames[len(e.frames)-1]
	t := &e.f.Types[fr.typ]
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kFieldDef, kPropertySig:
			nm := e.child(c, e.g.fName)
			if nm < 0 {
				continue
			}
			v := e.child(c, e.g.fValue)
			if v >= 0 && (e.kind(v) == kArrow || e.kind(v) == kFunctionExpr) {
				continue // a method
			}
			typ := e.written(e.child(c, e.g.fType))
			if typ == "" && v >= 0 && e.kind(v) == kNew {
				typ = e.newTypeName(v)
			}
			if typ == "" && v >= 0 && e.kind(v) == kCall {
				if ent, ok := e.repositoryOf(v); ok {
					typ = "Repository<" + ent + ">"
				}
			}
			name := e.text(nm)
			if fr.fields == nil {
				fr.fields = map[string]string{}
			}
			fr.fields[name] = typ
			f := facts.Field{Name: name, Type: typ, Static: hasWordBefore(e.t.Src, e.t.Nodes[c].Start, e.t.Nodes[nm].Start, "static"), Line: e.lineOf(c)}
			if v >= 0 {
				if s, ok := e.stringValue(v); ok {
					f.Value = s
				}
			}
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) == kDecorator {
					f.Annotations = append(f.Annotations, e.decoratorName(d))
				}
			}
			t.Fields = append(t.Fields, f)
		case kMethodDef:
			nm := e.child(c, e.g.fName)
			if nm < 0 || e.text(nm) != "constructor" {
				continue
			}
			ps := e.child(c, e.g.fParameters)
			if ps < 0 {
				continue
			}
			for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
				if e.kind(p) != kRequiredParam && e.kind(p) != kOptionalParam {
					continue
				}
				if !e.isParameterProperty(p) {
					continue
				}
				pat := e.child(p, e.g.fPattern)
				if pat < 0 || e.kind(pat) != kIdentifier {
					continue
				}
				name, typ := e.text(pat), e.written(e.child(p, e.g.fType))
				if fr.fields == nil {
					fr.fields = map[string]string{}
				}
				fr.fields[name] = typ
				f := facts.Field{Name: name, Type: typ, Line: e.lineOf(p)}
				for d := e.t.FirstChild(p); d >= 0; d = e.t.Nodes[d].Next {
					if e.kind(d) == kDecorator {
						f.Annotations = append(f.Annotations, e.decoratorName(d))
					}
				}
				t.Fields = append(t.Fields, f)
			}
		}
	}
}

// isParameterProperty reports whether a constructor parameter declares a
// field: it has an accessibility modifier or readonly.
func (e *extractor) isParameterProperty(p int32) bool {
	if e.childKind(p, kAccessibility) >= 0 {
		return true
	}
	pat := e.child(p, e.g.fPattern)
	if pat < 0 {
		return false
	}
	return hasWordBefore(e.t.Src, e.t.Nodes[p].Start, e.t.Nodes[pat].Start, "readonly") ||
		hasWordBefore(e.t.Src, e.t.Nodes[p].Start, e.t.Nodes[pat].Start, "override")
}

// hasWordBefore reports whether the source between start and end holds
// the keyword w as a word.
func hasWordBefore(src []byte, start, end uint32, w string) bool {
	if end <= start || int(end) > len(src) {
		return false
	}
	b := src[start:end]
	for {
		j := bytes.Index(b, []byte(w))
		if j < 0 {
			return false
		}
		before := j == 0 || !isIdentByte(b[j-1])
		after := j+len(w) >= len(b) || !isIdentByte(b[j+len(w)])
		if before && after {
			return true
		}
		b = b[j+len(w):]
	}
}

// newTypeName returns the constructor named by a new expression, or "".
func (e *extractor) newTypeName(n int32) string {
	c := e.child(n, e.g.fConstructor)
	if c < 0 {
		return ""
	}
	if _, ok := e.qualifiedRoot(c); ok {
		return e.dotted(c)
	}
	return ""
}

func (e *extractor) classBody(body int32) {
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kMethodDef, kMethodSig, kAbstractMethodSig:
			e.methodDecl(c)
		case kFieldDef, kPropertySig:
			e.fieldDecl(c)
		case kStaticBlock:
			e.pushScope()
			e.visitChildren(c)
			e.popScope()
		case kDecorator:
			e.decorator(c)
		case kComment:
		default:
			e.typeRefs(c, facts.TypeUse)
		}
	}
}

// memberName returns a class member's name.
func (e *extractor) memberName(i int32) (string, int32) {
	nm := e.child(i, e.g.fName)
	if nm < 0 {
		return "", -1
	}
	if e.kind(nm) == kString {
		s, _ := e.stringValue(nm)
		return s, nm
	}
	return e.text(nm), nm
}

// isPublic reports whether a member is public: no private or protected
// modifier, no #name.
func (e *extractor) isPublic(i, nm int32) bool {
	if a := e.childKind(i, kAccessibility); a >= 0 {
		t := e.text(a)
		return t != "private" && t != "protected"
	}
	return nm < 0 || e.kind(nm) != kPrivatePropertyIdent
}

func (e *extractor) methodDecl(i int32) {
	name, nm := e.memberName(i)
	if name == "" {
		e.visitChildren(i)
		return
	}
	fr := &e.frames[len(e.frames)-1]
	t := &e.f.Types[fr.typ]
	m := facts.Method{Name: name, Public: e.isPublic(i, nm), Line: e.lineOf(i), EndLine: e.endLineOf(i),
		Static: nm >= 0 && hasWordBefore(e.t.Src, e.t.Nodes[i].Start, e.t.Nodes[nm].Start, "static")}
	if name == "constructor" && e.kind(i) == kMethodDef {
		m.Name, m.Constructor, m.Return = t.Name, true, ""
	} else if rt := e.child(i, e.g.fReturnType); rt >= 0 {
		m.Return = e.written(rt)
	}
	m.Params = e.paramTypes(e.child(i, e.g.fParameters))
	t.Methods = append(t.Methods, m)
	saved := e.method
	e.method = len(t.Methods) - 1
	e.function(i, e.method)
	e.method = saved
}

func (e *extractor) fieldDecl(i int32) {
	name, nm := e.memberName(i)
	v := e.child(i, e.g.fValue)
	if name != "" && v >= 0 && (e.kind(v) == kArrow || e.kind(v) == kFunctionExpr) {
		fr := &e.frames[len(e.frames)-1]
		t := &e.f.Types[fr.typ]
		m := facts.Method{Name: name, Public: e.isPublic(i, nm), Line: e.lineOf(i), EndLine: e.endLineOf(i),
			Static: hasWordBefore(e.t.Src, e.t.Nodes[i].Start, e.t.Nodes[nm].Start, "static")}
		if rt := e.child(v, e.g.fReturnType); rt >= 0 {
			m.Return = e.written(rt)
		}
		m.Params = e.paramTypes(e.child(v, e.g.fParameters))
		t.Methods = append(t.Methods, m)
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kDecorator {
				e.decorator(c)
			} else if e.field(c) == e.g.fType {
				e.typeRefs(c, facts.TypeUse)
			}
		}
		saved := e.method
		e.method = len(t.Methods) - 1
		e.function(v, e.method)
		e.method = saved
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fName && e.kind(c) != kComputedName:
		case e.kind(c) == kDecorator:
			e.decorator(c)
			e.relationDecorator(c, name)
		case e.field(c) == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		default:
			e.visit(c)
		}
	}
}

// paramTypes returns the written types of a parameter list's parameters
// ("" for an untyped one; "..." appended to a rest parameter).
func (e *extractor) paramTypes(ps int32) []string {
	if ps < 0 {
		return nil
	}
	var out []string
	for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
		switch e.kind(p) {
		case kComment, kDecorator:
			continue
		case kRequiredParam, kOptionalParam:
			t := e.written(e.child(p, e.g.fType))
			if pat := e.child(p, e.g.fPattern); pat >= 0 && e.kind(pat) == kRestPattern {
				t += "..."
			}
			if pat := e.child(p, e.g.fPattern); pat >= 0 && e.kind(pat) == kThis {
				continue
			}
			out = append(out, t)
		case kRestPattern:
			out = append(out, "...")
		default:
			out = append(out, "")
		}
	}
	return out
}

// function walks a function-like node (a function, an arrow, a method) in
// a scope of its own: its parameters are locals, their types and its
// return type are type uses, its body is code.
func (e *extractor) function(i int32, method int) {
	saved := e.method
	if method >= 0 {
		e.method = method
	}
	e.pushScope()
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		e.typeParams(tp)
	}
	e.params(i)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fName, e.field(c) == e.g.fParameters, e.field(c) == e.g.fParameter, e.field(c) == e.g.fTypeParameters:
		case e.field(c) == e.g.fReturnType:
			e.typeRefs(c, facts.TypeUse)
		case e.field(c) == e.g.fBody:
			if e.kind(c) == kStatementBlock {
				e.visitChildren(c)
			} else {
				e.visit(c)
			}
		case e.kind(c) == kDecorator:
			e.decorator(c)
		case e.kind(c) == kAccessibility, e.kind(c) == kComment:
		default:
			e.visit(c)
		}
	}
	e.popScope()
	e.method = saved
}

// params declares the parameters of function-like node i and walks their
// types, decorators and default values.
func (e *extractor) params(i int32) {
	if p := e.child(i, e.g.fParameter); p >= 0 {
		e.declarePattern(p, "", -1)
	}
	ps := e.child(i, e.g.fParameters)
	if ps < 0 {
		return
	}
	for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
		switch e.kind(p) {
		case kComment:
		case kRequiredParam, kOptionalParam:
			ann := e.child(p, e.g.fType)
			typ := e.written(ann)
			if pat := e.child(p, e.g.fPattern); pat >= 0 {
				if e.kind(pat) == kObjectPattern && ann >= 0 {
					e.declareTypedPattern(pat, ann)
				} else {
					e.declarePattern(pat, typ, -1)
				}
			}
			for c := e.t.FirstChild(p); c >= 0; c = e.t.Nodes[c].Next {
				switch {
				case e.field(c) == e.g.fPattern:
					if e.kind(c) != kIdentifier {
						e.patternDefaults(c)
					}
				case e.field(c) == e.g.fType:
					e.typeRefs(c, facts.TypeUse)
				case e.kind(c) == kDecorator:
					e.decorator(c)
				case e.kind(c) == kAccessibility:
				default:
					e.visit(c)
				}
			}
		case kAssignPattern:
			if l := e.child(p, e.g.fLeft); l >= 0 {
				e.declarePattern(l, "", -1)
			}
			if r := e.child(p, e.g.fRight); r >= 0 {
				e.visit(r)
			}
		default:
			e.declarePattern(p, "", -1)
			e.patternDefaults(p)
		}
	}
}

// declarePattern declares the names of a binding pattern as locals; a
// plain identifier gets the type typ or the initialiser expr.
func (e *extractor) declarePattern(i int32, typ string, expr int) {
	switch e.kind(i) {
	case kIdentifier:
		e.declare(local{name: e.text(i), typ: typ, expr: expr})
	case kShorthandPattern:
		e.declare(local{name: e.text(i), expr: -1})
	case kPairPattern:
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.declarePattern(v, "", -1)
		}
	case kAssignPattern, kObjectAssignPattern:
		if l := e.child(i, e.g.fLeft); l >= 0 {
			e.declarePattern(l, "", -1)
		} else if l := e.firstNamed(i); l >= 0 {
			e.declarePattern(l, "", -1)
		}
	case kObjectPattern, kArrayPattern, kRestPattern:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.declarePattern(c, "", -1)
		}
	case kLexicalDecl, kVarDecl:
		// for (const x of xs): the declaration holds the pattern.
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kDeclarator {
				if nm := e.child(c, e.g.fName); nm >= 0 {
					e.declarePattern(nm, "", -1)
				}
			} else {
				e.declarePattern(c, "", -1)
			}
		}
	}
}

// declareTypedPattern declares the names of an object pattern whose type
// is an object type written beside it ({ order }: { order: Order }): each
// name gets its property's type.
func (e *extractor) declareTypedPattern(pat, ann int32) {
	t := e.firstNamed(ann)
	if t < 0 || e.kind(t) != kObjectType {
		e.declarePattern(pat, "", -1)
		return
	}
	for c := e.t.FirstChild(pat); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kShorthandPattern {
			e.declarePattern(c, "", -1)
			continue
		}
		name, typ := e.text(c), ""
		for m := e.t.FirstChild(t); m >= 0; m = e.t.Nodes[m].Next {
			if e.kind(m) == kPropertySig {
				if nm := e.child(m, e.g.fName); nm >= 0 && e.text(nm) == name {
					typ = e.written(e.child(m, e.g.fType))
				}
			}
		}
		e.declare(local{name: name, typ: typ, expr: -1})
	}
}

// patternDefaults walks the default values inside a binding pattern.
func (e *extractor) patternDefaults(i int32) {
	switch e.kind(i) {
	case kAssignPattern, kObjectAssignPattern:
		if r := e.child(i, e.g.fRight); r >= 0 {
			e.visit(r)
		}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if c != e.child(i, e.g.fLeft) && c != e.child(i, e.g.fRight) && c != e.firstNamed(i) {
				e.visit(c)
			}
		}
	case kObjectPattern, kArrayPattern, kPairPattern, kRestPattern:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.patternDefaults(c)
		}
	}
}

// functionDecl walks function f() {}: a method of the module at the file
// level, a local function inside another.
func (e *extractor) functionDecl(i int32, exported, def bool) {
	name := e.declName(i, "")
	if !e.fileLevel() {
		e.declare(local{name: name, expr: -1})
		e.function(i, -1)
		return
	}
	e.moduleFunction(i, name, exported)
	if exported {
		if def {
			e.export("default", name, e.lineOf(i))
		} else {
			e.export(name, name, e.lineOf(i))
		}
	}
}

// moduleFunction records function-like node i as a method of the module
// type and walks it.
func (e *extractor) moduleFunction(i int32, name string, public bool) {
	mt := e.moduleType()
	m := facts.Method{Name: qualify(e.ns, name), Public: public, Static: true, Line: e.lineOf(i), EndLine: e.endLineOf(i)}
	if rt := e.child(i, e.g.fReturnType); rt >= 0 {
		m.Return = e.written(rt)
	}
	m.Params = e.paramTypes(e.child(i, e.g.fParameters))
	if p := e.child(i, e.g.fParameter); p >= 0 {
		m.Params = []string{""}
	}
	e.f.Types[mt].Methods = append(e.f.Types[mt].Methods, m)
	saved := e.method
	e.method = len(e.f.Types[mt].Methods) - 1
	e.function(i, e.method)
	e.method = saved
}

// declaration walks a let, const or var declaration: at the file level
// its names are the module's functions and fields; inside a function,
// locals.
func (e *extractor) declaration(i int32, exported bool) {
	top := e.fileLevel()
	for d := e.t.FirstChild(i); d >= 0; d = e.t.Nodes[d].Next {
		if e.kind(d) != kDeclarator {
			e.visit(d)
			continue
		}
		nm, v, ann := e.child(d, e.g.fName), e.child(d, e.g.fValue), e.child(d, e.g.fType)
		if nm < 0 {
			continue
		}
		if spec, ok := e.requireOf(v); ok {
			if !top {
				e.bindRequire(nm, spec, d)
			}
			continue
		}
		name := ""
		if e.kind(nm) == kIdentifier {
			name = e.text(nm)
		}
		if top && name != "" {
			e.topDeclarator(d, name, v, ann, exported)
			continue
		}
		if top {
			// A destructuring at the file level: its names are module
			// fields of unknown type.
			e.moduleType()
			e.patternFields(nm)
			if exported {
				e.exportPattern(nm)
			}
		} else {
			typ := e.written(ann)
			expr := -1
			if typ == "" && v >= 0 {
				expr = e.valueExpr(v)
			}
			l := local{name: name, typ: typ, expr: expr}
			if v >= 0 {
				if s, ok := e.constString(v); ok {
					l.str = s
				}
			}
			if name == "" {
				e.declarePattern(nm, "", -1)
			}
			e.patternDefaults(nm)
			if ann >= 0 {
				e.typeRefs(ann, facts.TypeUse)
			}
			if v >= 0 {
				e.data.pendingName = name
				e.visit(v)
				e.data.pendingName = ""
			}
			if name != "" {
				e.declare(l)
			}
			continue
		}
		if ann >= 0 {
			e.typeRefs(ann, facts.TypeUse)
		}
		if v >= 0 {
			e.visit(v)
		}
	}
}

// topDeclarator records a file-level const/let/var: a module function
// when it holds one, a class when it holds a class expression, else a
// module field.
func (e *extractor) topDeclarator(d int32, name string, v, ann int32, exported bool) {
	if exported {
		e.export(name, name, e.lineOf(d))
	}
	if v >= 0 {
		switch e.kind(v) {
		case kArrow, kFunctionExpr:
			e.moduleFunction(v, name, exported)
			if ann >= 0 {
				e.typeRefs(ann, facts.TypeUse)
			}
			return
		case kClassExpr:
			e.classDecl(v, name, exported, false, nil)
			return
		}
	}
	mt := e.moduleType()
	f := facts.Field{Name: qualify(e.ns, name), Type: e.written(ann), Static: true, Line: e.lineOf(d)}
	if f.Type == "" && v >= 0 && e.kind(v) == kNew {
		f.Type = e.newTypeName(v)
	}
	if v >= 0 {
		if s, ok := e.constString(v); ok {
			f.Value = s
			e.consts[name] = s
		}
	}
	e.f.Types[mt].Fields = append(e.f.Types[mt].Fields, f)
	if ann >= 0 {
		e.typeRefs(ann, facts.TypeUse)
	}
	if v >= 0 {
		e.data.pendingName = name
		e.visit(v)
		e.data.pendingName = ""
	}
}

// patternFields records the names of a file-level destructuring as module
// fields.
func (e *extractor) patternFields(i int32) {
	switch e.kind(i) {
	case kIdentifier, kShorthandPattern:
		e.f.Types[e.module].Fields = append(e.f.Types[e.module].Fields, facts.Field{Name: e.text(i), Static: true, Line: e.lineOf(i)})
	case kPairPattern:
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.patternFields(v)
		}
	case kAssignPattern, kObjectAssignPattern:
		if l := e.child(i, e.g.fLeft); l >= 0 {
			e.patternFields(l)
		} else if l := e.firstNamed(i); l >= 0 {
			e.patternFields(l)
		}
	case kObjectPattern, kArrayPattern, kRestPattern:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.patternFields(c)
		}
	}
}

func (e *extractor) exportPattern(i int32) {
	switch e.kind(i) {
	case kIdentifier, kShorthandPattern:
		e.export(e.text(i), e.text(i), e.lineOf(i))
	case kPairPattern:
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.exportPattern(v)
		}
	case kObjectPattern, kArrayPattern, kRestPattern:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.exportPattern(c)
		}
	}
}

// constString returns the value of a string expression made of literals
// and constants of the file: 'a', `b`, 'a' + B.
func (e *extractor) constString(v int32) (string, bool) {
	switch e.kind(v) {
	case kString, kTemplate:
		return e.stringValue(v)
	case kParens:
		if x := e.firstNamed(v); x >= 0 {
			return e.constString(x)
		}
	case kIdentifier:
		name := e.text(v)
		if l, ok := e.lookup(name); ok {
			return l.str, l.str != ""
		}
		s, ok := e.consts[name]
		return s, ok
	case kBinary:
		l, r := e.child(v, e.g.fLeft), e.child(v, e.g.fRight)
		op := e.child(v, e.g.fOperator)
		if l < 0 || r < 0 || op >= 0 && e.text(op) != "+" {
			return "", false
		}
		if op < 0 && !bytes.Contains(e.t.Src[e.t.Nodes[l].End:e.t.Nodes[r].Start], []byte("+")) {
			return "", false
		}
		a, ok1 := e.constString(l)
		b, ok2 := e.constString(r)
		return a + b, ok1 && ok2
	}
	return "", false
}

func (e *extractor) interfaceDecl(i int32, exported bool) {
	name := e.declName(i, "")
	idx := e.newType(name, facts.Interface, i, exported)
	if exported {
		e.export(name, name, e.lineOf(i))
	}
	savedMethod := e.method
	e.frames = append(e.frames, frame{typ: idx})
	e.method = -1
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		e.typeParams(tp)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kExtendsTypeClause:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				e.typeRefs(d, facts.Extends)
			}
		case e.field(c) == e.g.fBody:
			e.collectFields(c)
			for m := e.t.FirstChild(c); m >= 0; m = e.t.Nodes[m].Next {
				switch e.kind(m) {
				case kMethodSig:
					e.methodDecl(m)
				case kPropertySig:
					e.fieldDecl(m)
				default:
					e.typeRefs(m, facts.TypeUse)
				}
			}
		}
	}
	e.frames = e.frames[:len(e.frames)-1]
	e.method = savedMethod
}

func (e *extractor) enumDecl(i int32, exported bool) {
	name := e.declName(i, "")
	idx := e.newType(name, facts.Enum, i, exported)
	if exported {
		e.export(name, name, e.lineOf(i))
	}
	body := e.child(i, e.g.fBody)
	if body < 0 {
		return
	}
	e.frames = append(e.frames, frame{typ: idx})
	saved := e.method
	e.method = -1
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		nm := c
		if e.kind(c) != kPropertyIdent && e.kind(c) != kString {
			nm = e.child(c, e.g.fName)
			if v := e.child(c, e.g.fValue); v >= 0 {
				e.visit(v)
			}
		}
		if nm >= 0 && (e.kind(nm) == kPropertyIdent || e.kind(nm) == kString) {
			n := e.text(nm)
			if e.kind(nm) == kString {
				n, _ = e.stringValue(nm)
			}
			e.f.Types[idx].Fields = append(e.f.Types[idx].Fields, facts.Field{Name: n, Type: name, Static: true, Line: e.lineOf(nm)})
		}
	}
	e.frames = e.frames[:len(e.frames)-1]
	e.method = saved
}

func (e *extractor) typeAlias(i int32, exported bool) {
	name := e.declName(i, "")
	idx := e.newType(name, facts.Alias, i, exported)
	if exported {
		e.export(name, name, e.lineOf(i))
	}
	e.frames = append(e.frames, frame{typ: idx})
	saved := e.method
	e.method = -1
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		e.typeParams(tp)
	}
	if v := e.child(i, e.g.fValue); v >= 0 {
		e.typeRefs(v, facts.TypeUse)
	}
	e.frames = e.frames[:len(e.frames)-1]
	e.method = saved
}

// decoratorName returns a decorator's name as written: "Entity",
// "ORM.Column".
func (e *extractor) decoratorName(d int32) string {
	x := e.firstNamed(d)
	if x < 0 {
		return ""
	}
	if e.kind(x) == kCall {
		x = e.child(x, e.g.fFunction)
	}
	if x < 0 {
		return ""
	}
	if _, ok := e.qualifiedRoot(x); ok {
		return e.dotted(x)
	}
	return ""
}

// decorator walks @X, @X(...), @ns.X(...): an annotation reference to X
// and the uses in its arguments.
func (e *extractor) decorator(d int32) {
	x := e.firstNamed(d)
	if x < 0 {
		return
	}
	fn := x
	var args int32 = -1
	if e.kind(x) == kCall {
		fn, args = e.child(x, e.g.fFunction), e.child(x, e.g.fArguments)
		if ta := e.child(x, e.g.fTypeArguments); ta >= 0 {
			e.typeRefs(ta, facts.TypeUse)
		}
	}
	if fn >= 0 {
		if root, ok := e.qualifiedRoot(fn); ok {
			if !e.isLocal(root) {
				e.ref(facts.Annotates, e.dotted(fn), fn)
			}
		} else {
			e.visit(fn)
		}
	}
	if args >= 0 {
		e.visitChildren(args)
	}
}

// ---- Expressions.

// argCount counts the arguments of an argument list.
func (e *extractor) argCount(args int32) int {
	if args < 0 || e.kind(args) != kArguments {
		return 1 // a tagged template
	}
	n := 0
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			n++
		}
	}
	return n
}

func (e *extractor) callExpr(i int32) {
	fn, args := e.child(i, e.g.fFunction), e.child(i, e.g.fArguments)
	if fn < 0 {
		e.visitChildren(i)
		return
	}
	if e.kind(fn) == kAwait && args >= 0 && e.kind(args) == kTemplate {
		// await x.sql<T>`...`, which the grammar reads as (await x.sql)<T>`...`.
		if x := e.firstNamed(fn); x >= 0 {
			fn = x
		}
	}
	n := e.argCount(args)
	switch e.kind(fn) {
	case kImportKeyword:
		if spec, ok := e.requireOf(i); ok {
			e.ref(facts.Loads, spec, i)
		}
	case kIdentifier:
		name := e.text(fn)
		switch {
		case name == "require" && !e.isBound(name) && !e.isLocal(name):
			if spec, ok := e.requireOf(i); ok {
				e.ref(facts.Loads, spec, i)
			}
		case e.isLocal(name):
		default:
			e.call(name, n, e.scopeExpr(), fn)
		}
	case kMember:
		obj, prop := e.child(fn, e.g.fObject), e.child(fn, e.g.fProperty)
		if obj >= 0 && prop >= 0 {
			if spec, ok := e.requireOf(obj); ok {
				// require('./x').f(): a use of the module's f.
				e.ref(facts.Loads, spec, obj)
			} else {
				e.call(e.text(prop), n, e.valueExpr(obj), prop)
				e.qualifierUses(obj)
			}
		}
	case kSuper:
		e.call("<init>", n, e.expr(facts.ExprSuper, "", -1, 0), fn)
	default:
		e.visit(fn)
	}
	e.dataCall(i, fn, args)
	if ta := e.child(i, e.g.fTypeArguments); ta >= 0 {
		e.typeRefs(ta, facts.TypeUse)
	}
	if args >= 0 {
		e.visitChildren(args)
	}
}

// qualifierUses walks the receiver of a call for the references inside
// it; the receiver's own name, when it is a name of the file level or a
// chain of names (a qualifier), is no reference of its own.
func (e *extractor) qualifierUses(obj int32) {
	switch e.kind(obj) {
	case kIdentifier, kThis, kSuper:
	case kMember:
		if _, ok := e.qualifiedRoot(obj); ok {
			return
		}
		if o := e.child(obj, e.g.fObject); o >= 0 {
			e.qualifierUses(o)
		}
	case kNonNull, kParens:
		if x := e.firstNamed(obj); x >= 0 {
			e.qualifierUses(x)
		}
	default:
		e.visit(obj)
	}
}

// valueExpr builds the receiver expression of a value, for typing a call's
// receiver or a local's initialiser.
func (e *extractor) valueExpr(i int32) int {
	if x, ok := e.values[i]; ok {
		return x
	}
	x := e.valueExprOf(i)
	if e.values == nil {
		e.values = map[int32]int{}
	}
	e.values[i] = x
	return x
}

// valueExprOf computes valueExpr.
func (e *extractor) valueExprOf(i int32) int {
	switch e.kind(i) {
	case kThis:
		return e.expr(facts.ExprThis, "", -1, 0)
	case kSuper:
		return e.expr(facts.ExprSuper, "", -1, 0)
	case kIdentifier:
		name := e.text(i)
		if l, ok := e.lookup(name); ok {
			switch {
			case l.typ != "":
				return e.expr(facts.ExprType, l.typ, -1, 0)
			case l.expr >= 0:
				return l.expr
			}
			return e.unknown()
		}
		return e.expr(facts.ExprStatic, name, -1, 0)
	case kMember:
		obj, prop := e.child(i, e.g.fObject), e.child(i, e.g.fProperty)
		if obj < 0 || prop < 0 {
			return e.unknown()
		}
		if root, ok := e.qualifiedRoot(i); ok && !e.isLocal(root) {
			return e.expr(facts.ExprStatic, e.dotted(i), -1, 0)
		}
		return e.expr(facts.ExprField, e.text(prop), e.valueExpr(obj), 0)
	case kCall:
		fn := e.child(i, e.g.fFunction)
		n := e.argCount(e.child(i, e.g.fArguments))
		if fn < 0 {
			return e.unknown()
		}
		if ent, ok := e.repositoryOf(i); ok {
			return e.expr(facts.ExprType, "Repository<"+ent+">", -1, 0)
		}
		switch e.kind(fn) {
		case kMember:
			obj, prop := e.child(fn, e.g.fObject), e.child(fn, e.g.fProperty)
			if obj >= 0 && prop >= 0 {
				return e.expr(facts.ExprCall, e.text(prop), e.valueExpr(obj), n)
			}
		case kIdentifier:
			if !e.isLocal(e.text(fn)) {
				return e.expr(facts.ExprCall, e.text(fn), e.scopeExpr(), n)
			}
		}
		return e.unknown()
	case kNew:
		if t := e.newTypeName(i); t != "" {
			if root, _, _ := strings.Cut(t, "."); !e.isLocal(root) {
				return e.expr(facts.ExprType, t, -1, 0)
			}
		}
		return e.unknown()
	case kAwait:
		if x := e.firstNamed(i); x >= 0 {
			return e.expr(facts.ExprAwait, "", e.valueExpr(x), 0)
		}
	case kParens, kNonNull:
		if x := e.firstNamed(i); x >= 0 {
			return e.valueExpr(x)
		}
	case kAsExpr, kSatisfies, kTypeAssertion:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.isTypeNode(c) && e.kind(c) != kPredefinedType {
				return e.expr(facts.ExprType, e.dotted(c), -1, 0)
			}
		}
	}
	return e.unknown()
}

func (e *extractor) newExpr(i int32) {
	c := e.child(i, e.g.fConstructor)
	for x := e.t.FirstChild(i); x >= 0; x = e.t.Nodes[x].Next {
		switch {
		case x == c:
			if root, ok := e.qualifiedRoot(c); ok {
				if !e.isLocal(root) {
					e.ref(facts.New, e.dotted(c), c)
				}
			} else {
				e.visit(c)
			}
		case e.field(x) == e.g.fTypeArguments || e.kind(x) == kTypeArgs:
			e.typeRefs(x, facts.TypeUse)
		default:
			e.visit(x)
		}
	}
}

// memberRead walks a member expression that is not called: reading
// Status.Paid or ns.config uses a name of the file level; this.x and
// local.x are no reference.
func (e *extractor) memberRead(i int32) {
	if root, ok := e.qualifiedRoot(i); ok {
		if e.isBound(root) {
			// ns.Type.member: the qualifier up to two names.
			e.ref(facts.TypeUse, e.qualifierPrefix(i, root), i)
		}
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.field(c) != e.g.fProperty {
			e.visit(c)
		}
	}
}

// qualifierPrefix returns the first two names of a chain (ns.X of
// ns.X.y) when its root is a namespace import, else the root alone.
func (e *extractor) qualifierPrefix(i int32, root string) string {
	if e.bound[root] != bNamespace {
		return root
	}
	s := e.dotted(i)
	if j := strings.IndexByte(s, '.'); j >= 0 {
		if k := strings.IndexByte(s[j+1:], '.'); k >= 0 {
			return s[:j+1+k]
		}
	}
	return s
}

// assignment walks an assignment; at the file level, CommonJS exports.
func (e *extractor) assignment(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 {
		e.visitChildren(i)
		return
	}
	if e.kind(l) == kMember && len(e.frames) == 0 {
		target := e.dotted(l)
		switch {
		case target == "module.exports":
			e.commonExports(r)
			return
		case strings.HasPrefix(target, "module.exports.") && strings.Count(target, ".") == 2,
			strings.HasPrefix(target, "exports.") && strings.Count(target, ".") == 1:
			e.commonExport(target[strings.LastIndexByte(target, '.')+1:], r)
			return
		}
	}
	if e.kind(l) == kMember && len(e.frames) > 0 && e.kind(r) == kNew {
		if o, p := e.child(l, e.g.fObject), e.child(l, e.g.fProperty); o >= 0 && p >= 0 && e.kind(o) == kThis {
			fr := &e.frames[len(e.frames)-1]
			if _, ok := fr.fields[e.text(p)]; !ok {
				if t := e.newTypeName(r); t != "" {
					if fr.fields == nil {
						fr.fields = map[string]string{}
					}
					fr.fields[e.text(p)] = t
					e.f.Types[fr.typ].Fields = append(e.f.Types[fr.typ].Fields, facts.Field{Name: e.text(p), Type: t, Line: e.lineOf(l)})
				}
			}
		}
	}
	if e.kind(l) == kIdentifier {
		// x = ... writes a variable: no use of it.
		e.visit(r)
		return
	}
	e.visit(l)
	e.visit(r)
}

// commonExports records module.exports = value.
func (e *extractor) commonExports(r int32) {
	line := e.lineOf(r)
	switch e.kind(r) {
	case kIdentifier:
		e.export("default", e.text(r), line)
	case kObject:
		e.export("default", "", line)
		for c := e.t.FirstChild(r); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kShorthandProp:
				e.export(e.text(c), e.text(c), e.lineOf(c))
			case kPair:
				k, v := e.child(c, e.g.fKey), e.child(c, e.g.fValue)
				if k < 0 || v < 0 {
					continue
				}
				key := e.text(k)
				if e.kind(k) == kString {
					key, _ = e.stringValue(k)
				}
				e.commonExport(key, v)
			case kMethodDef:
				if nm := e.child(c, e.g.fName); nm >= 0 {
					e.moduleFunction(c, e.text(nm), true)
					e.export(e.text(nm), e.text(nm), e.lineOf(c))
				}
			default:
				e.visit(c)
			}
		}
	case kArrow, kFunctionExpr:
		name := "default"
		if nm := e.child(r, e.g.fName); nm >= 0 {
			name = e.text(nm)
		}
		e.moduleFunction(r, name, true)
		e.export("default", name, line)
	case kClassExpr:
		e.classDecl(r, "", true, true, nil)
	case kNew:
		e.defaultInstance(r, line)
	default:
		if spec, ok := e.requireOf(r); ok {
			e.addImport(facts.Import{Name: "*", Wildcard: true, From: spec, Export: true, Line: line})
			return
		}
		e.export("default", "", line)
		e.visit(r)
	}
}

// commonExport records exports.name = value.
func (e *extractor) commonExport(name string, v int32) {
	line := e.lineOf(v)
	switch e.kind(v) {
	case kIdentifier:
		e.export(name, e.text(v), line)
	case kArrow, kFunctionExpr:
		e.moduleFunction(v, name, true)
		e.export(name, name, line)
	case kClassExpr:
		e.classDecl(v, name, true, false, nil)
	default:
		if spec, ok := e.requireOf(v); ok {
			e.addImport(facts.Import{Name: "*", Alias: name, Wildcard: true, From: spec, Export: true, Line: line})
			return
		}
		mt := e.moduleType()
		e.f.Types[mt].Fields = append(e.f.Types[mt].Fields, facts.Field{Name: name, Static: true, Line: line})
		e.export(name, name, line)
		e.visit(v)
	}
}

// jsxElement walks <X ...>: a call of component X when its tag is a
// component (upper case, or a member of a name: <ui.Button/>).
func (e *extractor) jsxElement(i int32) {
	nm := e.child(i, e.g.fName)
	if nm >= 0 {
		switch e.kind(nm) {
		case kIdentifier:
			name := e.text(nm)
			if r, _ := utf8.DecodeRuneInString(name); r >= 'A' && r <= 'Z' && !e.isLocal(name) {
				e.call(name, 1, e.scopeExpr(), nm)
			}
		case kMember, kNestedIdent:
			obj, prop := e.child(nm, e.g.fObject), e.child(nm, e.g.fProperty)
			if obj >= 0 && prop >= 0 {
				e.call(e.text(prop), 1, e.valueExpr(obj), prop)
			} else if s := e.dotted(nm); strings.Contains(s, ".") {
				j := strings.LastIndexByte(s, '.')
				if root, _, _ := strings.Cut(s, "."); !e.isLocal(root) {
					e.call(s[j+1:], 1, e.expr(facts.ExprStatic, s[:j], -1, 0), nm)
				}
			}
		}
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != nm {
			e.visit(c)
		}
	}
}
