package kotlin

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

func (e *extractor) declare(name, typ string) {
	if len(e.scopes) == 0 {
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, local{name: name, typ: typ, expr: -1, node: -1, init: -1})
}

// lookupLocal finds the local in scope called name: the scope index and
// the local's index in it.
func (e *extractor) lookupLocal(name string) (int, int, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		ls := e.scopes[j].locals
		for k := len(ls) - 1; k >= 0; k-- {
			if ls[k].name == name {
				return j, k, true
			}
		}
	}
	return 0, 0, false
}

// lookupField finds a property of the enclosing named types, or of the
// file's top level.
func (e *extractor) lookupField(name string) (string, bool) {
	for j := len(e.frames) - 1; j >= 0; j-- {
		if t, ok := e.frames[j].fields[name]; ok {
			return t, true
		}
	}
	t, ok := e.topFields[name]
	return t, ok
}

// isVariable reports whether name is a local or a property in scope.
func (e *extractor) isVariable(name string) bool {
	if _, _, ok := e.lookupLocal(name); ok {
		return true
	}
	_, ok := e.lookupField(name)
	return ok
}

// argExpr returns the expression of a value argument (after `name =`).
func (e *extractor) argExpr(a int32) int32 {
	if e.kind(a) != kValueArgument {
		return a
	}
	last := int32(-1)
	for c := e.first(a); c >= 0; c = e.next(c) {
		if e.kind(c) != kComment {
			last = c
		}
	}
	return last
}

// argName returns the name of a named argument, or "".
func (e *extractor) argName(a int32) string {
	c := e.first(a)
	if c < 0 || e.kind(c) != kIdent || e.next(c) < 0 {
		return ""
	}
	between := e.t.Src[e.t.Nodes[c].End:e.t.Nodes[e.next(c)].Start]
	if strings.Contains(string(between), "=") {
		return e.text(c)
	}
	return ""
}

func (e *extractor) countArgs(args int32) int {
	n := 0
	if args < 0 {
		return 0
	}
	for c := e.first(args); c >= 0; c = e.next(c) {
		if e.kind(c) == kValueArgument {
			n++
		}
	}
	return n
}

// navParts returns the receiver and member of a navigation expression,
// and the operator between them ("." "?." "::").
func (e *extractor) navParts(i int32) (obj, member int32, op string) {
	obj, member = -1, -1
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) == kComment {
			continue
		}
		if obj < 0 {
			obj = c
		} else {
			member = c
		}
	}
	if obj >= 0 && member >= 0 {
		op = strings.TrimSpace(string(tsflat.StripComments(e.t.Src[e.t.Nodes[obj].End:e.t.Nodes[member].Start])))
	}
	return
}

// implicitRecv returns the receiver of a bare call: the lambda receivers
// in scope (facts.ExprImplicit), else the enclosing type.
func (e *extractor) implicitRecv() int {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if im := e.scopes[j].implicit; im != noImplicit {
			return e.expr(facts.ExprImplicit, "", im, 0)
		}
	}
	return e.expr(facts.ExprThis, "", -1, 0)
}

// lambdaKind says what a lambda passed to a function called name gets:
// its parameter is the receiver (let), an element of it (forEach), or it
// has the receiver as its own (apply).
type lambdaKind uint8

const (
	lambdaUnknown  lambdaKind = iota
	lambdaSame                // let, also, takeIf, takeUnless: it is the receiver
	lambdaWithRecv            // apply, run: this is the receiver
	lambdaElement             // forEach, map...: it is an element
	lambdaIndexed             // forEachIndexed, mapIndexed: the second parameter is an element
	lambdaNone                // a standard function whose lambda has no receiver
)

func lambdaKindOf(name string, hasRecv bool) lambdaKind {
	switch name {
	case "let", "also", "takeIf", "takeUnless":
		if hasRecv {
			return lambdaSame
		}
		return lambdaNone
	case "apply", "run":
		if hasRecv {
			return lambdaWithRecv
		}
		return lambdaNone
	case "with":
		return lambdaWithRecv
	case "forEach", "onEach", "map", "mapNotNull", "flatMap", "filter", "filterNot", "any", "all", "none", "count",
		"first", "firstOrNull", "last", "lastOrNull", "find", "findLast", "single", "singleOrNull",
		"sortedBy", "sortedByDescending", "groupBy", "associateBy", "associateWith", "associate", "sumOf",
		"maxBy", "minBy", "maxByOrNull", "minByOrNull", "maxOf", "minOf", "partition", "takeWhile", "dropWhile",
		"distinctBy", "flatMapTo", "mapTo", "filterTo", "sumBy", "indexOfFirst", "indexOfLast",
		"removeIf", "removeAll", "retainAll", "chunked", "windowed", "zipWithNext":
		if hasRecv {
			return lambdaElement
		}
	case "forEachIndexed", "mapIndexed", "filterIndexed", "mapIndexedNotNull", "onEachIndexed", "fold", "reduce":
		if hasRecv {
			return lambdaIndexed
		}
	case "repeat", "require", "check", "requireNotNull", "checkNotNull", "lazy", "runCatching", "synchronized",
		"thread", "buildList", "buildSet", "buildMap", "buildString", "sequence", "iterator", "measureTimeMillis",
		"measureNanoTime", "use", "error", "assert",
		"listOf", "mutableListOf", "setOf", "mapOf", "compareBy", "sortedWith", "Comparator", "Runnable", "Thread":
		return lambdaNone
	}
	return lambdaUnknown
}

// callParts returns the parts of a call: its callee, its argument list
// and its trailing lambda (-1 for none), and the node whose children
// after the callee are the type and value arguments. The grammar writes
// f(x) { } as a call of the call f(x) with the lambda: one call here.
func (e *extractor) callParts(i int32) (callee, args, lambda, head int32) {
	head = i
	callee = e.first(i)
	for callee >= 0 && e.kind(callee) == kComment {
		callee = e.next(callee)
	}
	lambda = e.childKind(i, kAnnotatedLambda)
	args = e.childKind(i, kValueArguments)
	if callee >= 0 && e.kind(callee) == kCallExpr && args < 0 && lambda >= 0 && e.childKind(callee, kAnnotatedLambda) < 0 {
		head = callee
		callee = e.first(head)
		for callee >= 0 && e.kind(callee) == kComment {
			callee = e.next(callee)
		}
		args = e.childKind(head, kValueArguments)
	}
	return
}

// callExpr walks a call: a reference for what it calls, then its parts.
func (e *extractor) callExpr(i int32) {
	callee, args, lambdaArg, head := e.callParts(i)
	if callee < 0 {
		return
	}
	n := e.countArgs(args)
	if lambdaArg >= 0 {
		n++
	}
	name := ""
	recvNode := int32(-1)
	recvExpr := -1
	switch e.kind(callee) {
	case kIdent:
		name = strings.Trim(e.text(callee), "`")
		if _, _, ok := e.lookupLocal(name); !ok {
			e.call(facts.Call, name, n, e.implicitRecv(), callee)
		}
	case kNavigationExpr:
		obj, member, op := e.navParts(callee)
		if obj < 0 || member < 0 || op == "::" || e.kind(member) != kIdent {
			e.visit(callee)
			break
		}
		name = strings.Trim(e.text(member), "`")
		recvNode = obj
		recvExpr = e.recv(obj)
		e.call(facts.Call, name, n, recvExpr, member)
		e.visit(obj)
	default:
		e.visit(callee)
	}
	e.callData(i, recvNode, name, args)
	walkArgs := func(c int32) {
		switch e.kind(c) {
		case kTypeArguments:
			e.typeRefs(c, facts.TypeUse)
		case kValueArguments:
			for a := e.first(c); a >= 0; a = e.next(a) {
				if e.kind(a) != kValueArgument {
					continue
				}
				x := e.argExpr(a)
				if x >= 0 && e.kind(x) == kLambdaLiteral {
					e.lambda(x, scope{this: -1, implicit: -1}, nil)
				} else {
					e.visit(a)
				}
			}
		case kAnnotatedLambda:
			e.lambdaArg(c, name, recvExpr, args)
		default:
			e.visit(c)
		}
	}
	for c := e.next(callee); c >= 0; c = e.next(c) {
		walkArgs(c)
	}
	if head != i {
		walkArgs(lambdaArg)
	}
}

// lambdaArg walks the trailing lambda of a call of name on the receiver
// recv (-1: none).
func (e *extractor) lambdaArg(al int32, name string, recv int, args int32) {
	lit := e.childKind(al, kLambdaLiteral)
	for c := e.first(al); c >= 0; c = e.next(c) {
		if c != lit {
			e.visit(c)
		}
	}
	if lit < 0 {
		return
	}
	sc := scope{this: -1, implicit: -1}
	var ps []int
	switch lambdaKindOf(name, recv >= 0) {
	case lambdaSame:
		sc.implicit = noImplicit
		ps = []int{recv}
	case lambdaWithRecv:
		r := recv
		if r < 0 && args >= 0 {
			// with(x) { }
			if a := e.first(args); a >= 0 {
				r = e.recv(e.argExpr(a))
			}
		}
		sc.this, sc.implicit = r, r
	case lambdaElement:
		sc.implicit = noImplicit
		ps = []int{e.expr(facts.ExprElement, "", recv, 0)}
	case lambdaIndexed:
		sc.implicit = noImplicit
		ps = []int{-1, e.expr(facts.ExprElement, "", recv, 0)}
	case lambdaNone:
		sc.implicit = noImplicit
	}
	e.lambda(lit, sc, ps)
}

// lambda walks a lambda literal in scope sc; ps are the expressions of
// its parameters (or of `it`), -1 for unknown.
func (e *extractor) lambda(i int32, sc scope, ps []int) {
	if e.childKind(i, kLambdaParams) < 0 {
		if len(ps) > 0 && ps[0] >= 0 {
			sc.locals = append(sc.locals, local{name: "it", expr: ps[0], node: -1, init: -1})
		} else {
			sc.locals = append(sc.locals, local{name: "it", expr: -1, node: -1, init: -1})
		}
	}
	e.scopes = append(e.scopes, sc)
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) != kLambdaParams {
			e.visit(c)
			continue
		}
		j := 0
		for d := e.first(c); d >= 0; d = e.next(d) {
			switch e.kind(d) {
			case kVariableDecl:
				id := e.childKind(d, kIdent)
				if id < 0 {
					continue
				}
				typ := ""
				for x := e.next(id); x >= 0; x = e.next(x) {
					if e.isType(x) {
						e.typeRefs(x, facts.TypeUse)
						typ = e.written(x)
					}
				}
				s := &e.scopes[len(e.scopes)-1]
				switch {
				case typ != "":
					s.locals = append(s.locals, local{name: e.text(id), typ: typ, expr: -1, node: -1, init: -1})
				case j < len(ps) && ps[j] >= 0:
					s.locals = append(s.locals, local{name: e.text(id), expr: ps[j], node: -1, init: -1})
				default:
					s.locals = append(s.locals, local{name: e.text(id), expr: -1, node: -1, init: -1})
				}
				j++
			case kMultiVariableDecl:
				for x := e.first(d); x >= 0; x = e.next(x) {
					if e.kind(x) == kVariableDecl {
						e.declareVar(x, -1, false)
					}
				}
				j++
			}
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// navigation walks a navigation expression that is not called: a property
// read (nothing), a callable reference (X::m), a class literal (X::class).
func (e *extractor) navigation(i int32) {
	obj, member, op := e.navParts(i)
	if obj < 0 || member < 0 {
		e.visitChildren(i)
		return
	}
	if op != "::" {
		e.visit(obj)
		return
	}
	name := strings.Trim(e.text(member), "`")
	if name == "class" {
		if d, ok := e.dotted(obj); ok {
			e.ref(facts.TypeUse, d, obj)
		} else {
			e.visit(obj)
		}
		return
	}
	var recv int
	if d, ok := e.dotted(obj); ok && startsUpper(simpleName(d)) {
		recv = e.expr(facts.ExprStatic, d, -1, 0)
	} else {
		recv = e.recv(obj)
		e.visit(obj)
	}
	e.call(facts.MethodRef, name, 0, recv, member)
}

// callableRef walks `::name` (a function or constructor of the scope) or
// `Type::name`.
func (e *extractor) callableRef(i int32) {
	var ty, id int32 = -1, -1
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch {
		case e.isType(c):
			ty = c
		case e.kind(c) == kIdent:
			id = c
		}
	}
	if id < 0 {
		return
	}
	name := strings.Trim(e.text(id), "`")
	if ty >= 0 {
		if name == "class" {
			e.typeRefs(ty, facts.TypeUse)
			return
		}
		tn := e.typeName(ty)
		if tn == "" || e.isTypeParam(tn) {
			return
		}
		e.call(facts.MethodRef, name, 0, e.expr(facts.ExprStatic, tn, -1, 0), id)
		return
	}
	if _, _, ok := e.lookupLocal(name); ok {
		return
	}
	e.call(facts.MethodRef, name, 0, e.implicitRecv(), id)
}

func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// catchBlock declares the caught exception.
func (e *extractor) catchBlock(i int32) {
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	name := ""
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch k := e.kind(c); {
		case k == kIdent && name == "":
			name = e.text(c)
		case e.isType(c):
			e.typeRefs(c, facts.TypeUse)
			if name != "" {
				e.declare(name, e.written(c))
			}
		default:
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// forStatement declares the loop variable: typed as written, else an
// element of the iterated value.
func (e *extractor) forStatement(i int32) {
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	var decl int32 = -1
	iterated := false
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kVariableDecl, kMultiVariableDecl:
			decl = c
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.isType(d) {
					e.typeRefs(d, facts.TypeUse)
				}
			}
		case kComment, kLabel, kAnnotation:
		default:
			if decl >= 0 && !iterated {
				iterated = true
				e.visit(c)
				if e.kind(decl) == kVariableDecl {
					e.declareVar(decl, c, true)
				} else {
					for x := e.first(decl); x >= 0; x = e.next(x) {
						if e.kind(x) == kVariableDecl {
							e.declareVar(x, -1, false)
						}
					}
				}
				continue
			}
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// whenSubject declares `when (val x = ...)`.
func (e *extractor) whenSubject(i int32) {
	var decl int32 = -1
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kVariableDecl:
			decl = c
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.isType(d) {
					e.typeRefs(d, facts.TypeUse)
				}
			}
		case kAnnotation:
			e.annotation(c)
		default:
			e.visit(c)
			if decl >= 0 {
				e.declareVar(decl, c, false)
				decl = -1
			}
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
	case kIdent:
		return e.ident(strings.Trim(e.text(i), "`"))
	case kThisExpr:
		if id := e.childKind(i, kIdent); id >= 0 {
			// this@Label: the enclosing class of that name, or a lambda's
			// or function's receiver.
			if l := e.text(id); startsUpper(l) {
				return e.expr(facts.ExprType, l, -1, 0)
			}
			return e.expr(facts.ExprUnknown, "", -1, 0)
		}
		for j := len(e.scopes) - 1; j >= 0; j-- {
			if t := e.scopes[j].this; t >= 0 {
				return t
			}
		}
		return e.expr(facts.ExprThis, "", -1, 0)
	case kSuperExpr:
		return e.expr(facts.ExprSuper, "", -1, 0)
	case kParenthesizedExpr:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.kind(c) != kComment {
				return e.recv(c)
			}
		}
	case kUnaryExpr:
		// x!! is x. The grammar parses !x.f() as (!x).f(): a prefix
		// operator's operand is the receiver too.
		if a := e.child(i, e.g.fArgument); a >= 0 {
			return e.recv(a)
		}
	case kStringLiteral, kMultilineString:
		return e.expr(facts.ExprType, "String", -1, 0)
	case kAsExpr:
		if r := e.child(i, e.g.fRight); r >= 0 {
			return e.expr(facts.ExprType, e.written(r), -1, 0)
		}
	case kIndexExpr:
		if c := e.first(i); c >= 0 {
			return e.expr(facts.ExprElement, "", e.recv(c), 0)
		}
	case kCallExpr:
		return e.callValue(i)
	case kNavigationExpr:
		obj, member, op := e.navParts(i)
		if obj < 0 || member < 0 || op == "::" || e.kind(member) != kIdent {
			break
		}
		name := strings.Trim(e.text(member), "`")
		if d, ok := e.dotted(obj); ok {
			// a.b.c where a is not a variable: a qualified name, an
			// object's property, or a nested type. Package graph decides.
			return e.expr(facts.ExprStatic, d+"."+name, -1, 0)
		}
		return e.expr(facts.ExprField, name, e.recv(obj), 0)
	}
	return e.expr(facts.ExprUnknown, "", -1, 0)
}

// callValue types the result of a call used as a receiver.
func (e *extractor) callValue(i int32) int {
	callee, args, lambda, _ := e.callParts(i)
	if callee < 0 {
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	n := e.countArgs(args)
	if lambda >= 0 {
		n++
	}
	switch e.kind(callee) {
	case kIdent:
		name := strings.Trim(e.text(callee), "`")
		if _, _, ok := e.lookupLocal(name); ok {
			break
		}
		return e.expr(facts.ExprCall, name, e.implicitRecv(), n)
	case kNavigationExpr:
		obj, member, op := e.navParts(callee)
		if obj < 0 || member < 0 || op == "::" || e.kind(member) != kIdent {
			break
		}
		name := strings.Trim(e.text(member), "`")
		base := e.recv(obj)
		switch name {
		case "also", "apply", "takeIf", "takeUnless":
			return base // the receiver itself
		}
		// A collection function (filter, first, find...) is typed by
		// package graph, which knows whether the receiver is a collection
		// or a type of the repository declaring a function of that name.
		return e.expr(facts.ExprCall, name, base, n)
	}
	return e.expr(facts.ExprUnknown, "", -1, 0)
}

// ident types a plain identifier used as a receiver.
func (e *extractor) ident(name string) int {
	if j, k, ok := e.lookupLocal(name); ok {
		l := &e.scopes[j].locals[k]
		switch {
		case l.typ != "":
			return e.expr(facts.ExprType, l.typ, -1, 0)
		case l.expr >= 0:
			return l.expr
		case l.node >= 0:
			node := l.node
			l.node = -1
			x := e.recv(node)
			if l.element {
				x = e.expr(facts.ExprElement, "", x, 0)
			}
			// The scopes may have grown while typing the initializer.
			if j < len(e.scopes) && k < len(e.scopes[j].locals) {
				e.scopes[j].locals[k].expr = x
			}
			return x
		}
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	if t, ok := e.lookupField(name); ok && t != "" {
		return e.expr(facts.ExprType, t, -1, 0)
	}
	switch name {
	case "", "it", "field", "value", "null", "true", "false":
		return e.expr(facts.ExprUnknown, "", -1, 0)
	}
	if startsUpper(name) {
		return e.expr(facts.ExprStatic, name, -1, 0)
	}
	// In an extension function or a lambda with a receiver, a property
	// of the receiver comes first.
	for j := len(e.scopes) - 1; j >= 0; j-- {
		if t := e.scopes[j].this; t >= 0 {
			return e.expr(facts.ExprField, name, e.expr(facts.ExprImplicit, "", t, 0), 0)
		}
	}
	return e.expr(facts.ExprField, name, -1, 0)
}

// dotted returns the text of a chain of plain identifiers (a.b.c) whose
// first identifier is not a variable in scope.
func (e *extractor) dotted(i int32) (string, bool) {
	switch e.kind(i) {
	case kIdent:
		name := strings.Trim(e.text(i), "`")
		if e.isVariable(name) || name == "it" || name == "this" {
			return "", false
		}
		return name, true
	case kNavigationExpr:
		obj, member, op := e.navParts(i)
		if obj < 0 || member < 0 || op != "." || e.kind(member) != kIdent {
			return "", false
		}
		head, ok := e.dotted(obj)
		if !ok {
			return "", false
		}
		return head + "." + strings.Trim(e.text(member), "`"), true
	}
	return "", false
}

// smartCast returns the variable and the type of an `x is T` test, or
// "" when node i is not one.
func (e *extractor) smartCast(i int32, subject string) (name, typ string) {
	switch e.kind(i) {
	case kIsExpr:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if l < 0 || r < 0 || e.kind(l) != kIdent || strings.Contains(e.between(l, r), "!") {
			return "", ""
		}
		return e.text(l), e.written(r)
	case kTypeTest:
		if subject == "" || strings.HasPrefix(strings.TrimSpace(e.text(i)), "!") {
			return "", ""
		}
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.isType(c) {
				return subject, e.written(c)
			}
		}
	}
	return "", ""
}

// visitCast walks node i with name declared of type typ (a smart cast).
func (e *extractor) visitCast(i int32, name, typ string) {
	if name == "" {
		e.visit(i)
		return
	}
	e.scopes = append(e.scopes, scope{this: -1, implicit: noImplicit})
	e.declare(name, typ)
	e.visit(i)
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// ifExpr walks an if: after `if (x is T)`, x is a T in the branch taken.
func (e *extractor) ifExpr(i int32) {
	cond := e.child(i, e.g.fCondition)
	name, typ := "", ""
	if cond >= 0 {
		e.visit(cond)
		name, typ = e.smartCast(cond, "")
	}
	first := true
	for c := e.first(i); c >= 0; c = e.next(c) {
		if c == cond || e.kind(c) == kComment {
			continue
		}
		if first {
			first = false
			e.visitCast(c, name, typ)
			continue
		}
		e.visit(c)
	}
}

// whenExpr walks a when: in an `is T ->` entry, a subject variable is a T.
func (e *extractor) whenExpr(i int32) {
	subject := ""
	for c := e.first(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kWhenSubject:
			e.visit(c)
			for d := e.first(c); d >= 0; d = e.next(d) {
				switch e.kind(d) {
				case kIdent:
					subject = e.text(d)
				case kVariableDecl:
					if id := e.childKind(d, kIdent); id >= 0 {
						subject = e.text(id)
					}
				}
			}
		case kWhenEntry:
			var conds []int32
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.t.Nodes[d].Field == e.g.fCondition {
					conds = append(conds, d)
				}
			}
			name, typ := "", ""
			if len(conds) == 1 {
				name, typ = e.smartCast(conds[0], subject)
			}
			for d := e.first(c); d >= 0; d = e.next(d) {
				if e.t.Nodes[d].Field == e.g.fCondition {
					e.visit(d)
				} else {
					e.visitCast(d, name, typ)
				}
			}
		default:
			e.visit(c)
		}
	}
}

// operatorFuncs are the functions the arithmetic and comparison
// operators call.
var operatorFuncs = map[string]string{
	"+": "plus", "-": "minus", "*": "times", "/": "div", "%": "rem",
	"<": "compareTo", ">": "compareTo", "<=": "compareTo", ">=": "compareTo",
}

// binaryExpr walks a binary expression: an arithmetic or comparison
// operator calls its operator function on the left operand (`a > b` is
// a.compareTo(b)) when the left operand is a value the extractor can
// type; a literal or an untyped value gives no reference.
func (e *extractor) binaryExpr(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l >= 0 && r >= 0 {
		if fn := operatorFuncs[strings.TrimSpace(string(tsflat.StripComments([]byte(e.between(l, r)))))]; fn != "" {
			e.operatorCall(fn, l, i)
		}
	}
	e.visitChildren(i)
}

// operatorCall emits the call of an operator or infix function fn on the
// value of node recv, unless the extractor cannot type that value.
func (e *extractor) operatorCall(fn string, recv, at int32) {
	switch e.kind(recv) {
	case kNumberLiteral, kStringLiteral, kMultilineString:
		return
	}
	x := e.recv(recv)
	switch x := e.exprs[x]; {
	case x.Kind == facts.ExprUnknown:
		return
	case x.Kind == facts.ExprStatic && fn == "compareTo" && isTypeLike(simpleName(x.Name)):
		// The grammar reads some generic calls, Box<Item>(x), as
		// comparisons: a type name compared is one of them.
		return
	}
	e.call(facts.Call, fn, 1, x, at)
}

// isTypeLike reports whether a name is written as types are: upper camel
// case, not all upper case as constants are.
func isTypeLike(name string) bool {
	return startsUpper(name) && name != strings.ToUpper(name)
}

// infixExpr walks an infix call `a f b`: a call of f on a with b as its
// argument.
func (e *extractor) infixExpr(i int32) {
	var parts []int32
	for c := e.first(i); c >= 0; c = e.next(c) {
		if e.kind(c) != kComment {
			parts = append(parts, c)
		}
	}
	if len(parts) == 3 && e.kind(parts[1]) == kIdent {
		e.operatorCall(strings.Trim(e.text(parts[1]), "`"), parts[0], parts[1])
		e.visit(parts[0])
		e.valueUse(parts[2])
		e.visit(parts[2])
		return
	}
	e.visitChildren(i)
}

// valueUse emits a type use for an object named as a value (an argument,
// the operand of an infix call): a bare name in UpperCamelCase that is not
// a variable in scope, as objects are named (constants and enum entries
// are written in upper case, and are left alone).
func (e *extractor) valueUse(i int32) {
	if i < 0 || e.kind(i) != kIdent {
		return
	}
	name := strings.Trim(e.text(i), "`")
	if !isTypeLike(name) || e.isVariable(name) {
		return
	}
	e.ref(facts.TypeUse, name, i)
}
