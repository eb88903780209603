// Package export writes incidents in the public formats: the JSON contract of
// shared/spec/export-json.md, ACLED-like CSV, GeoJSON and STIX 2.1. It turns model values into
// bytes and nothing else, so the CLI and the REST API give the same output.
package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Incident is one incident in the JSON contract. Field names are a public interface: add, never rename.
type Incident struct {
	ID            string                    `json:"id"`
	Type          string                    `json:"type"`
	DateStart     *string                   `json:"date_start"`
	DateEnd       *string                   `json:"date_end"`
	DatePrecision string                    `json:"date_precision"`
	Country       string                    `json:"country"`
	Admin1        *string                   `json:"admin1"`
	Place         *string                   `json:"place"`
	Lat           *float64                  `json:"lat"`
	Lon           *float64                  `json:"lon"`
	GeoPrecision  *string                   `json:"geo_precision"`
	Facility      *string                   `json:"facility"`
	Perpetrators  []string                  `json:"perpetrators"`
	Methods       []string                  `json:"methods"`
	Campaigns     []string                  `json:"campaigns"`
	Documents     []Document                `json:"documents"`
	Metrics       map[model.Metric]Estimate `json:"metrics"`
	Review        *Review                   `json:"review,omitempty"` // absent when nobody reviewed it
	// Lifecycle follows the escapees over the days of reports; absent without an escaped history.
	Lifecycle []LifecyclePoint `json:"lifecycle,omitempty"`
	// TLP is the most restrictive TLP 2.0 marking among the documents exported with it.
	TLP string `json:"tlp"`
}

// LifecyclePoint is where the escapees stood after one day of reports.
type LifecyclePoint struct {
	Reported   string `json:"reported"`
	Escaped    int    `json:"escaped"`
	Recaptured int    `json:"recaptured"`
	AtLarge    int    `json:"at_large"`
}

// Review is an analyst's standing on an incident (docs/review.md).
type Review struct {
	Reviewed       bool    `json:"reviewed"`
	Grade          *string `json:"grade"` // confirmed | fair | weak | contested | discounted, null when ungraded
	Hidden         bool    `json:"hidden,omitempty"`
	NewSinceReview bool    `json:"new_since_review,omitempty"`
	By             string  `json:"by"`
	At             string  `json:"at"`
}

// Document is how an exported incident cites a source.
type Document struct {
	ID          string  `json:"id"`
	Source      string  `json:"source"`
	Title       string  `json:"title"`
	Published   *string `json:"published"`
	DuplicateOf *string `json:"duplicate_of,omitempty"`
	URL         *string `json:"url,omitempty"`    // where it was published, when known
	Outlet      *string `json:"outlet,omitempty"` // who published it: the URL's host
	TLP         string  `json:"tlp"`              // its TLP 2.0 marking
}

// Estimate is the reconciled figure for one metric with every claim behind it.
type Estimate struct {
	Best      *int            `json:"best"`
	Low       *int            `json:"low"`
	High      *int            `json:"high"`
	Contested bool            `json:"contested"`
	Claims    []Claim         `json:"claims"`
	History   []EstimatePoint `json:"history,omitempty"`
	// Excluded are the claims review rejected; exported only when asked for (--rejected).
	Excluded []ExcludedClaim `json:"excluded,omitempty"`
}

// ExcludedClaim is a rejected claim with the analyst's reason.
type ExcludedClaim struct {
	Claim
	Reason string `json:"reason"`
}

// Claim is one number one source put forward in one document.
type Claim struct {
	Low          *int    `json:"low"`
	High         *int    `json:"high"`
	Qualifier    string  `json:"qualifier"`
	Side         *string `json:"side,omitempty"`
	Claimant     string  `json:"claimant"`
	ClaimantRole string  `json:"claimant_role"`
	Reported     *string `json:"reported"`
	Document     string  `json:"document"`
	Quote        string  `json:"quote"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	TLP          string  `json:"tlp"` // its document's TLP 2.0 marking
}

// EstimatePoint is the estimate after one report.
type EstimatePoint struct {
	Reported *string `json:"reported"`
	Document string  `json:"document"`
	Best     *int    `json:"best"`
	Low      *int    `json:"low"`
	High     *int    `json:"high"`
}

// FromModel converts an incident to its contract form.
func FromModel(inc model.Incident) Incident {
	out := Incident{
		ID:            inc.ID,
		Type:          string(inc.Type),
		DateStart:     day(inc.Date.Start),
		DatePrecision: string(inc.Date.Precision),
		Country:       inc.Place.Country,
		Admin1:        optional(inc.Place.Admin1),
		Place:         optional(inc.Place.Name),
		GeoPrecision:  optional(string(inc.Place.Precision)),
		Facility:      optional(inc.Facility),
		Perpetrators:  nonNil(inc.Perpetrators),
		Methods:       nonNil(inc.Methods),
		Campaigns:     nonNil(inc.Campaigns),
		Documents:     []Document{},
		Metrics:       map[model.Metric]Estimate{},
		TLP:           TLPText(inc.TLP),
	}
	if inc.Date.End != nil {
		out.DateEnd = day(*inc.Date.End)
	}
	if inc.Place.Precision != "" {
		lat, lon := inc.Place.Lat, inc.Place.Lon
		out.Lat, out.Lon = &lat, &lon
	}
	for _, d := range inc.Documents {
		doc := Document{ID: d.ID, Source: d.Source, Title: d.Title, DuplicateOf: optional(d.DuplicateOf),
			URL: optional(SourceURL(d)), Outlet: optional(Outlet(d)), TLP: TLPText(d.TLP)}
		if d.Published != nil {
			doc.Published = day(*d.Published)
		}
		out.Documents = append(out.Documents, doc)
	}
	for metric, e := range inc.Metrics {
		out.Metrics[metric] = estimate(e)
	}
	for _, p := range inc.Lifecycle() {
		out.Lifecycle = append(out.Lifecycle, LifecyclePoint{Reported: p.Reported.Format(model.DateLayout), Escaped: p.Escaped,
			Recaptured: p.Recaptured, AtLarge: p.AtLarge})
	}
	if r := inc.Review; r.Reviewed {
		out.Review = &Review{Reviewed: true, Grade: optional(r.Grade), Hidden: r.Hidden, NewSinceReview: r.NewSince,
			By: r.By, At: r.At.UTC().Format(time.RFC3339)}
	}
	return out
}

func estimate(e model.Estimate) Estimate {
	out := Estimate{Best: e.Best, Low: e.Low, High: e.High, Contested: e.Contested, Claims: []Claim{}}
	for _, c := range e.Claims {
		out.Claims = append(out.Claims, ClaimFromModel(c))
	}
	for _, x := range e.Excluded {
		out.Excluded = append(out.Excluded, ExcludedClaim{Claim: ClaimFromModel(x.Claim), Reason: x.Reason})
	}
	for _, h := range e.History {
		out.History = append(out.History, EstimatePoint{Reported: day(h.Reported.Start), Document: h.DocumentID,
			Best: h.Best, Low: h.Low, High: h.High})
	}
	return out
}

// ClaimFromModel converts one claim to its contract form.
func ClaimFromModel(c model.Claim) Claim {
	return Claim{
		Low: c.Low, High: c.High, Qualifier: c.Qualifier, Side: optional(c.Side),
		Claimant: c.Claimant, ClaimantRole: string(c.ClaimantRole), Reported: day(c.Reported.Start),
		Document: c.DocumentID, Quote: c.Quote, Start: c.Start, End: c.End, TLP: TLPText(c.TLP),
	}
}

// TLPText is a marking as exports write it: CLEAR for what was stored before markings.
func TLPText(m model.TLP) string {
	if m == "" {
		return string(model.TLPClear)
	}
	return string(m)
}

// JSON writes incidents as one indented JSON array: always an array, "[]" when empty.
func JSON(w io.Writer, incs []model.Incident) error {
	out := make([]Incident, 0, len(incs))
	for _, inc := range incs {
		out = append(out, FromModel(inc))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(model.DateLayout)
	return &s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
