package golang

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/mod/modfile"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
	"github.com/seams-dev/seams/parsers/sql"
)

// Parser reads Go files one at a time with tree-sitter, without type
// information: the fallback for files whose packages do not load, and the
// parser of files given by their bytes (a past commit's blobs). It holds a
// tree-sitter parser: Close it. It is not safe for concurrent use.
type Parser struct {
	g  *grammar
	ts *tsflat.Parser
}

// NewParser returns a tree-sitter Go parser.
func NewParser() (*Parser, error) {
	g := loadGrammar()
	ts, err := tsflat.NewParser(g.lang)
	if err != nil {
		return nil, err
	}
	return &Parser{g: g, ts: ts}, nil
}

// Close frees the parser.
func (p *Parser) Close() { p.ts.Close() }

// Parse extracts the facts of one file. Its Package is the file's
// directory: the import path is not known without go.mod (package graph
// matches import paths to directories by their suffix).
func (p *Parser) Parse(ctx context.Context, rel string, src []byte) (*facts.File, error) {
	return p.parse(ctx, rel, src, "")
}

func (p *Parser) parse(ctx context.Context, rel string, src []byte, pkgPath string) (*facts.File, error) {
	t, err := p.ts.Parse(ctx, src)
	if err != nil {
		return nil, err
	}
	if pkgPath == "" {
		pkgPath = path.Dir(rel)
		if pkgPath == "." {
			pkgPath = ""
		}
	}
	f := &facts.File{Path: rel, Language: "go", Package: pkgPath, Bytes: len(src)}
	x := &tsx{g: p.g, t: t, f: f, byName: map[string]int{}, module: -1, from: -1, method: -1, moduleName: moduleName(rel)}
	x.lineStarts(src)
	f.Lines = len(x.lines)
	if len(src) > 0 && src[len(src)-1] == '\n' {
		f.Lines--
	}
	x.run()
	if t.Errors > 0 || t.Missing > 0 {
		f.Diagnostics = append(f.Diagnostics, facts.Diagnostic{Path: rel, Line: x.line(t.FirstError), Severity: facts.Warning, Code: "syntax",
			Message: fmt.Sprintf("syntax error (%d error nodes, %d missing tokens); facts from the intact parts were kept", t.Errors, t.Missing)})
	}
	return f, nil
}

// fallback reads with tree-sitter the files that were not type-checked.
func (l *loader) fallback(ctx context.Context, rels []string, why map[string]string) ([]*facts.File, []facts.Diagnostic, error) {
	if len(rels) == 0 {
		return nil, nil, nil
	}
	p, err := NewParser()
	if err != nil {
		return nil, nil, err
	}
	defer p.Close()
	modPaths := map[string]string{} // module dir -> module path
	modOf := map[string]string{}
	var out []*facts.File
	var diags []facts.Diagnostic
	for _, rel := range rels {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		abs := filepath.Join(l.root, filepath.FromSlash(rel))
		src, err := os.ReadFile(abs)
		if err != nil {
			diags = append(diags, facts.Diagnostic{Path: rel, Severity: facts.Skipped, Code: "unreadable", Message: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		pkgPath := ""
		if mod := findModule(filepath.Dir(abs), modOf); mod != "" {
			mp, ok := modPaths[mod]
			if !ok {
				if data, err := os.ReadFile(filepath.Join(mod, "go.mod")); err == nil {
					mp = modfile.ModulePath(data)
				}
				modPaths[mod] = mp
			}
			if mp != "" {
				if d, err := filepath.Rel(mod, filepath.Dir(abs)); err == nil {
					pkgPath = path.Join(mp, filepath.ToSlash(d))
				}
			}
		}
		f, err := p.parse(ctx, rel, src, pkgPath)
		if err != nil {
			diags = append(diags, facts.Diagnostic{Path: rel, Severity: facts.Skipped, Code: "parse-failed", Message: err.Error()})
			continue
		}
		if why[rel] == "test" && strings.HasSuffix(f.Package, "_test") {
			f.Package = strings.TrimSuffix(f.Package, "_test")
		}
		out = append(out, f)
	}
	return out, diags, nil
}

// predeclared are Go's predeclared types and functions: never references.
var predeclared = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true, "error": true, "float32": true, "float64": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "any": true, "comparable": true,
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true, "delete": true, "imag": true,
	"len": true, "make": true, "max": true, "min": true, "new": true, "panic": true, "print": true, "println": true,
	"real": true, "recover": true,
}

// tsx extracts the facts of one file from its flat syntax tree.
type tsx struct {
	g          *grammar
	t          *tsflat.Tree
	f          *facts.File
	lines      tsflat.Lines
	byName     map[string]int
	module     int
	moduleName string
	from       int
	method     int
	recvName   string
	recvType   string
	typeParams []string
	scopes     []map[string]int // local name -> expression of its value (-1 unknown)
	// recvs memoizes the receiver expression of each node: without it a
	// call chain builds its prefix again for every call.
	recvs map[int32]int
}

func (x *tsx) lineStarts(src []byte) {
	x.lines = append(x.lines[:0], 0)
	for i, c := range src {
		if c == '\n' {
			x.lines = append(x.lines, uint32(i+1))
		}
	}
}

func (x *tsx) line(off uint32) int {
	i, found := slices.BinarySearch(x.lines, off)
	if found {
		return i + 1
	}
	return i
}

func (x *tsx) kind(i int32) kind { return x.g.kind(x.t.Nodes[i].Kind) }

func (x *tsx) text(i int32) string {
	n := x.t.Nodes[i]
	b := x.t.Src[n.Start:n.End]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (x *tsx) lineOf(i int32) int { return x.line(x.t.Nodes[i].Start) }

func (x *tsx) endLineOf(i int32) int {
	n := x.t.Nodes[i]
	if n.End > n.Start {
		return x.line(n.End - 1)
	}
	return x.line(n.End)
}

func (x *tsx) child(i int32, field uint16) int32 {
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		if x.t.Nodes[c].Field == field {
			return c
		}
	}
	return -1
}

func (x *tsx) children(i int32, field uint16) []int32 {
	var out []int32
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		if x.t.Nodes[c].Field == field {
			out = append(out, c)
		}
	}
	return out
}

func (x *tsx) run() {
	if len(x.t.Nodes) == 0 {
		return
	}
	root := int32(0)
	// Types first: methods may come before their type.
	x.each(root, func(i int32) {
		if x.kind(i) == kTypeSpec {
			x.declareType(i)
		}
	})
	for c := x.t.FirstChild(root); c >= 0; c = x.t.Nodes[c].Next {
		switch x.kind(c) {
		case kImportSpec:
			x.importSpec(c)
		case kOther:
			x.each(c, func(i int32) {
				switch x.kind(i) {
				case kImportSpec:
					x.importSpec(i)
				case kTypeSpec:
					x.typeSpec(i)
				case kVarSpec:
					x.topVar(i)
				}
			})
		case kConstDecl, kVarDecl:
			x.each(c, func(i int32) {
				if x.kind(i) == kVarSpec {
					x.topVar(i)
				}
			})
		case kFuncDecl, kMethodDecl:
			x.funcDecl(c)
		}
	}
}

// each calls fn on the descendants of i that are declarations' parts:
// the children of list and declaration nodes, not bodies.
func (x *tsx) each(i int32, fn func(int32)) {
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		switch x.kind(c) {
		case kImportSpec, kTypeSpec, kVarSpec:
			fn(c)
		case kOther, kConstDecl, kVarDecl:
			if x.kind(i) != kFuncDecl && x.kind(i) != kMethodDecl {
				x.each(c, fn)
			}
		}
	}
}

func (x *tsx) importSpec(i int32) {
	p := x.child(i, x.g.fPath)
	if p < 0 {
		return
	}
	imp := facts.Import{Name: unquote(x.text(p)), Line: x.lineOf(i)}
	if n := x.child(i, x.g.fName); n >= 0 {
		imp.Alias = x.text(n)
	}
	x.f.Imports = append(x.f.Imports, imp)
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '`' {
		return s[1 : len(s)-1]
	}
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return strings.Trim(s, "\"")
}

func (x *tsx) declareType(i int32) {
	n := x.child(i, x.g.fName)
	if n < 0 {
		return
	}
	name := x.text(n)
	kind := facts.Defined
	if ty := x.child(i, x.g.fType); ty >= 0 {
		switch x.kind(ty) {
		case kStructType:
			kind = facts.Struct
		case kInterfaceType:
			kind = facts.Interface
		}
	}
	t := facts.Type{Name: name, Kind: kind, Outer: -1, Line: x.lineOf(i), EndLine: x.endLineOf(i), Public: isExported(name),
		Abstract: kind == facts.Interface}
	if tp := x.child(i, x.g.fTypeParameters); tp >= 0 {
		t.TypeParams = x.typeParamNames(tp)
	}
	if _, dup := x.byName[name]; dup {
		return
	}
	x.byName[name] = len(x.f.Types)
	x.f.Types = append(x.f.Types, t)
}

func (x *tsx) typeParamNames(tp int32) []string {
	var out []string
	for c := x.t.FirstChild(tp); c >= 0; c = x.t.Nodes[c].Next {
		for _, n := range x.children(c, x.g.fName) {
			out = append(out, x.text(n))
		}
	}
	return out
}

func isExported(name string) bool { return name != "" && name[0] >= 'A' && name[0] <= 'Z' }

func (x *tsx) typeSpec(i int32) {
	n := x.child(i, x.g.fName)
	if n < 0 {
		return
	}
	idx, ok := x.byName[x.text(n)]
	if !ok {
		return
	}
	x.from, x.method = idx, -1
	x.typeParams = x.f.Types[idx].TypeParams
	defer func() { x.typeParams = nil }()
	ty := x.child(i, x.g.fType)
	if ty < 0 {
		return
	}
	switch x.kind(ty) {
	case kStructType:
		x.eachDesc(ty, kFieldDecl, func(fd int32) {
			typ := x.child(fd, x.g.fType)
			if typ < 0 {
				return
			}
			names := x.children(fd, x.g.fName)
			if len(names) == 0 {
				name := x.text(typ)
				if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
					name = name[dot+1:]
				}
				x.f.Types[idx].Fields = append(x.f.Types[idx].Fields, facts.Field{Name: strings.TrimPrefix(name, "*"), Type: x.text(typ), Line: x.lineOf(fd)})
				x.embedded(typ)
				return
			}
			for _, nm := range names {
				x.f.Types[idx].Fields = append(x.f.Types[idx].Fields, facts.Field{Name: x.text(nm), Type: x.text(typ), Line: x.lineOf(nm)})
			}
			x.visit(typ)
		})
	case kInterfaceType:
		for c := x.t.FirstChild(ty); c >= 0; c = x.t.Nodes[c].Next {
			switch x.kind(c) {
			case kMethodElem:
				nm := x.child(c, x.g.fName)
				if nm < 0 {
					continue
				}
				m := x.signature(x.text(nm), c)
				x.f.Types[idx].Methods = append(x.f.Types[idx].Methods, m)
				x.visitSignature(c)
			case kTypeElem:
				for e := x.t.FirstChild(c); e >= 0; e = x.t.Nodes[e].Next {
					x.embedded(e)
				}
			}
		}
	default:
		x.visit(ty)
	}
}

// eachDesc calls fn on each descendant of i of kind k, not looking inside
// those.
func (x *tsx) eachDesc(i int32, k kind, fn func(int32)) {
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		if x.kind(c) == k {
			fn(c)
			continue
		}
		x.eachDesc(c, k, fn)
	}
}

// embedded records an embedded type as an extends reference.
func (x *tsx) embedded(typ int32) {
	t := typ
	for x.kind(t) == kPointerType || x.kind(t) == kParenType {
		c := x.t.FirstChild(t)
		if c < 0 {
			return
		}
		t = c
	}
	if x.kind(t) == kGenericType {
		if a := x.child(t, x.g.fTypeArguments()); a >= 0 {
			x.visit(a)
		}
		t = x.child(t, x.g.fType)
		if t < 0 {
			return
		}
	}
	switch x.kind(t) {
	case kTypeIdentifier:
		if name := x.text(t); !predeclared[name] && !slices.Contains(x.typeParams, name) {
			x.ref(facts.Extends, name, t)
		}
	case kQualifiedType:
		x.ref(facts.Extends, x.text(t), t)
	default:
		x.visit(t)
	}
}

func (g *grammar) fTypeArguments() uint16 { return g.lang.Field("type_arguments") }

func (x *tsx) signature(name string, i int32) facts.Method {
	m := facts.Method{Name: name, Return: "void", Public: isExported(name), Line: x.lineOf(i), EndLine: x.endLineOf(i)}
	if ps := x.child(i, x.g.fParameters); ps >= 0 {
		for p := x.t.FirstChild(ps); p >= 0; p = x.t.Nodes[p].Next {
			if x.kind(p) != kParamDecl {
				continue
			}
			typ := ""
			if ty := x.child(p, x.g.fType); ty >= 0 {
				typ = x.text(ty)
			}
			for range max(len(x.children(p, x.g.fName)), 1) {
				m.Params = append(m.Params, typ)
			}
		}
	}
	if r := x.child(i, x.g.fResult); r >= 0 {
		m.Return = x.text(r)
	}
	if tp := x.child(i, x.g.fTypeParameters); tp >= 0 {
		m.TypeParams = x.typeParamNames(tp)
	}
	return m
}

func (x *tsx) moduleType() int {
	if x.module < 0 {
		x.module = len(x.f.Types)
		x.f.Types = append(x.f.Types, facts.Type{Name: x.moduleName, Kind: facts.Module, Outer: -1, Line: 1, EndLine: x.f.Lines, Public: true})
	}
	return x.module
}

func (x *tsx) typeFor(name string) int {
	if i, ok := x.byName[name]; ok {
		return i
	}
	i := len(x.f.Types)
	x.f.Types = append(x.f.Types, facts.Type{Name: name, Kind: facts.Struct, Outer: -1, Partial: true, Public: isExported(name)})
	x.byName[name] = i
	return i
}

func (x *tsx) topVar(i int32) {
	x.from, x.method = x.moduleType(), -1
	typ := ""
	ty := x.child(i, x.g.fType)
	if ty >= 0 {
		typ = x.text(ty)
		x.visit(ty)
	}
	for _, n := range x.children(i, x.g.fName) {
		if name := x.text(n); name != "_" {
			x.f.Types[x.module].Fields = append(x.f.Types[x.module].Fields, facts.Field{Name: name, Type: typ, Static: true, Line: x.lineOf(n)})
		}
	}
	if v := x.child(i, x.g.fValue); v >= 0 {
		x.visit(v)
	}
}

func (x *tsx) funcDecl(i int32) {
	nm := x.child(i, x.g.fName)
	if nm < 0 {
		return
	}
	m := x.signature(x.text(nm), i)
	owner := -1
	x.recvName, x.recvType = "", ""
	if r := x.child(i, x.g.fReceiver); r >= 0 {
		for p := x.t.FirstChild(r); p >= 0; p = x.t.Nodes[p].Next {
			if x.kind(p) != kParamDecl {
				continue
			}
			ty := x.child(p, x.g.fType)
			if ty < 0 {
				break
			}
			base := baseTypeName(x.text(ty))
			if base == "" {
				break
			}
			owner = x.typeFor(base)
			x.recvType = base
			if n := x.child(p, x.g.fName); n >= 0 {
				x.recvName = x.text(n)
			}
			break
		}
		if owner < 0 {
			return
		}
		t := &x.f.Types[owner]
		if t.Partial && (t.Line == 0 || m.Line < t.Line) {
			t.Line = m.Line
		}
		if t.Partial && m.EndLine > t.EndLine {
			t.EndLine = m.EndLine
		}
		if m.Name == "TableName" {
			x.tableName(i, owner)
		}
	} else {
		owner = x.moduleType()
		m.Static = true
	}
	x.from, x.method = owner, len(x.f.Types[owner].Methods)
	x.f.Types[owner].Methods = append(x.f.Types[owner].Methods, m)
	x.typeParams = append(slices.Clone(x.f.Types[owner].TypeParams), m.TypeParams...)
	x.scopes = []map[string]int{{}}
	x.params(x.child(i, x.g.fParameters))
	x.visitSignature(i)
	if b := x.child(i, x.g.fBody); b >= 0 {
		x.visit(b)
	}
	x.scopes, x.typeParams, x.recvName, x.recvType = nil, nil, "", ""
}

// baseTypeName returns the named type of a receiver's type text: "*Repo[T]"
// -> "Repo".
func baseTypeName(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, "*( "))
	if i := strings.IndexAny(s, "[) "); i >= 0 {
		s = s[:i]
	}
	return s
}

// params declares a parameter list's names as locals of their types.
func (x *tsx) params(ps int32) {
	if ps < 0 || len(x.scopes) == 0 {
		return
	}
	for p := x.t.FirstChild(ps); p >= 0; p = x.t.Nodes[p].Next {
		if x.kind(p) != kParamDecl {
			continue
		}
		e := -1
		if ty := x.child(p, x.g.fType); ty >= 0 {
			e = x.typeExpr(ty)
		}
		for _, n := range x.children(p, x.g.fName) {
			x.scopes[len(x.scopes)-1][x.text(n)] = e
		}
	}
}

// typeExpr is a receiver expression for a value of a written type, or -1
// when the type has no methods to call (a slice, a map, a function).
func (x *tsx) typeExpr(ty int32) int {
	for x.kind(ty) == kPointerType || x.kind(ty) == kParenType {
		c := x.t.FirstChild(ty)
		if c < 0 {
			return -1
		}
		ty = c
	}
	if x.kind(ty) == kGenericType {
		ty = x.child(ty, x.g.fType)
		if ty < 0 {
			return -1
		}
	}
	switch x.kind(ty) {
	case kTypeIdentifier, kQualifiedType:
		name := x.text(ty)
		if predeclared[name] || slices.Contains(x.typeParams, name) {
			return -1
		}
		return x.expr(facts.ExprType, name, -1, 0)
	}
	return -1
}

func (x *tsx) visitSignature(i int32) {
	if tp := x.child(i, x.g.fTypeParameters); tp >= 0 {
		x.visit(tp)
	}
	if ps := x.child(i, x.g.fParameters); ps >= 0 {
		x.visit(ps)
	}
	if r := x.child(i, x.g.fResult); r >= 0 {
		x.visit(r)
	}
}

func (x *tsx) expr(k facts.ExprKind, name string, base, args int) int {
	x.f.Exprs = append(x.f.Exprs, facts.Expr{Kind: k, Name: name, Base: base, Args: args})
	return len(x.f.Exprs) - 1
}

func (x *tsx) ref(k facts.RefKind, name string, at int32) {
	x.f.Refs = append(x.f.Refs, facts.Ref{Kind: k, From: x.from, Method: x.method, Name: name, Recv: -1, Line: x.lineOf(at)})
}

func (x *tsx) lookup(name string) (int, bool) {
	for i := len(x.scopes) - 1; i >= 0; i-- {
		if e, ok := x.scopes[i][name]; ok {
			return e, true
		}
	}
	return -1, false
}

func (x *tsx) declare(name string, e int) {
	if len(x.scopes) > 0 && name != "_" {
		x.scopes[len(x.scopes)-1][name] = e
	}
}

// recv types a receiver expression.
func (x *tsx) recv(i int32) int {
	if v, ok := x.recvs[i]; ok {
		return v
	}
	v := x.recvOf(i)
	if x.recvs == nil {
		x.recvs = map[int32]int{}
	}
	x.recvs[i] = v
	return v
}

// recvOf computes recv.
func (x *tsx) recvOf(i int32) int {
	switch x.kind(i) {
	case kIdentifier:
		name := x.text(i)
		if e, ok := x.lookup(name); ok {
			if e < 0 {
				return x.expr(facts.ExprUnknown, name, -1, 0)
			}
			return e
		}
		if name == x.recvName && x.recvType != "" {
			return x.expr(facts.ExprThis, x.recvType, -1, 0)
		}
		if x.isImport(name) {
			return x.expr(facts.ExprStatic, name, -1, 0)
		}
		// A package-level variable of the package.
		return x.expr(facts.ExprField, name, -1, 0)
	case kSelectorExpr:
		op, fd := x.child(i, x.g.fOperand), x.child(i, x.g.fField)
		if op < 0 || fd < 0 {
			return x.expr(facts.ExprUnknown, "", -1, 0)
		}
		return x.expr(facts.ExprField, x.text(fd), x.recv(op), 0)
	case kCallExpr:
		fn := x.child(i, x.g.fFunction)
		args := x.argCount(i)
		if fn >= 0 {
			switch x.kind(fn) {
			case kSelectorExpr:
				op, fd := x.child(fn, x.g.fOperand), x.child(fn, x.g.fField)
				if op >= 0 && fd >= 0 {
					return x.expr(facts.ExprCall, x.text(fd), x.recv(op), args)
				}
			case kIdentifier:
				if name := x.text(fn); !predeclared[name] {
					if _, local := x.lookup(name); !local {
						return x.expr(facts.ExprCall, name, x.expr(facts.ExprStatic, "", -1, 0), args)
					}
				}
			}
		}
	case kCompositeLit:
		if ty := x.child(i, x.g.fType); ty >= 0 {
			if e := x.typeExpr(ty); e >= 0 {
				return e
			}
		}
	case kUnaryExpr, kParenExpr:
		if c := x.t.FirstChild(i); c >= 0 {
			return x.recv(c)
		}
	}
	return x.expr(facts.ExprUnknown, "", -1, 0)
}

func (x *tsx) isImport(name string) bool {
	for _, imp := range x.f.Imports {
		if imp.Alias == name || imp.Alias == "" && importName(imp.Name) == name {
			return true
		}
	}
	return false
}

// importName guesses the name a package is imported under from its path:
// its last element, without a major version suffix.
func importName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(p))
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimPrefix(base, "go-")
	base = strings.TrimSuffix(base, "-go")
	return strings.ReplaceAll(base, "-", "")
}

func (x *tsx) argCount(call int32) int {
	a := x.child(call, x.g.fArguments)
	n := 0
	for c := x.t.FirstChild(a); a >= 0 && c >= 0; c = x.t.Nodes[c].Next {
		n++
	}
	return n
}

// visit walks a subtree for its references.
func (x *tsx) visit(i int32) {
	switch x.kind(i) {
	case kTypeIdentifier:
		if name := x.text(i); !predeclared[name] && !slices.Contains(x.typeParams, name) {
			x.ref(facts.TypeUse, name, i)
		}
		return
	case kQualifiedType:
		x.ref(facts.TypeUse, x.text(i), i)
		return
	case kCompositeLit:
		if ty := x.child(i, x.g.fType); ty >= 0 {
			t := ty
			if x.kind(t) == kGenericType {
				if a := x.child(t, x.g.fTypeArguments()); a >= 0 {
					x.visit(a)
				}
				t = x.child(t, x.g.fType)
			}
			if t >= 0 && (x.kind(t) == kTypeIdentifier || x.kind(t) == kQualifiedType) {
				if name := x.text(t); !slices.Contains(x.typeParams, name) {
					x.ref(facts.New, name, t)
				}
			} else if t >= 0 {
				x.visit(t)
			}
		}
		if b := x.child(i, x.g.fBody); b >= 0 {
			x.visit(b)
		}
		return
	case kCallExpr:
		x.callExpr(i)
		return
	case kFuncLit:
		x.scopes = append(x.scopes, map[string]int{})
		x.params(x.child(i, x.g.fParameters))
		x.visitChildren(i)
		x.scopes = x.scopes[:len(x.scopes)-1]
		return
	case kBlock:
		x.scopes = append(x.scopes, map[string]int{})
		x.visitChildren(i)
		x.scopes = x.scopes[:len(x.scopes)-1]
		return
	case kShortVarDecl:
		l, r := x.child(i, x.g.fLeft), x.child(i, x.g.fRight)
		if r >= 0 {
			x.visit(r)
		}
		if l >= 0 {
			x.bind(l, r)
		}
		return
	case kVarSpec:
		if len(x.scopes) > 0 {
			e := -1
			if ty := x.child(i, x.g.fType); ty >= 0 {
				x.visit(ty)
				e = x.typeExpr(ty)
			}
			v := x.child(i, x.g.fValue)
			if v >= 0 {
				x.visit(v)
			}
			names := x.children(i, x.g.fName)
			if e < 0 && v >= 0 {
				vals := x.list(v)
				for k, n := range names {
					if len(vals) == len(names) {
						x.declare(x.text(n), x.recv(vals[k]))
					} else {
						x.declare(x.text(n), -1)
					}
				}
				return
			}
			for _, n := range names {
				x.declare(x.text(n), e)
			}
			return
		}
	case kRangeClause:
		if r := x.child(i, x.g.fRight); r >= 0 {
			x.visit(r)
		}
		if l := x.child(i, x.g.fLeft); l >= 0 {
			for _, n := range x.list(l) {
				if x.kind(n) == kIdentifier {
					x.declare(x.text(n), -1)
				}
			}
		}
		return
	}
	x.visitChildren(i)
}

func (x *tsx) visitChildren(i int32) {
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		x.visit(c)
	}
}

// list returns the elements of an expression list, or the node itself.
func (x *tsx) list(i int32) []int32 {
	if x.kind(i) != kExprList {
		return []int32{i}
	}
	var out []int32
	for c := x.t.FirstChild(i); c >= 0; c = x.t.Nodes[c].Next {
		out = append(out, c)
	}
	return out
}

// bind declares the names of a short variable declaration.
func (x *tsx) bind(l, r int32) {
	names := x.list(l)
	var vals []int32
	if r >= 0 {
		vals = x.list(r)
	}
	for k, n := range names {
		if x.kind(n) != kIdentifier {
			continue
		}
		e := -1
		if len(vals) == len(names) {
			e = x.recv(vals[k])
		} else if len(vals) == 1 && k == 0 && x.kind(vals[0]) == kCallExpr {
			// v, err := f(): the first result.
			e = x.recv(vals[0])
		}
		x.declare(x.text(n), e)
	}
}

func (x *tsx) callExpr(i int32) {
	fn := x.child(i, x.g.fFunction)
	args := x.child(i, x.g.fArguments)
	n := x.argCount(i)
	if fn >= 0 {
		switch x.kind(fn) {
		case kIdentifier:
			name := x.text(fn)
			if _, local := x.lookup(name); !local && !predeclared[name] {
				x.f.Refs = append(x.f.Refs, facts.Ref{Kind: facts.Call, From: x.from, Method: x.method, Member: name, Args: n,
					Recv: x.expr(facts.ExprStatic, "", -1, 0), Line: x.lineOf(fn)})
			}
		case kSelectorExpr:
			op, fd := x.child(fn, x.g.fOperand), x.child(fn, x.g.fField)
			if op >= 0 && fd >= 0 {
				member := x.text(fd)
				x.f.Refs = append(x.f.Refs, facts.Ref{Kind: facts.Call, From: x.from, Method: x.method, Member: member, Args: n,
					Recv: x.recv(op), Line: x.lineOf(fd)})
				if sqlMethods[member] {
					x.sqlCall(args, fd)
				}
				x.visit(op)
			}
		default:
			x.visit(fn)
		}
	}
	if args >= 0 {
		x.visit(args)
	}
}

// sqlCall reads the first string argument of a query method as SQL.
func (x *tsx) sqlCall(args, at int32) {
	if args < 0 || x.from < 0 {
		return
	}
	for c := x.t.FirstChild(args); c >= 0; c = x.t.Nodes[c].Next {
		text, ok := x.literal(c, 0)
		if !ok {
			continue
		}
		for _, d := range sql.Extract(text, sql.Options{Fragment: true}).Data {
			d.From, d.Method, d.Routine, d.Line, d.Via = x.from, x.method, -1, x.lineOf(at), "sql"
			x.f.Data = append(x.f.Data, d)
		}
		return
	}
}

// literal evaluates string literals and their concatenations; other parts
// are __dyn__.
func (x *tsx) literal(i int32, depth int) (string, bool) {
	if depth > 8 {
		return dyn, false
	}
	switch x.kind(i) {
	case kStringLiteral:
		return unquote(x.text(i)), true
	case kBinaryExpr:
		l, r := x.child(i, x.g.fLeft), x.child(i, x.g.fRight)
		if l >= 0 && r >= 0 {
			a, ka := x.literal(l, depth+1)
			b, kb := x.literal(r, depth+1)
			return a + b, ka || kb
		}
	case kParenExpr:
		if c := x.t.FirstChild(i); c >= 0 {
			return x.literal(c, depth+1)
		}
	}
	return dyn, false
}

// tableName records the table of a GORM TableName() method returning a
// string literal.
func (x *tsx) tableName(fn int32, owner int) {
	b := x.child(fn, x.g.fBody)
	if b < 0 {
		return
	}
	var lit int32 = -1
	count := 0
	x.eachDesc(b, kStringLiteral, func(s int32) { lit = s; count++ })
	if count != 1 {
		return
	}
	name := unquote(x.text(lit))
	if name == "" || strings.ContainsAny(name, " \t\n") {
		return
	}
	t := facts.Table{Name: strings.ToLower(name), Kind: facts.BaseTable, Entity: owner, Line: x.lineOf(fn), Via: "gorm"}
	if x.f.Types[owner].Partial {
		t.Entity, t.EntityName = -1, x.f.Types[owner].Name
	}
	x.f.Tables = append(x.f.Tables, t)
}
