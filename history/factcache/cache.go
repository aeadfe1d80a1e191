// Package factcache keeps what parsing costs so that an unchanged file is
// never parsed again: the facts of each file by a key over its content
// (parsers.Key: the language, its parser's version and the SHA-256 of the
// bytes), the SHA-256 of each file of a checkout by its metadata (so that
// an unchanged file is not even read), and the last result of an analysis
// by a key over all its inputs (so that a run on unchanged files does not
// resolve or cluster again).
//
// # Where
//
// Everything lives under one directory, by default seams/ in the user's
// cache directory (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on
// Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows), or the
// directory SEAMS_CACHE names; SEAMS_CACHE=off turns the cache off. It is
// a cache: deleting it loses nothing but time, and a damaged or foreign
// file in it is ignored and replaced.
//
//	facts/ID.bin     the facts of one repository (ID: a hash of its identity,
//	                 shared by its clones and by every commit)
//	sums/ID.bin      the hashes of one checkout's files (ID: a hash of its path)
//	results/ID.bin   the last result of one checkout
//
// # The facts file
//
// One file per repository, read in one go and written whole, by rename,
// when a run added facts: a header (format, and the layout of the facts
// structs: a cache written for another layout is never read), then one
// entry per file version: its key, the run that last used it and its
// encoding (see codec.go). Entries are decoded only when asked for, by
// the parsing workers in parallel. Entries no run used in the last
// KeepRuns rewrites are dropped, and the oldest go first when the file
// outgrows MaxBytes.
//
// Two runs writing at once do not corrupt the file (each renames a
// complete file into place); the facts the slower one added are lost,
// which costs a parse next time.
package factcache

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"unsafe"

	"github.com/seams-dev/seams/facts"
)

const (
	factsMagic = "seams-facts\x00v1\n"
	// KeepRuns is how many rewrites of the facts file an entry survives
	// without being used.
	KeepRuns = 16
	// MaxBytes is the size above which the least recently used entries
	// are dropped (entries used by the current run are always kept).
	MaxBytes = 1 << 30
)

// Dir returns the cache directory: SEAMS_CACHE, or seams/ in the user's
// cache directory. ok is false when the cache is off (SEAMS_CACHE=off) or
// there is no cache directory.
func Dir() (dir string, ok bool) {
	switch v := os.Getenv("SEAMS_CACHE"); v {
	case "off", "0", "false":
		return "", false
	case "":
	default:
		return v, true
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", false
	}
	return filepath.Join(base, "seams"), true
}

// entry is a cached file's encoding.
type entry struct {
	data string // the encoding, a substring of the loaded file, or newly encoded
	gen  uint64 // the generation of the last rewrite that used it
}

// Facts is the facts cache of one repository. It implements
// parsers.Cache and is safe for concurrent use.
type Facts struct {
	path string
	gen  uint64 // this run's generation: one more than the file's

	mu      sync.Mutex
	entries map[string]entry // read-only after Open, but for gens
	added   map[string]entry
	used    map[string]bool
	hits    int
}

// OpenFacts loads the facts cache at path. A missing, damaged or foreign
// file gives an empty cache (replaced by Save); the error is for an
// unreadable one, and the cache is empty then too.
func OpenFacts(path string) (*Facts, error) {
	c := &Facts{path: path, entries: map[string]entry{}, added: map[string]entry{}, used: map[string]bool{}, gen: 1}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("reading the fact cache: %w", err)
	}
	if len(data) == 0 {
		return c, nil
	}
	// The entries' strings are substrings of the file's: never modify data.
	src := unsafe.String(&data[0], len(data))
	entries, gen, err := readFacts(src)
	if err != nil {
		return c, nil // damaged: start afresh
	}
	c.entries, c.gen = entries, gen+1
	return c, nil
}

func readFacts(src string) (map[string]entry, uint64, error) {
	d := &decoder{src: src}
	if len(src) < len(factsMagic) || src[:len(factsMagic)] != factsMagic {
		return nil, 0, errCorrupt
	}
	d.pos = len(factsMagic)
	if d.str() != layout {
		return nil, 0, errCorrupt // written for other facts structs
	}
	gen := d.uvarint()
	n := d.length(3)
	entries := make(map[string]entry, n)
	for range n {
		key := d.str()
		g := d.uvarint()
		data := d.str()
		if d.err != nil {
			return nil, 0, d.err
		}
		entries[key] = entry{data: data, gen: g}
	}
	return entries, gen, d.err
}

func (d *decoder) str() string {
	n := d.length(1)
	if d.err != nil || n > len(d.src)-d.pos {
		d.err = errCorrupt
		return ""
	}
	s := d.src[d.pos : d.pos+n]
	d.pos += n
	return s
}

// Get returns the facts cached under key. They are shared: do not
// modify them.
func (c *Facts) Get(key string) (*facts.File, bool) {
	c.mu.Lock()
	e, ok := c.added[key]
	if !ok {
		e, ok = c.entries[key]
	}
	if ok {
		c.used[key] = true
		c.hits++
	}
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	d := &decoder{src: e.data}
	f, err := d.decode()
	if err != nil || d.pos != len(e.data) {
		return nil, false
	}
	return f, true
}

// Put caches f under key. It is encoded at once: f may change later.
func (c *Facts) Put(key string, f *facts.File) {
	b := encode(nil, f)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[key] = entry{data: string(b), gen: c.gen}
	c.used[key] = true
}

// Stats says how many lookups hit and how many entries were added.
func (c *Facts) Stats() (hits, added int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, len(c.added)
}

// Save writes the cache back when this run added facts. It keeps what
// this run used, then the most recently used of the rest within KeepRuns
// and MaxBytes.
func (c *Facts) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.added) == 0 {
		return nil
	}
	type kv struct {
		key string
		e   entry
	}
	var keep, rest []kv
	size := 0
	for k, e := range c.entries {
		if _, ok := c.added[k]; ok {
			continue
		}
		if c.used[k] {
			e.gen = c.gen
			keep = append(keep, kv{k, e})
			size += len(k) + len(e.data)
		} else if e.gen+KeepRuns > c.gen {
			rest = append(rest, kv{k, e})
		}
	}
	for k, e := range c.added {
		keep = append(keep, kv{k, e})
		size += len(k) + len(e.data)
	}
	slices.SortFunc(rest, func(a, b kv) int { return cmp.Or(cmp.Compare(b.e.gen, a.e.gen), cmp.Compare(a.key, b.key)) })
	for _, x := range rest {
		if size+len(x.key)+len(x.e.data) > MaxBytes {
			break
		}
		keep = append(keep, x)
		size += len(x.key) + len(x.e.data)
	}
	slices.SortFunc(keep, func(a, b kv) int { return cmp.Compare(a.key, b.key) })
	return writeAtomic(c.path, func(w *bufio.Writer) error {
		w.WriteString(factsMagic)
		writeStr(w, layout)
		writeUvarint(w, c.gen)
		writeUvarint(w, uint64(len(keep)))
		for _, x := range keep {
			writeStr(w, x.key)
			writeUvarint(w, x.e.gen)
			writeStr(w, x.e.data)
		}
		return nil
	})
}

func writeUvarint(w *bufio.Writer, x uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(binary.AppendUvarint(b[:0], x))
}

func writeStr(w *bufio.Writer, s string) {
	writeUvarint(w, uint64(len(s)))
	w.WriteString(s)
}

// writeAtomic writes a file through a temporary file in the same
// directory and a rename, so that a reader sees the old file or the new
// one, never a part.
func writeAtomic(path string, write func(*bufio.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
