package golang

import (
	"context"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/seams-dev/seams/facts"
)

// TestCallGraphChoice measures, on the corpus in $SEAMS_CALLGRAPH_CORPUS,
// the two call-graph algorithms of golang.org/x/tools this package could
// use for calls through interfaces (callgraph/cha and callgraph/vta, both
// on the whole program in SSA form), against what Load computes on the
// types alone (the CHA rule, see the package documentation): the time and
// memory each takes, and the type-level edges each gives from calls
// through interfaces between types of the corpus. It is a measurement, not
// a check: it logs and never fails.
//
//	SEAMS_CALLGRAPH_CORPUS=~/src/wild-workouts go test ./parsers/golang -run CallGraphChoice -v
func TestCallGraphChoice(t *testing.T) {
	dir := os.Getenv("SEAMS_CALLGRAPH_CORPUS")
	if dir == "" {
		t.Skip("set SEAMS_CALLGRAPH_CORPUS to a Go module (or a directory of modules)")
	}
	root, _ := filepath.Abs(dir)
	ctx := context.Background()

	// Load's own dispatch: the call edges it adds for interface calls.
	var rels []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == "vendor" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			if src, err := os.ReadFile(p); err == nil && !isGenerated(src) {
				rel, _ := filepath.Rel(root, p)
				rels = append(rels, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	runtime.GC()
	resetPeakRSS()
	t0, c0 := time.Now(), cpuTime()
	files, _, _, err := load(ctx, root, rels, 2)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, f := range files {
		for _, r := range f.Refs {
			if r.Kind != facts.Call || r.Recv < 0 || r.From < 0 {
				continue
			}
			to := f.Exprs[r.Recv].Name
			from := f.Package + "." + f.Types[r.From].Name
			ours[from+" -> "+to] = true
		}
	}
	t.Logf("Load (types, CHA rule on repository interfaces): %v wall, %v CPU, peak RSS %d MiB, %d distinct call edges in all",
		time.Since(t0).Round(time.Millisecond), (cpuTime() - c0).Round(time.Millisecond), peakRSS()>>20, len(ours))

	// The whole program in SSA form, as cha and vta need it.
	runtime.GC()
	resetPeakRSS()
	t1, c1 := time.Now(), cpuTime()
	var mods []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == "vendor" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if err == nil && d.Name() == "go.mod" {
			mods = append(mods, filepath.Dir(p))
		}
		return nil
	})
	var pkgs []*packages.Package
	for _, m := range mods {
		_, verr := os.Stat(filepath.Join(m, "vendor", "modules.txt"))
		cfg := &packages.Config{Context: ctx, Dir: m, Env: env(verr == nil),
			Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedTypes |
				packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule}
		ps, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Logf("loading %s: %v", m, err)
			continue
		}
		pkgs = append(pkgs, ps...)
	}
	prog, _ := ssautil.AllPackages(pkgs, ssa.InstantiateGenerics)
	prog.Build()
	tSSA, cSSA := time.Since(t1), cpuTime()-c1
	t.Logf("go/packages (full types, all syntax) + SSA of the whole program: %v wall, %v CPU, peak RSS %d MiB",
		tSSA.Round(time.Millisecond), cSSA.Round(time.Millisecond), peakRSS()>>20)

	inRepo := func(fn *ssa.Function) bool {
		if fn == nil || fn.Pkg == nil {
			return false
		}
		p := prog.Fset.Position(fn.Pos()).Filename
		return p != "" && strings.HasPrefix(p, root+string(filepath.Separator)) && !strings.Contains(p, string(filepath.Separator)+"vendor"+string(filepath.Separator))
	}
	owner := func(fn *ssa.Function) string {
		for fn.Parent() != nil {
			fn = fn.Parent()
		}
		if fn.Origin() != nil {
			fn = fn.Origin()
		}
		if r := fn.Signature.Recv(); r != nil {
			if n := namedOf(r.Type()); n != nil {
				return typeFQN(n.Obj())
			}
		}
		return fn.Pkg.Pkg.Path() + "." + moduleName(prog.Fset.Position(fn.Pos()).Filename)
	}
	dynamic := func(g *callgraph.Graph) map[string]bool {
		out := map[string]bool{}
		callgraph.GraphVisitEdges(g, func(e *callgraph.Edge) error {
			if e.Site == nil || !e.Site.Common().IsInvoke() || !inRepo(e.Caller.Func) || !inRepo(e.Callee.Func) {
				return nil
			}
			if _, isIface := e.Site.Common().Value.Type().Underlying().(*types.Interface); !isIface {
				return nil
			}
			out[owner(e.Caller.Func)+" -> "+owner(e.Callee.Func)] = true
			return nil
		})
		return out
	}
	runtime.GC()
	t2, c2 := time.Now(), cpuTime()
	cg := cha.CallGraph(prog)
	chaEdges := dynamic(cg)
	t.Logf("callgraph/cha: %v wall, %v CPU (after SSA), %d type-level edges from calls through interfaces between repository types",
		time.Since(t2).Round(time.Millisecond), (cpuTime() - c2).Round(time.Millisecond), len(chaEdges))
	t3, c3 := time.Now(), cpuTime()
	vg := vta.CallGraph(ssautil.AllFunctions(prog), cg)
	vtaEdges := dynamic(vg)
	t.Logf("callgraph/vta: %v wall, %v CPU (after SSA and cha), %d such edges; peak RSS of the whole test %d MiB",
		time.Since(t3).Round(time.Millisecond), (cpuTime() - c3).Round(time.Millisecond), len(vtaEdges), peakRSS()>>20)
	inOurs, onlyCHA := 0, 0
	for e := range chaEdges {
		if ours[e] {
			inOurs++
		}
		if !vtaEdges[e] {
			onlyCHA++
			t.Logf("  cha, not vta: %s", e)
		}
	}
	t.Logf("of cha's edges, %d are among Load's call edges; %d are not in vta's", inOurs, onlyCHA)
	for e := range chaEdges {
		if !ours[e] {
			t.Logf("  cha, not Load: %s", e)
		}
	}
}
