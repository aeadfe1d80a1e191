package python

/*
const void *tree_sitter_python(void);
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	// The Python grammar this package links against.
	_ "github.com/smacker/go-tree-sitter/python"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Language returns the grammar as a `const TSLanguage *`, for benchmarks
// that parse with the tree-sitter runtime alone.
func Language() unsafe.Pointer { return unsafe.Pointer(C.tree_sitter_python()) }

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kImport
	kImportFrom
	kFutureImport
	kAliasedImport
	kDottedName
	kRelativeImport
	kImportPrefix
	kWildcardImport
	kClass
	kFunction
	kDecorated
	kDecorator
	kBlock
	kExprStmt
	kAssignment
	kAugAssignment
	kType
	kTypedParam
	kTypedDefaultParam
	kDefaultParam
	kParameters
	kLambda
	kLambdaParams
	kListSplatPattern
	kDictSplatPattern
	kIdentifier
	kAttribute
	kCall
	kArgumentList
	kKeywordArgument
	kSubscript
	kString
	kStringContent
	kStringStart
	kEscapeSequence
	kInterpolation
	kConcatString
	kBinaryOperator
	kFor
	kWithItem
	kAsPattern
	kAsPatternTarget
	kExceptClause
	kNamedExpr
	kComprehension // list, set, dictionary comprehensions and generator expressions
	kForInClause
	kGlobal
	kNonlocal
	kPatternList
	kTuplePattern
	kListPattern
	kTuple
	kList
	kParenthesized
	kGenericType
	kTypeParameter
	kMemberType
	kUnionType
	kAwait
	kNone
	kKeywordSeparator
	kPositionalSeparator
	kCasePattern
	kClassPattern
	kKeywordPattern
	kTypeAlias
	kSplatType
	kListSplat
	kDictSplat
	kReturn
	kPair
	kDict
	kSet
	kTrue
	kFalse
	kInteger
	kFloat
	kBoolOp
)

var kindNames = map[string]kind{
	"comment":                  kComment,
	"import_statement":         kImport,
	"import_from_statement":    kImportFrom,
	"future_import_statement":  kFutureImport,
	"aliased_import":           kAliasedImport,
	"dotted_name":              kDottedName,
	"relative_import":          kRelativeImport,
	"import_prefix":            kImportPrefix,
	"wildcard_import":          kWildcardImport,
	"class_definition":         kClass,
	"function_definition":      kFunction,
	"decorated_definition":     kDecorated,
	"decorator":                kDecorator,
	"block":                    kBlock,
	"expression_statement":     kExprStmt,
	"assignment":               kAssignment,
	"augmented_assignment":     kAugAssignment,
	"type":                     kType,
	"typed_parameter":          kTypedParam,
	"typed_default_parameter":  kTypedDefaultParam,
	"default_parameter":        kDefaultParam,
	"parameters":               kParameters,
	"lambda":                   kLambda,
	"lambda_parameters":        kLambdaParams,
	"list_splat_pattern":       kListSplatPattern,
	"dictionary_splat_pattern": kDictSplatPattern,
	"identifier":               kIdentifier,
	"attribute":                kAttribute,
	"call":                     kCall,
	"argument_list":            kArgumentList,
	"keyword_argument":         kKeywordArgument,
	"subscript":                kSubscript,
	"string":                   kString,
	"string_content":           kStringContent,
	"string_start":             kStringStart,
	"escape_sequence":          kEscapeSequence,
	"interpolation":            kInterpolation,
	"concatenated_string":      kConcatString,
	"binary_operator":          kBinaryOperator,
	"for_statement":            kFor,
	"with_item":                kWithItem,
	"as_pattern":               kAsPattern,
	"as_pattern_target":        kAsPatternTarget,
	"except_clause":            kExceptClause,
	"except_group_clause":      kExceptClause,
	"named_expression":         kNamedExpr,
	"list_comprehension":       kComprehension,
	"set_comprehension":        kComprehension,
	"dictionary_comprehension": kComprehension,
	"generator_expression":     kComprehension,
	"for_in_clause":            kForInClause,
	"global_statement":         kGlobal,
	"nonlocal_statement":       kNonlocal,
	"pattern_list":             kPatternList,
	"tuple_pattern":            kTuplePattern,
	"list_pattern":             kListPattern,
	"tuple":                    kTuple,
	"list":                     kList,
	"parenthesized_expression": kParenthesized,
	"generic_type":             kGenericType,
	"type_parameter":           kTypeParameter,
	"member_type":              kMemberType,
	"union_type":               kUnionType,
	"await":                    kAwait,
	"none":                     kNone,
	"keyword_separator":        kKeywordSeparator,
	"positional_separator":     kPositionalSeparator,
	"case_pattern":             kCasePattern,
	"class_pattern":            kClassPattern,
	"keyword_pattern":          kKeywordPattern,
	"type_alias_statement":     kTypeAlias,
	"splat_type":               kSplatType,
	"list_splat":               kListSplat,
	"dictionary_splat":         kDictSplat,
	"return_statement":         kReturn,
	"pair":                     kPair,
	"dictionary":               kDict,
	"set":                      kSet,
	"true":                     kTrue,
	"false":                    kFalse,
	"integer":                  kInteger,
	"float":                    kFloat,
	"boolean_operator":         kBoolOp,
}

// grammar is the Python grammar with the extractor's view of its symbols
// and fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fBody, fParameters, fReturnType, fSuperclasses, fFunction,
	fArguments, fObject, fAttribute, fLeft, fRight, fType, fValue,
	fModuleName, fAlias, fDefinition, fSubscript uint16
	// fTypeParameters is 0 in a grammar without PEP 695 type parameters.
	fTypeParameters uint16
}

var loadGrammar = sync.OnceValues(func() (*grammar, error) {
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
		{&g.fName, "name"}, {&g.fBody, "body"}, {&g.fParameters, "parameters"},
		{&g.fReturnType, "return_type"}, {&g.fSuperclasses, "superclasses"},
		{&g.fFunction, "function"}, {&g.fArguments, "arguments"}, {&g.fObject, "object"},
		{&g.fAttribute, "attribute"}, {&g.fLeft, "left"}, {&g.fRight, "right"},
		{&g.fType, "type"}, {&g.fValue, "value"}, {&g.fModuleName, "module_name"},
		{&g.fAlias, "alias"}, {&g.fDefinition, "definition"}, {&g.fSubscript, "subscript"},
	} {
		if *f.id = lang.Field(f.name); *f.id == 0 {
			return nil, fmt.Errorf("the Python grammar has no field %q: the extractor needs updating", f.name)
		}
	}
	g.fTypeParameters = lang.Field("type_parameters")
	return g, nil
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
