package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// feedServer is a local site whose feed gains items between polls. It honours If-None-Match,
// counts what it answered and serves each article page and a robots.txt.
type feedServer struct {
	*httptest.Server
	mu          sync.Mutex
	items       []string // item numbers, newest last
	robots      string
	full        atomic.Int32 // 200 answers to the feed
	notModified atomic.Int32 // 304 answers to the feed
	articles    map[string]int
	failFeed    atomic.Bool
	concurrent  atomic.Int32 // requests being answered now
	overlapped  atomic.Bool  // two requests were answered at once
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{articles: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) add(n int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.items = append(fs.items, fmt.Sprint(n))
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	if fs.concurrent.Add(1) > 1 {
		fs.overlapped.Store(true)
	}
	defer fs.concurrent.Add(-1)
	time.Sleep(5 * time.Millisecond) // long enough for overlapping requests to be seen
	fs.mu.Lock()
	defer fs.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt" && fs.robots != "":
		fmt.Fprint(w, fs.robots)
	case r.URL.Path == "/feed.xml":
		fs.feed(w, r)
	case strings.HasPrefix(r.URL.Path, "/articles/"):
		fs.articles[r.URL.Path]++
		n := strings.TrimPrefix(r.URL.Path, "/articles/")
		fmt.Fprintf(w, "<html><head><title>Report %s</title></head><body><article><h1>Report %s</h1><p>Full article %s: guards at an invented district jail counted the inmates again after a wall gave way in the night, and the count came up short by several men.</p></article></body></html>", n, n, n)
	default:
		http.NotFound(w, r)
	}
}

func (fs *feedServer) feed(w http.ResponseWriter, r *http.Request) {
	if fs.failFeed.Load() {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, len(fs.items))
	if r.Header.Get("If-None-Match") == etag {
		fs.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	fs.full.Add(1)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Invented wire</title>`)
	for _, n := range fs.items {
		fmt.Fprintf(w, `<item><title>Item %s</title><link>%s/articles/%s</link><description>Summary %s of an invented report about a jail in a made-up town.</description></item>`, n, fs.URL, n, n)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

// rig is a watcher over a real store and a pipeline that stores documents only.
type rig struct {
	store   *store.Store
	watcher *Watcher
	stop    func()
}

func newRig(t *testing.T, spacing time.Duration) *rig {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := pipeline.New(s, pipeline.Stages{})
	add := func(ctx context.Context, docs []model.Document) (int, error) {
		results, err := p.Add(ctx, docs)
		n := 0
		for _, r := range results {
			if r.Outcome != pipeline.Duplicate {
				n++
			}
		}
		return n, err
	}
	loader := ingest.NewLoader(ingest.Options{AllowPrivate: true}, nil)
	w := New(Config{Store: s, Loader: loader, Add: add, HostSpacing: spacing, Tick: 10 * time.Millisecond})
	return &rig{store: s, watcher: w}
}

func (r *rig) start(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.watcher.Run(ctx) }()
	r.stop = func() { cancel(); <-done }
	t.Cleanup(r.stop)
}

func (r *rig) addSource(t *testing.T, url string, interval time.Duration, follow bool) int64 {
	t.Helper()
	id, err := r.store.AddWatchSource(context.Background(), store.WatchSource{URL: url, Interval: interval, FollowLinks: follow, CreatedAt: time.Now(), NextPoll: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second) // a loaded machine is slow; this bounds a hang, it times nothing
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (r *rig) source(t *testing.T, id int64) store.WatchSource {
	t.Helper()
	src, err := r.store.WatchSource(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestFeedItemsChangingBetweenPolls(t *testing.T) {
	fs := newFeedServer(t)
	fs.add(1)
	fs.add(2)
	r := newRig(t, time.Millisecond)
	id := r.addSource(t, fs.URL+"/feed.xml", 50*time.Millisecond, false)
	r.start(t)
	waitFor(t, "two 304 answers", func() bool { return fs.notModified.Load() >= 2 })
	fs.add(3)
	waitFor(t, "the third item", func() bool { return r.source(t, id).NewDocuments == 3 })
	waitFor(t, "two more 304 answers counted", func() bool { return r.source(t, id).NotModified >= 4 })
	r.stop()

	src := r.source(t, id)
	if got, want := int(fs.full.Load()), 2; got != want {
		t.Errorf("full answers: got %d, want %d (the ETag was not sent back)", got, want)
	}
	// Every 304 the watcher read is counted; the server may have answered one more poll that
	// stopping the watcher cut off before it was read.
	if served := int(fs.notModified.Load()); src.NotModified != served && src.NotModified != served-1 {
		t.Errorf("304s counted: got %d, want %d (or one fewer, cut off by the stop)", src.NotModified, served)
	}
	if src.ItemsSeen != 5 || src.NewDocuments != 3 {
		t.Errorf("items seen %d, new documents %d; want 5 and 3", src.ItemsSeen, src.NewDocuments)
	}
	if src.ETag != `"v3"` || src.LastSuccess.IsZero() || src.LastError != "" {
		t.Errorf("health: etag %q, last success %v, last error %q", src.ETag, src.LastSuccess, src.LastError)
	}
	docs, err := r.store.Documents(context.Background(), store.DocumentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("documents: got %d, want 3", len(docs))
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.Source, fs.URL+"/articles/") {
			t.Errorf("document %s: source %q, want the item's article URL", d.ID, d.Source)
		}
	}
}

func TestFollowLinksFetchesEachArticleOnce(t *testing.T) {
	fs := newFeedServer(t)
	fs.add(1)
	fs.add(2)
	r := newRig(t, 20*time.Millisecond)
	feedURL := fs.URL + "/feed.xml"
	id := r.addSource(t, feedURL, 30*time.Millisecond, true)
	// A second feed listing the same articles takes nothing the first took.
	other := r.addSource(t, feedURL+"?copy=1", 30*time.Millisecond, true)
	r.start(t)
	waitFor(t, "both articles", func() bool { return r.source(t, id).NewDocuments+r.source(t, other).NewDocuments == 2 })
	fs.add(3)
	waitFor(t, "the third article", func() bool {
		return r.source(t, id).NewDocuments+r.source(t, other).NewDocuments == 3
	})
	waitFor(t, "more polls", func() bool { return r.source(t, id).Polls > 6 && r.source(t, other).Polls > 6 })
	r.stop()
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for path, n := range fs.articles {
		if n != 1 {
			t.Errorf("%s fetched %d times, want once", path, n)
		}
	}
	if len(fs.articles) != 3 {
		t.Errorf("articles fetched: %v, want 3", fs.articles)
	}
	if fs.overlapped.Load() {
		t.Error("two requests reached the host at once")
	}
	docs, _ := r.store.Documents(context.Background(), store.DocumentQuery{})
	for _, d := range docs {
		if !strings.Contains(d.Title, "Item") {
			t.Errorf("document %q: the item's headline should replace the page's", d.Title)
		}
	}
}

func TestRobotsDisallowStopsPolls(t *testing.T) {
	fs := newFeedServer(t)
	fs.robots = "User-agent: *\nAllow: /\n\nUser-agent: wallwatch\nDisallow: /feed\n"
	fs.add(1)
	r := newRig(t, time.Millisecond)
	id := r.addSource(t, fs.URL+"/feed.xml", 20*time.Millisecond, false)
	r.start(t)
	waitFor(t, "a failed poll", func() bool { return r.source(t, id).Failures > 0 })
	r.stop()
	src := r.source(t, id)
	if fs.full.Load()+fs.notModified.Load() != 0 {
		t.Errorf("the feed was fetched despite robots.txt")
	}
	if !strings.Contains(src.LastError, "robots.txt") {
		t.Errorf("last error %q, want it to name robots.txt", src.LastError)
	}
}

func TestFailingSourceBacksOff(t *testing.T) {
	fs := newFeedServer(t)
	fs.failFeed.Store(true)
	r := newRig(t, time.Millisecond)
	id := r.addSource(t, fs.URL+"/feed.xml", 40*time.Millisecond, false)
	r.start(t)
	waitFor(t, "three failures", func() bool { return r.source(t, id).Failures >= 3 })
	src := r.source(t, id)
	if gap := src.NextPoll.Sub(src.LastPoll); gap < 4*40*time.Millisecond-time.Millisecond {
		t.Errorf("after %d failures the next poll is %v later, want at least 4 intervals", src.Failures, gap)
	}
	if src.FailingSince.IsZero() || src.LastErrorAt.IsZero() || !strings.Contains(src.LastError, "503") {
		t.Errorf("health: failing since %v, last error %q", src.FailingSince, src.LastError)
	}
	fs.failFeed.Store(false)
	waitFor(t, "recovery", func() bool { return r.source(t, id).Failures == 0 })
	if got := r.source(t, id); !got.FailingSince.IsZero() || got.LastSuccess.IsZero() {
		t.Errorf("after recovery: failing since %v, last success %v", got.FailingSince, got.LastSuccess)
	}
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		interval time.Duration
		failures int
		want     time.Duration
	}{
		{time.Minute, 1, time.Minute},
		{time.Minute, 2, 2 * time.Minute},
		{time.Minute, 4, 8 * time.Minute},
		{time.Minute, 40, maxBackoff},
		{12 * time.Hour, 3, 12 * time.Hour},
	} {
		if got := backoff(tc.interval, tc.failures); got != tc.want {
			t.Errorf("backoff(%v, %d) = %v, want %v", tc.interval, tc.failures, got, tc.want)
		}
	}
}

func TestDown(t *testing.T) {
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		since time.Time
		want  bool
	}{
		{time.Time{}, false},
		{now.Add(-time.Hour), false},
		{now.Add(-DownAfter), true},
	} {
		if got := Down(store.WatchSource{FailingSince: tc.since}, now); got != tc.want {
			t.Errorf("Down(failing since %v) = %v, want %v", tc.since, got, tc.want)
		}
	}
}
