package sql

// isCTE reports whether WITH at i starts common table expressions:
// WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (.
func (p *parser) isCTE(i int) bool {
	j := i + 1
	if p.kwAt(j) == kRecursive {
		j++
	}
	t := p.tk(j)
	if !(t.kind == tIdent && t.cls == 0 || t.kind == tQIdent) {
		return false
	}
	j++
	if m := p.matchAt(j); m > 0 {
		j = m + 1
	}
	if p.kwAt(j) != kAs {
		return false
	}
	j++
	if p.kwAt(j) == kNot {
		j++
	}
	if p.kwAt(j) == kMaterialized {
		j++
	}
	return p.matchAt(j) > 0
}

// withClause reads the common table expressions of WITH at i, puts their
// names in scope, and returns the index of the statement they serve.
func (p *parser) withClause(i, hi int) int {
	j := i + 1
	if p.kwAt(j) == kRecursive {
		j++
	}
	for j < hi {
		name := p.word(j)
		j++
		if m := p.matchAt(j); m > 0 {
			j = m + 1
		}
		if p.kwAt(j) != kAs {
			break
		}
		j++
		if p.kwAt(j) == kNot {
			j++
		}
		if p.kwAt(j) == kMaterialized {
			j++
		}
		m := p.matchAt(j)
		if m < 0 {
			break
		}
		p.ctes = append(p.ctes, name)
		p.parens(j+1, m)
		j = m + 1
		// Postgres SEARCH / CYCLE clauses
		for j < hi && (p.isWord(j, "search") || p.isWord(j, "cycle")) {
			j++
			for j < hi && !p.punctAt(j, ',') && !p.punctAt(j, ';') && p.tk(j).kind != tSep {
				if k := p.kwAt(j); k == kSelect || k == kInsert || k == kUpdate || k == kDelete || k == kMerge {
					break
				}
				if m := p.matchAt(j); m > 0 {
					j = m + 1
					continue
				}
				j++
			}
		}
		if p.punctAt(j, ',') {
			j++
			continue
		}
		break
	}
	return j
}

// parens reads the content (lo, hi) of parentheses in an expression: a
// subquery, a data-modifying statement (Postgres), or an expression.
func (p *parser) parens(lo, hi int) {
	if lo >= hi {
		return
	}
	k := lo
	for p.punctAt(k, '(') && k < hi {
		k++
	}
	switch p.kwAt(k) {
	case kSelect, kPerform, kValues:
		if j := p.query(lo, hi); j < hi {
			p.exprFrom(j, hi, 0, false)
		}
		return
	case kWith:
		if p.isCTE(k) {
			save := len(p.ctes)
			j := p.withClause(k, hi)
			j = p.stmt(j, hi)
			p.ctes = p.ctes[:save]
			if j < hi {
				p.exprFrom(j, hi, 0, false)
			}
			return
		}
	case kInsert, kUpdate, kDelete, kMerge:
		if k == lo && (p.tk(lo+1).kind != tPunct || p.tk(lo).kw == kDelete) {
			if j := p.stmt(lo, hi); j < hi {
				p.exprFrom(j, hi, 0, false)
			}
			return
		}
	}
	p.exprFrom(lo, hi, 0, true)
}

// query reads a query expression at i: SELECT (or PERFORM, VALUES, a
// parenthesised query) with its set operations, and returns the index
// after it.
func (p *parser) query(i, hi int) int {
	if !p.enter(i) {
		return hi
	}
	defer p.leave()
	save := len(p.ctes)
	defer func() { p.ctes = p.ctes[:save] }()
	if p.kwAt(i) == kWith && p.isCTE(i) {
		i = p.withClause(i, hi)
	}
	for i < hi {
		t := p.tk(i)
		start := len(p.from)
		switch {
		case t.kw == kSelect || t.kw == kPerform:
			i = p.exprFrom(i+1, hi, stopClause, true)
			i = p.selectClauses(i, hi, start)
		case t.kw == kValues:
			i = p.exprFrom(i+1, hi, stopClause, true)
		case t.kind == tPunct && t.c == '(':
			m := p.matchAt(i)
			if m < 0 || m > hi {
				return i + 1
			}
			p.parens(i+1, m)
			i = p.selectClauses(m+1, hi, start)
		case t.kw == kTable:
			// Postgres TABLE name
			q, j := p.readName(i + 1)
			p.read(p.tableName(q), i+1)
			i = max(j, i+1)
		default:
			p.from = p.from[:start]
			return i
		}
		p.from = p.from[:start]
		switch p.kwAt(i) {
		case kUnion, kIntersect, kExcept, kMinus:
			i++
			if k := p.kwAt(i); k == kAll || k == kDistinct {
				i++
			}
			continue
		}
		return i
	}
	return i
}

// selectClauses reads the clauses of a query after its select list (FROM,
// INTO, WHERE, ...); start is where this query's FROM entries begin.
func (p *parser) selectClauses(i, hi, start int) int {
	for i < hi {
		t := p.tk(i)
		switch t.kw {
		case kFrom:
			i = p.fromList(i+1, hi, false)
		case kInto:
			i = p.selectInto(i+1, hi)
		case kWhere, kHaving, kQualify, kWindow, kOption, kLimit, kOffset:
			i = p.exprFrom(i+1, hi, stopClause, true)
		case kGroup, kOrder, kConnect:
			i = p.exprFrom(i+1, hi, stopClause, true)
		case kStart:
			if p.kwAt(i+1) != kWith {
				return i
			}
			i = p.exprFrom(i+2, hi, stopClause, true)
		case kFetch:
			// FETCH FIRST n ROWS ONLY, not a cursor's FETCH NEXT FROM
			if k := p.kwAt(i + 1); (k == kFirst || k == kNext) && p.kwAt(i+2) != kFrom {
				i = p.exprFrom(i+1, hi, stopClause, true)
				continue
			}
			return i
		case kLock:
			if p.kwAt(i+1) != kIn {
				return i
			}
			i = p.exprFrom(i+1, hi, stopClause, true)
		case kFor:
			i = p.forClause(i, hi, start)
		default:
			return i
		}
	}
	return i
}

// forClause reads FOR UPDATE / SHARE / XML / JSON / READ ONLY at i. A lock
// for update is a write intent: the locked tables are written.
func (p *parser) forClause(i, hi, start int) int {
	j := i + 1
	update := false
	switch {
	case p.kwAt(j) == kUpdate:
		update = true
		j++
	case p.isWord(j, "no") && p.kwAt(j+1) == kKey && p.kwAt(j+2) == kUpdate:
		update = true
		j += 3
	}
	if !update {
		return p.exprFrom(j, hi, stopClause, true)
	}
	entries := p.from[start:]
	if p.kwAt(j) == kOf {
		j++
		for {
			q, k := p.readName(j)
			if q.kind == nameNone {
				break
			}
			qual := q.lastName()
			if q.parts >= 2 {
				qual = q.qualifier()
			}
			found := false
			for e := range entries {
				if en := entries[e]; en.name != "" && (p.eqFold(en.alias, qual) || p.eqFold(en.raw, qual) || en.name == qual) {
					p.write(entries[e].name, j)
					found = true
				}
			}
			if !found && q.parts == 1 {
				// an unqualified column (Oracle): the tables of the query
				for e := range entries {
					if entries[e].name != "" {
						p.write(entries[e].name, j)
					}
				}
			}
			j = k
			if !p.punctAt(j, ',') {
				break
			}
			j++
		}
	} else {
		for e := range entries {
			if entries[e].name != "" {
				p.write(entries[e].name, i)
			}
		}
	}
	return p.exprFrom(j, hi, stopClause, false)
}

// selectInto reads the target of SELECT ... INTO at i. In T-SQL (and in
// Postgres outside a function body) it creates and fills a table; in the
// procedural languages it names variables.
func (p *parser) selectInto(i, hi int) int {
	creates := p.d == TSQL || p.d == Postgres && p.routine < 0
	if creates {
		j := i
		switch {
		case p.kwAt(j) == kTemp || p.kwAt(j) == kUnlogged:
			j++
			if p.kwAt(j) == kTable {
				j++
			}
			q, k := p.readName(j)
			if q.kind == nameTable {
				p.temps = append(p.temps, q.full())
			}
			return k
		case p.kwAt(j) == kTable:
			j++
		}
		q, k := p.readName(j)
		if q.kind != nameNone {
			p.write(p.tableName(q), j)
			return k
		}
	}
	return p.exprFrom(i, hi, stopClause, true)
}

// fromList reads a list of table references with their joins at i. With
// defer, the tables are recorded in p.from but not yet emitted (the target
// of an UPDATE or DELETE is decided after).
func (p *parser) fromList(i, hi int, deferred bool) int {
	if !p.enter(i) {
		return hi
	}
	defer p.leave()
	i = p.tableRef(i, hi, deferred)
	for i < hi {
		t := p.tk(i)
		switch {
		case t.kind == tPunct && t.c == ',':
			i = p.tableRef(i+1, hi, deferred)
		case t.cls&cJoin != 0 || t.kw == kApply:
			if !p.joinStarts(i) {
				return i
			}
			for i < hi {
				k := p.kwAt(i)
				if k == kJoin || k == kApply || k == kStraightJoin {
					i++
					break
				}
				if p.tk(i).cls&cJoin == 0 {
					break
				}
				i++
			}
			i = p.tableRef(i, hi, deferred)
		case t.kw == kOn:
			i = p.exprFrom(i+1, hi, stopJoin, true)
		case t.kw == kUsing && p.matchAt(i+1) > 0:
			i = p.matchAt(i+1) + 1
		case t.kw == kPivot || t.kw == kUnpivot:
			if m := p.matchAt(i + 1); m > 0 {
				p.exprFrom(i+2, m, 0, true)
				i = m + 1
				i, _ = p.alias(i)
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// joinStarts reports whether the join keyword at i starts a join (LEFT and
// RIGHT are also functions).
func (p *parser) joinStarts(i int) bool {
	switch p.kwAt(i) {
	case kLeft, kRight, kFull:
		k := p.kwAt(i + 1)
		return k == kJoin || k == kOuter
	case kCross, kOuter:
		k := p.kwAt(i + 1)
		return k == kJoin || k == kApply
	}
	return true
}

// tableRef reads one table reference at i: a table, a subquery, a
// parenthesised join, or a table-valued function, with its alias and hints.
func (p *parser) tableRef(i, hi int, deferred bool) int {
	for k := p.kwAt(i); k == kLateral || k == kOnly; k = p.kwAt(i) {
		i++
	}
	if i >= hi {
		return i
	}
	t := p.tk(i)
	e := fromEntry{line: t.line, raw: -1, alias: -1}
	at := i
	switch {
	case t.kind == tPunct && t.c == '(':
		m := p.matchAt(i)
		if m < 0 || m > hi {
			return i + 1
		}
		k := i + 1
		for p.punctAt(k, '(') && k < m {
			k++
		}
		switch p.kwAt(k) {
		case kSelect, kWith, kValues, kPerform:
			p.parens(i+1, m)
		default:
			p.fromList(i+1, m, deferred)
		}
		i = m + 1
	case t.kw == kTable && p.punctAt(i+1, '('):
		// Oracle TABLE(collection): a function call (pkg.fn may be called
		// without parentheses) or a collection variable.
		m := p.matchAt(i + 1)
		if m < 0 {
			return i + 1
		}
		if q, k := p.readName(i + 2); k == m && q.kind == nameTable && !p.isLocalTok(q.last) && !(q.parts == 1 && p.inSet(builtins, q.last)) {
			p.call(q, i+2)
		}
		p.exprFrom(i+2, m, 0, true)
		i = m + 1
	case p.nameStart(i):
		q, j := p.readName(i)
		if j <= i {
			return i + 1
		}
		if m := p.matchAt(j); m > 0 && m <= hi {
			if p.isHint(j+1, m) {
				e.name, e.raw = p.tableName(q), q.last
				if p.lockHint(j+1, m) && !deferred {
					p.write(e.name, at)
				}
				j = m + 1
			} else {
				// a table-valued function
				if q.kind == nameTable && (q.parts > 1 || !p.inSet(builtins, q.last) && !p.isLocalTok(q.last)) {
					p.call(q, at)
				}
				p.exprFrom(j+1, m, 0, true)
				j = m + 1
				if p.kwAt(j) == kWith && p.matchAt(j+1) > 0 && !p.isHint(j+2, p.matchAt(j+1)) {
					j = p.matchAt(j+1) + 1 // OPENJSON(...) WITH (schema)
				}
			}
		} else {
			e.name, e.raw = p.tableName(q), q.last
		}
		i = j
	default:
		return i
	}
	i, e.alias = p.alias(i)
	// hints and sampling
	for i < hi {
		switch {
		case p.kwAt(i) == kWith && p.matchAt(i+1) > 0 && p.isHint(i+2, p.matchAt(i+1)):
			m := p.matchAt(i + 1)
			if p.lockHint(i+2, m) && !deferred {
				p.write(e.name, at)
			}
			i = m + 1
			continue
		case p.matchAt(i) > 0 && p.isHint(i+1, p.matchAt(i)):
			m := p.matchAt(i)
			if p.lockHint(i+1, m) && !deferred {
				p.write(e.name, at)
			}
			i = m + 1
			continue
		case (p.kwAt(i) == kUse || p.kwAt(i) == kForce || p.kwAt(i) == kIgnore) && (p.kwAt(i+1) == kIndex || p.kwAt(i+1) == kKey):
			// MySQL index hints
			j := i + 2
			for j < hi && j < i+6 && p.matchAt(j) < 0 {
				j++
			}
			if m := p.matchAt(j); m > 0 {
				i = m + 1
				continue
			}
			i = j
			continue
		case p.kwAt(i) == kFor && p.isWord(i+1, "system_time"), p.kwAt(i) == kAs && p.kwAt(i+1) == kOf:
			// T-SQL FOR SYSTEM_TIME AS OF / FROM a TO b / BETWEEN a AND b /
			// CONTAINED IN (a, b) / ALL; Oracle AS OF TIMESTAMP|SCN expr.
			i = p.temporal(i+2, hi)
			continue
		case p.kwAt(i) == kPartition || p.kwAt(i) == kTablesample || p.kwAt(i) == kSample:
			j := i + 1
			for j < hi && j < i+4 && p.matchAt(j) < 0 {
				j++
			}
			if m := p.matchAt(j); m > 0 {
				i = m + 1
				if p.isWord(i, "repeatable") && p.matchAt(i+1) > 0 {
					i = p.matchAt(i+1) + 1
				}
				if e.alias < 0 {
					i, e.alias = p.alias(i)
				}
				continue
			}
		}
		break
	}
	if e.alias < 0 {
		i, e.alias = p.alias(i) // T-SQL MERGE t WITH (HOLDLOCK) AS x
	}
	if !deferred {
		p.read(e.name, at)
	}
	p.from = append(p.from, e)
	return i
}

// nameStart reports whether token i can start the name of a table: not a
// keyword that has a place in a statement.
func (p *parser) nameStart(i int) bool {
	t := p.tk(i)
	switch t.kind {
	case tQIdent, tTemp, tVar:
		return true
	case tIdent:
		if t.kw == 0 {
			return true
		}
		if t.cls != 0 {
			return false
		}
		switch t.kw {
		case kValues, kDefault, kAs, kOn, kUsing, kNot, kAnd, kOr, kIn, kIs, kExists, kCase, kNull, kBy:
			return false
		}
		return true
	}
	return false
}

// temporal skips the rest of a temporal table clause from i.
func (p *parser) temporal(i, hi int) int {
	for i < hi {
		t := p.tk(i)
		switch {
		case t.kw == kAs || t.kw == kOf || t.kw == kFrom || t.kw == kAnd || t.kw == kAll || t.kw == kIn ||
			p.isWord(i, "to") || p.isWord(i, "between") || p.isWord(i, "contained") ||
			p.isWord(i, "timestamp") || p.isWord(i, "scn") || p.isWord(i, "period"):
			i++
		case t.kind == tString || t.kind == tNumber || t.kind == tVar || t.cls&cValue != 0:
			i++
		case t.kind == tIdent && t.kw == 0 && p.matchAt(i+1) > 0:
			i = p.matchAt(i+1) + 1 // a function: SYSDATE - 1, DATEADD(...)
		case p.matchAt(i) > 0:
			m := p.matchAt(i)
			p.exprFrom(i+1, m, 0, true)
			i = m + 1
		case t.kind == tPunct && (t.c == '-' || t.c == '+'):
			i++
		default:
			return i
		}
	}
	return i
}

// alias reads an optional alias (and its column list) at i and returns
// its token, or -1.
func (p *parser) alias(i int) (int, int) {
	t := p.tk(i)
	if t.kw == kAs && p.kwAt(i+1) == kOf {
		return i, -1 // Oracle AS OF (flashback)
	}
	if t.kw == kAs {
		i++
		t = p.tk(i)
		if t.kind == tIdent || t.kind == tQIdent || t.kind == tString {
			a := i
			i++
			if m := p.matchAt(i); m > 0 {
				i = m + 1
			}
			return i, a
		}
		return i, -1
	}
	if t.kind == tIdent && t.kw == 0 && t.cls == 0 || t.kind == tQIdent {
		if p.frag && containsDyn(p.src[t.pos:t.end]) {
			return i, -1
		}
		a := i
		i++
		if m := p.matchAt(i); m > 0 && !p.isHint(i+1, m) {
			i = m + 1
		}
		return i, a
	}
	return i, -1
}

// tableHints are the T-SQL table hints; lockHints those that take a lock
// for update.
var tableHints = wordSet(`nolock readuncommitted readcommitted readcommittedlock repeatableread serializable
holdlock updlock xlock rowlock paglock tablock tablockx nowait readpast noexpand forceseek forcescan
keeplock keepidentity keepdefaults ignore_constraints ignore_triggers snapshot index`)

var lockHints = wordSet(`updlock xlock tablockx`)

// isHint reports whether (lo, hi) holds T-SQL table hints.
func (p *parser) isHint(lo, hi int) bool {
	if lo >= hi {
		return false
	}
	t := p.tk(lo)
	return t.kind == tIdent && tableHints[p.word(lo)]
}

func (p *parser) lockHint(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if p.tk(k).kind == tIdent && lockHints[p.word(k)] {
			return true
		}
	}
	return false
}

// exprFrom reads an expression from i until a keyword of the stop set at
// its top level (or the end of the statement) and returns where it
// stopped. It reads the subqueries and calls in it. operand says whether
// an operand is expected at i (a statement keyword there is a name).
func (p *parser) exprFrom(i, hi int, stop uint16, operand bool) int {
	if !p.enter(i) {
		return hi
	}
	defer p.leave()
	caseDepth := 0
	for i < hi {
		t := &p.toks[i]
		switch t.kind {
		case tSep, tEOF:
			return i
		case tPunct:
			switch t.c {
			case ';':
				return i
			case '(':
				if m := int(t.m); m > i && m <= hi {
					p.parens(i+1, m)
					i = m + 1
					operand = false
					continue
				}
				operand = true
			case ')':
				operand = false
			case ',':
				if stop&sComma != 0 && caseDepth == 0 {
					return i
				}
				operand = true
			case '*':
				operand = !operand
			case '.':
			default:
				operand = true
			}
			i++
			continue
		case tAssign, tCast:
			operand = true
			i++
			continue
		case tString, tNumber, tTemp:
			operand = false
			i++
			continue
		case tVar:
			_, j := p.readName(i)
			i = max(j, i+1)
			operand = false
			continue
		case tQIdent:
			i = p.exprName(i, hi)
			operand = false
			continue
		}
		// tIdent
		if t.kw == 0 {
			i = p.exprName(i, hi)
			operand = false
			continue
		}
		switch t.kw {
		case kCase:
			caseDepth++
			operand = true
			i++
			continue
		case kEnd:
			if caseDepth > 0 {
				caseDepth--
				operand = false
				i++
				continue
			}
		case kSelect, kPerform:
			if operand || stop&cStmt == 0 {
				i = p.query(i, hi)
				operand = false
				continue
			}
			return i
		case kWith:
			if p.isCTE(i) {
				if operand || stop&cStmt == 0 {
					save := len(p.ctes)
					j := p.withClause(i, hi)
					i = p.stmt(j, hi)
					p.ctes = p.ctes[:save]
					operand = false
					continue
				}
				return i
			}
		}
		if caseDepth == 0 && t.cls&stop != 0 {
			if t.cls&stop&^cStmt == 0 {
				// only a statement keyword: it starts one where an
				// operand has just ended
				if !operand && p.startsStatement(i) {
					return i
				}
			} else if p.clauseStops(i) {
				return i
			}
		}
		switch {
		case t.cls&cValue != 0:
			operand = false
		case operatorWord(t.kw):
			operand = true
		case t.cls != 0:
			operand = true
		default:
			operand = false
		}
		i++
	}
	return i
}

// operatorWord reports whether a keyword joins or prefixes operands.
func operatorWord(k kw) bool {
	switch k {
	case kAnd, kOr, kNot, kIn, kIs, kLike, kAs, kBy, kOn, kAll, kDistinct, kExists, kCase, kInterval, kUsing, kOf, kTop, kDefault:
		return true
	}
	return false
}

// exprName reads a name in an expression (a column, a variable, a
// function call) at i.
func (p *parser) exprName(i, hi int) int {
	q, j := p.readName(i)
	if j <= i {
		return i + 1
	}
	if q.parts == 1 && len(p.cursors) > 0 && p.isCursor(q.last) {
		p.useCursor(q.last)
		return j
	}
	if m := p.matchAt(j); m > 0 && m <= hi {
		if !(p.isWord(i-2, "pipe") && p.kwAt(i-1) == kRow) && !(p.punctAt(i-1, '(') && p.isWord(i-3, "pipe") && p.kwAt(i-2) == kRow) {
			// (PIPE ROW (t(...)) constructs the row's object type)
			p.exprCall(q, i)
		}
	}
	return j
}

// exprCall records a function call in an expression when it calls an
// application routine.
func (p *parser) exprCall(q qname, i int) {
	if q.kind != nameTable {
		return
	}
	if q.parts == 1 {
		// T-SQL requires a schema for user functions; elsewhere a name
		// that is not a built-in, a variable or a local subprogram is a
		// routine.
		t := p.tk(q.last)
		if p.d == TSQL || p.inSet(builtins, q.last) || p.isLocalTok(q.last) || lookupKeyword(p.src[t.pos:t.end]).id != 0 {
			return
		}
	} else if p.inSet(methodNames, q.last) {
		return
	}
	p.call(q, i)
}

// startsStatement reports whether the statement keyword at i begins a
// statement (rather than being part of the one around it).
func (p *parser) startsStatement(i int) bool {
	t := p.tk(i)
	prev := p.tk(i - 1).kw
	nx := p.tk(i + 1)
	switch t.kw {
	case kUpdate:
		return nx.kind != tPunct && prev != kFor && prev != kKey && prev != kOr && prev != kOn && prev != kDo && prev != kThen
	case kInsert, kReplace, kTruncate, kMerge:
		return !(nx.kind == tPunct && nx.c == '(') && prev != kThen
	case kDelete:
		return prev != kOn && prev != kThen && prev != kOr && prev != kCommit
	case kSet:
		return prev != kUpdate && prev != kCharacter && prev != kDelete && nx.kw != kNull && nx.kw != kDefault
	case kIf:
		if p.d == MySQL && nx.kind == tPunct && nx.c == '(' {
			return false
		}
		if nx.kw == kExists || nx.kw == kNot && p.kwAt(i+2) == kExists {
			k := i + 2
			if nx.kw == kNot {
				k++
			}
			return p.punctAt(k, '(')
		}
		return true
	case kLock:
		return nx.kw == kTable || p.isWord(i+1, "tables")
	case kStart:
		return nx.kw == kTran || nx.kw == kWith
	case kUse:
		return nx.kw != kIndex && nx.kw != kKey
	case kSave:
		return nx.kw == kTran
	case kExecute:
		return prev != kGrant && prev != kFor
	case kWith:
		return p.isCTE(i)
	case kClose, kOpen, kFetch, kPrint, kCommit, kRollback:
		return true
	}
	return true
}

// clauseStops reports whether a clause keyword at i ends the expression
// (IS DISTINCT FROM does not; LEFT( is a function).
func (p *parser) clauseStops(i int) bool {
	t := p.tk(i)
	switch t.kw {
	case kFrom:
		return p.kwAt(i-1) != kDistinct
	case kLeft, kRight, kFull, kCross, kOuter:
		return p.joinStarts(i)
	case kFor:
		// T-SQL NEXT VALUE FOR sequence
		return !p.isWord(i-1, "value")
	}
	return true
}

// insert reads INSERT, REPLACE or UPSERT at i.
func (p *parser) insert(i, hi int) int {
	j := i + 1
	for j < hi {
		switch p.kwAt(j) {
		case kLowPriority, kDelayed, kIgnore:
			j++
			continue
		case kOr:
			j += 2 // SQLite INSERT OR REPLACE
			continue
		}
		if p.isWord(j, "overwrite") {
			j++
			continue
		}
		break
	}
	if k := p.kwAt(j); k == kAll || k == kFirst {
		return p.insertAll(j+1, hi)
	}
	if p.kwAt(j) == kInto {
		j++
	}
	if p.kwAt(j) == kTable {
		j++
	}
	if m := p.matchAt(j); m > 0 {
		// INSERT INTO (subquery): the view's tables are written
		start := len(p.from)
		p.parens(j+1, m)
		p.from = p.from[:start]
		j = m + 1
	} else {
		q, k := p.readName(j)
		if q.kind == nameNone || !p.nameStart(j) {
			if !p.frag {
				p.diag(p.tk(i).line, "INSERT without a table name")
			}
			return p.skipStmt(j, hi)
		}
		p.write(p.tableName(q), j)
		j = k
	}
	return p.insertRest(j, hi)
}

// insertRest reads what follows the target of an INSERT.
func (p *parser) insertRest(j, hi int) int {
	if p.kwAt(j) == kAs {
		j += 2 // Postgres alias
	}
	if p.kwAt(j) == kWith && p.matchAt(j+1) > 0 {
		j = p.matchAt(j+1) + 1 // T-SQL hints
	}
	if m := p.matchAt(j); m > 0 {
		switch p.kwAt(j + 1) {
		case kSelect, kWith, kValues:
			j = p.query(j, hi)
		default:
			j = m + 1 // the column list
		}
	}
	for j < hi {
		t := p.tk(j)
		switch {
		case t.kw == kOutput:
			j = p.output(j, hi)
		case t.kw == kValues:
			j = p.exprFrom(j+1, hi, stopClause, true)
		case t.kw == kSelect || t.kw == kWith && p.isCTE(j) || t.kind == tPunct && t.c == '(':
			j = p.query(j, hi)
		case t.kw == kDefault:
			j += 2
		case t.kw == kExecute:
			j = p.execute(j, hi)
		case t.kw == kSet || t.kw == kOn || t.kw == kWhere || t.kw == kReturning || t.kw == kDo:
			j = p.exprFrom(j+1, hi, stopClause, true)
		case t.kw == kInto:
			j = p.exprFrom(j+1, hi, stopClause, true)
		default:
			return j
		}
	}
	return j
}

// insertAll reads Oracle INSERT ALL / FIRST: several INTO targets fed by
// one query.
func (p *parser) insertAll(j, hi int) int {
	for j < hi {
		switch p.kwAt(j) {
		case kInto:
			q, k := p.readName(j + 1)
			p.write(p.tableName(q), j+1)
			j = max(k, j+1)
			if m := p.matchAt(j); m > 0 {
				j = m + 1
			}
			if p.kwAt(j) == kValues {
				j = p.exprFrom(j+1, hi, stopClause, true)
			}
		case kWhen:
			j = p.condition(j+1, hi)
		case kElse:
			j++
		case kSelect, kWith:
			return p.query(j, hi)
		default:
			if p.punctAt(j, '(') {
				return p.query(j, hi)
			}
			return j
		}
	}
	return j
}

// output reads a T-SQL OUTPUT clause at i; OUTPUT ... INTO a table writes it.
func (p *parser) output(i, hi int) int {
	j := p.exprFrom(i+1, hi, stopClause, true)
	if p.kwAt(j) != kInto {
		return j
	}
	q, k := p.readName(j + 1)
	p.write(p.tableName(q), j+1)
	j = max(k, j+1)
	if m := p.matchAt(j); m > 0 {
		j = m + 1
	}
	return j
}

// update reads UPDATE at i.
func (p *parser) update(i, hi int) int {
	j := i + 1
	for j < hi {
		switch p.kwAt(j) {
		case kLowPriority, kIgnore, kOnly:
			j++
			continue
		case kTop:
			j++
			if m := p.matchAt(j); m > 0 {
				j = m + 1
			} else {
				j++
			}
			if p.isWord(j, "percent") {
				j++
			}
			continue
		}
		break
	}
	start := len(p.from)
	j = p.fromList(j, hi, true)
	targets := len(p.from)
	if targets == start && !p.frag {
		p.diag(p.tk(i).line, "UPDATE without a table name")
	}
	var quals []int
	for j < hi {
		switch p.kwAt(j) {
		case kSet:
			end := p.exprFrom(j+1, hi, stopClause, true)
			quals = p.setQualifiers(j+1, end)
			j = end
			continue
		case kOutput:
			j = p.output(j, hi)
			continue
		case kFrom:
			j = p.fromList(j+1, hi, true)
			continue
		case kWhere, kReturning, kOrder, kLimit, kOption:
			j = p.exprFrom(j+1, hi, stopClause, true)
			continue
		}
		break
	}
	p.resolveTargets(start, targets, quals)
	p.from = p.from[:start]
	return j
}

// setQualifiers returns the qualifiers of the assigned columns of a SET
// list (lo, hi): "o" for "SET o.status = ...".
func (p *parser) setQualifiers(lo, hi int) []int {
	var quals []int
	first := true
	for k := lo; k < hi; k++ {
		if m := p.matchAt(k); m > 0 {
			k = m
			first = false
			continue
		}
		if p.punctAt(k, ',') {
			first = true
			continue
		}
		if first && (p.tk(k).kind == tIdent || p.tk(k).kind == tQIdent) && p.punctAt(k+1, '.') {
			quals = append(quals, k)
		}
		first = false
	}
	return quals
}

// resolveTargets emits the accesses of an UPDATE or DELETE: the entries
// from start to targets name what is written (directly, or through an
// alias or name of the later FROM/USING entries), the other entries are
// read.
func (p *parser) resolveTargets(start, targets int, quals []int) {
	ts := p.from[start:targets]
	others := p.from[targets:]
	if len(others) == 0 {
		real := 0
		for _, t := range ts {
			if t.name != "" {
				real++
			}
		}
		written := false
		for k := range ts {
			t := &ts[k]
			if t.name == "" {
				continue
			}
			w := false
			if real == 1 || len(quals) == 0 {
				w = !written
			} else {
				for _, q := range quals {
					if p.sameWord(q, t.alias) || p.sameWord(q, t.raw) {
						w = true
					}
				}
			}
			if w {
				written = true
				p.writeL(t.name, t.line)
			} else {
				p.readL(t.name, t.line)
			}
		}
		return
	}
	for _, t := range ts {
		if t.raw < 0 {
			continue
		}
		found := false
		for k := range others {
			o := &others[k]
			if p.sameWord(o.alias, t.raw) || o.name != "" && t.name != "" && o.name == t.name {
				if o.name != "" {
					p.writeL(o.name, t.line)
				}
				o.used, found = true, true
				break
			}
		}
		if !found && t.name != "" {
			p.writeL(t.name, t.line)
		}
	}
	for k := range others {
		if o := &others[k]; !o.used && o.name != "" {
			p.readL(o.name, o.line)
		}
	}
}

// delete reads DELETE at i.
func (p *parser) delete(i, hi int) int {
	j := i + 1
	for j < hi {
		switch p.kwAt(j) {
		case kLowPriority, kQuick, kIgnore:
			j++
			continue
		case kTop:
			j++
			if m := p.matchAt(j); m > 0 {
				j = m + 1
			} else {
				j++
			}
			if p.isWord(j, "percent") {
				j++
			}
			continue
		}
		break
	}
	if p.kwAt(j) == kFrom {
		j++
	}
	start := len(p.from)
	j = p.fromList(j, hi, true)
	targets := len(p.from)
	if targets == start && !p.frag {
		p.diag(p.tk(i).line, "DELETE without a table name")
	}
	for j < hi {
		switch p.kwAt(j) {
		case kOutput:
			j = p.output(j, hi)
			continue
		case kFrom, kUsing:
			j = p.fromList(j+1, hi, true)
			continue
		case kWhere, kReturning, kOrder, kLimit, kOption:
			j = p.exprFrom(j+1, hi, stopClause, true)
			continue
		}
		break
	}
	p.resolveTargets(start, targets, nil)
	p.from = p.from[:start]
	return j
}

// merge reads MERGE at i: the target is written, the source read.
func (p *parser) merge(i, hi int) int {
	j := i + 1
	if p.kwAt(j) == kTop {
		j++
		if m := p.matchAt(j); m > 0 {
			j = m + 1
		}
	}
	if p.kwAt(j) == kInto {
		j++
	}
	start := len(p.from)
	j = p.tableRef(j, hi, true)
	if len(p.from) > start {
		e := p.from[start]
		p.writeL(e.name, e.line)
	}
	if p.kwAt(j) == kUsing {
		j = p.tableRef(j+1, hi, false)
	}
	for j < hi {
		switch p.kwAt(j) {
		case kOn, kWhen, kWhere, kOption:
			j = p.exprFrom(j+1, hi, stopClause, true)
			continue
		case kThen:
			j++
			switch p.kwAt(j) {
			case kUpdate:
				j++
				if p.kwAt(j) == kSet {
					j = p.exprFrom(j+1, hi, stopClause, true)
				}
			case kDelete:
				j++
			case kInsert:
				j++
				if m := p.matchAt(j); m > 0 {
					j = m + 1
				}
				if p.kwAt(j) == kValues {
					j = p.exprFrom(j+1, hi, stopClause, true)
				} else if p.kwAt(j) == kDefault {
					j += 2
				}
			case kDo:
				j += 2
			}
			continue
		case kDelete:
			j++ // Oracle: UPDATE SET ... DELETE WHERE ...
			continue
		case kOutput:
			j = p.output(j, hi)
			continue
		}
		break
	}
	p.from = p.from[:start]
	return j
}

// truncate reads TRUNCATE [TABLE] names.
func (p *parser) truncate(i, hi int) int {
	j := i + 1
	if p.kwAt(j) == kTable {
		j++
	}
	for j < hi {
		if p.kwAt(j) == kOnly {
			j++
		}
		q, k := p.readName(j)
		if q.kind == nameNone {
			break
		}
		p.write(p.tableName(q), j)
		j = k
		if !p.punctAt(j, ',') {
			break
		}
		j++
	}
	return p.skipDDL(j, hi)
}
