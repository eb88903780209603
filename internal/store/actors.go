package store

import (
	"context"
	"fmt"
)

// ActorCounts lists every actor named as a perpetrator of a stored incident with the number of
// its incidents, most active first. It stands in for the actor dictionary where none is wired,
// and gives the dictionary's entries their counts where one is. A restricted audience counts only
// the incidents it sees whole.
func (s *Store) ActorCounts(ctx context.Context) ([]FacetCount, error) {
	seen, args := AudienceFrom(ctx).seenWhole("i")
	rows, err := s.read.QueryContext(ctx, `SELECT actor, count(*) AS n FROM incident_actors a JOIN incidents i ON i.id = a.incident_id
		WHERE `+seen+` GROUP BY actor ORDER BY n DESC, actor`, args...)
	if err != nil {
		return nil, fmt.Errorf("count actors: %w", err)
	}
	defer rows.Close()
	out := []FacetCount{}
	for rows.Next() {
		var c FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, fmt.Errorf("count actors: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
