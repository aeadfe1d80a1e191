package report

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"

	"github.com/seams-dev/seams/result"
)

// The HTML report is one file: its style sheet, script, diagrams and data
// are inline, it loads no font or image, and a Content-Security-Policy
// meta tag forbids every network request (default-src 'none'), so a
// browser opening it offline and online behaves the same. The script is
// allowed by its hash, not by 'unsafe-inline': an event-handler attribute
// smuggled into the page would not run even if escaping failed.
//
// Every name from the analysed code reaches the page through
// html/template, which escapes it for where it lands (text, attribute,
// URL, or the JSON block the script reads with JSON.parse). The script
// builds elements with textContent only. The one HTML fragment inserted
// unescaped is Graphviz's SVG, which cleanSVG rewrites from an allow-list
// first.

//go:embed templates/*.tmpl templates/report.css templates/report.js
var templateFS embed.FS

var (
	pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
		"num":    num,
		"inc":    func(i int) int { return i + 1 },
		"pctInt": func(i int) string { return fmt.Sprintf("%d%%", i) },
	}).ParseFS(templateFS, "templates/*.tmpl"))
	pageCSS = mustRead("templates/report.css")
	pageJS  = mustRead("templates/report.js")
	// contentPolicy allows nothing but inline styles, this page's script
	// (by hash) and data: images.
	contentPolicy = "default-src 'none'; script-src 'sha256-" + hash(pageJS) + "'; style-src 'unsafe-inline'; img-src data:; " +
		"font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; " +
		"worker-src 'none'; manifest-src 'none'; form-action 'none'; base-uri 'none'"
)

func mustRead(name string) string {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return string(b)
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// mapView is the context map as the page shows it.
type mapView struct {
	SVG         template.HTML // "" when it could not be drawn
	Err         string
	Edges       int // dependencies between candidates
	Shown       int // drawn
	Tables      int // shared tables
	TablesDrawn int
	Kernel      bool
	// The selection rule, for the caption.
	PerNode  int
	MinShare string
	Layered  bool
}

// pageData is what the template sees.
type pageData struct {
	*view
	Map      mapView
	CSS      template.CSS
	JS       template.JS
	Policy   string
	JSONData pageJSON
}

// pageJSON is the data the page's script reads: the member tree of each
// candidate (for the cards and the search) and the tables.
type pageJSON struct {
	Candidates []memberTree `json:"candidates"`
	Tables     [][2]any     `json:"tables"` // [name, owner candidate index or -1]
}

// HTML writes the self-contained HTML report of r. Diagrams are laid out
// by Graphviz; when that fails the page says so and shows the same
// information as tables.
func HTML(ctx context.Context, w io.Writer, r *result.Result) error {
	return writeHTML(ctx, w, r, nil)
}

// writeHTML is HTML, with Graphviz's drawings kept in layouts when it is
// not nil.
func writeHTML(ctx context.Context, w io.Writer, r *result.Result, layouts Layouts) error {
	v, l := buildView(r)
	d := pageData{view: v, CSS: template.CSS(pageCSS), JS: template.JS(pageJS), Policy: contentPolicy}
	d.JSONData.Candidates = memberTrees(l)
	d.JSONData.Tables = make([][2]any, 0, len(r.Tables))
	for _, t := range r.Tables {
		owner := -1
		if i, ok := l.cand[t.Owner]; ok {
			owner = i
		}
		d.JSONData.Tables = append(d.JSONData.Tables, [2]any{t.Name, owner})
	}

	es := l.candidateEdges()
	d.Map.Edges, d.Map.Shown, d.Map.Kernel = len(es), len(mapEdges(es)), len(r.Kernel) > 0
	d.Map.PerNode, d.Map.MinShare, d.Map.Layered = mapEdgesPerNode, pctf(mapEdgeShare), mapLayout(len(r.Candidates)) == "dot"
	for _, t := range r.Tables {
		if t.Shared && len(t.Accesses) > 1 {
			d.Map.Tables++
		}
	}
	d.Map.TablesDrawn = len(mapTables(r))
	if len(r.Candidates) > 0 {
		rd := newRenderer(ctx, layouts)
		defer rd.Close()
		var err error
		d.Map.SVG, err = drawInline(rd, contextMapDOT(l), mapLayout(len(r.Candidates)), "Context map: the candidates and the dependencies between them")
		if err != nil {
			d.Map.Err = err.Error()
		}
		for i := range v.Cards {
			c := &v.Cards[i]
			if c.InternalDOT == "" {
				continue
			}
			c.Internals, err = drawInline(rd, c.InternalDOT, "dot", "Packages of "+c.Name+" and the dependencies between them")
			if err != nil {
				c.Internals = ""
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return pageTemplate.ExecuteTemplate(w, "index.html.tmpl", d)
}

// drawInline lays dot out and returns the cleaned SVG for the page.
func drawInline(rd *renderer, dot, layout, label string) (template.HTML, error) {
	raw, err := rd.svg(dot, layout)
	if err != nil {
		return "", err
	}
	clean, err := cleanSVG(raw, "role", "group", "aria-label", label, "focusable", "false")
	if err != nil {
		return "", err
	}
	return template.HTML(clean), nil // cleaned from an allow-list: see cleanSVG
}
