package server

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// accounts is a seeded store with one user of each role (password testPassword) and a way to
// mint sessions and tokens for them.
type accounts struct {
	t     *testing.T
	store *store.Store
}

const testPassword = "correct horse battery"

func newAccounts(t *testing.T) accounts {
	t.Helper()
	s := openSeeded(t)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{"viewer", "analyst", "admin"} {
		if _, err := s.AddUser(context.Background(), store.User{Name: role, Org: "Newsroom", Role: role, PasswordHash: hash, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	return accounts{t, s}
}

// session stores a session of user expiring at expires and returns its cookie.
func (a accounts) session(user string, expires time.Time) *http.Cookie {
	a.t.Helper()
	b := make([]byte, 32)
	rand.Read(b)
	secret := "wws_" + base64.RawURLEncoding.EncodeToString(b)
	u, err := a.store.UserByName(context.Background(), user)
	if err != nil {
		a.t.Fatal(err)
	}
	if err := a.store.AddSession(context.Background(), auth.HashSecret(secret), u.ID, time.Now(), expires); err != nil {
		a.t.Fatal(err)
	}
	return &http.Cookie{Name: auth.SessionCookie, Value: secret}
}

// token stores a token of user and returns its Authorization header; revoked tokens are revoked
// at once.
func (a accounts) token(user, scope string, expires time.Time, revoked bool) string {
	a.t.Helper()
	secret, hash, err := auth.NewToken()
	if err != nil {
		a.t.Fatal(err)
	}
	id, err := a.store.AddToken(context.Background(), store.APIToken{Name: scope, User: user, Scope: scope, Hash: hash, CreatedAt: time.Now(), ExpiresAt: expires})
	if err != nil {
		a.t.Fatal(err)
	}
	if revoked {
		if err := a.store.RevokeToken(context.Background(), id, time.Now()); err != nil {
			a.t.Fatal(err)
		}
	}
	return "Bearer " + secret
}

// principal is one column of the matrix: how a request identifies itself and what it may do.
type principal struct {
	name       string
	role       auth.Role // the role it acts with; Anyone for nobody
	bad        bool      // presents a credential that must be refused (401) everywhere but open routes
	publicRead bool      // asks a server started with --public-read
	prepare    func(r *http.Request)
}

func principals(a accounts) []principal {
	later, earlier := time.Now().Add(time.Hour), time.Now().Add(-time.Hour)
	withSession := func(user string, expires time.Time) func(*http.Request) {
		return func(r *http.Request) { r.AddCookie(a.session(user, expires)) } // fresh each cell: logout ends one
	}
	withToken := func(header string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", header) }
	}
	return []principal{
		{"anonymous", auth.Anyone, false, false, func(*http.Request) {}},
		{"anonymous, public read", auth.Anyone, false, true, func(*http.Request) {}},
		{"viewer session", auth.Viewer, false, false, withSession("viewer", later)},
		{"analyst session", auth.Analyst, false, false, withSession("analyst", later)},
		{"admin session", auth.Admin, false, false, withSession("admin", later)},
		{"viewer session, public read", auth.Viewer, false, true, withSession("viewer", later)},
		{"expired session", auth.Anyone, true, false, withSession("admin", earlier)},
		{"forged session", auth.Anyone, true, false, func(r *http.Request) {
			r.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: "wws_" + strings.Repeat("A", 43)})
		}},
		{"malformed session", auth.Anyone, true, false, func(r *http.Request) { r.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: "x"}) }},
		{"read token", auth.Viewer, false, false, withToken(a.token("admin", "read", later, false))},
		{"write token", auth.Analyst, false, false, withToken(a.token("admin", "write", later, false))},
		{"admin token", auth.Admin, false, false, withToken(a.token("admin", "admin", time.Time{}, false))},
		{"viewer's write token", auth.Viewer, false, false, withToken(a.token("viewer", "write", later, false))},
		{"analyst's admin token", auth.Analyst, false, false, withToken(a.token("analyst", "admin", later, false))},
		{"expired token", auth.Anyone, true, false, withToken(a.token("admin", "admin", earlier, false))},
		{"revoked token", auth.Anyone, true, false, withToken(a.token("admin", "admin", later, true))},
		{"forged token", auth.Anyone, true, false, withToken("Bearer wwt_" + strings.Repeat("A", 43))},
		{"malformed token", auth.Anyone, true, false, withToken("Basic YWRtaW46YWRtaW4=")},
	}
}

// examplePath fills a route pattern's wildcards so that the request reaches its handler.
func examplePath(pattern string) string {
	_, path, _ := strings.Cut(pattern, " ")
	path = strings.NewReplacer("{$}", "", "{action}", "pause", "{id}", "1", "{name}", "x", "{claim}", "1").Replace(path)
	if path == "/static/" {
		path = "/static/favicon.svg"
	}
	return path
}

// TestAccessMatrix asserts every cell of principal × route, for every route of the access table
// (which Handler checks against the mounted routes): allowed cells reach their handler, the rest
// are refused with 401 (or, for a page, a redirect to the login page) or 403.
func TestAccessMatrix(t *testing.T) {
	a := newAccounts(t)
	handlers := handlersByPublicRead(t, Config{Store: a.store})
	cells := 0
	for _, rule := range accessTable() {
		method, _, _ := strings.Cut(rule.pattern, " ")
		write := method != http.MethodGet
		for _, p := range principals(a) {
			name := fmt.Sprintf("%s as %s", rule.pattern, p.name)
			r := httptest.NewRequest(method, examplePath(rule.pattern), strings.NewReader(""))
			r.RemoteAddr = "192.0.2.7:4000"
			if write {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			p.prepare(r)
			ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second) // the event stream runs until cancelled
			w := httptest.NewRecorder()
			handlers[p.publicRead].ServeHTTP(w, r.WithContext(ctx))
			cancel()
			cells++
			allowed := rule.role == auth.Anyone || (!p.bad && (p.role >= rule.role || (p.publicRead && rule.role == auth.Viewer && !write)))
			checkCell(t, name, w.Result(), allowed, p, r)
		}
	}
	if cells < 500 {
		t.Errorf("the matrix has %d cells, want at least 500", cells)
	}
	t.Logf("%d cells", cells)
}

func checkCell(t *testing.T, name string, res *http.Response, allowed bool, p principal, r *http.Request) {
	t.Helper()
	toLogin := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/login?next=")
	refused := res.StatusCode == http.StatusUnauthorized || res.StatusCode == http.StatusForbidden || toLogin
	switch {
	case allowed && refused:
		t.Errorf("%s: got %d (Location %q), want it allowed", name, res.StatusCode, res.Header.Get("Location"))
	case allowed:
	case p.bad || p.role == auth.Anyone:
		pageRedirect := !strings.HasPrefix(r.URL.Path, "/api/") && r.Method == http.MethodGet && toLogin
		if res.StatusCode != http.StatusUnauthorized && !pageRedirect {
			t.Errorf("%s: got %d, want 401 (or a page's redirect to log in)", name, res.StatusCode)
		}
	case res.StatusCode != http.StatusForbidden:
		t.Errorf("%s: got %d, want 403", name, res.StatusCode)
	}
	if refused && !toLogin && strings.HasPrefix(r.URL.Path, "/api/") {
		var body struct {
			Error struct{ Code, Message string }
		}
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body.Error.Code == "" || body.Error.Message == "" {
			t.Errorf("%s: the refusal is not the API's error shape (%v)", name, err)
		}
	}
}

// TestAccessTableMustCoverEveryRoute: a route without a rule, or a rule without a route, stops
// the server from being built.
func TestAccessTableMustCoverEveryRoute(t *testing.T) {
	rules := accessTable()
	mounted := make([]string, 0, len(rules))
	for _, r := range rules {
		mounted = append(mounted, r.pattern)
	}
	if _, err := newAccessPolicy(rules, mounted); err != nil {
		t.Fatalf("complete table: %v", err)
	}
	if _, err := newAccessPolicy(rules, append(mounted, "POST /api/v1/new-thing")); err == nil || !strings.Contains(err.Error(), "POST /api/v1/new-thing") {
		t.Errorf("a route without a rule: got %v, want an error naming it", err)
	}
	if _, err := newAccessPolicy(rules, mounted[1:]); err == nil {
		t.Error("a rule without a route: got no error")
	}
}

// handlersByPublicRead builds the site of cfg twice, without and with --public-read.
func handlersByPublicRead(t *testing.T, cfg Config) map[bool]http.Handler {
	t.Helper()
	out := map[bool]http.Handler{}
	for _, public := range []bool{false, true} {
		cfg.Log, cfg.PublicRead = slog.New(slog.DiscardHandler), public
		h, err := Handler(cfg)
		if err != nil {
			t.Fatal(err)
		}
		out[public] = h
	}
	return out
}
