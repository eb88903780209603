// Package review holds analyst review: the actions an analyst takes on incidents, claims and
// documents, the append-only audit log they form, and how they are re-applied to what extraction
// and linking produce. Reviews are overrides keyed by stable ids — a document's id, an incident's
// id, a claim's identity (ClaimKey) — never edits of machine output, so `reprocess` cannot undo
// them. The package is pure: the store keeps the log and the pipeline applies it (docs/review.md).
package review

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Kind names a review action.
type Kind string

// The review actions.
const (
	Merge       Kind = "merge"       // Incident absorbs the incidents in Others
	Split       Kind = "split"       // Document's mentions in Incident move to Target (a new incident when Target is "")
	Set         Kind = "set"         // Field of Incident takes Value
	Hide        Kind = "hide"        // Incident is not an incident: out of lists, maps and exports
	Confirm     Kind = "confirm"     // Incident is graded Grade
	Accept      Kind = "accept"      // Claim is checked and stands
	Reject      Kind = "reject"      // Claim drops out of the figures, for the reason in Why
	Reattribute Kind = "reattribute" // Claim is replaced by NewClaim (claimant, role, side, metric, value)
	AddClaim    Kind = "add_claim"   // NewClaim, quoted from Document, joins Incident
	Copy        Kind = "copy"        // Document is a copy of Target
	NotCopy     Kind = "not_copy"    // Document is no copy
	OffTopic    Kind = "off_topic"   // Document's mentions drop out of every incident
	Delete      Kind = "delete"      // Document and its mentions are deleted; the log keeps it in Deleted
	// RenameFacility names Value every incident's facility whose id (link.FacilityID) is Facility;
	// merging one facility into another is renaming it as the other (Target, its id).
	RenameFacility Kind = "rename_facility"
	Undo           Kind = "undo" // the action Undoes is reverted
)

// Grade is an analyst's judgement of an incident, after Airwars' grading.
type Grade string

// The grades, from surest to least.
const (
	Confirmed  Grade = "confirmed"
	Fair       Grade = "fair"
	Weak       Grade = "weak"
	Contested  Grade = "contested"
	Discounted Grade = "discounted"
)

// Grades lists every grade in order.
var Grades = []Grade{Confirmed, Fair, Weak, Contested, Discounted}

// Action is one entry of the audit log: who did what, when and why, and what it changed.
type Action struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Who      string    `json:"who"`
	Why      string    `json:"why,omitempty"`
	Kind     Kind      `json:"kind"`
	Incident string    `json:"incident,omitempty"`
	Others   []string  `json:"others,omitempty"`
	Document string    `json:"document,omitempty"`
	Target   string    `json:"target,omitempty"`
	Claim    *ClaimKey `json:"claim,omitempty"`
	Facility string    `json:"facility,omitempty"` // rename_facility: the facility's id
	Field    string    `json:"field,omitempty"`
	Value    string    `json:"value,omitempty"`
	Grade    Grade     `json:"grade,omitempty"`
	// NewClaim is the claim a reattribute or add_claim puts in place.
	NewClaim *model.Claim `json:"new_claim,omitempty"`
	// Original is the claim an accept, reject or reattribute was taken on, as it stood.
	Original *model.Claim `json:"original,omitempty"`
	// Deleted is kept beside the log entry, not in it (the log is read at every ingest).
	Deleted *Removed `json:"-"`
	Undoes  int64    `json:"undoes,omitempty"`
	// Before and After say what the action changed, for people; Moved is what undo needs.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	Moved  []Move `json:"moved,omitempty"`
	// Renamed are the incidents a facility rename changed when it was taken.
	Renamed []string `json:"renamed,omitempty"`
}

// Removed is a document a delete took out, whole and with its mentions, so that an undo can
// store it again as it was.
type Removed struct {
	Document model.Document  `json:"document"`
	Mentions []model.Mention `json:"mentions"`
}

// Move is one mention an action took from one incident to another ("" for none).
type Move struct {
	Document string `json:"document"`
	Index    int    `json:"index"`
	From     string `json:"from"`
	To       string `json:"to"`
}

// ClaimKey identifies a claim across reprocessing: the document, the metric and the quote's
// span in the document's text. Extraction is deterministic, so reprocessing with the same rules
// gives the claim the same key; a rule change that moves the quote orphans the override (the
// audit log keeps it, and the claim shows unreviewed again).
type ClaimKey struct {
	Document string       `json:"document"`
	Metric   model.Metric `json:"metric"`
	Start    int          `json:"start"`
	End      int          `json:"end"`
}

// KeyOf is a claim's identity.
func KeyOf(c model.Claim) ClaimKey {
	return ClaimKey{Document: c.DocumentID, Metric: c.Metric, Start: c.Start, End: c.End}
}

// String writes a key as DOCUMENT:METRIC:START-END, the form the CLI and URLs take.
func (k ClaimKey) String() string {
	return fmt.Sprintf("%s:%s:%d-%d", k.Document, k.Metric, k.Start, k.End)
}

// ParseClaimKey reads a key written by String.
func ParseClaimKey(s string) (ClaimKey, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return ClaimKey{}, fmt.Errorf("claim %q: want DOCUMENT:METRIC:START-END", s)
	}
	from, to, ok := strings.Cut(parts[2], "-")
	start, err1 := strconv.Atoi(from)
	end, err2 := strconv.Atoi(to)
	if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
		return ClaimKey{}, fmt.Errorf("claim %q: the span must be START-END offsets", s)
	}
	return ClaimKey{Document: parts[0], Metric: model.Metric(parts[1]), Start: start, End: end}, nil
}

// ErrInvalid marks an action that cannot be taken as asked; the API answers it with 400.
var ErrInvalid = errors.New("invalid review")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Check reports whether an action carries what its kind needs.
func (a Action) Check() error {
	if strings.TrimSpace(a.Who) == "" {
		return invalid("say who reviews")
	}
	need := func(ok bool, what string) error {
		if !ok {
			return invalid("%s needs %s", a.Kind, what)
		}
		return nil
	}
	switch a.Kind {
	case Merge:
		return need(a.Incident != "" && len(a.Others) > 0, "an incident and the incidents merged into it")
	case Split:
		return need(a.Incident != "" && a.Document != "" && a.Target != a.Incident, "an incident and a document (and another target)")
	case Set:
		if err := need(a.Incident != "" && a.Field != "", "an incident and a field"); err != nil {
			return err
		}
		return SetField(&model.Incident{}, a.Field, a.Value)
	case Hide:
		return need(a.Incident != "", "an incident")
	case Confirm:
		return need(a.Incident != "" && validGrade(a.Grade), "an incident and a grade (confirmed, fair, weak, contested, discounted)")
	case Accept:
		return need(a.Claim != nil, "a claim")
	case Reject:
		return need(a.Claim != nil && strings.TrimSpace(a.Why) != "", "a claim and a reason")
	case Reattribute:
		return need(a.Claim != nil && a.NewClaim != nil, "a claim and what it becomes")
	case AddClaim:
		return need(a.Incident != "" && a.NewClaim != nil && a.NewClaim.DocumentID != "" && a.NewClaim.Metric != "" &&
			a.NewClaim.End > a.NewClaim.Start, "an incident, a metric and a quote span in a document")
	case Copy:
		return need(a.Document != "" && a.Target != "" && a.Target != a.Document, "a document and the document it copies")
	case NotCopy, OffTopic, Delete:
		return need(a.Document != "", "a document")
	case RenameFacility:
		return need(a.Facility != "" && (strings.TrimSpace(a.Value) != "" || a.Target != "") && a.Target != a.Facility,
			"a facility id and a new name, or another facility's id")
	case Undo:
		return need(a.Undoes > 0, "the id of the action to undo")
	}
	return invalid("unknown action %q", a.Kind)
}

func validGrade(g Grade) bool {
	for _, known := range Grades {
		if g == known {
			return true
		}
	}
	return false
}
