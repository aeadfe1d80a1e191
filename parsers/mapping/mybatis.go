package mapping

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// maxVariants bounds the texts read for one statement (see choose).
const maxVariants = 8

// mybatis reads a MyBatis mapper.
func mybatis(f *facts.File, root *elem) {
	m := root.child("mapper")
	if m == nil {
		return
	}
	ns := m.attr("namespace")
	if dot := strings.LastIndexByte(ns, '.'); dot > 0 {
		f.Package = ns[:dot]
	}
	fr := flattener{frags: map[string]*elem{}}
	for _, c := range m.children() {
		if c.name == "sql" {
			if id := c.attr("id"); id != "" {
				fr.frags[id] = c
				if ns != "" {
					fr.frags[ns+"."+id] = c
				}
			}
		}
	}
	for _, c := range m.children() {
		switch c.name {
		case "select", "insert", "update", "delete":
		default:
			continue
		}
		id := c.attr("id")
		if id == "" {
			continue
		}
		member := id
		if ns != "" {
			member = ns + "." + id
		}
		var refs []facts.DataRef
		for _, text := range fr.variants(c) {
			refs = appendRefs(refs, statementRefs(text, c.line))
		}
		if k := c.child("selectKey"); k != nil {
			for _, text := range fr.variants(k) {
				refs = appendRefs(refs, statementRefs(text, k.line))
			}
		}
		for _, r := range refs {
			r.Member, r.Via = member, "mybatis"
			f.Data = append(f.Data, r)
		}
	}
}

// FlattenScript reads a MyBatis dynamic SQL script as written in a mapper
// annotation ("<script>select … <where>…</where></script>") and returns
// the texts to read, flattened as for a mapper XML (see the package doc).
func FlattenScript(s string) []string {
	root, _ := readXML([]byte(s))
	script := root.child("script")
	if script == nil {
		return nil
	}
	fr := flattener{}
	return fr.variants(script)
}

// statementRefs reads one flattened statement; its accesses are at line.
func statementRefs(text string, line int) []facts.DataRef {
	if name, ok := CallEscape(text); ok {
		if name == "" {
			return nil
		}
		return []facts.DataRef{{Kind: facts.Calls, Object: name, From: -1, Method: -1, Routine: -1, Line: line}}
	}
	r := sql.Extract(text, sql.Options{Fragment: true})
	out := r.Data[:0:0]
	for _, d := range r.Data {
		d.From, d.Method, d.Routine, d.Line = -1, -1, -1, line
		out = append(out, d)
	}
	return out
}

// appendRefs appends the references of add not already in refs (same
// kind and object); a certain one replaces a guess.
func appendRefs(refs, add []facts.DataRef) []facts.DataRef {
next:
	for _, a := range add {
		for i, r := range refs {
			if r.Kind == a.Kind && r.Object == a.Object && r.Entity == a.Entity {
				refs[i].Guess = r.Guess && a.Guess
				continue next
			}
		}
		refs = append(refs, a)
	}
	return refs
}

// flattener turns MyBatis dynamic SQL into plain text.
type flattener struct {
	frags map[string]*elem // <sql id> fragments, by id and namespace.id
	// budget bounds the elements expanded for one statement: fragments
	// that include each other can otherwise grow without end.
	budget int
}

// flattenBudget is the most elements expanded for one statement.
const flattenBudget = 1 << 14

// variants returns the texts of a statement: one per branch of its
// widest <choose> (every <choose> takes its i-th branch, or its last), or
// one when it has none.
func (fr *flattener) variants(st *elem) []string {
	fr.budget = flattenBudget
	n := min(max(fr.chooseWidth(st, 0), 1), maxVariants)
	out := make([]string, 0, n)
	for v := range n {
		fr.budget = flattenBudget
		var sb strings.Builder
		fr.flatten(&sb, st, v, nil, 0)
		out = append(out, sb.String())
	}
	return out
}

// chooseWidth returns the most branches of a <choose> in el.
func (fr *flattener) chooseWidth(el *elem, depth int) int {
	if depth > 16 || fr.budget <= 0 {
		return 0
	}
	fr.budget--
	w := 0
	for _, c := range el.children() {
		switch c.name {
		case "choose":
			n := 0
			for _, b := range c.children() {
				if b.name == "when" || b.name == "otherwise" {
					n++
				}
			}
			w = max(w, n)
		case "include":
			if f := fr.frags[c.attr("refid")]; f != nil {
				w = max(w, fr.chooseWidth(f, depth+1))
				continue
			}
		}
		w = max(w, fr.chooseWidth(c, depth+1))
	}
	return w
}

// flatten writes the text of el's content for variant v; props are the
// <property> values of the <include> being expanded.
func (fr *flattener) flatten(sb *strings.Builder, el *elem, v int, props map[string]string, depth int) {
	if depth > 32 || fr.budget <= 0 {
		sb.WriteString(" " + dynName + " ")
		return
	}
	fr.budget--
	for _, it := range el.items {
		if it.el == nil {
			writeParams(sb, it.text, props)
			continue
		}
		c := it.el
		sb.WriteByte(' ')
		switch c.name {
		case "where":
			sb.WriteString("WHERE ")
			sb.WriteString(trimWords(fr.inner(c, v, props, depth), []string{"and", "or"}, nil))
		case "set":
			sb.WriteString("SET ")
			sb.WriteString(trimWords(fr.inner(c, v, props, depth), nil, []string{","}))
		case "trim":
			sb.WriteString(c.attr("prefix"))
			sb.WriteByte(' ')
			sb.WriteString(trimWords(fr.inner(c, v, props, depth), splitOverrides(c.attr("prefixOverrides")), splitOverrides(c.attr("suffixOverrides"))))
			sb.WriteByte(' ')
			sb.WriteString(c.attr("suffix"))
		case "foreach":
			sb.WriteString(c.attr("open"))
			fr.flatten(sb, c, v, props, depth+1)
			sb.WriteString(c.attr("close"))
		case "choose":
			var branches []*elem
			for _, b := range c.children() {
				if b.name == "when" || b.name == "otherwise" {
					branches = append(branches, b)
				}
			}
			if len(branches) > 0 {
				fr.flatten(sb, branches[min(v, len(branches)-1)], v, props, depth+1)
			}
		case "include":
			f := fr.frags[c.attr("refid")]
			if f == nil {
				sb.WriteString(dynName) // a fragment of another mapper
				break
			}
			inner := map[string]string{}
			for k, val := range props {
				inner[k] = val
			}
			for _, p := range c.children() {
				if p.name == "property" {
					var vb strings.Builder
					writeParams(&vb, p.attr("value"), props)
					inner[p.attr("name")] = vb.String()
				}
			}
			fr.flatten(sb, f, v, inner, depth+1)
		case "bind", "selectKey", "property":
		default: // if, when, otherwise, and tags this reader does not know
			fr.flatten(sb, c, v, props, depth+1)
		}
		sb.WriteByte(' ')
	}
}

// inner returns the flattened content of el.
func (fr *flattener) inner(el *elem, v int, props map[string]string, depth int) string {
	var sb strings.Builder
	fr.flatten(&sb, el, v, props, depth+1)
	return sb.String()
}

func splitOverrides(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// trimWords removes one leading word of prefixes and one trailing word of
// suffixes (case-insensitive), as <where>, <set> and <trim> do.
func trimWords(s string, prefixes, suffixes []string) string {
	t := strings.TrimSpace(s)
	for _, p := range prefixes {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) && (len(t) == len(p) || !isIdent(t[len(p)]) || !isIdent(p[len(p)-1])) {
			t = t[len(p):]
			break
		}
	}
	for _, p := range suffixes {
		if len(t) >= len(p) && strings.EqualFold(t[len(t)-len(p):], p) {
			t = t[:len(t)-len(p)]
			break
		}
	}
	return t
}

// writeParams writes text with #{…} as a parameter (?) and ${…} as the
// include property of that name or a value known only at run time.
func writeParams(sb *strings.Builder, text string, props map[string]string) {
	for {
		i := strings.IndexAny(text, "#$")
		if i < 0 || i+1 >= len(text) {
			sb.WriteString(text)
			return
		}
		if text[i+1] != '{' {
			sb.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		end := strings.IndexByte(text[i:], '}')
		if end < 0 {
			sb.WriteString(text)
			return
		}
		sb.WriteString(text[:i])
		name := strings.TrimSpace(text[i+2 : i+end])
		if text[i] == '#' {
			sb.WriteByte('?')
		} else if v, ok := props[name]; ok {
			sb.WriteString(v)
		} else {
			sb.WriteString(dynName)
		}
		text = text[i+end+1:]
	}
}
