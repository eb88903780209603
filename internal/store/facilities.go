package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/wallwatch/wallwatch/internal/link"
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
// out), most incidents first; callers group spellings into facilities (link.FacilityID). A
// restricted audience sees the facilities of the incidents it sees whole.
func (s *Store) FacilityNames(ctx context.Context) ([]FacilityName, error) {
	aud := AudienceFrom(ctx)
	seen, args := aud.seenWhole("i")
	seenJ, argsJ := aud.seenWhole("j")
	rows, err := s.read.QueryContext(ctx, `SELECT country, facility, count(*), COALESCE(min(date_start), ''), COALESCE(max(date_start), ''),
		(SELECT admin1 FROM incidents j WHERE j.country = i.country AND j.facility = i.facility AND `+seenJ+` ORDER BY date_start DESC LIMIT 1),
		(SELECT place FROM incidents j WHERE j.country = i.country AND j.facility = i.facility AND `+seenJ+` ORDER BY date_start DESC LIMIT 1)
		FROM incidents i WHERE facility != '' AND `+hiddenOf("i")+` AND `+seen+`
		GROUP BY country, facility ORDER BY count(*) DESC, country, facility`, append(append(argsJ, argsJ...), args...)...)
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

// Facility is one facility: the spellings incidents give it (link.FacilityID makes them one),
// most given first, where it is, and how many incidents took place there and when.
type Facility struct {
	ID        string   `json:"id"`
	Names     []string `json:"names"`
	Country   string   `json:"country"`
	Admin1    string   `json:"admin1,omitempty"`
	Place     string   `json:"place,omitempty"`
	Incidents int      `json:"incidents"`
	First     string   `json:"first,omitempty"` // date of the earliest incident
	Last      string   `json:"last,omitempty"`
}

// Facilities lists the facilities of the incidents lists show, most incidents first.
func (s *Store) Facilities(ctx context.Context) ([]Facility, error) {
	names, err := s.FacilityNames(ctx)
	if err != nil {
		return nil, err
	}
	var out []Facility
	at := map[string]int{}
	for _, n := range names {
		id := link.FacilityID(n.Country, n.Name)
		i, seen := at[id]
		if !seen {
			i, at[id] = len(out), len(out)
			out = append(out, Facility{ID: id, Country: n.Country, Admin1: n.Admin1, Place: n.Place, First: n.First, Last: n.Last})
		}
		f := &out[i]
		f.Names, f.Incidents = append(f.Names, n.Name), f.Incidents+n.Incidents
		if n.First != "" && (f.First == "" || n.First < f.First) {
			f.First = n.First
		}
		f.Last = max(f.Last, n.Last)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Incidents > out[j].Incidents })
	return out, nil
}

// FacilityByID returns one facility.
func (s *Store) FacilityByID(ctx context.Context, id string) (Facility, error) {
	all, err := s.Facilities(ctx)
	if err != nil {
		return Facility{}, err
	}
	for _, f := range all {
		if f.ID == id {
			return f, nil
		}
	}
	return Facility{}, fmt.Errorf("facility %s: %w", id, ErrNotFound)
}
