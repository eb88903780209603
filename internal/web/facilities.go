package web

import (
	"net/http"
	"net/url"
	"sort"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

type facilitiesData struct {
	Facilities []store.Facility
}

// facilityList lists every facility incidents name, most incidents first.
func (w *Web) facilityList(r *http.Request) (view, error) {
	fs, err := w.cfg.Store.Facilities(r.Context())
	if err != nil {
		return view{}, err
	}
	return view{"facilities", "Facilities", facilitiesData{Facilities: fs}}, nil
}

type facilityData struct {
	Facility  store.Facility
	Incidents []model.Incident
	Held      []model.Incident // those with a figure of inmates held
	Lists     []facilityList
	Forms     reviewForms
}

// facilityList is the incident list of one spelling, for the filter links.
type facilityList struct {
	Name, Href string
}

// facility is one facility's page: its spellings, where it is, every incident there over time
// and the figures of inmates held.
func (w *Web) facility(r *http.Request) (view, error) {
	f, err := w.cfg.Store.FacilityByID(r.Context(), r.PathValue("id"))
	if err != nil {
		return view{}, err
	}
	d := facilityData{Facility: f, Forms: w.reviewForms(r)}
	for _, name := range f.Names {
		incs, _, err := w.cfg.Store.Incidents(r.Context(), store.IncidentQuery{Country: f.Country, Facility: name, Brief: true})
		if err != nil {
			return view{}, err
		}
		d.Incidents = append(d.Incidents, incs...)
		d.Lists = append(d.Lists, facilityList{Name: name, Href: "/incidents?" + url.Values{"facility": {name}, "country": {f.Country}}.Encode()})
	}
	sort.SliceStable(d.Incidents, func(i, j int) bool { return d.Incidents[i].Date.Start.After(d.Incidents[j].Date.Start) })
	for _, inc := range d.Incidents {
		if _, ok := inc.Metrics[model.Held]; ok {
			d.Held = append(d.Held, inc)
		}
	}
	return view{"facility", f.Names[0], d}, nil
}
