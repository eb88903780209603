package model

import (
	"testing"
	"time"
)

func TestLastDay(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(DateLayout, s); return d }
	end := day("2020-01-30")
	tests := []struct {
		d    Date
		want string
	}{
		{Date{Start: day("2020-01-20"), Precision: PrecisionDay}, "2020-01-20"},
		{Date{Start: day("2020-01-20"), End: &end, Precision: PrecisionDay}, "2020-01-30"},
		{Date{Start: day("2020-02-01"), Precision: PrecisionMonth}, "2020-02-29"},
		{Date{Start: day("2020-02-10"), Precision: PrecisionMonth}, "2020-02-10"}, // "mid-February": no calendar month
		{Date{Start: day("2019-01-01"), Precision: PrecisionYear}, "2019-12-31"},
		{Date{Start: day("2020-01-13"), Precision: PrecisionWeek}, "2020-01-13"},
	}
	for _, tt := range tests {
		if got := tt.d.LastDay().Format(DateLayout); got != tt.want {
			t.Errorf("LastDay(%v %s) = %s, want %s", tt.d.Start.Format(DateLayout), tt.d.Precision, got, tt.want)
		}
	}
}
