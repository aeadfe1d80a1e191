// Package facts holds what a parser learns from one source file: the
// declarations it makes and the references it contains, with every name
// still as written in the file. Resolving those names against the rest of
// the repository is the job of package graph.
//
// The types here are plain data: no parser or syntax-tree value crosses
// this boundary. A fact records where it came from as a 1-based line.
package facts

import "bytes"

// File is everything one parser learned from one file.
type File struct {
	Path     string // repository-relative, slash-separated
	Language string // "java", ...
	// Typed marks facts whose names a type checker already resolved (Go
	// loaded with go/packages): every type name in Refs, Exprs and
	// DataRef.Entity is fully qualified (the package's import path, a dot,
	// the type's name: "github.com/acme/shop/orders.Order") and needs no
	// lookup by scope.
	Typed bool
	Lines int // physical lines
	Bytes int

	// Package is the file's package or namespace ("com.acme.loans"), or ""
	// for the default package.
	Package string
	Imports []Import
	Types   []Type
	Refs    []Ref

	// Exprs holds the receiver expressions of calls (see Ref.Recv). A
	// receiver is a small chain: a root (a type, this, super, an inherited
	// field) followed by field and call steps, each pointing at the
	// expression it applies to.
	Exprs []Expr

	// The data side: tables, views and routines the file declares (DDL,
	// ORM mappings, migrations) and its accesses to them.
	Tables   []Table
	Routines []Routine
	Data     []DataRef
	// SQL holds SQL text found in code that refers to constants of other
	// files: package graph completes it and extracts its accesses.
	SQL []SQLText

	// Exports lists, for a JavaScript or TypeScript module, the names it
	// exports and the local declarations they stand for (re-exports from
	// other modules are Imports with Export set).
	Exports []Export
	// Settings holds what a project file says about how names resolve in
	// the code around it: for JavaScript and TypeScript, tsconfig.json's
	// and jsconfig.json's extends, baseUrl and paths, and package.json's
	// name and entry points (see package typescript).
	Settings []Setting

	Diagnostics []Diagnostic
}

// Import is one import (or using/require) directive.
type Import struct {
	Name     string // "com.acme.Owner"; for a wildcard, the package or type imported from ("com.acme")
	Static   bool   // Java "import static"
	Wildcard bool   // ends in ".*"
	Line     int

	// Alias is, for a C# alias directive (using Json = System.Text.Json;),
	// the alias; Name is then the namespace or type it stands for.
	Alias string
	// Global marks a C# `global using`: it applies to every file of the
	// project, not only to the file that declares it.
	Global bool

	// From is, for a JavaScript or TypeScript import (import, export ...
	// from, require, import()), the module specifier as written
	// ("./order", "@acme/billing", "lodash"). Name is then the name the
	// module exports ("Order", "default"), Alias the local name bound to
	// it; Wildcard marks a namespace import (import * as ns, a required
	// module bound whole), with Alias the namespace's name. Name is ""
	// for an import made only for its side effects (import './setup').
	// A Python `from M import N [as A]` has From M as written, the leading
	// dots of a relative import kept ("..orders.models", "." for `from .
	// import views`), Name N and Alias A; `from M import *` has From M,
	// Wildcard and no Name. A Python `import a.b` has no From: Name is
	// "a.b", and the file binds a, or Alias to a.b itself.
	From string
	// Export marks a re-export (export { A as B } from './a', export *
	// from './b'): Alias is the name exported, "" for export *.
	Export bool
}

// Export is a name a JavaScript or TypeScript module exports.
type Export struct {
	// Name is the exported name ("Order", "default").
	Name string
	// Local is the declaration of the file it stands for: a type, a
	// function or a variable of the module (facts.Module type), or "" for
	// an expression with no name (export default { ... }).
	Local string
	Line  int
}

// Setting is one setting of a project file (see File.Settings): Key names
// it ("baseUrl", "paths", "extends", "name", "main"...), Pattern is the
// pattern of a paths entry ("@app/*"), Values its values as written.
type Setting struct {
	Key     string
	Pattern string
	Values  []string
}

// TypeKind is the kind of a declared type.
type TypeKind string

// The type kinds.
const (
	Class      TypeKind = "class"
	Interface  TypeKind = "interface"
	Enum       TypeKind = "enum"
	Record     TypeKind = "record"
	Annotation TypeKind = "annotation"
	Struct     TypeKind = "struct"   // C# struct (and record struct: Record)
	Delegate   TypeKind = "delegate" // C# delegate type
	// Module is a JavaScript or TypeScript file as a unit of code: its
	// top-level functions are its Methods and its top-level variables its
	// Fields, so that calls between modules are edges between types. A Go
	// file's module type holds its package-level functions, variables and
	// constants the same way (see package golang for its name).
	// A Ruby module (a namespace with methods of its own, a mixin, a
	// concern) is a Module too. So is a Python file (named after the
	// module, "__init__" for a package's): its module-level functions are
	// its Methods, its global variables its Fields, and its classes are
	// its member types (see package python).
	Module TypeKind = "module"
	// Defined is a Go defined type that is neither a struct nor an
	// interface (type Status string, type HandlerFunc func(...)).
	Defined TypeKind = "defined"
	// Alias is a TypeScript type alias (type Money = { ... }).
	Alias TypeKind = "alias"
	// Trait is a PHP trait: its members are copied into the classes that
	// use it (a use of a trait is an Extends reference). A PHP file's
	// namespace-level functions and top-level code make a Module type
	// (see package php).
	Trait TypeKind = "trait"
)

// Type is a named type declared in the file. Anonymous classes are not
// types: what they reference is attributed to the named type around them.
type Type struct {
	// Name is the type's name within the file, with its enclosing types:
	// "Owner", or "Owner.Builder" for a nested type.
	Name       string
	Kind       TypeKind
	Outer      int // index in File.Types of the enclosing type, or -1
	Line       int
	EndLine    int
	Public     bool
	Abstract   bool
	TypeParams []string // names of the type's type parameters ("T", "K")
	// Partial marks one of several declarations of the same type (a C#
	// partial class): package graph merges the declarations of one name
	// into one type.
	Partial bool
	// Annotations are the annotation names as written ("Entity",
	// "javax.persistence.Table").
	Annotations []string
	Fields      []Field
	Methods     []Method

	// Nesting is, for a Ruby class or module, its lexical scope: the
	// fully qualified names (joined by dots, as Name) of the classes and
	// modules opened around its definition, innermost first, whether or
	// not they are types of this file (a module opened only to hold the
	// classes nested in it is not). Package graph looks constants up in
	// them, as Ruby's Module.nesting does: `module A; class B::C` has
	// Name "A.B.C" and Nesting ["A"], `class A::B::C` Nesting nil.
	Nesting []string
	// Associations are the ORM associations the type declares (Ruby's
	// ActiveRecord has_many, belongs_to...).
	Associations []Association
}

// Association is an association between ORM-mapped types: an
// ActiveRecord `has_many :line_items, class_name: "Item"`. Package graph
// resolves Class by the ORM's rules, makes it a type-use edge and a
// foreign key between the two types' tables.
type Association struct {
	// Macro is the declaration: "belongs_to", "has_one", "has_many",
	// "has_and_belongs_to_many".
	Macro string
	// Name is the association's name ("line_items").
	Name string
	// Class is the associated class as written (class_name:), or as the
	// ORM's naming rule derives it from Name ("LineItem"); "" for a
	// polymorphic belongs_to, which names no class.
	Class string
	// ForeignKey is the foreign key column when written (foreign_key:).
	ForeignKey string
	// Through is the association it goes through (through:), which holds
	// the foreign keys: it has none of its own. As marks a polymorphic
	// has_many or has_one (as:): the other table's key names no table.
	Through string
	As      string
	// JoinTable is, for has_and_belongs_to_many, the join table when
	// written (join_table:).
	JoinTable string
	Line      int
}

// Field is a field (or record component, or enum constant) of a type.
type Field struct {
	Name        string
	Type        string // as written, generics included: "List<Owner>"; the enum's own name for a constant
	Static      bool
	Annotations []string // as written ("Getter", "javax.persistence.Column")
	// Value is, for a constant (static final String) initialised by a
	// string literal or a concatenation of literals and constants of the
	// same file, its value; "" otherwise.
	Value string
	Line  int
}

// Method is a method or constructor of a type.
type Method struct {
	Name        string // the type's simple name for a constructor
	Return      string // as written; "" for a constructor, "void" for none
	Params      []string
	TypeParams  []string // the method's own type parameters
	Constructor bool
	Static      bool
	Public      bool
	Line        int
	EndLine     int

	// Extension marks a C# extension method: a static method whose first
	// parameter (Params[0]) has the `this` modifier, callable as a method
	// of a value of that parameter's type. A Kotlin extension function
	// (fun Order.total()) is one too: Params[0] is its receiver's type.
	Extension bool
	// Accessor marks a method the source does not declare but that the
	// compiler generates from a property: a Kotlin property's getter and
	// setter as Java code calls them (getName, isOpen, setName). It is
	// there for resolution, not a declaration of its own.
	Accessor bool
}

// RefKind is the kind of a reference.
type RefKind string

// The reference kinds.
const (
	Extends    RefKind = "extends"    // class extends, interface extends
	Implements RefKind = "implements" // class implements
	TypeUse    RefKind = "type-use"   // field, parameter, return, local, generic argument, cast, instanceof, throws, class literal
	Annotates  RefKind = "annotation" // an annotation applied to a declaration
	New        RefKind = "new"        // instance creation
	Call       RefKind = "call"       // method call; Member is the method, Recv the receiver
	MethodRef  RefKind = "method-ref" // Type::method or Type::new
	// BaseType is a type in a C# base list: the base class or an
	// implemented (or, for an interface, extended) interface, which the
	// syntax does not tell apart. Package graph makes it an extends or an
	// implements edge by what the name resolves to.
	BaseType RefKind = "base"
	// Loads is a module loaded for its side effects, not for a name it
	// exports: import './setup', require('./x') as a statement, an
	// import('./page') whose result is not bound to names (JavaScript,
	// TypeScript). Name is the module specifier.
	Loads RefKind = "import"
	// Renders is a view a controller renders, named as its framework
	// names it: Name is a string literal as written, quotes included
	// ("\"owners/ownerDetails\""), or the name of a constant of the file
	// that holds it (VIEW_CART), or "" for the action's own view; Member
	// says how: Java "return", "ModelAndView", "ForwardResolution"; PHP
	// "view" (Laravel), "render" (Symfony, Twig); C# "View",
	// "PartialView"; Ruby "action", "template", "partial", followed by a
	// format when rendered in a format block ("partial js"). Package
	// graph resolves it against the repository's templates (see
	// graph/views.go) and leaves it out of the language's own resolution.
	Renders RefKind = "render"
)

// Ref is one reference from code in the file to a name.
type Ref struct {
	Kind RefKind
	// From is the index in File.Types of the innermost named type the
	// reference occurs in, or -1 when it occurs outside any type.
	From int
	// Method is the index in File.Types[From].Methods of the method the
	// reference occurs in, or -1 (a field initializer, a type's header).
	Method int
	// Name is the referenced type as written, generics and array brackets
	// removed: "Owner", "Map.Entry", "java.util.List". For a call it is
	// empty: the receiver expression says what is called.
	Name string
	// Member is the method called or referenced ("getPets"; "new" for a
	// constructor reference). For a Ruby mixin (an Implements reference)
	// it says how the module is mixed in: "include", "prepend" or
	// "extend".
	Member string
	// Args is the number of arguments of a call, for choosing an overload.
	Args int
	// Recv is the index in File.Exprs of a call's receiver, or -1 for a
	// reference that is not a call.
	Recv int
	Line int
}

// ExprKind is the kind of one step of a receiver expression.
type ExprKind uint8

// The receiver expression kinds.
const (
	// ExprUnknown is a receiver the parser cannot type: a literal, an
	// array element, an untyped lambda parameter.
	ExprUnknown ExprKind = iota
	// ExprType is a value of the type written in Name: a local, parameter
	// or field whose declaration is in this file, a cast or a new.
	ExprType
	// ExprStatic is the type written in Name used as a qualifier:
	// Name.method(). Name may be qualified ("java.util.Collections").
	ExprStatic
	// ExprThis is the enclosing type (explicit this, or no receiver).
	ExprThis
	// ExprSuper is the enclosing type's supertypes.
	ExprSuper
	// ExprField is the field Name of the value of Exprs[Base], or, when
	// Base is -1, a field of the enclosing type that this file does not
	// declare (inherited).
	ExprField
	// ExprCall is the result of calling Name (with Args arguments) on the
	// value of Exprs[Base].
	ExprCall
	// ExprAwait is the result of awaiting the value of Exprs[Base] (C#
	// await): for a Task<T> or ValueTask<T>, a value of type T.
	ExprAwait
	// ExprElement is an element of the collection that is the value of
	// Exprs[Base] (a C# foreach variable declared `var`, the parameter of
	// a lambda passed to a LINQ operator): for an array T[] or a generic
	// collection of T, a value of type T.
	ExprElement
	// ExprScope is the lexical scope of a bare call f() in JavaScript or
	// TypeScript: f is looked up among the file's top-level declarations
	// and imported names, not as a member of the enclosing class.
	ExprScope
	// ExprFunction is a PHP namespace-level function as the callee of a
	// call: a call (Ref or ExprCall) whose receiver it is calls the
	// function Name itself. Name is fully qualified ("\App\Util\slug");
	// without the leading backslash it is a name written unqualified, which
	// PHP looks up in the namespace first and then in the global namespace
	// ("App\Util\slug", else "slug"). See package php.
	ExprFunction
	// ExprImplicit is the receiver of a bare call f() inside a Kotlin
	// lambda or extension function: the members of the lambda's receiver
	// (Exprs[Base]: x in x.apply { }, with(x) { }, the extended type in
	// fun X.f()) come before those of the enclosing types. Base is -1 when
	// the lambda may have a receiver the parser cannot type (a trailing
	// lambda passed to a library's function: a DSL). See package kotlin.
	ExprImplicit
)

// Expr is one step of a call receiver.
type Expr struct {
	Kind ExprKind
	Name string
	Base int // index in File.Exprs, or -1
	Args int
}

// TableKind is what a table-like object is.
type TableKind string

// The table kinds.
const (
	BaseTable TableKind = "table"
	View      TableKind = "view"
)

// Table is a table or view the file declares: CREATE TABLE/VIEW in SQL or a
// migration, or an ORM mapping (a JPA entity, a mapper's result map).
type Table struct {
	// Name is the object's name as the database knows it: unquoted, lower
	// case, with its schema when written ("dbo.users", "owners"). It is
	// empty in a fact that only adds foreign keys to the table of an
	// entity mapped elsewhere (EntityName): a JPA @OneToMany with a
	// @JoinColumn, or an hbm.xml <one-to-many> collection's <key>, puts
	// its column in the target entity's table.
	Name string
	Kind TableKind
	// Entity is the index in File.Types of the type mapped to the table
	// (an ORM entity), or -1.
	Entity int
	// EntityName is, when the mapped type is not declared in this file
	// (a Hibernate hbm.xml mapping, a JPA association's target), that
	// type's name: fully qualified in a mapping file ("org.acme.Owner"),
	// as written in a Java file ("Visit").
	EntityName string
	// Inheritance is, for a JPA entity annotated @Inheritance, its
	// strategy: "single-table", "joined" or "table-per-class"; "" when not
	// written (JPA's default for a hierarchy is single-table). A subclass
	// entity's fact names its own table (explicit or by naming rule):
	// package graph decides from the root entity's strategy whether that
	// table is real (joined, table-per-class) or the root's (single-table).
	Inheritance string
	// Reads lists, for a view, the tables its query reads.
	Reads       []string
	ForeignKeys []ForeignKey
	Line        int
	// Via says how it was declared: "ddl", "jpa", "hbm", "liquibase", ...
	Via string
	// AppLabel marks a Django table named by Django's default rule
	// ("<app_label>_<model>"), whose app label only the file's place in
	// the repository says: Name is then the rest ("order", or
	// "order_tags" for a many-to-many join table), and package graph
	// prefixes the label of the app holding the file (see package
	// python). Facts depend on a file's content, never on its path.
	AppLabel bool
}

// ForeignKey is a reference from one table to another.
type ForeignKey struct {
	Columns []string
	Table   string // the referenced table
	// Entity, when Table is empty, is the mapped type whose table is
	// referenced, as written in the file ("PetType"): a JPA association
	// (@ManyToOne, @OneToOne, a join table's inverse side). Package graph
	// resolves it like DataRef.Entity.
	Entity string
	Line   int
}

// RoutineKind is the kind of a stored routine.
type RoutineKind string

// The routine kinds.
const (
	Procedure RoutineKind = "procedure"
	Function  RoutineKind = "function"
	Trigger   RoutineKind = "trigger"
	Package   RoutineKind = "package" // an Oracle package (its routines are "pkg.name")
)

// Routine is a stored procedure, function, trigger or package declared in
// the file. What its body does is in File.Data, with Routine set.
type Routine struct {
	Name string // unquoted, lower case, schema- or package-qualified when written ("dbo.usp_save", "billing.charge")
	Kind RoutineKind
	// On is, for a trigger, the table whose writes fire it, and Events
	// which writes ("insert", "update", "delete").
	On      string
	Events  []string
	Line    int
	EndLine int
	// Dropped marks a DROP of the routine (a migration removing it), not
	// a definition: package graph takes a routine whose newest migration
	// drops it for gone.
	Dropped bool
}

// DataKind is the kind of a data access.
type DataKind string

// The data access kinds.
const (
	Reads  DataKind = "reads"
	Writes DataKind = "writes"
	Calls  DataKind = "calls" // a stored procedure or function call
)

// DataRef is one access to a table, view or routine.
type DataRef struct {
	Kind DataKind
	// Object is the table, view or routine accessed, named as in Table.Name.
	Object string
	// Entity, when Object is empty, is the mapped type whose table is
	// accessed, as written in the file ("Owner", "com.acme.Owner"): a JPQL
	// query, a Spring Data repository, EntityManager.persist. Package graph
	// resolves the type and finds the table its mapping names. A Ruby
	// entity may end in association names, "#" before each
	// ("::Shop::Order#line_items"): the table is the one of the class the
	// associations lead to.
	Entity string
	// From and Method say which code performs the access (indexes in
	// File.Types and its Methods), or -1.
	From, Method int
	// Member is, for a mapping file, the fully qualified code member that
	// performs the access: a MyBatis mapper XML statement's interface
	// method ("org.acme.OrderMapper.getOrder"), an hbm.xml named query or
	// collection of its class ("org.acme.Invoice.unpaid"). The file cannot
	// name it by index, so From is -1 and package graph joins the member
	// to the type (and method) it names.
	Member string
	// Routine is the index in File.Routines of the routine whose body
	// performs the access, or -1.
	Routine int
	Line    int
	// Guess marks an access read from partial or dynamic SQL (a string
	// built at run time): likely, not certain.
	Guess bool
	// Via says how it was found: "sql", "jdbc", "jpa", "spring-data",
	// "mybatis", "hbm", ...
	Via string
}

// SQLText is SQL built in code from literals and constants, some of them
// declared in other files.
type SQLText struct {
	// Parts, concatenated in order, make the SQL: each is literal text or
	// a reference to a string constant ("Queries.FIND_OWNER", "FIND").
	Parts []SQLPart
	// JPQL marks a JPQL/HQL query: its names are entities, not tables.
	JPQL         bool
	From, Method int
	Line         int
	Via          string
}

// SQLPart is literal SQL text, or a constant to look up.
type SQLPart struct {
	Text  string
	Const string
}

// Severity says how much a diagnostic costs the analysis.
type Severity string

// The severities.
const (
	// Warning: the file was analysed, perhaps with some facts missing.
	Warning Severity = "warning"
	// Skipped: the file was not analysed at all.
	Skipped Severity = "skipped"
)

// Diagnostic is a problem with one file: the analysis goes on without it
// or with what could be salvaged.
type Diagnostic struct {
	Path     string
	Line     int // 0 when it concerns the whole file
	Severity Severity
	// Code names the problem for programs: "syntax", "encoding",
	// "binary", "generated", "unreadable", "parse-failed", "internal".
	Code    string
	Message string
}

// LineCount is how File.Lines counts: newlines, plus one for a last
// line without one.
func LineCount(src []byte) int {
	if len(src) == 0 {
		return 0
	}
	n := bytes.Count(src, []byte{'\n'})
	if src[len(src)-1] != '\n' {
		n++
	}
	return n
}
