package review

import (
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ParseValue reads a figure as analysts type it — "120", "~120", "100-150", ">200", "<300" —
// into a claim's bounds and qualifier (docs/export-json.md).
func ParseValue(s string) (low, high *int, qualifier string, err error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	number := func(t string) (*int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(t))
		if err != nil || n < 0 {
			return nil, invalid("value %q: want N, ~N, A-B, >N or <N", s)
		}
		return &n, nil
	}
	switch {
	case strings.HasPrefix(s, ">"):
		low, err = number(s[1:])
		return low, nil, "more_than", err
	case strings.HasPrefix(s, "<"):
		high, err = number(s[1:])
		return nil, high, "up_to", err
	case strings.HasPrefix(s, "~"):
		low, err = number(s[1:])
		return low, low, "approx", err
	}
	if from, to, ok := strings.Cut(s, "-"); ok {
		if low, err = number(from); err != nil {
			return nil, nil, "", err
		}
		if high, err = number(to); err != nil || *high < *low {
			return nil, nil, "", invalid("value %q: a range runs from the smaller number", s)
		}
		return low, high, "range", nil
	}
	low, err = number(s)
	return low, low, "exact", err
}

// ClaimChange is what an analyst gives to re-attribute or add a claim; empty fields keep what
// the claim says.
type ClaimChange struct {
	Claimant, Role, Side, Metric, Value string
}

// Claim turns a change into the claim a reattribute or add_claim action carries.
func (c ClaimChange) Claim() (model.Claim, error) {
	out := model.Claim{Claimant: strings.TrimSpace(c.Claimant), ClaimantRole: model.Role(c.Role), Side: c.Side, Metric: model.Metric(c.Metric)}
	if c.Metric != "" && !validMetric(out.Metric) {
		return out, invalid("metric %q: want escaped, recaptured, killed, wounded, attackers or held", c.Metric)
	}
	if c.Value != "" {
		var err error
		if out.Low, out.High, out.Qualifier, err = ParseValue(c.Value); err != nil {
			return out, err
		}
	}
	return out, nil
}

func validMetric(m model.Metric) bool {
	for _, known := range model.Metrics {
		if m == known {
			return true
		}
	}
	return false
}
