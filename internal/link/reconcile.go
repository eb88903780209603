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
	f := estimateOf(metric, cs, docs)
	return model.Estimate{
		Best: f.best, Low: f.low, High: f.high, Contested: f.contested,
		Claims:  cs,
		History: history(metric, cs, docs),
	}
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
	cs := append([]model.Claim(nil), claims...)
	for i := range cs {
		if d, ok := docs[cs[i].DocumentID]; ok && cs[i].Reported.IsZero() && d.Published != nil {
			cs[i].Reported = model.Date{Start: *d.Published, Precision: model.PrecisionDay}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return claimLess(cs[i], cs[j]) })
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
// reported date (contiguous in sorted claims).
func history(metric model.Metric, cs []model.Claim, docs map[string]model.DocumentRef) []model.EstimatePoint {
	var out []model.EstimatePoint
	for start := 0; start < len(cs); {
		end := start + 1
		for end < len(cs) && cs[end].DocumentID == cs[start].DocumentID && cs[end].Reported.Start.Equal(cs[start].Reported.Start) {
			end++
		}
		f := estimateOf(metric, cs[:end], docs)
		out = append(out, model.EstimatePoint{
			Reported: cs[start].Reported, DocumentID: cs[start].DocumentID,
			Best: f.best, Low: f.low, High: f.high,
		})
		start = end
	}
	return out
}

// estimateOf applies the side rule of killed and wounded, then summarises.
func estimateOf(metric model.Metric, cs []model.Claim, docs map[string]model.DocumentRef) figure {
	if metric != model.Killed && metric != model.Wounded {
		return summarise(cs, docs)
	}
	var totals []model.Claim
	bySide := map[string][]model.Claim{}
	for _, c := range cs {
		if c.Side == "" || c.Side == "unknown" {
			totals = append(totals, c)
		} else {
			bySide[c.Side] = append(bySide[c.Side], c)
		}
	}
	if len(totals) > 0 {
		return summarise(totals, docs)
	}
	sides := make([]string, 0, len(bySide))
	for s := range bySide {
		sides = append(sides, s)
	}
	sort.Strings(sides)
	var sum figure
	for _, s := range sides {
		sum = sum.plus(summarise(bySide[s], docs))
	}
	return sum
}

// summarise reconciles claims on one quantity.
func summarise(cs []model.Claim, docs map[string]model.DocumentRef) figure {
	var firm, vague []model.Claim
	for _, c := range cs {
		switch _, ok := point(c); {
		case !ok:
		case c.Qualifier == "vague":
			vague = append(vague, c)
		default:
			firm = append(firm, c)
		}
	}
	if len(firm) == 0 {
		firm = vague
	}
	current := currentPositions(firm, docs)
	if len(current) == 0 {
		return figure{}
	}
	f := figure{best: intPtr(pickBest(current, docs)), contested: contested(current)}
	for _, c := range current {
		if lo := lower(c); f.low == nil || lo < *f.low {
			f.low = intPtr(lo)
		}
		if hi := upper(c); f.high == nil || hi > *f.high {
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

// currentPositions keeps each source's claims at its latest reported date: a later statement by
// the same source supersedes its earlier ones ("104 recaptured", then "1,100").
func currentPositions(cs []model.Claim, docs map[string]model.DocumentRef) []model.Claim {
	latest := map[string]int{}
	for i, c := range cs {
		s := source(c, docs)
		if j, ok := latest[s]; !ok || c.Reported.Start.After(cs[j].Reported.Start) {
			latest[s] = i
		}
	}
	var out []model.Claim
	for _, c := range cs {
		if c.Reported.Start.Equal(cs[latest[source(c, docs)]].Reported.Start) {
			out = append(out, c)
		}
	}
	return out
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
func pickBest(current []model.Claim, docs map[string]model.DocumentRef) int {
	sources := map[int]map[string]bool{}
	for _, c := range current {
		v, _ := point(c)
		if sources[v] == nil {
			sources[v] = map[string]bool{}
		}
		sources[v][source(c, docs)] = true
	}
	cs := append([]model.Claim(nil), current...)
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
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
	})
	v, _ := point(cs[0])
	return v
}

// contested reports two current positions more than a factor of two apart: the lower end of one
// exceeds twice the upper end of the other (an open upper bound reaches any value).
func contested(current []model.Claim) bool {
	for _, a := range current {
		for _, b := range current {
			if lowEnd(a) > 2*highEnd(b) {
				return true
			}
		}
	}
	return false
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
