package php

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// visitExpr walks statements and expressions.
func (e *extractor) visitExpr(i int32) {
	switch e.kind(i) {
	case kNew:
		e.newExpr(i)
	case kMemberCall:
		e.memberCall(i)
	case kScopedCall:
		e.scopedCall(i)
	case kFunctionCall:
		e.functionCall(i)
	case kClassConstant:
		e.classConstant(i)
	case kScopedProperty:
		if s := e.child(i, e.g.fScope); s >= 0 && !isNameKind(e.kind(s)) && e.kind(s) != kRelativeScope {
			e.visitExpr(s)
		}
	case kBinary:
		e.binary(i)
	case kCatch:
		e.catchClause(i)
	case kClosure:
		e.closure(i)
	case kArrowFunction:
		e.arrow(i)
	case kAssignment, kRefAssignment:
		e.assignment(i)
	case kAugmentedAssignment:
		e.augmented(i)
	case kForeach:
		e.foreach(i)
	case kGlobalDecl:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kVariable {
				e.declare(varName(e.text(c)), "", -1, false)
			}
		}
	case kStaticVarDecl:
		if v := e.child(i, e.g.fName); v >= 0 {
			e.declare(varName(e.text(v)), "", -1, false)
		}
		if v := e.child(i, e.g.fValue); v >= 0 {
			e.visitExpr(v)
		}
	case kName, kQualifiedName, kVariable, kString, kStringContent, kInteger, kFloat, kComment, kText:
	default:
		e.visitChildren(i)
	}
}

func isNameKind(k kind) bool { return k == kName || k == kQualifiedName }

// args counts the arguments of a call.
func (e *extractor) args(a int32) int {
	n := 0
	if a >= 0 {
		for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				n++
			}
		}
	}
	return n
}

// newExpr is `new X(...)`, `new $class`, or an anonymous class.
func (e *extractor) newExpr(i int32) {
	if decl := e.childKind(i, kDeclList); decl >= 0 {
		e.anonymousClass(i, decl)
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch k := e.kind(c); {
		case isNameKind(k):
			if n := e.classRef(e.nameText(c)); n != "" {
				e.ref(facts.New, n, c)
			}
		case k == kComment:
		default:
			e.visitExpr(c)
		}
	}
}

// anonymousClass walks `new class(...) extends B implements I { ... }`:
// B and I are created (new references), the members belong to the named
// type around.
func (e *extractor) anonymousClass(i, decl int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kBaseClause, kInterfaceClause:
			e.nameRefs(c, facts.New)
		case kArguments:
			e.visitExpr(c)
		case kAttributeList:
			e.attributes(c)
		}
	}
	e.anon++
	savedScopes := e.scopes
	e.scopes = nil
	e.visitChildren(decl)
	e.scopes = savedScopes
	e.anon--
}

// memberCall is $x->m(...) or $x?->m(...).
func (e *extractor) memberCall(i int32) {
	obj, nm, a := e.child(i, e.g.fObject), e.child(i, e.g.fName), e.child(i, e.g.fArguments)
	if obj >= 0 && nm >= 0 && e.kind(nm) == kName {
		member := e.text(nm)
		e.call(member, e.args(a), e.recv(obj), nm)
		e.callData(i, obj, member, a)
		e.renderMember(obj, member, a)
	} else if nm >= 0 {
		e.visitExpr(nm)
	}
	if obj >= 0 {
		e.visitExpr(obj)
	}
	if a >= 0 {
		e.visitExpr(a)
	}
}

// scopedCall is X::m(...), self::m(...), static::m(...), parent::m(...)
// or $x::m(...).
func (e *extractor) scopedCall(i int32) {
	s, nm, a := e.child(i, e.g.fScope), e.child(i, e.g.fName), e.child(i, e.g.fArguments)
	if s >= 0 && nm >= 0 && e.kind(nm) == kName {
		member := e.text(nm)
		recv := e.scopeExpr(s)
		if recv >= 0 {
			e.call(member, e.args(a), recv, nm)
			e.staticCallData(i, s, member, a)
			e.renderStatic(s, member, a)
		}
	}
	if s >= 0 && !isNameKind(e.kind(s)) && e.kind(s) != kRelativeScope {
		e.visitExpr(s)
	}
	if a >= 0 {
		e.visitExpr(a)
	}
}

// scopeExpr returns the receiver expression of the scope of a static
// call or access (X::, self::, parent::, $x::), or -1 when it names no
// class.
func (e *extractor) scopeExpr(s int32) int {
	switch e.kind(s) {
	case kName, kQualifiedName:
		n := e.classRef(e.nameText(s))
		if n == "" {
			return -1
		}
		if strings.EqualFold(e.text(s), "parent") {
			return e.expr(facts.ExprSuper, "", -1, 0)
		}
		return e.expr(facts.ExprStatic, n, -1, 0)
	case kRelativeScope:
		switch strings.ToLower(e.text(s)) {
		case "parent":
			if e.frame() == nil || e.anon > 0 {
				return e.unknown()
			}
			return e.expr(facts.ExprSuper, "", -1, 0)
		default:
			if e.frame() == nil || e.anon > 0 {
				return e.unknown()
			}
			return e.expr(facts.ExprStatic, `\`+e.frame().fq, -1, 0)
		}
	}
	return e.recv(s)
}

// functionCall is f(...): a call of a namespace-level function, or of a
// closure held in a variable (not a reference).
func (e *extractor) functionCall(i int32) {
	fn, a := e.child(i, e.g.fFunction), e.child(i, e.g.fArguments)
	if fn >= 0 && isNameKind(e.kind(fn)) {
		written := e.nameText(fn)
		name := e.funcName(written)
		e.call(simpleName(written), e.args(a), e.expr(facts.ExprFunction, name, -1, 0), fn)
		e.functionCallData(i, strings.ToLower(simpleName(written)), a)
		e.renderFunction(written, a)
	} else if fn >= 0 {
		e.visitExpr(fn)
	}
	if a >= 0 {
		e.visitExpr(a)
	}
}

// simpleName returns the last segment of a PHP name.
func simpleName(n string) string { return n[strings.LastIndexByte(n, '\\')+1:] }

// funcName qualifies a function name as written (see facts.ExprFunction).
func (e *extractor) funcName(n string) string {
	if n == "" || n[0] == '\\' {
		return n
	}
	if len(n) > 10 && strings.EqualFold(n[:10], `namespace\`) {
		return `\` + joinNS(e.ns, n[10:])
	}
	if first, rest, q := strings.Cut(n, `\`); q {
		if fq, ok := e.uses[strings.ToLower(first)]; ok {
			return `\` + fq + `\` + rest
		}
		return `\` + joinNS(e.ns, n)
	}
	if fq, ok := e.funcUses[strings.ToLower(n)]; ok {
		return `\` + fq
	}
	if e.ns == "" {
		return `\` + n
	}
	return e.ns + `\` + n
}

// classConstant is X::class (a type use) or X::NAME (nothing: reading a
// constant is no reference).
func (e *extractor) classConstant(i int32) {
	s := e.t.FirstChild(i)
	if s < 0 {
		return
	}
	nm := e.t.Nodes[s].Next
	if isNameKind(e.kind(s)) || e.kind(s) == kRelativeScope {
		if nm >= 0 && strings.EqualFold(e.text(nm), "class") {
			if n := e.classRef(e.nameText(s)); n != "" {
				e.ref(facts.TypeUse, n, s)
			}
		}
		return
	}
	e.visitExpr(s)
}

// binary walks a binary expression; `x instanceof X` is a type use.
func (e *extractor) binary(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l >= 0 && r >= 0 && isNameKind(e.kind(r)) && strings.EqualFold(strings.TrimSpace(e.between(l, r)), "instanceof") {
		e.visitExpr(l)
		if n := e.classRef(e.nameText(r)); n != "" {
			e.ref(facts.TypeUse, n, r)
		}
		return
	}
	e.visitChildren(i)
}

// between returns the source text between two sibling nodes.
func (e *extractor) between(a, b int32) string {
	s, t := e.t.Nodes[a].End, e.t.Nodes[b].Start
	if s > t {
		return ""
	}
	return tsflat.View(e.t.Src[s:t])
}

// catchClause declares the caught exception with its type (when there
// is one) and emits the types caught.
func (e *extractor) catchClause(i int32) {
	types := ""
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fType:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) == kNamedType {
					t := e.typeString(e.text(d), false, d)
					if types == "" {
						types = t
					} else {
						types = "" // a union: members of their common parent
					}
				}
			}
		case e.field(c) == e.g.fName:
			e.declare(varName(e.text(c)), types, -1, false)
		case e.field(c) == e.g.fBody:
			e.visitChildren(c)
		}
	}
}

// closure walks function (...) use (...) { ... }: its parameters and the
// variables it captures are its scope.
func (e *extractor) closure(i int32) {
	sc := scope{barrier: true}
	if body := e.child(i, e.g.fBody); body >= 0 {
		sc.counts = e.countAssignments(body)
	}
	if u := e.childKind(i, kClosureUse); u >= 0 {
		for c := e.t.FirstChild(u); c >= 0; c = e.t.Nodes[c].Next {
			v := c
			if e.kind(v) == kByRef {
				v = e.t.FirstChild(v)
			}
			if v >= 0 && e.kind(v) == kVariable {
				name := varName(e.text(v))
				if l, ok := e.lookupLocal(name); ok {
					l.doc = true
					sc.locals = append(sc.locals, l)
				}
			}
		}
	}
	e.scopes = append(e.scopes, sc)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case e.field(c) == e.g.fParameters:
			e.params(c, nil)
		case e.field(c) == e.g.fReturnType:
			e.typeString(e.text(c), false, c)
		case e.field(c) == e.g.fBody:
			e.visitChildren(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// arrow walks fn (...) => expr: its parameters in a scope that sees the
// enclosing one.
func (e *extractor) arrow(i int32) {
	e.scopes = append(e.scopes, scope{})
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case e.field(c) == e.g.fParameters:
			e.params(c, nil)
		case e.field(c) == e.g.fReturnType:
			e.typeString(e.text(c), false, c)
		case e.field(c) == e.g.fBody:
			e.visitExpr(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// assignment walks $x = expr: a variable assigned once in its function
// gets the value's type.
func (e *extractor) assignment(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if r >= 0 {
		e.visitExpr(r)
	}
	if l < 0 {
		return
	}
	switch e.kind(l) {
	case kVariable:
		name := varName(e.text(l))
		if r >= 0 {
			e.setString(name, r, false)
		}
		if cur, ok := e.lookupLocal(name); ok && cur.doc {
			return
		}
		if r >= 0 && e.count(name) <= 1 && typeable(e.kind(r)) {
			e.declare(name, "", e.recv(r), false)
		} else {
			e.declare(name, "", -1, false)
		}
	case kListLiteral, kArrayCreation:
		e.declareAll(l)
	default:
		e.visitExpr(l)
	}
}

// typeable reports the kinds of values a receiver expression can type.
func typeable(k kind) bool {
	switch k {
	case kNew, kMemberCall, kScopedCall, kFunctionCall, kMemberAccess, kScopedProperty, kClassConstant, kParenthesized, kVariable:
		return true
	}
	return false
}

// declareAll declares, untyped, every variable under node i (list()
// targets, foreach variables).
func (e *extractor) declareAll(i int32) {
	for j, end := i, e.end(i); j < end; j++ {
		if e.kind(j) == kVariable {
			e.declare(varName(e.text(j)), "", -1, false)
		}
	}
}

// augmented walks $x op= expr; `$sql .= "..."` extends a string.
func (e *extractor) augmented(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if r >= 0 {
		e.visitExpr(r)
	}
	if l < 0 {
		return
	}
	if e.kind(l) == kVariable {
		if r >= 0 && strings.TrimSpace(e.between(l, r)) == ".=" {
			e.setString(varName(e.text(l)), r, true)
		}
		return
	}
	e.visitExpr(l)
}

// foreach declares the loop's variables (untyped) and walks the rest.
func (e *extractor) foreach(i int32) {
	first := true
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kComment:
		case first:
			first = false
			e.visitExpr(c)
		case e.field(c) == e.g.fBody:
			e.visitExpr(c)
		case e.kind(c) == kVariable || e.kind(c) == kPair || e.kind(c) == kByRef || e.kind(c) == kListLiteral || e.kind(c) == kArrayCreation:
			e.declareAll(c)
		default:
			e.visitExpr(c)
		}
	}
}

// countAssignments counts, per variable, the assignments in a function
// body (not in the closures, arrow functions and classes inside it).
func (e *extractor) countAssignments(body int32) map[string]int {
	counts := map[string]int{}
	end := e.end(body)
	for j := body + 1; j < end; j++ {
		switch e.kind(j) {
		case kClosure, kArrowFunction, kFunction, kClass, kDeclList:
			j = e.end(j) - 1
		case kAssignment, kRefAssignment, kAugmentedAssignment:
			if l := e.child(j, e.g.fLeft); l >= 0 {
				if e.kind(l) == kVariable {
					counts[varName(e.text(l))]++
				} else if k := e.kind(l); k == kListLiteral || k == kArrayCreation {
					for v, ve := l, e.end(l); v < ve; v++ {
						if e.kind(v) == kVariable {
							counts[varName(e.text(v))] += 2
						}
					}
				}
			}
		case kForeach:
			skip := true
			for c := e.t.FirstChild(j); c >= 0; c = e.t.Nodes[c].Next {
				if e.kind(c) == kComment {
					continue
				}
				if skip {
					skip = false
					continue
				}
				if e.field(c) == e.g.fBody {
					break
				}
				for v, ve := c, e.end(c); v < ve; v++ {
					if e.kind(v) == kVariable {
						counts[varName(e.text(v))] += 2
					}
				}
			}
		case kGlobalDecl, kStaticVarDecl, kCatch:
			for c := e.t.FirstChild(j); c >= 0; c = e.t.Nodes[c].Next {
				if e.kind(c) == kVariable {
					counts[varName(e.text(c))] += 2
				}
			}
		}
	}
	return counts
}

// count returns how often the current function assigns a variable.
func (e *extractor) count(name string) int {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if e.scopes[j].counts != nil {
			return e.scopes[j].counts[name]
		}
		if e.scopes[j].barrier {
			break
		}
	}
	return 0
}

// declare declares a variable in the current scope: with a type as
// written, or holding the value of an expression (an index in f.Exprs).
func (e *extractor) declare(name, typ string, expr int, doc bool) {
	if len(e.scopes) == 0 {
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, local{name: name, typ: typ, expr: expr, doc: doc})
}

// lookupLocal finds the variable called name: the latest declaration in
// the scopes up to the innermost function.
func (e *extractor) lookupLocal(name string) (local, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		ls := e.scopes[j].locals
		for k := len(ls) - 1; k >= 0; k-- {
			if ls[k].name == name {
				return ls[k], true
			}
		}
		if e.scopes[j].barrier {
			break
		}
	}
	return local{}, false
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
	case kVariable:
		name := varName(e.text(i))
		if name == "this" {
			if e.frame() == nil || e.anon > 0 {
				return e.unknown()
			}
			return e.expr(facts.ExprThis, "", -1, 0)
		}
		if l, ok := e.lookupLocal(name); ok {
			switch {
			case l.typ != "":
				return e.expr(facts.ExprType, l.typ, -1, 0)
			case l.expr >= 0:
				return l.expr
			}
		}
	case kMemberAccess:
		obj, nm := e.child(i, e.g.fObject), e.child(i, e.g.fName)
		if obj < 0 || nm < 0 || e.kind(nm) != kName {
			break
		}
		name := e.text(nm)
		if e.kind(obj) == kVariable && e.text(obj) == "$this" && e.frame() != nil && e.anon == 0 {
			if t := e.frame().fields[name]; t != "" {
				return e.expr(facts.ExprType, t, -1, 0)
			}
		}
		return e.expr(facts.ExprField, name, e.recv(obj), 0)
	case kScopedProperty:
		s, nm := e.child(i, e.g.fScope), e.child(i, e.g.fName)
		if s < 0 || nm < 0 {
			break
		}
		base := e.scopeExpr(s)
		if base < 0 {
			break
		}
		return e.expr(facts.ExprField, varName(e.text(nm)), base, 0)
	case kMemberCall:
		obj, nm := e.child(i, e.g.fObject), e.child(i, e.g.fName)
		if obj < 0 || nm < 0 || e.kind(nm) != kName {
			break
		}
		return e.expr(facts.ExprCall, e.text(nm), e.recv(obj), e.args(e.child(i, e.g.fArguments)))
	case kScopedCall:
		s, nm := e.child(i, e.g.fScope), e.child(i, e.g.fName)
		if s < 0 || nm < 0 || e.kind(nm) != kName {
			break
		}
		base := e.scopeExpr(s)
		if base < 0 {
			break
		}
		return e.expr(facts.ExprCall, e.text(nm), base, e.args(e.child(i, e.g.fArguments)))
	case kFunctionCall:
		fn := e.child(i, e.g.fFunction)
		if fn < 0 || !isNameKind(e.kind(fn)) {
			break
		}
		written := e.nameText(fn)
		return e.expr(facts.ExprCall, simpleName(written), e.expr(facts.ExprFunction, e.funcName(written), -1, 0), e.args(e.child(i, e.g.fArguments)))
	case kNew:
		if e.childKind(i, kDeclList) >= 0 {
			break
		}
		if c := e.t.FirstChild(i); c >= 0 && isNameKind(e.kind(c)) {
			if n := e.classRef(e.nameText(c)); n != "" {
				return e.expr(facts.ExprType, n, -1, 0)
			}
		}
	case kParenthesized:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				return e.recv(c)
			}
		}
	case kClassConstant:
		s := e.t.FirstChild(i)
		if s < 0 {
			break
		}
		nm := e.t.Nodes[s].Next
		if nm < 0 {
			break
		}
		if strings.EqualFold(e.text(nm), "class") {
			return e.expr(facts.ExprType, "string", -1, 0)
		}
		base := e.scopeExpr(s)
		if base < 0 {
			break
		}
		return e.expr(facts.ExprField, e.text(nm), base, 0)
	case kAssignment:
		if r := e.child(i, e.g.fRight); r >= 0 {
			return e.recv(r)
		}
	case kString, kEncapsed, kHeredoc, kNowdoc:
		return e.expr(facts.ExprType, "string", -1, 0)
	}
	return e.unknown()
}
