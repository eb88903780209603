package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/clientaddr"
)

// middleware wraps a handler.
type middleware func(http.Handler) http.Handler

// chain applies middleware so that the first listed runs first.
func chain(h http.Handler, ms ...middleware) http.Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

// maxBodyBytes bounds every request body; the ingest route reads at most this much too.
const maxBodyBytes = 8 << 20

// contentSecurityPolicy allows only this origin: no inline script or style, no framing. An online
// tile server, when configured, is the one other origin, for images only.
func contentSecurityPolicy(tileURL string) (string, error) {
	img := "'self' data:"
	if tileURL != "" {
		origin, err := tileOrigin(tileURL)
		if err != nil {
			return "", err
		}
		img += " " + origin
	}
	return strings.Join([]string{
		"default-src 'self'",
		"img-src " + img,
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; "), nil
}

// tileOrigin is the CSP source of a tile URL template; a {s} subdomain becomes a wildcard.
func tileOrigin(template string) (string, error) {
	const sub = "tile-subdomain"
	filled := strings.NewReplacer("{s}", sub, "{z}", "0", "{x}", "0", "{y}", "0", "{r}", "").Replace(template)
	u, err := url.Parse(filled)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("tile URL %q: want an http(s) URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png", template)
	}
	host := u.Host
	if rest, ok := strings.CutPrefix(host, sub+"."); ok {
		host = "*." + rest
	}
	return u.Scheme + "://" + host, nil
}

// hstsPolicy tells a browser that reached the site over HTTPS to use nothing else for a year.
const hstsPolicy = "max-age=31536000"

// securityHeaders sets on every response, whatever answers it, the headers that keep a browser
// from sniffing types, framing the site, leaking URLs to other sites or loading foreign content.
func securityHeaders(csp string) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", csp)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
			if clientaddr.From(r).HTTPS {
				h.Set("Strict-Transport-Security", hstsPolicy)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// limitBodies caps request bodies: a reader past the limit gets an error, the client a 413.
func limitBodies(n int64) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > n {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			if r.Body != nil {
				r.Body = http.MaxBytesReader(w, r.Body, n)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// crossOrigin rejects state-changing requests a browser sends from another origin (CSRF).
func crossOrigin() middleware {
	cop := http.NewCrossOriginProtection()
	return cop.Handler
}

// statusRecorder remembers the status and size of a response for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func logRequests(log *slog.Logger) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			}
			log.LogAttrs(r.Context(), level, "http request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", rec.status),
				slog.Int("bytes", rec.bytes), slog.Duration("duration", time.Since(start)), slog.String("remote", clientaddr.From(r).Addr))
		})
	}
}

// recoverPanics turns a panicking handler into a logged 500 instead of a dropped connection.
func recoverPanics(log *slog.Logger) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					log.ErrorContext(r.Context(), "handler panicked", "path", r.URL.Path, "panic", fmt.Sprint(v))
					http.Error(w, "internal error", http.StatusInternalServerError)
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}
