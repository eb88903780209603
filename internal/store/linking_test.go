package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// The linking statements run for every document, so each must reach its rows through an index:
// a full scan would make linking slower as the store grows.
func TestLinkingStatementsUseIndexes(t *testing.T) {
	s := openTemp(t)
	derived := map[string]bool{"json_each": true, "win": true, "CONSTANT": true, "sides": true, "lead": true, "total": true} // a table-valued function, CTEs, one row
	st := &statements{}
	for _, q := range st.queries() {
		plan := explain(t, s, q.sql)
		for _, step := range plan {
			// A virtual-table "scan" with an index is the R*Tree's search.
			if f := strings.Fields(step); len(f) > 2 && f[0] == "SCAN" && !derived[f[1]] && f[2] != "VIRTUAL" {
				t.Errorf("%s\nscans %s: %q", q.sql, f[1], plan)
			}
		}
	}
}

func explain(t *testing.T, s *Store, query string) []string {
	t.Helper()
	args := make([]any, strings.Count(query, "?")) // the driver wants a value for every parameter
	rows, err := s.write.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", query, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var step string
		if err := rows.Scan(&id, &parent, &unused, &step); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, step)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestCandidates checks which incidents lie near windows (CandidateIDs) and what their
// summaries hold (Summaries), an id of no incident left out.
func TestCandidates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(s string) time.Time { d, _ := time.Parse(model.DateLayout, s); return d }
	window := func(country, from, to string) Window {
		if from == "" {
			return Window{Country: country}
		}
		return Window{country, day(from), day(to)}
	}
	stored := []struct {
		incident string
		windows  []Window // of the mentions that join it, in order
	}{
		{"inc-a", []Window{window("NG", "2024-02-28", "2024-03-02"), window("NG", "2024-03-01", "2024-03-31")}},
		{"inc-b", []Window{window("NG", "2024-06-01", "2024-06-03")}},
		{"inc-c", []Window{window("NG", "", "")}}, // undated: a candidate in every window of its country
		{"inc-d", []Window{window("NE", "2024-03-01", "2024-03-01")}},
		{"inc-e", []Window{window("NG", "2024-01-01", "2024-12-31"), window("NG", "2024-03-10", "2024-03-12")}},
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		for i, inc := range stored {
			for j, w := range inc.windows {
				d := fmt.Sprintf("d%d-%d", i, j)
				if err := tx.InsertDocument(ctx, doc(d, "", "text "+d, uint64(10*i+j))); err != nil {
					return err
				}
				m := model.Mention{DocumentID: d, Place: model.Place{Country: w.Country}}
				if err := tx.ReplaceMentions(ctx, d, []model.Mention{m}); err != nil {
					return err
				}
				if j == 0 {
					if err := tx.CreateIncident(ctx, inc.incident, d+"#0", w, time.Now()); err != nil {
						return err
					}
				}
				if err := tx.AddToIncident(ctx, Join{Incident: inc.incident, Mention: m, Code: "code " + d, Window: w}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		windows []Window
		want    string
	}{
		{"no window", nil, "[]"},
		{"inside the shared days of two mentions", []Window{window("NG", "2024-03-01", "2024-03-01")}, "[inc-a(d0-0#0):2 inc-c(d2-0#0):1]"},
		{"a narrowed window no longer reaches", []Window{window("NG", "2024-02-20", "2024-02-27")}, "[inc-c(d2-0#0):1]"},
		{"other country", []Window{window("NE", "2024-02-15", "2024-03-15")}, "[inc-d(d3-0#0):1]"},
		{"overlapping windows, each incident once", []Window{window("NG", "2024-03-01", "2024-03-11"), window("NG", "2024-03-02", "2024-06-01")},
			"[inc-a(d0-0#0):2 inc-b(d1-0#0):1 inc-c(d2-0#0):1 inc-e(d4-0#0):2]"},
		{"an undated mention meets every incident of its country", []Window{window("NE", "", "")}, "[inc-d(d3-0#0):1]"},
	} {
		var got []string
		err := s.InTx(ctx, func(tx *Tx) error {
			near, err := tx.Candidates(ctx, tc.windows)
			if err != nil {
				return err
			}
			cs, err := tx.Summaries(ctx, append(near, &Candidate{ID: "inc-none"}))
			for _, c := range cs {
				got = append(got, fmt.Sprintf("%s(%s):%d", c.ID, c.First, len(c.Members)))
			}
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%s: candidates' summaries = %v, want %s", tc.name, got, tc.want)
		}
	}
}

func TestDocumentRefs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, d := range []model.Document{doc("a1", "Gunmen storm jail", "one", 1), doc("b2", "Flood season", "two", 2)} {
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		refs, err := tx.DocumentRefs(ctx, []string{"b2", "a1", "b2"})
		if err != nil || len(refs) != 2 || refs["a1"].Title != "Gunmen storm jail" || refs["b2"].Source != "b2.txt" {
			t.Errorf("DocumentRefs(b2, a1, b2) = %+v, %v; want both documents", refs, err)
		}
		if _, err := tx.DocumentRefs(ctx, []string{"a1", "zz"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("DocumentRefs(a1, zz) error = %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestChanges checks that a transaction sees the count of the write transactions committed
// before it, and that a transaction rolled back counts none.
func TestChanges(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	changes := func() int64 {
		var n int64
		if err := s.InTx(ctx, func(tx *Tx) error {
			var err error
			n, err = tx.Changes(ctx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	first := changes()
	if got := changes(); got != first+1 {
		t.Errorf("after one commit: %d changes, want %d", got, first+1)
	}
	failed := errors.New("rolled back")
	if err := s.InTx(ctx, func(*Tx) error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("rolled back transaction: %v", err)
	}
	if got := changes(); got != first+2 {
		t.Errorf("after a rollback: %d changes, want %d", got, first+2)
	}
}

// TestWindowIndex checks that candidates found through a kept WindowIndex are those the R*Tree
// finds, as incidents start, their windows narrow and incidents are dropped over several
// transactions, one of them rolled back (the index then emptied, as its holder does); and that
// the windows a store keeping the index narrows (from the days it holds) are those a store
// without it narrows, given the same steps.
func TestWindowIndex(t *testing.T) {
	withIndex, without := openTemp(t), openTemp(t)
	kept := windowSteps(t, withIndex, NewWindowIndex())
	if plain := windowSteps(t, without, nil); kept != plain {
		t.Errorf("windows with the index kept:\n%s\nwithout:\n%s", kept, plain)
	}
}

// candidateKeys lists candidates as id, number and first key.
func candidateKeys(cs []*Candidate, err error) ([]string, error) {
	keys := make([]string, len(cs))
	for i, c := range cs {
		keys[i] = fmt.Sprintf("%s %d %s", c.ID, c.seq, c.First)
	}
	return keys, err
}

// windowSteps starts incidents, joins mentions that narrow their windows and drops an incident
// over six transactions (the fifth rolled back), the same steps for every call; with an index x,
// it checks after each step that candidates found through x are those the R*Tree finds. It
// returns the windows the store ends with.
func windowSteps(t *testing.T, s *Store, x *WindowIndex) string {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(14, 12))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	randomWindow := func() Window {
		country := []string{"NG", "NE", "ML"}[rng.IntN(3)]
		if rng.IntN(10) == 0 {
			return Window{Country: country}
		}
		from := start.AddDate(0, 0, rng.IntN(400))
		return Window{country, from, from.AddDate(0, 0, rng.IntN(60))}
	}
	compare := func(tx *Tx, step string) {
		t.Helper()
		windows := []Window{randomWindow(), randomWindow()}
		if x == nil {
			return
		}
		tx.KeepWindows(nil)
		want, err := candidateKeys(tx.Candidates(ctx, windows))
		tx.KeepWindows(x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := candidateKeys(tx.Candidates(ctx, windows))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: candidates of %v through the index = %v, want %v", step, windows, got, want)
		}
	}
	docs, incidents := 0, []string{}
	join := func(tx *Tx, incident string, w Window, created bool) error {
		docs++
		d := fmt.Sprintf("d%04d", docs)
		if err := tx.InsertDocument(ctx, doc(d, "", "text "+d, uint64(docs))); err != nil {
			return err
		}
		m := model.Mention{DocumentID: d, Place: model.Place{Country: w.Country}}
		if err := tx.ReplaceMentions(ctx, d, []model.Mention{m}); err != nil {
			return err
		}
		if created {
			if err := tx.CreateIncident(ctx, incident, d+"#0", w, time.Now()); err != nil {
				return err
			}
		}
		return tx.AddToIncident(ctx, Join{Incident: incident, Mention: m, Code: "code " + d, Window: w, Created: created})
	}
	rolledBack := errors.New("rolled back")
	for round := range 6 {
		err := s.InTx(ctx, func(tx *Tx) error {
			if x != nil {
				tx.KeepWindows(x)
			}
			for range readAfter { // enough questions for every country's windows to be read
				compare(tx, fmt.Sprintf("round %d, first", round))
			}
			for i := range 80 { // enough for several blocks of a country's windows, sorted again as they are added
				// Mentions join incidents of earlier rounds, a few of them again and again.
				for range rng.IntN(3) {
					if len(incidents) == 0 {
						break
					}
					if err := join(tx, incidents[rng.IntN(min(len(incidents), 8))], randomWindow(), false); err != nil {
						return err
					}
				}
				id := fmt.Sprintf("inc-%d-%d", round, i)
				w := randomWindow()
				if err := join(tx, id, w, true); err != nil {
					return err
				}
				if round != 4 {
					incidents = append(incidents, id)
				}
				for range rng.IntN(3) {
					narrower := w
					if !w.From.IsZero() {
						narrower.From = w.From.AddDate(0, 0, rng.IntN(20)-5)
						narrower.To = narrower.From.AddDate(0, 0, rng.IntN(20))
					}
					if err := join(tx, id, narrower, false); err != nil {
						return err
					}
				}
				compare(tx, fmt.Sprintf("round %d, incident %d", round, i))
			}
			if round == 3 {
				if err := tx.DropIncident(ctx, incidents[0]); err != nil {
					return err
				}
				incidents = incidents[1:]
				compare(tx, "after a drop")
			}
			if round == 4 {
				return rolledBack
			}
			return nil
		})
		if round == 4 {
			if !errors.Is(err, rolledBack) {
				t.Fatalf("round 4: %v", err)
			}
			if x != nil {
				x.Reset()
			}
			continue
		}
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	var windows []string
	rows, err := s.write.QueryContext(ctx, `SELECT incident_id, country_lo, day_lo, day_hi FROM incident_windows ORDER BY incident_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var country, lo, hi int64
		if err := rows.Scan(&id, &country, &lo, &hi); err != nil {
			t.Fatal(err)
		}
		windows = append(windows, fmt.Sprintf("%s %d %d..%d", id, country, lo, hi))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(windows, "\n")
}
