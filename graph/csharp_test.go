package graph_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// csharpStoreMisses are the edges of testdata/csharp/store that the
// resolver does not find, each for a known reason.
var csharpStoreMisses = map[string]string{
	// x.Select(l => l.Amount).Sum(currency): Sum is the extension method
	// MoneyExtensions.Sum(this IEnumerable<Money>), but the element type of
	// Select's result is the lambda's result type, which is not inferred.
	"Acme.Store.Billing.Domain.Invoice\tcall\tAcme.Store.Common.MoneyExtensions":          "Select(lambda) result",
	"Acme.Store.Catalog.Services.CatalogService\tcall\tAcme.Store.Common.MoneyExtensions": "Select(lambda) result",
	"Acme.Store.Ordering.Domain.Order\tcall\tAcme.Store.Common.MoneyExtensions":           "Select(lambda) result",
}

// TestCSharpStoreEdges compares every distinct type-level edge extracted
// from the C# store monolith with the edges written down by hand:
// precision must be 100%, and every missed edge a known miss.
func TestCSharpStoreEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "csharp", "store")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Types[d.To].Name] = true
	}
	compareTruth(t, "edge", "edges", want, got, csharpStoreMisses)
}

// csharpDataMisses are the data accesses of testdata/csharp/store not
// found, each for a known reason: none left.
var csharpDataMisses = map[string]string{}

// TestCSharpStoreData compares the table and procedure accesses of the C#
// store monolith with expected/data.tsv: no false access, every miss
// known.
func TestCSharpStoreData(t *testing.T) {
	dir := filepath.Join("..", "testdata", "csharp", "store")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 || g.Files[g.Types[d.From].File].Language != "csharp" {
			continue
		}
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
	}
	found := 0
	for e := range got {
		if want[e] {
			found++
		} else {
			t.Errorf("false access: %s", e)
		}
	}
	for e := range want {
		if got[e] {
			continue
		}
		if why, ok := csharpDataMisses[e]; ok {
			t.Logf("known miss (%s): %s", why, e)
		} else {
			t.Errorf("missed access: %s", e)
		}
	}
	t.Logf("accesses: %d expected, %d extracted, %d right; recall %.1f%%", len(want), len(got), found, 100*float64(found)/float64(max(len(want), 1)))
}

// TestCSharpResolution checks the rules of C# name resolution on small
// inline repositories: the exact set of edges and the names left
// unresolved.
func TestCSharpResolution(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		edges      []string
		unresolved []string
	}{
		{
			name: "enclosing namespaces outward, block and file-scoped",
			files: map[string]string{
				"A/Base.cs": "namespace Acme { public class Base { } }",
				"A/Sub/Thing.cs": `namespace Acme.Sub;
public class Thing : Base { Models.Item item; }`,
				"A/Sub/Models/Item.cs": "namespace Acme.Sub.Models { public class Item { } }",
			},
			edges: []string{"Acme.Sub.Thing extends Acme.Base", "Acme.Sub.Thing type-use Acme.Sub.Models.Item"},
		},
		{
			name: "using, alias, global using in another file, external names",
			files: map[string]string{
				"GlobalUsings.cs": "global using Acme.Shared;",
				"Shared.cs":       "namespace Acme.Shared; public class Clock { public static Clock Now() => new Clock(); }",
				"Orders/Order.cs": `using System.Text.Json;
using M = Acme.Models;
namespace Acme.Orders;
public class Order {
    M.Line line;
    JsonSerializerOptions options;
    Guid id;
    void F() { var c = Clock.Now(); }
}`,
				"Models/Line.cs": "namespace Acme.Models; public record Line(int Qty);",
			},
			edges: []string{"Acme.Orders.Order call Acme.Shared.Clock .Now", "Acme.Orders.Order type-use Acme.Models.Line"},
		},
		{
			name: "a name in no namespace in scope and no outside using is unresolved, never guessed",
			files: map[string]string{
				"A.cs": "namespace Acme.A; public class Widget { }",
				"B.cs": "namespace Acme.B; public class User { Widget w; Gadget g; }",
			},
			edges:      nil,
			unresolved: []string{"Gadget", "Widget"},
		},
		{
			name: "partial class: one type, members from every part, base list in one part",
			files: map[string]string{
				"P1.cs": "namespace N; public partial class Account : Entity { public Ledger Ledger { get; } }",
				"P2.cs": "namespace N; public partial class Account { public void Post() => Ledger.Add(); }",
				"E.cs":  "namespace N; public abstract class Entity { public void Touch() { } }",
				"L.cs":  "namespace N; public class Ledger { public void Add() { } }",
				"U.cs":  "namespace N; public class User { void F(Account a) { a.Touch(); a.Post(); } }",
			},
			edges: []string{
				"N.Account call N.Ledger .Add", "N.Account extends N.Entity", "N.Account type-use N.Ledger",
				"N.User call N.Account .Post", "N.User call N.Entity .Touch", "N.User type-use N.Account",
			},
		},
		{
			name: "interfaces implemented, interface extended, I-prefixed outside",
			files: map[string]string{
				"X.cs": `namespace N;
public interface IStore { }
public interface IOrderStore : IStore { }
public class SqlStore : Base, IOrderStore, IDisposable { public void Dispose() { } }
public class Base { }`,
			},
			edges: []string{"N.IOrderStore extends N.IStore", "N.SqlStore extends N.Base", "N.SqlStore implements N.IOrderStore"},
		},
		{
			name: "extension methods: in scope and fitting only",
			files: map[string]string{
				"Ext.cs": `namespace Acme.Ext;
public static class MoneyExt { public static decimal Rounded(this Money m) => m.Amount; }
public static class StringExt { public static string Shout(this string s) => s; }`,
				"Money.cs": "namespace Acme; public class Money { public decimal Amount; }",
				"Use.cs": `using Acme.Ext;
namespace Acme.App;
public class Use {
    void F(Money m, string s, Foo f) { m.Rounded(); s.Shout(); f.Rounded(); }
}`,
				"NoUse.cs": `namespace Acme.Other;
public class NoUse { void F(Money m) { m.Rounded(); } }`,
			},
			edges: []string{
				"Acme.App.Use call Acme.Ext.MoneyExt .Rounded", "Acme.App.Use call Acme.Ext.StringExt .Shout",
				"Acme.App.Use type-use Acme.Money", "Acme.Ext.MoneyExt type-use Acme.Money",
				// Out of scope, Rounded is no method of Money: the receiver's type.
				"Acme.Other.NoUse call Acme.Money .Rounded", "Acme.Other.NoUse type-use Acme.Money",
			},
			unresolved: []string{"Foo", "Foo.Rounded"},
		},
		{
			name: "using static, attributes, await, foreach and LINQ element types",
			files: map[string]string{
				"G.cs": "namespace N; public static class Guard { public static void Check(bool b) { } }",
				"A.cs": "namespace N; public sealed class TracedAttribute : System.Attribute { }",
				"R.cs": `namespace N; public class Repo { public Task<Item> GetAsync() => null; public List<Item> All() => null; }`,
				"I.cs": "namespace N; public class Item { public void Touch() { } }",
				"S.cs": `using static N.Guard;
namespace N;
[Traced]
public class Svc {
    Repo repo;
    async Task F() {
        Check(true);
        var item = await repo.GetAsync();
        item.Touch();
        foreach (var x in repo.All()) { x.Touch(); }
        repo.All().Where(y => y.Touch() != null).ToList();
    }
}`,
			},
			edges: []string{
				"N.Repo type-use N.Item",
				"N.Svc annotation N.TracedAttribute", "N.Svc call N.Guard .Check", "N.Svc call N.Item .Touch",
				"N.Svc call N.Repo .All", "N.Svc call N.Repo .GetAsync", "N.Svc type-use N.Repo",
			},
		},
		{
			name: "inherited property before type; delegates invoked are not calls",
			files: map[string]string{
				"B.cs": "namespace N; public class Base { protected Status Status { get; } protected Func<int, int> Map { get; } }",
				"S.cs": "namespace N; public class Status { public bool IsOpen() => true; }",
				"D.cs": "namespace N; public class Derived : Base { bool F() { Map(1); return Status.IsOpen(); } }",
			},
			edges: []string{"N.Base type-use N.Status", "N.Derived call N.Status .IsOpen", "N.Derived extends N.Base"},
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

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestCSharpPartialDuplicates checks that the parts of a partial type are
// not reported as duplicate declarations.
func TestCSharpPartialDuplicates(t *testing.T) {
	g := buildSources(t, map[string]string{
		"A.cs": "namespace N; public partial class P { }",
		"B.cs": "namespace N; public partial class P { }",
		"C.cs": "namespace N; public class Q { }",
		"D.cs": "namespace N; public class Q { }",
	})
	if !slices.Equal(g.Stats.DuplicateTypes, []string{"N.Q"}) {
		t.Errorf("duplicates = %q, want [N.Q]", g.Stats.DuplicateTypes)
	}
}
