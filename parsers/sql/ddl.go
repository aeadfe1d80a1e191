package sql

import "github.com/seams-dev/seams/facts"

// skipDDL skips a statement that declares nothing the extractor keeps
// (DROP, CREATE INDEX, GRANT, ...) without reading names in it as calls.
func (p *parser) skipDDL(i, hi int) int {
	grant := false
	if i > 0 {
		switch p.kwAt(i - 1) {
		case kGrant, kRevoke, kDeny:
			grant = true
		}
	}
	for i < hi {
		t := p.tk(i)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			return i
		}
		if m := p.matchAt(i); m > 0 {
			i = m + 1
			continue
		}
		if t.cls&cStmt != 0 && !grant && p.startsStatement(i) && p.kwAt(i-1) != kIf && p.kwAt(i-1) != kOn {
			return i
		}
		if grant && (t.kw == kBegin || t.kw == kEnd || t.kw == kCreate || t.kw == kAlter || t.kw == kDeclare || t.kw == kIf) {
			return i
		}
		if grant && p.isWord(i, "to") || grant && t.kw == kFrom {
			// the grantees: names, commas, WITH GRANT OPTION, AS x, CASCADE
			i++
			for i < hi {
				u := p.tk(i)
				if u.kind == tPunct && u.c == ',' || u.kind == tQIdent || u.kind == tIdent && (u.kw == 0 || u.kw == kWith || u.kw == kGrant || u.kw == kOption || u.kw == kAs) || u.kind == tString {
					i++
					continue
				}
				break
			}
			return i
		}
		i++
	}
	return i
}

// createTable reads CREATE TABLE from the name at i.
func (p *parser) createTable(create, i, hi int, temp bool) int {
	if p.kwAt(i) == kIf {
		i += 3 // IF NOT EXISTS
	}
	q, j := p.readName(i)
	if q.full() == "" {
		return p.skipStmt(i, hi)
	}
	idx := -1
	switch {
	case temp || q.kind == nameTemp:
		p.temps = append(p.temps, q.full())
	case q.kind == nameTable:
		idx = p.addTable(q.full(), facts.BaseTable, create)
	}
	if m := p.matchAt(j); m > 0 {
		if p.kwAt(j+1) == kSelect || p.kwAt(j+1) == kWith {
			return p.skipStmt(j, hi) // CREATE TABLE t (SELECT ...)
		}
		if idx >= 0 {
			p.columns(j+1, m, idx)
		}
		j = m + 1
	}
	// The options that follow (ENGINE=..., PARTITION OF t FOR VALUES ...,
	// ON [PRIMARY]) name nothing; CREATE TABLE ... AS query reads what the
	// query reads.
	for j < hi {
		t := p.tk(j)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			return j
		}
		switch {
		case t.kw == kAs && p.matchAt(j+1) < 0:
			return p.skipStmt(j, hi)
		case t.kw == kAs || t.kw == kSelect || t.kw == kWith:
			k := j
			if t.kw == kAs {
				k++
			}
			if p.kwAt(k) == kSelect || p.kwAt(k) == kWith || p.punctAt(k, '(') {
				return p.query(k, hi)
			}
		case t.cls&cStmt != 0 && p.startsStatement(j) && t.kw != kWith && t.kw != kSet:
			return j
		}
		if m := p.matchAt(j); m > 0 {
			j = m + 1
			continue
		}
		j++
	}
	return j
}

// columns reads the column and constraint definitions (lo, hi) of table
// idx for foreign keys.
func (p *parser) columns(lo, hi, idx int) {
	for s := lo; s < hi; {
		e := s
		for e < hi && !p.punctAt(e, ',') {
			if m := p.matchAt(e); m > 0 && m < hi {
				e = m + 1
				continue
			}
			e++
		}
		p.element(s, e, idx, "")
		s = e + 1
	}
}

// element reads one column or constraint definition (s, e) of table idx;
// col is the column it defines when the caller knows it.
func (p *parser) element(s, e, idx int, col string) {
	if s >= e {
		return
	}
	if col == "" {
		switch p.kwAt(s) {
		case kConstraint, kForeign, kPrimary, kUnique, kCheck, kIndex, kKey, kLike:
		default:
			if t := p.tk(s); t.kind == tIdent || t.kind == tQIdent {
				if !p.isWord(s, "fulltext") && !p.isWord(s, "spatial") && !p.isWord(s, "exclude") && !p.isWord(s, "period") {
					col = p.word(s)
				}
			}
		}
	}
	var fkCols []string
	for k := s; k < e; k++ {
		t := p.tk(k)
		switch {
		case t.kw == kForeign && p.kwAt(k+1) == kKey:
			k++
			if m := p.matchAt(k + 1); m > 0 {
				k++
				fkCols = fkCols[:0]
				for c := k + 1; c < m; c++ {
					if u := p.tk(c); u.kind == tIdent || u.kind == tQIdent {
						fkCols = append(fkCols, p.word(c))
					}
				}
				k = m
			}
		case t.kw == kReferences:
			q, j := p.readName(k + 1)
			if q.kind == nameTable {
				cols := fkCols
				if len(cols) == 0 && col != "" {
					cols = []string{col}
				}
				fk := facts.ForeignKey{Columns: append([]string(nil), cols...), Table: q.full(), Line: p.line(k)}
				p.res.Tables[idx].ForeignKeys = append(p.res.Tables[idx].ForeignKeys, fk)
			}
			fkCols = fkCols[:0]
			k = max(j, k+1) - 1
		}
	}
}

// createView reads CREATE VIEW from the name at i: the view is declared
// and the tables its query reads are its Reads.
func (p *parser) createView(create, i, hi int, temp bool) int {
	if p.kwAt(i) == kIf {
		i += 3
	}
	q, j := p.readName(i)
	if q.full() == "" {
		return p.skipStmt(i, hi)
	}
	j = p.skipTo(j, hi, kAs)
	if p.kwAt(j) != kAs {
		return j
	}
	if temp || q.kind != nameTable {
		if q.kind == nameTable {
			p.temps = append(p.temps, q.full())
		}
		return p.skipStmt(j+1, hi)
	}
	idx := p.addTable(q.full(), facts.View, create)
	old := p.view
	p.view = idx
	j = p.query(j+1, hi)
	p.view = old
	return p.skipDDL(j, hi)
}

// alterTable reads ALTER TABLE from the name at i for the foreign keys it
// adds.
func (p *parser) alterTable(i, hi int) int {
	for p.kwAt(i) == kIf || p.kwAt(i) == kExists || p.kwAt(i) == kOnly {
		i++
	}
	q, j := p.readName(i)
	if q.kind != nameTable {
		return p.skipDDL(j, hi)
	}
	start := j
	end := j
	for end < hi {
		t := p.tk(end)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			break
		}
		if m := p.matchAt(end); m > 0 {
			end = m + 1
			continue
		}
		if t.cls&cStmt != 0 {
			nx := p.kwAt(end + 1)
			stmtStart := false
			switch t.kw {
			case kAlter:
				stmtStart = nx == kTable || nx == kProcedure || nx == kView || nx == kFunction || nx == kTrigger || nx == kIndex
			case kDrop, kSet, kWith, kDelete, kUpdate:
			case kIf:
				switch p.kwAt(end - 1) {
				case kAdd, kColumn, kDrop, kConstraint, kTable, kIndex, kAlter:
				default:
					stmtStart = true
				}
			default:
				stmtStart = p.startsStatement(end) && p.kwAt(end-1) != kOn
			}
			if stmtStart {
				break
			}
		}
		end++
	}
	// Find REFERENCES with their columns: FOREIGN KEY (cols), or the
	// column being added.
	var fks []facts.ForeignKey
	var fkCols []string
	col := ""
	expectCol := false
	for k := start; k < end; k++ {
		t := p.tk(k)
		switch {
		case t.kw == kAdd:
			expectCol, col = true, ""
			fkCols = fkCols[:0]
			continue
		case t.kw == kColumn || t.kw == kIf || t.kw == kNot || t.kw == kExists:
			continue
		case t.kind == tPunct && (t.c == '(' || t.c == ','):
			if t.c == ',' {
				fkCols = fkCols[:0]
				col = ""
			}
			if p.kwAt(k-1) == kAdd || t.c == ',' {
				expectCol = true
			}
			continue
		case t.kw == kForeign && p.kwAt(k+1) == kKey:
			k++
			if m := p.matchAt(k + 1); m > 0 {
				k++
				fkCols = fkCols[:0]
				for c := k + 1; c < m; c++ {
					if u := p.tk(c); u.kind == tIdent || u.kind == tQIdent {
						fkCols = append(fkCols, p.word(c))
					}
				}
				k = m
			}
		case t.kw == kReferences:
			r, j := p.readName(k + 1)
			if r.kind == nameTable {
				cols := append([]string(nil), fkCols...)
				if len(cols) == 0 && col != "" {
					cols = []string{col}
				}
				fks = append(fks, facts.ForeignKey{Columns: cols, Table: r.full(), Line: p.line(k)})
			}
			fkCols = fkCols[:0]
			k = max(j, k+1) - 1
		case expectCol && (t.kind == tIdent && t.kw == 0 || t.kind == tQIdent):
			col = p.word(k)
		}
		expectCol = false
	}
	if len(fks) > 0 {
		idx := -1
		for k := range p.res.Tables {
			if p.res.Tables[k].Name == q.full() && p.res.Tables[k].Kind == facts.BaseTable {
				idx = k
			}
		}
		if idx < 0 {
			idx = p.addTable(q.full(), facts.BaseTable, i)
		}
		p.res.Tables[idx].ForeignKeys = append(p.res.Tables[idx].ForeignKeys, fks...)
	}
	// The rest may hold subqueries (a CHECK, a DEFAULT): nothing to keep.
	return end
}
