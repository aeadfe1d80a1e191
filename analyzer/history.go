package analyzer

import (
	"cmp"
	"slices"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers/gitlog"
)

// The evolution and people layers come from git history (package
// gitlog).
//
// Evolution couples files changed together: each pair gets code-maat's
// degree of coupling (shared commits over the mean of the two files'
// revisions, commits of very many files left out), damped for pairs with
// little history: a pair seen together in 2 commits counts for 2/5 of one
// seen in 5 or more.
//
// People couples files changed by the same people, as the TF-IDF cosine
// of their author vectors (commits per author): an author who touched a
// fifth of the repository says nothing about any pair; one who touched a
// handful of files ties them together. Each file is linked to its most
// similar files only.

const peopleK = 8

// evolutionLayer links files changed together.
func evolutionLayer(g *graph.Graph, h *gitlog.History) []louvain.Edge {
	if h == nil {
		return nil
	}
	index := map[string]int{}
	for f, file := range g.Files {
		index[file.Path] = f
	}
	var edges []louvain.Edge
	for _, p := range h.CoChange {
		a, okA := index[p.A]
		b, okB := index[p.B]
		if !okA || !okB || a == b {
			continue
		}
		w := p.Degree / 100 * min(1, float64(p.Shared)/5)
		if w > 0 {
			edges = append(edges, louvain.Edge{A: min(a, b), B: max(a, b), W: w})
		}
	}
	slices.SortFunc(edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return edges
}

// peopleLayer links files changed by the same people.
func peopleLayer(g *graph.Graph, h *gitlog.History) []louvain.Edge {
	if h == nil {
		return nil
	}
	items := make([]map[string]float64, len(g.Files))
	for f, file := range g.Files {
		fh := h.File(file.Path)
		if fh == nil {
			continue
		}
		v := map[string]float64{}
		for _, a := range fh.Authors {
			id := a.Email
			if id == "" {
				id = "\x00" + a.Name
			}
			v[id] += float64(a.Commits)
		}
		items[f] = v
	}
	return similarityLayer(items, peopleK)
}
