package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seams-dev/seams/result"
)

// Text writes a summary of r for a terminal: the repository, the
// resolution rate, the candidates as a table, cycles and what was skipped.
func Text(w io.Writer, r *result.Result) error {
	p := &printer{w: w}
	s := r.Summary
	head := r.Repository.Name
	if r.Repository.Commit != "" {
		head += " @ " + short(r.Repository.Commit)
	}
	var langs []string
	for _, l := range s.Languages {
		langs = append(langs, fmt.Sprintf("%s %s files", num(l.Files), l.Language))
	}
	if len(langs) == 0 {
		langs = []string{"no source files"}
	}
	p.f("%s: %s, %s lines, %s types in %s packages\n", head, strings.Join(langs, ", "), num(s.Lines), num(s.Types), num(s.Packages))

	var total result.Outcome
	for _, o := range r.Graph.References {
		total.Internal += o.Internal
		total.External += o.External
		total.Unresolved += o.Unresolved
	}
	if n := total.Internal + total.External + total.Unresolved; n > 0 {
		p.f("references: %s; %s inside the repository, %s to libraries, %s unresolved\n",
			num(n), pct(total.Internal, n), pct(total.External, n), pct(total.Unresolved, n))
	}
	p.f("\n")

	if len(r.Candidates) == 0 {
		p.f("no service candidates: nothing to cluster\n")
	} else {
		p.f("%d service candidates (modularity %.2f; %.0f%% of calls cross candidates)\n\n",
			len(r.Candidates), r.Scores.Modularity, r.Scores.ICP*100)
		prefix := r.Summary.PackagePrefix
		head := "MAIN PACKAGES"
		if prefix != "" {
			head += " (in " + prefix + ")"
		}
		rows := [][]string{{"CANDIDATE", "FILES", "LINES", "COHESION", "CALLS OUT", "DIFFICULTY", head}}
		for _, c := range r.Candidates {
			sc := c.Scores
			callsOut := "-"
			if n := sc.CallsOut + sc.CallsInternal; n > 0 {
				callsOut = fmt.Sprintf("%s of %s", pct(sc.CallsOut, n), num(n))
			}
			rows = append(rows, []string{trunc(c.Name, 32), num(sc.Files), num(sc.Lines), fmt.Sprintf("%.2f", sc.Cohesion), callsOut, fmt.Sprintf("%.0f", sc.Difficulty), mainPackages(c, prefix)})
		}
		p.table(rows, []bool{false, true, true, true, true, true, false})
		p.f("\n")
	}
	names := map[string]string{}
	for _, c := range r.Candidates {
		names[c.ID] = c.Name
	}
	if n := len(r.Kernel); n > 0 {
		kinds := map[string]int{}
		var top []string
		for i, k := range r.Kernel {
			kinds[k.Kind]++
			if i < 4 {
				top = append(top, shortName(k.Name)+" ("+k.Kind+")")
			}
		}
		more := ""
		if n > 4 {
			more = fmt.Sprintf(" and %d more", n-4)
		}
		p.f("shared kernel, set aside: %s%s\n", strings.Join(top, ", "), more)
	}
	if t := tableLine(r); t != "" {
		p.f("%s\n", t)
	}
	if n := len(r.Plan.Steps); n > 0 {
		var steps []string
		for _, st := range r.Plan.Steps[:min(3, n)] {
			steps = append(steps, fmt.Sprintf("%d. %s", st.Order, names[st.Candidate]))
		}
		if n > 3 {
			steps = append(steps, "...")
		}
		p.f("plan (%s): %s; see seams plan\n", r.Plan.Strategy, strings.Join(steps, ", "))
	}
	for _, o := range r.Overrides {
		p.f("override %s %s: %s\n", o.Kind, o.Description, o.Effect)
	}

	if n := len(r.Cycles.Candidates); n > 0 {
		var cs []string
		for _, c := range r.Cycles.Candidates[:min(3, n)] {
			var members []string
			for _, id := range c {
				members = append(members, names[id])
			}
			cs = append(cs, strings.Join(members, " ↔ "))
		}
		more := ""
		if n > 3 {
			more = fmt.Sprintf(" and %d more", n-3)
		}
		p.f("cycles between candidates: %s%s\n", strings.Join(cs, "; "), more)
	}
	p.f("cycles: %d between packages, %d between types (largest: %d types)\n",
		len(r.Cycles.Packages), len(r.Cycles.Types), largest(r.Cycles.Types))

	if line := skippedLine(r.Diagnostics.Skipped); line != "" {
		p.f("skipped paths: %s\n", line)
	}
	if n := len(r.Diagnostics.Files); n > 0 {
		p.f("%d file diagnostics, for example:\n", n)
		for _, d := range r.Diagnostics.Files[:min(3, n)] {
			at := d.Path
			if d.Line > 0 {
				at = fmt.Sprintf("%s:%d", d.Path, d.Line)
			}
			p.f("  %s: %s\n", at, d.Message)
		}
	}
	for _, n := range r.Diagnostics.Notes {
		p.f("note: %s\n", n)
	}
	return p.err
}

// table prints rows with aligned columns, right-aligned where right says
// so, indented by two spaces.
func (p *printer) table(rows [][]string, right []bool) {
	widths := make([]int, len(right))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(pad + cell)
			} else if i < len(row)-1 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(cell)
			}
		}
		p.f("%s\n", b.String())
	}
}

// tableLine summarises the data side: tables, shared ones, conflicts.
func tableLine(r *result.Result) string {
	tables, shared, conflicts := 0, 0, 0
	for _, t := range r.Tables {
		if t.Kind != "table" && t.Kind != "view" {
			continue
		}
		tables++
		if t.Shared {
			shared++
		}
		if t.Conflict != "" {
			conflicts++
		}
	}
	if tables == 0 {
		return ""
	}
	return fmt.Sprintf("tables: %d, %d shared between candidates, %d written by more than one", tables, shared, conflicts)
}

func shortName(q string) string {
	return q[strings.LastIndexByte(q, '.')+1:]
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func short(commit string) string {
	if len(commit) > 10 {
		return commit[:10]
	}
	return commit
}

// num formats an integer with thousands separators.
func num(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + num(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func pct(a, b int) string {
	if b == 0 {
		return "0%"
	}
	v := float64(a) * 100 / float64(b)
	if v > 0 && v < 1 {
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", v)
}

func trunc(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func mainPackages(c result.Candidate, prefix string) string {
	var parts []string
	for _, p := range c.Packages[:min(2, len(c.Packages))] {
		name := p.Name
		if rest, ok := strings.CutPrefix(name, prefix); prefix != "" && ok && rest != "" && (rest[0] == '.' || rest[0] == '/') {
			name = rest[1:]
		}
		parts = append(parts, fmt.Sprintf("%s %.0f%%", trunc(name, 40), p.Share*100))
	}
	if n := len(c.Packages) - 2; n > 0 {
		parts = append(parts, fmt.Sprintf("+%d", n))
	}
	return strings.Join(parts, ", ")
}

func largest(groups [][]string) int {
	n := 0
	for _, g := range groups {
		n = max(n, len(g))
	}
	return n
}

// skippedLine renders skip counts: "12 tests (use --tests), 3 generated".
func skippedLine(skipped map[string]int) string {
	hints := map[string]string{
		"test":      "use --tests",
		"generated": "use --keep-generated",
		"too-large": "use --max-file-size",
		"vendored":  "use --include",
	}
	var keys []string
	for k := range skipped {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if skipped[a] != skipped[b] {
			return skipped[b] - skipped[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, k := range keys {
		part := fmt.Sprintf("%s %s", num(skipped[k]), k)
		if h := hints[k]; h != "" {
			part += " (" + h + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}
