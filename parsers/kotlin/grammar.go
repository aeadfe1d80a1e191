package kotlin

import (
	"sync"
	"unsafe"

	ktgrammar "github.com/tree-sitter-grammars/tree-sitter-kotlin/bindings/go"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Language returns the Kotlin grammar as a `const TSLanguage *`, for
// benchmarks that parse with the tree-sitter runtime alone. It is an ABI
// 14 grammar: the runtime linked by this module loads it as it is.
func Language() unsafe.Pointer { return ktgrammar.Language() }

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kFileAnnotation
	kPackageHeader
	kImport
	kQualifiedIdent
	kIdent
	kClassDecl
	kObjectDecl
	kCompanion
	kClassBody // class_body, enum_class_body
	kEnumEntry
	kPrimaryCtor
	kClassParams
	kClassParam
	kDelegationSpecs
	kDelegationSpec
	kCtorInvocation
	kExplicitDelegation
	kTypeParams
	kTypeParam
	kTypeConstraints
	kTypeConstraint
	kModifiers
	kAnnotation
	kUseSiteTarget
	kModifier // class/inheritance/visibility/member/function/property/platform/parameter modifier
	kParamModifiers
	kPropertyDecl
	kVariableDecl
	kMultiVariableDecl
	kPropertyDelegate
	kGetter
	kSetter
	kFunctionDecl
	kFunctionParams
	kParameter
	kFunctionBody
	kBlock
	kSecondaryCtor
	kCtorDelegationCall
	kAnonymousInit
	kTypeAlias
	kUserType
	kNullableType
	kNonNullableType
	kFunctionType
	kParenthesizedType
	kTypeArguments
	kTypeProjection
	kTypeModifiers
	kCallExpr
	kNavigationExpr
	kValueArguments
	kValueArgument
	kAnnotatedLambda
	kLambdaLiteral
	kLambdaParams
	kAnonymousFunction
	kObjectLiteral
	kThisExpr
	kSuperExpr
	kCallableRef
	kAsExpr
	kIsExpr
	kTypeTest
	kCatchBlock
	kForStatement
	kWhenSubject
	kWhenExpr
	kWhenEntry
	kIfExpr
	kStringLiteral
	kMultilineString
	kStringContent
	kInterpolation
	kBinaryExpr
	kParenthesizedExpr
	kUnaryExpr
	kIndexExpr
	kAssignment
	kLabel
	kNumberLiteral
	kInfixExpr
)

var kindNames = map[string]kind{
	"line_comment":                kComment,
	"block_comment":               kComment,
	"shebang":                     kComment,
	"file_annotation":             kFileAnnotation,
	"package_header":              kPackageHeader,
	"import":                      kImport,
	"qualified_identifier":        kQualifiedIdent,
	"identifier":                  kIdent,
	"class_declaration":           kClassDecl,
	"object_declaration":          kObjectDecl,
	"companion_object":            kCompanion,
	"class_body":                  kClassBody,
	"enum_class_body":             kClassBody,
	"enum_entry":                  kEnumEntry,
	"primary_constructor":         kPrimaryCtor,
	"class_parameters":            kClassParams,
	"class_parameter":             kClassParam,
	"delegation_specifiers":       kDelegationSpecs,
	"delegation_specifier":        kDelegationSpec,
	"constructor_invocation":      kCtorInvocation,
	"explicit_delegation":         kExplicitDelegation,
	"type_parameters":             kTypeParams,
	"type_parameter":              kTypeParam,
	"type_constraints":            kTypeConstraints,
	"type_constraint":             kTypeConstraint,
	"modifiers":                   kModifiers,
	"annotation":                  kAnnotation,
	"use_site_target":             kUseSiteTarget,
	"class_modifier":              kModifier,
	"inheritance_modifier":        kModifier,
	"visibility_modifier":         kModifier,
	"member_modifier":             kModifier,
	"function_modifier":           kModifier,
	"property_modifier":           kModifier,
	"platform_modifier":           kModifier,
	"parameter_modifier":          kModifier,
	"parameter_modifiers":         kParamModifiers,
	"property_declaration":        kPropertyDecl,
	"variable_declaration":        kVariableDecl,
	"multi_variable_declaration":  kMultiVariableDecl,
	"property_delegate":           kPropertyDelegate,
	"getter":                      kGetter,
	"setter":                      kSetter,
	"function_declaration":        kFunctionDecl,
	"function_value_parameters":   kFunctionParams,
	"parameter":                   kParameter,
	"function_body":               kFunctionBody,
	"block":                       kBlock,
	"secondary_constructor":       kSecondaryCtor,
	"constructor_delegation_call": kCtorDelegationCall,
	"anonymous_initializer":       kAnonymousInit,
	"type_alias":                  kTypeAlias,
	"user_type":                   kUserType,
	"nullable_type":               kNullableType,
	"non_nullable_type":           kNonNullableType,
	"function_type":               kFunctionType,
	"parenthesized_type":          kParenthesizedType,
	"type_arguments":              kTypeArguments,
	"type_projection":             kTypeProjection,
	"type_modifiers":              kTypeModifiers,
	"call_expression":             kCallExpr,
	"navigation_expression":       kNavigationExpr,
	"value_arguments":             kValueArguments,
	"value_argument":              kValueArgument,
	"annotated_lambda":            kAnnotatedLambda,
	"lambda_literal":              kLambdaLiteral,
	"lambda_parameters":           kLambdaParams,
	"anonymous_function":          kAnonymousFunction,
	"object_literal":              kObjectLiteral,
	"this_expression":             kThisExpr,
	"super_expression":            kSuperExpr,
	"callable_reference":          kCallableRef,
	"as_expression":               kAsExpr,
	"is_expression":               kIsExpr,
	"type_test":                   kTypeTest,
	"catch_block":                 kCatchBlock,
	"for_statement":               kForStatement,
	"when_subject":                kWhenSubject,
	"when_expression":             kWhenExpr,
	"when_entry":                  kWhenEntry,
	"if_expression":               kIfExpr,
	"string_literal":              kStringLiteral,
	"multiline_string_literal":    kMultilineString,
	"string_content":              kStringContent,
	"interpolation":               kInterpolation,
	"binary_expression":           kBinaryExpr,
	"parenthesized_expression":    kParenthesizedExpr,
	"unary_expression":            kUnaryExpr,
	"index_expression":            kIndexExpr,
	"assignment":                  kAssignment,
	"label":                       kLabel,
	"number_literal":              kNumberLiteral,
	"infix_expression":            kInfixExpr,
}

// grammar is the Kotlin grammar with the extractor's view of its symbols
// and fields. The grammar names few fields: the extractor mostly finds a
// node's parts by their kind and order.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fLeft, fRight, fArgument, fCondition uint16
}

var loadGrammar = sync.OnceValue(func() *grammar {
	lang := tsflat.NewLanguage(Language())
	g := &grammar{lang: lang, kinds: make([]kind, lang.SymbolCount())}
	for name, k := range kindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	g.fName = lang.Field("name")
	g.fLeft = lang.Field("left")
	g.fRight = lang.Field("right")
	g.fArgument = lang.Field("argument")
	g.fCondition = lang.Field("condition")
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
