package python

import (
	"bytes"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// vkind is what the extractor knows of an expression's value.
type vkind uint8

const (
	vNone   vkind = iota // nothing known
	vStatic              // a global path as written: path
	vThis                // self
	vSuper               // super()
	vType                // a value of the type written in path
	vExpr                // the receiver expression expr
)

// value is an expression's value, kept out of f.Exprs until a call needs
// it as a receiver (see materialize).
type value struct {
	kind vkind
	path string
	expr int
}

// materialize returns the receiver expression of a value.
func (e *extractor) materialize(v value) int {
	switch v.kind {
	case vStatic:
		return e.expr(facts.ExprStatic, v.path, -1, 0)
	case vThis:
		return e.expr(facts.ExprThis, "", -1, 0)
	case vSuper:
		return e.expr(facts.ExprSuper, "", -1, 0)
	case vType:
		return e.expr(facts.ExprType, v.path, -1, 0)
	case vExpr:
		return v.expr
	}
	return e.unknownExpr()
}

// localValue is the value of a local at a use.
func (e *extractor) localValue(l *local) value {
	switch {
	case l.this:
		return value{kind: vThis}
	case l.typ != "":
		if l.expr < 0 {
			l.expr = e.expr(facts.ExprType, l.typ, -1, 0)
		}
		return value{kind: vExpr, expr: l.expr}
	case l.count == 1:
		return l.val
	}
	return value{}
}

// literal is a value of a built-in type.
func literal(typ string) value { return value{kind: vType, path: typ} }

// val walks an expression, emitting its references, and returns its
// value. A global path is returned as such: the caller decides whether it
// is a use (see use), a receiver or a callee.
func (e *extractor) val(i int32) value {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if l := e.lookup(name); l != nil {
			return e.localValue(l)
		}
		e.used[name] = true
		return value{kind: vStatic, path: e.globalPath(name)}
	case kAttribute:
		obj, attr := e.child(i, e.g.fObject), e.child(i, e.g.fAttribute)
		if obj < 0 || attr < 0 {
			e.visitChildren(i)
			return value{}
		}
		ov := e.val(obj)
		name := e.text(attr)
		if ov.kind == vStatic {
			return value{kind: vStatic, path: ov.path + "." + name}
		}
		return value{kind: vExpr, expr: e.expr(facts.ExprField, name, e.materialize(ov), 0)}
	case kCall:
		return e.callExpr(i)
	case kAwait, kParenthesized:
		if c := e.firstExpr(i); c >= 0 {
			return e.val(c)
		}
		return value{}
	case kString, kConcatString:
		e.visitChildren(i)
		if b := e.bytesOf(i); len(b) > 0 && (b[0] == 'b' || b[0] == 'B') {
			return literal("bytes")
		}
		return literal("str")
	case kList:
		e.visitChildren(i)
		return literal("list")
	case kTuple:
		e.visitChildren(i)
		return literal("tuple")
	case kDict:
		e.visitChildren(i)
		return literal("dict")
	case kSet:
		e.visitChildren(i)
		return literal("set")
	case kInteger:
		return literal("int")
	case kFloat:
		return literal("float")
	case kTrue, kFalse:
		return literal("bool")
	case kComprehension:
		e.comprehension(i)
		switch e.g.lang.SymbolName(e.t.Nodes[i].Kind) {
		case "list_comprehension":
			return literal("list")
		case "set_comprehension":
			return literal("set")
		case "dictionary_comprehension":
			return literal("dict")
		}
		return value{}
	case kLambda:
		e.lambda(i)
		return value{}
	case kNamedExpr:
		v := value{}
		if x := e.child(i, e.g.fValue); x >= 0 {
			v = e.val(x)
			if v.kind == vStatic {
				e.ref(facts.TypeUse, v.path, x)
			}
		}
		if nm := e.child(i, e.g.fName); nm >= 0 {
			if l := e.lookup(e.text(nm)); l != nil && !l.this {
				l.count++
				l.val = v
			}
		}
		return v
	case kSubscript:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.use(c)
		}
		return value{}
	case kBoolOp:
		// `a or b`, `a and b`: the first operand that says something (a
		// parameter defaulting to a new instance: `repo or Repo()`).
		v := value{}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			cv := e.val(c)
			if cv.kind == vStatic {
				e.ref(facts.TypeUse, cv.path, c)
			}
			if v.kind == vNone {
				v = cv
			}
		}
		return v
	}
	e.visit(i)
	return value{}
}

// callExpr walks a call: a reference to what is called, its arguments,
// and the data access it may be. It returns the call's result.
func (e *extractor) callExpr(i int32) value {
	fn, args := e.child(i, e.g.fFunction), e.child(i, e.g.fArguments)
	n := e.argCount(args)
	if fn < 0 {
		e.visitChildren(i)
		return value{}
	}
	switch e.kind(fn) {
	case kIdentifier:
		name := e.text(fn)
		if l := e.lookup(name); l != nil {
			e.args(args) // a local called: a callback, no reference
			return value{}
		}
		if name == "super" {
			e.args(args)
			return value{kind: vSuper}
		}
		e.used[name] = true
		if p := e.globalPath(name); p != name {
			// A method or nested class of the class body: Class.name().
			recv := e.expr(facts.ExprStatic, p[:strings.LastIndexByte(p, '.')], -1, 0)
			e.call(name, n, recv, fn)
			e.args(args)
			return value{kind: vExpr, expr: e.expr(facts.ExprCall, name, recv, n)}
		}
		e.call(name, n, -1, fn)
		e.dataCall(i, value{}, name, args)
		e.moduleString(name, args)
		e.args(args)
		return value{kind: vExpr, expr: e.expr(facts.ExprCall, name, -1, n)}
	case kAttribute:
		obj, attr := e.child(fn, e.g.fObject), e.child(fn, e.g.fAttribute)
		if obj < 0 || attr < 0 {
			break
		}
		ov := e.val(obj)
		name := e.text(attr)
		recv := e.materialize(ov)
		e.call(name, n, recv, attr)
		e.dataCall(i, ov, name, args)
		e.moduleString(name, args)
		e.args(args)
		return value{kind: vExpr, expr: e.expr(facts.ExprCall, name, recv, n)}
	}
	e.use(fn)
	e.args(args)
	return value{}
}

// argCount counts the arguments of a call.
func (e *extractor) argCount(args int32) int {
	if args < 0 {
		return 0
	}
	if e.kind(args) != kArgumentList {
		return 1 // a generator expression
	}
	n := 0
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			n++
		}
	}
	return n
}

// args walks the arguments of a call: each is a use.
func (e *extractor) args(args int32) {
	if args < 0 {
		return
	}
	if e.kind(args) != kArgumentList {
		e.use(args)
		return
	}
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kComment:
		case kKeywordArgument:
			if v := e.child(c, e.g.fValue); v >= 0 {
				e.use(v)
			}
		case kListSplat, kDictSplat:
			if x := e.firstExpr(c); x >= 0 {
				e.use(x)
			}
		default:
			e.use(c)
		}
	}
}

// positional returns the positional arguments of a call and its keyword
// arguments by name.
func (e *extractor) positional(args int32) (pos []int32, named map[string]int32) {
	if args < 0 || e.kind(args) != kArgumentList {
		return nil, nil
	}
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kComment, kListSplat, kDictSplat:
		case kKeywordArgument:
			nm, v := e.child(c, e.g.fName), e.child(c, e.g.fValue)
			if nm >= 0 && v >= 0 {
				if named == nil {
					named = map[string]int32{}
				}
				named[e.text(nm)] = v
			}
		default:
			pos = append(pos, c)
		}
	}
	return pos, named
}

// moduleString emits a type-use of the module a call names by a string:
// importlib.import_module("a.b"), Django's include("a.b.urls").
func (e *extractor) moduleString(callee string, args int32) {
	if callee != "import_module" && callee != "include" {
		return
	}
	pos, _ := e.positional(args)
	if len(pos) == 0 || e.kind(pos[0]) != kString {
		return
	}
	s, ok := e.plainString(pos[0])
	if !ok || !isDottedName(s) {
		return
	}
	e.ref(facts.TypeUse, s, pos[0])
}

// isDottedName reports whether s is a dotted Python name ("a.b.c").
func isDottedName(s string) bool {
	if s == "" {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if part == "" || !isIdentifier(part) {
			return false
		}
	}
	return true
}

func isIdentifier(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

// staticPath returns the global path an identifier or attribute chain
// names, marking its root used; ok is false for anything else or a path
// rooted at a local.
func (e *extractor) staticPath(i int32) (string, bool) {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if e.lookup(name) != nil {
			return "", false
		}
		e.used[name] = true
		return e.globalPath(name), true
	case kAttribute:
		obj, attr := e.child(i, e.g.fObject), e.child(i, e.g.fAttribute)
		if obj < 0 || attr < 0 {
			return "", false
		}
		p, ok := e.staticPath(obj)
		if !ok {
			return "", false
		}
		return p + "." + e.text(attr), true
	}
	return "", false
}

// squeezed returns the text of a node without whitespace, comments and
// line continuations.
func (e *extractor) squeezed(i int32) string {
	b := e.bytesOf(i)
	if bytes.IndexAny(b, " \t\r\n\\#") < 0 {
		return tsflat.View(b)
	}
	out := make([]byte, 0, len(b))
	for j := 0; j < len(b); j++ {
		switch c := b[j]; c {
		case ' ', '\t', '\r', '\n', '\\':
		case '#':
			for j < len(b) && b[j] != '\n' {
				j++
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// typeRefs emits type-use references for the names in an annotation.
func (e *extractor) typeRefs(i int32) {
	if i < 0 {
		return
	}
	switch e.kind(i) {
	case kType, kParenthesized, kMemberType, kUnionType, kSplatType, kTypeParameter, kList, kTuple:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c)
		}
	case kIdentifier, kAttribute:
		if p, ok := e.staticPath(i); ok {
			e.ref(facts.TypeUse, p, i)
		} else if e.kind(i) == kAttribute {
			e.use(i)
		}
	case kGenericType:
		head := e.firstExpr(i)
		literalArgs := false
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if c == head {
				e.typeRefs(c)
				literalArgs = isLiteralType(e.text(c))
				continue
			}
			if !literalArgs {
				e.typeRefs(c)
			}
		}
	case kSubscript:
		head := e.child(i, e.g.fValue)
		e.typeRefs(head)
		if head >= 0 && isLiteralType(e.squeezed(head)) {
			return
		}
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if c != head {
				e.typeRefs(c)
			}
		}
	case kBinaryOperator:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			e.typeRefs(c)
		}
	case kString:
		e.stringTypeRefs(i)
	case kNone, kComment, kInteger, kFloat, kTrue, kFalse:
	default:
		e.visit(i)
	}
}

func isLiteralType(head string) bool {
	return head == "Literal" || strings.HasSuffix(head, ".Literal")
}

// stringTypeRefs emits the names of a string annotation ("Order",
// "Optional[shop.Order]") as type uses.
func (e *extractor) stringTypeRefs(i int32) {
	s, ok := e.plainString(i)
	if !ok {
		return
	}
	for j := 0; j < len(s); {
		c := s[j]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			j++
			continue
		}
		k := j
		for k < len(s) && (s[k] == '_' || s[k] == '.' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
			k++
		}
		name := strings.Trim(s[j:k], ".")
		j = k
		if name == "" || name == "None" || name == "True" || name == "False" {
			continue
		}
		root, _, _ := strings.Cut(name, ".")
		if e.lookup(root) != nil {
			continue
		}
		e.used[root] = true
		e.ref(facts.TypeUse, name, i)
	}
}

// written returns an annotation as a type to type a receiver by: the
// class it names ("Order", "models.Order"), with Optional, Annotated,
// Final, ClassVar, a union with None and string quotes removed, and
// "type[X]" for a class object; a generic type as written ("list[Order]").
func (e *extractor) written(i int32) string {
	if i < 0 {
		return ""
	}
	switch e.kind(i) {
	case kType, kParenthesized:
		return e.written(e.firstExpr(i))
	case kIdentifier, kAttribute:
		return e.squeezed(i)
	case kString:
		s, ok := e.plainString(i)
		if !ok {
			return ""
		}
		return normalizeAnnotation(s)
	case kGenericType, kSubscript:
		var head int32
		var args []int32
		if e.kind(i) == kGenericType {
			head = e.firstExpr(i)
			if tp := e.childKind(i, kTypeParameter); tp >= 0 {
				for c := e.t.FirstChild(tp); c >= 0; c = e.t.Nodes[c].Next {
					if e.kind(c) != kComment {
						args = append(args, c)
					}
				}
			}
		} else {
			head = e.child(i, e.g.fValue)
			for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
				if c != head && e.kind(c) != kComment {
					args = append(args, c)
				}
			}
		}
		if head < 0 {
			return ""
		}
		h := e.squeezed(head)
		switch h[strings.LastIndexByte(h, '.')+1:] {
		case "Optional", "Annotated", "Final", "ClassVar", "Required", "NotRequired", "ReadOnly":
			if len(args) > 0 {
				return e.written(args[0])
			}
			return ""
		case "Union":
			var only int32 = -1
			for _, a := range args {
				if x := e.firstExprOrSelf(a); e.kind(x) == kNone {
					continue
				}
				if only >= 0 {
					return ""
				}
				only = a
			}
			return e.written(only)
		case "Type", "type":
			if len(args) == 1 {
				if w := e.written(args[0]); w != "" {
					return "type[" + w + "]"
				}
			}
			return ""
		}
		return e.squeezed(i)
	case kBinaryOperator:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if r >= 0 && e.kind(r) == kNone {
			return e.written(l)
		}
		if l >= 0 && e.kind(l) == kNone {
			return e.written(r)
		}
	}
	return ""
}

// firstExprOrSelf unwraps a `type` node.
func (e *extractor) firstExprOrSelf(i int32) int32 {
	if e.kind(i) == kType {
		if c := e.firstExpr(i); c >= 0 {
			return c
		}
	}
	return i
}

// normalizeAnnotation reads a string annotation as written: the class of
// "Optional[X]", "X | None", "X".
func normalizeAnnotation(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"Optional[", "typing.Optional[", "t.Optional["} {
		if strings.HasPrefix(s, p) && strings.HasSuffix(s, "]") {
			s = strings.TrimSpace(s[len(p) : len(s)-1])
		}
	}
	if a, b, ok := strings.Cut(s, "|"); ok {
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		switch {
		case b == "None":
			s = a
		case a == "None":
			s = b
		}
	}
	return s
}

// plainString returns the text of a string literal without interpolations
// (escapes decoded unless raw); ok is false for an f-string with
// interpolations or a byte string.
func (e *extractor) plainString(i int32) (string, bool) {
	var b strings.Builder
	raw := false
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kStringStart:
			prefix := strings.ToLower(strings.TrimRight(e.text(c), "\"'"))
			if strings.Contains(prefix, "b") {
				return "", false
			}
			raw = strings.Contains(prefix, "r")
		case kStringContent:
			writeContent(&b, e.bytesOf(c), raw)
		case kInterpolation:
			return "", false
		}
	}
	return b.String(), true
}

// writeContent appends string content, decoding the common escapes
// unless raw.
func writeContent(b *strings.Builder, s []byte, raw bool) {
	if raw || bytes.IndexByte(s, '\\') < 0 {
		b.Write(s)
		return
	}
	for j := 0; j < len(s); j++ {
		if s[j] != '\\' || j+1 >= len(s) {
			b.WriteByte(s[j])
			continue
		}
		j++
		switch s[j] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\n':
			// a line continuation inside the string
		case '\\', '\'', '"':
			b.WriteByte(s[j])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[j])
		}
	}
}

// constString evaluates a constant string expression: literals,
// implicit and + concatenations, parentheses and the string constants of
// the module defined above.
func (e *extractor) constString(i int32) (string, bool) {
	var b strings.Builder
	if !e.appendConst(i, &b, 0) {
		return "", false
	}
	return b.String(), true
}

func (e *extractor) appendConst(i int32, b *strings.Builder, depth int) bool {
	if i < 0 || depth > 50 {
		return false
	}
	switch e.kind(i) {
	case kString:
		s, ok := e.plainString(i)
		if !ok {
			return false
		}
		b.WriteString(s)
		return true
	case kConcatString:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kComment {
				continue
			}
			if !e.appendConst(c, b, depth+1) {
				return false
			}
		}
		return true
	case kParenthesized:
		return e.appendConst(e.firstExpr(i), b, depth+1)
	case kBinaryOperator:
		if !e.isPlus(i) {
			return false
		}
		return e.appendConst(e.child(i, e.g.fLeft), b, depth+1) && e.appendConst(e.child(i, e.g.fRight), b, depth+1)
	case kIdentifier:
		if e.lookup(e.text(i)) != nil {
			return false
		}
		if v, ok := e.moduleConst(e.text(i)); ok {
			b.WriteString(v)
			return true
		}
	}
	return false
}

// isPlus reports whether a binary operator is +.
func (e *extractor) isPlus(i int32) bool {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 {
		return false
	}
	op := strings.TrimSpace(string(e.t.Src[e.t.Nodes[l].End:e.t.Nodes[r].Start]))
	op = strings.Trim(op, "()\\\n\t ")
	return op == "+"
}

// moduleConst returns the value of a string constant of this module.
func (e *extractor) moduleConst(name string) (string, bool) {
	if k, ok := e.frames[0].fields[name]; ok {
		if v := e.f.Types[0].Fields[k].Value; v != "" {
			return v, true
		}
	}
	return "", false
}
