package history

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
)

// Score scores a fixed partition of a graph: each file's candidate is
// of(path) ("" for none: the shared kernel, files the partition does not
// cover). It is how a past commit is scored against the candidates of
// the current analysis, so that a trend compares like with like.
//
// The scores follow the definitions of package analyzer (see
// result.Scores): Newman's modularity at resolution 1 on the structural
// file graph (package louvain's Modularity), the share of call sites
// crossing candidates (ICP), the distinct type-to-type dependencies
// crossing candidates, the cycles between candidates (strongly connected
// components), and, per candidate, cohesion, couplings and calls. For
// the partition an analysis proposed, they equal the analysis' own (a
// test checks it). Table ownership counts the accesses each file's code
// and routines make directly; the analysis also follows calls to stored
// procedures and triggers, so a shared table reached only through a
// routine another candidate calls can be missed here.
func Score(g *graph.Graph, of func(path string) string, weights map[graph.EdgeKind]float64) *Snapshot {
	// The candidates, in ID order, and each file's.
	ids := []string{}
	byID := map[string]int{}
	fileCand := make([]int, len(g.Files))
	for f, file := range g.Files {
		fileCand[f] = -1
		if id := of(file.Path); id != "" {
			if _, ok := byID[id]; !ok {
				byID[id] = len(ids)
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		byID[id] = i
	}
	for f, file := range g.Files {
		if id := of(file.Path); id != "" {
			fileCand[f] = byID[id]
		}
	}
	typeCand := func(t int) int { return fileCand[g.Types[t].File] }

	s := &Snapshot{Scores: map[string]float64{}}
	cands := make([]Candidate, len(ids))
	type sc struct {
		files, types, lines                  int
		internalW, out, in                   float64
		callsInternal, callsOut, callsIn     int
		ownedTables, sharedTables, apiCalled int
	}
	per := make([]sc, len(ids))
	for i, id := range ids {
		cands[i] = Candidate{ID: id, Name: id, Members: []string{}}
	}
	files, lines := 0, 0
	for f, file := range g.Files {
		files++
		lines += file.Lines
		if c := fileCand[f]; c >= 0 {
			cands[c].Members = append(cands[c].Members, file.Path)
			per[c].files++
			per[c].types += len(file.Types)
			per[c].lines += file.Lines
		}
	}

	// The structural file graph, as the analysis builds it.
	sum := map[[2]int]float64{}
	for _, d := range g.Deps {
		a, b := g.Types[d.From].File, g.Types[d.To].File
		w := d.Weight(weights)
		if a == b || w <= 0 {
			continue
		}
		sum[[2]int{min(a, b), max(a, b)}] += w
	}
	var edges []louvain.Edge
	for k, w := range sum {
		if ca, cb := fileCand[k[0]], fileCand[k[1]]; ca >= 0 && cb >= 0 {
			edges = append(edges, louvain.Edge{A: k[0], B: k[1], W: w})
			if ca == cb {
				per[ca].internalW += w
			}
		}
	}
	slices.SortFunc(edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	if len(ids) > 0 {
		comm := slices.Clone(fileCand)
		next := len(ids)
		for f := range comm {
			if comm[f] < 0 {
				comm[f] = next // a singleton with no edge: no effect on Q
				next++
			}
		}
		s.Scores[ScoreModularity] = round4(louvain.Modularity(len(g.Files), []louvain.Layer{{Edges: edges, Resolution: 1}}, comm))
	}

	// Calls, crossings, the candidate graph and its edges.
	type acc struct {
		w     float64
		kinds map[string]int
		deps  []graph.Dep
	}
	crossing := map[[2]int]*acc{}
	pairs := map[[2]int]bool{}
	calls, crossCalls := 0, 0
	for _, d := range g.Deps {
		cf, ct := typeCand(d.From), typeCand(d.To)
		if cf < 0 || ct < 0 {
			continue
		}
		w := d.Weight(weights)
		if d.Kind == facts.Call {
			calls += d.Count
		}
		if cf == ct {
			if d.Kind == facts.Call {
				per[cf].callsInternal += d.Count
			}
			continue
		}
		pairs[[2]int{d.From, d.To}] = true
		per[cf].out += w
		per[ct].in += w
		if d.Kind == facts.Call {
			crossCalls += d.Count
			per[cf].callsOut += d.Count
			per[ct].callsIn += d.Count
		}
		k := [2]int{cf, ct}
		x := crossing[k]
		if x == nil {
			x = &acc{kinds: map[string]int{}}
			crossing[k] = x
		}
		x.w += w
		x.kinds[string(d.Kind)] += d.Count
		x.deps = append(x.deps, d)
	}
	s.Scores[ScoreICP] = ratio4(float64(crossCalls), float64(calls))
	s.Scores[ScoreCrossDependencies] = float64(len(pairs))
	var candEdges [][2]int
	for k, x := range crossing {
		candEdges = append(candEdges, k)
		slices.SortStableFunc(x.deps, func(p, q graph.Dep) int {
			return cmp.Compare(q.Weight(weights), p.Weight(weights))
		})
		e := Edge{From: ids[k[0]], To: ids[k[1]], Weight: round4(x.w), Kinds: x.kinds}
		for _, d := range x.deps[:min(5, len(x.deps))] {
			from := g.Types[d.From]
			e.Examples = append(e.Examples, Example{From: from.Name, To: g.Types[d.To].Name, Kind: string(d.Kind), Member: d.Member,
				Count: d.Count, At: fmt.Sprintf("%s:%d", g.Files[from.File].Path, d.Line)})
		}
		s.Edges = append(s.Edges, e)
	}
	s.Cycles = candidateCycles(len(ids), candEdges, ids)
	s.Scores[ScoreCandidateCycles] = float64(len(s.Cycles))

	s.Tables = tableOwnership(g, fileCand, ids)
	shared := 0
	for _, t := range s.Tables {
		if t.Shared {
			shared++
		}
		if t.Kind != "table" && t.Kind != "view" {
			continue
		}
		for _, u := range t.Users {
			c := byID[u]
			if u == t.Owner {
				per[c].ownedTables++
			} else if t.Shared {
				per[c].sharedTables++
			}
		}
		if len(t.Users) == 0 && t.Owner != "" {
			per[byID[t.Owner]].ownedTables++ // mapped, reached only through an ORM
		}
	}
	s.Scores[ScoreSharedTables] = float64(shared)
	s.Scores[ScoreCandidates] = float64(len(ids))
	s.Scores[ScoreFiles] = float64(files)
	s.Scores[ScoreLines] = float64(lines)

	for c := range cands {
		p := per[c]
		cands[c].Scores = map[string]float64{
			"files":            float64(p.files),
			"types":            float64(p.types),
			"lines":            float64(p.lines),
			"cohesion":         ratio4(p.internalW, p.internalW+p.out+p.in),
			"coupling_out":     round4(p.out),
			"coupling_in":      round4(p.in),
			"calls_internal":   float64(p.callsInternal),
			"calls_out":        float64(p.callsOut),
			"calls_in":         float64(p.callsIn),
			"cross_call_share": ratio4(float64(p.callsOut), float64(p.callsOut+p.callsInternal)),
			"owned_tables":     float64(p.ownedTables),
			"shared_tables":    float64(p.sharedTables),
		}
	}
	s.Candidates = cands
	s.normalize()
	return s
}

// tableOwnership says who touches each table directly: a file's code,
// and the routines it declares. The owner writes it most.
func tableOwnership(g *graph.Graph, fileCand []int, ids []string) []Table {
	type rw struct{ reads, writes int }
	per := map[int]map[int]*rw{} // node -> candidate -> accesses
	routineFile := map[int]int{}
	for i, n := range g.Data {
		if n.Kind != "table" && n.Kind != "view" && n.File >= 0 {
			routineFile[i] = n.File
		}
	}
	for _, d := range g.DataDeps {
		f := -1
		switch {
		case d.From >= 0:
			f = g.Types[d.From].File
		case d.Routine >= 0:
			if rf, ok := routineFile[d.Routine]; ok {
				f = rf
			}
		}
		if f < 0 || fileCand[f] < 0 {
			continue
		}
		c := fileCand[f]
		if per[d.To] == nil {
			per[d.To] = map[int]*rw{}
		}
		x := per[d.To][c]
		if x == nil {
			x = &rw{}
			per[d.To][c] = x
		}
		switch d.Kind {
		case facts.Writes:
			x.writes += d.Count
		default:
			x.reads += d.Count
		}
	}
	var out []Table
	for n, node := range g.Data {
		users := per[n]
		if len(users) == 0 && !node.Declared {
			continue
		}
		t := Table{Name: node.Name, Kind: node.Kind, Users: []string{}}
		best, bestW := -1, 0
		for c, x := range users {
			t.Users = append(t.Users, ids[c])
			if x.writes > bestW || x.writes == bestW && x.writes > 0 && ids[c] < ids[best] {
				best, bestW = c, x.writes
			}
		}
		switch {
		case best >= 0:
			t.Owner = ids[best]
		default:
			// As the analysis decides (package analyzer, dataView.tables):
			// nobody writes it in code, so the candidate holding its
			// mapped classes owns it when it uses it or when nobody does,
			// else its only user.
			home := -1
			for i, typ := range node.Entities {
				c := fileCand[g.Types[typ].File]
				if c < 0 || i > 0 && c != home {
					home = -1
					break
				}
				home = c
			}
			_, uses := users[home]
			switch {
			case home >= 0 && (uses || len(users) == 0):
				t.Owner = ids[home]
			case len(users) == 1:
				for c := range users {
					t.Owner = ids[c]
				}
			}
		}
		t.Shared = len(users) > 1
		slices.Sort(t.Users)
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Table) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// candidateCycles returns the strongly connected components of more than
// one candidate, each sorted.
func candidateCycles(n int, edges [][2]int, ids []string) [][]string {
	dg := simple.NewDirectedGraph()
	for i := range n {
		dg.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		if e[0] != e[1] && !dg.HasEdgeFromTo(int64(e[0]), int64(e[1])) {
			dg.SetEdge(simple.Edge{F: simple.Node(e[0]), T: simple.Node(e[1])})
		}
	}
	var out [][]string
	for _, comp := range topo.TarjanSCC(dg) {
		if len(comp) < 2 {
			continue
		}
		var names []string
		for _, nd := range comp {
			names = append(names, ids[nd.ID()])
		}
		slices.Sort(names)
		out = append(out, names)
	}
	return out
}

func round4(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}

func ratio4(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return round4(a / b)
}
