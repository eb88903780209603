package server

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

func accountsHandler(t *testing.T, a accounts) http.Handler {
	t.Helper()
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func postLogin(h http.Handler, name, password, remote string, tlsState *tls.ConnectionState) *http.Response {
	form := url.Values{"name": {name}, "password": {password}, "next": {"/incidents"}}
	r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = remote + ":5000"
	r.TLS = tlsState
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func sessionCookieOf(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == auth.SessionCookie && c.Value != "" {
			return c
		}
	}
	return nil
}

func get(h http.Handler, path string, c *http.Cookie) *http.Response {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if c != nil {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func TestLoginSessionAndLogout(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	res := postLogin(h, "analyst", testPassword, "192.0.2.1", nil)
	c := sessionCookieOf(res)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/incidents" || c == nil {
		t.Fatalf("login: got %d to %q, cookie %v; want 303 to /incidents with a session", res.StatusCode, res.Header.Get("Location"), c)
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure {
		t.Errorf("cookie over plain HTTP: HttpOnly %v SameSite %v Secure %v; want true, Lax, false", c.HttpOnly, c.SameSite, c.Secure)
	}
	if tc := sessionCookieOf(postLogin(h, "analyst", testPassword, "192.0.2.1", &tls.ConnectionState{})); tc == nil || !tc.Secure {
		t.Errorf("cookie over TLS: got %v, want Secure", tc)
	}
	if res := get(h, "/incidents", c); res.StatusCode != http.StatusOK {
		t.Errorf("page with the session: got %d, want 200", res.StatusCode)
	}
	body, _ := io.ReadAll(get(h, "/", c).Body)
	if !strings.Contains(string(body), "Log out") || !strings.Contains(string(body), "analyst") {
		t.Error("the page does not show who is logged in with a logout button")
	}
	r := httptest.NewRequest(http.MethodPost, "/logout", nil)
	r.AddCookie(c)
	h.ServeHTTP(httptest.NewRecorder(), r)
	if res := get(h, "/api/v1/incidents", c); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("API after logout: got %d, want 401", res.StatusCode)
	}
	kinds := securityKinds(t, a.store)
	if !strings.Contains(kinds, "login analyst 192.0.2.1") || !strings.Contains(kinds, "logout analyst") {
		t.Errorf("security log %q lacks the login and logout", kinds)
	}
	if strings.Contains(kinds, "write  192.0.2.1 POST /login") {
		t.Errorf("security log %q records the login twice, as a write too", kinds)
	}
	// Removing every account later does not open the server again.
	for _, u := range []string{"viewer", "analyst", "admin"} {
		if err := a.store.DeleteUser(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
	if res := get(h, "/api/v1/incidents", nil); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("API after every account was removed: got %d, want 401 still", res.StatusCode)
	}
}

func TestLoginLockout(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	if res := postLogin(h, "viewer", "wrong", "192.0.2.2", nil); !strings.Contains(res.Header.Get("Location"), "error=failed") {
		t.Fatalf("wrong password: got %q, want back to the login page with error=failed", res.Header.Get("Location"))
	}
	for range 4 {
		postLogin(h, "viewer", "wrong", "192.0.2.2", nil)
	}
	// The account is locked, from any address, even with the right password.
	res := postLogin(h, "viewer", testPassword, "198.51.100.9", nil)
	if !strings.Contains(res.Header.Get("Location"), "error=locked") || sessionCookieOf(res) != nil {
		t.Errorf("right password after 5 failures: got %q, want refused as locked", res.Header.Get("Location"))
	}
	if res := postLogin(h, "analyst", testPassword, "198.51.100.9", nil); sessionCookieOf(res) == nil {
		t.Error("another account is locked too")
	}
	// An address that guesses at many names is locked out for every name.
	for i := range 20 {
		postLogin(h, "nobody"+string(rune('a'+i)), "wrong", "203.0.113.5", nil)
	}
	if res := postLogin(h, "admin", testPassword, "203.0.113.5", nil); !strings.Contains(res.Header.Get("Location"), "error=locked") {
		t.Errorf("right password from a guessing address: got %q, want locked", res.Header.Get("Location"))
	}
	if kinds := securityKinds(t, a.store); strings.Count(kinds, "login_failed") < 26 {
		t.Errorf("security log has %d failed logins, want every one", strings.Count(kinds, "login_failed"))
	}
}

func TestCrossOriginWriteWithSessionIsRefused(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	for _, path := range []string{"/api/v1/sources", "/watch/sources", "/review", "/logout", "/login"} {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader("url=http://example.org/feed"))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", "https://evil.example")
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		r.AddCookie(a.session("admin", time.Now().Add(time.Hour)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusForbidden {
			t.Errorf("cross-origin POST %s with an admin session: got %d, want 403", path, w.Code)
		}
	}
}

func TestWritesAreAudited(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	r := httptest.NewRequest(http.MethodDelete, "/api/v1/sources/99", nil)
	r.Header.Set("Authorization", a.token("analyst", "write", time.Now().Add(time.Hour), false))
	r.RemoteAddr = "192.0.2.44:1"
	h.ServeHTTP(httptest.NewRecorder(), r)
	r = httptest.NewRequest(http.MethodPost, "/api/v1/sources", nil)
	h.ServeHTTP(httptest.NewRecorder(), r)
	kinds := securityKinds(t, a.store)
	for _, want := range []string{"write analyst 192.0.2.44 DELETE /api/v1/sources/99 404", "write  192.0.2.1 POST /api/v1/sources 401"} {
		if !strings.Contains(kinds, want) {
			t.Errorf("security log %q lacks %q", kinds, want)
		}
	}
}

// securityKinds renders the security log, one event a line: kind who remote method path status.
func securityKinds(t *testing.T, s *store.Store) string {
	t.Helper()
	events, err := s.SecurityEvents(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range events {
		b.WriteString(strings.Join([]string{e.Kind, e.Who, e.Remote, e.Method, e.Path, strconv.Itoa(e.Status)}, " ") + "\n")
	}
	return b.String()
}

// TestReviewNamesTheAccount: once accounts exist, the review log records the logged-in account,
// whatever name the request gives.
func TestReviewNamesTheAccount(t *testing.T) {
	a := newAccounts(t)
	var took []string
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Review: func(_ context.Context, act review.Action) (review.Action, error) {
		took = append(took, act.Who)
		return act, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	incs, _, err := a.store.Incidents(context.Background(), store.IncidentQuery{Limit: 1})
	if err != nil || len(incs) == 0 {
		t.Fatalf("an incident to review: %v", err)
	}
	id := incs[0].ID // an action on an incident the account may not see is refused before it is taken
	r := httptest.NewRequest(http.MethodPost, "/api/v1/incidents/"+id+"/hide", strings.NewReader(`{"who":"someone else","why":"test"}`))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", a.token("analyst", "write", time.Now().Add(time.Hour), false))
	h.ServeHTTP(httptest.NewRecorder(), r)
	form := url.Values{"kind": {"hide"}, "subject": {id}, "who": {"someone else"}, "why": {"test"}}
	r = httptest.NewRequest(http.MethodPost, "/review", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.AddCookie(a.session("admin", time.Now().Add(time.Hour)))
	h.ServeHTTP(httptest.NewRecorder(), r)
	if strings.Join(took, ",") != "analyst,admin" {
		t.Errorf("review actions taken by %q, want analyst then admin", took)
	}
}
