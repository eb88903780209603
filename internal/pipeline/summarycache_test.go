package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestSummaryCacheJoined checks that a mention joining a cached incident counts in its members,
// kept in code order as the store reads them, and that an incident not cached stays out.
func TestSummaryCacheJoined(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members []store.Member
		id      string
		code    string
		want    string
	}{
		{"a code the incident has", []store.Member{{Code: "b", Count: 1}, {Code: "d", Count: 2}}, "inc", "d", "[{b 1} {d 3}]"},
		{"a new code in between", []store.Member{{Code: "b", Count: 1}, {Code: "d", Count: 2}}, "inc", "c", "[{b 1} {c 1} {d 2}]"},
		{"a new code first", []store.Member{{Code: "b", Count: 1}}, "inc", "a", "[{a 1} {b 1}]"},
		{"a new code last", []store.Member{{Code: "b", Count: 1}}, "inc", "z", "[{b 1} {z 1}]"},
		{"the first member of an incident started", nil, "inc", "a", "[{a 1}]"},
		{"an incident not cached", []store.Member{{Code: "b", Count: 1}}, "other", "a", "[{b 1}]"},
	} {
		c := newSummaryCache()
		c.created("inc", "key")
		c.byID["inc"].Members = tc.members
		c.byID["inc"].decoded = &link.Decoded{} // as placing against it had left it
		c.joined(tc.id, tc.code)
		if got := fmt.Sprint(c.byID["inc"].Members); got != tc.want {
			t.Errorf("%s: members %s, want %s", tc.name, got, tc.want)
		}
		if decoded := c.byID["inc"].decoded != nil; decoded != (tc.id != "inc") {
			t.Errorf("%s: kept decoded %v, want it kept only when no member joined", tc.name, decoded)
		}
		if _, ok := c.byID["other"]; ok {
			t.Errorf("%s: an incident not cached was added", tc.name)
		}
	}
}

// TestSummaryCacheDecodes checks that a cached summary is decoded once for every placing, and
// again once a member joined it.
func TestSummaryCacheDecodes(t *testing.T) {
	c := newSummaryCache()
	code := func(place string) string {
		return link.ProfileCode(model.Mention{Type: model.FacilityAttack, Place: model.Place{Country: "XA", Name: place}}, nil)
	}
	read := c.put([]store.Candidate{{ID: "inc", First: "key", Members: []store.Member{{Code: code("Kolondo"), Count: 1}}}})
	first, err := c.decode(read[0])
	if err != nil {
		t.Fatal(err)
	}
	if again, err := c.decode(read[0]); err != nil || again != first {
		t.Errorf("decoded again (%v) without a change", err)
	}
	c.joined("inc", code("Tarvo"))
	if again, err := c.decode(read[0]); err != nil || again == first {
		t.Errorf("kept decoded (%v) after a member joined", err)
	}
}

// TestSummariesKeptBetweenBatches checks when a linker keeps the summaries it read: from one
// batch to the next of the same store, but not past a write of another connection (another
// process), nor past Forget, and never from one store to another.
func TestSummariesKeptBetweenBatches(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	open := func() *store.Store {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	mine, other := open(), open()
	elsewhere, err := store.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer elsewhere.Close()
	l := NewLinker(nil)
	w := store.Window{Country: "NG", From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)}
	// batch links in s: it caches the summaries of the incidents near w, first starting one
	// there when asked, and reports how many summaries it found cached on beginning.
	started := 0
	batch := func(s *store.Store, start bool) int {
		var cached int
		err := s.InTx(ctx, func(tx *store.Tx) error {
			b, err := l.BeginLinking(ctx, s, tx)
			if err != nil {
				return err
			}
			cached = len(b.cache.byID)
			if start {
				started++
				id := fmt.Sprintf("inc-%d", started)
				d := model.Document{ID: "doc-" + id, Source: id + ".txt", ContentHash: "hash-" + id, Text: "report", Raw: []byte("report"), Format: "text"}
				if err := tx.InsertDocument(ctx, d); err != nil {
					return err
				}
				m := model.Mention{DocumentID: d.ID, Place: model.Place{Country: "NG"}}
				if err := tx.ReplaceMentions(ctx, d.ID, []model.Mention{m}); err != nil {
					return err
				}
				if err := tx.CreateIncident(ctx, id, "key", w, time.Now()); err != nil {
					return err
				}
				if err := tx.AddToIncident(ctx, store.Join{Incident: id, Mention: m, Code: "code", Window: w}); err != nil {
					return err
				}
			}
			if _, err := b.candidates(ctx, tx, []store.Window{w}); err != nil {
				return err
			}
			return b.Finish(ctx, tx)
		})
		if err != nil {
			t.Fatal(err)
		}
		return cached
	}
	steps := []struct {
		name string
		do   func() int
		want int
	}{
		{"first batch", func() int { return batch(mine, true) }, 0},
		{"next batch", func() int { return batch(mine, false) }, 1},
		{"a batch in another store", func() int { return batch(elsewhere, false) }, 0},
		{"next batch, the other store's apart", func() int { return batch(mine, true) }, 1},
		{"after another connection wrote", func() int {
			if err := other.InTx(ctx, func(*store.Tx) error { return nil }); err != nil {
				t.Fatal(err)
			}
			return batch(mine, false)
		}, 0},
		{"next batch", func() int { return batch(mine, false) }, 2},
		{"after Forget", func() int { l.Forget(); return batch(mine, false) }, 0},
		{"after a batch that failed", func() int {
			failed := errors.New("failed")
			err := mine.InTx(ctx, func(tx *store.Tx) error {
				b, err := l.BeginLinking(ctx, mine, tx)
				if err != nil {
					return err
				}
				if _, err := b.candidates(ctx, tx, []store.Window{w}); err != nil {
					return err
				}
				if err := b.Finish(ctx, tx); err != nil {
					return err
				}
				return failed
			})
			if !errors.Is(err, failed) {
				t.Fatalf("failed batch: %v", err)
			}
			return batch(mine, false)
		}, 0},
	}
	for _, st := range steps {
		if got := st.do(); got != st.want {
			t.Errorf("%s: %d summaries cached, want %d", st.name, got, st.want)
		}
	}
}
