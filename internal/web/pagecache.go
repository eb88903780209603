package web

import (
	"sync"
)

// pageCache keeps what pages compute from the whole store (totals, facets, maps), by key. Once a
// key has been computed, readers never wait for it again: when the store has changed since (its
// change mark moved), they get what is kept while one computation in the background replaces it.
// While an ingest commits a batch every fraction of a second, pages then show figures as old as
// one computation (a fraction of a second at 100,000 documents) instead of every reader
// recomputing them.
type pageCache[T any] struct {
	mu        sync.Mutex
	entries   map[string]*cacheEntry[T]
	refreshes sync.WaitGroup // background computations under way
}

// cacheEntry is one key's data. Its lock is held across the first computation, so that concurrent
// readers of a new key wait for one computation rather than each run their own.
type cacheEntry[T any] struct {
	mu         sync.Mutex
	mark       string // the change mark the data was computed at; "" until computed
	data       T
	refreshing bool
}

// maxCacheEntries bounds the keys kept: a page per filter a reader tried.
const maxCacheEntries = 64

func newPageCache[T any]() *pageCache[T] {
	return &pageCache[T]{entries: map[string]*cacheEntry[T]{}}
}

// get returns the data kept for key, computing it first when there is none. When the store's
// mark has moved since it was computed, it returns it all the same and computes it again in the
// background, unless that is under way; compute must then not depend on the reader's request
// being still open. current reports whether the data returned was computed at mark.
func (c *pageCache[T]) get(key, mark string, compute func() (T, error)) (data T, current bool, err error) {
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
	switch {
	case e.mark == "":
		data, err := compute()
		if err == nil {
			e.mark, e.data = mark, data
		}
		return data, err == nil, err
	case e.mark != mark && !e.refreshing:
		e.refreshing = true
		c.refreshes.Go(func() {
			data, err := compute()
			e.mu.Lock()
			defer e.mu.Unlock()
			e.refreshing = false
			if err == nil {
				e.mark, e.data = mark, data
			}
		})
	}
	return e.data, e.mark == mark, nil
}
