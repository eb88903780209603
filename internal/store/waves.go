package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ReplaceWaves stores a run of wave detection in place of the previous one, in one transaction,
// and forgets the previous run's input digest: these waves have none (ReplaceDigestedWaves).
func (s *Store) ReplaceWaves(ctx context.Context, a model.WaveAnalysis) error {
	return s.replaceWaves(ctx, a, "")
}

// ReplaceDigestedWaves stores a run of wave detection in place of the previous one together with
// the digest of its inputs (WaveDigest), in one transaction: two processes refreshing in the
// same second then each leave their own waves with their own digest, never one's waves with the
// other's digest.
func (s *Store) ReplaceDigestedWaves(ctx context.Context, a model.WaveAnalysis, digest string) error {
	return s.replaceWaves(ctx, a, digest)
}

// replaceWaves stores a run and its digest, "" for none.
func (s *Store) replaceWaves(ctx context.Context, a model.WaveAnalysis, digest string) error {
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
		if err := tx.recordWaveDigest(ctx, digest, a.ComputedAt); err != nil {
			return err
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
		if _, err := t.stmt(ctx, t.stmts.addWaveIncident).ExecContext(ctx, w.ID, id); err != nil {
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
	if a.Waves, err = s.waves(ctx, `SELECT data FROM waves ORDER BY date_start DESC, id`); err != nil {
		return a, err
	}
	a.Waves, err = s.seenWaves(ctx, a.Waves)
	return a, err
}

// WaveIDs lists the ids of the stored waves, whoever may see them: what a refresh compares its
// waves with to tell the new ones, without decoding the stored run.
func (s *Store) WaveIDs(ctx context.Context) ([]string, error) {
	ids, err := column[string](s.read.QueryContext(ctx, `SELECT id FROM waves ORDER BY id`))
	if err != nil {
		return nil, fmt.Errorf("list wave ids: %w", err)
	}
	return ids, nil
}

// Wave returns one wave.
func (s *Store) Wave(ctx context.Context, id string) (model.Wave, error) {
	ws, err := s.waves(ctx, `SELECT data FROM waves WHERE id = ?`, id)
	if err != nil {
		return model.Wave{}, err
	}
	if ws, err = s.seenWaves(ctx, ws); err != nil {
		return model.Wave{}, err
	}
	if len(ws) == 0 {
		return model.Wave{}, fmt.Errorf("wave %s: %w", id, ErrNotFound)
	}
	return ws[0], nil
}

// IncidentWaves lists the ids of the waves an incident belongs to, of those the context's
// audience may see (seenWaves).
func (s *Store) IncidentWaves(ctx context.Context, incidentID string) ([]string, error) {
	query, args := `SELECT wave_id FROM wave_incidents w WHERE incident_id = ?`, []any{incidentID}
	if aud := AudienceFrom(ctx); aud.Restricted() {
		seen, more := aud.seenWhole("i")
		query += ` AND NOT EXISTS (SELECT 1 FROM wave_incidents o WHERE o.wave_id = w.wave_id AND NOT EXISTS (
			SELECT 1 FROM incidents i WHERE i.id = o.incident_id AND ` + seen + `))`
		args = append(args, more...)
	}
	rows, err := s.read.QueryContext(ctx, query+` ORDER BY wave_id`, args...)
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

// seenWaves keeps the waves whose every incident the context's audience sees whole. A wave, its
// figures and the evidence linking its incidents were computed from every document of those
// incidents: a restricted audience sees only the waves made of what it may see.
func (s *Store) seenWaves(ctx context.Context, ws []model.Wave) ([]model.Wave, error) {
	aud := AudienceFrom(ctx)
	if !aud.Restricted() || len(ws) == 0 {
		return ws, nil
	}
	var ids []string
	for _, w := range ws {
		ids = append(ids, w.Incidents...)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("visible waves: %w", err)
	}
	seen, args := aud.seenWhole("i")
	visible, err := column[string](s.read.QueryContext(ctx, `SELECT id FROM incidents i
		WHERE id IN (SELECT value FROM json_each(?)) AND `+seen, append([]any{string(list)}, args...)...))
	if err != nil {
		return nil, fmt.Errorf("visible waves: %w", err)
	}
	ok := map[string]bool{}
	for _, id := range visible {
		ok[id] = true
	}
	out := []model.Wave{}
	for _, w := range ws {
		if !slices.ContainsFunc(w.Incidents, func(id string) bool { return !ok[id] }) {
			out = append(out, w)
		}
	}
	return out, nil
}
