package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runIncidents(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("incidents", "", "List incidents, newest first, filtered by country, type, actor and dates.")
	c := settings(fs, e)
	var q store.IncidentQuery
	fs.StringVar(&q.Country, "country", "", "ISO 3166-1 alpha-2 country `code`")
	fs.StringVar(&q.Type, "type", "", "incident type: facility_attack, mass_escape, riot, thwarted_attack or other_attack")
	fs.StringVar(&q.Actor, "actor", "", "perpetrator `name` (canonical)")
	fs.StringVar(&q.Campaign, "campaign", "", "campaign `name`")
	fs.StringVar(&q.Q, "q", "", "words the facility, place, actors or source titles must contain")
	since := fs.String("since", "", "only incidents on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "only incidents on or before `YYYY-MM-DD`")
	format := fs.String("format", "table", "output format: table, json, csv or geojson")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	for _, f := range []struct {
		name, value string
		dst         **time.Time
	}{{"since", *since, &q.Since}, {"until", *until, &q.Until}} {
		if f.value == "" {
			continue
		}
		t, err := time.Parse(model.DateLayout, f.value)
		if err != nil {
			fmt.Fprintf(e.stderr, "wallwatch incidents: --%s %q: want YYYY-MM-DD\n", f.name, f.value)
			return exitUsage
		}
		*f.dst = &t
	}
	writers := map[string]exportWriter{"json": export.JSON, "csv": export.CSV, "geojson": export.GeoJSON, "table": incidentTable}
	w, ok := writers[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch incidents: --format %q: want table, json, csv or geojson\n", *format)
		return exitUsage
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	incs, _, err := s.Incidents(ctx, q)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch incidents: %v\n", err)
		return exitFailed
	}
	if err := w(e.stdout, incs); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch incidents: %v\n", err)
		return exitFailed
	}
	return exitOK
}

func runIncident(ctx context.Context, e env, args []string) int {
	inc, format, code := showOne(ctx, e, args, "incident",
		"Show one incident: every field, every claim with its quote and source, and how each estimate changed.",
		(*store.Store).Incident)
	if code >= 0 {
		return code
	}
	if format == "json" {
		return writeJSON(e, export.FromModel(inc))
	}
	printIncident(e, inc)
	return exitOK
}

func incidentTable(w io.Writer, incs []model.Incident) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tCOUNTRY\tPLACE\tFACILITY\tPERPETRATORS\tESCAPED\tKILLED\tSOURCES")
	for _, inc := range incs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", inc.ID, incidentDate(inc.Date), inc.Type,
			orDash(inc.Place.Country), orDash(truncate(inc.Place.Name, 24)), orDash(truncate(inc.Facility, 30)),
			orDash(truncate(strings.Join(inc.Perpetrators, ", "), 30)), estimateCell(inc.Metrics[model.Escaped]),
			estimateCell(inc.Metrics[model.Killed]), len(inc.Documents))
	}
	return tw.Flush()
}

func incidentDate(d model.Date) string {
	if d.IsZero() {
		return "-"
	}
	switch d.Precision {
	case model.PrecisionYear:
		return d.Start.Format("2006")
	case model.PrecisionMonth:
		return d.Start.Format("2006-01")
	}
	return d.Start.Format(model.DateLayout)
}

// estimateCell shows best (low–high), with a ! when sources disagree.
func estimateCell(e model.Estimate) string {
	if e.Best == nil {
		return "-"
	}
	s := fmt.Sprint(*e.Best)
	if e.Low != nil && e.High != nil && *e.Low != *e.High {
		s += fmt.Sprintf(" (%d–%d)", *e.Low, *e.High)
	}
	if e.Contested {
		s += "!"
	}
	return s
}

func printIncident(e env, inc model.Incident) {
	out := e.stdout
	fmt.Fprintf(out, "%s  %s  %s (%s)\n", inc.ID, inc.Type, incidentDate(inc.Date), inc.Date.Precision)
	fmt.Fprintf(out, "Where:         %s\n", placeLine(inc.Place, inc.Facility))
	if inc.Place.Precision != "" {
		fmt.Fprintf(out, "Coordinates:   %.4f, %.4f\n", inc.Place.Lat, inc.Place.Lon)
	}
	fmt.Fprintf(out, "Perpetrators:  %s\n", orDash(strings.Join(inc.Perpetrators, ", ")))
	fmt.Fprintf(out, "Methods:       %s\n", orDash(strings.Join(inc.Methods, ", ")))
	fmt.Fprintf(out, "Campaigns:     %s\n", orDash(strings.Join(inc.Campaigns, ", ")))
	fmt.Fprintln(out, "Sources:")
	for _, d := range inc.Documents {
		note := ""
		if d.DuplicateOf != "" {
			note = " (copy of " + d.DuplicateOf + ")"
		}
		fmt.Fprintf(out, "  %s  %s  %s%s\n", d.ID, dayOrDash(d.Published), orDash(d.Title), note)
	}
	for _, m := range model.Metrics {
		est, ok := inc.Metrics[m]
		if !ok {
			continue
		}
		fmt.Fprintf(out, "\n%s: best %s\n", strings.ToUpper(string(m)), estimateCell(est))
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, c := range est.Claims {
			side := ""
			if c.Side != "" && c.Side != "unknown" {
				side = " " + c.Side
			}
			fmt.Fprintf(tw, "  %s%s\t%s [%s]\t%s\t%s\t“%s”\n", figure(c.Low, c.High), side, c.Claimant, c.ClaimantRole,
				incidentDate(c.Reported), c.DocumentID, truncate(c.Quote, 100))
		}
		tw.Flush()
		if len(est.History) > 1 {
			fmt.Fprint(out, "  history:")
			for _, h := range est.History {
				fmt.Fprintf(out, " %s→%s", incidentDate(h.Reported), intOrDash(h.Best))
			}
			fmt.Fprintln(out)
		}
	}
}

func intOrDash(v *int) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprint(*v)
}
