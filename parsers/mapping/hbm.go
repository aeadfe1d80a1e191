package mapping

import (
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/sql"
)

// hbm reads a Hibernate mapping file.
func hbm(f *facts.File, root *elem) {
	hm := root.child("hibernate-mapping")
	if hm == nil {
		return
	}
	h := hbmReader{f: f, pkg: hm.attr("package"), schema: hm.attr("schema")}
	f.Package = h.pkg
	for _, c := range hm.children() {
		switch c.name {
		case "class", "joined-subclass", "union-subclass":
			h.class(c, "")
		case "subclass":
			// A top-level subclass (extends=…): its table is its
			// superclass's, which package graph finds.
			h.class(c, "")
		}
	}
}

type hbmReader struct {
	f           *facts.File
	pkg, schema string
}

// qualify applies the mapping's package to a class name.
func (h *hbmReader) qualify(name string) string {
	if name == "" || strings.Contains(name, ".") || h.pkg == "" {
		return name
	}
	return h.pkg + "." + name
}

// class reads a <class> or subclass element; parent is the table of the
// class it is nested in.
func (h *hbmReader) class(c *elem, parent string) {
	name := h.qualify(c.attr("name"))
	if name == "" {
		return
	}
	var own string
	switch c.name {
	case "subclass":
		own = parent // single table: the root's
	default:
		table := c.attr("table")
		if table == "" {
			table = name[strings.LastIndexByte(name, '.')+1:]
		}
		t, ok := ObjectName(table)
		if !ok {
			return
		}
		if s := c.attr("schema"); s != "" {
			t = strings.ToLower(s) + "." + t
		} else if h.schema != "" {
			t = strings.ToLower(h.schema) + "." + t
		}
		own = t
	}
	at := -1
	if own != "" {
		at = len(h.f.Tables)
		tbl := facts.Table{Name: own, Kind: facts.BaseTable, Entity: -1, EntityName: name, Line: c.line, Via: "hbm"}
		if c.name == "joined-subclass" && parent != "" {
			tbl.ForeignKeys = append(tbl.ForeignKeys, facts.ForeignKey{Columns: keyColumns(c), Table: parent, Line: c.line})
		}
		h.f.Tables = append(h.f.Tables, tbl)
	}
	for _, p := range c.children() {
		switch p.name {
		case "many-to-one":
			if target := h.qualify(p.attr("class")); target != "" && at >= 0 {
				t := &h.f.Tables[at]
				t.ForeignKeys = append(t.ForeignKeys, facts.ForeignKey{Columns: columns(p), Entity: target, Line: p.line})
			}
		case "set", "list", "bag", "idbag", "map", "array", "primitive-array":
			h.collection(p, name, own)
		case "join":
			if t, ok := ObjectName(p.attr("table")); ok {
				h.f.Tables = append(h.f.Tables, facts.Table{Name: t, Kind: facts.BaseTable, Entity: -1, EntityName: name, Line: p.line, Via: "hbm",
					ForeignKeys: []facts.ForeignKey{{Columns: keyColumns(p), Table: own, Line: p.line}}})
			}
		case "subclass", "joined-subclass", "union-subclass":
			h.class(p, own)
		case "query":
			for _, x := range JPQLEntities(p.text()) {
				h.f.Data = append(h.f.Data, facts.DataRef{Kind: x.Kind, Entity: x.Name, From: -1, Method: -1, Routine: -1,
					Member: name + "." + p.attr("name"), Line: p.line, Via: "hbm"})
			}
		case "sql-query", "sql-insert", "sql-update", "sql-delete":
			member := name + "." + p.attr("name")
			if p.name != "sql-query" {
				member = name
			}
			r := sql.Extract(p.text(), sql.Options{Fragment: true})
			for _, d := range r.Data {
				d.From, d.Method, d.Routine, d.Member, d.Line, d.Via = -1, -1, -1, member, p.line, "hbm"
				h.f.Data = append(h.f.Data, d)
			}
		}
	}
}

// collection reads a collection mapping of class (whose table is own).
func (h *hbmReader) collection(p *elem, class, own string) {
	keys := keyColumns(p)
	var target string
	var targetCols []string
	manyToMany := false
	for _, c := range p.children() {
		switch c.name {
		case "one-to-many":
			target = h.qualify(c.attr("class"))
		case "many-to-many":
			target, targetCols, manyToMany = h.qualify(c.attr("class")), columns(c), true
		}
	}
	if table, ok := ObjectName(p.attr("table")); ok {
		var fks []facts.ForeignKey
		if own != "" {
			fks = append(fks, facts.ForeignKey{Columns: keys, Table: own, Line: p.line})
		}
		if manyToMany && target != "" {
			fks = append(fks, facts.ForeignKey{Columns: targetCols, Entity: target, Line: p.line})
		}
		h.f.Tables = append(h.f.Tables, facts.Table{Name: table, Kind: facts.BaseTable, Entity: -1, Line: p.line, Via: "hbm", ForeignKeys: fks})
		if p.attr("inverse") != "true" {
			for _, k := range []facts.DataKind{facts.Reads, facts.Writes} {
				h.f.Data = append(h.f.Data, facts.DataRef{Kind: k, Object: table, From: -1, Method: -1, Routine: -1,
					Member: class + "." + p.attr("name"), Line: p.line, Via: "hbm"})
			}
		}
		return
	}
	if target != "" && !manyToMany && own != "" {
		// The key column is in the target's table.
		h.f.Tables = append(h.f.Tables, facts.Table{Kind: facts.BaseTable, Entity: -1, EntityName: target, Line: p.line, Via: "hbm",
			ForeignKeys: []facts.ForeignKey{{Columns: keys, Table: own, Line: p.line}}})
	}
}

// keyColumns returns the columns of an element's <key>.
func keyColumns(p *elem) []string {
	if k := p.child("key"); k != nil {
		return columns(k)
	}
	return nil
}

// columns returns the columns an element names: its column attribute or
// its <column name> children.
func columns(p *elem) []string {
	if c := p.attr("column"); c != "" {
		var out []string
		for _, s := range strings.Split(c, ",") {
			if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	var out []string
	for _, c := range p.children() {
		if c.name == "column" {
			if n := c.attr("name"); n != "" {
				out = append(out, strings.ToLower(n))
			}
		}
	}
	return out
}
