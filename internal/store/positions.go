package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Position is a claim as it stands in an estimate (link.Position).
type Position struct {
	Side     string
	Vague    bool
	Source   string
	Reported time.Time
	Value    int
	Lower    int
	Upper    int
	LowEnd   float64
	HighEnd  float64 // +Inf when open
	Tier     int
}

// reportedDay is how a position's reported day is kept: "" when unknown, so it sorts first.
func reportedDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(model.DateLayout)
}

// LatestPosition returns the reported day of a source's current positions on the quantity of p,
// and none when it has none.
func (t *Tx) LatestPosition(ctx context.Context, incidentID string, metric model.Metric, p Position) (latest time.Time, none bool, err error) {
	seq, err := t.seqOf(ctx, incidentID)
	if err != nil {
		return time.Time{}, false, err
	}
	var day sql.NullString
	err = t.stmt(ctx, t.stmts.latestPosition).QueryRowContext(ctx, seq, string(metric), p.Side, p.Vague, p.Source).Scan(&day)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("incident %s positions: %w", incidentID, err)
	}
	if !day.Valid {
		return time.Time{}, true, nil
	}
	if d := parseDay(day); d != nil {
		latest = *d
	}
	return latest, false, nil
}

// Change is what a new position does to its source's current positions on its quantity
// (link.Supersedes), as LatestPosition tells it.
type Change int

const (
	// FirstPosition: the source has no current position on the quantity.
	FirstPosition Change = iota
	// ReplacePositions: the new position is later than the source's, which it replaces.
	ReplacePositions
	// JoinPositions: the new position is of the same day as the source's, which it joins.
	JoinPositions
)

// PutPosition records a current position, the claim of row claim, as change says: replacing first
// drops the source's earlier positions on the quantity. A source's first position, the common
// case (each report is a source), reads and drops nothing.
func (t *Tx) PutPosition(ctx context.Context, incidentID string, metric model.Metric, p Position, claim int64, change Change) error {
	seq, err := t.seqOf(ctx, incidentID)
	if err != nil {
		return err
	}
	key := []any{seq, string(metric), p.Side, p.Vague, p.Source}
	if change == ReplacePositions {
		if _, err := t.stmt(ctx, t.stmts.dropPositions).ExecContext(ctx, key...); err != nil {
			return fmt.Errorf("incident %s positions: %w", incidentID, err)
		}
	}
	var highEnd any
	if !math.IsInf(p.HighEnd, 1) {
		highEnd = p.HighEnd
	}
	if _, err := t.stmt(ctx, t.stmts.insertPosition).ExecContext(ctx, append(key, reportedDay(p.Reported), p.Value,
		p.Lower, p.Upper, p.LowEnd, highEnd, p.Tier, claim)...); err != nil {
		return fmt.Errorf("incident %s positions: %w", incidentID, err)
	}
	return nil
}

// Positions answers an estimate's questions (link.Positions) about the current positions of one
// metric of one incident, from the leaf of incident_positions that holds them (migration 0026:
// they are few, and keyed by incident, quantity and source). What an estimate asks of one side
// and firmness — its bounds, its leaders and how many sources stand for each leader's value — is
// read in one statement when first asked and kept: a Positions is made for one estimate, with no
// write between its questions.
type Positions struct {
	ctx        context.Context
	tx         *Tx
	incident   string
	seq        int64 // the incident's (seqOf)
	metric     model.Metric
	quantities map[quantityKey]*quantity
}

// quantityKey names what current positions count: a side, firm or vague.
type quantityKey struct {
	side  string
	vague bool
}

// quantity is what an estimate asks of the current positions on one side and firmness.
type quantity struct {
	found                 bool // any current position: the rest is zero without one
	low, high             int
	maxLowEnd, minHighEnd float64
	leaders               []model.Claim
	sources               map[int]int // by the value of each leader
}

// Positions returns the current positions of an incident's metric.
func (t *Tx) Positions(ctx context.Context, incidentID string, metric model.Metric) (*Positions, error) {
	seq, err := t.seqOf(ctx, incidentID)
	if err != nil {
		return nil, err
	}
	return &Positions{ctx: ctx, tx: t, incident: incidentID, seq: seq, metric: metric, quantities: map[quantityKey]*quantity{}}, nil
}

// Sides lists the sides with current positions ("" for totals), and whether any claim on the
// metric gives a total (side empty or unknown), even without a number. One statement answers
// both: a row for each side, or one without a side when there is none.
func (p *Positions) Sides() ([]string, bool, error) {
	rows, err := p.tx.stmt(p.ctx, p.tx.stmts.positionSides).QueryContext(p.ctx, p.seq, string(p.metric), p.incident)
	if err != nil {
		return nil, false, fmt.Errorf("incident %s sides: %w", p.incident, err)
	}
	defer rows.Close()
	var sides []string
	var totals bool
	for rows.Next() {
		var side sql.NullString
		if err := rows.Scan(&side, &totals); err != nil {
			return nil, false, fmt.Errorf("incident %s sides: %w", p.incident, err)
		}
		if side.Valid {
			sides = append(sides, side.String)
		}
	}
	return sides, totals, wrapIf(rows.Err(), "incident %s sides", p.incident)
}

// Extremes returns the bounds of the current positions on one side and firmness.
func (p *Positions) Extremes(side string, vague bool) (found bool, low, high int, maxLowEnd, minHighEnd float64, err error) {
	q, err := p.quantity(side, vague)
	if err != nil {
		return false, 0, 0, 0, 0, err
	}
	return q.found, q.low, q.high, q.maxLowEnd, q.minHighEnd, nil
}

// Leaders returns the claims of the current positions of the first tier, at its latest day.
func (p *Positions) Leaders(side string, vague bool) ([]model.Claim, error) {
	q, err := p.quantity(side, vague)
	if err != nil {
		return nil, err
	}
	return q.leaders, nil
}

// Sources counts the distinct sources whose current positions stand for a value: read with the
// leaders for theirs, counted among the quantity's positions for another.
func (p *Positions) Sources(side string, vague bool, value int) (int, error) {
	q, err := p.quantity(side, vague)
	if err != nil {
		return 0, err
	}
	if n, ok := q.sources[value]; ok {
		return n, nil
	}
	var n int
	err = p.tx.stmt(p.ctx, p.tx.stmts.valueSources).QueryRowContext(p.ctx, p.seq, string(p.metric), side, vague, value).Scan(&n)
	return n, wrapIf(err, "incident %s sources", p.incident)
}

// quantity returns what an estimate asks of one side and firmness, reading it the first time:
// one row for each leader, each with the bounds and its value's count of sources, and no row
// when there is no current position.
func (p *Positions) quantity(side string, vague bool) (*quantity, error) {
	k := quantityKey{side, vague}
	if q, ok := p.quantities[k]; ok {
		return q, nil
	}
	rows, err := p.tx.stmt(p.ctx, p.tx.stmts.positionQuantity).QueryContext(p.ctx, p.seq, string(p.metric), side, vague)
	if err != nil {
		return nil, fmt.Errorf("incident %s positions: %w", p.incident, err)
	}
	defer rows.Close()
	q := &quantity{sources: map[int]int{}}
	for rows.Next() {
		var lowEnd float64
		var highEnd sql.NullFloat64
		var value, sources int
		_, _, c, err := scanClaim(rows, &q.low, &q.high, &lowEnd, &highEnd, &value, &sources)
		if err != nil {
			return nil, fmt.Errorf("incident %s positions: %w", p.incident, err)
		}
		q.found, q.maxLowEnd, q.minHighEnd = true, lowEnd, math.Inf(1)
		if highEnd.Valid {
			q.minHighEnd = highEnd.Float64
		}
		q.leaders, q.sources[value] = append(q.leaders, c), sources
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %s positions: %w", p.incident, err)
	}
	p.quantities[k] = q
	return q, nil
}

// wrapIf wraps a non-nil error with context.
func wrapIf(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
