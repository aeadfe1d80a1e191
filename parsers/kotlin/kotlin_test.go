package kotlin

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

const defaultPath = "src/main/kotlin/com/acme/OrderUtils.kt"

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
			src: `package com.acme.orders

import com.acme.base.Entity
import com.acme.util.*
import java.time.Clock as JClock

@Service
class OrderService(private val repo: OrderRepository, val clock: JClock?) : BaseService(repo), Auditable, Logger by NoopLogger {
    var status: Status = Status.OPEN
    val cache = Cache()
    private val count = 0
    @JvmField val raw: String = ""

    constructor() : this(OrderRepository(), JClock.systemUTC())

    fun <T> place(order: Order, extra: T): Receipt = Receipt(order.total())

    companion object {
        const val TABLE = "orders"
        fun create(): OrderService = OrderService()
    }

    inner class Helper
    enum class Kind { A, B }
}

object Registry
interface Auditable { fun audit() }
sealed class Result<out T>
data class Money(val amount: Long)
annotation class Marker

fun Order.total(): Long = 0
typealias Orders = List<Order>
`,
			want: map[string][]string{
				"package": {"com.acme.orders"},
				"imports": {
					"3 com.acme.base.Entity",
					"4 com.acme.util *",
					"5 java.time.Clock as=JClock",
				},
				"types": {
					"OrderService class outer=-1 8-25 public @Service",
					"OrderService.Companion class outer=0 18-21 public",
					"OrderService.Helper class outer=0 23-23 public",
					"OrderService.Kind enum outer=0 24-24 public",
					"Registry class outer=-1 27-27 public",
					"Auditable interface outer=-1 28-28 public abstract",
					"Result class outer=-1 29-29 public abstract <T>",
					"Money class outer=-1 30-30 public",
					"Marker annotation outer=-1 31-31 public",
					"OrderUtilsKt class outer=-1 1-34 public",
				},
				"members OrderService": {
					"8 repo: OrderRepository",
					"8 clock: JClock",
					"9 status: Status",
					"10 cache: Cache",
					"11 count: ",
					"12 raw: String @JvmField",
					"18 Companion: Companion static",
					`19 TABLE:  static = "orders"`,
					"8-8 OrderService(OrderRepository, JClock)  public ctor",
					"14-14 OrderService()  public ctor",
					"16-16 place(Order, T) Receipt public <T>",
					"8-8 getClock() JClock public accessor",
					"9-9 getStatus() Status public accessor",
					"9-9 setStatus(Status) void public accessor",
					"10-10 getCache() Cache public accessor",
				},
				"members OrderService.Companion": {
					`19 TABLE:  static = "orders"`,
					"20-20 create() OrderService public",
				},
				"members OrderService.Kind": {"24 A: Kind static", "24 B: Kind static"},
				"members Registry":          {"27 INSTANCE: Registry static"},
				"members Auditable":         {"28-28 audit() void public"},
				"members Money": {
					"30 amount: Long",
					"30-30 Money(Long)  public ctor",
					"30-30 getAmount() Long public accessor",
				},
				"members OrderUtilsKt": {"33-33 total(Order) Long static public ext"},
			},
		},
		{
			name: "references",
			src: `package com.acme

@Service
class OrderService(private val repo: OrderRepository, val clock: Clock) : BaseService(repo), Auditable {
    fun place(order: Order): Receipt {
        val total = order.total()
        repo.save(order)
        this.clock.millis()
        super.toString()
        listOf(order).forEach { it.ship() }
        order.apply { confirm() }
        val x = order as Special
        x.extra()
        if (order is Rush) order.hurry()
        return Receipt(total)
    }
}

fun Order.total(): Long = lines.sumOf { 1 }
typealias Orders = List<Order>
`,
			want: map[string][]string{
				"refs": {
					"3 annotation OrderService Service",
					"4 type-use OrderService OrderRepository",
					"4 type-use OrderService Clock",
					"4 base OrderService BaseService <init>",
					"4 base OrderService Auditable",
					"5 type-use OrderService#place Order",
					"5 type-use OrderService#place Receipt",
					"6 call OrderService#place total/0 type:Order",
					"7 call OrderService#place save/1 type:OrderRepository",
					"8 call OrderService#place millis/0 field:clock(this:)",
					"9 call OrderService#place toString/0 super:",
					"10 call OrderService#place forEach/1 call:listOf/1(this:)",
					"10 call OrderService#place listOf/1 this:",
					"10 call OrderService#place ship/0 elem:(call:listOf/1(this:))",
					"11 call OrderService#place apply/1 type:Order",
					"11 call OrderService#place confirm/0 implicit:(type:Order)",
					"12 type-use OrderService#place Special",
					"13 call OrderService#place extra/0 type:Special",
					"14 type-use OrderService#place Rush",
					"14 call OrderService#place hurry/0 type:Rush",
					"15 call OrderService#place Receipt/1 this:",
					"19 type-use ComAcmeKt#total Order",
					"19 type-use ComAcmeKt#total Long",
					"19 call ComAcmeKt#total sumOf/1 field:lines(implicit:(type:Order))",
					"20 type-use ComAcmeKt List",
					"20 type-use ComAcmeKt Order",
				},
			},
			path: "com/acme/comAcme.kt",
		},
		{
			name: "facade name",
			path: "src/order-utils.kt",
			src: `fun top(x: Int) = x
`,
			want: map[string][]string{
				"types":                 {"Order_utilsKt class outer=-1 1-1 public"},
				"members Order_utilsKt": {"1-1 top(Int)  static public"},
			},
		},
		{
			name: "jvm name",
			path: "Util.kt",
			src: `@file:JvmName("Helpers")
package a

fun top(x: Int) = x
val limit: Int = 3
`,
			want: map[string][]string{
				"types": {"Helpers class outer=-1 1-5 public"},
			},
		},
		{
			name: "facade properties",
			skip: "documented: the facade's properties are static fields; actual: only their accessors are declared (no field, no const value)",
			path: "Util.kt",
			src: `package a

const val FIND = "SELECT * FROM orders"
val limit: Int = 3
`,
			want: map[string][]string{
				"members UtilKt": {
					`3 FIND: String static = "SELECT * FROM orders"`,
					"4 limit: Int static",
					"4-4 getLimit() Int public accessor",
				},
			},
		},
		{
			name: "jpa",
			src: `package com.acme

import jakarta.persistence.*

@Entity
@Table(name = "purchase_orders")
@Inheritance(strategy = InheritanceType.JOINED)
class PurchaseOrder(
    @Id val id: Long,
    @ManyToOne @JoinColumn(name = "buyer_id") val customer: Customer,
) {
    @OneToMany
    @JoinColumn(name = "order_id")
    val lines: List<OrderLine> = listOf()
    @ManyToMany
    @JoinTable(name = "order_tags")
    val tags: Set<Tag> = setOf()
}

@Entity
class OrderLine(@Id val id: Long)

class Svc(val em: EntityManager) {
    fun go(o: PurchaseOrder) {
        em.persist(o)
        em.find(PurchaseOrder::class.java, 1)
        em.createQuery("select o from PurchaseOrder o").resultList
        em.createNativeQuery("UPDATE stock SET n = 0").executeUpdate()
    }
}
`,
			want: map[string][]string{
				"tables": {
					"8 purchase_orders table entity=PurchaseOrder via=jpa inh=joined ->Customer(buyer_id)",
					"12  table entity=OrderLine via=jpa ->purchase_orders(order_id)",
					"15 order_tags table entity= via=jpa ->purchase_orders() ->Tag()",
					"21 order_line table entity=OrderLine via=jpa",
				},
				"data": {
					"15 reads order_tags PurchaseOrder jpa",
					"15 writes order_tags PurchaseOrder jpa",
					"25 writes PurchaseOrder Svc#go jpa",
					"26 reads PurchaseOrder Svc#go jpa",
					"27 reads PurchaseOrder Svc#go jpa",
					"28 writes stock Svc#go jpa-native",
				},
			},
		},
		{
			name: "spring data",
			src: `package com.acme

import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.data.jpa.repository.Query

interface OrderRepository : JpaRepository<PurchaseOrder, Long> {
    fun findByCustomer(c: Customer): List<PurchaseOrder>
    fun countByStatus(s: String): Long
    fun deleteByStatus(s: String)
    @Query("select o from PurchaseOrder o where o.id = 1")
    fun custom(): PurchaseOrder
    @Query(value = "SELECT * FROM audit", nativeQuery = true)
    fun audit(): List<Any>
}

class Dao(val jdbc: JdbcTemplate) {
    fun run() {
        jdbc.update("DELETE FROM sessions WHERE id = ?", 1)
        jdbc.queryForList(Queries.ALL)
        jdbc.query("SELECT * FROM stock WHERE n = ${n}")
    }
}
`,
			want: map[string][]string{
				"data": {
					"6 reads PurchaseOrder OrderRepository spring-data",
					"6 writes PurchaseOrder OrderRepository spring-data",
					"7 reads PurchaseOrder OrderRepository#findByCustomer spring-data",
					"8 reads PurchaseOrder OrderRepository#countByStatus spring-data",
					"9 writes PurchaseOrder OrderRepository#deleteByStatus spring-data",
					"10 reads PurchaseOrder OrderRepository#custom spring-data",
					"12 reads audit OrderRepository#audit jpa-native",
					"18 writes sessions Dao#run spring-jdbc",
					"20 reads stock Dao#run spring-jdbc guess",
				},
				"sql": {"19 Dao#run spring-jdbc {Queries.ALL}"},
			},
		},
		{
			name: "exposed",
			src: `package com.acme

import org.jetbrains.exposed.sql.Table
import org.jetbrains.exposed.dao.id.IntIdTable
import org.jetbrains.exposed.sql.selectAll
import org.jetbrains.exposed.sql.insert

object Users : IntIdTable("app_users") {
    val city = reference("city_id", Cities)
}
object Cities : Table() {
    val name = varchar("name", 50)
}
object OrderLinesTable : Table()

fun run() {
    Users.selectAll()
    Cities.insert { }
    (Users innerJoin Cities).selectAll()
}
`,
			want: map[string][]string{
				"tables": {
					"8 app_users table entity=Users via=exposed ->Cities(city_id)",
					"11 cities table entity=Cities via=exposed",
					"14 orderlines table entity=OrderLinesTable via=exposed",
				},
				"data": {
					"17 reads Users OrderUtilsKt#run exposed",
					"18 writes Cities OrderUtilsKt#run exposed",
					"19 reads Users OrderUtilsKt#run exposed",
					"19 reads Cities OrderUtilsKt#run exposed",
				},
			},
		},
		{
			name: "syntax error",
			src: `package a

class A {
    fun f() { val x = = 1 }
}

class B : A()
`,
			want: map[string][]string{
				"types": {
					"A class outer=-1 3-5 public",
					"B class outer=-1 7-7 public",
				},
				"members A": {"4-4 f() void public"},
				"refs":      {"7 base B A <init>"},
				"diags":     {"4 warning syntax"},
			},
		},
		{
			name: "empty file",
			src:  "",
			want: map[string][]string{
				"package": {""},
				"types":   {},
				"refs":    {},
				"diags":   {},
			},
		},
	})
}

// TestRobustness feeds inputs that are no Kotlin: the parser must not
// panic, and must say where the syntax breaks.
func TestRobustness(t *testing.T) {
	const depth, chain = 5000, 500
	var classes strings.Builder
	for i := range 300 {
		fmt.Fprintf(&classes, "class C%d {\n", i)
	}
	classes.WriteString("fun f() = Order()\n")
	classes.WriteString(strings.Repeat("}\n", 300))
	for _, tc := range []struct {
		name, src string
		lines     int
		diags     []string
		lastRef   string // the last reference, when not ""
		nrefs     int    // how many references, when not 0
	}{
		{name: "binary junk", src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", lines: 2, diags: []string{"1 warning syntax"}},
		{name: "deep parentheses", src: "val x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", lines: 1},
		{name: "deep lambdas", src: "val x = " + strings.Repeat("run {", depth) + strings.Repeat("}", depth) + "\n", lines: 1},
		// Shorter: the extractor's time grows with the square of a chain's length.
		{name: "long call chain", src: "fun g(o: Order) = o" + strings.Repeat(".f()", chain) + "\n", lines: 1, nrefs: chain + 1},
		{name: "deep classes", src: classes.String(), lines: 601, lastRef: "301 call " + deepName(300) + "#f Order/0 this:"},
		{name: "unclosed", src: strings.Repeat("class A {\n", depth), lines: depth, diags: []string{"1 warning syntax"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, "Junk.kt", tc.src)
			if f.Language != "kotlin" || f.Lines != tc.lines || f.Bytes != len(tc.src) {
				t.Errorf("language %q, lines %d, bytes %d; want kotlin, %d, %d", f.Language, f.Lines, f.Bytes, tc.lines, len(tc.src))
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

// deepName is the name of a class nested in classes C0 ... C<n-1>.
func deepName(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "C%d.", i)
	}
	return strings.TrimSuffix(b.String(), ".")
}
