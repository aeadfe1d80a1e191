package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// The data side of the analysis.
//
// What a file does to the database is what its code does directly, plus
// what the routines it calls do (transitively), plus what the triggers
// fired by its writes do: a candidate that calls a procedure which writes
// a table writes that table. The data layer of the clustering couples the
// files that touch the same table, most when both write it (they share
// the table's invariants), less when one writes and one reads, least when
// both only read; each table's links are divided among the files that
// touch it, so a table everything reads says little about any pair.
//
// A table's owner is the candidate that writes it most. A table touched by
// more than one candidate is shared; one written by more than one has a
// conflict to settle before either moves out.

// access is one file's effective use of one data node.
type access struct {
	reads, writes, calls int
}

// dataView holds each file's effective data accesses.
type dataView struct {
	g *graph.Graph
	// byFile[f][node] is what file f does to a data node, directly and
	// through the routines it calls and the triggers its writes fire.
	byFile []map[int]*access
	// fileOfRoutine maps a routine node to the file that declares it.
	fileOfRoutine map[int]int
}

func newDataView(g *graph.Graph) *dataView {
	v := &dataView{g: g, byFile: make([]map[int]*access, len(g.Files)), fileOfRoutine: map[int]int{}}
	// What each routine does, directly.
	direct := map[int][]graph.DataDep{}
	for _, d := range g.DataDeps {
		if d.Routine >= 0 {
			direct[d.Routine] = append(direct[d.Routine], d)
		}
	}
	for i, n := range g.Data {
		if n.Kind != "table" && n.Kind != "view" && n.File >= 0 {
			v.fileOfRoutine[i] = n.File
		}
	}
	// The closure of a routine: its own accesses, its callees', and the
	// triggers its writes fire. Memoized; cycles cut.
	closure := map[int]map[int]access{}
	var close func(r int, visiting map[int]bool) map[int]access
	close = func(r int, visiting map[int]bool) map[int]access {
		if c, ok := closure[r]; ok {
			return c
		}
		if visiting[r] {
			return nil
		}
		visiting[r] = true
		c := map[int]access{}
		var add func(to int, kind facts.DataKind, n int)
		add = func(to int, kind facts.DataKind, n int) {
			a := c[to]
			switch kind {
			case facts.Reads:
				a.reads += n
			case facts.Writes:
				a.writes += n
			case facts.Calls:
				a.calls += n
			}
			c[to] = a
		}
		for _, d := range direct[r] {
			add(d.To, d.Kind, d.Count)
			if d.Kind == facts.Calls && d.To != r {
				for to, a := range close(d.To, visiting) {
					add(to, facts.Reads, a.reads)
					add(to, facts.Writes, a.writes)
				}
			}
			if d.Kind == facts.Writes {
				for _, trg := range g.Data[d.To].Triggers {
					if trg == r {
						continue
					}
					for to, a := range close(trg, visiting) {
						add(to, facts.Reads, a.reads)
						add(to, facts.Writes, a.writes)
					}
				}
			}
		}
		delete(visiting, r)
		closure[r] = c
		return c
	}
	addFile := func(f, to int, kind facts.DataKind, n int) {
		if v.byFile[f] == nil {
			v.byFile[f] = map[int]*access{}
		}
		a := v.byFile[f][to]
		if a == nil {
			a = &access{}
			v.byFile[f][to] = a
		}
		switch kind {
		case facts.Reads:
			a.reads += n
		case facts.Writes:
			a.writes += n
		case facts.Calls:
			a.calls += n
		}
	}
	for _, d := range g.DataDeps {
		var f int
		switch {
		case d.From >= 0:
			f = g.Types[d.From].File
		case d.Routine >= 0:
			rf, ok := v.fileOfRoutine[d.Routine]
			if !ok {
				continue
			}
			f = rf
		default:
			continue
		}
		addFile(f, d.To, d.Kind, d.Count)
		if d.From >= 0 && d.Kind == facts.Calls {
			for to, a := range close(d.To, map[int]bool{}) {
				addFile(f, to, facts.Reads, a.reads)
				addFile(f, to, facts.Writes, a.writes)
			}
		}
		if d.From >= 0 && d.Kind == facts.Writes {
			for _, trg := range g.Data[d.To].Triggers {
				for to, a := range close(trg, map[int]bool{}) {
					addFile(f, to, facts.Reads, a.reads)
					addFile(f, to, facts.Writes, a.writes)
				}
			}
		}
	}
	return v
}

// isTable reports a table or view (not a routine).
func (v *dataView) isTable(n int) bool {
	k := v.g.Data[n].Kind
	return k == "table" || k == "view"
}

// tablesOfFile returns the names of the tables a file touches, sorted.
func (v *dataView) tablesOfFile(f int) []string {
	var out []string
	for n := range v.byFile[f] {
		if v.isTable(n) {
			out = append(out, v.g.Data[n].Name)
		}
	}
	slices.Sort(out)
	return out
}

// dataLayer couples the files that touch the same tables.
func (v *dataView) dataLayer(eligible []bool) []louvain.Edge {
	type use struct {
		file  int
		write bool
	}
	users := map[int][]use{}
	for f, m := range v.byFile {
		if !eligible[f] {
			continue
		}
		for n, a := range m {
			if v.isTable(n) && a.reads+a.writes > 0 {
				users[n] = append(users[n], use{f, a.writes > 0})
			}
		}
	}
	// Tables in order, so that the sums come out the same on every run.
	tables := make([]int, 0, len(users))
	for n := range users {
		tables = append(tables, n)
	}
	slices.Sort(tables)
	sum := map[[2]int]float64{}
	for _, n := range tables {
		us := users[n]
		if len(us) < 2 {
			continue
		}
		slices.SortFunc(us, func(a, b use) int { return cmp.Compare(a.file, b.file) })
		share := 1 / float64(len(us)-1)
		for i, a := range us {
			for _, b := range us[i+1:] {
				w := 0.3
				switch {
				case a.write && b.write:
					w = 1
				case a.write || b.write:
					w = 0.6
				}
				sum[[2]int{a.file, b.file}] += w * share
			}
		}
	}
	// Two code files calling the same routine.
	callers := map[int][]int{}
	for f, m := range v.byFile {
		if !eligible[f] {
			continue
		}
		for n, a := range m {
			if _, ok := v.fileOfRoutine[n]; ok && a.calls > 0 {
				callers[n] = append(callers[n], f)
			}
		}
	}
	routines := make([]int, 0, len(callers))
	for n := range callers {
		routines = append(routines, n)
	}
	slices.Sort(routines)
	for _, n := range routines {
		fs := callers[n]
		if len(fs) < 2 {
			continue
		}
		slices.Sort(fs)
		share := 1 / float64(len(fs)-1)
		for i, a := range fs {
			for _, b := range fs[i+1:] {
				sum[[2]int{a, b}] += share
			}
		}
	}
	edges := make([]louvain.Edge, 0, len(sum))
	for k, w := range sum {
		edges = append(edges, louvain.Edge{A: k[0], B: k[1], W: w})
	}
	slices.SortFunc(edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return edges
}

// attachRoutineFiles puts each file of stored routines in the candidate
// whose code calls its routines most; a file whose routines no code calls
// goes to the candidate that writes most of the tables its routines
// touch. Others stay outside every candidate.
func (v *dataView) attachRoutineFiles(of []int) {
	routinesOf := map[int][]int{} // file -> its routine nodes
	for n, f := range v.fileOfRoutine {
		routinesOf[f] = append(routinesOf[f], n)
	}
	files := make([]int, 0, len(routinesOf))
	for f := range routinesOf {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, rf := range files {
		if of[rf] >= 0 {
			continue
		}
		votes := map[int]int{}
		for f, m := range v.byFile {
			if of[f] < 0 || f == rf {
				continue
			}
			for _, n := range routinesOf[rf] {
				if a := m[n]; a != nil && a.calls > 0 {
					votes[of[f]] += a.calls
				}
			}
		}
		if len(votes) == 0 {
			// No caller: the writers of the tables its routines touch.
			touched := map[int]bool{}
			for n, a := range v.byFile[rf] {
				if v.isTable(n) && a.reads+a.writes > 0 {
					touched[n] = true
				}
			}
			for f, m := range v.byFile {
				if of[f] < 0 || f == rf {
					continue
				}
				for n := range touched {
					if a := m[n]; a != nil {
						votes[of[f]] += a.writes
					}
				}
			}
		}
		best, bestN := -1, 0
		for c, n := range votes {
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		of[rf] = best
	}
}

// entityHome returns the candidate holding every one of the types
// mapped to a table, or -1 (none mapped, or held by several).
func entityHome(g *graph.Graph, a *assignment, entities []int) int {
	home := -1
	for _, t := range entities {
		c := a.candidateOf(g, t)
		if c < 0 || home >= 0 && c != home {
			return -1
		}
		home = c
	}
	return home
}

// tables computes the table-use section and each candidate's owned and
// shared tables.
func (v *dataView) tables(a *assignment, cands []result.Candidate) []result.TableUse {
	g := v.g
	per := map[int]map[int]*access{} // node -> candidate -> access
	for f, m := range v.byFile {
		c := a.of[f]
		if c < 0 {
			continue
		}
		for n, acc := range m {
			if per[n] == nil {
				per[n] = map[int]*access{}
			}
			x := per[n][c]
			if x == nil {
				x = &access{}
				per[n][c] = x
			}
			x.reads += acc.reads
			x.writes += acc.writes
			x.calls += acc.calls
		}
	}
	out := []result.TableUse{}
	for n, node := range g.Data {
		t := result.TableUse{Name: node.Name, Kind: node.Kind, Accesses: []result.TableAccess{}, ForeignKeys: []string{}}
		for _, r := range node.References {
			t.ForeignKeys = append(t.ForeignKeys, g.Data[r].Name)
		}
		slices.Sort(t.ForeignKeys)
		for c, acc := range per[n] {
			t.Accesses = append(t.Accesses, result.TableAccess{Candidate: a.ids[c], Reads: acc.reads, Writes: acc.writes, Calls: acc.calls})
		}
		slices.SortFunc(t.Accesses, func(x, y result.TableAccess) int {
			return cmp.Or(cmp.Compare(y.Writes, x.Writes), cmp.Compare(y.Reads+y.Calls, x.Reads+x.Calls), strings.Compare(x.Candidate, y.Candidate))
		})
		if len(t.Accesses) == 0 && !node.Declared {
			continue
		}
		var writers []string
		for _, x := range t.Accesses {
			if x.Writes > 0 {
				writers = append(writers, x.Candidate)
			}
		}
		switch {
		case len(writers) > 0:
			t.Owner = t.Accesses[0].Candidate
			if len(writers) > 1 {
				if t.Accesses[1].Writes == t.Accesses[0].Writes {
					t.Conflict = fmt.Sprintf("tie: %s and %s write it as often", writers[0], writers[1])
				} else {
					t.Conflict = "also written by " + strings.Join(writers[1:], ", ")
				}
			}
		case len(t.Accesses) == 0:
			// Mapped but never accessed directly (an ORM reaches it
			// through an association's cascade): the candidate holding
			// its classes owns it.
			if home := entityHome(g, a, node.Entities); home >= 0 {
				t.Owner = a.ids[home]
			}
		default:
			// Nobody writes it in code (reference data, or writes the
			// analysis cannot see, such as an ORM's cascades): the
			// candidate holding the classes mapped to it owns it when it
			// uses it, else its only reader does.
			home := entityHome(g, a, node.Entities)
			if home >= 0 && slices.ContainsFunc(t.Accesses, func(x result.TableAccess) bool { return x.Candidate == a.ids[home] }) {
				t.Owner = a.ids[home]
			} else if len(t.Accesses) == 1 {
				t.Owner = t.Accesses[0].Candidate
			}
		}
		t.Shared = len(t.Accesses) > 1
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y result.TableUse) int { return strings.Compare(x.Name, y.Name) })
	// Owned and shared tables per candidate.
	index := map[string]int{}
	for i, c := range cands {
		index[c.ID] = i
	}
	for _, t := range out {
		if t.Kind != "table" && t.Kind != "view" {
			continue
		}
		for _, x := range t.Accesses {
			c := &cands[index[x.Candidate]].Scores
			if x.Candidate == t.Owner {
				c.OwnedTables = append(c.OwnedTables, t.Name)
			} else if t.Shared {
				c.SharedTables = append(c.SharedTables, t.Name)
			}
		}
		if len(t.Accesses) == 0 && t.Owner != "" {
			c := &cands[index[t.Owner]].Scores
			c.OwnedTables = append(c.OwnedTables, t.Name)
		}
	}
	for i := range cands {
		slices.Sort(cands[i].Scores.OwnedTables)
		slices.Sort(cands[i].Scores.SharedTables)
	}
	return out
}

// sharedTableShare is the share of tables touched by more than one
// candidate, among the tables candidates touch.
func sharedTableShare(tables []result.TableUse) float64 {
	touched, shared := 0, 0
	for _, t := range tables {
		if (t.Kind == "table" || t.Kind == "view") && len(t.Accesses) > 0 {
			touched++
			if t.Shared {
				shared++
			}
		}
	}
	return ratio(float64(shared), float64(touched))
}
