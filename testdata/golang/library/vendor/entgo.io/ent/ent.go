// Package ent is a stand-in for entgo.io/ent.
package ent

// Schema is embedded by every ent schema.
type Schema struct{}

// Field is a field of a schema.
type Field interface{ Descriptor() string }
