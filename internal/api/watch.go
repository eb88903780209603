package api

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/watch"
)

// Watch is what the routes of watched sources and alerts need besides the store.
type Watch struct {
	Alerts *alert.Engine // records samples; nil: POST /alerts/rules/{id}/test answers 501
	Stream http.Handler  // the live stream of changes (server-sent events); nil: 204, nothing to stream
}

func (a *API) watchRoutes() []route {
	return []route{
		{http.MethodGet, Prefix + "/sources", a.listSources},
		{http.MethodPost, Prefix + "/sources", a.addSource},
		{http.MethodGet, Prefix + "/sources/{id}", a.getSource},
		{http.MethodDelete, Prefix + "/sources/{id}", withID(a.cfg.Store.DeleteWatchSource, nil)},
		{http.MethodPost, Prefix + "/sources/{id}/pause", withID(a.pauseSource(true), a.getSource)},
		{http.MethodPost, Prefix + "/sources/{id}/resume", withID(a.pauseSource(false), a.getSource)},
		{http.MethodGet, Prefix + "/alerts/rules", a.listRules},
		{http.MethodPost, Prefix + "/alerts/rules", a.addRule},
		{http.MethodGet, Prefix + "/alerts/rules/{id}", a.getRule},
		{http.MethodDelete, Prefix + "/alerts/rules/{id}", withID(a.cfg.Store.DeleteAlertRule, nil)},
		{http.MethodPost, Prefix + "/alerts/rules/{id}/pause", withID(a.pauseRule(true), a.getRule)},
		{http.MethodPost, Prefix + "/alerts/rules/{id}/resume", withID(a.pauseRule(false), a.getRule)},
		{http.MethodPost, Prefix + "/alerts/rules/{id}/test", a.testRule},
		{http.MethodGet, Prefix + "/alerts/deliveries", a.listDeliveries},
		{http.MethodGet, Prefix + "/alerts/stream", a.stream},
	}
}

// SourceJSON is a watched source with its health, as the API and the pages show it.
type SourceJSON struct {
	ID              int64      `json:"id"`
	URL             string     `json:"url"`
	IntervalSeconds float64    `json:"interval_seconds"`
	FollowLinks     bool       `json:"follow_links"`
	Paused          bool       `json:"paused"`
	CreatedAt       time.Time  `json:"created_at"`
	Status          string     `json:"status"` // new, ok, failing, down (failing for a day), paused
	NextPoll        *time.Time `json:"next_poll,omitempty"`
	LastPoll        *time.Time `json:"last_poll,omitempty"`
	LastSuccess     *time.Time `json:"last_success,omitempty"`
	LastError       string     `json:"last_error,omitempty"`
	LastErrorAt     *time.Time `json:"last_error_at,omitempty"`
	FailingSince    *time.Time `json:"failing_since,omitempty"`
	Failures        int        `json:"failures"`
	Polls           int        `json:"polls"`
	NotModified     int        `json:"not_modified"`
	ItemsSeen       int        `json:"items_seen"`
	NewDocuments    int        `json:"new_documents"`
	TLP             model.TLP  `json:"tlp"`           // the marking its documents take
	Org             string     `json:"org,omitempty"` // the organisation owning it and them
}

// SourceView renders a source for the API and the pages.
func SourceView(s store.WatchSource, now time.Time) SourceJSON {
	return SourceJSON{ID: s.ID, URL: s.URL, IntervalSeconds: s.Interval.Seconds(), FollowLinks: s.FollowLinks, Paused: s.Paused,
		CreatedAt: s.CreatedAt, Status: watch.Status(s, now), NextPoll: timeOrNil(s.NextPoll), LastPoll: timeOrNil(s.LastPoll),
		LastSuccess: timeOrNil(s.LastSuccess), LastError: s.LastError, LastErrorAt: timeOrNil(s.LastErrorAt),
		FailingSince: timeOrNil(s.FailingSince), Failures: s.Failures, Polls: s.Polls, NotModified: s.NotModified,
		ItemsSeen: s.ItemsSeen, NewDocuments: s.NewDocuments, TLP: s.TLP, Org: s.Org}
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func (a *API) listSources(w http.ResponseWriter, r *http.Request) error {
	srcs, err := a.cfg.Store.WatchSources(r.Context())
	if err != nil {
		return err
	}
	out := []SourceJSON{}
	for _, s := range srcs {
		out = append(out, SourceView(s, time.Now()))
	}
	return writeJSON(w, http.StatusOK, map[string]any{"sources": out})
}

type sourceBody struct {
	URL             string  `json:"url"`
	IntervalSeconds float64 `json:"interval_seconds"`
	FollowLinks     bool    `json:"follow_links"`
	TLP             string  `json:"tlp"`
}

func (a *API) addSource(w http.ResponseWriter, r *http.Request) error {
	var b sourceBody
	if err := readBody(w, r, &b); err != nil {
		return err
	}
	src, err := watch.NewSource(b.URL, time.Duration(b.IntervalSeconds*float64(time.Second)), b.FollowLinks, time.Now())
	if err != nil {
		return badParam("body", "%v", err)
	}
	if src.TLP, src.Org, err = Marking(b.TLP, auth.PrincipalFrom(r.Context())); err != nil {
		return err
	}
	id, err := a.cfg.Store.AddWatchSource(r.Context(), src)
	if errors.Is(err, store.ErrDuplicate) {
		return fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	if err != nil {
		return err
	}
	return a.writeSource(w, r, id, http.StatusCreated)
}

func (a *API) getSource(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return a.writeSource(w, r, id, http.StatusOK)
}

func (a *API) writeSource(w http.ResponseWriter, r *http.Request, id int64, status int) error {
	src, err := a.cfg.Store.WatchSource(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, status, SourceView(src, time.Now()))
}

// RuleJSON is an alert rule as the API shows it; the webhook secret is shown only once, when
// the rule is made.
type RuleJSON struct {
	ID         int64          `json:"id"`
	Owner      string         `json:"owner"`
	Org        string         `json:"org,omitempty"` // the organisation owning it: the creator's, whatever the body says
	Name       string         `json:"name"`
	Paused     bool           `json:"paused"`
	Filter     FilterJSON     `json:"filter"`
	Changes    []model.Change `json:"changes"`
	MinChange  float64        `json:"min_change_percent,omitempty"`
	Webhook    string         `json:"webhook,omitempty"`
	Secret     string         `json:"secret,omitempty"`
	Email      string         `json:"email,omitempty"`
	Digest     string         `json:"digest,omitempty"`
	CreatedAt  time.Time      `json:"created_at"`
	LastDigest *time.Time     `json:"last_digest,omitempty"`
}

// FilterJSON is model.AlertFilter with the API's names.
type FilterJSON struct {
	Countries  []string          `json:"countries,omitempty"`
	BBox       *[4]float64       `json:"bbox,omitempty"`
	Types      []model.EventType `json:"types,omitempty"`
	Actors     []string          `json:"actors,omitempty"`
	Campaigns  []string          `json:"campaigns,omitempty"`
	Facility   string            `json:"facility,omitempty"`
	MinEscaped int               `json:"min_escaped,omitempty"`
	MinSources int               `json:"min_sources,omitempty"`
	Precision  string            `json:"precision,omitempty"`
}

// RuleView renders a rule for the API and the pages, without its secret.
func RuleView(r model.AlertRule) RuleJSON {
	f := r.Filter
	changes := r.Changes
	if len(changes) == 0 {
		changes = []model.Change{model.ChangeNewIncident}
	}
	out := RuleJSON{ID: r.ID, Owner: r.Owner, Org: r.Org, Name: r.Name, Paused: r.Paused, Changes: changes, MinChange: r.MinChange,
		Webhook: r.Webhook, Email: r.Email, Digest: r.Digest, CreatedAt: r.CreatedAt,
		Filter: FilterJSON{Countries: f.Countries, BBox: f.BBox, Types: f.Types, Actors: f.Actors, Campaigns: f.Campaigns,
			Facility: f.Facility, MinEscaped: f.MinEscaped, MinSources: f.MinSources, Precision: string(f.Precision)}}
	if r.Digest != "" {
		out.LastDigest = timeOrNil(r.LastDigest)
	}
	return out
}

// Rule turns a rule as the API and the forms write it into the model's, unchecked.
func (j RuleJSON) Rule() model.AlertRule {
	f := j.Filter
	return model.AlertRule{Owner: j.Owner, Name: j.Name, Paused: j.Paused, Changes: j.Changes, MinChange: j.MinChange,
		Webhook: j.Webhook, Secret: j.Secret, Email: j.Email, Digest: j.Digest,
		Filter: model.AlertFilter{Countries: f.Countries, BBox: f.BBox, Types: f.Types, Actors: f.Actors, Campaigns: f.Campaigns,
			Facility: f.Facility, MinEscaped: f.MinEscaped, MinSources: f.MinSources, Precision: model.GeoPrecision(f.Precision)}}
}

func (a *API) listRules(w http.ResponseWriter, r *http.Request) error {
	rules, err := a.cfg.Store.AlertRules(r.Context())
	if err != nil {
		return err
	}
	out := []RuleJSON{}
	for _, rule := range rules {
		if owner := r.URL.Query().Get("owner"); owner == "" || owner == rule.Owner {
			out = append(out, RuleView(rule))
		}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"rules": out})
}

func (a *API) addRule(w http.ResponseWriter, r *http.Request) error {
	var b RuleJSON
	if err := readBody(w, r, &b); err != nil {
		return err
	}
	rule := b.Rule()
	rule.CreatedAt = time.Now().UTC()
	OwnRule(&rule, auth.PrincipalFrom(r.Context()))
	if err := alert.CheckRule(&rule); err != nil {
		return badParam("body", "%v", err)
	}
	id, err := a.cfg.Store.AddAlertRule(r.Context(), rule)
	if err != nil {
		return err
	}
	rule.ID = id
	out := RuleView(rule)
	out.Secret = rule.Secret // shown once, for the receiver to verify signatures with
	return writeJSON(w, http.StatusCreated, out)
}

func (a *API) getRule(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rule, err := a.cfg.Store.AlertRule(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, RuleView(rule))
}

func (a *API) testRule(w http.ResponseWriter, r *http.Request) error {
	if a.cfg.Watch.Alerts == nil {
		return fmt.Errorf("%w: alerts are not running in this server", errNotImplemented)
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, err := a.cfg.Watch.Alerts.Sample(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusAccepted, ev)
}

// DeliveryJSON is one delivery of the log.
type DeliveryJSON struct {
	ID          int64            `json:"id"`
	Event       model.AlertEvent `json:"event"`
	Channel     string           `json:"channel"`
	Target      string           `json:"target"`
	Status      string           `json:"status"` // delivered, retrying, given_up
	Attempts    int              `json:"attempts"`
	DeliveredAt *time.Time       `json:"delivered_at,omitempty"`
	NextAttempt *time.Time       `json:"next_attempt,omitempty"`
	LastError   string           `json:"last_error,omitempty"`
}

// DeliveryView renders one delivery of the log.
func DeliveryView(l store.DeliveryLog) DeliveryJSON {
	d := DeliveryJSON{ID: l.ID, Event: l.Event, Channel: l.Delivery.Channel, Target: l.Delivery.Target, Attempts: l.Attempts,
		DeliveredAt: timeOrNil(l.DeliveredAt), LastError: l.LastError, Status: "retrying"}
	switch {
	case !l.DeliveredAt.IsZero():
		d.Status = "delivered"
	case l.GivenUp:
		d.Status = "given_up"
	default:
		d.NextAttempt = timeOrNil(l.NextAttempt)
	}
	return d
}

func (a *API) listDeliveries(w http.ResponseWriter, r *http.Request) error {
	var ruleID int64
	if v := r.URL.Query().Get("rule"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return badParam("rule", "%q: want a rule id", v)
		}
		ruleID = n
	}
	logs, err := a.cfg.Store.DeliveryLogs(r.Context(), ruleID, 200)
	if err != nil {
		return err
	}
	out := []DeliveryJSON{}
	for _, l := range logs {
		out = append(out, DeliveryView(l))
	}
	return writeJSON(w, http.StatusOK, map[string]any{"deliveries": out})
}

func (a *API) stream(w http.ResponseWriter, r *http.Request) error {
	if a.cfg.Watch.Stream == nil {
		// 204 tells an EventSource not to reconnect: a server without alerts has nothing to stream.
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	a.cfg.Watch.Stream.ServeHTTP(w, r)
	return nil
}

// withID runs do on the record the path names, then answers with next (nil: 204 No Content).
func withID(do func(context.Context, int64) error, next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		if err := do(r.Context(), id); err != nil {
			return err
		}
		if next == nil {
			w.WriteHeader(http.StatusNoContent)
			return nil
		}
		return next(w, r)
	}
}

func (a *API) pauseSource(paused bool) func(context.Context, int64) error {
	return func(ctx context.Context, id int64) error {
		return a.cfg.Store.PauseWatchSource(ctx, id, paused, time.Now())
	}
}

func (a *API) pauseRule(paused bool) func(context.Context, int64) error {
	return func(ctx context.Context, id int64) error { return a.cfg.Store.PauseAlertRule(ctx, id, paused) }
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, badParam("id", "%q: want a number", r.PathValue("id"))
	}
	return id, nil
}

// readBody decodes one JSON object with no unknown fields.
func readBody(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return err
		}
		return badParam("body", "not the JSON object expected: %v", err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return badParam("body", "one JSON object expected")
	}
	return nil
}

// OwnRule gives a rule made by a logged-in principal to its organisation (whatever the request
// says), and to the principal when it names no owner.
func OwnRule(rule *model.AlertRule, p auth.Principal) {
	if p.Name != "" {
		rule.Org, rule.Owner = p.Org, cmp.Or(rule.Owner, p.Name)
	}
}
