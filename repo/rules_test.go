package repo

import (
	"strings"
	"testing"
)

// decide renders a rules decision as "", "file:<reason>" or
// "dir:<path>:<reason>".
func decide(r *rules, p string) string {
	d := r.file(p)
	switch {
	case !d.skipped:
		return ""
	case d.dir:
		return "dir:" + d.skip.Path + ":" + string(d.skip.Reason)
	default:
		if d.skip.Path != p {
			return "bad path " + d.skip.Path
		}
		return "file:" + string(d.skip.Reason)
	}
}

func TestRulesDefaults(t *testing.T) {
	r, err := newRules(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
	}{
		// Ordinary source.
		{"Main.java", ""},
		{"src/main/java/com/acme/Owner.java", ""},
		{"cmd/tool/main.go", ""},
		{"testing/helpers.go", ""}, // "testing" is not a test directory
		{"contest/Contest.java", ""},
		{"lib/Latest.java", ""},

		// Vendored.
		{"vendor/github.com/x/y.go", "dir:vendor/:vendored"},
		{"web/node_modules/react/index.js", "dir:web/node_modules/:vendored"},
		{"node_modules/a/node_modules/b/x.js", "dir:node_modules/:vendored"},
		{"bower_components/jq/jq.js", "dir:bower_components/:vendored"},
		{"upload/assets/ckeditor/plugins/a11yhelp/dialogs/a11yhelp.js", "dir:upload/assets/ckeditor/:vendored"},
		{"web/js/codemirror/mode/sql/sql.js", "dir:web/js/codemirror/:vendored"},
		{".venv/lib/python3/site.py", "dir:.venv/:vendored"},
		{"venv/x.py", "dir:venv/:vendored"},
		{"src/main/java/com/acme/vendor/Vendor.java", ""}, // a package named vendor
		{"app/src/vendor/x.go", ""},

		// Build output.
		{"target/classes/A.class", "dir:target/:build-output"},
		{"module-a/target/generated-sources/X.java", "dir:module-a/target/:build-output"},
		{"build/libs/x.jar", "dir:build/:build-output"},
		{"web/dist/app.js", "dir:web/dist/:build-output"},
		{"out/production/A.class", "dir:out/:build-output"},
		{"bin/run.sh", "dir:bin/:build-output"},
		{"src/Acme.Web/bin/Debug/x.cs", "dir:src/Acme.Web/bin/:build-output"},
		{"src/Acme.Web/obj/Debug/x.AssemblyInfo.cs", "dir:src/Acme.Web/obj/:build-output"},
		{"pkg/__pycache__/m.cpython-311.pyc", "dir:pkg/__pycache__/:build-output"},
		{"src/main/java/com/acme/build/Builder.java", ""},
		{"src/main/java/com/acme/target/Target.java", ""},
		{"Build/x.cs", ""}, // case-sensitive

		// Generated and tooling.
		{"src/main/generated/X.java", "dir:src/main/generated/:generated"},
		{"generated-sources/Y.java", "dir:generated-sources/:generated"},
		{".idea/workspace.xml", "dir:.idea/:tooling"},
		{".gradle/8.0/x.bin", "dir:.gradle/:tooling"},
		{".mvn/wrapper/maven-wrapper.properties", "dir:.mvn/:tooling"},
		{".tox/py3/x.py", "dir:.tox/:tooling"},

		// Minified.
		{"static/app.min.js", "file:minified"},
		{"static/site.min.css", "file:minified"},
		{"static/app.bundle.js", "file:minified"},
		{"static/.min.js", ""},
		{"static/app.js", ""},

		// Test trees.
		{"src/test/java/com/acme/OwnerTest.java", "dir:src/test/:test"},
		{"module/src/test/resources/x.sql", "dir:module/src/test/:test"},
		{"src/it/java/X.java", "dir:src/it/:test"},
		{"src/integration-test/java/X.java", "dir:src/integration-test/:test"},
		{"src/integrationTest/java/X.java", "dir:src/integrationTest/:test"},
		{"src/testFixtures/java/X.java", "dir:src/testFixtures/:test"},
		{"test/unit/x.js", "dir:test/:test"},
		{"tests/test_owner.py", "dir:tests/:test"},
		{"spec/models/owner_spec.rb", "dir:spec/:test"},
		{"web/__tests__/x.js", "dir:web/__tests__/:test"},
		{"pkg/testdata/x.go", "dir:pkg/testdata/:test"},
		{"src/main/java/com/acme/test/Fixtures.java", ""}, // a package named test
		{"src/main/java/com/acme/spec/Spec.java", ""},

		// Test files.
		{"src/main/java/com/acme/OwnerTest.java", "file:test"},
		{"a/OwnerTests.java", "file:test"},
		{"a/OwnerIT.java", "file:test"},
		{"a/OwnerTestCase.java", "file:test"},
		{"a/IT.java", ""},
		{"a/Test.java", ""},
		{"a/owner_test.go", "file:test"},
		{"a/test_owner.py", "file:test"},
		{"a/owner_test.py", "file:test"},
		{"a/conftest.py", "file:test"},
		{"a/tests.py", "file:test"},
		{"a/testing.py", ""},
		{"a/owner_spec.rb", "file:test"},
		{"a/owner.test.ts", "file:test"},
		{"a/owner.spec.ts", "file:test"},
		{"a/owner.test.js", "file:test"},
		{"a/owner.spec.js", "file:test"},
		{"a/OwnerTests.cs", "file:test"},
		{"a/OwnerTest.cs", "file:test"},
		{"a/OwnerTest.php", "file:test"},
		{"a/OwnerSpec.groovy", "file:test"},
		{"a/Protest.java", ""},

		// Outermost rule wins.
		{"build/test/X.java", "dir:build/:build-output"},
		{"test/vendor/x.go", "dir:test/:test"},
	}
	for _, tt := range tests {
		if got := decide(r, tt.path); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestRulesOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		path string
		want string
	}{
		{"tests on: tree", Options{Tests: true}, "src/test/java/ATest.java", ""},
		{"tests on: file", Options{Tests: true}, "a/a_test.go", ""},
		{"tests on: defaults still apply", Options{Tests: true}, "vendor/a_test.go", "dir:vendor/:vendored"},
		{"no defaults: vendor", Options{NoDefaultExcludes: true}, "vendor/x.go", ""},
		{"no defaults: minified", Options{NoDefaultExcludes: true}, "a.min.js", ""},
		{"no defaults: tests still skipped", Options{NoDefaultExcludes: true}, "vendor/x_test.go", "file:test"},
		{"no defaults and tests", Options{NoDefaultExcludes: true, Tests: true}, "node_modules/test/x_test.go", ""},

		{"include a vendored subtree", Options{Include: []string{"vendor/acme/**"}}, "vendor/acme/x.go", ""},
		{"include leaves the rest", Options{Include: []string{"vendor/acme/**"}}, "vendor/other/x.go", "dir:vendor/:vendored"},
		{"include a directory", Options{Include: []string{"build"}}, "build/gen/X.java", ""},
		{"include overrides a file rule", Options{Include: []string{"**/*.min.js"}}, "a/b.min.js", ""},
		{"include overrides tests", Options{Include: []string{"src/test/**"}}, "src/test/java/ATest.java", ""},
		{"include overrides nested rules", Options{Include: []string{"vendor/**"}}, "vendor/x/node_modules/y/test/z_test.go", ""},
		{"include loses to exclude", Options{Include: []string{"vendor/**"}, Exclude: []string{"vendor/legacy/**"}}, "vendor/legacy/x.go", "dir:vendor/legacy/:excluded"},
		{"include loses to an exclude on the file", Options{Include: []string{"vendor/**"}, Exclude: []string{"**/*.pb.go"}}, "vendor/x.pb.go", "file:excluded"},

		{"exclude a tree", Options{Exclude: []string{"**/legacy/**"}}, "a/legacy/b/c.go", "dir:a/legacy/:excluded"},
		{"exclude a directory by name", Options{Exclude: []string{"docs"}}, "docs/x.go", "dir:docs/:excluded"},
		{"exclude files", Options{Exclude: []string{"**/*_pb.go"}}, "api/x_pb.go", "file:excluded"},
		{"exclude is anchored", Options{Exclude: []string{"*.go"}}, "a/x.go", ""},
		{"exclude at the root", Options{Exclude: []string{"*.go"}}, "x.go", "file:excluded"},
		{"outer default beats inner exclude", Options{Exclude: []string{"vendor/legacy/**"}}, "vendor/legacy/x.go", "dir:vendor/:vendored"},
		{"outer exclude beats inner default", Options{Exclude: []string{"legacy"}}, "legacy/vendor/x.go", "dir:legacy/:excluded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := newRules(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := decide(r, tt.path); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// TestRulesDirAgreesWithFile checks that pruning a directory in the tree
// walk never loses a file that the per-file rules would list, and that
// the skip recorded for a pruned directory is the one its files get.
func TestRulesDirAgreesWithFile(t *testing.T) {
	paths := []string{
		"a.go", "vendor/acme/x.go", "vendor/other/y.go", "vendor/legacy/z.go",
		"build/gen/X.java", "src/test/java/ATest.java", "src/main/java/com/acme/vendor/V.java",
		"legacy/vendor/x.go", "node_modules/p/test/t.js", "docs/a/b.md", "m/target/x/T.java",
		"x/legacy/y/z.go", "test/vendor/q.go",
	}
	optsList := []Options{
		{},
		{Tests: true},
		{NoDefaultExcludes: true},
		{Include: []string{"vendor/acme/**"}},
		{Include: []string{"vendor/**"}, Exclude: []string{"vendor/legacy/**"}},
		{Include: []string{"build"}, Exclude: []string{"docs", "**/legacy/**"}},
		{Include: []string{"**/test/**"}},
	}
	for i, opts := range optsList {
		r, err := newRules(opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			fd := r.file(p)
			segs := strings.Split(p, "/")
			for n := 1; n < len(segs); n++ {
				dir := strings.Join(segs[:n], "/")
				dd, prune := r.dir(dir)
				if !prune {
					continue
				}
				if !fd.skipped || !fd.dir {
					t.Errorf("options %d: pruning %s loses %s (%+v)", i, dir, p, fd)
				} else if fd.dir && fd.skip != dd.skip && dd.skip.Reason != ReasonExcluded {
					t.Errorf("options %d: %s: pruned as %v, file rule says %v", i, p, dd.skip, fd.skip)
				}
				break
			}
		}
	}
}

func TestRulesBadPattern(t *testing.T) {
	for _, opts := range []Options{
		{Exclude: []string{"ok/**", "bad/["}},
		{Include: []string{"["}},
		{Exclude: []string{""}},
	} {
		if _, err := newRules(opts); err == nil {
			t.Errorf("newRules(%+v): no error", opts)
		}
	}
}
