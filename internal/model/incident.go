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
	// TLP is the most restrictive marking among the documents of it its reader may see, filled
	// when read: what an export of it must carry.
	TLP TLP `json:"-"`
}

// DocumentRef is how an incident cites a document.
type DocumentRef struct {
	ID          string
	Source      string
	Title       string
	Published   *time.Time
	DuplicateOf string
	URL         string // where it was published, "" when unknown; filled when an incident is read whole, not for brief lists
	TLP         TLP    `json:",omitempty"` // the document's marking, filled when read
	Org         string `json:",omitempty"` // the organisation owning it, filled when read
}

// Estimate reconciles the claims about one metric of one incident.
type Estimate struct {
	Best, Low, High *int
	Contested       bool
	Claims          []Claim
	History         []EstimatePoint
	Excluded        []ExcludedClaim // claims review rejected, filled only where they are shown
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
