package php

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// builtins are PHP's type keywords and the pseudo-types of PHPDoc
// (PHPStan and Psalm), lower case: never class names.
var builtins = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`int integer float double string bool boolean array object mixed void
		null callable iterable false true never resource numeric scalar number list empty
		non-empty-list non-empty-array class-string interface-string trait-string enum-string
		positive-int negative-int non-positive-int non-negative-int non-zero-int array-key key-of
		value-of int-mask int-mask-of non-empty-string non-falsy-string truthy-string lowercase-string
		literal-string numeric-string callable-string callable-array closed-resource open-resource
		pure-callable pure-closure non-empty-lowercase-string non-empty-literal-string max min
		static self parent $this`) {
		m[w] = true
	}
	return m
}()

func builtinType(name string) bool {
	if builtins[name] {
		return true
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			return builtins[strings.ToLower(name)]
		}
	}
	return false
}

// typeString normalizes a type as written in code (doc false) or in
// PHPDoc (doc true): each class name qualified ("\App\Money"; in PHPDoc an
// unqualified name not imported is written namespace-relative without the
// leading backslash, see the package doc), type keywords in lower case,
// self, static and $this the enclosing class, whitespace dropped. With
// at >= 0 it also emits a type use for each class named, on at's line.
func (e *extractor) typeString(s string, doc bool, at int32) string {
	if s == "" {
		return ""
	}
	if isWord(s) && builtins[s] && s != "self" && s != "static" && s != "parent" {
		return s // int, string, void...: the common case, no copy
	}
	var b strings.Builder
	braces := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			// A literal type: skip it.
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return b.String()
			}
			b.WriteString(s[i : i+j+2])
			i += j + 2
		case isNameStart(c) || c == '$':
			j := i + 1
			for j < len(s) && isNameChar(s[j]) {
				j++
			}
			tok := s[i:j]
			next := j
			for next < len(s) && (s[next] == ' ' || s[next] == '\t') {
				next++
			}
			after := byte(0)
			if next < len(s) {
				after = s[next]
			}
			prev := byte(0)
			if i > 0 {
				prev = s[i-1]
			}
			switch {
			case tok == "$this" || strings.EqualFold(tok, "static"):
				b.WriteString("static") // the receiver's own class: package graph knows it
			case c == '$' || prev == ':' && i >= 2 && s[i-2] == ':':
				b.WriteString(tok) // a variable in a callable's signature, a constant
			case braces > 0 && (after == ':' || after == '?'):
				b.WriteString(tok) // a key of an array shape
			case c >= '0' && c <= '9' || strings.IndexByte(tok, '-') >= 0 && !strings.ContainsRune(tok, '\\'):
				b.WriteString(strings.ToLower(tok))
			case builtinType(tok) && !strings.EqualFold(tok, "self") && !strings.EqualFold(tok, "static") && !strings.EqualFold(tok, "parent"):
				b.WriteString(strings.ToLower(tok))
			default:
				n := e.className(tok, doc)
				if n == "" {
					b.WriteString(strings.ToLower(tok))
					break
				}
				b.WriteString(n)
				if at >= 0 {
					e.ref(facts.TypeUse, n, at)
				}
			}
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			switch c {
			case '{':
				braces++
			case '}':
				braces--
			}
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// className qualifies a class name written in code (see classRef) or in
// PHPDoc.
func (e *extractor) className(tok string, doc bool) string {
	if !doc || strings.IndexByte(tok, '\\') >= 0 {
		return e.classRef(tok)
	}
	switch strings.ToLower(tok) {
	case "self", "static", "parent":
		return e.classRef(tok)
	}
	if fq, ok := e.uses[strings.ToLower(tok)]; ok {
		return `\` + fq
	}
	return joinNS(e.ns, tok)
}

func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func isNameStart(c byte) bool {
	return c == '_' || c == '\\' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isNameChar(c byte) bool { return isNameStart(c) || c == '-' }

// docTag is one tag of a PHPDoc comment: @param Type $name, @return Type,
// @var Type [$name].
type docTag struct {
	tag, typ, name string
}

// docTags reads the tags of a doc comment that are among want.
func (e *extractor) docTags(doc int32, want ...string) []docTag {
	var out []docTag
	text := e.text(doc)
	for len(text) > 0 {
		line := text
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			line, text = text[:nl], text[nl+1:]
		} else {
			text = ""
		}
		line = strings.TrimLeft(line, " \t/*")
		if len(line) < 2 || line[0] != '@' {
			continue
		}
		sp := strings.IndexAny(line, " \t")
		if sp < 0 {
			continue
		}
		tag := line[:sp]
		found := false
		for _, w := range want {
			if tag == w {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		rest := strings.TrimLeft(line[sp:], " \t")
		if tag == "@method" {
			rest = strings.TrimPrefix(rest, "static ")
		}
		typ, rest := docType(rest)
		if typ == "" || typ[0] == '$' {
			continue
		}
		tg := docTag{tag: tag, typ: typ}
		rest = strings.TrimLeft(rest, " \t&")
		rest = strings.TrimPrefix(rest, "...")
		if strings.HasPrefix(rest, "$") {
			j := 1
			for j < len(rest) && isNameChar(rest[j]) && rest[j] != '\\' && rest[j] != '-' {
				j++
			}
			tg.name = rest[:j]
		}
		out = append(out, tg)
	}
	return out
}

// docType reads a PHPDoc type at the start of s: up to the first blank
// outside brackets.
func docType(s string) (typ, rest string) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<', '(', '{', '[':
			depth++
		case '>', ')', '}', ']':
			depth--
		case ' ', '\t', '\r':
			if depth <= 0 && !(i > 0 && (s[i-1] == ':' || s[i-1] == '|' || s[i-1] == ',')) && !(i+1 < len(s) && s[i+1] == '|') {
				return s[:i], s[i:]
			}
		}
	}
	return strings.TrimRight(s, " \t\r"), ""
}

// docTypeRefs emits the type uses of the given tags of a doc comment.
func (e *extractor) docTypeRefs(doc int32, tags ...string) {
	for _, tg := range e.docTags(doc, tags...) {
		e.typeString(tg.typ, true, doc)
	}
}

// inlineVarDoc reads an inline /** @var Type $x */ in a function body or
// in top-level code: $x has that type from here on, and the type is a
// type use.
func (e *extractor) inlineVarDoc(doc int32) {
	if len(e.scopes) == 0 {
		return
	}
	for _, tg := range e.docTags(doc, "@var") {
		if tg.name == "" {
			continue
		}
		t := e.typeString(tg.typ, true, doc)
		e.declare(varName(tg.name), t, -1, true)
	}
}
