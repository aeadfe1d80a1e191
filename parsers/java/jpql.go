package java

import (
	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/parsers/mapping"
)

// jpqlRefs emits the entity accesses of a JPQL or HQL statement (see
// mapping.JPQLEntities for what is read).
func (e *extractor) jpqlRefs(q string, from, method, line int, via string, guess bool) {
	for _, x := range mapping.JPQLEntities(q) {
		e.f.Data = append(e.f.Data, facts.DataRef{Kind: x.Kind, Entity: x.Name, From: from, Method: method, Routine: -1, Line: line, Guess: guess, Via: via})
	}
}
