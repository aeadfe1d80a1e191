package history

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/seams-dev/seams/fail"
)

// Store is a history store: an SQLite file or a PostgreSQL database,
// behind database/sql. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	d    dialect
	name string // what to call the store in messages: its path or URL, without a password
	// sqlitePath is the file of an SQLite store.
	sqlitePath string
}

// dialect is what differs between the two databases.
type dialect struct {
	name      string
	idType    string
	floatType string
	// tableExists is a query with one parameter, a table name, giving a
	// bool.
	tableExists string
	// lockMigrations serialises migrations (PostgreSQL); SQLite's write
	// transactions are serialised already.
	lockMigrations string
	dollar         bool // placeholders are $1, $2...
	// maxParams is the most parameters one statement may have.
	maxParams int
	// busy reports whether an error is a passing lock conflict worth a
	// retry.
	busy func(error) bool
	// class classifies an error of the database.
	class func(err error, name string) error
}

// rebind writes the ? placeholders of a query as the dialect wants them.
func (d dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// errForeign marks a database that is not a seams history store.
var errForeign = errors.New("not a seams history store")

// Open opens the store at addr: a postgres:// or postgresql:// URL, or the
// path of an SQLite file (created, with its directory, when missing). It
// migrates the schema forward if needed.
func Open(ctx context.Context, addr string) (*Store, error) {
	return open(ctx, addr, 0)
}

func open(ctx context.Context, addr string, upTo int) (*Store, error) {
	var s *Store
	var err error
	if isPostgres(addr) {
		s, err = openPostgres(ctx, addr)
	} else {
		s, err = openSQLite(ctx, addr)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx, upTo); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func isPostgres(addr string) bool {
	return strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://")
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Name is the store's path, or its URL without the password.
func (s *Store) Name() string { return s.name }

// classify turns a database error into a classified one.
func (s *Store) classify(err error, doing string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var fe *fail.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, errForeign) {
		return fail.Userf("pass the path of a seams history store, or a new path, with --store",
			"%s is not a seams history store: it holds other data, and seams will not write to it", s.name)
	}
	return s.d.class(fmt.Errorf("history store %s: %s: %w", s.name, doing, err), s.name)
}

// inTx runs f in a transaction, retrying while the database is busy
// with another writer. The transaction commits only if f returns nil: a
// cancelled context or a failure leaves the store as it was.
func (s *Store) inTx(ctx context.Context, doing string, f func(*sql.Tx) error) error {
	const attempts = 8
	var err error
	for i := range attempts {
		err = s.tryTx(ctx, f)
		if err == nil || !s.d.busy(err) || ctx.Err() != nil {
			break
		}
		if err := backOff(ctx, i); err != nil {
			return err
		}
	}
	if err != nil && s.d.busy(err) && ctx.Err() == nil {
		return fail.New(fail.Retryable, fmt.Errorf("history store %s: %s: another process kept it busy: %w", s.name, doing, err),
			"run again when the other seams has finished writing")
	}
	return s.classify(err, doing)
}

// backOff waits before the attempt after attempt i, with jitter so that
// two waiting writers part.
func backOff(ctx context.Context, i int) error {
	wait := time.Duration(50<<min(i, 5))*time.Millisecond + rand.N(50*time.Millisecond)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(wait):
		return nil
	}
}

func (s *Store) tryTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Put records a snapshot, in one transaction, and returns its ID (also
// set in s.ID).
func (s *Store) Put(ctx context.Context, snap *Snapshot) (int64, error) {
	snap.normalize()
	if snap.Recorded.IsZero() {
		snap.Recorded = time.Now()
	}
	var id int64
	err := s.inTx(ctx, "recording a snapshot", func(tx *sql.Tx) error {
		var err error
		id, err = s.insert(ctx, tx, snap)
		return err
	})
	if err != nil {
		return 0, err
	}
	snap.ID = id
	return id, nil
}

func (s *Store) insert(ctx context.Context, tx *sql.Tx, snap *Snapshot) (int64, error) {
	var commitTime int64
	if !snap.CommitTime.IsZero() {
		commitTime = snap.CommitTime.Unix()
	}
	content := contentOf(snap)
	// An earlier snapshot of the repository with the same rows holds
	// them for this one too.
	var holder sql.NullInt64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM snapshots
		WHERE repo = ? AND content_hash = ? AND content_of IS NULL ORDER BY id LIMIT 1`), snap.Repo, content.hash).Scan(&holder)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO snapshots
		(repo, repo_name, commit_hash, commit_time, recorded_at, config_hash, seams_version, partition_kind, source, content_hash, content_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		snap.Repo, snap.RepoName, snap.Commit, commitTime, snap.Recorded.UnixNano(), snap.ConfigHash, snap.Version, snap.Partition, snap.Source,
		content.hash, holder,
	).Scan(&id)
	if err != nil {
		return 0, err
	}
	var rows [][]any
	for _, name := range sortedKeys(snap.Scores) {
		rows = append(rows, []any{name, snap.Scores[name]})
	}
	if err := s.insertRows(ctx, tx, id, "snapshot_scores (snapshot_id, name, value)", rows); err != nil {
		return 0, err
	}
	if holder.Valid {
		return id, nil
	}
	for i, rows := range content.rows {
		if err := s.insertRows(ctx, tx, id, contentTables[i], rows); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// contentTables are the tables of a snapshot's content, with the columns
// of contentRows.rows, after the snapshot's ID.
var contentTables = [...]string{
	"candidates (snapshot_id, candidate, name, scores, members)",
	"edges (snapshot_id, from_candidate, to_candidate, weight, kinds, examples)",
	"cycles (snapshot_id, ord, members)",
	"snapshot_tables (snapshot_id, name, kind, owner, shared, users)",
}

// contentRows are the rows of a snapshot's content, table by table, and
// their hash.
type contentRows struct {
	rows [len(contentTables)][][]any
	hash string
}

// contentOf returns the rows of a normalised snapshot's candidates,
// edges, cycles and tables (without the snapshot's ID) and their hash.
func contentOf(snap *Snapshot) contentRows {
	var c contentRows
	for _, x := range snap.Candidates {
		c.rows[0] = append(c.rows[0], []any{x.ID, x.Name, mustJSON(x.Scores), mustJSON(x.Members)})
	}
	for _, e := range snap.Edges {
		c.rows[1] = append(c.rows[1], []any{e.From, e.To, e.Weight, mustJSON(e.Kinds), mustJSON(e.Examples)})
	}
	for i, x := range snap.Cycles {
		c.rows[2] = append(c.rows[2], []any{i, mustJSON(x)})
	}
	for _, t := range snap.Tables {
		shared := 0
		if t.Shared {
			shared = 1
		}
		c.rows[3] = append(c.rows[3], []any{t.Name, t.Kind, t.Owner, shared, mustJSON(t.Users)})
	}
	// The hash reads every value, typed and length-prefixed, so that two
	// contents hash alike only when their rows are the same.
	h := sha256.New()
	h.Write([]byte("seams snapshot content v1\n"))
	var buf []byte
	for i, rows := range c.rows {
		buf = binary.AppendUvarint(buf[:0], uint64(i))
		h.Write(binary.AppendUvarint(buf, uint64(len(rows))))
		for _, r := range rows {
			buf = buf[:0]
			for _, v := range r {
				switch v := v.(type) {
				case string:
					buf = binary.AppendUvarint(append(buf, 's'), uint64(len(v)))
					buf = append(buf, v...)
				case int:
					buf = binary.AppendVarint(append(buf, 'i'), int64(v))
				case float64:
					buf = binary.BigEndian.AppendUint64(append(buf, 'f'), math.Float64bits(v))
				default:
					panic(fmt.Sprintf("history: no hash for a %T", v)) // contentOf makes only the types above
				}
			}
			h.Write(buf)
		}
	}
	c.hash = hex.EncodeToString(h.Sum(nil))
	return c
}

// insertRows inserts rows of the snapshot id, each given without the ID,
// with multi-row INSERTs, as few as the dialect's parameter limit allows:
// one round trip per batch.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, id int64, into string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	width := 1 + len(rows[0])
	per := max(1, s.d.maxParams/width)
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		var q strings.Builder
		q.WriteString("INSERT INTO " + into + " VALUES ")
		args := make([]any, 0, len(batch)*width)
		tuple := "(" + strings.Repeat("?, ", width-1) + "?)"
		for i, r := range batch {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(tuple)
			args = append(append(args, id), r...)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(q.String()), args...); err != nil {
			return err
		}
	}
	return nil
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings, lists of strings and structs of them: cannot fail
	}
	return string(b)
}

// Filter selects snapshots.
type Filter struct {
	Repo string // required
	// Commit selects the snapshots of one commit (a full hash).
	Commit string
	// Source and Partition, when set, must match.
	Source, Partition string
}

// List returns the headers and overall scores of the snapshots that
// match f (no candidates, edges, tables or cycles), oldest commit
// first, then in the order they were recorded.
func (s *Store) List(ctx context.Context, f Filter) ([]*Snapshot, error) {
	q := `SELECT id, repo, repo_name, commit_hash, commit_time, recorded_at, config_hash, seams_version, partition_kind, source
		FROM snapshots WHERE repo = ?`
	args := []any{f.Repo}
	if f.Commit != "" {
		q += ` AND commit_hash = ?`
		args = append(args, f.Commit)
	}
	if f.Source != "" {
		q += ` AND source = ?`
		args = append(args, f.Source)
	}
	if f.Partition != "" {
		q += ` AND partition_kind = ?`
		args = append(args, f.Partition)
	}
	q += ` ORDER BY commit_time, recorded_at, id`
	var out []*Snapshot
	byID := map[int64]*Snapshot{}
	err := s.read(ctx, "listing snapshots", func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, s.d.rebind(q), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			snap, err := scanHeader(rows)
			if err != nil {
				return err
			}
			out = append(out, snap)
			byID[snap.ID] = snap
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		// The scores of the selected snapshots, in one query.
		rows, err = tx.QueryContext(ctx, s.d.rebind(`SELECT snapshot_id, name, value FROM snapshot_scores
			WHERE snapshot_id IN (SELECT id FROM snapshots WHERE repo = ?)`), f.Repo)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name string
			var v float64
			if err := rows.Scan(&id, &name, &v); err != nil {
				return err
			}
			if snap := byID[id]; snap != nil {
				snap.Scores[name] = v
			}
		}
		return rows.Err()
	})
	return out, err
}

// read runs f in a transaction that only reads, so that what it reads
// is one consistent state.
func (s *Store) read(ctx context.Context, doing string, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: s.d.name == "postgres"})
	if err != nil {
		return s.classify(err, doing)
	}
	defer tx.Rollback()
	return s.classify(f(tx), doing)
}

type scanner interface{ Scan(...any) error }

func scanHeader(r scanner) (*Snapshot, error) {
	snap := &Snapshot{Scores: map[string]float64{}}
	var commitTime, recorded int64
	err := r.Scan(&snap.ID, &snap.Repo, &snap.RepoName, &snap.Commit, &commitTime, &recorded,
		&snap.ConfigHash, &snap.Version, &snap.Partition, &snap.Source)
	if err != nil {
		return nil, err
	}
	if commitTime != 0 {
		snap.CommitTime = time.Unix(commitTime, 0).UTC()
	}
	snap.Recorded = time.Unix(0, recorded).UTC()
	return snap, nil
}

// ErrNotFound is returned for a snapshot that is not in the store.
var ErrNotFound = errors.New("no such snapshot")

// Get returns a whole snapshot.
func (s *Store) Get(ctx context.Context, id int64) (*Snapshot, error) {
	var snap *Snapshot
	err := s.read(ctx, "reading a snapshot", func(tx *sql.Tx) error {
		var err error
		snap, err = s.get(ctx, tx, id)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, fail.Userf("run seams trend to list the snapshots", "history store %s has no snapshot @%d", s.name, id)
	}
	return snap, err
}

func (s *Store) get(ctx context.Context, tx *sql.Tx, id int64) (*Snapshot, error) {
	row := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, repo, repo_name, commit_hash, commit_time, recorded_at, config_hash, seams_version, partition_kind, source
		FROM snapshots WHERE id = ?`), id)
	snap, err := scanHeader(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	// The candidates, edges, cycles and tables are the snapshot's own, or
	// those of the earlier snapshot it shares them with.
	var holder int64
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COALESCE(content_of, id) FROM snapshots WHERE id = ?`), id).Scan(&holder); err != nil {
		return nil, err
	}
	each := func(q string, arg int64, f func(scanner) error) error {
		rows, err := tx.QueryContext(ctx, s.d.rebind(q), arg)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := f(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err = each(`SELECT name, value FROM snapshot_scores WHERE snapshot_id = ?`, id, func(r scanner) error {
		var name string
		var v float64
		err := r.Scan(&name, &v)
		snap.Scores[name] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT candidate, name, scores, members FROM candidates WHERE snapshot_id = ?`, holder, func(r scanner) error {
		var c Candidate
		var scores, members string
		if err := r.Scan(&c.ID, &c.Name, &scores, &members); err != nil {
			return err
		}
		if err := unmarshal(scores, &c.Scores); err != nil {
			return err
		}
		if err := unmarshal(members, &c.Members); err != nil {
			return err
		}
		snap.Candidates = append(snap.Candidates, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT from_candidate, to_candidate, weight, kinds, examples FROM edges WHERE snapshot_id = ?`, holder, func(r scanner) error {
		var e Edge
		var kinds, examples string
		if err := r.Scan(&e.From, &e.To, &e.Weight, &kinds, &examples); err != nil {
			return err
		}
		if err := unmarshal(kinds, &e.Kinds); err != nil {
			return err
		}
		if err := unmarshal(examples, &e.Examples); err != nil {
			return err
		}
		snap.Edges = append(snap.Edges, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT members FROM cycles WHERE snapshot_id = ? ORDER BY ord`, holder, func(r scanner) error {
		var members string
		var c []string
		if err := r.Scan(&members); err != nil {
			return err
		}
		if err := unmarshal(members, &c); err != nil {
			return err
		}
		snap.Cycles = append(snap.Cycles, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT name, kind, owner, shared, users FROM snapshot_tables WHERE snapshot_id = ?`, holder, func(r scanner) error {
		var t Table
		var shared int
		var users string
		if err := r.Scan(&t.Name, &t.Kind, &t.Owner, &shared, &users); err != nil {
			return err
		}
		t.Shared = shared != 0
		if err := unmarshal(users, &t.Users); err != nil {
			return err
		}
		snap.Tables = append(snap.Tables, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	snap.normalize()
	return snap, nil
}

func unmarshal(s string, v any) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("a stored value is damaged: %w", err)
	}
	return nil
}

// Latest returns the newest snapshot of a commit (the newest of the
// repository when commit is ""), whole, or ErrNotFound.
func (s *Store) Latest(ctx context.Context, f Filter) (*Snapshot, error) {
	list, err := s.List(ctx, f)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, ErrNotFound
	}
	best := list[0]
	for _, x := range list[1:] {
		if x.CommitTime.After(best.CommitTime) || x.CommitTime.Equal(best.CommitTime) && x.Recorded.After(best.Recorded) ||
			x.CommitTime.Equal(best.CommitTime) && x.Recorded.Equal(best.Recorded) && x.ID > best.ID {
			best = x
		}
	}
	return s.Get(ctx, best.ID)
}

// Count returns the number of snapshots in the store.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, "counting snapshots", func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM snapshots`).Scan(&n)
	})
	return n, err
}
