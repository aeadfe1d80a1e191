package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// streams are the standard streams a command writes to, handed in so that
// tests can run commands in-process.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
	// Interactive is true when both stdout and stderr are terminals:
	// progress bars are drawn (on stderr) only then.
	Interactive bool
}

func systemIO() streams {
	return streams{
		In:          os.Stdin,
		Out:         os.Stdout,
		Err:         os.Stderr,
		Interactive: term.IsTerminal(int(os.Stdout.Fd())) && term.IsTerminal(int(os.Stderr.Fd())),
	}
}
