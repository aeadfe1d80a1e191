package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

// dataDeps renders g's data dependencies as "From kind table" lines.
func dataDeps(g *Graph) []string {
	var out []string
	for _, d := range g.DataDeps {
		from := "-"
		if d.From >= 0 {
			from = g.Types[d.From].Name
		} else if d.Routine >= 0 {
			from = "routine " + g.Data[d.Routine].Name
		}
		out = append(out, fmt.Sprintf("%s %s %s", from, d.Kind, g.Data[d.To].Name))
	}
	return out
}

func javaFile(path, pkg string, types ...facts.Type) *facts.File {
	for i := range types {
		types[i].Outer = -1
	}
	return &facts.File{Path: path, Language: "java", Package: pkg, Types: types}
}

func TestDataEntitiesAndSQL(t *testing.T) {
	owner := javaFile("a/Owner.java", "a", facts.Type{Name: "Owner", Kind: facts.Class})
	owner.Tables = []facts.Table{{Name: "owners", Entity: 0, Via: "jpa"}}
	pet := javaFile("a/Pet.java", "a", facts.Type{Name: "Pet", Kind: facts.Class})
	pet.Tables = []facts.Table{{Name: "pets", Entity: 0, Via: "jpa", ForeignKeys: []facts.ForeignKey{{Entity: "Owner"}}}}
	// A subclass in a single-table hierarchy: its own table name came
	// from the naming rule only.
	cat := javaFile("a/Cat.java", "a", facts.Type{Name: "Cat", Kind: facts.Class})
	cat.Tables = []facts.Table{{Name: "cat", Entity: 0, Via: "jpa"}}
	cat.Refs = []facts.Ref{{Kind: facts.Extends, From: 0, Method: -1, Name: "Pet", Recv: -1}}
	queries := javaFile("a/Queries.java", "a", facts.Type{Name: "Queries", Kind: facts.Class,
		Fields: []facts.Field{{Name: "FIND", Static: true, Value: "SELECT * FROM owners o JOIN pets p ON p.owner_id = o.id"}}})
	repo := javaFile("a/OwnerRepo.java", "a", facts.Type{Name: "OwnerRepo", Kind: facts.Interface})
	repo.Data = []facts.DataRef{{Kind: facts.Reads, Entity: "Owner", From: 0, Method: -1, Routine: -1}, {Kind: facts.Writes, Entity: "Owner", From: 0, Method: -1, Routine: -1}}
	dao := javaFile("a/Dao.java", "a", facts.Type{Name: "Dao", Kind: facts.Class})
	dao.SQL = []facts.SQLText{
		{Parts: []facts.SQLPart{{Const: "Queries.FIND"}}, From: 0, Method: -1, Line: 3, Via: "jdbc"},
		{Parts: []facts.SQLPart{{Text: "UPDATE Cat c SET c.name = :n"}}, JPQL: true, From: 0, Method: -1, Line: 4, Via: "jpa"},
	}
	mapperXML := &facts.File{Path: "a/DaoMapper.xml", Language: "xml",
		Data: []facts.DataRef{{Kind: facts.Writes, Object: "dbo.audit", Member: "a.Dao.log", From: -1, Method: -1, Routine: -1}}}
	ddl := &facts.File{Path: "db/schema.sql", Language: "sql",
		Tables:   []facts.Table{{Name: "dbo.audit", Kind: facts.BaseTable, Entity: -1}, {Name: "owners", Kind: facts.BaseTable, Entity: -1}},
		Routines: []facts.Routine{{Name: "dbo.purge", Kind: facts.Procedure}, {Name: "trg_audit", Kind: facts.Trigger, On: "owners", Events: []string{"update"}}},
		Data: []facts.DataRef{
			{Kind: facts.Writes, Object: "audit", From: -1, Method: -1, Routine: 0}, // unqualified: the one dbo.audit
			{Kind: facts.Writes, Object: "dbo.audit", From: -1, Method: -1, Routine: 1},
			{Kind: facts.Reads, Object: "owners", From: -1, Method: -1, Routine: -1}, // top level: no component
		}}
	g, err := Build(context.Background(), []*facts.File{owner, pet, cat, queries, repo, dao, mapperXML, ddl}, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := dataDeps(g)
	want := []string{
		"a.OwnerRepo reads owners",
		"a.OwnerRepo writes owners",
		"a.Dao reads owners",
		"a.Dao reads pets",
		"a.Dao writes pets", // Cat is stored in its root's table
		"a.Dao writes dbo.audit",
		"routine dbo.purge writes dbo.audit",
		"routine trg_audit writes dbo.audit",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("data deps:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	names := map[string]DataNode{}
	for _, n := range g.Data {
		names[n.Name] = n
	}
	if n, ok := names["cat"]; ok && n.Declared {
		t.Errorf("cat should not be a declared table: %+v", n)
	}
	if p := names["pets"]; len(p.References) != 1 || g.Data[p.References[0]].Name != "owners" {
		t.Errorf("pets should reference owners: %+v", p)
	}
	if o := names["owners"]; len(o.Triggers) != 1 || g.Data[o.Triggers[0]].Name != "trg_audit" {
		t.Errorf("owners should fire trg_audit: %+v", o)
	}
	if _, ok := names["audit"]; ok {
		t.Errorf("audit and dbo.audit should be one table")
	}
}

func TestJPQLEntities(t *testing.T) {
	cases := map[string]string{
		"SELECT o FROM Owner o JOIN o.pets p WHERE p.name = :n":             "Owner reads",
		"select distinct owner from Owner owner left join fetch owner.pets": "Owner reads",
		"UPDATE Visit v SET v.date = :d":                                    "Visit writes",
		"DELETE FROM Visit v WHERE v.id = :id":                              "Visit writes",
		"SELECT v FROM com.acme.Vet v, Specialty s":                         "Specialty reads,com.acme.Vet reads",
	}
	for q, want := range cases {
		var got []string
		for _, e := range jpqlEntities(q) {
			got = append(got, e.name+" "+string(e.kind))
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q: got %q, want %q", q, strings.Join(got, ","), want)
		}
	}
}

// TestCurrentDefinitions: a procedure defined in the schema project and
// in migrations does what the schema says; one defined only in
// migrations does what the newest says.
func TestCurrentDefinitions(t *testing.T) {
	proc := func(path, name string, line int, accesses ...facts.DataRef) *facts.File {
		f := &facts.File{Path: path, Language: "sql", Routines: []facts.Routine{{Name: name, Kind: facts.Procedure, Line: line}}}
		for _, a := range accesses {
			a.Routine, a.Line, a.From, a.Method = 0, line+1, -1, -1
			f.Data = append(f.Data, a)
		}
		return f
	}
	reads := func(o string) facts.DataRef { return facts.DataRef{Kind: facts.Reads, Object: o} }
	writes := func(o string) facts.DataRef { return facts.DataRef{Kind: facts.Writes, Object: o} }
	files := []*facts.File{
		proc("src/Sql/dbo/Cipher_Update.sql", "dbo.cipher_update", 1, writes("dbo.cipher")),
		proc("util/Migrator/DbScripts/2017-08-19_00_InitialSetup.sql", "dbo.cipher_update", 10, writes("dbo.cipher"), reads("dbo.group")),
		proc("db/V9__first.sql", "app.report", 1, reads("app.old_orders")),
		proc("db/V10__second.sql", "app.report", 1, reads("app.orders")),
		proc("db/V2__only.sql", "app.once", 1, reads("app.orders")),
	}
	g, err := Build(context.Background(), files, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(dataDeps(g), "\n")
	want := strings.Join([]string{
		"routine dbo.cipher_update writes dbo.cipher",
		"routine app.report reads app.orders",
		"routine app.once reads app.orders",
	}, "\n")
	for _, line := range strings.Split(want, "\n") {
		if !strings.Contains(got, line) {
			t.Errorf("missing %q in:\n%s", line, got)
		}
	}
	for _, bad := range []string{"dbo.group", "app.old_orders"} {
		if strings.Contains(got, bad) {
			t.Errorf("a superseded definition's access to %s is kept:\n%s", bad, got)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"db/V9__a.sql", "db/V10__a.sql", -1},
		{"2017-08-19_00_x.sql", "2025-09-09_00_x.sql", -1},
		{"V010__x", "V10__x", 0},
		{"a", "b", -1},
		{"ab", "a", 1},
	} {
		if got := naturalCompare(c.a, c.b); got != c.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestDroppedRoutine: a procedure a later migration drops does nothing,
// and one dropped and created again in one script is current.
func TestDroppedRoutine(t *testing.T) {
	def := func(path, name string, line int, dropped bool, accesses ...string) *facts.File {
		f := &facts.File{Path: path, Language: "sql", Routines: []facts.Routine{{Name: name, Kind: facts.Procedure, Line: line, Dropped: dropped}}}
		for _, o := range accesses {
			f.Data = append(f.Data, facts.DataRef{Kind: facts.Reads, Object: o, Routine: 0, From: -1, Method: -1, Line: line + 1})
		}
		return f
	}
	recreated := def("db/migrations/003_again.sql", "dbo.again", 1, true)
	recreated.Routines = append(recreated.Routines, facts.Routine{Name: "dbo.again", Kind: facts.Procedure, Line: 5})
	recreated.Data = append(recreated.Data, facts.DataRef{Kind: facts.Reads, Object: "dbo.new_orders", Routine: 1, From: -1, Method: -1, Line: 6})
	files := []*facts.File{
		def("db/migrations/001_init.sql", "dbo.gone", 1, false, "dbo.orders"),
		def("db/migrations/002_drop.sql", "dbo.gone", 1, true),
		def("db/migrations/001_init_again.sql", "dbo.again", 1, false, "dbo.old_orders"),
		recreated,
	}
	g, err := Build(context.Background(), files, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(dataDeps(g), "\n")
	if strings.Contains(got, "dbo.gone") || strings.Contains(got, "dbo.old_orders") {
		t.Errorf("a dropped or superseded definition's accesses are kept:\n%s", got)
	}
	if !strings.Contains(got, "routine dbo.again reads dbo.new_orders") {
		t.Errorf("the re-created routine's access is missing:\n%s", got)
	}
	for _, n := range g.Data {
		if n.Name == "dbo.gone" && n.Kind != "procedure" {
			t.Errorf("dbo.gone is a %s", n.Kind)
		}
	}
}
