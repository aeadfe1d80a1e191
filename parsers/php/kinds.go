package php

/*
const void *tree_sitter_php(void);
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	// The PHP grammar this package links against.
	_ "github.com/smacker/go-tree-sitter/php"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Language returns the PHP grammar as a `const TSLanguage *`, for
// benchmarks that parse with the tree-sitter runtime alone.
func Language() unsafe.Pointer { return unsafe.Pointer(C.tree_sitter_php()) }

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kText // HTML outside <?php ?>
	kNamespaceDef
	kNamespaceName
	kNamespaceUse
	kUseClause
	kUseGroup
	kUseGroupClause
	kAliasing
	kQualifiedName
	kNamePrefix
	kName
	kClass
	kInterface
	kTrait
	kEnum
	kBaseClause
	kInterfaceClause
	kDeclList // declaration_list, enum_declaration_list
	kEnumCase
	kTraitUse
	kUseList
	kConstDecl
	kConstElement
	kPropertyDecl
	kPropertyElement
	kPropertyInit
	kMethod
	kFunction
	kParams
	kSimpleParam
	kVariadicParam
	kPromotedParam
	kNamedType
	kOptionalType
	kUnionType
	kIntersectionType
	kDNFType
	kPrimitiveType
	kTypeList
	kAttributeList
	kAttributeGroup
	kAttribute
	kArguments
	kArgument
	kVariable
	kMemberAccess // member_access_expression, nullsafe_member_access_expression
	kScopedProperty
	kMemberCall // member_call_expression, nullsafe_member_call_expression
	kScopedCall
	kFunctionCall
	kNew
	kClassConstant
	kRelativeScope
	kAssignment
	kAugmentedAssignment
	kRefAssignment
	kBinary
	kParenthesized
	kClosure
	kClosureUse
	kArrowFunction
	kForeach
	kPair
	kCatch
	kString // 'single quoted' and "double quoted without interpolation"
	kEncapsed
	kStringContent
	kEscape
	kHeredoc
	kHeredocBody
	kNowdoc
	kNowdocBody
	kNowdocString
	kCompound
	kExpressionStmt
	kStaticModifier
	kAbstractModifier
	kReadonlyModifier
	kVisibility
	kCast
	kListLiteral
	kGlobalDecl
	kStaticVarDecl
	kByRef
	kDynamicVariable
	kSubscript
	kArrayCreation
	kArrayElement
	kMatch
	kConditional
	kReturn
	kInteger
	kFloat
)

var kindNames = map[string]kind{
	"comment":                                kComment,
	"text":                                   kText,
	"namespace_definition":                   kNamespaceDef,
	"namespace_name":                         kNamespaceName,
	"namespace_use_declaration":              kNamespaceUse,
	"namespace_use_clause":                   kUseClause,
	"namespace_use_group":                    kUseGroup,
	"namespace_use_group_clause":             kUseGroupClause,
	"namespace_aliasing_clause":              kAliasing,
	"qualified_name":                         kQualifiedName,
	"namespace_name_as_prefix":               kNamePrefix,
	"name":                                   kName,
	"class_declaration":                      kClass,
	"interface_declaration":                  kInterface,
	"trait_declaration":                      kTrait,
	"enum_declaration":                       kEnum,
	"base_clause":                            kBaseClause,
	"class_interface_clause":                 kInterfaceClause,
	"declaration_list":                       kDeclList,
	"enum_declaration_list":                  kDeclList,
	"enum_case":                              kEnumCase,
	"use_declaration":                        kTraitUse,
	"use_list":                               kUseList,
	"const_declaration":                      kConstDecl,
	"const_element":                          kConstElement,
	"property_declaration":                   kPropertyDecl,
	"property_element":                       kPropertyElement,
	"property_initializer":                   kPropertyInit,
	"method_declaration":                     kMethod,
	"function_definition":                    kFunction,
	"formal_parameters":                      kParams,
	"simple_parameter":                       kSimpleParam,
	"variadic_parameter":                     kVariadicParam,
	"property_promotion_parameter":           kPromotedParam,
	"named_type":                             kNamedType,
	"optional_type":                          kOptionalType,
	"union_type":                             kUnionType,
	"intersection_type":                      kIntersectionType,
	"disjunctive_normal_form_type":           kDNFType,
	"primitive_type":                         kPrimitiveType,
	"type_list":                              kTypeList,
	"attribute_list":                         kAttributeList,
	"attribute_group":                        kAttributeGroup,
	"attribute":                              kAttribute,
	"arguments":                              kArguments,
	"argument":                               kArgument,
	"variable_name":                          kVariable,
	"member_access_expression":               kMemberAccess,
	"nullsafe_member_access_expression":      kMemberAccess,
	"scoped_property_access_expression":      kScopedProperty,
	"member_call_expression":                 kMemberCall,
	"nullsafe_member_call_expression":        kMemberCall,
	"scoped_call_expression":                 kScopedCall,
	"function_call_expression":               kFunctionCall,
	"object_creation_expression":             kNew,
	"class_constant_access_expression":       kClassConstant,
	"relative_scope":                         kRelativeScope,
	"assignment_expression":                  kAssignment,
	"augmented_assignment_expression":        kAugmentedAssignment,
	"reference_assignment_expression":        kRefAssignment,
	"binary_expression":                      kBinary,
	"parenthesized_expression":               kParenthesized,
	"anonymous_function_creation_expression": kClosure,
	"anonymous_function_use_clause":          kClosureUse,
	"arrow_function":                         kArrowFunction,
	"foreach_statement":                      kForeach,
	"pair":                                   kPair,
	"catch_clause":                           kCatch,
	"string":                                 kString,
	"encapsed_string":                        kEncapsed,
	"string_content":                         kStringContent,
	"escape_sequence":                        kEscape,
	"heredoc":                                kHeredoc,
	"heredoc_body":                           kHeredocBody,
	"nowdoc":                                 kNowdoc,
	"nowdoc_body":                            kNowdocBody,
	"nowdoc_string":                          kNowdocString,
	"compound_statement":                     kCompound,
	"expression_statement":                   kExpressionStmt,
	"static_modifier":                        kStaticModifier,
	"abstract_modifier":                      kAbstractModifier,
	"readonly_modifier":                      kReadonlyModifier,
	"visibility_modifier":                    kVisibility,
	"cast_expression":                        kCast,
	"list_literal":                           kListLiteral,
	"global_declaration":                     kGlobalDecl,
	"static_variable_declaration":            kStaticVarDecl,
	"by_ref":                                 kByRef,
	"dynamic_variable_name":                  kDynamicVariable,
	"subscript_expression":                   kSubscript,
	"array_creation_expression":              kArrayCreation,
	"array_element_initializer":              kArrayElement,
	"match_expression":                       kMatch,
	"conditional_expression":                 kConditional,
	"return_statement":                       kReturn,
	"integer":                                kInteger,
	"float":                                  kFloat,
}

// grammar is the PHP grammar with the extractor's view of its symbols and
// fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fBody, fParameters, fReturnType, fType, fObject, fArguments, fScope,
	fFunction, fLeft, fRight, fValue, fAttributes, fDefaultValue uint16
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
		{&g.fReturnType, "return_type"}, {&g.fType, "type"}, {&g.fObject, "object"},
		{&g.fArguments, "arguments"}, {&g.fScope, "scope"}, {&g.fFunction, "function"},
		{&g.fLeft, "left"}, {&g.fRight, "right"}, {&g.fValue, "value"},
		{&g.fAttributes, "attributes"}, {&g.fDefaultValue, "default_value"},
	} {
		if *f.id = lang.Field(f.name); *f.id == 0 {
			return nil, fmt.Errorf("the PHP grammar has no field %q: the extractor needs updating", f.name)
		}
	}
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
