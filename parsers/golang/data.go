package golang

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// Data access in Go code (see the package documentation).

// sqlPackages are the packages whose query methods take SQL text, with the
// Via of the accesses found through them.
var sqlPackages = map[string]string{
	"database/sql":                    "database/sql",
	"github.com/jmoiron/sqlx":         "sqlx",
	"github.com/jackc/pgx/v4":         "pgx",
	"github.com/jackc/pgx/v5":         "pgx",
	"github.com/jackc/pgx/v4/pgxpool": "pgx",
	"github.com/jackc/pgx/v5/pgxpool": "pgx",
	"github.com/jackc/pgx/v5/pgconn":  "pgx",
	"gorm.io/gorm":                    "gorm",
	"github.com/jinzhu/gorm":          "gorm",
}

// sqlMethods are the names of the methods that take SQL text, in those
// packages and in the interfaces and wrappers repositories declare over
// them (sqlc's DBTX).
var sqlMethods = map[string]bool{
	"Query": true, "QueryContext": true, "QueryRow": true, "QueryRowContext": true,
	"Exec": true, "ExecContext": true, "Prepare": true, "PrepareContext": true,
	"Get": true, "GetContext": true, "Select": true, "SelectContext": true,
	"NamedExec": true, "NamedExecContext": true, "NamedQuery": true, "NamedQueryContext": true,
	"Queryx": true, "QueryxContext": true, "QueryRowx": true, "QueryRowxContext": true,
	"MustExec": true, "MustExecContext": true, "Preparex": true, "PreparexContext": true,
	"PrepareNamed": true, "PrepareNamedContext": true, "Raw": true,
}

// GORM's *gorm.DB methods that finish a statement.
var (
	gormReads  = map[string]bool{"Find": true, "First": true, "Last": true, "Take": true, "Count": true, "Pluck": true, "FindInBatches": true, "FirstOrInit": true, "Scan": true}
	gormWrites = map[string]bool{"Create": true, "CreateInBatches": true, "Save": true, "Update": true, "Updates": true, "UpdateColumn": true, "UpdateColumns": true, "Delete": true, "FirstOrCreate": true}
	// gormDest are those whose first argument is the model (or a slice
	// of it).
	gormDest = map[string]bool{"Find": true, "First": true, "Last": true, "Take": true, "FindInBatches": true, "FirstOrInit": true,
		"Create": true, "CreateInBatches": true, "Save": true, "Delete": true, "FirstOrCreate": true, "Updates": true}
)

// ent's generated <Entity>Client methods.
var (
	entReads  = map[string]bool{"Query": true, "Get": true, "GetX": true}
	entWrites = map[string]bool{"Create": true, "CreateBulk": true, "MapCreateBulk": true, "Update": true, "UpdateOne": true,
		"UpdateOneID": true, "Delete": true, "DeleteOne": true, "DeleteOneID": true}
)

// data records the data accesses a typed call performs.
func (x *fx) data(c *ast.CallExpr, fn *types.Func, recv ast.Expr, id *ast.Ident) {
	if x.from < 0 {
		return
	}
	path := fn.Pkg().Path()
	name := fn.Name()
	if refs := x.s.generatedOf(fn); refs != nil {
		for _, r := range refs {
			r.From, r.Method, r.Line = x.from, x.method, x.line(id.Pos())
			x.f.Data = append(x.f.Data, r)
		}
		return
	}
	if via, ok := sqlPackages[path]; ok {
		if via == "gorm" && isGormDB(fn) {
			if x.gorm(c, name, recv, id) {
				return
			}
		}
		if sqlMethods[name] {
			if arg := sqlArg(fn, c); arg != nil {
				x.sqlAccess(arg, via, id.Pos())
			}
		}
		return
	}
	if named := recvNamed(fn); named != nil {
		if entity, ok := x.entEntity(named); ok {
			kind := facts.DataKind("")
			switch {
			case entReads[name]:
				kind = facts.Reads
			case entWrites[name]:
				kind = facts.Writes
			}
			if kind != "" {
				x.f.Data = append(x.f.Data, facts.DataRef{Kind: kind, Entity: entity, From: x.from, Method: x.method, Routine: -1, Line: x.line(id.Pos()), Via: "ent"})
			}
			return
		}
	}
	if sqlMethods[name] && !x.s.repoPaths[path] || sqlMethods[name] && recvIsInterface(fn) {
		// A method of that name on another type (a repository's DBTX
		// interface, a driver we do not know): its first string argument,
		// if it is SQL.
		for _, a := range c.Args {
			if isString(x.typeOf(a)) {
				x.sqlAccess(a, "sql", id.Pos())
				break
			}
		}
	}
}

// dataUntyped looks for SQL in a call the type checker could not type (a
// driver whose module is missing): a query method's first argument that
// reads as SQL.
func (x *fx) dataUntyped(c *ast.CallExpr, name string) {
	if x.from < 0 || !sqlMethods[name] {
		return
	}
	for _, a := range c.Args {
		if isString(x.typeOf(a)) {
			x.sqlAccess(a, "sql", a.Pos())
			return
		}
	}
}

func recvNamed(fn *types.Func) *types.Named {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	return namedOf(sig.Recv().Type())
}

func recvIsInterface(fn *types.Func) bool {
	n := recvNamed(fn)
	if n == nil {
		return false
	}
	_, ok := n.Underlying().(*types.Interface)
	return ok
}

func isGormDB(fn *types.Func) bool {
	n := recvNamed(fn)
	return n != nil && n.Obj().Name() == "DB"
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// sqlArg returns the argument holding the SQL of a call of a known
// driver: the string parameter named query or sql, else the first string
// parameter.
func sqlArg(fn *types.Func, c *ast.CallExpr) ast.Expr {
	sig := fn.Type().(*types.Signature)
	first := -1
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if !isString(p.Type()) {
			continue
		}
		if first < 0 {
			first = i
		}
		switch strings.ToLower(p.Name()) {
		case "query", "sql", "stmt", "statement":
			if i < len(c.Args) {
				return c.Args[i]
			}
		}
	}
	if first >= 0 && first < len(c.Args) {
		return c.Args[first]
	}
	return nil
}

// sqlAccess extracts the accesses of the SQL an expression evaluates to.
func (x *fx) sqlAccess(e ast.Expr, via string, at token.Pos) {
	text, known := x.sqlText(e, 0)
	if !known {
		return
	}
	res := sql.Extract(text, sql.Options{Fragment: true})
	line := x.line(at)
	for _, d := range res.Data {
		d.From, d.Method, d.Routine, d.Line, d.Via = x.from, x.method, -1, line, via
		x.f.Data = append(x.f.Data, d)
	}
}

// dyn stands for a part of SQL text built at run time (see sql.Options).
const dyn = " __dyn__ "

// sqlText evaluates an expression to SQL text: constants, concatenations,
// local variables assigned in the function, fmt.Sprintf with a constant
// format. Parts not known are __dyn__; known is false when no part is.
func (x *fx) sqlText(e ast.Expr, depth int) (string, bool) {
	if depth > 8 {
		return dyn, false
	}
	if tv, ok := x.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ka := x.sqlText(e.X, depth+1)
			b, kb := x.sqlText(e.Y, depth+1)
			return a + b, ka || kb
		}
	case *ast.Ident:
		if o := x.info.Uses[e]; o != nil && x.locals != nil {
			if vals, ok := x.locals[o]; ok {
				var sb strings.Builder
				known := false
				for _, v := range vals {
					s, k := x.sqlText(v, depth+1)
					sb.WriteString(s)
					known = known || k
				}
				return sb.String(), known
			}
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) > 0 {
			if fn, ok := x.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" {
				f, known := x.sqlText(e.Args[0], depth+1)
				if !known {
					return dyn, false
				}
				return verbs(f), true
			}
		}
	}
	return dyn, false
}

// verbs replaces the formatting verbs of a format string by __dyn__.
func verbs(f string) string {
	var sb strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			sb.WriteByte(f[i])
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			sb.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		for j < len(f) && !unicode.IsLetter(rune(f[j])) {
			j++
		}
		sb.WriteString(dyn)
		i = j
	}
	return sb.String()
}

// assign records string locals for SQL evaluation.
func (x *fx) assign(a *ast.AssignStmt) {
	if len(a.Lhs) != len(a.Rhs) {
		return
	}
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		x.local(id, a.Rhs[i], a.Tok == token.ADD_ASSIGN)
	}
}

func (x *fx) local(id *ast.Ident, v ast.Expr, add bool) {
	o := x.info.Defs[id]
	if o == nil {
		o = x.info.Uses[id]
	}
	if o == nil || !isString(o.Type()) || o.Parent() == nil || o.Pkg() == nil || o.Parent() == o.Pkg().Scope() {
		return
	}
	if x.locals == nil {
		x.locals = map[types.Object][]ast.Expr{}
	}
	if add {
		x.locals[o] = append(x.locals[o], v)
	} else {
		x.locals[o] = []ast.Expr{v}
	}
}

// gorm records the access of a *gorm.DB call that finishes a statement:
// the table named by Table("..."), else the model of Model(&T{}), else the
// destination's type. It reports whether the call was one.
func (x *fx) gorm(c *ast.CallExpr, name string, recv ast.Expr, id *ast.Ident) bool {
	var kind facts.DataKind
	switch {
	case gormReads[name]:
		kind = facts.Reads
	case gormWrites[name]:
		kind = facts.Writes
	default:
		return false
	}
	table := ""
	var model *types.Named
	// The chain before the call: db.Model(&User{}).Where(...).Update(...)
	for e := recv; e != nil; {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		switch sel.Sel.Name {
		case "Table":
			if len(call.Args) > 0 && table == "" {
				if tv, ok := x.info.Types[call.Args[0]]; ok && tv.Value != nil {
					table = firstWord(constString(tv))
				}
			}
		case "Model":
			if len(call.Args) > 0 && model == nil {
				model = elemNamed(x.typeOf(call.Args[0]))
			}
		}
		e = sel.X
	}
	if model == nil && gormDest[name] && len(c.Args) > 0 {
		model = elemNamed(x.typeOf(c.Args[0]))
	}
	line := x.line(id.Pos())
	switch {
	case table != "":
		x.f.Data = append(x.f.Data, facts.DataRef{Kind: kind, Object: strings.ToLower(table), From: x.from, Method: x.method, Routine: -1, Line: line, Via: "gorm"})
	case model != nil && x.s.repoPaths[model.Obj().Pkg().Path()]:
		if _, ok := model.Underlying().(*types.Struct); !ok {
			return true
		}
		x.s.mu.Lock()
		x.s.models[model.Obj()] = true
		x.s.mu.Unlock()
		x.f.Data = append(x.f.Data, facts.DataRef{Kind: kind, Entity: typeFQN(model.Obj()), From: x.from, Method: x.method, Routine: -1, Line: line, Via: "gorm"})
	}
	return true
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(s, "\"`")
}

func constString(tv types.TypeAndValue) string {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

// entEntity returns the ent schema type behind a generated client type:
// <pkg>.UserClient is the client of the schema <pkg>/schema.User.
func (x *fx) entEntity(named *types.Named) (string, bool) {
	name := named.Obj().Name()
	if !strings.HasSuffix(name, "Client") || name == "Client" || named.Obj().Pkg() == nil {
		return "", false
	}
	schema := named.Obj().Pkg().Path() + "/schema"
	if !x.s.repoPaths[schema] {
		return "", false
	}
	return schema + "." + strings.TrimSuffix(name, "Client"), true
}

// entSchemaTables returns, for a package of ent schemas (a struct
// embedding ent.Schema), each schema's table: the Table of an
// entsql.Annotation in its Annotations method, else ent's rule (the
// snake_case plural of the type's name).
func entSchemaTables(n *node, files []*ast.File, info *types.Info) map[string]string {
	if !strings.HasSuffix(n.p.PkgPath, "/schema") {
		return nil
	}
	out := map[string]string{}
	for _, af := range files {
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					if len(fl.Names) == 0 && types.ExprString(fl.Type) == "ent.Schema" {
						out[ts.Name.Name] = snakePlural(ts.Name.Name)
					}
				}
			}
		}
	}
	for _, af := range files {
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "Annotations" || fd.Body == nil {
				continue
			}
			typ := recvTypeName(fd.Recv)
			if _, ok := out[typ]; !ok {
				continue
			}
			ast.Inspect(fd.Body, func(nd ast.Node) bool {
				kv, ok := nd.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Table" {
					if tv, ok := info.Types[kv.Value]; ok && tv.Value != nil {
						if v := constString(tv); v != "" {
							out[typ] = v
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// sqlcAccesses reads the query methods of a file sqlc generated: each
// method's SQL (a constant passed to the DBTX) gives the accesses that a
// call of the method performs.
func (s *shared) sqlcAccesses(l *loader, af *ast.File, info *types.Info) {
	for _, d := range af.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || fd.Body == nil {
			continue
		}
		fn, ok := info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		var refs []facts.DataRef
		ast.Inspect(fd.Body, func(nd ast.Node) bool {
			c, ok := nd.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok || !sqlMethods[sel.Sel.Name] {
				return true
			}
			for _, a := range c.Args {
				if tv, ok := info.Types[a]; ok && tv.Value != nil {
					if text := constString(tv); text != "" {
						for _, r := range sql.Extract(text, sql.Options{Fragment: true}).Data {
							r.Routine, r.Via = -1, "sqlc"
							refs = append(refs, r)
						}
						break
					}
				}
			}
			return true
		})
		if len(refs) > 0 {
			s.mu.Lock()
			s.generated[fn] = refs
			s.mu.Unlock()
		}
	}
}

func (s *shared) generatedOf(fn *types.Func) []facts.DataRef {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.generated[fn]
}
