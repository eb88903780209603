package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
)

// send makes one request with a credential (a session cookie or an Authorization header) and
// a JSON or form body, and returns the response with its body read.
func send(h http.Handler, method, path, body string, credential any) (*http.Response, string) {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	switch {
	case strings.HasPrefix(path, "/api/"):
		r.Header.Set("Content-Type", "application/json")
	default:
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	switch c := credential.(type) {
	case *http.Cookie:
		r.AddCookie(c)
	case string:
		r.Header.Set("Authorization", c)
	}
	r.RemoteAddr = "192.0.2.30:4000"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	b, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(b)
}

// TestUsersAPI walks the admin API for users: add, change a role, refuse what the rules refuse,
// remove — each write in the security log under the admin's name.
func TestUsersAPI(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	admin := a.token("admin", "admin", time.Time{}, false)
	steps := []struct {
		method, path, body string
		credential         any
		status             int
		contains           string
	}{
		{"POST", "/api/v1/users", `{"name":"dana","organisation":"Lakeside Desk","role":"analyst","password":"a long passphrase"}`, admin, 201, `"organisation":"Lakeside Desk"`},
		{"POST", "/api/v1/users", `{"name":"dana","organisation":"Lakeside Desk","role":"viewer","password":"a long passphrase"}`, admin, 409, `"conflict"`},
		{"POST", "/api/v1/users", `{"name":"eli","organisation":"Lakeside Desk","role":"viewer","password":"short"}`, admin, 400, "at least 10"},
		{"POST", "/api/v1/users", `{"name":"eli","organisation":"Lakeside Desk","role":"root","password":"a long passphrase"}`, admin, 400, "role"},
		{"POST", "/api/v1/users", `{"name":"eli","organisation":"Lakeside Desk","role":"viewer","password":"a long passphrase","extra":1}`, admin, 400, "bad_parameter"},
		{"GET", "/api/v1/users", "", admin, 200, `"name":"dana"`},
		{"POST", "/api/v1/users/dana/role", `{"role":"viewer"}`, admin, 200, `"role":"viewer"`},
		{"POST", "/api/v1/users/admin/role", `{"role":"analyst"}`, admin, 409, "last admin"},
		{"DELETE", "/api/v1/users/admin", "", admin, 409, "last admin"},
		{"DELETE", "/api/v1/users/nobody", "", admin, 404, "not_found"},
		{"DELETE", "/api/v1/users/dana", "", admin, 204, ""},
		{"GET", "/api/v1/users", "", a.token("analyst", "write", time.Time{}, false), 403, "forbidden"},
		{"POST", "/api/v1/users", `{"name":"fay","organisation":"X","role":"admin","password":"a long passphrase"}`, a.token("admin", "write", time.Time{}, false), 403, "forbidden"},
	}
	for i, s := range steps {
		res, body := send(h, s.method, s.path, s.body, s.credential)
		if res.StatusCode != s.status || !strings.Contains(body, s.contains) {
			t.Errorf("step %d %s %s: %d %s, want %d with %q", i, s.method, s.path, res.StatusCode, body, s.status, s.contains)
		}
		if strings.Contains(body, "argon2id") || strings.Contains(body, "password") && s.status < 300 {
			t.Errorf("step %d: the answer shows a password or its hash: %s", i, body)
		}
	}
	log := securityKinds(t, a.store)
	for _, want := range []string{"write admin 192.0.2.30 POST /api/v1/users 201", "write admin 192.0.2.30 POST /api/v1/users/dana/role 200",
		"write admin 192.0.2.30 DELETE /api/v1/users/dana 204", "write admin 192.0.2.30 DELETE /api/v1/users/admin 409",
		"write admin 192.0.2.30 POST /api/v1/users 403"} {
		if !strings.Contains(log, want) {
			t.Errorf("security log lacks %q:\n%s", want, log)
		}
	}
}

// TestTokensAPI: each account lists, creates and revokes its own tokens; an admin every token;
// the secret is shown once and works; a token cannot mint a wider one.
func TestTokensAPI(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	viewer := a.session("viewer", time.Now().Add(time.Hour))
	res, body := send(h, "POST", "/api/v1/tokens", `{"name":"wall screen","scope":"read","expires":"30d"}`, viewer)
	var created struct {
		Token  struct{ ID int64 }
		Secret string
	}
	if err := json.Unmarshal([]byte(body), &created); err != nil || res.StatusCode != 201 || created.Secret == "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %s (%v), want 201 with the secret, not cached", res.StatusCode, body, err)
	}
	bearer := "Bearer " + created.Secret
	if res, _ := send(h, "GET", "/api/v1/incidents", "", bearer); res.StatusCode != 200 {
		t.Errorf("the new token reads: %d, want 200", res.StatusCode)
	}
	if res, body := send(h, "GET", "/api/v1/tokens", "", bearer); res.StatusCode != 200 || strings.Contains(body, created.Secret) || !strings.Contains(body, "wall screen") {
		t.Errorf("list own tokens: %d %s, want the token without its secret", res.StatusCode, body)
	}
	if res, body := send(h, "POST", "/api/v1/tokens", `{"name":"escalate","scope":"write"}`, bearer); res.StatusCode != 400 {
		t.Errorf("a viewer's read token asks for a write token: %d %s, want 400", res.StatusCode, body)
	}
	if res, body := send(h, "POST", "/api/v1/tokens", `{"name":"for analyst","scope":"read","user":"analyst"}`, viewer); res.StatusCode != 400 {
		t.Errorf("a viewer makes a token for another: %d %s, want 400", res.StatusCode, body)
	}
	analystToken := a.token("analyst", "read", time.Time{}, false)
	_, analystList := send(h, "GET", "/api/v1/tokens", "", analystToken)
	if strings.Contains(analystList, "wall screen") {
		t.Errorf("the analyst sees the viewer's token: %s", analystList)
	}
	revoke := "/api/v1/tokens/" + itoa(created.Token.ID) + "/revoke"
	if res, _ := send(h, "POST", revoke, "", a.session("analyst", time.Now().Add(time.Hour))); res.StatusCode != 404 {
		t.Errorf("another user revokes the token: %d, want 404", res.StatusCode)
	}
	adminSession := a.session("admin", time.Now().Add(time.Hour))
	if _, body := send(h, "GET", "/api/v1/tokens", "", adminSession); !strings.Contains(body, "wall screen") || !strings.Contains(body, `"user":"analyst"`) {
		t.Errorf("the admin's list lacks other users' tokens: %s", body)
	}
	if res, body := send(h, "POST", revoke, "", viewer); res.StatusCode != 200 || !strings.Contains(body, "revoked_at") {
		t.Errorf("the owner revokes: %d %s, want 200 with revoked_at", res.StatusCode, body)
	}
	if res, _ := send(h, "GET", "/api/v1/incidents", "", bearer); res.StatusCode != 401 {
		t.Errorf("the revoked token reads: %d, want 401", res.StatusCode)
	}
	log := securityKinds(t, a.store)
	for _, want := range []string{"write viewer 192.0.2.30 POST /api/v1/tokens 201", "write viewer 192.0.2.30 POST " + revoke + " 200",
		"write analyst 192.0.2.30 POST " + revoke + " 404"} {
		if !strings.Contains(log, want) {
			t.Errorf("security log lacks %q", want)
		}
	}
}

// TestAdminAndAccountPages drives the forms as a browser would post them: an admin adds a user,
// changes a role and cannot remove the last admin; a viewer creates a token (shown once, not
// cached) and revokes it.
func TestAdminAndAccountPages(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	admin := a.session("admin", time.Now().Add(time.Hour))
	form := url.Values{"name": {"gil"}, "organisation": {"Lakeside Desk"}, "role": {"analyst"}, "password": {"a long passphrase"}}.Encode()
	if res, body := send(h, "POST", "/admin/users", form, admin); res.StatusCode != 200 || !strings.Contains(body, "User gil (analyst, Lakeside Desk) created") {
		t.Errorf("add user: %d, want the page saying so", res.StatusCode)
	}
	if u, err := a.store.UserByName(t.Context(), "gil"); err != nil || u.Role != "analyst" || !strings.HasPrefix(u.PasswordHash, "$argon2id$") {
		t.Errorf("stored user: %+v, %v", u, err)
	}
	short := url.Values{"name": {"hal"}, "organisation": {"X"}, "role": {"viewer"}, "password": {"short"}}.Encode()
	if _, body := send(h, "POST", "/admin/users", short, admin); !strings.Contains(body, "at least 10 characters") {
		t.Error("a short password is not refused on the page")
	}
	if _, body := send(h, "POST", "/admin/users/gil/role", "role=viewer", admin); !strings.Contains(body, "gil is now viewer.") {
		t.Error("role change not confirmed")
	}
	if _, body := send(h, "POST", "/admin/users/admin/delete", "", admin); !strings.Contains(body, "last admin") {
		t.Error("removing the last admin is not refused on the page")
	}
	if _, body := send(h, "GET", "/admin/users", "", admin); !strings.Contains(body, `data-user="gil"`) || strings.Contains(body, "$argon2id$") {
		t.Error("the users page does not list gil, or shows a hash")
	}

	viewer := a.session("viewer", time.Now().Add(time.Hour))
	res, body := send(h, "POST", "/account/tokens", url.Values{"name": {"kiosk"}, "scope": {"read"}, "expires": {"7d"}}.Encode(), viewer)
	secret := between(body, `<code class="break" id="token-secret">`, "</code>")
	if res.StatusCode != 200 || !strings.HasPrefix(secret, "wwt_") || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create token on the page: %d, secret %q, Cache-Control %q", res.StatusCode, secret, res.Header.Get("Cache-Control"))
	}
	if _, err := auth.ParseBearer("Bearer " + secret); err != nil {
		t.Errorf("shown secret %q: %v", secret, err)
	}
	if _, body := send(h, "GET", "/account", "", viewer); strings.Contains(body, secret) || !strings.Contains(body, "kiosk") {
		t.Error("the account page shows the secret again, or not the token")
	}
	if _, body := send(h, "GET", "/account", "", a.session("analyst", time.Now().Add(time.Hour))); strings.Contains(body, "kiosk") {
		t.Error("another user's account page lists the viewer's token")
	}
	id := between(body, `data-token="`, `"`)
	if _, body := send(h, "POST", "/account/tokens/"+id+"/revoke", "", viewer); !strings.Contains(body, "revoked: it no longer works") {
		t.Error("revoke not confirmed")
	}
	log := securityKinds(t, a.store)
	for _, want := range []string{"write admin 192.0.2.30 POST /admin/users 200", "write admin 192.0.2.30 POST /admin/users/gil/role 200",
		"write viewer 192.0.2.30 POST /account/tokens 200", "write viewer 192.0.2.30 POST /account/tokens/" + id + "/revoke 200"} {
		if !strings.Contains(log, want) {
			t.Errorf("security log lacks %q", want)
		}
	}
}

// TestAccountFormsRefuseCrossOrigin: a POST from another origin to any of the new forms is
// refused whatever session it carries, and changes nothing.
func TestAccountFormsRefuseCrossOrigin(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	forms := map[string]string{
		"/admin/users":                url.Values{"name": {"mallory"}, "organisation": {"X"}, "role": {"admin"}, "password": {"a long passphrase"}}.Encode(),
		"/admin/users/viewer/role":    "role=admin",
		"/admin/users/analyst/delete": "",
		"/account/tokens":             "name=stolen&scope=admin",
		"/account/tokens/1/revoke":    "",
		"/api/v1/users":               `{"name":"mallory","organisation":"X","role":"admin","password":"a long passphrase"}`,
		"/api/v1/tokens":              `{"name":"stolen","scope":"admin"}`,
		"/api/v1/tokens/1/revoke":     "",
		"/api/v1/users/viewer/role":   `{"role":"admin"}`,
	}
	a.token("admin", "read", time.Time{}, false) // token 1
	for path, body := range forms {
		for _, origin := range []map[string]string{{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://elsewhere.example"}} {
			r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range origin {
				r.Header.Set(k, v)
			}
			r.AddCookie(a.session("admin", time.Now().Add(time.Hour)))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusForbidden {
				t.Errorf("cross-origin POST %s (%v): got %d, want 403", path, origin, w.Code)
			}
		}
	}
	users, _ := a.store.Users(t.Context())
	tokens, _ := a.store.Tokens(t.Context())
	if len(users) != 3 || users[2].Role != "viewer" || len(tokens) != 1 || !tokens[0].RevokedAt.IsZero() {
		t.Errorf("cross-origin posts changed something: users %+v, tokens %+v", users, tokens)
	}
	r := httptest.NewRequest(http.MethodDelete, "/api/v1/users/viewer", nil)
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	r.AddCookie(a.session("admin", time.Now().Add(time.Hour)))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("cross-origin DELETE /api/v1/users/viewer: got %d, want 403", w.Code)
	}
}

func between(s, start, end string) string {
	_, rest, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, end)
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestAccountPageForVisitors: with --public-read a visitor may open /account and is told to log
// in; it lists no token and offers no form.
func TestAccountPageForVisitors(t *testing.T) {
	a := newAccounts(t)
	a.token("viewer", "read", time.Time{}, false)
	h := limitedHandler(t, a.store, Config{PublicRead: true})
	res, body := send(h, "GET", "/account", "", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "You are not logged in") || strings.Contains(body, "data-token") || strings.Contains(body, `action="/account/tokens"`) {
		t.Errorf("visitor's account page: %d, want a hint to log in and no tokens or form", res.StatusCode)
	}
	if res, _ := send(h, "POST", "/account/tokens", "name=x&scope=read", nil); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("visitor creates a token: %d, want 401", res.StatusCode)
	}
}
