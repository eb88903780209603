// Package web serves wallwatch's pages for people: a dashboard, the incident list with the API's
// filters, incident, document, campaign, wave and actor pages. Pages are rendered on the server with
// html/template (every value from an article is escaped) and work without JavaScript; the one
// script, bundled from web/src with Leaflet by `go run ./internal/web/build` and embedded, draws
// the maps over embedded country boundaries. Nothing loads from another origin unless an online
// tile URL is configured.
package web

import (
	"bytes"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"sync"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Config is what the pages are built from. Only Store is required.
type Config struct {
	Store   *store.Store
	Actors  func() []model.Actor // the actor dictionary, for aliases; nil: names only
	TileURL string               // optional online tiles ({z}/{x}/{y} template) drawn under the boundaries
	Names   func() api.Names     // resolves country names and actor aliases in filters; nil: as typed
	Review  api.ReviewFunc       // takes review forms; nil: pages show no review controls
	Log     *slog.Logger
	Watch   api.Watch // watched sources and alerts (sources_watch.go)
	// Cache keeps the content of the dashboard and of the incident list's pages until the store
	// changes; nil: every view reads the store.
	Cache *respcache.Cache
}

// Web renders the pages.
type Web struct {
	cfg       Config
	log       *slog.Logger
	pages     map[string]*template.Template
	assets    assets
	dashboard *pageCache[dashboardData]
	lists     *pageCache[listSummary] // by the incident list's filters
	accounts  *accounts.Manager
	// buffers are the pages' render buffers, used again: a page with a map is 700 KB, and growing
	// a new buffer to that size for every view cost a fifth of the incident list's CPU.
	buffers sync.Pool
}

// maxPooledBuffer bounds the buffers kept for the next page: an unusually large one goes.
const maxPooledBuffer = 4 << 20

// New parses the templates and looks up the embedded assets.
func New(cfg Config) (*Web, error) {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	return &Web{cfg: cfg, log: log, pages: pages, assets: a, dashboard: newPageCache[dashboardData](),
		lists: newPageCache[listSummary](), accounts: accounts.New(cfg.Store, nil)}, nil
}

// Handler returns the mux of every page and of /static/.
func (w *Web) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range w.routes() {
		mux.Handle(rt.pattern, rt.handler)
	}
	mux.Handle("/", w.page(func(*http.Request) (view, error) {
		return view{}, errNoPage
	}))
	return mux
}

// route is one page or form target: a ServeMux pattern with its method, and its handler.
type route struct {
	pattern string
	handler http.Handler
}

// routes is the table of every page and form target; the server's access table names the role
// each needs (a test keeps the two in step).
func (w *Web) routes() []route {
	return append([]route{
		{"GET /{$}", w.page(w.dashboardPage)},
		{"GET /incidents", w.page(w.incidentList)},
		{"GET /incidents/{id}", w.page(w.incident)},
		{"GET /incidents/{id}/history", w.page(w.incidentHistory)},
		{"GET /review", w.page(w.reviewQueue)},
		{"GET /facilities", w.page(w.facilityList)},
		{"GET /facilities/{id}", w.page(w.facility)},
		{"POST /review", http.HandlerFunc(w.reviewPost)},
		{"GET /documents", w.page(w.documentList)},
		{"GET /documents/{id}", w.page(w.document)},
		{"GET /campaigns", w.page(w.campaignList)},
		{"GET /campaigns/{name}", w.page(w.campaign)},
		{"GET /waves", w.page(w.waveList)},
		{"GET /waves/{id}", w.page(w.wave)},
		{"GET /actors", w.page(w.actorList)},
		{"GET /actors/{name}", w.page(w.actor)},
		{"GET /static/", w.assets.handler()},
		{"GET /login", w.page(w.loginPage)},
		{"GET /admin/security", w.page(w.securityPage)},
	}, append(w.watchRoutes(), w.accountRoutes()...)...)
}

// Routes lists the pattern of every page and form target, for the server's access table.
func (w *Web) Routes() []string {
	var out []string
	for _, rt := range w.routes() {
		out = append(out, rt.pattern)
	}
	return out
}

// view is a rendered page's template name, title and data.
type view struct {
	page  string
	title string
	data  any
}

// pageFunc builds a page's view from a request.
type pageFunc func(r *http.Request) (view, error)

var errNoPage = errors.New("no such page")

// layout is what every page's frame needs besides its own data.
type layout struct {
	Title  string
	Nav    string // the section the page belongs to, highlighted in the header
	Q      string // the search box's text
	Assets assets
	User   string // who is logged in; "" while no one is (or no account exists)
	Data   any
}

// page renders a pageFunc's view in the layout, or an error page with the right status.
func (w *Web) page(f pageFunc) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		status := http.StatusOK
		if err != nil {
			status, v = w.errorView(r, err)
		}
		l := layout{Title: v.title, Nav: v.page, Q: r.URL.Query().Get("q"), Assets: w.assets, User: auth.PrincipalFrom(r.Context()).Name, Data: v.data}
		buf, _ := w.buffers.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		defer func() {
			if buf.Cap() <= maxPooledBuffer {
				buf.Reset()
				w.buffers.Put(buf)
			}
		}()
		if err := w.pages[v.page].ExecuteTemplate(buf, "layout", l); err != nil {
			w.log.ErrorContext(r.Context(), "render page", "page", v.page, "path", r.URL.Path, "err", err)
			http.Error(rw, "internal error", http.StatusInternalServerError)
			return
		}
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(status)
		rw.Write(buf.Bytes())
	})
}

// errorData is what the error page shows.
type errorData struct {
	Status  int
	Heading string
	Message string
}

func (w *Web) errorView(r *http.Request, err error) (int, view) {
	var pe *api.ParamError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, view{"error", "Bad filter", errorData{400, "That filter could not be read", pe.Parameter + ": " + pe.Message}}
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, view{"error", "Bad page link", errorData{400, "That page link is broken", "Start again from the first page of the list."}}
	case errors.Is(err, review.ErrInvalid), errors.Is(err, errReviewOff):
		return http.StatusBadRequest, view{"error", "Review not taken", errorData{400, "That review could not be taken", err.Error()}}
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errNoPage):
		return http.StatusNotFound, view{"error", "Not found", errorData{404, "Nothing here", "There is no page at " + r.URL.Path + ". It may have been merged into another incident after new reports came in."}}
	}
	w.log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, view{"error", "Error", errorData{500, "Something went wrong", "The server log has the details."}}
}
