package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// testAPI is a seeded store served by the API over a real loopback connection.
type testAPI struct {
	url   string
	store *store.Store
	fix   storetest.Fixture
}

func newTestAPI(t *testing.T, configure func(*Config)) testAPI {
	t.Helper()
	ctx := context.Background()
	s, err := storetest.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	fix, err := storetest.Seed(ctx, s)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	cfg := Config{Store: s, Log: slog.New(slog.DiscardHandler)}
	if configure != nil {
		configure(&cfg)
	}
	srv := httptest.NewServer(New(cfg).Handler())
	t.Cleanup(srv.Close)
	return testAPI{url: srv.URL, store: s, fix: fix}
}

// response is what a scenario got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, r.body)
	}
	return v
}

func (a testAPI) do(t *testing.T, method, target, body string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.url+target, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// path walks decoded JSON: keys for objects, indexes (as ints) for arrays.
func path(v any, steps ...any) any {
	for _, s := range steps {
		switch k := s.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func ids(list any) []string {
	var out []string
	for _, v := range list.([]any) {
		out = append(out, path(v, "id").(string))
	}
	return out
}
