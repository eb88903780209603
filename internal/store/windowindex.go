package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
)

// WindowIndex holds the rows of incident_windows in memory, country by country, for a linker
// that places the mentions of many batches. In a store whose incidents crowd the windows as it
// grows, the R*Tree query of each mention's window, which reads every overlapping row's incident
// id from a table of its own, was the part of placing that grew most (0.07 ms a document at
// 0–10,000 documents, 0.3 ms at 90,000–100,000); a scan of a country's windows in memory finds
// the same incidents for a fraction of that.
//
// A country's windows are read once windows of it have been asked about readAfter times (before,
// the R*Tree answers: a single document added through the API should not read a country's
// thousands of windows for its one mention), and kept in step by the transactions the index is
// given to (Tx.KeepWindows): windows inserted or narrowed there change it, any other write to
// the windows empties it. It holds for the store only as long as
// its holder knows that nothing else wrote (pipeline's summary cache, by the store's count of
// write transactions), and must be emptied (Reset) when a transaction that changed it fails.
type WindowIndex struct {
	mu        sync.Mutex                 // a failed batch's holder may empty it while another batch uses it
	countries map[int64]*countryWindowed // the windows of each country read
	at        map[int64]windowAt         // where each of them is, by its row id
	asked     map[int64]int              // how often windows of each country not read were asked about
}

// countryWindowed is the windows of one country, kept so that a question need not look at each.
// At 90,000 documents a country holds thousands of windows and a mention overlaps a few hundred;
// scanning them all for every mention was half of finding its candidates. rows[:sorted] were
// sorted by first day when the country was last sorted, in blocks of windowBlock rows, each
// block with bounds of its rows' days: a question skips the blocks whose rows all end before it
// and stops at the first whose rows all start after it. Windows only narrow (Tx.narrowWindow),
// so a block's first day and last day stay bounds of its rows' days as they do. Windows added
// since (rows[sorted:]) are looked at one by one until there are enough of them to sort again.
type countryWindowed struct {
	rows   []indexedWindow
	sorted int
	blocks []windowBounds // blocks[b] bounds rows[b*windowBlock : min((b+1)*windowBlock, sorted)]
}

// windowBounds bounds the days of a block of windows: no row starts before lo nor ends after hi.
type windowBounds struct{ lo, hi int64 }

// windowBlock is how many windows a block holds.
const windowBlock = 32

// readAfter is how many times windows of a country are asked about before its windows are read.
const readAfter = 16

// indexedWindow is one row of incident_windows: its row id, days and incident (as Candidates
// gives it, without members).
type indexedWindow struct {
	id, lo, hi int64
	incident   *Candidate
}

// windowAt is where a window sits in a WindowIndex.
type windowAt struct {
	country int64
	i       int
}

// NewWindowIndex returns an empty index.
func NewWindowIndex() *WindowIndex {
	return &WindowIndex{countries: map[int64]*countryWindowed{}, at: map[int64]windowAt{}, asked: map[int64]int{}}
}

// Reset empties the index: the windows are read again as they are asked about.
func (x *WindowIndex) Reset() {
	x.mu.Lock()
	defer x.mu.Unlock()
	clear(x.countries)
	clear(x.at)
	clear(x.asked)
}

// add records a window inserted into a country already read; a country not read yet reads it
// with the others.
func (x *WindowIndex) add(country int64, w indexedWindow) {
	x.mu.Lock()
	defer x.mu.Unlock()
	c, ok := x.countries[country]
	if !ok {
		return
	}
	x.at[w.id] = windowAt{country, len(c.rows)}
	c.rows = append(c.rows, w)
	if added := len(c.rows) - c.sorted; added > max(windowBlock, c.sorted/8) {
		x.sort(country, c)
	}
}

// sort sorts a country's windows by first day (by row id among those of one day) and bounds
// their blocks.
func (x *WindowIndex) sort(country int64, c *countryWindowed) {
	slices.SortFunc(c.rows, func(a, b indexedWindow) int { return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(a.id, b.id)) })
	c.sorted = len(c.rows)
	c.blocks = c.blocks[:0]
	for i, w := range c.rows {
		x.at[w.id] = windowAt{country, i}
		if i%windowBlock == 0 {
			c.blocks = append(c.blocks, windowBounds{w.lo, w.hi})
		}
		b := &c.blocks[len(c.blocks)-1]
		b.hi = max(b.hi, w.hi)
	}
}

// overlapping appends to cs the incidents whose window shares a day with from to to.
func (c *countryWindowed) overlapping(cs []*Candidate, from, to int64) []*Candidate {
	for b, bounds := range c.blocks {
		if bounds.lo > to {
			break
		}
		if bounds.hi < from {
			continue
		}
		for _, w := range c.rows[b*windowBlock : min((b+1)*windowBlock, c.sorted)] {
			if w.lo <= to && w.hi >= from {
				cs = append(cs, w.incident)
			}
		}
	}
	for _, w := range c.rows[c.sorted:] {
		if w.lo <= to && w.hi >= from {
			cs = append(cs, w.incident)
		}
	}
	return cs
}

// narrow records a window's new days, when its country was read.
func (x *WindowIndex) narrow(id, lo, hi int64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if at, ok := x.at[id]; ok {
		w := &x.countries[at.country].rows[at.i]
		w.lo, w.hi = lo, hi
	}
}

// KeepWindows gives the transaction an index to keep in step with what it writes to the windows
// (WindowIndex), and to answer Candidates from.
func (t *Tx) KeepWindows(x *WindowIndex) { t.windows = x }

// windowsChanged empties the kept index after a write to the windows it does not follow.
func (t *Tx) windowsChanged() {
	if t.windows != nil {
		t.windows.Reset()
	}
}

// indexedCandidates appends to out the incidents whose window overlaps days from to to in a
// country (bounds), from the kept index, reading the country's windows when they have been asked about
// often enough; ok is false when they have not, and the R*Tree is to answer. They are the
// incidents the R*Tree query finds, since a country's windows are read with its own condition on
// the country and the days are compared as it compares them.
func (t *Tx) indexedCandidates(ctx context.Context, out []*Candidate, country, from, to int64) (cs []*Candidate, ok bool, err error) {
	x := t.windows
	x.mu.Lock()
	defer x.mu.Unlock()
	c, read := x.countries[country]
	if !read {
		if x.asked[country]++; x.asked[country] < readAfter {
			return nil, false, nil
		}
		if c, err = t.countryWindows(ctx, country); err != nil {
			return nil, false, err
		}
	}
	return c.overlapping(out, from, to), true, nil
}

// countryWindows reads the windows of a country into the kept index; the caller holds its lock.
func (t *Tx) countryWindows(ctx context.Context, country int64) (*countryWindowed, error) {
	x := t.windows
	rows, err := t.stmt(ctx, t.stmts.countryWindows).QueryContext(ctx, country)
	if err != nil {
		return nil, fmt.Errorf("read the windows of country %d: %w", country, err)
	}
	defer rows.Close()
	read := []indexedWindow{}
	for rows.Next() {
		w := indexedWindow{incident: &Candidate{}}
		var seq sql.NullInt64
		if err := rows.Scan(&w.id, &w.lo, &w.hi, &w.incident.ID, &seq, &w.incident.First); err != nil {
			return nil, fmt.Errorf("read a window of country %d: %w", country, err)
		}
		w.incident.seq = seq.Int64
		read = append(read, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the windows of country %d: %w", country, err)
	}
	c := &countryWindowed{rows: read}
	x.sort(country, c)
	x.countries[country] = c
	delete(x.asked, country)
	return c, nil
}
