// Package schema holds the ent schemas of lending's members.
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
)

// Member is a library member (table library_members, by annotation).
type Member struct {
	ent.Schema
}

// Fields of a member.
func (Member) Fields() []ent.Field {
	return []ent.Field{field.String("name"), field.String("email")}
}

// Annotations of a member.
func (Member) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Annotation{Table: "library_members"}}
}
