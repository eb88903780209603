package store

import (
	"context"
	"slices"
	"sort"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

// DetailPage selects the part of an incident's claims and documents a detail read carries:
// Offset of them skipped, at most Limit kept (0 keeps all from Offset on).
type DetailPage struct {
	ClaimsOffset, ClaimsLimit       int
	DocumentsOffset, DocumentsLimit int
}

// Detail is one incident as its detail page and the API show it: figures, histories and marking
// over every claim and document the reader may see, but only a page of the claims and documents
// themselves, with how many there are in all.
type Detail struct {
	// Incident holds the page's documents and, in each metric, the page's claims; its figures and
	// histories are those of every claim.
	Incident model.Incident
	// Claims and Documents count every claim and document the reader may see.
	Claims, Documents int
	// MetricClaims counts each metric's claims.
	MetricClaims map[model.Metric]int
	// Standings says how each of the page's claims weighs in its metric's estimate, in the order
	// of the metric's claims; it is weighed against every claim of the metric.
	Standings map[model.Metric][]link.Standing
	// Sources are the documents the page's claims cite, by id, to name them.
	Sources map[string]model.DocumentRef
	// DocumentIDs lists every document the incident cites that the reader may see.
	DocumentIDs []string
}

// Shown counts the claims of the page.
func (d Detail) Shown() int {
	n := 0
	for _, e := range d.Incident.Metrics {
		n += len(e.Claims)
	}
	return n
}

// IncidentDetail returns one incident with a page of its claims and documents. The incident is
// read whole, as Incident reads it for the context's audience: its histories (derived when read)
// and the standing of each claim depend on every claim and on the dates and copies of every
// document, so only what is handed on is paged.
func (s *Store) IncidentDetail(ctx context.Context, id string, p DetailPage) (Detail, error) {
	inc, err := s.Incident(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	return pageDetail(inc, p), nil
}

// ClaimOrder lists an incident's metrics in the order its claims are paged: the order of
// model.Metrics, then any other metric by name.
func ClaimOrder(metrics map[model.Metric]model.Estimate) []model.Metric {
	order := slices.Clone(model.Metrics)
	var others []model.Metric
	for m := range metrics {
		if !slices.Contains(order, m) {
			others = append(others, m)
		}
	}
	slices.Sort(others)
	return append(order, others...)
}

// pageDetail cuts a whole incident down to the page: its claims in one order (metric by
// ClaimOrder, then as reported, as stored within a day) and its documents as read.
func pageDetail(inc model.Incident, p DetailPage) Detail {
	d := Detail{Documents: len(inc.Documents), MetricClaims: map[model.Metric]int{},
		Standings: map[model.Metric][]link.Standing{}, Sources: map[string]model.DocumentRef{}}
	refs := make(map[string]model.DocumentRef, len(inc.Documents))
	for _, doc := range inc.Documents {
		refs[doc.ID] = doc
		d.DocumentIDs = append(d.DocumentIDs, doc.ID)
	}
	metrics := make(map[model.Metric]model.Estimate, len(inc.Metrics))
	skip, room := p.ClaimsOffset, limitOrAll(p.ClaimsLimit)
	for _, m := range ClaimOrder(inc.Metrics) {
		e, ok := inc.Metrics[m]
		if !ok {
			continue
		}
		claims := slices.Clone(e.Claims)
		sort.SliceStable(claims, func(i, j int) bool { return claims[i].Reported.Start.Before(claims[j].Reported.Start) })
		d.Claims += len(claims)
		d.MetricClaims[m] = len(claims)
		from := min(skip, len(claims))
		to := from + min(room, len(claims)-from)
		skip, room = skip-from, room-(to-from)
		if to > from {
			d.Standings[m] = link.Standings(m, claims, refs)[from:to]
		}
		e.Claims = claims[from:to:to]
		for _, c := range e.Claims {
			if ref, ok := refs[c.DocumentID]; ok {
				d.Sources[c.DocumentID] = ref
			}
		}
		metrics[m] = e
	}
	inc.Metrics = metrics
	inc.Documents = pageOf(inc.Documents, p.DocumentsOffset, p.DocumentsLimit)
	d.Incident = inc
	return d
}

// limitOrAll is a page's limit, 0 standing for no limit.
func limitOrAll(limit int) int {
	if limit <= 0 {
		return int(^uint(0) >> 1)
	}
	return limit
}

// pageOf is the page of a list from offset, at most limit long (0: to its end).
func pageOf[T any](list []T, offset, limit int) []T {
	from := min(offset, len(list))
	to := from + min(limitOrAll(limit), len(list)-from)
	return list[from:to:to]
}
