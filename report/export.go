package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// Graph is a dependency graph at one level (type, file, package or
// candidate), for other tools: seams graph writes it as DOT, SVG, GraphML
// (Gephi, yEd) or JSON. Tables, views and routines are nodes too, joined
// to what reads and writes them.
type Graph struct {
	Level      string `json:"level"`
	Repository string `json:"repository"`
	Commit     string `json:"commit,omitempty"`
	// Candidates names the candidates that nodes belong to, by ID.
	Candidates map[string]string `json:"candidates"`
	Nodes      []GraphNode       `json:"nodes"`
	Edges      []GraphEdge       `json:"edges"`
}

// GraphNode is a node of an exported graph.
type GraphNode struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Kind is the type's kind (class, interface, enum...), or file,
	// package, candidate, or the kind of a data node (table, view,
	// procedure...).
	Kind      string `json:"kind"`
	Candidate string `json:"candidate,omitempty"` // the candidate's ID
	Package   string `json:"package,omitempty"`
	Path      string `json:"path,omitempty"`
	Lines     int    `json:"lines,omitempty"`
}

// GraphEdge is a dependency, all its references aggregated: Kinds counts
// them per kind, and Weight sums each kind's weight (the result's
// Settings.Weights; data accesses weigh 1) times its count.
type GraphEdge struct {
	From   string         `json:"from"`
	To     string         `json:"to"`
	Weight float64        `json:"weight"`
	Kinds  map[string]int `json:"kinds"`
}

// Levels are the levels a graph can be exported at.
var Levels = []string{"type", "file", "package", "candidate"}

// tableID names a data node apart from code nodes.
func tableID(name string) string { return "table:" + name }

// FromGraph exports g at level type, file or package; r says which
// candidate holds each node and how each kind of reference weighs.
func FromGraph(g *graph.Graph, r *result.Result, level string) (*Graph, error) {
	l := newLookup(r)
	out := newGraph(r, level)
	candID := func(i int) string {
		if i >= 0 {
			return r.Candidates[i].ID
		}
		return ""
	}
	pkgCand := map[string]string{}
	for _, p := range r.Packages {
		pkgCand[p.Name] = p.Candidate
	}
	// node returns the exported node of type t at the level.
	var node func(t int) string
	switch level {
	case "type":
		for _, t := range g.Types {
			f := g.Files[t.File]
			out.Nodes = append(out.Nodes, GraphNode{ID: t.Name, Label: t.Simple, Kind: string(t.Kind),
				Candidate: candID(l.candOfType(t.Name)), Package: g.Packages[f.Package].Name, Path: f.Path})
		}
		node = func(t int) string { return g.Types[t].Name }
	case "file":
		for _, f := range g.Files {
			c := -1
			if i, ok := l.fileCand[f.Path]; ok {
				c = i
			}
			out.Nodes = append(out.Nodes, GraphNode{ID: f.Path, Label: f.Path[strings.LastIndexByte(f.Path, '/')+1:], Kind: "file",
				Candidate: candID(c), Package: g.Packages[f.Package].Name, Path: f.Path, Lines: f.Lines})
		}
		node = func(t int) string { return g.Files[g.Types[t].File].Path }
	case "package":
		for _, p := range g.Packages {
			lines := 0
			for _, f := range p.Files {
				lines += g.Files[f].Lines
			}
			out.Nodes = append(out.Nodes, GraphNode{ID: p.Name, Label: p.Name, Kind: "package", Candidate: pkgCand[p.Name], Lines: lines})
		}
		node = func(t int) string { return g.Packages[g.Files[g.Types[t].File].Package].Name }
	default:
		return nil, fmt.Errorf("level %q: the dependency graph exports at level type, file or package", level)
	}

	edges := map[[2]string]*GraphEdge{}
	add := func(from, to, kind string, n int, w float64) {
		if from == to {
			return
		}
		e := edges[[2]string{from, to}]
		if e == nil {
			e = &GraphEdge{From: from, To: to, Kinds: map[string]int{}}
			edges[[2]string{from, to}] = e
		}
		e.Kinds[kind] += n
		e.Weight += float64(n) * w
	}
	weights := map[graph.EdgeKind]float64{}
	for k, w := range r.Settings.Weights {
		weights[graph.EdgeKind(k)] = w
	}
	for _, d := range g.Deps {
		w := d.KindWeight(weights)
		if _, ok := weights[d.Kind]; !ok {
			w = 1
		}
		add(node(d.From), node(d.To), string(d.Kind), d.Count, w)
	}
	for _, dn := range g.Data {
		out.Nodes = append(out.Nodes, GraphNode{ID: tableID(dn.Name), Label: dn.Name, Kind: dn.Kind})
	}
	for _, d := range g.DataDeps {
		from := ""
		switch {
		case d.From >= 0:
			from = node(d.From)
		case d.Routine >= 0:
			from = tableID(g.Data[d.Routine].Name)
		default:
			continue
		}
		add(from, tableID(g.Data[d.To].Name), string(d.Kind), d.Count, 1)
	}
	out.Edges = sortedEdges(edges)
	slices.SortFunc(out.Nodes, func(a, b GraphNode) int { return strings.Compare(a.ID, b.ID) })
	out.Nodes = slices.CompactFunc(out.Nodes, func(a, b GraphNode) bool { return a.ID == b.ID })
	return out, nil
}

// CandidateGraph exports the candidates of r, the dependencies between
// them and the tables they read and write: what result.json alone holds.
func CandidateGraph(r *result.Result) *Graph {
	out := newGraph(r, "candidate")
	for _, c := range r.Candidates {
		out.Nodes = append(out.Nodes, GraphNode{ID: c.ID, Label: c.Name, Kind: "candidate", Lines: c.Scores.Lines})
	}
	edges := map[[2]string]*GraphEdge{}
	for _, d := range r.Dependencies {
		edges[[2]string{d.From, d.To}] = &GraphEdge{From: d.From, To: d.To, Weight: d.Weight, Kinds: maps.Clone(d.Kinds)}
	}
	for _, t := range r.Tables {
		out.Nodes = append(out.Nodes, GraphNode{ID: tableID(t.Name), Label: t.Name, Kind: kindOr(t.Kind, "table"), Candidate: t.Owner})
		for _, a := range t.Accesses {
			e := &GraphEdge{From: a.Candidate, To: tableID(t.Name), Kinds: map[string]int{}}
			for k, n := range map[string]int{"reads": a.Reads, "writes": a.Writes, "calls": a.Calls} {
				if n > 0 {
					e.Kinds[k] = n
					e.Weight += float64(n)
				}
			}
			edges[[2]string{e.From, e.To}] = e
		}
	}
	out.Edges = sortedEdges(edges)
	slices.SortFunc(out.Nodes, func(a, b GraphNode) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func newGraph(r *result.Result, level string) *Graph {
	g := &Graph{Level: level, Repository: r.Repository.Name, Commit: r.Repository.Commit, Candidates: map[string]string{}}
	for _, c := range r.Candidates {
		g.Candidates[c.ID] = c.Name
	}
	return g
}

func sortedEdges(m map[[2]string]*GraphEdge) []GraphEdge {
	out := make([]GraphEdge, 0, len(m))
	for _, e := range m {
		e.Weight = math.Round(e.Weight*1000) / 1000
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b GraphEdge) int { return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To)) })
	return out
}

// isData says whether a node is a table, view or routine.
func (n GraphNode) isData() bool { return strings.HasPrefix(n.ID, "table:") }

// WriteJSON writes the graph as JSON, one node and one edge per line.
func (g *Graph) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(g); err != nil {
		return err
	}
	_, err := w.Write(indent(buf.Bytes(), nil, 2))
	return err
}

// Layout is the Graphviz engine that draws the graph best: layers for
// small graphs, a force-directed layout beyond a few hundred nodes.
func (g *Graph) Layout() string {
	if len(g.Nodes) <= 300 {
		return "dot"
	}
	return "sfdp"
}

// WriteDOT writes the graph as DOT. In a graph small enough for layers
// (see Layout), code nodes are grouped in one cluster per candidate; data
// nodes are cylinders. Edge widths grow with the weight; each node's
// tooltip is its ID, and its candidate when it has one.
func (g *Graph) WriteDOT(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n", dotString(g.Repository+" "+g.Level+"s"))
	layered := g.Layout() == "dot"
	if layered {
		fmt.Fprintf(&b, "  graph %s;\n", attrs("layout", "dot", "rankdir", "LR", "fontname", dotFont, "nodesep", "0.2"))
	} else {
		// Removing overlaps node by node, or keeping clusters, takes
		// minutes at this size: the layout is scaled apart instead.
		fmt.Fprintf(&b, "  graph %s;\n", attrs("layout", "sfdp", "overlap", "scalexy", "fontname", dotFont))
	}
	fmt.Fprintf(&b, "  node %s;\n", attrs("shape", "box", "style", "filled", "fontname", dotFont, "fontsize", "10", "color", colBlue, "fillcolor", colBlueLight))
	fmt.Fprintf(&b, "  edge %s;\n", attrs("color", colGrey, "arrowsize", "0.6"))
	// Clusters in the order of the candidates' IDs; nodes without a
	// candidate, and data nodes, at the top level.
	byCand := map[string][]GraphNode{}
	for _, n := range g.Nodes {
		c := n.Candidate
		if n.isData() || g.Level == "candidate" || !layered {
			c = ""
		}
		byCand[c] = append(byCand[c], n)
	}
	nodeLine := func(indent string, n GraphNode) {
		tip := n.ID
		if name := g.Candidates[n.Candidate]; name != "" && !n.isData() {
			tip += " (" + name + ")"
		}
		kv := []string{"label", n.Label, "tooltip", tip}
		if n.isData() {
			kv = append(kv, "shape", "cylinder", "color", colOrange, "fillcolor", colOrangeTint)
		}
		fmt.Fprintf(&b, "%s%s %s;\n", indent, dotString(n.ID), attrs(kv...))
	}
	for k, c := range slices.Sorted(maps.Keys(byCand)) {
		if c == "" {
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s {\n", dotString(fmt.Sprintf("cluster_%d", k)))
		label := g.Candidates[c]
		if label == "" {
			label = c
		}
		fmt.Fprintf(&b, "    graph %s;\n", attrs("label", label, "style", "rounded", "color", colGrey, "fontname", dotFont))
		for _, n := range byCand[c] {
			nodeLine("    ", n)
		}
		b.WriteString("  }\n")
	}
	for _, n := range byCand[""] {
		nodeLine("  ", n)
	}
	top := 0.0
	for _, e := range g.Edges {
		top = max(top, e.Weight)
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s %s;\n", dotString(e.From), dotString(e.To), attrs("penwidth", ftoa(penwidth(e.Weight, top)), "tooltip", kindsText(e.Kinds)))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteGraphML writes the graph as GraphML, with the node and edge
// attributes declared as keys, so that Gephi and yEd import them.
func (g *Graph) WriteGraphML(w io.Writer) error {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s)) // invalid XML characters become U+FFFD
		return e.String()
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	keys := [][4]string{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"candidate", "node", "candidate", "string"},
		{"package", "node", "package", "string"}, {"path", "node", "path", "string"}, {"lines", "node", "lines", "int"},
		{"weight", "edge", "weight", "double"}, {"references", "edge", "references", "int"}, {"kinds", "edge", "kinds", "string"},
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k[0], k[1], k[2], k[3])
	}
	fmt.Fprintf(&b, "  <graph id=\"%s\" edgedefault=\"directed\">\n", esc(g.Repository+" "+g.Level+"s"))
	data := func(key, value string) {
		if value != "" {
			fmt.Fprintf(&b, "      <data key=%q>%s</data>\n", key, esc(value))
		}
	}
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "    <node id=\"%s\">\n", esc(n.ID))
		data("label", n.Label)
		data("kind", n.Kind)
		data("candidate", n.Candidate)
		data("package", n.Package)
		data("path", n.Path)
		if n.Lines > 0 {
			data("lines", fmt.Sprint(n.Lines))
		}
		b.WriteString("    </node>\n")
	}
	for i, e := range g.Edges {
		fmt.Fprintf(&b, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, esc(e.From), esc(e.To))
		data("weight", ftoa(e.Weight))
		refs := 0
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(e.Kinds)) {
			refs += e.Kinds[k]
			parts = append(parts, fmt.Sprintf("%s:%d", k, e.Kinds[k]))
		}
		data("references", fmt.Sprint(refs))
		data("kinds", strings.Join(parts, " "))
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// WriteFile writes data to path whole or not at all (through a temporary
// file in the same directory, renamed).
func WriteFile(path string, data []byte) error { return writeFile(path, data) }
