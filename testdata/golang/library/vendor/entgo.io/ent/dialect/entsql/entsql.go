// Package entsql is a stand-in for entgo.io/ent/dialect/entsql.
package entsql

// Annotation sets a schema's SQL options.
type Annotation struct {
	Table string
}

// Name names the annotation.
func (Annotation) Name() string { return "EntSQL" }
