package python

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/factstest"
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

type testCase = factstest.Case

// run checks each case's sections (see package factstest).
func run(t *testing.T, cases []testCase) {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	factstest.Run(t, factstest.Setup{Parse: p.Parse, DefaultPath: defaultPath}, cases)
}

var (
	refs   = factstest.Refs
	ref    = factstest.Ref
	types  = factstest.Types
	where  = factstest.Where
	diags  = factstest.Diags
	goList = factstest.GoList
)

func TestFacts(t *testing.T) {
	run(t, []testCase{
		{
			Name: "declarations",
			Src: `class Base:
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
			Want: map[string][]string{
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
			Name: "imports",
			Src: `import os
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
			Want: map[string][]string{
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
			Name: "references",
			Src: `import importlib
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
			Want: map[string][]string{
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
			Name: "receivers",
			Src: `class Service:
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
			Want: map[string][]string{
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
			Name: "django",
			Path: "shop/orders/models.py",
			Src: `from django.db import models
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
			Want: map[string][]string{
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
			Name: "sqlalchemy",
			Src: `from sqlalchemy import Column, ForeignKey, Integer, Table, select
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
			Want: map[string][]string{
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
			Name: "sqlalchemy session delete",
			Skip: "documented: session.delete(x) writes x's table; actual: read as Django's instance delete of the session itself (writes Session)",
			Src: `from sqlalchemy.orm import Session

class Invoice(Base):
    __tablename__ = "invoices"

def drop(session: Session):
    inv = Invoice()
    session.delete(inv)
`,
			Want: map[string][]string{
				"data": {"8 writes Invoice <module>#drop sqlalchemy"},
			},
		},
		{
			Name: "raw sql",
			Src: `from sqlalchemy import text
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
			Want: map[string][]string{
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
			Name: "syntax error",
			Src: `import os

class A:
    def f(self):
        x = = 1

class B(A):
    pass
`,
			Want: map[string][]string{
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
			Name: "empty file",
			Src:  "",
			Want: map[string][]string{
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
	factstest.RunRobust(t, parse, "junk.py", "python", []factstest.Robust{
		{Name: "binary junk", Src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", Lines: 2, Diags: []string{"1 warning syntax"}},
		{Name: "deep parentheses", Src: "x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", Lines: 1},
		{Name: "deep lists", Src: "x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n", Lines: 1},
		{Name: "long call chain", Src: "x = Order()" + strings.Repeat(".f()", depth) + "\n", Lines: 1, NRefs: depth + 1},
		// Functions nested in functions are part of the outermost.
		{Name: "deep defs", Src: defs.String(), Lines: 201, LastRef: "201 call <module>#f0 Order/0 -"},
		{Name: "unclosed", Src: strings.Repeat("(", depth), Lines: 1, Diags: []string{"1 warning syntax"}},
	}, func(t *testing.T, f *facts.File) {
		if len(f.Types) == 0 || f.Types[0].Name != ModuleName || f.Types[0].Kind != facts.Module {
			t.Errorf("types = %q, want the module first", types(f))
		}
	})
}
