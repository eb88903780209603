package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
)

// lastModifiedServer serves a body that the test replaces, honouring If-Modified-Since only.
type lastModifiedServer struct {
	*httptest.Server
	mu          sync.Mutex
	body        string
	contentType string
	modified    time.Time
	notModified atomic.Int32
}

func newLastModifiedServer(t *testing.T, contentType string) *lastModifiedServer {
	s := &lastModifiedServer{contentType: contentType}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if since, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !s.modified.After(since) {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", s.modified.UTC().Format(http.TimeFormat))
		w.Header().Set("Content-Type", s.contentType)
		fmt.Fprint(w, s.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *lastModifiedServer) set(body string, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.modified = body, at
}

func TestJSONLinesAndPages(t *testing.T) {
	day := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
	record := func(n int) string {
		return fmt.Sprintf(`{"url":"https://wire.example.org/r/%d","title":"Record %d","text":"Invented record %d: inmates of a made-up jail were moved after a breach in its wall."}`+"\n", n, n, n)
	}
	jsonl := newLastModifiedServer(t, "application/x-ndjson")
	jsonl.set(record(1)+record(2), day)
	page := newLastModifiedServer(t, "text/html")
	page.set("<html><body><article><p>An invented bulletin: the district jail is calm and every inmate was counted at dawn.</p></article></body></html>", day)

	r := newRig(t, time.Millisecond)
	feedID := r.addSource(t, jsonl.URL+"/records.jsonl", 30*time.Millisecond, false)
	pageID := r.addSource(t, page.URL+"/bulletin", 30*time.Millisecond, false)
	r.start(t)
	waitFor(t, "304s from both", func() bool { return jsonl.notModified.Load() >= 2 && page.notModified.Load() >= 2 })
	jsonl.set(record(1)+record(2)+record(3), day.Add(time.Hour))
	page.set("<html><body><article><p>An invented bulletin, updated: two inmates are missing from the district jail after the dawn count.</p></article></body></html>", day.Add(time.Hour))
	waitFor(t, "the new record and the changed page", func() bool {
		return r.source(t, feedID).NewDocuments == 3 && r.source(t, pageID).NewDocuments == 2
	})
	r.stop()
	if src := r.source(t, feedID); src.LastModified == "" || src.ETag != "" {
		t.Errorf("validators: etag %q, last modified %q", src.ETag, src.LastModified)
	}
}

func TestSourceDownAnnouncedOnce(t *testing.T) {
	fs := newFeedServer(t)
	fs.failFeed.Store(true)
	r := newRig(t, time.Millisecond)
	id := r.addSource(t, fs.URL+"/feed.xml", 10*time.Millisecond, false)
	// The source has been failing for a day already.
	ctx := context.Background()
	if err := r.store.RecordPoll(ctx, id, store.PollOutcome{At: time.Now().Add(-DownAfter - time.Hour), NextPoll: time.Now(), Err: errors.New("HTTP 503")}); err != nil {
		t.Fatal(err)
	}
	var announced atomic.Int32
	r.watcher.cfg.SourceDown = func(_ context.Context, src store.WatchSource) {
		if src.ID == id {
			announced.Add(1)
		}
	}
	r.start(t)
	waitFor(t, "more failures", func() bool { return r.source(t, id).Failures >= 4 })
	r.stop()
	if n := announced.Load(); n != 1 {
		t.Errorf("announced %d times, want once", n)
	}
	if got := Status(r.source(t, id), time.Now()); got != "down" {
		t.Errorf("status %q, want down", got)
	}
}
