package pipeline

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ReapplyReviews applies every standing review action again, in log order, to incidents
// linking made afresh (after reprocess): mentions move as merges, splits and off-topic marks
// say, then every incident an action names or a move touched is rebuilt with the overrides.
func (p *Pipeline) ReapplyReviews(ctx context.Context) error {
	if p.stages.Link == nil {
		return nil
	}
	return p.store.InTx(ctx, func(tx *store.Tx) error {
		log, err := tx.ReviewLog(ctx)
		if err != nil || len(log) == 0 {
			return err
		}
		o := review.NewOverrides(log)
		touched, err := tx.ReviewedIncidents(ctx)
		if err != nil {
			return err
		}
		for _, a := range o.Actions() {
			ids, err := replay(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("reapply review %d (%s): %w", a.ID, a.Kind, err)
			}
			touched = append(touched, ids...)
		}
		return p.rebuildAll(ctx, tx, o, touched)
	})
}

// replay moves mentions as one standing action did and returns the incidents it touched.
func replay(ctx context.Context, tx *store.Tx, a review.Action) ([]string, error) {
	var moved []review.Move
	var err error
	switch a.Kind {
	case review.Merge:
		for _, other := range a.Others {
			m, err := tx.MoveMentions(ctx, other, a.Incident, "")
			if err != nil {
				return nil, err
			}
			moved = append(moved, m...)
		}
	case review.Split:
		moved, err = tx.MoveMentions(ctx, a.Incident, a.Target, a.Document)
	case review.OffTopic:
		moved, err = tx.UnlinkDocument(ctx, a.Document)
	case review.Accept, review.Reject, review.Reattribute:
		return tx.DocumentIncidents(ctx, a.Claim.Document)
	case review.Copy, review.NotCopy:
		return copyIncidents(ctx, tx, a.Document, a.Target)
	case review.RenameFacility:
		return namingFacility(ctx, tx, a.Facility)
	}
	return append(a.Incidents(), froms(moved)...), err
}

// namingFacility lists the incidents that name a facility.
func namingFacility(ctx context.Context, tx *store.Tx, facility string) ([]string, error) {
	all, err := tx.IncidentFacilities(ctx)
	var out []string
	for _, f := range all {
		if link.FacilityID(f.Country, f.Facility) == facility {
			out = append(out, f.ID)
		}
	}
	return out, err
}
