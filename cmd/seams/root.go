package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/seams-dev/seams/fail"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command failed; stderr says why and what to do
	exitUsage = 2 // the command line was wrong
)

// version is the seams version, written into every result.
const version = "0.1.0"

// run runs the command line args and returns the exit code.
func run(args []string, io streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var usage *usageError
	if strings.HasPrefix(err.Error(), "unknown command") {
		usage = &usageError{err} // cobra's, for a mistyped command
	}
	if usage != nil || errors.As(err, &usage) {
		fmt.Fprintf(io.Err, "seams: %v\n  run 'seams help' for usage\n", usage.err)
		return exitUsage
	}
	var breach *breachError
	if errors.As(err, &breach) {
		return exitBreach // the violations are on stdout already
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(io.Err, "seams: interrupted; nothing was written\n")
		return exitError
	}
	fmt.Fprintf(io.Err, "seams: error [%s]: %v\n  next: %s\n", fail.KindOf(err), err, fail.NextOf(err))
	return exitError
}

// usageError is a command line cobra or a command rejected.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }

func newRootCmd(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "seams",
		Short: "Find the seams of a monolith",
		Long: `seams reads a repository's code, builds the graphs of what depends on
what, and proposes bounded-context service candidates with coupling scores.

It never runs, builds or downloads anything from the repository it reads.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.AddCommand(newAnalyzeCmd(io), newPlanCmd(io), newInitCmd(io), newScoreCmd(io), newVersionCmd(io))
	root.AddCommand(newGraphCmd(io))
	root.AddCommand(newTrendCmd(io), newDiffCmd(io), newCheckCmd(io))
	return root
}

// usageArgs wraps a cobra argument check so that its failure is a usage
// error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err}
		}
		return nil
	}
}
