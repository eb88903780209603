package review

import (
	"errors"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

func num(n int) *int { return &n }

func TestActiveDropsUndoneActions(t *testing.T) {
	log := []Action{{ID: 1, Kind: Hide}, {ID: 2, Kind: Confirm}, {ID: 3, Kind: Undo, Undoes: 1}, {ID: 4, Kind: Set}}
	got := Active(log)
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 4 {
		t.Fatalf("got %+v, want actions 2 and 4", got)
	}
}

func TestResolveFollowsMerges(t *testing.T) {
	o := NewOverrides([]Action{
		{ID: 1, Kind: Merge, Incident: "b", Others: []string{"c"}},
		{ID: 2, Kind: Merge, Incident: "a", Others: []string{"b"}},
	})
	for _, tc := range []struct{ id, want string }{{"a", "a"}, {"b", "a"}, {"c", "a"}, {"d", "d"}} {
		if got := o.Resolve(tc.id); got != tc.want {
			t.Errorf("Resolve(%s) = %s, want %s", tc.id, got, tc.want)
		}
	}
}

func TestClaimOverrides(t *testing.T) {
	claim := model.Claim{Metric: model.Escaped, DocumentID: "d1", Start: 10, End: 40, Low: num(50), High: num(50), Qualifier: "exact", Claimant: "police"}
	key := KeyOf(claim)
	moved := model.Claim{Metric: model.Recaptured, Claimant: "warden", ClaimantRole: model.RoleDefender}
	tests := []struct {
		name     string
		log      []Action
		keep     bool
		claimant string
		metric   model.Metric
	}{
		{"untouched", nil, true, "police", model.Escaped},
		{"accepted", []Action{{ID: 1, Kind: Accept, Claim: &key}}, true, "police", model.Escaped},
		{"rejected", []Action{{ID: 1, Kind: Reject, Claim: &key, Why: "rumour"}}, false, "", ""},
		{"reject undone", []Action{{ID: 1, Kind: Reject, Claim: &key}, {ID: 2, Kind: Undo, Undoes: 1}}, true, "police", model.Escaped},
		{"reattributed", []Action{{ID: 1, Kind: Reattribute, Claim: &key, NewClaim: &moved}}, true, "warden", model.Recaptured},
		{"reattributed then rejected under its new key", []Action{{ID: 1, Kind: Reattribute, Claim: &key, NewClaim: &moved},
			{ID: 2, Kind: Reject, Claim: &ClaimKey{Document: "d1", Metric: model.Recaptured, Start: 10, End: 40}}}, false, "", ""},
	}
	for _, tc := range tests {
		got, keep := NewOverrides(tc.log).Claim(claim)
		if keep != tc.keep || (keep && (got.Claimant != tc.claimant || got.Metric != tc.metric)) {
			t.Errorf("%s: got %s %s kept=%v, want %s %s kept=%v", tc.name, got.Claimant, got.Metric, keep, tc.claimant, tc.metric, tc.keep)
		}
		if keep && *got.Low != 50 {
			t.Errorf("%s: a reattribute without a value changed the value to %d", tc.name, *got.Low)
		}
	}
}

func TestApplyAndState(t *testing.T) {
	at := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	o := NewOverrides([]Action{
		{ID: 1, Kind: Set, Incident: "b", Field: "facility", Value: "Old Fort jail", Who: "ana", At: at},
		{ID: 2, Kind: Merge, Incident: "a", Others: []string{"b"}, Who: "ana", At: at},
		{ID: 3, Kind: Set, Incident: "a", Field: "type", Value: "riot", Who: "ben", At: at.Add(time.Hour)},
		{ID: 4, Kind: Confirm, Incident: "a", Grade: Weak, Who: "ben", At: at.Add(2 * time.Hour)},
		{ID: 5, Kind: Hide, Incident: "c", Who: "ana", At: at},
	})
	inc := model.Incident{ID: "a", Type: model.FacilityAttack, Facility: "machine name"}
	o.Apply(&inc)
	if inc.Type != model.Riot || inc.Facility != "Old Fort jail" {
		t.Errorf("applied: type %s facility %q, want riot and the merged incident's correction", inc.Type, inc.Facility)
	}
	if s := o.State("a"); !s.Reviewed || s.Grade != "weak" || s.Hidden || s.By != "ben" {
		t.Errorf("state of a: %+v", s)
	}
	if s := o.State("c"); !s.Hidden {
		t.Errorf("state of c: %+v, want hidden", s)
	}
	if s := o.State("d"); s.Reviewed {
		t.Errorf("state of an unreviewed incident: %+v", s)
	}
}

func TestSetField(t *testing.T) {
	tests := []struct {
		field, value string
		check        func(model.Incident) bool
		ok           bool
	}{
		{"type", "mass_escape", func(i model.Incident) bool { return i.Type == model.MassEscape }, true},
		{"type", "picnic", nil, false},
		{"date", "2023-02-01..2023-02-03", func(i model.Incident) bool { return i.Date.End != nil && i.Date.End.Day() == 3 }, true},
		{"date", "2023-02-03..2023-02-01", nil, false},
		{"date_precision", "month", func(i model.Incident) bool { return i.Date.Precision == model.PrecisionMonth }, true},
		{"country", "pe", func(i model.Incident) bool { return i.Place.Country == "PE" }, true},
		{"country", "Peru", nil, false},
		{"coordinates", "-16.4, -71.5", func(i model.Incident) bool { return i.Place.Lat == -16.4 && i.Place.Precision == model.GeoPlace }, true},
		{"coordinates", "100,0", nil, false},
		{"perpetrators", "Group A, , Group B", func(i model.Incident) bool { return len(i.Perpetrators) == 2 }, true},
		{"methods", "", func(i model.Incident) bool { return i.Methods == nil }, true},
		{"colour", "red", nil, false},
	}
	for _, tc := range tests {
		var inc model.Incident
		err := SetField(&inc, tc.field, tc.value)
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("SetField(%s, %q): err %v, want ok=%v", tc.field, tc.value, err, tc.ok)
			continue
		}
		if tc.ok && !tc.check(inc) {
			t.Errorf("SetField(%s, %q) gave %+v", tc.field, tc.value, inc)
		}
	}
}

func TestClaimKeyRoundTrip(t *testing.T) {
	k := ClaimKey{Document: "ab12", Metric: model.Killed, Start: 3, End: 40}
	got, err := ParseClaimKey(k.String())
	if err != nil || got != k {
		t.Fatalf("ParseClaimKey(%s) = %+v, %v", k, got, err)
	}
	for _, bad := range []string{"ab12:killed", "ab12:killed:9-3", "ab12:killed:x-3"} {
		if _, err := ParseClaimKey(bad); err == nil {
			t.Errorf("ParseClaimKey(%q) took it", bad)
		}
	}
}

func TestCheck(t *testing.T) {
	key := ClaimKey{Document: "d", Metric: model.Escaped, Start: 0, End: 4}
	tests := []struct {
		a  Action
		ok bool
	}{
		{Action{Kind: Hide, Incident: "a"}, false}, // nobody
		{Action{Who: "x", Kind: Hide, Incident: "a"}, true},
		{Action{Who: "x", Kind: Merge, Incident: "a"}, false},
		{Action{Who: "x", Kind: Reject, Claim: &key}, false},
		{Action{Who: "x", Kind: Reject, Claim: &key, Why: "double count"}, true},
		{Action{Who: "x", Kind: Set, Incident: "a", Field: "type", Value: "nope"}, false},
		{Action{Who: "x", Kind: Copy, Document: "d", Target: "d"}, false},
		{Action{Who: "x", Kind: "bless", Incident: "a"}, false},
	}
	for _, tc := range tests {
		if err := tc.a.Check(); (err == nil) != tc.ok {
			t.Errorf("Check(%+v) = %v, want ok=%v", tc.a, err, tc.ok)
		}
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in        string
		low, high int // -1 for open
		qualifier string
		ok        bool
	}{
		{"120", 120, 120, "exact", true},
		{"1,100", 1100, 1100, "exact", true},
		{"~80", 80, 80, "approx", true},
		{"100-150", 100, 150, "range", true},
		{">200", 200, -1, "more_than", true},
		{"<300", -1, 300, "up_to", true},
		{"150-100", 0, 0, "", false},
		{"many", 0, 0, "", false},
	}
	val := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	for _, tc := range tests {
		low, high, q, err := ParseValue(tc.in)
		if (err == nil) != tc.ok || (tc.ok && (val(low) != tc.low || val(high) != tc.high || q != tc.qualifier)) {
			t.Errorf("ParseValue(%q) = %d, %d, %q, %v", tc.in, val(low), val(high), q, err)
		}
	}
}

func TestNames(t *testing.T) {
	merge := Action{Kind: Merge, Incident: "a", Others: []string{"b"}}
	offTopic := Action{Kind: OffTopic, Document: "d", Moved: []Move{{Document: "d", Index: 0, From: "c"}}}
	copyOf := Action{Kind: Copy, Document: "d", Target: "e"}
	for _, tc := range []struct {
		a        Action
		incident string
		want     bool
	}{
		{merge, "a", true}, {merge, "b", true}, {merge, "c", false},
		{offTopic, "c", true}, {offTopic, "d", false},
		{copyOf, "e", false},
	} {
		if got := tc.a.Names(tc.incident); got != tc.want {
			t.Errorf("%s names %s: %v, want %v", tc.a.Kind, tc.incident, got, tc.want)
		}
	}
}

func TestRenameFacility(t *testing.T) {
	old := link.FacilityID("PE", "Qenqoro jail")
	o := NewOverrides([]Action{{ID: 1, Kind: RenameFacility, Facility: old, Value: "Qenqoro Prison"}})
	inc := model.Incident{ID: "a", Facility: "QENQORO JAIL", Place: model.Place{Country: "PE"}}
	other := model.Incident{ID: "b", Facility: "Qenqoro jail", Place: model.Place{Country: "BO"}}
	o.Apply(&inc)
	o.Apply(&other)
	if inc.Facility != "Qenqoro Prison" || other.Facility != "Qenqoro jail" {
		t.Errorf("after the rename: %q in PE, %q in BO", inc.Facility, other.Facility)
	}
	if !o.Corrects("anything") {
		t.Error("a facility rename may change any incident")
	}
}
