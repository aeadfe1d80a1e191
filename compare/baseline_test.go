package compare

import (
	"reflect"
	"testing"
)

func TestDirectoryBaseline(t *testing.T) {
	got := DirectoryBaseline([]string{"src/a/X.java", "src/a/Y.java", "src/b/Z.java", "build.gradle", "Owner"})
	want := Partition{
		"src/a/X.java": "src/a",
		"src/a/Y.java": "src/a",
		"src/b/Z.java": "src/b",
		"build.gradle": ".",
		"Owner":        ".",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTopLevelBaseline(t *testing.T) {
	const root = "src/main/java/org/shop/"
	for _, tc := range []struct {
		name    string
		objects []string
		depth   int
		want    Partition
	}{
		{"empty", nil, 1, Partition{}},
		{"one object", []string{"a/b/C.java"}, 1, Partition{"a/b/C.java": "a/b"}},
		{
			"packages below the common root",
			[]string{root + "cart/Cart.java", root + "cart/web/CartController.java", root + "order/Order.java", root + "App.java"},
			1,
			Partition{
				root + "cart/Cart.java":               root + "cart",
				root + "cart/web/CartController.java": root + "cart",
				root + "order/Order.java":             root + "order",
				root + "App.java":                     "src/main/java/org/shop",
			},
		},
		{
			"depth 2",
			[]string{root + "cart/Cart.java", root + "cart/web/CartController.java", root + "order/Order.java"},
			2,
			Partition{
				root + "cart/Cart.java":               root + "cart",
				root + "cart/web/CartController.java": root + "cart/web",
				root + "order/Order.java":             root + "order",
			},
		},
		{
			"depth below 1 counts as 1",
			[]string{"x/a/A.go", "x/b/B.go"},
			0,
			Partition{"x/a/A.go": "x/a", "x/b/B.go": "x/b"},
		},
		{
			"several source roots",
			[]string{"src/main/java/a/A.java", "src/main/resources/a/A.xml", "src/main/webapp/a.jsp"},
			1,
			Partition{
				"src/main/java/a/A.java":     "src/main/java",
				"src/main/resources/a/A.xml": "src/main/resources",
				"src/main/webapp/a.jsp":      "src/main/webapp",
			},
		},
		{
			"files at the repository root",
			[]string{"main.go", "cmd/x/main.go", "internal/y/y.go"},
			1,
			Partition{"main.go": ".", "cmd/x/main.go": "cmd", "internal/y/y.go": "internal"},
		},
		{
			"a directory name that prefixes another is not shared",
			[]string{"app/order/A.rb", "app/orders/B.rb"},
			1,
			Partition{"app/order/A.rb": "app/order", "app/orders/B.rb": "app/orders"},
		},
		{"class names", []string{"Owner", "Vet"}, 1, Partition{"Owner": ".", "Vet": "."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TopLevelBaseline(tc.objects, tc.depth); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestClassPartition(t *testing.T) {
	files := map[string][]string{
		"owner/Owner.java":   {"Owner", "Owner.Builder"},
		"owner/Pet.java":     {"Pet"},
		"vet/Vet.java":       {"Vet"},
		"owner/Util.java":    {"Util"}, // Util in two clusters: left out
		"vet/Util.java":      {"Util"},
		"owner/Format.java":  {"Format"}, // Format twice in one cluster: kept
		"owner/Format2.java": {"Format"},
		"other/Loose.java":   {"Loose"}, // the proposal does not place this file
	}
	p := Partition{
		"owner/Owner.java":   "customers",
		"owner/Pet.java":     "customers",
		"vet/Vet.java":       "vets",
		"owner/Util.java":    "customers",
		"vet/Util.java":      "vets",
		"owner/Format.java":  "customers",
		"owner/Format2.java": "customers",
		"owner/Gone.java":    "customers", // no classes known
	}
	want := Partition{
		"Owner":         "customers",
		"Owner.Builder": "customers",
		"Pet":           "customers",
		"Vet":           "vets",
		"Format":        "customers",
	}
	if got := ClassPartition(files, p); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestClassPartitionScoresAgainstRSF(t *testing.T) {
	ref := readTestdata(t, "shop.rsf")
	files := map[string][]string{
		"catalog/Product.java":  {"Product"},
		"catalog/Category.java": {"Category"},
		"cart/Cart.java":        {"Cart", "CartItem"},
	}
	p := Partition{"catalog/Product.java": "x", "catalog/Category.java": "x", "cart/Cart.java": "y"}
	s := Score(ClassPartition(files, p), ref, Options{})
	if s.Objects != 4 || s.MoJoFM != 100 {
		t.Errorf("got %+v; want the four classes scored, all placed right", s)
	}
}
