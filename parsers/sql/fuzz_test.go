package sql

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// FuzzExtract checks that Extract never panics, always ends promptly, and
// returns well-formed facts: lines within the text, routine indexes that
// exist, names that are not empty.
//
//	go test ./parsers/sql -run X -fuzz FuzzExtract -fuzztime 60s
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(truthDir, "*.sql"))
	for _, path := range files {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(string(src), uint8(0), false)
		}
	}
	for _, s := range []string{
		"SELECT * FROM a WHERE b IN (SELECT c FROM d)",
		"CREATE PROCEDURE p AS BEGIN EXEC('DELETE FROM t') END\nGO",
		"DELIMITER $$\nCREATE PROCEDURE p() BEGIN UPDATE t SET a=1; END$$\nDELIMITER ;",
		"CREATE FUNCTION f() RETURNS int AS $$ BEGIN PERFORM g(); END $$ LANGUAGE plpgsql;",
		"CREATE PACKAGE BODY p AS PROCEDURE a IS BEGIN b; END; END;\n/",
		"SELECT * FROM __dyn__ JOIN t ON 1=1 WHERE x = __dyn__",
		"WITH RECURSIVE r AS (SELECT 1 UNION SELECT n FROM r) MERGE INTO t USING r ON 1=1 WHEN MATCHED THEN DELETE;",
		"((((((SELECT", "'unterminated", "/* open", "$tag$ open", "q'[open", "[open", "END END END BEGIN",
	} {
		f.Add(s, uint8(0), false)
		f.Add(s, uint8(3), true)
	}
	dialects := []Dialect{Auto, ANSI, Postgres, MySQL, Oracle, TSQL}
	f.Fuzz(func(t *testing.T, src string, d uint8, frag bool) {
		opts := Options{Dialect: dialects[int(d)%len(dialects)], Fragment: frag}
		done := make(chan *Result, 1)
		start := time.Now()
		go func() { done <- Extract(src, opts) }()
		var res *Result
		select {
		case res = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Extract did not end in 10s on %d bytes", len(src))
		}
		if el := time.Since(start); el > 2*time.Second && len(src) < 1<<16 {
			t.Errorf("Extract took %v on %d bytes", el, len(src))
		}
		checkResult(t, src, res)
		if again := Extract(src, opts); !reflect.DeepEqual(again, res) {
			t.Errorf("Extract is not deterministic")
		}
	})
}

// checkResult checks the invariants of a Result for text src.
func checkResult(t *testing.T, src string, res *Result) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	inRange := func(what string, l int) {
		if l < 1 || l > lines {
			t.Errorf("%s on line %d, outside 1..%d", what, l, lines)
		}
	}
	for _, tb := range res.Tables {
		inRange("table "+tb.Name, tb.Line)
		if tb.Name == "" || tb.Entity != -1 || tb.Via != "ddl" {
			t.Errorf("bad table %+v", tb)
		}
		for _, fk := range tb.ForeignKeys {
			inRange("foreign key of "+tb.Name, fk.Line)
			if fk.Table == "" {
				t.Errorf("foreign key of %s to no table", tb.Name)
			}
		}
	}
	for _, r := range res.Routines {
		inRange("routine "+r.Name, r.Line)
		inRange("end of routine "+r.Name, r.EndLine)
		if r.Name == "" || r.EndLine < r.Line {
			t.Errorf("bad routine %+v", r)
		}
	}
	for _, d := range res.Data {
		inRange(string(d.Kind)+" "+d.Object, d.Line)
		if d.Routine < -1 || d.Routine >= len(res.Routines) {
			t.Errorf("%s %s: routine index %d of %d", d.Kind, d.Object, d.Routine, len(res.Routines))
		}
		if d.Object == "" || d.From != -1 || d.Method != -1 || d.Via != "sql" || strings.Contains(d.Object, "__dyn__") {
			t.Errorf("bad access %+v", d)
		}
	}
	for _, d := range res.Diagnostics {
		if d.Code == "internal" {
			t.Errorf("internal error: %s", d.Message)
		}
		inRange("diagnostic", d.Line)
	}
}
