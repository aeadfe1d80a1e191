package graph_test

import (
	"slices"
	"testing"
)

// compareTruth reports precision and recall of got against want: a false
// fact fails, a miss fails unless it is known, recall must reach 90%.
func compareTruth(t *testing.T, what, whats string, want, got map[string]bool, known map[string]string) {
	t.Helper()
	var falsePos, missed []string
	for e := range got {
		if !want[e] {
			falsePos = append(falsePos, e)
		}
	}
	for e := range want {
		if !got[e] {
			missed = append(missed, e)
		}
	}
	slices.Sort(falsePos)
	slices.Sort(missed)
	tp := len(got) - len(falsePos)
	recall := float64(tp) / float64(max(len(want), 1))
	t.Logf("%s: %d expected, %d extracted; precision %.1f%%, recall %.1f%%",
		whats, len(want), len(got), 100*float64(tp)/float64(max(len(got), 1)), 100*recall)
	for _, e := range falsePos {
		t.Errorf("false %s: %s", what, e)
	}
	for _, e := range missed {
		if why, ok := known[e]; ok {
			t.Logf("known miss (%s): %s", why, e)
		} else {
			t.Errorf("missed %s: %s", what, e)
		}
	}
	if recall < 0.9 {
		t.Errorf("recall %.1f%% is under 90%%", 100*recall)
	}
}
