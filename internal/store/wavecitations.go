package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// ReportName is one question the citation check of wave detection asks of a report: does the
// text of document DocumentID hold Name (a facility's name, lower-cased)?
type ReportName struct {
	Name, DocumentID string
}

// WaveReportNames returns the citation check's stored answers (migration 0025): for each report
// and name an earlier run asked about, whether the text holds the name. A refresh reuses them
// instead of reading the reports again.
func (s *Store) WaveReportNames(ctx context.Context) (map[ReportName]bool, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name, document_id, found FROM wave_report_names`)
	if err != nil {
		return nil, fmt.Errorf("wave report names: %w", err)
	}
	defer rows.Close()
	out := map[ReportName]bool{}
	for rows.Next() {
		var q ReportName
		var found bool
		if err := rows.Scan(&q.Name, &q.DocumentID, &found); err != nil {
			return nil, fmt.Errorf("wave report names: %w", err)
		}
		out[q] = found
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave report names: %w", err)
	}
	return out, nil
}

// ReplaceWaveReportNames keeps the answers the last run's citation check asked for, now, in
// place of those of the run before, old (as WaveReportNames read them): it writes only the
// difference, so a run that asked what the last one asked writes nothing.
func (s *Store) ReplaceWaveReportNames(ctx context.Context, old, now map[ReportName]bool) error {
	gone, added := reportNamesChanged(old, now)
	if len(gone) == 0 && len(added) == 0 {
		return nil
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, q := range gone {
			if _, err := tx.stmt(ctx, tx.stmts.dropReportName).ExecContext(ctx, q.Name, q.DocumentID); err != nil {
				return err
			}
		}
		for _, q := range added {
			if _, err := tx.stmt(ctx, tx.stmts.putReportName).ExecContext(ctx, q.Name, q.DocumentID, now[q]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store wave report names: %w", err)
	}
	return nil
}

// reportNamesChanged lists the answers of old that now drops and those now adds or changes, each
// in key order so that every B-tree page is touched once.
func reportNamesChanged(old, now map[ReportName]bool) (gone, added []ReportName) {
	for q := range old {
		if _, ok := now[q]; !ok {
			gone = append(gone, q)
		}
	}
	for q, found := range now {
		if was, ok := old[q]; !ok || was != found {
			added = append(added, q)
		}
	}
	byKey := func(a, b ReportName) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.DocumentID, b.DocumentID))
	}
	slices.SortFunc(gone, byKey)
	slices.SortFunc(added, byKey)
	return gone, added
}
