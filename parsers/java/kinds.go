package java

/*
const void *tree_sitter_java(void);
*/
import "C"

import (
	"sync"
	"unsafe"

	// The Java grammar this package links against.
	_ "github.com/smacker/go-tree-sitter/java"

	"github.com/seams-dev/seams/parsers/internal/tsflat"
)

// kind is what the extractor makes of a grammar symbol.
type kind uint8

const (
	kOther kind = iota
	kError
	kComment
	kPackageDecl
	kImportDecl
	kClassDecl
	kInterfaceDecl
	kEnumDecl
	kRecordDecl
	kAnnotationTypeDecl
	kClassBody // class_body, interface_body, enum_body, annotation_type_body, enum_body_declarations
	kSuperclass
	kSuperInterfaces
	kExtendsInterfaces
	kPermits
	kTypeParameters
	kTypeParameter
	kFieldDecl // field_declaration, constant_declaration
	kVariableDeclarator
	kMethodDecl
	kConstructorDecl
	kCompactConstructorDecl
	kAnnotationElementDecl
	kFormalParameters
	kFormalParameter
	kSpreadParameter
	kReceiverParameter
	kLocalVarDecl
	kCatchFormalParameter
	kCatchType
	kEnhancedFor
	kResource
	kInstanceof
	kTypePattern
	kLambda
	kInferredParameters
	kCast
	kThrows
	kObjectCreation
	kArrayCreation
	kClassLiteral
	kMarkerAnnotation
	kAnnotation
	kMethodInvocation
	kMethodReference
	kFieldAccess
	kExplicitCtorInvocation
	kArgumentList
	kIdentifier
	kTypeIdentifier
	kScopedIdentifier
	kScopedTypeIdentifier
	kGenericType
	kArrayType
	kTypeArguments
	kWildcard
	kAnnotatedType
	kPrimitiveType // integral, floating point, boolean, void
	kThis
	kSuper
	kModifiers
	kEnumConstant
	kStaticInitializer
	kParenthesized
	kStringLiteral
	kAsterisk
	kDimensions
)

var kindNames = map[string]kind{
	"line_comment":                        kComment,
	"block_comment":                       kComment,
	"package_declaration":                 kPackageDecl,
	"import_declaration":                  kImportDecl,
	"class_declaration":                   kClassDecl,
	"interface_declaration":               kInterfaceDecl,
	"enum_declaration":                    kEnumDecl,
	"record_declaration":                  kRecordDecl,
	"annotation_type_declaration":         kAnnotationTypeDecl,
	"class_body":                          kClassBody,
	"interface_body":                      kClassBody,
	"enum_body":                           kClassBody,
	"enum_body_declarations":              kClassBody,
	"annotation_type_body":                kClassBody,
	"superclass":                          kSuperclass,
	"super_interfaces":                    kSuperInterfaces,
	"extends_interfaces":                  kExtendsInterfaces,
	"permits":                             kPermits,
	"type_parameters":                     kTypeParameters,
	"type_parameter":                      kTypeParameter,
	"field_declaration":                   kFieldDecl,
	"constant_declaration":                kFieldDecl,
	"variable_declarator":                 kVariableDeclarator,
	"method_declaration":                  kMethodDecl,
	"constructor_declaration":             kConstructorDecl,
	"compact_constructor_declaration":     kCompactConstructorDecl,
	"annotation_type_element_declaration": kAnnotationElementDecl,
	"formal_parameters":                   kFormalParameters,
	"formal_parameter":                    kFormalParameter,
	"spread_parameter":                    kSpreadParameter,
	"receiver_parameter":                  kReceiverParameter,
	"local_variable_declaration":          kLocalVarDecl,
	"catch_formal_parameter":              kCatchFormalParameter,
	"catch_type":                          kCatchType,
	"enhanced_for_statement":              kEnhancedFor,
	"resource":                            kResource,
	"instanceof_expression":               kInstanceof,
	"type_pattern":                        kTypePattern,
	"lambda_expression":                   kLambda,
	"inferred_parameters":                 kInferredParameters,
	"cast_expression":                     kCast,
	"throws":                              kThrows,
	"object_creation_expression":          kObjectCreation,
	"array_creation_expression":           kArrayCreation,
	"class_literal":                       kClassLiteral,
	"marker_annotation":                   kMarkerAnnotation,
	"annotation":                          kAnnotation,
	"method_invocation":                   kMethodInvocation,
	"method_reference":                    kMethodReference,
	"field_access":                        kFieldAccess,
	"explicit_constructor_invocation":     kExplicitCtorInvocation,
	"argument_list":                       kArgumentList,
	"identifier":                          kIdentifier,
	"type_identifier":                     kTypeIdentifier,
	"scoped_identifier":                   kScopedIdentifier,
	"scoped_type_identifier":              kScopedTypeIdentifier,
	"generic_type":                        kGenericType,
	"array_type":                          kArrayType,
	"type_arguments":                      kTypeArguments,
	"wildcard":                            kWildcard,
	"annotated_type":                      kAnnotatedType,
	"integral_type":                       kPrimitiveType,
	"floating_point_type":                 kPrimitiveType,
	"boolean_type":                        kPrimitiveType,
	"void_type":                           kPrimitiveType,
	"this":                                kThis,
	"super":                               kSuper,
	"modifiers":                           kModifiers,
	"enum_constant":                       kEnumConstant,
	"static_initializer":                  kStaticInitializer,
	"parenthesized_expression":            kParenthesized,
	"string_literal":                      kStringLiteral,
	"asterisk":                            kAsterisk,
	"dimensions":                          kDimensions,
}

// grammar is the Java grammar with the extractor's view of its symbols
// and fields.
type grammar struct {
	lang  *tsflat.Language
	kinds []kind // by symbol

	fName, fType, fObject, fField, fArguments, fBody, fValue, fDeclarator,
	fParameters, fRight, fTypeParameters, fSuperclass, fInterfaces,
	fElement, fConstructor, fDimensions uint16
}

var loadGrammar = sync.OnceValue(func() *grammar {
	lang := tsflat.NewLanguage(unsafe.Pointer(C.tree_sitter_java()))
	g := &grammar{lang: lang, kinds: make([]kind, lang.SymbolCount())}
	for name, k := range kindNames {
		for _, sym := range lang.Symbols(name) {
			g.kinds[sym] = k
		}
	}
	g.fName = lang.Field("name")
	g.fType = lang.Field("type")
	g.fObject = lang.Field("object")
	g.fField = lang.Field("field")
	g.fArguments = lang.Field("arguments")
	g.fBody = lang.Field("body")
	g.fValue = lang.Field("value")
	g.fDeclarator = lang.Field("declarator")
	g.fParameters = lang.Field("parameters")
	g.fRight = lang.Field("right")
	g.fTypeParameters = lang.Field("type_parameters")
	g.fSuperclass = lang.Field("superclass")
	g.fInterfaces = lang.Field("interfaces")
	g.fElement = lang.Field("element")
	g.fConstructor = lang.Field("constructor")
	g.fDimensions = lang.Field("dimensions")
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
