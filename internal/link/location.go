package link

import (
	"math"
	"slices"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/names"
)

// locationScore compares where two mentions happened (0..1). Two named facilities must match
// (one name holding the other after generic words are dropped), or one must be named after the
// other's town or province while the places agree (the generic words of place names dropped:
// "Tarvo City jail" is named after "City of Tarvo"): "Beni central prison" may be "Kangbayi
// prison" placed in Beni, but "Abu Ghraib prison" is not "Taji prison". A facility name match
// outweighs a disagreement of place names (gazetteers resolve towns differently) unless admin1
// regions disagree or the coordinates are far apart. Without two facility names, places decide.
func locationScore(a, b *profile) (float64, bool) {
	if len(a.facility) > 0 && len(b.facility) > 0 {
		return facilityScore(a, b)
	}
	if a.namesFacility() && b.namesFacility() && len(a.place) > 0 && len(b.place) > 0 && !related(a.place, b.place) {
		return 0, false // "the Civil Prison" of one town and another town's prison, however near: each town's own
	}
	return placeScore(a, b)
}

// namesFacility reports a profile whose mention names a facility, by words of its own or by
// generic words alone ("the Civil Prison").
func (p *profile) namesFacility() bool { return p.titledOnly || len(p.facility) > 0 }

func facilityScore(a, b *profile) (float64, bool) {
	_, placesOK := placeScore(a, b)
	if related(a.facility, b.facility) {
		// One facility name in one region is one facility even when a report misplaces its town;
		// a name that only shares words must also lie near.
		same := equalTokens(a.facility, b.facility)
		if !placesOK && (admin1Conflict(a, b) || !same && distanceKM(a, b) > facilityKM) {
			return 0, false
		}
		if same {
			return 1, true
		}
		return 0.85, true
	}
	if placesOK && related(a.pastGrade(), b.pastGrade()) {
		return 0.85, true // "Penitenciária de Segurança Máxima Ola Kessel" and "penitenciaría de máxima seguridad Ola Kessel"
	}
	namedAfter := namedAfterPlace(a.facility, union(b.place, b.admin1)) || namedAfterPlace(b.facility, union(a.place, a.admin1))
	if namedAfter && placesOK {
		return 0.7, true
	}
	if sameSkeletons(a, b) && (placesOK || !admin1Conflict(a, b)) {
		return 0.7, true // "Tammeh prison", "prison de Tammé" and "سجن الطمة": one name in other scripts, as one name written alike
	}
	return 0, false
}

// sameSkeletons reports two facility names whose words have one consonant skeleton each, with
// at least two consonants: the same name in other spellings or scripts.
func sameSkeletons(a, b *profile) bool {
	sa, sb := a.skeletons(), b.skeletons()
	return len(sa) > 0 && slices.Equal(sa, sb)
}

// skeletons returns the sorted consonant skeletons of the facility name's words, nil when a word
// has fewer than minSkeleton consonants; read once per profile, when first compared.
func (p *profile) skeletons() []string {
	if p.skeletonsRead {
		return p.skeleton
	}
	p.skeletonsRead = true
	for _, w := range p.facility {
		s := names.Skeleton(w)
		if len(s) < minSkeleton {
			p.skeleton = nil
			return nil
		}
		p.skeleton = append(p.skeleton, s)
	}
	slices.Sort(p.skeleton)
	return p.skeleton
}

// minSkeleton is the fewest consonants a word's skeleton needs to tell a facility: no name of
// one consonant says which prison it is.
const minSkeleton = 2

// namedAfterPlace reports a facility name (tokens) whose words are the place's, once the generic
// words of place names are dropped from it: "Tarvo City jail" is named after "City of Tarvo".
func namedAfterPlace(facility, place []string) bool {
	j, named := 0, false
	for _, t := range facility {
		if placeStopWords[t] {
			continue
		}
		for j < len(place) && place[j] < t {
			j++
		}
		if j == len(place) || place[j] != t {
			return false
		}
		named = true
	}
	return named
}

// placeScore compares places: the same GeoNames id or one name holding the other is a match,
// two different names close together (a town and its district) are near, one side known only to
// admin1 or country level agrees with any place inside it. A named facility without a resolved
// place stands for its place ("Bauchi prison" is in Bauchi).
func placeScore(a, b *profile) (float64, bool) {
	pa, pb := placeOrFacility(a), placeOrFacility(b)
	switch {
	case a.geonameID != 0 && a.geonameID == b.geonameID:
		return 2.0 / 3, true
	case len(pa) > 0 && len(pb) > 0:
		if admin1Conflict(a, b) && distanceKM(a, b) > nearKM {
			return 0, false
		}
		if related(pa, pb) {
			return 2.0 / 3, true
		}
		if distanceKM(a, b) <= nearKM {
			return 0.5, true
		}
		return 0, false
	case admin1Conflict(a, b):
		return 0, false
	case len(a.admin1) > 0 && len(b.admin1) > 0:
		return 1.0 / 3, true
	}
	return 1.0 / 6, true
}

func placeOrFacility(p *profile) []string {
	if len(p.place) > 0 {
		return p.place
	}
	return p.facility
}

// admin1Conflict reports two known, different first-level regions. A town named like the other
// side's region ("Bauchi" in "Bauchi State") is no conflict.
func admin1Conflict(a, b *profile) bool {
	if len(a.admin1) == 0 || len(b.admin1) == 0 || related(a.admin1, b.admin1) {
		return false
	}
	return !related(a.place, b.admin1) && !related(b.place, a.admin1)
}

// distanceKM is the great-circle distance between two precise coordinates, +Inf when either is
// unknown.
func distanceKM(a, b *profile) float64 {
	if !a.hasCoord || !b.hasCoord {
		return math.Inf(1)
	}
	return model.DistanceKm(a.lat, a.lon, b.lat, b.lon)
}
