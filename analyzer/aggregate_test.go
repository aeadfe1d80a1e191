package analyzer

import (
	"fmt"
	"testing"
)

func TestAggregate(t *testing.T) {
	triples := []struct {
		x, y int
		w    float64
	}{{2, 1, 1}, {0, 3, 2}, {2, 0, 4}, {0, 3, 0.5}, {2, 1, 1}, {0, 1, 1}, {2, 3, 2}, {2, 0, 1}}
	m := aggregate(4, 4, func(emit func(x, y int, w float64)) {
		for _, tr := range triples {
			emit(tr.x, tr.y, tr.w)
		}
	})
	want := []string{"[1 3] [1 2.5]", "[] []", "[0 1 3] [5 2 2]", "[] []"}
	if m.rows() != len(want) {
		t.Fatalf("rows = %d", m.rows())
	}
	for x, w := range want {
		ys, ws := m.row(x)
		if got := fmt.Sprint(ys, ws); got != w {
			t.Errorf("row %d = %s, want %s", x, got, w)
		}
	}
	if empty := aggregate(0, 0, func(func(x, y int, w float64)) {}); empty.rows() != 0 {
		t.Errorf("empty matrix has %d rows", empty.rows())
	}
}

// TestAggregateLongRow checks the sort of a row too long for insertion.
func TestAggregateLongRow(t *testing.T) {
	m := aggregate(1, 100, func(emit func(x, y int, w float64)) {
		for i := 99; i >= 0; i-- {
			emit(0, i, float64(i))
		}
	})
	ys, ws := m.row(0)
	for i := range ys {
		if int(ys[i]) != i || ws[i] != float64(i) {
			t.Fatalf("entry %d = (%d, %v)", i, ys[i], ws[i])
		}
	}
}
