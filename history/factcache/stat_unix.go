//go:build unix

package factcache

import (
	"io/fs"
	"syscall"
)

func stampOf(fi fs.FileInfo) stamp {
	st := stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	if sys, ok := fi.Sys().(*syscall.Stat_t); ok {
		st.ino = uint64(sys.Ino)
		st.ctime = ctimeOf(sys)
	}
	return st
}
