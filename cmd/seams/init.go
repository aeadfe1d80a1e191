package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/config"
	"github.com/seams-dev/seams/fail"
	"github.com/seams-dev/seams/result"
)

type initOptions struct {
	io    streams
	flags analysisFlags
	force bool
	print bool
}

func newInitCmd(io streams) *cobra.Command {
	opts := &initOptions{io: io}
	cmd := &cobra.Command{
		Use:   "init [PATH]",
		Short: "Write a commented seams.yaml with the detected settings",
		Long: `Init analyses the repository at PATH (default: the current directory) and
writes PATH/seams.yaml: every setting with its current value and a comment
saying what it does, the shared kernel it found, and the candidates it
proposes written as pins you can edit to record your own decisions. It
refuses to overwrite an existing file unless --force.`,
		Example: `  seams init ~/src/bank-monolith
  seams init --print .`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			target := filepath.Join(path, config.FileName)
			if _, err := os.Stat(target); err == nil && !opts.force && !opts.print {
				return fail.Userf("edit it, or pass --force to replace it", "%s already exists", target)
			}
			opts.flags.noConfig = true // describe the defaults, not the old file
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
			text, err := initFile(res, s)
			if err != nil {
				return err
			}
			if opts.print {
				_, err = io.Out.Write(text)
				return err
			}
			if err := os.WriteFile(target, text, 0o644); err != nil {
				if errors.Is(err, fs.ErrPermission) {
					return fail.New(fail.Operator, err, "make the directory writable, or use --print and save the output yourself")
				}
				return fail.New(fail.Operator, err, "use --print and save the output yourself")
			}
			_, err = fmt.Fprintf(io.Out, "wrote %s\n", target)
			return err
		},
	}
	opts.flags.register(cmd.Flags())
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace an existing seams.yaml")
	cmd.Flags().BoolVar(&opts.print, "print", false, "print the file instead of writing it")
	return cmd
}

var initTemplate = template.Must(template.New("seams.yaml").Funcs(template.FuncMap{"quote": yamlQuote}).Parse(`# seams.yaml: settings and decisions for seams analyze, plan and check.
# Written by seams init for {{.Repo}}{{if .Commit}} at {{.Commit}}{{end}}: {{.Summary}}.
# Every setting is optional: delete what you do not need. Flags on the
# command line win over this file.

# Which files. Patterns are anchored at the repository root; ** matches any
# number of directories.
include: []       # analyse paths a default rule skips, e.g. "build/generated/**"
exclude: []       # skip paths, e.g. "legacy/**"
tests: {{.Tests}}       # include test code
keep_generated: false
max_file_size: {{.MaxSize}}

clustering:
  resolution: {{.Resolution}}   # higher gives more, smaller candidates; 0: the most stable of a modularity profile{{if .Profiled}} (this run: {{.Profiled}}){{end}}
  services: 0     # or ask for a number of candidates (the resolution is searched)
  seed: {{.Seed}}
  # How much each coupling signal counts in the clustering.
  layers:
{{- range .Layers}}
    {{.Name}}: {{.Weight}}   # {{.Help}}
{{- end}}
  # How much one reference of each kind weighs in the structural layer.
  weights:
{{- range .Weights}}
    {{.Name}}: {{.Weight}}
{{- end}}

# The shared kernel: components nearly everything depends on, set aside
# before clustering. Move them back with exclude, or add others with
# include (path globs or fully qualified type names).
kernel:
  include: []
  exclude: []
{{- range .Kernel}}
  # found: {{.Name}} ({{.Kind}}): {{.Reason}}
{{- end}}

# Pins put code in a named context before clustering; the candidate takes
# the context's name. The candidates proposed now, written as pins you can
# edit and uncomment to record your decisions:
pins: []
{{- range .Pins}}
#  - {package: {{quote .Package}}, context: {{quote .Context}}}
{{- end}}

# Merge candidates (by ID or name), or split one by package or by
# clustering it alone.
merges: []        # e.g. [[billing, payments]]
splits: []        # e.g. [{candidate: orders, by: package}]

plan:
  strategy: {{.Strategy}}   # or shared-core-first

# Declared contexts and the dependencies allowed between them, for seams check.
contexts: []      # e.g. [{name: billing, packages: [com.acme.billing]}]
rules:
  allow: []       # e.g. ["ordering -> billing"]
  no_new_cycles: false
`))

type initData struct {
	Repo, Commit, Summary string
	Tests                 bool
	MaxSize               string
	Resolution            float64
	Profiled              string // the resolution the profile chose, when it did
	Seed                  uint64
	Layers, Weights       []initWeight
	Kernel                []result.KernelComponent
	Pins                  []config.Pin
	Strategy              string
}

type initWeight struct {
	Name   string
	Weight float64
	Help   string
}

func initFile(res *result.Result, s *settings) ([]byte, error) {
	d := initData{
		Repo: res.Repository.Name, Commit: res.Repository.Commit,
		Tests: s.walk.Tests, MaxSize: "1MiB", Resolution: s.analysis.Resolution, Seed: s.analysis.Seed,
		Kernel: res.Kernel, Strategy: s.analysis.Strategy,
	}
	if res.Settings.ResolutionFrom == "profile" {
		d.Profiled = strconv.FormatFloat(res.Settings.Resolution, 'f', -1, 64)
	}
	var langs []string
	for _, l := range res.Summary.Languages {
		langs = append(langs, fmt.Sprintf("%d %s files", l.Files, l.Language))
	}
	d.Summary = fmt.Sprintf("%s, %d candidates", strings.Join(langs, ", "), len(res.Candidates))
	if s.walk.MaxFileSize > 0 {
		d.MaxSize = fmt.Sprint(s.walk.MaxFileSize)
	}
	l := s.analysis.Layers
	d.Layers = []initWeight{
		{"structural", l.Structural, "calls, type use and inheritance"},
		{"data", l.Data, "tables touched in common, writes weighing most"},
		{"evolution", l.Evolution, "files changed together in git history"},
		{"people", l.People, "files changed by the same people"},
		{"vocabulary", l.Vocabulary, "shared domain words in the names declared"},
		{"names", l.Names, "main types with the same subject (Order, OrderService)"},
	}
	for k, w := range s.analysis.Weights {
		d.Weights = append(d.Weights, initWeight{Name: string(k), Weight: w})
	}
	slices.SortFunc(d.Weights, func(a, b initWeight) int { return strings.Compare(a.Name, b.Name) })
	// Each candidate as pins of its packages (a package goes to the
	// candidate holding most of its lines).
	for _, p := range res.Packages {
		if p.Candidate == "" {
			continue
		}
		d.Pins = append(d.Pins, config.Pin{Package: p.Name, Context: p.Candidate})
	}
	var buf bytes.Buffer
	if err := initTemplate.Execute(&buf, d); err != nil {
		return nil, err
	}
	// What we write must read back.
	if _, err := config.Parse(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("seams init wrote a seams.yaml it cannot read back: %w", err)
	}
	return buf.Bytes(), nil
}

// yamlQuote quotes a string for YAML.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
