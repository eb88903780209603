package model

import "time"

// Review is what analysts decided about an incident (internal/review); zero when nobody has.
type Review struct {
	Reviewed bool
	Grade    string // confirmed, fair, weak, contested, discounted; "" when ungraded
	Hidden   bool   // not an incident: left out of lists, maps and exports
	By       string
	At       time.Time
	NewSince bool // a report joined the incident after its latest review
}

// ExcludedClaim is a claim an analyst rejected, left out of the estimate.
type ExcludedClaim struct {
	Claim
	Reason string
	By     string
	At     time.Time
}
