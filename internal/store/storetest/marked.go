package storetest

import (
	"context"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Marked names what SeedMarked stored: two organisations, an incident reported by a RED document
// of OrgA and a CLEAR article, and an incident only an AMBER document of OrgA reports. The RED
// document's claim carries a figure and a word found nowhere else (RedValue, RedWord), so a test
// can tell whether anything of it reached a reader.
type Marked struct {
	Mixed, AmberOnly       string // incident ids
	RedDocument            string
	ClearDocument          string
	AmberDocument          string
	OrgA, OrgB             string
	RedValue               int
	RedWord, AmberWord     string
	ClearValue, AmberValue int
}

// The organisations of SeedMarked and the distinctive parts of its restricted documents.
const (
	MarkedOrgA = "Kestrel Desk"
	MarkedOrgB = "Heron Desk"
	redValue   = 7391
	redWord    = "quillwort"
	amberWord  = "marramgrass"
	clearValue = 40
	amberValue = 12
)

var markedStories = []story{{
	key: "varnholt", typ: model.MassEscape, date: "2024-09-03",
	place:    model.Place{Country: "NE", Admin1: "Tahoua", Name: "Varnholt", Lat: 14.89, Lon: 5.26, Precision: model.GeoPlace},
	facility: "Varnholt Civil Prison",
	articles: []article{{
		title: "Inmates break out of Varnholt Civil Prison", source: "https://sahelwire.example.org/varnholt-breakout", published: "2024-09-04",
		text:     "Inmates broke out of the Varnholt Civil Prison on Tuesday night. The prison service said 40 inmates escaped.",
		evidence: []cue{{"facility", "Varnholt Civil Prison", ""}, {"figure", "40 inmates", "40"}},
		claims:   []claimCue{{model.Escaped, "The prison service said 40 inmates escaped.", clearValue, clearValue, "exact", "prison service", model.RoleGovernment, ""}},
		tlp:      model.TLPClear,
	}, {
		title: "Field note: Varnholt escape count", source: "desk/field-note-17.txt", published: "2024-09-05",
		text:     "A warden near the " + redWord + " beds of Varnholt Civil Prison counted 7391 inmates gone from the registers.",
		evidence: []cue{{"facility", "Varnholt Civil Prison", ""}, {"figure", "7391 inmates", "7391"}},
		claims:   []claimCue{{model.Escaped, "A warden near the " + redWord + " beds of Varnholt Civil Prison counted 7391 inmates gone from the registers.", redValue, redValue, "exact", "warden", model.RoleIndependent, ""}},
		tlp:      model.TLPRed, org: MarkedOrgA,
	}},
}, {
	key: "dunmere", typ: model.FacilityAttack, date: "2024-10-11",
	place:    model.Place{Country: "NE", Admin1: "Tahoua", Name: "Dunmere", Lat: 14.5, Lon: 5.9, Precision: model.GeoPlace},
	facility: "Dunmere Detention Camp",
	articles: []article{{
		title: "Partner report: Dunmere camp", source: "desk/partner-report-4.txt", published: "2024-10-12",
		text:     "Guards at the Dunmere Detention Camp by the " + amberWord + " dunes reported 12 detainees escaped.",
		evidence: []cue{{"facility", "Dunmere Detention Camp", ""}, {"figure", "12 detainees", "12"}},
		claims:   []claimCue{{model.Escaped, "Guards at the Dunmere Detention Camp by the " + amberWord + " dunes reported 12 detainees escaped.", amberValue, amberValue, "exact", "guards", model.RoleGovernment, ""}},
		tlp:      model.TLPAmber, org: MarkedOrgA,
	}},
}}

// SeedMarked creates the two organisations and stores the marked stories.
func SeedMarked(ctx context.Context, s *store.Store) (Marked, error) {
	m := Marked{OrgA: MarkedOrgA, OrgB: MarkedOrgB, RedValue: redValue, RedWord: redWord, AmberWord: amberWord,
		ClearValue: clearValue, AmberValue: amberValue}
	for _, org := range []string{MarkedOrgA, MarkedOrgB} {
		if err := s.AddOrganisation(ctx, org, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return m, err
		}
	}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for _, st := range markedStories {
			inc, docs, mentions, err := st.build()
			if err != nil {
				return err
			}
			if err := put(ctx, tx, inc, docs, mentions); err != nil {
				return fmt.Errorf("marked story %s: %w", st.key, err)
			}
			switch st.key {
			case "varnholt":
				m.Mixed, m.ClearDocument, m.RedDocument = inc.ID, docs[0].ID, docs[1].ID
			case "dunmere":
				m.AmberOnly, m.AmberDocument = inc.ID, docs[0].ID
			}
		}
		return nil
	})
	return m, err
}
