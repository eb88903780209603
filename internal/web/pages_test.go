package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

type testSite struct {
	url   string
	fix   storetest.Fixture
	store *store.Store
	web   *Web
}

func newTestSite(t *testing.T, seed bool) testSite {
	t.Helper()
	ctx := context.Background()
	s, err := storetest.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var fix storetest.Fixture
	if seed {
		if fix, err = storetest.Seed(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	// With the read cache on, as serve runs the pages.
	w, err := New(Config{Store: s, Log: slog.New(slog.DiscardHandler), Cache: respcache.New(8<<20, 8<<20), Actors: func() []model.Actor {
		return []model.Actor{{Name: "Sahel Liberation Army", Kind: "armed_group", Aliases: []string{"SLA", "Jaysh al-Sahel"}}}
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(w.Handler())
	t.Cleanup(srv.Close)
	return testSite{url: srv.URL, fix: fix, store: s, web: w}
}

func (s testSite) get(t *testing.T, path string) (int, string) {
	t.Helper()
	res, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

// pageCase is a page, the status it must answer with and texts it must contain.
type pageCase struct {
	path       string
	wantStatus int
	want       []string
}

func (s testSite) check(t *testing.T, cases []pageCase) {
	t.Helper()
	for _, tc := range cases {
		status, body := s.get(t, tc.path)
		if status != tc.wantStatus {
			t.Errorf("GET %s: status %d, want %d", tc.path, status, tc.wantStatus)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q", tc.path, w)
			}
		}
	}
}

func TestPages(t *testing.T) {
	site := newTestSite(t, true)
	fix := site.fix
	site.check(t, []pageCase{
		{"/", 200, []string{"inmates escaped", "Most contested figures", "Latest incidents", `class="map map-large"`}},
		{"/incidents", 200, []string{"8 incidents", "Makurdi Medium Security Custodial Centre", "Nigeria"}},
		{"/incidents?country=NG", 200, []string{"2 incidents match", "Clear filters", "/api/v1/export.csv?country=NG"}},
		{"/incidents?type=riot&q=butembo", 200, []string{"1 incident match", "Butembo Central Prison"}},
		{"/incidents?country=FR", 200, []string{"Nothing matches"}},
		{"/incidents?since=yesterday", 400, []string{"since"}},
		{"/incidents?cursor=%21", 400, []string{"page link is broken"}},
		{"/incidents/" + fix.Incidents["makurdi"], 200, []string{"Figures", "more than 240", "Benue Valley Brigade", "#span-"}},
		{"/incidents/inc-missing", 404, []string{"Nothing here"}},
		{"/documents", 200, []string{"Sources", "Motorcycle gunmen free inmates"}},
		{"/documents?q=Harbour", 200, []string{"No document contains every word"}},
		{"/documents/" + fix.Documents[0], 200, []string{`class="quote" id="span-`, `class="hl hl-figure"`}},
		{"/documents/nope", 404, nil},
		{"/campaigns", 200, []string{"Open the Gates"}},
		{"/campaigns/" + url.PathEscape("open the gates"), 200, []string{"Sahel Liberation Army", "Gao Prison", `class="chart strip"`}},
		{"/campaigns/none", 404, nil},
		{"/actors", 200, []string{"Sahel Liberation Army", "Jaysh al-Sahel"}},
		{"/actors/" + url.PathEscape("Sahel Liberation Army"), 200, []string{"Also known as", "Dori Prison"}},
		{"/actors/nobody", 404, nil},
		{"/no/such/page", 404, nil},
		{"/static/site.css", 200, []string{"--ink"}},
		{"/static/", 404, nil},
	})
}

func TestPagesEscapeArticleText(t *testing.T) {
	site := newTestSite(t, true)
	for _, path := range []string{"/", "/incidents?sort=-date", "/incidents/" + site.fix.XSSIncident, "/documents", "/documents/" + site.fix.XSSDocument} {
		_, body := site.get(t, path)
		for _, bad := range []string{"<script>window", "<img src=x", `href="javascript:`, "<b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: unescaped %q in the page", path, bad)
			}
		}
		if strings.Contains(body, " style=") || strings.Contains(body, "<style") {
			t.Errorf("GET %s: inline style, which the CSP forbids", path)
		}
	}
}

func TestEmptyDatabase(t *testing.T) {
	site := newTestSite(t, false)
	for path, want := range map[string]string{
		"/":          "No incidents yet",
		"/incidents": "Nothing matches",
		"/documents": "No documents yet",
		"/campaigns": "No campaigns yet",
		"/actors":    "No actors yet",
	} {
		status, body := site.get(t, path)
		if status != 200 || !strings.Contains(body, want) {
			t.Errorf("GET %s on an empty database: status %d, want 200 and %q", path, status, want)
		}
	}
}

func TestMapSaysWhenBundleIsMissing(t *testing.T) {
	w, err := New(Config{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	w.assets = assets{files: fstest.MapFS{siteCSS: {Data: []byte("body{}")}}, versions: map[string]string{siteCSS: "1"}}
	if w.assets.HasBundle() {
		t.Fatal("HasBundle without dist/app.js")
	}
	var buf strings.Builder
	if err := w.pages["incident"].ExecuteTemplate(&buf, "map", w.mapOf(nil, false)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "map bundle is missing") {
		t.Errorf("map without bundle: %s", buf.String())
	}
}

// TestIncidentListFollowsWrites: the list kept in the read cache is shown again while the store
// stands; after a write the next view lists the new incident at once, with the totals as they
// were until the summary has been computed again, and then with the new totals.
func TestIncidentListFollowsWrites(t *testing.T) {
	site := newTestSite(t, true)
	_, first := site.get(t, "/incidents")
	if _, again := site.get(t, "/incidents"); again != first {
		t.Fatal("two views of an unchanged store differ")
	}
	total := func(body string) string {
		_, rest, _ := strings.Cut(body, "<h1>")
		head, _, _ := strings.Cut(rest, "</h1>")
		return head
	}
	before := total(first)
	day := time.Date(2031, 5, 4, 0, 0, 0, 0, time.UTC)
	err := site.store.InTx(context.Background(), func(tx *store.Tx) error {
		return tx.PutIncident(context.Background(), model.Incident{ID: "inc-cache-new", Type: model.MassEscape,
			Date: model.Date{Start: day, Precision: model.PrecisionDay}, Place: model.Place{Country: "NG"}, Metrics: map[model.Metric]model.Estimate{}, UpdatedAt: day})
	})
	if err != nil {
		t.Fatal(err)
	}
	_, after := site.get(t, "/incidents")
	if !strings.Contains(after, "/incidents/inc-cache-new") {
		t.Error("the new incident is not listed after the write")
	}
	site.web.lists.refreshes.Wait()
	_, refreshed := site.get(t, "/incidents")
	if got := total(refreshed); got == before || !strings.Contains(refreshed, "/incidents/inc-cache-new") {
		t.Errorf("after the summary's refresh: heading %q (was %q), new incident listed %v", got, before, strings.Contains(refreshed, "/incidents/inc-cache-new"))
	}
}
