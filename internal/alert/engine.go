// Package alert tells people what changed: rules owned by a user filter incidents and kinds of
// change (a new incident, an estimate that moved, a contradicting claim, a new wave, a source
// down); each match becomes an event with an idempotency key, written with its deliveries to a
// durable outbox in the store and sent from there — signed webhooks, email, daily or weekly
// digests — at least once, with retries, across restarts. A server-sent-events stream carries
// every change to the pages as it happens. The pipeline reports changes through Engine.
package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Engine turns changes into events: it compares incidents with what alerts last saw of them,
// matches the rules, and records the events and their deliveries in the outbox.
type Engine struct {
	store *store.Store
	hub   *Hub
	wake  func() // tells the dispatcher that deliveries are waiting
	now   func() time.Time
	log   *slog.Logger
}

// NewEngine builds an engine over a store; hub (nil: none) receives every change for the
// stream, and wake (nil: none) is called after events were recorded.
func NewEngine(s *store.Store, hub *Hub, wake func(), log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if wake == nil {
		wake = func() {}
	}
	return &Engine{store: s, hub: hub, wake: wake, now: time.Now, log: log}
}

// Baseline remembers, as they stand, the stored incidents alerts never compared — made before
// the first start or by `wallwatch ingest` while no server ran — so that they are not announced
// as new when a report next touches them.
func (e *Engine) Baseline(ctx context.Context) error {
	incs, _, err := e.store.Incidents(ctx, store.IncidentQuery{Brief: true, NoDocuments: true})
	if err != nil {
		return fmt.Errorf("alert baseline: %w", err)
	}
	snaps := map[string][]byte{}
	for _, inc := range incs {
		if snaps[inc.ID], err = json.Marshal(snapshotOf(inc)); err != nil {
			return err
		}
	}
	return e.store.AddMissingSnapshots(ctx, snaps)
}

// IncidentsChanged compares the incidents a batch touched with their snapshots and records an
// event for every change a rule asks for. Each group of rules (groups) compares the incidents
// as its audience sees them, against snapshots of that view: an organisation's rule announces,
// and its event carries, only what the organisation may send out.
func (e *Engine) IncidentsChanged(ctx context.Context, ids []string) error {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 {
		return nil
	}
	groups, err := e.groups(ctx)
	if err != nil {
		return err
	}
	now := e.now().UTC()
	snaps := map[string][]byte{}
	var alerts []store.NewAlert
	var notices []Notice
	known := map[string]bool{} // incidents alerts saw before, in the whole view
	for _, g := range groups {
		keys := make([]string, len(ids))
		for i, id := range ids {
			keys[i] = id + g.suffix
		}
		prev, err := e.store.AlertSnapshots(ctx, keys)
		if err != nil {
			return err
		}
		gctx := store.WithAudience(ctx, g.audience)
		for _, id := range ids {
			inc, err := e.store.Incident(gctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // merged into another since, or not visible to the group
			}
			if err != nil {
				return fmt.Errorf("alerts: %w", err)
			}
			snap := snapshotOf(inc)
			if snaps[id+g.suffix], err = json.Marshal(snap); err != nil {
				return err
			}
			data, seen := prev[id+g.suffix]
			if g.suffix == "" {
				known[id] = seen
			} else if !seen && known[id] {
				continue // the group's first look at an incident alerts knew: its baseline
			}
			var was *snapshot
			if seen {
				was = new(snapshot)
				if err := json.Unmarshal(data, was); err != nil {
					return fmt.Errorf("alert snapshot %s: %w", id, err)
				}
			}
			for _, c := range diff(was, snap) {
				ev := incidentEvent(inc, c, now)
				var matched []string
				for _, r := range g.rules {
					if wants(r, c) && Matches(r.Filter, inc) {
						alerts = append(alerts, forRule(r, ev, incidentSubject(inc.ID, c)))
						matched = append(matched, r.Name)
					}
				}
				if g.suffix == "" {
					notices = append(notices, noticeOf(ev, matched))
				}
			}
		}
	}
	return e.record(ctx, snaps, alerts, notices, now)
}

// ruleGroup is the active rules that see the store alike, and the audience they see it as.
type ruleGroup struct {
	audience store.Audience
	suffix   string // of its snapshots' keys: "" for the whole store
	rules    []model.AlertRule
}

// groups sorts the active rules by what they may announce. The whole store comes first, always:
// its snapshots are every other view's baseline and its changes feed the live stream; its rules
// are those made without accounts, while there are none. Once accounts exist, a rule of an
// organisation announces what the organisation may send out (store.DeliveryAudience: never
// RED), and a rule of no organisation what the public may see.
func (e *Engine) groups(ctx context.Context) ([]ruleGroup, error) {
	rules, err := e.activeRules(ctx)
	if err != nil {
		return nil, err
	}
	accounts, err := e.store.HasUsers(ctx)
	if err != nil {
		return nil, err
	}
	out := []ruleGroup{{audience: store.FullAudience()}}
	at := map[string]int{store.FullAudience().Key(): 0}
	for _, r := range rules {
		aud, err := e.ruleAudience(ctx, r, accounts)
		if err != nil {
			return nil, err
		}
		i, ok := at[aud.Key()]
		if !ok {
			i, at[aud.Key()] = len(out), len(out)
			out = append(out, ruleGroup{audience: aud, suffix: "@" + aud.Key()})
		}
		out[i].rules = append(out[i].rules, r)
	}
	return out, nil
}

// ruleAudience is what a rule may announce.
func (e *Engine) ruleAudience(ctx context.Context, r model.AlertRule, accounts bool) (store.Audience, error) {
	switch {
	case r.Org != "":
		org, err := e.store.OrganisationID(ctx, r.Org)
		if err != nil {
			return store.Audience{}, fmt.Errorf("alert rule %d: %w", r.ID, err)
		}
		return store.DeliveryAudience(org), nil
	case accounts:
		return store.PublicAudience(), nil
	}
	return store.FullAudience(), nil
}

// WavesDetected records an event for each new wave, for the rules that ask for waves and match
// one of the wave's incidents.
// A group's rules hear of the waves its audience may see (store.Wave), matched on the incidents
// as it sees them.
func (e *Engine) WavesDetected(ctx context.Context, waveIDs []string) error {
	groups, err := e.groups(ctx)
	if err != nil {
		return err
	}
	now := e.now().UTC()
	var alerts []store.NewAlert
	var notices []Notice
	for _, g := range groups {
		gctx := store.WithAudience(ctx, g.audience)
		for _, id := range waveIDs {
			w, err := e.store.Wave(gctx, id)
			if errors.Is(err, store.ErrNotFound) && g.suffix != "" {
				continue
			}
			if err != nil {
				return fmt.Errorf("alerts: %w", err)
			}
			ev := model.AlertEvent{Change: model.ChangeWave, At: now, WaveID: w.ID,
				Summary: fmt.Sprintf("Wave detected: %d incidents from %s to %s (p = %.3g) in %s", len(w.Incidents),
					w.Start.Format(model.DateLayout), w.End.Format(model.DateLayout), w.PValue, strings.Join(w.Countries, ", "))}
			var matched []string
			for _, r := range g.rules {
				if wants(r, change{kind: model.ChangeWave}) && e.waveMatches(gctx, r.Filter, w) {
					alerts = append(alerts, forRule(r, ev, w.ID))
					matched = append(matched, r.Name)
				}
			}
			if g.suffix == "" {
				notices = append(notices, noticeOf(ev, matched))
			}
		}
	}
	return e.record(ctx, nil, alerts, notices, now)
}

// waveMatches reports whether one of the wave's incidents passes the filter.
func (e *Engine) waveMatches(ctx context.Context, f model.AlertFilter, w model.Wave) bool {
	for _, id := range w.Incidents {
		if inc, err := e.store.Incident(ctx, id); err == nil && Matches(f, inc) {
			return true
		}
	}
	return false
}

// SourceDown records an event for the rules that ask to hear of failing sources: those of the
// organisation owning the source, or of every organisation when it is unowned.
func (e *Engine) SourceDown(ctx context.Context, src store.WatchSource) error {
	rules, err := e.activeRules(ctx)
	if err != nil {
		return err
	}
	now := e.now().UTC()
	ev := model.AlertEvent{Change: model.ChangeSourceDown, At: now, SourceURL: src.URL,
		Summary: fmt.Sprintf("Source down since %s: %s (%s)", src.FailingSince.UTC().Format(time.RFC3339), src.URL, src.LastError)}
	subject := fmt.Sprintf("%d@%d", src.ID, src.FailingSince.Unix())
	var alerts []store.NewAlert
	var matched []string
	for _, r := range rules {
		if wants(r, change{kind: model.ChangeSourceDown}) && (src.Org == "" || src.Org == r.Org) {
			alerts = append(alerts, forRule(r, ev, subject))
			matched = append(matched, r.Name)
		}
	}
	return e.record(ctx, nil, alerts, []Notice{noticeOf(ev, matched)}, now)
}

// Sample records, for one rule, an event about no real change: "send a sample now", to check
// that the webhook and the mailbox receive it.
func (e *Engine) Sample(ctx context.Context, ruleID int64) (model.AlertEvent, error) {
	r, err := e.store.AlertRule(ctx, ruleID)
	if err != nil {
		return model.AlertEvent{}, err
	}
	now := e.now().UTC()
	ev := model.AlertEvent{Change: model.ChangeNewIncident, At: now, Sample: true,
		Summary: "Sample alert: this is what a new incident matching \"" + r.Name + "\" will look like"}
	a := forRule(r, ev, fmt.Sprintf("sample@%d", now.UnixNano()))
	if r.Digest != "" && r.Email != "" {
		a.Deliveries = append(a.Deliveries, store.Delivery{Channel: channelEmail, Target: r.Email}) // a sample goes out at once
	}
	if err := e.record(ctx, nil, []store.NewAlert{a}, nil, now); err != nil {
		return model.AlertEvent{}, err
	}
	return a.Event, nil
}

func (e *Engine) activeRules(ctx context.Context) ([]model.AlertRule, error) {
	rules, err := e.store.AlertRules(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(rules, func(r model.AlertRule) bool { return r.Paused }), nil
}

// record writes the snapshots and events, then wakes the dispatcher and tells the stream.
func (e *Engine) record(ctx context.Context, snaps map[string][]byte, alerts []store.NewAlert, notices []Notice, now time.Time) error {
	stored, err := e.store.RecordAlerts(ctx, snaps, alerts, now)
	if err != nil {
		return fmt.Errorf("record alerts: %w", err)
	}
	if len(stored) > 0 {
		e.wake()
		e.log.Info("alerts recorded", "events", len(stored))
	}
	for _, n := range notices {
		e.hub.publish(n)
	}
	return nil
}

// Channels a delivery goes out by.
const (
	channelWebhook = "webhook"
	channelEmail   = "email"
)

// forRule makes a change's event the rule's own, keyed by rule and subject, with its deliveries.
func forRule(r model.AlertRule, ev model.AlertEvent, subject string) store.NewAlert {
	ev.RuleID, ev.RuleName, ev.Owner = r.ID, r.Name, r.Owner
	ev.Key = fmt.Sprintf("r%d:%s:%s", r.ID, ev.Change, subject)
	a := store.NewAlert{Event: ev}
	if r.Webhook != "" {
		a.Deliveries = append(a.Deliveries, store.Delivery{Channel: channelWebhook, Target: r.Webhook})
	}
	if r.Email != "" && r.Digest == "" {
		a.Deliveries = append(a.Deliveries, store.Delivery{Channel: channelEmail, Target: r.Email})
	}
	return a
}

// incidentSubject names what changed in an incident, the same for the same change however
// often it is seen.
func incidentSubject(id string, c change) string {
	switch c.kind {
	case model.ChangeEstimate:
		return fmt.Sprintf("%s:%s:%d", id, c.metric, *c.after)
	case model.ChangeContradiction:
		return id + ":" + string(c.metric)
	}
	return id
}

// incidentEvent describes a change of an incident for people.
func incidentEvent(inc model.Incident, c change, now time.Time) model.AlertEvent {
	ev := model.AlertEvent{Change: c.kind, At: now, IncidentID: inc.ID, Metric: c.metric, Before: c.before, After: c.after}
	what := describe(inc)
	switch c.kind {
	case model.ChangeNewIncident:
		ev.Summary = "New incident: " + what
	case model.ChangeEstimate:
		ev.Summary = fmt.Sprintf("%s estimate %s → %d: %s", c.metric, orNone(c.before), *c.after, what)
	case model.ChangeContradiction:
		ev.Summary = fmt.Sprintf("Sources now disagree on %s: %s", c.metric, what)
	}
	return ev
}

func orNone(v *int) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprint(*v)
}

// describe is an incident in one line: type, place, facility, date and the escaped figure.
func describe(inc model.Incident) string {
	parts := []string{string(inc.Type)}
	if info, ok := inc.Type.Info(); ok {
		parts[0] = info.Label
	}
	place := strings.Join(nonEmpty(inc.Place.Name, inc.Place.Admin1, inc.Place.Country), ", ")
	if place != "" {
		parts = append(parts, "in "+place)
	}
	if inc.Facility != "" {
		parts = append(parts, "at "+inc.Facility)
	}
	if !inc.Date.IsZero() {
		parts = append(parts, "on "+inc.Date.Start.Format(model.DateLayout))
	}
	if n := best(inc, model.Escaped); n >= 0 {
		parts = append(parts, fmt.Sprintf("(%d escaped)", n))
	}
	return strings.Join(parts, " ")
}

func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}
