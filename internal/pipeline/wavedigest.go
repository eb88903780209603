package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"maps"
	"slices"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/model"
)

// waveDigest is a digest of everything detection reads: the parameters that change its result
// and, for each incident as store.WaveInputs gives it, the fields detection uses and its
// perpetrators' families. Report texts, which the citation check reads, are not in it: a
// document's id derives from its content, so the same ids name the same texts.
func waveDigest(incs []model.Incident, family analyse.Family, p analyse.Params) (string, error) {
	h := sha256.New()
	settings, err := json.Marshal([]any{p.WindowDays, p.MinIncidents, p.Alpha, p.Replications, p.Seed, p.Since, p.Until, p.Types, p.By})
	if err != nil {
		return "", fmt.Errorf("wave digest: %w", err)
	}
	h.Write(settings)
	for _, inc := range incs {
		digestIncident(h, inc, family)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// digestIncident writes what detection reads of an incident to h, each value ended by a zero
// byte and each list by a one, so that no two different incidents write the same bytes.
func digestIncident(h hash.Hash, inc model.Incident, family analyse.Family) {
	field := func(values ...string) {
		for _, v := range values {
			h.Write([]byte(v))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	field(inc.ID, string(inc.Type), inc.Date.Start.Format(time.RFC3339Nano), string(inc.Date.Precision), inc.Place.Country, inc.Facility)
	field(inc.Perpetrators...)
	field(analyse.Families(inc.Perpetrators, family)...)
	field(inc.Methods...)
	field(inc.Campaigns...)
	for _, d := range inc.Documents {
		field(d.ID)
	}
	h.Write([]byte{2})
	for _, m := range slices.Sorted(maps.Keys(inc.Metrics)) {
		for _, c := range inc.Metrics[m].Claims {
			field(string(m), c.Claimant, string(c.ClaimantRole))
		}
	}
	h.Write([]byte{2})
}
