package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressDrawsOnlyWhenInteractive(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false)
	p.stage("parsing")
	p.update(10, 10)
	p.done()
	if buf.Len() != 0 {
		t.Errorf("non-interactive progress wrote %q", buf.String())
	}

	p = newProgress(&buf, true)
	p.stage("parsing")
	p.update(5, 10) // drawn: the first update
	p.update(6, 10) // not drawn: too soon after the last
	p.update(10, 10)
	p.done()
	out := buf.String()
	for _, want := range []string{"parsing…", "parsing [===============               ] 5/10", "10/10", "\r\x1b[K"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output lacks %q: %q", want, out)
		}
	}
	if strings.Contains(out, "6/10") {
		t.Errorf("progress redrew within 100ms: %q", out)
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("done did not clear the line: %q", out)
	}
}

func TestTimings(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(nil, false)
	p.stage("listing files")
	p.stage("parsing")
	p.timings(&buf)
	if got := buf.String(); !strings.HasPrefix(got, "timings: listing files ") || !strings.Contains(got, ", parsing ") || !strings.Contains(got, ", total ") {
		t.Errorf("timings: %q", got)
	}
}
