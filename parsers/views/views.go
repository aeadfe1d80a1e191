// Package views extracts facts from templates: JSP (.jsp, .jspx, .jspf,
// .tag), Thymeleaf (.html under a src/main/resources/templates
// directory, Spring Boot's default place for them), ERB (.erb), Razor
// (.cshtml, .razor), Blade (.blade.php) and Twig (.twig).
//
// Each template is one facts.Module type named ModuleName (package graph
// names it after the file's path). Only what the template language makes
// certain is read, with regular expressions over the text; nothing is
// evaluated:
//
//   - classes (facts.TypeUse, Member telling the directive): JSP `<%@ page
//     import %>` (also a facts.Import), `<jsp:useBean class|type>`, Stripes
//     `beanclass="..."`, Thymeleaf `T(a.b.C)`; Razor `@model`, `@inherits`,
//     `@inject` (and `@using`, an Import).
//   - other templates (facts.Loads, Name as written, Member: "include",
//     "extends" or "component"): JSP `<%@ include file %>`, `<jsp:include
//     page>`, `<c:import url>` with a literal path; Thymeleaf th:replace,
//     th:insert, th:include and layout:decorate with a literal template
//     name; ERB `render 'x'`, `render partial: 'x'`, `render template:
//     'x'` (Member "template"); Razor `<partial name>`, `Html.Partial`,
//     `Html.RenderPartial` (and their Async forms), `Layout = "x"`;
//     Blade `@extends`, `@include` (and `@includeIf`, `@includeFirst` with
//     one name), `@component`, `@each`, `<x-name>` components; Twig
//     `extends`, `include`, `embed`, `import`, `from`, `use` and the
//     include() function.
//
// Not read: expression-language references to beans (`${actionBean.x}`
// in JSP, `${owner.name}` in Thymeleaf, `@Model.X` in Razor: the variable's
// class is not written in the template), names built at run time, and
// view helpers (Rails helpers, Twig functions, Blade directives of
// packages).
package views

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// Version is the version of the facts this parser emits.
const Version = "1"

// ModuleName is the name of every template's module type in its facts.
const ModuleName = "<view>"

// maxBytes bounds the text read from one template: a larger file is read
// up to there, with a warning.
const maxBytes = 4 << 20

// Dialect is a template language.
type Dialect string

// The dialects.
const (
	JSP       Dialect = "jsp"
	Thymeleaf Dialect = "thymeleaf"
	ERB       Dialect = "erb"
	Razor     Dialect = "razor"
	Blade     Dialect = "blade"
	Twig      Dialect = "twig"
)

// Extensions are the file extensions of templates; .html and .php are
// templates only under the conditions of DialectOf.
var Extensions = []string{".jsp", ".jspx", ".jspf", ".tag", ".erb", ".cshtml", ".razor", ".twig"}

// DialectOf returns the template language of a path, or "" when the path
// is no template.
func DialectOf(p string) Dialect {
	lower := strings.ToLower(p)
	switch {
	case strings.HasSuffix(lower, ".blade.php"):
		return Blade
	case strings.HasSuffix(lower, ".html"):
		if strings.HasPrefix(lower, "src/main/resources/templates/") || strings.Contains(lower, "/src/main/resources/templates/") {
			return Thymeleaf
		}
		return ""
	}
	switch path.Ext(lower) {
	case ".jsp", ".jspx", ".jspf", ".tag":
		return JSP
	case ".erb":
		return ERB
	case ".cshtml", ".razor":
		return Razor
	case ".twig":
		return Twig
	}
	return ""
}

// Parser reads templates. It holds no resources.
type Parser struct{}

// NewParser returns a template parser.
func NewParser() (*Parser, error) { return &Parser{}, nil }

// Close does nothing.
func (*Parser) Close() {}

// Parse extracts the facts of one template.
func (*Parser) Parse(ctx context.Context, p string, src []byte) (*facts.File, error) {
	f := &facts.File{Path: p, Language: "view", Bytes: len(src), Lines: facts.LineCount(src)}
	f.Types = []facts.Type{{Name: ModuleName, Kind: facts.Module, Outer: -1, Line: 1, EndLine: max(f.Lines, 1), Public: true}}
	if len(src) > maxBytes {
		src = src[:maxBytes]
		f.Diagnostics = append(f.Diagnostics, facts.Diagnostic{Path: p, Severity: facts.Warning, Code: "too-large",
			Message: "template larger than 4 MiB: only its beginning was read"})
	}
	s := &scan{f: f, text: string(src)}
	for i, c := range s.text {
		if c == '\n' {
			s.lines = append(s.lines, i)
		}
	}
	switch DialectOf(p) {
	case JSP:
		s.jsp()
	case Thymeleaf:
		s.thymeleaf()
	case ERB:
		s.erb()
	case Razor:
		s.razor()
	case Blade:
		s.blade()
	case Twig:
		s.twig()
	}
	return f, nil
}

// scan is one template being read.
type scan struct {
	f     *facts.File
	text  string
	lines []int // offsets of the newlines
}

// line is the 1-based line of a byte offset.
func (s *scan) line(off int) int {
	i, _ := slices.BinarySearch(s.lines, off)
	return i + 1
}

func (s *scan) typeUse(name, how string, off int) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	s.f.Refs = append(s.f.Refs, facts.Ref{Kind: facts.TypeUse, From: 0, Method: -1, Name: name, Member: how, Recv: -1, Line: s.line(off)})
}

func (s *scan) load(name, how string, off int) {
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "\n\r\t<>{}$#") {
		return // empty, or built at run time
	}
	s.f.Refs = append(s.f.Refs, facts.Ref{Kind: facts.Loads, From: 0, Method: -1, Name: name, Member: how, Recv: -1, Line: s.line(off)})
}

// each calls fn with the submatches (as strings, "" when absent) and the
// offset of every match of re in text, starting at base.
func each(re *regexp.Regexp, text string, base int, fn func(m []string, off int)) {
	for _, ix := range re.FindAllStringSubmatchIndex(text, -1) {
		m := make([]string, len(ix)/2)
		for k := range m {
			if ix[2*k] >= 0 {
				m[k] = text[ix[2*k]:ix[2*k+1]]
			}
		}
		fn(m, base+ix[0])
	}
}

// javaName matches a Java or C# type name, dotted, generics allowed.
const javaName = `[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*`

var (
	jspDirective = regexp.MustCompile(`(?s)<%@\s*(page|include)\b(.*?)%>`)
	jspXMLDir    = regexp.MustCompile(`(?s)<jsp:directive\.(page|include)\b(.*?)/?>`)
	jspAttr      = regexp.MustCompile(`\b(import|file)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	jspUseBean   = regexp.MustCompile(`(?s)<jsp:useBean\b([^>]*)>`)
	jspBeanAttr  = regexp.MustCompile(`\b(class|type|beanName)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	jspInclude   = regexp.MustCompile(`(?s)<(?:jsp:include|jsp:forward|c:import)\b[^>]*?\b(?:page|url)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	beanClass    = regexp.MustCompile(`\bbeanclass\s*=\s*(?:"\s*(` + javaName + `)\s*"|'\s*(` + javaName + `)\s*')`)
	springT      = regexp.MustCompile(`\bT\(\s*(` + javaName + `)\s*\)`)
)

func (s *scan) jsp() {
	dir := func(m []string, off int) {
		for _, a := range jspAttr.FindAllStringSubmatch(m[2], -1) {
			v := a[2] + a[3]
			switch {
			case a[1] == "import" && m[1] == "page":
				for _, imp := range strings.Split(v, ",") {
					imp = strings.Join(strings.Fields(imp), "")
					if imp == "" {
						continue
					}
					if base, ok := strings.CutSuffix(imp, ".*"); ok {
						s.f.Imports = append(s.f.Imports, facts.Import{Name: base, Wildcard: true, Line: s.line(off)})
						continue
					}
					s.f.Imports = append(s.f.Imports, facts.Import{Name: imp, Line: s.line(off)})
					s.typeUse(imp, "import", off)
				}
			case a[1] == "file" && m[1] == "include":
				s.load(v, "include", off)
			}
		}
	}
	each(jspDirective, s.text, 0, dir)
	each(jspXMLDir, s.text, 0, dir)
	each(jspUseBean, s.text, 0, func(m []string, off int) {
		for _, a := range jspBeanAttr.FindAllStringSubmatch(m[1], -1) {
			if v := a[2] + a[3]; a[1] != "beanName" && !strings.Contains(v, "${") && !strings.Contains(v, "<%") {
				s.typeUse(stripGenerics(v), "useBean", off)
			}
		}
	})
	each(jspInclude, s.text, 0, func(m []string, off int) {
		v := m[1] + m[2]
		if strings.Contains(v, "://") || strings.Contains(v, "?") {
			v, _, _ = strings.Cut(v, "?")
			if strings.Contains(v, "://") {
				return
			}
		}
		s.load(v, "include", off)
	})
	each(beanClass, s.text, 0, func(m []string, off int) {
		s.typeUse(strings.Join(strings.Fields(m[1]+m[2]), ""), "beanclass", off)
	})
}

var (
	thAttr = regexp.MustCompile(`\b(th:replace|th:insert|th:include|th:substituteby|data-th-replace|data-th-insert|data-th-include|layout:decorate|layout:decorator|data-layout-decorate)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

func (s *scan) thymeleaf() {
	each(thAttr, s.text, 0, func(m []string, off int) {
		v := strings.TrimSpace(m[2] + m[3])
		if inner, ok := strings.CutPrefix(v, "~{"); ok {
			inner, ok = strings.CutSuffix(inner, "}")
			if !ok {
				return
			}
			v = inner
		}
		name, _, _ := strings.Cut(v, "::")
		name = strings.TrimSpace(name)
		if name == "" || name == "this" || strings.ContainsAny(name, "$*#@|'\"(),~ ") {
			return // this template, or a name built at run time
		}
		how := "include"
		if strings.HasPrefix(m[1], "layout:") || strings.HasPrefix(m[1], "data-layout") {
			how = "extends"
		}
		s.load(name, how, off)
	})
	each(springT, s.text, 0, func(m []string, off int) {
		s.typeUse(strings.Join(strings.Fields(m[1]), ""), "T", off)
	})
}

var (
	erbTag    = regexp.MustCompile(`(?s)<%(.*?)%>`)
	erbRender = regexp.MustCompile(`\brender\s*\(?\s*(?:(:partial\s*=>|partial:|:template\s*=>|template:|:layout\s*=>|layout:)\s*)?(?:"([^"#]*)"|'([^']*)')`)
)

func (s *scan) erb() {
	each(erbTag, s.text, 0, func(tag []string, off int) {
		if strings.HasPrefix(tag[1], "#") {
			return // a comment
		}
		each(erbRender, tag[1], off+2, func(m []string, at int) {
			how := "include"
			switch {
			case strings.Contains(m[1], "template"):
				how = "template"
			case strings.Contains(m[1], "layout"):
				how = "layout"
			}
			s.load(m[2]+m[3], how, at)
		})
	})
}

var (
	razorDirective = regexp.MustCompile(`(?m)^[ \t]*@(model|inherits|inject|using)[ \t]+([^\r\n;]+)`)
	razorPartial   = regexp.MustCompile(`<partial\s[^>]*?\bname\s*=\s*"([^"@]*)"`)
	razorHTML      = regexp.MustCompile(`\bHtml\.(?:Partial|PartialAsync|RenderPartial|RenderPartialAsync)\(\s*"([^"]*)"`)
	razorLayout    = regexp.MustCompile(`\bLayout\s*=\s*"([^"]*)"\s*;`)
	csName         = regexp.MustCompile(`[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)*`)
)

func (s *scan) razor() {
	each(razorDirective, s.text, 0, func(m []string, off int) {
		v := strings.TrimSpace(m[2])
		switch m[1] {
		case "using":
			if strings.HasPrefix(v, "static ") || strings.Contains(v, "(") {
				return
			}
			imp := facts.Import{Line: s.line(off)}
			if alias, target, ok := strings.Cut(v, "="); ok {
				imp.Alias, v = strings.TrimSpace(alias), target
			}
			imp.Name = strings.Join(strings.Fields(v), "")
			if csName.FindString(imp.Name) == imp.Name {
				s.f.Imports = append(s.f.Imports, imp)
			}
		case "inject":
			// @inject Type Name: every name of the type.
			fields := strings.Fields(v)
			if len(fields) < 2 {
				return
			}
			v = strings.Join(fields[:len(fields)-1], "")
			fallthrough
		default:
			for _, n := range csName.FindAllString(v, -1) {
				s.typeUse(strings.Join(strings.Fields(n), ""), m[1], off)
			}
		}
	})
	each(razorPartial, s.text, 0, func(m []string, off int) { s.load(m[1], "include", off) })
	each(razorHTML, s.text, 0, func(m []string, off int) { s.load(m[1], "include", off) })
	each(razorLayout, s.text, 0, func(m []string, off int) { s.load(m[1], "extends", off) })
}

var (
	bladeDirective = regexp.MustCompile(`@(extends|include|includeIf|includeFirst|component|each)\s*\(\s*(\[\s*)?(?:'([^']*)'|"([^"]*)")\s*(\]|,|\))`)
	bladeComponent = regexp.MustCompile(`<x-([A-Za-z0-9_.:-]+)[\s/>]`)
)

func (s *scan) blade() {
	each(bladeDirective, s.text, 0, func(m []string, off int) {
		if m[1] == "includeFirst" && m[2] != "" && m[5] != "]" {
			return // several names: the first that exists
		}
		how := "include"
		switch m[1] {
		case "extends":
			how = "extends"
		case "component":
			how = "component"
		}
		s.load(m[3]+m[4], how, off)
	})
	each(bladeComponent, s.text, 0, func(m []string, off int) {
		name := m[1]
		if name == "slot" || strings.HasPrefix(name, "slot:") || name == "dynamic-component" {
			return
		}
		s.load(name, "component", off)
	})
}

var (
	twigTag  = regexp.MustCompile(`\{%-?~?\s*(extends|include|embed|import|from|use)\s+(?:"([^"]*)"|'([^']*)')\s*(?:-?~?%\}|ignore\b|with\b|only\b|as\b|import\b)`)
	twigFunc = regexp.MustCompile(`\binclude\(\s*(?:"([^"]*)"|'([^']*)')\s*[,)]`)
)

func (s *scan) twig() {
	each(twigTag, s.text, 0, func(m []string, off int) {
		how := "include"
		if m[1] == "extends" || m[1] == "use" {
			how = "extends"
		}
		s.load(m[2]+m[3], how, off)
	})
	each(twigFunc, s.text, 0, func(m []string, off int) { s.load(m[1]+m[2], "include", off) })
}

// stripGenerics removes a type's generic arguments.
func stripGenerics(s string) string {
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), "")
}
