package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ReplaceWaves stores a run of wave detection in place of the previous one, in one transaction.
func (s *Store) ReplaceWaves(ctx context.Context, a model.WaveAnalysis) error {
	run := a
	run.Waves = nil
	runData, err := json.Marshal(run)
	if err != nil {
		return fmt.Errorf("encode wave run: %w", err)
	}
	return s.InTx(ctx, func(tx *Tx) error {
		for _, q := range []string{`DELETE FROM wave_incidents`, `DELETE FROM waves`} {
			if _, err := tx.tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("clear waves: %w", err)
			}
		}
		if _, err := tx.tx.ExecContext(ctx, `INSERT OR REPLACE INTO wave_runs(id, computed_at, data) VALUES (1, ?, ?)`,
			a.ComputedAt.UTC().Format(time.RFC3339), runData); err != nil {
			return fmt.Errorf("store wave run: %w", err)
		}
		for _, w := range a.Waves {
			if err := tx.putWave(ctx, w); err != nil {
				return err
			}
		}
		return nil
	})
}

func (t *Tx) putWave(ctx context.Context, w model.Wave) error {
	data, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("encode wave %s: %w", w.ID, err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO waves(id, date_start, date_end, p_value, data) VALUES (?, ?, ?, ?, ?)`,
		w.ID, w.Start.Format(model.DateLayout), w.End.Format(model.DateLayout), w.PValue, data); err != nil {
		return fmt.Errorf("insert wave %s: %w", w.ID, err)
	}
	for _, id := range w.Incidents {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO wave_incidents(wave_id, incident_id) VALUES (?, ?)`, w.ID, id); err != nil {
			return fmt.Errorf("wave %s incident %s: %w", w.ID, id, err)
		}
	}
	return nil
}

// WaveAnalysis returns the last run of wave detection with its waves, latest first. Before the
// first run it returns an empty analysis with a zero ComputedAt.
func (s *Store) WaveAnalysis(ctx context.Context) (model.WaveAnalysis, error) {
	var a model.WaveAnalysis
	var data []byte
	err := s.read.QueryRowContext(ctx, `SELECT data FROM wave_runs WHERE id = 1`).Scan(&data)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return a, fmt.Errorf("read wave run: %w", err)
	default:
		if err := json.Unmarshal(data, &a); err != nil {
			return a, fmt.Errorf("decode wave run: %w", err)
		}
	}
	a.Waves, err = s.waves(ctx, `SELECT data FROM waves ORDER BY date_start DESC, id`)
	return a, err
}

// Wave returns one wave.
func (s *Store) Wave(ctx context.Context, id string) (model.Wave, error) {
	ws, err := s.waves(ctx, `SELECT data FROM waves WHERE id = ?`, id)
	if err != nil {
		return model.Wave{}, err
	}
	if len(ws) == 0 {
		return model.Wave{}, fmt.Errorf("wave %s: %w", id, ErrNotFound)
	}
	return ws[0], nil
}

// IncidentWaves lists the ids of the waves an incident belongs to.
func (s *Store) IncidentWaves(ctx context.Context, incidentID string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT wave_id FROM wave_incidents WHERE incident_id = ? ORDER BY wave_id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("waves of incident %s: %w", incidentID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("waves of incident %s: %w", incidentID, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (s *Store) waves(ctx context.Context, query string, args ...any) ([]model.Wave, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list waves: %w", err)
	}
	defer rows.Close()
	out := []model.Wave{}
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("list waves: %w", err)
		}
		var w model.Wave
		if err := json.Unmarshal(data, &w); err != nil {
			return nil, fmt.Errorf("decode wave: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
