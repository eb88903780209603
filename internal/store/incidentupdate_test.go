package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestUpdateIncidentRow changes an incident's decided fields one version after another through
// UpdateIncident, which sets only the columns that changed, and the same versions of a twin
// through PutIncident, which sets them all: the two rows must hold the same values after every
// version (the ids aside), and the indexes of incidents must agree with the table.
func TestUpdateIncidentRow(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := time.Date(2013, 7, 21, 0, 0, 0, 0, time.UTC)
	end := day.AddDate(0, 0, 2)
	base := model.Incident{Type: model.FacilityAttack, Date: model.Date{Start: day, Precision: model.PrecisionDay},
		Place: model.Place{Country: "XA", Name: "Kolondo", Precision: model.GeoPlace, Lat: 33.29, Lon: 44.06}, Facility: "Kolondo prison"}
	versions := []func(inc *model.Incident){
		func(inc *model.Incident) { inc.Perpetrators = []string{"Red Hand"} },                                     // the data alone
		func(inc *model.Incident) { inc.Type = model.MassEscape },                                                 // an indexed column
		func(inc *model.Incident) { inc.Date = model.Date{Start: day, End: &end, Precision: model.PrecisionDay} }, // a column in no index
		func(inc *model.Incident) {
			inc.Place = model.Place{Country: "XA", Admin1: "North Vale", Precision: model.GeoAdmin1}
		}, // coordinates gone
		func(inc *model.Incident) {
			inc.Place = model.Place{Country: "XB", Name: "Orlin", Precision: model.GeoPlace, Lat: 35.95, Lon: 39.01}
		},
		func(inc *model.Incident) { inc.Facility, inc.Date = "", model.Date{} }, // to NULL and empty
		func(inc *model.Incident) { inc.Facility, inc.Methods = "Tarvo prison", []string{"vbied"} },
	}
	write := func(inc model.Incident, update bool) {
		t.Helper()
		err := s.InTx(ctx, func(tx *Tx) error {
			if update {
				return tx.UpdateIncident(ctx, inc, nil)
			}
			return tx.PutIncident(ctx, inc)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	row := func(id string) string {
		t.Helper()
		cols := strings.Join(decidedColumns[:], ", ")
		rows, err := s.write.QueryContext(ctx, `SELECT `+cols+`, data, updated_at FROM incidents WHERE id = ?`, id)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		if !rows.Next() {
			t.Fatalf("no incident %s", id)
		}
		values := make([]any, len(decidedColumns)+2)
		dest := make([]any, len(values))
		for i := range values {
			dest[i] = &values[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		for i, v := range values {
			if b, ok := v.([]byte); ok {
				values[i] = string(b)
			}
		}
		return strings.ReplaceAll(fmt.Sprintf("%#v", values), id, "ID")
	}
	up, put := base, base
	up.ID, put.ID = "inc-up", "inc-put"
	write(up, false)
	write(put, false)
	for i, change := range versions {
		change(&up)
		change(&put)
		up.UpdatedAt = day.AddDate(0, 0, i+1)
		put.UpdatedAt = up.UpdatedAt
		write(up, true)
		write(put, false)
		if got, want := row(up.ID), row(put.ID); got != want {
			t.Errorf("version %d: updated row\n%s\nwant, as written whole,\n%s", i, got, want)
		}
	}
	var summarised bool
	var check string
	if err := s.write.QueryRowContext(ctx, `SELECT summarised FROM incidents WHERE id = 'inc-up'`).Scan(&summarised); err != nil || !summarised {
		t.Errorf("summarised = %v, %v; want an updated incident marked summarised", summarised, err)
	}
	if err := s.write.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
}
