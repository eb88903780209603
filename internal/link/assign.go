package link

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Member is one distinct way in which mentions of an incident compare with others, and how many
// of its mentions compare that way. A story reported thousands of times is told in a handful of
// ways, so an incident is weighed by its members, however many reports it has.
type Member struct {
	Code  string // ProfileCode of the mentions
	Count int
}

// Candidate is a stored incident as linking sees it. First is the key of its first mention in
// key order: it breaks ties between equally good incidents without regard to arrival order.
type Candidate struct {
	ID      string
	First   string
	Members []Member
}

// ProfileCode is the compact text of what Compatible looks at in a mention (everything but its
// document): names already folded, the date as a window of day numbers. Mentions with one code
// compare alike with any other mention.
func ProfileCode(m model.Mention, fam Family) string {
	p := newProfile(m, fam)
	return p.code()
}

// Fields of a profile code, separated by tabs; lists are separated by spaces (tokens) or by
// the unit separator (family names, which may hold spaces).
const (
	codeFields       = 11
	legacyCodeFields = 10 // codes stored before the titled-only mark, read as not titled only
	familySep        = "\x1f"
)

func (p *profile) code() string {
	lo, hi, lat, lon := "", "", "", ""
	if p.dated {
		lo, hi = strconv.Itoa(p.lo), strconv.Itoa(p.hi)
	}
	if p.hasCoord {
		lat, lon = strconv.FormatFloat(p.lat, 'g', -1, 64), strconv.FormatFloat(p.lon, 'g', -1, 64)
	}
	return strings.Join([]string{p.country, string(p.typ), lo, hi, strings.Join(p.facility, " "),
		strings.Join(p.place, " "), strings.Join(p.admin1, " "), strconv.FormatInt(p.geonameID, 10),
		lat + " " + lon, strings.Join(p.families, familySep), titledMark(p.titledOnly)}, "\t")
}

// titledMark writes whether a profile's facility is named by generic words alone.
func titledMark(titled bool) string {
	if titled {
		return "t"
	}
	return ""
}

// decodeProfile reads a profile code back; the profile has no document.
func decodeProfile(code string) (profile, error) {
	f := strings.Split(code, "\t")
	if len(f) != codeFields && len(f) != legacyCodeFields {
		return profile{}, fmt.Errorf("profile code %q: %d fields, want %d", code, len(f), codeFields)
	}
	p := profile{country: f[0], typ: model.EventType(f[1]), facility: inEnglish(tokens(f[4])),
		place: tokens(f[5]), admin1: tokens(f[6])}
	var err error
	if f[2] != "" {
		p.dated = true
		if p.lo, err = strconv.Atoi(f[2]); err == nil {
			p.hi, err = strconv.Atoi(f[3])
		}
	}
	if err == nil {
		p.geonameID, err = strconv.ParseInt(f[7], 10, 64)
	}
	if lat, lon, _ := strings.Cut(f[8], " "); err == nil && lat != "" {
		p.hasCoord = true
		if p.lat, err = strconv.ParseFloat(lat, 64); err == nil {
			p.lon, err = strconv.ParseFloat(lon, 64)
		}
	}
	if err != nil {
		return profile{}, fmt.Errorf("profile code %q: %w", code, err)
	}
	if f[9] != "" {
		p.families = strings.Split(f[9], familySep)
	}
	p.coarse = len(p.facility) == 0 && len(p.place) == 0
	p.titledOnly = len(f) == codeFields && f[10] == "t"
	return p, nil
}

// tokens splits space-separated tokens; nil when there are none, as nameTokens gives.
func tokens(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}

// summary is an incident reduced to its distinct member profiles.
type summary struct {
	first   string
	members []profile
	counts  []int
	precise bool // some member names a facility or a place
}

func (s *summary) add(p profile, count int) {
	s.members = append(s.members, p)
	s.counts = append(s.counts, count)
	s.precise = s.precise || !p.coarse
}

// Assign decides which candidate incident each mention of one new document joins: the id, or ""
// for a new incident. The rules follow Cluster's:
//   - a mention joins only an incident every member of which it is Compatible with (complete
//     linkage), so no two mentions of the document join one incident;
//   - a mention known only to admin1 or country level joins an incident that names a facility
//     or a place only when it is the only one it is compatible with; otherwise it may join an
//     incident of such coarse mentions;
//   - the most similar pair decides first: a mention's similarity to an incident is that of its
//     most similar member, then the mean over all its mentions; ties go to the incident whose
//     first mention comes first in key order.
func Assign(ms []model.Mention, cands []Candidate, fam Family) ([]string, error) {
	decoded := make([]*Decoded, len(cands))
	for i, c := range cands {
		var err error
		if decoded[i], err = Decode(c); err != nil {
			return nil, err
		}
	}
	return AssignDecoded(ms, decoded, fam), nil
}

// Decoded is a candidate incident with its members' codes decoded, as Assign compares mentions
// with it. The same incidents are near many mentions: a linker that keeps them decoded from one
// document to the next (and decodes one again once a member joins it) saves decoding their codes
// for each, half of Assign's cost in a store of 90,000 documents.
type Decoded struct {
	id  string
	sum summary
}

// Decode decodes a candidate's member codes.
func Decode(c Candidate) (*Decoded, error) {
	d := &Decoded{id: c.ID, sum: summary{first: c.First}}
	for _, m := range c.Members {
		p, err := decodeProfile(m.Code)
		if err != nil {
			return nil, fmt.Errorf("incident %s: %w", c.ID, err)
		}
		d.sum.add(p, m.Count)
	}
	return d, nil
}

// AssignDecoded is Assign over candidates decoded before (Decode); it does not change them.
func AssignDecoded(ms []model.Mention, cands []*Decoded, fam Family) []string {
	sums := make([]*summary, len(cands))
	for i, c := range cands {
		sums[i] = &c.sum
	}
	ps := make([]profile, len(ms))
	for i, m := range ms {
		ps[i] = newProfile(m, fam)
	}
	out := make([]string, len(ms))
	for i, g := range assign(ps, sums) {
		if g >= 0 {
			out[i] = cands[g].id
		}
	}
	return out
}

// option is a possible join of mention m to summary g.
type option struct {
	m, g      int
	best, avg float64
}

// assign returns for each profile (all of one document) the index of the summary it joins, or
// -1; see Assign.
func assign(ps []profile, sums []*summary) []int {
	var opts []option
	for i := range ps {
		opts = append(opts, options(&ps[i], i, sums)...)
	}
	sort.Slice(opts, func(x, y int) bool {
		a, b := opts[x], opts[y]
		switch {
		case a.best != b.best:
			return a.best > b.best
		case a.avg != b.avg:
			return a.avg > b.avg
		case sums[a.g].first != sums[b.g].first:
			return sums[a.g].first < sums[b.g].first
		}
		return a.m < b.m
	})
	out := make([]int, len(ps))
	for i := range out {
		out[i] = -1
	}
	taken := make([]bool, len(sums))
	for _, o := range opts {
		if out[o.m] < 0 && !taken[o.g] {
			out[o.m], taken[o.g] = o.g, true
		}
	}
	return out
}

// options lists the summaries one mention may join, by the coarse rule of Assign.
func options(p *profile, m int, sums []*summary) []option {
	var precise, coarse []option
	for g, s := range sums {
		best, avg, ok := similarity(p, s)
		switch {
		case !ok:
		case s.precise:
			precise = append(precise, option{m, g, best, avg})
		default:
			coarse = append(coarse, option{m, g, best, avg})
		}
	}
	if p.coarse && len(precise) != 1 {
		return coarse
	}
	return append(precise, coarse...)
}

// similarity compares a mention with every member of an incident: the best and the mean score,
// and whether it is compatible with all of them.
func similarity(p *profile, s *summary) (best, avg float64, ok bool) {
	best = math.Inf(-1)
	total, n := 0.0, 0
	for i := range s.members {
		score, ok := compare(p, &s.members[i])
		if !ok {
			return 0, 0, false
		}
		best = max(best, score)
		total += score * float64(s.counts[i])
		n += s.counts[i]
	}
	return best, total / float64(max(n, 1)), true
}
