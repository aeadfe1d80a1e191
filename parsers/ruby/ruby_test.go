package ruby

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

const defaultPath = "app/models/x.rb"

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
		s["assoc "+ty.Name] = associations(ty)
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

// associations renders a type's associations as "line macro name
// class key=... through=... as=... join=...".
func associations(ty facts.Type) []string {
	var out []string
	for _, a := range ty.Associations {
		s := fmt.Sprintf("%d %s %s %s", a.Line, a.Macro, a.Name, a.Class)
		for _, kv := range [][2]string{{"key", a.ForeignKey}, {"through", a.Through}, {"as", a.As}, {"join", a.JoinTable}} {
			if kv[1] != "" {
				s += " " + kv[0] + "=" + kv[1]
			}
		}
		out = append(out, s)
	}
	return out
}

func TestFacts(t *testing.T) {
	run(t, []testCase{
		{
			name: "declarations and nesting",
			src: `module Shop
  module Billing
    class Invoice::Line < Base
    end
  end
end

class Admin::Reports::Daily
end

module Util
  def self.helper; end
  module_function
  def slug(x) = x
end

module Concerns
  module Taggable
    extend ActiveSupport::Concern
    class_methods do
      def tagged; end
    end
  end
end

class Account < ApplicationRecord
  self.abstract_class = true
  MAX = 3
  SQL = "SELECT * FROM accounts"
  attr_accessor :nickname
  delegate :email, to: :owner
  alias_method :label, :name
  define_method(:shout) { }
  scope :active, -> { all }
  def repo
    @repo ||= OrderRepo.new
  end
  class << self
    def lookup; end
  end
  private
  def secret; end
end

Point = Struct.new(:x, :y) do
  def dist; end
end
Klass = Class.new(Base)
Coord = Data.define(:lat)
`,
			want: map[string][]string{
				"package": {""},
				// Shop and Billing only hold classes: no types of the file.
				"types": {
					"Shop.Billing.Invoice.Line class outer=-1 3-4 public in[Shop.Billing,Shop]",
					"Admin.Reports.Daily class outer=-1 8-9 public",
					"Util module outer=-1 11-15 public",
					"Concerns.Taggable module outer=-1 18-23 public in[Concerns]",
					"Account class outer=-1 26-43 public abstract",
					"Point class outer=-1 45-47 public",
					"Klass class outer=-1 48-48 public",
					"Coord class outer=-1 49-49 public",
				},
				"members Util": {
					"12-12 helper()  static public",
					"14-14 slug(x)  static public",
				},
				"members Concerns.Taggable": {"21-21 tagged()  static public"},
				"members Account": {
					`27 abstract_class:  static = "true"`,
					"28 MAX:  static",
					`29 SQL:  static = "SELECT * FROM accounts"`,
					"0 @repo: OrderRepo",
					"30-30 nickname()  public",
					"30-30 nickname=()  public",
					"31-31 email()  public",
					"32-32 label()  public",
					"33-33 shout()  public",
					"34-34 active() ActiveRecord::Relation static public",
					"35-37 repo() OrderRepo public",
					"39-39 lookup()  static public",
					"42-42 secret() ",
				},
				"members Point": {"46-46 dist()  public"},
			},
		},
		{
			name: "instance variable field line",
			skip: "facts promise a 1-based line for every fact; actual: instance variable fields have Line 0",
			src: `class Cart
  def initialize
    @items = List.new
  end
end
`,
			want: map[string][]string{
				"members Cart": {"3 @items: List", "2-4 initialize()  public"},
			},
		},
		{
			name: "top-level calls",
			skip: "documented: a call on a constant is a reference; actual: calls outside any class or module give none (type uses are kept)",
			path: "script/cleanup.rb",
			src: `Order.where(stale: true).delete_all
`,
			want: map[string][]string{
				"refs": {
					"1 call - where/1 static:Order",
					"1 call - delete_all/0 call:where/1(static:Order)",
				},
			},
		},
		{
			name: "requires",
			src: `require "json"
require_relative "../lib/helper"
require_relative "./sibling"
`,
			want: map[string][]string{
				"imports": {"1 json", "2 ../lib/helper", "3 ./sibling"},
				"types":   {},
			},
		},
		{
			name: "references",
			src: `module Admin
  class User < ApplicationRecord
    include Auditable
    extend Finders
    prepend Tracing
    before_save :normalize

    def normalize
      @cache = Cache.new
      @cache.clear
      helper = Helper.new(1)
      helper.run
      self.name = Helpers::Text.squish(name)
      twice = Box.new
      twice = Bag.new
      twice.open
      [1].each { |x| x.go }
      raise Errors::NotFound unless ::Top::LIMIT
      super
    end
  end
end
`,
			want: map[string][]string{
				"refs": {
					"2 extends Admin.User ApplicationRecord",
					"3 implements Admin.User Auditable include",
					"4 implements Admin.User Finders extend",
					"5 implements Admin.User Tracing prepend",
					"6 call Admin.User normalize/0 this:",
					"9 new Admin.User#normalize Cache",
					"10 call Admin.User#normalize clear/0 field:@cache",
					"11 new Admin.User#normalize Helper",
					"12 call Admin.User#normalize run/0 call:new/1(static:Helper)",
					"13 call Admin.User#normalize squish/1 static:Helpers::Text",
					"13 call Admin.User#normalize name/0 this:",
					"13 call Admin.User#normalize name=/1 this:",
					"14 new Admin.User#normalize Box",
					"15 new Admin.User#normalize Bag",
					"18 call Admin.User#normalize raise/1 this:",
					"18 type-use Admin.User#normalize Errors::NotFound",
					"18 type-use Admin.User#normalize ::Top::LIMIT",
					"19 call Admin.User#normalize normalize/0 super:",
				},
			},
		},
		{
			name: "associations",
			src: `class User < ApplicationRecord
  self.table_name = "admin_people"
  has_many :line_items, class_name: "Item", foreign_key: :owner_id
  belongs_to :account
  belongs_to :subject, polymorphic: true
  has_many :tags, through: :taggings
  has_one :avatar, as: :owner
  has_and_belongs_to_many :roles, join_table: "users_roles"
  has_many :people
  has_many :categories
  has_many :statuses
  has_many :children
  has_many :addresses
end
`,
			want: map[string][]string{
				"assoc User": {
					"3 has_many line_items Item key=owner_id",
					"4 belongs_to account Account",
					"5 belongs_to subject ",
					"6 has_many tags Tag through=taggings",
					"7 has_one avatar Avatar as=owner",
					"8 has_and_belongs_to_many roles Role join=users_roles",
					"9 has_many people Person",
					"10 has_many categories Category",
					"11 has_many statuses Status",
					"12 has_many children Child",
					"13 has_many addresses Address",
				},
				// The default table is package graph's to name.
				"tables": {"2 admin_people table entity=User via=activerecord"},
			},
		},
		{
			name: "activerecord queries and sql",
			path: "app/services/report.rb",
			src: `class Report
  QUERY = "SELECT id FROM invoices"
  def run(id)
    Order.where(id: id).first
    Order.find(id).update(state: 1)
    Shop::Order.create!(x: 1)
    o = Order.new
    o.save
    Order.find_by_sql("SELECT * FROM orders JOIN customers ON 1=1")
    Order.where("total > (SELECT avg(total) FROM payments)")
    ActiveRecord::Base.connection.execute("DELETE FROM sessions")
    connection.select_all(QUERY)
    connection.execute(Queries::ALL)
    Order.joins("JOIN stock ON 1=1").count
    Order.where(name: "a").order(:id)
  end
end

class Invoice < ApplicationRecord
  def self.open
    where(open: true)
  end
  def close!
    update(open: false)
  end
end
`,
			want: map[string][]string{
				"data": {
					"4 reads Order Report#run activerecord",
					"5 writes Order Report#run activerecord",
					"6 writes Shop::Order Report#run activerecord",
					"8 writes Order Report#run activerecord",
					"9 reads Order Report#run activerecord",
					"9 reads orders Report#run activerecord-sql",
					"9 reads customers Report#run activerecord-sql",
					"10 reads Order Report#run activerecord",
					"10 reads payments Report#run activerecord-sql",
					"11 writes sessions Report#run activerecord-sql",
					"12 reads invoices Report#run activerecord-sql",
					"14 reads stock Report#run activerecord-sql",
					"14 reads Order Report#run activerecord",
					"15 reads Order Report#run activerecord",
					"21 reads ::Invoice Invoice#open activerecord",
					"24 writes ::Invoice Invoice#close! activerecord",
				},
				"sql": {"13 Report#run activerecord-sql {Queries.ALL}"},
			},
		},
		{
			name: "schema.rb",
			path: "db/schema.rb",
			src: `ActiveRecord::Schema[7.0].define(version: 2024_01_01) do
  create_table "orders", force: :cascade do |t|
    t.references :customer, foreign_key: true
    t.string "name"
  end
  create_table :line_items do |t|
    t.belongs_to :order, foreign_key: { to_table: :orders }
  end
  create_join_table :users, :roles
  add_foreign_key "orders", "accounts", column: "buyer_id"
end
`,
			want: map[string][]string{
				"tables": {
					"2 orders table entity= via=schema.rb ->customers(customer_id)",
					"6 line_items table entity= via=schema.rb ->orders(order_id)",
					"9 roles_users table entity= via=schema.rb",
					"10 orders table entity= via=schema.rb ->accounts(buyer_id)",
				},
				"data": {},
			},
		},
		{
			name: "schema dsl outside db",
			path: "app/schema.rb",
			src: `ActiveRecord::Schema.define do
  create_table "orders" do |t|
  end
end
`,
			want: map[string][]string{"tables": {}},
		},
		{
			name: "migration",
			path: "db/migrate/20240101000000_create_payments.rb",
			src: `class CreatePayments < ActiveRecord::Migration[7.0]
  def change
    create_table :payments do |t|
      t.integer :amount
    end
    add_reference :payments, :invoice, foreign_key: true
    execute "CREATE VIEW big_payments AS SELECT * FROM payments"
    Order.where(x: 1).update_all(y: 2)
  end
end
`,
			want: map[string][]string{
				"tables": {
					"3 payments table entity= via=migration",
					"6 payments table entity= via=migration ->invoices(invoice_id)",
					"7 big_payments view entity= via=migration reads=payments",
				},
				// A migration's accesses are not uses of the tables.
				"data": {},
			},
		},
		{
			name: "syntax error",
			src: `class A
  def f
    x = = 1
  end
end

class B < A
end
`,
			want: map[string][]string{
				"types": {
					"A class outer=-1 1-5 public",
					"B class outer=-1 7-8 public",
				},
				"members A": {"2-4 f()  public"},
				"refs":      {"7 extends B A"},
				"diags":     {"3 warning syntax"},
			},
		},
		{
			name: "empty file",
			src:  "",
			want: map[string][]string{
				"types": {},
				"refs":  {},
				"diags": {},
			},
		},
	})
}

// TestRobustness feeds inputs that are no Ruby: the parser must not
// panic, and must say where the syntax breaks.
func TestRobustness(t *testing.T) {
	const depth = 5000
	var mods strings.Builder
	for i := range 300 {
		fmt.Fprintf(&mods, "module M%d\n", i)
	}
	mods.WriteString("class Deep < Base\nend\n")
	mods.WriteString(strings.Repeat("end\n", 300))
	for _, tc := range []struct {
		name, src string
		lines     int
		diags     []string
		lastRef   string // the last reference, when not ""
		nrefs     int    // how many references, when not 0
	}{
		{name: "binary junk", src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", lines: 2, diags: []string{"1 warning syntax"}},
		{name: "deep parentheses", src: "x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", lines: 1},
		{name: "deep arrays", src: "x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n", lines: 1},
		{name: "long call chain", src: "class A\n  def g\n    Order.where(a: 1)" + strings.Repeat(".f", depth) + "\n  end\nend\n", lines: 5, nrefs: depth + 1},
		{name: "deep modules", src: mods.String(), lines: 602, lastRef: "301 extends " + deepName(300) + " Base"},
		{name: "unclosed", src: strings.Repeat("class A\n", depth), lines: depth, diags: []string{"1 warning syntax"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, "junk.rb", tc.src)
			if f.Language != "ruby" || f.Lines != tc.lines || f.Bytes != len(tc.src) {
				t.Errorf("language %q, lines %d, bytes %d; want ruby, %d, %d", f.Language, f.Lines, f.Bytes, tc.lines, len(tc.src))
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

// deepName is the name of a class nested in modules M0 ... M<n-1>.
func deepName(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "M%d.", i)
	}
	return b.String() + "Deep"
}
