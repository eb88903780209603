package web

import (
	"net/http"
	"sort"

	linkrules "github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

type incidentData struct {
	Incident  model.Incident
	Title     string
	Place     string
	Map       mapView
	Metrics   []metricView
	Documents []model.DocumentRef
	Waves     []string // ids of the waves the incident belongs to
	Forms     reviewForms
	Lifecycle *lifecycleChart // escaped, recaptured and at large over time; nil when it tells nothing new
	Facility  string          // the facility's id (link.FacilityID), "" when none is named
}

// metricView is one figure of an incident: the reconciled estimate, its history and its claims.
type metricView struct {
	Metric   model.Metric
	Estimate model.Estimate
	History  *lineChart
	Rows     []claimRow                   // the claims, with how each weighs in the estimate
	Excluded []model.ExcludedClaim        // the claims review rejected
	Docs     map[string]model.DocumentRef // by id, to name each claim's source
}

func (w *Web) incident(r *http.Request) (view, error) {
	inc, err := w.cfg.Store.Incident(r.Context(), r.PathValue("id"))
	if err != nil {
		return view{}, err
	}
	d := incidentData{Incident: inc, Title: incidentTitle(inc), Place: placeLabel(inc),
		Map: w.mapOf([]model.Incident{inc}, false), Documents: sortedDocuments(inc.Documents)}
	if d.Waves, err = w.cfg.Store.IncidentWaves(r.Context(), inc.ID); err != nil {
		return view{}, err
	}
	docs := map[string]model.DocumentRef{}
	for _, doc := range inc.Documents {
		docs[doc.ID] = doc
	}
	d.Forms, d.Lifecycle = w.reviewForms(r), newLifecycleChart(inc.Lifecycle())
	d.Facility = linkrules.FacilityID(inc.Place.Country, inc.Facility)
	excluded, err := w.excludedClaims(r, inc)
	if err != nil {
		return view{}, err
	}
	for _, m := range model.Metrics {
		e, ok := inc.Metrics[m]
		if !ok && len(excluded[m]) == 0 {
			continue
		}
		claims := append([]model.Claim(nil), e.Claims...)
		sort.SliceStable(claims, func(i, j int) bool { return claims[i].Reported.Start.Before(claims[j].Reported.Start) })
		var chart *lineChart
		if len(e.History) > 1 || e.Contested {
			chart = historyChart(e.History)
		}
		d.Metrics = append(d.Metrics, metricView{Metric: m, Estimate: e, History: chart, Rows: claimRows(m, claims, docs),
			Excluded: excluded[m], Docs: docs})
	}
	return view{"incident", d.Title, d}, nil
}

// sortedDocuments lists sources oldest first: how the story unfolded.
func sortedDocuments(docs []model.DocumentRef) []model.DocumentRef {
	out := append([]model.DocumentRef(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		return a != nil && (b == nil || a.Before(*b))
	})
	return out
}
