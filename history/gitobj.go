package history

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/seams-dev/seams/repo"
)

// Objects reads a repository's objects (commits, trees, blobs) from
// git's object store through one long-running git cat-file --batch: no
// work tree is checked out, and each object costs a round trip on a
// pipe rather than a process.
//
// Trees are read once each: a commit's files are the concatenation of
// its subtrees' files, and a subtree that did not change between two
// commits has the same ID, so walking the next commit reads only the
// trees on the paths that changed.
type Objects struct {
	cmd    *exec.Cmd
	in     *bufio.Writer
	inPipe io.WriteCloser
	out    *bufio.Reader
	hashSz int // bytes in a binary object ID: 20 (SHA-1) or 32 (SHA-256)

	// trees caches each tree's files (paths relative to the tree) that
	// keep says are worth listing.
	trees map[string][]TreeFile
	keep  func(name string) bool
}

// TreeFile is a file of a commit's tree.
type TreeFile struct {
	Path string // repository-relative, slash-separated
	Blob string // the blob's ID, hex
	Mode string // git's mode: 100644, 100755, 120000 (a symbolic link), 160000 (a submodule)
}

// OpenObjects starts reading the objects of the repository at dir. keep
// selects the files worth listing by name (nil: all); directories are
// always walked.
func OpenObjects(ctx context.Context, dir string, keep func(name string) bool) (*Objects, error) {
	format, err := repo.RunGit(ctx, dir, "rev-parse", "--show-object-format")
	if err != nil {
		return nil, err
	}
	o := &Objects{trees: map[string][]TreeFile{}, keep: keep, hashSz: 20}
	if strings.TrimSpace(string(format)) == "sha256" {
		o.hashSz = 32
	}
	cmd, err := repo.GitCommand(ctx, dir, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	o.inPipe, err = cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting git cat-file: %w", err)
	}
	o.cmd, o.in, o.out = cmd, bufio.NewWriter(o.inPipe), bufio.NewReaderSize(out, 1<<20)
	return o, nil
}

// Close stops git.
func (o *Objects) Close() error {
	o.inPipe.Close()
	done := make(chan error, 1)
	go func() { done <- o.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		o.cmd.Process.Kill()
		return <-done
	}
}

// errMissing is an object the repository does not have.
var errMissing = errors.New("missing object")

// Read returns an object's type and content. name is an object ID or
// anything git cat-file understands ("HEAD^{tree}").
func (o *Objects) Read(name string) (typ string, data []byte, err error) {
	if strings.ContainsAny(name, "\n") {
		return "", nil, fmt.Errorf("bad object name %q", name)
	}
	o.in.WriteString(name)
	o.in.WriteByte('\n')
	if err := o.in.Flush(); err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := o.out.ReadString('\n')
	if err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	fields := strings.Fields(header)
	if len(fields) == 2 && fields[1] == "missing" {
		return "", nil, fmt.Errorf("%s: %w", name, errMissing)
	}
	if len(fields) != 3 {
		return "", nil, fmt.Errorf("git cat-file: unexpected answer %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return "", nil, fmt.Errorf("git cat-file: unexpected answer %q", header)
	}
	data = make([]byte, size+1) // the content and a newline
	if _, err := io.ReadFull(o.out, data); err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	return fields[1], data[:size], nil
}

// CommitTree returns the ID of a commit's tree.
func (o *Objects) CommitTree(commit string) (string, error) {
	typ, data, err := o.Read(commit)
	if err != nil {
		return "", err
	}
	if typ != "commit" {
		return "", fmt.Errorf("%s is a %s, not a commit", commit, typ)
	}
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	tree, ok := bytes.CutPrefix(line, []byte("tree "))
	if !ok {
		return "", fmt.Errorf("commit %s has no tree", commit)
	}
	return string(tree), nil
}

// Files lists the files of a commit, sorted by path.
func (o *Objects) Files(commit string) ([]TreeFile, error) {
	tree, err := o.CommitTree(commit)
	if err != nil {
		return nil, err
	}
	return o.tree(tree)
}

// tree returns a tree's files, paths relative to it, sorted (git sorts
// tree entries, and a directory "a" sorts as "a/": concatenating in
// entry order gives sorted paths).
func (o *Objects) tree(id string) ([]TreeFile, error) {
	if files, ok := o.trees[id]; ok {
		return files, nil
	}
	typ, data, err := o.Read(id)
	if err != nil {
		return nil, err
	}
	if typ != "tree" {
		return nil, fmt.Errorf("%s is a %s, not a tree", id, typ)
	}
	var files []TreeFile
	for len(data) > 0 {
		// "<mode> <name>\0<binary id>"
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp < 0 || nul < sp || len(data) < nul+1+o.hashSz {
			return nil, fmt.Errorf("tree %s is malformed", id)
		}
		mode, name := string(data[:sp]), string(data[sp+1:nul])
		oid := hex.EncodeToString(data[nul+1 : nul+1+o.hashSz])
		data = data[nul+1+o.hashSz:]
		if mode == "40000" {
			sub, err := o.tree(oid)
			if err != nil {
				return nil, err
			}
			for _, f := range sub {
				files = append(files, TreeFile{Path: name + "/" + f.Path, Blob: f.Blob, Mode: f.Mode})
			}
			continue
		}
		if o.keep == nil || o.keep(path.Base(name)) {
			files = append(files, TreeFile{Path: name, Blob: oid, Mode: mode})
		}
	}
	o.trees[id] = files
	return files, nil
}
