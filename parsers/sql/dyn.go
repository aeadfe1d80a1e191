package sql

import "strings"

// maxDynText bounds the text of a dynamic SQL string the extractor
// assembles.
const maxDynText = 64 << 10

// maxNested bounds the nesting of texts in texts (a function body holding
// dynamic SQL holding dynamic SQL).
const maxNested = 4

// dyn stands for what a dynamic SQL string holds at run time.
const dyn = "__dyn__"

// unquote returns the content of a string token with its escapes undone.
func (p *parser) unquote(t *tok) string {
	s := p.src[t.pos:t.end]
	if t.flags&fDoubled != 0 {
		q := string([]byte{t.c})
		s = strings.ReplaceAll(s, q+q, q)
	}
	if t.flags&fBackslash != 0 && strings.IndexByte(s, '\\') >= 0 {
		var b strings.Builder
		b.Grow(len(s))
		for k := 0; k < len(s); k++ {
			c := s[k]
			if c == '\\' && k+1 < len(s) {
				k++
				switch s[k] {
				case 'n':
					c = '\n'
				case 't':
					c = '\t'
				default:
					c = s[k]
				}
			}
			b.WriteByte(c)
		}
		s = b.String()
	}
	return s
}

func capText(s string) string {
	if len(s) > maxDynText {
		return s[:maxDynText]
	}
	return s
}

// dynText assembles the text of a string expression (lo, hi): literal parts
// as written, variables by the text last assigned to them, anything else as
// __dyn__. lit says whether any literal text went in.
func (p *parser) dynText(lo, hi int) (string, bool) {
	var b strings.Builder
	lit := false
	lastDyn := false
	addDyn := func() {
		if !lastDyn {
			b.WriteString(dyn)
			lastDyn = true
		}
	}
	var walk func(lo, hi int, depth int)
	walk = func(lo, hi int, depth int) {
		for k := lo; k < hi && b.Len() < maxDynText; k++ {
			t := p.tk(k)
			switch t.kind {
			case tString:
				b.WriteString(p.unquote(t))
				lit, lastDyn = true, false
			case tPunct:
				switch t.c {
				case '+', '|', ',':
				case '(':
					m := p.matchAt(k)
					if m < 0 || m > hi {
						continue
					}
					fn := ""
					if k > lo && p.tk(k-1).kind == tIdent {
						fn = p.word(k - 1)
					}
					switch {
					case depth > 8:
						addDyn()
					case fn == "concat":
						walk(k+1, m, depth+1)
					case fn == "concat_ws":
						// the separator is not part of the text
						c := k + 1
						for c < m && !p.punctAt(c, ',') {
							c++
						}
						walk(c+1, m, depth+1)
					case fn == "format":
						// Postgres format('... %I ...', x): the first argument
						c := k + 1
						if p.tk(c).kind == tString {
							b.WriteString(formatText(p.unquote(p.tk(c))))
							lit, lastDyn = true, false
						} else {
							addDyn()
						}
					case fn == "":
						walk(k+1, m, depth+1)
					default:
						addDyn()
					}
					k = m
				default:
					addDyn()
				}
			case tIdent, tVar, tQIdent:
				if t.kind == tIdent && p.punctAt(k+1, '(') {
					continue // a function: its parentheses say what it gives
				}
				if t.kind == tIdent && t.kw != 0 {
					continue
				}
				if text, ok := p.vars[p.word(k)]; ok {
					b.WriteString(text)
					lit = true
					lastDyn = strings.HasSuffix(text, dyn)
				} else {
					addDyn()
				}
			default:
				addDyn()
			}
		}
	}
	walk(lo, hi, 0)
	return capText(b.String()), lit
}

// formatText turns a Postgres format() template into text: each
// placeholder (%I, %s, %L, %1$I) is dynamic.
func formatText(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var b strings.Builder
	for k := 0; k < len(s); k++ {
		if s[k] != '%' || k+1 >= len(s) {
			b.WriteByte(s[k])
			continue
		}
		if s[k+1] == '%' {
			b.WriteByte('%')
			k++
			continue
		}
		j := k + 1
		for j < len(s) && (isDigit(s[j]) || s[j] == '$' || s[j] == '-') {
			j++
		}
		if j < len(s) {
			b.WriteString(dyn)
			k = j
			continue
		}
		b.WriteByte(s[k])
	}
	return b.String()
}

// assign records the text of a string assigned to a variable, for dynamic
// SQL run later from it.
func (p *parser) assign(name string, lo, hi int) {
	if name == "" || lo >= hi {
		return
	}
	text, lit := p.dynText(lo, hi)
	if !lit {
		if p.vars != nil {
			delete(p.vars, name)
		}
		return
	}
	if p.vars == nil {
		p.vars = map[string]string{}
	}
	if len(p.vars) < 256 {
		p.vars[name] = text
	}
}

// dynamic reads SQL run as a string at i (EXECUTE IMMEDIATE, EXEC(...),
// sp_executesql, PL/pgSQL EXECUTE, OPEN FOR, PREPARE FROM): what its
// literal parts say is extracted, and every access from it is a guess.
func (p *parser) dynamic(i, hi int) int {
	end := i
	for end < hi {
		t := p.tk(end)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && (t.c == ';' || t.c == ',') {
			break
		}
		if m := p.matchAt(end); m > 0 {
			end = m + 1
			continue
		}
		if t.kind == tIdent && (t.kw == kInto || t.kw == kUsing || t.kw == kReturning || t.kw == kBulk ||
			t.cls&(cStmt|cBlock) != 0 && end > i) {
			break
		}
		end++
	}
	text, lit := p.dynText(i, end)
	if lit {
		first := i
		for first < end && p.tk(first).kind != tString {
			first++
		}
		p.subtext(text, p.tk(first).line, p.tk(max(end-1, i)).line, true)
	}
	return p.skipStmt(end, hi)
}

// subtext reads a text nested in this one (a function body, a dynamic SQL
// string) that starts on line line: its accesses belong to the current
// routine.
func (p *parser) subtext(text string, line, lineMax int32, guess bool) {
	if p.nested >= maxNested || strings.TrimSpace(text) == "" {
		return
	}
	l := lex(text, p.d, nil)
	c := *p
	c.src, c.toks = text, l.toks
	c.eof = tok{kind: tEOF, pos: int32(len(text)), end: int32(len(text)), line: 1, m: -1}
	if len(l.toks) > 0 {
		c.eof.line = l.toks[len(l.toks)-1].line
	}
	c.lineBase = int32(p.lineOf(line))
	if lineMax > 0 {
		c.lineMax = int32(p.lineOf(lineMax))
	} else {
		c.lineMax = p.lineMax
	}
	c.nested++
	c.guess = p.guess || guess
	c.stmtGuess = false
	c.ctes, c.from = nil, nil
	c.locals = append([]string(nil), p.locals...)
	for _, pr := range l.probs {
		if !guess {
			c.diag(pr.line, pr.msg)
		}
	}
	c.stmts(0, len(c.toks), modeTop)
	p.temps = c.temps
	p.ndiag = c.ndiag
	p.deep = c.deep
	if !guess {
		p.vars = c.vars
	}
}
