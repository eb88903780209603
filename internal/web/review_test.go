package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	linkrules "github.com/wallwatch/wallwatch/internal/link"
)

func TestReviewPages(t *testing.T) {
	site := newTestSite(t, true)
	makurdi := site.fix.Incidents["makurdi"]
	site.check(t, []pageCase{
		{"/incidents/" + makurdi, 200, []string{"Escapees over time", `class="chart lifecycle"`, "not reviewed", "In the estimate", "counted"}},
		{"/review", 200, []string{"Review queue", "contested", "Makurdi Medium Security Custodial Centre"}},
		{"/incidents/" + makurdi + "/history", 200, []string{"Nobody has reviewed this incident"}},
		{"/incidents/inc-missing/history", 404, nil},
		{"/facilities", 200, []string{"Makurdi Medium Security Custodial Centre", "Facilities"}},
		{"/facilities/" + linkrules.FacilityID("NG", "Makurdi Medium Security Custodial Centre"), 200,
			[]string{"Names and spellings", "Incidents over time", "facility=Makurdi"}},
		{"/facilities/fac-000000000000", 404, nil},
	})
	// Without a pipeline the pages show no review forms and refuse a posted one.
	if _, body := site.get(t, "/incidents/"+makurdi); strings.Contains(body, `action="/review"`) {
		t.Error("review forms shown on a server that cannot take them")
	}
	res, err := http.PostForm(site.url+"/review", url.Values{"kind": {"hide"}, "subject": {makurdi}, "who": {"ana"}, "back": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("a review form on a server without review: %d, want 400", res.StatusCode)
	}
}

func TestSafeBack(t *testing.T) {
	for in, want := range map[string]string{
		"/incidents/inc-1":      "/incidents/inc-1",
		"//evil.example/":       "/review",
		"https://evil.example/": "/review",
		"/\\evil.example":       "/review",
		"":                      "/review",
	} {
		if got := safeBack(in); got != want {
			t.Errorf("safeBack(%q) = %q, want %q", in, got, want)
		}
	}
}
