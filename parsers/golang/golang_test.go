package golang

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func TestSnakePlural(t *testing.T) {
	for in, want := range map[string]string{
		"User": "users", "OrderItem": "order_items", "Category": "categories", "Person": "people",
		"HTTPServer": "http_servers", "UserID": "user_ids", "Address": "addresses", "Box": "boxes",
		"Key": "keys", "Status": "statuses", "Shelf": "shelves", "Knife": "knives", "News": "news",
		"LineItem2": "line_item2s",
	} {
		if got := snakePlural(in); got != want {
			t.Errorf("snakePlural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImportName(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/acme/shop/orders": "orders", "github.com/jackc/pgx/v5": "pgx", "gopkg.in/yaml.v3": "yaml",
		"github.com/go-chi/chi": "chi", "github.com/mattn/go-sqlite3": "sqlite3",
	} {
		if got := importName(in); got != want {
			t.Errorf("importName(%q) = %q, want %q", in, got, want)
		}
	}
}

// write lays out files under a temporary directory.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func goFiles(files map[string]string) []string {
	var out []string
	for name := range files {
		if strings.HasSuffix(name, ".go") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// refs renders the references of a file: kind, receiver or name, member.
func refs(f *facts.File) []string {
	var out []string
	for _, r := range f.Refs {
		s := string(r.Kind) + " "
		if r.Recv >= 0 {
			e := f.Exprs[r.Recv]
			switch e.Kind {
			case facts.ExprUnknown:
				s += "?" + e.Name
			case facts.ExprStatic:
				s += "outside:" + e.Name
			default:
				s += e.Name
			}
			s += "." + r.Member
		} else {
			s += r.Name
		}
		out = append(out, s)
	}
	return out
}

func byPath(fs []*facts.File) map[string]*facts.File {
	m := map[string]*facts.File{}
	for _, f := range fs {
		m[f.Path] = f
	}
	return m
}

// TestLoad checks typed extraction and the fall-backs on small modules:
// a package importing a module missing from the module cache, a file left
// out by build constraints, a file with a syntax error, a directory with
// no go.mod.
func TestLoad(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n\nrequire example.com/missing v1.0.0\n",
		"a/a.go": `package a

import (
	"strings"

	"example.com/missing/lib"
)

// Repo is stored.
type Repo interface{ Save(s string) error }

// Svc uses a Repo.
type Svc struct {
	r   Repo
	cli *lib.Client
}

// Run calls through the interface, a stdlib function and the missing module.
func (s *Svc) Run() error {
	s.cli.Do()
	lib.Helper()
	return s.r.Save(strings.ToUpper("x"))
}
`,
		"a/impl.go": `package a

// Mem implements Repo.
type Mem struct{}

// Save saves.
func (*Mem) Save(string) error { return nil }

// Extra is a method of Svc in another file.
func (s *Svc) Extra() { _ = NewMem() }

// NewMem returns a Mem.
func NewMem() *Mem { return &Mem{} }
`,
		"a/only_windows.go": "package a\n\nfunc windowsOnly() {}\n",
		"a/broken.go":       "package a\n\nfunc broken( {\n",
		"loose/x/x.go":      "package x\n\nfunc X() {}\n",
	}
	dir := write(t, files)
	// No go.mod governs loose/: move it out of the module.
	os.Remove(filepath.Join(dir, "go.mod"))
	os.WriteFile(filepath.Join(dir, "a", "go.mod"), []byte("module example.com/m/a\n\ngo 1.22\n\nrequire example.com/missing v1.0.0\n"), 0o644)
	out, diags, err := Load(context.Background(), dir, goFiles(files), 2)
	if err != nil {
		t.Fatal(err)
	}
	fs := byPath(out)
	a := fs["a/a.go"]
	if a == nil || !a.Typed || a.Package != "example.com/m/a" {
		t.Fatalf("a/a.go: want typed facts of example.com/m/a, got %+v", a)
	}
	got := refs(a)
	for _, want := range []string{
		"call outside:.Do",                           // a method of a value of the missing module
		"call example.com/missing/lib.Helper.Helper", // a function of the missing module
		"call strings.ToUpper.ToUpper",
		"call example.com/m/a.Repo.Save",
		"call example.com/m/a.Mem.Save", // dispatched to the implementation
	} {
		if !slices.Contains(got, want) {
			t.Errorf("a/a.go: missing reference %q in %q", want, got)
		}
	}
	impl := fs["a/impl.go"]
	if impl == nil {
		t.Fatal("a/impl.go: no facts")
	}
	var names []string
	for _, ty := range impl.Types {
		names = append(names, ty.Name+":"+string(ty.Kind)+":"+strings.Repeat("partial", btoi(ty.Partial)))
	}
	slices.Sort(names)
	if want := []string{"Mem:struct:", "Svc:struct:partial", "impl_go:module:"}; !slices.Equal(names, want) {
		t.Errorf("a/impl.go types = %q, want %q", names, want)
	}
	if !slices.Contains(refs(impl), "implements example.com/m/a.Repo") {
		t.Errorf("a/impl.go: Mem should implement Repo: %q", refs(impl))
	}
	for _, p := range []string{"a/only_windows.go", "a/broken.go", "loose/x/x.go"} {
		f := fs[p]
		if f == nil || f.Typed {
			t.Errorf("%s: want untyped (tree-sitter) facts, got %+v", p, f)
		}
	}
	codes := map[string][]string{}
	var notes []string
	for _, d := range diags {
		if d.Path == "" {
			notes = append(notes, d.Message)
			continue
		}
		codes[d.Path] = append(codes[d.Path], d.Code)
	}
	for _, p := range []string{"a/only_windows.go", "loose/x/x.go"} {
		if !slices.Contains(codes[p], "go-untyped") {
			t.Errorf("%s: want a go-untyped diagnostic, got %q", p, codes[p])
		}
	}
	if len(notes) != 2 || !strings.Contains(strings.Join(notes, "\n"), "example.com/missing/lib") {
		t.Errorf("want notes on the untyped files and the missing module, got %q", notes)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
