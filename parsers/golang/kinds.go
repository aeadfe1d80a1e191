package golang

/*
const void *tree_sitter_go(void);
*/
import "C"

import (
	"sync"
	"unsafe"

	// The Go grammar this package links against.
	_ "github.com/smacker/go-tree-sitter/golang"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// kind is what the fallback extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kPackageClause
	kImportSpec
	kTypeSpec // type_spec, type_alias
	kStructType
	kInterfaceType
	kFieldDecl
	kMethodElem
	kTypeElem
	kFuncDecl
	kMethodDecl
	kFuncLit
	kParamDecl // parameter_declaration, variadic_parameter_declaration
	kParamList
	kShortVarDecl
	kVarSpec // var_spec, const_spec
	kRangeClause
	kAssignment
	kCallExpr
	kSelectorExpr
	kCompositeLit
	kIdentifier
	kFieldIdentifier
	kTypeIdentifier
	kPackageIdentifier
	kQualifiedType
	kGenericType
	kPointerType
	kStringLiteral // interpreted and raw
	kBinaryExpr
	kUnaryExpr
	kParenExpr
	kExprList
	kBlock
	kTypeParamList
	kConstDecl
	kVarDecl
	kLiteralValue
	kTypeArgs
	kTypeConversion
	kParenType
	kBlank
)

var kindNames = map[string]kind{
	"package_clause":                   kPackageClause,
	"import_spec":                      kImportSpec,
	"type_spec":                        kTypeSpec,
	"type_alias":                       kTypeSpec,
	"struct_type":                      kStructType,
	"interface_type":                   kInterfaceType,
	"field_declaration":                kFieldDecl,
	"method_elem":                      kMethodElem,
	"method_spec":                      kMethodElem,
	"type_elem":                        kTypeElem,
	"function_declaration":             kFuncDecl,
	"method_declaration":               kMethodDecl,
	"func_literal":                     kFuncLit,
	"parameter_declaration":            kParamDecl,
	"variadic_parameter_declaration":   kParamDecl,
	"parameter_list":                   kParamList,
	"short_var_declaration":            kShortVarDecl,
	"var_spec":                         kVarSpec,
	"const_spec":                       kVarSpec,
	"range_clause":                     kRangeClause,
	"assignment_statement":             kAssignment,
	"call_expression":                  kCallExpr,
	"selector_expression":              kSelectorExpr,
	"composite_literal":                kCompositeLit,
	"identifier":                       kIdentifier,
	"field_identifier":                 kFieldIdentifier,
	"type_identifier":                  kTypeIdentifier,
	"package_identifier":               kPackageIdentifier,
	"qualified_type":                   kQualifiedType,
	"generic_type":                     kGenericType,
	"pointer_type":                     kPointerType,
	"interpreted_string_literal":       kStringLiteral,
	"raw_string_literal":               kStringLiteral,
	"binary_expression":                kBinaryExpr,
	"unary_expression":                 kUnaryExpr,
	"parenthesized_expression":         kParenExpr,
	"expression_list":                  kExprList,
	"block":                            kBlock,
	"type_parameter_list":              kTypeParamList,
	"const_declaration":                kConstDecl,
	"var_declaration":                  kVarDecl,
	"literal_value":                    kLiteralValue,
	"type_arguments":                   kTypeArgs,
	"type_conversion_expression":       kTypeConversion,
	"parenthesized_type":               kParenType,
	"blank_identifier":                 kBlank,
	"type_instantiation_expression":    kOther,
	"implicit_length_array_type":       kOther,
	"negated_type":                     kOther,
	"type_parameter_declaration":       kOther,
	"var_spec_list":                    kOther,
	"field_declaration_list":           kOther,
	"import_spec_list":                 kOther,
	"import_declaration":               kOther,
	"type_declaration":                 kOther,
	"source_file":                      kOther,
	"argument_list":                    kOther,
	"expression_statement":             kOther,
	"return_statement":                 kOther,
	"interpreted_string_literal_basic": kOther,
}

// grammar is the Go grammar with the extractor's view of its symbols and
// fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind

	fName, fType, fPath, fReceiver, fParameters, fResult, fBody, fFunction, fArguments,
	fOperand, fField, fLeft, fRight, fValue, fPackage, fTypeParameters, fTag uint16
}

var loadGrammar = sync.OnceValue(func() *grammar {
	lang := tsflat.NewLanguage(unsafe.Pointer(C.tree_sitter_go()))
	g := &grammar{lang: lang, kinds: make([]kind, lang.SymbolCount())}
	for name, k := range kindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	g.fName = lang.Field("name")
	g.fType = lang.Field("type")
	g.fPath = lang.Field("path")
	g.fReceiver = lang.Field("receiver")
	g.fParameters = lang.Field("parameters")
	g.fResult = lang.Field("result")
	g.fBody = lang.Field("body")
	g.fFunction = lang.Field("function")
	g.fArguments = lang.Field("arguments")
	g.fOperand = lang.Field("operand")
	g.fField = lang.Field("field")
	g.fLeft = lang.Field("left")
	g.fRight = lang.Field("right")
	g.fValue = lang.Field("value")
	g.fPackage = lang.Field("package")
	g.fTypeParameters = lang.Field("type_parameters")
	g.fTag = lang.Field("tag")
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
