package link

import (
	"sort"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Cluster groups mentions into incidents the way the linker does as documents arrive: document
// by document in key order, each document's mentions placed by Assign among the incidents made
// so far. The result depends only on the set of mentions: each group is in key order
// (DocumentID, then Index) and groups are ordered by their first mention. Mentions with equal
// keys are one mention (the first one given is kept).
//
// Near-duplicate documents are not special here: their mentions may join the same incident, and
// Reconcile and Build count them as one source.
func Cluster(ms []model.Mention, fam Family) [][]model.Mention {
	ms = uniqueSorted(ms)
	var sums []*summary
	var groups [][]model.Mention
	for start := 0; start < len(ms); {
		end := start + 1
		for end < len(ms) && ms[end].DocumentID == ms[start].DocumentID {
			end++
		}
		doc := ms[start:end]
		ps := make([]profile, len(doc))
		for i, m := range doc {
			ps[i] = newProfile(m, fam)
		}
		for i, g := range assign(ps, sums) {
			if g < 0 {
				g = len(sums)
				sums = append(sums, &summary{first: SortKey(doc[i])})
				groups = append(groups, nil)
			}
			sums[g].add(ps[i], 1)
			groups[g] = append(groups[g], doc[i])
		}
		start = end
	}
	return groups
}

// less is the key order: by document id, then by index within the document.
func less(a, b model.Mention) bool {
	if a.DocumentID != b.DocumentID {
		return a.DocumentID < b.DocumentID
	}
	return a.Index < b.Index
}

// uniqueSorted returns the mentions in key order with repeated keys dropped.
func uniqueSorted(ms []model.Mention) []model.Mention {
	out := append([]model.Mention(nil), ms...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	n := 0
	for i, m := range out {
		if i == 0 || less(out[n-1], m) {
			out[n] = m
			n++
		}
	}
	return out[:n]
}
