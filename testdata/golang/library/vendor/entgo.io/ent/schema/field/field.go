// Package field is a stand-in for entgo.io/ent/schema/field.
package field

import "entgo.io/ent"

type desc struct{ name string }

func (d desc) Descriptor() string { return d.name }

// String declares a string field.
func String(name string) ent.Field { return desc{name} }

// Int declares an int field.
func Int(name string) ent.Field { return desc{name} }
