// Package analyse finds waves: clusters of incidents closer together in time than chance
// explains, the question INTERPOL put to its members in August 2013 ("are these events
// coordinated or linked?"). It is pure: incidents in, waves out, with no store.
//
// By default the test is Kulldorff's scan statistic applied to time (Kulldorff 1997; Naus 1965 for
// the scan on a line): every window of up to WindowDays days holding at least MinIncidents
// incidents is scored by its Poisson log-likelihood ratio against a constant rate over the study
// period. Grouped by actor family or country, it is the space-time permutation scan statistic
// (Kulldorff et al. 2005) with the groups as zones, which needs no baseline rate. Either way the
// best windows are compared with the maxima of Monte Carlo replications under the null hypothesis
// (Dwass 1957), so scanning many windows is paid for in the p-value. Replications run in parallel
// on seeded generators, one per replication: the result does not depend on scheduling. The
// evidence that two incidents are related (actor family, campaign, claimant, citing reports,
// methods, time gap) is listed piece by piece with its weight. docs/waves.md has the references.
package analyse
