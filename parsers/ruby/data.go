package ruby

// Data access in Ruby.
//
// ActiveRecord: a chain of calls on a constant (Order.where(...).first,
// Order.find(id).update(...), Order.create!(...)) whose methods include
// one of ActiveRecord's query methods (where, find, find_by, pluck,
// count, joins...) reads the constant's table; one with a writing method
// (create, update_all, destroy_all, insert_all, upsert, find_or_create_by,
// and an instance's save, update, destroy... after new or a finder)
// writes it: a facts.DataRef with Entity the constant as written, Via
// "activerecord". The same calls without a receiver in a class's own code
// (where(...) in a class method or a scope, save or update in an instance
// method), on self or on self.class access the class's own table (Entity
// is its absolute name, "::Billing::Invoice"), and so do the instance
// writes on a local or an instance variable assigned Const.new. Package
// graph resolves the entity and finds its table: a constant that is no
// ActiveRecord model has none, and the access is counted as unresolved,
// never given a table. A migration's accesses are not components' uses of
// the tables: they are left out.
//
// SQL: the text handed to find_by_sql and count_by_sql, to a connection's
// execute, exec_query, select_all, select_one, select_value(s),
// select_rows, insert, update and delete (a receiver that is
// `connection`, `ActiveRecord::Base.connection`, a variable named like a
// connection), and the fragments of where, having, joins, from and
// select (`where("id IN (SELECT ...)")`, read as the clause of a query on
// an unknown table), is read by package sql. The text is evaluated from
// string literals, heredocs, `+` concatenations, adjacent literals,
// interpolations, locals assigned once and the string constants of the
// file; a constant of another file makes a facts.SQLText for package graph
// to complete, anything else computed at run time is __dyn__ (see package
// sql). Via "activerecord-sql".
//
// The schema: in a file under a db/ directory (db/schema.rb, migrations,
// an engine's or a pack's db/), create_table and create_join_table declare
// tables, t.references and t.belongs_to with foreign_key:, add_reference
// and add_foreign_key their foreign keys (Via "schema.rb" or
// "migration"), and the DDL a migration executes is read by package sql.
// Drops and renames are not followed: a table a later migration drops is
// still declared.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

type dataState struct{}

func (d *dataState) reset() {}

// pendingAccess is an access through an instance variable, which is typed
// when the class's body has been walked.
type pendingAccess struct {
	ivar   string
	kind   facts.DataKind
	path   string // association readers between the variable and the access ("#orders")
	method int
	line   int
}

var (
	// classReads are ActiveRecord's query methods on a model or a
	// relation.
	classReads = wordSet(`where rewhere find find_by find_by! find_each find_in_batches in_batches all
		first first! last last! second third take take! count sum average minimum maximum calculate pluck
		pick ids exists? order reorder limit offset joins left_joins left_outer_joins includes preload
		eager_load group having select distinct find_or_initialize_by unscoped lock find_sole_by sole
		find_by_sql count_by_sql`)
	// classWrites are its writing methods on a model or a relation.
	classWrites = wordSet(`create create! insert insert! insert_all insert_all! upsert upsert_all update_all
		delete_all delete_by destroy_all destroy_by find_or_create_by find_or_create_by! create_or_find_by
		create_or_find_by! increment_counter decrement_counter update_counters reset_counters touch_all import`)
	// instanceWrites are the writing methods of a record.
	instanceWrites = wordSet(`save save! update update! update_attribute update_attributes update_attributes!
		update_column update_columns destroy destroy! delete touch increment! decrement! toggle!`)
	// finders are the class methods that give a record of a model.
	finders = wordSet(`find find_by find_by! first first! last last! take take! find_or_initialize_by
		find_sole_by sole create create! find_or_create_by find_or_create_by!`)
	// yieldsRecord are the methods that give a record of the model.
	yieldsRecord = wordSet(`new build find find_by find_by! first first! last last! take take! second third
		find_or_initialize_by find_sole_by sole create create!`)
)

// coreConstant reports the constants of Ruby, Rails and common gems
// (KnownExternal): a query-like call on them is no data access.
func coreConstant(name string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(name, "::"), "::")
	return KnownExternal(first)
}

// chainDataCall looks at the outermost call of a chain for ActiveRecord
// data access. i is the call, recv its receiver, name its method.
func (e *extractor) chainDataCall(i, recv int32, name string, args int32) {
	if p := e.t.Nodes[i].Parent; p >= 0 && e.kind(p) == kCall && e.child(p, e.g.fReceiver) == i {
		return // not the outermost call
	}
	methods := []string{name}
	root := recv
	for root >= 0 && e.kind(root) == kCall {
		m := e.child(root, e.g.fMethod)
		r := e.child(root, e.g.fReceiver)
		if m < 0 {
			return
		}
		methods = append(methods, e.text(m))
		root = r // -1: an implicit call starts the chain
	}
	if root >= 0 && e.kind(root) == kIdentifier {
		if _, local := e.lookupLocal(e.text(root)); !local {
			methods = append(methods, e.text(root)) // a method of self: an association reader, say
			root = -1
		}
	}
	if slices.Contains(methods, "connection") {
		return // SQL handed to the connection: sqlCall reads it
	}
	slices.Reverse(methods) // innermost first
	fr := e.typeFrame()
	if fr != nil && fr.migration {
		return
	}
	switch {
	case root < 0:
		// where(...).first, line_items.sum(...) in the class's own code.
		if fr == nil || e.typeDeclares(methods[0]) {
			return
		}
		e.ownAccess(methods, i)
	case e.kind(root) == kConstant || e.kind(root) == kScopeResolution:
		cn, ok := e.constName(root)
		if !ok || coreConstant(cn) || valueConstant(cn) {
			return
		}
		if k, scopes, ok := scopedClassAccess(methods); ok {
			e.access(k, cn+scopes, i)
		}
	case e.kind(root) == kSelf:
		if fr == nil {
			return
		}
		if methods[0] == "class" {
			if k, ok := classAccess(methods[1:]); ok {
				e.access(k, e.ownEntity(), i)
			}
			return
		}
		e.ownAccess(methods, i)
	case e.kind(root) == kIdentifier:
		if l, ok := e.lookupLocal(e.text(root)); ok && l.typ != "" {
			if k, path, ok := recordAccess(methods); ok {
				e.access(k, l.typ+path, i)
			}
		}
	case e.kind(root) == kInstanceVariable:
		if fr == nil || e.singletonContext() {
			return
		}
		if k, path, ok := recordAccess(methods); ok {
			fr.pending = append(fr.pending, pendingAccess{ivar: e.text(root), kind: k, path: path, method: e.method, line: e.lineOf(i)})
		}
	}
}

// ownAccess classifies a chain called on self (written or implicit): in a
// class method or the class body, on the class's table; in an instance
// method, on the record or the records its associations reach.
func (e *extractor) ownAccess(methods []string, at int32) {
	if e.singletonContext() {
		if k, scopes, ok := scopedClassAccess(methods); ok {
			e.access(k, e.ownEntity()+scopes, at)
		}
		return
	}
	if k, path, ok := recordAccess(methods); ok {
		e.access(k, e.ownEntity()+path, at)
	}
}

// selfDataCall looks at a call without receiver that is a whole chain by
// itself (save, where(...)) in a class's own code.
func (e *extractor) selfDataCall(i int32, name string, args int32) {
	if p := e.t.Nodes[i].Parent; p >= 0 && e.kind(p) == kCall && e.child(p, e.g.fReceiver) == i {
		return // the start of a chain: chainDataCall reads it
	}
	fr := e.typeFrame()
	if fr == nil || fr.migration || e.typeDeclares(name) {
		return
	}
	e.ownAccess([]string{name}, i)
}

// classAccess classifies a chain of methods called on a model class.
func classAccess(methods []string) (facts.DataKind, bool) {
	kind, found := facts.Reads, false
	record := false
	for _, m := range methods {
		switch {
		case classWrites[m]:
			return facts.Writes, true
		case record && instanceWrites[m]:
			return facts.Writes, true
		case classReads[m]:
			found = true
		}
		if yieldsRecord[m] {
			record = true
		}
	}
	return kind, found
}

// scopedClassAccess classifies a chain of methods called on a model
// class that may start with scopes of the model (at most three, ".a.b" in
// scopes): package graph checks that they are scopes, for a method that
// is not one (a class method returning an array) makes the rest no query.
func scopedClassAccess(methods []string) (kind facts.DataKind, scopes string, ok bool) {
	h := 0
	for h < len(methods) && !arMethod(methods[h]) && !yieldsRecord[methods[h]] {
		h++
	}
	if h == len(methods) || h > 3 {
		return "", "", false
	}
	kind, ok = classAccess(methods[h:])
	if !ok {
		return "", "", false
	}
	for _, m := range methods[:h] {
		scopes += "." + m
	}
	return kind, scopes, true
}

func arMethod(m string) bool { return classReads[m] || classWrites[m] || instanceWrites[m] }

// recordAccess classifies a chain of methods called on a record: a
// writing method of the record itself, or association readers (at most
// three, "#a#b" in path) followed by a query or a write on the records
// they reach.
func recordAccess(methods []string) (kind facts.DataKind, path string, ok bool) {
	h := 0
	for h < len(methods) && !arMethod(methods[h]) {
		h++
	}
	if h == len(methods) || h > 3 {
		return "", "", false
	}
	rest := methods[h:]
	switch {
	case instanceWrites[rest[0]]:
		kind = facts.Writes
	default:
		k, found := classAccess(rest)
		if !found {
			return "", "", false
		}
		kind = k
	}
	if h == 0 && !instanceWrites[rest[0]] {
		return "", "", false // a record's own query methods are not ActiveRecord's
	}
	for _, m := range methods[:h] {
		if notAssociation[m] {
			return "", "", false
		}
		path += "#" + m
	}
	return kind, path, true
}

// notAssociation are the readers of a controller, a job or a record that
// are never associations.
var notAssociation = wordSet(`params session cookies flash request response headers errors logger
	attributes changes changed_attributes previous_changes class self tap then dup clone to_a to_h`)

// ownEntity names the innermost class absolutely: "::Billing::Invoice".
func (e *extractor) ownEntity() string {
	fr := e.typeFrame()
	return "::" + strings.ReplaceAll(fr.name, ".", "::")
}

func (e *extractor) access(k facts.DataKind, entity string, at int32) {
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: entity, From: e.from(), Method: e.method, Routine: -1, Line: e.lineOf(at), Via: "activerecord"})
}

// --- SQL ---

var (
	sqlMethods        = wordSet(`find_by_sql count_by_sql`)
	connectionMethods = wordSet(`execute exec_query exec_insert exec_update exec_delete select_all select_one
		select_value select_values select_rows insert update delete`)
	// fragmentMethods are the query methods that take a clause of SQL, with
	// what makes the clause a whole query.
	fragmentMethods = map[string][2]string{
		"where":      {"SELECT * FROM __dyn__ WHERE ", ""},
		"rewhere":    {"SELECT * FROM __dyn__ WHERE ", ""},
		"not":        {"SELECT * FROM __dyn__ WHERE ", ""},
		"having":     {"SELECT * FROM __dyn__ GROUP BY __dyn__ HAVING ", ""},
		"joins":      {"SELECT * FROM __dyn__ ", ""},
		"left_joins": {"SELECT * FROM __dyn__ ", ""},
		"from":       {"SELECT * FROM ", ""},
		"select":     {"SELECT ", " FROM __dyn__"},
	}
)

// sqlCall looks at a call for SQL text: recv is its receiver (-1 for
// none), name its method.
func (e *extractor) sqlCall(i int32, name string, recv, args int32) {
	if args < 0 {
		return
	}
	first := e.firstChild(args)
	for first >= 0 && e.kind(first) == kComment {
		first = e.next(first)
	}
	if first < 0 {
		return
	}
	fr := e.typeFrame()
	migration := e.dbFile || fr != nil && fr.migration
	switch {
	case sqlMethods[name]:
	case connectionMethods[name] && (recv >= 0 && e.isConnection(recv) || recv < 0 && name == "execute" && migration):
	case fragmentMethods[name] != [2]string{} && (e.kind(first) == kString || e.kind(first) == kChainedString ||
		e.kind(first) == kHeredocBeginning || e.kind(first) == kArray):
		if e.kind(first) == kArray {
			if first = e.firstChild(first); first < 0 || e.kind(first) != kString && e.kind(first) != kChainedString && e.kind(first) != kHeredocBeginning {
				return
			}
		}
		fx := fragmentMethods[name]
		s := e.stringValue(first)
		if !s.ok {
			return
		}
		s.parts = append([]facts.SQLPart{{Text: fx[0]}}, s.parts...)
		s.add(facts.SQLPart{Text: fx[1]})
		e.emitSQL(s, e.lineOf(first), false)
		return
	default:
		return
	}
	if e.kind(first) == kArray {
		first = e.firstChild(first)
		if first < 0 {
			return
		}
	}
	s := e.stringValue(first)
	if !s.ok && !(len(s.parts) == 1 && s.parts[0].Const != "") {
		return // not a string at all
	}
	e.emitSQL(s, e.lineOf(first), migration)
}

// isConnection reports whether a receiver is a database connection:
// `connection` (ActiveRecord::Base.connection, Model.connection), or a
// variable named so.
func (e *extractor) isConnection(i int32) bool {
	var name string
	switch e.kind(i) {
	case kCall:
		m := e.child(i, e.g.fMethod)
		if m < 0 {
			return false
		}
		name = e.text(m)
	case kIdentifier, kInstanceVariable:
		name = strings.TrimPrefix(e.text(i), "@")
	default:
		return false
	}
	return name == "connection" || name == "raw_connection" || name == "conn" || strings.HasSuffix(name, "_connection") || name == "db"
}

// emitSQL emits the accesses of SQL text found in code; in a migration,
// the tables its DDL declares instead.
func (e *extractor) emitSQL(s sqlText, line int, migration bool) {
	from, method := e.from(), e.method
	text, complete := s.complete()
	if !complete {
		if !migration {
			e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: s.parts, From: from, Method: method, Line: line, Via: "activerecord-sql"})
		}
		return
	}
	res := sql.Extract(text, sql.Options{Fragment: true})
	if migration {
		for _, t := range res.Tables {
			t.Line = line + t.Line - 1
			t.Via = "migration"
			t.Entity = -1
			e.f.Tables = append(e.f.Tables, t)
		}
		return
	}
	for _, d := range res.Data {
		d.From, d.Method, d.Routine, d.Via = from, method, -1, "activerecord-sql"
		d.Line = line + d.Line - 1
		e.f.Data = append(e.f.Data, d)
	}
}

// sqlText is SQL evaluated from an expression.
type sqlText struct {
	parts []facts.SQLPart // literal text, or constants to look up elsewhere
	ok    bool            // some literal text was found
}

const dyn = "__dyn__"

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
	if p.Const == "" && p.Text == "" {
		return
	}
	if n := len(s.parts); n > 0 && p.Const == "" && s.parts[n-1].Const == "" {
		s.parts[n-1].Text += p.Text
		return
	}
	s.parts = append(s.parts, p)
}

func (e *extractor) isStringNode(i int32) bool {
	switch e.kind(i) {
	case kString, kChainedString, kHeredocBeginning:
		return true
	}
	return false
}

// stringValue evaluates a string expression.
func (e *extractor) stringValue(i int32) sqlText {
	var s sqlText
	e.appendString(i, &s, 0)
	return s
}

var passThrough = wordSet(`squish squish! strip lstrip rstrip chomp freeze dup to_s html_safe strip_heredoc`)

func (e *extractor) appendString(i int32, s *sqlText, depth int) {
	if i < 0 || depth > 30 {
		s.add(facts.SQLPart{Text: dyn})
		return
	}
	switch e.kind(i) {
	case kString, kHeredocBody:
		s.ok = true
		for c := e.firstChild(i); c >= 0; c = e.next(c) {
			switch e.kind(c) {
			case kStringContent, kHeredocContent:
				s.add(facts.SQLPart{Text: e.text(c)})
			case kEscapeSequence:
				s.add(facts.SQLPart{Text: unescape(e.text(c))})
			case kInterpolation:
				x := e.firstChild(c)
				for x >= 0 && e.kind(x) == kComment {
					x = e.next(x)
				}
				if x >= 0 && e.next(x) < 0 {
					e.appendString(x, s, depth+1)
				} else {
					s.add(facts.SQLPart{Text: dyn})
				}
			}
		}
	case kChainedString:
		for c := e.firstChild(i); c >= 0; c = e.next(c) {
			e.appendString(c, s, depth+1)
		}
	case kHeredocBeginning:
		e.appendString(e.heredocBody(i), s, depth+1)
	case kBinary:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if l < 0 || r < 0 || strings.TrimSpace(string(e.t.Src[e.t.Nodes[l].End:e.t.Nodes[r].Start])) != "+" {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		e.appendString(l, s, depth+1)
		e.appendString(r, s, depth+1)
	case kParenthesized:
		if c := e.firstChild(i); c >= 0 && e.next(c) < 0 {
			e.appendString(c, s, depth+1)
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	case kIdentifier:
		if l, ok := e.lookupLocal(e.text(i)); ok && l.str >= 0 {
			e.appendString(l.str, s, depth+1)
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	case kConstant, kScopeResolution:
		n, ok := e.constName(i)
		if !ok {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		if v, ok := e.localConst(n); ok {
			s.ok = true
			s.add(facts.SQLPart{Text: v})
			return
		}
		s.add(facts.SQLPart{Const: dotted(n)})
	case kCall:
		recv, meth := e.child(i, e.g.fReceiver), e.child(i, e.g.fMethod)
		if recv >= 0 && meth >= 0 && passThrough[e.text(meth)] {
			e.appendString(recv, s, depth+1)
			return
		}
		if recv >= 0 && meth >= 0 && e.text(meth) == "sql" {
			if n, ok := e.constName(recv); ok && strings.TrimPrefix(n, "::") == "Arel" {
				if args := e.child(i, e.g.fArguments); args >= 0 {
					e.appendString(e.firstChild(args), s, depth+1)
					return
				}
			}
		}
		s.add(facts.SQLPart{Text: dyn})
	default:
		s.add(facts.SQLPart{Text: dyn})
	}
}

// heredocBody finds the body of the heredoc that node h begins: the
// bodies follow the line in the order their beginnings appear on it.
func (e *extractor) heredocBody(h int32) int32 {
	lineStart := e.lines[e.lineOf(h)-1]
	skip := 0
	for j := h - 1; j >= 0 && e.t.Nodes[j].Start >= lineStart; j-- {
		if e.kind(j) == kHeredocBeginning {
			skip++
		}
	}
	for j := h + 1; j < int32(len(e.t.Nodes)); j++ {
		if e.kind(j) == kHeredocBody {
			if skip == 0 {
				return j
			}
			skip--
		}
	}
	return -1
}

func unescape(s string) string {
	if u, err := strconv.Unquote(`"` + s + `"`); err == nil {
		return u
	}
	return strings.TrimPrefix(s, `\`)
}

// localConst finds a string constant of the enclosing types in this file
// by its name as written (NAME, or Type::NAME naming an enclosing type).
func (e *extractor) localConst(written string) (string, bool) {
	owner, name := "", written
	if k := strings.LastIndex(written, "::"); k >= 0 {
		owner, name = dotted(written[:k]), written[k+2:]
	}
	for j := len(e.frames) - 1; j >= 0; j-- {
		fr := e.frames[j]
		if fr.typ < 0 || owner != "" && fr.name != owner && !strings.HasSuffix(fr.name, "."+owner) {
			continue
		}
		for _, f := range e.f.Types[fr.typ].Fields {
			if f.Name == name && f.Value != "" {
				return f.Value, true
			}
		}
	}
	return "", false
}

// --- the schema ---

// schemaCall reads the schema DSL of db/schema.rb and migrations. It
// reports whether the call was one (its arguments and block are walked).
func (e *extractor) schemaCall(i int32, name string, recv, args, blk int32) bool {
	switch name {
	case "create_table", "create_join_table", "add_foreign_key", "add_reference", "add_belongs_to", "change_table":
	default:
		return false
	}
	if args < 0 {
		return false
	}
	pos, kw := e.arguments(args)
	via := "migration"
	if strings.HasSuffix(e.f.Path, "schema.rb") {
		via = "schema.rb"
	}
	table := func(n int32) string {
		s, ok := e.symbolText(n)
		if !ok {
			return ""
		}
		return strings.ToLower(s)
	}
	line := e.lineOf(i)
	switch name {
	case "create_table", "change_table":
		if len(pos) == 0 {
			return false
		}
		t := table(pos[0])
		if t == "" {
			return false
		}
		tab := facts.Table{Name: t, Kind: facts.BaseTable, Entity: -1, Line: line, Via: via}
		if blk >= 0 {
			tab.ForeignKeys = e.blockReferences(blk)
		}
		if name == "create_table" || len(tab.ForeignKeys) > 0 {
			e.f.Tables = append(e.f.Tables, tab)
		}
	case "create_join_table":
		if len(pos) < 2 {
			return false
		}
		a, b := table(pos[0]), table(pos[1])
		if a == "" || b == "" {
			return false
		}
		t := JoinTableName(Pluralize(a), Pluralize(b))
		if n, ok := kw["table_name"]; ok {
			if s := table(n); s != "" {
				t = s
			}
		}
		e.f.Tables = append(e.f.Tables, facts.Table{Name: t, Kind: facts.BaseTable, Entity: -1, Line: line, Via: via})
	case "add_foreign_key":
		if len(pos) < 2 {
			return false
		}
		from, to := table(pos[0]), table(pos[1])
		if from == "" || to == "" {
			return false
		}
		col := Singularize(to) + "_id"
		if n, ok := kw["column"]; ok {
			if s, ok := e.symbolText(n); ok {
				col = s
			}
		}
		e.f.Tables = append(e.f.Tables, facts.Table{Name: from, Kind: facts.BaseTable, Entity: -1, Line: line, Via: via,
			ForeignKeys: []facts.ForeignKey{{Columns: []string{col}, Table: to, Line: line}}})
	case "add_reference", "add_belongs_to":
		if len(pos) < 2 {
			return false
		}
		from := table(pos[0])
		if from == "" {
			return false
		}
		if fk, ok := e.referenceKey(pos[1], kw, line); ok {
			e.f.Tables = append(e.f.Tables, facts.Table{Name: from, Kind: facts.BaseTable, Entity: -1, Line: line, Via: via,
				ForeignKeys: []facts.ForeignKey{fk}})
		}
	}
	e.walkArgs(args, blk)
	return true
}

// arguments splits a call's arguments into positional ones and keyword
// ones (by key).
func (e *extractor) arguments(args int32) (pos []int32, kw map[string]int32) {
	for a := e.firstChild(args); a >= 0; a = e.next(a) {
		switch e.kind(a) {
		case kComment:
		case kPair:
			k, v := e.child(a, e.g.fKey), e.child(a, e.g.fValue)
			if k < 0 || v < 0 {
				continue
			}
			if key, ok := e.symbolText(k); ok {
				if kw == nil {
					kw = map[string]int32{}
				}
				kw[key] = v
			}
		default:
			pos = append(pos, a)
		}
	}
	return pos, kw
}

// referenceKey reads the foreign key of `references :customer,
// foreign_key: true` (or foreign_key: {to_table: :members}); none when
// the reference has no foreign key or is polymorphic.
func (e *extractor) referenceKey(ref int32, kw map[string]int32, line int) (facts.ForeignKey, bool) {
	name, ok := e.symbolText(ref)
	if !ok || name == "" {
		return facts.ForeignKey{}, false
	}
	if p, ok := kw["polymorphic"]; ok && e.kind(p) == kTrue {
		return facts.ForeignKey{}, false
	}
	v, ok := kw["foreign_key"]
	if !ok {
		return facts.ForeignKey{}, false
	}
	to := Pluralize(strings.ToLower(name))
	switch e.kind(v) {
	case kTrue:
	case kHash:
		// { to_table: :members, ... }
		found := false
		for c := e.firstChild(v); c >= 0; c = e.next(c) {
			if e.kind(c) != kPair {
				continue
			}
			k, val := e.child(c, e.g.fKey), e.child(c, e.g.fValue)
			if k < 0 || val < 0 {
				continue
			}
			if key, _ := e.symbolText(k); key == "to_table" {
				if s, ok := e.symbolText(val); ok {
					to, found = strings.ToLower(s), true
				}
			}
		}
		_ = found
	default:
		return facts.ForeignKey{}, false
	}
	return facts.ForeignKey{Columns: []string{strings.ToLower(name) + "_id"}, Table: to, Line: line}, true
}

// blockReferences reads the t.references and t.belongs_to of a
// create_table or change_table block.
func (e *extractor) blockReferences(blk int32) []facts.ForeignKey {
	var fks []facts.ForeignKey
	end := e.end(blk)
	for j := blk + 1; j < end; j++ {
		if e.kind(j) != kCall {
			continue
		}
		m, args := e.child(j, e.g.fMethod), e.child(j, e.g.fArguments)
		if m < 0 || args < 0 || e.child(j, e.g.fReceiver) < 0 {
			continue
		}
		if n := e.text(m); n != "references" && n != "belongs_to" {
			continue
		}
		pos, kw := e.arguments(args)
		for _, p := range pos {
			if fk, ok := e.referenceKey(p, kw, e.lineOf(j)); ok {
				fks = append(fks, fk)
			}
		}
	}
	return fks
}
