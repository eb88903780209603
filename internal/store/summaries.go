package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Member is one distinct comparison profile of an incident's mentions (link.Member).
type Member struct {
	Code  string
	Count int
}

// Vote is one line of an incident's tally (link.Vote).
type Vote struct {
	Field  string
	Key    string
	Weight int
	Rank   string
	Value  string
}

// Candidate is a summarised incident near a new mention: its id, the key of its first mention
// and its distinct members.
type Candidate struct {
	ID      string
	First   string
	Members []Member
	seq     int64 // the incident's number, by which Summaries reads its members; 0 for none
}

// Window is where the linker looks for a mention's candidates: a country and the days the
// mention may stand for. Zero From and To mean every day (an undated mention).
type Window struct {
	Country  string
	From, To time.Time
}

// Days open to an undated window, within the 32-bit coordinates of the R*Tree.
const (
	firstDay = -math.MaxInt32 + 1
	lastDay  = math.MaxInt32 - 1
)

// bounds are the window's coordinates in incident_windows: a number for the country and day
// numbers since the epoch.
func (w Window) bounds() (country, from, to int64) {
	h := fnv.New32a()
	h.Write([]byte(w.Country))
	country = int64(h.Sum32() & math.MaxInt32)
	if w.From.IsZero() && w.To.IsZero() {
		return country, firstDay, lastDay
	}
	return country, w.From.Unix() / 86400, w.To.Unix() / 86400
}

// Candidates returns, sorted by id and each once, the incidents whose window overlaps one of the
// given windows in its country, each with the key of its first mention but not its members. The
// R*Tree finds them in logarithmic time, so the cost depends on the incidents near the windows,
// not on the store nor on how many mentions those incidents have (a transaction given a
// WindowIndex finds them there once it holds their country); their members are read apart
// (Summaries), so that a linker that kept them reads only those it lacks. They are pointers,
// shared with the kept index: a mention meets hundreds of candidates, and a list of whole
// candidates for each was most of what placing allocated. The caller does not change them.
func (t *Tx) Candidates(ctx context.Context, windows []Window) ([]*Candidate, error) {
	var out []*Candidate
	for _, w := range windows {
		var err error
		if out, err = t.windowCandidates(ctx, out, w); err != nil {
			return nil, fmt.Errorf("candidates in %d windows: %w", len(windows), err)
		}
	}
	slices.SortFunc(out, func(a, b *Candidate) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(out, func(a, b *Candidate) bool { return a.ID == b.ID }), nil
}

// windowCandidates appends to out the incidents whose window overlaps w in its country: from the
// kept index when it answers (KeepWindows), else from the R*Tree.
func (t *Tx) windowCandidates(ctx context.Context, out []*Candidate, w Window) ([]*Candidate, error) {
	c, from, to := w.bounds()
	if t.windows != nil {
		if found, ok, err := t.indexedCandidates(ctx, out, c, from, to); ok || err != nil {
			return found, err
		}
	}
	rows, err := t.stmt(ctx, t.stmts.candidateIDs).QueryContext(ctx, c, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		cand := &Candidate{}
		var seq sql.NullInt64
		if err := rows.Scan(&cand.ID, &seq, &cand.First); err != nil {
			return nil, err
		}
		cand.seq = seq.Int64
		out = append(out, cand)
	}
	return out, rows.Err()
}

// Summaries returns the candidates (Candidates) with their distinct members in code order, in
// the order given; one without members (or without an incident) is left out.
func (t *Tx) Summaries(ctx context.Context, cands []*Candidate) ([]Candidate, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	seqs := make([]int64, len(cands))
	for i, c := range cands {
		seqs[i] = c.seq
	}
	rows, err := t.queryList(ctx, t.stmts.summaries, seqs)
	if err != nil {
		return nil, fmt.Errorf("summaries of %d incidents: %w", len(cands), err)
	}
	defer rows.Close()
	members := make([][]Member, len(cands))
	for rows.Next() {
		var i int
		var m Member
		if err := rows.Scan(&i, &m.Code, &m.Count); err != nil {
			return nil, fmt.Errorf("read summary: %w", err)
		}
		members[i] = append(members[i], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read summary: %w", err)
	}
	var out []Candidate
	for i, ms := range members {
		if len(ms) == 0 {
			continue
		}
		// In the primary key's order as read, but no ORDER BY promises it.
		slices.SortFunc(ms, func(a, b Member) int { return strings.Compare(a.Code, b.Code) })
		c := *cands[i]
		c.Members = ms
		out = append(out, c)
	}
	return out, nil
}

// Changes is the store's count of committed write transactions as this transaction sees it
// (ChangeMark): the count this transaction's commit leaves is one more, unless another
// transaction commits first.
func (t *Tx) Changes(ctx context.Context) (int64, error) {
	var n int64
	if err := t.stmt(ctx, t.stmts.changes).QueryRowContext(ctx).Scan(&n); err != nil {
		return 0, fmt.Errorf("count of changes: %w", err)
	}
	return n, nil
}

// CreateIncident starts an empty summarised incident that mentions then join (AddToIncident):
// first is the key of its first mention, w the window of the mention. The window goes in first,
// so that the incident's row is written once, with its window's id.
func (t *Tx) CreateIncident(ctx context.Context, id, first string, w Window, now time.Time) error {
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return err
	}
	wid, err := t.insertWindow(ctx, id, seq, first, w)
	if err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.createIncident).ExecContext(ctx, id, first, now.UTC().Format(time.RFC3339), wid, seq); err != nil {
		return fmt.Errorf("create incident %s: %w", id, err)
	}
	return nil
}

// StartIncident starts an incident that mentions then join (AddToIncident) with its window (w,
// that of its first mention, whose key is first), and returns the window's row id. Its row is written once, when it
// is first decided (FirstDecision): written empty first, it moved every index entry of the
// incidents table a second time. Until then rows of its own refer to a row not there yet, which
// DeferForeignKeys allows until the commit. It takes its number (seqOf) now, so that numbers
// follow the order incidents start in.
func (t *Tx) StartIncident(ctx context.Context, id, first string, w Window) (int64, error) {
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return 0, err
	}
	return t.insertWindow(ctx, id, seq, first, w)
}

// DeferForeignKeys checks foreign keys at the commit rather than at each statement, for the rest
// of the transaction (StartIncident). The pragma is not prepared with the other statements: it
// takes effect when compiled.
func (t *Tx) DeferForeignKeys(ctx context.Context) error {
	if _, err := t.tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return fmt.Errorf("defer foreign keys: %w", err)
	}
	return nil
}

// insertWindow stores an incident's window in incident_windows, with the incident's number and
// first key, and returns its row id.
func (t *Tx) insertWindow(ctx context.Context, id string, seq int64, first string, w Window) (int64, error) {
	c, from, to := w.bounds()
	res, err := t.stmt(ctx, t.stmts.insertWindow).ExecContext(ctx, c, c, from, to, id, seq, first)
	if err != nil {
		return 0, fmt.Errorf("window of incident %s: %w", id, err)
	}
	wid, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("window of incident %s: %w", id, err)
	}
	if t.windows != nil {
		t.windows.add(c, indexedWindow{id: wid, lo: from, hi: to, incident: &Candidate{ID: id, First: first, seq: seq}})
	}
	return wid, nil
}

// setWindow gives a stored incident (its number seq, its first key first) its row in
// incident_windows.
func (t *Tx) setWindow(ctx context.Context, id string, seq int64, first string, w Window) error {
	wid, err := t.insertWindow(ctx, id, seq, first, w)
	if err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.setWindowID).ExecContext(ctx, wid, id); err != nil {
		return fmt.Errorf("window of incident %s: %w", id, err)
	}
	return nil
}

// Join is what one mention adds to an incident besides its claims (AddClaim).
type Join struct {
	Incident string
	Mention  model.Mention
	Code     string // its link.ProfileCode
	Window   Window // its window; a dated one narrows the incident's
	// Created says that the incident was just created for this mention, with its window
	// (CreateIncident, StartIncident): there is nothing to narrow.
	Created bool
	// Started is the row id of the window of an incident started in this transaction
	// (StartIncident), whose row is not written yet; 0 for an incident with a row.
	Started int64
	// Unstored is the mention as the workers encoded it when it is not stored yet (a new
	// document's): it is inserted linked to the incident, where a stored one is updated, so its
	// row and its mentions_incident entry are written once. nil for a stored mention.
	Unstored *EncodedMention
}

// AddToIncident adds a mention to an incident by delta: a member, the document reference, a
// narrower window, and the mention's link. Nothing already stored is rewritten. Its votes are
// written apart (PutVotes), summed over a batch.
func (t *Tx) AddToIncident(ctx context.Context, j Join) error {
	id := j.Incident
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.addMember).ExecContext(ctx, seq, j.Code); err != nil {
		return fmt.Errorf("incident %s member: %w", id, err)
	}
	if _, err := t.stmt(ctx, t.stmts.addIncidentDocument).ExecContext(ctx, id, j.Mention.DocumentID); err != nil {
		return fmt.Errorf("incident %s document: %w", id, err)
	}
	if !j.Created {
		if err := t.narrowWindow(ctx, id, j.Window, j.Started); err != nil {
			return err
		}
	}
	if j.Unstored != nil {
		return t.insertMention(ctx, j.Mention.DocumentID, *j.Unstored, id)
	}
	return t.SetMentionIncident(ctx, j.Mention.DocumentID, j.Mention.Index, id)
}

// narrowWindow narrows an incident's window to the days a dated mention shares with it. The
// window is read first and written only when it narrows: a write to a virtual table makes the
// full-text index flush what it holds in memory. started is the window's row id for an incident
// started in this transaction (Join.Started), 0 for one whose row tells it.
func (t *Tx) narrowWindow(ctx context.Context, id string, w Window, started int64) error {
	if w.From.IsZero() && w.To.IsZero() {
		return nil
	}
	_, from, to := w.bounds()
	query, arg := t.stmts.incidentWindow, any(id)
	if started != 0 {
		query, arg = t.stmts.windowDays, started
	}
	var wid, lo, hi int64
	if err := t.stmt(ctx, query).QueryRowContext(ctx, arg).Scan(&wid, &lo, &hi); err != nil {
		return fmt.Errorf("incident %s window: %w", id, err)
	}
	// Linking only joins overlapping windows; incidents an analyst merged may share no day, and
	// then the window stays as it is.
	if (from <= lo && to >= hi) || max(lo, from) > min(hi, to) {
		return nil
	}
	if _, err := t.stmt(ctx, t.stmts.narrowWindow).ExecContext(ctx, max(lo, from), min(hi, to), wid); err != nil {
		return fmt.Errorf("incident %s window: %w", id, err)
	}
	if t.windows != nil {
		t.windows.narrow(wid, max(lo, from), min(hi, to))
	}
	return nil
}

// AddClaim stores a claim of an incident (its reported date filled in) and returns its row for
// PutPosition; voice is the document an unnamed claimant speaks for.
func (t *Tx) AddClaim(ctx context.Context, incidentID string, c model.Claim, voice string) (int64, error) {
	var reported any
	if !c.Reported.IsZero() {
		reported = c.Reported.Start.UTC().Format(model.DateLayout)
	}
	res, err := t.stmt(ctx, t.stmts.insertClaim).ExecContext(ctx, incidentID, string(c.Metric), c.DocumentID, voice, c.Start, c.End,
		intOrNil(c.Low), intOrNil(c.High), c.Qualifier, c.Side, c.Claimant, string(c.ClaimantRole), reported,
		string(c.Reported.Precision), c.Quote)
	if err != nil {
		return 0, fmt.Errorf("incident %s claim: %w", incidentID, err)
	}
	row, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("incident %s claim: %w", incidentID, err)
	}
	return row, nil
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// PutVotes writes an incident's whole tally (SumVotes), replacing the one stored: one row, so
// that a report costs one statement for its votes instead of one for each line.
func (t *Tx) PutVotes(ctx context.Context, incidentID string, tally []Vote) error {
	data, err := encodeTally(tally)
	if err != nil {
		return fmt.Errorf("incident %s votes: %w", incidentID, err)
	}
	seq, err := t.seqOf(ctx, incidentID)
	if err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.putTally).ExecContext(ctx, seq, data); err != nil {
		return fmt.Errorf("incident %s votes: %w", incidentID, err)
	}
	return nil
}

// SumVotes sums votes line by line, sorted by field and key: a line's weight is the sum of its
// votes', its value that of the first vote of the lowest rank, as adding them one by one in the
// given order leaves it.
func SumVotes(votes []Vote) []Vote {
	sorted := slices.Clone(votes)
	slices.SortStableFunc(sorted, compareVotes)
	var out []Vote
	for _, v := range sorted {
		n := len(out)
		if n == 0 || compareVotes(out[n-1], v) != 0 {
			out = append(out, v)
			continue
		}
		sum := &out[n-1]
		sum.Weight += v.Weight
		if v.Rank < sum.Rank {
			sum.Rank, sum.Value = v.Rank, v.Value
		}
	}
	return out
}

// compareVotes orders tally lines by field and key.
func compareVotes(a, b Vote) int {
	return cmp.Or(strings.Compare(a.Field, b.Field), strings.Compare(a.Key, b.Key))
}

// encodeTally is how incident_tallies keeps a tally: a JSON array of [field, key, weight, rank,
// value] lines.
func encodeTally(tally []Vote) ([]byte, error) {
	lines := make([][5]any, len(tally))
	for i, v := range tally {
		lines[i] = [5]any{v.Field, v.Key, v.Weight, v.Rank, v.Value}
	}
	return json.Marshal(lines)
}

// decodeTally reads a tally encodeTally wrote, or the migration that made the table, in one pass.
func decodeTally(data []byte) ([]Vote, error) {
	var lines [][5]any
	if err := json.Unmarshal(data, &lines); err != nil {
		return nil, err
	}
	out := make([]Vote, len(lines))
	for i, l := range lines {
		field, ok1 := l[0].(string)
		key, ok2 := l[1].(string)
		weight, ok3 := l[2].(float64)
		rank, ok4 := l[3].(string)
		value, ok5 := l[4].(string)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
			return nil, fmt.Errorf("tally line %d: %v", i, l)
		}
		out[i] = Vote{Field: field, Key: key, Weight: int(weight), Rank: rank, Value: value}
	}
	return out, nil
}

// HasDocument reports whether an incident cites a document.
func (t *Tx) HasDocument(ctx context.Context, incidentID, docID string) (bool, error) {
	var n int
	if err := t.stmt(ctx, t.stmts.hasDocument).QueryRowContext(ctx, incidentID, docID).Scan(&n); err != nil {
		return false, fmt.Errorf("incident %s cites %s: %w", incidentID, docID, err)
	}
	return n > 0, nil
}

// IncidentVotes returns an incident's tally, sorted by field and key; none when it has none.
func (t *Tx) IncidentVotes(ctx context.Context, id string) ([]Vote, error) {
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return nil, err
	}
	var data []byte
	err = t.stmt(ctx, t.stmts.incidentTally).QueryRowContext(ctx, seq).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("votes of %s: %w", id, err)
	}
	tally, err := decodeTally(data)
	if err != nil {
		return nil, fmt.Errorf("votes of %s: %w", id, err)
	}
	return tally, nil
}

// TakeClaims removes an incident's claims and returns them, with the voice each document speaks
// with (DuplicateOf), so that they can be added again with their positions: the upgrade of an
// incident stored whole.
func (t *Tx) TakeClaims(ctx context.Context, id string) ([]model.Claim, map[string]model.DocumentRef, error) {
	rows, err := t.stmt(ctx, t.stmts.incidentClaims).QueryContext(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("claims of %s: %w", id, err)
	}
	claims, voices, err := scanClaims(rows)
	if err != nil {
		return nil, nil, fmt.Errorf("claims of %s: %w", id, err)
	}
	if _, err := t.stmt(ctx, t.stmts.clearIncidentClaims).ExecContext(ctx, id); err != nil {
		return nil, nil, fmt.Errorf("claims of %s: %w", id, err)
	}
	refs := make(map[string]model.DocumentRef, len(voices))
	for doc, voice := range voices {
		ref := model.DocumentRef{ID: doc}
		if voice != doc {
			ref.DuplicateOf = voice
		}
		refs[doc] = ref
	}
	return claims[id], refs, nil
}

// claimColumns are the columns scanClaims reads, after the incident id.
const claimColumns = `metric, document_id, voice, quote_start, quote_end, low, high, qualifier, side, claimant,
	claimant_role, reported, reported_precision, quote`

// scanClaims reads rows of incident_id and claimColumns: the claims by incident, and each
// document's voice.
func scanClaims(rows *sql.Rows) (map[string][]model.Claim, map[string]string, error) {
	defer rows.Close()
	claims := map[string][]model.Claim{}
	voices := map[string]string{}
	for rows.Next() {
		incident, voice, c, err := scanClaim(rows)
		if err != nil {
			return nil, nil, err
		}
		claims[incident] = append(claims[incident], c)
		voices[c.DocumentID] = voice
	}
	return claims, voices, rows.Err()
}

// scanClaim reads one row of the columns before (into before), incident_id and claimColumns.
func scanClaim(rows *sql.Rows, before ...any) (incident, voice string, c model.Claim, err error) {
	var low, high sql.NullInt64
	var reported sql.NullString
	dest := append(before, &incident, &c.Metric, &c.DocumentID, &voice, &c.Start, &c.End, &low, &high, &c.Qualifier,
		&c.Side, &c.Claimant, &c.ClaimantRole, &reported, &c.Reported.Precision, &c.Quote)
	if err := rows.Scan(dest...); err != nil {
		return "", "", model.Claim{}, err
	}
	c.Low, c.High = intPtr(low), intPtr(high)
	if day := parseDay(reported); day != nil {
		c.Reported.Start = *day
	}
	return incident, voice, c, nil
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// UpdateIncident writes the fields decided for a summarised incident (everything but its
// documents and metrics) and the figures of the metrics given, leaving the others as they are.
func (t *Tx) UpdateIncident(ctx context.Context, inc model.Incident, figures map[model.Metric]model.Estimate) error {
	data, err := incidentData(inc)
	if err != nil {
		return err
	}
	stored, err := t.storedIncidentRow(ctx, inc.ID)
	if err != nil {
		return err
	}
	// Most reports change no decided field: then only the update time moves.
	if !bytes.Equal(stored.data, data) {
		if err := t.rewriteIncidentRow(ctx, inc, stored); err != nil {
			return err
		}
	} else if _, err := t.stmt(ctx, t.stmts.touchIncident).ExecContext(ctx, inc.UpdatedAt.UTC().Format(time.RFC3339), inc.ID); err != nil {
		return fmt.Errorf("touch incident %s: %w", inc.ID, err)
	}
	return t.updateFigures(ctx, inc.ID, figures)
}

// FirstDecision writes the row, decided fields and figures of an incident started in this
// transaction (StartIncident, with its first key and window) and not decided since: it has no
// actor or campaign rows, and the figures given are all its estimates. So nothing is read first,
// and the row is written once, with the figure columns.
func (t *Tx) FirstDecision(ctx context.Context, inc model.Incident, figures map[model.Metric]model.Estimate, first string, window int64) error {
	args, err := incidentRow(inc)
	if err != nil {
		return err
	}
	escaped, killed, contested := figureColumns(figures)
	seq, err := t.seqOf(ctx, inc.ID)
	if err != nil {
		return err
	}
	if _, err := t.stmt(ctx, t.stmts.insertDecided).ExecContext(ctx, append(args, escaped, killed, contested, first, window, seq)...); err != nil {
		return fmt.Errorf("write incident %s: %w", inc.ID, err)
	}
	if err := t.putWaveInput(ctx, inc); err != nil {
		return err
	}
	if err := t.replaceIncidentLists(ctx, inc, &incidentLists{}); err != nil {
		return err
	}
	return t.putEstimates(ctx, inc.ID, figures)
}

// rewriteIncidentRow writes a linked incident's row whose decided fields changed (those of its
// columns that changed, updateIncidentRow), and those of its actor and campaign rows that
// changed: its rows are the lists of the data stored before (stored.data), and most changes are
// of other fields. A new incident's data is an empty object, and
// it has no such rows.
func (t *Tx) rewriteIncidentRow(ctx context.Context, inc model.Incident, stored storedRow) error {
	if err := t.updateIncidentRow(ctx, inc, stored); err != nil {
		return err
	}
	var before incidentLists
	if err := json.Unmarshal(stored.data, &before); err != nil {
		return fmt.Errorf("incident %s: stored data: %w", inc.ID, err)
	}
	return t.replaceIncidentLists(ctx, inc, &before)
}

// UnsummarisedIncidents lists the incidents without the summary linking needs: those stored
// before incremental linking, or whole by PutIncident.
func (t *Tx) UnsummarisedIncidents(ctx context.Context) ([]string, error) {
	ids, err := t.strings(ctx, `SELECT id FROM incidents WHERE summarised = 0 ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("unsummarised incidents: %w", err)
	}
	return ids, nil
}

// IncidentMentions returns the mentions linked to one incident.
func (t *Tx) IncidentMentions(ctx context.Context, id string) ([]StoredMention, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT incident_id, data FROM mentions WHERE incident_id = ? ORDER BY document_id, idx`, id)
	if err != nil {
		return nil, fmt.Errorf("mentions of incident %s: %w", id, err)
	}
	return scanMentions(rows)
}

// SetSummary replaces an incident's summary: the key of its first mention, its window, members
// and tally; it drops the incident's positions, which its claims then make again (TakeClaims,
// AddClaim, PutPosition).
func (t *Tx) SetSummary(ctx context.Context, id, first string, w Window, members []Member, votes []Vote) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM incident_windows WHERE id = (SELECT window_id FROM incidents WHERE id = ?)`, id); err != nil {
		return fmt.Errorf("summary of %s: %w", id, err)
	}
	t.windowsChanged()
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return err
	}
	if err := t.deleteSummary(ctx, seq); err != nil {
		return fmt.Errorf("summary of %s: %w", id, err)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE incidents SET first_key = ?, summarised = 1 WHERE id = ?`, first, id); err != nil {
		return fmt.Errorf("summary of %s: %w", id, err)
	}
	if err := t.setWindow(ctx, id, seq, first, w); err != nil {
		return err
	}
	for _, m := range members {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO incident_members(incident_seq, code, count) VALUES (?,?,?)`, seq, m.Code, m.Count); err != nil {
			return fmt.Errorf("summary of %s: %w", id, err)
		}
	}
	if len(votes) == 0 {
		return nil
	}
	return t.PutVotes(ctx, id, SumVotes(votes))
}
