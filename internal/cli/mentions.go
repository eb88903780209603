package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runMentions(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("mentions", "", "Show what extraction read from documents: one mention per incident a document describes,\nwith every figure, its claimant and the sentence it was read from.")
	c := settings(fs, e)
	docID := fs.String("doc", "", "only the mentions of this document `ID`")
	format := fs.String("format", "table", "output format: table, json or csv (one row per claim)")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		fmt.Fprintf(e.stderr, "wallwatch mentions: --format %q: want table, json or csv\n", *format)
		return exitUsage
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	ms, err := s.Mentions(ctx, *docID)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch mentions: %v\n", err)
		return exitFailed
	}
	switch *format {
	case "csv":
		if err := writeMentionsCSV(e.stdout, ms); err != nil {
			fmt.Fprintf(e.stderr, "wallwatch mentions: %v\n", err)
			return exitFailed
		}
		return exitOK
	case "json":
		out := make([]mentionJSON, 0, len(ms))
		for _, m := range ms {
			out = append(out, toMentionJSON(m))
		}
		return writeJSON(e, out)
	}
	for _, m := range ms {
		printMention(e, m)
	}
	return exitOK
}

// mentionJSON is a mention as the CLI prints it: the contract's shapes for dates and claims.
type mentionJSON struct {
	Document     string                    `json:"document"`
	Index        int                       `json:"index"`
	Incident     string                    `json:"incident,omitempty"`
	Salience     string                    `json:"salience"`
	Type         string                    `json:"type"`
	Date         *string                   `json:"date"`
	Precision    string                    `json:"date_precision"`
	Country      string                    `json:"country"`
	Admin1       string                    `json:"admin1,omitempty"`
	Place        string                    `json:"place,omitempty"`
	Facility     string                    `json:"facility,omitempty"`
	Perpetrators []string                  `json:"perpetrators"`
	Methods      []string                  `json:"methods"`
	Campaigns    []string                  `json:"campaigns"`
	Claims       map[string][]export.Claim `json:"claims"`
	Evidence     []model.Span              `json:"evidence"`
}

func toMentionJSON(m store.StoredMention) mentionJSON {
	claims := map[string][]export.Claim{}
	for _, c := range m.Claims {
		claims[string(c.Metric)] = append(claims[string(c.Metric)], export.ClaimFromModel(c))
	}
	var date *string
	if !m.Date.IsZero() {
		d := m.Date.Start.Format(model.DateLayout)
		date = &d
	}
	return mentionJSON{Document: m.DocumentID, Index: m.Index, Incident: m.IncidentID, Salience: m.Salience,
		Type: string(m.Type), Date: date, Precision: string(m.Date.Precision), Country: m.Place.Country,
		Admin1: m.Place.Admin1, Place: m.Place.Name, Facility: m.Facility, Perpetrators: nonNilStrings(m.Perpetrators),
		Methods: nonNilStrings(m.Methods), Campaigns: nonNilStrings(m.Campaigns), Claims: claims, Evidence: m.Evidence}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func printMention(e env, m store.StoredMention) {
	date := "-"
	if !m.Date.IsZero() {
		date = m.Date.Start.Format(model.DateLayout) + " (" + string(m.Date.Precision) + ")"
	}
	fmt.Fprintf(e.stdout, "%s#%d  %s  %s  %s\n", m.DocumentID, m.Index, m.Salience, m.Type, date)
	fmt.Fprintf(e.stdout, "  where:   %s\n", placeLine(m.Place, m.Facility))
	if len(m.Perpetrators) > 0 {
		fmt.Fprintf(e.stdout, "  who:     %s\n", strings.Join(m.Perpetrators, ", "))
	}
	if len(m.Methods) > 0 {
		fmt.Fprintf(e.stdout, "  how:     %s\n", strings.Join(m.Methods, ", "))
	}
	if len(m.Campaigns) > 0 {
		fmt.Fprintf(e.stdout, "  campaign: %s\n", strings.Join(m.Campaigns, ", "))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, c := range m.Claims {
		metric := string(c.Metric)
		if c.Side != "" && c.Side != "unknown" {
			metric += " (" + c.Side + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s [%s]\t“%s”\n", metric, figure(c.Low, c.High), c.Claimant, c.ClaimantRole, truncate(c.Quote, 90))
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
}

func placeLine(p model.Place, facility string) string {
	var parts []string
	for _, s := range []string{facility, p.Name, p.Admin1, p.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ") + fmt.Sprintf(" [%s]", p.Precision)
}

// figure renders a claim's bounds the way a reader says them.
func figure(low, high *int) string {
	switch {
	case low != nil && high != nil && *low == *high:
		return fmt.Sprint(*low)
	case low != nil && high != nil:
		return fmt.Sprintf("%d–%d", *low, *high)
	case low != nil:
		return fmt.Sprintf("≥%d", *low)
	case high != nil:
		return fmt.Sprintf("≤%d", *high)
	}
	return "?"
}
