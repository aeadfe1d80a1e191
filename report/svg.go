package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// graphvizMu serialises every use of go-graphviz: it runs Graphviz as one
// WebAssembly module shared by the whole process (ParseBytes, for one,
// uses it without a context), and that module is not safe for concurrent
// use.
var graphvizMu sync.Mutex

// renderer turns DOT into SVG with Graphviz's dot layout. One renderer
// holds one Graphviz context, started at its first drawing that layouts
// does not hold; Close releases it.
type renderer struct {
	ctx     context.Context
	gv      *graphviz.Graphviz
	layouts Layouts // nil: no drawing is kept
}

func newRenderer(ctx context.Context, layouts Layouts) *renderer {
	return &renderer{ctx: ctx, layouts: layouts}
}

// Close releases the Graphviz context. go-graphviz reports Graphviz's
// last message as the error of a close, even when that message was a
// warning of an earlier, successful layout, so it is not returned.
func (r *renderer) Close() {
	if r.gv == nil {
		return
	}
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	_ = r.gv.Close()
}

// svg lays dot out with the layout engine named ("dot", "sfdp"...) and
// returns the SVG Graphviz writes, or the one it wrote before for the
// same DOT and engine when layouts holds it.
func (r *renderer) svg(dot, layout string) ([]byte, error) {
	var key string
	if r.layouts != nil {
		key = layoutKey(dot, layout)
		if out, ok := r.layouts.Get(key); ok {
			return out, nil
		}
	}
	out, err := r.draw(dot, layout)
	if err == nil && r.layouts != nil {
		r.layouts.Put(key, out)
	}
	return out, err
}

// layoutKey names a drawing by what it is drawn from.
func layoutKey(dot, layout string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s", layout, dot)
	return hex.EncodeToString(h.Sum(nil))
}

func (r *renderer) draw(dot, layout string) (out []byte, err error) {
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	if r.gv == nil {
		gv, err := graphviz.New(r.ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		r.gv = gv
	}
	r.gv.SetLayout(graphviz.Layout(layout))
	g, err := graphviz.ParseBytes([]byte(dot))
	if err != nil {
		return nil, fmt.Errorf("reading DOT: %w", err)
	}
	// As for Close: the error of closing a graph is Graphviz's last
	// message, perhaps a warning of the layout.
	defer func() { _ = g.Close() }()
	var buf bytes.Buffer
	if err := r.gv.Render(r.ctx, g, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("laying out the graph: %w", err)
	}
	return buf.Bytes(), nil
}

// Layouts keeps Graphviz's drawings between reports, by the DOT and the
// engine they were drawn from: laying diagrams out is most of the time
// of a report, and a report drawn again after a small change has most of
// its diagrams unchanged. Graphviz draws the same DOT the same way, so a
// kept drawing is the one it would draw; a Layouts must still only hold
// drawings of the same Graphviz. Keys are hexadecimal SHA-256 sums. It
// is used from one goroutine at a time.
type Layouts interface {
	Get(key string) (svg []byte, ok bool)
	Put(key string, svg []byte)
}

// SVG writes the SVG drawing of a DOT graph, laid out by the Graphviz
// engine named by layout ("dot" for layers, "sfdp" for large graphs). It
// takes time that grows fast with the graph, and cannot be interrupted
// once Graphviz runs: keep it to a few thousand nodes.
func SVG(ctx context.Context, w io.Writer, dot, layout string) error {
	r := newRenderer(ctx, nil)
	out, err := r.svg(dot, layout)
	r.Close()
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// The SVG Graphviz writes is inlined into the HTML report unescaped, so
// it is first read as XML and written again keeping only what a drawing
// needs: the elements and attributes below, links only to fragments of
// the page, text escaped anew. No script, event handler, style sheet,
// external reference or foreign object survives, whatever the names in
// the DOT held.
var (
	svgElements = map[string]bool{
		"svg": true, "g": true, "a": true, "title": true, "path": true, "polygon": true, "polyline": true,
		"ellipse": true, "circle": true, "rect": true, "line": true, "text": true, "tspan": true,
	}
	svgAttrs = map[string]bool{
		"id": true, "class": true, "width": true, "height": true, "viewBox": true, "transform": true,
		"fill": true, "stroke": true, "stroke-width": true, "stroke-dasharray": true, "stroke-opacity": true,
		"fill-opacity": true, "d": true, "points": true, "cx": true, "cy": true, "rx": true, "ry": true, "r": true,
		"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true, "text-anchor": true,
		"font-family": true, "font-size": true, "font-weight": true, "font-style": true,
	}
)

// cleanSVG rewrites Graphviz's SVG for inlining: no prolog, doctype or
// comments; Graphviz's own <title> elements (they hold internal node
// names) dropped; a link's xlink:title becomes its <title> child (the
// tooltip and accessible name) and xlink:href its href, kept only when it
// is a fragment ("#..."). Anything outside the allow-lists is dropped
// with its content. The root gets the attributes in rootAttrs.
func cleanSVG(in []byte, rootAttrs ...string) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(in))
	dec.Strict = true
	var out bytes.Buffer
	depth, skip := 0, 0 // skip > 0: inside a dropped element, at that depth
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading Graphviz's SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if skip > 0 {
				continue
			}
			name := t.Name.Local
			if !svgElements[name] || name == "title" {
				skip = depth
				continue
			}
			out.WriteString("<" + name)
			var title string
			for _, a := range t.Attr {
				switch {
				case a.Name.Local == "href" && (a.Name.Space == "" || strings.HasSuffix(a.Name.Space, "xlink")):
					if strings.HasPrefix(a.Value, "#") {
						writeAttr(&out, "href", a.Value)
					}
				case a.Name.Local == "title" && strings.HasSuffix(a.Name.Space, "xlink"):
					title = a.Value
				case a.Name.Space == "" && svgAttrs[a.Name.Local]:
					writeAttr(&out, a.Name.Local, a.Value)
				}
			}
			if root {
				for i := 0; i+1 < len(rootAttrs); i += 2 {
					writeAttr(&out, rootAttrs[i], rootAttrs[i+1])
				}
				root = false
			}
			out.WriteString(">")
			if name == "a" && title != "" {
				out.WriteString("<title>")
				_ = xml.EscapeText(&out, []byte(title))
				out.WriteString("</title>")
			}
		case xml.EndElement:
			if skip > 0 {
				if depth == skip {
					skip = 0
				}
				depth--
				continue
			}
			depth--
			out.WriteString("</" + t.Name.Local + ">")
		case xml.CharData:
			if skip > 0 || depth == 0 {
				continue
			}
			if len(bytes.TrimSpace(t)) == 0 {
				if bytes.ContainsRune(t, '\n') {
					out.WriteByte('\n')
				}
				continue
			}
			_ = xml.EscapeText(&out, t)
		}
		// Comments, processing instructions and directives are dropped.
	}
	if root {
		return nil, errors.New("reading Graphviz's SVG: no <svg> element")
	}
	return out.Bytes(), nil
}

func writeAttr(out *bytes.Buffer, name, value string) {
	out.WriteString(" " + name + `="`)
	_ = xml.EscapeText(out, []byte(value)) // escapes & < > ' " and line breaks
	out.WriteString(`"`)
}
