package ruby

// Rails naming: ActiveSupport's English inflections, which name a model's
// table (Order -> orders, Person -> people) and an association's class
// (has_many :line_items -> LineItem).
//
// The rules are ActiveSupport's default ones (activesupport/lib/
// active_support/inflections.rb, unchanged since Rails 4), applied as it
// applies them: the rules defined last are tried first and the first that
// matches rewrites the word; irregular words (person/people, man/men,
// child/children, sex/sexes, move/moves, zombie/zombies) are rules too,
// tried before the others; uncountable words (equipment, information,
// rice, money, species, series, fish, sheep, jeans, police) are left as
// they are when they end the word after a non-word character or stand
// alone. An application's own inflections (config/initializers/
// inflections.rb: acronyms, irregulars) are not read: a model whose table
// depends on one gets the default name, unless its table_name is written.

import (
	"regexp"
	"strings"
	"sync"
)

type inflection struct {
	re   *regexp.Regexp
	repl string
}

type inflector struct {
	plurals, singulars []inflection // tried in order (last defined first)
	uncountable        []string
}

var loadInflector = sync.OnceValue(func() *inflector {
	in := &inflector{uncountable: strings.Fields("equipment information rice money species series fish sheep jeans police")}
	add := func(list *[]inflection, re, repl string) {
		*list = append([]inflection{{regexp.MustCompile("(?i)" + re), repl}}, *list...)
	}
	for _, r := range [][2]string{
		{`$`, "s"}, {`s$`, "s"}, {`^(ax|test)is$`, "${1}es"}, {`(octop|vir)us$`, "${1}i"},
		{`(octop|vir)i$`, "${1}i"}, {`(alias|status)$`, "${1}es"}, {`(bu)s$`, "${1}ses"},
		{`(buffal|tomat)o$`, "${1}oes"}, {`([ti])um$`, "${1}a"}, {`([ti])a$`, "${1}a"}, {`sis$`, "ses"},
		{`(?:([^f])fe|([lr])f)$`, "${1}${2}ves"}, {`(hive)$`, "${1}s"}, {`([^aeiouy]|qu)y$`, "${1}ies"},
		{`(x|ch|ss|sh)$`, "${1}es"}, {`(matr|vert|ind)(?:ix|ex)$`, "${1}ices"}, {`^(m|l)ouse$`, "${1}ice"},
		{`^(m|l)ice$`, "${1}ice"}, {`^(ox)$`, "${1}en"}, {`^(oxen)$`, "${1}"}, {`(quiz)$`, "${1}zes"},
	} {
		add(&in.plurals, r[0], r[1])
	}
	for _, r := range [][2]string{
		{`s$`, ""}, {`(ss)$`, "${1}"}, {`(n)ews$`, "${1}ews"}, {`([ti])a$`, "${1}um"},
		{`((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$`, "${1}sis"},
		{`(^analy)(sis|ses)$`, "${1}sis"}, {`([^f])ves$`, "${1}fe"}, {`(hive)s$`, "${1}"},
		{`(tive)s$`, "${1}"}, {`([lr])ves$`, "${1}f"}, {`([^aeiouy]|qu)ies$`, "${1}y"},
		{`(s)eries$`, "${1}eries"}, {`(m)ovies$`, "${1}ovie"}, {`(x|ch|ss|sh)es$`, "${1}"},
		{`^(m|l)ice$`, "${1}ouse"}, {`(bus)(es)?$`, "${1}"}, {`(o)es$`, "${1}"}, {`(shoe)s$`, "${1}"},
		{`(cris|test)(is|es)$`, "${1}is"}, {`^(a)x[ie]s$`, "${1}xis"}, {`(octop|vir)(us|i)$`, "${1}us"},
		{`(alias|status)(es)?$`, "${1}"}, {`^(ox)en`, "${1}"}, {`(vert|ind)ices$`, "${1}ex"},
		{`(matr)ices$`, "${1}ix"}, {`(quiz)zes$`, "${1}"}, {`(database)s$`, "${1}"},
	} {
		add(&in.singulars, r[0], r[1])
	}
	for _, w := range [][2]string{{"person", "people"}, {"man", "men"}, {"child", "children"}, {"sex", "sexes"}, {"move", "moves"}, {"zombie", "zombies"}} {
		s, p := w[0], w[1]
		// ActiveSupport's irregular(): the first letter keeps its case.
		add(&in.plurals, "("+s[:1]+")"+s[1:]+"$", "${1}"+p[1:])
		add(&in.plurals, "("+p[:1]+")"+p[1:]+"$", "${1}"+p[1:])
		add(&in.singulars, "("+s[:1]+")"+s[1:]+"$", "${1}"+s[1:])
		add(&in.singulars, "("+p[:1]+")"+p[1:]+"$", "${1}"+s[1:])
	}
	return in
})

func (in *inflector) apply(word string, rules []inflection) string {
	if word == "" || in.isUncountable(word) {
		return word
	}
	for _, r := range rules {
		if r.re.MatchString(word) {
			return r.re.ReplaceAllString(word, r.repl)
		}
	}
	return word
}

// isUncountable reports whether word ends with an uncountable word that
// starts it or follows a non-word character (Ruby's /\bword\Z/i).
func (in *inflector) isUncountable(word string) bool {
	lw := strings.ToLower(word)
	for _, u := range in.uncountable {
		if !strings.HasSuffix(lw, u) {
			continue
		}
		if n := len(lw) - len(u); n == 0 || !isWordByte(lw[n-1]) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// Pluralize returns the plural of an English word by ActiveSupport's
// default rules: "order" -> "orders", "person" -> "people",
// "line_item" -> "line_items".
func Pluralize(word string) string {
	in := loadInflector()
	return in.apply(word, in.plurals)
}

// Singularize returns the singular of an English word by ActiveSupport's
// default rules: "line_items" -> "line_item", "people" -> "person".
func Singularize(word string) string {
	in := loadInflector()
	return in.apply(word, in.singulars)
}

// Underscore turns a constant's name into its file name, as
// ActiveSupport's underscore does (without acronyms): "LineItem" ->
// "line_item", "HTMLPage" -> "html_page", "Admin::Users" ->
// "admin/users".
func Underscore(name string) string {
	name = strings.ReplaceAll(name, "::", "/")
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if i > 0 && isUpper(c) {
			p := name[i-1]
			if isUpper(p) && i+1 < len(name) && isLower(name[i+1]) || isLower(p) || isDigit(p) {
				b.WriteByte('_')
			}
		}
		switch {
		case c == '-':
			b.WriteByte('_')
		case isUpper(c):
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Camelize turns a file or association name into a constant's name, as
// ActiveSupport's camelize does (without acronyms): "line_item" ->
// "LineItem", "admin/users" -> "Admin::Users"; upper-case letters are
// kept ("LineItem" stays).
func Camelize(s string) string {
	var b strings.Builder
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			upper = true
			continue
		case c == '/':
			b.WriteString("::")
			upper = true
			continue
		case upper && isLower(c):
			c -= 'a' - 'A'
		}
		upper = false
		b.WriteByte(c)
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Demodulize returns the last segment of a constant's name, "::" or "."
// separated: "Billing::Invoice" -> "Invoice".
func Demodulize(name string) string {
	if i := strings.LastIndex(name, "::"); i >= 0 {
		name = name[i+2:]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// JoinTableName is the default join table of a has_and_belongs_to_many
// association, or of create_join_table, between tables a and b: the two
// names in lexical order joined by "_", a common prefix written once
// ("meetings_groups" and "meetings_members" -> "meetings_groups_members"),
// as ActiveRecord derives it.
func JoinTableName(a, b string) string {
	if b < a {
		a, b = b, a
	}
	// /^(.*_)(.+)\0\1(.+)/: the longest prefix ending in "_" that both
	// share, the first keeping something after it.
	for i := len(a) - 2; i >= 0; i-- {
		if a[i] != '_' {
			continue
		}
		p := a[:i+1]
		if strings.HasPrefix(b, p) && len(b) > len(p) {
			return p + a[i+1:] + "_" + b[i+1:]
		}
	}
	return a + "_" + b
}
