package compare

import (
	"maps"
	"path"
	"slices"
	"strings"
)

// DirectoryBaseline returns the naive partition that puts each object in
// the cluster named by its directory (path.Dir). Objects with no
// directory, such as class names, all land in cluster ".".
func DirectoryBaseline(objects []string) Partition {
	p := Partition{}
	for _, o := range objects {
		p[o] = path.Dir(o)
	}
	return p
}

// TopLevelBaseline returns the partition with one cluster per top-level
// directory: it finds the longest directory prefix all objects share and
// groups each object by the first depth directories below it (depth < 1
// counts as 1). A cluster is named by its directory, so the clusters of
// src/main/java/a/X.java and src/main/java/b/Y.java at depth 1 are
// src/main/java/a and src/main/java/b. An object directly in the shared
// directory (or with fewer than depth directories below it) is grouped
// by its own directory; objects with no directory land in ".".
//
// Trees with several source roots (src/main/java next to
// src/main/resources) share only their common parent, so their top level
// is the roots themselves; raise depth to group by the directories below.
func TopLevelBaseline(objects []string, depth int) Partition {
	depth = max(depth, 1)
	dirs := make(map[string][]string, len(objects))
	var common []string
	for i, o := range objects {
		d := segments(path.Dir(o))
		dirs[o] = d
		if i == 0 {
			common = d
			continue
		}
		n := 0
		for n < len(common) && n < len(d) && common[n] == d[n] {
			n++
		}
		common = common[:n]
	}
	p := Partition{}
	for o, d := range dirs {
		k := min(len(d), len(common)+depth)
		p[o] = join(d[:k])
	}
	return p
}

func segments(dir string) []string {
	if dir == "." || dir == "/" || dir == "" {
		return nil
	}
	return strings.Split(strings.TrimPrefix(dir, "/"), "/")
}

func join(segs []string) string {
	if len(segs) == 0 {
		return "."
	}
	return strings.Join(segs, "/")
}

// ClassPartition turns a file-level proposal into a class-level one, to
// score it against a class-level reference: each class declared in a
// file takes the file's cluster. files maps a file to the class names it
// declares, spelled as the reference spells them (simple names for the
// RSF references). Files the proposal does not place are skipped. A name
// declared in files of different clusters is left out, since no single
// cluster stands for it; a scoring then counts it as missing.
func ClassPartition(files map[string][]string, p Partition) Partition {
	out := Partition{}
	conflict := map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		cluster, ok := p[f]
		if !ok {
			continue
		}
		for _, c := range files[f] {
			if old, seen := out[c]; seen && old != cluster {
				conflict[c] = true
			}
			out[c] = cluster
		}
	}
	for c := range conflict {
		delete(out, c)
	}
	return out
}
