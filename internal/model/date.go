package model

import "time"

// Precision says how exactly a date is known.
type Precision string

// Precisions from finest to coarsest.
const (
	PrecisionDay   Precision = "day"
	PrecisionWeek  Precision = "week"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Rank orders precisions: a larger rank is coarser. Unknown precisions rank coarsest.
func (p Precision) Rank() int {
	switch p {
	case PrecisionDay:
		return 0
	case PrecisionWeek:
		return 1
	case PrecisionMonth:
		return 2
	case PrecisionYear:
		return 3
	}
	return 4
}

// Tolerance is how many days either side of a date at this precision may still be the same day.
func (p Precision) Tolerance() int {
	switch p {
	case PrecisionDay:
		return 1
	case PrecisionWeek:
		return 7
	case PrecisionMonth:
		return 31
	}
	return 366
}

// Date is a calendar date with the precision it is known to. Start is a UTC midnight; for a
// month or a year it is the first day. End is set when the text gives a span ("20-30 January").
type Date struct {
	Start     time.Time
	End       *time.Time
	Precision Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Start.IsZero() }

// LastDay is the last day the date can stand for: the end of its span ("20-30 January") or else
// its Start, carried to the end of the month or year when the date is a calendar month or year.
func (d Date) LastDay() time.Time {
	start := d.Start.UTC()
	end := start
	if d.End != nil && d.End.After(start) {
		end = d.End.UTC()
	}
	switch {
	case d.Precision == PrecisionMonth && start.Day() == 1:
		return time.Date(end.Year(), end.Month()+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	case d.Precision == PrecisionYear && start.YearDay() == 1:
		return time.Date(end.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return end
}

// DateLayout is the wire form of a day.
const DateLayout = "2006-01-02"
