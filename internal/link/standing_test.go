package link

import (
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestStandings(t *testing.T) {
	day := func(d int) model.Date {
		return model.Date{Start: time.Date(2024, 5, d, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay}
	}
	n := func(v int) *int { return &v }
	docs := map[string]model.DocumentRef{"a": {ID: "a"}, "b": {ID: "b"}, "c": {ID: "c", DuplicateOf: "b"}}
	claims := []model.Claim{
		{Metric: model.Escaped, DocumentID: "a", Claimant: "police", Low: n(40), High: n(40), Qualifier: "exact", Reported: day(1)},
		{Metric: model.Escaped, DocumentID: "b", Claimant: "police", Low: n(55), High: n(55), Qualifier: "exact", Reported: day(3)},
		{Metric: model.Escaped, DocumentID: "b", Claimant: "a monitor", Low: n(20), High: n(99), Qualifier: "vague", Reported: day(3)},
		{Metric: model.Escaped, DocumentID: "c", Low: n(60), High: n(60), Qualifier: "exact", Reported: day(4)},
		{Metric: model.Escaped, DocumentID: "a", Claimant: "warden", Qualifier: "vague", Reported: day(1)},
	}
	got := Standings(model.Escaped, claims, docs)
	want := []Standing{
		{Reason: "superseded by a later report of the same source"},
		{Counted: true},
		{Reason: "vague, and other sources give a firm figure"},
		{Counted: true, CopyOf: "b"},
		{Reason: "gives no number"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("claim %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestFacilityID(t *testing.T) {
	a := FacilityID("SY", "al-Rayyan Prison")
	for _, same := range []string{"Rayyan prison", "AL RAYYAN PRISON", "al-Rayyān prison"} {
		if got := FacilityID("sy", same); got != a {
			t.Errorf("FacilityID(%q) = %s, want %s like al-Rayyan Prison", same, got, a)
		}
	}
	if FacilityID("IQ", "al-Rayyan Prison") == a || FacilityID("SY", "Rayyan jail") == a {
		t.Error("another country or another word gave the same facility")
	}
	if FacilityID("SY", " ") != "" {
		t.Error("a blank name has a facility id")
	}
}
