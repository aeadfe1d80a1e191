package sql

import (
	"context"

	"github.com/seams-dev/seams/facts"
)

// Version is the version of the facts this package emits: bump it when
// Extract gives different facts for some input, so that facts cached by an
// earlier version are not used.
const Version = "2"

// Parser extracts the facts of .sql files for the parsers driver. It keeps
// its token buffer from file to file; it is not safe for concurrent use.
type Parser struct {
	buf []tok
}

// NewParser returns an SQL file parser.
func NewParser() (*Parser, error) { return &Parser{}, nil }

// Close releases the parser's buffer.
func (p *Parser) Close() { p.buf = nil }

// Parse extracts the tables, views, routines and accesses of one SQL file,
// its dialect detected from the text. Migrations (Flyway V1__x.sql,
// Liquibase formatted SQL with --changeset comments) are read as the SQL
// they are.
func (p *Parser) Parse(ctx context.Context, path string, src []byte) (*facts.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, buf := extract(string(src), Options{}, p.buf)
	if cap(buf) <= 1<<20 {
		p.buf = buf[:0] // keep buffers of ordinary files, not of a huge one
	}
	f := &facts.File{
		Path:        path,
		Language:    "sql",
		Lines:       facts.LineCount(src),
		Bytes:       len(src),
		Tables:      res.Tables,
		Routines:    res.Routines,
		Data:        res.Data,
		Diagnostics: res.Diagnostics,
	}
	for i := range f.Diagnostics {
		f.Diagnostics[i].Path = path
	}
	return f, nil
}
