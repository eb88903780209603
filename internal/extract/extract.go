package extract

import (
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/names"
	"github.com/wallwatch/wallwatch/internal/urldate"
)

//go:embed data/facilities.tsv
var facilitiesTSV []byte

// Resources are the reference data extraction reads, passed in as functions so that this package
// stays pure and does not care where the gazetteer or the actor dictionary come from.
type Resources struct {
	// Place resolves a place name, preferring the given countries; ok is false for unknown or
	// too ambiguous names.
	Place func(name string, countries []string) (model.Place, bool)
	// Country resolves a country name or demonym ("Syria", "Syrian", "Syrie") to ISO alpha-2.
	Country func(name string) (string, bool)
	// Demonyms returns the countries' adjectives ("colombiano", "syrian"), lower-cased, with their
	// ISO alpha-2 codes; names are not adjectives. Read once, by New. Optional.
	Demonyms func() map[string]string
	// CountryPlace locates a country (ISO alpha-2) at its centroid.
	CountryPlace func(code string) (model.Place, bool)
	// Region resolves the name of a first-level division ("the state of Kaduna", "Kunduz
	// province"), preferring the given countries. Optional.
	Region func(name string, countries []string) (model.Place, bool)
	// Abbreviated resolves the abbreviation of a first-level division that a dateline writes
	// after its town, as written ("Calif.", "N.M.", "Ont."). Optional.
	Abbreviated func(abbr string) (model.Place, bool)
	// Within returns a resolver of place names for a text that names the given divisions: as
	// Place, preferring the namesake that lies in one of them ("Limoeiro, in Pernambuco").
	// Optional: Place without it.
	Within func(divisions []string) func(name string, countries []string) (model.Place, bool)
	// Nesting returns the countries in which one of the names is a place lying inside a division
	// that another of them names ("Sorel (Sorel, North Vale)"), most such pairs first, with nested
	// true; without such a pair, the countries where a name is a town of note in that country
	// only, with nested false. It places a text that names no country. Optional.
	Nesting func(names []string) (countries []string, nested bool)
	// CountryCode resolves the three-letter country code of a dataset's event id ("KEN",
	// "BFO") to ISO alpha-2. Optional.
	CountryCode func(code string) (string, bool)
	// DomainCountry resolves the country a web host names ("example.it": IT), false for generic
	// hosts ("example.com"). Optional.
	DomainCountry func(host string) (string, bool)
	// CountryName names a country (ISO alpha-2) in English: the state whose aircraft struck.
	// Optional.
	CountryName func(code string) (string, bool)
	// Capital locates a country's capital: "the capital" in a text about that country. Optional.
	Capital func(code string) (model.Place, bool)
	// Actors finds actor names in a text.
	Actors func(text string) []ActorMatch
	// SameFamily reports whether two actors belong to one organisation (a province and its parent).
	SameFamily func(a, b string) bool
	// Parent names the organisation an actor belongs to, "" for none or an unknown name: a
	// province's parent, where sister factions share one. Optional: no actor has a parent.
	Parent func(name string) string
	// Lexicon is the user's lexicon files, each merged over the built-in file of its language or
	// adding one. Optional.
	Lexicon []LexiconFile
	// Facilities are the user's known facilities, added to the embedded list; one of the same
	// name and country replaces the embedded row. Optional.
	Facilities []Facility
}

// ActorMatch is an actor named in a text.
type ActorMatch struct {
	Start, End int        // byte offsets
	Name       string     // canonical name
	Kind       string     // armed_group, state_force, government, monitor, media, perpetrator_media
	Role       model.Role // the role a statement by this actor has
	Country    string
	// Namesakes are the actors of other countries the same name stands for ("Maoist rebels" in
	// India and in Nepal): the text's countries choose among them and this one.
	Namesakes []ActorMatch
}

// Extractor turns documents into mentions. It is safe for concurrent use.
type Extractor struct {
	res           Resources
	lex           *lexicons
	facilities    []Facility
	facilityKeys  []string          // facilityKey of each facility's name
	keyedFacility map[string]int    // facility index by key, for keys only one facility has
	known         *lexicon          // aliases of known facilities, category = index into facilities
	demonyms      map[string]string // country adjectives folded as tokens are -> ISO2 (Resources.Demonyms)
}

// New builds an extractor over the given resources, the embedded lexicons and facility list.
func New(res Resources) (*Extractor, error) {
	if res.Place == nil || res.Country == nil || res.CountryPlace == nil || res.Actors == nil {
		return nil, fmt.Errorf("extract: Place, Country, CountryPlace and Actors resources are required")
	}
	if res.Region == nil {
		res.Region = func(string, []string) (model.Place, bool) { return model.Place{}, false }
	}
	if res.Within == nil {
		res.Within = func([]string) func(string, []string) (model.Place, bool) { return res.Place }
	}
	if res.Abbreviated == nil {
		res.Abbreviated = func(string) (model.Place, bool) { return model.Place{}, false }
	}
	if res.Nesting == nil {
		res.Nesting = func([]string) ([]string, bool) { return nil, false }
	}
	if res.CountryCode == nil {
		res.CountryCode = func(string) (string, bool) { return "", false }
	}
	if res.DomainCountry == nil {
		res.DomainCountry = func(string) (string, bool) { return "", false }
	}
	if res.CountryName == nil {
		res.CountryName = func(string) (string, bool) { return "", false }
	}
	if res.Capital == nil {
		res.Capital = func(string) (model.Place, bool) { return model.Place{}, false }
	}
	if res.SameFamily == nil {
		res.SameFamily = func(a, b string) bool { return a == b }
	}
	if res.Parent == nil {
		res.Parent = func(string) string { return "" }
	}
	lex, err := loadLexicons(res.Lexicon)
	if err != nil {
		return nil, err
	}
	facs, err := ParseFacilities(bytes.NewReader(facilitiesTSV), "facilities.tsv")
	if err != nil {
		return nil, err
	}
	facs = withFacilities(facs, res.Facilities)
	x := &Extractor{res: res, lex: lex, facilities: facs, known: newLexicon(), keyedFacility: map[string]int{}}
	x.known.words[elisionWords] = lex.all.words[elisionWords] // names are split as texts are
	x.known.proclitics = lex.all.proclitics                   // and "بسجن رومية" is "سجن رومية" after "in"
	for i, f := range facs {
		key := x.facilityKey(f.Name) // never empty: TestFacilityAliasesName
		x.facilityKeys = append(x.facilityKeys, key)
		if _, taken := x.keyedFacility[key]; taken {
			x.keyedFacility[key] = -1 // two facilities share it: it names neither
		} else {
			x.keyedFacility[key] = i
		}
		for _, name := range append([]string{f.Name}, f.Aliases...) {
			x.known.add(noCue, int32(i), name)
		}
	}
	maps.DeleteFunc(x.keyedFacility, func(_ string, i int) bool { return i < 0 })
	if res.Demonyms != nil {
		x.demonyms = map[string]string{}
		for w, cc := range res.Demonyms() {
			x.demonyms[foldWord(w)] = cc
		}
	}
	x.known.buildFilter()
	x.lex.all.markScanner(knownSlot, x.known)
	for _, lx := range x.lex.byLang {
		lx.markScanner(knownSlot, x.known)
		lx.markScanner(foreignSlot, x.lex.foreignFacilities)
	}
	return x, nil
}

// Extract returns the mentions of incidents in one document, the primary one first.
func (x *Extractor) Extract(doc model.Document) []model.Mention {
	a := x.analyse(doc)
	if a.fiction() {
		return nil // a review of a film or a book about a breakout
	}
	if a.trialReport() {
		return nil // a court's hearing of a past breakout or riot
	}
	if a.drill() {
		return nil // a security exercise that plays a riot or a breakout
	}
	frames := a.frames()
	exchange := a.exchangeTitle()
	var out []model.Mention
	for i, f := range frames {
		if exchange && freeingOnly(f) {
			continue // "Two planes carrying freed prisoners landed" in a story of a prisoner swap
		}
		if a.peacefulProtest(f) {
			continue // "prisoners demonstrated over a ban on visits": a protest with no violence is no riot
		}
		m, ok := a.mention(f, frames, i == 0)
		if !ok {
			continue
		}
		out = append(out, m)
	}
	out = joinLedes(out)
	out = joinFacilityStories(out, a.placeKey, a.x.bearing)
	out = joinUnplacedStory(out)
	for i := range out {
		out[i].DocumentID = doc.ID
		out[i].Index = i
		out[i].Salience = "secondary"
		if i == 0 {
			out[i].Salience = "primary"
		}
	}
	return out
}

// joinLedes folds a mention that names no facility of its own and carries no figure into another
// of the document's that a week and ledeReachKm hold together: a wire lede that tells the state of
// a siege on its third day ("still fighting on Sunday, four days after the attack") around the
// story of the attack itself, not a second incident. So does one without figures that is placed
// in no town, into one of its type placed in a town a day apart at most: a name the report
// misspells ("the central prison of Kolondi" for "Kolondo") tells the same story again. The
// joined mention takes the earlier place of the two in the document's order, so a lede keeps its
// story primary.
func joinLedes(ms []model.Mention) []model.Mention {
	for i := 0; i < len(ms); i++ {
		lede := ms[i]
		if len(lede.Claims) > 0 {
			continue
		}
		unplaced := lede.Place.Name == "" && lede.Facility != "" // "la prison centrale de Kolondi" read nowhere: a slip in the name of the story's prison
		if !unplaced && lede.Facility != "" && !strings.HasPrefix(lede.Facility, lede.Place.Name) {
			continue
		}
		j := slices.IndexFunc(ms, func(m model.Mention) bool {
			if m.Place.Country != lede.Place.Country || len(m.Claims) == 0 && m.Facility == lede.Facility {
				return false
			}
			if unplaced {
				return m.Place.Name != "" && m.Type == lede.Type && withinDays(lede.Date, m.Date, 1)
			}
			return withinDays(lede.Date, m.Date, ledeDays) && closeBy(lede.Place, m.Place)
		})
		if j < 0 || j == i {
			continue
		}
		story := ms[j]
		story.Evidence = append(slices.Clip(lede.Evidence), story.Evidence...)
		story.Perpetrators = appendMissing(story.Perpetrators, lede.Perpetrators)
		ms = slices.Delete(ms, max(i, j), max(i, j)+1)
		ms[min(i, j)] = story
		i = -1 // a fold may open another
	}
	return ms
}

// joinFacilityStories folds mentions of one document that name one facility, however it is
// spelt, a week apart at most and of types one incident may be told as, into the first: a report
// that comes back to its story after an aside tells one incident, not two. One facility is one
// key (keyOf: "Rumah Tahanan Kelas IIB X" and "Rutan Kelas IIB X"; "cárcel de X" and "cárcel de
// X de Tarvo"), a slip of the pen in it (names.Misspelt: "Sarovia", "Sarobia"), or a word of
// bearing before its region's name (bearing: "North Vale District Jail" and "the district jail in
// Vale"). The first keeps its place, unless only the other names the facility with its bearing;
// the more informative type wins; claims (but one read twice: repeated), evidence, perpetrators
// and methods are pooled.
func joinFacilityStories(ms []model.Mention, keyOf func(name string) string, bearing func(folded string) bool) []model.Mention {
	keys := make([]string, len(ms))
	bare := make([]string, len(ms)) // the key without a word of bearing that opens the name, "" if none does
	for i, m := range ms {
		if m.Facility != "" {
			keys[i] = keyOf(m.Facility)
			if first, rest, ok := strings.Cut(m.Facility, " "); ok && rest != "" && bearing(foldWord(first)) {
				bare[i] = keyOf(rest)
			}
		}
	}
	for i := 0; i < len(ms); i++ {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i], ms[j]
			if keys[i] == "" || keys[j] == "" || a.Place.Country != b.Place.Country || !withinDays(a.Date, b.Date, ledeDays) || !a.Type.CompatibleWith(b.Type) {
				continue
			}
			if keys[i] != keys[j] && !names.Misspelt(keys[i], keys[j]) && (bare[i] == "" || bare[i] != keys[j]) && (bare[j] == "" || bare[j] != keys[i]) {
				continue
			}
			if bare[j] != "" && bare[j] == keys[i] {
				a.Place, a.Facility = b.Place, b.Facility // "North Vale District Jail" in Kolondo: "the jail in North Vale" read without its bearing
			}
			ms[i] = pooled(a, b)
			ms = slices.Delete(ms, j, j+1)
			keys = slices.Delete(keys, j, j+1)
			bare = slices.Delete(bare, j, j+1)
			j--
		}
	}
	return ms
}

// joinUnplacedStory folds the one mention of a two-mention document that is placed in its country
// only and names no facility into the other, when they are of one country, a week apart at most and of
// types one incident may be told as: a report that tells its story first without naming the
// prison ("the country's largest prison") and then with it tells one incident. The placed mention
// keeps its place and date (pooled). Documents of more mentions are round-ups, whose unplaced
// incidents may be others.
func joinUnplacedStory(ms []model.Mention) []model.Mention {
	if len(ms) != 2 {
		return ms
	}
	countryOnly := func(m model.Mention) bool { return m.Place.Name == "" && m.Place.Admin1 == "" && m.Facility == "" }
	placed, other := ms[0], ms[1]
	if countryOnly(placed) {
		placed, other = other, placed
	}
	if !countryOnly(other) || placed.Place.Name == "" || placed.Place.Country != other.Place.Country ||
		!withinDays(placed.Date, other.Date, ledeDays) || !placed.Type.CompatibleWith(other.Type) {
		return ms
	}
	return []model.Mention{pooled(placed, other)}
}

// pooled is mention a told again by b, one incident: a keeps its place and date, the more
// informative type of the two wins, and claims (but one read twice: repeated), evidence,
// perpetrators and methods are pooled.
func pooled(a, b model.Mention) model.Mention {
	if b.Type.Precedence() < a.Type.Precedence() {
		a.Type = b.Type
	}
	for _, c := range b.Claims {
		if !repeated(a.Claims, c) {
			a.Claims = append(a.Claims, c)
		}
	}
	a.Evidence = append(slices.Clip(a.Evidence), b.Evidence...)
	a.Perpetrators = appendMissing(a.Perpetrators, b.Perpetrators)
	a.Methods = appendMissing(a.Methods, b.Methods)
	return a
}

// appendMissing appends the names of more that names lacks, in their order.
func appendMissing(names, more []string) []string {
	for _, n := range more {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// ledeDays and ledeReachKm hold a lede and its story together: sieges last days and a district
// lies within its city.
const (
	ledeDays    = 7
	ledeReachKm = 25
)

// closeBy reports two places known to a town or finer within ledeReachKm of each other.
func closeBy(a, b model.Place) bool {
	fine := func(p model.Place) bool { return p.Precision == model.GeoPlace || p.Precision == model.GeoFacility }
	return fine(a) && fine(b) && model.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= ledeReachKm
}

// ReferenceOf returns the date a document's relative dates resolve against (referenceDate), and
// false when nothing dates it: no publication date, no month in its URL's path, no dated sentence.
func ReferenceOf(doc model.Document) (Ref, bool) {
	r := referenceDate(builtinUnion(), doc)
	return r, !r.Date.IsZero()
}

// referenceDate is the date relative expressions resolve against: the publication date, else one
// inferred at a lower precision from the month in the URL's path or from the text. The text's
// reference wins when it is finer and falls within the URL's month: the URL says when the report
// was filed, the text's latest date may be a year it recalls.
func referenceDate(lx *lexicon, doc model.Document) Ref {
	if doc.Published != nil {
		return Ref{Date: *doc.Published, Precision: model.PrecisionDay}
	}
	told, toldOK := inferRef(lx, doc.Text)
	filed, filedOK := urldate.Of(doc.URL)
	switch {
	case filedOK && toldOK && told.Precision.Rank() < filed.Precision.Rank() &&
		!told.Date.Before(filed.Start) && !told.Date.After(filed.LastDay()):
		return told
	case filedOK:
		return Ref{Date: filed.Start, Precision: filed.Precision}
	case toldOK:
		return told
	}
	return Ref{}
}

// runeOffsets converts byte offsets into rune offsets, which the contract uses. For ASCII text
// they are the same and nothing is built.
type runeOffsets struct {
	idx []int // byte offset of every rune start, ascending; nil for ASCII text
}

func newRuneOffsets(text string) runeOffsets {
	if isASCII(text) {
		return runeOffsets{}
	}
	idx := make([]int, 0, len(text))
	for i := range text {
		idx = append(idx, i)
	}
	return runeOffsets{idx: idx}
}

func (r runeOffsets) at(b int) int {
	if r.idx == nil {
		return b
	}
	return sort.SearchInts(r.idx, b)
}
