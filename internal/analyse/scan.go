package analyse

import (
	"math"
	"sort"
)

// series is a set of incidents on a line of days: the distinct days that hold any, ascending,
// and cumulative counts, so a window's count is one subtraction.
type series struct {
	days []int // day offsets in [0, length)
	cum  []int // cum[i] = incidents on days[0..i-1]; len(days)+1 entries
}

// seriesFromCounts builds a series from incidents per day.
func seriesFromCounts(counts []int, s *series) {
	s.days, s.cum = s.days[:0], append(s.cum[:0], 0)
	total := 0
	for d, c := range counts {
		if c > 0 {
			total += c
			s.days = append(s.days, d)
			s.cum = append(s.cum, total)
		}
	}
}

// window is a scanned interval of days [first, last] and what it holds.
type window struct {
	first, last int // day offsets
	n           int // incidents in the window
	llr         float64
}

// scanner scores windows for N incidents on a study period of length days. The score is the
// Poisson log-likelihood ratio of Kulldorff's scan statistic with a constant baseline rate,
// conditioned on the total: for a window of L days holding n incidents, with e = N·L/length,
//
//	LLR = n·ln(n/e) + (N−n)·ln((N−n)/(N−e))  when n > e, else 0.
//
// n·ln n is tabulated and the terms in e depend on L only, so scoring takes no logarithm.
type scanner struct {
	total, length int
	maxLen, minN  int
	xlnx          []float64 // xlnx[n] = n·ln n
	lnE, lnRest   []float64 // per window length L: ln e, ln(N−e)
	expected      []float64 // per window length L: e
}

func newScanner(total, length, maxLen, minN int) *scanner {
	maxLen = min(maxLen, length)
	s := &scanner{total: total, length: length, maxLen: maxLen, minN: minN,
		xlnx: make([]float64, total+1), lnE: make([]float64, maxLen+1), lnRest: make([]float64, maxLen+1), expected: make([]float64, maxLen+1)}
	for n := 1; n <= total; n++ {
		s.xlnx[n] = float64(n) * math.Log(float64(n))
	}
	for l := 1; l <= maxLen; l++ {
		e := float64(total) * float64(l) / float64(length)
		s.expected[l], s.lnE[l], s.lnRest[l] = e, math.Log(e), math.Log(float64(total)-e)
	}
	return s
}

// score is the LLR of n incidents in a window of l days (l ≤ maxLen).
func (s *scanner) score(n, l int) float64 {
	if float64(n) <= s.expected[l] || l >= s.length {
		return 0
	}
	rest := s.total - n
	return s.xlnx[n] - float64(n)*s.lnE[l] + s.xlnx[rest] - float64(rest)*s.lnRest[l]
}

// each calls fn for every window worth scoring: from one incident day to another at most maxLen
// days on, holding at least minN incidents. Windows that do not start and end on an incident
// cannot score higher than the tightest window holding the same incidents, so these are all.
func (s *scanner) each(x *series, fn func(i, j, n, l int)) {
	for i, first := range x.days {
		for j := i; j < len(x.days); j++ {
			l := x.days[j] - first + 1
			if l > s.maxLen {
				break
			}
			if n := x.cum[j+1] - x.cum[i]; n >= s.minN {
				fn(i, j, n, l)
			}
		}
	}
}

// max is the scan statistic: the highest LLR of any window (0 when none qualifies).
func (s *scanner) max(x *series) float64 {
	best := 0.0
	s.each(x, func(_, _, n, l int) {
		if v := s.score(n, l); v > best {
			best = v
		}
	})
	return best
}

// clusters returns the windows of positive LLR that do not overlap a higher-scoring one, best
// first: the most likely cluster and the secondary clusters, as SaTScan reports them.
func (s *scanner) clusters(x *series) []window {
	var all []window
	s.each(x, func(i, j, n, l int) {
		if v := s.score(n, l); v > 0 {
			all = append(all, window{first: x.days[i], last: x.days[j], n: n, llr: v})
		}
	})
	sort.Slice(all, func(a, b int) bool {
		if all[a].llr != all[b].llr {
			return all[a].llr > all[b].llr
		}
		if all[a].first != all[b].first {
			return all[a].first < all[b].first
		}
		return all[a].last < all[b].last
	})
	var kept []window
	for _, w := range all {
		if !overlapsAny(w, kept) {
			kept = append(kept, w)
		}
	}
	return kept
}

func overlapsAny(w window, kept []window) bool {
	for _, k := range kept {
		if w.first <= k.last && k.first <= w.last {
			return true
		}
	}
	return false
}
