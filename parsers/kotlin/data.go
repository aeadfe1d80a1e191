package kotlin

// The data side of the extractor: what a Kotlin file says about the
// database.
//
// String constants. A `const val` (and a property of an object or a
// companion object initialised by a string) initialised by literals, raw
// strings, templates of other constants of the file, concatenations and
// trimIndent/trimMargin gets its value in facts.Field.Value; the
// constants of a companion object are also fields of its outer class, as
// on the JVM, so that package graph finds `Order.FIND_ALL` from Java and
// Kotlin alike.
//
// SQL in code. A call whose name says it takes SQL or JPQL (JDBC's
// executeQuery/executeUpdate/execute/addBatch/prepareStatement/
// prepareCall; Spring's JdbcTemplate query*/update/batchUpdate/execute,
// JdbcClient's and R2DBC DatabaseClient's sql; JPA's createNativeQuery and
// createQuery; Exposed's exec) has its first argument (or its `sql` or
// `query` named argument) evaluated: literals, raw strings, templates,
// concatenations, trimIndent/trimMargin, the file's constants and local
// `val`s initialised by such strings. A template of anything else, or a
// name the file does not declare, is unknown (package sql's __dyn__, and
// the accesses are marked Guess), except a constant of another file
// (`Queries.FIND`, `FIND`): the text then becomes a facts.SQLText for
// package graph to complete. The text is read only if it looks like a
// statement (jvm.LooksLikeSQL, jvm.LooksLikeJPQL): a string that merely
// contains SQL words is never read. EntityManager and Session calls that
// take an entity (persist/merge/remove of a value whose declared type the
// file says; find/getReference of X::class.java) write or read it.
//
// JPA. An @Entity class (from jakarta/javax.persistence or Hibernate)
// maps to its table (@Table, or Spring Boot's naming rule for the entity
// name, see jvm.SpringName) with @Inheritance, and its associations
// (properties and `val`/`var` constructor parameters annotated
// @ManyToOne, @OneToOne, @OneToMany with @JoinColumn, @ManyToMany and
// @ElementCollection, with @JoinTable/@CollectionTable) as foreign keys and
// join tables; @NamedQuery and @NamedNativeQuery are accesses of the
// entity type. A Spring Data repository interface reads and writes its
// entity (inherited CRUD, by its supertype), its derived query methods read
// (find…, count…, exists…) or write (delete…, save…), @Query is JPQL or,
// with nativeQuery = true (or in a file of Spring Data JDBC or R2DBC),
// SQL, and @Procedure calls a procedure.
//
// Exposed. An object extending Table, IdTable, IntIdTable, LongIdTable,
// UUIDIdTable, UIntIdTable, ULongIdTable or CompositeIdTable maps itself
// to the table its constructor names (Exposed's default: the object's name
// without a Table suffix), with its reference()/optReference() columns as
// foreign keys. In a file that imports Exposed, the DSL's calls on a table
// object (select, selectAll, slice; insert, batchInsert, upsert, update,
// deleteWhere, replace...) read or write it, the tables of a join
// (`(Users innerJoin Cities).select`, Users.innerJoin(Cities)) are read,
// and the DAO's calls on an entity class (User.new writes, findById, find,
// all, count read it) access the table its companion object names
// (`companion object : IntEntityClass<User>(Users)`): the companion gets a
// field `table` of that object's type, as EntityClass declares one, which
// package graph follows.

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/jvm"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
	"github.com/seams-dev/seams/parsers/mapping"
	"github.com/seams-dev/seams/parsers/sql"
)

// dataState is the data extractor's share of a file's walk.
type dataState struct {
	exposed   bool // the file imports Exposed
	jdbcQuery bool // the file uses Spring Data JDBC or R2DBC: @Query holds SQL
}

func (e *extractor) dataStart() {
	e.d = dataState{}
	for _, imp := range e.f.Imports {
		switch {
		case strings.HasPrefix(imp.Name, "org.jetbrains.exposed"):
			e.d.exposed = true
		case strings.HasPrefix(imp.Name, "org.springframework.data.jdbc"), strings.HasPrefix(imp.Name, "org.springframework.data.r2dbc"):
			e.d.jdbcQuery = true
		}
	}
}

func (e *extractor) dataEnd() {}

const dynName = "__dyn__"

// sqlText is SQL (or JPQL) evaluated from an expression.
type sqlText struct {
	parts []facts.SQLPart // literal text, or constants to look up elsewhere
	str   bool            // the expression is a string
	dyn   bool            // some part is known only at run time
}

func (s *sqlText) text(t string) {
	if t == "" {
		return
	}
	if n := len(s.parts); n > 0 && s.parts[n-1].Const == "" {
		s.parts[n-1].Text += t
		return
	}
	s.parts = append(s.parts, facts.SQLPart{Text: t})
}

func (s *sqlText) unknown() {
	s.dyn = true
	s.text(" " + dynName + " ")
}

// complete returns the text when no part is a constant of another file.
func (s *sqlText) complete() (string, bool) {
	var b strings.Builder
	for _, p := range s.parts {
		if p.Const != "" {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// maxDepth bounds the recursion through locals and constants.
const maxDepth = 16

// constString returns the value of a constant string expression: one the
// file alone determines.
func (e *extractor) constString(i int32) (string, bool) {
	if i < 0 {
		return "", false
	}
	var s sqlText
	e.stringValue(i, &s, 0)
	if !s.str || s.dyn {
		return "", false
	}
	return s.complete()
}

// stringValue appends the value of the string expression at node i.
func (e *extractor) stringValue(i int32, s *sqlText, depth int) {
	if i < 0 || depth > maxDepth {
		s.unknown()
		return
	}
	switch e.kind(i) {
	case kStringLiteral, kMultilineString:
		s.str = true
		e.literal(i, s, depth)
	case kBinaryExpr:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if l < 0 || r < 0 || !strings.Contains(e.between(l, r), "+") {
			s.unknown()
			return
		}
		e.stringValue(l, s, depth+1)
		e.stringValue(r, s, depth+1)
	case kParenthesizedExpr:
		for c := e.first(i); c >= 0; c = e.next(c) {
			if e.kind(c) != kComment {
				e.stringValue(c, s, depth+1)
				return
			}
		}
	case kCallExpr:
		callee := e.first(i)
		if callee >= 0 && e.kind(callee) == kNavigationExpr {
			obj, member, op := e.navParts(callee)
			if obj >= 0 && member >= 0 && op == "." {
				switch e.text(member) {
				case "trimIndent", "trimMargin", "trim", "trimStart", "trimEnd":
					var inner sqlText
					e.stringValue(obj, &inner, depth+1)
					margin := e.text(member) == "trimMargin"
					for _, p := range inner.parts {
						if p.Const == "" && margin {
							p.Text = dropMargins(p.Text)
						}
						s.parts = append(s.parts, p)
					}
					s.str, s.dyn = s.str || inner.str, s.dyn || inner.dyn
					return
				}
			}
		}
		s.unknown()
	case kIdent:
		e.nameValue(e.text(i), s, depth)
	case kNavigationExpr:
		d, ok := e.dotted(i)
		if !ok {
			s.unknown()
			return
		}
		e.nameValue(d, s, depth)
	default:
		s.unknown()
	}
}

func (e *extractor) between(a, b int32) string {
	return string(tsflat.StripComments(e.t.Src[e.t.Nodes[a].End:e.t.Nodes[b].Start]))
}

// dropMargins removes trimMargin's margins: blanks and `|` at the start
// of each line.
func dropMargins(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(t, "|") {
			lines[i] = " " + t[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// nameValue appends the value of a name used in a string expression: a
// local `val`, a constant of the file, or a constant of another file
// (a part for package graph to look up).
func (e *extractor) nameValue(name string, s *sqlText, depth int) {
	if j, k, ok := e.lookupLocal(name); ok {
		l := e.scopes[j].locals[k]
		if l.init >= 0 && !l.element {
			e.stringValue(l.init, s, depth+1)
			if !s.str {
				s.unknown()
			}
			return
		}
		s.unknown()
		return
	}
	if v, ok := e.fileConst(name, depth); ok {
		s.str = true
		s.text(v)
		return
	}
	last := simpleName(name)
	if isConstName(last) {
		s.str = true
		s.parts = append(s.parts, facts.SQLPart{Const: name})
		return
	}
	s.unknown()
}

// isConstName reports a name written like a constant: upper case, digits
// and underscores.
func isConstName(n string) bool {
	if n == "" || n[0] < 'A' || n[0] > 'Z' {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// fileConst finds the value of a string constant the file declares: a
// property of a type of the file (NAME in the enclosing types, Type.NAME)
// or a top-level one.
func (e *extractor) fileConst(name string, depth int) (string, bool) {
	owner, field := "", name
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		owner, field = name[:dot], name[dot+1:]
	}
	if owner == "" {
		for j := len(e.frames) - 1; j >= 0; j-- {
			for _, f := range e.f.Types[e.frames[j].typ].Fields {
				if f.Name == field && f.Value != "" {
					return f.Value, true
				}
			}
		}
		for c := e.first(0); c >= 0; c = e.next(c) {
			if e.kind(c) != kPropertyDecl {
				continue
			}
			if n, _, ok := e.propertyHead(c); ok && n == field {
				if p := e.propertyParts(c); p.init >= 0 && depth < maxDepth {
					var s sqlText
					e.stringValue(p.init, &s, depth+1)
					if s.str && !s.dyn {
						return s.complete()
					}
				}
			}
		}
		return "", false
	}
	for _, t := range e.f.Types {
		if t.Name != owner && !strings.HasSuffix(t.Name, "."+owner) {
			continue
		}
		for _, f := range t.Fields {
			if f.Name == field && f.Value != "" {
				return f.Value, true
			}
		}
	}
	return "", false
}

// literal appends the value of a string literal: escapes decoded,
// templates of names evaluated.
func (e *extractor) literal(i int32, s *sqlText, depth int) {
	b := e.bytesOf(i)
	raw := e.kind(i) == kMultilineString
	q := 1
	if raw {
		q = 3
	}
	if len(b) < 2*q {
		return
	}
	b = b[q : len(b)-q]
	var cur []byte
	flush := func() {
		s.text(string(cur))
		cur = cur[:0]
	}
	for j := 0; j < len(b); j++ {
		c := b[j]
		switch {
		case c == '\\' && !raw && j+1 < len(b):
			j++
			switch b[j] {
			case 'n':
				cur = append(cur, '\n')
			case 't':
				cur = append(cur, '\t')
			case 'r':
				cur = append(cur, '\r')
			case 'b':
				cur = append(cur, '\b')
			case 'u':
				cur = append(cur, '?')
				j += 4
			default:
				cur = append(cur, b[j])
			}
		case c == '$' && j+1 < len(b) && b[j+1] == '{':
			end := matchBrace(b, j+1)
			inner := strings.TrimSpace(string(b[j+2 : end]))
			j = end
			flush()
			switch {
			case inner == "'$'":
				cur = append(cur, '$')
			case isDottedName(inner):
				e.nameValue(inner, s, depth+1)
			default:
				s.unknown()
			}
		case c == '$' && j+1 < len(b) && (isIdent(b[j+1]) && b[j+1] != '$' && (b[j+1] < '0' || b[j+1] > '9')):
			k := j + 1
			for k < len(b) && isIdent(b[k]) && b[k] != '$' {
				k++
			}
			flush()
			e.nameValue(string(b[j+1:k]), s, depth+1)
			j = k - 1
		default:
			cur = append(cur, c)
		}
	}
	flush()
}

func matchBrace(b []byte, open int) int {
	d := 0
	for j := open; j < len(b); j++ {
		switch b[j] {
		case '{':
			d++
		case '}':
			d--
			if d == 0 {
				return j
			}
		}
	}
	return len(b) - 1
}

func isDottedName(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) && s[i] != '.' {
			return false
		}
	}
	return s[0] < '0' || s[0] > '9'
}

// sqlVia says which API a method that takes SQL belongs to, and whether
// it takes JPQL.
func sqlVia(name string) (via string, jpql, ok bool) {
	switch name {
	case "executeQuery", "executeUpdate", "executeLargeUpdate", "execute", "addBatch", "prepareStatement", "prepareCall":
		return "jdbc", false, true
	case "query", "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "queryForStream", "update", "batchUpdate":
		return "spring-jdbc", false, true
	case "sql":
		return "spring-jdbc", false, true
	case "exec":
		return "exposed", false, true
	case "createNativeQuery":
		return "jpa-native", false, true
	case "createQuery":
		return "jpa", true, true
	}
	return "", false, false
}

var (
	exposedReads  = map[string]bool{"select": true, "selectAll": true, "selectBatched": true, "selectAllBatched": true, "slice": true}
	exposedWrites = map[string]bool{"insert": true, "insertAndGetId": true, "insertIgnore": true, "insertIgnoreAndGetId": true,
		"batchInsert": true, "batchUpsert": true, "upsert": true, "update": true, "deleteWhere": true, "deleteAll": true,
		"deleteIgnoreWhere": true, "replace": true, "batchReplace": true, "insertReturning": true, "upsertReturning": true,
		"updateReturning": true, "deleteReturning": true}
	daoReads  = map[string]bool{"findById": true, "find": true, "all": true, "count": true, "findSingleByAndUpdate": true, "findByIdAndUpdate": true, "wrapRow": true, "wrapRows": true, "get": true}
	joinWords = map[string]bool{"innerJoin": true, "leftJoin": true, "rightJoin": true, "fullJoin": true, "crossJoin": true, "join": true}
)

// callData looks at a call for data access: SQL or JPQL handed to an API,
// an EntityManager operation, Exposed's DSL and DAO. recvNode is the
// receiver (-1 for none), name the method, args the argument list.
func (e *extractor) callData(i, recvNode int32, name string, args int32) {
	if name == "" {
		return
	}
	if via, jpql, ok := sqlVia(name); ok && args >= 0 && (recvNode >= 0 || name == "exec") {
		e.sqlArg(args, via, jpql, e.lineOf(i))
	}
	if recvNode < 0 {
		return
	}
	switch name {
	case "persist", "merge", "remove", "save", "saveOrUpdate", "delete", "find", "getReference", "get", "load":
		if e.entityManager(recvNode) && args >= 0 {
			e.entityOp(args, name, e.lineOf(i))
		}
	}
	if !e.d.exposed {
		return
	}
	r, daoOK := e.tableRecv(recvNode)
	switch {
	case exposedReads[name] || exposedWrites[name]:
		k := facts.Reads
		if exposedWrites[name] {
			k = facts.Writes
		}
		tables := e.joinedTables(recvNode)
		if r != "" {
			tables = []string{r}
		}
		for _, t := range tables {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: t, From: e.from(), Method: e.method, Routine: -1, Line: e.lineOf(i), Via: "exposed"})
		}
	case name == "new" && daoOK:
		e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Writes, Entity: r, From: e.from(), Method: e.method, Routine: -1, Line: e.lineOf(i), Via: "exposed-dao"})
	case daoReads[name] && daoOK:
		e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Reads, Entity: r, From: e.from(), Method: e.method, Routine: -1, Line: e.lineOf(i), Via: "exposed-dao"})
	}
}

// tableRecv returns the name of an Exposed table object or DAO class a
// receiver names (Users, db.Users), and whether it can be a DAO class.
func (e *extractor) tableRecv(n int32) (string, bool) {
	d, ok := e.dotted(n)
	if !ok || !startsUpper(simpleName(d)) {
		return "", false
	}
	return d, true
}

// joinedTables returns the tables a join expression names: the operands
// of innerJoin and its kind, as infix operators or calls.
func (e *extractor) joinedTables(n int32) []string {
	var out []string
	add := func(x int32) {
		if d, ok := e.dotted(x); ok && startsUpper(simpleName(d)) {
			for _, o := range out {
				if o == d {
					return
				}
			}
			out = append(out, d)
		}
	}
	var walk func(x int32, depth int)
	walk = func(x int32, depth int) {
		if x < 0 || depth > 20 {
			return
		}
		switch e.kind(x) {
		case kParenthesizedExpr:
			for c := e.first(x); c >= 0; c = e.next(c) {
				walk(c, depth+1)
			}
		case kInfixExpr:
			// left, operator, right
			var parts []int32
			for c := e.first(x); c >= 0; c = e.next(c) {
				parts = append(parts, c)
			}
			if len(parts) == 3 && e.kind(parts[1]) == kIdent && joinWords[e.text(parts[1])] {
				walk(parts[0], depth+1)
				walk(parts[2], depth+1)
			}
		case kCallExpr:
			callee := e.first(x)
			if callee >= 0 && e.kind(callee) == kNavigationExpr {
				obj, member, _ := e.navParts(callee)
				if member >= 0 && joinWords[e.text(member)] {
					walk(obj, depth+1)
					if args := e.childKind(x, kValueArguments); args >= 0 {
						if a := e.first(args); a >= 0 {
							walk(e.argExpr(a), depth+1)
						}
					}
				}
			}
		case kIdent, kNavigationExpr:
			add(x)
		}
	}
	walk(n, 0)
	if len(out) < 2 {
		return nil
	}
	return out
}

// sqlArg reads the SQL argument of a call.
func (e *extractor) sqlArg(args int32, via string, jpql bool, line int) {
	var arg int32 = -1
	for a := e.first(args); a >= 0; a = e.next(a) {
		if e.kind(a) != kValueArgument {
			continue
		}
		switch e.argName(a) {
		case "sql", "query", "qlString", "sqlString":
			arg = e.argExpr(a)
		case "":
			if arg < 0 {
				arg = e.argExpr(a)
			}
		}
		if arg >= 0 && e.argName(a) != "" {
			break
		}
	}
	if arg < 0 {
		return
	}
	var s sqlText
	e.stringValue(arg, &s, 0)
	if !s.str {
		return
	}
	e.emitSQL(s, jpql, e.from(), e.method, line, via)
}

// emitSQL emits the accesses of SQL or JPQL text, or, when it uses
// constants of other files, a facts.SQLText.
func (e *extractor) emitSQL(s sqlText, jpql bool, from, method, line int, via string) {
	text, complete := s.complete()
	if !complete {
		// What is known must read as a statement already.
		var b strings.Builder
		for _, p := range s.parts {
			if p.Const != "" {
				b.WriteString(" " + dynName + " ")
			} else {
				b.WriteString(p.Text)
			}
		}
		known := b.String()
		if strings.TrimSpace(strings.ReplaceAll(known, dynName, "")) != "" && !jvm.LooksLikeSQL(known) && !jvm.LooksLikeJPQL(known) {
			return
		}
		e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: s.parts, JPQL: jpql, From: from, Method: method, Line: line, Via: via})
		return
	}
	if jpql {
		if !jvm.LooksLikeJPQL(text) {
			return
		}
		for _, x := range mapping.JPQLEntities(text) {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: x.Kind, Entity: x.Name, From: from, Method: method, Routine: -1, Line: line, Guess: s.dyn, Via: via})
		}
		return
	}
	if !jvm.LooksLikeSQL(text) {
		return
	}
	if name, ok := mapping.CallEscape(text); ok {
		if name != "" {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: name, From: from, Method: method, Routine: -1, Line: line, Guess: s.dyn, Via: via})
		}
		return
	}
	r := sql.Extract(text, sql.Options{Fragment: true})
	for _, d := range r.Data {
		d.From, d.Method, d.Routine, d.Line, d.Via = from, method, -1, line, via
		d.Guess = d.Guess || s.dyn
		e.f.Data = append(e.f.Data, d)
	}
}

// entityManager reports whether a receiver is declared as a JPA
// EntityManager or a Hibernate Session.
func (e *extractor) entityManager(n int32) bool {
	t := e.valueType(n)
	switch simpleName(t) {
	case "EntityManager", "Session", "StatelessSession":
		return true
	}
	return false
}

// valueType returns the type the file declares for a value: a local's,
// a parameter's or a property's written type, or the class a constructor
// call creates.
func (e *extractor) valueType(n int32) string {
	switch e.kind(n) {
	case kIdent:
		name := e.text(n)
		if j, k, ok := e.lookupLocal(name); ok {
			l := e.scopes[j].locals[k]
			if l.typ != "" {
				return baseType(l.typ)
			}
			if l.init >= 0 && !l.element {
				return e.constructed(l.init)
			}
			return ""
		}
		if t, ok := e.lookupField(name); ok {
			return baseType(t)
		}
	case kCallExpr:
		return e.constructed(n)
	case kAsExpr:
		if r := e.child(n, e.g.fRight); r >= 0 {
			return e.typeName(r)
		}
	}
	return ""
}

// baseType strips generic arguments from a written type.
func baseType(t string) string {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	return t
}

// entityOp emits the access of an EntityManager or Session operation:
// persist/merge/remove/save/delete of a typed value write its entity;
// find/getReference/get/load of X::class.java read X.
func (e *extractor) entityOp(args int32, name string, line int) {
	a := e.first(args)
	for a >= 0 && e.kind(a) != kValueArgument {
		a = e.next(a)
	}
	if a < 0 {
		return
	}
	x := e.argExpr(a)
	kind := facts.Writes
	entity := ""
	switch name {
	case "find", "getReference", "get", "load":
		kind = facts.Reads
		entity = e.classLiteral(x)
	default:
		entity = e.valueType(x)
	}
	if entity == "" {
		return
	}
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: kind, Entity: entity, From: e.from(), Method: e.method, Routine: -1, Line: line, Via: "jpa"})
}

// classLiteral returns X of X::class.java or X::class, or "".
func (e *extractor) classLiteral(x int32) string {
	for x >= 0 && e.kind(x) == kNavigationExpr {
		obj, member, op := e.navParts(x)
		if obj < 0 || member < 0 {
			return ""
		}
		if op == "::" && e.text(member) == "class" {
			if d, ok := e.dotted(obj); ok {
				return d
			}
			return ""
		}
		x = obj
	}
	return ""
}

// propertyData is the data side of a property: nothing of its own yet
// (mappings are read with their type).
func (e *extractor) propertyData(i int32, p propertyParts, m mods, ctx memberContext) {}

// annArgs returns the arguments of an annotation: positional ones in
// order and named ones by name.
func (e *extractor) annArgs(a int32) (pos []int32, named map[string]int32) {
	inv := e.childKind(a, kCtorInvocation)
	if inv < 0 {
		if e.kind(a) == kCtorInvocation || e.kind(a) == kCallExpr {
			inv = a
		} else {
			return nil, nil
		}
	}
	args := e.childKind(inv, kValueArguments)
	if args < 0 {
		return nil, nil
	}
	for c := e.first(args); c >= 0; c = e.next(c) {
		if e.kind(c) != kValueArgument {
			continue
		}
		if n := e.argName(c); n != "" {
			if named == nil {
				named = map[string]int32{}
			}
			named[n] = e.argExpr(c)
		} else {
			pos = append(pos, e.argExpr(c))
		}
	}
	return pos, named
}

// annArg returns the value of an annotation's argument key, "value" also
// for the first positional one, or -1.
func (e *extractor) annArg(a int32, key string) int32 {
	pos, named := e.annArgs(a)
	if v, ok := named[key]; ok {
		return v
	}
	if key == "value" && len(pos) > 0 {
		return pos[0]
	}
	return -1
}

// annString returns the string value of an annotation argument.
func (e *extractor) annString(a int32, key string) (string, bool) {
	v := e.annArg(a, key)
	if v < 0 {
		return "", false
	}
	return e.constString(v)
}

// annFrom reports whether an annotation (simple name) comes from a
// package whose name contains one of pkgs, judged by the file's imports;
// an annotation the file does not import by name is given the benefit of
// the doubt.
func (e *extractor) annFrom(name string, pkgs ...string) bool {
	qual := ""
	if strings.Contains(name, ".") {
		qual = name
	} else {
		for _, imp := range e.f.Imports {
			if !imp.Wildcard && (imp.Alias == name || imp.Alias == "" && simpleName(imp.Name) == name) {
				qual = imp.Name
				break
			}
		}
	}
	if qual == "" {
		return true
	}
	for _, p := range pkgs {
		if strings.Contains(qual, p) {
			return true
		}
	}
	return false
}

// nested returns the annotations (constructor invocations and call
// expressions of an annotation's arguments, arrays included) called name
// inside node n.
func (e *extractor) nested(n int32, name string) []int32 {
	var out []int32
	end := n
	for {
		// The last descendant of n, in preorder.
		c := e.lastChild(end)
		if c < 0 {
			break
		}
		end = c
	}
	for x := n + 1; x <= end && int(x) < len(e.t.Nodes); x++ {
		switch e.kind(x) {
		case kCtorInvocation, kAnnotation:
			if ut := e.childKind(x, kUserType); ut >= 0 && simpleName(e.typeName(ut)) == name {
				out = append(out, x)
			}
		case kCallExpr:
			if c := e.first(x); c >= 0 && e.kind(c) == kIdent && e.text(c) == name {
				out = append(out, x)
			}
		}
	}
	return out
}

func (e *extractor) lastChild(i int32) int32 {
	last := int32(-1)
	for c := e.first(i); c >= 0; c = e.next(c) {
		last = c
	}
	return last
}

// callArgs returns the arguments of a call expression or constructor
// invocation used as a nested annotation: positional and named.
func (e *extractor) callArgs(x int32) (pos []int32, named map[string]int32) {
	args := e.childKind(x, kValueArguments)
	if args < 0 {
		return nil, nil
	}
	for c := e.first(args); c >= 0; c = e.next(c) {
		if e.kind(c) != kValueArgument {
			continue
		}
		if n := e.argName(c); n != "" {
			if named == nil {
				named = map[string]int32{}
			}
			named[n] = e.argExpr(c)
		} else {
			pos = append(pos, e.argExpr(c))
		}
	}
	return pos, named
}

// typeData reads the mappings and queries a type declares: JPA entities,
// Spring Data repositories, Exposed tables and DAO companions.
func (e *extractor) typeData(decl int32, typ int) {
	t := &e.f.Types[typ]
	mods := e.modifiers(e.childKind(decl, kModifiers))
	entity := false
	for _, a := range mods.anns {
		name := simpleName(e.annotationName(a))
		switch name {
		case "Entity":
			entity = e.annFrom(e.annotationName(a), "persistence", "hibernate")
		case "NamedQuery", "NamedQueries", "NamedNativeQuery", "NamedNativeQueries":
			for _, q := range e.nested(a, "NamedQuery") {
				_, named := e.callArgs(q)
				e.annSQL(named["query"], true, typ, -1, e.lineOf(q), "jpa")
			}
			for _, q := range e.nested(a, "NamedNativeQuery") {
				_, named := e.callArgs(q)
				e.annSQL(named["query"], false, typ, -1, e.lineOf(q), "jpa-native")
			}
			if name == "NamedQuery" || name == "NamedNativeQuery" {
				e.annSQL(e.annArg(a, "query"), name == "NamedQuery", typ, -1, e.lineOf(a), map[bool]string{true: "jpa", false: "jpa-native"}[name == "NamedQuery"])
			}
		}
	}
	if entity && t.Kind == facts.Class {
		e.entity(decl, typ, mods.anns)
	}
	specs := e.childKind(decl, kDelegationSpecs)
	if specs < 0 {
		return
	}
	switch {
	case t.Kind == facts.Interface:
		e.repository(decl, typ, specs)
	case e.kind(decl) == kObjectDecl:
		e.exposedTable(decl, typ, specs)
	}
	if e.kind(decl) == kCompanion || e.kind(decl) == kObjectDecl {
		e.daoCompanion(typ, specs)
	}
}

// annSQL emits the accesses of SQL or JPQL written in an annotation.
func (e *extractor) annSQL(v int32, jpql bool, from, method, line int, via string) {
	if v < 0 {
		return
	}
	var s sqlText
	e.stringValue(v, &s, 0)
	if !s.str {
		return
	}
	e.emitSQL(s, jpql, from, method, line, via)
}

// supertypeInvocations calls f with each supertype's simple name, its
// user_type node and its constructor arguments (nil without a call).
func (e *extractor) supertypeInvocations(specs int32, f func(simple string, ut, args int32)) {
	for s := e.first(specs); s >= 0; s = e.next(s) {
		for c := e.first(s); c >= 0; c = e.next(c) {
			switch e.kind(c) {
			case kCtorInvocation:
				if ut := e.childKind(c, kUserType); ut >= 0 {
					f(simpleName(e.typeName(ut)), ut, e.childKind(c, kValueArguments))
				}
			case kUserType:
				f(simpleName(e.typeName(c)), c, -1)
			}
		}
	}
}

// exposedTable reads an Exposed table object.
func (e *extractor) exposedTable(decl int32, typ int, specs int32) {
	e.supertypeInvocations(specs, func(simple string, ut, args int32) {
		switch simple {
		case "Table", "IdTable", "IntIdTable", "LongIdTable", "UUIDIdTable", "UIntIdTable", "ULongIdTable", "CompositeIdTable", "UUIDTable":
		default:
			return
		}
		if args < 0 {
			return
		}
		name := ""
		for a := e.first(args); a >= 0; a = e.next(a) {
			if e.kind(a) != kValueArgument {
				continue
			}
			if n := e.argName(a); n == "name" || n == "" && name == "" {
				if s, ok := e.constString(e.argExpr(a)); ok {
					name = s
				}
				if n == "name" {
					break
				}
			}
		}
		if name == "" {
			name = strings.TrimSuffix(simpleName(e.f.Types[typ].Name), "Table")
		}
		obj, ok := mapping.ObjectName(name)
		if !ok {
			return
		}
		tbl := facts.Table{Name: obj, Kind: facts.BaseTable, Entity: typ, Line: e.f.Types[typ].Line, Via: "exposed"}
		if body := e.childKind(decl, kClassBody); body >= 0 {
			for c := e.first(body); c >= 0; c = e.next(c) {
				if e.kind(c) != kPropertyDecl {
					continue
				}
				if p := e.propertyParts(c); p.init >= 0 {
					e.exposedReference(p.init, &tbl)
				}
			}
		}
		e.f.Tables = append(e.f.Tables, tbl)
	})
}

// exposedReference reads a reference()/optReference() column (anywhere in
// a column's call chain) as a foreign key.
func (e *extractor) exposedReference(x int32, tbl *facts.Table) {
	for x >= 0 && e.kind(x) == kCallExpr {
		callee := e.first(x)
		if callee < 0 {
			return
		}
		name, next := "", int32(-1)
		switch e.kind(callee) {
		case kIdent:
			name = e.text(callee)
		case kNavigationExpr:
			obj, member, _ := e.navParts(callee)
			if member >= 0 {
				name = e.text(member)
			}
			next = obj
		}
		if name == "reference" || name == "optReference" {
			pos, named := e.callArgs(x)
			var target int32 = -1
			if v, ok := named["foreign"]; ok {
				target = v
			} else if len(pos) > 1 {
				target = pos[1]
			}
			col := ""
			if len(pos) > 0 {
				col, _ = e.constString(pos[0])
			}
			if target >= 0 {
				if d, ok := e.dotted(target); ok && startsUpper(simpleName(d)) {
					fk := facts.ForeignKey{Entity: d, Line: e.lineOf(x)}
					if col != "" {
						fk.Columns = []string{strings.ToLower(col)}
					}
					tbl.ForeignKeys = append(tbl.ForeignKeys, fk)
				}
			}
			return
		}
		x = next
	}
}

// daoCompanion gives an Exposed DAO's companion object (`companion object
// : IntEntityClass<User>(Users)`) the field `table` of the table object it
// names.
func (e *extractor) daoCompanion(typ int, specs int32) {
	e.supertypeInvocations(specs, func(simple string, ut, args int32) {
		if !strings.HasSuffix(simple, "EntityClass") || args < 0 {
			return
		}
		for a := e.first(args); a >= 0; a = e.next(a) {
			if e.kind(a) != kValueArgument {
				continue
			}
			if n := e.argName(a); n != "" && n != "table" {
				continue
			}
			if d, ok := e.dotted(e.argExpr(a)); ok && startsUpper(simpleName(d)) {
				t := &e.f.Types[typ]
				t.Fields = append(t.Fields, facts.Field{Name: "table", Type: d, Line: e.lineOf(a)})
			}
			return
		}
	})
}

// entity reads a JPA entity: its table, inheritance strategy and
// associations.
func (e *extractor) entity(decl int32, typ int, anns []int32) {
	t := &e.f.Types[typ]
	logical := simpleName(t.Name)
	tbl := facts.Table{Kind: facts.BaseTable, Entity: typ, Line: t.Line, Via: "jpa"}
	var tableAnn int32 = -1
	for _, a := range anns {
		switch simpleName(e.annotationName(a)) {
		case "Entity":
			if s, ok := e.annString(a, "name"); ok && s != "" {
				logical = s
			}
		case "Table":
			if e.annFrom(e.annotationName(a), "persistence", "hibernate") {
				tableAnn = a
			}
		case "Inheritance":
			tbl.Inheritance = "single-table"
			if v := e.annArg(a, "strategy"); v >= 0 {
				switch simpleName(e.text(v)) {
				case "JOINED":
					tbl.Inheritance = "joined"
				case "TABLE_PER_CLASS":
					tbl.Inheritance = "table-per-class"
				}
			}
		case "Subselect":
			return
		}
	}
	tbl.Name = jvm.SpringName(logical)
	if tableAnn >= 0 {
		tbl.Name = e.tableName(tableAnn, tbl.Name)
	}
	at := len(e.f.Tables)
	e.f.Tables = append(e.f.Tables, tbl)
	e.associations(decl, typ, at, logical)
}

// tableName reads @Table, @JoinTable or @CollectionTable: [schema.]name
// with the naming rule applied, or def when it names no table.
func (e *extractor) tableName(a int32, def string) string {
	name, ok := e.annString(a, "name")
	if !ok || name == "" {
		if def == "" {
			return ""
		}
		name = def
	} else {
		name = jvm.SpringName(name)
	}
	if schema, ok := e.annString(a, "schema"); ok && schema != "" {
		name = jvm.SpringName(schema) + "." + name
	}
	return name
}

// associations reads the association attributes of an entity whose own
// table is f.Tables[at]: properties of its body and `val`/`var`
// constructor parameters.
func (e *extractor) associations(decl int32, typ, at int, logical string) {
	var attrs []int32
	if pc := e.childKind(decl, kPrimaryCtor); pc >= 0 {
		if ps := e.childKind(pc, kClassParams); ps >= 0 {
			for p := e.first(ps); p >= 0; p = e.next(p) {
				if e.kind(p) == kClassParam {
					attrs = append(attrs, p)
				}
			}
		}
	}
	if body := e.childKind(decl, kClassBody); body >= 0 {
		for c := e.first(body); c >= 0; c = e.next(c) {
			if e.kind(c) == kPropertyDecl {
				attrs = append(attrs, c)
			}
		}
	}
	for _, c := range attrs {
		var mods int32 = -1
		var name string
		var ty int32 = -1
		if e.kind(c) == kClassParam {
			mods = e.childKind(c, kModifiers)
			if id := e.childKind(c, kIdent); id >= 0 {
				name = e.text(id)
				for x := e.next(id); x >= 0; x = e.next(x) {
					if e.isType(x) {
						ty = x
						break
					}
				}
			}
		} else {
			p := e.propertyParts(c)
			mods = p.mods
			if p.decl >= 0 && e.kind(p.decl) == kVariableDecl {
				if id := e.childKind(p.decl, kIdent); id >= 0 {
					name = e.text(id)
					for x := e.next(id); x >= 0; x = e.next(x) {
						if e.isType(x) {
							ty = x
							break
						}
					}
				}
			}
		}
		if mods < 0 || ty < 0 {
			continue
		}
		kind, mappedBy, join := "", false, false
		var ann, table int32 = -1, -1
		var joinCols []string
		for _, a := range e.modifiers(mods).anns {
			switch n := simpleName(e.annotationName(a)); n {
			case "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "ElementCollection":
				kind, ann = n, a
				if s, ok := e.annString(a, "mappedBy"); ok && s != "" {
					mappedBy = true
				}
			case "JoinColumn", "PrimaryKeyJoinColumn", "MapsId":
				join = true
				if s, ok := e.annString(a, "name"); ok && s != "" {
					joinCols = append(joinCols, strings.ToLower(s))
				}
			case "JoinTable", "CollectionTable":
				table = a
			}
		}
		if kind == "" || mappedBy {
			continue
		}
		many := kind == "OneToMany" || kind == "ManyToMany" || kind == "ElementCollection"
		target := e.elementType(ty, many)
		if v := e.annArg(ann, "targetEntity"); v >= 0 {
			if x := e.classLiteral(v); x != "" {
				target = x
			}
		}
		if e.isTypeParam(target) {
			target = ""
		}
		own := e.f.Tables[at].Name
		line := e.lineOf(c)
		switch {
		case kind == "ElementCollection":
			tn := ""
			if table >= 0 {
				tn = e.tableName(table, "")
			}
			if tn == "" && name != "" {
				tn = jvm.SpringName(logical + "_" + name)
			}
			if tn != "" {
				e.joinTable(tn, typ, line, facts.ForeignKey{Table: own, Line: line})
			}
		case table >= 0:
			tn := e.tableName(table, "")
			if tn == "" || target == "" {
				continue
			}
			e.joinTable(tn, typ, line, facts.ForeignKey{Table: own, Line: line}, facts.ForeignKey{Entity: target, Line: line})
		case target == "":
		case kind == "ManyToOne" || kind == "OneToOne":
			t := &e.f.Tables[at]
			t.ForeignKeys = append(t.ForeignKeys, facts.ForeignKey{Columns: joinCols, Entity: target, Line: line})
		case kind == "OneToMany" && join:
			e.f.Tables = append(e.f.Tables, facts.Table{Kind: facts.BaseTable, Entity: -1, EntityName: target, Line: line, Via: "jpa",
				ForeignKeys: []facts.ForeignKey{{Columns: joinCols, Table: own, Line: line}}})
		}
	}
}

// joinTable emits a join or collection table that an entity's mapping
// reads and writes.
func (e *extractor) joinTable(name string, typ, line int, fks ...facts.ForeignKey) {
	e.f.Tables = append(e.f.Tables, facts.Table{Name: name, Kind: facts.BaseTable, Entity: -1, Line: line, Via: "jpa", ForeignKeys: fks})
	for _, k := range []facts.DataKind{facts.Reads, facts.Writes} {
		e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Object: name, From: typ, Method: -1, Routine: -1, Line: line, Via: "jpa"})
	}
}

// elementType returns the entity type of an attribute's type node: the
// type itself, or for a collection its last type argument.
func (e *extractor) elementType(ty int32, many bool) string {
	for e.kind(ty) == kNullableType || e.kind(ty) == kParenthesizedType {
		c := e.first(ty)
		if c < 0 {
			return ""
		}
		ty = c
	}
	if e.kind(ty) != kUserType {
		return ""
	}
	args := e.childKind(ty, kTypeArguments)
	if !many {
		if args >= 0 {
			return ""
		}
		return e.typeName(ty)
	}
	if args < 0 {
		return ""
	}
	last := int32(-1)
	for c := e.first(args); c >= 0; c = e.next(c) {
		if e.kind(c) == kTypeProjection {
			last = c
		}
	}
	if last < 0 {
		return ""
	}
	inner := e.first(last)
	for inner >= 0 && !e.isType(inner) {
		inner = e.next(inner)
	}
	if inner < 0 {
		return ""
	}
	for e.kind(inner) == kNullableType {
		inner = e.first(inner)
	}
	if inner < 0 || e.kind(inner) != kUserType || e.childKind(inner, kTypeArguments) >= 0 {
		return ""
	}
	return e.typeName(inner)
}

// repository reads a Spring Data repository interface: its entity, the
// inherited CRUD, derived queries, @Query and @Procedure.
func (e *extractor) repository(decl int32, typ int, specs int32) {
	entity, rk := "", jvm.NotRepository
	e.supertypeInvocations(specs, func(simple string, ut, args int32) {
		k := jvm.RepositoryKind(simple)
		if k == jvm.NotRepository {
			return
		}
		ta := e.childKind(ut, kTypeArguments)
		if ta < 0 {
			return
		}
		if p := e.childKind(ta, kTypeProjection); p >= 0 {
			for x := e.first(p); x >= 0; x = e.next(x) {
				if e.isType(x) {
					if ent := e.typeName(x); ent != "" && (entity == "" || entity == ent) {
						entity, rk = ent, max(rk, k)
					}
					break
				}
			}
		}
	})
	t := &e.f.Types[typ]
	for _, p := range t.TypeParams {
		if p == entity {
			entity = ""
		}
	}
	if entity != "" {
		if rk >= jvm.Reads {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Reads, Entity: entity, From: typ, Method: -1, Routine: -1, Line: t.Line, Via: "spring-data"})
		}
		if rk >= jvm.ReadsWrites {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Writes, Entity: entity, From: typ, Method: -1, Routine: -1, Line: t.Line, Via: "spring-data"})
		}
	}
	body := e.childKind(decl, kClassBody)
	if body < 0 {
		return
	}
	for c := e.first(body); c >= 0; c = e.next(c) {
		if e.kind(c) != kFunctionDecl {
			continue
		}
		nm := e.child(c, e.g.fName)
		if nm < 0 {
			continue
		}
		name := e.text(nm)
		idx := -1
		for mi, m := range t.Methods {
			if m.Name == name && m.Line == e.lineOf(nm) {
				idx = mi
				break
			}
		}
		if idx < 0 {
			continue
		}
		handled := false
		for _, a := range e.modifiers(e.childKind(c, kModifiers)).anns {
			line := e.lineOf(a)
			an := e.annotationName(a)
			switch simpleName(an) {
			case "Query":
				if !e.annFrom(an, "springframework.data") {
					continue
				}
				handled = true
				native := e.d.jdbcQuery
				if v := e.annArg(a, "nativeQuery"); v >= 0 && e.text(v) == "true" {
					native = true
				}
				via := "spring-data"
				if native {
					via = "jpa-native"
				}
				e.annSQL(e.annArg(a, "value"), !native, typ, idx, line, via)
			case "NativeQuery":
				handled = true
				e.annSQL(e.annArg(a, "value"), false, typ, idx, line, "jpa-native")
			case "Procedure":
				handled = true
				proc := ""
				for _, k := range []string{"procedureName", "value"} {
					if s, ok := e.annString(a, k); ok && s != "" {
						proc = s
						break
					}
				}
				if proc == "" && e.annArg(a, "name") < 0 {
					proc = name
				}
				if obj, ok := mapping.ObjectName(proc); ok {
					e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: obj, From: typ, Method: idx, Routine: -1, Line: line, Via: "spring-data"})
				}
			}
		}
		if handled || entity == "" || e.childKind(c, kFunctionBody) >= 0 {
			continue
		}
		if k, ok := jvm.DerivedQuery(name); ok {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: entity, From: typ, Method: idx, Routine: -1, Line: e.lineOf(nm), Via: "spring-data"})
		}
	}
}
