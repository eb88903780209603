package cli

import (
	"fmt"
	"strings"
	"time"
)

// progress draws a one-line progress bar on a terminal and nothing otherwise, so logs and pipes
// stay clean.
type progress struct {
	e       env
	unit    string // what the total counts: "inputs", "documents"
	on      bool
	total   int
	inputs  int
	docs    int
	started time.Time
	drawn   time.Time
}

// minBatchForBar is the number of inputs below which a bar would only flicker.
const minBatchForBar = 20

func newProgress(e env, total int, unit string) *progress {
	return &progress{e: e, unit: unit, on: e.isTerminal(e.stderr) && total >= minBatchForBar, total: total, started: time.Now()}
}

func (p *progress) step()     { p.inputs++; p.draw(false) }
func (p *progress) document() { p.docs++ }

func (p *progress) draw(force bool) {
	if !p.on || (!force && time.Since(p.drawn) < 100*time.Millisecond) {
		return
	}
	p.drawn = time.Now()
	const width = 30
	filled := width * p.inputs / max(p.total, 1)
	rate := float64(p.docs) / max(time.Since(p.started).Seconds(), 0.001)
	fmt.Fprintf(p.e.stderr, "\r[%s%s] %d/%d %s, %d documents, %.0f docs/s ", strings.Repeat("#", filled),
		strings.Repeat(" ", width-filled), p.inputs, p.total, p.unit, p.docs, rate)
}

// clear erases the bar so that an error line starts at the left margin.
func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
}

func (p *progress) done() {
	if p.on {
		p.draw(true)
		fmt.Fprintln(p.e.stderr)
	}
}
