package web

import (
	"sync"
	"time"
)

// pageCache keeps what pages compute from the whole store (totals, facets, maps), by key, until
// the store changes (its change mark moves). While an ingest runs the mark moves with every batch,
// a few times a second: then an entry younger than maxStale is still served, so that readers of a
// busy store see figures at most that old instead of all recomputing them.
type pageCache[T any] struct {
	now      func() time.Time
	maxStale time.Duration
	mu       sync.Mutex
	entries  map[string]*cacheEntry[T]
}

// cacheEntry is one key's data; its lock makes concurrent readers of a key wait for one
// computation rather than each run their own.
type cacheEntry[T any] struct {
	mu   sync.Mutex
	mark string // "" until computed
	at   time.Time
	data T
}

// maxCacheEntries bounds the keys kept: a page per filter a reader tried.
const maxCacheEntries = 64

// defaultMaxStale is how old cached figures may be while the store keeps changing.
const defaultMaxStale = time.Second

func newPageCache[T any]() *pageCache[T] {
	return &pageCache[T]{now: time.Now, maxStale: defaultMaxStale, entries: map[string]*cacheEntry[T]{}}
}

// get returns the data kept for key when it was computed at the store's current mark, or less
// than maxStale ago; otherwise it computes and keeps it.
func (c *pageCache[T]) get(key, mark string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	e := c.entries[key]
	if e == nil {
		if len(c.entries) >= maxCacheEntries {
			clear(c.entries)
		}
		e = &cacheEntry[T]{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.mark != "" && (e.mark == mark || c.now().Sub(e.at) < c.maxStale) {
		return e.data, nil
	}
	data, err := compute()
	if err != nil {
		e.mark = ""
		return data, err
	}
	e.mark, e.at, e.data = mark, c.now(), data
	return data, nil
}
