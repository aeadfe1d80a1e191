package analyzer

import "strings"

// Package names are dotted in Java, C#, Kotlin and PHP
// ("org.acme.billing"), paths in Go, Python, Ruby and TypeScript
// ("github.com/acme/shop/billing", "saleor/account"). The naming and
// folding of candidates work on their segments whatever the separator:
// packageSegments keeps each separator with the segment after it, so that
// segments compare exactly and joinSegments writes the name back as it
// was.

// packageSegments splits a package name at every "." and "/":
// "github.com/acme/shop" gives "github", ".com", "/acme", "/shop".
func packageSegments(name string) []string {
	var segs []string
	start := 0
	for i := 1; i < len(name); i++ {
		if name[i] == '.' || name[i] == '/' {
			segs = append(segs, name[start:i])
			start = i
		}
	}
	if start < len(name) {
		segs = append(segs, name[start:])
	}
	return segs
}

// joinSegments writes segments back as a name, without a leading
// separator: the rest of "github.com/acme/shop/billing" after the
// segments of "github.com/acme/shop" is "billing".
func joinSegments(segs []string) string {
	return strings.TrimLeft(strings.Join(segs, ""), "./")
}
