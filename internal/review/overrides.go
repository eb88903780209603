package review

import (
	"cmp"
	"slices"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

// Active returns the actions of a log that stand, in log order: every action but undos and the
// actions an undo reverted.
func Active(log []Action) []Action {
	undone := map[int64]bool{}
	for _, a := range log {
		if a.Kind == Undo {
			undone[a.Undoes] = true
		}
	}
	var out []Action
	for _, a := range log {
		if a.Kind != Undo && !undone[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// Overrides are the standing actions of a log, ready to be applied to machine output.
type Overrides struct {
	actions []Action
}

// NewOverrides keeps the standing actions of a log.
func NewOverrides(log []Action) *Overrides {
	return &Overrides{actions: Active(log)}
}

// Actions returns the standing actions in log order.
func (o *Overrides) Actions() []Action { return o.actions }

// Resolve follows merges: the incident an id now lives in.
func (o *Overrides) Resolve(id string) string {
	for _, a := range o.actions {
		if a.Kind == Merge && slices.Contains(a.Others, id) {
			id = a.Incident
		}
	}
	return id
}

// Claim applies the claim overrides to one machine claim, in log order: it returns the claim as
// reviewed and false when a reject drops it.
func (o *Overrides) Claim(c model.Claim) (model.Claim, bool) {
	for _, a := range o.actions {
		if a.Claim == nil || *a.Claim != KeyOf(c) {
			continue
		}
		switch a.Kind {
		case Reject:
			return c, false
		case Reattribute:
			c = reattributed(c, *a.NewClaim)
		}
	}
	return c, true
}

// reattributed is a claim with the claimant, role, side, metric and value a correction gives
// (those it leaves empty stay); where it was said (document, quote, span, date) stays.
func reattributed(c, to model.Claim) model.Claim {
	c.Claimant = cmp.Or(to.Claimant, c.Claimant)
	c.ClaimantRole = cmp.Or(to.ClaimantRole, c.ClaimantRole)
	c.Side = cmp.Or(to.Side, c.Side)
	if to.Metric != "" {
		c.Metric = to.Metric
	}
	if to.Low != nil || to.High != nil {
		c.Low, c.High, c.Qualifier = to.Low, to.High, to.Qualifier
	}
	return c
}

// Claims applies the claim overrides to a list of machine claims.
func (o *Overrides) Claims(cs []model.Claim) []model.Claim {
	var out []model.Claim
	for _, c := range cs {
		if c, ok := o.Claim(c); ok {
			out = append(out, c)
		}
	}
	return out
}

// Added returns the claims analysts added to an incident, as reviewed since.
func (o *Overrides) Added(incident string) []model.Claim {
	var out []model.Claim
	for _, a := range o.actions {
		if a.Kind == AddClaim && o.Resolve(a.Incident) == incident {
			if c, ok := o.Claim(*a.NewClaim); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// Exclude lists under each metric of an incident the claims of its documents that review
// rejected, with the reasons: what figures leave out, for pages and exports that show it.
func (o *Overrides) Exclude(inc *model.Incident) {
	for _, a := range o.actions {
		if a.Kind != Reject || a.Original == nil || !slices.ContainsFunc(inc.Documents, func(d model.DocumentRef) bool { return d.ID == a.Claim.Document }) {
			continue
		}
		if inc.Metrics == nil {
			inc.Metrics = map[model.Metric]model.Estimate{}
		}
		e := inc.Metrics[a.Original.Metric]
		e.Excluded = append(e.Excluded, model.ExcludedClaim{Claim: *a.Original, Reason: a.Why, By: a.Who, At: a.At})
		inc.Metrics[a.Original.Metric] = e
	}
}

// Apply re-applies the field overrides of an incident, in log order, to the fields linking
// decided for it: its own corrections and the renames of its facility. Values were checked when
// the actions were taken.
func (o *Overrides) Apply(inc *model.Incident) {
	for _, a := range o.actions {
		switch {
		case a.Kind == Set && o.Resolve(a.Incident) == inc.ID:
			_ = SetField(inc, a.Field, a.Value)
		case a.Kind == RenameFacility && link.FacilityID(inc.Place.Country, inc.Facility) == a.Facility:
			inc.Facility = a.Value
		}
	}
}

// Corrects reports whether a standing action may change the incident's fields: a correction of
// it, or a facility rename (any incident may name the facility).
func (o *Overrides) Corrects(incident string) bool {
	for _, a := range o.actions {
		if (a.Kind == Set && o.Resolve(a.Incident) == incident) || a.Kind == RenameFacility {
			return true
		}
	}
	return false
}

// State is the review state of an incident: reviewed once any standing action names it; graded
// by its latest confirm; hidden by a hide.
func (o *Overrides) State(incident string) model.Review {
	var r model.Review
	for _, a := range o.actions {
		if !slices.Contains(a.Incidents(), incident) && o.Resolve(a.Incident) != incident {
			continue
		}
		r.Reviewed, r.By, r.At = true, a.Who, a.At
		switch a.Kind {
		case Confirm:
			r.Grade = string(a.Grade)
		case Hide:
			r.Hidden = true
		}
	}
	return r
}

// Incidents returns the incidents an action names.
func (a Action) Incidents() []string {
	var out []string
	for _, id := range append([]string{a.Incident, a.Target}, a.Others...) {
		if id != "" && !((a.Kind == Copy || a.Kind == RenameFacility) && id == a.Target) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Deletes reports whether a standing action deleted a document: ingested again, it is deleted
// again.
func (o *Overrides) Deletes(document string) bool {
	for _, a := range o.actions {
		if a.Kind == Delete && a.Document == document {
			return true
		}
	}
	return false
}

// Names reports whether an action concerns an incident: taken on it, merging it, or moving
// mentions from or to it.
func (a Action) Names(incident string) bool {
	return slices.Contains(a.Incidents(), incident) ||
		slices.ContainsFunc(a.Moved, func(m Move) bool { return m.From == incident || m.To == incident })
}
