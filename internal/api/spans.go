package api

import (
	"sort"

	"github.com/wallwatch/wallwatch/internal/store"
)

// Span is a stretch of a document's text that extraction read: evidence (a date, place,
// facility, actor, figure…) or the quote of a claim (kind "claim", Value the metric). Offsets
// count runes into the document text.
type Span struct {
	Kind     string `json:"kind"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Value    string `json:"value,omitempty"`
	Incident string `json:"incident,omitempty"` // the incident of the mention it came from
}

// Spans collects the spans of a document's mentions, valid for a text of textLen runes: each
// (kind, start, end) once, sorted by start, longer first, so that enclosing spans come first.
func Spans(ms []store.StoredMention, textLen int) []Span {
	seen := map[[3]any]bool{}
	out := []Span{}
	add := func(s Span) {
		key := [3]any{s.Kind, s.Start, s.End}
		if seen[key] || s.Start < 0 || s.End > textLen || s.Start >= s.End {
			return
		}
		seen[key] = true
		out = append(out, s)
	}
	for _, m := range ms {
		for _, c := range m.Claims {
			add(Span{Kind: "claim", Start: c.Start, End: c.End, Text: c.Quote, Value: string(c.Metric), Incident: m.IncidentID})
		}
		for _, e := range m.Evidence {
			add(Span{Kind: e.Kind, Start: e.Start, End: e.End, Text: e.Text, Value: e.Value, Incident: m.IncidentID})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}
