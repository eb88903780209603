package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Notice is one change as the live stream carries it, with the names of the rules it matched.
type Notice struct {
	Change     model.Change `json:"type"`
	At         time.Time    `json:"at"`
	Summary    string       `json:"summary"`
	IncidentID string       `json:"incident_id,omitempty"`
	WaveID     string       `json:"wave_id,omitempty"`
	SourceURL  string       `json:"source_url,omitempty"`
	Rules      []string     `json:"rules,omitempty"`
}

func noticeOf(ev model.AlertEvent, rules []string) Notice {
	return Notice{Change: ev.Change, At: ev.At, Summary: ev.Summary, IncidentID: ev.IncidentID, WaveID: ev.WaveID, SourceURL: ev.SourceURL, Rules: rules}
}

// Hub fans changes out to the open server-sent-events streams. A stream that falls behind loses
// notices rather than holding up the pipeline.
type Hub struct {
	store  *store.Store // what a restricted stream may see; nil: it sees no notice
	mu     sync.Mutex
	subs   map[chan Notice]struct{}
	closed chan struct{}
	once   sync.Once
}

// NewHub returns a hub with no streams, whose restricted streams are filtered through s.
func NewHub(s *store.Store) *Hub {
	return &Hub{store: s, subs: map[chan Notice]struct{}{}, closed: make(chan struct{})}
}

// visible is the notice as a stream for ctx's audience may carry it, or false when it may not.
// Notices describe the whole store: a restricted reader gets a change only to what it sees whole
// (an incident, a wave, a source of its own), and never the names of other rules it matched.
func (h *Hub) visible(ctx context.Context, n Notice) (Notice, bool) {
	if !store.AudienceFrom(ctx).Restricted() {
		return n, true
	}
	if h.store == nil {
		return n, false
	}
	n.Rules = nil
	var err error
	ok := true
	switch {
	case n.IncidentID != "":
		ok, err = h.store.IncidentSeenWhole(ctx, n.IncidentID)
	case n.WaveID != "":
		_, err = h.store.Wave(ctx, n.WaveID)
	case n.SourceURL != "":
		var srcs []store.WatchSource
		srcs, err = h.store.WatchSources(ctx)
		ok = slices.ContainsFunc(srcs, func(s store.WatchSource) bool { return s.URL == n.SourceURL })
	}
	return n, ok && err == nil
}

// streamBuffer is how many notices a stream may fall behind by before it loses some.
const streamBuffer = 64

// keepAlive is how often an idle stream sends a comment, so that proxies keep it open.
const keepAlive = 25 * time.Second

func (h *Hub) subscribe() (chan Notice, func()) {
	ch := make(chan Notice, streamBuffer)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

func (h *Hub) publish(n Notice) {
	if h == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- n:
		default:
		}
	}
}

// Close ends every stream, as the server shuts down (whose shutdown waits for open requests).
func (h *Hub) Close() { h.once.Do(func() { close(h.closed) }) }

// ServeHTTP streams notices as server-sent events named "change", each a JSON Notice.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		http.Error(w, "cannot stream", http.StatusInternalServerError)
		return
	}
	ch, unsubscribe := h.subscribe()
	defer unsubscribe()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 3000\n: stream open\n\n")
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case n := <-ch:
			n, ok := h.visible(r.Context(), n)
			if !ok {
				continue
			}
			data, _ := json.Marshal(n)
			fmt.Fprintf(w, "event: change\ndata: %s\n\n", data)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-h.closed:
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}
