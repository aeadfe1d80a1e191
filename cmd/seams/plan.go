package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/result"
)

type planOptions struct {
	io     streams
	flags  analysisFlags
	format string
}

func newPlanCmd(io streams) *cobra.Command {
	opts := &planOptions{io: io}
	cmd := &cobra.Command{
		Use:   "plan [PATH]",
		Short: "Print the extraction plan: which candidate to extract first, and why",
		Long: `Plan analyses the repository at PATH (default: the current directory) as
analyze does, without writing a report, and prints the extraction plan: one
candidate per step in strangler-fig order, each with its cost given the
steps before it (calls turned remote, tables to move or split, cycles to
break), the API the rest of the monolith will call, what to do with each
table, and the reason.

Strategies: least-entangled-first (default) extracts at each step the
candidate that costs least now; shared-core-first extracts first the
candidates the others lean on most, as shared services.`,
		Example: `  seams plan ~/src/bank-monolith
  seams plan --format markdown --strategy shared-core-first . > PLAN.md`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			switch opts.format {
			case "text", "markdown", "json":
			default:
				return &usageError{fmt.Errorf("--format must be text, markdown or json, not %q", opts.format)}
			}
			s, err := opts.flags.resolve(cmd, path)
			if err != nil {
				return err
			}
			prog := newProgress(io.Err, io.Interactive)
			res, _, err := s.run(cmd.Context(), prog)
			prog.done()
			if err != nil {
				return err
			}
			switch opts.format {
			case "json":
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(res.Plan)
			case "markdown":
				return planMarkdown(io.Out, res)
			}
			return planText(io.Out, res)
		},
	}
	opts.flags.register(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "text", "output: text, markdown or json")
	return cmd
}

func candidateNames(res *result.Result) map[string]string {
	names := map[string]string{}
	for _, c := range res.Candidates {
		names[c.ID] = c.Name
	}
	return names
}

func planText(w io.Writer, res *result.Result) error {
	names := candidateNames(res)
	fmt.Fprintf(w, "Extraction plan for %s (%s), %d steps\n", res.Repository.Name, res.Plan.Strategy, len(res.Plan.Steps))
	for _, st := range res.Plan.Steps {
		c := st.Cost
		fmt.Fprintf(w, "\n%d. %s  (cost %.0f: %d calls turned remote, %d tables to move, %d shared, %d cycle partners, %d dependencies to invert)\n",
			st.Order, names[st.Candidate], c.Score, c.CallsIn+c.CallsOut, c.Tables, c.Shared, c.Cycles, c.Invert)
		fmt.Fprintf(w, "%s\n", wrap(st.Reason, 78, "   "))
		if len(st.API) > 0 {
			var api []string
			for _, m := range st.API[:min(5, len(st.API))] {
				api = append(api, fmt.Sprintf("%s.%s (%d)", shortType(m.Type), m.Method, m.Calls))
			}
			fmt.Fprintf(w, "   API: %s\n", strings.Join(api, ", "))
		}
		if len(st.Invert) > 0 {
			var inv []string
			for _, d := range st.Invert {
				inv = append(inv, fmt.Sprintf("%s → %s (%s)", shortType(d.From), shortType(d.To), d.At))
			}
			fmt.Fprintf(w, "   invert: %s\n", strings.Join(inv, ", "))
		}
		if len(st.Tables) > 0 {
			var ts []string
			for _, t := range st.Tables {
				ts = append(ts, t.Table+" ("+t.Action+")")
			}
			fmt.Fprintf(w, "   tables: %s\n", strings.Join(ts, ", "))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

func planMarkdown(w io.Writer, res *result.Result) error {
	names := candidateNames(res)
	fmt.Fprintf(w, "# Extraction plan: %s\n\nStrategy: %s. Each step's cost counts what is left in the monolith after the steps before it.\n\n", res.Repository.Name, res.Plan.Strategy)
	fmt.Fprintf(w, "| step | candidate | calls turned remote | tables to move | shared tables | cycle partners | dependencies to invert | cost |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, st := range res.Plan.Steps {
		c := st.Cost
		fmt.Fprintf(w, "| %d | %s | %d | %d | %d | %d | %d | %.0f |\n", st.Order, mdEscape(names[st.Candidate]), c.CallsIn+c.CallsOut, c.Tables, c.Shared, c.Cycles, c.Invert, c.Score)
	}
	for _, st := range res.Plan.Steps {
		fmt.Fprintf(w, "\n## %d. %s\n\n%s\n", st.Order, mdEscape(names[st.Candidate]), mdEscape(st.Reason))
		if len(st.API) > 0 {
			fmt.Fprintf(w, "\nAPI to build (calls from the rest today):\n\n")
			for _, m := range st.API {
				fmt.Fprintf(w, "- `%s.%s` (%d calls from %d candidates)\n", m.Type, m.Method, m.Calls, m.Callers)
			}
		}
		if len(st.Tables) > 0 {
			fmt.Fprintf(w, "\nTables:\n\n")
			for _, t := range st.Tables {
				fmt.Fprintf(w, "- `%s`: %s\n", t.Table, t.Action)
			}
		}
	}
	return nil
}

// mdEscape keeps names from the analysed code from being read as
// Markdown.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

func shortType(q string) string {
	return q[strings.LastIndexByte(q, '.')+1:]
}

// wrap breaks text into lines of at most width columns, each indented.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(text) {
		if len(line)+len(w)+1 > width && strings.TrimSpace(line) != "" {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		line += w + " "
	}
	b.WriteString(strings.TrimRight(line, " "))
	return b.String()
}
