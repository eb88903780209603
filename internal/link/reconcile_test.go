package link

import (
	"fmt"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// claim builds a test claim; lo or hi below zero is an open bound.
func claim(doc, reported string, lo, hi int, q string, role model.Role, claimant string) model.Claim {
	c := model.Claim{Metric: model.Escaped, DocumentID: doc, Qualifier: q, ClaimantRole: role, Claimant: claimant}
	if lo >= 0 {
		c.Low = ip(lo)
	}
	if hi >= 0 {
		c.High = ip(hi)
	}
	if reported != "" {
		d, _ := time.Parse(model.DateLayout, reported)
		c.Reported = model.Date{Start: d, Precision: model.PrecisionDay}
	}
	return c
}

func show(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func estimateString(e model.Estimate) string {
	return fmt.Sprintf("best=%s low=%s high=%s contested=%v", show(e.Best), show(e.Low), show(e.High), e.Contested)
}

func TestReconcile(t *testing.T) {
	tests := []struct {
		name   string
		metric model.Metric
		claims []model.Claim
		want   string
	}{
		{"perpetrator 800, guards none, monitor 300", model.Escaped, []model.Claim{
			claim("a", "2022-01-22", 800, 800, "exact", model.RolePerpetrator, "Amaq"),
			claim("b", "2022-01-23", 0, 0, "exact", model.RoleDefender, "prison guards"),
			claim("c", "2022-02-14", 300, 300, "approx", model.RoleIndependent, "a monitor"),
		}, "best=300 low=0 high=800 contested=true"},
		{"authorities before the perpetrator", model.Escaped, []model.Claim{
			claim("a", "2022-01-25", 800, 800, "exact", model.RolePerpetrator, "Amaq"),
			claim("b", "2022-01-23", 600, 600, "exact", model.RoleGovernment, "ministry"),
		}, "best=600 low=600 high=800 contested=false"},
		{"latest within a tier", model.Escaped, []model.Claim{
			claim("a", "2010-09-08", 759, 759, "exact", model.RoleMedia, ""),
			claim("b", "2010-09-10", 721, 721, "exact", model.RoleMedia, ""),
		}, "best=721 low=721 high=759 contested=false"},
		{"a bound alone is the best", model.Escaped, []model.Claim{
			claim("a", "2013-07-27", 1000, -1, "more_than", model.RoleMedia, ""),
		}, "best=1000 low=1000 high=1000 contested=false"},
		{"a bound agrees with a larger figure", model.Escaped, []model.Claim{
			claim("a", "2005-11-14", 300, -1, "more_than", model.RoleMedia, ""),
			claim("b", "2005-11-20", 389, 389, "exact", model.RoleMedia, ""),
		}, "best=389 low=300 high=389 contested=false"},
		{"up to and a range", model.Escaped, []model.Claim{
			claim("a", "2014-02-06", -1, 300, "up_to", model.RoleIndependent, "observatory"),
			claim("b", "2014-02-06", 150, 200, "range", model.RoleMedia, ""),
		}, "best=175 low=150 high=300 contested=false"},
		{"vague only when nothing else", model.Escaped, []model.Claim{
			claim("a", "2022-01-22", 24, 99, "vague", model.RoleMedia, ""),
			claim("b", "2022-01-23", 300, 300, "exact", model.RoleMedia, ""),
		}, "best=300 low=300 high=300 contested=false"},
		{"vague alone", model.Escaped, []model.Claim{
			claim("a", "2022-01-22", 200, 999, "vague", model.RoleMedia, ""),
		}, "best=599 low=200 high=999 contested=false"},
		{"no usable figure", model.Escaped, []model.Claim{
			claim("a", "2022-01-22", -1, -1, "vague", model.RoleMedia, ""),
		}, "best=nil low=nil high=nil contested=false"},
		{"a source's later statement supersedes its earlier one", model.Recaptured, []model.Claim{
			claim("a", "2022-01-22", 104, 104, "exact", model.RoleDefender, "SDF"),
			claim("b", "2022-01-30", 1100, 1100, "exact", model.RoleDefender, "SDF"),
		}, "best=1100 low=1100 high=1100 contested=false"},
		{"the most corroborated value breaks a tie of date", model.Escaped, []model.Claim{
			claim("a", "2022-01-22", 300, 300, "exact", model.RoleMedia, "reporter A"),
			claim("b", "2022-01-22", 500, 500, "exact", model.RoleMedia, "reporter B"),
			claim("c", "2022-01-22", 500, 500, "exact", model.RoleMedia, "reporter C"),
		}, "best=500 low=300 high=500 contested=false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := estimateString(Reconcile(tt.metric, tt.claims, nil)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReconcileKilledSides(t *testing.T) {
	sided := func(side string, v int, role model.Role, claimant, reported string) model.Claim {
		c := claim("a", reported, v, v, "exact", role, claimant)
		c.Metric, c.Side = model.Killed, side
		return c
	}
	tests := []struct {
		name   string
		claims []model.Claim
		want   string
	}{
		{"totals win over sides", []model.Claim{
			sided("", 5, model.RoleGovernment, "police", "2010-09-08"),
			sided("security", 4, model.RoleGovernment, "police", "2010-09-08"),
			sided("civilians", 1, model.RoleGovernment, "police", "2010-09-08"),
		}, "best=5 low=5 high=5 contested=false"},
		{"unknown side is a total", []model.Claim{
			sided("unknown", 9, model.RoleMedia, "", "2023-11-05"),
			sided("security", 4, model.RoleMedia, "", "2023-11-05"),
		}, "best=9 low=9 high=9 contested=false"},
		{"sides are summed when no total exists", []model.Claim{
			sided("prisoners", 10, model.RoleMedia, "radio", "2025-01-27"),
			sided("prisoners", 132, model.RoleMedia, "news site", "2025-01-29"),
			sided("civilians", 25, model.RoleMedia, "news site", "2025-01-29"),
		}, "best=157 low=35 high=157 contested=true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := estimateString(Reconcile(model.Killed, tt.claims, nil)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReconcileHistory(t *testing.T) {
	claims := []model.Claim{
		claim("b", "2022-01-30", 1100, 1100, "exact", model.RoleDefender, "SDF"),
		claim("a", "2022-01-22", 104, 104, "exact", model.RoleDefender, "SDF"),
		claim("a", "2022-01-26", 1000, -1, "more_than", model.RoleDefender, "SDF"),
		claim("c", "2022-01-22", 89, 89, "exact", model.RoleDefender, "Kurdish-led forces"),
	}
	got := Reconcile(model.Recaptured, claims, nil)
	want := []string{
		"2022-01-22 a best=104 low=104 high=104",
		"2022-01-22 c best=104 low=89 high=104",
		"2022-01-26 a best=1000 low=89 high=1000",
		"2022-01-30 b best=1100 low=89 high=1100",
	}
	if len(got.History) != len(want) {
		t.Fatalf("got %d history points, want %d", len(got.History), len(want))
	}
	for i, p := range got.History {
		line := fmt.Sprintf("%s %s best=%s low=%s high=%s", p.Reported.Start.Format(model.DateLayout), p.DocumentID, show(p.Best), show(p.Low), show(p.High))
		if line != want[i] {
			t.Errorf("history[%d] = %s, want %s", i, line, want[i])
		}
	}
	if got.Claims[0].DocumentID != "a" || got.Claims[3].DocumentID != "b" {
		t.Errorf("claims not in reporting order: %s ... %s", got.Claims[0].DocumentID, got.Claims[3].DocumentID)
	}
	if s := estimateString(got); s != "best=1100 low=89 high=1100 contested=true" {
		t.Errorf("got %s, want best=1100 low=89 high=1100 contested=true", s)
	}
}

func TestReconcileNearDuplicates(t *testing.T) {
	published := time.Date(2022, 1, 22, 0, 0, 0, 0, time.UTC)
	docs := map[string]model.DocumentRef{
		"a-original": {ID: "a-original", Published: &published},
		"b-copy":     {ID: "b-copy", Published: &published, DuplicateOf: "a-original"},
		"0-other":    {ID: "0-other", Published: &published},
	}
	claims := []model.Claim{
		claim("a-original", "", 500, 500, "exact", model.RoleMedia, ""),
		claim("b-copy", "", 500, 500, "exact", model.RoleMedia, ""),
		claim("0-other", "", 300, 300, "exact", model.RoleMedia, ""),
	}
	got := Reconcile(model.Escaped, claims, docs)
	// Counted twice, 500 would be corroborated and win; as one source it ties with 300, and the
	// tie goes to document order.
	if s := estimateString(got); s != "best=300 low=300 high=500 contested=false" {
		t.Errorf("got %s, want best=300 low=300 high=500 contested=false", s)
	}
	if !got.Claims[0].Reported.Start.Equal(published) {
		t.Errorf("got reported %v, want the publication date filled in", got.Claims[0].Reported.Start)
	}
	if source(claims[0], docs) != source(claims[1], docs) {
		t.Error("a near-duplicate document is a different source, want the same")
	}
}

func TestReconcileOrderIndependence(t *testing.T) {
	claims := []model.Claim{
		claim("a", "2022-01-22", 800, 800, "exact", model.RolePerpetrator, "Amaq"),
		claim("b", "2022-01-22", 300, 300, "exact", model.RoleMedia, ""),
		claim("c", "2022-01-22", 300, -1, "more_than", model.RoleMedia, ""),
	}
	want := Reconcile(model.Escaped, claims, nil)
	reversed := []model.Claim{claims[2], claims[1], claims[0]}
	got := Reconcile(model.Escaped, reversed, nil)
	if estimateString(got) != estimateString(want) || got.Claims[0].DocumentID != want.Claims[0].DocumentID {
		t.Errorf("got %s, want %s", estimateString(got), estimateString(want))
	}
}

// TestCurrentAsReconcile: positions given to a Current as a store records them (Latest, then
// Supersedes) estimate what Reconcile estimates of the same claims in reported order: a source's
// later claim replaces its earlier one, one of the same day joins it, an earlier one is dropped.
func TestCurrentAsReconcile(t *testing.T) {
	claims := []model.Claim{
		claim("a", "2022-01-22", 800, 800, "exact", model.RolePerpetrator, "Amaq"),
		claim("b", "2022-01-23", 500, 600, "range", model.RoleGovernment, "ministry"),
		claim("c", "2022-01-23", 650, 650, "exact", model.RoleGovernment, "ministry"),
		claim("d", "2022-01-21", 100, 100, "exact", model.RoleGovernment, "ministry"),
		claim("e", "2022-01-24", 0, -1, "vague", model.RoleMedia, ""),
		claim("f", "2022-01-25", 700, 700, "exact", model.RoleGovernment, "ministry"),
		claim("g", "2022-01-25", 700, 700, "approx", model.RoleIndependent, "a monitor"),
	}
	for n := 1; n <= len(claims); n++ {
		cur := NewCurrent(model.Escaped)
		for _, c := range claims[:n] {
			cur.Claim(c)
			p, ok := PositionOf(model.Escaped, c, nil)
			if !ok {
				continue
			}
			latest, none := cur.Latest(p)
			if replace, join := Supersedes(p, latest, none); replace || join {
				cur.Put(p, c, replace)
			}
		}
		got, want := estimateString(cur.Estimate()), estimateString(Reconcile(model.Escaped, claims[:n], nil))
		if got != want {
			t.Errorf("after %d claims: Current %s, Reconcile %s", n, got, want)
		}
	}
}
