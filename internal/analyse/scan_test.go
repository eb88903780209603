package analyse

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	sc := newScanner(8, 3404, 30, 3)
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
	if got := newScanner(100, 100, 30, 3).score(2, 30); got != 0 {
		t.Errorf("a window holding fewer than expected scores %v, want 0", got)
	}
}

func TestClustersDoNotOverlap(t *testing.T) {
	counts := make([]int, 400)
	for _, d := range []int{10, 12, 14, 100, 101, 102, 103, 300} {
		counts[d]++
	}
	var x series
	seriesFromCounts(counts, &x)
	got := newScanner(8, 400, 30, 3).clusters(&x)
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
	sc := newScanner(50, 1000, 30, 3)
	one := replicateMaxima(sc, 99, 7, 1)
	three := replicateMaxima(sc, 99, 7, 3)
	for i := range one {
		if one[i] != three[i] {
			t.Fatalf("replicate %d: %v with one worker, %v with three", i, one[i], three[i])
		}
	}
}
