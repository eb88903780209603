package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/auth"
)

// TestOpenAPIDocumentsRefusals: every API route documents the refusals the access table and the
// rate limits can give it — 401 for any route that needs an account, 403 for one that needs
// more than a viewer, 429 for all.
func TestOpenAPIDocumentsRefusals(t *testing.T) {
	srv := newTestServer(t, Config{})
	res, err := http.Get(srv.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, rule := range accessTable() {
		method, path, _ := strings.Cut(rule.pattern, " ")
		if !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("%s is not documented", rule.pattern)
			continue
		}
		checked++
		for status, want := range map[string]bool{"401": rule.role > auth.Anyone, "403": rule.role > auth.Viewer, "429": true} {
			if _, got := op.Responses[status]; got != want {
				t.Errorf("%s (%s): documents %s %v, want %v", rule.pattern, rule.role, status, got, want)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d API routes checked", checked)
	}
}
