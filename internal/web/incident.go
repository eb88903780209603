package web

import (
	"net/http"
	"net/url"

	"github.com/wallwatch/wallwatch/internal/api"
	linkrules "github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

type incidentData struct {
	Incident  model.Incident
	Title     string
	Place     string
	Map       mapView
	Metrics   []metricView
	Documents []model.DocumentRef // the page's, oldest first: how the story unfolded
	// DocumentCount counts every document the reader may see; the pagers say which of the
	// documents and claims the page shows.
	DocumentCount             int
	DocumentPager, ClaimPager pager
	Waves                     []string // ids of the waves the incident belongs to
	Forms                     reviewForms
	Lifecycle                 *lifecycleChart // escaped, recaptured and at large over time; nil when it tells nothing new
	Facility                  string          // the facility's id (link.FacilityID), "" when none is named
}

// metricView is one figure of an incident: the reconciled estimate, its history and its claims.
type metricView struct {
	Metric   model.Metric
	Estimate model.Estimate
	History  *lineChart
	Rows     []claimRow                   // the page's claims, with how each weighs in the estimate
	Claims   int                          // how many claims the metric has in all
	Excluded []model.ExcludedClaim        // the claims review rejected
	Docs     map[string]model.DocumentRef // by id, to name each claim's source
}

// incident is an incident's page: its facts, map and figures over every claim, and a page of
// its claims and sources chosen by the API's page parameters (claims_offset, documents_offset).
func (w *Web) incident(r *http.Request) (view, error) {
	p, err := api.ParseDetailPage(r.URL.Query())
	if err != nil {
		return view{}, err
	}
	det, err := w.cfg.Store.IncidentDetail(r.Context(), r.PathValue("id"), p)
	if err != nil {
		return view{}, err
	}
	inc := det.Incident
	d := incidentData{Incident: inc, Title: incidentTitle(inc), Place: placeLabel(inc),
		Map: w.mapOf([]model.Incident{inc}, false), Documents: inc.Documents, DocumentCount: det.Documents,
		DocumentPager: newPager(r.URL, "Sources", "sources", "documents_offset", p.DocumentsOffset, p.DocumentsLimit, len(inc.Documents), det.Documents),
		ClaimPager:    newPager(r.URL, "Claims", "figures", "claims_offset", p.ClaimsOffset, p.ClaimsLimit, det.Shown(), det.Claims)}
	if d.Waves, err = w.cfg.Store.IncidentWaves(r.Context(), inc.ID); err != nil {
		return view{}, err
	}
	d.Forms, d.Lifecycle = w.reviewForms(r), newLifecycleChart(inc.Lifecycle())
	d.Facility = linkrules.FacilityID(inc.Place.Country, inc.Facility)
	excluded, err := w.excludedClaims(r, inc.ID, det.DocumentIDs)
	if err != nil {
		return view{}, err
	}
	for _, m := range model.Metrics {
		e, ok := inc.Metrics[m]
		if !ok && len(excluded[m]) == 0 {
			continue
		}
		var chart *lineChart
		if len(e.History) > 1 || e.Contested {
			chart = historyChart(e.History)
		}
		d.Metrics = append(d.Metrics, metricView{Metric: m, Estimate: e, History: chart, Rows: claimRows(e.Claims, det.Standings[m]),
			Claims: det.MetricClaims[m], Excluded: excluded[m], Docs: det.Sources})
	}
	return view{"incident", d.Title, d}, nil
}

// pager is one list of the incident page as far as it is paged: which of its items the page
// shows and links to the pages around it, plain links that work without JavaScript.
type pager struct {
	Noun, Anchor    string // what the list holds ("Claims") and the id of its section
	From, To, Total int    // the first and last item shown, counted from 1 (To < From: none), and how many in all
	Previous, Next  string
}

// newPager describes the page at offset of a list of total items, shown of them on the page;
// its links keep the page's other parameters and lead back to the list's section.
func newPager(u *url.URL, noun, anchor, param string, offset, limit, shown, total int) pager {
	return pager{Noun: noun, Anchor: anchor, From: offset + 1, To: offset + shown, Total: total,
		Previous: api.PageLink(u, param, offset, limit, total, -1), Next: api.PageLink(u, param, offset, limit, total, +1)}
}

// Paged reports whether the list is longer than the page, which then says which part it shows.
func (p pager) Paged() bool { return p.Previous != "" || p.Next != "" || p.To-p.From+1 < p.Total }
