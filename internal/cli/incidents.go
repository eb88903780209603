package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runIncidents(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("incidents", "", "List incidents, newest first unless --sort says otherwise, filtered by country, type, actor,\ncampaign, words, dates and area, as the API filters them.")
	c := settings(fs, e)
	filters := addIncidentFilters(fs)
	format := fs.String("format", "table", "output format: table, json, csv, geojson or stix")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	writers := exportWriters()
	writers["table"] = incidentTable
	w, ok := writers[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch incidents: --format %q: want table, json, csv, geojson or stix\n", *format)
		return exitUsage
	}
	incs, code := listIncidents(ctx, e, "incidents", c, filters)
	if code >= 0 {
		return code
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
	if err := tw.Flush(); err != nil {
		return err
	}
	if anyContested(incs) {
		_, err := fmt.Fprintln(w, "\n! contested: the sources disagree on this figure; (low–high) is the range they give. 'wallwatch incident ID' shows every claim.")
		return err
	}
	return nil
}

func anyContested(incs []model.Incident) bool {
	for _, inc := range incs {
		for _, est := range inc.Metrics {
			if est.Contested {
				return true
			}
		}
	}
	return false
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
	fmt.Fprintf(out, "Review:        %s\n", reviewLine(inc.Review))
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
				incidentDate(c.Reported), review.KeyOf(c), c.Quote)
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
