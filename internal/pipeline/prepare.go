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

// prepareAll extracts documents in the workers and returns the longest prefix of docs that was
// extracted: once ctx ends no worker starts another document.
func (p *Pipeline) prepareAll(ctx context.Context, docs []model.Document) []prepared {
	out := make([]prepared, len(docs))
	done := make([]bool, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(p.workers, len(docs)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() == nil {
					out[i], done[i] = p.prepare(docs[i]), true
				}
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	n := 0
	for n < len(docs) && done[n] {
		n++
	}
	return out[:n]
}
