// Package config reads seams.yaml, the optional file in which an architect
// records the settings of an analysis and the decisions that override the
// clustering: files pinned to a named context, candidates merged or split,
// paths excluded, components moved in or out of the shared kernel.
//
// Every field is optional; an absent file means the defaults. Unknown
// fields are an error (a typo must not be silently ignored), reported with
// the line. Command-line flags override the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seams-dev/seams/fail"
)

// FileName is the name seams looks for at the repository root.
const FileName = "seams.yaml"

// Config is the content of seams.yaml.
type Config struct {
	// Files.
	Include       []string `yaml:"include"`
	Exclude       []string `yaml:"exclude"`
	Tests         *bool    `yaml:"tests"`
	KeepGenerated *bool    `yaml:"keep_generated"`
	MaxFileSize   string   `yaml:"max_file_size"`

	Clustering Clustering `yaml:"clustering"`
	Kernel     Kernel     `yaml:"kernel"`
	Pins       []Pin      `yaml:"pins"`
	Merges     [][]string `yaml:"merges"`
	Splits     []Split    `yaml:"splits"`
	Plan       Plan       `yaml:"plan"`
	Contexts   []Context  `yaml:"contexts"`
	Rules      Rules      `yaml:"rules"`
	// Store is the history store's address (a path, or postgres://...).
	Store string `yaml:"store"`
}

// Clustering tunes the clustering.
type Clustering struct {
	// Resolution is the Louvain resolution; 0 means: the most stable of
	// a modularity profile.
	Resolution float64 `yaml:"resolution"`
	// Services asks for this many candidates (the resolution is searched);
	// 0 means: let the modularity decide.
	Services int     `yaml:"services"`
	Seed     *uint64 `yaml:"seed"`
	// Layers weighs the coupling signals: structural, data, evolution,
	// people, vocabulary, names.
	Layers map[string]float64 `yaml:"layers"`
	// Weights weighs one reference of each kind in the structural layer:
	// extends, implements, call, new, method-ref, type-use, annotation, and
	// accessor (a call of a getter or setter).
	Weights map[string]float64 `yaml:"weights"`
}

// Kernel moves components in or out of the shared kernel, by path glob or
// fully qualified type name.
type Kernel struct {
	Include []string `yaml:"include"`
	Exclude []string `yaml:"exclude"`
}

// Pin puts files in a named context: by path glob, or by package (the
// package and its sub-packages).
type Pin struct {
	Path    string `yaml:"path"`
	Package string `yaml:"package"`
	Context string `yaml:"context"`
}

// Split breaks a candidate (by ID or name) apart: By "package" gives one
// candidate per package; "cluster" re-clusters it alone, at a higher
// resolution.
type Split struct {
	Candidate string `yaml:"candidate"`
	By        string `yaml:"by"`
}

// Plan sets the extraction plan's strategy: least-entangled-first or
// shared-core-first.
type Plan struct {
	Strategy string `yaml:"strategy"`
}

// Context is a declared bounded context: its code by path globs or
// packages.
type Context struct {
	Name     string   `yaml:"name"`
	Paths    []string `yaml:"paths"`
	Packages []string `yaml:"packages"`
}

// Rules are what seams check enforces.
type Rules struct {
	// Allow lists the allowed dependencies between declared contexts, as
	// "a -> b"; with Contexts declared, any other cross-context
	// dependency is a breach.
	Allow       []string `yaml:"allow"`
	NoNewCycles bool     `yaml:"no_new_cycles"`
	MaxICP      *float64 `yaml:"max_icp"`
	MaxShared   *int     `yaml:"max_shared_tables"`
	NoWorseThan string   `yaml:"no_worse_than"` // a baseline: a commit or snapshot id ("main")
}

// Load reads the settings file name (normally FileName) from dir. A
// missing file is no error: it returns the zero Config and found false.
func Load(dir, name string) (cfg *Config, found bool, err error) {
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{}, false, nil
	}
	if err != nil {
		return nil, false, fail.New(fail.Operator, fmt.Errorf("cannot read %s: %w", path, err), "check the file's permissions")
	}
	cfg, err = Parse(data)
	if err != nil {
		return nil, true, fail.New(fail.User, fmt.Errorf("%s: %w", path, err), "fix seams.yaml (seams init writes a commented example)")
	}
	return cfg, true, nil
}

// Parse reads a seams.yaml document and checks it.
func Parse(data []byte) (*Config, error) {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return cfg, cfg.check()
}

var (
	layerNames  = []string{"structural", "data", "evolution", "people", "vocabulary", "names"}
	weightNames = []string{"extends", "implements", "call", "new", "method-ref", "type-use", "annotation", "accessor"}
)

func (c *Config) check() error {
	var errs []string
	for k, v := range c.Clustering.Layers {
		if !contains(layerNames, k) {
			errs = append(errs, fmt.Sprintf("clustering.layers: unknown layer %q (known: %s)", k, strings.Join(layerNames, ", ")))
		}
		if v < 0 {
			errs = append(errs, fmt.Sprintf("clustering.layers.%s: weight %v is negative", k, v))
		}
	}
	for k, v := range c.Clustering.Weights {
		if !contains(weightNames, k) {
			errs = append(errs, fmt.Sprintf("clustering.weights: unknown kind %q (known: %s)", k, strings.Join(weightNames, ", ")))
		}
		if v < 0 {
			errs = append(errs, fmt.Sprintf("clustering.weights.%s: weight %v is negative", k, v))
		}
	}
	if c.Clustering.Resolution < 0 {
		errs = append(errs, "clustering.resolution must not be negative (0: from the modularity profile)")
	}
	if c.Clustering.Services < 0 {
		errs = append(errs, "clustering.services must be positive")
	}
	for i, p := range c.Pins {
		switch {
		case p.Context == "":
			errs = append(errs, fmt.Sprintf("pins[%d]: context is missing", i))
		case (p.Path == "") == (p.Package == ""):
			errs = append(errs, fmt.Sprintf("pins[%d]: give exactly one of path or package", i))
		}
	}
	for i, m := range c.Merges {
		if len(m) < 2 {
			errs = append(errs, fmt.Sprintf("merges[%d]: name at least two candidates", i))
		}
	}
	for i, s := range c.Splits {
		if s.Candidate == "" {
			errs = append(errs, fmt.Sprintf("splits[%d]: candidate is missing", i))
		}
		if s.By != "" && s.By != "package" && s.By != "cluster" {
			errs = append(errs, fmt.Sprintf("splits[%d]: by must be package or cluster, not %q", i, s.By))
		}
	}
	switch c.Plan.Strategy {
	case "", "least-entangled-first", "shared-core-first":
	default:
		errs = append(errs, fmt.Sprintf("plan.strategy: %q is not least-entangled-first or shared-core-first", c.Plan.Strategy))
	}
	for i, ctx := range c.Contexts {
		if ctx.Name == "" {
			errs = append(errs, fmt.Sprintf("contexts[%d]: name is missing", i))
		}
	}
	for _, a := range c.Rules.Allow {
		if from, to, ok := strings.Cut(a, "->"); !ok || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
			errs = append(errs, fmt.Sprintf("rules.allow: %q is not of the form \"a -> b\"", a))
		}
	}
	if c.MaxFileSize != "" {
		if _, err := ParseSize(c.MaxFileSize); err != nil {
			errs = append(errs, "max_file_size: "+err.Error())
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// ParseSize reads a size like "1048576", "512KiB", "4MiB", "1GB"; 0 means
// no limit.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size (try 1048576, 512KiB or 4MiB)", s)
	}
	return int64(n * float64(mult)), nil
}
