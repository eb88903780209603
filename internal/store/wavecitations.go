package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ReportNames is what the citation check of wave detection found in one report: which of the
// facility names numbered up to Upto (WaveNames) its text holds, by number, ascending.
type ReportNames struct {
	Upto  int
	Found []int
}

// Holds answers whether the report holds name number id; ok is false when it was not searched
// for that name.
func (r ReportNames) Holds(id int) (found, ok bool) {
	if id > r.Upto {
		return false, false
	}
	_, found = slices.BinarySearch(r.Found, id)
	return found, true
}

// WaveNames returns the facility names the citation check looks for (migration 0025); name
// number i (from 1) is at index i-1.
func (s *Store) WaveNames(ctx context.Context) ([]string, error) {
	names, err := column[string](s.read.QueryContext(ctx, `SELECT name FROM wave_names ORDER BY id`))
	if err != nil {
		return nil, fmt.Errorf("wave names: %w", err)
	}
	return names, nil
}

// NumberWaveNames numbers the names that are not numbered yet, after those that are, and
// returns every numbered name as WaveNames does. Numbers never change, so what a report was
// found to hold stays true; reading the numbered names and adding to them in one write
// transaction keeps two refreshes from giving one number to two names.
func (s *Store) NumberWaveNames(ctx context.Context, names []string) ([]string, error) {
	var all []string
	err := s.InTx(ctx, func(tx *Tx) error {
		var err error
		if all, err = column[string](tx.tx.QueryContext(ctx, `SELECT name FROM wave_names ORDER BY id`)); err != nil {
			return err
		}
		known := map[string]bool{}
		for _, n := range all {
			known[n] = true
		}
		for _, name := range names {
			if known[name] {
				continue
			}
			known[name] = true
			all = append(all, name)
			if _, err := tx.tx.ExecContext(ctx, `INSERT INTO wave_names(id, name) VALUES (?, ?)`, len(all), name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("number wave names: %w", err)
	}
	return all, nil
}

// WaveReportNames returns what the citation check found in each report an earlier run read, by
// document id: a refresh searches a report again only for a name numbered past its Upto.
func (s *Store) WaveReportNames(ctx context.Context) (map[string]ReportNames, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT document_id, upto, found FROM wave_report_names`)
	if err != nil {
		return nil, fmt.Errorf("wave report names: %w", err)
	}
	defer rows.Close()
	out := map[string]ReportNames{}
	for rows.Next() {
		var id, found string
		var r ReportNames
		if err := rows.Scan(&id, &r.Upto, &found); err != nil {
			return nil, fmt.Errorf("wave report names: %w", err)
		}
		if r.Found, err = parseNumbers(found); err != nil {
			return nil, fmt.Errorf("wave report names: document %s: %w", id, err)
		}
		out[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave report names: %w", err)
	}
	return out, nil
}

// ReplaceWaveReportNames keeps what the last run's citation check found in the reports it asked
// about, now, in place of what the runs before found, old (as WaveReportNames read it): it
// writes only the difference, so a run that asked about the reports the last one asked about,
// and read none, writes nothing.
func (s *Store) ReplaceWaveReportNames(ctx context.Context, old, now map[string]ReportNames) error {
	gone, changed := reportNamesChanged(old, now)
	if len(gone) == 0 && len(changed) == 0 {
		return nil
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, id := range gone {
			if _, err := tx.stmt(ctx, tx.stmts.dropReportNames).ExecContext(ctx, id); err != nil {
				return err
			}
		}
		for _, id := range changed {
			r := now[id]
			if _, err := tx.stmt(ctx, tx.stmts.putReportNames).ExecContext(ctx, id, r.Upto, formatNumbers(r.Found)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store wave report names: %w", err)
	}
	return nil
}

// reportNamesChanged lists the reports of old that now drops and those now adds or changes, each
// in key order so that every B-tree page is touched once.
func reportNamesChanged(old, now map[string]ReportNames) (gone, changed []string) {
	for id := range old {
		if _, ok := now[id]; !ok {
			gone = append(gone, id)
		}
	}
	for id, r := range now {
		if was, ok := old[id]; !ok || was.Upto != r.Upto || !slices.Equal(was.Found, r.Found) {
			changed = append(changed, id)
		}
	}
	slices.Sort(gone)
	slices.Sort(changed)
	return gone, changed
}

// formatNumbers writes numbers separated by spaces.
func formatNumbers(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// parseNumbers reads what formatNumbers wrote.
func parseNumbers(s string) ([]int, error) {
	var out []int // nil for none, as a search that found none gives
	for _, f := range strings.Fields(s) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
