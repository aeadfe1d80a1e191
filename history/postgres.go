package history

import (
	"context"
	"errors"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/seams-dev/seams/fail"
)

// pgSchema is the PostgreSQL schema the store's tables live in, so that
// a database shared with other programs is not cluttered.
const pgSchema = "seams_history"

var postgresDialect = dialect{
	name:        "postgres",
	idType:      "BIGSERIAL PRIMARY KEY",
	floatType:   "DOUBLE PRECISION",
	tableExists: `SELECT COUNT(*) > 0 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`,
	// Migrations take a transaction-scoped advisory lock (the key is
	// arbitrary but fixed: "SEAM").
	lockMigrations: `SELECT pg_advisory_xact_lock(1397047629)`,
	dollar:         true,
	maxParams:      60000, // PostgreSQL's limit is 65535
	busy: func(err error) bool {
		var e *pgconn.PgError
		if errors.As(err, &e) {
			// serialization_failure, deadlock_detected, lock_not_available
			return e.Code == "40001" || e.Code == "40P01" || e.Code == "55P03"
		}
		return false
	},
	class: func(err error, name string) error {
		var e *pgconn.PgError
		if errors.As(err, &e) {
			switch e.Code[:2] {
			case "28": // invalid authorization
				return fail.New(fail.Operator, err, "check the user and password in the store's URL")
			case "3D": // invalid catalog name: no such database
				return fail.New(fail.Operator, err, "create the database, or fix its name in the store's URL")
			case "42": // insufficient privilege, ...
				return fail.New(fail.Operator, err, "grant the store's user the right to create tables in its database (see README: the history store)")
			case "53", "57", "08": // resources, operator intervention, connection
				return fail.New(fail.Retryable, err, "check that the PostgreSQL server is up, and run again")
			}
		}
		var ce *pgconn.ConnectError
		if errors.As(err, &ce) {
			return fail.New(fail.Operator, err, "check that the PostgreSQL server is up and reachable at the store's URL")
		}
		return err
	},
}

// openPostgres connects to the PostgreSQL store at addr. The tables live
// in the schema seams_history, created when missing.
func openPostgres(ctx context.Context, addr string) (*Store, error) {
	s := &Store{d: postgresDialect, name: redact(addr)}
	cfg, err := pgx.ParseConfig(addr)
	if err != nil {
		return nil, fail.Userf("pass a URL like postgres://user:password@host:5432/dbname with --store",
			"history store %s: %v", s.name, errors.Unwrap(err))
	}
	cfg.RuntimeParams["search_path"] = pgSchema
	cfg.RuntimeParams["application_name"] = "seams"
	s.db = stdlib.OpenDB(*cfg)
	var exists bool
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) > 0 FROM pg_namespace WHERE nspname = $1`, pgSchema).Scan(&exists)
	if err == nil && !exists {
		_, err = s.db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgSchema)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "42P06") {
			err = nil // another seams created it at the same moment
		}
	}
	if err != nil {
		s.db.Close()
		return nil, s.classify(err, "connecting")
	}
	return s, nil
}

// redact removes the password from a URL, for messages.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return "postgres://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
