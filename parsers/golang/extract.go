package golang

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync"

	"github.com/seams-dev/seams/facts"
)

// shared is what the extraction of every package builds together. Packages
// are extracted on the checking workers; the shared parts are under mu.
type shared struct {
	mu    sync.Mutex
	files []*facts.File
	// types locates the repository types declared in analysed files (their
	// declaring file, not a file that only adds methods).
	types map[*types.TypeName]typeLoc
	// sites are the calls of methods of repository interfaces, dispatched
	// at the end (see post).
	sites []ifaceSite
	// models are the GORM models seen in calls; tableNames the values of
	// TableName() methods.
	models     map[*types.TypeName]bool
	tableNames map[*types.TypeName]string
	// generated holds the data accesses of query methods in files sqlc
	// generated: a call of one is an access of the caller.
	generated map[*types.Func][]facts.DataRef
	// repoPaths are the import paths of the repository's packages.
	repoPaths map[string]bool
}

type typeLoc struct {
	f   *facts.File
	idx int
}

type ifaceSite struct {
	f            *facts.File
	from, method int
	iface        *types.Named
	fn           *types.Func
	args, line   int
}

func newShared() *shared {
	return &shared{types: map[*types.TypeName]typeLoc{}, models: map[*types.TypeName]bool{},
		tableNames: map[*types.TypeName]string{}, generated: map[*types.Func][]facts.DataRef{}}
}

// fx extracts the facts of one file.
type fx struct {
	s    *shared
	l    *loader
	n    *node
	info *types.Info
	tf   *token.File
	f    *facts.File
	name string // absolute path

	byName   map[string]int // type name -> index in f.Types (declared or partial)
	module   int            // index of the file's module type, or -1
	exprs    map[string]int // interned ExprType receivers
	from     int
	method   int
	handled  map[*ast.Ident]bool
	failed   map[string]bool             // import paths that did not load
	locals   map[types.Object][]ast.Expr // string locals of the current function, for SQL
	pkgFiles []*ast.File
}

// extract emits the facts of a checked package's files to analyse.
func (s *shared) extract(l *loader, n *node, files []*ast.File, info *types.Info, broken, failedImports []string) {
	own := map[string]bool{}
	for _, f := range n.own {
		own[f] = true
	}
	isBroken := map[string]bool{}
	for _, b := range broken {
		isBroken[b] = true
	}
	failed := map[string]bool{}
	for _, p := range failedImports {
		failed[p] = true
	}
	if n.sqlc {
		for _, af := range files {
			name := l.fset.File(af.Pos()).Name()
			if !own[name] {
				s.sqlcAccesses(l, af, info)
			}
		}
	}
	entTables := entSchemaTables(n, files, info)
	for _, af := range files {
		tf := l.fset.File(af.Pos())
		name := tf.Name()
		rel, ok := l.want[name]
		if !own[name] || !ok || isBroken[name] {
			continue
		}
		x := &fx{s: s, l: l, n: n, info: info, tf: tf, name: name, byName: map[string]int{}, module: -1,
			exprs: map[string]int{}, from: -1, method: -1, handled: map[*ast.Ident]bool{}, failed: failed, pkgFiles: files}
		x.f = &facts.File{Path: rel, Language: "go", Package: n.p.PkgPath, Typed: true, Lines: tf.LineCount(), Bytes: tf.Size()}
		x.file(af, entTables)
		s.mu.Lock()
		s.files = append(s.files, x.f)
		s.mu.Unlock()
	}
}

func (x *fx) line(p token.Pos) int {
	if !p.IsValid() {
		return 0
	}
	return x.tf.Line(p)
}

func (x *fx) file(af *ast.File, entTables map[string]string) {
	f := x.f
	for _, is := range af.Imports {
		imp := facts.Import{Name: strings.Trim(is.Path.Value, "\"`"), Line: x.line(is.Pos())}
		if is.Name != nil {
			imp.Alias = is.Name.Name
		}
		f.Imports = append(f.Imports, imp)
	}
	// Types first: methods may come before their type.
	for _, d := range af.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			tn, _ := x.info.Defs[ts.Name].(*types.TypeName)
			t := facts.Type{Name: ts.Name.Name, Kind: kindOf(tn), Outer: -1, Line: x.line(ts.Pos()), EndLine: x.line(ts.End()),
				Public: ts.Name.IsExported()}
			if ts.TypeParams != nil {
				for _, fl := range ts.TypeParams.List {
					for _, nm := range fl.Names {
						t.TypeParams = append(t.TypeParams, nm.Name)
					}
				}
			}
			if it, ok := ts.Type.(*ast.InterfaceType); ok && tn != nil {
				t.Abstract = true
				_ = it
			}
			x.byName[ts.Name.Name] = len(f.Types)
			f.Types = append(f.Types, t)
			if tn != nil {
				x.s.mu.Lock()
				x.s.types[tn] = typeLoc{f, len(f.Types) - 1}
				x.s.mu.Unlock()
				if table, ok := entTables[tn.Name()]; ok {
					f.Tables = append(f.Tables, facts.Table{Name: table, Kind: facts.BaseTable, Entity: len(f.Types) - 1, Line: t.Line, Via: "ent"})
				}
			}
		}
	}
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			switch d.Tok {
			case token.TYPE:
				for _, sp := range d.Specs {
					x.typeSpec(sp.(*ast.TypeSpec))
				}
			case token.VAR, token.CONST:
				for _, sp := range d.Specs {
					vs := sp.(*ast.ValueSpec)
					x.from, x.method = x.moduleType(), -1
					for _, nm := range vs.Names {
						if nm.Name == "_" {
							continue
						}
						typ := ""
						if vs.Type != nil {
							typ = types.ExprString(vs.Type)
						} else if o := x.info.Defs[nm]; o != nil {
							typ = types.TypeString(o.Type(), x.qualifier)
						}
						mt := &f.Types[x.module]
						mt.Fields = append(mt.Fields, facts.Field{Name: nm.Name, Type: typ, Static: true, Line: x.line(nm.Pos())})
					}
					if vs.Type != nil {
						x.walk(vs.Type)
					}
					for _, v := range vs.Values {
						x.walk(v)
					}
				}
			}
		case *ast.FuncDecl:
			x.funcDecl(d)
		}
	}
	x.from, x.method = -1, -1
}

// qualifier writes package-qualified type names with the package name.
func (x *fx) qualifier(p *types.Package) string {
	if p == x.n.types {
		return ""
	}
	return p.Name()
}

func kindOf(tn *types.TypeName) facts.TypeKind {
	if tn == nil {
		return facts.Defined
	}
	switch tn.Type().Underlying().(type) {
	case *types.Struct:
		return facts.Struct
	case *types.Interface:
		return facts.Interface
	}
	return facts.Defined
}

// moduleName names the module type of a file: the functions, variables
// and constants at the top level of order_service.go are members of the
// type order_service_go.
func moduleName(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, ".go")
	return strings.ReplaceAll(base, ".", "_") + "_go"
}

// moduleType returns the index of the file's module type, adding it.
func (x *fx) moduleType() int {
	if x.module < 0 {
		x.module = len(x.f.Types)
		x.f.Types = append(x.f.Types, facts.Type{Name: moduleName(x.name), Kind: facts.Module, Outer: -1, Line: 1,
			EndLine: x.f.Lines, Public: true})
	}
	return x.module
}

// typeFor returns the index of the type named name in this file: its
// declaration, or a partial declaration that holds the methods this file
// adds to a type declared in another file of the package.
func (x *fx) typeFor(name string) int {
	if i, ok := x.byName[name]; ok {
		return i
	}
	kind := facts.Struct
	if tn, ok := x.n.types.Scope().Lookup(name).(*types.TypeName); ok {
		kind = kindOf(tn)
	}
	i := len(x.f.Types)
	x.f.Types = append(x.f.Types, facts.Type{Name: name, Kind: kind, Outer: -1, Partial: true, Public: token.IsExported(name)})
	x.byName[name] = i
	return i
}

func (x *fx) typeSpec(ts *ast.TypeSpec) {
	idx := x.byName[ts.Name.Name]
	x.from, x.method = idx, -1
	t := &x.f.Types[idx]
	switch st := ts.Type.(type) {
	case *ast.StructType:
		for _, fl := range st.Fields.List {
			typ := types.ExprString(fl.Type)
			if len(fl.Names) == 0 {
				// Embedding: the members of the embedded type are promoted.
				name := typ
				if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
					name = name[dot+1:]
				}
				t = &x.f.Types[idx]
				t.Fields = append(t.Fields, facts.Field{Name: strings.TrimPrefix(name, "*"), Type: typ, Line: x.line(fl.Pos())})
				x.embedded(fl.Type)
				continue
			}
			for _, nm := range fl.Names {
				t = &x.f.Types[idx]
				t.Fields = append(t.Fields, facts.Field{Name: nm.Name, Type: typ, Line: x.line(nm.Pos())})
			}
			x.walk(fl.Type)
		}
	case *ast.InterfaceType:
		for _, fl := range st.Methods.List {
			ft, ok := fl.Type.(*ast.FuncType)
			if !ok {
				x.embedded(fl.Type)
				continue
			}
			for _, nm := range fl.Names {
				m := x.signature(nm.Name, nil, ft)
				m.Public = nm.IsExported()
				m.Line, m.EndLine = x.line(fl.Pos()), x.line(fl.End())
				t = &x.f.Types[idx]
				t.Methods = append(t.Methods, m)
			}
			x.walk(ft)
		}
	default:
		x.walk(ts.Type)
	}
	if ts.TypeParams != nil {
		x.walk(ts.TypeParams)
	}
}

// embedded records an embedded type (a struct's anonymous field, an
// interface's embedded interface) as an extends reference.
func (x *fx) embedded(e ast.Expr) {
	base := e
	if st, ok := base.(*ast.StarExpr); ok {
		base = st.X
	}
	switch b := base.(type) {
	case *ast.IndexExpr:
		x.walk(b.Index)
		base = b.X
	case *ast.IndexListExpr:
		for _, ix := range b.Indices {
			x.walk(ix)
		}
		base = b.X
	}
	var id *ast.Ident
	switch b := base.(type) {
	case *ast.Ident:
		id = b
	case *ast.SelectorExpr:
		id = b.Sel
	}
	if id == nil {
		x.walk(e)
		return
	}
	if tn, ok := x.info.Uses[id].(*types.TypeName); ok {
		if name := typeFQN(tn); name != "" {
			x.ref(facts.Extends, name, id.Pos())
		}
		return
	}
	if sel, ok := base.(*ast.SelectorExpr); ok {
		// Not typed: a package that did not load.
		if pn, ok := x.pkgName(sel.X); ok {
			x.ref(facts.Extends, pn+"."+sel.Sel.Name, id.Pos())
			return
		}
	}
	x.unresolved(facts.Extends, types.ExprString(base), id.Pos())
}

// pkgName returns the import path of a package qualifier.
func (x *fx) pkgName(e ast.Expr) (string, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return "", false
	}
	pn, ok := x.info.Uses[id].(*types.PkgName)
	if !ok {
		return "", false
	}
	return pn.Imported().Path(), true
}

func (x *fx) signature(name string, recv *ast.FieldList, ft *ast.FuncType) facts.Method {
	m := facts.Method{Name: name, Return: "void"}
	if ft.Params != nil {
		for _, p := range ft.Params.List {
			n := max(len(p.Names), 1)
			for range n {
				m.Params = append(m.Params, types.ExprString(p.Type))
			}
		}
	}
	if ft.Results != nil && len(ft.Results.List) > 0 {
		var rs []string
		for _, r := range ft.Results.List {
			for range max(len(r.Names), 1) {
				rs = append(rs, types.ExprString(r.Type))
			}
		}
		if len(rs) == 1 {
			m.Return = rs[0]
		} else {
			m.Return = "(" + strings.Join(rs, ", ") + ")"
		}
	}
	if ft.TypeParams != nil {
		for _, fl := range ft.TypeParams.List {
			for _, nm := range fl.Names {
				m.TypeParams = append(m.TypeParams, nm.Name)
			}
		}
	}
	return m
}

// recvTypeName returns the name of a method's receiver base type.
func recvTypeName(recv *ast.FieldList) string {
	if recv == nil || len(recv.List) == 0 {
		return ""
	}
	e := recv.List[0].Type
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

func (x *fx) funcDecl(d *ast.FuncDecl) {
	m := x.signature(d.Name.Name, d.Recv, d.Type)
	m.Public = d.Name.IsExported()
	m.Line, m.EndLine = x.line(d.Pos()), x.line(d.End())
	var owner int
	if d.Recv != nil {
		name := recvTypeName(d.Recv)
		if name == "" {
			return
		}
		owner = x.typeFor(name)
		if t := &x.f.Types[owner]; t.Partial && (t.Line == 0 || m.Line < t.Line) {
			t.Line = m.Line
		}
		if t := &x.f.Types[owner]; t.Partial && m.EndLine > t.EndLine {
			t.EndLine = m.EndLine
		}
		if d.Name.Name == "TableName" {
			x.tableName(d)
		}
	} else {
		owner = x.moduleType()
		m.Static = true
	}
	t := &x.f.Types[owner]
	x.from, x.method = owner, len(t.Methods)
	t.Methods = append(t.Methods, m)
	x.locals = nil
	if d.Recv != nil {
		for _, fl := range d.Recv.List {
			x.walkRecvType(fl.Type)
		}
	}
	x.walk(d.Type)
	if d.Body != nil {
		x.walk(d.Body)
	}
	x.locals = nil
}

// walkRecvType walks a receiver's type for its type arguments only: the
// receiver type itself is the method's owner.
func (x *fx) walkRecvType(e ast.Expr) {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr, *ast.IndexListExpr:
			return // receiver type parameters: declarations
		default:
			return
		}
	}
}

// tableName records the value of a GORM TableName() method returning a
// constant.
func (x *fx) tableName(d *ast.FuncDecl) {
	if d.Body == nil || len(d.Body.List) != 1 || d.Type.Params.NumFields() != 0 {
		return
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return
	}
	tv, ok := x.info.Types[ret.Results[0]]
	if !ok || tv.Value == nil {
		return
	}
	v := constString(tv)
	if v == "" {
		return
	}
	if tn, ok := x.n.types.Scope().Lookup(recvTypeName(d.Recv)).(*types.TypeName); ok {
		x.s.mu.Lock()
		x.s.tableNames[tn] = v
		x.s.mu.Unlock()
	}
}

// typeFQN is the fully qualified name of a package-level named type
// ("github.com/acme/shop/orders.Order"), or "" for a predeclared or local
// type.
func typeFQN(tn *types.TypeName) string {
	if tn == nil || tn.Pkg() == nil || tn.Parent() != tn.Pkg().Scope() {
		return ""
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

// namedOf returns the named type of t, through pointers.
func namedOf(t types.Type) *types.Named {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Named:
			return u.Origin()
		default:
			return nil
		}
	}
}

// elemNamed returns the named type of t through pointers, slices, arrays
// and maps' values: the element type a GORM destination holds.
func elemNamed(t types.Type) *types.Named {
	for range 8 {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Named:
			if _, ok := u.Underlying().(*types.Slice); ok {
				t = u.Underlying()
				continue
			}
			return u.Origin()
		default:
			return nil
		}
	}
	return nil
}

// funcOwner is the name of the type a package-level function belongs to:
// the module type of its file for a repository package, else its package
// and name (an outside function).
func (x *fx) funcOwner(fn *types.Func) string {
	p := fn.Pkg()
	if x.s.repoPaths[p.Path()] {
		if tf := x.l.fset.File(fn.Pos()); tf != nil {
			return p.Path() + "." + moduleName(tf.Name())
		}
	}
	return p.Path() + "." + fn.Name()
}

// ownerOf is the owner of a package-level variable or constant: the
// module type of its file ("" when it is this file).
func (x *fx) ownerOf(o types.Object) string {
	p := o.Pkg()
	if p == nil || o.Parent() != p.Scope() || !x.s.repoPaths[p.Path()] {
		return ""
	}
	tf := x.l.fset.File(o.Pos())
	if tf == nil || tf == x.tf {
		return ""
	}
	return p.Path() + "." + moduleName(tf.Name())
}

func (x *fx) expr(name string) int {
	if i, ok := x.exprs[name]; ok {
		return i
	}
	i := len(x.f.Exprs)
	x.f.Exprs = append(x.f.Exprs, facts.Expr{Kind: facts.ExprType, Name: name, Base: -1})
	x.exprs[name] = i
	return i
}

func (x *fx) ref(k facts.RefKind, name string, at token.Pos) {
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: k, From: x.from, Method: x.method, Name: name, Recv: -1, Line: x.line(at)})
}

func (x *fx) callRef(k facts.RefKind, owner, member string, args int, at token.Pos) {
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: k, From: x.from, Method: x.method, Member: member, Args: args,
		Recv: x.expr(owner), Line: x.line(at)})
}

// unresolved records a reference the type checker could not type: a
// receiver of unknown type (from a package that did not load, or broken
// code). Its receiver is an ExprUnknown holding the text written.
func (x *fx) unresolved(k facts.RefKind, written string, at token.Pos) {
	e := len(x.f.Exprs)
	x.f.Exprs = append(x.f.Exprs, facts.Expr{Kind: facts.ExprUnknown, Name: written, Base: -1})
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: k, From: x.from, Method: x.method, Recv: e, Line: x.line(at)})
}

// walk visits an expression, statement or type for its references.
func (x *fx) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			// Its locals are its own, but its references are the
			// enclosing function's.
		case *ast.AssignStmt:
			x.assign(n)
		case *ast.ValueSpec:
			for i, nm := range n.Names {
				if i < len(n.Values) && len(n.Names) == len(n.Values) {
					x.local(nm, n.Values[i], false)
				}
			}
		case *ast.CallExpr:
			x.call(n)
		case *ast.CompositeLit:
			if n.Type != nil {
				if named := namedOf(x.typeOf(n)); named != nil {
					if name := typeFQN(named.Obj()); name != "" {
						x.ref(facts.New, name, n.Pos())
						x.markType(n.Type)
					}
				}
			}
		case *ast.Ident:
			x.ident(n)
		}
		return true
	})
}

// markType marks the identifier naming a type so that it is not also
// counted as a type use.
func (x *fx) markType(e ast.Expr) {
	switch t := e.(type) {
	case *ast.Ident:
		x.handled[t] = true
	case *ast.SelectorExpr:
		x.handled[t.Sel] = true
	case *ast.IndexExpr:
		x.markType(t.X)
	case *ast.IndexListExpr:
		x.markType(t.X)
	}
}

func (x *fx) typeOf(e ast.Expr) types.Type {
	if tv, ok := x.info.Types[e]; ok {
		return tv.Type
	}
	return nil
}

func (x *fx) ident(id *ast.Ident) {
	if x.handled[id] {
		return
	}
	switch o := x.info.Uses[id].(type) {
	case *types.TypeName:
		if tn := originName(o); tn != nil {
			if name := typeFQN(tn); name != "" {
				x.ref(facts.TypeUse, name, id.Pos())
			}
		}
	case *types.Func:
		// A function or method used as a value (a handler passed along).
		fn := o.Origin()
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || fn.Pkg() == nil {
			return
		}
		if r := sig.Recv(); r == nil {
			x.callRef(facts.MethodRef, x.funcOwner(fn), fn.Name(), 0, id.Pos())
		} else if named := namedOf(r.Type()); named != nil {
			if name := typeFQN(named.Obj()); name != "" {
				x.callRef(facts.MethodRef, name, fn.Name(), 0, id.Pos())
			}
		}
	case *types.Var, *types.Const:
		if owner := x.ownerOf(o); owner != "" {
			x.ref(facts.TypeUse, owner, id.Pos())
		}
	}
}

// originName returns the generic type an instance comes from, or the
// type's own name.
func originName(tn *types.TypeName) *types.TypeName {
	if named, ok := types.Unalias(tn.Type()).(*types.Named); ok && !tn.IsAlias() {
		return named.Origin().Obj()
	}
	return tn
}

func (x *fx) call(c *ast.CallExpr) {
	fun := ast.Unparen(c.Fun)
	switch e := fun.(type) {
	case *ast.IndexExpr:
		fun = e.X
	case *ast.IndexListExpr:
		fun = e.X
	}
	var id *ast.Ident
	var recv ast.Expr
	switch e := fun.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id, recv = e.Sel, e.X
	default:
		return
	}
	switch o := x.info.Uses[id].(type) {
	case *types.Func:
		x.handled[id] = true
		x.callFunc(c, o.Origin(), recv, id)
	case *types.Builtin:
		if o.Name() == "new" && len(c.Args) == 1 {
			if named := namedOf(x.typeOf(c.Args[0])); named != nil {
				if name := typeFQN(named.Obj()); name != "" {
					x.ref(facts.New, name, c.Pos())
					x.markType(c.Args[0])
				}
			}
		}
	case nil:
		x.handled[id] = true
		if recv == nil {
			if _, isVar := x.info.Defs[id]; !isVar {
				x.unresolvedCall("", id, len(c.Args))
			}
			return
		}
		if path, ok := x.pkgName(recv); ok {
			if x.failed[path] {
				// A function of a package that did not load: outside.
				x.callRef(facts.Call, path+"."+id.Name, id.Name, len(c.Args), id.Pos())
				x.dataUntyped(c, id.Name)
			} else {
				x.unresolvedCall(types.ExprString(recv), id, len(c.Args)) // broken code
			}
			return
		}
		if t := x.typeOf(recv); t != nil && t != types.Typ[types.Invalid] || len(x.failed) == 0 {
			// A method the type does not have, or a value of unknown
			// type while every import loaded: broken code.
			x.unresolvedCall(types.ExprString(recv), id, len(c.Args))
			return
		}
		// A value of unknown type in a package some of whose imports did
		// not load: code that compiles has invalid types only through
		// those, so the method is theirs.
		x.outsideCall(id, len(c.Args))
		x.dataUntyped(c, id.Name)
	}
}

// outsideCall records a call of a method of a package that did not load:
// its receiver is an ExprStatic without a name (package graph counts it
// external).
func (x *fx) outsideCall(id *ast.Ident, args int) {
	e := len(x.f.Exprs)
	x.f.Exprs = append(x.f.Exprs, facts.Expr{Kind: facts.ExprStatic, Base: -1})
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: facts.Call, From: x.from, Method: x.method, Member: id.Name, Args: args,
		Recv: e, Line: x.line(id.Pos())})
}

func (x *fx) unresolvedCall(recv string, id *ast.Ident, args int) {
	e := len(x.f.Exprs)
	x.f.Exprs = append(x.f.Exprs, facts.Expr{Kind: facts.ExprUnknown, Name: recv, Base: -1})
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: facts.Call, From: x.from, Method: x.method, Member: id.Name, Args: args,
		Recv: e, Line: x.line(id.Pos())})
}

func (x *fx) callFunc(c *ast.CallExpr, fn *types.Func, recv ast.Expr, id *ast.Ident) {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || fn.Pkg() == nil {
		return
	}
	args := len(c.Args)
	if r := sig.Recv(); r == nil {
		x.callRef(facts.Call, x.funcOwner(fn), fn.Name(), args, id.Pos())
	} else if named := namedOf(r.Type()); named != nil {
		name := typeFQN(named.Obj())
		if name == "" {
			return
		}
		x.callRef(facts.Call, name, fn.Name(), args, id.Pos())
		if _, isIface := named.Underlying().(*types.Interface); isIface && x.s.repoPaths[named.Obj().Pkg().Path()] && x.from >= 0 {
			x.s.mu.Lock()
			x.s.sites = append(x.s.sites, ifaceSite{f: x.f, from: x.from, method: x.method, iface: named, fn: fn, args: args, line: x.line(id.Pos())})
			x.s.mu.Unlock()
		}
	}
	x.data(c, fn, recv, id)
}
