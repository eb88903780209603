package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// scenario is one request and what must come back. route is the openapi.json path the response
// is validated against; target may name fixture ids as {makurdi}, {xss-doc}...
type scenario struct {
	name       string
	method     string
	target     string
	body       string
	route      string
	wantStatus int
	check      func(t *testing.T, a testAPI, r response)
}

func expand(fix storetest.Fixture, s string) string {
	var pairs []string
	for key, id := range fix.Incidents {
		pairs = append(pairs, "{"+key+"}", id)
	}
	pairs = append(pairs, "{xss-doc}", fix.XSSDocument, "{first-doc}", fix.Documents[0])
	return strings.NewReplacer(pairs...).Replace(s)
}

// wantIncidents checks the ids of the listed incidents, by fixture story key, in order.
func wantIncidents(keys ...string) func(*testing.T, testAPI, response) {
	return func(t *testing.T, a testAPI, r response) {
		t.Helper()
		var want []string
		for _, k := range keys {
			want = append(want, a.fix.Incidents[k])
		}
		if got := ids(path(r.json(t), "incidents")); !slices.Equal(got, want) {
			t.Errorf("incidents = %v, want %v (%v)", got, want, keys)
		}
	}
}

func wantParam(name string) func(*testing.T, testAPI, response) {
	return func(t *testing.T, _ testAPI, r response) {
		t.Helper()
		v := r.json(t)
		if got := path(v, "error", "code"); got != "bad_parameter" {
			t.Errorf("error code = %v, want bad_parameter", got)
		}
		if got := path(v, "error", "parameter"); got != name {
			t.Errorf("error parameter = %v, want %s (%s)", got, name, r.body)
		}
	}
}

const (
	incidents = "/api/v1/incidents"
	incident  = "/api/v1/incidents/{id}"
	documents = "/api/v1/documents"
	document  = "/api/v1/documents/{id}"
)

var incidentScenarios = []scenario{
	{"newest first", "GET", incidents, "", incidents, 200, wantIncidents("dori", "cap-haitien", "tillaberi", "makurdi", "gao", "bannu", "butembo", "jos")},
	{"country any case", "GET", incidents + "?country=ng", "", incidents, 200, wantIncidents("makurdi", "jos")},
	{"type", "GET", incidents + "?type=riot", "", incidents, 200, wantIncidents("butembo")},
	{"actor any case", "GET", incidents + "?actor=sahel+liberation+army", "", incidents, 200, wantIncidents("dori", "tillaberi", "gao")},
	{"campaign", "GET", incidents + "?campaign=Open%20the%20Gates&sort=-date", "", incidents, 200, wantIncidents("gao", "tillaberi", "dori")},
	{"date range", "GET", incidents + "?since=2024-03-01&until=2024-05-31", "", incidents, 200, wantIncidents("cap-haitien", "tillaberi", "makurdi")},
	{"text", "GET", incidents + "?q=makurdi", "", incidents, 200, wantIncidents("makurdi")},
	{"bbox", "GET", incidents + "?bbox=-20,0,20,25", "", incidents, 200, wantIncidents("dori", "tillaberi", "makurdi", "gao", "jos")},
	{"sort by escaped", "GET", incidents + "?sort=escaped&limit=2", "", incidents, 200, wantIncidents("cap-haitien", "makurdi")},
	{"oldest first", "GET", incidents + "?sort=-date&limit=1", "", incidents, 200, wantIncidents("jos")},
	{"no match", "GET", incidents + "?country=FR", "", incidents, 200, wantIncidents()},
	{"facets", "GET", incidents + "?country=NG&facets=true", "", incidents, 200, func(t *testing.T, a testAPI, r response) {
		v := r.json(t)
		if got := fmt.Sprint(path(v, "facets", "country", 0, "value"), path(v, "facets", "country", 0, "count")); got != "NG2" {
			t.Errorf("first country facet = %s, want NG2 (a facet ignores its own filter)", got)
		}
		if got := len(path(v, "facets", "country").([]any)); got != 7 {
			t.Errorf("%d country facets, want 7", got)
		}
		if got := len(path(v, "facets", "type").([]any)); got != 2 {
			t.Errorf("%d type facets for NG, want 2", got)
		}
	}},
	{"bad since", "GET", incidents + "?since=2024-13-01", "", incidents, 400, wantParam("since")},
	{"until before since", "GET", incidents + "?since=2024-05-01&until=2024-04-01", "", incidents, 400, wantParam("until")},
	{"country name", "GET", incidents + "?country=Nigeria", "", incidents, 400, wantParam("country")},
	{"bad type", "GET", incidents + "?type=bombing", "", incidents, 400, wantParam("type")},
	{"short bbox", "GET", incidents + "?bbox=1,2,3", "", incidents, 400, wantParam("bbox")},
	{"inverted bbox", "GET", incidents + "?bbox=10,0,5,5", "", incidents, 400, wantParam("bbox")},
	{"bad sort", "GET", incidents + "?sort=size", "", incidents, 400, wantParam("sort")},
	{"limit zero", "GET", incidents + "?limit=0", "", incidents, 400, wantParam("limit")},
	{"limit too big", "GET", incidents + "?limit=501", "", incidents, 400, wantParam("limit")},
	{"bad cursor", "GET", incidents + "?cursor=%21%21", "", incidents, 400, wantParam("cursor")},
	{"misspelt filter", "GET", incidents + "?contry=NG", "", incidents, 400, wantParam("contry")},
	{"bad facets flag", "GET", incidents + "?facets=maybe", "", incidents, 400, wantParam("facets")},
	{"one incident", "GET", incidents + "/{makurdi}", "", incident, 200, func(t *testing.T, a testAPI, r response) {
		v := r.json(t)
		escaped := path(v, "metrics", "escaped")
		if got := fmt.Sprint(path(escaped, "best"), path(escaped, "low"), path(escaped, "high"), path(escaped, "contested")); got != "240 118 300 true" {
			t.Errorf("escaped best/low/high/contested = %s", got)
		}
		if n := len(path(escaped, "claims").([]any)); n != 3 {
			t.Errorf("%d escaped claims, want 3", n)
		}
		if n := len(path(escaped, "history").([]any)); n != 2 {
			t.Errorf("%d history points, want 2", n)
		}
		claim := path(escaped, "claims", 0)
		if path(claim, "quote") == "" || path(claim, "claimant") != "Nigerian Correctional Service" || path(claim, "claimant_role") != "government" {
			t.Errorf("first claim = %v", claim)
		}
		if n := len(path(v, "documents").([]any)); n != 2 {
			t.Errorf("%d documents, want 2", n)
		}
	}},
	{"campaign of an incident", "GET", incidents + "/{gao}", "", incident, 200, func(t *testing.T, _ testAPI, r response) {
		if got := fmt.Sprint(path(r.json(t), "campaigns")); got != "[Open the Gates]" {
			t.Errorf("campaigns = %s", got)
		}
	}},
	{"unknown incident", "GET", incidents + "/inc-nope", "", incident, 404, nil},
	{"incident with parameters", "GET", incidents + "/{makurdi}?x=1", "", incident, 400, wantParam("x")},
	{"wrong method on list", "DELETE", incidents, "", "", 405, func(t *testing.T, _ testAPI, r response) {
		if got := r.header.Get("Allow"); got != "GET, HEAD" {
			t.Errorf("Allow = %q", got)
		}
	}},
	{"wrong method on item", "PUT", incidents + "/{makurdi}", "{}", "", 405, nil},
	{"unknown route", "GET", "/api/v1/nothing", "", "", 404, nil},
}

func TestIncidentScenarios(t *testing.T) { runScenarios(t, newTestAPI(t, nil), incidentScenarios) }

func runScenarios(t *testing.T, a testAPI, scenarios []scenario) {
	spec := loadSpec(t)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			r := a.do(t, sc.method, expand(a.fix, sc.target), sc.body)
			if r.status != sc.wantStatus {
				t.Fatalf("%s %s: status %d, want %d\n%s", sc.method, sc.target, r.status, sc.wantStatus, r.body)
			}
			if strings.Contains(r.header.Get("Content-Type"), "json") {
				checkSchema(t, spec, sc, r)
			}
			if sc.check != nil {
				sc.check(t, a, r)
			}
		})
	}
}

// checkSchema validates a JSON response against its documented schema; errors, wherever they
// come from, against the Error schema.
func checkSchema(t *testing.T, spec openAPISpec, sc scenario, r response) {
	t.Helper()
	schema, documented := spec.responseSchema(sc.route, sc.method, r.status)
	if r.status >= 400 {
		schema, documented = map[string]any{"$ref": "#/components/schemas/Error"}, true
	}
	if !documented {
		t.Errorf("status %d of %s %s is not documented in openapi.json", r.status, sc.method, sc.route)
		return
	}
	for _, e := range spec.validate(r.json(t), schema, "$") {
		t.Errorf("response does not match openapi.json: %s", e)
	}
}

func TestCursorWalksEveryIncidentOnce(t *testing.T) {
	a := newTestAPI(t, nil)
	for _, sort := range []string{"date", "-date", "escaped"} {
		var seen []string
		target := incidents + "?limit=3&sort=" + sort
		for pages := 0; target != ""; pages++ {
			if pages > 5 {
				t.Fatalf("sort %s: cursor does not end", sort)
			}
			v := a.do(t, "GET", target, "").json(t)
			seen = append(seen, ids(path(v, "incidents"))...)
			target = ""
			if next, ok := path(v, "next_cursor").(string); ok {
				target = incidents + "?limit=3&sort=" + sort + "&cursor=" + next
			}
		}
		slices.Sort(seen)
		if len(slices.Compact(seen)) != len(a.fix.Incidents) || len(seen) != len(a.fix.Incidents) {
			t.Errorf("sort %s: walked %d incidents %v, want each of %d once", sort, len(seen), seen, len(a.fix.Incidents))
		}
	}
}

var documentScenarios = []scenario{
	{"list", "GET", documents, "", documents, 200, func(t *testing.T, a testAPI, r response) {
		if n := len(path(r.json(t), "documents").([]any)); n != len(a.fix.Documents) {
			t.Errorf("%d documents, want %d", n, len(a.fix.Documents))
		}
	}},
	{"search", "GET", documents + "?q=motorcycles", "", documents, 200, func(t *testing.T, _ testAPI, r response) {
		if got := fmt.Sprint(path(r.json(t), "documents", 0, "title")); got != "Motorcycle gunmen free inmates in Tillabéri" {
			t.Errorf("first hit = %s", got)
		}
		if got := fmt.Sprint(path(r.json(t), "documents", 0, "snippet")); !strings.Contains(got, "[motorcycles]") {
			t.Errorf("first hit's snippet = %q, want the matched word in brackets", got)
		}
	}},
	{"bad offset", "GET", documents + "?offset=-1", "", documents, 400, wantParam("offset")},
	{"one document", "GET", documents + "/{first-doc}", "", document, 200, checkSpans},
	{"hostile document is data", "GET", documents + "/{xss-doc}", "", document, 200, func(t *testing.T, _ testAPI, r response) {
		if strings.Contains(string(r.body), "<script>") {
			t.Errorf("raw <script> in a JSON response: HTML characters must be escaped")
		}
		if got := path(r.json(t), "text").(string); !strings.Contains(got, "<script>window.__xss=1</script>") {
			t.Errorf("text lost its markup: %q", got)
		}
	}},
	{"unknown document", "GET", documents + "/0000", "", document, 404, nil},
	{"ingest not wired", "POST", documents, `{"text":"Gunmen freed 12 inmates."}`, documents, 501, nil},
	{"actors", "GET", "/api/v1/actors", "", "/api/v1/actors", 200, func(t *testing.T, _ testAPI, r response) {
		v := r.json(t)
		if got := fmt.Sprint(path(v, "actors", 0, "name"), path(v, "actors", 0, "incidents"), len(path(v, "actors").([]any))); got != "Sahel Liberation Army3 4" {
			t.Errorf("first actor, count, actors = %s, want Sahel Liberation Army 3 4", got)
		}
	}},
	{"campaigns", "GET", "/api/v1/campaigns", "", "/api/v1/campaigns", 200, func(t *testing.T, _ testAPI, r response) {
		v := r.json(t)
		if got := fmt.Sprint(path(v, "campaigns", 0, "name"), path(v, "campaigns", 0, "start"), path(v, "campaigns", 0, "end"), len(path(v, "campaigns", 0, "incidents").([]any))); got != "Open the Gates2024-02-032024-06-093" {
			t.Errorf("campaign = %s", got)
		}
	}},
	{"openapi", "GET", "/api/v1/openapi.json", "", "/api/v1/openapi.json", 200, nil},
}

func TestDocumentScenarios(t *testing.T) { runScenarios(t, newTestAPI(t, nil), documentScenarios) }

// checkSpans checks that every span's offsets cut its own text out of the document.
func checkSpans(t *testing.T, _ testAPI, r response) {
	var d DocumentDetail
	if err := json.Unmarshal(r.body, &d); err != nil {
		t.Fatal(err)
	}
	runes := []rune(d.Text)
	kinds := map[string]int{}
	for _, s := range d.Spans {
		kinds[s.Kind]++
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("span %s %d-%d cuts %q, want %q", s.Kind, s.Start, s.End, got, s.Text)
		}
	}
	if kinds["claim"] == 0 || kinds["figure"] == 0 || kinds["facility"] == 0 || len(d.Incidents) != 1 {
		t.Errorf("span kinds %v, incidents %v: want claims, figures, a facility and one incident", kinds, d.Incidents)
	}
	if utf8.RuneCountInString(d.Text) == len(d.Text) {
		t.Logf("document text is ASCII; offsets are runes either way")
	}
}

func wantRetryAfter(t *testing.T, _ testAPI, r response) {
	t.Helper()
	if got := r.header.Get("Retry-After"); got == "" {
		t.Errorf("no Retry-After header on %d", r.status)
	}
	if got := path(r.json(t), "error", "code"); got != "unavailable" {
		t.Errorf("error code = %v, want unavailable", got)
	}
}

func TestIngest(t *testing.T) {
	busy := storetest.BusyError(context.Background(), t.TempDir())
	var got []IngestRequest
	var fix storetest.Fixture
	a := newTestAPI(t, func(c *Config) {
		c.Ingest = func(_ context.Context, req IngestRequest) ([]string, []string, error) {
			if strings.Contains(req.URL, "refused") {
				return nil, nil, fmt.Errorf("%w: fetch %s: private address", ErrBadRequest, req.URL)
			}
			if strings.Contains(req.Text, "explode") {
				return nil, nil, errors.New("disk on fire at /var/lib/secret")
			}
			if strings.Contains(req.Text, "busy") {
				return nil, nil, fmt.Errorf("store batch: %w", busy)
			}
			if strings.Contains(req.Text, "early") {
				return nil, nil, fmt.Errorf("%w: reference data is loading", ErrNotReady)
			}
			got = append(got, req)
			return []string{"doc-new"}, []string{fix.Incidents["makurdi"]}, nil
		}
		c.Actors = func() []model.Actor {
			return []model.Actor{{Name: "Sahel Liberation Army", Kind: "armed_group", Aliases: []string{"SLA", "Jaysh al-Sahel"}}, {Name: "Quiet Group"}}
		}
	})
	fix = a.fix
	scenarios := []scenario{
		{"text", "POST", documents, `{"text":"Gunmen freed 12 inmates.","title":"Short note","published":"2024-07-01"}`, documents, 201, func(t *testing.T, a testAPI, r response) {
			v := r.json(t)
			if got := fmt.Sprint(path(v, "documents"), ids(path(v, "incidents"))); got != fmt.Sprint([]string{"doc-new"}, []string{a.fix.Incidents["makurdi"]}) {
				t.Errorf("result = %s", got)
			}
		}},
		{"url and text", "POST", documents, `{"url":"https://a.example/x","text":"t"}`, documents, 400, wantParam("text")},
		{"neither", "POST", documents, `{"title":"t"}`, documents, 400, wantParam("url")},
		{"not a URL", "POST", documents, `{"url":"file:///etc/passwd"}`, documents, 400, wantParam("url")},
		{"bad date", "POST", documents, `{"text":"t","published":"July"}`, documents, 400, wantParam("published")},
		{"unknown field", "POST", documents, `{"text":"t","author":"x"}`, documents, 400, wantParam("body")},
		{"two objects", "POST", documents, `{"text":"t"}{"text":"u"}`, documents, 400, wantParam("body")},
		{"refused by the pipeline", "POST", documents, `{"url":"https://refused.example/"}`, documents, 400, nil},
		{"pipeline failure is not described", "POST", documents, `{"text":"explode"}`, documents, 500, func(t *testing.T, _ testAPI, r response) {
			if strings.Contains(string(r.body), "secret") {
				t.Errorf("internal error leaked: %s", r.body)
			}
		}},
		{"too large", "POST", documents, `{"text":"` + strings.Repeat("a", maxIngestBody) + `"}`, documents, 413, nil},
		{"busy store", "POST", documents, `{"text":"busy"}`, documents, 503, wantRetryAfter},
		{"reference data loading", "POST", documents, `{"text":"early"}`, documents, 503, wantRetryAfter},
		{"aliases from the dictionary", "GET", "/api/v1/actors?all=true", "", "/api/v1/actors", 200, func(t *testing.T, _ testAPI, r response) {
			v := r.json(t)
			if got := fmt.Sprint(path(v, "actors", 0, "aliases"), path(v, "actors", 0, "kind"), len(path(v, "actors").([]any))); got != "[SLA Jaysh al-Sahel]armed_group5" {
				t.Errorf("first actor aliases, kind, count = %s", got)
			}
		}},
	}
	runScenarios(t, a, scenarios)
	if len(got) != 1 || got[0].Title != "Short note" || got[0].Published.Format(model.DateLayout) != "2024-07-01" {
		t.Errorf("ingest got %+v", got)
	}
}
