package web

import (
	"fmt"
	"math"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Charts are drawn on the server as SVG: geometry is computed here, the templates only place
// the shapes. No script, no inline style: the page keeps a strict Content-Security-Policy.

// mark is one shape of a chart: a bar, a dot or a tick, with its label and hover title.
type mark struct {
	X, Y, W, H float64
	Label      string
	Sub        string // a second line under the label
	Title      string
	Class      string
	Href       string
}

// barChart is a column chart of counts over time.
type barChart struct {
	Width, Height float64
	Bars          []mark
	Ticks         []mark // labels along the x axis
	Max           int
	Empty         bool
}

const (
	chartWidth  = 720
	chartHeight = 160
	chartBottom = 22 // room for the x labels
)

// monthlyChart draws incidents per month, months without incidents included, at most the
// latest maxMonths.
func monthlyChart(counts []store.MonthCount, maxMonths int) barChart {
	c := barChart{Width: chartWidth, Height: chartHeight}
	months := fillMonths(counts)
	if len(months) > maxMonths {
		months = months[len(months)-maxMonths:]
	}
	if len(months) == 0 {
		c.Empty = true
		return c
	}
	for _, m := range months {
		c.Max = max(c.Max, m.Incidents)
	}
	slot := c.Width / float64(len(months))
	plot := c.Height - chartBottom - 14
	for i, m := range months {
		h := plot * float64(m.Incidents) / float64(max(c.Max, 1))
		x := float64(i) * slot
		month, _ := time.Parse("2006-01", m.Month)
		c.Bars = append(c.Bars, mark{X: x + slot*0.12, Y: c.Height - chartBottom - h, W: slot * 0.76, H: h,
			Title: fmt.Sprintf("%s: %s, %s escaped", month.Format("Jan 2006"), plural(m.Incidents, "incident", "incidents"), formatInt(m.Escaped))})
		if label, ok := monthTick(month, i, len(months)); ok {
			c.Ticks = append(c.Ticks, mark{X: x + slot/2, Y: c.Height - 6, Label: label})
		}
	}
	return c
}

// monthTick labels the i-th of n months: quarters of a short series, years of a long one.
func monthTick(m time.Time, i, n int) (string, bool) {
	switch {
	case n <= 24 && (i == 0 || m.Month() == time.January):
		return m.Format("Jan 2006"), true
	case n <= 24 && (m.Month()-1)%3 == 0:
		return m.Format("Jan"), true
	case n > 24 && m.Month() == time.January && (n <= 120 || m.Year()%2 == 0):
		return m.Format("2006"), true
	}
	return "", false
}

// fillMonths returns one entry per month from the first to the last, zero where none were counted.
func fillMonths(counts []store.MonthCount) []store.MonthCount {
	if len(counts) == 0 {
		return nil
	}
	byMonth := map[string]store.MonthCount{}
	for _, c := range counts {
		byMonth[c.Month] = c
	}
	first, err1 := time.Parse("2006-01", counts[0].Month)
	last, err2 := time.Parse("2006-01", counts[len(counts)-1].Month)
	if err1 != nil || err2 != nil {
		return counts
	}
	var out []store.MonthCount
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		c, ok := byMonth[key]
		if !ok {
			c = store.MonthCount{Month: key}
		}
		out = append(out, c)
	}
	return out
}

// lineChart shows how an estimate moved as reports came in: the low–high band and the best line.
type lineChart struct {
	Width, Height float64
	Band          string // polygon points of the low–high band
	Line          string // polyline points of the best estimate
	Points        []mark
	YTicks        []mark
	XTicks        []mark
}

// historyMarks bounds the dots and date labels a history chart draws: its plot is under 300
// units wide, so past a few dozen reports more of them only overlap, and an incident of
// thousands of reports drew thousands (most of a megabyte of its page). The line and the band
// still pass through every report.
const historyMarks = 48

// historyChart draws an estimate's history; it is nil when there is nothing to draw.
func historyChart(h []model.EstimatePoint) *lineChart {
	if len(h) == 0 {
		return nil
	}
	step := (len(h) + historyMarks - 1) / historyMarks
	c := &lineChart{Width: 360, Height: 140}
	const left, right, top, bottom = 44.0, 28.0, 12.0, 24.0
	top0 := 0
	for _, p := range h {
		for _, v := range []*int{p.Best, p.Low, p.High} {
			if v != nil {
				top0 = max(top0, *v)
			}
		}
	}
	scaleMax := niceCeil(float64(top0))
	x := func(i int) float64 {
		if len(h) == 1 {
			return left + (c.Width-left-right)/2
		}
		return left + float64(i)*(c.Width-left-right)/float64(len(h)-1)
	}
	y := func(v int) float64 { return top + (c.Height-top-bottom)*(1-float64(v)/scaleMax) }
	var upper, lower, line []string
	for i, p := range h {
		best := valueOr(p.Best, 0)
		lo, hi := valueOr(p.Low, best), valueOr(p.High, best)
		upper = append(upper, point(x(i), y(hi)))
		lower = append([]string{point(x(i), y(lo))}, lower...)
		line = append(line, point(x(i), y(best)))
		if i%step != 0 && i != len(h)-1 {
			continue
		}
		c.Points = append(c.Points, mark{X: x(i), Y: y(best), Label: formatInt(best),
			Title: fmt.Sprintf("%s: best %s, range %s–%s", formatDate(p.Reported), formatInt(best), formatInt(lo), formatInt(hi))})
		c.XTicks = append(c.XTicks, mark{X: x(i), Y: c.Height - 6, Label: shortDate(p.Reported)})
	}
	if len(h) == 1 { // one report: draw its range as a short bar around the point
		x0, hi, lo := x(0), y(valueOr(h[0].High, 0)), y(valueOr(h[0].Low, 0))
		upper = []string{point(x0-14, hi), point(x0+14, hi)}
		lower = []string{point(x0+14, lo), point(x0-14, lo)}
	}
	c.Band = strings.Join(append(upper, lower...), " ")
	c.Line = strings.Join(line, " ")
	for _, v := range []float64{0, scaleMax / 2, scaleMax} {
		c.YTicks = append(c.YTicks, mark{X: left - 6, Y: y(int(v)), W: c.Width - right, Label: formatInt(int(v))})
	}
	return c
}

func shortDate(d model.Date) string {
	if d.IsZero() {
		return "?"
	}
	return d.Start.Format("2 Jan")
}

func valueOr(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}

func point(x, y float64) string { return fmt.Sprintf("%.1f,%.1f", x, y) }

// niceCeil rounds up to 1, 2 or 5 times a power of ten, for readable axis labels.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// rangeChart places every claim of a contested figure on one scale, with the reconciled range.
type rangeChart struct {
	Width, Height float64
	Range         mark // the low–high band
	Best          mark
	Claims        []mark
	MaxLabel      string
}

func claimRange(e model.Estimate) rangeChart {
	c := rangeChart{Width: 220, Height: 26}
	top := valueOr(e.High, 0)
	for _, cl := range e.Claims {
		top = max(top, valueOr(cl.High, valueOr(cl.Low, 0)), valueOr(cl.Low, 0))
	}
	scale := niceCeil(float64(top))
	x := func(v int) float64 { return 4 + (c.Width-8)*float64(v)/scale }
	lo, hi := x(valueOr(e.Low, 0)), x(valueOr(e.High, 0))
	c.Range = mark{X: lo, Y: 9, W: max(hi-lo, 2), H: 8}
	c.Best = mark{X: x(valueOr(e.Best, 0)), Y: 4, H: 18, Title: "best estimate " + formatIntPtr(e.Best)}
	for _, cl := range e.Claims {
		c.Claims = append(c.Claims, mark{X: x(valueOr(cl.Low, valueOr(cl.High, 0))), Y: 13,
			Title: fmt.Sprintf("%s (%s): %s", cl.Claimant, roleLabel(cl.ClaimantRole), claimFigure(cl)), Class: "role-" + string(cl.ClaimantRole)})
	}
	c.MaxLabel = formatInt(int(scale))
	return c
}

// stripChart puts incidents on a time line, for a campaign.
type stripChart struct {
	Width, Height float64
	Axis          mark
	Dots          []mark
}

// stripAxisY is the height of a strip chart's time axis.
const stripAxisY = 62.0

func incidentStrip(incs []model.Incident) *stripChart {
	var dated []model.Incident
	for _, inc := range incs {
		if !inc.Date.IsZero() {
			dated = append(dated, inc)
		}
	}
	if len(dated) == 0 {
		return nil
	}
	sort.Slice(dated, func(i, j int) bool { return dated[i].Date.Start.Before(dated[j].Date.Start) })
	c := &stripChart{Width: 1200, Height: 130}
	first, last := dated[0].Date.Start, dated[len(dated)-1].Date.Start
	span := max(last.Sub(first).Hours(), 24*30)
	const pad = 110.0
	x := func(t time.Time) float64 { return pad + (c.Width-2*pad)*t.Sub(first).Hours()/span }
	c.Axis = mark{X: pad - 20, Y: stripAxisY, W: c.Width - pad + 20}
	for i, inc := range dated {
		labelY := stripAxisY - 38
		if i%2 == 1 {
			labelY = stripAxisY + 34
		}
		c.Dots = append(c.Dots, mark{X: x(inc.Date.Start), Y: stripAxisY, H: labelY, Label: placeLabel(inc), Sub: formatDate(inc.Date),
			Title: incidentTitle(inc) + ", " + formatDate(inc.Date), Class: "t-" + string(inc.Type), Href: "/incidents/" + inc.ID})
	}
	return c
}

// breakdown turns facet counts into proportional bars linking to the filtered incident list.
func breakdown(counts []store.FacetCount, param string) []mark {
	top := 1
	for _, c := range counts {
		top = max(top, c.Count)
	}
	out := make([]mark, 0, len(counts))
	for _, c := range counts {
		m := mark{W: 100 * float64(c.Count) / float64(top), Title: formatInt(c.Count),
			Href: "/incidents?" + url.Values{param: {c.Value}}.Encode(), Label: c.Value}
		switch param {
		case "type":
			m.Label, m.Class = typeLabel(model.EventType(c.Value)), "t-"+c.Value
		case "country":
			m.Label = countryName(c.Value)
		}
		out = append(out, m)
	}
	return out
}
