package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// smallGraph is a graph of four types in three files and two packages,
// one of them named with a payload, and a table two types touch.
func smallGraph() (*graph.Graph, *result.Result) {
	evil := "com.acme.billing." + xssScript + xssAttr
	g := &graph.Graph{
		Packages: []graph.Package{{Name: "com.acme.orders", Files: []int{0, 1}}, {Name: "com.acme.billing", Files: []int{2}}},
		Files: []graph.File{
			{Path: "src/com/acme/orders/Order.java", Language: "java", Package: 0, Lines: 40, Types: []int{0, 1}},
			{Path: "src/com/acme/orders/Cart.java", Language: "java", Package: 0, Lines: 30, Types: []int{2}},
			{Path: "src/com/acme/billing/" + xssClose + ".java", Language: "java", Package: 1, Lines: 50, Types: []int{3}},
		},
		Types: []graph.Type{
			{Name: "com.acme.orders.Order", Simple: "Order", Kind: facts.Class, File: 0, Outer: -1},
			{Name: "com.acme.orders.Order.Line", Simple: "Line", Kind: facts.Record, File: 0, Outer: 0},
			{Name: "com.acme.orders.Cart", Simple: "Cart", Kind: facts.Class, File: 1, Outer: -1},
			{Name: evil, Simple: xssScript + xssAttr, Kind: facts.Interface, File: 2, Outer: -1},
		},
		Deps: []graph.Dep{
			{From: 0, To: 1, Kind: facts.TypeUse, Count: 2},
			{From: 2, To: 0, Kind: facts.Call, Member: "total", Count: 3},
			{From: 2, To: 1, Kind: facts.New, Count: 1},
			{From: 3, To: 0, Kind: facts.Call, Member: "total", Count: 4},
			{From: 3, To: 0, Kind: facts.TypeUse, Count: 1},
		},
		Data:     []graph.DataNode{{Name: "orders", Kind: "table", Declared: true, File: -1}},
		DataDeps: []graph.DataDep{{From: 0, Routine: -1, To: 0, Kind: facts.Writes, Count: 2}, {From: 3, Routine: -1, To: 0, Kind: facts.Reads, Count: 1}},
	}
	r := &result.Result{
		Schema:     result.Schema,
		Repository: result.Repository{Name: "acme"},
		Settings:   result.Settings{Weights: map[string]float64{"call": 1, "type-use": 0.5, "new": 1}},
		Candidates: []result.Candidate{
			{ID: "orders", Name: "orders", Members: []result.Member{
				{Path: g.Files[0].Path, Classes: []string{g.Types[0].Name, g.Types[1].Name}}, {Path: g.Files[1].Path, Classes: []string{g.Types[2].Name}}}},
			{ID: "billing", Name: "billing " + xssImg, Members: []result.Member{{Path: g.Files[2].Path, Classes: []string{evil}}}},
		},
		Packages:     []result.PackageMetrics{{Name: "com.acme.orders", Candidate: "orders"}, {Name: "com.acme.billing", Candidate: "billing"}},
		Dependencies: []result.CandidateDep{{From: "billing", To: "orders", Weight: 4.5, Kinds: map[string]int{"call": 4, "type-use": 1}}},
		Tables: []result.TableUse{{Name: "orders", Kind: "table", Owner: "orders", Shared: true,
			Accesses: []result.TableAccess{{Candidate: "orders", Writes: 2}, {Candidate: "billing", Reads: 1}}}},
	}
	return g, r
}

func TestExportLevels(t *testing.T) {
	g, r := smallGraph()
	for _, c := range []struct {
		level string
		nodes int
		edges string
	}{
		// Each edge: from → to weight.
		{"type", 5, "EVIL→com.acme.orders.Order 4.5|EVIL→table:orders 1|com.acme.orders.Cart→com.acme.orders.Order 3|com.acme.orders.Cart→com.acme.orders.Order.Line 1|com.acme.orders.Order→com.acme.orders.Order.Line 1|com.acme.orders.Order→table:orders 2"},
		{"file", 4, "src/com/acme/billing/EVILFILE→src/com/acme/orders/Order.java 4.5|src/com/acme/billing/EVILFILE→table:orders 1|src/com/acme/orders/Cart.java→src/com/acme/orders/Order.java 4|src/com/acme/orders/Order.java→table:orders 2"},
		{"package", 3, "com.acme.billing→com.acme.orders 4.5|com.acme.billing→table:orders 1|com.acme.orders→table:orders 2"},
	} {
		eg, err := FromGraph(g, r, c.level)
		if err != nil {
			t.Fatal(err)
		}
		if len(eg.Nodes) != c.nodes {
			t.Errorf("%s: %d nodes, want %d: %+v", c.level, len(eg.Nodes), c.nodes, eg.Nodes)
		}
		var got []string
		for _, e := range eg.Edges {
			got = append(got, e.From+"→"+e.To+" "+ftoa(e.Weight))
		}
		s := strings.Join(got, "|")
		s = strings.ReplaceAll(s, g.Types[3].Name, "EVIL")
		s = strings.ReplaceAll(s, xssClose+".java", "EVILFILE")
		if s != c.edges {
			t.Errorf("%s edges:\n got %s\nwant %s", c.level, s, c.edges)
		}
		for _, n := range eg.Nodes {
			if !n.isData() && n.Candidate == "" {
				t.Errorf("%s: node %s has no candidate", c.level, n.ID)
			}
		}
	}
	if _, err := FromGraph(g, r, "candidate"); err == nil {
		t.Errorf("FromGraph accepted level candidate")
	}
	cg := CandidateGraph(r)
	if len(cg.Nodes) != 3 || len(cg.Edges) != 3 {
		t.Errorf("candidate graph: %+v", cg)
	}
}

// TestGraphMLValid reads the GraphML back as XML: it is well formed, and
// every name, payloads included, comes back as it went in.
func TestGraphMLValid(t *testing.T) {
	g, r := smallGraph()
	for _, level := range []string{"type", "file", "package", "candidate"} {
		var eg *Graph
		if level == "candidate" {
			eg = CandidateGraph(r)
		} else {
			var err error
			if eg, err = FromGraph(g, r, level); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := eg.WriteGraphML(&buf); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Keys []struct {
				ID string `xml:"id,attr"`
			} `xml:"key"`
			Graph struct {
				Nodes []struct {
					ID   string `xml:"id,attr"`
					Data []struct {
						Key   string `xml:"key,attr"`
						Value string `xml:",chardata"`
					} `xml:"data"`
				} `xml:"node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"edge"`
			} `xml:"graph"`
		}
		dec := xml.NewDecoder(&buf)
		dec.Strict = true
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: not XML: %v", level, err)
		}
		if len(doc.Graph.Nodes) != len(eg.Nodes) || len(doc.Graph.Edges) != len(eg.Edges) || len(doc.Keys) != 9 {
			t.Errorf("%s: %d nodes, %d edges, %d keys read back", level, len(doc.Graph.Nodes), len(doc.Graph.Edges), len(doc.Keys))
		}
		for i, n := range doc.Graph.Nodes {
			if n.ID != eg.Nodes[i].ID {
				t.Errorf("%s: node id %q read back as %q", level, eg.Nodes[i].ID, n.ID)
			}
		}
		for i, e := range doc.Graph.Edges {
			if e.Source != eg.Edges[i].From || e.Target != eg.Edges[i].To {
				t.Errorf("%s: edge %v read back as %v", level, eg.Edges[i], e)
			}
		}
	}
}

func TestExportJSONAndDOT(t *testing.T) {
	g, r := smallGraph()
	eg, err := FromGraph(g, r, "type")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := eg.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Graph
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if len(back.Nodes) != len(eg.Nodes) || back.Level != "type" || back.Candidates["billing"] != r.Candidates[1].Name {
		t.Errorf("JSON read back: %+v", back)
	}
	buf.Reset()
	if err := eg.WriteDOT(&buf); err != nil {
		t.Fatal(err)
	}
	golden(t, "export-type.dot.golden", buf.Bytes())
	// Graphviz reads it, payloads and all.
	var svg bytes.Buffer
	if err := SVG(t.Context(), &svg, buf.String(), eg.Layout()); err != nil {
		t.Fatal(err)
	}
	if _, err := cleanSVG(svg.Bytes()); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, &svg); err != nil {
		t.Fatal(err)
	}
}
