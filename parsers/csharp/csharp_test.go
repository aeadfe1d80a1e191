package csharp

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func parse(t *testing.T, src string) *facts.File {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f, err := p.Parse(context.Background(), "x.cs", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func refs(f *facts.File, kind facts.RefKind) []string {
	var out []string
	for _, r := range f.Refs {
		if r.Kind == kind {
			if r.Kind == facts.Call {
				out = append(out, r.Member)
			} else {
				out = append(out, r.Name)
			}
		}
	}
	return out
}

func TestDeclarations(t *testing.T) {
	f := parse(t, `global using Acme.Common;
using static Acme.Common.Guard;
using Json = System.Text.Json.JsonSerializer;
using System.Linq;
namespace Acme.Orders;

[Table("orders")]
public partial class Order<T> : BaseEntity<int>, IAggregate where T : IThing
{
    public Customer? Buyer { get; set; }
    private readonly List<OrderLine> _lines = new();
    public const string Sql = "SELECT 1 " + "FROM t";
    public Order(int id) : base(id) { }
    public static int Count(this IEnumerable<Order<T>> orders, params int[] more) => 0;
    public enum Status { Open, Closed }
}
public readonly record struct Money(decimal Amount, string Currency);
public delegate void Handler(Order<int> o);
public struct Point { }
public interface IThing { void Do(); }
`)
	if f.Package != "Acme.Orders" {
		t.Errorf("package = %q", f.Package)
	}
	wantImports := []facts.Import{
		{Name: "Acme.Common", Wildcard: true, Global: true, Line: 1},
		{Name: "Acme.Common.Guard", Wildcard: true, Static: true, Line: 2},
		{Name: "System.Text.Json.JsonSerializer", Alias: "Json", Line: 3},
		{Name: "System.Linq", Wildcard: true, Line: 4},
	}
	if !slices.Equal(f.Imports, wantImports) {
		t.Errorf("imports:\n got %+v\nwant %+v", f.Imports, wantImports)
	}
	var types []string
	for _, ty := range f.Types {
		types = append(types, fmt.Sprintf("%s %s partial=%v", ty.Name, ty.Kind, ty.Partial))
	}
	wantTypes := []string{"Order class partial=true", "Order.Status enum partial=false", "Money record partial=false",
		"Handler delegate partial=false", "Point struct partial=false", "IThing interface partial=false"}
	if !slices.Equal(types, wantTypes) {
		t.Errorf("types:\n got %q\nwant %q", types, wantTypes)
	}
	order := f.Types[0]
	if !slices.Equal(order.TypeParams, []string{"T"}) || !slices.Equal(order.Annotations, []string{"Table"}) {
		t.Errorf("Order: type params %q, annotations %q", order.TypeParams, order.Annotations)
	}
	var fields []string
	for _, fl := range order.Fields {
		fields = append(fields, fl.Name+" "+fl.Type+" "+fl.Value)
	}
	if want := []string{"Buyer Customer ", "_lines List<OrderLine> ", "Sql string SELECT 1 FROM t"}; !slices.Equal(fields, want) {
		t.Errorf("fields = %q, want %q", fields, want)
	}
	count := order.Methods[1]
	if count.Name != "Count" || !count.Extension || !count.Static || !slices.Equal(count.Params, []string{"IEnumerable<Order<T>>", "int[]..."}) {
		t.Errorf("extension method = %+v", count)
	}
	if got, want := refs(f, facts.BaseType), []string{"BaseEntity", "IAggregate"}; !slices.Equal(got, want) {
		t.Errorf("base refs = %q, want %q", got, want)
	}
	if got, want := refs(f, facts.TypeUse), []string{"IThing", "Customer", "List", "OrderLine", "IEnumerable", "Order", "Order"}; !slices.Equal(got, want) {
		t.Errorf("type uses = %q, want %q", got, want)
	}
	if got, want := refs(f, facts.Call), []string{"<init>"}; !slices.Equal(got, want) {
		t.Errorf("calls = %q, want %q", got, want)
	}
}

func TestSeveralNamespaces(t *testing.T) {
	f := parse(t, `namespace Acme.Billing { class Invoice { } }
namespace Acme.Orders { namespace Web { class Controller { class Inner { } } } }`)
	var names []string
	for _, ty := range f.Types {
		names = append(names, ty.Name)
	}
	if f.Package != "Acme" || !slices.Equal(names, []string{"Billing.Invoice", "Orders.Web.Controller", "Orders.Web.Controller.Inner"}) {
		t.Errorf("package %q, types %q", f.Package, names)
	}
}

// TestReceivers checks how call receivers are written for package graph.
func TestReceivers(t *testing.T) {
	f := parse(t, `namespace N;
class C : B {
    Repo _repo;
    async Task F(Order o, IEnumerable<Item> items) {
        var r = await _repo.GetAsync(1);
        r.Save();
        Inherited.Run();
        Acme.Util.Tool.Run();
        foreach (var x in items) x.Touch();
        items.Where(i => i.Ok()).ToList();
        o?.Pay();
        string.Join(",", items);
        nameof(o).Trim();
        Func<int> fn = null; fn();
        (o as Special).Boost();
        var s = _repo.Find() ?? throw new Exception();
        s.Save();
    }
}`)
	var got []string
	var desc func(i int) string
	desc = func(i int) string {
		x := f.Exprs[i]
		s := map[facts.ExprKind]string{facts.ExprUnknown: "?", facts.ExprType: "type", facts.ExprStatic: "static", facts.ExprThis: "this",
			facts.ExprSuper: "base", facts.ExprField: "field", facts.ExprCall: "call", facts.ExprAwait: "await", facts.ExprElement: "elem"}[x.Kind]
		if x.Name != "" {
			s += " " + x.Name
		}
		if x.Base >= 0 {
			s += "(" + desc(x.Base) + ")"
		}
		return s
	}
	for _, r := range f.Refs {
		if r.Kind == facts.Call {
			got = append(got, r.Member+" <- "+desc(r.Recv))
		}
	}
	want := []string{
		"GetAsync <- type Repo",
		"Save <- await(call GetAsync(type Repo))",
		"Run <- field Inherited",
		"Run <- static Acme.Util.Tool",
		"Touch <- elem(type IEnumerable<Item>)",
		"ToList <- call Where(type IEnumerable<Item>)",
		"Where <- type IEnumerable<Item>",
		"Ok <- elem(type IEnumerable<Item>)",
		"Pay <- type Order",
		"Join <- static System.Object",
		"Trim <- type System.String",
		"Boost <- type Special",
		"Find <- type Repo",
		"Save <- call Find(type Repo)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("calls:\n got %q\nwant %q", got, want)
	}
}

func TestDataAccess(t *testing.T) {
	f := parse(t, `using Dapper;
namespace N;
class R {
    const string Q = "SELECT * FROM dbo.Users";
    void F(IDbConnection c, Guid id) {
        c.Query<User>("[dbo].[User_ReadById]", new { Id = id }, commandType: CommandType.StoredProcedure);
        c.Execute(Q);
        c.Execute($"[{Schema}].[User_DeleteById]", null, null, null, CommandType.StoredProcedure);
        c.QueryAsync(Other.Sql + " WHERE x = 1");
        using var cmd = new SqlCommand("dbo.Audit_Write", c as SqlConnection) { CommandType = CommandType.StoredProcedure };
        var cmd2 = c.CreateCommand();
        cmd2.CommandText = "[dbo].[Audit_Purge]";
        cmd2.CommandType = CommandType.StoredProcedure;
    }
}`)
	var got []string
	for _, d := range f.Data {
		kind := string(d.Kind)
		if d.Guess {
			kind += "?"
		}
		got = append(got, fmt.Sprintf("%s %s %s line %d", d.Via, kind, d.Object, d.Line))
	}
	want := []string{
		"dapper calls dbo.user_readbyid line 6",
		"dapper reads dbo.users line 7",
		"dapper calls? user_deletebyid line 8",
		"ado.net calls dbo.audit_write line 10",
		"ado.net calls dbo.audit_purge line 12",
	}
	if !slices.Equal(got, want) {
		t.Errorf("data:\n got %q\nwant %q", got, want)
	}
	var sqls []string
	for _, s := range f.SQL {
		var parts []string
		for _, p := range s.Parts {
			if p.Const != "" {
				parts = append(parts, "{"+p.Const+"}")
			} else {
				parts = append(parts, p.Text)
			}
		}
		sqls = append(sqls, s.Via+": "+strings.Join(parts, ""))
	}
	if want := []string{"dapper: {Other.Sql} WHERE x = 1"}; !slices.Equal(sqls, want) {
		t.Errorf("sql texts = %q, want %q", sqls, want)
	}
}

// TestStoreTables checks the EF mappings of testdata/csharp/store against
// expected/tables.tsv.
func TestStoreTables(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "csharp", "store")
	fh, err := os.Open(filepath.Join(dir, "expected", "tables.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var want, got []string
	paths := map[string]bool{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			want = append(want, l)
			paths[strings.Split(l, "\t")[0]] = true
		}
	}
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for path := range paths {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		f, err := p.Parse(context.Background(), path, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range f.Tables {
			ent := tb.EntityName
			if tb.Entity >= 0 {
				ent = f.Types[tb.Entity].Name
			}
			got = append(got, strings.Join([]string{path, tb.Name, ent, tb.Via}, "\t"))
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}
}

func TestSyntaxError(t *testing.T) {
	f := parse(t, "namespace N;\nclass A {\n void F() { Foo(; }\n void G() { Bar(); }\n}\n")
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Code != "syntax" || f.Diagnostics[0].Line != 3 {
		t.Errorf("diagnostics = %+v", f.Diagnostics)
	}
	if !slices.Contains(refs(f, facts.Call), "Bar") {
		t.Errorf("calls after the error lost: %q", refs(f, facts.Call))
	}
}

func TestDbSetCalls(t *testing.T) {
	f := parse(t, `namespace N;
class R {
    private readonly CatalogDbContext _db;
    private readonly IHttpContextAccessor _http;
    void F(StoreContext ctx, HttpContext web) {
        _db.Products.Add(p);
        var x = await _db.Products.FirstOrDefaultAsync(p => p.Id == id);
        ctx.Orders.RemoveRange(old);
        web.Items.Add("k", 1);
        _http.HttpContext.Items.Clear();
    }
}`)
	var got []string
	for _, d := range f.Data {
		got = append(got, fmt.Sprintf("%s %s %s line %d", d.Via, d.Kind, d.Entity, d.Line))
	}
	want := []string{
		"ef writes CatalogDbContext#Products line 6",
		"ef reads CatalogDbContext#Products line 7",
		"ef writes StoreContext#Orders line 8",
	}
	if !slices.Equal(got, want) {
		t.Errorf("data:\n got %q\nwant %q", got, want)
	}
}

func TestRenders(t *testing.T) {
	f := parse(t, `namespace Shop.Web.Controllers;
public class HomeController : Controller
{
    private const string Special = "Promo";
    private readonly CartModel _cart;
    public IActionResult Index() => View();
    public IActionResult About() { return View(new AboutViewModel()); }
    public IActionResult Named() { return View("Other", new AboutViewModel()); }
    public IActionResult Path() => View("~/Views/Shared/Odd.cshtml");
    public IActionResult Konst() => View(Special);
    public IActionResult Of() => View(nameof(About));
    public IActionResult Part() => PartialView("_Row");
    public IActionResult Param(EditModel model) { return View(model); }
    public IActionResult Local() { var m = new EditModel(); return View(m); }
    public IActionResult Field() => View(_cart);
    public IActionResult Arg(string name) { return View(name); }
    public async Task<IActionResult> Unknown() { var vm = await _svc.Get(); return View(vm); }
    public IActionResult Interp(int id) => View($"Page{id}");
    public IActionResult Other(Helper h) => h.View("x");
    public IActionResult NamedArg() => View(viewName: "Other");
}`)
	var got []string
	for _, r := range f.Refs {
		if r.Kind == facts.Renders {
			got = append(got, fmt.Sprintf("%s %s %s", f.Types[r.From].Methods[r.Method].Name, r.Member, r.Name))
		}
	}
	want := []string{
		`Index View `,
		`About View `,
		`Named View "Other"`,
		`Path View "~/Views/Shared/Odd.cshtml"`,
		`Konst View "Promo"`,
		`Of View "About"`,
		`Part PartialView "_Row"`,
		`Param View `,
		`Local View `,
		`Field View `,
		`NamedArg View "Other"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("renders:\ngot  %q\nwant %q", got, want)
	}
}
