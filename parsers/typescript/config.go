package typescript

import (
	"bytes"
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/seams-dev/seams/facts"
)

// IsProjectFile reports whether a .json path is one this package reads
// by its name: tsconfig.json, tsconfig.*.json, jsconfig.json,
// package.json. Another .json file is read when it holds
// "compilerOptions" (a config that a tsconfig extends by path).
func IsProjectFile(p string) bool {
	base := path.Base(p)
	return base == "package.json" || base == "jsconfig.json" || strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json")
}

// projectFile reads a tsconfig, jsconfig or package.json into Settings;
// any other JSON file, or one that says nothing about module resolution,
// gives nil.
func projectFile(file string, src []byte) *facts.File {
	if !IsProjectFile(file) && !bytes.Contains(src, []byte(`"compilerOptions"`)) {
		return nil
	}
	var doc map[string]any
	if err := json.Unmarshal(jsonc(src), &doc); err != nil {
		return &facts.File{Path: file, Language: "json", Bytes: len(src), Lines: facts.LineCount(src),
			Diagnostics: []facts.Diagnostic{{Path: file, Severity: facts.Warning, Code: "syntax",
				Message: "cannot read as JSON: " + err.Error() + "; its module settings are ignored"}}}
	}
	var set []facts.Setting
	add := func(key, pattern string, values ...string) {
		var vs []string
		for _, v := range values {
			if v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			set = append(set, facts.Setting{Key: key, Pattern: pattern, Values: vs})
		}
	}
	if path.Base(file) == "package.json" {
		if name, _ := doc["name"].(string); name != "" {
			add("name", "", name)
		}
		for _, k := range []string{"source", "types", "typings", "module", "main", "browser"} {
			if v, _ := doc[k].(string); v != "" {
				add("entry", "", v)
			}
		}
		add("entry", "", exportsEntry(doc["exports"])...)
	} else {
		switch ext := doc["extends"].(type) {
		case string:
			add("extends", "", ext)
		case []any:
			add("extends", "", strs(ext)...)
		}
		if co, ok := doc["compilerOptions"].(map[string]any); ok {
			if b, _ := co["baseUrl"].(string); b != "" {
				add("baseUrl", "", b)
			}
			if ps, ok := co["paths"].(map[string]any); ok {
				keys := make([]string, 0, len(ps))
				for k := range ps {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				for _, k := range keys {
					if vs, ok := ps[k].([]any); ok {
						add("paths", k, strs(vs)...)
					}
				}
				if !slices.ContainsFunc(set, func(s facts.Setting) bool { return s.Key == "paths" }) {
					// paths: {} (or no usable entry) still replaces the
					// paths of an extended config.
					set = append(set, facts.Setting{Key: "paths"})
				}
			}
		}
	}
	if len(set) == 0 {
		return nil
	}
	return &facts.File{Path: file, Language: "json", Bytes: len(src), Lines: facts.LineCount(src), Package: dirOf(file), Settings: set}
}

// exportsEntry returns the entry points of package.json's exports for
// the package itself ("."): a string, or the conditions' strings.
func exportsEntry(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case map[string]any:
		if dot, ok := x["."]; ok {
			return exportsEntry(dot)
		}
		var out []string
		for _, k := range []string{"source", "types", "import", "module", "require", "node", "default"} {
			if s, ok := x[k]; ok {
				out = append(out, exportsEntry(s)...)
			}
		}
		return out
	}
	return nil
}

func strs(vs []any) []string {
	var out []string
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// jsonc turns JSON with comments and trailing commas (tsconfig's format)
// into JSON.
func jsonc(src []byte) []byte {
	out := make([]byte, 0, len(src))
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			out = append(out, c)
			switch c {
			case '\\':
				if i+1 < len(src) {
					i++
					out = append(out, src[i])
				}
			case '"':
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(string(src[i+2:]), "*/")
			if end < 0 {
				i = len(src)
			} else {
				i += end + 3
			}
			out = append(out, ' ')
		case c == ']' || c == '}':
			// Drop a trailing comma before the closing bracket.
			j := len(out) - 1
			for j >= 0 && (out[j] == ' ' || out[j] == '\t' || out[j] == '\n' || out[j] == '\r') {
				j--
			}
			if j >= 0 && out[j] == ',' {
				out = append(out[:j], out[j+1:]...)
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
