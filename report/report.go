// Package report renders a result: result.json for programs, and a
// summary a person can scan in a terminal.
//
// Everything is written as text from the result alone, so tests can
// compare it byte for byte; files are written to a temporary name and
// renamed, so a reader never sees half a report.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/result"
)

// JSON writes r as indented JSON with a trailing newline.
func JSON(w io.Writer, r *result.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteDir writes the report files into dir, creating it if needed, and
// returns the path of result.json.
func WriteDir(dir string, r *result.Result) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fail.New(fail.Operator, fmt.Errorf("cannot create the report directory: %w", err),
			"choose another directory with --out, or fix its permissions")
	}
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		return "", fmt.Errorf("encoding result.json: %w", err)
	}
	path := filepath.Join(dir, "result.json")
	if err := writeFile(path, buf.Bytes()); err != nil {
		return "", err
	}
	return path, nil
}

// writeFile writes data to path through a temporary file in the same
// directory, so that path always holds a whole file.
func writeFile(path string, data []byte) error {
	next := "choose another directory with --out, or free some disk space"
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := tmp.Close(); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail.New(fail.Operator, fmt.Errorf("cannot write %s: %w", path, err), next)
	}
	return nil
}
