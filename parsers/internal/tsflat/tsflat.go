// Package tsflat parses source text with a tree-sitter grammar and hands
// the syntax tree to Go as one flat slice of named nodes in preorder.
//
// # Why not tree-sitter queries, or a walk from Go
//
// Every call from Go into tree-sitter is a cgo call. Visiting each node of a
// tree from Go and reading its type costs two to three times the parse
// itself; running compiled tree-sitter queries is better but still costs
// more than half of the parse even for a single trivial pattern, because
// the query cursor visits every node and hands back each capture through
// cgo. Measured on apache/fineract (4,894 Java files, 32 MB, two workers):
// parse alone 1.33 s; parse plus a 29-pattern fact query 2.34 s; parse plus
// this package's flattening walk 1.56 s.
//
// So the walk runs in C, inside the same cgo call as the parse: a tree
// cursor visits every node and copies each named node's symbol, field, byte
// range and parent into a buffer the parser owns. Go then reads the buffer
// as a slice, with no further cgo call, and the language extractors work on
// that slice as on any small tree.
//
// The tree-sitter runtime and the grammars are the C code compiled by
// github.com/smacker/go-tree-sitter and its language packages; this package
// links against them and declares the few functions it calls.
package tsflat

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct TSLanguage TSLanguage;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

TSParser *ts_parser_new(void);
void ts_parser_delete(TSParser *self);
bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
void ts_parser_set_cancellation_flag(TSParser *self, const size_t *flag);
void ts_parser_reset(TSParser *self);
TSTree *ts_parser_parse_string(TSParser *self, const TSTree *old_tree, const char *string, uint32_t length);
void ts_tree_delete(TSTree *self);
TSNode ts_tree_root_node(const TSTree *self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
uint16_t ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_has_error(TSNode self);
uint32_t ts_language_symbol_count(const TSLanguage *self);
const char *ts_language_symbol_name(const TSLanguage *self, uint16_t symbol);
int ts_language_symbol_type(const TSLanguage *self, uint16_t symbol);
uint32_t ts_language_field_count(const TSLanguage *self);
const char *ts_language_field_name_for_id(const TSLanguage *self, uint16_t id);

typedef struct {
	uint16_t kind;
	uint16_t field;
	uint32_t start;
	uint32_t end;
	int32_t parent;
	int32_t next;
} seams_node;

typedef struct {
	TSParser *parser;
	size_t cancel;
	seams_node *nodes;
	size_t len, cap;
	int32_t *stack;
	int32_t *last;
	uint32_t *depth;
	size_t slen, scap;
	uint32_t errors, missing;
	uint32_t first_error;
} seams_flat;

static seams_flat *seams_new(const TSLanguage *lang) {
	seams_flat *f = calloc(1, sizeof(seams_flat));
	if (!f) return NULL;
	f->parser = ts_parser_new();
	if (!f->parser || !ts_parser_set_language(f->parser, lang)) {
		if (f->parser) ts_parser_delete(f->parser);
		free(f);
		return NULL;
	}
	ts_parser_set_cancellation_flag(f->parser, &f->cancel);
	return f;
}

static void seams_free(seams_flat *f) {
	ts_parser_delete(f->parser);
	free(f->nodes);
	free(f->stack);
	free(f->last);
	free(f->depth);
	free(f);
}

static void seams_cancel(seams_flat *f) {
	__atomic_store_n(&f->cancel, 1, __ATOMIC_SEQ_CST);
}

// seams_parse parses src and flattens the named nodes of its tree into
// f->nodes. It returns 0, -1 when the parse was cancelled or failed, -2 when
// memory ran out.
static int seams_parse(seams_flat *f, const char *src, uint32_t len) {
	__atomic_store_n(&f->cancel, 0, __ATOMIC_SEQ_CST);
	f->len = 0;
	f->slen = 0;
	f->errors = 0;
	f->missing = 0;
	f->first_error = UINT32_MAX;
	TSTree *tree = ts_parser_parse_string(f->parser, NULL, src, len);
	if (!tree) {
		ts_parser_reset(f->parser);
		return -1;
	}
	TSNode root = ts_tree_root_node(tree);
	// Error and missing nodes are looked for only in a tree that has some.
	bool damaged = ts_node_has_error(root);
	TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t d = 0;
	int rc = 0;
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&c);
		if (damaged) {
			if (ts_node_symbol(node) == 65535) {
				f->errors++;
				uint32_t s = ts_node_start_byte(node);
				if (s < f->first_error) f->first_error = s;
			} else if (ts_node_is_missing(node)) {
				f->missing++;
				uint32_t s = ts_node_start_byte(node);
				if (s < f->first_error) f->first_error = s;
			}
		}
		if (ts_node_is_named(node)) {
			uint16_t sym = ts_node_symbol(node);
			while (f->slen > 0 && f->depth[f->slen-1] >= d) f->slen--;
			if (f->len == f->cap) {
				size_t ncap = f->cap ? f->cap * 2 : 4096;
				seams_node *n = realloc(f->nodes, ncap * sizeof(seams_node));
				if (!n) { rc = -2; break; }
				f->nodes = n;
				f->cap = ncap;
			}
			seams_node *out = &f->nodes[f->len];
			out->kind = sym;
			out->field = ts_tree_cursor_current_field_id(&c);
			out->start = ts_node_start_byte(node);
			out->end = ts_node_end_byte(node);
			out->next = -1;
			if (f->slen > 0) {
				out->parent = f->stack[f->slen-1];
				int32_t prev = f->last[f->slen-1];
				if (prev >= 0) f->nodes[prev].next = (int32_t)f->len;
				f->last[f->slen-1] = (int32_t)f->len;
			} else {
				out->parent = -1;
			}
			if (f->slen == f->scap) {
				size_t ncap = f->scap ? f->scap * 2 : 256;
				int32_t *s = realloc(f->stack, ncap * sizeof(int32_t));
				if (!s) { rc = -2; break; }
				f->stack = s;
				int32_t *l = realloc(f->last, ncap * sizeof(int32_t));
				if (!l) { rc = -2; break; }
				f->last = l;
				uint32_t *dp = realloc(f->depth, ncap * sizeof(uint32_t));
				if (!dp) { rc = -2; break; }
				f->depth = dp;
				f->scap = ncap;
			}
			f->stack[f->slen] = (int32_t)f->len;
			f->last[f->slen] = -1;
			f->depth[f->slen] = d;
			f->slen++;
			f->len++;
		}
		if (ts_tree_cursor_goto_first_child(&c)) { d++; continue; }
		int done = 0;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) { done = 1; break; }
			d--;
		}
		if (done) break;
	}
	ts_tree_cursor_delete(&c);
	ts_tree_delete(tree);
	return rc;
}
*/
import "C"

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	// The tree-sitter runtime this package links against.
	_ "github.com/smacker/go-tree-sitter"

	"github.com/seams-dev/seams/facts"
)

// ErrorKind is the Kind of an ERROR node: text the grammar could not fit.
const ErrorKind = 0xFFFF

// Node is one named node of a syntax tree.
type Node struct {
	Kind   uint16 // the grammar's symbol; see Language.Symbols
	Field  uint16 // the field this node fills in its parent, 0 for none
	Start  uint32 // byte offsets in the source
	End    uint32
	Parent int32 // index in Tree.Nodes, -1 for the root
	Next   int32 // index of the next named sibling, -1 for the last
}

// Tree is a parsed file: its named nodes in preorder (a node's descendants
// follow it, before its next sibling) and the source they point into.
type Tree struct {
	Nodes []Node
	Src   []byte
	// Errors counts ERROR nodes, Missing the tokens the parser had to
	// invent to recover; FirstError is the byte offset of the first of
	// either (meaningful only when one is non-zero).
	Errors, Missing int
	FirstError      uint32
}

// FirstChild returns the index of node i's first named child, or -1. In
// preorder it is the next node, if that node's parent is i.
func (t *Tree) FirstChild(i int32) int32 {
	if j := i + 1; int(j) < len(t.Nodes) && t.Nodes[j].Parent == i {
		return j
	}
	return -1
}

// Text returns the source text of node i.
func (t *Tree) Text(i int) string {
	n := t.Nodes[i]
	return string(t.Src[n.Start:n.End])
}

// Language is a tree-sitter grammar with its symbol and field names.
type Language struct {
	ptr    *C.TSLanguage
	names  []string // by symbol
	named  []bool
	fields []string // by field id
}

// NewLanguage wraps a grammar: ptr is the `const TSLanguage *` returned by
// the grammar's tree_sitter_<name>() function.
func NewLanguage(ptr unsafe.Pointer) *Language {
	l := &Language{ptr: (*C.TSLanguage)(ptr)}
	n := int(C.ts_language_symbol_count(l.ptr))
	l.names = make([]string, n)
	l.named = make([]bool, n)
	for i := range n {
		l.names[i] = C.GoString(C.ts_language_symbol_name(l.ptr, C.uint16_t(i)))
		l.named[i] = C.ts_language_symbol_type(l.ptr, C.uint16_t(i)) == 0 // TSSymbolTypeRegular
	}
	nf := int(C.ts_language_field_count(l.ptr))
	l.fields = make([]string, nf+1)
	for i := 1; i <= nf; i++ {
		l.fields[i] = C.GoString(C.ts_language_field_name_for_id(l.ptr, C.uint16_t(i)))
	}
	return l
}

// SymbolCount is one more than the largest symbol a node of this grammar
// can carry, apart from ErrorKind.
func (l *Language) SymbolCount() int { return len(l.names) }

// Symbols returns every named symbol called name. A grammar may give one
// name several symbols (aliases); a tree's nodes carry any of them.
func (l *Language) Symbols(name string) []uint16 {
	var out []uint16
	for i, n := range l.names {
		if n == name && l.named[i] {
			out = append(out, uint16(i))
		}
	}
	return out
}

// Field returns the id of the field called name, or 0 if the grammar has
// none.
func (l *Language) Field(name string) uint16 {
	for i, n := range l.fields {
		if i > 0 && n == name {
			return uint16(i)
		}
	}
	return 0
}

// SymbolName returns the name of a symbol, "ERROR" for ErrorKind.
func (l *Language) SymbolName(sym uint16) string {
	if int(sym) < len(l.names) {
		return l.names[sym]
	}
	return "ERROR"
}

// ErrCancelled is returned by Parse when its context ended mid-parse.
var ErrCancelled = errors.New("parse cancelled")

// Parser parses files of one language. It holds C memory: Close it. A
// Parser is not safe for concurrent use; give each worker its own.
type Parser struct {
	f *C.seams_flat
}

// NewParser returns a parser for lang.
func NewParser(lang *Language) (*Parser, error) {
	f := C.seams_new(lang.ptr)
	if f == nil {
		return nil, fmt.Errorf("tree-sitter could not start a parser (out of memory, or a grammar built for another runtime version)")
	}
	return &Parser{f: f}, nil
}

// Close frees the parser's memory. The trees it returned become invalid.
func (p *Parser) Close() {
	if p.f != nil {
		C.seams_free(p.f)
		p.f = nil
	}
}

// Parse parses src. The returned tree shares memory with the parser: it is
// valid until the next call of Parse or Close. A context that ends during
// the parse stops it with ErrCancelled.
func (p *Parser) Parse(ctx context.Context, src []byte) (*Tree, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(src) > 1<<31 {
		return nil, fmt.Errorf("file too large to parse (%d bytes)", len(src))
	}
	stop := context.AfterFunc(ctx, func() { C.seams_cancel(p.f) })
	var cs *C.char
	if len(src) > 0 {
		cs = (*C.char)(unsafe.Pointer(&src[0]))
	}
	rc := C.seams_parse(p.f, cs, C.uint32_t(len(src)))
	stop()
	switch rc {
	case -1:
		if ctx.Err() != nil {
			return nil, ErrCancelled
		}
		return nil, fmt.Errorf("tree-sitter gave up on the file")
	case -2:
		return nil, fmt.Errorf("out of memory while flattening the syntax tree")
	}
	t := &Tree{Src: src, Errors: int(p.f.errors), Missing: int(p.f.missing), FirstError: uint32(p.f.first_error)}
	if n := int(p.f.len); n > 0 {
		t.Nodes = unsafe.Slice((*Node)(unsafe.Pointer(p.f.nodes)), n)
	}
	return t, nil
}

// The Go and C views of a node must have the same size.
var (
	_ [unsafe.Sizeof(Node{}) - C.sizeof_seams_node]struct{}
	_ [C.sizeof_seams_node - unsafe.Sizeof(Node{})]struct{}
)

// Extract parses src into the facts of the file at path, in language:
// run walks the tree, fills the file and returns its line index; a tree
// with syntax errors adds a diagnostic at the first one. src must be
// UTF-8; the error return is for a parse that did not happen at all
// (cancellation, no memory).
func (p *Parser) Extract(ctx context.Context, path, language string, src []byte, run func(*Tree, *facts.File) Lines) (*facts.File, error) {
	t, err := p.Parse(ctx, src)
	if err != nil {
		return nil, err
	}
	f := &facts.File{Path: path, Language: language, Bytes: len(src), Lines: facts.LineCount(src)}
	lines := run(t, f)
	if t.Errors > 0 || t.Missing > 0 {
		f.Diagnostics = append(f.Diagnostics, t.SyntaxDiagnostic(path, lines.Line(t.FirstError)))
	}
	return f, nil
}

// SyntaxDiagnostic is the warning a parser adds to the facts of a file
// the grammar could not fit whole (Errors or Missing non-zero): line is
// the line of FirstError, which the caller's line table knows.
func (t *Tree) SyntaxDiagnostic(path string, line int) facts.Diagnostic {
	var parts []string
	if t.Errors > 0 {
		parts = append(parts, plural(t.Errors, "unparsable region"))
	}
	if t.Missing > 0 {
		parts = append(parts, plural(t.Missing, "missing token"))
	}
	return facts.Diagnostic{
		Path:     path,
		Line:     line,
		Severity: facts.Warning,
		Code:     "syntax",
		Message:  fmt.Sprintf("syntax error (%s); facts from the intact parts were kept", strings.Join(parts, ", ")),
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// The accessors every extractor needs, on the flat tree and its source.

// Str returns the text of node i without copying it: the string shares
// Src's memory, so the facts' names keep the file's source alive, which
// costs its size once instead of an allocation per name. Src is never
// written after it is parsed.
func (t *Tree) Str(i int32) string { n := t.Nodes[i]; return View(t.Src[n.Start:n.End]) }

// View returns bytes of a source as a string without copying them (see
// Str).
func View(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Bytes returns the source of node i.
func (t *Tree) Bytes(i int32) []byte { n := t.Nodes[i]; return t.Src[n.Start:n.End] }

// Child returns the first child of node i filling field, or -1. Field 0
// (a name the grammar does not have) fills nothing.
func (t *Tree) Child(i int32, field uint16) int32 {
	if field == 0 {
		return -1
	}
	for c := t.FirstChild(i); c >= 0; c = t.Nodes[c].Next {
		if t.Nodes[c].Field == field {
			return c
		}
	}
	return -1
}

// Lines holds the byte offset of each line start of a source, to turn
// offsets into 1-based lines.
type Lines []uint32

// Index returns l filled with the line starts of src, reusing l's
// storage.
func (l Lines) Index(src []byte) Lines {
	l = append(l[:0], 0)
	for i, b := range src {
		if b == '\n' {
			l = append(l, uint32(i+1))
		}
	}
	return l
}

// Of returns the 1-based line where node i of t starts.
func (l Lines) Of(t *Tree, i int32) int { return l.Line(t.Nodes[i].Start) }

// EndOf returns the 1-based line of the last byte of node i of t.
func (l Lines) EndOf(t *Tree, i int32) int {
	n := t.Nodes[i]
	end := n.End
	if end > n.Start {
		end--
	}
	return l.Line(end)
}

// Line returns the 1-based line of byte offset off.
func (l Lines) Line(off uint32) int {
	i, found := slices.BinarySearch(l, off)
	if !found {
		i--
	}
	return i + 1
}

// StripComments returns b with its C-style comments (// to the end of the
// line, /* ... */) each replaced by a space; b itself when it has none.
func StripComments(b []byte) []byte {
	if bytes.IndexByte(b, '/') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			out = append(out, ' ')
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				i = len(b)
			} else {
				i += end + 3
			}
			out = append(out, ' ')
		default:
			out = append(out, b[i])
		}
	}
	return out
}

// Squeeze returns b without whitespace and C-style comments.
func Squeeze(b []byte) []byte {
	b = StripComments(b)
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			out = append(out, c)
		}
	}
	return out
}
