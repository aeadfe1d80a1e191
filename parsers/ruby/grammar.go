package ruby

/*
const void *tree_sitter_ruby(void);
*/
import "C"

import (
	"sync"
	"unsafe"

	// The Ruby grammar this package links against.
	_ "github.com/smacker/go-tree-sitter/ruby"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Language returns the Ruby grammar as a `const TSLanguage *`, for
// benchmarks that parse with the runtime alone.
func Language() unsafe.Pointer { return unsafe.Pointer(C.tree_sitter_ruby()) }

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kClass
	kModule
	kSingletonClass
	kMethod
	kSingletonMethod
	kCall
	kArgumentList
	kBlock
	kDoBlock
	kBlockParameters
	kLambda
	kLambdaParameters
	kMethodParameters
	kIdentifier
	kConstant
	kScopeResolution
	kSelf
	kSuper
	kInstanceVariable
	kAssignment
	kOperatorAssignment
	kString
	kStringContent
	kInterpolation
	kEscapeSequence
	kHeredocBeginning
	kHeredocBody
	kHeredocContent
	kChainedString
	kSimpleSymbol
	kDelimitedSymbol
	kHashKeySymbol
	kPair
	kArray
	kSuperclass
	kRescue
	kExceptionVariable
	kBinary
	kParenthesized
	kOptionalParameter
	kKeywordParameter
	kSplatParameter
	kHashSplatParameter
	kBlockParameter
	kDestructuredParameter
	kLeftAssignmentList
	kRestAssignment
	kDestructuredLeft
	kFor
	kTrue
	kNil
	kAlias
	kBodyStatement
	kBareSymbol
	kSymbolArray
	kElementReference
	kUninterpreted
	kHash
)

var kindNames = map[string]kind{
	"comment":                      kComment,
	"class":                        kClass,
	"module":                       kModule,
	"singleton_class":              kSingletonClass,
	"method":                       kMethod,
	"singleton_method":             kSingletonMethod,
	"call":                         kCall,
	"argument_list":                kArgumentList,
	"block":                        kBlock,
	"do_block":                     kDoBlock,
	"block_parameters":             kBlockParameters,
	"lambda":                       kLambda,
	"lambda_parameters":            kLambdaParameters,
	"method_parameters":            kMethodParameters,
	"identifier":                   kIdentifier,
	"constant":                     kConstant,
	"scope_resolution":             kScopeResolution,
	"self":                         kSelf,
	"super":                        kSuper,
	"instance_variable":            kInstanceVariable,
	"assignment":                   kAssignment,
	"operator_assignment":          kOperatorAssignment,
	"string":                       kString,
	"string_content":               kStringContent,
	"interpolation":                kInterpolation,
	"escape_sequence":              kEscapeSequence,
	"heredoc_beginning":            kHeredocBeginning,
	"heredoc_body":                 kHeredocBody,
	"heredoc_content":              kHeredocContent,
	"chained_string":               kChainedString,
	"simple_symbol":                kSimpleSymbol,
	"delimited_symbol":             kDelimitedSymbol,
	"hash_key_symbol":              kHashKeySymbol,
	"pair":                         kPair,
	"array":                        kArray,
	"superclass":                   kSuperclass,
	"rescue":                       kRescue,
	"exception_variable":           kExceptionVariable,
	"binary":                       kBinary,
	"parenthesized_statements":     kParenthesized,
	"optional_parameter":           kOptionalParameter,
	"keyword_parameter":            kKeywordParameter,
	"splat_parameter":              kSplatParameter,
	"hash_splat_parameter":         kHashSplatParameter,
	"block_parameter":              kBlockParameter,
	"destructured_parameter":       kDestructuredParameter,
	"left_assignment_list":         kLeftAssignmentList,
	"rest_assignment":              kRestAssignment,
	"destructured_left_assignment": kDestructuredLeft,
	"for":                          kFor,
	"true":                         kTrue,
	"nil":                          kNil,
	"alias":                        kAlias,
	"body_statement":               kBodyStatement,
	"bare_symbol":                  kBareSymbol,
	"symbol_array":                 kSymbolArray,
	"element_reference":            kElementReference,
	"uninterpreted":                kUninterpreted,
	"hash":                         kHash,
}

// grammar is the Ruby grammar with the extractor's view of its symbols and
// fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fSuperclass, fBody, fReceiver, fMethod, fArguments, fBlock,
	fLeft, fRight, fScope, fValue, fKey, fParameters, fObject,
	fExceptions, fVariable, fPattern uint16
}

var loadGrammar = sync.OnceValue(func() *grammar {
	lang := tsflat.NewLanguage(Language())
	g := &grammar{lang: lang, kinds: make([]kind, lang.SymbolCount())}
	for name, k := range kindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	for _, f := range []struct {
		id   *uint16
		name string
	}{
		{&g.fName, "name"}, {&g.fSuperclass, "superclass"}, {&g.fBody, "body"}, {&g.fReceiver, "receiver"},
		{&g.fMethod, "method"}, {&g.fArguments, "arguments"}, {&g.fBlock, "block"}, {&g.fLeft, "left"},
		{&g.fRight, "right"}, {&g.fScope, "scope"}, {&g.fValue, "value"}, {&g.fKey, "key"},
		{&g.fParameters, "parameters"}, {&g.fObject, "object"}, {&g.fExceptions, "exceptions"},
		{&g.fVariable, "variable"}, {&g.fPattern, "pattern"},
	} {
		*f.id = lang.Field(f.name)
	}
	return g
})

func (g *grammar) kind(sym uint16) kind {
	if int(sym) < len(g.kinds) {
		return g.kinds[sym]
	}
	if sym == tsflat.ErrorKind {
		return kError
	}
	return kOther
}
