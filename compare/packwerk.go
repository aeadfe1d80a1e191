package compare

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// FormatPackwerk is the format of a reference read from the packwerk
// packages of a Rails repository.
const FormatPackwerk = "packwerk"

// packwerkSkip are the directories a packwerk reference never descends
// into: dependencies and generated trees, where a package.yml belongs to
// another application.
var packwerkSkip = map[string]bool{
	".git": true, "node_modules": true, "vendor": true, "tmp": true,
	"log": true, "public": true, "coverage": true,
}

// PackwerkReference reads the contexts a Rails repository declares as
// packwerk packages: every directory under root holding a package.yml is
// a context named after its path ("components/meetings" is "meetings";
// the root package, when there is one, is "root"), and owns the files
// below it that no deeper package owns, as a TSV reference's longest
// prefix does. Symbolic links are not followed. It is an error when no
// package.yml but the root's is found: such a repository declares no
// split.
func PackwerkReference(root string) (*Reference, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // an unreadable directory declares nothing
		}
		if d.IsDir() {
			if p != root && (packwerkSkip[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == "package.yml" && d.Type().IsRegular() {
			rel, err := filepath.Rel(root, filepath.Dir(p))
			if err != nil {
				return err
			}
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading packwerk packages under %s: %w", root, err)
	}
	slices.Sort(dirs)
	if len(dirs) == 0 || (len(dirs) == 1 && dirs[0] == ".") {
		return nil, fmt.Errorf("%s declares no packwerk packages (no package.yml below the root)", root)
	}
	ref := &Reference{Name: filepath.Base(root), Format: FormatPackwerk, Tables: map[string]string{}}
	names := map[string]string{} // context name -> directory, to keep names distinct
	for _, dir := range dirs {
		name := "root"
		prefix := ""
		if dir != "." {
			name = path.Base(dir)
			prefix = dir + "/"
		}
		if _, dup := names[name]; dup {
			name = dir // two packs with one base name: the path tells them apart
		}
		names[name] = dir
		ref.Rules = append(ref.Rules, Rule{Prefix: prefix, Context: name})
	}
	return ref, nil
}

// ReadReferencePath reads the reference at p: a TSV or RSF file (see
// ReadReference), or a directory, read as a Rails repository whose
// packwerk packages are the contexts (see PackwerkReference).
func ReadReferencePath(p string) (*Reference, error) {
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return PackwerkReference(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadReference(f, filepath.Base(p))
}
