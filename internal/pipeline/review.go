package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ErrNoLinker is returned by review writes on a pipeline built without linking.
var ErrNoLinker = errors.New("review needs a pipeline that links")

// Review takes an analyst's action in one transaction: it checks it, applies it to the store,
// appends it to the audit log with what it changed, and rebuilds the incidents it touched from
// their mentions with every standing override applied. It returns the action as logged.
func (p *Pipeline) Review(ctx context.Context, a review.Action) (review.Action, error) {
	if p.stages.Link == nil {
		return a, ErrNoLinker
	}
	if a.At.IsZero() {
		a.At = p.now().UTC()
	}
	if err := a.Check(); err != nil {
		return a, err
	}
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		log, err := tx.ReviewLog(ctx)
		if err != nil {
			return err
		}
		touched, err := p.take(ctx, tx, review.NewOverrides(log), &a, log)
		if err != nil {
			return err
		}
		if a, err = tx.AppendReview(ctx, a); err != nil {
			return err
		}
		return p.rebuildAll(ctx, tx, review.NewOverrides(append(log, a)), touched)
	})
	if err != nil {
		return a, fmt.Errorf("review %s: %w", a.Kind, err)
	}
	return a, nil
}

// take applies an action's changes of placement (mentions, copies) to the store, records them
// in the action, names its incidents by their current ids, and returns the incidents to rebuild.
func (p *Pipeline) take(ctx context.Context, tx *store.Tx, o *review.Overrides, a *review.Action, log []review.Action) ([]string, error) {
	a.Incident = o.Resolve(a.Incident)
	for i, id := range a.Others {
		a.Others[i] = o.Resolve(id)
	}
	for _, id := range a.Incidents() {
		if a.Kind == review.Split && id == a.Target {
			continue
		}
		if err := mustExist(ctx, tx, id); err != nil {
			return nil, err
		}
	}
	switch a.Kind {
	case review.Merge:
		return p.takeMerge(ctx, tx, a)
	case review.Split:
		return p.takeSplit(ctx, tx, o, a)
	case review.Set:
		return p.takeSet(ctx, tx, a)
	case review.Hide, review.Confirm:
		before := o.State(a.Incident)
		a.Before, a.After = describeState(before), describeState(after(before, a))
		return []string{a.Incident}, nil
	case review.Accept, review.Reject, review.Reattribute:
		return p.takeClaim(ctx, tx, a)
	case review.AddClaim:
		return p.takeAddClaim(ctx, tx, a)
	case review.Copy, review.NotCopy:
		return p.takeCopy(ctx, tx, a)
	case review.OffTopic:
		moved, err := tx.UnlinkDocument(ctx, a.Document)
		a.Moved, a.Before, a.After = moved, "linked to "+strings.Join(froms(moved), ", "), "linked to none"
		return froms(moved), err
	case review.Delete:
		return p.takeDelete(ctx, tx, a)
	case review.RenameFacility:
		return p.takeRename(ctx, tx, o, a)
	case review.Undo:
		return p.takeUndo(ctx, tx, o, a, log)
	}
	return nil, nil
}

func mustExist(ctx context.Context, tx *store.Tx, id string) error {
	ok, err := tx.IncidentExists(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("incident %s: %w", id, store.ErrNotFound)
	}
	return nil
}

func (p *Pipeline) takeMerge(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	for _, other := range a.Others {
		if other == a.Incident {
			return nil, fmt.Errorf("%w: cannot merge %s into itself", review.ErrInvalid, other)
		}
		moved, err := tx.MoveMentions(ctx, other, a.Incident, "")
		if err != nil {
			return nil, err
		}
		a.Moved = append(a.Moved, moved...)
	}
	a.Before = "incidents " + strings.Join(a.Incidents(), ", ")
	a.After = "one incident " + a.Incident
	return a.Incidents(), nil
}

func (p *Pipeline) takeSplit(ctx context.Context, tx *store.Tx, o *review.Overrides, a *review.Action) ([]string, error) {
	if a.Target == "" {
		sum := sha256.Sum256([]byte("split " + a.Incident + " " + a.Document))
		a.Target = "inc-" + hex.EncodeToString(sum[:])[:12]
	} else if a.Target = o.Resolve(a.Target); a.Target == a.Incident {
		return nil, fmt.Errorf("%w: split needs another incident than %s", review.ErrInvalid, a.Incident)
	} else if err := mustExist(ctx, tx, a.Target); err != nil {
		return nil, err
	}
	moved, err := tx.MoveMentions(ctx, a.Incident, a.Target, a.Document)
	if err != nil {
		return nil, err
	}
	if len(moved) == 0 {
		return nil, fmt.Errorf("%w: document %s has no mention in incident %s", review.ErrInvalid, a.Document, a.Incident)
	}
	a.Moved = moved
	a.Before = fmt.Sprintf("document %s in %s", a.Document, a.Incident)
	a.After = fmt.Sprintf("document %s in %s", a.Document, a.Target)
	return []string{a.Incident, a.Target}, nil
}

func (p *Pipeline) takeSet(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	inc, err := tx.IncidentFields(ctx, a.Incident)
	if err != nil {
		return nil, err
	}
	a.Before = fieldValue(inc, a.Field)
	if err := review.SetField(&inc, a.Field, a.Value); err != nil {
		return nil, err
	}
	a.After = fieldValue(inc, a.Field)
	return []string{a.Incident}, nil
}

func (p *Pipeline) takeClaim(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	original, err := tx.Claim(ctx, *a.Claim)
	if err != nil {
		return nil, err
	}
	a.Original = &original
	ids, err := tx.DocumentIncidents(ctx, a.Claim.Document)
	if err != nil {
		return nil, err
	}
	a.Before = describeClaim(original)
	switch a.Kind {
	case review.Accept:
		a.After = "accepted"
	case review.Reject:
		a.After = "rejected"
	case review.Reattribute:
		a.After = describeClaim(*a.NewClaim)
	}
	if a.Incident == "" && len(ids) > 0 {
		a.Incident = ids[0]
	}
	return ids, nil
}

func (p *Pipeline) takeAddClaim(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	c := a.NewClaim
	ids, err := tx.DocumentIncidents(ctx, c.DocumentID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(ids, a.Incident) {
		return nil, fmt.Errorf("%w: document %s is not linked to incident %s", review.ErrInvalid, c.DocumentID, a.Incident)
	}
	doc, err := tx.Document(ctx, c.DocumentID)
	if err != nil {
		return nil, err
	}
	text := []rune(doc.Text)
	if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
		return nil, fmt.Errorf("%w: the quote %d-%d is outside the document's %d characters", review.ErrInvalid, c.Start, c.End, len(text))
	}
	c.Quote = string(text[c.Start:c.End])
	if c.Reported.IsZero() && doc.Published != nil {
		c.Reported = model.Date{Start: *doc.Published, Precision: model.PrecisionDay}
	}
	if c.ClaimantRole == "" {
		c.ClaimantRole = model.RoleUnknown
	}
	a.Document = c.DocumentID
	a.After = describeClaim(*c)
	return []string{a.Incident}, nil
}

func (p *Pipeline) takeCopy(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	var err error
	if a.Before, err = tx.SetDuplicateOf(ctx, a.Document, a.Target); err != nil {
		return nil, err
	}
	a.After = a.Target
	return copyIncidents(ctx, tx, a.Document, a.Before, a.Target)
}

// takeDelete deletes a document, keeping it whole in the action for an undo, and makes the
// pipeline read its fingerprints again so that no later document is taken for a copy of it.
func (p *Pipeline) takeDelete(ctx context.Context, tx *store.Tx, a *review.Action) ([]string, error) {
	doc, err := p.store.Document(ctx, a.Document)
	if err != nil {
		return nil, err
	}
	stored, err := tx.DocumentMentions(ctx, a.Document)
	if err != nil {
		return nil, err
	}
	removed := &review.Removed{Document: doc}
	for _, sm := range stored {
		removed.Mentions = append(removed.Mentions, sm.Mention)
	}
	moved, err := deleteDocument(ctx, tx, a.Document)
	if err != nil {
		return nil, err
	}
	p.known.mu.Lock()
	p.known.forgetAll()
	p.known.mu.Unlock()
	a.Deleted, a.Moved = removed, moved
	a.Before, a.After = fmt.Sprintf("document %s (%s)", doc.ID, cmp.Or(doc.Title, doc.Source)), "deleted"
	return froms(moved), nil
}

// deleteDocument takes a document's mentions out of their incidents and deletes it, returning
// what moved.
func deleteDocument(ctx context.Context, tx *store.Tx, id string) ([]review.Move, error) {
	moved, err := tx.UnlinkDocument(ctx, id)
	if err != nil {
		return nil, err
	}
	return moved, tx.DeleteDocument(ctx, id)
}

// takeRename names a facility anew, or as another facility (a merge), and returns the
// incidents that name it.
func (p *Pipeline) takeRename(ctx context.Context, tx *store.Tx, o *review.Overrides, a *review.Action) ([]string, error) {
	all, err := tx.IncidentFacilities(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	into := map[string]int{} // spellings of the target facility, by incidents
	for _, f := range all {
		switch link.FacilityID(f.Country, f.Facility) {
		case a.Facility:
			a.Renamed = append(a.Renamed, f.ID)
			if !slices.Contains(names, f.Facility) {
				names = append(names, f.Facility)
			}
		case a.Target:
			into[f.Facility]++
		}
	}
	if len(a.Renamed) == 0 {
		return nil, fmt.Errorf("facility %s: %w", a.Facility, store.ErrNotFound)
	}
	if a.Target != "" {
		if len(into) == 0 {
			return nil, fmt.Errorf("facility %s: %w", a.Target, store.ErrNotFound)
		}
		a.Value = mostGiven(into)
	}
	a.Before, a.After = strings.Join(names, ", "), a.Value
	return a.Renamed, nil
}

// mostGiven is the spelling most incidents give, the first in order among equals.
func mostGiven(counts map[string]int) string {
	best := ""
	for name, n := range counts {
		if n > counts[best] || (n == counts[best] && name < best) {
			best = name
		}
	}
	return best
}

// copyIncidents lists the incidents of a document and of the originals it was and is a copy of:
// whether a copy votes depends on both.
func copyIncidents(ctx context.Context, tx *store.Tx, docs ...string) ([]string, error) {
	var out []string
	for _, d := range docs {
		if d == "" {
			continue
		}
		ids, err := tx.DocumentIncidents(ctx, d)
		if err != nil {
			return nil, err
		}
		out = append(out, ids...)
	}
	return out, nil
}

// takeUndo reverts the placement changes of a standing action — its mentions go back from
// wherever later merges took them — and rebuilding without it reverts the rest.
func (p *Pipeline) takeUndo(ctx context.Context, tx *store.Tx, o *review.Overrides, a *review.Action, log []review.Action) ([]string, error) {
	i := slices.IndexFunc(log, func(t review.Action) bool { return t.ID == a.Undoes })
	if i < 0 {
		return nil, fmt.Errorf("%w: no review action %d", store.ErrNotFound, a.Undoes)
	}
	t := log[i]
	if !slices.ContainsFunc(review.Active(log), func(s review.Action) bool { return s.ID == t.ID }) {
		return nil, fmt.Errorf("%w: action %d is an undo or was undone", review.ErrInvalid, t.ID)
	}
	a.Incident, a.Document = t.Incident, t.Document
	a.Before, a.After = t.After, t.Before
	touched := append(t.Incidents(), froms(t.Moved)...)
	moves := make([]review.Move, len(t.Moved))
	for i, m := range t.Moved {
		m.To = o.Resolve(m.To) // where later merges took the mention
		moves[i] = m
		touched = append(touched, m.To)
	}
	if err := tx.MoveBack(ctx, moves); err != nil {
		return nil, err
	}
	switch t.Kind {
	case review.Copy, review.NotCopy:
		if _, err := tx.SetDuplicateOf(ctx, t.Document, t.Before); err != nil {
			return nil, err
		}
		ids, err := copyIncidents(ctx, tx, t.Document, t.Before, t.Target)
		return append(touched, ids...), err
	case review.Accept, review.Reject, review.Reattribute:
		ids, err := tx.DocumentIncidents(ctx, t.Claim.Document)
		return append(touched, ids...), err
	case review.Delete:
		return touched, restoreDocument(ctx, tx, t)
	case review.RenameFacility:
		return append(touched, t.Renamed...), nil
	}
	return touched, nil
}

// restoreDocument stores again a document a delete removed, with its mentions linked where
// they were.
func restoreDocument(ctx context.Context, tx *store.Tx, t review.Action) error {
	removed, err := tx.Removed(ctx, t.ID)
	if err != nil {
		return err
	}
	if err := tx.InsertDocument(ctx, removed.Document); err != nil {
		return err
	}
	if err := tx.ReplaceMentions(ctx, t.Document, removed.Mentions); err != nil {
		return err
	}
	return tx.MoveBack(ctx, t.Moved)
}

// froms lists the incidents moves took mentions from.
func froms(moves []review.Move) []string {
	var out []string
	for _, m := range moves {
		if m.From != "" && !slices.Contains(out, m.From) {
			out = append(out, m.From)
		}
	}
	return out
}

// forgetAll drops every known fingerprint, so that the next batch reads them all again: a deleted
// document must be nobody's original. The caller holds k.mu.
func (k *knownFingerprints) forgetAll() { k.fps, k.docs, k.lastRow = nil, nil, 0 }
