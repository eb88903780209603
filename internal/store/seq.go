package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// seqOf returns an incident's seq, the number that keys the rows linking writes for it
// (members, tally, positions, value sources, estimates; migration 0024): the stored one, or for
// an incident without a row a new one, one more than any stored or given out in this
// transaction, so that a batch's new rows go to the last leaves of those tables instead of
// wherever a hashed id falls. An incident keeps the number it is given for the rest of the
// transaction, before its row is written (StartIncident, FirstDecision) as after.
func (t *Tx) seqOf(ctx context.Context, id string) (int64, error) {
	if seq, ok := t.seqs[id]; ok {
		return seq, nil
	}
	var seq int64
	err := t.stmt(ctx, t.stmts.incidentSeq).QueryRowContext(ctx, id).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		seq, err = t.newSeq(ctx)
	}
	if err != nil {
		return 0, fmt.Errorf("seq of incident %s: %w", id, err)
	}
	if t.seqs == nil {
		t.seqs = map[string]int64{}
	}
	t.seqs[id] = seq
	return seq, nil
}

// newSeq gives out the next incident number: the store's highest, read once a transaction, and
// then counted in memory, since incidents started in the transaction have no row to read it from.
func (t *Tx) newSeq(ctx context.Context) (int64, error) {
	if t.lastSeq == 0 {
		if err := t.stmt(ctx, t.stmts.maxSeq).QueryRowContext(ctx).Scan(&t.lastSeq); err != nil {
			return 0, err
		}
	}
	t.lastSeq++
	return t.lastSeq, nil
}

// deleteSummary deletes the summary rows of an incident, by its number: its members, tally and
// positions.
func (t *Tx) deleteSummary(ctx context.Context, seq int64) error {
	for _, table := range []string{"incident_members", "incident_tallies", "incident_positions"} {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE incident_seq = ?`, seq); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}
