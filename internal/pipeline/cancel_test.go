package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

func cancelDocs() []model.Document {
	var docs []model.Document
	for i := range 5 {
		text := fmt.Sprintf("Report %d about a different matter entirely, number %d.", i, i*7919)
		docs = append(docs, model.Document{ID: fmt.Sprintf("d%d", i), Source: fmt.Sprintf("d%d.txt", i),
			ContentHash: fmt.Sprintf("h%d", i), Text: text, Raw: []byte(text), Format: "text"})
	}
	return docs
}

// TestAddStopsWhenCancelled cancels the context while the third of five documents is extracted:
// Add finishes that one, commits the finished prefix and reports the context's error. With one
// worker the prefix is exactly three; with more, the documents other workers had begun too.
func TestAddStopsWhenCancelled(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s := openStore(t)
			var seen atomic.Int32
			extract := func(model.Document) []model.Mention {
				if seen.Add(1) == 3 {
					cancel()
				}
				return nil
			}
			p := pipeline.New(s, pipeline.Stages{Extract: extract}, pipeline.Workers(workers))
			results, err := p.Add(ctx, cancelDocs())
			n, countErr := s.CountDocuments(context.Background())
			switch {
			case countErr != nil || n != len(results):
				t.Errorf("stored %d documents (%v), want the %d finished", n, countErr, len(results))
			case workers == 1 && (len(results) != 3 || !errors.Is(err, context.Canceled)):
				t.Errorf("Add: %d results, %v; want 3 and context.Canceled", len(results), err)
			case len(results) < 3 || len(results) < 5 && !errors.Is(err, context.Canceled):
				t.Errorf("Add: %d results, %v; want at least 3, and context.Canceled unless all", len(results), err)
			}
		})
	}
}
