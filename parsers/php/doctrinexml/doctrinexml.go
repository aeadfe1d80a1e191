// Package doctrinexml reads Doctrine ORM's XML mappings (*.orm.xml,
// *.dcm.xml): the tables PHP entities are mapped to and the foreign keys
// their associations make.
//
// Each <entity name="App\Model\Course" table="courses" schema="s"> is a
// facts.Table named after its table attribute, or, by Doctrine's default
// naming strategy, after the class's short name, lower case like every
// table name in the facts ("Course" -> "course"); EntityName is the class
// with dots ("App.Model.Course"), the form package graph names types in,
// so that it resolves from a file of any language. <mapped-superclass> and
// <embeddable> map no table. Associations: <many-to-one> and an owning
// <one-to-one> (no mapped-by) are foreign keys from the entity's table to
// the target-entity's; <one-to-many> (and an inverse <one-to-one>) one
// from the target's table to the entity's; an owning <many-to-many> a
// join table (its <join-table name>, else Doctrine's default
// "source_target") with foreign keys to both. A target-entity without a
// namespace is in the entity's namespace, as Doctrine resolves it. Via is
// "doctrine-xml".
//
// The XML is read by encoding/xml in non-strict mode: a DTD is skipped,
// never fetched, and external entities are never resolved. A syntax error
// is a warning; what was read before it is kept.
package doctrinexml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Is reports whether the first bytes of an XML file are those of a
// Doctrine mapping.
func Is(head []byte) bool {
	return bytes.Contains(head, []byte("<doctrine-mapping"))
}

// Extract appends to f the tables and foreign keys of the Doctrine
// mapping in src, and a diagnostic when the XML is malformed.
func Extract(f *facts.File, src []byte) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	lines := lineStarts(src)
	line := func() int {
		off := int(d.InputOffset())
		lo, hi := 0, len(lines)
		for lo < hi {
			m := (lo + hi) / 2
			if lines[m] <= off {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo
	}
	type entity struct {
		fq, table string
		mapped    bool // maps a table of its own
	}
	var stack []string
	var cur *entity
	var assoc string  // the association element being read
	var target string // its target entity
	var owning bool
	var joinTable string
	var assocLine int
	flush := func() {
		if cur == nil || !cur.mapped || assoc == "" || target == "" {
			return
		}
		self := dotted(cur.fq)
		to := dotted(qualify(cur.fq, target))
		switch {
		case (assoc == "many-to-one" || assoc == "one-to-one") && owning:
			f.Tables = append(f.Tables, facts.Table{Entity: -1, EntityName: self, Line: assocLine, Via: "doctrine-xml",
				ForeignKeys: []facts.ForeignKey{{Entity: to, Line: assocLine}}})
		case assoc == "one-to-many" || assoc == "one-to-one":
			f.Tables = append(f.Tables, facts.Table{Entity: -1, EntityName: to, Line: assocLine, Via: "doctrine-xml",
				ForeignKeys: []facts.ForeignKey{{Entity: self, Line: assocLine}}})
		case assoc == "many-to-many" && owning:
			name := joinTable
			if name == "" {
				name = short(cur.fq) + "_" + short(target)
			}
			f.Tables = append(f.Tables, facts.Table{Name: strings.ToLower(name), Kind: facts.BaseTable, Entity: -1, Line: assocLine, Via: "doctrine-xml",
				ForeignKeys: []facts.ForeignKey{{Entity: self, Line: assocLine}, {Entity: to, Line: assocLine}}})
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				f.Diagnostics = append(f.Diagnostics, facts.Diagnostic{Path: f.Path, Line: line(), Severity: facts.Warning, Code: "syntax",
					Message: fmt.Sprintf("malformed XML (%v); mappings read before it were kept", err)})
			}
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			switch t.Name.Local {
			case "entity", "mapped-superclass", "embeddable":
				cur = &entity{fq: strings.TrimPrefix(attr(t, "name"), `\`), mapped: t.Name.Local == "entity"}
				if cur.mapped && cur.fq != "" {
					table := attr(t, "table")
					if table == "" {
						table = short(cur.fq)
					}
					if s := attr(t, "schema"); s != "" {
						table = s + "." + table
					}
					f.Tables = append(f.Tables, facts.Table{Name: strings.ToLower(table), Kind: facts.BaseTable, Entity: -1,
						EntityName: dotted(cur.fq), Line: line(), Via: "doctrine-xml"})
				}
			case "many-to-one", "one-to-one", "one-to-many", "many-to-many":
				if cur != nil {
					assoc, target, joinTable, assocLine = t.Name.Local, attr(t, "target-entity"), "", line()
					owning = attr(t, "mapped-by") == ""
				}
			case "join-table":
				if assoc != "" {
					joinTable = attr(t, "name")
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch t.Name.Local {
			case "many-to-one", "one-to-one", "one-to-many", "many-to-many":
				flush()
				assoc = ""
			case "entity", "mapped-superclass", "embeddable":
				cur = nil
			}
		}
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// qualify resolves a target entity written without a namespace against
// the entity's namespace.
func qualify(entity, target string) string {
	target = strings.TrimPrefix(target, `\`)
	if strings.IndexByte(target, '\\') >= 0 {
		return target
	}
	if i := strings.LastIndexByte(entity, '\\'); i >= 0 {
		return entity[:i+1] + target
	}
	return target
}

func short(fq string) string { return fq[strings.LastIndexByte(fq, '\\')+1:] }

func dotted(fq string) string { return strings.ReplaceAll(fq, `\`, ".") }

func lineStarts(src []byte) []int {
	out := []int{0}
	for i, b := range src {
		if b == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
