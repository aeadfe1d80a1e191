package csharp

// Data access in C#.
//
// Entity Framework: a type with DbSet<T> properties (a DbContext) maps each
// T to a table, named by the property (EF Core's default), unless the same
// file maps T explicitly with the fluent `Entity<T>().ToTable("x")`; such a
// table fact has Via "ef-dbset" when named by default, "ef" when named
// explicitly, and EntityName T as written. A class with [Table("x")] (or
// [Table("x", Schema = "s")]) maps itself to x (Via "ef", Entity set); an
// IEntityTypeConfiguration<T> calling builder.ToTable("x") maps T to x.
// Package graph resolves EntityName and lets an explicit name win over a
// DbSet's default for the same entity.
//
// Dapper: a call of Query, QueryAsync, QueryFirst(OrDefault)(Async),
// QuerySingle(OrDefault)(Async), QueryMultiple(Async), Execute(Async),
// ExecuteScalar(Async) or ExecuteReader(Async), in a file that imports
// Dapper or on a receiver whose declared type is a connection, with the
// SQL as its first argument (or `sql:`). With `commandType:
// CommandType.StoredProcedure` the text is a procedure name: a Calls
// access. Otherwise it is SQL, read by package sql as a fragment (a bare
// procedure name is a call there too).
//
// ADO.NET: `new SqlCommand(text, ...)` (and the Npgsql, MySql, Oracle,
// Sqlite, OleDb, Odbc commands), and `x.CommandText = text`; a command is a
// procedure call when the method sets `CommandType =
// CommandType.StoredProcedure` on it (in its initializer or by
// assignment).
//
// The text is evaluated from string literals (regular, verbatim, raw),
// concatenations, interpolations and the string constants of the file.
// What refers to constants or properties declared elsewhere (Bitwarden's
// $"[{Schema}].[{Table}_ReadById]") becomes a facts.SQLText for package
// graph to complete; a procedure name is then written as "EXEC name".
// Anything else that is computed at run time is __dyn__ (see package sql).

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
	"github.com/seams-dev/seams/parsers/sql"
)

type dataState struct {
	dapper   bool                // the file imports Dapper
	toTable  map[string]string   // entity as written -> table, from fluent ToTable in this file
	dbsets   []dbset             // DbSet<T> properties met
	commands []command           // ADO.NET command texts, by method
	procVars map[procKey]bool    // commands set to CommandType.StoredProcedure
	consumed map[string]struct{} // toTable entries used by a DbSet
}

type dbset struct {
	entity, property string
	line             int
}

type procKey struct {
	from, method int
	variable     string
}

type command struct {
	key  procKey
	text sqlText
	proc bool
	line int
}

func (d *dataState) reset() {
	*d = dataState{}
}

// sqlText is SQL (or a procedure name) evaluated from an expression.
type sqlText struct {
	parts []facts.SQLPart // literal text, or constants to look up elsewhere
	ok    bool            // some text was found
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

const dyn = "__dyn__"

// stringValue evaluates a string expression: literals, concatenations,
// interpolations and names of constants (this file's are looked up, others
// are left to package graph).
func (e *extractor) stringValue(i int32) sqlText {
	var s sqlText
	e.appendString(i, &s, 0)
	return s
}

func (e *extractor) appendString(i int32, s *sqlText, depth int) {
	if i < 0 || depth > 50 {
		s.add(facts.SQLPart{Text: dyn})
		return
	}
	switch e.kind(i) {
	case kStringLiteral:
		s.ok = true
		s.add(facts.SQLPart{Text: e.literalText(i)})
	case kVerbatimString:
		s.ok = true
		t := e.text(i)
		t = strings.TrimSuffix(strings.TrimPrefix(t, "@"), "\"")
		t = strings.TrimPrefix(t, "\"")
		s.add(facts.SQLPart{Text: strings.ReplaceAll(t, `""`, `"`)})
	case kRawString:
		s.ok = true
		var b strings.Builder
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kRawStringContent {
				b.WriteString(e.text(c))
			}
		}
		s.add(facts.SQLPart{Text: b.String()})
	case kInterpolatedString:
		s.ok = true
		verbatim := strings.Contains(e.text(i)[:min(3, len(e.text(i)))], "@")
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kStringContentPart:
				t := e.text(c)
				if verbatim {
					t = strings.ReplaceAll(t, `""`, `"`)
				}
				s.add(facts.SQLPart{Text: t})
			case kEscapeSequence:
				s.add(facts.SQLPart{Text: unescape(e.text(c))})
			case kInterpolation:
				x := int32(-1)
				for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
					switch e.kind(d) {
					case kInterpolationBrace, kInterpolationFormat, kInterpolationAlignment, kComment:
					default:
						if x < 0 {
							x = d
						}
					}
				}
				e.appendString(x, s, depth+1)
			}
		}
	case kBinaryExpr:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		if op := e.between(l, r); strings.TrimSpace(op) != "+" {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		e.appendString(l, s, depth+1)
		e.appendString(r, s, depth+1)
	case kParenthesized:
		e.appendString(e.t.FirstChild(i), s, depth+1)
	case kIdentifier:
		name := e.text(i)
		if v, ok := e.localConst(name); ok {
			s.ok = true
			s.add(facts.SQLPart{Text: v})
			return
		}
		if e.isLocal(name) {
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		s.add(facts.SQLPart{Const: name})
	case kMemberAccess:
		if d, ok := e.dottedName(i); ok {
			s.add(facts.SQLPart{Const: d})
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	default:
		s.add(facts.SQLPart{Text: dyn})
	}
}

// between returns the source text between two sibling nodes (an
// operator).
func (e *extractor) between(a, b int32) string {
	if a < 0 || b < 0 {
		return ""
	}
	return string(tsflat.StripComments(e.t.Src[e.t.Nodes[a].End:e.t.Nodes[b].Start]))
}

// literalText returns the content of a regular string literal with its
// escape sequences applied.
func (e *extractor) literalText(i int32) string {
	var b strings.Builder
	for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kStringContent:
			b.WriteString(e.text(c))
		case kEscapeSequence:
			b.WriteString(unescape(e.text(c)))
		}
	}
	return b.String()
}

func unescape(s string) string {
	if u, err := strconv.Unquote(`"` + s + `"`); err == nil {
		return u
	}
	return strings.TrimPrefix(s, `\`)
}

// localConst finds a string constant of the enclosing types in this file.
func (e *extractor) localConst(name string) (string, bool) {
	for j := len(e.frames) - 1; j >= 0; j-- {
		for _, f := range e.f.Types[e.frames[j].typ].Fields {
			if f.Name == name && f.Value != "" {
				return f.Value, true
			}
		}
	}
	return "", false
}

// constValue returns the value of a string constant's initializer when it
// is made of literals and this file's constants only.
func (e *extractor) constValue(i int32) string {
	if i < 0 {
		return ""
	}
	s := e.stringValue(i)
	if t, ok := s.complete(); ok && s.ok && !strings.Contains(t, dyn) {
		return t
	}
	return ""
}

var dapperMethods = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`Query QueryFirst QueryFirstOrDefault QuerySingle QuerySingleOrDefault
		QueryMultiple Execute ExecuteScalar ExecuteReader QueryUnbufferedAsync`) {
		m[n], m[n+"Async"] = true, true
	}
	return m
}()

// dataCall looks at a method call for data access: Dapper, and EF's
// fluent ToTable.
func (e *extractor) dataCall(inv int32, member string, recvNode int32) {
	switch {
	case member == "ToTable":
		e.fluentToTable(inv, recvNode)
	case dapperMethods[member] && recvNode >= 0 && (e.dapperFile() || e.isConnection(recvNode)):
		e.dapper(inv)
	case recvNode >= 0 && e.kind(recvNode) == kMemberAccess:
		e.dbSetCall(inv, member, recvNode)
	}
}

// efWrites are the DbSet methods that write; any other call on a DbSet
// queries it.
var efWrites = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`Add AddRange Update UpdateRange Remove RemoveRange Attach AttachRange
		ExecuteDelete ExecuteUpdate`) {
		m[n], m[n+"Async"] = true, true
	}
	return m
}()

// dbSetCall looks at a call on a property of a variable whose type is
// named as EF names contexts (CatalogDbContext, StoreContext):
// _db.Products.Add(p). The property is declared in another file, so the
// access names the entity as "CatalogDbContext#Products" for package
// graph, which reads the property's DbSet<T> and maps T to its table; a
// property that is no DbSet is no access.
func (e *extractor) dbSetCall(inv int32, member string, recv int32) {
	obj, prop := e.child(recv, e.g.fExpression), e.child(recv, e.g.fName)
	if obj < 0 || prop < 0 || e.kind(obj) != kIdentifier {
		return
	}
	name := e.text(obj)
	t, ok := "", false
	if l, found := e.lookupLocal(name); found {
		t, ok = l.typ, true
	} else {
		t, ok = e.lookupField(name)
	}
	t = baseOf(t)
	if !ok || !strings.HasSuffix(t, "Context") || t == "HttpContext" {
		return
	}
	kind := facts.Reads
	if efWrites[member] {
		kind = facts.Writes
	}
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: kind, Entity: t + "#" + e.text(prop), From: e.from(), Method: e.method,
		Routine: -1, Line: e.lineOf(inv), Via: "ef"})
}

func (e *extractor) dapperFile() bool {
	for _, imp := range e.f.Imports {
		if imp.Name == "Dapper" {
			return true
		}
	}
	return false
}

// isConnection reports whether a receiver is a variable declared as a
// database connection or transaction.
func (e *extractor) isConnection(i int32) bool {
	if e.kind(i) != kIdentifier {
		return false
	}
	name := e.text(i)
	t, ok := "", false
	if l, found := e.lookupLocal(name); found {
		t, ok = l.typ, true
	} else {
		t, ok = e.lookupField(name)
	}
	return ok && (strings.HasSuffix(baseOf(t), "Connection") || strings.HasSuffix(baseOf(t), "Transaction"))
}

func baseOf(written string) string {
	if i := strings.IndexByte(written, '<'); i >= 0 {
		written = written[:i]
	}
	return written[strings.LastIndexByte(written, '.')+1:]
}

// arguments returns the argument expressions of a call, positional ones in
// order and named ones by name.
func (e *extractor) arguments(list int32) (pos []int32, named map[string]int32) {
	for a := e.t.FirstChild(list); a >= 0; a = e.t.Nodes[a].Next {
		if e.kind(a) != kArgument {
			continue
		}
		var x int32 = -1
		nm := e.child(a, e.g.fName)
		for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
			if c != nm && e.kind(c) != kComment {
				x = c
			}
		}
		if nm >= 0 {
			if named == nil {
				named = map[string]int32{}
			}
			named[e.text(nm)] = x
		} else {
			pos = append(pos, x)
		}
	}
	return pos, named
}

// isStoredProcedure reports whether an expression is
// CommandType.StoredProcedure.
func (e *extractor) isStoredProcedure(i int32) bool {
	if i < 0 {
		return false
	}
	s := string(tsflat.Squeeze(e.bytesOf(i)))
	return s == "CommandType.StoredProcedure" || strings.HasSuffix(s, ".CommandType.StoredProcedure")
}

func (e *extractor) dapper(inv int32) {
	list := e.child(inv, e.g.fArguments)
	if list < 0 {
		return
	}
	pos, named := e.arguments(list)
	text := int32(-1)
	if x, ok := named["sql"]; ok {
		text = x
	} else if len(pos) > 0 {
		text = pos[0]
	}
	if text < 0 {
		return
	}
	proc := false
	if x, ok := named["commandType"]; ok {
		proc = e.isStoredProcedure(x)
	}
	for j, p := range pos {
		// Dapper's positional order: sql, param, transaction, commandTimeout, commandType.
		if j > 0 && e.isStoredProcedure(p) {
			proc = true
		}
	}
	s := e.stringValue(text)
	if !s.ok && len(s.parts) == 1 && s.parts[0].Const == "" {
		return // not a string at all
	}
	e.emitSQL(s, proc, e.lineOf(text), "dapper", e.from(), e.method)
}

// emitSQL emits the accesses of a command text: a procedure call, or SQL.
func (e *extractor) emitSQL(s sqlText, proc bool, line int, via string, from, method int) {
	text, complete := s.complete()
	if !complete && proc {
		if name, ok := procAfterDynamicSchema(s.parts); ok {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: name, From: from, Method: method,
				Routine: -1, Line: line, Guess: true, Via: via})
			return
		}
	}
	if !complete {
		parts := s.parts
		if proc {
			parts = append([]facts.SQLPart{{Text: "EXEC "}}, parts...)
		}
		e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: parts, From: from, Method: method, Line: line, Via: via})
		return
	}
	if proc {
		text = "EXEC " + text
	}
	res := sql.Extract(text, sql.Options{Fragment: true, Dialect: dialectOf(text, proc)})
	for _, d := range res.Data {
		if proc && d.Kind != facts.Calls {
			continue
		}
		d.From, d.Method, d.Routine, d.Via = from, method, -1, via
		d.Line = line + d.Line - 1
		e.f.Data = append(e.f.Data, d)
	}
}

// procAfterDynamicSchema reads a procedure name whose schema is a
// variable and whose name is written: $"[{Schema}].[User_DeleteById]",
// Schema + ".User_DeleteById". It returns the name alone, lower case, for
// package graph to qualify when the repository declares it in one schema
// only; the call is marked a guess.
func procAfterDynamicSchema(parts []facts.SQLPart) (string, bool) {
	var b strings.Builder
	for _, p := range parts {
		if p.Const != "" || p.Text == dyn {
			b.WriteByte(0)
			continue
		}
		b.WriteString(p.Text)
	}
	m := dynamicSchemaProc.FindStringSubmatch(strings.TrimSpace(b.String()))
	if m == nil {
		return "", false
	}
	return strings.ToLower(m[1]), true
}

var dynamicSchemaProc = regexp.MustCompile(`^\[?\x00\]?\.\[?([A-Za-z_][A-Za-z0-9_]*)\]?$`)

// dialectOf chooses how to read a command text: a procedure name as
// T-SQL (its brackets), anything else as detected.
func dialectOf(text string, proc bool) sql.Dialect {
	if proc || strings.Contains(text, "[") {
		return sql.TSQL
	}
	return sql.Auto
}

var commandTypes = map[string]bool{
	"SqlCommand": true, "NpgsqlCommand": true, "MySqlCommand": true, "OracleCommand": true,
	"SqliteCommand": true, "SQLiteCommand": true, "OleDbCommand": true, "OdbcCommand": true,
}

// dataNew looks at an object creation for an ADO.NET command.
func (e *extractor) dataNew(i int32) {
	ty := e.child(i, e.g.fType)
	if ty < 0 || !commandTypes[baseOf(e.typeName(ty))] {
		return
	}
	cmd := command{key: procKey{e.from(), e.method, e.assignedTo(i)}, line: e.lineOf(i)}
	if list := e.child(i, e.g.fArguments); list >= 0 {
		if pos, named := e.arguments(list); len(pos) > 0 {
			cmd.text = e.stringValue(pos[0])
			cmd.line = e.lineOf(pos[0])
		} else if x, ok := named["cmdText"]; ok {
			cmd.text = e.stringValue(x)
		}
	}
	if init := e.child(i, e.g.fInitializer); init >= 0 {
		for a := e.t.FirstChild(init); a >= 0; a = e.t.Nodes[a].Next {
			if e.kind(a) != kAssignment {
				continue
			}
			l, r := e.child(a, e.g.fLeft), e.child(a, e.g.fRight)
			switch {
			case l >= 0 && e.text(l) == "CommandType":
				cmd.proc = cmd.proc || e.isStoredProcedure(r)
			case l >= 0 && e.text(l) == "CommandText" && r >= 0:
				cmd.text = e.stringValue(r)
				cmd.line = e.lineOf(r)
			}
		}
	}
	if len(cmd.text.parts) > 0 {
		e.data.commands = append(e.data.commands, cmd)
	}
}

// assignedTo returns the variable an expression initialises or is
// assigned to, or "".
func (e *extractor) assignedTo(i int32) string {
	p := e.t.Nodes[i].Parent
	if p < 0 {
		return ""
	}
	switch e.kind(p) {
	case kVarDeclarator:
		if nm := e.child(p, e.g.fName); nm >= 0 {
			return e.text(nm)
		}
	case kAssignment:
		if l := e.child(p, e.g.fLeft); l >= 0 && e.child(p, e.g.fRight) == i {
			return string(tsflat.Squeeze(e.bytesOf(l)))
		}
	}
	return ""
}

// dataAssignment looks at an assignment for an ADO.NET command's text or
// type.
func (e *extractor) dataAssignment(i int32) {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 || e.kind(l) != kMemberAccess {
		return
	}
	nm, obj := e.child(l, e.g.fName), e.child(l, e.g.fExpression)
	if nm < 0 || obj < 0 {
		return
	}
	v := string(tsflat.Squeeze(e.bytesOf(obj)))
	switch e.text(nm) {
	case "CommandText":
		s := e.stringValue(r)
		if s.ok || len(s.parts) > 0 && s.parts[0].Const != "" {
			e.data.commands = append(e.data.commands, command{key: procKey{e.from(), e.method, v}, text: s, line: e.lineOf(r)})
		}
	case "CommandType":
		if e.isStoredProcedure(r) {
			if e.data.procVars == nil {
				e.data.procVars = map[procKey]bool{}
			}
			e.data.procVars[procKey{e.from(), e.method, v}] = true
		}
	}
}

// fluentToTable reads EF's Entity<T>().ToTable("x") and, in an entity
// configuration, builder.ToTable("x").
func (e *extractor) fluentToTable(inv, recvNode int32) {
	list := e.child(inv, e.g.fArguments)
	if list < 0 || recvNode < 0 {
		return
	}
	pos, named := e.arguments(list)
	if len(pos) == 0 {
		return
	}
	name, ok := e.stringValue(pos[0]).complete()
	if !ok || name == "" || strings.Contains(name, dyn) {
		return
	}
	schema := int32(-1)
	if x, ok := named["schema"]; ok {
		schema = x
	} else if len(pos) > 1 {
		schema = pos[1]
	}
	if schema >= 0 {
		if s, ok := e.stringValue(schema).complete(); ok && s != "" && !strings.Contains(s, dyn) {
			name = s + "." + name
		}
	}
	entity := e.builderEntity(recvNode)
	if entity == "" {
		return
	}
	if e.data.toTable == nil {
		e.data.toTable = map[string]string{}
	}
	e.data.toTable[entity] = name
}

// builderEntity returns the entity a fluent builder configures: T of
// Entity<T>() or of a variable declared EntityTypeBuilder<T>.
func (e *extractor) builderEntity(i int32) string {
	switch e.kind(i) {
	case kInvocation:
		fn := e.child(i, e.g.fFunction)
		if fn < 0 {
			return ""
		}
		var g int32 = -1
		switch e.kind(fn) {
		case kMemberAccess:
			g = e.child(fn, e.g.fName)
		case kGenericName:
			g = fn
		}
		if g >= 0 && e.kind(g) == kGenericName {
			if id := e.childKind(g, kIdentifier); id >= 0 && e.text(id) == "Entity" {
				if ta := e.childKind(g, kTypeArgList); ta >= 0 {
					if t := e.t.FirstChild(ta); t >= 0 {
						return e.typeName(t)
					}
				}
			}
		}
	case kIdentifier:
		if l, ok := e.lookupLocal(e.text(i)); ok && strings.HasPrefix(l.typ, "EntityTypeBuilder<") {
			return baseName(strings.TrimSuffix(strings.TrimPrefix(l.typ, "EntityTypeBuilder<"), ">"))
		}
	}
	return ""
}

func baseName(w string) string {
	if i := strings.IndexByte(w, '<'); i >= 0 {
		return w[:i]
	}
	return w
}

// dataTypeDone looks at a declared type for mappings: its DbSet<T>
// properties and a [Table] attribute.
func (e *extractor) dataTypeDone(decl int32, typ int) {
	t := &e.f.Types[typ]
	for _, f := range t.Fields {
		if strings.HasPrefix(f.Type, "DbSet<") && strings.HasSuffix(f.Type, ">") && !f.Static {
			ent := strings.TrimSuffix(strings.TrimPrefix(f.Type, "DbSet<"), ">")
			e.data.dbsets = append(e.data.dbsets, dbset{entity: ent, property: f.Name, line: f.Line})
		}
	}
	for c := e.t.FirstChild(decl); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kAttributeList {
			continue
		}
		for a := e.t.FirstChild(c); a >= 0; a = e.t.Nodes[a].Next {
			nm := e.child(a, e.g.fName)
			if e.kind(a) != kAttribute || nm < 0 {
				continue
			}
			if n := baseOf(e.typeName(nm)); n != "Table" && n != "TableAttribute" {
				continue
			}
			name, schema := e.attributeStrings(a)
			if name == "" {
				continue
			}
			if schema != "" {
				name = schema + "." + name
			}
			e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(name), Kind: facts.BaseTable, Entity: typ, Line: e.lineOf(a), Via: "ef"})
		}
	}
}

// attributeStrings reads [Table("name", Schema = "s")].
func (e *extractor) attributeStrings(a int32) (name, schema string) {
	for l := e.t.FirstChild(a); l >= 0; l = e.t.Nodes[l].Next {
		if e.g.lang.SymbolName(e.t.Nodes[l].Kind) != "attribute_argument_list" {
			continue
		}
		for arg := e.t.FirstChild(l); arg >= 0; arg = e.t.Nodes[arg].Next {
			key := e.child(arg, e.g.fName)
			var x int32 = -1
			for c := e.t.FirstChild(arg); c >= 0; c = e.t.Nodes[c].Next {
				if c != key && e.kind(c) != kComment {
					x = c
				}
			}
			if x < 0 {
				continue
			}
			v, ok := e.stringValue(x).complete()
			if !ok || strings.Contains(v, dyn) {
				continue
			}
			switch {
			case key < 0 && name == "":
				name = v
			case key >= 0 && e.text(key) == "Schema":
				schema = v
			}
		}
	}
	return name, schema
}

// dataFileDone emits what needed the whole file: the DbSet tables (named
// by this file's fluent mapping when there is one), the remaining fluent
// mappings, and the ADO.NET commands.
func (e *extractor) dataFileDone() {
	for _, s := range e.data.dbsets {
		t := facts.Table{Name: strings.ToLower(s.property), Kind: facts.BaseTable, Entity: -1, EntityName: s.entity, Line: s.line, Via: "ef-dbset"}
		if n, ok := e.data.toTable[s.entity]; ok {
			t.Name, t.Via = strings.ToLower(n), "ef"
			if e.data.consumed == nil {
				e.data.consumed = map[string]struct{}{}
			}
			e.data.consumed[s.entity] = struct{}{}
		}
		e.f.Tables = append(e.f.Tables, t)
	}
	for _, ent := range slices.Sorted(maps.Keys(e.data.toTable)) {
		if _, ok := e.data.consumed[ent]; !ok {
			e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(e.data.toTable[ent]), Kind: facts.BaseTable, Entity: -1, EntityName: ent, Via: "ef"})
		}
	}
	for _, c := range e.data.commands {
		e.emitSQL(c.text, c.proc || e.data.procVars[c.key], c.line, "ado.net", c.key.from, c.key.method)
	}
}
