package store

import (
	"context"
	"fmt"
	"slices"
)

// WaveCitations returns the citation check's stored answers, by the key of what each read
// (migration 0022): a refresh reuses them instead of reading the reports again.
func (s *Store) WaveCitations(ctx context.Context) (map[string]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT key, detail FROM wave_citations`)
	if err != nil {
		return nil, fmt.Errorf("wave citations: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var key []byte
		var detail string
		if err := rows.Scan(&key, &detail); err != nil {
			return nil, fmt.Errorf("wave citations: %w", err)
		}
		out[string(key)] = detail
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave citations: %w", err)
	}
	return out, nil
}

// ReplaceWaveCitations keeps the answers of the last run's citation check, now, in place of
// those of the run before, old (as WaveCitations read them): it writes only the difference, so
// a run that checked the same pairs as the last writes nothing.
func (s *Store) ReplaceWaveCitations(ctx context.Context, old, now map[string]string) error {
	var gone, added []string
	for k := range old {
		if _, ok := now[k]; !ok {
			gone = append(gone, k)
		}
	}
	for k, v := range now {
		if w, ok := old[k]; !ok || w != v {
			added = append(added, k)
		}
	}
	if len(gone) == 0 && len(added) == 0 {
		return nil
	}
	slices.Sort(gone) // in key order, each B-tree page is touched once
	slices.Sort(added)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, k := range gone {
			if _, err := tx.tx.ExecContext(ctx, `DELETE FROM wave_citations WHERE key = ?`, []byte(k)); err != nil {
				return err
			}
		}
		for _, k := range added {
			if _, err := tx.tx.ExecContext(ctx, `INSERT OR REPLACE INTO wave_citations(key, detail) VALUES (?, ?)`, []byte(k), now[k]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store wave citations: %w", err)
	}
	return nil
}
