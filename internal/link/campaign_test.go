package link

import (
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestCampaigns(t *testing.T) {
	inc := func(id, date string, perps []string, campaigns ...string) model.Incident {
		return model.Incident{ID: id, Date: model.Date{Start: day(t, date), Precision: model.PrecisionDay},
			Perpetrators: perps, Campaigns: campaigns}
	}
	incs := []model.Incident{
		inc("inc-3", "2013-07-21", []string{"Islamic State"}, "Breaking the Walls"),
		inc("inc-1", "2012-09-27", []string{"Islamic State Khorasan Province"}, "breaking the walls"),
		inc("inc-2", "2013-03-01", nil, "Breaking  the Walls", "Other Push"),
		inc("inc-4", "2013-05-01", []string{"Taliban"}, "Other Push"),
	}
	got := Campaigns(incs, isFamily)
	if len(got) != 2 {
		t.Fatalf("got %d campaigns, want 2", len(got))
	}
	c := got[0]
	if c.Name != "Breaking the Walls" || c.Actor != "Islamic State" ||
		c.Start.Format(model.DateLayout) != "2012-09-27" || c.End.Format(model.DateLayout) != "2013-07-21" ||
		strings.Join(c.Incident, ",") != "inc-1,inc-2,inc-3" {
		t.Errorf("got %+v, want Breaking the Walls by Islamic State, 2012-09-27..2013-07-21, inc-1..3", c)
	}
	if got[1].Name != "Other Push" || got[1].Actor != "Taliban" {
		t.Errorf("got %s by %s, want Other Push by Taliban", got[1].Name, got[1].Actor)
	}
	if got := Campaigns(nil, nil); len(got) != 0 {
		t.Errorf("got %d campaigns from no incidents, want 0", len(got))
	}
}
