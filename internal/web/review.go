package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/wallwatch/wallwatch/internal/api"
	linkrules "github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// reviewerCookie remembers the analyst's name between review forms, so that each form comes
// filled in and the pages need no script.
const reviewerCookie = "wallwatch_reviewer"

// errReviewOff is the answer to a review form on a server built without the pipeline.
var errReviewOff = errors.New("review is not available on this server")

// reviewForms is what every review form on a page needs.
type reviewForms struct {
	Enabled  bool
	Reviewer string
	Back     string // where the form returns to
	Grades   []review.Grade
	Fields   []string
	Roles    []model.Role
	Metrics  []model.Metric
}

// reviewForms are the review forms of a page; they lead back to the page as it was asked for,
// so that a review taken on a later page of an incident's claims returns to that page.
func (w *Web) reviewForms(r *http.Request) reviewForms {
	f := reviewForms{Enabled: w.cfg.Review != nil, Back: r.URL.RequestURI(), Grades: review.Grades, Metrics: model.Metrics,
		Roles: []model.Role{model.RoleUnknown, model.RoleIndependent, model.RoleMedia, model.RoleGovernment, model.RoleDefender, model.RolePerpetrator}}
	if c, err := r.Cookie(reviewerCookie); err == nil {
		f.Reviewer, _ = url.QueryUnescape(c.Value)
	}
	for name := range review.Fields {
		f.Fields = append(f.Fields, name)
	}
	sort.Strings(f.Fields)
	return f
}

// claimRow is one claim in an incident's table, with its identity for review forms and how
// it weighs in the estimate.
type claimRow struct {
	model.Claim
	Key      string
	Standing linkrules.Standing
}

// claimRows explains each claim of a metric's page with its standing, weighed against every
// claim of the metric (store.Detail.Standings).
func claimRows(claims []model.Claim, standings []linkrules.Standing) []claimRow {
	rows := make([]claimRow, len(claims))
	for i, c := range claims {
		rows[i] = claimRow{Claim: c, Key: review.KeyOf(c).String(), Standing: standings[i]}
	}
	return rows
}

// excludedClaims returns, by metric, the claims of an incident citing the documents given that
// review rejected.
func (w *Web) excludedClaims(r *http.Request, id string, documents []string) (map[model.Metric][]model.ExcludedClaim, error) {
	log, err := w.cfg.Store.Rejections(r.Context())
	if err != nil || len(log) == 0 {
		return nil, err
	}
	probe := model.Incident{ID: id, Documents: make([]model.DocumentRef, len(documents))}
	for i, doc := range documents {
		probe.Documents[i].ID = doc
	}
	review.NewOverrides(log).Exclude(&probe)
	out := map[model.Metric][]model.ExcludedClaim{}
	for m, e := range probe.Metrics {
		out[m] = e.Excluded
	}
	return out, nil
}

// reviewPost takes a review form (POST /review) and returns to the page it came from. The
// server's cross-origin protection refuses forms posted from other sites.
func (w *Web) reviewPost(rw http.ResponseWriter, r *http.Request) {
	err := w.takeReview(rw, r)
	if err == nil {
		http.Redirect(rw, r, safeBack(r.PostForm.Get("back")), http.StatusSeeOther)
		return
	}
	w.page(func(*http.Request) (view, error) { return view{}, err }).ServeHTTP(rw, r)
}

func (w *Web) takeReview(rw http.ResponseWriter, r *http.Request) error {
	if w.cfg.Review == nil {
		return errReviewOff
	}
	req, err := api.ReviewForm(r)
	if err != nil {
		return fmt.Errorf("%w: %v", review.ErrInvalid, err)
	}
	req.Who = api.Reviewer(r, req.Who)
	a, err := req.Action(review.Kind(r.PostForm.Get("kind")), r.PostForm.Get("subject"))
	if err == nil {
		err = api.Reviewable(r.Context(), w.cfg.Store, a)
	}
	if err == nil {
		_, err = w.cfg.Review(r.Context(), a)
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, api.ErrBadRequest) {
		err = fmt.Errorf("%w: %v", review.ErrInvalid, err)
	}
	if err != nil {
		return err
	}
	http.SetCookie(rw, &http.Cookie{Name: reviewerCookie, Value: url.QueryEscape(a.Who), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return nil
}

// safeBack is a form's return path when it is a path of this site, else the review queue.
func safeBack(back string) string {
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		return "/review"
	}
	return back
}

type queueData struct {
	Incidents []model.Incident
}

// reviewQueue lists the incidents waiting for an analyst: reviewed ones a new report joined,
// then contested ones, then the rest, newest first.
func (w *Web) reviewQueue(r *http.Request) (view, error) {
	incs, err := w.cfg.Store.ReviewQueue(r.Context(), 200)
	if err != nil {
		return view{}, err
	}
	return view{"review", "Review queue", queueData{Incidents: incs}}, nil
}

type historyData struct {
	ID       string
	Title    string
	Exists   bool
	Entries  []historyEntry
	Forms    reviewForms
	Incident model.Incident
}

// historyEntry is one audit entry and whether it can still be undone.
type historyEntry struct {
	review.Action
	UndoneBy int64
}

// incidentHistory is an incident's history tab: every review action that named it.
func (w *Web) incidentHistory(r *http.Request) (view, error) {
	id := r.PathValue("id")
	log, err := w.cfg.Store.ReviewLog(r.Context(), id)
	if err != nil {
		return view{}, err
	}
	d := historyData{ID: id, Title: "Incident " + id, Forms: w.reviewForms(r)}
	inc, err := w.cfg.Store.Incident(r.Context(), id)
	switch {
	case err == nil:
		d.Exists, d.Title, d.Incident = true, incidentTitle(inc), inc
	case !errors.Is(err, store.ErrNotFound):
		return view{}, err
	case len(log) == 0:
		return view{}, err
	}
	undone := map[int64]int64{}
	for _, a := range log {
		if a.Kind == review.Undo {
			undone[a.Undoes] = a.ID
		}
	}
	for i := len(log) - 1; i >= 0; i-- {
		d.Entries = append(d.Entries, historyEntry{Action: log[i], UndoneBy: undone[log[i].ID]})
	}
	return view{"history", "History of " + d.Title, d}, nil
}
