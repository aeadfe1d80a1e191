package sql

import (
	"fmt"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Dialect names an SQL dialect. "" means: detect it from the text.
type Dialect string

// The dialects.
const (
	Auto     Dialect = ""
	ANSI     Dialect = "ansi"
	Postgres Dialect = "postgres"
	MySQL    Dialect = "mysql"
	Oracle   Dialect = "oracle"
	TSQL     Dialect = "tsql"
)

// Options controls an Extract.
type Options struct {
	Dialect Dialect
	// Fragment marks SQL found in application code (a string literal or a
	// concatenation): a single statement, possibly incomplete. Code that
	// builds SQL at run time passes the unknown parts as the identifier
	// __dyn__ ("SELECT * FROM " + t + " WHERE id = ?" arrives as
	// "SELECT * FROM __dyn__ WHERE id = ?"). An object name that is or
	// contains __dyn__ is unknown: no access is emitted for it. Accesses
	// from a statement with __dyn__ elsewhere are still emitted, and marked
	// Guess only when the dynamic part could change what they are: when it
	// stands where the statement's verb would be, or the fragment has no
	// verb (" FROM orders o JOIN ..."); see the package doc.
	// Text that ends early (an unclosed string or parenthesis) is expected
	// in a fragment and gives no diagnostic.
	Fragment bool
}

// Result is what one SQL text declares and accesses. Lines are 1-based
// within the text.
type Result struct {
	// Dialect is the dialect the text was read in: the one asked for, or
	// the one detected.
	Dialect Dialect

	Tables      []facts.Table      // CREATE TABLE / VIEW (+ ALTER TABLE ... FOREIGN KEY), Via "ddl"; Entity -1
	Routines    []facts.Routine    // procedures, functions, triggers (On + Events), Oracle packages (and their routines as "pkg.name")
	Data        []facts.DataRef    // reads/writes/calls; From/Method -1; Routine = index in Routines of the enclosing body, or -1; Via "sql"
	Diagnostics []facts.Diagnostic // malformed statements: say what could not be read, keep everything certain
}

// Extract reads the declarations and accesses of an SQL text: a whole
// file, or (Options.Fragment) one statement found in application code. It
// never fails: what it cannot read becomes a diagnostic, and everything
// certain around it is kept.
func Extract(src string, opts Options) *Result {
	res, _ := extract(src, opts, nil)
	return res
}

// extract is Extract with a token buffer to reuse; it returns the buffer
// for the next call.
func extract(src string, opts Options, buf []tok) (res *Result, _ []tok) {
	res = &Result{}
	d := opts.Dialect
	l := lex(src, d, buf)
	if d == Auto {
		d = l.detected()
		if d == MySQL && l.mysqlSensitive {
			l = lex(src, MySQL, l.toks)
		}
	}
	buf = l.toks
	res.Dialect = d
	p := newParser(src, l.toks, d, res)
	p.frag = opts.Fragment
	for _, pr := range l.probs {
		if !(opts.Fragment && pr.incomplete) {
			p.diag(pr.line, pr.msg)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			res.Diagnostics = append(res.Diagnostics, facts.Diagnostic{Severity: facts.Warning, Code: "internal",
				Message: fmt.Sprintf("internal error in the SQL extractor (please report it with this text): %v; facts read before it were kept", r)})
		}
	}()
	p.stmts(0, len(p.toks), modeTop)
	if len(p.transition) > 0 {
		// The trigger function that reads a transition table is often
		// declared before the trigger that names it.
		data := res.Data[:0]
		for _, d := range res.Data {
			if d.Kind == facts.Calls || !slices.Contains(p.transition, d.Object) {
				data = append(data, d)
			}
		}
		res.Data = data
	}
	return res, buf
}

// maxDepth bounds the nesting of parentheses, subqueries and blocks the
// extractor follows; deeper text is skipped with a diagnostic.
const maxDepth = 200

// maxDiagnostics bounds the diagnostics of one text.
const maxDiagnostics = 20

// parser reads the tokens of one text (or of a text nested in it: a
// Postgres function body, a dynamic SQL string) and appends to a Result.
type parser struct {
	src  string
	toks []tok
	eof  tok
	d    Dialect
	res  *Result
	frag bool

	// Lines of nested texts are shifted by lineBase and clamped to lineMax.
	lineBase, lineMax int32

	depth  int  // current nesting
	deep   bool // a too-deep nesting was reported
	nested int  // how many texts deep (dynamic SQL in dynamic SQL)
	// guess marks every access as a guess (dynamic SQL); stmtGuess the
	// accesses of the current statement (a fragment whose verb is dynamic).
	guess, stmtGuess bool

	routine    int      // the routine whose body is being read, or -1
	pkg        string   // the Oracle package being read (its last name part), or ""
	pkgRoutine int      // its index in Routines
	members    []string // routines the package declares
	locals     []string // names declared in the current routines (variables, types, local subprograms)
	cursors    []cursorDecl
	vars       map[string]string

	ctes []string // common table expressions in scope
	// transition are the transition tables of statement triggers
	// (REFERENCING NEW TABLE AS x): not tables of the schema.
	transition []string
	temps      []string    // temporary tables created in the text
	from       []fromEntry // the tables of the FROM clauses being read
	view       int         // the view whose query is being read, or -1
	ndiag      int
}

// fromEntry is one table reference of a FROM (or UPDATE, DELETE) list.
type fromEntry struct {
	name  string // the table, normalised; "" for anything else (subquery, function, temporary)
	raw   int    // the token of the last part of the name as written, or -1
	alias int    // the token of the alias, or -1
	line  int32
	used  bool
}

// sameWord reports whether tokens i and j are the same word in any case
// (and both exist).
func (p *parser) sameWord(i, j int) bool {
	if i < 0 || j < 0 {
		return false
	}
	a, b := p.tk(i), p.tk(j)
	return a.end-a.pos == b.end-b.pos && strings.EqualFold(p.src[a.pos:a.end], p.src[b.pos:b.end])
}

func newParser(src string, toks []tok, d Dialect, res *Result) *parser {
	var line int32 = 1
	if len(toks) > 0 {
		line = toks[len(toks)-1].line
	}
	return &parser{
		src: src, toks: toks, d: d, res: res,
		eof:      tok{kind: tEOF, pos: int32(len(src)), end: int32(len(src)), line: line, m: -1},
		lineBase: 1, routine: -1, pkgRoutine: -1, view: -1,
	}
}

// tk returns token i, or an end-of-text token past the end.
func (p *parser) tk(i int) *tok {
	if i >= 0 && i < len(p.toks) {
		return &p.toks[i]
	}
	return &p.eof
}

func (p *parser) kwAt(i int) kw { return p.tk(i).kw }

func (p *parser) punctAt(i int, c byte) bool {
	t := p.tk(i)
	return t.kind == tPunct && t.c == c
}

// matchAt returns the index of the parenthesis closing the one at i, or -1
// when there is no matched "(" at i.
func (p *parser) matchAt(i int) int {
	t := p.tk(i)
	if t.kind == tPunct && t.c == '(' && t.m > int32(i) {
		return int(t.m)
	}
	return -1
}

// text returns a token's text: for a quoted identifier or string, its
// content with doubled quotes undone.
func (p *parser) text(t *tok) string {
	s := p.src[t.pos:t.end]
	if t.flags&fDoubled != 0 {
		q := string([]byte{t.c})
		if t.c == '[' {
			q = "]"
		}
		s = strings.ReplaceAll(s, q+q, q)
	}
	return s
}

// word returns the lower-case text of token i.
func (p *parser) word(i int) string { return lower(p.text(p.tk(i))) }

// isWord reports whether token i is the bare word w (lower case).
func (p *parser) isWord(i int, w string) bool {
	t := p.tk(i)
	return t.kind == tIdent && int(t.end-t.pos) == len(w) && strings.EqualFold(p.src[t.pos:t.end], w)
}

// line returns the line of token i in the whole text.
func (p *parser) line(i int) int {
	return p.lineOf(p.tk(i).line)
}

func (p *parser) lineOf(l int32) int {
	l += p.lineBase - 1
	if p.lineMax > 0 && l > p.lineMax {
		l = p.lineMax
	}
	if l < 1 {
		l = 1
	}
	return int(l)
}

func (p *parser) diag(line int32, msg string) {
	p.ndiag++
	if p.ndiag > maxDiagnostics {
		return
	}
	if p.ndiag == maxDiagnostics {
		msg = "more problems in this text were not reported"
	}
	p.res.Diagnostics = append(p.res.Diagnostics, facts.Diagnostic{
		Line: p.lineOf(line), Severity: facts.Warning, Code: "syntax", Message: msg,
	})
}

// enter counts one level of nesting; it reports false (and the caller
// skips what it was about to read) when the text is nested too deep.
func (p *parser) enter(i int) bool {
	if p.depth >= maxDepth {
		if !p.deep {
			p.deep = true
			p.diag(p.tk(i).line, "nesting too deep: the innermost parts were not read")
		}
		return false
	}
	p.depth++
	return true
}

func (p *parser) leave() { p.depth-- }

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// nameKind says what a name refers to.
type nameKind uint8

const (
	nameNone  nameKind = iota // not a name
	nameTable                 // an application object
	nameTemp                  // a temporary table
	nameVar                   // a variable (a T-SQL table variable)
	nameDyn                   // built at run time (__dyn__)
)

// qname is a dotted name as read: the tokens of its parts. Its strings are
// built only when asked for (most names read are columns, never emitted).
type qname struct {
	p *parser
	// first, schema and last are token indexes; schema is -1 when there
	// is none (or it is empty: db..t), first when there is one part.
	first, schema, last int
	parts               int
	kind                nameKind
}

// full returns the normalised name: "schema.name" or "name".
func (q qname) full() string {
	if q.kind == nameNone || q.kind == nameVar || q.last < 0 {
		return ""
	}
	last := q.p.word(q.last)
	if q.schema >= 0 {
		return q.p.word(q.schema) + "." + last
	}
	return last
}

// lastName returns the last part, lower case.
func (q qname) lastName() string {
	if q.last < 0 || q.kind == nameNone || q.kind == nameVar {
		return ""
	}
	return q.p.word(q.last)
}

// firstName returns the first part, lower case, when there are several.
func (q qname) firstName() string {
	if q.parts < 2 || q.first < 0 {
		return ""
	}
	return q.p.word(q.first)
}

// qualifier returns what stands before the last part ("schema" of
// "schema.t"), lower case, or "".
func (q qname) qualifier() string {
	if q.schema >= 0 {
		return q.p.word(q.schema)
	}
	return q.firstName()
}

// readName reads a dotted name at i: parts are bare or quoted identifiers,
// possibly empty (T-SQL db..t), the last possibly "*". It keeps the last
// two parts (schema and name) and drops database and server prefixes and an
// Oracle @dblink.
func (p *parser) readName(i int) (qname, int) {
	q := qname{p: p, first: -1, schema: -1, last: -1}
	t := p.tk(i)
	switch t.kind {
	case tVar:
		q.kind = nameVar
		j := i + 1
		for p.punctAt(j, '.') && (p.tk(j+1).kind == tIdent || p.tk(j+1).kind == tQIdent) {
			j += 2
		}
		return q, j
	case tTemp:
		q.kind, q.parts, q.first, q.last = nameTemp, 1, i, i
		return q, i + 1
	case tIdent, tQIdent:
		if t.end <= t.pos {
			return q, i // "" is no name
		}
	default:
		return q, i
	}
	temp, dynamic := false, false
	j := i
	for {
		tj := p.tk(j)
		switch {
		case (tj.kind == tIdent || tj.kind == tQIdent || tj.kind == tTemp) && tj.end > tj.pos:
			if q.parts == 0 {
				q.first = j
			} else {
				q.schema = q.last
			}
			q.last = j
			if tj.kind == tTemp {
				temp = true
			}
			if !dynamic && (containsDyn(p.src[tj.pos:tj.end]) || strings.HasPrefix(p.src[tj.pos:tj.end], "${")) {
				dynamic = true
			}
		case tj.kind == tPunct && tj.c == '*' && q.parts > 0:
			// t.* (MySQL DELETE t.*): the table is the part before.
			q.parts++
			j++
			goto done
		case tj.kind == tPunct && tj.c == '.' && q.parts > 0:
			// an empty part: db..t
			q.schema, q.last = -1, -1
			q.parts++
			j++
			continue
		default:
			goto done
		}
		q.parts++
		j++
		if !p.punctAt(j, '.') {
			break
		}
		nx := p.tk(j + 1)
		if nx.kind == tIdent || nx.kind == tQIdent || nx.kind == tTemp || nx.kind == tPunct && (nx.c == '.' || nx.c == '*') {
			j++
			continue
		}
		break
	}
done:
	if q.last < 0 {
		return qname{p: p, first: -1, schema: -1, last: -1}, j
	}
	if t := p.tk(j); t.kind == tVar && t.c == '@' && t.flags&fSpace == 0 {
		j++ // Oracle table@dblink
	}
	switch {
	case temp || p.hasPrefix(q.last, "#"):
		q.kind = nameTemp
	case dynamic:
		q.kind = nameDyn
	default:
		// an application object, or a system catalog: tableName tells
		// (most names read are columns, never asked about)
		q.kind = nameTable
	}
	return q, j
}

// containsDyn reports whether s contains __dyn__ in any case.
func containsDyn(s string) bool {
	for {
		k := strings.Index(s, "__")
		if k < 0 || len(s)-k < len(dyn) {
			return false
		}
		if strings.EqualFold(s[k:k+len(dyn)], dyn) {
			return true
		}
		s = s[k+1:]
	}
}

// inSet reports whether token i, lower-cased, is in set, without
// allocating.
func (p *parser) inSet(set map[string]bool, i int) bool {
	if i < 0 {
		return false
	}
	t := p.tk(i)
	s := p.src[t.pos:t.end]
	if len(s) > 64 {
		return false
	}
	var buf [64]byte
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return set[string(buf[:len(s)])]
}

// hasPrefix reports whether token i starts with prefix (lower case), in
// any case.
func (p *parser) hasPrefix(i int, prefix string) bool {
	if i < 0 {
		return false
	}
	t := p.tk(i)
	s := p.src[t.pos:t.end]
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// eqFold reports whether token i is w (lower case) in any case.
func (p *parser) eqFold(i int, w string) bool {
	if i < 0 {
		return false
	}
	t := p.tk(i)
	return int(t.end-t.pos) == len(w) && strings.EqualFold(p.src[t.pos:t.end], w)
}

func (p *parser) isSystem(q qname) bool {
	if q.parts >= 2 && (p.inSet(systemSchemas, q.first) || p.inSet(systemSchemas, q.schema)) {
		return true
	}
	last := q.last
	if p.eqFold(last, "dual") || p.hasPrefix(last, "v$") || p.hasPrefix(last, "gv$") {
		return true
	}
	if q.parts == 1 {
		if p.hasPrefix(last, "pg_") || p.hasPrefix(last, "sqlite_") || p.inSet(oracleDictionary, last) ||
			p.inSet(sqlServerSystemTables, last) || p.eqFold(last, "inserted") || p.eqFold(last, "deleted") {
			return true
		}
	}
	return false
}

// isSystemRoutine reports whether a called name is a routine the database
// supplies.
func (p *parser) isSystemRoutine(q qname) bool {
	if q.parts >= 2 {
		if p.inSet(systemSchemas, q.first) {
			return true
		}
		for _, pre := range oracleSystemPackagePrefixes {
			if p.hasPrefix(q.first, pre) || p.hasPrefix(q.schema, pre) {
				return true
			}
		}
	}
	return p.inSet(systemProcedures, q.last) || p.hasPrefix(q.last, "xp_")
}

// isTemp reports whether a table was created as temporary in this text.
func (p *parser) isTemp(name string) bool {
	for _, t := range p.temps {
		if t == name {
			return true
		}
	}
	return false
}

func (p *parser) isCTEName(q qname) bool {
	if q.parts != 1 {
		return false
	}
	for _, c := range p.ctes {
		if p.eqFold(q.last, c) {
			return true
		}
	}
	return false
}

func (p *parser) isLocal(name string) bool {
	for _, l := range p.locals {
		if l == name {
			return true
		}
	}
	return false
}

// isLocalTok is isLocal for the name of token i, without allocating.
func (p *parser) isLocalTok(i int) bool {
	for _, l := range p.locals {
		if p.eqFold(i, l) {
			return true
		}
	}
	return false
}

func (p *parser) addLocal(name string) {
	if name != "" && len(p.locals) < 512 {
		p.locals = append(p.locals, name)
	}
}

// tableName returns the name of a table reference that is an application
// table, or "".
func (p *parser) tableName(q qname) string {
	if q.kind != nameTable || p.isCTEName(q) || p.isSystem(q) {
		return ""
	}
	full := q.full()
	if p.isTemp(full) {
		return ""
	}
	return full
}

// access records an access to a table or routine on a line of the text.
func (p *parser) access(kind facts.DataKind, object string, tokLine int32) {
	if object == "" {
		return
	}
	if p.view >= 0 {
		if kind != facts.Calls {
			v := &p.res.Tables[p.view]
			for _, r := range v.Reads {
				if r == object {
					return
				}
			}
			v.Reads = append(v.Reads, object)
		}
		return
	}
	line := p.lineOf(tokLine)
	guess := p.guess || p.stmtGuess
	data := p.res.Data
	for k, n := len(data)-1, 0; k >= 0 && n < 16 && data[k].Line == line; k, n = k-1, n+1 {
		d := &data[k]
		if d.Kind == kind && d.Object == object && d.Routine == p.routine {
			if d.Guess && !guess {
				d.Guess = false
			}
			return
		}
	}
	p.res.Data = append(p.res.Data, facts.DataRef{
		Kind: kind, Object: object, From: -1, Method: -1, Routine: p.routine,
		Line: line, Guess: guess, Via: "sql",
	})
}

func (p *parser) read(name string, i int)  { p.access(facts.Reads, name, p.tk(i).line) }
func (p *parser) write(name string, i int) { p.access(facts.Writes, name, p.tk(i).line) }

func (p *parser) readL(name string, line int32)  { p.access(facts.Reads, name, line) }
func (p *parser) writeL(name string, line int32) { p.access(facts.Writes, name, line) }

// call records a call of the routine named at token i.
func (p *parser) call(q qname, i int) {
	if q.kind == nameTable && !p.isSystemRoutine(q) {
		p.access(facts.Calls, q.full(), p.tk(i).line)
	}
}

// addRoutine declares a routine and returns its index.
func (p *parser) addRoutine(name string, kind facts.RoutineKind, i int) int {
	line := p.line(i)
	p.res.Routines = append(p.res.Routines, facts.Routine{Name: name, Kind: kind, Line: line, EndLine: line})
	return len(p.res.Routines) - 1
}

// endRoutine sets the last line of routine r from the token before i.
func (p *parser) endRoutine(r, i int) {
	if r < 0 || r >= len(p.res.Routines) {
		return
	}
	j := i - 1
	if j >= len(p.toks) {
		j = len(p.toks) - 1
	}
	if j < 0 {
		return
	}
	if l := p.line(j); l > p.res.Routines[r].EndLine {
		p.res.Routines[r].EndLine = l
	}
}

// routineState is what entering a routine's body saves.
type routineState struct {
	routine int
	locals  int
	cursors int
	vars    map[string]string
}

func (p *parser) enterRoutine(r int) routineState {
	s := routineState{p.routine, len(p.locals), len(p.cursors), p.vars}
	p.routine, p.vars = r, nil
	return s
}

func (p *parser) leaveRoutine(s routineState) {
	p.routine, p.vars = s.routine, s.vars
	if s.locals <= len(p.locals) {
		p.locals = p.locals[:s.locals]
	}
	if s.cursors <= len(p.cursors) {
		p.cursors = p.cursors[:s.cursors]
	}
}

// cursorDecl is a declared cursor: a routine that opens it reads what its
// query reads.
type cursorDecl struct {
	name    string
	routine int
	reads   []string
}

// cursor reads the query of cursor name at i.
func (p *parser) cursor(name string, i, hi int) int {
	start := len(p.res.Data)
	j := p.exprFrom(i, hi, stopStmt, true)
	c := cursorDecl{name: name, routine: p.routine}
	for _, d := range p.res.Data[start:] {
		if d.Kind == facts.Reads && d.Routine == p.routine {
			c.reads = append(c.reads, d.Object)
		}
	}
	if name != "" && len(p.cursors) < 256 {
		p.cursors = append(p.cursors, c)
		p.addLocal(name)
	}
	return j
}

// isCursor reports whether token i names a declared cursor.
func (p *parser) isCursor(i int) bool {
	return p.cursorAt(i) != nil
}

func (p *parser) cursorAt(i int) *cursorDecl {
	for k := len(p.cursors) - 1; k >= 0; k-- {
		if p.eqFold(i, p.cursors[k].name) {
			return &p.cursors[k]
		}
	}
	return nil
}

// useCursor records, when a routine opens a cursor declared outside it
// (an Oracle package cursor), the reads of its query.
func (p *parser) useCursor(i int) {
	c := p.cursorAt(i)
	if c == nil || c.routine == p.routine {
		return
	}
	for _, r := range c.reads {
		p.read(r, i)
	}
}

// addTable declares a table or view and returns its index.
func (p *parser) addTable(name string, kind facts.TableKind, i int) int {
	p.res.Tables = append(p.res.Tables, facts.Table{Name: name, Kind: kind, Entity: -1, Line: p.line(i), Via: "ddl"})
	return len(p.res.Tables) - 1
}
