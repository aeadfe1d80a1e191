package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line progress bar on a terminal. It is safe for
// concurrent use. A progress with a nil writer draws nothing.
type progress struct {
	mu     sync.Mutex
	w      io.Writer
	label  string
	start  time.Time
	last   time.Time
	drawn  bool
	stages []stageTime // every stage, drawn or not, for --timings
}

type stageTime struct {
	label string
	start time.Time
}

func newProgress(w io.Writer, interactive bool) *progress {
	if !interactive {
		return &progress{}
	}
	return &progress{w: w}
}

// stage starts a new step with no count.
func (p *progress) stage(label string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stages = append(p.stages, stageTime{label, time.Now()})
	if p.w == nil {
		return
	}
	p.label, p.start, p.last = label, time.Now(), time.Time{}
	p.clearLocked()
	fmt.Fprintf(p.w, "%s…", label)
	p.drawn = true
}

// update shows done of total for the current stage, at most ten times a
// second.
func (p *progress) update(done, total int) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 30
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	eta := ""
	if done > 0 && done < total {
		left := time.Duration(float64(now.Sub(p.start)) * float64(total-done) / float64(done))
		eta = fmt.Sprintf("  about %s left", left.Round(time.Second))
	}
	p.clearLocked()
	fmt.Fprintf(p.w, "%s [%s%s] %d/%d%s", p.label, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, eta)
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
}

func (p *progress) clearLocked() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// timings writes how long each stage took, up to now.
func (p *progress) timings(w io.Writer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	var parts []string
	for i, s := range p.stages {
		end := now
		if i+1 < len(p.stages) {
			end = p.stages[i+1].start
		}
		parts = append(parts, fmt.Sprintf("%s %.2fs", s.label, end.Sub(s.start).Seconds()))
	}
	if len(p.stages) > 0 {
		parts = append(parts, fmt.Sprintf("total %.2fs", now.Sub(p.stages[0].start).Seconds()))
	}
	fmt.Fprintf(w, "timings: %s\n", strings.Join(parts, ", "))
}
