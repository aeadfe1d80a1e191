package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/seams-dev/seams/result"
)

// view.go turns a result into what the HTML page and summary.md show:
// plain strings and numbers, computed once, so the templates only lay
// them out. Nothing here reads anything but the result.

// scoreView is an overall score with its meaning.
type scoreView struct {
	Name    string
	Value   string
	Meaning string
	Better  string // "higher is better", "lower is better"
	Verdict string // good, fair, poor; "" when the value says nothing alone
	Mark    string // a symbol for the verdict, so that it is not told by colour alone
}

// risk is one of the summary's risks, in plain words.
type risk struct {
	Title string
	Text  string
	Link  string // fragment of the section that shows it
	score float64
}

type candRef struct {
	ID   string
	Name string
	Full string // the full name, when Name is shortened
}

type kernelView struct {
	Name, Simple, Path, Kind, KindText, Reason string
	FanIn, UsedBy                              int
}

// view is everything the report shows.
type view struct {
	Repo, Commit, CommitShort string
	Date                      string // of the commit analysed, "" when unknown
	Prefix                    string // shared by every candidate's name, left out of the map and matrices
	Tool, Schema              string
	Languages                 []string
	Files, Lines, Types       int
	Packages, TableCount      int
	Skipped                   int
	Scores                    []scoreView
	NCandidates               int
	Kernel                    []kernelView
	Risks                     []risk
	Cards                     []cardView
	DSM                       dsmView
	Data                      dataView
	Plan                      planView
	Hot                       hotView
	Method                    methodView
	Trends                    *trendView
}

func buildView(r *result.Result) (*view, *lookup) {
	l := newLookup(r)
	v := &view{
		Repo:        r.Repository.Name,
		Commit:      r.Repository.Commit,
		CommitShort: short(r.Repository.Commit),
		Tool:        strings.TrimSpace(r.Tool.Name + " " + r.Tool.Version),
		Schema:      r.Schema,
		Files:       r.Summary.Files,
		Lines:       r.Summary.Lines,
		Types:       r.Summary.Types,
		Packages:    r.Summary.Packages,
		TableCount:  len(r.Tables),
		Skipped:     r.Summary.Skipped,
		NCandidates: len(r.Candidates),
		Prefix:      l.prefix,
	}
	if v.Repo == "" {
		v.Repo = "repository"
	}
	// The commit's own date; else the newest commit the history signals
	// read (a result of an older seams has only that).
	date := r.Repository.Date
	if h := r.Summary.History; date == "" && h != nil {
		date = h.Last
	}
	if date != "" {
		v.Date = date
		if t, err := time.Parse(time.RFC3339, date); err == nil {
			v.Date = t.UTC().Format("2 January 2006")
		}
	}
	for _, lc := range r.Summary.Languages {
		v.Languages = append(v.Languages, fmt.Sprintf("%s (%s %s, %s lines)", lc.Language, num(lc.Files), plural(lc.Files, "file"), num(lc.Lines)))
	}
	v.Scores = scoreViews(r)
	for _, k := range r.Kernel {
		v.Kernel = append(v.Kernel, kernelView{Name: k.Name, Simple: simpleName(k.Name), Path: k.Path, Kind: k.Kind,
			KindText: kernelKindText(k.Kind), Reason: k.Reason, FanIn: k.FanIn, UsedBy: k.UsedBy})
	}
	v.Risks = risks(l)
	v.DSM = candidateDSM(l)
	v.Cards = cards(l)
	v.Data = dataMatrix(l, v.DSM.order)
	v.Plan = planView_(l)
	v.Hot = hotspots(l)
	v.Method = method(r)
	v.Trends = buildTrends(trendPoints(r))
	return v, l
}

func kernelKindText(kind string) string {
	switch kind {
	case "library":
		return "publish as a shared library"
	case "shared-service":
		return "extract early as a shared service"
	case "smell":
		return "split it: it mixes data and behaviour others depend on"
	}
	return kind
}

// pctf formats a share (0–1) as a whole percentage, "<1%" for small
// non-zero shares.
func pctf(f float64) string {
	switch {
	case f > 0 && f < 0.005:
		return "<1%"
	case f < 1 && f > 0.995:
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", f*100)
}

func scoreViews(r *result.Result) []scoreView {
	s := r.Scores
	if len(r.Candidates) == 0 {
		return nil
	}
	verdict := func(good, fair bool) (string, string) {
		switch {
		case good:
			return "good", "✓"
		case fair:
			return "fair", "~"
		}
		return "poor", "✗"
	}
	var out []scoreView
	v, m := verdict(s.Modularity >= 0.4, s.Modularity >= 0.3)
	out = append(out, scoreView{Name: "Modularity (Q)", Value: fmt.Sprintf("%.2f", s.Modularity),
		Meaning: "How much more of the dependency weight stays inside candidates than chance would give; above 0.3 usually means real structure, above 0.4 clear structure.",
		Better:  "higher is better", Verdict: v, Mark: m})
	v, m = verdict(s.ICP <= 0.1, s.ICP <= 0.3)
	out = append(out, scoreView{Name: "Calls crossing candidates (ICP)", Value: pctf(s.ICP),
		Meaning: "The share of call sites that go from one candidate to another: each would become a remote call after extraction; up to 10% is good, over 30% poor.",
		Better:  "lower is better", Verdict: v, Mark: m})
	perType := ""
	if r.Summary.Types > 0 {
		perType = fmt.Sprintf(" (%.1f per type)", float64(s.CrossDependencies)/float64(r.Summary.Types))
	}
	out = append(out, scoreView{Name: "Cross-candidate dependencies", Value: num(s.CrossDependencies),
		Meaning: "Distinct type-to-type dependencies that cross a candidate boundary" + perType + ": each is an interface to design or a dependency to remove.",
		Better:  "lower is better"})
	v, m = verdict(s.CandidateCycles == 0, false)
	inCycles := 0
	for _, c := range r.Cycles.Candidates {
		inCycles += len(c)
	}
	value := num(s.CandidateCycles)
	if inCycles > 0 {
		// One cycle may hold nearly every candidate: the count alone
		// would read as a small problem.
		value += fmt.Sprintf(" (%s of %s candidates)", num(inCycles), num(len(r.Candidates)))
	}
	out = append(out, scoreView{Name: "Cycles between candidates", Value: value,
		Meaning: "Groups of candidates that depend on each other in a circle; 0 means the candidates can be layered and extracted one by one.",
		Better:  "lower is better", Verdict: v, Mark: m})
	// The literature's other scores: no verdict, for want of thresholds
	// that hold across code bases.
	if s.TurboMQ != 0 {
		out = append(out, scoreView{Name: "TurboMQ", Value: fmt.Sprintf("%.1f of %d", s.TurboMQ, len(r.Candidates)),
			Meaning: "Mitchell and Mancoridis's modularization quality: each candidate scores its inside weight over its inside weight plus half the weight crossing its border; at most one per candidate.",
			Better:  "higher is better"})
	}
	if s.SM != 0 {
		out = append(out, scoreView{Name: "Structural modularity (SM)", Value: fmt.Sprintf("%.2f", s.SM),
			Meaning: "Jin et al.'s mean cohesion minus mean coupling of the candidates, over distinct file dependencies; from -1 to 1.",
			Better:  "higher is better"})
	}
	if s.IFN != 0 {
		out = append(out, scoreView{Name: "Interface number (IFN)", Value: fmt.Sprintf("%.1f", s.IFN),
			Meaning: "The mean number of types per candidate that other candidates call: the width of the interfaces to build.",
			Better:  "lower is better"})
	}
	if s.NED != 0 {
		out = append(out, scoreView{Name: "Non-extreme distribution (NED)", Value: pctf(s.NED),
			Meaning: "The share of files in candidates of fewer than 5 or more than 20 files: how far the sizes are from a service a team can own.",
			Better:  "lower is better"})
	}
	if len(r.Tables) > 0 {
		out = append(out, scoreView{Name: "Shared tables", Value: pctf(s.SharedTables),
			Meaning: "The share of tables touched by more than one candidate: each must be split, synchronised or served through an API.",
			Better:  "lower is better"})
	}
	var total, unresolved int
	for _, o := range r.Graph.References {
		total += o.Internal + o.External + o.Unresolved
		unresolved += o.Unresolved
	}
	if total > 0 {
		share := float64(unresolved) / float64(total)
		v, m = verdict(share <= 0.05, share <= 0.15)
		out = append(out, scoreView{Name: "Unresolved references", Value: pctf(share),
			Meaning: "References seams could not place (never guessed into a dependency): the higher, the more couplings the analysis may miss; see Method.",
			Better:  "lower is better", Verdict: v, Mark: m})
	}
	return out
}

// Risk thresholds; the Method section quotes them.
const (
	riskCohesion   = 0.5  // a candidate keeping less of its weight inside is weak
	riskICP        = 0.3  // more calls than this crossing is costly
	riskTypeCycle  = 5    // a type cycle this large needs refactoring
	riskUnresolved = 0.1  // more unresolved references than this hides couplings
	riskModularity = 0.3  // below this the partition is barely better than chance
	riskMinLines   = 0.02 // a candidate under this share of the lines is too small to judge
)

// risks derives the risks of the decomposition from the data and
// returns the three most serious, most serious first.
func risks(l *lookup) []risk {
	r := l.r
	var out []risk
	if len(r.Cycles.Candidates) > 0 {
		c := r.Cycles.Candidates[0]
		names := make([]string, len(c))
		for i, id := range c {
			names[i] = l.name(id)
		}
		out = append(out, risk{Title: fmt.Sprintf("%d candidates depend on each other in a cycle", len(c)),
			Text: fmt.Sprintf("%s form a dependency cycle: none of them can be extracted on its own until the cycle is broken.", listText(names, 6)),
			Link: "#dsm", score: 100 + float64(len(c))})
	}
	// The most shared table: most writers, then most candidates.
	best := -1
	for i, t := range r.Tables {
		if !t.Shared || len(t.Accesses) < 2 {
			continue
		}
		if best < 0 || cmp.Or(cmp.Compare(writers(t), writers(r.Tables[best])), cmp.Compare(len(t.Accesses), len(r.Tables[best].Accesses))) > 0 {
			best = i
		}
	}
	if best >= 0 {
		t := r.Tables[best]
		var ws, rs []string
		for _, a := range t.Accesses {
			if a.Writes > 0 {
				ws = append(ws, l.name(a.Candidate))
			} else {
				rs = append(rs, l.name(a.Candidate))
			}
		}
		text := fmt.Sprintf("%s %s is touched by %d candidates", upperFirst(kindOr(t.Kind, "table")), t.Name, len(t.Accesses))
		if len(ws) > 1 {
			text += fmt.Sprintf(": written by %s", listText(ws, 4))
			if len(rs) > 0 {
				text += fmt.Sprintf(" and read by %s", listText(rs, 3))
			}
			text += ". Decide who owns it and split it before extracting any of them."
		} else {
			text += ". Whoever is extracted first must keep it in sync or serve it through an API."
		}
		out = append(out, risk{Title: "Shared " + kindOr(t.Kind, "table") + " " + t.Name, Text: text,
			Link: fmt.Sprintf("#table-%d", best), score: 90 + 5*float64(writers(t)) + float64(len(t.Accesses))})
	}
	for _, k := range r.Kernel {
		if k.Kind == "smell" {
			out = append(out, risk{Title: "God class " + simpleName(k.Name),
				Text: fmt.Sprintf("%s is used by %d candidates and mixes shared data with behaviour: split it before extracting them.", k.Name, k.UsedBy),
				Link: "#kernel", score: 85 + float64(k.UsedBy)/10})
			break
		}
	}
	if r.Scores.ICP > riskICP && len(r.Candidates) > 1 {
		out = append(out, risk{Title: pctf(r.Scores.ICP) + " of calls cross candidates",
			Text: fmt.Sprintf("Extracted as proposed, %s of the calls in the code would become remote calls. Look at the heaviest arrows of the context map first.", pctf(r.Scores.ICP)),
			Link: "#context-map", score: 70 + 20*r.Scores.ICP})
	}
	if len(r.Candidates) > 1 && r.Scores.Modularity < riskModularity {
		out = append(out, risk{Title: fmt.Sprintf("Weak structure (modularity %.2f)", r.Scores.Modularity),
			Text: "The candidates keep barely more of their dependencies inside than a random split would: treat the boundaries as hypotheses to test, not as findings.",
			Link: "#summary", score: 75})
	}
	// The least cohesive candidate big enough to matter.
	weakest := -1
	for i, c := range r.Candidates {
		if float64(c.Scores.Lines) < riskMinLines*float64(r.Summary.Lines) || c.Scores.Cohesion >= riskCohesion {
			continue
		}
		if c.Scores.CouplingIn+c.Scores.CouplingOut == 0 {
			continue
		}
		if weakest < 0 || c.Scores.Cohesion < r.Candidates[weakest].Scores.Cohesion {
			weakest = i
		}
	}
	if weakest >= 0 {
		c := r.Candidates[weakest]
		out = append(out, risk{Title: "Loose candidate " + c.Name,
			Text: fmt.Sprintf("%s keeps only %s of the dependency weight touching it inside (cohesion %.2f): its boundary is the least convincing; see what it depends on in its card.", c.Name, pctf(c.Scores.Cohesion), c.Scores.Cohesion),
			Link: "#candidate-" + c.ID, score: 60 + 30*(1-c.Scores.Cohesion)})
	}
	if len(r.Cycles.Types) > 0 && len(r.Cycles.Types[0]) >= riskTypeCycle {
		c := r.Cycles.Types[0]
		cands := map[int]bool{}
		for _, t := range c {
			if i := l.candOfType(t); i >= 0 {
				cands[i] = true
			}
		}
		text := fmt.Sprintf("%d types depend on each other in one cycle", len(c))
		if len(cands) > 1 {
			text += fmt.Sprintf(", across %d candidates", len(cands))
		}
		text += ": they cannot be separated without refactoring. See Hotspots for the members."
		out = append(out, risk{Title: fmt.Sprintf("A cycle of %d types", len(c)), Text: text, Link: "#hotspots",
			score: 50 + math.Min(float64(len(c)), 40) + 10*float64(len(cands)-1)})
	}
	var total, unresolved int
	for _, o := range r.Graph.References {
		total += o.Internal + o.External + o.Unresolved
		unresolved += o.Unresolved
	}
	if total > 0 && float64(unresolved)/float64(total) > riskUnresolved {
		share := float64(unresolved) / float64(total)
		out = append(out, risk{Title: pctf(share) + " of references unresolved",
			Text: "Many names could not be placed, so some couplings are missing from every score. See Method for the names most often unresolved.",
			Link: "#method", score: 40 + 50*share})
	}
	slices.SortStableFunc(out, func(a, b risk) int { return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.Title, b.Title)) })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// kindOr returns kind, or def when it is empty.
func kindOr(kind, def string) string {
	if kind == "" {
		return def
	}
	return kind
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// listText joins names as "a, b and c", at most n of them, then "and N
// more".
func listText(names []string, n int) string {
	if len(names) > n {
		return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
