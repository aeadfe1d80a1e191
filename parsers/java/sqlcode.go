package java

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/mapping"
	"github.com/seams-dev/seams/parsers/sql"
)

// recvClass is what the file says about the receiver of a call that may
// reach the database.
type recvClass uint8

const (
	recvUnknown recvClass = iota // no declared type in the file
	recvOther                    // a declared type that is none of these
	recvJDBC
	recvSpring
	recvJPA
	recvHibernate
)

// recvClassOf classifies the receiver node of a call by its declared type
// (a local, parameter or field of this file) or, for a call, by the
// accessor's name (getJdbcTemplate(), getSession()).
func (e *extractor) recvClassOf(obj int32) recvClass {
	if obj < 0 {
		return recvUnknown
	}
	var t string
	switch e.kind(obj) {
	case kIdentifier:
		name := e.text(obj)
		if l, ok := e.lookupLocal(name); ok {
			t = l.typ
		} else if ft, ok := e.lookupField(name); ok {
			t = ft
		} else {
			return recvUnknown
		}
	case kFieldAccess:
		o, f := e.child(obj, e.g.fObject), e.child(obj, e.g.fField)
		if o < 0 || f < 0 || e.kind(o) != kThis || len(e.frames) == 0 {
			return recvUnknown
		}
		ft, ok := e.frames[len(e.frames)-1].fields[e.text(f)]
		if !ok {
			return recvUnknown
		}
		t = ft
	case kMethodInvocation:
		nm := e.child(obj, e.g.fName)
		if nm < 0 {
			return recvUnknown
		}
		switch e.text(nm) {
		case "getJdbcTemplate", "jdbcTemplate", "getNamedParameterJdbcTemplate", "getJdbcOperations":
			return recvSpring
		case "getEntityManager", "entityManager", "createEntityManager":
			return recvJPA
		case "getSession", "getCurrentSession", "currentSession", "openSession", "openStatelessSession", "getHibernateTemplate":
			return recvHibernate
		case "getConnection", "createStatement":
			return recvJDBC
		}
		return recvUnknown
	default:
		return recvUnknown
	}
	return classOfType(t)
}

// classOfType classifies a type as written.
func classOfType(t string) recvClass {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	switch t {
	case "":
		return recvUnknown
	case "Statement", "PreparedStatement", "CallableStatement", "Connection":
		return recvJDBC
	case "JdbcTemplate", "JdbcOperations", "NamedParameterJdbcTemplate", "NamedParameterJdbcOperations", "JdbcClient", "SimpleJdbcTemplate":
		return recvSpring
	case "EntityManager":
		return recvJPA
	case "Session", "StatelessSession", "SharedSessionContract", "HibernateTemplate", "HibernateOperations":
		return recvHibernate
	}
	return recvOther
}

// callData looks at a method call (node i, receiver obj, name node nm
// holding name) for an
// access to the database: SQL or JPQL handed to JDBC, Spring, JPA or
// Hibernate; a stored procedure called by name; an entity written or read
// through an EntityManager or a Hibernate Session.
func (e *extractor) callData(i, obj, nm int32, name string) {
	var (
		via    string
		strong bool // the method takes SQL whatever the receiver
		jpql   bool
	)
	switch name {
	case "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch", "prepareStatement", "prepareCall":
		via, strong = "jdbc", true
	case "execute":
		via = "jdbc"
	case "query", "update", "sql":
		via = "spring-jdbc"
	case "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "queryForStream", "queryForLong", "queryForInt", "batchUpdate":
		via, strong = "spring-jdbc", true
	case "createNativeQuery":
		via, strong = "jpa-native", true
	case "createSQLQuery", "createNativeMutationQuery":
		via, strong = "hibernate", true
	case "createQuery", "createSelectionQuery", "createMutationQuery":
		via, jpql = "jpa", true
	case "createStoredProcedureQuery", "createStoredProcedureCall", "withProcedureName", "withFunctionName", "withTableName":
		e.namedObject(i, nm, name)
		return
	case "persist", "merge", "remove", "save", "saveOrUpdate", "delete", "replicate",
		"find", "getReference", "get", "load", "createCriteria", "refresh":
		e.entityOp(i, obj, nm, name)
		return
	default:
		return
	}
	args := e.argNodes(i)
	if len(args) == 0 {
		return
	}
	rc := e.recvClassOf(obj)
	switch rc {
	case recvJDBC:
		via = "jdbc"
	case recvSpring:
		via = "spring-jdbc"
	case recvJPA:
		if !jpql {
			via = "jpa-native"
		}
	case recvHibernate:
		if name == "update" {
			e.entityOp(i, obj, nm, name)
			return
		}
		via = "hibernate"
	}
	sqlRecv := rc >= recvJDBC
	if !stringish(e.kind(args[0])) {
		return
	}
	n := 1
	if name == "batchUpdate" {
		n = len(args)
	}
	for _, a := range args[:n] {
		if !stringish(e.kind(a)) || !e.maybeString(a) {
			continue
		}
		b := builder{}
		e.build(a, &b)
		if !strong && !sqlRecv && rc == recvOther && hasKonst(b.parts) {
			continue // a constant handed to some other API
		}
		var sure *builder
		if b.cond {
			sure = &builder{certain: true}
			e.build(a, sure)
		}
		e.d.stats.count(e.emitSQL(&b, sure, jpql, e.from(), e.method, e.lineOf(nm), via), strong || sqlRecv, via)
	}
}

// stringish reports whether a node of kind k may be a String expression.
func stringish(k kind) bool {
	switch k {
	case kStringLiteral, kIdentifier, kFieldAccess, kMethodInvocation, kParenthesized, kObjectCreation, kOther, kCast:
		return true
	}
	return false
}

// maybeString reports whether the value at node n may be a string: not a
// local or field whose declared type is something else (a CriteriaQuery,
// a PreparedStatementCreator).
func (e *extractor) maybeString(n int32) bool {
	if e.kind(n) != kIdentifier {
		return true
	}
	switch t := e.valueType(n); t {
	case "", "var", "String", "java.lang.String", "CharSequence", "StringBuilder", "StringBuffer":
		return true
	}
	return false
}

func hasKonst(ps []part) bool {
	for _, p := range ps {
		if p.konst != "" {
			return true
		}
	}
	return false
}

// namedObject reads a call that names a procedure or a table:
// EntityManager.createStoredProcedureQuery("p"), Hibernate's
// createStoredProcedureCall, Spring's SimpleJdbcCall.withProcedureName /
// withFunctionName and SimpleJdbcInsert.withTableName.
func (e *extractor) namedObject(i, nm int32, name string) {
	args := e.argNodes(i)
	if len(args) == 0 || !stringish(e.kind(args[0])) {
		return
	}
	b := builder{}
	e.build(args[0], &b)
	s, ok := plainText(b.parts)
	if !ok {
		return
	}
	obj, ok := mapping.ObjectName(s)
	if !ok {
		return
	}
	ref := facts.DataRef{Kind: facts.Calls, Object: obj, From: e.from(), Method: e.method, Routine: -1,
		Line: e.lineOf(nm), Guess: b.guess, Via: "jpa"}
	switch name {
	case "createStoredProcedureCall":
		ref.Via = "hibernate"
	case "withProcedureName", "withFunctionName":
		ref.Via = "spring-jdbc"
	case "withTableName":
		ref.Kind, ref.Via = facts.Writes, "spring-jdbc"
	}
	e.d.stats.count(resolved, true, ref.Via)
	e.f.Data = append(e.f.Data, ref)
}

// entityOp reads a write or read of an entity through an EntityManager or
// a Hibernate Session: persist/merge/remove/save/update/delete of a value
// whose type the file declares, find/get/load/getReference of X.class.
func (e *extractor) entityOp(i, obj, nm int32, name string) {
	rc := e.recvClassOf(obj)
	if rc != recvJPA && rc != recvHibernate {
		return
	}
	args := e.argNodes(i)
	if len(args) == 0 {
		return
	}
	kind := facts.Writes
	a := args[0]
	switch name {
	case "find", "getReference", "get", "load", "createCriteria", "refresh":
		kind = facts.Reads
	}
	var entity string
	if kind == facts.Reads {
		if e.kind(a) == kClassLiteral {
			if ty := e.t.FirstChild(a); ty >= 0 {
				entity = e.typeName(ty)
			}
		} else if name == "refresh" {
			entity = e.valueType(a)
		}
	} else {
		if len(args) == 2 && e.kind(a) == kStringLiteral {
			a = args[1] // session.save("EntityName", object)
		}
		entity = e.valueType(a)
	}
	if entity == "" || e.isTypeParam(entity) {
		return
	}
	switch entity {
	case "Object", "String", "java.lang.Object", "var":
		return
	}
	via := "jpa"
	if rc == recvHibernate {
		via = "hibernate"
	}
	e.f.Data = append(e.f.Data, facts.DataRef{Kind: kind, Entity: entity, From: e.from(), Method: e.method, Routine: -1, Line: e.lineOf(nm), Via: via})
}

// valueType returns the declared type of the value at node n, as
// written without generics: a local, parameter or field, a new, a cast.
func (e *extractor) valueType(n int32) string {
	var t string
	switch e.kind(n) {
	case kIdentifier:
		name := e.text(n)
		if l, ok := e.lookupLocal(name); ok {
			t = l.typ
			if t == "" && l.expr >= 0 && e.exprs[l.expr].Kind == facts.ExprType {
				t = e.exprs[l.expr].Name // var x = new X()
			}
		} else if ft, ok := e.lookupField(name); ok {
			t = ft
		}
	case kObjectCreation, kCast:
		if ty := e.child(n, e.g.fType); ty >= 0 {
			if e.kind(n) == kObjectCreation && e.childKind(n, kClassBody) >= 0 {
				return ""
			}
			t = e.typeName(ty)
		}
	case kFieldAccess:
		o, f := e.child(n, e.g.fObject), e.child(n, e.g.fField)
		if o >= 0 && f >= 0 && e.kind(o) == kThis && len(e.frames) > 0 {
			t = e.frames[len(e.frames)-1].fields[e.text(f)]
		}
	}
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	if strings.HasSuffix(t, "]") || strings.Contains(t, "|") {
		return ""
	}
	return t
}

// sqlRefs emits the accesses of code's SQL text.
func (e *extractor) sqlRefs(text string, from, method, line int, via string, guess bool) {
	if name, ok := mapping.CallEscape(text); ok {
		if name != "" {
			e.f.Data = append(e.f.Data, facts.DataRef{Kind: facts.Calls, Object: name, From: from, Method: method, Routine: -1, Line: line, Guess: guess, Via: via})
		}
		return
	}
	r := sql.Extract(text, sql.Options{Fragment: true})
	for _, d := range r.Data {
		d.From, d.Method, d.Routine, d.Line, d.Via = from, method, -1, line, via
		d.Guess = d.Guess || guess
		e.f.Data = append(e.f.Data, d)
	}
}
