// Package fail classifies the errors seams reports, so that every error
// tells its reader who can fix it and what to do next.
//
// There are four kinds:
//
//   - Retryable: a passing condition (a lock held by another run, a busy
//     database); running again later may succeed.
//   - User: the input or the command line is wrong (a missing path, a bad
//     flag value, a malformed seams.yaml); the user can fix it.
//   - Operator: the environment is wrong (no git on PATH, an unwritable
//     output directory, a full disk, an unreachable store); whoever runs
//     the machine can fix it.
//   - Fatal: a bug in seams; nobody can fix it but its developers.
//
// An error that was never classified is Fatal: classify errors where the
// cause is known, at the stage that knows it.
package fail

import (
	"errors"
	"fmt"
)

// Kind says who can fix an error.
type Kind int

// The kinds of error.
const (
	Fatal Kind = iota
	Retryable
	User
	Operator
)

func (k Kind) String() string {
	switch k {
	case Retryable:
		return "retryable"
	case User:
		return "fix the input"
	case Operator:
		return "fix the environment"
	}
	return "fatal: a bug in seams"
}

// Error is a classified error with the next step to take.
type Error struct {
	Kind Kind
	Err  error
	// Next says what to do, in one line.
	Next string
}

func (e *Error) Error() string { return e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// New classifies err. A nil err stays nil.
func New(kind Kind, err error, next string) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: kind, Err: err, Next: next}
}

// Userf returns a User error with a formatted message.
func Userf(next, format string, args ...any) error {
	return &Error{Kind: User, Err: fmt.Errorf(format, args...), Next: next}
}

// Operatorf returns an Operator error with a formatted message.
func Operatorf(next, format string, args ...any) error {
	return &Error{Kind: Operator, Err: fmt.Errorf(format, args...), Next: next}
}

// KindOf returns the kind of the outermost classified error in err's chain;
// Fatal when there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Fatal
}

// NextOf returns the next step of the outermost classified error in err's
// chain, or a default for the kind.
func NextOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Next != "" {
		return e.Next
	}
	switch KindOf(err) {
	case Retryable:
		return "run the command again"
	case User:
		return "check the command line; seams help explains every flag"
	case Operator:
		return "check that the machine has what seams needs (git on PATH, a writable output directory)"
	}
	return "please report this with the command you ran"
}
