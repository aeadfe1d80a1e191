package lending

// The SQL of the loan store.
const (
	loanColumns  = "id, book_id, member_id, due, status"
	selectLoan   = "SELECT " + loanColumns + " FROM loans WHERE id = $1"
	overdueLoans = `SELECT l.id, l.book_id FROM loans l
		JOIN library_members m ON m.id = l.member_id
		WHERE l.due < now() AND l.status = 'open'`
)
