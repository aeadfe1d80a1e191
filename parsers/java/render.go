package java

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Views a controller renders (facts.Renders): a string literal or a bare
// constant returned by a method (a Spring MVC view name, kept only for a
// @Controller by package graph), and the first argument of new
// ModelAndView(...) and of Stripes' new ForwardResolution(...).

// renderReturn records what a return statement returns when it may name
// a view.
func (e *extractor) renderReturn(i int32) {
	if e.method < 0 || e.from() < 0 {
		return
	}
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		if name := e.renderName(c); name != "" {
			e.refs = append(e.refs, facts.Ref{Kind: facts.Renders, From: e.from(), Method: e.method, Name: name, Member: "return", Recv: -1, Line: e.lineOf(c)})
			return
		}
	}
}

// renderNew records the view of a new ModelAndView or ForwardResolution.
func (e *extractor) renderNew(i, ty int32) {
	name := e.typeName(ty)
	name = name[strings.LastIndexByte(name, '.')+1:]
	if name != "ModelAndView" && name != "ForwardResolution" {
		return
	}
	args := e.argNodes(i)
	if len(args) == 0 {
		return
	}
	if v := e.renderName(args[0]); v != "" {
		e.refs = append(e.refs, facts.Ref{Kind: facts.Renders, From: e.from(), Method: e.method, Name: v, Member: name, Recv: -1, Line: e.lineOf(args[0])})
	}
}

// renderName is a view name as facts.Renders writes it: a string literal
// quoted, a constant's name as is; "" for anything else.
func (e *extractor) renderName(n int32) string {
	switch e.kind(n) {
	case kStringLiteral:
		if s, ok := e.literal(n); ok && s != "" && !strings.ContainsAny(s, "\"\n") {
			return `"` + s + `"`
		}
	case kIdentifier:
		return e.text(n)
	}
	return ""
}
