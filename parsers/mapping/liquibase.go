package mapping

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// change is one Liquibase change, from XML or YAML.
type change struct {
	kind    string            // createTable, addColumn, sql, ...
	attrs   map[string]string // its scalar attributes
	columns []column
	text    string // the SQL of sql, createView, createProcedure
	dbms    string // the changeSet's or the change's dbms
	line    int
}

// column is a column of createTable or addColumn, with its constraints.
type column struct {
	name        string
	constraints map[string]string
	line        int
}

// xmlChanges returns the changes of an XML changelog, in order.
func xmlChanges(root *elem) []change {
	log := root.child("databaseChangeLog")
	if log == nil {
		return nil
	}
	var out []change
	for _, cs := range log.children() {
		if cs.name != "changeSet" {
			continue
		}
		dbms := cs.attr("dbms")
		for _, c := range cs.children() {
			switch c.name {
			case "comment", "preConditions", "rollback", "validCheckSum", "tagDatabase":
				continue
			}
			ch := change{kind: c.name, attrs: map[string]string{}, dbms: dbms, line: c.line}
			for _, a := range c.attrs {
				ch.attrs[a.Name.Local] = a.Value
			}
			if d := ch.attrs["dbms"]; d != "" {
				ch.dbms = d
			}
			var sb strings.Builder
			for _, it := range c.items {
				switch {
				case it.el == nil:
					sb.WriteString(it.text)
				case it.el.name == "column":
					col := column{name: it.el.attr("name"), line: it.el.line, constraints: map[string]string{}}
					if k := it.el.child("constraints"); k != nil {
						for _, a := range k.attrs {
							col.constraints[a.Name.Local] = a.Value
						}
					}
					ch.columns = append(ch.columns, col)
				case it.el.name == "sql" || it.el.name == "selectQuery" || it.el.name == "procedureBody" || it.el.name == "createProcedure":
					sb.WriteString(it.el.text())
				}
			}
			ch.text = sb.String()
			out = append(out, ch)
		}
	}
	return out
}

// yamlChanges returns the changes of a YAML changelog, in order.
func yamlChanges(src []byte) ([]change, []facts.Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, []facts.Diagnostic{{Severity: facts.Warning, Code: "syntax",
			Message: fmt.Sprintf("YAML syntax error (%v); the changelog was not read", err)}}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	log := mapValue(doc.Content[0], "databaseChangeLog")
	if log == nil || log.Kind != yaml.SequenceNode {
		return nil, nil
	}
	var out []change
	for _, entry := range log.Content {
		cs := mapValue(entry, "changeSet")
		if cs == nil {
			continue
		}
		dbms := scalar(mapValue(cs, "dbms"))
		changes := mapValue(cs, "changes")
		if changes == nil || changes.Kind != yaml.SequenceNode {
			continue
		}
		for _, c := range changes.Content {
			if c.Kind != yaml.MappingNode || len(c.Content) < 2 {
				continue
			}
			kind, body := c.Content[0].Value, c.Content[1]
			ch := change{kind: kind, attrs: map[string]string{}, dbms: dbms, line: c.Content[0].Line}
			switch body.Kind {
			case yaml.ScalarNode: // sql: "text"
				ch.text = body.Value
			case yaml.MappingNode:
				for i := 0; i+1 < len(body.Content); i += 2 {
					k, v := body.Content[i].Value, body.Content[i+1]
					switch {
					case k == "columns" && v.Kind == yaml.SequenceNode:
						for _, cn := range v.Content {
							col := mapValue(cn, "column")
							if col == nil {
								continue
							}
							c := column{name: scalar(mapValue(col, "name")), line: cn.Line, constraints: map[string]string{}}
							if k := mapValue(col, "constraints"); k != nil && k.Kind == yaml.MappingNode {
								for j := 0; j+1 < len(k.Content); j += 2 {
									c.constraints[k.Content[j].Value] = scalar(k.Content[j+1])
								}
							}
							ch.columns = append(ch.columns, c)
						}
					case k == "sql" || k == "selectQuery" || k == "procedureBody":
						ch.text = scalar(v)
					case v.Kind == yaml.ScalarNode:
						ch.attrs[k] = v.Value
					}
				}
				if d := ch.attrs["dbms"]; d != "" {
					ch.dbms = d
				}
			}
			out = append(out, ch)
		}
	}
	return out, nil
}

// mapValue returns the value of key in a mapping node, or nil. Aliases are
// not followed.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// liquibase emits the schema a changelog's changes declare.
func liquibase(f *facts.File, changes []change) {
	created := map[string]int{} // table -> index in f.Tables, for this file's drops and renames
	var dropped []int
	for _, ch := range changes {
		switch ch.kind {
		case "createTable", "addColumn":
			name, ok := tableName(ch.attrs["schemaName"], ch.attrs["tableName"])
			if !ok {
				continue
			}
			t := facts.Table{Name: name, Kind: facts.BaseTable, Entity: -1, Line: ch.line, Via: "liquibase"}
			for _, c := range ch.columns {
				if fk := columnFK(c); fk.Table != "" {
					t.ForeignKeys = append(t.ForeignKeys, fk)
				}
			}
			if ch.kind == "addColumn" && len(t.ForeignKeys) == 0 {
				continue // the table is declared where it is created
			}
			if ch.kind == "createTable" {
				created[name] = len(f.Tables)
			}
			f.Tables = append(f.Tables, t)
		case "addForeignKeyConstraint":
			base, ok1 := tableName(ch.attrs["baseTableSchemaName"], ch.attrs["baseTableName"])
			ref, ok2 := tableName(ch.attrs["referencedTableSchemaName"], ch.attrs["referencedTableName"])
			if !ok1 || !ok2 {
				continue
			}
			f.Tables = append(f.Tables, facts.Table{Name: base, Kind: facts.BaseTable, Entity: -1, Line: ch.line, Via: "liquibase",
				ForeignKeys: []facts.ForeignKey{{Columns: splitColumns(ch.attrs["baseColumnNames"]), Table: ref, Line: ch.line}}})
		case "renameTable":
			old, ok1 := tableName(ch.attrs["schemaName"], ch.attrs["oldTableName"])
			name, ok2 := tableName(ch.attrs["schemaName"], ch.attrs["newTableName"])
			if !ok1 || !ok2 {
				continue
			}
			if i, ok := created[old]; ok {
				f.Tables[i].Name = name
				delete(created, old)
				created[name] = i
				continue
			}
			created[name] = len(f.Tables)
			f.Tables = append(f.Tables, facts.Table{Name: name, Kind: facts.BaseTable, Entity: -1, Line: ch.line, Via: "liquibase"})
		case "dropTable":
			name, ok := tableName(ch.attrs["schemaName"], ch.attrs["tableName"])
			if i, found := created[name]; ok && found {
				dropped = append(dropped, i)
				delete(created, name)
			}
		case "createView":
			name, ok := tableName(ch.attrs["schemaName"], ch.attrs["viewName"])
			if !ok {
				continue
			}
			t := facts.Table{Name: name, Kind: facts.View, Entity: -1, Line: ch.line, Via: "liquibase"}
			r := sql.Extract(ch.text, sql.Options{Dialect: dialect(ch.dbms), Fragment: true})
			for _, d := range r.Data {
				if d.Kind == facts.Reads && d.Object != "" && !slices.Contains(t.Reads, d.Object) {
					t.Reads = append(t.Reads, d.Object)
				}
			}
			f.Tables = append(f.Tables, t)
		case "sql", "createProcedure":
			if strings.TrimSpace(ch.text) == "" {
				continue
			}
			r := sql.Extract(ch.text, sql.Options{Dialect: dialect(ch.dbms)})
			base := len(f.Routines)
			for _, t := range r.Tables {
				t.Line += ch.line - 1
				for i := range t.ForeignKeys {
					t.ForeignKeys[i].Line += ch.line - 1
				}
				t.Via = "liquibase"
				f.Tables = append(f.Tables, t)
			}
			for _, rt := range r.Routines {
				rt.Line += ch.line - 1
				rt.EndLine += ch.line - 1
				f.Routines = append(f.Routines, rt)
			}
			for _, d := range r.Data {
				d.Line += ch.line - 1
				if d.Routine >= 0 {
					d.Routine += base
				}
				f.Data = append(f.Data, d)
			}
			for _, d := range r.Diagnostics {
				d.Line += ch.line - 1
				f.Diagnostics = append(f.Diagnostics, d)
			}
		}
	}
	if len(dropped) > 0 {
		keep := f.Tables[:0]
		for i, t := range f.Tables {
			if !slices.Contains(dropped, i) {
				keep = append(keep, t)
			}
		}
		f.Tables = keep
	}
}

// columnFK returns the foreign key a column's constraints declare.
func columnFK(c column) facts.ForeignKey {
	k := c.constraints
	ref := k["referencedTableName"]
	if ref != "" {
		if s := k["referencedTableSchemaName"]; s != "" {
			ref = s + "." + ref
		}
	} else if r := k["references"]; r != "" {
		// "owners(id)"
		if i := strings.IndexByte(r, '('); i >= 0 {
			r = r[:i]
		}
		ref = r
	}
	name, ok := ObjectName(ref)
	if !ok || c.name == "" {
		return facts.ForeignKey{}
	}
	return facts.ForeignKey{Columns: []string{strings.ToLower(c.name)}, Table: name, Line: c.line}
}

// tableName returns [schema.]table normalised.
func tableName(schema, table string) (string, bool) {
	if schema != "" {
		table = schema + "." + table
	}
	return ObjectName(table)
}

func splitColumns(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// dialect maps a Liquibase dbms to an SQL dialect; a list or anything
// else is left to detection.
func dialect(dbms string) sql.Dialect {
	switch strings.ToLower(strings.TrimSpace(dbms)) {
	case "postgresql":
		return sql.Postgres
	case "mysql", "mariadb":
		return sql.MySQL
	case "oracle":
		return sql.Oracle
	case "mssql":
		return sql.TSQL
	}
	return sql.Auto
}
