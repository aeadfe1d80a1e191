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
	of    []int    // candidate of each file, -1 for none (kernel, data-only files)
	files [][]int  // files of each candidate, sorted by path
	ids   []string // candidate IDs
	names []string // candidate names
	// prefix is the package prefix the names are relative to.
	prefix string
}

// candidateOf returns the candidate of a type's file, or -1.
func (a *assignment) candidateOf(g *graph.Graph, typ int) int {
	return a.of[g.Types[typ].File]
}

// pair returns the candidates of a dependency's two ends, and whether
// both have one.
func (a *assignment) pair(g *graph.Graph, from, to int) (int, int, bool) {
	cf, ct := a.candidateOf(g, from), a.candidateOf(g, to)
	return cf, ct, cf >= 0 && ct >= 0
}

func newAssignment(g *graph.Graph, community []int) *assignment {
	groups := map[int][]int{}
	for f, c := range community {
		if c >= 0 {
			groups[c] = append(groups[c], f)
		}
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
	for f := range a.of {
		a.of[f] = -1
	}
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
	// The prefix common to the packages of code: files of other kinds
	// (mappings, scripts) sit in directories, not packages.
	var pkgs []string
	for _, p := range g.Packages {
		for _, f := range p.Files {
			if isCode(g, f) {
				pkgs = append(pkgs, p.Name)
				break
			}
		}
	}
	prefix := commonPackagePrefix(pkgs)
	a.prefix = joinSegments(prefix)
	base := make([]string, len(a.files))
	count := map[string]int{}
	for c, fs := range a.files {
		base[c] = groupName(g, fs, prefix)
		count[base[c]]++
	}
	// Candidates that share a package name are told apart by their key
	// type: the one the rest of the candidate depends on most. So is a
	// candidate no package dominates ("domain+web"), whose package names
	// say only which layers it spans in a package-by-layer code base.
	key := a.keyTypes(g)
	used := map[string]int{}
	for c := range a.files {
		name := base[c]
		if (count[name] > 1 || strings.Contains(name, "+")) && key[c] != "" {
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

// namePinned names each candidate holding pinned files after their
// context (the context with most pinned files in it).
func (a *assignment) namePinned(pinned []string) {
	used := map[string]bool{}
	for c, fs := range a.files {
		counts := map[string]int{}
		for _, f := range fs {
			if p := pinned[f]; p != "" {
				counts[p]++
			}
		}
		best, bestN := "", 0
		for p, n := range counts {
			if n > bestN || n == bestN && p < best {
				best, bestN = p, n
			}
		}
		if best == "" || used[best] {
			continue
		}
		used[best] = true
		a.names[c], a.ids[c] = best, slug(best)
	}
}

// plumbing reports type names that say how, not what: a candidate is not
// named after them.
func plumbing(name string) bool {
	for _, s := range []string{"Builder", "Helper", "Util", "Utils", "Exception", "Error", "Validator", "Constants", "Enumerations", "Populator", "Converter", "Serializer", "Mapper", "Factory", "Generator", "Listener", "Handler", "Config", "Configuration", "Properties", "Support", "Wrapper", "Data", "DTO", "Dto", "Request", "Response", "Command"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return strings.HasPrefix(name, "Abstract")
}

// keyTypes returns, per candidate, the simple name of its key type: the
// entity (a type mapped to a table) that most of the candidate's other
// types use, or without entities the type most of them use (ties: the first by name), plumbing aside. A
// candidate is better named after the data it keeps (Loan, Client) than
// after the helper everything in it calls.
func (a *assignment) keyTypes(g *graph.Graph) []string {
	// The distinct types of the same candidate using each type.
	users := aggregate(len(g.Types), len(g.Types), func(emit func(x, y int, w float64)) {
		for _, d := range g.Deps {
			if cf, ct, ok := a.pair(g, d.From, d.To); ok && cf == ct && d.From != d.To {
				emit(d.To, d.From, 0)
			}
		}
	})
	in := make([]int, len(g.Types))
	for t := range in {
		ys, _ := users.row(t)
		in[t] = len(ys)
	}
	entity := make([]bool, len(g.Types))
	for _, n := range g.Data {
		for _, t := range n.Entities {
			entity[t] = true
		}
	}
	out := make([]string, len(a.files))
	best := make([]int, len(a.files))
	for c := range best {
		best[c] = -1
	}
	for t, n := range in {
		if n == 0 || plumbing(g.Types[t].Simple) || isView(g, g.Types[t].File) {
			continue // a builder, an exception or a page layout names no domain
		}
		c := a.candidateOf(g, t)
		if c < 0 {
			continue
		}
		b := best[c]
		if b < 0 || entity[t] && !entity[b] ||
			entity[t] == entity[b] && (n > in[b] || n == in[b] && g.Types[t].Name < g.Types[b].Name) {
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
	var code []int
	for _, f := range fs {
		if isCode(g, f) {
			code = append(code, f)
		}
	}
	if len(code) > 0 {
		fs = code // name a candidate after its code
	}
	pkgOf := func(f int) []string { return packageSegments(g.Packages[g.Files[f].Package].Name) }
	// Code outside the repository's prefix (a sample module under another
	// root) is named relative to its own.
	inside := false
	for _, f := range fs {
		if segs := pkgOf(f); len(segs) >= len(repoPrefix) && slices.Equal(segs[:len(repoPrefix)], repoPrefix) {
			inside = true
			break
		}
	}
	if !inside {
		var pkgs []string
		for _, f := range fs {
			pkgs = append(pkgs, g.Packages[g.Files[f].Package].Name)
		}
		repoPrefix = majorityPrefix(pkgs, 0.6)
	}
	total := 0
	for _, f := range fs {
		total += g.Files[f].Lines
	}
	chosen := slices.Clone(repoPrefix)
	for {
		depth := len(chosen)
		lines := map[string]int{}
		for _, f := range fs {
			if segs := pkgOf(f); len(segs) > depth && slices.Equal(segs[:depth], chosen) {
				lines[segs[depth]] += g.Files[f].Lines
			}
		}
		best, second := topTwo(lines)
		if best == "" || lines[best]*10 < total*6 {
			if depth > len(repoPrefix) {
				break
			}
			switch {
			case best == "" && len(repoPrefix) > 0:
				return joinSegments(repoPrefix[len(repoPrefix)-1:])
			case best == "":
				return "root"
			case second != "":
				return joinSegments([]string{best}) + "+" + joinSegments([]string{second})
			}
			return joinSegments([]string{best})
		}
		chosen = append(chosen, best)
	}
	return joinSegments(chosen[len(repoPrefix):])
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

// commonPackagePrefix returns the package prefix nearly every package shares,
// whole segments only.
func commonPackagePrefix(pkgs []string) []string {
	return majorityPrefix(pkgs, 0.9)
}

// majorityPrefix returns the deepest package prefix (whole segments) shared
// by at least share of the names, and shorter than each of them: a few
// sample packages under another root (com.acme.example in an org.apache
// code base) do not erase the prefix every other package shares.
func majorityPrefix(names []string, share float64) []string {
	if len(names) == 0 {
		return nil
	}
	split := make([][]string, len(names))
	for i, n := range names {
		split[i] = packageSegments(n)
	}
	var prefix []string
	for depth := 0; ; depth++ {
		counts := map[string]int{}
		for _, segs := range split {
			if len(segs) > depth+1 && slices.Equal(segs[:depth], prefix) {
				counts[segs[depth]]++
			}
		}
		best, bestN := "", 0
		for seg, n := range counts {
			if n > bestN || n == bestN && seg < best {
				best, bestN = seg, n
			}
		}
		if best == "" || float64(bestN) < share*float64(len(names)) {
			return prefix
		}
		prefix = append(prefix, best)
	}
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
		if c := a.of[e.A]; c >= 0 && c == a.of[e.B] {
			internalW[c] += e.W
		}
	}
	depOut := map[[2]int]bool{}
	for _, d := range g.Deps {
		cf, ct, ok := a.pair(g, d.From, d.To)
		if !ok {
			continue
		}
		w := d.Weight(weights)
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
		cf, ct, ok := a.pair(g, d.From, d.To)
		if !ok || cf == ct {
			continue
		}
		k := [2]int{cf, ct}
		x := m[k]
		if x == nil {
			x = &acc{kinds: map[string]int{}}
			m[k] = x
		}
		x.w += d.Weight(weights)
		x.kinds[string(d.Kind)] += d.Count
		x.deps = append(x.deps, d)
	}
	out := []result.CandidateDep{}
	for k, x := range m {
		slices.SortStableFunc(x.deps, func(p, q graph.Dep) int {
			return cmp.Compare(q.Weight(weights), p.Weight(weights))
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
		cf, ct, ok := a.pair(g, d.From, d.To)
		if !ok {
			continue
		}
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
