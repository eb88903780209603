package link

import (
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Standing says how one claim weighs in its metric's estimate, for pages that explain a figure
// (docs/reconciliation.md): counted as a current position, or why not.
type Standing struct {
	Counted bool
	Reason  string // why it is not counted; "" when it is
	CopyOf  string // the original document when the claim comes from a near-duplicate, which speaks with its voice
}

// Standings gives the standing of each claim of one metric, in the claims' order.
func Standings(metric model.Metric, claims []model.Claim, docs map[string]model.DocumentRef) []Standing {
	cs := ReportedClaims(claims, docs)
	type quantity struct {
		side, source string
		vague        bool
	}
	latest := map[quantity]time.Time{}
	firm, totals := map[string]bool{}, false
	positions := make([]Position, len(cs))
	numbered := make([]bool, len(cs))
	for i, c := range cs {
		if sided(metric) && isTotal(c) {
			totals = true
		}
		p, ok := PositionOf(metric, c, docs)
		if !ok {
			continue
		}
		positions[i], numbered[i] = p, true
		q := quantity{p.Side, p.Source, p.Vague}
		if t, seen := latest[q]; !seen || p.Reported.After(t) {
			latest[q] = p.Reported
		}
		if !p.Vague {
			firm[p.Side] = true
		}
	}
	out := make([]Standing, len(cs))
	for i, c := range cs {
		s := &out[i]
		s.CopyOf = docs[c.DocumentID].DuplicateOf
		p := positions[i]
		switch {
		case !numbered[i]:
			s.Reason = "gives no number"
		case totals && p.Side != "":
			s.Reason = "counts one side, and other sources give a total"
		case p.Vague && firm[p.Side]:
			s.Reason = "vague, and other sources give a firm figure"
		case p.Reported.Before(latest[quantity{p.Side, p.Source, p.Vague}]):
			s.Reason = "superseded by a later report of the same source"
		default:
			s.Counted = true
		}
	}
	return out
}
