package compare

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readTestdata(t *testing.T, name string) *Reference {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := ReadReference(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func mustRead(t *testing.T, text, name string) *Reference {
	t.Helper()
	ref, err := ReadReference(strings.NewReader(text), name)
	if err != nil {
		t.Fatalf("ReadReference(%s): %v", name, err)
	}
	return ref
}

func TestReadReferenceTSV(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	if ref.Format != FormatTSV {
		t.Errorf("Format = %q, want tsv", ref.Format)
	}
	if ref.Name != "shop.tsv" {
		t.Errorf("Name = %q", ref.Name)
	}
	if want := "0123456789abcdef0123456789abcdef01234567"; ref.Snapshot != want {
		t.Errorf("Snapshot = %q, want %q", ref.Snapshot, want)
	}
	if len(ref.Comments) != 3 || ref.Comments[2] != "confidence: high" {
		t.Errorf("Comments = %q", ref.Comments)
	}
	if len(ref.Rules) != 8 {
		t.Errorf("got %d rules, want 8: %v", len(ref.Rules), ref.Rules)
	}
	if r := ref.Rules[0]; r != (Rule{Prefix: "src/shop/catalog/", Context: "catalog", Line: 5}) {
		t.Errorf("Rules[0] = %+v", r)
	}
	wantTables := map[string]string{"products": "catalog", "orders": "order"}
	if !reflect.DeepEqual(ref.Tables, wantTables) {
		t.Errorf("Tables = %v, want %v", ref.Tables, wantTables)
	}
	if ref.Members != nil || ref.Objects() != nil {
		t.Errorf("a TSV reference has no members or objects")
	}
}

func TestReadReferenceRSF(t *testing.T) {
	ref := readTestdata(t, "shop.rsf")
	if ref.Format != FormatRSF {
		t.Errorf("Format = %q, want rsf", ref.Format)
	}
	if ref.Snapshot != "" {
		t.Errorf("Snapshot = %q, want none", ref.Snapshot)
	}
	if len(ref.Members) != 12 {
		t.Errorf("got %d members, want 12 (the depends line is ignored)", len(ref.Members))
	}
	wantObjects := []string{"BaseEntity", "Cart", "CartItem", "CatalogController", "Category", "HealthCheck", "Order", "OrderService", "Payment", "Product"}
	if got := ref.Objects(); !reflect.DeepEqual(got, wantObjects) {
		t.Errorf("Objects() = %q, want %q", got, wantObjects)
	}
	if got, want := ref.Contexts("BaseEntity"), []string{"catalog", "cart", "order"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Contexts(BaseEntity) = %q, want %q", got, want)
	}
	if ctx, ok := ref.ContextOf("BaseEntity"); !ok || ctx != "catalog" {
		t.Errorf("ContextOf(BaseEntity) = %q, %v; want the first, catalog", ctx, ok)
	}
	if ctx, _ := ref.ContextOf("Payment"); ctx != "payment" {
		t.Errorf("ContextOf(Payment) = %q, want the quotes stripped", ctx)
	}
	if ctx, ok := ref.ContextOf("Unknown"); ok {
		t.Errorf("ContextOf(Unknown) = %q, true; want not found", ctx)
	}
}

func TestReadReferenceDetectsByContent(t *testing.T) {
	for _, tc := range []struct {
		name, text, format string
	}{
		{"ref.txt", "contain a X\n", FormatRSF},
		{"ref.rsf", "# comment\npath_prefix\tcontext\nsrc/\ta\n", FormatTSV},
		{"ref", "\n  \n# c\ncontain a X\r\ncontain b Y\r\n", FormatRSF},
		{"ref.tsv", "path_prefix\tcontext\r\nsrc/\ta\r\n", FormatTSV},
		{"ref.rsf", "CONTAIN a X\n", FormatRSF},
	} {
		ref := mustRead(t, tc.text, tc.name)
		if ref.Format != tc.format {
			t.Errorf("%s %q: Format = %q, want %q", tc.name, tc.text, ref.Format, tc.format)
		}
	}
}

func TestReadReferenceCRLF(t *testing.T) {
	ref := mustRead(t, "# snapshot: abcdef1\r\npath_prefix\tcontext\r\nsrc/a/\ta\r\n", "crlf.tsv")
	if ref.Snapshot != "abcdef1" {
		t.Errorf("Snapshot = %q", ref.Snapshot)
	}
	if ctx, _ := ref.ContextOf("src/a/X.java"); ctx != "a" {
		t.Errorf("context %q, want a (no stray carriage return)", ctx)
	}
}

func TestReadReferenceErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"empty.tsv", "", "is empty"},
		{"comments.tsv", "# only\n# comments\n", "is empty"},
		{"noheader.tsv", "src/\ta\n", "unknown reference format"},
		{"fields.tsv", "path_prefix\tcontext\nsrc/\ta\tb\n", "fields.tsv:2: want two tab-separated fields"},
		{"spaces.tsv", "path_prefix\tcontext\nsrc/ a\n", "spaces.tsv:2: want two tab-separated fields"},
		{"emptyctx.tsv", "path_prefix\tcontext\nsrc/\t\n", "empty path prefix or context"},
		{"dup.tsv", "path_prefix\tcontext\nsrc/\ta\nsrc/\tb\n", `dup.tsv:3: prefix "src/" mapped to "b" here and to "a" on line 2`},
		{"table.tsv", "path_prefix\tcontext\ntable:t\ta\ntable:t\tb\n", `table "t" mapped to both`},
		{"rows.tsv", "path_prefix\tcontext\n# nothing\n", "header but no rows"},
		{"short.rsf", "contain a X\ncontain b\n", "short.rsf:2: want three fields"},
		{"norel.rsf", "depends X Y\n", "no contain lines"},
	} {
		_, err := ReadReference(strings.NewReader(tc.text), tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

func TestReadReferenceDuplicates(t *testing.T) {
	tsv := mustRead(t, "path_prefix\tcontext\nsrc/\ta\nsrc/\ta\ntable:t\tx\ntable:t\tx\n", "dup.tsv")
	if len(tsv.Rules) != 1 || len(tsv.Tables) != 1 {
		t.Errorf("repeated identical rows kept: %v %v", tsv.Rules, tsv.Tables)
	}
	rsf := mustRead(t, "contain a X\ncontain a X\ncontain b X\n", "dup.rsf")
	if len(rsf.Members) != 2 {
		t.Errorf("repeated identical lines kept: %v", rsf.Members)
	}
}

func TestSnapshot(t *testing.T) {
	for _, tc := range []struct{ comment, want string }{
		{"# snapshot: 98d7004b5aef366ba5d661ae0cb544af1cfd33f1 (commit date 2022-05-25)", "98d7004b5aef366ba5d661ae0cb544af1cfd33f1"},
		{"# snapshot: eff1788 (branch main-packwerk)", "eff1788"},
		{"#snapshot:abcdef0", "abcdef0"},
		{"# snapshot: main", ""},
		{"# snapshot:", ""},
		{"# the snapshot: abcdef0", ""},
	} {
		ref := mustRead(t, tc.comment+"\npath_prefix\tcontext\nsrc/\ta\n", "snap.tsv")
		if ref.Snapshot != tc.want {
			t.Errorf("%q: Snapshot = %q, want %q", tc.comment, ref.Snapshot, tc.want)
		}
	}
	two := mustRead(t, "# snapshot: 1111111\n# snapshot: 2222222\ncontain a X\n", "two.rsf")
	if two.Snapshot != "1111111" {
		t.Errorf("Snapshot = %q, want the first", two.Snapshot)
	}
}

func TestContextOfLongestPrefix(t *testing.T) {
	ref := readTestdata(t, "shop.tsv")
	for _, tc := range []struct {
		object, want string
		ok           bool
	}{
		{"src/shop/catalog/Product.java", "catalog", true},
		{"src/shop/catalog/CartView.java", "cart", true},        // a longer file rule beats its directory
		{"src/shop/catalog/sub/Deep.java", "catalog", true},     // prefixes cover subdirectories
		{"src/shop/order/Order.java", "order", true},            //
		{"src/shop/order/PaymentService.java", "payment", true}, // prefixes are plain strings, not segments
		{"src/shop/order/Pay", "payment", true},                 // a prefix matches itself
		{"src/shop/orderly/X.java", "", false},                  // "src/shop/order/" needs the slash
		{"src/shop/common/Money.java", SharedContext, true},
		{"src/shop/App.java", SharedContext, true},
		{"src/test/ShopTest.java", ExcludeContext, true},
		{"README.md", "", false},
		{"table:orders", "order", true},
		{"table:unknown", "", false},
	} {
		got, ok := ref.ContextOf(tc.object)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ContextOf(%q) = %q, %v; want %q, %v", tc.object, got, ok, tc.want, tc.ok)
		}
	}
}

func TestHandBuiltReference(t *testing.T) {
	// A Reference built in code, without ReadReference, still answers.
	ref := &Reference{Format: FormatRSF, Members: []Member{
		{Context: "a", Object: "X"}, {Context: "b", Object: "X"}, {Context: "a", Object: "X"},
	}}
	if got := ref.Contexts("X"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Contexts(X) = %q", got)
	}
	tsv := &Reference{Format: FormatTSV, Rules: []Rule{{Prefix: "a/", Context: "x"}, {Prefix: "a/b/", Context: "y"}}}
	if got, _ := tsv.ContextOf("a/b/c"); got != "y" {
		t.Errorf("ContextOf(a/b/c) = %q, want y", got)
	}
}

func FuzzReadReference(f *testing.F) {
	for _, name := range []string{"shop.tsv", "shop.rsf"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("contain a X\n")
	f.Fuzz(func(t *testing.T, text string) {
		ref, err := ReadReference(strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		// Whatever parses can be scored without panicking.
		p := Partition{}
		for _, o := range ref.Objects() {
			p[o] = "c"
		}
		for _, r := range ref.Rules {
			p[r.Prefix] = r.Context
		}
		s := Score(p, ref, Options{})
		if s.MoJoFM < 0 || s.MoJoFM > 100 {
			t.Errorf("MoJoFM %v out of range", s.MoJoFM)
		}
	})
}
