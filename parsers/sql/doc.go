// Package sql extracts from SQL text what it declares (tables, views,
// foreign keys, procedures, functions, triggers, Oracle packages) and what
// it touches (the tables it reads and writes, the routines it calls), in
// the five dialects a monolith is likely to hold: PostgreSQL (and
// PL/pgSQL), MySQL, Oracle (and PL/SQL), SQL Server (T-SQL) and plain
// ANSI SQL.
//
// It serves two callers. The parsers driver hands it whole .sql files
// (schemas, migrations, stored-procedure scripts; see Parser). The
// extractors of application code hand it the SQL they find in string
// literals and concatenations (Options.Fragment), possibly incomplete,
// with the parts known only at run time replaced by __dyn__.
//
// # Approach
//
// There is no grammar and no syntax tree. A hand-written tokenizer makes
// one pass over the text (comments, strings in all their quotings, quoted
// identifiers, batch separators) and matches parentheses; a recursive
// scanner then walks the tokens once, statement by statement. It knows
// where a statement puts table names (after FROM, JOIN, INTO, UPDATE,
// USING, MERGE, TRUNCATE, REFERENCES, APPLY ...), which of them are
// written, and where a statement can end; between those places it only
// looks for subqueries and function calls. Anything it does not
// recognise is skipped up to the next place it does, so SQL it has never
// seen costs at most that statement's facts, never the file's. It uses no
// regular expressions, copies no text except the names it emits, and runs
// in time linear in the text (nesting deeper than 200 levels is skipped
// with a diagnostic).
//
// # Statements and bodies
//
// Statements end at ";", at a T-SQL GO line, at a lone "/" line (Oracle
// SQL*Plus) and at the delimiter a MySQL DELIMITER line sets. T-SQL
// statements may also end without any of these: a statement keyword where
// an expression has just ended starts the next statement.
//
// The body of a routine is read where the dialect puts it: a T-SQL body
// runs from AS to the end of its batch; a PL/SQL, MySQL or SQL-standard
// body is a block, from its declarations through BEGIN to the END that
// closes it (END IF, END LOOP, END CASE and END name are told apart); a
// PostgreSQL body is a string (AS $$...$$ or AS '...') whose content is
// read as SQL when the routine's LANGUAGE is sql or plpgsql. Every access
// in a body is attributed to its routine (DataRef.Routine). Oracle package
// bodies declare their routines as "package.name"; an unqualified call
// from one package routine to another names the callee "package.name".
// Local subprograms (a PROCEDURE declared inside a routine) are part of
// their routine: their accesses are its accesses, and calling them is not
// a call.
//
// DROP PROCEDURE and DROP FUNCTION are routines with Dropped set: a
// migration history defines, alters and drops the same routine over the
// years, and package graph keeps only what the newest script says.
//
// Triggers record the table whose writes fire them (Routine.On) and the
// events (insert, update, delete, truncate). A PostgreSQL trigger's
// EXECUTE FUNCTION f() is a call from the trigger to f; the transition
// tables it names (REFERENCING NEW TABLE AS x) are not tables, wherever
// in the text they are read.
//
// A view's query is what the view reads: those tables are in its
// Table.Reads, not in the accesses of the file. Functions a view calls
// are not recorded.
//
// # Names
//
// A name is unquoted (double quotes, [brackets], backquotes),
// lower-cased (quoted PostgreSQL names included: "Order" and order are one
// name here), and keeps its schema when one is written ("dbo.users", "shop.orders"). Database and
// linked-server prefixes are dropped (srv.db.dbo.t is "dbo.t"; db..t is
// "t"), and so is an Oracle @dblink. A called routine is named the same
// way, so "schema.package.proc" is "package.proc".
//
// These are not application tables, and no access to them is emitted:
// common table expressions (in the statement that defines them), T-SQL
// temporary tables (#t, ##t) and table variables (@t), tables the text
// creates as temporary (CREATE TEMP/TEMPORARY TABLE, Oracle GLOBAL
// TEMPORARY TABLE: their rows are private to a session, so they couple
// nothing), the system catalogs (information_schema, sys, pg_catalog,
// mysql, performance_schema, pg_* and sqlite_* tables, Oracle's
// dictionary views and v$ views, dual), and T-SQL's inserted and deleted.
// Calls to the routines the database supplies (built-in functions, type
// constructors, T-SQL system procedures, Oracle's DBMS_ and UTL_
// packages) are not calls either. In T-SQL a user function must be called
// with its schema, so an unqualified call there is always a built-in.
// In PL/SQL, a name declared in the routine (a variable, a collection
// indexed like a call, a local type or subprogram) or as an object type in
// the text (CREATE TYPE) is not a routine, nor is what PIPE ROW (t(...))
// constructs; TABLE(pkg.fn) calls pkg.fn even without parentheses.
//
// # Reads and writes
//
// INSERT, UPDATE, DELETE, MERGE (its target), REPLACE, UPSERT and
// TRUNCATE write; everything a statement names in FROM, JOIN, USING or a
// subquery is read. The target of UPDATE and DELETE is resolved through
// the aliases of their FROM or USING lists (T-SQL UPDATE x ... FROM t x,
// DELETE x FROM t x, MySQL DELETE a, b FROM ...): the target is written,
// not also read. A MySQL multi-table UPDATE writes the tables whose columns
// its SET assigns and reads the others. The upserts (ON CONFLICT DO
// UPDATE, ON DUPLICATE KEY UPDATE, REPLACE INTO, MERGE) write their
// target. An OUTPUT ... INTO table writes that table.
//
// A lock taken for update is a write intent: SELECT ... FOR UPDATE (FOR
// NO KEY UPDATE; FOR UPDATE OF names only the tables named), the T-SQL
// hints UPDLOCK, XLOCK and TABLOCKX, and LOCK TABLE in an exclusive mode
// (MySQL LOCK TABLES ... WRITE) write the locked tables, besides reading
// them. The code that locks a row means to change it, and two components
// that lock the same rows are coupled as writers are. Shared locks (FOR
// SHARE, LOCK IN SHARE MODE) are reads.
//
// SELECT ... INTO creates and fills a table in T-SQL, and in PostgreSQL
// outside a function body: the table is written. In PL/SQL, PL/pgSQL and
// MySQL it assigns variables. CREATE TABLE ... AS query declares the table
// and reads what the query reads.
//
// A cursor's query is read where the cursor is declared; a routine that
// opens a cursor declared outside it (an Oracle package cursor) reads
// those tables too.
//
// # Certain and guessed
//
// An access is certain when the SQL text says it. It is a guess
// (DataRef.Guess) when it comes from SQL built at run time:
//
//   - Dynamic SQL in a routine (EXEC('...'), sp_executesql, EXECUTE
//     IMMEDIATE, PL/pgSQL EXECUTE and format(), OPEN ... FOR a string,
//     MySQL PREPARE): the literal parts are assembled, with variables
//     replaced by the text last assigned to them in the routine (SET @sql
//     = @sql + '...', v := '...', DECLARE @sql ... = '...') and anything
//     else by __dyn__, and the result is read as SQL. Every access from it
//     is a guess: the string may be built differently, or not run, at run
//     time.
//   - A fragment of application code whose statement verb is dynamic
//     ("__dyn__ FROM orders" could be a SELECT or a DELETE), or that is
//     only a tail of a statement (" FROM orders o JOIN ..."): its accesses
//     are guesses.
//
// An object whose name is or contains __dyn__ (FROM __dyn__, FROM
// log___dyn__, FROM __dyn__.orders) is unknown and gives no access. A
// __dyn__ anywhere else (a value, a condition, a column list, a trailing
// clause) cannot change which tables a statement touches or how, so the
// other accesses of the statement stay certain.
//
// # Dialects
//
// With Dialect Auto the dialect is detected from the text before it is
// read: words and forms only one dialect has (GO lines, [names], @vars and
// NVARCHAR for T-SQL; backticks, DELIMITER, AUTO_INCREMENT for MySQL; $$
// strings, :: casts, plpgsql for PostgreSQL; "/" lines, VARCHAR2, q'[..]'
// strings, ELSIF for Oracle) each count for their dialect, and the one with
// the most wins (ANSI when none or a tie). The dialect decides how the
// tokenizer reads #, backslashes and double quotes (MySQL), how a routine
// body ends, whether SELECT INTO writes, whether an unqualified call can
// be a user routine (not in T-SQL), whether a statement can call a
// procedure by its bare name (PL/SQL; T-SQL at the start of a batch), and
// what EXECUTE means (a prepared statement in MySQL, dynamic SQL in
// PL/pgSQL, a call elsewhere).
//
// Liquibase formatted SQL (--liquibase formatted sql, --changeset,
// --rollback) and Flyway migrations are plain SQL here: their directives
// are comments, and rollback statements, being comments, are not read. A
// deployment placeholder before a dot (${schema}.users) is dropped with
// the dot, leaving the table's name; elsewhere a placeholder is unknown,
// like __dyn__. The rows of a pg_dump COPY ... FROM stdin block are
// skipped; COPY t FROM writes t, COPY t TO reads it, and MySQL LOAD DATA
// ... INTO TABLE t writes t.
//
// In SQL from application code, JDBC and ODBC escapes ({call p(?)},
// {? = call f(?)}, {fn ...}, {oj ...}, {d '...'}) read as the SQL inside
// them, and Hibernate's {h-schema} and {h-catalog} placeholders are
// blanks.
//
// # Diagnostics
//
// Malformed text gives a warning diagnostic (Code "syntax") saying what
// could not be read: an unterminated string, comment or quoted name (the
// rest of the text is lost to it), an unclosed parenthesis, a block
// without its END, an INSERT, UPDATE or DELETE without a table. The facts
// read before and around it are kept. In a fragment, text that ends too
// early is expected and gives no diagnostic.
//
// # Known limits
//
//   - Updatable CTEs and views: UPDATE or DELETE of a common table
//     expression (T-SQL WITH x AS (...) DELETE FROM x) writes the table
//     under it, which is not recorded; Oracle UPDATE (subquery) and INSERT
//     INTO (subquery) record the subquery's reads, not the write.
//   - Synonyms and views are not resolved to the tables behind them here:
//     an access to a view is an access to the view (package graph may
//     follow Table.Reads).
//   - Names are compared case-insensitively, so PostgreSQL's "Order" and
//     order, two tables there, are one here.
//   - Dynamic SQL is followed through string variables of one routine,
//     not through parameters, tables of SQL text, or other routines.
//   - In PostgreSQL, MySQL and Oracle an unqualified function call that is
//     not a built-in of any of the five dialects is taken for a call of an
//     application routine; a built-in missing from the list (an extension
//     function) becomes a call the graph will not resolve.
//   - An Oracle object type declared in another file looks like a
//     function where it is constructed (v := point_t(1, 2)): that is taken
//     for a call.
//   - Oracle object type bodies are read as blocks, their accesses
//     attributed to no routine; MySQL events, PostgreSQL rules and
//     policies are not read.
//   - Dialect detection needs evidence: a short text with none is read as
//     ANSI, where T-SQL's #temp names and MySQL's # comments are told apart
//     by what follows the #.
package sql
