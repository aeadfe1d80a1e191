package php

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Views code renders (facts.Renders), named by a string literal or by a
// class constant of the class (self::X, static::X) that package graph
// looks up:
//
//   - Laravel (Member "view"): view('a.b'), View::make('a.b') and
//     response()->view('a.b');
//   - Twig (Member "render"): $this->render(...) and $this->renderView(...)
//     in a class extending Symfony's AbstractController or Controller, or
//     anywhere when the name is a Twig file's ("x/y.html.twig": a class's
//     own render helper), and render(...) on a value typed
//     Twig\Environment.
//
// A variable, a concatenation or any other expression names no certain
// view and is not recorded.

// symfonyControllers are the Symfony base controllers whose render and
// renderView render a Twig template.
var symfonyControllers = map[string]bool{
	`Symfony\Bundle\FrameworkBundle\Controller\AbstractController`: true,
	`Symfony\Bundle\FrameworkBundle\Controller\Controller`:         true,
}

// renderFunction records view('a.b'), a call of Laravel's global helper.
func (e *extractor) renderFunction(written string, a int32) {
	if _, imported := e.funcUses["view"]; imported && !strings.HasPrefix(written, `\`) {
		return
	}
	if n := strings.TrimPrefix(written, `\`); strings.EqualFold(n, "view") {
		e.render("view", a)
	}
}

// renderStatic records View::make('a.b').
func (e *extractor) renderStatic(s int32, member string, a int32) {
	if !strings.EqualFold(member, "make") || !isNameKind(e.kind(s)) {
		return
	}
	switch e.classRef(e.nameText(s)) {
	case `\View`, `\Illuminate\Support\Facades\View`:
		e.render("view", a)
	}
}

// renderMember records response()->view('a.b'), a Symfony controller's
// $this->render('x.html.twig') and $twig->render('x.html.twig').
func (e *extractor) renderMember(obj int32, member string, a int32) {
	switch member {
	case "view":
		if e.kind(obj) != kFunctionCall {
			return
		}
		if fn := e.child(obj, e.g.fFunction); fn >= 0 && isNameKind(e.kind(fn)) && strings.EqualFold(strings.TrimPrefix(e.nameText(fn), `\`), "response") {
			e.render("view", a)
		}
	case "render", "renderView":
		switch {
		case e.isThis(obj):
			if fr := e.frame(); fr != nil && e.anon == 0 && symfonyControllers[fr.parent] {
				e.render("render", a)
				return
			}
			if s, ok := e.literalArg(e.argN(a, 0)); ok && strings.HasSuffix(s, ".twig") {
				e.render("render", a)
			}
		case member == "render":
			switch e.valueType(obj) {
			case `\Twig\Environment`, `\Twig_Environment`:
				e.render("render", a)
			}
		}
	}
}

// render records the view named by the first argument of a call.
func (e *extractor) render(how string, a int32) {
	arg := e.argN(a, 0)
	if arg < 0 {
		return
	}
	name := ""
	if s, ok := e.literalArg(arg); ok {
		if s == "" || strings.ContainsAny(s, "\"\n") {
			return
		}
		name = `"` + s + `"`
	} else if name = e.ownConstant(arg); name == "" {
		return
	}
	e.refs = append(e.refs, facts.Ref{Kind: facts.Renders, From: e.from(), Method: e.method, Name: name, Member: how, Recv: -1, Line: e.lineOf(arg)})
}

// ownConstant returns X for an argument self::X or static::X, or "".
func (e *extractor) ownConstant(arg int32) string {
	v := e.t.FirstChild(arg)
	if v < 0 || e.kind(v) != kClassConstant || e.frame() == nil || e.anon > 0 {
		return ""
	}
	s := e.t.FirstChild(v)
	if s < 0 || e.kind(s) != kRelativeScope || strings.EqualFold(e.text(s), "parent") {
		return ""
	}
	nm := e.t.Nodes[s].Next
	if nm < 0 || e.kind(nm) != kName || strings.EqualFold(e.text(nm), "class") {
		return ""
	}
	return e.text(nm)
}
