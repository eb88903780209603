package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/watch"
)

// watchSettings are serve's flags for watching sources and sending alerts.
type watchSettings struct {
	allowPrivate bool
	baseURL      string
	smtp         alert.SMTP
}

// watchFlags binds serve's flags for watching and alerting.
func watchFlags(fs *flag.FlagSet, e env) *watchSettings {
	w := &watchSettings{smtp: alert.SMTP{Addr: e.getenv("WALLWATCH_SMTP_ADDR"), From: cmp.Or(e.getenv("WALLWATCH_SMTP_FROM"), "wallwatch@localhost"),
		Username: e.getenv("WALLWATCH_SMTP_USER"), Password: e.getenv("WALLWATCH_SMTP_PASSWORD")}}
	fs.BoolVar(&w.allowPrivate, "allow-private", false, "let watched sources and webhooks be on loopback or private addresses (a local feed, a test receiver)")
	fs.StringVar(&w.baseURL, "base-url", "", "the server's address as people reach it, for links in alert emails (default: the listen address)")
	fs.StringVar(&w.smtp.Addr, "smtp-addr", w.smtp.Addr, "SMTP relay `host:port` for alert emails (env WALLWATCH_SMTP_ADDR; password only from WALLWATCH_SMTP_PASSWORD)")
	fs.StringVar(&w.smtp.From, "smtp-from", w.smtp.From, "sender of alert emails (env WALLWATCH_SMTP_FROM)")
	fs.StringVar(&w.smtp.Username, "smtp-user", w.smtp.Username, "SMTP login, sent only over TLS or to localhost (env WALLWATCH_SMTP_USER)")
	return w
}

// watching is what serve runs besides answering requests: the watcher of sources (once the
// reference data has loaded), the alert dispatcher, and the hub of the live stream.
type watching struct {
	store  *store.Store
	engine *alert.Engine
	hub    *alert.Hub
	log    *slog.Logger
	waves  chan struct{} // asks refreshWavesOnRequest for a run
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startWatching starts the watcher and the dispatcher; both stop when ctx ends or wait is
// called, and the live streams close so that the server's shutdown need not wait for them.
func startWatching(ctx context.Context, s *store.Store, pending *pendingPipeline, ws *watchSettings, log *slog.Logger) *watching {
	ctx, cancel := context.WithCancel(ctx)
	var smtp *alert.SMTP
	if ws.smtp.Addr != "" {
		smtp = &ws.smtp
	}
	opts := ingest.Options{Version: Version(), AllowPrivate: ws.allowPrivate}
	d := alert.NewDispatcher(alert.DispatcherConfig{Store: s, Client: ingest.GuardedClient(opts), SMTP: smtp, BaseURL: ws.baseURL,
		UserAgent: "wallwatch/" + Version(), Log: log})
	w := &watching{store: s, hub: alert.NewHub(s), log: log, waves: make(chan struct{}, 1), cancel: cancel}
	w.engine = alert.NewEngine(s, w.hub, d.Wake, log)
	w.wg.Go(func() { d.Run(ctx) })
	w.wg.Go(func() {
		<-ctx.Done()
		w.hub.Close()
	})
	w.wg.Go(func() {
		// While the reference data loads (seconds; nothing is ingested meanwhile), so that the
		// server listens at once.
		since := time.Now().UTC().Add(-time.Second).Format(time.RFC3339)
		if err := w.engine.Baseline(ctx); err != nil && ctx.Err() == nil {
			log.Warn("alerts: baseline of stored incidents", "err", err)
		}
		w.wg.Go(func() { w.sweepOtherWriters(ctx, since) })
		select {
		case <-pending.done:
		case <-ctx.Done():
			return
		}
		_, ref, ok := pending.ready()
		if !ok {
			return // serve is stopping: the reference data did not load
		}
		w.wg.Go(func() { w.refreshWavesOnRequest(ctx, ref) })
		watch.New(watch.Config{Store: s, Loader: ingest.NewLoader(opts, log), Add: w.addFunc(pending),
			SourceDown: w.sourceDown, Log: log}).Run(ctx)
	})
	return w
}

// wait stops the watcher and the dispatcher and waits until they have.
func (w *watching) wait() {
	w.cancel()
	w.wg.Wait()
}

// api is what the API and the pages need of the running alerts.
func (w *watching) api() api.Watch { return api.Watch{Alerts: w.engine, Stream: w.hub} }

// addFunc stores what the watcher found and announces the changes; the waves are refreshed
// apart (refreshWavesOnRequest), so that a Monte Carlo run over the whole store holds up neither
// the alerts nor the next poll.
func (w *watching) addFunc(pending *pendingPipeline) watch.AddFunc {
	return func(ctx context.Context, docs []model.Document) (int, error) {
		p, _, _ := pending.ready()
		results, err := p.Add(ctx, docs)
		stored, incidents := 0, []string{}
		for _, r := range results {
			if r.Outcome != pipeline.Duplicate {
				stored++
			}
			incidents = append(incidents, r.Incidents...)
		}
		if len(incidents) > 0 {
			if err := w.engine.IncidentsChanged(context.WithoutCancel(ctx), incidents); err != nil {
				w.log.Error("alerts: incidents not compared", "err", err)
			}
			w.requestWaves()
		}
		return stored, err
	}
}

// requestWaves asks refreshWavesOnRequest for a run; requests made while one is pending make one
// run, so that a burst of ingests costs one refresh, not one each.
func (w *watching) requestWaves() {
	select {
	case w.waves <- struct{}{}:
	default: // a refresh is asked for already
	}
}

// sweepInterval is how often serve looks for incidents that another process (`wallwatch ingest`
// on the same store) changed, and sweepBatch how many it compares at once: more than a writer
// updates in one second (the mark is a second), so that a batch always moves the mark on.
const (
	sweepInterval = 5 * time.Second
	sweepBatch    = 10_000
)

// sweepOtherWriters announces the changes other processes make to the store: every
// sweepInterval it compares the incidents updated since the last look. Incidents this server
// changed come again and compare equal to what alerts saw, so nothing is announced twice.
func (w *watching) sweepOtherWriters(ctx context.Context, since string) {
	tick := time.NewTicker(sweepInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		for {
			ids, next, err := w.store.IncidentsUpdatedSince(ctx, since, sweepBatch)
			if err != nil {
				if ctx.Err() == nil {
					w.log.Warn("alerts: looking for changes by other writers", "err", err)
				}
				break
			}
			if len(ids) > 0 {
				if err := w.engine.IncidentsChanged(ctx, ids); err != nil && ctx.Err() == nil {
					w.log.Error("alerts: incidents not compared", "err", err)
				}
			}
			if len(ids) < sweepBatch || next == since {
				since = next
				break
			}
			since = next
		}
	}
}

// refreshWavesOnRequest reruns wave detection whenever the watcher or the API stored incidents
// (requests made during a run make one more run) and announces the new waves.
func (w *watching) refreshWavesOnRequest(ctx context.Context, ref reference.Data) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.waves:
		}
		before := w.waveIDs(ctx)
		refreshWaves(ctx, w.store, ref, w.log)
		w.announceWaves(ctx, before)
	}
}

// withAlerts announces the changes an API ingest made and asks for a wave refresh, which runs
// apart as the watcher's do: a burst of requests costs one refresh over the whole store, and no
// request waits for it (the waves follow within a refresh's time).
func (w *watching) withAlerts(next api.IngestFunc) api.IngestFunc {
	return func(ctx context.Context, req api.IngestRequest) ([]string, []string, error) {
		docIDs, incidentIDs, err := next(ctx, req)
		if err == nil && len(incidentIDs) > 0 {
			if err := w.engine.IncidentsChanged(context.WithoutCancel(ctx), incidentIDs); err != nil {
				w.log.Error("alerts: incidents not compared", "err", err)
			}
			w.requestWaves()
		}
		return docIDs, incidentIDs, err
	}
}

// announceWaves tells the alerts which stored waves were not among before.
func (w *watching) announceWaves(ctx context.Context, before []string) {
	var fresh []string
	for _, id := range w.waveIDs(ctx) {
		if !slices.Contains(before, id) {
			fresh = append(fresh, id)
		}
	}
	if len(fresh) > 0 && before != nil {
		if err := w.engine.WavesDetected(ctx, fresh); err != nil {
			w.log.Error("alerts: waves not announced", "err", err)
		}
	}
}

// waveIDs lists the stored waves; nil when they cannot be read (then none is announced as new).
func (w *watching) waveIDs(ctx context.Context) []string {
	a, err := w.store.WaveAnalysis(ctx)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		w.log.Warn("alerts: read waves", "err", err)
		return nil
	}
	ids := []string{}
	for _, wave := range a.Waves {
		ids = append(ids, wave.ID)
	}
	return ids
}

func (w *watching) sourceDown(ctx context.Context, src store.WatchSource) {
	if err := w.engine.SourceDown(ctx, src); err != nil {
		w.log.Error("alerts: source down not announced", "source", src.URL, "err", err)
	}
}
