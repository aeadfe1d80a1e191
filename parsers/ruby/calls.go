package ruby

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// callExpr walks a call and returns its value's expression, or -1.
func (e *extractor) callExpr(i int32) int {
	recv, meth := e.child(i, e.g.fReceiver), e.child(i, e.g.fMethod)
	args, blk := e.child(i, e.g.fArguments), e.child(i, e.g.fBlock)
	if meth < 0 {
		e.statements(i)
		return -1
	}
	if e.kind(meth) == kSuper {
		e.superCall(i, e.argCount(args))
		return -1
	}
	name := e.text(meth)
	nargs := e.argCount(args)
	if recv < 0 {
		if e.macro(i, name, args, blk) {
			return -1
		}
		if l, ok := e.lookupLocal(name); ok && args < 0 && blk < 0 {
			return l.expr // x() is a call, but `x` written as a call node is rare
		}
		this := -1
		if e.from() >= 0 {
			this = e.thisExpr()
			e.call(name, nargs, this, meth)
		}
		e.renderCall(name, args)
		e.selfDataCall(i, name, args)
		e.sqlCall(i, name, -1, args)
		e.walkArgs(args, blk)
		if this < 0 {
			return -1
		}
		return e.expr(facts.ExprCall, name, this, nargs)
	}
	// A constant receiver: Const.new is instance creation, Const.m a call
	// on the class.
	var base int
	if cn, ok := e.constName(recv); ok {
		base = e.expr(facts.ExprStatic, cn, -1, 0)
		switch {
		case valueConstant(cn):
			// Order::STATUSES.first: the value is untyped, but the code
			// names the class that holds it.
			e.ref(facts.TypeUse, cn, recv)
		case name == "new":
			e.ref(facts.New, cn, recv)
		}
	} else {
		base = e.value(recv)
	}
	if name != "new" || base >= 0 && e.exprs[base].Kind != facts.ExprStatic {
		if base >= 0 {
			e.call(name, nargs, base, meth)
		}
	}
	e.chainDataCall(i, recv, name, args)
	e.sqlCall(i, name, recv, args)
	if blk >= 0 && e.kind(recv) == kIdentifier && e.text(recv) == "format" {
		// respond_to's format.js { render ... }: what it renders is js.
		saved := e.format
		e.format = name
		e.walkArgs(args, blk)
		e.format = saved
	} else {
		e.walkArgs(args, blk)
	}
	if base < 0 {
		return -1
	}
	return e.expr(facts.ExprCall, name, base, nargs)
}

func (e *extractor) walkArgs(args, blk int32) {
	if args >= 0 {
		e.statements(args)
	}
	if blk >= 0 {
		e.value(blk)
	}
}

// valueConstant reports whether a constant's last segment is written as a
// value's (LIMIT, STATUSES, VERSION_2), not as a class's.
func valueConstant(name string) bool {
	last := name
	if k := strings.LastIndex(name, "::"); k >= 0 {
		last = name[k+2:]
	}
	if len(last) < 2 {
		return false
	}
	for k := 0; k < len(last); k++ {
		if c := last[k]; !isUpper(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// argCount counts the arguments of a call (keyword arguments together
// count as one hash, as Ruby passes them).
func (e *extractor) argCount(args int32) int {
	if args < 0 {
		return 0
	}
	n, kw := 0, false
	for a := e.firstChild(args); a >= 0; a = e.next(a) {
		switch e.kind(a) {
		case kComment:
		case kPair:
			kw = true
		default:
			n++
		}
	}
	if kw {
		n++
	}
	return n
}

// typeDeclares reports whether the innermost type of the file declares a
// method called name (so far).
func (e *extractor) typeDeclares(name string) bool {
	fr := e.typeFrame()
	if fr == nil {
		return false
	}
	for _, m := range e.f.Types[fr.typ].Methods {
		if m.Name == name {
			return true
		}
	}
	return false
}

// superCall emits `super`: a call of the current method in the
// ancestors.
func (e *extractor) superCall(i int32, args int) {
	fr := e.typeFrame()
	if fr != nil && e.method >= 0 {
		m := e.f.Types[fr.typ].Methods[e.method].Name
		e.call(m, args, e.expr(facts.ExprSuper, "", -1, 0), i)
	}
	for c := e.firstChild(i); c >= 0; c = e.next(c) {
		if e.kind(c) != kSuper {
			e.value(c)
		}
	}
}

// callbackPrefixes start the names of ActiveRecord, ActiveModel and
// ActionController callbacks, whose symbol arguments name methods of the
// class.
var callbackPrefixes = []string{"before_", "after_", "around_", "skip_before_", "skip_after_", "skip_around_",
	"prepend_before_", "prepend_after_", "prepend_around_", "append_before_", "append_after_", "append_around_"}

func isCallback(name string) bool {
	if name == "validate" || name == "validates_each" {
		return true
	}
	for _, p := range callbackPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// macro handles a call without receiver that declares something: mixins,
// associations, attribute and delegation macros, visibility, callbacks,
// requires. It reports whether the call was consumed.
func (e *extractor) macro(i int32, name string, args, blk int32) bool {
	switch name {
	case "require", "require_relative", "require_dependency":
		if args >= 0 {
			if a := e.firstChild(args); a >= 0 {
				if s, ok := e.symbolText(a); ok && s != "" {
					if name == "require_relative" && !strings.HasPrefix(s, ".") {
						s = "./" + s
					}
					e.f.Imports = append(e.f.Imports, facts.Import{Name: s, Line: e.lineOf(i)})
					return true
				}
			}
		}
		return false
	}
	fr := e.frame()
	if fr == nil || e.inDef {
		if e.dbFile {
			return e.schemaCall(i, name, -1, args, blk)
		}
		return false
	}
	if e.dbFile && e.schemaCall(i, name, -1, args, blk) {
		return true
	}
	typed := fr.typ >= 0
	switch name {
	case "include", "prepend", "extend":
		if !typed || args < 0 {
			return false
		}
		for a := e.firstChild(args); a >= 0; a = e.next(a) {
			if n, ok := e.constName(a); ok {
				e.refs = append(e.refs, facts.Ref{Kind: facts.Implements, From: fr.typ, Method: -1, Name: n, Member: name, Recv: -1, Line: e.lineOf(a)})
				continue
			}
			if e.kind(a) == kSelf && name == "extend" {
				fr.moduleFunction = true
				continue
			}
			e.value(a)
		}
		return true
	case "has_many", "has_one", "belongs_to", "has_and_belongs_to_many":
		if !typed || args < 0 {
			return false
		}
		e.association(i, name, args, blk)
		return true
	case "attr_reader", "attr_writer", "attr_accessor", "attr", "cattr_reader", "cattr_writer", "cattr_accessor",
		"mattr_reader", "mattr_writer", "mattr_accessor", "class_attribute", "attribute", "delegate", "scope",
		"define_method", "alias_method":
		if args < 0 {
			return false
		}
		e.declaringMacro(name, args)
		e.walkArgs(args, blk)
		return true
	case "private", "protected", "public", "private_class_method", "public_class_method", "module_function":
		if args < 0 {
			e.bareMacro(i, name)
			return true
		}
		for a := e.firstChild(args); a >= 0; a = e.next(a) {
			switch e.kind(a) {
			case kMethod, kSingletonMethod:
				e.methodDecl(a, name == "private" || name == "protected")
			default:
				if s, ok := e.symbolText(a); ok && typed && (name == "private" || name == "protected") {
					e.setPrivate(s)
					continue
				}
				e.value(a)
			}
		}
		return true
	case "class_methods":
		if blk < 0 || !typed {
			return false
		}
		saved := fr.classMethods
		fr.classMethods = true
		e.value(blk)
		e.frame().classMethods = saved
		return true
	}
	if isCallback(name) && typed && args >= 0 {
		this := e.thisExpr()
		for a := e.firstChild(args); a >= 0; a = e.next(a) {
			switch e.kind(a) {
			case kSimpleSymbol:
				e.call(strings.TrimPrefix(e.text(a), ":"), 0, this, a)
			case kPair:
				k, v := e.child(a, e.g.fKey), e.child(a, e.g.fValue)
				if k >= 0 && v >= 0 && e.kind(v) == kSimpleSymbol {
					if ks, _ := e.symbolText(k); ks == "if" || ks == "unless" {
						e.call(strings.TrimPrefix(e.text(v), ":"), 0, this, v)
					}
					continue
				}
				e.value(a)
			default:
				e.value(a)
			}
		}
		if blk >= 0 {
			e.value(blk)
		}
		return true
	}
	return false
}

// setPrivate marks the methods called name declared so far in the
// innermost type private.
func (e *extractor) setPrivate(name string) {
	fr := e.frame()
	if fr == nil || fr.typ < 0 {
		return
	}
	ms := e.f.Types[fr.typ].Methods
	for k := range ms {
		if ms[k].Name == name {
			ms[k].Public = false
		}
	}
}

// declaringMacro declares the methods that attribute, delegation, alias
// and scope macros define.
func (e *extractor) declaringMacro(name string, args int32) {
	fr := e.frame()
	if fr == nil || fr.typ < 0 {
		return
	}
	var syms []string
	var at []int32
	for a := e.firstChild(args); a >= 0; a = e.next(a) {
		if s, ok := e.symbolText(a); ok && e.kind(a) != kString {
			syms = append(syms, s)
			at = append(at, a)
		}
		if e.kind(a) == kString && (name == "define_method" || name == "alias_method") {
			if s, ok := e.symbolText(a); ok {
				syms = append(syms, s)
				at = append(at, a)
			}
		}
	}
	switch name {
	case "define_method", "alias_method":
		if len(syms) > 0 {
			e.addMethod(syms[0], at[0])
		}
	case "scope":
		if len(syms) > 0 {
			saved := fr.singleton
			fr.singleton = true
			n := len(e.f.Types[fr.typ].Methods)
			e.addMethod(syms[0], at[0])
			fr.singleton = saved
			if ms := e.f.Types[fr.typ].Methods; len(ms) > n {
				ms[n].Return = "ActiveRecord::Relation" // a scope returns a relation of the class
			}
		}
	case "cattr_reader", "cattr_writer", "cattr_accessor", "mattr_reader", "mattr_writer", "mattr_accessor", "class_attribute":
		for k, s := range syms {
			saved := fr.singleton
			fr.singleton = true
			e.addMethod(s, at[k])
			if name != "class_attribute" && !strings.HasSuffix(name, "_reader") {
				e.addMethod(s+"=", at[k])
			}
			fr.singleton = saved
			e.addMethod(s, at[k]) // the instance reader
		}
	default:
		for k, s := range syms {
			if name != "attr_writer" {
				e.addMethod(s, at[k])
			}
			if name == "attr_writer" || name == "attr_accessor" || name == "attribute" {
				e.addMethod(s+"=", at[k])
			}
		}
	}
}

// association reads has_many :orders, class_name: "X", through: :y ...
func (e *extractor) association(i int32, macro string, args, blk int32) {
	fr := e.frame()
	a := facts.Association{Macro: macro, Line: e.lineOf(i)}
	polymorphic := false
	for c := e.firstChild(args); c >= 0; c = e.next(c) {
		switch e.kind(c) {
		case kSimpleSymbol, kString, kDelimitedSymbol:
			if a.Name == "" {
				a.Name, _ = e.symbolText(c)
			}
		case kPair:
			k, v := e.child(c, e.g.fKey), e.child(c, e.g.fValue)
			if k < 0 || v < 0 {
				continue
			}
			key, _ := e.symbolText(k)
			sv, isStr := e.symbolText(v)
			switch key {
			case "class_name":
				if isStr {
					a.Class = sv
				} else if n, ok := e.classNameCall(v); ok {
					a.Class = n
				}
			case "foreign_key":
				if isStr {
					a.ForeignKey = sv
				}
			case "through":
				a.Through = sv
			case "as":
				a.As = sv
			case "join_table":
				a.JoinTable = sv
			case "polymorphic":
				polymorphic = e.kind(v) == kTrue
			}
			e.value(v)
		default:
			e.value(c) // a scope lambda
		}
	}
	if a.Name == "" {
		return
	}
	if a.Class == "" && !polymorphic {
		switch macro {
		case "has_many", "has_and_belongs_to_many":
			a.Class = Camelize(Singularize(a.Name))
		default:
			a.Class = Camelize(a.Name)
		}
	}
	if polymorphic {
		a.Class = ""
	}
	e.f.Types[fr.typ].Associations = append(e.f.Types[fr.typ].Associations, a)
	if blk >= 0 {
		e.value(blk)
	}
}

// classNameCall reads class_name: Order.name (or .to_s): the constant.
func (e *extractor) classNameCall(v int32) (string, bool) {
	if e.kind(v) != kCall {
		return "", false
	}
	recv, meth := e.child(v, e.g.fReceiver), e.child(v, e.g.fMethod)
	if recv < 0 || meth < 0 || e.text(meth) != "name" && e.text(meth) != "to_s" {
		return "", false
	}
	return e.constName(recv)
}

// setClassAttribute records an ActiveRecord class attribute written in a
// class body (self.table_name_prefix = "x", primary_abstract_class) as a
// static field with its value; self.table_name = "x" maps the class to
// table x.
func (e *extractor) setClassAttribute(name, value string, at int32) {
	fr := e.frame()
	if fr == nil || fr.typ < 0 {
		return
	}
	t := &e.f.Types[fr.typ]
	switch name {
	case "table_name":
		if value != "" {
			e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(value), Kind: facts.BaseTable, Entity: fr.typ, Line: e.lineOf(at), Via: "activerecord"})
		}
		return
	case "abstract_class":
		t.Abstract = value == "true"
	}
	t.Fields = append(t.Fields, facts.Field{Name: name, Static: true, Value: value, Line: e.lineOf(at)})
}
