package store

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestPositions puts random positions of two incidents, as linking puts them (a source's later
// position replaces its earlier ones, one of the same day joins them, an earlier one is not
// put), and after every one compares what Positions answers for every side and firmness with
// the answers worked out from the positions that stand: the bounds, the leaders (the first
// tier at its latest day, in claim order), the sources of each value and the sides.
func TestPositions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(14, 26))
	var stand []standing
	totals := map[string]bool{} // incident -> a claim gives a total
	incidents := []string{"inc-a", "inc-b"}
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, id := range incidents {
			if err := tx.CreateIncident(ctx, id, id+"#0", Window{Country: "NG"}, time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for step := range 300 {
		id := incidents[rng.IntN(len(incidents))]
		low := rng.IntN(20)
		p := Position{Side: []string{"", "prisoners", "security"}[rng.IntN(3)], Vague: rng.IntN(4) == 0,
			Source: fmt.Sprintf("s%d", rng.IntN(6)), Reported: time.Date(2024, 3, 1+rng.IntN(4), 0, 0, 0, 0, time.UTC),
			Value: low, Lower: low, Upper: low + rng.IntN(5), LowEnd: float64(low) - 0.5, HighEnd: math.Inf(1), Tier: rng.IntN(3)}
		if rng.IntN(2) == 0 {
			p.HighEnd = float64(p.Upper) + 0.5
		}
		quote := fmt.Sprintf("claim %d", step)
		err := s.InTx(ctx, func(tx *Tx) error {
			claim, err := tx.AddClaim(ctx, id, model.Claim{Metric: "escaped", Side: p.Side, DocumentID: "d", Quote: quote}, "d")
			if err != nil {
				return err
			}
			if p.Side == "" {
				totals[id] = true
			}
			latest, none, err := tx.LatestPosition(ctx, id, "escaped", p)
			if err != nil {
				return err
			}
			change := FirstPosition
			switch {
			case none:
			case p.Reported.Before(latest):
				return nil
			case p.Reported.After(latest):
				change = ReplacePositions
				stand = slices.DeleteFunc(stand, func(o standing) bool {
					return o.incident == id && o.p.Side == p.Side && o.p.Vague == p.Vague && o.p.Source == p.Source
				})
			default:
				change = JoinPositions
			}
			stand = append(stand, standing{id, claim, quote, p})
			return tx.PutPosition(ctx, id, "escaped", p, claim, change)
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *Tx) error {
			for _, id := range incidents {
				ps, err := tx.Positions(ctx, id, "escaped")
				if err != nil {
					return err
				}
				var mine []standing
				for _, o := range stand {
					if o.incident == id {
						mine = append(mine, o)
					}
				}
				checkSides(t, step, id, ps, mine, totals[id])
				for _, side := range []string{"", "prisoners", "security"} {
					for _, vague := range []bool{false, true} {
						q := slices.DeleteFunc(slices.Clone(mine), func(o standing) bool { return o.p.Side != side || o.p.Vague != vague })
						got, err := answers(ps, side, vague)
						if err != nil {
							return err
						}
						if want := worked(q); got != want {
							t.Fatalf("step %d, %s %q vague %v: got %s, want %s", step, id, side, vague, got, want)
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// standing is a position put and not replaced, with its claim.
type standing struct {
	incident string
	claim    int64
	quote    string
	p        Position
}

// checkSides compares the sides Positions lists, and whether a claim gives a total, with those
// of the standing positions.
func checkSides(t *testing.T, step int, id string, ps *Positions, mine []standing, totals bool) {
	t.Helper()
	var want []string
	for _, o := range mine {
		want = append(want, o.p.Side)
	}
	slices.Sort(want)
	want = slices.Compact(want)
	got, gotTotals, err := ps.Sides()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) || gotTotals != totals {
		t.Fatalf("step %d, %s: sides %q totals %v, want %q %v", step, id, got, gotTotals, want, totals)
	}
}

// worked writes down what the standing positions of one side and firmness should answer, as
// answers does.
func worked(q []standing) string {
	if len(q) == 0 {
		return "none"
	}
	low, high, maxLowEnd, minHighEnd := q[0].p.Lower, q[0].p.Upper, q[0].p.LowEnd, q[0].p.HighEnd
	tier, day := q[0].p.Tier, q[0].p.Reported
	for _, o := range q {
		low, high = min(low, o.p.Lower), max(high, o.p.Upper)
		maxLowEnd, minHighEnd = max(maxLowEnd, o.p.LowEnd), min(minHighEnd, o.p.HighEnd)
		if o.p.Tier < tier || o.p.Tier == tier && o.p.Reported.After(day) {
			tier, day = o.p.Tier, o.p.Reported
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "bounds %d-%d ends %g-%g leaders", low, high, maxLowEnd, minHighEnd)
	var leaders []standing
	for _, o := range q {
		if o.p.Tier == tier && o.p.Reported.Equal(day) {
			leaders = append(leaders, o)
		}
	}
	slices.SortFunc(leaders, func(a, b standing) int { return int(a.claim - b.claim) })
	for _, o := range leaders {
		fmt.Fprintf(&b, " [%s]", o.quote)
	}
	for v := range 25 {
		sources := map[string]bool{}
		for _, o := range q {
			if o.p.Value == v {
				sources[o.p.Source] = true
			}
		}
		if len(sources) > 0 {
			fmt.Fprintf(&b, " %d:%d", v, len(sources))
		}
	}
	return b.String()
}

// answers writes down what Positions answers of one side and firmness.
func answers(ps *Positions, side string, vague bool) (string, error) {
	found, low, high, maxLowEnd, minHighEnd, err := ps.Extremes(side, vague)
	if err != nil || !found {
		return "none", err
	}
	leaders, err := ps.Leaders(side, vague)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "bounds %d-%d ends %g-%g leaders", low, high, maxLowEnd, minHighEnd)
	for _, c := range leaders {
		fmt.Fprintf(&b, " [%s]", c.Quote)
	}
	for v := range 25 {
		n, err := ps.Sources(side, vague, v)
		if err != nil {
			return "", err
		}
		if n > 0 {
			fmt.Fprintf(&b, " %d:%d", v, n)
		}
	}
	return b.String(), nil
}
