package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// TestIngestStopsWhenCancelled cancels an ingest while the third of five sources is extracted:
// every source is then either stored or reported not attempted, once, in order, and what is
// reported stored is what the store holds.
func TestIngestStopsWhenCancelled(t *testing.T) {
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
	var accounted []string
	stored := 0
	ev := pipeline.Events{
		Result: func(r pipeline.Result) {
			stored++
			accounted = append(accounted, r.Document.Source)
		},
		NotAttempted: func(source string) { accounted = append(accounted, source) },
	}
	docs := cancelDocs()
	err := pipeline.New(s, pipeline.Stages{Extract: extract}, pipeline.Workers(2)).Ingest(ctx, sourcesOf(docs), pipeline.StreamOptions{}, ev)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Ingest: %v, want context.Canceled", err)
	}
	if len(accounted) != len(docs) {
		t.Fatalf("accounted for %v, want each of the %d sources once", accounted, len(docs))
	}
	for i, d := range docs {
		if accounted[i] != d.Source {
			t.Errorf("source %d reported as %s, want %s", i, accounted[i], d.Source)
		}
	}
	if n, err := s.CountDocuments(context.Background()); err != nil || n != stored || n > 2 {
		t.Errorf("stored %d documents (%v), reported %d; want those reported, at most the 2 before the third", n, err, stored)
	}
}

// TestExtractionPanicKeepsTheDocument makes extraction panic on one document of five: the ingest
// goes on, every document is stored, and one failure names the document that could not be read.
func TestExtractionPanicKeepsTheDocument(t *testing.T) {
	s := openStore(t)
	extract := func(d model.Document) []model.Mention {
		if d.Source == "d2.txt" {
			panic("index out of range")
		}
		return nil
	}
	p := pipeline.New(s, pipeline.Stages{Extract: extract}, pipeline.Workers(2))
	var failures []error
	err := p.Ingest(context.Background(), sourcesOf(cancelDocs()), pipeline.StreamOptions{}, pipeline.Events{Failed: func(err error) { failures = append(failures, err) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(failures) != 1 || !strings.Contains(failures[0].Error(), "d2.txt") || !strings.Contains(failures[0].Error(), "index out of range") {
		t.Errorf("failures = %v, want one naming d2.txt and the panic", failures)
	}
	if n, err := s.CountDocuments(context.Background()); err != nil || n != 5 {
		t.Errorf("documents stored = %d (%v), want 5", n, err)
	}
}
