package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// The extraction plan: a strangler-fig order, one candidate per step, each
// step costed given the steps before it. When a candidate leaves, the calls
// between it and what is still in the monolith become remote calls, the
// tables it owns move with it (those others read need a copy kept in sync,
// those others write need splitting first), and any dependency cycle it is
// in with what remains must be broken. Calls with candidates already
// extracted were paid for when those left.
//
// Strategies:
//   - least-entangled-first (default): at each step, the candidate whose
//     extraction costs least now. The monolith sheds its easy edges first
//     and each step is small and reversible.
//   - shared-core-first: the candidates the others depend on most
//     (incoming calls, then dependents), first, as shared services, so that
//     what follows calls a stable API instead of the monolith.
//
// A candidate in a dependency cycle with what remains leaves it by
// inverting the dependencies on one side: its partners' on it, or its own
// on them, whichever are fewer (counted as pairs of types). Counting the
// partners instead would cost every member of a cycle that spans the
// whole monolith the same, and say nothing about which is easiest to cut
// out.
//
// The step score is calls + 10 × shared tables + 2 × tables to move +
// 10 × dependencies to invert: a shared table or an inversion costs far
// more than a call turned remote.

// Strategies.
const (
	LeastEntangledFirst = "least-entangled-first"
	SharedCoreFirst     = "shared-core-first"
)

// callMatrix counts call sites between candidates: m[i][j] from i to j.
func (a *assignment) callMatrix(g *graph.Graph) [][]int {
	k := len(a.files)
	m := make([][]int, k)
	for i := range m {
		m[i] = make([]int, k)
	}
	for _, d := range g.Deps {
		if d.Kind != facts.Call && d.Kind != facts.MethodRef && d.Kind != facts.New {
			continue
		}
		if cf, ct, ok := a.pair(g, d.From, d.To); ok && cf != ct {
			m[cf][ct] += d.Count
		}
	}
	return m
}

// depends reports the candidate dependency relation (any kind).
func (a *assignment) depends(g *graph.Graph) [][]bool {
	k := len(a.files)
	m := make([][]bool, k)
	for i := range m {
		m[i] = make([]bool, k)
	}
	for _, d := range g.Deps {
		if cf, ct, ok := a.pair(g, d.From, d.To); ok && cf != ct {
			m[cf][ct] = true
		}
	}
	return m
}

// cyclePartners returns, for each remaining candidate, how many other
// remaining candidates share a dependency cycle with it: its strongly
// connected component's size less one (Tarjan's algorithm on the
// remaining candidates); and each one's component.
func cyclePartners(dep [][]bool, remaining []bool) ([]int, []int) {
	k := len(dep)
	index := make([]int, k)
	low := make([]int, k)
	onStack := make([]bool, k)
	comp := make([]int, k)
	for i := range index {
		index[i], comp[i] = -1, -1
	}
	var stack []int
	next, comps := 0, 0
	var sizes []int
	var strong func(v int)
	strong = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for w := range k {
			if !dep[v][w] || !remaining[w] || w == v {
				continue
			}
			if index[w] < 0 {
				strong(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			size := 0
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = comps
				size++
				if w == v {
					break
				}
			}
			sizes = append(sizes, size)
			comps++
		}
	}
	out := make([]int, k)
	for v := range k {
		if remaining[v] && index[v] < 0 {
			strong(v)
		}
	}
	for v := range k {
		if remaining[v] {
			out[v] = sizes[comp[v]] - 1
		}
	}
	return out, comp
}

// typeDeps lists, per ordered pair of candidates, the type-level
// dependencies from the first to the second: one per pair of types (the
// heaviest of their references), in graph order. g.Deps is sorted by
// From and To, so the references of a pair of types are adjacent.
func (a *assignment) typeDeps(g *graph.Graph, weights map[graph.EdgeKind]float64) map[[2]int][]graph.Dep {
	out := map[[2]int][]graph.Dep{}
	add := func(d graph.Dep) {
		if cf, ct, ok := a.pair(g, d.From, d.To); ok && cf != ct {
			out[[2]int{cf, ct}] = append(out[[2]int{cf, ct}], d)
		}
	}
	var best graph.Dep
	have := false
	for _, d := range g.Deps {
		switch {
		case !have:
			best, have = d, true
		case d.From != best.From || d.To != best.To:
			add(best)
			best = d
		case d.Weight(weights) > best.Weight(weights):
			best = d
		}
	}
	if have {
		add(best)
	}
	return out
}

// plan orders the candidates for extraction.
func (a *assignment) plan(g *graph.Graph, cands []result.Candidate, tables []result.TableUse, strategy string, weights map[graph.EdgeKind]float64) result.Plan {
	p := result.Plan{Strategy: strategy, Steps: []result.PlanStep{}}
	k := len(a.files)
	if k == 0 {
		return p
	}
	calls := a.callMatrix(g)
	dep := a.depends(g)
	between := a.typeDeps(g, weights)
	remaining := make([]bool, k)
	for i := range remaining {
		remaining[i] = true
	}
	index := map[string]int{}
	for i, c := range cands {
		index[c.ID] = i
	}
	// Tables each candidate touches, with who else does.
	touches := make([][]result.TableUse, k)
	for _, t := range tables {
		if t.Kind != "table" && t.Kind != "view" {
			continue
		}
		for _, x := range t.Accesses {
			touches[index[x.Candidate]] = append(touches[index[x.Candidate]], t)
		}
		if c, ok := index[t.Owner]; ok && len(t.Accesses) == 0 {
			touches[c] = append(touches[c], t) // mapped by its classes only
		}
	}
	// pairs[i][j] counts the pairs of types of i depending on j.
	pairs := make([][]int, k)
	for i := range pairs {
		pairs[i] = make([]int, k)
	}
	for p, ds := range between {
		pairs[p[0]][p[1]] = len(ds)
	}
	var partners, comp []int
	// cut counts the dependencies to invert to take c out of its cycle:
	// those of its cycle partners on it, or its own on them, whichever
	// are fewer; into says which.
	cut := func(c int) (n int, into bool) {
		if partners[c] == 0 {
			return 0, false
		}
		in, out := 0, 0
		for o := range k {
			if o != c && remaining[o] && comp[o] == comp[c] {
				in += pairs[o][c]
				out += pairs[c][o]
			}
		}
		if in <= out {
			return in, true
		}
		return out, false
	}
	// cutDeps lists those dependencies, heaviest first.
	cutDeps := func(c int, into bool) []graph.Dep {
		var deps []graph.Dep
		for o := range k {
			if o != c && remaining[o] && comp[o] == comp[c] {
				if into {
					deps = append(deps, between[[2]int{o, c}]...)
				} else {
					deps = append(deps, between[[2]int{c, o}]...)
				}
			}
		}
		slices.SortFunc(deps, func(p, q graph.Dep) int {
			return cmp.Or(cmp.Compare(q.Weight(weights), p.Weight(weights)), cmp.Compare(p.From, q.From), cmp.Compare(p.To, q.To))
		})
		return deps
	}
	costOf := func(c int) (result.StepCost, []result.TableMove) {
		var cost result.StepCost
		for o := range k {
			if o != c && remaining[o] {
				cost.CallsIn += calls[o][c]
				cost.CallsOut += calls[c][o]
			}
		}
		var moves []result.TableMove
		for _, t := range touches[c] {
			moves = append(moves, tableMove(t, cands[c].ID, func(id string) bool { return remaining[index[id]] }))
		}
		for _, m := range moves {
			switch m.Action {
			case "move":
				cost.Tables++
			case "split", "sync":
				cost.Shared++
			}
		}
		cost.Cycles = partners[c]
		cost.Invert, _ = cut(c)
		cost.Score = float64(cost.CallsIn+cost.CallsOut) + 10*float64(cost.Shared) + 2*float64(cost.Tables) + 10*float64(cost.Invert)
		return cost, moves
	}
	// For shared-core-first: how much the others lean on each candidate.
	lean := make([]int, k)
	for c := range k {
		for o := range k {
			lean[c] += calls[o][c]
		}
	}
	for step := 1; step <= k; step++ {
		partners, comp = cyclePartners(dep, remaining)
		best := -1
		var bestCost result.StepCost
		var bestMoves []result.TableMove
		for c := range k {
			if !remaining[c] {
				continue
			}
			cost, moves := costOf(c)
			better := best < 0
			if !better {
				switch strategy {
				case SharedCoreFirst:
					better = lean[c] > lean[best] || lean[c] == lean[best] && cost.Score < bestCost.Score
				default:
					better = cost.Score < bestCost.Score ||
						cost.Score == bestCost.Score && cands[c].Scores.Lines < cands[best].Scores.Lines
				}
			}
			if better {
				best, bestCost, bestMoves = c, cost, moves
			}
		}
		left := 0
		for c := range k {
			if remaining[c] {
				left++
			}
		}
		st := result.PlanStep{Order: step, Candidate: cands[best].ID, Cost: bestCost, API: cands[best].Scores.API[:min(10, len(cands[best].Scores.API))], Tables: bestMoves}
		if st.Tables == nil {
			st.Tables = []result.TableMove{}
		}
		if n, into := cut(best); n > 0 {
			st.InvertInto = into
			deps := cutDeps(best, into)
			for _, d := range deps[:min(5, len(deps))] {
				st.Invert = append(st.Invert, example(g, d))
			}
		}
		st.Reason = reason(cands[best], st, left, strategy, lean[best])
		p.Steps = append(p.Steps, st)
		remaining[best] = false
	}
	return p
}

// tableMove decides what extracting candidate id does with table t, given
// which candidates are still in the monolith.
func tableMove(t result.TableUse, id string, inMonolith func(string) bool) result.TableMove {
	var otherWriters, otherReaders int
	for _, x := range t.Accesses {
		if x.Candidate == id || !inMonolith(x.Candidate) {
			continue
		}
		if x.Writes > 0 {
			otherWriters++
		} else {
			otherReaders++
		}
	}
	m := result.TableMove{Table: t.Name}
	switch {
	case t.Owner != id && t.Owner != "":
		m.Action = "call" // another candidate owns it: use its API
	case otherWriters > 0:
		m.Action = "split"
	case otherReaders > 0:
		m.Action = "sync"
	default:
		m.Action = "move"
	}
	return m
}

// reason writes the paragraph a review board reads for a step.
func reason(c result.Candidate, st result.PlanStep, left int, strategy string, lean int) string {
	var b strings.Builder
	cost := st.Cost
	switch {
	case left == 1:
		fmt.Fprintf(&b, "%s is what remains of the monolith once the other candidates have left.", c.Name)
	case strategy == SharedCoreFirst:
		fmt.Fprintf(&b, "%s comes now because the rest of the monolith leans on it most (%d call sites into it): extracted early as a shared service, it gives the later steps a stable API to call instead of the monolith.", c.Name, lean)
	default:
		fmt.Fprintf(&b, "%s is the least entangled of the %d candidates still in the monolith.", c.Name, left)
	}
	if left > 1 {
		fmt.Fprintf(&b, " Extracting it turns %d call sites into remote calls (%d into it, %d out of it)", cost.CallsIn+cost.CallsOut, cost.CallsIn, cost.CallsOut)
		if cost.Cycles > 0 {
			fmt.Fprintf(&b, ". It is in a dependency cycle with %d other %s still in the monolith: to take it out, invert ", cost.Cycles, plural(cost.Cycles, "candidate", "candidates"))
			if st.InvertInto {
				fmt.Fprintf(&b, "the %d %s of the others on it", cost.Invert, plural(cost.Invert, "type dependency", "type dependencies"))
			} else {
				fmt.Fprintf(&b, "its %d %s on the others", cost.Invert, plural(cost.Invert, "type dependency", "type dependencies"))
			}
			b.WriteString(" behind an interface or an event")
			if len(st.Invert) > 0 {
				d := st.Invert[0]
				fmt.Fprintf(&b, ", first %s → %s (%s)", d.From[strings.LastIndexByte(d.From, '.')+1:], d.To[strings.LastIndexByte(d.To, '.')+1:], d.At)
			}
		} else {
			b.WriteString(" and breaks no dependency cycle")
		}
		b.WriteString(".")
	}
	var move, split, sync, call []string
	for _, m := range st.Tables {
		switch m.Action {
		case "move":
			move = append(move, m.Table)
		case "split":
			split = append(split, m.Table)
		case "sync":
			sync = append(sync, m.Table)
		case "call":
			call = append(call, m.Table)
		}
	}
	list := func(ts []string) string {
		if len(ts) > 4 {
			return strings.Join(ts[:4], ", ") + fmt.Sprintf(" and %d more", len(ts)-4)
		}
		return strings.Join(ts, ", ")
	}
	if len(move) > 0 {
		fmt.Fprintf(&b, " Its tables move with it: %s.", list(move))
	}
	if len(split) > 0 {
		fmt.Fprintf(&b, " %s %s written by candidates still in the monolith: split %s first.", list(split), plural(len(split), "is", "are"), plural(len(split), "it", "them"))
	}
	if len(sync) > 0 {
		fmt.Fprintf(&b, " %s %s read by the monolith: keep a copy in sync (change data capture or dual writes) until those readers call its API.", list(sync), plural(len(sync), "is", "are"))
	}
	if len(call) > 0 {
		fmt.Fprintf(&b, " It uses %s, owned elsewhere: through the owner's API.", list(call))
	}
	if n := len(c.Scores.API); n > 0 {
		var top []string
		for _, m := range c.Scores.API[:min(3, n)] {
			top = append(top, m.Type[strings.LastIndexByte(m.Type, '.')+1:]+"."+m.Method)
		}
		fmt.Fprintf(&b, " Its API starts from the %d %s others call today, most of all %s.", n, plural(n, "method", "methods"), strings.Join(top, ", "))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// inCandidateCycle marks the candidates in a dependency cycle.
func inCandidateCycle(cycles [][]string) map[string]bool {
	in := map[string]bool{}
	for _, c := range cycles {
		for _, id := range c {
			in[id] = true
		}
	}
	return in
}
