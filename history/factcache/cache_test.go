package factcache

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers"
	"github.com/seams-dev/seams/repo"
)

// fill sets every field reachable from v to a value that is not its
// zero value, with slices of two elements, so that a field the codec
// drops shows in a comparison. n varies the values.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d-ü", *n))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n%100) - 50) // negatives too
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n%200) + 1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	default:
		panic("fill: " + v.Kind().String())
	}
}

func filled() *facts.File {
	var f facts.File
	n := 0
	fill(reflect.ValueOf(&f).Elem(), &n)
	return &f
}

// TestCodecRoundTrip encodes facts with every field set: a field the
// codec does not carry (a new kind of field in package facts) fails here.
func TestCodecRoundTrip(t *testing.T) {
	for _, f := range []*facts.File{filled(), {Path: "empty"}, {Path: "lists", Imports: []facts.Import{}, Types: []facts.Type{{Fields: []facts.Field{}}}}} {
		data := encode(nil, f)
		d := &decoder{src: string(data)}
		got, err := d.decode()
		if err != nil {
			t.Fatal(err)
		}
		if d.pos != len(data) {
			t.Errorf("decoded %d of %d bytes", d.pos, len(data))
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("round trip:\n%+v\nwant:\n%+v", got, f)
		}
	}
}

func TestCodecRejectsDamage(t *testing.T) {
	data := encode(nil, filled())
	for _, cut := range []int{0, 1, len(data) / 2, len(data) - 1} {
		d := &decoder{src: string(data[:cut])}
		if _, err := d.decode(); err == nil {
			t.Errorf("decoding %d of %d bytes: no error", cut, len(data))
		}
	}
	// A huge length must not allocate: it is refused.
	d := &decoder{src: "\x01\xff\xff\xff\xff\xff\xff\xff\x7f"}
	if _, err := d.decode(); err == nil {
		t.Error("a huge length was accepted")
	}
}

func TestFactsSaveOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "facts", "r.bin")
	c, err := OpenFacts(path)
	if err != nil {
		t.Fatal(err)
	}
	f := filled()
	c.Put("k1", f)
	if got, ok := c.Get("k1"); !ok || !reflect.DeepEqual(got, f) {
		t.Fatal("Get after Put")
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c2, err := OpenFacts(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c2.Get("k1"); !ok || !reflect.DeepEqual(got, f) {
		t.Fatal("Get after reopening")
	}
	if _, ok := c2.Get("k2"); ok {
		t.Fatal("Get of a missing key")
	}

	// A damaged or foreign file is an empty cache, replaced on Save.
	for _, junk := range [][]byte{[]byte("junk"), append([]byte(factsMagic), 0xff, 0xff)} {
		if err := os.WriteFile(path, junk, 0o644); err != nil {
			t.Fatal(err)
		}
		c3, err := OpenFacts(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := c3.Get("k1"); ok {
			t.Error("a damaged cache gave facts")
		}
		c3.Put("k3", &facts.File{Path: "x"})
		if err := c3.Save(); err != nil {
			t.Fatal(err)
		}
		if c4, _ := OpenFacts(path); c4 == nil {
			t.Fatal("no cache")
		} else if _, ok := c4.Get("k3"); !ok {
			t.Error("the replaced cache lost its entry")
		}
	}
}

// TestFactsEviction drops the entries no run used for KeepRuns rewrites.
func TestFactsEviction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.bin")
	c, _ := OpenFacts(path)
	c.Put("old", &facts.File{Path: "old"})
	c.Save()
	for i := range KeepRuns + 1 {
		c, _ = OpenFacts(path)
		c.Put(fmt.Sprintf("new%d", i), &facts.File{Path: "new"})
		c.Save()
	}
	c, _ = OpenFacts(path)
	if _, ok := c.Get("old"); ok {
		t.Error("an entry unused for more than KeepRuns rewrites survived")
	}
	if _, ok := c.Get(fmt.Sprintf("new%d", KeepRuns)); !ok {
		t.Error("the newest entry was dropped")
	}
}

// TestParseWithCache: the second parse of the same files comes from the
// cache, equal to the first; the same content at another path gets its
// own path.
func TestParseWithCache(t *testing.T) {
	dir := t.TempDir()
	src := "package p;\n\nclass A {\n    B b;\n    int f() { return b.g(); }\n    int broken( {\n}\n"
	for _, p := range []string{"src/p/A.java", "copy/p/A.java"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(src), 0o644)
	}
	files := []repo.File{{Path: "copy/p/A.java"}, {Path: "src/p/A.java"}}
	ctx := context.Background()
	plain, err := parsers.Parse(ctx, dir, files, parsers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := OpenFacts(filepath.Join(dir, "cache.bin"))
	first, err := parsers.Parse(ctx, dir, files, parsers.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if hits, added := c.Stats(); hits != 1 || added != 1 {
		t.Errorf("first parse: %d hits, %d added; want 1 (the copy) and 1", hits, added)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c2, _ := OpenFacts(filepath.Join(dir, "cache.bin"))
	sums := map[string][32]byte{}
	for _, f := range files {
		sums[f.Path] = sha256.Sum256([]byte(src))
	}
	second, err := parsers.Parse(ctx, dir, files, parsers.Options{Cache: c2, Sums: func(p string) ([32]byte, bool) { s, ok := sums[p]; return s, ok }})
	if err != nil {
		t.Fatal(err)
	}
	if hits, added := c2.Stats(); hits != 2 || added != 0 {
		t.Errorf("second parse: %d hits, %d added; want 2 and 0", hits, added)
	}
	for _, got := range []*parsers.Result{first, second} {
		if !reflect.DeepEqual(got, plain) {
			t.Errorf("parsed with the cache:\n%+v\nwithout:\n%+v", got, plain)
		}
	}
	if len(plain.Diagnostics) == 0 {
		t.Error("the test file should have a syntax error, for the diagnostics' paths")
	}
}

// TestSums reads a file again only when its metadata changed.
func TestSums(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a", "one")
	write("b", "two")
	old := time.Now().Add(-time.Hour) // out of the racy window
	os.Chtimes(filepath.Join(dir, "a"), old, old)
	os.Chtimes(filepath.Join(dir, "b"), old, old)
	ctx := context.Background()
	table := filepath.Join(dir, "sums.bin")
	s := OpenSums(table)
	got, err := s.Compute(ctx, dir, []string{"a", "b", "missing"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["a"] != sha256.Sum256([]byte("one")) {
		t.Fatalf("sums: %v", got)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}

	// Unchanged, and written long enough before the table: not read.
	s = OpenSums(table)
	s.written += int64(time.Minute) // as if the table were written a minute later
	got, err = s.Compute(ctx, dir, []string{"a", "b"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got["a"] != sha256.Sum256([]byte("one")) || s.changed {
		t.Error("an unchanged file was read again")
	}
	// Within the racy window of the table's writing: read again.
	s = OpenSums(table)
	if got, _ = s.Compute(ctx, dir, []string{"a"}, 1); !s.changed {
		t.Error("a file changed about when the table was written was trusted")
	}

	// Changed, same size, time set back: the change time still tells.
	write("b", "TWO")
	os.Chtimes(filepath.Join(dir, "b"), old, old)
	s = OpenSums(table)
	got, _ = s.Compute(ctx, dir, []string{"a", "b"}, 1)
	if got["b"] != sha256.Sum256([]byte("TWO")) {
		t.Error("a rewritten file kept its old hash")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}

	// What the caller's Lstat said is used instead of a new one: a
	// stamp that matches trusts the table, one that does not reads the
	// file, and a nil one asks.
	infos := map[string]fs.FileInfo{}
	for _, p := range []string{"a", "b"} {
		fi, err := os.Lstat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		infos[p] = fi
	}
	write("a", "ONE")
	os.Chtimes(filepath.Join(dir, "a"), old, old)
	for _, tc := range []struct {
		name  string
		stat  func(i int) fs.FileInfo
		wantA string
	}{
		{"stale info", func(i int) fs.FileInfo { return infos[[]string{"a", "b"}[i]] }, "one"},
		{"no info", func(int) fs.FileInfo { return nil }, "ONE"},
		{"no stat", nil, "ONE"},
	} {
		s = OpenSums(table)
		s.written += int64(time.Minute)
		got, err := s.ComputeStat(ctx, dir, []string{"a", "b"}, tc.stat, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got["a"] != sha256.Sum256([]byte(tc.wantA)) || got["b"] != sha256.Sum256([]byte("TWO")) {
			t.Errorf("%s: a is not the hash of %q, or b is wrong", tc.name, tc.wantA)
		}
	}
}
