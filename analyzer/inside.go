package analyzer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// What is inside a candidate: how its packages depend on each other and
// which ties hold its files together. The report draws both on the
// candidate's card, so that a reviewer sees why the files were grouped.

// linksPerLayer is how many of the strongest ties per signal a candidate
// lists.
const linksPerLayer = 3

// packageDeps fills each candidate's PackageDeps: the type-level
// dependencies between two different packages of the same candidate,
// aggregated per ordered pair of packages, heaviest first.
func (a *assignment) packageDeps(g *graph.Graph, weights map[graph.EdgeKind]float64, out []result.Candidate) {
	type key struct{ c, from, to int }
	type acc struct {
		w     float64
		kinds map[string]int
	}
	m := map[key]*acc{}
	for _, d := range g.Deps {
		cf, ct, ok := a.pair(g, d.From, d.To)
		if !ok || cf != ct {
			continue
		}
		pf, pt := g.Files[g.Types[d.From].File].Package, g.Files[g.Types[d.To].File].Package
		if pf == pt {
			continue
		}
		k := key{cf, pf, pt}
		x := m[k]
		if x == nil {
			x = &acc{kinds: map[string]int{}}
			m[k] = x
		}
		x.w += d.Weight(weights)
		x.kinds[string(d.Kind)] += d.Count
	}
	for c := range out {
		out[c].PackageDeps = []result.PackageDep{}
	}
	for k, x := range m {
		out[k.c].PackageDeps = append(out[k.c].PackageDeps, result.PackageDep{
			From: g.Packages[k.from].Name, To: g.Packages[k.to].Name, Weight: round(x.w), Kinds: x.kinds,
		})
	}
	for c := range out {
		slices.SortFunc(out[c].PackageDeps, func(p, q result.PackageDep) int {
			return cmp.Or(cmp.Compare(q.Weight, p.Weight), strings.Compare(p.From, q.From), strings.Compare(p.To, q.To))
		})
	}
}

// links fills each candidate's Links (per clustering signal, the
// strongest ties between two of its files) and its cohesion per signal
// (Scores.ByLayer). names[i] names layers[i].
func (a *assignment) links(g *graph.Graph, layers []louvain.Layer, names []string, out []result.Candidate) {
	for c := range out {
		out[c].Links = []result.Link{}
		out[c].Scores.ByLayer = map[string]result.LayerScore{}
	}
	for i, l := range layers {
		best := make([][]louvain.Edge, len(out))
		internal, external := make([]float64, len(out)), make([]float64, len(out))
		for _, e := range l.Edges {
			c, d := a.of[e.A], a.of[e.B]
			if c != d {
				if c >= 0 {
					external[c] += e.W
				}
				if d >= 0 {
					external[d] += e.W
				}
				continue
			}
			if c < 0 || e.W <= 0 {
				continue
			}
			internal[c] += e.W
			best[c] = insertTop(best[c], e, linksPerLayer, func(x, y louvain.Edge) int {
				return cmp.Or(cmp.Compare(y.W, x.W),
					strings.Compare(g.Files[min(x.A, x.B)].Path, g.Files[min(y.A, y.B)].Path),
					strings.Compare(g.Files[max(x.A, x.B)].Path, g.Files[max(y.A, y.B)].Path))
			})
		}
		for c := range out {
			out[c].Scores.ByLayer[names[i]] = result.LayerScore{Internal: round(internal[c]), External: round(external[c]),
				Cohesion: ratio(internal[c], internal[c]+external[c])}
		}
		for c, es := range best {
			for _, e := range es {
				pa, pb := g.Files[e.A].Path, g.Files[e.B].Path
				if pb < pa {
					pa, pb = pb, pa
				}
				out[c].Links = append(out[c].Links, result.Link{Layer: names[i], A: pa, B: pb, Weight: round(e.W)})
			}
		}
	}
}

// insertTop inserts e into top, kept sorted by less and cut to k.
func insertTop[E any](top []E, e E, k int, compare func(x, y E) int) []E {
	i, _ := slices.BinarySearchFunc(top, e, compare)
	if i >= k {
		return top
	}
	top = slices.Insert(top, i, e)
	if len(top) > k {
		top = top[:k]
	}
	return top
}

// kernelUsedBy sets each kernel component's UsedBy: the number of
// candidates with a file that depends on the component's file.
func (a *assignment) kernelUsedBy(g *graph.Graph, comps []result.KernelComponent) {
	if len(comps) == 0 {
		return
	}
	paths := map[string]bool{}
	for _, k := range comps {
		paths[k.Path] = true
	}
	users := make([]map[int]bool, len(g.Files)) // candidates using each kernel file
	for f, file := range g.Files {
		if paths[file.Path] {
			users[f] = map[int]bool{}
		}
	}
	for _, d := range g.Deps {
		c, u := a.of[g.Types[d.From].File], users[g.Types[d.To].File]
		if c >= 0 && u != nil {
			u[c] = true
		}
	}
	count := map[string]int{}
	for f, u := range users {
		if u != nil {
			count[g.Files[f].Path] = len(u)
		}
	}
	for i := range comps {
		comps[i].UsedBy = count[comps[i].Path]
	}
}
