package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/wallwatch/wallwatch/internal/model"
)

// InReadingOrder orders the incidents of one day, in a list sorted by date, as their reports tell
// them: the incident a report leads with comes before the one it goes on to, where the store's
// own order would follow their random ids. An export of a report that tells a riot and, further
// down, another riot the same day at another prison then lists them as the report does. Only
// runs of incidents with the same start date move; the list stays sorted by date. Positions are
// read from the documents the context's audience may see.
func (s *Store) InReadingOrder(ctx context.Context, incs []model.Incident) error {
	var runs [][2]int           // the runs of one day that hold more than one incident
	var shared []model.Incident // their incidents: the only ones whose positions matter
	for i := 0; i < len(incs); {
		j := i + 1
		for j < len(incs) && incs[j].Date.Start.Equal(incs[i].Date.Start) {
			j++
		}
		if j-i > 1 {
			runs = append(runs, [2]int{i, j})
			shared = append(shared, incs[i:j]...)
		}
		i = j
	}
	if len(runs) == 0 {
		return nil
	}
	ids, err := idList(shared)
	if err != nil {
		return err
	}
	lead, err := s.leadPositions(ctx, ids)
	if err != nil {
		return err
	}
	position := func(inc model.Incident) int {
		if p, ok := lead[inc.ID]; ok {
			return p
		}
		return math.MaxInt // told by no document the audience may see: last of its day
	}
	for _, r := range runs {
		slices.SortStableFunc(incs[r[0]:r[1]], func(a, b model.Incident) int { return cmp.Compare(position(a), position(b)) })
	}
	return nil
}

// leadPositions returns, for each incident listed (a JSON array of ids), the earliest place a
// mention of it has among the mentions of its document (0: the document's first, its lead story).
func (s *Store) leadPositions(ctx context.Context, ids string) (map[string]int, error) {
	visible, args := AudienceFrom(ctx).documentFilter("d")
	rows, err := s.read.QueryContext(ctx, `SELECT m.incident_id, MIN(m.idx) FROM mentions m JOIN documents d ON d.id = m.document_id
		WHERE m.incident_id IN (SELECT value FROM json_each(?)) AND `+visible+` GROUP BY m.incident_id`, append([]any{ids}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read the order of mentions: %w", err)
	}
	defer rows.Close()
	lead := map[string]int{}
	for rows.Next() {
		var id string
		var idx int
		if err := rows.Scan(&id, &idx); err != nil {
			return nil, fmt.Errorf("read the order of mentions: %w", err)
		}
		lead[id] = idx
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the order of mentions: %w", err)
	}
	return lead, nil
}

// ByDate reports an incident list sort (IncidentQuery.Sort) that keeps the incidents of one day
// together: newest or oldest first.
func ByDate(sort string) bool {
	return sort == "" || sort == "date" || sort == "-date"
}
