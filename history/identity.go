package history

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/seams-dev/seams/repo"
)

// Identity names the repository at dir the same way in every clone, so
// that the snapshots of one repository are found together whoever
// recorded them: the URL of its origin remote, normalised
// ("github.com/apache/fineract" for https://github.com/apache/fineract.git
// and git@github.com:apache/fineract.git alike); without a remote, its
// root commit ("root:HASH"); outside git, or before the first commit, its
// absolute path ("path:/home/ada/src/shop").
func Identity(ctx context.Context, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if out, err := repo.RunGit(ctx, abs, "config", "--get", "remote.origin.url"); err == nil {
		if u := NormalizeRemote(strings.TrimSpace(string(out))); u != "" {
			return u, nil
		}
	} else if ctx.Err() != nil {
		return "", ctx.Err()
	}
	if out, err := repo.RunGit(ctx, abs, "rev-list", "--max-parents=0", "HEAD"); err == nil {
		roots := strings.Fields(string(out))
		if len(roots) > 0 {
			return "root:" + slices.Min(roots), nil
		}
	} else if ctx.Err() != nil {
		return "", ctx.Err()
	}
	return "path:" + filepath.ToSlash(abs), nil
}

// NormalizeRemote writes a git remote URL as host/path: no scheme, user,
// password, port or ".git", the host in lower case. A local path stays
// a path ("file:/srv/git/shop").
func NormalizeRemote(remote string) string {
	remote = strings.TrimSpace(remote)
	if remote == "" {
		return ""
	}
	trim := func(p string) string {
		p = strings.Trim(p, "/")
		p = strings.TrimSuffix(p, ".git")
		return strings.Trim(p, "/")
	}
	if u, err := url.Parse(remote); err == nil && u.Scheme != "" && u.Host != "" {
		if u.Scheme == "file" {
			return "file:" + filepath.ToSlash(filepath.Clean(u.Path))
		}
		return strings.ToLower(u.Hostname()) + "/" + trim(u.Path)
	}
	// scp-like: [user@]host:path, where host has no slash.
	if i := strings.Index(remote, ":"); i > 0 && !strings.Contains(remote[:i], "/") && !(len(remote[:i]) == 1 && runtime.GOOS == "windows") {
		host := remote[:i]
		if at := strings.LastIndex(host, "@"); at >= 0 {
			host = host[at+1:]
		}
		return strings.ToLower(host) + "/" + trim(remote[i+1:])
	}
	return "file:" + filepath.ToSlash(filepath.Clean(remote))
}

// DefaultStore returns the path of the default history store: history.db
// in seams' per-user data directory. That is $XDG_DATA_HOME/seams, or
// ~/.local/share/seams on Linux and other Unix systems, ~/Library/
// Application Support/seams on macOS, %LocalAppData%\seams on Windows.
//
// History is kept per user rather than in the analysed repository (where
// DESIGN.md first put it, as .seams/history.db): seams never writes into
// the code it reads (a checkout may be read-only, shared, or CI's
// throw-away copy, and a stray file would show in git status), and one
// store serves every clone of a repository, since snapshots are keyed by
// the repository's identity. It is a data directory, not a cache one:
// history cannot be rebuilt for free, so it must not sit where cache
// cleaners look. A team shares one store on PostgreSQL instead.
func DefaultStore() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "seams", "history.db"), nil
	}
	switch runtime.GOOS {
	case "windows":
		d := os.Getenv("LocalAppData")
		if d == "" {
			return "", errors.New("%LocalAppData% is not set")
		}
		return filepath.Join(d, "seams", "history.db"), nil
	case "darwin", "ios":
		d, err := os.UserConfigDir() // ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "seams", "history.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "seams", "history.db"), nil
}

// EnvStore is the environment variable that names the history store.
const EnvStore = "SEAMS_STORE"

// Address returns the history store to use and where that choice came
// from: the --store flag, else $SEAMS_STORE, else the store seams.yaml
// names (configured; package config reads it and passes it here), else
// DefaultStore. A relative path in seams.yaml is relative to the
// configuration file's directory (configDir).
func Address(flag, configured, configDir string) (addr, from string, err error) {
	switch {
	case flag != "":
		return flag, "--store", nil
	case os.Getenv(EnvStore) != "":
		return os.Getenv(EnvStore), EnvStore, nil
	case configured != "":
		if !isPostgres(configured) && !filepath.IsAbs(configured) && configDir != "" {
			configured = filepath.Join(configDir, configured)
		}
		return configured, "seams.yaml", nil
	}
	addr, err = DefaultStore()
	if err != nil {
		return "", "", err
	}
	return addr, "default", nil
}
