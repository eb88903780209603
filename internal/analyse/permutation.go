package analyse

import (
	"math"
	"math/rand/v2"
)

// groupScan is the space-time permutation scan statistic (Kulldorff et al. 2005) with groups —
// actor families or countries — in place of areas: a cluster is a group and a window of days
// holding more of the group's incidents than its share of all incidents and the window's share of
// all days predict. With C incidents, C_g in group g and C_W on the window's days, a window
// holding c of the group's incidents expects μ = C_g·C_W/C, scored by the Poisson LLR. The null
// records permute the groups over the incidents (equivalently the dates), keeping both margins,
// so no baseline rate has to be assumed: a record that covers some years better than others
// raises C_W for every group alike.
type groupScan struct {
	total        int
	maxLen, minN int
	labels       []int // group of each incident, in day order
	days         []int // day offset of each incident, ascending
	groupTotal   []int
	dayCum       []int // dayCum[d] = incidents on days before d, all groups
	xlnx         []float64
	lnInt        []float64 // lnInt[k] = ln k
}

// newGroupScan takes the incidents' day offsets (ascending), their groups (0..groups-1) and the
// study period's length in days.
func newGroupScan(days, labels []int, groups, length, maxLen, minN int) *groupScan {
	s := &groupScan{total: len(days), maxLen: min(maxLen, length), minN: minN, labels: labels, days: days,
		groupTotal: make([]int, groups), dayCum: make([]int, length+1), xlnx: xlnxTable(len(days)), lnInt: make([]float64, len(days)+1)}
	for k := 1; k <= s.total; k++ {
		s.lnInt[k] = math.Log(float64(k))
	}
	for _, g := range labels {
		s.groupTotal[g]++
	}
	for _, d := range days {
		s.dayCum[d+1]++
	}
	for d := 1; d <= length; d++ {
		s.dayCum[d] += s.dayCum[d-1]
	}
	return s
}

// split fills one series per group from a labelling of the incidents.
func (s *groupScan) split(labels []int, bufs []series) {
	for g := range bufs {
		bufs[g].reset()
	}
	for k, g := range labels {
		bufs[g].add(s.days[k])
	}
}

// each calls fn for every scored window of every group.
func (s *groupScan) each(bufs []series, fn func(w window)) {
	for g := range bufs {
		eachWindow(&bufs[g], s.maxLen, s.minN, func(first, last, n int) {
			mu := float64(s.groupTotal[g]) * float64(s.dayCum[last+1]-s.dayCum[first]) / float64(s.total)
			fn(window{group: g, first: first, last: last, n: n, expected: mu, llr: poissonLLR(s.xlnx, s.total, n, mu)})
		})
	}
}

func (s *groupScan) clusters(floor float64) []window {
	bufs := make([]series, len(s.groupTotal))
	s.split(s.labels, bufs)
	var all []window
	s.each(bufs, func(w window) { all = append(all, w) })
	return pickClusters(all, floor)
}

func (s *groupScan) replicate() func(*rand.Rand) float64 {
	labels := make([]int, len(s.labels))
	bufs := make([]series, len(s.groupTotal))
	return func(rng *rand.Rand) float64 {
		copy(labels, s.labels)
		rng.Shuffle(len(labels), func(i, j int) { labels[i], labels[j] = labels[j], labels[i] })
		s.split(labels, bufs)
		return s.max(bufs)
	}
}

// max is the scan statistic of a labelling: the highest LLR of any window of any group. It is
// each without closures, for the replications' inner loop, and it saves logarithms: ln μ comes
// from tables (μ = share·C_W), and n·ln(n/μ) bounds the LLR from above (the other term is never
// positive), so the one remaining logarithm is taken only for a window that may beat the best.
func (s *groupScan) max(bufs []series) float64 {
	best := 0.0
	for g := range bufs {
		x, share := &bufs[g], float64(s.groupTotal[g])/float64(s.total)
		lnShare := math.Log(share)
		for i, first := range x.days {
			for j := i; j < len(x.days) && x.days[j]-first < s.maxLen; j++ {
				n := x.cum[j+1] - x.cum[i]
				inWindow := s.dayCum[x.days[j]+1] - s.dayCum[first]
				mu := share * float64(inWindow)
				if n < s.minN || float64(n) <= mu {
					continue
				}
				bound := s.xlnx[n] - float64(n)*(lnShare+s.lnInt[inWindow])
				if bound <= best {
					continue
				}
				best = math.Max(best, poissonLLR(s.xlnx, s.total, n, mu))
			}
		}
	}
	return best
}
