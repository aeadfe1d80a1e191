package typescript

import (
	"strings"

	"github.com/seams-dev/seams/facts"
)

// prismaSchema reads a Prisma schema: each model (and view) is a type of
// the file mapped to its table: @@map("name"), else the model's name, in
// the schema of @@schema("s") when written. A relation field whose
// @relation names `fields:` holds the foreign key, to the related model's
// table. Generators, datasources, enums and types say nothing about
// tables.
func prismaSchema(file string, src []byte) *facts.File {
	f := &facts.File{Path: file, Language: "prisma", Bytes: len(src), Lines: facts.LineCount(src), Package: dirOf(file)}
	text := string(src)
	lines := strings.Split(text, "\n")
	type block struct {
		typ, table int
	}
	var cur *block
	for n, raw := range lines {
		line := raw
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if cur == nil {
			w := strings.Fields(line)
			if len(w) >= 2 && (w[0] == "model" || w[0] == "view") && strings.HasSuffix(line, "{") {
				name := strings.TrimSuffix(w[1], "{")
				kind := facts.BaseTable
				if w[0] == "view" {
					kind = facts.View
				}
				f.Types = append(f.Types, facts.Type{Name: name, Kind: facts.Class, Outer: -1, Line: n + 1, EndLine: n + 1, Public: true})
				f.Tables = append(f.Tables, facts.Table{Name: strings.ToLower(name), Kind: kind, Entity: len(f.Types) - 1, Line: n + 1, Via: "prisma"})
				cur = &block{typ: len(f.Types) - 1, table: len(f.Tables) - 1}
			}
			continue
		}
		if strings.HasPrefix(line, "}") {
			f.Types[cur.typ].EndLine = n + 1
			cur = nil
			continue
		}
		t := &f.Tables[cur.table]
		switch {
		case strings.HasPrefix(line, "@@map("):
			if s, ok := firstQuoted(line); ok {
				schema := ""
				if i := strings.IndexByte(t.Name, '.'); i >= 0 {
					schema = t.Name[:i+1]
				}
				t.Name = schema + strings.ToLower(s)
			}
		case strings.HasPrefix(line, "@@schema("):
			if s, ok := firstQuoted(line); ok {
				t.Name = strings.ToLower(s) + "." + t.Name[strings.IndexByte(t.Name, '.')+1:]
			}
		case strings.HasPrefix(line, "@"):
		default:
			w := strings.Fields(line)
			if len(w) < 2 || !strings.Contains(line, "@relation") || !strings.Contains(line, "fields:") {
				continue
			}
			target := strings.TrimRight(w[1], "?[]")
			col := ""
			if i := strings.Index(line, "fields:"); i >= 0 {
				rest := strings.TrimLeft(line[i+len("fields:"):], " [")
				if j := strings.IndexAny(rest, ",]"); j >= 0 {
					col = strings.TrimSpace(rest[:j])
				}
			}
			fk := facts.ForeignKey{Entity: target, Line: n + 1}
			if col != "" {
				fk.Columns = []string{col}
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
	}
	return f
}

// firstQuoted returns the first double-quoted string of s.
func firstQuoted(s string) (string, bool) {
	i := strings.IndexByte(s, '"')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(s[i+1:], '"')
	if j < 0 {
		return "", false
	}
	return s[i+1 : i+1+j], true
}
