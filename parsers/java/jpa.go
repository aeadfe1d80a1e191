package java

import (
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/jvm"
	"github.com/seams-dev/seams/parsers/mapping"
)

// Naming is the physical naming strategy: how a JPA name (an entity's,
// or one a mapping writes) becomes a table name.
type Naming uint8

const (
	// SpringBootNaming is Spring Boot's default (Hibernate's
	// CamelCaseToUnderscoresNamingStrategy): dots become underscores, an
	// underscore goes before an upper-case letter that follows a
	// lower-case letter or digit and precedes one, and the result is lower
	// case. It applies to names written in @Table too: "PetType" and
	// @Table(name = "PetType") both map to pet_type. It is the default,
	// since most JPA code today runs on Spring Boot.
	SpringBootNaming Naming = iota
	// VerbatimNaming is plain Hibernate's and JPA's default: the name as
	// written (lower-cased, as every table name in the facts is).
	VerbatimNaming
)

// SetNaming chooses the physical naming strategy for JPA mappings; the
// default is SpringBootNaming.
func (p *Parser) SetNaming(n Naming) { p.x.d.naming = n }

// physical applies the naming strategy to a name.
func (e *extractor) physical(name string) string {
	name = strings.Trim(name, "`\"[]")
	if e.d.naming == VerbatimNaming {
		return strings.ToLower(name)
	}
	return jvm.SpringName(name)
}

// simpleName returns the last part of a dotted name.
func simpleName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// annotations returns the annotation nodes of a modifiers node.
func (e *extractor) annotations(mods int32) []int32 {
	if mods < 0 {
		return nil
	}
	var out []int32
	for c := e.t.FirstChild(mods); c >= 0; c = e.t.Nodes[c].Next {
		if k := e.kind(c); k == kAnnotation || k == kMarkerAnnotation {
			out = append(out, c)
		}
	}
	return out
}

// annName returns an annotation's name as written.
func (e *extractor) annName(a int32) string {
	if nm := e.child(a, e.g.fName); nm >= 0 {
		return e.typeName(nm)
	}
	return ""
}

// annFrom reports whether the annotation a (simple name simple) comes
// from a package whose name contains one of pkgs, judged by how it is
// written or imported; an annotation the file does not import by name
// (a wildcard import) is given the benefit of the doubt.
func (e *extractor) annFrom(a int32, pkgs ...string) bool {
	name := e.annName(a)
	qual := ""
	if strings.Contains(name, ".") {
		qual = name
	} else {
		for _, imp := range e.f.Imports {
			if !imp.Wildcard && !imp.Static && simpleName(imp.Name) == name {
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

// annArg returns the value node of an annotation's element key ("value"
// also for a lone unnamed element), or -1.
func (e *extractor) annArg(a int32, key string) int32 {
	args := e.child(a, e.g.fArguments)
	if args < 0 {
		return -1
	}
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		switch {
		case e.dk(c) == dElementValuePair:
			if k := e.child(c, e.d.g.fKey); k >= 0 && e.text(k) == key {
				return e.child(c, e.g.fValue)
			}
		case e.kind(c) != kComment && key == "value":
			return c
		}
	}
	return -1
}

// annElems returns the elements of an annotation value: the members of an
// array initializer, or the value itself.
func (e *extractor) annElems(v int32) []int32 {
	if v < 0 {
		return nil
	}
	if e.dk(v) != dElementArray {
		return []int32{v}
	}
	var out []int32
	for c := e.t.FirstChild(v); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			out = append(out, c)
		}
	}
	return out
}

// annString returns the string value of an annotation element, when the
// file alone determines it.
func (e *extractor) annString(a int32, key string) (string, bool) {
	v := e.annArg(a, key)
	if v < 0 {
		return "", false
	}
	b := builder{noLocals: true}
	e.build(v, &b)
	return plainText(b.parts)
}

// annStrings builds the string value of an annotation element; an array
// of strings is joined by spaces (as MyBatis does).
func (e *extractor) annStrings(v int32) builder {
	b := builder{noLocals: true}
	for i, el := range e.annElems(v) {
		if i > 0 {
			b.text(" ")
		}
		e.build(el, &b)
	}
	return b
}

// annClass returns the type of a class-literal annotation element.
func (e *extractor) annClass(a int32, key string) string {
	v := e.annArg(a, key)
	if v < 0 || e.kind(v) != kClassLiteral {
		return ""
	}
	if ty := e.t.FirstChild(v); ty >= 0 {
		return e.typeName(ty)
	}
	return ""
}

// annSQL emits the accesses of SQL or JPQL written in an annotation.
func (e *extractor) annSQL(v int32, jpql bool, from, method, line int, via string) {
	if v < 0 {
		return
	}
	b := e.annStrings(v)
	if via == "mybatis" {
		if s, ok := plainText(b.parts); ok && strings.HasPrefix(strings.TrimSpace(s), "<script>") {
			o := notSQL
			for _, text := range mapping.FlattenScript(s) {
				vb := builder{parts: []part{{text: text}}}
				o = max(o, e.emitSQL(&vb, nil, false, from, method, line, via))
			}
			e.d.stats.count(o, true, via)
			return
		}
	}
	e.d.stats.count(e.emitSQL(&b, nil, jpql, from, method, line, via), true, via)
}

// typeData reads the mappings and queries a type declares in its
// annotations: JPA entities and their tables, named queries, Spring Data
// repositories, mapper interfaces.
func (e *extractor) typeData(decl int32, typ int) {
	t := &e.f.Types[typ]
	if t.Kind != facts.Interface && !slices.ContainsFunc(t.Annotations, dataAnnotation) {
		return
	}
	anns := e.annotations(e.childKind(decl, kModifiers))
	entity := false
	for _, a := range anns {
		name := e.annName(a)
		line := e.lineOf(a)
		switch simpleName(name) {
		case "Entity":
			entity = e.annFrom(a, "persistence", "hibernate")
		case "NamedQuery":
			e.annSQL(e.annArg(a, "query"), true, typ, -1, line, "jpa")
		case "NamedQueries":
			for _, q := range e.annElems(e.annArg(a, "value")) {
				if k := e.kind(q); k == kAnnotation {
					e.annSQL(e.annArg(q, "query"), true, typ, -1, e.lineOf(q), "jpa")
				}
			}
		case "NamedNativeQuery":
			e.annSQL(e.annArg(a, "query"), false, typ, -1, line, "jpa-native")
		case "NamedNativeQueries":
			for _, q := range e.annElems(e.annArg(a, "value")) {
				if k := e.kind(q); k == kAnnotation {
					e.annSQL(e.annArg(q, "query"), false, typ, -1, e.lineOf(q), "jpa-native")
				}
			}
		case "NamedStoredProcedureQuery":
			e.procedure(a, "procedureName", typ, -1, "jpa")
		case "NamedStoredProcedureQueries":
			for _, q := range e.annElems(e.annArg(a, "value")) {
				if e.kind(q) == kAnnotation {
					e.procedure(q, "procedureName", typ, -1, "jpa")
				}
			}
		case "SQLInsert", "SQLUpdate", "SQLDelete", "SQLDeleteAll", "Subselect":
			key := "sql"
			if simpleName(name) == "Subselect" {
				key = "value"
			}
			e.annSQL(e.annArg(a, key), false, typ, -1, line, "hibernate")
		}
	}
	if entity && t.Kind == facts.Class {
		e.entity(decl, typ, anns)
	}
	if t.Kind == facts.Interface {
		e.interfaceData(decl, typ, anns)
	}
}

// dataAnnotation reports whether a type annotation is one typeData reads.
func dataAnnotation(name string) bool {
	switch simpleName(name) {
	case "Entity", "NamedQuery", "NamedQueries", "NamedNativeQuery", "NamedNativeQueries",
		"NamedStoredProcedureQuery", "NamedStoredProcedureQueries",
		"SQLInsert", "SQLUpdate", "SQLDelete", "SQLDeleteAll", "Subselect":
		return true
	}
	return false
}

// procedure emits a call of the stored procedure an annotation names in
// its element key.
func (e *extractor) procedure(a int32, key string, from, method int, via string) {
	s, ok := e.annString(a, key)
	if !ok {
		return
	}
	obj, ok := mapping.ObjectName(s)
	if !ok {
		return
	}
	e.d.stats.count(resolved, true, via)
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: obj, From: from, Method: method, Routine: -1, Line: e.lineOf(a), Via: via})
}

// entity reads a JPA entity: its table (@Table, or the naming strategy
// applied to the entity name), secondary tables, inheritance strategy,
// and its associations as foreign keys and join tables.
func (e *extractor) entity(decl int32, typ int, anns []int32) {
	t := &e.f.Types[typ]
	logical := simpleName(t.Name)
	var tableAnn, secondary []int32
	tbl := facts.Table{Kind: facts.BaseTable, Entity: typ, Line: t.Line, Via: "jpa"}
	subselect := false
	for _, a := range anns {
		switch simpleName(e.annName(a)) {
		case "Entity":
			if s, ok := e.annString(a, "name"); ok && s != "" {
				logical = s
			}
		case "Table":
			if e.annFrom(a, "persistence", "hibernate") {
				tableAnn = append(tableAnn, a)
			}
		case "SecondaryTable":
			secondary = append(secondary, a)
		case "SecondaryTables":
			for _, s := range e.annElems(e.annArg(a, "value")) {
				if e.kind(s) == kAnnotation {
					secondary = append(secondary, s)
				}
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
			subselect = true
		}
	}
	if subselect {
		return // mapped to a query, not a table: its reads are emitted
	}
	tbl.Name = e.physical(logical)
	if len(tableAnn) > 0 {
		tbl.Name = e.tableName(tableAnn[0], tbl.Name)
	}
	at := len(e.f.Tables)
	e.f.Tables = append(e.f.Tables, tbl)
	for _, s := range secondary {
		if name := e.tableName(s, ""); name != "" {
			e.f.Tables = append(e.f.Tables, facts.Table{Name: name, Kind: facts.BaseTable, Entity: typ, Line: e.lineOf(s), Via: "jpa",
				ForeignKeys: []facts.ForeignKey{{Table: tbl.Name, Line: e.lineOf(s)}}})
		}
	}
	if body := e.child(decl, e.g.fBody); body >= 0 {
		e.associations(body, typ, at, logical)
	}
}

// tableName reads @Table, @SecondaryTable, @JoinTable or @CollectionTable:
// [schema.]name with the naming strategy applied, or def when it names no
// table.
func (e *extractor) tableName(a int32, def string) string {
	name, ok := e.annString(a, "name")
	if !ok || name == "" {
		if def == "" {
			return ""
		}
		name = def
	} else {
		name = e.physical(name)
	}
	if schema, ok := e.annString(a, "schema"); ok && schema != "" {
		name = e.physical(schema) + "." + name
	}
	return name
}

// association is what the annotations of one attribute say.
type association struct {
	kind     string // ManyToOne, OneToOne, OneToMany, ManyToMany, ElementCollection
	ann      int32
	mappedBy bool
	joinCols []string
	join     bool  // has @JoinColumn(s)
	table    int32 // @JoinTable or @CollectionTable, or -1
}

// associations reads the association attributes (fields, or getters
// under property access) of an entity whose own table is f.Tables[at].
func (e *extractor) associations(body int32, typ, at int, logical string) {
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		k := e.kind(c)
		if k != kFieldDecl && k != kMethodDecl {
			continue
		}
		as := association{table: -1}
		for _, a := range e.annotations(e.childKind(c, kModifiers)) {
			switch n := simpleName(e.annName(a)); n {
			case "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "ElementCollection":
				as.kind, as.ann = n, a
				if s, ok := e.annString(a, "mappedBy"); ok && s != "" {
					as.mappedBy = true
				}
			case "JoinColumn", "JoinColumns", "PrimaryKeyJoinColumn", "MapsId":
				as.join = true
				as.joinCols = append(as.joinCols, e.joinColumns(a)...)
			case "JoinTable", "CollectionTable":
				as.table = a
			}
		}
		if as.kind == "" || as.mappedBy {
			continue
		}
		ty := e.child(c, e.g.fType)
		if ty < 0 {
			continue
		}
		attr := ""
		if k == kFieldDecl {
			for d := e.t.FirstChild(c); d >= 0; d = e.t.Nodes[d].Next {
				if e.t.Nodes[d].Field == e.g.fDeclarator {
					if nm := e.child(d, e.g.fName); nm >= 0 {
						attr = e.text(nm)
					}
					break
				}
			}
		} else if nm := e.child(c, e.g.fName); nm >= 0 {
			attr = strings.TrimPrefix(strings.TrimPrefix(e.text(nm), "get"), "is")
			if attr != "" {
				attr = strings.ToLower(attr[:1]) + attr[1:]
			}
		}
		many := as.kind == "OneToMany" || as.kind == "ManyToMany" || as.kind == "ElementCollection"
		target := e.annClass(as.ann, "targetEntity")
		if target == "" {
			target = e.elementType(ty, many)
		}
		if e.isTypeParam(target) {
			target = "" // a generic attribute: the subclass says
		}
		own := e.f.Tables[at].Name
		line := e.lineOf(c)
		switch {
		case as.kind == "ElementCollection":
			name := ""
			if as.table >= 0 {
				name = e.tableName(as.table, "")
			}
			if name == "" && attr != "" {
				name = e.physical(logical + "_" + attr)
			}
			if name == "" {
				continue
			}
			var cols []string
			if as.table >= 0 {
				cols = e.joinColumnsOf(as.table, "joinColumns")
			}
			e.joinTable(name, typ, line, facts.ForeignKey{Columns: cols, Table: own, Line: line})
		case as.table >= 0:
			name := e.tableName(as.table, "")
			if name == "" || target == "" {
				continue
			}
			e.joinTable(name, typ, line,
				facts.ForeignKey{Columns: e.joinColumnsOf(as.table, "joinColumns"), Table: own, Line: line},
				facts.ForeignKey{Columns: e.joinColumnsOf(as.table, "inverseJoinColumns"), Entity: target, Line: line})
		case target == "":
		case as.kind == "ManyToOne" || as.kind == "OneToOne":
			t := &e.f.Tables[at]
			t.ForeignKeys = append(t.ForeignKeys, facts.ForeignKey{Columns: as.joinCols, Entity: target, Line: line})
		case as.kind == "OneToMany" && as.join:
			// The join column is in the target's table.
			e.f.Tables = append(e.f.Tables, facts.Table{Kind: facts.BaseTable, Entity: -1, EntityName: target, Line: line, Via: "jpa",
				ForeignKeys: []facts.ForeignKey{{Columns: as.joinCols, Table: own, Line: line}}})
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

// joinColumns returns the column names of a @JoinColumn or @JoinColumns.
func (e *extractor) joinColumns(a int32) []string {
	if simpleName(e.annName(a)) == "JoinColumns" {
		return e.joinColumnsOf(a, "value")
	}
	if s, ok := e.annString(a, "name"); ok && s != "" {
		return []string{strings.ToLower(strings.Trim(s, "`\""))}
	}
	return nil
}

// joinColumnsOf returns the column names of the @JoinColumn annotations in
// an element (joinColumns, inverseJoinColumns, value).
func (e *extractor) joinColumnsOf(a int32, key string) []string {
	var out []string
	for _, c := range e.annElems(e.annArg(a, key)) {
		if e.kind(c) == kAnnotation {
			out = append(out, e.joinColumns(c)...)
		}
	}
	return out
}

// elementType returns the entity type of an attribute's type node: the
// type itself, or for a collection its (last) type argument.
func (e *extractor) elementType(ty int32, many bool) string {
	if !many {
		if e.kind(ty) == kGenericType {
			return ""
		}
		return e.typeName(ty)
	}
	if e.kind(ty) != kGenericType {
		return ""
	}
	args := e.childKind(ty, kTypeArguments)
	if args < 0 {
		return ""
	}
	last := int32(-1)
	for c := e.t.FirstChild(args); c >= 0; c = e.t.Nodes[c].Next {
		if e.kind(c) != kComment {
			last = c
		}
	}
	if last < 0 || e.kind(last) == kWildcard || e.kind(last) == kGenericType {
		return ""
	}
	return e.typeName(last)
}

// interfaceData reads an interface: a Spring Data repository (its entity,
// inherited and derived queries), and query annotations on its methods
// (Spring Data @Query, @Procedure; MyBatis @Select...; JDBI @SqlQuery...).
func (e *extractor) interfaceData(decl int32, typ int, anns []int32) {
	entity, rk := "", 0
	if ext := e.childKind(decl, kExtendsInterfaces); ext >= 0 {
		last := e.lastDesc(ext)
		for g := ext + 1; g <= last; g++ {
			if e.kind(g) != kGenericType {
				continue
			}
			base := e.t.FirstChild(g)
			if base < 0 {
				continue
			}
			k := jvm.RepositoryKind(simpleName(e.typeName(base)))
			if k == 0 {
				continue
			}
			if args := e.childKind(g, kTypeArguments); args >= 0 {
				if a := e.t.FirstChild(args); a >= 0 && e.kind(a) != kWildcard {
					if ent := e.typeName(a); ent != "" && (entity == "" || entity == ent) {
						entity, rk = ent, max(rk, k)
					}
				}
			}
			g = e.lastDesc(g)
		}
	}
	for _, a := range anns {
		if simpleName(e.annName(a)) == "RepositoryDefinition" {
			if ent := e.annClass(a, "domainClass"); ent != "" {
				entity, rk = ent, max(rk, 1)
			}
		}
	}
	t := &e.f.Types[typ]
	for _, p := range t.TypeParams {
		if p == entity {
			entity = "" // a generic base repository
		}
	}
	if entity != "" {
		if rk >= 2 {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Reads, Entity: entity, From: typ, Method: -1, Routine: -1, Line: t.Line, Via: "spring-data"})
		}
		if rk >= 3 {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Writes, Entity: entity, From: typ, Method: -1, Routine: -1, Line: t.Line, Via: "spring-data"})
		}
	}
	body := e.child(decl, e.g.fBody)
	if body < 0 {
		return
	}
	jdbcQuery := false // Spring Data JDBC's or R2DBC's @Query holds SQL
	for _, imp := range e.f.Imports {
		if strings.HasPrefix(imp.Name, "org.springframework.data.jdbc") || strings.HasPrefix(imp.Name, "org.springframework.data.r2dbc") {
			jdbcQuery = true
		}
	}
	idx := -1
	for c := e.t.FirstChild(body); c >= 0; c = e.t.Nodes[c].Next {
		switch e.kind(c) {
		case kMethodDecl, kConstructorDecl, kCompactConstructorDecl, kAnnotationElementDecl:
			idx++
		default:
			continue
		}
		if e.kind(c) != kMethodDecl || idx >= len(t.Methods) {
			continue
		}
		m := t.Methods[idx]
		if nm := e.child(c, e.g.fName); nm < 0 || e.text(nm) != m.Name {
			return // the walk's numbering differs: attribute nothing
		}
		handled := false
		for _, a := range e.annotations(e.childKind(c, kModifiers)) {
			line := e.lineOf(a)
			switch simpleName(e.annName(a)) {
			case "Query":
				if !e.annFrom(a, "springframework.data.jpa", "springframework.data.jdbc", "springframework.data.r2dbc", "springframework.data.repository") {
					continue
				}
				handled = true
				native := jdbcQuery
				if v := e.annArg(a, "nativeQuery"); v >= 0 && e.dk(v) == dTrue {
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
			case "Select", "Insert", "Update", "Delete":
				if !e.annFrom(a, "ibatis") {
					continue
				}
				handled = true
				e.annSQL(e.annArg(a, "value"), false, typ, idx, line, "mybatis")
			case "SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall":
				if !e.annFrom(a, "jdbi") {
					continue
				}
				handled = true
				e.annSQL(e.annArg(a, "value"), false, typ, idx, line, "jdbi")
			case "Procedure":
				handled = true
				switch {
				case e.annArg(a, "procedureName") >= 0:
					e.procedure(a, "procedureName", typ, idx, "spring-data")
				case e.annArg(a, "value") >= 0:
					e.procedure(a, "value", typ, idx, "spring-data")
				case e.annArg(a, "name") >= 0:
					// A @NamedStoredProcedureQuery's name: declared on the
					// entity, which emits its call.
				default:
					e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: strings.ToLower(m.Name), From: typ, Method: idx, Routine: -1, Line: line, Via: "spring-data"})
				}
			}
		}
		if handled || entity == "" || m.Static || e.child(c, e.g.fBody) >= 0 {
			continue
		}
		if k, ok := jvm.DerivedQuery(m.Name); ok {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: k, Entity: entity, From: typ, Method: idx, Routine: -1, Line: m.Line, Via: "spring-data"})
		}
	}
}
