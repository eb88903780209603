package export

import (
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// STIX writes incidents as one STIX 2.1 bundle for threat-intelligence platforms (OpenCTI, MISP):
// each incident an `incident` object whose wallwatch fields (type, dates, figures) ride in a
// property extension declared by an `extension-definition`; its place a `location`; its
// perpetrators `threat-actor`s; its campaigns `campaign`s; each source document a `report` by an
// `identity` named after the publishing site; and `relationship`s between them. Ids are UUIDv5 of
// our own ids and names and objects are sorted, so the same data always exports the same bytes.
func STIX(w io.Writer, incs []model.Incident) error {
	return STIXWithWaves(w, incs, nil)
}

// STIXWithWaves writes the bundle of STIX, adding each wave that holds an exported incident as a
// `campaign` (see addWave).
func STIXWithWaves(w io.Writer, incs []model.Incident, waves []model.Wave) error {
	b := stixBuilder{objects: map[string]any{}, stamps: map[string]*common{}, times: map[string]*timeRange{}, seen: map[string]*timeRange{},
		marks: map[string]int{}, ranks: map[string]int{}}
	b.addProducer()
	exported := make(map[string]bool, len(incs))
	for _, inc := range incs {
		b.addIncident(inc)
		exported[inc.ID] = true
	}
	for _, wave := range waves {
		b.addWave(wave, exported)
	}
	b.addMarkings()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b.bundle())
}

type timeRange struct{ first, last time.Time }

func (r *timeRange) add(t time.Time) {
	if r.first.IsZero() || t.Before(r.first) {
		r.first = t
	}
	if t.After(r.last) {
		r.last = t
	}
}

// stixBuilder collects objects by id. Objects shared by several incidents (places, actors,
// campaigns, reports, publishers) are created once and dated by the incidents that use them.
type stixBuilder struct {
	objects map[string]any
	stamps  map[string]*common    // shared objects' common properties, dated at the end
	times   map[string]*timeRange // shared object id -> update times of the incidents using it
	seen    map[string]*timeRange // campaign id -> dates of its incidents
	// TLP 2.0 markings (stixmarkings.go): each object's rank, the rank of the incident being
	// added, each exported incident's rank and the ranks whose definitions the bundle holds.
	marks   map[string]int
	current int
	ranks   map[string]int
	used    [5]bool
}

var (
	producerID  = stixID("identity", "wallwatch")
	extensionID = stixID("extension-definition", "wallwatch-incident")
)

func (b *stixBuilder) addProducer() {
	at := stixTime(stixProducedAt)
	b.objects[producerID] = stixIdentity{
		common: common{Type: "identity", SpecVersion: "2.1", ID: producerID, Created: at, Modified: at},
		Name:   "wallwatch", IdentityClass: "system",
		Description: "Builds sourced, deduplicated incident records of attacks on prisons from open-source reporting.",
	}
	b.objects[extensionID] = stixExtensionDefinition{
		common: common{Type: "extension-definition", SpecVersion: "2.1", ID: extensionID, Created: at, Modified: at, CreatedByRef: producerID},
		Name:   "wallwatch incident", Version: "1.0.0", ExtensionTypes: []string{"property-extension"},
		Description: "Incident type, dates, place, methods and reconciled figures (best, low, high) of a wallwatch incident.",
		Schema:      "https://github.com/wallwatch/wallwatch/blob/main/docs/export-json.md",
	}
}

// use records that an incident updated at t uses the shared object id and reports whether the
// object is new. Shared objects are dated by the incidents using them, whatever their order.
func (b *stixBuilder) use(id string, t time.Time) bool {
	r, ok := b.times[id]
	if !ok {
		r = &timeRange{}
		b.times[id] = r
	}
	r.add(t)
	b.markUse(id)
	return !ok
}

// keep stores a new shared object with its common properties, dated by bundle.
func (b *stixBuilder) keep(obj any, c *common) {
	b.objects[c.ID] = obj
	b.stamps[c.ID] = c
}

func newCommon(typ, id string) common {
	return common{Type: typ, SpecVersion: "2.1", ID: id, CreatedByRef: producerID}
}

func (b *stixBuilder) addIncident(inc model.Incident) {
	t := incidentTime(inc)
	id := stixID("incident", inc.ID)
	at := stixTime(t)
	b.current = rankOf(inc.TLP)
	b.ranks[inc.ID] = b.current
	b.objects[id] = stixIncident{
		common: common{Type: "incident", SpecVersion: "2.1", ID: id, Created: at, Modified: at, CreatedByRef: producerID,
			ObjectMarkingRefs: b.markingRefs(b.current)},
		Name:               incidentName(inc),
		Description:        Notes(inc),
		ExternalReferences: incidentReferences(inc),
		Extensions:         map[string]incidentExtension{extensionID: extensionOf(inc)},
	}
	if loc := b.addLocation(inc.Place, t); loc != "" {
		b.relate(id, "located-at", loc, t)
	}
	var actors []string
	for _, name := range inc.Perpetrators {
		actor := b.addNamed("threat-actor", name, t)
		actors = append(actors, actor)
		b.relate(id, "attributed-to", actor, t)
	}
	for _, name := range inc.Campaigns {
		campaign := b.addNamed("campaign", name, t)
		if b.seen[campaign] == nil {
			b.seen[campaign] = &timeRange{}
		}
		if !inc.Date.IsZero() {
			b.seen[campaign].add(inc.Date.Start)
		}
		b.relate(id, "attributed-to", campaign, t)
		for _, actor := range actors {
			b.relate(campaign, "attributed-to", actor, t)
		}
	}
	for _, d := range inc.Documents {
		b.addReport(d, id, t)
	}
}

// incidentTime dates an incident's STIX objects: when wallwatch last changed it.
func incidentTime(inc model.Incident) time.Time {
	switch {
	case !inc.UpdatedAt.IsZero():
		return inc.UpdatedAt
	case !inc.Date.IsZero():
		return inc.Date.Start
	}
	return stixProducedAt
}

func incidentName(inc model.Incident) string {
	name := "Incident"
	if t := strings.ReplaceAll(string(inc.Type), "_", " "); t != "" {
		name = strings.ToUpper(t[:1]) + t[1:]
	}
	var where []string
	for _, s := range []string{inc.Facility, inc.Place.Name, inc.Place.Country} {
		if s != "" {
			where = append(where, s)
		}
	}
	if len(where) > 0 {
		name += ": " + strings.Join(where, ", ")
	}
	if !inc.Date.IsZero() {
		name += " (" + inc.Date.Start.Format(model.DateLayout) + ")"
	}
	return name
}

func incidentReferences(inc model.Incident) []externalRef {
	refs := []externalRef{{SourceName: "wallwatch", ExternalID: inc.ID}}
	for _, d := range inc.Documents {
		if u := SourceURL(d); u != "" {
			refs = append(refs, externalRef{SourceName: sourceHost(u), URL: u, ExternalID: d.ID, Description: d.Title})
		}
	}
	return refs
}

func extensionOf(inc model.Incident) incidentExtension {
	x := incidentExtension{ExtensionType: "property-extension", WallwatchID: inc.ID, IncidentType: string(inc.Type),
		DateStart: day(inc.Date.Start), DatePrecision: string(inc.Date.Precision), Country: inc.Place.Country,
		Facility: inc.Facility, Methods: inc.Methods}
	if inc.Date.End != nil {
		x.DateEnd = day(*inc.Date.End)
	}
	if len(inc.Metrics) > 0 {
		x.Metrics = map[string]metricFigure{}
		for m, e := range inc.Metrics {
			x.Metrics[string(m)] = metricFigure{Best: e.Best, Low: e.Low, High: e.High, Contested: e.Contested, Claims: len(e.Claims)}
		}
	}
	return x
}

// geoPrecisionMetres is how far from its coordinates a place of each precision may lie.
var geoPrecisionMetres = map[model.GeoPrecision]float64{
	model.GeoFacility: 100, model.GeoPlace: 5000, model.GeoAdmin1: 100000, model.GeoCountry: 500000,
}

// addLocation adds the location of a place and returns its id, or "" when nothing is known.
func (b *stixBuilder) addLocation(p model.Place, t time.Time) string {
	hasCoords := p.Precision != ""
	if p.Country == "" && !hasCoords {
		return ""
	}
	var parts []string
	for _, s := range []string{p.Name, p.Admin1, p.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	name := strings.Join(parts, ", ")
	key := name
	if hasCoords {
		key += "|" + strings.Join([]string{ftoa(p.Lat), ftoa(p.Lon), string(p.Precision)}, "|")
	}
	id := stixID("location", key)
	if !b.use(id, t) {
		return id
	}
	loc := &stixLocation{common: newCommon("location", id), Name: name, Country: p.Country, AdministrativeArea: p.Admin1, City: p.Name}
	if hasCoords {
		lat, lon := p.Lat, p.Lon
		loc.Latitude, loc.Longitude = &lat, &lon
		if m, ok := geoPrecisionMetres[p.Precision]; ok {
			loc.Precision = &m
		}
	}
	b.keep(loc, &loc.common)
	return id
}

// addNamed adds a threat actor or campaign known only by its name.
func (b *stixBuilder) addNamed(typ, name string, t time.Time) string {
	id := stixID(typ, strings.ToLower(name))
	if b.use(id, t) {
		obj := &stixNamed{common: newCommon(typ, id), Name: name}
		b.keep(obj, &obj.common)
	}
	return id
}

func (b *stixBuilder) addReport(d model.DocumentRef, incidentID string, t time.Time) {
	id := stixID("report", d.ID)
	if b.use(id, t) {
		r := &stixReport{common: newCommon("report", id), Name: SourceLabel(d), ReportTypes: []string{"threat-report"}}
		if d.Published != nil {
			r.Published = stixTime(*d.Published)
		}
		if u := SourceURL(d); u != "" {
			r.ExternalReferences = []externalRef{{SourceName: sourceHost(u), URL: u, ExternalID: d.ID}}
		}
		b.keep(r, &r.common)
	}
	b.marks[id] = rankOf(d.TLP) // a report carries its document's own marking
	if host := Outlet(d); host != "" {
		b.objects[id].(*stixReport).CreatedByRef = b.addPublisher(host, t)
	}
	r := b.objects[id].(*stixReport)
	r.ObjectRefs = append(r.ObjectRefs, incidentID)
}

// addPublisher adds the identity of a site that published a source.
func (b *stixBuilder) addPublisher(host string, t time.Time) string {
	id := stixID("identity", "source:"+host)
	if b.use(id, t) {
		obj := &stixIdentity{common: newCommon("identity", id), Name: host, IdentityClass: "organization"}
		b.keep(obj, &obj.common)
	}
	return id
}

func (b *stixBuilder) relate(source, typ, target string, t time.Time) {
	id := stixID("relationship", source+"|"+typ+"|"+target)
	if b.use(id, t) {
		obj := &stixRelationship{common: newCommon("relationship", id), RelationshipType: typ, SourceRef: source, TargetRef: target}
		b.keep(obj, &obj.common)
	}
}

// stixTypeOrder sorts a bundle: who made it, then incidents and what they point at.
var stixTypeOrder = map[string]int{"identity": 0, "extension-definition": 1, "marking-definition": 2, "incident": 3, "report": 4,
	"campaign": 5, "threat-actor": 6, "location": 7, "relationship": 8}

type stixBundle struct {
	Type    string `json:"type"`
	ID      string `json:"id"`
	Objects []any  `json:"objects"`
}

// bundle dates the shared objects and returns every object in a stable order.
func (b *stixBuilder) bundle() stixBundle {
	for id, c := range b.stamps {
		r := b.times[id]
		c.Created, c.Modified = stixTime(r.first), stixTime(r.last)
		switch obj := b.objects[id].(type) {
		case *stixNamed:
			if s := b.seen[id]; s != nil && !s.first.IsZero() {
				obj.FirstSeen, obj.LastSeen = stixTime(s.first), stixTime(s.last)
			}
		case *stixReport:
			sort.Strings(obj.ObjectRefs)
			obj.ObjectRefs = slices.Compact(obj.ObjectRefs)
			if obj.Published == "" {
				obj.Published = c.Created
			}
		}
	}
	ids := make([]string, 0, len(b.objects))
	for id := range b.objects {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		ti, tj := ids[i][:strings.Index(ids[i], "--")], ids[j][:strings.Index(ids[j], "--")]
		if stixTypeOrder[ti] != stixTypeOrder[tj] {
			return stixTypeOrder[ti] < stixTypeOrder[tj]
		}
		return ids[i] < ids[j]
	})
	out := stixBundle{Type: "bundle", ID: stixID("bundle", strings.Join(ids, ",")), Objects: make([]any, len(ids))}
	for i, id := range ids {
		out.Objects[i] = b.objects[id]
	}
	return out
}
