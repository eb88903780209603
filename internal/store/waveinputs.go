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

// waveIncidents reads the incidents of the types listed (a JSON array) that detection can place
// on a day (not hidden by review), from their narrow rows in wave_inputs, and the index of each
// by id. Decoding each incident's data cost most of a refresh that read the whole record.
func (s *Store) waveIncidents(ctx context.Context, types string) ([]model.Incident, map[string]int, error) {
	// The rows, counted first, size the list: grown by appending, the list of some 60,000
	// incidents (400 bytes each) was copied and zeroed again at every doubling, a third of the
	// read's time at 90,000 documents. The count is of every row, so at most a few too many.
	var all int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM wave_inputs`).Scan(&all); err != nil {
		return nil, nil, fmt.Errorf("wave inputs: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, type, date_start, country, facility, perpetrators, methods, campaigns
		FROM wave_inputs w WHERE date_precision = 'day' AND type IN (SELECT value FROM json_each(?))
		AND NOT EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = w.incident_id AND r.hidden = 1)
		ORDER BY incident_id`, types)
	if err != nil {
		return nil, nil, fmt.Errorf("wave inputs: %w", err)
	}
	defer rows.Close()
	var incs []model.Incident // nil for none, as before the count
	if all > 0 {
		incs = make([]model.Incident, 0, all)
	}
	byID := make(map[string]int, all)
	for rows.Next() {
		inc, err := scanWaveInput(rows)
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

// scanWaveInput reads one row of wave_inputs into the fields of an incident detection reads.
func scanWaveInput(rows *sql.Rows) (model.Incident, error) {
	var typ, start string
	var lists [3]string // perpetrators, methods, campaigns
	inc := model.Incident{Date: model.Date{Precision: model.PrecisionDay}}
	if err := rows.Scan(&inc.ID, &typ, &start, &inc.Place.Country, &inc.Facility, &lists[0], &lists[1], &lists[2]); err != nil {
		return inc, fmt.Errorf("wave inputs: %w", err)
	}
	inc.Type = model.EventType(typ)
	var err error
	if inc.Date.Start, err = time.Parse(time.RFC3339Nano, start); err != nil {
		return inc, fmt.Errorf("wave inputs: incident %s: date: %w", inc.ID, err)
	}
	for i, dst := range []*[]string{&inc.Perpetrators, &inc.Methods, &inc.Campaigns} {
		if lists[i] == "" {
			continue
		}
		if err := json.Unmarshal([]byte(lists[i]), dst); err != nil {
			return inc, fmt.Errorf("wave inputs: incident %s: %w", inc.ID, err)
		}
	}
	return inc, nil
}

// putWaveInput writes what wave detection reads of an incident to its narrow row (wave_inputs),
// with the incident's row: lists as JSON arrays, an empty string for none.
func (t *Tx) putWaveInput(ctx context.Context, inc model.Incident) error {
	var lists [3]string
	for i, l := range [][]string{inc.Perpetrators, inc.Methods, inc.Campaigns} {
		if len(l) == 0 {
			continue
		}
		b, err := json.Marshal(l)
		if err != nil {
			return fmt.Errorf("incident %s: wave inputs: %w", inc.ID, err)
		}
		lists[i] = string(b)
	}
	if _, err := t.stmt(ctx, t.stmts.putWaveInput).ExecContext(ctx, inc.ID, string(inc.Type), string(inc.Date.Precision),
		inc.Date.Start.Format(time.RFC3339Nano), inc.Place.Country, inc.Facility, lists[0], lists[1], lists[2]); err != nil {
		return fmt.Errorf("incident %s: wave inputs: %w", inc.ID, err)
	}
	return nil
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
// which is all detection asks of claims. The role is written into the query, not bound, so that
// SQLite can use the partial index of perpetrators' claims (migration 0022) instead of reading
// every claim.
func (s *Store) attachWaveClaims(ctx context.Context, incs []model.Incident, byID map[string]int) error {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT incident_id, metric, claimant FROM incident_claims
		WHERE claimant_role = '`+string(model.RolePerpetrator)+`' AND claimant <> '' ORDER BY incident_id, metric, claimant`)
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
