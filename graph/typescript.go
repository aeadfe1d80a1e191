package graph

// # Resolution (TypeScript and JavaScript)
//
// A file is a module. The names of its top level are bound by its own
// declarations (types, and the functions and variables of its module
// type, see package typescript) and by its imports; nothing else is in
// scope but the globals. An import names a module by a specifier, which
// is resolved the way tsc and the bundlers do, without running anything:
//
//   - a relative specifier ("./order", "../lib/util.js") from the
//     importing file's directory;
//   - else through the compilerOptions.paths of the tsconfig.json (or
//     jsconfig.json) that governs the file: the nearest one in its
//     directory or above, with its `extends` chain followed inside the
//     repository (a child's baseUrl and paths replace its parent's);
//     the longest matching pattern wins, its targets tried in order,
//     relative to baseUrl when one is set, else to the config declaring
//     the paths;
//   - else against that baseUrl;
//   - else as a workspace package: the `name` of a package.json of the
//     repository (a monorepo's packages), the rest of the specifier a
//     path inside it; the package itself is its entry (source, types,
//     module, main, exports["."]; a build-output entry such as
//     dist/index.js is looked up under src/ too), else src/index, else
//     index;
//   - else it is a library (node_modules) or a Node built-in: external.
//
// A path is probed as tsc does: as written, a .js/.jsx/.mjs/.cjs written
// for a TypeScript source (ESM style) as .ts/.tsx/.mts/.cts, then with
// each extension (.ts, .tsx, .d.ts, .js, .jsx, .mjs, .cjs, .mts, .cts),
// then as a directory's index. A relative specifier of a file that is no
// code (.css, .svg, .json...) is external, one that finds nothing is
// unresolved.
//
// What a module exports is its File.Exports (each the local declaration
// it stands for) and its re-exports (export { a as b } from, export *
// from, export * as ns from), followed through barrels to the declaring
// module: an edge goes to the class or function itself, never to the
// index.ts in between. An imported name that the module does not export
// is unresolved. A namespace import (import * as ns, const m =
// require('./m')) used as a value, a constructor or a function stands for
// the module's default export (CommonJS interop).
//
// A reference resolves its first name in the file's scope and follows
// the rest through namespaces (ns.Order, ns.sub.f); a name that reaches
// a type or a function ends there (OrderStatus.Paid is a use of
// OrderStatus). What is not bound: a type declared in a global script of
// the repository (a .ts or .d.ts file without imports or exports)
// resolves to it; a standard global (Promise, Date, console, process,
// window, Record, Partial...) is external; anything else is unresolved.
//
// Edges: a type use that lands on a module's function is a method-ref to
// the module's type (a function passed as a value); a call of a function
// is a call to its module's type, Member the function; a call x.m() is
// typed as for Java: the receiver's class (this, fields with their
// written types, parameter properties, locals, getters' and methods'
// return types, awaited Promise<T>), and the edge goes to the class or
// interface declaring m through the supertypes, else to the receiver's
// class itself; a call of a function held in a field is no edge. A call
// on a value of a type outside the repository is external, on a value of
// unknown type unresolved.

import (
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// tsTarget is what a name of a module stands for.
type tsTarget struct {
	kind   tsKind
	id     int    // the type (tsType), the module type (tsMember), or -1
	member string // the function or variable (tsMember)
	file   int    // the module (tsNamespace)
}

type tsKind uint8

const (
	tsUnresolved tsKind = iota
	tsExternal
	tsType
	tsMember
	tsNamespace
	// tsInner is a TypeScript namespace declared in module file: member
	// holds its name, and its members are the module's declarations named
	// member + "." + name.
	tsInner
)

var (
	tsUnres = tsTarget{kind: tsUnresolved, id: -1, file: -1}
	tsExt   = tsTarget{kind: tsExternal, id: -1, file: -1}
)

// tsModule is what resolution knows of one JavaScript or TypeScript file.
type tsModule struct {
	moduleType int                 // the file's facts.Module type, or -1
	local      map[string]tsTarget // top-level declarations
	imports    map[string]tsTarget // local name -> what it imports
	exports    map[string]tsTarget // exported name -> what it stands for
	done, busy bool                // exports computed / being computed
}

// tsConfig is a tsconfig.json or jsconfig.json with its extends chain
// applied.
type tsConfig struct {
	file     int
	dir      string
	extends  []string
	baseURL  string // the directory, repository-relative ("" for none; "." the root)
	hasBase  bool
	paths    []tsPath
	hasPaths bool
	resolved bool
	busy     bool
}

type tsPath struct {
	pattern string
	targets []string // repository-relative, with the * kept
}

type tsPackage struct {
	name    string
	dir     string
	entries []string
}

// tsIndex holds what TypeScript resolution needs across files.
type tsIndex struct {
	ix       *index
	files    map[string]int // path -> file index, JavaScript and TypeScript sources
	mods     map[int]*tsModule
	configs  map[string]*tsConfig // path -> config
	dirConf  map[string]*tsConfig // directory -> governing config (nil: none)
	packages []tsPackage          // longest name first
	globals  map[string]int       // names declared by global scripts
	prisma   map[string]int       // Prisma client property -> model type
	models   map[string]int       // Sequelize model name -> model type
}

func isTSLanguage(lang string) bool { return lang == "typescript" || lang == "javascript" }

var tsCodeExts = []string{".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// newTSIndex builds the TypeScript index: modules, configs, packages,
// every import resolved and every export followed, and the supertypes of
// TypeScript types. It runs after resolveSupertypes, whose Java rules it
// replaces for these types.
func newTSIndex(ix *index) *tsIndex {
	g := ix.g
	ts := &tsIndex{ix: ix, files: map[string]int{}, mods: map[int]*tsModule{}, configs: map[string]*tsConfig{},
		dirConf: map[string]*tsConfig{}, globals: map[string]int{}, prisma: map[string]int{}, models: map[string]int{}}
	for fi, f := range g.Facts {
		for _, t := range f.Tables {
			if t.Via == "sequelize" && t.Entity >= 0 && t.Entity < len(ix.typeIDs[fi]) {
				id := ix.typeIDs[fi][t.Entity]
				if _, dup := ts.models[g.Types[id].Simple]; !dup {
					ts.models[g.Types[id].Simple] = id
				}
			}
		}
		switch {
		case isTSLanguage(f.Language):
			ts.files[f.Path] = fi
		case f.Language == "json":
			base := path.Base(f.Path)
			if base == "package.json" {
				p := tsPackage{dir: path.Dir(f.Path)}
				for _, s := range f.Settings {
					switch s.Key {
					case "name":
						p.name = s.Values[0]
					case "entry":
						p.entries = append(p.entries, s.Values...)
					}
				}
				if p.name != "" {
					ts.packages = append(ts.packages, p)
				}
				continue
			}
			c := &tsConfig{file: fi, dir: path.Dir(f.Path)}
			for _, s := range f.Settings {
				switch s.Key {
				case "extends":
					c.extends = append(c.extends, s.Values...)
				case "baseUrl":
					c.baseURL, c.hasBase = path.Join(c.dir, s.Values[0]), true
				case "paths":
					c.hasPaths = true
					if s.Pattern != "" {
						c.paths = append(c.paths, tsPath{pattern: s.Pattern, targets: s.Values})
					}
				}
			}
			ts.configs[f.Path] = c
		case f.Language == "prisma":
			for _, id := range ix.typeIDs[fi] {
				name := g.Types[id].Simple
				key := strings.ToLower(name[:1]) + name[1:]
				if _, dup := ts.prisma[key]; !dup {
					ts.prisma[key] = id
				}
			}
		}
	}
	if len(ts.files) == 0 {
		return nil
	}
	slices.SortStableFunc(ts.packages, func(a, b tsPackage) int { return len(b.name) - len(a.name) })
	for _, c := range ts.configs {
		ts.resolveConfig(c)
	}
	// Modules: their declarations.
	for _, fi := range ts.fileOrder() {
		f := g.Facts[fi]
		m := &tsModule{moduleType: -1, local: map[string]tsTarget{}}
		for ti, t := range f.Types {
			id := ix.typeIDs[fi][ti]
			if t.Kind == facts.Module {
				m.moduleType = id
				continue
			}
			if _, dup := m.local[t.Name]; !dup {
				m.local[t.Name] = tsTarget{kind: tsType, id: id, file: fi}
			}
		}
		if m.moduleType >= 0 {
			mt := ix.typeFacts(m.moduleType)
			for _, me := range mt.Methods {
				if _, dup := m.local[me.Name]; !dup {
					m.local[me.Name] = tsTarget{kind: tsMember, id: m.moduleType, member: me.Name, file: fi}
				}
			}
			for _, fd := range mt.Fields {
				if _, dup := m.local[fd.Name]; !dup {
					m.local[fd.Name] = tsTarget{kind: tsMember, id: m.moduleType, member: fd.Name, file: fi}
				}
			}
		}
		// TypeScript namespaces: A of a declaration A.B, and B itself
		// (its simple name is in scope inside the namespace).
		names := make([]string, 0, len(m.local))
		for name := range m.local {
			if strings.IndexByte(name, '.') >= 0 {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			t := m.local[name]
			for dot := strings.IndexByte(name, '.'); dot >= 0; {
				if _, dup := m.local[name[:dot]]; !dup {
					m.local[name[:dot]] = tsTarget{kind: tsInner, id: -1, member: name[:dot], file: fi}
				}
				next := strings.IndexByte(name[dot+1:], '.')
				if next < 0 {
					break
				}
				dot += 1 + next
			}
			if dot := strings.LastIndexByte(name, '.'); dot >= 0 && t.kind != tsInner {
				if _, dup := m.local[name[dot+1:]]; !dup {
					m.local[name[dot+1:]] = t
				}
			}
		}
		ts.mods[fi] = m
		// A script (no import, no export) declares globals.
		if len(f.Imports) == 0 && len(f.Exports) == 0 {
			for ti, t := range f.Types {
				if t.Kind != facts.Module {
					if _, dup := ts.globals[t.Name]; !dup {
						ts.globals[t.Name] = ix.typeIDs[fi][ti]
					}
				}
			}
		}
	}
	// Imports and exports, each computed when first needed: an import
	// needs the exports of the module it names, an export may name an
	// import.
	for _, fi := range ts.fileOrder() {
		ts.importsOf(fi)
		ts.exportsOf(fi)
	}
	ts.resolveSupertypes()
	return ts
}

// fileOrder returns the JavaScript and TypeScript files in index order.
func (ts *tsIndex) fileOrder() []int {
	out := make([]int, 0, len(ts.files))
	for _, fi := range ts.files {
		out = append(out, fi)
	}
	slices.Sort(out)
	return out
}

// resolveConfig applies a config's extends chain: a baseUrl or paths of
// its own win over the extended config's. Paths are relative to the
// baseUrl in effect, else to the config declaring them; they are stored
// relative to the repository.
func (ts *tsIndex) resolveConfig(c *tsConfig) {
	if c.resolved || c.busy {
		return
	}
	c.busy = true
	var parent *tsConfig
	for _, ext := range c.extends {
		if !strings.HasPrefix(ext, ".") && !strings.HasPrefix(ext, "/") {
			continue // a config from a library
		}
		p := path.Join(c.dir, ext)
		for _, cand := range []string{p, p + ".json", path.Join(p, "tsconfig.json")} {
			if parent = ts.configs[cand]; parent != nil {
				break
			}
		}
		if parent != nil {
			ts.resolveConfig(parent)
			if !c.hasBase && parent.hasBase {
				c.baseURL, c.hasBase = parent.baseURL, true
			}
		}
	}
	if c.hasPaths {
		base := c.dir
		if c.hasBase {
			base = c.baseURL
		}
		for i := range c.paths {
			for j, t := range c.paths[i].targets {
				c.paths[i].targets[j] = path.Join(base, t)
			}
		}
	} else {
		if parent != nil && parent.hasPaths {
			c.paths, c.hasPaths = parent.paths, true
		}
	}
	c.busy, c.resolved = false, true
}

// configFor returns the config governing files of directory dir: the
// nearest tsconfig.json or jsconfig.json in it or above, else another
// tsconfig*.json there.
func (ts *tsIndex) configFor(dir string) *tsConfig {
	if c, ok := ts.dirConf[dir]; ok {
		return c
	}
	var c *tsConfig
	for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
		if c = ts.configs[path.Join(dir, name)]; c != nil {
			break
		}
	}
	if c == nil {
		var names []string
		for p := range ts.configs {
			if path.Dir(p) == dir {
				names = append(names, p)
			}
		}
		slices.Sort(names)
		if len(names) > 0 {
			c = ts.configs[names[0]]
		}
	}
	if c == nil && dir != "." && dir != "" {
		c = ts.configFor(path.Dir(dir))
	}
	ts.dirConf[dir] = c
	return c
}

// probe finds the source file a path stands for.
func (ts *tsIndex) probe(p string) (int, bool) {
	if p == "" || p == ".." || strings.HasPrefix(p, "../") {
		return -1, false
	}
	if fi, ok := ts.files[p]; ok {
		return fi, true
	}
	ext := path.Ext(p)
	switch ext {
	case ".js", ".jsx", ".mjs", ".cjs":
		stem := strings.TrimSuffix(p, ext)
		for _, e := range map[string][]string{".js": {".ts", ".tsx", ".d.ts"}, ".jsx": {".tsx"}, ".mjs": {".mts"}, ".cjs": {".cts"}}[ext] {
			if fi, ok := ts.files[stem+e]; ok {
				return fi, true
			}
		}
	case ".ts":
		if strings.HasSuffix(p, ".d.ts") {
			if fi, ok := ts.probe(strings.TrimSuffix(p, ".d.ts")); ok {
				return fi, true
			}
		}
	}
	for _, e := range tsCodeExts {
		if fi, ok := ts.files[p+e]; ok {
			return fi, true
		}
	}
	for _, e := range tsCodeExts {
		if fi, ok := ts.files[p+"/index"+e]; ok {
			return fi, true
		}
	}
	return -1, false
}

// isCodeExt reports whether a specifier ends in an extension a module
// may have (or none that reads as one).
func isCodeExt(spec string) bool {
	ext := path.Ext(spec)
	switch ext {
	case "", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts":
		return true
	}
	// "./order.service": a dot in a module name, not an extension.
	for _, c := range ext[1:] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return true
		}
	}
	switch strings.ToLower(ext) {
	case ".css", ".scss", ".sass", ".less", ".styl", ".json", ".json5", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp",
		".ico", ".bmp", ".avif", ".woff", ".woff2", ".ttf", ".eot", ".otf", ".mp3", ".mp4", ".wav", ".webm", ".html",
		".htm", ".md", ".mdx", ".txt", ".yaml", ".yml", ".graphql", ".gql", ".vue", ".svelte", ".wasm", ".csv", ".xml",
		".pdf", ".hbs", ".ejs", ".pug", ".glsl", ".frag", ".vert", ".node", ".proto", ".sql", ".toml", ".astro":
		return false
	}
	return true
}

// resolveSpec resolves a module specifier written in file fi.
func (ts *tsIndex) resolveSpec(fi int, spec string) (int, outcome) {
	from := ts.ix.g.Facts[fi].Path
	dir := path.Dir(from)
	switch {
	case spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		if t, ok := ts.probe(path.Join(dir, spec)); ok {
			return t, internal
		}
		if !isCodeExt(spec) {
			return -1, external
		}
		return -1, unresolved
	case strings.HasPrefix(spec, "/"):
		if t, ok := ts.probe(strings.TrimPrefix(path.Clean(spec), "/")); ok {
			return t, internal
		}
		return -1, unresolved
	case strings.HasPrefix(spec, "node:"):
		return -1, external
	}
	if c := ts.configFor(dir); c != nil {
		best, bestLen := -1, -1
		for i, p := range c.paths {
			pre, suf, star := strings.Cut(p.pattern, "*")
			switch {
			case !star && spec == p.pattern:
				if len(p.pattern) > bestLen {
					best, bestLen = i, len(p.pattern)+1
				}
			case star && strings.HasPrefix(spec, pre) && strings.HasSuffix(spec, suf) && len(spec) >= len(pre)+len(suf):
				if len(pre) > bestLen {
					best, bestLen = i, len(pre)
				}
			}
		}
		if best >= 0 {
			p := c.paths[best]
			pre, suf, _ := strings.Cut(p.pattern, "*")
			mid := ""
			if strings.Contains(p.pattern, "*") {
				mid = spec[len(pre) : len(spec)-len(suf)]
			}
			for _, t := range p.targets {
				if f, ok := ts.probe(path.Clean(strings.Replace(t, "*", mid, 1))); ok {
					return f, internal
				}
			}
			if !isCodeExt(spec) {
				return -1, external
			}
		}
		if c.hasBase {
			if f, ok := ts.probe(path.Join(c.baseURL, spec)); ok {
				return f, internal
			}
		}
	}
	for _, p := range ts.packages {
		if spec != p.name && !strings.HasPrefix(spec, p.name+"/") {
			continue
		}
		sub := strings.TrimPrefix(strings.TrimPrefix(spec, p.name), "/")
		if sub != "" {
			for _, cand := range []string{path.Join(p.dir, sub), path.Join(p.dir, "src", sub)} {
				if f, ok := ts.probe(cand); ok {
					return f, internal
				}
			}
			return -1, unresolved
		}
		for _, e := range p.entries {
			e = path.Clean(e)
			cands := []string{path.Join(p.dir, e)}
			for _, out := range []string{"dist/", "lib/", "build/", "out/", "esm/", "cjs/", "es/"} {
				if strings.HasPrefix(e, out) {
					cands = append(cands, path.Join(p.dir, "src", strings.TrimPrefix(e, out)))
				}
			}
			for _, cand := range cands {
				if f, ok := ts.probe(cand); ok {
					return f, internal
				}
			}
		}
		for _, cand := range []string{path.Join(p.dir, "src/index"), path.Join(p.dir, "index")} {
			if f, ok := ts.probe(cand); ok {
				return f, internal
			}
		}
		return -1, unresolved
	}
	return -1, external
}

// importsOf resolves the import bindings of module fi.
func (ts *tsIndex) importsOf(fi int) map[string]tsTarget {
	m := ts.mods[fi]
	if m == nil {
		return nil
	}
	if m.imports != nil {
		return m.imports
	}
	m.imports = map[string]tsTarget{}
	for _, imp := range ts.ix.g.Facts[fi].Imports {
		if imp.Export || imp.Alias == "" {
			continue
		}
		if _, dup := m.imports[imp.Alias]; dup {
			continue
		}
		m.imports[imp.Alias] = ts.importTarget(fi, imp)
	}
	return m.imports
}

// importNamed resolves the import binding alias of module fi.
func (ts *tsIndex) importNamed(fi int, alias string) (tsTarget, bool) {
	if m := ts.mods[fi]; m != nil && m.imports != nil {
		if t, ok := m.imports[alias]; ok {
			return t, true
		}
	}
	for _, imp := range ts.ix.g.Facts[fi].Imports {
		if !imp.Export && imp.Alias == alias {
			return ts.importTarget(fi, imp), true
		}
	}
	return tsTarget{}, false
}

// importTarget resolves one import binding.
func (ts *tsIndex) importTarget(fi int, imp facts.Import) tsTarget {
	t, out := ts.resolveSpec(fi, imp.From)
	switch out {
	case external:
		return tsExt
	case unresolved:
		return tsUnres
	}
	if imp.Wildcard || imp.Name == "*" {
		return tsTarget{kind: tsNamespace, id: -1, file: t}
	}
	return ts.exportLookup(t, imp.Name)
}

// exportLookup finds what module fi exports as name.
func (ts *tsIndex) exportLookup(fi int, name string) tsTarget {
	ex := ts.exportsOf(fi)
	if t, ok := ex[name]; ok {
		return t
	}
	return tsUnres
}

// exportsOf computes the exports of module fi, following re-exports.
func (ts *tsIndex) exportsOf(fi int) map[string]tsTarget {
	m := ts.mods[fi]
	if m == nil {
		return nil
	}
	if m.done || m.busy {
		return m.exports
	}
	m.busy = true
	m.exports = map[string]tsTarget{}
	f := ts.ix.g.Facts[fi]
	for _, e := range f.Exports {
		if _, dup := m.exports[e.Name]; dup {
			continue
		}
		switch {
		case e.Local == "":
			m.exports[e.Name] = tsTarget{kind: tsNamespace, id: -1, file: fi}
		default:
			if t, ok := m.local[e.Local]; ok {
				m.exports[e.Name] = t
			} else if t, ok := ts.importNamed(fi, e.Local); ok {
				m.exports[e.Name] = t
			} else {
				m.exports[e.Name] = tsUnres
			}
		}
	}
	var stars []int
	for _, imp := range f.Imports {
		if !imp.Export {
			continue
		}
		t, out := ts.resolveSpec(fi, imp.From)
		switch {
		case imp.Wildcard && imp.Alias == "":
			if out == internal {
				stars = append(stars, t)
			}
			continue
		case out == external:
			m.exports[imp.Alias] = tsExt
		case out == unresolved:
			m.exports[imp.Alias] = tsUnres
		case imp.Wildcard:
			m.exports[imp.Alias] = tsTarget{kind: tsNamespace, id: -1, file: t}
		default:
			if _, dup := m.exports[imp.Alias]; !dup {
				m.exports[imp.Alias] = ts.exportLookup(t, imp.Name)
			}
		}
	}
	for _, s := range stars {
		for name, t := range ts.exportsOf(s) {
			if _, dup := m.exports[name]; !dup && name != "default" {
				m.exports[name] = t
			}
		}
	}
	m.busy, m.done = false, true
	return m.exports
}

// representative returns the type that stands for a module in an edge:
// its module type, else its first type, else -1.
func (ts *tsIndex) representative(fi int) int {
	if m := ts.mods[fi]; m != nil && m.moduleType >= 0 {
		return m.moduleType
	}
	if ids := ts.ix.typeIDs[fi]; len(ids) > 0 {
		return ids[0]
	}
	return -1
}

// asValue is a namespace used as a value: its default export, if any.
func (ts *tsIndex) asValue(t tsTarget) tsTarget {
	if t.kind != tsNamespace {
		return t
	}
	if d, ok := ts.exportsOf(t.file)["default"]; ok && d.kind != tsNamespace {
		return d
	}
	return t
}

// name resolves a name as written in module fi: its first segment in the
// module's scope, the rest through namespaces.
func (ts *tsIndex) name(fi int, name string) tsTarget {
	first, rest, dotted := strings.Cut(name, ".")
	m := ts.mods[fi]
	if m == nil {
		return tsUnres
	}
	t, ok := m.local[first]
	if !ok {
		t, ok = m.imports[first]
	}
	if !ok {
		if id, g := ts.globals[first]; g {
			t, ok = tsTarget{kind: tsType, id: id, file: ts.ix.g.Types[id].File}, true
		}
	}
	if !ok {
		if jsGlobalNames[first] {
			return tsExt
		}
		return tsUnres
	}
	for dotted {
		var seg string
		var nt tsTarget
		found := false
		switch t.kind {
		case tsNamespace:
			seg, rest, dotted = strings.Cut(rest, ".")
			nt, found = ts.exportsOf(t.file)[seg]
		case tsInner:
			seg, rest, dotted = strings.Cut(rest, ".")
			nt, found = ts.mods[t.file].local[t.member+"."+seg]
		default:
			return t
		}
		if !found {
			return tsUnres
		}
		t = nt
	}
	return t
}

// resolveSupertypes sets the supertypes of TypeScript types by their
// extends and implements references.
func (ts *tsIndex) resolveSupertypes() {
	ix, g := ts.ix, ts.ix.g
	touched := false
	for _, fi := range ts.fileOrder() {
		for _, id := range ix.typeIDs[fi] {
			ix.supers[id], ix.superclass[id], ix.outside[id] = nil, -1, false
		}
	}
	for _, fi := range ts.fileOrder() {
		for _, ref := range g.Facts[fi].Refs {
			if (ref.Kind != facts.Extends && ref.Kind != facts.Implements) || ref.From < 0 {
				continue
			}
			from := ix.typeIDs[fi][ref.From]
			t := ts.asValue(ts.name(fi, ref.Name))
			if t.kind != tsType || t.id == from {
				ix.outside[from] = true
				continue
			}
			touched = true
			if slices.Contains(ix.supers[from], t.id) {
				continue
			}
			if ref.Kind == facts.Extends && g.Types[from].Kind == facts.Class && ix.superclass[from] < 0 {
				ix.superclass[from] = t.id
				ix.supers[from] = slices.Insert(ix.supers[from], 0, t.id)
			} else {
				ix.supers[from] = append(ix.supers[from], t.id)
			}
		}
	}
	if !touched {
		return
	}
	ix.computeLineage()
	for id := range g.Types {
		if ix.outside[id] || !isTSLanguage(g.Facts[g.Types[id].File].Language) {
			continue
		}
		ix.ancestors(id, func(a int) bool {
			if ix.outside[a] {
				ix.outside[id] = true
				return false
			}
			return true
		})
	}
}

// tsVal is the value of a receiver expression.
type tsVal struct {
	out     outcome
	id      int  // the class, when internal and not a namespace
	static  bool // the class itself (X.m()), not an instance
	super   bool
	ns      int    // a module used as a namespace, or -1
	written string // the type as written, when known (for Promise<T>)
	file    int    // where written was written
}

var (
	tsValUnres = tsVal{out: unresolved, id: -1, ns: -1, file: -1}
	tsValExt   = tsVal{out: external, id: -1, ns: -1, file: -1}
)

// tsResolver resolves the references of one file.
type tsResolver struct {
	ts   *tsIndex
	ix   *index
	fi   int
	f    *facts.File
	ids  []int
	vals []tsVal
	done []bool
}

// resolveTS resolves the references of JavaScript or TypeScript file fi.
func (ix *index) resolveTS(fi int) fileResult {
	out := fileResult{byKind: map[EdgeKind]Outcome{}, unresolved: map[string]int{}}
	ts := ix.ts
	if ts == nil {
		return out
	}
	f := ix.g.Facts[fi]
	r := &tsResolver{ts: ts, ix: ix, fi: fi, f: f, ids: ix.typeIDs[fi], vals: make([]tsVal, len(f.Exprs)), done: make([]bool, len(f.Exprs))}
	for _, ref := range f.Refs {
		self := -1
		if ref.From >= 0 && ref.From < len(r.ids) {
			self = r.ids[ref.From]
		}
		kind := ref.Kind
		member := ""
		to, o, what := -1, unresolved, ref.Name
		switch ref.Kind {
		case facts.Call:
			to, member, o, what = r.call(self, ref)
			if o == unresolved && r.untypedJS(ref) {
				// JavaScript gives the value no type: as for Ruby and
				// Python, the call is no reference, rather than an
				// unresolved one that only says the language is dynamic.
				continue
			}
		case facts.Loads:
			t, so := ts.resolveSpec(fi, ref.Name)
			o = so
			if so == internal {
				to = ts.representative(t)
			}
		default:
			t := ts.name(fi, ref.Name)
			if ref.Kind == facts.New || ref.Kind == facts.Extends || ref.Kind == facts.Annotates {
				t = ts.asValue(t)
			}
			switch t.kind {
			case tsType:
				to, o = t.id, internal
			case tsMember:
				to, o = t.id, internal
				if ref.Kind == facts.TypeUse && r.isFunction(t) {
					kind, member = facts.MethodRef, t.member
				} else if ref.Kind == facts.New || ref.Kind == facts.Annotates {
					member = t.member
				}
			case tsNamespace, tsInner:
				to, o = ts.representative(t.file), internal
			case tsExternal:
				o = external
			}
		}
		c := out.byKind[kind]
		switch o {
		case internal:
			c.Internal++
			if self >= 0 && to >= 0 && to != self {
				if kind != facts.Call && kind != facts.MethodRef && kind != facts.New && kind != facts.Annotates {
					member = ""
				}
				out.deps = append(out.deps, Dep{From: self, To: to, Kind: kind, Member: member, Count: 1, Line: ref.Line})
			}
		case external:
			c.External++
		default:
			c.Unresolved++
			out.unresolved[what]++
		}
		out.byKind[kind] = c
	}
	out.deps = mergeDeps(out.deps)
	return out
}

// isFunction reports whether a module member is a function.
func (r *tsResolver) isFunction(t tsTarget) bool {
	for _, m := range r.ix.typeFacts(t.id).Methods {
		if m.Name == t.member {
			return true
		}
	}
	return false
}

// call resolves a call: the type it lands in, the member, the outcome,
// and what to name it when unresolved.
func (r *tsResolver) call(self int, ref facts.Ref) (int, string, outcome, string) {
	if ref.Recv < 0 || ref.Recv >= len(r.f.Exprs) {
		return -1, ref.Member, unresolved, ref.Member
	}
	e := r.f.Exprs[ref.Recv]
	if e.Kind == facts.ExprScope {
		t := r.ts.asValue(r.ts.name(r.fi, ref.Member))
		switch t.kind {
		case tsType, tsMember:
			return t.id, ref.Member, internal, ref.Member
		case tsNamespace:
			return r.ts.representative(t.file), ref.Member, internal, ref.Member
		case tsExternal:
			return -1, ref.Member, external, ref.Member
		}
		if r.f.Language == "javascript" {
			// A free name no file of the repository declares and the file
			// does not import: in a script, a global the page or the
			// runtime provides ($, jQuery, google).
			return -1, ref.Member, external, ref.Member
		}
		return -1, ref.Member, unresolved, ref.Member + "()"
	}
	recv := r.expr(self, ref.Recv)
	what := describeTS(r.f, ref.Recv) + "." + ref.Member
	if ref.Member == "<init>" && recv.super {
		if recv.out == internal {
			if sc := r.ix.superclass[recv.id]; sc >= 0 {
				return sc, ref.Member, internal, what
			}
		}
		return -1, ref.Member, external, what
	}
	switch {
	case recv.out == external:
		return -1, ref.Member, external, what
	case recv.out == unresolved:
		return -1, ref.Member, unresolved, what
	case recv.ns >= 0:
		t := r.ts.exportsOf(recv.ns)[ref.Member]
		switch t.kind {
		case tsType, tsMember:
			return t.id, ref.Member, internal, what
		case tsNamespace:
			return r.ts.representative(t.file), ref.Member, internal, what
		case tsExternal:
			return -1, ref.Member, external, what
		}
		return -1, ref.Member, unresolved, what
	}
	if d, ok := r.findMethod(recv.id, ref.Member, recv.super); ok {
		return d, ref.Member, internal, what
	}
	if _, _, ok := r.ix.findTSField(recv.id, ref.Member, recv.super); ok {
		return -1, ref.Member, external, what // a function held in a field, invoked
	}
	if recv.super {
		if sc := r.ix.superclass[recv.id]; sc >= 0 {
			return sc, ref.Member, internal, what
		}
		return -1, ref.Member, external, what
	}
	if r.ix.g.Types[recv.id].Kind == facts.Module {
		return -1, ref.Member, unresolved, what
	}
	return recv.id, ref.Member, internal, what
}

// untypedJS reports whether a call in a JavaScript file is made on a
// receiver (a parameter, an element, a call's result), not on a free
// name: the receiver is then a value the code gives no type.
func (r *tsResolver) untypedJS(ref facts.Ref) bool {
	return r.f.Language == "javascript" && ref.Recv >= 0 && ref.Recv < len(r.f.Exprs) &&
		r.f.Exprs[ref.Recv].Kind != facts.ExprScope
}

// describeTS names a receiver expression for the unresolved list.
func describeTS(f *facts.File, i int) string {
	e := f.Exprs[i]
	switch e.Kind {
	case facts.ExprScope:
		return ""
	case facts.ExprAwait:
		return "await " + describeTS(f, e.Base)
	case facts.ExprCall:
		if f.Exprs[e.Base].Kind == facts.ExprScope {
			return e.Name + "()"
		}
	case facts.ExprUnknown:
		return "(untyped)"
	}
	return describe(f, i)
}

// findMethod looks a method up in a type and its supertypes; it returns
// the declaring type.
func (r *tsResolver) findMethod(id int, name string, fromSuper bool) (int, bool) {
	if !fromSuper && hasTSMethod(r.ix.typeFacts(id), name) {
		return id, true
	}
	for _, a := range r.ix.lineage[id] {
		if hasTSMethod(r.ix.typeFacts(a), name) {
			return a, true
		}
	}
	return -1, false
}

func hasTSMethod(t *facts.Type, name string) bool {
	for i := range t.Methods {
		if t.Methods[i].Name == name && !t.Methods[i].Constructor {
			return true
		}
	}
	return false
}

// findTSField looks a field up in a type and its supertypes.
func (ix *index) findTSField(id int, name string, fromSuper bool) (int, string, bool) {
	if !fromSuper {
		if t, ok := fieldOf(ix.typeFacts(id), name); ok {
			return id, t, true
		}
	}
	for _, a := range ix.lineage[id] {
		if t, ok := fieldOf(ix.typeFacts(a), name); ok {
			return a, t, true
		}
	}
	return -1, "", false
}

// expr types receiver expression i, memoized.
func (r *tsResolver) expr(self, i int) tsVal {
	if r.done[i] {
		return r.vals[i]
	}
	r.done[i] = true
	r.vals[i] = tsValUnres
	v := r.evalExpr(self, r.f.Exprs[i])
	r.vals[i] = v
	return v
}

func (r *tsResolver) evalExpr(self int, e facts.Expr) tsVal {
	switch e.Kind {
	case facts.ExprThis, facts.ExprSuper:
		if self < 0 || r.ix.g.Types[self].Kind == facts.Module {
			return tsValUnres
		}
		return tsVal{out: internal, id: self, super: e.Kind == facts.ExprSuper, ns: -1, file: -1}
	case facts.ExprType:
		return r.valueOf(r.fi, e.Name)
	case facts.ExprStatic:
		return r.target(r.ts.name(r.fi, e.Name))
	case facts.ExprField:
		if e.Base < 0 {
			return tsValUnres
		}
		return r.member(r.expr(self, e.Base), e.Name)
	case facts.ExprCall:
		if e.Base >= 0 && r.f.Exprs[e.Base].Kind == facts.ExprScope {
			t := r.ts.name(r.fi, e.Name)
			return r.returns(t)
		}
		if e.Base < 0 {
			return tsValUnres
		}
		base := r.expr(self, e.Base)
		switch {
		case base.out != internal:
			if base.out == external {
				return tsValExt
			}
			return tsValUnres
		case base.ns >= 0:
			return r.returns(r.ts.exportsOf(base.ns)[e.Name])
		}
		if d, ok := r.findMethod(base.id, e.Name, base.super); ok {
			return r.methodValue(d, e.Name)
		}
		return r.missing(base.id)
	case facts.ExprElement:
		if e.Base < 0 {
			return tsValUnres
		}
		base := r.expr(self, e.Base)
		w := base.written
		switch {
		case w == "":
		case strings.HasSuffix(w, "[]"):
			return r.valueOf(base.file, strings.TrimSuffix(w, "[]"))
		default:
			if arg, ok := typeArg(w, "Array", "ReadonlyArray", "Set", "ReadonlySet", "Iterable", "AsyncIterable", "IterableIterator"); ok {
				return r.valueOf(base.file, arg)
			}
		}
		if base.out == external {
			return tsValExt
		}
		return tsValUnres
	case facts.ExprAwait:
		if e.Base < 0 {
			return tsValUnres
		}
		base := r.expr(self, e.Base)
		if base.written != "" {
			if arg, ok := typeArg(base.written, "Promise", "PromiseLike"); ok {
				return r.valueOf(base.file, arg)
			}
		}
		return base
	}
	return tsValUnres
}

// target is the value of a name: a class used as a qualifier, a
// namespace, a module variable.
func (r *tsResolver) target(t tsTarget) tsVal {
	switch t.kind {
	case tsType:
		return tsVal{out: internal, id: t.id, static: true, ns: -1, file: -1}
	case tsNamespace:
		return tsVal{out: internal, id: -1, ns: t.file, file: -1}
	case tsMember:
		tf := r.ix.typeFacts(t.id)
		if w, ok := fieldOf(tf, t.member); ok && w != "" {
			return r.valueOf(r.ix.g.Types[t.id].File, w)
		}
		return tsValUnres
	case tsExternal:
		return tsValExt
	}
	return tsValUnres
}

// returns types the result of calling what t stands for.
func (r *tsResolver) returns(t tsTarget) tsVal {
	switch t.kind {
	case tsMember:
		return r.methodValue(t.id, t.member)
	case tsExternal:
		return tsValExt
	}
	return tsValUnres
}

// member types base.name: a field, a getter, a namespace's export.
func (r *tsResolver) member(base tsVal, name string) tsVal {
	switch {
	case base.out == external:
		return tsValExt
	case base.out != internal:
		return tsValUnres
	case base.ns >= 0:
		return r.target(r.ts.exportsOf(base.ns)[name])
	}
	if decl, w, ok := r.ix.findTSField(base.id, name, base.super); ok {
		if w == "" {
			return tsValUnres
		}
		return r.valueOf(r.ix.g.Types[decl].File, w)
	}
	if d, ok := r.findMethod(base.id, name, base.super); ok {
		return r.methodValue(d, name) // a getter
	}
	return r.missing(base.id)
}

func (r *tsResolver) missing(id int) tsVal {
	if r.ix.outside[id] {
		return tsValExt
	}
	return tsValUnres
}

// methodValue types the result of a method (or module function).
func (r *tsResolver) methodValue(decl int, name string) tsVal {
	t := r.ix.typeFacts(decl)
	for i := range t.Methods {
		if m := &t.Methods[i]; m.Name == name && !m.Constructor {
			if m.Return == "" || m.Return == "void" {
				return tsValUnres
			}
			return r.valueOf(r.ix.g.Types[decl].File, m.Return)
		}
	}
	return tsValUnres
}

// tsPredefined are TypeScript's keyword types.
var tsPredefined = wordSet(`string number boolean any unknown void never object bigint symbol undefined null this`)

// valueOf types a value of the type written in file fi.
func (r *tsResolver) valueOf(fi int, written string) tsVal {
	w := strings.TrimSpace(written)
	if w == "" || fi < 0 {
		return tsValUnres
	}
	if strings.Contains(w, "|") && !strings.ContainsAny(w, "<({") {
		var keep []string
		for _, p := range strings.Split(w, "|") {
			if p = strings.TrimSpace(p); p != "" && p != "null" && p != "undefined" {
				keep = append(keep, p)
			}
		}
		if len(keep) != 1 {
			return tsValExt
		}
		w = keep[0]
	}
	v := tsVal{ns: -1, written: w, file: fi}
	if strings.HasSuffix(w, "]") || strings.HasPrefix(w, "(") || strings.HasPrefix(w, "{") || strings.HasPrefix(w, "'") || strings.HasPrefix(w, "\"") {
		v.out = external
		return v
	}
	name := baseName(w)
	if tsPredefined[name] {
		v.out = external
		return v
	}
	t := r.ts.asValue(r.ts.name(fi, name))
	switch t.kind {
	case tsType:
		v.out, v.id = internal, t.id
	case tsExternal:
		v.out = external
	default:
		v.out, v.id = unresolved, -1
	}
	return v
}

// resolveTSEntity resolves an entity name written in a TypeScript,
// JavaScript or Prisma file for the data side: a class in the file's
// scope, a Prisma model by its client property ("prisma.user"), a
// Sequelize model by its name in a registry ("models.Order"), a model of
// the same Prisma schema; -1 when not found.
func (ix *index) resolveTSEntity(fi int, name string) int {
	ts := ix.ts
	if ts == nil {
		return -1
	}
	if m, ok := strings.CutPrefix(name, "prisma."); ok {
		if id, ok := ts.prisma[m]; ok {
			return id
		}
		return -1
	}
	if m, ok := strings.CutPrefix(name, "models."); ok {
		if id, ok := ts.models[m]; ok {
			return id
		}
		return -1
	}
	f := ix.g.Facts[fi]
	if f.Language == "prisma" {
		for ti, t := range f.Types {
			if t.Name == name {
				return ix.typeIDs[fi][ti]
			}
		}
		return -1
	}
	if t := ts.asValue(ts.name(fi, name)); t.kind == tsType {
		return t.id
	}
	return -1
}

// jsGlobalNames are the globals of JavaScript, TypeScript's lib, the DOM
// and Node that code uses without importing.
var jsGlobalNames = wordSet(`
	globalThis undefined NaN Infinity eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent
	encodeURI encodeURIComponent escape unescape Object Function Boolean Symbol Error AggregateError EvalError
	RangeError ReferenceError SyntaxError TypeError URIError Number BigInt Math Date String RegExp Array
	Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array
	Float64Array BigInt64Array BigUint64Array Map Set WeakMap WeakSet WeakRef FinalizationRegistry
	ArrayBuffer SharedArrayBuffer DataView Atomics JSON Promise Proxy Reflect Intl Iterator AsyncIterator
	Generator AsyncGenerator GeneratorFunction AsyncFunction arguments require module exports __dirname
	__filename process Buffer global console setTimeout clearTimeout setInterval clearInterval
	setImmediate clearImmediate queueMicrotask structuredClone fetch Request Response Headers FormData
	URL URLSearchParams AbortController AbortSignal Blob File FileReader TextEncoder TextDecoder
	ReadableStream WritableStream TransformStream Event EventTarget CustomEvent MessageChannel
	MessagePort BroadcastChannel Worker crypto performance atob btoa window document navigator location
	history localStorage sessionStorage alert confirm prompt requestAnimationFrame cancelAnimationFrame
	getComputedStyle matchMedia HTMLElement HTMLInputElement HTMLDivElement HTMLCanvasElement
	HTMLFormElement HTMLButtonElement HTMLAnchorElement HTMLImageElement HTMLTextAreaElement
	HTMLSelectElement Element Node NodeList Document Window KeyboardEvent MouseEvent PointerEvent
	FocusEvent InputEvent DragEvent ClipboardEvent TouchEvent WheelEvent UIEvent ErrorEvent
	ProgressEvent MessageEvent StorageEvent SubmitEvent DOMRect DOMParser XMLHttpRequest WebSocket
	IntersectionObserver ResizeObserver MutationObserver Image Audio Notification ShadowRoot Range
	Selection CSSStyleDeclaration SVGElement SVGSVGElement NodeJS React JSX Express Partial Required
	Readonly Record Pick Omit Exclude Extract NonNullable Parameters ConstructorParameters ReturnType
	InstanceType ThisParameterType OmitThisParameter ThisType Uppercase Lowercase Capitalize
	Uncapitalize Awaited PromiseLike ArrayLike ReadonlyArray ReadonlyMap ReadonlySet Iterable
	IterableIterator AsyncIterable AsyncIterableIterator PropertyKey PropertyDescriptor
	TemplateStringsArray NoInfer ClassDecorator MethodDecorator PropertyDecorator ParameterDecorator
	Exclude jest describe it test expect beforeEach afterEach beforeAll afterAll vi`)
