package alert

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// DispatcherConfig is what a Dispatcher is built from. Store and Client are required.
type DispatcherConfig struct {
	Store       *store.Store
	Client      *http.Client // for webhooks: give it the fetch guard (ingest.GuardedClient)
	SMTP        *SMTP        // nil: email deliveries fail, and are retried, until one is configured
	BaseURL     string       // the server's address, for links in emails; "" for none
	UserAgent   string
	RetryBase   time.Duration // wait after the first failure, doubled after each; default 2s
	MaxAttempts int           // attempts before a delivery is given up; default 12 (about 2 hours at 2s)
	Idle        time.Duration // how often the outbox is read when nothing wakes the dispatcher; default 5s
	Log         *slog.Logger
}

// Dispatcher sends the outbox's deliveries and the digests.
type Dispatcher struct {
	cfg      DispatcherConfig
	log      *slog.Logger
	webhooks webhooks
	wakeCh   chan struct{}
	now      func() time.Time
}

// Defaults of DispatcherConfig.
const (
	DefaultRetryBase   = 2 * time.Second
	DefaultMaxAttempts = 12
	DefaultIdle        = 5 * time.Second
	maxRetryWait       = time.Hour
	parallelDeliveries = 8 // targets served at once
	batchSize          = 64
)

// NewDispatcher builds a dispatcher.
func NewDispatcher(cfg DispatcherConfig) *Dispatcher {
	cfg.RetryBase = cmp.Or(cfg.RetryBase, DefaultRetryBase)
	cfg.MaxAttempts = cmp.Or(cfg.MaxAttempts, DefaultMaxAttempts)
	cfg.Idle = cmp.Or(cfg.Idle, DefaultIdle)
	cfg.UserAgent = cmp.Or(cfg.UserAgent, "wallwatch")
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Dispatcher{cfg: cfg, log: log, webhooks: webhooks{client: cfg.Client, agent: cfg.UserAgent},
		wakeCh: make(chan struct{}, 1), now: time.Now}
}

// Wake tells the dispatcher that deliveries are due now.
func (d *Dispatcher) Wake() {
	select {
	case d.wakeCh <- struct{}{}:
	default:
	}
}

// Run delivers until ctx ends: what is due, then it sleeps until the next retry is due, it is
// woken or Idle passes. Digests are looked at on every round.
func (d *Dispatcher) Run(ctx context.Context) {
	for {
		if err := d.digests(ctx); err != nil && ctx.Err() == nil {
			d.log.Warn("alert digests", "err", err)
		}
		n, err := d.deliverDue(ctx)
		if err != nil && ctx.Err() == nil {
			d.log.Warn("alert deliveries", "err", err)
		}
		if n == batchSize {
			continue // more may be due
		}
		wait := d.cfg.Idle
		if next, ok, err := d.cfg.Store.NextDeliveryDue(ctx); err == nil && ok {
			wait = min(wait, max(time.Until(next), time.Millisecond))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-d.wakeCh:
		case <-t.C:
		}
		t.Stop()
	}
}

// deliverDue attempts every due delivery and returns how many it attempted. Deliveries to one
// target go one after the other, oldest first (a receiver sees events in order, and a crash can
// catch at most one of them between its acceptance and its record); targets go in parallel.
func (d *Dispatcher) deliverDue(ctx context.Context) (int, error) {
	items, err := d.cfg.Store.DueDeliveries(ctx, d.now(), batchSize)
	if err != nil {
		return 0, err
	}
	byTarget := map[store.Delivery][]store.OutboxItem{}
	var targets []store.Delivery
	for _, it := range items {
		if _, ok := byTarget[it.Delivery]; !ok {
			targets = append(targets, it.Delivery)
		}
		byTarget[it.Delivery] = append(byTarget[it.Delivery], it)
	}
	sem := make(chan struct{}, parallelDeliveries)
	var wg sync.WaitGroup
	for _, target := range targets {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			for _, it := range byTarget[target] {
				if ctx.Err() != nil {
					return
				}
				d.attempt(ctx, it)
			}
		})
	}
	wg.Wait()
	return len(items), nil
}

// attempt sends one delivery and records the outcome, scheduling a retry after a failure.
func (d *Dispatcher) attempt(ctx context.Context, it store.OutboxItem) {
	detail, permanent, err := d.send(ctx, it)
	if ctx.Err() != nil && err != nil {
		return // shutting down: the delivery stays due and goes out after the restart
	}
	a := store.Attempt{At: d.now(), OK: err == nil, Detail: detail}
	if err != nil {
		a.Detail = err.Error()
		a.Next = a.At.Add(retryWait(d.cfg.RetryBase, it.Attempts+1))
		a.GiveUp = permanent || it.Attempts+1 >= d.cfg.MaxAttempts
		d.log.Warn("alert delivery failed", "key", it.Event.Key, "channel", it.Delivery.Channel, "attempt", it.Attempts+1,
			"given_up", a.GiveUp, "err", err)
	} else {
		d.log.Debug("alert delivered", "key", it.Event.Key, "channel", it.Delivery.Channel, "target", it.Delivery.Target)
	}
	if err := d.cfg.Store.RecordAttempt(context.WithoutCancel(ctx), it.ID, a); err != nil {
		d.log.Error("record alert delivery", "key", it.Event.Key, "err", err)
	}
}

// retryWait is the wait after the nth failed attempt: base doubled n-1 times, at most maxRetryWait.
func retryWait(base time.Duration, n int) time.Duration {
	w := base
	for range min(n-1, 40) {
		if w *= 2; w >= maxRetryWait {
			return maxRetryWait
		}
	}
	return w
}

// errNoSMTP is an email delivery while no relay is configured.
var errNoSMTP = errors.New("no SMTP relay configured (serve --smtp-addr)")

func (d *Dispatcher) send(ctx context.Context, it store.OutboxItem) (string, bool, error) {
	switch it.Delivery.Channel {
	case channelWebhook:
		r, err := d.cfg.Store.AlertRule(ctx, it.Event.RuleID)
		secret := ""
		if err == nil {
			secret = r.Secret
		} else if !errors.Is(err, store.ErrNotFound) {
			return "", false, err
		}
		return d.webhooks.send(ctx, it.Delivery.Target, secret, it.Event)
	case channelEmail:
		if d.cfg.SMTP == nil {
			return "", false, errNoSMTP
		}
		subject, body := emailOf(it.Event, d.cfg.BaseURL)
		detail, err := d.cfg.SMTP.sendMail(ctx, it.Delivery.Target, subject, body, map[string]string{"X-Wallwatch-Event": string(it.Event.Change), "X-Wallwatch-Event-Id": it.Event.Key})
		return detail, false, err
	}
	return "", true, fmt.Errorf("unknown channel %q", it.Delivery.Channel)
}

// digestPeriods are the digest settings a rule may have.
var digestPeriods = map[string]time.Duration{"daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour}

// ValidDigest reports whether s is a digest setting ("" for none).
func ValidDigest(s string) bool { _, ok := digestPeriods[s]; return ok || s == "" }

// digests records a digest event for every rule whose period has passed since its last one,
// holding the period's events; a period without events sends nothing.
func (d *Dispatcher) digests(ctx context.Context) error {
	rules, err := d.cfg.Store.AlertRules(ctx)
	if err != nil {
		return err
	}
	now := d.now().UTC()
	for _, r := range rules {
		period, ok := digestPeriods[r.Digest]
		if !ok || r.Paused || r.Email == "" || now.Before(r.LastDigest.Add(period)) {
			continue
		}
		events, err := d.cfg.Store.AlertEvents(ctx, r.ID, r.LastDigest, 1000)
		if err != nil {
			return err
		}
		events = realEvents(events)
		if len(events) > 0 {
			ev := digestEvent(r, events, now)
			if _, err := d.cfg.Store.RecordAlerts(ctx, nil, []store.NewAlert{{Event: ev, Deliveries: []store.Delivery{{Channel: channelEmail, Target: r.Email}}}}, now); err != nil {
				return err
			}
		}
		if err := d.cfg.Store.SetLastDigest(ctx, r.ID, now); err != nil {
			return err
		}
	}
	return nil
}

func realEvents(events []model.AlertEvent) []model.AlertEvent {
	var out []model.AlertEvent
	for _, e := range events {
		if e.Change != model.ChangeDigest && !e.Sample {
			out = append(out, e)
		}
	}
	return out
}

// digestEvent gathers a period's events into one, keyed by the rule and the period's start so
// that a digest recorded twice (a crash before SetLastDigest) is sent once.
func digestEvent(r model.AlertRule, events []model.AlertEvent, now time.Time) model.AlertEvent {
	var b strings.Builder
	fmt.Fprintf(&b, "%s digest of %q: %d changes since %s\n", strings.ToUpper(r.Digest[:1])+r.Digest[1:], r.Name, len(events), r.LastDigest.Format(time.RFC1123))
	for _, e := range events {
		fmt.Fprintf(&b, "\n- %s  %s", e.At.Format("2006-01-02 15:04"), e.Summary)
	}
	return model.AlertEvent{Key: fmt.Sprintf("r%d:digest:%d", r.ID, r.LastDigest.Unix()), Change: model.ChangeDigest,
		RuleID: r.ID, RuleName: r.Name, Owner: r.Owner, At: now, Summary: b.String()}
}
