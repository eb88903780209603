package export

import (
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// WaveAnalysis is a run of wave detection on the wire: the method and parameters, the critical
// value a window had to beat and the waves found, latest first.
type WaveAnalysis struct {
	ComputedAt  *string    `json:"computed_at"` // RFC 3339; null before the first run
	Method      WaveMethod `json:"method"`
	CriticalLLR *float64   `json:"critical_llr"` // null when no window could reach the level or no test ran
	Waves       []Wave     `json:"waves"`
}

// Wave is one wave on the wire. Field names are a public interface: add, never rename.
type Wave struct {
	ID           string     `json:"id"`
	Group        string     `json:"group,omitempty"` // the actor family or country of a grouped test
	Start        string     `json:"start"`
	End          string     `json:"end"`
	Incidents    []string   `json:"incidents"`
	Countries    []string   `json:"countries"`
	Actors       []string   `json:"actors"`
	SharedActors []string   `json:"shared_actors"`
	Campaigns    []string   `json:"campaigns"`
	Observed     int        `json:"observed"`
	Expected     float64    `json:"expected"`
	LLR          float64    `json:"llr"`
	PValue       float64    `json:"p_value"`
	Links        []WaveLink `json:"links"`
	Method       WaveMethod `json:"method"`
}

// WaveLink is the evidence between two incidents of a wave; weight is the sum of the pieces'.
type WaveLink struct {
	A        string         `json:"a"`
	B        string         `json:"b"`
	GapDays  int            `json:"gap_days"`
	Weight   float64        `json:"weight"`
	Evidence []LinkEvidence `json:"evidence"`
}

// LinkEvidence is one reason to relate two incidents, with its weight.
type LinkEvidence struct {
	Kind   string  `json:"kind"`
	Detail string  `json:"detail"`
	Weight float64 `json:"weight"`
}

// WaveMethod is how waves were found.
type WaveMethod struct {
	Name           string   `json:"name"`
	Reference      string   `json:"reference"`
	By             string   `json:"by"` // "family", "country" or "" (time alone)
	WindowDays     int      `json:"window_days"`
	MinIncidents   int      `json:"min_incidents"`
	Alpha          float64  `json:"alpha"`
	Replications   int      `json:"replications"`
	Seed           uint64   `json:"seed"`
	Since          *string  `json:"since"`
	Until          *string  `json:"until"`
	StudyIncidents int      `json:"study_incidents"`
	Types          []string `json:"types"`
}

// FromWaveAnalysis converts a run of wave detection to its wire form.
func FromWaveAnalysis(a model.WaveAnalysis) WaveAnalysis {
	out := WaveAnalysis{Method: FromWaveMethod(a.Method), CriticalLLR: a.CriticalLLR, Waves: make([]Wave, 0, len(a.Waves))}
	if !a.ComputedAt.IsZero() {
		s := a.ComputedAt.UTC().Format(time.RFC3339)
		out.ComputedAt = &s
	}
	for _, w := range a.Waves {
		out.Waves = append(out.Waves, FromWave(w))
	}
	return out
}

// FromWave converts a wave to its wire form, with empty lists rather than nulls.
func FromWave(w model.Wave) Wave {
	out := Wave{ID: w.ID, Group: w.Group, Start: w.Start.Format(model.DateLayout), End: w.End.Format(model.DateLayout),
		Incidents: list(w.Incidents), Countries: list(w.Countries), Actors: list(w.Actors), SharedActors: list(w.Shared),
		Campaigns: list(w.Campaigns), Observed: w.Observed, Expected: w.Expected, LLR: w.LLR, PValue: w.PValue,
		Links: make([]WaveLink, 0, len(w.Links)), Method: FromWaveMethod(w.Method)}
	for _, l := range w.Links {
		wl := WaveLink{A: l.A, B: l.B, GapDays: l.GapDays, Weight: l.Weight, Evidence: make([]LinkEvidence, 0, len(l.Evidence))}
		for _, e := range l.Evidence {
			wl.Evidence = append(wl.Evidence, LinkEvidence(e))
		}
		out.Links = append(out.Links, wl)
	}
	return out
}

// FromWaveMethod converts a wave method to its wire form.
func FromWaveMethod(m model.WaveMethod) WaveMethod {
	out := WaveMethod{Name: m.Name, Reference: m.Reference, By: m.By, WindowDays: m.WindowDays, MinIncidents: m.MinIncidents,
		Alpha: m.Alpha, Replications: m.Replications, Seed: m.Seed, Since: day(m.Since), Until: day(m.Until),
		StudyIncidents: m.StudyIncidents, Types: []string{}}
	for _, t := range m.Types {
		out.Types = append(out.Types, string(t))
	}
	return out
}

func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
