package analyse

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// calibrationEnv turns on the calibration study, which takes about a minute on two cores.
const calibrationEnv = "WALLWATCH_CALIBRATION"

// record is the size of a generated record: incidents over days. The first two match the
// shared corpus after ingest (the seeds alone; seeds, dev and notes together).
type record struct{ incidents, days int }

var records = []record{{8, 3404}, {92, 9318}, {1000, 3650}}

// TestWaveCalibration measures the false-positive rate on null records (incidents uniform over
// the period, no wave planted) and the power on records with a planted wave of 3, 5 or 10
// incidents within 10 days. Run it with WALLWATCH_CALIBRATION=1 go test -run TestWaveCalibration -v.
// docs/waves.md quotes its output.
func TestWaveCalibration(t *testing.T) {
	if os.Getenv(calibrationEnv) == "" {
		t.Skipf("set %s=1 to run the calibration study", calibrationEnv)
	}
	const nullRecords, powerRecords = 500, 200
	for _, rec := range records {
		rate := falsePositiveRate(rec, nullRecords)
		se := math.Sqrt(0.05 * 0.95 / nullRecords)
		t.Logf("null: %4d incidents over %d days, %d records × 999 replications: false-positive rate %.3f (α = 0.05)", rec.incidents, rec.days, nullRecords, rate)
		if rate > 0.05+2*se {
			t.Errorf("false-positive rate %.3f with %d incidents: more than α = 0.05 beyond sampling error", rate, rec.incidents)
		}
	}
	for _, rec := range records {
		for _, planted := range []int{3, 5, 10} {
			t.Logf("power: %2d planted within 10 days over %4d background incidents in %d days, %d records: %.3f",
				planted, rec.incidents, rec.days, powerRecords, power(rec, planted, powerRecords))
		}
	}
}

// falsePositiveRate is the share of null records in which any wave is found.
func falsePositiveRate(rec record, records int) float64 {
	found := 0
	for r := range records {
		rng := rand.New(rand.NewPCG(uint64(rec.incidents), uint64(r)))
		s := newSynthetic("2000-01-01").uniform(rng, rec.incidents, rec.days)
		if len(detectOver(s, rec.days, r, ByTime).Waves) > 0 {
			found++
		}
	}
	return float64(found) / float64(records)
}

// power is the share of records with a planted wave in which a wave overlapping it is found.
func power(rec record, planted, records int) float64 {
	found := 0
	for r := range records {
		rng := rand.New(rand.NewPCG(uint64(rec.incidents*100+planted), uint64(r)))
		first := rng.IntN(rec.days - 10)
		s := newSynthetic("2000-01-01").uniform(rng, rec.incidents, rec.days).plant(rng, planted, first, 10)
		lo, hi := s.start.AddDate(0, 0, first), s.start.AddDate(0, 0, first+9)
		for _, w := range detectOver(s, rec.days, r, ByTime).Waves {
			if !w.Start.After(hi) && !w.End.Before(lo) {
				found++
				break
			}
		}
	}
	return float64(found) / float64(records)
}

// detectOver runs the test over a record's whole period, seeded by the record's number.
func detectOver(s *synthetic, days, r int, by Grouping) model.WaveAnalysis {
	since, until := s.period(days)
	got, err := Detect(s.incs, nil, Params{Since: since, Until: until, Seed: uint64(r) + 1, By: by})
	if err != nil {
		panic(err)
	}
	return got
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

// BenchmarkDetect100kByFamily is the permutation scan over 100,000 incidents of 20 actor families.
func BenchmarkDetect100kByFamily(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := newSynthetic("2005-01-01").uniform(rng, 100_000, 7305)
	for i := range s.incs {
		s.incs[i].Perpetrators = []string{fmt.Sprintf("Group %02d", rng.IntN(20))}
	}
	b.ResetTimer()
	for range b.N {
		got, err := Detect(s.incs, nil, Params{By: ByFamily})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(got.Waves)), "waves")
	}
}

// TestGroupWaveCalibration measures the permutation scan by family the same way: null records of
// incidents with ten families assigned at random, and records with a planted wave of one family.
func TestGroupWaveCalibration(t *testing.T) {
	if os.Getenv(calibrationEnv) == "" {
		t.Skipf("set %s=1 to run the calibration study", calibrationEnv)
	}
	const nullRecords, powerRecords = 1000, 200
	se := math.Sqrt(0.05 * 0.95 / nullRecords)
	for _, rec := range records[1:] {
		found := 0
		for r := range nullRecords {
			rng := rand.New(rand.NewPCG(uint64(rec.incidents)+7, uint64(r)))
			if len(detectOver(familyRecord(rng, rec), rec.days, r, ByFamily).Waves) > 0 {
				found++
			}
		}
		rate := float64(found) / nullRecords
		t.Logf("null by family: %4d incidents of 10 families over %d days, %d records × 999 replications: false-positive rate %.3f",
			rec.incidents, rec.days, nullRecords, rate)
		if rate > 0.05+2*se {
			t.Errorf("false-positive rate by family %.3f with %d incidents: more than α = 0.05 beyond sampling error", rate, rec.incidents)
		}
		for _, planted := range []int{3, 5, 10} {
			hit := 0
			for r := range powerRecords {
				rng := rand.New(rand.NewPCG(uint64(rec.incidents*100+planted)+7, uint64(r)))
				s := familyRecord(rng, rec)
				first := rng.IntN(rec.days - 10)
				for range planted {
					s.add(first+rng.IntN(10), "YY", "Family 00")
				}
				lo, hi := s.start.AddDate(0, 0, first), s.start.AddDate(0, 0, first+9)
				for _, w := range detectOver(s, rec.days, r, ByFamily).Waves {
					if w.Group == "Family 00" && !w.Start.After(hi) && !w.End.Before(lo) {
						hit++
						break
					}
				}
			}
			t.Logf("power by family: %2d planted of one family within 10 days over %4d background incidents, %d records: %.3f",
				planted, rec.incidents, powerRecords, float64(hit)/powerRecords)
		}
	}
}

// familyRecord is a null record whose incidents belong to ten families at random.
func familyRecord(rng *rand.Rand, rec record) *synthetic {
	s := newSynthetic("2000-01-01").uniform(rng, rec.incidents, rec.days)
	for i := range s.incs {
		s.incs[i].Perpetrators = []string{fmt.Sprintf("Family %02d", rng.IntN(10))}
	}
	return s
}
