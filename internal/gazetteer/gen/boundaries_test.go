package main

import (
	"math"
	"testing"
)

func TestRingCentroid(t *testing.T) {
	tests := []struct {
		name     string
		ring     [][2]float64
		lat, lon float64
		area     float64
	}{
		{"square", [][2]float64{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, 1, 1, 4},
		{"clockwise", [][2]float64{{0, 0}, {0, 2}, {2, 2}, {2, 0}}, 1, 1, 4},
		{"across the antimeridian", [][2]float64{{178, 0}, {-178, 0}, {-178, 2}, {178, 2}}, 1, 180, 8},
		{"empty", nil, 0, 0, 0},
	}
	for _, tt := range tests {
		c, area := ringCentroid(tt.ring)
		lonOK := math.Abs(c.lon-tt.lon) < 1e-9 || math.Abs(math.Abs(c.lon)-180) < 1e-9 && tt.lon == 180
		if math.Abs(c.lat-tt.lat) > 1e-9 || !lonOK || math.Abs(area-tt.area) > 1e-9 {
			t.Errorf("%s: ringCentroid = %+v, %v, want %v,%v, %v", tt.name, c, area, tt.lat, tt.lon, tt.area)
		}
	}
}

func TestRingReversesNegativeArcs(t *testing.T) {
	arcs := [][][2]float64{{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}}
	got := ring([]int{0, ^1}, arcs)
	want := [][2]float64{{0, 0}, {1, 0}, {0, 1}}
	if len(got) != len(want) {
		t.Fatalf("ring = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ring = %v, want %v", got, want)
		}
	}
}
