package link

import (
	"math"
	"sort"
	"strings"

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
	t := newTracker(metric, docs)
	for _, c := range cs {
		t.add(c)
	}
	e := t.estimate()
	e.Claims, e.History = cs, history(metric, cs, docs)
	return e
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
		e := t.estimate()
		out = append(out, model.EstimatePoint{
			Reported: cs[start].Reported, DocumentID: cs[start].DocumentID,
			Best: e.Best, Low: e.Low, High: e.High,
		})
		start = end
	}
	return out
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
