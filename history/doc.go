// Package history keeps the analyses of a repository over time and
// answers what they say together: trends of the scores, the difference
// between two analyses, and the architecture rules seams check enforces.
//
// # Snapshots
//
// A snapshot (Snapshot) is what is kept of one analysis: the repository's
// identity, the commit and its time, when it was recorded, a hash of the
// settings, the seams version, the overall scores, each candidate with
// its scores and members, the dependencies between candidates (with up to
// five type-level examples each, file:line), the tables with their owner
// and users, and the cycles between candidates. That is enough to draw a
// trend, diff two snapshots and check rules without running an analysis
// again.
//
// The repository's identity (Identity) is its origin URL, normalised, so
// that every clone of it files its snapshots together; without a remote,
// its root commit; outside git, its path.
//
// # The store
//
// A store (Store) is an SQLite file, through the pure-Go driver
// modernc.org/sqlite, or a PostgreSQL database (postgres://...), through
// pgx behind database/sql: one implementation, two dialects.
//
//   - Where: --store, else $SEAMS_STORE, else seams.yaml's store, else
//     history.db in the per-user data directory (see DefaultStore for the
//     reasons it is not in the analysed repository). Address picks.
//   - Schema: versioned (schema_version holds the version, and the name
//     of the store, so that someone else's table of that name is not
//     taken for ours). Opening migrates forward in one transaction (under
//     an advisory lock on PostgreSQL); migrations only add, so nothing
//     recorded is lost. A store of a newer schema is refused, untouched,
//     with an error that says to upgrade seams.
//   - Writes: each snapshot is written in one transaction, with
//     multi-row inserts. A cancelled context (Ctrl-C) rolls it back; a
//     process killed mid-write leaves the last committed state (SQLite's
//     write-ahead log, PostgreSQL's transactions). Two writers at once
//     both land: SQLite runs in WAL mode, takes its write lock when a
//     transaction begins (so that two writers cannot deadlock), waits up
//     to 10 s for a busy database and retries a transaction that still
//     found it busy, with backoff; PostgreSQL retries serialisation
//     failures and deadlocks.
//   - Shared content: a snapshot whose candidates, edges, cycles and
//     tables are row for row those of an earlier snapshot of the
//     repository (seams analyze run again on unchanged code, a backfill
//     over commits that changed no source) records only its header and
//     scores and points at that snapshot's rows (schema version 3); the
//     rows are found by a SHA-256 of their values. Readers see every
//     snapshot whole.
//   - Foreign and damaged files: an SQLite store is marked as ours by
//     SQLite's application_id ("SEAM"). A file that is not an SQLite
//     database, or a database another program wrote, is refused before
//     anything is written to it (fail.User, with the next step); a
//     damaged store gives fail.Operator. Neither is ever overwritten.
//   - On PostgreSQL the tables live in the schema seams_history, so a
//     database shared with other programs is not cluttered; the user
//     needs the right to create that schema once.
//
// # Backfill and fixed candidates
//
// Past commits are analysed from git's object store (Objects: one
// long-running git cat-file --batch; trees read once each, so walking
// the next commit reads only the trees that changed), never from a
// checkout. Only blobs not seen before are parsed, through the fact
// cache (package factcache). Graphs are built incrementally
// (Incremental): when a commit changes no declaration, only its changed
// files are resolved again.
//
// A trend compares like with like when the candidates stay the same:
// Score scores a commit's graph with the candidates of a reference
// analysis held fixed (each file in the candidate of its path in the
// reference; a file the reference lacks in the candidate holding most of
// its package, or of its nearest directory). Its scores follow package
// analyzer's definitions exactly (a test checks it). When the candidates
// do evolve (seams trend --recluster, or two snapshots recorded by
// seams analyze), Match pairs them by their members (Jaccard index).
//
// # Diff and check
//
// Compare reports what changed between two snapshots: dependencies
// between candidates added and removed, tables that became shared,
// cycles created or broken, files that moved candidate, and the scores.
// Check enforces Rules (declared contexts and the dependencies allowed
// between them, no new cycles, a maximum ICP and number of shared
// tables, no score worse than a baseline) and reports each violation
// with the places (file:line) that cause it, as text, SARIF 2.1.0 or
// GitHub Actions annotations.
package history
