package api

import (
	"net/http"
	"slices"
)

// route is one endpoint: method, ServeMux pattern and handler.
type route struct {
	method  string
	pattern string
	handle  handlerFunc
}

// routes is the table of every endpoint; openapi.json documents each of them (a test keeps the
// two in step).
func (a *API) routes() []route {
	return append([]route{
		{http.MethodGet, Prefix + "/incidents", a.listIncidents},
		{http.MethodGet, Prefix + "/incidents/{id}", a.getIncident},
		{http.MethodGet, Prefix + "/documents", a.listDocuments},
		{http.MethodPost, Prefix + "/documents", a.ingestDocument},
		{http.MethodGet, Prefix + "/documents/{id}", a.getDocument},
		{http.MethodGet, Prefix + "/actors", a.listActors},
		{http.MethodGet, Prefix + "/campaigns", a.listCampaigns},
		{http.MethodGet, Prefix + "/waves", a.listWaves},
		{http.MethodGet, Prefix + "/waves/{id}", a.getWave},
		{http.MethodGet, Prefix + "/export.json", a.export(exportJSON)},
		{http.MethodGet, Prefix + "/export.csv", a.export(exportCSV)},
		{http.MethodGet, Prefix + "/export.geojson", a.export(exportGeoJSON)},
		{http.MethodGet, Prefix + "/export.stix", a.export(exportSTIX)},
		{http.MethodGet, Prefix + "/openapi.json", a.openAPI},
		{http.MethodGet, Prefix + "/security/events", a.listSecurityEvents},
	}, slices.Concat(a.watchRoutes(), a.reviewRoutes(), a.accountRoutes())...)
}

// Routes lists every endpoint as "METHOD pattern", for the server's access table.
func (a *API) Routes() []string {
	var out []string
	for _, rt := range a.routes() {
		out = append(out, rt.method+" "+rt.pattern)
	}
	return out
}
