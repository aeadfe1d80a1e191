// Package schema is a stand-in for entgo.io/ent/schema.
package schema

// Annotation annotates a schema.
type Annotation interface{ Name() string }
