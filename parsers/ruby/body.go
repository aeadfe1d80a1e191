package ruby

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// statements walks the children of node i as code.
func (e *extractor) statements(i int32) {
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		e.value(c)
	}
}

// value walks node i as an expression, emitting what it references, and
// returns the index in exprs of its value when the analysis can type it
// (see the package doc), else -1.
func (e *extractor) value(i int32) int {
	switch e.kind(i) {
	case kComment, kUninterpreted, kSimpleSymbol, kHashKeySymbol, kTrue, kNil, kStringContent, kEscapeSequence, kHeredocContent:
		return -1
	case kClass:
		e.classDecl(i)
		return -1
	case kModule:
		e.moduleDecl(i)
		return -1
	case kSingletonClass:
		e.singletonClass(i)
		return -1
	case kMethod, kSingletonMethod:
		e.methodDecl(i, false)
		return -1
	case kConstant, kScopeResolution:
		name, ok := e.constName(i)
		if !ok {
			e.statements(i)
			return -1
		}
		e.ref(facts.TypeUse, name, i)
		return e.expr(facts.ExprStatic, name, -1, 0)
	case kSelf:
		return e.thisExpr()
	case kInstanceVariable:
		if e.singletonContext() {
			return -1 // a class-level instance variable: not typed
		}
		return e.expr(facts.ExprField, e.text(i), -1, 0)
	case kIdentifier:
		return e.identifier(i)
	case kCall:
		return e.callExpr(i)
	case kSuper:
		e.superCall(i, 0)
		return -1
	case kAssignment:
		e.assignment(i)
		return -1
	case kOperatorAssignment:
		e.operatorAssignment(i)
		return -1
	case kParenthesized:
		if c := e.firstChild(i); c >= 0 && e.next(c) < 0 {
			return e.value(c)
		}
		e.statements(i)
		return -1
	case kBlock, kDoBlock, kLambda:
		e.block(i)
		return -1
	case kRescue:
		e.rescue(i)
		return -1
	case kFor:
		if p := e.child(i, e.g.fPattern); p >= 0 {
			e.bindPattern(p)
		}
		for c := e.firstChild(i); c >= 0; c = e.next(c) {
			if e.field(c) != e.g.fPattern {
				e.value(c)
			}
		}
		return -1
	case kLeftAssignmentList, kDestructuredLeft:
		e.bindPattern(i)
		return -1
	case kAlias:
		e.alias(i)
		return -1
	case kPair:
		// A key written `key:` is a symbol; `expr => value` walks both.
		e.statements(i)
		return -1
	case kString, kHeredocBody, kDelimitedSymbol, kChainedString:
		// Only interpolations hold code.
		e.statements(i)
		return -1
	case kInterpolation:
		e.statements(i)
		return -1
	}
	e.statements(i)
	return -1
}

// identifier is a local variable read, or a call without receiver nor
// arguments.
func (e *extractor) identifier(i int32) int {
	name := e.text(i)
	if l, ok := e.lookupLocal(name); ok {
		return l.expr
	}
	switch name {
	case "private", "protected", "public", "module_function", "private_constant", "primary_abstract_class", "__method__", "binding", "block_given?":
		e.bareMacro(i, name)
		return -1
	}
	if e.from() < 0 {
		return -1
	}
	e.selfDataCall(i, name, -1)
	this := e.thisExpr()
	e.call(name, 0, this, i)
	return e.expr(facts.ExprCall, name, this, 0)
}

// bareMacro handles a macro written without arguments in a class body.
func (e *extractor) bareMacro(i int32, name string) {
	fr := e.frame()
	if fr == nil || e.inDef {
		return
	}
	switch name {
	case "private", "protected":
		fr.private = true
	case "public":
		fr.private = false
	case "module_function":
		fr.moduleFunction = true
	case "primary_abstract_class":
		e.setClassAttribute("abstract_class", "true", i)
	}
}

// --- declarations ---

// typeName returns the full name of a class or module being declared with
// the name node nm, in the current frame.
func (e *extractor) declName(nm int32) (string, bool) {
	written, ok := e.constName(nm)
	if !ok {
		return "", false
	}
	if strings.HasPrefix(written, "::") {
		return dotted(written), true
	}
	return join(e.scopeName(), dotted(written)), true
}

// nesting returns the names of the open frames, innermost first.
func (e *extractor) nesting() []string {
	if len(e.frames) == 0 {
		return nil
	}
	out := make([]string, 0, len(e.frames))
	for j := len(e.frames) - 1; j >= 0; j-- {
		out = append(out, e.frames[j].name)
	}
	return out
}

// declareType adds a type of the file, declared by node decl, and opens
// its frame.
func (e *extractor) declareType(decl, nameNode int32, full string, k facts.TypeKind) int {
	outer := -1
	if fr := e.typeFrame(); fr != nil && strings.HasPrefix(full, fr.name+".") {
		outer = fr.typ
	}
	e.f.Types = append(e.f.Types, facts.Type{Name: full, Kind: k, Outer: outer, Line: e.lineOf(nameNode), EndLine: e.endLineOf(decl),
		Public: true, Nesting: e.nesting()})
	return len(e.f.Types) - 1
}

// typeBody walks the body of a class or module declared as type typ (-1
// for a namespace wrapper) named full.
func (e *extractor) typeBody(body int32, typ int, full string, migration bool) {
	savedMethod, savedInDef, savedScopes := e.method, e.inDef, e.scopes
	e.method, e.inDef, e.scopes = -1, false, nil
	e.frames = append(e.frames, frame{typ: typ, name: full, migration: migration})
	if body >= 0 {
		if e.kind(body) == kBodyStatement {
			e.statements(body)
		} else {
			e.value(body)
		}
	}
	e.typeDone()
	e.frames = e.frames[:len(e.frames)-1]
	e.method, e.inDef, e.scopes = savedMethod, savedInDef, savedScopes
}

// typeDone records what the walk of a type's body learned: its instance
// variables, and the accesses made through them.
func (e *extractor) typeDone() {
	fr := e.frame()
	if fr.typ < 0 {
		return
	}
	t := &e.f.Types[fr.typ]
	for _, name := range fr.ivarOrder {
		t.Fields = append(t.Fields, facts.Field{Name: name, Type: fr.ivars[name]})
	}
	for _, p := range fr.pending {
		if cls := entityOf(fr.ivars[p.ivar]); cls != "" && cls != "?" {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: p.kind, Entity: cls + p.path, From: fr.typ, Method: p.method, Routine: -1, Line: p.line, Via: "activerecord"})
		}
	}
}

func (e *extractor) classDecl(i int32) {
	nm := e.child(i, e.g.fName)
	name, ok := "", false
	if nm >= 0 {
		name, ok = e.declName(nm)
	}
	if !ok {
		e.statements(i)
		return
	}
	typ := e.declareType(i, nm, name, facts.Class)
	migration := false
	if sc := e.child(i, e.g.fSuperclass); sc >= 0 {
		migration = e.superclass(sc, typ)
	}
	if !migration && strings.Contains(e.f.Path, "db/migrate/") {
		migration = true
	}
	e.typeBody(e.child(i, e.g.fBody), typ, name, migration)
}

// superclass emits the superclass reference of type typ (the `< X` node
// sc); it reports whether the class is an ActiveRecord migration.
func (e *extractor) superclass(sc int32, typ int) bool {
	x := e.firstChild(sc)
	for x >= 0 && e.kind(x) == kComment {
		x = e.next(x)
	}
	if x < 0 {
		return false
	}
	// Evaluated in the scope around the class, but it belongs to it.
	savedMethod := e.method
	e.method = -1
	e.frames = append(e.frames, frame{typ: typ, name: e.f.Types[typ].Name})
	defer func() { e.frames, e.method = e.frames[:len(e.frames)-1], savedMethod }()
	if e.kind(x) == kElementReference {
		// ActiveRecord::Migration[7.0]
		if obj := e.firstChild(x); obj >= 0 {
			if name, ok := e.constName(obj); ok {
				e.ref(facts.Extends, name, obj)
				return strings.TrimPrefix(name, "::") == "ActiveRecord::Migration"
			}
		}
		e.value(x)
		return false
	}
	if name, ok := e.constName(x); ok {
		e.ref(facts.Extends, name, x)
		return strings.TrimPrefix(name, "::") == "ActiveRecord::Migration"
	}
	if base, ok := e.classFactory(x); ok && base != "" {
		e.ref(facts.Extends, base, x)
		return false
	}
	e.value(x)
	return false
}

// classFactory reads Struct.new(...), Class.new(Base), Data.define(...):
// the superclass they give ("Struct", "Base", "Data"; "" for Class.new
// without argument), and whether node i is one. It walks the arguments.
func (e *extractor) classFactory(i int32) (string, bool) {
	if e.kind(i) != kCall {
		return "", false
	}
	recv, meth := e.child(i, e.g.fReceiver), e.child(i, e.g.fMethod)
	if recv < 0 || meth < 0 {
		return "", false
	}
	r, ok := e.constName(recv)
	if !ok {
		return "", false
	}
	r = strings.TrimPrefix(r, "::")
	m := e.text(meth)
	switch {
	case r == "Struct" && m == "new", r == "Data" && m == "define":
		if args := e.child(i, e.g.fArguments); args >= 0 {
			e.statements(args)
		}
		return r, true
	case r == "Class" && m == "new":
		base := ""
		if args := e.child(i, e.g.fArguments); args >= 0 {
			for a := e.firstChild(args); a >= 0; a = e.next(a) {
				if n, ok := e.constName(a); ok && base == "" {
					base = n
					continue
				}
				e.value(a)
			}
		}
		return base, true
	}
	return "", false
}

func (e *extractor) moduleDecl(i int32) {
	nm := e.child(i, e.g.fName)
	name, ok := "", false
	if nm >= 0 {
		name, ok = e.declName(nm)
	}
	if !ok {
		e.statements(i)
		return
	}
	body := e.child(i, e.g.fBody)
	typ := -1
	if !e.namespaceOnly(body) {
		typ = e.declareType(i, nm, name, facts.Module)
	}
	e.typeBody(body, typ, name, false)
}

// namespaceOnly reports whether a module's body only declares classes and
// modules (at least one).
func (e *extractor) namespaceOnly(body int32) bool {
	if body < 0 {
		return false
	}
	if e.kind(body) != kBodyStatement {
		return e.isDeclaration(body)
	}
	decls := 0
	for c := e.firstChild(body); c >= 0; c = e.next(c) {
		switch {
		case e.kind(c) == kComment:
		case e.isDeclaration(c):
			decls++
		default:
			return false
		}
	}
	return decls > 0
}

// isDeclaration reports a class, a module, or a constant assigned a
// Struct.new, Class.new or Data.define.
func (e *extractor) isDeclaration(i int32) bool {
	switch e.kind(i) {
	case kClass, kModule:
		return true
	case kAssignment:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if l < 0 || r < 0 || e.kind(l) != kConstant || e.kind(r) != kCall {
			return false
		}
		recv, meth := e.child(r, e.g.fReceiver), e.child(r, e.g.fMethod)
		if recv < 0 || meth < 0 {
			return false
		}
		n, ok := e.constName(recv)
		n = strings.TrimPrefix(n, "::")
		m := e.text(meth)
		return ok && (n == "Struct" && m == "new" || n == "Class" && m == "new" || n == "Data" && m == "define")
	}
	return false
}

// singletonClass walks `class << self`: its defs are class methods.
func (e *extractor) singletonClass(i int32) {
	fr := e.frame()
	v := e.child(i, e.g.fValue)
	self := v >= 0 && (e.kind(v) == kSelf || fr != nil && e.isOwnName(v))
	if fr == nil || !self {
		e.statements(i)
		return
	}
	saved := fr.singleton
	fr.singleton = true
	if body := e.child(i, e.g.fBody); body >= 0 {
		e.statements(body)
	}
	e.frame().singleton = saved
}

// isOwnName reports whether node i names the innermost open class.
func (e *extractor) isOwnName(i int32) bool {
	n, ok := e.constName(i)
	if !ok {
		return false
	}
	full := e.scopeName()
	n = dotted(n)
	return full == n || strings.HasSuffix(full, "."+n)
}

// methodDecl walks a def. A def of a type of the file is one of its
// methods; private marks it private whatever the section says.
func (e *extractor) methodDecl(i int32, private bool) {
	nm := e.child(i, e.g.fName)
	fr := e.typeFrame()
	static := false
	if e.kind(i) == kSingletonMethod {
		obj := e.child(i, e.g.fObject)
		if obj < 0 || !(e.kind(obj) == kSelf || e.isOwnName(obj)) {
			fr = nil // def obj.x: a method of some object
		}
		static = true
	}
	if fr != nil && e.frame() != fr {
		fr = nil // inside a namespace wrapper: no type holds it
	}
	savedMethod, savedInDef, savedScopes, savedCounts := e.method, e.inDef, e.scopes, e.counts
	e.method, e.inDef, e.scopes = -1, true, nil
	e.counts = e.countAssignments(i)
	if fr != nil && nm >= 0 {
		t := &e.f.Types[fr.typ]
		m := facts.Method{Name: e.text(nm), Static: static || fr.singleton || fr.classMethods || fr.moduleFunction,
			Public: !private && !fr.private, Line: e.lineOf(nm), EndLine: e.endLineOf(i)}
		if m.Name == "initialize" && !m.Static {
			m.Constructor = true
		}
		t.Methods = append(t.Methods, m)
		e.method = len(t.Methods) - 1
	}
	e.pushScope(false)
	var body int32 = -1
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		switch {
		case c == nm, e.field(c) == e.g.fObject:
		case e.kind(c) == kMethodParameters:
			params := e.params(c)
			if e.method >= 0 {
				e.f.Types[fr.typ].Methods[e.method].Params = params
			}
		case e.field(c) == e.g.fBody:
			body = c
			e.value(c)
		default:
			e.value(c)
		}
	}
	var attr string
	if e.method >= 0 && body >= 0 {
		m := &e.f.Types[fr.typ].Methods[e.method]
		m.Return = e.returns(body)
		if m.Static {
			switch m.Name {
			case "table_name", "table_name_prefix", "table_name_suffix":
				attr = m.Name
			}
		}
	}
	e.popScope()
	e.method, e.inDef, e.scopes, e.counts = savedMethod, savedInDef, savedScopes, savedCounts
	if attr != "" {
		// def self.table_name_prefix; "billing_"; end
		if v, ok := e.lastString(body); ok {
			e.setClassAttribute(attr, v, nm)
		}
	}
}

// lastString returns the value of a body's last expression when it is a
// string literal.
func (e *extractor) lastString(body int32) (string, bool) {
	last := body
	if e.kind(body) == kBodyStatement {
		last = -1
		for c := e.firstChild(body); c >= 0; c = e.next(c) {
			if e.kind(c) != kComment {
				last = c
			}
		}
	}
	if last < 0 {
		return "", false
	}
	if s, ok := e.symbolText(last); ok {
		return s, true
	}
	return "", false
}

// params declares the parameters of a def, a block or a lambda as locals
// of the current scope and returns their names; default values are
// walked.
func (e *extractor) params(list int32) []string {
	var names []string
	for p := e.firstChild(list); p >= 0; p = e.next(p) {
		switch e.kind(p) {
		case kIdentifier:
			names = append(names, e.text(p))
			e.declare(e.text(p), local{expr: -1, str: -1})
		case kOptionalParameter, kKeywordParameter, kSplatParameter, kHashSplatParameter, kBlockParameter:
			nm := e.child(p, e.g.fName)
			if nm >= 0 {
				names = append(names, e.text(nm))
				e.declare(e.text(nm), local{expr: -1, str: -1})
			}
			for c := e.firstChild(p); c >= 0; c = e.next(c) {
				if c != nm {
					e.value(c)
				}
			}
		case kDestructuredParameter:
			e.bindPattern(p)
			names = append(names, e.text(p))
		case kComment:
		default:
			e.value(p)
		}
	}
	return names
}

// bindPattern declares the identifiers of a destructuring target as
// untyped locals, walking anything else in it.
func (e *extractor) bindPattern(i int32) {
	switch e.kind(i) {
	case kIdentifier:
		e.declare(e.text(i), local{expr: -1, str: -1})
		return
	case kInstanceVariable:
		e.assignIvar(e.text(i), -1)
		return
	}
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kIdentifier, kInstanceVariable, kLeftAssignmentList, kDestructuredLeft, kDestructuredParameter, kRestAssignment:
			e.bindPattern(c)
		default:
			e.value(c)
		}
	}
}

// returns is the class a def's body certainly returns: Const when its
// last expression is Const.new(...) or @x ||= Const.new(...).
func (e *extractor) returns(body int32) string {
	last := body
	if e.kind(body) == kBodyStatement {
		last = -1
		for c := e.firstChild(body); c >= 0; c = e.next(c) {
			if e.kind(c) != kComment {
				last = c
			}
		}
	}
	if last < 0 {
		return ""
	}
	if e.kind(last) == kOperatorAssignment {
		last = e.child(last, e.g.fRight)
	}
	if last < 0 {
		return ""
	}
	return e.newOf(last)
}

// recordOf returns what node i certainly holds: "Const" for
// Const.new(...), "Const.find" for an ActiveRecord finder called on a
// constant (Const.find(...), Const.find_by(...), Const.create(...): a
// record when Const is a model), else "".
func (e *extractor) recordOf(i int32) string {
	if e.kind(i) != kCall {
		return ""
	}
	recv, meth := e.child(i, e.g.fReceiver), e.child(i, e.g.fMethod)
	if recv < 0 || meth < 0 {
		return ""
	}
	m := e.text(meth)
	if m != "new" && !finders[m] {
		return ""
	}
	n, ok := e.constName(recv)
	if !ok || coreConstant(n) {
		return ""
	}
	if m == "new" {
		return n
	}
	return n + "." + m
}

// entityOf returns the class of what recordOf says: "Const.find" ->
// "Const".
func entityOf(record string) string {
	if i := strings.LastIndexByte(record, '.'); i >= 0 {
		return record[:i]
	}
	return record
}

// newOf returns Const when node i is Const.new(...), else "".
func (e *extractor) newOf(i int32) string {
	if e.kind(i) != kCall {
		return ""
	}
	recv, meth := e.child(i, e.g.fReceiver), e.child(i, e.g.fMethod)
	if recv < 0 || meth < 0 || e.text(meth) != "new" {
		return ""
	}
	n, _ := e.constName(recv)
	return n
}

// block walks a block or lambda in a scope of its own.
func (e *extractor) block(i int32) {
	e.pushScope(true)
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kBlockParameters, kLambdaParameters:
			e.params(c)
		default:
			e.value(c)
		}
	}
	e.popScope()
}

func (e *extractor) rescue(i int32) {
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		if e.kind(c) == kExceptionVariable {
			e.bindPattern(c)
			continue
		}
		e.value(c)
	}
}

// alias declares `alias new old` as a method.
func (e *extractor) alias(i int32) {
	if nm := e.child(i, e.g.fName); nm >= 0 {
		e.addMethod(strings.TrimPrefix(e.text(nm), ":"), nm)
	}
}

// addMethod declares a method made by a macro (attr_reader, alias_method,
// delegate...) in the innermost type.
func (e *extractor) addMethod(name string, at int32) {
	fr := e.frame()
	if fr == nil || fr.typ < 0 || e.inDef || name == "" {
		return
	}
	e.f.Types[fr.typ].Methods = append(e.f.Types[fr.typ].Methods, facts.Method{Name: name,
		Static: fr.singleton || fr.classMethods, Public: !fr.private, Line: e.lineOf(at), EndLine: e.lineOf(at)})
}

// --- assignments ---

func (e *extractor) assignment(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 {
		e.statements(i)
		return
	}
	switch e.kind(l) {
	case kIdentifier:
		v := e.value(r)
		str := int32(-1)
		if e.isStringNode(r) {
			str = r
		}
		e.assigned(e.text(l), v, str, entityOf(e.recordOf(r)))
	case kInstanceVariable:
		e.value(r)
		e.assignIvar(e.text(l), r)
	case kConstant:
		e.constantAssignment(l, r)
	case kCall:
		e.setterCall(l, r)
	case kLeftAssignmentList, kDestructuredLeft:
		e.bindPattern(l)
		e.value(r)
	default:
		e.value(l)
		e.value(r)
	}
}

func (e *extractor) operatorAssignment(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 {
		e.statements(i)
		return
	}
	switch e.kind(l) {
	case kIdentifier:
		name := e.text(l)
		_, known := e.lookupLocal(name)
		v := e.value(r)
		if !known {
			e.assigned(name, v, -1, entityOf(e.recordOf(r)))
		}
	case kInstanceVariable:
		e.value(r)
		e.assignIvar(e.text(l), r)
	default:
		e.value(l)
		e.value(r)
	}
}

// assignIvar records an assignment to an instance variable of the
// innermost type (rhs -1: a value of unknown class).
func (e *extractor) assignIvar(name string, rhs int32) {
	fr := e.frame()
	if fr == nil || fr.typ < 0 || e.singletonContext() {
		return
	}
	cls := ""
	isNil := false
	if rhs >= 0 {
		cls = e.recordOf(rhs)
		isNil = e.kind(rhs) == kNil
	}
	if fr.ivars == nil {
		fr.ivars = map[string]string{}
	}
	old, seen := fr.ivars[name]
	switch {
	case !seen:
		fr.ivarOrder = append(fr.ivarOrder, name)
		if isNil {
			fr.ivars[name] = "?" // only nil so far
		} else {
			fr.ivars[name] = cls
		}
	case isNil:
	case old == "?":
		fr.ivars[name] = cls
	case old != cls && !(entityOf(old) == entityOf(cls) && strings.Contains(old, ".") && strings.Contains(cls, ".")):
		fr.ivars[name] = "" // two classes, or new and a finder
	}
}

// constantAssignment handles NAME = value in a class body: a class made
// by Struct.new, Class.new or Data.define, or a constant (a static field).
func (e *extractor) constantAssignment(l, r int32) {
	if e.isDeclaration(e.t.Nodes[l].Parent) {
		full := join(e.scopeName(), e.text(l))
		typ := e.declareType(e.t.Nodes[l].Parent, l, full, facts.Class)
		e.frames = append(e.frames, frame{typ: typ, name: full})
		base, _ := e.classFactory(r)
		if base != "" {
			e.refs = append(e.refs, facts.Ref{Kind: facts.Extends, From: typ, Method: -1, Name: base, Recv: -1, Line: e.lineOf(r)})
		}
		e.frames = e.frames[:len(e.frames)-1]
		body := int32(-1)
		if blk := e.child(r, e.g.fBlock); blk >= 0 {
			body = e.child(blk, e.g.fBody)
		}
		e.typeBody(body, typ, full, false)
		return
	}
	v := e.value(r)
	_ = v
	fr := e.frame()
	if fr == nil || fr.typ < 0 || e.inDef {
		return
	}
	f := facts.Field{Name: e.text(l), Static: true, Line: e.lineOf(l), Type: e.newOf(r)}
	if sv := e.stringValue(r); sv.ok {
		if s, ok := sv.complete(); ok && !strings.Contains(s, dyn) {
			f.Value = s
		}
	}
	e.f.Types[fr.typ].Fields = append(e.f.Types[fr.typ].Fields, f)
}

// setterCall handles recv.name = value: ActiveRecord's class attributes
// (self.table_name = "x"), else a call of name= on the receiver.
func (e *extractor) setterCall(l, r int32) {
	recv, meth := e.child(l, e.g.fReceiver), e.child(l, e.g.fMethod)
	if recv >= 0 && meth >= 0 && e.kind(recv) == kSelf && !e.inDef {
		switch name := e.text(meth); name {
		case "table_name", "table_name_prefix", "table_name_suffix", "abstract_class", "pluralize_table_names":
			v := ""
			if s, ok := e.symbolText(r); ok {
				v = s
			} else if e.kind(r) == kTrue {
				v = "true"
			} else if s, ok := e.stringValue(r).complete(); ok && !strings.Contains(s, dyn) {
				v = s
			}
			e.value(r)
			e.setClassAttribute(name, v, l)
			return
		}
	}
	base := -1
	if recv >= 0 {
		base = e.value(recv)
	}
	for c := e.firstChild(l); c >= 0; c = e.next(c) {
		if c != recv && c != meth {
			e.value(c)
		}
	}
	e.value(r)
	if base >= 0 && meth >= 0 {
		e.call(e.text(meth)+"=", 1, base, l)
	}
}
