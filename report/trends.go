package report

import (
	"fmt"
	"strings"

	"github.com/seams-dev/seams/result"
)

// trendPoint is the state of the scores at one earlier snapshot.
type trendPoint struct {
	Commit string
	Date   string
	Scores result.Scores
}

// trendPoints returns the snapshots to draw, oldest first: the earlier
// snapshots the history store holds (result.Result.Trend), then this
// analysis.
func trendPoints(r *result.Result) []trendPoint {
	if len(r.Trend) == 0 {
		return nil
	}
	var ps []trendPoint
	for _, p := range r.Trend {
		ps = append(ps, trendPoint{Commit: p.Commit, Date: p.Date, Scores: p.Scores})
	}
	if last := r.Trend[len(r.Trend)-1]; last.Commit != r.Repository.Commit || r.Repository.Commit == "" {
		ps = append(ps, trendPoint{Commit: r.Repository.Commit, Date: r.Repository.Date, Scores: r.Scores})
	}
	return ps
}

// trendView draws each overall score over time as a small line chart.
type trendView struct {
	From, To string // first and last commit
	N        int
	Series   []trendSeries
}

type trendSeries struct {
	Name, Better      string
	First, Last       string
	Change            string // "up", "down", "flat"
	Good              bool   // the change goes in the good direction (or is flat)
	Points            string // SVG polyline points in a 200×40 box
	LastX, LastY      string
	Min, Max          string
	higherIsBetter    bool
	value             func(result.Scores) float64
	format            func(float64) string
	span              func(mid float64) float64 // the least range the chart shows
	firstVal, lastVal float64
}

// buildTrends returns nil when there are fewer than two points.
func buildTrends(ps []trendPoint) *trendView {
	if len(ps) < 2 {
		return nil
	}
	v := &trendView{From: short(ps[0].Commit), To: short(ps[len(ps)-1].Commit), N: len(ps)}
	two := func(f float64) string { return fmt.Sprintf("%.2f", f) }
	whole := func(f float64) string { return num(int(f)) }
	// The vertical scale shows at least a range that matters for the
	// score, so that noise in the third decimal is not drawn as a cliff.
	fixed := func(d float64) func(float64) float64 { return func(float64) float64 { return d } }
	relative := func(mid float64) float64 { return max(4, 0.1*mid) }
	series := []trendSeries{
		{Name: "Modularity (Q)", higherIsBetter: true, value: func(s result.Scores) float64 { return s.Modularity }, format: two, span: fixed(0.1)},
		{Name: "Calls crossing candidates", value: func(s result.Scores) float64 { return s.ICP }, format: pctf, span: fixed(0.1)},
		{Name: "Cross-candidate dependencies", value: func(s result.Scores) float64 { return float64(s.CrossDependencies) }, format: whole, span: relative},
		{Name: "Cycles between candidates", value: func(s result.Scores) float64 { return float64(s.CandidateCycles) }, format: whole, span: fixed(2)},
		{Name: "Candidates", higherIsBetter: true, value: func(s result.Scores) float64 { return float64(s.Candidates) }, format: whole, span: relative},
	}
	const w, h = 200.0, 40.0
	for _, s := range series {
		lo, hi := s.value(ps[0].Scores), s.value(ps[0].Scores)
		for _, p := range ps {
			lo, hi = min(lo, s.value(p.Scores)), max(hi, s.value(p.Scores))
		}
		bottom, top := lo, hi
		if mid, least := (lo+hi)/2, s.span((lo+hi)/2); top-bottom < least {
			bottom, top = mid-least/2, mid+least/2
		}
		var pts []string
		for i, p := range ps {
			x := w * float64(i) / float64(len(ps)-1)
			y := h - 2 - (h-4)*(s.value(p.Scores)-bottom)/(top-bottom)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
			if i == len(ps)-1 {
				s.LastX, s.LastY = fmt.Sprintf("%.1f", x), fmt.Sprintf("%.1f", y)
			}
		}
		s.Points = strings.Join(pts, " ")
		s.firstVal, s.lastVal = s.value(ps[0].Scores), s.value(ps[len(ps)-1].Scores)
		s.First, s.Last = s.format(s.firstVal), s.format(s.lastVal)
		s.Min, s.Max = s.format(lo), s.format(hi)
		s.Better = "lower is better"
		if s.higherIsBetter {
			s.Better = "higher is better"
		}
		// A change the shown values do not show is no change.
		switch {
		case s.First == s.Last:
			s.Change, s.Good = "flat", true
		case s.lastVal > s.firstVal:
			s.Change, s.Good = "up", s.higherIsBetter
		case s.lastVal < s.firstVal:
			s.Change, s.Good = "down", !s.higherIsBetter
		default:
			s.Change, s.Good = "flat", true
		}
		if s.Name == "Candidates" {
			s.Better, s.Good = "neither: more is not better", true
		}
		v.Series = append(v.Series, s)
	}
	return v
}
