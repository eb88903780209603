package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

// TestAddStopsWhenCancelled cancels the context while the third of five documents is extracted:
// Add finishes that one, commits the three and reports the context's error.
func TestAddStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openStore(t)
	seen := 0
	extract := func(model.Document) []model.Mention {
		if seen++; seen == 3 {
			cancel()
		}
		return nil
	}
	var docs []model.Document
	for i := range 5 {
		text := fmt.Sprintf("Report %d about a different matter entirely, number %d.", i, i*7919)
		docs = append(docs, model.Document{ID: fmt.Sprintf("d%d", i), Source: fmt.Sprintf("d%d.txt", i),
			ContentHash: fmt.Sprintf("h%d", i), Text: text, Raw: []byte(text), Format: "text"})
	}
	results, err := pipeline.New(s, pipeline.Stages{Extract: extract}).Add(ctx, docs)
	if !errors.Is(err, context.Canceled) || len(results) != 3 {
		t.Fatalf("Add: %d results, %v; want 3 and context.Canceled", len(results), err)
	}
	n, err := s.CountDocuments(context.Background())
	if err != nil || n != 3 {
		t.Errorf("stored %d documents (%v), want the 3 finished", n, err)
	}
}
