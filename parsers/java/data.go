package java

// The data side of the extractor: what a Java file says about the
// database.
//
// String constants. A static final String field initialised by literals
// (text blocks included), concatenations, and other constants of the same
// file gets its value in facts.Field.Value.
//
// SQL in code. A call whose name says it takes SQL or JPQL (JDBC's
// executeQuery/executeUpdate/execute/addBatch/prepareStatement/
// prepareCall; Spring's query*/update/batchUpdate/execute and JdbcClient's
// sql; JPA's createNativeQuery and createQuery; Hibernate's createQuery
// and createSQLQuery) has its SQL argument assembled from what the file
// says: literals, concatenation, String.format and formatted (each
// conversion unknown), a local's declaration and the assignments and
// appends (StringBuilder/StringBuffer chains) before the call in the same
// method, constants and fields initialised in this file, fields its
// constructors assign once, and the result of a same-file method without
// parameters that has one return (mapper.schema()). Everything else
// (parameters, other calls, ternaries) is unknown and passed to package
// sql as the identifier __dyn__. The text is read only if it looks like a
// statement: a statement keyword first and a table clause (SELECT …
// FROM, INSERT … INTO, UPDATE … SET, DELETE, MERGE, CALL/EXEC, a JDBC
// {call}); a string that merely contains SQL words is never read. The
// receiver's declared type decides the API where the file says it
// (Statement, JdbcTemplate, EntityManager, Session, …); a receiver the
// file does not type is accepted on the method name and the text alone,
// and one typed as something else is accepted only for text that reads
// as SQL. Accesses are attributed to the enclosing type and method, at
// the line of the call. Code that may not run (an append inside an if or
// a loop, an assignment in a branch) is read twice: with it and without
// it, and what only one reading accesses is marked Guess. A text that
// uses constants of other files (Queries.FIND, a static import, an
// inherited constant) becomes a facts.SQLText for package graph to
// complete. JPQL and HQL are scanned by mapping.JPQLEntities: their names
// are entities (facts.DataRef.Entity).
//
// Mappings and queries in annotations. JPA entities map to tables
// (@Table, @SecondaryTable, or the naming strategy, see Naming) with
// their associations as foreign keys, join and collection tables;
// @NamedQuery, @NamedNativeQuery, @NamedStoredProcedureQuery and
// Hibernate's @SQLInsert/@SQLUpdate/@SQLDelete/@Subselect are accesses of
// the entity type. Spring Data repositories read and write their entity
// (inherited CRUD, by the supertype), derived query methods read (find…,
// count…, exists…) or write (delete…, save…), @Query is JPQL or native
// SQL, @Procedure a call. MyBatis @Select/@Insert/@Update/@Delete (and
// <script> bodies) and JDBI @SqlQuery/@SqlUpdate are the SQL of their
// method. EntityManager and Session calls that take an entity
// (persist/merge/remove/save/update/delete/saveOrUpdate of a value whose
// declared type the file says; find/get/load/getReference of X.class) are
// writes or reads of that entity; StoredProcedureQuery and SimpleJdbcCall
// name procedures, SimpleJdbcInsert a table.
//
// The cost is kept to the calls, annotations and fields that matter: one
// pass over the node list for the file's string fields, a switch on each
// call's name, and work only where an API is recognised.

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/jvm"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// dataState is the data extractor's share of a file's walk: the string
// fields the file declares (for constants and SQL assembly) and counters.
type dataState struct {
	g      *dataGrammar
	naming Naming
	consts []constDecl
	stats  sqlStats
	// types lists the file's type declarations once a call needs them;
	// returns memoises what same-file methods return.
	types   []int32
	typesOK bool
	returns map[int32]builder
}

// sqlStats counts the places where code hands a string to the database.
type sqlStats struct {
	// Sites is the number of SQL or JPQL arguments looked at: calls of a
	// JDBC, Spring, JPA or Hibernate method that takes one, and query
	// annotations.
	Sites int
	// Resolved sites were assembled from this file alone and read.
	Resolved int
	// Pending sites use constants of other files: emitted as SQLText.
	Pending int
	// Unknown sites could not be read: the text is built at run time
	// (a parameter, a method's result) so that no statement keyword or
	// table clause is certain.
	Unknown int
	// ByVia splits the counts by API ("jdbc", "spring-jdbc", ...):
	// resolved, pending, unknown.
	ByVia map[string][3]int
}

// constDecl is a field initialised where it is declared, of type String,
// StringBuilder or StringBuffer.
type constDecl struct {
	name   string
	value  int32 // the initializer
	owner  int32 // the declaring type's declaration node
	static bool
	final  bool
	str    bool // of type String (not a builder)
	state  uint8
	parts  []part
	guess  bool
}

// part is a piece of SQL text as code builds it.
type part struct {
	text  string // literal text
	konst string // a string constant declared elsewhere, as written
	dyn   bool   // known only at run time
}

// dynName is how an unknown part of SQL is passed to the SQL extractor.
const dynName = "__dyn__"

// builder assembles the parts of one string expression.
type builder struct {
	parts []part
	// guess: the text depends on a choice made at run time (a ternary)
	// or on a field that may be reassigned.
	guess bool
	// cond: the text includes code that may not run (an append in a
	// branch or a loop); certain: leave such code out.
	cond, certain bool
	// foreign: the expression is in another method than the one being
	// walked (a method whose result is used): its names are looked up by
	// scanning that method, not in the walk's scopes.
	foreign bool
	depth   int
	// noLocals: the expression is a field initializer; names are fields
	// and constants, never the locals of the method being walked.
	noLocals bool
	// self and selfParts: inside `x = x + ...`, the value x had so far.
	self      string
	selfParts []part
}

// text appends literal text. Runs of text stay separate parts (joined
// once, when read), so that a long chain of appends costs its length.
func (b *builder) text(s string) {
	if s != "" {
		b.parts = append(b.parts, part{text: s})
	}
}

func (b *builder) dyn() {
	if n := len(b.parts); n > 0 && b.parts[n-1].dyn {
		return
	}
	b.parts = append(b.parts, part{dyn: true})
}

func (b *builder) add(ps []part) {
	for _, p := range ps {
		if p.dyn {
			b.dyn()
		} else {
			b.parts = append(b.parts, p)
		}
	}
}

// sub returns a builder for a part of b's expression.
func (b *builder) sub() builder {
	return builder{depth: b.depth, noLocals: b.noLocals, certain: b.certain, foreign: b.foreign}
}

// merge takes what a sub-builder learned about the text.
func (b *builder) merge(s *builder) {
	b.guess = b.guess || s.guess
	b.cond = b.cond || s.cond
}

// maxDepth bounds the recursion through locals and constants.
const maxDepth = 24

// dataStart prepares the data extractor for a file: it finds the string
// fields initialised at their declaration, so that constants declared
// after their use (or in a nested type) are known.
func (e *extractor) dataStart() {
	if e.d.g == nil {
		e.d.g = loadDataGrammar()
	}
	e.d.consts = e.d.consts[:0]
	e.d.types, e.d.typesOK = e.d.types[:0], false
	clear(e.d.returns)
	nodes := e.t.Nodes
	for i := range nodes {
		if e.g.kind(nodes[i].Kind) != kFieldDecl {
			continue
		}
		fd := int32(i)
		ty := e.child(fd, e.g.fType)
		if ty < 0 {
			continue
		}
		var str bool
		switch tsflat.View(e.bytesOf(ty)) {
		case "String", "java.lang.String":
			str = true
		case "StringBuilder", "StringBuffer":
		default:
			continue
		}
		owner := e.ownerDecl(fd)
		if owner < 0 {
			continue
		}
		static, final := false, false
		if e.kind(owner) == kInterfaceDecl {
			static, final = true, true
		}
		if m := e.childKind(fd, kModifiers); m >= 0 {
			for _, w := range bytes.Fields(e.bytesOf(m)) {
				switch string(w) {
				case "static":
					static = true
				case "final":
					final = true
				}
			}
		}
		for d := e.t.FirstChild(fd); d >= 0; d = e.t.Nodes[d].Next {
			if e.t.Nodes[d].Field != e.g.fDeclarator {
				continue
			}
			nm, v := e.child(d, e.g.fName), e.child(d, e.g.fValue)
			if nm < 0 || v < 0 || e.child(d, e.g.fDimensions) >= 0 {
				continue
			}
			e.d.consts = append(e.d.consts, constDecl{name: e.text(nm), value: v, owner: owner, static: static, final: final, str: str})
		}
	}
}

// ownerDecl returns the declaration node of the type whose body holds
// member i, or -1 (an anonymous class body, a local class is fine).
func (e *extractor) ownerDecl(i int32) int32 {
	for p := e.t.Nodes[i].Parent; p >= 0; p = e.t.Nodes[p].Parent {
		switch e.kind(p) {
		case kClassBody:
			continue
		case kClassDecl, kInterfaceDecl, kEnumDecl, kRecordDecl, kAnnotationTypeDecl:
			return p
		}
		return -1
	}
	return -1
}

// constValue returns the value of the static final String field whose
// declarator is d, when the file alone determines it.
func (e *extractor) constValue(d int32) string {
	v := e.child(d, e.g.fValue)
	if v < 0 {
		return ""
	}
	// The constants are in source order, as their initializers.
	ci, found := slices.BinarySearchFunc(e.d.consts, v, func(c constDecl, v int32) int { return int(c.value - v) })
	if !found {
		return ""
	}
	if c := &e.d.consts[ci]; !c.static || !c.final || !c.str {
		return ""
	}
	ps, _ := e.constParts(ci)
	s, ok := plainText(ps)
	if !ok {
		return ""
	}
	return s
}

// plainText joins parts that are all literal text.
func plainText(ps []part) (string, bool) {
	switch len(ps) {
	case 0:
		return "", true
	case 1:
		return ps[0].text, ps[0].konst == "" && !ps[0].dyn
	}
	var sb strings.Builder
	for _, p := range ps {
		if p.konst != "" || p.dyn {
			return "", false
		}
		sb.WriteString(p.text)
	}
	return sb.String(), true
}

// constParts evaluates the initializer of e.d.consts[ci].
func (e *extractor) constParts(ci int) ([]part, bool) {
	c := &e.d.consts[ci]
	switch c.state {
	case 1: // a cycle
		return []part{{dyn: true}}, true
	case 2:
		return c.parts, c.guess
	}
	c.state = 1
	b := builder{noLocals: true}
	e.build(c.value, &b)
	c = &e.d.consts[ci]
	c.parts, c.guess, c.state = b.parts, b.guess || !c.final, 2
	return c.parts, c.guess
}

// constByName finds the field name of this file seen from node at: in
// the innermost enclosing type that declares it, else the only one of
// that name in the file. It returns -1 when there is none.
func (e *extractor) constByName(name string, at int32) int {
	found, n := -1, 0
	best := int32(-1)
	for ci := range e.d.consts {
		c := &e.d.consts[ci]
		if c.name != name {
			continue
		}
		n++
		if found < 0 {
			found = ci
		}
		if e.encloses(c.owner, at) && c.owner > best {
			best, found = c.owner, ci
		}
	}
	if best < 0 && n > 1 {
		return -1
	}
	return found
}

// constQualified finds the constant Type.NAME (qual ends with the simple
// name of a type of this file).
func (e *extractor) constQualified(qual, name string) int {
	if dot := strings.LastIndexByte(qual, '.'); dot >= 0 {
		qual = qual[dot+1:]
	}
	for ci := range e.d.consts {
		c := &e.d.consts[ci]
		if c.name != name {
			continue
		}
		if nm := e.child(c.owner, e.g.fName); nm >= 0 && e.text(nm) == qual {
			return ci
		}
	}
	return -1
}

// encloses reports whether node a contains node b (or is b).
func (e *extractor) encloses(a, b int32) bool {
	na, nb := e.t.Nodes[a], e.t.Nodes[b]
	return na.Start <= nb.Start && nb.End <= na.End && a <= b
}

// lastDesc returns the index of the last node of i's subtree.
func (e *extractor) lastDesc(i int32) int32 {
	end := e.t.Nodes[i].End
	j := i
	for int(j+1) < len(e.t.Nodes) && e.t.Nodes[j+1].Start < end {
		j++
	}
	return j
}

// build appends the parts of the string expression at node n.
func (e *extractor) build(n int32, b *builder) {
	if b.depth > maxDepth || len(b.parts) > 4096 {
		b.dyn()
		b.guess = true
		return
	}
	switch e.kind(n) {
	case kStringLiteral:
		if s, ok := e.literal(n); ok {
			b.text(s)
		} else {
			b.dyn()
		}
		return
	case kParenthesized:
		for c := e.t.FirstChild(n); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				e.build(c, b)
				return
			}
		}
	case kIdentifier:
		e.buildName(e.text(n), n, b)
		return
	case kFieldAccess:
		obj, fld := e.child(n, e.g.fObject), e.child(n, e.g.fField)
		if obj < 0 || fld < 0 {
			break
		}
		name := e.text(fld)
		if e.kind(obj) == kThis {
			saved := b.noLocals
			b.noLocals = true
			e.buildName(name, n, b)
			b.noLocals = saved
			return
		}
		if qual, ok := e.dotted(obj); ok {
			if ci := e.constQualified(qual, name); ci >= 0 {
				ps, g := e.constParts(ci)
				b.add(ps)
				b.guess = b.guess || g
				return
			}
			b.parts = append(b.parts, part{konst: qual + "." + name})
			return
		}
	case kMethodInvocation:
		if e.buildCall(n, b) || e.buildReturn(n, b) {
			return
		}
	case kObjectCreation:
		ty := e.child(n, e.g.fType)
		if ty < 0 {
			break
		}
		switch e.typeName(ty) {
		case "StringBuilder", "StringBuffer", "String":
			args := e.argNodes(n)
			if len(args) == 0 {
				return
			}
			if len(args) == 1 {
				a := args[0]
				if s := e.text(a); s != "" && s[0] >= '0' && s[0] <= '9' {
					return // a capacity
				}
				e.build(a, b)
				return
			}
		}
	case kCast:
		if v := e.child(n, e.g.fValue); v >= 0 {
			e.build(v, b)
			return
		}
	}
	switch e.dk(n) {
	case dBinary:
		l, r := e.child(n, e.d.g.fLeft), e.child(n, e.g.fRight)
		if l >= 0 && r >= 0 && e.operator(l, r) == "+" {
			e.build(l, b)
			e.build(r, b)
			return
		}
	case dTernary:
		b.guess = true
	case dCharLiteral:
		s := e.text(n)
		if len(s) == 3 && s[1] != '\\' {
			b.text(s[1:2])
			return
		}
	}
	b.dyn()
}

// operator returns the operator between the operands l and r.
func (e *extractor) operator(l, r int32) string {
	if e.t.Nodes[l].End > e.t.Nodes[r].Start {
		return ""
	}
	between := e.t.Src[e.t.Nodes[l].End:e.t.Nodes[r].Start]
	if bytes.IndexByte(between, '/') >= 0 {
		between = tsflat.StripComments(between)
	}
	return string(bytes.TrimSpace(between))
}

// buildName appends the value of a name used in a string expression: a
// local, a field of this file, or a constant declared elsewhere.
func (e *extractor) buildName(name string, at int32, b *builder) {
	if b.self != "" && name == b.self {
		b.add(b.selfParts)
		return
	}
	if b.foreign {
		// In a method other than the one walked: a local of that method,
		// a field of this file, or a constant declared elsewhere.
		if !b.noLocals && e.scanLocal(name, at, b) {
			return
		}
		if ci := e.constByName(name, at); ci >= 0 {
			e.addConst(ci, b)
			return
		}
		if e.fieldAssigned(name, at, b) {
			return
		}
		if isConstName(name) {
			b.parts = append(b.parts, part{konst: name})
		} else {
			b.dyn()
		}
		return
	}
	if !b.noLocals {
		if _, ok := e.lookupLocal(name); ok {
			if !e.scanLocal(name, at, b) {
				b.dyn() // a parameter, a loop or catch variable
			}
			return
		}
	}
	if ci := e.constByName(name, at); ci >= 0 {
		e.addConst(ci, b)
		return
	}
	if !b.noLocals {
		if _, ok := e.lookupField(name); ok {
			if !e.fieldAssigned(name, at, b) {
				b.dyn() // a field assigned elsewhere
			}
			return
		}
	}
	b.parts = append(b.parts, part{konst: name})
}

// addConst appends the value of e.d.consts[ci].
func (e *extractor) addConst(ci int, b *builder) {
	b.depth++
	ps, g := e.constParts(ci)
	b.depth--
	b.add(ps)
	b.guess = b.guess || g
}

// isConstName reports whether a name follows the convention for
// constants (UPPER_CASE).
func isConstName(s string) bool {
	upper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c == '_' || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return upper
}

// scanLocal appends the value of the local name at node at: the
// declaration and the assignments and appends before at in the same
// method, in order (see builder.cond for those that may not run). It
// reports false when the method declares no such local (a parameter, a
// loop or catch variable).
func (e *extractor) scanLocal(name string, at int32, b *builder) bool {
	body := e.enclosingCode(at)
	if body < 0 {
		return false
	}
	var cur []part
	found := false
	b.depth++
	defer func() { b.depth-- }()
	// skip reports whether the statement at j may not run; with
	// b.certain it is left out.
	skip := func(j int32) bool {
		if !e.conditional(j, at) {
			return false
		}
		b.cond = true
		return b.certain
	}
	for j := body + 1; j < at; j++ {
		switch e.kind(j) {
		case kVariableDeclarator:
			nm := e.child(j, e.g.fName)
			if nm < 0 || e.text(nm) != name {
				continue
			}
			p := e.t.Nodes[j].Parent
			if p < 0 || e.kind(p) != kLocalVarDecl {
				continue
			}
			found = true
			end := e.lastDesc(j)
			if skip(j) {
				j = end
				continue
			}
			cur = nil
			if v := e.child(j, e.g.fValue); v >= 0 {
				sub := b.sub()
				e.build(v, &sub)
				cur = sub.parts
				b.merge(&sub)
			}
			j = end
		case kMethodInvocation:
			chain, ok := e.appendChain(j, name)
			if !ok {
				continue
			}
			end := e.lastDesc(j)
			if skip(j) {
				j = end
				continue
			}
			sub := b.sub()
			sub.parts = cur
			for _, c := range chain {
				args := e.argNodes(c)
				switch e.nameOf(c) {
				case "append":
					if len(args) == 1 {
						e.build(args[0], &sub)
					} else {
						sub.dyn()
					}
				case "insert", "replace", "delete", "deleteCharAt", "setLength", "reverse", "setCharAt":
					sub.guess = true
				}
			}
			cur = sub.parts
			b.merge(&sub)
			j = end
		default:
			if e.dk(j) != dAssign {
				continue
			}
			l, r := e.child(j, e.d.g.fLeft), e.child(j, e.g.fRight)
			if l < 0 || r < 0 || e.kind(l) != kIdentifier || e.text(l) != name {
				continue
			}
			found = true
			end := e.lastDesc(j)
			if skip(j) {
				j = end
				continue
			}
			sub := b.sub()
			switch e.operator(l, r) {
			case "=":
				sub.self, sub.selfParts = name, cur
				e.build(r, &sub)
			case "+=":
				sub.parts = append([]part(nil), cur...)
				e.build(r, &sub)
			default:
				sub.dyn()
			}
			cur = sub.parts
			b.merge(&sub)
			j = end
		}
	}
	if found {
		b.add(cur)
	}
	return found
}

// nameOf returns the name of a call, or "".
func (e *extractor) nameOf(call int32) string {
	if nm := e.child(call, e.g.fName); nm >= 0 {
		return e.text(nm)
	}
	return ""
}

// appendChain returns, for a call chain name.append(..).append(..) rooted
// at the local name, its calls from the innermost out.
func (e *extractor) appendChain(i int32, name string) ([]int32, bool) {
	var chain []int32
	for n := i; ; {
		switch e.kind(n) {
		case kMethodInvocation:
			chain = append(chain, n)
			n = e.child(n, e.g.fObject)
			if n < 0 {
				return nil, false
			}
			continue
		case kIdentifier:
			if e.text(n) != name || len(chain) == 0 {
				return nil, false
			}
		default:
			return nil, false
		}
		break
	}
	// Only chains that change the builder.
	switch e.nameOf(chain[len(chain)-1]) {
	case "append", "insert", "replace", "delete", "deleteCharAt", "setLength", "reverse", "setCharAt":
	default:
		return nil, false
	}
	for l, r := 0, len(chain)-1; l < r; l, r = l+1, r-1 {
		chain[l], chain[r] = chain[r], chain[l]
	}
	return chain, true
}

// enclosingCode returns the method, constructor, initializer or lambda
// whose body holds node i: the outermost one below the type, so that a
// lambda sees the method's locals.
func (e *extractor) enclosingCode(i int32) int32 {
	found := int32(-1)
	for p := e.t.Nodes[i].Parent; p >= 0; p = e.t.Nodes[p].Parent {
		switch e.kind(p) {
		case kMethodDecl, kConstructorDecl, kCompactConstructorDecl, kStaticInitializer:
			return p
		case kLambda:
			found = p
		case kClassBody:
			return found
		}
	}
	return found
}

// conditional reports whether node c sits in a branch, loop, catch or
// lambda that does not also hold node at: code that may not have run.
func (e *extractor) conditional(c, at int32) bool {
	for p := e.t.Nodes[c].Parent; p >= 0 && !e.encloses(p, at); p = e.t.Nodes[p].Parent {
		if k := e.dk(p); k == dBranch || k == dTernary || e.kind(p) == kLambda {
			return true
		}
	}
	return false
}

// buildCall appends the value of a method call on strings; it reports
// false for a call it cannot read.
func (e *extractor) buildCall(n int32, b *builder) bool {
	nm, obj := e.child(n, e.g.fName), e.child(n, e.g.fObject)
	if nm < 0 {
		return false
	}
	args := e.argNodes(n)
	switch e.text(nm) {
	case "format":
		if obj < 0 || len(args) == 0 || !e.isStringType(obj) {
			return false
		}
		f := args[0]
		if len(args) > 1 && e.kind(f) != kStringLiteral && strings.HasPrefix(e.text(f), "Locale") {
			f = args[1]
		}
		e.buildFormat(f, b)
		return true
	case "formatted":
		if obj < 0 {
			return false
		}
		e.buildFormat(obj, b)
		return true
	case "append":
		if obj < 0 || len(args) != 1 {
			return false
		}
		e.build(obj, b)
		e.build(args[0], b)
		return true
	case "concat":
		if obj < 0 || len(args) != 1 {
			return false
		}
		e.build(obj, b)
		e.build(args[0], b)
		return true
	case "toString", "trim", "strip", "intern", "stripIndent", "translateEscapes":
		if obj < 0 || len(args) != 0 {
			return false
		}
		e.build(obj, b)
		return true
	}
	return false
}

// buildReturn appends what a method of this file returns, for a call
// without arguments on this or on a local or field whose declared type
// this file declares (mapper.schema()), when the method has a body with
// one return statement. It reports false for any other call.
func (e *extractor) buildReturn(n int32, b *builder) bool {
	nm, obj := e.child(n, e.g.fName), e.child(n, e.g.fObject)
	if nm < 0 || len(e.argNodes(n)) != 0 {
		return false
	}
	name := e.text(nm)
	var types []int32
	switch {
	case obj < 0 || e.kind(obj) == kThis:
		for p := e.ownerDecl(e.enclosingMember(n)); p >= 0; p = e.ownerDecl(p) {
			types = append(types, p)
		}
	case !b.foreign:
		// A local or a field of a type this file declares.
		if td := e.typeDeclNamed(simpleName(e.valueType(obj))); td >= 0 {
			types = append(types, td)
		}
	}
	for _, td := range types {
		m := e.methodNamed(td, name)
		if m < 0 {
			continue
		}
		ret := e.singleReturn(m)
		if ret < 0 {
			return false
		}
		r, ok := e.d.returns[m]
		if !ok {
			r = builder{foreign: true, depth: b.depth + 1}
			e.build(ret, &r)
			if e.d.returns == nil {
				e.d.returns = map[int32]builder{}
			}
			e.d.returns[m] = r
		}
		b.add(r.parts)
		b.merge(&r)
		return true
	}
	return false
}

// enclosingMember returns the member declaration (method, constructor,
// field, initializer) that holds node i, or i.
func (e *extractor) enclosingMember(i int32) int32 {
	for p := i; p >= 0; p = e.t.Nodes[p].Parent {
		if q := e.t.Nodes[p].Parent; q >= 0 && e.kind(q) == kClassBody {
			return p
		}
	}
	return i
}

// typeDeclNamed returns the declaration of the type of this file whose
// simple name is name, or -1 (none, or more than one).
func (e *extractor) typeDeclNamed(name string) int32 {
	if name == "" {
		return -1
	}
	if !e.d.typesOK {
		e.d.typesOK = true
		for i := range e.t.Nodes {
			switch e.kind(int32(i)) {
			case kClassDecl, kRecordDecl, kEnumDecl, kInterfaceDecl:
				e.d.types = append(e.d.types, int32(i))
			}
		}
	}
	found := int32(-1)
	for _, td := range e.d.types {
		if nm := e.child(td, e.g.fName); nm >= 0 && e.text(nm) == name {
			if found >= 0 {
				return -1
			}
			found = td
		}
	}
	return found
}

// methodNamed returns the method without parameters called name that the
// type declared at td declares, or -1.
func (e *extractor) methodNamed(td int32, name string) int32 {
	body := e.child(td, e.g.fBody)
	if body < 0 {
		return -1
	}
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kMethodDecl {
			continue
		}
		if nm := e.child(c, e.g.fName); nm < 0 || e.text(nm) != name {
			continue
		}
		if ps := e.child(c, e.g.fParameters); ps >= 0 && e.t.FirstChild(ps) >= 0 {
			continue
		}
		return c
	}
	return -1
}

// singleReturn returns the expression of the only return statement of a
// method's body, or -1.
func (e *extractor) singleReturn(m int32) int32 {
	body := e.child(m, e.g.fBody)
	if body < 0 {
		return -1
	}
	ret := int32(-1)
	for j, last := body+1, e.lastDesc(body); j <= last; j++ {
		if e.dk(j) != dReturn {
			continue
		}
		if ret >= 0 {
			return -1
		}
		ret = j
	}
	if ret < 0 {
		return -1
	}
	for c := e.t.FirstChild(ret); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			return c
		}
	}
	return -1
}

// fieldAssigned appends the value of the field name of the type around
// node at when its constructors assign it exactly once (this.sql =
// builder.toString()). It reports false otherwise.
func (e *extractor) fieldAssigned(name string, at int32, b *builder) bool {
	td := e.ownerDecl(e.enclosingMember(at))
	if td < 0 || b.depth > maxDepth {
		return false
	}
	body := e.child(td, e.g.fBody)
	if body < 0 {
		return false
	}
	value := int32(-1)
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kConstructorDecl {
			continue
		}
		for j, last := c+1, e.lastDesc(c); j <= last; j++ {
			if e.dk(j) != dAssign {
				continue
			}
			l := e.child(j, e.d.g.fLeft)
			if l < 0 {
				continue
			}
			switch e.kind(l) {
			case kIdentifier:
				if e.text(l) != name {
					continue
				}
			case kFieldAccess:
				o, f := e.child(l, e.g.fObject), e.child(l, e.g.fField)
				if o < 0 || f < 0 || e.kind(o) != kThis || e.text(f) != name {
					continue
				}
			default:
				continue
			}
			if value >= 0 {
				return false
			}
			value = e.child(j, e.g.fRight)
		}
	}
	if value < 0 {
		return false
	}
	sub := builder{foreign: true, depth: b.depth + 1}
	e.build(value, &sub)
	b.add(sub.parts)
	b.merge(&sub)
	return true
}

// isStringType reports whether node n names the type String.
func (e *extractor) isStringType(n int32) bool {
	s := e.text(n)
	return s == "String" || s == "java.lang.String"
}

// buildFormat appends String.format(f, ...) with its conversions
// unknown: the arguments are whatever the code passes at run time.
func (e *extractor) buildFormat(f int32, b *builder) {
	sub := b.sub()
	sub.depth++
	e.build(f, &sub)
	b.merge(&sub)
	s, ok := plainText(sub.parts)
	if !ok {
		b.dyn()
		return
	}
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 || i+1 >= len(s) {
			b.text(s)
			return
		}
		b.text(s[:i])
		j := i + 1
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || strings.IndexByte("$-#+ ,(.<", s[j]) >= 0) {
			j++
		}
		if j >= len(s) {
			b.text(s[i:])
			return
		}
		switch s[j] {
		case '%':
			b.text("%")
		case 'n':
			b.text("\n")
		default:
			b.dyn()
		}
		s = s[j+1:]
	}
}

// argNodes returns the argument nodes of a call or creation.
func (e *extractor) argNodes(i int32) []int32 {
	a := e.child(i, e.g.fArguments)
	if a < 0 {
		return nil
	}
	var out []int32
	for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			out = append(out, c)
		}
	}
	return out
}

// literal returns the value of a string literal or text block; false when
// it embeds expressions (a string template).
func (e *extractor) literal(n int32) (string, bool) {
	src := e.bytesOf(n)
	var body []byte
	switch {
	case bytes.HasPrefix(src, []byte(`"""`)) && len(src) >= 6:
		body = src[3 : len(src)-3]
		if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
			body = body[nl+1:]
		}
		body = stripIndent(body)
	case len(src) >= 2 && src[0] == '"':
		body = src[1 : len(src)-1]
	default:
		return "", false
	}
	if bytes.IndexByte(body, '\\') < 0 {
		return tsflat.View(body), true
	}
	for c := e.t.FirstChild(n); c >= 0; c = e.t.Nodes[c].Next {
		if e.dk(c) == dInterpolation {
			return "", false
		}
	}
	return unescape(body), true
}

// stripIndent removes a text block's incidental white space (JLS 3.10.6):
// the indentation common to its non-blank lines and its closing line, and
// the white space that ends each line.
func stripIndent(body []byte) []byte {
	lines := bytes.Split(body, []byte{'\n'})
	indent := -1
	for i, l := range lines {
		blank := len(bytes.TrimLeft(l, " \t\f\r")) == 0
		if blank && i != len(lines)-1 {
			continue
		}
		n := len(l) - len(bytes.TrimLeft(l, " \t\f"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	out := make([]byte, 0, len(body))
	for i, l := range lines {
		if i > 0 {
			out = append(out, '\n')
		}
		if len(l) >= indent {
			l = l[indent:]
		} else {
			l = nil
		}
		out = append(out, bytes.TrimRight(l, " \t\f\r")...)
	}
	return out
}

// unescape decodes Java escape sequences.
func unescape(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch c := b[i]; c {
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 's':
			sb.WriteByte(' ')
		case '\n': // a text block's line continuation
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case 'u':
			for i < len(b) && b[i] == 'u' {
				i++
			}
			if i+4 <= len(b) {
				r := rune(0)
				ok := true
				for _, h := range b[i : i+4] {
					r <<= 4
					switch {
					case h >= '0' && h <= '9':
						r |= rune(h - '0')
					case h >= 'a' && h <= 'f':
						r |= rune(h - 'a' + 10)
					case h >= 'A' && h <= 'F':
						r |= rune(h - 'A' + 10)
					default:
						ok = false
					}
				}
				if ok {
					sb.WriteRune(r)
					i += 3
					continue
				}
			}
			sb.WriteRune(utf8.RuneError)
			i--
		default:
			if c >= '0' && c <= '7' {
				v := 0
				j := i
				for j < len(b) && j < i+3 && b[j] >= '0' && b[j] <= '7' {
					v = v*8 + int(b[j]-'0')
					j++
				}
				if v <= 0377 {
					sb.WriteRune(rune(v))
					i = j - 1
					continue
				}
			}
			sb.WriteByte(c) // \" \' \\
		}
	}
	return sb.String()
}

// dataEnd finishes the file's data facts.
func (e *extractor) dataEnd() {
	e.d.consts = e.d.consts[:0]
}

// outcome is what became of a string handed to the database.
type outcome uint8

const (
	notSQL   outcome = iota // not a statement this extractor can read
	resolved                // read from this file alone
	pending                 // needs constants of other files: an SQLText
)

// count records the outcome of a site; a string that is not SQL counts
// only where the API says it must be (sure).
func (s *sqlStats) count(o outcome, sure bool, via string) {
	k := 0
	switch {
	case o == resolved:
		s.Resolved++
	case o == pending:
		s.Pending++
		k = 1
	case sure:
		s.Unknown++
		k = 2
	default:
		return
	}
	s.Sites++
	if s.ByVia == nil {
		s.ByVia = map[string][3]int{}
	}
	c := s.ByVia[via]
	c[k]++
	s.ByVia[via] = c
}

// emitSQL reads code's SQL assembled in b and emits what it accesses from
// the given type and method: data references when the file alone
// determines the text, an SQLText when it needs constants of other files.
// jpql marks a JPQL/HQL query. When the text includes code that may not
// run, sure is the text without it: what only the whole text accesses is
// a guess.
func (e *extractor) emitSQL(b, sure *builder, jpql bool, from, method, line int, via string) outcome {
	for _, p := range b.parts {
		if p.konst != "" {
			st := facts.SQLText{JPQL: jpql, From: from, Method: method, Line: line, Via: via}
			for _, p := range b.parts {
				switch {
				case p.konst != "":
					st.Parts = append(st.Parts, facts.SQLPart{Const: p.konst})
				case p.dyn:
					appendSQLText(&st, dynName)
				default:
					appendSQLText(&st, p.text)
				}
			}
			e.f.SQL = append(e.f.SQL, st)
			return pending
		}
	}
	ok := jvm.LooksLikeSQL
	read := e.sqlRefs
	if jpql {
		ok, read = jvm.LooksLikeJPQL, e.jpqlRefs
	}
	text := joinParts(b.parts)
	if !ok(text) {
		return notSQL
	}
	at := len(e.f.Data)
	read(text, from, method, line, via, b.guess)
	if sure == nil || hasKonst(sure.parts) {
		return resolved
	}
	n := len(e.f.Data)
	if certain := joinParts(sure.parts); ok(certain) {
		read(certain, from, method, line, via, b.guess)
	}
	// An access of both texts is certain; one of either text alone (the
	// code that may not run adds or replaces a table) is a guess.
	same := func(a, b facts.DataRef) bool { return a.Kind == b.Kind && a.Object == b.Object && a.Entity == b.Entity }
	refs, sures := e.f.Data[at:n], slices.Clone(e.f.Data[n:])
	e.f.Data = e.f.Data[:n]
	for i := range refs {
		refs[i].Guess = refs[i].Guess || !slices.ContainsFunc(sures, func(s facts.DataRef) bool { return same(s, refs[i]) })
	}
	for _, s := range sures {
		if !slices.ContainsFunc(refs, func(r facts.DataRef) bool { return same(r, s) }) {
			s.Guess = true
			e.f.Data = append(e.f.Data, s)
		}
	}
	return resolved
}

func appendSQLText(st *facts.SQLText, s string) {
	if n := len(st.Parts); n > 0 && st.Parts[n-1].Const == "" {
		st.Parts[n-1].Text += s
		return
	}
	st.Parts = append(st.Parts, facts.SQLPart{Text: s})
}

// joinParts returns the text of parts, unknown parts as __dyn__.
func joinParts(ps []part) string {
	if len(ps) == 1 && !ps[0].dyn && ps[0].konst == "" {
		return ps[0].text
	}
	var sb strings.Builder
	for _, p := range ps {
		if p.dyn {
			sb.WriteString(dynName)
		} else {
			sb.WriteString(p.text)
		}
	}
	return sb.String()
}
