package typescript

/*
const void *tree_sitter_typescript(void);
const void *tree_sitter_tsx(void);
const void *tree_sitter_javascript(void);
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	// The grammars this package links against.
	_ "github.com/smacker/go-tree-sitter/javascript"
	_ "github.com/smacker/go-tree-sitter/typescript/tsx"
	_ "github.com/smacker/go-tree-sitter/typescript/typescript"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// kind is what the extractor makes of a grammar symbol. The three
// grammars (TypeScript, TSX, JavaScript) share their node names: one
// extractor walks the trees of all three.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kProgram
	kImport
	kImportClause
	kNamedImports
	kImportSpecifier
	kNamespaceImport
	kImportRequire
	kExport
	kExportClause
	kExportSpecifier
	kNamespaceExport
	kString
	kStringFragment
	kEscape
	kTemplate
	kTemplateSubst
	kClassDecl
	kAbstractClassDecl
	kClassExpr
	kInterface
	kEnum
	kTypeAlias
	kModuleDecl // namespace N { }, declare module 'x' { }
	kAmbient
	kClassHeritage
	kExtendsClause
	kImplementsClause
	kExtendsTypeClause
	kClassBody
	kInterfaceBody
	kObjectType
	kEnumBody
	kMethodDef
	kMethodSig
	kAbstractMethodSig
	kPropertySig
	kFieldDef
	kStaticBlock
	kIndexSig
	kCallSig
	kConstructSig
	kDecorator
	kAccessibility
	kFunctionDecl
	kGeneratorDecl
	kFunctionExpr
	kArrow
	kFormalParams
	kRequiredParam
	kOptionalParam
	kLexicalDecl
	kVarDecl
	kDeclarator
	kObjectPattern
	kArrayPattern
	kPairPattern
	kAssignPattern
	kObjectAssignPattern
	kRestPattern
	kShorthandPattern
	kStatementBlock
	kForIn
	kFor
	kCatch
	kSwitchCase
	kExprStatement
	kReturn
	kCall
	kNew
	kMember
	kSubscript
	kArguments
	kAwait
	kParens
	kNonNull
	kAsExpr
	kSatisfies
	kTypeAssertion
	kAssignment
	kBinary
	kTernary
	kObject
	kPair
	kShorthandProp
	kSpread
	kArray
	kJSXElement
	kJSXOpening
	kJSXSelfClosing
	kJSXClosing
	kJSXNamespaceName
	kIdentifier
	kPropertyIdent
	kPrivatePropertyIdent
	kTypeIdent
	kNestedTypeIdent
	kNestedIdent
	kGenericType
	kTypeArgs
	kTypeParams
	kTypeParam
	kTypeAnnotation
	kPredefinedType
	kTypeQuery
	kThis
	kSuper
	kImportKeyword // import(...)
	kNumber
	kTrue
	kFalse
	kNull
	kUndefined
	kComputedName
	kLiteralType
)

var kindNames = map[string]kind{
	"comment":                               kComment,
	"program":                               kProgram,
	"import_statement":                      kImport,
	"import_clause":                         kImportClause,
	"named_imports":                         kNamedImports,
	"import_specifier":                      kImportSpecifier,
	"namespace_import":                      kNamespaceImport,
	"import_require_clause":                 kImportRequire,
	"export_statement":                      kExport,
	"export_clause":                         kExportClause,
	"export_specifier":                      kExportSpecifier,
	"namespace_export":                      kNamespaceExport,
	"string":                                kString,
	"string_fragment":                       kStringFragment,
	"escape_sequence":                       kEscape,
	"template_string":                       kTemplate,
	"template_substitution":                 kTemplateSubst,
	"class_declaration":                     kClassDecl,
	"abstract_class_declaration":            kAbstractClassDecl,
	"class":                                 kClassExpr,
	"interface_declaration":                 kInterface,
	"enum_declaration":                      kEnum,
	"type_alias_declaration":                kTypeAlias,
	"internal_module":                       kModuleDecl,
	"module":                                kModuleDecl,
	"ambient_declaration":                   kAmbient,
	"class_heritage":                        kClassHeritage,
	"extends_clause":                        kExtendsClause,
	"implements_clause":                     kImplementsClause,
	"extends_type_clause":                   kExtendsTypeClause,
	"class_body":                            kClassBody,
	"interface_body":                        kInterfaceBody,
	"object_type":                           kObjectType,
	"enum_body":                             kEnumBody,
	"method_definition":                     kMethodDef,
	"method_signature":                      kMethodSig,
	"abstract_method_signature":             kAbstractMethodSig,
	"property_signature":                    kPropertySig,
	"public_field_definition":               kFieldDef,
	"field_definition":                      kFieldDef,
	"class_static_block":                    kStaticBlock,
	"index_signature":                       kIndexSig,
	"call_signature":                        kCallSig,
	"construct_signature":                   kConstructSig,
	"decorator":                             kDecorator,
	"accessibility_modifier":                kAccessibility,
	"function_declaration":                  kFunctionDecl,
	"generator_function_declaration":        kGeneratorDecl,
	"function_expression":                   kFunctionExpr,
	"function":                              kFunctionExpr,
	"generator_function":                    kFunctionExpr,
	"arrow_function":                        kArrow,
	"formal_parameters":                     kFormalParams,
	"required_parameter":                    kRequiredParam,
	"optional_parameter":                    kOptionalParam,
	"lexical_declaration":                   kLexicalDecl,
	"variable_declaration":                  kVarDecl,
	"variable_declarator":                   kDeclarator,
	"object_pattern":                        kObjectPattern,
	"array_pattern":                         kArrayPattern,
	"pair_pattern":                          kPairPattern,
	"assignment_pattern":                    kAssignPattern,
	"object_assignment_pattern":             kObjectAssignPattern,
	"rest_pattern":                          kRestPattern,
	"shorthand_property_identifier_pattern": kShorthandPattern,
	"statement_block":                       kStatementBlock,
	"for_in_statement":                      kForIn,
	"for_statement":                         kFor,
	"catch_clause":                          kCatch,
	"switch_case":                           kSwitchCase,
	"expression_statement":                  kExprStatement,
	"return_statement":                      kReturn,
	"call_expression":                       kCall,
	"new_expression":                        kNew,
	"member_expression":                     kMember,
	"subscript_expression":                  kSubscript,
	"arguments":                             kArguments,
	"await_expression":                      kAwait,
	"parenthesized_expression":              kParens,
	"non_null_expression":                   kNonNull,
	"as_expression":                         kAsExpr,
	"satisfies_expression":                  kSatisfies,
	"type_assertion":                        kTypeAssertion,
	"assignment_expression":                 kAssignment,
	"binary_expression":                     kBinary,
	"ternary_expression":                    kTernary,
	"object":                                kObject,
	"pair":                                  kPair,
	"shorthand_property_identifier":         kShorthandProp,
	"spread_element":                        kSpread,
	"array":                                 kArray,
	"jsx_element":                           kJSXElement,
	"jsx_opening_element":                   kJSXOpening,
	"jsx_self_closing_element":              kJSXSelfClosing,
	"jsx_closing_element":                   kJSXClosing,
	"jsx_namespace_name":                    kJSXNamespaceName,
	"identifier":                            kIdentifier,
	"property_identifier":                   kPropertyIdent,
	"private_property_identifier":           kPrivatePropertyIdent,
	"type_identifier":                       kTypeIdent,
	"nested_type_identifier":                kNestedTypeIdent,
	"nested_identifier":                     kNestedIdent,
	"generic_type":                          kGenericType,
	"type_arguments":                        kTypeArgs,
	"type_parameters":                       kTypeParams,
	"type_parameter":                        kTypeParam,
	"type_annotation":                       kTypeAnnotation,
	"predefined_type":                       kPredefinedType,
	"type_query":                            kTypeQuery,
	"this":                                  kThis,
	"super":                                 kSuper,
	"import":                                kImportKeyword,
	"number":                                kNumber,
	"true":                                  kTrue,
	"false":                                 kFalse,
	"null":                                  kNull,
	"undefined":                             kUndefined,
	"computed_property_name":                kComputedName,
	"literal_type":                          kLiteralType,
}

// grammar is one of the three grammars with the extractor's view of its
// symbols and fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fValue, fBody, fParameters, fParameter, fReturnType, fType, fFunction,
	fArguments, fObject, fProperty, fLeft, fRight, fSource, fAlias, fDeclaration,
	fConstructor, fDecorator, fPattern, fTypeArguments, fTypeParameters, fKey,
	fModule, fOperator uint16
}

// The grammars' languages, as `const TSLanguage *`, for benchmarks that
// parse with the runtime alone.
var (
	TypeScript = unsafe.Pointer(C.tree_sitter_typescript())
	TSX        = unsafe.Pointer(C.tree_sitter_tsx())
	JavaScript = unsafe.Pointer(C.tree_sitter_javascript())
)

// dialect says which grammar reads a file.
type dialect uint8

const (
	dTS dialect = iota
	dTSX
	dJS
)

var loadGrammars = sync.OnceValues(func() ([3]*grammar, error) {
	var out [3]*grammar
	for d, ptr := range [3]unsafe.Pointer{TypeScript, TSX, JavaScript} {
		g, err := newGrammar(ptr, d == int(dJS))
		if err != nil {
			return out, err
		}
		out[d] = g
	}
	return out, nil
})

func newGrammar(ptr unsafe.Pointer, js bool) (*grammar, error) {
	lang := tsflat.NewLanguage(ptr)
	g := &grammar{lang: lang, kinds: make([]kind, lang.SymbolCount())}
	for name, k := range kindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	fields := []struct {
		id   *uint16
		name string
		ts   bool // only in the TypeScript grammars
	}{
		{&g.fName, "name", false}, {&g.fValue, "value", false}, {&g.fBody, "body", false},
		{&g.fParameters, "parameters", false}, {&g.fParameter, "parameter", false},
		{&g.fReturnType, "return_type", true}, {&g.fType, "type", true}, {&g.fFunction, "function", false},
		{&g.fArguments, "arguments", false}, {&g.fObject, "object", false}, {&g.fProperty, "property", false},
		{&g.fLeft, "left", false}, {&g.fRight, "right", false}, {&g.fSource, "source", false},
		{&g.fAlias, "alias", false}, {&g.fDeclaration, "declaration", false},
		{&g.fConstructor, "constructor", false}, {&g.fDecorator, "decorator", false},
		{&g.fPattern, "pattern", true}, {&g.fTypeArguments, "type_arguments", true},
		{&g.fTypeParameters, "type_parameters", true}, {&g.fKey, "key", false},
		{&g.fModule, "module", true}, {&g.fOperator, "operator", false},
	}
	for _, f := range fields {
		*f.id = lang.Field(f.name)
		if *f.id == 0 && !(js && f.ts) {
			return nil, fmt.Errorf("the TypeScript/JavaScript grammar has no field %q: the extractor needs updating", f.name)
		}
		if *f.id == 0 {
			*f.id = 0xFFFF // never matches a node's field
		}
	}
	return g, nil
}

func (g *grammar) kind(sym uint16) kind {
	if int(sym) < len(g.kinds) {
		return g.kinds[sym]
	}
	if sym == tsflat.ErrorKind {
		return kError
	}
	return kOther
}
