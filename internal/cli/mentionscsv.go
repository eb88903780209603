package cli

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// mentionCSVHeader names the columns of mentions --format csv: one row per claim, the mention's
// fields repeated, so that a spreadsheet can filter and pivot; a mention without claims is one
// row with the claim columns empty.
var mentionCSVHeader = []string{"document", "index", "incident", "salience", "type", "date", "date_precision",
	"country", "admin1", "place", "geo_precision", "facility", "perpetrators", "methods", "campaigns",
	"metric", "side", "low", "high", "qualifier", "claimant", "claimant_role", "reported", "quote"}

func writeMentionsCSV(w io.Writer, ms []store.StoredMention) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(mentionCSVHeader); err != nil {
		return err
	}
	for _, m := range ms {
		base := []string{m.DocumentID, strconv.Itoa(m.Index), m.IncidentID, m.Salience, string(m.Type),
			csvDate(m.Date), string(m.Date.Precision), m.Place.Country, m.Place.Admin1, m.Place.Name,
			string(m.Place.Precision), m.Facility, strings.Join(m.Perpetrators, "; "), strings.Join(m.Methods, "; "),
			strings.Join(m.Campaigns, "; ")}
		if len(m.Claims) == 0 {
			if err := cw.Write(append(base, make([]string, len(mentionCSVHeader)-len(base))...)); err != nil {
				return err
			}
		}
		for _, c := range m.Claims {
			row := append(base[:len(base):len(base)], string(c.Metric), c.Side, csvInt(c.Low), csvInt(c.High), c.Qualifier,
				c.Claimant, string(c.ClaimantRole), csvDate(c.Reported), c.Quote)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Start.Format(model.DateLayout)
}

func csvInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}
