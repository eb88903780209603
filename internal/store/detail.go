package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
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

// IncidentDetail returns one incident with a page of its claims and documents. Its histories
// (derived when read) and the standing of each claim depend on every claim and on the date and
// copy link of every document, so those are read whole; the documents' sources, titles,
// markings and owners are read for the page only. An incident the context's audience sees only
// in part is remade from what it may see (Incident) and then cut to the page.
func (s *Store) IncidentDetail(ctx context.Context, id string, p DetailPage) (Detail, error) {
	inc, err := s.incidentRow(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	list, err := idList([]model.Incident{inc})
	if err != nil {
		return Detail{}, err
	}
	if aud := AudienceFrom(ctx); aud.restricted {
		partial, err := s.partialIncidents(ctx, aud, list)
		if err != nil {
			return Detail{}, err
		}
		if len(partial) > 0 {
			whole, err := s.Incident(ctx, id)
			if err != nil {
				return Detail{}, err
			}
			return pageDetail(whole, p), nil
		}
	}
	return s.detailByPage(ctx, inc, list, p)
}

// detailByPage completes an incident row the audience sees whole into its detail: the page's
// documents read whole first. When they are all the incident cites, it is completed from them as
// Incident completes it, with no more queries than Incident makes; otherwise its figures and
// marking come from their rows, histories and standings from every claim and every document's
// date and copy link, and the documents the page's claims cite are read whole.
func (s *Store) detailByPage(ctx context.Context, inc model.Incident, list string, p DetailPage) (Detail, error) {
	page, err := s.incidentDocuments(ctx, list, refQuery{offset: p.DocumentsOffset, limit: p.DocumentsLimit})
	if err != nil {
		return Detail{}, err
	}
	docs := page[inc.ID]
	if err := s.hideOriginalsOf(ctx, docs); err != nil {
		return Detail{}, err
	}
	whole := p.DocumentsOffset == 0 && (p.DocumentsLimit == 0 || len(docs) < p.DocumentsLimit)
	all := docs
	if !whole {
		if all, err = s.documentDates(ctx, inc.ID); err != nil {
			return Detail{}, err
		}
	}
	incs := []model.Incident{inc}
	if err := s.attachFigures(ctx, incs, list, map[string][]model.DocumentRef{inc.ID: all}, whole); err != nil {
		return Detail{}, err
	}
	if err := s.attachReviews(ctx, incs, list); err != nil {
		return Detail{}, err
	}
	claims, err := s.incidentClaims(ctx, list)
	if err != nil {
		return Detail{}, err
	}
	inc = incs[0]
	s.addClaims(&inc, claims[inc.ID], refsByID(all))
	d := pageDetail(inc, p)
	if whole {
		return d, nil
	}
	d.Incident.Documents = docs
	return d, s.citedSources(ctx, &d, list)
}

// citedSources reads whole the documents the page's claims cite, which d holds only the dates
// and copy links of, and marks each claim as its document is.
func (s *Store) citedSources(ctx context.Context, d *Detail, list string) error {
	cited := make([]string, 0, len(d.Sources))
	for id := range d.Sources {
		cited = append(cited, id)
	}
	citedList, err := json.Marshal(cited)
	if err != nil {
		return fmt.Errorf("incident %s detail: %w", d.Incident.ID, err)
	}
	sources, err := s.incidentDocuments(ctx, list, refQuery{filter: "d.id IN (SELECT value FROM json_each(?))", args: []any{string(citedList)}})
	if err != nil {
		return err
	}
	refs := sources[d.Incident.ID]
	if err := s.hideOriginalsOf(ctx, refs); err != nil {
		return err
	}
	d.Sources = refsByID(refs)
	for m, e := range d.Incident.Metrics {
		for i, c := range e.Claims {
			e.Claims[i].TLP = d.Sources[c.DocumentID].TLP
		}
		d.Incident.Metrics[m] = e
	}
	return nil
}

// documentDates lists the documents an incident cites with what histories and standings read of
// them — publication date and copy link — in the order of incidentDocuments, with the copy
// links to documents the context's audience may not see removed. It reads neither markings nor
// owners, which sit past each document's text and raw bytes in its row.
func (s *Store) documentDates(ctx context.Context, id string) ([]model.DocumentRef, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, d.published, d.duplicate_of FROM incident_documents x
		JOIN documents d ON d.id = x.document_id WHERE x.incident_id = ?
		ORDER BY d.published IS NULL, d.published, d.id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %s documents: %w", id, err)
	}
	defer rows.Close()
	var out []model.DocumentRef
	for rows.Next() {
		var r model.DocumentRef
		var published, dup sql.NullString
		if err := rows.Scan(&r.ID, &published, &dup); err != nil {
			return nil, fmt.Errorf("incident %s documents: %w", id, err)
		}
		r.Published, r.DuplicateOf = parseDay(published), dup.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %s documents: %w", id, err)
	}
	return out, s.hideOriginalsOf(ctx, out)
}

// hideOriginalsOf removes from the documents given the copy links to documents the context's
// audience may not see.
func (s *Store) hideOriginalsOf(ctx context.Context, lists ...[]model.DocumentRef) error {
	var originals []*string
	for _, refs := range lists {
		for i := range refs {
			originals = append(originals, &refs[i].DuplicateOf)
		}
	}
	return s.hideOriginals(ctx, originals)
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
	refs := refsByID(inc.Documents)
	for _, doc := range inc.Documents {
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
		return math.MaxInt
	}
	return limit
}

// pageOf is the page of a list from offset, at most limit long (0: to its end).
func pageOf[T any](list []T, offset, limit int) []T {
	from := min(offset, len(list))
	to := from + min(limitOrAll(limit), len(list)-from)
	return list[from:to:to]
}
