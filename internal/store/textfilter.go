package store

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// rareMatches is how many incidents a word may match and still be looked up first: the list then
// reads those incidents by id and sorts them itself. A word that matches more is checked on each
// incident as the list walks them in its order, since its page then fills within a few thousand
// rows (50·N/n of N incidents), as cheap as reading and sorting n.
const rareMatches = 1000

// incidentFilters are the query's conditions on the incidents table (IncidentQuery.filters) with
// the text filter's among them.
func (s *Store) incidentFilters(ctx context.Context, q IncidentQuery, aud Audience) ([]string, []any, error) {
	where, args := q.filters(aud)
	if strings.TrimSpace(q.Q) == "" {
		return where, args, nil
	}
	cond, more, err := s.textFilter(ctx, aud, q.Q)
	if err != nil {
		return nil, nil, err
	}
	return append(where, cond), append(args, more...), nil
}

// textFilter is the condition of q= on the incidents table: every word of text, lower-cased, is
// part of the incident's stored names or of the title of one of its documents the audience may
// see, as LIKE matches it. No index serves a LIKE '%word%', and checking each incident in list
// order read every incident's row and every cited document's row when few matched (5-18 s at
// 100,000 documents). So the words, longest (likeliest rare) first, are looked up over two narrow
// indexes (migration 0020), each lookup stopping past rareMatches, until one is rare: its ids are
// all the list then reads, and the other words are checked on those incidents alone. A word that
// is not rare is checked on each incident as the list walks them, as before; a word that matches
// nothing ends the search at once.
func (s *Store) textFilter(ctx context.Context, aud Audience, text string) (string, []any, error) {
	words := strings.Fields(strings.ToLower(text))
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	var ids []string // the incidents the rare word matches; nil before one
	var conds []string
	var args []any
	for _, w := range words {
		if ids == nil {
			found, rare, err := s.wordMatches(ctx, aud, w)
			if err != nil {
				return "", nil, err
			}
			if len(found) == 0 {
				return "0", nil, nil
			}
			if rare {
				ids = slices.Collect(maps.Keys(found))
				continue
			}
		}
		cond, more := wordCondition(aud, w)
		conds, args = append(conds, cond), append(args, more...)
	}
	if ids != nil {
		js, err := json.Marshal(ids)
		if err != nil {
			return "", nil, fmt.Errorf("text filter %q: %w", text, err)
		}
		conds = append(conds, "incidents.id IN (SELECT value FROM json_each(?))")
		args = append(args, string(js))
	}
	return strings.Join(conds, " AND "), args, nil
}

// wordCondition is the condition that word (lower-cased) matches an incident, checked on its
// row: the stored names only of incidents the audience sees whole, and the titles only of
// documents it may see, as wordMatches. The titles come from the narrow index by id, not from
// the documents' rows with their whole article; an empty title, which no word matches, is not in
// that index.
func wordCondition(aud Audience, word string) (string, []any) {
	docs, docArgs := aud.documentFilter("d")
	whole, wholeArgs := aud.wholeIncidents("incidents.id")
	like := "%" + escapeLike(word) + "%"
	args := append(append(append([]any{like}, wholeArgs...), like), docArgs...)
	return `((search LIKE ? ESCAPE '\' AND ` + whole + `) OR EXISTS (SELECT 1 FROM incident_documents x JOIN documents d INDEXED BY documents_title_search ON d.id = x.document_id
		WHERE x.incident_id = incidents.id AND d.title <> '' AND lower(d.title) LIKE ? ESCAPE '\' AND ` + docs + `))`, args
}

// wordMatches returns the ids of the incidents that word (lower-cased) matches as LIKE matches
// it: a part of the stored names of an incident the audience sees whole, or of the lower-cased
// title of a document of the incident that the audience may see. A word of another's document
// must not find the incident, nor a name decided from one. Each lookup stops past rareMatches
// rows; rare is false, and ids incomplete, when one got there.
func (s *Store) wordMatches(ctx context.Context, aud Audience, word string) (ids map[string]bool, rare bool, err error) {
	// A page asks the same word for its list, facets, months, totals and map: the lookup is kept
	// until the store changes. The mark is read first, so a lookup never outlives a write it missed.
	mark, err := s.ChangeMark(ctx)
	if err != nil {
		return nil, false, err
	}
	key := aud.Key() + "\x00" + word
	if m, ok := s.words.get(mark, key); ok {
		return m.ids, m.rare, nil
	}
	defer func() {
		if err == nil {
			s.words.put(mark, key, wordMatch{ids, rare})
		}
	}()
	docs, docArgs := aud.documentFilter("d")
	whole, wholeArgs := aud.wholeIncidents("incidents.id")
	like := "%" + escapeLike(word) + "%"
	ids = map[string]bool{}
	// Two queries, not a UNION, so that each stops at its limit: a UNION sorts both whole first.
	// CROSS JOIN keeps the scan of titles outside: the planner would otherwise probe every link.
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`SELECT x.incident_id FROM documents d INDEXED BY documents_title_search
			CROSS JOIN incident_documents x ON x.document_id = d.id
			WHERE d.title <> '' AND lower(d.title) LIKE ? ESCAPE '\' AND ` + docs + ` LIMIT ?`, append(append([]any{like}, docArgs...), rareMatches+1)},
		{`SELECT id FROM incidents INDEXED BY incidents_text_search WHERE search LIKE ? ESCAPE '\' AND ` + whole + ` LIMIT ?`,
			append(append([]any{like}, wholeArgs...), rareMatches+1)},
	} {
		n, err := s.collectIDs(ctx, q.sql, q.args, ids)
		if err != nil {
			return nil, false, fmt.Errorf("incidents matching %q: %w", word, err)
		}
		if n > rareMatches {
			return ids, false, nil
		}
	}
	return ids, len(ids) <= rareMatches, nil
}

// collectIDs adds to ids the first column of the query's rows and returns how many rows it read.
func (s *Store) collectIDs(ctx context.Context, query string, args []any, ids map[string]bool) (int, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return n, err
		}
		ids[id] = true
		n++
	}
	return n, rows.Err()
}

// wordMemo keeps the incidents each (audience, word) matched, all looked up at one change mark
// of the store; a new mark empties it. Its maps are read only once kept.
type wordMemo struct {
	mu    sync.Mutex
	mark  string
	found map[string]wordMatch
}

type wordMatch struct {
	ids  map[string]bool
	rare bool
}

// maxMemoWords bounds the memo: past it, it starts again empty.
const maxMemoWords = 256

func (m *wordMemo) get(mark, key string) (wordMatch, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.mark != mark {
		return wordMatch{}, false
	}
	w, ok := m.found[key]
	return w, ok
}

func (m *wordMemo) put(mark, key string, w wordMatch) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.mark != mark || len(m.found) >= maxMemoWords {
		m.mark, m.found = mark, map[string]wordMatch{}
	}
	m.found[key] = w
}
