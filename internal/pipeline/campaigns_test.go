package pipeline

import (
	"slices"
	"testing"
)

func TestCampaignsDue(t *testing.T) {
	for _, tc := range []struct {
		name    string
		every   int
		batches [][]string
		ready   []bool // after each batch
	}{
		{"every batch", 1, [][]string{{"A"}, nil, {"B", "A"}}, []bool{true, false, true}},
		{"every third", 3, [][]string{{"A"}, {"B"}, nil, {"A"}}, []bool{false, false, true, false}},
		{"nothing cited", 2, [][]string{nil, nil, nil}, []bool{false, false, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := campaignsDue{every: tc.every}
			for i, names := range tc.batches {
				d.add(names)
				if got := d.ready(); got != tc.ready[i] {
					t.Fatalf("after batch %d: ready %v, want %v", i, got, tc.ready[i])
				}
				if d.ready() {
					if l := d.list(); !slices.IsSorted(l) || len(l) == 0 {
						t.Fatalf("list %v: want sorted names", l)
					}
					d.clear()
				}
			}
		})
	}
}
