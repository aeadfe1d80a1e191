package history

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/seams-dev/seams/fail"
)

// The store suite runs against every backend: SQLite always, PostgreSQL
// when SEAMS_TEST_POSTGRES holds the URL of a database the tests may
// fill (each test works in a schema of its own, dropped at the end).

type backend struct {
	name string
	// addr returns the address of a new, empty store.
	addr func(t *testing.T) string
}

func backends(t *testing.T) []backend {
	bs := []backend{{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "history.db") }}}
	if base := os.Getenv("SEAMS_TEST_POSTGRES"); base != "" {
		bs = append(bs, backend{"postgres", func(t *testing.T) string { return freshPostgres(t, base) }})
	} else {
		t.Log("SEAMS_TEST_POSTGRES is not set: PostgreSQL is not tested")
	}
	return bs
}

// freshPostgres creates a database of its own for one test and returns
// its URL; the database is dropped when the test ends.
func freshPostgres(t *testing.T, base string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	admin := stdlib.OpenDB(*cfg)
	defer admin.Close()
	name := fmt.Sprintf("seams_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("creating a test database on %s: %v (the user needs CREATEDB)", redact(base), err)
	}
	t.Cleanup(func() {
		db := stdlib.OpenDB(*cfg)
		defer db.Close()
		if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Logf("dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("SEAMS_TEST_POSTGRES must be a postgres:// URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func forEachBackend(t *testing.T, f func(t *testing.T, addr string)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) { f(t, b.addr(t)) })
	}
}

func openT(t *testing.T, addr string) *Store {
	t.Helper()
	s, err := Open(context.Background(), addr)
	if err != nil {
		t.Fatalf("open %s: %v", addr, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sample is a snapshot with a bit of everything.
func sample(repo, commit string, n int) *Snapshot {
	s := &Snapshot{
		Repo: repo, RepoName: "shop", Commit: commit,
		CommitTime: time.Unix(1700000000+int64(n)*86400, 0).UTC(),
		Recorded:   time.Unix(1800000000+int64(n), 123456789).UTC(),
		ConfigHash: "cfg1", Version: "0.1.0", Source: SourceAnalyze, Partition: Clustered,
		Scores: map[string]float64{ScoreModularity: 0.4 + float64(n)/100, ScoreICP: 0.25, ScoreCrossDependencies: float64(10 + n), ScoreCandidateCycles: 1},
		Candidates: []Candidate{
			{ID: "billing", Name: "billing", Scores: map[string]float64{"files": 2, "cohesion": 0.5}, Members: []string{"src/billing/Invoice.java", "src/billing/Pay.java"}},
			{ID: "orders", Name: "orders", Scores: map[string]float64{"files": 1}, Members: []string{"src/orders/Order.java"}},
		},
		Edges: []Edge{{From: "orders", To: "billing", Weight: 3.5, Kinds: map[string]int{"call": 2},
			Examples: []Example{{From: "shop.orders.Order", To: "shop.billing.Invoice", Kind: "call", Member: "total", Count: 2, At: "src/orders/Order.java:12"}}}},
		Tables: []Table{{Name: "invoices", Kind: "table", Owner: "billing", Shared: true, Users: []string{"billing", "orders"}}},
		Cycles: [][]string{{"billing", "orders"}},
	}
	return s
}

func TestStoreRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openT(t, addr)
		want := sample("example.com/shop", "c1", 1)
		id, err := s.Put(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		if id == 0 || want.ID != id {
			t.Fatalf("Put returned id %d, snapshot has %d", id, want.ID)
		}
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("read back:\n%+v\nwant:\n%+v", got, want)
		}
		if _, err := s.Put(ctx, sample("example.com/shop", "c2", 2)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, sample("example.com/other", "c9", 3)); err != nil {
			t.Fatal(err)
		}
		list, err := s.List(ctx, Filter{Repo: "example.com/shop"})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Commit != "c1" || list[1].Commit != "c2" {
			t.Fatalf("list: %+v", list)
		}
		if list[1].Scores[ScoreCrossDependencies] != 12 {
			t.Errorf("listed scores: %v", list[1].Scores)
		}
		latest, err := s.Latest(ctx, Filter{Repo: "example.com/shop"})
		if err != nil || latest.Commit != "c2" || len(latest.Candidates) != 2 {
			t.Fatalf("latest: %+v, %v", latest, err)
		}
		if _, err := s.Latest(ctx, Filter{Repo: "nowhere"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("latest of an unknown repository: %v", err)
		}
		if _, err := s.Get(ctx, 9999); fail.KindOf(err) != fail.User {
			t.Errorf("get of a missing snapshot: %v (kind %v)", err, fail.KindOf(err))
		}
	})
}

// TestStoreConcurrentWriters writes from many goroutines at once, each
// with a store of its own (as separate processes would) and sharing one.
func TestStoreConcurrentWriters(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		shared := openT(t, addr)
		const writers, each = 8, 5
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Go(func() {
				s := shared
				if w%2 == 0 {
					own, err := Open(ctx, addr)
					if err != nil {
						errs <- err
						return
					}
					defer own.Close()
					s = own
				}
				for i := range each {
					if _, err := s.Put(ctx, sample("example.com/shop", fmt.Sprintf("w%d-%d", w, i), i)); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if n, err := shared.Count(ctx); err != nil || n != writers*each {
			t.Errorf("%d snapshots (%v), want %d", n, err, writers*each)
		}
	})
}

// The test binary doubles as a writer process for the tests below: with
// SEAMS_TEST_STORE_CHILD set it runs that mode and exits.
func TestMain(m *testing.M) {
	switch os.Getenv("SEAMS_TEST_STORE_CHILD") {
	case "":
		os.Exit(m.Run())
	case "write":
		os.Exit(childWrite())
	case "hang":
		os.Exit(childHang())
	}
	os.Exit(2)
}

// childWrite records SEAMS_TEST_N snapshots in SEAMS_TEST_ADDR.
func childWrite() int {
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv("SEAMS_TEST_ADDR"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	n, _ := strconv.Atoi(os.Getenv("SEAMS_TEST_N"))
	for i := range n {
		if _, err := s.Put(ctx, sample("example.com/shop", fmt.Sprintf("p%d-%d", os.Getpid(), i), i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// childHang begins writing a snapshot, says so on stdout and waits to be
// killed in the middle of the transaction.
func childHang() int {
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv("SEAMS_TEST_ADDR"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	big := sample("example.com/shop", "killed", 0)
	for i := range 2000 {
		big.Candidates = append(big.Candidates, Candidate{ID: fmt.Sprintf("c%04d", i), Name: "c", Members: []string{strings.Repeat("x", 500)}})
	}
	if _, err := s.insert(ctx, tx, big); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("writing")
	time.Sleep(time.Minute)
	return 0
}

func child(t *testing.T, mode, addr string, extra ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SEAMS_TEST_STORE_CHILD="+mode, "SEAMS_TEST_ADDR="+addr)
	cmd.Env = append(cmd.Env, extra...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t.Cleanup(func() {
		if stderr.Len() > 0 {
			t.Logf("%s child: %s", mode, stderr.String())
		}
	})
	return cmd
}

// TestStoreTwoProcesses writes from two processes at once, into a store
// that does not exist yet: both create it, one migrates.
func TestStoreTwoProcesses(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		const each = 20
		a := child(t, "write", addr, "SEAMS_TEST_N="+strconv.Itoa(each))
		b := child(t, "write", addr, "SEAMS_TEST_N="+strconv.Itoa(each))
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		if err := b.Start(); err != nil {
			t.Fatal(err)
		}
		if err := a.Wait(); err != nil {
			t.Errorf("first writer: %v", err)
		}
		if err := b.Wait(); err != nil {
			t.Errorf("second writer: %v", err)
		}
		s := openT(t, addr)
		if n, err := s.Count(context.Background()); err != nil || n != 2*each {
			t.Errorf("%d snapshots (%v), want %d", n, err, 2*each)
		}
	})
}

// TestStoreKilledMidWrite kills a writer in the middle of its
// transaction: the store must be as it was.
func TestStoreKilledMidWrite(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openT(t, addr)
		for i := range 3 {
			if _, err := s.Put(ctx, sample("example.com/shop", fmt.Sprintf("before%d", i), i)); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()

		cmd := child(t, "hang", addr)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line := make([]byte, len("writing\n"))
		if _, err := out.Read(line); err != nil || string(line) != "writing\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child did not start writing: %q, %v", line, err)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		s = openT(t, addr)
		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Errorf("after the kill: %d snapshots (%v), want 3", n, err)
		}
		if res, err := s.IntegrityCheck(ctx); err != nil || (res != "ok" && res != "") {
			t.Errorf("integrity check: %q, %v", res, err)
		}
		if _, err := s.Put(ctx, sample("example.com/shop", "after", 9)); err != nil {
			t.Errorf("writing after the kill: %v", err)
		}
	})
}

// TestStoreCancelled cancels a write: nothing is recorded.
func TestStoreCancelled(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openT(t, addr)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s.Put(ctx, sample("example.com/shop", "c", 1)); !errors.Is(err, context.Canceled) {
			t.Errorf("Put with a cancelled context: %v", err)
		}
		if n, err := s.Count(context.Background()); err != nil || n != 0 {
			t.Errorf("%d snapshots (%v), want 0", n, err)
		}
	})
}

// TestStoreRefusesBadFiles: a file that is not an SQLite database, a
// damaged one and someone else's database give a classified error and
// are left byte for byte as they were.
func TestStoreRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()

	// A healthy store, to damage.
	good := filepath.Join(dir, "good.db")
	s := openT(t, good)
	for i := range 50 {
		if _, err := s.Put(ctx, sample("example.com/shop", fmt.Sprintf("c%d", i), i)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(data)
	for i := 4096; i < len(damaged); i++ { // keep the header, scramble every page after the first
		damaged[i] ^= byte(i*7 + 1)
	}

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts (owner) VALUES ('ada')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignData, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		data []byte
		kind fail.Kind
		want string
	}{
		{"text file", []byte("these are my notes, not a database\n"), fail.User, "not an SQLite database"},
		{"damaged store", damaged, fail.Operator, "damaged"},
		{"foreign database", foreignData, fail.User, "not a seams history store"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history.db")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path)
			if err == nil {
				// A damaged store may open: the damage shows when read.
				_, err = s.List(ctx, Filter{Repo: "example.com/shop"})
				if err == nil {
					_, err = s.Put(ctx, sample("example.com/shop", "x", 1))
				}
				s.Close()
			}
			if err == nil {
				t.Fatal("no error")
			}
			if fail.KindOf(err) != tt.kind || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q (kind %v), want kind %v and %q", err, fail.KindOf(err), tt.kind, tt.want)
			}
			if fail.NextOf(err) == "" {
				t.Error("no next step")
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, tt.data) {
				t.Error("the file was modified")
			}
		})
	}
}

// TestStoreMigratesOldSchema writes snapshots with the schema of version
// 1, then opens the store with this seams: every snapshot is still there,
// whole, and new ones can be written.
func TestStoreMigratesOldSchema(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		old, err := open(ctx, addr, 1)
		if err != nil {
			t.Fatal(err)
		}
		var want []*Snapshot
		for i := range 3 {
			snap := sample("example.com/shop", fmt.Sprintf("old%d", i), i)
			snap.Tables = nil // version 1 has no table ownership
			snap.Source = SourceAnalyze
			// Written as seams of schema version 1 wrote them.
			err := old.inTx(ctx, "writing", func(tx *sql.Tx) error {
				var id int64
				err := tx.QueryRowContext(ctx, old.d.rebind(`INSERT INTO snapshots
					(repo, repo_name, commit_hash, commit_time, recorded_at, config_hash, seams_version, partition_kind)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
					snap.Repo, snap.RepoName, snap.Commit, snap.CommitTime.Unix(), snap.Recorded.UnixNano(), snap.ConfigHash, snap.Version, snap.Partition).Scan(&id)
				if err != nil {
					return err
				}
				snap.ID = id
				for _, name := range sortedKeys(snap.Scores) {
					if _, err := tx.ExecContext(ctx, old.d.rebind(`INSERT INTO snapshot_scores VALUES (?, ?, ?)`), id, name, snap.Scores[name]); err != nil {
						return err
					}
				}
				for _, c := range snap.Candidates {
					if _, err := tx.ExecContext(ctx, old.d.rebind(`INSERT INTO candidates VALUES (?, ?, ?, ?, ?)`), id, c.ID, c.Name, mustJSON(c.Scores), mustJSON(c.Members)); err != nil {
						return err
					}
				}
				for _, e := range snap.Edges {
					if _, err := tx.ExecContext(ctx, old.d.rebind(`INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)`), id, e.From, e.To, e.Weight, mustJSON(e.Kinds), mustJSON(e.Examples)); err != nil {
						return err
					}
				}
				for i, c := range snap.Cycles {
					if _, err := tx.ExecContext(ctx, old.d.rebind(`INSERT INTO cycles VALUES (?, ?, ?)`), id, i, mustJSON(c)); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			snap.normalize()
			want = append(want, snap)
		}
		if v, err := readVersion(ctx, old.db, old.d); err != nil || v != 1 {
			t.Fatalf("old store at version %d, %v", v, err)
		}
		old.Close()

		s := openT(t, addr)
		if v, err := readVersion(ctx, s.db, s.d); err != nil || v != SchemaVersion {
			t.Fatalf("migrated store at version %d, %v; want %d", v, err, SchemaVersion)
		}
		for _, w := range want {
			got, err := s.Get(ctx, w.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("after migration:\n%+v\nwant:\n%+v", got, w)
			}
		}
		if _, err := s.Put(ctx, sample("example.com/shop", "new", 5)); err != nil {
			t.Errorf("writing after migration: %v", err)
		}
		// The content of an old snapshot has no hash: a new snapshot of
		// the same content keeps rows of its own, and reads back whole.
		again := want[0]
		again.ID, again.Commit = 0, "again"
		id, err := s.Put(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		var of sql.NullInt64
		if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT content_of FROM snapshots WHERE id = ?`), id).Scan(&of); err != nil || of.Valid {
			t.Errorf("shares the rows of %v (%v)", of, err)
		}
		if got, err := s.Get(ctx, id); err != nil || !reflect.DeepEqual(got, again) {
			t.Errorf("read back:\n%+v (%v)\nwant:\n%+v", got, err, again)
		}
	})
}

// TestStoreRefusesNewerSchema: a store written by a newer seams is not
// touched.
func TestStoreRefusesNewerSchema(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openT(t, addr)
		if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE schema_version SET version = ?`), SchemaVersion+1); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err := Open(ctx, addr)
		if err == nil || fail.KindOf(err) != fail.Operator || !strings.Contains(err.Error(), "newer") {
			t.Fatalf("opening a newer store: %v (kind %v)", err, fail.KindOf(err))
		}
	})
}

// TestStoreSharesContent: a snapshot whose candidates, edges, cycles and
// tables are those of an earlier snapshot of the repository shares its
// rows, and reads back whole all the same.
func TestStoreSharesContent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openT(t, addr)
		holderOf := func(id int64) int64 {
			t.Helper()
			var of sql.NullInt64
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT content_of FROM snapshots WHERE id = ?`), id).Scan(&of); err != nil {
				t.Fatal(err)
			}
			return of.Int64 // 0: its own rows
		}
		ownRows := func(id int64) int {
			t.Helper()
			var n int
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM candidates WHERE snapshot_id = ?`), id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}

		first := sample("example.com/shop", "c1", 1)
		changed := sample("example.com/shop", "c2", 2)
		changed.Candidates[1].Members = append(changed.Candidates[1].Members, "src/orders/Line.java")
		otherRepo := sample("example.com/other", "c1", 1)
		tests := []struct {
			name   string
			snap   *Snapshot
			holder *Snapshot // nil: its own rows
		}{
			{"first", first, nil},
			{"same content, same commit", sample("example.com/shop", "c1", 1), first},
			{"same content, another commit and scores", sample("example.com/shop", "c3", 3), first},
			{"other members", changed, nil},
			{"same content as a later one", sample("example.com/shop", "c4", 4), first},
			{"another repository", otherRepo, nil},
		}
		for _, tt := range tests {
			want := *tt.snap
			id, err := s.Put(ctx, tt.snap)
			if err != nil {
				t.Fatal(err)
			}
			wantHolder, wantRows := int64(0), len(want.Candidates)
			if tt.holder != nil {
				wantHolder, wantRows = tt.holder.ID, 0
			}
			if got := holderOf(id); got != wantHolder {
				t.Errorf("%s: rows held by %d, want %d", tt.name, got, wantHolder)
			}
			if got := ownRows(id); got != wantRows {
				t.Errorf("%s: %d rows of its own, want %d", tt.name, got, wantRows)
			}
			got, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want.ID = id
			if !reflect.DeepEqual(got, &want) {
				t.Errorf("%s: read back:\n%+v\nwant:\n%+v", tt.name, got, &want)
			}
		}
	})
}

// TestContentHash: the hash of a snapshot's content changes with any
// value of its rows, and not with what is not content.
func TestContentHash(t *testing.T) {
	base := sample("example.com/shop", "c1", 1)
	base.normalize()
	h := contentOf(base).hash
	same := sample("example.com/other", "c9", 7) // another repository, commit, time and scores
	same.normalize()
	if contentOf(same).hash != h {
		t.Error("the hash depends on more than the content")
	}
	for name, change := range map[string]func(s *Snapshot){
		"candidate name":  func(s *Snapshot) { s.Candidates[0].Name = "billing2" },
		"candidate score": func(s *Snapshot) { s.Candidates[0].Scores["files"] = 3 },
		"member moved": func(s *Snapshot) {
			s.Candidates[0].Members, s.Candidates[1].Members = s.Candidates[0].Members[:1], append(s.Candidates[1].Members, s.Candidates[0].Members[1])
		},
		"edge weight":      func(s *Snapshot) { s.Edges[0].Weight = 3.25 },
		"edge example":     func(s *Snapshot) { s.Edges[0].Examples[0].At = "src/orders/Order.java:13" },
		"no cycle":         func(s *Snapshot) { s.Cycles = nil },
		"table not shared": func(s *Snapshot) { s.Tables[0].Shared = false },
		"table owner":      func(s *Snapshot) { s.Tables[0].Owner = "orders" },
		"an edge fewer":    func(s *Snapshot) { s.Edges = nil },
	} {
		s := sample("example.com/shop", "c1", 1)
		change(s)
		s.normalize()
		if contentOf(s).hash == h {
			t.Errorf("%s: same hash", name)
		}
	}
}
