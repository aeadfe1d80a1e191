package history

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/repo"
)

// Rules are what seams check enforces (the contexts and rules sections
// of seams.yaml).
type Rules struct {
	// Contexts are the declared bounded contexts. A file belongs to the
	// first context one of whose path globs selects it or one of whose
	// packages holds it (sub-packages included).
	Contexts []Context
	// Allow lists the dependencies allowed between declared contexts;
	// with contexts declared, any other dependency of code of one context
	// on code of another is a breach.
	Allow []Allowed
	// NoNewCycles forbids cycles between candidates that the baseline
	// does not have (every cycle, without a baseline).
	NoNewCycles bool
	// MaxICP caps the share of calls crossing candidates; MaxSharedTables
	// the number of tables more than one candidate touches.
	MaxICP          *float64
	MaxSharedTables *int
	// NoWorseThan names the baseline (a commit, a branch, @ID): no score
	// may be worse than the baseline's.
	NoWorseThan string
}

// Context is a declared bounded context.
type Context struct {
	Name     string
	Paths    []string
	Packages []string
}

// Allowed is one allowed dependency between contexts.
type Allowed struct{ From, To string }

// ParseAllowed reads "a -> b".
func ParseAllowed(s string) (Allowed, error) {
	from, to, ok := strings.Cut(s, "->")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return Allowed{}, fmt.Errorf("%q is not of the form \"a -> b\"", s)
	}
	return Allowed{from, to}, nil
}

// Empty reports whether there is nothing to check.
func (r *Rules) Empty() bool {
	return len(r.Contexts) == 0 && !r.NoNewCycles && r.MaxICP == nil && r.MaxSharedTables == nil && r.NoWorseThan == ""
}

// The rule IDs, as violations and SARIF name them.
const (
	RuleContextDependency = "context-dependency"
	RuleNewCycle          = "new-cycle"
	RuleMaxICP            = "max-icp"
	RuleMaxSharedTables   = "max-shared-tables"
	RuleNoWorseThan       = "no-worse-than"
)

// RuleDescriptions say what each rule enforces, in rule ID order.
var RuleDescriptions = []struct{ ID, Name, Text string }{
	{RuleContextDependency, "ContextDependency", "Code of one declared context depends on another context, and seams.yaml does not allow it (rules.allow)."},
	{RuleMaxICP, "MaxICP", "The share of calls crossing candidates is above rules.max_icp."},
	{RuleMaxSharedTables, "MaxSharedTables", "More tables are shared between candidates than rules.max_shared_tables allows."},
	{RuleNewCycle, "NewCycle", "A cycle between candidates that the baseline does not have (rules.no_new_cycles)."},
	{RuleNoWorseThan, "NoWorseThan", "A score is worse than the baseline's (rules.no_worse_than)."},
}

// Violation is one breach of a rule.
type Violation struct {
	Rule    string     `json:"rule"`
	Message string     `json:"message"`
	At      []Location `json:"locations"`
}

// Location is a place in the code: a repository-relative path and a
// 1-based line (0 for the whole file).
type Location struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

// ParseAt reads an example's "path:line".
func ParseAt(at string) Location {
	if i := strings.LastIndexByte(at, ':'); i > 0 {
		if n, err := strconv.Atoi(at[i+1:]); err == nil {
			return Location{Path: at[:i], Line: n}
		}
	}
	return Location{Path: at}
}

// CheckInput is what Check looks at.
type CheckInput struct {
	Rules Rules
	// Current is the snapshot of the code checked, and Graph its graph
	// (for the dependencies between contexts and where tables are
	// declared).
	Current *Snapshot
	Graph   *graph.Graph
	// Baseline is what NoNewCycles and NoWorseThan compare with; nil when
	// there is none.
	Baseline *Snapshot
}

// Check returns the breaches of the rules, sorted by rule, then place.
func Check(in CheckInput) ([]Violation, error) {
	var out []Violation
	r := in.Rules
	if len(r.Contexts) > 0 && in.Graph != nil {
		vs, err := contextViolations(in.Graph, r)
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	cur := in.Current
	var diff *Diff
	if in.Baseline != nil {
		diff = Compare(in.Baseline, cur)
	}
	if r.NoNewCycles {
		cycles := cur.Cycles
		against := "the baseline"
		if diff != nil {
			cycles = diff.NewCycles
		} else {
			against = "no baseline: every cycle counts"
		}
		for _, c := range cycles {
			out = append(out, Violation{Rule: RuleNewCycle,
				Message: fmt.Sprintf("new cycle between candidates %s (compared with %s)", strings.Join(c, " ↔ "), against),
				At:      cycleLocations(cur, c)})
		}
	}
	if r.MaxICP != nil && cur.Scores[ScoreICP] > *r.MaxICP {
		out = append(out, Violation{Rule: RuleMaxICP,
			Message: fmt.Sprintf("%.1f%% of calls cross candidates, above the %.1f%% allowed", 100*cur.Scores[ScoreICP], 100**r.MaxICP),
			At:      heaviestCalls(cur.Edges, 5)})
	}
	if r.MaxSharedTables != nil {
		var shared []Table
		for _, t := range cur.Tables {
			if t.Shared {
				shared = append(shared, t)
			}
		}
		if len(shared) > *r.MaxSharedTables {
			var names []string
			var at []Location
			for _, t := range shared {
				names = append(names, fmt.Sprintf("%s (%s)", t.Name, strings.Join(t.Users, ", ")))
				at = append(at, tableLocations(in.Graph, cur, t)...)
			}
			out = append(out, Violation{Rule: RuleMaxSharedTables,
				Message: fmt.Sprintf("%d tables are shared between candidates, above the %d allowed: %s", len(shared), *r.MaxSharedTables, strings.Join(names, "; ")),
				At:      at})
		}
	}
	if r.NoWorseThan != "" && diff != nil {
		for _, s := range diff.Scores {
			if !s.Worse {
				continue
			}
			v := Violation{Rule: RuleNoWorseThan,
				Message: fmt.Sprintf("%s is worse than in %s (%s): %s, was %s", s.Name, r.NoWorseThan, diff.A.Label, formatScore(s.Name, s.B), formatScore(s.Name, s.A))}
			switch s.Name {
			case ScoreCrossDependencies, ScoreICP, ScoreModularity:
				var parts []string
				for _, e := range diff.AddedDeps {
					parts = append(parts, e.From+" → "+e.To)
					for _, x := range e.Examples {
						v.At = append(v.At, ParseAt(x.At))
					}
				}
				if len(parts) > 0 {
					v.Message += "; new dependencies between candidates: " + strings.Join(parts, ", ")
				}
			case ScoreCandidateCycles:
				for _, c := range diff.NewCycles {
					v.At = append(v.At, cycleLocations(cur, c)...)
				}
			case ScoreSharedTables:
				for _, t := range diff.NewlyShared {
					v.At = append(v.At, tableLocations(in.Graph, cur, t)...)
				}
			}
			out = append(out, v)
		}
	}
	for i := range out {
		out[i].At = uniqueLocations(out[i].At)
	}
	slices.SortStableFunc(out, func(a, b Violation) int {
		return cmp.Or(strings.Compare(a.Rule, b.Rule), compareFirst(a.At, b.At), strings.Compare(a.Message, b.Message))
	})
	return out, nil
}

func compareFirst(a, b []Location) int {
	switch {
	case len(a) == 0 && len(b) == 0:
		return 0
	case len(a) == 0:
		return -1
	case len(b) == 0:
		return 1
	}
	return cmp.Or(strings.Compare(a[0].Path, b[0].Path), cmp.Compare(a[0].Line, b[0].Line))
}

func uniqueLocations(at []Location) []Location {
	slices.SortFunc(at, func(a, b Location) int { return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line)) })
	at = slices.Compact(at)
	if at == nil {
		at = []Location{}
	}
	return at
}

func formatScore(name string, v float64) string {
	switch name {
	case ScoreICP:
		return fmt.Sprintf("%.1f%%", 100*v)
	case ScoreModularity:
		return fmt.Sprintf("%.3f", v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// contextViolations lists every type-level dependency from one declared
// context to another that Allow does not list.
func contextViolations(g *graph.Graph, r Rules) ([]Violation, error) {
	ctxOf := make([]string, len(g.Files))
	for f, file := range g.Files {
		pkg := ""
		if file.Package >= 0 && file.Package < len(g.Packages) {
			pkg = g.Packages[file.Package].Name
		}
	contexts:
		for _, c := range r.Contexts {
			for _, p := range c.Paths {
				ok, err := repo.Selects(p, file.Path)
				if err != nil {
					return nil, fmt.Errorf("context %s: %w", c.Name, err)
				}
				if ok {
					ctxOf[f] = c.Name
					break contexts
				}
			}
			for _, p := range c.Packages {
				if pkg == p || strings.HasPrefix(pkg, p+".") {
					ctxOf[f] = c.Name
					break contexts
				}
			}
		}
	}
	allowed := map[Allowed]bool{}
	for _, a := range r.Allow {
		allowed[a] = true
	}
	var out []Violation
	for _, d := range g.Deps {
		from, to := g.Types[d.From], g.Types[d.To]
		cf, ct := ctxOf[from.File], ctxOf[to.File]
		if cf == "" || ct == "" || cf == ct || allowed[Allowed{cf, ct}] {
			continue
		}
		what := string(d.Kind)
		target := to.Name
		if d.Member != "" {
			target += "." + d.Member
		}
		out = append(out, Violation{Rule: RuleContextDependency,
			Message: fmt.Sprintf("context %s depends on context %s, which is not allowed: %s %s %s", cf, ct, from.Name, verb(what), target),
			At:      []Location{{Path: g.Files[from.File].Path, Line: d.Line}}})
	}
	return out, nil
}

func verb(kind string) string {
	switch kind {
	case "call":
		return "calls"
	case "new":
		return "creates"
	case "extends":
		return "extends"
	case "implements":
		return "implements"
	case "method-ref":
		return "refers to"
	case "annotation":
		return "is annotated with"
	}
	return "uses"
}

// cycleLocations are the places of the dependencies that close a cycle:
// the examples of its edges.
func cycleLocations(s *Snapshot, cycle []string) []Location {
	in := map[string]bool{}
	for _, c := range cycle {
		in[c] = true
	}
	var at []Location
	for _, e := range s.Edges {
		if in[e.From] && in[e.To] && len(e.Examples) > 0 {
			at = append(at, ParseAt(e.Examples[0].At))
		}
	}
	return at
}

// heaviestCalls are the places of the strongest crossing dependencies.
func heaviestCalls(edges []Edge, n int) []Location {
	es := slices.Clone(edges)
	sortEdges(es)
	var at []Location
	for _, e := range es[:min(n, len(es))] {
		if len(e.Examples) > 0 {
			at = append(at, ParseAt(e.Examples[0].At))
		}
	}
	return at
}

// tableLocations are the places that make a table shared: the accesses
// of the candidates that do not own it (or, for a table nobody owns, of
// all), the first of each file.
func tableLocations(g *graph.Graph, s *Snapshot, t Table) []Location {
	if g == nil {
		return nil
	}
	cand := map[string]string{}
	for _, c := range s.Candidates {
		for _, m := range c.Members {
			cand[m] = c.ID
		}
	}
	node := -1
	for i, n := range g.Data {
		if n.Name == t.Name {
			node = i
			break
		}
	}
	if node < 0 {
		return nil
	}
	seen := map[string]bool{}
	var at []Location
	for _, d := range g.DataDeps {
		if d.To != node || d.File < 0 || d.File >= len(g.Files) {
			continue
		}
		p := g.Files[d.File].Path
		if c := cand[p]; c == "" || c == t.Owner || seen[p] {
			continue
		}
		seen[p] = true
		at = append(at, Location{Path: p, Line: d.Line})
	}
	return at
}
