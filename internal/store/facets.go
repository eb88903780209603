package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// FacetCount is how many matching incidents share one value of a dimension.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets counts the incidents matching a query by country, type and actor. Each dimension is
// counted without its own filter, so a user who picked one country still sees the others.
type Facets struct {
	Country []FacetCount `json:"country"`
	Type    []FacetCount `json:"type"`
	Actor   []FacetCount `json:"actor"`
}

// IncidentFacets counts matching incidents per country, type and actor, at most limit values each
// (largest counts first).
func (s *Store) IncidentFacets(ctx context.Context, q IncidentQuery, limit int) (Facets, error) {
	var f Facets
	var err error
	noCountry, noActor := q, q
	noCountry.Country, noActor.Actor = "", ""
	if f.Country, err = s.facet(ctx, "country", "incidents", "id", noCountry, limit); err != nil {
		return f, err
	}
	if f.Type, err = s.IncidentTypeCounts(ctx, q, limit); err != nil {
		return f, err
	}
	if f.Actor, err = s.facet(ctx, "actor", "incident_actors", "incident_id", noActor, limit); err != nil {
		return f, err
	}
	return f, nil
}

// IncidentTypeCounts is the type facet of IncidentFacets alone, for a page that shows no other.
func (s *Store) IncidentTypeCounts(ctx context.Context, q IncidentQuery, limit int) ([]FacetCount, error) {
	q.Type = ""
	return s.facet(ctx, "type", "incidents", "id", q, limit)
}

// facet groups the rows of table whose key column is a matching incident id by column.
func (s *Store) facet(ctx context.Context, column, table, key string, q IncidentQuery, limit int) ([]FacetCount, error) {
	aud := AudienceFrom(ctx)
	where, args := q.filters(aud)
	if table == "incident_actors" && aud.Restricted() {
		whole, more := aud.wholeIncidents("id")
		where, args = append(where, whole), append(args, more...)
	}
	query := fmt.Sprintf(`SELECT %s, count(*) AS n FROM %s WHERE %s != ''`, column, table, column)
	if len(where) > 0 {
		query += fmt.Sprintf(` AND %s IN (SELECT id FROM incidents WHERE %s)`, key, strings.Join(where, " AND "))
	}
	query += fmt.Sprintf(` GROUP BY %s ORDER BY n DESC, %s LIMIT ?`, column, column)
	rows, err := s.read.QueryContext(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("count incidents by %s: %w", column, err)
	}
	defer rows.Close()
	out := []FacetCount{}
	for rows.Next() {
		var c FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, fmt.Errorf("count incidents by %s: %w", column, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// MonthCount is the number of matching incidents that started in one month, and how many
// inmates they freed by their best estimates.
type MonthCount struct {
	Month     string `json:"month"` // YYYY-MM
	Incidents int    `json:"incidents"`
	Escaped   int    `json:"escaped"`
}

// MonthlyCounts counts the matching incidents with a known date per month, oldest month first.
func (s *Store) MonthlyCounts(ctx context.Context, q IncidentQuery) ([]MonthCount, error) {
	where, args := q.filters(AudienceFrom(ctx))
	where = append(where, "date_start IS NOT NULL")
	rows, err := s.read.QueryContext(ctx, `SELECT substr(date_start, 1, 7) AS m, count(*), COALESCE(sum(escaped_best), 0)
		FROM incidents WHERE `+strings.Join(where, " AND ")+` GROUP BY m ORDER BY m`, args...)
	if err != nil {
		return nil, fmt.Errorf("count incidents by month: %w", err)
	}
	defer rows.Close()
	var out []MonthCount
	for rows.Next() {
		var c MonthCount
		if err := rows.Scan(&c.Month, &c.Incidents, &c.Escaped); err != nil {
			return nil, fmt.Errorf("count incidents by month: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Totals sums up the matching incidents for a dashboard headline.
type Totals struct {
	Incidents int `json:"incidents"`
	Countries int `json:"countries"`
	Escaped   int `json:"escaped"` // sum of the best estimates of escaped inmates
	Contested int `json:"contested"`
}

// IncidentTotals counts matching incidents, their countries, escapes and contested figures.
func (s *Store) IncidentTotals(ctx context.Context, q IncidentQuery) (Totals, error) {
	where, args := q.filters(AudienceFrom(ctx))
	query := `SELECT count(*), count(DISTINCT NULLIF(country, '')), COALESCE(sum(escaped_best), 0), COALESCE(sum(contested), 0) FROM incidents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	var t Totals
	if err := s.read.QueryRowContext(ctx, query, args...).Scan(&t.Incidents, &t.Countries, &t.Escaped, &t.Contested); err != nil {
		return t, fmt.Errorf("total incidents: %w", err)
	}
	return t, nil
}

// ContestedIncidents returns up to limit of the newest incidents whose sources disagree on a figure.
// For a restricted audience, only incidents it sees whole: a partly visible incident's stored
// contested flag weighed claims it may not see.
func (s *Store) ContestedIncidents(ctx context.Context, limit int) ([]model.Incident, error) {
	seen, args := AudienceFrom(ctx).seenWhole("incidents")
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM incidents WHERE contested = 1 AND `+hiddenOf("incidents")+` AND `+seen+`
		ORDER BY COALESCE(date_start, '') DESC, id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("contested incidents: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("contested incidents: %w", err)
		}
		var inc model.Incident
		if err := json.Unmarshal(data, &inc); err != nil {
			return nil, fmt.Errorf("decode incident: %w", err)
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}
