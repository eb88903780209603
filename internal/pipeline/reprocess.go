package pipeline

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Reprocess re-extracts and re-links every stored document, in ingest order, after a rule or
// reference-data upgrade, through the same workers and writer as Ingest. The result is the
// same as ingesting the documents afresh. It clears what was derived first and commits in
// batches, so an interrupted or failed run leaves documents without mentions: run it again.
// Review overrides are applied again at the end (ReapplyReviews).
func (p *Pipeline) Reprocess(ctx context.Context, opts StreamOptions, ev Events) (documents, mentions int, err error) {
	ids, err := p.store.DocumentIDs(ctx)
	if err != nil {
		return 0, 0, err
	}
	lengths := map[string]int{}
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		p.known.mu.Lock()
		defer p.known.mu.Unlock()
		if err := p.known.refresh(ctx, tx); err != nil {
			return err
		}
		for _, f := range p.known.docs {
			lengths[f.ID] = f.Length
		}
		return tx.ClearDerived(ctx)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("clear derived data: %w", err)
	}
	sources := make([]Source, len(ids))
	for i, id := range ids {
		// A stored document holds its text and its original bytes, about twice its length.
		sources[i] = Source{Name: id, Size: 2 * int64(lengths[id]), Load: p.loadStored(id)}
	}
	counted := ev
	counted.Result = func(r Result) {
		documents++
		mentions += r.Mentions
		if ev.Result != nil {
			ev.Result(r)
		}
	}
	if err = p.stream(ctx, sources, opts, counted, p.restore); err != nil {
		return documents, mentions, err
	}
	return documents, mentions, p.ReapplyReviews(ctx)
}

// loadStored reads a stored document from the read pool.
func (p *Pipeline) loadStored(id string) func(context.Context, func(model.Document), func(error)) {
	return func(ctx context.Context, emit func(model.Document), fail func(error)) {
		d, err := p.store.Document(ctx, id)
		if err != nil {
			fail(err)
			return
		}
		emit(d)
	}
}
