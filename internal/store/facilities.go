package store

import (
	"context"
	"fmt"
)

// FacilityName is one spelling of a facility as incidents give it, in one country, with the
// incidents that give it.
type FacilityName struct {
	Country   string
	Name      string
	Admin1    string // of the latest incident
	Place     string
	Incidents int
	First     string // date of the earliest incident, YYYY-MM-DD ("" when undated)
	Last      string
}

// FacilityNames lists every facility spelling of the incidents lists show (hidden ones left
// out), most incidents first; callers group spellings into facilities (link.FacilityID).
func (s *Store) FacilityNames(ctx context.Context) ([]FacilityName, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT country, facility, count(*), COALESCE(min(date_start), ''), COALESCE(max(date_start), ''),
		(SELECT admin1 FROM incidents j WHERE j.country = i.country AND j.facility = i.facility ORDER BY date_start DESC LIMIT 1),
		(SELECT place FROM incidents j WHERE j.country = i.country AND j.facility = i.facility ORDER BY date_start DESC LIMIT 1)
		FROM incidents i WHERE facility != '' AND `+hiddenOf("i")+`
		GROUP BY country, facility ORDER BY count(*) DESC, country, facility`)
	if err != nil {
		return nil, fmt.Errorf("facility names: %w", err)
	}
	defer rows.Close()
	var out []FacilityName
	for rows.Next() {
		var f FacilityName
		if err := rows.Scan(&f.Country, &f.Name, &f.Incidents, &f.First, &f.Last, &f.Admin1, &f.Place); err != nil {
			return nil, fmt.Errorf("facility names: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// hiddenOf is the filter that leaves out the incidents review hid (not incidents), for the
// incidents table under a name.
func hiddenOf(alias string) string {
	return `NOT EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = ` + alias + `.id AND r.hidden = 1)`
}

// IncidentFacility is an incident's facility as a review rename needs it.
type IncidentFacility struct {
	ID, Country, Facility string
}

// IncidentFacilities lists the facility of every incident that names one, inside the
// transaction.
func (t *Tx) IncidentFacilities(ctx context.Context) ([]IncidentFacility, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, country, facility FROM incidents WHERE facility != '' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("incident facilities: %w", err)
	}
	defer rows.Close()
	var out []IncidentFacility
	for rows.Next() {
		var f IncidentFacility
		if err := rows.Scan(&f.ID, &f.Country, &f.Facility); err != nil {
			return nil, fmt.Errorf("incident facilities: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
