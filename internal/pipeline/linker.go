package pipeline

import (
	"context"
	"sort"
	"time"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// linkWindowDays is how far either side of a mention's date (beyond its precision) the linker
// looks for incidents to join. It bounds the candidate set, so linking costs the same however
// large the store grows.
const linkWindowDays = 60

// Linker links a document's mentions into incidents: it fetches the neighbourhood of each
// mention from the store, clusters it with link.Cluster and writes the incidents back.
type Linker struct {
	family link.Family
	now    func() time.Time
}

// NewLinker builds a linker; family maps an actor to its root organisation.
func NewLinker(family link.Family) *Linker {
	return &Linker{family: family, now: time.Now}
}

// LinkDocument links the stored mentions of one document and returns the incidents they joined.
func (l *Linker) LinkDocument(ctx context.Context, tx *store.Tx, docID string) ([]string, error) {
	own, err := tx.DocumentMentions(ctx, docID)
	if err != nil {
		return nil, err
	}
	hood, err := l.neighbourhood(ctx, tx, own)
	if err != nil {
		return nil, err
	}
	mentions := make([]model.Mention, 0, len(hood))
	previous := map[string][]string{}
	linked := make(map[string]string, len(hood)) // mention key -> its stored incident
	for _, sm := range hood {
		mentions = append(mentions, sm.Mention)
		if sm.IncidentID != "" {
			k := link.Key(sm.Mention)
			previous[sm.IncidentID] = append(previous[sm.IncidentID], k)
			linked[k] = sm.IncidentID
		}
	}
	clusters := link.Cluster(mentions, l.family)
	assigned := link.AssignIDs(clusters, previous)
	for old := range assigned.Retired {
		if err := tx.DeleteIncident(ctx, old); err != nil {
			return nil, err
		}
	}
	var changed []rebuilt
	for i, cluster := range clusters {
		if unchanged(cluster, assigned.IDs[i], previous, docID) {
			continue // a neighbour this document does not join: its incident stands as stored
		}
		changed = append(changed, rebuilt{id: assigned.IDs[i], members: cluster})
	}
	return l.write(ctx, tx, docID, changed, linked)
}

// rebuilt is a cluster whose incident is written anew, with the id it keeps or gets.
type rebuilt struct {
	id      string
	members []model.Mention
}

// write stores the incidents of the clusters a document changed, links their mentions that linked
// does not already place there, and returns the incidents that hold the document's mentions. Only
// the documents these incidents cite are read: the neighbours left alone cost nothing more.
func (l *Linker) write(ctx context.Context, tx *store.Tx, docID string, changed []rebuilt, linked map[string]string) ([]string, error) {
	var docIDs []string
	for _, c := range changed {
		for _, m := range c.members {
			docIDs = append(docIDs, m.DocumentID)
		}
	}
	docs, err := tx.DocumentRefs(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	touched := map[string]bool{}
	for _, c := range changed {
		inc := link.Build(c.members, docs, l.family)
		inc.ID = c.id
		inc.UpdatedAt = l.now().UTC()
		if err := tx.PutIncident(ctx, inc); err != nil {
			return nil, err
		}
		for _, m := range c.members {
			if m.DocumentID == docID {
				touched[inc.ID] = true
			}
			if linked[link.Key(m)] == inc.ID {
				continue
			}
			if err := tx.SetMentionIncident(ctx, m.DocumentID, m.Index, inc.ID); err != nil {
				return nil, err
			}
		}
	}
	out := make([]string, 0, len(touched))
	for id := range touched {
		out = append(out, id)
	}
	sort.Strings(out)
	return out, nil
}

// unchanged reports whether a cluster is exactly a stored incident's membership and holds none of
// the new document's mentions, so rewriting it would change nothing.
func unchanged(cluster []model.Mention, id string, previous map[string][]string, docID string) bool {
	members, ok := previous[id]
	if !ok || len(members) != len(cluster) {
		return false
	}
	keys := make(map[string]bool, len(members))
	for _, k := range members {
		keys[k] = true
	}
	for _, m := range cluster {
		if m.DocumentID == docID || !keys[link.Key(m)] {
			return false
		}
	}
	return true
}

// neighbourhood returns the document's mentions, the stored mentions in the same country within
// the date window of each, and every mention of the incidents those belong to, without repeats.
func (l *Linker) neighbourhood(ctx context.Context, tx *store.Tx, own []store.StoredMention) ([]store.StoredMention, error) {
	var windows []store.Window
	for _, m := range own {
		if m.Place.Country == "" || m.Date.IsZero() {
			continue
		}
		span := time.Duration(linkWindowDays+m.Date.Precision.Tolerance()) * 24 * time.Hour
		windows = append(windows, store.Window{Country: m.Place.Country, From: m.Date.Start.Add(-span), To: m.Date.Start.Add(span)})
	}
	near, err := tx.Neighbourhood(ctx, windows)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(own)+len(near))
	out := make([]store.StoredMention, 0, len(own)+len(near))
	for _, ms := range [][]store.StoredMention{own, near} {
		for _, m := range ms {
			if k := link.Key(m.Mention); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out, nil
}

// RefreshCampaigns rebuilds the campaign records from the incidents that cite campaigns.
func (l *Linker) RefreshCampaigns(ctx context.Context, tx *store.Tx) error {
	incs, err := tx.IncidentsWithCampaigns(ctx)
	if err != nil {
		return err
	}
	return tx.ReplaceCampaigns(ctx, link.Campaigns(incs, l.family))
}
