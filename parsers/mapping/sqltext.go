package mapping

import "strings"

// CallEscape reads the JDBC escape syntax for a call: "{call p(?)}",
// "{? = call f(?)}". It returns the routine's name, normalised as
// ObjectName does ("" when it is not a plain name), and whether text is
// such a call at all.
func CallEscape(text string) (string, bool) {
	s := strings.TrimSpace(text)
	if !strings.HasPrefix(s, "{") {
		return "", false
	}
	s = strings.TrimSpace(s[1:])
	if strings.HasPrefix(s, "?") {
		s = strings.TrimSpace(s[1:])
		if !strings.HasPrefix(s, "=") {
			return "", false
		}
		s = strings.TrimSpace(s[1:])
	}
	if len(s) < 5 || !strings.EqualFold(s[:4], "call") || isIdent(s[4]) {
		return "", false
	}
	s = strings.TrimSpace(s[4:])
	end := strings.IndexAny(s, "( \t\r\n}")
	if end < 0 {
		end = len(s)
	}
	name, ok := ObjectName(s[:end])
	if !ok {
		return "", true
	}
	return name, true
}

// ObjectName normalises a database object name as written in a mapping
// or in code ("dbo.[Users]", "`orders`"): unquoted, lower case. It
// reports false for anything that is not a plain, possibly qualified
// name, or that holds a part known only at run time.
func ObjectName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 256 || strings.Contains(s, dynName) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isIdent(c) && c != '.' && c != '"' && c != '`' && c != '[' && c != ']' && c != '#' && c != '@' {
			return "", false
		}
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '"', '`', '[', ']':
			return -1
		}
		return r
	}, s)
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return "", false
	}
	return strings.ToLower(s), true
}
