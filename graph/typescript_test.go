package graph_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/graph"
)

// typescriptBazaarMisses are the edges of testdata/typescript/bazaar that
// the resolver does not find, each for a known reason.
var typescriptBazaarMisses = map[string]string{
	// found.map((p) => p.price()): p is the untyped parameter of a callback
	// over an array returned by a library (TypeORM's findByIds); element
	// types are not inferred through library generics or callbacks.
	"src/catalog.CatalogService\tcall\tsrc/catalog.Product": "untyped callback parameter",
}

// typescriptBazaarDataMisses are the table accesses not found.
var typescriptBazaarDataMisses = map[string]string{}

func bazaar(t *testing.T) (string, *graph.Graph) {
	dir := filepath.Join("..", "testdata", "typescript", "bazaar")
	return dir, build(t, dir)
}

// TestTypeScriptBazaarEdges compares every distinct type-level edge
// extracted from the TypeScript monolith with the edges written down by
// hand: precision must be 100%, recall at least 90%, every miss known.
func TestTypeScriptBazaarEdges(t *testing.T) {
	dir, g := bazaar(t)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "edges.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.Deps {
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Types[d.To].Name] = true
	}
	compareTruth(t, "edge", "edges", want, got, typescriptBazaarMisses)
}

// TestTypeScriptBazaarData compares the table accesses of the code with
// expected/data.tsv.
func TestTypeScriptBazaarData(t *testing.T) {
	dir, g := bazaar(t)
	want := map[string]bool{}
	for _, r := range readRows(t, filepath.Join(dir, "expected", "data.tsv")) {
		want[strings.Join(r, "\t")] = true
	}
	got := map[string]bool{}
	for _, d := range g.DataDeps {
		if d.From < 0 {
			continue
		}
		if l := g.Files[g.Types[d.From].File].Language; l != "typescript" && l != "javascript" {
			continue
		}
		got[g.Types[d.From].Name+"\t"+string(d.Kind)+"\t"+g.Data[d.To].Name] = true
	}
	compareTruth(t, "access", "accesses", want, got, typescriptBazaarDataMisses)
}

// TestTypeScriptBazaarTables compares the declared tables and their mapped
// types with expected/tables.tsv.
func TestTypeScriptBazaarTables(t *testing.T) {
	dir, g := bazaar(t)
	var want, got []string
	for _, r := range readRows(t, filepath.Join(dir, "expected", "tables.tsv")) {
		want = append(want, strings.Join(r, "\t"))
	}
	for _, n := range g.Data {
		var ents []string
		for _, e := range n.Entities {
			ents = append(ents, g.Types[e].Name)
		}
		got = append(got, n.Name+"\t"+n.Kind+"\t"+strings.Join(ents, ","))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("tables differ:\nwant:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestTypeScriptResolution checks module resolution and name binding on
// small inline repositories: the exact set of edges and the names left
// unresolved.
func TestTypeScriptResolution(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		edges      []string
		unresolved []string
	}{
		{
			name: "extension probing, index, ESM .js written for .ts",
			files: map[string]string{
				"a/b.ts":       "import { C } from './c.js';\nimport { D } from './d';\nexport class B extends C { d: D; }",
				"a/c.ts":       "export class C {}",
				"a/d/index.ts": "export interface D {}",
			},
			edges: []string{"a.B extends a.C", "a.B type-use a/d.D"},
		},
		{
			name: "tsconfig paths from an extended config, baseUrl",
			files: map[string]string{
				"tsconfig.json":      `{ "extends": "./configs/base", "compilerOptions": { "baseUrl": "src" } }`,
				"configs/base.json":  `{ "compilerOptions": { "paths": { "#lib/*": ["../lib/*"] } } }`,
				"lib/util.ts":        "export function clamp(x: number) { return x; }",
				"src/app/main.ts":    "import { clamp } from '#lib/util';\nimport { Model } from 'app/model';\nclamp(new Model().v);",
				"src/app/model.ts":   "export class Model { v = 1; }",
				"src/app/unknown.ts": "import { Nope } from './nope';\nnew Nope();",
			},
			edges:      []string{"src/app.main call lib.util", "src/app.main new src/app.Model"},
			unresolved: []string{"Nope"},
		},
		{
			name: "scripts: page globals are external, calls on untyped values no reference",
			files: map[string]string{
				"web/js/cart.js": "function add(item) {\n  $('#cart').append(item.name);\n  item.tags.push('x');\n  undeclared();\n}",
				"web/js/app.ts":  "undeclared();",
			},
			unresolved: []string{"undeclared()"},
		},
		{
			name: "workspace package by name, entry under src",
			files: map[string]string{
				"packages/core/package.json": `{ "name": "@acme/core", "main": "dist/index.js" }`,
				"packages/core/src/index.ts": "export * from './thing';",
				"packages/core/src/thing.ts": "export class Thing { static make() { return new Thing(); } }",
				"packages/app/src/use.ts":    "import { Thing } from '@acme/core';\nimport lodash from 'lodash';\nexport const t = Thing.make();\nlodash.chunk([]);",
				"packages/app/package.json":  `{ "name": "@acme/app" }`,
			},
			edges: []string{"packages/app/src.use call packages/core/src.Thing"},
		},
		{
			name: "CommonJS: module.exports class, exports.f, destructured require",
			files: map[string]string{
				"lib/repo.js": "class Repo { find() {} }\nmodule.exports = Repo;",
				"lib/fns.js":  "exports.helper = function () {};\nexports.other = () => 1;",
				"app.js":      "const Repo = require('./lib/repo');\nconst { helper } = require('./lib/fns');\nconst r = new Repo();\nr.find();\nhelper();",
			},
			edges: []string{"app call lib.Repo", "app call lib.fns", "app new lib.Repo"},
		},
		{
			name: "function passed as a value is a method-ref; a local shadows an import",
			files: map[string]string{
				"h.ts": "export function handler() {}\nexport class Svc {}",
				"r.ts": "import { handler, Svc } from './h';\non('x', handler);\nfunction f(Svc: any) { new Svc(); }",
			},
			edges: []string{"r method-ref h"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, src := range tc.files {
				full := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			g := build(t, dir)
			var edges []string
			for _, d := range g.Deps {
				edges = append(edges, g.Types[d.From].Name+" "+string(d.Kind)+" "+g.Types[d.To].Name)
			}
			slices.Sort(edges)
			edges = slices.Compact(edges)
			want := slices.Clone(tc.edges)
			slices.Sort(want)
			if !slices.Equal(edges, want) {
				t.Errorf("edges:\n got %q\nwant %q", edges, want)
			}
			var unres []string
			for _, n := range g.Stats.TopUnresolved {
				unres = append(unres, n.Name)
			}
			slices.Sort(unres)
			if tc.unresolved != nil && !slices.Equal(unres, tc.unresolved) {
				t.Errorf("unresolved: got %q, want %q", unres, tc.unresolved)
			}
		})
	}
}
