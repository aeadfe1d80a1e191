package analyzer

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
	"github.com/seams-dev/seams/result"
)

// The shared kernel: components that nearly everything depends on. Left in
// the graph they pull every candidate towards them and blur the seams, so
// they are found first and set aside: they belong to no candidate, and the
// report says what each one is.
//
// A file is in the kernel when the files depending on it are many, both
// in number and in spread: at least kernelMinFanIn files, at least a share
// of all code files that shrinks as the repository grows (a type used by a
// third of a 30-file application is as omnipresent as one used by a
// twentieth of a 4,000-file one: 3/√n, clamped to [5%, 35%]), and from at
// least two packages besides its own. Generated accessors and tests are
// not counted (they are not analysed).
//
// What it is:
//   - library: a base class, an interface, a value type or a helper with
//     no table of its own and few dependencies of its own: publish it as a
//     shared library.
//   - shared-service: it reads or writes tables, or is a stateful service
//     many call: extract it early as a shared service.
//   - smell: it also depends on much (fan-out as high as its fan-in, and
//     large): a god class to split before anything else.

const kernelMinFanIn = 5

// kernelShare is the share of code files that must depend on a file for it
// to be in the kernel.
func kernelShare(codeFiles int) float64 {
	if codeFiles == 0 {
		return 1
	}
	return math.Min(0.35, math.Max(0.05, 3/math.Sqrt(float64(codeFiles))))
}

// kernelFiles finds the kernel. It returns, per file, whether it is in the
// kernel, and the report's components.
func kernelFiles(g *graph.Graph, data *dataView) ([]bool, []result.KernelComponent) {
	n := len(g.Files)
	fileOf := func(t int) int { return g.Types[t].File }
	// Distinct files each file depends on, and distinct packages of the
	// files depending on each file.
	out := aggregate(n, n, func(emit func(x, y int, w float64)) {
		for _, d := range g.Deps {
			if a, b := fileOf(d.From), fileOf(d.To); a != b {
				emit(a, b, 0)
			}
		}
	})
	in := make([]int, n)
	for a := range out.rows() {
		bs, _ := out.row(a)
		for _, b := range bs {
			in[b]++
		}
	}
	pkgs := aggregate(n, len(g.Packages), func(emit func(x, y int, w float64)) {
		for a := range out.rows() {
			bs, _ := out.row(a)
			for _, b := range bs {
				emit(int(b), g.Files[a].Package, 0)
			}
		}
	})
	code := 0
	for f := range g.Files {
		if isCode(g, f) {
			code++
		}
	}
	threshold := max(kernelMinFanIn, int(math.Ceil(kernelShare(code)*float64(code))))
	kernel := make([]bool, n)
	var comps []result.KernelComponent
	for f := range g.Files {
		ps, _ := pkgs.row(f)
		otherPkgs := len(ps)
		if _, own := slices.BinarySearch(ps, int32(g.Files[f].Package)); own {
			otherPkgs--
		}
		if in[f] < threshold || otherPkgs < 2 || !isCode(g, f) {
			continue
		}
		kernel[f] = true
		for _, t := range g.Files[f].Types {
			if g.Types[t].Outer >= 0 {
				continue
			}
			ys, _ := out.row(f)
			comps = append(comps, kernelComponent(g, data, f, t, in[f], len(ys), code))
		}
	}
	slices.SortFunc(comps, func(a, b result.KernelComponent) int {
		return cmp.Or(cmp.Compare(b.FanIn, a.FanIn), strings.Compare(a.Name, b.Name))
	})
	return kernel, comps
}

func kernelComponent(g *graph.Graph, data *dataView, f, t, fanIn, fanOut, code int) result.KernelComponent {
	ty := g.Types[t]
	tf := g.Facts[ty.File].Types[ty.Fact]
	c := result.KernelComponent{Name: ty.Name, Path: g.Files[f].Path, FanIn: fanIn}
	share := float64(fanIn) * 100 / float64(code)
	tables := data.tablesOfFile(f)
	switch {
	case fanOut >= fanIn && g.Files[f].Lines > 300:
		c.Kind = "smell"
		c.Reason = fmt.Sprintf("%d files (%.0f%% of the code) depend on it and it depends on %d others in %d lines: a god class; split it before extracting around it", fanIn, share, fanOut, g.Files[f].Lines)
	case len(tables) > 0 || (tf.Kind == facts.Class && !tf.Abstract && serviceName(ty.Simple)):
		c.Kind = "shared-service"
		what := "it holds state many call"
		if len(tables) > 0 {
			what = "it uses the tables " + strings.Join(tables[:min(3, len(tables))], ", ")
		}
		c.Reason = fmt.Sprintf("%d files (%.0f%% of the code) depend on it and %s: extract it early as a shared service", fanIn, share, what)
	default:
		c.Kind = "library"
		what := "a helper"
		switch {
		case tf.Kind == facts.Interface:
			what = "an interface"
		case tf.Abstract:
			what = "a base class"
		case tf.Kind == facts.Enum || tf.Kind == facts.Record:
			what = "a value type"
		}
		c.Reason = fmt.Sprintf("%d files (%.0f%% of the code) depend on it; %s with no data of its own: publish it as a shared library", fanIn, share, what)
	}
	return c
}

// serviceName reports a type named like a component that does work for
// others (OrderService, PaymentGateway), rather than a value or a helper.
func serviceName(name string) bool {
	for _, s := range []string{"Service", "ServiceImpl", "Manager", "Facade", "Client", "Gateway", "Repository", "Dao", "DAO", "Provider", "Processor", "Engine"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
