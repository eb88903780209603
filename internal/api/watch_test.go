package api

import (
	"net/http"
	"strings"
	"testing"
)

// TestWatchRoutes walks sources and rules through their lives, in order, each answer checked
// against openapi.json.
func TestWatchRoutes(t *testing.T) {
	a := newTestAPI(t, nil)
	spec := loadSpec(t)
	const (
		sources = Prefix + "/sources"
		rules   = Prefix + "/alerts/rules"
	)
	bodyHas := func(parts ...string) func(*testing.T, testAPI, response) {
		return func(t *testing.T, _ testAPI, r response) {
			for _, p := range parts {
				if !strings.Contains(string(r.body), p) {
					t.Errorf("body lacks %s:\n%s", p, r.body)
				}
			}
		}
	}
	bodyLacks := func(part string) func(*testing.T, testAPI, response) {
		return func(t *testing.T, _ testAPI, r response) {
			if strings.Contains(string(r.body), part) {
				t.Errorf("body has %s:\n%s", part, r.body)
			}
		}
	}
	for _, sc := range []scenario{
		{"add a feed", "POST", sources, `{"url":"https://news.example.org/feed.xml","interval_seconds":60,"follow_links":true}`, sources, http.StatusCreated, bodyHas(`"status":"new"`, `"follow_links":true`)},
		{"the same feed again", "POST", sources, `{"url":"https://news.example.org/feed.xml"}`, sources, http.StatusBadRequest, nil},
		{"not a URL", "POST", sources, `{"url":"ftp://news.example.org/"}`, sources, http.StatusBadRequest, nil},
		{"too often", "POST", sources, `{"url":"https://other.example.org/","interval_seconds":0.1}`, sources, http.StatusBadRequest, nil},
		{"list", "GET", sources, "", sources, http.StatusOK, bodyHas(`"interval_seconds":60`)},
		{"pause", "POST", sources + "/1/pause", "", sources + "/{id}/pause", http.StatusOK, bodyHas(`"status":"paused"`)},
		{"resume", "POST", sources + "/1/resume", "", sources + "/{id}/resume", http.StatusOK, bodyHas(`"paused":false`)},
		{"one", "GET", sources + "/1", "", sources + "/{id}", http.StatusOK, nil},
		{"unknown", "GET", sources + "/9", "", sources + "/{id}", http.StatusNotFound, nil},
		{"bad id", "GET", sources + "/x", "", sources + "/{id}", http.StatusBadRequest, nil},
		{"remove", "DELETE", sources + "/1", "", sources + "/{id}", http.StatusNoContent, nil},

		{"a rule", "POST", rules, `{"owner":"ada","name":"big escapes","filter":{"countries":["NG"],"min_escaped":100},"changes":["new_incident","estimate_changed"],"min_change_percent":20,"webhook":"https://hooks.example.org/in"}`,
			rules, http.StatusCreated, bodyHas(`"secret":"`, `"min_escaped":100`)},
		{"a rule without a channel", "POST", rules, `{"owner":"ada","name":"x"}`, rules, http.StatusBadRequest, bodyHas("webhook URL, an email")},
		{"a rule with an unknown change", "POST", rules, `{"owner":"ada","name":"x","email":"ada@example.org","changes":["rumour"]}`, rules, http.StatusBadRequest, nil},
		{"a digest without email", "POST", rules, `{"owner":"ada","name":"x","webhook":"https://h.example.org/","digest":"daily"}`, rules, http.StatusBadRequest, nil},
		{"rules keep their secret", "GET", rules + "?owner=ada", "", rules, http.StatusOK, bodyLacks(`"secret"`)},
		{"another owner's", "GET", rules + "?owner=bo", "", rules, http.StatusOK, bodyLacks(`"ada"`)},
		{"pause a rule", "POST", rules + "/1/pause", "", rules + "/{id}/pause", http.StatusOK, bodyHas(`"paused":true`)},
		{"test without alerts running", "POST", rules + "/1/test", "", rules + "/{id}/test", http.StatusNotImplemented, nil},
		{"delivery log", "GET", Prefix + "/alerts/deliveries?rule=1", "", Prefix + "/alerts/deliveries", http.StatusOK, bodyHas(`"deliveries":[]`)},
		{"delete a rule", "DELETE", rules + "/1", "", rules + "/{id}", http.StatusNoContent, nil},
		{"deleted", "GET", rules + "/1", "", rules + "/{id}", http.StatusNotFound, nil},
	} {
		r := a.do(t, sc.method, sc.target, sc.body)
		if r.status != sc.wantStatus {
			t.Fatalf("%s: %s %s: status %d, want %d\n%s", sc.name, sc.method, sc.target, r.status, sc.wantStatus, r.body)
		}
		if strings.Contains(r.header.Get("Content-Type"), "json") {
			checkSchema(t, spec, sc, r)
		}
		if sc.check != nil {
			sc.check(t, a, r)
		}
	}
}
