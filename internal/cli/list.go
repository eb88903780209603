package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// listIncidents checks the filters, opens the database and returns the incidents they choose, in
// the API's order. code is -1 when incs is ready.
func listIncidents(ctx context.Context, e env, cmd string, c *config.Config, f *incidentFilters) (incs []model.Incident, code int) {
	var ref reference.Data
	if f.needsReference() {
		var err error
		if ref, err = reference.Load(*c); err != nil {
			fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", cmd, err)
			return nil, exitFailed
		}
	}
	q, err := f.query(ref)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch %s: %s\n", cmd, flagMessage(err))
		return nil, exitUsage
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return nil, exitFailed
	}
	defer s.Close()
	incs, err = matching(ctx, s, q, ref)
	if err == nil && store.ByDate(q.Sort) {
		err = s.InReadingOrder(ctx, incs)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", cmd, err)
		return nil, exitFailed
	}
	return incs, -1
}

// matching runs q; its words (q.Q) are matched by textMatcher, which folds spellings and knows
// aliases, rather than by the store's plain substring search.
func matching(ctx context.Context, s *store.Store, q store.IncidentQuery, ref reference.Data) ([]model.Incident, error) {
	if q.Q == "" {
		incs, _, err := s.Incidents(ctx, q)
		return incs, err
	}
	m, limit := newTextMatcher(ref, q.Q), q.Limit
	q.Q, q.Limit = "", 0
	all, _, err := s.Incidents(ctx, q)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, inc := range all {
		if m.matches(inc) {
			out = append(out, inc)
		}
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

// flagMessage words a filter error the way the command line spells its flags.
func flagMessage(err error) string {
	var pe *api.ParamError
	if errors.As(err, &pe) {
		return fmt.Sprintf("--%s: %s", pe.Parameter, pe.Message)
	}
	return err.Error()
}
