package ruby

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/internal/factstest"
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

type testCase = factstest.Case

// run checks each case's sections (see package factstest).
func run(t *testing.T, cases []testCase) {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	factstest.Run(t, factstest.Setup{Parse: p.Parse, DefaultPath: defaultPath, PerType: map[string]func(facts.Type) []string{"assoc": associations}}, cases)
}

var (
	refs   = factstest.Refs
	ref    = factstest.Ref
	types  = factstest.Types
	where  = factstest.Where
	diags  = factstest.Diags
	goList = factstest.GoList
)

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
			Name: "declarations and nesting",
			Src: `module Shop
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
			Want: map[string][]string{
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
			Name: "instance variable field line",
			Skip: "facts promise a 1-based line for every fact; actual: instance variable fields have Line 0",
			Src: `class Cart
  def initialize
    @items = List.new
  end
end
`,
			Want: map[string][]string{
				"members Cart": {"3 @items: List", "2-4 initialize()  public"},
			},
		},
		{
			Name: "top-level calls",
			Skip: "documented: a call on a constant is a reference; actual: calls outside any class or module give none (type uses are kept)",
			Path: "script/cleanup.rb",
			Src: `Order.where(stale: true).delete_all
`,
			Want: map[string][]string{
				"refs": {
					"1 call - where/1 static:Order",
					"1 call - delete_all/0 call:where/1(static:Order)",
				},
			},
		},
		{
			Name: "requires",
			Src: `require "json"
require_relative "../lib/helper"
require_relative "./sibling"
`,
			Want: map[string][]string{
				"imports": {"1 json", "2 ../lib/helper", "3 ./sibling"},
				"types":   {},
			},
		},
		{
			Name: "references",
			Src: `module Admin
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
			Want: map[string][]string{
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
			Name: "associations",
			Src: `class User < ApplicationRecord
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
			Want: map[string][]string{
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
			Name: "activerecord queries and sql",
			Path: "app/services/report.rb",
			Src: `class Report
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
			Want: map[string][]string{
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
			Name: "schema.rb",
			Path: "db/schema.rb",
			Src: `ActiveRecord::Schema[7.0].define(version: 2024_01_01) do
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
			Want: map[string][]string{
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
			Name: "schema dsl outside db",
			Path: "app/schema.rb",
			Src: `ActiveRecord::Schema.define do
  create_table "orders" do |t|
  end
end
`,
			Want: map[string][]string{"tables": {}},
		},
		{
			Name: "migration",
			Path: "db/migrate/20240101000000_create_payments.rb",
			Src: `class CreatePayments < ActiveRecord::Migration[7.0]
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
			Want: map[string][]string{
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
			Name: "syntax error",
			Src: `class A
  def f
    x = = 1
  end
end

class B < A
end
`,
			Want: map[string][]string{
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
			Name: "empty file",
			Src:  "",
			Want: map[string][]string{
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
	factstest.RunRobust(t, parse, "junk.rb", "ruby", []factstest.Robust{
		{Name: "binary junk", Src: "\x00\x01\xff\xfe\x7fELF\x02\x01\n\x00\x00\xc3\x28\x9f", Lines: 2, Diags: []string{"1 warning syntax"}},
		{Name: "deep parentheses", Src: "x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "\n", Lines: 1},
		{Name: "deep arrays", Src: "x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n", Lines: 1},
		{Name: "long call chain", Src: "class A\n  def g\n    Order.where(a: 1)" + strings.Repeat(".f", depth) + "\n  end\nend\n", Lines: 5, NRefs: depth + 1},
		{Name: "deep modules", Src: mods.String(), Lines: 602, LastRef: "301 extends " + deepName(300) + " Base"},
		{Name: "unclosed", Src: strings.Repeat("class A\n", depth), Lines: depth, Diags: []string{"1 warning syntax"}},
	}, nil)
}

// deepName is the name of a class nested in modules M0 ... M<n-1>.
func deepName(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "M%d.", i)
	}
	return b.String() + "Deep"
}
