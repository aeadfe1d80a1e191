package mapping

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// JPQLEntity is an entity a JPQL/HQL statement names, and how.
type JPQLEntity struct {
	Name string
	Kind facts.DataKind
}

// dynName is how a part of a statement known only at run time is written.
const dynName = "__dyn__"

// JPQLEntities returns the entities a JPQL or HQL statement names: the
// target of UPDATE, DELETE and INSERT INTO (written), and every entity in
// a FROM clause or an entity JOIN, subqueries included (read). It reads
// only what is certain:
//
//   - a name after FROM, after a comma in a FROM clause, or after JOIN
//     [FETCH] is an entity, unless it is a path (alias.attribute) from an
//     alias declared earlier in the statement: "JOIN o.pets p" joins
//     along an association and names no new entity (the association's
//     target is known only from the mapping);
//   - a dotted name whose first part is not an alias is a fully
//     qualified entity name;
//   - IN (o.pets) p, TREAT(...), derived tables and names holding a part
//     built at run time are skipped.
func JPQLEntities(q string) []JPQLEntity {
	toks := jpqlTokens(q)
	var out []JPQLEntity
	add := func(name string, k facts.DataKind) {
		if name == "" || strings.Contains(name, dynName) || jpqlKeyword(name) {
			return
		}
		for _, x := range out {
			if x.Name == name && x.Kind == k {
				return
			}
		}
		out = append(out, JPQLEntity{name, k})
	}
	var aliases []string
	isAlias := func(s string) bool {
		for _, a := range aliases {
			if strings.EqualFold(a, s) {
				return true
			}
		}
		return false
	}
	// alias reads an optional [AS] alias after position i; it returns the
	// position after it.
	alias := func(i int) int {
		if i < len(toks) && strings.EqualFold(toks[i], "as") {
			i++
		}
		if i < len(toks) && isName(toks[i]) && !jpqlKeyword(toks[i]) && !strings.Contains(toks[i], ".") {
			aliases = append(aliases, toks[i])
			return i + 1
		}
		return i
	}
	i := 0
	if len(toks) > 0 {
		switch strings.ToLower(toks[0]) {
		case "update":
			i = 1
			if i < len(toks) && strings.EqualFold(toks[i], "versioned") {
				i++
			}
			if i < len(toks) && isName(toks[i]) {
				add(toks[i], facts.Writes)
				i = alias(i + 1)
			}
		case "delete":
			i = 1
			if i < len(toks) && strings.EqualFold(toks[i], "from") {
				i++
			}
			if i < len(toks) && isName(toks[i]) {
				add(toks[i], facts.Writes)
				i = alias(i + 1)
			}
		case "insert":
			if len(toks) > 2 && strings.EqualFold(toks[1], "into") && isName(toks[2]) {
				add(toks[2], facts.Writes)
				i = 3
			}
		}
	}
	type clause struct{ depth int }
	var froms []clause // open FROM clauses, innermost last
	depth := 0
	expect := false // an entity or path comes next
	for ; i < len(toks); i++ {
		t := toks[i]
		inFrom := len(froms) > 0 && froms[len(froms)-1].depth == depth
		switch {
		case t == "(":
			if expect && i > 0 && !strings.EqualFold(toks[i-1], "in") {
				expect = false // a derived table
			}
			depth++
			continue
		case t == ")":
			depth--
			for len(froms) > 0 && froms[len(froms)-1].depth > depth {
				froms = froms[:len(froms)-1]
			}
			continue
		case t == ",":
			if inFrom {
				expect = true
			}
			continue
		}
		switch strings.ToLower(t) {
		case "from":
			froms = append(froms, clause{depth})
			expect = true
			continue
		case "join":
			expect = true
			continue
		case "fetch", "inner", "left", "right", "outer", "full", "cross":
			continue
		case "where", "group", "order", "having", "union", "intersect", "except", "set", "limit", "offset", "on", "with":
			if inFrom {
				froms = froms[:len(froms)-1]
			}
			expect = false
			continue
		case "in", "treat":
			if expect {
				// IN (o.pets) p, TREAT(o.pets AS Dog) d: a path.
				expect = false
				for i+1 < len(toks) && toks[i+1] != ")" {
					i++
				}
				if i+1 < len(toks) {
					i++
				}
				i = alias(i+1) - 1
			}
			continue
		}
		if !expect || !isName(t) {
			continue
		}
		expect = false
		if dot := strings.IndexByte(t, '.'); dot >= 0 && isAlias(t[:dot]) {
			i = alias(i+1) - 1 // a path join
			continue
		}
		add(t, facts.Reads)
		i = alias(i+1) - 1
	}
	return out
}

// jpqlTokens splits a JPQL statement into names (dotted paths kept whole),
// parentheses, commas and other symbols; string literals and parameters
// are dropped.
func jpqlTokens(q string) []string {
	var toks []string
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '\'':
			i++
			for i < len(q) {
				if q[i] == '\'' {
					if i+1 < len(q) && q[i+1] == '\'' {
						i += 2
						continue
					}
					break
				}
				i++
			}
			i++
		case c == ':' || c == '?':
			i++
			for i < len(q) && isIdent(q[i]) {
				i++
			}
		case c == '(' || c == ')' || c == ',':
			toks = append(toks, q[i:i+1])
			i++
		case isIdent(c):
			j := i
			for j < len(q) && (isIdent(q[j]) || q[j] == '.' && j+1 < len(q) && isIdent(q[j+1])) {
				j++
			}
			toks = append(toks, q[i:j])
			i = j
		default:
			toks = append(toks, q[i:i+1])
			i++
		}
	}
	return toks
}

// isName reports whether a token is a name (not a number or a symbol).
func isName(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func jpqlKeyword(t string) bool {
	switch strings.ToLower(t) {
	case "select", "from", "where", "join", "inner", "left", "right", "outer", "full", "cross", "fetch",
		"on", "with", "as", "and", "or", "not", "group", "order", "by", "having", "set", "union",
		"intersect", "except", "limit", "offset", "in", "treat", "new", "distinct", "update", "delete",
		"insert", "into", "values", "exists", "all", "any", "some", "case", "when", "then", "else", "end",
		"is", "null", "like", "between", "member", "of", "asc", "desc", "versioned":
		return true
	}
	return false
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
