package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// decidedColumns are the columns of incidents that incidentRow gives between the id and the data,
// in its order: those a decision may change besides the data, each in one or more indexes.
var decidedColumns = [...]string{"type", "date_start", "date_end", "date_precision", "country", "admin1", "place",
	"facility", "lat", "lon", "geo_precision", "search"}

// storedRow is what an incident's row holds of what a decision writes (UpdateIncident).
type storedRow struct {
	data       []byte
	columns    [len(decidedColumns)]any
	summarised bool
}

// storedIncidentRow reads the decided columns, data and summary mark of a stored incident.
func (t *Tx) storedIncidentRow(ctx context.Context, id string) (storedRow, error) {
	var r storedRow
	dest := []any{&r.data}
	for i := range r.columns {
		dest = append(dest, &r.columns[i])
	}
	dest = append(dest, &r.summarised)
	if err := t.stmt(ctx, t.stmts.incidentData).QueryRowContext(ctx, id).Scan(dest...); err != nil {
		return r, fmt.Errorf("incident %s: %w", id, err)
	}
	return r, nil
}

// updateIncidentRow writes a stored incident's decided fields, setting only the columns whose
// value changed beside the data and update time. An upsert of every column moved the incident's
// entry in each of the fourteen indexes of incidents, whatever changed; a report joining a known
// incident mostly changes what only the data holds, so those entries stay where they are.
func (t *Tx) updateIncidentRow(ctx context.Context, inc model.Incident, stored storedRow) error {
	row, err := incidentRow(inc)
	if err != nil {
		return err
	}
	var changed uint32
	args := []any{inc.ID, row[len(decidedColumns)+1], row[len(decidedColumns)+2]} // id, data, update time
	for i, v := range row[1 : len(decidedColumns)+1] {
		if v != stored.columns[i] {
			changed |= 1 << i
			args = append(args, v)
		}
	}
	if !stored.summarised {
		changed |= 1 << len(decidedColumns)
	}
	stmt, err := t.incidentUpdate(ctx, changed)
	if err != nil {
		return fmt.Errorf("write incident %s: %w", inc.ID, err)
	}
	if _, err := stmt.ExecContext(ctx, args...); err != nil {
		return fmt.Errorf("write incident %s: %w", inc.ID, err)
	}
	return t.putWaveInput(ctx, inc)
}

// incidentUpdate returns the statement, prepared once per transaction, that sets an incident's
// data (?2), update time (?3) and the decided columns in the set changed (bit i:
// decidedColumns[i], then ?4, ?5… in their order; bit len(decidedColumns): the summary mark, to 1)
// for the incident ?1. Few sets occur in a transaction. It cannot be prepared with the store's
// statements: the write connection is the transaction's until it ends.
func (t *Tx) incidentUpdate(ctx context.Context, changed uint32) (*sql.Stmt, error) {
	if stmt, ok := t.updates[changed]; ok {
		return stmt, nil
	}
	set := []string{"data = ?2", "updated_at = ?3"}
	n := 3
	for i, c := range decidedColumns {
		if changed&(1<<i) != 0 {
			n++
			set = append(set, fmt.Sprintf("%s = ?%d", c, n))
		}
	}
	if changed&(1<<len(decidedColumns)) != 0 {
		set = append(set, "summarised = 1")
	}
	stmt, err := t.tx.PrepareContext(ctx, `UPDATE incidents SET `+strings.Join(set, ", ")+` WHERE id = ?1`)
	if err != nil {
		return nil, err
	}
	if t.updates == nil {
		t.updates = map[uint32]*sql.Stmt{}
	}
	t.updates[changed] = stmt
	return stmt, nil
}
