package python

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

const defaultPath = "x.py"

// parse parses one source with a parser of its own.
func parse(t *testing.T, path, src string) *facts.File {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// expr renders receiver expression i: "kind:name(base)".
func expr(f *facts.File, i int) string {
	if i < 0 {
		return "-"
	}
	e := f.Exprs[i]
	s := exprKinds[e.Kind] + ":" + e.Name
	if e.Kind == facts.ExprCall && e.Args > 0 {
		s += fmt.Sprintf("/%d", e.Args)
	}
	if e.Base >= 0 {
		s += "(" + expr(f, e.Base) + ")"
	}
	return s
}

var exprKinds = map[facts.ExprKind]string{
	facts.ExprUnknown: "unknown", facts.ExprType: "type", facts.ExprStatic: "static", facts.ExprThis: "this",
	facts.ExprSuper: "super", facts.ExprField: "field", facts.ExprCall: "call", facts.ExprAwait: "await",
	facts.ExprElement: "elem", facts.ExprScope: "scope", facts.ExprFunction: "func", facts.ExprImplicit: "implicit",
}

// where renders the type and method a fact comes from: "Type.method",
// "Type" or "-".
func where(f *facts.File, from, method int) string {
	if from < 0 {
		return "-"
	}
	s := f.Types[from].Name
	if method >= 0 {
		s += "#" + f.Types[from].Methods[method].Name
	}
	return s
}

// refs renders references as "line kind where name": a call as
// "line call where member/args recv", a supertype with a member as
// "name member".
func refs(f *facts.File) []string {
	var out []string
	for _, r := range f.Refs {
		out = append(out, ref(f, r))
	}
	return out
}

func ref(f *facts.File, r facts.Ref) string {
	s := fmt.Sprintf("%d %s %s ", r.Line, r.Kind, where(f, r.From, r.Method))
	switch {
	case r.Kind == facts.Call:
		s += fmt.Sprintf("%s/%d %s", r.Member, r.Args, expr(f, r.Recv))
	case r.Member != "":
		s += r.Name + " " + r.Member
	default:
		s += r.Name
	}
	return s
}

// types renders declared types as "name kind outer lines flags".
func types(f *facts.File) []string {
	var out []string
	for _, ty := range f.Types {
		s := fmt.Sprintf("%s %s outer=%d %d-%d", ty.Name, ty.Kind, ty.Outer, ty.Line, ty.EndLine)
		if ty.Public {
			s += " public"
		}
		if ty.Abstract {
			s += " abstract"
		}
		if len(ty.TypeParams) > 0 {
			s += " <" + strings.Join(ty.TypeParams, ",") + ">"
		}
		if len(ty.Annotations) > 0 {
			s += " @" + strings.Join(ty.Annotations, ",@")
		}
		if len(ty.Nesting) > 0 {
			s += " in[" + strings.Join(ty.Nesting, ",") + "]"
		}
		out = append(out, s)
	}
	return out
}

// members renders type i's fields ("name: type") and methods
// ("name(params) return").
func members(f *facts.File, i int) []string {
	var out []string
	ty := f.Types[i]
	for _, fl := range ty.Fields {
		s := fmt.Sprintf("%d %s: %s", fl.Line, fl.Name, fl.Type)
		if fl.Static {
			s += " static"
		}
		if fl.Value != "" {
			s += fmt.Sprintf(" = %q", fl.Value)
		}
		if len(fl.Annotations) > 0 {
			s += " @" + strings.Join(fl.Annotations, ",@")
		}
		out = append(out, s)
	}
	for _, m := range ty.Methods {
		s := fmt.Sprintf("%d-%d %s(%s) %s", m.Line, m.EndLine, m.Name, strings.Join(m.Params, ", "), m.Return)
		for _, fl := range []struct {
			on   bool
			name string
		}{{m.Static, "static"}, {m.Public, "public"}, {m.Constructor, "ctor"}, {m.Extension, "ext"}, {m.Accessor, "accessor"}} {
			if fl.on {
				s += " " + fl.name
			}
		}
		if len(m.TypeParams) > 0 {
			s += " <" + strings.Join(m.TypeParams, ",") + ">"
		}
		out = append(out, s)
	}
	return out
}

// imports renders imports as "line name from alias flags".
func imports(f *facts.File) []string {
	var out []string
	for _, imp := range f.Imports {
		s := fmt.Sprintf("%d %s", imp.Line, imp.Name)
		if imp.From != "" {
			s += " from=" + imp.From
		}
		if imp.Alias != "" {
			s += " as=" + imp.Alias
		}
		if imp.Wildcard {
			s += " *"
		}
		if imp.Static {
			s += " static"
		}
		out = append(out, s)
	}
	return out
}

// tables renders declared tables as "line name kind entity via flags
// ->fk(columns)", the entity being the mapped type's name.
func tables(f *facts.File) []string {
	var out []string
	for _, tb := range f.Tables {
		ent := tb.EntityName
		if tb.Entity >= 0 {
			ent = f.Types[tb.Entity].Name
		}
		s := fmt.Sprintf("%d %s %s entity=%s via=%s", tb.Line, tb.Name, tb.Kind, ent, tb.Via)
		if tb.AppLabel {
			s += " applabel"
		}
		if len(tb.Reads) > 0 {
			s += " reads=" + strings.Join(tb.Reads, ",")
		}
		if tb.Inheritance != "" {
			s += " inh=" + tb.Inheritance
		}
		for _, fk := range tb.ForeignKeys {
			s += fmt.Sprintf(" ->%s%s(%s)", fk.Table, fk.Entity, strings.Join(fk.Columns, ","))
		}
		out = append(out, s)
	}
	return out
}

// data renders data accesses as "line kind object-or-entity where via".
func data(f *facts.File) []string {
	var out []string
	for _, d := range f.Data {
		s := fmt.Sprintf("%d %s %s%s %s %s", d.Line, d.Kind, d.Object, d.Entity, where(f, d.From, d.Method), d.Via)
		if d.Guess {
			s += " guess"
		}
		out = append(out, s)
	}
	return out
}

// sqlTexts renders SQL texts waiting for constants of other files.
func sqlTexts(f *facts.File) []string {
	var out []string
	for _, s := range f.SQL {
		var parts []string
		for _, p := range s.Parts {
			if p.Const != "" {
				parts = append(parts, "{"+p.Const+"}")
			} else {
				parts = append(parts, p.Text)
			}
		}
		out = append(out, fmt.Sprintf("%d %s %s %s", s.Line, where(f, s.From, s.Method), s.Via, strings.Join(parts, "")))
	}
	return out
}

// diags renders diagnostics as "line severity code".
func diags(f *facts.File) []string {
	var out []string
	for _, d := range f.Diagnostics {
		out = append(out, fmt.Sprintf("%d %s %s", d.Line, d.Severity, d.Code))
	}
	return out
}

// sections renders every fact of f, by section, for the comparisons of
// the table tests: a section a case does not name is not compared.
func sections(f *facts.File) map[string][]string {
	s := map[string][]string{
		"package": {f.Package},
		"imports": imports(f),
		"types":   types(f),
		"refs":    refs(f),
		"tables":  tables(f),
		"data":    data(f),
		"sql":     sqlTexts(f),
		"diags":   diags(f),
	}
	for i, ty := range f.Types {
		s["members "+ty.Name] = members(f, i)
	}
	return s
}

type testCase struct {
	name string
	path string // defaultPath when empty
	src  string
	// want holds the expected renderings of the sections it names, in
	// order; an empty (non-nil) slice expects none.
	want map[string][]string
	// skip, when set, names a discrepancy between the package
	// documentation and the implementation: want is the documented
	// behaviour.
	skip string
}

func run(t *testing.T, cases []testCase) {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip != "" {
				t.Skip(tc.skip)
			}
			path := tc.path
			if path == "" {
				path = defaultPath
			}
			f, err := p.Parse(context.Background(), path, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got := sections(f)
			keys := make([]string, 0, len(tc.want))
			for k := range tc.want {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if g, w := got[k], tc.want[k]; !slices.Equal(g, w) {
					t.Errorf("%s:\n got %s\nwant %s", k, goList(g), goList(w))
				}
			}
		})
	}
}

// goList renders lines as a Go slice literal, to paste into a case.
func goList(lines []string) string {
	q := make([]string, len(lines))
	for i, l := range lines {
		q[i] = fmt.Sprintf("%q", l)
	}
	return "{" + strings.Join(q, ", ") + "}"
}

func TestFacts(t *testing.T) {
	run(t, []testCase{
		{
			name: "declarations",
			src: `class Base:
    pass

@dataclass
class Order(Base):
    total: int = 0
    class Status(Enum):
        OPEN = 1
    def __init__(self, repo: "Repo") -> None:
        self.repo = repo
        self.clock = Clock()
    def items(self) -> Optional[Line]:
        return []
    @classmethod
    def make(cls):
        return cls

def helper(x, y: int):
    def inner():
        class Local:
            pass

COUNT = 3
model = Order
`,
			want: map[string][]string{
				"package": {""},
				"types": {
					"<module> module outer=-1 1-24 public",
					"<module>.Base class outer=0 1-2 public",
					"<module>.Order class outer=0 5-16 public @dataclass",
					"<module>.Order.Status class outer=2 7-8 public",
					"<module>.Local class outer=0 20-21 public",
				},
				"members <module>": {
					"23 COUNT: int static",
					"24 model: type[Order] static",
					"18-21 helper(, int)  static public",
				},
				"members <module>.Order": {
					"6 total: int static",
					"10 repo: Repo",
					"11 clock: Clock",
					"9-11 __init__(Repo)  public ctor",
					"12-13 items() Line public",
					"15-16 make()  static public",
				},
				"members <module>.Order.Status": {"8 OPEN: int static"},
			},
		},
		{
			name: "imports",
			src: `import os
import a.b.c
import a.b as ab
from . import views
from ..orders.models import Order as O, Line
from shop.util import *
from __future__ import annotations

def f():
    from .lazy import thing
    os.getcwd()
    return O, Line, ab
`,
			want: map[string][]string{
				"imports": {
					"1 os",
					"2 a.b.c",
					"3 a.b as=ab",
					"4 views from=.",
					"5 Order from=..orders.models as=O",
					"5 Line from=..orders.models",
					"6  from=shop.util *",
					"10 thing from=.lazy",
				},
				// Unused imports are uses at the import; a wildcard
				// import always is one.
				"refs": {
					"6 type-use <module> shop.util",
					"11 call <module>#f getcwd/0 static:os",
					"12 type-use <module>#f O",
					"12 type-use <module>#f Line",
					"12 type-use <module>#f ab",
					"2 type-use <module> a.b.c",
					"4 type-use <module> views",
					"10 type-use <module>#f thing",
				},
			},
		},
		{
			name: "references",
			src: `import importlib
from app import routes

class Order(Base, Generic[T], metaclass=Meta):
    pass

@routes.get("/x")
def handler(req: "Request") -> Optional["Order"]:
    Repo()
    models.Order.objects.all()
    importlib.import_module("shop.plugins.extra")
    match req:
        case Point(x=0):
            pass
    return sorted
`,
			want: map[string][]string{
				"refs": {
					"4 extends <module>.Order Base",
					"4 extends <module>.Order Generic",
					"4 type-use <module>.Order T",
					"4 type-use <module>.Order Meta",
					"7 annotation <module>#handler routes.get",
					"8 type-use <module>#handler Request",
					"8 type-use <module>#handler Optional",
					"8 type-use <module>#handler Order",
					"9 call <module>#handler Repo/0 -",
					"10 call <module>#handler all/0 static:models.Order.objects",
					"11 call <module>#handler import_module/1 static:importlib",
					"11 type-use <module>#handler shop.plugins.extra",
					"13 type-use <module>#handler Point",
					"15 type-use <module>#handler sorted",
				},
			},
		},
		{
			name: "receivers",
			src: `class Service:
    def __init__(self, repo: Repo):
        self.repo = repo

    def run(self, cb, n):
        self.repo.find(1).all()
        super().run()
        a = Repo()
        a.load()
        b = Repo()
        if n:
            b = Other()
        b.load()
        c: Cache = make()
        c.get()
        "x".upper()
        cb()
        n.go()
        try:
            pass
        except NotFound as e:
            e.report()
`,
			want: map[string][]string{
				"refs": {
					"2 type-use <module>.Service#__init__ Repo",
					"6 call <module>.Service#run find/1 field:repo(this:)",
					"6 call <module>.Service#run all/0 call:find/1(field:repo(this:))",
					"7 call <module>.Service#run run/0 super:",
					"8 call <module>.Service#run Repo/0 -",
					"9 call <module>.Service#run load/0 call:Repo",
					"10 call <module>.Service#run Repo/0 -",
					"12 call <module>.Service#run Other/0 -",
					"13 call <module>.Service#run load/0 unknown:",
					"14 call <module>.Service#run make/0 -",
					"14 type-use <module>.Service#run Cache",
					"15 call <module>.Service#run get/0 type:Cache",
					"16 call <module>.Service#run upper/0 type:str",
					"18 call <module>.Service#run go/0 unknown:",
					"21 type-use <module>.Service#run NotFound",
					"22 call <module>.Service#run report/0 type:NotFound",
				},
			},
		},
		{
			name: "django",
			path: "shop/orders/models.py",
			src: `from django.db import models
from django.db.models import CharField

class Customer(models.Model):
    name = CharField(max_length=10)

class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    parent = models.ForeignKey("self", on_delete=None)
    owner = models.OneToOneField(to="auth.User", on_delete=None)
    tags = models.ManyToManyField("catalog.Tag")
    items = models.ManyToManyField("Item", through="Tagging")
    class Meta:
        db_table = "shop_orders"
    def touch(self):
        self.save()

class Line(models.Model):
    class Meta:
        app_label = "billing"

class Abstract(models.Model):
    class Meta:
        abstract = True

class Plain:
    pass

def go():
    Order.objects.filter(a=1).first()
    Order.objects.filter(a=1).update(b=2)
    Order.objects.create(x=1)
    Order.objects.raw("SELECT * FROM order_archive")
    o = Order.objects.get(pk=1)
    o.delete()
`,
			want: map[string][]string{
				"tables": {
					"4 customer table entity=<module>.Customer via=django applabel inh=joined",
					"11 shop_orders_tags table entity= via=django-m2m ->Order(order_id) ->catalog.Tag(tag_id)",
					"7 shop_orders table entity=<module>.Order via=django inh=joined ->Customer(customer_id) ->Order(parent_id) ->auth.User(owner_id)",
					"18 billing_line table entity=<module>.Line via=django inh=joined",
				},
				"data": {
					"16 writes Order <module>.Order#touch django",
					"30 reads Order <module>#go django",
					"31 writes Order <module>#go django",
					"32 writes Order <module>#go django",
					"33 reads order_archive <module>#go django",
					"34 reads Order <module>#go django",
					"35 writes Order <module>#go django",
				},
			},
		},
		{
			name: "sqlalchemy",
			src: `from sqlalchemy import Column, ForeignKey, Integer, Table, select
from sqlalchemy.orm import Session

class Invoice(Base):
    __tablename__ = "invoices"
    order_id = Column(Integer, ForeignKey("orders.id"))

audit = Table("audit_log", metadata)

def report(session: Session):
    session.query(Invoice).all()
    session.get(Invoice, 1)
    inv = Invoice()
    session.add(inv)
    select(Invoice)
    audit.insert()
`,
			want: map[string][]string{
				"tables": {
					"4 invoices table entity=<module>.Invoice via=sqlalchemy ->orders(order_id)",
					"8 audit_log table entity= via=sqlalchemy",
				},
				"data": {
					"11 reads Invoice <module>#report sqlalchemy",
					"12 reads Invoice <module>#report sqlalchemy",
					"14 writes Invoice <module>#report sqlalchemy",
					"15 reads Invoice <module>#report sqlalchemy",
					"16 writes audit_log <module>#report sqlalchemy",
				},
			},
		},
		{
			name: "sqlalchemy session delete",
			skip: "documented: session.delete(x) writes x's table; actual: read as Django's instance delete of the session itself (writes Session)",
			src: `from sqlalchemy.orm import Session

class Invoice(Base):
    __tablename__ = "invoices"

def drop(session: Session):
    inv = Invoice()
    session.delete(inv)
`,
			want: map[string][]string{
				"data": {"8 writes Invoice <module>#drop sqlalchemy"},
			},
		},
		{
			name: "raw sql",
			src: `from sqlalchemy import text
from .queries import FIND_ALL
import queries

TABLE = "orders"
BASE = "SELECT * FROM " + TABLE

def run(cursor, conn, x):
    cursor.execute(BASE)
    cursor.execute("UPDATE stock SET n = %s" % x)
    cursor.execute("SELECT a FROM invoices "
                   "JOIN customers ON 1 = 1")
    cursor.executemany("INSERT INTO audit (a) VALUES (%s)", [])
    conn.execute(text("SELECT 1 FROM stock"))
    cursor.callproc("refresh_totals")
    sql = "DELETE FROM sessions"
    cursor.execute(sql)
    cursor.execute("hello world")
    cursor.execute(FIND_ALL)
    cursor.execute(queries.FIND_ONE + " LIMIT 1")
`,
			want: map[string][]string{
				"members <module>": {
					`5 TABLE: str static = "orders"`,
					`6 BASE:  static = "SELECT * FROM orders"`,
					"8-20 run(, , )  static public",
				},
				"data": {
					"9 reads orders <module>#run dbapi",
					"10 writes stock <module>#run dbapi",
					"11 reads invoices <module>#run dbapi",
					"11 reads customers <module>#run dbapi",
					"13 writes audit <module>#run dbapi",
					"14 reads stock <module>#run sqlalchemy",
					"15 calls refresh_totals <module>#run dbapi",
					"17 writes sessions <module>#run dbapi",
				},
				"sql": {
					"19 <module>#run dbapi {.queries.FIND_ALL}",
					"20 <module>#run dbapi {queries.FIND_ONE} LIMIT 1",
				},
			},
		},
		{
			name: "syntax error",
			src: `import os

class A:
    def f(self):
        x = = 1

class B(A):
    pass
`,
			want: map[string][]string{
				"types": {
					"<module> module outer=-1 1-8 public",
					"<module>.A class outer=0 3-5 public",
					"<module>.B class outer=0 7-8 public",
				},
				"members <module>.A": {"4-5 f()  public"},
				"refs": {
					"7 extends <module>.B A",
					"1 type-use <module> os",
				},
				"diags": {"5 warning syntax"},
			},
		},
		{
			name: "empty file",
			src:  "",
			want: map[string][]string{
				"types":   {"<module> module outer=-1 1-1 public"},
				"imports": {},
				"refs":    {},
				"diags":   {},
			},
		},
	})
}

// TestRobustness feeds inputs that are no Python: the parser must not
// panic, and must still declare the module and say where the syntax
// breaks.
func TestRobustness(t *testing.T) {
	const depth = 5000
	var defs strings.Builder
	for i := range 200 {
		fmt.Fprintf(&defs, "%sdef f%d():\n", strings.Repeat(" ", i), i)
	}
	defs.WriteString(strings.Repeat(" ", 200) + "return Order()\n")
	for _, tc := range []struct {
		name, src string
		lines     int
		diags     []string
		lastRef   string // the last reference, when not ""
		nrefs     int    // how many references, when not 0
	}{
		{name: "binary junk", src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", lines: 2, diags: []string{"1 warning syntax"}},
		{name: "deep parentheses", src: "x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", lines: 1},
		{name: "deep lists", src: "x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n", lines: 1},
		{name: "long call chain", src: "x = Order()" + strings.Repeat(".f()", depth) + "\n", lines: 1, nrefs: depth + 1},
		// Functions nested in functions are part of the outermost.
		{name: "deep defs", src: defs.String(), lines: 201, lastRef: "201 call <module>#f0 Order/0 -"},
		{name: "unclosed", src: strings.Repeat("(", depth), lines: 1, diags: []string{"1 warning syntax"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, "junk.py", tc.src)
			if f.Language != "python" || f.Lines != tc.lines || f.Bytes != len(tc.src) {
				t.Errorf("language %q, lines %d, bytes %d; want python, %d, %d", f.Language, f.Lines, f.Bytes, tc.lines, len(tc.src))
			}
			if len(f.Types) == 0 || f.Types[0].Name != ModuleName || f.Types[0].Kind != facts.Module {
				t.Errorf("types = %q, want the module first", types(f))
			}
			if got := diags(f); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics = %s, want %s", goList(got), goList(tc.diags))
			}
			if tc.nrefs != 0 && len(f.Refs) != tc.nrefs {
				t.Errorf("%d references, want %d", len(f.Refs), tc.nrefs)
			}
			if tc.lastRef != "" {
				if n := len(f.Refs); n == 0 || ref(f, f.Refs[n-1]) != tc.lastRef {
					t.Errorf("references = %s, want the last %q", goList(refs(f)), tc.lastRef)
				}
			}
		})
	}
}
