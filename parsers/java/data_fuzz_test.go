package java

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzData parses arbitrary Java source: the data side of the extractor
// must never panic on whatever tree tree-sitter recovers.
//
//	go test ./parsers/java -run X -fuzz FuzzData -fuzztime 60s
func FuzzData(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(dataCorpus, "src/main/java/com/acme/data/*/*.java"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4096 {
			f.Add(b)
		}
	}
	f.Add([]byte(`class A { void f(Statement s) { StringBuilder b = new StringBuilder(1); b.append("SELECT * FROM t"); if (x) b.append(" JOIN u"); s.execute(b.toString() + X.Y + String.format("%s%", 1)); } }`))
	p, err := NewParser()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := p.Parse(context.Background(), "F.java", src); err != nil {
			t.Fatal(err)
		}
	})
}
