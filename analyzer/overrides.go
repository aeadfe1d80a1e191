package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// Overrides are the architect's decisions, applied over the clustering.
//
//   - Pins put files in a named context before clustering: the pinned
//     files of one context are clustered as one unit, so the rest of the
//     code gathers around them, and two contexts never share a candidate.
//     The candidate takes the context's name.
//   - Merges join candidates (named by ID or name) after clustering;
//     Splits break one apart, by package or by clustering it alone at a
//     higher resolution.
//   - KernelInclude and KernelExclude move files (by path glob) or types
//     (by fully qualified name) into or out of the shared kernel.
//
// Each override's effect is reported: how many files it moved, measured
// against the clustering without any override.
type Overrides struct {
	Pins          []Pin
	Merges        [][]string
	Splits        []Split
	KernelInclude []string
	KernelExclude []string
}

// Pin puts the files under a path glob, or of a package and its
// sub-packages, in a named context.
type Pin struct {
	Path, Package, Context string
}

// Split breaks a candidate apart: By "package" or "cluster".
type Split struct {
	Candidate, By string
}

func (o Overrides) empty() bool {
	return len(o.Pins) == 0 && len(o.Merges) == 0 && len(o.Splits) == 0 && len(o.KernelInclude) == 0 && len(o.KernelExclude) == 0
}

// selects reports whether a kernel override names file f: a path glob or
// a type it declares.
func selects(g *graph.Graph, f int, patterns []string) bool {
	for _, p := range patterns {
		for _, t := range g.Files[f].Types {
			if g.Types[t].Name == p {
				return true
			}
		}
		if ok, _ := repo.Selects(p, g.Files[f].Path); ok {
			return true
		}
	}
	return false
}

// adjustKernel applies the kernel overrides.
func adjustKernel(g *graph.Graph, dv *dataView, kernel []bool, comps []result.KernelComponent, o Overrides) ([]bool, []result.KernelComponent) {
	if len(o.KernelInclude) == 0 && len(o.KernelExclude) == 0 {
		return kernel, comps
	}
	var kept []result.KernelComponent
	byPath := map[string]bool{}
	for f := range g.Files {
		if kernel[f] && selects(g, f, o.KernelExclude) {
			kernel[f] = false
		}
	}
	for _, c := range comps {
		for f := range g.Files {
			if g.Files[f].Path == c.Path && kernel[f] {
				kept = append(kept, c)
				byPath[c.Path] = true
			}
		}
	}
	code := 0
	for f := range g.Files {
		if isCode(g, f) {
			code++
		}
	}
	for f := range g.Files {
		if kernel[f] || !selects(g, f, o.KernelInclude) {
			continue
		}
		kernel[f] = true
		for _, t := range g.Files[f].Types {
			if g.Types[t].Outer < 0 {
				c := kernelComponent(g, dv, f, t, 0, 0, max(code, 1))
				c.Reason = "set aside by seams.yaml (kernel.include)"
				kept = append(kept, c)
			}
		}
	}
	slices.SortFunc(kept, func(a, b result.KernelComponent) int {
		return cmp.Or(cmp.Compare(b.FanIn, a.FanIn), strings.Compare(a.Name, b.Name))
	})
	return kernel, kept
}

// pinGroups returns the pinned context of each file ("" for none).
func pinGroups(g *graph.Graph, eligible []bool, pins []Pin) []string {
	ctx := make([]string, len(g.Files))
	for f := range g.Files {
		if !eligible[f] {
			continue
		}
		for _, p := range pins {
			if pinSelects(g, p, f) {
				ctx[f] = p.Context // the last pin naming a file wins
			}
		}
	}
	return ctx
}

// clusterPinned clusters with the pinned files of each context contracted
// into one node, then separates contexts that landed together: an unpinned
// file of a mixed community follows the context it is most tied to.
func clusterPinned(n int, layers []louvain.Layer, pinned []string, opts Options) []int {
	rep := make([]int, n)
	first := map[string]int{}
	for f := range rep {
		rep[f] = f
		if c := pinned[f]; c != "" {
			if r, ok := first[c]; ok {
				rep[f] = r
			} else {
				first[c] = f
			}
		}
	}
	contracted := make([]louvain.Layer, len(layers))
	for i, l := range layers {
		contracted[i] = l
		contracted[i].Edges = nil
		for _, e := range l.Edges {
			if a, b := rep[e.A], rep[e.B]; a != b {
				contracted[i].Edges = append(contracted[i].Edges, louvain.Edge{A: a, B: b, W: e.W})
			}
		}
	}
	comm := cluster(n, contracted, opts)
	for f := range comm {
		comm[f] = comm[rep[f]]
	}
	// Contexts sharing a community: give each its own, and move the
	// unpinned members to the context they are most tied to.
	contexts := map[int][]string{}
	for c, f := range first {
		contexts[comm[f]] = append(contexts[comm[f]], c)
	}
	next := slices.Max(append(comm, -1)) + 1
	ctxComm := map[string]int{}
	for cm, cs := range contexts {
		slices.Sort(cs)
		ctxComm[cs[0]] = cm
		for _, c := range cs[1:] {
			ctxComm[c] = next
			next++
		}
	}
	tie := make([]map[string]float64, n)
	for _, l := range layers {
		for _, e := range l.Edges {
			for _, p := range [][2]int{{e.A, e.B}, {e.B, e.A}} {
				if c := pinned[p[1]]; c != "" && pinned[p[0]] == "" {
					if tie[p[0]] == nil {
						tie[p[0]] = map[string]float64{}
					}
					tie[p[0]][c] += e.W * l.Weight
				}
			}
		}
	}
	for f := range comm {
		if c := pinned[f]; c != "" {
			comm[f] = ctxComm[c]
			continue
		}
		cs := contexts[comm[f]]
		if len(cs) < 2 {
			continue
		}
		best, bestW := cs[0], -1.0
		for _, c := range cs {
			if w := tie[f][c]; w > bestW {
				best, bestW = c, w
			}
		}
		comm[f] = ctxComm[best]
	}
	return comm
}

// findCandidate finds a candidate by ID or name.
func (a *assignment) findCandidate(name string) int {
	for c := range a.files {
		if a.ids[c] == name || a.names[c] == name || a.ids[c] == slug(name) {
			return c
		}
	}
	return -1
}

// applyMerges joins the candidates each merge names; it returns each
// file's new community.
func applyMerges(a *assignment, merges [][]string) []int {
	out := slices.Clone(a.of)
	for _, m := range merges {
		target := -1
		for _, name := range m {
			c := a.findCandidate(name)
			if c < 0 || c == target {
				continue
			}
			if target < 0 {
				target = c
				continue
			}
			for f := range out {
				if out[f] == c {
					out[f] = target
				}
			}
		}
	}
	return out
}

// applySplits breaks the candidates each split names apart, by package
// or by clustering them alone; it returns each file's new community.
func applySplits(g *graph.Graph, layers []louvain.Layer, a *assignment, splits []Split, opts Options) []int {
	out := slices.Clone(a.of)
	next := len(a.files)
	for _, s := range splits {
		c := a.findCandidate(s.Candidate)
		if c < 0 {
			continue
		}
		members := a.files[c]
		key := func(f int) int { return g.Files[f].Package }
		if s.By == "cluster" {
			sub := subCluster(layers, members, opts)
			key = func(f int) int { return sub[f] }
		}
		groups := map[int]int{}
		for _, f := range members {
			k := key(f)
			if _, ok := groups[k]; !ok {
				if len(groups) == 0 {
					groups[k] = c
				} else {
					groups[k] = next
					next++
				}
			}
			out[f] = groups[k]
		}
	}
	return out
}

// subCluster clusters a set of files alone, at a doubled resolution until
// it splits (at most 64×).
func subCluster(layers []louvain.Layer, members []int, opts Options) map[int]int {
	index := map[int]int{}
	for i, f := range members {
		index[f] = i
	}
	res := opts.Resolution
	for range 6 {
		res *= 2
		var sub []louvain.Layer
		for _, l := range layers {
			s := louvain.Layer{Weight: l.Weight, Resolution: res}
			for _, e := range l.Edges {
				a, okA := index[e.A]
				b, okB := index[e.B]
				if okA && okB {
					s.Edges = append(s.Edges, louvain.Edge{A: a, B: b, W: e.W})
				}
			}
			sub = append(sub, s)
		}
		comm := louvain.Cluster(len(members), sub, louvain.Options{Seed: opts.Seed})
		if slices.Max(append(comm, 0)) > 0 {
			out := map[int]int{}
			for i, f := range members {
				out[f] = comm[i]
			}
			return out
		}
	}
	out := map[int]int{}
	for _, f := range members {
		out[f] = 0
	}
	return out
}

// overrideEffects reports what each override changed, comparing the final
// assignment with the one the clustering gave without overrides.
func overrideEffects(g *graph.Graph, o Overrides, pinned []string, free, final *assignment) []result.Override {
	out := []result.Override{}
	counts := fmt.Sprintf("%d candidates (%d without overrides)", len(final.files), len(free.files))
	for _, p := range o.Pins {
		from := map[string]bool{}
		n := 0
		for f, c := range pinned {
			if c != p.Context || !pinSelects(g, p, f) {
				continue
			}
			n++
			if fc := free.of[f]; fc >= 0 {
				from[free.ids[fc]] = true
			}
		}
		what := p.Path
		if what == "" {
			what = "package " + p.Package
		}
		ids := make([]string, 0, len(from))
		for id := range from {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		out = append(out, result.Override{Kind: "pin", Description: fmt.Sprintf("%s → %s", what, p.Context),
			Effect: fmt.Sprintf("%d files pinned, which the clustering alone put in %s; %s", n, strings.Join(ids, ", "), counts)})
	}
	for _, m := range o.Merges {
		out = append(out, result.Override{Kind: "merge", Description: strings.Join(m, " + "), Effect: counts})
	}
	for _, s := range o.Splits {
		by := s.By
		if by == "" {
			by = "package"
		}
		out = append(out, result.Override{Kind: "split", Description: fmt.Sprintf("%s by %s", s.Candidate, by), Effect: counts})
	}
	for _, k := range o.KernelInclude {
		out = append(out, result.Override{Kind: "kernel-include", Description: k, Effect: "set aside in the shared kernel"})
	}
	for _, k := range o.KernelExclude {
		out = append(out, result.Override{Kind: "kernel-exclude", Description: k, Effect: "clustered with the rest instead of set aside"})
	}
	return out
}

// pinSelects reports whether a pin names file f.
func pinSelects(g *graph.Graph, p Pin, f int) bool {
	if p.Path != "" {
		ok, _ := repo.Selects(p.Path, g.Files[f].Path)
		return ok
	}
	pkg := g.Packages[g.Files[f].Package].Name
	return pkg == p.Package || strings.HasPrefix(pkg, p.Package+".")
}
