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
	var day sql.NullString
	err = t.stmt(ctx, t.stmts.latestPosition).QueryRowContext(ctx, incidentID, string(metric), p.Side, p.Vague, p.Source).Scan(&day)
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

// PutPosition records a current position, the claim of row claim; replace first drops the
// source's earlier positions on the quantity. The count of sources standing for each value is
// kept with it.
func (t *Tx) PutPosition(ctx context.Context, incidentID string, metric model.Metric, p Position, claim int64, replace bool) error {
	key := []any{incidentID, string(metric), p.Side, p.Vague}
	with := func(more ...any) []any { return append(append([]any(nil), key...), more...) }
	if replace {
		values, err := t.ints(ctx, t.stmts.sourceValues, with(p.Source)...)
		if err != nil {
			return fmt.Errorf("incident %s positions: %w", incidentID, err)
		}
		if _, err := t.stmt(ctx, t.stmts.dropPositions).ExecContext(ctx, with(p.Source)...); err != nil {
			return fmt.Errorf("incident %s positions: %w", incidentID, err)
		}
		for _, v := range values {
			if _, err := t.stmt(ctx, t.stmts.countSource).ExecContext(ctx, with(v, -1)...); err != nil {
				return fmt.Errorf("incident %s positions: %w", incidentID, err)
			}
		}
	}
	var known bool
	if err := t.stmt(ctx, t.stmts.sourceGives).QueryRowContext(ctx, with(p.Source, p.Value)...).Scan(&known); err != nil {
		return fmt.Errorf("incident %s positions: %w", incidentID, err)
	}
	var highEnd any
	if !math.IsInf(p.HighEnd, 1) {
		highEnd = p.HighEnd
	}
	if _, err := t.stmt(ctx, t.stmts.insertPosition).ExecContext(ctx, with(p.Source, reportedDay(p.Reported), p.Value,
		p.Lower, p.Upper, p.LowEnd, highEnd, p.Tier, claim)...); err != nil {
		return fmt.Errorf("incident %s positions: %w", incidentID, err)
	}
	if !known {
		if _, err := t.stmt(ctx, t.stmts.countSource).ExecContext(ctx, with(p.Value, 1)...); err != nil {
			return fmt.Errorf("incident %s positions: %w", incidentID, err)
		}
	}
	return nil
}

// ints runs a prepared query of one integer column.
func (t *Tx) ints(ctx context.Context, s *sql.Stmt, args ...any) ([]int, error) {
	return column[int](t.stmt(ctx, s).QueryContext(ctx, args...))
}

// Positions answers an estimate's questions (link.Positions) about the current positions of one
// metric of one incident, each by an index.
type Positions struct {
	ctx      context.Context
	tx       *Tx
	incident string
	metric   model.Metric
}

// Positions returns the current positions of an incident's metric.
func (t *Tx) Positions(ctx context.Context, incidentID string, metric model.Metric) *Positions {
	return &Positions{ctx: ctx, tx: t, incident: incidentID, metric: metric}
}

// Sides lists the sides with current positions ("" for totals), and whether any claim on the
// metric gives a total (side empty or unknown), even without a number.
func (p *Positions) Sides() ([]string, bool, error) {
	sides, err := column[string](p.tx.stmt(p.ctx, p.tx.stmts.positionSides).QueryContext(p.ctx, p.incident, string(p.metric)))
	if err != nil {
		return nil, false, fmt.Errorf("incident %s sides: %w", p.incident, err)
	}
	var totals bool
	if err := p.tx.stmt(p.ctx, p.tx.stmts.claimsTotal).QueryRowContext(p.ctx, p.incident, string(p.metric)).Scan(&totals); err != nil {
		return nil, false, fmt.Errorf("incident %s totals: %w", p.incident, err)
	}
	return sides, totals, nil
}

// Extremes returns the bounds of the current positions on one side and firmness.
func (p *Positions) Extremes(side string, vague bool) (found bool, low, high int, maxLowEnd, minHighEnd float64, err error) {
	var lo, hi sql.NullInt64
	var lowEnd, highEnd sql.NullFloat64
	err = p.tx.stmt(p.ctx, p.tx.stmts.positionExtremes).QueryRowContext(p.ctx, p.incident, string(p.metric), side, vague).
		Scan(&lo, &hi, &lowEnd, &highEnd)
	if err != nil || !lo.Valid {
		return false, 0, 0, 0, 0, wrapIf(err, "incident %s extremes", p.incident)
	}
	minHighEnd = math.Inf(1)
	if highEnd.Valid {
		minHighEnd = highEnd.Float64
	}
	return true, int(lo.Int64), int(hi.Int64), lowEnd.Float64, minHighEnd, nil
}

// Leaders returns the claims of the current positions of the first tier, at its latest day.
func (p *Positions) Leaders(side string, vague bool) ([]model.Claim, error) {
	rows, err := p.tx.stmt(p.ctx, p.tx.stmts.positionLeaders).QueryContext(p.ctx, p.incident, string(p.metric), side, vague)
	if err != nil {
		return nil, fmt.Errorf("incident %s leaders: %w", p.incident, err)
	}
	claims, _, err := scanClaims(rows)
	if err != nil {
		return nil, fmt.Errorf("incident %s leaders: %w", p.incident, err)
	}
	return claims[p.incident], nil
}

// Sources counts the distinct sources whose current positions stand for a value.
func (p *Positions) Sources(side string, vague bool, value int) (int, error) {
	var n int
	err := p.tx.stmt(p.ctx, p.tx.stmts.valueSources).QueryRowContext(p.ctx, p.incident, string(p.metric), side, vague, value).Scan(&n)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return n, wrapIf(err, "incident %s sources", p.incident)
}

// wrapIf wraps a non-nil error with context.
func wrapIf(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
