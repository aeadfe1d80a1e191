package java

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/mapping"
)

// TestDataCorpus summarises the data facts of a real repository: what
// the JPA and hbm mappings map, what MyBatis statements and Spring Data
// repositories access, the Liquibase schema, and how many SQL strings in
// code were read, left to package graph, or not readable.
//
//	SEAMS_DATA_CORPUS=~/src/spring-petclinic go test ./parsers/java -run DataCorpus -v
func TestDataCorpus(t *testing.T) {
	dir := os.Getenv("SEAMS_DATA_CORPUS")
	if dir == "" {
		t.Skip("set SEAMS_DATA_CORPUS to a repository")
	}
	jp, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer jp.Close()
	mp, _ := mapping.NewParser()
	var files []*facts.File
	var javaTime time.Duration
	kinds := map[string]int{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "node_modules" || n == "build" || n == "target" {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		var f *facts.File
		switch filepath.Ext(p) {
		case ".java":
			t0 := time.Now()
			f, err = jp.Parse(context.Background(), filepath.ToSlash(rel), src)
			javaTime += time.Since(t0)
		case ".xml", ".yaml", ".yml":
			f, err = mp.Parse(context.Background(), filepath.ToSlash(rel), src)
			if f == nil {
				kinds["ignored "+filepath.Ext(p)]++
				return nil
			}
		default:
			return nil
		}
		if err == nil {
			kinds[filepath.Ext(p)]++
			files = append(files, f)
		}
		return nil
	})
	t.Logf("files with facts: %v; java parse time %v", kinds, javaTime)
	st := jp.x.d.stats
	t.Logf("SQL/JPQL sites in Java: %d, resolved %d, pending (SQLText) %d, unknown %d", st.Sites, st.Resolved, st.Pending, st.Unknown)
	for _, via := range slices.Sorted(maps.Keys(st.ByVia)) {
		c := st.ByVia[via]
		t.Logf("  %s: resolved %d, pending %d, unknown %d", via, c[0], c[1], c[2])
	}

	qual := func(f *facts.File, i int) string {
		if f.Package == "" {
			return f.Types[i].Name
		}
		return f.Package + "." + f.Types[i].Name
	}
	var maps_, fks, schema []string
	declared := map[string]map[string]bool{} // via -> distinct names
	access := map[string]map[string]bool{}
	byVia := map[string]int{}
	guesses := 0
	for _, f := range files {
		for _, tb := range f.Tables {
			typ := tb.EntityName
			if tb.Entity >= 0 {
				typ = qual(f, tb.Entity)
			}
			if tb.Name != "" {
				if declared[tb.Via] == nil {
					declared[tb.Via] = map[string]bool{}
				}
				declared[tb.Via][tb.Name] = true
			}
			from := tb.Name
			if from == "" {
				from = "table of " + typ
			}
			switch {
			case typ != "" && tb.Name != "":
				s := fmt.Sprintf("%s -> %s (%s)", typ, tb.Name, tb.Via)
				if tb.Inheritance != "" {
					s += " inheritance " + tb.Inheritance
				}
				maps_ = append(maps_, s)
			case tb.Name != "":
				schema = append(schema, fmt.Sprintf("%s %s %s (%s)", f.Path, tb.Kind, tb.Name, tb.Via))
			}
			for _, k := range tb.ForeignKeys {
				to := k.Table
				if to == "" {
					to = "entity " + k.Entity
				}
				fks = append(fks, fmt.Sprintf("%s -> %s [%s] (%s)", from, to, strings.Join(k.Columns, ","), tb.Via))
			}
		}
		for _, d := range f.Data {
			byVia[d.Via]++
			if d.Guess {
				guesses++
			}
			var who string
			switch {
			case d.From >= 0 && d.Method >= 0:
				who = qual(f, d.From) + "." + f.Types[d.From].Methods[d.Method].Name
			case d.From >= 0:
				who = qual(f, d.From)
			case d.Member != "":
				who = d.Member
			default:
				continue
			}
			obj := d.Object
			if obj == "" {
				obj = "entity " + d.Entity
			}
			if access[who] == nil {
				access[who] = map[string]bool{}
			}
			access[who][string(d.Kind)+" "+obj] = true
		}
	}
	// Objects code accesses that no mapping or changelog declares: tables
	// of .sql scripts, or names misread.
	undeclared := map[string]int{}
	for _, f := range files {
		for _, d := range f.Data {
			if d.Object == "" || d.Kind == facts.Calls || d.From < 0 && d.Member == "" {
				continue
			}
			known := false
			for _, names := range declared {
				known = known || names[d.Object]
			}
			if !known {
				undeclared[d.Object]++
			}
		}
	}
	t.Logf("objects accessed from code that no mapping or changelog declares (%d): %v", len(undeclared), undeclared)
	slices.Sort(maps_)
	slices.Sort(fks)
	slices.Sort(schema)
	for _, via := range slices.Sorted(maps.Keys(declared)) {
		t.Logf("distinct tables and views declared by %s: %d", via, len(declared[via]))
	}
	t.Logf("data references by way: %v (%d guesses)", byVia, guesses)
	t.Logf("mappings (%d):\n%s", len(maps_), strings.Join(maps_, "\n"))
	t.Logf("foreign keys (%d):\n%s", len(fks), strings.Join(limit(fks, 60), "\n"))
	t.Logf("schema objects (%d):\n%s", len(schema), strings.Join(limit(schema, 40), "\n"))
	var lines []string
	for _, who := range slices.Sorted(maps.Keys(access)) {
		lines = append(lines, who+": "+strings.Join(slices.Sorted(maps.Keys(access[who])), ", "))
	}
	t.Logf("accesses by code member (%d):\n%s", len(lines), strings.Join(limit(lines, 80), "\n"))
}

func limit(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], fmt.Sprintf("... and %d more", len(s)-n))
}
