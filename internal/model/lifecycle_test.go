package model

import (
	"testing"
	"time"
)

func TestLifecycle(t *testing.T) {
	day := func(d int) Date {
		return Date{Start: time.Date(2023, 6, d, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
	}
	n := func(v int) *int { return &v }
	inc := Incident{Metrics: map[Metric]Estimate{
		Escaped:    {History: []EstimatePoint{{Reported: day(2), Best: n(90)}, {Reported: day(5), Best: n(120)}}},
		Recaptured: {History: []EstimatePoint{{Reported: day(1), Best: n(3)}, {Reported: day(4), Best: n(30)}, {Reported: day(5), Best: n(200)}}},
	}}
	got := inc.Lifecycle()
	want := []LifecyclePoint{
		{Reported: day(2).Start, Escaped: 90, Recaptured: 3, AtLarge: 87},
		{Reported: day(4).Start, Escaped: 90, Recaptured: 30, AtLarge: 60},
		{Reported: day(5).Start, Escaped: 120, Recaptured: 200, AtLarge: 0},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if (Incident{}).Lifecycle() != nil {
		t.Error("an incident without figures has a lifecycle")
	}
}
