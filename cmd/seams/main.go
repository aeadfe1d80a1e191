// Command seams finds the seams of a monolith: it reads the code of a
// repository, builds the graphs of what depends on what, and proposes
// service candidates with their coupling scores.
//
// See README.md for the commands, or run seams help.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], systemIO()))
}
