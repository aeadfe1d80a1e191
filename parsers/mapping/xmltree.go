package mapping

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// elem is an XML element with its mixed content, in order.
type elem struct {
	name  string // local name
	attrs []xml.Attr
	line  int
	items []item
}

// item is a run of text or a child element.
type item struct {
	text string
	el   *elem
}

// Limits that keep a hostile file from costing more than its size.
const (
	maxDepth = 256
	maxElems = 1 << 20
)

// readXML reads an XML document into a tree under a nameless root. It
// never fetches anything: a DTD is skipped, external entities are not
// resolved, an unknown entity stays as written. On a syntax error it
// returns what it read before, and a warning.
func readXML(src []byte) (*elem, []facts.Diagnostic) {
	d := xml.NewDecoder(bytes.NewReader(xml10(src)))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	// The driver hands over UTF-8 (a Latin-1 file is converted first),
	// whatever the declaration says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var starts []int
	starts = append(starts, 0)
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	lineOf := func(off int64) int {
		i, found := slices.BinarySearch(starts, int(off))
		if !found {
			i--
		}
		return i + 1
	}
	root := &elem{line: 1}
	stack := []*elem{root}
	n := 0
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return root, nil
			}
			line, _ := d.InputPos()
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line, msg = se.Line, se.Msg
			}
			return root, []facts.Diagnostic{{Line: line, Severity: facts.Warning, Code: "syntax",
				Message: fmt.Sprintf("XML syntax error (%s); what came before was kept", msg)}}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n++
			if n > maxElems || len(stack) > maxDepth {
				return root, []facts.Diagnostic{{Line: lineOf(off), Severity: facts.Warning, Code: "syntax",
					Message: "XML too large or too deeply nested; what came before was kept"}}
			}
			el := &elem{name: t.Name.Local, attrs: slices.Clone(t.Attr), line: lineOf(off)}
			top.items = append(top.items, item{el: el})
			stack = append(stack, el)
		case xml.EndElement:
			// Close up to the matching element; a stray end tag is ignored.
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == t.Name.Local {
					stack = stack[:i]
					break
				}
			}
		case xml.CharData:
			if k := len(top.items); k > 0 && top.items[k-1].el == nil {
				top.items[k-1].text += string(t)
			} else {
				top.items = append(top.items, item{text: string(t)})
			}
		}
	}
}

// attr returns the value of the attribute called name.
func (e *elem) attr(name string) string {
	for _, a := range e.attrs {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// child returns the first child element called name, or nil.
func (e *elem) child(name string) *elem {
	for _, it := range e.items {
		if it.el != nil && it.el.name == name {
			return it.el
		}
	}
	return nil
}

// children returns the child elements.
func (e *elem) children() []*elem {
	var out []*elem
	for _, it := range e.items {
		if it.el != nil {
			out = append(out, it.el)
		}
	}
	return out
}

// text returns the text directly inside the element (not its children's).
func (e *elem) text() string {
	var sb strings.Builder
	for _, it := range e.items {
		if it.el == nil {
			sb.WriteString(it.text)
		}
	}
	return sb.String()
}

// xml10 returns src with an XML 1.1 declaration read as 1.0, which is
// all encoding/xml accepts; the differences (a few more name and control
// characters) do not matter for reading mappings. Offsets are kept.
func xml10(src []byte) []byte {
	head := src[:min(len(src), 64)]
	i := bytes.Index(head, []byte("<?xml"))
	if i < 0 || len(bytes.TrimSpace(bytes.TrimPrefix(head[:i], []byte("\xef\xbb\xbf")))) > 0 {
		return src
	}
	for _, v := range [][]byte{[]byte(`version="1.1"`), []byte(`version='1.1'`)} {
		if j := bytes.Index(head, v); j > i {
			out := bytes.Clone(src)
			out[j+len(v)-2] = '0'
			return out
		}
	}
	return src
}
