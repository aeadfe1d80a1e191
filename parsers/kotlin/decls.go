package kotlin

import (
	"bytes"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// prop is a property of a type, for its JVM accessors.
type prop struct {
	name, typ string
	mutable   bool
	line      int
}

// typeDecl walks a class, interface, object or companion object.
func (e *extractor) typeDecl(i int32) {
	k := e.kind(i)
	nameNode := e.child(i, e.g.fName)
	name := ""
	switch {
	case nameNode >= 0:
		name = strings.Trim(e.text(nameNode), "`")
	case k == kCompanion:
		name = "Companion"
	default:
		e.visitChildren(i)
		return
	}
	outer := -1
	if len(e.frames) > 0 {
		outer = e.frames[len(e.frames)-1].typ
		name = e.f.Types[outer].Name + "." + name
	}
	modNode := e.childKind(i, kModifiers)
	m := e.modifiers(modNode)
	tk := facts.Class
	if k == kClassDecl {
		switch {
		case m.has("enum"):
			tk = facts.Enum
		case m.has("annotation"):
			tk = facts.Annotation
		case e.keywordBefore(i, modNode, nameNode, "interface"):
			tk = facts.Interface
		}
	}
	line := e.lineOf(i)
	if nameNode >= 0 {
		line = e.lineOf(nameNode)
	}
	t := facts.Type{Name: name, Kind: tk, Outer: outer, Line: line, EndLine: e.endLineOf(i),
		Public: m.public(), Abstract: m.abstract || tk == facts.Interface || m.has("sealed"),
		Annotations: e.annotationNames(m.anns)}
	body := e.childKind(i, kClassBody)
	fr := frame{typ: len(e.f.Types), body: body, fields: map[string]string{}}
	if tp := e.childKind(i, kTypeParams); tp >= 0 {
		fr.tparams = e.typeParams(tp)
		t.TypeParams = fr.tparams
	}
	e.f.Types = append(e.f.Types, t)
	e.frames = append(e.frames, fr)
	saved := e.method
	e.method = -1
	// Constructor parameters that are not properties are in scope in the
	// initializers.
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	props := e.collectFields(i, fr.typ, k, fr.fields)

	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kModifiers:
			for _, a := range m.anns {
				e.annotation(a)
			}
		case kTypeParams, kTypeConstraints:
			e.typeParamBounds(c)
		case kPrimaryCtor:
			e.primaryCtor(c, fr.typ)
		case kDelegationSpecs:
			e.supertypes(c)
		case kClassBody:
			e.visitChildren(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
	e.addAccessors(fr.typ, props)
	e.typeData(i, fr.typ)
	e.method = saved
	e.frames = e.frames[:len(e.frames)-1]
}

// keywordBefore reports whether the keyword w is written between a
// declaration's modifiers (or its start) and its name.
func (e *extractor) keywordBefore(decl, modNode, nameNode int32, w string) bool {
	start := e.t.Nodes[decl].Start
	if modNode >= 0 {
		start = e.t.Nodes[modNode].End
	}
	end := e.t.Nodes[decl].End
	if nameNode >= 0 {
		end = e.t.Nodes[nameNode].Start
	}
	for _, f := range bytes.Fields(tsflat.StripComments(e.t.Src[start:end])) {
		if string(f) == w {
			return true
		}
	}
	return false
}

// collectFields records the properties a type declares, before its body
// is walked, so that uses before the declaration are typed: `val`/`var`
// constructor parameters, properties of the body, enum entries, an
// object's INSTANCE and a companion object's field. The constants
// (const val, @JvmField) of a companion object are static fields of the
// outer class too, as on the JVM. It returns the properties that have
// accessors.
func (e *extractor) collectFields(decl int32, typ int, k kind, into map[string]string) []prop {
	var props []prop
	simple := simpleName(e.f.Types[typ].Name)
	add := func(f facts.Field) {
		into[f.Name] = f.Type
		e.f.Types[typ].Fields = append(e.f.Types[typ].Fields, f)
	}
	if k == kObjectDecl {
		add(facts.Field{Name: "INSTANCE", Type: simple, Static: true, Line: e.f.Types[typ].Line})
	}
	if pc := e.childKind(decl, kPrimaryCtor); pc >= 0 {
		if ps := e.childKind(pc, kClassParams); ps >= 0 {
			for p := e.first(ps); p >= 0; p = e.next(p) {
				if e.kind(p) != kClassParam {
					continue
				}
				f, mutable, ok := e.classParamField(p)
				if !ok {
					continue
				}
				m := e.modifiers(e.childKind(p, kModifiers))
				add(f)
				if m.public() && !hasAnn(f.Annotations, "JvmField") {
					props = append(props, prop{f.Name, f.Type, mutable, f.Line})
				}
			}
		}
	}
	body := e.childKind(decl, kClassBody)
	if body < 0 {
		return props
	}
	for c := e.first(body); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kPropertyDecl:
			f, p, ok := e.propertyField(c, k == kObjectDecl || k == kCompanion)
			if !ok {
				continue
			}
			add(f)
			if p.name != "" {
				props = append(props, p)
			}
		case kEnumEntry:
			if id := e.childKind(c, kIdent); id >= 0 {
				add(facts.Field{Name: e.text(id), Type: simple, Static: true, Line: e.lineOf(id)})
			}
		case kCompanion:
			name := "Companion"
			if nm := e.child(c, e.g.fName); nm >= 0 {
				name = e.text(nm)
			}
			add(facts.Field{Name: name, Type: name, Static: true, Line: e.lineOf(c)})
			if cb := e.childKind(c, kClassBody); cb >= 0 {
				for d := e.first(cb); d >= 0; d = e.next(d) {
					if e.kind(d) != kPropertyDecl {
						continue
					}
					m := e.modifiers(e.childKind(d, kModifiers))
					if !m.has("const") && !hasAnn(e.annotationNames(m.anns), "JvmField") {
						continue
					}
					if f, _, ok := e.propertyField(d, true); ok {
						add(f)
					}
				}
			}
		}
	}
	return props
}

// classParamField reads a `val` or `var` constructor parameter as a field.
func (e *extractor) classParamField(p int32) (f facts.Field, mutable, ok bool) {
	id := e.childKind(p, kIdent)
	if id < 0 {
		return f, false, false
	}
	mod := e.childKind(p, kModifiers)
	start := e.t.Nodes[p].Start
	if mod >= 0 {
		start = e.t.Nodes[mod].End
	}
	head := strings.Fields(string(tsflat.StripComments(e.t.Src[start:e.t.Nodes[id].Start])))
	if len(head) == 0 || head[len(head)-1] != "val" && head[len(head)-1] != "var" {
		return f, false, false
	}
	f = facts.Field{Name: strings.Trim(e.text(id), "`"), Line: e.lineOf(id)}
	for c := e.next(id); c >= 0; c = e.next(c) {
		if e.isType(c) {
			f.Type = e.written(c)
			break
		}
	}
	f.Annotations = e.annotationNames(e.modifiers(mod).anns)
	return f, head[len(head)-1] == "var", true
}

// propertyParts splits a property declaration into its parts.
type propertyParts struct {
	mods     int32
	recvType int32 // the receiver type of an extension property, or -1
	decl     int32 // variable_declaration or multi_variable_declaration
	init     int32 // the initializer expression, or -1
	delegate int32
	tparams  int32
}

func (e *extractor) propertyParts(i int32) propertyParts {
	p := propertyParts{mods: -1, recvType: -1, decl: -1, init: -1, delegate: -1, tparams: -1}
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kModifiers:
			p.mods = c
		case k == kTypeParams:
			p.tparams = c
		case k == kVariableDecl || k == kMultiVariableDecl:
			p.decl = c
		case k == kPropertyDelegate:
			p.delegate = c
		case k == kGetter || k == kSetter || k == kTypeConstraints || k == kComment:
		case p.decl < 0 && e.isType(c):
			p.recvType = c
		case p.decl >= 0 && p.init < 0:
			p.init = c
		}
	}
	return p
}

// propertyHead returns a property's name and its type: as written, or the
// class its initializer constructs.
func (e *extractor) propertyHead(i int32) (name, typ string, ok bool) {
	p := e.propertyParts(i)
	if p.decl < 0 || e.kind(p.decl) != kVariableDecl || p.recvType >= 0 {
		return "", "", false
	}
	id := e.childKind(p.decl, kIdent)
	if id < 0 {
		return "", "", false
	}
	name = strings.Trim(e.text(id), "`")
	for c := e.next(id); c >= 0; c = e.next(c) {
		if e.isType(c) {
			return name, e.written(c), true
		}
	}
	if p.init >= 0 {
		typ = e.constructed(p.init)
	} else if p.delegate >= 0 {
		typ = e.lazyConstructed(p.delegate)
	}
	return name, typ, true
}

// lazyConstructed returns the class a `by lazy { ... }` delegate
// constructs: the constructor call that ends the lambda. "" for anything
// else.
func (e *extractor) lazyConstructed(delegate int32) string {
	call := e.childKind(delegate, kCallExpr)
	if call < 0 {
		return ""
	}
	callee := e.first(call)
	if callee < 0 || e.kind(callee) != kIdent || e.text(callee) != "lazy" {
		return ""
	}
	al := e.childKind(call, kAnnotatedLambda)
	if al < 0 {
		return ""
	}
	lit := e.childKind(al, kLambdaLiteral)
	if lit < 0 {
		return ""
	}
	last := int32(-1)
	for c := e.first(lit); c >= 0; c = e.next(c) {
		if k := e.kind(c); k != kComment && k != kLambdaParams {
			last = c
		}
	}
	if last < 0 {
		return ""
	}
	return e.constructed(last)
}

// propertyField reads a property of a type's body as a field, and the
// accessors it gives (name "" when none).
func (e *extractor) propertyField(i int32, static bool) (facts.Field, prop, bool) {
	name, typ, ok := e.propertyHead(i)
	if !ok {
		return facts.Field{}, prop{}, false
	}
	p := e.propertyParts(i)
	m := e.modifiers(p.mods)
	f := facts.Field{Name: name, Type: typ, Static: static, Annotations: e.annotationNames(m.anns), Line: e.lineOf(p.decl)}
	if m.has("const") && p.init >= 0 {
		f.Static = true
		if s, ok := e.constString(p.init); ok {
			f.Value = s
		}
	}
	var pr prop
	if m.public() && !m.has("const") && !hasAnn(f.Annotations, "JvmField") {
		pr = prop{name, typ, e.keywordBefore(i, p.mods, p.decl, "var"), f.Line}
	}
	return f, pr, true
}

func hasAnn(anns []string, name string) bool {
	for _, a := range anns {
		if simpleName(a) == name {
			return true
		}
	}
	return false
}

// constructed returns the class an initializer constructs when it is a
// constructor call (`OrderService(repo)`, `a.b.Money(1)`): a call with an
// argument list of a name that starts with an upper-case letter. "" for
// anything else.
func (e *extractor) constructed(i int32) string {
	if e.kind(i) != kCallExpr {
		return ""
	}
	callee := e.first(i)
	if callee < 0 || e.childKind(i, kValueArguments) < 0 {
		return ""
	}
	var name string
	switch e.kind(callee) {
	case kIdent:
		name = e.text(callee)
	case kNavigationExpr:
		d, ok := e.dotted(callee)
		if !ok {
			return ""
		}
		name = d
	default:
		return ""
	}
	if s := simpleName(name); s == "" || s[0] < 'A' || s[0] > 'Z' {
		return ""
	}
	return name
}

// addAccessors gives a type the getters and setters of its properties.
func (e *extractor) addAccessors(typ int, props []prop) {
	t := &e.f.Types[typ]
	for _, p := range props {
		up := upperFirst(p.name)
		getter := "get" + up
		setter := "set" + up
		if strings.HasPrefix(p.name, "is") && len(p.name) > 2 && p.name[2] >= 'A' && p.name[2] <= 'Z' {
			getter, setter = p.name, "set"+p.name[2:]
		}
		t.Methods = append(t.Methods, facts.Method{Name: getter, Return: p.typ, Public: true, Line: p.line, EndLine: p.line, Accessor: true})
		if p.mutable {
			t.Methods = append(t.Methods, facts.Method{Name: setter, Return: "void", Params: []string{p.typ}, Public: true, Line: p.line, EndLine: p.line, Accessor: true})
		}
	}
}

// accessors gives the facade the accessors of the file's public
// top-level properties.
func (e *extractor) accessors(typ int) {
	var props []prop
	for c := e.first(0); c >= 0; c = e.next(c) {
		if e.kind(c) != kPropertyDecl {
			continue
		}
		if _, p, ok := e.propertyField(c, true); ok && p.name != "" {
			props = append(props, p)
		}
	}
	e.addAccessors(typ, props)
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// primaryCtor walks the primary constructor: a constructor method, its
// parameters' types and annotations, default values.
func (e *extractor) primaryCtor(pc int32, typ int) {
	t := &e.f.Types[typ]
	m := facts.Method{Name: simpleName(t.Name), Constructor: true, Line: e.lineOf(pc), EndLine: e.endLineOf(pc)}
	mm := e.modifiers(e.childKind(pc, kModifiers))
	m.Public = mm.public()
	ps := e.childKind(pc, kClassParams)
	if ps >= 0 {
		for p := e.first(ps); p >= 0; p = e.next(p) {
			if e.kind(p) != kClassParam {
				continue
			}
			for c := e.first(p); c >= 0; c = e.next(c) {
				if e.isType(c) {
					m.Params = append(m.Params, e.written(c))
					break
				}
			}
		}
	}
	t.Methods = append(t.Methods, m)
	for _, a := range mm.anns {
		e.annotation(a)
	}
	if ps < 0 {
		return
	}
	for p := e.first(ps); p >= 0; p = e.next(p) {
		if e.kind(p) != kClassParam {
			continue
		}
		var name, typName string
		for c := e.first(p); c >= 0; c = e.next(c) {
			switch k := e.kind(c); {
			case k == kModifiers:
				for _, a := range e.modifiers(c).anns {
					e.annotation(a)
				}
			case k == kIdent && name == "":
				name = strings.Trim(e.text(c), "`")
			case e.isType(c):
				e.typeRefs(c, facts.TypeUse)
				typName = e.written(c)
			default:
				e.visit(c) // a default value
			}
		}
		if name != "" {
			e.declare(name, typName)
		}
	}
}

// supertypes emits the supertypes of a class or object: base references,
// "<init>" when written with a constructor call.
func (e *extractor) supertypes(specs int32) {
	for s := e.first(specs); s >= 0; s = e.next(s) {
		if e.kind(s) != kDelegationSpec {
			continue
		}
		for c := e.first(s); c >= 0; c = e.next(c) {
			switch e.kind(c) {
			case kCtorInvocation:
				for d := e.first(c); d >= 0; d = e.next(d) {
					if e.isType(d) {
						e.baseRef(d, "<init>")
					} else {
						e.visit(d)
					}
				}
			case kExplicitDelegation:
				for d := e.first(c); d >= 0; d = e.next(d) {
					if e.isType(d) {
						e.baseRef(d, "")
					} else {
						e.visit(d)
					}
				}
			case kAnnotation:
				e.annotation(c)
			default:
				if e.isType(c) {
					e.baseRef(c, "")
				}
			}
		}
	}
}

// baseRef emits a supertype reference and the type uses of its
// arguments.
func (e *extractor) baseRef(ty int32, member string) {
	for e.kind(ty) == kNullableType || e.kind(ty) == kParenthesizedType {
		c := e.first(ty)
		if c < 0 {
			return
		}
		ty = c
	}
	if e.kind(ty) != kUserType {
		e.typeRefs(ty, facts.TypeUse)
		return
	}
	if name := e.typeName(ty); name != "" {
		e.refs = append(e.refs, facts.Ref{Kind: facts.BaseType, From: e.from(), Method: -1, Name: name, Member: member, Recv: -1, Line: e.lineOf(ty)})
	}
	for c := e.first(ty); c >= 0; c = e.next(c) {
		if e.kind(c) == kTypeArguments {
			e.typeRefs(c, facts.TypeUse)
		}
	}
}

// memberContext says where a declaration sits.
type memberContext uint8

const (
	inType     memberContext = iota // directly in the body of the innermost named type
	inFile                          // at the top level of the file
	inFunction                      // anywhere else: a local declaration, a member of an object expression
)

func (e *extractor) contextOf(i int32) memberContext {
	p := e.t.Nodes[i].Parent
	if p == 0 {
		return inFile
	}
	if len(e.frames) > 0 && p >= 0 && p == e.frames[len(e.frames)-1].body {
		return inType
	}
	return inFunction
}

// functionDecl walks a function declaration: a method of the enclosing
// type, of the facade, or a local function.
func (e *extractor) functionDecl(i int32) {
	switch e.contextOf(i) {
	case inType:
		e.function(i, e.frames[len(e.frames)-1].typ, false)
	case inFile:
		e.function(i, e.facadeType(), true)
	default:
		if nm := e.child(i, e.g.fName); nm >= 0 {
			e.declare(e.text(nm), "") // calling it is not a reference
		}
		e.function(i, -1, false)
	}
}

// function walks a function (or an anonymous function when typ is -1):
// when typ is a type, the function is added to its methods.
func (e *extractor) function(i int32, typ int, static bool) {
	var modNode, nameNode, params, recvType, retType, tparams int32 = -1, -1, -1, -1, -1, -1
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kModifiers:
			modNode = c
		case k == kTypeParams:
			tparams = c
		case k == kFunctionParams:
			params = c
		case e.t.Nodes[c].Field == e.g.fName:
			nameNode = c
		case e.isType(c) && params < 0:
			recvType = c
		case e.isType(c):
			retType = c
		}
	}
	m := e.modifiers(modNode)
	sc := scope{this: -1, implicit: noImplicit, tparams: e.typeParams(tparams)}
	e.scopes = append(e.scopes, sc)
	savedMethod := e.method
	if typ >= 0 && nameNode >= 0 {
		fm := facts.Method{Name: strings.Trim(e.text(nameNode), "`"), Line: e.lineOf(nameNode), EndLine: e.endLineOf(i),
			TypeParams: sc.tparams, Static: static, Public: m.public()}
		if recvType >= 0 {
			fm.Extension = true
			fm.Params = append(fm.Params, e.written(recvType))
		}
		fm.Params = append(fm.Params, e.paramTypes(params)...)
		switch {
		case retType >= 0:
			fm.Return = e.written(retType)
		case e.blockBody(i):
			fm.Return = "void"
		default:
			if body := e.childKind(i, kFunctionBody); body >= 0 {
				if x := e.bodyExpr(body); x >= 0 {
					fm.Return = e.constructed(x)
				}
			}
		}
		t := &e.f.Types[typ]
		if t.Kind == facts.Interface {
			fm.Public = true
		}
		t.Methods = append(t.Methods, fm)
		e.method = len(t.Methods) - 1
	}
	if recvType >= 0 {
		x := e.expr(facts.ExprType, e.written(recvType), -1, 0)
		s := &e.scopes[len(e.scopes)-1]
		s.this, s.implicit = x, x
	}
	for _, a := range m.anns {
		e.annotation(a)
	}
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kModifiers, c == nameNode:
		case k == kTypeParams, k == kTypeConstraints:
			e.typeParamBounds(c)
		case k == kFunctionParams:
			e.params(c)
		case e.isType(c):
			e.typeRefs(c, facts.TypeUse)
		default:
			e.visit(c)
		}
	}
	e.method = savedMethod
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// blockBody reports whether a function has a block body.
func (e *extractor) blockBody(i int32) bool {
	body := e.childKind(i, kFunctionBody)
	return body < 0 || e.childKind(body, kBlock) >= 0
}

// bodyExpr returns the expression of an expression body, or -1.
func (e *extractor) bodyExpr(body int32) int32 {
	for c := e.first(body); c >= 0; c = e.next(c) {
		if k := e.kind(c); k != kComment && k != kBlock {
			return c
		}
	}
	return -1
}

// paramTypes returns the written types of a function's parameters, a
// vararg one with "...".
func (e *extractor) paramTypes(ps int32) []string {
	if ps < 0 {
		return nil
	}
	var out []string
	vararg := false
	for c := e.first(ps); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kParamModifiers:
			vararg = bytes.Contains(e.bytesOf(c), []byte("vararg"))
		case kParameter:
			t := ""
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.isType(d) {
					t = e.written(d)
					break
				}
			}
			if vararg {
				t += "..."
			}
			out = append(out, t)
			vararg = false
		}
	}
	return out
}

// params declares a function's parameters as locals, emits their types'
// references and walks their default values.
func (e *extractor) params(ps int32) {
	vararg := false
	for c := e.first(ps); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kParamModifiers:
			vararg = bytes.Contains(e.bytesOf(c), []byte("vararg"))
			for _, a := range e.modifiers(c).anns {
				e.annotation(a)
			}
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.kind(d) == kAnnotation {
					e.annotation(d)
				}
			}
		case kParameter:
			name, typ := "", ""
			for d := e.first(c); d >= 0; d = e.next(d) {
				switch {
				case e.kind(d) == kIdent && name == "":
					name = strings.Trim(e.text(d), "`")
				case e.isType(d):
					e.typeRefs(d, facts.TypeUse)
					typ = e.written(d)
				}
			}
			if vararg && typ != "" {
				typ = "Array<" + typ + ">"
			}
			if name != "" {
				e.declare(name, typ)
			}
			vararg = false
		case kComment:
		default:
			e.visit(c) // a default value
		}
	}
}

// propertyDecl walks a property: a member's or a top-level one's type and
// initializer, or a local variable.
func (e *extractor) propertyDecl(i int32) {
	ctx := e.contextOf(i)
	p := e.propertyParts(i)
	m := e.modifiers(p.mods)
	savedScopes := len(e.scopes)
	if p.tparams >= 0 {
		e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit, tparams: e.typeParams(p.tparams)})
		e.typeParamBounds(p.tparams)
	}
	for _, a := range m.anns {
		e.annotation(a)
	}
	savedMethod := e.method
	if p.recvType >= 0 && ctx != inFunction && p.decl >= 0 {
		// An extension property: its getter is an extension method.
		typ := e.from()
		if ctx == inFile {
			typ = e.facadeType()
		}
		name := ""
		if id := e.childKind(p.decl, kIdent); id >= 0 {
			name = e.text(id)
		}
		ret := ""
		if id := e.childKind(p.decl, kIdent); id >= 0 {
			for c := e.next(id); c >= 0; c = e.next(c) {
				if e.isType(c) {
					ret = e.written(c)
				}
			}
		}
		t := &e.f.Types[typ]
		t.Methods = append(t.Methods, facts.Method{Name: "get" + upperFirst(name), Return: ret, Params: []string{e.written(p.recvType)},
			Static: ctx == inFile, Public: m.public(), Extension: true, Line: e.lineOf(i), EndLine: e.endLineOf(i)})
		e.method = len(t.Methods) - 1
		x := e.expr(facts.ExprType, e.written(p.recvType), -1, 0)
		e.scopes = append(e.scopes, scope{this: x, implicit: x})
		e.typeRefs(p.recvType, facts.TypeUse)
	} else if ctx != inFunction {
		e.method = -1
	}
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kModifiers, k == kTypeParams, c == p.recvType, k == kComment:
		case c == p.decl:
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.isType(d) {
					e.typeRefs(d, facts.TypeUse)
				} else if e.kind(d) == kVariableDecl {
					for x := e.first(d); x >= 0; x = e.next(x) {
						if e.isType(x) {
							e.typeRefs(x, facts.TypeUse)
						}
					}
				}
			}
		case k == kGetter || k == kSetter:
			e.accessorBody(c)
		default:
			e.visit(c)
		}
	}
	e.method = savedMethod
	e.scopes = e.scopes[:savedScopes]
	if ctx == inFunction && p.decl >= 0 {
		e.declareProperty(p)
	}
	e.propertyData(i, p, m, ctx)
}

// accessorBody walks a getter or setter: its parameter is a local.
func (e *extractor) accessorBody(i int32) {
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kModifiers:
			for _, a := range e.modifiers(c).anns {
				e.annotation(a)
			}
		case k == kIdent:
			e.declare(e.text(c), "")
		case e.isType(c):
			e.typeRefs(c, facts.TypeUse)
		default:
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// declareProperty declares a local variable (or the variables of a
// destructuring declaration).
func (e *extractor) declareProperty(p propertyParts) {
	if e.kind(p.decl) == kMultiVariableDecl {
		for d := e.first(p.decl); d >= 0; d = e.next(d) {
			if e.kind(d) == kVariableDecl {
				e.declareVar(d, -1, false)
			}
		}
		return
	}
	e.declareVar(p.decl, p.init, false)
}

// declareVar declares the variable of a variable_declaration: typed as
// written, else by the value of the node init (-1: unknown), or, with
// element, by an element of that value.
func (e *extractor) declareVar(v, init int32, element bool) {
	id := e.childKind(v, kIdent)
	if id < 0 || len(e.scopes) == 0 {
		return
	}
	name := strings.Trim(e.text(id), "`")
	for c := e.next(id); c >= 0; c = e.next(c) {
		if e.isType(c) {
			e.declare(name, e.written(c))
			return
		}
	}
	if init < 0 {
		e.declare(name, "")
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, local{name: name, expr: -1, node: init, init: init, element: element})
}

// secondaryCtor walks a secondary constructor.
func (e *extractor) secondaryCtor(i int32) {
	if e.contextOf(i) != inType {
		e.visitChildren(i)
		return
	}
	typ := e.frames[len(e.frames)-1].typ
	t := &e.f.Types[typ]
	m := e.modifiers(e.childKind(i, kModifiers))
	fm := facts.Method{Name: simpleName(t.Name), Constructor: true, Public: m.public(), Line: e.lineOf(i), EndLine: e.endLineOf(i)}
	fm.Params = e.paramTypes(e.childKind(i, kFunctionParams))
	t.Methods = append(t.Methods, fm)
	saved := e.method
	e.method = len(t.Methods) - 1
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	for _, a := range m.anns {
		e.annotation(a)
	}
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kModifiers:
		case kFunctionParams:
			e.params(c)
		case kCtorDelegationCall:
			args := e.childKind(c, kValueArguments)
			head := strings.TrimSpace(string(tsflat.StripComments(e.t.Src[e.t.Nodes[c].Start:e.t.Nodes[c].End])))
			if strings.HasPrefix(head, "super") {
				e.call(facts.Call, "<init>", e.countArgs(args), e.expr(facts.ExprSuper, "", -1, 0), c)
			}
			e.visitChildren(c)
		default:
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
	e.method = saved
}

// objectLiteral walks an object expression: each supertype is an instance
// creation; its members belong to the named type around it.
func (e *extractor) objectLiteral(i int32) {
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kDelegationSpecs:
			for s := e.first(c); s >= 0; s = e.next(s) {
				for d := e.first(s); d >= 0; d = e.next(d) {
					switch e.kind(d) {
					case kCtorInvocation:
						for x := e.first(d); x >= 0; x = e.next(x) {
							if e.isType(x) {
								e.typeRefs(x, facts.New)
							} else {
								e.visit(x)
							}
						}
					case kExplicitDelegation:
						e.visitChildren(d)
					default:
						if e.isType(d) {
							e.typeRefs(d, facts.New)
						}
					}
				}
			}
		case kClassBody:
			e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
			e.visitChildren(c)
			e.scopes = e.scopes[:len(e.scopes)-1]
		default:
			e.visit(c)
		}
	}
}
