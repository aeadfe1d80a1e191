package python

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// decorated walks a decorated class or function.
func (e *extractor) decorated(i int32) {
	def := e.child(i, e.g.fDefinition)
	switch {
	case def < 0:
		e.visitChildren(i)
	case e.kind(def) == kClass:
		e.classDef(def, i)
	case e.kind(def) == kFunction:
		e.functionDef(def, i)
	default:
		e.decorators(i)
		e.visit(def)
	}
}

// decoratorNames returns the names of the decorators of a decorated
// definition as written ("login_required", "app.route").
func (e *extractor) decoratorNames(dec int32) []string {
	var names []string
	for d := e.t.FirstChild(dec); d >= 0; d = e.t.Nodes[d].Next {
		if e.kind(d) != kDecorator {
			continue
		}
		x := e.firstExpr(d)
		if x >= 0 && e.kind(x) == kCall {
			x = e.child(x, e.g.fFunction)
		}
		if x >= 0 && (e.kind(x) == kIdentifier || e.kind(x) == kAttribute) {
			names = append(names, e.squeezed(x))
		}
	}
	return names
}

// decorators emits the references of the decorators of a decorated
// definition: an annotation of each decorator's global path, and what
// their arguments use.
func (e *extractor) decorators(dec int32) {
	for d := e.t.FirstChild(dec); d >= 0; d = e.t.Nodes[d].Next {
		if e.kind(d) != kDecorator {
			continue
		}
		x := e.firstExpr(d)
		if x < 0 {
			continue
		}
		fn, args := x, int32(-1)
		if e.kind(x) == kCall {
			fn, args = e.child(x, e.g.fFunction), e.child(x, e.g.fArguments)
		}
		if fn >= 0 {
			if v := e.val(fn); v.kind == vStatic {
				e.ref(facts.Annotates, v.path, fn)
			}
		}
		if args >= 0 {
			e.args(args)
		}
	}
}

// classDef walks a class definition; dec is its decorated_definition, or
// -1.
func (e *extractor) classDef(i, dec int32) {
	nameNode := e.child(i, e.g.fName)
	if nameNode < 0 {
		e.visitChildren(i)
		return
	}
	name := e.text(nameNode)
	outer := e.from()
	path := ""
	switch {
	case len(e.scopes) == 0:
		path = name
	case e.inClassBody() && e.scopes[len(e.scopes)-1].path != "":
		path = e.scopes[len(e.scopes)-1].path + "." + name
	}
	t := facts.Type{Name: e.f.Types[outer].Name + "." + name, Kind: facts.Class, Outer: outer,
		Line: e.lineOf(nameNode), EndLine: e.endLineOf(i), Public: !strings.HasPrefix(name, "_")}
	if dec >= 0 {
		t.Annotations = e.decoratorNames(dec)
	}
	typ := len(e.f.Types)
	e.f.Types = append(e.f.Types, t)
	e.frames = append(e.frames, frame{typ: typ, class: true, fields: map[string]int{}, info: &classInfo{name: name}})
	saved := e.method
	e.method = -1

	// The header: type parameters, decorators and bases belong to the
	// class.
	var tvars []string
	if e.g.fTypeParameters != 0 {
		if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
			tvars = e.typeParamNames(tp)
		}
	}
	e.scopes = append(e.scopes, &scope{classBody: true, typeVars: tvars})
	if dec >= 0 {
		e.decorators(dec)
	}
	if sc := e.child(i, e.g.fSuperclasses); sc >= 0 {
		e.bases(sc)
	}
	e.scopes = e.scopes[:len(e.scopes)-1]

	if body := e.child(i, e.g.fBody); body >= 0 {
		s := &scope{classBody: true, locals: map[string]*local{}, typeVars: tvars, path: path}
		e.collectLocals(body, s.locals)
		e.scopes = append(e.scopes, s)
		e.visitChildren(body)
		e.scopes = e.scopes[:len(e.scopes)-1]
	}
	e.method = saved
	e.dataClassDone(typ)
	e.frames = e.frames[:len(e.frames)-1]
}

// typeParamNames returns the names of PEP 695 type parameters.
func (e *extractor) typeParamNames(tp int32) []string {
	var names []string
	for c := e.t.FirstChild(tp); c >= 0; c = e.t.Nodes[c].Next {
		x := c
		if e.kind(x) == kType {
			x = e.firstExpr(x)
		}
		for x >= 0 && e.kind(x) != kIdentifier {
			x = e.firstExpr(x)
		}
		if x >= 0 {
			names = append(names, e.text(x))
		}
	}
	return names
}

// bases emits the base classes of a class: extends for each base (the
// head of a subscripted one), uses for the rest.
func (e *extractor) bases(list int32) {
	for c := e.t.FirstChild(list); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kComment:
		case kKeywordArgument:
			if v := e.child(c, e.g.fValue); v >= 0 {
				e.use(v)
			}
		case kIdentifier, kAttribute:
			if v := e.val(c); v.kind == vStatic {
				e.ref(facts.Extends, v.path, c)
				e.frame().info.bases = append(e.frame().info.bases, v.path)
			}
		case kSubscript:
			head := e.child(c, e.g.fValue)
			if head >= 0 {
				if v := e.val(head); v.kind == vStatic {
					e.ref(facts.Extends, v.path, head)
					e.frame().info.bases = append(e.frame().info.bases, v.path)
				}
			}
			for s := e.t.FirstChild(c); s >= 0; s = e.t.Nodes[s].Next {
				if s != head {
					e.typeRefs(s)
				}
			}
		default:
			e.use(c)
		}
	}
}

// functionDef walks a function definition; dec is its
// decorated_definition, or -1.
func (e *extractor) functionDef(i, dec int32) {
	nameNode := e.child(i, e.g.fName)
	if nameNode < 0 {
		e.visitChildren(i)
		return
	}
	name := e.text(nameNode)
	isMethod := e.inClassBody()
	isModule := len(e.scopes) == 0
	var decs []string
	if dec >= 0 {
		decs = e.decoratorNames(dec)
	}
	static, classMethod := false, false
	for _, d := range decs {
		switch d {
		case "staticmethod":
			static = true
		case "classmethod":
			classMethod = true
		}
	}
	saved := e.method
	m := -1
	params := e.child(i, e.g.fParameters)
	if isMethod || isModule {
		meth := facts.Method{Name: name, Line: e.lineOf(nameNode), EndLine: e.endLineOf(i),
			Public:      !strings.HasPrefix(name, "_") || strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__"),
			Static:      isModule || static || classMethod,
			Constructor: isMethod && name == "__init__"}
		if params >= 0 {
			meth.Params = e.paramTypes(params, isMethod && !static)
		}
		if rt := e.child(i, e.g.fReturnType); rt >= 0 {
			meth.Return = e.written(rt)
		}
		t := &e.f.Types[e.from()]
		t.Methods = append(t.Methods, meth)
		m = len(t.Methods) - 1
		e.method = m
	}
	if dec >= 0 {
		e.decorators(dec)
	}
	s := &scope{locals: map[string]*local{}}
	if e.g.fTypeParameters != 0 {
		if tp := e.child(i, e.g.fTypeParameters); tp >= 0 {
			s.typeVars = e.typeParamNames(tp)
		}
	}
	// Defaults and annotations are evaluated where the def stands.
	if params >= 0 {
		e.params(params, s, isMethod && !static)
	}
	if rt := e.child(i, e.g.fReturnType); rt >= 0 {
		e.typeRefs(rt)
	}
	if body := e.child(i, e.g.fBody); body >= 0 {
		e.collectLocals(body, s.locals)
		e.scopes = append(e.scopes, s)
		e.visitChildren(body)
		e.scopes = e.scopes[:len(e.scopes)-1]
	}
	e.method = saved
}

// paramTypes returns the annotations of a method's parameters as written
// ("" when there is none), without self; *args and **kwargs with their
// stars.
func (e *extractor) paramTypes(params int32, skipFirst bool) []string {
	var out []string
	first := true
	for p := e.t.FirstChild(params); p >= 0; p = e.t.Nodes[p].Next {
		name, typ, star := e.param(p)
		if name < 0 {
			continue
		}
		if first && skipFirst {
			first = false
			continue
		}
		first = false
		w := ""
		if typ >= 0 {
			w = e.written(typ)
		}
		out = append(out, star+w)
	}
	return out
}

// param returns the name and annotation nodes of a parameter, and "*" or
// "**" for a splat.
func (e *extractor) param(p int32) (name, typ int32, star string) {
	name, typ = -1, -1
	switch e.kind(p) {
	case kIdentifier:
		name = p
	case kTypedParam:
		typ = e.child(p, e.g.fType)
		for c := e.t.FirstChild(p); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kIdentifier:
				if name < 0 {
					name = c
				}
			case kListSplatPattern:
				name, star = e.childKind(c, kIdentifier), "*"
			case kDictSplatPattern:
				name, star = e.childKind(c, kIdentifier), "**"
			}
		}
	case kDefaultParam, kTypedDefaultParam:
		name, typ = e.child(p, e.g.fName), e.child(p, e.g.fType)
	case kListSplatPattern:
		name, star = e.childKind(p, kIdentifier), "*"
	case kDictSplatPattern:
		name, star = e.childKind(p, kIdentifier), "**"
	}
	return name, typ, star
}

// params declares the parameters of a function in its scope s and walks
// their annotations and defaults. With self, the first parameter is the
// instance (or the class, for a classmethod).
func (e *extractor) params(params int32, s *scope, self bool) {
	first := true
	for p := e.t.FirstChild(params); p >= 0; p = e.t.Nodes[p].Next {
		name, typ, star := e.param(p)
		if def := e.child(p, e.g.fValue); def >= 0 && (e.kind(p) == kDefaultParam || e.kind(p) == kTypedDefaultParam) {
			e.use(def)
		}
		if typ >= 0 {
			e.typeRefs(typ)
		}
		if name < 0 {
			continue
		}
		l := &local{count: 1, expr: -1}
		if first && self && star == "" {
			l.this = true
		} else if typ >= 0 && star == "" {
			l.typ = e.written(typ)
		}
		first = false
		s.locals[e.text(name)] = l
	}
}

// lambda walks a lambda in a scope of its own.
func (e *extractor) lambda(i int32) {
	s := &scope{locals: map[string]*local{}}
	body := e.child(i, e.g.fBody)
	if ps := e.child(i, e.g.fParameters); ps >= 0 {
		e.params(ps, s, false)
	}
	if body >= 0 {
		e.scopes = append(e.scopes, s)
		e.use(body)
		e.scopes = e.scopes[:len(e.scopes)-1]
	}
}

// comprehension walks a comprehension or generator expression in a scope
// of its own, where its for targets are bound.
func (e *extractor) comprehension(i int32) {
	s := &scope{locals: map[string]*local{}}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kForInClause {
			if l := e.child(c, e.g.fLeft); l >= 0 {
				e.targets(l, s.locals)
			}
		}
	}
	e.scopes = append(e.scopes, s)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kForInClause {
			e.visit(c)
			continue
		}
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.field(d) != e.g.fLeft {
				e.visit(d)
			}
		}
	}
	e.scopes = e.scopes[:len(e.scopes)-1]
}

// collectLocals records the names bound in a function or class body
// (outside its nested functions, classes, lambdas and comprehensions),
// so that a use before the binding is known to be local, as in Python.
// Names declared global or nonlocal are not locals; imports bind names
// for the whole file here.
func (e *extractor) collectLocals(body int32, into map[string]*local) {
	var notLocal []string
	stop := e.end(body)
	for j := body + 1; j < stop; {
		switch e.kind(j) {
		case kFunction, kClass:
			if nm := e.child(j, e.g.fName); nm >= 0 {
				addDef(into, e.text(nm))
			}
			// Decorators and defaults are in this scope, but bind nothing.
			j = e.end(j)
			continue
		case kLambda, kComprehension, kImport, kImportFrom:
			j = e.end(j)
			continue
		case kAssignment, kAugAssignment:
			if l := e.child(j, e.g.fLeft); l >= 0 {
				e.targets(l, into)
			}
		case kFor:
			if l := e.child(j, e.g.fLeft); l >= 0 {
				e.targets(l, into)
			}
		case kAsPatternTarget:
			e.targets(e.firstExpr(j), into)
		case kNamedExpr:
			if nm := e.child(j, e.g.fName); nm >= 0 {
				addLocal(into, e.text(nm))
			}
		case kGlobal, kNonlocal:
			for c := e.t.FirstChild(j); c >= 0; c = e.t.Nodes[c].Next {
				if e.kind(c) == kIdentifier {
					notLocal = append(notLocal, e.text(c))
				}
			}
		case kCasePattern:
			// A capture pattern binds its name.
			if c := e.firstExpr(j); c >= 0 && e.kind(c) == kDottedName && e.t.FirstChild(c) >= 0 && e.t.Nodes[e.t.FirstChild(c)].Next < 0 {
				addLocal(into, e.text(c))
			}
		}
		j++
	}
	for _, n := range notLocal {
		delete(into, n)
	}
}

func addLocal(into map[string]*local, name string) {
	if _, ok := into[name]; !ok {
		into[name] = &local{expr: -1}
	}
}

func addDef(into map[string]*local, name string) {
	if l, ok := into[name]; ok {
		l.def = true
		return
	}
	into[name] = &local{expr: -1, def: true}
}

// targets records the names an assignment target binds.
func (e *extractor) targets(t int32, into map[string]*local) {
	if t < 0 {
		return
	}
	switch e.kind(t) {
	case kIdentifier:
		addLocal(into, e.text(t))
	case kPatternList, kTuplePattern, kListPattern, kTuple, kList, kParenthesized, kListSplatPattern, kListSplat:
		for c := e.t.FirstChild(t); c >= 0; c = e.t.Nodes[c].Next {
			e.targets(c, into)
		}
	}
}

// assignment walks an assignment and returns the value assigned.
func (e *extractor) assignment(i int32) value {
	left, typ, right := e.child(i, e.g.fLeft), e.child(i, e.g.fType), e.child(i, e.g.fRight)
	v := value{}
	if right >= 0 {
		if e.kind(right) == kAssignment {
			v = e.assignment(right)
		} else {
			v = e.val(right)
			if v.kind == vStatic {
				e.ref(facts.TypeUse, v.path, right)
			}
		}
	}
	written := ""
	if typ >= 0 {
		e.typeRefs(typ)
		written = e.written(typ)
	}
	if left >= 0 {
		e.bind(left, v, written, right)
	}
	return v
}

// bind records what an assignment target receives: a local's value, a
// field of the module, of the class whose body this is, or of self's
// class.
func (e *extractor) bind(target int32, v value, written string, right int32) {
	switch e.kind(target) {
	case kIdentifier:
		name := e.text(target)
		switch {
		case len(e.scopes) == 0:
			e.addField(0, name, e.fieldType(v, written, right), right, target, true)
			e.dataAssign(0, name, right)
		case e.inClassBody():
			ft := e.fieldType(v, written, right)
			if rt := e.relationType(right); rt != "" {
				ft = rt
			}
			e.addField(e.from(), name, ft, right, target, true)
			e.dataAssign(e.from(), name, right)
			if l := e.lookup(name); l != nil {
				l.count++
			}
		default:
			l := e.lookup(name)
			if l == nil {
				return // declared global
			}
			l.count++
			if written != "" {
				l.typ = written
			}
			l.val = v
			e.dataLocal(name, l, right)
		}
	case kAttribute:
		obj, attr := e.child(target, e.g.fObject), e.child(target, e.g.fAttribute)
		if obj >= 0 && attr >= 0 && e.kind(obj) == kIdentifier && e.inFunction() {
			if l := e.lookup(e.text(obj)); l != nil && l.this {
				e.addField(e.from(), e.text(attr), e.fieldType(v, written, right), right, attr, false)
				return
			}
		}
		if obj >= 0 {
			e.use(obj)
		}
	case kSubscript:
		for c := e.t.FirstChild(target); c >= 0; c = e.t.Nodes[c].Next {
			e.use(c)
		}
	case kPatternList, kTuplePattern, kListPattern, kTuple, kList, kParenthesized, kListSplatPattern, kListSplat:
		for c := e.t.FirstChild(target); c >= 0; c = e.t.Nodes[c].Next {
			e.bind(c, value{}, "", -1)
		}
	case kComment:
	default:
		e.visit(target)
	}
}

// fieldType writes the type of a variable or field: its annotation, the
// name of the class or function called to make its value, "type[X]" for
// a class (or function) assigned itself, or a literal's type.
func (e *extractor) fieldType(v value, written string, right int32) string {
	if written != "" {
		return written
	}
	switch v.kind {
	case vStatic:
		return "type[" + v.path + "]"
	case vType:
		return v.path
	case vExpr:
		x := e.exprs[v.expr]
		if x.Kind == facts.ExprType {
			return x.Name
		}
		if x.Kind != facts.ExprCall {
			return ""
		}
		if x.Base < 0 {
			return x.Name
		}
		if b := e.exprs[x.Base]; b.Kind == facts.ExprStatic {
			return b.Name + "." + x.Name
		}
	}
	return ""
}

// addField records a field of type typ (the module or a class), once: a
// later declaration only adds a type the first lacked.
func (e *extractor) addField(typ int, name, written string, right, at int32, static bool) {
	t := &e.f.Types[typ]
	var fields map[string]int
	for j := len(e.frames) - 1; j >= 0; j-- {
		if e.frames[j].typ == typ {
			fields = e.frames[j].fields
			break
		}
	}
	value := ""
	if static && right >= 0 {
		if s, ok := e.constString(right); ok {
			value = s
		}
	}
	if k, ok := fields[name]; ok {
		fd := &t.Fields[k]
		if fd.Type == "" {
			fd.Type = written
		}
		if fd.Value == "" {
			fd.Value = value
		}
		return
	}
	if fields != nil {
		fields[name] = len(t.Fields)
	}
	t.Fields = append(t.Fields, facts.Field{Name: name, Type: written, Static: static, Value: value, Line: e.lineOf(at)})
}

// augAssignment walks `x += y`: x is read and bound again.
func (e *extractor) augAssignment(i int32) {
	left, right := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if left >= 0 {
		if e.kind(left) == kIdentifier {
			if l := e.lookup(e.text(left)); l != nil {
				l.count++
			} else {
				e.use(left)
			}
		} else {
			e.use(left)
		}
	}
	if right >= 0 {
		e.use(right)
	}
}

func (e *extractor) forStmt(i int32) {
	left := e.child(i, e.g.fLeft)
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if c != left {
			e.visit(c)
		}
	}
	if left >= 0 {
		e.bind(left, value{}, "", -1)
	}
}

func (e *extractor) withItem(i int32) {
	v := e.child(i, e.g.fValue)
	if v < 0 {
		e.visitChildren(i)
		return
	}
	if e.kind(v) != kAsPattern {
		e.use(v)
		return
	}
	for c := e.t.FirstChild(v); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kAsPatternTarget {
			e.bind(e.firstExpr(c), value{}, "", -1)
		} else {
			e.use(c)
		}
	}
}

// exceptClause walks `except E as e`: E is used, and e is an E.
func (e *extractor) exceptClause(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kAsPattern {
			e.visit(c)
			continue
		}
		v := value{}
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.kind(d) == kAsPatternTarget {
				if v.kind == vStatic {
					v = value{kind: vType, path: v.path}
				} else {
					v = value{}
				}
				if x := e.firstExpr(d); x >= 0 && e.kind(x) == kIdentifier {
					if l := e.lookup(e.text(x)); l != nil && e.inFunction() {
						l.count++
						l.typ = v.path
					}
				}
				continue
			}
			v = e.val(d)
			if v.kind == vStatic {
				e.ref(facts.TypeUse, v.path, d)
			}
		}
	}
}

// casePattern walks a match case pattern: a class pattern names a class,
// a dotted value pattern a global; a bare name is a capture.
func (e *extractor) casePattern(i int32) {
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kClassPattern:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) == kDottedName && d == e.t.FirstChild(c) {
					e.dottedUse(d)
				} else {
					e.casePattern(d)
				}
			}
		case kDottedName:
			if first := e.t.FirstChild(c); first >= 0 && e.t.Nodes[first].Next >= 0 {
				e.dottedUse(c)
			}
		case kKeywordPattern:
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.kind(d) != kIdentifier {
					e.casePattern(d)
				}
			}
		case kCasePattern:
			e.casePattern(c)
		default:
			if e.t.FirstChild(c) >= 0 {
				e.casePattern(c)
			}
		}
	}
}

// dottedUse emits a type-use of a dotted name (a.b.C) whose root is a
// global.
func (e *extractor) dottedUse(d int32) {
	name := e.dotted(d)
	root, _, _ := strings.Cut(name, ".")
	if e.lookup(root) != nil {
		return
	}
	e.used[root] = true
	e.ref(facts.TypeUse, name, d)
}
