package api

import (
	"net/http"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// listLimits bound a page of the incident list.
var listLimits = Limits{Default: 50, Max: 500}

// facetLimit is how many values each facet lists.
const facetLimit = 20

type incidentPage struct {
	Incidents  []export.Incident `json:"incidents"`
	NextCursor string            `json:"next_cursor,omitempty"`
	Facets     *store.Facets     `json:"facets,omitempty"`
}

func (a *API) listIncidents(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, append(IncidentParams, "facets")...); err != nil {
		return err
	}
	v, err := a.names().Resolve(v)
	if err != nil {
		return err
	}
	q, err := ParseIncidentQuery(v, listLimits)
	if err != nil {
		return err
	}
	withFacets, err := boolParam(v.Get("facets"), "facets")
	if err != nil {
		return err
	}
	return a.cached(w, r, "incidents?"+v.Encode(), func() (any, error) {
		incs, next, err := a.cfg.Store.Incidents(r.Context(), q)
		if err != nil {
			return nil, err
		}
		page := incidentPage{Incidents: contract(incs), NextCursor: next}
		if withFacets {
			f, err := a.cfg.Store.IncidentFacets(r.Context(), q, facetLimit)
			if err != nil {
				return nil, err
			}
			page.Facets = &f
		}
		return page, nil
	})
}

// contract converts incidents to the export contract, always a non-nil slice.
func contract(incs []model.Incident) []export.Incident {
	out := make([]export.Incident, 0, len(incs))
	for _, inc := range incs {
		out = append(out, export.FromModel(inc))
	}
	return out
}

func boolParam(s, name string) (bool, error) {
	switch s {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, badParam(name, "%q: want true or false", s)
}
