package golang

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// post runs once every package is extracted: implements edges between
// repository types, the dispatch of calls of repository interfaces'
// methods to the repository types that implement them, and the tables of
// GORM models. It returns the facts of every file extracted.
func (s *shared) post(l *loader) []*facts.File {
	type repoType struct {
		tn   *types.TypeName
		name string
		loc  typeLoc
	}
	var all []repoType
	for tn, loc := range s.types {
		all = append(all, repoType{tn, typeFQN(tn), loc})
	}
	slices.SortFunc(all, func(a, b repoType) int { return strings.Compare(a.name, b.name) })

	// Interfaces with methods, and concrete types with their method sets.
	type iface struct {
		named *types.Named
		it    *types.Interface
		names []string
		rt    repoType
	}
	type concrete struct {
		named *types.Named
		ptr   types.Type
		mset  *types.MethodSet
		names map[string]bool
		rt    repoType
	}
	var ifaces []iface
	var concretes []concrete
	byNamed := map[*types.Named]int{}
	for _, rt := range all {
		named, ok := types.Unalias(rt.tn.Type()).(*types.Named)
		if !ok || rt.tn.IsAlias() || named.TypeParams().Len() > 0 {
			continue
		}
		if it, ok := named.Underlying().(*types.Interface); ok {
			if it.NumMethods() == 0 || !it.IsMethodSet() {
				continue
			}
			var names []string
			for i := range it.NumMethods() {
				names = append(names, it.Method(i).Name())
			}
			byNamed[named] = len(ifaces)
			ifaces = append(ifaces, iface{named, it, names, rt})
			continue
		}
		ptr := types.NewPointer(named)
		ms := types.NewMethodSet(ptr)
		if ms.Len() == 0 {
			continue
		}
		names := map[string]bool{}
		for i := range ms.Len() {
			names[ms.At(i).Obj().Name()] = true
		}
		concretes = append(concretes, concrete{named, ptr, ms, names, rt})
	}
	// implementers[i] lists the concrete types implementing ifaces[i].
	implementers := make([][]int, len(ifaces))
	for ci, c := range concretes {
		for ii, in := range ifaces {
			ok := true
			for _, n := range in.names {
				if !c.names[n] {
					ok = false
					break
				}
			}
			if !ok || !types.Implements(c.ptr, in.it) {
				continue
			}
			implementers[ii] = append(implementers[ii], ci)
			loc := c.rt.loc
			loc.f.Refs = append(loc.f.Refs, facts.Ref{Kind: facts.Implements, From: loc.idx, Method: -1, Name: in.rt.name,
				Recv: -1, Line: loc.f.Types[loc.idx].Line})
		}
	}
	// Calls through repository interfaces: one call edge to each
	// implementing repository type, to the type that declares the method
	// (a type may have it by embedding).
	slices.SortStableFunc(s.sites, func(a, b ifaceSite) int {
		return cmp.Or(strings.Compare(a.f.Path, b.f.Path), cmp.Compare(a.line, b.line))
	})
	for _, site := range s.sites {
		ii, ok := byNamed[site.iface]
		if !ok {
			continue
		}
		for _, ci := range implementers[ii] {
			c := concretes[ci]
			sel := c.mset.Lookup(site.fn.Pkg(), site.fn.Name())
			if sel == nil {
				continue
			}
			fn, ok := sel.Obj().(*types.Func)
			if !ok {
				continue
			}
			decl := recvNamed(fn)
			if decl == nil {
				continue
			}
			if _, isIface := decl.Underlying().(*types.Interface); isIface {
				continue // an embedded interface: no body here
			}
			if _, ok := s.types[decl.Obj()]; !ok {
				continue
			}
			f := site.f
			e := len(f.Exprs)
			f.Exprs = append(f.Exprs, facts.Expr{Kind: facts.ExprType, Name: typeFQN(decl.Obj()), Base: -1})
			f.Refs = append(f.Refs, facts.Ref{Kind: facts.Call, From: site.from, Method: site.method, Member: site.fn.Name(),
				Args: site.args, Recv: e, Line: site.line})
		}
	}
	// GORM models: the types used in GORM calls and those with a
	// TableName method, in the file that declares them.
	models := map[*types.TypeName]bool{}
	for tn := range s.models {
		models[tn] = true
	}
	for tn := range s.tableNames {
		models[tn] = true
	}
	for _, rt := range all {
		if !models[rt.tn] && !embedsGormModel(rt.tn) {
			continue
		}
		table, ok := s.tableNames[rt.tn]
		if !ok {
			table = snakePlural(rt.tn.Name())
		}
		loc := rt.loc
		loc.f.Tables = append(loc.f.Tables, facts.Table{Name: table, Kind: facts.BaseTable, Entity: loc.idx,
			Line: loc.f.Types[loc.idx].Line, Via: "gorm"})
	}
	return s.files
}

// embedsGormModel reports whether a struct embeds gorm.Model.
func embedsGormModel(tn *types.TypeName) bool {
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		if n := namedOf(f.Type()); n != nil && n.Obj().Name() == "Model" && n.Obj().Pkg() != nil {
			if p := n.Obj().Pkg().Path(); p == "gorm.io/gorm" || p == "github.com/jinzhu/gorm" {
				return true
			}
		}
	}
	return false
}
