package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFull(t *testing.T) {
	cfg, err := Parse([]byte(`
include: ["build/generated/**"]
exclude: ["legacy/**"]
tests: true
max_file_size: 4MiB
clustering:
  resolution: 1.5
  services: 6
  seed: 7
  layers: {structural: 1, data: 2, evolution: 0.5, people: 0.1, vocabulary: 0.3, names: 0}
  weights: {call: 2, type-use: 0.25}
kernel:
  include: ["com.acme.Money"]
  exclude: ["src/main/java/com/acme/BaseEntity.java"]
pins:
  - {path: "src/main/java/com/acme/loan/**", context: loans}
  - {package: com.acme.billing, context: billing}
merges: [[billing, payments]]
splits: [{candidate: orders, by: package}]
plan: {strategy: shared-core-first}
contexts: [{name: billing, packages: [com.acme.billing]}]
rules: {allow: ["ordering -> billing"], no_new_cycles: true, max_icp: 0.3, max_shared_tables: 4}
store: postgres://seams@db/seams
`))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !*cfg.Tests, cfg.MaxFileSize != "4MiB", cfg.Clustering.Services != 6, *cfg.Clustering.Seed != 7,
		cfg.Clustering.Layers["data"] != 2, cfg.Clustering.Weights["type-use"] != 0.25,
		len(cfg.Pins) != 2 || cfg.Pins[1].Package != "com.acme.billing",
		len(cfg.Merges) != 1 || len(cfg.Merges[0]) != 2, cfg.Splits[0].By != "package",
		cfg.Plan.Strategy != "shared-core-first", *cfg.Rules.MaxICP != 0.3, *cfg.Rules.MaxShared != 4,
		cfg.Store != "postgres://seams@db/seams":
		t.Errorf("parsed wrongly: %+v", cfg)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"unknown field":  "clusterin: {}\n",
		"unknown layer":  "clustering: {layers: {gravity: 1}}\n",
		"negative layer": "clustering: {layers: {data: -1}}\n",
		"unknown kind":   "clustering: {weights: {calls: 1}}\n",
		"pin no context": "pins: [{path: a/**}]\n",
		"pin both":       "pins: [{path: a/**, package: a, context: x}]\n",
		"merge of one":   "merges: [[a]]\n",
		"bad split":      "splits: [{candidate: a, by: size}]\n",
		"bad strategy":   "plan: {strategy: biggest-first}\n",
		"bad rule":       "rules: {allow: [ordering billing]}\n",
		"bad size":       "max_file_size: big\n",
		"not yaml":       "pins: [\n",
	}
	for name, text := range cases {
		if _, err := Parse([]byte(text)); err == nil {
			t.Errorf("%s: no error for %q", name, text)
		}
	}
}

func TestEmptyAndMissing(t *testing.T) {
	if _, err := Parse(nil); err != nil {
		t.Errorf("empty document: %v", err)
	}
	cfg, found, err := Load(t.TempDir(), FileName)
	if err != nil || found || cfg == nil {
		t.Errorf("missing file: %v %v %v", cfg, found, err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("tests: [\n"), 0o644)
	if _, _, err := Load(dir, FileName); err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("a broken file must name itself: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	cases := map[string]int64{"0": 0, "1048576": 1 << 20, "512KiB": 512 << 10, "4MiB": 4 << 20, "1GB": 1e9, "2 MB": 2e6, "10B": 10}
	for in, want := range cases {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "lots", "4XB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q): no error", bad)
		}
	}
}
