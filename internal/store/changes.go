package store

import (
	"context"
	"fmt"
)

// IncidentsUpdatedSince returns the ids of the incidents updated at or after the mark since (an
// updated_at value; "" for all), oldest first, at most limit of them, and the mark to ask from
// next. It lets a server notice what another process wrote to the same store (`wallwatch ingest`
// while `serve` runs). The mark is a second: incidents of the mark's second come again, so that
// one updated later in that second is not missed; callers compare what they get.
func (s *Store) IncidentsUpdatedSince(ctx context.Context, since string, limit int) ([]string, string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, updated_at FROM incidents WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?`, since, limit)
	if err != nil {
		return nil, since, fmt.Errorf("incidents updated since %q: %w", since, err)
	}
	defer rows.Close()
	var ids []string
	mark := since
	for rows.Next() {
		var id string
		if err := rows.Scan(&id, &mark); err != nil {
			return nil, since, fmt.Errorf("incidents updated since %q: %w", since, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, since, fmt.Errorf("incidents updated since %q: %w", since, err)
	}
	return ids, mark, nil
}
