package model

import "math"

// EventType classifies an incident.
type EventType string

// The incident types of the export contract.
const (
	FacilityAttack EventType = "facility_attack" // assault from outside that frees or tries to free inmates
	MassEscape     EventType = "mass_escape"     // many inmates break out without an outside assault
	Riot           EventType = "riot"            // inmate violence with no reported escape
	ThwartedAttack EventType = "thwarted_attack" // an assault repelled with nobody freed
	OtherAttack    EventType = "other_attack"    // a related attack that is not on a detention facility
)

// Metric names a figure an incident is measured by.
type Metric string

// The metrics of the export contract.
const (
	Escaped    Metric = "escaped"
	Recaptured Metric = "recaptured"
	Killed     Metric = "killed"
	Wounded    Metric = "wounded"
	Attackers  Metric = "attackers"
	Held       Metric = "held"
)

// Metrics lists every metric in display order.
var Metrics = []Metric{Escaped, Recaptured, Killed, Wounded, Attackers, Held}

// Role is the standing of a claimant or an actor towards an incident.
type Role string

// Claimant roles of the export contract.
const (
	RolePerpetrator Role = "perpetrator"
	RoleDefender    Role = "defender"
	RoleGovernment  Role = "government"
	RoleIndependent Role = "independent"
	RoleMedia       Role = "media"
	RoleUnknown     Role = "unknown"
)

// GeoPrecision says what a coordinate stands for.
type GeoPrecision string

// Geographic precisions from finest to coarsest.
const (
	GeoFacility GeoPrecision = "facility"
	GeoPlace    GeoPrecision = "place"
	GeoAdmin1   GeoPrecision = "admin1"
	GeoCountry  GeoPrecision = "country"
)

// Place is a resolved location.
type Place struct {
	Country   string // ISO 3166-1 alpha-2
	Admin1    string // first-level division name, "" if unknown
	Name      string // city, town or district, "" if only admin1 or country is known
	GeonameID int64
	Lat, Lon  float64
	Precision GeoPrecision
}

// Span points at the words in a document's stored text that carry a value.
type Span struct {
	Kind  string // date, place, facility, actor, figure, method, campaign, claimant
	Start int    // offset in characters (runes) into Document.Text
	End   int
	Text  string // the covered text
	Value string // the normalised value it was read as
}

// Claim is one figure that one source put forward in one document.
type Claim struct {
	Metric       Metric
	Low, High    *int   // nil is an open bound
	Qualifier    string // exact, approx, more_than, up_to, range, vague
	Side         string // for killed/wounded: perpetrators, security, prisoners, civilians, unknown
	Claimant     string
	ClaimantRole Role
	Reported     Date // when the source said it: the document's or its update section's date
	DocumentID   string
	Quote        string // the sentence (or clause) that carries the figure
	Start, End   int    // rune offsets of Quote in the document text
	TLP          TLP    `json:",omitempty"` // its document's marking, filled when read
}

// Mention is what one document says about one incident.
type Mention struct {
	DocumentID   string
	Index        int    // order within the document
	Salience     string // primary (the document's subject) or secondary
	Type         EventType
	Date         Date
	Place        Place
	Facility     string
	Perpetrators []string // canonical actor names
	Methods      []string
	Campaigns    []string
	Claims       []Claim
	Evidence     []Span
}

// DistanceKm is the great-circle distance in kilometres between two points given in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthRadiusKm = 6371
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}
