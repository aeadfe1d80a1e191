package golang

import (
	"strings"
	"unicode"
)

// snakePlural is the table name GORM (its default NamingStrategy) and
// ent give a type: the snake_case of the name with its last word in the
// plural ("OrderItem" -> "order_items", "Category" -> "categories",
// "UserID" -> "user_ids").
func snakePlural(name string) string {
	s := snake(name)
	i := strings.LastIndexByte(s, '_')
	return s[:i+1] + plural(s[i+1:])
}

// snake writes a Go name in snake_case, keeping initialisms together
// ("HTTPServer" -> "http_server").
func snake(name string) string {
	r := []rune(name)
	var sb strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) ||
				(i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1]))) {
				sb.WriteByte('_')
			}
			sb.WriteRune(unicode.ToLower(c))
			continue
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

var irregular = map[string]string{
	"person": "people", "man": "men", "woman": "women", "child": "children", "mouse": "mice",
	"ox": "oxen", "goose": "geese", "foot": "feet", "tooth": "teeth", "move": "moves", "sex": "sexes",
}

var uncountable = map[string]bool{
	"equipment": true, "information": true, "rice": true, "money": true, "species": true,
	"series": true, "fish": true, "sheep": true, "jeans": true, "police": true, "news": true,
}

// plural is the English plural of a lower-case word, by the rules of the
// inflection library GORM uses, for the common cases.
func plural(w string) string {
	if w == "" || uncountable[w] {
		return w
	}
	if p, ok := irregular[w]; ok {
		return p
	}
	has := func(s string) bool { return strings.HasSuffix(w, s) }
	cut := func(n int) string { return w[:len(w)-n] }
	switch {
	case has("quiz"):
		return w + "zes"
	case has("matrix"), has("vertex"), has("index"):
		return cut(2) + "ices"
	case has("alias"), has("status"), has("bus"):
		return w + "es"
	case has("octopus"), has("virus"):
		return cut(2) + "i"
	case has("axis"), has("testis"), has("sis"):
		return cut(2) + "es"
	case has("x"), has("ch"), has("ss"), has("sh"):
		return w + "es"
	case has("y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return cut(1) + "ies"
	case has("qu") && has("y"):
		return cut(1) + "ies"
	case has("fe") && len(w) > 2 && w[len(w)-3] != 'f':
		return cut(2) + "ves"
	case has("lf"), has("rf"):
		return cut(1) + "ves"
	case has("tum"), has("ium"):
		return cut(2) + "a"
	case has("buffalo"), has("tomato"):
		return w + "es"
	case has("s"):
		return w
	}
	return w + "s"
}
