package link

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// FacilityID identifies a facility across the incidents that name it: "fac-" and 12 hex digits
// of the SHA-256 of its country and folded name, so that spellings differing only in case,
// accents, apostrophes or an al-/el- article are one facility. Names that differ in words
// ("Kuje prison", "Kuje custodial centre") are merged by review (docs/review.md). "" for an
// incident that names no facility.
func FacilityID(country, name string) string {
	folded := strings.Join(foldTokens(name), " ")
	if folded == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.ToUpper(country) + "|" + folded))
	return "fac-" + hex.EncodeToString(sum[:])[:12]
}
