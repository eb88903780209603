package link

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Vote is one line of an incident's tally: the support one value of one field has among the
// incident's mentions. An incident's fields are decided from its tally alone (Decide), so a new
// mention adds a few votes to the tally and never needs the incident's other mentions.
type Vote struct {
	Field  string // one of the Vote* fields
	Key    string // the value counted, in its compared form
	Weight int
	Rank   string // the value with the smallest rank among those of one key is the one shown
	Value  string // that value
}

// The fields of a tally.
const (
	VoteType        = "type"        // Key: the event type
	VoteDate        = "date"        // Key: precision rank and start day; Value: the precision
	VoteDateEnd     = "date_end"    // Key: precision rank; Value: the latest end day
	VotePlace       = "place"       // Key: geo rank and place identity; Value: the place as JSON
	VoteAdmin1      = "admin1"      // Key: the folded name; Value: as written
	VoteCountry     = "country"     // Key: the folded name; Value: as written
	VoteFacility    = "facility"    // Key: the name's tokens; Value: as written
	VotePerpetrator = "perpetrator" // unions: Key is the value
	VoteMethod      = "method"
	VoteCampaign    = "campaign"
)

// Votes is what one mention adds to its incident's tally. A voting mention weighs 2 when primary
// and 1 otherwise; a mention that does not vote (its document copies another document of the
// incident) adds only to the unions of perpetrators, methods and campaigns.
func Votes(m model.Mention, voter bool) []Vote {
	var out []Vote
	for _, u := range []struct {
		field  string
		values []string
	}{{VotePerpetrator, m.Perpetrators}, {VoteMethod, m.Methods}, {VoteCampaign, m.Campaigns}} {
		for _, v := range u.values {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, Vote{Field: u.field, Key: v, Weight: 1})
			}
		}
	}
	if !voter {
		return out
	}
	w := weight(m)
	order := SortKey(m)
	if m.Type != "" {
		out = append(out, Vote{Field: VoteType, Key: string(m.Type), Weight: w})
	}
	if !m.Date.IsZero() {
		rank := strconv.Itoa(m.Date.Precision.Rank())
		out = append(out, Vote{Field: VoteDate, Key: rank + " " + m.Date.Start.UTC().Format(model.DateLayout), Weight: w, Value: string(m.Date.Precision)})
		if m.Date.End != nil {
			end := m.Date.End.UTC()
			// The latest end has the smallest rank: days counted back from the year 9999.
			out = append(out, Vote{Field: VoteDateEnd, Key: rank, Weight: w, Rank: fmt.Sprintf("%09d", 3_000_000-dayNumber(end)), Value: end.Format(model.DateLayout)})
		}
	}
	place, _ := json.Marshal(m.Place)
	out = append(out, Vote{Field: VotePlace, Key: strconv.Itoa(geoRank(m.Place.Precision)) + " " + placeIdentity(m.Place), Weight: w, Rank: order, Value: string(place)})
	for _, f := range []struct{ field, value string }{{VoteAdmin1, m.Place.Admin1}, {VoteCountry, m.Place.Country}} {
		if f.value != "" {
			out = append(out, Vote{Field: f.field, Key: strings.Join(foldTokens(f.value), " "), Weight: w, Rank: order, Value: f.value})
		}
	}
	if raw := strings.TrimSpace(m.Facility); raw != "" {
		key := strings.Join(facilityTokens(raw), " ")
		if key == "" {
			key = unnamed + strings.Join(foldTokens(raw), " ") // "the prison"
		}
		// The longest spelling has the smallest rank, then the first in lexical order.
		out = append(out, Vote{Field: VoteFacility, Key: key, Weight: w, Rank: fmt.Sprintf("%06d", 999_999-len(raw)) + raw, Value: raw})
	}
	return out
}

// unnamed starts the key of a facility named by generic words only.
const unnamed = "\x00"

func weight(m model.Mention) int {
	if m.Salience == "primary" {
		return 2
	}
	return 1
}

// Tally merges votes on one field and key: weights add up, the value of the smallest rank stays.
// The result is sorted by field and key.
func Tally(vs []Vote) []Vote {
	out := append([]Vote(nil), vs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Field != out[j].Field {
			return out[i].Field < out[j].Field
		}
		return out[i].Key < out[j].Key
	})
	n := 0
	for _, v := range out {
		if n > 0 && out[n-1].Field == v.Field && out[n-1].Key == v.Key {
			merged := &out[n-1]
			merged.Weight += v.Weight
			if v.Rank < merged.Rank {
				merged.Rank, merged.Value = v.Rank, v.Value
			}
			continue
		}
		out[n] = v
		n++
	}
	return out[:n]
}

// Decide chooses an incident's fields from its tally:
//   - Type: the vote, ties by the types' precedence (model.EventTypes);
//   - Date: among the finest precision given, the start cited most (ties: the earliest), with
//     the latest end any of them gives;
//   - Place: among the most precise (facility, place, admin1, country), the one cited most
//     (ties: the first in key order), its missing admin1 or country filled by the vote;
//   - Facility: the name with most support, a mention supporting every name that contains its
//     own (so "Kabba prison" supports "Kabba Medium Security Custodial Centre"), ties by length;
//   - Perpetrators: the union, where a branch replaces its root organisation;
//   - Methods, Campaigns: unions.
func Decide(vs []Vote, fam Family) model.Incident {
	by := map[string][]Vote{}
	for _, v := range vs {
		by[v.Field] = append(by[v.Field], v)
	}
	return model.Incident{
		Type:         chooseType(by[VoteType]),
		Date:         chooseDate(by[VoteDate], by[VoteDateEnd]),
		Place:        choosePlace(by[VotePlace], by[VoteAdmin1], by[VoteCountry]),
		Facility:     chooseFacility(by[VoteFacility]),
		Perpetrators: choosePerpetrators(keys(by[VotePerpetrator]), fam),
		Methods:      keys(by[VoteMethod]),
		Campaigns:    keys(by[VoteCampaign]),
	}
}

// keys is the sorted set of the votes' keys.
func keys(vs []Vote) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Key)
	}
	sort.Strings(out)
	return compactStrings(out)
}

func chooseType(vs []Vote) model.EventType {
	votes := map[model.EventType]int{}
	for _, v := range vs {
		votes[model.EventType(v.Key)] += v.Weight
	}
	var best model.EventType
	for _, e := range model.EventTypes { // in precedence order: the more informative account wins ties
		if votes[e.Type] > votes[best] {
			best = e.Type
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

func chooseDate(starts, ends []Vote) model.Date {
	var chosen model.Date
	finest, bestWeight := "", 0
	for _, v := range starts { // sorted by key: finest rank first, then by day
		rank, day, _ := strings.Cut(v.Key, " ")
		if finest != "" && rank != finest {
			break
		}
		if finest == "" || v.Weight > bestWeight {
			start, err := time.Parse(model.DateLayout, day)
			if err != nil {
				continue
			}
			finest, bestWeight = rank, v.Weight
			chosen = model.Date{Start: start, Precision: model.Precision(v.Value)}
		}
	}
	for _, v := range ends {
		if v.Key != finest {
			continue
		}
		if end, err := time.Parse(model.DateLayout, v.Value); err == nil && end.After(chosen.Start) {
			chosen.End = &end
		}
	}
	return chosen
}

func choosePlace(places, admin1, country []Vote) model.Place {
	best := firstAmongMost(places, func(v Vote) bool {
		rank, _, _ := strings.Cut(v.Key, " ")
		first, _, _ := strings.Cut(places[0].Key, " ")
		return rank == first
	})
	var place model.Place
	if best != nil {
		_ = json.Unmarshal([]byte(best.Value), &place) // written by Votes
	}
	if v := firstAmongMost(admin1, nil); place.Admin1 == "" && v != nil {
		place.Admin1 = v.Value
	}
	if v := firstAmongMost(country, nil); place.Country == "" && v != nil {
		place.Country = v.Value
	}
	return place
}

// firstAmongMost is the vote of largest weight among those keep accepts (nil: all), ties by
// rank (for places: the first cited in key order); nil when none is accepted.
func firstAmongMost(vs []Vote, keep func(Vote) bool) *Vote {
	var best *Vote
	for i := range vs {
		v := &vs[i]
		if keep != nil && !keep(*v) {
			continue
		}
		if best == nil || v.Weight > best.Weight || v.Weight == best.Weight && v.Rank < best.Rank {
			best = v
		}
	}
	return best
}

// chooseFacility picks the facility name with most support; see Decide.
func chooseFacility(vs []Vote) string {
	var best *Vote
	bestSupport := 0
	for i := range vs {
		n := &vs[i]
		support := 0
		for _, v := range vs {
			if facilitySupports(v.Key, n.Key) {
				support += v.Weight
			}
		}
		if best == nil || better(n, support, best, bestSupport) {
			best, bestSupport = n, support
		}
	}
	if best == nil {
		return ""
	}
	return best.Value
}

// facilitySupports reports whether a mention of facility key a supports the name of key b: its
// tokens are all in b's, or both are named by generic words only.
func facilitySupports(a, b string) bool {
	if strings.HasPrefix(a, unnamed) || strings.HasPrefix(b, unnamed) {
		return strings.HasPrefix(a, unnamed) && strings.HasPrefix(b, unnamed)
	}
	return subset(strings.Fields(a), strings.Fields(b))
}

// better orders facility names: named over unnamed ("the prison"), then more support, then
// written in Latin letters (the script the record is read in, when reports in several scripts
// name it alike), then longer, then lexical.
func better(n *Vote, support int, best *Vote, bestSupport int) bool {
	if named, bestNamed := !strings.HasPrefix(n.Key, unnamed), !strings.HasPrefix(best.Key, unnamed); named != bestNamed {
		return named
	}
	if support != bestSupport {
		return support > bestSupport
	}
	if latin, bestLatin := latinLetters(n.Value), latinLetters(best.Value); latin != bestLatin {
		return latin
	}
	return n.Rank < best.Rank
}

// latinLetters reports a name with a letter of the Latin script.
func latinLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) >= 0
}

// choosePerpetrators drops a name that is itself a family root when a more specific member of
// its family is named ("Islamic State Khorasan Province" over "Islamic State").
func choosePerpetrators(names []string, fam Family) []string {
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

// placeIdentity says when two places are the same: one GeoNames id, else the same folded names.
func placeIdentity(p model.Place) string {
	if p.GeonameID != 0 {
		return "geonames:" + strconv.FormatInt(p.GeonameID, 10)
	}
	return strings.Join([]string{p.Country, strings.Join(nameTokens(p.Admin1, placeStopWords), " "),
		strings.Join(nameTokens(p.Name, placeStopWords), " ")}, "|")
}
