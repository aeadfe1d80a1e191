package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// shopFiles is a file-level proposal for testdata/shop.tsv. The comments
// give the reference context of each file.
var shopFiles = Partition{
	"src/shop/catalog/Product.java":      "P1", // catalog
	"src/shop/catalog/Category.java":     "P1", // catalog
	"src/shop/catalog/CartView.java":     "P2", // cart (a file rule)
	"src/shop/cart/Cart.java":            "P2", // cart
	"src/shop/order/Order.java":          "P3", // order
	"src/shop/order/PaymentService.java": "P3", // payment
	"src/shop/common/Money.java":         "P1", // _shared
	"src/shop/App.java":                  "P3", // _shared
	"src/test/ShopTest.java":             "P1", // _exclude
	"build.gradle":                       "P3", // no context
}

func TestScoreTSV(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	universe := []string{
		"src/shop/cart/CartItem.java", // cart, not in the proposal
		"src/shop/common/Id.java",     // _shared, not in the proposal
		"src/test/OtherTest.java",     // excluded: never missing
		"docs/index.md",               // no context: never missing
		"src/shop/order/Order.java",   // in the proposal already
	}
	for _, tc := range []struct {
		name string
		opts Options
		want Scores
	}{
		{
			// Scored: P1{catalog 2} P2{cart 2} P3{order 1, payment 1}.
			// P3 ties, so 1 move; three groups, no join: mno 1.
			// Sizes 1,1,2,2 give G=2: max 6-2 = 4; MoJoFM 75.
			// ARI: index 2; rows 1+1+1 = 3; columns 1+1 = 2; expected 3*2/C(6,2) = 0.4;
			// maximum 2.5; (2-0.4)/(2.5-0.4) = 16/21.
			name: "default",
			want: Scores{
				Objects: 6, ExtraInProposal: 2, Excluded: 1, DroppedShared: 2,
				ProposalClusters: 3, ReferenceClusters: 4,
				MoJo: 1, MaxMoJo: 4, MoJoFM: 75, ARI: 16.0 / 21,
			},
		},
		{
			// Money (P1) and App (P3) join a _shared cluster: moves 1+0+2 = 3, no join.
			// Sizes 1,1,2,2,2 give G=2: max 8-2 = 6; MoJoFM 50.
			name: "shared as cluster",
			opts: Options{Shared: SharedAsCluster},
			want: Scores{
				Objects: 8, ExtraInProposal: 2, Excluded: 1,
				ProposalClusters: 3, ReferenceClusters: 5,
				MoJo: 3, MaxMoJo: 6, MoJoFM: 50,
			},
		},
		{
			name: "universe",
			opts: Options{Universe: universe},
			want: Scores{
				Objects: 6, MissingInProposal: 1, ExtraInProposal: 2, Excluded: 1, DroppedShared: 2,
				ProposalClusters: 3, ReferenceClusters: 4,
				MoJo: 1, MaxMoJo: 4, MoJoFM: 75, ARI: 16.0 / 21,
			},
		},
		{
			name: "universe, shared as cluster",
			opts: Options{Universe: universe, Shared: SharedAsCluster},
			want: Scores{
				Objects: 8, MissingInProposal: 2, ExtraInProposal: 2, Excluded: 1,
				ProposalClusters: 3, ReferenceClusters: 5,
				MoJo: 3, MaxMoJo: 6, MoJoFM: 50,
			},
		},
		{
			// CartItem joins as a cluster of its own, U{cart 1}: it competes with P2
			// for cart and loses, so one join: mno 1+1 = 2.
			// Sizes 1,1,2,3 give G=3: max 7-3 = 4; MoJoFM 50.
			name: "missing as cluster",
			opts: Options{Universe: universe, MissingAsCluster: true},
			want: Scores{
				Objects: 7, MissingInProposal: 1, ExtraInProposal: 2, Excluded: 1, DroppedShared: 2,
				ProposalClusters: 4, ReferenceClusters: 4,
				MoJo: 2, MaxMoJo: 4, MoJoFM: 50,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(shopFiles, ref, tc.opts)
			checkScores(t, got, tc.want)
		})
	}
}

// checkScores compares the counts and MoJo figures exactly, and ARI when
// the test gives one (non-zero).
func checkScores(t *testing.T, got, want Scores) {
	t.Helper()
	gotARI, wantARI := got.ARI, want.ARI
	got.ARI, got.NMI, want.ARI, want.NMI = 0, 0, 0, 0
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if wantARI != 0 && math.Abs(gotARI-wantARI) > 1e-12 {
		t.Errorf("ARI = %v, want %v", gotARI, wantARI)
	}
}

// shopClasses is a class-level proposal for testdata/shop.rsf.
var shopClasses = Partition{
	"Product":           "S1", // catalog
	"Category":          "S1", // catalog
	"CatalogController": "S1", // catalog
	"Cart":              "S2", // cart
	"CartItem":          "S2", // cart
	"Order":             "S2", // order
	"OrderService":      "S3", // order
	"Payment":           "S3", // payment
	"BaseEntity":        "S1", // catalog, cart and order
	"HealthCheck":       "S1", // uncounted
	"Util":              "S3", // not in the reference
}

func TestScoreRSF(t *testing.T) {
	ref := readTestdata(t, "shop.rsf")
	lacking := Partition{}
	for o, c := range shopClasses {
		if o != "CartItem" {
			lacking[o] = c
		}
	}
	for _, tc := range []struct {
		name     string
		proposal Partition
		opts     Options
		want     Scores
	}{
		{
			// Scored: S1{catalog 3} S2{cart 2, order 1} S3{order 1, payment 1}:
			// 2 moves, three groups. Sizes 1,2,2,3 give G=3: max 8-3 = 5; MoJoFM 60.
			name:     "default",
			proposal: shopClasses,
			want: Scores{
				Objects: 8, ExtraInProposal: 2, Excluded: 1, Ambiguous: 1,
				ProposalClusters: 3, ReferenceClusters: 4,
				MoJo: 2, MaxMoJo: 5, MoJoFM: 60,
			},
		},
		{
			name:     "keep uncounted",
			proposal: shopClasses,
			opts:     Options{KeepUncounted: true},
			// HealthCheck adds uncounted 1 to S1: 3 moves; sizes 1,1,2,2,3 give G=3: max 6.
			want: Scores{
				Objects: 9, ExtraInProposal: 1, Ambiguous: 1,
				ProposalClusters: 3, ReferenceClusters: 5,
				MoJo: 3, MaxMoJo: 6, MoJoFM: 50,
			},
		},
		{
			// BaseEntity is scored in order, the context listed last; HealthCheck in
			// uncounted. S1{catalog 3, order 1, uncounted 1} S2{cart 2, order 1}
			// S3{order 1, payment 1}: 4 moves, three groups. Sizes count every
			// listing, so BaseEntity counts in catalog, cart and order: 4,3,3,1,1
			// give G=4 (not 3,2,3,1,1 and G=3): max 10-4 = 6; MoJoFM 33.33,
			// which is what the MoJo tool prints for these two files.
			name:     "study",
			proposal: shopClasses,
			opts:     StudyOptions(),
			want: Scores{
				Objects: 10, ExtraInProposal: 1,
				ProposalClusters: 3, ReferenceClusters: 5,
				MoJo: 4, MaxMoJo: 6, MoJoFM: 33.33,
			},
		},
		{
			name:     "lacking a class",
			proposal: lacking,
			want: Scores{
				Objects: 7, MissingInProposal: 1, ExtraInProposal: 2, Excluded: 1, Ambiguous: 1,
				ProposalClusters: 3, ReferenceClusters: 4,
				MoJo: 2, MaxMoJo: 4, MoJoFM: 50,
			},
		},
		{
			// CartItem becomes a cluster of its own, U{cart 1}. S2{cart 1, order 1}
			// now ties, so the matching gives U cart, S2 order and S3 payment:
			// 4 moves, no join. Sizes as in "study": max 6; the MoJo tool agrees.
			name:     "lacking a class, study",
			proposal: lacking,
			opts:     StudyOptions(),
			want: Scores{
				Objects: 10, MissingInProposal: 1, ExtraInProposal: 1,
				ProposalClusters: 4, ReferenceClusters: 5,
				MoJo: 4, MaxMoJo: 6, MoJoFM: 33.33,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkScores(t, Score(tc.proposal, ref, tc.opts), tc.want)
		})
	}
}

func TestScoreMissingClusterIsItsOwn(t *testing.T) {
	// A proposal cluster that happens to share the missing cluster's
	// name is still a cluster apart from the objects the proposal lacks.
	ref := mustRead(t, "contain x A\ncontain x B\ncontain y C\n", "ref.rsf")
	p := Partition{"A": "unobserved", "C": "other"}
	s := Score(p, ref, Options{MissingAsCluster: true})
	if s.ProposalClusters != 3 || s.Objects != 3 || s.MissingInProposal != 1 {
		t.Errorf("got %+v; want 3 objects in 3 proposal clusters, 1 missing", s)
	}
}

func TestScoreLastListedInflatesMaximum(t *testing.T) {
	// m is listed in x, then y. Read as the MoJo tool reads it, m is in y,
	// but x counts it too: sizes 2 and 1 give G=2 and a maximum of 0 for
	// two objects, where the plain sizes 1 and 1 give G=1 and a maximum of 1.
	ref := mustRead(t, "contain x a\ncontain x m\ncontain y m\n", "ref.rsf")
	split := Score(Partition{"a": "1", "m": "2"}, ref, Options{Multi: LastListed})
	if split.MoJo != 0 || split.MaxMoJo != 0 || split.MoJoFM != 100 {
		t.Errorf("split: %+v", split)
	}
	together := Score(Partition{"a": "1", "m": "1"}, ref, Options{Multi: LastListed})
	if together.MoJo != 1 || together.MaxMoJo != 0 || together.MoJoFM != 0 {
		t.Errorf("together: %+v; want the score clamped to 0", together)
	}
	dropped := Score(Partition{"a": "1", "m": "1"}, ref, Options{})
	if dropped.Objects != 1 || dropped.Ambiguous != 1 {
		t.Errorf("dropped: %+v", dropped)
	}
}

func TestScoreTables(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	p := Partition{"table:products": "a", "table:orders": "b", "table:sessions": "b"}
	s := Score(p, ref, Options{})
	if s.Objects != 2 || s.ExtraInProposal != 1 || s.MoJoFM != 100 {
		t.Errorf("got %+v; want the two known tables scored", s)
	}
}

func TestScoreNothingInCommon(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	for _, p := range []Partition{nil, {"README.md": "a", "src/test/X.java": "b"}} {
		s := Score(p, ref, Options{})
		if s.Objects != 0 || s.MoJoFM != 0 || s.ARI != 0 || s.NMI != 0 {
			t.Errorf("%v: got %+v; want no objects and zero scores", p, s)
		}
	}
	if s := Compare(Partition{"a": "1"}, Partition{"b": "1"}); s.MoJoFM != 0 || s.ExtraInProposal != 1 || s.MissingInProposal != 1 {
		t.Errorf("Compare with nothing in common: %+v", s)
	}
}

func TestScoreMatchingReference(t *testing.T) {
	// A proposal that is the reference scores perfectly.
	ref := readTestdata(t, "shop.tsv")
	p := Partition{}
	for o := range shopFiles {
		if ctx, ok := ref.ContextOf(o); ok {
			p[o] = "svc-" + ctx
		}
	}
	for _, opts := range []Options{{}, {Shared: SharedAsCluster}} {
		s := Score(p, ref, opts)
		if s.MoJoFM != 100 || s.ARI != 1 || s.NMI != 1 {
			t.Errorf("%+v: got %+v", opts, s)
		}
	}
}

func TestScoreAccounting(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	dirs := []string{"src/shop/catalog/", "src/shop/cart/", "src/shop/order/", "src/shop/order/Pay", "src/shop/common/", "src/test/", "lib/"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		p := Partition{}
		var universe []string
		for i := range 1 + r.IntN(40) {
			o := fmt.Sprintf("%s%d.java", dirs[r.IntN(len(dirs))], i)
			if r.IntN(4) == 0 {
				universe = append(universe, o)
				continue
			}
			p[o] = fmt.Sprint(r.IntN(5))
		}
		for _, opts := range []Options{{}, {Shared: SharedAsCluster}, {Universe: universe}, {Universe: universe, MissingAsCluster: true}} {
			s := Score(p, ref, opts)
			scoredFromProposal := s.Objects
			if opts.MissingAsCluster {
				scoredFromProposal -= s.MissingInProposal
			}
			if n := scoredFromProposal + s.ExtraInProposal + s.DroppedShared + s.Ambiguous; n != len(p) {
				t.Fatalf("%+v: counts add up to %d, proposal has %d: %+v", opts, n, len(p), s)
			}
			if s.MoJo > s.MaxMoJo {
				t.Fatalf("mno %d > max %d", s.MoJo, s.MaxMoJo)
			}
		}
	}
}

func TestScoreDeterministic(t *testing.T) {
	ref := readTestdata(t, "shop.rsf")
	want := Score(shopClasses, ref, StudyOptions())
	for range 50 {
		// Rebuild the map so that its iteration order changes.
		p := Partition{}
		for o, c := range shopClasses {
			p[o] = c
		}
		if got := Score(p, ref, StudyOptions()); got != want {
			t.Fatalf("run differs: %+v vs %+v", got, want)
		}
	}
}
