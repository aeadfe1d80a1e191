package report

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/seams-dev/seams/result"
)

// cardView is one candidate's card.
type cardView struct {
	Index       int
	ID, Name    string
	Files       int
	Types       int
	Lines       int
	Share       string // of the repository's lines
	Cohesion    string
	CycleWith   []candRef
	Why         []string
	Ties        []tieView
	Parts       []partView
	Difficulty  string // "" when not computed
	DiffParts   []partView
	Owned       []tableRef
	Shared      []tableRef
	API         []apiView
	APIMore     []apiView
	Packages    []pkgShare
	PkgMore     int
	TypeCycles  []cycleView
	DependsOn   []candRef
	UsedBy      []candRef
	PlanStep    int // 0 when the plan does not list it
	Internals   template.HTML
	InternalDOT string
	PkgDSM      *dsmView
}

type partView struct {
	Name, Value, Meaning string
	Bar                  int // 0–100, for a bar; -1 for none
}

type tieView struct {
	Dir      string // "uses" or "used by"
	Other    candRef
	Refs     string
	Kinds    string
	Examples []exampleView
}

// exampleView is one type-level dependency: "A → B.m", how often, where.
type exampleView struct {
	Text, Count, File, At string
}

type tableRef struct {
	Name string
	Link string
	Note string
}

type apiView struct {
	Name           string
	Calls, Callers int
}

type pkgShare struct {
	Name  string
	Files int
	Share string
	Bar   int
}

type cycleView struct {
	Size    int
	Here    int // members in this candidate
	Cands   int // candidates the cycle spans
	Members []nameView
	More    int
}

// nameView is a qualified name shown by its last segment.
type nameView struct{ Simple, Full string }

const (
	cardPackages  = 12 // packages listed on a card; the member tree has all
	cardAPI       = 10
	cardTies      = 3
	cardCycles    = 5
	internalsMax  = 40 // packages drawn in a candidate's diagram
	cycleListed   = 15
	tieExamples   = 2
	typeCycleSize = 3 // type cycles listed on a card from this size
)

func cards(l *lookup) []cardView {
	r := l.r
	out := make([]cardView, 0, len(r.Candidates))
	steps := map[string]int{}
	for _, s := range r.Plan.Steps {
		steps[s.Candidate] = s.Order
	}
	es := l.candidateEdges()
	for i, c := range r.Candidates {
		sc := c.Scores
		cv := cardView{Index: i, ID: c.ID, Name: c.Name, Files: sc.Files, Types: sc.Types, Lines: sc.Lines,
			Cohesion: fmt.Sprintf("%.2f", sc.Cohesion), PlanStep: steps[c.ID]}
		if r.Summary.Lines > 0 {
			cv.Share = pctf(float64(sc.Lines) / float64(r.Summary.Lines))
		}
		if ci := l.cycleOf[i]; ci >= 0 {
			for _, id := range r.Cycles.Candidates[ci] {
				if id != c.ID {
					cv.CycleWith = append(cv.CycleWith, candRef{ID: id, Name: l.name(id)})
				}
			}
		}
		cv.Why = why(c)
		cv.Ties = ties(l, i, es)
		cv.Parts = scoreParts(c)
		if sc.Difficulty > 0 || len(sc.DifficultyParts) > 0 {
			cv.Difficulty = fmt.Sprintf("%.0f", sc.Difficulty)
			keys := slices.Sorted(maps.Keys(sc.DifficultyParts))
			slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(sc.DifficultyParts[b], sc.DifficultyParts[a]) })
			for _, k := range keys {
				v := sc.DifficultyParts[k]
				cv.DiffParts = append(cv.DiffParts, partView{Name: k, Value: ftoa(v), Bar: int(min(100, max(0, v)))})
			}
		}
		for _, t := range sc.OwnedTables {
			cv.Owned = append(cv.Owned, l.tableRef(t, ""))
		}
		for _, t := range sc.SharedTables {
			note := ""
			if ti, ok := l.tables[t]; ok {
				if o := r.Tables[ti].Owner; o != "" && o != c.ID {
					note = "owned by " + l.name(o)
				}
			}
			cv.Shared = append(cv.Shared, l.tableRef(t, note))
		}
		for k, a := range sc.API {
			av := apiView{Name: simpleName(a.Type) + "." + a.Method, Calls: a.Calls, Callers: a.Callers}
			if k < cardAPI {
				cv.API = append(cv.API, av)
			} else {
				cv.APIMore = append(cv.APIMore, av)
			}
		}
		for k, p := range c.Packages {
			if k >= cardPackages {
				cv.PkgMore = len(c.Packages) - k
				break
			}
			cv.Packages = append(cv.Packages, pkgShare{Name: p.Name, Files: p.Files, Share: pctf(p.Share), Bar: int(p.Share*100 + 0.5)})
		}
		cv.TypeCycles = typeCycles(l, i)
		for _, id := range sc.DependsOn {
			cv.DependsOn = append(cv.DependsOn, candRef{ID: id, Name: l.name(id)})
		}
		for _, id := range sc.UsedBy {
			cv.UsedBy = append(cv.UsedBy, candRef{ID: id, Name: l.name(id)})
		}
		names, shares, pes := l.packageGraph(i)
		if len(pes) > 0 {
			cv.InternalDOT = packageDOT(c.Name, names, shares, pes)
			links := make([]string, len(names))
			d := buildDSM(names, links, pes)
			cv.PkgDSM = &d
		}
		out = append(out, cv)
	}
	return out
}

func (l *lookup) tableRef(name, note string) tableRef {
	t := tableRef{Name: name, Note: note}
	if ti, ok := l.tables[name]; ok {
		t.Link = fmt.Sprintf("#table-%d", ti)
	}
	return t
}

// why explains in sentences why the members of a candidate were put
// together, from what the result says of it.
func why(c result.Candidate) []string {
	sc := c.Scores
	var out []string
	if sc.CouplingIn+sc.CouplingOut == 0 {
		out = append(out, "Nothing outside it depends on it and it depends on nothing outside: it is self-contained (or isolated).")
	} else {
		out = append(out, fmt.Sprintf("%s of the dependency weight touching it stays inside (cohesion %.2f).", pctf(sc.Cohesion), sc.Cohesion))
	}
	if n := sc.CallsInternal + sc.CallsOut; n > 0 {
		out = append(out, fmt.Sprintf("Of its %s calls into the repository, %s stay inside and %s go to other candidates (%s).",
			num(n), num(sc.CallsInternal), num(sc.CallsOut), pctf(sc.CrossCallShare)))
	}
	if len(c.Packages) > 0 {
		p := c.Packages[0]
		s := fmt.Sprintf("Most of its code is in %s (%s of its lines)", p.Name, pctf(p.Share))
		if len(c.Packages) > 1 {
			s += fmt.Sprintf("; %d other %s hold the rest", len(c.Packages)-1, plural(len(c.Packages)-1, "package"))
		}
		out = append(out, s+".")
	}
	// The strongest tie of each signal (Links are grouped by signal,
	// strongest first).
	var strongest []string
	seen := map[string]bool{}
	for _, l := range c.Links {
		if !seen[l.Layer] {
			seen[l.Layer] = true
			strongest = append(strongest, fmt.Sprintf("%s and %s (%s)", baseName(l.A), baseName(l.B), layerMeaning(l.Layer)))
		}
	}
	if len(strongest) > 0 {
		out = append(out, "Its strongest ties: "+strings.Join(strongest, "; ")+".")
	}
	return out
}

// baseName is the last element of a slash-separated path.
func baseName(p string) string {
	return p[strings.LastIndexByte(p, '/')+1:]
}

// ties are a candidate's strongest dependencies on and from others.
func ties(l *lookup, i int, es []edge) []tieView {
	r := l.r
	var out []tieView
	add := func(e edge, dir string, other int) {
		t := tieView{Dir: dir, Other: candRef{ID: r.Candidates[other].ID, Name: r.Candidates[other].Name},
			Refs: num(e.Refs) + " " + plural(e.Refs, "reference"), Kinds: kindsText(e.Kinds)}
		for _, d := range r.Dependencies {
			if d.From == r.Candidates[e.From].ID && d.To == r.Candidates[e.To].ID {
				for k, x := range d.Examples {
					if k == tieExamples {
						break
					}
					ex := exampleView{Text: simpleName(x.From) + " → " + simpleName(x.To), At: x.At,
						Count: num(x.Count) + " " + plural(x.Count, kindNoun(x.Kind))}
					if x.Member != "" {
						ex.Text += "." + x.Member
					}
					ex.File = x.At
					if i := strings.LastIndexByte(x.At, '/'); i >= 0 {
						ex.File = x.At[i+1:]
					}
					t.Examples = append(t.Examples, ex)
				}
				break
			}
		}
		out = append(out, t)
	}
	n := 0
	for _, e := range es {
		if e.From == i && n < cardTies {
			add(e, "uses", e.To)
			n++
		}
	}
	n = 0
	for _, e := range es {
		if e.To == i && n < cardTies {
			add(e, "is used by", e.From)
			n++
		}
	}
	return out
}

func scoreParts(c result.Candidate) []partView {
	sc := c.Scores
	bar := func(f float64) int { return int(min(100, max(0, f*100+0.5))) }
	parts := []partView{
		{Name: "Cohesion", Value: fmt.Sprintf("%.2f", sc.Cohesion), Meaning: "weight inside ÷ all weight touching it; 1 is self-contained (higher is better)", Bar: bar(sc.Cohesion)},
		{Name: "Calls that would become remote", Value: pctf(sc.CrossCallShare), Meaning: "calls out ÷ all its calls into the repository (lower is better)", Bar: bar(sc.CrossCallShare)},
		{Name: "Calls inside / out / in", Value: num(sc.CallsInternal) + " / " + num(sc.CallsOut) + " / " + num(sc.CallsIn), Meaning: "call sites inside it, from it to others, from others into it", Bar: -1},
		{Name: "Coupling out / in", Value: ftoa(sc.CouplingOut) + " / " + ftoa(sc.CouplingIn), Meaning: "weight of its dependencies on others, and of others on it", Bar: -1},
	}
	for _, layer := range slices.Sorted(maps.Keys(sc.ByLayer)) {
		ls := sc.ByLayer[layer]
		if ls.Internal+ls.External == 0 {
			continue
		}
		parts = append(parts, partView{Name: "Cohesion in the " + layer + " signal", Value: fmt.Sprintf("%.2f", ls.Cohesion),
			Meaning: layerMeaning(layer) + ": ties inside ÷ all its ties (higher is better)", Bar: bar(ls.Cohesion)})
	}
	return parts
}

// typeCycles lists the type cycles with members in candidate i, largest
// first.
func typeCycles(l *lookup, i int) []cycleView {
	var out []cycleView
	for _, cyc := range l.r.Cycles.Types {
		if len(cyc) < typeCycleSize {
			break // largest first
		}
		here := 0
		cands := map[int]bool{}
		for _, t := range cyc {
			ci := l.candOfType(t)
			cands[ci] = true
			if ci == i {
				here++
			}
		}
		if here == 0 {
			continue
		}
		cv := cycleView{Size: len(cyc), Here: here, Cands: len(cands)}
		for k, t := range cyc {
			if k == cycleListed {
				cv.More = len(cyc) - k
				break
			}
			cv.Members = append(cv.Members, nameView{Simple: simpleName(t), Full: t})
		}
		out = append(out, cv)
		if len(out) == cardCycles {
			break
		}
	}
	return out
}

// packageGraph returns the packages of candidate i (largest first, at
// most internalsMax), their shares and the dependencies between them.
//
// The result does not hold package-to-package dependencies yet, so the
// list of dependencies is empty and the card says so; see
// packageDepsOf for what it needs.
func (l *lookup) packageGraph(i int) (names []string, shares []float64, es []edge) {
	c := l.r.Candidates[i]
	for k, p := range c.Packages {
		if k == internalsMax {
			break
		}
		names = append(names, p.Name)
		shares = append(shares, p.Share)
	}
	pos := make(map[string]int, len(names))
	for k, n := range names {
		pos[n] = k
	}
	for _, d := range packageDepsOf(l.r, c.ID) {
		f, ok1 := pos[d.from]
		t, ok2 := pos[d.to]
		if ok1 && ok2 && f != t {
			es = append(es, edge{From: f, To: t, Weight: d.weight, Refs: d.refs, Kinds: d.kinds})
		}
	}
	sortEdges(es)
	return names, shares, es
}

// packageDep is a dependency between two packages of one candidate.
type packageDep struct {
	from, to string
	weight   float64
	refs     int
	kinds    map[string]int
}

// packageDepsOf returns the package-level dependencies inside a
// candidate.
func packageDepsOf(r *result.Result, candidate string) []packageDep {
	var out []packageDep
	for _, c := range r.Candidates {
		if c.ID != candidate {
			continue
		}
		for _, d := range c.PackageDeps {
			refs := 0
			for _, n := range d.Kinds {
				refs += n
			}
			out = append(out, packageDep{from: d.From, to: d.To, weight: d.Weight, refs: refs, kinds: d.Kinds})
		}
	}
	return out
}

// memberTree is the data of a candidate's member tree for the page's
// script: packages, each with its files and their classes relative to
// the package.
type memberTree struct {
	ID   string    `json:"id"`
	Name string    `json:"n"`
	Pkgs []pkgTree `json:"p"`
}

type pkgTree struct {
	Name  string     `json:"n"`
	Files []fileTree `json:"f"`
}

// fileTree is [path, lines, [classes]] in the JSON, to keep it short.
type fileTree [3]any

func memberTrees(l *lookup) []memberTree {
	out := make([]memberTree, 0, len(l.r.Candidates))
	for _, c := range l.r.Candidates {
		byPkg := map[string][]fileTree{}
		for _, m := range c.Members {
			p := l.packageOf(m)
			classes := make([]string, len(m.Classes))
			for k, cl := range m.Classes {
				classes[k] = strings.TrimPrefix(cl, p+".")
			}
			byPkg[p] = append(byPkg[p], fileTree{m.Path, m.Lines, classes})
		}
		mt := memberTree{ID: c.ID, Name: c.Name}
		for _, p := range slices.Sorted(maps.Keys(byPkg)) {
			files := byPkg[p]
			slices.SortFunc(files, func(a, b fileTree) int { return strings.Compare(a[0].(string), b[0].(string)) })
			mt.Pkgs = append(mt.Pkgs, pkgTree{Name: p, Files: files})
		}
		out = append(out, mt)
	}
	return out
}
