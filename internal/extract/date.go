package extract

import (
	"cmp"
	"slices"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Ref is the date a text's relative expressions resolve against: the publication date or the
// date of an update section. A zero Date means unknown.
type Ref struct {
	Date      time.Time
	Precision model.Precision
}

// DateMention is a date expression found in a text, resolved to a calendar date.
type DateMention struct {
	Start, End int // byte offsets
	Date       model.Date
	Relative   bool // the date depended on the reference date or on an earlier date of the text
}

// FindDates returns the date expressions of text resolved against ref, in order.
//
// Conventions: a date without a year ("Sept. 27") is the latest such day not after the
// reference, a weekday the latest such day not after it (the reference day itself unless "last"),
// a month without a year the latest such month. A reference known only to a week, month or year
// (see ReferenceOf) lets year-less dates reach to the end of that period and makes weekdays and
// other relative dates as coarse as the reference. With a zero ref, only dates that carry their
// year are returned: callers without a publication date pass ReferenceOf's reference.
// Numeric dates are day first ("20/01/2022"); month first when the day cannot be a month
// ("1/20/2022") or when that reading is the likelier against a publication date (nearerReading:
// "02/09/2019" published in February, "03/04/2012" published on 4 March). "early August 2020", "mid-2020" keep month or year precision and start on the
// first day of the period; "this week", "last month" start on the period's first day (weeks start
// on Monday). "the next day" needs an earlier date in the same text; "the previous day" falls
// back to the reference. Decades ("1990s"), ids ("No. 3") and counts ("3,500") are not dates.
func FindDates(text string, ref Ref) []DateMention {
	return resolveDates(scanDateExprs(builtinUnion(), text, scanPieces(text)), ref)
}

// resolveDates resolves the date expressions of one text in order, each relative one against
// the reference or the last full date before it.
func resolveDates(exprs []dateExpr, ref Ref) []DateMention {
	out, _ := resolveDatesAfter(exprs, ref, storySoFar{}, false, false)
	return out
}

// resolveDatesAfter is resolveDates for a passage that follows text whose last given year was
// st.year (0 if none): "the following year" is the year after it, and a month or day without a
// year after that phrase falls in the year it names ("The following year on 12 June").
// A passage that goes on with the story ("Later on 15 April", continues) reads its dates without
// a year in that last year too. st.anchor is the last day or week of the text before, which
// "the next day" or "two years earlier" count from; a year-less day the text gave before with
// its year (st.told) is that day. It returns the story with the passage's dates. A text that looks back (lookingBack) reads a year-less day in the year
// of its story's last day even when that day falls in the weeks before publication, as an
// anniversary piece dates its story's days (narrativeYear).
func resolveDatesAfter(exprs []dateExpr, ref Ref, st storySoFar, continues, lookingBack bool) ([]DateMention, storySoFar) {
	var out []DateMention
	year, anchor := st.year, st.anchor
	inYear := 0 // the year a year-relative phrase named, for the dates after it
	if continues {
		inYear = year
	}
	for i, e := range exprs {
		if e.rel == dateNoYear && i+1 < len(exprs) && exprs[i+1].start-e.end <= yearPhraseGap {
			// "in March last year", "في مارس من العام ذاته": the year phrase right after says which March
			switch next := exprs[i+1]; {
			case next.rel == dateYearOffset && !ref.Date.IsZero():
				e.rel, e.year = dateAbsolute, ref.Date.Year()+next.n
			case next.rel == dateAnchorYearOffset && year != 0:
				e.rel, e.year = dateAbsolute, year+next.n
			}
		}
		if e.rel == dateAnchorYearOffset {
			if year == 0 {
				continue
			}
			inYear = year + e.n
			start := time.Date(inYear, 1, 1, 0, 0, 0, 0, time.UTC)
			out = append(out, DateMention{Start: e.start, End: e.end, Date: model.Date{Start: start, Precision: model.PrecisionYear}, Relative: true})
			continue
		}
		relative := e.rel != dateAbsolute
		if e.rel == dateNoYear && inYear != 0 {
			e.rel, e.year = dateAbsolute, inYear
		}
		d, ok := resolveDate(e, ref, anchor, false)
		if !ok {
			continue
		}
		if told, ok := toldAgain(e, st.told); ok {
			d = told // "It began on 2 May 1960 [...] On the night of 2 May": the day told before
		} else if e.rel == dateNoYear {
			d = narrativeYear(e, weekdayYear(e, d, year), ref, anchor, year != 0 && anchor != nil && anchor.Start.Year() == year, lookingBack)
			if !lookingBack && (anchor == nil || !anchor.Start.Before(dateMidnight(ref.Date).AddDate(0, 0, -yearlessPastDays))) {
				d = soonAfter(e, d, ref)
			}
		}
		if e.rel == dateAbsolute {
			year = d.Start.Year()
			if d.Precision == model.PrecisionDay && e.endDay == 0 {
				st.told = append(st.told, d)
			}
		}
		out = append(out, DateMention{Start: e.start, End: e.end, Date: d, Relative: relative})
		if d.Precision.Rank() <= model.PrecisionWeek.Rank() {
			a := d
			anchor = &a
		}
	}
	st.year, st.anchor = year, anchor
	return out, st
}

// yearPhraseGap is how many bytes may part a month without a year from a phrase that names its
// year ("March of last year", "مارس من العام الماضي").
const yearPhraseGap = 8

// soonAfter reads a year-less day that the reading before publication puts most of a year back
// as the same day in the weeks after it: "gave them until 12 March to surrender" in a report of
// 20 February, "the inquiry sits until June 3" in one of 28 May. Writers leave out the year of days
// near the time they write; a day almost a year old would carry its year.
func soonAfter(e dateExpr, d model.Date, ref Ref) model.Date {
	if ref.Precision != model.PrecisionDay || e.day == 0 || d.Precision != model.PrecisionDay {
		return d
	}
	day := dateMidnight(ref.Date)
	if !d.Start.Before(day.AddDate(0, 0, -yearlessPastDays)) {
		return d
	}
	next, ok := calendarDate(d.Start.Year()+1, e.month, e.day)
	if !ok || next.Before(day) || next.After(day.AddDate(0, 0, yearlessAheadDays)) {
		return d
	}
	return model.Date{Start: next, Precision: model.PrecisionDay}
}

// yearlessPastDays is how far back a year-less day may lie before publication, and
// yearlessAheadDays how far ahead of it a day told in the weeks to come may lie.
const (
	yearlessPastDays  = 330
	yearlessAheadDays = 31
)

// storySoFar is what the sentences of a text read so far tell the dates of the next: the last
// year given ("the following year"), the last day or week ("the next day"), and the days written
// with their year, which a later year-less day may name again.
type storySoFar struct {
	year   int
	anchor *model.Date
	told   []model.Date
}

// toldAgain returns the day written earlier with its year that a year-less day names again: a
// text that gives "2 May 1960" and then "on the night of 2 May" tells one day, whatever year
// the reading against publication would give.
func toldAgain(e dateExpr, told []model.Date) (model.Date, bool) {
	if e.rel != dateNoYear || e.day == 0 || e.endDay != 0 {
		return model.Date{}, false
	}
	for i := len(told) - 1; i >= 0; i-- {
		if t := told[i].Start; int(t.Month()) == e.month && t.Day() == e.day {
			return told[i], true
		}
	}
	return model.Date{}, false
}

// inferRef finds a reference date in a text whose publication date is unknown, with the month
// and weekday names of a lexicon: the latest date the text gives with its year, preferring full
// dates to months and months to years. A day is lowered to week precision, because a text is
// published some time after the last date it tells. A year that the text's weekdays do not fit
// is none (weekdaysDeny).
func inferRef(lx *lexicon, text string) (Ref, bool) {
	ps := scanPieces(text)
	var best model.Date
	var weekdayDays []dateExpr // days written with their weekday and month but no year
	for _, e := range scanDateExprs(lx, text, ps) {
		if e.rel == dateNoYear && e.weekday != 0 && e.day != 0 && e.month != 0 {
			weekdayDays = append(weekdayDays, e)
		}
		if e.rel != dateAbsolute {
			continue
		}
		d, ok := resolveDate(e, Ref{}, nil, false)
		if !ok || e.yearOnly && sinceBefore(lx, ps, e.start) {
			continue // "raids have grown more frequent since 2012": the report is later than that year
		}
		finer := d.Precision.Rank() < best.Precision.Rank()
		same := d.Precision.Rank() == best.Precision.Rank()
		if best.IsZero() || finer || same && d.Start.After(best.Start) {
			best = d
		}
	}
	if best.IsZero() || best.Precision == model.PrecisionYear && weekdaysDeny(best.Start.Year(), weekdayDays) {
		return Ref{}, false
	}
	p := best.Precision
	if p == model.PrecisionDay {
		p = model.PrecisionWeek
	}
	ref := Ref{Date: best.Start, Precision: p}
	if p != model.PrecisionYear {
		if day, ok := refByWeekday(ref, weekdayDays); ok {
			return Ref{Date: day, Precision: model.PrecisionWeek}, true
		}
	}
	return ref, true
}

// refByWeekday returns the day that the text's first day written with its weekday, day and month
// but no year falls on, when the year ref would give it puts that day on another weekday: a
// year after it, up to weekdayYearReach years after ref's, whose calendar fits the weekday.
// Only later years are tried, as a text is written after the dates it tells ("mercredi 17 mai"
// in a text whose latest full date is February 2016 is Wednesday 17 May 2017).
func refByWeekday(ref Ref, days []dateExpr) (time.Time, bool) {
	if len(days) == 0 {
		return time.Time{}, false
	}
	e := days[0]
	d, ok := resolveDate(e, ref, nil, false)
	if !ok {
		return time.Time{}, false
	}
	if onWeekday(d.Start, e) {
		return time.Time{}, false
	}
	for y := d.Start.Year() + 1; y <= ref.Date.Year()+weekdayYearReach; y++ {
		if t, ok := calendarDate(y, e.month, e.day); ok && onWeekday(t, e) {
			return t, true
		}
	}
	return time.Time{}, false
}

// weekdayYearReach is how many years after the latest full date of an undated text the day it
// writes with a weekday may fall in.
const weekdayYearReach = 2

// weekdaysDeny reports a year in which a day the text writes with its weekday falls on another
// weekday ("lunedì 5 aprile" in a text whose one year is 1800): the year is no year of the story.
func weekdaysDeny(year int, days []dateExpr) bool {
	return slices.ContainsFunc(days, func(e dateExpr) bool {
		t, ok := calendarDate(year, e.month, e.day)
		return ok && !onWeekday(t, e)
	})
}

// onWeekday reports day t as the weekday date expression e writes with it.
func onWeekday(t time.Time, e dateExpr) bool {
	return int(t.Weekday())+1 == e.weekday
}

// sinceBefore reports a cumulative_word ("since", "depuis", "منذ") within sincePhraseWords words
// before byte offset start, only words between: the year after it opens a period that runs up
// to the report ("since 2012", "since the invasion of 2003", "منذ اندلاع الحرب عام 2011").
func sinceBefore(lx *lexicon, ps []piece, start int) bool {
	i, _ := slices.BinarySearchFunc(ps, start, func(p piece, at int) int { return cmp.Compare(p.start, at) })
	for k := i - 1; k >= 0 && k >= i-sincePhraseWords && ps[k].kind == pieceWord; k-- {
		if lx.hasWord(cumulativeWords, foldWord(ps[k].low)) {
			return true
		}
	}
	return false
}

// sincePhraseWords is how many words may stand between "since" and the year of the period it
// opens ("since the US invasion in").
const sincePhraseWords = 4

// dateRel says what a date expression needs to be resolved.
type dateRel uint8

const (
	dateAbsolute         dateRel = iota // the year is given
	dateNoYear                          // month (and day) without a year
	dateDayOfMonth                      // "on the 29th"
	dateWeekday                         // n is the weekday; dir picks before or after the reference
	dateDayOffset                       // n days from the reference
	dateWeekOffset                      // n weeks from the reference's week
	dateMonthOffset                     // n months from the reference's month
	dateYearOffset                      // n years from the reference's year
	dateAnchorOffset                    // n days from the previous date of the text
	dateAnchorYearOffset                // n years from the last year the text gave before ("the following year")
	dateAnniversary                     // n years from the reference, on its day ("25 years ago today")
	dateWeekend                         // the last Saturday and Sunday not after the reference ("over the weekend")
)

// dateExpr is a date expression as written, before resolution.
type dateExpr struct {
	start, end                int
	rel                       dateRel
	year, month, day          int // what the text gives; 0 when absent
	endYear, endMonth, endDay int // the last day, month or year of a span; 0 when none
	prec                      model.Precision
	n, dir                    int
	needAnchor                bool // "the next day" means nothing without an earlier date
	yearOnly                  bool
	swappable                 bool // a numeric date whose day and month could trade places ("02/09/2019")
	weekday                   int  // the weekday written before a day and month, time.Weekday+1; 0 when none
}

// nearerReading reads a numeric date whose day and month could trade places ("03/04/2012") as
// the reading a report likelier means: day-first and month-first conventions both travel, and a
// report tells of days up to its own and close to it. Against a publication date, a reading
// after it loses to one within a month before it, and else the reading within a month of it
// nearer to it wins; day first otherwise.
const nearReference = 31 * 24 * time.Hour

func nearerReading(e dateExpr, ref Ref) dateExpr {
	if !e.swappable || ref.Date.IsZero() {
		return e
	}
	swapped := e
	swapped.day, swapped.month = e.month, e.day
	a, okA := calendarDate(e.year, e.month, e.day)
	b, okB := calendarDate(swapped.year, swapped.month, swapped.day)
	if !okA || !okB {
		return e
	}
	near := func(t time.Time) bool { return t.Sub(ref.Date).Abs() <= nearReference }
	if ref.Precision != model.PrecisionDay {
		if near(b) && !near(a) {
			return swapped
		}
		return e
	}
	latest := dateMidnight(ref.Date).AddDate(0, 0, 1)
	switch afterA, afterB := a.After(latest), b.After(latest); {
	case afterA && !afterB && near(b):
		return swapped
	case afterB && !afterA && near(a):
		return e
	case near(b) && b.Sub(ref.Date).Abs() < a.Sub(ref.Date).Abs():
		return swapped
	}
	return e
}

// weekdayYear checks a year-less day against the weekday written with it: a weekday that is
// not that day's in the year read from the reference but is in the last year the text gave
// ("in 1996 … from Saturday 30 March" in a feature published twenty years later) puts the
// day in that year.
func weekdayYear(e dateExpr, d model.Date, year int) model.Date {
	if e.weekday == 0 || year == 0 || onWeekday(d.Start, e) {
		return d
	}
	if t, ok := calendarDate(year, e.month, e.day); ok && onWeekday(t, e) {
		return model.Date{Start: t, Precision: model.PrecisionDay}
	}
	return d
}

// narrativeYear reads a year-less day in the year of the text's last day before it (anchor), when
// it falls within narrativeSpan after that day and the reading against the reference would put it
// long before publication: a retrospective goes on with its story ("le 14 avril 1971 ... Les
// mutins se rendent le 18 avril" in a report of 2021), while a year-less day of the last weeks is
// the news ("after the attack of 12 January 2019, gunmen struck again on 14 January"), unless the
// text looks back and its story's last day lies a year or more before publication ("Há 30 anos
// ... em dezembro de 1985 ... Na tarde de 31 de dezembro", published on a 31 December).
func narrativeYear(e dateExpr, d model.Date, ref Ref, anchor *model.Date, yearWritten, lookingBack bool) model.Date {
	if anchor == nil || anchor.Precision != model.PrecisionDay || e.day == 0 || ref.Date.IsZero() {
		return d
	}
	storyPast := lookingBack && anchor.Start.Before(dateMidnight(ref.Date).AddDate(-1, 0, 0))
	if dateMidnight(ref.Date).Sub(d.Start) <= narrativeSpan && !storyPast {
		return d
	}
	t, ok := calendarDate(anchor.Start.Year(), e.month, e.day)
	beyond := time.Duration(0)
	if yearWritten {
		beyond = narrativeBeyond
	}
	if !ok || t.Before(anchor.Start) || t.Sub(anchor.Start) > narrativeSpan || t.After(ref.Date.Add(beyond)) {
		return d
	}
	return model.Date{Start: t, Precision: model.PrecisionDay}
}

// narrativeSpan is how long after a retrospective's full date its year-less days may fall, and how
// long before publication a year-less day is news of the report's own weeks.
const narrativeSpan = 60 * 24 * time.Hour

// narrativeBeyond is how far past the date a text is filed under its story's year-less days may
// run when the story's last day was written with its year: an event note is dated at the event's start ("29 May 2004 ... ended on the night of 31
// May"), and a day of the story's own year a few days on is no day of the year before.
const narrativeBeyond = 7 * 24 * time.Hour

// resolveDate turns an expression into a date. forward resolves a year-less date to the first
// such day from a week before the reference on, as update headers follow publication.
func resolveDate(e dateExpr, ref Ref, anchor *model.Date, forward bool) (model.Date, bool) {
	if e.rel == dateAbsolute {
		return absoluteDate(nearerReading(e, ref))
	}
	if e.rel == dateAnchorOffset && anchor != nil {
		return model.Date{Start: anchor.Start.AddDate(0, 0, e.n), Precision: coarserPrecision(e.prec, anchor.Precision)}, true
	}
	if ref.Date.IsZero() || e.needAnchor {
		return model.Date{}, false
	}
	day := dateMidnight(ref.Date)
	limit := day.AddDate(0, 0, dateSlack(ref.Precision))
	relPrec := coarserPrecision(e.prec, ref.Precision)
	if e.rel == dateWeekday && e.day != 0 && ref.Precision.Rank() > model.PrecisionDay.Rank() {
		if t, ok := weekdayOnDay(day, time.Weekday(e.n), e.day); ok {
			return model.Date{Start: t, Precision: model.PrecisionDay}, true
		}
	}
	if ref.Precision.Rank() >= model.PrecisionMonth.Rank() && daysFromReference(e.rel) {
		// "On Monday" in a report filed some time in June: some day of June, not the Monday
		// before the first.
		return model.Date{Start: day, Precision: ref.Precision}, true
	}
	switch e.rel {
	case dateNoYear:
		return noYearDate(e, day, limit, forward, ref.Precision)
	case dateDayOfMonth:
		for back := 0; back < 12; back++ {
			t := time.Date(limit.Year(), limit.Month()-time.Month(back), e.day, 0, 0, 0, 0, time.UTC)
			if t.Day() == e.day && !t.After(limit) {
				return model.Date{Start: t, Precision: coarserPrecision(model.PrecisionDay, ref.Precision)}, true
			}
		}
	case dateWeekday:
		dir := e.dir
		if forward && dir == 0 && day.Weekday() != time.Weekday(e.n) {
			dir = 1
		}
		return model.Date{Start: weekdayDate(day, time.Weekday(e.n), dir), Precision: relPrec}, true
	case dateDayOffset, dateAnchorOffset:
		return model.Date{Start: day.AddDate(0, 0, e.n), Precision: relPrec}, true
	case dateWeekend:
		saturday := day.AddDate(0, 0, -((int(day.Weekday()) + 1) % 7))
		sunday := saturday.AddDate(0, 0, 1)
		return model.Date{Start: saturday, End: &sunday, Precision: relPrec}, true
	case dateWeekOffset:
		monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		return model.Date{Start: monday.AddDate(0, 0, 7*e.n), Precision: relPrec}, true
	case dateMonthOffset:
		return model.Date{Start: time.Date(day.Year(), day.Month()+time.Month(e.n), 1, 0, 0, 0, 0, time.UTC), Precision: relPrec}, true
	case dateYearOffset:
		return model.Date{Start: time.Date(day.Year()+e.n, 1, 1, 0, 0, 0, 0, time.UTC), Precision: relPrec}, true
	case dateAnniversary:
		return model.Date{Start: day.AddDate(e.n, 0, 0), Precision: relPrec}, true
	}
	return model.Date{}, false
}

// daysFromReference reports the relative dates counted in days or weeks from the reference.
func daysFromReference(rel dateRel) bool {
	switch rel {
	case dateWeekday, dateDayOffset, dateWeekend, dateWeekOffset:
		return true
	}
	return false
}

// absoluteDate builds a date whose year the text gives. A span's End is the first day of its
// last period: "20-30 January" ends on 30 January, "2007-08" on 1 January 2008.
func absoluteDate(e dateExpr) (model.Date, bool) {
	start, ok := calendarDate(e.year, max(e.month, 1), max(e.day, 1))
	if !ok {
		return model.Date{}, false
	}
	d := model.Date{Start: start, Precision: e.prec}
	if e.endYear > 0 || e.endMonth > 0 || e.endDay > 0 {
		y, m, day := e.endYear, e.endMonth, e.endDay
		if y == 0 {
			y = e.year
		}
		if m == 0 {
			m = max(e.month, 1)
		}
		if end, ok := calendarDate(y, m, max(day, 1)); ok && end.After(start) {
			d.End = &end
		}
	}
	return d, true
}

// noYearDate places a month (and day) in the latest year that keeps it not after limit, or
// going forward, in the first year that puts it no earlier than a week before the reference.
func noYearDate(e dateExpr, day, limit time.Time, forward bool, refPrec model.Precision) (model.Date, bool) {
	for k := 0; k < 9; k++ {
		y := limit.Year() - k
		if forward {
			y = day.Year() - 1 + k
		}
		t, ok := calendarDate(y, e.month, max(e.day, 1))
		if !ok {
			continue
		}
		fits := !t.After(limit)
		if forward {
			fits = !t.Before(day.AddDate(0, 0, -7))
			if refPrec != model.PrecisionDay {
				fits = !t.Before(day.AddDate(0, -6, 0))
			}
		}
		if fits {
			e.year = y
			e.rel = dateAbsolute
			if e.endMonth > 0 && e.endMonth < e.month {
				e.endYear = y + 1
			}
			return absoluteDate(e)
		}
	}
	return model.Date{}, false
}

// weekdayOnDay finds the day that a weekday written with its day of the month ("domingo (1º)")
// names in a text known only to a week, a month or a year: the first such day from the start of
// that period. Such a reference is the latest date the text tells, and a report's news comes
// after the dates it looks back on; a pair of weekday and day recurs only every few months, so
// the first fit is the one meant. It searches weekdayDayMonths months.
func weekdayOnDay(from time.Time, wd time.Weekday, dayOfMonth int) (time.Time, bool) {
	for k := 0; k < weekdayDayMonths; k++ {
		t := time.Date(from.Year(), from.Month()+time.Month(k), dayOfMonth, 0, 0, 0, 0, time.UTC)
		if t.Day() == dayOfMonth && t.Weekday() == wd && !t.Before(from) {
			return t, true
		}
	}
	return time.Time{}, false
}

// weekdayDayMonths is how many months a weekday with its day of the month is looked for in: every
// pair of weekday and day recurs within fourteen months.
const weekdayDayMonths = 15

// weekdayDate is the latest wd not after day (dir 0), strictly before it (-1) or the first
// strictly after it (+1).
func weekdayDate(day time.Time, wd time.Weekday, dir int) time.Time {
	if dir > 0 {
		ahead := (int(wd) - int(day.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return day.AddDate(0, 0, ahead)
	}
	back := (int(day.Weekday()) - int(wd) + 7) % 7
	if back == 0 && dir < 0 {
		back = 7
	}
	return day.AddDate(0, 0, -back)
}

// calendarDate builds a UTC midnight, rejecting days the month does not have.
func calendarDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func dateMidnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// dateSlack is how far past a reference date its period reaches: a reference known to a week
// may be up to a week later than its date.
func dateSlack(p model.Precision) int {
	switch p {
	case model.PrecisionWeek:
		return 7
	case model.PrecisionMonth:
		return 31
	case model.PrecisionYear:
		return 366
	}
	return 0
}

// coarserPrecision returns the coarser of two precisions; an empty one does not count.
func coarserPrecision(a, b model.Precision) model.Precision {
	if b == "" || a != "" && a.Rank() >= b.Rank() {
		return a
	}
	return b
}

// scanDateExprs finds the date expressions among a text's pieces, in order, unresolved.
func scanDateExprs(lx *lexicon, text string, ps []piece) []dateExpr {
	var out []dateExpr
	for i := 0; i < len(ps); {
		if e, next, ok := matchDateAt(lx, ps, i); ok {
			out = append(out, e)
			i = next
			continue
		}
		i++
	}
	return out
}

// matchDateAt reads a date expression that starts at piece i and returns the next piece index.
func matchDateAt(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	p := &ps[i]
	switch {
	case p.kind == pieceDigits:
		return firstDateMatch(lx, ps, i, matchNumericDate, matchDayFirst, matchYearSpan, matchAgo, matchYearAlone)
	case p.low == "(":
		return matchParenDayMonth(lx, ps, i)
	case p.kind == pieceWord:
		starts := lx.dateTrigger(p.low)
		if starts == 0 {
			break // no date starts with most words: no matcher to go through
		}
		for _, m := range wordDateMatchers {
			if starts&m.start == 0 {
				continue // its first word cannot be this one: "the" opens relative phrases, not weekdays or months
			}
			if e, next, ok := m.match(lx, ps, i); ok {
				return e, next, true
			}
		}
	}
	return dateExpr{}, 0, false
}

// dateStarts is a set of the matchers of date expressions that start with a word, a bit for
// each: the lexicon knows, for each word a date may start with, which of them can read one from
// it (dateStartsOf), so that a common word ("the", "on", "in") is not handed to all six.
type dateStarts uint8

const (
	startsPeriodPart dateStarts = 1 << iota
	startsWeekday
	startsMonth
	startsRelative
	startsAgo
	startsOnThe
	startsOrdinalDay
)

// wordDateMatchers are the matchers of date expressions that start with a word, in the order
// they are tried, each with its bit.
var wordDateMatchers = [...]struct {
	start dateStarts
	match dateMatcher
}{
	{startsPeriodPart, matchPeriodPart},
	{startsWeekday, matchWeekday},
	{startsMonth, matchMonthFirst},
	{startsRelative, matchRelativePhrase},
	{startsAgo, matchAgo},
	{startsOnThe, matchOnThe},
	{startsOrdinalDay, matchOrdinalDay},
}

// dateStartsOf returns the matchers that can read a date expression from a word as written in
// lower case: each fails at once on any other first word (matchPeriodPart without a period-part
// phrase starting with it, matchWeekday without a weekday or a phrase before one, matchMonthFirst
// without a month, matchRelativePhrase without a relative phrase, matchAgo without a phrase before
// a count or a count, matchOnThe without a phrase before a day of the month).
func (lx *lexicon) dateStartsOf(low string) dateStarts {
	var s dateStarts
	if len(lx.phrases[periodPartPhrases][low]) > 0 {
		s |= startsPeriodPart
	}
	if _, ok := lx.weekdays[low]; ok || len(lx.phrases[weekdayBeforePhrases][low]) > 0 {
		s |= startsWeekday
	}
	if _, ok := lx.months[low]; ok || lx.monthHeads[low] {
		s |= startsMonth
	}
	if len(lx.relative[low]) > 0 {
		s |= startsRelative
	}
	if len(lx.phrases[agoBeforePhrases][low]) > 0 || len(lx.phrases[fewPhrases][low]) > 0 ||
		lx.hasWord(oneWordWords, low) || lx.hasWord(fewWordWords, low) || lx.isNumberWord(low) {
		s |= startsAgo
	}
	if len(lx.phrases[dayOfMonthBeforePhrases][low]) > 0 {
		s |= startsOnThe
	}
	if _, ok := lx.phraseValue(ordinalPhrases, low); ok {
		s |= startsOrdinalDay
	}
	return s
}

// matchOrdinalDay reads a day written as an ordinal word, a month_link and a month, with the
// year if one follows: "الثامن عشر من أيار 1987" (the eighteenth of May), "السابع والعشرين من
// حزيران", "the first of May". The link is required: an ordinal right before a month name is as
// often something else's rank.
func matchOrdinalDay(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	day, last, ok := ordinalDayAt(lx, ps, i)
	if !ok || last+1 >= len(ps) || !lx.isPhraseWord(monthLinkPhrases, ps[last+1].low) {
		return dateExpr{}, 0, false
	}
	month, mlast, ok := monthAt(lx, ps, last+2)
	if !ok {
		return dateExpr{}, 0, false
	}
	e := dateExpr{rel: dateNoYear, day: day, month: month, prec: model.PrecisionDay}
	last = mlast
	if y, ylast, ok := yearAfter(lx, ps, last); ok {
		e.rel, e.year, last = dateAbsolute, y, ylast
	}
	return spanned(e, ps, i, last)
}

// ordinalDayAt reads a day of the month written in ordinal words at piece k: an ordinal of one
// to ten, or a unit with the teens' ten or conjoined tens after it ("الثامن عشر", 18th;
// "السابع والعشرين", 27th; lexicon.unitFirstTens).
func ordinalDayAt(lx *lexicon, ps []piece, k int) (int, int, bool) {
	v, ok := lx.phraseValue(ordinalPhrases, ps[k].low)
	if !ok || v > 10 {
		return 0, 0, false
	}
	if v < 10 {
		if day, last := lx.unitFirstTens(ps, k, numberWord{class: wordUnit, value: v}, v); last > k && day <= 31 {
			return day, last, true
		}
	}
	return v, k, true
}

type dateMatcher func(lx *lexicon, ps []piece, i int) (dateExpr, int, bool)

func firstDateMatch(lx *lexicon, ps []piece, i int, matchers ...dateMatcher) (dateExpr, int, bool) {
	for _, m := range matchers {
		if e, next, ok := m(lx, ps, i); ok {
			return e, next, true
		}
	}
	return dateExpr{}, 0, false
}

// spanned sets an expression's byte span to pieces first..last and returns the next index.
func spanned(e dateExpr, ps []piece, first, last int) (dateExpr, int, bool) {
	e.start, e.end = ps[first].start, ps[last].end
	return e, last + 1, true
}

// matchNumericDate reads "2022-01-20", "20/01/2022", "20.01.22" and, when the first figure
// cannot be a month, month-first "1/20/2022".
func matchNumericDate(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	if i+4 >= len(ps) {
		return dateExpr{}, 0, false
	}
	sep := ps[i+1].low
	if sep != "/" && sep != "." && sep != "-" || ps[i+3].low != sep || ps[i+2].kind != pieceDigits || ps[i+4].kind != pieceDigits {
		return dateExpr{}, 0, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !adjacent(ps, k) {
			return dateExpr{}, 0, false
		}
	}
	if i+6 < len(ps) && ps[i+5].low == sep && adjacent(ps, i+5) && ps[i+6].kind == pieceDigits {
		return dateExpr{}, 0, false // "1.2.3.4" is no date
	}
	a, b, c := ps[i].low, ps[i+2].low, ps[i+4].low
	e := dateExpr{prec: model.PrecisionDay}
	switch {
	case len(a) == 4 && len(b) <= 2 && len(c) <= 2 && sep != ".":
		e.year, e.month, e.day = atoiPiece(a), atoiPiece(b), atoiPiece(c)
	case len(a) <= 2 && len(b) <= 2 && (len(c) == 4 || len(c) == 2):
		e.day, e.month, e.year = atoiPiece(a), atoiPiece(b), atoiPiece(c)
		if e.month == 0 {
			e.day, e.month = 0, e.day // "08/00/2021": the month first and a day of zeros, as event datasets write an unknown day
		}
		if e.month > 12 && e.day <= 12 {
			e.day, e.month = e.month, e.day
		}
		e.swappable = e.day <= 12 && e.month <= 12 && e.day != e.month
		if len(c) == 2 {
			e.year += 2000
			if e.year > 2050 {
				e.year -= 100
			}
		}
	default:
		return dateExpr{}, 0, false
	}
	if e.day == 0 {
		e.prec, e.swappable = model.PrecisionMonth, false // "2021-08-00": the day is not known
	}
	if _, ok := calendarDate(e.year, e.month, max(e.day, 1)); !ok || e.year < 1800 {
		return dateExpr{}, 0, false
	}
	return spanned(e, ps, i, i+4)
}

// matchDayFirst reads "20 October 2020", "20th of October", "13 mai", "27 de enero de 2025",
// "1er mai", "20-30 January".
func matchDayFirst(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	day, last, ok := dayAt(lx, ps, i)
	if !ok {
		return dateExpr{}, 0, false
	}
	e := dateExpr{rel: dateNoYear, day: day, prec: model.PrecisionDay}
	if d2, l2, ok := dayRangeEnd(lx, ps, last, day); ok {
		e.endDay, last = d2, l2
	}
	k := last + 1
	if k < len(ps) && lx.isPhraseWord(monthLinkPhrases, ps[k].low) {
		k++
	}
	month, mlast, ok := monthAt(lx, ps, k)
	if !ok {
		return dateExpr{}, 0, false
	}
	e.month, last = month, mlast
	if y, ylast, ok := yearAfter(lx, ps, last); ok {
		e.rel, e.year, last = dateAbsolute, y, ylast
	}
	return spanned(e, ps, i, last)
}

// dayRangeEnd reads the last day of a span after the day ending at piece last: "20-30", "11 to
// 21" (its weekday may come before it: "9 au mercredi 10"), or the next day after a conjunction
// ("Feb. 2 and 3", "2 et 3 février"); two days further apart are two dates ("on 5 and 12 March").
func dayRangeEnd(lx *lexicon, ps []piece, last, day int) (int, int, bool) {
	if last+2 >= len(ps) {
		return 0, 0, false
	}
	second := last + 2
	if oneWordBeforeWeekday(lx, ps, second) {
		second++ // "du jeudi 6 à ce vendredi 7 mars": a word that points at the weekday
	}
	if isWeekdayAt(lx, ps, second) && second+1 < len(ps) {
		second++ // "du lundi 3 au mardi 4 mai": the second day's weekday before it
	}
	switch sep := ps[last+1].low; {
	case sep == "-" || sep == "–" || lx.isPhraseWord(rangeToPhrases, sep): // "from 11 to 21 April", "del 11 al 21 de abril"
		if d2, l2, ok := dayAt(lx, ps, second); ok && d2 > day {
			return d2, l2, true
		}
	case lx.hasWord(conjunctionWords, sep):
		if d2, l2, ok := dayAt(lx, ps, second); ok && d2 == day+1 {
			return d2, l2, true
		}
	}
	return 0, 0, false
}

// oneWordBeforeWeekday reports a one-word weekday_before phrase at piece k with a weekday after
// it ("ce mercredi", "this Wednesday").
func oneWordBeforeWeekday(lx *lexicon, ps []piece, k int) bool {
	if k >= len(ps) || !isWeekdayAt(lx, ps, k+1) {
		return false
	}
	return slices.ContainsFunc(lx.phrasesFrom(weekdayBeforePhrases, ps[k].low), func(m piecePhrase) bool { return len(m.words) == 1 })
}

// monthFollows reports a month name right after piece last.
func monthFollows(lx *lexicon, ps []piece, last int) bool {
	_, _, ok := monthAt(lx, ps, last+1)
	return ok
}

// matchMonthFirst reads "October 20, 2020", "Sept. 27", "January 20th", "July 2013",
// "March, 2014", "enero de 2025", and a month alone after "in", "since", "en"...
func matchMonthFirst(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	month, mlast, ok := monthAt(lx, ps, i)
	if !ok {
		return dateExpr{}, 0, false
	}
	e := dateExpr{rel: dateNoYear, month: month, prec: model.PrecisionDay}
	if day, dlast, ok := dayAt(lx, ps, mlast+1); ok && !lx.hasWord(peopleNounWords, pieceLow(ps, dlast+1)) && !lx.hasWord(thingNounWords, pieceLow(ps, dlast+1)) {
		e.day = day
		if d2, l2, ok := dayRangeEnd(lx, ps, dlast, day); ok && !monthFollows(lx, ps, l2) {
			e.endDay, dlast = d2, l2 // not "January 20th and 21 July": the second day has its own month
		}
		if y, ylast, ok := yearAfter(lx, ps, dlast); ok {
			e.rel, e.year, dlast = dateAbsolute, y, ylast
		}
		return spanned(e, ps, i, dlast)
	}
	e.prec = model.PrecisionMonth
	if y, ylast, ok := yearAfter(lx, ps, mlast); ok {
		e.rel, e.year = dateAbsolute, y
		return spanned(e, ps, i, ylast)
	}
	if i > 0 && lx.has(monthTriggerWords, foldWord(ps[i-1].low)) { // "in", "وفي" (a conjunction written onto it)
		return spanned(e, ps, i, mlast)
	}
	return dateExpr{}, 0, false
}

// matchYearSpan reads "2007-08" and "2013-2014".
func matchYearSpan(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	y, ok := yearValue(ps, i)
	if !ok || i+2 >= len(ps) || !adjacent(ps, i+1) || !adjacent(ps, i+2) || ps[i+2].kind != pieceDigits {
		return dateExpr{}, 0, false
	}
	if s := ps[i+1].low; s != "-" && s != "–" && s != "/" {
		return dateExpr{}, 0, false
	}
	y2 := atoiPiece(ps[i+2].low)
	switch len(ps[i+2].low) {
	case 2:
		y2 += y / 100 * 100
	case 4:
	default:
		return dateExpr{}, 0, false
	}
	if y2 <= y || y2 > y+30 {
		return dateExpr{}, 0, false
	}
	return spanned(dateExpr{year: y, endYear: y2, prec: model.PrecisionYear, yearOnly: true}, ps, i, i+2)
}

// matchYearAlone reads a year standing alone ("in 2004", "the 2013 attack") but not a count
// ("2000 prisoners"), a decade ("1990s"), a time ("2000 GMT") or an id ("Resolution 2170").
func matchYearAlone(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	y, ok := yearValue(ps, i)
	if !ok || y > 2039 {
		return dateExpr{}, 0, false
	}
	if next := i + 1; next < len(ps) {
		n := ps[next]
		glued := adjacent(ps, next) && (n.kind == pieceWord || n.low == "'" || n.low == "’" ||
			(n.low == "," || n.low == ".") && next+1 < len(ps) && ps[next+1].kind == pieceDigits && adjacent(ps, next+1))
		if glued || lx.hasWord(peopleNounWords, n.low) || lx.hasWord(thingNounWords, n.low) || lx.hasWord(measureWordWords, n.low) || lx.hasWord(currencyWords, n.low) ||
			lx.isPhraseWord(timeAfterPhrases, n.low) || n.low == "%" {
			return dateExpr{}, 0, false
		}
	}
	if i > 0 && (adjacent(ps, i) && ps[i-1].kind == pieceWord || currencySigns[ps[i-1].low] || isIDBefore(lx, ps, i) ||
		isHyphenCode(lx, ps, i)) {
		return dateExpr{}, 0, false
	}
	if i > 0 && !lx.union && lx.isPhraseWord(countPrepositionPhrases, ps[i-1].low) {
		return dateExpr{}, 0, false // "sono scappati in 1800": in Italian a year takes the article ("nel 1800")
	}
	return spanned(dateExpr{year: y, prec: model.PrecisionYear, yearOnly: true}, ps, i, i)
}

// matchParenDayMonth reads a day and month in parentheses, as Indonesian news dates a weekday:
// "Kamis (11/7)", and with the year, "Selasa (11/3/2025)".
func matchParenDayMonth(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	if i+4 >= len(ps) || ps[i].low != "(" || ps[i+2].low != "/" || ps[i+1].kind != pieceDigits || ps[i+3].kind != pieceDigits {
		return dateExpr{}, 0, false
	}
	d, m := atoiPiece(ps[i+1].low), atoiPiece(ps[i+3].low)
	if len(ps[i+1].low) > 2 || len(ps[i+3].low) > 2 || m < 1 || m > 12 || d < 1 || d > 31 {
		return dateExpr{}, 0, false
	}
	if ps[i+4].low == ")" {
		return spanned(dateExpr{rel: dateNoYear, day: d, month: m, prec: model.PrecisionDay}, ps, i, i+4)
	}
	if i+6 < len(ps) && ps[i+4].low == "/" && ps[i+6].low == ")" && ps[i+5].kind == pieceDigits && len(ps[i+5].low) == 4 {
		if _, ok := calendarDate(atoiPiece(ps[i+5].low), m, d); ok {
			return spanned(dateExpr{rel: dateAbsolute, year: atoiPiece(ps[i+5].low), day: d, month: m, prec: model.PrecisionDay}, ps, i, i+6)
		}
	}
	return dateExpr{}, 0, false
}

// parenDay reads a day of the month in brackets at piece i, an ordinal suffix allowed: "(15)",
// "(1º)". It returns the day and how many pieces it spans, 0 when there is none.
func parenDay(lx *lexicon, ps []piece, i int) (day, n int) {
	if i+2 >= len(ps) || ps[i].low != "(" || ps[i+1].kind != pieceDigits || len(ps[i+1].low) > 2 {
		return 0, 0
	}
	end := i + 2
	if lx.isPhraseWord(ordinalSuffixPhrases, ps[end].low) {
		end++ // "(1º)"
	}
	if end >= len(ps) || ps[end].low != ")" {
		return 0, 0
	}
	d := atoiPiece(ps[i+1].low)
	if d < 1 || d > 31 {
		return 0, 0
	}
	return d, end - i + 1
}

// matchPeriodPart reads "early August 2020", "mid-2020", "late last year", "fin janvier",
// "awal Juli": the period keeps its own precision and starts on its first day.
func matchPeriodPart(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	for _, p := range lx.phrasesFrom(periodPartPhrases, ps[i].low) {
		last, ok := phraseStartsAt(ps, i, p.words)
		if !ok {
			continue
		}
		k := last + 1
		if pieceIs(ps, k, "-") {
			k++
		}
		if month, mlast, ok := monthAt(lx, ps, k); ok {
			e := dateExpr{rel: dateNoYear, month: month, prec: model.PrecisionMonth}
			if y, ylast, ok := yearAfter(lx, ps, mlast); ok {
				e.rel, e.year, mlast = dateAbsolute, y, ylast
			}
			return spanned(e, ps, i, mlast)
		}
		if y, ok := yearValue(ps, k); ok {
			return spanned(dateExpr{year: y, prec: model.PrecisionYear, yearOnly: true}, ps, i, k)
		}
		if k < len(ps) {
			if e, next, ok := matchRelativePhrase(lx, ps, k); ok {
				e.start = ps[i].start
				return e, next, true
			}
		}
	}
	return dateExpr{}, 0, false
}

// matchWeekday reads a weekday with what qualifies it: "on Thursday", "Tuesday night",
// "late on Sunday", "last Friday", "mardi dernier", "dans la nuit de dimanche à lundi" (the
// first night day), "Kamis malam"; a full date right after it wins ("lundi 27 janvier 2025").
func matchWeekday(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	j, dir := i, 0
	if !isWeekdayAt(lx, ps, i) {
		best := -1
		for _, m := range lx.phrasesFrom(weekdayBeforePhrases, ps[i].low) {
			if last, ok := phraseStartsAt(ps, i, m.words); ok && last > best && isWeekdayAt(lx, ps, last+1) {
				best, dir = last, m.value
			}
		}
		if best < 0 {
			return dateExpr{}, 0, false
		}
		j = best + 1
	}
	wd := lx.weekdays[ps[j].low].day
	if tail := lx.weekdays[ps[j].low].tail; tail != "" && tailAfter(ps, j, tail) {
		j += 2 // over "-feira"
	}
	last := weekdayTail(lx, ps, j, &dir)
	day, n := parenDay(lx, ps, last+1)
	last += n // "neste domingo (15)": the day of the month, in brackets after its weekday
	if k := last + 2; n > 0 && k < len(ps) && lx.isPhraseWord(weekdayToPhrases, ps[last+1].low) && isWeekdayAt(lx, ps, k) {
		if tail := lx.weekdays[ps[k].low].tail; tail != "" && tailAfter(ps, k, tail) {
			k += 2
		}
		_, m := parenDay(lx, ps, k+1)
		last = k + m // "entre quarta-feira (1º) e quinta-feira (2)": a span read from its first day
	}
	k := last + 1
	if pieceIs(ps, k, ",") || k < len(ps) && lx.isPhraseWord(weekdayDateLinkPhrases, ps[k].low) {
		k++
	}
	if k < len(ps) {
		if e, next, ok := firstDateMatch(lx, ps, k, matchNumericDate, matchDayFirst, matchMonthFirst, matchParenDayMonth); ok && e.prec == model.PrecisionDay {
			e.start, e.weekday = ps[i].start, int(wd)+1
			return e, next, true
		}
	}
	return spanned(dateExpr{rel: dateWeekday, n: int(wd), dir: dir, day: day, prec: model.PrecisionDay}, ps, i, last)
}

// weekdayTail extends a weekday over the words after it: parts of the day, "dernier",
// "prochain", and "à lundi" closing a night.
func weekdayTail(lx *lexicon, ps []piece, j int, dir *int) int {
	last := j
	for k := j + 1; k < len(ps) && k <= j+4; k++ {
		w := ps[k].low
		direction, isDirection := lx.phraseValue(weekdayDirectionPhrases, w)
		switch {
		case lx.hasWord(partOfDayWords, w):
			last = k
		case isJoinerPunct(w) && adjacent(ps, k):
		case isDirection:
			*dir, last = direction, k
		case lx.isPhraseWord(weekdayToPhrases, w) && isWeekdayAt(lx, ps, k+1):
			last = k + 1
			k++
		default:
			return last
		}
	}
	return last
}

// matchRelativePhrase reads fixed relative phrases: "yesterday", "last week", "l'an dernier",
// "the next day". A common first word opens many ("the" a dozen): the second word is compared
// before a phrase is matched.
func matchRelativePhrase(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	second := i + 1 // where phraseStartsAt reads a phrase's second word: past hyphens and apostrophes, which no phrase's words are
	for second < len(ps) && ps[second].kind == piecePunct && isJoinerPunct(ps[second].low) {
		second++
	}
	for _, r := range lx.relative[ps[i].low] {
		if len(r.words) > 1 && (second >= len(ps) || ps[second].low != r.words[1]) {
			continue
		}
		if last, ok := phraseStartsAt(ps, i, r.words); ok {
			e := dateExpr{rel: r.rel, n: r.n, prec: r.prec, needAnchor: r.needAnchor, month: r.month, day: r.day}
			if y, ylast, ok := yearAfter(lx, ps, last); ok && e.rel == dateNoYear {
				e.rel, e.year, last = dateAbsolute, y, ylast // "Christmas Eve 1985", "véspera de Natal de 1985": that year's
			}
			if e.rel == dateDayOffset {
				_, n := parenDay(lx, ps, last+1)
				last += n // "ontem (12)": the day of the month, in brackets after the day it names
			}
			return spanned(e, ps, i, last)
		}
	}
	return dateExpr{}, 0, false
}

// matchAgo reads "two days ago", "a week ago", "il y a trois jours", "hace dos días",
// "dua hari lalu", and "three days later" or "two years earlier" (from the previous date of the text).
func matchAgo(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	k, before := i, false
	if _, last, ok := lx.phraseFrom(agoBeforePhrases, ps, i); ok {
		k, before = last+1, true
	}
	n, clast, fuzzy, ok := dateCountAt(lx, ps, k)
	if !ok || clast+1 >= len(ps) {
		return dateExpr{}, 0, false
	}
	unit, ok := lx.phraseValue(dateUnitPhrases, ps[clast+1].low)
	if !ok {
		return dateExpr{}, 0, false
	}
	last, sign, anchored := clast+1, -1, false
	if !before {
		if _, end, ok := lx.phraseFrom(agoAfterPhrases, ps, last+1); ok {
			last = end
		} else if _, end, ok := lx.phraseFrom(laterAfterPhrases, ps, last+1); ok {
			last, sign, anchored = end, 1, true
		} else if _, end, ok := lx.phraseFrom(earlierAfterPhrases, ps, last+1); ok {
			last, anchored = end, true // "two years earlier": back from the date before
		} else {
			return dateExpr{}, 0, false
		}
	}
	e := agoExpr(unit, sign*n, fuzzy, anchored)
	if e.prec == "" {
		return dateExpr{}, 0, false
	}
	if _, end, ok := lx.phraseFrom(toTheDayPhrases, ps, last+1); ok && unit == 365 && sign < 0 && !fuzzy {
		e, last = dateExpr{rel: dateAnniversary, n: -n, prec: model.PrecisionDay}, end // "25 years ago today": that very day
	}
	return spanned(e, ps, i, last)
}

// agoExpr builds the offset for n units (days 1, weeks 7, months 30, years 365).
func agoExpr(unit, n int, fuzzy, anchored bool) dateExpr {
	e := dateExpr{rel: dateDayOffset, n: n * min(unit, 7), prec: model.PrecisionDay}
	if anchored {
		e.rel, e.needAnchor = dateAnchorOffset, true
	}
	switch {
	case unit == 7 || fuzzy && unit == 1:
		e.prec = model.PrecisionWeek
	case unit == 30 && !anchored:
		e.rel, e.n, e.prec = dateMonthOffset, n, model.PrecisionMonth
	case unit == 365 && !anchored:
		e.rel, e.n, e.prec = dateYearOffset, n, model.PrecisionYear
	case unit == 365:
		e.rel, e.n, e.prec, e.needAnchor = dateAnchorYearOffset, n, model.PrecisionYear, false // from the last year given
	case unit > 7:
		e.prec = ""
	}
	return e
}

// dateCountAt reads how many units an "ago" phrase counts: "a", "two", "12", "a few".
func dateCountAt(lx *lexicon, ps []piece, k int) (n, last int, fuzzy, ok bool) {
	if k >= len(ps) {
		return 0, 0, false, false
	}
	if _, last, ok := lx.phraseFrom(fewPhrases, ps, k); ok {
		return 3, last, true, true
	}
	switch w := ps[k].low; {
	case lx.hasWord(oneWordWords, w):
		return 1, k, false, true
	case lx.hasWord(fewWordWords, w):
		return 3, k, true, true
	case ps[k].kind == pieceDigits && len(w) <= 3:
		return atoiPiece(w), k, false, true
	}
	if np, ok := parseNumberWords(lx, ps, k); ok && np.value < 1000 {
		return np.value, np.last, false, true
	}
	return 0, 0, false, false
}

// matchOnThe reads a day of the month alone: "on the 29th".
func matchOnThe(lx *lexicon, ps []piece, i int) (dateExpr, int, bool) {
	_, last, ok := lx.phraseFrom(dayOfMonthBeforePhrases, ps, i)
	if !ok {
		return dateExpr{}, 0, false
	}
	day, dlast, ok := dayAt(lx, ps, last+1)
	if !ok || dlast == last+1 {
		return dateExpr{}, 0, false // "on the 3 prisoners": a day needs its ordinal ending
	}
	if e, next, ok := matchDayFirst(lx, ps, last+1); ok {
		e.start = ps[i].start
		return e, next, true
	}
	if n := dlast + 1; n < len(ps) && ps[n].kind != piecePunct && !lx.hasWord(dayFollowerWords, ps[n].low) {
		return dateExpr{}, 0, false // "on the 21st floor"
	}
	return spanned(dateExpr{rel: dateDayOfMonth, day: day, prec: model.PrecisionDay}, ps, i, dlast)
}

// dayAt reads a day of the month (1-31) with an optional ordinal ending ("20th", "1er"),
// refusing figures that continue ("3,500", "10:30").
func dayAt(lx *lexicon, ps []piece, k int) (int, int, bool) {
	if k >= len(ps) || ps[k].kind != pieceDigits || len(ps[k].low) > 2 {
		return 0, 0, false
	}
	d := atoiPiece(ps[k].low)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	n := k + 1
	if n < len(ps) && adjacent(ps, n) {
		switch {
		case ps[n].kind == pieceWord && lx.isPhraseWord(ordinalSuffixPhrases, ps[n].low):
			return d, n, true
		case ps[n].kind == pieceWord || (ps[n].low == ":" || ps[n].low == "," || ps[n].low == ".") && n+1 < len(ps) && adjacent(ps, n+1) && ps[n+1].kind == pieceDigits:
			return 0, 0, false
		}
	}
	return d, k, true
}

// monthAt reads a month name at piece k, with the period of an abbreviation ("Sept.") or its
// other name after a slash ("أيار/مايو").
func monthAt(lx *lexicon, ps []piece, k int) (int, int, bool) {
	if k >= len(ps) || ps[k].kind != pieceWord {
		return 0, 0, false
	}
	last := k
	m, ok := lx.months[ps[k].low]
	if lx.monthHeads[ps[k].low] && k+1 < len(ps) && ps[k+1].kind == pieceWord {
		if two, found := lx.months[ps[k].low+" "+ps[k+1].low]; found {
			m, ok, last = two, true, k+1 // "كانون الثاني": a month named in two words
		}
	}
	if !ok || m.needUpper && !ps[k].upper {
		return 0, 0, false
	}
	if m.abbr && pieceIs(ps, last+1, ".") && adjacent(ps, last+1) {
		return m.month, last + 1, true
	}
	if pieceIs(ps, last+1, "/") && last+2 < len(ps) && ps[last+2].kind == pieceWord {
		if other, ok := lx.months[ps[last+2].low]; ok && other.month == m.month {
			return m.month, last + 2, true // "حزيران/يونيو": the month in two calendars' names
		}
	}
	return m.month, last, true
}

// yearAfter reads a year after piece last, allowing a comma or a year_link word between ("March,
// 2014", "marzo de 2014").
func yearAfter(lx *lexicon, ps []piece, last int) (int, int, bool) {
	k := last + 1
	if pieceIs(ps, k, ",") || k < len(ps) && lx.isPhraseWord(yearLinkPhrases, ps[k].low) {
		k++
	}
	y, ok := yearValue(ps, k)
	if !ok || k+1 < len(ps) && adjacent(ps, k+1) && ps[k+1].kind == pieceWord {
		return 0, 0, false
	}
	return y, k, true
}

// yearValue reads four digits from 1800 to 2100 at piece k.
func yearValue(ps []piece, k int) (int, bool) {
	if k >= len(ps) || ps[k].kind != pieceDigits || len(ps[k].low) != 4 {
		return 0, false
	}
	y := atoiPiece(ps[k].low)
	return y, y >= 1800 && y <= 2100
}

// parenAt reports a day of the month in brackets at piece k.
func parenAt(lx *lexicon, ps []piece, k int) bool {
	_, n := parenDay(lx, ps, k)
	return n > 0
}

func isWeekdayAt(lx *lexicon, ps []piece, k int) bool {
	if k >= len(ps) || ps[k].kind != pieceWord {
		return false
	}
	w, ok := lx.weekdays[ps[k].low]
	if ok && w.tail != "" && !tailAfter(ps, k, w.tail) && !parenAt(lx, ps, k+1) {
		return false // "segunda" alone is "second"; "segunda-feira" is Monday, and so is "segunda (12)", its day of the month in brackets
	}
	// A name written capitalised counts in lower case too before a part of the day: Turkish
	// "pazar" is also "market", "pazar gecesi" is Sunday night.
	written := !w.needUpper || ps[k].upper || k+1 < len(ps) && lx.hasWord(partOfDayWords, ps[k+1].low)
	return ok && written && !(k > 0 && lx.isPhraseWord(weekdayNameBeforePhrases, ps[k-1].low)) && // "Santo Domingo"
		!(ps[k].upper && !w.needUpper && capitalisedAfter(lx, ps, k))
}

// tailAfter reports the tail of a weekday's name joined by a hyphen to piece k ("-feira").
func tailAfter(ps []piece, k int, tail string) bool {
	return pieceIs(ps, k+1, "-") && pieceIs(ps, k+2, tail) && adjacent(ps, k+1) && adjacent(ps, k+2)
}

// capitalisedAfter reports a capitalised word right after piece k, or after one name particle:
// where weekdays are written in lower case, a capitalised one before it is a word of a name
// ("Domingo de Ramos", "Viernes Santo"), not a day.
func capitalisedAfter(lx *lexicon, ps []piece, k int) bool {
	j := k + 1
	if j < len(ps) && ps[j].kind == pieceWord && lx.hasWord(nameParticleWords, ps[j].low) {
		j++
	}
	return j < len(ps) && ps[j].kind == pieceWord && ps[j].upper
}

func pieceLow(ps []piece, k int) string {
	if k < 0 || k >= len(ps) {
		return ""
	}
	return ps[k].low
}

type monthName struct {
	month     int
	abbr      bool // may take a period
	needUpper bool // English names: "may" and "march" are also verbs
}

type weekdayName struct {
	day       time.Weekday
	needUpper bool
	tail      string // the word a hyphen joins to the name ("feira" of "segunda-feira"), which must follow
}

type relativePhrase struct {
	words      []string
	rel        dateRel
	n          int
	prec       model.Precision
	needAnchor bool
	month, day int // a fixed holiday's day of the year
}

// relativeKinds say how each member of the lexicon's relative:KIND family resolves; the phrases
// are data (the lexicon's relative:yesterday, relative:next_day, ...).
var relativeKinds = map[string]relativePhrase{
	"yesterday":            {rel: dateDayOffset, n: -1, prec: model.PrecisionDay},
	"day_before_yesterday": {rel: dateDayOffset, n: -2, prec: model.PrecisionDay},
	"today":                {rel: dateDayOffset, n: 0, prec: model.PrecisionDay},
	"weekend":              {rel: dateWeekend, prec: model.PrecisionDay},
	"this_week":            {rel: dateWeekOffset, n: 0, prec: model.PrecisionWeek},
	"last_week":            {rel: dateWeekOffset, n: -1, prec: model.PrecisionWeek},
	"this_month":           {rel: dateMonthOffset, n: 0, prec: model.PrecisionMonth},
	"last_month":           {rel: dateMonthOffset, n: -1, prec: model.PrecisionMonth},
	"this_year":            {rel: dateYearOffset, n: 0, prec: model.PrecisionYear},
	"last_year":            {rel: dateYearOffset, n: -1, prec: model.PrecisionYear},
	"next_day":             {rel: dateAnchorOffset, n: 1, prec: model.PrecisionDay, needAnchor: true},
	"same_day":             {rel: dateAnchorOffset, n: 0, prec: model.PrecisionDay, needAnchor: true},
	"previous_day":         {rel: dateAnchorOffset, n: -1, prec: model.PrecisionDay},
	"following_year":       {rel: dateAnchorYearOffset, n: 1, prec: model.PrecisionYear, needAnchor: true},
	"previous_year":        {rel: dateAnchorYearOffset, n: -1, prec: model.PrecisionYear, needAnchor: true},
	"same_year":            {rel: dateAnchorYearOffset, n: 0, prec: model.PrecisionYear, needAnchor: true},
	// Holidays on a fixed day of the calendar: read as "25 December" is, the latest one not after
	// the reference.
	"christmas_eve": {rel: dateNoYear, month: 12, day: 24, prec: model.PrecisionDay},
	"christmas":     {rel: dateNoYear, month: 12, day: 25, prec: model.PrecisionDay},
	"new_years_eve": {rel: dateNoYear, month: 12, day: 31, prec: model.PrecisionDay},
	"new_years_day": {rel: dateNoYear, month: 1, day: 1, prec: model.PrecisionDay},
}
