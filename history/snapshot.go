package history

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/seams-dev/seams/result"
)

// The names of the overall scores a snapshot keeps (Snapshot.Scores).
// Trends and rules name them this way.
const (
	ScoreCandidates        = "candidates"
	ScoreModularity        = "modularity"
	ScoreICP               = "icp"
	ScoreCrossDependencies = "cross_dependencies"
	ScoreCandidateCycles   = "candidate_cycles"
	ScoreSharedTables      = "shared_tables"
	ScoreFiles             = "files"
	ScoreLines             = "lines"
)

// ScoreNames lists the overall scores in the order they are shown.
var ScoreNames = []string{
	ScoreModularity, ScoreICP, ScoreCrossDependencies, ScoreCandidateCycles,
	ScoreSharedTables, ScoreCandidates, ScoreFiles, ScoreLines,
}

// Neutral reports a score that measures size, neither better nor worse
// when it grows.
func Neutral(score string) bool {
	return score == ScoreFiles || score == ScoreLines || score == ScoreCandidates
}

// LowerIsBetter says in which direction a score improves.
func LowerIsBetter(score string) bool {
	switch score {
	case ScoreICP, ScoreCrossDependencies, ScoreCandidateCycles, ScoreSharedTables:
		return true
	}
	return false
}

// The partitions a snapshot can have been scored under.
const (
	// Clustered: the candidates are the analysis' own.
	Clustered = "clustered"
	// FixedPrefix starts Partition when the candidates of another
	// analysis, of the commit that follows, were held fixed:
	// "fixed:COMMIT".
	FixedPrefix = "fixed:"
)

// The sources of a snapshot.
const (
	SourceAnalyze  = "analyze"  // recorded by seams analyze
	SourceBackfill = "backfill" // recorded by seams trend --backfill
)

// Snapshot is what the store keeps of one analysis: enough to draw
// trends, diff two analyses and check rules without running again.
type Snapshot struct {
	// ID is given by the store when the snapshot is recorded.
	ID int64 `json:"id"`
	// Repo is the repository's identity (see Identity); RepoName its
	// directory's base name.
	Repo     string `json:"repo"`
	RepoName string `json:"repo_name"`
	// Commit is the analysed commit ("" for a directory that is not a
	// git work tree); CommitTime its committer time (zero when unknown).
	Commit     string    `json:"commit"`
	CommitTime time.Time `json:"commit_time"`
	// Recorded is when the snapshot was recorded.
	Recorded time.Time `json:"recorded"`
	// ConfigHash is a hash of the settings the analysis ran with: two
	// snapshots with different ones are not comparable line for line.
	ConfigHash string `json:"config_hash"`
	Version    string `json:"seams_version"`
	Source     string `json:"source"`
	// Partition is Clustered or FixedPrefix+commit.
	Partition string `json:"partition"`
	// Scores are the overall scores, by name (see ScoreNames).
	Scores     map[string]float64 `json:"scores"`
	Candidates []Candidate        `json:"candidates"`
	// Edges are the dependencies between candidates.
	Edges []Edge `json:"edges"`
	// Tables are the tables and who owns them.
	Tables []Table `json:"tables"`
	// Cycles are the groups of candidates that depend on each other in a
	// cycle, each sorted.
	Cycles [][]string `json:"cycles"`
}

// Candidate is a service candidate of a snapshot.
type Candidate struct {
	ID     string             `json:"id"`
	Name   string             `json:"name"`
	Scores map[string]float64 `json:"scores"`
	// Members are the paths of its files, sorted.
	Members []string `json:"members"`
}

// Edge is the dependency of one candidate on another.
type Edge struct {
	From   string         `json:"from"`
	To     string         `json:"to"`
	Weight float64        `json:"weight"`
	Kinds  map[string]int `json:"kinds"`
	// Examples are some of the type-level dependencies behind it, with
	// where they occur.
	Examples []Example `json:"examples"`
}

// Example is one type-level dependency behind an edge.
type Example struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Member string `json:"member,omitempty"`
	Count  int    `json:"count"`
	At     string `json:"at"` // path:line
}

// Table is a table's ownership in a snapshot.
type Table struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Owner  string `json:"owner"`
	Shared bool   `json:"shared"`
	// Users are the candidates that read or write it, sorted.
	Users []string `json:"users"`
}

// ConfigHash is the hash of the settings of a result: what the
// analysis was asked to run with, apart from the code. What the code
// decided is left out (the signals that had no edge; the resolution
// searched for when a candidate count was asked, or chosen by the
// modularity profile), so that a commit that adds the first table or the
// first git history stays on the same trend line. Only the profile is
// named in the hash: a set or searched resolution hashes as it did
// before results said where their resolution came from.
func ConfigHash(s result.Settings) string {
	s.EmptyLayers = nil
	if s.Services > 0 || s.ResolutionFrom == "profile" {
		s.Resolution = 0
	}
	if s.ResolutionFrom != "profile" {
		s.ResolutionFrom = ""
	}
	b, _ := json.Marshal(s) // maps marshal sorted
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// FromResult makes a snapshot of a result. repo is the repository's
// identity; commitTime the committer time of the result's commit.
func FromResult(res *result.Result, repo string, commitTime time.Time, source string) *Snapshot {
	s := &Snapshot{
		Repo:       repo,
		RepoName:   res.Repository.Name,
		Commit:     res.Repository.Commit,
		CommitTime: commitTime,
		ConfigHash: ConfigHash(res.Settings),
		Version:    res.Tool.Version,
		Source:     source,
		Partition:  Clustered,
		Scores: map[string]float64{
			ScoreCandidates:        float64(res.Scores.Candidates),
			ScoreModularity:        res.Scores.Modularity,
			ScoreICP:               res.Scores.ICP,
			ScoreCrossDependencies: float64(res.Scores.CrossDependencies),
			ScoreCandidateCycles:   float64(res.Scores.CandidateCycles),
			ScoreFiles:             float64(res.Summary.Files),
			ScoreLines:             float64(res.Summary.Lines),
		},
	}
	shared := 0
	for _, t := range res.Tables {
		users := []string{}
		for _, a := range t.Accesses {
			users = append(users, a.Candidate)
		}
		slices.Sort(users)
		users = slices.Compact(users)
		s.Tables = append(s.Tables, Table{Name: t.Name, Kind: t.Kind, Owner: t.Owner, Shared: t.Shared, Users: users})
		if t.Shared {
			shared++
		}
	}
	s.Scores[ScoreSharedTables] = float64(shared)
	for _, c := range res.Candidates {
		sc := c.Scores
		cand := Candidate{ID: c.ID, Name: c.Name, Scores: map[string]float64{
			"files":            float64(sc.Files),
			"types":            float64(sc.Types),
			"lines":            float64(sc.Lines),
			"cohesion":         sc.Cohesion,
			"coupling_out":     sc.CouplingOut,
			"coupling_in":      sc.CouplingIn,
			"calls_internal":   float64(sc.CallsInternal),
			"calls_out":        float64(sc.CallsOut),
			"calls_in":         float64(sc.CallsIn),
			"cross_call_share": sc.CrossCallShare,
			"owned_tables":     float64(len(sc.OwnedTables)),
			"shared_tables":    float64(len(sc.SharedTables)),
			"api_methods":      float64(len(sc.API)),
			"difficulty":       sc.Difficulty,
		}}
		for _, m := range c.Members {
			cand.Members = append(cand.Members, m.Path)
		}
		slices.Sort(cand.Members)
		s.Candidates = append(s.Candidates, cand)
	}
	for _, d := range res.Dependencies {
		e := Edge{From: d.From, To: d.To, Weight: d.Weight, Kinds: d.Kinds}
		for _, x := range d.Examples {
			e.Examples = append(e.Examples, Example(x))
		}
		s.Edges = append(s.Edges, e)
	}
	for _, c := range res.Cycles.Candidates {
		s.Cycles = append(s.Cycles, slices.Sorted(slices.Values(c)))
	}
	s.normalize()
	return s
}

// normalize sorts every list and replaces nil lists and maps by empty
// ones, so that a snapshot read back from a store equals the one written.
func (s *Snapshot) normalize() {
	if s.Scores == nil {
		s.Scores = map[string]float64{}
	}
	if s.Candidates == nil {
		s.Candidates = []Candidate{}
	}
	for i := range s.Candidates {
		c := &s.Candidates[i]
		if c.Scores == nil {
			c.Scores = map[string]float64{}
		}
		if c.Members == nil {
			c.Members = []string{}
		}
		slices.Sort(c.Members)
	}
	slices.SortFunc(s.Candidates, func(a, b Candidate) int { return strings.Compare(a.ID, b.ID) })
	if s.Edges == nil {
		s.Edges = []Edge{}
	}
	for i := range s.Edges {
		e := &s.Edges[i]
		if e.Kinds == nil {
			e.Kinds = map[string]int{}
		}
		if e.Examples == nil {
			e.Examples = []Example{}
		}
	}
	slices.SortFunc(s.Edges, func(a, b Edge) int { return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To)) })
	if s.Tables == nil {
		s.Tables = []Table{}
	}
	for i := range s.Tables {
		if s.Tables[i].Users == nil {
			s.Tables[i].Users = []string{}
		}
	}
	slices.SortFunc(s.Tables, func(a, b Table) int { return strings.Compare(a.Name, b.Name) })
	if s.Cycles == nil {
		s.Cycles = [][]string{}
	}
	slices.SortFunc(s.Cycles, func(a, b []string) int { return slices.Compare(a, b) })
}

// Candidate returns the candidate with the given ID.
func (s *Snapshot) Candidate(id string) (*Candidate, bool) {
	i, ok := slices.BinarySearchFunc(s.Candidates, id, func(c Candidate, id string) int { return strings.Compare(c.ID, id) })
	if !ok {
		return nil, false
	}
	return &s.Candidates[i], true
}

// Label is how a snapshot is named to a user: "@ID (commit)".
func (s *Snapshot) Label() string {
	c := s.Commit
	if len(c) > 10 {
		c = c[:10]
	}
	if c == "" {
		c = "no commit"
	}
	if s.ID == 0 {
		return c
	}
	return "@" + itoa(s.ID) + " (" + c + ")"
}
