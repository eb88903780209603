package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func stixFixture() []model.Incident {
	pub := time.Date(2024, 2, 4, 0, 0, 0, 0, time.UTC)
	n62, n150 := 62, 150
	claim := model.Claim{Metric: model.Escaped, Low: &n62, High: &n62, Qualifier: "exact", Claimant: "regional official",
		ClaimantRole: model.RoleGovernment, DocumentID: "doc-a", Quote: "A regional official said 62 detainees escaped.", Start: 10, End: 56}
	return []model.Incident{{
		ID: "inc-0001", Type: model.FacilityAttack,
		Date:         model.Date{Start: time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay},
		Place:        model.Place{Country: "ML", Admin1: "Gao", Name: "Gao", Lat: 16.27, Lon: -0.04, Precision: model.GeoPlace},
		Facility:     "Gao Prison",
		Perpetrators: []string{"Sahel Liberation Army"},
		Campaigns:    []string{"Open the Gates"},
		Documents: []model.DocumentRef{{ID: "doc-a", Source: "https://sahel-wire.example.net/gao", Title: "Gao prison stormed", Published: &pub},
			{ID: "doc-b", Source: "notes/local-file.txt", Title: "Desk notes"}},
		Metrics:   map[model.Metric]model.Estimate{model.Escaped: {Best: &n62, Low: &n62, High: &n150, Contested: true, Claims: []model.Claim{claim}}},
		UpdatedAt: time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC),
	}, {
		ID: "inc-0002", Type: model.MassEscape,
		Date:         model.Date{Start: time.Date(2024, 6, 9, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionMonth},
		Place:        model.Place{Country: "BF"},
		Perpetrators: []string{"Sahel Liberation Army"},
		Campaigns:    []string{"Open the Gates"},
		Documents:    []model.DocumentRef{{ID: "doc-a", Source: "https://sahel-wire.example.net/gao", Title: "Gao prison stormed", Published: &pub}},
		UpdatedAt:    time.Date(2024, 7, 2, 8, 30, 0, 0, time.UTC),
	}, {
		ID: "inc-0003", Type: model.Riot, // nothing known of where or when
	}}
}

func exportSTIX(t *testing.T, incs []model.Incident) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := STIX(&buf, incs); err != nil {
		t.Fatalf("STIX: %v", err)
	}
	return buf.Bytes()
}

type stixDoc struct {
	Type    string           `json:"type"`
	ID      string           `json:"id"`
	Objects []map[string]any `json:"objects"`
}

var (
	stixIDPattern   = regexp.MustCompile(`^([a-z0-9-]{3,250})--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	stixTimePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)
	customName      = regexp.MustCompile(`^[a-z0-9_]{3,250}$`)
)

// stixRequired lists, per object type, the properties STIX 2.1 requires beyond the common ones.
var stixRequired = map[string][]string{
	"identity":             {"name", "identity_class"},
	"extension-definition": {"name", "schema", "version", "extension_types", "created_by_ref"},
	"incident":             {"name"},
	"report":               {"name", "published", "object_refs"},
	"campaign":             {"name"},
	"threat-actor":         {"name"},
	"location":             {},
	"relationship":         {"relationship_type", "source_ref", "target_ref"},
}

// checkSTIX reports every way the bundle breaks the STIX 2.1 rules that importers enforce.
func checkSTIX(doc stixDoc) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if doc.Type != "bundle" || !strings.HasPrefix(doc.ID, "bundle--") || !stixIDPattern.MatchString(doc.ID) {
		fail("bundle type %q id %q", doc.Type, doc.ID)
	}
	ids := map[string]string{}
	for _, o := range doc.Objects {
		id, _ := o["id"].(string)
		typ, _ := o["type"].(string)
		if m := stixIDPattern.FindStringSubmatch(id); (m == nil || m[1] != typ) && !(typ == "marking-definition" && slices.Contains(tlpMarkingIDs[:], id)) {
			fail("object id %q does not match type %q", id, typ)
		}
		if _, dup := ids[id]; dup {
			fail("duplicate id %s", id)
		}
		ids[id] = typ
	}
	for _, o := range doc.Objects {
		errs = append(errs, checkObject(o, ids)...)
	}
	return errs
}

func checkObject(o map[string]any, ids map[string]string) []string {
	var errs []string
	id, typ := o["id"].(string), o["type"].(string)
	fail := func(format string, args ...any) { errs = append(errs, id+": "+fmt.Sprintf(format, args...)) }
	if typ == "marking-definition" {
		return checkTLPMarking(o, fail, errs)
	}
	required, known := stixRequired[typ]
	if !known {
		fail("unexpected type %q", typ)
	}
	for _, p := range append([]string{"spec_version", "created", "modified"}, required...) {
		if _, ok := o[p]; !ok {
			fail("missing %s", p)
		}
	}
	if o["spec_version"] != "2.1" {
		fail("spec_version %v", o["spec_version"])
	}
	for _, p := range []string{"created", "modified", "published", "first_seen", "last_seen"} {
		if v, ok := o[p]; ok && !stixTimePattern.MatchString(fmt.Sprint(v)) {
			fail("%s %v is not a STIX timestamp", p, v)
		}
	}
	if fmt.Sprint(o["modified"]) < fmt.Sprint(o["created"]) {
		fail("modified %v before created %v", o["modified"], o["created"])
	}
	for p, v := range o {
		switch {
		case strings.HasSuffix(p, "_ref"):
			if _, ok := ids[v.(string)]; !ok {
				fail("%s %v points outside the bundle", p, v)
			}
		case strings.HasSuffix(p, "_refs"):
			refs := v.([]any)
			if len(refs) == 0 {
				fail("%s is empty", p)
			}
			for _, r := range refs {
				if _, ok := ids[r.(string)]; !ok {
					fail("%s %v points outside the bundle", p, r)
				}
			}
		}
	}
	errs = append(errs, checkExtensions(o, ids, fail)...)
	if typ == "location" {
		errs = append(errs, checkLocation(o, fail)...)
	}
	return errs
}

// checkTLPMarking checks a marking definition is one of the official TLP 2.0 ones, as OASIS
// publishes them (no modified: marking definitions are never versioned).
func checkTLPMarking(o map[string]any, fail func(string, ...any), errs []string) []string {
	rank := slices.Index(tlpMarkingIDs[:], o["id"].(string))
	if rank < 0 {
		fail("not an official TLP 2.0 marking definition")
		return errs
	}
	want := map[string]any{"type": "marking-definition", "spec_version": "2.1", "id": tlpMarkingIDs[rank],
		"created": "2022-10-01T00:00:00.000Z", "name": "TLP:" + string(model.TLPs[rank]),
		"extensions": map[string]any{tlpExtensionID: map[string]any{"extension_type": "property-extension",
			"tlp_2_0": strings.ToLower(string(model.TLPs[rank]))}}}
	if got, _ := json.Marshal(o); string(got) != string(mustJSON(want)) {
		fail("marking definition %s, want %s", got, mustJSON(want))
	}
	return errs
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func checkExtensions(o map[string]any, ids map[string]string, fail func(string, ...any)) []string {
	exts, ok := o["extensions"].(map[string]any)
	if !ok {
		return nil
	}
	for key, v := range exts {
		if ids[key] != "extension-definition" {
			fail("extension %s has no extension-definition in the bundle", key)
		}
		props := v.(map[string]any)
		if props["extension_type"] != "property-extension" {
			fail("extension %s type %v", key, props["extension_type"])
		}
		for p := range props {
			if !customName.MatchString(p) {
				fail("extension property name %q", p)
			}
		}
	}
	return nil
}

func checkLocation(o map[string]any, fail func(string, ...any)) []string {
	lat, hasLat := o["latitude"].(float64)
	lon, hasLon := o["longitude"].(float64)
	_, hasCountry := o["country"]
	_, hasRegion := o["region"]
	if !hasCountry && !hasRegion && !(hasLat && hasLon) {
		fail("location needs region, country or latitude+longitude")
	}
	if hasLat != hasLon || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		fail("bad coordinates %v,%v", o["latitude"], o["longitude"])
	}
	if _, ok := o["precision"]; ok && !hasLat {
		fail("precision without coordinates")
	}
	return nil
}

func TestSTIXIsValid(t *testing.T) {
	var doc stixDoc
	if err := json.Unmarshal(exportSTIX(t, stixFixture()), &doc); err != nil {
		t.Fatalf("bundle is not JSON: %v", err)
	}
	for _, e := range checkSTIX(doc) {
		t.Error(e)
	}
	count := map[string]int{}
	for _, o := range doc.Objects {
		count[o["type"].(string)]++
	}
	want := map[string]int{"identity": 2, "extension-definition": 1, "incident": 3, "report": 2, "campaign": 1,
		"threat-actor": 1, "location": 2, "relationship": 7}
	for typ, n := range want {
		if count[typ] != n {
			t.Errorf("%d %s objects, want %d (all: %v)", count[typ], typ, n, count)
		}
	}
}

func TestSTIXIdsAreStable(t *testing.T) {
	for _, tc := range []struct{ typ, name, want string }{
		{"incident", "inc-0001", "incident--a4335ef8-d796-54a8-9b36-92203f51d47b"},
		{"threat-actor", "sahel liberation army", "threat-actor--58e8e8da-159e-5915-8b76-dd5517625e7c"},
	} {
		if got := stixID(tc.typ, tc.name); got != tc.want {
			t.Errorf("stixID(%q, %q) = %s, want %s", tc.typ, tc.name, got, tc.want)
		}
	}
	incs := stixFixture()
	first := exportSTIX(t, incs)
	slices.Reverse(incs)
	if again := exportSTIX(t, incs); !bytes.Equal(first, again) {
		t.Errorf("exporting the same incidents in another order changed the bundle")
	}
}

func TestSTIXCarriesTheFigures(t *testing.T) {
	var doc stixDoc
	if err := json.Unmarshal(exportSTIX(t, stixFixture()[:1]), &doc); err != nil {
		t.Fatal(err)
	}
	for _, o := range doc.Objects {
		switch o["type"] {
		case "incident":
			x := o["extensions"].(map[string]any)[extensionID].(map[string]any)
			escaped := x["metrics"].(map[string]any)["escaped"].(map[string]any)
			got := fmt.Sprint(x["incident_type"], " ", x["date_start"], " ", escaped["best"], " ", escaped["low"], " ", escaped["high"], " ", escaped["contested"])
			if want := "facility_attack 2024-02-03 62 62 150 true"; got != want {
				t.Errorf("incident extension = %s, want %s", got, want)
			}
			if got, want := o["name"], "Facility attack: Gao Prison, Gao, ML (2024-02-03)"; got != want {
				t.Errorf("incident name = %v, want %v", got, want)
			}
		case "campaign":
			if got := fmt.Sprint(o["first_seen"], " ", o["last_seen"]); got != "2024-02-03T00:00:00.000Z 2024-02-03T00:00:00.000Z" {
				t.Errorf("campaign seen = %s", got)
			}
		case "location":
			if o["latitude"] != 16.27 || o["country"] != "ML" || o["city"] != "Gao" {
				t.Errorf("location = %v", o)
			}
		}
	}
}

func TestSTIXEmpty(t *testing.T) {
	var doc stixDoc
	if err := json.Unmarshal(exportSTIX(t, nil), &doc); err != nil {
		t.Fatal(err)
	}
	if errs := checkSTIX(doc); len(errs) > 0 || len(doc.Objects) != 2 {
		t.Errorf("empty export: %d objects, errors %v; want the producer identity and extension definition", len(doc.Objects), errs)
	}
}

// TestSTIXMarkings: every object carries a TLP 2.0 marking by the official definitions' ids; an
// incident its documents' most restrictive one, a report its document's own, an object shared by
// incidents the least restrictive of theirs.
func TestSTIXMarkings(t *testing.T) {
	incs := stixFixture()
	incs[0].TLP, incs[0].Documents[1].TLP = model.TLPAmber, model.TLPAmber
	incs[0].Documents[0].TLP = model.TLPClear
	var doc stixDoc
	if err := json.Unmarshal(exportSTIX(t, incs), &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range checkSTIX(doc) {
		t.Error(e)
	}
	amber, clear := tlpMarkingIDs[model.TLPAmber.Rank()], tlpMarkingIDs[model.TLPClear.Rank()]
	want := map[string]string{
		stixID("incident", "inc-0001"): amber, stixID("incident", "inc-0002"): clear,
		stixID("report", "doc-a"): clear, stixID("report", "doc-b"): amber,
		stixID("threat-actor", "sahel liberation army"):      clear, // also learnt from inc-0002
		stixID("location", "Gao, Gao, ML|16.27|-0.04|place"): amber,
	}
	definitions := 0
	for _, o := range doc.Objects {
		id := o["id"].(string)
		refs, _ := o["object_marking_refs"].([]any)
		switch typ := o["type"].(string); {
		case typ == "marking-definition":
			definitions++
		case typ == "identity" && id == producerID, typ == "extension-definition":
		case len(refs) != 1:
			t.Errorf("%s: object_marking_refs %v, want one marking", id, refs)
		case want[id] != "" && refs[0] != want[id]:
			t.Errorf("%s: marked %v, want %s", id, refs[0], want[id])
		}
		delete(want, id)
	}
	if len(want) > 0 || definitions != 2 {
		t.Errorf("objects missing: %v; %d marking definitions, want 2 (CLEAR and AMBER)", want, definitions)
	}
}
