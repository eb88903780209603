// Package pipeline is the one place that chains wallwatch's stages — deduplicate, extract, link —
// and writes their results to the store. The stages themselves are pure and know nothing of it.
package pipeline

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Outcome says what happened to one document offered to the pipeline.
type Outcome string

// Outcomes of Add.
const (
	Stored        Outcome = "new"            // stored for the first time
	Duplicate     Outcome = "duplicate"      // the same text was stored before: nothing changed
	NearDuplicate Outcome = "near_duplicate" // stored, marked as a copy of an earlier document
)

// Result reports one document's fate.
type Result struct {
	Document    model.Document
	Outcome     Outcome
	DuplicateOf string   // for Duplicate and NearDuplicate: the earlier document's id
	Mentions    int      // incidents the document was found to describe
	Incidents   []string // ids of the incidents it touched
}

// Stages are the pure functions the pipeline chains. Extract may be nil (documents only).
type Stages struct {
	NearDuplicate func(a, b uint64) bool
	Extract       func(model.Document) []model.Mention
	Link          *Linker // nil: mentions stay unlinked
}

// Pipeline stores documents and what the stages derive from them.
type Pipeline struct {
	store  *store.Store
	stages Stages
	now    func() time.Time
	known  knownFingerprints
}

// New builds a pipeline over a store.
func New(s *store.Store, stages Stages) *Pipeline {
	return &Pipeline{store: s, stages: stages, now: time.Now}
}

// Add stores a batch of documents in one transaction: exact duplicates are skipped, near-duplicates
// stored and marked, and new text extracted and linked. When ctx ends, Add stops between documents,
// commits those it finished and returns their results, a prefix of docs, with ctx's error.
func (p *Pipeline) Add(ctx context.Context, docs []model.Document) ([]Result, error) {
	results := make([]Result, 0, len(docs))
	// database/sql rolls back a transaction whose context ends; what is done should be committed.
	txCtx := context.WithoutCancel(ctx)
	err := p.store.InTx(txCtx, func(tx *store.Tx) error {
		p.known.mu.Lock()
		defer p.known.mu.Unlock()
		if err := p.known.refresh(txCtx, tx); err != nil {
			return err
		}
		var batch []store.Fingerprint // the batch's stored documents, compared after the known ones
		for _, d := range docs {
			if ctx.Err() != nil {
				break
			}
			r, err := p.add(txCtx, tx, d, batch)
			if err != nil {
				return err
			}
			if r.Outcome != Duplicate {
				batch = append(batch, store.Fingerprint{ID: r.Document.ID, Fingerprint: r.Document.Fingerprint,
					DuplicateOf: r.Document.DuplicateOf, Published: r.Document.Published, Length: utf8.RuneCountInString(r.Document.Text)})
			}
			results = append(results, r)
		}
		return p.linkResults(txCtx, tx, results)
	})
	if err != nil {
		return nil, err
	}
	if len(results) < len(docs) {
		return results, fmt.Errorf("stopped after %d of %d documents: %w", len(results), len(docs), context.Cause(ctx))
	}
	return results, nil
}

func (p *Pipeline) add(ctx context.Context, tx *store.Tx, d model.Document, batch []store.Fingerprint) (Result, error) {
	existing, err := tx.DocumentIDByHash(ctx, d.ContentHash)
	if err != nil {
		return Result{}, err
	}
	if existing != "" {
		return Result{Document: d, Outcome: Duplicate, DuplicateOf: existing}, nil
	}
	r := Result{Document: d, Outcome: Stored}
	if p.stages.NearDuplicate != nil {
		if original := p.known.nearDuplicateOf(d, batch, p.stages.NearDuplicate); original != "" {
			r.Outcome, r.DuplicateOf = NearDuplicate, original
			r.Document.DuplicateOf = original
		}
	}
	if r.Document.IngestedAt.IsZero() {
		r.Document.IngestedAt = p.now().UTC()
	}
	if err := tx.InsertDocument(ctx, r.Document); err != nil {
		return Result{}, err
	}
	if p.stages.Extract != nil {
		ms := p.stages.Extract(r.Document)
		if err := tx.ReplaceMentions(ctx, r.Document.ID, ms); err != nil {
			return Result{}, err
		}
		r.Mentions = len(ms)
	}
	return r, nil
}

// linkResults links the mentions of the batch's stored documents into incidents, after
// summarising any incident stored whole, and refreshes the campaigns the incidents touched cite.
func (p *Pipeline) linkResults(ctx context.Context, tx *store.Tx, results []Result) error {
	if p.stages.Link == nil {
		return nil
	}
	if err := p.stages.Link.Summarise(ctx, tx); err != nil {
		return fmt.Errorf("summarise incidents: %w", err)
	}
	var touched []string
	for i := range results {
		if results[i].Outcome == Duplicate || results[i].Mentions == 0 {
			continue
		}
		ids, err := p.stages.Link.LinkDocument(ctx, tx, results[i].Document.ID)
		if err != nil {
			return fmt.Errorf("link %s: %w", results[i].Document.Source, err)
		}
		results[i].Incidents = ids
		touched = append(touched, ids...)
	}
	if len(touched) == 0 {
		return nil
	}
	return p.stages.Link.RefreshCampaigns(ctx, tx, touched)
}

// Reprocess re-extracts and re-links every stored document, in ingest order, after a rule or
// reference-data upgrade. The result is the same as ingesting the documents afresh.
func (p *Pipeline) Reprocess(ctx context.Context) (documents, mentions int, err error) {
	ids, err := p.store.DocumentIDs(ctx)
	if err != nil {
		return 0, 0, err
	}
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.ClearDerived(ctx); err != nil {
			return err
		}
		var results []Result
		for _, id := range ids {
			d, err := tx.Document(ctx, id)
			if err != nil {
				return err
			}
			r := Result{Document: d, Outcome: Stored}
			if p.stages.Extract != nil {
				ms := p.stages.Extract(d)
				if err := tx.ReplaceMentions(ctx, id, ms); err != nil {
					return err
				}
				r.Mentions = len(ms)
				mentions += len(ms)
			}
			results = append(results, r)
		}
		documents = len(ids)
		return p.linkResults(ctx, tx, results)
	})
	return documents, mentions, err
}
