package php

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

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

// refs renders a file's references: "kind name" or "call member recv".
func refs(f *facts.File) []string {
	var out []string
	for _, r := range f.Refs {
		s := string(r.Kind) + " " + r.Name
		if r.Kind == facts.Call {
			s = "call " + r.Member + " " + expr(f, r.Recv)
		}
		out = append(out, s)
	}
	return out
}

func expr(f *facts.File, i int) string {
	if i < 0 {
		return "-"
	}
	e := f.Exprs[i]
	base := ""
	if e.Base >= 0 {
		base = "(" + expr(f, e.Base) + ")"
	}
	return fmt.Sprintf("%d:%s%s", e.Kind, e.Name, base)
}

func TestNames(t *testing.T) {
	f := parse(t, "src/a.php", `<?php
namespace App\Billing;
use App\Shared\{Money, Clock as C};
use function App\Shared\helper;
use Vendor\Lib;
class Invoice extends Base implements \JsonSerializable, Lib\Thing {
    function f(Money $m, C $c, namespace\Local $l, \Top $t): static {
        helper(); strlen('x'); \Other\fn2(); Lib\fn3();
        self::make(); parent::boot(); static::x();
        return new Lib\Widget();
    }
}`)
	if f.Package != "App.Billing" {
		t.Errorf("package = %q", f.Package)
	}
	want := []string{
		"extends \\App\\Billing\\Base", "implements \\JsonSerializable", "implements \\Vendor\\Lib\\Thing",
		"type-use \\App\\Shared\\Money", "type-use \\App\\Shared\\Clock", "type-use \\App\\Billing\\Local", "type-use \\Top",
		"call helper 10:\\App\\Shared\\helper", "call strlen 10:App\\Billing\\strlen", "call fn2 10:\\Other\\fn2", "call fn3 10:\\Vendor\\Lib\\fn3",
		"call make 2:\\App\\Billing\\Invoice", "call boot 4:", "call x 2:\\App\\Billing\\Invoice",
		"new \\Vendor\\Lib\\Widget",
	}
	if got := refs(f); !slices.Equal(got, want) {
		t.Errorf("refs:\n got %q\nwant %q", got, want)
	}
	m := f.Types[0].Methods[0]
	if m.Return != "static" || !slices.Equal(m.Params, []string{`\App\Shared\Money`, `\App\Shared\Clock`, `\App\Billing\Local`, `\Top`}) {
		t.Errorf("method = %+v", m)
	}
	var imps []string
	for _, i := range f.Imports {
		imps = append(imps, fmt.Sprintf("%s|%s|%v", i.Name, i.Alias, i.Static))
	}
	if want := []string{`App\Shared\Money||false`, `App\Shared\Clock|C|false`, `App\Shared\helper||true`, `Vendor\Lib||false`}; !slices.Equal(imps, want) {
		t.Errorf("imports = %q", imps)
	}
}

func TestModuleAndTypes(t *testing.T) {
	f := parse(t, "lib/helpers.php", `<?php
namespace App\Util;
trait T {}
enum Suit: string { case Hearts = 'h'; }
interface I extends \Countable {}
function slug(string $s): string { return $s; }
echo slug('x');
`)
	var got []string
	for _, ty := range f.Types {
		got = append(got, fmt.Sprintf("%s %s", ty.Name, ty.Kind))
	}
	if want := []string{"T trait", "Suit enum", "I interface", "helpers-php module"}; !slices.Equal(got, want) {
		t.Errorf("types = %q", got)
	}
	mod := f.Types[3]
	if len(mod.Methods) != 1 || mod.Methods[0].Name != "slug" {
		t.Errorf("module methods = %+v", mod.Methods)
	}
	if fl := f.Types[1].Fields; len(fl) != 1 || fl[0].Type != `\App\Util\Suit` || !fl[0].Static {
		t.Errorf("enum case = %+v", fl)
	}
	last := f.Refs[len(f.Refs)-1]
	if last.From != 3 || last.Method != -1 || last.Member != "slug" {
		t.Errorf("top-level call = %+v", last)
	}
}

func TestReceivers(t *testing.T) {
	f := parse(t, "a.php", `<?php
namespace N;
class A {
    /** @var Repo */
    private $repo;
    private Clock $clock;
    public function __construct(private Mailer $mailer) {}
    /** @param Order $o */
    function f($o, $flag) {
        $this->repo->all();
        $this->clock->now()->format('c');
        $this->mailer->send();
        $o->total();
        $x = new Box(); $x->open();
        $y = new Box(); if ($flag) { $y = new Bag(); } $y->open();
        foreach ([] as $z) { $z->open(); }
        $fn = function (Item $i) use ($x) { $i->go(); $x->open(); };
        $g = fn ($k) => $x->open();
        /** @var Cart $c */
        $c = get_cart();
        $c->clear();
        Util::make()?->run();
    }
}`)
	var got []string
	for _, r := range f.Refs {
		if r.Kind == facts.Call {
			got = append(got, r.Member+" "+expr(f, r.Recv))
		}
	}
	want := []string{
		`all 1:N\Repo`, `format 6:now(1:\N\Clock)`, `now 1:\N\Clock`, `send 1:\N\Mailer`, `total 1:N\Order`,
		`open 1:\N\Box`, `open 0:`, `open 0:`, `go 1:\N\Item`, `open 1:\N\Box`, `open 1:\N\Box`,
		`get_cart 10:N\get_cart`, `clear 1:N\Cart`, `run 6:make(2:\N\Util)`, `make 2:\N\Util`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("calls:\n got %q\nwant %q", got, want)
	}
}

func TestPHPDocTypes(t *testing.T) {
	e := &extractor{uses: map[string]string{"coll": `Doctrine\Collection`}, ns: `App`}
	for _, tc := range []struct{ in, want string }{
		{"Line[]", `App\Line[]`},
		{"?Money", `?App\Money`},
		{"Coll<int, Line>|null", `\Doctrine\Collection<int,App\Line>|null`},
		{"array{id: int, user: User}", `array{id:int,user:App\User}`},
		{"non-empty-list<\\Foo\\Bar>", `non-empty-list<\Foo\Bar>`},
		{"$this", "static"},
		{"class-string<T>", "class-string<App\\T>"},
	} {
		if got := e.typeString(tc.in, true, -1); got != tc.want {
			t.Errorf("typeString(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func tables(f *facts.File) []string {
	var out []string
	for _, tb := range f.Tables {
		s := fmt.Sprintf("%s|%d|%s|%s", tb.Name, tb.Entity, tb.EntityName, tb.Via)
		for _, fk := range tb.ForeignKeys {
			s += " ->" + fk.Entity
		}
		out = append(out, s)
	}
	return out
}

func data(f *facts.File) []string {
	var out []string
	for _, d := range f.Data {
		out = append(out, fmt.Sprintf("%s %s%s %s", d.Kind, d.Object, d.Entity, d.Via))
	}
	return out
}

func TestEloquent(t *testing.T) {
	f := parse(t, "Post.php", `<?php
namespace App\Models;
use Illuminate\Database\Eloquent\Model;
class OrderLine extends Model {
    public function order() { return $this->belongsTo(Order::class); }
    public function tags() { return $this->belongsToMany(Tag::class); }
}
class Person extends Model { protected $table = 'crm_people'; }
class Svc {
    function f(OrderLine $l) {
        OrderLine::where('a', 1)->get();
        OrderLine::where('a', 1)->update(['b' => 2]);
        OrderLine::create([]);
        $l->save();
        Person::find(1);
    }
}`)
	wantT := []string{
		`order_lines|0||eloquent`, `|0||eloquent ->\App\Models\Order`, `order_line_tag|-1||eloquent ->\App\Models\OrderLine ->\App\Models\Tag`,
		`crm_people|1||eloquent`,
	}
	if got := tables(f); !slices.Equal(got, wantT) {
		t.Errorf("tables:\n got %q\nwant %q", got, wantT)
	}
	wantD := []string{`reads \App\Models\OrderLine eloquent`, `writes \App\Models\OrderLine eloquent`, `writes \App\Models\OrderLine eloquent`,
		`writes \App\Models\OrderLine eloquent`, `reads \App\Models\Person eloquent`}
	if got := data(f); !slices.Equal(got, wantD) {
		t.Errorf("data:\n got %q\nwant %q", got, wantD)
	}
}

func TestDoctrine(t *testing.T) {
	f := parse(t, "Order.php", `<?php
namespace App\Entity;
use Doctrine\ORM\Mapping as ORM;
#[ORM\Entity, ORM\Table(name: 'orders', schema: 'shop')]
class Order {
    #[ORM\ManyToOne]
    private Customer $customer;
    #[ORM\ManyToMany(targetEntity: Tag::class)]
    private $tags;
}
/**
 * @ORM\Entity
 */
class Customer {
    /** @ORM\OneToMany(targetEntity="Order", mappedBy="customer") */
    private $orders;
}
class Svc {
    function f(\Doctrine\ORM\EntityManagerInterface $em, Order $o) {
        $em->getRepository(Order::class)->findBy([]);
        $em->find(Customer::class, 1);
        $em->persist($o);
        $em->createQuery('DELETE FROM App\Entity\Order o WHERE o.id = 1')->execute();
    }
}`)
	wantT := []string{
		`shop.orders|0||doctrine`, `|0||doctrine ->\App\Entity\Customer`, `order_tag|-1||doctrine ->\App\Entity\Order ->\App\Entity\Tag`,
		`customer|1||doctrine`, `|-1|\App\Entity\Order|doctrine ->\App\Entity\Customer`,
	}
	if got := tables(f); !slices.Equal(got, wantT) {
		t.Errorf("tables:\n got %q\nwant %q", got, wantT)
	}
	wantD := []string{`reads \App\Entity\Order doctrine`, `reads \App\Entity\Customer doctrine`, `writes \App\Entity\Order doctrine`, `writes \App\Entity\Order dql`}
	if got := data(f); !slices.Equal(got, wantD) {
		t.Errorf("data:\n got %q\nwant %q", got, wantD)
	}
}

func TestSQL(t *testing.T) {
	f := parse(t, "m.php", strings.ReplaceAll(`<?php
class ModelCatalogProduct extends Model {
    const COLS = 'id, name';
    public function get($id) {
        $q = $this->db->query("SELECT " . self::COLS . " FROM ´" . DB_PREFIX . "product´ p LEFT JOIN ´" . DB_PREFIX . "product_description´ pd ON (p.id = pd.id) WHERE p.id = '" . (int)$id . "'");
        $sql = "UPDATE " . DB_PREFIX . "product SET viewed = viewed + 1";
        $sql .= " WHERE id = " . (int)$id;
        $this->db->query($sql);
        mysqli_query($link, "DELETE FROM {$this->prefix}sessions");
        $this->db->query(Queries::ALL);
        DB::table('audit')->insert([]);
        $this->db->query('not sql at all');
    }
}`, "´", "`"))
	wantD := []string{`reads product sql`, `reads product_description sql`, `writes product sql`, `writes sessions sql`, `writes audit laravel-db`}
	if got := data(f); !slices.Equal(got, wantD) {
		t.Errorf("data:\n got %q\nwant %q", got, wantD)
	}
	if len(f.SQL) != 1 || f.SQL[0].Parts[0].Const != `\Queries.ALL` {
		t.Errorf("sql = %+v", f.SQL)
	}
}

func TestInflect(t *testing.T) {
	for in, want := range map[string]string{
		"OrderLine": "order_lines", "Person": "people", "Category": "categories", "Box": "boxes",
		"Equipment": "equipment", "Day": "days", "UserStatus": "user_statuses", "Child": "children",
	} {
		if got := eloquentTable(in); got != want {
			t.Errorf("eloquentTable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := pivotTable("Product", "Tag"); got != "product_tag" {
		t.Errorf("pivot = %q", got)
	}
}

func TestSyntaxError(t *testing.T) {
	f := parse(t, "bad.php", "<?php\nclass A { function f() { $x = ; } }\nclass B extends A {}\n")
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Code != "syntax" || f.Diagnostics[0].Line != 2 {
		t.Errorf("diagnostics = %+v", f.Diagnostics)
	}
	if len(f.Types) != 2 || !strings.HasSuffix(f.Refs[len(f.Refs)-1].Name, `\A`) {
		t.Errorf("facts from the intact parts: %+v %q", f.Types, refs(f))
	}
}

func TestRenders(t *testing.T) {
	f := parse(t, "src/Controller/BlogController.php", `<?php
namespace App\Controller;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Illuminate\Support\Facades\View;
use Twig\Environment;
class BlogController extends AbstractController {
    const SHOW = 'blog/show.html.twig';
    function index() { return $this->render('blog/index.html.twig', []); }
    function show() { return $this->renderView(self::SHOW); }
    function dyn($t) { return $this->render($t); }
    function laravel() { view('orders.index'); View::make('orders.row'); return response()->view('layouts.app', [], 200); }
    function concat($x) { return view('orders.' . $x); }
    function twig(Environment $twig) { return $twig->render('mail/x.twig'); }
    function other($r) { $r->render('nope.html.twig'); $this->helper('x.html.twig'); }
}
class Page extends Base {
    function a() { return $this->render('pages/home.html.twig'); }
    function b() { return $this->render('home'); }
}
`)
	var got []string
	for _, r := range f.Refs {
		if r.Kind == facts.Renders {
			got = append(got, fmt.Sprintf("%d.%d %s %s", r.From, r.Method, r.Member, r.Name))
		}
	}
	want := []string{
		`0.0 render "blog/index.html.twig"`,
		`0.1 render SHOW`,
		`0.3 view "orders.index"`,
		`0.3 view "orders.row"`,
		`0.3 view "layouts.app"`,
		`0.5 render "mail/x.twig"`,
		`1.0 render "pages/home.html.twig"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("renders:\ngot  %q\nwant %q", got, want)
	}
}
