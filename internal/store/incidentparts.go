package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
)

// HistoryFunc derives the history of an estimate from its claims (link.History): the store keeps
// claims, and a history would change with every claim reported before others.
type HistoryFunc func(metric model.Metric, claims []model.Claim, docs map[string]model.DocumentRef) []model.EstimatePoint

// Option configures a store at Open.
type Option func(*Store)

// WithHistory makes the store fill in estimate histories when it reads incidents; without it,
// incidents are read without histories.
func WithHistory(fn HistoryFunc) Option {
	return func(s *Store) { s.history = fn }
}

// attach completes incidents read from their rows with their documents, figures, claims and,
// when the store derives them, histories: three queries for any number of incidents.
func (s *Store) attach(ctx context.Context, incs []model.Incident) error {
	if len(incs) == 0 {
		return nil
	}
	list, err := idList(incs)
	if err != nil {
		return err
	}
	docs, err := s.incidentDocuments(ctx, list, refQuery{})
	if err != nil {
		return err
	}
	lists := make([][]model.DocumentRef, 0, len(docs))
	for _, refs := range docs {
		lists = append(lists, refs)
	}
	if err := s.hideOriginalsOf(ctx, lists...); err != nil {
		return err
	}
	if err := s.attachFigures(ctx, incs, list, docs, true); err != nil {
		return err
	}
	if err := s.attachReviews(ctx, incs, list); err != nil {
		return err
	}
	claims, err := s.incidentClaims(ctx, list)
	if err != nil {
		return err
	}
	for i := range incs {
		s.addClaims(&incs[i], claims[incs[i].ID], refsByID(incs[i].Documents))
	}
	return nil
}

// incidentClaims reads every claim of the incidents listed (a JSON array), by incident, each
// incident's in one stable order: as reported, then by document and quote.
func (s *Store) incidentClaims(ctx context.Context, list string) (map[string][]model.Claim, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, `+claimColumns+` FROM incident_claims
		WHERE incident_id IN (SELECT value FROM json_each(?))
		ORDER BY incident_id, reported, document_id, quote_start, quote_end, low, high, side, claimant, quote`, list)
	if err != nil {
		return nil, fmt.Errorf("incident claims: %w", err)
	}
	claims, _, err := scanClaims(rows)
	if err != nil {
		return nil, fmt.Errorf("incident claims: %w", err)
	}
	return claims, nil
}

// addClaims puts claims into their incident's metrics, each marked as its document is, and,
// when the store derives them, gives each metric its history over the documents given.
func (s *Store) addClaims(inc *model.Incident, claims []model.Claim, refs map[string]model.DocumentRef) {
	for _, c := range claims {
		c.TLP = refs[c.DocumentID].TLP
		e := inc.Metrics[c.Metric]
		e.Claims = append(e.Claims, c)
		inc.Metrics[c.Metric] = e
	}
	for metric, e := range inc.Metrics {
		if s.history != nil && len(e.Claims) > 0 {
			e.History = s.history(metric, e.Claims, refs)
			inc.Metrics[metric] = e
		}
	}
}

// refsByID indexes documents by id.
func refsByID(docs []model.DocumentRef) map[string]model.DocumentRef {
	refs := make(map[string]model.DocumentRef, len(docs))
	for _, d := range docs {
		refs[d.ID] = d
	}
	return refs
}

// attachBrief gives each incident its figures and, with documents, the ids of the documents it
// cites, for lists and maps: no claims, no histories.
func (s *Store) attachBrief(ctx context.Context, incs []model.Incident, documents bool) error {
	if len(incs) == 0 {
		return nil
	}
	list, err := idList(incs)
	if err != nil {
		return err
	}
	docs := map[string][]model.DocumentRef{}
	if documents {
		if docs, err = s.documentIDs(ctx, list); err != nil {
			return err
		}
	}
	if err := s.attachFigures(ctx, incs, list, docs, false); err != nil {
		return err
	}
	return s.attachReviews(ctx, incs, list)
}

// attachFigures gives each incident its documents, its figures (an empty map when none) and its
// marking: the most restrictive of its documents' when they are marked (read whole, as attach
// reads them), else from incident_markings.
func (s *Store) attachFigures(ctx context.Context, incs []model.Incident, list string, docs map[string][]model.DocumentRef, marked bool) error {
	figures, err := s.incidentFigures(ctx, list)
	if err != nil {
		return err
	}
	markings := map[string]model.TLP{}
	if marked {
		for id, refs := range docs {
			markings[id] = model.TLPClear
			for _, d := range refs {
				markings[id] = model.TLPs[max(markings[id].Rank(), d.TLP.Rank())]
			}
		}
	} else if markings, err = s.incidentMarkings(ctx, list); err != nil {
		return err
	}
	for i := range incs {
		inc := &incs[i]
		inc.Documents, inc.TLP = docs[inc.ID], markings[inc.ID]
		if inc.Metrics = figures[inc.ID]; inc.Metrics == nil {
			inc.Metrics = map[model.Metric]model.Estimate{}
		}
	}
	return nil
}

// incidentMarkings returns the most restrictive marking among the documents of each incident
// listed that the context's audience may see, from incident_markings alone.
func (s *Store) incidentMarkings(ctx context.Context, ids string) (map[string]model.TLP, error) {
	visible, args := AudienceFrom(ctx).markingFilter("m")
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, max(tlp_rank) FROM incident_markings m
		WHERE incident_id IN (SELECT value FROM json_each(?)) AND `+visible+` GROUP BY incident_id`, append([]any{ids}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("incident markings: %w", err)
	}
	defer rows.Close()
	out := map[string]model.TLP{}
	for rows.Next() {
		var id string
		var rank int
		if err := rows.Scan(&id, &rank); err != nil {
			return nil, fmt.Errorf("incident markings: %w", err)
		}
		out[id] = model.TLPs[min(rank, len(model.TLPs)-1)]
	}
	return out, rows.Err()
}

// idList is the incidents' ids as a JSON array, for json_each in one query over all of them.
func idList(incs []model.Incident) (string, error) {
	ids := make([]string, len(incs))
	for i, inc := range incs {
		ids[i] = inc.ID
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return "", fmt.Errorf("incident parts: %w", err)
	}
	return string(list), nil
}

// documentIDs returns the ids of the documents each of the incidents listed (a JSON array) cites.
func (s *Store) documentIDs(ctx context.Context, ids string) (map[string][]model.DocumentRef, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, document_id FROM incident_documents
		WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY incident_id, document_id`, ids)
	if err != nil {
		return nil, fmt.Errorf("incident documents: %w", err)
	}
	defer rows.Close()
	docs := map[string][]model.DocumentRef{}
	for rows.Next() {
		var incident, doc string
		if err := rows.Scan(&incident, &doc); err != nil {
			return nil, fmt.Errorf("incident documents: %w", err)
		}
		docs[incident] = append(docs[incident], model.DocumentRef{ID: doc})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident documents: %w", err)
	}
	return docs, nil
}

// refQuery narrows what incidentDocuments reads: only the documents passing filter (on
// documents d) when it is not "", and of those offset skipped and at most limit (0: all).
type refQuery struct {
	filter        string
	args          []any
	offset, limit int
}

// incidentDocuments returns the documents each incident cites, with their URLs, markings and
// owners, by publication date (unknown last), then id; only those q selects.
func (s *Store) incidentDocuments(ctx context.Context, ids string, q refQuery) (map[string][]model.DocumentRef, error) {
	filter, page := "", ""
	if q.filter != "" {
		filter = " AND " + q.filter
	}
	if q.limit > 0 || q.offset > 0 {
		page = fmt.Sprintf(" LIMIT %d OFFSET %d", cmp.Or(q.limit, -1), q.offset)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT x.incident_id, d.id, d.source, d.url, d.title, d.published, d.duplicate_of, d.tlp,
		COALESCE(o.name, '') FROM incident_documents x JOIN documents d ON d.id = x.document_id
		LEFT JOIN organisations o ON o.id = d.org_id
		WHERE x.incident_id IN (SELECT value FROM json_each(?))`+filter+`
		ORDER BY x.incident_id, d.published IS NULL, d.published, d.id`+page, append([]any{ids}, q.args...)...)
	if err != nil {
		return nil, fmt.Errorf("incident documents: %w", err)
	}
	defer rows.Close()
	out := map[string][]model.DocumentRef{}
	for rows.Next() {
		var incident string
		var r model.DocumentRef
		var published, dup sql.NullString
		if err := rows.Scan(&incident, &r.ID, &r.Source, &r.URL, &r.Title, &published, &dup, &r.TLP, &r.Org); err != nil {
			return nil, fmt.Errorf("incident documents: %w", err)
		}
		r.Published, r.DuplicateOf = parseDay(published), dup.String
		out[incident] = append(out[incident], r)
	}
	return out, rows.Err()
}

// incidentFigures returns each incident's estimates by metric, without claims.
func (s *Store) incidentFigures(ctx context.Context, ids string) (map[string]map[model.Metric]model.Estimate, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT i.id, e.metric, e.best, e.low, e.high, e.contested
		FROM incidents i JOIN incident_estimates e ON e.incident_seq = i.seq
		WHERE i.id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, fmt.Errorf("incident figures: %w", err)
	}
	defer rows.Close()
	out := map[string]map[model.Metric]model.Estimate{}
	for rows.Next() {
		var incident string
		var metric model.Metric
		var best, low, high sql.NullInt64
		var e model.Estimate
		if err := rows.Scan(&incident, &metric, &best, &low, &high, &e.Contested); err != nil {
			return nil, fmt.Errorf("incident figures: %w", err)
		}
		e.Best, e.Low, e.High = intPtr(best), intPtr(low), intPtr(high)
		if out[incident] == nil {
			out[incident] = map[model.Metric]model.Estimate{}
		}
		out[incident][metric] = e
	}
	return out, rows.Err()
}

// PerpetratorClaims returns, by incident, the claims an armed group put forward about it (their
// metric, claimant and document): what wave detection reads of claims, without quotes or figures.
func (s *Store) PerpetratorClaims(ctx context.Context) (map[string][]model.Claim, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT incident_id, metric, claimant, document_id FROM incident_claims
		WHERE claimant_role = ? AND claimant <> '' ORDER BY incident_id, metric, claimant, document_id`, string(model.RolePerpetrator))
	if err != nil {
		return nil, fmt.Errorf("perpetrator claims: %w", err)
	}
	defer rows.Close()
	out := map[string][]model.Claim{}
	for rows.Next() {
		var incident string
		c := model.Claim{ClaimantRole: model.RolePerpetrator}
		if err := rows.Scan(&incident, &c.Metric, &c.Claimant, &c.DocumentID); err != nil {
			return nil, fmt.Errorf("perpetrator claims: %w", err)
		}
		out[incident] = append(out[incident], c)
	}
	return out, rows.Err()
}
