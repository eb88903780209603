package pipeline

import (
	"maps"
	"slices"
)

// campaignBatches is how many batches of a stream may pass before the campaigns their incidents
// cite are refreshed; the stream's end refreshes the rest. A campaign reported for years is cited
// by thousands of incidents and nearly every batch touches one of them: rebuilding its record
// at every batch grew the writer's cost per document with the store. Linking never reads the
// records, so the store after the stream is the same; pages lag by these batches at most.
const campaignBatches = 16

// campaignsDue gathers the campaigns cited by the incidents that batches touched until they are
// refreshed.
type campaignsDue struct {
	every   int // batches between refreshes; 1: every batch
	batches int
	names   map[string]bool
}

// add records the names one batch's incidents cite.
func (d *campaignsDue) add(names []string) {
	if d.names == nil {
		d.names = map[string]bool{}
	}
	for _, n := range names {
		d.names[n] = true
	}
	d.batches++
}

// ready reports whether the campaigns due should be refreshed with the batch in hand.
func (d *campaignsDue) ready() bool { return len(d.names) > 0 && d.batches >= d.every }

// list returns the names due, sorted.
func (d *campaignsDue) list() []string { return slices.Sorted(maps.Keys(d.names)) }

// clear forgets the names once their refresh is committed.
func (d *campaignsDue) clear() {
	clear(d.names)
	d.batches = 0
}
