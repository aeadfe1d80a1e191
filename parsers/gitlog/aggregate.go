package gitlog

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// headerFormat begins each commit of the log: a record separator (a
// byte no status letter starts with), the parents, the commit time, the
// author's name and email after .mailmap. With -z each field ends in a
// NUL, and the changed files follow as NUL-terminated fields: a status
// ("M", "A", "D", "T", "R087", ...) then one path, or two for a rename
// or copy. Paths are read by count, never searched for a separator, so
// any byte a path may hold is safe.
const headerFormat = "%x1e%P%x00%ct%x00%aN%x00%aE"

const (
	headerFields = 4       // the fields of headerFormat
	maxToken     = 1 << 24 // the longest field read
)

// aggregator accumulates the log, newest commit first, one commit at a
// time.
type aggregator struct {
	maxChangeset int
	minShared    int
	since        int64 // unix seconds; math.MinInt64 for none
	shallow      bool
	fixed        bool // Options.Paths given: idx is closed to new paths

	// idx maps a path as it is at the point of the walk (a file's name
	// in the commits read so far and older, until a rename says
	// otherwise) to its slot in files, or to -1 for a path outside the
	// analysis.
	idx   map[string]int32
	files []fileAcc

	authorIdx map[string]int32 // lower-cased email to index in authors
	authors   []Author

	pairs map[uint64]int32 // lo<<32|hi slots to shared commits

	commits, ignored int
	first, last      int64

	// The commit being read.
	skip    bool
	time    int64
	author  int32
	size    int     // files changed under the root
	changed []int32 // analysed files changed, each once
	renames []rename
	stamp   int32 // commit number, to mark files already in changed
}

type fileAcc struct {
	path              string
	revisions, coRevs int32
	soc               int32
	stamp             int32
	first, last       int64
	authors           []authorCount
	lastAuthor        int // index in authors of the latest author counted
}

type authorCount struct{ author, commits int32 }

type rename struct {
	from string
	slot int32
}

func newAggregator(opts Options, shallow bool) *aggregator {
	a := &aggregator{
		maxChangeset: opts.MaxChangeset,
		minShared:    opts.MinShared,
		since:        minInt64,
		shallow:      shallow,
		idx:          make(map[string]int32, len(opts.Paths)),
		authorIdx:    make(map[string]int32),
		pairs:        make(map[uint64]int32),
	}
	if a.maxChangeset <= 0 {
		a.maxChangeset = DefaultMaxChangeset
	}
	if a.minShared <= 0 {
		a.minShared = DefaultMinShared
	}
	if !opts.Since.IsZero() {
		a.since = opts.Since.Unix()
	}
	if opts.Paths != nil {
		a.fixed = true
		for _, p := range opts.Paths {
			if _, dup := a.idx[p]; !dup {
				a.idx[p] = int32(len(a.files))
				a.files = append(a.files, fileAcc{path: p})
			}
		}
	}
	return a
}

const minInt64 = -1 << 63

var errMalformed = errors.New("unexpected git log output")

// read parses the log from r.
func (a *aggregator) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 256<<10), maxToken)
	sc.Split(splitNUL)
	next := func() ([]byte, error) {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return nil, fmt.Errorf("reading git log: %w", err)
			}
			return nil, fmt.Errorf("%w: it ends inside a record", errMalformed)
		}
		return sc.Bytes(), nil
	}
	var header [headerFields][]byte
	inCommit := false
	for sc.Scan() {
		tok := sc.Bytes()
		if len(tok) > 0 && tok[0] == 0x1e {
			a.endCommit()
			// The fields are copied: the scanner reuses its buffer.
			header[0] = append(header[0][:0], tok[1:]...)
			for i := 1; i < headerFields; i++ {
				f, err := next()
				if err != nil {
					return err
				}
				header[i] = append(header[i][:0], f...)
			}
			if err := a.beginCommit(header); err != nil {
				return err
			}
			inCommit = true
			continue
		}
		// A newline separates the header from the list of files.
		tok = bytes.TrimPrefix(tok, []byte{'\n'})
		if len(tok) == 0 {
			continue
		}
		if !inCommit {
			return fmt.Errorf("%w: a file before any commit", errMalformed)
		}
		status := tok[0]
		p, err := next()
		if err != nil {
			return err
		}
		if status != 'R' && status != 'C' {
			a.file(status, p, nil)
			continue
		}
		from := string(p)
		p, err = next()
		if err != nil {
			return err
		}
		a.file(status, p, &from)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading git log: %w", err)
	}
	a.endCommit()
	return nil
}

func splitNUL(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func (a *aggregator) beginCommit(h [headerFields][]byte) error {
	t, err := strconv.ParseInt(string(h[1]), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: commit time %q", errMalformed, h[1])
	}
	a.stamp++
	a.time = t
	a.size = 0
	a.changed = a.changed[:0]
	a.renames = a.renames[:0]
	// A shallow clone's boundary commits show no parents, and their diff
	// is the whole tree: they are not changes. Git stops at the first
	// commit older than Since; the check here makes the cut exact.
	a.skip = (a.shallow && len(h[0]) == 0) || t < a.since
	if a.skip {
		return nil
	}
	email := strings.ToLower(string(h[3]))
	key := email
	if key == "" {
		key = "\x00" + string(h[2]) // no email: the name is all there is
	}
	id, ok := a.authorIdx[key]
	if !ok {
		// The log runs newest first: the name kept is the newest.
		id = int32(len(a.authors))
		a.authorIdx[key] = id
		a.authors = append(a.authors, Author{
			Name:  strings.ToValidUTF8(string(h[2]), "\uFFFD"),
			Email: strings.ToValidUTF8(email, "\uFFFD"),
		})
	}
	a.author = id
	return nil
}

// file records a file the current commit changed: path, or from renamed
// (or copied) to path.
func (a *aggregator) file(status byte, path []byte, from *string) {
	a.size++
	slot, ok := a.idx[string(path)]
	switch {
	case ok:
	case a.fixed:
		slot = -1
	case status == 'D':
		// First seen deleted: the file is gone at the newest commit.
		slot = -1
		a.idx[string(path)] = slot
	default:
		slot = int32(len(a.files))
		a.files = append(a.files, fileAcc{path: string(path)})
		a.idx[string(path)] = slot
	}
	if status == 'R' && from != nil {
		// Older commits name the file by its former path. The alias is
		// set after the commit: in it, from may be a new file.
		a.renames = append(a.renames, rename{from: *from, slot: slot})
	}
	if slot >= 0 && !a.skip && a.files[slot].stamp != a.stamp {
		a.files[slot].stamp = a.stamp
		a.changed = append(a.changed, slot)
	}
}

func (a *aggregator) endCommit() {
	if a.stamp == 0 {
		return
	}
	for _, r := range a.renames {
		a.idx[r.from] = r.slot
	}
	a.renames = a.renames[:0]
	if a.skip || a.size == 0 {
		return
	}
	a.commits++
	if a.commits == 1 || a.time > a.last {
		a.last = a.time
	}
	if a.commits == 1 || a.time < a.first {
		a.first = a.time
	}
	a.authors[a.author].Commits++
	for _, s := range a.changed {
		f := &a.files[s]
		if f.revisions == 0 || a.time > f.last {
			f.last = a.time
		}
		if f.revisions == 0 || a.time < f.first {
			f.first = a.time
		}
		f.revisions++
		f.countAuthor(a.author)
	}
	if a.size > a.maxChangeset {
		a.ignored++
	} else {
		k := int32(len(a.changed))
		for i, s := range a.changed {
			f := &a.files[s]
			f.coRevs++
			f.soc += k - 1
			for _, t := range a.changed[i+1:] {
				a.pairs[pairKey(s, t)]++
			}
		}
	}
	a.size = 0
	a.changed = a.changed[:0]
}

func (f *fileAcc) countAuthor(author int32) {
	if f.lastAuthor < len(f.authors) && f.authors[f.lastAuthor].author == author {
		f.authors[f.lastAuthor].commits++
		return
	}
	for i := range f.authors {
		if f.authors[i].author == author {
			f.authors[i].commits++
			f.lastAuthor = i
			return
		}
	}
	f.lastAuthor = len(f.authors)
	f.authors = append(f.authors, authorCount{author: author, commits: 1})
}

func pairKey(s, t int32) uint64 {
	if s > t {
		s, t = t, s
	}
	return uint64(s)<<32 | uint64(t)
}

// history builds the result, every list sorted.
func (a *aggregator) history() *History {
	h := &History{Commits: a.commits, Ignored: a.ignored, Shallow: a.shallow}
	if a.commits > 0 {
		h.First, h.Last = time.Unix(a.first, 0).UTC(), time.Unix(a.last, 0).UTC()
	}

	// The files with history, in path order; rank maps a slot to its
	// index in h.Files.
	var order []int32
	for s := range a.files {
		if a.files[s].revisions > 0 {
			order = append(order, int32(s))
		}
	}
	slices.SortFunc(order, func(s, t int32) int { return strings.Compare(a.files[s].path, a.files[t].path) })
	rank := make([]int32, len(a.files))
	h.Files = make([]FileHistory, len(order))
	for i, s := range order {
		rank[s] = int32(i)
		f := &a.files[s]
		fh := FileHistory{
			Path:          f.path,
			Revisions:     int(f.revisions),
			CoRevisions:   int(f.coRevs),
			SumOfCoupling: int(f.soc),
			FirstChange:   time.Unix(f.first, 0).UTC(),
			LastChange:    time.Unix(f.last, 0).UTC(),
			Authors:       make([]AuthorShare, len(f.authors)),
		}
		for j, ac := range f.authors {
			au := a.authors[ac.author]
			fh.Authors[j] = AuthorShare{
				Name:    au.Name,
				Email:   au.Email,
				Commits: int(ac.commits),
				Share:   float64(ac.commits) / float64(f.revisions),
			}
		}
		slices.SortFunc(fh.Authors, func(x, y AuthorShare) int {
			return cmp.Or(cmp.Compare(y.Commits, x.Commits), strings.Compare(x.Email, y.Email), strings.Compare(x.Name, y.Name))
		})
		h.Files[i] = fh
	}

	for _, au := range a.authors {
		if au.Commits > 0 {
			h.Authors = append(h.Authors, au)
		}
	}
	slices.SortFunc(h.Authors, func(x, y Author) int {
		return cmp.Or(cmp.Compare(y.Commits, x.Commits), strings.Compare(x.Email, y.Email), strings.Compare(x.Name, y.Name))
	})

	type rankedPair struct {
		a, b   int32
		shared int32
	}
	var pairs []rankedPair
	for key, shared := range a.pairs {
		if int(shared) < a.minShared {
			continue
		}
		ra, rb := rank[int32(key>>32)], rank[int32(key&(1<<32-1))]
		if ra > rb {
			ra, rb = rb, ra
		}
		pairs = append(pairs, rankedPair{ra, rb, shared})
	}
	slices.SortFunc(pairs, func(x, y rankedPair) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	h.CoChange = make([]Pair, len(pairs))
	for i, p := range pairs {
		fa, fb := &h.Files[p.a], &h.Files[p.b]
		mean := float64(fa.CoRevisions+fb.CoRevisions) / 2
		h.CoChange[i] = Pair{
			A:      fa.Path,
			B:      fb.Path,
			Shared: int(p.shared),
			Degree: 100 * float64(p.shared) / mean,
		}
	}
	return h
}
