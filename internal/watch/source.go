package watch

import (
	"fmt"
	"net/url"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
)

// MinInterval is the shortest poll interval a source may have.
const MinInterval = time.Second

// DefaultInterval is a source's poll interval when none is given.
const DefaultInterval = 15 * time.Minute

// NewSource checks a source a person asks to watch and returns it ready to store, due at once.
func NewSource(rawURL string, interval time.Duration, followLinks bool, now time.Time) (store.WatchSource, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return store.WatchSource{}, fmt.Errorf("url %q: want an http(s) URL without user:password@", rawURL)
	}
	if interval == 0 {
		interval = DefaultInterval
	}
	if interval < MinInterval {
		return store.WatchSource{}, fmt.Errorf("interval %v: want at least %v", interval, MinInterval)
	}
	return store.WatchSource{URL: u.String(), Interval: interval, FollowLinks: followLinks, CreatedAt: now, NextPoll: now}, nil
}

// Status sums up a source's health in a word: new (never polled), paused, ok, failing, or down
// (failing for DownAfter).
func Status(src store.WatchSource, now time.Time) string {
	switch {
	case src.Paused:
		return "paused"
	case Down(src, now):
		return "down"
	case src.Failures > 0:
		return "failing"
	case src.LastPoll.IsZero():
		return "new"
	}
	return "ok"
}
