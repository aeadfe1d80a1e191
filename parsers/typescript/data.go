package typescript

// # Data access
//
// TypeORM (and MikroORM, which shares its decorators): a class decorated
// @Entity('name'), @Entity({ name, schema }) or @Entity({ tableName })
// maps to that table, and an undecorated name to the class name in
// snake_case (TypeORM's and MikroORM's default naming: OrderLine ->
// order_line); @ViewEntity maps to a view; @ChildEntity to the default
// name (package graph folds it into the root's table, single-table
// inheritance being TypeORM's only kind). @ManyToOne(() => X) and
// @OneToOne(() => X) with @JoinColumn are foreign keys to X's table;
// @ManyToMany with @JoinTable({ name }) declares the join table, with
// foreign keys to both sides. Accesses: calls on a value whose written
// type is Repository<E> (MongoRepository, TreeRepository, MikroORM's
// EntityRepository) — a field, a constructor parameter (NestJS's
// @InjectRepository), a local, getRepository(E) itself — and calls on
// `this` in a class extending Repository<E>: find*, count*, exist*,
// createQueryBuilder read E's table; save, insert, update, upsert,
// delete, remove, softDelete, restore, increment, decrement, clear write
// it. An EntityManager (typed so, or named *manager, em) called with an
// entity class first (manager.find(User, ...)) accesses that class's
// table.
//
// Prisma: each model of a schema.prisma is a type of that file mapped to
// its table (@@map, else the model's name), its relation fields with
// `fields:` foreign keys (see prisma.go). A call client.model.op(...)
// reads (findMany, findUnique, findFirst, count, aggregate, groupBy...) or
// writes (create, update, upsert, delete, and their *Many forms) the
// model's table, the model named as the client's property: DataRef.Entity
// "prisma.user" means the model whose client property is `user` (package
// graph looks it up). The client is any receiver for the Prisma-only
// operations (findMany, findUnique, upsert...); for create, update,
// delete and count it must be named like one (prisma, this.prisma,
// db, or tx, the usual parameter of a $transaction callback).
//
// Sequelize: sequelize.define('name', attrs, { tableName }) declares a
// model type named after the variable it is assigned to (or the model
// name), mapped to tableName, or to the model name (freezeTableName) or
// its English plural (Sequelize's default); Model.init(attrs, {
// tableName, modelName }) maps a class of the file; sequelize-typescript's
// @Table({ tableName }) (or the plural of the class name) maps the class.
// Static calls on a model, X.findAll(), X.create(), models.X.findOne()
// (also through this.models.X or a local holding it: DataRef.Entity
// "models.X", a model of the repository by that name), are accesses to
// X's table: the find*, count and aggregate family read,
// create, bulkCreate, update, upsert, destroy, increment and decrement
// write. A name that may or may not be a model (X.create(), X.update())
// counts only in a file that imports an ORM, defines models, or imports X
// from a module path naming models ("../models"); package graph keeps only
// the accesses whose entity resolves to a mapped type.
//
// SQL: the first argument of query-like calls (query, execute, raw,
// $queryRaw, $executeRaw, their Unsafe forms, pg-promise's any, one,
// many, none, oneOrNone, manyOrNone, sqlite's all, get, run, exec) when
// it is a string literal, a template literal, a concatenation, or a
// constant of the file, and tagged templates sql`...`, SQL`...`,
// Prisma.sql`...`, $queryRaw`...`, read by package sql as a fragment. A
// substitution in a tagged template is a bound parameter; one in a plain
// template literal is text made at run time (__dyn__). Only text that
// reads as SQL (a verb and its clause) is extracted.

import (
	"strings"
	"unicode"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// dataState is the per-file state of the data side.
type dataState struct {
	// pendingName is the name of the variable whose initialiser is
	// being walked (const User = sequelize.define(...)).
	pendingName string
	// entityTable maps a type to the index in File.Tables of its mapping.
	entityTable map[int]int
	// orm is set when the file imports an ORM module or defines models.
	orm, ormKnown bool
	via           string
}

func (d *dataState) reset() {
	d.pendingName = ""
	clear(d.entityTable)
	d.orm, d.ormKnown, d.via = false, false, ""
}

// ormHint reports whether the file imports an ORM, and the Via of its
// model calls.
func (e *extractor) ormHint() (bool, string) {
	if e.data.ormKnown {
		return e.data.orm, e.data.via
	}
	e.data.ormKnown = true
	e.data.via = "orm"
	for _, imp := range e.f.Imports {
		switch {
		case imp.From == "sequelize" || imp.From == "sequelize-typescript":
			e.data.orm, e.data.via = true, "sequelize"
		case imp.From == "typeorm":
			e.data.orm, e.data.via = true, "typeorm"
		case strings.HasPrefix(imp.From, "@mikro-orm/"), imp.From == "objection", imp.From == "@sequelize/core":
			e.data.orm = true
		}
	}
	if len(e.data.entityTable) > 0 {
		e.data.orm = true
	}
	return e.data.orm, e.data.via
}

func (e *extractor) dataRef(k facts.DataKind, object, entity, via string, at int32) {
	from := e.from()
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Object: object, Entity: entity, From: from, Method: e.method,
		Routine: -1, Line: e.lineOf(at), Via: via})
}

// ---- Mappings.

// classData maps a decorated class to its table.
func (e *extractor) classData(idx int, decos []int32) {
	name := e.f.Types[idx].Name
	for _, d := range decos {
		dn := e.decoratorName(d)
		dn = dn[strings.LastIndexByte(dn, '.')+1:]
		args := e.decoratorArgs(d)
		switch dn {
		case "Entity", "ViewEntity", "ChildEntity":
			table, schema := "", ""
			if len(args) > 0 {
				if s, ok := e.stringValue(args[0]); ok {
					table = s
				} else if e.kind(args[0]) == kObject {
					table = e.objectString(args[0], "name")
					if table == "" {
						table = e.objectString(args[0], "tableName")
					}
					schema = e.objectString(args[0], "schema")
				}
			}
			if table == "" {
				table = snakeCase(name)
			}
			if schema != "" {
				table = schema + "." + table
			}
			kind := facts.BaseTable
			if dn == "ViewEntity" {
				kind = facts.View
			}
			e.mapTable(idx, strings.ToLower(table), kind, d, "typeorm")
		case "TableInheritance":
			if ti, ok := e.data.entityTable[idx]; ok {
				e.f.Tables[ti].Inheritance = "single-table"
			}
		case "Table":
			table := ""
			if len(args) > 0 && e.kind(args[0]) == kObject {
				table = e.objectString(args[0], "tableName")
				if table == "" && e.objectBool(args[0], "freezeTableName") {
					table = e.objectString(args[0], "modelName")
					if table == "" {
						table = name
					}
				}
			}
			if table == "" {
				table = pluralize(name)
			}
			e.mapTable(idx, strings.ToLower(table), facts.BaseTable, d, "sequelize")
		}
	}
	for _, d := range decos {
		if dn := e.decoratorName(d); dn == "TableInheritance" || strings.HasSuffix(dn, ".TableInheritance") {
			if ti, ok := e.data.entityTable[idx]; ok {
				e.f.Tables[ti].Inheritance = "single-table"
			}
		}
	}
}

func (e *extractor) mapTable(idx int, name string, kind facts.TableKind, at int32, via string) int {
	if e.data.entityTable == nil {
		e.data.entityTable = map[int]int{}
	}
	if ti, ok := e.data.entityTable[idx]; ok {
		return ti
	}
	e.f.Tables = append(e.f.Tables, facts.Table{Name: name, Kind: kind, Entity: idx, Line: e.lineOf(at), Via: via})
	ti := len(e.f.Tables) - 1
	e.data.entityTable[idx] = ti
	e.data.orm = true
	return ti
}

// decoratorArgs returns the arguments of @X(...).
func (e *extractor) decoratorArgs(d int32) []int32 {
	x := e.firstNamed(d)
	if x < 0 || e.kind(x) != kCall {
		return nil
	}
	return e.args(e.child(x, e.g.fArguments))
}

func (e *extractor) args(a int32) []int32 {
	if a < 0 || e.kind(a) != kArguments {
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

// objectProp returns the value of property key of an object literal.
func (e *extractor) objectProp(obj int32, key string) int32 {
	for c := e.t.FirstChild(obj); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kPair:
			k := e.child(c, e.g.fKey)
			if k < 0 {
				continue
			}
			name := e.text(k)
			if e.kind(k) == kString {
				name, _ = e.stringValue(k)
			}
			if name == key {
				return e.child(c, e.g.fValue)
			}
		case kShorthandProp:
			if e.text(c) == key {
				return c
			}
		}
	}
	return -1
}

func (e *extractor) objectString(obj int32, key string) string {
	if v := e.objectProp(obj, key); v >= 0 {
		if s, ok := e.constString(v); ok {
			return s
		}
	}
	return ""
}

func (e *extractor) objectBool(obj int32, key string) bool {
	v := e.objectProp(obj, key)
	return v >= 0 && e.kind(v) == kTrue
}

// relationDecorator reads a TypeORM or sequelize-typescript relation on
// a field of the current class.
func (e *extractor) relationDecorator(d int32, field string) {
	if len(e.frames) == 0 {
		return
	}
	typ := e.frames[len(e.frames)-1].typ
	ti, ok := e.data.entityTable[typ]
	if !ok {
		return
	}
	dn := e.decoratorName(d)
	dn = dn[strings.LastIndexByte(dn, '.')+1:]
	args := e.decoratorArgs(d)
	target := ""
	if len(args) > 0 {
		target = e.targetEntity(args[0])
	}
	switch dn {
	case "ManyToOne", "BelongsTo", "ForeignKey":
		if target != "" {
			e.addForeignKey(ti, target, field, d)
		}
	case "OneToOne":
		if target != "" && e.fieldHasDecorator(d, "JoinColumn") {
			e.addForeignKey(ti, target, field, d)
		}
	case "JoinTable":
		if len(args) == 0 || e.kind(args[0]) != kObject {
			return
		}
		name := e.objectString(args[0], "name")
		if name == "" {
			return
		}
		other := ""
		for c := e.t.FirstChild(e.t.Nodes[d].Parent); c >= 0; c = e.t.Nodes[c].Next {
			if e.kind(c) == kDecorator {
				if n := e.decoratorName(c); n == "ManyToMany" || strings.HasSuffix(n, ".ManyToMany") {
					if a := e.decoratorArgs(c); len(a) > 0 {
						other = e.targetEntity(a[0])
					}
				}
			}
		}
		t := facts.Table{Name: strings.ToLower(name), Kind: facts.BaseTable, Entity: -1, Line: e.lineOf(d), Via: "typeorm",
			ForeignKeys: []facts.ForeignKey{{Entity: e.f.Types[typ].Name, Line: e.lineOf(d)}}}
		if other != "" {
			t.ForeignKeys = append(t.ForeignKeys, facts.ForeignKey{Entity: other, Line: e.lineOf(d)})
		}
		e.f.Tables = append(e.f.Tables, t)
	}
}

func (e *extractor) addForeignKey(ti int, target, field string, at int32) {
	t := &e.f.Tables[ti]
	t.ForeignKeys = append(t.ForeignKeys, facts.ForeignKey{Columns: []string{field}, Entity: target, Line: e.lineOf(at)})
}

// fieldHasDecorator reports whether the field holding decorator d also has
// decorator name.
func (e *extractor) fieldHasDecorator(d int32, name string) bool {
	for c := e.t.FirstChild(e.t.Nodes[d].Parent); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) == kDecorator {
			if n := e.decoratorName(c); n == name || strings.HasSuffix(n, "."+name) {
				return true
			}
		}
	}
	return false
}

// targetEntity reads the target of a relation: () => X, 'X', X.
func (e *extractor) targetEntity(a int32) string {
	switch e.kind(a) {
	case kArrow:
		if b := e.child(a, e.g.fBody); b >= 0 {
			return e.targetEntity(b)
		}
	case kIdentifier, kMember:
		if _, ok := e.qualifiedRoot(a); ok {
			return e.dotted(a)
		}
	case kString:
		s, _ := e.stringValue(a)
		return s
	}
	return ""
}

// snakeCase is TypeORM's snakeCase: OrderLine -> order_line, HTMLPage
// -> html_page.
func snakeCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && rs[i-1] != '_' {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// pluralize is the English plural Sequelize gives a model name by
// default (the common rules of its inflection library).
func pluralize(s string) string {
	if s == "" {
		return s
	}
	lower := strings.ToLower(s)
	for _, w := range []string{"data", "info", "information", "equipment", "news", "series", "species", "media", "metadata", "feedback"} {
		if strings.HasSuffix(lower, w) {
			return s
		}
	}
	irregular := map[string]string{"person": "people", "man": "men", "woman": "women", "child": "children", "mouse": "mice", "goose": "geese"}
	for sing, pl := range irregular {
		if strings.HasSuffix(lower, sing) {
			return s[:len(s)-len(sing)] + matchCase(s[len(s)-len(sing):], pl)
		}
	}
	n := len(s)
	last := lower[n-1]
	switch {
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		if strings.HasSuffix(lower, "ss") || !strings.HasSuffix(lower, "s") || strings.HasSuffix(lower, "us") {
			return s + "es"
		}
		return s + "es"
	case last == 'y' && n > 1 && !strings.ContainsRune("aeiou", rune(lower[n-2])):
		return s[:n-1] + "ies"
	}
	return s + "s"
}

func matchCase(orig, repl string) string {
	if orig != "" && unicode.IsUpper(rune(orig[0])) {
		return strings.ToUpper(repl[:1]) + repl[1:]
	}
	return repl
}

// ---- Accesses.

var (
	repoReads = wordSet(`find findOne findOneBy findBy findAndCount findAndCountBy findOneOrFail findOneByOrFail
		findByIds count countBy exist exists existsBy sum average minimum maximum createQueryBuilder preload
		findAll findOneOrFail findAndCount`)
	repoWrites = wordSet(`save insert update upsert delete remove softDelete softRemove restore recover increment
		decrement clear persist persistAndFlush nativeInsert nativeUpdate nativeDelete removeAndFlush`)
	prismaReads  = wordSet(`findUnique findUniqueOrThrow findFirst findFirstOrThrow findMany count aggregate groupBy`)
	prismaWrites = wordSet(`create createMany createManyAndReturn update updateMany updateManyAndReturn upsert
		delete deleteMany`)
	prismaOnly    = wordSet(`findUnique findUniqueOrThrow findFirst findFirstOrThrow findMany createMany createManyAndReturn updateMany updateManyAndReturn deleteMany upsert aggregate groupBy`)
	modelReads    = wordSet(`findAll findOne findByPk findAndCountAll findOneBy findBy findAndCount count countBy max min sum aggregate exists find`)
	modelWrites   = wordSet(`create bulkCreate update upsert destroy increment decrement truncate restore findOrCreate findCreateFind save insert delete remove`)
	modelSpecific = wordSet(`findAll findByPk findAndCountAll bulkCreate destroy findOrCreate findCreateFind findOneBy findBy upsert`)
	sqlCalls      = wordSet(`query execute raw $queryRaw $executeRaw $queryRawUnsafe $executeRawUnsafe any one many none
		oneOrNone manyOrNone result all get run exec prepare unsafe`)
	sqlTags = wordSet(`sql SQL raw $queryRaw $executeRaw unsafe`)
	// jsGlobals are the standard objects whose static calls are never
	// model calls.
	jsGlobals = wordSet(`Object Array Promise Math JSON Reflect Date Number String Boolean Map Set WeakMap WeakSet
		Symbol BigInt Proxy Error Intl RegExp Buffer URL Atomics Function`)
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isRepositoryType reports a TypeORM or MikroORM repository type name.
func isRepositoryType(name string) bool {
	switch name[strings.LastIndexByte(name, '.')+1:] {
	case "Repository", "MongoRepository", "TreeRepository", "EntityRepository":
		return true
	}
	return false
}

// repositoryEntity returns E of a written Repository<E>.
func repositoryEntity(written string) string {
	i := strings.IndexByte(written, '<')
	if i < 0 || !strings.HasSuffix(written, ">") || !isRepositoryType(written[:i]) {
		return ""
	}
	arg := written[i+1 : len(written)-1]
	if strings.ContainsAny(arg, "<,") {
		return ""
	}
	return arg
}

// repositoryOf returns E of getRepository(E), x.getRepository(E).
func (e *extractor) repositoryOf(call int32) (string, bool) {
	fn := e.child(call, e.g.fFunction)
	if fn < 0 {
		return "", false
	}
	name := ""
	switch e.kind(fn) {
	case kIdentifier:
		name = e.text(fn)
	case kMember:
		if p := e.child(fn, e.g.fProperty); p >= 0 {
			name = e.text(p)
		}
	}
	switch name {
	case "getRepository", "getMongoRepository", "getTreeRepository", "getCustomRepository":
	default:
		return "", false
	}
	args := e.args(e.child(call, e.g.fArguments))
	if len(args) == 0 {
		return "", false
	}
	if ent := e.targetEntity(args[0]); ent != "" && name != "getCustomRepository" {
		return ent, true
	}
	return "", false
}

// writtenTypeOf returns the written type of a receiver: a local, a field
// of the class (this.x), getRepository(E).
func (e *extractor) writtenTypeOf(i int32) string {
	switch e.kind(i) {
	case kIdentifier:
		if l, ok := e.lookup(e.text(i)); ok {
			if l.typ != "" {
				return l.typ
			}
			if l.expr >= 0 && l.expr < len(e.exprs) && e.exprs[l.expr].Kind == facts.ExprType {
				return e.exprs[l.expr].Name
			}
		}
	case kMember:
		o, p := e.child(i, e.g.fObject), e.child(i, e.g.fProperty)
		if o >= 0 && p >= 0 && e.kind(o) == kThis && len(e.frames) > 0 {
			return e.frames[len(e.frames)-1].fields[e.text(p)]
		}
	case kCall:
		if ent, ok := e.repositoryOf(i); ok {
			return "Repository<" + ent + ">"
		}
	case kNonNull, kParens:
		if x := e.firstNamed(i); x >= 0 {
			return e.writtenTypeOf(x)
		}
	}
	return ""
}

// dataCall looks at a call for data access.
func (e *extractor) dataCall(call, fn, args int32) {
	if fn < 0 {
		return
	}
	argv := e.args(args)
	if args >= 0 && e.kind(args) == kTemplate {
		e.taggedSQL(fn, args)
		return
	}
	var obj, prop int32 = -1, -1
	op := ""
	switch e.kind(fn) {
	case kMember:
		obj, prop = e.child(fn, e.g.fObject), e.child(fn, e.g.fProperty)
		if obj < 0 || prop < 0 {
			return
		}
		op = e.text(prop)
	case kIdentifier:
		op = e.text(fn)
	default:
		return
	}
	if sqlCalls[op] && len(argv) > 0 {
		if e.sqlArg(argv[0], op) {
			return
		}
	}
	if obj < 0 {
		return
	}
	// sequelize.define('name', attrs, opts); X.init(attrs, opts).
	switch op {
	case "define":
		if len(argv) >= 2 && e.kind(argv[1]) == kObject {
			if s, ok := e.stringValue(argv[0]); ok && s != "" {
				e.defineModel(call, s, argv)
				return
			}
		}
	case "init":
		if len(argv) >= 2 && e.kind(obj) == kIdentifier && e.kind(argv[1]) == kObject {
			e.initModel(e.text(obj), argv[1], call)
			return
		}
	}
	// TypeORM repositories.
	if ent := e.repoReceiver(obj); ent != "" {
		if k, ok := accessKind(op, repoReads, repoWrites); ok {
			e.dataRef(k, "", ent, "typeorm", call)
		}
		return
	}
	// An EntityManager called with an entity class first.
	if e.isManager(obj) && len(argv) > 0 {
		if k, ok := accessKind(op, repoReads, repoWrites); ok {
			if ent := e.targetEntity(argv[0]); ent != "" && isUpper(ent) && !jsGlobals[ent] {
				e.dataRef(k, "", ent, "typeorm", call)
			}
		}
		return
	}
	// Prisma: client.model.op().
	if e.kind(obj) == kMember {
		if model, client := e.child(obj, e.g.fProperty), e.child(obj, e.g.fObject); model >= 0 && client >= 0 {
			if k, ok := accessKind(op, prismaReads, prismaWrites); ok && (prismaOnly[op] || e.isPrismaClient(client)) {
				m := e.text(model)
				if m != "" && !strings.HasPrefix(m, "$") && unicode.IsLower(rune(m[0])) {
					e.dataRef(k, "", "prisma."+m, "prisma", call)
					return
				}
			}
		}
	}
	// Model statics: X.findAll(), models.X.create().
	if k, ok := accessKind(op, modelReads, modelWrites); ok {
		if ent, certain := e.modelReceiver(obj); ent != "" {
			orm, via := e.ormHint()
			if certain || modelSpecific[op] || orm {
				if strings.HasPrefix(ent, "models.") {
					via = "sequelize"
				}
				e.dataRef(k, "", ent, via, call)
			}
		}
	}
}

func accessKind(op string, reads, writes map[string]bool) (facts.DataKind, bool) {
	switch {
	case reads[op]:
		return facts.Reads, true
	case writes[op]:
		return facts.Writes, true
	}
	return "", false
}

func isUpper(s string) bool {
	s = s[strings.LastIndexByte(s, '.')+1:]
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// repoReceiver returns the entity of a TypeORM repository receiver.
func (e *extractor) repoReceiver(obj int32) string {
	if e.kind(obj) == kThis && len(e.frames) > 0 {
		return e.frames[len(e.frames)-1].repoEntity
	}
	return repositoryEntity(e.writtenTypeOf(obj))
}

// isManager reports an EntityManager receiver.
func (e *extractor) isManager(obj int32) bool {
	t := e.writtenTypeOf(obj)
	if t == "EntityManager" || strings.HasSuffix(t, ".EntityManager") {
		return true
	}
	name := ""
	switch e.kind(obj) {
	case kIdentifier:
		name = e.text(obj)
	case kMember:
		if p := e.child(obj, e.g.fProperty); p >= 0 {
			name = e.text(p)
		}
	case kCall:
		if fn := e.child(obj, e.g.fFunction); fn >= 0 && e.kind(fn) == kIdentifier && e.text(fn) == "getManager" {
			return true
		}
	}
	return name == "manager" || name == "entityManager" || name == "em" || strings.HasSuffix(name, "Manager") && strings.HasPrefix(strings.ToLower(name), "entity")
}

// isPrismaClient reports whether a receiver is named like a Prisma
// client, or is the parameter of a $transaction callback.
func (e *extractor) isPrismaClient(c int32) bool {
	name := ""
	switch e.kind(c) {
	case kIdentifier:
		name = e.text(c)
		if l, ok := e.lookup(name); ok && strings.Contains(l.typ, "Prisma") {
			return true
		}
	case kMember:
		if p := e.child(c, e.g.fProperty); p >= 0 {
			name = e.text(p)
		}
		if t := e.writtenTypeOf(c); strings.Contains(t, "Prisma") {
			return true
		}
	}
	l := strings.ToLower(name)
	return strings.Contains(l, "prisma") || l == "db" || l == "tx" || l == "client" && e.importsFrom("@prisma/client")
}

func (e *extractor) importsFrom(spec string) bool {
	for _, imp := range e.f.Imports {
		if imp.From == spec {
			return true
		}
	}
	return false
}

// modelReceiver returns the model a static call is made on: X (a name of
// the file level, upper case, no standard object), or "models.X" for a
// model reached through a registry of models (models.X, db.X,
// this.models.X, or a local initialised so); certain when X is a model of
// this file, is imported from a module path naming models, or comes from
// a registry.
func (e *extractor) modelReceiver(obj int32) (string, bool) {
	switch e.kind(obj) {
	case kIdentifier:
		name := e.text(obj)
		if l, ok := e.lookup(name); ok {
			if l.typ == "" && l.expr >= 0 && l.expr < len(e.exprs) {
				if m := e.registryModel(l.expr); m != "" {
					return "models." + m, true
				}
			}
			return "", false
		}
		if !isUpper(name) || jsGlobals[name] {
			return "", false
		}
		for ty, ti := range e.data.entityTable {
			if e.f.Types[ty].Name == name && ti >= 0 {
				return name, true
			}
		}
		for _, imp := range e.f.Imports {
			if imp.Alias == name && strings.Contains(strings.ToLower(imp.From), "model") {
				return name, true
			}
		}
		return name, false
	case kMember:
		o, p := e.child(obj, e.g.fObject), e.child(obj, e.g.fProperty)
		if o < 0 || p < 0 {
			return "", false
		}
		name := e.text(p)
		if !isUpper(name) {
			return "", false
		}
		owner := ""
		switch e.kind(o) {
		case kIdentifier:
			owner = e.text(o)
		case kMember:
			if q := e.child(o, e.g.fProperty); q >= 0 {
				owner = e.text(q)
			}
		}
		if registryName(owner) {
			return "models." + name, true
		}
	}
	return "", false
}

// registryName reports the names a registry of models goes by.
func registryName(s string) bool {
	return s == "models" || s == "db" || s == "model"
}

// registryModel returns X when expression x is a registry's model
// (models.X, this.models.X).
func (e *extractor) registryModel(x int) string {
	ex := e.exprs[x]
	if ex.Kind != facts.ExprField && ex.Kind != facts.ExprStatic || !isUpper(ex.Name) {
		return ""
	}
	if ex.Kind == facts.ExprStatic {
		owner, name, ok := strings.Cut(ex.Name, ".")
		if ok && registryName(owner) && !strings.Contains(name, ".") && isUpper(name) {
			return name
		}
		return ""
	}
	if ex.Base < 0 {
		return ""
	}
	b := e.exprs[ex.Base]
	owner := b.Name[strings.LastIndexByte(b.Name, '.')+1:]
	if (b.Kind == facts.ExprField || b.Kind == facts.ExprStatic) && registryName(owner) {
		return ex.Name
	}
	return ""
}

// defineModel records sequelize.define('name', attrs, opts) as a model
// type of the file mapped to its table.
func (e *extractor) defineModel(call int32, model string, argv []int32) {
	table := ""
	freeze := false
	if len(argv) >= 3 && e.kind(argv[2]) == kObject {
		table = e.objectString(argv[2], "tableName")
		freeze = e.objectBool(argv[2], "freezeTableName")
	}
	if table == "" {
		if freeze {
			table = model
		} else {
			table = pluralize(model)
		}
	}
	name := e.data.pendingName
	if name == "" {
		name = model
	}
	idx := e.newType(name, facts.Class, call, true)
	e.mapTable(idx, strings.ToLower(table), facts.BaseTable, call, "sequelize")
}

// initModel records X.init(attrs, { sequelize, tableName, modelName }).
func (e *extractor) initModel(class string, opts, call int32) {
	if e.objectProp(opts, "sequelize") < 0 && e.objectProp(opts, "tableName") < 0 {
		return
	}
	idx := -1
	for i, t := range e.f.Types {
		if t.Name == class && t.Kind == facts.Class {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	table := e.objectString(opts, "tableName")
	if table == "" {
		model := e.objectString(opts, "modelName")
		if model == "" {
			model = class
		}
		if e.objectBool(opts, "freezeTableName") {
			table = model
		} else {
			table = pluralize(model)
		}
	}
	e.mapTable(idx, strings.ToLower(table), facts.BaseTable, call, "sequelize")
}

// sqlArg reads SQL passed as the first argument of a query-like call; it
// reports whether the argument was SQL.
func (e *extractor) sqlArg(a int32, op string) bool {
	text, ok := e.sqlText(a, false)
	if !ok || !looksLikeSQL(text) {
		return false
	}
	e.extractSQL(text, a)
	return true
}

// taggedSQL reads sql`...` and the like.
func (e *extractor) taggedSQL(fn, tmpl int32) {
	name := ""
	switch e.kind(fn) {
	case kIdentifier:
		name = e.text(fn)
	case kMember:
		if p := e.child(fn, e.g.fProperty); p >= 0 {
			name = e.text(p)
		}
	}
	if !sqlTags[name] {
		return
	}
	text, ok := e.sqlText(tmpl, true)
	if !ok || !looksLikeSQL(text) {
		return
	}
	e.extractSQL(text, tmpl)
}

// sqlText returns the text of an SQL argument: literals, constants of the
// file, concatenations; a template's substitutions are parameters when
// tagged, else run-time text.
func (e *extractor) sqlText(a int32, tagged bool) (string, bool) {
	switch e.kind(a) {
	case kString:
		return e.stringValue(a)
	case kTemplate:
		var b strings.Builder
		for c := e.t.FirstChild(a); c >= 0; c = e.t.Nodes[c].Next {
			switch e.kind(c) {
			case kStringFragment:
				b.WriteString(e.text(c))
			case kEscape:
				b.WriteString(unescape(e.text(c)))
			case kTemplateSubst:
				inner := e.firstNamed(c)
				if s, ok := e.constString(inner); ok && inner >= 0 {
					b.WriteString(s)
				} else if tagged {
					b.WriteString("?")
				} else {
					b.WriteString(" __dyn__ ")
				}
			}
		}
		return b.String(), true
	case kIdentifier, kParens:
		return e.constString(a)
	case kBinary:
		l, r := e.child(a, e.g.fLeft), e.child(a, e.g.fRight)
		if l < 0 || r < 0 {
			return "", false
		}
		x, ok1 := e.sqlText(l, tagged)
		y, ok2 := e.sqlText(r, tagged)
		if !ok1 && !ok2 {
			return "", false
		}
		if !ok1 {
			x = " __dyn__ "
		}
		if !ok2 {
			y = " __dyn__ "
		}
		return x + y, true
	}
	return "", false
}

func (e *extractor) extractSQL(text string, at int32) {
	res := sql.Extract(text, sql.Options{Fragment: true})
	line := e.lineOf(at)
	from := e.from()
	for _, d := range res.Data {
		d.From, d.Method, d.Routine, d.Via = from, e.method, -1, "sql"
		d.Line = line + d.Line - 1
		e.f.Data = append(e.f.Data, d)
	}
}

// looksLikeSQL reports whether text reads as an SQL statement: a verb
// and the clause it needs.
func looksLikeSQL(text string) bool {
	w, rest := firstWord(text)
	switch strings.ToLower(w) {
	case "select":
		return hasWord(rest, "from")
	case "with":
		return hasWord(rest, "select") && (hasWord(rest, "from") || hasWord(rest, "into") || hasWord(rest, "update"))
	case "insert", "replace":
		return hasWord(rest, "into") || hasWord(rest, "values")
	case "update":
		nx, after := firstWord(rest)
		return nx != "" && hasWord(after, "set")
	case "delete":
		return hasWord(rest, "from")
	case "merge":
		return hasWord(rest, "into") || hasWord(rest, "using")
	case "truncate", "call", "exec", "execute":
		nx, _ := firstWord(rest)
		return nx != ""
	}
	return false
}

// firstWord returns the first word of s (skipping space and an opening
// parenthesis) and the rest.
func firstWord(s string) (string, string) {
	s = strings.TrimLeft(s, " \t\r\n(")
	i := 0
	for i < len(s) && (isIdentByte(s[i]) || s[i] == '.' || s[i] == '"' || s[i] == '`') {
		i++
	}
	return s[:i], s[i:]
}

// hasWord reports whether s holds w as a word, in any case.
func hasWord(s, w string) bool {
	ls := strings.ToLower(s)
	for {
		j := strings.Index(ls, w)
		if j < 0 {
			return false
		}
		if (j == 0 || !isIdentByte(ls[j-1])) && (j+len(w) >= len(ls) || !isIdentByte(ls[j+len(w)])) {
			return true
		}
		ls = ls[j+len(w):]
	}
}
