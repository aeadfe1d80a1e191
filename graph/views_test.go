package graph_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// viewsShopMisses are the edges of testdata/views/shop that the resolver
// does not find, each for a known reason.
var viewsShopMisses = map[string]string{
	// View(latest), latest an await of a call: its type is not known, and
	// a string would be a view's name, not a model.
	"Shop.Web.Controllers.HomeController\tcall\tdotnet/Views/Home/Latest.cshtml": "View(x), x of unknown type",
}

// TestViewsShopEdges compares the edges to, from and between the
// templates of testdata/views/shop (Spring MVC with Thymeleaf and JSP,
// Stripes, Rails, Laravel, ASP.NET MVC, Symfony; controllers' renders
// implicit and explicit) with the edges written
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
	compareTruth(t, "edge", "edges", want, got, viewsShopMisses)
	// What cannot be placed is counted, never guessed: owners/missing,
	// com.acme.model.Gone, shared/missing, _Missing, blog/_gone.html.twig
	// in templates; render :missing, view('orders.gone'),
	// render('blog/gone.html.twig') and View("Missing") in controllers.
	// Names from packages (mail::message, @Twig/...) are external; a
	// variable (View(name), view('orders.' . $name)) is no reference.
	if u := g.Stats.ByLanguage["view"].Unresolved; u != 9 {
		t.Errorf("unresolved template references: got %d, want 9", u)
	}
	if r := g.Stats.ByKind["render"]; r.External != 2 {
		t.Errorf("external renders: got %d, want 2 (mail::message, @Twig/Exception/error.html.twig)", r.External)
	}
}
