package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Campaigns lists the named campaigns, latest start first: those the linker recorded, completed
// by any campaign an incident cites that the table does not hold yet. Each lists the ids of the
// stored incidents that cite it. A restricted audience sees only the campaigns cited by incidents
// it sees whole.
func (s *Store) Campaigns(ctx context.Context) ([]model.Campaign, error) {
	byName, err := s.recordedCampaigns(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.addCitedCampaigns(ctx, byName); err != nil {
		return nil, err
	}
	out := make([]model.Campaign, 0, len(byName))
	for _, c := range byName {
		if len(c.Incident) > 0 || !AudienceFrom(ctx).Restricted() {
			out = append(out, *c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := startOf(out[i]), startOf(out[j])
		if !a.Equal(b) {
			return a.After(b)
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// Campaign returns the campaign with this name, compared without regard to case.
func (s *Store) Campaign(ctx context.Context, name string) (model.Campaign, error) {
	all, err := s.Campaigns(ctx)
	if err != nil {
		return model.Campaign{}, err
	}
	for _, c := range all {
		if strings.EqualFold(c.Name, name) {
			return c, nil
		}
	}
	return model.Campaign{}, fmt.Errorf("campaign %q: %w", name, ErrNotFound)
}

func startOf(c model.Campaign) time.Time {
	if c.Start == nil {
		return time.Time{}
	}
	return *c.Start
}

// recordedCampaigns reads the campaigns table, keyed by folded name; incident lists are rebuilt
// from the incidents that cite each campaign now.
func (s *Store) recordedCampaigns(ctx context.Context) (map[string]*model.Campaign, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM campaigns`)
	if err != nil {
		return nil, fmt.Errorf("list campaigns: %w", err)
	}
	defer rows.Close()
	out := map[string]*model.Campaign{}
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("list campaigns: %w", err)
		}
		var c model.Campaign
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("decode campaign: %w", err)
		}
		c.Incident = nil
		out[strings.ToLower(c.Name)] = &c
	}
	return out, rows.Err()
}

// addCitedCampaigns fills in each campaign's incidents from incident_campaigns, creating entries
// (dated by their incidents) for campaigns only incidents know of.
func (s *Store) addCitedCampaigns(ctx context.Context, byName map[string]*model.Campaign) error {
	seen, args := AudienceFrom(ctx).seenWhole("i")
	rows, err := s.read.QueryContext(ctx, `SELECT c.campaign, c.incident_id, i.date_start FROM incident_campaigns c
		JOIN incidents i ON i.id = c.incident_id WHERE `+seen+` ORDER BY i.date_start, c.incident_id`, args...)
	if err != nil {
		return fmt.Errorf("list campaign incidents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, id string
		var start sql.NullString
		if err := rows.Scan(&name, &id, &start); err != nil {
			return fmt.Errorf("list campaign incidents: %w", err)
		}
		c, ok := byName[strings.ToLower(name)]
		if !ok {
			c = &model.Campaign{Name: name}
			byName[strings.ToLower(name)] = c
		}
		c.Incident = append(c.Incident, id)
		if !ok || c.Start == nil || c.End == nil {
			widen(c, parseDay(start))
		}
	}
	return rows.Err()
}

// widen stretches a campaign's dates to cover day.
func widen(c *model.Campaign, day *time.Time) {
	if day == nil {
		return
	}
	if c.Start == nil || day.Before(*c.Start) {
		c.Start = day
	}
	if c.End == nil || day.After(*c.End) {
		c.End = day
	}
}
