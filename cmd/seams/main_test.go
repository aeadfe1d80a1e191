package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/seams-dev/seams/history/sarifschema"
)

var update = flag.Bool("update", false, "rewrite the files that cmp compares in testdata/script/*.txtar")

// TestMain makes the test binary double as the seams command, so that the
// scripts run the real command line in a separate process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"seams": func() { os.Exit(run(os.Args[1:], systemIO())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. Besides the
// standard testscript commands they can use:
//
//	status CODE PROG [ARGS...]   run PROG and expect exit status CODE
//	mkbinary FILE                write a .java-looking file holding NUL bytes
//	latin1 SRC DST               write the UTF-8 file SRC to DST as Latin-1
//	members FILE                 print "candidate<TAB>path" for each member of a result.json
//	jsonget FILE PATH            print the value at a dotted path (a.0.b) of a JSON file
//	sarif FILE                   check that FILE is a valid SARIF 2.1.0 log (official schema)
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// go-graphviz compiles its WebAssembly Graphviz when a process
			// starts, caching the result in $TMPDIR/go-graphviz: the scripts
			// share one cache, so that only the first seams they run pays
			// for it (seconds, and far more under -race).
			gv := filepath.Join(os.TempDir(), "seams-test-go-graphviz")
			if err := os.MkdirAll(gv, 0o755); err != nil {
				return err
			}
			if err := os.Symlink(gv, filepath.Join(env.WorkDir, ".tmp", "go-graphviz")); err != nil {
				return err
			}
			// $SHOP is the shop monolith of the repository's test data.
			shop, err := filepath.Abs(filepath.Join("..", "..", "testdata", "java", "shop"))
			if err != nil {
				return err
			}
			env.Setenv("SHOP", shop)
			// The scripts decide which of their directories are git
			// repositories: git must not find one above the work
			// directory.
			env.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(env.WorkDir))
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
			// The history store lives in the script's work directory.
			// The fact cache is off, so that every run parses and
			// clusters: the scripts about the cache turn it on
			// (env SEAMS_CACHE=$WORK/.cache).
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, ".data"))
			env.Setenv("SEAMS_CACHE", "off")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":   cmdStatus,
			"mkbinary": cmdMkbinary,
			"latin1":   cmdLatin1,
			"members":  cmdMembers,
			"jsonget":  cmdJSONGet,
			"sarif":    cmdSARIF,
		},
	})
}

// cmdStatus runs a program and checks its exit status, keeping its
// output for stdout and stderr.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdMkbinary writes a file that starts like Java source but holds NUL
// bytes, as a txtar archive cannot.
func cmdMkbinary(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkbinary FILE")
	}
	data := []byte("package bin;\n\x00\x00\x01\x02\x03public class Blob {}\n\xff\xfe\x00")
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// cmdLatin1 re-encodes a UTF-8 file as ISO 8859-1.
func cmdLatin1(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: latin1 SRC DST")
	}
	src := ts.ReadFile(args[0])
	out := make([]byte, 0, len(src))
	for _, r := range src {
		if r == utf8.RuneError || r > 0xFF {
			ts.Fatalf("%s: %q has no Latin-1 encoding", args[0], r)
		}
		out = append(out, byte(r))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
}

// readJSON decodes a JSON file into generic values.
func readJSON(ts *testscript.TestScript, file string) any {
	var v any
	if err := json.Unmarshal([]byte(ts.ReadFile(file)), &v); err != nil {
		ts.Fatalf("%s: %v", file, err)
	}
	return v
}

// cmdMembers prints the members of every candidate of a result.json, one
// "id<TAB>path" line each, in report order.
func cmdMembers(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: members FILE")
	}
	var r struct {
		Candidates []struct {
			ID      string `json:"id"`
			Members []struct {
				Path string `json:"path"`
			} `json:"members"`
		} `json:"candidates"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &r))
	for _, c := range r.Candidates {
		for _, m := range c.Members {
			fmt.Fprintf(ts.Stdout(), "%s\t%s\n", c.ID, m.Path)
		}
	}
}

// cmdJSONGet prints the value at a dotted path of a JSON file: a string
// as it is, anything else as compact JSON.
func cmdJSONGet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: jsonget FILE PATH")
	}
	v := readJSON(ts, args[0])
	for _, key := range strings.Split(args[1], ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[key]; !ok {
				ts.Fatalf("%s: no key %q on the way to %s", args[0], key, args[1])
			}
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(x) {
				ts.Fatalf("%s: no element %q on the way to %s", args[0], key, args[1])
			}
			v = x[i]
		default:
			ts.Fatalf("%s: %s reaches a %T before %q", args[0], args[1], v, key)
		}
	}
	if s, ok := v.(string); ok {
		fmt.Fprintln(ts.Stdout(), s)
		return
	}
	b, err := json.Marshal(v)
	ts.Check(err)
	fmt.Fprintln(ts.Stdout(), string(b))
}

// cmdSARIF validates a SARIF log against the SARIF 2.1.0 schema.
func cmdSARIF(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sarif FILE")
	}
	err := sarifschema.Validate([]byte(ts.ReadFile(args[0])))
	if neg {
		if err == nil {
			ts.Fatalf("%s is a valid SARIF log", args[0])
		}
		return
	}
	if err != nil {
		ts.Fatalf("%s is not a valid SARIF 2.1.0 log: %v", args[0], err)
	}
}
