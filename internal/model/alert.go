package model

import "time"

// Change is a kind of change an alert rule can announce.
type Change string

// Changes an alert rule can announce.
const (
	ChangeNewIncident   Change = "new_incident"        // an incident the store did not have
	ChangeEstimate      Change = "estimate_changed"    // a figure's best estimate moved by more than the rule's percentage
	ChangeContradiction Change = "contradicting_claim" // a new claim made a figure contested
	ChangeWave          Change = "wave_detected"       // wave detection found a wave it had not found before
	ChangeSourceDown    Change = "source_down"         // a watched source has failed for a day
)

// ChangeDigest is the kind of a digest: the events of a day or a week in one email.
const ChangeDigest Change = "digest"

// Changes lists every change kind, in the order forms show them.
var Changes = []Change{ChangeNewIncident, ChangeEstimate, ChangeContradiction, ChangeWave, ChangeSourceDown}

// AlertRule is a subscription: which incidents and changes to announce, and how. Owner names
// the person it is for; Org, the organisation owning it, decides what it may announce: only what
// that organisation may see (docs/accounts.md).
type AlertRule struct {
	ID        int64
	Owner     string
	Org       string // "" for a rule made without accounts
	Name      string
	Paused    bool
	Filter    AlertFilter
	Changes   []Change // empty: new incidents only
	MinChange float64  // for ChangeEstimate: the least change, in percent, worth announcing
	Webhook   string   // URL that receives each event as a signed JSON POST; "" for none
	Secret    string   // the webhook's HMAC-SHA256 key
	Email     string   // address that receives each event (or a digest); "" for none
	Digest    string   // "", "daily" or "weekly": email a digest instead of each event
	CreatedAt time.Time
	// LastDigest is when the last digest was sent (or the rule created): the next covers what
	// happened since.
	LastDigest time.Time
}

// AlertFilter selects incidents; a zero field selects everything.
type AlertFilter struct {
	Countries  []string    // ISO alpha-2
	BBox       *[4]float64 // min lon, min lat, max lon, max lat
	Types      []EventType
	Actors     []string // perpetrators, canonical names
	Campaigns  []string
	Facility   string       // a word of the facility's name, without case
	MinEscaped int          // escaped best estimate at least this
	MinSources int          // independent sources (documents that are not near-duplicates) at least this
	Precision  GeoPrecision // place known at least this precisely ("admin1": admin1, place or facility)
}

// AlertEvent is one announcement of one change to one rule's owner. Key identifies it for
// ever: deliveries repeat it so that a receiver can drop a copy.
type AlertEvent struct {
	Key        string    `json:"id"`
	Change     Change    `json:"type"`
	RuleID     int64     `json:"rule_id"`
	RuleName   string    `json:"rule"`
	Owner      string    `json:"owner"`
	At         time.Time `json:"created_at"`
	Summary    string    `json:"summary"`
	IncidentID string    `json:"incident_id,omitempty"`
	WaveID     string    `json:"wave_id,omitempty"`
	SourceURL  string    `json:"source_url,omitempty"`
	Metric     Metric    `json:"metric,omitempty"`
	Before     *int      `json:"before,omitempty"`
	After      *int      `json:"after,omitempty"`
	Sample     bool      `json:"sample,omitempty"` // sent by "test the rule", about no real change
}
