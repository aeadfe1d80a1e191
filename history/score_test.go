package history

import (
	"context"
	"maps"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// analyzeDir runs the pipeline on a directory of the repository's test
// data.
func analyzeDir(t *testing.T, dir string) (*graph.Graph, *result.Result) {
	t.Helper()
	ctx := context.Background()
	l, err := repo.List(ctx, dir, repo.Options{Match: parsers.IsSource, Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := parsers.Parse(ctx, l.Root, l.Files, parsers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(ctx, p.Files, 0)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyzer.Analyze(ctx, g, analyzer.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return g, res
}

// TestScoreMatchesAnalysis scores the partition an analysis proposed:
// the scores must be the analysis' own.
func TestScoreMatchesAnalysis(t *testing.T) {
	for _, dir := range []string{"shop", "data"} {
		t.Run(dir, func(t *testing.T) {
			g, res := analyzeDir(t, filepath.Join("..", "testdata", "java", dir))
			of := map[string]string{}
			for _, c := range res.Candidates {
				for _, m := range c.Members {
					of[m.Path] = c.ID
				}
			}
			got := Score(g, func(p string) string { return of[p] }, analyzer.DefaultWeights())
			want := FromResult(res, "r", time.Time{}, SourceAnalyze)
			for _, name := range []string{ScoreCandidates, ScoreModularity, ScoreICP, ScoreCrossDependencies, ScoreCandidateCycles, ScoreSharedTables, ScoreFiles, ScoreLines} {
				if got.Scores[name] != want.Scores[name] {
					t.Errorf("%s: %v, the analysis says %v", name, got.Scores[name], want.Scores[name])
				}
			}
			if !reflect.DeepEqual(got.Cycles, want.Cycles) {
				t.Errorf("cycles: %v, the analysis says %v", got.Cycles, want.Cycles)
			}
			if len(got.Edges) != len(want.Edges) {
				t.Fatalf("%d edges, the analysis has %d", len(got.Edges), len(want.Edges))
			}
			for i := range got.Edges {
				g, w := got.Edges[i], want.Edges[i]
				if g.From != w.From || g.To != w.To || g.Weight != w.Weight || !reflect.DeepEqual(g.Kinds, w.Kinds) || !reflect.DeepEqual(g.Examples, w.Examples) {
					t.Errorf("edge %d: %+v, the analysis says %+v", i, g, w)
				}
			}
			for _, w := range want.Candidates {
				c, ok := got.Candidate(w.ID)
				if !ok {
					t.Errorf("candidate %s is missing", w.ID)
					continue
				}
				if !reflect.DeepEqual(c.Members, w.Members) {
					t.Errorf("%s: members %v, want %v", w.ID, c.Members, w.Members)
				}
				for _, k := range []string{"files", "types", "lines", "cohesion", "coupling_out", "coupling_in", "calls_internal", "calls_out", "calls_in", "cross_call_share", "owned_tables", "shared_tables"} {
					if c.Scores[k] != w.Scores[k] {
						t.Errorf("%s: %s %v, the analysis says %v", w.ID, k, c.Scores[k], w.Scores[k])
					}
				}
			}
			for i := range want.Tables {
				if i >= len(got.Tables) {
					t.Errorf("table %s is missing", want.Tables[i].Name)
					continue
				}
				if !reflect.DeepEqual(got.Tables[i], want.Tables[i]) {
					t.Errorf("table %d: %+v, the analysis says %+v", i, got.Tables[i], want.Tables[i])
				}
			}
		})
	}
}

// TestConfigHash checks that the hash follows what was asked, not what
// the code decided: a commit that adds the first table (the data signal
// gets edges) or a searched resolution stays on the same trend line.
func TestConfigHash(t *testing.T) {
	base := result.Settings{Level: "file", Resolution: 1, Weights: map[string]float64{"call": 1},
		Layers: map[string]float64{"structural": 1, "data": 1}, EmptyLayers: []string{"data"}, Strategy: "least-entangled-first"}
	same := func(name string, change func(*result.Settings), want bool) {
		t.Helper()
		s := base
		s.Layers = maps.Clone(base.Layers)
		change(&s)
		if got := ConfigHash(s) == ConfigHash(base); got != want {
			t.Errorf("%s: same hash = %v, want %v", name, got, want)
		}
	}
	same("a signal gets edges", func(s *result.Settings) { s.EmptyLayers = nil }, true)
	same("a layer's weight", func(s *result.Settings) { s.Layers["data"] = 2 }, false)
	same("the resolution asked", func(s *result.Settings) { s.Resolution = 1.5 }, false)
	same("tests included", func(s *result.Settings) { s.Tests = true }, false)
	services := base
	services.Services = 8
	searched := services
	searched.Resolution = 1.7
	if ConfigHash(services) != ConfigHash(searched) {
		t.Error("with --services the searched resolution changes the hash")
	}
	if ConfigHash(services) == ConfigHash(base) {
		t.Error("--services does not change the hash")
	}
}
