package analyse

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
)

// scanTest is a scan statistic: the clusters of the observed record, and null records to
// compare them with. Two tests implement it: on time alone, and on groups in time.
type scanTest interface {
	// clusters returns the windows scoring above floor that do not overlap a better one, best first.
	clusters(floor float64) []window
	// replicate returns a function that draws one record under the null hypothesis and returns
	// its scan statistic (the highest LLR of any window). Each call has buffers of its own.
	replicate() func(*rand.Rand) float64
}

// replicateMaxima returns the scan statistic of reps null records, in replication order. Taking
// the maximum over every window in each replication is what accounts for scanning many windows.
// Replication r uses its own generator seeded with (seed, r), so the result is the same however
// many workers run it and in whatever order.
func replicateMaxima(t scanTest, reps int, seed uint64, workers int) []float64 {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]float64, reps)
	var wg sync.WaitGroup
	for w := range min(workers, reps) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			draw := t.replicate()
			for r := w; r < reps; r += workers {
				out[r] = draw(rand.New(rand.NewPCG(seed, uint64(r))))
			}
		}()
	}
	wg.Wait()
	return out
}

// significance turns replicate maxima into p-values.
type significance struct {
	maxima []float64 // descending
}

func newSignificance(maxima []float64) significance {
	sorted := append([]float64(nil), maxima...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	return significance{maxima: sorted}
}

// pValue is the Monte Carlo p-value of an observed statistic v: (1 + replications scoring at
// least v) / (replications + 1), the rank of v among them (Dwass 1957; North et al. 2002).
func (g significance) pValue(v float64) float64 {
	atLeast := sort.Search(len(g.maxima), func(i int) bool { return g.maxima[i] < v })
	return float64(1+atLeast) / float64(len(g.maxima)+1)
}

// critical is the value a statistic must exceed to reach level alpha: the replicate maximum of
// rank ⌊alpha·(R+1)⌋. +Inf when no value can reach it (too few replications).
func (g significance) critical(alpha float64) float64 {
	k := int(math.Floor(alpha*float64(len(g.maxima)+1)+1e-9)) - 1
	if k < 0 {
		return math.Inf(1)
	}
	if k >= len(g.maxima) {
		return 0
	}
	return g.maxima[k]
}
