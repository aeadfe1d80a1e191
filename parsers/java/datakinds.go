package java

import (
	"sync"
)

// dkind is what the data extractor (data.go) makes of a grammar symbol
// that the main walk does not need to tell apart.
type dkind uint8

const (
	dOther dkind = iota
	dBinary
	dAssign
	dTernary
	dBranch // if, loops, switch, catch: code that may not run
	dElementValuePair
	dElementArray
	dStringFragment
	dMultilineFragment
	dEscape
	dInterpolation
	dBlock
	dCharLiteral
	dTrue
	dReturn
)

var dkindNames = map[string]dkind{
	"binary_expression":               dBinary,
	"assignment_expression":           dAssign,
	"ternary_expression":              dTernary,
	"if_statement":                    dBranch,
	"for_statement":                   dBranch,
	"enhanced_for_statement":          dBranch,
	"while_statement":                 dBranch,
	"do_statement":                    dBranch,
	"switch_expression":               dBranch,
	"catch_clause":                    dBranch,
	"element_value_pair":              dElementValuePair,
	"element_value_array_initializer": dElementArray,
	"string_fragment":                 dStringFragment,
	"multiline_string_fragment":       dMultilineFragment,
	"escape_sequence":                 dEscape,
	"string_interpolation":            dInterpolation,
	"block":                           dBlock,
	"constructor_body":                dBlock,
	"character_literal":               dCharLiteral,
	"true":                            dTrue,
	"return_statement":                dReturn,
}

// dataGrammar is the data extractor's view of the Java grammar.
type dataGrammar struct {
	kinds             []dkind
	fKey, fLeft       uint16
	fCondition, fArgs uint16
}

var loadDataGrammar = sync.OnceValue(func() *dataGrammar {
	lang := loadGrammar().lang
	g := &dataGrammar{kinds: make([]dkind, lang.SymbolCount())}
	for name, k := range dkindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	g.fKey = lang.Field("key")
	g.fLeft = lang.Field("left")
	g.fCondition = lang.Field("condition")
	g.fArgs = lang.Field("arguments")
	return g
})

func (g *dataGrammar) kind(sym uint16) dkind {
	if int(sym) < len(g.kinds) {
		return g.kinds[sym]
	}
	return dOther
}

// dk returns the data kind of node i.
func (e *extractor) dk(i int32) dkind { return e.d.g.kind(e.t.Nodes[i].Kind) }
