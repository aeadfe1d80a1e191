package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seams-dev/seams/result"
)

func renderHTML(t *testing.T, r *result.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(context.Background(), &buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var scriptRE = regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`)

// markupOutsideScripts returns the page with the content of its script
// elements cut out: what the HTML parser reads as markup.
func markupOutsideScripts(page string) string {
	return scriptRE.ReplaceAllString(page, "<script></script>")
}

func TestHTMLSections(t *testing.T) {
	page := renderHTML(t, richResult())
	for _, want := range []string{
		`<section id="summary"`, `<section id="context-map"`, `<section id="candidates"`, `<section id="dsm"`,
		`<section id="data"`, `<section id="roadmap"`, `<section id="hotspots"`, `<section id="method"`,
		`id="candidate-ordering"`, `id="candidate-billing"`, `id="table-0"`, `id="step-1"`,
		`<svg`, `id="cm-c0"`, `href="#candidate-ordering"`, // the map, linked to the cards
		`God class AuditLog`, `Shared table orders`, // risks from the data
		"Step 3: extract", "split it before extracting", // the roadmap
		`class="verdict v-good"`, "higher is better", "lower is better",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `id="trends"`) {
		t.Errorf("a result without history shows a Trends section")
	}
	// Everything present: no "not available" state but the ones the
	// result cannot fill yet (package dependencies, internal links).
	if n := strings.Count(page, `class="none"`); n != len(richResult().Candidates) {
		t.Errorf("%d empty states, want one per card (package diagram)", n)
	}
}

func TestHTMLEmptySections(t *testing.T) {
	// What the analyzer writes today: no kernel, tables or plan.
	r := richResult()
	r.Kernel, r.Tables, r.Plan = []result.KernelComponent{}, []result.TableUse{}, result.Plan{Steps: []result.PlanStep{}}
	for i := range r.Candidates {
		sc := &r.Candidates[i].Scores
		sc.OwnedTables, sc.SharedTables, sc.API, sc.Difficulty, sc.DifficultyParts = nil, nil, nil, 0, nil
	}
	page := renderHTML(t, r)
	for _, want := range []string{
		"the result lists no shared-kernel component",
		"the result lists no tables",
		"the result holds no extraction plan",
		"Extraction difficulty: not available in this analysis",
		"No tables in this result for this candidate",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks the empty state %q", want)
		}
	}
	// Nothing to cluster at all.
	page = renderHTML(t, &result.Result{Schema: result.Schema, Repository: result.Repository{Name: "empty"}})
	for _, want := range []string{"No scores: the analysis found no candidates", "No candidates to draw", "No candidates: nothing to cluster"} {
		if !strings.Contains(page, want) {
			t.Errorf("empty result: page lacks %q", want)
		}
	}
}

func TestHTMLTrends(t *testing.T) {
	r := richResult()
	var ps []trendPoint
	for i, q := range []float64{0.30, 0.35, 0.41} {
		s := r.Scores
		s.Modularity, s.CrossDependencies = q, 12-i
		ps = append(ps, trendPoint{Commit: strings.Repeat(string(rune('a'+i)), 12), Scores: s})
	}
	v := buildTrends(ps)
	if v == nil || v.N != 3 || len(v.Series) != 5 {
		t.Fatalf("trends: %+v", v)
	}
	if m := v.Series[0]; m.First != "0.30" || m.Last != "0.41" || m.Change != "up" || !m.Good {
		t.Errorf("modularity series: %+v", m)
	}
	if c := v.Series[2]; c.Change != "down" || !c.Good {
		t.Errorf("cross dependencies going down should be good: %+v", c)
	}
	if buildTrends(ps[:1]) != nil {
		t.Errorf("one snapshot is no trend")
	}
	var buf bytes.Buffer
	view, _ := buildView(r)
	view.Trends = v
	if err := pageTemplate.ExecuteTemplate(&buf, "trends", pageData{view: view}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<section id="trends"`) || !strings.Contains(buf.String(), "<polyline") {
		t.Errorf("trends section not drawn:\n%s", buf.String())
	}
}

// TestHTMLTrendsNoise: changes below what the scores show are drawn
// flat and called flat, not as a cliff across the whole chart.
func TestHTMLTrendsNoise(t *testing.T) {
	r := richResult()
	var ps []trendPoint
	for i, q := range []float64{0.6301, 0.6302, 0.6299, 0.6304} {
		s := r.Scores
		s.Modularity, s.ICP, s.CrossDependencies = q, 0.2401+float64(i)/1e4, 7516+i*7
		ps = append(ps, trendPoint{Commit: strings.Repeat(string(rune('a'+i)), 12), Scores: s})
	}
	v := buildTrends(ps)
	for _, s := range v.Series[:3] {
		lo, hi := 40.0, 0.0
		for _, pt := range strings.Fields(s.Points) {
			var x, y float64
			fmt.Sscanf(pt, "%f,%f", &x, &y)
			lo, hi = min(lo, y), max(hi, y)
		}
		if hi-lo > 4 {
			t.Errorf("%s: noise drawn over %.1f of 40 px: %s", s.Name, hi-lo, s.Points)
		}
	}
	if m := v.Series[0]; m.Change != "flat" {
		t.Errorf("modularity 0.63 → 0.63 is %q, want flat", m.Change)
	}
	if c := v.Series[1]; c.Change != "flat" {
		t.Errorf("ICP 24%% → 24%% is %q, want flat", c.Change)
	}
	if d := v.Series[2]; d.Change != "up" || d.Good {
		t.Errorf("cross dependencies 7,516 → 7,537: %q good=%v, want up and not good", d.Change, d.Good)
	}
}

func TestHTMLContentPolicy(t *testing.T) {
	page := renderHTML(t, richResult())
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no Content-Security-Policy meta tag")
	}
	policy := html.UnescapeString(m[1])
	for _, want := range []string{"default-src 'none'", "connect-src 'none'", "img-src data:", "script-src 'sha256-"} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy %q lacks %q", policy, want)
		}
	}
	if strings.Contains(policy, "script-src 'unsafe-inline'") {
		t.Errorf("policy allows inline scripts: %q", policy)
	}
	// The hash in the policy is the hash of the page's script.
	scripts := scriptRE.FindAllStringSubmatch(page, -1)
	if len(scripts) != 2 {
		t.Fatalf("%d script elements, want the data block and the script", len(scripts))
	}
	if want := "'sha256-" + hash(scripts[1][1]) + "'"; !strings.Contains(policy, want) {
		t.Errorf("policy %q does not allow the page's script (%s)", policy, want)
	}
	// Nothing that loads: no src, no external URL, no CSS import or url().
	markup := markupOutsideScripts(page)
	for _, bad := range []string{" src=", "http://", "https://", "@import", "url(", "<link", "<iframe", "<object", "<embed"} {
		if strings.Contains(markup, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
}

// TestHTMLEscapesNames checks the page source: names carrying markup
// show as text, in elements, attributes, URLs, the JSON block and the
// inlined SVG. TestBrowser checks that nothing runs.
func TestHTMLEscapesNames(t *testing.T) {
	r := xssResult()
	page := renderHTML(t, r)
	markup := markupOutsideScripts(page)
	for _, bad := range []string{"<script>alert", "<img", `"onmouseover="alert`, "'onmouseover='alert"} {
		if strings.Contains(markup, bad) {
			i := strings.Index(markup, bad)
			t.Errorf("page markup holds %q unescaped: …%s…", bad, markup[max(0, i-80):min(len(markup), i+80)])
		}
	}
	// No element has an event handler, and every link stays in the page.
	for _, tag := range tags(markup) {
		for _, a := range tag.attrs {
			if strings.HasPrefix(strings.ToLower(a[0]), "on") {
				t.Errorf("<%s> has the attribute %s=%q", tag.name, a[0], a[1])
			}
			if (a[0] == "href" || a[0] == "src") && !strings.HasPrefix(a[1], "#") {
				t.Errorf("<%s> links outside the page: %s=%q", tag.name, a[0], a[1])
			}
		}
		switch tag.name {
		case "img", "iframe", "object", "embed", "link", "base", "form", "foreignobject":
			t.Errorf("unexpected element <%s %v>", tag.name, tag.attrs)
		}
	}
	// The escaped names are there, as text.
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;onmouseover=&#34;alert(1)", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(markup, want) {
			t.Errorf("page lacks the escaped name %q", want)
		}
	}
	// The JSON block cannot end its element early and still reads back.
	scripts := scriptRE.FindAllStringSubmatch(page, -1)
	block := scripts[0][1]
	for _, bad := range []string{"</script", "<!--", "<script"} {
		if strings.Contains(strings.ToLower(block), bad) {
			t.Errorf("the JSON block holds %q", bad)
		}
	}
	var data pageJSON
	if err := json.Unmarshal([]byte(block), &data); err != nil {
		t.Fatalf("the JSON block does not parse: %v", err)
	}
	var found bool
	for _, c := range data.Candidates {
		for _, p := range c.Pkgs {
			for _, f := range p.Files {
				if strings.Contains(f[0].(string), xssClose) {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("the JSON block lost the file path %q", xssClose)
	}
}

func TestCleanSVG(t *testing.T) {
	in := `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- comment --><svg width="10pt" height="10pt" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<g id="n1" class="node"><title>c1</title>
<a xlink:href="#candidate-a" xlink:title="A &lt;b&gt; &amp; &quot;c&quot;"><text x="1" onclick="alert(2)" style="x">A &lt;script&gt;</text></a>
<a xlink:href="javascript:alert(3)"><text>bad link</text></a>
<script>alert(4)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<image xlink:href="http://example.com/x.png"/>
</g></svg>`
	out, err := cleanSVG([]byte(in), "role", "group")
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, bad := range []string{"alert", "<?xml", "DOCTYPE", "comment", "<title>c1</title>", "http://", "style=", "<image", "foreignObject", "<div"} {
		if strings.Contains(got, bad) {
			t.Errorf("cleaned SVG holds %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{`<svg width="10pt" height="10pt" viewBox="0 0 10 10" role="group">`, `<a href="#candidate-a"><title>A &lt;b&gt; &amp; &#34;c&#34;</title>`,
		`<text x="1">A &lt;script&gt;</text>`, `<a><text>bad link</text></a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("cleaned SVG lacks %q:\n%s", want, got)
		}
	}
	if _, err := cleanSVG([]byte("<svg><g></svg>"), ""); err == nil {
		t.Errorf("malformed SVG accepted")
	}
}

func TestDSMOrder(t *testing.T) {
	// 0 uses 1 uses 2; 3 and 4 use each other and use 0.
	es := []edge{{From: 0, To: 1, Weight: 1}, {From: 1, To: 2, Weight: 1}, {From: 3, To: 4, Weight: 5}, {From: 4, To: 3, Weight: 1}, {From: 3, To: 0, Weight: 1}}
	v := buildDSM([]string{"a", "b", "c", "d", "e"}, make([]string, 5), es)
	var order []string
	for _, h := range v.Heads {
		order = append(order, h.Name)
	}
	// Foundations first; in the cycle, e (used more than it uses) first.
	if got := strings.Join(order, " "); got != "c b a e d" {
		t.Errorf("order %q, want %q", got, "c b a e d")
	}
	if v.Groups != 1 || v.Heads[3].Group != 1 || v.Heads[4].Group != 1 || v.Heads[0].Group != 0 {
		t.Errorf("groups: %+v", v.Heads)
	}
	if v.Marks != 5 || v.Back != 1 {
		t.Errorf("marks %d, back %d; want 5 and 1", v.Marks, v.Back)
	}
	// The one mark above the diagonal is e uses d.
	if c := v.Rows[3].Cells[4]; !c.Back || !c.InGroup {
		t.Errorf("e→d cell: %+v", c)
	}
}

func TestNamePrefix(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{"org.acme.a", "org.acme/B"}, "org.acme"},
		{[]string{"org.apache.fineract.portfolio/X", "org.apache.fineract.accounting", "org.apache.fineract/Y"}, "org.apache.fineract"},
		{[]string{"orders", "ordering"}, ""},
		{[]string{"a.b", "a.b.c"}, "a"},
		{[]string{"one"}, ""},
	} {
		if got := namePrefix(c.names); got != c.want {
			t.Errorf("namePrefix(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"com.acme.Foo":              "com.acme.Foo",
		"<script>alert(1)</script>": `\<script\>alert(1)\</script\>`,
		"a|b*c_d`e[f](g)":           `a\|b\*c\_d\` + "`" + `e\[f\](g)`,
		"x\ny":                      "x y",
	} {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDOTString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:           `"plain"`,
		`a"b`:             `"a\"b"`,
		`back\slash`:      `"back\\slash"`,
		"line\nbreak\x01": `"line\nbreak"`,
	} {
		if got := dotString(in); got != want {
			t.Errorf("dotString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	path, err := WriteDir(dir, richResult())
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "index.html") {
		t.Errorf("path %s", path)
	}
	for _, name := range []string{"result.json", "index.html", "summary.md", "context-map.dot"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("%d files in the report directory, want 4 (no temporary file left)", len(entries))
	}
}

// TestHTMLDeterministic: the page is part of what two runs must write
// identically.
func TestHTMLDeterministic(t *testing.T) {
	a, b := renderHTML(t, richResult()), renderHTML(t, richResult())
	if a != b {
		t.Errorf("two renderings of one result differ")
	}
}

type tag struct {
	name  string
	attrs [][2]string
}

// tags reads the start tags of an HTML page the way a browser splits
// them into names and attributes (for the well-formed markup
// html/template writes): a quoted value runs to its closing quote.
func tags(page string) []tag {
	var out []tag
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for i := 0; i < len(page); i++ {
		if page[i] != '<' || i+1 >= len(page) || !(page[i+1] >= 'a' && page[i+1] <= 'z' || page[i+1] >= 'A' && page[i+1] <= 'Z') {
			continue
		}
		j := i + 1
		for j < len(page) && !isSpace(page[j]) && page[j] != '>' && page[j] != '/' {
			j++
		}
		tg := tag{name: strings.ToLower(page[i+1 : j])}
		for j < len(page) && page[j] != '>' {
			for j < len(page) && (isSpace(page[j]) || page[j] == '/') {
				j++
			}
			k := j
			for j < len(page) && !isSpace(page[j]) && page[j] != '=' && page[j] != '>' {
				j++
			}
			name, value := page[k:j], ""
			if j < len(page) && page[j] == '=' {
				j++
				if j < len(page) && (page[j] == '"' || page[j] == '\'') {
					q := page[j]
					end := strings.IndexByte(page[j+1:], q)
					if end < 0 {
						end = len(page) - j - 1
					}
					value = page[j+1 : j+1+end]
					j += end + 2
				} else {
					k = j
					for j < len(page) && !isSpace(page[j]) && page[j] != '>' {
						j++
					}
					value = page[k:j]
				}
			}
			if name != "" {
				tg.attrs = append(tg.attrs, [2]string{name, html.UnescapeString(value)})
			}
		}
		out = append(out, tg)
		i = j
	}
	return out
}
