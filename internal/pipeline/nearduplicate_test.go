package pipeline_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// stored is what the reference check knows of a stored document.
type stored struct {
	id, hash, duplicateOf, ingestedAt string
	fp                                uint64
	length                            int
	published                         *time.Time
}

// referenceOutcome is the near-duplicate check as it was before the pipeline kept fingerprints in
// memory: every stored document, ordered by ingest time as stored and id, then the batch's.
func referenceOutcome(known, batch []stored, d model.Document) (pipeline.Outcome, string) {
	for _, k := range append(slices.Clone(known), batch...) {
		if k.hash == d.ContentHash {
			return pipeline.Duplicate, k.id
		}
	}
	slices.SortFunc(known, func(a, b stored) int { return cmp.Or(cmp.Compare(a.ingestedAt, b.ingestedAt), cmp.Compare(a.id, b.id)) })
	n := utf8.RuneCountInString(d.Text)
	for _, k := range append(known, batch...) {
		near := ingest.NearDuplicate(d.Fingerprint, k.fp) && 2*min(n, k.length) >= max(n, k.length)
		if near && (d.Published == nil || k.published == nil || d.Published.Sub(*k.published).Abs() <= 7*24*time.Hour) {
			return pipeline.NearDuplicate, cmp.Or(k.duplicateOf, k.id)
		}
	}
	return pipeline.Stored, ""
}

// nearCopies makes documents in a few families of nearby fingerprints, lengths and dates, so that
// most have several candidates and the order of comparison decides; some carry their own ingest
// times, out of order, and some repeat an earlier text exactly.
func nearCopies(rng *rand.Rand, n int) []model.Document {
	families := make([]uint64, 12)
	for i := range families {
		families[i] = rng.Uint64()
	}
	base := time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]model.Document, n)
	for i := range docs {
		fp := families[rng.IntN(len(families))]
		for range rng.IntN(16) {
			fp ^= 1 << rng.IntN(64)
		}
		text := strings.Repeat("word ", 20+rng.IntN(60))
		d := model.Document{ID: fmt.Sprintf("doc%05d", i), Source: fmt.Sprintf("s%d", i), ContentHash: fmt.Sprintf("h%05d", i),
			Fingerprint: fp, Text: text, Raw: []byte(text), Format: "text"}
		if rng.IntN(8) > 0 {
			pub := base.AddDate(0, 0, rng.IntN(30))
			d.Published = &pub
		}
		if rng.IntN(5) == 0 {
			d.IngestedAt = base.Add(time.Duration(rng.IntN(1000)) * time.Millisecond) // long ago, out of order, some tied
		}
		if i > 0 && rng.IntN(20) == 0 {
			d.ContentHash = docs[rng.IntN(i)].ContentHash
		}
		docs[i] = d
	}
	return docs
}

func TestNearDuplicatesAsBefore(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := pipeline.New(s, pipeline.Stages{NearDuplicate: ingest.NearDuplicateDistance})
	rng := rand.New(rand.NewPCG(5, 6))
	docs := nearCopies(rng, 1500)
	var known []stored
	record := func(d model.Document) {
		known = append(known, stored{id: d.ID, hash: d.ContentHash, duplicateOf: d.DuplicateOf, fp: d.Fingerprint,
			length: utf8.RuneCountInString(d.Text), published: d.Published, ingestedAt: store.IngestedText(d.IngestedAt)})
	}
	counts := map[pipeline.Outcome]int{}
	for start := 0; start < len(docs); start += 50 {
		batch := docs[start:min(start+50, len(docs))]
		if start%500 == 250 { // another process stores one of them first, unseen by this pipeline
			other := batch[0]
			other.IngestedAt = time.Now()
			if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.InsertDocument(ctx, other) }); err != nil {
				t.Fatal(err)
			}
			record(other)
			batch = batch[1:]
		}
		results, err := p.Add(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		var added []stored
		for i, r := range results {
			wantOutcome, wantOf := referenceOutcome(known, added, batch[i])
			if r.Outcome != wantOutcome || r.DuplicateOf != wantOf {
				t.Errorf("%s: %s of %q, want %s of %q", batch[i].ID, r.Outcome, r.DuplicateOf, wantOutcome, wantOf)
			}
			counts[r.Outcome]++
			if r.Outcome != pipeline.Duplicate {
				n := len(known)
				record(r.Document)
				added, known = append(added, known[n]), known[:n]
			}
		}
		known = append(known, added...)
	}
	if counts[pipeline.NearDuplicate] < 100 || counts[pipeline.Stored] < 100 || counts[pipeline.Duplicate] == 0 {
		t.Errorf("outcomes %v: the test should see many of each", counts)
	}
}
