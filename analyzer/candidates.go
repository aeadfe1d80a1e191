package analyzer

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// assignment maps files to candidates, numbered in report order (largest
// first).
type assignment struct {
	of    []int    // candidate of each file
	files [][]int  // files of each candidate, sorted by path
	ids   []string // candidate IDs
	names []string // candidate names
}

func newAssignment(g *graph.Graph, community []int) *assignment {
	groups := map[int][]int{}
	for f, c := range community {
		groups[c] = append(groups[c], f)
	}
	var lists [][]int
	for _, fs := range groups {
		slices.SortFunc(fs, func(a, b int) int { return strings.Compare(g.Files[a].Path, g.Files[b].Path) })
		lists = append(lists, fs)
	}
	lines := func(fs []int) int {
		n := 0
		for _, f := range fs {
			n += g.Files[f].Lines
		}
		return n
	}
	slices.SortFunc(lists, func(a, b []int) int {
		return cmp.Or(cmp.Compare(lines(b), lines(a)), cmp.Compare(len(b), len(a)),
			strings.Compare(g.Files[a[0]].Path, g.Files[b[0]].Path))
	})
	a := &assignment{of: make([]int, len(g.Files)), files: lists}
	for c, fs := range lists {
		for _, f := range fs {
			a.of[f] = c
		}
	}
	a.name(g)
	return a
}

// name gives each candidate a name and an ID from its packages.
func (a *assignment) name(g *graph.Graph) {
	var pkgs []string
	for _, p := range g.Packages {
		pkgs = append(pkgs, p.Name)
	}
	prefix := commonPackagePrefix(pkgs)
	base := make([]string, len(a.files))
	count := map[string]int{}
	for c, fs := range a.files {
		base[c] = groupName(g, fs, prefix)
		count[base[c]]++
	}
	// Candidates that share a package name are told apart by their key
	// type: the one the rest of the candidate depends on most.
	key := a.keyTypes(g)
	used := map[string]int{}
	for c := range a.files {
		name := base[c]
		if count[name] > 1 && key[c] != "" {
			name += "/" + key[c]
		}
		used[name]++
		if n := used[name]; n > 1 {
			name = fmt.Sprintf("%s-%d", name, n)
		}
		a.names = append(a.names, name)
		a.ids = append(a.ids, slug(name))
	}
}

// keyTypes returns, per candidate, the simple name of the type with the
// most references from the candidate's other types (ties: the first by
// name).
func (a *assignment) keyTypes(g *graph.Graph) []string {
	in := map[int]int{}
	for _, d := range g.Deps {
		cf, ct := a.of[g.Types[d.From].File], a.of[g.Types[d.To].File]
		if cf == ct && d.From != d.To {
			in[d.To] += d.Count
		}
	}
	out := make([]string, len(a.files))
	best := make([]int, len(a.files))
	for c := range best {
		best[c] = -1
	}
	for t, n := range in {
		c := a.of[g.Types[t].File]
		if b := best[c]; b < 0 || n > in[b] || n == in[b] && g.Types[t].Name < g.Types[b].Name {
			best[c] = t
		}
	}
	for c, t := range best {
		if t >= 0 {
			out[c] = g.Types[t].Simple
		}
	}
	return out
}

// groupName names a group of files after the deepest package prefix that
// holds most (60%) of its lines, relative to the prefix common to the
// whole repository; when no prefix below that holds most, after its two
// largest branches ("ordering+billing").
func groupName(g *graph.Graph, fs []int, repoPrefix []string) string {
	total := 0
	for _, f := range fs {
		total += g.Files[f].Lines
	}
	depth := len(repoPrefix)
	var chosen []string
	for {
		lines := map[string]int{}
		for _, f := range fs {
			segs := strings.Split(g.Packages[g.Files[f].Package].Name, ".")
			if len(segs) > depth && (chosen == nil || slices.Equal(segs[:len(chosen)], chosen)) {
				lines[strings.Join(segs[depth:depth+1], ".")] += g.Files[f].Lines
			}
		}
		best, second := topTwo(lines)
		if best == "" || lines[best]*10 < total*6 {
			if chosen == nil {
				if best == "" {
					if len(repoPrefix) > 0 {
						return repoPrefix[len(repoPrefix)-1]
					}
					return "root"
				}
				if second != "" {
					return best + "+" + second
				}
				return best
			}
			break
		}
		if chosen == nil {
			chosen = slices.Clone(repoPrefix)
		}
		chosen = append(chosen, best)
		depth++
	}
	return strings.Join(chosen[len(repoPrefix):], ".")
}

// topTwo returns the two keys with the most lines, ties by name.
func topTwo(lines map[string]int) (string, string) {
	var keys []string
	for k := range lines {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(lines[b], lines[a]), strings.Compare(a, b)) })
	switch len(keys) {
	case 0:
		return "", ""
	case 1:
		return keys[0], ""
	}
	return keys[0], keys[1]
}

// commonPackagePrefix returns the dotted prefix shared by every package,
// whole segments only.
func commonPackagePrefix(pkgs []string) []string {
	if len(pkgs) == 0 {
		return nil
	}
	prefix := strings.Split(pkgs[0], ".")
	for _, p := range pkgs[1:] {
		segs := strings.Split(p, ".")
		n := 0
		for n < len(prefix) && n < len(segs) && prefix[n] == segs[n] {
			n++
		}
		prefix = prefix[:n]
	}
	return prefix
}

// slug makes an ID out of a name: lower case letters, digits and dashes.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" {
		s = "candidate"
	}
	return s
}

// packageShares returns the packages of a group of files with their share
// of its lines, largest first.
func packageShares(g *graph.Graph, fs []int) []result.PackageShare {
	lines, files := map[int]int{}, map[int]int{}
	total := 0
	for _, f := range fs {
		p := g.Files[f].Package
		lines[p] += g.Files[f].Lines
		files[p]++
		total += g.Files[f].Lines
	}
	var out []result.PackageShare
	for p, n := range lines {
		share := 0.0
		if total > 0 {
			share = float64(n) / float64(total)
		}
		out = append(out, result.PackageShare{Name: g.Packages[p].Name, Files: files[p], Share: round(share)})
	}
	slices.SortFunc(out, func(x, y result.PackageShare) int {
		return cmp.Or(cmp.Compare(y.Share, x.Share), cmp.Compare(y.Files, x.Files), strings.Compare(x.Name, y.Name))
	})
	return out
}

// round keeps four decimals, so that scores print the same everywhere.
func round(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return round(a / b)
}

func (a *assignment) candidates(g *graph.Graph, fg *fileGraph, weights map[graph.EdgeKind]float64) []result.Candidate {
	out := make([]result.Candidate, len(a.files))
	for c, fs := range a.files {
		cand := result.Candidate{ID: a.ids[c], Name: a.names[c], Packages: packageShares(g, fs)}
		for _, f := range fs {
			file := g.Files[f]
			m := result.Member{Path: file.Path, Lines: file.Lines, Classes: []string{}}
			for _, t := range file.Types {
				m.Classes = append(m.Classes, g.Types[t].Name)
			}
			cand.Members = append(cand.Members, m)
			cand.Scores.Files++
			cand.Scores.Types += len(file.Types)
			cand.Scores.Lines += file.Lines
		}
		out[c] = cand
	}
	// Internal weight from the file graph; couplings and calls from the
	// type-level dependencies, which keep their direction.
	internalW := make([]float64, len(a.files))
	for _, e := range fg.edges {
		if a.of[e.A] == a.of[e.B] {
			internalW[a.of[e.A]] += e.W
		}
	}
	depOut := map[[2]int]bool{}
	for _, d := range g.Deps {
		cf, ct := a.of[g.Types[d.From].File], a.of[g.Types[d.To].File]
		w := weights[d.Kind] * float64(d.Count)
		if cf == ct {
			if d.Kind == facts.Call {
				out[cf].Scores.CallsInternal += d.Count
			}
			continue
		}
		out[cf].Scores.CouplingOut += w
		out[ct].Scores.CouplingIn += w
		if d.Kind == facts.Call {
			out[cf].Scores.CallsOut += d.Count
			out[ct].Scores.CallsIn += d.Count
		}
		depOut[[2]int{cf, ct}] = true
	}
	for c := range out {
		s := &out[c].Scores
		s.Cohesion = ratio(internalW[c], internalW[c]+s.CouplingOut+s.CouplingIn)
		s.CrossCallShare = ratio(float64(s.CallsOut), float64(s.CallsOut+s.CallsInternal))
		s.CouplingOut, s.CouplingIn = round(s.CouplingOut), round(s.CouplingIn)
		s.DependsOn, s.UsedBy = []string{}, []string{}
		s.OwnedTables, s.SharedTables, s.API = []string{}, []string{}, []result.APIMethod{}
		s.DifficultyParts = map[string]float64{}
	}
	for k := range depOut {
		out[k[0]].Scores.DependsOn = append(out[k[0]].Scores.DependsOn, a.ids[k[1]])
		out[k[1]].Scores.UsedBy = append(out[k[1]].Scores.UsedBy, a.ids[k[0]])
	}
	for c := range out {
		slices.Sort(out[c].Scores.DependsOn)
		slices.Sort(out[c].Scores.UsedBy)
	}
	return out
}

func (a *assignment) dependencies(g *graph.Graph, weights map[graph.EdgeKind]float64) []result.CandidateDep {
	type acc struct {
		w     float64
		kinds map[string]int
		deps  []graph.Dep
	}
	m := map[[2]int]*acc{}
	for _, d := range g.Deps {
		cf, ct := a.of[g.Types[d.From].File], a.of[g.Types[d.To].File]
		if cf == ct {
			continue
		}
		k := [2]int{cf, ct}
		x := m[k]
		if x == nil {
			x = &acc{kinds: map[string]int{}}
			m[k] = x
		}
		x.w += weights[d.Kind] * float64(d.Count)
		x.kinds[string(d.Kind)] += d.Count
		x.deps = append(x.deps, d)
	}
	out := []result.CandidateDep{}
	for k, x := range m {
		slices.SortStableFunc(x.deps, func(p, q graph.Dep) int {
			return cmp.Compare(weights[q.Kind]*float64(q.Count), weights[p.Kind]*float64(p.Count))
		})
		cd := result.CandidateDep{From: a.ids[k[0]], To: a.ids[k[1]], Weight: round(x.w), Kinds: x.kinds}
		for _, d := range x.deps[:min(5, len(x.deps))] {
			cd.Examples = append(cd.Examples, example(g, d))
		}
		out = append(out, cd)
	}
	slices.SortFunc(out, func(p, q result.CandidateDep) int {
		return cmp.Or(cmp.Compare(q.Weight, p.Weight), strings.Compare(p.From, q.From), strings.Compare(p.To, q.To))
	})
	return out
}

func example(g *graph.Graph, d graph.Dep) result.DepExample {
	from := g.Types[d.From]
	return result.DepExample{
		From: from.Name, To: g.Types[d.To].Name, Kind: string(d.Kind), Member: d.Member, Count: d.Count,
		At: fmt.Sprintf("%s:%d", g.Files[from.File].Path, d.Line),
	}
}

func (a *assignment) scores(g *graph.Graph, fg *fileGraph) result.Scores {
	s := result.Scores{Candidates: len(a.files)}
	if len(a.files) > 0 {
		// Newman's Q, at resolution 1 whatever the clustering used, so
		// that scores compare across settings.
		s.Modularity = round(modularity(fg, a.of, 1))
	}
	calls, cross := 0, 0
	pairs := map[[2]int]bool{}
	for _, d := range g.Deps {
		cf, ct := a.of[g.Types[d.From].File], a.of[g.Types[d.To].File]
		if d.Kind == facts.Call {
			calls += d.Count
			if cf != ct {
				cross += d.Count
			}
		}
		if cf != ct {
			pairs[[2]int{d.From, d.To}] = true
		}
	}
	s.CrossDependencies = len(pairs)
	s.ICP = ratio(float64(cross), float64(calls))
	return s
}
