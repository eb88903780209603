package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// testServer starts a loopback server and a Loader that may reach exactly that server.
func testServer(t *testing.T, opts Options, handler http.Handler) (*httptest.Server, *Loader) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	opts.allow = []netip.AddrPort{netip.MustParseAddrPort(u.Host)}
	return srv, NewLoader(opts, nil)
}

// load runs Load and collects what it emits and reports.
func load(t *testing.T, l *Loader, input string) ([]model.Document, []error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var docs []model.Document
	var errs []error
	l.Load(ctx, input, func(d model.Document) { docs = append(docs, d) }, func(err error) { errs = append(errs, err) })
	return docs, errs
}

func TestFetchRefusesNonPublicAddresses(t *testing.T) {
	// Nothing listens on these; the guard refuses before any connection is attempted.
	tests := []struct{ url, want string }{
		{"http://127.0.0.1:9/", "fetch http://127.0.0.1:9/: refused: 127.0.0.1 is a loopback address (pass --allow-private to allow)"},
		{"http://[::1]:9/", "fetch http://[::1]:9/: refused: ::1 is a loopback address (pass --allow-private to allow)"},
		{"http://10.0.0.1/", "fetch http://10.0.0.1/: refused: 10.0.0.1 is a private address (pass --allow-private to allow)"},
		{"http://169.254.169.254/latest/meta-data/", "fetch http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 is a cloud metadata address (pass --allow-private to allow)"},
		{"http://[fd00:ec2::254]/", "fetch http://[fd00:ec2::254]/: refused: fd00:ec2::254 is a cloud metadata address (pass --allow-private to allow)"},
		{"http://100.64.1.1/", "fetch http://100.64.1.1/: refused: 100.64.1.1 is a carrier-grade NAT address (pass --allow-private to allow)"},
		{"http://localhost:9/", "is a loopback address (pass --allow-private to allow)"},
		{"http://user:secret@93.184.216.34/", "fetch http://user:secret@93.184.216.34/: refused: URL carries credentials (user@host)"},
	}
	l := NewLoader(Options{ConnectTimeout: time.Second, Timeout: 2 * time.Second}, nil)
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			docs, errs := load(t, l, tt.url)
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("got %d docs, errors %v; want one error", len(docs), errs)
			}
			if !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("got %q, want %q", errs[0], tt.want)
			}
			var refused *RefusedError
			if !strings.Contains(tt.url, "@") && !errors.As(errs[0], &refused) {
				t.Errorf("got %v, want a *RefusedError", errs[0])
			}
		})
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	f := newFetcher(Options{}.withDefaults(), guard{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"} {
		_, err := f.fetch(context.Background(), u)
		if err == nil || !strings.Contains(err.Error(), "refused: scheme") {
			t.Errorf("fetch %s: got %v, want a refused scheme", u, err)
		}
	}
}

func TestFetch(t *testing.T) {
	latin1 := []byte("<html><body><article><p>Une trentaine de d\xe9tenus se sont \xe9vad\xe9s de la prison apr\xe8s l'attaque d'un groupe arm\xe9.</p></article></body></html>")
	var userAgent string
	mux := http.NewServeMux()
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		userAgent = r.UserAgent()
		fmt.Fprint(w, "Inmates escaped from the jail after the hops.")
	})
	mux.HandleFunc("/to/{where}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+r.PathValue("where")+"/secret", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5000")
		fmt.Fprint(w, strings.Repeat("x", 5000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 50 {
			fmt.Fprint(w, strings.Repeat("x", 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(latin1)
	})
	mux.HandleFunc("/latin1-text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Des d\xe9tenus se sont \xe9vad\xe9s de la prison."))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv, l := testServer(t, Options{MaxBytes: 1000, Timeout: 500 * time.Millisecond, Version: "1.2.3"}, mux)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	tests := []struct {
		path, wantErr, wantText, wantURL string
	}{
		{path: "/hop/5", wantText: "Inmates escaped from the jail after the hops.", wantURL: srv.URL + "/hop/0"},
		{path: "/hop/6", wantErr: "fetch " + srv.URL + "/hop/6: stopped after 5 redirects"},
		{path: "/to/10.0.0.1", wantErr: "redirected to http://10.0.0.1/secret: refused: 10.0.0.1 is a private address"},
		{path: "/to/127.0.0.2:" + port, wantErr: "refused: 127.0.0.2 is a loopback address"},
		{path: "/to/169.254.169.254", wantErr: "refused: 169.254.169.254 is a cloud metadata address"},
		{path: "/to/user:pw@example.org", wantErr: "refused: URL carries credentials"},
		{path: "/big", wantErr: "body of 5000 bytes is over the size limit of 1000 bytes"},
		{path: "/big-chunked", wantErr: "body over the size limit of 1000 bytes"},
		{path: "/latin1", wantText: "Une trentaine de détenus se sont évadés de la prison après l'attaque d'un groupe armé."},
		{path: "/latin1-text", wantText: "Des détenus se sont évadés de la prison."},
		{path: "/missing", wantErr: "fetch " + srv.URL + "/missing: HTTP 404 Not Found"},
		{path: "/slow", wantErr: "Client.Timeout exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			docs, errs := load(t, l, srv.URL+tt.path)
			if tt.wantErr != "" {
				if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.wantErr) {
					t.Fatalf("got errors %v, want one containing %q", errs, tt.wantErr)
				}
				return
			}
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d docs, errors %v", len(docs), errs)
			}
			if docs[0].Text != tt.wantText {
				t.Errorf("got text %q, want %q", docs[0].Text, tt.wantText)
			}
			if tt.wantURL != "" && docs[0].URL != tt.wantURL {
				t.Errorf("got URL %q, want %q", docs[0].URL, tt.wantURL)
			}
			if docs[0].Source != srv.URL+tt.path {
				t.Errorf("got source %q, want %q", docs[0].Source, srv.URL+tt.path)
			}
		})
	}
	if want := "wallwatch/1.2.3 (+https://github.com/wallwatch/wallwatch)"; userAgent != want {
		t.Errorf("got User-Agent %q, want %q", userAgent, want)
	}
}
