package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// describeDate renders a mention for table tests: `"text" 2022-01-20 day` with " rel" when relative
// and "..END" for a span.
func describeDate(text string, d DateMention) string {
	s := fmt.Sprintf("%q %s", text[d.Start:d.End], d.Date.Start.Format(model.DateLayout))
	if d.Date.End != nil {
		s += ".." + d.Date.End.Format(model.DateLayout)
	}
	s += " " + string(d.Date.Precision)
	if d.Relative {
		s += " rel"
	}
	return s
}

func TestFindDates(t *testing.T) {
	// Saturday 22 January 2022, as a publication date.
	pub := Ref{Date: calendarDay(2022, 1, 22), Precision: model.PrecisionDay}
	week := Ref{Date: calendarDay(2022, 1, 22), Precision: model.PrecisionWeek}
	tests := []struct {
		text string
		ref  Ref
		want []string
	}{
		{"on 20 October 2020", pub, []string{`"20 October 2020" 2020-10-20 day`}},
		{"On 13 November 2005 rebels attacked a jail. The following year on 12 June, 400 men raided another.", pub,
			[]string{`"13 November 2005" 2005-11-13 day`, `"The following year" 2006-01-01 year rel`, `"12 June" 2006-06-12 day rel`}},
		{"the following year", pub, nil},
		{"By october 3, 2021, 40 had been caught", pub, []string{`"october 3, 2021" 2021-10-03 day`}},
		// A weekday wrong for the year-less day's year read from the reference but right in the
		// last year the text gave puts the day in that year; a weekday right already keeps it.
		{"In 1996 the siege lasted from Saturday 30 March to Sunday, 7 April.", pub,
			[]string{`"1996" 1996-01-01 year`, `"Saturday 30 March" 1996-03-30 day rel`, `"Sunday, 7 April" 1996-04-07 day rel`}},
		{"In 1996 a siege; on Saturday 15 January another.", pub,
			[]string{`"1996" 1996-01-01 year`, `"on Saturday 15 January" 2022-01-15 day rel`}},
		{"Ciudad de Guatemala, 14 ene (EFE).- Al menos siete reos murieron", pub, []string{`"14 ene" 2022-01-14 day rel`}}, // a wire's abbreviated month
		{"ieri, e il giorno dopo", pub, []string{`"ieri" 2022-01-21 day rel`, `"il giorno dopo" 2022-01-22 day rel`}},
		{"ontem à noite; no ano passado", pub, []string{`"ontem à noite" 2022-01-21 day rel`, `"no ano passado" 2021-01-01 year rel`}},
		{"October 20, 2020 and Oct. 20th", pub, []string{`"October 20, 2020" 2020-10-20 day`, `"Oct. 20th" 2020-10-20 day rel`}}, // months before publication, it goes on with the full date's year
		{"Oct. 20th", pub, []string{`"Oct. 20th" 2021-10-20 day rel`}},
		// A span whose days carry their weekdays.
		{"dans la nuit du mardi 9 au mercredi 10 août", Ref{Date: calendarDay(2022, 8, 10), Precision: model.PrecisionDay},
			[]string{`"mardi 9 au mercredi 10 août" 2022-08-09..2022-08-10 day rel`}},
		{"the night of Tuesday 9 to Wednesday 10 August", Ref{Date: calendarDay(2022, 8, 10), Precision: model.PrecisionDay},
			[]string{`"the night of Tuesday 9 to Wednesday 10 August" 2022-08-09..2022-08-10 day rel`}},
		// Against a reference known to a month, days counted from it fall within that month.
		{"on Monday, yesterday, over the weekend", Ref{Date: calendarDay(2019, 6, 1), Precision: model.PrecisionMonth},
			[]string{`"on Monday" 2019-06-01 month rel`, `"yesterday" 2019-06-01 month rel`, `"over the weekend" 2019-06-01 month rel`}},
		{"on Feb. 2 and 3, 1980", pub, []string{`"Feb. 2 and 3, 1980" 1980-02-02..1980-02-03 day`}},
		// Arabic days in ordinal words, and a month's two names, Levantine and Egyptian.
		{"صباح السابع والعشرين من حزيران/يونيو 1980، غداة", pub, []string{`"السابع والعشرين من حزيران/يونيو 1980" 1980-06-27 day`}},
		{"فجر الثامن عشر من أيار/مايو 1987", pub, []string{`"الثامن عشر من أيار/مايو 1987" 1987-05-18 day`}},
		{"في 27 حزيران/يونيو 1980", pub, []string{`"27 حزيران/يونيو 1980" 1980-06-27 day`}},
		{"الأول من آذار", pub, []string{`"الأول من آذار" 2021-03-01 day rel`}},
		{"حزيران/أيار 1980", pub, []string{`"أيار 1980" 1980-05-01 month`}}, // two months are no pair
		{"on the first of May 2019", pub, []string{`"first of May 2019" 2019-05-01 day`}},
		{"the second May Day rally", pub, nil}, // an ordinal right before a month is a rank
		{"on 2 and 3 February 1980", pub, []string{`"2 and 3 February 1980" 1980-02-02..1980-02-03 day`}},
		{"les 2 et 3 février 1980", pub, []string{`"2 et 3 février 1980" 1980-02-02..1980-02-03 day`}},
		{"on 5 and 12 March 1980", pub, []string{`"12 March 1980" 1980-03-12 day`}},                                                                                                                            // two dates, not a span
		{"On 2 January 2020, and on 10 January", pub, []string{`"2 January 2020" 2020-01-02 day`, `"10 January" 2022-01-10 day rel`}},                                                                          // within weeks of publication: the news
		{"It began on 2 May 1960 and ended on 9 June 1960. On the night of 2 May, shots rang out", pub, []string{`"2 May 1960" 1960-05-02 day`, `"9 June 1960" 1960-06-09 day`, `"2 May" 1960-05-02 day rel`}}, // a day told before with its year
		{"January 20th and 21 July 2013", pub, []string{`"January 20th" 2022-01-20 day rel`, `"21 July 2013" 2013-07-21 day`}},
		{"2022-01-20, 20/01/2022 and 1/20/2022", pub, []string{`"2022-01-20" 2022-01-20 day`, `"20/01/2022" 2022-01-20 day`, `"1/20/2022" 2022-01-20 day`}},
		{"08/00/2021 and 2021-08-00", pub, []string{`"08/00/2021" 2021-08-01 month`, `"2021-08-00" 2021-08-01 month`}},
		{"05/04/2021", pub, []string{`"05/04/2021" 2021-04-05 day`}},
		{"02/09/2019: gunmen attacked", Ref{Date: calendarDay(2019, 2, 10), Precision: model.PrecisionDay}, []string{`"02/09/2019" 2019-02-09 day`}},
		// A reading after the publication loses to one just before it; of two close ones the nearer wins.
		{"03/04/2012: assailants attacked", Ref{Date: calendarDay(2012, 3, 4), Precision: model.PrecisionDay}, []string{`"03/04/2012" 2012-03-04 day`}},
		{"09/08/2010: assailants attacked", Ref{Date: calendarDay(2010, 9, 8), Precision: model.PrecisionDay}, []string{`"09/08/2010" 2010-09-08 day`}},
		{"04/03/2012: assailants attacked", Ref{Date: calendarDay(2012, 3, 6), Precision: model.PrecisionDay}, []string{`"04/03/2012" 2012-03-04 day`}},
		{"02/09/2019: gunmen attacked", Ref{Date: calendarDay(2019, 9, 3), Precision: model.PrecisionDay}, []string{`"02/09/2019" 2019-09-02 day`}},
		{"on the 29th", Ref{Date: calendarDay(2013, 7, 30), Precision: model.PrecisionDay}, []string{`"on the 29th" 2013-07-29 day rel`}},
		{"on the 29th", pub, []string{`"on the 29th" 2021-12-29 day rel`}},
		{"Sept. 27", Ref{Date: calendarDay(2013, 7, 30), Precision: model.PrecisionDay}, []string{`"Sept. 27" 2012-09-27 day rel`}},
		{"Jan. 22 and Jan. 23", pub, []string{`"Jan. 22" 2022-01-22 day rel`, `"Jan. 23" 2022-01-23 day rel`}}, // a day told ahead, not a year back
		{"they must return by 12 March", Ref{Date: calendarDay(2025, 2, 20), Precision: model.PrecisionDay}, []string{`"12 March" 2025-03-12 day rel`}},
		{"on 20 November", Ref{Date: calendarDay(2025, 9, 29), Precision: model.PrecisionDay}, []string{`"20 November" 2024-11-20 day rel`}}, // beyond the weeks ahead
		{"Jan. 23", week, []string{`"Jan. 23" 2022-01-23 day rel`}},
		{"early August 2020", pub, []string{`"early August 2020" 2020-08-01 month`}},
		{"in 2004, mid-2011 and late 2017", pub, []string{`"2004" 2004-01-01 year`, `"mid-2011" 2011-01-01 year`, `"late 2017" 2017-01-01 year`}},
		{"July 2013 and in March, 2014", pub, []string{`"July 2013" 2013-07-01 month`, `"March, 2014" 2014-03-01 month`}},
		{"in October", pub, []string{`"October" 2021-10-01 month rel`}},
		{"last year, last month, this week", pub, []string{`"last year" 2021-01-01 year rel`, `"last month" 2021-12-01 month rel`, `"this week" 2022-01-17 week rel`}},
		{"yesterday and today", pub, []string{`"yesterday" 2022-01-21 day rel`, `"today" 2022-01-22 day rel`}},
		{"on Thursday", pub, []string{`"on Thursday" 2022-01-20 day rel`}},
		{"Tuesday night", pub, []string{`"Tuesday night" 2022-01-18 day rel`}},
		{"on Saturday and last Saturday", pub, []string{`"on Saturday" 2022-01-22 day rel`, `"last Saturday" 2022-01-15 day rel`}},
		{"next Monday", pub, []string{`"next Monday" 2022-01-24 day rel`}},
		{"late last night", pub, []string{`"late last night" 2022-01-21 day rel`}},
		{"overnight", pub, []string{`"overnight" 2022-01-21 day rel`}},
		{"a week ago and two days ago", pub, []string{`"a week ago" 2022-01-15 week rel`, `"two days ago" 2022-01-20 day rel`}},
		{"a few days ago", pub, []string{`"a few days ago" 2022-01-19 week rel`}},
		{"twenty-five years ago today, and ten years ago", pub, []string{`"twenty-five years ago today" 1997-01-22 day rel`, `"ten years ago" 2012-01-01 year rel`}},
		{"il y a quarante ans jour pour jour", pub, []string{`"il y a quarante ans jour pour jour" 1982-01-22 day rel`}},
		{"the previous day", pub, []string{`"the previous day" 2022-01-21 day rel`}},
		{"the next day", pub, nil},
		{"In the evening of 20 January, and early the next morning", pub, []string{`"20 January" 2022-01-20 day rel`, `"early the next morning" 2022-01-21 day rel`}},
		{"on 3 May; three days later", pub, []string{`"3 May" 2021-05-03 day rel`, `"three days later" 2021-05-06 day rel`}},
		{"Thursday", week, []string{`"Thursday" 2022-01-20 week rel`}},
		{"20-30 January 2022", pub, []string{`"20-30 January 2022" 2022-01-20..2022-01-30 day`}},
		{"in 2007-08", pub, []string{`"2007-08" 2007-01-01..2008-01-01 year`}},
		{"le 13 mai 2019 et le 1er mai", pub, []string{`"13 mai 2019" 2019-05-13 day`, `"1er mai" 2021-05-01 day rel`}},
		{"lundi, dimanche soir, hier", pub, []string{`"lundi" 2022-01-17 day rel`, `"dimanche soir" 2022-01-16 day rel`, `"hier" 2022-01-21 day rel`}},
		{"dans la nuit de dimanche à lundi", pub, []string{`"dans la nuit de dimanche à lundi" 2022-01-16 day rel`}},
		{"mardi dernier, en 2016, janvier 2025", pub, []string{`"mardi dernier" 2022-01-18 day rel`, `"2016" 2016-01-01 year`, `"janvier 2025" 2025-01-01 month`}},
		{"ce lundi après-midi", pub, []string{`"ce lundi après-midi" 2022-01-17 day rel`}},
		{"le lundi 27 janvier 2025", pub, []string{`"le lundi 27 janvier 2025" 2025-01-27 day`}},
		{"l'année dernière et il y a deux jours", pub, []string{`"l'année dernière" 2021-01-01 year rel`, `"il y a deux jours" 2022-01-20 day rel`}},
		{"Kamis (11/7) dan 11 Juli 2013", Ref{Date: calendarDay(2013, 7, 12), Precision: model.PrecisionDay},
			[]string{`"Kamis (11/7)" 2013-07-11 day rel`, `"11 Juli 2013" 2013-07-11 day`}},
		{"kabur, Selasa (11/3/2025) lalu; Kamis (31/2/2025)", Ref{Date: calendarDay(2025, 3, 21), Precision: model.PrecisionDay},
			[]string{`"Selasa (11/3/2025)" 2025-03-11 day`, `"Kamis" 2025-03-20 day rel`, `"2025" 2025-01-01 year`}}, // the year in the brackets; no 31 February, its year alone
		{"On 5 July 2022 gunmen attacked the prison; two years earlier, a raid freed 240.", Ref{Date: calendarDay(2022, 7, 6), Precision: model.PrecisionDay},
			[]string{`"5 July 2022" 2022-07-05 day`, `"two years earlier" 2020-01-01 year rel`}},
		{"Le 1er juillet 2018, un détenu s'est évadé ; ce jour-là, un commando", Ref{Date: calendarDay(2022, 5, 18), Precision: model.PrecisionDay},
			[]string{`"1er juillet 2018" 2018-07-01 day`, `"ce jour-là" 2018-07-01 day rel`}},
		{"donde esta madrugada se enfrentaron presos", Ref{Date: calendarDay(2025, 9, 25), Precision: model.PrecisionDay},
			[]string{`"esta madrugada" 2025-09-25 day rel`}}, // "this early morning" is the day of publication
		// "That day" in German, Russian and Arabic is the day told before.
		{"Am 17. Juni 1953 streikten die Arbeiter; an diesem Tag kamen 40 Gefangene frei.", Ref{Date: calendarDay(2023, 6, 17), Precision: model.PrecisionDay},
			[]string{`"17. Juni 1953" 1953-06-17 day`, `"an diesem Tag" 1953-06-17 day rel`}},
		{"17 июня 1953 года рабочие бастовали; в тот день из тюрьмы бежали 40 заключённых.", Ref{Date: calendarDay(2023, 6, 17), Precision: model.PrecisionDay},
			[]string{`"17 июня 1953" 1953-06-17 day`, `"в тот день" 1953-06-17 day rel`}},
		{"O motim durou entre quarta-feira (1º) e quinta-feira (2)", Ref{Date: calendarDay(2016, 10, 1), Precision: model.PrecisionMonth},
			[]string{`"quarta-feira (1º) e quinta-feira (2)" 2017-02-01 day rel`}}, // a text known to October 2016: the first Wednesday the 1st from then on, a span read from its first day
		{"Le motif de la mutinerie de lundi (9)", Ref{Date: calendarDay(2024, 9, 1), Precision: model.PrecisionWeek},
			[]string{`"lundi (9)" 2024-09-09 day rel`}},
		{"se fugaron el pasado domingo; en Tarvo, a mediados de mayo", Ref{Date: calendarDay(2019, 6, 20), Precision: model.PrecisionDay},
			[]string{`"el pasado domingo" 2019-06-16 day rel`, `"a mediados de mayo" 2019-05-01 month rel`}},
		{"فر السجناء في منتصف مايو", Ref{Date: calendarDay(2019, 6, 20), Precision: model.PrecisionDay}, // the Arabic parts of a period
			[]string{`"منتصف مايو" 2019-05-01 month rel`}},
		{"evasi ai primi di giugno, ripresi a marzo", Ref{Date: calendarDay(2019, 6, 20), Precision: model.PrecisionDay}, // Italian parts of a period and month triggers
			[]string{`"ai primi di giugno" 2019-06-01 month rel`, `"marzo" 2019-03-01 month rel`}},
		{"fugiram na madrugada de sábado, no início de 2019", Ref{Date: calendarDay(2019, 6, 20), Precision: model.PrecisionDay},
			[]string{`"na madrugada de sábado" 2019-06-15 day rel`, `"no início de 2019" 2019-01-01 year`}},
		{"divulgado neste domingo (15), após o motim de sábado (14)", Ref{Date: calendarDay(2017, 1, 15), Precision: model.PrecisionDay},
			[]string{`"neste domingo (15)" 2017-01-15 day rel`, `"sábado (14)" 2017-01-14 day rel`}},
		{"dois presos morreram ontem (12) num motim", Ref{Date: calendarDay(2019, 6, 13), Precision: model.PrecisionDay},
			[]string{`"ontem (12)" 2019-06-12 day rel`}}, // the day of the month in brackets after "yesterday"
		{"el 27 de enero de 2025", pub, []string{`"27 de enero de 2025" 2025-01-27 day`}},
		{"Em 1º de janeiro de 2018, à tarde", pub, []string{`"1º de janeiro de 2018" 2018-01-01 day`}}, // the first of the month as an ordinal
		{"on Monday, January 27", Ref{Date: calendarDay(2025, 1, 28), Precision: model.PrecisionDay}, []string{`"on Monday, January 27" 2025-01-27 day rel`}},
		{"3,500 prisoners, No. 3, CERESO No. 3, the 1990s, 2000 inmates, 2000 GMT, M2020", pub, nil},
		{"he may go in May 2013", pub, []string{`"May 2013" 2013-05-01 month`}},
		{"on the 21st floor", pub, nil},
		{"Sept. 27", Ref{}, nil},
		{"on 20 October 2020 and Thursday", Ref{}, []string{`"20 October 2020" 2020-10-20 day`}},
		{"il y a trois jours", pub, []string{`"il y a trois jours" 2022-01-19 day rel`}},
		{"dua hari yang lalu", pub, []string{`"dua hari yang lalu" 2022-01-20 day rel`}},
		{"a couple of weeks ago", pub, []string{`"a couple of weeks ago" 2022-01-01 week rel`}},
		{"On 3 January, and three days later", pub, []string{`"3 January" 2022-01-03 day rel`, `"three days later" 2022-01-06 day rel`}},
		{"mardi dernier", pub, []string{`"mardi dernier" 2022-01-18 day rel`}},
		{"Kamis lalu", pub, []string{`"Kamis lalu" 2022-01-20 day rel`}},
		{"this past Friday", pub, []string{`"this past Friday" 2022-01-21 day rel`}},
		{"dans la nuit de dimanche à lundi", pub, []string{`"dans la nuit de dimanche à lundi" 2022-01-16 day rel`}},
		{"a mediados de 2019", pub, []string{`"a mediados de 2019" 2019-01-01 year`}},
		{"fin janvier", pub, []string{`"fin janvier" 2022-01-01 month rel`}},
		{"on the 29th", pub, []string{`"on the 29th" 2021-12-29 day rel`}},
		{"27 de enero de 2025", pub, []string{`"27 de enero de 2025" 2025-01-27 day`}},
		{"Monday the 17th of January", pub, []string{`"Monday the 17th of January" 2022-01-17 day rel`}},
		{"Santo Domingo", pub, nil},
		{"that lasted from 11 to 21 April 1993", pub, []string{`"11 to 21 April 1993" 1993-04-11..1993-04-21 day`}},
		{"du 11 au 21 avril 1993", pub, []string{`"11 au 21 avril 1993" 1993-04-11..1993-04-21 day`}},
		{"On 29 May 2004 gunmen stormed the prison; the siege ended on 31 May.", Ref{Date: calendarDay(2004, 5, 29), Precision: model.PrecisionDay},
			[]string{`"29 May 2004" 2004-05-29 day`, `"31 May" 2004-05-31 day rel`}},
		{"en la víspera del Domingo de Ramos, y el Viernes Santo; el domingo", pub, []string{`"el domingo" 2022-01-16 day rel`}},
		{"marzo del 2014", pub, []string{`"marzo del 2014" 2014-03-01 month`}},
		{"in 2004 GMT", pub, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range FindDates(tt.text, tt.ref) {
			got = append(got, describeDate(tt.text, d))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("FindDates(%q, %s):\ngot  %q\nwant %q", tt.text, tt.ref.Date.Format(model.DateLayout), got, tt.want)
		}
	}
}

// TestFindDatesParagraph reads the dates of a short report of my own.
func TestFindDatesParagraph(t *testing.T) {
	text := "Gunmen stormed the prison late on Sunday, officials said on Monday. The raid came a week " +
		"after troops freed 20 hostages on 4 March. In 2019, a similar attack in early June left two dead. " +
		"The day before, police had been warned."
	ref := Ref{Date: calendarDay(2024, 3, 12), Precision: model.PrecisionDay} // a Tuesday
	want := []string{
		`"late on Sunday" 2024-03-10 day rel`,
		`"on Monday" 2024-03-11 day rel`,
		`"4 March" 2024-03-04 day rel`,
		`"2019" 2019-01-01 year`,
		`"early June" 2023-06-01 month rel`,
		`"The day before" 2024-03-03 day rel`,
	}
	var got []string
	for _, d := range FindDates(text, ref) {
		got = append(got, describeDate(text, d))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestInferRef(t *testing.T) {
	tests := []struct {
		text, want string
		prec       model.Precision
		ok         bool
	}{
		{"Attacked on 20 October 2020; on 3 November 2020 they left. In 2030 a trial.", "2020-11-03", model.PrecisionWeek, true},
		{"It happened in July 2013 and in 2012.", "2013-07-01", model.PrecisionMonth, true},
		{"Since 2004 and until 2009.", "2009-01-01", model.PrecisionYear, true},
		{"On Sept. 27 and yesterday.", "", "", false},
		{"The worst breakout since the invasion in 2003 came on Tuesday.", "", "", false},
		{"The worst breakout since 2003 came on Tuesday.", "", "", false},
		// 17 May fell on a Sunday in 2015 and on a Wednesday in 2017.
		{"Gunmen stormed the jail on Wednesday 17 May. Its leader was held after riots in February 2016.", "2017-05-17", model.PrecisionWeek, true},
		{"Gunmen stormed the jail on Sunday 17 May. Its leader was held after riots in February 2016.", "2016-02-01", model.PrecisionMonth, true},
		{"Gunmen stormed the jail on Friday 17 May. Its leader was held after riots in February 2016.", "2016-02-01", model.PrecisionMonth, true},
	}
	for _, tt := range tests {
		got, ok := inferRef(builtinUnion(), tt.text)
		gotDate := ""
		if ok {
			gotDate = got.Date.Format(model.DateLayout)
		}
		if ok != tt.ok || gotDate != tt.want || got.Precision != tt.prec {
			t.Errorf("inferRef(%q) = %s %s %v, want %s %s %v", tt.text, gotDate, got.Precision, ok, tt.want, tt.prec, tt.ok)
		}
	}
}

// TestReferenceDate checks what an undated report's relative dates resolve against: the month in
// its URL's path, unless the text gives a finer date within that month.
func TestReferenceDate(t *testing.T) {
	day := time.Date(2017, 5, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, url, text string
		published       *time.Time
		want            string
		prec            model.Precision
	}{
		{"publication date", "https://news.example.org/2007/02/x", "On 3 May 2017 inmates escaped.", &day, "2017-05-18", model.PrecisionDay},
		{"URL month", "https://news.example.org/2007/02/x", "On Tuesday inmates escaped.", nil, "2007-02-01", model.PrecisionMonth},
		{"text's date within the URL's month", "https://news.example.org/2007/02/x", "On 14 February 2007 inmates escaped.", nil, "2007-02-14", model.PrecisionWeek},
		{"text's recalled year against the URL's month", "https://news.example.org/2007/02/x", "A riot in 2004 left two dead.", nil, "2007-02-01", model.PrecisionMonth},
		{"text's date outside the URL's month", "https://news.example.org/2007/02/x", "On 3 June 2001 inmates escaped.", nil, "2007-02-01", model.PrecisionMonth},
		{"URL day of a document built elsewhere", "https://news.example.org/2007/02/14/x", "On Tuesday inmates escaped.", nil, "2007-02-14", model.PrecisionDay},
		{"text alone", "", "On 14 February 2007 inmates escaped.", nil, "2007-02-14", model.PrecisionWeek},
		{"nothing", "https://news.example.org/x", "On Tuesday inmates escaped.", nil, "", ""},
		{"a year its weekdays fit", "", "A riot in 2019 began on Monday, July 22.", nil, "2019-01-01", model.PrecisionYear},
		{"a year its weekdays do not fit", "", "They fled in 1800. The attack came on Monday, April 5.", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := referenceDate(builtinUnion(), model.Document{URL: tt.url, Text: tt.text, Published: tt.published})
			gotDate := ""
			if !got.Date.IsZero() {
				gotDate = got.Date.Format(model.DateLayout)
			}
			if gotDate != tt.want || got.Precision != tt.prec {
				t.Errorf("referenceDate = %s %s, want %s %s", gotDate, got.Precision, tt.want, tt.prec)
			}
		})
	}
}

// checkDates reports spans outside the text, overlapping or off rune boundaries, and dates that
// are not UTC midnights.
func checkDates(t *testing.T, text string, ds []DateMention) {
	t.Helper()
	last := 0
	for _, d := range ds {
		if d.Start < last || d.Start >= d.End || d.End > len(text) {
			t.Fatalf("bad date span %d-%d (previous end %d, len %d) in %q", d.Start, d.End, last, len(text), text)
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[d.Start]) || d.End < len(text) && !utf8.RuneStart(text[d.End])) {
			t.Fatalf("date span %d-%d splits a rune in %q", d.Start, d.End, text)
		}
		if d.Date.IsZero() || !d.Date.Start.Equal(dateMidnight(d.Date.Start)) || d.Date.Start.Location().String() != "UTC" {
			t.Fatalf("date %v of %q is not a UTC midnight", d.Date.Start, text[d.Start:d.End])
		}
		if d.Date.End != nil && !d.Date.End.After(d.Date.Start) {
			t.Fatalf("date span of %q ends before it starts", text[d.Start:d.End])
		}
		last = d.End
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"20 October 2020", "Sept. 27", "on the 29th", "Kamis (11/7)", "2022-01-20",
		"29/02/2021", "dans la nuit de dimanche à lundi", "a week ago", "early the next morning",
		"20-30 January", "31 February", "9999-99-99", "\xffMonday"} {
		f.Add(s, int64(1642809600), 0)
	}
	precisions := []model.Precision{model.PrecisionDay, model.PrecisionWeek, model.PrecisionMonth, model.PrecisionYear, ""}
	f.Fuzz(func(t *testing.T, text string, unix int64, p int) {
		ref := Ref{Precision: precisions[(p%5+5)%5]}
		if unix > 0 && unix < 1<<36 {
			ref.Date = dateMidnight(calendarDay(1970, 1, 1).Add(0).AddDate(0, 0, int(unix/86400)))
		}
		checkDates(t, text, FindDates(text, ref))
		inferRef(builtinUnion(), text)
	})
}

func BenchmarkFindDates(b *testing.B) {
	ref := Ref{Date: calendarDay(2024, 3, 13), Precision: model.PrecisionDay}
	b.SetBytes(int64(len(benchmarkArticle)))
	for b.Loop() {
		FindDates(benchmarkArticle, ref)
	}
}

// BenchmarkReadArticle is what extraction spends per article on sentences, dates and numbers,
// reading each sentence as the extractor does.
func BenchmarkReadArticle(b *testing.B) {
	ref := Ref{Date: calendarDay(2024, 3, 13), Precision: model.PrecisionDay}
	b.SetBytes(int64(len(benchmarkArticle)))
	for b.Loop() {
		for _, s := range Sentences(benchmarkArticle) {
			sentence := benchmarkArticle[s.Start:s.End]
			FindDates(sentence, ref)
			FindNumbers(sentence)
		}
	}
}
