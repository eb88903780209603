package pipeline

import (
	"context"

	"github.com/wallwatch/wallwatch/internal/store"
)

// Neighbourhood returns a document's stored mentions and the set the linker clusters them in,
// so that benchmarks can report how many candidates a link weighed.
func (l *Linker) Neighbourhood(ctx context.Context, tx *store.Tx, docID string) (own, hood []store.StoredMention, err error) {
	if own, err = tx.DocumentMentions(ctx, docID); err != nil {
		return nil, nil, err
	}
	hood, err = l.neighbourhood(ctx, tx, own)
	return own, hood, err
}
