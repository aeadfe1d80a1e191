// Package typescript extracts facts from TypeScript and JavaScript source
// files (.ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs), from the project
// files that decide how their imports resolve (tsconfig.json,
// jsconfig.json, package.json) and from Prisma schemas (.prisma).
//
// A source file is parsed by the tree-sitter TypeScript, TSX or JavaScript
// grammar bundled with github.com/smacker/go-tree-sitter (by extension:
// .tsx with TSX, .js/.jsx/.mjs/.cjs with JavaScript, the rest with
// TypeScript), flattened by package tsflat in the same cgo call, and
// walked once in Go. Names are views into the source, never copies.
//
// # Modules, types and members
//
// File.Package is the file's directory ("src/orders"), the unit a
// JavaScript developer thinks of as a package. Classes (abstract or
// not, declared or assigned: const X = class {}), interfaces, enums and
// type aliases are types (facts.Class, Interface, Enum, Alias), never
// nested: a class declared inside a function is a type of the file too.
// A file with top-level functions, variables or code is also a module:
// one facts.Module type named after the file ("order.service.ts" gives
// "order-service"), whose Methods are its top-level functions (function
// f(), const f = () => ..., exports.f = function ...) and whose Fields its
// other top-level variables, so that a call to a function of another file
// is an edge between two types like a method call. Top-level code that is
// in no function belongs to the module's type with Method -1.
//
// Class members: methods, accessors and fields holding an arrow function
// are Methods; other fields, and constructor parameters with an
// accessibility or readonly modifier (parameter properties, the way
// NestJS and Angular inject dependencies), are Fields with their type as
// written. A field a JavaScript constructor assigns a `new X()` to
// (this.repo = new X()) gets the type X. Interface method and property
// signatures are Methods and Fields.
//
// # Imports and exports
//
// Every import is a facts.Import with From, the module specifier as
// written: ES imports (default, named, namespace, side-effect, type-only:
// the `type` keyword changes nothing for dependencies), `import x =
// require()`, CommonJS `require` bound to a name or destructured, and
// `import()` with a literal specifier bound by await. `export ... from`
// are imports with Export set. A module's own exports are File.Exports:
// exported declarations, export { a as b }, export default (a name, or an
// anonymous function or class given a name), export =, and CommonJS
// module.exports = ..., module.exports.x = ..., exports.x = .... What a
// specifier resolves to (relative paths with extension probing, tsconfig
// paths and baseUrl, workspace packages) is decided in package graph.
//
// # References
//
// Only names bound at the file level (imports and top-level declarations)
// and names of no binding at all (globals) are references; a local or a
// parameter is never one. Type annotations, generic arguments, `as` and
// `satisfies` types, and heritage clauses give facts.TypeUse, Extends and
// Implements references, with qualified names as written ("ns.Order").
// `new X()` is a facts.New. Decorators are facts.Annotates. A name of
// the file level used as a value (passed as an argument, listed in a
// NestJS @Module, read as Status.Paid) is a TypeUse: package graph makes
// it a method-ref when it lands on a function. A side-effect import, a
// require() that binds nothing and an import() whose result is not bound
// are facts.Loads.
//
// Calls: f() is a call with an ExprScope receiver (f looked up among the
// file's declarations, imports and globals); x.m() a call whose receiver
// expression is typed as for Java: this, super, fields of the enclosing
// class (declared, or parameter properties), locals and parameters by
// their written type or their initializer (new X(), a call chain, an
// await), `X.m()` on a name of the file level as a qualifier
// (facts.ExprStatic: a class's static method, a namespace import's
// function). A local function or a parameter invoked is no reference.
// JSX elements whose tag is a component (<OrderList/>, <ui.Button/>) are
// calls of the component. Calls on values of unknown type (an untyped
// parameter, a destructured local) are emitted with an unknown receiver:
// package graph counts them as unresolved.
//
// # Data access
//
// See data.go: TypeORM entities and repositories, Prisma client calls and
// schemas (prisma.go), Sequelize models (define, init, sequelize-typescript
// @Table) and their static calls, and SQL text passed to query-like calls
// or in sql`...` tagged templates, read by package sql.
//
// # Project files
//
// tsconfig.json, jsconfig.json (and any tsconfig.*.json, which may be
// extended) give Settings extends, baseUrl and paths; package.json gives
// name and the entry points (source, types, module, main, exports["."]).
// They are read as JSON with comments and trailing commas. Another .json
// file has nothing to say: it is left out (nil facts).
//
// # Syntax errors
//
// tree-sitter recovers from syntax errors by wrapping what it cannot fit
// in ERROR nodes; the extractor keeps the facts of the intact parts and
// reports the first error's line as a diagnostic.
package typescript

import (
	"context"
	"path"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Version is the version of the facts this parser emits: bump it when
// they change for some input, so that cached facts are not reused.
const Version = "1"

// Extensions are the file extensions the parser reads.
var Extensions = []string{".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".prisma"}

// Parser extracts facts from TypeScript and JavaScript files and their
// project files. It holds tree-sitter parsers: Close it. It is not safe
// for concurrent use.
type Parser struct {
	gs [3]*grammar
	ts [3]*tsflat.Parser
	x  extractor
}

// NewParser returns a parser.
func NewParser() (*Parser, error) {
	gs, err := loadGrammars()
	if err != nil {
		return nil, err
	}
	return &Parser{gs: gs}, nil
}

// Close frees the parser.
func (p *Parser) Close() {
	for i, t := range p.ts {
		if t != nil {
			t.Close()
			p.ts[i] = nil
		}
	}
}

// dialectOf returns the grammar of a source file's extension, and whether
// the file is JavaScript.
func dialectOf(ext string) (dialect, bool) {
	switch ext {
	case ".tsx":
		return dTSX, false
	case ".js", ".jsx", ".mjs", ".cjs":
		return dJS, true
	}
	return dTS, false
}

// Parse extracts the facts of one file. src must be UTF-8. Syntax errors
// are diagnostics in the result; the error return is for a parse that did
// not happen at all (cancellation, no memory). A .json file that is no
// project file gives nil facts.
func (p *Parser) Parse(ctx context.Context, file string, src []byte) (*facts.File, error) {
	ext := strings.ToLower(path.Ext(file))
	switch ext {
	case ".json":
		return projectFile(file, src), nil
	case ".prisma":
		return prismaSchema(file, src), nil
	}
	d, js := dialectOf(ext)
	if p.ts[d] == nil {
		t, err := tsflat.NewParser(p.gs[d].lang)
		if err != nil {
			return nil, err
		}
		p.ts[d] = t
	}
	t, err := p.ts[d].Parse(ctx, src)
	if err != nil {
		return nil, err
	}
	lang := "typescript"
	if js {
		lang = "javascript"
	}
	f := &facts.File{Path: file, Language: lang, Bytes: len(src), Lines: facts.LineCount(src)}
	p.x.g = p.gs[d]
	p.x.run(t, f)
	if t.Errors > 0 || t.Missing > 0 {
		f.Diagnostics = append(f.Diagnostics, t.SyntaxDiagnostic(file, p.x.lines.Line(t.FirstError)))
	}
	return f, nil
}

// ModuleName is the name of the facts.Module type of the file at path:
// its base name without the extension, dots turned into dashes
// ("src/order.service.ts" -> "order-service"), so that the last segment
// of the type's qualified name is the whole file name.
func ModuleName(file string) string {
	base := path.Base(file)
	if i := strings.IndexByte(base, '.'); i > 0 {
		ext := base[strings.LastIndexByte(base, '.'):]
		base = base[:len(base)-len(ext)]
		if strings.HasSuffix(base, ".d") {
			base = strings.TrimSuffix(base, ".d")
		}
	}
	return strings.ReplaceAll(base, ".", "-")
}
