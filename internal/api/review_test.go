package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/review"
)

func TestReviewScenarios(t *testing.T) {
	a := newTestAPI(t, func(c *Config) {
		p := pipeline.New(c.Store, pipeline.Stages{Link: pipeline.NewLinker(func(actor string) string { return actor })})
		c.Review = p.Review
	})
	makurdi, err := a.store.Incident(context.Background(), a.fix.Incidents["makurdi"])
	if err != nil {
		t.Fatal(err)
	}
	claims := makurdi.Metrics[model.Escaped].Claims
	first := "/api/v1/claims/" + review.KeyOf(claims[0]).String()
	const who = `"who":"ana"`
	wantBest := func(best string) func(*testing.T, testAPI, response) {
		return func(t *testing.T, a testAPI, _ response) {
			r := a.do(t, "GET", expand(a.fix, incidents+"/{makurdi}"), "")
			if got := fmt.Sprint(path(r.json(t), "metrics", "escaped", "best")); got != best {
				t.Errorf("escaped best = %s, want %s", got, best)
			}
		}
	}
	runScenarios(t, a, []scenario{
		{"merge", "POST", incidents + "/{makurdi}/merge", `{` + who + `,"others":["` + a.fix.Incidents["jos"] + `"],"why":"one raid"}`, "/api/v1/incidents/{id}/merge", 200,
			func(t *testing.T, a testAPI, r response) {
				if got := fmt.Sprintf("%v %v", path(r.json(t), "kind"), path(r.json(t), "id")); got != "merge 1" {
					t.Errorf("logged as %s", got)
				}
				if r := a.do(t, "GET", expand(a.fix, incidents+"/{jos}"), ""); r.status != 404 {
					t.Errorf("the merged incident answers %d", r.status)
				}
			}},
		{"audit of the merged incident", "GET", "/api/v1/audit?incident={jos}", "", "/api/v1/audit", 200, func(t *testing.T, _ testAPI, r response) {
			if n := len(path(r.json(t), "actions").([]any)); n != 1 {
				t.Errorf("%d entries, want 1", n)
			}
		}},
		{"undo", "POST", "/api/v1/audit/1/undo", `{` + who + `}`, "/api/v1/audit/{id}/undo", 200, func(t *testing.T, a testAPI, _ response) {
			if r := a.do(t, "GET", expand(a.fix, incidents+"/{jos}"), ""); r.status != 200 {
				t.Errorf("after undo the incident answers %d", r.status)
			}
		}},
		{"undo twice", "POST", "/api/v1/audit/1/undo", `{` + who + `}`, "/api/v1/audit/{id}/undo", 400, nil},
		{"reject without reason", "POST", first + "/reject", `{` + who + `}`, "/api/v1/claims/{claim}/reject", 400, nil},
		{"reject", "POST", first + "/reject", `{` + who + `,"why":"an early rumour"}`, "/api/v1/claims/{claim}/reject", 200, wantBest("240")},
		{"reject an unknown claim", "POST", "/api/v1/claims/nope:escaped:1-2/reject", `{` + who + `,"why":"x"}`, "/api/v1/claims/{claim}/reject", 404, nil},
		{"bad claim key", "POST", "/api/v1/claims/nope/accept", `{` + who + `}`, "/api/v1/claims/{claim}/accept", 400, nil},
		{"grade", "POST", incidents + "/{makurdi}/confirm", `{` + who + `,"grade":"fair"}`, "/api/v1/incidents/{id}/confirm", 200, func(t *testing.T, a testAPI, _ response) {
			r := a.do(t, "GET", expand(a.fix, incidents+"/{makurdi}"), "")
			if got := fmt.Sprintf("%v %v", path(r.json(t), "review", "grade"), path(r.json(t), "review", "reviewed")); got != "fair true" {
				t.Errorf("review = %s", got)
			}
		}},
		{"correct a field", "POST", incidents + "/{makurdi}/fields", `{` + who + `,"field":"facility","value":"East Gate jail"}`, "/api/v1/incidents/{id}/fields", 200, nil},
		{"bad field value", "POST", incidents + "/{makurdi}/fields", `{` + who + `,"field":"type","value":"picnic"}`, "/api/v1/incidents/{id}/fields", 400, nil},
		{"hide", "POST", incidents + "/{gao}/hide", `{` + who + `}`, "/api/v1/incidents/{id}/hide", 200, func(t *testing.T, a testAPI, _ response) {
			r := a.do(t, "GET", incidents, "")
			if strings.Contains(string(r.body), a.fix.Incidents["gao"]) {
				t.Errorf("a hidden incident is listed")
			}
		}},
		{"unknown incident", "POST", incidents + "/inc-nope/hide", `{` + who + `}`, "/api/v1/incidents/{id}/hide", 404, nil},
		{"nobody", "POST", incidents + "/{makurdi}/hide", `{}`, "/api/v1/incidents/{id}/hide", 400, nil},
		{"facilities", "GET", "/api/v1/facilities", "", "/api/v1/facilities", 200, func(t *testing.T, _ testAPI, r response) {
			if n := len(path(r.json(t), "facilities").([]any)); n < 5 {
				t.Errorf("%d facilities", n)
			}
		}},
		{"unknown facility", "GET", "/api/v1/facilities/fac-nope", "", "/api/v1/facilities/{id}", 404, nil},
		{"rename a facility", "POST", "/api/v1/facilities/" + link.FacilityID("NG", "East Gate jail") + "/rename", `{` + who + `,"value":"East Gate prison"}`,
			"/api/v1/facilities/{id}/rename", 200, func(t *testing.T, a testAPI, _ response) {
				r := a.do(t, "GET", expand(a.fix, incidents+"/{makurdi}"), "")
				if got := path(r.json(t), "facility"); got != "East Gate prison" {
					t.Errorf("facility after the rename: %v", got)
				}
			}},
		{"whole log", "GET", "/api/v1/audit", "", "/api/v1/audit", 200, func(t *testing.T, _ testAPI, r response) {
			if n := len(path(r.json(t), "actions").([]any)); n != 7 {
				t.Errorf("%d entries, want 7", n)
			}
		}},
	})
	// A form, as the pages post it.
	form := url.Values{"who": {"ben"}, "grade": {"weak"}}
	res, err := http.PostForm(a.url+expand(a.fix, incidents+"/{makurdi}/confirm"), form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("form post: %d", res.StatusCode)
	}
}

func TestReviewWithoutPipeline(t *testing.T) {
	runScenarios(t, newTestAPI(t, nil), []scenario{
		{"not wired", "POST", incidents + "/{makurdi}/hide", `{"who":"ana"}`, "/api/v1/incidents/{id}/hide", 501, nil},
	})
}
