package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// prepared is a document with the mentions extraction found in it, encoded as the store keeps
// them: all the writer needs.
type prepared struct {
	doc      model.Document
	mentions []store.EncodedMention
	err      error // extraction failed: the document is kept without mentions, for reprocess
}

// prepare extracts a document's mentions and encodes them as the store keeps them. It runs in
// the workers, outside any transaction. A panic in extraction (a bug that one odd text reveals)
// costs that document its mentions, not the ingest: the document is still stored and the error
// names it.
func (p *Pipeline) prepare(d model.Document) (out prepared) {
	out = prepared{doc: d}
	if p.stages.Extract == nil {
		return out
	}
	defer func() {
		if r := recover(); r != nil {
			out.mentions = nil
			out.err = fmt.Errorf("extract %s: internal error, stored without incidents (run reprocess after an upgrade): %v", d.Source, r)
		}
	}()
	mentions, err := store.EncodeMentions(p.stages.Extract(d))
	if err != nil {
		return prepared{doc: d, err: fmt.Errorf("extract %s: %w", d.Source, err)}
	}
	out.mentions = mentions
	return out
}

// prepareAll extracts documents in the workers and returns those it extracted, a prefix of docs:
// once ctx ends no other document is handed out, and those handed out are finished. A worker asks
// for each document when it is free, and ctx is checked then: a document is never handed to a
// worker that asked before ctx ended but is answered after.
func (p *Pipeline) prepareAll(ctx context.Context, docs []model.Document) []prepared {
	out := make([]prepared, len(docs))
	free, next, finished := make(chan struct{}), make(chan int), make(chan struct{})
	var wg sync.WaitGroup
	for range min(p.workers, len(docs)) {
		wg.Go(func() {
			for {
				select {
				case free <- struct{}{}:
				case <-finished:
					return
				}
				i, ok := <-next
				if !ok {
					return
				}
				out[i] = p.prepare(docs[i])
				if out[i].err != nil {
					slog.Error("extraction failed", "document", docs[i].Source, "err", out[i].err)
				}
			}
		})
	}
	n := 0
	for n < len(docs) {
		<-free
		if ctx.Err() != nil {
			break
		}
		next <- n
		n++
	}
	close(finished)
	close(next)
	wg.Wait()
	return out[:n]
}
