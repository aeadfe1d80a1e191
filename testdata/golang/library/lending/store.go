package lending

import (
	"github.com/jmoiron/sqlx"
)

// LoanStore keeps loans with sqlx.
type LoanStore struct {
	db *sqlx.DB
}

// NewLoanStore returns a store on db.
func NewLoanStore(db *sqlx.DB) *LoanStore { return &LoanStore{db: db} }

// Get reads a loan.
func (s *LoanStore) Get(id int64) (Loan, error) {
	var l Loan
	err := s.db.Get(&l, selectLoan, id)
	return l, err
}

// Insert writes a loan.
func (s *LoanStore) Insert(l Loan) error {
	_, err := s.db.NamedExec(`INSERT INTO loans (book_id, member_id, due, status)
		VALUES (:book_id, :member_id, :due, :status)`, l)
	return err
}

// Overdue lists the late loans.
func (s *LoanStore) Overdue() ([]Loan, error) {
	var out []Loan
	err := s.db.Select(&out, overdueLoans)
	return out, err
}

// Close marks a loan returned.
func (s *LoanStore) Close(id int64) error {
	q := "UPDATE loans SET status = 'returned'"
	q += " WHERE id = $1"
	_, err := s.db.Exec(q, id)
	return err
}
