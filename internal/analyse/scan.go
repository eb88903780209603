package analyse

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// series is a set of incidents on a line of days: the distinct days that hold any, ascending,
// and cumulative counts, so a window's count is one subtraction.
type series struct {
	days []int // day offsets in [0, length)
	cum  []int // cum[i] = incidents on days[0..i-1]; len(days)+1 entries
}

func (x *series) reset() { x.days, x.cum = x.days[:0], append(x.cum[:0], 0) }

// add appends an incident on day, which must not come before the last one added.
func (x *series) add(day int) {
	if n := len(x.days); n > 0 && x.days[n-1] == day {
		x.cum[n]++
		return
	}
	x.days = append(x.days, day)
	x.cum = append(x.cum, x.cum[len(x.cum)-1]+1)
}

// seriesFromCounts builds a series from incidents per day.
func seriesFromCounts(counts []int, x *series) {
	x.reset()
	for d, c := range counts {
		if c > 0 {
			x.days = append(x.days, d)
			x.cum = append(x.cum, x.cum[len(x.cum)-1]+c)
		}
	}
}

// eachWindow calls fn for every window worth scoring: from one incident day of x to another at
// most maxLen days on, holding at least minN incidents. A window that does not start and end on an
// incident cannot score higher than the tightest window holding the same incidents (its expected
// count is no smaller), so these are all.
func eachWindow(x *series, maxLen, minN int, fn func(first, last, n int)) {
	for i, first := range x.days {
		for j := i; j < len(x.days); j++ {
			if x.days[j]-first+1 > maxLen {
				break
			}
			if n := x.cum[j+1] - x.cum[i]; n >= minN {
				fn(first, x.days[j], n)
			}
		}
	}
}

// window is a scanned interval of days [first, last] of one group and what it holds.
type window struct {
	group       int // index of the group (actor family, country); 0 when not grouped
	first, last int // day offsets
	n           int // incidents in the window
	expected    float64
	llr         float64
}

// poissonLLR is the log-likelihood ratio of n incidents where e were expected, out of total:
// n·ln(n/e) + (total−n)·ln((total−n)/(total−e)) when n > e, else 0 (Kulldorff 1997). xlnx[k]
// holds k·ln k.
func poissonLLR(xlnx []float64, total, n int, e float64) float64 {
	if float64(n) <= e || e >= float64(total) {
		return 0
	}
	rest := total - n
	return xlnx[n] - float64(n)*math.Log(e) + xlnx[rest] - float64(rest)*math.Log(float64(total)-e)
}

func xlnxTable(total int) []float64 {
	t := make([]float64, total+1)
	for n := 1; n <= total; n++ {
		t[n] = float64(n) * math.Log(float64(n))
	}
	return t
}

// pickClusters returns the windows scoring above floor (and above 0) that do not overlap a
// higher-scoring window of the same group, best first: the most likely cluster and the secondary
// clusters, as SaTScan reports them. The floor (the critical value) keeps the list short.
func pickClusters(all []window, floor float64) []window {
	all = slices.DeleteFunc(all, func(w window) bool { return w.llr <= max(floor, 0) })
	sort.Slice(all, func(a, b int) bool {
		x, y := all[a], all[b]
		switch {
		case x.llr != y.llr:
			return x.llr > y.llr
		case x.first != y.first:
			return x.first < y.first
		case x.last != y.last:
			return x.last < y.last
		}
		return x.group < y.group
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
		if w.group == k.group && w.first <= k.last && k.first <= w.last {
			return true
		}
	}
	return false
}

// temporalScan is the scan statistic on time with a constant baseline rate: N incidents on a
// study period of length days, each day equally likely under the null hypothesis. The terms in
// the expected count depend on the window's length only, so they are tabulated and scoring a
// window takes no logarithm.
type temporalScan struct {
	total, length int
	maxLen, minN  int
	observed      series
	xlnx          []float64
	lnE, lnRest   []float64 // per window length L: ln e, ln(N−e)
	expected      []float64 // per window length L: e = N·L/length
}

func newTemporalScan(counts []int, total, maxLen, minN int) *temporalScan {
	length := len(counts)
	maxLen = min(maxLen, length)
	s := &temporalScan{total: total, length: length, maxLen: maxLen, minN: minN, xlnx: xlnxTable(total),
		lnE: make([]float64, maxLen+1), lnRest: make([]float64, maxLen+1), expected: make([]float64, maxLen+1)}
	for l := 1; l <= maxLen; l++ {
		e := float64(total) * float64(l) / float64(length)
		s.expected[l], s.lnE[l], s.lnRest[l] = e, math.Log(e), math.Log(float64(total)-e)
	}
	seriesFromCounts(counts, &s.observed)
	return s
}

// score is the LLR of n incidents in a window of l days (l ≤ maxLen).
func (s *temporalScan) score(n, l int) float64 {
	if float64(n) <= s.expected[l] || l >= s.length {
		return 0
	}
	rest := s.total - n
	return s.xlnx[n] - float64(n)*s.lnE[l] + s.xlnx[rest] - float64(rest)*s.lnRest[l]
}

// max is the scan statistic: the highest LLR of any window of x (0 when none qualifies). Windows
// of one length share their expected count, and the LLR grows with the count, so only the fullest
// window of each length is scored: the best of those is the best window, the same value scored
// from the same count and length. most holds the fullest count per length (maxLen+1 entries).
func (s *temporalScan) max(x *series, most []int) float64 {
	clear(most)
	for i, first := range x.days {
		for j := i; j < len(x.days) && x.days[j]-first < s.maxLen; j++ {
			l := x.days[j] - first + 1
			most[l] = max(most[l], x.cum[j+1]-x.cum[i])
		}
	}
	best := 0.0
	for l, n := range most {
		if n >= s.minN {
			best = max(best, s.score(n, l)) // scores are never NaN
		}
	}
	return best
}

func (s *temporalScan) clusters(floor float64) []window {
	var all []window
	eachWindow(&s.observed, s.maxLen, s.minN, func(first, last, n int) {
		l := last - first + 1
		all = append(all, window{first: first, last: last, n: n, expected: s.expected[l], llr: s.score(n, l)})
	})
	return pickClusters(all, floor)
}

// replicate returns a function drawing one null record (N incidents uniform over the period) and
// scoring it, with buffers of its own: one per goroutine.
func (s *temporalScan) replicate() func(*rand.Rand) float64 {
	counts, most := make([]int, s.length), make([]int, s.maxLen+1)
	var x series
	return func(rng *rand.Rand) float64 {
		clear(counts)
		for range s.total {
			counts[rng.IntN(s.length)]++
		}
		seriesFromCounts(counts, &x)
		return s.max(&x, most)
	}
}
