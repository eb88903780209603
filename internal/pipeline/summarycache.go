package pipeline

import (
	"slices"
	"strings"
	"sync"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/store"
)

// summaryCache keeps, from one linking batch to the next, the summaries (first key and members)
// of the incidents linking read or changed, so that placing a mention reads from the store which
// incidents lie near it and only the summaries it lacks. In a store whose incidents crowd the
// windows as it grows, reading every near incident's members again was the part of linking that
// grew most (0.2 ms a document at 10,000 documents, 0.9 ms at 100,000).
//
// It holds only while this process's batches are the only writes to the store: a batch begins by
// comparing the store's count of write transactions with the count its previous batch's commit
// left, and empties the cache when anything came between (another process, a review, a failed
// batch), or when a batch did more than add mentions (forget).
//
// It keeps the incidents' windows too (store.WindowIndex), under the same rule: a batch's
// transaction keeps them in step with what it writes (store.Tx.KeepWindows).
type summaryCache struct {
	mu      sync.Mutex
	changes int64 // the count of write transactions the cache holds at; -1: none
	byID    map[string]*cachedSummary
	windows *store.WindowIndex
}

// cachedSummary is a summary as the store reads it, and decoded as placing compares mentions
// with it: decoded when first placed against, again after a member joined.
type cachedSummary struct {
	store.Candidate
	decoded *link.Decoded // nil until needed
}

// maxCachedSummaries bounds the cache: past it, it starts again empty.
const maxCachedSummaries = 200_000

func newSummaryCache() *summaryCache {
	return &summaryCache{changes: -1, byID: map[string]*cachedSummary{}, windows: store.NewWindowIndex()}
}

// begin makes the cache hold at the count of write transactions a new batch sees: emptied unless
// that is the count it was left at.
func (c *summaryCache) begin(changes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if changes != c.changes {
		c.windows.Reset()
	}
	if changes != c.changes || len(c.byID) > maxCachedSummaries {
		clear(c.byID)
	}
	c.changes = -1 // until the batch ends well (keep)
}

// keep records that the batch linked nothing but what it told the cache; its commit will leave
// the count at changes.
func (c *summaryCache) keep(changes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changes = changes
}

// forget empties the cache: the store changed in a way it did not follow.
func (c *summaryCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.byID)
	c.windows.Reset()
	c.changes = -1
}

// get returns the cached summaries of the candidates (store.Tx.Candidates), in their order, and
// the candidates it lacks.
func (c *summaryCache) get(near []*store.Candidate) (found []*cachedSummary, missing []*store.Candidate) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, cand := range near {
		if s, ok := c.byID[cand.ID]; ok {
			found = append(found, s)
		} else {
			missing = append(missing, cand)
		}
	}
	return found, missing
}

// put caches summaries read from the store and returns them as cached, in their order.
func (c *summaryCache) put(read []store.Candidate) []*cachedSummary {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]*cachedSummary, len(read))
	for i := range read {
		out[i] = &cachedSummary{Candidate: read[i]}
		c.byID[read[i].ID] = out[i]
	}
	return out
}

// decode returns a cached summary decoded (link.Decode), decoding it when it is not.
func (c *summaryCache) decode(s *cachedSummary) (*link.Decoded, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.decoded == nil {
		members := make([]link.Member, len(s.Members))
		for i, m := range s.Members {
			members[i] = link.Member(m)
		}
		d, err := link.Decode(link.Candidate{ID: s.ID, First: s.First, Members: members})
		if err != nil {
			return nil, err
		}
		s.decoded = d
	}
	return s.decoded, nil
}

// created caches an incident the batch started, before its first mention joins.
func (c *summaryCache) created(id, first string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byID[id] = &cachedSummary{Candidate: store.Candidate{ID: id, First: first}}
}

// joined counts a mention of the given profile code in a cached incident's members, kept in code
// order as the store reads them, to be decoded again; an incident not cached is read when next
// near a mention.
func (c *summaryCache) joined(id, code string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.byID[id]
	if !ok {
		return
	}
	s.decoded = nil
	i, found := slices.BinarySearchFunc(s.Members, code, func(m store.Member, code string) int { return strings.Compare(m.Code, code) })
	if found {
		s.Members[i].Count++
		return
	}
	s.Members = slices.Insert(s.Members, i, store.Member{Code: code, Count: 1})
}
