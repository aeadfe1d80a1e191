package mapping

import (
	"context"
	"testing"
)

// FuzzMapper feeds arbitrary bytes to the mapping reader as a MyBatis
// mapper, an hbm.xml, a Liquibase changelog in XML and in YAML: it must
// never panic, hang or blow up, whatever the input. The seeds are small,
// so that minimizing an interesting input stays quick.
//
//	go test ./parsers/mapping -run X -fuzz FuzzMapper -fuzztime 60s
func FuzzMapper(f *testing.F) {
	for _, s := range []string{
		`<mapper namespace="a.M"><sql id="s">${p}.id</sql><select id="x">SELECT <include refid="s"><property name="p" value="t"/></include> FROM t <where><if test="a">AND a=#{a}</if></where></select></mapper>`,
		`<mapper namespace="a.M"><sql id="s"><include refid="s"/><include refid="s"/></sql><select id="x"><include refid="s"/><choose><when>a</when><otherwise>b</otherwise></choose></select></mapper>`,
		`<mapper namespace="a.M"><update id="u" statementType="CALLABLE">{call p(#{x})}</update><insert id="i"><selectKey>SELECT 1</selectKey><trim prefix="(" suffixOverrides=",">a,</trim><foreach open="(" close=")">#{i}</foreach></insert></mapper>`,
		`<hibernate-mapping package="p"><class name="A" table="T"><many-to-one class="B" column="b"/><set name="s" table="j"><key column="a"/><many-to-many class="C" column="c"/></set><subclass name="D"/><query name="q">from A</query><sql-query name="n">select * from t</sql-query></class></hibernate-mapping>`,
		`<databaseChangeLog><changeSet id="1"><createTable tableName="t" schemaName="s"><column name="c"><constraints references="u(id)"/></column></createTable><dropTable tableName="t"/><createView viewName="v">select * from t</createView><sql>create table x (y int)</sql></changeSet></databaseChangeLog>`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><!DOCTYPE mapper SYSTEM \"http://example.invalid/x.dtd\" [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><mapper namespace=\"a\">&e;&amp;<![CDATA[<x>]]></mapper>",
	} {
		f.Add([]byte(s), false)
	}
	for _, s := range []string{
		"databaseChangeLog:\n - changeSet:\n    changes:\n     - createTable: {tableName: t, columns: [{column: {name: c, constraints: {referencedTableName: u}}}]}\n     - sql: {sql: 'select 1 from t'}\n",
		"databaseChangeLog:\n - changeSet: &a {changes: [{addForeignKeyConstraint: {baseTableName: a, referencedTableName: b}}]}\n - changeSet: *a\n",
	} {
		f.Add([]byte(s), true)
	}
	p, _ := NewParser()
	f.Fuzz(func(t *testing.T, src []byte, yaml bool) {
		path := "m.xml"
		if yaml {
			path = "c.yaml"
		}
		if _, err := p.Parse(context.Background(), path, src); err != nil {
			t.Fatal(err)
		}
		FlattenScript(string(src))
		JPQLEntities(string(src))
		CallEscape(string(src))
	})
}
