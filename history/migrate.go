package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/seams-dev/seams/fail"
)

// SchemaVersion is the version of the store's schema this seams writes.
const SchemaVersion = 3

// storeApp is written beside the version, to tell a seams store from a
// database that happens to have a table of the same name.
const storeApp = "seams-history"

// migrations[i] takes a store from version i to i+1. Statements are
// written for SQLite and PostgreSQL at once: {{id}} is the column type of
// an auto-increment key, {{float}} of a double. A migration only adds
// (tables, columns, indexes): nothing recorded is ever lost.
var migrations = [][]string{
	// 0 → 1: snapshots with their scores, candidates, edges and cycles.
	{
		`CREATE TABLE schema_version (app TEXT NOT NULL, version INTEGER NOT NULL)`,
		`CREATE TABLE snapshots (
			id {{id}},
			repo TEXT NOT NULL,
			repo_name TEXT NOT NULL,
			commit_hash TEXT NOT NULL,
			commit_time BIGINT NOT NULL,
			recorded_at BIGINT NOT NULL,
			config_hash TEXT NOT NULL,
			seams_version TEXT NOT NULL,
			partition_kind TEXT NOT NULL
		)`,
		`CREATE INDEX snapshots_repo ON snapshots (repo, commit_time, recorded_at)`,
		`CREATE TABLE snapshot_scores (
			snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
			name TEXT NOT NULL,
			value {{float}} NOT NULL,
			PRIMARY KEY (snapshot_id, name)
		)`,
		`CREATE TABLE candidates (
			snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
			candidate TEXT NOT NULL,
			name TEXT NOT NULL,
			scores TEXT NOT NULL,
			members TEXT NOT NULL,
			PRIMARY KEY (snapshot_id, candidate)
		)`,
		`CREATE TABLE edges (
			snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
			from_candidate TEXT NOT NULL,
			to_candidate TEXT NOT NULL,
			weight {{float}} NOT NULL,
			kinds TEXT NOT NULL,
			examples TEXT NOT NULL,
			PRIMARY KEY (snapshot_id, from_candidate, to_candidate)
		)`,
		`CREATE TABLE cycles (
			snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
			ord INTEGER NOT NULL,
			members TEXT NOT NULL,
			PRIMARY KEY (snapshot_id, ord)
		)`,
	},
	// 1 → 2: where a snapshot came from, and table ownership (from the
	// data side of the analysis).
	{
		`ALTER TABLE snapshots ADD COLUMN source TEXT NOT NULL DEFAULT 'analyze'`,
		`CREATE INDEX snapshots_commit ON snapshots (repo, commit_hash)`,
		`CREATE TABLE snapshot_tables (
			snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
			name TEXT NOT NULL,
			kind TEXT NOT NULL,
			owner TEXT NOT NULL,
			shared INTEGER NOT NULL,
			users TEXT NOT NULL,
			PRIMARY KEY (snapshot_id, name)
		)`,
	},
	// 2 → 3: a snapshot whose candidates, edges, cycles and tables are
	// those of an earlier snapshot of the repository (seams analyze run
	// again on unchanged code) shares that snapshot's rows instead of
	// copying them: content_hash identifies the rows, content_of names
	// the snapshot that holds them (NULL: the snapshot's own). The
	// snapshots of older versions keep their rows and an empty hash.
	{
		`ALTER TABLE snapshots ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE snapshots ADD COLUMN content_of BIGINT REFERENCES snapshots (id)`,
		`CREATE INDEX snapshots_content ON snapshots (repo, content_hash)`,
	},
}

// statement writes a migration statement for a dialect.
func (d dialect) statement(s string) string {
	return strings.NewReplacer("{{id}}", d.idType, "{{float}}", d.floatType).Replace(s)
}

// readVersion returns the store's schema version: 0 for a store with no
// schema yet.
func readVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, d dialect) (int, error) {
	var exists bool
	if err := q.QueryRowContext(ctx, d.tableExists, "schema_version").Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var app string
	var v int
	err := q.QueryRowContext(ctx, `SELECT app, version FROM schema_version`).Scan(&app, &v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, errForeign
	case err != nil && strings.Contains(err.Error(), "no such column"), err != nil && strings.Contains(err.Error(), "does not exist"):
		return 0, errForeign // a schema_version table of another program's
	case err != nil:
		return 0, err
	case app != storeApp:
		return 0, errForeign
	}
	return v, nil
}

// migrate brings the store to SchemaVersion, in one transaction, or to
// upTo when it is above 0 (for tests that need an old store).
func (s *Store) migrate(ctx context.Context, upTo int) error {
	if upTo <= 0 {
		upTo = SchemaVersion
	}
	// A cheap check first: an up-to-date store needs no write lock.
	v, err := readVersion(ctx, s.db, s.d)
	if err != nil {
		return s.classify(err, "reading the schema version")
	}
	if v > SchemaVersion {
		return s.newer(v)
	}
	if v >= upTo {
		return nil
	}
	return s.inTx(ctx, "migrating the schema", func(tx *sql.Tx) error {
		if s.d.lockMigrations != "" {
			if _, err := tx.ExecContext(ctx, s.d.lockMigrations); err != nil {
				return err
			}
		}
		// Read again under the lock: another process may have migrated.
		v, err := readVersion(ctx, tx, s.d)
		if err != nil {
			return err
		}
		if v > SchemaVersion {
			return s.newer(v)
		}
		for ; v < upTo; v++ {
			for _, st := range migrations[v] {
				if _, err := tx.ExecContext(ctx, s.d.statement(st)); err != nil {
					return fmt.Errorf("schema version %d: %w", v+1, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_version (app, version) VALUES (?, ?)`), storeApp, upTo)
		return err
	})
}

func (s *Store) newer(v int) error {
	return fail.Operatorf("upgrade seams, or pass another --store",
		"the history store %s has schema version %d, newer than this seams knows (%d): it was written by a newer seams", s.name, v, SchemaVersion)
}
