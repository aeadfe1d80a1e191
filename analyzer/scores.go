package analyzer

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// The overall scores of a decomposition, as the literature defines them,
// computed on the file graph of code dependencies (weighted by
// Settings.Weights unless said otherwise) and the candidates:
//
//   - TurboMQ (Mitchell and Mancoridis 2006): Σ over candidates of
//     CF_i = μ_i / (μ_i + ½ Σ_j (ε_ij + ε_ji)), μ_i the weight of
//     dependencies inside i, ε_ij from i to j. Higher is better; at most
//     the number of candidates.
//   - IFN (interface number; Jin et al. 2019): the mean, over candidates,
//     of the number of their types called from other candidates. Lower is
//     better.
//   - NED (non-extreme distribution, as EVALUATION.md states it): the
//     share of files in candidates of extreme size, fewer than 5 or more
//     than 20 files. Lower is better. (The original thresholds are for
//     classes in small systems; on large repositories every candidate is
//     "extreme": read it there as a size-spread indicator only.)
//   - SM (structural modularity; Jin et al. 2019): the mean cohesion
//     scoh_i = μ_i / m_i² minus the mean coupling scop_ij = σ_ij / (2 m_i
//     m_j) over pairs, with μ and σ counting distinct file-to-file
//     dependencies and m the files per candidate. Higher is better.

// apiSurface lists, per candidate, its methods called from other
// candidates, most called first (at most apiLimit).
const apiLimit = 100

func (a *assignment) apiSurface(g *graph.Graph) [][]result.APIMethod {
	type key struct {
		typ    int
		member string
	}
	calls := make([]map[key]int, len(a.files))
	callers := make([]map[key]map[int]bool, len(a.files))
	for _, d := range g.Deps {
		if d.Kind != facts.Call && d.Kind != facts.MethodRef || d.Member == "" || d.Member == "<init>" {
			continue
		}
		cf, ct, ok := a.pair(g, d.From, d.To)
		if !ok || cf == ct {
			continue
		}
		if calls[ct] == nil {
			calls[ct], callers[ct] = map[key]int{}, map[key]map[int]bool{}
		}
		k := key{d.To, d.Member}
		calls[ct][k] += d.Count
		if callers[ct][k] == nil {
			callers[ct][k] = map[int]bool{}
		}
		callers[ct][k][cf] = true
	}
	out := make([][]result.APIMethod, len(a.files))
	for c := range a.files {
		api := []result.APIMethod{}
		for k, n := range calls[c] {
			api = append(api, result.APIMethod{Type: g.Types[k.typ].Name, Method: k.member, Calls: n, Callers: len(callers[c][k])})
		}
		slices.SortFunc(api, func(x, y result.APIMethod) int {
			return cmp.Or(cmp.Compare(y.Calls, x.Calls), strings.Compare(x.Type, y.Type), strings.Compare(x.Method, y.Method))
		})
		out[c] = api
	}
	return out
}

// literatureScores fills TurboMQ, IFN, NED, SM and the shared table share.
func (a *assignment) literatureScores(g *graph.Graph, fg *fileGraph, api [][]result.APIMethod, tables []result.TableUse, s *result.Scores) {
	k := len(a.files)
	if k == 0 {
		return
	}
	mu := make([]float64, k)
	eps := make([][]float64, k)
	for i := range eps {
		eps[i] = make([]float64, k)
	}
	// The file graph's edges are the distinct undirected file pairs with
	// their summed weights.
	type pair struct{ a, b int }
	for _, e := range fg.edges {
		ca, cb := a.of[e.A], a.of[e.B]
		if ca < 0 || cb < 0 {
			continue
		}
		if ca == cb {
			mu[ca] += e.W
		} else {
			eps[ca][cb] += e.W
		}
	}
	mq := 0.0
	for i := range k {
		out := 0.0
		for j := range k {
			if j != i {
				out += eps[i][j] + eps[j][i]
			}
		}
		if mu[i] > 0 {
			mq += mu[i] / (mu[i] + out/2)
		}
	}
	s.TurboMQ = round(mq)

	ifn := 0.0
	for c := range k {
		types := map[string]bool{}
		for _, m := range api[c] {
			types[m.Type] = true
		}
		ifn += float64(len(types))
	}
	s.IFN = round(ifn / float64(k))

	extreme, total := 0, 0
	for _, fs := range a.files {
		total += len(fs)
		if len(fs) < 5 || len(fs) > 20 {
			extreme += len(fs)
		}
	}
	s.NED = ratio(float64(extreme), float64(total))

	// SM on distinct undirected file pairs.
	m := make([]float64, k)
	for c, fs := range a.files {
		m[c] = float64(len(fs))
	}
	inside := make([]float64, k)
	between := map[pair]float64{}
	for _, e := range fg.edges {
		ca, cb := a.of[e.A], a.of[e.B]
		if ca < 0 || cb < 0 {
			continue
		}
		if ca == cb {
			inside[ca]++
		} else {
			between[pair{min(ca, cb), max(ca, cb)}]++
		}
	}
	coh := 0.0
	for c := range k {
		coh += inside[c] / (m[c] * m[c])
	}
	sm := coh / float64(k)
	if k > 1 {
		cop := 0.0
		for p, sigma := range between {
			cop += sigma / (2 * m[p.a] * m[p.b])
		}
		sm -= cop / (float64(k*(k-1)) / 2)
	}
	s.SM = round(sm)
	s.SharedTables = sharedTableShare(tables)
}

// difficulty scores how hard a candidate is to extract, 0 (trivial) to
// 100, from five parts, each saturating at its own scale:
//
//	coupling 35: its call sites crossing to other candidates, in and out,
//	             over all its call sites (1 when half or more cross)
//	data     30: shared tables over tables touched, plus tables others write
//	cycles   15: 1 when it is in a dependency cycle with other candidates
//	api      10: its API size (1 at 50 methods)
//	size     10: its lines (1 at 50,000)
func difficulty(c *result.Candidate, inCycle bool, tables []result.TableUse) {
	sc := &c.Scores
	calls := sc.CallsInternal + sc.CallsOut + sc.CallsIn
	coupling := 0.0
	if calls > 0 {
		coupling = math.Min(1, 2*float64(sc.CallsOut+sc.CallsIn)/float64(calls))
	}
	touched, contested := 0, 0
	for _, t := range tables {
		for _, x := range t.Accesses {
			if x.Candidate != c.ID {
				continue
			}
			touched++
			if t.Shared {
				contested++
			}
		}
	}
	data := 0.0
	if touched > 0 {
		data = float64(contested) / float64(touched)
	}
	cycles := 0.0
	if inCycle {
		cycles = 1
	}
	api := math.Min(1, float64(len(sc.API))/50)
	size := math.Min(1, float64(sc.Lines)/50000)
	parts := []float64{round(35 * coupling), round(30 * data), round(15 * cycles), round(10 * api), round(10 * size)}
	sc.DifficultyParts = map[string]float64{"coupling": parts[0], "data": parts[1], "cycles": parts[2], "api": parts[3], "size": parts[4]}
	total := 0.0
	for _, v := range parts {
		total += v
	}
	sc.Difficulty = math.Round(total*10) / 10
}
