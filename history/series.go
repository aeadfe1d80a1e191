package history

import (
	"math"
	"strings"
	"time"

	"github.com/seams-dev/seams/result"
)

// Series is a set of scores over time: what seams trend prints and what
// the report's trend section draws, one point per snapshot, oldest
// commit first. It is plain data: a renderer needs nothing else.
type Series struct {
	Repo string `json:"repo"`
	// Partition says how the points were scored: Clustered (each
	// analysis' own candidates) or FixedPrefix+commit (the candidates of
	// that commit's analysis, held fixed so that the lines compare).
	Partition string `json:"partition"`
	// Names are the scores of each point, in display order.
	Names  []string `json:"scores"`
	Points []Point  `json:"points"`
}

// Point is one snapshot of a series.
type Point struct {
	Snapshot int64     `json:"snapshot"`
	Commit   string    `json:"commit"`
	Time     time.Time `json:"time"` // the commit's time; the recording's when unknown
	// Scores are the point's scores, by name; a score the snapshot lacks
	// is absent.
	Scores map[string]float64 `json:"scores"`
}

// NewSeries makes the series of the given scores over snapshots (as
// List returns them: oldest first).
func NewSeries(repo, partition string, snaps []*Snapshot, names []string) *Series {
	s := &Series{Repo: repo, Partition: partition, Names: names, Points: []Point{}}
	for _, snap := range snaps {
		p := Point{Snapshot: snap.ID, Commit: snap.Commit, Time: snap.CommitTime, Scores: map[string]float64{}}
		if p.Time.IsZero() {
			p.Time = snap.Recorded
		}
		for _, n := range names {
			if v, ok := snap.Scores[n]; ok {
				p.Scores[n] = v
			}
		}
		s.Points = append(s.Points, p)
	}
	return s
}

// Values returns the values of one score, in point order, NaN where a
// point lacks it.
func (s *Series) Values(name string) []float64 {
	out := make([]float64, len(s.Points))
	for j, p := range s.Points {
		v, ok := p.Scores[name]
		if !ok {
			v = math.NaN()
		}
		out[j] = v
	}
	return out
}

// Sparkline draws values as a line of block characters, lowest ▁ to
// highest █, scaled between their minimum and maximum; a missing value
// is a space.
func Sparkline(values []float64) string {
	const bars = "▁▂▃▄▅▆▇█"
	runes := []rune(bars)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case hi == lo:
			b.WriteRune(runes[len(runes)/2-1])
		default:
			i := int(math.Round((v - lo) / (hi - lo) * float64(len(runes)-1)))
			b.WriteRune(runes[i])
		}
	}
	return b.String()
}

// ResultScores writes a snapshot's overall scores as result.Scores (the
// scores the report's trend section draws); a score the snapshot lacks
// is 0.
func ResultScores(scores map[string]float64) result.Scores {
	return result.Scores{
		Candidates:        int(scores[ScoreCandidates]),
		Modularity:        scores[ScoreModularity],
		ICP:               scores[ScoreICP],
		CrossDependencies: int(scores[ScoreCrossDependencies]),
		CandidateCycles:   int(scores[ScoreCandidateCycles]),
	}
}
