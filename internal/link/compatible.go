package link

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Family maps an actor's canonical name to its root organisation ("Islamic State Khorasan
// Province" -> "Islamic State"). The actor dictionary provides it; nil means every name is its
// own family.
type Family func(actor string) string

// Key identifies a mention independently of store ids: DocumentID + "#" + Index.
func Key(m model.Mention) string { return m.DocumentID + "#" + strconv.Itoa(m.Index) }

// Score weights: a location match counts most, then the date, then type and perpetrators.
const (
	weightLocation = 3.0
	weightDate     = 2.0
	weightType     = 1.0
	weightPerp     = 1.0
	weightTotal    = weightLocation + weightDate + weightType + weightPerp
)

// Distances that decide whether two coordinates can be one place or one facility.
const (
	nearKM     = 25.0  // two place names this close can be a town and its district
	facilityKM = 100.0 // a facility name match fails when its two places are farther apart
)

// Compatible reports whether two mentions can describe the same incident and how alike they are
// (0..1). All of these must hold:
//   - different documents: a document mentions one incident once;
//   - the same country; a mention without a country joins only through a matching facility name;
//   - compatible types (see typeScore);
//   - date windows that overlap (see window);
//   - a compatible location: matching facility names, or a facility named after the other's
//     place, or agreeing places, or one side known only to admin1 or country level;
//   - perpetrators in one family, or one side naming none;
//   - a mention with neither a date nor a place nor a facility joins only mentions that name
//     neither place nor facility: country and type alone tie it to no incident of a named prison.
func Compatible(a, b model.Mention, fam Family) (score float64, ok bool) {
	pa, pb := newProfile(a, fam), newProfile(b, fam)
	return compare(&pa, &pb)
}

// profile is a mention reduced to what comparisons need, computed once per mention.
type profile struct {
	doc, country  string
	typ           model.EventType
	dated         bool
	lo, hi        int // date window in days since the epoch, when dated
	facility      []string
	place, admin1 []string
	geonameID     int64
	lat, lon      float64
	hasCoord      bool
	families      []string
	coarse        bool     // neither a named facility nor a place name
	titledOnly    bool     // a facility named by generic words alone ("Civil Prison")
	skeleton      []string // the facility's words' consonant skeletons (skeletons), once skeletonsRead
	skeletonsRead bool
	named         []string // the facility's words past its grade of security (pastGrade), once namedRead
	namedRead     bool
}

func newProfile(m model.Mention, fam Family) profile {
	p := profile{
		doc:       m.DocumentID,
		country:   m.Place.Country,
		typ:       m.Type,
		facility:  facilityTokens(m.Facility),
		place:     nameTokens(m.Place.Name, placeStopWords),
		admin1:    nameTokens(m.Place.Admin1, placeStopWords),
		geonameID: m.Place.GeonameID,
		families:  families(m.Perpetrators, fam),
	}
	p.lo, p.hi, p.dated = window(m.Date)
	precise := m.Place.Precision == model.GeoFacility || m.Place.Precision == model.GeoPlace
	p.lat, p.lon, p.hasCoord = m.Place.Lat, m.Place.Lon, precise && (m.Place.Lat != 0 || m.Place.Lon != 0)
	p.coarse = len(p.facility) == 0 && len(p.place) == 0
	p.titledOnly = len(p.facility) == 0 && strings.TrimSpace(m.Facility) != ""
	return p
}

// unanchored reports a mention known to no date and no place below its country: nothing but its
// type and country could tie it to an incident told elsewhere.
func (p *profile) unanchored() bool { return !p.dated && p.coarse }

// families returns the sorted root organisations of the named actors.
func families(actors []string, fam Family) []string {
	var out []string
	for _, a := range actors {
		out = append(out, familyOf(a, fam))
	}
	sort.Strings(out)
	return compactStrings(out)
}

func familyOf(actor string, fam Family) string {
	if fam == nil {
		return actor
	}
	if f := fam(actor); f != "" {
		return f
	}
	return actor
}

// compare is Compatible on profiles; it is symmetric.
func compare(a, b *profile) (float64, bool) {
	if a.doc == b.doc {
		return 0, false
	}
	if !countriesAgree(a, b) {
		return 0, false
	}
	if a.unanchored() && !b.coarse || b.unanchored() && !a.coarse {
		return 0, false
	}
	ts, ok := typeScore(a.typ, b.typ)
	if !ok || strikeAndAssault(a, b) && !samePrisonStruck(a, b) {
		return 0, false // an attack of another kind is the same incident only at a prison named
	}
	ds, ok := dateScore(a, b)
	if !ok {
		return 0, false
	}
	ls, ok := locationScore(a, b)
	if !ok {
		return 0, false
	}
	ps, ok := perpetratorScore(a.families, b.families)
	if !ok {
		return 0, false
	}
	return (weightLocation*ls + weightDate*ds + weightType*ts + weightPerp*ps) / weightTotal, true
}

// strikeAndAssault reports an attack of another kind (a strike from afar, an attack away from a
// prison) beside an assault on a prison: reports of one incident tell them so only where both
// name the prison struck.
func strikeAndAssault(a, b *profile) bool {
	return a.typ != b.typ && (a.typ == model.OtherAttack || b.typ == model.OtherAttack)
}

// samePrisonStruck reports reports that name one prison, or of which one names a prison and the
// other no facility at all (a strike on a town's prison told by its town): not two reports of
// attacks in one town that name no prison.
func samePrisonStruck(a, b *profile) bool {
	if len(a.facility) > 0 && len(b.facility) > 0 {
		return related(a.facility, b.facility)
	}
	return len(a.facility) > 0 || len(b.facility) > 0
}

// countriesAgree: the same country, or a side without a country whose facility name matches.
func countriesAgree(a, b *profile) bool {
	if a.country == "" || b.country == "" {
		return related(a.facility, b.facility)
	}
	return a.country == b.country
}

// typeScore weighs the agreement of two types: the same type fully, a missing one a little, and
// two types that reports of one incident may give (model's compatibility table) half.
func typeScore(a, b model.EventType) (float64, bool) {
	switch {
	case a == b:
		return 1, true
	case a == "" || b == "":
		return 0.25, true
	case a.CompatibleWith(b):
		return 0.5, true
	}
	return 0, false
}

// window is the span of days a date may stand for, widened by the day tolerance for reporting
// slack (an attack at night is dated either side of midnight). A month or a year whose start is
// the first day covers its calendar period; otherwise the window is the start (or the span)
// widened by the precision's tolerance. An unknown date has no window and agrees with any date.
func window(d model.Date) (lo, hi int, ok bool) {
	if d.IsZero() {
		return 0, 0, false
	}
	start, end := d.Start.UTC(), d.LastDay()
	slack := model.PrecisionDay.Tolerance()
	calendar := d.Precision == model.PrecisionMonth && start.Day() == 1 || d.Precision == model.PrecisionYear && start.YearDay() == 1
	if !calendar {
		slack = d.Precision.Tolerance()
	}
	return dayNumber(start) - slack, dayNumber(end) + slack, true
}

// Window is the span of days a date may stand for (see window), as UTC midnights. Two mentions
// can only be compatible when their windows overlap, so the pipeline can fetch candidates whose
// incident windows overlap the new mention's window; ok is false for an unknown date.
func Window(d model.Date) (from, to time.Time, ok bool) {
	lo, hi, ok := window(d)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	return dayTime(lo), dayTime(hi), true
}

func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

func dayTime(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// dateScore is 1 for windows with the same centre, falling to 0 as the windows barely touch.
func dateScore(a, b *profile) (float64, bool) {
	if !a.dated || !b.dated {
		return 0, true
	}
	if a.lo > b.hi || b.lo > a.hi {
		return 0, false
	}
	gap := math.Abs(float64(a.lo+a.hi)-float64(b.lo+b.hi)) / 2
	reach := float64(a.hi-a.lo+b.hi-b.lo)/2 + 1
	return math.Max(0, 1-gap/reach), true
}

// perpetratorScore: one shared family is agreement, disjoint families are a contradiction, an
// unnamed perpetrator contradicts nothing.
func perpetratorScore(a, b []string) (float64, bool) {
	if len(a) == 0 || len(b) == 0 {
		return 0.5, true
	}
	for _, f := range a {
		if i := sort.SearchStrings(b, f); i < len(b) && b[i] == f {
			return 1, true
		}
	}
	return 0, false
}

// SortKey is a mention's key in a form whose string order is key order (DocumentID, then Index).
func SortKey(m model.Mention) string { return fmt.Sprintf("%s#%09d", m.DocumentID, m.Index) }
