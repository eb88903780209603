package export

import "github.com/wallwatch/wallwatch/internal/model"

// tlpExtensionID is the OASIS property extension that defines TLP 2.0 in STIX 2.1
// (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0).
const tlpExtensionID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"

// tlpMarkingIDs are the fixed ids of the official TLP 2.0 marking definitions, by rank (CLEAR
// first): every platform that knows TLP 2.0 recognises them.
var tlpMarkingIDs = [...]string{
	"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", // TLP:CLEAR
	"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", // TLP:GREEN
	"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", // TLP:AMBER
	"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", // TLP:AMBER+STRICT
	"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", // TLP:RED
}

// stixMarkingDefinition is one official TLP 2.0 marking definition, as OASIS publishes it.
type stixMarkingDefinition struct {
	Type        string                    `json:"type"`
	SpecVersion string                    `json:"spec_version"`
	ID          string                    `json:"id"`
	Created     string                    `json:"created"`
	Name        string                    `json:"name"`
	Extensions  map[string]tlpMarkingSpec `json:"extensions"`
}

type tlpMarkingSpec struct {
	ExtensionType string `json:"extension_type"`
	TLP           string `json:"tlp_2_0"`
}

// tlpMarkingDefinition is the marking definition of the marking of a rank.
func tlpMarkingDefinition(rank int) stixMarkingDefinition {
	m := model.TLPs[rank]
	return stixMarkingDefinition{Type: "marking-definition", SpecVersion: "2.1", ID: tlpMarkingIDs[rank],
		Created: "2022-10-01T00:00:00.000Z", Name: "TLP:" + string(m),
		Extensions: map[string]tlpMarkingSpec{tlpExtensionID: {ExtensionType: "property-extension", TLP: tlpName(m)}}}
}

// tlpName is a marking as the extension writes it: lower case ("amber+strict").
func tlpName(m model.TLP) string {
	b := []byte(m)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// rankOf is a marking's rank; a marking not recorded counts as CLEAR (TLPText).
func rankOf(m model.TLP) int { return model.TLP(TLPText(m)).Rank() }

// markUse records that the incident being added (of rank b.current) uses object id: a shared
// object carries the least restrictive marking among the incidents it can be learnt from.
func (b *stixBuilder) markUse(id string) {
	if r, ok := b.marks[id]; !ok || b.current < r {
		b.marks[id] = b.current
	}
}

// markingRefs is the object_marking_refs of a rank, and records that the bundle needs its
// definition.
func (b *stixBuilder) markingRefs(rank int) []string {
	b.used[rank] = true
	return []string{tlpMarkingIDs[rank]}
}

// addMarkings gives every shared object its marking and adds the definitions the bundle uses.
func (b *stixBuilder) addMarkings() {
	for id, c := range b.stamps {
		c.ObjectMarkingRefs = b.markingRefs(b.marks[id])
	}
	for rank, used := range b.used {
		if used {
			b.objects[tlpMarkingIDs[rank]] = tlpMarkingDefinition(rank)
		}
	}
}
