package report

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/seams-dev/seams/result"
)

// dataView is the data-ownership matrix: tables × the candidates that
// touch any table.
type dataView struct {
	Cols     []candRef
	Rows     []dataRow
	Shared   int
	Conflict int
}

type dataRow struct {
	Index    int // in result.Tables: the row's anchor is table-Index
	Name     string
	Kind     string
	Owner    string
	Shared   bool
	Conflict string
	FKs      string // the first few
	AllFKs   string
	Cells    []dataCell
}

type dataCell struct {
	Mark  string // "R", "W", "RW", "" when not touched
	Owner bool
	Title string
}

// dataMatrix lays out the tables: shared and conflicting first, then by
// how many candidates touch them, then by name; the columns follow the
// DSM's order.
func dataMatrix(l *lookup, order []int) dataView {
	r := l.r
	var v dataView
	touched := map[string]bool{}
	for _, t := range r.Tables {
		for _, a := range t.Accesses {
			touched[a.Candidate] = true
		}
	}
	col := map[string]int{}
	for _, i := range order {
		c := r.Candidates[i]
		if touched[c.ID] {
			col[c.ID] = len(v.Cols)
			v.Cols = append(v.Cols, candRef{ID: c.ID, Name: l.short[i], Full: c.Name})
		}
	}
	idx := make([]int, len(r.Tables))
	for i := range idx {
		idx[i] = i
	}
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	slices.SortFunc(idx, func(a, b int) int {
		ta, tb := r.Tables[a], r.Tables[b]
		return cmp.Or(cmp.Compare(b2i(tb.Conflict != ""), b2i(ta.Conflict != "")), cmp.Compare(b2i(tb.Shared), b2i(ta.Shared)),
			cmp.Compare(len(tb.Accesses), len(ta.Accesses)), strings.Compare(ta.Name, tb.Name))
	})
	for _, i := range idx {
		t := r.Tables[i]
		row := dataRow{Index: i, Name: t.Name, Kind: kindOr(t.Kind, "table"), Shared: t.Shared, Conflict: t.Conflict,
			FKs: listText(t.ForeignKeys, 3), AllFKs: strings.Join(t.ForeignKeys, ", "), Cells: make([]dataCell, len(v.Cols))}
		if t.Owner != "" {
			row.Owner = l.name(t.Owner)
		}
		for _, a := range t.Accesses {
			k, ok := col[a.Candidate]
			if !ok {
				continue
			}
			c := &row.Cells[k]
			switch {
			case a.Writes > 0 && a.Reads > 0:
				c.Mark = "RW"
			case a.Writes > 0:
				c.Mark = "W"
			case a.Reads > 0:
				c.Mark = "R"
			default:
				c.Mark = "·"
			}
			c.Owner = a.Candidate == t.Owner
			c.Title = fmt.Sprintf("%s on %s: %s reads, %s writes", l.name(a.Candidate), t.Name, num(a.Reads), num(a.Writes))
			if a.Calls > 0 {
				c.Title += ", " + num(a.Calls) + " calls"
			}
			if c.Owner {
				c.Title += " (owner)"
			}
		}
		if t.Shared {
			v.Shared++
		}
		if t.Conflict != "" {
			v.Conflict++
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// planView is the extraction roadmap.
type planView struct {
	Strategy     string
	StrategyText string
	Steps        []stepView
}

type stepView struct {
	Order      int
	Candidate  candRef
	Known      bool // the candidate is in the result
	Cost       result.StepCost
	Score      string
	API        []apiView
	APIMore    int
	Tables     []moveView
	Reason     string
	CostDetail string
}

type moveView struct {
	Table, Action, Meaning, Link string
}

func actionMeaning(a string) string {
	switch a {
	case "move":
		return "it alone writes it: move the table with the service"
	case "split":
		return "others write it too: split it before extracting"
	case "sync":
		return "others read it: keep a copy in sync (change data capture or dual writes)"
	case "call":
		return "it reads another candidate's table: go through that candidate's API instead"
	}
	return a
}

const stepAPI = 8

func planView_(l *lookup) planView {
	r := l.r
	p := planView{Strategy: r.Plan.Strategy}
	switch r.Plan.Strategy {
	case "least-entangled-first":
		p.StrategyText = "least entangled first: each step extracts the candidate that is cheapest to take out of what remains, so early steps teach the team with little risk"
	case "shared-core-first":
		p.StrategyText = "shared core first: what everything depends on is extracted first, so later steps call a stable service instead of shared code"
	default:
		p.StrategyText = r.Plan.Strategy
	}
	for _, s := range r.Plan.Steps {
		_, known := l.cand[s.Candidate]
		sv := stepView{Order: s.Order, Candidate: candRef{ID: s.Candidate, Name: l.name(s.Candidate)}, Known: known,
			Cost: s.Cost, Score: ftoa(s.Cost.Score), Reason: s.Reason}
		var parts []string
		add := func(n int, what string) {
			if n > 0 {
				parts = append(parts, num(n)+" "+what)
			}
		}
		add(s.Cost.CallsIn, plural(s.Cost.CallsIn, "call")+" in to turn remote")
		add(s.Cost.CallsOut, plural(s.Cost.CallsOut, "call")+" out to turn remote")
		add(s.Cost.Tables, plural(s.Cost.Tables, "table")+" to move")
		add(s.Cost.Shared, "shared "+plural(s.Cost.Shared, "table")+" to split or sync")
		if s.Cost.Cycles > 0 {
			deps := "type dependencies"
			if s.Cost.Invert == 1 {
				deps = "type dependency"
			}
			parts = append(parts, fmt.Sprintf("%s %s to invert to leave a cycle with %s other %s", num(s.Cost.Invert), deps, num(s.Cost.Cycles), plural(s.Cost.Cycles, "candidate")))
		}
		sv.CostDetail = strings.Join(parts, ", ")
		if sv.CostDetail == "" {
			sv.CostDetail = "nothing left to untangle"
		}
		for k, a := range s.API {
			if k == stepAPI {
				sv.APIMore = len(s.API) - k
				break
			}
			sv.API = append(sv.API, apiView{Name: simpleName(a.Type) + "." + a.Method, Calls: a.Calls, Callers: a.Callers})
		}
		for _, t := range s.Tables {
			mv := moveView{Table: t.Table, Action: t.Action, Meaning: actionMeaning(t.Action)}
			if ti, ok := l.tables[t.Table]; ok {
				mv.Link = fmt.Sprintf("#table-%d", ti)
			}
			sv.Tables = append(sv.Tables, mv)
		}
		p.Steps = append(p.Steps, sv)
	}
	return p
}

// hotView lists the hotspots.
type hotView struct {
	DependedOn []typeHot
	God        []typeHot
	GodMin     string // the thresholds used, in words
	TypeCycles []cycleHot
	PkgCycles  []cycleHot
}

type typeHot struct {
	Name, Simple, At string
	Cand             candRef
	Ca, Ce           int
	FanIn, FanOut    int
	Instability      string
}

type cycleHot struct {
	Size    int
	Spans   string // "3 packages, 2 candidates"
	Members []string
	More    int
}

const (
	hotTypes  = 15
	hotGod    = 10
	hotCycles = 5
)

func hotspots(l *lookup) hotView {
	r := l.r
	var h hotView
	mk := func(t result.TypeMetrics) typeHot {
		th := typeHot{Name: t.Name, Simple: simpleName(t.Name), At: t.Path, Ca: t.Ca, Ce: t.Ce,
			FanIn: t.FanIn, FanOut: t.FanOut, Instability: fmt.Sprintf("%.2f", t.Instability)}
		if t.Line > 0 {
			th.At = fmt.Sprintf("%s:%d", t.Path, t.Line)
		}
		if ci := l.candOfType(t.Name); ci >= 0 {
			th.Cand = candRef{ID: r.Candidates[ci].ID, Name: r.Candidates[ci].Name}
		}
		return th
	}
	idx := make([]int, len(r.Types))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		ta, tb := r.Types[a], r.Types[b]
		return cmp.Or(cmp.Compare(tb.Ca, ta.Ca), cmp.Compare(tb.FanIn, ta.FanIn), strings.Compare(ta.Name, tb.Name))
	})
	for _, i := range idx {
		if len(h.DependedOn) == hotTypes || r.Types[i].Ca == 0 {
			break
		}
		h.DependedOn = append(h.DependedOn, mk(r.Types[i]))
	}

	// God classes: in the top tenth of the repository for both fan-in and
	// fan-out, and with at least 10 of each.
	if n := len(r.Types); n > 0 {
		ins := make([]int, n)
		outs := make([]int, n)
		for i, t := range r.Types {
			ins[i], outs[i] = t.FanIn, t.FanOut
		}
		slices.Sort(ins)
		slices.Sort(outs)
		minIn := max(10, ins[n*9/10])
		minOut := max(10, outs[n*9/10])
		h.GodMin = fmt.Sprintf("fan-in at least %d and fan-out at least %d (the top tenth of this repository, and at least 10 each)", minIn, minOut)
		var gods []int
		for i, t := range r.Types {
			if t.FanIn >= minIn && t.FanOut >= minOut {
				gods = append(gods, i)
			}
		}
		slices.SortFunc(gods, func(a, b int) int {
			ta, tb := r.Types[a], r.Types[b]
			return cmp.Or(cmp.Compare(tb.FanIn+tb.FanOut, ta.FanIn+ta.FanOut), strings.Compare(ta.Name, tb.Name))
		})
		for k, i := range gods {
			if k == hotGod {
				break
			}
			h.God = append(h.God, mk(r.Types[i]))
		}
	}

	typePkg := func(t string) string {
		if i := strings.LastIndexByte(t, '.'); i >= 0 {
			return t[:i]
		}
		return ""
	}
	for k, c := range r.Cycles.Types {
		if k == hotCycles {
			break
		}
		pk, cs := map[string]bool{}, map[int]bool{}
		for _, t := range c {
			pk[typePkg(t)] = true
			cs[l.candOfType(t)] = true
		}
		h.TypeCycles = append(h.TypeCycles, cycleHot{Size: len(c), Members: limit(c, cycleListed), More: max(0, len(c)-cycleListed),
			Spans: fmt.Sprintf("%d %s, %d %s", len(pk), plural(len(pk), "package"), len(cs), plural(len(cs), "candidate"))})
	}
	pkgCand := map[string]string{}
	for _, p := range r.Packages {
		pkgCand[p.Name] = p.Candidate
	}
	for k, c := range r.Cycles.Packages {
		if k == hotCycles {
			break
		}
		cs := map[string]bool{}
		for _, p := range c {
			cs[pkgCand[p]] = true
		}
		h.PkgCycles = append(h.PkgCycles, cycleHot{Size: len(c), Members: limit(c, cycleListed), More: max(0, len(c)-cycleListed),
			Spans: fmt.Sprintf("%d %s", len(cs), plural(len(cs), "candidate"))})
	}
	return h
}

func limit(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// methodView says how the analysis was made.
type methodView struct {
	Level, Resolution, Seed string
	ResolutionFrom          string // why this resolution
	Tests                   bool
	Weights                 []kv
	Skipped                 []kv
	SkippedTotal            int
	Languages               []outcomeRow
	Kinds                   []outcomeRow
	Unresolved              []kv
	Duplicates              []string
	Diagnostics             []result.Diagnostic
	DiagMore                int
	Notes                   []string
	Edges                   []kv
	Layers                  []kv
	Strategy, Services      string
	PackagePrefix           string
	History                 string // what git history was read, "" when none
	Overrides               []result.Override
}

type kv struct {
	Key, Value, Note string
}

type outcomeRow struct {
	Name                           string
	Total                          string
	Internal, External, Unresolved string
}

const methodDiagnostics = 100

// layerMeaning says what a coupling signal counts.
func layerMeaning(layer string) string {
	switch layer {
	case "structural":
		return "the code's dependencies: calls, type uses, inheritance"
	case "data":
		return "touching the same tables"
	case "evolution":
		return "files changed together in git history"
	case "people":
		return "files changed by the same authors"
	case "vocabulary":
		return "shared words in names"
	case "names":
		return "similar names"
	}
	return ""
}

// dateOnly keeps the date of an RFC 3339 time.
func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func method(r *result.Result) methodView {
	st := r.Settings
	m := methodView{Level: st.Level, Resolution: ftoa(st.Resolution), Seed: fmt.Sprint(st.Seed), Tests: st.Tests,
		Strategy: st.Strategy, PackagePrefix: r.Summary.PackagePrefix, Overrides: r.Overrides}
	if st.Services > 0 {
		m.Services = fmt.Sprint(st.Services)
	}
	switch st.ResolutionFrom {
	case "profile":
		m.ResolutionFrom = "the most stable partition of a modularity profile from 0.5 to 2"
	case "services":
		m.ResolutionFrom = "the one giving the candidate count asked for"
	default:
		m.ResolutionFrom = "as set"
	}
	layers := slices.Sorted(maps.Keys(st.Layers))
	slices.SortStableFunc(layers, func(a, b string) int { return cmp.Compare(st.Layers[b], st.Layers[a]) })
	for _, k := range layers {
		note := layerMeaning(k)
		if slices.Contains(st.EmptyLayers, k) {
			note += " (nothing to say in this repository, so not used)"
		}
		m.Layers = append(m.Layers, kv{Key: k, Value: ftoa(st.Layers[k]), Note: note})
	}
	if h := r.Summary.History; h != nil {
		m.History = fmt.Sprintf("%s commits by %s authors, from %s to %s; %s pairs of files changed together; %s large commits left out of co-change",
			num(h.Commits), num(h.Authors), dateOnly(h.First), dateOnly(h.Last), num(h.Pairs), num(h.Ignored))
	}
	ws := slices.Sorted(maps.Keys(r.Settings.Weights))
	slices.SortStableFunc(ws, func(a, b string) int { return cmp.Compare(r.Settings.Weights[b], r.Settings.Weights[a]) })
	for _, k := range ws {
		m.Weights = append(m.Weights, kv{Key: k, Value: ftoa(r.Settings.Weights[k])})
	}
	hints := map[string]string{"test": "use --tests", "generated": "use --keep-generated", "too-large": "use --max-file-size", "vendored": "use --include"}
	sk := slices.Sorted(maps.Keys(r.Diagnostics.Skipped))
	slices.SortStableFunc(sk, func(a, b string) int { return cmp.Compare(r.Diagnostics.Skipped[b], r.Diagnostics.Skipped[a]) })
	for _, k := range sk {
		m.Skipped = append(m.Skipped, kv{Key: k, Value: num(r.Diagnostics.Skipped[k]), Note: hints[k]})
		m.SkippedTotal += r.Diagnostics.Skipped[k]
	}
	outcome := func(name string, o result.Outcome) outcomeRow {
		n := o.Internal + o.External + o.Unresolved
		return outcomeRow{Name: name, Total: num(n), Internal: pct(o.Internal, n), External: pct(o.External, n), Unresolved: num(o.Unresolved) + " (" + pct(o.Unresolved, n) + ")"}
	}
	for _, k := range slices.Sorted(maps.Keys(r.Graph.References)) {
		m.Languages = append(m.Languages, outcome(k, r.Graph.References[k]))
	}
	for _, k := range slices.Sorted(maps.Keys(r.Graph.ByKind)) {
		m.Kinds = append(m.Kinds, outcome(k, r.Graph.ByKind[k]))
	}
	for _, k := range slices.Sorted(maps.Keys(r.Graph.Edges)) {
		m.Edges = append(m.Edges, kv{Key: k, Value: num(r.Graph.Edges[k])})
	}
	for _, u := range r.Graph.TopUnresolved {
		m.Unresolved = append(m.Unresolved, kv{Key: u.Name, Value: num(u.Count)})
	}
	m.Duplicates = r.Graph.DuplicateTypes
	d := r.Diagnostics.Files
	if len(d) > methodDiagnostics {
		m.DiagMore = len(d) - methodDiagnostics
		d = d[:methodDiagnostics]
	}
	m.Diagnostics = d
	m.Notes = r.Diagnostics.Notes
	return m
}
