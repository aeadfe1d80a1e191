package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/result"
)

// DOT is written as text, deterministic and diffable; Graphviz (see
// svg.go) only turns it into SVG at the end. Every name from the analysed
// code goes through dotString; node names are our own indexes ("c3"), so
// nothing untrusted ever appears outside a quoted string.

// Colours are from Okabe and Ito's palette, which stays distinct under
// the common colour blindnesses; every colour also has a non-colour cue
// (a shape, a line style or a word in the label).
const (
	colBlue       = "#0072B2"
	colBlueLight  = "#DCEAF5"
	colVermillion = "#D55E00"
	colOrange     = "#E69F00"
	colOrangeTint = "#FBEBC8"
	colGrey       = "#555555"
	colGreyLight  = "#EEEEEE"
	dotFont       = "Helvetica,Arial,sans-serif"
)

// Context-map limits: beyond these the diagram stops being readable, and
// the DSM and data matrix show everything instead.
const (
	mapEdgesPerNode = 2    // a candidate keeps its heaviest outgoing edges...
	mapEdgeShare    = 0.15 // ...and every edge at least this share of the heaviest
	mapMaxEdges     = 100
	mapMaxTables    = 15
	// On a force-directed map, tables touched by many candidates pull
	// everything together: fewer are drawn, joined only to their
	// writers.
	mapMaxTablesLarge = 6
	// Up to mapLayered candidates the map is drawn in layers (Graphviz's
	// dot), foundations at the bottom; beyond, layers grow too wide to
	// read and a force-directed layout (sfdp) keeps it compact, the
	// heaviest-coupled candidates in the middle.
	mapLayered = 15
	mapPrism   = 60
)

// mapLayout is the Graphviz layout engine of a context map of n
// candidates.
func mapLayout(n int) string {
	if n <= mapLayered {
		return "dot"
	}
	return "sfdp"
}

// dotString quotes s as a DOT string: backslashes and quotes escaped,
// line breaks as \n, other control characters dropped.
func dotString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f || r == 0xfffd:
			// dropped: Graphviz and XML reject most control characters
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// attrs renders DOT attributes in the order given: key, value pairs.
// Values are quoted with dotString.
func attrs(kv ...string) string {
	parts := make([]string, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, kv[i]+"="+dotString(kv[i+1]))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func ftoa(f float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

// mapEdges selects the candidate dependencies the context map draws:
// each candidate's heaviest outgoing edges, plus every edge of at least
// mapEdgeShare of the heaviest, at most mapMaxEdges, heaviest first.
func mapEdges(es []edge) []edge {
	if len(es) == 0 {
		return nil
	}
	top := es[0].Weight
	perNode := map[int]int{}
	var keep []edge
	for _, e := range es {
		perNode[e.From]++
		if perNode[e.From] <= mapEdgesPerNode || e.Weight >= mapEdgeShare*top {
			keep = append(keep, e)
		}
	}
	if len(keep) > mapMaxEdges {
		keep = keep[:mapMaxEdges]
	}
	return keep
}

// mapTables selects the shared tables the context map draws: the ones
// touched by the most candidates, then written by the most, then by name.
func mapTables(r *result.Result) []int {
	var idx []int
	for i, t := range r.Tables {
		if t.Shared && len(t.Accesses) > 1 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		ta, tb := r.Tables[a], r.Tables[b]
		return cmp.Or(cmp.Compare(len(tb.Accesses), len(ta.Accesses)), cmp.Compare(writers(tb), writers(ta)), strings.Compare(ta.Name, tb.Name))
	})
	limit := mapMaxTables
	if mapLayout(len(r.Candidates)) != "dot" {
		limit = mapMaxTablesLarge
	}
	if len(idx) > limit {
		idx = idx[:limit]
	}
	return idx
}

func writers(t result.TableUse) int {
	n := 0
	for _, a := range t.Accesses {
		if a.Writes > 0 {
			n++
		}
	}
	return n
}

// penwidth scales an edge weight against the heaviest to 1–6 points, on
// a square-root scale so that light edges stay visible.
func penwidth(w, top float64) float64 {
	if top <= 0 || w <= 0 {
		return 1
	}
	return 1 + 5*math.Sqrt(w/top)
}

// ContextMapDOT writes the context map of r as DOT: candidates as boxes
// sized by lines, the heaviest dependencies between them as arrows (a
// candidate points at what it uses) whose width grows with the weight,
// shared tables as cylinders joined to the candidates that touch them,
// and the shared kernel, when there is one, as one component node. Nodes
// link to "#candidate-ID" and "#table-N" in the HTML report.
func ContextMapDOT(w io.Writer, r *result.Result) error {
	_, err := io.WriteString(w, contextMapDOT(newLookup(r)))
	return err
}

func contextMapDOT(l *lookup) string {
	r := l.r
	var b strings.Builder
	b.WriteString("digraph \"context map\" {\n")
	layout := mapLayout(len(r.Candidates))
	if layout == "dot" {
		fmt.Fprintf(&b, "  graph %s;\n", attrs("layout", layout, "rankdir", "TB", "nodesep", "0.3", "ranksep", "0.5", "fontname", dotFont, "bgcolor", "transparent", "pad", "0.2"))
	} else {
		// Graphviz removes overlaps node by node (prism) in time that grows
		// fast; past mapPrism candidates the layout is scaled apart.
		overlap := "prism"
		if len(r.Candidates) > mapPrism {
			overlap = "scalexy"
		}
		fmt.Fprintf(&b, "  graph %s;\n", attrs("layout", layout, "overlap", overlap, "sep", "+8", "splines", "true", "fontname", dotFont, "bgcolor", "transparent", "pad", "0.2"))
	}
	// A wide margin: browsers draw the labels with their own fonts,
	// often wider than Graphviz's estimate.
	fmt.Fprintf(&b, "  node %s;\n", attrs("shape", "box", "style", "rounded,filled", "fontname", dotFont, "fontsize", "11", "color", colBlue, "fillcolor", colBlueLight, "penwidth", "1.2", "margin", "0.25,0.08"))
	fmt.Fprintf(&b, "  edge %s;\n", attrs("color", colGrey, "arrowsize", "0.7", "fontname", dotFont, "fontsize", "9"))

	maxLines := 1
	for _, c := range r.Candidates {
		maxLines = max(maxLines, c.Scores.Lines)
	}
	for i, c := range r.Candidates {
		sc := c.Scores
		size := math.Sqrt(float64(sc.Lines) / float64(maxLines))
		label := l.short[i] + "\n" + num(sc.Files) + " " + plural(sc.Files, "file") + " · " + num(sc.Lines) + " lines"
		class, extra := "cand", []string(nil)
		if l.cycleOf[i] >= 0 {
			label = "↻ " + label
			class = "cand cyc"
			extra = []string{"color", colVermillion, "penwidth", "2.5", "style", "rounded,filled,dashed"}
		}
		kv := append([]string{
			"id", fmt.Sprintf("cm-c%d", i),
			"class", class,
			"label", label,
			"URL", "#candidate-" + c.ID,
			"tooltip", fmt.Sprintf("%s: %s files, %s lines, cohesion %.2f", c.Name, num(sc.Files), num(sc.Lines), sc.Cohesion),
			"width", ftoa(1.2 + 1.8*size),
			"height", ftoa(0.5 + 0.7*size),
			"fontsize", ftoa(10 + 6*size),
		}, extra...)
		fmt.Fprintf(&b, "  c%d %s;\n", i, attrs(kv...))
	}

	// An edge against the layering of the DSM (towards a candidate that
	// comes later in its foundations-first order) closes a cycle: it is
	// drawn dashed and in vermillion, and left out of the ranking, so
	// the diagram's layers follow the matrix.
	es := l.candidateEdges()
	order, _ := dsmOrder(len(r.Candidates), es)
	pos := make([]int, len(order))
	for p, i := range order {
		pos[i] = p
	}
	shown := mapEdges(es)
	top := 0.0
	if len(es) > 0 {
		top = es[0].Weight
	}
	// Edges in the order of their ends, so the text reads like a list.
	slices.SortFunc(shown, func(a, b edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	for _, e := range shown {
		from, to := r.Candidates[e.From], r.Candidates[e.To]
		class, extra := "dep", []string(nil)
		if pos[e.To] > pos[e.From] {
			class = "dep back"
			extra = []string{"color", colVermillion, "style", "dashed", "constraint", "false"}
		}
		kv := append([]string{
			"id", fmt.Sprintf("cm-e%d-%d", e.From, e.To),
			"class", class,
			"penwidth", ftoa(penwidth(e.Weight, top)),
			"weight", fmt.Sprint(1 + int(math.Log1p(e.Weight))),
			"tooltip", from.Name + " uses " + to.Name + ": " + kindsText(e.Kinds),
		}, extra...)
		fmt.Fprintf(&b, "  c%d -> c%d %s;\n", e.From, e.To, attrs(kv...))
	}

	for _, ti := range mapTables(r) {
		t := r.Tables[ti]
		w := writers(t)
		label := t.Name + "\n" + fmt.Sprintf("written by %d", w)
		if ro := len(t.Accesses) - w; ro > 0 {
			label += fmt.Sprintf(", read by %d more", ro)
		}
		fmt.Fprintf(&b, "  t%d %s;\n", ti, attrs(
			"id", fmt.Sprintf("cm-t%d", ti), "class", "table", "shape", "cylinder", "style", "filled",
			"color", colOrange, "fillcolor", colOrangeTint, "label", label, "URL", fmt.Sprintf("#table-%d", ti),
			"tooltip", t.Name+": "+tableAccessText(l, t), "fontsize", "10"))
		for _, a := range t.Accesses {
			ci, ok := l.cand[a.Candidate]
			if !ok {
				continue
			}
			mark, style := "R", "dashed"
			switch {
			case a.Writes > 0 && a.Reads > 0:
				mark, style = "RW", "solid"
			case a.Writes > 0:
				mark, style = "W", "solid"
			case layout != "dot":
				continue // readers only on a layered map
			}
			fmt.Fprintf(&b, "  c%d -> t%d %s;\n", ci, ti, attrs("class", "tbl", "style", style, "arrowhead", "none", "color", colOrange, "label", mark, "weight", "0"))
		}
	}

	if n := len(r.Kernel); n > 0 {
		fmt.Fprintf(&b, "  kernel %s;\n", attrs("id", "cm-kernel", "class", "kernel", "shape", "component", "style", "filled",
			"color", colGrey, "fillcolor", colGreyLight, "URL", "#kernel",
			"label", fmt.Sprintf("shared kernel\n%d %s used by nearly everything\n(arrows to it not drawn)", n, plural(n, "type"))))
	}
	b.WriteString("}\n")
	return b.String()
}

// tableAccessText says who reads and writes a table: "orders writes 4,
// reads 2; billing reads 1".
func tableAccessText(l *lookup, t result.TableUse) string {
	var parts []string
	for _, a := range t.Accesses {
		var rw []string
		if a.Writes > 0 {
			rw = append(rw, "writes "+num(a.Writes))
		}
		if a.Reads > 0 {
			rw = append(rw, "reads "+num(a.Reads))
		}
		if a.Calls > 0 {
			rw = append(rw, "calls "+num(a.Calls))
		}
		if len(rw) == 0 {
			rw = []string{"touches"}
		}
		parts = append(parts, l.name(a.Candidate)+" "+strings.Join(rw, ", "))
	}
	return strings.Join(parts, "; ")
}

// packageDOT writes the package-level diagram of one candidate: its
// packages as boxes sized by their share of its lines, the dependencies
// between them as arrows. names are the packages (largest first), shares
// their share of lines, es the dependencies by index.
func packageDOT(title string, names []string, shares []float64, es []edge) string {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n", dotString(title))
	fmt.Fprintf(&b, "  graph %s;\n", attrs("rankdir", "TB", "nodesep", "0.25", "ranksep", "0.45", "fontname", dotFont, "bgcolor", "transparent", "pad", "0.1"))
	fmt.Fprintf(&b, "  node %s;\n", attrs("shape", "box", "style", "filled", "fontname", dotFont, "fontsize", "10", "color", colBlue, "fillcolor", colBlueLight))
	fmt.Fprintf(&b, "  edge %s;\n", attrs("color", colGrey, "arrowsize", "0.6"))
	prefix := dottedPrefix(names)
	for i, n := range names {
		label := n
		if prefix != "" && strings.HasPrefix(n, prefix+".") {
			label = "…" + n[len(prefix):]
		}
		fmt.Fprintf(&b, "  p%d %s;\n", i, attrs("label", fmt.Sprintf("%s\n%.0f%%", label, shares[i]*100), "tooltip", n,
			"width", ftoa(0.8+2*math.Sqrt(shares[i]))))
	}
	top := 0.0
	for _, e := range es {
		top = max(top, e.Weight)
	}
	for _, e := range es {
		fmt.Fprintf(&b, "  p%d -> p%d %s;\n", e.From, e.To, attrs("penwidth", ftoa(penwidth(e.Weight, top)), "tooltip", names[e.From]+" uses "+names[e.To]+": "+kindsText(e.Kinds)))
	}
	b.WriteString("}\n")
	return b.String()
}

// dottedPrefix returns the dotted prefix (whole segments) that every
// name shares, when it leaves something of each.
func dottedPrefix(names []string) string {
	if len(names) < 2 {
		return ""
	}
	prefix := strings.Split(names[0], ".")
	for _, n := range names[1:] {
		segs := strings.Split(n, ".")
		k := 0
		for k < len(prefix) && k < len(segs)-1 && prefix[k] == segs[k] {
			k++
		}
		prefix = prefix[:k]
	}
	if len(prefix) == len(strings.Split(names[0], ".")) {
		prefix = prefix[:len(prefix)-1]
	}
	return strings.Join(prefix, ".")
}
