package pipeline

import (
	"context"
	"sync"

	"github.com/wallwatch/wallwatch/internal/model"
)

// prepared is a document with the mentions extraction found in it: all the writer needs.
type prepared struct {
	doc      model.Document
	mentions []model.Mention
}

// prepare extracts a document's mentions. It runs in the workers, outside any transaction.
func (p *Pipeline) prepare(d model.Document) prepared {
	out := prepared{doc: d}
	if p.stages.Extract != nil {
		out.mentions = p.stages.Extract(d)
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
