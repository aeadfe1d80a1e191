package analyzer

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/graph"
)

// Small candidates. Modularity keeps a tight group apart however small
// it is: four command handlers and the interface they call form a
// candidate of their own, tied to the service that implements it by one
// inheritance edge. Such a candidate is no service anyone would extract,
// and it leads the extraction plan with a step that costs nothing and
// means nothing. So a candidate with fewer files than minCandidateFiles
// joins the candidate it is most tied to over all signals, or, with no
// tie at all, the one holding most files of its nearest package ancestor.
// Pinned files never move.

// minCandidateFiles is the smallest candidate kept: 0.2% of the code
// files, at least 2 (only singletons fold in a small repository) and at
// most 6.
func minCandidateFiles(codeFiles int) int {
	return min(6, max(2, int(math.Ceil(0.002*float64(codeFiles)))))
}

// foldSmall moves the files of small candidates (of[f] is each file's
// candidate, -1 for none) into larger ones and returns the new
// assignment. pinned[f] is non-empty for files a seams.yaml pin placed.
func foldSmall(g *graph.Graph, layers []louvain.Layer, of []int, pinned []string) []int {
	code := 0
	for f := range g.Files {
		if isCode(g, f) {
			code++
		}
	}
	limit := minCandidateFiles(code)
	files := map[int][]int{}
	for f, c := range of {
		if c >= 0 {
			files[c] = append(files[c], f)
		}
	}
	var small []int
	for c, fs := range files {
		if len(fs) < limit && !slices.ContainsFunc(fs, func(f int) bool { return pinned[f] != "" }) {
			small = append(small, c)
		}
	}
	if len(small) == 0 || len(small) == len(files) {
		return of
	}
	// Smallest first, then by first path, so that the outcome does not
	// depend on map order.
	slices.SortFunc(small, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(files[a]), len(files[b])),
			strings.Compare(g.Files[files[a][0]].Path, g.Files[files[b][0]].Path))
	})
	out := slices.Clone(of)
	inSmall := map[int]bool{}
	for _, c := range small {
		for _, f := range files[c] {
			inSmall[f] = true
		}
	}
	// The ties of the small candidates' files. Each layer's ties count
	// relative to its total weight, so that the signals weigh as they do
	// in the clustering objective.
	type tie struct {
		other int
		w     float64
	}
	ties := map[int][]tie{}
	for _, l := range layers {
		total := 0.0
		for _, e := range l.Edges {
			total += e.W
		}
		if total <= 0 {
			continue
		}
		lw := l.Weight
		if lw == 0 {
			lw = 1
		}
		for _, e := range l.Edges {
			w := lw * e.W / total
			if inSmall[e.A] {
				ties[e.A] = append(ties[e.A], tie{e.B, w})
			}
			if inSmall[e.B] {
				ties[e.B] = append(ties[e.B], tie{e.A, w})
			}
		}
	}
	for _, c := range small {
		if len(files[c]) >= limit {
			continue // it grew by taking in another small candidate
		}
		toward := map[int]float64{}
		for _, f := range files[c] {
			for _, t := range ties[f] {
				if d := out[t.other]; d >= 0 && d != c {
					toward[d] += t.w
				}
			}
		}
		best, bestW := -1, 0.0
		for d, w := range toward {
			if w > bestW || w == bestW && d < best {
				best, bestW = d, w
			}
		}
		if best < 0 {
			best = ancestorHome(g, out, c)
		}
		if best < 0 {
			continue
		}
		for _, f := range files[c] {
			out[f] = best
		}
		files[best] = append(files[best], files[c]...)
		delete(files, c)
	}
	return out
}

// ancestorHome returns the candidate holding most files of the package
// nearest to candidate c's packages (the longest shared dotted prefix
// beyond the prefix every package shares), or -1.
func ancestorHome(g *graph.Graph, of []int, c int) int {
	var mine []string
	for f, d := range of {
		if d == c {
			mine = append(mine, g.Packages[g.Files[f].Package].Name)
		}
	}
	var all []string
	for _, p := range g.Packages {
		all = append(all, p.Name)
	}
	floor := len(commonPackagePrefix(all))
	type score struct{ depth, files int }
	best, bestS := -1, score{}
	scores := map[int]score{}
	for f, d := range of {
		if d < 0 || d == c {
			continue
		}
		theirs := packageSegments(g.Packages[g.Files[f].Package].Name)
		depth := 0
		for _, p := range mine {
			depth = max(depth, sharedSegments(packageSegments(p), theirs))
		}
		if depth <= floor {
			continue
		}
		s := scores[d]
		switch {
		case depth > s.depth:
			s = score{depth, 1}
		case depth == s.depth:
			s.files++
		}
		scores[d] = s
	}
	for d, s := range scores {
		if s.depth > bestS.depth || s.depth == bestS.depth && (s.files > bestS.files || s.files == bestS.files && d < best) {
			best, bestS = d, s
		}
	}
	return best
}

// sharedSegments counts the leading segments a and b share.
func sharedSegments(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// Fragments. Modularity may cut one package in two when its halves are
// about as tied to each other as to the rest: petclinic's owner package
// came out as the owners with their pets and visits on one side, the pet
// types on the other. Two candidates that each depend directly on the
// other cannot be extracted one without the other; when most of the code
// of both is in the same package as well, an architect sees one context
// cut in two. So does he when only one depends on the other but the two
// hold most of their package between them, and that package is not most
// of the repository (a flat package is one namespace, not one context,
// and its candidates stay). mergeFragments merges such candidates (of[f]
// is each file's candidate, -1 for none) and returns the new assignment.
// Candidates holding pinned files are never merged.
func mergeFragments(g *graph.Graph, of []int, pinned []string) []int {
	type info struct {
		pkgFiles map[int]int
		code     int
		pinned   bool
	}
	infos := map[int]*info{}
	pkgCode := map[int]int{} // code files with a candidate, by package
	code := 0
	for f, c := range of {
		if c < 0 {
			continue
		}
		if isCode(g, f) {
			pkgCode[g.Files[f].Package]++
			code++
		}
		in := infos[c]
		if in == nil {
			in = &info{pkgFiles: map[int]int{}}
			infos[c] = in
		}
		if pinned[f] != "" {
			in.pinned = true
		}
		if isCode(g, f) {
			in.code++
			in.pkgFiles[g.Files[f].Package]++
		}
	}
	// main is a candidate's package holding more than half its code
	// files, or -1.
	main := map[int]int{}
	for c, in := range infos {
		main[c] = -1
		for p, n := range in.pkgFiles {
			if 2*n > in.code {
				main[c] = p
			}
		}
	}
	type pair struct{ a, b int }
	uses := map[pair]bool{}
	for _, d := range g.Deps {
		a, b := of[g.Types[d.From].File], of[g.Types[d.To].File]
		if a >= 0 && b >= 0 && a != b {
			uses[pair{a, b}] = true
		}
	}
	parent := map[int]int{}
	var find func(c int) int
	find = func(c int) int {
		p, ok := parent[c]
		if !ok || p == c {
			return c
		}
		r := find(p)
		parent[c] = r
		return r
	}
	var pairs []pair
	// halves reports whether a and b hold most of their shared main
	// package, and that package is not most of the repository.
	halves := func(a, b int) bool {
		p := main[a]
		n := pkgCode[p]
		return 3*(infos[a].pkgFiles[p]+infos[b].pkgFiles[p]) >= 2*n && 2*n < code
	}
	for p := range uses {
		a, b := min(p.a, p.b), max(p.a, p.b)
		if main[a] < 0 || main[a] != main[b] || infos[a].pinned || infos[b].pinned {
			continue
		}
		mutual := uses[pair{p.b, p.a}]
		if mutual && p.a < p.b || !mutual && halves(a, b) {
			pairs = append(pairs, pair{a, b})
		}
	}
	if len(pairs) == 0 {
		return of
	}
	slices.SortFunc(pairs, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	for _, p := range pairs {
		ra, rb := find(p.a), find(p.b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	out := slices.Clone(of)
	for f, c := range out {
		if c >= 0 {
			out[f] = find(c)
		}
	}
	return out
}
