package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// The data side of the graph: tables, views and routines as nodes, and the
// accesses to them (reads, writes, calls) from code and from routine
// bodies, with foreign keys between tables.
//
// Tables are identified by name, lower case, without quotes. A name
// written with a schema ("dbo.users") and the same name without it
// ("users") are one table when no other schema declares that name: code
// seldom writes the default schema that DDL often does.
//
// An access that names an entity instead of a table (JPQL, Spring Data,
// EntityManager) is resolved through the entity's mapping: the type is
// resolved as any type name in the file, then its table is the one its
// mapping declares, or, for a subclass in a single-table hierarchy, its
// root's. SQL built from constants of other files (facts.SQLText) is
// completed here with the constants' values and then read by the SQL
// extractor.

// DataNode is a table, view or routine.
type DataNode struct {
	Name string // lower case, unquoted, schema-qualified when declared so
	Kind string // "table", "view", "procedure", "function", "trigger", "package"
	// Declared is false for a table only accessed, never declared (no DDL
	// or mapping in the repository).
	Declared bool
	// Entities are the types mapped to it.
	Entities []int
	// References are the tables it has foreign keys to, and, for a view,
	// the tables its query reads; Triggers the triggers a write to it
	// fires.
	References []int
	Triggers   []int
	// File and Line locate its first declaration (File -1 if none).
	File, Line int
}

// DataDep is an access, aggregated: all accesses of one kind from one type
// (or one routine) to one data node.
type DataDep struct {
	// From is the type that performs the access, or -1 when a routine
	// does (Routine).
	From    int
	Routine int // index in Graph.Data, or -1
	To      int // index in Graph.Data
	Kind    facts.DataKind
	Count   int
	// Guess is true when every one of these accesses came from partial or
	// dynamic SQL.
	Guess bool
	File  int // where the first occurrence is
	Line  int
	Via   string
}

// DataStats counts what the data side could not place.
type DataStats struct {
	Accesses   int // data references examined
	Unresolved int // of which: an entity with no mapping, a member not found
	// TopUnresolved names what was not placed most often.
	TopUnresolved []NameCount
}

// dataIndex builds the data nodes and resolves the accesses. It runs after
// the code graph, whose type index it uses.
type dataIndex struct {
	ix      *index
	nodes   map[string]int    // name -> index in g.Data
	canon   map[string]string // unqualified name -> the one qualified name
	entity  map[int]int       // type -> its own mapped table
	byRule  map[int]bool      // type -> its mapping came from a naming rule
	missing map[string]int
	stats   DataStats
}

func (ix *index) buildData() {
	g := ix.g
	d := &dataIndex{ix: ix, nodes: map[string]int{}, entity: map[int]int{}, byRule: map[int]bool{}, missing: map[string]int{}}
	d.canonicalize()
	// Declarations first, in file order: tables and views, then routines.
	for fi, f := range g.Facts {
		for _, t := range f.Tables {
			if t.Name == "" {
				continue
			}
			n := d.declare(t.Name, string(orKind(t.Kind)), fi, t.Line)
			if id := d.entityType(fi, t.Entity, t.EntityName); id >= 0 {
				d.mapEntity(id, n, t.Via == "ef-dbset")
			}
		}
		for _, r := range f.Routines {
			if r.Dropped {
				continue
			}
			n := d.declare(r.Name, string(r.Kind), fi, r.Line)
			if r.Kind == facts.Trigger && r.On != "" {
				on := d.node(r.On)
				g.Data[on].Triggers = appendOnce(g.Data[on].Triggers, n)
			}
		}
	}
	d.inheritTables()
	// References: foreign keys and views' reads.
	for fi, f := range g.Facts {
		for _, t := range f.Tables {
			var from int
			switch {
			case t.Name != "":
				from = d.node(t.Name)
			default:
				id := d.entityType(fi, t.Entity, t.EntityName)
				n, ok := d.entity[id]
				if id < 0 || !ok {
					continue
				}
				from = n
			}
			for _, r := range t.Reads {
				g.Data[from].References = appendOnce(g.Data[from].References, d.node(r))
			}
			for _, fk := range t.ForeignKeys {
				to := -1
				if fk.Table != "" {
					to = d.node(fk.Table)
				} else if id := d.resolveEntity(fi, -1, fk.Entity); id >= 0 {
					if n, ok := d.entity[id]; ok {
						to = n
					}
				}
				if to >= 0 && to != from {
					g.Data[from].References = appendOnce(g.Data[from].References, to)
				}
			}
		}
	}
	// Accesses. A routine defined in several files (the schema, and the
	// migrations that created and altered it over the years) does what
	// its current definition says: the accesses of a superseded one are
	// left out.
	current := d.currentDefinitions()
	var deps []DataDep
	for fi, f := range g.Facts {
		routines := make([]int, len(f.Routines))
		for i, r := range f.Routines {
			routines[i] = -1 // a drop has no body
			if !r.Dropped {
				routines[i] = d.node(r.Name)
			}
		}
		for _, r := range f.Data {
			if r.Routine >= 0 && r.Routine < len(routines) {
				if files, ok := current[routines[r.Routine]]; ok && !slices.Contains(files, fi) {
					continue
				}
			}
			d.stats.Accesses++
			if dep, ok := d.access(fi, r, routines); ok {
				deps = append(deps, dep)
			}
		}
		for _, s := range f.SQL {
			deps = append(deps, d.completeSQL(fi, s)...)
		}
	}
	for i := range g.Data {
		slices.Sort(g.Data[i].References)
		slices.Sort(g.Data[i].Triggers)
		slices.Sort(g.Data[i].Entities)
	}
	g.DataDeps = mergeDataDeps(deps)
	d.stats.TopUnresolved = top(d.missing, 20)
	g.Stats.Data = d.stats
}

// currentDefinitions returns, for each routine defined or dropped in
// more than one file, the files whose definitions are current: those
// outside migration scripts when there are any (a schema kept as source,
// such as an SSDT project); else the newest migration's, by natural path
// order (V9__ before V10__, 2017-08-19 before 2025-09-09) and line, or
// none when that migration drops the routine.
func (d *dataIndex) currentDefinitions() map[int][]int {
	g := d.ix.g
	type event struct {
		file, line int
		dropped    bool
	}
	events := map[int][]event{}
	for fi, f := range g.Facts {
		for _, r := range f.Routines {
			n, ok := d.nodes[d.canonical(r.Name)]
			if ok {
				events[n] = append(events[n], event{fi, r.Line, r.Dropped})
			}
		}
	}
	out := map[int][]int{}
	for n, evs := range events {
		files := map[int]bool{}
		for _, e := range evs {
			files[e.file] = true
		}
		if len(files) < 2 {
			continue
		}
		var schema []int
		var migrations []event
		for _, e := range evs {
			switch {
			case isMigration(g.Facts[e.file].Path):
				migrations = append(migrations, e)
			case !e.dropped && !slices.Contains(schema, e.file):
				schema = append(schema, e.file)
			}
		}
		if len(schema) > 0 {
			out[n] = schema
			continue
		}
		newest := slices.MaxFunc(migrations, func(a, b event) int {
			return cmp.Or(naturalCompare(g.Facts[a.file].Path, g.Facts[b.file].Path), cmp.Compare(a.line, b.line))
		})
		out[n] = []int{}
		if !newest.dropped {
			out[n] = []int{newest.file}
		}
	}
	return out
}

// isMigration reports whether a path is a migration script: in a
// directory named for migrations (migrations, db/migrate, Migrator,
// DbScripts, changelog) or named as Flyway names them (V3__x.sql).
func isMigration(p string) bool {
	segs := strings.Split(strings.ToLower(p), "/")
	for _, s := range segs[:len(segs)-1] {
		if strings.Contains(s, "migrat") || s == "dbscripts" || s == "changelog" || s == "changelogs" || s == "changesets" {
			return true
		}
	}
	base := segs[len(segs)-1]
	if i := strings.Index(base, "__"); i > 1 && (base[0] == 'v' || base[0] == 'u') {
		return strings.Trim(base[1:i], "0123456789._") == ""
	}
	return false
}

// naturalCompare orders strings with their digit runs compared as
// numbers.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func orKind(k facts.TableKind) facts.TableKind {
	if k == "" {
		return facts.BaseTable
	}
	return k
}

func appendOnce(s []int, x int) []int {
	if slices.Contains(s, x) {
		return s
	}
	return append(s, x)
}

// declare records a declaration of a data node.
func (d *dataIndex) declare(name, kind string, file, line int) int {
	n := d.node(name)
	dn := &d.ix.g.Data[n]
	if !dn.Declared {
		dn.Declared, dn.Kind, dn.File, dn.Line = true, kind, file, line
	}
	return n
}

// canonical is the name a data node has for name: lower case, and
// schema-qualified when the repository qualifies it one way only.
func (d *dataIndex) canonical(name string) string {
	name = strings.ToLower(name)
	if c, ok := d.canon[name]; ok {
		return c
	}
	return name
}

// node returns the data node of a name, creating it (undeclared) if
// needed. A name without schema is the schema-qualified name when the
// repository qualifies that name one way only (see canonicalize).
func (d *dataIndex) node(name string) int {
	name = d.canonical(name)
	if n, ok := d.nodes[name]; ok {
		return n
	}
	n := len(d.ix.g.Data)
	d.ix.g.Data = append(d.ix.g.Data, DataNode{Name: name, Kind: "table", File: -1})
	d.nodes[name] = n
	return n
}

// canonicalize decides which unqualified names stand for a qualified one:
// "users" is "dbo.users" when dbo.users is the only qualified users.
func (d *dataIndex) canonicalize() {
	qualified := map[string][]string{}
	add := func(name string) {
		name = strings.ToLower(name)
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return
		}
		bare := name[i+1:]
		if !slices.Contains(qualified[bare], name) {
			qualified[bare] = append(qualified[bare], name)
		}
	}
	for _, f := range d.ix.g.Facts {
		for _, t := range f.Tables {
			add(t.Name)
			for _, fk := range t.ForeignKeys {
				add(fk.Table)
			}
			for _, r := range t.Reads {
				add(r)
			}
		}
		for _, r := range f.Routines {
			add(r.Name)
			add(r.On)
		}
		for _, r := range f.Data {
			add(r.Object)
		}
	}
	d.canon = map[string]string{}
	for bare, qs := range qualified {
		if len(qs) == 1 {
			d.canon[bare] = qs[0]
		}
	}
}

// entityType returns the type a table fact maps: declared in the file
// (index), or named.
func (d *dataIndex) entityType(fi, index int, name string) int {
	if index >= 0 && index < len(d.ix.typeIDs[fi]) {
		return d.ix.typeIDs[fi][index]
	}
	if name != "" {
		return d.resolveEntity(fi, -1, name)
	}
	return -1
}

// mapEntity records that type typ is mapped to node n. A mapping named
// by a naming rule (Via "ef-dbset", a DbSet property's name) gives way to
// one the code names explicitly ([Table], ToTable).
func (d *dataIndex) mapEntity(typ, n int, byRule bool) {
	old, ok := d.entity[typ]
	switch {
	case !ok:
		d.entity[typ] = n
		d.byRule[typ] = byRule
	case d.byRule[typ] && !byRule && old != n:
		g := d.ix.g
		g.Data[old].Entities = slices.DeleteFunc(g.Data[old].Entities, func(t int) bool { return t == typ })
		d.entity[typ] = n
		d.byRule[typ] = false
	}
	d.ix.g.Data[n].Entities = appendOnce(d.ix.g.Data[n].Entities, typ)
}

// inheritTables maps entities without a table of their own, and the
// subclasses of a single-table hierarchy, to their root entity's table.
func (d *dataIndex) inheritTables() {
	g := d.ix.g
	strategy := map[int]string{} // entity type -> its @Inheritance
	for fi, f := range g.Facts {
		for _, t := range f.Tables {
			if t.Inheritance != "" {
				if id := d.entityType(fi, t.Entity, t.EntityName); id >= 0 {
					strategy[id] = t.Inheritance
				}
			}
		}
	}
	for id := range g.Types {
		if _, ok := d.entity[id]; !ok {
			continue
		}
		// The topmost entity among the superclasses.
		root := -1
		for sc := d.ix.superclass[id]; sc >= 0; sc = d.ix.superclass[sc] {
			if _, ok := d.entity[sc]; ok {
				root = sc
			}
			if sc == id {
				break // a cycle in broken code
			}
		}
		if root < 0 {
			continue
		}
		if s := strategy[root]; s == "" || s == "single-table" {
			own := d.entity[id]
			if own != d.entity[root] && len(g.Data[own].Entities) == 1 && g.Data[own].File >= 0 && g.Facts[g.Data[own].File].Language != "sql" {
				// Its table came only from the naming rule: not a real table.
				g.Data[own].Entities = nil
				g.Data[own].Declared = false
			}
			d.entity[id] = d.entity[root]
			g.Data[d.entity[root]].Entities = appendOnce(g.Data[d.entity[root]].Entities, id)
		}
	}
}

// resolveEntity resolves an entity name as written in file fi, inside
// type from (-1: the file level); a fully qualified name also resolves
// from a file of another language.
func (d *dataIndex) resolveEntity(fi, from int, name string) int {
	if name == "" {
		return -1
	}
	if d.ix.g.Facts[fi].Language == "ruby" {
		return d.ix.resolveRubyEntity(fi, from, name) // Ruby's lexical scope, not the name alone
	}
	if ids := d.ix.byName[name]; len(ids) > 0 {
		return d.ix.pick(ids, fi)
	}
	switch d.ix.g.Facts[fi].Language {
	case "java":
		r := d.ix.newFileResolver(fi, false)
		if v := r.typeName(from, name); v.out == internal {
			return v.id
		}
	case "csharp":
		if ctx, prop, ok := strings.Cut(name, "#"); ok {
			return d.dbSetEntity(fi, from, ctx, prop)
		}
		if id := d.ix.resolveCSharpType(fi, from, name); id >= 0 {
			return id
		}
	case "kotlin":
		if id := d.ix.resolveKotlinType(fi, from, name); id >= 0 {
			return id
		}
	case "php":
		if id := d.ix.resolvePHPEntity(fi, name); id >= 0 {
			return id
		}
	case "typescript", "javascript", "prisma":
		if id := d.ix.resolveTSEntity(fi, name); id >= 0 {
			return id
		}
	case "go":
		if id := d.ix.resolveGoType(fi, name); id >= 0 {
			return id
		}
	case "python":
		if id := d.ix.resolvePythonType(fi, name); id >= 0 {
			return id
		}
	}
	// A JPQL entity name is the simple class name (or @Entity(name)): look
	// for a single mapped type of that simple name.
	found := -1
	for id := range d.entity {
		if d.ix.g.Types[id].Simple == name {
			if found >= 0 {
				return -1 // ambiguous
			}
			found = id
		}
	}
	return found
}

// dbSetEntity resolves the entity of an EF context's DbSet property
// ("CatalogDbContext#Products"): the T of the property's DbSet<T>, read
// in the context's own file. -1 when the context is not the repository's
// or the property is no DbSet.
func (d *dataIndex) dbSetEntity(fi, from int, ctxName, prop string) int {
	ctx := d.ix.resolveCSharpType(fi, from, ctxName)
	if ctx < 0 {
		return -1
	}
	cf := d.ix.g.Types[ctx].File
	for k, id := range d.ix.typeIDs[cf] {
		if id != ctx {
			continue
		}
		for _, fd := range d.ix.g.Facts[cf].Types[k].Fields {
			if fd.Name != prop {
				continue
			}
			inner, ok := strings.CutPrefix(strings.TrimSpace(fd.Type), "DbSet<")
			if !ok || !strings.HasSuffix(inner, ">") {
				return -1
			}
			return d.ix.resolveCSharpType(cf, ctx, strings.TrimSuffix(inner, ">"))
		}
	}
	return -1
}

// access resolves one data reference.
func (d *dataIndex) access(fi int, r facts.DataRef, routines []int) (DataDep, bool) {
	dep := DataDep{From: -1, Routine: -1, Kind: r.Kind, Count: 1, Guess: r.Guess, File: fi, Line: r.Line, Via: r.Via}
	ids := d.ix.typeIDs[fi]
	switch {
	case r.From >= 0 && r.From < len(ids):
		dep.From = ids[r.From]
	case r.Routine >= 0 && r.Routine < len(routines):
		dep.Routine = routines[r.Routine]
	case r.Member != "":
		typ, _ := splitMember(r.Member)
		id := d.resolveEntity(fi, -1, typ)
		if id < 0 {
			d.miss("member " + r.Member)
			return dep, false
		}
		dep.From = id
	}
	switch {
	case r.Object != "":
		dep.To = d.node(r.Object)
		if n := &d.ix.g.Data[dep.To]; r.Kind == facts.Calls && !n.Declared {
			n.Kind = "procedure" // called, never declared: a routine of another database or a missing script
		}
	case r.Entity != "":
		from := -1
		if r.From >= 0 && r.From < len(ids) {
			from = ids[r.From]
		}
		id := d.resolveEntity(fi, from, r.Entity)
		n, ok := d.entity[id]
		if id < 0 && strings.Contains(r.Entity, "#") && d.ix.g.Facts[fi].Language == "csharp" {
			return dep, false // a property of a context that is no EF DbSet: no access
		}
		if id < 0 || !ok {
			d.miss("entity " + r.Entity)
			return dep, false
		}
		dep.To = n
	default:
		return dep, false
	}
	if dep.From < 0 && dep.Routine < 0 {
		// An access at the top level of a SQL script (a migration's
		// INSERT): it touches the table, but no component performs it.
		return dep, false
	}
	return dep, true
}

func splitMember(m string) (typ, member string) {
	i := strings.LastIndexByte(m, '.')
	if i < 0 {
		return m, ""
	}
	return m[:i], m[i+1:]
}

func (d *dataIndex) miss(what string) {
	d.stats.Unresolved++
	d.missing[what]++
}

// completeSQL fills the constants of an SQL text found in code, then
// extracts its accesses.
func (d *dataIndex) completeSQL(fi int, s facts.SQLText) []DataDep {
	ids := d.ix.typeIDs[fi]
	from := -1
	if s.From >= 0 && s.From < len(ids) {
		from = ids[s.From]
	}
	var b strings.Builder
	dynamic := false
	for _, p := range s.Parts {
		if p.Const == "" {
			b.WriteString(p.Text)
			continue
		}
		if v, ok := d.constant(fi, from, p.Const); ok {
			b.WriteString(v)
		} else {
			b.WriteString(" __dyn__ ")
			dynamic = true
		}
	}
	text := b.String()
	var refs []facts.DataRef
	if s.JPQL {
		for _, e := range jpqlEntities(text) {
			refs = append(refs, facts.DataRef{Kind: e.kind, Entity: e.name})
		}
	} else {
		refs = sql.Extract(text, sql.Options{Fragment: true}).Data
	}
	var out []DataDep
	for _, r := range refs {
		d.stats.Accesses++
		r.From, r.Method, r.Routine, r.Line, r.Via = s.From, s.Method, -1, s.Line, s.Via
		r.Guess = r.Guess || dynamic
		if dep, ok := d.access(fi, r, nil); ok {
			out = append(out, dep)
		}
	}
	return out
}

// constant finds the value of a string constant named in file fi inside
// type from: "NAME" (the type, its outer types and supertypes, static
// imports) or "Type.NAME".
func (d *dataIndex) constant(fi, from int, name string) (string, bool) {
	owner, field := "", name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		owner, field = name[:i], name[i+1:]
	}
	var candidates []int
	if owner != "" {
		if id := d.resolveEntity(fi, from, owner); id >= 0 {
			candidates = append(candidates, id)
		}
	} else {
		for t := from; t >= 0; t = d.ix.g.Types[t].Outer {
			candidates = append(candidates, t)
			candidates = append(candidates, d.ix.lineage[t]...)
		}
		for _, imp := range d.ix.g.Facts[fi].Imports {
			if !imp.Static {
				continue
			}
			typ := imp.Name
			if !imp.Wildcard {
				t, f := splitMember(imp.Name)
				if f != field {
					continue
				}
				typ = t
			}
			if ids := d.ix.byName[typ]; len(ids) > 0 {
				candidates = append(candidates, d.ix.pick(ids, fi))
			}
		}
	}
	for _, id := range candidates {
		for _, f := range d.ix.typeFacts(id).Fields {
			if f.Name == field && f.Value != "" {
				return f.Value, true
			}
		}
	}
	return "", false
}

type jpqlEntity struct {
	name string
	kind facts.DataKind
}

// jpqlEntities reads the entity names of a JPQL/HQL query: those after
// FROM and JOIN (not path joins like "JOIN o.pets"), UPDATE, DELETE FROM
// and INSERT INTO. A query that updates or deletes writes its entity.
func jpqlEntities(q string) []jpqlEntity {
	// Words, with commas kept as tokens of their own.
	var words []string
	for _, f := range strings.FieldsFunc(q, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '(' || r == ')'
	}) {
		for len(f) > 0 {
			i := strings.IndexByte(f, ',')
			if i < 0 {
				words = append(words, f)
				break
			}
			if i > 0 {
				words = append(words, f[:i])
			}
			words = append(words, ",")
			f = f[i+1:]
		}
	}
	var out []jpqlEntity
	kind := facts.Reads
	if len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "update", "delete", "insert":
			kind = facts.Writes
		}
	}
	add := func(name string, k facts.DataKind) {
		if name == "__dyn__" || strings.ContainsRune(name, '.') && !isQualifiedClass(name) {
			return // unknown, or a path (o.pets)
		}
		out = append(out, jpqlEntity{name, k})
	}
	for i := 0; i+1 < len(words); i++ {
		w := strings.ToLower(words[i])
		switch {
		case w == "update" && i == 0:
			add(words[i+1], facts.Writes)
		case w == "from" || w == "into":
			// A list: Entity [as] alias, Entity alias, ...
			k := facts.Reads
			if kind == facts.Writes && len(out) == 0 {
				k = facts.Writes
			}
			for j := i + 1; j < len(words); {
				if strings.EqualFold(words[j], "fetch") {
					j++
					continue
				}
				add(words[j], k)
				j++
				for j < len(words) && words[j] != "," && !isClause(words[j]) {
					j++ // the alias
				}
				if j >= len(words) || words[j] != "," {
					break
				}
				j++
			}
		case w == "join":
			j := i + 1
			if j < len(words) && strings.EqualFold(words[j], "fetch") {
				j++
			}
			if j < len(words) {
				add(words[j], facts.Reads)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b jpqlEntity) int { return cmp.Compare(a.name, b.name) })
	return slices.CompactFunc(out, func(a, b jpqlEntity) bool { return a == b })
}

// isClause reports the JPQL words that end a FROM list.
func isClause(w string) bool {
	switch strings.ToLower(w) {
	case "where", "join", "left", "right", "inner", "outer", "group", "order", "having", "set", "on", "with", "union":
		return true
	}
	return false
}

// isQualifiedClass tells a fully qualified class name (com.acme.Owner)
// from a path (o.pets): the last segment starts with an upper-case letter.
func isQualifiedClass(s string) bool {
	i := strings.LastIndexByte(s, '.')
	return i >= 0 && i+1 < len(s) && s[i+1] >= 'A' && s[i+1] <= 'Z'
}

// mergeDataDeps sorts and aggregates data dependencies.
func mergeDataDeps(deps []DataDep) []DataDep {
	slices.SortFunc(deps, func(a, b DataDep) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Routine, b.Routine), cmp.Compare(a.To, b.To),
			strings.Compare(string(a.Kind), string(b.Kind)), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	out := deps[:0]
	for _, d := range deps {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.From == d.From && p.Routine == d.Routine && p.To == d.To && p.Kind == d.Kind {
				p.Count += d.Count
				p.Guess = p.Guess && d.Guess
				continue
			}
		}
		out = append(out, d)
	}
	return out
}
