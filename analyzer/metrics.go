package analyzer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

func instability(ca, ce int) float64 {
	if ca+ce == 0 {
		return 0
	}
	return round(float64(ce) / float64(ca+ce))
}

// typeMetrics returns the couplings of every type, sorted by name.
func typeMetrics(g *graph.Graph) []result.TypeMetrics {
	out := make([]result.TypeMetrics, len(g.Types))
	for i, t := range g.Types {
		out[i] = result.TypeMetrics{Name: t.Name, Path: g.Files[t.File].Path, Line: t.Line, Kind: string(t.Kind)}
	}
	for _, d := range g.Deps {
		out[d.From].FanOut += d.Count
		out[d.To].FanIn += d.Count
	}
	m := aggregate(len(g.Types), len(g.Types), func(emit func(x, y int, w float64)) {
		for _, d := range g.Deps {
			emit(d.From, d.To, 0)
		}
	})
	for t := range m.rows() {
		tos, _ := m.row(t)
		out[t].Ce = len(tos)
		for _, to := range tos {
			out[to].Ca++
		}
	}
	for i := range out {
		out[i].Instability = instability(out[i].Ca, out[i].Ce)
	}
	slices.SortFunc(out, func(a, b result.TypeMetrics) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Path, b.Path))
	})
	return out
}

// packageMetrics returns Martin's metrics of every package, sorted by name.
func packageMetrics(g *graph.Graph, a *assignment) []result.PackageMetrics {
	out := make([]result.PackageMetrics, len(g.Packages))
	pkgOf := func(t int) int { return g.Files[g.Types[t].File].Package }
	for i, p := range g.Packages {
		out[i] = result.PackageMetrics{Name: p.Name, Files: len(p.Files)}
		lines := map[int]int{}
		for _, f := range p.Files {
			out[i].Types += len(g.Files[f].Types)
			if c := a.of[f]; c >= 0 {
				lines[c] += g.Files[f].Lines
			}
		}
		best, bestN := -1, -1
		for c, n := range lines {
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if best >= 0 {
			out[i].Candidate = a.ids[best]
		}
	}
	// Ca: outside types depending on a package; Ce: inside types
	// depending on outside.
	ca := aggregate(len(g.Packages), len(g.Types), func(emit func(x, y int, w float64)) {
		for _, d := range g.Deps {
			if pf, pt := pkgOf(d.From), pkgOf(d.To); pf != pt {
				emit(pt, d.From, 0)
			}
		}
	})
	leaves := make([]bool, len(g.Types)) // the type depends on another package
	for _, d := range g.Deps {
		if pf := pkgOf(d.From); pf != pkgOf(d.To) && !leaves[d.From] {
			leaves[d.From] = true
			out[pf].Ce++
		}
	}
	for p := range ca.rows() {
		types, _ := ca.row(p)
		out[p].Ca = len(types)
	}
	for i := range out {
		out[i].Instability = instability(out[i].Ca, out[i].Ce)
	}
	slices.SortFunc(out, func(a, b result.PackageMetrics) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// cycles finds the strongly connected components of more than one node at
// type, package and candidate level.
func cycles(g *graph.Graph, a *assignment) result.Cycles {
	typeEdges := make([][2]int, 0, len(g.Deps))
	pkgEdges := make([][2]int, 0)
	candEdges := make([][2]int, 0)
	for _, d := range g.Deps {
		typeEdges = append(typeEdges, [2]int{d.From, d.To})
		ff, ft := g.Types[d.From].File, g.Types[d.To].File
		if pf, pt := g.Files[ff].Package, g.Files[ft].Package; pf != pt {
			pkgEdges = append(pkgEdges, [2]int{pf, pt})
		}
		if cf, ct := a.of[ff], a.of[ft]; cf != ct && cf >= 0 && ct >= 0 {
			candEdges = append(candEdges, [2]int{cf, ct})
		}
	}
	return result.Cycles{
		Types:      sccs(len(g.Types), typeEdges, func(i int) string { return g.Types[i].Name }),
		Packages:   sccs(len(g.Packages), pkgEdges, func(i int) string { return g.Packages[i].Name }),
		Candidates: sccs(len(a.files), candEdges, func(i int) string { return a.ids[i] }),
	}
}

// sccs returns the named members of each strongly connected component
// with more than one node, each sorted, largest component first.
func sccs(n int, edges [][2]int, name func(int) string) [][]string {
	out := [][]string{}
	for _, c := range components(n, edges) {
		if len(c) < 2 {
			continue
		}
		names := make([]string, len(c))
		for i, v := range c {
			names[i] = name(v)
		}
		slices.Sort(names)
		out = append(out, names)
	}
	slices.SortFunc(out, func(a, b []string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), slices.Compare(a, b))
	})
	return out
}

// components finds the strongly connected components of a directed
// graph by Tarjan's algorithm, iteratively (no recursion, so deep chains
// of a million nodes are fine), on adjacency lists built once.
func components(n int, edges [][2]int) [][]int {
	start := make([]int32, n+1)
	for _, e := range edges {
		start[e[0]+1]++
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	adj := make([]int32, len(edges))
	fill := slices.Clone(start[:n])
	for _, e := range edges {
		adj[fill[e[0]]] = int32(e[1])
		fill[e[0]]++
	}
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack, comps []int32
	var out [][]int
	type frame struct{ v, next int32 }
	var call []frame
	counter := int32(0)
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call = append(call[:0], frame{int32(root), start[root]})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			v := top.v
			if top.next < start[v+1] {
				w := adj[top.next]
				top.next++
				switch {
				case index[w] < 0:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, start[w]})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			if low[v] == index[v] {
				comps = comps[:0]
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comps = append(comps, w)
					if w == v {
						break
					}
				}
				c := make([]int, len(comps))
				for i, w := range comps {
					c[i] = int(w)
				}
				out = append(out, c)
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
		}
	}
	return out
}

func outcome(o graph.Outcome) result.Outcome {
	return result.Outcome{Internal: o.Internal, External: o.External, Unresolved: o.Unresolved}
}

func graphSummary(g *graph.Graph) result.GraphSummary {
	s := result.GraphSummary{
		Nodes:      map[string]int{"type": len(g.Types), "file": len(g.Files), "package": len(g.Packages)},
		Edges:      map[string]int{},
		References: map[string]result.Outcome{},
		ByKind:     map[string]result.Outcome{},
	}
	// Distinct (from, to, kind) triples, counted per kind.
	var kinds []graph.EdgeKind
	kindOf := map[graph.EdgeKind]int{}
	kindIdx := make([]int, len(g.Deps))
	for i, d := range g.Deps {
		j, ok := kindOf[d.Kind]
		if !ok {
			j = len(kinds)
			kindOf[d.Kind] = j
			kinds = append(kinds, d.Kind)
		}
		kindIdx[i] = j
	}
	if len(kinds) > 0 {
		k := len(kinds)
		m := aggregate(len(g.Types), len(g.Types)*k, func(emit func(x, y int, w float64)) {
			for i, d := range g.Deps {
				emit(d.From, d.To*k+kindIdx[i], 0)
			}
		})
		per := make([]int, k)
		for _, y := range m.ys {
			per[int(y)%k]++
		}
		for i, n := range per {
			s.Edges[string(kinds[i])] = n
		}
	}
	var total graph.Outcome
	for lang, o := range g.Stats.ByLanguage {
		s.References[lang] = outcome(o)
		total.Internal += o.Internal
		total.External += o.External
		total.Unresolved += o.Unresolved
	}
	for k, o := range g.Stats.ByKind {
		s.ByKind[string(k)] = outcome(o)
	}
	s.UnresolvedShare = ratio(float64(total.Unresolved), float64(total.Total()))
	s.TopUnresolved = []result.NameCount{}
	for _, nc := range g.Stats.TopUnresolved {
		s.TopUnresolved = append(s.TopUnresolved, result.NameCount{Name: nc.Name, Count: nc.Count})
	}
	s.DuplicateTypes = g.Stats.DuplicateTypes
	return s
}
