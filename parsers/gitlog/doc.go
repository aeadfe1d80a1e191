// Package gitlog reads a repository's history with git and returns the
// plain data behind two coupling layers: evolution (files that change
// together) and people (who changes what). It is the one parser that
// sees the history rather than a file: Read runs a single git log and
// aggregates its output as it streams in.
//
// # The evolution model
//
// The model is code-maat's logical coupling, from Adam Tornhill's "Your
// Code as a Crime Scene" (Pragmatic Bookshelf, 2015) and his tool
// code-maat (github.com/adamtornhill/code-maat). A commit is a
// transaction; every two analysed files it changes are coupled once.
//
//   - Pair.Shared is the number of commits that changed both files.
//   - FileHistory.CoRevisions is the number of commits that changed the
//     file, and Pair.Degree, code-maat's degree of coupling, is Shared
//     over the mean of the two files' CoRevisions, in percent:
//     200·Shared/(CoRevisions(A)+CoRevisions(B)), the Dice coefficient of
//     the two files' sets of commits. Two files always changed together
//     are coupled at 100.
//   - FileHistory.SumOfCoupling, code-maat's "soc", is the number of
//     times another file changed with this one, summed over its commits:
//     a file high on it is one that changes with everything, a candidate
//     for the shared kernel.
//
// Association-rule mining (Zimmermann et al., "Mining Version Histories
// to Guide Software Changes", ICSE 2004) reads the same counts as a rule
// A ⇒ B with support Shared and confidence Shared/CoRevisions(A): the
// share of A's changes that also changed B. Confidence is directed;
// Degree is the harmonic mean of the confidences of A ⇒ B and B ⇒ A,
// symmetric, as an undirected clustering layer needs.
//
// A commit that changes very many files (a reformatting, a licence
// header, a dependency bump, a mass move) says nothing about which
// files belong together, yet would couple each of them with all the
// others. As code-maat does, such a commit is left out of the model when
// it changes more than Options.MaxChangeset files (History.Ignored
// counts them). Its size is every file it changes under the root,
// analysed or not, as code-maat counts every file in the log; the pairs
// are formed among the analysed files only. The cap is also what keeps
// the work bounded: no commit adds more than MaxChangeset²/2 pairs,
// counted in a map keyed by the two files' slots, not their names. An
// ignored commit still counts as a revision of its files
// (FileHistory.Revisions) and for its author; it is not counted in
// CoRevisions, so Degree stays within 0..100.
//
// # The people model
//
// FileHistory.Authors is the file's row of the file×author matrix: for
// every person, the number of the file's commits they authored, and
// their share of them. A person is an email address, lower-cased, as
// git reports it after applying the repository's .mailmap (%aN and %aE),
// or the name for a commit without an email; the name shown is the one
// of their newest commit. One person with two addresses and no .mailmap
// entry joining them counts as two. Merges are skipped, so a person
// who only merges is not an author; Co-authored-by trailers are not
// read.
//
// History.AuthorSimilarity is the cosine of two files' author vectors:
// 1 when the same people changed both in the same proportions. It suits
// pairs the caller already has (co-change pairs, structural edges). A
// complete people layer should not enumerate every pair of files with
// an author in common, which is quadratic in the files of a prolific
// author: connect files through their authors instead (a bipartite
// projection, each author's contribution divided by the number of files
// they touched).
//
// # What is read
//
// The commits reachable from HEAD, merges excluded, newest first by
// commit date: with the merges skipped, the commits of every merged
// branch count once each, and a merge's own conflict resolution is not
// counted. A commit counts (History.Commits) when it changes at least
// one file under the root. Paths are relative to the root even when it
// is a subdirectory of the work tree (git log --relative), and only
// changes under it are read. Options.Since and every time reported are
// commit times (git log orders and cuts by them), in UTC.
//
// With Options.Paths, the result covers those files, as they are named
// now. Without, it covers every file whose newest change in the history
// read is not its deletion: the files that exist now, near enough (a
// file deleted only by a merge's conflict resolution still appears).
//
// # Renames
//
// git log --find-renames reports a moved file as "R<similarity> old
// new", at git's default 50% similarity and a rename limit of 1000
// (both stated on the command line, so that the repository's
// configuration cannot change them): a Java class moved to another
// package, its package line edited, is a rename. Walking the history
// newest first, a rename makes the old path an alias of the file's
// current one for every older commit, so that a file's history before
// a move counts toward its current path. A path reused after a move
// belongs to the new file until the walk reaches the move. The limits:
// a rename git does not detect (less than 50% similar, or inexact in a
// commit that adds and deletes more files than the rename limit) splits
// the history; copies are not followed; a change
// to the old path on a branch merged after the move (so newer in the
// walk than the move) is counted for the old path; clock skew between
// commits can misorder a rename against commits on other branches;
// a file moved in from outside a subdirectory root is an addition.
// Rename detection costs about as much again as reading the history
// without it (on apache/fineract, about 0.5 s of git's 1 s); turn it off
// with Options.NoRenames.
//
// # Defaults
//
//   - MaxCommits, DefaultMaxCommits = 10000 of the newest commits. Years
//     of history for most monoliths, read in about two seconds; the
//     coupling of a decade ago describes a system that no longer exists,
//     which is why Tornhill analyses a recent window. Negative: all.
//   - MaxChangeset, DefaultMaxChangeset = 30 files, code-maat's default.
//   - MinShared, DefaultMinShared = 2 shared commits. One shared commit is
//     a coincidence as often as a coupling, and such pairs are most of
//     them. code-maat reports at 5 shared commits, 5 revisions and 30%;
//     a clustering layer wants the weaker links too, so nothing else is
//     filtered here: the caller thresholds on Degree and revisions.
//
// # Errors
//
// A repository without history is not an error for the analysis: Read
// returns an empty History and an error wrapping ErrNoHistory and the
// reason (git missing, not a work tree, git refused the repository, no
// commits, none since Options.Since or under the root). A shallow clone
// is read as far as it goes, with History.Shallow set: its boundary
// commits, which git shows as adding the whole tree, are not counted, so
// a clone of depth 1 (the default of many CI checkouts) has no history.
//
// # Untrusted repositories
//
// git runs through repo.StreamGit: fsmonitor and hooks off, no
// transport, no embedded bare repository, no variable pointing
// elsewhere. On top of that every git log option the repository's
// configuration could change is given explicitly (--root, --relative,
// --find-renames, -l, --encoding=UTF-8, --no-color, --no-follow), and
// every one that could run a program is turned off (--no-ext-diff,
// --no-textconv, --no-show-signature: showing a signature runs
// gpg.program).
//
// # Cost
//
// One git process, one pass over its output, no file contents read:
// --name-status needs only tree diffs, where --numstat (line counts)
// would diff every blob. Memory is proportional to the files, the
// (file, author) pairs and the co-changed pairs, a few MiB for a history
// of thousands of commits. On apache/fineract (6,691 non-merge commits)
// Read costs about 1.2 s of CPU, five sixths of it git's, and keeps
// 3 MiB; the whole history of the Spring Framework (31,725 commits,
// three times the default) about 6 s and 27 MiB. git runs in its own
// process, alongside the parsers.
package gitlog
