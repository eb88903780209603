package model

import "time"

// LifecyclePoint is where an incident's escapees stood after the reports of one day: how many
// had escaped, been recaptured and were still at large, by the best estimates then.
type LifecyclePoint struct {
	Reported   time.Time
	Escaped    int
	Recaptured int
	AtLarge    int
}

// Lifecycle follows an incident's escapees over time from the histories of its escaped and
// recaptured estimates: one point per reported day on which either changed, in order. It is nil
// when no history gives a best escaped figure.
func (inc Incident) Lifecycle() []LifecyclePoint {
	escaped, recaptured := inc.Metrics[Escaped].History, inc.Metrics[Recaptured].History
	var out []LifecyclePoint
	var cur LifecyclePoint
	i, j := 0, 0
	for i < len(escaped) || j < len(recaptured) {
		day := earliest(escaped, i, recaptured, j)
		for ; i < len(escaped) && escaped[i].Reported.Start.Equal(day); i++ {
			if b := escaped[i].Best; b != nil {
				cur.Escaped = *b
			}
		}
		for ; j < len(recaptured) && recaptured[j].Reported.Start.Equal(day); j++ {
			if b := recaptured[j].Best; b != nil {
				cur.Recaptured = *b
			}
		}
		if cur.Escaped == 0 {
			continue
		}
		cur.Reported, cur.AtLarge = day, max(cur.Escaped-cur.Recaptured, 0)
		out = append(out, cur)
	}
	return out
}

// earliest is the earlier of the next reported days of two histories.
func earliest(a []EstimatePoint, i int, b []EstimatePoint, j int) time.Time {
	switch {
	case i >= len(a):
		return b[j].Reported.Start
	case j >= len(b) || !b[j].Reported.Start.Before(a[i].Reported.Start):
		return a[i].Reported.Start
	}
	return b[j].Reported.Start
}
