// Package compare scores a proposed decomposition of a code base against
// a reference decomposition chosen by experts.
//
// A decomposition is a Partition: objects (repository-relative slash
// paths, or class names) mapped to cluster names. A Reference is read
// from a file by ReadReference and comes in two formats:
//
//   - TSV: "#" comments, a header "path_prefix<TAB>context", then rows
//     mapping path prefixes to contexts. The longest matching prefix wins;
//     prefixes are plain string prefixes, not whole path segments.
//     "table:<name>" rows map database tables to contexts and are kept in
//     Reference.Tables. A "# snapshot: <sha>" comment names the commit the
//     reference describes (Reference.Snapshot).
//   - RSF: "contain <context> <object>" lines, objects being simple class
//     names. An object may be listed in several contexts.
//
// # What is scored
//
// Score compares the proposal with the reference over the objects both
// know. Before scoring, objects in the _exclude context are dropped
// (always), as are objects in an RSF reference's "uncounted" context
// (unless Options.KeepUncounted). Objects in _shared are dropped by
// default (DropShared) or scored as one reference cluster of their own
// (SharedAsCluster); the reference's own guidance is to report both.
// Objects an RSF reference lists in several contexts are dropped and
// counted in Scores.Ambiguous by default (DropAmbiguous): no proposal
// cluster can be right or wrong about them. LastListed instead reads them
// as the MoJo tool does (see below). Proposal objects the reference does
// not place are counted in Scores.ExtraInProposal; objects the reference
// places that the proposal lacks in Scores.MissingInProposal (for a TSV
// reference only among Options.Universe, since its rules name prefixes)
// and, with Options.MissingAsCluster, scored as one extra proposal
// cluster. If no object is left to score, every score is 0: an empty
// intersection means the object names do not match, not that the
// proposal is perfect.
//
// StudyOptions reproduces the conventions of the published tool
// comparison whose RSF references are the class-level ground truth for
// JPetStore and Spring PetClinic (Wang, Bornais and Rubin, "Microservice
// Decomposition Techniques: An Independent Tool Comparison", ASE 2024).
// Its scripts list every distinct reference class once, give a class the
// tool does not place to a cluster "unobserved", keep "uncounted" as an
// ordinary cluster, and run the MoJo tool, which takes a class listed in
// several contexts to be in the last one and sizes each reference cluster
// by its lines. Scored this way, the tools' class-level decompositions
// published with the study get exactly the study's MoJoFM values. Use it
// to compare a score with the study's table; the default options are the
// cleaner measure (under them the study's own reference for PetClinic,
// which lists four classes in several contexts, no longer scores 84.21
// against itself).
//
// ClassPartition turns a file-level proposal into a class-level one for
// such references; DirectoryBaseline and TopLevelBaseline build naive
// proposals to score alongside.
//
// # MoJoFM
//
// MoJo (Tzerpos and Holt, "MoJo: A distance metric for software
// clusterings", WCRE 1999) counts the Move and Join operations that turn
// one partition into another: moving an object to another (possibly new)
// cluster costs 1, joining two clusters costs 1. mno(A, B) is the least
// number of such operations that turn A (the proposal) into B (the
// reference). Wen and Tzerpos ("An optimal algorithm for MoJo distance",
// IWPC 2003) compute it exactly: let v_ij be the number of objects of
// cluster A_i that B puts in B_j. Each A_i is tagged with every B_j of
// maximal v_ij; a maximum bipartite matching of clusters to tags assigns
// matched A_i to their matched B_j and leaves the others with a default
// tag. Then
//
//	moves = Σ_i (|A_i| - max_j v_ij)
//	joins = l - g    (l clusters in A, g distinct groups used)
//	mno(A, B) = moves + joins
//
// An unmatched A_i's tags are all matched to other clusters (else the
// matching could grow), so g is the size of the matching and mno does not
// depend on how ties are broken. Clusters are numbered in name order and
// matched by augmenting paths in that order, so runs are repeatable.
//
// MoJoFM (Wen and Tzerpos, "An effectiveness measure for software
// clustering algorithms", IWPC 2004) normalizes mno by the largest value
// any partition can reach against B:
//
//	max mno(∀A, B) = n - G
//	MoJoFM(A, B) = (1 - mno(A, B) / max mno(∀A, B)) × 100
//
// where n is the number of objects and G is found by sorting B's cluster
// sizes ascending and adding 1 to G (from 0) for every size greater than
// the current G. MoJoFM is 100 when A equals B and 0 for the partitions
// farthest from B; it is not symmetric. As in the MoJo tool the value is
// rounded half-to-even to two decimals. The maximum is 0 only with at
// most one object (G cannot reach n otherwise); the ratio is then
// undefined and MoJoFM is defined as 100 (mno is 0 too). Under
// LastListed the maximum comes from cluster sizes inflated by repeated
// listings, as in the MoJo tool, so it can fall below mno or to 0: the
// result is then clamped to [0, 100], and is 0 for a non-positive maximum
// with mno > 0.
//
// # Adjusted Rand index
//
// The Rand index counts the pairs of objects on which two partitions
// agree (together in both, or apart in both). The adjusted Rand index
// (Hubert and Arabie, "Comparing partitions", Journal of Classification
// 2, 1985) corrects it for chance under the permutation model: with n_ij
// the contingency table, a_i and b_j its row and column sums,
//
//	index    = Σ_ij C(n_ij, 2)
//	expected = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
//	maximum  = (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) / 2
//	ARI      = (index - expected) / (maximum - expected)
//
// ARI is 1 for identical partitions, about 0 for independent ones and can
// be negative. It is symmetric. The ratio is 0/0 only when both
// partitions are the same trivial one (all singletons, or one cluster) or
// there are fewer than two objects; ARI is then defined as 1.
//
// # Normalized mutual information
//
// NMI is the mutual information I(A; B) of the two partitions divided by
// the arithmetic mean of their entropies (natural logarithms; the base
// cancels):
//
//	NMI = 2 I(A; B) / (H(A) + H(B))
//
// This is the "NMI_sum" of Vinh, Epps and Bailey ("Information theoretic
// measures for clusterings comparison", JMLR 11, 2010), equal to the
// V-measure; Strehl and Ghosh ("Cluster ensembles", JMLR 3, 2002)
// normalize by the geometric mean instead, which gives different values.
// NMI is symmetric, 1 for identical partitions and 0 for independent
// ones. When both partitions are one cluster (0/0) it is 1; when only one
// is a single cluster it is 0. Unlike ARI it is not corrected for chance:
// it rewards many small clusters.
package compare
