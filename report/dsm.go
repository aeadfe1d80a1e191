package report

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// A dependency structure matrix lists the same elements as rows and
// columns; the cell at row A, column B says how much A uses B. The order
// puts what is used before what uses it (a topological order of the
// strongly connected components, foundations first), so that in a
// layered design every mark falls below the diagonal. Elements in a cycle
// are kept together as a group, ordered to keep as little weight as
// possible above the diagonal (see groupOrder). A mark above the diagonal
// is a dependency that goes against the layering: it closes a cycle.

type dsmView struct {
	Rows   []dsmRow
	Heads  []dsmHead
	Groups int // cycles (groups of more than one element)
	Back   int // marks above the diagonal
	Marks  int // marks in all
	order  []int
}

type dsmHead struct {
	N     int // 1-based position
	Name  string
	Link  string
	Group int // 1-based cycle group, 0 when not in a cycle
}

type dsmRow struct {
	Head  dsmHead
	Cells []dsmCell
}

type dsmCell struct {
	Text    string
	Title   string
	Shade   int  // 0 (empty) to 4 (heaviest)
	Back    bool // above the diagonal: against the layering
	Diag    bool
	InGroup bool // row and column are in the same cycle group
}

// dsmOrder returns the display order of n elements with the given
// dependencies, and the cycle group of each element (0: none).
func dsmOrder(n int, es []edge) (order []int, group []int) {
	g := simple.NewDirectedGraph()
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, e := range es {
		if e.From != e.To {
			g.SetEdge(g.NewEdge(simple.Node(e.From), simple.Node(e.To)))
		}
	}
	byID := func(ns []graph.Node) {
		slices.SortFunc(ns, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	}
	sorted, err := topo.SortStabilized(g, byID)
	var sccs topo.Unorderable
	if err != nil && !errors.As(err, &sccs) {
		panic(err) // SortStabilized returns no other error
	}
	group = make([]int, n)
	for gi, sc := range sccs {
		for _, nd := range sc {
			group[nd.ID()] = gi + 1
		}
	}
	// sorted runs from users to what they use, with nil where a group
	// goes; it is reversed below for foundations first.
	next := 0
	var users []int
	for _, nd := range sorted {
		if nd != nil {
			users = append(users, int(nd.ID()))
			continue
		}
		ids := groupOrder(sccs[next], es)
		next++
		slices.Reverse(ids)
		users = append(users, ids...)
	}
	slices.Reverse(users)
	// Renumber groups in display order.
	renum := map[int]int{}
	for _, i := range users {
		if g := group[i]; g != 0 {
			if _, ok := renum[g]; !ok {
				renum[g] = len(renum) + 1
			}
		}
	}
	for i := range group {
		group[i] = renum[group[i]]
	}
	return users, group
}

// groupOrder orders the members of one cycle group so that as little
// dependency weight as possible goes against the order: the greedy
// heuristic of Eades, Lin and Smyth for the feedback arc set, weighted.
// Repeatedly, a member that uses nothing left in the group goes next
// from the front, a member nothing left uses goes next from the back,
// and otherwise the member most used (by weight) relative to how much it
// uses goes to the front. Ties go to the lowest index.
func groupOrder(members []graph.Node, es []edge) []int {
	in := map[int]bool{}
	for _, m := range members {
		in[int(m.ID())] = true
	}
	var inner []edge
	for _, e := range es {
		if e.From != e.To && in[e.From] && in[e.To] {
			inner = append(inner, e)
		}
	}
	left := slices.Sorted(maps.Keys(in))
	var front, back []int
	for len(left) > 0 {
		uses, usedBy := map[int]float64{}, map[int]float64{}
		alive := map[int]bool{}
		for _, i := range left {
			alive[i] = true
		}
		for _, e := range inner {
			if alive[e.From] && alive[e.To] {
				uses[e.From] += e.Weight
				usedBy[e.To] += e.Weight
			}
		}
		pick, toFront := -1, true
		for _, i := range left {
			if uses[i] == 0 {
				pick = i
				break
			}
		}
		if pick < 0 {
			for _, i := range left {
				if usedBy[i] == 0 {
					pick, toFront = i, false
					break
				}
			}
		}
		if pick < 0 {
			best := math.Inf(-1)
			for _, i := range left {
				if d := usedBy[i] - uses[i]; d > best {
					pick, best = i, d
				}
			}
		}
		if toFront {
			front = append(front, pick)
		} else {
			back = append(back, pick)
		}
		left = slices.DeleteFunc(left, func(i int) bool { return i == pick })
	}
	slices.Reverse(back)
	return append(front, back...)
}

// buildDSM lays out the matrix of the named elements; links are their
// fragments in the page ("" for none); what names what the cell counts.
func buildDSM(names, links []string, es []edge) dsmView {
	n := len(names)
	order, group := dsmOrder(n, es)
	pos := make([]int, n)
	for p, i := range order {
		pos[i] = p
	}
	heads := make([]dsmHead, n)
	for p, i := range order {
		heads[p] = dsmHead{N: p + 1, Name: names[i], Link: links[i], Group: group[i]}
	}
	cells := make([][]dsmCell, n)
	for p := range cells {
		cells[p] = make([]dsmCell, n)
		for q := range cells[p] {
			cells[p][q] = dsmCell{Diag: p == q, InGroup: heads[p].Group != 0 && heads[p].Group == heads[q].Group}
		}
	}
	top := 0.0
	for _, e := range es {
		top = max(top, e.Weight)
	}
	v := dsmView{Heads: heads, order: order}
	for _, e := range es {
		if e.From == e.To {
			continue
		}
		p, q := pos[e.From], pos[e.To]
		c := &cells[p][q]
		if e.Refs > 0 {
			c.Text = num(e.Refs)
		} else {
			c.Text = ftoa(e.Weight)
		}
		c.Title = fmt.Sprintf("%s uses %s: %s (weight %s)", names[e.From], names[e.To], kindsText(e.Kinds), ftoa(e.Weight))
		c.Shade = 1
		if top > 0 {
			// Four levels on a log scale: light marks stay visible.
			c.Shade = 1 + int(math.Min(3, math.Floor(4*math.Log1p(e.Weight)/math.Log1p(top)-0.001)))
			c.Shade = max(1, c.Shade)
		}
		c.Back = q > p
		v.Marks++
		if c.Back {
			v.Back++
		}
	}
	for p := range n {
		v.Rows = append(v.Rows, dsmRow{Head: heads[p], Cells: cells[p]})
	}
	for _, g := range group {
		v.Groups = max(v.Groups, g)
	}
	return v
}

// candidateDSM is the matrix of all candidates.
func candidateDSM(l *lookup) dsmView {
	r := l.r
	names := make([]string, len(r.Candidates))
	links := make([]string, len(r.Candidates))
	for i, c := range r.Candidates {
		names[i] = l.short[i]
		links[i] = "#candidate-" + c.ID
	}
	return buildDSM(names, links, l.candidateEdges())
}
