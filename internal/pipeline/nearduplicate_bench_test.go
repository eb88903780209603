package pipeline_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// randomDocument is a document with a random fingerprint and publication date, ingested now.
func randomDocument(rng *rand.Rand, id string) model.Document {
	pub := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(9000))
	text := "Report " + id
	return model.Document{ID: id, Source: id + ".txt", ContentHash: "hash-" + id, Fingerprint: rng.Uint64(),
		Published: &pub, Text: text, Raw: []byte(text), Format: "text"}
}

// BenchmarkNearDuplicateCheck adds batches of 200 new documents (deduplication and storing only)
// to a store that already holds 100,000: the cost per document of finding near-duplicates as the
// store grows, ns/doc.
func BenchmarkNearDuplicateCheck(b *testing.B) {
	const stored, batch = 100_000, 200
	ctx := context.Background()
	s := openStore(b)
	rng := rand.New(rand.NewPCG(3, 4))
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i := range stored {
			d := randomDocument(rng, fmt.Sprintf("old%07d", i))
			d.IngestedAt = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(s, pipeline.Stages{NearDuplicate: ingest.NearDuplicateDistance})
	next := 0
	newBatch := func() []model.Document {
		docs := make([]model.Document, batch)
		for i := range docs {
			docs[i] = randomDocument(rng, fmt.Sprintf("new%07d", next))
			next++
		}
		return docs
	}
	if _, err := p.Add(ctx, newBatch()); err != nil { // a first batch, as an ingest run starts with
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		docs := newBatch()
		b.StartTimer()
		if _, err := p.Add(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*batch), "ns/doc")
}
