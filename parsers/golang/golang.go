// Package golang extracts the facts of Go code. Unlike the other
// languages, it works on a whole checkout at once (Load, the language's
// parsers.Language.Packages): Go's names are resolved by the type
// checker, and the type checker needs every package a file imports.
//
// # Loading without running anything
//
// go/packages lists the packages (names, files, imports, modules: `go list
// -deps`, once per module, on the directories holding the files to
// analyse) with an environment that makes fetching and building
// impossible: GOPROXY=off and GOVCS off (nothing is downloaded: a module
// missing from the module cache stays missing), GOFLAGS=-mod=readonly (or
// -mod=vendor when the module vendors its dependencies; go.mod and go.sum
// are never rewritten), GOSUMDB=off, GOTOOLCHAIN=local (no other
// toolchain is fetched) and CGO_ENABLED=0 (files that import "C" are left
// out, so no C compiler runs). Nothing that needs types is asked of
// go/packages: with NeedTypes it would run `go list -export`, which
// compiles, or `go list -compiled`, which runs cgo. `go generate` is never
// run. The types are then checked here, from source, with go/types: the
// packages to analyse with function bodies and full type information, and
// their dependencies (the standard library, the module cache, vendor/)
// without bodies, dependencies first, on the driver's workers. A package's
// syntax and type information are dropped as soon as its facts are out, so
// memory holds one package's syntax per worker plus every package's types.
//
// # When loading fails
//
// A dependency missing from the module cache (seams never downloads one)
// leaves a hole: the packages importing it are still checked, and only the
// expressions that go through it lose their types; calls on such values
// are counted unresolved, calls of its functions external, and a note says
// which packages were missing. Files that no package could claim (no
// go.mod, a module `go list` rejected, build constraints for another
// platform) and test files (_test.go, analysed with --tests) are read by
// tree-sitter instead (Parser, below), with a warning per file and a note:
// names then resolve by the imports only, as for the other languages, and
// precision is lower. The same Parser reads Go files given by their bytes
// (the blobs of past commits, for `seams trend --backfill`), where no
// checkout exists to load.
//
// # Facts
//
// Facts from the type checker are marked facts.File.Typed: every type name
// in them is fully qualified (import path, a dot, the name). A file's
// Package is its package's import path. Struct, interface and other
// defined types are facts.Type (Struct, Interface, Defined); the methods
// of a type declared in another file of the package make a Partial type
// in the file that declares them, so that each file keeps its own edges
// (package graph merges the parts). The package-level functions, variables
// and constants of a file are the Methods and Fields of the file's module
// type (facts.Module), named after the file: order_service.go holds
// order_service_go. A package-level function is called on its file's
// module type, so that calls between files are edges between types.
//
// References: type uses (every use of a named type, in signatures, fields,
// conversions, composite literals' element types...), instantiation (a
// composite literal T{...} or new(T)), extends (an embedded type, struct
// or interface: embedding is Go's way to take another type's members),
// implements (a repository type whose method set satisfies a repository
// interface, by types.Implements on the pointer type), calls (the static
// callee from the type checker: a function, or a method of the named type
// that declares it, promoted methods included), method values (a function
// or method used as a value, a handler passed along: method-ref), and uses
// of another file's package-level variables and constants (type-use of
// that file's module type).
//
// # Calls through interfaces
//
// A call of a method of a repository interface is a call edge to the
// interface and one to each repository type implementing it, to the type
// that declares the method (class hierarchy analysis: the rule of
// golang.org/x/tools/go/callgraph/cha, computed here on the types alone).
// go/callgraph's cha and vta both need the whole program in SSA form,
// function bodies of every dependency included: on hashicorp/boundary
// that alone took 50 s and 3.3 GB, against a few seconds for the type
// check. VTA would drop the implementations that never flow to a call
// site, but it can only do so by building that whole program, and what it
// drops is mostly test doubles, which are not analysed by default.
// Interfaces from outside the repository (error, io.Writer, fmt.Stringer)
// are not dispatched: every repository type with an Error method would
// otherwise be called from every err.Error(). Calls through function
// values and type parameters have no static callee and give no edge.
//
// # Data access
//
//   - SQL text passed to database/sql (Query, QueryRow, Exec, Prepare and
//     their Context forms), sqlx (Get, Select, NamedExec, Queryx...), pgx,
//     and GORM's Raw and Exec: the argument named query or sql of the
//     callee, evaluated through constants, concatenations, string locals
//     of the function and fmt.Sprintf with a constant format (other parts
//     are __dyn__), read by package sql. A method of one of those names on
//     a repository interface (sqlc's DBTX) or on a driver whose module is
//     missing counts too, when its first string argument reads as SQL.
//   - GORM: a struct used as a model in a *gorm.DB call, with a TableName()
//     method returning a constant, or embedding gorm.Model, is mapped to
//     TableName's value or GORM's default name (snake_case plural:
//     OrderItem -> order_items). Find, First, Last, Take, Count, Pluck,
//     Scan read; Create, Save, Update(s), UpdateColumn(s), Delete,
//     FirstOrCreate write; the table is Table("name") in the chain, else the
//     model of Model(&T{}), else the destination's element type.
//   - sqlc: the query methods of the files sqlc generated (skipped as
//     generated) are read for their SQL constants, and each call of one is
//     an access of the caller (Via "sqlc").
//   - ent: a schema (a struct embedding ent.Schema in a package named
//     schema) is mapped to the Table of an entsql.Annotation in its
//     Annotations method, else to ent's default (snake_case plural); a
//     call of the generated <pkg>.<Entity>Client's Query, Get read, Create,
//     Update*, Delete* write the schema's table.
//
// The tree-sitter reader finds SQL string literals passed to methods of
// those names and TableName() methods; nothing else of the data side.
package golang

// Version is the version of the facts this package emits: bump it when
// they change for some input, so that cached facts are not reused (only
// the tree-sitter reader's facts are cached: typed facts depend on other
// files).
const Version = "1"
