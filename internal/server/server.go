// Package server is wallwatch's HTTP server: it mounts the JSON API under /api/, the pages at /
// and a health check at /healthz, wraps them in the middleware every response needs (the
// client's address — behind trusted proxies the forwarded one —, security headers, request size
// limits, rate limits per client address and per API token, cross-origin protection for writes,
// access logs, and — once an account exists — authentication and the access table of access.go),
// serves HTTP or HTTPS and shuts down gracefully when its context ends.
package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/web"
)

// Config is everything the server is built from. Only Store is required.
type Config struct {
	Store   *store.Store
	Actors  func() []model.Actor // actor dictionary for aliases; nil: names from incidents only
	Ingest  api.IngestFunc       // nil: POST /api/v1/documents answers 501
	Review  api.ReviewFunc       // nil: review writes answer 501
	TileURL string               // optional online map tiles, allowed by the CSP
	Loading func() bool          // reports whether reference data is still loading; nil: never
	Names   func() api.Names     // resolves country names and actor aliases in filters; nil: as typed
	Log     *slog.Logger
	Watch   api.Watch // watched sources and alerts: samples and the live stream
	// PublicRead lets anyone read pages and the API once accounts exist; writes still need an
	// account. Without accounts everything is open anyway (serve then binds only loopback).
	PublicRead bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
	// believed; none: the connection's address and TLS state are the client's.
	TrustedProxies []netip.Prefix
	// AddressRate and TokenRate cap requests per client address and per API token (429 with
	// Retry-After past them); zero: no limit.
	AddressRate, TokenRate Rate
	// ReadCache is how many bytes of responses (the API's incident and document lists, the
	// dashboard's and the incident list's content) are kept for repeated requests until the store
	// changes (respcache); 0 keeps none.
	ReadCache int
}

// maxCachedBody is the largest list body the read cache keeps: a page of 500 incidents with
// their claims is about 1.5 MB; larger ones are rarer than the memory they would hold.
const maxCachedBody = 4 << 20

// shutdownTimeout is how long in-flight requests get to finish once the server is told to stop.
const shutdownTimeout = 10 * time.Second

// Handler builds the whole site: API, pages, health check and middleware.
func Handler(cfg Config) (http.Handler, error) {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	var cache *respcache.Cache // shared by the API's lists and the pages
	if cfg.ReadCache > 0 {
		cache = respcache.New(cfg.ReadCache, maxCachedBody)
	}
	pages, err := web.New(web.Config{Store: cfg.Store, Actors: cfg.Actors, TileURL: cfg.TileURL, Names: cfg.Names, Review: cfg.Review, Log: log, Watch: cfg.Watch, Cache: cache})
	if err != nil {
		return nil, fmt.Errorf("web pages: %w", err)
	}
	a := api.New(api.Config{Store: cfg.Store, Actors: cfg.Actors, Ingest: cfg.Ingest, Names: cfg.Names, Review: cfg.Review, Log: log, Watch: cfg.Watch, Cache: cache})
	guard := auth.NewGuard(auth.Config{Store: cfg.Store, Log: log, PublicRead: cfg.PublicRead})
	mux := http.NewServeMux()
	mux.Handle("/api/", a.Handler())
	mux.Handle("GET /healthz", health(cfg.Store, cfg.Loading))
	mux.HandleFunc("POST /login", guard.Login)
	mux.HandleFunc("POST /logout", guard.Logout)
	mux.Handle("/", pages.Handler())
	mounted := append(append([]string{"GET /healthz", "POST /login", "POST /logout"}, a.Routes()...), pages.Routes()...)
	policy, err := newAccessPolicy(accessTable(), mounted)
	if err != nil {
		return nil, err
	}
	csp, err := contentSecurityPolicy(cfg.TileURL)
	if err != nil {
		return nil, err
	}
	return chain(mux, recoverPanics(log), clientaddr.New(cfg.TrustedProxies).Middleware, logRequests(log), securityHeaders(csp),
		limitBodies(maxBodyBytes), limitAddresses(cfg.AddressRate.limiter(), guard), crossOrigin(),
		guard.Middleware(policy.required), limitTokens(cfg.TokenRate.limiter(), guard)), nil
}

// health answers 200 {"status":"ok"} when the server can do everything, 503 {"status":"loading"}
// while the reference data is still loading (pages and reads already work) and 503
// {"status":"unavailable"} when the database cannot be read.
func health(s *store.Store, loading func() bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		status := "ok"
		if _, err := s.SchemaVersion(ctx); err != nil {
			status = "unavailable"
		} else if loading != nil && loading() {
			status = "loading"
		}
		if status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		fmt.Fprintf(w, "{\"status\":%q}\n", status)
	})
}

// Serve serves h on ln until ctx ends, then stops accepting connections and gives in-flight
// requests shutdownTimeout to finish. With a TLS configuration (LoadTLS) it serves HTTPS only.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, tlsConfig *tls.Config) error {
	srv := &http.Server{
		TLSConfig:         tlsConfig,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // a full export of a large database takes a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() {
		if tlsConfig != nil {
			errc <- srv.ServeTLS(ln, "", "")
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
