package pipeline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
)

// fieldValue writes an incident's field as a set action takes it, for the audit log.
func fieldValue(inc model.Incident, field string) string {
	switch field {
	case "type":
		return string(inc.Type)
	case "date":
		if inc.Date.IsZero() {
			return ""
		}
		s := inc.Date.Start.Format(model.DateLayout)
		if inc.Date.End != nil {
			s += ".." + inc.Date.End.Format(model.DateLayout)
		}
		return s
	case "date_precision":
		return string(inc.Date.Precision)
	case "country":
		return inc.Place.Country
	case "admin1":
		return inc.Place.Admin1
	case "place":
		return inc.Place.Name
	case "coordinates":
		if inc.Place.Precision == "" {
			return ""
		}
		return strconv.FormatFloat(inc.Place.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(inc.Place.Lon, 'f', -1, 64)
	case "geo_precision":
		return string(inc.Place.Precision)
	case "facility":
		return inc.Facility
	case "perpetrators":
		return strings.Join(inc.Perpetrators, ", ")
	case "methods":
		return strings.Join(inc.Methods, ", ")
	case "campaigns":
		return strings.Join(inc.Campaigns, ", ")
	}
	return ""
}

// describeClaim says in a line who claimed what, for the audit log.
func describeClaim(c model.Claim) string {
	value := "no number"
	switch {
	case c.Low != nil && c.High != nil && *c.Low == *c.High:
		value = strconv.Itoa(*c.Low)
	case c.Low != nil && c.High != nil:
		value = strconv.Itoa(*c.Low) + "-" + strconv.Itoa(*c.High)
	case c.Low != nil:
		value = "more than " + strconv.Itoa(*c.Low)
	case c.High != nil:
		value = "up to " + strconv.Itoa(*c.High)
	}
	who := c.Claimant
	if who == "" {
		who = "the document"
	}
	s := fmt.Sprintf("%s %s by %s (%s)", value, c.Metric, who, c.ClaimantRole)
	if c.Side != "" {
		s += ", side " + c.Side
	}
	return s
}

// describeState says in a few words how an incident stands in review.
func describeState(r model.Review) string {
	var parts []string
	if !r.Reviewed {
		parts = append(parts, "unreviewed")
	}
	if r.Grade != "" {
		parts = append(parts, "graded "+r.Grade)
	}
	if r.Hidden {
		parts = append(parts, "hidden")
	} else {
		parts = append(parts, "shown")
	}
	return strings.Join(parts, ", ")
}

// after is the review state a hide or a confirm leaves.
func after(r model.Review, a *review.Action) model.Review {
	r.Reviewed = true
	switch a.Kind {
	case review.Hide:
		r.Hidden = true
	case review.Confirm:
		r.Grade = string(a.Grade)
	}
	return r
}
