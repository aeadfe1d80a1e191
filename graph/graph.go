// Package graph resolves the names in the facts of every file against the
// declarations of the whole repository and builds one typed, weighted
// dependency graph at type level, which it aggregates to file and package
// level.
//
// # Resolution (Java)
//
// A simple type name is looked up as the compiler does, in order: type
// parameters (dropped by the parser), member types of the enclosing types
// and of their supertypes, single-type imports, the file's own package,
// on-demand (wildcard) imports, static imports of member types, and
// java.lang. A qualified name resolves its first segment that way and walks
// member types from there, or else is taken as a fully qualified name.
//
// A call's receiver expression (see facts.Expr) is typed step by step:
// fields and methods are looked up through the superclass and interfaces,
// and the declared type of the field, or the return type of the method, is
// resolved in the scope of the file that declares it. Overloads are told
// apart by argument count only; when that does not decide, the first
// declaration wins (they share a declaring type, so the edge is the same).
// Generic type arguments are not substituted: a method returning T gives an
// unknown receiver.
//
// Every reference ends in one of three outcomes, counted per language:
// internal (an edge to a type of the repository), external (the JDK or a
// library: counted, never a node) or unresolved. A name that cannot be
// placed is never guessed into an edge; when the file has on-demand imports
// of packages outside the repository, or the type has supertypes outside
// it, the name is counted as external, since that is where it must come
// from.
package graph

import (
	"github.com/seams-dev/seams/facts"
)

// EdgeKind is the kind of a dependency. The code kinds are the reference
// kinds of package facts.
type EdgeKind = facts.RefKind

// Type is a type declared in the repository.
type Type struct {
	Name   string // fully qualified, nesting with dots: com.acme.Owner.Builder
	Simple string // Builder
	Kind   facts.TypeKind
	File   int // index in Graph.Files
	Outer  int // index in Graph.Types of the enclosing type, or -1
	Line   int
	Public bool
	// Fact is the index of the type in its file's facts.
	Fact int
}

// File is a source file of the repository.
type File struct {
	Path     string
	Language string
	Package  int // index in Graph.Packages
	Lines    int
	Types    []int // indexes in Graph.Types, in declaration order
}

// Package is a package (or namespace, or directory for languages without
// packages).
type Package struct {
	Name  string
	Files []int
}

// Dep is a resolved dependency between two types: all references of one
// kind from one type to one member of another, aggregated.
type Dep struct {
	From, To int // indexes in Graph.Types
	Kind     EdgeKind
	// Member is the method called or referenced, for calls and method
	// references; "" otherwise.
	Member string
	Count  int
	// Line is the first line in From's file where the reference occurs.
	Line int
	// Accessor marks a call of a getter or setter (see markAccessors):
	// reading or writing one field of a record, weighed as Accessor.
	Accessor bool
}

// Accessor is the weight key of a call of a getter or setter. Seventeen
// getter calls that copy an account's fields into an order are one
// read of a record, not seventeen uses of the account's behaviour; with
// no weight of its own, such a call weighs as a call.
const Accessor EdgeKind = "accessor"

// Weight is d's weight under weights, the weight of one reference by
// kind: its kind's weight (Accessor's for a getter or setter, when set)
// times its count. Clustering, the candidates' coupling and the history's
// scores all weigh a dependency by it.
func (d Dep) Weight(weights map[EdgeKind]float64) float64 {
	return d.KindWeight(weights) * float64(d.Count)
}

// KindWeight is the weight of one of d's references.
func (d Dep) KindWeight(weights map[EdgeKind]float64) float64 {
	if d.Accessor {
		if w, ok := weights[Accessor]; ok {
			return w
		}
	}
	return weights[d.Kind]
}

// Graph is the dependency graph of a repository.
type Graph struct {
	Types    []Type
	Files    []File
	Packages []Package
	Deps     []Dep // sorted by From, To, Kind, Member
	// Data holds the tables, views and routines; DataDeps the accesses to
	// them, sorted.
	Data     []DataNode
	DataDeps []DataDep
	Stats    Stats
	// Facts are the facts the graph was built from, by file index.
	Facts []*facts.File
}

// Outcome counts how references ended.
type Outcome struct {
	Internal   int `json:"internal"`
	External   int `json:"external"`
	Unresolved int `json:"unresolved"`
}

// Total is the number of references counted.
func (o Outcome) Total() int { return o.Internal + o.External + o.Unresolved }

func (o *Outcome) add(p Outcome) {
	o.Internal += p.Internal
	o.External += p.External
	o.Unresolved += p.Unresolved
}

// Stats says how resolution went.
type Stats struct {
	// ByLanguage counts reference outcomes per language.
	ByLanguage map[string]Outcome
	// ByKind counts reference outcomes per reference kind.
	ByKind map[EdgeKind]Outcome
	// TopUnresolved are the names most often left unresolved, most
	// frequent first (at most 20).
	TopUnresolved []NameCount
	// DuplicateTypes lists fully qualified names declared more than once.
	DuplicateTypes []string
	// Data counts the data accesses and what could not be placed.
	Data DataStats
}

// NameCount is a name and how often it occurred.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// TypesByName maps each fully qualified type name to its index. A name
// declared more than once maps to its first declaration.
func (g *Graph) TypesByName() map[string]int {
	m := make(map[string]int, len(g.Types))
	for i, t := range g.Types {
		if _, ok := m[t.Name]; !ok {
			m[t.Name] = i
		}
	}
	return m
}
