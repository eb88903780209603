package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// MapIncidents returns up to limit matching incidents, in the list's order, with only what a map
// draws: type, date, place, facility and the escaped figure. They come from the incidents'
// columns and figure rows, not from their JSON, so a map of thousands costs a few milliseconds.
func (s *Store) MapIncidents(ctx context.Context, q IncidentQuery, limit int) ([]model.Incident, error) {
	where, args, err := s.incidentFilters(ctx, q, AudienceFrom(ctx)) // partly visible incidents are narrowed below
	if err != nil {
		return nil, err
	}
	order, _, _ := q.order()
	query := `SELECT id, type, date_start, date_end, date_precision, country, admin1, place, facility, lat, lon, geo_precision,
		(SELECT json_array(best, low, high) FROM incident_estimates e WHERE e.incident_seq = incidents.seq AND e.metric = 'escaped')
		FROM incidents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order + " LIMIT ?"
	rows, err := s.read.QueryContext(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("map incidents: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	for rows.Next() {
		var inc model.Incident
		var start, end, escaped sql.NullString
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&inc.ID, &inc.Type, &start, &end, &inc.Date.Precision, &inc.Place.Country, &inc.Place.Admin1,
			&inc.Place.Name, &inc.Facility, &lat, &lon, &inc.Place.Precision, &escaped); err != nil {
			return nil, fmt.Errorf("map incidents: %w", err)
		}
		if day := parseDay(start); day != nil {
			inc.Date.Start = *day
		}
		inc.Date.End = parseDay(end)
		inc.Place.Lat, inc.Place.Lon = lat.Float64, lon.Float64
		if escaped.Valid {
			e, err := escapedFigure(escaped.String)
			if err != nil {
				return nil, err
			}
			inc.Metrics = map[model.Metric]model.Estimate{model.Escaped: e}
		}
		out = append(out, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("map incidents: %w", err)
	}
	return s.narrow(ctx, AudienceFrom(ctx), out, false)
}

// escapedFigure reads the [best, low, high] array MapIncidents selects (null where unknown).
func escapedFigure(s string) (model.Estimate, error) {
	var v [3]*int
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return model.Estimate{}, fmt.Errorf("map incidents: escaped figure %s: %w", s, err)
	}
	return model.Estimate{Best: v[0], Low: v[1], High: v[2]}, nil
}
