// Package analyse finds waves: clusters of incidents closer together in time than the baseline
// rate of incidents predicts, the question INTERPOL put to its members in August 2013 ("are these
// events coordinated or linked?"). It is pure: incidents in, waves out, with no store.
//
// The test is Kulldorff's scan statistic applied to time (Kulldorff 1997; Naus 1965 for the scan
// on a line): every window of up to WindowDays days holding at least MinIncidents incidents is
// scored by its Poisson log-likelihood ratio against a constant rate over the study period, and
// the maximum over all windows is compared with the maxima of Monte Carlo replications drawn
// under that null (Dwass 1957), so scanning many windows is paid for in the p-value. Replications
// run in parallel on seeded generators, one per replication: the result does not depend on
// scheduling. The evidence that two incidents are related (actor family, campaign, claimant,
// methods, time gap) is listed piece by piece with its weight. docs/waves.md has the references.
package analyse
