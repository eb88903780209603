package link

import (
	"sort"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// typePrecedence breaks ties in the type vote: the more informative account wins (an assault
// that freed inmates says more than "inmates escaped", which says more than "a riot").
var typePrecedence = []model.EventType{
	model.FacilityAttack, model.MassEscape, model.ThwartedAttack, model.Riot, model.OtherAttack,
}

// Build makes the incident of one cluster. Votes are weighted 2 for a primary mention and 1
// otherwise, and a mention from a near-duplicate of another document in the cluster does not
// vote. The fields:
//   - ID: ClusterID (AssignIDs may replace it with an id assigned before);
//   - Type: the vote, ties by typePrecedence;
//   - Date: among the finest precision given, the start cited most (ties: the earliest), with
//     the latest end any of them gives;
//   - Place: among the most precise (facility, place, admin1, country), the one cited most
//     (ties: the first in key order), its missing admin1 or country filled by the vote;
//   - Facility: the name with most support, a mention supporting every name that contains its
//     own (so "Kabba prison" supports "Kabba Medium Security Custodial Centre"), ties by length;
//   - Perpetrators: the union, where a branch replaces its root organisation;
//   - Methods, Campaigns: unions; Documents: every cited document, by publication date;
//   - Metrics: Reconcile over all claims on each metric.
//
// UpdatedAt is left to the caller.
func Build(cluster []model.Mention, docs map[string]model.DocumentRef, fam Family) model.Incident {
	ms := uniqueSorted(cluster)
	voters := votingMentions(ms, docs)
	return model.Incident{
		ID:           ClusterID(ms),
		Type:         chooseType(voters),
		Date:         chooseDate(voters),
		Place:        choosePlace(voters),
		Facility:     chooseFacility(voters),
		Perpetrators: choosePerpetrators(ms, fam),
		Methods:      unionOf(ms, func(m model.Mention) []string { return m.Methods }),
		Campaigns:    unionOf(ms, func(m model.Mention) []string { return m.Campaigns }),
		Documents:    documentRefs(ms, docs),
		Metrics:      metrics(ms, docs),
	}
}

// votingMentions drops mentions whose document near-duplicates another document of the cluster.
func votingMentions(ms []model.Mention, docs map[string]model.DocumentRef) []model.Mention {
	present := map[string]bool{}
	for _, m := range ms {
		present[m.DocumentID] = true
	}
	var out []model.Mention
	for _, m := range ms {
		if root := rootDocument(m.DocumentID, docs); root == m.DocumentID || !present[root] {
			out = append(out, m)
		}
	}
	return out
}

func weight(m model.Mention) int {
	if m.Salience == "primary" {
		return 2
	}
	return 1
}

func chooseType(ms []model.Mention) model.EventType {
	votes := map[model.EventType]int{}
	for _, m := range ms {
		if m.Type != "" {
			votes[m.Type] += weight(m)
		}
	}
	var best model.EventType
	for _, t := range typePrecedence {
		if votes[t] > votes[best] {
			best = t
		}
	}
	if best == "" {
		for t := range votes { // types outside the contract, taken in name order
			if best == "" || votes[t] > votes[best] || votes[t] == votes[best] && t < best {
				best = t
			}
		}
	}
	return best
}

func chooseDate(ms []model.Mention) model.Date {
	finest := -1
	for _, m := range ms {
		if !m.Date.IsZero() && (finest < 0 || m.Date.Precision.Rank() < finest) {
			finest = m.Date.Precision.Rank()
		}
	}
	votes := map[int]int{}
	var chosen model.Date
	for _, m := range ms {
		if m.Date.IsZero() || m.Date.Precision.Rank() != finest {
			continue
		}
		day := dayNumber(m.Date.Start)
		votes[day] += weight(m)
		cur := dayNumber(chosen.Start)
		if chosen.IsZero() || votes[day] > votes[cur] || votes[day] == votes[cur] && day < cur {
			chosen = model.Date{Start: m.Date.Start, Precision: m.Date.Precision}
		}
	}
	for _, m := range ms {
		if m.Date.Precision.Rank() == finest && m.Date.End != nil && m.Date.End.After(chosen.Start) &&
			(chosen.End == nil || m.Date.End.After(*chosen.End)) {
			end := *m.Date.End
			chosen.End = &end
		}
	}
	return chosen
}

func geoRank(p model.GeoPrecision) int {
	switch p {
	case model.GeoFacility:
		return 0
	case model.GeoPlace:
		return 1
	case model.GeoAdmin1:
		return 2
	case model.GeoCountry:
		return 3
	}
	return 4
}

func choosePlace(ms []model.Mention) model.Place {
	if len(ms) == 0 {
		return model.Place{}
	}
	best := geoRank(ms[0].Place.Precision)
	for _, m := range ms {
		best = min(best, geoRank(m.Place.Precision))
	}
	var candidates []model.Place
	var weights []int
	for _, m := range ms {
		if geoRank(m.Place.Precision) == best {
			candidates = append(candidates, m.Place)
			weights = append(weights, weight(m))
		}
	}
	place := mostCited(candidates, weights, placeIdentity)
	if place.Admin1 == "" {
		place.Admin1 = mostCitedString(ms, func(m model.Mention) string { return m.Place.Admin1 })
	}
	if place.Country == "" {
		place.Country = mostCitedString(ms, func(m model.Mention) string { return m.Place.Country })
	}
	return place
}

// placeIdentity says when two places are the same: one GeoNames id, else the same folded names.
func placeIdentity(p model.Place) string {
	if p.GeonameID != 0 {
		return "geonames:" + strconv.FormatInt(p.GeonameID, 10)
	}
	return strings.Join([]string{p.Country, strings.Join(nameTokens(p.Admin1, placeStopWords), " "),
		strings.Join(nameTokens(p.Name, placeStopWords), " ")}, "|")
}

// mostCited returns the value whose identity has the largest total weight, ties by first seen.
func mostCited[T any](values []T, weights []int, identity func(T) string) T {
	total := map[string]int{}
	for i, v := range values {
		total[identity(v)] += weights[i]
	}
	var best T
	bestN := 0
	for _, v := range values {
		if n := total[identity(v)]; n > bestN {
			best, bestN = v, n
		}
	}
	return best
}

// mostCitedString is the most cited non-empty value of a field, ties by first seen.
func mostCitedString(ms []model.Mention, field func(model.Mention) string) string {
	var values []string
	var weights []int
	for _, m := range ms {
		if v := field(m); v != "" {
			values = append(values, v)
			weights = append(weights, weight(m))
		}
	}
	return mostCited(values, weights, func(s string) string { return strings.Join(foldTokens(s), " ") })
}

// chooseFacility picks the facility name with most support; see Build.
func chooseFacility(ms []model.Mention) string {
	type name struct {
		display string
		tokens  []string
		support int
	}
	var names []*name
	byKey := map[string]*name{}
	for _, m := range ms {
		raw := strings.TrimSpace(m.Facility)
		if raw == "" {
			continue
		}
		toks := nameTokens(raw, facilityStopWords)
		key := strings.Join(toks, " ")
		if key == "" {
			key = "\x00" + strings.Join(foldTokens(raw), " ") // unnamed: "the prison"
		}
		n, ok := byKey[key]
		if !ok {
			n = &name{tokens: toks}
			byKey[key] = n
			names = append(names, n)
		}
		if len(raw) > len(n.display) || len(raw) == len(n.display) && raw < n.display {
			n.display = raw
		}
	}
	for _, n := range names {
		for _, m := range ms {
			toks := nameTokens(m.Facility, facilityStopWords)
			if subset(toks, n.tokens) || len(n.tokens) == 0 && len(toks) == 0 && strings.TrimSpace(m.Facility) != "" {
				n.support += weight(m)
			}
		}
	}
	var best *name
	for _, n := range names {
		if best == nil || better(n.tokens, n.support, n.display, best.tokens, best.support, best.display) {
			best = n
		}
	}
	if best == nil {
		return ""
	}
	return best.display
}

// better orders facility names: named over unnamed ("the prison"), then more support, then
// longer, then lexical.
func better(tokens []string, support int, display string, bestTokens []string, bestSupport int, bestDisplay string) bool {
	if (len(tokens) == 0) != (len(bestTokens) == 0) {
		return len(tokens) > 0
	}
	if support != bestSupport {
		return support > bestSupport
	}
	if len(display) != len(bestDisplay) {
		return len(display) > len(bestDisplay)
	}
	return display < bestDisplay
}

// choosePerpetrators is the union of named actors, where a name that is itself a family root
// gives way to a more specific member of its family ("Islamic State Khorasan Province" over
// "Islamic State").
func choosePerpetrators(ms []model.Mention, fam Family) []string {
	names := unionOf(ms, func(m model.Mention) []string { return m.Perpetrators })
	hasBranch := map[string]bool{}
	for _, n := range names {
		if f := familyOf(n, fam); f != n {
			hasBranch[f] = true
		}
	}
	var out []string
	for _, n := range names {
		if !(hasBranch[n] && familyOf(n, fam) == n) {
			out = append(out, n)
		}
	}
	return out
}

// unionOf is the sorted set of non-empty values a field holds across mentions.
func unionOf(ms []model.Mention, field func(model.Mention) []string) []string {
	var out []string
	for _, m := range ms {
		for _, v := range field(m) {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

// documentRefs cites each document once, by publication date (unknown last), then id. A
// document missing from docs is cited by its id alone.
func documentRefs(ms []model.Mention, docs map[string]model.DocumentRef) []model.DocumentRef {
	var out []model.DocumentRef
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m.DocumentID] {
			continue
		}
		seen[m.DocumentID] = true
		ref, ok := docs[m.DocumentID]
		if !ok {
			ref = model.DocumentRef{ID: m.DocumentID}
		}
		out = append(out, ref)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		switch {
		case a != nil && b != nil && !a.Equal(*b):
			return a.Before(*b)
		case (a == nil) != (b == nil):
			return a != nil
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// metrics reconciles every metric that has claims.
func metrics(ms []model.Mention, docs map[string]model.DocumentRef) map[model.Metric]model.Estimate {
	claims := map[model.Metric][]model.Claim{}
	for _, m := range ms {
		for _, c := range m.Claims {
			if c.Metric != "" {
				claims[c.Metric] = append(claims[c.Metric], c)
			}
		}
	}
	out := make(map[model.Metric]model.Estimate, len(claims))
	for metric, cs := range claims {
		out[metric] = Reconcile(metric, cs, docs)
	}
	return out
}
