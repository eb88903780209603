// Package api is wallwatch's JSON REST interface under /api/v1: incidents with their sourced
// claims, documents with the spans extraction read, actors, campaigns, exports in every format and
// ingestion of new documents. routes.go is the table of endpoints; wrap() is the one place errors
// become HTTP statuses. It reads through the store; writes go through the function the caller
// wires in (the pipeline), so the package itself stays free of extraction and linking.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/store"
)

// IngestRequest is a document offered through POST /api/v1/documents: a URL to fetch, or a text.
type IngestRequest struct {
	URL       string
	Text      string
	Title     string
	Published *time.Time // UTC midnight, nil when not given
	TLP       model.TLP  // the documents' marking
	Org       string     // the organisation owning them: the ingesting user's, "" without accounts
}

// IngestFunc stores a document and runs it through the pipeline, returning the ids of the
// documents stored and of the incidents they touched. Errors the client caused wrap ErrBadRequest.
type IngestFunc func(ctx context.Context, req IngestRequest) (docIDs, incidentIDs []string, err error)

// Config is what the API is built from. Only Store is required.
type Config struct {
	Store  *store.Store
	Actors func() []model.Actor // the actor dictionary; nil: actors are derived from incidents
	Ingest IngestFunc           // nil: POST /api/v1/documents answers 501
	Names  func() Names         // resolves country names and actor aliases in filters; nil: codes and canonical names only
	Review ReviewFunc           // nil: review POSTs answer 501
	Log    *slog.Logger         // nil: slog.Default()
	Watch  Watch                // watched sources and alerts (watch.go)
	// Cache keeps the bodies of the incident and document lists until the store changes; nil:
	// every request reads the store.
	Cache *respcache.Cache
}

// API serves the routes of routes.go.
type API struct {
	cfg      Config
	log      *slog.Logger
	accounts *accounts.Manager
}

// New builds the API handler.
func New(cfg Config) *API {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	return &API{cfg: cfg, log: log, accounts: accounts.New(cfg.Store, nil)}
}

// names is how filters resolve names now: nothing until the reference data has loaded.
func (a *API) names() Names {
	if a.cfg.Names == nil {
		return Names{}
	}
	return a.cfg.Names()
}

// Prefix is the path every API route starts with.
const Prefix = "/api/v1"

// Handler returns the mux of every route, answering 405 with the error shape for a known path
// asked with the wrong method and 404 for an unknown path under /api/.
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	methods := map[string][]string{}
	for _, rt := range a.routes() {
		mux.Handle(rt.method+" "+rt.pattern, wrap(a.log, rt.handle))
		methods[rt.pattern] = append(methods[rt.pattern], rt.method)
	}
	for pattern, allowed := range methods {
		mux.Handle(pattern, methodNotAllowed(allowed))
	}
	mux.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, errorDetail{Code: "not_found", Message: "no API route " + r.URL.Path + "; see " + Prefix + "/openapi.json"})
	}))
	return mux
}

func methodNotAllowed(allowed []string) http.Handler {
	if slices.Contains(allowed, http.MethodGet) {
		allowed = append(allowed, http.MethodHead)
	}
	allow := strings.Join(allowed, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, errorDetail{Code: "method_not_allowed", Message: r.Method + " is not allowed here; use " + allow})
	})
}
