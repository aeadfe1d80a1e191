package java

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/mapping"
)

// dataCorpus is the data test corpus: Java code, mapper and mapping XML,
// Liquibase changelogs, with the truth written by hand.
const dataCorpus = "../../testdata/java/data"

// truthLine is one line of expected.tsv.
type truthLine struct {
	subject, kind, object string
}

func (l truthLine) String() string { return l.subject + " " + l.kind + " " + l.object }

// readTruth reads expected.tsv: the lines and, for each, whether it needs
// package graph.
func readTruth(t *testing.T, path string) map[truthLine]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[truthLine]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s: want 4 columns: %q", path, line)
		}
		out[truthLine{cols[0], cols[1], cols[2]}] = strings.HasPrefix(cols[3], "graph:")
	}
	return out
}

// parseCorpus parses every Java, XML and YAML file under dir; it returns
// the facts, and the paths the mapping reader left out (not mappings).
func parseCorpus(t *testing.T, dir string) (files []*facts.File, ignored []string) {
	t.Helper()
	jp, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer jp.Close()
	mp, _ := mapping.NewParser()
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var f *facts.File
		switch filepath.Ext(p) {
		case ".java":
			f, err = jp.Parse(context.Background(), rel, src)
		case ".xml", ".yaml", ".yml":
			f, err = mp.Parse(context.Background(), rel, src)
		default:
			return nil
		}
		if err != nil {
			return err
		}
		if f == nil {
			ignored = append(ignored, rel)
			return nil
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, ignored
}

// corpusFacts turns facts into truth lines. It stands in for package
// graph in one respect only: an entity named in an access or a foreign
// key is resolved to its mapped table by its fully qualified or simple
// name, among the corpus's mapped types. What needs more (constants of
// other files, the table of a subclass in a single-table hierarchy) is
// left to the graph: a subclass entity's own table is not produced when
// its root's strategy is single-table.
func corpusFacts(files []*facts.File) (produced map[truthLine]string, unresolved []string) {
	qual := func(f *facts.File, i int) string {
		if f.Package == "" {
			return f.Types[i].Name
		}
		return f.Package + "." + f.Types[i].Name
	}
	primary := map[string]string{}  // entity type -> its table
	strategy := map[string]string{} // entity type -> @Inheritance
	superOf := map[string]string{}  // type -> its superclass as written
	for _, f := range files {
		for _, r := range f.Refs {
			if r.Kind == facts.Extends && r.From >= 0 && f.Types[r.From].Kind == facts.Class {
				superOf[qual(f, r.From)] = r.Name
			}
		}
		for _, t := range f.Tables {
			typ := t.EntityName
			if t.Entity >= 0 {
				typ = qual(f, t.Entity)
			}
			if typ == "" || t.Name == "" {
				continue
			}
			if _, ok := primary[typ]; !ok {
				primary[typ] = t.Name
			}
			if t.Inheritance != "" {
				strategy[typ] = t.Inheritance
			}
		}
	}
	resolve := func(name string) string {
		if _, ok := primary[name]; ok {
			return name
		}
		found := ""
		for typ := range primary {
			if strings.HasSuffix(typ, "."+name) {
				if found != "" {
					return ""
				}
				found = typ
			}
		}
		return found
	}
	// provisional: a subclass entity whose root maps a single table.
	provisional := func(typ string) bool {
		root := ""
		for s, n := superOf[typ], 0; s != "" && n < 16; n++ {
			r := resolve(s)
			if r == "" {
				break
			}
			root = r
			s = superOf[r]
		}
		return root != "" && (strategy[root] == "" || strategy[root] == "single-table")
	}
	table := func(entity string) string {
		if typ := resolve(entity); typ != "" {
			return primary[typ]
		}
		return ""
	}
	produced = map[truthLine]string{}
	add := func(l truthLine, where string) {
		if _, ok := produced[l]; !ok {
			produced[l] = where
		}
	}
	for _, f := range files {
		for _, t := range f.Tables {
			where := fmt.Sprintf("%s:%d", f.Path, t.Line)
			typ := t.EntityName
			if t.Entity >= 0 {
				typ = qual(f, t.Entity)
			}
			from := t.Name
			switch {
			case t.Name == "":
				if from = table(typ); from == "" {
					unresolved = append(unresolved, where+": table of entity "+typ)
				}
			case typ != "":
				if t.Via == "jpa" && provisional(typ) {
					continue
				}
				add(truthLine{typ, "maps", t.Name}, where)
			default:
				add(truthLine{f.Path, "table", t.Name}, where)
			}
			if from == "" {
				continue
			}
			for _, r := range t.Reads {
				add(truthLine{from, "view-reads", r}, where)
			}
			for _, k := range t.ForeignKeys {
				to := k.Table
				if to == "" {
					if to = table(k.Entity); to == "" {
						unresolved = append(unresolved, where+": foreign key to entity "+k.Entity)
						continue
					}
				}
				add(truthLine{from, "fk", to}, where)
			}
		}
		for _, d := range f.Data {
			where := fmt.Sprintf("%s:%d", f.Path, d.Line)
			var subject string
			switch {
			case d.From >= 0:
				subject = qual(f, d.From)
			case d.Member != "":
				subject = d.Member[:max(strings.LastIndexByte(d.Member, '.'), 0)]
			default:
				continue // a migration's own statements: no code performs them
			}
			object := d.Object
			if object == "" {
				if object = table(d.Entity); object == "" {
					unresolved = append(unresolved, where+": entity "+d.Entity)
					continue
				}
			}
			add(truthLine{subject, string(d.Kind), object}, where)
		}
	}
	return produced, unresolved
}

// TestDataTruth checks the data facts of the Java parser and the mapping
// reader against the hand-written truth of testdata/java/data: precision
// 100%, recall at least 95% of the lines that do not need package graph.
func TestDataTruth(t *testing.T) {
	truth := readTruth(t, filepath.Join(dataCorpus, "expected.tsv"))
	files, ignored := parseCorpus(t, dataCorpus)
	for _, f := range files {
		for _, d := range f.Diagnostics {
			t.Errorf("diagnostic: %s:%d %s %s", d.Path, d.Line, d.Code, d.Message)
		}
	}
	if want := []string{"pom.xml", "src/main/resources/application.yml"}; !slices.Equal(ignored, want) {
		t.Errorf("files left out as no mappings: %v, want %v", ignored, want)
	}
	produced, unresolved := corpusFacts(files)
	for _, u := range unresolved {
		t.Logf("not resolved by the test's stand-in for package graph: %s", u)
	}
	var fp []string
	correct := 0
	for l, where := range produced {
		if _, ok := truth[l]; ok {
			correct++
		} else {
			fp = append(fp, fmt.Sprintf("%s (from %s)", l, where))
		}
	}
	var misses []string
	direct, found := 0, 0
	for l, graph := range truth {
		if graph {
			continue
		}
		direct++
		if _, ok := produced[l]; ok {
			found++
		} else {
			misses = append(misses, l.String())
		}
	}
	slices.Sort(fp)
	slices.Sort(misses)
	for _, s := range fp {
		t.Errorf("not in the truth: %s", s)
	}
	for _, s := range misses {
		t.Logf("missed: %s (%s)", s, missReason(s))
	}
	precision := float64(correct) / float64(max(len(produced), 1))
	recall := float64(found) / float64(max(direct, 1))
	t.Logf("precision %.3f (%d/%d), recall %.3f (%d/%d lines not needing the graph; %d lines need it)",
		precision, correct, len(produced), recall, found, direct, len(truth)-direct)
	if precision < 1 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: want 1 and at least 0.95", precision, recall)
	}
}

// missReasons explains the misses the corpus is known to have.
var missReasons = map[string]string{}

func missReason(line string) string {
	if r, ok := missReasons[line]; ok {
		return r
	}
	return "unexplained"
}
