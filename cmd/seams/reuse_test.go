package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/seams-dev/seams/analyzer"
	"github.com/seams-dev/seams/history"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// shopCopy copies the shop monolith of the test data into a new
// directory, outside any git repository.
func shopCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "shop")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "java", "shop", "src"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// analyzeOutcome runs what analyze runs before recording the snapshot.
func analyzeOutcome(t *testing.T, dir string) (*settings, *repo.Listing, *outcome) {
	t.Helper()
	s := &settings{path: dir, walk: repo.Options{Match: parsers.IsSource}, parse: parsers.Options{Jobs: 1},
		analysis: analyzer.DefaultOptions(), keep: true}
	ctx, prog := context.Background(), newProgress(io.Discard, false)
	l, err := s.list(ctx, prog)
	if err != nil {
		t.Fatal(err)
	}
	o, err := s.reuseOrAnalyze(ctx, prog, l)
	if err != nil {
		t.Fatal(err)
	}
	return s, l, o
}

// recorded is what a store gives back of a snapshot.
func recorded(t *testing.T, st *history.Store, snap *history.Snapshot) *history.Snapshot {
	t.Helper()
	ctx := context.Background()
	id, err := st.Put(ctx, snap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got.ID, got.Recorded = 0, time.Time{}
	return got
}

// TestReuse: a second run on unchanged files reuses the result without
// decoding it, records the snapshot the analysis would, and reads the
// whole result (or analyses again) only when asked.
func TestReuse(t *testing.T) {
	t.Setenv("SEAMS_CACHE", t.TempDir())
	dir := shopCopy(t)
	_, l1, fresh := analyzeOutcome(t, dir)
	if fresh.res == nil {
		t.Fatal("the first run has no result")
	}
	s, _, reused := analyzeOutcome(t, dir)
	if reused.res != nil || reused.load == nil {
		t.Fatal("the second run did not reuse the result, or decoded it")
	}
	if reused.repo != fresh.repo {
		t.Errorf("repository %+v, want %+v", reused.repo, fresh.repo)
	}

	// The snapshot recorded is the one history.FromResult makes.
	st, err := history.Open(context.Background(), filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	want := recorded(t, st, history.FromResult(fresh.res, "repo-id", l1.CommitTime, history.SourceAnalyze))
	for name, o := range map[string]*outcome{"fresh": fresh, "reused": reused} {
		if got := recorded(t, st, o.snapshot("repo-id")); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: snapshot\n%+v\nwant\n%+v", name, got, want)
		}
	}

	// The whole result, when needed, is the first run's.
	res, err := reused.result()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fresh.res)
	b, _ := json.Marshal(res)
	if !bytes.Equal(a, b) {
		t.Error("the reused result differs from the first")
	}

	// A file touched since is reused, and its new metadata kept.
	sums := filepath.Join(os.Getenv("SEAMS_CACHE"), "sums", hashName(l1.Root)+".bin")
	before, err := os.Stat(sums)
	if err != nil {
		t.Fatal(err)
	}
	touched := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, l1.Files[0].Path), touched, touched); err != nil {
		t.Fatal(err)
	}
	if _, _, o := analyzeOutcome(t, dir); o.res != nil {
		t.Error("a touched file made the run analyse again")
	}
	if after, err := os.Stat(sums); err != nil || os.SameFile(before, after) {
		t.Errorf("the hashes were not written again (%v)", err)
	}

	// Without the result file, the result is analysed again.
	_, _, again := analyzeOutcome(t, dir)
	if err := os.Remove(s.cache.resultPath); err != nil {
		t.Fatal(err)
	}
	res, err = again.result()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(res); !bytes.Equal(a, b) {
		t.Error("the result analysed again differs from the first")
	}
	if _, err := os.Stat(s.cache.resultPath); err != nil {
		t.Errorf("the result analysed again was not kept: %v", err)
	}
}

// TestReuseDamaged: a snapshot file that is not whole, or of another key,
// is not used.
func TestReuseDamaged(t *testing.T) {
	t.Setenv("SEAMS_CACHE", t.TempDir())
	dir := shopCopy(t)
	s, _, _ := analyzeOutcome(t, dir)
	path := s.cache.snapshotPath
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := readSnapshot(path, s.cache.key); !ok {
		t.Fatal("the snapshot written cannot be read")
	}
	for name, bad := range map[string][]byte{
		"truncated":   data[:len(data)-3],
		"trailing":    append(bytes.Clone(data), 0),
		"no key line": data[len(s.cache.key)+1:],
		"empty":       nil,
	} {
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, ok := readSnapshot(path, s.cache.key); ok {
			t.Errorf("%s: read as a snapshot", name)
		}
		if _, _, o := analyzeOutcome(t, dir); o.res == nil {
			t.Errorf("%s: reused", name)
		}
	}
	if _, ok := readSnapshot(path, "another key"); ok {
		t.Error("read under another key")
	}
}
