package java

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func parseJava(t *testing.T, src string) *facts.File {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f, err := p.Parse(context.Background(), "T.java", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestConstantValues(t *testing.T) {
	f := parseJava(t, `package p;
import static q.Other.BASE;
interface Sql {
    String IFACE = "SELECT 1 FROM dual";
}
class C {
    static final String A = "a\tb\"c\\";
    static final String B = A + "-" + Inner.D + (C.E);
    static final String E = "e";
    static final String BLOCK = """
        SELECT *
          FROM t \
        WHERE x = 1
        """;
    static final String OTHER = Other.X + "y";
    static final String IMPORTED = BASE;
    static String notFinal = "n";
    final String instance = "i";
    static final String CYCLE1 = CYCLE2 + "1";
    static final String CYCLE2 = CYCLE1 + "2";
    static final int NUM = 3;
    static final String UNI = "\u0041\101";
    static class Inner {
        static final String D = "d";
    }
}
`)
	want := map[string]string{
		"IFACE":    "SELECT 1 FROM dual",
		"A":        "a\tb\"c\\",
		"B":        "a\tb\"c\\-de",
		"E":        "e",
		"BLOCK":    "SELECT *\n  FROM t WHERE x = 1\n",
		"OTHER":    "",
		"IMPORTED": "",
		"notFinal": "",
		"instance": "",
		"CYCLE1":   "",
		"CYCLE2":   "",
		"NUM":      "",
		"UNI":      "AA",
		"D":        "d",
	}
	got := map[string]string{}
	for _, ty := range f.Types {
		for _, fl := range ty.Fields {
			got[fl.Name] = fl.Value
		}
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: Value %q, want %q", name, got[name], w)
		}
	}
}

// refsOf renders the data facts of a file, one per line, for comparison.
func refsOf(f *facts.File) []string {
	var out []string
	for _, d := range f.Data {
		obj := d.Object
		if obj == "" {
			obj = "entity:" + d.Entity
		}
		m := "-"
		if d.From >= 0 && d.Method >= 0 {
			m = f.Types[d.From].Methods[d.Method].Name
		}
		g := ""
		if d.Guess {
			g = " guess"
		}
		out = append(out, fmt.Sprintf("%s %s %s %s%s", m, d.Kind, obj, d.Via, g))
	}
	for _, s := range f.SQL {
		var parts []string
		for _, p := range s.Parts {
			if p.Const != "" {
				parts = append(parts, "{"+p.Const+"}")
			} else {
				parts = append(parts, p.Text)
			}
		}
		m := f.Types[s.From].Methods[s.Method].Name
		out = append(out, fmt.Sprintf("%s sqltext jpql=%v %s: %s", m, s.JPQL, s.Via, strings.Join(parts, "")))
	}
	return out
}

func TestCodeSQL(t *testing.T) {
	f := parseJava(t, `package p;
import static q.Queries.FIND;
import java.sql.*;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.persistence.EntityManager;
import org.hibernate.Session;
class Dao {
    private static final String T = "orders";
    private JdbcTemplate jdbc;
    private EntityManager em;
    private String mutable = "SELECT * FROM mutable_t";
    private Executor executor;

    void a(Statement st) { st.executeQuery("SELECT * FROM " + T + " WHERE 1 = 1"); }
    void b(Connection c) { c.prepareStatement(FIND); }
    void c(Connection c) { c.prepareStatement(Queries.BY_ID + " AND x = ?"); }
    void d(int id) { jdbc.query(String.format("SELECT * FROM items WHERE id = %d", id), rm); }
    void e(String where) {
        String sql = "SELECT * FROM lines";
        sql += " WHERE " + where;
        jdbc.query(sql, rm);
    }
    void f(boolean x) {
        String sql = "SELECT * FROM a";
        if (x) {
            sql = "SELECT * FROM b";
        }
        jdbc.queryForList(sql);
    }
    void g() { jdbc.query(mutable, rm); }
    void h() { executor.execute(FIND); }
    void i() { jdbc.update(Q.X); }
    void j(String s) { jdbc.update(s); }
    void k() { em.createQuery("SELECT o FROM Owner o JOIN o.pets p, com.x.Vet v WHERE p IN (SELECT q FROM Pet q)"); }
    void l() { em.createQuery("UPDATE Owner o SET o.x = 1 WHERE o.id IN (SELECT v.owner FROM Visit v)"); }
    void m(Session s) { s.createQuery(HQL); }
    void n() { jdbc.execute("{call pkg.proc(?, ?)}"); }
    void o() { new StringBuilder().append("x"); jdbc.query(new StringBuilder("SELECT a FROM sb1 ").append("JOIN sb2 ON 1=1").toString(), rm); }
    void p(java.util.List<String> l) { l.remove("SELECT * FROM not_sql_api"); }
    void q() { String s = "DELETE FROM z".formatted(); jdbc.update(s); }
    void r() { String s = x ? "SELECT * FROM t1" : "SELECT * FROM t2"; jdbc.update(s); }
}
`)
	want := []string{
		"a reads orders jdbc",
		"d reads items spring-jdbc",
		"e reads lines spring-jdbc",
		"f reads b spring-jdbc guess",
		"f reads a spring-jdbc guess",
		"g reads mutable_t spring-jdbc guess",
		"k reads entity:Owner jpa",
		"k reads entity:com.x.Vet jpa",
		"k reads entity:Pet jpa",
		"l writes entity:Owner jpa",
		"l reads entity:Visit jpa",
		"n calls pkg.proc spring-jdbc",
		"o reads sb1 spring-jdbc",
		"o reads sb2 spring-jdbc",
		"q writes z spring-jdbc",
		"b sqltext jpql=false jdbc: {FIND}",
		"c sqltext jpql=false jdbc: {Queries.BY_ID} AND x = ?",
		"i sqltext jpql=false spring-jdbc: {Q.X}",
		"m sqltext jpql=true hibernate: {HQL}",
	}
	got := refsOf(f)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
