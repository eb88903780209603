package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/store"
)

// slow is a rate that never refills within a test: only the burst counts.
func slow(burst int) Rate { return Rate{PerSecond: 0.001, Burst: burst} }

func limitedHandler(t *testing.T, s *store.Store, cfg Config) http.Handler {
	t.Helper()
	cfg.Store, cfg.Log = s, slog.New(slog.DiscardHandler)
	h, err := Handler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// call sends GET path from remote (with an optional X-Forwarded-For and Authorization).
func call(h http.Handler, path, remote, forwardedFor, authorization string) *http.Response {
	return request(h, http.MethodGet, path, "", remote, map[string]string{"X-Forwarded-For": forwardedFor, "Authorization": authorization})
}

// request sends one request from remote with the headers that are not empty.
func request(h http.Handler, method, path, body, remote string, headers map[string]string) *http.Response {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.RemoteAddr = remote + ":4000"
	for k, v := range headers {
		if v != "" {
			r.Header.Set(k, v)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

// checkTooMany asserts a 429 with a whole number of seconds in Retry-After, in the API's error
// shape under /api/.
func checkTooMany(t *testing.T, what string, res *http.Response, api bool) {
	t.Helper()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("%s: got %d, want 429", what, res.StatusCode)
	}
	if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("%s: Retry-After %q, want whole seconds", what, res.Header.Get("Retry-After"))
	}
	if !api {
		return
	}
	var body struct {
		Error struct{ Code, Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body.Error.Code != "rate_limited" || body.Error.Message == "" {
		t.Errorf("%s: body is not the API's error shape with code rate_limited (%v, %+v)", what, err, body)
	}
}

func rateLimitedEvents(t *testing.T, s *store.Store) []store.SecurityEvent {
	t.Helper()
	events, err := s.SecurityEvents(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []store.SecurityEvent
	for _, e := range events {
		if e.Kind == "rate_limited" {
			out = append(out, e)
		}
	}
	return out
}

func TestRateLimitPerAddress(t *testing.T) {
	a := newAccounts(t)
	h := limitedHandler(t, a.store, Config{PublicRead: true, AddressRate: slow(3)})
	for i := range 3 {
		if res := call(h, "/api/v1/incidents", "198.51.100.1", "", ""); res.StatusCode != http.StatusOK {
			t.Fatalf("request %d within the burst: got %d", i+1, res.StatusCode)
		}
	}
	for range 5 {
		checkTooMany(t, "API past the burst", call(h, "/api/v1/incidents", "198.51.100.1", "", ""), true)
	}
	checkTooMany(t, "page past the burst", call(h, "/incidents", "198.51.100.1", "", ""), false)
	if res := call(h, "/api/v1/incidents", "198.51.100.2", "", ""); res.StatusCode != http.StatusOK {
		t.Errorf("another address: got %d, want 200 (its own bucket)", res.StatusCode)
	}
	events := rateLimitedEvents(t, a.store)
	if len(events) != 1 || events[0].Remote != "198.51.100.1" || events[0].Status != http.StatusTooManyRequests {
		t.Errorf("security log: %+v, want one rate_limited event for 198.51.100.1 however many refusals", events)
	}
}

func TestRateLimitPerToken(t *testing.T) {
	a := newAccounts(t)
	first := a.token("analyst", "read", time.Time{}, false)
	second := a.token("viewer", "read", time.Time{}, false)
	h := limitedHandler(t, a.store, Config{TokenRate: slow(2)})
	for range 2 {
		if res := call(h, "/api/v1/incidents", "198.51.100.1", "", first); res.StatusCode != http.StatusOK {
			t.Fatalf("first token within its burst: got %d", res.StatusCode)
		}
	}
	checkTooMany(t, "first token past its burst", call(h, "/api/v1/incidents", "198.51.100.1", "", first), true)
	if res := call(h, "/api/v1/incidents", "198.51.100.1", "", second); res.StatusCode != http.StatusOK {
		t.Errorf("second token from the same address: got %d, want 200 (its own bucket)", res.StatusCode)
	}
	if res := call(h, "/api/v1/incidents", "198.51.100.1", "", "Bearer wwt_"+strings.Repeat("A", 43)); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged token: got %d, want 401 (refused before any bucket)", res.StatusCode)
	}
	cookie := a.session("analyst", time.Now().Add(time.Hour))
	for range 5 {
		if res := get(h, "/api/v1/incidents", cookie); res.StatusCode != http.StatusOK {
			t.Fatalf("the token's user logged in with a session: got %d, want 200 (sessions have no token bucket)", res.StatusCode)
		}
	}
	events := rateLimitedEvents(t, a.store)
	if len(events) != 1 || events[0].Who != "analyst" || !strings.Contains(events[0].Detail, "API token") {
		t.Errorf("security log: %+v, want one rate_limited event naming analyst and the token", events)
	}
}

// TestRateLimitBehindProxy: behind a trusted proxy each forwarded client has its own bucket; a
// client that is not behind it cannot dodge its bucket by sending X-Forwarded-For.
func TestRateLimitBehindProxy(t *testing.T) {
	a := newAccounts(t)
	h := limitedHandler(t, a.store, Config{PublicRead: true, AddressRate: slow(2),
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	for range 2 {
		call(h, "/healthz", "10.0.0.2", "203.0.113.1", "")
	}
	checkTooMany(t, "forwarded client past its burst", call(h, "/healthz", "10.0.0.2", "203.0.113.1", ""), false)
	if res := call(h, "/healthz", "10.0.0.2", "203.0.113.2", ""); res.StatusCode != http.StatusOK {
		t.Errorf("another client through the same proxy: got %d, want 200", res.StatusCode)
	}
	for i := range 2 {
		call(h, "/healthz", "198.51.100.9", "203.0.113."+strconv.Itoa(10+i), "")
	}
	checkTooMany(t, "direct client rotating X-Forwarded-For", call(h, "/healthz", "198.51.100.9", "203.0.113.99", ""), false)
	events := rateLimitedEvents(t, a.store)
	if len(events) != 2 || events[1].Remote != "203.0.113.1" || events[0].Remote != "198.51.100.9" {
		t.Errorf("security log: %+v, want the forwarded client and the direct one", events)
	}
}

// BenchmarkAddressLimit is the cost the address limit adds to a request: the middleware around
// a handler that does nothing, over 200 client addresses, with the limit off and on.
func BenchmarkAddressLimit(b *testing.B) {
	for _, rate := range []Rate{{}, PerSecond(1e9)} {
		b.Run(map[bool]string{false: "off", true: "on"}[rate.PerSecond > 0], func(b *testing.B) {
			h := chain(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}),
				clientaddr.New(nil).Middleware, limitAddresses(rate.limiter(), nil))
			requests := make([]*http.Request, 200)
			for i := range requests {
				requests[i] = httptest.NewRequest(http.MethodGet, "/api/v1/incidents", nil)
				requests[i].RemoteAddr = "198.51.100." + strconv.Itoa(i) + ":4000"
			}
			w := httptest.NewRecorder()
			i := 0
			for b.Loop() {
				h.ServeHTTP(w, requests[i%len(requests)])
				i++
			}
		})
	}
}
