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

// waveStudy is the condition on the incidents wave detection can place on a day: of the types
// listed (a JSON array), dated to the day, not hidden by review.
func waveStudy() string {
	return `date_precision = 'day' AND type IN (SELECT value FROM json_each(?)) AND ` + hiddenOf("incidents")
}

// WaveInputs returns the incidents of the types listed that wave detection can place on a day,
// holding only what it reads: id, type, date, country, facility, perpetrators, methods,
// campaigns, the ids of their documents (in id order) and their perpetrators' claims (claimant
// and metric only). Decoding whole incidents and their figures cost seconds at 100,000 incidents.
func (s *Store) WaveInputs(ctx context.Context, types []model.EventType) ([]model.Incident, error) {
	list, err := json.Marshal(types)
	if err != nil {
		return nil, fmt.Errorf("wave inputs: %w", err)
	}
	incs, byID, err := s.waveIncidents(ctx, string(list))
	if err != nil {
		return nil, err
	}
	if err := s.attachWaveDocuments(ctx, incs, byID); err != nil {
		return nil, err
	}
	if err := s.attachWaveClaims(ctx, incs, byID); err != nil {
		return nil, err
	}
	return incs, nil
}

// waveIncidents reads the incidents and the index of each by id. An incident's data no longer
// holds its documents or figures, so decoding it whole is cheap; extracting fields with SQLite's
// JSON functions parsed it once for each field and cost more.
func (s *Store) waveIncidents(ctx context.Context, types string) ([]model.Incident, map[string]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM incidents WHERE `+waveStudy()+` ORDER BY id`, types)
	if err != nil {
		return nil, nil, fmt.Errorf("wave inputs: %w", err)
	}
	defer rows.Close()
	var incs []model.Incident
	byID := map[string]int{}
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, nil, fmt.Errorf("wave inputs: %w", err)
		}
		inc, err := decodeWaveIncident(data)
		if err != nil {
			return nil, nil, err
		}
		byID[inc.ID] = len(incs)
		incs = append(incs, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("wave inputs: %w", err)
	}
	return incs, byID, nil
}

// decodeWaveIncident decodes the fields of an incident's data that detection reads.
func decodeWaveIncident(data []byte) (model.Incident, error) {
	var w struct {
		ID                               string
		Type                             model.EventType
		Date                             model.Date
		Place                            struct{ Country string }
		Facility                         string
		Perpetrators, Methods, Campaigns []string
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return model.Incident{}, fmt.Errorf("wave inputs: decode incident: %w", err)
	}
	return model.Incident{ID: w.ID, Type: w.Type, Date: w.Date, Place: model.Place{Country: w.Place.Country}, Facility: w.Facility,
		Perpetrators: w.Perpetrators, Methods: w.Methods, Campaigns: w.Campaigns}, nil
}

// attachWaveDocuments gives each incident the ids of its documents, in id order. It reads the
// whole table in its key's order: cheaper than looking up the study's incidents one by one.
func (s *Store) attachWaveDocuments(ctx context.Context, incs []model.Incident, byID map[string]int) error {
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, document_id FROM incident_documents ORDER BY incident_id, document_id`)
	if err != nil {
		return fmt.Errorf("wave inputs: documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var incident, doc string
		if err := rows.Scan(&incident, &doc); err != nil {
			return fmt.Errorf("wave inputs: documents: %w", err)
		}
		if i, ok := byID[incident]; ok {
			incs[i].Documents = append(incs[i].Documents, model.DocumentRef{ID: doc})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("wave inputs: documents: %w", err)
	}
	return nil
}

// attachWaveClaims gives each incident one claim per perpetrator voice and metric: who claimed,
// which is all detection asks of claims.
func (s *Store) attachWaveClaims(ctx context.Context, incs []model.Incident, byID map[string]int) error {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT incident_id, metric, claimant FROM incident_claims
		WHERE claimant_role = ? AND claimant <> '' ORDER BY incident_id, metric, claimant`, string(model.RolePerpetrator))
	if err != nil {
		return fmt.Errorf("wave inputs: claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var incident string
		c := model.Claim{ClaimantRole: model.RolePerpetrator}
		if err := rows.Scan(&incident, &c.Metric, &c.Claimant); err != nil {
			return fmt.Errorf("wave inputs: claims: %w", err)
		}
		i, ok := byID[incident]
		if !ok {
			continue
		}
		if incs[i].Metrics == nil {
			incs[i].Metrics = map[model.Metric]model.Estimate{}
		}
		e := incs[i].Metrics[c.Metric]
		e.Claims = append(e.Claims, c)
		incs[i].Metrics[c.Metric] = e
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("wave inputs: claims: %w", err)
	}
	return nil
}

// WaveDigest returns the digest recorded with the stored waves (ReplaceDigestedWaves), or "" when
// none was or the waves were replaced since.
func (s *Store) WaveDigest(ctx context.Context) (string, error) {
	var digest string
	err := s.read.QueryRowContext(ctx, `SELECT d.digest FROM wave_digests d JOIN wave_runs r ON r.id = 1 AND r.computed_at = d.computed_at
		WHERE d.id = 1`).Scan(&digest)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("wave digest: %w", err)
	}
	return digest, nil
}

// recordWaveDigest records the digest of the inputs of the waves stored at computedAt, so that
// a refresh with the same inputs can leave them be; "" removes any digest.
func (t *Tx) recordWaveDigest(ctx context.Context, digest string, computedAt time.Time) error {
	if digest == "" {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM wave_digests`); err != nil {
			return fmt.Errorf("forget wave digest: %w", err)
		}
		return nil
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO wave_digests(id, computed_at, digest) VALUES (1, ?, ?)`,
		computedAt.UTC().Format(time.RFC3339), digest); err != nil {
		return fmt.Errorf("record wave digest: %w", err)
	}
	return nil
}
