package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// PutIncident stores an incident whole, as given: its row, actors, campaigns, documents, claims
// and figures (a history is not stored: it is derived from the claims when read). The linker
// keeps a summary of the incidents it makes and adds to them by delta (AddToIncident); an
// incident stored whole is summarised from its mentions the first time the linker runs.
func (t *Tx) PutIncident(ctx context.Context, inc model.Incident) error {
	if err := t.writeIncidentRow(ctx, inc, false); err != nil {
		return err
	}
	seq, err := t.seqOf(ctx, inc.ID)
	if err != nil {
		return err
	}
	for _, child := range []struct {
		stmt *sql.Stmt
		key  any
	}{{t.stmts.clearIncidentDocs, inc.ID}, {t.stmts.clearIncidentClaims, inc.ID}, {t.stmts.clearIncidentEstimates, seq}} {
		if _, err := t.stmt(ctx, child.stmt).ExecContext(ctx, child.key); err != nil {
			return fmt.Errorf("incident %s: clear: %w", inc.ID, err)
		}
	}
	voices := map[string]string{}
	for _, d := range inc.Documents {
		if voices[d.ID] = d.ID; d.DuplicateOf != "" {
			voices[d.ID] = d.DuplicateOf
		}
		if _, err := t.stmt(ctx, t.stmts.addIncidentDocument).ExecContext(ctx, inc.ID, d.ID); err != nil {
			return fmt.Errorf("incident %s document: %w", inc.ID, err)
		}
	}
	for _, e := range inc.Metrics {
		for _, c := range e.Claims {
			voice := voices[c.DocumentID]
			if voice == "" {
				voice = c.DocumentID
			}
			if _, err := t.AddClaim(ctx, inc.ID, c, voice); err != nil {
				return err
			}
		}
	}
	return t.putFigures(ctx, inc.ID, inc.Metrics)
}

// writeIncidentRow upserts an incident's row, without its figure columns (putFigures), and
// replaces its actor and campaign rows.
func (t *Tx) writeIncidentRow(ctx context.Context, inc model.Incident, summarised bool) error {
	if err := t.putIncidentRow(ctx, inc, summarised); err != nil {
		return err
	}
	return t.replaceIncidentLists(ctx, inc, nil)
}

// replaceIncidentLists writes an incident's actor and campaign rows. before are the lists its
// rows hold, when known (the data stored with them: writeIncidentRow writes both together): a list
// equal to its rows is then left alone, and rows are deleted only when there are some. With
// before nil, both lists are replaced.
func (t *Tx) replaceIncidentLists(ctx context.Context, inc model.Incident, before *incidentLists) error {
	known := before != nil
	if !known {
		before = &incidentLists{}
	}
	for _, l := range [...]struct {
		clear, add     *sql.Stmt
		before, values []string
	}{{t.stmts.clearIncidentActors, t.stmts.addIncidentActor, before.Perpetrators, inc.Perpetrators},
		{t.stmts.clearIncidentCampaign, t.stmts.addIncidentCampaign, before.Campaigns, inc.Campaigns}} {
		if known && slices.Equal(l.before, l.values) {
			continue
		}
		if err := t.replaceIncidentList(ctx, inc.ID, l.clear, l.add, l.values, !known || len(l.before) > 0); err != nil {
			return fmt.Errorf("incident %s: %w", inc.ID, err)
		}
	}
	return nil
}

// incidentLists are the lists of an incident's stored data that have rows of their own.
type incidentLists struct{ Perpetrators, Campaigns []string }

// putIncidentRow upserts an incident's row, without its figure columns (putFigures).
func (t *Tx) putIncidentRow(ctx context.Context, inc model.Incident, summarised bool) error {
	args, err := incidentRow(inc)
	if err != nil {
		return err
	}
	seq, err := t.seqOf(ctx, inc.ID)
	if err != nil {
		return err
	}
	if _, err = t.stmt(ctx, t.stmts.putIncident).ExecContext(ctx, append(args, summarised, seq)...); err != nil {
		return fmt.Errorf("write incident %s: %w", inc.ID, err)
	}
	return t.putWaveInput(ctx, inc)
}

// incidentRow is an incident's row as putIncident and insertDecided take it: id, decided
// columns, data and update time.
func incidentRow(inc model.Incident) ([]any, error) {
	data, err := incidentData(inc)
	if err != nil {
		return nil, err
	}
	var lat, lon any
	if inc.Place.Precision != "" {
		lat, lon = inc.Place.Lat, inc.Place.Lon
	}
	var dateEnd any
	if inc.Date.End != nil {
		dateEnd = inc.Date.End.Format(model.DateLayout)
	}
	return []any{inc.ID, string(inc.Type), dayOrNilValue(inc.Date.Start), dateEnd, string(inc.Date.Precision), inc.Place.Country,
		inc.Place.Admin1, inc.Place.Name, inc.Facility, lat, lon, string(inc.Place.Precision),
		searchText(inc), data, inc.UpdatedAt.UTC().Format(time.RFC3339)}, nil
}

// replaceIncidentList replaces the rows of one of an incident's lists (actors, campaigns),
// deleting those it has first when it may have some (held).
func (t *Tx) replaceIncidentList(ctx context.Context, id string, clear, add *sql.Stmt, values []string, held bool) error {
	if held {
		if _, err := t.stmt(ctx, clear).ExecContext(ctx, id); err != nil {
			return fmt.Errorf("clear: %w", err)
		}
	}
	for _, v := range values {
		if _, err := t.stmt(ctx, add).ExecContext(ctx, id, v); err != nil {
			return fmt.Errorf("add %q: %w", v, err)
		}
	}
	return nil
}

// incidentData is what incidents.data holds: the incident without its documents, metrics and
// update time, which have rows and a column of their own.
func incidentData(inc model.Incident) ([]byte, error) {
	inc.Documents, inc.Metrics, inc.UpdatedAt = nil, nil, time.Time{}
	data, err := json.Marshal(inc)
	if err != nil {
		return nil, fmt.Errorf("encode incident %s: %w", inc.ID, err)
	}
	return data, nil
}

// putFigures upserts the figures of the metrics given and refreshes the columns lists sort and
// filter on (the best escaped and killed figures, whether any metric is contested).
func (t *Tx) putFigures(ctx context.Context, id string, figures map[model.Metric]model.Estimate) error {
	if err := t.putEstimates(ctx, id, figures); err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.refreshFigures).ExecContext(ctx, id); err != nil {
		return fmt.Errorf("incident %s figures: %w", id, err)
	}
	return nil
}

// updateFigures upserts those of the figures given that differ from the incident's stored ones
// and, when one did, writes the columns lists sort and filter on from all its estimates: most
// reports of a known incident leave its figures as they were, and the four index entries of
// those columns then stay where they are.
func (t *Tx) updateFigures(ctx context.Context, id string, figures map[model.Metric]model.Estimate) error {
	if len(figures) == 0 {
		return nil
	}
	stored, err := t.estimates(ctx, id)
	if err != nil {
		return err
	}
	changed := map[model.Metric]model.Estimate{}
	for metric, e := range figures {
		if old, ok := stored[metric]; !ok || !sameFigure(old, e) {
			changed[metric], stored[metric] = e, e
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if err := t.putEstimates(ctx, id, changed); err != nil {
		return err
	}
	escaped, killed, contested := figureColumns(stored)
	if _, err := t.stmt(ctx, t.stmts.setFigures).ExecContext(ctx, id, escaped, killed, contested); err != nil {
		return fmt.Errorf("incident %s figures: %w", id, err)
	}
	return nil
}

// estimates reads an incident's stored figures, by metric.
func (t *Tx) estimates(ctx context.Context, id string) (map[model.Metric]model.Estimate, error) {
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := t.stmt(ctx, t.stmts.incidentEstimates).QueryContext(ctx, seq)
	if err != nil {
		return nil, fmt.Errorf("incident %s estimates: %w", id, err)
	}
	defer rows.Close()
	out := map[model.Metric]model.Estimate{}
	for rows.Next() {
		var metric model.Metric
		var best, low, high sql.NullInt64
		var e model.Estimate
		if err := rows.Scan(&metric, &best, &low, &high, &e.Contested); err != nil {
			return nil, fmt.Errorf("incident %s estimates: %w", id, err)
		}
		e.Best, e.Low, e.High = intPtr(best), intPtr(low), intPtr(high)
		out[metric] = e
	}
	return out, wrapIf(rows.Err(), "incident %s estimates", id)
}

// sameFigure reports whether two estimates have the same stored figures.
func sameFigure(a, b model.Estimate) bool {
	same := func(x, y *int) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return same(a.Best, b.Best) && same(a.Low, b.Low) && same(a.High, b.High) && a.Contested == b.Contested
}

// putEstimates upserts the figures of the metrics given.
func (t *Tx) putEstimates(ctx context.Context, id string, figures map[model.Metric]model.Estimate) error {
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return err
	}
	for metric, e := range figures {
		if _, err := t.stmt(ctx, t.stmts.putEstimate).ExecContext(ctx, seq, string(metric),
			intOrNil(e.Best), intOrNil(e.Low), intOrNil(e.High), e.Contested); err != nil {
			return fmt.Errorf("incident %s %s estimate: %w", id, metric, err)
		}
	}
	return nil
}

// figureColumns are the columns refreshFigures derives from an incident's estimates when the
// figures given are all it has: the best escaped and killed figures, whether any is contested.
func figureColumns(figures map[model.Metric]model.Estimate) (escaped, killed any, contested bool) {
	for _, e := range figures {
		contested = contested || e.Contested
	}
	return intOrNil(figures[model.Escaped].Best), intOrNil(figures[model.Killed].Best), contested
}

// searchText is what the incidents' text filter matches besides document titles: names a user
// would type.
func searchText(inc model.Incident) string {
	parts := []string{inc.Facility, inc.Place.Name, inc.Place.Admin1, inc.Place.Country, string(inc.Type)}
	parts = append(parts, inc.Perpetrators...)
	parts = append(parts, inc.Campaigns...)
	return strings.ToLower(strings.Join(parts, " | "))
}

// Incident returns one incident.
func (s *Store) Incident(ctx context.Context, id string) (model.Incident, error) {
	inc, err := s.incidentRow(ctx, id)
	if err != nil {
		return inc, err
	}
	incs := []model.Incident{inc}
	if err := s.attach(ctx, incs); err != nil {
		return inc, err
	}
	if incs, err = s.narrow(ctx, AudienceFrom(ctx), incs, true); err != nil {
		return inc, err
	}
	if len(incs) == 0 {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	return incs[0], nil
}

// incidentRow reads one incident's row, if the context's audience may see any of it: its
// decided fields, without documents, figures or claims.
func (s *Store) incidentRow(ctx context.Context, id string) (model.Incident, error) {
	var data []byte
	var updated string
	visible, args := AudienceFrom(ctx).visibleIncidents("incidents")
	err := s.read.QueryRowContext(ctx, `SELECT data, updated_at FROM incidents WHERE id = ? AND `+visible,
		append([]any{id}, args...)...).Scan(&data, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, err)
	}
	return decodeIncident(data, updated)
}

// decodeIncident reads an incident's data and update time.
func decodeIncident(data []byte, updated string) (model.Incident, error) {
	var inc model.Incident
	if err := json.Unmarshal(data, &inc); err != nil {
		return inc, fmt.Errorf("decode incident: %w", err)
	}
	if t, err := time.Parse(time.RFC3339, updated); err == nil {
		inc.UpdatedAt = t
	}
	return inc, nil
}

// IncidentQuery filters and pages incidents. Zero values do not filter.
type IncidentQuery struct {
	Country   string
	Type      string
	Actor     string
	Campaign  string
	Facility  string // the facility's name as incidents give it (case-insensitive)
	Since     *time.Time
	Until     *time.Time
	Q         string
	BBox      *[4]float64 // min lon, min lat, max lon, max lat
	Contested bool        // only incidents with a figure the sources disagree on
	Sort      string      // "date" (newest first, default), "-date" (oldest first), "escaped", "killed", "contested" (then newest)
	Cursor    string      // from the previous page's NextCursor
	Limit     int         // 0 means no limit
	// Brief leaves out what lists and maps do not show — claims, histories and documents other than
	// their ids — so that a page of incidents reported thousands of times stays small.
	Brief bool
	// NoDocuments, with Brief, leaves out the document ids too: a map counts no sources.
	NoDocuments bool
	// Hidden includes the incidents review hid (not an incident), which lists leave out.
	Hidden bool
}

// ErrBadCursor is returned for a cursor this store did not make.
var ErrBadCursor = errors.New("malformed cursor")

// Incidents returns one page of matching incidents and the cursor of the next page ("" at the end).
func (s *Store) Incidents(ctx context.Context, q IncidentQuery) ([]model.Incident, string, error) {
	aud := AudienceFrom(ctx)
	where, args, err := s.incidentFilters(ctx, q, aud)
	if err != nil {
		return nil, "", err
	}
	order, keyCol, desc := q.order()
	if q.Cursor != "" {
		key, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		cmp := ">"
		if desc {
			cmp = "<"
		}
		where = append(where, fmt.Sprintf("(%s %s ? OR (%s = ? AND id > ?))", keyCol, cmp, keyCol))
		args = append(args, key, key, id)
	}
	query := `SELECT data, updated_at, ` + keyCol + ` FROM incidents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit+1)
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("list incidents: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	var keys []string
	for rows.Next() {
		var data []byte
		var updated string
		var key sql.NullString
		if err := rows.Scan(&data, &updated, &key); err != nil {
			return nil, "", fmt.Errorf("list incidents: %w", err)
		}
		inc, err := decodeIncident(data, updated)
		if err != nil {
			return nil, "", err
		}
		out = append(out, inc)
		keys = append(keys, key.String)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	attach := s.attach
	if q.Brief {
		attach = func(ctx context.Context, incs []model.Incident) error {
			return s.attachBrief(ctx, incs, !q.NoDocuments)
		}
	}
	if err := attach(ctx, out); err != nil {
		return nil, "", err
	}
	next := ""
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
		next = encodeCursor(keys[q.Limit-1], out[q.Limit-1].ID)
	}
	out, err = s.narrow(ctx, aud, out, !q.Brief)
	return out, next, err
}

// filters are the query's conditions on the incidents table, the audience's among them, but for
// the text filter, which needs the store (Store.incidentFilters adds it).
func (q IncidentQuery) filters(aud Audience) ([]string, []any) {
	var where []string
	var args []any
	add := func(cond string, vals ...any) {
		where = append(where, cond)
		args = append(args, vals...)
	}
	if q.Country != "" {
		add("country = ?", strings.ToUpper(q.Country))
	}
	if q.Type != "" {
		add("type = ?", q.Type)
	}
	if q.Actor != "" {
		add("EXISTS (SELECT 1 FROM incident_actors a WHERE a.incident_id = incidents.id AND a.actor = ? COLLATE NOCASE)", q.Actor)
	}
	if q.Campaign != "" {
		add("EXISTS (SELECT 1 FROM incident_campaigns c WHERE c.incident_id = incidents.id AND c.campaign = ? COLLATE NOCASE)", q.Campaign)
	}
	if q.Facility != "" {
		add("facility = ? COLLATE NOCASE", q.Facility)
	}
	if q.Actor != "" || q.Campaign != "" || q.Facility != "" {
		// Names are stored as decided from every document: a restricted audience finds by them
		// only the incidents it sees whole (docs/accounts.md).
		whole, wholeArgs := aud.wholeIncidents("incidents.id")
		add(whole, wholeArgs...)
	}
	if q.Since != nil {
		add("date_start >= ?", q.Since.Format(model.DateLayout))
	}
	if q.Until != nil {
		add("date_start <= ?", q.Until.Format(model.DateLayout))
	}
	if b := q.BBox; b != nil {
		add("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?", b[0], b[2], b[1], b[3])
	}
	if q.Contested {
		add("contested = 1")
	}
	if !q.Hidden {
		add(hiddenOf("incidents"))
	}
	return aud.andVisible(where, args, "incidents")
}

// order returns the ORDER BY clause, the column the cursor keys on and whether it descends. A
// date filter keeps only dated incidents, so lists with one sort on date_start itself, whose
// index serves the range; without one they sort on the start date with undated incidents as an
// empty one (last), which no range can use: a filter until an early date then read every
// incident newest first (0.4-0.8 s at 100,000 documents).
func (q IncidentQuery) order() (string, string, bool) {
	date := "COALESCE(date_start, '')"
	if q.Since != nil || q.Until != nil {
		date = "date_start"
	}
	switch q.Sort {
	case "-date":
		return date + " ASC, id ASC", date, false
	case "escaped":
		return "printf('%012d', COALESCE(escaped_best, 0)) DESC, id ASC", "printf('%012d', COALESCE(escaped_best, 0))", true
	case "contested":
		key := "(contested || '|' || COALESCE(date_start, ''))"
		return key + " DESC, id ASC", key, true
	case "killed":
		return "printf('%012d', COALESCE(killed_best, 0)) DESC, id ASC", "printf('%012d', COALESCE(killed_best, 0))", true
	default:
		return date + " DESC, id ASC", date, true
	}
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func encodeCursor(key, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key + "\x00" + id))
}

func decodeCursor(c string) (string, string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", "", ErrBadCursor
	}
	key, id, ok := strings.Cut(string(b), "\x00")
	if !ok {
		return "", "", ErrBadCursor
	}
	return key, id, nil
}

// CountIncidents counts the stored incidents the context's audience may see.
func (s *Store) CountIncidents(ctx context.Context) (int, error) {
	var n int
	visible, args := AudienceFrom(ctx).visibleIncidents("incidents")
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM incidents WHERE `+visible, args...).Scan(&n)
	return n, err
}
