package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// asPrincipal serves the API to requests made as p, as the server's guard would pass them on.
func asPrincipal(t *testing.T, p auth.Principal) testAPI {
	t.Helper()
	base := newTestAPI(t, nil)
	for _, u := range []store.User{{Name: "ada", Org: "Harbour Desk", Role: "admin"}, {Name: "bo", Org: "Harbour Desk", Role: "viewer"}} {
		u.PasswordHash, u.CreatedAt = "$argon2id$unused", time.Now()
		if _, err := base.store.AddUser(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
	h := New(Config{Store: base.store, Log: slog.New(slog.DiscardHandler)}).Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	}))
	t.Cleanup(srv.Close)
	return testAPI{url: srv.URL, store: base.store, fix: base.fix}
}

// TestAccountRoutes: every answer of the users and tokens routes matches openapi.json.
func TestAccountRoutes(t *testing.T) {
	a := asPrincipal(t, auth.Principal{Name: "ada", Org: "Harbour Desk", Role: auth.Admin, Via: "session"})
	const users, tokens = Prefix + "/users", Prefix + "/tokens"
	runScenarios(t, a, []scenario{
		{"list users", "GET", users, "", users, 200, func(t *testing.T, _ testAPI, r response) {
			if got := path(r.json(t), "users", 1, "name"); got != "bo" {
				t.Errorf("second user %v, want bo", got)
			}
		}},
		{"add user", "POST", users, `{"name":"cy","organisation":"Lakeside Desk","role":"analyst","password":"a long passphrase"}`, users, 201, nil},
		{"add taken name", "POST", users, `{"name":"cy","organisation":"Lakeside Desk","role":"analyst","password":"a long passphrase"}`, users, 409, nil},
		{"add with a short password", "POST", users, `{"name":"di","organisation":"X","role":"viewer","password":"short"}`, users, 400, nil},
		{"add with an unknown field", "POST", users, `{"name":"di","organisation":"X","role":"viewer","password":"a long passphrase","admin":true}`, users, 400, nil},
		{"change role", "POST", users + "/cy/role", `{"role":"viewer"}`, users + "/{name}/role", 200, func(t *testing.T, _ testAPI, r response) {
			if got := path(r.json(t), "role"); got != "viewer" {
				t.Errorf("role %v, want viewer", got)
			}
		}},
		{"demote the last admin", "POST", users + "/ada/role", `{"role":"viewer"}`, users + "/{name}/role", 409, nil},
		{"role of nobody", "POST", users + "/nobody/role", `{"role":"viewer"}`, users + "/{name}/role", 404, nil},
		{"remove", "DELETE", users + "/cy", "", users + "/{name}", 204, nil},
		{"remove the last admin", "DELETE", users + "/ada", "", users + "/{name}", 409, nil},
		{"create a token", "POST", tokens, `{"name":"dashboard","scope":"read","expires":"30d"}`, tokens, 201, func(t *testing.T, _ testAPI, r response) {
			if s, _ := path(r.json(t), "secret").(string); !strings.HasPrefix(s, "wwt_") || r.header.Get("Cache-Control") != "no-store" {
				t.Errorf("secret %q, Cache-Control %q", s, r.header.Get("Cache-Control"))
			}
		}},
		{"create a token for another user", "POST", tokens, `{"name":"kiosk","scope":"read","expires":"never","user":"bo"}`, tokens, 201, nil},
		{"create a token for nobody", "POST", tokens, `{"name":"x","scope":"read","user":"nobody"}`, tokens, 404, nil},
		{"create with a bad lifetime", "POST", tokens, `{"name":"x","scope":"read","expires":"soon"}`, tokens, 400, nil},
		{"list tokens", "GET", tokens, "", tokens, 200, func(t *testing.T, _ testAPI, r response) {
			if n := len(path(r.json(t), "tokens").([]any)); n != 2 || strings.Contains(string(r.body), "wwt_") {
				t.Errorf("%d tokens, want 2 and no secret:\n%s", n, r.body)
			}
		}},
		{"revoke", "POST", tokens + "/2/revoke", "", tokens + "/{id}/revoke", 200, func(t *testing.T, _ testAPI, r response) {
			if path(r.json(t), "revoked_at") == nil {
				t.Error("no revoked_at")
			}
		}},
		{"revoke no token", "POST", tokens + "/99/revoke", "", tokens + "/{id}/revoke", 404, nil},
		{"revoke a bad id", "POST", tokens + "/x/revoke", "", tokens + "/{id}/revoke", 400, nil},
	})
}
