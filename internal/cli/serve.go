package cli

import (
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/server"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runServe(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("serve", "", "Serve the web UI and the REST API (/api/v1, described at /api/v1/openapi.json)\nuntil interrupted; in-flight requests get 10 seconds to finish.")
	c := settings(fs, e)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address host:port (env WALLWATCH_ADDR); port 0 picks a free one")
	fs.StringVar(&c.TileURL, "tile-url", c.TileURL, "optional online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png (env WALLWATCH_TILE_URL)")
	publicRead := fs.Bool("public-read", false, "once accounts exist, let anyone read pages and the API without logging in (writes still need an account)")
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, "serve HTTPS with this PEM certificate (chain), given with --tls-key (env WALLWATCH_TLS_CERT)")
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, "the certificate's PEM private key (env WALLWATCH_TLS_KEY)")
	fs.StringVar(&c.TrustProxy, "trust-proxy", c.TrustProxy, "behind a reverse proxy: CIDR[,CIDR] of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (env WALLWATCH_TRUST_PROXY)")
	fs.Float64Var(&c.AddressRate, "rate-address", c.AddressRate, "requests a second allowed per client address, in bursts of ten seconds' worth; 0: no limit (env WALLWATCH_RATE_ADDRESS)")
	fs.Float64Var(&c.TokenRate, "rate-token", c.TokenRate, "requests a second allowed per API token, in bursts of ten seconds' worth; 0: no limit (env WALLWATCH_RATE_TOKEN)")
	readCache := fs.Int("read-cache", 64, "MiB of list responses (API incidents and documents, the dashboard, the incident list) kept for repeated requests until the database changes; 0: none")
	ws := watchFlags(fs, e)
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "wallwatch serve: unexpected argument %q (see --help)\n", fs.Arg(0))
		return exitUsage
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	if err := checkExposure(ctx, s, c.Addr); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	tlsConfig, scheme, err := serverTLS(c.TLSCert, c.TLSKey)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	trusted, _ := clientaddr.ParseTrusted(c.TrustProxy) // Validate checked it
	log := newLogger(e.stderr, c.LogLevel)
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	pending := loadPipeline(s, c, log)
	go func() {
		<-pending.done
		if pending.err != nil {
			stop(pending.err) // a server that can never ingest is misconfigured: say so and exit
			return
		}
		log.Info("reference data loaded: the server can ingest")
	}()
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v (is another server on that port? try --addr 127.0.0.1:0)\n", err)
		return exitFailed
	}
	ws.baseURL = cmp.Or(ws.baseURL, scheme+"://"+ln.Addr().String())
	w := startWatching(ctx, s, pending, ws, log)
	warmed := make(chan struct{})
	loading := stillLoading(pending.loading, warmed)
	defer w.wait()
	h, err := server.Handler(server.Config{Store: s, Actors: pending.actors, Ingest: w.withAlerts(apiIngest(pending, log)),
		Review: serverReview(pending), TileURL: c.TileURL, Loading: loading, Names: pending.names, Log: log, Watch: w.api(), PublicRead: *publicRead,
		TrustedProxies: trusted, AddressRate: server.PerSecond(c.AddressRate), TokenRate: server.PerSecond(c.TokenRate), ReadCache: max(0, *readCache) << 20})
	if err != nil {
		ln.Close()
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "wallwatch is serving %s at %s://%s/ (API: %[2]s://%[3]s/api/v1/openapi.json); Ctrl-C stops it\n", c.DB, scheme, ln.Addr())
	go func() {
		defer close(warmed)
		server.Warm(ctx, h, log, "/", "/incidents")
	}()
	err = server.Serve(ctx, ln, h, log, tlsConfig)
	if cause := context.Cause(ctx); pending.err != nil && errors.Is(cause, pending.err) {
		err = cause
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// stillLoading reports the server as loading until the reference data has loaded and the pages
// have been warmed (warmed closed). Ready means fast too: until the pages that read the whole
// store (the dashboard, the incident list) have been computed once, a load balancer's first
// readers would wait for them (a second at 100,000 documents).
func stillLoading(reference func() bool, warmed <-chan struct{}) func() bool {
	return func() bool {
		select {
		case <-warmed:
			return reference()
		default:
			return true
		}
	}
}

// serverTLS loads the certificate and key when both are given: HTTPS, else plain HTTP.
func serverTLS(certFile, keyFile string) (*tls.Config, string, error) {
	if certFile == "" {
		return nil, "http", nil
	}
	cfg, err := server.LoadTLS(certFile, keyFile)
	return cfg, "https", err
}

// checkExposure refuses to serve a store without accounts on an address other machines can
// reach: without an account every route, writes included, is open to whoever connects.
func checkExposure(ctx context.Context, s *store.Store, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	has, err := s.HasUsers(ctx)
	if err != nil {
		return err
	}
	if !has {
		return fmt.Errorf("refusing to listen on %s: the database has no account, so anyone who can reach that address could read and write everything; create an admin first with 'wallwatch users add --admin NAME', or listen on loopback (--addr 127.0.0.1:8080)", addr)
	}
	return nil
}

// apiIngest lets POST /api/v1/documents ingest a URL (through the guarded fetcher: no private
// addresses) or a text body, and reports the incidents the new documents touched.
func apiIngest(pending *pendingPipeline, log *slog.Logger) api.IngestFunc {
	loader := ingest.NewLoader(ingest.Options{Version: Version()}, log)
	return func(ctx context.Context, req api.IngestRequest) ([]string, []string, error) {
		p, _, ok := pending.ready()
		if !ok {
			return nil, nil, fmt.Errorf("%w: the gazetteer and actor dictionary are still loading", api.ErrNotReady)
		}
		var docs []model.Document
		var problems []error
		if req.URL != "" {
			loader.Load(ctx, req.URL, func(d model.Document) { docs = append(docs, d) }, func(err error) { problems = append(problems, err) })
		} else {
			var header strings.Builder
			if req.Title != "" {
				fmt.Fprintf(&header, "TITLE: %s\n", strings.ReplaceAll(req.Title, "\n", " "))
			}
			if req.Published != nil {
				fmt.Fprintf(&header, "DATE: %s\n", req.Published.Format(model.DateLayout))
			}
			if header.Len() > 0 {
				header.WriteString("\n")
			}
			docs, problems = ingest.Parse("api:"+time.Now().UTC().Format(time.RFC3339Nano), "text/plain", []byte(header.String()+req.Text))
		}
		if len(docs) == 0 {
			return nil, nil, fmt.Errorf("%w: %v", api.ErrBadRequest, errors.Join(problems...))
		}
		for i := range docs {
			docs[i].TLP, docs[i].Org = req.TLP, req.Org
		}
		results, err := p.Add(ctx, docs)
		if err != nil {
			return nil, nil, err
		}
		var docIDs, incidentIDs []string
		for _, r := range results {
			docIDs = append(docIDs, r.Document.ID)
			incidentIDs = append(incidentIDs, r.Incidents...)
		}
		return docIDs, incidentIDs, nil
	}
}
