package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"io"
	"os"
	"strings"
	"time"

	"github.com/seams-dev/seams/history"
	"github.com/seams-dev/seams/repo"
	"github.com/seams-dev/seams/result"
)

// A second analyze of a repository where nothing the result depends on
// changed (the key of analysisCache) reuses the last result. The result
// of a large repository is megabytes of JSON, and decoding it would be
// most of such a run; so what the run needs of it is kept beside it,
// ready to use:
//
//   - the snapshot for the history store (the .snap file, gob-encoded,
//     without the repository's identity, commit and source, which belong
//     to the run);
//   - the rendered report with the terminal summary (reportcache.go),
//     keyed by the result and what the run adds to it (the repository's
//     commit and the trend).
//
// The whole result is decoded only when the report has to be rendered
// again (a new commit with the same files, or a new trend). Each file
// starts with the key it was written under, so a stale or damaged one is
// never used. The snapshot, the same as the last one, costs the history
// store a header and its scores: the store shares the rows of equal
// snapshots (package history).

// outcome is the result analyze reports: computed by this run, or the
// last run's, reused.
type outcome struct {
	repo result.Repository
	// commitTime is the committer time of repo.Commit, zero when unknown.
	commitTime time.Time
	// content is the snapshot of the result without the repository's
	// identity, commit and source (contentOf).
	content *history.Snapshot
	res     *result.Result
	// load reads the whole of a reused result, nil once res is set.
	load func() (*result.Result, error)
}

// freshOutcome is the outcome of a result computed by this run.
func freshOutcome(res *result.Result, l *repo.Listing) *outcome {
	return &outcome{repo: res.Repository, commitTime: l.CommitTime, content: contentOf(res), res: res}
}

// result returns the whole result, reading it when it was reused.
func (o *outcome) result() (*result.Result, error) {
	if o.res == nil {
		res, err := o.load()
		if err != nil {
			return nil, err
		}
		res.Repository = o.repo
		o.res, o.load = res, nil
	}
	return o.res, nil
}

// snapshot returns the snapshot to record for the repository id, as
// history.FromResult makes it.
func (o *outcome) snapshot(id string) *history.Snapshot {
	snap := *o.content
	snap.Repo, snap.RepoName, snap.Commit, snap.CommitTime = id, o.repo.Name, o.repo.Commit, o.commitTime
	snap.Source = history.SourceAnalyze
	return &snap
}

// contentOf is the snapshot of res without what belongs to a run: the
// repository's identity, name and commit, the commit's time and the
// source.
func contentOf(res *result.Result) *history.Snapshot {
	snap := history.FromResult(res, "", time.Time{}, "")
	snap.RepoName, snap.Commit = "", ""
	return snap
}

// last returns the last result of the listed checkout when nothing it
// depends on changed, with the repository brought up to date; nil
// otherwise. Only its snapshot is read; analyze, which runs when the
// whole result cannot be read after all, is called at most once.
func (c *analysisCache) last(l *repo.Listing, analyze func() (*result.Result, error)) *outcome {
	if c == nil || c.key == "" {
		return nil
	}
	content, ok := readSnapshot(c.snapshotPath, c.key)
	if !ok {
		return nil
	}
	path, key := c.resultPath, c.key
	return &outcome{
		repo:       repository(l),
		commitTime: l.CommitTime,
		content:    content,
		load: func() (*result.Result, error) {
			if res, ok := readCachedResult(path, key); ok {
				return res, nil
			}
			return analyze()
		},
	}
}

// saveResult writes res and its snapshot for the next run to reuse.
func (c *analysisCache) saveResult(res *result.Result) {
	data, err := json.Marshal(res)
	if err != nil {
		return
	}
	err = writeAtomic(c.resultPath, func(w *bufio.Writer) error {
		w.WriteString(c.key + "\n")
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return
	}
	_ = writeAtomic(c.snapshotPath, func(w *bufio.Writer) error {
		w.WriteString(c.key + "\n")
		return gob.NewEncoder(w).Encode(contentOf(res))
	})
}

// readCachedResult reads a result written under key.
func readCachedResult(path, key string) (*result.Result, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	line, rest, ok := bytes.Cut(data, []byte{'\n'})
	if !ok || string(line) != key {
		return nil, false
	}
	var res result.Result
	if err := json.Unmarshal(rest, &res); err != nil {
		return nil, false
	}
	return &res, true
}

// readSnapshot reads a snapshot written under key.
func readSnapshot(path, key string) (*history.Snapshot, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	line, err := r.ReadString('\n')
	if err != nil || strings.TrimSuffix(line, "\n") != key {
		return nil, false
	}
	var snap history.Snapshot
	if err := gob.NewDecoder(r).Decode(&snap); err != nil {
		return nil, false
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, false // more than one snapshot: not a file we wrote
	}
	return &snap, true
}

// reuseOrAnalyze returns the last result when nothing changed, else
// analyses the listed files.
func (s *settings) reuseOrAnalyze(ctx context.Context, prog *progress, l *repo.Listing) (*outcome, error) {
	analyze := func() (*result.Result, error) {
		res, _, err := s.analyze(ctx, prog, l)
		return res, err
	}
	if o := s.cache.last(l, analyze); o != nil {
		s.cache.save(nil, false) // the hashes of the files touched since
		return o, nil
	}
	res, err := analyze()
	if err != nil {
		return nil, err
	}
	return freshOutcome(res, l), nil
}
