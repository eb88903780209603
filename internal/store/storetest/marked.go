package storetest

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Marked names what SeedMarked stored: two organisations, an incident reported by a RED document
// of OrgA and a CLEAR article (Mixed), and for each marking an incident only one document of OrgA
// with that marking reports (ByMarking). The RED document's claim carries a figure and a word found
// nowhere else (RedValue, RedWord), and each single-marking document a word of its own in its
// title, facility and quote, so that a test can tell whether anything of it reached a reader.
type Marked struct {
	Mixed         string // incident id
	RedDocument   string
	ClearDocument string
	OrgA, OrgB    string
	RedValue      int
	RedWord       string
	ClearValue    int
	ByMarking     map[model.TLP]MarkedIncident
}

// MarkedIncident is the incident of one document of one marking.
type MarkedIncident struct {
	Incident, Document, Facility, Word string
}

// The organisations of SeedMarked and the distinctive parts of its restricted documents.
const (
	MarkedOrgA = "Kestrel Desk"
	MarkedOrgB = "Heron Desk"
	redValue   = 7391
	redWord    = "quillwort"
	// RedActor is the armed group only the RED document names: the stored incident is
	// attributed to it, what others see of the incident is not.
	RedActor   = "Saltmarsh Brigade"
	clearValue = 40
)

// markingWords are the invented words of the single-marking documents.
var markingWords = map[model.TLP]string{model.TLPClear: "alderwick", model.TLPGreen: "brackenfell",
	model.TLPAmber: "cindermoor", model.TLPAmberStrict: "dunmarrow", model.TLPRed: "eskerholt"}

// markingStory is an incident of one document of OrgA with the marking, the n-th of them.
func markingStory(m model.TLP, n int) story {
	word := markingWords[m]
	facility := strings.ToUpper(word[:1]) + word[1:] + " Detention Camp"
	quote := "Guards at the " + facility + " reported " + strconv.Itoa(11+n) + " detainees escaped."
	return story{
		key: "marking-" + word, typ: model.MassEscape, date: fmt.Sprintf("2024-10-%02d", 11+n),
		place:    model.Place{Country: "NE", Admin1: "Tahoua", Name: "Dunmere", Lat: 14.5 + float64(n)/10, Lon: 5.9, Precision: model.GeoPlace},
		facility: facility,
		articles: []article{{
			title: "Desk report on " + facility, source: "desk/report-" + word + ".txt", published: fmt.Sprintf("2024-10-%02d", 12+n),
			text:     quote,
			evidence: []cue{{"facility", facility, ""}},
			claims:   []claimCue{{model.Escaped, quote, 11 + n, 11 + n, "exact", "guards", model.RoleGovernment, ""}},
			tlp:      m, org: MarkedOrgA,
		}},
	}
}

var markedStories = []story{{
	key: "varnholt", typ: model.MassEscape, date: "2024-09-03",
	place:    model.Place{Country: "NE", Admin1: "Tahoua", Name: "Varnholt", Lat: 14.89, Lon: 5.26, Precision: model.GeoPlace},
	facility: "Varnholt Civil Prison", actors: []string{RedActor},
	articles: []article{{
		title: "Inmates break out of Varnholt Civil Prison", source: "https://sahelwire.example.org/varnholt-breakout", published: "2024-09-04",
		text:     "Inmates broke out of the Varnholt Civil Prison on Tuesday night. The prison service said 40 inmates escaped.",
		evidence: []cue{{"facility", "Varnholt Civil Prison", ""}, {"figure", "40 inmates", "40"}},
		claims:   []claimCue{{model.Escaped, "The prison service said 40 inmates escaped.", clearValue, clearValue, "exact", "prison service", model.RoleGovernment, ""}},
		tlp:      model.TLPClear, unattributed: true,
	}, {
		title: "Field note: Varnholt escape count", source: "desk/field-note-17.txt", published: "2024-09-05",
		text:     "A warden near the " + redWord + " beds of Varnholt Civil Prison counted 7391 inmates gone from the registers.",
		evidence: []cue{{"facility", "Varnholt Civil Prison", ""}, {"figure", "7391 inmates", "7391"}},
		claims:   []claimCue{{model.Escaped, "A warden near the " + redWord + " beds of Varnholt Civil Prison counted 7391 inmates gone from the registers.", redValue, redValue, "exact", "warden", model.RoleIndependent, ""}},
		tlp:      model.TLPRed, org: MarkedOrgA,
	}},
}}

// SeedMarked creates the two organisations and stores the marked stories.
func SeedMarked(ctx context.Context, s *store.Store) (Marked, error) {
	m := Marked{OrgA: MarkedOrgA, OrgB: MarkedOrgB, RedValue: redValue, RedWord: redWord, ClearValue: clearValue,
		ByMarking: map[model.TLP]MarkedIncident{}}
	for _, org := range []string{MarkedOrgA, MarkedOrgB} {
		if err := s.AddOrganisation(ctx, org, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return m, err
		}
	}
	sts := slices.Clone(markedStories)
	for i, tlp := range model.TLPs {
		sts = append(sts, markingStory(tlp, i))
	}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i, st := range sts {
			inc, docs, mentions, err := st.build()
			if err != nil {
				return err
			}
			if err := put(ctx, tx, inc, docs, mentions); err != nil {
				return fmt.Errorf("marked story %s: %w", st.key, err)
			}
			if i == 0 {
				m.Mixed, m.ClearDocument, m.RedDocument = inc.ID, docs[0].ID, docs[1].ID
				continue
			}
			tlp := st.articles[0].tlp
			m.ByMarking[tlp] = MarkedIncident{Incident: inc.ID, Document: docs[0].ID, Facility: st.facility, Word: markingWords[tlp]}
		}
		return nil
	})
	return m, err
}

// openTemp opens a store as the servers do (Open) in tb's temporary folder, closed when tb ends.
func openTemp(tb testing.TB, name string) *store.Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), name))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MarkedStore opens a store as the servers do (Open) in tb's temporary folder and stores the
// marked stories in it; the store is closed when tb ends.
func MarkedStore(tb testing.TB) (*store.Store, Marked) {
	tb.Helper()
	s := openTemp(tb, "marked.db")
	m, err := SeedMarked(context.Background(), s)
	if err != nil {
		tb.Fatal(err)
	}
	return s, m
}
