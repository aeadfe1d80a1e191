// Package java extracts facts from Java source files.
//
// The file is parsed by the tree-sitter Java grammar and flattened by
// package tsflat; the extractor then walks the flat tree once, in Go, and
// emits declarations (package, imports, types with their nesting, fields,
// methods) and references (extends, implements, type uses, annotations,
// instance creation, calls, method references) with names as written.
//
// # Call receivers
//
// A call's receiver is typed here wherever the file itself says the type:
// locals, parameters, enhanced-for variables, resources, catch parameters
// and pattern bindings in scope (the nearest preceding declaration in the
// enclosing method or lambda, which is exact because Java forbids a local
// from shadowing another in scope), fields declared by the enclosing types,
// `var` locals whose initializer is a `new` or a cast, casts, `new`, `this`
// and `super`. What needs other files (an inherited field, the return type
// of a method called in a chain) is written as a small receiver expression
// (facts.Expr) for package graph to finish. A receiver nobody wrote a type
// for (an untyped lambda parameter, an array element, the result of a JDK
// call) stays unknown: it is counted, never guessed.
//
// # Data access
//
// The extractor also reads what the file says about the database (see
// data.go): SQL and JPQL handed to JDBC, Spring, JPA and Hibernate, with
// the text assembled from literals, locals, builders and constants; JPA
// entity mappings and Spring Data repositories; query annotations; and
// the values of string constants. What needs other files (a constant
// declared elsewhere, an entity's table) is left as names for package
// graph.
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit in
// ERROR nodes; the extractor keeps every fact from the intact parts and
// reports the first error's line as a diagnostic.
package java

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Version is the version of the facts this parser emits: bump it when
// they change for some input (a fact added, a name written differently),
// so that facts cached by an earlier version are parsed again.
const Version = "4"

// Parser extracts facts from Java files. It holds a tree-sitter parser:
// Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
	x  extractor
}

// NewParser returns a Java parser.
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
	return p.ts.Extract(ctx, path, "java", src, func(t *tsflat.Tree, f *facts.File) tsflat.Lines {
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

	// refs and exprs collect the file's references and receiver
	// expressions; they are reused from file to file and copied out at
	// the end, at their final size.
	refs  []facts.Ref
	exprs []facts.Expr

	frames []frame // enclosing named types, innermost last
	scopes []scope // enclosing methods, lambdas and anonymous bodies
	method int     // index of the current method in the current type, or -1

	d dataState // the data side: SQL, mappings, constants (data.go)
}

// frame is a named type being walked.
type frame struct {
	typ     int               // index in f.Types
	body    int32             // its body node
	fields  map[string]string // field name -> type as written
	tparams []string
}

// scope is a method, lambda or anonymous class body being walked.
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
	e.lines = e.lines.Index(t.Src)
	if len(t.Nodes) > 0 {
		e.dataStart()
		e.visitChildren(0)
		e.dataEnd()
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

func (e *extractor) call(k facts.RefKind, member string, args, recv int, at int32) {
	e.refs = append(e.refs, facts.Ref{Kind: k, From: e.from(), Method: e.method, Member: member, Args: args, Recv: recv, Line: e.lineOf(at)})
}

func (e *extractor) expr(k facts.ExprKind, name string, base, args int) int {
	e.exprs = append(e.exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(e.exprs) - 1
}

func (e *extractor) visit(i int32) {
	switch e.kind(i) {
	case kComment:
	case kPackageDecl:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if k := e.kind(c); k == kScopedIdentifier || k == kIdentifier {
				e.f.Package = string(tsflat.Squeeze(e.bytesOf(c)))
			}
		}
	case kImportDecl:
		e.importDecl(i)
	case kClassDecl:
		e.typeDecl(i, facts.Class)
	case kInterfaceDecl:
		e.typeDecl(i, facts.Interface)
	case kEnumDecl:
		e.typeDecl(i, facts.Enum)
	case kRecordDecl:
		e.typeDecl(i, facts.Record)
	case kAnnotationTypeDecl:
		e.typeDecl(i, facts.Annotation)
	case kFieldDecl:
		e.fieldDecl(i)
	case kMethodDecl, kConstructorDecl, kCompactConstructorDecl, kAnnotationElementDecl:
		e.methodDecl(i)
	case kStaticInitializer:
		saved := e.method
		e.method = -1
		e.scopes = append(e.scopes, scope{})
		e.visitChildren(i)
		e.scopes = e.scopes[:len(e.scopes)-1]
		e.method = saved
	case kLambda:
		e.lambda(i)
	case kLocalVarDecl:
		e.localVarDecl(i)
	case kCatchFormalParameter:
		e.catchParam(i)
	case kEnhancedFor:
		e.enhancedFor(i)
	case kResource:
		e.resource(i)
	case kInstanceof:
		e.instanceof(i)
	case kTypePattern:
		e.typePattern(i)
	case kFormalParameter, kSpreadParameter:
		// Parameters outside a method header (a typed lambda, a record
		// pattern) declare locals.
		e.param(i)
	case kCast:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.t.Nodes[c].Field == e.g.fType {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kThrows, kPermits:
		e.typeRefs(i, facts.TypeUse)
	case kObjectCreation:
		e.objectCreation(i)
	case kArrayCreation:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.t.Nodes[c].Field == e.g.fType {
				e.typeRefs(c, facts.TypeUse)
			} else {
				e.visit(c)
			}
		}
	case kClassLiteral:
		e.typeRefs(i, facts.TypeUse)
	case kMarkerAnnotation, kAnnotation:
		e.annotation(i)
	case kMethodInvocation:
		e.methodInvocation(i)
	case kMethodReference:
		e.methodReference(i)
	case kExplicitCtorInvocation:
		e.ctorInvocation(i)
	case kTypeIdentifier, kScopedTypeIdentifier, kGenericType, kArrayType, kAnnotatedType, kTypeArguments:
		// A type in a position not handled above (a generic method's
		// explicit type arguments, a switch pattern): a type use.
		e.typeRefs(i, facts.TypeUse)
	default:
		if e.dk(i) == dReturn {
			e.renderReturn(i)
		}
		e.visitChildren(i)
	}
}

func (e *extractor) importDecl(i int32) {
	words := strings.Fields(string(tsflat.StripComments(e.bytesOf(i))))
	if len(words) < 2 || words[0] != "import" {
		return
	}
	words = words[1:]
	imp := facts.Import{Line: e.lineOf(i)}
	if len(words) > 1 && words[0] == "static" {
		imp.Static = true
		words = words[1:]
	}
	s := strings.TrimSuffix(strings.Join(words, ""), ";")
	if strings.HasSuffix(s, ".*") {
		imp.Wildcard = true
		s = strings.TrimSuffix(s, ".*")
	}
	if s == "" {
		return
	}
	imp.Name = s
	e.f.Imports = append(e.f.Imports, imp)
}

// typeName returns the name of a type node as written, without generic
// arguments, annotations, whitespace or array brackets: "Map.Entry".
func (e *extractor) typeName(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, "<@ \t\r\n/[") < 0 {
		return tsflat.View(b)
	}
	out := make([]byte, 0, len(b))
	depth := 0
	sq := tsflat.Squeeze(b)
	for j := 0; j < len(sq); j++ {
		c := sq[j]
		switch {
		case c == '<':
			depth++
		case c == '>':
			depth--
		case depth > 0:
		case c == '@':
			// An annotation on a type: skip its name and arguments.
			j++
			for j < len(sq) && (isIdent(sq[j]) || sq[j] == '.') {
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
		case c == '[' || c == ']':
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// written returns a type as written, whitespace removed: "List<Owner>",
// "Owner[]".
func (e *extractor) written(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n/") < 0 {
		return tsflat.View(b)
	}
	return string(tsflat.Squeeze(b))
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
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
// type itself, a type use for each type argument.
func (e *extractor) typeRefs(i int32, base facts.RefKind) {
	switch e.kind(i) {
	case kTypeIdentifier:
		name := e.text(i)
		if name != "var" && !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
	case kScopedTypeIdentifier:
		e.ref(base, e.typeName(i), i)
		// Outer<X>.Inner: X is a type use too.
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kGenericType {
				if a := e.childKind(c, kTypeArguments); a >= 0 {
					e.typeRefs(a, facts.TypeUse)
				}
			}
		}
	case kGenericType:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kTypeArguments:
				e.typeRefs(c, facts.TypeUse)
			case kComment:
			default:
				e.typeRefs(c, base)
			}
		}
	case kArrayType:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kDimensions {
				e.typeRefs(c, facts.TypeUse)
			}
		}
	case kAnnotatedType:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if k := e.kind(c); k == kMarkerAnnotation || k == kAnnotation {
				e.annotation(c)
			} else {
				e.typeRefs(c, base)
			}
		}
	case kMarkerAnnotation, kAnnotation:
		e.annotation(i)
	case kPrimitiveType, kComment, kDimensions:
	case kIdentifier:
		// Method references and some patterns name a type with a plain
		// identifier.
		name := e.text(i)
		if !e.isTypeParam(name) {
			e.ref(base, name, i)
		}
	default:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c, base)
		}
	}
}

// modifiers reads a modifiers node: its keywords, and its annotations as
// references from the current type.
func (e *extractor) modifiers(i int32) (public, static, abstract bool, anns []string) {
	if i < 0 {
		return
	}
	b := e.bytesOf(i)
	start := e.t.Nodes[i].Start
	masked := b
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if k := e.kind(c); k == kMarkerAnnotation || k == kAnnotation {
			if name := e.child(c, e.g.fName); name >= 0 {
				anns = append(anns, e.typeName(name))
			}
			e.annotation(c)
			if &masked[0] == &b[0] {
				masked = bytes.Clone(b)
			}
			n := e.t.Nodes[c]
			for j := n.Start - start; j < n.End-start; j++ {
				masked[j] = ' '
			}
		}
	}
	for _, w := range bytes.Fields(masked) {
		switch string(w) {
		case "public":
			public = true
		case "static":
			static = true
		case "abstract":
			abstract = true
		}
	}
	return
}

// annotationNames returns the names of the annotations in a modifiers
// node, without emitting references (the walk does that).
func (e *extractor) annotationNames(m int32) []string {
	var names []string
	for c := e.t.FirstChild(m); c >= 0; c = e.t.Nodes[c].Next {
		if k := e.kind(c); k == kMarkerAnnotation || k == kAnnotation {
			if name := e.child(c, e.g.fName); name >= 0 {
				names = append(names, e.typeName(name))
			}
		}
	}
	return names
}

func (e *extractor) annotation(i int32) {
	if name := e.child(i, e.g.fName); name >= 0 {
		e.ref(facts.Annotates, e.typeName(name), name)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.t.Nodes[c].Field != e.g.fName {
			e.visit(c)
		}
	}
}

func (e *extractor) typeParams(i int32) []string {
	var names []string
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kTypeParameter {
			continue
		}
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.kind(d) == kTypeIdentifier || e.kind(d) == kIdentifier {
				names = append(names, e.text(d))
				break
			}
		}
	}
	return names
}

// typeParamBounds emits the type uses in the bounds of type parameters.
func (e *extractor) typeParamBounds(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kTypeParameter {
			continue
		}
		first := true
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			switch k := e.kind(d); {
			case (k == kTypeIdentifier || k == kIdentifier) && first:
				first = false
			case k == kMarkerAnnotation || k == kAnnotation:
				e.annotation(d)
			default:
				e.typeRefs(d, facts.TypeUse)
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
	t := facts.Type{Name: name, Kind: k, Outer: outer, Line: e.lineOf(nameNode), EndLine: e.endLineOf(i)}
	body := e.child(i, e.g.fBody)
	fr := frame{typ: len(e.f.Types), body: body, fields: map[string]string{}}
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		fr.tparams = e.typeParams(tp)
		t.TypeParams = fr.tparams
	}
	e.f.Types = append(e.f.Types, t)
	e.frames = append(e.frames, fr)
	saved := e.method
	e.method = -1

	if body >= 0 {
		e.collectFields(body, fr.typ, fr.fields, name)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kModifiers:
			pub, _, abs, anns := e.modifiers(c)
			ty := &e.f.Types[fr.typ]
			ty.Public, ty.Abstract, ty.Annotations = pub, abs || k == facts.Interface, anns
		case kTypeParameters:
			e.typeParamBounds(c)
		case kSuperclass:
			e.typeRefs(c, facts.Extends)
		case kSuperInterfaces:
			e.typeRefs(c, facts.Implements)
		case kExtendsInterfaces:
			e.typeRefs(c, facts.Extends)
		case kPermits:
			e.typeRefs(c, facts.TypeUse)
		case kFormalParameters: // record components
			for p := e.t.FirstChild(c); p >= 0; p = e.t.Nodes[p].Next {
				if k := e.kind(p); k == kFormalParameter || k == kSpreadParameter {
					if ty := e.child(p, e.g.fType); ty >= 0 {
						e.typeRefs(ty, facts.TypeUse)
					}
					for d := e.t.FirstChild(p); d >= 0; d = e.t.Nodes[d].Next {
						if e.kind(d) == kModifiers {
							e.modifiers(d)
						}
					}
				}
			}
		case kClassBody:
			e.visitChildren(c)
		}
	}
	e.typeData(i, fr.typ)
	e.method = saved
	e.frames = e.frames[:len(e.frames)-1]
}

// collectFields records the fields a type body declares, before the body
// is walked, so that uses before the declaration resolve. Record
// components are fields too.
func (e *extractor) collectFields(body int32, typ int, into map[string]string, typeName string) {
	decl := e.t.Nodes[body].Parent
	if decl >= 0 && e.kind(decl) == kRecordDecl {
		if ps := e.child(decl, e.g.fParameters); ps >= 0 {
			for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
				if e.kind(p) != kFormalParameter {
					continue
				}
				ty, nm := e.child(p, e.g.fType), e.child(p, e.g.fName)
				if ty >= 0 && nm >= 0 {
					f := facts.Field{Name: e.text(nm), Type: e.written(ty), Line: e.lineOf(nm)}
					into[f.Name] = f.Type
					e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
				}
			}
		}
	}
	simple := typeName
	if dot := strings.LastIndexByte(simple, '.'); dot >= 0 {
		simple = simple[dot+1:]
	}
	var walk func(b int32)
	walk = func(b int32) {
		for c := e.t.FirstChild(b); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kFieldDecl:
				ty := e.child(c, e.g.fType)
				if ty < 0 {
					continue
				}
				written := e.written(ty)
				static := e.kind(e.t.Nodes[body].Parent) == kInterfaceDecl
				var anns []string
				if m := e.childKind(c, kModifiers); m >= 0 {
					static = static || bytes.Contains(e.bytesOf(m), []byte("static"))
					anns = e.annotationNames(m)
				}
				for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
					if e.t.Nodes[d].Field != e.g.fDeclarator {
						continue
					}
					if nm := e.child(d, e.g.fName); nm >= 0 {
						ft := written
						if e.child(d, e.g.fDimensions) >= 0 {
							ft += "[]"
						}
						f := facts.Field{Name: e.text(nm), Type: ft, Static: static, Annotations: anns, Line: e.lineOf(nm)}
						if static {
							f.Value = e.constValue(d)
						}
						into[f.Name] = f.Type
						e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
					}
				}
			case kEnumConstant:
				if nm := e.child(c, e.g.fName); nm >= 0 {
					f := facts.Field{Name: e.text(nm), Type: simple, Static: true, Line: e.lineOf(nm)}
					into[f.Name] = f.Type
					e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
				}
			case kClassBody: // enum_body_declarations
				walk(c)
			}
		}
	}
	walk(body)
}
