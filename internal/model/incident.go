package model

import "time"

// Incident is one real event, told by one or more mentions.
type Incident struct {
	ID           string
	Type         EventType
	Date         Date
	Place        Place
	Facility     string
	Perpetrators []string
	Methods      []string
	Campaigns    []string
	Documents    []DocumentRef
	Metrics      map[Metric]Estimate
	UpdatedAt    time.Time
	Review       Review `json:"-"` // kept by the review tables, never in the incident's data
}

// DocumentRef is how an incident cites a document.
type DocumentRef struct {
	ID          string
	Source      string
	Title       string
	Published   *time.Time
	DuplicateOf string
	URL         string // where it was published; filled when read for a page or an export, "" when unknown
}

// Estimate reconciles the claims about one metric of one incident.
type Estimate struct {
	Best, Low, High *int
	Contested       bool
	Claims          []Claim
	History         []EstimatePoint
	Excluded        []ExcludedClaim // claims review rejected, filled only where they are shown
}

// ExcludedClaim is a claim an analyst rejected, left out of the estimate.
type ExcludedClaim struct {
	Claim
	Reason string
	By     string
	At     time.Time
}

// EstimatePoint is the estimate as it stood after one report, in reporting-date order.
type EstimatePoint struct {
	Reported   Date
	DocumentID string
	Best       *int
	Low, High  *int
}

// Campaign is a named series of attacks declared by an actor.
type Campaign struct {
	Name     string
	Actor    string
	Start    *time.Time
	End      *time.Time
	Incident []string // incident ids
}

// Actor is an entry of the actor dictionary.
type Actor struct {
	Name    string   // canonical name
	Kind    string   // armed_group, state_force, monitor, media, government
	Parent  string   // canonical name of the parent organisation, "" if none
	Country string   // ISO alpha-2 where it is local to one country
	Aliases []string // other names, transliterations, acronyms
}

// Review is what analysts decided about an incident (internal/review); zero when nobody has.
type Review struct {
	Reviewed bool
	Grade    string // confirmed, fair, weak, contested, discounted; "" when ungraded
	Hidden   bool   // not an incident: left out of lists, maps and exports
	By       string
	At       time.Time
	NewSince bool // a report joined the incident after its latest review
}
