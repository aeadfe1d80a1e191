package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPackwerkReference(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{
		"package.yml",
		"components/meetings/package.yml",
		"components/meetings/app/models/meeting.rb",
		"components/meetings/notifications/package.yml", // a pack inside a pack
		"packs/users/package.yml",
		"engines/users/package.yml",           // a second pack named users
		"vendor/bundle/gems/x/package.yml",    // a dependency's, not ours
		"node_modules/y/package.yml",          // idem
		"components/billing/package.yml.orig", // not a package.yml
		".github/package.yml",                 // tooling
		"app/models/user.rb",
	} {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("enforce_dependencies: true\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ref, err := PackwerkReference(root)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Format != FormatPackwerk {
		t.Errorf("format %q", ref.Format)
	}
	var rules []string
	for _, r := range ref.Rules {
		rules = append(rules, r.Prefix+"="+r.Context)
	}
	want := "=root components/meetings/=meetings components/meetings/notifications/=notifications engines/users/=users packs/users/=packs/users"
	if got := strings.Join(rules, " "); got != want {
		t.Errorf("rules:\n got %s\nwant %s", got, want)
	}
	for obj, want := range map[string]string{
		"components/meetings/app/models/meeting.rb":   "meetings",
		"components/meetings/notifications/mailer.rb": "notifications",
		"packs/users/app/models/user.rb":              "packs/users",
		"engines/users/lib/users.rb":                  "users",
		"app/models/user.rb":                          "root",
		"components/meetingsroom/x.rb":                "root", // a prefix is a directory
	} {
		if got, _ := ref.ContextOf(obj); got != want {
			t.Errorf("%s: context %q, want %q", obj, got, want)
		}
	}
}

func TestPackwerkReferenceNone(t *testing.T) {
	root := t.TempDir()
	if _, err := PackwerkReference(root); err == nil || !strings.Contains(err.Error(), "no packwerk packages") {
		t.Errorf("empty directory: err %v", err)
	}
	os.WriteFile(filepath.Join(root, "package.yml"), nil, 0o644)
	if _, err := PackwerkReference(root); err == nil {
		t.Error("a root package alone: want an error")
	}
	if _, err := PackwerkReference(filepath.Join(root, "missing")); err == nil {
		t.Error("missing directory: want an error")
	}
}
