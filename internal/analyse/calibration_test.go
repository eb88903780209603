package analyse

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// calibrationEnv turns on the calibration study, which takes about a minute on two cores.
const calibrationEnv = "WALLWATCH_CALIBRATION"

// studyDays is the length of the generated records: ten years.
const studyDays = 3650

// TestWaveCalibration measures the false-positive rate on null records (incidents uniform over
// ten years, no wave planted) and the power on records with a planted wave of 3, 5 or 10
// incidents within 10 days. Run it with WALLWATCH_CALIBRATION=1 go test -run TestWaveCalibration -v.
// docs/waves.md quotes its output.
func TestWaveCalibration(t *testing.T) {
	if os.Getenv(calibrationEnv) == "" {
		t.Skipf("set %s=1 to run the calibration study", calibrationEnv)
	}
	const nullRecords, powerRecords = 500, 200
	for _, n := range []int{8, 100, 1000} {
		rate := falsePositiveRate(n, nullRecords)
		se := math.Sqrt(0.05 * 0.95 / nullRecords)
		t.Logf("null: %4d incidents over %d days, %d records × 999 replications: false-positive rate %.3f (α = 0.05)", n, studyDays, nullRecords, rate)
		if rate > 0.05+2*se {
			t.Errorf("false-positive rate %.3f with %d incidents: more than α = 0.05 beyond sampling error", rate, n)
		}
	}
	for _, background := range []int{100, 1000} {
		for _, planted := range []int{3, 5, 10} {
			t.Logf("power: %d planted within 10 days over %4d background incidents, %d records: %.3f",
				planted, background, powerRecords, power(background, planted, powerRecords))
		}
	}
}

// falsePositiveRate is the share of null records in which any wave is found.
func falsePositiveRate(n, records int) float64 {
	found := 0
	for r := range records {
		rng := rand.New(rand.NewPCG(uint64(n), uint64(r)))
		s := newSynthetic("2010-01-01").uniform(rng, n, studyDays)
		since, until := s.period(studyDays)
		got, err := Detect(s.incs, nil, Params{Since: since, Until: until, Seed: uint64(r) + 1})
		if err != nil {
			panic(err)
		}
		if len(got.Waves) > 0 {
			found++
		}
	}
	return float64(found) / float64(records)
}

// power is the share of records with a planted wave in which a wave overlapping it is found.
func power(background, planted, records int) float64 {
	found := 0
	for r := range records {
		rng := rand.New(rand.NewPCG(uint64(background*100+planted), uint64(r)))
		first := rng.IntN(studyDays - 10)
		s := newSynthetic("2010-01-01").uniform(rng, background, studyDays).plant(rng, planted, first, 10)
		since, until := s.period(studyDays)
		got, err := Detect(s.incs, nil, Params{Since: since, Until: until, Seed: uint64(r) + 1})
		if err != nil {
			panic(err)
		}
		lo, hi := s.start.AddDate(0, 0, first), s.start.AddDate(0, 0, first+9)
		for _, w := range got.Waves {
			if !w.Start.After(hi) && !w.End.Before(lo) {
				found++
				break
			}
		}
	}
	return float64(found) / float64(records)
}

// BenchmarkDetect100k is the runtime target of wave detection: 100,000 incidents over twenty
// years with 999 Monte Carlo replications (target: under 30 s on two cores).
func BenchmarkDetect100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := newSynthetic("2005-01-01").uniform(rng, 100_000, 7305).plant(rng, 300, 4000, 10)
	b.ResetTimer()
	for range b.N {
		got, err := Detect(s.incs, nil, Params{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(got.Waves)), "waves")
	}
}
