package graph_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/graph"
)

// rubyMarketMisses are the edges of testdata/ruby/market that the
// resolver does not find, each for a known reason. (None today.)
var rubyMarketMisses = map[string]string{}

// TestRubyMarketEdges compares every distinct type-level edge extracted
// from the Ruby market monolith with the edges written down by hand:
// precision must be 100%, recall at least 90%, every miss a known one.
func TestRubyMarketEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "ruby", "market")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Types[d.To].Name] = true
	}
	compareTruth(t, "edge", "edges", want, got, rubyMarketMisses)
}

// rubyDataMisses are the table accesses of testdata/ruby/market not
// found, each for a known reason.
var rubyDataMisses = map[string]string{
	// `payments << payment` saves the payment with the invoice's key: an
	// operator on an association, not a method call the parser reads.
	"Billing.Invoice\twrites\tbilling_payments": "collection << record",
}

// TestRubyMarketData compares the table accesses of the Ruby market
// monolith with expected/data.tsv: no false access, recall at least 90%,
// every miss a known one.
func TestRubyMarketData(t *testing.T) {
	dir := filepath.Join("..", "testdata", "ruby", "market")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 || g.Files[g.Types[d.From].File].Language != "ruby" {
			continue
		}
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
	}
	compareTruth(t, "access", "accesses", want, got, rubyDataMisses)
}

// TestRubyMarketTables compares the models' tables and the foreign keys
// between tables with expected/tables.tsv, exactly.
func TestRubyMarketTables(t *testing.T) {
	dir := filepath.Join("..", "testdata", "ruby", "market")
	g := build(t, dir)
	var want, got []string
	for _, r := range readRows(t, filepath.Join(dir, "expected", "tables.tsv")) {
		want = append(want, strings.Join(r, "\t"))
	}
	for _, n := range g.Data {
		for _, e := range n.Entities {
			got = append(got, "model\t"+g.Types[e].Name+"\t"+n.Name)
		}
		if n.Kind != "table" {
			continue // a view's references are the tables it reads
		}
		for _, r := range n.References {
			got = append(got, "fk\t"+n.Name+"\t"+g.Data[r].Name)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("tables differ:\nwant:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestRubyResolution checks the rules of Ruby name resolution on small
// inline repositories: the exact set of edges and the names left
// unresolved.
func TestRubyResolution(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		edges      []string
		unresolved []string
	}{
		{
			name: "nested modules see their namespace; a compact class does not",
			files: map[string]string{
				"app/models/billing/customer.rb":  "module Billing\n  class Customer\n  end\nend\n",
				"app/models/ordering/customer.rb": "module Ordering\n  class Customer\n  end\nend\n",
				"app/services/billing/charge.rb":  "module Billing\n  class Charge\n    def run\n      Customer.new\n    end\n  end\nend\n",
				"app/services/billing/refund.rb":  "class Billing::Refund\n  def run\n    Customer.new\n    Billing::Customer.new\n  end\nend\n",
			},
			edges: []string{
				"Billing.Charge new Billing.Customer",
				"Billing.Refund new Billing.Customer",
			},
			// Inside `class Billing::Refund` a bare Customer is ::Customer,
			// which does not exist: Ruby raises NameError, and no edge is
			// guessed to either Customer.
			unresolved: []string{"Customer"},
		},
		{
			name: "constants of the ancestors, values, the top level, ::absolute",
			files: map[string]string{
				"app/models/base.rb":   "class Base\n  LIMIT = 10\n  class Error < StandardError; end\nend\n",
				"app/models/thing.rb":  "class Thing < Base\n  def f\n    raise Error if LIMIT > 1\n  end\nend\n",
				"app/models/other.rb":  "module Deep\n  class Other\n    def f\n      ::Thing.new\n      x = Base::LIMIT\n    end\n  end\nend\n",
				"app/models/status.rb": "class Status\n  ALL = %w[a b].freeze\nend\n",
				"app/models/user.rb":   "class User\n  def f\n    Status::ALL.first\n    Nope::X\n  end\nend\n",
			},
			edges: []string{
				"Deep.Other new Thing", "Deep.Other type-use Base",
				"Thing extends Base", "Thing type-use Base", "Thing type-use Base.Error",
				"User type-use Status",
			},
			unresolved: []string{"Nope::X"},
		},
		{
			name: "a class reopened in several files is one type, canonical where Zeitwerk looks",
			files: map[string]string{
				"lib/core_ext/order.rb":            "class Order\n  def legacy; end\nend\n",
				"app/models/order.rb":              "class Order < ApplicationRecord\n  def total; end\nend\n",
				"app/models/application_record.rb": "class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n",
				"app/services/report.rb":           "class Report\n  def f\n    o = Order.new\n    o.legacy\n    o.total\n  end\nend\n",
			},
			edges: []string{
				"Order extends ApplicationRecord",
				"Report call Order .legacy", "Report call Order .total", "Report new Order",
			},
		},
		{
			name: "mixins: include, prepend, extend, a concern's class methods; super",
			files: map[string]string{
				"app/models/concerns/taggable.rb": `module Taggable
  extend ActiveSupport::Concern
  class_methods do
    def tagged(t); end
  end
  def tag!; end
end
`,
				"app/models/loud.rb":   "module Loud\n  def save; super; end\nend\n",
				"app/models/finder.rb": "module Finder\n  def lookup; end\nend\n",
				"app/models/base.rb":   "class Base\n  def save; end\nend\n",
				"app/models/post.rb": `class Post < Base
  include Taggable
  prepend Loud
  extend Finder
  def save
    tag!
    super
  end
  def self.recent
    tagged("x")
    lookup
  end
end
`,
				"app/services/publisher.rb": "class Publisher\n  def f\n    Post.new.save\n    Post.tagged(1)\n  end\nend\n",
			},
			edges: []string{
				"Post call Base .save", "Post call Finder .lookup", "Post call Taggable .tag!", "Post call Taggable .tagged",
				"Post extends Base", "Post implements Finder", "Post implements Loud", "Post implements Taggable",
				"Publisher call Loud .save", "Publisher call Taggable .tagged", "Publisher new Post",
			},
		},
		{
			name: "ActiveRecord: finders, scopes, associations, instance variables, memoized methods",
			files: map[string]string{
				"app/models/application_record.rb": "class ApplicationRecord < ActiveRecord::Base\n  primary_abstract_class\nend\n",
				"app/models/author.rb":             "class Author < ApplicationRecord\n  has_many :books\n  def signature; end\nend\n",
				"app/models/book.rb": `class Book < ApplicationRecord
  belongs_to :author
  scope :recent, -> { where(year: 2024) }
  def cover; end
end
`,
				"app/controllers/books_controller.rb": `class BooksController < ActionController::Base
  def show
    @book = Book.find(params[:id])
    @book.author.signature
    Book.recent.first.cover
    Book.where(x: 1).recent
    Author.first.books.recent.first.cover
    shelf.count
    helper.format(1)
  end

  private

  def shelf
    @shelf ||= Shelf.new
  end

  def helper
    params.fetch(:x)
  end
end
`,
				"app/models/shelf.rb": "class Shelf\n  def count; end\nend\n",
			},
			edges: []string{
				"Author extends ApplicationRecord", "Author type-use Book",
				"Book extends ApplicationRecord", "Book type-use Author",
				"BooksController call Author .books", "BooksController call Author .first", "BooksController call Author .signature",
				"BooksController call Book .author", "BooksController call Book .cover", "BooksController call Book .find",
				"BooksController call Book .recent", "BooksController call Book .where",
				"BooksController call Shelf .count", "BooksController new Shelf",
			},
		},
		{
			name: "callbacks name methods; unknown receivers are not counted",
			files: map[string]string{
				"app/controllers/application_controller.rb": "class ApplicationController\n  def authenticate!; end\nend\n",
				"app/controllers/users_controller.rb": `class UsersController < ApplicationController
  before_action :authenticate!, if: :signed_in?
  def index(list)
    list.each { |u| u.save }
    mystery
  end
end
`,
			},
			edges: []string{"UsersController call ApplicationController .authenticate!", "UsersController extends ApplicationController"},
			// signed_in? and mystery are declared nowhere and the classes have no
			// ancestor outside the repository.
			unresolved: []string{"mystery", "signed_in?"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := buildSources(t, tc.files)
			if got := edges(g); !slices.Equal(got, sortedCopy(tc.edges)) {
				t.Errorf("edges:\n got %q\nwant %q", got, sortedCopy(tc.edges))
			}
			if got := unresolvedNames(g); !slices.Equal(sortedCopy(got), sortedCopy(tc.unresolved)) {
				t.Errorf("unresolved: got %q, want %q", got, tc.unresolved)
			}
		})
	}
}

// TestRubyTables checks ActiveRecord's table naming on small inline
// repositories: the table of each model.
func TestRubyTables(t *testing.T) {
	g := buildSources(t, map[string]string{
		"app/models/application_record.rb": "class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n",
		"app/models/person.rb":             "class Person < ApplicationRecord\nend\n",
		"app/models/category.rb":           "class Category < ApplicationRecord\nend\n",
		"app/models/admin.rb":              "class Admin < Person\nend\n",
		"app/models/legacy_user.rb":        "class LegacyUser < ApplicationRecord\n  self.table_name = \"tbl_users\"\nend\n",
		"app/models/shop.rb":               "module Shop\n  def self.table_name_prefix\n    \"shop_\"\n  end\nend\n",
		"app/models/shop/line_item.rb":     "module Shop\n  class LineItem < ApplicationRecord\n  end\nend\n",
		"app/models/invoice.rb":            "class Invoice < ApplicationRecord\n  class Line < ApplicationRecord\n  end\nend\n",
		"app/models/status.rb":             "class Status < ApplicationRecord\nend\n",
		"app/models/not_a_model.rb":        "class NotAModel < Struct.new(:a)\nend\n",
	})
	got := map[string]string{}
	for _, n := range g.Data {
		for _, e := range n.Entities {
			got[g.Types[e].Name] = n.Name
		}
	}
	want := map[string]string{
		"Admin": "people", "Category": "categories", "Invoice": "invoices", "Invoice.Line": "invoice_lines",
		"LegacyUser": "tbl_users", "Person": "people", "Shop.LineItem": "shop_line_items", "Status": "statuses",
	}
	if !mapsEqual(got, want) {
		t.Errorf("tables:\n got %v\nwant %v", got, want)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// mixedDataMisses are the table accesses of testdata/mixed not found,
// each for a known reason. (None today.)
var mixedDataMisses = map[string]string{}

// TestMixedRepository analyses a Rails application and a Go service that
// share tables declared in a .sql schema, as one graph: the accesses of
// both languages are found, and the Rails model and the Go type that
// write the same table end up coupled through it: in one candidate, or
// in two that share the table.
func TestMixedRepository(t *testing.T) {
	dir := filepath.Join("..", "testdata", "mixed")
	g := build(t, dir)
	goParsed := hasLanguage(g, "go")
	want := map[string]bool{}
	goWant := map[string]bool{} // kind and table of the Go accesses
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		if strings.Contains(r[0], "/") {
			goWant[r[1]+"\t"+r[2]] = true
			continue
		}
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	goGot := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 {
			continue
		}
		ty := g.Types[d.From]
		switch g.Files[ty.File].Language {
		case "ruby":
			got[ty.Name+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
		case "go":
			goGot[string(d.Kind)+"\t"+g.Data[d.To].Name] = true
		}
	}
	compareTruth(t, "access", "accesses", want, got, mixedDataMisses)
	declared := false
	for _, f := range g.Facts {
		for _, tab := range f.Tables {
			declared = declared || f.Language == "sql" && tab.Name == "shipments"
		}
	}
	if !declared {
		t.Errorf("shipments is not declared by db/schema.sql")
	}
	if !goParsed {
		t.Skip("no Go parser registered: the Go service's accesses cannot be checked")
	}
	for e := range goWant {
		if !goGot[e] {
			t.Errorf("missed Go access: %s", e)
		}
	}
	for e := range goGot {
		if !goWant[e] {
			t.Errorf("false Go access: %s", e)
		}
	}
	res, err := analyzer.Analyze(context.Background(), g, analyzer.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	candidate := map[string]string{}
	for _, c := range res.Candidates {
		for _, m := range c.Members {
			candidate[m.Path] = c.ID
		}
	}
	rails, service := candidate["app/models/shipment.rb"], candidate["shipping/tracker.go"]
	if rails == "" || service == "" {
		t.Fatalf("the Rails model or the Go tracker is in no candidate: %q, %q", rails, service)
	}
	if rails == service {
		return
	}
	for _, tu := range res.Tables {
		if tu.Name != "shipments" {
			continue
		}
		users := map[string]bool{}
		for _, a := range tu.Accesses {
			users[a.Candidate] = true
		}
		if !tu.Shared || !users[rails] || !users[service] {
			t.Errorf("shipments is not shared by the candidates of the Rails model (%s) and the Go tracker (%s): %+v", rails, service, tu)
		}
		return
	}
	t.Errorf("shipments is in no candidate's tables")
}

func hasLanguage(g *graph.Graph, lang string) bool {
	for _, f := range g.Files {
		if f.Language == lang {
			return true
		}
	}
	return false
}
