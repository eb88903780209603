package export

import (
	"crypto/sha1"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// stixNamespace is the UUIDv5 namespace of wallwatch's STIX ids: uuid5(URL namespace,
// "https://github.com/wallwatch/wallwatch/stix"). Ids derive from our own ids and names, so the
// same data always exports the same ids and importers update objects instead of duplicating them.
var stixNamespace = [16]byte{0x6c, 0x4a, 0x88, 0x48, 0x95, 0x32, 0x50, 0x51, 0xb4, 0xbc, 0x65, 0x4c, 0xdc, 0xdc, 0x63, 0x9e}

// stixID is an object id: its type, "--" and a UUIDv5 (RFC 9562) of name in stixNamespace.
func stixID(typ, name string) string {
	h := sha1.New()
	h.Write(stixNamespace[:])
	h.Write([]byte(typ + ":" + name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%s--%x-%x-%x-%x-%x", typ, u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// stixTime is a STIX timestamp: UTC, millisecond precision, "Z".
func stixTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// stixProducedAt dates the objects that describe wallwatch itself rather than the data.
var stixProducedAt = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// common holds the properties every STIX domain object and relationship has.
type common struct {
	Type         string `json:"type"`
	SpecVersion  string `json:"spec_version"`
	ID           string `json:"id"`
	Created      string `json:"created"`
	Modified     string `json:"modified"`
	CreatedByRef string `json:"created_by_ref,omitempty"`
	// ObjectMarkingRefs holds the object's TLP 2.0 marking: the official definition's id.
	ObjectMarkingRefs []string `json:"object_marking_refs,omitempty"`
}

type externalRef struct {
	SourceName  string `json:"source_name"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
	Description string `json:"description,omitempty"`
}

type stixIdentity struct {
	common
	Name          string `json:"name"`
	IdentityClass string `json:"identity_class"`
	Description   string `json:"description,omitempty"`
}

type stixExtensionDefinition struct {
	common
	Name           string   `json:"name"`
	Description    string   `json:"description"`
	Schema         string   `json:"schema"`
	Version        string   `json:"version"`
	ExtensionTypes []string `json:"extension_types"`
}

type stixIncident struct {
	common
	Name               string                       `json:"name"`
	Description        string                       `json:"description,omitempty"`
	ExternalReferences []externalRef                `json:"external_references,omitempty"`
	Extensions         map[string]incidentExtension `json:"extensions"`
}

// incidentExtension carries what STIX's incident stub has no property for.
type incidentExtension struct {
	ExtensionType string                  `json:"extension_type"`
	WallwatchID   string                  `json:"wallwatch_id"`
	IncidentType  string                  `json:"incident_type"`
	DateStart     *string                 `json:"date_start,omitempty"`
	DateEnd       *string                 `json:"date_end,omitempty"`
	DatePrecision string                  `json:"date_precision,omitempty"`
	Country       string                  `json:"country,omitempty"`
	Facility      string                  `json:"facility,omitempty"`
	Methods       []string                `json:"methods,omitempty"`
	Metrics       map[string]metricFigure `json:"metrics,omitempty"`
}

type metricFigure struct {
	Best      *int `json:"best"`
	Low       *int `json:"low"`
	High      *int `json:"high"`
	Contested bool `json:"contested"`
	Claims    int  `json:"claims"`
}

type stixLocation struct {
	common
	Name               string   `json:"name,omitempty"`
	Country            string   `json:"country,omitempty"`
	AdministrativeArea string   `json:"administrative_area,omitempty"`
	City               string   `json:"city,omitempty"`
	Latitude           *float64 `json:"latitude,omitempty"`
	Longitude          *float64 `json:"longitude,omitempty"`
	Precision          *float64 `json:"precision,omitempty"`
}

type stixNamed struct {
	common
	Name      string `json:"name"`
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
}

type stixReport struct {
	common
	Name               string        `json:"name"`
	ReportTypes        []string      `json:"report_types"`
	Published          string        `json:"published"`
	ObjectRefs         []string      `json:"object_refs"`
	ExternalReferences []externalRef `json:"external_references,omitempty"`
}

type stixRelationship struct {
	common
	RelationshipType string `json:"relationship_type"`
	SourceRef        string `json:"source_ref"`
	TargetRef        string `json:"target_ref"`
}

// sourceHost names the publisher of a document: the host of its URL, "" for a local file.
func sourceHost(source string) string {
	u, err := url.Parse(source)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// webURL returns source when it is an http(s) URL, the only kind worth linking to.
func webURL(source string) string {
	if sourceHost(source) == "" {
		return ""
	}
	return source
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
