package api

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// An incident's detail carries at most DetailClaims claims and DetailDocuments documents unless
// the reader asks for another page size. A claim is about 300 bytes of JSON with its quote and a
// document about 250, so a page of each stays near 100 KB however many reports an incident
// gathers (one gathered thousands, 541 KB), while an incident of a few dozen reports — nearly
// all of them — is answered whole, as before paging.
const (
	DetailClaims    = 200
	DetailDocuments = 200
	// MaxDetailLimit bounds the page size a reader may ask for.
	MaxDetailLimit = 1000
)

// DetailParams are the query parameters of an incident's detail that choose its page.
var DetailParams = []string{"claims_offset", "claims_limit", "documents_offset", "documents_limit"}

// ParseDetailPage reads the page of claims and documents an incident's detail is asked for; a
// parameter absent takes offset 0 and the default limit. A malformed value is a *ParamError.
func ParseDetailPage(v url.Values) (store.DetailPage, error) {
	p := store.DetailPage{ClaimsLimit: DetailClaims, DocumentsLimit: DetailDocuments}
	for _, f := range []struct {
		name  string
		dst   *int
		limit bool
	}{{"claims_offset", &p.ClaimsOffset, false}, {"claims_limit", &p.ClaimsLimit, true},
		{"documents_offset", &p.DocumentsOffset, false}, {"documents_limit", &p.DocumentsLimit, true}} {
		s := v.Get(f.name)
		if s == "" {
			continue
		}
		var err error
		if f.limit {
			*f.dst, err = bounded(f.name, s, MaxDetailLimit)
		} else {
			*f.dst, err = offset(f.name, s)
		}
		if err != nil {
			return p, err
		}
	}
	return p, nil
}

// pagedIncident is an incident's detail: the export contract, with paging when the incident
// holds more claims or documents than one page, or the reader asked for a page.
type pagedIncident struct {
	export.Incident
	Paging *detailPaging `json:"paging,omitempty"`
}

// detailPaging says which part of an incident's claims and documents a detail carries.
type detailPaging struct {
	Claims    listPage `json:"claims"`
	Documents listPage `json:"documents"`
}

// listPage is one list's page: where it starts, its size, what it holds of how many, and the
// URLs of the pages around it ("" when there is none).
type listPage struct {
	Offset   int                  `json:"offset"`
	Limit    int                  `json:"limit"`
	Returned int                  `json:"returned"`
	Total    int                  `json:"total"`
	ByMetric map[model.Metric]int `json:"by_metric,omitempty"`
	Next     string               `json:"next,omitempty"`
	Previous string               `json:"previous,omitempty"`
}

func (a *API) getIncident(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, DetailParams...); err != nil {
		return err
	}
	p, err := ParseDetailPage(v)
	if err != nil {
		return err
	}
	d, err := a.cfg.Store.IncidentDetail(r.Context(), r.PathValue("id"), p)
	if err != nil {
		return err
	}
	out := pagedIncident{Incident: export.FromModel(d.Incident)}
	// Any parameter is one of DetailParams: a reader who asked for a page is told which it got.
	if len(v) > 0 || d.Claims > p.ClaimsLimit || d.Documents > p.DocumentsLimit {
		out.Paging = pagingOf(r.URL, d, p)
	}
	return writeJSON(w, http.StatusOK, out)
}

// pagingOf describes the page d holds of an incident's claims and documents, with links to the
// pages around it that keep the request's other parameters.
func pagingOf(u *url.URL, d store.Detail, p store.DetailPage) *detailPaging {
	return &detailPaging{
		Claims: listPage{Offset: p.ClaimsOffset, Limit: p.ClaimsLimit, Returned: d.Shown(), Total: d.Claims, ByMetric: d.MetricClaims,
			Next:     PageLink(u, "claims_offset", p.ClaimsOffset, p.ClaimsLimit, d.Claims, +1),
			Previous: PageLink(u, "claims_offset", p.ClaimsOffset, p.ClaimsLimit, d.Claims, -1)},
		Documents: listPage{Offset: p.DocumentsOffset, Limit: p.DocumentsLimit, Returned: len(d.Incident.Documents), Total: d.Documents,
			Next:     PageLink(u, "documents_offset", p.DocumentsOffset, p.DocumentsLimit, d.Documents, +1),
			Previous: PageLink(u, "documents_offset", p.DocumentsOffset, p.DocumentsLimit, d.Documents, -1)},
	}
}

// PageLink is the URL of the page after (step +1) or before (-1) the one at offset, with
// parameter param moved and the request's other parameters kept, or "" when there is none.
func PageLink(u *url.URL, param string, offset, limit, total, step int) string {
	to := offset + limit
	switch {
	case step > 0 && to >= total, step < 0 && offset == 0:
		return ""
	case step < 0:
		to = max(0, min(offset, total)-limit)
	}
	v := u.Query()
	v.Set(param, strconv.Itoa(to))
	return u.Path + "?" + v.Encode()
}
