package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/store"
)

// SessionCookie is the name of the cookie that carries a browser's session.
const SessionCookie = "wallwatch_session"

// sessionTTL is how long a login lasts.
const sessionTTL = 12 * time.Hour

// touchEvery is how stale a token's last-used time may get before a request rewrites it, so a
// busy client costs one write a minute, not one per request.
const touchEvery = time.Minute

// Guard authenticates requests (session cookie or bearer token), enforces the role each route
// needs, records logins and writes in the security audit log, and serves login and logout.
type Guard struct {
	store      *store.Store
	log        *slog.Logger
	lockout    *Lockout
	publicRead bool
	now        func() time.Time
	// accounts latches once a user exists: removing every user later must not open a server
	// that may be listening beyond loopback.
	accounts atomic.Bool

	dummyOnce sync.Once
	dummyHash string // checked against for unknown names, so they take as long as known ones
}

// Config is what a Guard is built from. Only Store is required.
type Config struct {
	Store      *store.Store
	Log        *slog.Logger
	Lockout    *Lockout         // nil: NewLockout()
	PublicRead bool             // anonymous GETs of reads are allowed once accounts exist
	Now        func() time.Time // nil: time.Now
}

// NewGuard returns a Guard over cfg.
func NewGuard(cfg Config) *Guard {
	g := &Guard{store: cfg.Store, log: cfg.Log, lockout: cfg.Lockout, publicRead: cfg.PublicRead, now: cfg.Now}
	if g.log == nil {
		g.log = slog.Default()
	}
	if g.lockout == nil {
		g.lockout = NewLockout()
	}
	if g.now == nil {
		g.now = time.Now
	}
	return g
}

// errBadCredential is a credential that was presented but is unknown, expired or revoked.
var errBadCredential = errors.New("invalid, expired or revoked credential")

// Middleware refuses requests whose principal lacks the role required(r) names. Until the store
// has a user, every request passes untouched: a first run works as before accounts existed
// (serve binds only loopback then). Once one is seen, the guard stays on.
func (g *Guard) Middleware(required func(*http.Request) Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !g.accounts.Load() {
				has, err := g.store.HasUsers(r.Context())
				if err != nil {
					g.log.ErrorContext(r.Context(), "accounts unreadable", "error", err)
					http.Error(w, "accounts unreadable", http.StatusServiceUnavailable)
					return
				}
				if !has {
					next.ServeHTTP(w, r)
					return
				}
				g.accounts.Store(true)
			}
			g.serveGuarded(w, r, required(r), next)
		})
	}
}

func (g *Guard) serveGuarded(w http.ResponseWriter, r *http.Request, need Role, next http.Handler) {
	p, err := g.authenticate(r)
	rec := &statusWriter{ResponseWriter: w}
	if isWrite(r.Method) && need != Anyone { // login and logout record themselves
		defer func() { g.Audit(r, "write", p.Name, rec.code(), "") }()
	}
	switch {
	case need == Anyone: // a stale cookie must not keep anyone from the login page
		next.ServeHTTP(rec, r.WithContext(withReader(r.Context(), p)))
	case errors.Is(err, errBadCredential):
		deny(rec, r, http.StatusUnauthorized, err.Error())
	case err != nil:
		g.log.ErrorContext(r.Context(), "authenticate", "path", r.URL.Path, "error", err)
		http.Error(rec, "accounts unreadable", http.StatusServiceUnavailable)
	case p.Role >= need || (need == Viewer && g.publicRead && !isWrite(r.Method)):
		next.ServeHTTP(rec, r.WithContext(withReader(r.Context(), p)))
	case p.Name == "":
		deny(rec, r, http.StatusUnauthorized, "log in or send an API token (Authorization: Bearer)")
	default:
		deny(rec, r, http.StatusForbidden, fmt.Sprintf("%s needs the %s role; %s has %s", r.URL.Path, need, p.Name, p.Role))
	}
}

// withReader returns ctx carrying the principal and the audience the store reads for: once
// accounts exist, every read of a request is limited to what its principal may see.
func withReader(ctx context.Context, p Principal) context.Context {
	return store.WithAudience(WithPrincipal(ctx, p), p.Audience())
}

// authenticate finds the request's principal: a bearer token, else a session cookie, else
// anonymous. A credential that is present but not valid is an error, never anonymous.
func (g *Guard) authenticate(r *http.Request) (Principal, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		return g.tokenPrincipal(r.Context(), h)
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return Principal{}, nil
	}
	secret, err := ParseSessionCookie(c.Value)
	if err != nil {
		return Principal{}, errBadCredential
	}
	u, err := g.store.SessionUser(r.Context(), HashSecret(secret), g.now())
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, errBadCredential
	} else if err != nil {
		return Principal{}, err
	}
	role, err := ParseRole(u.Role)
	return Principal{Name: u.Name, Org: u.Org, OrgID: u.OrgID, Role: role, Via: "session"}, err
}

func (g *Guard) tokenPrincipal(ctx context.Context, header string) (Principal, error) {
	secret, err := ParseBearer(header)
	if err != nil {
		return Principal{}, errBadCredential
	}
	t, u, err := g.store.TokenUser(ctx, HashSecret(secret))
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, errBadCredential
	} else if err != nil {
		return Principal{}, err
	}
	now := g.now()
	if !t.RevokedAt.IsZero() || (!t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)) {
		return Principal{}, errBadCredential
	}
	role, err := ParseRole(u.Role)
	if err != nil {
		return Principal{}, err
	}
	scope, err := ScopeRole(t.Scope)
	if err != nil {
		return Principal{}, err
	}
	if now.Sub(t.LastUsed) > touchEvery {
		if err := g.store.TouchToken(ctx, t.ID, now); err != nil {
			g.log.WarnContext(ctx, "token last-used time not recorded", "token", t.ID, "error", err)
		}
	}
	return Principal{Name: u.Name, Org: u.Org, OrgID: u.OrgID, Role: min(role, scope), Via: "token", TokenID: t.ID}, nil
}

// deny answers a refused request: JSON under /api/, a redirect to the login page for a page a
// browser asks for without logging in, plain text otherwise.
func deny(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wallwatch"`)
		}
		code := map[int]string{http.StatusUnauthorized: "unauthorized", http.StatusForbidden: "forbidden"}[status]
		WriteAPIError(w, status, code, msg)
		return
	}
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	http.Error(w, msg, status)
}

// WriteAPIError answers with the API's error shape, {"error": {"code": ..., "message": ...}}, for
// refusals made before a request reaches the API's own handlers.
func WriteAPIError(w http.ResponseWriter, status int, code, msg string) {
	body, _ := json.MarshalIndent(map[string]map[string]string{"error": {"code": code, "message": msg}}, "", "  ")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// Audit appends to the security log; a failure to record is logged, not shown to the client.
// The other security checks of the server (rate limits) record through it too.
func (g *Guard) Audit(r *http.Request, kind, who string, status int, detail string) {
	err := g.store.AddSecurityEvent(context.WithoutCancel(r.Context()), store.SecurityEvent{At: g.now(), Kind: kind, Who: who,
		Remote: remoteIP(r), Method: r.Method, Path: r.URL.Path, Status: status, Detail: detail})
	if err != nil {
		g.log.ErrorContext(r.Context(), "security audit not recorded", "kind", kind, "who", who, "error", err)
	}
}

// remoteIP is the client's address: the connection's, or behind a trusted proxy the forwarded
// one (see package clientaddr).
func remoteIP(r *http.Request) string {
	return clientaddr.From(r).Addr
}

// statusWriter remembers a response's status for the audit log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer (server-sent events flush).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusWriter) code() int {
	if s.status == 0 {
		return http.StatusOK
	}
	return s.status
}
