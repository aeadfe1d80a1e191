// Package mapping extracts data facts from the mapping and schema files
// of Java persistence frameworks: MyBatis mapper XML, Hibernate hbm.xml,
// and Liquibase changelogs in XML and YAML.
//
// It is registered for every .xml, .yaml and .yml file, most of which are
// nothing of the sort (build files, Spring contexts, CI pipelines): the
// first 4 KB are sniffed for a root it knows (<mapper, <hibernate-mapping,
// <databaseChangeLog, databaseChangeLog:) and any other file comes back
// as nil facts and no error (nothing to say: the driver leaves it out),
// having cost a few byte searches. File.Language is "xml" or "yaml".
//
// XML is read by encoding/xml in non-strict mode: a DTD is skipped, never
// fetched, external entities are never resolved, unknown entities are
// kept as text. A syntax error is a warning; what was read before it is
// kept. YAML is read by gopkg.in/yaml.v3 into nodes, without following
// aliases.
//
// # MyBatis mapper XML
//
// <mapper namespace="org.acme.OrderMapper">: each <select>, <insert>,
// <update> and <delete> is the SQL of the mapper interface's method of
// the same id. Its dynamic SQL is flattened to text the SQL extractor
// (package sql, Fragment mode) reads: <if>, <where>, <set>, <trim> and
// <foreach> bodies are all kept (they only add conditions, columns and
// lists); each <choose> contributes one branch per variant and every
// variant is read, so that a branch choosing another table is not lost;
// <include refid> inlines the <sql> fragment of this file (with its
// <property> values), a fragment of another mapper is unknown; #{…} is a
// parameter (?), ${…} a run-time value (__dyn__); <selectKey> is read as
// a statement of its own; {call p(…)} (statementType CALLABLE) is a call.
// The file cannot name the interface by index, so each access is a
// facts.DataRef with From -1 and Member "namespace.id", which package
// graph joins to the interface's method. File.Package is the namespace's
// package, so that the XML sits beside its interface.
//
// # Hibernate hbm.xml
//
// Each <class> (and <subclass>, <joined-subclass>, <union-subclass>) is a
// facts.Table with EntityName the fully qualified class (the
// <hibernate-mapping package> applied) and Name its table attribute or,
// by Hibernate's default naming, the unqualified class name in lower case;
// a <subclass> (single table) names no table of its own and is left to
// package graph through its superclass. <many-to-one class column> is a
// foreign key to the class's table (ForeignKey.Entity); a collection with
// a table attribute is a join table read and written by the class's
// mapping (Member "Class.collection"); a <one-to-many> collection without
// one puts its key column in the target's table (a Table with no Name and
// EntityName the target). <sql-query> is SQL and <query> HQL, attributed
// to the class they sit in.
//
// # Liquibase changelogs
//
// createTable (with column constraints' references), addColumn,
// addForeignKeyConstraint, renameTable, createView (its query's reads),
// createProcedure and sql changes (read by package sql) are the schema,
// Via "liquibase". A dropTable of a table created earlier in the same
// file removes it. sqlFile, include and includeAll name other files,
// which are read on their own. Data changes (insert, loadData, update,
// delete) touch tables outside any code: they are not facts.
package mapping

import (
	"bytes"
	"context"

	"github.com/seams-dev/seams/facts"
)

// Version is the version of the facts this package emits: bump it when
// they change for some input.
const Version = "2"

// Parser extracts facts from mapping files. It holds no resources; it is
// not safe for concurrent use only by convention.
type Parser struct{}

// NewParser returns a parser.
func NewParser() (*Parser, error) { return &Parser{}, nil }

// Close does nothing.
func (p *Parser) Close() {}

// sniffLen is how much of a file is looked at to decide what it is.
const sniffLen = 4096

// kindOf says what a file is from its first bytes: "mybatis", "hbm",
// "liquibase-xml", "liquibase-yaml", or "" for a file this package does
// not read.
func kindOf(path string, src []byte) string {
	head := src[:min(len(src), sniffLen)]
	if isYAML(path) {
		if bytes.Contains(head, []byte("databaseChangeLog:")) {
			return "liquibase-yaml"
		}
		return ""
	}
	switch {
	case bytes.Contains(head, []byte("<mapper")) && bytes.Contains(head, []byte("namespace")):
		return "mybatis"
	case bytes.Contains(head, []byte("<hibernate-mapping")):
		return "hbm"
	case bytes.Contains(head, []byte("<databaseChangeLog")):
		return "liquibase-xml"
	}
	return ""
}

func isYAML(path string) bool {
	n := len(path)
	return n >= 5 && (path[n-5:] == ".yaml" || path[n-5:] == ".YAML") || n >= 4 && (path[n-4:] == ".yml" || path[n-4:] == ".YML")
}

// Parse extracts the facts of one file. src must be UTF-8. For a file that
// is not a mapping it returns nil facts and no error.
func (p *Parser) Parse(ctx context.Context, path string, src []byte) (*facts.File, error) {
	lang := "xml"
	if isYAML(path) {
		lang = "yaml"
	}
	f := &facts.File{Path: path, Language: lang, Bytes: len(src), Lines: facts.LineCount(src)}
	switch kindOf(path, src) {
	case "mybatis":
		root, diag := readXML(src)
		mybatis(f, root)
		f.Diagnostics = append(f.Diagnostics, withPath(path, diag)...)
	case "hbm":
		root, diag := readXML(src)
		hbm(f, root)
		f.Diagnostics = append(f.Diagnostics, withPath(path, diag)...)
	case "liquibase-xml":
		root, diag := readXML(src)
		liquibase(f, xmlChanges(root))
		f.Diagnostics = append(f.Diagnostics, withPath(path, diag)...)
	case "liquibase-yaml":
		changes, diag := yamlChanges(src)
		liquibase(f, changes)
		f.Diagnostics = append(f.Diagnostics, withPath(path, diag)...)
	default:
		return nil, nil // not a mapping: nothing to analyse, not counted
	}
	return f, nil
}

func withPath(path string, ds []facts.Diagnostic) []facts.Diagnostic {
	for i := range ds {
		ds[i].Path = path
	}
	return ds
}
