package php

// Data access in PHP.
//
// Doctrine ORM. A class with the attribute #[ORM\Entity] (any alias of
// Doctrine\ORM\Mapping) or the annotation @ORM\Entity / @Entity maps to
// the table of its #[ORM\Table(name: 'x')] or @ORM\Table(name="x"), else
// to its short class name (Doctrine's default naming strategy; the table
// names are lower case in the facts, so "Course" is "course"): a
// facts.Table with Via "doctrine". Associations of its properties
// (attributes or annotations) are foreign keys: ManyToOne and an owning
// OneToOne from its table to the target's (targetEntity, or the
// property's type), OneToMany from the target's table to its, ManyToMany
// a join table (JoinTable's name, else Doctrine's default
// source_target) with both. Accesses, each a facts.DataRef naming the
// entity (package graph finds its table): X::class handed to a call whose
// result is then searched (getRepository(X::class)->findBy(...),
// $this->repository(X::class)->find(...)), find(X::class, $id) and
// getReference, the query builder's from/join(X::class) (reads) and
// update/delete(X::class) (writes), DQL entity names in createQuery, and
// persist/remove/merge on an entity manager (a receiver whose type or name
// says so: EntityManager(Interface), ObjectManager, $em, $entityManager,
// getEntityManager(), getManager()) of a value whose type the file knows
// (writes). A repository class (extending EntityRepository or
// ServiceEntityRepository) that hands X::class to parent::__construct
// reads X with $this->find*(), count(), matching() and
// createQueryBuilder(). Doctrine's XML mappings are read by package
// php/doctrinexml.
//
// Eloquent. A class extending Illuminate\Database\Eloquent\Model (or
// Illuminate\Foundation\Auth\User, Relations\Pivot) maps to its
// `protected $table`, else to the snake_case plural of its name (Laravel's
// rule: OrderLine -> order_lines; see inflect.go): Via "eloquent". Its
// relations are foreign keys (belongsTo from its table; hasOne, hasMany
// to it; belongsToMany a pivot table, named or by Laravel's rule).
// Accesses: static calls X::where(), find(), all(), query()... (reads),
// X::create(), insert(), updateOrCreate(), destroy()... (writes), a write
// (update, delete, increment...) at the end of a chain that starts with a
// static call of X, and save(), delete(), update(), push() on a value
// whose type the file knows (writes). These accesses are Via "eloquent":
// package graph counts them only for a type Eloquent maps, so that a
// static factory of another class (Course::create) is no access.
//
// SQL. A string (single, double quoted with interpolation, heredoc,
// nowdoc, concatenation, a variable the function assigned, extended with
// .=, a constant of the class) passed to query, prepare, exec,
// executeQuery, executeStatement, fetchAll*, DB::select/insert/update/
// delete/statement... or to mysqli_query, mysql_query, pg_query and their
// kin, and that starts with an SQL verb, is read by package sql as a
// fragment; what is interpolated or computed is __dyn__, except a table
// prefix (a constant, variable or property whose name ends in "prefix":
// DB_PREFIX, $wpdb->prefix), which is read as nothing, so that
// "`" . DB_PREFIX . "product`" is the table product. A constant of another
// class becomes a facts.SQLText for package graph to complete. Laravel's
// DB::table('x') reads x, or writes it when the chain ends in insert,
// update, delete, upsert, increment, decrement or truncate.

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

type dataState struct {
	eloquent map[int]bool   // types that are Eloquent models
	repo     map[int]string // Doctrine repository type -> its entity (as the facts write it)
	doctrine map[int]bool   // Doctrine entities
}

func (d *dataState) reset() { *d = dataState{} }

const dyn = "__dyn__"

// sqlText is SQL evaluated from an expression.
type sqlText struct {
	parts []facts.SQLPart
	ok    bool // some literal text was found
}

func (s sqlText) complete() (string, bool) {
	var b strings.Builder
	for _, p := range s.parts {
		if p.Const != "" {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

func (s *sqlText) add(p facts.SQLPart) {
	if n := len(s.parts); n > 0 && p.Const == "" && s.parts[n-1].Const == "" {
		s.parts[n-1].Text += p.Text
		return
	}
	s.parts = append(s.parts, p)
}

// strLocal is the string value of a variable.
type strLocal struct {
	name string
	text sqlText
}

// setString records the string value of a variable assigned (or, with
// add, extended by .=) a string expression.
func (e *extractor) setString(name string, r int32, add bool) {
	if len(e.scopes) == 0 {
		return
	}
	switch e.kind(r) {
	case kString, kEncapsed, kHeredoc, kNowdoc, kBinary, kVariable, kClassConstant, kParenthesized:
	default:
		if !add {
			e.dropString(name)
		}
		return
	}
	v := e.stringValue(r)
	s := &e.scopes[len(e.scopes)-1]
	for j := len(s.strs) - 1; j >= 0; j-- {
		if s.strs[j].name == name {
			if add {
				for _, p := range v.parts {
					s.strs[j].text.add(p)
				}
				s.strs[j].text.ok = s.strs[j].text.ok || v.ok
			} else {
				s.strs[j].text = v
			}
			return
		}
	}
	if !v.ok && add {
		return
	}
	s.strs = append(s.strs, strLocal{name: name, text: v})
}

func (e *extractor) dropString(name string) {
	s := &e.scopes[len(e.scopes)-1]
	for j := range s.strs {
		if s.strs[j].name == name {
			s.strs[j].text = sqlText{parts: []facts.SQLPart{{Text: dyn}}}
		}
	}
}

// stringOf returns the string value of a variable in scope.
func (e *extractor) stringOf(name string) (sqlText, bool) {
	for j := len(e.scopes) - 1; j >= 0; j-- {
		ss := e.scopes[j].strs
		for k := len(ss) - 1; k >= 0; k-- {
			if ss[k].name == name {
				return ss[k].text, true
			}
		}
		if e.scopes[j].barrier {
			break
		}
	}
	return sqlText{}, false
}

// stringValue evaluates a string expression.
func (e *extractor) stringValue(i int32) sqlText {
	var s sqlText
	e.appendString(i, &s, 0)
	return s
}

func isPrefixName(n string) bool {
	return len(n) >= 6 && strings.EqualFold(n[len(n)-6:], "prefix")
}

func (e *extractor) appendString(i int32, s *sqlText, depth int) {
	if i < 0 || depth > 50 {
		s.add(facts.SQLPart{Text: dyn})
		return
	}
	switch e.kind(i) {
	case kString:
		s.ok = true
		t := e.text(i)
		if len(t) >= 2 {
			t = t[1 : len(t)-1]
		}
		if strings.IndexByte(t, '\\') >= 0 {
			t = strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(t)
		}
		s.add(facts.SQLPart{Text: t})
	case kEncapsed, kHeredoc, kHeredocBody:
		s.ok = true
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kStringContent:
				s.add(facts.SQLPart{Text: e.text(c)})
			case kEscape:
				s.add(facts.SQLPart{Text: unescape(e.text(c))})
			case kHeredocBody:
				e.appendString(c, s, depth+1)
			case kComment, kOther:
				if e.field(c) == 0 && e.kind(c) == kOther {
					e.appendString(c, s, depth+1)
				}
			default:
				if e.field(c) != 0 && e.kind(c) != kHeredocBody {
					continue // a heredoc's tags
				}
				e.appendString(c, s, depth+1)
			}
		}
	case kNowdoc, kNowdocBody:
		s.ok = true
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kNowdocBody:
				e.appendString(c, s, depth+1)
			case kNowdocString:
				s.add(facts.SQLPart{Text: e.text(c)})
			}
		}
	case kBinary:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if l < 0 || r < 0 || strings.TrimSpace(e.between(l, r)) != "." {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		e.appendString(l, s, depth+1)
		e.appendString(r, s, depth+1)
	case kParenthesized:
		e.appendString(e.t.FirstChild(i), s, depth+1)
	case kVariable:
		name := varName(e.text(i))
		if isPrefixName(name) {
			return
		}
		if v, ok := e.stringOf(name); ok {
			s.ok = s.ok || v.ok
			for _, p := range v.parts {
				s.add(p)
			}
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	case kMemberAccess:
		if nm := e.child(i, e.g.fName); nm >= 0 && isPrefixName(e.text(nm)) {
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	case kName, kQualifiedName:
		if isPrefixName(simpleName(e.nameText(i))) {
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	case kClassConstant:
		sc := e.t.FirstChild(i)
		if sc < 0 || e.t.Nodes[sc].Next < 0 {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		name := e.text(e.t.Nodes[sc].Next)
		if isPrefixName(name) {
			return
		}
		switch k := e.kind(sc); {
		case k == kRelativeScope && !strings.EqualFold(e.text(sc), "parent") || isNameKind(k) && e.isOwnClass(e.nameText(sc)):
			if fr := e.frame(); fr != nil {
				for _, f := range e.f.Types[fr.typ].Fields {
					if f.Name == name && f.Static {
						if f.Value != "" {
							s.ok = true
							s.add(facts.SQLPart{Text: f.Value})
							return
						}
						break
					}
				}
				s.add(facts.SQLPart{Const: `\` + fr.fq + "." + name})
				return
			}
		case isNameKind(k):
			if n := e.classRef(e.nameText(sc)); n != "" {
				s.add(facts.SQLPart{Const: n + "." + name})
				return
			}
		}
		s.add(facts.SQLPart{Text: dyn})
	default:
		s.add(facts.SQLPart{Text: dyn})
	}
}

// isOwnClass reports whether a class name written in code is the
// enclosing class.
func (e *extractor) isOwnClass(name string) bool {
	fr := e.frame()
	if fr == nil {
		return false
	}
	switch strings.ToLower(name) {
	case "self", "static":
		return true
	}
	return e.qualify(name) == fr.fq
}

func unescape(s string) string {
	switch s {
	case `\n`:
		return "\n"
	case `\t`:
		return "\t"
	case `\r`:
		return "\r"
	case `\"`:
		return `"`
	case `\\`:
		return `\`
	case `\$`:
		return "$"
	}
	return s
}

// sqlVerb reports whether a text starts, after blanks and opening
// parentheses, with an SQL statement's verb.
func sqlVerb(t string) bool {
	t = strings.TrimLeft(t, " \t\r\n(")
	end := 0
	for end < len(t) && (t[end] >= 'a' && t[end] <= 'z' || t[end] >= 'A' && t[end] <= 'Z') {
		end++
	}
	switch strings.ToLower(t[:end]) {
	case "select", "insert", "update", "delete", "replace", "with", "call", "exec", "execute", "merge", "create", "alter", "drop", "truncate":
		return true
	}
	return false
}

// sqlMethods are the methods that take SQL as an argument: PDO, mysqli,
// Doctrine DBAL, Laravel's DB facade and connections, WordPress's $wpdb.
var sqlMethods = wordSet(`query prepare exec executeQuery executeStatement executeUpdate
	fetchAll fetchAllAssociative fetchAssociative fetchOne fetchColumn fetchFirstColumn
	fetchAllNumeric fetchNumeric fetchAllKeyValue fetchAllAssociativeIndexed fetchAssoc fetchArray
	iterateAssociative iterateNumeric select selectOne insert update delete statement unprepared
	affectingStatement cursor get_results get_row get_var get_col multi_query real_query`)

// sqlFunctions are the functions that take SQL as an argument.
var sqlFunctions = wordSet(`mysql_query mysql_unbuffered_query mysqli_query mysqli_prepare
	mysqli_real_query mysqli_multi_query pg_query pg_query_params pg_prepare pg_send_query
	pg_send_query_params sqlsrv_query sqlsrv_prepare odbc_exec odbc_prepare oci_parse db_query
	sqlite_query`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// sqlArgs reads the SQL handed to a call: the first argument whose value
// is text starting with an SQL verb.
func (e *extractor) sqlArgs(call, a int32, via string) {
	if a < 0 {
		return
	}
	for arg := e.t.FirstChild(a); arg >= 0; arg = e.t.Nodes[arg].Next {
		if e.kind(arg) != kArgument {
			continue
		}
		v := e.t.FirstChild(arg)
		for v >= 0 && e.kind(v) == kName && e.field(v) == e.g.fName {
			v = e.t.Nodes[v].Next // a named argument's name
		}
		if v < 0 {
			continue
		}
		switch e.kind(v) {
		case kString, kEncapsed, kHeredoc, kNowdoc, kBinary, kVariable, kClassConstant, kParenthesized:
		default:
			continue
		}
		s := e.stringValue(v)
		if !s.ok && len(s.parts) > 0 && s.parts[0].Const == "" {
			continue
		}
		first := ""
		if len(s.parts) > 0 {
			first = s.parts[0].Text
		}
		if len(s.parts) > 0 && s.parts[0].Const != "" {
			// A constant of another class: completed by package graph.
			e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: s.parts, From: e.from(), Method: e.method, Line: e.lineOf(call), Via: via})
			return
		}
		if !sqlVerb(first) {
			return
		}
		if text, ok := s.complete(); ok {
			e.sqlData(text, call, via)
		} else {
			e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: s.parts, From: e.from(), Method: e.method, Line: e.lineOf(call), Via: via})
		}
		return
	}
}

// sqlData reads the accesses (and declarations) of SQL text found at node
// at.
func (e *extractor) sqlData(text string, at int32, via string) {
	res := sql.Extract(text, sql.Options{Fragment: true})
	line := e.lineOf(at)
	from := e.from()
	for _, t := range res.Tables {
		t.Line, t.Entity, t.Via = line, -1, via
		e.f.Tables = append(e.f.Tables, t)
	}
	for _, r := range res.Data {
		r.From, r.Method, r.Routine, r.Line, r.Via = from, e.method, -1, line, via
		e.f.Data = append(e.f.Data, r)
	}
}

func (e *extractor) access(k facts.DataKind, entity, object string, at int32, via string) {
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: entity, Object: object, From: e.from(), Method: e.method,
		Routine: -1, Line: e.lineOf(at), Via: via})
}

// classArg returns the class named by an argument X::class (as the facts
// write it), or "".
func (e *extractor) classArg(arg int32) string {
	if arg < 0 || e.kind(arg) != kArgument {
		return ""
	}
	v := e.t.FirstChild(arg)
	for v >= 0 && e.kind(v) == kName && e.field(v) == e.g.fName {
		v = e.t.Nodes[v].Next
	}
	if v < 0 || e.kind(v) != kClassConstant {
		return ""
	}
	s := e.t.FirstChild(v)
	if s < 0 || e.t.Nodes[s].Next < 0 || !strings.EqualFold(e.text(e.t.Nodes[s].Next), "class") {
		return ""
	}
	if !isNameKind(e.kind(s)) && e.kind(s) != kRelativeScope {
		return ""
	}
	return e.classRef(e.nameText(s))
}

// argN returns the n-th argument node of an argument list, or -1.
func (e *extractor) argN(a int32, n int) int32 {
	if a < 0 {
		return -1
	}
	for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kArgument {
			if n == 0 {
				return c
			}
			n--
		}
	}
	return -1
}

// literalArg returns the string literal value of an argument, if it is
// one.
func (e *extractor) literalArg(arg int32) (string, bool) {
	if arg < 0 {
		return "", false
	}
	v := e.t.FirstChild(arg)
	for v >= 0 && e.kind(v) == kName && e.field(v) == e.g.fName {
		v = e.t.Nodes[v].Next
	}
	if v < 0 || e.kind(v) != kString && e.kind(v) != kEncapsed {
		return "", false
	}
	s := e.stringValue(v)
	t, ok := s.complete()
	if !ok || strings.Contains(t, dyn) {
		return "", false
	}
	return t, true
}

var (
	doctrineFind  = wordSet(`find findBy findOneBy findAll count matching createQueryBuilder createResultSetMappingBuilder`)
	emWrite       = wordSet(`persist remove merge`)
	eloquentRead  = wordSet(`where whereIn whereNotIn whereHas whereDoesntHave whereNull whereNotNull whereBetween whereDate whereKey whereRaw orWhere find findOrFail findMany findOr first firstOrFail firstWhere all get query with withCount withTrashed onlyTrashed orderBy orderByDesc latest oldest pluck count exists doesntExist paginate simplePaginate cursorPaginate select value chunk chunkById cursor lazy each has doesntHave limit take min max sum avg sole`)
	eloquentWrite = wordSet(`create forceCreate insert insertGetId insertOrIgnore upsert updateOrCreate firstOrCreate updateOrInsert destroy truncate`)
	chainWrite    = wordSet(`insert insertGetId insertOrIgnore insertUsing upsert update updateOrInsert delete forceDelete increment decrement incrementEach decrementEach truncate restore`)
	modelWrite    = wordSet(`save saveOrFail saveQuietly push delete deleteOrFail forceDelete update updateQuietly increment decrement touch restore`)
)

// callData finds the data accesses of a method call $obj->member(args).
func (e *extractor) callData(i, obj int32, member string, a int32) {
	if sqlMethods[member] {
		e.sqlArgs(i, a, "sql")
	}
	if e.isThis(obj) {
		switch member {
		case "belongsTo", "hasOne", "hasMany", "belongsToMany":
			e.relationData(member, a, i)
			return
		}
	}
	lower := strings.ToLower(member)
	switch {
	case doctrineFind[member] || strings.HasPrefix(member, "findBy") || strings.HasPrefix(member, "findOneBy") || strings.HasPrefix(member, "countBy"):
		// getRepository(X::class)->find(...), or $this->find() in a
		// Doctrine repository.
		if k := e.kind(obj); k == kMemberCall || k == kScopedCall {
			oa := e.child(obj, e.g.fArguments)
			if e.args(oa) == 1 {
				if x := e.classArg(e.argN(oa, 0)); x != "" {
					e.access(facts.Reads, x, "", i, "doctrine")
					return
				}
			}
		}
		if e.isThis(obj) {
			if fr := e.frame(); fr != nil {
				if x := e.d.repo[fr.typ]; x != "" {
					e.access(facts.Reads, x, "", i, "doctrine")
					return
				}
			}
		}
		if (member == "find") && e.args(a) == 2 {
			if x := e.classArg(e.argN(a, 0)); x != "" {
				e.access(facts.Reads, x, "", i, "doctrine")
			}
		}
	case member == "getReference" && e.args(a) == 2:
		if x := e.classArg(e.argN(a, 0)); x != "" {
			e.access(facts.Reads, x, "", i, "doctrine")
		}
	case member == "from" || member == "join" || member == "innerJoin" || member == "leftJoin":
		if x := e.classArg(e.argN(a, 0)); x != "" {
			e.access(facts.Reads, x, "", i, "doctrine")
		}
	case (member == "update" || member == "delete") && e.classArg(e.argN(a, 0)) != "":
		e.access(facts.Writes, e.classArg(e.argN(a, 0)), "", i, "doctrine")
		return
	case emWrite[member] && e.args(a) == 1 && e.isEntityManager(obj):
		if v := e.t.FirstChild(e.argN(a, 0)); v >= 0 {
			if t := e.valueType(v); t != "" {
				e.access(facts.Writes, t, "", i, "doctrine")
			}
		}
		return
	case lower == "createquery" && e.isEntityManager(obj):
		if arg := e.argN(a, 0); arg >= 0 {
			if v := e.t.FirstChild(arg); v >= 0 {
				if t, ok := e.stringValue(v).complete(); ok {
					e.dql(t, i)
				}
			}
		}
		return
	}
	if chainWrite[member] {
		if x, ok := e.eloquentBase(obj); ok {
			e.access(facts.Writes, x, "", i, "eloquent")
			return
		}
	}
	if modelWrite[member] && e.kind(obj) != kMemberCall {
		if t := e.valueType(obj); t != "" && strings.HasPrefix(t, `\`) {
			e.access(facts.Writes, t, "", i, "eloquent")
		}
	}
}

// isThis reports whether node i is $this.
func (e *extractor) isThis(i int32) bool {
	return e.kind(i) == kVariable && e.text(i) == "$this"
}

// isEntityManager reports whether a receiver is a Doctrine entity
// manager, by its declared type or its name.
func (e *extractor) isEntityManager(i int32) bool {
	em := func(name string) bool {
		switch strings.ToLower(name) {
		case "em", "_em", "entitymanager", "manager", "objectmanager", "getentitymanager", "getmanager", "om":
			return true
		}
		return false
	}
	switch e.kind(i) {
	case kMemberCall:
		if nm := e.child(i, e.g.fName); nm >= 0 {
			return em(e.text(nm))
		}
	case kVariable:
		if em(varName(e.text(i))) {
			return true
		}
	case kMemberAccess:
		if nm := e.child(i, e.g.fName); nm >= 0 && em(e.text(nm)) {
			return true
		}
	}
	t := e.valueType(i)
	s := simpleName(t)
	return s == "EntityManager" || s == "EntityManagerInterface" || s == "ObjectManager"
}

// valueType returns the type of a variable or property the file
// declares ("\App\Course"), or "".
func (e *extractor) valueType(i int32) string {
	switch e.kind(i) {
	case kVariable:
		if l, ok := e.lookupLocal(varName(e.text(i))); ok {
			if l.typ != "" {
				return strings.TrimPrefix(l.typ, "?")
			}
			if l.expr >= 0 && l.expr < len(e.exprs) && e.exprs[l.expr].Kind == facts.ExprType {
				return e.exprs[l.expr].Name
			}
		}
	case kMemberAccess:
		obj, nm := e.child(i, e.g.fObject), e.child(i, e.g.fName)
		if obj >= 0 && nm >= 0 && e.isThis(obj) && e.frame() != nil && e.anon == 0 {
			return strings.TrimPrefix(e.frame().fields[e.text(nm)], "?")
		}
	case kNew:
		if c := e.t.FirstChild(i); c >= 0 && isNameKind(e.kind(c)) {
			return e.classRef(e.nameText(c))
		}
	}
	return ""
}

// eloquentBase finds the class X of a chain that starts with a static
// call X::m(...) (X a class, not self or parent).
func (e *extractor) eloquentBase(i int32) (string, bool) {
	for depth := 0; depth < 50; depth++ {
		switch e.kind(i) {
		case kMemberCall:
			i = e.child(i, e.g.fObject)
			if i < 0 {
				return "", false
			}
			continue
		case kScopedCall:
			s := e.child(i, e.g.fScope)
			if s < 0 || !isNameKind(e.kind(s)) {
				return "", false
			}
			if x := e.classRef(e.nameText(s)); x != "" && !e.isDBFacade(x) {
				return x, true
			}
		}
		return "", false
	}
	return "", false
}

// isDBFacade reports Laravel's DB facade.
func (e *extractor) isDBFacade(x string) bool {
	return x == `\Illuminate\Support\Facades\DB` || x == `\DB`
}

// staticCallData finds the data accesses of a static call X::member(args).
func (e *extractor) staticCallData(i, s int32, member string, a int32) {
	if !isNameKind(e.kind(s)) {
		return
	}
	x := e.classRef(e.nameText(s))
	if x == "" {
		return
	}
	if e.isDBFacade(x) {
		if member == "table" {
			if t, ok := e.literalArg(e.argN(a, 0)); ok {
				kind := facts.Reads
				for c, p := i, e.t.Nodes[i].Parent; p >= 0 && e.kind(p) == kMemberCall && e.child(p, e.g.fObject) == c; c, p = p, e.t.Nodes[p].Parent {
					if nm := e.child(p, e.g.fName); nm >= 0 && chainWrite[e.text(nm)] {
						kind = facts.Writes
					}
				}
				e.access(kind, "", strings.ToLower(strings.TrimSpace(t)), i, "laravel-db")
			}
			return
		}
		if sqlMethods[member] {
			e.sqlArgs(i, a, "sql")
		}
		return
	}
	if strings.EqualFold(e.text(s), "parent") && strings.EqualFold(member, "__construct") {
		return
	}
	switch {
	case eloquentWrite[member]:
		e.access(facts.Writes, x, "", i, "eloquent")
	case eloquentRead[member]:
		// A write at the end of the chain (X::where(...)->delete()) is
		// found from the write.
		written := false
		for c, p := i, e.t.Nodes[i].Parent; p >= 0 && e.kind(p) == kMemberCall && e.child(p, e.g.fObject) == c; c, p = p, e.t.Nodes[p].Parent {
			if nm := e.child(p, e.g.fName); nm >= 0 && chainWrite[e.text(nm)] {
				written = true
			}
		}
		if !written {
			e.access(facts.Reads, x, "", i, "eloquent")
		}
	}
}

// functionCallData finds the SQL handed to a database function.
func (e *extractor) functionCallData(i int32, name string, a int32) {
	if sqlFunctions[name] {
		e.sqlArgs(i, a, "sql")
	}
}

// dql reads the entities of a DQL query: the names after FROM, JOIN,
// UPDATE and DELETE [FROM] that are class names (not alias.path joins).
func (e *extractor) dql(q string, at int32) {
	words := strings.Fields(q)
	kind := facts.Reads
	if len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "update", "delete":
			kind = facts.Writes
		}
	}
	for j := 0; j+1 < len(words); j++ {
		w := strings.ToLower(words[j])
		if w != "from" && w != "join" && !(w == "update" && j == 0) && !(w == "delete" && j == 0) {
			continue
		}
		// The first entity of an UPDATE or DELETE [FROM] is written.
		k := facts.Reads
		if j == 0 {
			k = kind
		}
		name := strings.TrimRight(words[j+1], ",")
		if w == "delete" && strings.EqualFold(name, "from") && j+2 < len(words) {
			j++
			name = words[j+1]
		}
		if strings.IndexByte(name, '.') >= 0 || name == "" || !isNameStart(name[0]) {
			continue
		}
		e.access(k, `\`+strings.TrimPrefix(name, `\`), "", at, "dql")
	}
}

// The base classes that make a class an Eloquent model, and those that
// make it a Doctrine repository.
var (
	eloquentBases = map[string]bool{
		`Illuminate\Database\Eloquent\Model`:                true,
		`Illuminate\Foundation\Auth\User`:                   true,
		`Illuminate\Database\Eloquent\Relations\Pivot`:      true,
		`Illuminate\Database\Eloquent\Relations\MorphPivot`: true,
		`Eloquent`: true, // the global alias
		`Model`:    true, // idem, in old Laravel code without namespaces
	}
	doctrineRepoBases = map[string]bool{
		`Doctrine\ORM\EntityRepository`:                                     true,
		`Doctrine\Bundle\DoctrineBundle\Repository\ServiceEntityRepository`: true,
	}
)

// typeData reads what a type declaration says about the database: a
// Doctrine entity mapping, an Eloquent model, a Doctrine repository.
func (e *extractor) typeData(i int32, typ int, doc int32) {
	if e.f.Types[typ].Kind != facts.Class {
		return
	}
	fr := e.frame()
	line := e.f.Types[typ].Line
	body := e.child(i, e.g.fBody)
	switch {
	case eloquentBases[fr.parent]:
		if e.d.eloquent == nil {
			e.d.eloquent = map[int]bool{}
		}
		e.d.eloquent[typ] = true
		name := ""
		for _, f := range e.f.Types[typ].Fields {
			if f.Name == "table" && !f.Static {
				name = e.propertyDefault(body, "table")
			}
		}
		if name == "" {
			name = eloquentTable(e.f.Types[typ].Name)
		}
		e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(name), Kind: facts.BaseTable, Entity: typ, Line: line, Via: "eloquent"})
		return
	case doctrineRepoBases[fr.parent] && body >= 0:
		// parent::__construct($registry, X::class)
		for j, end := body+1, e.end(body); j < end; j++ {
			if e.kind(j) != kScopedCall {
				continue
			}
			s, nm := e.child(j, e.g.fScope), e.child(j, e.g.fName)
			if s < 0 || nm < 0 || !strings.EqualFold(e.text(s), "parent") || !strings.EqualFold(e.text(nm), "__construct") {
				continue
			}
			a := e.child(j, e.g.fArguments)
			for n := 0; n < e.args(a); n++ {
				if x := e.classArg(e.argN(a, n)); x != "" {
					if e.d.repo == nil {
						e.d.repo = map[int]string{}
					}
					e.d.repo[typ] = x
				}
			}
		}
		return
	}
	// Doctrine: attributes, then annotations.
	entity, table, schema := false, "", ""
	if al := e.child(i, e.g.fAttributes); al >= 0 {
		for g := e.t.FirstChild(al); g >= 0; g = e.t.Nodes[g].Next {
			for at := e.t.FirstChild(g); at >= 0; at = e.t.Nodes[at].Next {
				if e.kind(at) != kAttribute {
					continue
				}
				c := e.t.FirstChild(at)
				if c < 0 || !isNameKind(e.kind(c)) {
					continue
				}
				switch doctrineAttr(e.qualify(e.nameText(c))) {
				case "Entity":
					entity = true
				case "Table":
					args := e.childKind(at, kArguments)
					table = e.namedArg(args, "name", 0)
					schema = e.namedArg(args, "schema", -1)
				}
			}
		}
	}
	if doc >= 0 {
		text := e.text(doc)
		if hasAnnotation(text, "Entity") {
			entity = true
		}
		if v, ok := annotationArgs(text, "Table"); ok {
			table = annotationValue(v, "name")
			schema = annotationValue(v, "schema")
		}
	}
	if !entity {
		return
	}
	if e.d.doctrine == nil {
		e.d.doctrine = map[int]bool{}
	}
	e.d.doctrine[typ] = true
	if table == "" {
		table = e.f.Types[typ].Name
	}
	if schema != "" {
		table = schema + "." + table
	}
	e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(strings.Trim(table, "`\"")), Kind: facts.BaseTable, Entity: typ, Line: line, Via: "doctrine"})
}

// doctrineAttr returns the short name of a Doctrine mapping attribute
// ("Entity" for Doctrine\ORM\Mapping\Entity), or "".
func doctrineAttr(fq string) string {
	const p = `Doctrine\ORM\Mapping\`
	if strings.HasPrefix(fq, p) {
		return fq[len(p):]
	}
	return ""
}

// namedArg returns the string value of an attribute's argument called
// name, or of its pos-th positional argument (pos < 0: none).
func (e *extractor) namedArg(args int32, name string, pos int) string {
	if args < 0 {
		return ""
	}
	n := 0
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kArgument {
			continue
		}
		if nm := e.child(c, e.g.fName); nm >= 0 {
			if e.text(nm) == name {
				if t, ok := e.literalArg(c); ok {
					return t
				}
				if x := e.classArg(c); x != "" {
					return x
				}
			}
			continue
		}
		if n == pos {
			if t, ok := e.literalArg(c); ok {
				return t
			}
			if x := e.classArg(c); x != "" {
				return x
			}
		}
		n++
	}
	return ""
}

// propertyDefault returns the string default of a property of a class
// body.
func (e *extractor) propertyDefault(body int32, name string) string {
	if body < 0 {
		return ""
	}
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kPropertyDecl {
			continue
		}
		for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
			if e.kind(d) != kPropertyElement {
				continue
			}
			v := e.childKind(d, kVariable)
			init := e.childKind(d, kPropertyInit)
			if v < 0 || init < 0 || varName(e.text(v)) != name {
				continue
			}
			if t, ok := e.stringValue(e.t.FirstChild(init)).complete(); ok && !strings.Contains(t, dyn) {
				return t
			}
		}
	}
	return ""
}

// hasAnnotation reports whether a doc comment has the Doctrine annotation
// @ORM\name or @name.
func hasAnnotation(doc, name string) bool {
	_, ok := annotationAt(doc, name)
	return ok
}

// annotationAt finds @ORM\name (or @name, @Mapping\name) in a doc comment
// and returns the offset just past it.
func annotationAt(doc, name string) (int, bool) {
	for off := 0; ; {
		j := strings.Index(doc[off:], name)
		if j < 0 {
			return 0, false
		}
		j += off
		end := j + len(name)
		off = end
		if end < len(doc) && isNameChar(doc[end]) {
			continue
		}
		pre := doc[:j]
		switch {
		case strings.HasSuffix(pre, "@"), strings.HasSuffix(pre, `@ORM\`), strings.HasSuffix(pre, `@Mapping\`),
			strings.HasSuffix(pre, `@Doctrine\ORM\Mapping\`):
			return end, true
		}
	}
}

// annotationArgs returns the text inside the parentheses of an
// annotation.
func annotationArgs(doc, name string) (string, bool) {
	for off := 0; off < len(doc); {
		end, ok := annotationAt(doc[off:], name)
		if !ok {
			return "", false
		}
		end += off
		off = end
		rest := strings.TrimLeft(doc[end:], " \t")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		depth := 0
		for k := 0; k < len(rest); k++ {
			switch rest[k] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return rest[1:k], true
				}
			}
		}
		return rest[1:], true
	}
	return "", false
}

// annotationValue returns the value of key="value" in annotation
// arguments.
func annotationValue(args, key string) string {
	for off := 0; off < len(args); {
		j := strings.Index(args[off:], key)
		if j < 0 {
			return ""
		}
		j += off
		off = j + len(key)
		if j > 0 && isNameChar(args[j-1]) {
			continue
		}
		rest := strings.TrimLeft(args[off:], " \t")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return ""
		}
		q := rest[0]
		if k := strings.IndexByte(rest[1:], q); k >= 0 {
			return rest[1 : k+1]
		}
		return ""
	}
	return ""
}

// propertyData reads the Doctrine associations of a property declaration.
func (e *extractor) propertyData(i, doc int32) {
	fr := e.frame()
	if fr == nil || !e.d.doctrine[fr.typ] || e.anon > 0 {
		return
	}
	typ := fr.typ
	self := `\` + fr.fq
	declared := ""
	if ty := e.child(i, e.g.fType); ty >= 0 {
		declared = strings.TrimPrefix(e.typeString(e.text(ty), false, -1), "?")
	}
	kind, target, joinTable, mappedBy := "", "", "", false
	if al := e.child(i, e.g.fAttributes); al >= 0 {
		for g := e.t.FirstChild(al); g >= 0; g = e.t.Nodes[g].Next {
			for at := e.t.FirstChild(g); at >= 0; at = e.t.Nodes[at].Next {
				if e.kind(at) != kAttribute {
					continue
				}
				c := e.t.FirstChild(at)
				if c < 0 || !isNameKind(e.kind(c)) {
					continue
				}
				args := e.childKind(at, kArguments)
				switch a := doctrineAttr(e.qualify(e.nameText(c))); a {
				case "ManyToOne", "OneToOne", "OneToMany", "ManyToMany":
					kind = a
					target = e.namedArg(args, "targetEntity", 0)
					mappedBy = e.namedArg(args, "mappedBy", -1) != ""
				case "JoinTable":
					joinTable = e.namedArg(args, "name", 0)
				}
			}
		}
	}
	if kind == "" && doc >= 0 {
		text := e.text(doc)
		for _, a := range []string{"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"} {
			if v, ok := annotationArgs(text, a); ok {
				kind = a
				target = annotationValue(v, "targetEntity")
				mappedBy = annotationValue(v, "mappedBy") != ""
				break
			}
			if hasAnnotation(text, a) {
				kind = a
				break
			}
		}
		if v, ok := annotationArgs(text, "JoinTable"); ok {
			joinTable = annotationValue(v, "name")
		}
	}
	if kind == "" {
		return
	}
	switch {
	case target == "" && (kind == "ManyToOne" || kind == "OneToOne") && strings.HasPrefix(declared, `\`) && !strings.ContainsAny(declared, "|&"):
		target = declared
	case target == "":
		return
	case !strings.HasPrefix(target, `\`):
		// A string names the class relative to the entity's namespace.
		if strings.IndexByte(target, '\\') < 0 {
			target = `\` + joinNS(e.ns, target)
		} else {
			target = `\` + target
		}
	}
	line := e.lineOf(i)
	switch {
	case (kind == "ManyToOne" || kind == "OneToOne") && !mappedBy:
		e.f.Tables = append(e.f.Tables, facts.Table{Entity: typ, Line: line, Via: "doctrine",
			ForeignKeys: []facts.ForeignKey{{Entity: target, Line: line}}})
	case kind == "OneToMany" || kind == "OneToOne":
		e.f.Tables = append(e.f.Tables, facts.Table{Entity: -1, EntityName: target, Line: line, Via: "doctrine",
			ForeignKeys: []facts.ForeignKey{{Entity: self, Line: line}}})
	case kind == "ManyToMany" && !mappedBy:
		if joinTable == "" {
			joinTable = strings.ToLower(e.f.Types[typ].Name + "_" + simpleName(target))
		}
		e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(joinTable), Kind: facts.BaseTable, Entity: -1, Line: line, Via: "doctrine",
			ForeignKeys: []facts.ForeignKey{{Entity: self, Line: line}, {Entity: target, Line: line}}})
	}
}

// relationData reads an Eloquent relation declared in a model:
// $this->belongsTo(X::class), hasMany, hasOne, belongsToMany.
func (e *extractor) relationData(member string, a int32, at int32) {
	fr := e.frame()
	if fr == nil || !e.d.eloquent[fr.typ] || e.anon > 0 {
		return
	}
	x := e.classArg(e.argN(a, 0))
	if x == "" {
		return
	}
	self := `\` + fr.fq
	line := e.lineOf(at)
	switch member {
	case "belongsTo":
		e.f.Tables = append(e.f.Tables, facts.Table{Entity: fr.typ, Line: line, Via: "eloquent",
			ForeignKeys: []facts.ForeignKey{{Entity: x, Line: line}}})
	case "hasOne", "hasMany":
		e.f.Tables = append(e.f.Tables, facts.Table{Entity: -1, EntityName: x, Line: line, Via: "eloquent",
			ForeignKeys: []facts.ForeignKey{{Entity: self, Line: line}}})
	case "belongsToMany":
		pivot, ok := e.literalArg(e.argN(a, 1))
		if !ok {
			pivot = pivotTable(e.f.Types[fr.typ].Name, simpleName(x))
		}
		e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(pivot), Kind: facts.BaseTable, Entity: -1, Line: line, Via: "eloquent",
			ForeignKeys: []facts.ForeignKey{{Entity: self, Line: line}, {Entity: x, Line: line}}})
	}
}
