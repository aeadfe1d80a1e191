package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/seams-dev/seams/result"
)

// Markdown writes summary.md: the repository, the overall scores with
// their meaning, the top risks, the candidates as a table, the cycles,
// the shared tables and the plan, in GitHub-flavoured Markdown for a pull
// request or a wiki. Every name from the analysed code is escaped (see
// md), so it shows as text whatever characters it holds.
func Markdown(w io.Writer, r *result.Result) error {
	v, l := buildView(r)
	p := &printer{w: w}
	head := "# seams: " + md(v.Repo)
	if v.CommitShort != "" {
		head += " @ `" + v.CommitShort + "`"
	}
	p.f("%s\n\n", head)
	langs := "no source files"
	if len(v.Languages) > 0 {
		langs = md(strings.Join(v.Languages, ", "))
	}
	p.f("%s files, %s lines, %s types in %s packages, %s tables; %s.\n",
		num(v.Files), num(v.Lines), num(v.Types), num(v.Packages), num(v.TableCount), langs)
	if v.Skipped > 0 {
		p.f("%s paths skipped: %s.\n", num(v.Skipped), md(skippedLine(r.Diagnostics.Skipped)))
	}
	p.f("\n")
	if len(r.Candidates) == 0 {
		p.f("No service candidates: nothing to cluster.\n")
		return p.err
	}

	p.f("## Scores\n\n| score | value | verdict | meaning |\n| --- | ---: | --- | --- |\n")
	for _, s := range v.Scores {
		verdict := "—"
		if s.Verdict != "" {
			verdict = s.Mark + " " + s.Verdict
		}
		p.f("| %s | %s | %s | %s (%s) |\n", s.Name, s.Value, verdict, md(s.Meaning), s.Better)
	}
	p.f("\n## Top risks\n\n")
	if len(v.Risks) == 0 {
		p.f("No risk crossed the report's thresholds.\n")
	}
	for i, rk := range v.Risks {
		p.f("%d. **%s.** %s\n", i+1, md(rk.Title), md(rk.Text))
	}

	p.f("\n## %d service candidates\n\n", len(r.Candidates))
	p.f("| candidate | files | lines | cohesion | calls out | tables owned / shared | difficulty | main package |\n")
	p.f("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	for _, c := range r.Candidates {
		sc := c.Scores
		calls := "-"
		if n := sc.CallsOut + sc.CallsInternal; n > 0 {
			calls = pct(sc.CallsOut, n)
		}
		diff := "-"
		if sc.Difficulty > 0 || len(sc.DifficultyParts) > 0 {
			diff = fmt.Sprintf("%.0f", sc.Difficulty)
		}
		main := "-"
		if len(c.Packages) > 0 {
			main = md(c.Packages[0].Name) + " " + pctf(c.Packages[0].Share)
		}
		name := md(c.Name)
		if l.cycleOf[l.cand[c.ID]] >= 0 {
			name += " ↻"
		}
		p.f("| %s | %s | %s | %.2f | %s | %d / %d | %s | %s |\n", name, num(sc.Files), num(sc.Lines), sc.Cohesion, calls,
			len(sc.OwnedTables), len(sc.SharedTables), diff, main)
	}
	if len(r.Cycles.Candidates) > 0 {
		p.f("\n↻ in a cycle between candidates:\n\n")
		for _, c := range r.Cycles.Candidates {
			names := make([]string, len(c))
			for i, id := range c {
				names[i] = md(l.name(id))
			}
			p.f("- %s\n", strings.Join(names, " ↔ "))
		}
	}
	p.f("\nCycles: %d between candidates, %d between packages, %d between types (largest: %d types).\n",
		len(r.Cycles.Candidates), len(r.Cycles.Packages), len(r.Cycles.Types), largest(r.Cycles.Types))

	if len(r.Kernel) > 0 {
		p.f("\n## Shared kernel\n\n")
		for _, k := range r.Kernel {
			p.f("- %s (%s): %s; used by %d candidates\n", md(k.Name), md(k.Kind), md(kernelKindText(k.Kind)), k.UsedBy)
		}
	}

	var shared []string
	for _, row := range v.Data.Rows {
		if !row.Shared {
			continue
		}
		s := md(row.Name)
		if row.Owner != "" {
			s += " (owner " + md(row.Owner) + ")"
		}
		if row.Conflict != "" {
			s += ": " + md(row.Conflict)
		}
		shared = append(shared, s)
	}
	if len(shared) > 0 {
		p.f("\n## Shared tables\n\n")
		for i, s := range shared {
			if i == 20 {
				p.f("- and %d more\n", len(shared)-i)
				break
			}
			p.f("- %s\n", s)
		}
	}

	if len(v.Plan.Steps) > 0 {
		p.f("\n## Extraction roadmap (%s)\n\n", md(v.Plan.Strategy))
		for _, s := range v.Plan.Steps {
			p.f("%d. **%s** (cost %s: %s). %s\n", s.Order, md(s.Candidate.Name), s.Score, md(s.CostDetail), md(s.Reason))
		}
	}
	p.f("\n---\nWritten by %s; the whole report is in index.html and result.json.\n", md(v.Tool))
	return p.err
}

// md escapes text for Markdown: every character that Markdown or HTML
// could read as syntax inside a line (emphasis, code, links, tags,
// entities, table cells) gets a backslash, which CommonMark allows before
// any ASCII punctuation, and line breaks become spaces, so a name shows
// as itself. Names never start a line here, so list and heading markers
// need no escape.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
		case strings.ContainsRune("\\`*_{}[]<>#!|~&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
