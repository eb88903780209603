package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// The linking statements run for every document, so each must reach its rows through an index:
// a full scan would make linking slower as the store grows.
func TestLinkingStatementsUseIndexes(t *testing.T) {
	s := openTemp(t)
	derived := map[string]bool{"json_each": true, "win": true, "near": true} // a table-valued function and CTEs
	st := &statements{}
	for _, q := range st.queries() {
		plan := explain(t, s, q.sql)
		for _, step := range plan {
			if f := strings.Fields(step); len(f) > 1 && f[0] == "SCAN" && !derived[f[1]] {
				t.Errorf("%s\nscans %s: %q", q.sql, f[1], plan)
			}
		}
		// The candidate window is one range of an index that covers it, not every mention of
		// the country.
		want := "COVERING INDEX mentions_window (country=? AND date_start>? AND date_start<?)"
		if q.stmt == &st.neighbourhood && !strings.Contains(strings.Join(plan, "\n"), want) {
			t.Errorf("neighbourhood plan %q does not search %s", plan, want)
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

func TestNeighbourhood(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(s string) time.Time { d, _ := time.Parse(model.DateLayout, s); return d }
	stored := []struct {
		doc, country, date, incident string
	}{
		{"a", "NG", "2024-03-01", "inc-1"},
		{"b", "NG", "2024-06-01", "inc-1"}, // outside the March window, in an incident inside it
		{"c", "NG", "2024-03-10", ""},
		{"d", "NG", "", ""}, // undated: a candidate in every window of its country
		{"e", "NE", "2024-03-01", ""},
		{"f", "NG", "2023-01-01", "inc-2"},
		{"g", "NG", "2024-03-20", "inc-3"},
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		for i, m := range stored {
			if err := tx.InsertDocument(ctx, doc(m.doc, "", "text "+m.doc, uint64(i))); err != nil {
				return err
			}
			mention := model.Mention{DocumentID: m.doc, Place: model.Place{Country: m.country}}
			if m.date != "" {
				mention.Date = model.Date{Start: day(m.date), Precision: model.PrecisionDay}
			}
			if err := tx.ReplaceMentions(ctx, m.doc, []model.Mention{mention}); err != nil {
				return err
			}
			if err := tx.SetMentionIncident(ctx, m.doc, 0, m.incident); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	march := Window{"NG", day("2024-02-15"), day("2024-03-15")}
	for _, tc := range []struct {
		name    string
		windows []Window
		want    string
	}{
		{"no window", nil, "[]"},
		{"window and incident members", []Window{march}, "[a b c d]"},
		{"other country", []Window{{"NE", day("2024-02-15"), day("2024-03-15")}}, "[e]"},
		{"overlapping windows, each mention once", []Window{march, {"NG", day("2024-03-05"), day("2024-03-25")}}, "[a b c d g]"},
		{"window edges included", []Window{{"NG", day("2023-01-01"), day("2023-01-01")}}, "[d f]"},
	} {
		var got []string
		err := s.InTx(ctx, func(tx *Tx) error {
			ms, err := tx.Neighbourhood(ctx, tc.windows)
			for _, m := range ms {
				got = append(got, m.DocumentID)
			}
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%s: Neighbourhood = %v, want %s", tc.name, got, tc.want)
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
