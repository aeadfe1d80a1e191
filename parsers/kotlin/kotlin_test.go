package kotlin

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/factstest"
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
			Src: `package com.acme.orders

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
			Want: map[string][]string{
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
			Name: "references",
			Src: `package com.acme

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
			Want: map[string][]string{
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
			Path: "com/acme/comAcme.kt",
		},
		{
			Name: "facade name",
			Path: "src/order-utils.kt",
			Src: `fun top(x: Int) = x
`,
			Want: map[string][]string{
				"types":                 {"Order_utilsKt class outer=-1 1-1 public"},
				"members Order_utilsKt": {"1-1 top(Int)  static public"},
			},
		},
		{
			Name: "jvm name",
			Path: "Util.kt",
			Src: `@file:JvmName("Helpers")
package a

fun top(x: Int) = x
val limit: Int = 3
`,
			Want: map[string][]string{
				"types": {"Helpers class outer=-1 1-5 public"},
			},
		},
		{
			Name: "facade properties",
			Skip: "documented: the facade's properties are static fields; actual: only their accessors are declared (no field, no const value)",
			Path: "Util.kt",
			Src: `package a

const val FIND = "SELECT * FROM orders"
val limit: Int = 3
`,
			Want: map[string][]string{
				"members UtilKt": {
					`3 FIND: String static = "SELECT * FROM orders"`,
					"4 limit: Int static",
					"4-4 getLimit() Int public accessor",
				},
			},
		},
		{
			Name: "jpa",
			Src: `package com.acme

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
			Want: map[string][]string{
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
			Name: "spring data",
			Src: `package com.acme

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
			Want: map[string][]string{
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
			Name: "exposed",
			Src: `package com.acme

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
			Want: map[string][]string{
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
			Name: "syntax error",
			Src: `package a

class A {
    fun f() { val x = = 1 }
}

class B : A()
`,
			Want: map[string][]string{
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
			Name: "empty file",
			Src:  "",
			Want: map[string][]string{
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
	const depth, chain = 5000, 5000
	var classes strings.Builder
	for i := range 300 {
		fmt.Fprintf(&classes, "class C%d {\n", i)
	}
	classes.WriteString("fun f() = Order()\n")
	classes.WriteString(strings.Repeat("}\n", 300))
	factstest.RunRobust(t, parse, "Junk.kt", "kotlin", []factstest.Robust{
		{Name: "binary junk", Src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", Lines: 2, Diags: []string{"1 warning syntax"}},
		{Name: "deep parentheses", Src: "val x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", Lines: 1},
		{Name: "deep lambdas", Src: "val x = " + strings.Repeat("run {", depth) + strings.Repeat("}", depth) + "\n", Lines: 1},
		{Name: "long call chain", Src: "fun g(o: Order) = o" + strings.Repeat(".f()", chain) + "\n", Lines: 1, NRefs: chain + 1},
		{Name: "deep classes", Src: classes.String(), Lines: 601, LastRef: "301 call " + deepName(300) + "#f Order/0 this:"},
		{Name: "unclosed", Src: strings.Repeat("class A {\n", depth), Lines: depth, Diags: []string{"1 warning syntax"}},
	}, nil)
}

// deepName is the name of a class nested in classes C0 ... C<n-1>.
func deepName(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "C%d.", i)
	}
	return strings.TrimSuffix(b.String(), ".")
}
