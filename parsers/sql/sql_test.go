package sql

import (
	"slices"
	"strings"
	"testing"
)

// facts renders what Extract found as sorted, de-duplicated lines:
//
//	table t                  view v reads a,b        fk t -> u(c)
//	procedure p              trigger tr on t insert,update
//	reads t   writes t   calls p          (outside any routine)
//	p: reads t                            (inside routine p)
//	reads? t                              (a guess)
func render(res *Result) []string {
	var out []string
	for _, t := range res.Tables {
		s := string(t.Kind) + " " + t.Name
		if len(t.Reads) > 0 {
			s += " reads " + strings.Join(t.Reads, ",")
		}
		out = append(out, s)
		for _, fk := range t.ForeignKeys {
			out = append(out, "fk "+t.Name+" -> "+fk.Table+"("+strings.Join(fk.Columns, ",")+")")
		}
	}
	for _, r := range res.Routines {
		s := string(r.Kind) + " " + r.Name
		if r.Dropped {
			s = "drop " + s
		}
		if r.On != "" || len(r.Events) > 0 {
			s += " on " + r.On + " " + strings.Join(r.Events, ",")
		}
		out = append(out, s)
	}
	for _, d := range res.Data {
		s := string(d.Kind)
		if d.Guess {
			s += "?"
		}
		s += " " + d.Object
		if d.Routine >= 0 {
			s = res.Routines[d.Routine].Name + ": " + s
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type extractCase struct {
	name    string
	dialect Dialect
	frag    bool
	src     string
	want    []string
}

func runCases(t *testing.T, cases []extractCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Extract(c.src, Options{Dialect: c.dialect, Fragment: c.frag})
			got := render(res)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
			for _, d := range res.Diagnostics {
				t.Errorf("unexpected diagnostic line %d: %s", d.Line, d.Message)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	runCases(t, []extractCase{
		{name: "simple", src: "SELECT a FROM t", want: []string{"reads t"}},
		{name: "alias and schema", src: "SELECT o.id FROM sales.orders o, sales.items AS i WHERE i.oid = o.id",
			want: []string{"reads sales.orders", "reads sales.items"}},
		{name: "joins", src: `SELECT * FROM a INNER JOIN b ON b.x = a.x LEFT OUTER JOIN c USING (y)
			RIGHT JOIN d ON 1=1 FULL JOIN e ON true CROSS JOIN f NATURAL JOIN g`,
			want: []string{"reads a", "reads b", "reads c", "reads d", "reads e", "reads f", "reads g"}},
		{name: "subqueries everywhere", src: `SELECT (SELECT max(x) FROM s1), a FROM t
			WHERE b IN (SELECT b FROM s2) AND EXISTS (SELECT 1 FROM s3 WHERE s3.k = t.k)
			GROUP BY a HAVING count(*) > (SELECT count(*) FROM s4) ORDER BY (SELECT 1 FROM s5)`,
			want: []string{"reads t", "reads s1", "reads s2", "reads s3", "reads s4", "reads s5"}},
		{name: "derived table", src: "SELECT x.n FROM (SELECT count(*) n FROM inner_t) x JOIN outer_t o ON true",
			want: []string{"reads inner_t", "reads outer_t"}},
		{name: "parenthesised join", src: "SELECT * FROM (a JOIN b ON a.id = b.id) JOIN c ON c.id = a.id",
			want: []string{"reads a", "reads b", "reads c"}},
		{name: "cte is not a table", src: "WITH x AS (SELECT * FROM base) SELECT * FROM x JOIN other ON true",
			want: []string{"reads base", "reads other"}},
		{name: "recursive cte with columns", src: `WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10)
			SELECT * FROM r`, want: nil},
		{name: "cte shadows a table only in its statement", src: "WITH t AS (SELECT 1) SELECT * FROM t; SELECT * FROM t",
			want: []string{"reads t"}},
		{name: "nested cte in subquery", src: "SELECT * FROM a WHERE x > (WITH m AS (SELECT max(v) v FROM b) SELECT v FROM m)",
			want: []string{"reads a", "reads b"}},
		{name: "set operations", src: "SELECT a FROM t1 UNION ALL SELECT a FROM t2 EXCEPT SELECT a FROM t3 INTERSECT (SELECT a FROM t4)",
			want: []string{"reads t1", "reads t2", "reads t3", "reads t4"}},
		{name: "lateral", dialect: Postgres, src: "SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.x = a.x) l",
			want: []string{"reads a", "reads b"}},
		{name: "cross apply", dialect: TSQL, src: "SELECT * FROM a CROSS APPLY (SELECT TOP 1 * FROM b WHERE b.x = a.x) l OUTER APPLY dbo.fn(a.id) f",
			want: []string{"reads a", "reads b", "calls dbo.fn"}},
		{name: "table-valued function", dialect: Postgres, src: "SELECT * FROM report.monthly(2024) r JOIN generate_series(1, 3) g ON true",
			want: []string{"calls report.monthly"}},
		{name: "function in select list", dialect: Postgres, src: "SELECT price_with_tax(p.price), upper(p.name), count(*) FROM products p",
			want: []string{"reads products", "calls price_with_tax"}},
		{name: "builtins are not calls", dialect: MySQL, src: "SELECT IFNULL(a, 0), DATE_FORMAT(NOW(), '%Y'), CAST(x AS DECIMAL(10,2)), IF(a > 1, 2, 3) FROM t",
			want: []string{"reads t"}},
		{name: "window", src: "SELECT rank() OVER (PARTITION BY d ORDER BY s DESC), lag(s) OVER w FROM emp WINDOW w AS (ORDER BY s)",
			want: []string{"reads emp"}},
		{name: "extract from is not a table", src: "SELECT EXTRACT(YEAR FROM created), SUBSTRING(s FROM 2 FOR 3), TRIM(BOTH 'x' FROM y) FROM t",
			want: []string{"reads t"}},
		{name: "is distinct from", src: "SELECT * FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d",
			want: []string{"reads t"}},
		{name: "quoted names", src: `SELECT * FROM "Sales"."Order Lines" JOIN [dbo].[User] u ON 1=1 JOIN ` + "`crm`.`accounts`" + ` a ON 1=1`,
			dialect: ANSI, want: []string{"reads sales.order lines", "reads dbo.user", "reads crm.accounts"}},
		{name: "database and server prefixes dropped", dialect: TSQL, src: "SELECT * FROM srv.db.dbo.t1 JOIN db..t2 ON 1=1 JOIN db.dbo.t3 ON 1=1",
			want: []string{"reads dbo.t1", "reads t2", "reads dbo.t3"}},
		{name: "oracle dblink", dialect: Oracle, src: "SELECT * FROM hr.emp@remote e", want: []string{"reads hr.emp"}},
		{name: "system catalogs skipped", src: `SELECT * FROM information_schema.tables, pg_catalog.pg_class, pg_tables,
			sys.objects, sysobjects, dual, user_tables, v$session, INFORMATION_SCHEMA.COLUMNS, mysql.user`, want: nil},
		{name: "values", src: "SELECT * FROM (VALUES (1), (2)) v(x) JOIN t ON t.id = v.x", want: []string{"reads t"}},
		{name: "postgres TABLE", dialect: Postgres, src: "TABLE audit", want: []string{"reads audit"}},
		{name: "select into variables", dialect: Oracle, src: "SELECT a INTO v_a FROM t WHERE id = 1", want: []string{"reads t"}},
		{name: "mysql index hints", dialect: MySQL, src: "SELECT * FROM t FORCE INDEX (ix) JOIN u USE INDEX FOR JOIN (iy) ON 1=1",
			want: []string{"reads t", "reads u"}},
		{name: "pivot", dialect: TSQL, src: "SELECT * FROM sales PIVOT (SUM(amt) FOR m IN ([1], [2])) p", want: []string{"reads sales"}},
		{name: "next value for", dialect: TSQL, src: "SELECT NEXT VALUE FOR dbo.seq, a FROM t", want: []string{"reads t"}},
		{name: "keyword-like column names", dialect: TSQL, src: "SELECT [open], [close], status, type FROM prices",
			want: []string{"reads prices"}},
		{name: "empty postgres select list", dialect: Postgres, src: "SELECT FROM t WHERE false", want: []string{"reads t"}},
		{name: "top with ties", dialect: TSQL, src: "SELECT TOP 10 PERCENT WITH TIES * FROM t ORDER BY a", want: []string{"reads t"}},
		{name: "temporal table", dialect: TSQL, src: "SELECT * FROM dbo.t FOR SYSTEM_TIME BETWEEN @a AND @b AS x JOIN dbo.u ON 1=1",
			want: []string{"reads dbo.t", "reads dbo.u"}},
		{name: "oracle flashback", dialect: Oracle, src: "SELECT * FROM t AS OF TIMESTAMP (SYSTIMESTAMP - INTERVAL '1' HOUR) x, u",
			want: []string{"reads t", "reads u"}},
		{name: "oracle table collection", dialect: Oracle, src: "SELECT * FROM TABLE(pkg.fn(1)) x, t WHERE ROWNUM < 10",
			want: []string{"calls pkg.fn", "reads t"}},
		{name: "postgres copy", dialect: Postgres, src: "COPY public.t (a, b) FROM stdin;\n1\tit's\n2\t\\N\n\\.\nCOPY (SELECT * FROM u) TO 'u.csv';\nCOPY v TO STDOUT;",
			want: []string{"writes public.t", "reads u", "reads v"}},
	})
}

func TestLocksAreWriteIntents(t *testing.T) {
	runCases(t, []extractCase{
		{name: "for update", src: "SELECT * FROM a JOIN b ON true FOR UPDATE", want: []string{"reads a", "reads b", "writes a", "writes b"}},
		{name: "for update of alias", dialect: Postgres, src: "SELECT * FROM a x JOIN b y ON true FOR UPDATE OF y SKIP LOCKED",
			want: []string{"reads a", "reads b", "writes b"}},
		{name: "oracle for update of column", dialect: Oracle, src: "SELECT * FROM a x JOIN b y ON 1=1 FOR UPDATE OF x.col NOWAIT",
			want: []string{"reads a", "reads b", "writes a"}},
		{name: "subquery not locked", src: "SELECT * FROM a WHERE x IN (SELECT x FROM b) FOR UPDATE",
			want: []string{"reads a", "reads b", "writes a"}},
		{name: "for share is a read", dialect: Postgres, src: "SELECT * FROM a FOR SHARE", want: []string{"reads a"}},
		{name: "no key update", dialect: Postgres, src: "SELECT * FROM a FOR NO KEY UPDATE", want: []string{"reads a", "writes a"}},
		{name: "lock in share mode", dialect: MySQL, src: "SELECT * FROM a LOCK IN SHARE MODE", want: []string{"reads a"}},
		{name: "updlock hint", dialect: TSQL, src: "SELECT * FROM a WITH (UPDLOCK, ROWLOCK) JOIN b (NOLOCK) ON 1=1",
			want: []string{"reads a", "writes a", "reads b"}},
		{name: "lock table exclusive", dialect: Postgres, src: "LOCK TABLE a IN ACCESS EXCLUSIVE MODE; LOCK TABLE b IN SHARE MODE",
			want: []string{"writes a", "reads b"}},
		{name: "mysql lock tables", dialect: MySQL, src: "LOCK TABLES a WRITE, b READ", want: []string{"writes a", "reads b"}},
		{name: "for xml is nothing", dialect: TSQL, src: "SELECT * FROM a FOR XML PATH('x')", want: []string{"reads a"}},
	})
}

func TestWrites(t *testing.T) {
	runCases(t, []extractCase{
		{name: "insert values", src: "INSERT INTO t (a, b) VALUES (1, (SELECT max(b) FROM u))", want: []string{"writes t", "reads u"}},
		{name: "insert select", src: "INSERT INTO t SELECT * FROM u JOIN v ON true", want: []string{"writes t", "reads u", "reads v"}},
		{name: "insert with cte", src: "INSERT INTO t WITH c AS (SELECT * FROM u) SELECT * FROM c", want: []string{"writes t", "reads u"}},
		{name: "insert without into", dialect: TSQL, src: "INSERT dbo.t (a) VALUES (1)", want: []string{"writes dbo.t"}},
		{name: "insert default values", dialect: TSQL, src: "INSERT INTO t DEFAULT VALUES", want: []string{"writes t"}},
		{name: "insert set", dialect: MySQL, src: "INSERT INTO t SET a = 1, b = (SELECT 2 FROM u)", want: []string{"writes t", "reads u"}},
		{name: "on conflict", dialect: Postgres, src: "INSERT INTO t AS x VALUES (1) ON CONFLICT (id) DO UPDATE SET n = x.n + 1 WHERE x.n < (SELECT lim FROM u) RETURNING id",
			want: []string{"writes t", "reads u"}},
		{name: "on duplicate key", dialect: MySQL, src: "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a) + 1",
			want: []string{"writes t"}},
		{name: "replace into", dialect: MySQL, src: "REPLACE INTO t SELECT * FROM u", want: []string{"writes t", "reads u"}},
		{name: "replace function is not a statement", dialect: MySQL, src: "SELECT REPLACE(a, 'x', 'y') FROM t", want: []string{"reads t"}},
		{name: "insert or replace", src: "INSERT OR REPLACE INTO t VALUES (1)", want: []string{"writes t"}},
		{name: "oracle insert all", dialect: Oracle, src: "INSERT ALL INTO a VALUES (x) INTO b (c) VALUES (x) SELECT x FROM src",
			want: []string{"writes a", "writes b", "reads src"}},
		{name: "oracle insert first", dialect: Oracle, src: "INSERT FIRST WHEN x > 1 THEN INTO a VALUES (x) ELSE INTO b VALUES (x) SELECT x FROM src",
			want: []string{"writes a", "writes b", "reads src"}},
		{name: "returning into", dialect: Oracle, src: "INSERT INTO t (a) VALUES (1) RETURNING id INTO v_id", want: []string{"writes t"}},
		{name: "update", src: "UPDATE t SET a = (SELECT b FROM u WHERE u.id = t.id) WHERE c IN (SELECT c FROM v)",
			want: []string{"writes t", "reads u", "reads v"}},
		{name: "update from (postgres)", dialect: Postgres, src: "UPDATE t SET a = u.a FROM u WHERE u.id = t.id",
			want: []string{"writes t", "reads u"}},
		{name: "update alias from (tsql)", dialect: TSQL, src: "UPDATE x SET x.a = y.a FROM dbo.t x JOIN dbo.u y ON y.id = x.id",
			want: []string{"writes dbo.t", "reads dbo.u"}},
		{name: "update same table in from (tsql)", dialect: TSQL, src: "UPDATE dbo.t SET a = 1 FROM dbo.t JOIN dbo.u ON u.id = t.id",
			want: []string{"writes dbo.t", "reads dbo.u"}},
		{name: "update top", dialect: TSQL, src: "UPDATE TOP (10) t SET a = 1", want: []string{"writes t"}},
		{name: "mysql multi-table update", dialect: MySQL, src: "UPDATE a JOIN b ON b.id = a.id SET b.x = a.x WHERE a.y = 1",
			want: []string{"writes b", "reads a"}},
		{name: "mysql comma update", dialect: MySQL, src: "UPDATE a, b SET a.x = b.x WHERE a.id = b.id",
			want: []string{"writes a", "reads b"}},
		{name: "delete", src: "DELETE FROM t WHERE id IN (SELECT id FROM u)", want: []string{"writes t", "reads u"}},
		{name: "delete without from", dialect: Oracle, src: "DELETE t WHERE 1=1", want: []string{"writes t"}},
		{name: "delete using (postgres)", dialect: Postgres, src: "DELETE FROM t USING u WHERE u.id = t.id", want: []string{"writes t", "reads u"}},
		{name: "delete alias from (tsql)", dialect: TSQL, src: "DELETE x FROM dbo.t x JOIN dbo.u y ON y.id = x.id",
			want: []string{"writes dbo.t", "reads dbo.u"}},
		{name: "delete from from (tsql)", dialect: TSQL, src: "DELETE FROM dbo.t FROM dbo.t JOIN dbo.u ON 1=1",
			want: []string{"writes dbo.t", "reads dbo.u"}},
		{name: "mysql multi-table delete", dialect: MySQL, src: "DELETE a, b FROM a JOIN b ON b.id = a.id JOIN c ON c.id = a.id",
			want: []string{"writes a", "writes b", "reads c"}},
		{name: "mysql delete using", dialect: MySQL, src: "DELETE FROM a USING a JOIN b ON b.id = a.id", want: []string{"writes a", "reads b"}},
		{name: "delete top", dialect: TSQL, src: "DELETE TOP (5) FROM t WHERE a = 1", want: []string{"writes t"}},
		{name: "merge", src: "MERGE INTO t USING (SELECT * FROM s) src ON t.id = src.id WHEN MATCHED THEN UPDATE SET a = src.a WHEN NOT MATCHED THEN INSERT (a) VALUES (src.a)",
			want: []string{"writes t", "reads s"}},
		{name: "merge tsql hints output", dialect: TSQL, src: `MERGE dbo.t WITH (HOLDLOCK) AS tgt USING dbo.s AS src ON tgt.id = src.id
			WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY TARGET THEN INSERT (id) VALUES (src.id)
			OUTPUT $action, inserted.id INTO dbo.log (a, b);`,
			want: []string{"writes dbo.t", "reads dbo.s", "writes dbo.log"}},
		{name: "oracle merge delete where", dialect: Oracle, src: "MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.a = s.a DELETE WHERE t.a IS NULL",
			want: []string{"writes t", "reads s"}},
		{name: "truncate", src: "TRUNCATE TABLE a; TRUNCATE b, c RESTART IDENTITY", want: []string{"writes a", "writes b", "writes c"}},
		{name: "tsql select into creates", dialect: TSQL, src: "SELECT * INTO dbo.copy FROM dbo.orig", want: []string{"writes dbo.copy", "reads dbo.orig"}},
		{name: "tsql output into", dialect: TSQL, src: "DELETE FROM dbo.t OUTPUT deleted.* INTO dbo.archive WHERE a = 1",
			want: []string{"writes dbo.t", "writes dbo.archive"}},
		{name: "postgres data-modifying cte", dialect: Postgres, src: "WITH d AS (DELETE FROM q RETURNING *) INSERT INTO q_done SELECT * FROM d",
			want: []string{"writes q", "writes q_done"}},
		{name: "tsql statements without semicolons", dialect: TSQL, src: `INSERT INTO a VALUES (1)
			UPDATE b SET x = 1
			DELETE FROM c
			SELECT * FROM d`, want: []string{"writes a", "writes b", "writes c", "reads d"}},
	})
}

func TestTemporaryTables(t *testing.T) {
	runCases(t, []extractCase{
		{name: "tsql temp and variables", dialect: TSQL, src: `CREATE TABLE #t (a INT)
			DECLARE @v TABLE (a INT)
			INSERT INTO #t SELECT a FROM dbo.real
			INSERT INTO @v SELECT a FROM #t
			SELECT * INTO #copy FROM @v
			UPDATE #t SET a = 1
			SELECT * FROM tempdb..#t2`, want: []string{"reads dbo.real"}},
		{name: "postgres temp", dialect: Postgres, src: "CREATE TEMP TABLE scratch AS SELECT * FROM src; INSERT INTO scratch VALUES (1); SELECT * FROM scratch",
			want: []string{"reads src"}},
		{name: "mysql temporary", dialect: MySQL, src: "CREATE TEMPORARY TABLE tmp (a INT); INSERT INTO tmp SELECT a FROM t",
			want: []string{"reads t"}},
		{name: "oracle global temporary", dialect: Oracle, src: "CREATE GLOBAL TEMPORARY TABLE gtt (a NUMBER) ON COMMIT DELETE ROWS; INSERT INTO gtt SELECT a FROM t",
			want: []string{"reads t"}},
		{name: "trigger pseudo tables", dialect: TSQL, src: "SELECT * FROM inserted i JOIN deleted d ON d.id = i.id", want: nil},
	})
}

func TestDDL(t *testing.T) {
	runCases(t, []extractCase{
		{name: "table with foreign keys", src: `CREATE TABLE a (
				id INT PRIMARY KEY,
				b_id INT REFERENCES b (id) ON DELETE CASCADE,
				c1 INT, c2 INT,
				CONSTRAINT fk_c FOREIGN KEY (c1, c2) REFERENCES c (x, y),
				FOREIGN KEY (id) REFERENCES d
			)`, want: []string{"table a", "fk a -> b(b_id)", "fk a -> c(c1,c2)", "fk a -> d(id)"}},
		{name: "if not exists and options", dialect: MySQL, src: "CREATE TABLE IF NOT EXISTS `x` (`id` INT, KEY `k` (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
			want: []string{"table x"}},
		{name: "tsql inline foreign key", dialect: TSQL, src: "CREATE TABLE [dbo].[x] ([a] INT NOT NULL FOREIGN KEY REFERENCES [dbo].[y] ([id]))",
			want: []string{"table dbo.x", "fk dbo.x -> dbo.y(a)"}},
		{name: "alter table add constraint", src: "ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b_id) REFERENCES b (id)",
			want: []string{"table a", "fk a -> b(b_id)"}},
		{name: "alter table add column references", dialect: Postgres, src: "ALTER TABLE a ADD COLUMN IF NOT EXISTS b_id int REFERENCES b",
			want: []string{"table a", "fk a -> b(b_id)"}},
		{name: "alter table merges into declaration", src: "CREATE TABLE a (id INT); ALTER TABLE a ADD FOREIGN KEY (id) REFERENCES b (id)",
			want: []string{"table a", "fk a -> b(id)"}},
		{name: "oracle alter add list", dialect: Oracle, src: "ALTER TABLE a ADD (b_id NUMBER CONSTRAINT fk REFERENCES b (id), c NUMBER)",
			want: []string{"table a", "fk a -> b(b_id)"}},
		{name: "tsql alter with check", dialect: TSQL, src: "ALTER TABLE [dbo].[a] WITH CHECK ADD CONSTRAINT [fk] FOREIGN KEY([b]) REFERENCES [dbo].[b] ([id])\nGO\nALTER TABLE [dbo].[a] CHECK CONSTRAINT [fk]\nGO",
			want: []string{"table dbo.a", "fk dbo.a -> dbo.b(b)"}},
		{name: "alter without foreign key", src: "ALTER TABLE a ADD COLUMN x INT; ALTER TABLE a DROP COLUMN y", want: nil},
		{name: "create table as select", src: "CREATE TABLE a AS SELECT * FROM b", want: []string{"table a", "reads b"}},
		{name: "view", src: "CREATE VIEW v (a, b) AS SELECT x.a, y.b FROM x JOIN y ON true WITH CHECK OPTION",
			want: []string{"view v reads x,y"}},
		{name: "view with cte", src: "CREATE OR REPLACE VIEW v AS WITH c AS (SELECT * FROM base) SELECT * FROM c, other",
			want: []string{"view v reads base,other"}},
		{name: "tsql view schemabinding", dialect: TSQL, src: "CREATE VIEW [dbo].[v] WITH SCHEMABINDING AS SELECT a FROM [dbo].[t]",
			want: []string{"view dbo.v reads dbo.t"}},
		{name: "mysql view options", dialect: MySQL, src: "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS SELECT * FROM `t`",
			want: []string{"view v reads t"}},
		{name: "materialized view", dialect: Postgres, src: "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t WITH NO DATA",
			want: []string{"view mv reads t"}},
		{name: "index, sequence, drop, grant name nothing", src: `CREATE UNIQUE INDEX ix ON t (a, lower(b));
			CREATE SEQUENCE s START WITH 1; DROP TABLE IF EXISTS old; DROP VIEW v;
			GRANT SELECT, INSERT, UPDATE ON t TO app; REVOKE DELETE ON t FROM app; COMMENT ON TABLE t IS 'x'`, want: nil},
		{name: "partition of", dialect: Postgres, src: "CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
			want: []string{"table m_2024"}},
	})
}

func TestRoutines(t *testing.T) {
	runCases(t, []extractCase{
		{name: "tsql procedure", dialect: TSQL, src: `CREATE PROCEDURE [dbo].[p] @a INT, @ids AS [dbo].[IdList] READONLY
			WITH EXECUTE AS OWNER
			AS
			BEGIN
				SELECT * FROM [dbo].[t] WHERE id IN (SELECT id FROM @ids)
				EXEC [dbo].[q] @a
				EXECUTE @rc = dbo.r
			END
			GO
			SELECT * FROM after_proc`,
			want: []string{"procedure dbo.p", "dbo.p: reads dbo.t", "dbo.p: calls dbo.q", "dbo.p: calls dbo.r", "reads after_proc"}},
		{name: "drop procedure and function", dialect: TSQL, src: `IF OBJECT_ID('[dbo].[old]') IS NOT NULL
			BEGIN
				DROP PROCEDURE [dbo].[old]
			END
			GO
			DROP FUNCTION IF EXISTS dbo.f
			GO
			DROP TABLE dbo.t
			GO
			CREATE PROCEDURE [dbo].[old] AS SELECT * FROM dbo.u`,
			want: []string{"drop procedure dbo.old", "drop function dbo.f", "procedure dbo.old", "dbo.old: reads dbo.u"}},
		{name: "tsql procedure without begin runs to go", dialect: TSQL, src: "CREATE PROC p AS\nSELECT * FROM a\nUPDATE b SET x = 1\nGO\nDELETE FROM c",
			want: []string{"procedure p", "p: reads a", "p: writes b", "writes c"}},
		{name: "tsql missing go", dialect: TSQL, src: "CREATE PROC p AS BEGIN SELECT * FROM a END\nCREATE PROC q AS BEGIN SELECT * FROM b END",
			want: []string{"procedure p", "procedure q", "p: reads a", "q: reads b"}},
		{name: "tsql create or alter and functions", dialect: TSQL, src: `CREATE OR ALTER FUNCTION dbo.f (@x INT) RETURNS INT AS BEGIN RETURN (SELECT COUNT(*) FROM dbo.t WHERE a = @x) END
			GO
			CREATE FUNCTION dbo.tvf (@x INT) RETURNS TABLE AS RETURN SELECT * FROM dbo.u WHERE a = @x
			GO
			SELECT dbo.f(1), LEN('x') FROM dbo.tvf(2)`,
			want: []string{"function dbo.f", "function dbo.tvf", "dbo.f: reads dbo.t", "dbo.tvf: reads dbo.u", "calls dbo.f", "calls dbo.tvf"}},
		{name: "tsql try catch and control flow", dialect: TSQL, src: `CREATE PROCEDURE p AS
			BEGIN
				BEGIN TRY
					BEGIN TRAN
					IF @@ROWCOUNT = 0 INSERT INTO a VALUES (1) ELSE UPDATE b SET x = 1
					WHILE EXISTS (SELECT 1 FROM c) DELETE TOP (1) FROM c
					COMMIT
				END TRY
				BEGIN CATCH
					ROLLBACK
					INSERT INTO errors VALUES (ERROR_MESSAGE())
				END CATCH
			END`,
			want: []string{"procedure p", "p: writes a", "p: writes b", "p: reads c", "p: writes c", "p: writes errors"}},
		{name: "tsql cursor", dialect: TSQL, src: `CREATE PROCEDURE p AS
			DECLARE c CURSOR LOCAL FOR SELECT id FROM src
			OPEN c
			FETCH NEXT FROM c INTO @id
			WHILE @@FETCH_STATUS = 0 BEGIN
				UPDATE dst SET a = 1 WHERE id = @id
				FETCH NEXT FROM c INTO @id
			END
			CLOSE c DEALLOCATE c`,
			want: []string{"procedure p", "p: reads src", "p: writes dst"}},
		{name: "tsql insert exec", dialect: TSQL, src: "CREATE PROC p AS INSERT INTO #r EXEC dbo.q 1\nINSERT dbo.t EXEC ('SELECT 1')",
			want: []string{"procedure p", "p: calls dbo.q", "p: writes dbo.t"}},
		{name: "tsql system procedures", dialect: TSQL, src: "EXEC sp_rename 'a', 'b'; EXEC master.dbo.xp_cmdshell 'dir'; EXEC sys.sp_refreshview 'v'",
			want: nil},
		{name: "tsql bare call at batch start", dialect: TSQL, src: "dbo.usp_nightly @full = 1\nGO\ndbo.usp_other\nGO",
			want: []string{"calls dbo.usp_nightly", "calls dbo.usp_other"}},
		{name: "mysql delimiter", dialect: MySQL, src: "DELIMITER //\nCREATE PROCEDURE p(IN x INT)\nBEGIN\n  DECLARE y INT;\n  SELECT a INTO y FROM t WHERE id = x;\n  IF y > 0 THEN\n    UPDATE u SET b = y;\n  ELSEIF y < 0 THEN\n    CALL q(y);\n  END IF;\nEND//\nDELIMITER ;\nSELECT * FROM w;",
			want: []string{"procedure p", "p: reads t", "p: writes u", "p: calls q", "reads w"}},
		{name: "mysql without delimiter", dialect: MySQL, src: "CREATE PROCEDURE p() BEGIN INSERT INTO a VALUES (1); lbl: LOOP LEAVE lbl; END LOOP lbl; END; SELECT * FROM b;",
			want: []string{"procedure p", "p: writes a", "reads b"}},
		{name: "mysql single statement function", dialect: MySQL, src: "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN (SELECT COUNT(*) FROM t WHERE a = x); SELECT 1 FROM u;",
			want: []string{"function f", "f: reads t", "reads u"}},
		{name: "mysql definer", dialect: MySQL, src: "CREATE DEFINER=`app`@`%` PROCEDURE `p`() SQL SECURITY INVOKER DELETE FROM t;",
			want: []string{"procedure p", "p: writes t"}},
		{name: "postgres function dollar body", dialect: Postgres, src: `CREATE OR REPLACE FUNCTION f(p_id int) RETURNS SETOF t LANGUAGE plpgsql AS $fn$
			DECLARE r record;
			BEGIN
				RETURN QUERY SELECT * FROM t WHERE id = p_id;
				PERFORM g(p_id);
				FOR r IN SELECT * FROM u LOOP
					INSERT INTO v VALUES (r.id);
				END LOOP;
			END $fn$`,
			want: []string{"function f", "f: reads t", "f: calls g", "f: reads u", "f: writes v"}},
		{name: "postgres c function body is not sql", dialect: Postgres, src: "CREATE FUNCTION f() RETURNS int AS 'lib', 'SELECT FROM x' LANGUAGE c",
			want: []string{"function f"}},
		{name: "postgres select into in body is variables", dialect: Postgres, src: "CREATE FUNCTION f() RETURNS int AS $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM t; RETURN n; END $$ LANGUAGE plpgsql",
			want: []string{"function f", "f: reads t"}},
		{name: "postgres select into outside body creates", dialect: Postgres, src: "SELECT * INTO newt FROM t",
			want: []string{"writes newt", "reads t"}},
		{name: "postgres procedure and call", dialect: Postgres, src: "CREATE PROCEDURE p() LANGUAGE sql AS $$ DELETE FROM t $$; CALL p(); CALL s.q(1)",
			want: []string{"procedure p", "p: writes t", "calls p", "calls s.q"}},
		{name: "oracle procedure with locals", dialect: Oracle, src: `CREATE OR REPLACE PROCEDURE p(p_id IN NUMBER) IS
				v_tab t_tab := t_tab();
				TYPE t_list IS TABLE OF NUMBER;
				v_list t_list;
				FUNCTION helper(x NUMBER) RETURN NUMBER IS BEGIN RETURN x * 2; END helper;
			BEGIN
				v_list(1) := helper(p_id);
				other_proc(p_id);
				pkg.run;
				x := pkg.fn(v_list(1));
				UPDATE t SET a = helper(1);
			END p;
			/`,
			want: []string{"procedure p", "p: calls other_proc", "p: calls pkg.run", "p: calls pkg.fn", "p: writes t"}},
		{name: "oracle package qualifies its own calls", dialect: Oracle, src: `CREATE OR REPLACE PACKAGE BODY app.pk AS
				PROCEDURE a IS BEGIN b(1); other; END a;
				PROCEDURE b(x NUMBER) IS BEGIN DELETE FROM t WHERE id = x; END;
			END pk;
			/`,
			want: []string{"package app.pk", "procedure pk.a", "procedure pk.b", "pk.a: calls pk.b", "pk.a: calls other", "pk.b: writes t"}},
		{name: "oracle package spec declares only the package", dialect: Oracle, src: "CREATE PACKAGE pk AS PROCEDURE a; FUNCTION f RETURN NUMBER; END pk;\n/\nSELECT * FROM t;",
			want: []string{"package pk", "reads t"}},
		{name: "oracle without slash", dialect: Oracle, src: "CREATE PROCEDURE p AS BEGIN DELETE FROM a; END;\nCREATE PROCEDURE q AS BEGIN DELETE FROM b; END;",
			want: []string{"procedure p", "procedure q", "p: writes a", "q: writes b"}},
		{name: "oracle anonymous block", dialect: Oracle, src: "DECLARE v NUMBER; l t_list := t_list(); BEGIN SELECT a INTO v FROM t; p(v); l(1) := f(v); END;\n/",
			want: []string{"reads t", "calls p", "calls f"}},
		{name: "oracle system packages", dialect: Oracle, src: "BEGIN DBMS_OUTPUT.PUT_LINE('x'); UTL_FILE.FCLOSE(f); raise_application_error(-20000, 'x'); SYS.DBMS_LOCK.SLEEP(1); END;\n/",
			want: nil},
		{name: "oracle object types are constructors", dialect: Oracle, src: `CREATE TYPE point_t AS OBJECT (x NUMBER, y NUMBER);
			/
			CREATE FUNCTION pts RETURN pts_tab PIPELINED IS BEGIN
				PIPE ROW (row_t(1, 2));
				INSERT INTO shapes VALUES (point_t(1, 2));
				RETURN;
			END;
			/
			SELECT * FROM TABLE(pts), TABLE(pkg.rows_of(1)) r, TABLE(pkg.all_rows) a`,
			want: []string{"function pts", "pts: writes shapes", "calls pts", "calls pkg.rows_of", "calls pkg.all_rows"}},
		{name: "oracle java routine", dialect: Oracle, src: "CREATE FUNCTION f RETURN VARCHAR2 AS LANGUAGE JAVA NAME 'A.b() return String';\n/",
			want: []string{"function f"}},
	})
}

func TestTriggers(t *testing.T) {
	runCases(t, []extractCase{
		{name: "tsql", dialect: TSQL, src: "CREATE TRIGGER [dbo].[tr] ON [dbo].[t] AFTER INSERT, DELETE AS BEGIN INSERT INTO dbo.log SELECT * FROM inserted END",
			want: []string{"trigger dbo.tr on dbo.t insert,delete", "dbo.tr: writes dbo.log"}},
		{name: "tsql instead of", dialect: TSQL, src: "CREATE TRIGGER tr ON v INSTEAD OF UPDATE AS UPDATE t SET a = i.a FROM inserted i WHERE i.id = t.id",
			want: []string{"trigger tr on v update", "tr: writes t"}},
		{name: "tsql database trigger", dialect: TSQL, src: "CREATE TRIGGER ddl_log ON DATABASE FOR CREATE_TABLE AS INSERT INTO ddl_events VALUES (EVENTDATA())",
			want: []string{"trigger ddl_log", "ddl_log: writes ddl_events"}},
		{name: "postgres transition table", dialect: Postgres, src: `CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN
				INSERT INTO totals SELECT sum(x) FROM changed; RETURN NULL; END $$ LANGUAGE plpgsql;
			CREATE TRIGGER tr AFTER UPDATE ON t REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION f();`,
			want: []string{"function f", "f: writes totals", "trigger tr on t update", "tr: calls f"}},
		{name: "postgres", dialect: Postgres, src: "CREATE TRIGGER tr BEFORE UPDATE OF a, b OR DELETE ON s.t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM NEW.a) EXECUTE FUNCTION s.fn()",
			want: []string{"trigger tr on s.t update,delete", "tr: calls s.fn"}},
		{name: "mysql single statement", dialect: MySQL, src: "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW INSERT INTO log VALUES (NEW.id);",
			want: []string{"trigger tr on t insert", "tr: writes log"}},
		{name: "mysql follows", dialect: MySQL, src: "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW FOLLOWS other BEGIN UPDATE u SET x = 1; END;",
			want: []string{"trigger tr on t update", "tr: writes u"}},
		{name: "oracle referencing and when", dialect: Oracle, src: `CREATE OR REPLACE TRIGGER tr
			AFTER INSERT OR UPDATE ON t REFERENCING NEW AS n FOR EACH ROW WHEN (n.a > 0)
			DECLARE v NUMBER;
			BEGIN
				SELECT COUNT(*) INTO v FROM u;
				INSERT INTO log VALUES (:n.id, v);
			END;
			/`,
			want: []string{"trigger tr on t insert,update", "tr: reads u", "tr: writes log"}},
		{name: "oracle call trigger", dialect: Oracle, src: "CREATE TRIGGER tr BEFORE DELETE ON t FOR EACH ROW CALL pkg.on_delete(:old.id)\n/",
			want: []string{"trigger tr on t delete", "tr: calls pkg.on_delete"}},
		{name: "sqlite style", src: "CREATE TRIGGER tr AFTER DELETE ON t FOR EACH ROW BEGIN DELETE FROM u WHERE t_id = OLD.id; END;",
			want: []string{"trigger tr on t delete", "tr: writes u"}},
	})
}

func TestDynamicSQL(t *testing.T) {
	runCases(t, []extractCase{
		{name: "tsql exec string", dialect: TSQL, src: "CREATE PROC p AS EXEC('DELETE FROM dbo.a WHERE x = ''y''')",
			want: []string{"procedure p", "p: writes? dbo.a"}},
		{name: "tsql exec concatenation", dialect: TSQL, src: "CREATE PROC p @t SYSNAME AS EXEC('SELECT * FROM ' + @t + ' JOIN dbo.b ON 1=1')",
			want: []string{"procedure p", "p: reads? dbo.b"}},
		{name: "tsql sp_executesql literal", dialect: TSQL, src: "EXEC sp_executesql N'UPDATE dbo.a SET x = @x', N'@x INT', @x = 1",
			want: []string{"writes? dbo.a"}},
		{name: "tsql variable built over statements", dialect: TSQL, src: `DECLARE @sql NVARCHAR(MAX) = N'SELECT * FROM dbo.a'
			SET @sql = @sql + N' JOIN dbo.b ON 1=1'
			SET @sql += N' WHERE x = 1'
			EXEC sp_executesql @sql`,
			want: []string{"reads? dbo.a", "reads? dbo.b"}},
		{name: "oracle execute immediate", dialect: Oracle, src: "BEGIN EXECUTE IMMEDIATE 'INSERT INTO log VALUES (:1)' USING v; EXECUTE IMMEDIATE 'DROP TABLE ' || v_t; END;\n/",
			want: []string{"writes? log"}},
		{name: "oracle q-quote and variable", dialect: Oracle, src: "BEGIN v := q'[UPDATE t SET a = 'x']'; EXECUTE IMMEDIATE v; END;\n/",
			want: []string{"writes? t"}},
		{name: "postgres execute format", dialect: Postgres, src: "DO $$ BEGIN EXECUTE format('DELETE FROM %I WHERE a = %L', t, v); EXECUTE format('SELECT * FROM s.x WHERE y = %s', z); END $$",
			want: []string{"reads? s.x"}},
		{name: "mysql prepare", dialect: MySQL, src: "SET @q = CONCAT('SELECT * FROM t WHERE id = ', id); PREPARE s FROM @q; EXECUTE s; DEALLOCATE PREPARE s;",
			want: []string{"reads? t"}},
		{name: "open for string", dialect: Oracle, src: "BEGIN OPEN c FOR 'SELECT * FROM t'; END;\n/", want: []string{"reads? t"}},
		{name: "dynamic table name only", dialect: TSQL, src: "EXEC('TRUNCATE TABLE ' + @t)", want: nil},
	})
}

func TestFragments(t *testing.T) {
	runCases(t, []extractCase{
		{name: "dynamic value is certain", frag: true, src: "SELECT * FROM users WHERE id = __dyn__ AND name = ?",
			want: []string{"reads users"}},
		{name: "dynamic table is unknown", frag: true, src: "SELECT * FROM __dyn__ u JOIN roles r ON r.id = u.role_id WHERE id = ?",
			want: []string{"reads roles"}},
		{name: "dynamic table part", frag: true, src: "INSERT INTO log___dyn__ (a) SELECT a FROM src", want: []string{"reads src"}},
		{name: "dynamic schema", frag: true, src: "DELETE FROM __dyn__.orders WHERE id = ?", want: nil},
		{name: "dynamic where clause", frag: true, src: "SELECT o.id FROM orders o __dyn__", want: []string{"reads orders"}},
		{name: "dynamic verb is a guess", frag: true, src: "__dyn__ FROM orders WHERE id = ?", want: []string{"reads? orders"}},
		{name: "incomplete fragment", frag: true, src: "SELECT a FROM t WHERE b IN (", want: []string{"reads t"}},
		{name: "unterminated string", frag: true, src: "UPDATE t SET a = 'x", want: []string{"writes t"}},
		{name: "from clause alone", frag: true, src: " FROM orders o JOIN lines l ON l.oid = o.id", want: []string{"reads? orders", "reads? lines"}},
		{name: "named parameters", frag: true, src: "UPDATE accounts SET balance = :balance WHERE id = :id", want: []string{"writes accounts"}},
		{name: "jdbc call escape", frag: true, src: "{call billing.charge(?, ?)}", want: []string{"calls billing.charge"}},
		{name: "jdbc function call escape", frag: true, src: "{? = call next_invoice_no(?)}", want: []string{"calls next_invoice_no"}},
		{name: "odbc escapes", frag: true, src: "SELECT {fn UCASE(a.name)} FROM {oj a LEFT OUTER JOIN b ON b.id = a.id} WHERE a.d > {d '2024-01-01'}",
			want: []string{"reads a", "reads b"}},
		{name: "hibernate schema placeholder", frag: true, src: "SELECT * FROM {h-schema}orders o JOIN {h-catalog}{h-schema}lines l ON true",
			want: []string{"reads orders", "reads lines"}},
		{name: "tsql exec fragment", frag: true, dialect: TSQL, src: "EXEC [dbo].[User_ReadById] @Id", want: []string{"calls dbo.user_readbyid"}},
		{name: "spaces around dynamic", frag: true, src: "SELECT * FROM orders WHERE status IN ( __dyn__ ) ORDER BY __dyn__", want: []string{"reads orders"}},
	})
}

func TestDialectDetection(t *testing.T) {
	cases := []struct {
		src  string
		want Dialect
	}{
		{"SELECT * FROM [dbo].[t] WITH (NOLOCK)\nGO", TSQL},
		{"CREATE TABLE `t` (id INT AUTO_INCREMENT) ENGINE=InnoDB", MySQL},
		{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", Postgres},
		{"CREATE PROCEDURE p IS v VARCHAR2(10); BEGIN NULL; END;\n/", Oracle},
		{"SELECT a FROM t", ANSI},
	}
	for _, c := range cases {
		if got := Extract(c.src, Options{}).Dialect; got != c.want {
			t.Errorf("%q: detected %q, want %q", c.src, got, c.want)
		}
	}
}

func TestTokenizer(t *testing.T) {
	runCases(t, []extractCase{
		{name: "comments hide sql", src: "-- SELECT * FROM a\n/* DELETE FROM b; */ SELECT 1 FROM c /* nested? */",
			want: []string{"reads c"}},
		{name: "strings hide sql", src: "SELECT 'FROM a; DELETE FROM b', \"x\" FROM c WHERE d = 'it''s'",
			want: []string{"reads c"}},
		{name: "mysql hash comments and backslashes", dialect: MySQL, src: "# DELETE FROM a\nSELECT 'it\\'s; FROM b' FROM c; # trailing",
			want: []string{"reads c"}},
		{name: "postgres dollar quotes and E strings", dialect: Postgres, src: "SELECT $$ FROM a $$, $t$ it's $t$, E'x\\'y FROM b' FROM c",
			want: []string{"reads c"}},
		{name: "postgres nested comments", dialect: Postgres, src: "/* a /* DELETE FROM b */ still comment */ SELECT 1 FROM c",
			want: []string{"reads c"}},
		{name: "tsql N strings and brackets", dialect: TSQL, src: "SELECT N'FROM a', [weird]]name] FROM [my table]",
			want: []string{"reads my table"}},
		{name: "oracle q quote", dialect: Oracle, src: "SELECT q'[it's FROM a]', Q'{x}' FROM c",
			want: []string{"reads c"}},
		{name: "go only alone on a line", dialect: TSQL, src: "SELECT go FROM t\nGO\nSELECT 1 FROM u\ngo 2\n",
			want: []string{"reads t", "reads u"}},
		{name: "byte order mark", src: "\ufeffSELECT 1 FROM t", want: []string{"reads t"}},
		{name: "postgres arrays and casts", dialect: Postgres, src: "SELECT a[1], ARRAY[1,2]::int[], b::text FROM t WHERE c = ANY(ARRAY['x'])",
			want: []string{"reads t"}},
		{name: "flyway placeholders", src: "CREATE TABLE ${schema}.users (id INT);\nINSERT INTO ${flyway:defaultSchema}.users VALUES (1);\nSELECT * FROM ${table} JOIN roles ON true",
			want: []string{"table users", "writes users", "reads roles"}},
		{name: "mysql load data", dialect: MySQL, src: "LOAD DATA LOCAL INFILE 'rows.csv' REPLACE INTO TABLE imports FIELDS TERMINATED BY ','",
			want: []string{"writes imports"}},
		{name: "liquibase changesets", src: "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id INT);\n--rollback DROP TABLE t;\n--changeset a:2\nINSERT INTO t VALUES (1);",
			want: []string{"table t", "writes t"}},
	})
}

func TestLines(t *testing.T) {
	src := "SELECT *\nFROM a\nJOIN b ON true;\nCREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n  DELETE FROM c;\nEND $$ LANGUAGE plpgsql;\n"
	res := Extract(src, Options{Dialect: Postgres})
	want := map[string]int{"a": 2, "b": 3, "c": 6}
	for _, d := range res.Data {
		if want[d.Object] != d.Line {
			t.Errorf("%s %s on line %d, want %d", d.Kind, d.Object, d.Line, want[d.Object])
		}
	}
	if len(res.Routines) != 1 || res.Routines[0].Line != 4 || res.Routines[0].EndLine != 7 {
		t.Errorf("routine lines: %+v", res.Routines)
	}
}

func TestDiagnostics(t *testing.T) {
	cases := []struct {
		src  string
		frag bool
		want string // a word of the message, or "" for none
		keep string // an access that must still be found
	}{
		{src: "SELECT * FROM a WHERE x = 'unterminated", want: "unterminated", keep: "a"},
		{src: "SELECT * FROM a WHERE x = 'unterminated", frag: true, keep: "a"},
		{src: "SELECT * FROM a /* unterminated", want: "unterminated", keep: "a"},
		{src: "SELECT * FROM a WHERE b IN (SELECT c FROM d", want: "parenthesis", keep: "d"},
		{src: "INSERT INTO VALUES (1); SELECT * FROM a", want: "INSERT", keep: "a"},
		{src: "CREATE PROCEDURE p AS BEGIN DELETE FROM a;", want: "END", keep: "a"},
	}
	for _, c := range cases {
		res := Extract(c.src, Options{Fragment: c.frag})
		var msgs []string
		for _, d := range res.Diagnostics {
			msgs = append(msgs, d.Message)
			if d.Severity != "warning" || d.Code != "syntax" || d.Line < 1 {
				t.Errorf("%q: bad diagnostic %+v", c.src, d)
			}
		}
		all := strings.Join(msgs, "; ")
		switch {
		case c.want == "" && len(msgs) > 0:
			t.Errorf("%q: unexpected diagnostics: %s", c.src, all)
		case c.want != "" && !strings.Contains(all, c.want):
			t.Errorf("%q: diagnostics %q, want one about %q", c.src, all, c.want)
		}
		found := false
		for _, d := range res.Data {
			found = found || d.Object == c.keep
		}
		if !found {
			t.Errorf("%q: lost the access to %s: %v", c.src, c.keep, render(res))
		}
	}
}
