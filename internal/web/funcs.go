package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
)

//go:embed templates/*.html
var templateFiles embed.FS

// parsePages parses each page template together with the layout and the shared partials.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFiles, "templates/page_*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		page := strings.TrimSuffix(strings.TrimPrefix(name, "templates/page_"), ".html")
		t, err := template.New(page).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/partials.html", "templates/review.html", "templates/lifecycle.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		pages[page] = t
	}
	return pages, nil
}

var funcs = template.FuncMap{
	"typeLabel":        typeLabel,
	"tlpClass":         tlpClass,
	"tlpMeaning":       tlpMeaning,
	"metricLabel":      metricLabel,
	"roleLabel":        roleLabel,
	"country":          countryName,
	"num":              formatInt,
	"numPtr":           formatIntPtr,
	"day":              formatDay,
	"date":             formatDate,
	"claimFigure":      claimFigure,
	"estimate":         estimateText,
	"pathEscape":       url.PathEscape,
	"webURL":           webURL,
	"host":             hostOf,
	"refOutlet":        export.Outlet,
	"refURL":           export.SourceURL,
	"refLabel":         export.SourceLabel,
	"claimant":         claimantLabel,
	"contestedMetrics": contestedMetrics,
	"fileName":         fileName,
	"plural":           plural,
	"place":            placeLabel,
	"hasPrefix":        strings.HasPrefix,
	"eqFold":           strings.EqualFold,
	"eventTypes":       model.AllEventTypes,
	"f1":               func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"add":              func(a, b float64) float64 { return a + b },
	"sub":              func(a, b float64) float64 { return a - b },
	"stemEnd":          stemEnd,
	"metric":           metricOf,
	"spread": func(e model.Estimate) bool {
		return e.Low != nil && e.High != nil && *e.Low != *e.High
	},
	"sideLabel":    func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"incidentPath": func(id string) string { return "/incidents/" + url.PathEscape(id) },
	"actorPath":    func(name string) string { return "/actors/" + url.PathEscape(name) },
	"campaignPath": func(name string) string { return "/campaigns/" + url.PathEscape(name) },
	"documentPath": func(id string) string { return "/documents/" + url.PathEscape(id) },
	"quotePath": func(c model.Claim) string {
		return fmt.Sprintf("/documents/%s#span-%d-%d", url.PathEscape(c.DocumentID), c.Start, c.End)
	},
}

func typeLabel(t model.EventType) string {
	if info, ok := t.Info(); ok {
		return info.Label
	}
	return strings.ReplaceAll(string(t), "_", " ")
}

func metricLabel(m model.Metric) string {
	s := string(m)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func roleLabel(r model.Role) string {
	if r == "" {
		return "unknown"
	}
	return string(r)
}

var regionNames = display.English.Regions()

// countryName turns an ISO alpha-2 code into an English name; unknown codes stay as they are.
func countryName(code string) string {
	if code == "" {
		return "Unknown country"
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := regionNames.Name(r); name != "" {
		return name
	}
	return code
}

// formatInt writes a count with thousands separators.
func formatInt(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + formatInt(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func formatIntPtr(n *int) string {
	if n == nil {
		return "?"
	}
	return formatInt(*n)
}

func formatDay(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "undated"
	}
	return t.Format("2 Jan 2006")
}

// formatDate writes a date no finer than it is known.
func formatDate(d model.Date) string {
	if d.IsZero() {
		return "date unknown"
	}
	var s string
	switch d.Precision {
	case model.PrecisionYear:
		s = d.Start.Format("2006")
	case model.PrecisionMonth:
		s = d.Start.Format("Jan 2006")
	case model.PrecisionWeek:
		s = "week of " + d.Start.Format("2 Jan 2006")
	default:
		s = d.Start.Format("2 Jan 2006")
	}
	if d.End != nil && !d.End.Equal(d.Start) {
		s += " – " + d.End.Format("2 Jan 2006")
	}
	return s
}

// claimFigure writes the number a source gave the way it gave it.
func claimFigure(c model.Claim) string {
	switch {
	case c.Low != nil && c.High != nil && *c.Low == *c.High:
		if c.Qualifier == "approx" {
			return "about " + formatInt(*c.Low)
		}
		return formatInt(*c.Low)
	case c.Low != nil && c.High != nil:
		return formatInt(*c.Low) + "–" + formatInt(*c.High)
	case c.Low != nil:
		return "more than " + formatInt(*c.Low)
	case c.High != nil:
		return "up to " + formatInt(*c.High)
	}
	return "?"
}

// estimateText writes a reconciled figure: the best estimate and, when they differ, its range.
func estimateText(e model.Estimate) string {
	s := formatIntPtr(e.Best)
	if e.Low != nil && e.High != nil && *e.Low != *e.High {
		s += " (" + formatInt(*e.Low) + "–" + formatInt(*e.High) + ")"
	}
	return s
}

// webURL returns s when it is an http(s) URL a page may link to, "" otherwise.
func webURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// hostOf is the host of a URL without "www.", "" for anything else (a local path is never shown).
func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatInt(n) + " " + many
}

// stemEnd is where a campaign strip's stem meets its label: labels sit above or below the axis.
func stemEnd(labelY float64) float64 {
	if labelY < stripAxisY {
		return labelY + 22 // below the label's second line
	}
	return labelY - 15
}

// metricOf is an incident's estimate of one metric, nil when no source gave one.
func metricOf(inc model.Incident, m string) *model.Estimate {
	e, ok := inc.Metrics[model.Metric(m)]
	if !ok {
		return nil
	}
	return &e
}

// contestedMetrics are the figures of an incident its sources disagree on, in the usual order.
func contestedMetrics(inc model.Incident) []model.Metric {
	var out []model.Metric
	for _, m := range model.Metrics {
		if inc.Metrics[m].Contested {
			out = append(out, m)
		}
	}
	return out
}

// tlpClass is a marking as a CSS class suffix: "amber-strict" for AMBER+STRICT.
func tlpClass(t model.TLP) string {
	return strings.ReplaceAll(strings.ToLower(string(t)), "+", "-")
}

// tlpMeaning says in words who may see what a marking covers, for the badge's title.
func tlpMeaning(t model.TLP) string {
	switch t {
	case model.TLPClear:
		return "TLP:CLEAR: may be shared freely"
	case model.TLPGreen:
		return "TLP:GREEN: shared with every organisation's members, not the public"
	case model.TLPAmber:
		return "TLP:AMBER: shared within the owning organisation only"
	case model.TLPAmberStrict:
		return "TLP:AMBER+STRICT: the owning organisation only, no clients"
	}
	return "TLP:RED: the owning organisation's members only, never sent out by alerts"
}
