package web

import (
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestFormatting(t *testing.T) {
	n := func(v int) *int { return &v }
	jan := time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	end := time.Date(2024, 1, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ got, want string }{
		{formatInt(0), "0"},
		{formatInt(1844), "1,844"},
		{formatInt(-1234567), "-1,234,567"},
		{claimFigure(model.Claim{Low: n(118), High: n(118)}), "118"},
		{claimFigure(model.Claim{Low: n(400), High: n(400), Qualifier: "approx"}), "about 400"},
		{claimFigure(model.Claim{Low: n(240)}), "more than 240"},
		{claimFigure(model.Claim{High: n(50)}), "up to 50"},
		{claimFigure(model.Claim{Low: n(20), High: n(30)}), "20–30"},
		{estimateText(model.Estimate{Best: n(240), Low: n(118), High: n(300)}), "240 (118–300)"},
		{estimateText(model.Estimate{Best: n(45), Low: n(45), High: n(45)}), "45"},
		{formatDate(model.Date{Start: jan, Precision: model.PrecisionDay}), "20 Jan 2024"},
		{formatDate(model.Date{Start: jan, Precision: model.PrecisionMonth}), "Jan 2024"},
		{formatDate(model.Date{Start: jan, Precision: model.PrecisionYear}), "2024"},
		{formatDate(model.Date{Start: jan, End: &end, Precision: model.PrecisionDay}), "20 Jan 2024 – 30 Jan 2024"},
		{formatDate(model.Date{}), "date unknown"},
		{countryName("NG"), "Nigeria"},
		{countryName("ng"), "Nigeria"},
		{countryName("Q1"), "Q1"},
		{countryName(""), "Unknown country"},
		{typeLabel(model.ThwartedAttack), "Thwarted attack"},
		{webURL("https://a.example/x?y=1"), "https://a.example/x?y=1"},
		{webURL("javascript:alert(1)"), ""},
		{webURL("examples/owerri.txt"), ""},
		{hostOf("https://www.news.example/a"), "news.example"},
		{plural(1, "source", "sources"), "1 source"},
		{plural(1200, "source", "sources"), "1,200 sources"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
