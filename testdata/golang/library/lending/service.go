package lending

import (
	"context"
	"time"

	"example.com/library/lending/ent"
	"example.com/library/shared"
)

// Service lends books.
type Service struct {
	store    *LoanStore
	catalog  Catalog
	notifier Notifier
	members  *ent.Client
	clock    shared.Clock
}

// NewService returns a lending service.
func NewService(store *LoanStore, c Catalog, n Notifier, members *ent.Client) *Service {
	return &Service{store: store, catalog: c, notifier: n, members: members, clock: shared.SystemClock{}}
}

// Borrow lends a book to a member for two weeks.
func (s *Service) Borrow(ctx context.Context, memberID, bookID int64) (Loan, error) {
	if _, err := s.members.Member.Get(ctx, memberID); err != nil {
		return Loan{}, shared.ErrNotFound
	}
	title, err := s.catalog.Title(bookID)
	if err != nil {
		return Loan{}, err
	}
	l := Loan{BookID: bookID, MemberID: memberID, Due: s.clock.Now().Add(14 * 24 * time.Hour), Status: Open}
	if err := s.store.Insert(l); err != nil {
		return Loan{}, err
	}
	return l, s.notifier.Notify(memberID, "you borrowed "+title)
}

// Reserve reserves a book for a member.
func (s *Service) Reserve(ctx context.Context, memberID, bookID int64) error {
	_, err := s.members.Reservation.Create().SetMemberID(memberID).SetBookID(bookID).Save(ctx)
	return err
}

// Return closes a loan.
func (s *Service) Return(id int64) error {
	return s.store.Close(id)
}
