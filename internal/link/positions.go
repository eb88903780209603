package link

import (
	"math"
	"sort"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Position is a claim as it stands in an estimate: the quantity it counts, its source and the
// values the figure rules look at. Each source's latest positions on a quantity are its current
// positions; an estimate is made from current positions alone (Figures), so a store that keeps
// them can answer an estimate by index, however many claims an incident has.
type Position struct {
	Side     string // the side a killed or wounded claim counts; "" for totals and other metrics
	Vague    bool
	Source   string
	Reported time.Time // the reported day (zero when unknown)
	Value    int       // the single value the claim stands for
	Lower    int       // its bounds, an open one taking the value
	Upper    int
	LowEnd   float64 // its bounds for contest: an open lower end is 0, an open upper end +Inf
	HighEnd  float64
	Tier     int // the claimant's tier for the best value
}

// PositionOf is a claim's position on a metric; ok is false for a claim without a number, which
// is kept but not counted. docs give the originals of near-duplicate documents.
func PositionOf(metric model.Metric, c model.Claim, docs map[string]model.DocumentRef) (Position, bool) {
	v, ok := point(c)
	if !ok {
		return Position{}, false
	}
	p := Position{Vague: c.Qualifier == "vague", Source: source(c, docs), Reported: c.Reported.Start, Value: v,
		Lower: lower(c), Upper: upper(c), LowEnd: lowEnd(c), HighEnd: highEnd(c), Tier: tier(c.ClaimantRole)}
	if sided(metric) && !isTotal(c) {
		p.Side = c.Side
	}
	return p, true
}

// Supersedes tells what a new position does to its source's current positions on its quantity,
// given their reported day (latest; none when there is none): a later one replaces them, one of
// the same day joins them, an earlier one is no current position.
func Supersedes(p Position, latest time.Time, none bool) (replace, join bool) {
	switch {
	case none || p.Reported.After(latest):
		return true, false
	case p.Reported.Equal(latest):
		return false, true
	}
	return false, false
}

func sided(metric model.Metric) bool { return metric == model.Killed || metric == model.Wounded }

// isTotal reports a killed or wounded claim that counts everyone (side empty or unknown).
func isTotal(c model.Claim) bool { return c.Side == "" || c.Side == "unknown" }

// Positions answers what an estimate asks of the current positions of one metric of one
// incident. A store implements it with indexes; the history keeps them in memory (tracker).
type Positions interface {
	// Sides lists the sides with current positions ("" for totals) and whether any claim, even
	// one without a number, gives a total.
	Sides() (sides []string, totals bool, err error)
	// Extremes are, over the current positions on one side and firmness (found is false when
	// there is none), the smallest Lower, the largest Upper, the largest LowEnd and the smallest
	// HighEnd.
	Extremes(side string, vague bool) (found bool, low, high int, maxLowEnd, minHighEnd float64, err error)
	// Leaders are the claims of the current positions of the first tier present, at its latest
	// reported day.
	Leaders(side string, vague bool) ([]model.Claim, error)
	// Sources counts the distinct sources whose current positions stand for a value.
	Sources(side string, vague bool, value int) (int, error)
}

// Figures is the estimate of a metric from its current positions: best, low, high and contested
// as Reconcile gives them (docs/reconciliation.md), without claims or history.
func Figures(metric model.Metric, p Positions) (model.Estimate, error) {
	sides, totals, err := p.Sides()
	if err != nil {
		return model.Estimate{}, err
	}
	if !sided(metric) || totals {
		sides = []string{""}
	}
	sort.Strings(sides)
	var sum figure
	for _, side := range sides {
		f, err := quantityFigure(p, side)
		if err != nil {
			return model.Estimate{}, err
		}
		sum = sum.plus(f)
	}
	return model.Estimate{Best: sum.best, Low: sum.low, High: sum.high, Contested: sum.contested}, nil
}

// quantityFigure reconciles the current positions on one side: the firm ones, or the vague ones
// when there is no firm one.
func quantityFigure(p Positions, side string) (figure, error) {
	vague := false
	found, low, high, maxLowEnd, minHighEnd, err := p.Extremes(side, false)
	if err == nil && !found {
		vague = true
		found, low, high, maxLowEnd, minHighEnd, err = p.Extremes(side, true)
	}
	if err != nil || !found {
		return figure{}, err
	}
	best, err := pickBest(p, side, vague)
	if err != nil {
		return figure{}, err
	}
	return figure{best: intPtr(best), low: intPtr(low), high: intPtr(high), contested: maxLowEnd > 2*minHighEnd}, nil
}

// pickBest returns the best value: among the leaders (first tier, latest report), the value
// given by the most distinct sources, then the most exact claim, then by document and offset.
func pickBest(p Positions, side string, vague bool) (int, error) {
	leaders, err := p.Leaders(side, vague)
	if err != nil {
		return 0, err
	}
	sources := map[int]int{}
	for _, c := range leaders {
		v, _ := point(c)
		if _, done := sources[v]; !done {
			if sources[v], err = p.Sources(side, vague, v); err != nil {
				return 0, err
			}
		}
	}
	best := leaders[0]
	for _, c := range leaders[1:] {
		vc, _ := point(c)
		vb, _ := point(best)
		switch {
		case sources[vc] != sources[vb]:
			if sources[vc] > sources[vb] {
				best = c
			}
		case qualifierRank(c.Qualifier) != qualifierRank(best.Qualifier):
			if qualifierRank(c.Qualifier) < qualifierRank(best.Qualifier) {
				best = c
			}
		case claimLess(c, best):
			best = c
		}
	}
	v, _ := point(best)
	return v, nil
}

// tracker keeps current positions in memory for claims added in reported-date order: the
// history of an estimate is read off it report by report.
type tracker struct {
	metric  model.Metric
	docs    map[string]model.DocumentRef
	current map[quantity]map[string][]held // by quantity, then source
	// backers counts the current positions standing for each value, by quantity, value and
	// source, kept as positions change: the history asks Sources for each leader's value after
	// every report, and walking every current position for each made the history of an incident
	// of thousands of sources take a second.
	backers map[quantity]map[int]map[string]int
	totals  bool
}

// quantity is what a position counts: a side, firm or vague.
type quantity struct {
	side  string
	vague bool
}

// held is a current position with its claim.
type held struct {
	Position
	claim model.Claim
}

func newTracker(metric model.Metric, docs map[string]model.DocumentRef) *tracker {
	return &tracker{metric: metric, docs: docs, current: map[quantity]map[string][]held{}, backers: map[quantity]map[int]map[string]int{}}
}

// add takes the next claim in reported-date order.
func (t *tracker) add(c model.Claim) {
	t.claim(c)
	p, ok := PositionOf(t.metric, c, t.docs)
	if !ok {
		return
	}
	latest, none := t.latest(p)
	if replace, join := Supersedes(p, latest, none); replace || join {
		t.put(p, c, replace)
	}
}

// claim notes a claim of the metric, with or without a number: one may give a total.
func (t *tracker) claim(c model.Claim) {
	t.totals = t.totals || sided(t.metric) && isTotal(c)
}

// latest is the reported day of the source's current positions on p's quantity; none when the
// source has none.
func (t *tracker) latest(p Position) (latest time.Time, none bool) {
	cur := t.current[quantity{p.Side, p.Vague}][p.Source]
	if len(cur) == 0 {
		return time.Time{}, true
	}
	return cur[0].Reported, false
}

// put makes p, the position of claim c, current: replacing its source's other positions on its
// quantity, or joining them.
func (t *tracker) put(p Position, c model.Claim, replace bool) {
	q := quantity{p.Side, p.Vague}
	if t.current[q] == nil {
		t.current[q] = map[string][]held{}
	}
	cur := t.current[q][p.Source]
	if replace {
		for _, h := range cur {
			t.back(q, h.Value, p.Source, -1)
		}
		cur = nil
	}
	t.current[q][p.Source] = append(cur, held{p, c})
	t.back(q, p.Value, p.Source, +1)
}

// back adds n to the current positions of a source standing for a value on a quantity.
func (t *tracker) back(q quantity, value int, source string, n int) {
	if t.backers[q] == nil {
		t.backers[q] = map[int]map[string]int{}
	}
	if t.backers[q][value] == nil {
		t.backers[q][value] = map[string]int{}
	}
	if t.backers[q][value][source] += n; t.backers[q][value][source] <= 0 {
		delete(t.backers[q][value], source)
	}
}

// estimate is the tracker's current estimate.
func (t *tracker) estimate() model.Estimate {
	e, _ := Figures(t.metric, t) // in memory: no errors
	return e
}

// each calls fn for every current position on one side and firmness.
func (t *tracker) each(side string, vague bool, fn func(held)) {
	for _, ps := range t.current[quantity{side, vague}] {
		for _, p := range ps {
			fn(p)
		}
	}
}

func (t *tracker) Sides() ([]string, bool, error) {
	seen := map[string]bool{}
	var sides []string
	for q := range t.current {
		if !seen[q.side] {
			seen[q.side] = true
			sides = append(sides, q.side)
		}
	}
	return sides, t.totals, nil
}

func (t *tracker) Extremes(side string, vague bool) (found bool, low, high int, maxLowEnd, minHighEnd float64, err error) {
	maxLowEnd, minHighEnd = math.Inf(-1), math.Inf(1)
	t.each(side, vague, func(p held) {
		if !found || p.Lower < low {
			low = p.Lower
		}
		if !found || p.Upper > high {
			high = p.Upper
		}
		maxLowEnd, minHighEnd = max(maxLowEnd, p.LowEnd), min(minHighEnd, p.HighEnd)
		found = true
	})
	return found, low, high, maxLowEnd, minHighEnd, nil
}

// Leaders finds the first tier and its latest day first and collects their claims after: a
// list started again at each better position met allocated anew for most of them, and the
// history asks for leaders after every report.
func (t *tracker) Leaders(side string, vague bool) ([]model.Claim, error) {
	var first Position
	found := false
	t.each(side, vague, func(p held) {
		if !found || p.Tier < first.Tier || p.Tier == first.Tier && p.Reported.After(first.Reported) {
			first, found = p.Position, true
		}
	})
	var out []model.Claim
	t.each(side, vague, func(p held) {
		if p.Tier == first.Tier && p.Reported.Equal(first.Reported) {
			out = append(out, p.claim)
		}
	})
	return out, nil
}

func (t *tracker) Sources(side string, vague bool, value int) (int, error) {
	return len(t.backers[quantity{side, vague}][value]), nil
}

// Current keeps in memory the current positions of one metric of an incident whose every claim
// a linker has in hand (one created in its batch), as a store keeps them: the estimate is then
// made without asking the store. The caller decides what each position does (Supersedes, with
// Latest) and gives positions and claims as the store would read them back.
type Current struct{ t *tracker }

// NewCurrent keeps the current positions of a metric.
func NewCurrent(metric model.Metric) *Current { return &Current{newTracker(metric, nil)} }

// Claim notes a claim of the metric, with or without a number: one may give a total.
func (c *Current) Claim(cl model.Claim) { c.t.claim(cl) }

// Latest is the reported day of the source's current positions on p's quantity; none when the
// source has none.
func (c *Current) Latest(p Position) (latest time.Time, none bool) { return c.t.latest(p) }

// Put makes p, the position of claim cl, current: replacing its source's other positions on its
// quantity, or joining them.
func (c *Current) Put(p Position, cl model.Claim, replace bool) { c.t.put(p, cl, replace) }

// Estimate is the estimate of the metric from the current positions (Figures).
func (c *Current) Estimate() model.Estimate { return c.t.estimate() }
