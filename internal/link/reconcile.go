package link

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Reconcile turns the claims on one metric of one incident into an estimate; docs/reconciliation.md
// states the rules. In short: each source's latest claims are its current position (a source is
// the named claimant, else the document's own voice, a near-duplicate document counting as the
// one it duplicates); vague claims count only when nothing firmer exists; low and high span every
// current position; best comes from non-party sources first (independent, media, unknown), then
// the authorities (government, defender), then the perpetrators, and within that the latest, the
// most corroborated, the most exact; contested means two current positions differ by more than a
// factor of two. For killed and wounded, totals (side unknown) are estimated alone when any
// exist, otherwise each side is estimated and the sides are summed.
//
// The returned claims are sorted by reported date, document and offset, with an unknown reported
// date filled from the document's publication date. History holds the estimate as it stood after
// each report (a document at one reported date), in that order.
func Reconcile(metric model.Metric, claims []model.Claim, docs map[string]model.DocumentRef) model.Estimate {
	cs := prepareClaims(claims, docs)
	e := Figures(metric, cs, docs)
	e.Claims, e.History = cs, history(metric, cs, docs)
	return e
}

// Figures is the estimate of Reconcile without its claims and history: best, low, high and
// contested.
func Figures(metric model.Metric, claims []model.Claim, docs map[string]model.DocumentRef) model.Estimate {
	t := newTracker(metric, docs)
	for _, c := range prepareClaims(claims, docs) {
		t.add(c)
	}
	f := t.figure()
	return model.Estimate{Best: f.best, Low: f.low, High: f.high, Contested: f.contested}
}

// History is the estimate after each report, as Reconcile gives it.
func History(metric model.Metric, claims []model.Claim, docs map[string]model.DocumentRef) []model.EstimatePoint {
	return history(metric, prepareClaims(claims, docs), docs)
}

// figure is the reconciled value of a set of claims.
type figure struct {
	best, low, high *int
	contested       bool
}

func (f figure) plus(g figure) figure {
	return figure{addInts(f.best, g.best), addInts(f.low, g.low), addInts(f.high, g.high), f.contested || g.contested}
}

func addInts(a, b *int) *int {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	v := *a + *b
	return &v
}

func prepareClaims(claims []model.Claim, docs map[string]model.DocumentRef) []model.Claim {
	cs := ReportedClaims(claims, docs)
	sort.SliceStable(cs, func(i, j int) bool { return claimLess(cs[i], cs[j]) })
	return cs
}

// ReportedClaims returns a copy of the claims in which a claim without a reported date takes its
// document's publication date.
func ReportedClaims(claims []model.Claim, docs map[string]model.DocumentRef) []model.Claim {
	cs := append([]model.Claim(nil), claims...)
	for i := range cs {
		if d, ok := docs[cs[i].DocumentID]; ok && cs[i].Reported.IsZero() && d.Published != nil {
			cs[i].Reported = model.Date{Start: *d.Published, Precision: model.PrecisionDay}
		}
	}
	return cs
}

// claimLess orders claims by reported date, document, offset, then by value and words, so that
// the order never depends on the input order.
func claimLess(a, b model.Claim) bool {
	switch {
	case !a.Reported.Start.Equal(b.Reported.Start):
		return a.Reported.Start.Before(b.Reported.Start)
	case a.DocumentID != b.DocumentID:
		return a.DocumentID < b.DocumentID
	case a.Start != b.Start:
		return a.Start < b.Start
	case a.End != b.End:
		return a.End < b.End
	case cmpInt(a.Low, b.Low) != 0:
		return cmpInt(a.Low, b.Low) < 0
	case cmpInt(a.High, b.High) != 0:
		return cmpInt(a.High, b.High) < 0
	case a.Side != b.Side:
		return a.Side < b.Side
	case a.Claimant != b.Claimant:
		return a.Claimant < b.Claimant
	}
	return a.Quote < b.Quote
}

// cmpInt orders optional ints, nil first.
func cmpInt(a, b *int) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return *a - *b
}

// history is the estimate after each report, a report being the claims of one document at one
// reported date (contiguous in sorted claims). Each report updates the current positions it
// changes, so the history costs one pass over the claims.
func history(metric model.Metric, cs []model.Claim, docs map[string]model.DocumentRef) []model.EstimatePoint {
	var out []model.EstimatePoint
	t := newTracker(metric, docs)
	for start := 0; start < len(cs); {
		end := start + 1
		for end < len(cs) && cs[end].DocumentID == cs[start].DocumentID && cs[end].Reported.Start.Equal(cs[start].Reported.Start) {
			end++
		}
		for _, c := range cs[start:end] {
			t.add(c)
		}
		f := t.figure()
		out = append(out, model.EstimatePoint{
			Reported: cs[start].Reported, DocumentID: cs[start].DocumentID,
			Best: f.best, Low: f.low, High: f.high,
		})
		start = end
	}
	return out
}

// tracker holds the current positions of claims added in reported-date order: for each quantity
// (a side of killed and wounded, or the whole metric) and firmness, each source's claims at its
// latest reported date.
type tracker struct {
	metric model.Metric
	docs   map[string]model.DocumentRef
	groups map[quantity]*positions
	totals bool // a claim on killed or wounded gives a total (side empty or unknown)
}

// quantity is what a group of claims counts: one side (or "" for a total or an unsided metric),
// firm or vague.
type quantity struct {
	side  string
	vague bool
}

// positions are the latest claims of each source on one quantity.
type positions struct {
	latest map[string]time.Time
	claims map[string][]position
}

// position is a current claim with its source.
type position struct {
	model.Claim
	source string
}

func newTracker(metric model.Metric, docs map[string]model.DocumentRef) *tracker {
	return &tracker{metric: metric, docs: docs, groups: map[quantity]*positions{}}
}

// add takes the next claim in reported-date order: it supersedes its source's earlier claims on
// the same quantity. A claim without a number is kept but not counted.
func (t *tracker) add(c model.Claim) {
	sided := t.metric == model.Killed || t.metric == model.Wounded
	q := quantity{vague: c.Qualifier == "vague"}
	if sided && c.Side != "" && c.Side != "unknown" {
		q.side = c.Side
	} else if sided {
		t.totals = true
	}
	if _, ok := point(c); !ok {
		return
	}
	g := t.groups[q]
	if g == nil {
		g = &positions{latest: map[string]time.Time{}, claims: map[string][]position{}}
		t.groups[q] = g
	}
	s := source(c, t.docs)
	switch last, ok := g.latest[s]; {
	case !ok || c.Reported.Start.After(last):
		g.latest[s], g.claims[s] = c.Reported.Start, []position{{c, s}}
	case c.Reported.Start.Equal(last):
		g.claims[s] = append(g.claims[s], position{c, s})
	}
}

// figure applies the side rule of killed and wounded: totals alone when any claim gives one,
// else the sum over the sides.
func (t *tracker) figure() figure {
	if t.metric != model.Killed && t.metric != model.Wounded || t.totals {
		return t.quantity("")
	}
	sides := map[string]bool{}
	for q := range t.groups {
		sides[q.side] = true
	}
	names := make([]string, 0, len(sides))
	for s := range sides {
		names = append(names, s)
	}
	sort.Strings(names)
	var sum figure
	for _, s := range names {
		sum = sum.plus(t.quantity(s))
	}
	return sum
}

// quantity reconciles the current positions on one side: the firm claims, or the vague ones
// when there is no firm claim.
func (t *tracker) quantity(side string) figure {
	g := t.groups[quantity{side: side}]
	if g == nil {
		g = t.groups[quantity{side: side, vague: true}]
	}
	if g == nil {
		return figure{}
	}
	var current []position
	for _, ps := range g.claims {
		current = append(current, ps...)
	}
	f := figure{best: intPtr(pickBest(current)), contested: contested(current)}
	for _, c := range current {
		if lo := lower(c.Claim); f.low == nil || lo < *f.low {
			f.low = intPtr(lo)
		}
		if hi := upper(c.Claim); f.high == nil || hi > *f.high {
			f.high = intPtr(hi)
		}
	}
	return f
}

func intPtr(v int) *int { return &v }

// point is the single value a claim stands for: the middle of a range, else its one bound.
func point(c model.Claim) (int, bool) {
	switch {
	case c.Low != nil && c.High != nil:
		return (*c.Low + *c.High) / 2, true
	case c.Low != nil:
		return *c.Low, true
	case c.High != nil:
		return *c.High, true
	}
	return 0, false
}

// lower and upper are a claim's bounds, an open bound taking the claim's value.
func lower(c model.Claim) int {
	if c.Low != nil {
		return *c.Low
	}
	v, _ := point(c)
	return v
}

func upper(c model.Claim) int {
	if c.High != nil {
		return *c.High
	}
	v, _ := point(c)
	return v
}

// source names who stands behind a claim: the named claimant, else the document's own voice, a
// near-duplicate document speaking with the voice of the document it duplicates.
func source(c model.Claim, docs map[string]model.DocumentRef) string {
	if name := strings.Join(foldTokens(c.Claimant), " "); name != "" {
		return "claimant:" + name
	}
	return "document:" + rootDocument(c.DocumentID, docs)
}

// rootDocument follows DuplicateOf links to the first document of a near-duplicate chain.
func rootDocument(id string, docs map[string]model.DocumentRef) string {
	seen := map[string]bool{}
	for !seen[id] {
		seen[id] = true
		d, ok := docs[id]
		if !ok || d.DuplicateOf == "" {
			return id
		}
		id = d.DuplicateOf
	}
	return id
}

// tier ranks claimants for the best value: sources without a stake first, then the authorities,
// who tend to minimise, then the perpetrators, who tend to inflate.
func tier(r model.Role) int {
	switch r {
	case model.RoleGovernment, model.RoleDefender:
		return 1
	case model.RolePerpetrator:
		return 2
	}
	return 0
}

// qualifierRank prefers exact figures to approximations, ranges, bounds and vague words.
func qualifierRank(q string) int {
	switch q {
	case "exact", "":
		return 0
	case "approx":
		return 1
	case "range":
		return 2
	case "vague":
		return 4
	}
	return 3
}

// pickBest returns the best value among current positions: by tier, then latest report, then
// the number of distinct sources giving the same value, then exactness, document and offset.
func pickBest(current []position) int {
	sources := map[int]map[string]bool{}
	for _, c := range current {
		v, _ := point(c.Claim)
		if sources[v] == nil {
			sources[v] = map[string]bool{}
		}
		sources[v][c.source] = true
	}
	before := func(a, b model.Claim) bool {
		va, _ := point(a)
		vb, _ := point(b)
		switch {
		case tier(a.ClaimantRole) != tier(b.ClaimantRole):
			return tier(a.ClaimantRole) < tier(b.ClaimantRole)
		case !a.Reported.Start.Equal(b.Reported.Start):
			return a.Reported.Start.After(b.Reported.Start)
		case len(sources[va]) != len(sources[vb]):
			return len(sources[va]) > len(sources[vb])
		case qualifierRank(a.Qualifier) != qualifierRank(b.Qualifier):
			return qualifierRank(a.Qualifier) < qualifierRank(b.Qualifier)
		}
		return claimLess(a, b)
	}
	best := current[0].Claim
	for _, c := range current[1:] {
		if before(c.Claim, best) {
			best = c.Claim
		}
	}
	v, _ := point(best)
	return v
}

// contested reports two current positions more than a factor of two apart: the lower end of one
// exceeds twice the upper end of the other (an open upper bound reaches any value).
func contested(current []position) bool {
	maxLow, minHigh := math.Inf(-1), math.Inf(1)
	for _, c := range current {
		maxLow, minHigh = max(maxLow, lowEnd(c.Claim)), min(minHigh, highEnd(c.Claim))
	}
	return maxLow > 2*minHigh
}

func lowEnd(c model.Claim) float64 {
	if c.Low != nil {
		return float64(*c.Low)
	}
	return 0
}

func highEnd(c model.Claim) float64 {
	if c.High != nil {
		return float64(*c.High)
	}
	return math.Inf(1)
}
