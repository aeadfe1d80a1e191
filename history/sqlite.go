package history

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/seams-dev/seams/fail"
)

// applicationID marks an SQLite file as a seams history store (SQLite's
// PRAGMA application_id, at offset 68 of the file): "SEAM".
const applicationID = 0x5345414d

// sqliteHeader is how every SQLite 3 database file starts.
const sqliteHeader = "SQLite format 3\x00"

var sqliteDialect = dialect{
	name:        "sqlite",
	idType:      "INTEGER PRIMARY KEY AUTOINCREMENT",
	floatType:   "DOUBLE PRECISION",
	tableExists: `SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?`,
	maxParams:   30000, // SQLite's limit is 32766
	busy: func(err error) bool {
		var e *sqlite.Error
		if errors.As(err, &e) {
			switch e.Code() & 0xff {
			case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
				return true
			}
		}
		return false
	},
	class: func(err error, name string) error {
		var e *sqlite.Error
		if errors.As(err, &e) {
			switch e.Code() & 0xff {
			case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
				return fail.New(fail.Operator, fmt.Errorf("%w (the file is damaged)", err),
					fmt.Sprintf("move %s away (seams starts a new store there) or restore it from a backup; sqlite3's .recover may salvage it", name))
			case sqlite3.SQLITE_FULL:
				return fail.New(fail.Operator, err, "free some disk space")
			case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR:
				return fail.New(fail.Operator, err, fmt.Sprintf("check that %s and its directory are writable", name))
			}
		}
		return err
	},
}

// openSQLite opens (or creates) the SQLite store at path. A file that is
// not an SQLite database, or a database some other program wrote, is
// refused before anything is written to it.
func openSQLite(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fail.New(fail.User, err, "pass a valid path with --store")
	}
	s := &Store{d: sqliteDialect, name: abs, sqlitePath: abs}
	fresh, err := s.checkFile()
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, fail.New(fail.Operator, fmt.Errorf("creating the history store's directory: %w", err),
				"make the directory writable, or pass another place with --store or SEAMS_STORE")
		}
	}
	// Every transaction takes the write lock when it begins (immediate):
	// a reader that later writes cannot deadlock with another writer, and
	// a busy database is waited for (busy_timeout) rather than refused.
	q := url.Values{}
	q.Set("_txlock", "immediate")
	q.Set("_busy_timeout", "10000")
	q.Add("_pragma", "foreign_keys(1)")
	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fail.New(fail.Fatal, err, "")
	}
	s.db = db
	// Two processes opening a new store at once can both hold a read
	// lock and ask for the write lock that switching to write-ahead
	// logging takes: SQLite refuses one at once, without waiting out the
	// busy timeout. It tries again, as a busy transaction does.
	for i := 0; ; i++ {
		err = s.prepareSQLite(ctx, fresh)
		if err == nil || !s.d.busy(err) || i == 7 {
			break
		}
		if err = backOff(ctx, i); err != nil {
			break
		}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkFile looks at the file before SQLite opens it. fresh is true for
// a missing or empty file.
func (s *Store) checkFile() (fresh bool, err error) {
	f, err := os.Open(s.sqlitePath)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fail.New(fail.Operator, fmt.Errorf("opening the history store: %w", err),
			fmt.Sprintf("check the permissions of %s, or pass another place with --store", s.sqlitePath))
	}
	defer f.Close()
	var head [100]byte
	n, err := io.ReadFull(f, head[:])
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return true, nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return false, fail.New(fail.Operator, fmt.Errorf("reading the history store: %w", err),
			fmt.Sprintf("check the permissions of %s", s.sqlitePath))
	case n < len(head) || !bytes.HasPrefix(head[:], []byte(sqliteHeader)):
		return false, fail.Userf("pass the path of a seams history store, or a new path, with --store (seams will not write to this file)",
			"%s is not a seams history store: it is not an SQLite database", s.sqlitePath)
	}
	switch binary.BigEndian.Uint32(head[68:72]) {
	case applicationID:
		return false, nil
	case 0:
		return false, nil // an empty database, or someone else's: prepare decides
	}
	return false, errForeign
}

// prepareSQLite makes sure the database is ours (or empty), then turns
// on write-ahead logging and marks it as ours. Nothing is written before
// the checks pass.
func (s *Store) prepareSQLite(ctx context.Context, fresh bool) (err error) {
	defer func() { err = s.classify(err, "opening") }()
	mark := fresh
	if !fresh {
		var app int64
		if err := s.db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&app); err != nil {
			return err
		}
		if app != applicationID {
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master`).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return errForeign
			}
			mark = true // an empty database: make it ours
		} else if _, err := readVersion(ctx, s.db, s.d); err != nil {
			return err
		}
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		// Readers never block the writer and the writer never blocks
		// readers; a crash leaves the last committed state.
		if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
			return err
		}
	}
	if mark {
		_, err := s.db.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, applicationID))
		return err
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check on an SQLite store and
// returns what it reports ("ok" when sound); "" for PostgreSQL.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	if s.d.name != "sqlite" {
		return "", nil
	}
	var res string
	err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res)
	return res, err
}
