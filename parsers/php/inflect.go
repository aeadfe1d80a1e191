package php

import "strings"

// eloquentTable is the table Eloquent names after a model class by
// default: the snake_case of the class name with its last word in the
// plural ("OrderLine" -> "order_lines", "Person" -> "people").
func eloquentTable(class string) string {
	class = class[strings.LastIndexByte(class, '.')+1:]
	cut := 0
	for i := 1; i < len(class); i++ {
		if class[i] >= 'A' && class[i] <= 'Z' {
			cut = i
		}
	}
	return snake(class[:cut] + pluralWord(class[cut:]))
}

// pivotTable is the table Eloquent names a belongsToMany relation's pivot
// after: the two models' snake_case names, sorted, joined by "_".
func pivotTable(a, b string) string {
	a, b = snake(a[strings.LastIndexByte(a, '.')+1:]), snake(b)
	if b < a {
		a, b = b, a
	}
	return a + "_" + b
}

// snake is Laravel's Str::snake: an underscore before each upper-case
// letter but the first, all in lower case.
func snake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			if i > 0 && s[i-1] != '_' {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// uncountable are the words Laravel's pluralizer leaves alone.
var uncountable = wordSet(`audio bison cattle chassis compensation coreopsis data deer education
	emoji equipment evidence feedback firmware fish furniture gold hardware information jedi kin
	knowledge love metadata money moose news nutrition offspring plankton pokemon police rain
	recommended related rice series sheep software species swine traffic wheat`)

// irregular are English plurals that follow no rule.
var irregular = map[string]string{
	"person": "people", "man": "men", "woman": "women", "child": "children", "tooth": "teeth",
	"foot": "feet", "mouse": "mice", "goose": "geese", "ox": "oxen", "leaf": "leaves", "life": "lives",
	"wife": "wives", "knife": "knives", "half": "halves", "shelf": "shelves", "wolf": "wolves",
	"criterion": "criteria", "datum": "data", "medium": "media", "analysis": "analyses",
	"index": "indices", "matrix": "matrices", "vertex": "vertices", "axis": "axes", "crisis": "crises",
	"thesis": "theses", "alumnus": "alumni", "cactus": "cacti", "focus": "foci", "fungus": "fungi",
	"radius": "radii", "syllabus": "syllabi", "quiz": "quizzes", "hero": "heroes", "potato": "potatoes",
	"tomato": "tomatoes", "echo": "echoes", "movie": "movies", "cookie": "cookies", "zombie": "zombies",
	"curriculum": "curricula", "phenomenon": "phenomena", "appendix": "appendices",
}

// pluralWord is the plural of one English word, keeping the case of its
// first letter.
func pluralWord(w string) string {
	if w == "" {
		return w
	}
	lower := strings.ToLower(w)
	if uncountable[lower] {
		return w
	}
	upper := w[0] >= 'A' && w[0] <= 'Z'
	p, ok := irregular[lower]
	if !ok {
		switch {
		case strings.HasSuffix(lower, "s") || strings.HasSuffix(lower, "x") || strings.HasSuffix(lower, "z") ||
			strings.HasSuffix(lower, "ch") || strings.HasSuffix(lower, "sh"):
			p = lower + "es"
		case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
			p = lower[:len(lower)-1] + "ies"
		default:
			p = lower + "s"
		}
	}
	if upper {
		p = strings.ToUpper(p[:1]) + p[1:]
	}
	return p
}
