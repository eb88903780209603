// Package pipeline is the one place that chains wallwatch's stages — deduplicate, extract, link —
// and writes their results to the store. The stages themselves are pure and know nothing of it.
//
// Reading, parsing and extraction run in a pool of workers, outside any transaction; one writer
// takes their output in input order and stores it in short transactions (write.go), so results
// do not depend on the number of workers and other writers wait milliseconds, not a batch.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"time"

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

// Stages are the pure functions the pipeline chains. Extract may be nil (documents only); it
// must be safe for concurrent use, as it runs in several workers at once.
type Stages struct {
	// NearDuplicate is the largest Hamming distance between the fingerprints of two
	// near-duplicates (ingest.NearDuplicateDistance); 0 checks for none. A distance rather than
	// a function: every new document is compared with every stored one, and a loop the compiler
	// sees whole scans 100,000 fingerprints several times faster than one call per fingerprint.
	NearDuplicate int
	Extract       func(model.Document) []model.Mention
	Link          *Linker // nil: mentions stay unlinked
}

// Pipeline stores documents and what the stages derive from them.
type Pipeline struct {
	store   *store.Store
	stages  Stages
	now     func() time.Time
	known   knownFingerprints
	workers int
}

// Option tunes a pipeline.
type Option func(*Pipeline)

// Workers sets how many documents are extracted at once (GOMAXPROCS by default).
func Workers(n int) Option { return func(p *Pipeline) { p.workers = max(n, 1) } }

// New builds a pipeline over a store.
func New(s *store.Store, stages Stages, opts ...Option) *Pipeline {
	p := &Pipeline{store: s, stages: stages, now: time.Now, workers: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Add stores a batch of documents in one transaction: exact duplicates are skipped, near-duplicates
// stored and marked, and new text extracted and linked. Extraction runs in the workers before the
// transaction begins. When ctx ends, Add extracts no more documents, commits those it finished
// and returns their results, a prefix of docs, with ctx's error.
func (p *Pipeline) Add(ctx context.Context, docs []model.Document) ([]Result, error) {
	ready := p.prepareAll(ctx, docs)
	// database/sql rolls back a transaction whose context ends; what is done should be committed.
	results, err := p.write(context.WithoutCancel(ctx), ready, p.add, &campaignsDue{every: 1})
	if err != nil {
		return nil, err
	}
	if len(results) < len(docs) {
		return results, fmt.Errorf("stopped after %d of %d documents: %w", len(results), len(docs), context.Cause(ctx))
	}
	return results, nil
}

// add stores one new document, or finds it a duplicate; batch holds the documents stored before
// it in the same transaction.
func (p *Pipeline) add(ctx context.Context, tx *store.Tx, d prepared, batch []store.Fingerprint) (Result, error) {
	existing, err := tx.DocumentIDByHash(ctx, d.doc.ContentHash)
	if err != nil {
		return Result{}, err
	}
	if existing != "" {
		return Result{Document: d.doc, Outcome: Duplicate, DuplicateOf: existing}, nil
	}
	r := Result{Document: d.doc, Outcome: Stored}
	if p.stages.NearDuplicate > 0 {
		if original := p.known.nearDuplicateOf(d.doc, batch, p.stages.NearDuplicate); original != "" {
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
	return r, p.storeMentions(ctx, tx, d, &r, false)
}

// restore replaces a stored document's mentions with those extracted again.
func (p *Pipeline) restore(ctx context.Context, tx *store.Tx, d prepared, _ []store.Fingerprint) (Result, error) {
	r := Result{Document: d.doc, Outcome: Stored}
	return r, p.storeMentions(ctx, tx, d, &r, true)
}

// storeMentions stores a document's mentions; replace first deletes those it had. With linking
// they are left to it: each is inserted with the incident it joins (Batch.LinkDocument), not
// inserted unlinked and then updated.
func (p *Pipeline) storeMentions(ctx context.Context, tx *store.Tx, d prepared, r *Result, replace bool) error {
	if p.stages.Extract == nil {
		return nil
	}
	unlinked := d.mentions
	if p.stages.Link != nil {
		unlinked = nil
	}
	if err := tx.StoreMentions(ctx, d.doc.ID, unlinked, replace); err != nil {
		return err
	}
	r.Mentions = len(d.mentions)
	return nil
}
