package pipeline

import (
	"context"

	"github.com/wallwatch/wallwatch/internal/store"
)

// Candidates returns how many incidents, and distinct members of them, the linker weighs a
// document's mentions against, so that benchmarks can report it.
func (l *Linker) Candidates(ctx context.Context, tx *store.Tx, docID string) (incidents, members int, err error) {
	own, err := tx.DocumentMentions(ctx, docID)
	if err != nil {
		return 0, 0, err
	}
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

// ReportsCite is the citation check RefreshWaves gives detection, for tests that compare its
// result with detection over whole incidents.
var ReportsCite = reportsCite
