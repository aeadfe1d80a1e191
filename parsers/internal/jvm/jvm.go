// Package jvm holds the rules of the JVM's data-access frameworks that do
// not depend on the language a class is written in: how JPA names a
// table (Spring Boot's naming strategy), what a Spring Data repository's
// supertype and its derived query methods do, and which strings read as
// SQL or JPQL statements. The Java and Kotlin extractors share it.
package jvm

import (
	"strings"
	"unicode"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/mapping"
)

// SpringName is Spring Boot's physical name for a logical JPA name
// (Hibernate's CamelCaseToUnderscoresNamingStrategy): dots become
// underscores, an underscore goes before an upper-case letter that
// follows a lower-case letter or digit and precedes one, and the result is
// lower case. "PetType" and @Table(name = "PetType") both map to pet_type.
func SpringName(name string) string {
	name = strings.Trim(name, "`\"[]")
	rs := []rune(strings.ReplaceAll(name, ".", "_"))
	out := make([]rune, 0, len(rs)+4)
	for i, r := range rs {
		if i > 0 && i < len(rs)-1 {
			before, after := rs[i-1], rs[i+1]
			if (unicode.IsLower(before) || unicode.IsDigit(before)) && unicode.IsUpper(r) && (unicode.IsLower(after) || unicode.IsDigit(after)) {
				out = append(out, '_')
			}
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// Repository levels: what a Spring Data repository supertype gives.
const (
	NotRepository = iota
	DeclaredOnly  // Repository: only the methods declared
	Reads         // paging, specification, example executors: inherited reads
	ReadsWrites   // CRUD repositories: inherited reads and writes
)

// RepositoryKind says what a Spring Data repository supertype (simple
// name) gives.
func RepositoryKind(simple string) int {
	switch simple {
	case "Repository":
		return DeclaredOnly
	case "PagingAndSortingRepository", "ListPagingAndSortingRepository", "ReactiveSortingRepository",
		"JpaSpecificationExecutor", "QuerydslPredicateExecutor", "QueryByExampleExecutor", "RevisionRepository",
		"ReactiveQueryByExampleExecutor", "CoroutineSortingRepository":
		return Reads
	case "CrudRepository", "ListCrudRepository", "JpaRepository", "ReactiveCrudRepository", "R2dbcRepository",
		"JpaRepositoryImplementation", "CoroutineCrudRepository", "RxJava3CrudRepository", "KotlinCrudRepository":
		return ReadsWrites
	}
	return NotRepository
}

var (
	readPrefixes  = [...]string{"find", "read", "get", "query", "search", "stream", "count", "exists"}
	writePrefixes = [...]string{"delete", "remove", "save"}
)

// DerivedQuery says what a repository method does by its name, the way
// Spring Data derives queries: find…/read…/get…/query…/search…/stream…/
// count…/exists… read; delete…/remove… (derived deletes) and save… (CRUD
// methods redeclared) write.
func DerivedQuery(name string) (facts.DataKind, bool) {
	for _, p := range readPrefixes {
		if prefixWord(name, p) {
			return facts.Reads, true
		}
	}
	for _, p := range writePrefixes {
		if prefixWord(name, p) {
			return facts.Writes, true
		}
	}
	return "", false
}

// prefixWord reports whether name is p or p followed by an upper-case
// letter (findBy…, but not finder).
func prefixWord(name, p string) bool {
	if !strings.HasPrefix(name, p) {
		return false
	}
	return len(name) == len(p) || name[len(p)] >= 'A' && name[len(p)] <= 'Z'
}

// LooksLikeSQL reports whether text is an SQL statement that names a
// table or routine: a statement keyword first and a table clause. Anything
// else (a message, a column list, a fragment built at run time) is not
// read as SQL.
func LooksLikeSQL(text string) bool {
	w, rest := firstWord(text)
	switch strings.ToLower(w) {
	case "select":
		return hasWord(rest, "from")
	case "with":
		return hasWord(rest, "select") && (hasWord(rest, "from") || hasWord(rest, "into") || hasWord(rest, "update"))
	case "insert", "replace", "upsert":
		return hasWord(rest, "into") || hasWord(rest, "values")
	case "update":
		nx, after := firstWord(rest)
		return nx != "" && hasWord(after, "set")
	case "delete":
		return hasWord(rest, "from") || wordAfter(rest)
	case "merge":
		return hasWord(rest, "into") || hasWord(rest, "using")
	case "truncate", "call", "exec", "execute":
		return wordAfter(rest)
	case "{":
		_, ok := mapping.CallEscape(text)
		return ok
	}
	return false
}

// LooksLikeJPQL reports whether text is a JPQL or HQL statement.
func LooksLikeJPQL(text string) bool {
	w, rest := firstWord(text)
	switch strings.ToLower(w) {
	case "select":
		return hasWord(rest, "from")
	case "from":
		return wordAfter(rest)
	case "update":
		return hasWord(rest, "set")
	case "delete":
		return wordAfter(rest)
	case "insert":
		return hasWord(rest, "into")
	}
	return false
}

func wordAfter(rest string) bool {
	nx, _ := firstWord(rest)
	return nx != ""
}

// firstWord returns the first word of SQL text (skipping blanks, opening
// parentheses and comments) and the text after it. A "{" is a word.
func firstWord(s string) (string, string) {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return "", ""
			}
			i += end + 4
		case c == '{':
			return "{", s[i+1:]
		default:
			j := i
			for j < len(s) && (isIdent(s[j]) || s[j] == '.' || s[j] == '#' || s[j] == '@' || s[j] == '"' || s[j] == '`' || s[j] == '[' || s[j] == ']') {
				j++
			}
			if j == i {
				return "", ""
			}
			return s[i:j], s[j:]
		}
	}
	return "", ""
}

// hasWord reports whether s contains the word w (lower case), in any case.
func hasWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 != w[0] {
			continue
		}
		if (i == 0 || !isIdent(s[i-1])) && (i+len(w) == len(s) || !isIdent(s[i+len(w)])) && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
