package pipeline_test

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// TestRefreshWavesEqualsWholeIncidents refreshes the waves of a generated store (the seeded
// stories, 1,000 generated incidents and a planted burst whose reports name each other's
// facilities and carry a perpetrator's claims) and requires the waves detection finds over whole
// incidents, read as before the compact read. A second refresh with nothing changed must keep
// them as they are; other parameters, and the defaults after them, must run detection again; and
// hiding an incident must refresh them, again as detection over whole incidents finds them.
func TestRefreshWavesEqualsWholeIncidents(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := storetest.Seed(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := storetest.SeedMany(ctx, s, 1000); err != nil {
		t.Fatal(err)
	}
	storeBurst(t, s)
	family := func(actor string) string {
		if actor == "Delta Night Riders" || actor == "Burst Brigade" {
			return "Night Riders family"
		}
		return ""
	}
	first, err := pipeline.RefreshWaves(ctx, s, family, analyse.DefaultParams(), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if first.Kept || len(first.Analysis.Waves) == 0 {
		t.Fatalf("first refresh: kept %v, %d waves: want a new run finding the planted burst", first.Kept, len(first.Analysis.Waves))
	}
	requireWholeIncidentWaves(t, s, family, first.Analysis)
	requireEvidence(t, first.Analysis, "cites", "same_claimant", "same_family", "shared_method")

	again, err := pipeline.RefreshWaves(ctx, s, family, analyse.DefaultParams(), time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !again.Kept || !reflect.DeepEqual(again.Analysis, first.Analysis) || len(again.New) != 0 {
		t.Fatalf("refresh with nothing changed: kept %v, new %v, same analysis %v: want the stored run kept",
			again.Kept, again.New, reflect.DeepEqual(again.Analysis, first.Analysis))
	}

	other := analyse.DefaultParams()
	other.MinIncidents = 4
	for _, p := range []analyse.Params{other, analyse.DefaultParams()} {
		r, err := pipeline.RefreshWaves(ctx, s, family, p, time.Date(2030, 1, 2, 12, 0, 0, 0, time.UTC))
		if err != nil || r.Kept || r.Analysis.Method.MinIncidents != p.MinIncidents {
			t.Fatalf("refresh with at least %d incidents after another run: kept %v, minimum %d, %v; want a new run",
				p.MinIncidents, r.Kept, r.Analysis.Method.MinIncidents, err)
		}
	}

	hideIncident(t, s, first.Analysis.Waves[0].Incidents[0])
	changed, err := pipeline.RefreshWaves(ctx, s, family, analyse.DefaultParams(), time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if changed.Kept {
		t.Fatal("refresh after an incident was hidden kept the stored waves: want a new run")
	}
	requireWholeIncidentWaves(t, s, family, changed.Analysis)
}

// requireWholeIncidentWaves fails unless got holds the waves detection finds over the stored
// incidents read whole (brief incidents and the perpetrators' claims), with the same citation check.
func requireWholeIncidentWaves(t *testing.T, s *store.Store, family analyse.Family, got model.WaveAnalysis) {
	t.Helper()
	ctx := context.Background()
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := s.PerpetratorClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range incs {
		for _, c := range claims[incs[i].ID] {
			e := incs[i].Metrics[c.Metric]
			e.Claims = append(e.Claims, c)
			incs[i].Metrics[c.Metric] = e
		}
	}
	p := analyse.DefaultParams()
	p.Cites = pipeline.ReportsCite(ctx, s)
	want, err := analyse.Detect(incs, family, p)
	if err != nil {
		t.Fatal(err)
	}
	want.ComputedAt = got.ComputedAt
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("refreshed waves differ from detection over whole incidents:\ngot  %+v\nwant %+v", got, want)
	}
}

// requireEvidence fails unless some link of the analysis carries each kind of evidence.
func requireEvidence(t *testing.T, a model.WaveAnalysis, kinds ...string) {
	t.Helper()
	seen := map[string]bool{}
	for _, w := range a.Waves {
		for _, l := range w.Links {
			for _, e := range l.Evidence {
				seen[e.Kind] = true
			}
		}
	}
	for _, k := range kinds {
		if !seen[k] {
			t.Errorf("no %s evidence in the waves: the comparison would not cover it", k)
		}
	}
}

// storeBurst stores eight attacks, two a day, by one group (or its family), each told by
// a report of its own that names the next one's facility and carries the group's claim.
func storeBurst(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	day := time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC)
	facilities := []string{"Amberfield prison", "Cobalt Ridge jail", "Willowmere prison", "Saltmarsh jail", "Quarry Hill prison",
		"Ferngrove jail", "Ironwood prison", "Central Prison", "Amberfield prison"}
	actors := []string{"Burst Brigade", "Delta Night Riders"}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i := range 8 {
			id := fmt.Sprintf("burst-doc-%d", i)
			text := fmt.Sprintf("The Burst Brigade said its fighters stormed %s; the attack followed one on %s.", facilities[i], facilities[i+1])
			pub := day.AddDate(0, 0, i+1)
			d := model.Document{ID: id, Source: id + ".txt", Text: text, Raw: []byte(text), ContentHash: "hash-" + id, Format: "text", Published: &pub, IngestedAt: pub}
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			freed := 10 * (i + 1)
			claim := model.Claim{Metric: model.Escaped, Low: &freed, High: &freed, Qualifier: "exact", Claimant: "Burst Brigade",
				ClaimantRole: model.RolePerpetrator, DocumentID: id, Quote: text, End: len(text)}
			inc := model.Incident{ID: fmt.Sprintf("inc-burst-%d", i), Type: model.FacilityAttack, Facility: facilities[i],
				Date: model.Date{Start: day.AddDate(0, 0, i/2), Precision: model.PrecisionDay}, Place: model.Place{Country: "XK"},
				Perpetrators: []string{actors[i%2]}, Methods: []string{"vbied"}, Campaigns: []string{"Breaking the Gates"},
				Documents: []model.DocumentRef{{ID: id, Source: d.Source}},
				Metrics:   map[model.Metric]model.Estimate{model.Escaped: {Best: &freed, Claims: []model.Claim{claim}}}}
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// hideIncident records a review that says the incident is not one.
func hideIncident(t *testing.T, s *store.Store, id string) {
	t.Helper()
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		return tx.PutReviewState(context.Background(), id, model.Review{Reviewed: true, Hidden: true, By: "tester", At: time.Now()})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRefreshWavesReusesCitations requires a refresh to answer the citation check from the
// answers earlier runs stored rather than reading the reports again: with every report's text
// blanked after the first run, a second run over the same incidents finds the same citations;
// and a run keeps only the answers it asked for.
func TestRefreshWavesReusesCitations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storetest.SeedMany(ctx, s, 1000); err != nil {
		t.Fatal(err)
	}
	storeBurst(t, s)
	day := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	first, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), day)
	if err != nil {
		t.Fatal(err)
	}
	requireEvidence(t, first.Analysis, "cites")
	stored, err := s.WaveReportNames(ctx)
	if err != nil || len(stored) == 0 {
		t.Fatalf("stored answers %v, %v: want the first run's", stored, err)
	}
	execSQL(t, path, `UPDATE documents SET text = ''`)
	extra := maps.Clone(stored)
	extra["a report no run asks about"] = store.ReportNames{Upto: 1, Found: []int{1}}
	if err := s.ReplaceWaveReportNames(ctx, stored, extra); err != nil {
		t.Fatal(err)
	}
	again := refreshAgain(t, s, first.Analysis, day.AddDate(0, 0, 1))
	again.ComputedAt = first.Analysis.ComputedAt
	if !reflect.DeepEqual(again, first.Analysis) {
		t.Fatalf("refresh over blanked texts differs from the first run: want the stored answers\ngot  %+v\nwant %+v", again, first.Analysis)
	}
	after, err := s.WaveReportNames(ctx)
	if err != nil || !reflect.DeepEqual(after, stored) {
		t.Errorf("answers after the second run: %d, %v; want the %d the run asked for", len(after), err, len(stored))
	}
}

// TestIncrementalRefreshEqualsFull changes a store between two refreshes, as an ingest does,
// and requires the second refresh, which reuses the first's answers, to give the waves a refresh
// without any stored answer gives, and those detection over whole incidents gives.
func TestIncrementalRefreshEqualsFull(t *testing.T) {
	day := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		change func(t *testing.T, s *store.Store)
		same   bool // the waves stay as they were
	}{
		{"a report naming another facility joins a citing incident", func(t *testing.T, s *store.Store) {
			addReport(t, s, "inc-burst-0", "burst-doc-0b", "Fighters freed at Ironwood prison were seen again.")
		}, false},
		{"a report ahead of the others joins an incident", func(t *testing.T, s *store.Store) {
			addReport(t, s, "inc-burst-3", "burst-doc-", "The raid recalled the one on Amberfield prison.")
		}, false},
		{"a report naming no facility joins an incident", func(t *testing.T, s *store.Store) {
			addReport(t, s, "inc-burst-5", "burst-doc-5b", "Residents heard gunfire through the night.")
		}, true},
		{"an incident of the burst is hidden", func(t *testing.T, s *store.Store) { hideIncident(t, s, "inc-burst-2") }, false},
		{"an incident joins the burst", func(t *testing.T, s *store.Store) {
			inc := model.Incident{ID: "inc-burst-8", Type: model.FacilityAttack, Facility: "Lanternfield prison", Perpetrators: []string{"Burst Brigade"},
				Date: model.Date{Start: time.Date(2019, 6, 12, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay}, Place: model.Place{Country: "XK"}}
			if err := s.InTx(context.Background(), func(tx *store.Tx) error { return tx.PutIncident(context.Background(), inc) }); err != nil {
				t.Fatal(err)
			}
			addReport(t, s, inc.ID, "burst-doc-8", "The attack on Lanternfield prison came a day after the one on Willowmere prison.")
		}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			if err := storetest.SeedMany(ctx, s, 1000); err != nil {
				t.Fatal(err)
			}
			storeBurst(t, s)
			first, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), day)
			if err != nil {
				t.Fatal(err)
			}
			c.change(t, s)
			incremental, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), day.AddDate(0, 0, 1))
			if err != nil || incremental.Kept {
				t.Fatalf("refresh after the change: kept %v, %v; want a new run", incremental.Kept, err)
			}
			requireEvidence(t, incremental.Analysis, "cites")
			stored, err := s.WaveReportNames(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.ReplaceWaveReportNames(ctx, stored, nil); err != nil {
				t.Fatal(err)
			}
			full := refreshAgain(t, s, incremental.Analysis, day.AddDate(0, 0, 2))
			full.ComputedAt = incremental.Analysis.ComputedAt
			if !reflect.DeepEqual(incremental.Analysis, full) {
				t.Fatalf("incremental refresh differs from a full one:\nincremental %+v\nfull        %+v", incremental.Analysis, full)
			}
			requireWholeIncidentWaves(t, s, nil, incremental.Analysis)
			if same := reflect.DeepEqual(first.Analysis.Waves, incremental.Analysis.Waves); same != c.same {
				t.Errorf("waves the same after the change: %v, want %v", same, c.same)
			}
		})
	}
}

// refreshAgain forgets the digest of the stored run a, so that a refresh with the same inputs
// runs detection again, and returns that run.
func refreshAgain(t *testing.T, s *store.Store, a model.WaveAnalysis, now time.Time) model.WaveAnalysis {
	t.Helper()
	ctx := context.Background()
	if err := s.ReplaceWaves(ctx, a); err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), now)
	if err != nil || r.Kept {
		t.Fatalf("refresh with the digest forgotten: kept %v, %v; want a new run", r.Kept, err)
	}
	return r.Analysis
}

// addReport stores a report with the text given and adds it to an incident's documents.
func addReport(t testing.TB, s *store.Store, incidentID, docID, text string) {
	t.Helper()
	ctx := context.Background()
	inc, err := s.Incident(ctx, incidentID)
	if err != nil {
		t.Fatal(err)
	}
	pub := inc.Date.Start.AddDate(0, 0, 1)
	d := model.Document{ID: docID, Source: docID + ".txt", Text: text, Raw: []byte(text), ContentHash: "hash-" + docID, Format: "text", Published: &pub, IngestedAt: pub}
	inc.Documents = append(inc.Documents, model.DocumentRef{ID: docID, Source: d.Source})
	err = s.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertDocument(ctx, d); err != nil {
			return err
		}
		return tx.PutIncident(ctx, inc)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// execSQL runs a statement on the store's file through a connection of its own.
func execSQL(t *testing.T, path, query string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
