package graph_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// kotlinBookshopMisses are the edges of testdata/kotlin/bookshop that the
// resolver does not find, each for a known reason.
var kotlinBookshopMisses = map[string]string{
	// `mutableListOf<EventListener>()`: EventListener is a type alias of
	// (DomainEvent) -> Unit. An alias is not a type of the graph and its
	// uses are not expanded into the types it names.
	"com.acme.books.ordering.service.CheckoutService\ttype-use\tcom.acme.books.common.DomainEvent": "type alias",
}

// TestKotlinBookshopEdges compares every distinct type-level edge
// extracted from the Kotlin bookshop monolith (and its three Java files)
// with the edges written down by hand: precision must be 100%, recall at
// least 90%, and every missed edge a known miss.
func TestKotlinBookshopEdges(t *testing.T) {
	dir := filepath.Join("..", "testdata", "kotlin", "bookshop")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Types[d.To].Name] = true
	}
	compareTruth(t, "edge", "edges", want, got, kotlinBookshopMisses)
}

// kotlinDataMisses are the table accesses of testdata/kotlin/bookshop not
// found, each for a known reason.
var kotlinDataMisses = map[string]string{
	// @Query("select b from Book b join b.author a ..."): a join along an
	// association names no entity; its target (Author) is known only from
	// the mapping, which JPQL reading does not consult (as for Java).
	"com.acme.books.catalog.data.BookRepository\treads\tauthor": "JPQL path join",
}

// TestKotlinBookshopData compares the table accesses of the Kotlin
// bookshop monolith's Kotlin code with expected/data.tsv: no false
// access, recall at least 90%, every miss a known one.
func TestKotlinBookshopData(t *testing.T) {
	dir := filepath.Join("..", "testdata", "kotlin", "bookshop")
	g := build(t, dir)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 || g.Files[g.Types[d.From].File].Language != "kotlin" {
			continue
		}
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
	}
	compareTruth(t, "access", "accesses", want, got, kotlinDataMisses)
}
