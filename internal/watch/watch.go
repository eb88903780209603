// Package watch follows registered sources — RSS/Atom feeds, pages and JSON Lines endpoints —
// while `wallwatch serve` runs: it polls each at its interval with conditional GETs, politely
// per host (one request at a time, a minimum interval, robots.txt), backs off a failing source
// exponentially, never takes an item twice, and hands new documents to the pipeline through the
// function it is given. Sources and their health live in the store.
package watch

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// AddFunc runs new documents through the pipeline and returns how many were stored as new.
type AddFunc func(ctx context.Context, docs []model.Document) (stored int, err error)

// Defaults.
const (
	DefaultAgent       = "wallwatch" // the product token robots.txt groups are matched against
	DefaultHostSpacing = time.Second
	DefaultTick        = 200 * time.Millisecond
	maxBackoff         = 6 * time.Hour
	// DownAfter is how long a source fails before it is flagged (and announced) as down.
	DownAfter = 24 * time.Hour
)

// Config is what a Watcher is built from. Store, Loader and Add are required.
type Config struct {
	Store       *store.Store
	Loader      *ingest.Loader // fetches under the guard; its AllowPrivate decides whether local sources work
	Add         AddFunc
	Agent       string        // robots.txt product token; default DefaultAgent
	HostSpacing time.Duration // least time between two requests to one host; default DefaultHostSpacing
	Tick        time.Duration // how often due sources are looked for; default DefaultTick
	// SourceDown, when set, is called once for each run of failures that lasts DownAfter.
	SourceDown func(ctx context.Context, src store.WatchSource)
	Log        *slog.Logger
}

// Watcher polls the store's sources until its Run's context ends.
type Watcher struct {
	cfg   Config
	log   *slog.Logger
	hosts *hosts

	mu       sync.Mutex
	inFlight map[int64]bool
	taking   map[string]bool     // item keys a poll under way is taking, so no other takes them too
	down     map[int64]time.Time // failing_since already announced, per source
}

// New builds a watcher.
func New(cfg Config) *Watcher {
	cfg.Agent = cmp.Or(cfg.Agent, DefaultAgent)
	if cfg.HostSpacing <= 0 {
		cfg.HostSpacing = DefaultHostSpacing
	}
	if cfg.Tick <= 0 {
		cfg.Tick = DefaultTick
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Watcher{cfg: cfg, log: log, hosts: newHosts(cfg.Loader, cfg.Agent, cfg.HostSpacing),
		inFlight: map[int64]bool{}, taking: map[string]bool{}, down: map[int64]time.Time{}}
}

// Run polls due sources until ctx ends, then waits for the polls under way: their fetches are
// cancelled and the pipeline commits what it had extracted.
func (w *Watcher) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(w.cfg.Tick)
	defer t.Stop()
	for {
		w.startDue(ctx, &wg)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// startDue starts a poll of every unpaused source whose time has come and that is not being
// polled already.
func (w *Watcher) startDue(ctx context.Context, wg *sync.WaitGroup) {
	sources, err := w.cfg.Store.WatchSources(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Warn("watch: read sources", "err", err)
		}
		return
	}
	now := time.Now()
	for _, src := range sources {
		if src.Paused || src.NextPoll.After(now) || !w.claim(src.ID) {
			continue
		}
		wg.Go(func() {
			defer w.release(src.ID)
			// Read again now that it is claimed: the list may predate the last poll's record.
			src, err := w.cfg.Store.WatchSource(ctx, src.ID)
			if err == nil && !src.Paused && !src.NextPoll.After(time.Now()) {
				w.poll(ctx, src)
			}
		})
	}
}

func (w *Watcher) claim(id int64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.inFlight[id] {
		return false
	}
	w.inFlight[id] = true
	return true
}

func (w *Watcher) release(id int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.inFlight, id)
}

// poll fetches one source, ingests what is new and records the outcome.
func (w *Watcher) poll(ctx context.Context, src store.WatchSource) {
	started := time.Now()
	o := w.fetchAndIngest(ctx, src)
	if ctx.Err() != nil && o.Err != nil {
		return // shut down mid-poll: the source is polled again at the next start
	}
	o.At = time.Now()
	o.NextPoll = o.At.Add(src.Interval)
	if o.Err != nil {
		o.NextPoll = o.At.Add(backoff(src.Interval, src.Failures+1))
	}
	if err := w.cfg.Store.RecordPoll(context.WithoutCancel(ctx), src.ID, o); err != nil {
		w.log.Warn("watch: record poll", "source", src.URL, "err", err)
	}
	w.log.Debug("watch: polled", "source", src.URL, "not_modified", o.NotModified, "items", o.ItemsSeen,
		"new_documents", o.NewDocuments, "err", o.Err, "duration", time.Since(started).Round(time.Millisecond))
	if o.Err != nil {
		w.log.Warn("watch: poll failed", "source", src.URL, "failures", src.Failures+1, "next_poll", o.NextPoll.Format(time.RFC3339), "err", o.Err)
		w.announceDown(ctx, src.ID)
	} else {
		w.mu.Lock()
		delete(w.down, src.ID)
		w.mu.Unlock()
	}
}

// backoff is the wait before the next poll after the nth consecutive failure: the interval
// doubled for each failure after the first, at most maxBackoff (or the interval when longer).
func backoff(interval time.Duration, failures int) time.Duration {
	d := interval
	for range min(failures-1, 30) {
		d *= 2
		if d >= maxBackoff {
			return max(maxBackoff, interval)
		}
	}
	return d
}

// announceDown calls SourceDown once a source has been failing for DownAfter.
func (w *Watcher) announceDown(ctx context.Context, id int64) {
	if w.cfg.SourceDown == nil {
		return
	}
	src, err := w.cfg.Store.WatchSource(ctx, id)
	if err != nil || !Down(src, time.Now()) {
		return
	}
	w.mu.Lock()
	announced := w.down[id].Equal(src.FailingSince)
	w.down[id] = src.FailingSince
	w.mu.Unlock()
	if !announced {
		w.cfg.SourceDown(ctx, src)
	}
}

// Down reports whether a source has been failing for DownAfter at now.
func Down(src store.WatchSource, now time.Time) bool {
	return !src.FailingSince.IsZero() && now.Sub(src.FailingSince) >= DownAfter
}

// fetchAndIngest does the work of a poll; the outcome's Err says what failed.
func (w *Watcher) fetchAndIngest(ctx context.Context, src store.WatchSource) store.PollOutcome {
	var f ingest.Fetched
	err := w.hosts.do(ctx, src.URL, func(ctx context.Context) error {
		var err error
		f, err = w.cfg.Loader.FetchConditional(ctx, src.URL, ingest.Validators{ETag: src.ETag, LastModified: src.LastModified})
		return err
	})
	if err != nil {
		return store.PollOutcome{Err: err}
	}
	o := store.PollOutcome{NotModified: f.NotModified, ETag: f.Validators.ETag, LastModified: f.Validators.LastModified}
	if f.NotModified {
		return o
	}
	docs, errs := w.cfg.Loader.Documents(src.URL, f)
	for _, err := range errs {
		w.log.Info("watch: item skipped", "source", src.URL, "err", err)
	}
	if len(docs) == 0 && len(errs) > 0 {
		o.Err = fmt.Errorf("%s: nothing readable: %w", src.URL, errs[0])
		return o
	}
	o.ItemsSeen = len(docs)
	fresh, keys, err := w.unseen(ctx, docs)
	if err != nil {
		o.Err = err
		return o
	}
	defer w.untake(keys)
	for i := range fresh {
		fresh[i] = w.follow(ctx, src, fresh[i])
		fresh[i].TLP, fresh[i].Org = src.TLP, src.Org // the source's marking and owner
	}
	if len(fresh) > 0 {
		if o.NewDocuments, err = w.cfg.Add(ctx, fresh); err != nil {
			o.Err = fmt.Errorf("%s: ingest: %w", src.URL, err)
			return o
		}
	}
	// Marked once stored: a crash in between fetches the items again, and the pipeline finds
	// their text already stored.
	if err := w.cfg.Store.MarkItemsSeen(context.WithoutCancel(ctx), src.ID, keys, time.Now()); err != nil {
		o.Err = err
	}
	return o
}

// unseen keeps the documents no source has taken before, with their keys.
func (w *Watcher) unseen(ctx context.Context, docs []model.Document) ([]model.Document, []string, error) {
	byKey := map[string]model.Document{}
	var keys []string
	for _, d := range docs {
		k := itemKey(d)
		if _, dup := byKey[k]; !dup {
			byKey[k] = d
			keys = append(keys, k)
		}
	}
	keys, err := w.cfg.Store.UnseenItems(ctx, keys)
	if err != nil {
		return nil, nil, err
	}
	keys = w.take(keys)
	fresh := make([]model.Document, len(keys))
	for i, k := range keys {
		fresh[i] = byKey[k]
	}
	return fresh, keys, nil
}

// take claims the keys no other poll under way is taking and returns them.
func (w *Watcher) take(keys []string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var mine []string
	for _, k := range keys {
		if !w.taking[k] {
			w.taking[k] = true
			mine = append(mine, k)
		}
	}
	return mine
}

func (w *Watcher) untake(keys []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, k := range keys {
		delete(w.taking, k)
	}
}

// itemKey identifies an item across polls and sources: a feed item or a JSON Lines record by
// its link, a page (whose text changes under one URL) or a linkless item by its text.
func itemKey(d model.Document) string {
	if d.URL != "" && (ingest.IsFeedItem(d) || d.URL != d.Source) {
		return d.URL
	}
	return "sha256:" + d.ContentHash
}

// follow makes a feed item's article URL its source and, when the source asks for it, replaces
// the item by the article's main text, fetched politely. A failure keeps the item as it is.
func (w *Watcher) follow(ctx context.Context, src store.WatchSource, item model.Document) model.Document {
	if !ingest.IsFeedItem(item) || item.URL == "" {
		return item
	}
	item.Source = item.URL
	if !src.FollowLinks {
		return item
	}
	err := w.hosts.do(ctx, item.URL, func(ctx context.Context) error {
		doc, err := w.cfg.Loader.Follow(ctx, item)
		item = doc
		return err
	})
	if err != nil {
		w.log.Info("watch: article kept as the feed gave it", "source", src.URL, "url", item.URL, "err", err)
	}
	item.Source = item.URL
	return item
}
