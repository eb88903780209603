package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

func openSeeded(t *testing.T) *store.Store {
	t.Helper()
	s, err := storetest.Open(context.Background(), filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := storetest.Seed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func newTestServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openSeeded(t)
	}
	cfg.Log = slog.New(slog.DiscardHandler)
	h, err := Handler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestRoutesAndHeaders(t *testing.T) {
	srv := newTestServer(t, Config{})
	for _, tc := range []struct {
		method, path, origin string
		body                 string
		wantStatus           int
		wantType             string
	}{
		{"GET", "/", "", "", 200, "text/html; charset=utf-8"},
		{"GET", "/healthz", "", "", 200, "application/json"},
		{"GET", "/api/v1/incidents", "", "", 200, "application/json"},
		{"GET", "/api/v1/incidents?since=x", "", "", 400, "application/json"},
		{"DELETE", "/api/v1/incidents", "", "", 405, "application/json"},
		{"GET", "/api/v1/none", "", "", 404, "application/json"},
		{"GET", "/static/site.css", "", "", 200, "text/css; charset=utf-8"},
		{"GET", "/nowhere", "", "", 404, "text/html; charset=utf-8"},
		{"POST", "/api/v1/documents", "", `{"text":"x"}`, 501, "application/json"},
		{"POST", "/api/v1/documents", "https://evil.example", `{"text":"x"}`, 403, ""},
		{"POST", "/api/v1/documents", "", strings.Repeat("x", maxBodyBytes+1), 413, ""},
	} {
		req, err := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		if tc.origin != "" {
			req.Header.Set("Origin", tc.origin)
			req.Header.Set("Sec-Fetch-Site", "cross-site")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != tc.wantStatus {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, res.StatusCode, tc.wantStatus)
		}
		if tc.wantType != "" && res.Header.Get("Content-Type") != tc.wantType {
			t.Errorf("%s %s: Content-Type %q, want %q", tc.method, tc.path, res.Header.Get("Content-Type"), tc.wantType)
		}
		for header, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
			"X-Frame-Options":        "DENY",
		} {
			if got := res.Header.Get(header); got != want {
				t.Errorf("%s %s: %s = %q, want %q", tc.method, tc.path, header, got, want)
			}
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s %s: CSP %q", tc.method, tc.path, csp)
		}
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	for _, tc := range []struct {
		tiles, wantImg string
		wantErr        bool
	}{
		{"", "img-src 'self' data:;", false},
		{"https://{s}.tile.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://*.tile.example.org;", false},
		{"https://tiles.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://tiles.example.org;", false},
		{"ftp://tiles.example.org/{z}", "", true},
		{"tiles", "", true},
	} {
		csp, err := contentSecurityPolicy(tc.tiles)
		if (err != nil) != tc.wantErr {
			t.Errorf("%q: error %v, want error %v", tc.tiles, err, tc.wantErr)
		}
		if err != nil {
			continue
		}
		if !strings.Contains(csp, tc.wantImg) || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%q: CSP %q lacks %q", tc.tiles, csp, tc.wantImg)
		}
	}
}

func TestHealthFailsWhenTheDatabaseIsGone(t *testing.T) {
	s := openSeeded(t)
	srv := newTestServer(t, Config{Store: s})
	s.Close()
	res, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz on a closed store: %d, want 503", res.StatusCode)
	}
}

func TestIngestIsWired(t *testing.T) {
	var got api.IngestRequest
	srv := newTestServer(t, Config{Ingest: func(_ context.Context, req api.IngestRequest) ([]string, []string, error) {
		got = req
		return []string{"d1"}, nil, nil
	}})
	res, err := http.Post(srv.URL+"/api/v1/documents", "application/json", strings.NewReader(`{"url":"https://news.example/a"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated || got.URL != "https://news.example/a" {
		t.Errorf("status %d, ingest got %+v", res.StatusCode, got)
	}
}

func TestPanicsBecome500(t *testing.T) {
	h := chain(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }), recoverPanics(slog.New(slog.DiscardHandler)))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", rec.Code)
	}
}

// TestGracefulShutdown cancels the server's context while a request is in flight: the request
// completes, new connections are refused, and Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, slog.New(slog.DiscardHandler), nil) }()
	body := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			body <- "error: " + err.Error()
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		body <- string(b)
	}()
	<-started
	cancel()
	time.Sleep(100 * time.Millisecond)
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Errorf("new connections still accepted during shutdown")
	}
	close(release)
	if got := <-body; got != "done" {
		t.Errorf("in-flight request got %q, want done", got)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
}

func TestHealthSaysWhenReferenceDataIsLoading(t *testing.T) {
	var loading atomic.Bool
	loading.Store(true)
	srv := newTestServer(t, Config{Loading: loading.Load})
	for _, tc := range []struct {
		loading    bool
		wantStatus int
		wantBody   string
	}{
		{true, http.StatusServiceUnavailable, `{"status":"loading"}`},
		{false, http.StatusOK, `{"status":"ok"}`},
	} {
		loading.Store(tc.loading)
		res, err := http.Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.wantStatus || strings.TrimSpace(string(body)) != tc.wantBody {
			t.Errorf("loading %v: %d %s, want %d %s", tc.loading, res.StatusCode, body, tc.wantStatus, tc.wantBody)
		}
	}
}
