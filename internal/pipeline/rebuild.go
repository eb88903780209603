package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// rebuildAll rebuilds incidents (each once), and those they were merged into, and refreshes
// the campaigns they cite.
func (p *Pipeline) rebuildAll(ctx context.Context, tx *store.Tx, o *review.Overrides, ids []string) error {
	var done []string
	for _, named := range ids {
		for _, id := range []string{named, o.Resolve(named)} {
			if id == "" || slices.Contains(done, id) {
				continue
			}
			done = append(done, id)
			if err := p.stages.Link.Rebuild(ctx, tx, id, o); err != nil {
				return err
			}
		}
	}
	if len(done) == 0 {
		return nil
	}
	return p.stages.Link.RefreshCampaigns(ctx, tx, done)
}

// Rebuild makes an incident again from the mentions linked to it, joined in ingest order as
// linking first joined them, with the review overrides applied: rejected claims left out,
// re-attributed ones changed, added ones added, corrected fields set, its review state
// recorded. An incident left without mentions is deleted.
func (l *Linker) Rebuild(ctx context.Context, tx *store.Tx, id string, o *review.Overrides) error {
	l.Forget() // the incident's summary is made anew, and mentions may have left others
	ms, err := tx.LinkedMentions(ctx, id)
	if err != nil {
		return err
	}
	if err := tx.DropIncident(ctx, id); err != nil {
		return err
	}
	if len(ms) == 0 {
		return tx.PutReviewState(ctx, id, model.Review{})
	}
	if err := tx.CreateIncident(ctx, id, link.SortKey(ms[0].Mention), windowOf(ms[0].Mention), l.now()); err != nil {
		return err
	}
	var docIDs []string
	for _, sm := range ms {
		docIDs = append(docIDs, sm.DocumentID)
	}
	added := o.Added(id)
	for _, c := range added {
		docIDs = append(docIDs, c.DocumentID)
	}
	refs, err := tx.DocumentRefs(ctx, docIDs)
	if err != nil {
		return err
	}
	b := l.Begin()
	for _, sm := range ms {
		m := sm.Mention
		m.Claims = o.Claims(m.Claims)
		if err := b.join(ctx, tx, id, m, refs[m.DocumentID], false, nil); err != nil {
			return fmt.Errorf("rebuild %s: %w", id, err)
		}
	}
	if len(added) > 0 {
		metrics, err := l.addClaims(ctx, tx, id, added, refs, nil)
		if err != nil {
			return err
		}
		b.touch(id, metrics)
	}
	if err := b.Finish(ctx, tx); err != nil {
		return fmt.Errorf("rebuild %s: %w", id, err)
	}
	if err := l.correct(ctx, tx, id, o); err != nil {
		return err
	}
	return tx.PutReviewState(ctx, id, o.State(id))
}

// correct writes an incident's corrected fields over those linking decided.
func (l *Linker) correct(ctx context.Context, tx *store.Tx, id string, o *review.Overrides) error {
	if !o.Corrects(id) {
		return nil
	}
	inc, err := tx.IncidentFields(ctx, id)
	if err != nil {
		return err
	}
	o.Apply(&inc)
	return tx.UpdateIncident(ctx, inc, nil)
}

// reviewBatch keeps review standing after a batch of new documents: an incident the batch
// started that fits one of the incidents an analyst merged joins the merge (joinMerged), and
// the incidents the batch joined get their corrected fields back (linking decided them afresh
// from its tally). It returns the touched incidents, merges followed, and each result names its
// incidents, merges followed.
func (p *Pipeline) reviewBatch(ctx context.Context, tx *store.Tx, results []Result, touched []string) ([]string, error) {
	log, err := tx.ReviewLog(ctx)
	if err != nil || len(log) == 0 {
		return touched, err
	}
	o := review.NewOverrides(log)
	if touched, err = p.deleteAgain(ctx, tx, o, results, touched); err != nil {
		return nil, err
	}
	started, err := startedBy(ctx, tx, results)
	if err != nil {
		return nil, err
	}
	var parts []mergedPart
	loaded := false
	var out []string
	for _, id := range touched {
		if started[id] && !o.State(id).Reviewed {
			if !loaded {
				if parts, err = mergedParts(ctx, tx, o); err != nil {
					return nil, err
				}
				loaded = true
			}
			into, err := p.stages.Link.joinMerged(ctx, tx, id, parts, o)
			if err != nil {
				return nil, err
			}
			if into != "" {
				renameIncident(results, id, into)
				id = into
			}
		}
		if err := p.stages.Link.correct(ctx, tx, id, o); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// deleteAgain deletes again the batch's documents a standing action deleted before (the same
// text ingested again), and returns the touched incidents that still stand. A document the batch
// also stored a copy of stays, out of every incident. The caller holds p.known.mu (write).
func (p *Pipeline) deleteAgain(ctx context.Context, tx *store.Tx, o *review.Overrides, results []Result, touched []string) ([]string, error) {
	var rebuild []string
	for _, r := range results {
		if r.Outcome == Duplicate || !o.Deletes(r.Document.ID) {
			continue
		}
		moved, err := deleteDocument(ctx, tx, r.Document.ID)
		if err != nil && !errors.Is(err, review.ErrInvalid) {
			return nil, err
		}
		p.known.forgetAll()
		rebuild = append(rebuild, froms(moved)...)
	}
	if len(rebuild) == 0 {
		return touched, nil
	}
	if err := p.rebuildAll(ctx, tx, o, rebuild); err != nil {
		return nil, err
	}
	var out []string
	for _, id := range touched {
		if ok, err := tx.IncidentExists(ctx, id); err != nil || ok {
			if err != nil {
				return nil, err
			}
			out = append(out, id)
		}
	}
	return out, nil
}

// startedBy returns the incidents the batch's documents started: those whose id is that of one
// of their mentions (link.ClusterID), so made of the batch's documents alone.
func startedBy(ctx context.Context, tx *store.Tx, results []Result) (map[string]bool, error) {
	out := map[string]bool{}
	for _, r := range results {
		if r.Outcome == Duplicate || r.Mentions == 0 {
			continue
		}
		ms, err := tx.DocumentMentions(ctx, r.Document.ID)
		if err != nil {
			return nil, err
		}
		for _, sm := range ms {
			if id := link.ClusterID([]model.Mention{sm.Mention}); id == sm.IncidentID {
				out[id] = true
			}
		}
	}
	return out, nil
}

// renameIncident makes results that name an incident name the one it joined instead.
func renameIncident(results []Result, from, to string) {
	for i := range results {
		for j, id := range results[i].Incidents {
			if id == from {
				results[i].Incidents[j] = to
			}
		}
		slices.Sort(results[i].Incidents)
		results[i].Incidents = slices.Compact(results[i].Incidents)
	}
}

// mergedPart is one of the incidents a standing merge joined, as its mentions were: into is
// where the merge put them.
type mergedPart struct {
	into     string
	mentions []store.StoredMention
}

// mergedParts returns the parts of every standing merge: the mentions each merge moved, by the
// incident they came from, and the others of the incident it merged into.
func mergedParts(ctx context.Context, tx *store.Tx, o *review.Overrides) ([]mergedPart, error) {
	var out []mergedPart
	for _, a := range o.Actions() {
		if a.Kind != review.Merge {
			continue
		}
		into := o.Resolve(a.Incident)
		all, err := tx.LinkedMentions(ctx, into)
		if err != nil {
			return nil, err
		}
		from := map[string]string{}
		for _, m := range a.Moved {
			from[link.Key(model.Mention{DocumentID: m.Document, Index: m.Index})] = m.From
		}
		byPart := map[string]int{}
		for _, sm := range all {
			part := from[link.Key(sm.Mention)]
			i, seen := byPart[part]
			if !seen {
				i, byPart[part] = len(out), len(out)
				out = append(out, mergedPart{into: into})
			}
			out[i].mentions = append(out[i].mentions, sm)
		}
	}
	return out, nil
}

// joinMerged moves a new incident into a merged one when every mention of it is compatible with
// every mention of one of the incidents merged there, and returns the merged incident's id (""
// when it stays). Linking compares a report with every member of an incident, and the members
// of incidents an analyst merged rarely all agree, so without this a later report of a merged
// incident would start an incident of its own.
func (l *Linker) joinMerged(ctx context.Context, tx *store.Tx, id string, parts []mergedPart, o *review.Overrides) (string, error) {
	if len(parts) == 0 {
		return "", nil
	}
	own, err := tx.LinkedMentions(ctx, id)
	if err != nil {
		return "", err
	}
	for _, part := range parts {
		if part.into == id || !l.fits(own, part.mentions) {
			continue
		}
		if _, err := tx.MoveMentions(ctx, id, part.into, ""); err != nil {
			return "", err
		}
		if err := l.Rebuild(ctx, tx, id, o); err != nil {
			return "", err
		}
		return part.into, l.Rebuild(ctx, tx, part.into, o)
	}
	return "", nil
}

// fits reports whether every mention is compatible with every mention of a part.
func (l *Linker) fits(own, part []store.StoredMention) bool {
	for _, a := range own {
		for _, b := range part {
			if _, ok := link.Compatible(a.Mention, b.Mention, l.family); !ok {
				return false
			}
		}
	}
	return true
}
