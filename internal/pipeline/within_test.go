package pipeline

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestWithin checks the scan four fingerprints at a time against one at a time: near ones
// planted at every place of a block of four and in the tail, alone and several together, and
// scans started at every index.
func TestWithin(t *testing.T) {
	const maxBits = 12
	rng := rand.New(rand.NewPCG(7, 11))
	fp := rng.Uint64()
	near := func() uint64 { // within maxBits of fp
		x := fp
		for range rng.IntN(maxBits + 1) {
			x ^= 1 << rng.IntN(64)
		}
		return x
	}
	oneAtATime := func(fps []uint64, from int) int {
		for i := from; i < len(fps); i++ {
			if bits.OnesCount64(fp^fps[i]) <= maxBits {
				return i
			}
		}
		return len(fps)
	}
	for n := range 23 {
		for trial := range 20 {
			fps := make([]uint64, n)
			for i := range fps {
				fps[i] = rng.Uint64() // 64 random bits are nearly never within 12 of fp
			}
			for range trial % 4 {
				if n > 0 {
					fps[rng.IntN(n)] = near()
				}
			}
			for from := 0; from <= n; from++ {
				if got, want := within(fps, from, fp, maxBits), oneAtATime(fps, from); got != want {
					t.Fatalf("within(%x, %d) = %d, want %d", fps, from, got, want)
				}
			}
		}
	}
}
