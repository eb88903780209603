package server

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestSecurityHeadersOnEveryResponse: pages, API, static files, the health check and every kind
// of error and refusal carry the same security headers.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	a := newAccounts(t)
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), TokenRate: slow(1)})
	if err != nil {
		t.Fatal(err)
	}
	viewer := a.session("viewer", time.Now().Add(time.Hour))
	token := a.token("viewer", "read", time.Time{}, false)
	tests := []struct {
		name, method, path string
		status             int
		prepare            func(*http.Request)
	}{
		{"page", "GET", "/incidents", 200, withCookie(viewer)},
		{"home page", "GET", "/", 200, withCookie(viewer)},
		{"login page", "GET", "/login", 200, nil},
		{"API read", "GET", "/api/v1/incidents", 200, withCookie(viewer)},
		{"OpenAPI document", "GET", "/api/v1/openapi.json", 200, withCookie(viewer)},
		{"static file", "GET", "/static/favicon.svg", 200, nil},
		{"health check", "GET", "/healthz", 200, nil},
		{"page not found", "GET", "/no-such-page", 404, withCookie(viewer)},
		{"API not found", "GET", "/api/v1/incidents/no-such-incident", 404, withCookie(viewer)},
		{"page needs a login", "GET", "/incidents", 303, nil},
		{"API needs a login", "GET", "/api/v1/incidents", 401, nil},
		{"role too low", "GET", "/admin/security", 403, withCookie(viewer)},
		{"cross-origin write", "POST", "/review", 403, func(r *http.Request) {
			r.AddCookie(viewer)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
		}},
		{"body too large", "POST", "/api/v1/documents", 413, func(r *http.Request) { r.ContentLength = maxBodyBytes + 1 }},
		{"method not allowed", "DELETE", "/api/v1/incidents", 405, withCookie(a.session("analyst", time.Now().Add(time.Hour)))},
		{"token within its rate", "GET", "/api/v1/incidents", 200, withHeader("Authorization", token)},
		{"token over its rate", "GET", "/api/v1/incidents", 429, withHeader("Authorization", token)},
	}
	want := map[string]string{
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "strict-origin-when-cross-origin",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
		"Permissions-Policy":         "camera=(), microphone=(), geolocation=()",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, strings.NewReader(""))
			if tt.prepare != nil {
				tt.prepare(r)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			res := w.Result()
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			for name, value := range want {
				if got := res.Header.Get(name); got != value {
					t.Errorf("%s = %q, want %q", name, got, value)
				}
			}
			csp := res.Header.Get("Content-Security-Policy")
			for _, directive := range []string{"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"} {
				if !strings.Contains(csp, directive) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, directive)
				}
			}
		})
	}
}

func withCookie(c *http.Cookie) func(*http.Request) {
	return func(r *http.Request) { r.AddCookie(c) }
}

func withHeader(name, value string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set(name, value) }
}
