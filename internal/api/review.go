package api

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/wallwatch/wallwatch/internal/auth"
	"net/http"
	"slices"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ReviewFunc takes an analyst's action and returns it as logged (the pipeline's Review).
// Errors wrapping review.ErrInvalid are the client's.
type ReviewFunc func(ctx context.Context, a review.Action) (review.Action, error)

// ReviewRequest is the body of every review POST; each action reads the fields it needs.
type ReviewRequest struct {
	Who      string   `json:"who"`
	Why      string   `json:"why"`
	Others   []string `json:"others"`   // merge: the incidents merged into this one
	Document string   `json:"document"` // split, claims: the document
	Into     string   `json:"into"`     // split: the incident the document moves to ("" for a new one); facility merge: the facility merged into
	Field    string   `json:"field"`    // fields: the field corrected
	Value    string   `json:"value"`    // fields: its value; claims: the figure (N, ~N, A-B, >N, <N); facility rename: the name
	Grade    string   `json:"grade"`    // confirm
	Original string   `json:"original"` // copy: the document copied
	Metric   string   `json:"metric"`
	Claimant string   `json:"claimant"`
	Role     string   `json:"role"`
	Side     string   `json:"side"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
}

// reviewBody reads a review request: JSON, or a form (the pages post forms).
func reviewBody(r *http.Request) (ReviewRequest, error) {
	var req ReviewRequest
	if r.Header.Get("Content-Type") == "application/json" {
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			return req, fmt.Errorf("%w: the body must be a JSON object: %v", ErrBadRequest, err)
		}
		return req, nil
	}
	return ReviewForm(r)
}

// Reviewer is who takes a review action: the logged-in account when there is one, so that the
// review log names who really acted; without accounts, the name the request gives.
func Reviewer(r *http.Request, named string) string {
	if p := auth.PrincipalFrom(r.Context()); p.Name != "" {
		return p.Name
	}
	return named
}

// ReviewForm reads a review request from a posted form, as the pages send it.
func ReviewForm(r *http.Request) (ReviewRequest, error) {
	if err := r.ParseForm(); err != nil {
		return ReviewRequest{}, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	f := r.PostForm
	req := ReviewRequest{Who: f.Get("who"), Why: f.Get("why"), Others: f["others"], Document: f.Get("document"),
		Into: f.Get("into"), Field: f.Get("field"), Value: f.Get("value"), Grade: f.Get("grade"), Original: f.Get("original"),
		Metric: f.Get("metric"), Claimant: f.Get("claimant"), Role: f.Get("role"), Side: f.Get("side")}
	for _, n := range []struct {
		name string
		to   *int
	}{{"start", &req.Start}, {"end", &req.End}} {
		if s := f.Get(n.name); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil {
				return req, badParam(n.name, "%q: want a character offset", s)
			}
			*n.to = v
		}
	}
	return req, nil
}

// Action turns a request into a review action of a kind on its subject: an incident id, a
// claim key (accept, reject, reattribute), a document id (copy, not_copy, off_topic) or the
// number of an audit entry (undo).
func (req ReviewRequest) Action(kind review.Kind, subject string) (review.Action, error) {
	a := review.Action{Kind: kind, Who: req.Who, Why: req.Why, Incident: subject}
	change := review.ClaimChange{Claimant: req.Claimant, Role: req.Role, Side: req.Side, Metric: req.Metric, Value: req.Value}
	switch kind {
	case review.Merge:
		a.Others = req.Others
	case review.Split:
		a.Document, a.Target = req.Document, req.Into
	case review.Set:
		a.Field, a.Value = req.Field, req.Value
	case review.Confirm:
		a.Grade = review.Grade(req.Grade)
	case review.AddClaim:
		c, err := change.Claim()
		c.DocumentID, c.Start, c.End = req.Document, req.Start, req.End
		a.NewClaim = &c
		return a, err
	case review.Accept, review.Reject, review.Reattribute:
		k, err := review.ParseClaimKey(subject)
		if err != nil {
			return a, fmt.Errorf("%w: %v", review.ErrInvalid, err)
		}
		a.Claim, a.Incident = &k, ""
		if kind == review.Reattribute {
			c, err := change.Claim()
			a.NewClaim = &c
			return a, err
		}
	case review.Copy, review.NotCopy, review.OffTopic, review.Delete:
		a.Incident, a.Document, a.Target = "", subject, req.Original
	case review.RenameFacility:
		a.Incident, a.Facility, a.Value, a.Target = "", subject, req.Value, req.Into
	case review.Undo:
		id, err := strconv.ParseInt(subject, 10, 64)
		if err != nil {
			return a, badParam("id", "%q: want the number of an audit entry", subject)
		}
		a.Incident, a.Undoes = "", id
	}
	return a, nil
}

// review answers a review POST: the action as logged, or why it cannot be taken.
func (a *API) review(kind review.Kind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if a.cfg.Review == nil {
			return fmt.Errorf("review: %w", errNotImplemented)
		}
		req, err := reviewBody(r)
		if err != nil {
			return err
		}
		req.Who = Reviewer(r, req.Who)
		subject := r.PathValue("id")
		if subject == "" {
			subject = r.PathValue("claim")
		}
		act, err := req.Action(kind, subject)
		if err == nil {
			err = Reviewable(r.Context(), a.cfg.Store, act)
		}
		if err == nil {
			act, err = a.cfg.Review(r.Context(), act)
		}
		if errors.Is(err, review.ErrInvalid) {
			return fmt.Errorf("%w: %v", ErrBadRequest, err)
		}
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, act)
	}
}

type auditPage struct {
	Actions []review.Action `json:"actions"`
}

// listAudit answers GET /api/v1/audit: the review log, oldest first, of one incident when asked.
func (a *API) listAudit(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, "incident"); err != nil {
		return err
	}
	log, err := a.cfg.Store.ReviewLog(r.Context(), v.Get("incident"))
	if err != nil {
		return err
	}
	if log == nil {
		log = []review.Action{}
	}
	return writeJSON(w, http.StatusOK, auditPage{Actions: log})
}

// reviewRoutes are the endpoints of analyst review (docs/review.md).
func (a *API) reviewRoutes() []route {
	post := func(pattern string, kind review.Kind) route {
		return route{http.MethodPost, Prefix + pattern, a.review(kind)}
	}
	return []route{
		post("/incidents/{id}/merge", review.Merge),
		post("/incidents/{id}/split", review.Split),
		post("/incidents/{id}/fields", review.Set),
		post("/incidents/{id}/hide", review.Hide),
		post("/incidents/{id}/confirm", review.Confirm),
		post("/incidents/{id}/claims", review.AddClaim),
		post("/claims/{claim}/accept", review.Accept),
		post("/claims/{claim}/reject", review.Reject),
		post("/claims/{claim}/reattribute", review.Reattribute),
		post("/documents/{id}/copy", review.Copy),
		post("/documents/{id}/not-copy", review.NotCopy),
		post("/documents/{id}/off-topic", review.OffTopic),
		post("/documents/{id}/delete", review.Delete),
		post("/audit/{id}/undo", review.Undo),
		post("/facilities/{id}/rename", review.RenameFacility),
		post("/facilities/{id}/merge", review.RenameFacility),
		{http.MethodGet, Prefix + "/facilities", a.listFacilities},
		{http.MethodGet, Prefix + "/facilities/{id}", a.getFacility},
		{http.MethodGet, Prefix + "/audit", a.listAudit},
	}
}

type facilityPage struct {
	Facilities []store.Facility `json:"facilities"`
}

// listFacilities answers GET /api/v1/facilities: every facility incidents name, most incidents first.
func (a *API) listFacilities(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	fs, err := a.cfg.Store.Facilities(r.Context())
	if err != nil {
		return err
	}
	if fs == nil {
		fs = []store.Facility{}
	}
	return writeJSON(w, http.StatusOK, facilityPage{Facilities: fs})
}

// getFacility answers GET /api/v1/facilities/{id}.
func (a *API) getFacility(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	f, err := a.cfg.Store.FacilityByID(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, f)
}

// Reviewable refuses, as not found, an action on what the context's audience may not see whole:
// an analyst changes only incidents all of whose documents they may see, and only documents,
// claims, facilities and audit entries they may see. Without accounts everything is reviewable.
func Reviewable(ctx context.Context, s *store.Store, act review.Action) error {
	if !store.AudienceFrom(ctx).Restricted() {
		return nil
	}
	incidents := append([]string{act.Incident}, act.Others...)
	documents := []string{act.Document}
	if act.Claim != nil {
		documents = append(documents, act.Claim.Document)
	}
	if act.NewClaim != nil {
		documents = append(documents, act.NewClaim.DocumentID)
	}
	switch act.Kind {
	case review.Split:
		incidents = append(incidents, act.Target)
	case review.Copy:
		documents = append(documents, act.Target)
	}
	for _, id := range incidents {
		if id == "" {
			continue
		}
		if ok, err := s.IncidentSeenWhole(ctx, id); err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("incident %s: %w", id, store.ErrNotFound))
		}
	}
	for _, id := range documents {
		if id == "" {
			continue
		}
		if _, err := s.Document(ctx, id); err != nil {
			return err
		}
	}
	if act.Facility != "" {
		if _, err := s.FacilityByID(ctx, act.Facility); err != nil {
			return err
		}
	}
	if act.Undoes != 0 {
		return undoable(ctx, s, act.Undoes)
	}
	return nil
}

// undoable refuses, as not found, the undo of an audit entry the audience may not read.
func undoable(ctx context.Context, s *store.Store, id int64) error {
	log, err := s.ReviewLog(ctx, "")
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(log, func(a review.Action) bool { return a.ID == id }) {
		return fmt.Errorf("audit entry %d: %w", id, store.ErrNotFound)
	}
	return nil
}
