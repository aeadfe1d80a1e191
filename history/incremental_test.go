package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// edit is a change to one file of the shop, as a commit makes it.
type edit struct {
	path, old, new string
}

// TestIncrementalMatchesFull builds the graphs of a history of commits
// (body changes, a new import, a new method, a removed file) both ways:
// the incremental graph must equal the full build at every commit.
func TestIncrementalMatchesFull(t *testing.T) {
	root := filepath.Join("..", "testdata", "java", "shop")
	ctx := context.Background()
	l, err := repo.List(ctx, root, repo.Options{Match: parsers.IsSource, Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	src := map[string]string{}
	for _, f := range l.Files {
		data, err := os.ReadFile(filepath.Join(l.Root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		src[f.Path] = string(data)
	}
	const (
		catalog   = "src/main/java/com/acme/shop/catalog/service/CatalogServiceImpl.java"
		invoicing = "src/main/java/com/acme/shop/billing/service/InvoicingService.java"
	)
	commits := []struct {
		name    string
		edits   []edit
		partial bool
	}{
		{"first", nil, false},
		{"a call in a body", []edit{{catalog, "        return products.findById(id);\n", "        products.toString();\n        return products.findById(id);\n"}}, true},
		{"calls in two files", []edit{
			{catalog, "        products.toString();\n", "        products.hashCode();\n        new com.acme.shop.billing.service.PaymentException(\"x\");\n"},
			{invoicing, "    public Invoice invoiceFor(OrderId orderId) {\n", "    public Invoice invoiceFor(OrderId orderId) {\n        orderPlaced(null);\n"},
		}, true},
		{"an import", []edit{{invoicing, "package com.acme.shop.billing.service;\n", "package com.acme.shop.billing.service;\n\nimport java.util.Map;\n"}}, false},
		{"a method", []edit{{invoicing, "    public Invoice invoiceFor(OrderId orderId) {\n", "    public int extra() {\n        return 1;\n    }\n\n    public Invoice invoiceFor(OrderId orderId) {\n"}}, false},
		{"lines shifted, nothing declared", []edit{{invoicing, "package com.acme.shop.billing.service;\n", "package com.acme.shop.billing.service;\n\n\n"}}, true},
	}
	var inc Incremental
	byContent := map[string]*facts.File{} // unchanged content keeps its facts pointer
	for i, c := range commits {
		for _, e := range c.edits {
			if !strings.Contains(src[e.path], e.old) {
				t.Fatalf("%s: %s lacks %q", c.name, e.path, e.old)
			}
			src[e.path] = strings.Replace(src[e.path], e.old, e.new, 1)
		}
		var inputs []parsers.Input
		paths := slices.Sorted(func(yield func(string) bool) {
			for p := range src {
				if !yield(p) {
					return
				}
			}
		})
		for _, p := range paths {
			if _, ok := byContent[p+"\x00"+src[p]]; !ok {
				inputs = append(inputs, parsers.Input{Path: p, Src: []byte(src[p])})
			}
		}
		parsed, err := parsers.ParseContents(ctx, inputs, parsers.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range parsed.Files {
			byContent[f.Path+"\x00"+src[f.Path]] = f
		}
		var files []*facts.File
		for _, p := range paths {
			if f := byContent[p+"\x00"+src[p]]; f != nil {
				files = append(files, f)
			}
		}
		partialBefore := inc.Partial
		got, err := inc.Build(ctx, files, 0)
		if err != nil {
			t.Fatal(err)
		}
		if partial := inc.Partial > partialBefore; partial != c.partial {
			t.Errorf("commit %d (%s): partial build %v, want %v", i, c.name, partial, c.partial)
		}
		want, err := graph.Build(ctx, files, 0)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := depList(got), depList(want); !reflect.DeepEqual(g, w) {
			t.Errorf("commit %d (%s): dependencies differ from a full build:\n%s\nwant:\n%s", i, c.name, strings.Join(g, "\n"), strings.Join(w, "\n"))
		}
		if !reflect.DeepEqual(got.Types, want.Types) || !reflect.DeepEqual(got.Files, want.Files) || !reflect.DeepEqual(got.DataDeps, want.DataDeps) {
			t.Errorf("commit %d (%s): types, files or data differ from a full build", i, c.name)
		}
		if !reflect.DeepEqual(got.Deps, want.Deps) {
			t.Errorf("commit %d (%s): dependencies not in the full build's order", i, c.name)
		}
	}
}

func depList(g *graph.Graph) []string {
	var out []string
	for _, d := range g.Deps {
		out = append(out, fmt.Sprintf("%s -> %s %s %s x%d @%d", g.Types[d.From].Name, g.Types[d.To].Name, d.Kind, d.Member, d.Count, d.Line))
	}
	return out
}
