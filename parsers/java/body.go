package java

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// memberOfNamedType reports whether a declaration node sits directly in the
// body of the innermost named type (not in an anonymous class body).
func (e *extractor) memberOfNamedType(i int32) bool {
	if len(e.frames) == 0 {
		return false
	}
	body := e.frames[len(e.frames)-1].body
	p := e.t.Nodes[i].Parent
	if p >= 0 && p != body && e.kind(p) == kClassBody && e.t.Nodes[p].Parent == body {
		p = body // enum_body_declarations inside an enum_body
	}
	return p == body
}

func (e *extractor) fieldDecl(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kModifiers:
			e.modifiers(c)
		case e.t.Nodes[c].Field == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		case e.t.Nodes[c].Field == e.g.fDeclarator:
			if v := e.child(c, e.g.fValue); v >= 0 {
				e.visit(v)
			}
		}
	}
	if !e.memberOfNamedType(i) && len(e.scopes) > 0 {
		// A field of an anonymous class: visible as a local to its body.
		ty := e.child(i, e.g.fType)
		if ty < 0 {
			return
		}
		written := e.written(ty)
		for d := e.t.FirstChild(i); d >= 0; d = e.t.Nodes[d].Next {
			if e.t.Nodes[d].Field == e.g.fDeclarator {
				if nm := e.child(d, e.g.fName); nm >= 0 {
					e.declare(e.text(nm), written)
				}
			}
		}
	}
}

func (e *extractor) declare(name, typ string) {
	e.declareExpr(name, typ, -1)
}

// declareExpr declares a local whose type is written (typ), or, for a
// `var` initialised by an expression, is that expression's (expr, an index
// in f.Exprs).
func (e *extractor) declareExpr(name, typ string, expr int) {
	if len(e.scopes) == 0 {
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, local{name, typ, expr})
}

func (e *extractor) methodDecl(i int32) {
	named := e.memberOfNamedType(i)
	k := e.kind(i)
	saved := e.method
	sc := scope{}
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		sc.tparams = e.typeParams(tp)
	}
	e.scopes = append(e.scopes, sc)
	if named {
		m := facts.Method{Line: e.lineOf(i), EndLine: e.endLineOf(i), TypeParams: sc.tparams}
		if nm := e.child(i, e.g.fName); nm >= 0 {
			m.Name = e.text(nm)
			m.Line = e.lineOf(nm)
		}
		if k == kConstructorDecl || k == kCompactConstructorDecl {
			m.Constructor = true
		} else if ty := e.child(i, e.g.fType); ty >= 0 {
			m.Return = e.written(ty)
		}
		if ps := e.child(i, e.g.fParameters); ps >= 0 {
			for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
				switch e.kind(p) {
				case kFormalParameter:
					if ty := e.child(p, e.g.fType); ty >= 0 {
						m.Params = append(m.Params, e.written(ty))
					}
				case kSpreadParameter:
					for d := e.t.FirstChild(p); d >= 0; d = e.t.Nodes[d].Next {
						if dk := e.kind(d); dk != kModifiers && dk != kVariableDeclarator && dk != kComment {
							m.Params = append(m.Params, e.written(d)+"...")
							break
						}
					}
				}
			}
		}
		t := &e.f.Types[e.from()]
		if t.Kind == facts.Interface || t.Kind == facts.Annotation {
			m.Public = true
		}
		t.Methods = append(t.Methods, m)
		e.method = len(t.Methods) - 1
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch ck := e.kind(c); {
		case ck == kModifiers:
			pub, static, _, _ := e.modifiers(c)
			if named {
				m := &e.f.Types[e.from()].Methods[e.method]
				m.Public = m.Public || pub
				m.Static = static
			}
		case ck == kTypeParameters:
			e.typeParamBounds(c)
		case e.t.Nodes[c].Field == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		case ck == kFormalParameters:
			for p := e.t.FirstChild(c); p >= 0; p = e.t.Nodes[p].Next {
				e.visit(p)
			}
		case ck == kThrows:
			e.typeRefs(c, facts.TypeUse)
		case e.t.Nodes[c].Field == e.g.fName, ck == kDimensions, ck == kComment:
		default:
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
	e.method = saved
}

// param declares a formal or spread parameter as a local and emits its
// type uses.
func (e *extractor) param(i int32) {
	var typ, name int32 = -1, -1
	if e.kind(i) == kFormalParameter {
		typ, name = e.child(i, e.g.fType), e.child(i, e.g.fName)
	} else {
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kModifiers, kComment:
			case kVariableDeclarator:
				name = e.child(c, e.g.fName)
			default:
				if typ < 0 {
					typ = c
				}
			}
		}
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kModifiers {
			e.modifiers(c)
		}
	}
	if typ >= 0 {
		e.typeRefs(typ, facts.TypeUse)
	}
	if name >= 0 {
		t := ""
		if typ >= 0 {
			t = e.written(typ)
			if e.kind(i) == kSpreadParameter || e.child(i, e.g.fDimensions) >= 0 {
				t += "[]"
			}
		}
		e.declare(e.text(name), t)
	}
}

func (e *extractor) lambda(i int32) {
	e.scopes = append(e.scopes, scope{})
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.t.Nodes[c].Field == e.g.fParameters {
			switch e.kind(c) {
			case kIdentifier:
				e.declare(e.text(c), "")
			case kInferredParameters:
				for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
					if e.kind(d) == kIdentifier {
						e.declare(e.text(d), "")
					}
				}
			case kFormalParameters:
				for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
					e.visit(d)
				}
			}
			continue
		}
		e.visit(c)
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

func (e *extractor) localVarDecl(i int32) {
	ty := e.child(i, e.g.fType)
	written := ""
	if ty >= 0 {
		written = e.written(ty)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kModifiers:
			e.modifiers(c)
		case c == ty:
			e.typeRefs(c, facts.TypeUse)
		case e.t.Nodes[c].Field == e.g.fDeclarator:
			nm, v := e.child(c, e.g.fName), e.child(c, e.g.fValue)
			t, x := written, -1
			if t == "var" {
				t = ""
				if v >= 0 {
					x = e.recv(v)
				}
			} else if e.child(c, e.g.fDimensions) >= 0 {
				t += "[]"
			}
			if v >= 0 {
				e.visit(v)
			}
			if nm >= 0 {
				e.declareExpr(e.text(nm), t, x)
			}
		}
	}
}

func (e *extractor) catchParam(i int32) {
	var types []int32
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kModifiers:
			e.modifiers(c)
		case kCatchType:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kComment {
					types = append(types, d)
					e.typeRefs(d, facts.TypeUse)
				}
			}
		}
	}
	if nm := e.child(i, e.g.fName); nm >= 0 {
		// A multi-catch parameter's type is the union, written A|B: its
		// members are those of the alternatives' common supertype.
		var alts []string
		for _, t := range types {
			alts = append(alts, e.written(t))
		}
		e.declare(e.text(nm), strings.Join(alts, "|"))
	}
}

func (e *extractor) enhancedFor(i int32) {
	ty, nm := e.child(i, e.g.fType), e.child(i, e.g.fName)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kModifiers:
			e.modifiers(c)
		case c == ty:
			e.typeRefs(c, facts.TypeUse)
		case c == nm:
			t := e.written(ty)
			if t == "var" {
				t = ""
			}
			e.declare(e.text(nm), t)
		default:
			e.visit(c)
		}
	}
}

func (e *extractor) resource(i int32) {
	ty, nm := e.child(i, e.g.fType), e.child(i, e.g.fName)
	if ty < 0 || nm < 0 {
		e.visitChildren(i) // a resource that is an existing variable
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kModifiers:
			e.modifiers(c)
		case c == ty:
			e.typeRefs(c, facts.TypeUse)
		case c == nm:
		default:
			e.visit(c)
		}
	}
	t, x := e.written(ty), -1
	if t == "var" {
		t = ""
		if v := e.child(i, e.g.fValue); v >= 0 {
			x = e.recv(v)
		}
	}
	e.declareExpr(e.text(nm), t, x)
}

func (e *extractor) instanceof(i int32) {
	right, nm := e.child(i, e.g.fRight), e.child(i, e.g.fName)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case c == right:
			e.typeRefs(c, facts.TypeUse)
		case c == nm:
		default:
			e.visit(c)
		}
	}
	if nm >= 0 && right >= 0 {
		e.declare(e.text(nm), e.written(right))
	}
}

// typePattern is `Type name` in a switch or instanceof pattern.
func (e *extractor) typePattern(i int32) {
	var ty int32 = -1
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kIdentifier:
			if ty >= 0 {
				e.declare(e.text(c), e.written(ty))
			}
		case kModifiers:
			e.modifiers(c)
		case kComment:
		default:
			ty = c
			e.typeRefs(c, facts.TypeUse)
		}
	}
}

func (e *extractor) objectCreation(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.t.Nodes[c].Field == e.g.fType:
			e.typeRefs(c, facts.New)
			e.renderNew(i, c)
		case e.kind(c) == kClassBody:
			// An anonymous class: its members belong to the named type
			// around it; its fields are visible in its body.
			e.scopes = append(e.scopes, scope{})
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) == kFieldDecl {
					e.fieldDecl(d)
				}
			}
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kFieldDecl {
					e.visit(d)
				}
			}
			e.scopes = e.scopes[:len(e.scopes)-1]
		default:
			e.visit(c)
		}
	}
}

func (e *extractor) args(i int32) int {
	n := 0
	if a := e.child(i, e.g.fArguments); a >= 0 {
		for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				n++
			}
		}
	}
	return n
}

func (e *extractor) methodInvocation(i int32) {
	obj, nm := e.child(i, e.g.fObject), e.child(i, e.g.fName)
	if nm >= 0 {
		var recv int
		if obj >= 0 {
			recv = e.recv(obj)
		} else {
			recv = e.expr(facts.ExprThis, "", -1, 0)
		}
		name := e.text(nm)
		e.call(facts.Call, name, e.args(i), recv, nm)
		e.callData(i, obj, nm, name)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != nm {
			e.visit(c)
		}
	}
}

func (e *extractor) methodReference(i int32) {
	var parts []int32
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if k := e.kind(c); k != kComment && k != kTypeArguments {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		return
	}
	member := "new"
	if len(parts) > 1 && e.kind(parts[len(parts)-1]) == kIdentifier {
		member = e.text(parts[len(parts)-1])
	}
	r := parts[0]
	var recv int
	switch e.kind(r) {
	case kTypeIdentifier, kScopedTypeIdentifier, kGenericType:
		name := e.typeName(r)
		if e.isTypeParam(name) {
			return
		}
		recv = e.expr(facts.ExprStatic, name, -1, 0)
	case kArrayType, kPrimitiveType:
		return
	default:
		recv = e.recv(r)
		e.visit(r)
	}
	e.call(facts.MethodRef, member, 0, recv, r)
}

func (e *extractor) ctorInvocation(i int32) {
	ctor := e.child(i, e.g.fConstructor)
	if ctor >= 0 && e.kind(ctor) == kSuper {
		e.call(facts.Call, "<init>", e.args(i), e.expr(facts.ExprSuper, "", -1, 0), ctor)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != ctor {
			e.visit(c)
		}
	}
}

// recv returns the index in f.Exprs of the receiver expression at node i.
func (e *extractor) recv(i int32) int {
	if x, ok := e.recvs[i]; ok {
		return x
	}
	x := e.recvOf(i)
	if e.recvs == nil {
		e.recvs = map[int32]int{}
	}
	e.recvs[i] = x
	return x
}

// recvOf computes recv.
func (e *extractor) recvOf(i int32) int {
	switch e.kind(i) {
	case kIdentifier:
		return e.ident(e.text(i))
	case kThis:
		return e.expr(facts.ExprThis, "", -1, 0)
	case kSuper:
		return e.expr(facts.ExprSuper, "", -1, 0)
	case kParenthesized:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				return e.recv(c)
			}
		}
	case kStringLiteral:
		return e.expr(facts.ExprType, "String", -1, 0)
	case kClassLiteral:
		return e.expr(facts.ExprType, "Class", -1, 0)
	case kObjectCreation, kCast:
		if ty := e.child(i, e.g.fType); ty >= 0 {
			return e.expr(facts.ExprType, e.written(ty), -1, 0)
		}
	case kMethodInvocation:
		obj, nm := e.child(i, e.g.fObject), e.child(i, e.g.fName)
		if nm < 0 {
			break
		}
		base := 0
		if obj >= 0 {
			base = e.recv(obj)
		} else {
			base = e.expr(facts.ExprThis, "", -1, 0)
		}
		return e.expr(facts.ExprCall, e.text(nm), base, e.args(i))
	case kFieldAccess:
		return e.fieldAccess(i)
	}
	return e.expr(facts.ExprUnknown, "", -1, 0)
}

// ident types a plain identifier used as a receiver.
func (e *extractor) ident(name string) int {
	if l, ok := e.lookupLocal(name); ok {
		switch {
		case l.typ != "":
			return e.expr(facts.ExprType, l.typ, -1, 0)
		case l.expr >= 0:
			return l.expr
		}
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	if t, ok := e.lookupField(name); ok {
		return e.expr(facts.ExprType, t, -1, 0)
	}
	if name == "" { // a name tree-sitter invented to recover from an error
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	if c := name[0]; c >= 'A' && c <= 'Z' {
		return e.expr(facts.ExprStatic, name, -1, 0)
	}
	return e.expr(facts.ExprField, name, -1, 0)
}

// lookupLocal finds the local in scope called name.
func (e *extractor) lookupLocal(name string) (local, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		ls := e.scopes[j].locals
		for k := len(ls) - 1; k >= 0; k-- {
			if ls[k].name == name {
				return ls[k], true
			}
		}
	}
	return local{}, false
}

// lookupField finds a field of the enclosing named types.
func (e *extractor) lookupField(name string) (string, bool) {
	for j := len(e.frames) - 1; j >= 0; j-- {
		if t, ok := e.frames[j].fields[name]; ok {
			return t, true
		}
	}
	return "", false
}

// isVariable reports whether name is a local or a field in scope.
func (e *extractor) isVariable(name string) bool {
	if _, ok := e.lookupLocal(name); ok {
		return true
	}
	_, ok := e.lookupField(name)
	return ok
}

func (e *extractor) fieldAccess(i int32) int {
	obj, fld := e.child(i, e.g.fObject), e.child(i, e.g.fField)
	if obj < 0 || fld < 0 {
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	name := e.text(fld)
	switch e.kind(obj) {
	case kThis:
		if len(e.frames) > 0 {
			if t, ok := e.frames[len(e.frames)-1].fields[name]; ok {
				return e.expr(facts.ExprType, t, -1, 0)
			}
		}
		return e.expr(facts.ExprField, name, e.expr(facts.ExprThis, "", -1, 0), 0)
	case kSuper:
		return e.expr(facts.ExprField, name, e.expr(facts.ExprSuper, "", -1, 0), 0)
	}
	if dotted, ok := e.dotted(obj); ok {
		// a.b.c where a is not a variable: a qualified name, a type's
		// static field, or a nested type. Package graph decides which.
		return e.expr(facts.ExprStatic, dotted+"."+name, -1, 0)
	}
	return e.expr(facts.ExprField, name, e.recv(obj), 0)
}

// dotted returns the text of a chain of plain identifiers (a.b.c) whose
// first identifier is not a variable in scope.
func (e *extractor) dotted(i int32) (string, bool) {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if e.isVariable(name) {
			return "", false
		}
		return name, true
	case kFieldAccess:
		obj, fld := e.child(i, e.g.fObject), e.child(i, e.g.fField)
		if obj < 0 || fld < 0 {
			return "", false
		}
		head, ok := e.dotted(obj)
		if !ok {
			return "", false
		}
		return head + "." + e.text(fld), true
	}
	return "", false
}
