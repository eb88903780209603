package web

import (
	"fmt"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

func TestNiceCeil(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{{0, 1}, {1, 1}, {3, 5}, {7, 10}, {118, 200}, {240, 500}, {1844, 2000}, {5001, 10000}} {
		if got := niceCeil(tc.in); got != tc.want {
			t.Errorf("niceCeil(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFillMonths(t *testing.T) {
	got := fillMonths([]store.MonthCount{{Month: "2023-11", Incidents: 2}, {Month: "2024-02", Incidents: 1}})
	if want := "[{2023-11 2 0} {2023-12 0 0} {2024-01 0 0} {2024-02 1 0}]"; fmt.Sprint(got) != want {
		t.Errorf("fillMonths = %v, want %s", got, want)
	}
}

func TestMonthTicks(t *testing.T) {
	for _, tc := range []struct {
		month     string
		i, n      int
		want      string
		wantShown bool
	}{
		{"2023-08", 0, 11, "Aug 2023", true},
		{"2023-10", 2, 11, "Oct", true},
		{"2023-11", 3, 11, "", false},
		{"2024-01", 5, 11, "Jan 2024", true},
		{"2019-01", 30, 60, "2019", true},
		{"2019-04", 33, 60, "", false},
		{"2019-01", 30, 130, "", false}, // long series: even years only
		{"2020-01", 42, 130, "2020", true},
	} {
		m, _ := time.Parse("2006-01", tc.month)
		got, shown := monthTick(m, tc.i, tc.n)
		if got != tc.want || shown != tc.wantShown {
			t.Errorf("monthTick(%s, %d of %d) = %q %v, want %q %v", tc.month, tc.i, tc.n, got, shown, tc.want, tc.wantShown)
		}
	}
}

func TestMonthlyChartGeometry(t *testing.T) {
	c := monthlyChart([]store.MonthCount{{Month: "2024-01", Incidents: 4}, {Month: "2024-03", Incidents: 2}}, 120)
	if len(c.Bars) != 3 || c.Max != 4 {
		t.Fatalf("%d bars, max %d; want 3 months, max 4", len(c.Bars), c.Max)
	}
	full, half := c.Bars[0].H, c.Bars[2].H
	if full <= 0 || half*2 != full || c.Bars[1].H != 0 {
		t.Errorf("bar heights %v %v %v: want full, zero, half", full, c.Bars[1].H, half)
	}
	if c.Bars[0].Y+c.Bars[0].H != c.Height-chartBottom {
		t.Errorf("bars do not stand on the axis")
	}
	if empty := monthlyChart(nil, 120); !empty.Empty {
		t.Errorf("no months: chart not empty")
	}
}

func TestHistoryChart(t *testing.T) {
	n := func(v int) *int { return &v }
	day := func(s string) model.Date {
		d, _ := time.Parse(model.DateLayout, s)
		return model.Date{Start: d, Precision: model.PrecisionDay}
	}
	if historyChart(nil) != nil {
		t.Errorf("empty history drew a chart")
	}
	c := historyChart([]model.EstimatePoint{
		{Reported: day("2024-03-12"), Best: n(118), Low: n(118), High: n(118)},
		{Reported: day("2024-03-14"), Best: n(240), Low: n(118), High: n(300)},
	})
	if len(c.Points) != 2 || c.Points[0].Y <= c.Points[1].Y {
		t.Errorf("points %+v: the later, larger estimate should sit higher", c.Points)
	}
	if got := fmt.Sprint(c.XTicks[0].Label, c.XTicks[1].Label, c.YTicks[2].Label); got != "12 Mar14 Mar500" {
		t.Errorf("labels = %s", got)
	}
}

func TestClaimRange(t *testing.T) {
	n := func(v int) *int { return &v }
	c := claimRange(model.Estimate{Best: n(60), Low: n(60), High: n(90), Claims: []model.Claim{{Low: n(90), High: n(90)}, {Low: n(60), High: n(60)}}})
	if c.MaxLabel != "100" || len(c.Claims) != 2 || c.Claims[0].X <= c.Claims[1].X || c.Best.X != c.Claims[1].X {
		t.Errorf("range chart %+v", c)
	}
}
