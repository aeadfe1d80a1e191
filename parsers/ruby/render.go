package ruby

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Views a Rails controller renders explicitly (facts.Renders): `render`
// without receiver in a method of a class named *Controller, with a
// symbol or a string literal. Name is the name quoted ("\"edit\"",
// "\"admin/users/edit\""); Member says what it names:
//
//   - "action": render :edit, render 'edit', render action: :edit;
//   - "template": render 'a/b', render template: 'a/b';
//   - "partial": render partial: 'x' or 'a/x'.
//
// Inside a respond_to block of another format than html (format.js {
// render ... }), the format follows after a space: "partial js".
//
// render json:, plain:, nothing:, body: and the like render no view; a
// render without a name (render status: 404, render layout: false)
// renders the action's own view, which package graph links already.

// renderNoView are the render options that produce no template.
var renderNoView = wordSet(`json xml js plain text html body inline file nothing status_only`)

// renderCall records an explicit render of a controller action.
func (e *extractor) renderCall(name string, args int32) {
	if name != "render" || args < 0 || !e.inDef || e.method < 0 {
		return
	}
	fr := e.typeFrame()
	if fr == nil || !strings.HasSuffix(e.f.Types[fr.typ].Name, "Controller") || e.singletonContext() {
		return
	}
	pos, kw := e.arguments(args)
	for k := range kw {
		if renderNoView[k] {
			return
		}
	}
	how, at := "action", int32(-1)
	for _, k := range []string{"partial", "template", "action"} {
		if v, ok := kw[k]; ok {
			how, at = k, v
			break
		}
	}
	if at < 0 {
		if len(pos) == 0 {
			return
		}
		at = pos[0]
	}
	s, ok := e.symbolText(at)
	if !ok || s == "" || strings.ContainsAny(s, "\"\n") {
		return
	}
	if how == "action" && strings.Contains(s, "/") {
		how = "template"
	}
	if e.format != "" && e.format != "html" && e.format != "any" {
		how += " " + e.format
	}
	e.refs = append(e.refs, facts.Ref{Kind: facts.Renders, From: fr.typ, Method: e.method, Name: `"` + s + `"`, Member: how, Recv: -1, Line: e.lineOf(at)})
}
