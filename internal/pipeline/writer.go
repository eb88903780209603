package pipeline

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// writer is the one goroutine that stores what the workers prepared, in input order, in short
// transactions.
type writer struct {
	p         *Pipeline
	ev        Events
	storeDoc  storeFunc
	budget    *byteBudget
	batchSize int
	stop      context.Context // once it ends, no batch is begun
	ctx       context.Context // not cancelled: a batch begun is committed
	batch     []prepared
	held      []*unit // units whose documents are in the batch, released after it
	errs      []error // batches the store refused
	campaigns campaignsDue
}

// take reports a unit's problems and adds its documents to the batch, storing every full batch.
// A source of many documents (a feed, JSON Lines) interrupted half-way reports the rest not stored.
func (w *writer) take(u *unit) {
	for _, err := range u.errs {
		if w.ev.Failed != nil {
			w.ev.Failed(err)
		}
	}
	w.held = append(w.held, u)
	for i, d := range u.docs {
		// A unit the stream took is begun whatever happens meanwhile: were its first document
		// dropped, a source taken just as the context ended would be neither stored nor reported
		// not attempted. The later documents of a large source stop at once.
		if i > 0 && w.stop.Err() != nil {
			w.notStored(u.docs[i:], fmt.Errorf("interrupted: %w", context.Cause(w.stop)))
			return
		}
		w.batch = append(w.batch, d)
		if len(w.batch) >= w.batchSize {
			w.flush()
		}
	}
}

// flush stores the batch in one transaction and reports each document's fate, then gives back
// the budget its sources held.
func (w *writer) flush() {
	if len(w.batch) > 0 {
		results, err := w.p.write(w.ctx, w.batch, w.storeDoc, &w.campaigns)
		if err != nil {
			w.errs = append(w.errs, fmt.Errorf("storing %d documents: %w", len(w.batch), err))
			w.notStored(w.batch, err)
		}
		for _, r := range results {
			if w.ev.Result != nil {
				w.ev.Result(r)
			}
		}
		w.batch = w.batch[:0]
	}
	for _, u := range w.held {
		if w.ev.Done != nil {
			w.ev.Done(u.src.Name)
		}
		w.budget.release(u.weight)
	}
	w.held = w.held[:0]
}

func (w *writer) notStored(docs []prepared, err error) {
	if w.ev.NotStored == nil {
		return
	}
	out := make([]model.Document, len(docs))
	for i, d := range docs {
		out[i] = d.doc
	}
	w.ev.NotStored(out, err)
}

// finish refreshes the campaigns that batches since the last refresh left due.
func (w *writer) finish() {
	if len(w.campaigns.names) == 0 {
		return
	}
	err := w.p.store.InTx(w.ctx, func(tx *store.Tx) error { return w.p.refreshCampaigns(w.ctx, tx, &w.campaigns) })
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	w.campaigns.clear()
}
