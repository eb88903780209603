package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
)

// narrow gives a restricted audience its own view of the incidents read for it. An incident
// whose every document the audience may see keeps its stored summary, fields and figures: the
// common case costs one indexed probe of incident_markings for the whole page. An incident citing
// a document the audience may not see is made again from the documents it may: its decided
// fields by link.Build over their mentions, its figures by link.Reconcile over their claims (with
// claims and histories only when full). An incident left without a visible document is dropped.
func (s *Store) narrow(ctx context.Context, a Audience, incs []model.Incident, full bool) ([]model.Incident, error) {
	if !a.restricted || len(incs) == 0 {
		return incs, nil
	}
	list, err := idList(incs)
	if err != nil {
		return nil, err
	}
	partial, err := s.partialIncidents(ctx, a, list)
	if err != nil || len(partial) == 0 {
		return incs, err
	}
	ids, err := json.Marshal(partial)
	if err != nil {
		return nil, fmt.Errorf("narrow incidents: %w", err)
	}
	docFilter, docArgs := a.documentFilter("d")
	docs, err := s.incidentDocuments(ctx, string(ids), refQuery{filter: docFilter, args: docArgs})
	if err != nil {
		return nil, err
	}
	mentions, err := s.visibleMentions(ctx, string(ids), docFilter, docArgs)
	if err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.incident_id, `+claimColumns+` FROM incident_claims c
		JOIN documents d ON d.id = c.document_id WHERE c.incident_id IN (SELECT value FROM json_each(?)) AND `+docFilter+`
		ORDER BY c.incident_id, reported, document_id, quote_start, quote_end, low, high, side, claimant, quote`,
		append([]any{string(ids)}, docArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("visible claims: %w", err)
	}
	claims, _, err := scanClaims(rows)
	if err != nil {
		return nil, fmt.Errorf("visible claims: %w", err)
	}
	isPartial := map[string]bool{}
	for _, id := range partial {
		isPartial[id] = true
	}
	out := incs[:0:0]
	for _, inc := range incs {
		if !isPartial[inc.ID] {
			out = append(out, inc)
			continue
		}
		if len(docs[inc.ID]) == 0 {
			continue
		}
		out = append(out, remake(inc, docs[inc.ID], mentions[inc.ID], claims[inc.ID], full))
	}
	return out, nil
}

// partialIncidents lists which of the incidents (a JSON array of ids) cite a document the
// audience may not see.
func (s *Store) partialIncidents(ctx context.Context, a Audience, list string) ([]string, error) {
	visible, args := a.markingFilter("m")
	ids, err := column[string](s.read.QueryContext(ctx, `SELECT DISTINCT incident_id FROM incident_markings m
		WHERE incident_id IN (SELECT value FROM json_each(?)) AND NOT `+visible, append([]any{list}, args...)...))
	if err != nil {
		return nil, fmt.Errorf("partly visible incidents: %w", err)
	}
	return ids, nil
}

// visibleMentions reads the mentions of the listed incidents whose documents pass docFilter.
func (s *Store) visibleMentions(ctx context.Context, list, docFilter string, docArgs []any) (map[string][]model.Mention, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT m.incident_id, m.data FROM mentions m JOIN documents d ON d.id = m.document_id
		WHERE m.incident_id IN (SELECT value FROM json_each(?)) AND `+docFilter+` ORDER BY m.document_id, m.idx`,
		append([]any{list}, docArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("visible mentions: %w", err)
	}
	sms, err := scanMentions(rows)
	if err != nil {
		return nil, err
	}
	out := map[string][]model.Mention{}
	for _, sm := range sms {
		out[sm.IncidentID] = append(out[sm.IncidentID], sm.Mention)
	}
	return out, nil
}

// remake is an incident as its visible documents, mentions and claims alone make it.
func remake(inc model.Incident, docs []model.DocumentRef, ms []model.Mention, claims []model.Claim, full bool) model.Incident {
	refs := make(map[string]model.DocumentRef, len(docs))
	for _, d := range docs {
		refs[d.ID] = d
	}
	for i, d := range docs {
		if _, ok := refs[d.DuplicateOf]; !ok {
			docs[i].DuplicateOf = "" // the original is not visible: not even its id
			refs[d.ID] = docs[i]
		}
	}
	if len(ms) > 0 {
		b := link.Build(ms, refs, nil)
		inc.Type, inc.Date, inc.Place, inc.Facility = b.Type, b.Date, b.Place, b.Facility
		inc.Perpetrators, inc.Methods, inc.Campaigns = b.Perpetrators, b.Methods, b.Campaigns
	}
	inc.Documents, inc.TLP = docs, model.TLPClear
	for _, d := range docs {
		inc.TLP = model.TLPs[max(inc.TLP.Rank(), d.TLP.Rank())]
	}
	byMetric := map[model.Metric][]model.Claim{}
	for _, c := range claims {
		c.TLP = refs[c.DocumentID].TLP
		byMetric[c.Metric] = append(byMetric[c.Metric], c)
	}
	inc.Metrics = make(map[model.Metric]model.Estimate, len(byMetric))
	for metric, cs := range byMetric {
		e := link.Reconcile(metric, cs, refs)
		if !full {
			e.Claims, e.History = nil, nil
		}
		inc.Metrics[metric] = e
	}
	return inc
}
