package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestUpdateIncidentLists decides one incident again and again and checks that its actor and
// campaign rows follow its decided lists: UpdateIncident rewrites only a list that changed, read
// from the data stored with the rows.
func TestUpdateIncidentLists(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		return tx.CreateIncident(ctx, "inc-a", "d#0", Window{Country: "NG"}, time.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		facility          string
		actors, campaigns []string
	}{
		{"Northgate", nil, nil},                                                      // a new incident's first decision, no list
		{"Northgate", []string{"Group A"}, nil},                                      // an actor appears
		{"Northgate prison", []string{"Group A"}, nil},                               // another field changes, the list does not
		{"Northgate prison", []string{"Group A", "Group B"}, []string{"Campaign X"}}, // both lists grow
		{"Northgate prison", []string{"Group B"}, []string{"Campaign X"}},            // one shrinks
		{"Northgate", nil, nil},                                                      // both emptied
	} {
		inc := model.Incident{ID: "inc-a", Type: model.FacilityAttack, Facility: step.facility, Perpetrators: step.actors,
			Campaigns: step.campaigns, UpdatedAt: time.Now()}
		if err := s.InTx(ctx, func(tx *Tx) error { return tx.UpdateIncident(ctx, inc, nil) }); err != nil {
			t.Fatal(err)
		}
		for _, table := range []struct {
			name, query string
			want        []string
		}{{"actors", `SELECT actor FROM incident_actors WHERE incident_id = 'inc-a' ORDER BY actor`, step.actors},
			{"campaigns", `SELECT campaign FROM incident_campaigns WHERE incident_id = 'inc-a' ORDER BY campaign`, step.campaigns}} {
			got, err := column[string](s.read.QueryContext(ctx, table.query))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(table.want) {
				t.Errorf("%s after deciding %v %v: rows %v, want %v", table.name, step.actors, step.campaigns, got, table.want)
			}
		}
	}
}
