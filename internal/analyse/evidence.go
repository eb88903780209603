package analyse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Family maps an actor's canonical name to its root organisation (the provinces of a group are
// one family). nil: every name is its own family.
type Family func(actor string) string

// Evidence weights. Each piece is shown with its weight and a link's weight is their sum, so an
// analyst can see and dispute every step. A campaign both incidents name weighs most: the
// perpetrators said so. The same group comes next, then a claim by the same outlet; a campaign
// named by one side only, shared methods and closeness in time are weaker hints.
const (
	WeightSharedCampaign = 4.0
	WeightSameActor      = 3.0
	WeightSameFamily     = 2.0
	WeightSameClaimant   = 2.0 // claims of responsibility by one perpetrator voice
	WeightNamedCampaign  = 1.0
	WeightSharedMethod   = 0.5
	WeightCites          = 1.0 // a report of one names the other
	WeightTimeGap        = 1.0 // for a gap of 0 days, falling linearly to 0 at the window's length
)

// Link lists the evidence that incidents a and b (a the earlier) are related. windowDays scales
// the time-gap evidence; cites, when not nil, finds reports of one that name the other.
func Link(a, b model.Incident, family Family, cites Cites, windowDays int) model.WaveLink {
	gap := gapDays(a, b)
	l := model.WaveLink{A: a.ID, B: b.ID, GapDays: gap}
	l.Evidence = append(l.Evidence, actorEvidence(a, b, family)...)
	l.Evidence = append(l.Evidence, campaignEvidence(a, b)...)
	l.Evidence = append(l.Evidence, claimantEvidence(a, b)...)
	for _, m := range intersect(a.Methods, b.Methods) {
		l.Evidence = append(l.Evidence, model.LinkEvidence{Kind: "shared_method", Detail: "both used " + strings.ReplaceAll(m, "_", " "), Weight: WeightSharedMethod})
	}
	if cites != nil {
		for _, pair := range [][2]model.Incident{{a, b}, {b, a}} {
			if how := cites(pair[0], pair[1]); how != "" {
				l.Evidence = append(l.Evidence, model.LinkEvidence{Kind: "cites", Detail: how, Weight: WeightCites})
			}
		}
	}
	if gap <= 1 && sameReports(a, b) {
		l.Evidence = append(l.Evidence, model.LinkEvidence{Kind: "same_reports",
			Detail: "told only by the same reports on the same days: check that they are not one event counted twice"})
	}
	if w := WeightTimeGap * (1 - float64(gap)/float64(max(windowDays, 1))); w > 0 {
		l.Evidence = append(l.Evidence, model.LinkEvidence{Kind: "time_gap", Detail: fmt.Sprintf("%d days apart", gap), Weight: round2(w)})
	}
	for _, e := range l.Evidence {
		l.Weight += e.Weight
	}
	l.Weight = round2(l.Weight)
	return l
}

func gapDays(a, b model.Incident) int {
	d := int(b.Date.Start.Sub(a.Date.Start).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// actorEvidence: the same perpetrator, or else perpetrators of one family.
func actorEvidence(a, b model.Incident, family Family) []model.LinkEvidence {
	if same := intersect(a.Perpetrators, b.Perpetrators); len(same) > 0 {
		return []model.LinkEvidence{{Kind: "same_actor", Detail: "both attributed to " + strings.Join(same, ", "), Weight: WeightSameActor}}
	}
	fa, fb := Families(a.Perpetrators, family), Families(b.Perpetrators, family)
	if same := intersect(fa, fb); len(same) > 0 {
		return []model.LinkEvidence{{Kind: "same_family", Detail: fmt.Sprintf("%s and %s are both of %s",
			strings.Join(a.Perpetrators, ", "), strings.Join(b.Perpetrators, ", "), strings.Join(same, ", ")), Weight: WeightSameFamily}}
	}
	return nil
}

// campaignEvidence: a campaign both name, or else each campaign one of them names.
func campaignEvidence(a, b model.Incident) []model.LinkEvidence {
	if same := intersect(a.Campaigns, b.Campaigns); len(same) > 0 {
		return []model.LinkEvidence{{Kind: "shared_campaign", Detail: "both claimed as part of " + strings.Join(same, ", "), Weight: WeightSharedCampaign}}
	}
	var out []model.LinkEvidence
	for _, inc := range []model.Incident{a, b} {
		for _, c := range inc.Campaigns {
			out = append(out, model.LinkEvidence{Kind: "named_campaign", Detail: inc.ID + " is claimed as part of " + c, Weight: WeightNamedCampaign})
		}
	}
	return out
}

// sameReports reports whether every report of one incident is a report of the other: then the
// two may be one event the linker split, and a wave of them may be an artefact.
func sameReports(a, b model.Incident) bool {
	if len(a.Documents) == 0 || len(b.Documents) == 0 {
		return false
	}
	within := func(x, y model.Incident) bool {
		for _, d := range x.Documents {
			if !slices.ContainsFunc(y.Documents, func(r model.DocumentRef) bool { return r.ID == d.ID }) {
				return false
			}
		}
		return true
	}
	return within(a, b) || within(b, a)
}

// claimantEvidence: one perpetrator voice (a group or its outlet) put forward claims about both.
// Media voices do not count: one newspaper reporting two attacks says nothing about a link.
func claimantEvidence(a, b model.Incident) []model.LinkEvidence {
	same := intersect(claimants(a), claimants(b))
	if len(same) == 0 {
		return nil
	}
	return []model.LinkEvidence{{Kind: "same_claimant", Detail: "claims about both came from " + strings.Join(same, ", "), Weight: WeightSameClaimant}}
}

// claimants are the perpetrator voices behind an incident's claims.
func claimants(inc model.Incident) []string {
	var out []string
	for _, e := range inc.Metrics {
		for _, c := range e.Claims {
			if c.Claimant != "" && c.ClaimantRole == model.RolePerpetrator {
				out = append(out, c.Claimant)
			}
		}
	}
	return out
}

// Families maps actors to their families; an actor the mapping does not know is its own.
func Families(actors []string, family Family) []string {
	out := make([]string, 0, len(actors))
	for _, a := range actors {
		if family != nil {
			if f := family(a); f != "" {
				a = f
			}
		}
		out = append(out, a)
	}
	return out
}

// intersect returns the values in both lists (compared without regard to case), sorted, once each.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	slices.Sort(out)
	return out
}

func round2(v float64) float64 { return float64(int(v*100+0.5)) / 100 }
