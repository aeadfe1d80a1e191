package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/seams-dev/seams/result"
)

// lookup indexes a result for the renderers: candidates by ID, the
// candidate of each type, file and package, and the candidate cycles.
type lookup struct {
	r        *result.Result
	cand     map[string]int // candidate ID -> index in r.Candidates
	typeCand map[string]int // fully qualified type -> candidate index
	fileCand map[string]int // path -> candidate index
	pkgs     map[string]bool
	// cycleOf is the index in r.Cycles.Candidates of the cycle a
	// candidate belongs to, -1 when none.
	cycleOf []int
	tables  map[string]int // table name -> index in r.Tables
	// prefix is the name prefix every candidate shares, up to a "." or
	// "/" ("org.apache.fineract"); short are the names without it.
	prefix string
	short  []string
}

func newLookup(r *result.Result) *lookup {
	l := &lookup{
		r:        r,
		cand:     make(map[string]int, len(r.Candidates)),
		typeCand: map[string]int{},
		fileCand: map[string]int{},
		pkgs:     make(map[string]bool, len(r.Packages)),
		cycleOf:  make([]int, len(r.Candidates)),
		tables:   make(map[string]int, len(r.Tables)),
	}
	for i, c := range r.Candidates {
		l.cand[c.ID] = i
		l.cycleOf[i] = -1
		for _, m := range c.Members {
			l.fileCand[m.Path] = i
			for _, t := range m.Classes {
				l.typeCand[t] = i
			}
		}
	}
	for _, p := range r.Packages {
		l.pkgs[p.Name] = true
	}
	for ci, cyc := range r.Cycles.Candidates {
		for _, id := range cyc {
			if i, ok := l.cand[id]; ok {
				l.cycleOf[i] = ci
			}
		}
	}
	for i, t := range r.Tables {
		l.tables[t.Name] = i
	}
	names := make([]string, len(r.Candidates))
	for i, c := range r.Candidates {
		names[i] = c.Name
	}
	l.prefix = namePrefix(names)
	l.short = make([]string, len(names))
	for i, n := range names {
		l.short[i] = n
		if l.prefix != "" {
			l.short[i] = n[len(l.prefix)+1:]
		}
	}
	return l
}

// namePrefix returns the longest prefix that every name extends with a
// "." or "/" followed by more: "org.acme" for "org.acme.a" and
// "org.acme/B". It is "" for fewer than two names.
func namePrefix(names []string) string {
	if len(names) < 2 {
		return ""
	}
	p := names[0]
	for _, n := range names[1:] {
		k := 0
		for k < len(p) && k < len(n) && p[k] == n[k] {
			k++
		}
		p = p[:k]
	}
	for p != "" {
		ok := true
		for _, n := range names {
			if len(n) <= len(p)+1 || (n[len(p)] != '.' && n[len(p)] != '/') {
				ok = false
				break
			}
		}
		if ok {
			return p
		}
		i := strings.LastIndexAny(p, "./")
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
	return ""
}

// name returns the display name of a candidate ID, the ID itself when
// the result does not list it.
func (l *lookup) name(id string) string {
	if i, ok := l.cand[id]; ok {
		return l.r.Candidates[i].Name
	}
	return id
}

// candOfType returns the candidate index of a type, -1 when unknown.
func (l *lookup) candOfType(name string) int {
	if i, ok := l.typeCand[name]; ok {
		return i
	}
	return -1
}

// packageOf returns the package of a member: the longest known package
// that prefixes one of its classes, else the file's directory.
func (l *lookup) packageOf(m result.Member) string {
	best := ""
	for _, c := range m.Classes {
		for p := c; ; {
			i := strings.LastIndexByte(p, '.')
			if i < 0 {
				break
			}
			p = p[:i]
			if l.pkgs[p] {
				if len(p) > len(best) {
					best = p
				}
				break
			}
		}
	}
	if best != "" {
		return best
	}
	if i := strings.LastIndexByte(m.Path, '/'); i >= 0 {
		return m.Path[:i]
	}
	return "."
}

// edge is a weighted dependency between two nodes of a small graph, by
// index.
type edge struct {
	From, To int
	Weight   float64
	Refs     int // references counted, all kinds
	Kinds    map[string]int
}

// candidateEdges returns the dependencies between candidates as edges
// by candidate index, heaviest first, skipping IDs the result does not
// list.
func (l *lookup) candidateEdges() []edge {
	var es []edge
	for _, d := range l.r.Dependencies {
		f, ok1 := l.cand[d.From]
		t, ok2 := l.cand[d.To]
		if !ok1 || !ok2 || f == t {
			continue
		}
		n := 0
		for _, c := range d.Kinds {
			n += c
		}
		es = append(es, edge{From: f, To: t, Weight: d.Weight, Refs: n, Kinds: d.Kinds})
	}
	sortEdges(es)
	return es
}

func sortEdges(es []edge) {
	slices.SortFunc(es, func(a, b edge) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
}

// kindsText renders reference counts per kind: "12 calls, 3 type uses".
func kindsText(kinds map[string]int) string {
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(kinds[b], kinds[a]), strings.Compare(a, b)) })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, num(kinds[k])+" "+plural(kinds[k], kindNoun(k)))
	}
	return strings.Join(parts, ", ")
}

func kindNoun(k string) string {
	switch k {
	case "call":
		return "call"
	case "new":
		return "instantiation"
	case "extends":
		return "extends"
	case "implements":
		return "implements"
	case "type-use":
		return "type use"
	case "annotation":
		return "annotation"
	case "method-ref":
		return "method reference"
	case "reads":
		return "read"
	case "writes":
		return "write"
	case "calls":
		return "routine call"
	}
	return k
}

// plural returns noun, with an s when n is not 1 (nouns ending in s are
// left alone).
func plural(n int, noun string) string {
	if n == 1 || strings.HasSuffix(noun, "s") {
		return noun
	}
	return noun + "s"
}

// simpleName returns the last dotted segment of a name.
func simpleName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}
