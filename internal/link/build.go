package link

import (
	"sort"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Summary is what the linker keeps of an incident to add mentions to it without reading them
// again: the key of its first mention (SortKey), its distinct members and its tally.
type Summary struct {
	First   string
	Members []Member
	Votes   []Vote
}

// Summarise makes the summary of a cluster. A mention from a near-duplicate of another document
// in the cluster does not vote.
func Summarise(cluster []model.Mention, docs map[string]model.DocumentRef, fam Family) Summary {
	ms := uniqueSorted(cluster)
	present := map[string]bool{}
	for _, m := range ms {
		present[m.DocumentID] = true
	}
	var s Summary
	count := map[string]int{}
	var votes []Vote
	for _, m := range ms {
		if s.First == "" {
			s.First = SortKey(m)
		}
		code := ProfileCode(m, fam)
		if count[code] == 0 {
			s.Members = append(s.Members, Member{Code: code})
		}
		count[code]++
		root := rootDocument(m.DocumentID, docs)
		votes = append(votes, Votes(m, root == m.DocumentID || !present[root])...)
	}
	for i := range s.Members {
		s.Members[i].Count = count[s.Members[i].Code]
	}
	s.Votes = Tally(votes)
	return s
}

// Build makes the incident of one cluster: the tally of its mentions' votes (Votes), the
// fields the tally decides (Decide), every cited document and the reconciled metrics. The fields:
//   - ID: ClusterID;
//   - Documents: every cited document, by publication date;
//   - Metrics: Reconcile over all claims on each metric;
//   - the others: see Decide.
//
// UpdatedAt is left to the caller.
func Build(cluster []model.Mention, docs map[string]model.DocumentRef, fam Family) model.Incident {
	ms := uniqueSorted(cluster)
	inc := Decide(Summarise(ms, docs, fam).Votes, fam)
	inc.ID = ClusterID(ms)
	inc.Documents = documentRefs(ms, docs)
	inc.Metrics = metrics(ms, docs)
	return inc
}

// documentRefs cites each document once, by publication date (unknown last), then id. A
// document missing from docs is cited by its id alone.
func documentRefs(ms []model.Mention, docs map[string]model.DocumentRef) []model.DocumentRef {
	var out []model.DocumentRef
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m.DocumentID] {
			continue
		}
		seen[m.DocumentID] = true
		ref, ok := docs[m.DocumentID]
		if !ok {
			ref = model.DocumentRef{ID: m.DocumentID}
		}
		out = append(out, ref)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		switch {
		case a != nil && b != nil && !a.Equal(*b):
			return a.Before(*b)
		case (a == nil) != (b == nil):
			return a != nil
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// metrics reconciles every metric that has claims.
func metrics(ms []model.Mention, docs map[string]model.DocumentRef) map[model.Metric]model.Estimate {
	claims := map[model.Metric][]model.Claim{}
	for _, m := range ms {
		for _, c := range m.Claims {
			if c.Metric != "" {
				claims[c.Metric] = append(claims[c.Metric], c)
			}
		}
	}
	out := make(map[model.Metric]model.Estimate, len(claims))
	for metric, cs := range claims {
		out[metric] = Reconcile(metric, cs, docs)
	}
	return out
}
