// Package lending is the loans of books to members.
package lending

import (
	"time"

	"example.com/library/shared"
)

// Status is where a loan stands.
type Status string

// The statuses.
const (
	Open     Status = "open"
	Returned Status = "returned"
)

// Loan is a book lent to a member.
type Loan struct {
	shared.Entity
	BookID   int64     `db:"book_id"`
	MemberID int64     `db:"member_id"`
	Due      time.Time `db:"due"`
	Status   Status    `db:"status"`
}

// Overdue reports whether the loan is late at t.
func (l Loan) Overdue(t time.Time) bool { return l.Status == Open && t.After(l.Due) }
