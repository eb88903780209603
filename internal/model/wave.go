package model

import "time"

// Wave is a cluster of incidents closer together in time than the baseline rate of incidents
// predicts, found by a significance test rather than by a name in the text. It answers the
// question "are these attacks coordinated or linked?" with a p-value and the evidence that links
// its incidents, and it records the method and parameters that found it.
type Wave struct {
	ID        string    // stable: derived from the earliest incident of the wave
	Group     string    // the actor family or country the incidents share, when the test was grouped
	Start     time.Time // first day of the scan window, UTC midnight
	End       time.Time // last day of the scan window
	Incidents []string  // incident ids, in date order
	Countries []string  // ISO alpha-2, sorted
	Actors    []string  // perpetrator families, sorted
	Shared    []string  // families that two or more of the incidents share
	Campaigns []string  // campaigns any incident names, sorted
	Links     []WaveLink
	Observed  int     // incidents in the window
	Expected  float64 // incidents the baseline rate predicts for a window this long
	LLR       float64 // log-likelihood ratio of the window (the scan statistic)
	PValue    float64 // Monte Carlo p-value: (rank of LLR among the replicate maxima) / (R+1)
	Method    WaveMethod
}

// WaveMethod is how a wave was found: enough to repeat the computation exactly.
type WaveMethod struct {
	Name           string      // "temporal-scan" or "space-time-permutation-scan"
	By             string      // grouping of the permutation scan: "family", "country"; "" for time alone
	Reference      string      // the literature the statistic follows
	WindowDays     int         // longest window scanned
	MinIncidents   int         // fewest incidents a window must hold to be scanned
	Alpha          float64     // significance level a wave must reach
	Replications   int         // Monte Carlo replications
	Seed           uint64      // seed of the replications' generators
	Since, Until   time.Time   // the baseline (study) period
	StudyIncidents int         // incidents with a day-precise date in the study period
	Types          []EventType // incident types analysed
}

// WaveLink is the evidence that two incidents of a wave are related, each piece with its weight.
// Weight is the plain sum of the pieces' weights, so the reader can check it.
type WaveLink struct {
	A, B     string // incident ids, A the earlier
	GapDays  int
	Evidence []LinkEvidence
	Weight   float64
}

// LinkEvidence is one reason to think two incidents are related.
type LinkEvidence struct {
	Kind   string // same_actor, same_family, shared_campaign, named_campaign, same_claimant, shared_method, cites, time_gap; same_reports (weight 0) is a caution
	Detail string // what was matched, in words
	Weight float64
}

// WaveAnalysis is one run of wave detection over the store: the method and parameters, the
// critical value a window had to beat, and the waves found.
type WaveAnalysis struct {
	Method      WaveMethod
	CriticalLLR *float64 // the LLR a window must exceed to reach Alpha; nil when none can or no test ran
	ComputedAt  time.Time
	Waves       []Wave
}
