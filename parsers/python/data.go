package python

// Data access in Python.
//
// Django: a class is a model when a base is django's Model (models.Model,
// with models imported from django.db or django.contrib.gis.db), when its
// body declares a field of django's models module (models.CharField(...),
// or a name imported from it), or when its Meta names a db_table; an
// abstract (Meta.abstract = True) or proxy model has no table of its own.
// Its table (Via "django", Inheritance "joined": each concrete model of a
// multi-table hierarchy has its own) is Meta.db_table, else
// "<app_label>_<model name lower-cased>", the app label being
// Meta.app_label or, by default, the name of the directory that holds
// models.py (or the models package): that one only the path says, so the
// fact has AppLabel set and package graph completes the name. A ForeignKey or OneToOneField is a foreign key of
// the table to the target model as written (a class, "self", "Model" or
// "app_label.Model"; package graph resolves it); a ManyToManyField
// without `through` declares its join table, "<table>_<field>" or its
// db_table, with foreign keys to both sides (Via "django-m2m").
//
// QuerySet calls: the outermost QuerySet method of a chain rooted at a
// manager of a class (X.objects, X._default_manager, X._base_manager, and
// Flask-SQLAlchemy's X.query) is an access to X's table: create,
// get_or_create, update_or_create, bulk_create, bulk_update, update and
// delete write it, any other QuerySet method reads it. x.save() and
// x.delete() write the table of x's class when the file says it (a local
// annotated or made by the class or by a manager's get/create, self or
// super() in the model), x.refresh_from_db() reads it. X.objects.raw(sql)
// is the SQL's accesses.
//
// SQLAlchemy: a class with __tablename__ (or __table__ = Table("x", ...))
// maps itself to that table (Via "sqlalchemy"), Column(ForeignKey("t.c"))
// adds a foreign key; a module variable assigned Table("x", metadata,
// ...) declares x. session.query(X, ...) and session.get(X, ...) read X's
// table, session.add/delete/merge(x) write x's (on a receiver whose name
// says session); select(X) reads and insert/update/delete(X) write, when
// those names are imported from sqlalchemy; t.select()/insert()/update()/
// delete() on a module Table variable access its table.
//
// SQL: the first argument of execute, executemany, executescript (a DB-API
// cursor, a connection, a session, alembic's op) and of RawSQL, and of
// sqlalchemy's text(), when it is SQL (its first word a statement verb),
// is read by package sql; callproc(name) calls a procedure. The text is
// evaluated from literals, implicit and + concatenations, %-formatting
// (the template), this module's string constants and the function's
// locals assigned a constant; f-string interpolations and anything else
// computed are __dyn__. A constant of another module (imported by name,
// or reached as module.NAME or Class.NAME) becomes a facts.SQLText for
// package graph to complete.

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

type dataState struct {
	tables map[string]string // module variable -> table, from Table("x", ...)
}

func (d *dataState) reset() {
	*d = dataState{}
}

// classInfo is what a class body says about its mapping.
type classInfo struct {
	name      string
	bases     []string         // as written
	meta      map[string]int32 // Meta option -> its value node
	fields    []modelField     // django model fields
	tablename string           // SQLAlchemy __tablename__
	fks       []facts.ForeignKey
}

type modelField struct {
	name, kind string // the field's attribute, the field class (CharField, ForeignKey...)
	args       int32
	line       int
}

// djangoModule reports whether an import names django's models module.
func djangoModule(name string) bool {
	return strings.HasPrefix(name, "django.") && strings.HasSuffix(name, ".db.models")
}

// importOf returns the import that binds name, if any.
func (e *extractor) importOf(name string) (facts.Import, bool) {
	for k, b := range e.imports {
		if b.name == name {
			return e.f.Imports[k], true
		}
	}
	return facts.Import{}, false
}

// fromDjangoModels reports whether a callee path (as written) names a
// member of django's models module: models.X with models bound to it,
// or X imported from it (or from a module of django's fields). It
// returns the member.
func (e *extractor) fromDjangoModels(path string) (string, bool) {
	root, rest, dotted := strings.Cut(path, ".")
	imp, ok := e.importOf(root)
	if !ok {
		return "", false
	}
	if dotted {
		if strings.Contains(rest, ".") {
			return "", false
		}
		if djangoModule(ImportPath(imp)) {
			return rest, true
		}
		return "", false
	}
	if imp.From != "" && strings.HasPrefix(imp.From, "django.") {
		mod := imp.From
		if djangoModule(mod) || strings.HasPrefix(mod, "django.contrib.") && strings.HasSuffix(mod, ".fields") {
			return path, true
		}
	}
	return "", false
}

// fromSQLAlchemy reports whether a name is bound by an import from
// sqlalchemy.
func (e *extractor) fromSQLAlchemy(name string) bool {
	imp, ok := e.importOf(name)
	p := ImportPath(imp)
	return ok && (p == "sqlalchemy" || strings.HasPrefix(p, "sqlalchemy.") || strings.HasPrefix(p, "flask_sqlalchemy"))
}

// calleePath returns the global path a call's callee names, without
// emitting anything.
func (e *extractor) calleePath(call int32) string {
	if call < 0 || e.kind(call) != kCall {
		return ""
	}
	fn := e.child(call, e.g.fFunction)
	if fn < 0 {
		return ""
	}
	p, ok := e.pathOf(fn)
	if !ok {
		return ""
	}
	return p
}

// pathOf is staticPath without marking names used.
func (e *extractor) pathOf(i int32) (string, bool) {
	switch e.kind(i) {
	case kIdentifier:
		name := e.text(i)
		if e.lookup(name) != nil {
			return "", false
		}
		return e.globalPath(name), true
	case kAttribute:
		obj, attr := e.child(i, e.g.fObject), e.child(i, e.g.fAttribute)
		if obj < 0 || attr < 0 {
			return "", false
		}
		p, ok := e.pathOf(obj)
		if !ok {
			return "", false
		}
		return p + "." + e.text(attr), true
	}
	return "", false
}

func lastSegment(p string) string { return p[strings.LastIndexByte(p, '.')+1:] }

// dataAssign looks at an assignment to name in the body of type typ (the
// module, 0, or a class) for mappings.
func (e *extractor) dataAssign(typ int, name string, right int32) {
	if right < 0 {
		return
	}
	if typ == 0 {
		if e.calleePath(right) != "" && lastSegment(e.calleePath(right)) == "Table" {
			e.sqlaTable(name, right)
		}
		return
	}
	fr := e.frame()
	info := fr.info
	if info == nil {
		return
	}
	if info.name == "Meta" && len(e.frames) >= 2 {
		if outer := e.frames[len(e.frames)-2].info; outer != nil {
			if outer.meta == nil {
				outer.meta = map[string]int32{}
			}
			outer.meta[name] = right
		}
		return
	}
	switch name {
	case "__tablename__":
		if s, ok := e.constString(right); ok {
			info.tablename = s
		}
		return
	case "__table__":
		if lastSegment(e.calleePath(right)) == "Table" {
			if pos, _ := e.positional(e.child(right, e.g.fArguments)); len(pos) > 0 {
				if s, ok := e.constString(pos[0]); ok {
					info.tablename = s
				}
			}
		}
		return
	}
	callee := e.calleePath(right)
	if callee == "" {
		return
	}
	if member, ok := e.fromDjangoModels(callee); ok {
		if strings.HasSuffix(member, "Field") || member == "ForeignKey" {
			args := e.child(right, e.g.fArguments)
			info.fields = append(info.fields, modelField{name: name, kind: member, args: args, line: e.lineOf(right)})
			switch member {
			case "ForeignKey", "OneToOneField", "ManyToManyField":
				e.modelString(args, "to")
			}
		}
		return
	}
	if lastSegment(callee) == "relationship" && e.fromSQLAlchemy(strings.Split(callee, ".")[0]) {
		e.modelString(e.child(right, e.g.fArguments), "argument")
	}
	switch lastSegment(callee) {
	case "Column", "mapped_column":
		if fk, ok := e.sqlaForeignKey(e.child(right, e.g.fArguments)); ok {
			fk.Columns = []string{name}
			fk.Line = e.lineOf(right)
			info.fks = append(info.fks, fk)
		}
	}
}

// sqlaForeignKey finds ForeignKey("table.column") among the arguments
// of a Column.
func (e *extractor) sqlaForeignKey(args int32) (facts.ForeignKey, bool) {
	pos, _ := e.positional(args)
	for _, a := range pos {
		if lastSegment(e.calleePath(a)) != "ForeignKey" {
			continue
		}
		fpos, _ := e.positional(e.child(a, e.g.fArguments))
		if len(fpos) == 0 {
			continue
		}
		s, ok := e.constString(fpos[0])
		if !ok {
			continue
		}
		if dot := strings.LastIndexByte(s, '.'); dot > 0 {
			return facts.ForeignKey{Table: strings.ToLower(s[:dot])}, true
		}
	}
	return facts.ForeignKey{}, false
}

// sqlaTable declares the table of `name = Table("x", metadata, ...)`.
func (e *extractor) sqlaTable(name string, call int32) {
	args := e.child(call, e.g.fArguments)
	pos, _ := e.positional(args)
	if len(pos) == 0 {
		return
	}
	table, ok := e.constString(pos[0])
	if !ok || table == "" {
		return
	}
	table = strings.ToLower(table)
	t := facts.Table{Name: table, Kind: facts.BaseTable, Entity: -1, Line: e.lineOf(call), Via: "sqlalchemy"}
	for _, a := range pos[1:] {
		if lastSegment(e.calleePath(a)) != "Column" {
			continue
		}
		cargs := e.child(a, e.g.fArguments)
		if fk, ok := e.sqlaForeignKey(cargs); ok {
			if cpos, _ := e.positional(cargs); len(cpos) > 0 {
				if col, ok := e.constString(cpos[0]); ok {
					fk.Columns = []string{col}
				}
			}
			fk.Line = e.lineOf(a)
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
	}
	e.f.Tables = append(e.f.Tables, t)
	if e.data.tables == nil {
		e.data.tables = map[string]string{}
	}
	e.data.tables[name] = table
	// The variable stands for its table's name in the SQL SQLAlchemy
	// builds from it (str(table) is the name): other modules that import
	// it complete their insert(t), select(t)... with it.
	if k, ok := e.frames[0].fields[name]; ok {
		e.f.Types[0].Fields[k].Value = table
	}
}

// dataClassDone declares the table a class maps to, if any.
func (e *extractor) dataClassDone(typ int) {
	info := e.frame().info
	if info == nil || info.name == "Meta" {
		return
	}
	line := e.f.Types[typ].Line
	if info.tablename != "" {
		e.f.Tables = append(e.f.Tables, facts.Table{Name: strings.ToLower(info.tablename), Kind: facts.BaseTable,
			Entity: typ, ForeignKeys: info.fks, Line: line, Via: "sqlalchemy"})
		return
	}
	model := len(info.fields) > 0
	if _, ok := info.meta["db_table"]; ok {
		model = true
	}
	for _, b := range info.bases {
		if m, ok := e.fromDjangoModels(b); ok && m == "Model" {
			model = true
		}
	}
	if !model || e.metaTrue("abstract", info) || e.metaTrue("proxy", info) {
		return
	}
	// The table: db_table, else <app_label>_<model>, the label from
	// Meta, else from the path (package graph completes it).
	table, byLabel := "", false
	if v, ok := info.meta["db_table"]; ok {
		table, _ = e.constString(v)
	}
	if table == "" {
		table, byLabel = strings.ToLower(info.name), true
		if v, ok := info.meta["app_label"]; ok {
			if s, ok := e.constString(v); ok && s != "" {
				table, byLabel = strings.ToLower(s)+"_"+table, false
			}
		}
	}
	table = strings.ToLower(table)
	t := facts.Table{Name: table, Kind: facts.BaseTable, Entity: typ, Line: line, Via: "django", Inheritance: "joined", AppLabel: byLabel}
	for _, fd := range info.fields {
		switch fd.kind {
		case "ForeignKey", "OneToOneField":
			target, ok := e.relationTarget(fd.args)
			if !ok {
				continue
			}
			fk := facts.ForeignKey{Columns: []string{fd.name + "_id"}, Line: fd.line}
			if _, named := e.positional(fd.args); named != nil {
				if c, ok := named["db_column"]; ok {
					if s, ok := e.constString(c); ok {
						fk.Columns = []string{s}
					}
				}
			}
			if target == "self" {
				target = info.name
			}
			fk.Entity = target
			t.ForeignKeys = append(t.ForeignKeys, fk)
		case "ManyToManyField":
			target, ok := e.relationTarget(fd.args)
			_, named := e.positional(fd.args)
			if _, through := named["through"]; through || !ok {
				continue
			}
			jt := facts.Table{Name: table + "_" + strings.ToLower(fd.name), Kind: facts.BaseTable, Entity: -1, Line: fd.line,
				Via: "django-m2m", AppLabel: byLabel}
			if v, ok := named["db_table"]; ok {
				if s, ok := e.constString(v); ok {
					jt.Name, jt.AppLabel = strings.ToLower(s), false
				}
			}
			jt.ForeignKeys = append(jt.ForeignKeys, facts.ForeignKey{Columns: []string{strings.ToLower(info.name) + "_id"}, Entity: info.name, Line: fd.line})
			if target == "self" || target == info.name {
				jt.ForeignKeys = append(jt.ForeignKeys, facts.ForeignKey{Columns: []string{"to_" + strings.ToLower(info.name) + "_id"}, Entity: info.name, Line: fd.line})
			} else {
				col := strings.ToLower(lastSegment(target)) + "_id"
				jt.ForeignKeys = append(jt.ForeignKeys, facts.ForeignKey{Columns: []string{col}, Entity: target, Line: fd.line})
			}
			e.f.Tables = append(e.f.Tables, jt)
		}
	}
	e.f.Tables = append(e.f.Tables, t)
}

// relationType returns, for a Django ForeignKey or OneToOneField, the
// model it points to as written: the type of the field's value.
func (e *extractor) relationType(right int32) string {
	if right < 0 || e.kind(right) != kCall {
		return ""
	}
	callee := e.calleePath(right)
	if callee == "" {
		return ""
	}
	if m, ok := e.fromDjangoModels(callee); !ok || m != "ForeignKey" && m != "OneToOneField" {
		return ""
	}
	t, ok := e.relationTarget(e.child(right, e.g.fArguments))
	if !ok {
		return ""
	}
	if t == "self" {
		return e.frame().info.name
	}
	return t
}

// modelString emits a type-use of a model named by a string, the first
// argument (or keyword) of a relation: "catalog.Product", "Payment".
func (e *extractor) modelString(args int32, keyword string) {
	pos, named := e.positional(args)
	x := int32(-1)
	if len(pos) > 0 {
		x = pos[0]
	} else if v, ok := named[keyword]; ok {
		x = v
	}
	if x < 0 || e.kind(x) != kString {
		return
	}
	if s, ok := e.plainString(x); ok && s != "self" && isDottedName(s) {
		e.ref(facts.TypeUse, s, x)
	}
}

// metaTrue reports whether a Meta option is set to True.
func (e *extractor) metaTrue(option string, info *classInfo) bool {
	v, ok := info.meta[option]
	return ok && e.kind(v) == kTrue
}

// relationTarget returns the model a relation field points to, as
// written: its first argument or to=, a class path or a string.
func (e *extractor) relationTarget(args int32) (string, bool) {
	pos, named := e.positional(args)
	var x int32 = -1
	if len(pos) > 0 {
		x = pos[0]
	} else if v, ok := named["to"]; ok {
		x = v
	}
	if x < 0 {
		return "", false
	}
	if e.kind(x) == kString {
		s, ok := e.plainString(x)
		if !ok || s == "" || !isDottedName(s) {
			return "", false
		}
		return s, true
	}
	p, ok := e.pathOf(x)
	if !ok || strings.HasPrefix(p, "settings.") {
		return "", false
	}
	return p, true
}

// dataLocal remembers the SQL text of a local assigned a constant.
func (e *extractor) dataLocal(name string, l *local, right int32) {
	l.sql = nil
	if right < 0 {
		return
	}
	switch e.kind(right) {
	case kString, kConcatString, kBinaryOperator, kParenthesized:
		s := e.stringValue(right)
		if s.ok {
			l.sql = &s
		}
	}
}

// The QuerySet methods, by what they do to the table.
var (
	qsWrites = wordSet(`create get_or_create update_or_create bulk_create bulk_update update delete`)
	qsReads  = wordSet(`all filter exclude get first last latest earliest count exists aggregate annotate
		values values_list order_by select_related prefetch_related distinct only defer in_bulk iterator
		none using select_for_update dates datetimes union intersection difference extra alias contains
		explain reverse filter_by one one_or_none scalar get_or_404 first_or_404 paginate
		aget afirst alast acount aexists aaggregate ain_bulk aiterator alatest aearliest`)
	managers = wordSet(`objects _default_manager _base_manager query`)
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// managerEntity returns the class X of a receiver X.objects (or another
// manager), or of a chain of QuerySet calls on it.
func (e *extractor) managerEntity(recv value) (string, bool) {
	switch recv.kind {
	case vStatic:
		return managerOf(recv.path)
	case vExpr:
		for x := recv.expr; x >= 0; {
			ex := e.exprs[x]
			switch ex.Kind {
			case facts.ExprCall:
				if !qsReads[ex.Name] && !qsWrites[ex.Name] || ex.Base < 0 {
					return "", false
				}
				x = ex.Base
			case facts.ExprStatic:
				return managerOf(ex.Name)
			case facts.ExprField:
				// cls.objects in a classmethod, self.objects.
				if managers[ex.Name] && ex.Base >= 0 && e.exprs[ex.Base].Kind == facts.ExprThis {
					if c := e.entityOf(value{kind: vThis}); c != "" {
						return c, true
					}
				}
				return "", false
			default:
				return "", false
			}
		}
	}
	return "", false
}

// managerOf splits "X.objects" into X.
func managerOf(path string) (string, bool) {
	dot := strings.LastIndexByte(path, '.')
	if dot <= 0 || !managers[path[dot+1:]] {
		return "", false
	}
	return path[:dot], true
}

// chained reports whether a call's result is the receiver of another
// call of a QuerySet method: the outer call is the access.
func (e *extractor) chained(call int32) bool {
	p := e.t.Nodes[call].Parent
	if p < 0 || e.kind(p) != kAttribute || e.child(p, e.g.fObject) != call {
		return false
	}
	gp := e.t.Nodes[p].Parent
	if gp < 0 || e.kind(gp) != kCall || e.child(gp, e.g.fFunction) != p {
		return false
	}
	attr := e.child(p, e.g.fAttribute)
	return attr >= 0 && (qsReads[e.text(attr)] || qsWrites[e.text(attr)])
}

// entityOf returns the class of a value as written, when the file says
// it: an annotation, a constructor call, a manager's get or create.
func (e *extractor) entityOf(v value) string {
	switch v.kind {
	case vThis, vSuper:
		for j := len(e.frames) - 1; j >= 0; j-- {
			if e.frames[j].class {
				return e.frames[j].info.name
			}
		}
	case vType:
		return v.path
	case vExpr:
		x := e.exprs[v.expr]
		switch x.Kind {
		case facts.ExprType:
			return x.Name
		case facts.ExprCall:
			if x.Base < 0 {
				return x.Name
			}
			switch x.Name {
			case "get", "create", "first", "last", "latest", "earliest", "get_or_404", "first_or_404", "one", "one_or_none", "aget", "acreate":
				if ent, ok := e.managerEntity(value{kind: vExpr, expr: x.Base}); ok {
					return ent
				}
			}
			if b := e.exprs[x.Base]; b.Kind == facts.ExprStatic && !strings.Contains(x.Name, ".") && isClassName(x.Name) {
				return b.Name + "." + x.Name
			}
		}
	}
	return ""
}

// isClassName reports a CapWords name.
func isClassName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// argEntity returns the class of an argument that is a local or self,
// without walking it.
func (e *extractor) argEntity(a int32) string {
	if e.kind(a) != kIdentifier {
		return ""
	}
	l := e.lookup(e.text(a))
	if l == nil {
		return ""
	}
	return e.entityOf(e.localValue(l))
}

func (e *extractor) access(k facts.DataKind, entity, object string, at int32, via string) {
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: entity, Object: object, From: e.from(), Method: e.method,
		Routine: -1, Line: e.lineOf(at), Via: via})
}

// dataCall looks at a call for a data access: recv is the value of the
// callee's object (none for a bare name), member the name called.
func (e *extractor) dataCall(call int32, recv value, member string, args int32) {
	bare := recv.kind == vNone && e.kind(e.child(call, e.g.fFunction)) == kIdentifier
	switch {
	case qsReads[member] || qsWrites[member]:
		if ent, ok := e.managerEntity(recv); ok {
			if e.chained(call) {
				return
			}
			k := facts.Reads
			if qsWrites[member] {
				k = facts.Writes
			}
			e.access(k, ent, "", call, "django")
			return
		}
	}
	switch member {
	case "select", "insert", "update", "delete":
		// t.select(), t.insert()... on a SQLAlchemy Table object.
		if recv.kind == vStatic && e.data.tables[recv.path] != "" {
			e.tableCall(member, e.data.tables[recv.path], call)
			return
		}
		if recv.kind == vStatic && !isClassName(lastSegment(recv.path)) && e.importsSQLAlchemy() {
			e.tableVar(member, e.child(e.child(call, e.g.fFunction), e.g.fObject), recv.path, call)
			return
		}
	}
	switch member {
	case "save", "delete", "refresh_from_db":
		if bare {
			if member == "delete" && e.fromSQLAlchemy(member) {
				e.sqlaConstruct(member, args, call)
			}
			return
		}
		if ent := e.entityOf(recv); ent != "" {
			k := facts.Writes
			if member == "refresh_from_db" {
				k = facts.Reads
			}
			e.access(k, ent, "", call, "django")
		}
	case "query", "add", "merge", "get":
		if bare || !e.sessionLike(call) {
			return
		}
		pos, _ := e.positional(args)
		switch member {
		case "query":
			for _, a := range pos {
				if p, ok := e.pathOf(a); ok {
					e.access(facts.Reads, p, "", call, "sqlalchemy")
				}
			}
		case "get":
			if len(pos) > 0 {
				if p, ok := e.pathOf(pos[0]); ok {
					e.access(facts.Reads, p, "", call, "sqlalchemy")
				}
			}
		default:
			if len(pos) > 0 {
				if ent := e.argEntity(pos[0]); ent != "" {
					e.access(facts.Writes, ent, "", call, "sqlalchemy")
				}
			}
		}
	case "select", "insert", "update":
		if bare && e.fromSQLAlchemy(member) {
			e.sqlaConstruct(member, args, call)
		}
	case "execute", "executemany", "executescript", "raw", "RawSQL", "text":
		if member == "text" && !e.fromSQLAlchemy("text") || member == "RawSQL" && !bare {
			return
		}
		via := "dbapi"
		switch {
		case member == "raw":
			if _, ok := e.managerEntity(recv); !ok {
				return
			}
			via = "django"
		case member == "RawSQL":
			via = "django"
		case member == "text":
			via = "sqlalchemy"
		}
		pos, named := e.positional(args)
		x := int32(-1)
		if len(pos) > 0 {
			x = pos[0]
		} else if v, ok := named["sql"]; ok {
			x = v
		}
		if x < 0 {
			return
		}
		e.sqlArg(x, via, member == "execute" || member == "executemany" || member == "executescript")
	case "callproc":
		pos, _ := e.positional(args)
		if len(pos) > 0 {
			if s, ok := e.constString(pos[0]); ok && isDottedName(s) {
				e.access(facts.Calls, "", strings.ToLower(s), call, "dbapi")
			}
		}
	}
}

// importsSQLAlchemy reports whether the file imports from sqlalchemy.
func (e *extractor) importsSQLAlchemy() bool {
	for _, imp := range e.f.Imports {
		p := ImportPath(imp)
		if p == "sqlalchemy" || strings.HasPrefix(p, "sqlalchemy.") {
			return true
		}
	}
	return false
}

// sessionLike reports whether a call's receiver is named like an ORM
// session (session, db.session, self._session).
func (e *extractor) sessionLike(call int32) bool {
	fn := e.child(call, e.g.fFunction)
	obj := e.child(fn, e.g.fObject)
	switch {
	case obj < 0:
		return false
	case e.kind(obj) == kAttribute:
		obj = e.child(obj, e.g.fAttribute)
	case e.kind(obj) != kIdentifier:
		return false
	}
	return obj >= 0 && strings.Contains(strings.ToLower(e.text(obj)), "session")
}

// sqlaConstruct reads select(X), insert(X), update(X), delete(X).
func (e *extractor) sqlaConstruct(member string, args, call int32) {
	pos, _ := e.positional(args)
	if len(pos) == 0 {
		return
	}
	k := facts.Writes
	if member == "select" {
		k = facts.Reads
	}
	for _, a := range pos {
		p, ok := e.pathOf(a)
		if !ok {
			continue
		}
		switch t := e.data.tables[p]; {
		case t != "":
			e.access(k, "", t, call, "sqlalchemy")
		case isClassName(lastSegment(p)):
			e.access(k, p, "", call, "sqlalchemy")
		default:
			e.tableVar(member, a, p, call)
		}
		if k == facts.Writes {
			break
		}
	}
}

// tableVar reads select(t), insert(t), t.insert()... on a Table object of
// another module as SQL built from a constant: the variable's value (see
// sqlaTable) completes it.
func (e *extractor) tableVar(member string, at int32, p string, call int32) {
	verb := map[string]string{"select": "SELECT * FROM ", "insert": "INSERT INTO ", "update": "UPDATE ", "delete": "DELETE FROM "}[member]
	if verb == "" {
		return
	}
	c := p
	if imp, ok := e.importOf(p); ok && imp.From != "" && imp.Alias == "" {
		c = ImportPath(imp)
	}
	e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: []facts.SQLPart{{Text: verb}, {Const: c}}, From: e.from(), Method: e.method,
		Line: e.lineOf(at), Via: "sqlalchemy"})
}

// tableCall reads t.select(), t.insert(), ... on a Table variable.
func (e *extractor) tableCall(member, table string, call int32) {
	switch member {
	case "select":
		e.access(facts.Reads, "", table, call, "sqlalchemy")
	case "insert", "update", "delete":
		e.access(facts.Writes, "", table, call, "sqlalchemy")
	}
}

// sqlArg reads the SQL handed to a call. For a verb-agnostic entry
// point (execute) the text must start with an SQL verb.
func (e *extractor) sqlArg(x int32, via string, check bool) {
	s := e.stringValue(x)
	if !s.ok && !s.hasConst() {
		return
	}
	text, complete := s.complete()
	if !complete {
		if check && s.parts[0].Const == "" && !looksLikeSQL(s.parts[0].Text) {
			return
		}
		e.f.SQL = append(e.f.SQL, facts.SQLText{Parts: s.parts, From: e.from(), Method: e.method, Line: e.lineOf(x), Via: via})
		return
	}
	if check && !looksLikeSQL(text) {
		return
	}
	res := sql.Extract(text, sql.Options{Fragment: true})
	for _, d := range res.Data {
		d.From, d.Method, d.Routine, d.Via = e.from(), e.method, -1, via
		d.Line = e.lineOf(x) + d.Line - 1
		e.f.Data = append(e.f.Data, d)
	}
}

// looksLikeSQL reports whether a text starts with an SQL statement verb.
func looksLikeSQL(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n(")
	end := 0
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
		end++
	}
	switch strings.ToLower(s[:end]) {
	case "select", "insert", "update", "delete", "with", "merge", "call", "exec", "execute", "replace",
		"upsert", "truncate", "create", "alter", "drop":
		return true
	}
	return false
}

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

func (s sqlText) hasConst() bool {
	for _, p := range s.parts {
		if p.Const != "" {
			return true
		}
	}
	return false
}

func (s *sqlText) add(p facts.SQLPart) {
	if n := len(s.parts); n > 0 && p.Const == "" && s.parts[n-1].Const == "" {
		s.parts[n-1].Text += p.Text
		return
	}
	s.parts = append(s.parts, p)
}

const dyn = " __dyn__ "

// stringValue evaluates a string expression for SQL.
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
	case kString:
		raw := false
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kStringStart:
				prefix := strings.ToLower(strings.TrimRight(e.text(c), "\"'"))
				raw = strings.Contains(prefix, "r")
			case kStringContent:
				var b strings.Builder
				writeContent(&b, e.bytesOf(c), raw)
				s.add(facts.SQLPart{Text: b.String()})
				s.ok = true
			case kInterpolation:
				s.add(facts.SQLPart{Text: dyn})
			}
		}
	case kConcatString:
		for c := e.t.FirstChild(i); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) != kComment {
				e.appendString(c, s, depth+1)
			}
		}
	case kParenthesized:
		e.appendString(e.firstExpr(i), s, depth+1)
	case kBinaryOperator:
		l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
		switch {
		case e.isPlus(i):
			e.appendString(l, s, depth+1)
			e.appendString(r, s, depth+1)
		case e.isPercent(i):
			e.appendString(l, s, depth+1) // the template; its parameters are values
		default:
			s.add(facts.SQLPart{Text: dyn})
		}
	case kCall:
		// "...".format(...): the template, its fields unknown.
		fn := e.child(i, e.g.fFunction)
		if fn >= 0 && e.kind(fn) == kAttribute {
			if attr := e.child(fn, e.g.fAttribute); attr >= 0 && e.text(attr) == "format" {
				var t sqlText
				e.appendString(e.child(fn, e.g.fObject), &t, depth+1)
				for _, p := range t.parts {
					if p.Const == "" {
						p.Text = replaceBraces(p.Text)
					}
					s.add(p)
				}
				s.ok = s.ok || t.ok
				return
			}
		}
		s.add(facts.SQLPart{Text: dyn})
	case kIdentifier:
		name := e.text(i)
		if l := e.lookup(name); l != nil {
			if l.count == 1 && l.sql != nil {
				for _, p := range l.sql.parts {
					s.add(p)
				}
				s.ok = s.ok || l.sql.ok
				return
			}
			s.add(facts.SQLPart{Text: dyn})
			return
		}
		if v, ok := e.moduleConst(name); ok {
			s.add(facts.SQLPart{Text: v})
			s.ok = true
			return
		}
		if imp, ok := e.importOf(name); ok && imp.From != "" && imp.Alias == "" {
			s.add(facts.SQLPart{Const: ImportPath(imp)})
			return
		}
		if w := e.onlyWildcard(); w != "" {
			s.add(facts.SQLPart{Const: w + "." + name}) // from it, or from this module
			return
		}
		s.add(facts.SQLPart{Const: name})
	case kAttribute:
		if p, ok := e.pathOf(i); ok {
			s.add(facts.SQLPart{Const: p})
			return
		}
		s.add(facts.SQLPart{Text: dyn})
	default:
		s.add(facts.SQLPart{Text: dyn})
	}
}

// onlyWildcard returns the module of the file's one wildcard import, or
// "" when it has none or several.
func (e *extractor) onlyWildcard() string {
	w := ""
	for _, imp := range e.f.Imports {
		if imp.Wildcard {
			if w != "" {
				return ""
			}
			w = imp.From
		}
	}
	return w
}

// isPercent reports whether a binary operator is %.
func (e *extractor) isPercent(i int32) bool {
	l, r := e.child(i, e.g.fLeft), e.child(i, e.g.fRight)
	if l < 0 || r < 0 {
		return false
	}
	op := strings.Trim(strings.TrimSpace(string(e.t.Src[e.t.Nodes[l].End:e.t.Nodes[r].Start])), "()\\\n\t ")
	return op == "%"
}

// replaceBraces replaces the {fields} of a str.format template with
// __dyn__.
func replaceBraces(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for j := 0; j < len(s); j++ {
		if s[j] == '{' {
			if k := strings.IndexByte(s[j:], '}'); k > 0 {
				b.WriteString(dyn)
				j += k
				continue
			}
		}
		b.WriteByte(s[j])
	}
	return b.String()
}

// dataFileDone ends the file's data side.
func (e *extractor) dataFileDone() {}
