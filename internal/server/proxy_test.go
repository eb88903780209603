package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// loginVia posts a login from remote, as a proxy would pass it on with X-Forwarded-For and
// X-Forwarded-Proto (none when empty).
func loginVia(h http.Handler, name, password, remote, forwardedFor, proto string) *http.Response {
	form := url.Values{"name": {name}, "password": {password}, "next": {"/"}}
	return request(h, http.MethodPost, "/login", form.Encode(), remote, map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor, "X-Forwarded-Proto": proto})
}

// TestBehindTrustedProxy: through a trusted proxy, the forwarded client is who the security log
// names and whom the lockout counts, and a forwarded https makes the cookie Secure and sends
// HSTS. A client that is not the proxy gets nothing for its forged headers.
func TestBehindTrustedProxy(t *testing.T) {
	a := newAccounts(t)
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler),
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	if err != nil {
		t.Fatal(err)
	}
	res := loginVia(h, "viewer", testPassword, "10.0.0.2", "203.0.113.5", "https")
	if c := sessionCookieOf(res); c == nil || !c.Secure {
		t.Errorf("login through a proxy that terminated TLS: cookie %v, want Secure", c)
	}
	if res.Header.Get("Strict-Transport-Security") != hstsPolicy {
		t.Errorf("HSTS through a proxy that terminated TLS: %q, want %q", res.Header.Get("Strict-Transport-Security"), hstsPolicy)
	}
	res = loginVia(h, "viewer", testPassword, "198.51.100.9", "203.0.113.5", "https")
	if c := sessionCookieOf(res); c == nil || c.Secure || res.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("forged X-Forwarded-Proto from a client: cookie %v, HSTS %q; want neither Secure nor HSTS", c, res.Header.Get("Strict-Transport-Security"))
	}

	// Twenty failures from one forwarded address lock that address, not the proxy's others.
	for i := range 20 {
		loginVia(h, "nobody"+strconv.Itoa(i), "wrong password", "10.0.0.2", "203.0.113.66", "")
	}
	if loc := loginVia(h, "admin", testPassword, "10.0.0.2", "203.0.113.66", "").Header.Get("Location"); !strings.Contains(loc, "error=locked") {
		t.Errorf("forwarded address after 20 failures: redirected to %q, want locked", loc)
	}
	if c := sessionCookieOf(loginVia(h, "admin", testPassword, "10.0.0.2", "203.0.113.67", "")); c == nil {
		t.Error("another client through the same proxy is locked out too")
	}

	events, err := a.store.SecurityEvents(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	remotes := map[string]int{}
	for _, e := range events {
		remotes[e.Remote]++
	}
	if remotes["10.0.0.2"] != 0 || remotes["203.0.113.5"] != 1 || remotes["198.51.100.9"] != 1 || remotes["203.0.113.66"] != 21 {
		t.Errorf("security log addresses %v, want the forwarded clients (and the direct one), never the proxy", remotes)
	}
}

// TestForwardedHeadersIgnoredWithoutTrust: without --trust-proxy the headers change nothing.
func TestForwardedHeadersIgnoredWithoutTrust(t *testing.T) {
	a := newAccounts(t)
	h := accountsHandler(t, a)
	res := loginVia(h, "viewer", testPassword, "10.0.0.2", "203.0.113.5", "https")
	if c := sessionCookieOf(res); c == nil || c.Secure {
		t.Errorf("cookie %v, want a session that is not Secure", c)
	}
	events, err := a.store.SecurityEvents(context.Background(), 1)
	if err != nil || len(events) != 1 || events[0].Remote != "10.0.0.2" {
		t.Errorf("security log: %+v (%v), want the connection's address", events, err)
	}
}
