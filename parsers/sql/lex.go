package sql

import "strings"

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF    tokKind = iota
	tIdent          // a bare word: identifier or keyword
	tQIdent         // a quoted identifier: "x", [x], `x`
	tString         // a string literal; pos..end is its content
	tNumber         // a numeric literal
	tVar            // a variable or parameter: @x, @@x, :x, ?, $1
	tTemp           // a T-SQL temporary table name: #x, ##x
	tPunct          // one character of punctuation or an operator
	tAssign         // :=
	tCast           // ::
	tSep            // a batch separator: GO, a lone "/", a DELIMITER line or the delimiter it set
)

// Token flags.
const (
	fDoubled   uint8 = 1 << iota // the content has doubled quote characters to undo
	fBackslash                   // the content has backslash escapes
	fSpace                       // whitespace or a comment precedes the token
	fDollar                      // a dollar-quoted string
)

// tok is one token. Tokens do not copy text: pos and end index the source.
type tok struct {
	pos, end int32
	line     int32
	m        int32 // for ( and ): the index of the matching paren, or -1
	kind     tokKind
	flags    uint8
	c        byte // the character of a tPunct; the quote of a string or quoted identifier
	kw       kw
	cls      uint16
}

// problem is something the tokenizer could not read.
type problem struct {
	line int32
	msg  string
	// incomplete marks text that ends too early (an unterminated string,
	// comment or parenthesis): expected in a fragment of SQL.
	incomplete bool
}

// lexer turns a text into tokens in one pass.
type lexer struct {
	src   string
	d     Dialect
	toks  []tok
	line  int32
	delim string // the DELIMITER in force when it is not ";"
	probs []problem

	// Evidence for detecting the dialect.
	score [4]int // Postgres, MySQL, Oracle, TSQL
	// mysqlSensitive is set when the text holds something MySQL reads
	// differently (#, backslashes in strings, double-quoted strings).
	mysqlSensitive bool
}

func dialectIndex(d Dialect) int {
	switch d {
	case Postgres:
		return 0
	case MySQL:
		return 1
	case Oracle:
		return 2
	case TSQL:
		return 3
	}
	return -1
}

func (l *lexer) hint(d Dialect, n int) {
	if i := dialectIndex(d); i >= 0 {
		l.score[i] += n
	}
}

// detected returns the dialect the evidence points to, ANSI when there is
// none or it is split evenly.
func (l *lexer) detected() Dialect {
	best, bi, tie := 0, -1, false
	for i, s := range l.score {
		switch {
		case s > best:
			best, bi, tie = s, i, false
		case s == best && s > 0:
			tie = true
		}
	}
	if bi < 0 || tie {
		return ANSI
	}
	return [...]Dialect{Postgres, MySQL, Oracle, TSQL}[bi]
}

func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (l *lexer) isIdentPart(c byte) bool {
	return isIdentStart(c) || isDigit(c) || c == '$' || c == '#' && l.d != MySQL
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// lex tokenizes src in dialect d (Auto: the rules common to all, with
// evidence collected for detection).
func lex(src string, d Dialect, buf []tok) *lexer {
	if want := len(src)/6 + 16; cap(buf) < want {
		buf = make([]tok, 0, want)
	}
	l := &lexer{src: src, d: d, toks: buf[:0], line: 1}
	l.run()
	return l
}

func (l *lexer) run() {
	src := l.src
	n := len(src)
	var parens []int32
	lineStart := true
	space := true
	i := 0
	dataAt, dataEnd := -1, -1
	if strings.HasPrefix(src, "\ufeff") {
		i = 3 // a byte-order mark
	}
	emit := func(kind tokKind, pos, end int, c byte, flags uint8) {
		if space {
			flags |= fSpace
		}
		if len(l.toks) == cap(l.toks) {
			// Double: append grows large slices by a quarter, which
			// copies a dense text's tokens many times over.
			grown := make([]tok, len(l.toks), 2*cap(l.toks)+64)
			copy(grown, l.toks)
			l.toks = grown
		}
		l.toks = append(l.toks, tok{pos: int32(pos), end: int32(end), line: l.line, m: -1, kind: kind, c: c, flags: flags})
		lineStart, space = false, false
	}
	for i < n {
		c := src[i]
		if c == ' ' || c == '\t' {
			space = true
			for i++; i < n && (src[i] == ' ' || src[i] == '\t'); i++ {
			}
			continue
		}
		if lineStart && c != '\n' && !isSpace(c) {
			if (c == 'c' || c == 'C') && dataAt < 0 {
				dataAt, dataEnd = l.copyData(i)
			}
			if j, ok := l.lineSep(i); ok {
				emit(tSep, i, j, c|0x20, 0)
				parens = parens[:0]
				i = j
				continue
			}
		}
		if l.delim != "" && c == l.delim[0] && strings.HasPrefix(src[i:], l.delim) {
			emit(tSep, i, i+len(l.delim), 'x', 0)
			parens = parens[:0]
			i += len(l.delim)
			continue
		}
		switch {
		case c == '\n':
			if i == dataAt {
				// the rows of a COPY ... FROM stdin, up to "\."
				l.line += int32(strings.Count(src[i:dataEnd], "\n"))
				i, dataAt = dataEnd, -1
				lineStart, space = true, true
				continue
			}
			l.line++
			lineStart, space = true, true
			i++
		case isSpace(c):
			space = true
			i++
		case c == '-' && i+1 < n && src[i+1] == '-':
			i = l.skipLine(i)
			space = true
		case c == '/' && i+1 < n && src[i+1] == '*':
			i = l.blockComment(i)
			space = true
		case c == '#':
			l.mysqlSensitive = true
			if l.d != MySQL && i+1 < n && (isIdentStart(src[i+1]) || src[i+1] == '#') {
				j := i + 1
				for j < n && (l.isIdentPart(src[j]) || src[j] == '#') {
					j++
				}
				emit(tTemp, i, j, '#', 0)
				i = j
				continue
			}
			i = l.skipLine(i)
			space = true
		case c == '\'':
			i = l.quoted(i, i+1, '\'', tString, l.d == MySQL, emit)
		case c == '"':
			if l.d == MySQL {
				i = l.quoted(i, i+1, '"', tString, true, emit)
			} else {
				l.mysqlSensitive = true
				i = l.quoted(i, i+1, '"', tQIdent, false, emit)
			}
		case c == '`':
			l.hint(MySQL, 2)
			i = l.quoted(i, i+1, '`', tQIdent, false, emit)
		case c == '[':
			if j := l.bracket(i); j > 0 {
				l.hint(TSQL, 2)
				emit(tQIdent, i+1, j-1, '[', 0)
				if strings.Contains(src[i+1:j-1], "]]") {
					l.toks[len(l.toks)-1].flags |= fDoubled
				}
				i = j
				continue
			}
			emit(tPunct, i, i+1, c, 0)
			i++
		case c == '$':
			i = l.dollar(i, emit)
		case c == '@':
			j := i + 1
			if j < n && src[j] == '@' {
				j++
			}
			if j < n && (l.isIdentPart(src[j]) || src[j] == '@') {
				for j < n && (l.isIdentPart(src[j]) || src[j] == '@') {
					j++
				}
				l.hint(TSQL, 1)
				emit(tVar, i, j, '@', 0)
				i = j
				continue
			}
			emit(tPunct, i, i+1, c, 0)
			i++
		case c == ':':
			switch {
			case i+1 < n && src[i+1] == ':':
				l.hint(Postgres, 2)
				emit(tCast, i, i+2, ':', 0)
				i += 2
			case i+1 < n && src[i+1] == '=':
				emit(tAssign, i, i+2, ':', 0)
				i += 2
			case i+1 < n && (isIdentStart(src[i+1]) || isDigit(src[i+1])) && !(len(l.toks) > 0 && !space && l.toks[len(l.toks)-1].kind == tPunct && l.toks[len(l.toks)-1].c == '['):
				j := i + 1
				for j < n && l.isIdentPart(src[j]) {
					j++
				}
				l.hint(Oracle, 1)
				emit(tVar, i, j, ':', 0)
				i = j
			default:
				emit(tPunct, i, i+1, c, 0)
				i++
			}
		case c == '?':
			emit(tVar, i, i+1, '?', 0)
			i++
		case c == '{' || c == '}':
			// JDBC and ODBC escapes ({call p(?)}, {fn f(x)}, {d '...'},
			// {oj t LEFT JOIN u ON ...}) and Hibernate placeholders
			// ({h-schema}t): the braces and the placeholders are blanks.
			space = true
			i++
			if c == '{' {
				if strings.HasPrefix(src[i:], "h-") {
					if k := strings.IndexByte(src[i:], '}'); k >= 0 && k < 16 {
						i += k + 1
						space = false // {h-schema}t is the name t
					}
				} else if j := i; j+2 <= n && (src[j]|0x20) == 'o' && (src[j+1]|0x20) == 'j' && (j+2 == n || !l.isIdentPart(src[j+2])) {
					i += 2
				}
			}
		case isDigit(c) || c == '.' && i+1 < n && isDigit(src[i+1]) && !(len(l.toks) > 0 && !space && l.identLike(len(l.toks)-1)):
			i = l.number(i, emit)
		case isIdentStart(c):
			i = l.word(i, emit)
		default:
			emit(tPunct, i, i+1, c, 0)
			switch c {
			case '(':
				parens = append(parens, int32(len(l.toks)-1))
			case ')':
				if len(parens) > 0 {
					o := parens[len(parens)-1]
					parens = parens[:len(parens)-1]
					l.toks[o].m = int32(len(l.toks) - 1)
					l.toks[len(l.toks)-1].m = o
				}
			}
			i++
		}
	}
	if len(parens) > 0 {
		l.probs = append(l.probs, problem{line: l.toks[parens[0]].line, msg: "unclosed parenthesis", incomplete: true})
	}
}

// identLike reports whether token k ends a name (so that ".5" after it is
// not a number: "t.5x" does not happen, but "a.b" must not lose its dot).
func (l *lexer) identLike(k int) bool {
	switch l.toks[k].kind {
	case tIdent, tQIdent, tVar, tTemp:
		return true
	}
	return false
}

// copyData recognises a PostgreSQL COPY ... FROM stdin line at i (pg_dump
// output): it returns where its line ends and where the rows after it end
// (after the "\." line), or -1, -1.
func (l *lexer) copyData(i int) (int, int) {
	src := l.src
	if len(src)-i < 5 || !strings.EqualFold(src[i:i+4], "copy") || !isSpace(src[i+4]) {
		return -1, -1
	}
	eol := strings.IndexByte(src[i:], '\n')
	if eol < 0 {
		return -1, -1
	}
	eol += i
	line := src[i:eol]
	stdin := false
	for k := 0; k+5 <= len(line); k++ {
		if strings.EqualFold(line[k:k+5], "stdin") {
			stdin = true
			break
		}
	}
	if !stdin {
		return -1, -1
	}
	end := len(src)
	for k := eol; k < len(src); {
		j := strings.Index(src[k:], "\n\\.")
		if j < 0 {
			break
		}
		k += j + 3
		if k == len(src) || src[k] == '\n' || src[k] == '\r' {
			end = k
			break
		}
	}
	return eol, end
}

// lineSep recognises a separator line at i (the first non-blank character
// of a line): GO [count], a lone "/", or DELIMITER x. It returns the end of
// what it consumed.
func (l *lexer) lineSep(i int) (int, bool) {
	src := l.src
	n := len(src)
	c := src[i]
	switch {
	case (c == 'g' || c == 'G') && i+1 < n && (src[i+1] == 'o' || src[i+1] == 'O') && (i+2 == n || !l.isIdentPart(src[i+2])):
		j := i + 2
		for j < n && isSpace(src[j]) {
			j++
		}
		for j < n && isDigit(src[j]) {
			j++
		}
		for j < n && isSpace(src[j]) {
			j++
		}
		if j == n || src[j] == '\n' || src[j] == ';' || src[j] == '-' && j+1 < n && src[j+1] == '-' {
			if j < n && src[j] == ';' {
				j++
			}
			l.hint(TSQL, 3)
			return j, true
		}
	case c == '/' && (i+1 == n || src[i+1] != '*' && src[i+1] != '/'):
		j := i + 1
		for j < n && isSpace(src[j]) {
			j++
		}
		if j == n || src[j] == '\n' {
			l.hint(Oracle, 3)
			return j, true
		}
	case (c == 'd' || c == 'D') && i+10 < n && strings.EqualFold(src[i:i+9], "delimiter") && isSpace(src[i+9]):
		j := i + 9
		for j < n && isSpace(src[j]) {
			j++
		}
		k := j
		for k < n && !isSpace(src[k]) && src[k] != '\n' {
			k++
		}
		if k == j {
			return 0, false
		}
		l.delim = src[j:k]
		if l.delim == ";" {
			l.delim = ""
		}
		for k < n && src[k] != '\n' {
			k++
		}
		l.hint(MySQL, 3)
		return k, true
	}
	return 0, false
}

func (l *lexer) skipLine(i int) int {
	if j := strings.IndexByte(l.src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(l.src)
}

// blockComment skips /* ... */ from i; Postgres and T-SQL nest them.
func (l *lexer) blockComment(i int) int {
	src := l.src
	nest := l.d == Postgres || l.d == TSQL
	start := l.line
	depth := 0
	j := i
	for j < len(src) {
		switch {
		case src[j] == '/' && j+1 < len(src) && src[j+1] == '*':
			depth++
			j += 2
			if !nest && depth > 1 {
				depth = 1
			}
		case src[j] == '*' && j+1 < len(src) && src[j+1] == '/':
			depth--
			j += 2
			if depth == 0 {
				return j
			}
		case src[j] == '\n':
			l.line++
			j++
		default:
			j++
		}
	}
	l.probs = append(l.probs, problem{line: start, msg: "unterminated /* comment: the rest of the text was not read", incomplete: true})
	return len(src)
}

// quoted reads a string or quoted identifier whose content starts at c and
// ends at the next unescaped q. A doubled q stands for one; with backslash,
// \ escapes the next character.
func (l *lexer) quoted(start, c int, q byte, kind tokKind, backslash bool, emit func(tokKind, int, int, byte, uint8)) int {
	src := l.src
	line := l.line
	var flags uint8
	j := c
	for j < len(src) {
		b := src[j]
		switch {
		case b == q:
			if j+1 < len(src) && src[j+1] == q {
				flags |= fDoubled
				j += 2
				continue
			}
			l.line = line
			emit(kind, c, j, q, flags)
			l.toks[len(l.toks)-1].line = line
			l.line = line + int32(strings.Count(src[start:j], "\n"))
			return j + 1
		case b == '\\':
			if kind == tString {
				l.mysqlSensitive = true
			}
			if backslash {
				flags |= fBackslash
				j += 2
				continue
			}
			j++
		default:
			j++
		}
	}
	what := "string literal"
	if kind == tQIdent {
		what = "quoted identifier"
	}
	l.probs = append(l.probs, problem{line: line, msg: "unterminated " + what + ": the rest of the text was not read", incomplete: true})
	emit(kind, c, len(src), q, flags)
	l.toks[len(l.toks)-1].line = line
	l.line = line + int32(strings.Count(src[start:], "\n"))
	return len(src)
}

// bracket returns the end of a T-SQL [identifier] at i, or 0 when the [
// is not one (Postgres, an array subscript, no ] on the line).
func (l *lexer) bracket(i int) int {
	if l.d == Postgres || l.d == MySQL {
		return 0
	}
	if len(l.toks) > 0 {
		if p := l.toks[len(l.toks)-1]; int(p.end) == i || p.kind == tQIdent && int(p.end)+1 == i {
			if p.kind == tIdent || p.kind == tQIdent || p.kind == tPunct && (p.c == ')' || p.c == ']') {
				return 0
			}
		}
	}
	src := l.src
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case ']':
			if j+1 < len(src) && src[j+1] == ']' {
				j++
				continue
			}
			if j == i+1 {
				return 0
			}
			return j + 1
		case '\n', '[':
			return 0
		}
	}
	return 0
}

// dollar reads a Postgres dollar-quoted string ($$...$$, $tag$...$tag$), a
// positional parameter ($1) or a word that starts with $ (T-SQL $action).
func (l *lexer) dollar(i int, emit func(tokKind, int, int, byte, uint8)) int {
	src := l.src
	n := len(src)
	j := i + 1
	if j < n && src[j] == '{' {
		// A Flyway or Liquibase placeholder: ${schema}.t is the table t (the
		// schema is chosen at deployment); elsewhere it is a value known
		// only then.
		if k := strings.IndexByte(src[j:], '}'); k > 0 && k < 80 && strings.IndexByte(src[j:j+k], '\n') < 0 {
			end := j + k + 1
			if end < n && src[end] == '.' {
				return end + 1
			}
			emit(tIdent, i, end, 0, 0)
			return end
		}
	}
	if j < n && isDigit(src[j]) {
		for j < n && isDigit(src[j]) {
			j++
		}
		l.hint(Postgres, 1)
		emit(tVar, i, j, '$', 0)
		return j
	}
	for j < n && (isIdentStart(src[j]) || isDigit(src[j])) {
		j++
	}
	if j < n && src[j] == '$' {
		tag := src[i : j+1]
		body := j + 1
		line := l.line
		if k := strings.Index(src[body:], tag); k >= 0 {
			l.hint(Postgres, 3)
			emit(tString, body, body+k, '$', fDollar)
			l.line += int32(strings.Count(src[i:body+k], "\n"))
			return body + k + len(tag)
		}
		l.probs = append(l.probs, problem{line: line, msg: "unterminated dollar-quoted string: the rest of the text was not read", incomplete: true})
		emit(tString, body, n, '$', fDollar)
		l.line += int32(strings.Count(src[i:], "\n"))
		return n
	}
	if j > i+1 {
		emit(tIdent, i, j, 0, 0)
		return j
	}
	emit(tPunct, i, i+1, '$', 0)
	return i + 1
}

func (l *lexer) number(i int, emit func(tokKind, int, int, byte, uint8)) int {
	src := l.src
	n := len(src)
	j := i
	if j+1 < n && src[j] == '0' && (src[j+1] == 'x' || src[j+1] == 'X') {
		j += 2
		for j < n && (isDigit(src[j]) || 'a' <= src[j]|0x20 && src[j]|0x20 <= 'f') {
			j++
		}
		emit(tNumber, i, j, 0, 0)
		return j
	}
	for j < n && isDigit(src[j]) {
		j++
	}
	if j+1 < n && src[j] == '.' && src[j+1] != '.' {
		j++
		for j < n && isDigit(src[j]) {
			j++
		}
	} else if j < n && j == i && src[j] == '.' {
		j++
		for j < n && isDigit(src[j]) {
			j++
		}
	}
	if j < n && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < n && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < n && isDigit(src[k]) {
			for k < n && isDigit(src[k]) {
				k++
			}
			j = k
		}
	}
	emit(tNumber, i, j, 0, 0)
	return j
}

// word reads an identifier or keyword at i, or a prefixed string (N'..',
// E'..', X'..', B'..', Oracle q'[..]').
func (l *lexer) word(i int, emit func(tokKind, int, int, byte, uint8)) int {
	src := l.src
	n := len(src)
	c := src[i] | 0x20
	if i+1 < n && src[i+1] == '\'' {
		switch c {
		case 'n':
			l.hint(TSQL, 1)
			return l.quoted(i, i+2, '\'', tString, l.d == MySQL, emit)
		case 'e':
			return l.quoted(i, i+2, '\'', tString, true, emit)
		case 'x', 'b':
			return l.quoted(i, i+2, '\'', tString, false, emit)
		case 'q':
			if l.d == Auto || l.d == Oracle || l.d == ANSI {
				if j, ok := l.qquote(i, i+2, emit); ok {
					return j
				}
			}
		}
	}
	if c == 'n' && i+2 < n && src[i+1]|0x20 == 'q' && src[i+2] == '\'' && (l.d == Auto || l.d == Oracle || l.d == ANSI) {
		if j, ok := l.qquote(i, i+3, emit); ok {
			return j
		}
	}
	j := i + 1
	for j < n && l.isIdentPart(src[j]) {
		if l.delim != "" && src[j] == l.delim[0] && strings.HasPrefix(src[j:], l.delim) {
			break // END$$ with DELIMITER $$
		}
		j++
	}
	emit(tIdent, i, j, 0, 0)
	t := &l.toks[len(l.toks)-1]
	// A word after a dot is a name part, never a keyword.
	if len(l.toks) < 2 || !(l.toks[len(l.toks)-2].kind == tPunct && l.toks[len(l.toks)-2].c == '.') {
		info := lookupKeyword(src[i:j])
		t.kw, t.cls = info.id, info.cls
		if info.hint != "" {
			l.hint(info.hint, 1)
		}
	}
	return j
}

// qquote reads an Oracle alternative-quoting literal q'X...X' whose
// delimiter X is at d.
func (l *lexer) qquote(start, d int, emit func(tokKind, int, int, byte, uint8)) (int, bool) {
	src := l.src
	if d >= len(src) {
		return 0, false
	}
	open := src[d]
	if isSpace(open) || open == '\n' || open == '\'' {
		return 0, false
	}
	closing := open
	switch open {
	case '[':
		closing = ']'
	case '{':
		closing = '}'
	case '(':
		closing = ')'
	case '<':
		closing = '>'
	}
	for j := d + 1; j+1 < len(src); j++ {
		if src[j] == closing && src[j+1] == '\'' {
			line := l.line
			l.hint(Oracle, 3)
			emit(tString, d+1, j, 'q', 0)
			l.line = line + int32(strings.Count(src[start:j], "\n"))
			return j + 2, true
		}
	}
	return 0, false
}
