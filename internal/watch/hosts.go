package watch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
)

// errDisallowed is a fetch that the site's robots.txt forbids.
var errDisallowed = errors.New("disallowed by robots.txt")

// robotsTTL is how long a host's robots.txt is trusted before it is fetched again.
const robotsTTL = 24 * time.Hour

// hosts keeps the watcher polite to every host: one request at a time, at least minInterval (or
// the site's Crawl-delay, when longer) between the end of one and the start of the next, and
// nothing its robots.txt disallows.
type hosts struct {
	loader      *ingest.Loader
	agent       string
	minInterval time.Duration

	mu     sync.Mutex
	byHost map[string]*host
}

// host is one site's state. The slot (a channel of one) is held for the duration of a request.
type host struct {
	slot     chan struct{}
	last     time.Time // when the last request ended
	robots   robotsRules
	robotsAt time.Time // when robots was fetched; zero: not yet
}

func newHosts(loader *ingest.Loader, agent string, minInterval time.Duration) *hosts {
	return &hosts{loader: loader, agent: agent, minInterval: minInterval, byHost: map[string]*host{}}
}

func (hs *hosts) get(key string) *host {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h, ok := hs.byHost[key]
	if !ok {
		h = &host{slot: make(chan struct{}, 1)}
		hs.byHost[key] = h
	}
	return h
}

// do runs fetch for u once the host is free, its interval has passed and its robots.txt allows u.
func (hs *hosts) do(ctx context.Context, rawURL string, fetch func(context.Context) error) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	h := hs.get(u.Scheme + "://" + u.Host)
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	defer func() { <-h.slot }()
	if time.Since(h.robotsAt) > robotsTTL {
		if err := hs.wait(ctx, h); err != nil {
			return err
		}
		err := hs.loadRobots(ctx, h, u)
		h.last = time.Now()
		if err != nil {
			return err
		}
	}
	if !h.robots.allows(u.RequestURI()) {
		return fmt.Errorf("fetch %s: %w", rawURL, errDisallowed)
	}
	if err := hs.wait(ctx, h); err != nil {
		return err
	}
	defer func() { h.last = time.Now() }()
	return fetch(ctx)
}

// wait sleeps until the host's interval since its last request has passed.
func (hs *hosts) wait(ctx context.Context, h *host) error {
	d := time.Until(h.last.Add(max(hs.minInterval, h.robots.crawlDelay)))
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// loadRobots fetches the host's robots.txt. As RFC 9309 says, a 4xx answer (none there) allows
// everything; a server error or an unreachable host fails the fetch, to be tried again later.
func (hs *hosts) loadRobots(ctx context.Context, h *host, u *url.URL) error {
	robotsURL := u.Scheme + "://" + u.Host + "/robots.txt"
	f, err := hs.loader.FetchConditional(ctx, robotsURL, ingest.Validators{})
	var status *ingest.StatusError
	switch {
	case errors.As(err, &status) && status.Code >= 400 && status.Code < 500:
		h.robots = robotsRules{}
	case err != nil:
		return fmt.Errorf("robots.txt: %w", err)
	default:
		h.robots = parseRobots(f.Body, hs.agent)
	}
	h.robotsAt = time.Now()
	return nil
}
