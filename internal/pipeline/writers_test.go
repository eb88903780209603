package pipeline_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestSecondWriterIsNotRefused holds an ingest in the middle of its extraction until a second
// writer, with its own connection to the same SQLite file as an API server in another process
// has, stores a document: extraction holds no write transaction, so the second writer is not
// kept waiting past the busy timeout.
func TestSecondWriterIsNotRefused(t *testing.T) {
	ctx := context.Background()
	first := openStore(t)
	second, err := store.Open(ctx, first.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	var once sync.Once
	var secondErr error
	extract := func(d model.Document) []model.Mention {
		if d.ID == "d30" { // batches of ten before it are stored
			once.Do(func() {
				_, secondErr = pipeline.New(second, pipeline.Stages{}).Add(ctx, []model.Document{
					{ID: "api", Source: "api", ContentHash: "api", Text: "posted meanwhile", Raw: []byte("posted meanwhile")}})
			})
		}
		return nil
	}
	var docs []model.Document
	for i := range 60 {
		text := fmt.Sprintf("Report %d about matter %d.", i, i*7919)
		docs = append(docs, model.Document{ID: fmt.Sprintf("d%d", i), Source: fmt.Sprintf("d%d", i), ContentHash: fmt.Sprintf("h%d", i), Text: text, Raw: []byte(text)})
	}
	p := pipeline.New(first, pipeline.Stages{Extract: extract}, pipeline.Workers(2))
	if err := p.Ingest(ctx, sourcesOf(docs), pipeline.StreamOptions{Batch: 10}, pipeline.Events{}); err != nil {
		t.Fatal(err)
	}
	if secondErr != nil {
		t.Errorf("second writer during the ingest: %v", secondErr)
	}
	if n, err := first.CountDocuments(ctx); err != nil || n != len(docs)+1 {
		t.Errorf("%d documents stored (%v), want %d", n, err, len(docs)+1)
	}
}
