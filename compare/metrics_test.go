package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// parts parses a partition written as clusters separated by "|", each a
// space-separated list of objects: "a b | c" is {a, b}, {c}. Clusters are
// named after their position.
func parts(s string) Partition {
	p := Partition{}
	for i, c := range strings.Split(s, "|") {
		for _, o := range strings.Fields(c) {
			p[o] = fmt.Sprintf("C%d", i)
		}
	}
	return p
}

// labels returns a partition of objects "0".."n-1" from a label per object.
func labels(l ...int) Partition {
	p := Partition{}
	for i, x := range l {
		p[fmt.Sprint(i)] = fmt.Sprint(x)
	}
	return p
}

func TestMoJoHandComputed(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     string
		mno, max int
		fm       float64
		why      string
	}{
		{"identical", "a b | c d | e", "a b | c d | e", 0, 3, 100,
			"B sizes 1,2,2 give G=3, max = 5-3"},
		{"renamed clusters", "c d | e | a b", "a b | c d | e", 0, 3, 100,
			"names do not matter"},
		{"one cluster vs two of 2", "a b c d", "a b | c d", 2, 2, 0,
			"A's one cluster overlaps each B by 2: 2 moves, no join; sizes 2,2 give G=2"},
		{"singletons vs one cluster", "a | b | c | d | e", "a b c d e", 4, 4, 0,
			"no moves, 5 clusters share one group: 4 joins; G=1"},
		{"one cluster vs singletons", "a b c d e", "a | b | c | d | e", 4, 4, 0,
			"4 moves out of the one cluster; sizes all 1 give G=1"},
		{"one move", "a b c | d e f", "a b | c d e f", 1, 4, 75,
			"move c: 1; sizes 2,4 give G=2, max = 6-2"},
		{"ties decide the groups", "a b | c", "a c | b", 1, 1, 0,
			"{a,b} ties between both B clusters; matching it to {b} frees {a,c} for {c}: " +
				"1 move (a), 0 joins; a greedy first-tag choice would pay a join too"},
		{"ties, larger", "a b | c d | e f g h", "a c | b d | e f g h", 2, 5, 60,
			"{a,b} and {c,d} each tie between {a,c} and {b,d}; a perfect matching exists: " +
				"2 moves, 0 joins; sizes 2,2,4 give G=3, max = 8-3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Compare(parts(tc.a), parts(tc.b))
			if s.MoJo != tc.mno || s.MaxMoJo != tc.max || s.MoJoFM != tc.fm {
				t.Errorf("mno=%d max=%d MoJoFM=%v; want %d, %d, %v (%s)", s.MoJo, s.MaxMoJo, s.MoJoFM, tc.mno, tc.max, tc.fm, tc.why)
			}
		})
	}
}

func TestMoJoFMIsAsymmetric(t *testing.T) {
	// {abcd} -> {ab}{cd}: 2 moves, max 4-2 = 2: 0.
	// {ab}{cd} -> {abcd}: 1 join, max 4-1 = 3: 66.67.
	a, b := parts("a b c d"), parts("a b | c d")
	if ab, ba := Compare(a, b).MoJoFM, Compare(b, a).MoJoFM; ab != 0 || ba != 66.67 {
		t.Errorf("got %v and %v, want 0 and 66.67", ab, ba)
	}
	// mno(A,B)=1 with max 3 against B; mno(B,A)=1 with max 2 against A.
	a, b = parts("a b c | d e"), parts("a b | c d e")
	ab, ba := Compare(a, b), Compare(b, a)
	if ab.MoJo != 1 || ba.MoJo != 1 {
		t.Fatalf("mno %d, %d; want 1, 1", ab.MoJo, ba.MoJo)
	}
	if ab.MaxMoJo != 3 || ba.MaxMoJo != 3 {
		t.Errorf("max %d, %d; want 3, 3", ab.MaxMoJo, ba.MaxMoJo)
	}
	x, y := parts("a b c d e | f"), parts("a | b | c | d | e | f")
	if fx, fy := Compare(x, y).MoJoFM, Compare(y, x).MoJoFM; fx == fy {
		t.Errorf("MoJoFM(x,y) = MoJoFM(y,x) = %v; want them to differ", fx)
	}
}

// TestMoJoReferenceToolValues pins what the MoJo tool (the build the
// published tool comparison ran) prints for these partitions, chosen at
// random with ties among the clusters' best overlaps. The tool agreed with
// this package on 3000 such random pairs of up to 41 objects.
func TestMoJoReferenceToolValues(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		mno  int
		fm   float64
	}{
		{"o0 o12 | o1 o3 o4 o5 o7 o10 o11 | o2 o6 o8 o9 o13", "o0 o5 o6 o7 o8 o11 o12 o13 | o1 o3 o4 o9 | o2 o10", 7, 36.36},
		{"o0 o3 | o1 o8 | o2 o5 | o4 | o6 | o7", "o0 o8 | o1 o3 o4 | o2 | o5 | o6 o7", 5, 16.67},
		{"o0 o5 o6 | o1 o3 o7 o8 | o2 o4 o9", "o0 o3 | o1 o2 o6 o7 o9 | o4 o8 | o5", 6, 14.29},
		{"o0 | o1 | o2 o7 | o3 | o4 o5 o6", "o0 o3 | o1 o4 o5 o6 | o2 | o7", 3, 40},
		{"o0 o8 | o1 o3 o5 o11 | o2 o4 o9 | o6 o7 | o10", "o0 o9 o10 | o1 o2 o3 o4 o6 | o5 o7 o8 | o11", 7, 12.5},
		{"o0 o6 | o1 o7 | o2 o3 o4 o5 o8", "o0 | o1 o2 o5 | o3 | o4 o8 | o6 o7", 5, 16.67},
		{"a b c d | e f g | h i", "a b | c d e | f g h i", 4, 33.33},
		{"a b | c", "a c | b", 1, 0},
		{"a b | c d | e f g h", "a c | b d | e f g h", 2, 60},
		{"a b c | d e f", "a b | c d e f", 1, 75},
	} {
		s := Compare(parts(tc.a), parts(tc.b))
		if s.MoJo != tc.mno || s.MoJoFM != tc.fm {
			t.Errorf("%q -> %q: mno=%d MoJoFM=%v; want %d, %v", tc.a, tc.b, s.MoJo, s.MoJoFM, tc.mno, tc.fm)
		}
	}
}

func TestMoJoFMRounding(t *testing.T) {
	for _, tc := range []struct {
		mno, max int
		want     float64
	}{
		{0, 7, 100},
		{1, 3, 66.67},
		{2, 3, 33.33},
		{1, 8, 87.5},
		{1, 32, 96.88}, // 9687.5 rounds half to even: 9688
		{3, 32, 90.62}, // 9062.5 rounds half to even: 9062, as Java's Math.rint
		{0, 0, 100},    // one object
		{1, 0, 0},      // only with inflated sizes under LastListed
		{3, 2, 0},      // likewise: clamped
	} {
		if got := mojoFM(tc.mno, tc.max); got != tc.want {
			t.Errorf("mojoFM(%d, %d) = %v, want %v", tc.mno, tc.max, got, tc.want)
		}
	}
}

func TestMaxMNO(t *testing.T) {
	for _, tc := range []struct {
		sizes []int
		want  int // G
	}{
		{nil, 0},
		{[]int{1}, 1},
		{[]int{5}, 1},
		{[]int{1, 1, 1, 1}, 1},
		{[]int{2, 2}, 2},
		{[]int{4, 1, 2}, 3},
		// The example in the MoJo tool's source: sizes 1..8, 10, 10, 10, 15 give G = 11.
		{[]int{15, 10, 10, 10, 8, 7, 6, 5, 4, 3, 2, 1}, 11},
	} {
		n := 0
		for _, s := range tc.sizes {
			n += s
		}
		if got := maxMNO(n, tc.sizes); got != n-tc.want {
			t.Errorf("maxMNO(%d, %v) = %d, want n-G = %d", n, tc.sizes, got, n-tc.want)
		}
	}
}

// setPartitions returns every partition of n objects as restricted growth
// strings: s[0] = 0 and s[i] <= 1 + max(s[:i]).
func setPartitions(n int) [][]int {
	var out [][]int
	var grow func(s []int, top int)
	grow = func(s []int, top int) {
		if len(s) == n {
			out = append(out, append([]int(nil), s...))
			return
		}
		for c := 0; c <= top+1; c++ {
			grow(append(s, c), max(top, c))
		}
	}
	grow([]int{0}, 0)
	return out
}

// canonical renumbers labels in order of first appearance.
func canonical(l []int) string {
	m := map[int]byte{}
	b := make([]byte, len(l))
	for i, x := range l {
		if _, ok := m[x]; !ok {
			m[x] = byte(len(m))
		}
		b[i] = m[x]
	}
	return string(b)
}

// moveJoinDistances returns, by breadth-first search over all partitions
// of len(src) objects, the least number of Move and Join operations that
// turn src into each partition (keyed by canonical form). A Move puts one
// object in another cluster, possibly a new one; a Join merges two
// clusters.
func moveJoinDistances(src []int) map[string]int {
	n := len(src)
	start := canonical(src)
	dist := map[string]int{start: 0}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		l := make([]int, n)
		k := 0
		for i := range n {
			l[i] = int(cur[i])
			k = max(k, l[i]+1)
		}
		visit := func(next []int) {
			c := canonical(next)
			if _, ok := dist[c]; !ok {
				dist[c] = dist[cur] + 1
				queue = append(queue, c)
			}
		}
		next := make([]int, n)
		for i := range n {
			for to := 0; to <= k; to++ { // k is a new cluster
				if to == l[i] {
					continue
				}
				copy(next, l)
				next[i] = to
				visit(next)
			}
		}
		for x := range k {
			for y := x + 1; y < k; y++ {
				for i := range n {
					next[i] = l[i]
					if next[i] == y {
						next[i] = x
					}
				}
				visit(next)
			}
		}
	}
	return dist
}

func fromLabels(l []int) Partition {
	p := Partition{}
	for i, x := range l {
		p[fmt.Sprintf("o%d", i)] = fmt.Sprint(x)
	}
	return p
}

// TestMoJoBruteForce checks mno against the least number of moves and
// joins found by exhaustive search, for every pair of partitions of up to
// 6 objects, and checks max mno(∀A, B) = n - G against the largest
// distance any partition has to B.
func TestMoJoBruteForce(t *testing.T) {
	maxN := 6
	if testing.Short() {
		maxN = 5
	}
	for n := 1; n <= maxN; n++ {
		all := setPartitions(n)
		farthest := map[string]int{}
		for _, a := range all {
			dist := moveJoinDistances(a)
			if len(dist) != len(all) {
				t.Fatalf("n=%d: search reached %d partitions, want %d", n, len(dist), len(all))
			}
			pa := fromLabels(a)
			for _, b := range all {
				want := dist[canonical(b)]
				s := Compare(pa, fromLabels(b))
				if s.MoJo != want {
					t.Fatalf("mno(%v, %v) = %d, exhaustive search says %d", a, b, s.MoJo, want)
				}
				farthest[canonical(b)] = max(farthest[canonical(b)], want)
			}
		}
		for _, b := range all {
			s := Compare(fromLabels(b), fromLabels(b))
			if s.MaxMoJo != farthest[canonical(b)] {
				t.Errorf("n=%d B=%v: MaxMoJo = %d, largest distance to B is %d", n, b, s.MaxMoJo, farthest[canonical(b)])
			}
		}
	}
}

// TestMoJoBruteForceSeven samples sources among the 877 partitions of 7
// objects.
func TestMoJoBruteForceSeven(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	all := setPartitions(7)
	r := rand.New(rand.NewPCG(7, 7))
	for range 8 {
		a := all[r.IntN(len(all))]
		dist := moveJoinDistances(a)
		pa := fromLabels(a)
		for _, b := range all {
			if got, want := Compare(pa, fromLabels(b)).MoJo, dist[canonical(b)]; got != want {
				t.Fatalf("mno(%v, %v) = %d, exhaustive search says %d", a, b, got, want)
			}
		}
	}
}

func randomPartition(r *rand.Rand, n, k int) Partition {
	p := Partition{}
	for i := range n {
		p[fmt.Sprintf("o%d", i)] = fmt.Sprintf("c%d", r.IntN(k))
	}
	return p
}

func TestRandomProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 1 + r.IntN(60)
		a := randomPartition(r, n, 1+r.IntN(n))
		b := randomPartition(r, n, 1+r.IntN(n))
		s := Compare(a, b)
		if s.MoJo > s.MaxMoJo || s.MoJo < 0 {
			t.Fatalf("mno %d outside 0..%d for %v -> %v", s.MoJo, s.MaxMoJo, a, b)
		}
		if s.MoJoFM < 0 || s.MoJoFM > 100 || s.ARI > 1 || s.ARI < -1 || s.NMI < 0 || s.NMI > 1 {
			t.Fatalf("score out of range: %+v", s)
		}
		self := Compare(a, a)
		if self.MoJo != 0 || self.MoJoFM != 100 || self.ARI != 1 || self.NMI != 1 {
			t.Fatalf("a against itself: %+v", self)
		}
		rev := Compare(b, a)
		if math.Abs(rev.ARI-s.ARI) > 1e-12 || math.Abs(rev.NMI-s.NMI) > 1e-12 {
			t.Fatalf("ARI/NMI not symmetric: %v/%v vs %v/%v", s.ARI, s.NMI, rev.ARI, rev.NMI)
		}
		// Renaming clusters changes nothing.
		renamed := Partition{}
		for o, c := range a {
			renamed[o] = "x" + strings.Repeat("z", len(c)) + c
		}
		if got := Compare(renamed, b); got != s {
			t.Fatalf("renaming changed the scores: %+v vs %+v", got, s)
		}
	}
}

func TestARIKnownValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b Partition
		want float64
	}{
		{"identical", labels(0, 0, 1, 1, 2), labels(5, 5, 3, 3, 4), 1},
		{"both singletons", labels(0, 1, 2), labels(0, 1, 2), 1},
		{"both one cluster", labels(0, 0, 0), labels(1, 1, 1), 1},
		{"one object", labels(0), labels(1), 1},
		// index 0, expected 0, maximum C(4,2)/2 = 3: ARI 0.
		{"one cluster vs singletons", labels(0, 0, 0, 0), labels(0, 1, 2, 3), 0},
		// Contingency [[2 0 0] [0 1 1]]: index = C(2,2) = 1; rows C(2,2)+C(2,2) = 2;
		// columns 1; expected 2*1/C(4,2) = 1/3; maximum (2+1)/2 = 3/2;
		// ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7.
		{"split one cluster", labels(0, 0, 1, 1), labels(0, 0, 1, 2), 4.0 / 7},
		// Contingency [[1 1] [1 1]]: index 0; rows 2, columns 2; expected 4/6;
		// maximum 2; ARI = (0 - 2/3) / (2 - 2/3) = -1/2.
		{"crossed", labels(0, 0, 1, 1), labels(0, 1, 0, 1), -0.5},
		// A = {1,2,3},{4,5,6}; B = {1,2},{3,4},{5,6}. Contingency [[2 1 0] [0 1 2]]:
		// index = 1+1 = 2; rows 3+3 = 6; columns 1+1+1 = 3; expected 6*3/C(6,2) = 1.2;
		// maximum (6+3)/2 = 4.5; ARI = 0.8 / 3.3 = 8/33.
		{"three by two", labels(0, 0, 0, 1, 1, 1), labels(0, 0, 1, 1, 2, 2), 8.0 / 33},
	} {
		got := Compare(tc.a, tc.b).ARI
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: ARI = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNMIKnownValues(t *testing.T) {
	ln := math.Log
	for _, tc := range []struct {
		name string
		a, b Partition
		want float64
	}{
		{"identical", labels(0, 0, 1, 1, 2), labels(5, 5, 3, 3, 4), 1},
		{"both one cluster", labels(0, 0, 0), labels(1, 1, 1), 1},
		{"both singletons", labels(0, 1, 2), labels(0, 1, 2), 1},
		{"one object", labels(0), labels(1), 1},
		{"one cluster vs two", labels(0, 0, 0, 0), labels(0, 0, 1, 1), 0},
		{"crossed", labels(0, 0, 1, 1), labels(0, 1, 0, 1), 0},
		// H(A) = ln 2; H(B) = 1/2 ln 2 + 2 * 1/4 ln 4 = 3/2 ln 2;
		// I = 1/2 ln(4*2/(2*2)) + 2 * 1/4 ln(4*1/(2*1)) = ln 2;
		// NMI = 2 ln 2 / (5/2 ln 2) = 0.8.
		{"split one cluster", labels(0, 0, 1, 1), labels(0, 0, 1, 2), 0.8},
		// H(A) = ln 2; H(B) = ln 3; I = 2 * 2/6 ln(6*2/(3*2)) = 2/3 ln 2
		// (the cells of 1 add ln 1 = 0); NMI = 4/3 ln 2 / (ln 2 + ln 3).
		{"three by two", labels(0, 0, 0, 1, 1, 1), labels(0, 0, 1, 1, 2, 2), 4.0 / 3 * ln(2) / ln(6)},
	} {
		got := Compare(tc.a, tc.b).NMI
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: NMI = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMaxMatching(t *testing.T) {
	for _, tc := range []struct {
		adj   [][]int
		right int
		want  int
	}{
		{nil, 0, 0},
		{[][]int{{0}, {0}}, 1, 1},
		// Greedy in order would match 0-0 and leave 1 stranded.
		{[][]int{{0, 1}, {0}}, 2, 2},
		{[][]int{{0, 1}, {0, 2}, {1}}, 3, 3},
		{[][]int{{0}, {0, 1}, {1, 2}, {2}}, 3, 3},
	} {
		if got := maxMatching(tc.adj, tc.right); got != tc.want {
			t.Errorf("maxMatching(%v) = %d, want %d", tc.adj, got, tc.want)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	a, ref := randomPartition(r, 5000, 40), randomPartition(r, 5000, 8)
	for b.Loop() {
		Compare(a, ref)
	}
}

func BenchmarkCompareSingletons(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	a, ref := randomPartition(r, 5000, 1<<30), randomPartition(r, 5000, 1<<30)
	for b.Loop() {
		Compare(a, ref)
	}
}
