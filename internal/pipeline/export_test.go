package pipeline

import (
	"context"
	"errors"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Candidates returns how many incidents, and distinct members of them, the linker weighs a
// document's mentions against, so that benchmarks can report it.
func (l *Linker) Candidates(ctx context.Context, tx *store.Tx, own []store.EncodedMention) (incidents, members int, err error) {
	var windows []store.Window
	for _, m := range own {
		windows = append(windows, windowOf(m.Mention))
	}
	cands, err := l.Begin().candidates(ctx, tx, windows)
	for _, c := range cands {
		members += len(c.Members)
	}
	return len(cands), members, err
}

// ReportsCite is the citation check RefreshWaves gives detection without the answers of earlier
// runs, for tests that compare its result with detection over whole incidents.
func ReportsCite(ctx context.Context, s *store.Store) analyse.Cites {
	r := newReportReader(ctx, s.DocumentText)
	return func(from, to model.Incident) string {
		return citation(from, to, func(report, name string) bool {
			found, _ := r.holds(report, name)
			return found
		})
	}
}

// Prepared is a document extracted by the workers, ready for the writer.
type Prepared = prepared

// PrepareAll extracts documents as the workers do, so that a benchmark can time the writer alone.
func (p *Pipeline) PrepareAll(ctx context.Context, docs []model.Document) []Prepared {
	return p.prepareAll(ctx, docs)
}

// WriteAll stores prepared documents as the stream's writer does: in transactions of batch
// documents, campaigns rebuilt every campaignBatches batches and at the end.
func (p *Pipeline) WriteAll(ctx context.Context, ready []Prepared, batch int) error {
	w := &writer{p: p, storeDoc: p.add, budget: newByteBudget(DefaultBudget), batchSize: batch,
		stop: ctx, ctx: ctx, campaigns: campaignsDue{every: campaignBatches}}
	for _, d := range ready {
		w.take(&unit{docs: []prepared{d}})
	}
	w.flush()
	w.finish()
	return errors.Join(w.errs...)
}
