package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// listLimits bound a page of the incident list.
var listLimits = api.Limits{Default: 50, Max: 200}

type listData struct {
	Filtered  bool
	Incidents []model.Incident
	Total     store.Totals
	Next      string // URL of the next page, "" on the last
	First     string // URL of the first page when this is a later one
	Sidebar   template.HTML
	Map       mapView
	Exports   []link
}

// filterData is what the sidebar shows: the filter form and the facets.
type filterData struct {
	Form       url.Values // the filters as given, to refill the form
	Filtered   bool
	Facets     []facetGroup
	Countries  []store.FacetCount // for the country menu
	Types      []model.EventType
	AreaFilter string // the list without its area filter
}

// facetGroup is one dimension's counts with the links that filter on each value.
// facetShown is how many values of each facet the sidebar lists.
const facetShown = 12

type facetGroup struct {
	Param  string
	Title  string
	Values []facetValue
}

type facetValue struct {
	Label    string
	Count    int
	Href     string
	Selected bool
}

type link struct {
	Label, Href string
}

func (w *Web) incidentList(r *http.Request) (view, error) {
	v := r.URL.Query()
	if w.cfg.Names != nil {
		var err error
		if v, err = w.cfg.Names().Resolve(v); err != nil {
			return view{}, err
		}
	}
	q, err := api.ParseIncidentQuery(v, listLimits)
	if err != nil {
		return view{}, err
	}
	q.Brief = true // the list and the map show figures, not claims
	ctx := r.Context()
	mark, err := w.cfg.Store.ChangeMark(ctx)
	if err != nil {
		return view{}, err
	}
	all := q
	all.Cursor, all.Limit = "", 0
	// The summary may be computed again after this request has ended; it is kept per audience.
	sumCtx := context.WithoutCancel(ctx)
	aud := store.AudienceFrom(ctx).Key()
	sum, current, err := w.lists.get(aud+"|"+withParam(v, "cursor", ""), mark, func() (listSummary, error) { return w.listSummary(sumCtx, v, all) })
	if err != nil {
		return view{}, err
	}
	render := func() ([]byte, error) { return w.listContent(ctx, v, q, sum) }
	var content []byte
	if current {
		// Kept until the store changes, as the API's lists are; not with a summary of an older
		// mark, which would outlive its background refresh.
		content, err = w.cfg.Cache.Get("page|"+aud+"\x00"+v.Encode(), mark, render)
	} else {
		content, err = render()
	}
	if err != nil {
		return view{}, err
	}
	return view{"incidents", "Incidents", template.HTML(content)}, nil // html/template escaped it
}

// listContent renders the incident list's page of q (filters v) with its summary: everything
// the page shows but the site's frame.
func (w *Web) listContent(ctx context.Context, v url.Values, q store.IncidentQuery, sum listSummary) ([]byte, error) {
	d := listData{Filtered: filtered(v), Total: sum.Total, Sidebar: sum.Sidebar, Map: sum.Map, Exports: exportLinks(v)}
	var err error
	if d.Incidents, d.Next, err = w.cfg.Store.Incidents(ctx, q); err != nil {
		return nil, err
	}
	if d.Next != "" {
		d.Next = withParam(v, "cursor", d.Next)
	}
	if q.Cursor != "" {
		d.First = withParam(v, "cursor", "")
	}
	var buf bytes.Buffer
	if err := w.pages["incidents"].ExecuteTemplate(&buf, "incidentList", d); err != nil {
		return nil, fmt.Errorf("render the incident list: %w", err)
	}
	return buf.Bytes(), nil
}

// filtered reports whether the list is narrowed by a filter (sorting and paging are none).
func filtered(v url.Values) bool {
	for _, p := range api.IncidentParams {
		if p != "cursor" && p != "limit" && p != "sort" && v.Get(p) != "" {
			return true
		}
	}
	return false
}

// listSummary is what the incident list shows of every matching incident, whatever the page:
// totals, the sidebar of filters and facets, and the map.
type listSummary struct {
	Total store.Totals
	// Sidebar is rendered once here: its country menu and facet links were most of the cost of
	// rendering each view of the list.
	Sidebar template.HTML
	Map     mapView
}

func (w *Web) listSummary(ctx context.Context, v url.Values, all store.IncidentQuery) (listSummary, error) {
	var sum listSummary
	var err error
	if sum.Total, err = w.cfg.Store.IncidentTotals(ctx, all); err != nil {
		return sum, err
	}
	facets, err := w.cfg.Store.IncidentFacets(ctx, all, 250)
	if err != nil {
		return sum, err
	}
	onMap, err := w.cfg.Store.MapIncidents(ctx, all, mapLimit)
	if err != nil {
		return sum, err
	}
	sum.Map = w.mapOf(onMap, false)
	sum.Map.AreaFilter = withParam(v, "bbox", "")
	side := filterData{Form: v, Filtered: filtered(v), Facets: facetGroups(v, facets), Countries: countryOptions(facets.Country, all.Country),
		Types: model.AllEventTypes(), AreaFilter: sum.Map.AreaFilter}
	var buf bytes.Buffer
	if err := w.pages["incidents"].ExecuteTemplate(&buf, "incidentFilters", side); err != nil {
		return sum, fmt.Errorf("render the incident filters: %w", err)
	}
	sum.Sidebar = template.HTML(buf.String()) // html/template escaped it
	return sum, nil
}

func facetGroups(v url.Values, f store.Facets) []facetGroup {
	groups := []facetGroup{
		{Param: "country", Title: "Country"},
		{Param: "type", Title: "Type"},
		{Param: "actor", Title: "Perpetrator"},
	}
	for i, counts := range [][]store.FacetCount{f.Country, f.Type, f.Actor} {
		g := &groups[i]
		for _, c := range counts[:min(len(counts), facetShown)] {
			label := c.Value
			switch g.Param {
			case "country":
				label = countryName(c.Value)
			case "type":
				label = typeLabel(model.EventType(c.Value))
			}
			selected := v.Get(g.Param) != "" && strings.EqualFold(v.Get(g.Param), c.Value)
			href := withParam(v, g.Param, c.Value)
			if selected {
				href = withParam(v, g.Param, "")
			}
			g.Values = append(g.Values, facetValue{Label: label, Count: c.Count, Href: href, Selected: selected})
		}
	}
	return groups
}

// withParam is the incident list URL with one parameter set (or removed when value is ""),
// starting again from the first page.
func withParam(v url.Values, key, value string) string {
	out := url.Values{}
	for k, vals := range v {
		if k != "cursor" && k != key && len(vals) > 0 && vals[0] != "" {
			out.Set(k, vals[0])
		}
	}
	if value != "" {
		out.Set(key, value)
	}
	if len(out) == 0 {
		return "/incidents"
	}
	return "/incidents?" + out.Encode()
}

// exportLinks are the API downloads of the filtered incidents.
func exportLinks(v url.Values) []link {
	filters := url.Values{}
	for _, p := range api.IncidentParams {
		if p != "cursor" && p != "limit" && v.Get(p) != "" {
			filters.Set(p, v.Get(p))
		}
	}
	suffix := ""
	if len(filters) > 0 {
		suffix = "?" + filters.Encode()
	}
	var out []link
	for _, f := range []struct{ label, ext string }{{"CSV", "csv"}, {"JSON", "json"}, {"GeoJSON", "geojson"}, {"STIX 2.1", "stix"}} {
		out = append(out, link{f.label, api.Prefix + "/export." + f.ext + suffix})
	}
	return out
}

// countryOptions are the countries of the filter menu: those with incidents, and the one asked
// for even when it has none.
func countryOptions(counts []store.FacetCount, current string) []store.FacetCount {
	for _, c := range counts {
		if strings.EqualFold(c.Value, current) {
			return counts
		}
	}
	if current == "" {
		return counts
	}
	return append(counts, store.FacetCount{Value: current})
}
