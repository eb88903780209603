package pipeline

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/store"
)

// storeFunc stores one prepared document in the writer's transaction; batch holds the
// fingerprints of the documents stored before it in the same transaction.
type storeFunc func(ctx context.Context, tx *store.Tx, d prepared, batch []store.Fingerprint) (Result, error)

// write stores prepared documents, in order, in one transaction and links them. Extraction is
// done before, so the store's write lock is held for the inserts and the linking only. The
// campaigns the batch's incidents cite are added to due, and refreshed if due says so.
func (p *Pipeline) write(ctx context.Context, docs []prepared, storeDoc storeFunc, due *campaignsDue) ([]Result, error) {
	var results []Result
	refreshed := false
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		results = make([]Result, 0, len(docs))
		p.known.mu.Lock()
		defer p.known.mu.Unlock()
		if err := p.known.refresh(ctx, tx); err != nil {
			return err
		}
		var batch []store.Fingerprint // the batch's stored documents, compared after the known ones
		for _, d := range docs {
			r, err := storeDoc(ctx, tx, d, batch)
			if err != nil {
				return fmt.Errorf("store %s: %w", d.doc.Source, err)
			}
			if r.Outcome != Duplicate {
				batch = append(batch, store.Fingerprint{ID: r.Document.ID, Fingerprint: r.Document.Fingerprint,
					DuplicateOf: r.Document.DuplicateOf, Published: r.Document.Published, Length: utf8.RuneCountInString(r.Document.Text)})
			}
			results = append(results, r)
		}
		cited, err := p.linkResults(ctx, tx, docs, results)
		if err != nil {
			return err
		}
		due.add(cited)
		if !due.ready() {
			return nil
		}
		refreshed = true
		return p.refreshCampaigns(ctx, tx, due)
	})
	if err != nil {
		if p.stages.Link != nil {
			p.stages.Link.Forget() // what the batch told the linker's cache was rolled back
		}
		return nil, err
	}
	if refreshed {
		due.clear()
	}
	return results, nil
}

// refreshCampaigns rebuilds the records of the campaigns due.
func (p *Pipeline) refreshCampaigns(ctx context.Context, tx *store.Tx, due *campaignsDue) error {
	if err := p.stages.Link.RefreshCited(ctx, tx, due.list()); err != nil {
		return fmt.Errorf("refresh campaigns: %w", err)
	}
	return nil
}

// linkResults links the mentions of the batch's stored documents into incidents, after
// summarising any incident stored whole, then decides the incidents touched, once each, and keeps
// review standing. It returns the campaigns those incidents cite. results[i] is the fate of docs[i].
func (p *Pipeline) linkResults(ctx context.Context, tx *store.Tx, docs []prepared, results []Result) ([]string, error) {
	if p.stages.Link == nil {
		return nil, nil
	}
	if err := p.stages.Link.Summarise(ctx, tx); err != nil {
		return nil, fmt.Errorf("summarise incidents: %w", err)
	}
	batch, err := p.stages.Link.BeginLinking(ctx, p.store, tx)
	if err != nil {
		return nil, fmt.Errorf("begin linking: %w", err)
	}
	var touched []string
	for i := range results {
		if results[i].Outcome == Duplicate || results[i].Mentions == 0 {
			continue
		}
		ids, err := batch.LinkDocument(ctx, tx, store.RefOf(results[i].Document), docs[i].mentions)
		if err != nil {
			return nil, fmt.Errorf("link %s: %w", results[i].Document.Source, err)
		}
		results[i].Incidents = ids
		touched = append(touched, ids...)
	}
	if err := batch.Finish(ctx, tx); err != nil {
		return nil, fmt.Errorf("decide incidents: %w", err)
	}
	if len(touched) == 0 {
		return nil, nil
	}
	touched, err = p.reviewBatch(ctx, tx, results, touched)
	if err != nil {
		return nil, fmt.Errorf("review corrections: %w", err)
	}
	cited, err := tx.CampaignNames(ctx, touched)
	if err != nil {
		return nil, fmt.Errorf("campaigns cited: %w", err)
	}
	return cited, nil
}
