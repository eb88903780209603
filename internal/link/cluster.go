package link

import (
	"math"
	"sort"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Cluster groups mentions into incidents. The result depends only on the set of mentions: each
// group is in key order (DocumentID, then Index) and groups are ordered by their first mention.
// Mentions with equal keys are one mention (the first one given is kept).
//
// The rules, in order:
//  1. Mentions that name a facility or a place are merged greedily, most similar pair first
//     (ties by key order), and two groups merge only when every pair across them is Compatible
//     (complete linkage: a chain of near matches does not make one incident). So two mentions of
//     one document are never merged, since Compatible refuses them.
//  2. A mention known only to admin1 or country level joins a group of step 1 only when that is
//     the only group it is compatible with as a whole; when several such mentions of one
//     document pick the same group, the most similar one joins.
//  3. The remaining coarse mentions are grouped among themselves as in step 1.
//
// Near-duplicate documents are not special here: their mentions may join the same incident, and
// Reconcile and Build count them as one source.
func Cluster(ms []model.Mention, fam Family) [][]model.Mention {
	ms = uniqueSorted(ms)
	ps := make([]profile, len(ms))
	var precise, coarse []int
	for i, m := range ms {
		ps[i] = newProfile(m, fam)
		if ps[i].coarse {
			coarse = append(coarse, i)
		} else {
			precise = append(precise, i)
		}
	}
	groups := agglomerate(ps, precise)
	groups, rest := attachCoarse(ps, groups, coarse)
	groups = append(groups, agglomerate(ps, rest)...)
	out := make([][]model.Mention, 0, len(groups))
	for _, g := range groups {
		sort.Ints(g)
		c := make([]model.Mention, len(g))
		for i, idx := range g {
			c[i] = ms[idx]
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i][0], out[j][0]) })
	return out
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

// edge is a compatible pair of mentions, i < j in key order.
type edge struct {
	i, j  int
	score float64
}

// agglomerate merges the given mentions by complete linkage, most similar pair first.
func agglomerate(ps []profile, idx []int) [][]int {
	edges, compatible := compatiblePairs(ps, idx)
	sort.Slice(edges, func(x, y int) bool {
		a, b := edges[x], edges[y]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.i != b.i {
			return a.i < b.i
		}
		return a.j < b.j
	})
	groupOf := make(map[int]int, len(idx))
	members := make(map[int][]int, len(idx))
	for _, i := range idx {
		groupOf[i], members[i] = i, []int{i}
	}
	for _, e := range edges {
		ga, gb := groupOf[e.i], groupOf[e.j]
		if ga == gb || !allPairs(members[ga], members[gb], compatible) {
			continue
		}
		if gb < ga {
			ga, gb = gb, ga
		}
		for _, m := range members[gb] {
			groupOf[m] = ga
		}
		members[ga] = append(members[ga], members[gb]...)
		delete(members, gb)
	}
	out := make([][]int, 0, len(members))
	for _, i := range idx {
		if g, ok := members[i]; ok {
			out = append(out, g)
		}
	}
	return out
}

// compatiblePairs compares only mentions whose date windows overlap (a sweep over windows sorted
// by their start), so a new mention costs about as many comparisons as it has neighbours in time.
func compatiblePairs(ps []profile, idx []int) ([]edge, map[[2]int]bool) {
	order := append([]int(nil), idx...)
	lo := func(i int) int {
		if !ps[i].dated {
			return math.MinInt
		}
		return ps[i].lo
	}
	hi := func(i int) int {
		if !ps[i].dated {
			return math.MaxInt
		}
		return ps[i].hi
	}
	sort.Slice(order, func(x, y int) bool { return lo(order[x]) < lo(order[y]) })
	var edges []edge
	compatible := map[[2]int]bool{}
	for x, a := range order {
		for _, b := range order[x+1:] {
			if lo(b) > hi(a) {
				break
			}
			i, j := min(a, b), max(a, b)
			if s, ok := compare(&ps[i], &ps[j]); ok {
				edges = append(edges, edge{i, j, s})
				compatible[[2]int{i, j}] = true
			}
		}
	}
	return edges, compatible
}

// allPairs reports whether every mention of a is compatible with every mention of b.
func allPairs(a, b []int, compatible map[[2]int]bool) bool {
	for _, i := range a {
		for _, j := range b {
			if !compatible[[2]int{min(i, j), max(i, j)}] {
				return false
			}
		}
	}
	return true
}

// attachCoarse adds each coarse mention to the one group it is compatible with as a whole, and
// returns the groups and the coarse mentions left over.
func attachCoarse(ps []profile, groups [][]int, coarse []int) ([][]int, []int) {
	type join struct {
		m, g  int
		score float64
	}
	var joins []join
	var rest []int
	for _, c := range coarse {
		var found []join
		for g, members := range groups {
			if s, ok := groupScore(ps, c, members); ok {
				found = append(found, join{c, g, s})
			}
		}
		if len(found) == 1 {
			joins = append(joins, found[0])
		} else {
			rest = append(rest, c)
		}
	}
	sort.Slice(joins, func(x, y int) bool {
		if joins[x].score != joins[y].score {
			return joins[x].score > joins[y].score
		}
		return joins[x].m < joins[y].m
	})
	type groupDoc struct {
		g   int
		doc string
	}
	taken := map[groupDoc]bool{}
	for _, j := range joins {
		k := groupDoc{j.g, ps[j.m].doc}
		if taken[k] {
			rest = append(rest, j.m)
			continue
		}
		taken[k] = true
		groups[j.g] = append(groups[j.g], j.m)
	}
	sort.Ints(rest)
	return groups, rest
}

// groupScore is the mean similarity of mention c to every member, if it is compatible with all.
func groupScore(ps []profile, c int, members []int) (float64, bool) {
	total := 0.0
	for _, m := range members {
		s, ok := compare(&ps[min(c, m)], &ps[max(c, m)])
		if !ok {
			return 0, false
		}
		total += s
	}
	return total / float64(len(members)), true
}
