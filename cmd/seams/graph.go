package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/report"
)

type graphOptions struct {
	io     streams
	flags  analysisFlags
	format string
	level  string
	out    string
	result string
}

// graphFormats are the output formats of seams graph.
var graphFormats = []string{"dot", "svg", "graphml", "json"}

// svgWarnNodes is the size above which laying a graph out for SVG may
// take minutes: seams graph says so before it starts.
const svgWarnNodes = 2000

func newGraphCmd(io streams) *cobra.Command {
	opts := &graphOptions{io: io}
	cmd := &cobra.Command{
		Use:   "graph [PATH]",
		Short: "Export the dependency graph as DOT, SVG, GraphML or JSON",
		Long: `Graph analyses the repository at PATH (default: the current directory) as
analyze does, without writing a report, and writes its dependency graph at
the chosen level for other tools: Graphviz (dot, svg), Gephi and yEd
(graphml), or programs (json).

Levels: type, file and package are the resolved dependency graph, each
node labelled with the candidate that holds it (DOT groups the nodes of a
candidate in a cluster); candidate is the candidates and the dependencies
between them. Tables, views and routines are nodes at every level, joined
to what reads and writes them. An edge aggregates every reference from one
node to another: its weight sums each kind's weight (as in clustering)
times its count, and its kinds count them.

With --result, graph reads a result.json written by seams analyze (or
the report directory holding one) instead of analysing anything; the
result holds the candidates but not the type-level graph, so only
--level candidate works with it.

The graph goes to stdout, or to --out FILE (written whole or not at all).
SVG is laid out by Graphviz (dot for up to 300 nodes, sfdp beyond); past a
few thousand nodes that takes long: prefer graphml or a coarser level.`,
		Example: `  seams graph --level package --format svg -o packages.svg ~/src/bank-monolith
  seams graph --level type --format graphml -o types.graphml .
  seams graph --result seams-report --format dot | dot -Tpng > candidates.png`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(graphFormats, opts.format) {
				return &usageError{fmt.Errorf("--format must be one of %s, not %q", strings.Join(graphFormats, ", "), opts.format)}
			}
			if !slices.Contains(report.Levels, opts.level) {
				return &usageError{fmt.Errorf("--level must be one of %s, not %q", strings.Join(report.Levels, ", "), opts.level)}
			}
			if opts.result != "" {
				if len(args) > 0 {
					return &usageError{errors.New("give either PATH or --result, not both")}
				}
				if !cmd.Flags().Changed("level") {
					opts.level = "candidate"
				}
				if opts.level != "candidate" {
					return &usageError{fmt.Errorf("--result holds the candidates, not the %s graph: use --level candidate, or analyse PATH", opts.level)}
				}
				return runGraph(cmd, opts, nil)
			}
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			s, err := opts.flags.resolve(cmd, path)
			if err != nil {
				return err
			}
			return runGraph(cmd, opts, s)
		},
	}
	opts.flags.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "dot", "output: "+strings.Join(graphFormats, ", "))
	f.StringVar(&opts.level, "level", "package", "nodes: "+strings.Join(report.Levels, ", "))
	f.StringVarP(&opts.out, "out", "o", "", "write the graph to this file instead of stdout")
	f.StringVar(&opts.result, "result", "", "read this result.json (or report directory) instead of analysing PATH; --level candidate only")
	return cmd
}

// runGraph builds the graph (from s's analysis, or from --result when s
// is nil) and writes it.
func runGraph(cmd *cobra.Command, opts *graphOptions, s *settings) error {
	ctx := cmd.Context()
	var g *report.Graph
	if s == nil {
		r, err := readResult(opts.result)
		if err != nil {
			return err
		}
		g = report.CandidateGraph(r)
	} else {
		prog := newProgress(opts.io.Err, opts.io.Interactive)
		res, dg, err := s.run(ctx, prog)
		prog.done()
		if err != nil {
			return err
		}
		if opts.level == "candidate" {
			g = report.CandidateGraph(res)
		} else if g, err = report.FromGraph(dg, res, opts.level); err != nil {
			return err
		}
	}

	var buf bytes.Buffer
	var err error
	switch opts.format {
	case "dot":
		err = g.WriteDOT(&buf)
	case "json":
		err = g.WriteJSON(&buf)
	case "graphml":
		err = g.WriteGraphML(&buf)
	case "svg":
		if n := len(g.Nodes); n > svgWarnNodes {
			fmt.Fprintf(opts.io.Err, "seams: laying out %d nodes for SVG may take minutes; --format graphml or a coarser --level is quicker\n", n)
		}
		var dot bytes.Buffer
		if err = g.WriteDOT(&dot); err == nil {
			err = report.SVG(ctx, &buf, dot.String(), g.Layout())
		}
	}
	if err != nil {
		return fmt.Errorf("writing the %s graph: %w", opts.format, err)
	}
	if opts.out == "" {
		_, err = opts.io.Out.Write(buf.Bytes())
		return err
	}
	return report.WriteFile(opts.out, buf.Bytes())
}
