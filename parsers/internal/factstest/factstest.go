// Package factstest renders a file's facts as compact text lines, one
// section per kind of fact, for the parsers' table tests: a case names the
// sections it checks and the exact lines it expects.
package factstest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

// Expr renders receiver expression i: "kind:name(base)".
func Expr(f *facts.File, i int) string {
	if i < 0 {
		return "-"
	}
	e := f.Exprs[i]
	s := exprKinds[e.Kind] + ":" + e.Name
	if e.Kind == facts.ExprCall && e.Args > 0 {
		s += fmt.Sprintf("/%d", e.Args)
	}
	if e.Base >= 0 {
		s += "(" + Expr(f, e.Base) + ")"
	}
	return s
}

var exprKinds = map[facts.ExprKind]string{
	facts.ExprUnknown: "unknown", facts.ExprType: "type", facts.ExprStatic: "static", facts.ExprThis: "this",
	facts.ExprSuper: "super", facts.ExprField: "field", facts.ExprCall: "call", facts.ExprAwait: "await",
	facts.ExprElement: "elem", facts.ExprScope: "scope", facts.ExprFunction: "func", facts.ExprImplicit: "implicit",
}

// Where renders the type and method a fact comes from: "Type.method",
// "Type" or "-".
func Where(f *facts.File, from, method int) string {
	if from < 0 {
		return "-"
	}
	s := f.Types[from].Name
	if method >= 0 {
		s += "#" + f.Types[from].Methods[method].Name
	}
	return s
}

// Refs renders references as "line kind where name": a call as
// "line call where member/args recv", a supertype with a member as
// "name member".
func Refs(f *facts.File) []string {
	var out []string
	for _, r := range f.Refs {
		out = append(out, Ref(f, r))
	}
	return out
}

func Ref(f *facts.File, r facts.Ref) string {
	s := fmt.Sprintf("%d %s %s ", r.Line, r.Kind, Where(f, r.From, r.Method))
	switch {
	case r.Kind == facts.Call:
		s += fmt.Sprintf("%s/%d %s", r.Member, r.Args, Expr(f, r.Recv))
	case r.Member != "":
		s += r.Name + " " + r.Member
	default:
		s += r.Name
	}
	return s
}

// Types renders declared types as "name kind outer lines flags".
func Types(f *facts.File) []string {
	var out []string
	for _, ty := range f.Types {
		s := fmt.Sprintf("%s %s outer=%d %d-%d", ty.Name, ty.Kind, ty.Outer, ty.Line, ty.EndLine)
		if ty.Public {
			s += " public"
		}
		if ty.Abstract {
			s += " abstract"
		}
		if len(ty.TypeParams) > 0 {
			s += " <" + strings.Join(ty.TypeParams, ",") + ">"
		}
		if len(ty.Annotations) > 0 {
			s += " @" + strings.Join(ty.Annotations, ",@")
		}
		if len(ty.Nesting) > 0 {
			s += " in[" + strings.Join(ty.Nesting, ",") + "]"
		}
		out = append(out, s)
	}
	return out
}

// Members renders type i's fields ("name: type") and methods
// ("name(params) return").
func Members(f *facts.File, i int) []string {
	var out []string
	ty := f.Types[i]
	for _, fl := range ty.Fields {
		s := fmt.Sprintf("%d %s: %s", fl.Line, fl.Name, fl.Type)
		if fl.Static {
			s += " static"
		}
		if fl.Value != "" {
			s += fmt.Sprintf(" = %q", fl.Value)
		}
		if len(fl.Annotations) > 0 {
			s += " @" + strings.Join(fl.Annotations, ",@")
		}
		out = append(out, s)
	}
	for _, m := range ty.Methods {
		s := fmt.Sprintf("%d-%d %s(%s) %s", m.Line, m.EndLine, m.Name, strings.Join(m.Params, ", "), m.Return)
		for _, fl := range []struct {
			on   bool
			name string
		}{{m.Static, "static"}, {m.Public, "public"}, {m.Constructor, "ctor"}, {m.Extension, "ext"}, {m.Accessor, "accessor"}} {
			if fl.on {
				s += " " + fl.name
			}
		}
		if len(m.TypeParams) > 0 {
			s += " <" + strings.Join(m.TypeParams, ",") + ">"
		}
		out = append(out, s)
	}
	return out
}

// Imports renders imports as "line name from alias flags".
func Imports(f *facts.File) []string {
	var out []string
	for _, imp := range f.Imports {
		s := fmt.Sprintf("%d %s", imp.Line, imp.Name)
		if imp.From != "" {
			s += " from=" + imp.From
		}
		if imp.Alias != "" {
			s += " as=" + imp.Alias
		}
		if imp.Wildcard {
			s += " *"
		}
		if imp.Static {
			s += " static"
		}
		out = append(out, s)
	}
	return out
}

// Tables renders declared tables as "line name kind entity via flags
// ->fk(columns)", the entity being the mapped type's name.
func Tables(f *facts.File) []string {
	var out []string
	for _, tb := range f.Tables {
		ent := tb.EntityName
		if tb.Entity >= 0 {
			ent = f.Types[tb.Entity].Name
		}
		s := fmt.Sprintf("%d %s %s entity=%s via=%s", tb.Line, tb.Name, tb.Kind, ent, tb.Via)
		if tb.AppLabel {
			s += " applabel"
		}
		if len(tb.Reads) > 0 {
			s += " reads=" + strings.Join(tb.Reads, ",")
		}
		if tb.Inheritance != "" {
			s += " inh=" + tb.Inheritance
		}
		for _, fk := range tb.ForeignKeys {
			s += fmt.Sprintf(" ->%s%s(%s)", fk.Table, fk.Entity, strings.Join(fk.Columns, ","))
		}
		out = append(out, s)
	}
	return out
}

// Data renders data accesses as "line kind object-or-entity where via".
func Data(f *facts.File) []string {
	var out []string
	for _, d := range f.Data {
		s := fmt.Sprintf("%d %s %s%s %s %s", d.Line, d.Kind, d.Object, d.Entity, Where(f, d.From, d.Method), d.Via)
		if d.Guess {
			s += " guess"
		}
		out = append(out, s)
	}
	return out
}

// SQLTexts renders SQL texts waiting for constants of other files.
func SQLTexts(f *facts.File) []string {
	var out []string
	for _, s := range f.SQL {
		var parts []string
		for _, p := range s.Parts {
			if p.Const != "" {
				parts = append(parts, "{"+p.Const+"}")
			} else {
				parts = append(parts, p.Text)
			}
		}
		out = append(out, fmt.Sprintf("%d %s %s %s", s.Line, Where(f, s.From, s.Method), s.Via, strings.Join(parts, "")))
	}
	return out
}

// Diags renders diagnostics as "line severity code".
func Diags(f *facts.File) []string {
	var out []string
	for _, d := range f.Diagnostics {
		out = append(out, fmt.Sprintf("%d %s %s", d.Line, d.Severity, d.Code))
	}
	return out
}

// Sections renders every fact of f, by section, for the comparisons of
// the table tests: a section a case does not name is not compared.
func Sections(f *facts.File, perType map[string]func(facts.Type) []string) map[string][]string {
	s := map[string][]string{
		"package": {f.Package},
		"imports": Imports(f),
		"types":   Types(f),
		"refs":    Refs(f),
		"tables":  Tables(f),
		"data":    Data(f),
		"sql":     SQLTexts(f),
		"diags":   Diags(f),
	}
	for i, ty := range f.Types {
		s["members "+ty.Name] = Members(f, i)
		for k, render := range perType {
			s[k+" "+ty.Name] = render(ty)
		}
	}
	return s
}

type Case struct {
	Name string
	Path string // Setup.DefaultPath when empty
	Src  string
	// Want holds the expected renderings of the sections it names, in
	// order; an empty (non-nil) slice expects none.
	Want map[string][]string
	// Skip, when set, names a discrepancy between the package
	// documentation and the implementation: Want is the documented
	// behaviour.
	Skip string
}

// Setup says how Run parses a case.
type Setup struct {
	// Parse parses one file; DefaultPath is the path of a case without
	// one.
	Parse       func(ctx context.Context, path string, src []byte) (*facts.File, error)
	DefaultPath string
	// PerType adds a section per type: key "name Type".
	PerType map[string]func(facts.Type) []string
}

// Run parses each case and compares the sections it names with its
// Want, each as a subtest; a case with Skip set is skipped with that
// reason.
func Run(t *testing.T, s Setup, cases []Case) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if tc.Skip != "" {
				t.Skip(tc.Skip)
			}
			path := tc.Path
			if path == "" {
				path = s.DefaultPath
			}
			f, err := s.Parse(context.Background(), path, []byte(tc.Src))
			if err != nil {
				t.Fatal(err)
			}
			got := Sections(f, s.PerType)
			keys := make([]string, 0, len(tc.Want))
			for k := range tc.Want {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if g, w := got[k], tc.Want[k]; !slices.Equal(g, w) {
					t.Errorf("%s:\n got %s\nwant %s", k, GoList(g), GoList(w))
				}
			}
		})
	}
}

// GoList renders lines as a Go slice literal, to paste into a case.
func GoList(lines []string) string {
	q := make([]string, len(lines))
	for i, l := range lines {
		q[i] = fmt.Sprintf("%q", l)
	}
	return "{" + strings.Join(q, ", ") + "}"
}

// Robust is a malformed or extreme input and what parsing it must give.
type Robust struct {
	Name, Src string
	Lines     int
	Diags     []string
	LastRef   string // the last reference (as Ref renders it), when not ""
	NRefs     int    // how many references, when not 0
}

// RunRobust parses each input at path, each as a subtest, and checks the
// file's language, line and byte counts, diagnostics and references;
// check, when not nil, adds the language's own checks.
func RunRobust(t *testing.T, parse func(t *testing.T, path, src string) *facts.File, path, language string, cases []Robust, check func(t *testing.T, f *facts.File)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			f := parse(t, path, tc.Src)
			if f.Language != language || f.Lines != tc.Lines || f.Bytes != len(tc.Src) {
				t.Errorf("language %q, lines %d, bytes %d; want %s, %d, %d", f.Language, f.Lines, f.Bytes, language, tc.Lines, len(tc.Src))
			}
			if check != nil {
				check(t, f)
			}
			if got := Diags(f); !slices.Equal(got, tc.Diags) {
				t.Errorf("diagnostics = %s, want %s", GoList(got), GoList(tc.Diags))
			}
			if tc.NRefs != 0 && len(f.Refs) != tc.NRefs {
				t.Errorf("%d references, want %d", len(f.Refs), tc.NRefs)
			}
			if tc.LastRef != "" {
				if n := len(f.Refs); n == 0 || Ref(f, f.Refs[n-1]) != tc.LastRef {
					t.Errorf("references = %s, want the last %q", GoList(Refs(f)), tc.LastRef)
				}
			}
		})
	}
}
