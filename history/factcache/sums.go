package factcache

import (
	"bufio"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

const sumsMagic = "seams-sums\x00v1\n"

// racyWindow is how close to the time a hash was recorded a file's
// modification time must be for the hash not to be trusted: a file
// changed twice within the file system's timestamp granularity keeps its
// time (git's "racy clean" problem).
const racyWindow = 2 * time.Second

// stamp is what a file's metadata says about its content.
type stamp struct {
	size  int64
	mtime int64 // nanoseconds
	ctime int64 // nanoseconds, 0 where the system has none
	ino   uint64
}

type sumEntry struct {
	stamp stamp
	sum   [32]byte
}

// Sums keeps the SHA-256 of the files of one checkout by their
// metadata (size, modification and change times, inode), as git's index
// does, so that a file whose metadata did not change is not read again.
type Sums struct {
	path    string
	written int64 // when the file was written, in nanoseconds
	old     map[string]sumEntry
	mu      sync.Mutex
	now     map[string]sumEntry
	changed bool
}

// OpenSums loads the hashes kept at path. A missing or damaged file
// gives an empty table.
func OpenSums(path string) *Sums {
	s := &Sums{path: path, old: map[string]sumEntry{}, now: map[string]sumEntry{}}
	data, err := os.ReadFile(path)
	if err != nil || len(data) < len(sumsMagic) || string(data[:len(sumsMagic)]) != sumsMagic {
		return s
	}
	d := &decoder{src: string(data), pos: len(sumsMagic)}
	written := d.varint()
	n := d.length(40)
	old := make(map[string]sumEntry, n)
	for range n {
		p := d.str()
		var e sumEntry
		e.stamp.size = d.varint()
		e.stamp.mtime = d.varint()
		e.stamp.ctime = d.varint()
		e.stamp.ino = d.uvarint()
		sum := d.str()
		if d.err != nil || len(sum) != 32 {
			return s
		}
		copy(e.sum[:], sum)
		old[p] = e
	}
	s.old, s.written = old, written
	return s
}

// Compute returns the SHA-256 of each file (paths relative to root),
// reading only the files whose metadata changed since the table was
// written. A file that cannot be examined is left out: the parser will
// report it.
func (s *Sums) Compute(ctx context.Context, root string, paths []string, jobs int) (map[string][32]byte, error) {
	return s.ComputeStat(ctx, root, paths, nil, jobs)
}

// ComputeStat is Compute for a caller that has just examined the files:
// stat(i), when set and not nil, is what os.Lstat said of paths[i], and
// the file is not examined again.
func (s *Sums) ComputeStat(ctx context.Context, root string, paths []string, stat func(i int) fs.FileInfo, jobs int) (map[string][32]byte, error) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type res struct {
		e          sumEntry
		ok, hashed bool
	}
	out := make([]res, len(paths))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	const chunk = 128
	for start := 0; start < len(paths); start += chunk {
		end := min(start+chunk, len(paths))
		g.Go(func() error {
			for i := start; i < end; i++ {
				if err := gctx.Err(); err != nil {
					return err
				}
				var fi fs.FileInfo
				if stat != nil {
					fi = stat(i)
				}
				e, ok, hashed := s.one(root, paths[i], fi)
				out[i] = res{e, ok, hashed}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sums := make(map[string][32]byte, len(paths))
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range out {
		if !r.ok {
			continue
		}
		sums[paths[i]] = r.e.sum
		s.changed = s.changed || r.hashed
		s.now[paths[i]] = r.e
	}
	if len(s.now) != len(s.old) {
		s.changed = true
	}
	return sums, nil
}

// one returns a file's hash, and whether it had to read the file. fi is
// what Lstat said of it, nil to ask.
func (s *Sums) one(root, rel string, fi fs.FileInfo) (e sumEntry, ok, hashed bool) {
	name := filepath.Join(root, filepath.FromSlash(rel))
	if fi == nil {
		var err error
		if fi, err = os.Lstat(name); err != nil {
			return sumEntry{}, false, false
		}
	}
	if !fi.Mode().IsRegular() {
		return sumEntry{}, false, false
	}
	st := stampOf(fi)
	if prev, ok := s.old[rel]; ok && prev.stamp == st && st.mtime < s.written-int64(racyWindow) && st.ctime < s.written-int64(racyWindow) {
		return prev, true, false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return sumEntry{}, false, false
	}
	if int64(len(data)) != st.size {
		// Changed while we looked: hash what we read, and make sure the
		// stamp does not match next time.
		st.size = -1
	}
	return sumEntry{stamp: st, sum: sha256.Sum256(data)}, true, true
}

// Save writes the table back when it changed.
func (s *Sums) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.changed {
		return nil
	}
	return writeAtomic(s.path, func(w *bufio.Writer) error {
		w.WriteString(sumsMagic)
		writeVarint(w, time.Now().UnixNano())
		writeUvarint(w, uint64(len(s.now)))
		for p, e := range s.now {
			writeStr(w, p)
			writeVarint(w, e.stamp.size)
			writeVarint(w, e.stamp.mtime)
			writeVarint(w, e.stamp.ctime)
			writeUvarint(w, e.stamp.ino)
			writeStr(w, string(e.sum[:]))
		}
		return nil
	})
}

func writeVarint(w *bufio.Writer, x int64) {
	u := uint64(x) << 1
	if x < 0 {
		u = ^u
	}
	writeUvarint(w, u)
}
