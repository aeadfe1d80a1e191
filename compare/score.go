package compare

import (
	"cmp"
	"maps"
	"slices"
)

// SharedMode says how objects in the reference's _shared context are
// scored.
type SharedMode int

const (
	// DropShared leaves _shared objects out of the scores.
	DropShared SharedMode = iota
	// SharedAsCluster scores _shared as one reference cluster of its own.
	SharedAsCluster
)

// MultiMode says how an object the reference lists in several contexts
// (possible in RSF only) is scored.
type MultiMode int

const (
	// DropAmbiguous leaves such objects out of the scores and counts
	// them in Scores.Ambiguous.
	DropAmbiguous MultiMode = iota
	// LastListed scores such an object in the context listed last, and
	// counts it in every context it is listed in when sizing the
	// reference clusters for MoJoFM's maximum. This is how the MoJo tool
	// reads such a file (a later line overwrites the object's cluster,
	// every line adds to its cluster's size).
	LastListed
)

// Options say how special contexts are scored. The zero value drops
// _shared and multi-context objects and scores the objects the proposal
// and the reference have in common. _exclude objects are always dropped.
type Options struct {
	Shared SharedMode
	Multi  MultiMode

	// MissingAsCluster adds the objects the reference places but the
	// proposal lacks to the proposal, as one extra cluster of their own,
	// instead of leaving them out. This penalizes a proposal for what it
	// does not cover.
	MissingAsCluster bool

	// KeepUncounted scores the "uncounted" context of an RSF reference as
	// an ordinary cluster instead of dropping it like _exclude.
	KeepUncounted bool

	// Universe lists further objects the reference may place, to find
	// what the proposal lacks: for a TSV reference, whose rules are
	// prefixes, pass every file of the scored snapshot; without it
	// MissingInProposal counts nothing. An RSF reference's own objects
	// are always candidates.
	Universe []string
}

// StudyOptions returns the options that reproduce how Wang, Bornais and
// Rubin (ASE 2024) scored tools against their RSF references: their
// scripts give every reference class the proposal lacks to an
// "unobserved" cluster, keep "uncounted" as a cluster, and run the MoJo
// tool, which takes a class listed in several contexts to be in the last
// one.
func StudyOptions() Options {
	return Options{Shared: DropShared, Multi: LastListed, MissingAsCluster: true, KeepUncounted: true}
}

// Scores is how well a proposal matches a reference.
//
// Every proposal object is counted once in Objects, ExtraInProposal,
// DroppedShared or Ambiguous; with MissingAsCluster, Objects also counts
// the MissingInProposal objects. When no object is scored, MoJoFM, ARI
// and NMI are 0: no objects in common means the two could not be
// compared.
type Scores struct {
	Objects           int // objects scored
	MissingInProposal int // objects the reference places (and would score) that the proposal lacks
	ExtraInProposal   int // proposal objects with no reference context, or an excluded one
	Excluded          int // of ExtraInProposal, those in _exclude (or a dropped "uncounted")
	DroppedShared     int // proposal objects dropped as _shared (DropShared)
	Ambiguous         int // proposal objects dropped for having several reference contexts (DropAmbiguous)

	ProposalClusters  int // clusters among the scored objects
	ReferenceClusters int

	MoJo    int     // mno(proposal, reference): moves and joins that turn the proposal into the reference
	MaxMoJo int     // max mno(any proposal, reference)
	MoJoFM  float64 // 0..100, (1 - MoJo/MaxMoJo) * 100, two decimals
	ARI     float64 // adjusted Rand index, -1..1 (1 = identical)
	NMI     float64 // normalized mutual information, arithmetic mean, 0..1
}

// objectStatus is what the reference and the options make of an object.
type objectStatus int

const (
	unplaced objectStatus = iota
	excluded
	shared
	ambiguous
	scored
)

// Score compares the proposal with the reference over the objects both
// know, under the options.
func Score(proposal Partition, ref *Reference, opts Options) Scores {
	candidates := map[string]bool{}
	for o := range proposal {
		candidates[o] = true
	}
	for _, o := range opts.Universe {
		candidates[o] = true
	}
	for _, o := range ref.Objects() {
		candidates[o] = true
	}

	var s Scores
	var objs []labeledObject
	// memberships sizes the reference clusters for MoJoFM's maximum
	// under LastListed: every scored object counts in each context it is
	// listed in.
	var memberships []string
	for _, o := range slices.Sorted(maps.Keys(candidates)) {
		ctxs := ref.Contexts(o)
		status, ctx := classify(ctxs, opts)
		cluster, inProposal := proposal[o]
		if !inProposal {
			if status != scored {
				continue
			}
			s.MissingInProposal++
			if !opts.MissingAsCluster {
				continue
			}
		}
		switch status {
		case unplaced:
			s.ExtraInProposal++
			continue
		case excluded:
			s.ExtraInProposal++
			s.Excluded++
			continue
		case shared:
			s.DroppedShared++
			continue
		case ambiguous:
			s.Ambiguous++
			continue
		}
		objs = append(objs, labeledObject{a: cluster, missing: !inProposal, b: ctx})
		if opts.Multi == LastListed {
			for _, c := range ctxs {
				if st, _ := classify([]string{c}, opts); st == scored {
					memberships = append(memberships, c)
				}
			}
		}
	}
	var sizes map[string]int
	if opts.Multi == LastListed {
		sizes = map[string]int{}
		for _, c := range memberships {
			sizes[c]++
		}
	}
	m := measure(objs, sizes)
	m.MissingInProposal = s.MissingInProposal
	m.ExtraInProposal = s.ExtraInProposal
	m.Excluded = s.Excluded
	m.DroppedShared = s.DroppedShared
	m.Ambiguous = s.Ambiguous
	return m
}

// classify decides what an object with the given reference contexts is.
func classify(ctxs []string, opts Options) (objectStatus, string) {
	if len(ctxs) == 0 {
		return unplaced, ""
	}
	ctx := ctxs[len(ctxs)-1]
	if len(ctxs) > 1 && opts.Multi == DropAmbiguous {
		return ambiguous, ""
	}
	switch {
	case ctx == ExcludeContext, ctx == UncountedContext && !opts.KeepUncounted:
		return excluded, ""
	case ctx == SharedContext && opts.Shared == DropShared:
		return shared, ""
	}
	return scored, ctx
}

// Compare scores partition a against partition b over the objects both
// contain, with no special contexts: every cluster name is an ordinary
// cluster. ExtraInProposal counts the objects only a has,
// MissingInProposal those only b has. Use it to compare two proposals
// with each other.
func Compare(a, b Partition) Scores {
	var s Scores
	var objs []labeledObject
	for _, o := range slices.Sorted(maps.Keys(a)) {
		if bc, ok := b[o]; ok {
			objs = append(objs, labeledObject{a: a[o], b: bc})
		} else {
			s.ExtraInProposal++
		}
	}
	for o := range b {
		if _, ok := a[o]; !ok {
			s.MissingInProposal++
		}
	}
	m := measure(objs, nil)
	m.MissingInProposal = s.MissingInProposal
	m.ExtraInProposal = s.ExtraInProposal
	return m
}

// labeledObject is one scored object: its proposal cluster (or the
// missing-objects cluster) and its reference cluster.
type labeledObject struct {
	a       string
	missing bool // in the cluster of objects the proposal lacks
	b       string
}

// measure computes the scores of the labeled objects. sizes, when not
// nil, overrides the reference cluster sizes used for MoJoFM's maximum.
func measure(objs []labeledObject, sizes map[string]int) Scores {
	type aKey struct {
		missing bool
		name    string
	}
	aIndex := map[aKey]int{}
	bIndex := map[string]int{}
	var aKeys []aKey
	var bKeys []string
	for _, o := range objs {
		k := aKey{o.missing, o.a}
		if _, ok := aIndex[k]; !ok {
			aIndex[k] = 0
			aKeys = append(aKeys, k)
		}
		if _, ok := bIndex[o.b]; !ok {
			bIndex[o.b] = 0
			bKeys = append(bKeys, o.b)
		}
	}
	// Number clusters in name order (the missing-objects cluster last),
	// so every tie is broken the same way on every run.
	slices.SortFunc(aKeys, func(x, y aKey) int {
		if x.missing != y.missing {
			if x.missing {
				return 1
			}
			return -1
		}
		return cmp.Compare(x.name, y.name)
	})
	slices.Sort(bKeys)
	for i, k := range aKeys {
		aIndex[k] = i
	}
	for j, k := range bKeys {
		bIndex[k] = j
	}
	a := make([]int, len(objs))
	b := make([]int, len(objs))
	for i, o := range objs {
		a[i] = aIndex[aKey{o.missing, o.a}]
		b[i] = bIndex[o.b]
	}
	t := newContingency(a, b, len(aKeys), len(bKeys))

	bSizes := t.colSums
	if sizes != nil {
		bSizes = nil
		for _, k := range slices.Sorted(maps.Keys(sizes)) {
			bSizes = append(bSizes, sizes[k])
		}
	}
	s := Scores{
		Objects:           t.n,
		ProposalClusters:  len(aKeys),
		ReferenceClusters: len(bKeys),
		MoJo:              t.mno(),
		MaxMoJo:           maxMNO(t.n, bSizes),
		ARI:               t.ari(),
		NMI:               t.nmi(),
	}
	s.MoJoFM = mojoFM(s.MoJo, s.MaxMoJo)
	if t.n == 0 {
		// Nothing in common is a failure to compare (object names that
		// do not match, say), not a perfect match.
		s.MoJoFM, s.ARI, s.NMI = 0, 0, 0
	}
	return s
}
