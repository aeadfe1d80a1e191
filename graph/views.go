package graph

// # Resolution (templates)
//
// A template (package views) is one module type named after its path
// ("src/main/webapp/WEB-INF/jsp/cart/Cart.jsp"). Its references resolve
// by the rules of its template language, each to exactly one file or
// class of the repository, or not at all:
//
//   - JSP and Thymeleaf classes are Java names: fully qualified, or
//     through the page's imports; java.lang and names of packages the
//     repository does not declare are external. Razor classes are C#
//     names: as written, or under a namespace of the page's @using
//     directives and of the _ViewImports.cshtml files of its directories;
//     a simple name found nowhere is external (Razor imports System,
//     System.Linq and the ASP.NET namespaces implicitly).
//   - JSP includes are paths from the page's directory, or, with a
//     leading slash, from the web application's root (the directory that
//     holds WEB-INF). Thymeleaf names are paths under templates/ without
//     ".html". ERB partials "x" are _x.* in the view's directory, "a/x"
//     app/views/a/_x.* (of the view's format when there are several).
//     Razor partials and layouts are looked up as ASP.NET Core does: the
//     page's directory, its parents up to Pages, Pages/Shared, then
//     Views/Shared. Blade's "a.b" is resources/views/a/b.blade.php, <x-a.b>
//     the class App\View\Components\A\B or else the view
//     resources/views/components/a/b(.blade.php|/index.blade.php). Twig
//     names are paths under templates/; namespaced names (@Bundle/...,
//     Blade's pkg::x) come from packages: external.
//
// Edges: a class a template uses is a type-use edge (an extends edge for
// Razor's @inherits); a template it includes or embeds is a call edge (the
// other template runs as part of this one, as a called function would); a
// layout or parent template it extends is an extends edge.
//
// # Controllers to views
//
// A controller renders a view where its framework's convention makes the
// view certain; the edge is a call from the controller type to the view's
// type (rendering runs the template, with the controller's model, as
// calling a method would; a type-use would weigh it as a mere mention):
//
//   - Spring MVC: a @Controller method returning a literal view name (or a
//     constant of its file holding one), and new ModelAndView("name")
//     anywhere; "name" is a template under templates/ (Thymeleaf) or a JSP
//     under WEB-INF/, WEB-INF/jsp/ or WEB-INF/views/, taken only when one
//     file has that name (the repository's view prefix is not read).
//     redirect: and forward: names are no views.
//   - Stripes: new ForwardResolution("/WEB-INF/jsp/x.jsp"): the one JSP
//     with that path under a web root.
//   - Rails: each public method of app/controllers/a/b_controller.rb is
//     an action whose views, app/views/a/b/<action>.*.erb, it renders
//     implicitly (a view exists only for actions that render one: an
//     action with none is not counted). An explicit render in such a
//     controller names an action's view (render :edit, render 'edit',
//     render action: :edit: app/views/a/b/edit.*.erb), a template
//     (render 'x/y', render template: 'x/y': app/views/x/y.*.erb) or a
//     partial (render partial: 'f': app/views/a/b/_f.*.erb; 'x/f':
//     app/views/x/_f.*.erb); of several formats the html one (what a
//     browser's request gets), in a respond_to block of another format
//     (format.js { render ... }) only that format's. render json:,
//     plain: and the like render no view.
//   - ASP.NET MVC: in the action M of XController, View() and View(model)
//     (one argument of a type known not to be string) render
//     Views/X/M.cshtml, else Views/Shared/M.cshtml; View("N") (or a
//     constant, or nameof(N)), View("N", model) and PartialView("N")
//     Views/X/N.cshtml, else Views/Shared/N.cshtml; View("~/a/b.cshtml")
//     that path from the project's directory (the one holding
//     Controllers/). A [ActionName] attribute is not read.
//   - Laravel: view('a.b'), View::make('a.b') and response()->view('a.b')
//     in any PHP code render resources/views/a/b.blade.php; Blade's
//     pkg::x is a package's (external).
//   - Symfony (Twig): $this->render('x/y.html.twig') and renderView in a
//     class extending AbstractController (or the older Controller), in
//     any class when the name ends in .twig (a base controller's own
//     render helper), and render() on a Twig\Environment render
//     templates/x/y.html.twig; @Bundle/... names are external.
//
// Names are string literals or constants of the code's file (Java's
// static finals, PHP's class constants, C#'s consts); a variable names
// no certain view and is not counted. A name must resolve to exactly one
// template, else it is unresolved and counted: with several projects in
// one repository (resources/views/ or templates/ under several
// directories), the nearest one holding the controller's file.

import (
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/views"
)

// vwIndex holds the repository's templates.
type vwIndex struct {
	ix      *index
	byPath  map[string]int      // template path -> its module type
	byDir   map[string][]int    // directory -> its templates' files
	spring  map[string][]int    // Spring view name -> candidate module types
	rooted  map[string][]string // "templates/x.twig", "resources/views/x.blade.php" -> the templates at that path under some directory
	renders [][]facts.Ref       // per file: its Renders references
}

// takeRenders takes the Renders references out of the facts: they are
// resolved here, not by the languages' resolvers. Files with some are
// copied; the others are shared.
func takeRenders(files []*facts.File) ([]*facts.File, [][]facts.Ref) {
	var out []*facts.File
	var rs [][]facts.Ref
	for i, f := range files {
		n := 0
		for _, r := range f.Refs {
			if r.Kind == facts.Renders {
				n++
			}
		}
		if n == 0 {
			continue
		}
		if out == nil {
			out, rs = slices.Clone(files), make([][]facts.Ref, len(files))
		}
		c := *f
		c.Refs = make([]facts.Ref, 0, len(f.Refs)-n)
		for _, r := range f.Refs {
			if r.Kind == facts.Renders {
				rs[i] = append(rs[i], r)
			} else {
				c.Refs = append(c.Refs, r)
			}
		}
		out[i] = &c
	}
	if out == nil {
		return files, nil
	}
	return out, rs
}

// newViewIndex names each template's module type after its path and
// indexes the templates. It runs before any name is resolved.
func newViewIndex(ix *index, renders [][]facts.Ref) *vwIndex {
	g := ix.g
	v := &vwIndex{ix: ix, byPath: map[string]int{}, byDir: map[string][]int{}, spring: map[string][]int{}, rooted: map[string][]string{}, renders: renders}
	for fi, f := range g.Facts {
		if f.Language != "view" || len(ix.typeIDs[fi]) == 0 {
			continue
		}
		id := ix.typeIDs[fi][0]
		t := &g.Types[id]
		t.Name, t.Simple = f.Path, path.Base(f.Path)
		ix.byName[f.Path] = append(ix.byName[f.Path], id)
		v.byPath[f.Path] = id
		v.byDir[path.Dir(f.Path)] = append(v.byDir[path.Dir(f.Path)], fi)
		for _, key := range springKeys(f.Path) {
			v.spring[key] = append(v.spring[key], id)
		}
		for _, dir := range []string{"templates/", "resources/views/"} {
			for i := 0; i < len(f.Path); i++ {
				if strings.HasPrefix(f.Path[i:], dir) && (i == 0 || f.Path[i-1] == '/') {
					v.rooted[f.Path[i:]] = append(v.rooted[f.Path[i:]], f.Path)
				}
			}
		}
	}
	delete(ix.byName, views.ModuleName)
	ix.duplicates = slices.DeleteFunc(ix.duplicates, func(n string) bool { return n == views.ModuleName })
	return v
}

// springKeys are the view names a Spring view resolver may give a
// template: its path under templates/ without .html, or under WEB-INF/
// (and its jsp/ and views/ directories) without .jsp.
func springKeys(p string) []string {
	var keys []string
	switch views.DialectOf(p) {
	case views.Thymeleaf:
		if rel, ok := under(p, "templates/"); ok {
			keys = append(keys, strings.TrimSuffix(rel, ".html"))
		}
	case views.JSP:
		ext := path.Ext(p)
		if ext != ".jsp" && ext != ".jspx" {
			return nil
		}
		for _, dir := range []string{"WEB-INF/", "WEB-INF/jsp/", "WEB-INF/views/"} {
			if rel, ok := under(p, dir); ok {
				keys = append(keys, strings.TrimSuffix(rel, ext))
			}
		}
	}
	return keys
}

// under returns the part of p after the directory dir ("app/views/"),
// matched at a segment boundary, its first occurrence.
func under(p, dir string) (string, bool) {
	root, ok := rootOf(p, dir)
	if !ok {
		return "", false
	}
	return p[len(root):], true
}

// rootOf returns the prefix of p up to and including the directory dir.
func rootOf(p, dir string) (string, bool) {
	if strings.HasPrefix(p, dir) {
		return dir, true
	}
	if i := strings.Index(p, "/"+dir); i >= 0 {
		return p[:i+1+len(dir)], true
	}
	return "", false
}

// resolveView resolves the references of one template.
func (ix *index) resolveView(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	v := ix.vw
	f := ix.g.Facts[fi]
	if v == nil || len(ix.typeIDs[fi]) == 0 {
		return out
	}
	self := ix.typeIDs[fi][0]
	d := views.DialectOf(f.Path)
	for _, ref := range f.Refs {
		kind := ref.Kind
		to, o := -1, unresolved
		switch ref.Kind {
		case facts.TypeUse:
			if d == views.Razor {
				to, o = v.csClass(fi, ref.Name)
				if ref.Member == "inherits" {
					kind = facts.Extends
				}
			} else {
				to, o = v.javaClass(fi, ref.Name)
			}
		case facts.Loads:
			kind = facts.Call
			if ref.Member == "extends" {
				kind = facts.Extends
			}
			var class bool
			to, o, class = v.template(fi, d, ref)
			if class {
				kind = facts.TypeUse
			}
		default:
			continue
		}
		c := out.byKind[kind]
		switch o {
		case internal:
			c.Internal++
			if to != self {
				out.deps = append(out.deps, Dep{From: self, To: to, Kind: kind, Count: 1, Line: ref.Line})
			}
		case external:
			c.External++
		default:
			c.Unresolved++
			out.unresolved[ref.Name]++
		}
		out.byKind[kind] = c
	}
	out.deps = mergeDeps(out.deps)
	return out
}

// javaClass resolves a class named in a JSP or Thymeleaf template.
func (v *vwIndex) javaClass(fi int, name string) (int, outcome) {
	ix := v.ix
	if ids := ix.byName[name]; len(ids) > 0 && !strings.HasPrefix(name, "<") {
		return ix.pick(ids, fi), internal
	}
	f := ix.g.Facts[fi]
	if !strings.Contains(name, ".") {
		for _, imp := range f.Imports {
			var q string
			switch {
			case imp.Wildcard:
				q = imp.Name + "." + name
			case imp.Name == name || strings.HasSuffix(imp.Name, "."+name):
				q = imp.Name
			default:
				continue
			}
			if ids := ix.byName[q]; len(ids) > 0 {
				return ix.pick(ids, fi), internal
			}
		}
		return -1, external // java.lang, or an on-demand import from outside
	}
	pkg := name[:strings.LastIndexByte(name, '.')]
	for p := pkg; ; {
		if ix.packages[p] {
			return -1, unresolved
		}
		dot := strings.LastIndexByte(p, '.')
		if dot < 0 {
			break
		}
		p = p[:dot]
	}
	return -1, external
}

// csClass resolves a class named in a Razor template.
func (v *vwIndex) csClass(fi int, name string) (int, outcome) {
	ix := v.ix
	var found []int
	try := func(q string) {
		for _, id := range ix.byName[q] {
			if ix.g.Files[ix.g.Types[id].File].Language == "csharp" && !slices.Contains(found, id) {
				found = append(found, id)
			}
		}
	}
	try(name)
	if len(found) == 0 {
		for _, imp := range v.razorImports(fi) {
			if imp.Alias != "" {
				if imp.Alias == name {
					try(imp.Name)
				}
				continue
			}
			try(imp.Name + "." + name)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], internal
	case len(found) > 1:
		return -1, unresolved
	}
	if dot := strings.IndexByte(name, '.'); dot >= 0 {
		first := name[:dot]
		for p := range ix.packages {
			if p == first || strings.HasPrefix(p, first+".") {
				return -1, unresolved
			}
		}
	}
	return -1, external
}

// razorImports are the @using directives in force in a Razor template:
// its own and those of the _ViewImports.cshtml of its directory and of
// every directory above it.
func (v *vwIndex) razorImports(fi int) []facts.Import {
	g := v.ix.g
	p := g.Facts[fi].Path
	imps := slices.Clone(g.Facts[fi].Imports)
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		for _, fj := range v.byDir[dir] {
			if fj != fi && path.Base(g.Facts[fj].Path) == "_ViewImports.cshtml" {
				imps = append(imps, g.Facts[fj].Imports...)
			}
		}
		if dir == "." || dir == "/" {
			break
		}
	}
	return imps
}

// template resolves a template a template includes or extends; class
// reports a Blade component resolved to its class.
func (v *vwIndex) template(fi int, d views.Dialect, ref facts.Ref) (int, outcome, bool) {
	p := v.ix.g.Facts[fi].Path
	name := ref.Name
	dir := path.Dir(p)
	first := func(cands ...string) (int, outcome, bool) {
		for _, c := range cands {
			if id, ok := v.byPath[c]; ok {
				return id, internal, false
			}
		}
		return -1, unresolved, false
	}
	switch d {
	case views.JSP:
		if strings.HasPrefix(name, "/") {
			root, ok := webRoot(p)
			if !ok {
				return -1, unresolved, false
			}
			return first(root + strings.TrimPrefix(name, "/"))
		}
		return first(path.Join(dir, name))
	case views.Thymeleaf:
		root, ok := rootOf(p, "templates/")
		if !ok {
			return -1, unresolved, false
		}
		name = strings.TrimPrefix(name, "/")
		if !strings.HasSuffix(name, ".html") {
			name += ".html"
		}
		return first(root + name)
	case views.ERB:
		return v.erbPartial(p, ref)
	case views.Razor:
		return first(razorCandidates(p, name)...)
	case views.Blade:
		if strings.Contains(name, "::") {
			return -1, external, false
		}
		root, ok := rootOf(p, "resources/views/")
		if ref.Member == "component" && !strings.Contains(ref.Name, "/") {
			// <x-a.b-c>: the class App\View\Components\A\BC first.
			parts := strings.Split(name, ".")
			for i, s := range parts {
				parts[i] = studly(s)
			}
			if ids := v.ix.byName["App.View.Components."+strings.Join(parts, ".")]; len(ids) > 0 {
				return v.ix.pick(ids, fi), internal, true
			}
			if !ok {
				return -1, unresolved, false
			}
			rel := strings.ReplaceAll(name, ".", "/")
			return first(root+"components/"+rel+".blade.php", root+"components/"+rel+"/index.blade.php")
		}
		if !ok {
			return -1, unresolved, false
		}
		return first(root + strings.ReplaceAll(name, ".", "/") + ".blade.php")
	case views.Twig:
		if strings.HasPrefix(name, "@") {
			return -1, external, false
		}
		root, ok := rootOf(p, "templates/")
		if !ok || strings.Contains(name, ":") {
			return -1, unresolved, false
		}
		return first(root + strings.TrimPrefix(name, "/"))
	}
	return -1, unresolved, false
}

// webRoot is the root of the web application holding a JSP: the
// directory of its WEB-INF, or src/main/webapp.
func webRoot(p string) (string, bool) {
	if root, ok := rootOf(p, "WEB-INF/"); ok {
		return strings.TrimSuffix(root, "WEB-INF/"), true
	}
	return rootOf(p, "src/main/webapp/")
}

// erbPartial resolves an ERB render: the partial (or template) file of
// the name, in the view's format when there are several.
func (v *vwIndex) erbPartial(p string, ref facts.Ref) (int, outcome, bool) {
	name := strings.TrimPrefix(ref.Name, "/")
	dir, base := path.Split(name)
	var d string
	if dir == "" {
		d = path.Dir(p)
	} else {
		root, ok := rootOf(p, "app/views/")
		if !ok {
			return -1, unresolved, false
		}
		d = path.Clean(root + dir)
	}
	if ref.Member != "template" {
		base = "_" + base
	}
	var cands []int
	for _, fj := range v.byDir[d] {
		fp := v.ix.g.Facts[fj].Path
		if strings.HasPrefix(path.Base(fp), base+".") && views.DialectOf(fp) == views.ERB {
			cands = append(cands, fj)
		}
	}
	if len(cands) > 1 {
		// The view's own format (show.html.erb: html).
		format := erbFormat(p)
		cands = slices.DeleteFunc(cands, func(fj int) bool { return erbFormat(v.ix.g.Facts[fj].Path) != format })
	}
	if len(cands) != 1 {
		return -1, unresolved, false
	}
	return v.byPath[v.ix.g.Facts[cands[0]].Path], internal, false
}

// erbFormat is the format of an ERB file: "html" for show.html.erb, ""
// for one without.
func erbFormat(p string) string {
	parts := strings.Split(path.Base(p), ".")
	if len(parts) < 3 {
		return ""
	}
	return parts[len(parts)-2]
}

// razorCandidates lists where ASP.NET Core looks for a partial or layout,
// in order.
func razorCandidates(p, name string) []string {
	dir := path.Dir(p)
	if strings.HasPrefix(name, "~/") || strings.HasPrefix(name, "/") {
		rest := strings.TrimPrefix(strings.TrimPrefix(name, "~"), "/")
		root := ""
		for _, marker := range []string{"Views/", "Pages/"} {
			if r, ok := rootOf(p, marker); ok {
				root = strings.TrimSuffix(r, marker)
				break
			}
		}
		return []string{root + rest}
	}
	if strings.Contains(name, "/") {
		return []string{path.Join(dir, name)}
	}
	if !strings.HasSuffix(name, ".cshtml") {
		name += ".cshtml"
	}
	var out []string
	if root, ok := rootOf(p, "Pages/"); ok {
		for d := dir; len(d)+1 >= len(root); d = path.Dir(d) {
			out = append(out, d+"/"+name)
			if d == "." || d+"/" == root {
				break
			}
		}
		out = append(out, root+"Shared/"+name, strings.TrimSuffix(root, "Pages/")+"Views/Shared/"+name)
		return out
	}
	out = append(out, path.Join(dir, name))
	if root, ok := rootOf(p, "Views/"); ok {
		out = append(out, root+"Shared/"+name)
	}
	return out
}

// studly turns a Blade component name into its class name: user-profile
// is UserProfile.
func studly(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '-' || r == '_' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// linkSet collects the edges from controllers to the views they render
// and their outcomes.
type linkSet struct {
	deps  []Dep
	o     Outcome
	unres map[string]int
}

// add links from to the one template of ids; none or several leave what
// unresolved.
func (c *linkSet) add(from int, ids []int, line int, what string) {
	if len(ids) != 1 {
		c.miss(what)
		return
	}
	c.o.Internal++
	c.deps = append(c.deps, Dep{From: from, To: ids[0], Kind: facts.Call, Count: 1, Line: line})
}

func (c *linkSet) miss(what string) {
	c.o.Unresolved++
	c.unres[what]++
}

// controllerDeps finds the views controllers render (see Controllers to
// views): the edges, sorted and merged, and their outcomes.
func (v *vwIndex) controllerDeps() ([]Dep, Outcome, map[string]int) {
	ix := v.ix
	g := ix.g
	c := &linkSet{unres: map[string]int{}}
	for fi, rs := range v.renders {
		for _, r := range rs {
			if r.From < 0 || r.From >= len(ix.typeIDs[fi]) {
				continue
			}
			switch g.Facts[fi].Language {
			case "java":
				v.springRender(c, fi, r)
			case "php":
				v.phpRender(c, fi, r)
			case "csharp":
				v.aspnetRender(c, fi, r)
			case "ruby":
				v.railsRender(c, fi, r)
			}
		}
	}
	for fi, f := range g.Facts {
		if f.Language == "ruby" {
			c.deps = append(c.deps, v.railsActions(fi, &c.o)...)
		}
	}
	return mergeDeps(c.deps), c.o, c.unres
}

// springRender links a Spring MVC or Stripes controller to a view.
func (v *vwIndex) springRender(c *linkSet, fi int, r facts.Ref) {
	ix := v.ix
	g := ix.g
	from := ix.typeIDs[fi][r.From]
	name, ok := renderValue(g.Facts[fi], r)
	if r.Member == "return" && !isController(ix.typeFacts(from)) {
		return
	}
	if !ok && r.Member == "return" {
		return // a variable: a model object, a ModelAndView
	}
	if !ok {
		c.miss(r.Name)
		return
	}
	if strings.HasPrefix(name, "redirect:") || strings.HasPrefix(name, "forward:") {
		return
	}
	if r.Member == "ForwardResolution" {
		c.add(from, v.suffixed(strings.TrimPrefix(name, "/")), r.Line, name)
		return
	}
	name, _, _ = strings.Cut(name, "::")
	name = strings.TrimPrefix(strings.TrimSpace(name), "/")
	c.add(from, v.springView(name, g.Files[fi].Path), r.Line, name)
}

// phpRender links PHP code to the Blade view (Laravel's view()) or the
// Twig template (render) it names.
func (v *vwIndex) phpRender(c *linkSet, fi int, r facts.Ref) {
	f := v.ix.g.Facts[fi]
	from := v.ix.typeIDs[fi][r.From]
	name, ok := renderValue(f, r)
	if !ok {
		c.miss(r.Name)
		return
	}
	switch r.Member {
	case "view":
		if strings.Contains(name, "::") {
			c.o.External++ // a package's view
			return
		}
		rel := strings.ReplaceAll(strings.TrimSuffix(name, ".blade.php"), ".", "/")
		c.add(from, v.rootedView("resources/views/"+rel+".blade.php", f.Path), r.Line, name)
	case "render":
		switch {
		case strings.HasPrefix(name, "@"):
			c.o.External++ // a bundle's template
		case strings.Contains(name, ":"):
			c.miss(name) // Bundle:Dir:file, a legacy bundle's
		default:
			c.add(from, v.rootedView("templates/"+strings.TrimPrefix(name, "/"), f.Path), r.Line, name)
		}
	}
}

// rootedView returns the template whose path ends in key
// ("templates/blog/index.html.twig") at a directory boundary: the one
// there is, or, when there are several, the one nearest the code, whose
// project directory is the longest one holding the code's file (from).
func (v *vwIndex) rootedView(key, from string) []int {
	paths := v.rooted[key]
	if len(paths) == 1 {
		return []int{v.byPath[paths[0]]}
	}
	var ids []int
	best := -1
	for _, p := range paths {
		root := strings.TrimSuffix(p, key)
		if !strings.HasPrefix(from, root) || len(root) < best {
			continue
		}
		if len(root) > best {
			ids, best = ids[:0], len(root)
		}
		ids = append(ids, v.byPath[p])
	}
	return ids
}

// aspnetRender links an action of an ASP.NET MVC controller to the view
// it renders: View() and View(model) the action's, View("Name") and
// PartialView("Name") Views/<Controller>/Name.cshtml or else
// Views/Shared/Name.cshtml, View("~/Views/X/Y.cshtml") that file.
func (v *vwIndex) aspnetRender(c *linkSet, fi int, r facts.Ref) {
	ix := v.ix
	f := ix.g.Facts[fi]
	if r.From >= len(f.Types) || r.Method < 0 || r.Method >= len(f.Types[r.From].Methods) {
		return
	}
	t := f.Types[r.From]
	ctrl, ok := strings.CutSuffix(t.Name[strings.LastIndexByte(t.Name, '.')+1:], "Controller")
	if !ok || ctrl == "" {
		return
	}
	from := ix.typeIDs[fi][r.From]
	root := ""
	if i := strings.LastIndex(f.Path, "Controllers/"); i >= 0 {
		root = f.Path[:i]
	}
	name := t.Methods[r.Method].Name
	if r.Name != "" {
		var ok bool
		if name, ok = renderValue(f, r); !ok {
			c.miss(r.Name)
			return
		}
	}
	var cands []string
	switch {
	case strings.HasPrefix(name, "~/") || strings.HasPrefix(name, "/"):
		cands = []string{root + strings.TrimPrefix(strings.TrimPrefix(name, "~"), "/")}
	case strings.Contains(name, "/") || strings.HasSuffix(name, ".cshtml"):
		c.miss(name) // a path relative to what ASP.NET does not say
		return
	default:
		cands = []string{root + "Views/" + ctrl + "/" + name + ".cshtml", root + "Views/Shared/" + name + ".cshtml"}
	}
	for _, p := range cands {
		if id, ok := v.byPath[p]; ok {
			c.add(from, []int{id}, r.Line, name)
			return
		}
	}
	c.miss(name)
}

// railsRender links a Rails controller to the view, template or partial
// an explicit render names.
func (v *vwIndex) railsRender(c *linkSet, fi int, r facts.Ref) {
	f := v.ix.g.Facts[fi]
	rel, ok := under(f.Path, "app/controllers/")
	if !ok || !strings.HasSuffix(rel, "_controller.rb") {
		return
	}
	name, ok := renderValue(f, r)
	if !ok {
		return
	}
	root, _ := rootOf(f.Path, "app/controllers/")
	viewRoot := strings.TrimSuffix(root, "app/controllers/") + "app/views/"
	how, format, explicit := strings.Cut(r.Member, " ")
	dir, base := strings.TrimSuffix(rel, "_controller.rb"), strings.TrimPrefix(name, "/")
	if strings.Contains(base, "/") || how == "template" {
		dir, base = path.Split(base)
	}
	if how == "partial" {
		base = "_" + base
	}
	var cands []int
	for _, fj := range v.byDir[path.Clean(viewRoot+dir)] {
		fp := v.ix.g.Facts[fj].Path
		if strings.HasPrefix(path.Base(fp), base+".") && views.DialectOf(fp) == views.ERB {
			cands = append(cands, fj)
		}
	}
	if len(cands) > 1 || explicit {
		// A controller renders html unless the request asks for another
		// format (format.js { render ... }).
		if !explicit {
			format = "html"
		}
		cands = slices.DeleteFunc(cands, func(fj int) bool { return erbFormat(v.ix.g.Facts[fj].Path) != format })
	}
	ids := make([]int, len(cands))
	for i, fj := range cands {
		ids[i] = v.byPath[v.ix.g.Facts[fj].Path]
	}
	c.add(v.ix.typeIDs[fi][r.From], ids, r.Line, name)
}

// renderValue is the view name of a Renders reference: its literal, or
// the value of the constant of its file it names.
func renderValue(f *facts.File, r facts.Ref) (string, bool) {
	if len(r.Name) >= 2 && r.Name[0] == '"' {
		return r.Name[1 : len(r.Name)-1], true
	}
	// The enclosing types first, innermost first, then the whole file.
	order := []int{}
	for t := r.From; t >= 0 && t < len(f.Types); t = f.Types[t].Outer {
		order = append(order, t)
	}
	for t := range f.Types {
		order = append(order, t)
	}
	for _, t := range order {
		for _, fl := range f.Types[t].Fields {
			if fl.Name == r.Name && fl.Static && fl.Value != "" {
				return fl.Value, true
			}
		}
	}
	return "", false
}

// isController reports a Spring MVC @Controller (a @RestController
// returns data, not view names).
func isController(t *facts.Type) bool {
	for _, a := range t.Annotations {
		if a == "Controller" || a == "org.springframework.stereotype.Controller" {
			return true
		}
	}
	return false
}

// springView returns the templates a Spring view name may be: all those
// with the name, or, when there are several, those of the controller's
// module.
func (v *vwIndex) springView(name, from string) []int {
	ids := v.spring[name]
	if len(ids) <= 1 {
		return ids
	}
	module, _, _ := strings.Cut(from, "src/main/")
	var mine []int
	for _, id := range ids {
		if p := v.ix.g.Files[v.ix.g.Types[id].File].Path; strings.HasPrefix(p, module) && strings.Contains(p[len(module):], "src/main/") == strings.Contains(from, "src/main/") {
			mine = append(mine, id)
		}
	}
	slices.Sort(mine)
	mine = slices.Compact(mine)
	return mine
}

// suffixed returns the JSPs at the web-root path rel.
func (v *vwIndex) suffixed(rel string) []int {
	var ids []int
	for p, id := range v.byPath {
		if root, ok := webRoot(p); ok && root+rel == p {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// railsActions links the actions of a Rails controller to their views.
func (v *vwIndex) railsActions(fi int, o *Outcome) []Dep {
	ix := v.ix
	f := ix.g.Facts[fi]
	rel, ok := under(f.Path, "app/controllers/")
	if !ok || !strings.HasSuffix(rel, "_controller.rb") {
		return nil
	}
	root, _ := rootOf(f.Path, "app/controllers/")
	viewDir := strings.TrimSuffix(root, "app/controllers/") + "app/views/" + strings.TrimSuffix(rel, "_controller.rb")
	files := v.byDir[viewDir]
	if len(files) == 0 {
		return nil
	}
	var deps []Dep
	for ti, t := range f.Types {
		if !strings.HasSuffix(t.Name, "Controller") || t.Kind != facts.Class {
			continue
		}
		from := ix.typeIDs[fi][ti]
		for _, m := range t.Methods {
			if !m.Public || m.Static {
				continue
			}
			for _, fj := range files {
				vp := ix.g.Facts[fj].Path
				if views.DialectOf(vp) == views.ERB && strings.HasPrefix(path.Base(vp), m.Name+".") {
					o.Internal++
					deps = append(deps, Dep{From: from, To: v.byPath[vp], Kind: facts.Call, Count: 1, Line: m.Line})
				}
			}
		}
	}
	return deps
}
