package pipeline

import (
	"context"
	"sync"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// prepared is a document with the mentions extraction found in it, encoded as the store keeps
// them: all the writer needs.
type prepared struct {
	doc      model.Document
	mentions []store.EncodedMention
	err      error // the mentions could not be encoded
}

// prepare extracts a document's mentions and encodes them. It runs in the workers, outside any
// transaction.
func (p *Pipeline) prepare(d model.Document) prepared {
	out := prepared{doc: d}
	if p.stages.Extract != nil {
		out.mentions, out.err = store.EncodeMentions(p.stages.Extract(d))
	}
	return out
}

// prepareAll extracts documents in the workers and returns those it extracted, a prefix of docs:
// once ctx ends no other document is handed out, and those handed out are finished.
func (p *Pipeline) prepareAll(ctx context.Context, docs []model.Document) []prepared {
	out := make([]prepared, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(p.workers, len(docs)) {
		wg.Go(func() {
			for i := range next {
				out[i] = p.prepare(docs[i])
			}
		})
	}
	n := 0
	for ; n < len(docs) && ctx.Err() == nil; n++ {
		next <- n
	}
	close(next)
	wg.Wait()
	return out[:n]
}
