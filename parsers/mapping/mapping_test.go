package mapping

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func parse(t *testing.T, path, src string) *facts.File {
	t.Helper()
	p, _ := NewParser()
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestIgnored(t *testing.T) {
	for _, c := range []struct{ path, src string }{
		{"pom.xml", `<?xml version="1.0"?><project><modelVersion>4.0.0</modelVersion></project>`},
		{"web.xml", `<web-app><servlet><servlet-name>x</servlet-name></servlet></web-app>`},
		{"broken.xml", `<<<not xml at all`},
		{"application.yml", "spring:\n  datasource:\n    url: jdbc:h2:mem:x\n"},
		{".github/workflows/ci.yaml", "on: push\njobs: {}\n"},
		{"mapper.yml", "databaseChangeLogX: 1"},
	} {
		if f := parse(t, c.path, c.src); f != nil {
			t.Errorf("%s: want nil facts (not a mapping), got %+v", c.path, f)
		}
	}
}

func TestFlatten(t *testing.T) {
	const mapper = `<?xml version="1.0"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="a.b.M">
  <sql id="cols">${alias}.id, ${alias}.name</sql>
  <select id="s">
    SELECT <include refid="cols"><property name="alias" value="t"/></include> FROM t
    <choose><when test="a">JOIN u ON 1=1</when><when test="b">JOIN v ON 1=1</when><otherwise>JOIN w ON 1=1</otherwise></choose>
    <where><if test="x">AND t.x = #{x}</if><if test="y">OR t.y IN <foreach collection="ys" open="(" close=")" separator=",">#{i}</foreach></if></where>
    ORDER BY ${order}
  </select>
  <update id="u">UPDATE t <set><if test="a">a = #{a},</if><if test="b">b = #{b},</if></set> WHERE id = #{id}</update>
  <insert id="i"><trim prefix="INSERT INTO t (" suffix=")" suffixOverrides=",">a, b,</trim> VALUES (1, 2)</insert>
  <select id="x"><include refid="other.Mapper.frag"/></select>
</mapper>`
	root, diags := readXML([]byte(mapper))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	m := root.child("mapper")
	fr := flattener{frags: map[string]*elem{"cols": m.children()[0]}}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var got []string
	for _, c := range m.children()[1:] {
		for _, v := range fr.variants(c) {
			got = append(got, squash(v))
		}
	}
	want := []string{
		"SELECT t.id, t.name FROM t JOIN u ON 1=1 WHERE t.x = ? OR t.y IN (?) ORDER BY __dyn__",
		"SELECT t.id, t.name FROM t JOIN v ON 1=1 WHERE t.x = ? OR t.y IN (?) ORDER BY __dyn__",
		"SELECT t.id, t.name FROM t JOIN w ON 1=1 WHERE t.x = ? OR t.y IN (?) ORDER BY __dyn__",
		"UPDATE t SET a = ?, b = ? WHERE id = ?",
		"INSERT INTO t ( a, b ) VALUES (1, 2)",
		"__dyn__",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	script := FlattenScript(`<script>SELECT * FROM a <where><if test="x">AND b = #{b}</if></where></script>`)
	if len(script) != 1 || squash(script[0]) != "SELECT * FROM a WHERE b = ?" {
		t.Errorf("FlattenScript: %q", script)
	}
}

func TestMyBatisFile(t *testing.T) {
	f := parse(t, "M.xml", `<mapper namespace="a.b.M">
  <select id="get">SELECT * FROM t</select>
  <update id="call" statementType="CALLABLE">{call do_it(#{x})}</update>
  <select id="">SELECT * FROM nameless</select>
  <resultMap id="r" type="X"/>
</mapper>`)
	if f.Package != "a.b" || f.Language != "xml" {
		t.Errorf("package %q language %q", f.Package, f.Language)
	}
	var calls []string
	for _, d := range f.Data {
		if d.From != -1 || d.Method != -1 || d.Via != "mybatis" || !strings.HasPrefix(d.Member, "a.b.M.") {
			t.Errorf("bad reference %+v", d)
		}
		if d.Kind == facts.Calls {
			calls = append(calls, d.Object+" "+d.Member)
		}
	}
	if want := []string{"do_it a.b.M.call"}; !reflect.DeepEqual(calls, want) {
		t.Errorf("calls %v, want %v", calls, want)
	}
}

func TestSyntaxError(t *testing.T) {
	f := parse(t, "M.xml", "<mapper namespace=\"a.M\">\n<select id=\"ok\">SELECT 1 FROM t</select>\n<select id=\"bad\" <<< \n</mapper>")
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Code != "syntax" || f.Diagnostics[0].Path != "M.xml" || f.Diagnostics[0].Line == 0 {
		t.Errorf("diagnostics %+v", f.Diagnostics)
	}
}

func TestHbm(t *testing.T) {
	f := parse(t, "O.hbm.xml", `<hibernate-mapping package="p" schema="s">
  <class name="Owner" table="OWNERS">
    <many-to-one name="type" class="q.Type"><column name="TYPE_ID"/></many-to-one>
    <set name="pets"><key column="OWNER_ID"/><one-to-many class="Pet"/></set>
    <set name="vets" table="OWNER_VETS" inverse="true"><key column="OWNER_ID"/><many-to-many class="Vet" column="VET_ID"/></set>
    <join table="OWNER_EXTRA"><key column="OWNER_ID"/></join>
    <joined-subclass name="Vip" table="VIPS"><key column="OWNER_ID"/></joined-subclass>
  </class>
</hibernate-mapping>`)
	var got []string
	for _, tb := range f.Tables {
		s := tb.Name + "/" + tb.EntityName + ":"
		for _, k := range tb.ForeignKeys {
			s += " " + strings.Join(k.Columns, ",") + "->" + k.Table + k.Entity
		}
		got = append(got, s)
	}
	want := []string{
		"s.owners/p.Owner: type_id->q.Type",
		"/p.Pet: owner_id->s.owners",
		"owner_vets/: owner_id->s.owners vet_id->p.Vet",
		"owner_extra/p.Owner: owner_id->s.owners",
		"s.vips/p.Vip: owner_id->s.owners",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(f.Data) != 0 {
		t.Errorf("an inverse collection's join table is written by the other side: %+v", f.Data)
	}
}

func TestLiquibaseYAMLAliases(t *testing.T) {
	// Aliases are not followed: a billion-laughs document costs nothing.
	src := "databaseChangeLog:\n  - changeSet: &a {id: 1, changes: [{createTable: {tableName: t1}}]}\n  - changeSet: *a\n"
	f := parse(t, "c.yaml", src)
	if len(f.Tables) != 1 || f.Tables[0].Name != "t1" || f.Language != "yaml" {
		t.Errorf("tables %+v", f.Tables)
	}
	bad := parse(t, "c.yaml", "databaseChangeLog:\n  - changeSet: [\n")
	if len(bad.Diagnostics) != 1 || bad.Diagnostics[0].Code != "syntax" {
		t.Errorf("diagnostics %+v", bad.Diagnostics)
	}
}

func TestJPQLEntities(t *testing.T) {
	for _, c := range []struct {
		q    string
		want string
	}{
		{"SELECT o FROM Owner o", "reads Owner"},
		{"select o from Owner as o left join fetch o.pets p join o.vets", "reads Owner"},
		{"FROM Owner o, Pet p WHERE p.owner = o", "reads Owner, reads Pet"},
		{"from com.acme.Owner", "reads com.acme.Owner"},
		{"SELECT o FROM Owner o, IN(o.pets) p", "reads Owner"},
		{"SELECT o FROM Owner o JOIN Visit v ON v.owner = o", "reads Owner, reads Visit"},
		{"UPDATE Owner o SET o.x = 1 WHERE o.id IN (SELECT v.owner.id FROM Visit v)", "writes Owner, reads Visit"},
		{"delete from Owner where name = 'FROM Fake'", "writes Owner"},
		{"DELETE Owner o WHERE o.id = :id", "writes Owner"},
		{"insert into Archive (id) select o.id from Owner o", "writes Archive, reads Owner"},
		{"SELECT NEW p.Dto(o.id) FROM Owner o WHERE o.x = ?1", "reads Owner"},
		{"SELECT o FROM __dyn__ o", ""},
		{"SELECT x FROM (SELECT o FROM Owner o) x", "reads Owner"},
		{"SELECT d FROM Owner o JOIN TREAT(o.pets AS Dog) d", "reads Owner"},
	} {
		var got []string
		for _, e := range JPQLEntities(c.q) {
			got = append(got, string(e.Kind)+" "+e.Name)
		}
		if s := strings.Join(got, ", "); s != c.want {
			t.Errorf("%s: got %q, want %q", c.q, s, c.want)
		}
	}
}

func TestCallEscape(t *testing.T) {
	for _, c := range []struct {
		in   string
		name string
		ok   bool
	}{
		{"{call p(?)}", "p", true},
		{" { ? = call Pkg.F(?, ?) } ", "pkg.f", true},
		{"{call [dbo].[Proc]}", "dbo.proc", true},
		{"{call __dyn__(?)}", "", true},
		{"call p(?)", "", false},
		{"{callx p}", "", false},
		{"{? call p}", "", false},
	} {
		name, ok := CallEscape(c.in)
		if name != c.name || ok != c.ok {
			t.Errorf("%q: got %q %v, want %q %v", c.in, name, ok, c.name, c.ok)
		}
	}
}

// TestXML11 reads a Liquibase changelog declared as XML 1.1 (Fineract
// has some), which encoding/xml alone refuses.
func TestXML11(t *testing.T) {
	f := parse(t, "changelog.xml", `<?xml version="1.1" encoding="UTF-8" standalone="no"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet author="a" id="1">
    <createTable tableName="m_report"><column name="id" type="BIGINT"/></createTable>
  </changeSet>
</databaseChangeLog>`)
	if f == nil || len(f.Diagnostics) != 0 || len(f.Tables) != 1 || f.Tables[0].Name != "m_report" {
		t.Fatalf("facts %+v", f)
	}
	if got := string(xml10([]byte(`<?xml version='1.1'?><a/>`))); got != `<?xml version='1.0'?><a/>` {
		t.Errorf("xml10 = %q", got)
	}
	if src := []byte(`<a version="1.1"/>`); string(xml10(src)) != string(src) {
		t.Error("xml10 changed an attribute outside the declaration")
	}
}
