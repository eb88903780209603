package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// PutIncident inserts or replaces an incident with its actor, campaign and document rows.
func (t *Tx) PutIncident(ctx context.Context, inc model.Incident) error {
	data, err := json.Marshal(inc)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", inc.ID, err)
	}
	var escapedBest any
	contested := false
	for metric, e := range inc.Metrics {
		contested = contested || e.Contested
		if metric == model.Escaped && e.Best != nil {
			escapedBest = *e.Best
		}
	}
	var lat, lon any
	if inc.Place.Precision != "" {
		lat, lon = inc.Place.Lat, inc.Place.Lon
	}
	var dateEnd any
	if inc.Date.End != nil {
		dateEnd = inc.Date.End.Format(model.DateLayout)
	}
	_, err = t.stmt(ctx, t.stmts.putIncident).ExecContext(ctx,
		inc.ID, string(inc.Type), dayOrNilValue(inc.Date.Start), dateEnd, string(inc.Date.Precision), inc.Place.Country,
		inc.Place.Admin1, inc.Place.Name, inc.Facility, lat, lon, string(inc.Place.Precision), escapedBest, contested,
		searchText(inc), data, inc.UpdatedAt.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("insert incident %s: %w", inc.ID, err)
	}
	for _, children := range [...]struct {
		table string
		stmt  *sql.Stmt
	}{{"incident_actors", t.stmts.clearIncidentActors}, {"incident_campaigns", t.stmts.clearIncidentCampaign},
		{"incident_documents", t.stmts.clearIncidentDocs}} {
		if _, err := t.stmt(ctx, children.stmt).ExecContext(ctx, inc.ID); err != nil {
			return fmt.Errorf("incident %s: clear %s: %w", inc.ID, children.table, err)
		}
	}
	for _, a := range inc.Perpetrators {
		if _, err := t.stmt(ctx, t.stmts.addIncidentActor).ExecContext(ctx, inc.ID, a); err != nil {
			return fmt.Errorf("incident %s actor: %w", inc.ID, err)
		}
	}
	for _, c := range inc.Campaigns {
		if _, err := t.stmt(ctx, t.stmts.addIncidentCampaign).ExecContext(ctx, inc.ID, c); err != nil {
			return fmt.Errorf("incident %s campaign: %w", inc.ID, err)
		}
	}
	for _, d := range inc.Documents {
		if _, err := t.stmt(ctx, t.stmts.addIncidentDocument).ExecContext(ctx, inc.ID, d.ID); err != nil {
			return fmt.Errorf("incident %s document: %w", inc.ID, err)
		}
	}
	return nil
}

// searchText is what the incidents' text filter matches: names a user would type.
func searchText(inc model.Incident) string {
	parts := []string{inc.Facility, inc.Place.Name, inc.Place.Admin1, inc.Place.Country, string(inc.Type)}
	parts = append(parts, inc.Perpetrators...)
	parts = append(parts, inc.Campaigns...)
	for _, d := range inc.Documents {
		parts = append(parts, d.Title)
	}
	return strings.ToLower(strings.Join(parts, " | "))
}

// DeleteIncident removes an incident (a no-op when it does not exist).
func (t *Tx) DeleteIncident(ctx context.Context, id string) error {
	if _, err := t.stmt(ctx, t.stmts.deleteIncident).ExecContext(ctx, id); err != nil {
		return fmt.Errorf("delete incident %s: %w", id, err)
	}
	return nil
}

// Incident returns one incident.
func (s *Store) Incident(ctx context.Context, id string) (model.Incident, error) {
	var data []byte
	err := s.read.QueryRowContext(ctx, `SELECT data FROM incidents WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, err)
	}
	var inc model.Incident
	if err := json.Unmarshal(data, &inc); err != nil {
		return inc, fmt.Errorf("decode incident %s: %w", id, err)
	}
	return inc, nil
}

// IncidentQuery filters and pages incidents. Zero values do not filter.
type IncidentQuery struct {
	Country   string
	Type      string
	Actor     string
	Campaign  string
	Since     *time.Time
	Until     *time.Time
	Q         string
	BBox      *[4]float64 // min lon, min lat, max lon, max lat
	Contested bool        // only incidents with a figure the sources disagree on
	Sort      string      // "date" (newest first, default), "-date" (oldest first), "escaped", "killed", "contested" (then newest)
	Cursor    string      // from the previous page's NextCursor
	Limit     int         // 0 means no limit
}

// ErrBadCursor is returned for a cursor this store did not make.
var ErrBadCursor = errors.New("malformed cursor")

// Incidents returns one page of matching incidents and the cursor of the next page ("" at the end).
func (s *Store) Incidents(ctx context.Context, q IncidentQuery) ([]model.Incident, string, error) {
	where, args := q.filters()
	order, keyCol, desc := q.order()
	if q.Cursor != "" {
		key, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		cmp := ">"
		if desc {
			cmp = "<"
		}
		where = append(where, fmt.Sprintf("(%s %s ? OR (%s = ? AND id > ?))", keyCol, cmp, keyCol))
		args = append(args, key, key, id)
	}
	query := `SELECT data, ` + keyCol + ` FROM incidents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit+1)
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("list incidents: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	var keys []string
	for rows.Next() {
		var data []byte
		var key sql.NullString
		if err := rows.Scan(&data, &key); err != nil {
			return nil, "", fmt.Errorf("list incidents: %w", err)
		}
		var inc model.Incident
		if err := json.Unmarshal(data, &inc); err != nil {
			return nil, "", fmt.Errorf("decode incident: %w", err)
		}
		out = append(out, inc)
		keys = append(keys, key.String)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
		next = encodeCursor(keys[q.Limit-1], out[q.Limit-1].ID)
	}
	return out, next, nil
}

func (q IncidentQuery) filters() ([]string, []any) {
	var where []string
	var args []any
	add := func(cond string, vals ...any) {
		where = append(where, cond)
		args = append(args, vals...)
	}
	if q.Country != "" {
		add("country = ?", strings.ToUpper(q.Country))
	}
	if q.Type != "" {
		add("type = ?", q.Type)
	}
	if q.Actor != "" {
		add("EXISTS (SELECT 1 FROM incident_actors a WHERE a.incident_id = incidents.id AND a.actor = ? COLLATE NOCASE)", q.Actor)
	}
	if q.Campaign != "" {
		add("EXISTS (SELECT 1 FROM incident_campaigns c WHERE c.incident_id = incidents.id AND c.campaign = ? COLLATE NOCASE)", q.Campaign)
	}
	if q.Since != nil {
		add("date_start >= ?", q.Since.Format(model.DateLayout))
	}
	if q.Until != nil {
		add("date_start <= ?", q.Until.Format(model.DateLayout))
	}
	if t := strings.TrimSpace(q.Q); t != "" {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			add("search LIKE ? ESCAPE '\\'", "%"+escapeLike(w)+"%")
		}
	}
	if b := q.BBox; b != nil {
		add("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?", b[0], b[2], b[1], b[3])
	}
	if q.Contested {
		add("contested = 1")
	}
	return where, args
}

// order returns the ORDER BY clause, the column the cursor keys on and whether it descends.
func (q IncidentQuery) order() (string, string, bool) {
	switch q.Sort {
	case "-date":
		return "COALESCE(date_start, '') ASC, id ASC", "COALESCE(date_start, '')", false
	case "escaped":
		return "printf('%012d', COALESCE(escaped_best, 0)) DESC, id ASC", "printf('%012d', COALESCE(escaped_best, 0))", true
	case "contested":
		key := "(contested || '|' || COALESCE(date_start, ''))"
		return key + " DESC, id ASC", key, true
	case "killed":
		key := "printf('%012d', COALESCE(json_extract(data, '$.Metrics.killed.Best'), 0))"
		return key + " DESC, id ASC", key, true
	default:
		return "COALESCE(date_start, '') DESC, id ASC", "COALESCE(date_start, '')", true
	}
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func encodeCursor(key, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key + "\x00" + id))
}

func decodeCursor(c string) (string, string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", "", ErrBadCursor
	}
	key, id, ok := strings.Cut(string(b), "\x00")
	if !ok {
		return "", "", ErrBadCursor
	}
	return key, id, nil
}

// CountIncidents counts stored incidents.
func (s *Store) CountIncidents(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM incidents`).Scan(&n)
	return n, err
}
