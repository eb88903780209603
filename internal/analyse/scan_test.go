package analyse

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestScore(t *testing.T) {
	sc := newTemporalScan(make([]int, 3404), 8, 30, 3)
	tests := []struct {
		n, l int
		want float64
	}{
		{3, 10, 3*math.Log(3/(8*10/3404.0)) + 5*math.Log(5/(8-8*10/3404.0))},
		{3, 30, 3*math.Log(3/(8*30/3404.0)) + 5*math.Log(5/(8-8*30/3404.0))},
		{8, 30, 8 * math.Log(8/(8*30/3404.0))}, // every incident in the window: the rest term is 0·ln 0 = 0
	}
	for _, tt := range tests {
		if got := sc.score(tt.n, tt.l); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("score(%d, %d) = %v, want %v", tt.n, tt.l, got, tt.want)
		}
	}
	if got := newTemporalScan(make([]int, 100), 100, 30, 3).score(2, 30); got != 0 {
		t.Errorf("a window holding fewer than expected scores %v, want 0", got)
	}
}

func TestClustersDoNotOverlap(t *testing.T) {
	counts := make([]int, 400)
	for _, d := range []int{10, 12, 14, 100, 101, 102, 103, 300} {
		counts[d]++
	}
	got := newTemporalScan(counts, 8, 30, 3).clusters(0)
	if len(got) != 2 {
		t.Fatalf("%d clusters, want 2: %+v", len(got), got)
	}
	if got[0].first != 100 || got[0].last != 103 || got[0].n != 4 {
		t.Errorf("most likely cluster %+v, want days 100-103 with 4", got[0])
	}
	if got[1].first != 10 || got[1].last != 14 || got[1].n != 3 {
		t.Errorf("secondary cluster %+v, want days 10-14 with 3", got[1])
	}
}

func TestPValueIsRankAmongReplicates(t *testing.T) {
	g := newSignificance([]float64{5, 1, 3, 3, 9, 0, 2, 7, 4, 6, 8, 2, 1, 0, 5, 3, 2, 1, 4}) // 19 replicates
	tests := []struct {
		v, want float64
	}{
		{10, 1.0 / 20}, // beats every replicate: the smallest p-value 19 replicates allow
		{9, 2.0 / 20},  // ties count against the observation
		{8.5, 2.0 / 20},
		{0, 20.0 / 20},
	}
	for _, tt := range tests {
		if got := g.pValue(tt.v); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("pValue(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
	if got := g.critical(0.05); got != 9 {
		t.Errorf("critical(0.05) = %v, want 9 (only a value above the largest replicate reaches 1/20)", got)
	}
	if got := g.critical(0.01); !math.IsInf(got, 1) {
		t.Errorf("critical(0.01) = %v, want +Inf: 19 replicates cannot reach 0.01", got)
	}
}

func TestReplicatesDoNotDependOnWorkers(t *testing.T) {
	counts := make([]int, 1000)
	counts[10], counts[500] = 25, 25
	for _, test := range []scanTest{newTemporalScan(counts, 50, 30, 3), newGroupScan(groupRecord())} {
		one := replicateMaxima(test, 99, 7, 1)
		three := replicateMaxima(test, 99, 7, 3)
		for i := range one {
			if one[i] != three[i] {
				t.Fatalf("%T replicate %d: %v with one worker, %v with three", test, i, one[i], three[i])
			}
		}
	}
}

// groupRecord is 60 incidents of three groups taking turns every ten days over 600 days, and a
// burst of three incidents of group 2 on days 301-303.
func groupRecord() (days, labels []int, groups, length, maxLen, minN int) {
	for d := range 600 {
		if d%10 == 0 {
			days, labels = append(days, d), append(labels, (d/10)%3)
		}
		if d > 300 && d < 304 {
			days, labels = append(days, d), append(labels, 2)
		}
	}
	return days, labels, 3, 600, 30, 3
}

func TestGroupScanFindsTheGroupBurst(t *testing.T) {
	got := newGroupScan(groupRecord()).clusters(0)
	if len(got) == 0 || got[0].group != 2 || got[0].first > 301 || got[0].last < 303 {
		t.Fatalf("most likely cluster %+v, want group 2 over days 301-303", got)
	}
}

// TestScanStatisticIsBestWindow requires the replicates' scan statistic, which scores only the
// fullest window of each length, to be exactly the highest score of every window scanned, on
// sparse and crowded records.
func TestScanStatisticIsBestWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, total := range []int{3, 8, 92, 1000, 20000} {
		counts := make([]int, 3650)
		for range total {
			counts[rng.IntN(len(counts))]++
		}
		s := newTemporalScan(counts, total, 30, 3)
		want := 0.0
		eachWindow(&s.observed, s.maxLen, s.minN, func(first, last, n int) { want = max(want, s.score(n, last-first+1)) })
		if got := s.max(&s.observed, make([]int, s.maxLen+1)); got != want {
			t.Errorf("%d incidents: scan statistic %v, want the best window's %v", total, got, want)
		}
	}
}
