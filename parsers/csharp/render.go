package csharp

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Views an ASP.NET MVC action renders (facts.Renders, Member "View" or
// "PartialView"): View() and PartialView() called on the controller
// itself in a method of a class. Name is the view's name as a quoted
// literal (a string literal, a constant of the file's enclosing types,
// nameof(X)), or "" for the action's own view: no argument, or one
// argument whose type is known and is not string (View(model): a new
// object, a parameter, local or field of a declared type, a var holding
// a new object). A string variable, or a value of unknown type (which
// could be a view name), names no certain view and is not recorded.
// Package graph keeps those of classes named *Controller.

// renderCall records View(...) or PartialView(...) in a method.
func (e *extractor) renderCall(member string, rn, argList int32, at int32) {
	if member != "View" && member != "PartialView" || e.method < 0 || e.from() < 0 {
		return
	}
	if rn >= 0 && e.kind(rn) != kThis {
		return
	}
	var pos []int32
	var named map[string]int32
	if argList >= 0 {
		pos, named = e.arguments(argList)
	}
	name, ok := "", true
	switch v, isNamed := named["viewName"]; {
	case isNamed:
		name, ok = e.viewName(v)
	case len(pos) == 0:
	case len(pos) == 1 && len(named) == 0 && e.isModel(pos[0]):
	default:
		name, ok = e.viewName(pos[0])
	}
	if !ok {
		return
	}
	if name != "" {
		name = `"` + name + `"`
	}
	e.refs = append(e.refs, facts.Ref{Kind: facts.Renders, From: e.from(), Method: e.method, Name: name, Member: member, Recv: -1, Line: e.lineOf(at)})
}

// viewName returns the string an argument certainly holds: a literal, a
// constant of the enclosing types, nameof(X).
func (e *extractor) viewName(x int32) (string, bool) {
	if x < 0 {
		return "", false
	}
	switch e.kind(x) {
	case kStringLiteral, kVerbatimString, kRawString, kIdentifier:
		if e.kind(x) == kIdentifier && e.isLocal(e.text(x)) {
			return "", false
		}
		s := e.stringValue(x)
		t, ok := s.complete()
		if !ok || !s.ok || t == "" || strings.Contains(t, dyn) || strings.ContainsAny(t, "\"\n") {
			return "", false
		}
		return t, true
	case kInvocation:
		fn, args := e.child(x, e.g.fFunction), e.child(x, e.g.fArguments)
		if fn < 0 || e.kind(fn) != kIdentifier || e.text(fn) != "nameof" || args < 0 {
			return "", false
		}
		if pos, _ := e.arguments(args); len(pos) == 1 && pos[0] >= 0 {
			switch e.kind(pos[0]) {
			case kIdentifier, kMemberAccess:
				t := e.text(pos[0])
				return t[strings.LastIndexByte(t, '.')+1:], true
			}
		}
	}
	return "", false
}

// isModel reports an argument whose type is known and is not string: a
// model handed to View(model).
func (e *extractor) isModel(x int32) bool {
	if x < 0 {
		return false
	}
	switch e.kind(x) {
	case kObjectCreation:
		ty := e.child(x, e.g.fType)
		return ty >= 0 && !isStringType(e.written(ty))
	case kIdentifier:
		name := e.text(x)
		if l, ok := e.lookupLocal(name); ok {
			switch {
			case l.typ != "":
				return !isStringType(l.typ)
			case l.expr >= 0 && l.expr < len(e.exprs):
				x := e.exprs[l.expr]
				return x.Kind == facts.ExprType && !isStringType(x.Name)
			}
			return false
		}
		if t, ok := e.lookupField(name); ok {
			return t != "" && !isStringType(t)
		}
		return false
	}
	switch e.g.lang.SymbolName(e.t.Nodes[x].Kind) {
	case "anonymous_object_creation_expression":
		return true
	}
	return false
}

// isStringType reports a type written as string (or a type that may hold
// one: object, dynamic).
func isStringType(t string) bool {
	switch strings.TrimSuffix(t, "?") {
	case "string", "String", "System.String", "object", "Object", "System.Object", "dynamic", "var":
		return true
	}
	return false
}
