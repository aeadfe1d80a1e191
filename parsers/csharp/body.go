package csharp

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

func (e *extractor) fieldDecl(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kAttributeList:
			e.attributes(c)
		case kVarDecl:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				switch {
				case e.field(d) == e.g.fType:
					e.typeRefs(d, facts.TypeUse)
				case e.kind(d) == kVarDeclarator:
					if v := e.initializerOf(d); v >= 0 {
						e.visit(v)
					}
				}
			}
		}
	}
}

// propertyDecl walks a property, event or indexer: its type is a use, its
// accessors and initializer run with `value` (and an indexer's
// parameters) in scope.
func (e *extractor) propertyDecl(i int32) {
	ty := e.child(i, e.g.fType)
	written := ""
	if ty >= 0 {
		written = e.written(ty)
	}
	e.pushScope()
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case c == ty:
			e.typeRefs(c, facts.TypeUse)
		case e.kind(c) == kBracketedParamList:
			for p := e.t.FirstChild(c); p >= 0; p = e.t.Nodes[p].Next {
				e.visit(p)
			}
		case e.field(c) == e.g.fAccessors:
			e.declare("value", written)
			e.visitChildren(c)
		case e.field(c) == e.g.fName, e.kind(c) == kModifier, e.kind(c) == kExplicitInterface:
		default:
			e.visit(c)
		}
	}
	e.popScope()
}

func (e *extractor) declare(name, typ string) {
	e.declareExpr(name, typ, -1)
}

// declareExpr declares a local whose type is written (typ), or, for a
// `var` initialised by an expression, is that expression's (expr, an index
// in f.Exprs).
func (e *extractor) declareExpr(name, typ string, expr int) {
	if len(e.scopes) == 0 || name == "" || name == "_" {
		return
	}
	s := &e.scopes[len(e.scopes)-1]
	s.locals = append(s.locals, local{name, typ, expr})
}

func (e *extractor) methodDecl(i int32) {
	k := e.kind(i)
	saved := e.method
	sc := scope{}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kTypeParamList {
			sc.tparams = append(sc.tparams, e.typeParams(c)...)
		}
	}
	e.scopes = append(e.scopes, sc)
	named := len(e.frames) > 0 && (k == kMethod || k == kConstructor)
	if named {
		mods := e.modifiers(i)
		t := &e.f.Types[e.from()]
		m := facts.Method{Line: e.lineOf(i), EndLine: e.endLineOf(i), TypeParams: sc.tparams,
			Constructor: k == kConstructor, Static: mods.static,
			Public: mods.public || t.Kind == facts.Interface && !strings.Contains(string(e.bytesOf(i)), "private")}
		if nm := e.child(i, e.g.fName); nm >= 0 {
			m.Name = e.text(nm)
			m.Line = e.lineOf(nm)
		}
		if ty := e.child(i, e.g.fReturns); ty >= 0 {
			m.Return = e.written(ty)
		}
		if ps := e.child(i, e.g.fParameters); ps >= 0 {
			for p := e.t.FirstChild(ps); p >= 0; p = e.t.Nodes[p].Next {
				switch {
				case e.kind(p) == kParam:
					pm := e.modifiers(p)
					w := ""
					if ty := e.child(p, e.g.fType); ty >= 0 {
						w = e.written(ty)
					}
					if containsWord(e.modsText(p), "params") {
						w += "..."
					}
					if pm.this && len(m.Params) == 0 && mods.static {
						m.Extension = true
					}
					m.Params = append(m.Params, w)
				case e.field(p) == e.g.fType:
					// A params array: its type and name sit in the list.
					m.Params = append(m.Params, e.written(p)+"...")
				}
			}
		}
		t.Methods = append(t.Methods, m)
		e.method = len(t.Methods) - 1
	} else {
		e.method = -1
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch ck := e.kind(c); {
		case ck == kAttributeList:
			e.attributes(c)
		case ck == kConstraintsClause:
			e.constraints(c)
		case e.field(c) == e.g.fReturns, e.field(c) == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		case ck == kParamList:
			e.paramList(c)
		case ck == kCtorInitializer:
			e.ctorInitializer(c)
		case e.field(c) == e.g.fName, ck == kModifier, ck == kTypeParamList, ck == kComment, ck == kExplicitInterface:
		default:
			e.visit(c)
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
	e.method = saved
}

// modsText returns the text of the modifier children of node i, joined by
// spaces.
func (e *extractor) modsText(i int32) string {
	var words []string
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kModifier {
			words = append(words, e.text(c))
		}
	}
	return strings.Join(words, " ")
}

func containsWord(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == w {
			return true
		}
	}
	return false
}

// ctorInitializer is `: base(...)` (a call of the base class's
// constructor) or `: this(...)` (another constructor of the same type: no
// edge).
func (e *extractor) ctorInitializer(i int32) {
	if strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(e.text(i)), ":"), " \t\r\n"), "base") {
		args := 0
		if a := e.childKind(i, kArgumentList); a >= 0 {
			args = e.countArgs(a)
		}
		e.call("<init>", args, e.expr(facts.ExprSuper, "", -1, 0), i)
	}
	e.visitChildren(i)
}

func (e *extractor) localFunction(i int32) {
	if nm := e.child(i, e.g.fName); nm >= 0 {
		// Calls to it are not calls of a method of the type.
		e.declare(e.text(nm), "")
	}
	sc := scope{}
	if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
		sc.tparams = e.typeParams(tp)
	}
	e.scopes = append(e.scopes, sc)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch ck := e.kind(c); {
		case ck == kAttributeList:
			e.attributes(c)
		case ck == kConstraintsClause:
			e.constraints(c)
		case e.field(c) == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		case e.field(c) == e.g.fName, ck == kModifier, ck == kTypeParamList:
		default:
			e.visit(c)
		}
	}
	e.popScope()
}

// paramList declares the parameters of a list as locals and emits their
// type uses. A params array has no parameter node: its type and name are
// fields of the list itself.
func (e *extractor) paramList(l int32) {
	var ty int32 = -1
	for p := e.t.FirstChild(l); p >= 0; p = e.t.Nodes[p].Next {
		switch {
		case e.field(p) == e.g.fType:
			ty = p
			e.typeRefs(p, facts.TypeUse)
		case e.field(p) == e.g.fName:
			if ty >= 0 {
				e.declare(e.text(p), e.written(ty))
			}
		default:
			e.visit(p)
		}
	}
}

// param declares a parameter as a local and emits its type uses.
func (e *extractor) param(i int32) {
	ty, nm := e.child(i, e.g.fType), e.child(i, e.g.fName)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.kind(c) == kAttributeList:
			e.attributes(c)
		case c == ty:
			e.typeRefs(c, facts.TypeUse)
		case c == nm, e.kind(c) == kModifier:
		default:
			e.visit(c) // a default value
		}
	}
	if nm >= 0 {
		w := ""
		if ty >= 0 {
			w = e.written(ty)
		}
		e.declare(e.text(nm), w)
	}
}

func (e *extractor) foreach(i int32) {
	e.pushScope()
	ty, left, right := e.child(i, e.g.fType), e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if right >= 0 {
		e.visit(right)
	}
	if ty >= 0 {
		e.typeRefs(ty, facts.TypeUse)
	}
	if left >= 0 {
		switch e.kind(left) {
		case kIdentifier:
			switch {
			case ty >= 0 && e.kind(ty) != kImplicitType:
				e.declare(e.text(left), e.written(ty))
			case right >= 0:
				e.declareExpr(e.text(left), "", e.expr(facts.ExprElement, "", e.recv(right), 0))
			default:
				e.declare(e.text(left), "")
			}
		default:
			e.declareDesignations(left)
		}
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != ty && c != left && c != right {
			e.visit(c)
		}
	}
	e.popScope()
}

// declareDesignations declares every name of a deconstruction or
// designation ((a, b), var (x, y)) as a local of unknown type.
func (e *extractor) declareDesignations(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kIdentifier:
			e.declare(e.text(c), "")
		case kTuplePattern, kParenDesignation:
			e.declareDesignations(c)
		}
	}
}

// localVarDecl walks a local variable declaration: its type is a use, each
// variable is declared after its initializer is walked.
func (e *extractor) localVarDecl(i int32) {
	ty := e.child(i, e.g.fType)
	written := ""
	if ty >= 0 {
		if e.kind(ty) != kImplicitType && !(e.kind(ty) == kIdentifier && e.text(ty) == "var") {
			written = e.written(ty)
		}
		e.typeRefs(ty, facts.TypeUse)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kVarDeclarator {
			continue
		}
		v := e.initializerOf(c)
		if v >= 0 {
			e.visit(v)
		}
		nm := e.child(c, e.g.fName)
		if nm < 0 {
			if tp := e.childKind(c, kTuplePattern); tp >= 0 {
				e.declareDesignations(tp)
			}
			continue
		}
		switch {
		case written != "":
			e.declare(e.text(nm), written)
		case v >= 0:
			e.declareExpr(e.text(nm), "", e.recv(v))
		default:
			e.declare(e.text(nm), "")
		}
	}
}

// typedName walks `Type name` in a catch, a declaration pattern or an out
// variable: a type use and a local.
func (e *extractor) typedName(i int32) {
	ty, nm := e.child(i, e.g.fType), e.child(i, e.g.fName)
	written := ""
	if ty >= 0 {
		e.typeRefs(ty, facts.TypeUse)
		if e.kind(ty) != kImplicitType {
			written = e.written(ty)
		}
	}
	if nm >= 0 {
		e.declare(e.text(nm), written)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != ty && c != nm {
			if k := e.kind(c); k == kParenDesignation || k == kTuplePattern {
				e.declareDesignations(c)
			} else {
				e.visit(c)
			}
		}
	}
}

func (e *extractor) recursivePattern(i int32) {
	ty, nm := e.child(i, e.g.fType), e.child(i, e.g.fName)
	if ty >= 0 {
		e.typeRefs(ty, facts.TypeUse)
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c == ty || c == nm {
			continue
		}
		if k := e.kind(c); k == kParenDesignation {
			e.declareDesignations(c)
		} else {
			e.visit(c)
		}
	}
	if nm >= 0 {
		w := ""
		if ty >= 0 {
			w = e.written(ty)
		}
		e.declare(e.text(nm), w)
	}
}

// constantPattern is a pattern written as an expression: `x is Order`
// (a type test the grammar cannot tell from a constant) or a constant.
// A bare capitalised name that is no variable in scope is taken as a type.
func (e *extractor) constantPattern(i int32) {
	c := e.t.FirstChild(i)
	if c >= 0 && e.t.Nodes[c].Next < 0 {
		switch e.kind(c) {
		case kIdentifier:
			name := e.text(c)
			if isUpper(name) && !e.isVariable(name) {
				e.typeRefs(c, facts.TypeUse)
				return
			}
		case kGenericName, kQualifiedName:
			e.typeRefs(c, facts.TypeUse)
			return
		}
	}
	e.visitChildren(i)
}

func isUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func (e *extractor) objectCreation(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.field(c) == e.g.fType {
			e.typeRefs(c, facts.New)
		} else {
			e.visit(c)
		}
	}
	e.dataNew(i)
}

func (e *extractor) assignment(i int32) {
	e.dataAssignment(i)
	e.visitChildren(i)
}

// countArgs counts the arguments of an argument list.
func (e *extractor) countArgs(a int32) int {
	n := 0
	for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kArgument {
			n++
		}
	}
	return n
}

func (e *extractor) args(i int32) int {
	if a := e.child(i, e.g.fArguments); a >= 0 {
		return e.countArgs(a)
	}
	return 0
}

// callee splits the function of an invocation into the method called and
// the node of its receiver (-1 for an unqualified call). ok is false for
// an invocation that is no method call (a delegate in a local, a lambda,
// nameof).
func (e *extractor) callee(fn int32) (name, recvNode int32, ok bool) {
	switch e.kind(fn) {
	case kIdentifier, kGenericName:
		id := fn
		if e.kind(fn) == kGenericName {
			id = e.childKind(fn, kIdentifier)
		}
		if id < 0 {
			return -1, -1, false
		}
		if n := e.text(id); n == "nameof" || e.isLocal(n) {
			return -1, -1, false
		}
		return id, -1, true
	case kMemberAccess:
		nm := e.child(fn, e.g.fName)
		if nm >= 0 && e.kind(nm) == kGenericName {
			nm = e.childKind(nm, kIdentifier)
		}
		return nm, e.child(fn, e.g.fExpression), nm >= 0
	case kConditionalAccess:
		mb := e.childKind(fn, kMemberBinding)
		if mb < 0 {
			return -1, -1, false
		}
		nm := e.child(mb, e.g.fName)
		if nm >= 0 && e.kind(nm) == kGenericName {
			nm = e.childKind(nm, kIdentifier)
		}
		return nm, e.child(fn, e.g.fCondition), nm >= 0
	}
	return -1, -1, false
}

// linqOps are the operators (LINQ's, List<T>'s, EF Core's async ones)
// whose lambda argument's first parameter is an element of the receiver.
var linqOps = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`Where Select SelectMany Any All First FirstOrDefault Single SingleOrDefault
		Last LastOrDefault Count LongCount Sum Min Max Average OrderBy OrderByDescending ThenBy ThenByDescending
		GroupBy ToDictionary ToLookup TakeWhile SkipWhile DistinctBy MinBy MaxBy UnionBy ExceptBy IntersectBy
		CountBy ForEach Find FindAll FindIndex FindLast Exists TrueForAll RemoveAll
		AnyAsync AllAsync FirstAsync FirstOrDefaultAsync SingleAsync SingleOrDefaultAsync LastAsync
		LastOrDefaultAsync CountAsync LongCountAsync SumAsync MinAsync MaxAsync AverageAsync
		ToDictionaryAsync ForEachAsync`) {
		m[n] = true
	}
	return m
}()

func (e *extractor) invocation(i int32) {
	fn, argList := e.child(i, e.g.fFunction), e.child(i, e.g.fArguments)
	if fn < 0 {
		e.visitChildren(i)
		return
	}
	if fn >= 0 && e.kind(fn) == kIdentifier && e.text(fn) == "nameof" {
		return // a name, not a use
	}
	nm, rn, ok := e.callee(fn)
	recv := -1
	if ok {
		if rn >= 0 {
			recv = e.recv(rn)
		} else {
			recv = e.expr(facts.ExprThis, "", -1, 0)
		}
		e.call(e.text(nm), e.args(i), recv, nm)
		e.dataCall(i, e.text(nm), rn)
		e.renderCall(e.text(nm), rn, argList, nm)
	}
	// The receiver and explicit type arguments.
	switch e.kind(fn) {
	case kMemberAccess:
		if x := e.child(fn, e.g.fExpression); x >= 0 {
			e.visit(x)
		}
		if n := e.child(fn, e.g.fName); n >= 0 && e.kind(n) == kGenericName {
			e.typeArgsOf(n)
		}
	case kGenericName:
		if ta := e.childKind(fn, kTypeArgList); ta >= 0 {
			e.typeRefs(ta, facts.TypeUse)
		}
	case kConditionalAccess:
		for c := e.t.FirstChild(fn); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kMemberBinding {
				if n := e.child(c, e.g.fName); n >= 0 && e.kind(n) == kGenericName {
					e.typeArgsOf(n)
				}
			} else {
				e.visit(c)
			}
		}
	case kIdentifier:
	default:
		e.visit(fn)
	}
	if argList < 0 {
		return
	}
	elem := ok && rn >= 0 && linqOps[e.text(nm)]
	for a := e.t.FirstChild(argList); a >= 0; a = e.t.Nodes[a].Next {
		if elem && e.kind(a) == kArgument {
			if l := e.t.FirstChild(a); l >= 0 && e.kind(l) == kLambda && e.t.Nodes[l].Next < 0 {
				e.lambdaOver(l, recv)
				continue
			}
		}
		e.visit(a)
	}
}

// typeArgsOf emits type uses for the type arguments of a generic name
// that is not itself a type (a generic method's name).
func (e *extractor) typeArgsOf(g int32) {
	if ta := e.childKind(g, kTypeArgList); ta >= 0 {
		e.typeRefs(ta, facts.TypeUse)
	}
}

func (e *extractor) lambda(i int32) { e.lambdaOver(i, -1) }

// lambdaOver walks a lambda; when elems is a receiver expression (the
// collection a LINQ operator runs over), an untyped first parameter is one
// of its elements.
func (e *extractor) lambdaOver(i int32, elems int) {
	e.pushScope()
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.field(c) == e.g.fParameters:
			switch e.kind(c) {
			case kImplicitParam:
				if elems >= 0 {
					e.declareExpr(e.text(c), "", e.expr(facts.ExprElement, "", elems, 0))
				} else {
					e.declare(e.text(c), "")
				}
			case kParamList:
				first := true
				for p := e.t.FirstChild(c); p >= 0; p = e.t.Nodes[p].Next {
					if e.kind(p) != kParam {
						continue
					}
					if first && elems >= 0 && e.child(p, e.g.fType) < 0 {
						if nm := e.child(p, e.g.fName); nm >= 0 {
							e.declareExpr(e.text(nm), "", e.expr(facts.ExprElement, "", elems, 0))
						}
					} else {
						e.param(p)
					}
					first = false
				}
			}
		case e.field(c) == e.g.fType:
			e.typeRefs(c, facts.TypeUse)
		case e.kind(c) == kModifier:
		default:
			e.visit(c)
		}
	}
	e.popScope()
}

// rangeVariable walks a LINQ from or join clause: its range variable is a
// local, typed when the clause writes a type.
func (e *extractor) rangeVariable(i int32) {
	ty := e.child(i, e.g.fType)
	w := ""
	if ty >= 0 {
		e.typeRefs(ty, facts.TypeUse)
		w = e.written(ty)
	}
	nm := e.child(i, e.g.fName)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case c == ty:
		case c == nm || e.kind(c) == kIdentifier && nm < 0:
			e.declare(e.text(c), w)
		default:
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
	case kBase:
		return e.expr(facts.ExprSuper, "", -1, 0)
	case kParenthesized:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				return e.recv(c)
			}
		}
	case kStringLiteral, kVerbatimString, kRawString, kInterpolatedString:
		return e.expr(facts.ExprType, "System.String", -1, 0)
	case kTypeof:
		return e.expr(facts.ExprType, "System.Type", -1, 0)
	case kPredefinedType:
		return e.expr(facts.ExprStatic, "System.Object", -1, 0) // string.Join: a framework type's static member
	case kObjectCreation, kCast:
		if ty := e.child(i, e.g.fType); ty >= 0 {
			return e.expr(facts.ExprType, e.written(ty), -1, 0)
		}
	case kAsExpr:
		if ty := e.child(i, e.g.fRight); ty >= 0 {
			return e.expr(facts.ExprType, e.written(ty), -1, 0)
		}
	case kAwait:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				return e.expr(facts.ExprAwait, "", e.recv(c), 0)
			}
		}
	case kInvocation:
		fn := e.child(i, e.g.fFunction)
		if fn < 0 {
			break
		}
		nm, rn, ok := e.callee(fn)
		if !ok {
			if e.kind(fn) == kIdentifier && e.text(fn) == "nameof" {
				return e.expr(facts.ExprType, "System.String", -1, 0)
			}
			break
		}
		base := 0
		if rn >= 0 {
			base = e.recv(rn)
		} else {
			base = e.expr(facts.ExprThis, "", -1, 0)
		}
		return e.expr(facts.ExprCall, e.text(nm), base, e.args(i))
	case kMemberAccess:
		return e.memberAccess(i)
	case kBinaryExpr:
		// a ?? b has a's type.
		if l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight); l >= 0 && strings.TrimSpace(e.between(l, r)) == "??" {
			return e.recv(l)
		}
	case kConditionalAccess:
		// a?.B as a value: the member B of a.
		mb := e.childKind(i, kMemberBinding)
		cond := e.child(i, e.g.fCondition)
		if mb >= 0 && cond >= 0 {
			if nm := e.child(mb, e.g.fName); nm >= 0 && e.kind(nm) == kIdentifier {
				return e.expr(facts.ExprField, e.text(nm), e.recv(cond), 0)
			}
		}
	default:
		if e.g.lang.SymbolName(e.t.Nodes[i].Kind) == "postfix_unary_expression" && strings.HasSuffix(e.text(i), "!") {
			// x! (null-forgiving): the value of x.
			if c := e.t.FirstChild(i); c >= 0 {
				return e.recv(c)
			}
		}
	}
	return e.unknown()
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
		return e.unknown()
	}
	if t, ok := e.lookupField(name); ok {
		return e.expr(facts.ExprType, t, -1, 0)
	}
	// A member inherited from a base type (or declared in another part of
	// a partial type), or a type: package graph decides, in that order.
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

func (e *extractor) isLocal(name string) bool {
	_, ok := e.lookupLocal(name)
	return ok
}

// lookupField finds a field or property of the enclosing named types.
func (e *extractor) lookupField(name string) (string, bool) {
	for j := len(e.frames) - 1; j >= 0; j-- {
		if t, ok := e.frames[j].fields[name]; ok {
			return t, true
		}
	}
	return "", false
}

// isVariable reports whether name is a local, or a field or property
// declared in this file, in scope.
func (e *extractor) isVariable(name string) bool {
	if e.isLocal(name) {
		return true
	}
	_, ok := e.lookupField(name)
	return ok
}

func (e *extractor) memberAccess(i int32) int {
	obj, nm := e.child(i, e.g.fExpression), e.child(i, e.g.fName)
	if obj < 0 || nm < 0 {
		return e.unknown()
	}
	name := e.typeName(nm)
	switch e.kind(obj) {
	case kThis:
		if len(e.frames) > 0 {
			if t, ok := e.frames[len(e.frames)-1].fields[name]; ok {
				return e.expr(facts.ExprType, t, -1, 0)
			}
		}
		return e.expr(facts.ExprField, name, e.expr(facts.ExprThis, "", -1, 0), 0)
	case kBase:
		return e.expr(facts.ExprField, name, e.expr(facts.ExprSuper, "", -1, 0), 0)
	case kPredefinedType:
		return e.expr(facts.ExprStatic, "System.Object", -1, 0)
	}
	if dotted, ok := e.dottedName(obj); ok && strings.Contains(dotted, ".") {
		// a.b.c where a is not a variable: a namespace-qualified type, a
		// type's static member, or an inherited member. Package graph
		// decides which.
		return e.expr(facts.ExprStatic, dotted+"."+name, -1, 0)
	}
	return e.expr(facts.ExprField, name, e.recv(obj), 0)
}

// dottedName returns the text of a chain of plain identifiers (a.b.c)
// whose first identifier is not a variable in scope.
func (e *extractor) dottedName(i int32) (string, bool) {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if e.isVariable(name) {
			return "", false
		}
		return name, true
	case kAliasQualifiedName:
		return e.typeName(i), true
	case kMemberAccess:
		obj, nm := e.child(i, e.g.fExpression), e.child(i, e.g.fName)
		if obj < 0 || nm < 0 || e.kind(nm) != kIdentifier {
			return "", false
		}
		head, ok := e.dottedName(obj)
		if !ok {
			return "", false
		}
		return head + "." + e.text(nm), true
	}
	return "", false
}
