package ruby

import (
	"context"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/seams-dev/seams/parsers/internal/floorbench"
	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// BenchmarkVersusFloor times this package's fact extraction against the
// raw tree-sitter parse of the same files (see package floorbench):
//
//	SEAMS_BENCH_CORPUS=~/src/redmine go test ./parsers/ruby -run X -bench VersusFloor -benchtime 3x -count 3
func BenchmarkVersusFloor(b *testing.B) {
	floor := sitter.NewLanguage(Language())
	lang := loadGrammar().lang
	fp, err := tsflat.NewParser(lang)
	if err != nil {
		b.Fatal(err)
	}
	defer fp.Close()
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	floorbench.Run(b, floorbench.Setup{
		Name: "Ruby", Exts: []string{".rb"}, SkipVendored: true,
		Floor: floor, Flat: fp,
		Facts: func(ctx context.Context, path string, src []byte) { p.Parse(ctx, path, src) },
	})
}
