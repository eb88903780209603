package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Invented reports: two attacks the linker keeps apart, and a later report of the second.
const (
	reportNorth = "DATE: 2024-03-05\nTITLE: Gunmen free inmates in Arequipa\n\nGunmen attacked the Socabaya prison in Arequipa, Peru, on Monday night and freed 120 inmates, the national police said. The attackers blew open the main gate and fought guards for an hour."
	reportSouth = "DATE: 2024-03-06\nTITLE: Prison break in Tacna\n\nArmed men stormed the Pocollay prison in Tacna, Peru, on Monday and 45 inmates escaped, the prison service said. Three guards were killed in the attack."
	reportLater = "DATE: 2024-03-07\nTITLE: Tacna escape figures revised\n\nThe prison service said on Wednesday that 60 inmates escaped from the Pocollay prison in Tacna, Peru, during Monday's attack by armed men, and that 20 had been recaptured."
)

// reviewFixture is a store with the two first reports ingested, and their incidents' ids.
type reviewFixture struct {
	s            *store.Store
	p            *pipeline.Pipeline
	north, south string // incident ids
	southDoc     string
}

func newReviewFixture(t *testing.T) reviewFixture {
	t.Helper()
	ctx := context.Background()
	s := openStore(t)
	p := pipeline.New(s, realStages(t))
	res, err := p.Add(ctx, []model.Document{parse(t, "north.txt", reportNorth), parse(t, "south.txt", reportSouth)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(res[0].Incidents) != 1 || len(res[1].Incidents) != 1 || res[0].Incidents[0] == res[1].Incidents[0] {
		t.Fatalf("want two incidents, got %+v", res)
	}
	return reviewFixture{s: s, p: p, north: res[0].Incidents[0], south: res[1].Incidents[0], southDoc: res[1].Document.ID}
}

// exportJSON is the whole JSON export, hidden incidents included, as the CLI writes it.
func exportJSON(t *testing.T, s *store.Store) []byte {
	t.Helper()
	incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{Hidden: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.JSON(&b, incs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func incident(t *testing.T, s *store.Store, id string) model.Incident {
	t.Helper()
	inc, err := s.Incident(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return inc
}

func act(t *testing.T, p *pipeline.Pipeline, a review.Action) review.Action {
	t.Helper()
	a.Who = "analyst"
	done, err := p.Review(context.Background(), a)
	if err != nil {
		t.Fatalf("%s: %v", a.Kind, err)
	}
	return done
}

func escapedBest(inc model.Incident) int {
	if b := inc.Metrics[model.Escaped].Best; b != nil {
		return *b
	}
	return -1
}

func TestMergeThenNewDocumentJoins(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	act(t, f.p, review.Action{Kind: review.Merge, Incident: f.north, Others: []string{f.south}})
	if _, err := f.s.Incident(ctx, f.south); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("merged incident still stored: %v", err)
	}
	merged := incident(t, f.s, f.north)
	if len(merged.Documents) != 2 || !merged.Review.Reviewed || merged.Review.NewSince {
		t.Fatalf("merged: %d documents, review %+v", len(merged.Documents), merged.Review)
	}
	res, err := f.p.Add(ctx, []model.Document{parse(t, "later.txt", reportLater)})
	if err != nil {
		t.Fatal(err)
	}
	if got := res[0].Incidents; len(got) != 1 || got[0] != f.north {
		t.Fatalf("the later report joined %v, want [%s]", got, f.north)
	}
	merged = incident(t, f.s, f.north)
	if len(merged.Documents) != 3 || !merged.Review.NewSince {
		t.Fatalf("after a new report: %d documents, review %+v", len(merged.Documents), merged.Review)
	}
}

func TestSplitSurvivesReprocess(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	if _, err := f.p.Add(ctx, []model.Document{parse(t, "later.txt", reportLater)}); err != nil {
		t.Fatal(err)
	}
	if n := len(incident(t, f.s, f.south).Documents); n != 2 {
		t.Fatalf("the later report should join the south incident: %d documents", n)
	}
	split := act(t, f.p, review.Action{Kind: review.Split, Incident: f.south, Document: f.southDoc})
	if split.Target == "" || len(incident(t, f.s, split.Target).Documents) != 1 || len(incident(t, f.s, f.south).Documents) != 1 {
		t.Fatalf("split did not move the document to %q", split.Target)
	}
	before := exportJSON(t, f.s)
	if _, _, err := f.p.Reprocess(ctx, pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
		t.Fatal(err)
	}
	if after := exportJSON(t, f.s); !bytes.Equal(before, after) {
		t.Fatalf("reprocess changed a split store:\n%s\nwant\n%s", after, before)
	}
}

func TestRejectSurvivesReprocess(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	if _, err := f.p.Add(ctx, []model.Document{parse(t, "later.txt", reportLater)}); err != nil {
		t.Fatal(err)
	}
	south := incident(t, f.s, f.south)
	if got := escapedBest(south); got != 60 {
		t.Fatalf("escaped best %d before review, want 60", got)
	}
	var later model.Claim
	for _, c := range south.Metrics[model.Escaped].Claims {
		if c.DocumentID != f.southDoc {
			later = c
		}
	}
	key := review.KeyOf(later)
	act(t, f.p, review.Action{Kind: review.Reject, Claim: &key, Why: "counts inmates moved elsewhere"})
	if got := escapedBest(incident(t, f.s, f.south)); got != 45 {
		t.Fatalf("escaped best %d after the reject, want 45", got)
	}
	for _, run := range []string{"reprocess", "re-ingest"} {
		if run == "reprocess" {
			if _, _, err := f.p.Reprocess(ctx, pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.p.Add(ctx, []model.Document{parse(t, "later-again.txt", reportLater)}); err != nil {
			t.Fatal(err)
		}
		inc := incident(t, f.s, f.south)
		if got := escapedBest(inc); got != 45 {
			t.Errorf("after %s: escaped best %d, want 45", run, got)
		}
		for _, c := range inc.Metrics[model.Escaped].Claims {
			if review.KeyOf(c) == key {
				t.Errorf("after %s: the rejected claim is back", run)
			}
		}
	}
}

func TestUndoRestoresExport(t *testing.T) {
	f := newReviewFixture(t)
	north := incident(t, f.s, f.north)
	claim := review.KeyOf(north.Metrics[model.Escaped].Claims[0])
	low, high := 100, 100
	cases := []review.Action{
		{Kind: review.Merge, Incident: f.north, Others: []string{f.south}},
		{Kind: review.Split, Incident: f.south, Document: f.southDoc},
		{Kind: review.Set, Incident: f.north, Field: "place", Value: "Yura"},
		{Kind: review.Set, Incident: f.north, Field: "date", Value: "2024-03-03..2024-03-04"},
		{Kind: review.Hide, Incident: f.south},
		{Kind: review.Confirm, Incident: f.north, Grade: review.Fair},
		{Kind: review.Reject, Claim: &claim, Why: "an early rumour"},
		{Kind: review.Accept, Claim: &claim},
		{Kind: review.Reattribute, Claim: &claim, NewClaim: &model.Claim{Claimant: "regional governor", ClaimantRole: model.RoleGovernment, Low: &low, High: &high, Qualifier: "exact"}},
		{Kind: review.AddClaim, Incident: f.north, NewClaim: &model.Claim{Metric: model.Attackers, DocumentID: north.Documents[0].ID, Start: 0, End: 6, Low: &low, High: &high, Qualifier: "approx"}},
		{Kind: review.OffTopic, Document: f.southDoc},
		{Kind: review.Copy, Document: f.southDoc, Target: north.Documents[0].ID},
		{Kind: review.Delete, Document: f.southDoc},
		{Kind: review.RenameFacility, Facility: link.FacilityID("PE", "Pocollay prison"), Value: "Pocollay penal institution"},
		{Kind: review.RenameFacility, Facility: link.FacilityID("PE", "Pocollay prison"), Target: link.FacilityID("PE", "Socabaya prison")},
	}
	for _, a := range cases {
		t.Run(string(a.Kind)+a.Field, func(t *testing.T) {
			before := exportJSON(t, f.s)
			done := act(t, f.p, a)
			if changed := exportJSON(t, f.s); bytes.Equal(before, changed) && a.Kind != review.Accept {
				t.Errorf("%s changed nothing in the export", a.Kind)
			}
			act(t, f.p, review.Action{Kind: review.Undo, Undoes: done.ID})
			if after := exportJSON(t, f.s); !bytes.Equal(before, after) {
				t.Errorf("undo of %s:\n%s\nwant\n%s", a.Kind, after, before)
			}
		})
	}
	log, err := f.s.ReviewLog(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2*len(cases) || len(review.Active(log)) != 0 {
		t.Errorf("log has %d entries, %d standing; want %d and 0", len(log), len(review.Active(log)), 2*len(cases))
	}
}

func TestReviewRefusesWhatCannotBeDone(t *testing.T) {
	f := newReviewFixture(t)
	missing := review.ClaimKey{Document: "nope", Metric: model.Escaped, Start: 1, End: 2}
	for _, tc := range []struct {
		name string
		a    review.Action
		want error
	}{
		{"unknown incident", review.Action{Kind: review.Hide, Incident: "inc-000000000000"}, store.ErrNotFound},
		{"merge into itself", review.Action{Kind: review.Merge, Incident: f.north, Others: []string{f.north}}, review.ErrInvalid},
		{"split a document the incident lacks", review.Action{Kind: review.Split, Incident: f.north, Document: f.southDoc}, review.ErrInvalid},
		{"reject without reason", review.Action{Kind: review.Reject, Claim: &missing}, review.ErrInvalid},
		{"unknown claim", review.Action{Kind: review.Accept, Claim: &missing}, store.ErrNotFound},
		{"bad grade", review.Action{Kind: review.Confirm, Incident: f.north, Grade: "great"}, review.ErrInvalid},
		{"undo of nothing", review.Action{Kind: review.Undo, Undoes: 99}, store.ErrNotFound},
	} {
		tc.a.Who = "analyst"
		if _, err := f.p.Review(context.Background(), tc.a); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestReviewsSurviveReprocess(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	act(t, f.p, review.Action{Kind: review.Merge, Incident: f.north, Others: []string{f.south}})
	act(t, f.p, review.Action{Kind: review.Set, Incident: f.north, Field: "facility", Value: "Two Rivers jail"})
	act(t, f.p, review.Action{Kind: review.Confirm, Incident: f.north, Grade: review.Weak})
	if _, err := f.p.Add(ctx, []model.Document{parse(t, "later.txt", reportLater)}); err != nil {
		t.Fatal(err)
	}
	before := exportJSON(t, f.s)
	if _, _, err := f.p.Reprocess(ctx, pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
		t.Fatal(err)
	}
	if after := exportJSON(t, f.s); !bytes.Equal(before, after) {
		t.Fatalf("reprocess changed a reviewed store:\n%s\nwant\n%s", after, before)
	}
	inc := incident(t, f.s, f.north)
	if inc.Facility != "Two Rivers jail" || inc.Review.Grade != "weak" || len(inc.Documents) != 3 || !inc.Review.NewSince {
		t.Errorf("after reprocess: facility %q, review %+v, %d documents", inc.Facility, inc.Review, len(inc.Documents))
	}
}

func TestDeletedDocumentStaysDeleted(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	act(t, f.p, review.Action{Kind: review.Delete, Document: f.southDoc, Why: "a film review"})
	if _, err := f.s.Incident(ctx, f.south); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the incident of the deleted document still stands: %v", err)
	}
	if _, err := f.s.Document(ctx, f.southDoc); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the document is still stored: %v", err)
	}
	if _, err := f.p.Add(ctx, []model.Document{parse(t, "south-again.txt", reportSouth)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Document(ctx, f.southDoc); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the deleted document came back with a second ingest: %v", err)
	}
	if _, err := f.s.Incident(ctx, f.south); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("its incident came back with a second ingest: %v", err)
	}
}

func TestUndoOfAMergeMergedFurther(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	third := "DATE: 2024-03-05\nTITLE: Jail raid in Puno\n\nGunmen raided the Yanamayo prison in Puno, Peru, on Monday and freed 15 inmates, the police said."
	res, err := f.p.Add(ctx, []model.Document{parse(t, "third.txt", third)})
	if err != nil || len(res[0].Incidents) != 1 {
		t.Fatalf("third report: %v %+v", err, res)
	}
	puno := res[0].Incidents[0]
	before := exportJSON(t, f.s)
	first := act(t, f.p, review.Action{Kind: review.Merge, Incident: f.north, Others: []string{f.south}})
	act(t, f.p, review.Action{Kind: review.Merge, Incident: puno, Others: []string{f.north}})
	act(t, f.p, review.Action{Kind: review.Undo, Undoes: first.ID})
	if n := len(incident(t, f.s, f.south).Documents); n != 1 {
		t.Errorf("the south incident came back with %d documents, want 1", n)
	}
	if n := len(incident(t, f.s, puno).Documents); n != 2 {
		t.Errorf("the incident merged further has %d documents, want 2 (its own and the north's)", n)
	}
	act(t, f.p, review.Action{Kind: review.Undo, Undoes: first.ID + 1})
	if after := exportJSON(t, f.s); !bytes.Equal(before, after) {
		t.Errorf("undoing both merges did not restore the export:\n%s\nwant\n%s", after, before)
	}
}

func TestRenamedFacilityStaysRenamed(t *testing.T) {
	ctx := context.Background()
	f := newReviewFixture(t)
	act(t, f.p, review.Action{Kind: review.RenameFacility, Facility: link.FacilityID("PE", "Pocollay prison"), Value: "Pocollay penal institution"})
	if _, err := f.p.Add(ctx, []model.Document{parse(t, "later.txt", reportLater)}); err != nil {
		t.Fatal(err)
	}
	if got := incident(t, f.s, f.south).Facility; got != "Pocollay penal institution" {
		t.Errorf("after a new report the facility is %q", got)
	}
	if _, _, err := f.p.Reprocess(ctx, pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
		t.Fatal(err)
	}
	if got := incident(t, f.s, f.south).Facility; got != "Pocollay penal institution" {
		t.Errorf("after reprocess the facility is %q", got)
	}
}
