package graph_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// viewsShopMisses are the edges of testdata/views/shop that the resolver
// does not find, each for a known reason.
var viewsShopMisses = map[string]string{
	// View(model) renders the action's view, View("name") another: the
	// C# facts count a call's arguments but do not say what they are.
	"Shop.Web.Controllers.HomeController\tcall\tdotnet/Views/Home/About.cshtml": "View(model)",
}

// TestViewsShopEdges compares the edges to, from and between the
// templates of testdata/views/shop (Spring MVC with Thymeleaf and JSP,
// Stripes, Rails, Laravel, ASP.NET MVC, Symfony) with the edges written
// down by hand: precision must be 100%, recall at least 90%, every miss a
// known one.
func TestViewsShopEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "views", "shop")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		from, to := g.Types[d.From], g.Types[d.To]
		if g.Files[from.File].Language != "view" && g.Files[to.File].Language != "view" {
			continue // code to code: the languages' own tests
		}
		got[from.Name+"\t"+string(d.Kind)+"\t"+to.Name] = true
	}
	checkTruth(t, "edges", want, got, viewsShopMisses)
	// What cannot be placed is counted, never guessed: owners/missing,
	// com.acme.model.Gone, shared/missing, _Missing, blog/_gone.html.twig.
	if u := g.Stats.ByLanguage["view"].Unresolved; u != 5 {
		t.Errorf("unresolved template references: got %d, want 5", u)
	}
}
