package report

import (
	"bytes"
	"context"
	"testing"

	"github.com/seams-dev/seams/result"
)

// memLayouts is Layouts in memory, counting the drawings put.
type memLayouts struct {
	svg  map[string][]byte
	puts int
}

func (m *memLayouts) Get(key string) ([]byte, bool) { s, ok := m.svg[key]; return s, ok }
func (m *memLayouts) Put(key string, svg []byte)    { m.svg[key] = svg; m.puts++ }

// TestLayoutsKeepTheReport: a page drawn with kept drawings, all of them
// or some, is byte for byte the page drawn without.
func TestLayoutsKeepTheReport(t *testing.T) {
	page := func(r *result.Result, layouts Layouts) []byte {
		t.Helper()
		var buf bytes.Buffer
		if err := writeHTML(context.Background(), &buf, r, layouts); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	withInternals := func() *result.Result {
		r := richResult()
		r.Candidates[0].PackageDeps = []result.PackageDep{{From: "com.acme.shop.web", To: "com.acme.shop.ordering", Weight: 3, Kinds: map[string]int{"call": 3}}}
		return r
	}
	r := withInternals()
	want := page(r, nil)
	kept := &memLayouts{svg: map[string][]byte{}}
	if got := page(r, kept); !bytes.Equal(got, want) {
		t.Error("the page drawn while keeping the drawings differs")
	}
	drawn := kept.puts
	if drawn < 2 || len(kept.svg) != drawn {
		t.Fatalf("%d drawings kept, %d put; want the context map and some cards", len(kept.svg), drawn)
	}
	if got := page(r, kept); !bytes.Equal(got, want) || kept.puts != drawn {
		t.Errorf("with every drawing kept: same page %v, %d drawn again", bytes.Equal(got, want), kept.puts-drawn)
	}

	// A candidate's size changes the context map only: one drawing is
	// made again, and the page is the one drawn from scratch.
	r.Candidates[0].Scores.Lines += 100
	want = page(r, nil)
	if bytes.Equal(want, page(withInternals(), nil)) {
		t.Fatal("the change changed nothing")
	}
	if got := page(r, kept); !bytes.Equal(got, want) {
		t.Error("the page drawn with some drawings kept differs")
	}
	if again := kept.puts - drawn; again != 1 {
		t.Errorf("%d drawings made again, want 1", again)
	}
}
