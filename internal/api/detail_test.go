package api

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// TestIncidentDetailParams: a malformed page parameter is a 400 naming it and saying what it
// wants; good ones are answered, with the page they chose.
func TestIncidentDetailParams(t *testing.T) {
	a := newTestAPI(t, nil)
	spec := loadSpec(t)
	target := expand(a.fix, incidents+"/{makurdi}")
	for _, c := range []struct {
		query, param, message string
	}{
		{"claims_offset=-1", "claims_offset", `"-1": want a whole number, 0 or more`},
		{"claims_offset=x", "claims_offset", `"x": want a whole number, 0 or more`},
		{"documents_offset=1.5", "documents_offset", `"1.5": want a whole number, 0 or more`},
		{"claims_limit=0", "claims_limit", `"0": want a whole number from 1 to 1000`},
		{"claims_limit=1001", "claims_limit", `"1001": want a whole number from 1 to 1000`},
		{"documents_limit=-5", "documents_limit", `"-5": want a whole number from 1 to 1000`},
		{"documents_limit=", "", ""}, // empty: the default
		{"limit=5", "limit", "unknown parameter; known: claims_offset, claims_limit, documents_offset, documents_limit"},
	} {
		r := a.do(t, "GET", target+"?"+c.query, "")
		if c.param == "" {
			if r.status != http.StatusOK {
				t.Errorf("%s: %d %s, want 200", c.query, r.status, r.body)
			}
			continue
		}
		v := r.json(t)
		if r.status != http.StatusBadRequest || path(v, "error", "parameter") != c.param || path(v, "error", "message") != c.message {
			t.Errorf("%s: %d %s; want 400 for %s: %s", c.query, r.status, r.body, c.param, c.message)
		}
		if errs := spec.validate(v, map[string]any{"$ref": "#/components/schemas/Error"}, "$"); len(errs) > 0 {
			t.Errorf("%s: the error does not match openapi.json: %v", c.query, errs)
		}
	}
}

// TestSmallIncidentDetailUnchanged: an incident within one page is answered exactly as before
// paging — the export contract of the whole incident, without paging — and with paging only
// when a page is asked for.
func TestSmallIncidentDetailUnchanged(t *testing.T) {
	a := newTestAPI(t, nil)
	for key, id := range a.fix.Incidents {
		inc, err := a.store.Incident(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var want any
		b, err := json.Marshal(export.FromModel(inc))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		r := a.do(t, "GET", incidents+"/"+id, "")
		if got := r.json(t); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: detail differs from the whole incident's contract:\n%s\nwant\n%s", key, r.body, b)
		}
		asked := a.do(t, "GET", incidents+"/"+id+"?claims_limit=1", "").json(t)
		if path(asked, "paging", "claims", "limit") != 1.0 || path(asked, "paging", "documents", "total") != float64(len(inc.Documents)) {
			t.Errorf("%s: asked for a page, got paging %v", key, path(asked, "paging"))
		}
	}
}

// largeAPI serves a store holding the large generated incident of n reports.
func largeAPI(t *testing.T, n int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(New(Config{Store: storetest.LargeStore(t, n, false), Log: slog.New(slog.DiscardHandler)}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// getJSON fetches a URL and decodes its JSON body, failing on any status but 200.
func getJSON(t *testing.T, url string) any {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v any
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return v
}

// TestLargeIncidentDetailPages: a large incident's detail holds the first page and says so;
// following its next links reaches every claim and document exactly once, each page with the
// figures of all of them, and the previous links lead back.
func TestLargeIncidentDetailPages(t *testing.T) {
	const n = 450
	srv := largeAPI(t, n)
	spec := loadSpec(t)
	first := getJSON(t, srv.URL+incidents+"/"+storetest.LargeIncident)
	if errs := spec.validate(first, map[string]any{"$ref": "#/components/schemas/Incident"}, "$"); len(errs) > 0 {
		t.Errorf("the first page does not match openapi.json: %v", errs)
	}
	if got := path(first, "paging", "claims"); path(got, "returned") != float64(DetailClaims) || path(got, "total") != float64(n) ||
		path(got, "by_metric", "escaped") != float64(n/3) {
		t.Errorf("claims paging %v, want %d of %d, %d escaped", got, DetailClaims, n, n/3)
	}
	if docs := path(first, "documents").([]any); len(docs) != DetailDocuments {
		t.Errorf("first page: %d documents, want %d", len(docs), DetailDocuments)
	}
	for _, list := range []string{"claims", "documents"} {
		seen, pages := map[string]int{}, 0
		next := incidents + "/" + storetest.LargeIncident + "?" + list + "_limit=120"
		for page := any(nil); next != ""; pages++ {
			page = getJSON(t, srv.URL+next)
			for _, k := range pageItems(page, list) {
				seen[k]++
			}
			if path(page, "metrics", "escaped", "best") != path(first, "metrics", "escaped", "best") {
				t.Errorf("%s: a page's escaped figure differs from the first's", next)
			}
			if prev, _ := path(page, "paging", list, "previous").(string); pages > 0 && !strings.Contains(prev, list+"_offset="+fmt.Sprint((pages-1)*120)) {
				t.Errorf("%s: previous %q, want the page before", next, prev)
			}
			next, _ = path(page, "paging", list, "next").(string)
		}
		if len(seen) != n || pages != (n+119)/120 {
			t.Errorf("%s: %d distinct over %d pages, want %d over %d", list, len(seen), pages, n, (n+119)/120)
		}
		for k, times := range seen {
			if times != 1 {
				t.Errorf("%s: %s on %d pages", list, k, times)
			}
		}
	}
}

// pageItems names the claims (by document, metric and span) or the documents of a page.
func pageItems(page any, list string) []string {
	var out []string
	if list == "documents" {
		return ids(path(page, "documents"))
	}
	metrics, _ := path(page, "metrics").(map[string]any)
	for m, e := range metrics {
		for _, c := range path(e, "claims").([]any) {
			out = append(out, fmt.Sprintf("%v:%s:%v-%v", path(c, "document"), m, path(c, "start"), path(c, "end")))
		}
	}
	slices.Sort(out)
	return out
}
