package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// pageOffset reads the offset of a simple paged list; anything unreadable is the first page.
func pageOffset(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func documentsURL(q string, offset int) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	v.Set("offset", strconv.Itoa(offset))
	return "/documents?" + v.Encode()
}

type campaignListData struct {
	Campaigns []model.Campaign
}

func (w *Web) campaignList(r *http.Request) (view, error) {
	cs, err := w.cfg.Store.Campaigns(r.Context())
	if err != nil {
		return view{}, err
	}
	return view{"campaigns", "Campaigns", campaignListData{cs}}, nil
}

// subjectData is a campaign's or an actor's page: who, and the incidents on a map and a time line.
type subjectData struct {
	Campaign  model.Campaign
	Actor     api.ActorSummary
	Incidents []model.Incident
	Map       mapView
	Strip     *stripChart
	Timeline  barChart
	Totals    store.Totals
	Countries []mark
	Active    string // first and last month with an incident
	ListURL   string
}

// subjectLimit bounds the incidents listed on a campaign or actor page.
const subjectLimit = 500

func (w *Web) campaign(r *http.Request) (view, error) {
	c, err := w.cfg.Store.Campaign(r.Context(), r.PathValue("name"))
	if err != nil {
		return view{}, err
	}
	incs, _, err := w.cfg.Store.Incidents(r.Context(), store.IncidentQuery{Campaign: c.Name, Sort: "-date", Limit: subjectLimit, Brief: true})
	if err != nil {
		return view{}, err
	}
	d := subjectData{Campaign: c, Incidents: incs, Map: w.mapOf(incs, false), Strip: incidentStrip(incs),
		ListURL: "/incidents?" + url.Values{"campaign": {c.Name}}.Encode()}
	return view{"campaign", c.Name, d}, nil
}

type actorListData struct {
	Actors []api.ActorSummary
}

func (w *Web) actorList(r *http.Request) (view, error) {
	actors, err := w.actors(r, false)
	if err != nil {
		return view{}, err
	}
	return view{"actors", "Actors", actorListData{actors}}, nil
}

func (w *Web) actors(r *http.Request, all bool) ([]api.ActorSummary, error) {
	counts, err := w.cfg.Store.ActorCounts(r.Context())
	if err != nil {
		return nil, err
	}
	var dict []model.Actor
	if w.cfg.Actors != nil {
		dict = w.cfg.Actors()
	}
	return api.MergeActors(dict, counts, all), nil
}

func (w *Web) actor(r *http.Request) (view, error) {
	name := r.PathValue("name")
	actors, err := w.actors(r, true)
	if err != nil {
		return view{}, err
	}
	var found *api.ActorSummary
	for i := range actors {
		if strings.EqualFold(actors[i].Name, name) {
			found = &actors[i]
			break
		}
	}
	if found == nil {
		return view{}, store.ErrNotFound
	}
	q := store.IncidentQuery{Actor: found.Name, Limit: subjectLimit, Brief: true}
	incs, _, err := w.cfg.Store.Incidents(r.Context(), q)
	if err != nil {
		return view{}, err
	}
	q.Limit = 0
	months, err := w.cfg.Store.MonthlyCounts(r.Context(), q)
	if err != nil {
		return view{}, err
	}
	d := subjectData{Actor: *found, Incidents: incs, Map: w.mapOf(incs, false), Timeline: monthlyChart(months, timelineMonths),
		Active: activeMonths(months), ListURL: "/incidents?" + url.Values{"actor": {found.Name}}.Encode()}
	if d.Totals, err = w.cfg.Store.IncidentTotals(r.Context(), q); err != nil {
		return view{}, err
	}
	facets, err := w.cfg.Store.IncidentFacets(r.Context(), q, 8)
	if err != nil {
		return view{}, err
	}
	d.Countries = breakdown(facets.Country, "country")
	for i := range d.Countries {
		d.Countries[i].Href = "/incidents?" + url.Values{"actor": {found.Name}, "country": {facets.Country[i].Value}}.Encode()
	}
	return view{"actor", found.Name, d}, nil
}

// activeMonths spans the first and last month with an incident, "" when none is dated.
func activeMonths(months []store.MonthCount) string {
	if len(months) == 0 {
		return ""
	}
	first, err1 := time.Parse("2006-01", months[0].Month)
	last, err2 := time.Parse("2006-01", months[len(months)-1].Month)
	if err1 != nil || err2 != nil {
		return ""
	}
	if first.Equal(last) {
		return first.Format("Jan 2006")
	}
	return first.Format("Jan 2006") + " – " + last.Format("Jan 2006")
}
