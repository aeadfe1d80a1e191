package history

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// MinOverlap is the least Jaccard index of their members at which a
// candidate of one snapshot is taken for a candidate of another.
const MinOverlap = 0.25

// Match pairs the candidates of a with those of b by their members: the
// pair with the largest Jaccard index (shared files over files in
// either) first, one to one, down to MinOverlap; between equal indexes,
// a pair with the same ID wins. It returns the B candidate of each
// matched A candidate. Candidates with the same members match whatever
// their names; a candidate renamed by a change of its main package keeps
// its history.
func Match(a, b *Snapshot) map[string]string {
	ofB := map[string]int{}
	for j, c := range b.Candidates {
		for _, m := range c.Members {
			ofB[m] = j
		}
	}
	type pair struct {
		i, j int
		jac  float64
	}
	var pairs []pair
	for i, c := range a.Candidates {
		shared := map[int]int{}
		for _, m := range c.Members {
			if j, ok := ofB[m]; ok {
				shared[j]++
			}
		}
		for j, n := range shared {
			union := len(c.Members) + len(b.Candidates[j].Members) - n
			pairs = append(pairs, pair{i, j, float64(n) / float64(union)})
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		sameX, sameY := a.Candidates[x.i].ID == b.Candidates[x.j].ID, a.Candidates[y.i].ID == b.Candidates[y.j].ID
		return cmp.Or(cmp.Compare(y.jac, x.jac), boolFirst(sameX, sameY), cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j))
	})
	out := map[string]string{}
	usedB := map[int]bool{}
	for _, p := range pairs {
		if p.jac < MinOverlap {
			break
		}
		ida := a.Candidates[p.i].ID
		if _, ok := out[ida]; ok || usedB[p.j] {
			continue
		}
		out[ida] = b.Candidates[p.j].ID
		usedB[p.j] = true
	}
	// Candidates without members (an empty snapshot) match by ID.
	for _, c := range a.Candidates {
		if _, ok := out[c.ID]; !ok && len(c.Members) == 0 {
			if _, ok := b.Candidate(c.ID); ok {
				out[c.ID] = c.ID
			}
		}
	}
	return out
}

func boolFirst(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return -1
	}
	return 1
}

// Diff is what changed from snapshot A to snapshot B. Candidates of A
// are named by the B candidate they match (see Match), so that a renamed
// candidate is not reported as removed and added.
type Diff struct {
	A Ref `json:"a"`
	B Ref `json:"b"`
	// Renamed maps A candidates to the B candidates they became, when
	// the IDs differ.
	Renamed map[string]string `json:"renamed"`
	// Added and Removed are the candidates only one side has.
	AddedCandidates   []string `json:"added_candidates"`
	RemovedCandidates []string `json:"removed_candidates"`
	// AddedDeps are the dependencies between candidates B has and A does
	// not (with B's examples: where the new dependency is); RemovedDeps
	// the reverse (with A's).
	AddedDeps   []Edge `json:"added_dependencies"`
	RemovedDeps []Edge `json:"removed_dependencies"`
	// NewlyShared are the tables B shares between candidates and A did
	// not; NoLongerShared the reverse.
	NewlyShared    []Table `json:"newly_shared_tables"`
	NoLongerShared []Table `json:"no_longer_shared_tables"`
	// NewCycles are the cycles between candidates B has and A did not;
	// BrokenCycles the reverse.
	NewCycles    [][]string `json:"new_cycles"`
	BrokenCycles [][]string `json:"broken_cycles"`
	// Moved are the files in both snapshots whose candidate changed.
	Moved []Move `json:"moved"`
	// FilesAdded and FilesRemoved count the files only one side has.
	FilesAdded   int `json:"files_added"`
	FilesRemoved int `json:"files_removed"`
	// Scores are the overall scores on both sides.
	Scores []ScoreChange `json:"scores"`
	// CandidateScores are the changes of the matched candidates' scores.
	CandidateScores []CandidateChange `json:"candidate_scores"`
}

// Ref names one side of a diff.
type Ref struct {
	Snapshot  int64  `json:"snapshot,omitempty"` // 0 for an analysis made for the diff
	Commit    string `json:"commit"`
	Partition string `json:"partition"`
	Label     string `json:"label"`
}

// Move is a file that changed candidate.
type Move struct {
	Path string `json:"path"`
	From string `json:"from"` // named as in B
	To   string `json:"to"`
}

// ScoreChange is one score on both sides.
type ScoreChange struct {
	Name  string  `json:"name"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
	Delta float64 `json:"delta"`
	// Better says whether B is better than A (false when equal).
	Better bool `json:"better"`
	Worse  bool `json:"worse"`
}

// CandidateChange is a change of one candidate's scores.
type CandidateChange struct {
	Candidate string        `json:"candidate"`
	Scores    []ScoreChange `json:"scores"`
}

// candidateScores are the per-candidate scores a diff reports, and
// whether higher is better.
var candidateScores = []struct {
	name   string
	higher bool
}{{"files", true}, {"cohesion", true}, {"coupling_out", false}, {"coupling_in", false}, {"calls_out", false}, {"shared_tables", false}}

// Compare computes the diff from a to b.
func Compare(a, b *Snapshot) *Diff {
	d := &Diff{A: refOf(a), B: refOf(b), Renamed: map[string]string{}}
	match := Match(a, b)
	name := func(id string) string { // an A candidate, named as in B
		if m, ok := match[id]; ok {
			return m
		}
		return id
	}
	for from, to := range match {
		if from != to {
			d.Renamed[from] = to
		}
	}
	matchedB := map[string]bool{}
	for _, to := range match {
		matchedB[to] = true
	}
	for _, c := range b.Candidates {
		if !matchedB[c.ID] {
			d.AddedCandidates = append(d.AddedCandidates, c.ID)
		}
	}
	for _, c := range a.Candidates {
		if _, ok := match[c.ID]; !ok {
			d.RemovedCandidates = append(d.RemovedCandidates, c.ID)
		}
	}

	edgesA := map[[2]string]Edge{}
	for _, e := range a.Edges {
		edgesA[[2]string{name(e.From), name(e.To)}] = e
	}
	edgesB := map[[2]string]Edge{}
	for _, e := range b.Edges {
		edgesB[[2]string{e.From, e.To}] = e
		if _, ok := edgesA[[2]string{e.From, e.To}]; !ok {
			d.AddedDeps = append(d.AddedDeps, e)
		}
	}
	for k, e := range edgesA {
		if _, ok := edgesB[k]; !ok {
			e.From, e.To = k[0], k[1]
			d.RemovedDeps = append(d.RemovedDeps, e)
		}
	}
	sortEdges(d.AddedDeps)
	sortEdges(d.RemovedDeps)

	sharedA := map[string]Table{}
	for _, t := range a.Tables {
		if t.Shared {
			sharedA[t.Name] = t
		}
	}
	sharedB := map[string]bool{}
	for _, t := range b.Tables {
		if t.Shared {
			sharedB[t.Name] = true
			if _, ok := sharedA[t.Name]; !ok {
				d.NewlyShared = append(d.NewlyShared, t)
			}
		}
	}
	for _, n := range sortedKeys(sharedA) {
		if !sharedB[n] {
			d.NoLongerShared = append(d.NoLongerShared, sharedA[n])
		}
	}

	cyclesA := map[string][]string{}
	for _, c := range a.Cycles {
		renamed := make([]string, len(c))
		for i, id := range c {
			renamed[i] = name(id)
		}
		slices.Sort(renamed)
		cyclesA[strings.Join(renamed, "\x00")] = renamed
	}
	cyclesB := map[string]bool{}
	for _, c := range b.Cycles {
		k := strings.Join(c, "\x00")
		cyclesB[k] = true
		if _, ok := cyclesA[k]; !ok {
			d.NewCycles = append(d.NewCycles, c)
		}
	}
	for _, k := range sortedKeys(cyclesA) {
		if !cyclesB[k] {
			d.BrokenCycles = append(d.BrokenCycles, cyclesA[k])
		}
	}

	candA := map[string]string{}
	for _, c := range a.Candidates {
		for _, m := range c.Members {
			candA[m] = name(c.ID)
		}
	}
	inB := map[string]bool{}
	for _, c := range b.Candidates {
		for _, m := range c.Members {
			inB[m] = true
			from, ok := candA[m]
			switch {
			case !ok:
				d.FilesAdded++
			case from != c.ID:
				d.Moved = append(d.Moved, Move{Path: m, From: from, To: c.ID})
			}
		}
	}
	for m := range candA {
		if !inB[m] {
			d.FilesRemoved++
		}
	}
	slices.SortFunc(d.Moved, func(x, y Move) int { return strings.Compare(x.Path, y.Path) })

	names := slices.Clone(ScoreNames)
	for _, n := range slices.Sorted(maps.Keys(b.Scores)) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, n := range names {
		va, okA := a.Scores[n]
		vb, okB := b.Scores[n]
		if !okA && !okB {
			continue
		}
		c := change(n, va, vb, !LowerIsBetter(n))
		if Neutral(n) {
			c.Better, c.Worse = false, false
		}
		d.Scores = append(d.Scores, c)
	}
	for _, cb := range b.Candidates {
		var ca *Candidate
		for from, to := range match {
			if to == cb.ID {
				ca, _ = a.Candidate(from)
			}
		}
		if ca == nil {
			continue
		}
		cc := CandidateChange{Candidate: cb.ID}
		for _, s := range candidateScores {
			if va, vb := ca.Scores[s.name], cb.Scores[s.name]; va != vb {
				cc.Scores = append(cc.Scores, change(s.name, va, vb, s.higher))
			}
		}
		if len(cc.Scores) > 0 {
			d.CandidateScores = append(d.CandidateScores, cc)
		}
	}
	d.normalize()
	return d
}

func change(name string, a, b float64, higherIsBetter bool) ScoreChange {
	c := ScoreChange{Name: name, A: a, B: b, Delta: round4(b - a)}
	if higherIsBetter {
		c.Better, c.Worse = b > a, b < a
	} else {
		c.Better, c.Worse = b < a, b > a
	}
	return c
}

func refOf(s *Snapshot) Ref {
	return Ref{Snapshot: s.ID, Commit: s.Commit, Partition: s.Partition, Label: s.Label()}
}

func sortEdges(es []Edge) {
	slices.SortFunc(es, func(x, y Edge) int {
		return cmp.Or(cmp.Compare(y.Weight, x.Weight), strings.Compare(x.From, y.From), strings.Compare(x.To, y.To))
	})
}

// normalize makes every list non-nil, for JSON.
func (d *Diff) normalize() {
	for _, l := range []*[]string{&d.AddedCandidates, &d.RemovedCandidates} {
		if *l == nil {
			*l = []string{}
		}
	}
	for _, l := range []*[]Edge{&d.AddedDeps, &d.RemovedDeps} {
		if *l == nil {
			*l = []Edge{}
		}
	}
	for _, l := range []*[]Table{&d.NewlyShared, &d.NoLongerShared} {
		if *l == nil {
			*l = []Table{}
		}
	}
	for _, l := range []*[][]string{&d.NewCycles, &d.BrokenCycles} {
		if *l == nil {
			*l = [][]string{}
		}
	}
	if d.Moved == nil {
		d.Moved = []Move{}
	}
	if d.CandidateScores == nil {
		d.CandidateScores = []CandidateChange{}
	}
}

// Empty reports whether nothing structural changed (scores aside).
func (d *Diff) Empty() bool {
	return len(d.AddedDeps)+len(d.RemovedDeps)+len(d.NewlyShared)+len(d.NoLongerShared)+len(d.NewCycles)+len(d.BrokenCycles)+
		len(d.Moved)+len(d.AddedCandidates)+len(d.RemovedCandidates) == 0
}
