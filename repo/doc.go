// Package repo lists the files of a repository worth analysing: the
// source files of the code base itself, without third-party, generated,
// build-output or test trees, and without anything that could make the
// listing hang, escape the tree, or run code from the repository.
//
// # Where the list comes from
//
// When the root, or a directory above it, is a git work tree, List asks
// git for the tracked files and the untracked files that .gitignore does
// not exclude ("git ls-files --stage" and "git ls-files --others
// --exclude-standard", run in the root, so paths come relative to it).
// The repository is untrusted: git runs with fsmonitor off, hooks
// pointed at the null device, every transport protocol disallowed and
// embedded bare repositories refused, so nothing its configuration names
// can be executed, and no command that fetches is ever run. Variables
// such as GIT_DIR that would point git at another repository are removed
// from its environment. Listing.Commit is HEAD's commit, or "" before the
// first commit, and Listing.CommitTime its committer time. The four git
// commands (the two listings, HEAD, and whether the root is in a work
// tree at all) run at once, and the tracked files are examined on disk
// while git still walks the tree for untracked ones, the slowest part.
// What Lstat said of each file is kept (Listing.FileInfo) for callers
// that keep files by their metadata.
//
// Files git lists that are gone from disk (deleted but still in the
// index, or behind a directory since replaced by a symlink) are dropped
// silently. Submodules and nested repositories are not listed into: each
// is recorded as a ReasonSubmodule skip and named in a warning.
//
// Without git, or when git refuses the repository (for instance because
// another user owns it: git's "dubious ownership" check), List walks the
// directory tree instead, skipping .git, .hg, .svn, .bzr and CVS
// directories, and says so in Listing.Warnings together with what to do.
// .gitignore is not applied on that path, which is why the default rules
// below matter most there.
//
// # Skipped paths
//
// Rules are checked from the root down, and the outermost one wins: a
// directory on the path that an Exclude pattern selects, then one that a
// default rule skips, then the file itself. A directory skipped whole is
// recorded once, as its path with a trailing slash ("node_modules/"),
// whatever Match says of the files inside; the tree walk does not even
// enter it, which is what keeps a listing with a large node_modules fast.
// A single file is recorded only when Match accepts its path, so that
// images and the like do not fill Listing.Skipped. As a consequence the
// two sources differ in one respect: the walk records a skipped
// directory that exists, even if empty, while with git it is recorded
// only when git lists a file in it.
//
// The default directory rules match one path segment, case-sensitively:
//
//	vendored      node_modules bower_components jspm_packages .venv venv
//	              site-packages, and browser libraries copied whole
//	              (ckeditor codemirror tinymce tiny_mce ace-builds
//	              mathjax MathJax); vendor when not inside src
//	build-output  bin obj __pycache__ .next .nuxt; target build dist out
//	              when not inside src
//	generated     generated generated-sources generated-test-sources
//	tooling       .idea .vscode .vs .settings .gradle .mvn .tox .nox
//	              .mypy_cache .pytest_cache .terraform .sass-cache .angular
//	              .parcel-cache .yarn .history .metadata .eggs
//	              .ipynb_checkpoints
//
// "Inside src" means that some ancestor directory is named src. Names
// such as vendor, build or target are also plausible Java packages or C#
// namespaces (com/acme/vendor/Vendor.java in an ERP), and build tools put
// their output next to src, not in it; so those names count only above
// src. A .NET project keeps bin and obj inside src/Project/, so those
// count everywhere, at the cost of a Java package named bin. The default
// file rule skips minified or bundled files: *.min.js, *.min.css,
// *.bundle.js. NoDefaultExcludes turns all of these off.
//
// # Tests
//
// Unless Options.Tests is set, test code is skipped with ReasonTest:
//
//   - directories __tests__, __mocks__ and testdata anywhere; test, tests
//     and spec when not inside src (a Java package may be named test);
//   - the Maven and Gradle test source sets: test, tests, it,
//     integration-test, integrationTest, intTest, testFixtures,
//     functionalTest and androidTest directly inside a src directory
//     (src/test/java/..., module/src/it/...);
//   - files named *Test.java *Tests.java *TestCase.java *IT.java
//     *ITCase.java *Test.kt *Tests.kt *Test.groovy *Spec.groovy
//     *Test.scala *Spec.scala *Suite.scala *_test.go test_*.py *_test.py
//     conftest.py tests.py *_spec.rb *_test.rb *.test.js *.spec.js
//     *.test.jsx *.spec.jsx *.test.mjs *.spec.mjs *.test.cjs *.spec.cjs
//     *.test.ts *.spec.ts *.test.tsx *.spec.tsx *Test.cs *Tests.cs
//     *Test.php, where the * is not empty (a class named IT is not a
//     test).
//
// The list is deliberately conservative: a directory named testing, or
// a test helper in src/main, is analysed as ordinary code.
//
// # Overrides and other rules
//
// Options.Include forces a path in against every default rule above,
// tests included. It never overrides Options.Exclude, Match, the size
// limit (ReasonTooLarge, 1 MiB unless Options.MaxFileSize says
// otherwise), or the rules that follow from what a path is on disk:
// symbolic links are never followed, in either mode, and are recorded
// with ReasonSymlink (so link loops and links out of the tree are
// harmless), and sockets, fifos and devices with ReasonNotRegular. A
// file or directory that cannot be examined is recorded with
// ReasonUnreadable rather than failing the listing.
//
// Patterns in Exclude and Include are slash paths anchored at the root.
// "*", "?" and "[...]" match within one segment, as in path.Match, and a
// "**" segment matches any number of segments, including none. A pattern
// selects the paths it matches and everything inside them: "legacy",
// "legacy/**" and "legacy/*.java" all select legacy/A.java, and
// "**/*.java" selects every Java file while "*.java" selects only those
// at the root.
//
// # Contents
//
// List reads no file contents; it only reads directories and calls
// Lstat, in parallel. Binary and generated files are recognised later,
// by Sniff, on the first bytes the parser driver reads anyway.
package repo
