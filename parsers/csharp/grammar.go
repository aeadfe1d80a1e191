package csharp

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The grammar is published for tree-sitter's language ABI 15; the runtime
// this module links (github.com/smacker/go-tree-sitter) reads ABI 13 and
// 14. ABI 15 keeps the ABI 14 layout of struct TSLanguage and appends
// fields (the language's name, reserved words, supertypes, metadata), with
// one exception: each lex mode gained a reserved_word_set_id, so the
// lex_modes array has 6-byte elements instead of 4. A grammar with no
// reserved words (max_reserved_word_set_size 0) means the same under both
// ABIs once its lex modes are narrowed, which seams_abi14 does on a copy.
// The lexer functions compiled into the grammar use no member of TSLexer
// that ABI 14 lacks (the one added, log, is appended and unused).

typedef struct { uint16_t lex_state, external_lex_state; } seams_lex_mode14;
typedef struct { uint16_t lex_state, external_lex_state, reserved_word_set_id; } seams_lex_mode15;

// seams_lang14 is struct TSLanguage of ABI 14, which is also the start of
// ABI 15's.
typedef struct {
	uint32_t version, symbol_count, alias_count, token_count, external_token_count,
		state_count, large_state_count, production_id_count, field_count;
	uint16_t max_alias_sequence_length;
	const void *parse_table, *small_parse_table, *small_parse_table_map, *parse_actions,
		*symbol_names, *field_names, *field_map_slices, *field_map_entries,
		*symbol_metadata, *public_symbol_map, *alias_map, *alias_sequences;
	const void *lex_modes;
	void *lex_fn, *keyword_lex_fn;
	uint16_t keyword_capture_token;
	struct {
		const void *states, *symbol_map;
		void *create, *destroy, *scan, *serialize, *deserialize;
	} external_scanner;
	const void *primary_state_ids;
} seams_lang14;

typedef struct {
	seams_lang14 head;
	const char *name;
	const uint16_t *reserved_words;
	uint16_t max_reserved_word_set_size;
} seams_lang15;

// seams_abi14 returns lang as an ABI 14 grammar: lang itself if it is one,
// a converted copy (never freed: a grammar lives as long as the process)
// if it is an ABI 15 grammar without reserved words, else NULL.
static const void *seams_abi14(const void *lang) {
	const seams_lang14 *l = lang;
	if (l->version == 13 || l->version == 14) return lang;
	if (l->version != 15 || ((const seams_lang15 *)lang)->max_reserved_word_set_size != 0) return NULL;
	seams_lang14 *out = malloc(sizeof *out);
	seams_lex_mode14 *modes = malloc(sizeof *modes * (l->state_count ? l->state_count : 1));
	if (!out || !modes) {
		free(out);
		free(modes);
		return NULL;
	}
	memcpy(out, l, sizeof *out);
	const seams_lex_mode15 *in = l->lex_modes;
	for (uint32_t i = 0; i < l->state_count; i++) {
		modes[i].lex_state = in[i].lex_state;
		modes[i].external_lex_state = in[i].external_lex_state;
	}
	out->lex_modes = modes;
	out->version = 14;
	return out;
}
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	csgrammar "github.com/tree-sitter/tree-sitter-c-sharp/bindings/go"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// Language returns the C# grammar as a `const TSLanguage *` that the
// tree-sitter runtime linked by this module can load (see the package
// doc), for benchmarks that parse with the runtime alone.
var Language = sync.OnceValues(func() (unsafe.Pointer, error) {
	p := C.seams_abi14(csgrammar.Language())
	if p == nil {
		return nil, fmt.Errorf("the C# grammar uses a tree-sitter ABI this runtime cannot load")
	}
	return unsafe.Pointer(p), nil
})

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kUsingDirective
	kNamespace
	kFileNamespace
	kClass
	kStruct
	kInterface
	kEnum
	kRecord
	kDelegate
	kDeclList
	kEnumMemberList
	kEnumMember
	kBaseList
	kPrimaryCtorBase
	kTypeParamList
	kTypeParam
	kConstraintsClause
	kAttributeList
	kAttribute
	kGlobalAttribute
	kModifier
	kFieldDecl
	kEventFieldDecl
	kEventDecl
	kPropertyDecl
	kIndexerDecl
	kVarDecl
	kVarDeclarator
	kMethod
	kConstructor
	kDestructor
	kOperator
	kLocalFunction
	kParamList
	kParam
	kBracketedParamList
	kCtorInitializer
	kExplicitInterface
	kBlock
	kForStmt
	kForeach
	kUsingStmt
	kCatchClause
	kCatchDecl
	kDeclPattern
	kRecursivePattern
	kTypePattern
	kVarPattern
	kConstantPattern
	kDeclExpr
	kIsExpr
	kAsExpr
	kCast
	kTypeof
	kDefaultExpr
	kSizeof
	kObjectCreation
	kArrayCreation
	kStackalloc
	kInvocation
	kMemberAccess
	kConditionalAccess
	kMemberBinding
	kArgumentList
	kArgument
	kLambda
	kImplicitParam
	kAnonymousMethod
	kQuery
	kFromClause
	kJoinClause
	kLetClause
	kJoinInto
	kSwitchArm
	kSwitchSection
	kIdentifier
	kQualifiedName
	kAliasQualifiedName
	kGenericName
	kTypeArgList
	kNullableType
	kArrayType
	kPointerType
	kRefType
	kScopedType
	kTupleType
	kTupleElement
	kPredefinedType
	kImplicitType
	kFunctionPointerType
	kThis
	kBase
	kParenthesized
	kAwait
	kStringLiteral
	kVerbatimString
	kRawString
	kInterpolatedString
	kInterpolation
	kBinaryExpr
	kAssignment
	kInitializerExpr
	kTuplePattern
	kParenDesignation
	kStringContent
	kEscapeSequence
	kRawStringContent
	kStringContentPart // string_content inside an interpolated string
	kInterpolationBrace
	kInterpolationStart
	kInterpolationQuote
	kInterpolationFormat
	kInterpolationAlignment
)

var kindNames = map[string]kind{
	"comment":                            kComment,
	"using_directive":                    kUsingDirective,
	"namespace_declaration":              kNamespace,
	"file_scoped_namespace_declaration":  kFileNamespace,
	"class_declaration":                  kClass,
	"struct_declaration":                 kStruct,
	"interface_declaration":              kInterface,
	"enum_declaration":                   kEnum,
	"record_declaration":                 kRecord,
	"delegate_declaration":               kDelegate,
	"declaration_list":                   kDeclList,
	"enum_member_declaration_list":       kEnumMemberList,
	"enum_member_declaration":            kEnumMember,
	"base_list":                          kBaseList,
	"primary_constructor_base_type":      kPrimaryCtorBase,
	"type_parameter_list":                kTypeParamList,
	"type_parameter":                     kTypeParam,
	"type_parameter_constraints_clause":  kConstraintsClause,
	"attribute_list":                     kAttributeList,
	"attribute":                          kAttribute,
	"global_attribute":                   kGlobalAttribute,
	"modifier":                           kModifier,
	"field_declaration":                  kFieldDecl,
	"event_field_declaration":            kEventFieldDecl,
	"event_declaration":                  kEventDecl,
	"property_declaration":               kPropertyDecl,
	"indexer_declaration":                kIndexerDecl,
	"variable_declaration":               kVarDecl,
	"variable_declarator":                kVarDeclarator,
	"method_declaration":                 kMethod,
	"constructor_declaration":            kConstructor,
	"destructor_declaration":             kDestructor,
	"operator_declaration":               kOperator,
	"conversion_operator_declaration":    kOperator,
	"local_function_statement":           kLocalFunction,
	"parameter_list":                     kParamList,
	"parameter":                          kParam,
	"bracketed_parameter_list":           kBracketedParamList,
	"constructor_initializer":            kCtorInitializer,
	"explicit_interface_specifier":       kExplicitInterface,
	"block":                              kBlock,
	"for_statement":                      kForStmt,
	"foreach_statement":                  kForeach,
	"using_statement":                    kUsingStmt,
	"catch_clause":                       kCatchClause,
	"catch_declaration":                  kCatchDecl,
	"declaration_pattern":                kDeclPattern,
	"recursive_pattern":                  kRecursivePattern,
	"type_pattern":                       kTypePattern,
	"var_pattern":                        kVarPattern,
	"constant_pattern":                   kConstantPattern,
	"declaration_expression":             kDeclExpr,
	"is_expression":                      kIsExpr,
	"as_expression":                      kAsExpr,
	"cast_expression":                    kCast,
	"typeof_expression":                  kTypeof,
	"default_expression":                 kDefaultExpr,
	"sizeof_expression":                  kSizeof,
	"object_creation_expression":         kObjectCreation,
	"array_creation_expression":          kArrayCreation,
	"stackalloc_expression":              kStackalloc,
	"invocation_expression":              kInvocation,
	"member_access_expression":           kMemberAccess,
	"conditional_access_expression":      kConditionalAccess,
	"member_binding_expression":          kMemberBinding,
	"argument_list":                      kArgumentList,
	"argument":                           kArgument,
	"lambda_expression":                  kLambda,
	"implicit_parameter":                 kImplicitParam,
	"anonymous_method_expression":        kAnonymousMethod,
	"query_expression":                   kQuery,
	"from_clause":                        kFromClause,
	"join_clause":                        kJoinClause,
	"let_clause":                         kLetClause,
	"join_into_clause":                   kJoinInto,
	"switch_expression_arm":              kSwitchArm,
	"switch_section":                     kSwitchSection,
	"identifier":                         kIdentifier,
	"qualified_name":                     kQualifiedName,
	"alias_qualified_name":               kAliasQualifiedName,
	"generic_name":                       kGenericName,
	"type_argument_list":                 kTypeArgList,
	"nullable_type":                      kNullableType,
	"array_type":                         kArrayType,
	"pointer_type":                       kPointerType,
	"ref_type":                           kRefType,
	"scoped_type":                        kScopedType,
	"tuple_type":                         kTupleType,
	"tuple_element":                      kTupleElement,
	"predefined_type":                    kPredefinedType,
	"implicit_type":                      kImplicitType,
	"function_pointer_type":              kFunctionPointerType,
	"this":                               kThis,
	"base":                               kBase,
	"parenthesized_expression":           kParenthesized,
	"await_expression":                   kAwait,
	"string_literal":                     kStringLiteral,
	"verbatim_string_literal":            kVerbatimString,
	"raw_string_literal":                 kRawString,
	"interpolated_string_expression":     kInterpolatedString,
	"interpolation":                      kInterpolation,
	"binary_expression":                  kBinaryExpr,
	"assignment_expression":              kAssignment,
	"initializer_expression":             kInitializerExpr,
	"tuple_pattern":                      kTuplePattern,
	"parenthesized_variable_designation": kParenDesignation,
	"string_literal_content":             kStringContent,
	"escape_sequence":                    kEscapeSequence,
	"raw_string_content":                 kRawStringContent,
	"string_content":                     kStringContentPart,
	"interpolation_brace":                kInterpolationBrace,
	"interpolation_start":                kInterpolationStart,
	"interpolation_quote":                kInterpolationQuote,
	"interpolation_format_clause":        kInterpolationFormat,
	"interpolation_alignment_clause":     kInterpolationAlignment,
}

// grammar is the C# grammar with the extractor's view of its symbols and
// fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fType, fBody, fReturns, fParameters, fFunction, fArguments,
	fExpression, fLeft, fRight, fValue, fCondition, fQualifier, fAlias,
	fInitializer, fPattern, fTypeParameters, fAccessors uint16
}

var loadGrammar = sync.OnceValues(func() (*grammar, error) {
	ptr, err := Language()
	if err != nil {
		return nil, err
	}
	lang := tsflat.NewLanguage(ptr)
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
		{&g.fName, "name"}, {&g.fType, "type"}, {&g.fBody, "body"}, {&g.fReturns, "returns"},
		{&g.fParameters, "parameters"}, {&g.fFunction, "function"}, {&g.fArguments, "arguments"},
		{&g.fExpression, "expression"}, {&g.fLeft, "left"}, {&g.fRight, "right"}, {&g.fValue, "value"},
		{&g.fCondition, "condition"}, {&g.fQualifier, "qualifier"}, {&g.fAlias, "alias"},
		{&g.fInitializer, "initializer"}, {&g.fPattern, "pattern"}, {&g.fTypeParameters, "type_parameters"},
		{&g.fAccessors, "accessors"},
	} {
		if *f.id = lang.Field(f.name); *f.id == 0 {
			return nil, fmt.Errorf("the C# grammar has no field %q: the extractor needs updating", f.name)
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
