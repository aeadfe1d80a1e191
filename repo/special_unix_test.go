//go:build unix

package repo

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestListFifo(t *testing.T) {
	for _, mode := range []string{"walk", "git"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "git" {
				needGit(t)
			}
			root := setup(t, mode == "git", tree{"a.go": "x"})
			for _, name := range []string{"pipe.go", "pipe.png"} {
				if err := syscall.Mkfifo(filepath.Join(root, name), 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
			}
			// Opening a fifo would block: List must not.
			want := []string{"pipe.go not-regular"}
			if mode == "git" {
				want = nil // git does not list fifos
			}
			check(t, list(t, root, Options{Match: ext(".go")}), []string{"a.go"}, want)
		})
	}
}
