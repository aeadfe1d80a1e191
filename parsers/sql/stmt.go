package sql

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// How a list of statements ends.
const (
	modeTop       = iota // at the end of the text
	modeBatch            // a T-SQL body: at the end of the batch
	modeBlock            // a block: at the END that closes it (declarations may come before its BEGIN)
	modeBlockOpen        // the same, its opening word already read
	modeSingle           // after one statement
)

// Stop sets for expressions.
const (
	stopStmt   = cStmt | cBlock          // the end of a statement
	stopClause = cStmt | cBlock | cQuery // the end of a clause of a query
	stopJoin   = stopClause | cJoin | sComma
	sComma     = 1 << 12 // a top-level comma
)

// stmts reads statements from i until the mode says they end, and returns
// the index after the last one.
func (p *parser) stmts(i, hi, mode int) int {
	if !p.enter(i) {
		return hi
	}
	defer p.leave()
	if mode == modeSingle {
		if p.kwAt(i) == kBegin && !p.beginTxn(i) {
			return p.stmts(i, hi, modeBlock)
		}
		j := p.stmt(i, hi)
		if j <= i {
			j = i + 1
		}
		if p.punctAt(j, ';') {
			j++
		}
		return j
	}
	depth := 0
	if mode == modeBlockOpen {
		depth = 1
	}
	for i < hi {
		t := &p.toks[i]
		switch {
		case t.kind == tSep:
			if mode == modeTop {
				i++
				depth = 0
				continue
			}
			if mode != modeBatch && depth > 0 {
				p.diag(t.line, "block not closed (END missing) before the end of the batch")
			}
			return i
		case t.kind == tPunct && t.c == ';':
			i++
			continue
		case t.kw == kBegin && !p.beginTxn(i):
			depth++
			i++
			if k := p.kwAt(i); k == kTry || k == kCatch || k == kAtomic {
				i++
			}
			continue
		case t.kw == kEnd:
			var closes bool
			i, closes = p.end(i, hi)
			if closes {
				depth--
				if depth <= 0 && (mode == modeBlock || mode == modeBlockOpen) {
					if p.punctAt(i, ';') {
						i++
					}
					return i
				}
				if depth < 0 {
					depth = 0
				}
			}
			continue
		case (t.kw == kCreate || t.kw == kAlter) && mode == modeBatch && depth == 0 && p.createsModule(i):
			// A T-SQL body runs to the end of its batch; a script that
			// forgot the GO starts the next module here.
			return i
		}
		p.stmtGuess = false
		j := p.stmt(i, hi)
		if j <= i {
			j = i + 1
		}
		i = j
	}
	if mode == modeBlock || mode == modeBlockOpen {
		p.diag(p.tk(hi-1).line, "block not closed (END missing) at the end of the text")
	}
	return i
}

// beginTxn reports whether BEGIN at i starts a transaction, not a block.
func (p *parser) beginTxn(i int) bool {
	nx := p.tk(i + 1)
	switch nx.kw {
	case kTran, kWork, kDistributed, kIsolation, kImmediate:
		return true
	}
	if nx.kind == tSep || nx.kind == tEOF || nx.kind == tPunct && nx.c == ';' {
		return true
	}
	return p.isWord(i+1, "deferred") || p.isWord(i+1, "exclusive") || p.isWord(i+1, "dialog") || p.isWord(i+1, "conversation")
}

// end reads END at i with what closes a construct (END IF, END LOOP, END
// name, END TRY); closes says whether it closes a block.
func (p *parser) end(i, hi int) (int, bool) {
	nx := p.tk(i + 1)
	if i+1 >= hi {
		return i + 1, true
	}
	switch nx.kw {
	case kIf, kLoop, kWhile, kRepeat, kCase, kFor:
		if p.d != TSQL && nx.line == p.toks[i].line {
			return i + 2, false
		}
	case kTry, kCatch:
		return i + 2, true
	case kBefore, kAfter, kInstead:
		// END BEFORE EACH ROW (a timing point of an Oracle compound trigger)
		j := i + 1
		for j < hi && !p.punctAt(j, ';') && p.tk(j).kind != tSep {
			j++
		}
		return j, true
	}
	if (nx.kind == tIdent && nx.kw == 0 || nx.kind == tQIdent) && nx.line == p.toks[i].line {
		if a := p.tk(i + 2); a.kind == tSep || a.kind == tEOF || a.kind == tPunct && a.c == ';' || i+2 >= hi {
			return i + 2, true
		}
	}
	return i + 1, true
}

// createsModule reports whether a CREATE or ALTER at i creates a
// procedure, function, trigger or view.
func (p *parser) createsModule(i int) bool {
	for j := i + 1; j < i+4; j++ {
		switch p.kwAt(j) {
		case kProcedure, kFunction, kTrigger, kView:
			return true
		case kOr, kAlter, kReplace:
			continue
		}
		return false
	}
	return false
}

// skipStmt skips the rest of a statement from i, reading subqueries.
func (p *parser) skipStmt(i, hi int) int { return p.exprFrom(i, hi, stopStmt, false) }

// stmt reads one statement at i and returns the index after it.
func (p *parser) stmt(i, hi int) int {
	t := p.tk(i)
	switch t.kind {
	case tSep, tEOF:
		return i + 1
	case tPunct:
		switch {
		case t.c == '(':
			return p.query(i, hi)
		case t.c == '<' && p.punctAt(i+1, '<'):
			// <<label>>
			j := i + 2
			for j < hi && j < i+6 && !p.punctAt(j, '>') {
				j++
			}
			for p.punctAt(j, '>') {
				j++
			}
			return j
		}
		return i + 1
	case tVar:
		return p.skipStmt(i, hi)
	case tString, tNumber, tCast, tAssign, tTemp:
		return p.skipStmt(i+1, hi)
	case tIdent:
		if t.kw == 0 {
			if p.frag && strings.Contains(lower(p.text(t)), "__dyn__") {
				// The verb is built at run time: whatever the rest
				// touches, how it touches it is a guess.
				p.stmtGuess = true
				start := len(p.from)
				j := p.selectClauses(p.exprFrom(i+1, hi, stopClause, false), hi, start)
				p.from = p.from[:start]
				return j
			}
			return p.identStmt(i, hi)
		}
	case tQIdent:
		return p.identStmt(i, hi)
	}
	switch t.kw {
	case kSelect, kPerform, kValues:
		return p.query(i, hi)
	case kTable:
		if p.nameStart(i + 1) {
			return p.query(i, hi) // Postgres TABLE name
		}
	case kWith:
		if !p.isCTE(i) {
			return p.skipStmt(i+1, hi)
		}
		save := len(p.ctes)
		j := p.withClause(i, hi)
		j = p.stmt(j, hi)
		p.ctes = p.ctes[:save]
		return j
	case kInsert, kUpsert:
		return p.insert(i, hi)
	case kReplace:
		if p.punctAt(i+1, '(') {
			return p.skipStmt(i, hi)
		}
		return p.insert(i, hi)
	case kUpdate:
		return p.update(i, hi)
	case kDelete:
		return p.delete(i, hi)
	case kMerge:
		return p.merge(i, hi)
	case kTruncate:
		return p.truncate(i, hi)
	case kExecute, kCall:
		return p.execute(i, hi)
	case kCreate, kAlter:
		return p.create(i, hi)
	case kDrop:
		p.dropRoutine(i)
		return p.skipDDL(i+1, hi)
	case kGrant, kRevoke, kDeny, kUse:
		return p.skipDDL(i+1, hi)
	case kDeclare:
		return p.declare(i, hi)
	case kSet:
		return p.set(i, hi)
	case kIf:
		if p.d == MySQL && p.punctAt(i+1, '(') && p.tk(p.matchAt(i+1)+1).kw != kThen {
			return p.skipStmt(i, hi)
		}
		return p.condition(i+1, hi)
	case kWhile, kElsif, kElseIf, kWhen, kUntil:
		return p.condition(i+1, hi)
	case kFor, kForall:
		j := p.exprFrom(i+1, hi, stopStmt, true)
		if p.kwAt(j) == kLoop {
			j++
		}
		return j
	case kDo:
		// Postgres DO [LANGUAGE x] 'body': an anonymous block
		j := i + 1
		if p.kwAt(j) == kLanguage {
			j += 2
		}
		if t := p.tk(j); t.kind == tString {
			p.bodyString(j)
			return p.skipStmt(j+1, hi)
		}
		return i + 1
	case kElse, kThen, kLoop, kException, kRepeat, kBegin, kEnd:
		return i + 1
	case kCase:
		// a CASE statement: its selector, then WHEN ... THEN statements
		return p.exprFrom(i+1, hi, stopStmt, true)
	case kReturn:
		return p.exprFrom(i+1, hi, stopStmt, false)
	case kOpen:
		return p.open(i, hi)
	case kPrepare:
		return p.prepare(i, hi)
	case kLock:
		return p.lock(i, hi)
	case kProcedure, kFunction:
		if p.routine >= 0 || p.pkg != "" || p.d == Oracle {
			return p.subprogram(i, hi)
		}
		return p.skipStmt(i+1, hi)
	case kCursor:
		// Oracle CURSOR c [(params)] IS query
		j := i + 2
		if m := p.matchAt(j); m > 0 {
			j = m + 1
		}
		if k := p.kwAt(j); k == kIs || k == kFor {
			j++
		}
		return p.cursor(p.word(i+1), j, hi)
	case kType, kSubtype:
		if p.routine >= 0 || p.pkg != "" {
			p.addLocal(p.word(i + 1))
		}
		return p.skipDDL(i+1, hi)
	case kPragma:
		return p.skipDDL(i+1, hi)
	case kFrom:
		if p.frag {
			// A piece of a query without its verb.
			p.stmtGuess = true
			start := len(p.from)
			j := p.selectClauses(i, hi, start)
			p.from = p.from[:start]
			return j
		}
	}
	return p.skipStmt(i+1, hi)
}

// condition reads the condition of IF, WHILE, ELSIF, WHEN, UNTIL from i and
// the THEN, LOOP or DO after it.
func (p *parser) condition(i, hi int) int {
	j := p.exprFrom(i, hi, stopStmt|cDo, true)
	switch p.kwAt(j) {
	case kThen, kLoop, kDo:
		j++
	}
	return j
}

// identStmt reads a statement that starts with a name: a label, an
// assignment, a declaration, or (PL/SQL) a procedure call.
func (p *parser) identStmt(i, hi int) int {
	if p.isWord(i, "copy") && p.nameStart(i+1) {
		return p.copyStmt(i, hi)
	}
	if p.isWord(i, "load") && p.isWord(i+1, "data") {
		// MySQL LOAD DATA [LOCAL] INFILE 'f' [REPLACE|IGNORE] INTO TABLE t
		j := p.skipTo(i+2, hi, kInto)
		if p.kwAt(j) == kInto && p.kwAt(j+1) == kTable {
			q, _ := p.readName(j + 2)
			p.write(p.tableName(q), j+2)
		}
		return p.skipDDL(j, hi)
	}
	q, j := p.readName(i)
	nx := p.tk(j)
	switch {
	case nx.kind == tPunct && nx.c == ':' && q.parts == 1:
		return j + 1 // label
	case nx.kind == tAssign || nx.kind == tPunct && nx.c == '=' && p.routine >= 0 && p.d != TSQL:
		end := p.exprFrom(j+1, hi, stopStmt, true)
		p.assign(q.lastName(), j+1, end)
		return end
	}
	if q.parts > 0 && p.callsByName(i) && !(q.parts == 1 && (p.inSet(builtins, q.last) || p.isCursor(q.last))) {
		if m := p.matchAt(j); m > 0 {
			if a := p.tk(m + 1); a.kind != tAssign && !(a.kind == tPunct && a.c == '.') {
				if !p.isLocal(q.full()) {
					p.call(q, i)
				}
				p.exprFrom(j+1, m, 0, true)
				return p.exprFrom(m+1, hi, stopStmt, false)
			}
		} else if nx.kind == tSep || nx.kind == tEOF || nx.kind == tPunct && nx.c == ';' || p.d == TSQL && (nx.kind == tVar || nx.kind == tString || nx.kind == tNumber) {
			if !p.isLocal(q.full()) {
				p.call(q, i)
			}
			return p.skipStmt(j, hi)
		}
	}
	if q.parts == 1 && nx.kw == kCursor {
		// T-SQL, MySQL: DECLARE c CURSOR [options] FOR query
		k := j + 1
		for k < hi && p.kwAt(k) != kFor && p.tk(k).kind == tIdent {
			k++
		}
		if p.kwAt(k) == kFor {
			k++
		}
		return p.cursor(q.lastName(), k, hi)
	}
	if q.parts == 1 && (nx.kind == tIdent || nx.kind == tQIdent) {
		// A declaration: name type ... The type is no routine either
		// (v t_tab := t_tab() constructs a collection).
		p.addLocal(q.lastName())
		if ty, _ := p.readName(j); ty.parts == 1 && ty.kind == nameTable {
			p.addLocal(ty.lastName())
		}
	}
	return p.skipStmt(j, hi)
}

// copyStmt reads PostgreSQL COPY table [(cols)] FROM ... (a write) or TO
// ... (a read); COPY (query) TO ... reads what the query reads.
func (p *parser) copyStmt(i, hi int) int {
	j := i + 1
	if m := p.matchAt(j); m > 0 {
		p.parens(j+1, m)
		return p.skipDDL(m+1, hi)
	}
	q, k := p.readName(j)
	name := p.tableName(q)
	if m := p.matchAt(k); m > 0 {
		k = m + 1
	}
	switch {
	case p.kwAt(k) == kFrom:
		p.write(name, j)
	case p.isWord(k, "to"):
		p.read(name, j)
	}
	return p.skipDDL(k, hi)
}

// callsByName reports whether a statement that starts with a name at i can
// be a procedure call: in PL/SQL always; in T-SQL as the first statement of
// a batch.
func (p *parser) callsByName(i int) bool {
	switch p.d {
	case Oracle:
		return true
	case TSQL:
		return i == 0 || p.toks[i-1].kind == tSep
	}
	return false
}

// declare reads DECLARE: T-SQL variables (with initial values), or the
// start of a declaration section (PL/SQL, MySQL): the declarations follow
// as statements of their own.
func (p *parser) declare(i, hi int) int {
	j := i + 1
	if p.tk(j).kind != tVar {
		return j
	}
	for {
		name := p.word(j)
		// @name [AS] type [= value]
		k := j + 1
		for k < hi {
			t := p.tk(k)
			if t.kind == tPunct && (t.c == '=' || t.c == ',' || t.c == ';') || t.kind == tSep || t.kind == tEOF {
				break
			}
			if m := p.matchAt(k); m > 0 {
				k = m + 1
				continue
			}
			if t.kind == tIdent && t.cls&(cStmt|cBlock) != 0 && t.kw != kSet && t.kw != kCursor {
				break
			}
			if t.kw == kCursor {
				// DECLARE c CURSOR FOR query
				for k < hi && p.kwAt(k) != kFor && p.tk(k).kind == tIdent {
					k++
				}
				if p.kwAt(k) == kFor {
					k++
				}
				return p.cursor(name, k, hi)
			}
			k++
		}
		if p.punctAt(k, '=') {
			end := p.exprFrom(k+1, hi, stopStmt|sComma, true)
			p.assign(name, k+1, end)
			k = end
		}
		if p.punctAt(k, ',') && p.tk(k+1).kind == tVar {
			j = k + 1
			continue
		}
		return p.skipStmt(k, hi)
	}
}

// set reads SET: an assignment to a variable, or a session option.
func (p *parser) set(i, hi int) int {
	j := i + 1
	t := p.tk(j)
	if t.kind == tVar || t.kind == tIdent && t.kw == 0 {
		k := j + 1
		if p.punctAt(k, '+') && p.punctAt(k+1, '=') {
			end := p.exprFrom(k+2, hi, stopStmt|sComma, true)
			name := p.word(j)
			if p.vars != nil {
				if old, ok := p.vars[name]; ok {
					text, lit := p.dynText(k+2, end)
					if lit {
						p.vars[name] = capText(old + text)
					}
				}
			}
			return p.skipStmt(end, hi)
		}
		if p.punctAt(k, '=') {
			end := p.exprFrom(k+1, hi, stopStmt|sComma, true)
			p.assign(p.word(j), k+1, end)
			return p.skipStmt(end, hi)
		}
	}
	// A session option (SET NOCOUNT ON, SET TRANSACTION ISOLATION LEVEL
	// ...): it ends with its line.
	line := p.tk(i).line
	for j < hi {
		t := p.tk(j)
		if t.line != line || t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' ||
			t.cls&cStmt != 0 && p.startsStatement(j) {
			return j
		}
		j++
	}
	return j
}

// open reads OPEN cursor [FOR query | FOR dynamic-sql].
func (p *parser) open(i, hi int) int {
	j := i + 1
	for j < hi && j < i+4 && p.kwAt(j) != kFor {
		if t := p.tk(j); t.kind == tSep || t.kind == tPunct && t.c == ';' {
			return j
		}
		j++
	}
	if p.kwAt(j) != kFor {
		p.useCursor(i + 1)
		return p.skipStmt(i+1, hi)
	}
	switch p.kwAt(j + 1) {
	case kSelect, kWith:
		return p.query(j+1, hi)
	}
	if p.punctAt(j+1, '(') {
		return p.query(j+1, hi)
	}
	return p.dynamic(j+1, hi)
}

// prepare reads MySQL PREPARE name FROM text.
func (p *parser) prepare(i, hi int) int {
	j := i + 2
	if p.kwAt(j) == kFrom {
		return p.dynamic(j+1, hi)
	}
	return p.skipStmt(i+1, hi)
}

// lock reads LOCK TABLE(S): an exclusive lock is a write intent, a shared
// one a read.
func (p *parser) lock(i, hi int) int {
	j := i + 1
	if !p.isWord(j, "tables") && p.kwAt(j) != kTable {
		return p.skipStmt(i+1, hi)
	}
	j++
	type locked struct {
		name string
		at   int
	}
	var names []locked
	mode := ""
	for j < hi {
		t := p.tk(j)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			break
		}
		switch {
		case t.kind == tPunct && t.c == ',':
			j++
			continue
		case t.kw == kIn:
			// IN mode MODE
			k := j + 1
			for k < hi && !p.isWord(k, "mode") && p.tk(k).kind == tIdent {
				if p.isWord(k, "exclusive") {
					mode = "write"
				} else if mode == "" {
					mode = "read"
				}
				k++
			}
			j = k + 1
			continue
		case p.isWord(j, "read"):
			if len(names) > 0 && names[len(names)-1].name != "" {
				p.read(names[len(names)-1].name, names[len(names)-1].at)
				names[len(names)-1].name = ""
			}
			j++
			continue
		case p.isWord(j, "write"):
			if len(names) > 0 && names[len(names)-1].name != "" {
				p.write(names[len(names)-1].name, names[len(names)-1].at)
				names[len(names)-1].name = ""
			}
			j++
			continue
		case t.kind == tIdent && t.kw == 0 || t.kind == tQIdent:
			if len(names) > 0 && p.tk(j-1).kind != tPunct {
				j++ // an alias, NOWAIT, LOCAL ...
				continue
			}
			q, k := p.readName(j)
			names = append(names, locked{p.tableName(q), j})
			j = k
			continue
		}
		j++
	}
	for _, n := range names {
		if n.name == "" {
			continue
		}
		if mode == "read" {
			p.read(n.name, n.at)
		} else {
			p.write(n.name, n.at)
		}
	}
	return j
}

// execute reads EXEC, EXECUTE or CALL: a procedure call, or dynamic SQL.
func (p *parser) execute(i, hi int) int {
	isCall := p.kwAt(i) == kCall
	j := i + 1
	t := p.tk(j)
	if !isCall {
		switch {
		case t.kw == kImmediate:
			return p.dynamic(j+1, hi)
		case t.kw == kAs:
			return p.skipStmt(j+1, hi)
		case t.kind == tPunct && t.c == '(':
			// EXEC ('...' + @x)
			if m := p.matchAt(j); m > 0 {
				p.dynamic(j+1, m)
				return p.skipStmt(m+1, hi)
			}
			return p.skipStmt(j+1, hi)
		case t.kind == tVar:
			if p.punctAt(j+1, '=') {
				j += 2 // EXEC @rc = proc
				t = p.tk(j)
			} else {
				return p.dynamic(j, hi) // EXEC @sql
			}
		case t.kind == tString:
			return p.dynamic(j, hi)
		case p.d == Postgres:
			// PL/pgSQL EXECUTE runs a string
			return p.dynamic(j, hi)
		case p.d == MySQL:
			// EXECUTE runs a prepared statement (read at its PREPARE)
			return p.skipStmt(j, hi)
		}
	}
	if t.kind != tQIdent && !(t.kind == tIdent && t.kw == 0) {
		return p.skipStmt(j, hi)
	}
	q, k := p.readName(j)
	if p.eqFold(q.last, "sp_executesql") {
		return p.dynamic(k, hi)
	}
	p.call(q, j)
	if m := p.matchAt(k); m > 0 {
		p.exprFrom(k+1, m, 0, true)
		k = m + 1
	}
	return p.exprFrom(k, hi, stopStmt, false)
}

// create reads CREATE or ALTER.
func (p *parser) create(i, hi int) int {
	alter := p.kwAt(i) == kAlter
	temp := false
	j := i + 1
	for n := 0; n < 16 && j < hi; n++ {
		t := p.tk(j)
		switch t.kw {
		case kOr:
			j += 2 // OR REPLACE, OR ALTER
			continue
		case kTemp:
			temp = true
			j++
			continue
		case kGlobal:
			temp = true // Oracle GLOBAL TEMPORARY; Postgres GLOBAL TEMP
			j++
			continue
		case kDefiner:
			// DEFINER = user@host, DEFINER = CURRENT_USER
			j++
			if p.punctAt(j, '=') {
				j++
			}
			for j < hi && (p.tk(j).kw == 0 || p.tk(j).cls&cValue != 0) && p.tk(j).kind != tSep && !p.punctAt(j, ';') {
				j++
			}
			continue
		case kAlgorithm:
			j++
			if p.punctAt(j, '=') {
				j++
			}
			j++
			continue
		case kSecurity:
			j += 2 // SQL SECURITY DEFINER|INVOKER
			continue
		case kEdition, kForce, kUnique, kMaterialized, kRecursive, kUnlogged, kConstraint, kNot, kOnly:
			j++
			continue
		case kTable:
			if alter {
				return p.alterTable(j+1, hi)
			}
			return p.createTable(i, j+1, hi, temp)
		case kView:
			return p.createView(i, j+1, hi, temp)
		case kProcedure:
			return p.routineDecl(i, j+1, hi, facts.Procedure, alter)
		case kFunction:
			return p.routineDecl(i, j+1, hi, facts.Function, alter)
		case kTrigger:
			return p.trigger(i, j+1, hi, alter)
		case kPackage:
			body := p.kwAt(j+1) == kBody
			if body {
				j++
			}
			return p.pkgDecl(i, j+1, hi, body)
		case kType:
			if p.kwAt(j+1) == kBody {
				// an Oracle object type body: its methods are blocks
				k := p.skipTo(j+2, hi, kIs, kAs)
				if p.kwAt(k) == kIs || p.kwAt(k) == kAs {
					return p.stmts(k+1, hi, modeBlock)
				}
				return k
			}
			// An object type: calling its name constructs a value, it
			// calls no routine.
			if q, _ := p.readName(j + 1); q.kind == nameTable {
				p.addLocal(q.lastName())
			}
			return p.skipDDL(j+1, hi)
		case kNone:
			if t.kind == tIdent && (p.isWord(j, "sql") || p.isWord(j, "clustered") || p.isWord(j, "nonclustered") ||
				p.isWord(j, "noforce") || p.isWord(j, "local") || p.isWord(j, "secure") || p.isWord(j, "fulltext") ||
				p.isWord(j, "spatial") || p.isWord(j, "bitmap") || p.isWord(j, "nonunique")) {
				j++
				continue
			}
		}
		break
	}
	return p.skipDDL(j, hi)
}

// skipTo returns the index of the first of the keywords at the top level
// of the statement from i, or where the statement ends.
func (p *parser) skipTo(i, hi int, kws ...kw) int {
	for i < hi {
		t := p.tk(i)
		if t.kind == tSep || t.kind == tPunct && t.c == ';' {
			return i
		}
		for _, k := range kws {
			if t.kw == k {
				return i
			}
		}
		if m := p.matchAt(i); m > 0 {
			i = m + 1
			continue
		}
		i++
	}
	return i
}

// params records the parameter names in a parameter list (lo, hi) as
// locals.
func (p *parser) params(lo, hi int) {
	start := true
	for k := lo; k < hi; k++ {
		t := p.tk(k)
		if m := p.matchAt(k); m > 0 {
			k = m
			continue
		}
		if t.kind == tPunct && t.c == ',' {
			start = true
			continue
		}
		if !start {
			continue
		}
		if t.kind == tIdent && (t.kw == kIn || p.isWord(k, "out") || p.isWord(k, "inout") || p.isWord(k, "variadic")) {
			continue
		}
		if t.kind == tIdent || t.kind == tQIdent {
			p.addLocal(p.word(k))
		}
		start = false
	}
}

// routine reads CREATE PROCEDURE or FUNCTION from the name at i.
func (p *parser) routineDecl(create, i, hi int, kind facts.RoutineKind, alter bool) int {
	q, j := p.readName(i)
	if q.kind == nameDyn || q.full() == "" {
		return p.skipStmt(i, hi)
	}
	if alter && p.isWord(j, "compile") {
		return p.skipStmt(j, hi)
	}
	r := p.addRoutine(q.full(), kind, create)
	saved := p.enterRoutine(r)
	defer p.leaveRoutine(saved)
	if m := p.matchAt(j); m > 0 {
		p.params(j+1, m)
		j = m + 1
	}
	bodyStr := -1
	lang := ""
	for j < hi {
		t := p.tk(j)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			break
		}
		switch {
		case t.kind == tString:
			if p.kwAt(j-1) == kAs && bodyStr < 0 {
				bodyStr = j
			}
		case t.kw == kAs || t.kw == kIs:
			prev := p.tk(j - 1)
			if prev.kind == tVar || prev.kw == kExecute {
				break // T-SQL "@p AS type", "WITH EXECUTE AS OWNER"
			}
			nx := p.tk(j + 1)
			if nx.kind == tString {
				break
			}
			if nx.kw == kLanguage || p.isWord(j+1, "external") {
				return p.endRoutineAt(r, p.skipStmt(j+1, hi))
			}
			if p.d == TSQL {
				return p.endRoutineAt(r, p.stmts(j+1, hi, modeBatch))
			}
			return p.endRoutineAt(r, p.stmts(j+1, hi, modeBlock))
		case t.kw == kBegin:
			return p.endRoutineAt(r, p.stmts(j, hi, modeBlock))
		case t.kw == kReturn && (p.d == MySQL || p.d == Postgres):
			return p.endRoutineAt(r, p.stmts(j, hi, modeSingle))
		case p.d == MySQL && (t.kw == kSelect || t.kw == kInsert || t.kw == kUpdate || t.kw == kDelete ||
			t.kw == kReplace || t.kw == kCall || t.kw == kSet || t.kw == kIf || t.kw == kWhile || t.kw == kDeclare):
			return p.endRoutineAt(r, p.stmts(j, hi, modeSingle))
		case t.kw == kLanguage:
			lang = p.word(j + 1)
			j += 2
			continue
		}
		if m := p.matchAt(j); m > 0 {
			j = m + 1
			continue
		}
		j++
	}
	if bodyStr >= 0 {
		switch lang {
		case "", "sql", "plpgsql":
			p.bodyString(bodyStr)
		}
	}
	p.endRoutine(r, j)
	return j
}

func (p *parser) endRoutineAt(r, i int) int {
	p.endRoutine(r, i)
	return i
}

// bodyString reads a routine body written as a string (Postgres AS $$...$$
// or AS '...') in the current routine.
func (p *parser) bodyString(i int) {
	t := p.tk(i)
	text := p.unquote(t)
	p.subtext(text, t.line, 0, false)
}

// trigger reads CREATE TRIGGER from the name at i.
func (p *parser) trigger(create, i, hi int, alter bool) int {
	q, j := p.readName(i)
	if q.kind == nameDyn || q.full() == "" {
		return p.skipStmt(i, hi)
	}
	r := p.addRoutine(q.full(), facts.Trigger, create)
	saved := p.enterRoutine(r)
	defer p.leaveRoutine(saved)
	afterEach := false
	event := func(e string) {
		for _, x := range p.res.Routines[r].Events {
			if x == e {
				return
			}
		}
		p.res.Routines[r].Events = append(p.res.Routines[r].Events, e)
	}
	for j < hi {
		t := p.tk(j)
		if t.kind == tSep || t.kind == tEOF || t.kind == tPunct && t.c == ';' {
			break
		}
		switch {
		case t.kw == kOn:
			switch p.kwAt(j + 1) {
			case kDatabase, kAll, kSchema:
				j += 2
				continue
			}
			on, k := p.readName(j + 1)
			if on.kind == nameTable {
				p.res.Routines[r].On = on.full()
			}
			j = k
			continue
		case !afterEach && (t.kw == kInsert || t.kw == kUpdate || t.kw == kDelete || t.kw == kTruncate):
			event(lower(p.text(t)))
			j++
			if t.kw == kUpdate && p.kwAt(j) == kOf {
				j++
				for j < hi && p.kwAt(j) != kOn && p.kwAt(j) != kOr && (p.tk(j).kind == tIdent || p.tk(j).kind == tQIdent || p.punctAt(j, ',')) {
					j++
				}
			}
			continue
		case t.kw == kFor:
			if p.kwAt(j+1) == kEach {
				j += 3
				afterEach = true
				continue
			}
			if p.kwAt(j+1) == kRow || p.isWord(j+1, "statement") {
				j += 2
				afterEach = true
				continue
			}
		case t.kw == kReferencing:
			j++
			for j < hi {
				// REFERENCING NEW TABLE AS name: a transition table, which
				// the trigger's function reads as if it were a table.
				if p.kwAt(j) == kTable {
					k := j + 1
					if p.kwAt(k) == kAs {
						k++
					}
					if tt := p.tk(k); tt.kind == tIdent || tt.kind == tQIdent {
						p.transition = append(p.transition, p.word(k))
					}
				}
				switch p.kwAt(j) {
				case kFor, kWhen, kBegin, kDeclare, kExecute, kCall, kCompound:
				default:
					if p.tk(j).kind != tSep && !p.punctAt(j, ';') {
						j++
						continue
					}
				}
				break
			}
			continue
		case t.kw == kWhen:
			if m := p.matchAt(j + 1); m > 0 {
				p.exprFrom(j+2, m, 0, true)
				j = m + 1
				continue
			}
		case t.kw == kFollows || t.kw == kPrecedes:
			_, k := p.readName(j + 1)
			j = max(k, j+1)
			continue
		case t.kw == kExecute:
			// Postgres: EXECUTE FUNCTION|PROCEDURE f(args)
			k := j + 1
			if kk := p.kwAt(k); kk == kFunction || kk == kProcedure {
				k++
			}
			fn, k2 := p.readName(k)
			p.call(fn, k)
			return p.endRoutineAt(r, p.skipStmt(max(k2, k+1), hi))
		case t.kw == kAs:
			if p.tk(j-1).kw == kExecute {
				break
			}
			if p.d == TSQL {
				return p.endRoutineAt(r, p.stmts(j+1, hi, modeBatch))
			}
			return p.endRoutineAt(r, p.stmts(j+1, hi, modeBlock))
		case t.kw == kBegin || t.kw == kDeclare:
			return p.endRoutineAt(r, p.stmts(j, hi, modeBlock))
		case t.kw == kCompound:
			return p.endRoutineAt(r, p.stmts(j+2, hi, modeBlockOpen))
		case t.kw == kCall:
			return p.endRoutineAt(r, p.stmts(j, hi, modeSingle))
		case afterEach && t.cls&cStmt != 0:
			return p.endRoutineAt(r, p.stmts(j, hi, modeSingle))
		}
		j++
	}
	p.endRoutine(r, j)
	return j
}

// pkgDecl reads CREATE PACKAGE [BODY] from the name at i.
func (p *parser) pkgDecl(create, i, hi int, body bool) int {
	q, j := p.readName(i)
	if q.kind == nameDyn || q.full() == "" {
		return p.skipStmt(i, hi)
	}
	r := -1
	for k := range p.res.Routines {
		if p.res.Routines[k].Name == q.full() && p.res.Routines[k].Kind == facts.Package {
			r = k
			break
		}
	}
	if r < 0 {
		r = p.addRoutine(q.full(), facts.Package, create)
	}
	saved := p.enterRoutine(r)
	oldPkg, oldPR, oldMembers := p.pkg, p.pkgRoutine, p.members
	p.pkg, p.pkgRoutine, p.members = q.lastName(), r, nil
	dataStart := len(p.res.Data)
	j = p.skipTo(j, hi, kIs, kAs)
	if k := p.kwAt(j); k == kIs || k == kAs {
		j = p.stmts(j+1, hi, modeBlock)
	}
	// Unqualified calls of the package's own routines name them fully.
	for k := dataStart; k < len(p.res.Data); k++ {
		d := &p.res.Data[k]
		if d.Kind == facts.Calls && !strings.Contains(d.Object, ".") {
			for _, m := range p.members {
				if m == d.Object {
					d.Object = p.pkg + "." + d.Object
					break
				}
			}
		}
	}
	p.endRoutine(r, j)
	p.pkg, p.pkgRoutine, p.members = oldPkg, oldPR, oldMembers
	p.leaveRoutine(saved)
	return j
}

// subprogram reads PROCEDURE or FUNCTION inside PL/SQL: a package member
// (declared in a spec, defined in a body) or a local subprogram.
func (p *parser) subprogram(i, hi int) int {
	kind := facts.Procedure
	if p.kwAt(i) == kFunction {
		kind = facts.Function
	}
	q, j := p.readName(i + 1)
	name := q.lastName()
	if name == "" {
		return p.skipStmt(i+1, hi)
	}
	paramLo, paramHi := -1, -1
	if m := p.matchAt(j); m > 0 {
		paramLo, paramHi = j+1, m
		j = m + 1
	}
	j = p.skipTo(j, hi, kIs, kAs)
	if k := p.kwAt(j); k != kIs && k != kAs {
		// a declaration only (package spec, forward declaration)
		if p.pkg != "" && p.routine == p.pkgRoutine {
			p.members = append(p.members, name)
		}
		return j
	}
	if nx := p.tk(j + 1); nx.kw == kLanguage || p.isWord(j+1, "external") {
		return p.skipStmt(j+1, hi)
	}
	if p.pkg != "" && p.routine == p.pkgRoutine {
		p.members = append(p.members, name)
		r := p.addRoutine(p.pkg+"."+name, kind, i)
		saved := p.enterRoutine(r)
		if paramLo >= 0 {
			p.params(paramLo, paramHi)
		}
		end := p.stmts(j+1, hi, modeBlock)
		p.endRoutine(r, end)
		p.leaveRoutine(saved)
		return end
	}
	// A local subprogram: its accesses are its enclosing routine's, and a
	// call to it is not a call to a stored routine.
	p.addLocal(name)
	if paramLo >= 0 {
		p.params(paramLo, paramHi)
	}
	return p.stmts(j+1, hi, modeBlock)
}

// dropRoutine records a DROP PROCEDURE or DROP FUNCTION [IF EXISTS] name
// at token i as a routine with Dropped set.
func (p *parser) dropRoutine(i int) {
	var kind facts.RoutineKind
	switch p.kwAt(i + 1) {
	case kProcedure:
		kind = facts.Procedure
	case kFunction:
		kind = facts.Function
	default:
		return
	}
	j := i + 2
	if p.kwAt(j) == kIf && p.kwAt(j+1) == kExists {
		j += 2
	}
	q, _ := p.readName(j)
	if q.kind == nameDyn || q.full() == "" {
		return
	}
	line := p.line(i)
	p.res.Routines = append(p.res.Routines, facts.Routine{Name: q.full(), Kind: kind, Line: line, EndLine: line, Dropped: true})
}
