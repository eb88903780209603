package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/names"
)

// sentenceInfo is everything extraction reads from one sentence. Offsets are bytes into the text.
type sentenceInfo struct {
	index          int // in analysis.sentences
	start, end     int
	ref            Ref      // the document's or its update section's date
	lex            *lexicon // the words of the document's language
	toks           []token
	titled         bool       // the sentence is written in title case, a headline's (titleCase): its capitals name nothing
	spans          []nameSpan // runs of capitalised words: candidate names of places and countries
	cues           []cueHit
	dates          []DateMention
	calendarDay    bool          // a date names a day of the calendar ("21 January"), not "yesterday"
	leadDate       int           // the byte offset of a date that opens the sentence as its adverbial ("On 3 May 1995,"), -1 if none
	noteDate       int           // the byte offset of a date that opens the sentence before a colon, as coded notes date their event ("01/09/2020: ..."), -1 if none
	datelineEnd    int           // bytes into the sentence where a wire dateline that opens it ends, 0 if none (datelineEnd)
	openingEnd     int           // the token after a date that opens the sentence ("On 6 August 2023,", "At dawn on 14 March,"), 0 if none (openingAdverbialEnd)
	pastAttack     bool          // its attacks are named by their dates ("the Nov. 26, 2008 attacks"): known past events
	reference      [2]int        // byte span of a phrase naming another event as a point in time (referencePoint)
	referenceApart bool          // the reference point is a new event a span of time from this one (referencePoint)
	referenceSpan  int           // the span of time in days right before the reference point's word ("a month before the attack": 30), 0 if none
	deedBefore     bool          // a sentence before this one has a deed word
	headerEnd      int           // where the update header of the sentence's section ends
	sequel         *sentenceInfo // the clause this one goes on from (", and released 5 detainees"), nil if it opens a sentence
	peopleHeldNext bool          // the next clause or sentence tells of people held, freed or lynched, or one of the next freedLaterReach of people freed
	escapeNext     bool          // the next clause or sentence tells of people held who escaped or were freed
	escapeLast     bool          // the sentence before told of an escape: a bare count arrested after it counts escapees
	detentionLast  bool          // the sentence before speaks of a place of detention or its inmates: a pronoun opening this one may be them
	freedInAttack  bool          // its release words free people in the attack the clause before tells
	releaseCounts  []cueHit      // the escaped cues its release words gained in an attack (releasedByAttackers)
	heldAt         bool          // people are said to be held at a place ("asylum seekers held at the centre"): it is a place of detention
	custodyRescue  bool          // a person the police hold is freed ("snatched an accused"): custodyRescue
	takenOut       bool          // a place of detention or the police someone is taken out of ("pulled him out of the jail"): takenOutOf
	takenFromPlace bool          // takenOut, from a place of detention, not the police ("taken from custody")
	custodyEscape  bool          // its escape is the outcome of the assault on a place that holds people told right before
	releaseLead    bool          // the text's first sentence, telling a lawful release and no deed: releaseStory
	places         []placeHit
	spanReadings   []spanReading // by index in spans, filled as resolvePlaces reads them
	capitalAt      int           // the last token of "the capital" read as the country's, -1 if none
	countries      []string      // every country named, for the context of place names
	located        []string      // countries named as where things happen, not as a force's flag ("U.S. troops")
	locatedNamesAt []int         // where the located countries named by their names, not by an adjective ("Ardovian forces"), start
	facilities     []facilityHit
	holdings       []facilityHit // named police stations and gendarmeries: the facility when nothing else is
	titles         []facilityHit // titles of generic words ("the National Penitentiary"): the name of last resort
	actors         []ActorMatch
	quantities     []Quantity
	figures        []figureReading // what each of quantities says as a figure, read on first use (readingOf)
	campaigns      []string
	tryToFree      bool     // an escape word is the aim of an attempt ("in an attempt to free"), not an outcome
	freesOne       bool     // an attack let one person out: a freeing, though no breakout of its own
	triedEscape    bool     // the people held tried to get out ("inmates tried to break out")
	judged         bool     // a deed word is the matter of a case a court hears (legalCaseOf) or the offence it tries (offence)
	deadlyAttempt  bool     // a tried escape whose deaths the next sentence tells
	deadlyFire     bool     // a fire in a place of detention whose deaths of those held one of the next two sentences tells
	foiledEscape   bool     // an escape a thwarting word stopped: "foiled an escape plan", "the attempted escape"
	inmateArson    bool     // the people held set fire ("inmates set fire to their cells"): unrest inside
	outsiderArson  bool     // people not held there set fire ("unknown men torched the jail"): an assault (arsonByOutsiders)
	protestOnly    bool     // its only riot word is people held who protest (inmatesProtest): unrest only if violence is told
	airLanding     bool     // an aircraft comes down where the sentence names a prison (airLanding)
	raid           bool     // the security forces raided ("soldiers raided the camp"): an operation of the state
	raids          []cueHit // those attack words, dropped from cues: they may still name another event as a point in time
	personal       [][2]int // token ranges that tell one person's past ("who had been released from X prison") or where the wounded are cared for: no facility of this report
	pluperfect     [2]int   // the token range of a relative clause in the past perfect about one person (onePersonsPluperfect): no date or deed of this report
}

// inReference reports whether the byte offset lies in the sentence's reference point: the words
// of another event named to say when this one happened.
func (si *sentenceInfo) inReference(at int) bool {
	return at >= si.reference[0] && at < si.reference[1]
}

// freedLaterReach is how many sentences before one that tells of people freed a police station's
// attack may stand and still be about them; people only held must be told in the next.
const freedLaterReach = 2

// pastPlaceReach is how many words after "who had escaped" or "who had been released" the prison
// of that person's past may be named ("from the X central prison").
const pastPlaceReach = 5

// treatedAt returns the first token after a place of treatment and a locative word ("in hospital
// at the X prison", "à l'hôpital de la prison de X"), -1 if the sentence has none: the prison named
// there is where the wounded are cared for, not where the deed was.
func treatedAt(lower string, si *sentenceInfo) int {
	if !si.is(woundedCue) || !si.is(facilityCue) && !si.is(holdingCue) {
		return -1 // most sentences: no one in care, or no prison to name
	}
	for k := range si.toks {
		n := si.lex.lowerPhraseAt(treatmentPlacePhrases, lower, si.toks, k)
		if n == 0 {
			continue
		}
		if j := k + n; j < len(si.toks) && (si.toks[j].is(facilityLocativeWords) || si.toks[j].is(partitiveWords)) {
			return j + 1
		}
	}
	return -1
}

// inPersonal reports a token inside a range that tells one person's past, or a place of care.
func (si *sentenceInfo) inPersonal(k int) bool {
	for _, r := range si.personal {
		if k >= r[0] && k < r[1] {
			return true
		}
	}
	return false
}

// datedReference reports a reference point with a date of its own ("the massacre of September
// 2021") or a new event a span of time from this one ("less than a year after a bombing"): another event,
// where an undated one ("deployed after rebels attacked a prison") is often this incident told
// from its aftermath.
func (si *sentenceInfo) datedReference() bool {
	if si.referenceApart {
		return true
	}
	for _, d := range si.dates {
		if si.inReference(d.Start) {
			return true
		}
	}
	return false
}

// is reports whether a cue of the category is in the sentence. A sentence has a dozen cues or
// so: scanning them costs less than building a set for each sentence.
func (si *sentenceInfo) is(category cueCat) bool {
	for _, c := range si.cues {
		if c.category == category {
			return true
		}
	}
	return false
}

// placeHit is a resolved place name in the text.
type placeHit struct {
	start, end int
	place      model.Place
	landmark   bool // named to give a direction ("north of the capital"): the event is elsewhere
	bearingOf  bool // the landmark a direction is given from ("a few kilometres south of X"): the event is near it
	dateline   bool // the place opening a wire report ("QUITO, Ecuador (AP) —", "Kisumu: ..."), or where a statement was made (spokenAt): where it was filed or said
}

// analysis is one document read sentence by sentence.
type analysis struct {
	x             *Extractor
	doc           model.Document
	lex           *lexicon // the words of the document's language
	text          string
	ref           Ref
	sentences     []*sentenceInfo
	countries     []string                                                  // the document's countries, most mentioned first
	idCountry     string                                                    // the country of the source's event id when the text names none
	placeIn       func(name string, countries []string) (model.Place, bool) // Place, preferring namesakes in the divisions the text names
	offsets       runeOffsets
	places        map[placeQuery]placeAnswer    // Place answers by name and context
	inDivision    map[divisionQuery]placeAnswer // a town's namesake in the division named right after it (townInDivisionAfter), by name, division and context
	divisions     map[string]model.Place        // names the text itself marks as divisions ("the department of X"), by fold
	docPlaces     *placeContext                 // the place context of sentences that name no country (placeContextOf)
	onePlaces     map[string]placeContext       // the place contexts of sentences that name one country, by it, for docPlaces' countries
	countryNames  map[string]string             // Country answers by name, "" for none
	placeKeys     map[string]string             // placeKey answers by name; a facility name that ends with its town keyed without it (namedFacility)
	forms         map[formsQuery][]string       // inflectedForms and placeFormsOf answers, for names that may have some
	pieces        []piece                       // a buffer for reading one sentence's pieces at a time
	lower         string                        // the text's asciiLower, which the sentences' words fold to slices of
	freeTokens    []token                       // room left for the sentences' tokens, carved from one allocation (tokens)
	story         storySoFar                    // what the sentences read so far tell later dates ("the following year", "the next day")
	title         []token                       // the document title's tokens, marked with the lexicon's words
	titleCues     []cueHit                      // the cues of the title, read once for the questions asked of it
	titleBack     bool                          // the title says the text looks back on a past deed (titleLooksBack)
	looksBack     bool                          // the title or a sentence read so far says so
	surnames      map[string]bool               // folded words the text uses as a person's surname ("Dario Orlin Vega"): no place anywhere in it
	personRoles   map[string]speakerRole        // surname -> the claimant word the text set beside it (personRole), read once
	partials      map[string]bool               // folded names the text writes as the first words of a longer one ("San Juan" of "San Juan de Lurigancho"): no place anywhere in it
	guessed       []string                      // countries only the best-known namesakes of the text's names lie in (analyse)
	capitalKeys   map[string]string             // country -> the place key of its capital (capitalKey)
	named         []string                      // countries the text names itself, by name, group or headline (analyse)
	filedIn       *placeHit                     // the division a dateline abbreviates after its town ("RIVERTON, Calif.,"), nil if none
	headCountries []string                      // the countries the title and the web address name (titleCountries), read once
	headRead      bool                          // headCountries is known
	accidentRead  bool                          // accidentTold is known (accidental)
	accidentTold  bool                          // the text gives an accident as a cause ("a short circuit caused the fire")
}

func (x *Extractor) analyse(doc model.Document) *analysis {
	lx := x.lex.of(doc.Language)
	names := len(doc.Text) / bytesPerName
	a := &analysis{x: x, doc: doc, lex: lx, text: doc.Text, ref: referenceDate(lx, doc), offsets: newRuneOffsets(doc.Text),
		places: make(map[placeQuery]placeAnswer, names), countryNames: make(map[string]string, names), placeKeys: map[string]string{}, forms: map[formsQuery][]string{},
		lower: asciiLower(doc.Text), freeTokens: make([]token, 0, len(doc.Text)/5+1)}
	sections := sectionsOf(a.lex, a.text, a.ref)
	a.title = a.titleTokens()
	a.titleCues = a.lex.scan(a.title)
	a.titleBack = a.titleLooksBack()
	a.looksBack = a.titleBack
	actors := x.res.Actors(a.text)
	end := commentsStart(a.text)
	for _, s := range clauses(a.text, sentencesOf(a.lex, a.text)) {
		if s.Start >= end {
			break // readers' comments are not the article's reporting
		}
		si := &sentenceInfo{index: len(a.sentences), start: s.Start, end: s.End, ref: a.ref, lex: a.lex, leadDate: -1, noteDate: -1}
		if n := len(a.sentences); n > 0 && strings.TrimSpace(a.text[a.sentences[n-1].end:s.Start]) == "," {
			si.sequel = a.sentences[n-1] // a clause cut from the sentence before
		}
		for _, sec := range sections {
			if s.Start >= sec.Start && s.Start < sec.End && !sec.Date.IsZero() {
				si.ref = Ref{Date: sec.Date.Start, Precision: sec.Date.Precision}
				si.headerEnd = sec.HeaderEnd
			}
		}
		a.read(si, actors)
		if n := len(a.sentences); n > 0 && len(a.sentences[n-1].releaseCounts) > 0 && lynching(si) {
			// "A crowd forced the cell door and released a suspect. Then they beat him to death in the
			// market": he was taken to be killed, not freed
			prev := a.sentences[n-1]
			prev.cues = slices.DeleteFunc(prev.cues, func(c cueHit) bool { return slices.Contains(prev.releaseCounts, c) })
		}
		if si.is(attackCue) && arrestOfTheirOwn(si) {
			si.tryToFree = true // "villagers attacked the police post a day after the arrest of their chief": to free him
		}
		if n := len(a.sentences); n > 0 && a.sentences[n-1].is(attackCue) && demandsRelease(a.text, si) {
			a.sentences[n-1].tryToFree = true // "A crowd tried to break into the lock-up. Its leaders had demanded the release of ...": the attack's aim
		}
		if si.sequel != nil && si.tryToFree && si.sequel.is(attackCue) {
			si.sequel.tryToFree = true // "a mob attacked the police station, and tried to free a detainee": the attack's aim
		}
		if lineStart(a.text, si.start) && si.lex.phraseAt(seeAlsoWords, si.toks, 0) > 0 {
			break // "See also: ...": links to other articles close the article
		}
		if n := len(a.sentences); n > 0 {
			prev := a.sentences[n-1]
			si.deedBefore = prev.deedBefore || slices.ContainsFunc(prev.cues, func(c cueHit) bool { return c.category.isDeed() })
			si.escapeLast = prev.is(escapeCue) && !negated(prev, escapeCue) || prev.is(escapedCue) // "Fifty inmates escaped. So far 17 have been caught."
			if releaseOrdered(prev) {
				si.cues = slices.DeleteFunc(si.cues, func(c cueHit) bool {
					return (c.category == escapeCue || c.category == escapedCue) && leftAsReleased(si, c) // "They walked out of the prison that evening."
				})
			}
		}
		if n := len(a.sentences); n > 0 && namesDetention(a.sentences[n-1]) {
			si.detentionLast = true // "nine detainees of X prison were missing. They had escaped through a tunnel."
		}
		if n := len(a.sentences); n > 0 && (si.is(heldCue) || si.is(inmateCue) || si.is(escapeCue) || si.is(releaseCue) || lynching(si)) {
			// "a mob stormed the police station, and lynched a suspect held there"; "Assailants
			// attacked a police station in X. Two officers were killed. In addition, detainees
			// were freed."
			reach := 1
			if si.is(escapeCue) {
				reach = freedLaterReach // not "hostages were released": freed by their captors, not from custody
			}
			for _, prev := range a.sentences[max(0, n-reach):] {
				prev.peopleHeldNext = true
			}
			// "Armed men stormed the police station. Fourteen detainees escaped.": the escape right
			// after the assault is its outcome.
			// So is anyone's escape right after an assault on a place that holds people, but its
			// keepers': "raided a patrol escorting a trader to the cells. The trader got away."
			prev := a.sentences[n-1]
			fromCustody := !si.is(inmateCue) && !si.is(heldCue) && prev.is(attackCue) && prev.is(holdingCue) && !keepersEscape(si)
			prev.escapeNext = si.is(escapeCue) && !negated(si, escapeCue) && (si.is(inmateCue) || si.is(heldCue) || fromCustody) &&
				!aggregate(a.text, prev) // "It was one of a dozen raids on police posts that day": no one assault
			si.custodyEscape = prev.escapeNext && fromCustody

		}
		if n := len(a.sentences); n > 0 && a.sentences[n-1].triedEscape && si.is(killedCue) && deathsOfThoseHeld(si) {
			a.sentences[n-1].deadlyAttempt = true // "inmates tried to break out. Two inmates were killed."
		}
		if si.is(killedCue) && si.is(inmateCue) && deathsOfThoseHeld(si) {
			for _, prev := range a.sentences[max(0, len(a.sentences)-fireDeathsReach):] {
				if prev.is(methodArsonCue) && placeOfDetention(prev) {
					prev.deadlyFire = true // "The fire happened at the X prison. [...] At least 8 prisoners were killed."
				}
			}
		}
		si.releaseLead = si.index == 0 && si.lex.phraseIn(lawfulReleaseWords, si.toks, 0, len(si.toks)) &&
			!si.is(attackCue) && !si.is(riotCue) && !si.is(escapeCue)
		a.sentences = append(a.sentences, si)
	}
	// Countries named in the text give the context for places; then the countries of the places
	// found (a capital, a large city) widen it for smaller places: "a prison at Smallville, west of the capital".
	a.countries = a.rankCountries(nil)
	a.named = a.countries
	outlet := x.outletCountry(doc)
	if !a.namesCountry() {
		// "Sorel (Sorel, North Vale)" is in Niger, whatever the home countries of the groups named;
		// but a group's home country outranks the country of a town's best-known namesake.
		if nesting, nested := a.x.res.Nesting(a.names()); nested {
			a.countries = append(nesting, a.countries...)
		} else if outlet == "" || x.sourceCountry(doc.Source) != "" {
			// A name that is a town of note in one country only is a guess at the text's country,
			// which the outlet's web address, when it has a country, outranks: "cadeia pública de
			// X" at a Brazilian address is no district of Congo.
			for _, cc := range nesting {
				if !slices.Contains(a.countries, cc) {
					a.countries = append(a.countries, cc)
					a.guessed = append(a.guessed, cc)
				}
			}
		}
		// A coded event's id ("KEN544") names its country, which outranks any guess; so does
		// the country of the outlet's web address.
		if a.idCountry = x.sourceCountry(doc.Source); a.idCountry != "" {
			a.countries = firstOf(a.idCountry, a.countries)
		} else if outlet != "" {
			a.countries = firstOf(outlet, a.countries)
		}
	} else {
		// A town listed with the division it lies in ("X prison (X, Y Province)") is in that
		// division's country, though the text names only another, where the fugitive was caught;
		// and a text that names other countries may still tell of its outlet's towns ("la
		// fortezza spagnola" of an Italian island). Both come after the named ones.
		var after []string
		if listed := a.bracketedNames(); len(listed) > 1 {
			if nesting, nested := a.x.res.Nesting(listed); nested {
				after = nesting[:1] // the country with most such pairs
			}
		}
		if outlet != "" {
			after = append(after, outlet)
		}
		for _, cc := range after {
			if !slices.Contains(a.countries, cc) {
				a.countries = append(a.countries, cc)
				a.guessed = append(a.guessed, cc)
			}
		}
	}
	if a.filedIn = a.datelineDivision(); a.filedIn != nil && a.idCountry == "" {
		// "MILLBROOK, Pa.,": a town of that state, in a country the text names by it.
		a.countries = firstOf(a.filedIn.place.Country, a.countries)
		if !slices.Contains(a.named, a.filedIn.place.Country) {
			a.named = append(slices.Clip(a.named), a.filedIn.place.Country)
		}
	}
	a.surnames = a.surnamesOf()
	a.partials = a.partialNamesOf()
	a.makeSpanReadings()
	for _, si := range a.sentences {
		a.resolvePlaces(si)
	}
	first := a.countries
	a.countries = a.rankCountries(a.sentences)
	if a.idCountry != "" {
		a.countries = firstOf(a.idCountry, a.countries)
	}
	if outlet != "" && !slices.Contains(a.countries, outlet) {
		// The outlet's country stays a context after the countries the places found: a local
		// paper's story that names no place the gazetteer knows still happened in its country.
		a.countries = append(a.countries, outlet)
	}
	for _, si := range a.sentences {
		if !slices.Equal(first, a.countries) {
			si.places = si.places[:0]
			a.resolvePlaces(si) // the places found changed the context
		}
		a.findFacilities(si)
		for i, m := range si.actors {
			si.actors[i] = a.namesakeOf(m)
		}
	}
	return a
}

// namesakeOf is the actor a name stands for in this text: of the actors of several countries
// that share it, the one of the text's best-ranked country ("Maoist rebels" in a report from
// Nepal are Nepal's); the dictionary's first where the text's countries have none of them.
func (a *analysis) namesakeOf(m ActorMatch) ActorMatch {
	best, rank := m, countryRank(a.countries, m.Country)
	for _, n := range m.Namesakes {
		if r := countryRank(a.countries, n.Country); r < rank {
			best, rank = n, r
		}
	}
	best.Start, best.End, best.Namesakes = m.Start, m.End, nil
	return best
}

// countryRank is the place of a country among the text's ranked countries, len(countries) when
// it is not among them.
func countryRank(countries []string, cc string) int {
	if i := slices.Index(countries, cc); i >= 0 {
		return i
	}
	return len(countries)
}

// bytesPerName is about how many bytes of news text there are for each name asked of the
// gazetteer as a country and as a place in some context (68 each in the 5 KB of BenchmarkExtract):
// the memos of their answers are made that large at once rather than grown through every size.
const bytesPerName = 64

// keepersEscape reports the security forces named before a sentence's first escape word: they
// are who got away ("the policemen escaped unhurt"), not anyone they held.
func keepersEscape(si *sentenceInfo) bool {
	first := slices.IndexFunc(si.cues, func(c cueHit) bool { return c.category == escapeCue })
	return first >= 0 && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == sideSecurityCue && c.first < si.cues[first].first
	})
}

// wreckedByOutsiders reads each verb of wrecking (damage_verb) that people not held there do to
// a place of detention, its object a few words after it in its clause, as an assault:
// "supporters ransacked the police station" attacked it, where inmates who ransack their prison
// riot.
func wreckedByOutsiders(lower string, si *sentenceInfo) {
	for i, c := range si.cues {
		if c.category != riotCue || !si.lex.writes(damageVerbPhrases, lower, si.toks[c.first]) || inmateLed(lower, si, c) || !outsidersBefore(si, c) {
			continue
		}
		if slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return (o.category == facilityCue || o.category == holdingCue) && o.first > c.last && o.first-c.last <= attackObjectReach &&
				!containsAny(lower[si.toks[c.last].end:si.toks[o.first].start], clauseMarks)
		}) {
			si.cues[i].category = attackCue
		}
	}
}

// fireDeathsReach is how many sentences before the deaths of those held a fire in a place of
// detention may be told.
const fireDeathsReach = 2

// read fills a sentence's tokens, cues, dates, numbers, actors and country names.
func (a *analysis) read(si *sentenceInfo, actors []ActorMatch) {
	text := blankCredit(blankURLs(a.text[si.start:si.end]))
	lower := a.lower[si.start:si.end]
	si.toks = si.lex.splitElisions(a.tokens(text, lower), text)
	si.titled = titleCase(si.toks)
	si.lex.markWords(si.toks)
	for i := range si.toks {
		si.toks[i].start += si.start
		si.toks[i].end += si.start
	}
	si.spans = append(nameSpans(si.lex, a.lower, si.toks, maxNameWords), caselessSpans(a.lex, a.text, si.toks, 3)...)
	groups := groupsIn(actors, si.start, si.end)
	scanned := a.withSeparatedVerbs(si, text, a.scanCues(si.toks))
	forces := securityStarts(scanned)
	cues := slices.DeleteFunc(scanned, func(c cueHit) bool {
		// The "Army" of a rebel army is no soldier, its "Liberation" no escape; but "1,000 Maoists"
		// counts the group's men. "Armed men dressed as police officers" are the attackers, not the
		// police, and "heavily armed soldiers" the state's men, not attackers.
		return c.category != attackersCue && inGroupName(groups, si.toks, c) ||
			c.category == attackersCue && slices.Contains(forces, c.last+1) ||
			(c.category == sideSecurityCue || c.category == claimantDefenderCue) && wordIn(disguiseWords, si.toks, c.first-disguiseReach, c.first) ||
			c.category.isDeed() && conditionalDeed(a.text, si.toks, c) ||
			(c.category == escapeCue || c.category == escapedCue) && c.last+1 < len(si.toks) && si.toks[c.last+1].is(rightNounWords) || // "free elections"
			c.category == attackCue && groupsTrade(si.toks, c) ||
			(c.category == escapeCue || c.category == escapedCue) && si.lex.writtenPhraseAt(survivalAfterPhrases, a.lower, si.toks, c.last+1) > 0 // "escaped unhurt": survived
	})
	si.cues = cues
	wreckedByOutsiders(a.lower, si)
	pastEscape := -1 // the last token of "who had escaped" or "a former inmate": the prison after it is that person's past
	for _, c := range cues {
		si.tryToFree = si.tryToFree || c.category == escapeCue && escapeAttempt(si.toks, c)
		if (c.category == escapeCue || c.category == releaseCue) && (pastOfPerson(si.toks, c.first) || describedPerson(si.toks, cues, c) && !withOthersAfter(si, c) || pluperfectOfOne(si.toks, c)) {
			pastEscape = c.last
		}
		if c.category == inmateCue && c.first > 0 && si.toks[c.first-1].is(formerWords) {
			pastEscape = c.last // "a former inmate of the X prison": the prison he left
		}
	}
	pastFrom, pastTo := onePersonsPast(a.text, si.toks, cues)
	lifeFrom, lifeTo := personsLife(a.text, si.toks)
	if pastEscape >= 0 {
		si.personal = append(si.personal, [2]int{pastEscape + 1, pastEscape + 1 + pastPlaceReach})
	}
	if lifeFrom < lifeTo {
		si.personal = append(si.personal, [2]int{lifeFrom, lifeTo})
	}
	if pastFrom < pastTo {
		si.personal = append(si.personal, [2]int{pastFrom, pastTo})
	}
	if from := treatedAt(a.lower, si); from >= 0 {
		si.personal = append(si.personal, [2]int{from, from + pastPlaceReach})
	}
	scanned = slices.Clone(cues) // DeleteFunc compacts cues as it goes: the tests below read the cues as scanned
	var raids []cueHit           // the attack words that tell the security forces' own deeds
	doers := scanned
	if len(groups) > 0 {
		doers = append(groupDoers(groups, si.toks), scanned...)
	}
	for _, c := range scanned {
		if c.category == attackCue && securityDoers(a.text, si.toks, doers, c, securityReach(a.lex, a.lower, si.toks, c)) && !raidOnCustodyToFree(si.toks, scanned, c) {
			raids = append(raids, c)
		}
	}
	si.raid, si.raids = len(raids) > 0, raids
	raidGoesOn := a.goesOnFromRaid(si)
	var convicts []cueHit // legal words counted as people: "tres condenados se fugaron"
	motiveFrom, motiveTo := motiveClause(a.text, si)
	si.cues = slices.DeleteFunc(cues, func(c cueHit) bool {
		if c.first >= motiveFrom && c.first < motiveTo && (c.category.isDeed() || c.category == releaseCue || c.category == facilityCue || c.category == holdingCue || isHeld(c)) {
			return true // "the motive was to make the government free their jailed leaders from prison": an aim, not the deed
		}
		if c.category == legalCue && countedAt(si.lex, si.toks, c.first) {
			convicts = append(convicts, cueHit{category: inmateCue, first: c.first, last: c.last})
			return true // a participle counted is a noun of the people it befell, not a judgement
		}
		if c.category.isDeed() && si.toks[c.last].is(deedPluralWords) && si.lex.writtenPhraseBefore(manyOfPhrases, a.text, si.toks, c.first) {
			return true // "after a wave of escapes, the army moved 40 inmates": many deeds told as one, none of them this report's
		}
		if (c.category == facilityCue || c.category == holdingCue) && si.inPersonal(c.first) {
			return true // "a man who had escaped from prison", "killed by a mob after he left prison": no prison of this report
		}
		if c.first >= pastFrom && c.last < pastTo && c.category != killedCue && c.category != arrestedCue && c.category != recapturedCue {
			return true // "X, leader of the gang, who escaped during the attack on the prison, was killed": his past
		}
		if (c.category == escapeCue || c.category == attackCue) && c.first >= lifeFrom && c.last < lifeTo && fateBefore(scanned, lifeFrom) {
			return true // "police arrested X on Monday, a day after he escaped from the jail": his past
		}
		if c.category == thwartedCue && si.toks[c.last].is(attemptVerbWords) && !attemptOfAssault(si.toks, scanned, c) {
			return true // "the attempted murder of a prisoner": an attempt, but on no prison
		}
		if c.category == thwartedCue && failedOtherDeed(si.toks, scanned, c) {
			return true // "failed to return to the prison", "failed to stop them": another deed failed, nobody was repelled
		}
		if c.category == arrestedCue && c.first > 0 && countWord(a.lex, si.toks[c.first-1].fold) {
			return true // "57 presos foram mortos": the noun of a count of people held, not an arrest
		}
		if (c.category == thwartedCue || c.category == attackCue) && pastOfOnePerson(si.toks, c.first) {
			return true // "an inmate who had attempted to blow up the station years earlier"
		}
		// "tried to escape": nobody got out; "freed by police": a rescue, not a breakout; "a man who
		// had escaped from prison": a person's past, not the incident.
		if (c.category == riotCue || c.category == escapeCue || c.category == attackCue || c.category.isMethod()) &&
			(offence(a.lex, a.text, si.toks, c) || offenceClause(a.lex, a.text, si.toks, scanned, c)) {
			si.judged = si.judged || c.category.isDeed()
			return true // "a court sentenced five men for helping 200 inmates escape in 2019": a trial
		}
		if (c.category.isDeed() || c.category == killedCue || c.category.isMethod()) && listedOffence(si.lex, si.toks, c) {
			return true // "thirty pending cases including arson and feud killings": kinds of crime
		}
		if (c.category == riotCue || c.category == escapeCue || c.category == attackCue) && appealFor(a.lex, si.toks, c) {
			return true // "called on his followers to free detained members": an appeal, no deed
		}
		if (c.category.isDeed() || c.category == escapedCue) && legalCaseOf(si.lex, a.text, si.toks, c) {
			si.judged = true
			return true // "the case concerning the escape of five prisoners": a court's matter, no deed told
		}
		if c.category == escapeCue && wordIn(orderVerbWords, si.toks, c.first-appealReach, c.first) {
			return true // "a judge ordered the release of twelve protesters": an order, no breakout
		}
		if (c.category == escapeCue || c.category == escapedCue) && purposeOfAttack(a.text, si.toks, scanned, c) {
			si.tryToFree = true
			return true // "a crowd attacked the lock-up to free a trader held there": the aim, not who got out
		}
		if (c.category == riotCue || c.category == escapeCue) && (unrealised(si.toks, c) || aimOfPlan(a.text, si.toks, c)) {
			return true // "intelligence suggested a riot was being planned", "a plot to escape"
		}
		if (c.category == attackCue || c.category == escapeCue || c.category == riotCue) && negatedBefore(si.toks, scanned, c) {
			return true // "No escape took place", "the prison was not attacked", "no inmate escaped": told as not happening
		}
		if c.category == riotCue && c.first == c.last && si.toks[c.first].is(riotUnitWords) &&
			slices.ContainsFunc(scanned, func(o cueHit) bool { return o.category == sideSecurityCue && o.first == c.last+1 }) {
			return true // "riot police were brought in": the force, not the unrest; "overpowered guards" is
		}
		if (c.category.isDeed() || c.category == escapedCue) && rumoured(a.lower, si, c) {
			return true // "rumours said some 80 prisoners had fled": hearsay, nothing told as done
		}
		if c.category == killedCue && si.lex.writtenPhraseAt(illnessAfterPhrases, a.lower, si.toks, c.last+1) > 0 {
			return true // "three detainees died of cholera": an illness, no one was killed
		}
		if c.category == heldCue && si.lex.writtenPhraseAt(heldEventPhrases, a.lower, si.toks, c.last+1) > 0 {
			return true // "12 prisoners held a protest": they staged something, nobody counts who is held
		}
		if c.category == killedCue && deathPenalty(a.lower, si, scanned, c) {
			return true // "a court sentenced 105 defendants to death": a penalty, no one killed
		}
		if c.category == riotCue && staffClash(scanned, c) {
			return true // "riot police clashed with striking warders": a dispute of the state's own men, no unrest of the people held
		}
		if (c.category == sideSecurityCue || c.category == claimantDefenderCue) && si.lex.phraseAt(heldInWords, si.toks, c.first) > 0 {
			return true // "les six détenus gardés dans ses cellules": kept there, not guards (folded, "gardés" is "gardes")
		}
		if c.category == heldCue && c.first == c.last && c.first > 0 && si.toks[c.first-1].is(definiteArticleWords) {
			return true // "le compte est fait": after an article the verb of holding ("compte") is a noun
		}
		if c.category == holdingCue && c.last+1 < len(si.toks) && si.toks[c.last+1].is(forceUnitWords) {
			return true // "a gendarmerie patrol": the force on the move, not the building that holds people
		}
		if c.category.isDeed() && condemned(si.toks, c) {
			return true // "a protest to condemn recent attacks on detainees": what was condemned, not done
		}
		if avenged(a.text, si.toks, scanned, c) {
			return true // "to avenge women held in prison": what the attack avenged, not what it struck
		}
		if c.category == attackCue && struckByNature(si.toks, scanned, groups, c) {
			return true // "two light tremors struck the city": nobody assaulted it
		}
		if c.category == attackCue && attackOnOtherTarget(a.text, si.toks, c) {
			return true // "raided several houses and arrested 14 suspects": no assault on a prison
		}
		if c.category == attackCue && arrestRaid(a.text, si.toks, scanned, c) {
			return true // "police arrested 40 suspects in a raid": the raid is the arrest
		}
		if isHeld(c) && c.first > 0 && si.toks[c.first-1].is(formerWords) {
			return true // "a former inmate" is held no more
		}
		if isHeld(c) && releaseDemanded(si.lex, si.toks, c) {
			return true // "seized hostages to demand the release of jailed comrades": asked for, held elsewhere
		}
		if isHeld(c) && scareQuoted(a.text, si.toks, c) {
			return true // "the freed 'prisoners'" were captives of a fight, whom the writer will not call prisoners
		}
		if c.category == inmateCue && bodyNamedFor(si.toks, c) {
			return true // "the head of the Detained Persons Commission": a body's name, no people held
		}
		if c.category == killedCue && penalty(si.lex, si.toks, c) {
			return true // "two had been sentenced to death": a penalty, not a killing
		}
		if c.category == recapturedCue && slices.ContainsFunc(scanned, func(o cueHit) bool {
			return o.category.isMethod() && o.first <= c.first && o.last >= c.last && o.last > o.first
		}) {
			return true // "several buildings caught fire": a fire, nobody caught
		}
		if (c.category == facilityCue || c.category == holdingCue) && (distanceFrom(a.text, si.toks, c) || roadTo(si.lex, a.text, si.toks, c)) {
			return true // "an IED exploded about 3 km from the civil prison", "on the road leading to the prison": a landmark, not the target
		}
		if c.category == facilityCue && (formerFacility(si.toks, c) || appositionOfFormer(a.text, si.toks, scanned, c)) {
			return true // "the former Tarvo prison", "l'ancienne prison": it holds nobody
		}
		if isHeld(c) && si.toks[c.last].is(captiveWords) && wordIn(captureVerbWords, si.toks, c.first-captureReach, c.first) {
			return true // "killing two gendarmes and taking a third prisoner": a captive of the fight, held nowhere
		}
		if c.category == thwartedCue && wordIn(unrealisedWords, si.toks, c.last+1, c.last+1+unrealisedReach) {
			return true // "foiled a plot to break inmates out": a plan stopped, nothing at the place
		}
		if c.category == attackCue && wordIn(unrealisedWords, si.toks, c.first-unrealisedReach, c.first) {
			return true // "reports of a planned attack", "the threat of an attack": none took place
		}
		if (c.category == attackCue || c.category == escapeCue || c.category == riotCue) && refutedReport(si.toks, c) {
			return true // "Earlier reports that gunmen had attacked the prison were untrue": told as not so
		}
		if (c.category == escapeCue || c.category == escapedCue) && foiled(a.text, si.toks, scanned, c) {
			si.foiledEscape = true
			return c.category == escapedCue // "six inmates involved in the attempted escape": nobody got out
		}
		if c.category == escapedCue && aimOfPlan(a.text, si.toks, c) {
			return true // "warned of a possible attack to free detained fighters": nobody was freed
		}
		if (c.category == escapeCue || c.category == escapedCue) && (lawfulGround(a.lex, a.text, si.toks, c) || releasedByAuthority(si.lex, a.text, si.toks, c)) {
			return true // "a former inmate freed under a presidential pardon": a release, not a breakout
		}
		if (c.category == escapeCue || c.category == escapedCue) && a.releaseStory(scanned) {
			return true // "800 inmates were granted the Christmas pardon. [...] They are let out on 30 December": lawful releases
		}
		if (c.category == escapeCue || c.category == escapedCue) && freedAsAdjective(si.toks, scanned, c) {
			return true // "crowds welcomed the freed men": people named by what befell them, no deed of this sentence
		}
		if (c.category == escapeCue || c.category == escapedCue) && insideLawfulPhrase(a.lex, si.toks, c) &&
			!slices.ContainsFunc(scanned, func(o cueHit) bool { return o.category == attackCue }) {
			return true // "a day after the first inmates walked free": a release, where no attack freed them
		}
		if c.category == heldCue && wordIn(hostageWords, si.toks, c.last+1, c.last+1+heldHostageReach) {
			return true // "had held guards hostage": a hostage-taking, not the people a prison holds
		}
		if c.category == attackCue && withinLongerOf(scanned, c, illnessCue) {
			return true // "died of a heart attack": an illness, no assault
		}
		if c.category == woundedCue && withinLongerOf(scanned, c, killedCue) {
			return true // "stabbed to death": a death, not a wound
		}
		if (c.category == escapeCue || c.category == escapedCue || c.category == releaseCue) && releasedThing(si.toks, scanned, c) {
			return true // "releasing video of inmates", "released a statement": no one let out
		}
		if (c.category == escapeCue || c.category == escapedCue) && (hostagesReleased(si.toks, c) || staffReleased(si.toks, scanned, c)) {
			return true // "the four guards taken hostage, who were freed hours later": no one broke out
		}
		if (c.category == escapeCue || c.category == escapedCue) && attackersFled(si.toks, scanned, c) {
			return true // "the attackers, about 30 of them, fled towards the border": no breakout
		}
		if (c.category == escapeCue || c.category == escapedCue) && fledHomes(si.toks, scanned, c) {
			return true // "45,000 people had fled their homes": displacement, not a breakout
		}
		if c.category == attackCue && attackOnPeople(a.lex, si.toks, scanned, c) {
			return true // "rioters attacked four journalists", "he was assaulted": violence against people, not a place
		}
		if c.category == attackCue && (attackOutside(si.toks, scanned, c) || nearDetentionBefore(si.toks, scanned, c)) {
			return true // "opened fire on police officers outside the central jail": the jail is where, not what was struck
		}
		if (c.category == escapeCue || c.category == escapedCue) && (onset(si.toks, c) || insideName(si, c)) {
			return true // "a fire broke out", "Free State": no breakout
		}
		if c.category == escapeCue && escapeAttempt(si.toks, c) && !oneHeld(si.toks, scanned) {
			si.triedEscape = true // "inmates tried to break out": nobody got out, but unrest there was
		}
		if c.category == escapedCue && (describesOne(si.toks, scanned, c) || heEscaped(si.toks, c)) {
			return true // "pursuing an escaped convict", "he had escaped": one person, whom no figure counts
		}
		oneEscape := c.category == escapeCue && (describesOne(si.toks, scanned, c) || heEscaped(si.toks, c) || escapeOfOne(si.toks, c) || oneSubject(a.text, si, scanned, c) ||
			si.lex.writtenPhraseBefore(oneOwnerPhrases, a.text, si.toks, c.first)) && // "caught months after his escape"
			!withOthersAfter(si, c)
		if oneEscape && slices.ContainsFunc(scanned, func(o cueHit) bool { return o.category == attackCue }) {
			si.freesOne = true // "a prison van was attacked and an inmate escaped": the attack freed one
		}
		return c.category == escapeCue && (escapeAttempt(si.toks, c) || rescuedBySecurity(a.text, si.toks, scanned, c) ||
			rescueAfterRaid(raids, scanned, c) || raidGoesOn && !doerBetween(scanned, -1, c.first) || pastOfPerson(si.toks, c.first) ||
			oneEscape || oneWhoEscaped(si.toks, c)) ||
			slices.Contains(raids, c) // "a police raid": the state's operation, no assault on a prison
	})
	releasedByAttackers(a.text, a.lower, si, scanned)
	si.cues = append(si.cues, hostageTaking(si)...)
	protests := inmatesProtest(a.text, si)
	si.protestOnly = len(protests) > 0 && !si.is(riotCue)
	si.cues = append(si.cues, protests...)
	si.cues = append(si.cues, casualtiesInProtest(si)...)
	si.cues = append(si.cues, convicts...)
	held, heldAt := peopleHeldAt(si)
	si.heldAt = heldAt
	si.cues = append(si.cues, slices.DeleteFunc(held, func(c cueHit) bool { return avenged(a.text, si.toks, si.cues, c) })...)
	si.cues = append(si.cues, fireOnTheHeld(a.lex, a.text, si.toks, scanned, raids)...)
	for _, c := range si.cues {
		si.inmateArson = si.inmateArson || c.category == methodArsonCue && inmateLed(a.text, si, c)
	}
	si.outsiderArson = arsonByOutsiders(a.text, si)
	si.airLanding = airLanding(si)
	ps := appendPieces(a.pieces[:0], text, lower) // dates and numbers keep offsets and strings, not pieces
	a.pieces = ps
	a.lex.markPieces(ps)
	exprs := scanDateExprs(a.lex, text, ps)
	continues := a.lex.phraseAt(sequenceWords, si.toks, 0) > 0 // "Later on 15 April"
	a.looksBack = a.looksBack || si.lex.phraseIn(retrospectiveWords, si.toks, 0, len(si.toks))
	si.pluperfect[0], si.pluperfect[1] = onePersonsPluperfect(a.text, si.toks)
	si.datelineEnd = datelineEnd(text)
	dateline := si.datelineEnd
	if filed, ok := datelineDay(exprs, dateline, si.ref); ok {
		// "ZARVO, Ouh., April 18 (APS) - [...] this morning": a wire's "today" and weekdays count
		// from the day it was filed, whenever it was published; so do the sentences after it.
		si.ref, a.ref = filed, filed
	}
	var dates []DateMention
	dated := exprs // numbers still skip the days in names, dates do not read them
	if i := slices.IndexFunc(exprs, func(e dateExpr) bool { return dayInName(si, e) }); i >= 0 {
		dated = slices.Clone(exprs[:i]) // most sentences have none: no copy
		for _, e := range exprs[i+1:] {
			if !dayInName(si, e) {
				dated = append(dated, e)
			}
		}
	}
	dates, a.story = resolveDatesAfter(dated, si.ref, a.story, continues, a.looksBack)
	for _, d := range dates {
		if si.start+d.Start < si.headerEnd || d.End <= dateline {
			continue // "UPDATE, March 7:" and "ABUJA, July 6 (Reuters) -" date the report, not the event
		}
		if from, to := si.pluperfect[0], si.pluperfect[1]; from < to && si.start+d.Start >= si.toks[from].start && si.start+d.Start < si.toks[to-1].end {
			continue // "a former commander who had died in a drone strike in June 2016": that person's past
		}
		si.calendarDay = si.calendarDay || d.Date.Precision == model.PrecisionDay && strings.ContainsAny(text[d.Start:d.End], "0123456789")
		if len(si.dates) == 0 && d.Start == 0 && strings.HasPrefix(text[d.End:], ":") {
			si.noteDate = si.start + d.Start // "01/09/2020: Two prisoners attacked staff at X, a prison in May, North Vale"
		}
		if len(si.dates) == 0 && (leadingAdverbial(si, text, d) || clauseOpeningDate(si, text, d) || cleftDate(si, text, d) || len(dates) == 1 && trailingAdverbial(si, text, d)) {
			si.leadDate = si.start + d.Start
		}
		d.Start += si.start
		d.End += si.start
		si.dates = append(si.dates, d)
	}
	si.openingEnd = openingAdverbialEnd(text, si)
	si.cues = slices.DeleteFunc(si.cues, func(c cueHit) bool {
		return (c.category.isDeed() || c.category == killedCue || c.category == woundedCue) && c.first >= si.pluperfect[0] && c.first < si.pluperfect[1] || // "a colonel who had been killed in an air strike"
			c.category == escapeCue && (oneManLongAgo(si, c) || // "a man who escaped from X five years ago"
				pastInRelativeClause(a.text, si, c)) || // "re-arrested two inmates who escaped from X last year"
			(c.category.isDeed() || c.category.isMethod()) && namedByPastYear(a.text, si, c) || // "protesters detained during the 2016 unrest", in a story of 2018
			(c.category == killedCue || c.category == woundedCue) && earlierInRelativeClause(si, c) // "in protest at a brawl that left two dead last week"
	})
	si.pastAttack = si.is(attackCue) && !reportsAttack(a.text, si)
	for _, q := range numbersIn(a.lex, text, ps, exprs) {
		q.Start += si.start
		q.End += si.start
		si.quantities = append(si.quantities, q)
	}
	si.quantities = append(si.quantities, duals(a.lex, a.text, si.toks)...)
	before := si.quantities
	if si.sequel != nil {
		before = append(slices.Clone(si.sequel.quantities), before...) // "Seven escaped, and all of them were caught": the clause cut before
	}
	si.quantities = append(si.quantities, allOfThem(a.lex, si.toks, before)...)
	si.reference[0], si.reference[1], si.referenceApart = referencePoint(a.text, si)
	if i := referenceWord(si); i >= 0 {
		si.referenceSpan = durationUnitBefore(a.text, si, i)
	}
	for _, m := range actors {
		if m.Start >= si.start && m.End <= si.end && !inspiredBy(si.lex, a.text, m) && !closingCredit(a.text, m) {
			si.actors = append(si.actors, m)
		}
	}
	si.actors = append(si.actors, a.namedGroups(si)...)
	for _, span := range si.spans {
		if span.last-span.first >= 3 {
			continue
		}
		name := spanName(a.text, span)
		if hasArabicArticle(a.lex, span.fold) || a.lex.has(stopNameWords, span.fold) {
			continue // a nisba ("al-Iraqi") is part of a person's name; "They" folds like "Thai"
		}
		if clockElsewhere(a.text, si.toks, span) {
			continue // "at 22:45 (23:45 in Belmark)": the hour there, no place of the story
		}
		if cc, ok := a.country(name); ok {
			if titledBefore(si.toks, span.first) {
				continue // "il comandante Sirio", "General Kenya": a person's name, not a country's adjective
			}
			if a.divisionAfterTown(si, span, cc) {
				continue // "Macon, Georgia": the state the town lies in, not the country
			}
			if nationalityOfHeld(si, span) {
				continue // "six Belmarkian prisoners escaped from an Ardovian jail": who they are, not where
			}
			if a.onePersonOfNation(si, span) {
				continue // "and Ola Kessel (a Belmarkian)": who he is, not where
			}
			if a.insidePlaceName(si, span) {
				continue // "Port of Belmark": a town's name, not the country
			}
			if toward(si.lex, a.text, si.toks, span) {
				continue // "fled towards the Belmark border": where they went
			}
			if nicknamed(si.lex, si.toks, span.first) {
				continue // "the wing known as Vietnam": what it is called
			}
			if outletNamed(si.toks, span) {
				continue // "Belmark newspapers reported": where the papers are, not where the deed was
			}
			if bannedIn(a.lower, si, span) {
				continue // "the Red Hand (outlawed in Belmark)": where the group is banned, not where the deed was
			}
			if streetName(si.lex, si.toks, span) || originBefore(si.lex, si.toks, span) {
				continue // "avenida Belmark": a street's name; "originaire du Belmark": where a person comes from
			}
			si.countries = append(si.countries, cc)
			if !flagOfForce(a.text, si.toks, span.end) {
				si.located = append(si.located, cc)
				if a.x.demonyms[span.fold] == "" {
					si.locatedNamesAt = append(si.locatedNamesAt, span.start)
				}
			}
		}
	}
	a.caselessCountries(si)
	a.lowerCaseDemonyms(si)
	si.campaigns = findCampaigns(a.text, si)
	si.capitalAt = a.capitalToken(si)
	si.custodyRescue = custodyRescue(a.lower, si)
	fromPlace, fromPolice := takenOutOf(a.lower, si)
	si.takenOut, si.takenFromPlace = fromPlace || fromPolice, fromPlace
}

// streetName reports a name that names a street: right after a noun of streets ("viale Kessel",
// "rue de Kessel") or right before a capitalised one ("Kessel Road"), or a landmark: right before
// a capitalised noun of gates, squares or bridges ("Kessel Gate"; "the gate of Kessel prison" is
// the prison's). Streets and landmarks are named after towns and countries everywhere; their own
// town is elsewhere.
func streetName(lx *lexicon, toks []token, span nameSpan) bool {
	if next := span.last + 1; next < len(toks) && toks[next].upper && (toks[next].is(streetNounWords) || lx.isPhraseWord(landmarkNounPhrases, toks[next].fold)) {
		return true
	}
	return wordBeforeName(toks, span, streetNounWords)
}

// divisionOfOrigin reports a division's name that follows a person's home town, ending at token
// origin, within one comma and a few words: "a native of X, in the province of Y".
func divisionOfOrigin(text string, toks []token, origin int, span nameSpan) bool {
	if span.first <= origin || span.first-origin > originDivisionReach {
		return false
	}
	between := text[toks[origin].end:span.start]
	return strings.Count(between, ",") <= 1 && !strings.ContainsAny(between, ";:.()-–—،؛")
}

// originDivisionReach is how many words may stand between a home town and its division ("X, in
// the province of Y": four).
const originDivisionReach = 5

// wordBeforeName reports a word of the category right before a name, or before a name particle
// that opens it ("originario di Kessel", "a native of Kessel").
func wordBeforeName(toks []token, span nameSpan, words wordCat) bool {
	before := span.first - 1
	if before > 0 && toks[before].is(nameParticleWords) {
		before--
	}
	return before >= 0 && toks[before].is(words)
}

// originBefore reports a name after a word of a person's origin: right after it or a name
// particle ("a native of X"), or after a phrase of origin and a definite article ("most of them
// come from the X area").
func originBefore(lx *lexicon, toks []token, span nameSpan) bool {
	if wordBeforeName(toks, span, originWords) {
		return true
	}
	end := span.first
	if end > 0 && toks[end-1].is(definiteArticleWords) {
		end--
	}
	return lx.phraseEndingBefore(originWords, toks, end, 0) >= 0
}

// bannedIn reports a country named right after a phrase of a group's legal status, or after its
// article ("outlawed in Russia", "interdite en Russie"): an aside on where the group is banned,
// not where the deed was. lower is the text in lower case.
func bannedIn(lower string, si *sentenceInfo, span nameSpan) bool {
	k := span.first
	if k > 0 && si.toks[k-1].is(definiteArticleWords) {
		k--
	}
	return si.lex.writtenPhraseBefore(bannedInPhrases, lower, si.toks, k)
}

// peopleFrom reports a place right after people and a preposition of origin, or its article
// ("four nurses from the Kessel province died"): where they come from, not where the
// deed was. People held are not counted ("inmates from the Kessel prison"), nor a place that names
// a facility after it ("officers from the Kessel police station"). lower is the text in lower case.
func peopleFrom(lower string, si *sentenceInfo, span nameSpan) bool {
	k := span.first
	if k > 0 && si.toks[k-1].is(definiteArticleWords) {
		k--
	}
	for n := 1; n <= 2 && k-n >= 1; n++ {
		if si.lex.lowerPhraseAt(originFromPhrases, lower, si.toks, k-n) != n {
			continue
		}
		people := k - n - 1
		return si.toks[people].is(peopleNounWords) && !slices.ContainsFunc(si.cues, func(c cueHit) bool {
			return c.category == inmateCue && c.first <= people && people <= c.last ||
				(c.category == facilityCue || c.category == holdingCue) && c.first == span.last+1
		})
	}
	return false
}

// divisionsAfter reports a name followed by a bracketed list ("X (Y, Z)"): in an event note, the
// divisions a town lies in, so the name is the town's even where a country bears it.
func divisionsAfter(text string, span nameSpan) bool {
	rest, ok := strings.CutPrefix(text[span.end:], " (")
	if !ok {
		return false
	}
	inside, _, closed := strings.Cut(rest, ")")
	return closed && strings.Contains(inside, ",") && !strings.ContainsAny(inside, "(.;")
}

// insidePlaceName reports a country's name that ends a longer run of the sentence which is itself
// the name of a place ("Port of Belmark") or of a division ("New Belmark", a state elsewhere): the
// country is only part of the name.
func (a *analysis) insidePlaceName(si *sentenceInfo, span nameSpan) bool {
	if span.first == 0 || a.text[si.toks[span.first-1].end:si.toks[span.first].start] != " " {
		return false // "(Isle of Man, England)": a list of names, each its own
	}
	for _, o := range si.spans {
		if o.last != span.last || o.first >= span.first {
			continue
		}
		name := spanName(a.text, o)
		if _, ok := a.country(name); ok {
			return false // "Republic of Belmark" names the country itself
		}
		if _, ok := a.place(name, newPlaceContext(nil)); ok {
			return true
		}
		if _, ok := a.x.res.Region(name, nil); ok {
			return true
		}
	}
	return false
}

// inspiredBy reports a group's name joined by a hyphen to a word that makes it describe another
// actor ("the Red Hand-inspired Kolondo Front", "a Red Hand-inspired attack"): the group is
// what inspired the actor, not the actor.
func inspiredBy(lx *lexicon, text string, m ActorMatch) bool {
	rest, ok := strings.CutPrefix(text[m.End:], "-")
	if !ok {
		return false
	}
	if end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		rest = rest[:end]
	}
	return lx.hasWord(inspiredSuffixWords, rest)
}

// groupsIn returns the armed groups' names among actors that overlap the bytes [start, end): the
// only names a sentence's cues can be part of, so that each cue is not tested against the whole
// document's.
func groupsIn(actors []ActorMatch, start, end int) []ActorMatch {
	var out []ActorMatch
	for _, m := range actors {
		if m.Kind == "armed_group" && m.Start < end && m.End > start {
			out = append(out, m)
		}
	}
	return out
}

// securityStarts returns the first tokens of the words for the security forces among cues.
func securityStarts(cues []cueHit) []int {
	var out []int
	for _, c := range cues {
		if c.category == sideSecurityCue {
			out = append(out, c.first)
		}
	}
	return out
}

// groupDoers returns an attackers' cue over each armed group's name in toks: a group named
// before the security forces may be the doer of the deed after them ("the Red Hand tied up the
// guards and bombed the prison").
func groupDoers(groups []ActorMatch, toks []token) []cueHit {
	var out []cueHit
	for _, m := range groups {
		if first, last := tokenSpan(toks, m.Start, m.End); first >= 0 {
			out = append(out, cueHit{category: attackersCue, first: first, last: last})
		}
	}
	return out
}

// withSeparatedVerbs adds to cues the cue phrases a verb and its particle make when the
// particle stands apart at the end of the clause, as German separable verbs do ("Rund 60
// Häftlinge kamen am Abend frei": "kamen frei"). The hit covers the verb. text is the
// sentence's.
func (a *analysis) withSeparatedVerbs(si *sentenceInfo, text string, cues []cueHit) []cueHit {
	n := len(cues)
	clause := 0 // the first token of the clause being read
	for p := range si.toks {
		end := si.toks[p].end - si.start
		closes := end == len(text) || strings.IndexByte(".,;:!?", text[end]) >= 0
		if p > clause+1 && closes && si.toks[p].is(verbParticleWords) {
			for k := clause; k < p-1; k++ {
				for _, h := range si.lex.scan([]token{si.toks[k], si.toks[p]}) {
					if h.first == 0 && h.last == 1 {
						cues = append(cues, cueHit{category: h.category, first: k, last: k})
					}
				}
			}
		}
		if closes {
			clause = p + 1
		}
	}
	if len(cues) > n {
		slices.SortStableFunc(cues, func(p, q cueHit) int { return p.first - q.first })
	}
	return cues
}

// tokens tokenizes a sentence's text (lower as appendTokens takes it) into the room left in the
// document's token buffer.
func (a *analysis) tokens(text, lower string) []token {
	toks := appendTokens(a.freeTokens, text, lower)
	a.freeTokens = toks[len(toks):]
	return toks[:len(toks):len(toks)] // capped: appending to them must not overwrite the next sentence's
}

// groupsTrade reports an attack word that a group noun and a linking word come right before:
// "uma quadrilha de assaltos a bancos", "una banda de asaltantes" say what the group does for a
// living, not a deed of the story.
func groupsTrade(toks []token, c cueHit) bool {
	return c.first >= 2 && toks[c.first-1].is(nameParticleWords) && (toks[c.first-2].is(groupKindWords) || toks[c.first-2].is(groupKindFirstWords))
}

// inGroupName reports a cue whose words are part of an armed group's name: a name tells who, not
// what happened or which side.
func inGroupName(groups []ActorMatch, toks []token, c cueHit) bool {
	for _, m := range groups {
		if m.Start <= toks[c.first].start && toks[c.last].end <= m.End {
			return true
		}
	}
	return false
}

// nationalityOfHeld reports a country's adjective right before a word for people held
// ("Belmarkian prisoners"): their nationality, not the place of the incident.
func nationalityOfHeld(si *sentenceInfo, span nameSpan) bool {
	if span.last+1 < len(si.toks) && si.toks[span.last+1].is(personNounWords) {
		return true // "a 24-year-old Ardovian visitor": who she is
	}
	for _, c := range si.cues {
		if c.category == inmateCue && c.first == span.last+1 {
			return true
		}
	}
	return false
}

// onePersonOfNation reports a country's adjective standing alone as a noun after an indefinite
// article, nothing but punctuation or the sentence's end after it: "a Belmarkian" is a person of
// that country, while "a Belmarkian prison" places the prison there.
func (a *analysis) onePersonOfNation(si *sentenceInfo, span nameSpan) bool {
	if span.first == 0 || !si.toks[span.first-1].is(singularArticleWords) || a.x.demonyms[span.fold] == "" {
		return false
	}
	return span.last+1 == len(si.toks) || strings.TrimSpace(a.text[si.toks[span.last].end:si.toks[span.last+1].start]) != ""
}

// partialNamesOf returns the names the text writes as the first words of a longer one
// (continuedByParticle). A text names a place in full once and may shorten it after ("Il
// Sant'Anna" after "il carcere Sant'Anna di Modena"), so the short form is no place either.
func (a *analysis) partialNamesOf() map[string]bool {
	var out map[string]bool
	for _, si := range a.sentences {
		for _, span := range si.spans {
			if a.continuedByParticle(si, span) {
				if out == nil {
					out = map[string]bool{}
				}
				out[span.fold] = true
			}
		}
	}
	return out
}

// continuedByParticle reports a name span that a particle and a capitalised word go on with, or
// the first words of a place that does ("San" of "San Juan de Lurigancho"): the longer name is
// another place than its first words, even when the gazetteer knows only them.
func (a *analysis) continuedByParticle(si *sentenceInfo, span nameSpan) bool {
	toks := si.toks
	spaced := func(k int) bool { return k < len(toks) && a.text[toks[k-1].end:toks[k].start] == " " }
	particleAhead := false // the cheap test first: most runs have no particle to go on with
	for k := span.last + 1; k < len(toks) && k <= span.last+3 && spaced(k) && !particleAhead; k++ {
		particleAhead = toks[k].is(nameParticleWords) && !toks[k].upper && spaced(k+1) && toks[k+1].upper
		if !toks[k].upper && !particleAhead {
			break
		}
	}
	if !particleAhead {
		return false
	}
	last := span.last
	for {
		k := last + 1
		if spaced(k) && toks[k].is(nameParticleWords) && !toks[k].upper && spaced(k+1) && toks[k+1].upper {
			return true
		}
		if !spaced(k) || !toks[k].upper || k > span.last+2 || !a.placeOrRegion(a.text[toks[span.first].start:toks[k].end]) {
			return false
		}
		last = k // "San" → "San Juan", a place that the particle may go on with
	}
}

// withoutPossessive is a folded word without its possessive ending ("escobar's").
func withoutPossessive(fold string) string {
	return strings.TrimSuffix(fold, "'s")
}

// spanName is the text of a name span without a possessive ending ("Sierra Leone's").
func spanName(text string, span nameSpan) string {
	return strings.TrimSuffix(strings.TrimSuffix(text[span.start:span.end], "'s"), "’s")
}

// townInDivisionAfter returns the namesake of a town that lies in the division named right after
// it, after a comma or an opening bracket: "Ravna, South Vale" is the Ravna of South Vale, though
// the text names North Vale too and a Ravna lies there as well.
// read is the town as the document reads it elsewhere: most towns already lie there, and no
// namesake is looked for.
func (a *analysis) townInDivisionAfter(si *sentenceInfo, span nameSpan, name string, ctx placeContext, read model.Place) (model.Place, bool) {
	if sep := a.text[span.end:min(len(a.text), span.end+2)]; sep != ", " && sep != " (" {
		return model.Place{}, false
	}
	for _, t := range si.spans {
		if t.first != span.last+1 || t.start != span.end+2 {
			continue
		}
		division := spanName(a.text, t)
		key := a.placeKey(division)
		if read.Admin1 != "" && a.placeKey(read.Admin1) == key {
			return model.Place{}, false
		}
		q := divisionQuery{name, division, ctx.key}
		r, asked := a.inDivision[q]
		if !asked {
			if a.divisionName(division, ctx) {
				p, ok := a.x.res.Within([]string{division})(name, ctx.countries)
				r = placeAnswer{p, ok && a.placeKey(p.Admin1) == key}
			}
			if a.inDivision == nil {
				a.inDivision = map[divisionQuery]placeAnswer{}
			}
			a.inDivision[q] = r
		}
		if r.ok {
			return r.place, true
		}
	}
	return model.Place{}, false
}

// divisionName reports a name of a first-level division in the context's countries, not a
// country's: the only names a town's namesake is looked for in.
func (a *analysis) divisionName(name string, ctx placeContext) bool {
	if _, country := a.country(name); country {
		return false
	}
	_, ok := a.x.res.Region(name, ctx.countries)
	return ok
}

// divisionAfterTown reports a country name written after a town, after a comma or alone in
// brackets, that names, in another country, the division the town lies in: "Macon, Georgia" and
// "Macon (Georgia)" are the American state.
func (a *analysis) divisionAfterTown(si *sentenceInfo, span nameSpan, country string) bool {
	k := span.first - 1
	if k < 0 || !nameLike(si.lex, si.toks[k]) {
		return false
	}
	switch a.text[si.toks[k].end:span.start] {
	case ", ":
	case " (":
		if !strings.HasPrefix(a.text[span.end:], ")") {
			return false // "Macon (Georgia, Ardovia)": a list, which divisionsAfter reads
		}
	default:
		return false
	}
	first := k
	for first > 0 && k-first < 2 && nameLike(si.lex, si.toks[first-1]) && a.text[si.toks[first-1].end:si.toks[first].start] == " " {
		first--
	}
	region, ok := a.x.res.Region(a.text[span.start:span.end], nil)
	if !ok || region.Country == country {
		return false
	}
	p, ok := a.x.res.Place(a.text[si.toks[first].start:si.toks[k].end], []string{region.Country})
	return ok && p.Country == region.Country && a.placeKey(p.Admin1) == a.placeKey(region.Admin1)
}

// onePersonsPast returns the token range of a relative clause about one person that the
// sentence's main verb, after it, says was killed or arrested ("X, leader of the gang, who escaped
// during the 1 January attack on the prison, was killed in a shootout"): what the clause tells is
// that person's past, an event of its own, not the sentence's. 0, 0 if none.
func onePersonsPast(text string, toks []token, cues []cueHit) (int, int) {
	for k := 1; k < len(toks); k++ {
		if !toks[k].is(relativePronounWords) || !onePersonBefore(toks, k) {
			continue
		}
		end := relativeClauseEnd(text, toks, k)
		if end <= k || !strings.Contains(text[toks[end].end:min(len(text), toks[end].end+2)], ",") {
			continue // the clause must close before the main verb
		}
		for _, c := range cues {
			switch c.category {
			case killedCue, arrestedCue, recapturedCue:
				if c.first > end && c.first-end <= mainVerbReach {
					return k, end + 1
				}
			}
		}
	}
	return 0, 0
}

// onePersonBefore reports one person named or described right before token k, over a group's
// name after "of" ("leader of the Red Hand who"): a singular person word or a capitalised name
// within a few words, with no plural person word between.
func onePersonBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= onePersonReach; j-- {
		if toks[j].is(singularPersonWords) {
			return true
		}
		if !toks[j].upper && !toks[j].is(partitiveWords) && !toks[j].is(definiteArticleWords) {
			return false
		}
	}
	return false
}

// fateBefore reports a word of killing, arrest or recapture before token k: the main clause says
// what became of the person a clause from k on tells the past of.
func fateBefore(cues []cueHit, k int) bool {
	return slices.ContainsFunc(cues, func(c cueHit) bool {
		return c.last < k && (c.category == killedCue || c.category == arrestedCue || c.category == recapturedCue)
	})
}

// mainVerbReach is how many words after a relative clause the main verb may begin ("was killed").
const mainVerbReach = 3

// onePersonReach is how many words a group's name may take between one person and the relative
// pronoun about him ("leader of the Red Hand who").
const onePersonReach = 5

// personsLife returns the token range of a clause that dates something by a person's own life:
// a temporal word and a subject pronoun of one person ("after he left prison", "since she was
// released"), up to the next comma. Its places of detention are that person's past; "after they
// felt the tremors in the prison" tells where the people of the story were.
func personsLife(text string, toks []token) (int, int) {
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].is(temporalReferenceWords) || !toks[i+1].is(onePronounWords) {
			continue
		}
		return i, markAfter(text, toks, i+2, len(toks), clauseMarks)
	}
	return 0, 0
}

// markAfter returns the first token from token from up to limit that one of marks comes right
// before, limit if none: where the clause open before it ends ("who had died in June 2016, his
// brother said"), or the comma that closes an aside.
func markAfter(text string, toks []token, from, limit int, marks string) int {
	end := from
	for end < limit && !containsAny(text[toks[end-1].end:toks[end].start], marks) {
		end++
	}
	return end
}

// scanCues scans a sentence's tokens for the cues of the report's language, and for the facility
// phrases of other languages that no cue of its own covers.
func (a *analysis) scanCues(toks []token) []cueHit {
	cues := a.lex.scan(toks)
	if a.lex == a.x.lex.all {
		return cues
	}
	own := len(cues)
	for _, h := range a.x.lex.foreignFacilities.scan(toks) {
		if !slices.ContainsFunc(cues[:own], func(c cueHit) bool { return c.first <= h.last && h.first <= c.last }) {
			cues = append(cues, h)
		}
	}
	if len(cues) > own {
		slices.SortStableFunc(cues, func(p, q cueHit) int { return p.first - q.first })
	}
	return cues
}

// attemptOfAssault reports an attempt word that an infinitive follows ("attempted to target the
// prison"), or a noun of attempt and an infinitive ("a failed bid to free"), or an attack, escape
// or facility word within two words ("attempted jailbreak"), not a noun of another deed ("the
// attempted murder of a prisoner").
func attemptOfAssault(toks []token, cues []cueHit, c cueHit) bool {
	if c.last+1 < len(toks) && toks[c.last+1].is(infinitiveMarkerWords) {
		return true
	}
	if c.last+2 < len(toks) && toks[c.last+1].is(attemptVerbWords) && toks[c.last+2].is(infinitiveMarkerWords) {
		return true // "a failed bid to free their comrades": the attempt's noun, then its infinitive
	}
	for _, o := range cues {
		switch o.category {
		case attackCue, escapeCue, facilityCue:
			if o.first > c.last && o.first <= c.last+2 {
				return true
			}
		}
	}
	return false
}

// failedOtherDeed reports a verb of failure followed by an infinitive in a sentence that tells no
// attack, escape or riot: what failed is another deed ("two inmates failed to return from
// leave"), where "attacked the prison but failed to breach its walls" tells an assault repelled.
func failedOtherDeed(toks []token, cues []cueHit, c cueHit) bool {
	if c.first != c.last || !toks[c.last].is(failureVerbWords) || c.last+2 >= len(toks) ||
		!toks[c.last+1].is(infinitiveMarkerWords) || toks[c.last+1].is(singularArticleWords) {
		return false // "thwarted a plan": an article, though Spanish writes "a" before an infinitive
	}
	return !slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category == attackCue || o.category == escapeCue || o.category == riotCue
	})
}

// countedAt reports a word a number stands right before: a noun of what is counted, whatever else
// it may be ("tres condenados": three convicts).
func countedAt(lx *lexicon, toks []token, k int) bool {
	if k == 0 {
		return false
	}
	prev := toks[k-1].fold
	return allDigits(prev) || lx.isNumberWord(prev)
}

// peopleHeldAt finds people said to be held somewhere: "asylum seekers held at the processing
// centre", "migranti marocchini trattenuti nel centro" are inmates whatever the place is called,
// and an inmate cue marks their noun. Guards and police held there are hostages.
func peopleHeldAt(si *sentenceInfo) (added []cueHit, found bool) {
	for k := 0; k+1 < len(si.toks); k++ {
		if !si.toks[k].is(peopleNounWords) || si.lex.phraseAt(heldInWords, si.toks, k+1) == 0 && si.lex.phraseAt(heldInWords, si.toks, k+2) == 0 || cueAt(si, sideSecurityCue, k) || cueAt(si, claimantDefenderCue, k) {
			continue
		}
		found = true
		if !cueAt(si, inmateCue, k) {
			added = append(added, cueHit{category: inmateCue, first: k, last: k})
		}
	}
	return added, found
}

// hostageTaking finds hostage-taking told with its object between verb and noun ("took two
// guards hostage", "held the commander hostage"), which a cue phrase cannot: a riot cue from the
// verb to the noun, unless one already covers them.
func hostageTaking(si *sentenceInfo) []cueHit {
	var out []cueHit
	for i, t := range si.toks {
		if !t.is(hostageWords) {
			continue
		}
		for k := i - 1; k >= 0 && i-k <= hostageObjectReach; k-- {
			if !si.toks[k].is(hostageVerbWords) {
				continue
			}
			covered := false
			for _, c := range si.cues {
				covered = covered || c.category == riotCue && c.first <= i && c.last >= k
			}
			if !covered {
				out = append(out, cueHit{category: riotCue, first: k, last: i})
			}
			break
		}
	}
	return out
}

// deathPenalty reports a word of death right after the preposition of a penalty, a word of
// sentencing a few words before it: "sentenced five men to death", "condenados a muerte". lower is
// the text in lower case, where the phrases are looked up without a copy.
func deathPenalty(lower string, si *sentenceInfo, cues []cueHit, c cueHit) bool {
	if !si.lex.writtenPhraseBefore(penaltyToPhrases, lower, si.toks, c.first) {
		return false
	}
	return slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category == legalCue && o.last < c.first && c.first-o.last <= penaltyReach
	})
}

// penaltyReach is how many words a sentencing verb may stand before the death it imposes, the
// people sentenced between them ("sentenced the former president and 105 others to death").
const penaltyReach = 12

// rumoured reports a deed word a rumour noun governs a few words before it in its clause:
// "rumours on messaging apps claimed that some 80 prisoners had fled" tells hearsay, not a deed.
// lower is the text in lower case.
func rumoured(lower string, si *sentenceInfo, c cueHit) bool {
	for k := c.first - 1; k >= max(0, c.first-rumourReach); k-- {
		if containsAny(lower[si.toks[k].end:si.toks[k+1].start], clauseMarks) {
			return false
		}
		if si.lex.writes(rumourPhrases, lower, si.toks[k]) {
			return true
		}
	}
	return false
}

// rumourReach is how many words before a deed word the rumour that tells it may stand ("rumours
// on messaging apps claimed that some 80 prisoners had fled").
const rumourReach = 12

// staffClash reports a riot word between parties of the state's side, one before it and one
// after it, in a sentence that names no one held and no attackers: "riot police clashed with
// striking warders" tells a labour dispute, not unrest of the people held.
func staffClash(cues []cueHit, c cueHit) bool {
	before, after := false, false
	for _, o := range cues {
		switch {
		case o.category == inmateCue || o.category == attackersCue:
			return false
		case o.category == sideSecurityCue && o.last < c.first:
			before = true
		case o.category == sideSecurityCue && o.first > c.last:
			after = true
		}
	}
	return before && after
}

// inmatesProtest finds people held who protest, their noun right before the verb or its subject
// past the place they are held in ("inmates protested over food rations", "los internos
// protestaron", "prisoners in X (Y, Z) demonstrated"): unrest inside, a riot when violence or its
// putting down is told with it (peacefulProtest); relatives protesting outside name no inmate as
// the verb's subject.
func inmatesProtest(text string, si *sentenceInfo) []cueHit {
	var out []cueHit
	for _, c := range si.cues {
		if c.category != inmateCue || c.last+1 >= len(si.toks) {
			continue
		}
		verb := c.last + 1
		if !si.lex.isPhraseWord(protestVerbPhrases, si.toks[verb].fold) {
			verb = protestVerbAfter(text, si, c)
		}
		if verb < 0 {
			continue
		}
		of := c.first - 1
		if of > 0 && (si.toks[of].is(definiteArticleWords) || si.toks[of].is(possessiveDeterminerWords)) {
			of-- // "families of the detainees", "relatives of their inmates"
		}
		if of >= 0 && partitiveToken(&si.toks[of]) {
			continue // "relatives of inmates protested outside the jail": the relatives protest
		}
		if !slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == riotCue && o.first <= verb && o.last >= verb }) {
			out = append(out, cueHit{category: riotCue, first: c.first, last: verb})
		}
	}
	return out
}

// protestVerbAfter returns a verb of protesting whose subject is the people held of cue c, a place
// they are held in between ("prisoners in X (Y, Z) demonstrated", "inmates at the X prison
// protested"), or -1.
func protestVerbAfter(text string, si *sentenceInfo, c cueHit) int {
	if c.last+1 >= len(si.toks) || !si.toks[c.last+1].is(facilityLocativeWords) {
		return -1
	}
	for k := c.last + 2; k < len(si.toks) && k-c.last <= inmateSubjectReach; k++ {
		if si.lex.isPhraseWord(protestVerbPhrases, si.toks[k].fold) && !si.toks[k-1].is(singularArticleWords) && !si.toks[k-1].is(definiteArticleWords) {
			if inmateSubjectOf(text, si, cueHit{first: k, last: k}) {
				return k
			}
			return -1
		}
	}
	return -1
}

// casualtiesInProtest finds a noun of protest after its article in a sentence that tells people
// held killed or wounded, their noun right before the verb, at a place of detention ("47 prisoners
// were killed by guards during a demonstration inside the prison"): unrest inside, a riot.
// Relatives who protest are the verb's subject, no noun after an article.
func casualtiesInProtest(si *sentenceInfo) []cueHit {
	if si.is(riotCue) || !si.is(facilityCue) || !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == inmateCue && slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return (o.category == killedCue || o.category == woundedCue) && o.first > c.last && o.first-c.last <= casualtyVerbReach
		})
	}) {
		return nil
	}
	for k := 1; k < len(si.toks); k++ {
		if si.lex.isPhraseWord(protestVerbPhrases, si.toks[k].fold) && (si.toks[k-1].is(singularArticleWords) || si.toks[k-1].is(definiteArticleWords)) {
			return []cueHit{{category: riotCue, first: k, last: k}}
		}
	}
	return nil
}

// casualtyVerbReach is how many words after the noun of people held their verb of death or
// wounds may stand ("prisoners were killed").
const casualtyVerbReach = 3

// hostageObjectReach is how many words the object of a hostage-taking may run ("took the prison's
// deputy director hostage").
const hostageObjectReach = 6

// fiction reports a text that speaks of a film, a series or a book at least minFictionCues times:
// it retells a story, and its breakouts and riots are not incidents.
func (a *analysis) fiction() bool {
	n := 0
	for _, si := range a.sentences {
		for _, c := range si.cues {
			if c.category == fictionCue {
				n++
			}
		}
	}
	return n >= minFictionCues || n > 0 && a.reviewTitle()
}

// drill reports a text whose title or opening sentence tells a drill or an exercise: the riots
// and escapes it goes on to tell are the scenario played, not incidents, though its later
// sentences no longer say so ("inmates played by police officers staged a riot and tried to flee").
func (a *analysis) drill() bool {
	if slices.ContainsFunc(a.titleCues, func(c cueHit) bool { return c.category == stagedCue }) {
		return true
	}
	si := a.firstBodySentence()
	return si != nil && si.is(stagedCue)
}

// firstBodySentence returns the text's first sentence after its title, nil if there is none: the
// sentence a report opens its story with.
func (a *analysis) firstBodySentence() *sentenceInfo {
	title := strings.TrimSpace(a.doc.Title)
	for _, si := range a.sentences {
		if title == "" || strings.TrimSpace(a.text[si.start:si.end]) != title {
			return si
		}
	}
	return nil
}

// trialReport reports a text that opens on a trial: its title names a deed only as the offence a
// court tries ("Convicted for escaping from prison"), or the first sentence after the title tells no
// deed but the matter of a case a court hears ("the court resumed hearing the case of the escape
// of prisoners"). The breakouts and riots it goes on to tell are the court's matter, not news.
func (a *analysis) trialReport() bool {
	titleDeeds := 0
	for _, c := range a.titleCues {
		switch {
		case c.category == arrestedCue:
			return false // "Three arrested for helping inmates escape": the police's news, not a court's
		case !c.category.isDeed() && c.category != escapedCue:
		case !offence(a.lex, a.doc.Title, a.title, c):
			return false // the title tells a deed of its own
		default:
			titleDeeds++
		}
	}
	if titleDeeds > 0 {
		return true
	}
	si := a.firstBodySentence()
	return si != nil && si.judged && !isEvent(si)
}

// reviewTitle reports a title that calls the text a review ("Film review: ...", "Critique :
// ..."): one word of films or books in the text then suffices.
func (a *analysis) reviewTitle() bool {
	for i := range a.title {
		if a.lex.phraseAt(reviewWords, a.title, i) > 0 {
			return true
		}
	}
	return false
}

// exchangeTitle reports a title that tells a prisoner exchange ("... after biggest prisoner swap
// since the Cold War"): the text's freed prisoners were handed over, not broken out.
func (a *analysis) exchangeTitle() bool {
	return slices.ContainsFunc(a.titleCues, func(c cueHit) bool { return c.category == exchangeCue })
}

// titleLooksBack reports a title that says its text looks back on a past deed: a retrospective
// phrase ("thirty years on") or years counted back ("Há 30 anos, ...", "20 years ago today").
func (a *analysis) titleLooksBack() bool {
	if a.doc.Title == "" {
		return false
	}
	if a.lex.phraseIn(retrospectiveWords, a.title, 0, maxTitleWords) {
		return true
	}
	return slices.ContainsFunc(scanDateExprs(a.lex, a.doc.Title, scanPieces(a.doc.Title)), func(e dateExpr) bool {
		return e.rel == dateYearOffset && e.n < 0 || e.rel == dateAnniversary
	})
}

// titleTokens returns the document title's tokens, marked with the lexicon's words.
func (a *analysis) titleTokens() []token {
	toks := tokenize(a.doc.Title)
	a.lex.markWords(toks)
	return toks
}

// firstOf returns countries with c moved or added to the front.
func firstOf(c string, countries []string) []string {
	return append([]string{c}, slices.DeleteFunc(slices.Clone(countries), func(o string) bool { return o == c })...)
}

// minFictionCues is how often a text must name films or books to be a review: news of a real
// breakout may mention a film once ("a scene out of a movie").
const minFictionCues = 3

// namesCountry reports whether the text names a country (the home countries of the actors it
// names do not count).
func (a *analysis) namesCountry() bool {
	for _, si := range a.sentences {
		if len(si.countries) > 0 {
			return true
		}
	}
	return false
}

// titleCountries returns the countries the document's title names, then those the words of
// its web address's path name: a path most often repeats the headline
// (".../20220508-tarvonia-un-mort-..."), which a copy of the story may have left out.
func (a *analysis) titleCountries() []string {
	if a.headRead {
		return a.headCountries
	}
	a.headRead = true
	var out []string
	for _, title := range []string{a.doc.Title, headlineOfAddress(a.doc.URL)} {
		toks := a.lex.splitElisions(tokenize(title), title)
		a.lex.markWords(toks)
		for _, span := range nameSpans(a.lex, "", toks, 3) {
			if cc, ok := a.country(spanName(title, span)); ok && !slices.Contains(out, cc) {
				out = append(out, cc)
			}
		}
	}
	a.headCountries = out
	return out
}

// names returns the distinct capitalised names of up to three words the text holds, those in
// another script than Latin followed by their dictionary forms: "в Тарвове" names Tarvovo.
func (a *analysis) names() []string {
	seen := map[string]bool{}
	var out []string
	for _, si := range a.sentences {
		for _, span := range si.spans {
			if span.last-span.first >= 3 || a.lex.has(stopNameWords, span.fold) || seen[span.fold] {
				continue
			}
			seen[span.fold] = true
			name := a.text[span.start:span.end]
			out = append(out, name)
			if !latinOnly(name) {
				out = append(out, a.placeFormsOf(name)...)
			}
		}
	}
	return out
}

// bracketPairs returns the byte offsets of each opening bracket of text[start:end] and of the
// closing one after it, in order.
func bracketPairs(text string, start, end int) [][2]int {
	var out [][2]int
	for from := start; ; {
		open := strings.IndexByte(text[from:end], '(')
		if open < 0 {
			return out
		}
		open += from
		closing := strings.IndexByte(text[open:end], ')')
		if closing < 0 {
			return out
		}
		closing += open
		out = append(out, [2]int{open, closing})
		from = closing + 1
	}
}

// bracketedNames returns the names listed in brackets with a comma and the name right before
// such a list: "the X prison (X, Y Province)" names a town and the divisions it lies in.
func (a *analysis) bracketedNames() []string {
	var out []string
	add := func(span nameSpan) {
		if name := a.text[span.start:span.end]; !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, si := range a.sentences {
		for _, b := range bracketPairs(a.text, si.start, si.end) {
			open, closing := b[0], b[1]
			if !strings.Contains(a.text[open:closing], ",") {
				continue // an abbreviation or an aside, no list of places
			}
			for _, span := range si.spans {
				if span.start > open && span.end <= closing || span.end <= open && strings.TrimSpace(a.text[span.end:open]) == "" {
					add(span)
				}
			}
		}
	}
	return out
}

// rankCountries orders the document's countries by how often they are named, counting the
// countries of resolved places too when withPlaces is given; the home countries of the groups
// named come last.
func (a *analysis) rankCountries(withPlaces []*sentenceInfo) []string {
	count := map[string]int{}
	var order []string
	add := func(c string) {
		if count[c] == 0 {
			order = append(order, c)
		}
		count[c]++
	}
	for _, si := range a.sentences {
		for _, c := range si.countries {
			add(c)
		}
	}
	for _, si := range withPlaces {
		for _, p := range si.places {
			add(p.place.Country)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	// A report that names ISWAP and Lokoja but not Nigeria is still about Nigeria.
	for _, si := range a.sentences {
		for _, m := range si.actors {
			if m.Country != "" && len(m.Country) == 2 && count[m.Country] == 0 {
				count[m.Country] = 1
				order = append(order, m.Country)
			}
		}
	}
	// A headline often names the country its story's text leaves out ("Attack on a police
	// station in Burkina"): after the groups' home countries.
	for _, cc := range a.titleCountries() {
		if count[cc] == 0 {
			count[cc] = 1
			order = append(order, cc)
		}
	}
	return order
}

// nameSpan is a run of name-like tokens: bytes [start, end), tokens first..last, and its words
// folded and joined as foldPhrase would give them.
type nameSpan struct {
	start, end, first, last int
	fold                    string
}

// nameSpans returns every run of up to n capitalised words (allowing Arabic articles, short
// particles and elided articles inside: "Côte d'Ivoire"), longest first at each position. lower
// is the asciiLower of the text the tokens' offsets point into, "" if there is none: a run's
// fold is a slice of it when the text spells it so (joinFoldsIn).
func nameSpans(lx *lexicon, lower string, toks []token, n int) []nameSpan {
	var buf [64]bool // most sentences' words: no allocation for them
	like := buf[:0]
	for _, t := range toks {
		like = append(like, nameLike(lx, t))
	}
	var spans []nameSpan
	for i := range toks {
		if !like[i] {
			continue
		}
		// Particles do not count towards n: "Santa Cruz de la Sierra" is a name of three words.
		for j := min(len(toks)-1, i+n-1+maxNameParticles); j >= i; j-- {
			if !like[j] {
				continue
			}
			ok, words := true, 2
			for k := i + 1; k < j; k++ {
				switch {
				case like[k]:
					words++
				case !toks[k].is(nameParticleWords) && !toks[k].is(elisionWords):
					ok = false
				}
			}
			if ok && (j == i || words <= n) {
				if spans == nil {
					spans = make([]nameSpan, 0, 8) // room for the runs of most sentences, not regrown from one
				}
				spans = append(spans, nameSpan{toks[i].start, toks[j].end, i, j, joinFoldsIn(lower, toks[i:j+1])})
			}
		}
	}
	return spans
}

// maxNameParticles is how many particles a name may hold beside its words ("de la").
const maxNameParticles = 2

// nameLike reports a token that can be part of a proper name: capitalised, or an Arabic article
// joined to a capitalised word ("al-Hasakah").
func nameLike(lx *lexicon, t token) bool {
	if t.upper {
		return true
	}
	return hasArabicArticle(lx, t.fold)
}

// hasArabicArticle reports a folded word or name that opens with an arabic_article joined to more
// by a hyphen: "al-hasakah", "al-iraqi", "ash-shabaab".
func hasArabicArticle(lx *lexicon, folded string) bool {
	i := strings.IndexByte(folded, '-')
	return (i == 2 || i == 3) && i+1 < len(folded) && lx.has(arabicArticleWords, folded[:i]) // articles are two or three letters
}

// resolvePlaces finds place names in a sentence, longest first, skipping actor names, cue words
// and numbers. It runs again when the places found change the document's countries: what it
// learns of a name apart from those countries is kept in the sentence (readSpan, capitalAt).
func (a *analysis) resolvePlaces(si *sentenceInfo) {
	ctx := a.placeContextOf(si)
	var notPlaces []nameSpan   // people's names and countries: none of their words is a town
	var unknownRuns []nameSpan // runs of names that are no place and end in words of no category
	origin := -1               // the last token of a person's home town (originWords)
	taken := func(s, e int) bool {
		for _, m := range si.actors {
			if s < m.End && e > m.Start {
				return true
			}
		}
		for _, p := range si.places {
			if s < p.end && e > p.start {
				return true
			}
		}
		for _, p := range notPlaces {
			if s < p.end && e > p.start {
				return true
			}
		}
		return false
	}
	dateline := si.start + si.datelineEnd
	if a.filedIn != nil && a.filedIn.start >= si.start && a.filedIn.end <= si.end {
		si.places = append(si.places, *a.filedIn)
	}
	a.joinedDivisions(si, ctx)
	for k, span := range si.spans {
		if taken(span.start, span.end) {
			continue
		}
		if span.start < dateline && strings.Contains(a.text[si.start:span.start], "(") {
			continue // "TARVO, Oct. 4 (Orlin Press Service) -": the agency, no place
		}
		r := a.readSpan(si, k)
		if r.person || r.country && span.first < span.last {
			notPlaces = append(notPlaces, span) // neither "Carlos" nor "Toro" of "director Carlos Toro" is a place, nor "San" of "San Marino"
			continue
		}
		if r.skip || span.first == span.last && a.lex != a.x.lex.all && a.commonWord(si, span.first) {
			continue // "Neun Gefangene", "Fuentes oficiales": a word of the text's language, capitalised, names no town
		}
		if span.last+1 < len(si.toks) && si.toks[span.last+1].is(mediumNounWords) || mediumBefore(a.text, si.toks, span.first) {
			continue // "told Kessel news", "the Kessel newspaper reported", "la radio local Kessel": an outlet's name
		}
		if si.lex.isPhrase(directionWords, si.toks, span.first-1, 2) {
			continue // "Kolondo Barat Daya": the second word of a compound direction, no place of its own
		}
		if clockElsewhere(a.text, si.toks, span) {
			continue
		}
		if streetName(si.lex, si.toks, span) {
			continue // "in viale Kessel a Tarvo": the street is in Tarvo, not in Kessel
		}
		if originBefore(si.lex, si.toks, span) || peopleFrom(a.lower, si, span) {
			origin = span.last
			continue // "the escaped man, a native of Orlin": where he comes from, not where the deed was
		}
		if origin >= 0 && r.division != townOrDivision && divisionOfOrigin(a.text, si.toks, origin, span) {
			continue // "originario di Orlin, in provincia di Tarvo": the province of his home town
		}
		name := spanName(a.text, span)
		p, ok := model.Place{}, false
		switch r.division {
		case divisionOnly:
			if p, ok = a.x.res.Region(name, ctx.countries); !ok || !slices.Contains(ctx.countries, p.Country) {
				continue
			}
		case divisionFirst:
			if p, ok = a.x.res.Region(name, ctx.countries); !ok {
				p, ok = a.place(name, ctx) // "the state of X" is the state, not its namesake town
			} else {
				a.markDivision(span, p)
			}
		default:
			p, ok = a.place(name, ctx)
			if q, inside := a.townInDivisionAfter(si, span, name, ctx, p); inside {
				p, ok = q, true
			}
		}
		if !ok && kunya(si.toks, span) {
			notPlaces = append(notPlaces, span) // "Abu Hamza": neither "Abu" nor "Hamza" is a place here
		}
		if !ok && a.plainNameAfter(si, span) {
			unknownRuns = append(unknownRuns, span)
		}
		if ok && span.first == span.last && (!slices.Contains(a.named, p.Country) && len(a.named) > 0 || si.toks[span.first].is(givenNameWords)) &&
			slices.ContainsFunc(unknownRuns, func(r nameSpan) bool { return r.first == span.first }) {
			continue // "Orlin Kessel", "Florence Kessel": a town abroad or a given name that opens a name no gazetteer knows is a person's first name
		}
		if ok && span.first == span.last && slices.ContainsFunc(unknownRuns, func(r nameSpan) bool {
			return r.first < span.first && span.last <= r.last && (span.last < r.last || si.toks[r.first].marks == si.lex.noMarks) && !a.countryIn(si, r)
		}) {
			// "Ola Tarvo Kessel": a town between two words of a name no gazetteer knows is a
			// person's name; "Belo Tarvo", a district the gazetteer lacks, ending in a town's
			// name, is another place (a first word of a category, "Lapas Tarvo", is no name's).
			continue
		}
		if !ok || p.Precision == model.GeoCountry {
			continue
		}
		si.places = append(si.places, placeHit{start: span.start, end: span.start + len(name), place: p, landmark: a.bearing(si, k), bearingOf: directionFrom(si.toks, span),
			dateline: span.first == 0 && !listItem(a.text, si.start) && (isUpperCase(name) && strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") ||
				datelineMark(a.text[span.end:si.end])) || spokenAt(si, span) || afterOutletInDateline(a.text, si, span)})
	}
	if hit, ok := a.capital(si); ok && !taken(hit.start, hit.end) {
		si.places = append(si.places, hit)
	}
	si.places = a.oneCountryInBrackets(si)
	si.places = a.townBeforeNamedCountry(si)
	si.places = a.townsOfLocatedCountries(si)
}

// townsOfLocatedCountries drops the places of a sentence that lie in a country the text never
// names, when the sentence names another country by its name after them as where things happen:
// "a prison in Kessel Orlin, north-west Ardovia" is in Ardovia, and a namesake Kessel of Belmark,
// which the gazetteer knows where it lacks the longer name, is no place of the story. A country's
// adjective ("Belmarkian forces") says whose, not where; a country's name inside the place's own
// ("Ardovia City") locates nothing.
func (a *analysis) townsOfLocatedCountries(si *sentenceInfo) []placeHit {
	if len(si.locatedNamesAt) == 0 || len(a.named) == 0 {
		return si.places
	}
	return slices.DeleteFunc(si.places, func(p placeHit) bool {
		if slices.Contains(a.named, p.place.Country) || slices.Contains(si.located, p.place.Country) {
			return false
		}
		return slices.ContainsFunc(si.locatedNamesAt, func(at int) bool { return at >= p.end })
	})
}

// mediumBefore reports a noun of news outlets (medium_noun, outlet_noun) right before token k, or one word in lower case
// before it that is no locative nor linking word ("la radio local Kessel", not "la radio de
// Kolondo"): the capitalised name at k is the outlet's.
func mediumBefore(text string, toks []token, k int) bool {
	medium := func(t token) bool { return t.is(mediumNounWords) || t.is(outletNounWords) }
	m := k - 1
	if m >= 1 && !toks[m].upper && !toks[m].is(facilityLocativeWords) && !toks[m].is(facilityLinkWords) && !medium(toks[m]) {
		m--
	}
	return m >= 0 && medium(toks[m]) && !strings.ContainsAny(text[toks[m].end:toks[k].start], ",;:()")
}

// clockElsewhere reports a name after a locative word that closes a bracket opened by an hour of
// the clock, or opened right after one: "at 22:45 (23:45 in Belmark)", "at 22:00 local time (the
// same hour in Belmark)" give the hour in another place, which the story does not happen in.
func clockElsewhere(text string, toks []token, span nameSpan) bool {
	if span.first < 2 || !strings.HasPrefix(text[span.end:], ")") || !toks[span.first-1].is(facilityLocativeWords) {
		return false
	}
	inside := strings.TrimRight(text[:toks[span.first-1].start], ", ")
	open := strings.LastIndexByte(inside, '(')
	if open < 0 || strings.ContainsRune(inside[open:], ')') {
		return false
	}
	if first, _, _ := strings.Cut(inside[open+1:], " "); clockTime(strings.TrimRight(first, ",")) {
		return true
	}
	before := strings.Fields(inside[max(0, open-clockAsideBytes):open])
	for _, w := range before[max(0, len(before)-clockAsideWords):] {
		if clockTime(w) {
			return true
		}
	}
	return false
}

// clockAsideWords is how many words may stand between an hour and the bracket that gives it
// elsewhere ("22:45 hora local ("), and clockAsideBytes how far back they are looked for.
const (
	clockAsideWords = 3
	clockAsideBytes = 40
)

// clockTime reports an hour of the clock as written in numbers: "23:45", "3h", "10h30", "9.15".
func clockTime(s string) bool {
	digits, sep := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == ':' || c == 'h' || c == '.') && digits > 0 && !sep:
			sep = true
		default:
			return false
		}
	}
	return sep && digits >= 1 && digits <= 4
}

// townBeforeNamedCountry drops a place that a comma, and at most one word of its name before it,
// puts right before a place of another country, when the sentence names that country as where
// things happen and not the first place's: "Lima Bazaar, Kolondo District, Ardovia" is no Lima of
// Belmark, whatever the gazetteer lacks.
func (a *analysis) townBeforeNamedCountry(si *sentenceInfo) []placeHit {
	if len(si.places) < 2 || len(si.located) == 0 {
		return si.places
	}
	found := slices.Clone(si.places) // DeleteFunc compacts si.places as it goes
	return slices.DeleteFunc(si.places, func(p placeHit) bool {
		if slices.Contains(si.located, p.place.Country) {
			return false
		}
		return slices.ContainsFunc(found, func(q placeHit) bool {
			if q.start <= p.end || q.place.Country == p.place.Country || !slices.Contains(si.located, q.place.Country) {
				return false
			}
			gap, ok := strings.CutSuffix(a.text[p.end:q.start], ", ")
			return ok && !strings.ContainsAny(gap, ",;:.()") && strings.Count(strings.TrimSpace(gap), " ") == 0
		})
	})
}

// countryIn reports a word of a run of names that names a country ("Ardovia'da Kolondo Cezaevi").
func (a *analysis) countryIn(si *sentenceInfo, r nameSpan) bool {
	for k := r.first; k <= r.last; k++ {
		if _, ok := a.country(a.text[si.toks[k].start:si.toks[k].end]); ok {
			return true
		}
	}
	return false
}

// joinedDivisions adds the divisions whose names join two names by a conjunction ("Kolondo and
// Ridge"): the gazetteer knows them whole, and their halves are no places of their own.
func (a *analysis) joinedDivisions(si *sentenceInfo, ctx placeContext) {
	for _, s := range si.spans {
		and := s.last + 1
		if and+1 >= len(si.toks) || !si.toks[and].is(conjunctionWords) || !si.toks[and+1].upper {
			continue
		}
		for _, t := range si.spans {
			if t.first != and+1 {
				continue
			}
			if p, ok := a.x.res.Region(a.text[s.start:t.end], ctx.countries); ok {
				si.places = append(si.places, placeHit{start: s.start, end: t.end, place: p})
				break // the longest run after the conjunction that makes a division
			}
		}
	}
}

// plainNameAfter reports a run of two or more names whose words after the first are of no
// category of the lexicon: "Orlin Kessel", not "Tarvo Prison" nor "Kolondo North".
func (a *analysis) plainNameAfter(si *sentenceInfo, span nameSpan) bool {
	if span.last == span.first {
		return false
	}
	for k := span.first + 1; k <= span.last; k++ {
		if si.toks[k].marks != si.lex.noMarks || !si.toks[k].upper || a.text[si.toks[k-1].end:si.toks[k].start] != " " {
			return false // nor "Tarvo (Tarvo, North Vale)": a town and the divisions it lies in
		}
	}
	return true
}

// spokenAt reports a place right after a statement and a locative word ("told a press
// conference in X", "dalam keterangan pers di X"): where the words were said, as a dateline is
// where a report was filed, not where the deed was done.
func spokenAt(si *sentenceInfo, span nameSpan) bool {
	at := span.first - 1
	if at < 1 || !si.toks[at].is(facilityLocativeWords) {
		return false
	}
	for k := max(0, at-maxPhraseWords); k < at; k++ {
		if si.lex.phraseAt(speechNounWords, si.toks, k) == at-k {
			return true
		}
	}
	return false
}

// markDivision remembers a name the text marks as a division (see analysis.divisions).
func (a *analysis) markDivision(span nameSpan, p model.Place) {
	if a.divisions == nil {
		a.divisions = map[string]model.Place{}
	}
	a.divisions[foldPhrase(a.text[span.start:span.end])] = p
}

// oneCountryInBrackets drops the places of a sentence that a bracketed list of places puts in
// another country: "Zarvo prison (Zarvo, Lima, Lowmark)" names a town and the divisions it
// lies in, all of one country, the country of the list's last, widest names. A name of the list
// read as a place elsewhere (a namesake province abroad) is no place, in the list or out of it;
// nor is the name right before the list read in another country.
func (a *analysis) oneCountryInBrackets(si *sentenceInfo) []placeHit {
	var foreign []string
	for _, b := range bracketPairs(a.text, si.start, si.end) {
		open, closing := b[0], b[1]
		var inside []placeHit
		for _, p := range si.places {
			if p.start > open && p.end <= closing {
				inside = append(inside, p)
			}
		}
		if len(inside) >= 2 {
			country, agree := inside[len(inside)-1].place.Country, true
			for _, p := range inside {
				if p.place.Country != country {
					foreign = append(foreign, foldWord(a.text[p.start:p.end]))
					agree = false
				}
			}
			if !agree {
				continue
			}
			// A list whose names agree says where the name right before it lies: "Zarvo
			// prison (Lima Norte, Lima)" is no Zarvo of another country.
			for _, p := range si.places {
				if p.end <= open && p.place.Country != country && rightBefore(a.text[p.end:open]) {
					foreign = append(foreign, foldWord(a.text[p.start:p.end]))
				}
			}
		}
	}
	if len(foreign) == 0 {
		return si.places
	}
	return slices.DeleteFunc(si.places, func(p placeHit) bool { return slices.Contains(foreign, foldWord(a.text[p.start:p.end])) })
}

// rightBefore reports the text between a name and the bracket after it as at most two words of
// the same phrase ("Zarvo prison (", "Tarvo ("): no clause or sentence mark between.
func rightBefore(between string) bool {
	return !containsAny(between, clauseMarks+".;:()") && len(strings.Fields(between)) <= 2
}

// spanReading is what a name span's words and neighbours say of it as a place, whatever the
// countries the text is read in.
type spanReading struct {
	read     bool
	person   bool         // a person's name: none of its words is a place either
	country  bool         // a country's name: none of its words is a place either ("San" of "San Marino")
	skip     bool         // an office, a number, a stop word, a prison's generic name, a count's noun, an acronym or a country
	division divisionRule // how far a division outranks a town of the name
	// bearing is whether the name, read as a place, gives a bearing or a speaker's seat rather
	// than where the deed was (bearing); bearingRead whether it is worked out yet.
	bearing, bearingRead bool
}

// divisionRule tells how a name's divisions and towns compete.
type divisionRule uint8

const (
	townOrDivision divisionRule = iota // the gazetteer's best
	divisionOnly                       // a division of a context country or nothing: "Varennes (Yonne)", "dans l'Yonne"
	divisionFirst                      // a division before a town: "the state of X"
)

// readSpan returns the reading of the sentence's k-th span, working it out on first use and
// keeping it for the second place pass.
func (a *analysis) readSpan(si *sentenceInfo, k int) spanReading {
	if r := si.spanReadings[k]; r.read {
		return r
	}
	r := a.spanReadingOf(si, si.spans[k])
	si.spanReadings[k] = r
	return r
}

// bearing reports whether the sentence's k-th span, read as a place, is a landmark or the seat of
// a speaker's body rather than where the deed was. It reads only the sentence's words: worked out
// for the first place pass that finds the span a place, it is kept for the second.
func (a *analysis) bearing(si *sentenceInfo, k int) bool {
	r := &si.spanReadings[k]
	if !r.bearingRead {
		r.bearing = landmark(si.lex, a.lower, si.toks, si.spans[k]) || speakerSeat(si, si.spans[k]) || a.divisionOfBearing(si, k)
		r.bearingRead = true
	}
	return r.bearing
}

// divisionOfBearing reports a name in brackets right after a name given as a bearing: "the
// border with the town of X (Y)": Y is X's division, a bearing too.
func (a *analysis) divisionOfBearing(si *sentenceInfo, k int) bool {
	span := si.spans[k]
	if span.first < 1 || strings.TrimSpace(a.text[si.toks[span.first-1].end:span.start]) != "(" {
		return false
	}
	// Spans run in the order of their first words: those that end right before the bracket start
	// a name's length before it.
	for j := k - 1; j >= 0 && si.spans[j].first >= span.first-maxNameWords-maxNameParticles-1; j-- {
		if si.spans[j].last == span.first-1 && a.bearing(si, j) {
			return true
		}
	}
	return false
}

// maxNameWords is how many words, particles aside, a place name may have (nameSpans).
const maxNameWords = 4

// makeSpanReadings gives every sentence room for its spans' readings, carved from one
// allocation for the document.
func (a *analysis) makeSpanReadings() {
	n := 0
	for _, si := range a.sentences {
		n += len(si.spans)
	}
	all := make([]spanReading, n)
	for _, si := range a.sentences {
		si.spanReadings, all = all[:len(si.spans):len(si.spans)], all[len(si.spans):]
	}
}

// namesPeople reports a name right before a noun of a people ("the Kessel tribe", "the Orlin
// ethnic group"), or first of two names joined before one ("the Orlin and Kessel ethnic groups").
func namesPeople(lx *lexicon, toks []token, span nameSpan) bool {
	k := span.last + 1
	if k+1 < len(toks) && toks[k].is(conjunctionWords) && toks[k+1].upper {
		k += 2 // past "and Kessel"
	}
	return k < len(toks) && lx.phraseAt(peopleGroupWords, toks, k) > 0
}

// outletNamed reports a name right before an outlet noun ("the Zarvo daily", "a Mareva daily"):
// the paper's language or seat, no place of the incident, nor its country.
func outletNamed(toks []token, span nameSpan) bool {
	return span.last+1 < len(toks) && toks[span.last+1].is(outletNounWords)
}

// spanReadingOf reads a name span apart from the countries of its context.
func (a *analysis) spanReadingOf(si *sentenceInfo, span nameSpan) spanReading {
	r := spanReading{read: true}
	name := spanName(a.text, span)
	switch {
	case a.portfolio(si.toks, span):
		r.skip = true // "the Ministry of Justice", "ministère de la Justice": an office, not a town
	case personName(a.text, si.toks, span) || span.first == span.last && a.surnames[withoutPossessive(span.fold)] || a.nationalNamed(si.toks, span):
		r.person = true
	case allDigits(name) || a.lex.has(stopNameWords, span.fold) || a.lex.has(facilityGenericWords, span.fold) || // "Lapas" is a prison, not La Paz
		inFacilityWord(si, span) || // "Colônia Agroindustrial" is a kind of prison, not Cologne
		quotedAfterFacility(a.text, si, span) || // the Centro de Rehabilitación "Tarvo": the prison's name
		titleOfName(si.toks, span) || // "Warden Ola Kessel": an office, not the town of Warden
		inLocality(si.toks, span) || // "la colonia Riberas del Bravo" is a part of the town, not Bravo elsewhere
		span.first == span.last && si.toks[span.first].is(nameParticleWords) || // "El" of "El Infiernito" is no Ell
		span.first == span.last && si.toks[span.first].is(placeModifierWords) && span.last+1 < len(si.toks) && si.toks[span.last+1].upper || // "Metro" of "Polres Metro Kolondo" modifies the name after it
		modifierOfFacility(si, span) || // "Cárcel Central" is a central prison, not Central, Bahia
		calledName(a.text, si.lex, si.toks, span.first) || // "the gang known as the Twelve Apostles" is no town
		countsBefore(a.lex, si.toks, span) ||
		acronymInText(a.text, si, span) ||
		namesPeople(si.lex, si.toks, span) || // "clashes between the Orlin and Kessel ethnic groups": peoples, not towns
		outletNamed(si.toks, span) || // "the Zarvo daily Courier": the paper's seat or language
		a.partials[span.fold]: // "San Juan de Lurigancho" is not San Juan, nor its "San Juan" later
		r.skip = true
	default:
		_, r.skip = a.country(name)                      // "Cuba" is the country, not Cuba, Missouri
		r.skip = r.skip && !divisionsAfter(a.text, span) // but "Cuba (Crawford County, Missouri)" is the town
		r.country = r.skip
	}
	switch {
	case r.skip || r.person:
	case divisionInBrackets(a.lex, a.text, si.toks, span):
		// "Varennes (Yonne)", "Sorel (Sorel, North Vale)": the bracket after a town names the
		// divisions it lies in, never another town.
		r.division = divisionOnly
	case span.first > 0 && si.toks[span.first-1].is(divisionArticleWords) && !si.toks[span.first-1].upper:
		// "dans l'Yonne", "nella Lombardia": an article before a name makes it a division or a
		// country, never a town (whose article, if any, is part of its name: "Le Havre"); and
		// a division of a country the text is about ("la Nation" is no province abroad).
		r.division = divisionOnly
	case regionWords(si.toks, span):
		r.division = divisionFirst
	}
	return r
}

// nicknamed reports a name at token first right after words that say what something is called:
// "the wing known as Vietnam", "el pabellón conocido como Vietnam".
func nicknamed(lx *lexicon, toks []token, first int) bool {
	for k := max(0, first-maxNicknameWords); k < first; k++ {
		if lx.isPhrase(nicknameWords, toks, k, first-k) { // "المكنى بـ" as well as "المكنى"
			return true
		}
	}
	return false
}

// calledName reports a name at token first that ends a name given after words that say what
// something is called, with its article and capitalised words before it and nothing but spaces
// and quotes between them ("conocido como «los Doce de Zarvo»", not "known as Orlin (Tarvo").
func calledName(text string, lx *lexicon, toks []token, first int) bool {
	for k := first; k >= 0 && first-k <= maxCalledNameWords; k-- {
		if nicknamed(lx, toks, k) {
			return true
		}
		if k == 0 || !toks[k-1].upper && !toks[k-1].is(definiteArticleWords) ||
			strings.Trim(text[toks[k-1].end:toks[k].start], " "+quoteMarks) != "" {
			return false
		}
	}
	return false
}

// maxCalledNameWords is how many words of a given name may stand before the one read.
const maxCalledNameWords = 3

// maxNicknameWords is the longest phrase that introduces a name ("connu sous le nom de").
const maxNicknameWords = 5

// modifierOfFacility reports a name that is one modifier of a facility word right beside it:
// "Cárcel Central", "Central Prison", "Penitenciaría Nacional" describe the prison.
func modifierOfFacility(si *sentenceInfo, span nameSpan) bool {
	if span.first != span.last || !si.toks[span.first].is(facilityModifierWords) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == facilityCue && (c.last == span.first-1 || c.first == span.last+1)
	})
}

// inLocality reports a name inside the name of a part of a town: after a locality word, its
// article or particle, and the capitalised words and particles of the name before it ("colonia
// Riberas del Bravo", "le quartier de la Cité Verte", "bairro Jardim Mareva"). Gazetteers of towns
// hold such names only as namesakes elsewhere. The town the part lies in follows the word that
// links a place to its town ("barrio Mareva de Tarvo").
func inLocality(toks []token, span nameSpan) bool {
	i := span.first - 1
	for i >= 0 && span.first-i <= localityNameReach && (toks[i].upper || toks[i].is(nameParticleWords) || toks[i].is(definiteArticleWords)) {
		if toks[i].is(localityWords) {
			return true
		}
		if toks[i].is(townFacilityLinkWords) && i > 0 && toks[i-1].upper && !toks[i-1].is(localityWords) {
			return false // "barrio Mareva de Tarvo": the part has its name, the town follows the link
		}
		i--
	}
	return i >= 0 && span.first-i <= localityNameReach && toks[i].is(localityWords)
}

// localityNameReach is how many words a locality word may stand before the name it governs: the
// words of a longer name and its particles ("colonia Riberas del Bravo").
const localityNameReach = 4

// divisionInBrackets reports a name that opens a bracket right after another name: "Varennes
// (Yonne)", "Sorel (Sorel, North Vale)" — the divisions the town before lies in.
func divisionInBrackets(lx *lexicon, text string, toks []token, span nameSpan) bool {
	if span.first < 1 || !nameLike(lx, toks[span.first-1]) {
		return false
	}
	return strings.TrimSpace(text[toks[span.first-1].end:toks[span.first].start]) == "("
}

// afterOutletInDateline reports a place that follows the outlet's name and a comma inside the
// dateline that opens the sentence: "NEWSDESK.CO, Tarvo - Police in Kessel said [...]" was filed in
// Tarvo, as a dateline that names the place alone would say.
func afterOutletInDateline(text string, si *sentenceInfo, span nameSpan) bool {
	return span.first > 0 && si.datelineEnd > 0 && span.end <= si.start+si.datelineEnd &&
		strings.HasSuffix(strings.TrimSpace(text[si.start:span.start]), ",")
}

// datelineEnd returns where a wire dateline that opens a sentence ends, 0 if none: a place in
// capitals and a comma, then anything but a sentence up to a dash or colon in the first 60 bytes
// ("ABUJA, July 6 (Reuters) -", "KABUL, Afghanistan, March 3 —"), or a bracket that opens the
// sentence ("(Orlin Press - 22 January 2022)").
func datelineEnd(sentence string) int {
	if inner, ok := strings.CutPrefix(sentence, "("); ok {
		// "(Kessel News / Orlin Press - 22 January 2022) Gunmen attacked...": a bracket that opens
		// the sentence names the outlet and the day it filed ("(Orlin Press)" alone may stand
		// before a wire dateline of its own).
		if k := strings.IndexByte(inner[:min(len(inner), bracketDatelineBytes)], ')'); k > 0 && strings.ContainsAny(inner[:k], "0123456789") {
			end := k + 2
			for _, mark := range []string{" - ", " — ", " – ", " "} {
				if strings.HasPrefix(sentence[end:], mark) {
					return end + len(mark)
				}
			}
			return end
		}
	}
	place, _, ok := strings.Cut(sentence, ",")
	if !ok || len(place) < 3 || isLowerCase(place) {
		return 0
	}
	head := sentence[:min(len(sentence), 60)]
	if !isUpperCase(place) {
		// "Porto Lima, 4 May 2021 (KNA) –Thirty inmates": a place in title case heads a
		// dateline when a day in figures follows it and the agency's bracket closes it before
		// the dash.
		open := strings.IndexByte(head, '(')
		if !wordsCapitalised(place) || open < len(place) || !strings.ContainsAny(head[len(place):open], "0123456789") {
			return 0
		}
		return agencyDashEnd(head)
	}
	end := len(head)
	for _, mark := range []string{" - ", " — ", " – ", ": "} {
		if k := strings.Index(head, mark); k > 0 && k < end {
			end = k + len(mark)
		}
	}
	if end == len(head) {
		return agencyDashEnd(head)
	}
	return end
}

// agencyDashEnd returns where a dash right after a closing bracket ends, a space after it or not
// ("(KNA) –Thirty", "(Orlin Press)- Gunmen"), 0 if none.
func agencyDashEnd(head string) int {
	k := strings.Index(head, ")")
	if k < 0 {
		return 0
	}
	rest := strings.TrimLeft(head[k+1:], " ")
	for _, dash := range []string{"–", "—", "-"} {
		if after, ok := strings.CutPrefix(rest, dash); ok {
			return len(head) - len(strings.TrimLeft(after, " "))
		}
	}
	return 0
}

// wordsCapitalised reports words that each start with a capital letter ("Porto Lima").
func wordsCapitalised(s string) bool {
	start := true // at the start of a word
	for _, r := range s {
		switch {
		case r == ' ':
			start = true
		case start && !unicode.IsUpper(r):
			return false
		default:
			start = false
		}
	}
	return strings.TrimSpace(s) != ""
}

// bracketDatelineBytes is how long a bracket that opens a sentence as its dateline may be.
const bracketDatelineBytes = 100

// datelineDay returns the day a dateline that ends at byte dateline gives, when its first date
// expression is a day within maxFilingLag before the reference (a report is published after it
// is filed).
func datelineDay(exprs []dateExpr, dateline int, ref Ref) (Ref, bool) {
	if dateline == 0 || len(exprs) == 0 || exprs[0].end > dateline || ref.Date.IsZero() {
		return Ref{}, false
	}
	d, ok := resolveDate(exprs[0], ref, nil, false)
	if !ok || d.Precision != model.PrecisionDay {
		return Ref{}, false
	}
	if lag := dateMidnight(ref.Date).Sub(d.Start); lag < 0 || lag > maxFilingLag {
		return Ref{}, false
	}
	return Ref{Date: d.Start, Precision: model.PrecisionDay}, true
}

// maxFilingLag is how long before publication a dateline's day may lie.
const maxFilingLag = 7 * 24 * time.Hour

// datelineDivision returns the division whose abbreviation a dateline writes after its town,
// in the text's first sentence that has a dateline: "RIVERTON, Calif., Aug. 22 (AP) -" was
// filed in California. The abbreviation is read only there, as written: most are words
// elsewhere ("La.", "Ill.").
func (a *analysis) datelineDivision() *placeHit {
	for _, si := range a.sentences[:min(len(a.sentences), datelineSentences)] {
		text, end := a.text[si.start:si.end], si.datelineEnd
		after := strings.IndexByte(text[:end], ',') + 1 // the comma after the dateline's town
		if after == 0 {
			continue // none, or one that names no town: "(Orlin Press - 22 January 2022)"
		}
		field, _, ok := strings.Cut(text[after:end], ",")
		abbr := strings.TrimSpace(field)
		if !ok || !strings.HasSuffix(abbr, ".") {
			return nil
		}
		p, ok := a.x.res.Abbreviated(abbr)
		if !ok {
			return nil
		}
		start := si.start + after + strings.Index(field, abbr)
		return &placeHit{start: start, end: start + len(abbr), place: p, dateline: true}
	}
	return nil
}

// maxAgencyBytes is how long an agency's name in brackets after a dateline's place may be, with
// the day it filed: "(AP)", "(Reuters)", "(Agence Ardovienne de Presse)", "(ANA / Ardovia News -
// 24th Jun, 2019 )".
const maxAgencyBytes = 64

// datelineSentences is how many sentences at a text's start may hold its dateline: a headline
// or a byline may come first.
const datelineSentences = 3

// datelineMark reports text that goes on as a dateline's does after the place opening a sentence:
// a colon or a dash before the story, past the agency's name in brackets, with the day it filed
// and a comma before the bracket ("Kisumu: Dozens of...", "Lagos — Gunmen...", "Mareva (ANA) -
// Gunmen...", "Zarvo, (ANA - 24th Jun, 2019 ) :One inmate...").
func datelineMark(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	if after, ok := strings.CutPrefix(rest, ","); ok && strings.HasPrefix(strings.TrimLeft(after, " \t"), "(") {
		rest = strings.TrimLeft(after, " \t")
	} else if ok && filedDayBefore(strings.TrimLeft(after, " \t")) {
		return true // "Tarvo, May 3: Gunmen stormed..."
	}
	if strings.HasPrefix(rest, "(") {
		if inside, after, ok := strings.Cut(rest[1:], ")"); ok && len(inside) <= maxAgencyBytes && !strings.ContainsAny(inside, ".;") {
			rest = strings.TrimLeft(after, " \t")
		}
	}
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") ||
		strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "-- ") // two hyphens for a dash
}

// filedDayBefore reports text that opens with the day a dateline gives, written in a few words
// with a number ("April 18", "18 avril"), then a colon or a dash before the story.
func filedDayBefore(text string) bool {
	end := strings.IndexAny(text, ":—–")
	if dash := strings.Index(text, " - "); dash >= 0 && (end < 0 || dash < end) {
		end = dash
	}
	return end > 0 && end <= maxFiledDayBytes && strings.ContainsAny(text[:end], "0123456789") && !strings.ContainsAny(text[:end], ",;()\n")
}

// maxFiledDayBytes is the longest day a dateline writes between the place and its colon
// ("September 18", "18 settembre 2014").
const maxFiledDayBytes = 20

// capital reads "the capital" (la capitale, ibu kota) as the capital of the country the sentence
// or else the document is about, unless a name follows it ("the capital, N'Djamena" resolves by name).
func (a *analysis) capital(si *sentenceInfo) (placeHit, bool) {
	if si.capitalAt < 0 {
		return placeHit{}, false
	}
	t := si.toks[si.capitalAt]
	countries := append(append([]string{}, si.located...), a.countries...)
	if len(countries) == 0 {
		return placeHit{}, false
	}
	p, ok := a.x.res.Capital(countries[0])
	first := si.capitalAt
	if first > 0 && si.toks[first-1].is(definiteArticleWords) {
		first-- // "à 40 km au nord-est de la capitale": the article after the direction's link
	}
	span := nameSpan{start: si.toks[first].start, end: t.end, first: first, last: si.capitalAt}
	return placeHit{start: t.start, end: t.end, place: p, landmark: measuredBearing(si.toks, span)}, ok
}

// measuredBearing reports a name a distance and a direction are given from ("40 km north of the
// capital", "à 40 km au nord-est de la capitale"): the place lies that far off it. A direction
// alone ("south of the capital") may still be its outskirts.
func measuredBearing(toks []token, span nameSpan) bool {
	if !directionFrom(toks, span) {
		return false
	}
	direction := span.first - 2
	for k := direction - 1; k >= 0 && direction-k <= 2; k-- {
		if toks[k].is(distanceUnitWords) {
			return true
		}
	}
	return false
}

// capitalToken returns the last token of the first "the capital" that names no place of its
// own, -1 if none: the words decide it, not the countries, so it is read once with the sentence.
func (a *analysis) capitalToken(si *sentenceInfo) int {
	for k := range si.toks {
		n := a.lex.phraseAt(capitalPhraseWords, si.toks, k)
		if n == 0 {
			if n = a.countryInCapitalPhrase(si, k); n == 0 {
				continue
			}
		}
		i := k + n - 1
		if i+1 < len(si.toks) && (si.toks[i+1].upper && !a.countryAt(si, i+1) || si.toks[i+1].is(capitalNotPlaceWords)) {
			continue // "the capital, N'Djamena"; but "в столице Уругвая" is the capital of a country named after it
		}
		if i+2 < len(si.toks) && si.toks[i+1].is(partitiveWords) && !a.countryAt(si, i+2) {
			continue // "the capital of Hadramawt province": a province's seat, not the country's
		}
		return i
	}
	return -1
}

// countryInCapitalPhrase returns how many words from token k make "the capital" with a country's
// name or adjective inside it ("the Ardovian capital", "the Ardovia capital"), 0 if none do: the
// capital of that country (the sentence locates it there).
func (a *analysis) countryInCapitalPhrase(si *sentenceInfo, k int) int {
	if k+2 >= len(si.toks) || !si.toks[k].is(definiteArticleWords) {
		return 0
	}
	for _, span := range si.spans {
		if span.first != k+1 || span.last+1 >= len(si.toks) {
			continue
		}
		if _, ok := a.country(spanName(a.text, span)); ok && a.lex.words[capitalPhraseWords][si.toks[k].fold+" "+si.toks[span.last+1].fold] {
			return span.last + 2 - k
		}
	}
	return 0
}

// countryAt reports a country named by the capitalised words from token k on ("of the Republic of
// Ardovia" reads from "the").
func (a *analysis) countryAt(si *sentenceInfo, k int) bool {
	if si.toks[k].is(definiteArticleWords) && k+1 < len(si.toks) {
		k++
	}
	for _, span := range si.spans {
		if span.first == k {
			if _, ok := a.country(spanName(a.text, span)); ok {
				return true
			}
		}
	}
	return false
}

// country resolves a country name or demonym, remembering answers for the document.
func (a *analysis) country(name string) (string, bool) {
	if cc, ok := a.countryNames[name]; ok {
		return cc, cc != ""
	}
	cc, ok := a.x.res.Country(name)
	if !ok {
		for _, form := range a.inflectedForms(name) {
			if cc, ok = a.x.res.Country(form); ok { // "в Сирии": Syria
				break
			}
		}
	}
	if !ok {
		cc = ""
	}
	a.countryNames[name] = cc
	return cc, ok
}

// place resolves a name through the gazetteer, remembering answers for the document: names
// repeat from sentence to sentence.
func (a *analysis) place(name string, ctx placeContext) (model.Place, bool) {
	p, ok := a.placeInContext(name, ctx)
	// A name the text calls a division once is read in that division's country wherever it
	// stands bare: after "the department of X", "in X and Y" is the department or its namesake
	// town, not a namesake town abroad.
	if len(a.divisions) == 0 {
		return p, ok // most texts call no name a division: no fold to make
	}
	if d, marked := a.divisions[foldPhrase(name)]; marked && (!ok || p.Country != d.Country) {
		if p, ok = a.placeInContext(name, newPlaceContext([]string{d.Country})); !ok || p.Country != d.Country {
			p, ok = d, true
		}
	}
	return p, ok
}

// placeInContext resolves a name in a context, remembering the answer for the document.
func (a *analysis) placeInContext(name string, ctx placeContext) (model.Place, bool) {
	key := placeQuery{name, ctx.key}
	if r, ok := a.places[key]; ok {
		return r.place, r.ok
	}
	if a.placeIn == nil {
		divisions := a.names() // the divisions a town may be said to lie in are among them
		if a.filedIn != nil {
			divisions = append(divisions, a.filedIn.place.Admin1)
		}
		a.placeIn = a.x.res.Within(divisions)
	}
	p, ok := a.resolvePlace(name, ctx.countries)
	if ok && slices.Contains(a.guessed, p.Country) && names.Fold(p.Name) != names.Fold(name) && !a.guessedFrom(name, p) {
		// A country guessed from namesakes is no context for another name of one of its villages:
		// a common word of the report's language is no village of Belmark that bears it as an alias.
		// But a name in another script than the gazetteer's own names ("Тарвово" for Tarvovo)
		// is never written as they are: when it is itself a town of note there alone, it is what
		// the guess stands on.
		p, ok = a.resolvePlace(name, slices.DeleteFunc(slices.Clone(ctx.countries), func(c string) bool { return slices.Contains(a.guessed, c) }))
	}
	a.places[key] = placeAnswer{p, ok}
	return p, ok
}

// guessedFrom reports a name that the country was guessed from, read as the place p there: in a
// script other than Latin, one that, as written or in one of its dictionary forms, is a town of
// note in the country alone. A Latin name is an alias there, which a common word may be ("Port
// City" of a town of another name), unless it spells the place's own name otherwise, its
// consonants the same ("Gavrin" for Ghavrin), in a text that names no country to read it in.
func (a *analysis) guessedFrom(name string, p model.Place) bool {
	if latinOnly(name) && (len(a.named) > 0 || !sameSkeleton(name, p.Name)) {
		return false
	}
	for _, n := range append([]string{name}, a.placeFormsOf(name)...) {
		if countries, nested := a.x.res.Nesting([]string{n}); !nested && len(countries) == 1 && countries[0] == p.Country {
			return true
		}
	}
	return false
}

// sameSkeleton reports two names with one consonant skeleton of at least two consonants: one
// name in two spellings.
func sameSkeleton(a, b string) bool {
	sa := names.Skeleton(names.Fold(a))
	return len(sa) >= 2 && sa == names.Skeleton(names.Fold(b))
}

// latinOnly reports a name whose letters are all of the Latin script.
func latinOnly(name string) bool {
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// formsQuery asks for a name's dictionary forms, with or without the endings only adjectives take.
type formsQuery struct {
	name       string
	adjectives bool
}

// inflectedForms is the lexicon's inflectedForms of a name, remembered for the document: a name is
// asked about as a country, and as a place in each context it is read in.
func (a *analysis) inflectedForms(name string) []string {
	return a.formsOf(formsQuery{name, true})
}

// placeFormsOf is the lexicon's placeForms of a name, remembered likewise.
func (a *analysis) placeFormsOf(name string) []string {
	return a.formsOf(formsQuery{name, false})
}

func (a *analysis) formsOf(q formsQuery) []string {
	if !a.lex.mayBeInflected(q.name) {
		return nil // most names: told at once, no need to remember
	}
	forms, ok := a.forms[q]
	if !ok {
		forms = a.lex.formsOf(q.name, q.adjectives)
		a.forms[q] = forms
	}
	return forms
}

// hasDeclined reports a sentence's token of the category as written or in any of its dictionary
// forms ("bakanlığı'ndan": "bakanlığı"), which are remembered for the document: the same words
// follow the text's names again and again.
func (a *analysis) hasDeclined(c wordCat, t *token) bool {
	if t.is(c) {
		return true
	}
	for _, form := range a.inflectedForms(t.fold) {
		if a.lex.has(c, form) {
			return true
		}
	}
	return false
}

// resolvePlace resolves a name, or one of its inflected forms, in the countries given.
func (a *analysis) resolvePlace(name string, countries []string) (model.Place, bool) {
	p, ok := a.placeIn(name, countries)
	if !ok {
		for _, form := range a.placeFormsOf(name) {
			if p, ok = a.placeIn(form, countries); ok { // "в Москве": Moscow
				break
			}
		}
	}
	return p, ok
}

// placeContext is the countries a sentence's place names are read in, with a key for the cache.
type placeContext struct {
	countries []string
	key       string
}

// placeContextOf returns the context of a sentence's places: its countries, then the document's.
// Most sentences name none, and share the document's context while its countries stand; most
// others name one, and share the context of the sentences that name the same.
func (a *analysis) placeContextOf(si *sentenceInfo) placeContext {
	if a.docPlaces == nil || !slices.Equal(a.docPlaces.countries, a.countries) {
		ctx := newPlaceContext(slices.Concat(a.countries))
		a.docPlaces = &ctx
		clear(a.onePlaces)
	}
	switch len(si.countries) {
	case 0:
		return *a.docPlaces
	case 1:
		if ctx, ok := a.onePlaces[si.countries[0]]; ok {
			return ctx
		}
		if a.onePlaces == nil {
			a.onePlaces = map[string]placeContext{}
		}
		ctx := newPlaceContext(slices.Concat(si.countries, a.countries))
		a.onePlaces[si.countries[0]] = ctx
		return ctx
	}
	return newPlaceContext(slices.Concat(si.countries, a.countries))
}

func newPlaceContext(countries []string) placeContext {
	return placeContext{countries: countries, key: strings.Join(countries, ",")}
}

type placeQuery struct{ name, context string }

// divisionQuery asks for a town's namesake in a division, in a context (townInDivisionAfter).
type divisionQuery struct{ town, division, context string }

type placeAnswer struct {
	place model.Place
	ok    bool
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// commonWord reports a word of the text's language at token k that names no place when it is
// capitalised: a number word anywhere ("Neun Gefangene"), or a noun of people or sources opening
// the sentence ("Fuentes oficiales", "Sources close to").
func (a *analysis) commonWord(si *sentenceInfo, k int) bool {
	t := &si.toks[k]
	return countWord(a.lex, t.fold) || k == 0 && (t.is(sourceNounWords) || t.is(peopleNounWords))
}

// personName reports a capitalised run that names a person: followed by an initial ("Gregory D.
// Johnsen"; not "WHEELING, W.Va.", which a comma sets apart), preceded by a title, or by a noun
// of one person in lower case (or opening the sentence) that it stands in apposition to ("remand
// prisoner Ola Tarvo", "warder Ines Orlin", "Inmate Ola Tarvo, who led the break"), or set off by
// a comma after a title and its portfolio ("el secretario de Gobierno, Dario Vega, dijo").
func personName(text string, toks []token, span nameSpan) bool {
	first, last := span.first, span.last
	if k := last + 1; k < len(toks) && len(toks[k].fold) == 1 && toks[k].upper && text[toks[last].end:toks[k].start] == " " && initial(text, toks, k) {
		return true
	}
	if first > 0 && text[toks[first-1].end:toks[first].start] == ", " && titledBefore(toks, first) {
		return true
	}
	return first > 0 && (toks[first-1].is(titleWords) ||
		(!toks[first-1].upper || first == 1) && toks[first-1].is(singularPersonWords) && text[toks[first-1].end:toks[first].start] == " ")
}

// nationalNamed reports a run of two or more capitalised words right after an article and a
// nationality written in lower case ("o brasileiro Ola Kessel", "l'italiano Ola Kessel"): a
// person, named after the country he is from.
func (a *analysis) nationalNamed(toks []token, span nameSpan) bool {
	k := span.first - 1
	return span.last > span.first && k > 0 && !toks[k].upper && a.x.demonyms[toks[k].fold] != "" && toks[k-1].is(definiteArticleWords)
}

// initial reports a capital letter alone at token k that is a person's initial: with its full stop
// ("Gregory D. Johnsen"), or before a capitalised surname ("Gregory D Johnsen"). Before a word in
// lower case it is a word ("KOLONDO - È stato"), before a letter_label a class ("Tarvo E Tipi").
func initial(text string, toks []token, k int) bool {
	if strings.HasPrefix(text[toks[k].end:], ".") {
		return true
	}
	return k+1 < len(toks) && toks[k+1].upper && !toks[k+1].is(letterLabelWords)
}

// titleOfName reports a span that ends in a title word right before a capitalised name, in
// which the title's words are the person's office: "Warden" of "Deputy Warden Ola Kessel".
func titleOfName(toks []token, span nameSpan) bool {
	k := span.last + 1
	return toks[span.last].is(titleWords) && k < len(toks) && toks[k].upper
}

// quotedAfterFacility reports a name in quotation marks right after a facility word: the
// facility's own name (el Centro de Corrección "Tarvo", la prison « Mareva »), which names no
// town, whatever town bears it too.
func quotedAfterFacility(text string, si *sentenceInfo, span nameSpan) bool {
	if span.first == 0 {
		return false
	}
	if !quoteOpens(text[si.toks[span.first-1].end:si.toks[span.first].start]) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == facilityCue && c.last == span.first-1 })
}

// openingQuotes are the marks that open a quoted name.
const openingQuotes = "\"“«‘„'"

// quoteOpens reports the gap between two words as an opening quote mark, spaces around it: the
// word after it begins a name in quotes.
func quoteOpens(gap string) bool {
	mark := strings.TrimSpace(gap)
	return mark != "" && strings.Contains(openingQuotes, mark)
}

// inFacilityWord reports a name span inside a facility cue of several words: the capitals of a
// prison's kind ("Complexo Prisional", "Colônia Agrícola") name no town.
func inFacilityWord(si *sentenceInfo, span nameSpan) bool {
	for _, c := range si.cues {
		if c.category == facilityCue && c.last > c.first && c.first <= span.first && span.last <= c.last {
			return true
		}
	}
	return false
}

// surnamesOf returns the words the text writes right after a given name: the second word of a run
// of capitalised words that opens with a word no rule knows ("Dario Orlin Vega", "Marta Santos").
// A news text names a person in full once and by surname after, so the word is the person's
// wherever it stands alone.
//
// The given name is the person's too when the text goes on to name them by the surname alone
// ("Pablo Escobar ... Escobar's men"): a given name is no place either, though some are towns.
func (a *analysis) surnamesOf() map[string]bool {
	var out map[string]bool
	givens := map[string]string{} // surname → the given name before it
	for _, si := range a.sentences {
		if si.titled {
			continue // capitals mark no names in a headline set in title case
		}
		for i := 1; i < len(si.toks); i++ {
			if a.givenNameBefore(si, i) {
				if out == nil {
					out = map[string]bool{}
				}
				out[si.toks[i].fold] = true
				givens[si.toks[i].fold] = si.toks[i-1].fold
				if a.secondSurname(si, i+1) {
					out[si.toks[i+1].fold] = true // "Lucero Cumpa Miranda": two surnames make a person's name
					out[si.toks[i-1].fold] = true
				}
			}
		}
	}
	for _, si := range a.sentences {
		for i, t := range si.toks {
			if given, ok := givens[withoutPossessive(t.fold)]; ok && t.upper && (i == 0 || si.toks[i-1].fold != given && !si.toks[i-1].is(definiteArticleWords)) {
				out[given] = true // the surname alone: "Escobar is no longer in the prison", not "the Crown"
			}
		}
	}
	return out
}

// secondSurname reports a capitalised word at token k that closes a run of three after a given
// name and a surname, set apart by a comma, a bracket, a conjunction or the sentence's end, and is
// neither a place with the word before it nor a word a rule reads.
func (a *analysis) secondSurname(si *sentenceInfo, k int) bool {
	if k >= len(si.toks) || !si.toks[k].upper || a.text[si.toks[k-1].end:si.toks[k].start] != " " ||
		isUpperCase(a.text[si.toks[k].start:si.toks[k].end]) {
		return false
	}
	if k+1 < len(si.toks) && !containsAny(a.text[si.toks[k].end:si.toks[k+1].start], clauseMarks+"()") && !si.toks[k+1].is(conjunctionWords) {
		return false // a name set apart ("Víctor Polay Campos, alias..."), not "Leeds Crown Court heard"
	}
	for _, c := range []wordCat{titleWords, stopNameWords, directionWords, placeModifierWords, regionNounWords, facilityGenericWords} {
		if si.toks[k].is(c) {
			return false
		}
	}
	for _, c := range si.cues {
		if c.first <= k && c.last >= k {
			return false
		}
	}
	name := a.text[si.toks[k-1].start:si.toks[k].end]
	if _, country := a.country(a.text[si.toks[k].start:si.toks[k].end]); country {
		return false
	}
	return !a.placeOrRegion(name)
}

// givenNameBefore reports a capitalised word i right after another that opens a run of names and is
// no word a rule reads: no title, direction, region, date or stop word, no cue and no country.
func (a *analysis) givenNameBefore(si *sentenceInfo, i int) bool {
	prev, cur := si.toks[i-1], si.toks[i]
	if !prev.upper || !cur.upper || a.text[prev.end:cur.start] != " " || isUpperCase(a.text[prev.start:prev.end]) || isUpperCase(a.text[cur.start:cur.end]) ||
		strings.ContainsAny(prev.fold, "'-") {
		return false // nor "Belmark's Kolondo prison", "al-Kolondo"
	}
	if i == 1 || si.toks[i-2].upper && a.text[si.toks[i-2].end:prev.start] == " " && !titledBefore(si.toks, i-1) {
		return false // a sentence's first word is capitalised anyway ("Take Kolondo"); the run opens before ("North Vale Province")
	}
	lx := si.lex
	for _, c := range []wordCat{titleWords, stopNameWords, directionWords, placeModifierWords, regionNounWords, regionBeforeWords, nameParticleWords, elisionWords, facilityGenericWords, sentenceStarterWords} {
		if prev.is(c) {
			return false
		}
	}
	if lx.isDateTrigger(prev.fold) {
		return false // "Tuesday Kolondo police said"
	}
	if _, number := lx.numberWord(cur.fold); number {
		return false // "the Tarvo Five": a group counted, no surname
	}
	for _, c := range si.cues {
		if c.first <= i && c.last >= i-1 {
			return false
		}
	}
	for _, m := range si.actors {
		if m.Start < cur.end && m.End > prev.start {
			return false
		}
	}
	for _, name := range []string{a.text[prev.start:prev.end], a.text[cur.start:cur.end], a.text[prev.start:cur.end]} {
		if _, country := a.country(name); country {
			return false // "Ardovian Kolondo", "Lake Belmark", "Costa Rica": a country is no surname
		}
	}
	for j := i; j < len(si.toks) && j <= i+2 && (j == i || si.toks[j].upper && a.text[si.toks[j-1].end:si.toks[j].start] == " "); j++ {
		if a.placeOrRegion(a.text[prev.start:si.toks[j].end]) {
			return false // "Porto da Lima", "Santa Rita do Sul": the words are one place
		}
	}
	return true
}

// titledBefore reports a title right before token k, or a title and its portfolio ("President
// Dario Vega", "Minister of Justice Dario Vega"): a capitalised run opens with the name at k.
func titledBefore(toks []token, k int) bool {
	return k >= 1 && toks[k-1].is(titleWords) ||
		k >= 3 && toks[k-2].is(portfolioLinkWords) && (toks[k-3].is(titleWords) || toks[k-3].is(officeNounWords))
}

// placeOrRegion reports a name the gazetteer knows as a place or a division.
func (a *analysis) placeOrRegion(name string) bool {
	if _, ok := a.x.res.Place(name, a.countries); ok {
		return true
	}
	if a.x.res.Region == nil {
		return false
	}
	_, ok := a.x.res.Region(name, a.countries)
	return ok
}

// securityDoers reports a deed word whose doers are the security forces, named right before it or
// up to reach words before in its clause with no other doer between or before them: "a police raid",
// "an army assault", "gendarmerie units stormed the prison", "guards on strike raided the
// minister's residence" are operations or acts of
// the state's agents, not assaults on a place of detention; "the army freed 34 hostages" is a
// rescue. So is a passive deed whose agent they are ("inmates were assaulted by prison guards").
func securityDoers(text string, toks []token, cues []cueHit, c cueHit, reach int) bool {
	for _, s := range cues {
		if s.category == holdingCue && s.last+1 < len(toks) && toks[s.last+1].is(forceUnitWords) {
			s.category, s.last = sideSecurityCue, s.last+1 // "gendarmerie units": the force, as "gendarmes"
		}
		if s.category == sideSecurityCue && s.first > c.last+1 && s.first-c.last <= passiveAgentReach && toks[c.last+1].is(agentPrepositionWords) &&
			!containsAny(text[toks[c.last].end:toks[s.first].start], clauseMarks) &&
			!slices.ContainsFunc(cues, func(o cueHit) bool {
				return (o.category == attackersCue || o.category == inmateCue) && o.first > c.last && o.first < s.first
			}) {
			return true // "inmates were assaulted by prison guards": the agent after "by" did it, not "by escapees, a warden said"
		}
		if s.category != sideSecurityCue || s.last >= c.first || c.first-s.last-bracketedWords(text, toks, s.last, c.first) > reach {
			continue // the words of a bracket do not count: "guards at the X jail (X, Y) fired on"
		}
		if passiveWithAgent(toks, s.last, c) {
			continue // "guards were assaulted by inmates": the guards are whom it befell, the agent after "by" did it
		}
		if c.first-s.last > securitySubjectReach && partyBefore(text, toks, cues, s.first) {
			continue // "detainees grabbed a guard's pistol and opened fire": the guard is no subject
		}
		if relativeOf(text, toks, s.last, c.first) {
			return true // "clashed with guards, who opened fire": the guards did it
		}
		if containsAny(withoutAsides(text[toks[s.last].end:toks[c.first].start]), clauseMarks+":") {
			continue // but "guards at the X jail (X, Y) fired on" is one clause
		}
		if c.first-s.last == 1 || !nounAfterArticle(toks, c.first) && !doerBetween(cues, s.last, c.first) && !doerBefore(text, toks, cues, s.first) {
			return true
		}
	}
	return false
}

// passiveWithAgent reports a passive attack word c after the noun ending at token noun: an
// auxiliary between them and an agent preposition right after c ("guards were assaulted by").
func passiveWithAgent(toks []token, noun int, c cueHit) bool {
	return c.last+1 < len(toks) && toks[c.last+1].is(agentPrepositionWords) && wordIn(auxiliaryWords, toks, noun+1, c.first)
}

// passiveAgentReach is how many words after a passive verb its agent's noun may stand: "by the
// prison guards".
const passiveAgentReach = 4

// bracketedWords counts the tokens between tokens from and to that stand inside round brackets.
func bracketedWords(text string, toks []token, from, to int) int {
	n := 0
	for _, b := range bracketPairs(text, toks[from].end, toks[to].start) {
		if first, last := tokenSpan(toks, b[0], b[1]); first >= 0 {
			n += last - first + 1
		}
	}
	return n
}

// fireOnTheHeld returns a riot cue for each word of the defenders' shooting whose object is the
// people held ("guards fired on prisoners who had left their cells"): unrest inside, which the
// shooting put down, not the state's raid on some other place.
func fireOnTheHeld(lx *lexicon, text string, toks []token, cues, raids []cueHit) []cueHit {
	var out []cueHit
	for _, r := range raids {
		if lx.phraseAt(fireVerbWords, toks, r.first) == 0 {
			continue
		}
		if slices.ContainsFunc(cues, func(o cueHit) bool {
			return o.category == inmateCue && o.first > r.last && o.first-r.last <= attackObjectReach &&
				!containsAny(text[toks[r.last].end:toks[o.first].start], clauseMarks) && !wordIn(conjunctionWords, toks, r.last+1, o.first)
		}) { // not "the guards opened fire and the inmates withdrew": a new clause's subject
			out = append(out, cueHit{category: riotCue, first: r.first, last: r.last})
		}
	}
	return out
}

// partyBefore reports a noun of people held or of attackers before token k in its clause: the
// clause's subject, before any security noun that follows it.
func partyBefore(text string, toks []token, cues []cueHit, k int) bool {
	return slices.ContainsFunc(cues, func(o cueHit) bool {
		return (o.category == inmateCue || o.category == attackersCue) && o.last < k &&
			!containsAny(withoutAsides(text[toks[o.last].end:toks[k].start]), clauseMarks) && !subordinateBetween(toks, o.last, k)
	})
}

// subordinateBetween reports a subordinating conjunction between tokens from and to: "two inmates
// died as sentries opened fire" opens the sentries' own clause after "as".
func subordinateBetween(toks []token, from, to int) bool {
	return wordIn(subordinatorWords, toks, from+1, to)
}

// securityReach is how far before an attack word its security subject may stand: further before
// a word of shooting ("sentries on the roof opened fire") than before others, and past an aside
// of what they carried. lower is the text in lower case.
func securityReach(lx *lexicon, lower string, toks []token, c cueHit) int {
	if lx.phraseAt(fireVerbWords, toks, c.first) > 0 {
		return doerReach
	}
	for k := c.first - 1; k >= max(0, c.first-equipmentAsideReach); k-- {
		if lx.writtenPhraseAt(equipmentPhrases, lower, toks, k) > 0 {
			return securitySubjectReach + c.first - k // "gendarmes armed with shields and tear gas raided": the aside says how they came
		}
	}
	return securitySubjectReach
}

// equipmentAsideReach is how many words an aside of what the forces carried may run before their
// verb ("armed with shields, clubs and tear gas").
const equipmentAsideReach = 8

// relativeOf reports a relative clause opening with a comma and a relative pronoun right after
// token noun, whose verb (at most one adverb after the pronoun) is token verb: "guards, who then
// opened fire", "les gardiens, qui ont tiré".
func relativeOf(text string, toks []token, noun, verb int) bool {
	rel := noun + 1
	return rel < verb && verb-rel <= 3 && toks[rel].is(relativePronounWords) &&
		strings.TrimSpace(text[toks[noun].end:toks[rel].start]) == ","
}

// arrestRaid reports an attack word a few words after an arrest word of its clause, with no
// relative pronoun between: "police arrested 40 suspects in a raid" tells how they were arrested,
// while "police arrested three men who attacked the prison" tells of an attack.
func arrestRaid(text string, toks []token, cues []cueHit, c cueHit) bool {
	for _, a := range cues {
		if a.category != arrestedCue || a.last >= c.first || c.first-a.last > arrestRaidReach ||
			containsAny(text[toks[a.last].end:toks[c.first].start], clauseMarks) {
			continue
		}
		if !wordIn(relativePronounWords, toks, a.last+1, c.first) && !wordIn(offenceLinkWords, toks, a.last+1, c.first) {
			return true // but "arrested for the attack on X" names the offence
		}
	}
	return false
}

// arrestRaidReach is how many words may stand between an arrest word and the raid that made it
// ("arrested 40 suspected gang members in a raid").
const arrestRaidReach = 8

// goesOnFromRaid reports a clause that opens with a conjunction and no subject of its own, after a
// clause of the same sentence that tells of a raid by the security forces: in "soldiers raided
// the camp near X, and freed 12 detainees", the soldiers free them.
func (a *analysis) goesOnFromRaid(si *sentenceInfo) bool {
	if len(a.sentences) == 0 || len(si.toks) == 0 || !si.toks[0].is(clauseConjunctionWords) {
		return false
	}
	prev := a.sentences[len(a.sentences)-1]
	return prev.raid && strings.Trim(a.text[prev.end:si.start], ", ") == ""
}

// nounAfterArticle reports a word right after an article: "repelled an attack" names the attack
// as a thing the subject acted on, not as the subject's deed.
func nounAfterArticle(toks []token, k int) bool {
	return k > 0 && (toks[k-1].is(singularArticleWords) || toks[k-1].is(definiteArticleWords))
}

// doerBefore reports people who could do a deed named in the clause before token k: in "armed
// men dressed in police uniforms stormed the jail" the police word is what they wore.
func doerBefore(text string, toks []token, cues []cueHit, k int) bool {
	for _, o := range cues {
		if o.last < k && isDoer(o) && !containsAny(text[toks[o.last].end:toks[k].start], clauseMarks+":()") && !subordinateBetween(toks, o.last, k) {
			return true
		}
	}
	return false
}

// isDoer reports a cue of people who may do a deed: attackers, the people held, civilians.
func isDoer(c cueHit) bool {
	switch c.category {
	case attackersCue, inmateCue, sidePerpetratorsCue, sidePrisonersCue, sideCiviliansCue:
		return true
	}
	return false
}

// securitySubjectReach is how far before an attack word the security forces doing it may stand
// ("police on Monday raided").
const securitySubjectReach = 3

// doerBetween reports a cue of people who could do a deed between tokens from and to (exclusive):
// "police said gunmen raided the jail" is the gunmen's raid.
func doerBetween(cues []cueHit, from, to int) bool {
	for _, o := range cues {
		if o.first > from && o.last < to && isDoer(o) {
			return true
		}
	}
	return false
}

// raidOnCustodyToFree reports an attack word whose object is a police station or the like, with a
// word of freeing after it and no hostage in the sentence: "troops stormed the Kessel police post
// and freed their comrades held there" assaults a place of the state's custody to free those it
// holds, a mutiny of the state's own agents, not an operation of theirs ("soldiers raided a
// militant prison and freed 12 detainees" is one).
func raidOnCustodyToFree(toks []token, cues []cueHit, c cueHit) bool {
	if wordIn(hostageWords, toks, 0, len(toks)) {
		return false
	}
	station := slices.IndexFunc(cues, func(o cueHit) bool {
		return o.category == holdingCue && o.first > c.last && o.first <= c.last+1+targetReach
	})
	return station >= 0 && slices.ContainsFunc(cues, func(o cueHit) bool {
		return (o.category == releaseCue || o.category == escapeCue) && o.first > cues[station].last
	})
}

// rescueAfterRaid reports an escape word that goes on from a raid of the security forces (one of
// raids) with no other doer between: in "soldiers raided a militant prison and freed 12
// detainees" the soldiers free the people held — a rescue, not a breakout.
func rescueAfterRaid(raids, cues []cueHit, c cueHit) bool {
	for _, r := range raids {
		if r.last < c.first && !doerBetween(cues, r.last, c.first) {
			return true
		}
	}
	return false
}

// acronymInText reports a name in capitals only inside a sentence written in mixed case ("the
// state prison (CERESO) of Ciudad Juárez", "Lapas Kelas IIB"): an abbreviation or a label, since
// running text writes towns in mixed case, however many of its words are capitalised. A dateline
// opening the sentence ("KABUL, Afghanistan —") is a town.
func acronymInText(text string, si *sentenceInfo, span nameSpan) bool {
	name := text[span.start:span.end]
	if span.first == 0 || !isUpperCase(name) || isLowerCase(name) {
		return false
	}
	mixed, capitals := 0, 0
	for _, t := range si.toks {
		word := text[t.start:t.end]
		switch {
		case isLowerCase(word):
			if !isUpperCase(word) {
				mixed++ // a lower-case word; digits and marks count for neither
			}
		case isUpperCase(word):
			capitals++
		default:
			mixed++
		}
	}
	return mixed > capitals
}

// countsBefore reports a one-word name that is a number word of the text's language opening a
// count ("Lima orang tewas": five people died), not Lima in Peru.
func countsBefore(lx *lexicon, toks []token, span nameSpan) bool {
	if span.first != span.last || span.last+1 >= len(toks) {
		return false
	}
	next := toks[span.last+1]
	_, number := lx.numberWord(toks[span.first].fold)
	return number && !next.upper && (next.is(peopleNounWords) || next.is(singularPersonWords) ||
		next.is(thingNounWords) || next.is(measureWordWords))
}

// duals reads nouns in the dual number as counts of two ("حارسان", "ضابطين": two guards, two
// officers, "آخران": two others): a noun of people, or the word for another, with a dual ending
// (dual_suffix) and no numeral of its own. A word
// the lexicon lists itself is no dual: "معتقلين" is the plural whose ending the dual shares.
func duals(lx *lexicon, text string, toks []token) []Quantity {
	var out []Quantity
	for k, t := range toks {
		if t.is(peopleNounWords) {
			continue
		}
		for _, suffix := range lx.duals {
			stem, ok := strings.CutSuffix(t.fold, suffix)
			if !ok || utf8.RuneCountInString(stem) < minStemRunes ||
				!lx.has(peopleNounWords, stem) && !lx.has(peopleNounWords, stem+"ا") && !anotherPair(lx, toks, k, stem) {
				continue
			}
			two := 2
			q := Quantity{Start: t.start, End: t.end, Low: &two, High: &two, Qualifier: "exact", Kind: "count", Noun: stem}
			if boundAfterDual(lx, text, toks, k) {
				q.Qualifier, q.High = "more_than", nil // "حارسين مسلحين على الأقل": at least two
			}
			out = append(out, q)
			break
		}
	}
	return out
}

// anotherPair reports the word for another, at token k, in the dual: "وأصيب آخران", two others
// were wounded. After a numeral the same ending makes the plural ("6 آخرين": six others).
func anotherPair(lx *lexicon, toks []token, k int, stem string) bool {
	if !lx.has(anotherWords, stem) {
		return false
	}
	if k == 0 {
		return true
	}
	_, word := lx.numberWord(toks[k-1].fold)
	return !word && !allDigits(toks[k-1].fold)
}

// boundAfterDual reports a more_than_after_noun phrase right after the dual at token k, or after
// an adjective in the dual that agrees with it ("حارسين مسلحين على الأقل").
func boundAfterDual(lx *lexicon, text string, toks []token, k int) bool {
	next := k + 1
	if next < len(toks) && slices.ContainsFunc(lx.duals, func(suffix string) bool { return strings.HasSuffix(toks[next].fold, suffix) }) {
		next++
	}
	return tokensPhrase(lx, moreThanAfterNounPhrases, text, toks, next)
}

// tokensPhrase reports a phrase of a piece category written by the tokens from k on.
func tokensPhrase(lx *lexicon, c phraseCat, text string, toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	for _, p := range lx.phrasesFrom(c, strings.ToLower(text[toks[k].start:toks[k].end])) {
		if k+len(p.words) <= len(toks) && tokensSpell(text, toks[k:k+len(p.words)], p.words) {
			return true
		}
	}
	return false
}

// tokensSpell reports tokens that write the words, lower-cased, one each.
func tokensSpell(text string, toks []token, words []string) bool {
	for i, w := range words {
		if strings.ToLower(text[toks[i].start:toks[i].end]) != w {
			return false
		}
	}
	return true
}

// allOfThem reads "all of them", "semuanya" as the exact count of people told before it in the
// sentence, among qs: "Seven inmates escaped, and all of them have been recaptured" recaptured
// seven.
func allOfThem(lx *lexicon, toks []token, qs []Quantity) []Quantity {
	var out []Quantity
	for k := range toks {
		n := lx.phraseAt(allOfThemWords, toks, k)
		if n == 0 {
			continue
		}
		var group *Quantity
		for i := range qs {
			if q := &qs[i]; q.End <= toks[k].start && q.Kind == "count" && q.Low != nil && q.High != nil && *q.Low == *q.High &&
				(group == nil || q.End > group.End) {
				group = q
			}
		}
		if group != nil && lx.has(peopleNounWords, group.Noun) {
			low, high := *group.Low, *group.High
			out = append(out, Quantity{Start: toks[k].start, End: toks[k+n-1].end, Low: &low, High: &high,
				Qualifier: group.Qualifier, Kind: "count", Noun: group.Noun})
		}
	}
	return out
}

// countWord reports a token that is a figure: digits or a number word.
func countWord(lx *lexicon, fold string) bool {
	if allDigits(strings.ReplaceAll(strings.ReplaceAll(fold, ",", ""), ".", "")) {
		return true
	}
	_, ok := lx.numberWord(fold)
	return ok
}

// oneManLongAgo reports an escape word in a relative clause about one person ("a man who escaped
// from X prison five years ago") in a sentence dated over a month before its report: the
// person's past, not this report's breakout.
func oneManLongAgo(si *sentenceInfo, c cueHit) bool {
	rel := relativeBefore(si.toks, c)
	if rel < 1 || !si.toks[rel-1].is(singularPersonWords) {
		return false
	}
	for _, d := range si.dates {
		if d.Date.LastDay().Before(si.ref.Date.AddDate(0, 0, -longAgoDays)) {
			return true
		}
	}
	return false
}

// namedByPastYear reports a noun of a deed or a means that a year long before the report names,
// between an article and the noun ("the 2016 unrest", "the 2013 jailbreak") or one word after it ("a
// prison riot in 2012", "l'évasion de 2003"), in a sentence that a finer date of its own puts in
// the news: the deed is an earlier event the sentence refers to, not its own.
func namedByPastYear(text string, si *sentenceInfo, c cueHit) bool {
	article := func(k int) bool {
		return k >= 0 && (si.toks[k].is(definiteArticleWords) || si.toks[k].is(singularArticleWords))
	}
	yearBefore := article(c.first - 2)
	yearAfter := (article(c.first-1) || article(c.first-2)) && c.last+2 < len(si.toks) &&
		!containsAny(text[si.toks[c.last].end:si.toks[c.last+2].start], clauseMarks)
	if !yearBefore && !yearAfter {
		return false
	}
	past, news := false, false
	for _, d := range si.dates {
		first, last := tokenSpan(si.toks, d.Start, d.End)
		old := d.Date.LastDay().Before(si.ref.Date.AddDate(0, 0, -pastClauseDays))
		named := yearBefore && first == c.first-1 && last == c.first-1 || yearAfter && first == c.last+2 && last == c.last+2
		past = past || named && d.Date.Precision == model.PrecisionYear && old
		news = news || !old && d.Date.Precision.Rank() <= model.PrecisionMonth.Rank()
	}
	return past && news
}

// spanBeforeReference reports a reference point opened by a word of "before" with a span of time
// right before it ("had been freed from a detention facility about a month before the attack"):
// what the sentence tells happened that long before the event it names, so it is another event.
func spanBeforeReference(si *sentenceInfo) bool {
	return si.referenceSpan > 0 && si.toks[referenceWord(si)].is(beforeWordWords)
}

// referenceWord returns the temporal word that opens the sentence's reference point, -1 if it
// has none.
func referenceWord(si *sentenceInfo) int {
	if si.reference[1] <= si.reference[0] {
		return -1
	}
	i, _ := tokenSpan(si.toks, si.reference[0], si.reference[1])
	return i
}

// relativeBefore returns the relative pronoun that opens the clause of cue c, up to three words
// before it ("who escaped", "who had escaped"), -1 if none.
func relativeBefore(toks []token, c cueHit) int {
	for k := c.first - 1; k >= max(0, c.first-3); k-- {
		if toks[k].is(relativePronounWords) {
			return k
		}
	}
	return -1
}

// longAgoDays is how far before its report a person's escape lies in their past.
const longAgoDays = 30

// pastInRelativeClause reports an escape word in a relative clause that dates it itself well
// before its report ("re-arrested two inmates who escaped from X last year", "John Doe, who fled
// X prison in 2018, was found dead"): the people's past, told for what befell them now. The date
// may stand further on while no comma closes the clause ("one of the inmates who broke out of a
// custodial centre in the north of the country in 2018").
func pastInRelativeClause(text string, si *sentenceInfo, c cueHit) bool {
	k := relativeBefore(si.toks, c)
	if k < 0 || ownSubject(si.toks[k+1:c.first]) {
		return false
	}
	for _, d := range si.dates {
		first, _ := tokenSpan(si.toks, d.Start, d.End)
		if first <= c.last || !d.Date.LastDay().Before(si.ref.Date.AddDate(0, 0, -pastClauseDays)) {
			continue
		}
		if first-c.last <= relativeDateReach || first-c.last <= clauseDateReach && !containsAny(text[si.toks[c.last].end:d.Start], clauseMarks) {
			return true
		}
	}
	return false
}

// earlierInRelativeClause reports a word of death or wounds in a relative clause whose own date,
// a few words after it and told from the report's day ("last month"), ended before another
// date of the sentence began: "youths burnt the lock-up on Friday in protest at a raid that
// wounded six traders last week" tells the toll of the earlier raid, not of the deed of Friday.
func earlierInRelativeClause(si *sentenceInfo, c cueHit) bool {
	if relativeBefore(si.toks, c) < 0 {
		return false
	}
	for _, d := range si.dates {
		first, _ := tokenSpan(si.toks, d.Start, d.End)
		if first <= c.last || first-c.last > relativeDateReach || !d.Relative {
			continue // "in which guards killed 40 inmates in May 1990" names its own deed's date
		}
		if slices.ContainsFunc(si.dates, func(o DateMention) bool {
			return o.Start != d.Start && d.Date.LastDay().Before(o.Date.Start.AddDate(0, 0, -model.PrecisionDay.Tolerance()))
		}) {
			return true
		}
	}
	return false
}

// ownSubject reports people named between a relative pronoun and its verb: the clause has its own
// subject, so the pronoun is a place or a time ("the prison, from which 18 inmates escaped in
// 2017"), and the clause tells that place's event, not the past of people named before it.
func ownSubject(between []token) bool {
	return slices.ContainsFunc(between, func(t token) bool { return t.is(peopleNounWords) })
}

// relativeDateReach is how many words after the escape word of a relative clause its date may
// stand ("who escaped from the Kolondo central prison in 2018").
const relativeDateReach = 8

// clauseDateReach is how many words after the escape word its date may stand when no clause mark
// comes between them.
const clauseDateReach = 14

// pastClauseDays is how far before its report a relative clause must date an escape for it to be
// the people's past: half a year, beyond the follow-up reports of one incident.
const pastClauseDays = 180

// offence reports an event word that a court verb before it names as the offence tried
// ("sentenced five men for helping inmates escape", "condamnés pour l'évasion"): a court_verb,
// then an offence_link, then the word, within a dozen words. The offence ends with its clause:
// in "relatives of a man arrested for murder, armed with knives, attacked the lock-up" the attack
// is the relatives' deed, and in "three prisoners - one jailed for arson - escaped" the escape
// is theirs.
func offence(lx *lexicon, text string, toks []token, c cueHit) bool {
	link, linkAt := false, -1
	for k := c.first - 1; k >= max(0, c.first-offenceReach); k-- {
		if gap := text[toks[k].end:toks[k+1].start]; !link && (containsAny(gap, clauseMarks) || spacedDash(gap)) {
			return false
		}
		switch {
		case !link && toks[k].is(auxiliaryWords):
			return false // "condamnés pour meurtre se sont évadés": a verb of its own clause, not the offence
		case !link && toks[k].is(relativePronounWords):
			return false // "arrested over a lapse that allowed the escape of 14 inmates": the clause tells what the offence led to
		case toks[k].is(offenceLinkWords):
			link, linkAt = true, k
		case toks[k].is(courtVerbWords) && k > 0 && toks[k-1].is(peopleNounWords) && link && c.first-linkAt > offenceObjectReach:
			return false // "men convicted over the 2011 market blasts fled": the participle tells who they are, the verb after its object is theirs
		case toks[k].is(courtVerbWords) && !countedAt(lx, toks, k):
			return link // but "tres condenados por el crimen se fugaron": convicts counted, who escaped
		}
	}
	return false
}

// listedOffence reports an event word in a list that a noun of legal cases opens, a subset marker
// or a partitive after it ("30 pending cases including arson, feud killings and livestock
// raiding", "charges of murder and attempted escape"): kinds of crime, not deeds done. An
// auxiliary ends the list: "held on charges of rebellion were beaten to death" tells a deed.
func listedOffence(lx *lexicon, toks []token, c cueHit) bool {
	for k := c.first - 1; k >= max(1, c.first-offenceListReach); k-- {
		if toks[k].is(auxiliaryWords) || toks[k].is(beforeVerbWords) {
			return false
		}
		if toks[k-1].is(caseNounWords) && (toks[k].is(partitiveWords) || lx.phraseAt(subsetMarkerWords, toks, k) > 0) {
			return true
		}
	}
	return false
}

// bodyNamedFor reports a capitalised word of people held inside a capitalised name that an
// institution noun ends ("Detained Persons Commission", "Prisoners Affairs Committee"): the
// name of a body that speaks for them or runs their affairs, no people of the report.
func bodyNamedFor(toks []token, c cueHit) bool {
	if c.first == 0 || !toks[c.first].upper {
		return false // a sentence's first word is capitalised anyway
	}
	for k := c.last + 1; k < len(toks) && k <= c.last+bodyNameReach && toks[k].upper; k++ {
		if toks[k].is(institutionNounWords) {
			return true
		}
	}
	return false
}

// bodyNameReach is how many capitalised words may follow a word of people held in a body's name
// up to its institution noun ("Prisoners Affairs Commission").
const bodyNameReach = 2

// legalCaseOf reports an event word right after a phrase of a court case and an article
// ("the case of the escape", "le dossier de l'évasion", "дело о побеге"): the deed is the matter a
// court hears, told as its subject, not as news.
func legalCaseOf(lx *lexicon, text string, toks []token, c cueHit) bool {
	k := c.first
	if k > 0 && toks[k-1].is(definiteArticleWords) {
		k--
	}
	return lx.writtenPhraseBefore(legalCasePhrases, text, toks, k)
}

// offenceListReach is how many words a list of crimes may take before its event word.
const offenceListReach = 10

// leadingAdverbial reports a date that opens its sentence, after at most one word, and that a
// comma closes, or a part of the day and the comma: "On 3 January 1995, ..." and "Le 3 mars
// 2021 au soir, ..." date the sentence's main clause however long it is. text is the sentence's,
// and d's offsets are in it.
func leadingAdverbial(si *sentenceInfo, text string, d DateMention) bool {
	if len(strings.Fields(text[:d.Start])) > 1 {
		return false
	}
	rest := text[d.End:]
	if strings.HasPrefix(rest, ",") {
		return true
	}
	comma := strings.Index(rest, ",")
	if comma < 0 {
		return false
	}
	first, last := tokenSpan(si.toks, si.start+d.End, si.start+d.End+comma)
	if first < 0 || last-first >= partOfDayPhraseWords {
		return false
	}
	return wordIn(partOfDayWords, si.toks, first, last+1) && !slices.ContainsFunc(si.toks[first:last+1], func(t token) bool { return t.upper })
}

// clauseOpeningDate reports a date that opens a clause after a conjunction, a comma closing it:
// "..., ma il 5 marzo 1979, [...], la città visse l'assalto", "But on 3 May 2021, gunmen
// stormed" date the clause that follows as an opening date dates its sentence. The conjunction
// opens the sentence or follows a comma; one word (a preposition, an article) may stand between
// it and the date. text is the sentence's, and d's offsets are in it.
func clauseOpeningDate(si *sentenceInfo, text string, d DateMention) bool {
	if !strings.HasPrefix(text[d.End:], ",") {
		return false
	}
	first, _ := tokenSpan(si.toks, si.start+d.Start, si.start+d.End)
	for k := first - 1; k >= max(0, first-2); k-- {
		if si.toks[k].is(clauseConjunctionWords) {
			return k == 0 || strings.Contains(text[si.toks[k-1].end-si.start:si.toks[k].start-si.start], ",")
		}
	}
	return false
}

// partOfDayPhraseWords is how many words a part of the day after an opening date may take ("au
// soir", "in the early evening").
const partOfDayPhraseWords = 4

// trailingAdverbial reports a date that closes its sentence in a phrase a comma opens, with no
// word of a cue or a name between the comma and the date: "Gunmen stormed the X prison, [...],
// na noite desta terça-feira (11)." dates the sentence's main clause however long it is,
// as an opening one does; "..., police said on Monday" does not. text is the sentence's, and d's
// offsets are in it.
func trailingAdverbial(si *sentenceInfo, text string, d DateMention) bool {
	if strings.TrimRight(text[d.End:], ".!)” \n") != "" {
		return false
	}
	comma := strings.LastIndex(text[:d.Start], ",")
	if comma < 0 || containsAny(text[comma+1:d.Start], clauseMarks) {
		return false
	}
	first, last := tokenSpan(si.toks, si.start+comma+1, si.start+d.Start)
	if first < 0 {
		return true
	}
	if last-first >= trailingAdverbialWords || slices.ContainsFunc(si.toks[first:last+1], func(t token) bool { return t.upper }) {
		return false
	}
	return !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return si.toks[c.first].start > si.start+comma && si.toks[c.first].start < si.start+d.Start
	})
}

// trailingAdverbialWords is how many words may stand between the comma and the date of a
// trailing adverbial ("na madrugada desta").
const trailingAdverbialWords = 4

// cleftDate reports a date that a cleft sentence puts first: "Foi no final de março de 1998 que
// ...", "Fue el 3 de mayo de 2004 cuando ...", "It was on 3 May 1995 that ..." date the
// clause that follows, however long. The opener stands first; a few words of time may stand
// between it and the date. text is the sentence's, and d's offsets are in it.
func cleftDate(si *sentenceInfo, text string, d DateMention) bool {
	n := si.lex.phraseAt(cleftOpenerWords, si.toks, 0)
	first, _ := tokenSpan(si.toks, si.start+d.Start, si.start+d.End)
	return n > 0 && first >= n && first <= maxCleftWords && !containsAny(text[:d.Start], clauseMarks)
}

// maxCleftWords is how many words may open a cleft sentence before its date ("Foi no final de").
const maxCleftWords = 5

// spacedDash reports a gap between words that holds a dash standing apart, as an aside opens or
// closes ("three prisoners - two of them jailed for murder - escaped"), not a hyphen.
func spacedDash(gap string) bool {
	return strings.Contains(gap, " - ") || containsAny(gap, "—–")
}

// offenceClause reports an event word in a relative clause that goes on about an offence tried
// before it in the sentence: "sentenced for their role in the attack on X prison, in which 300
// inmates escaped" tells more of the deed judged.
func offenceClause(lx *lexicon, text string, toks []token, cues []cueHit, c cueHit) bool {
	for _, o := range cues {
		if o.last >= c.first || o.category != attackCue && o.category != escapeCue && o.category != riotCue || !offence(lx, text, toks, o) {
			continue
		}
		for k := o.last + 2; k < c.first; k++ {
			if toks[k].is(relativePronounWords) && (strings.Contains(text[toks[k-1].end:toks[k].start], ",") ||
				k-2 > o.last && strings.Contains(text[toks[k-2].end:toks[k-1].start], ",")) {
				return true // "X, which" or "X, in which"
			}
		}
	}
	return false
}

// offenceObjectReach is how many words after the offence link of a participle of the court (after
// a noun of people) the offence may stand: "men jailed for the escape", "guards convicted for
// helping inmates escape".
const offenceObjectReach = 3

// offenceReach is how far before an event word the court verb that tried it may stand: the
// sentence passed and the people it was passed on may come between ("condamné par la cour à neuf
// ans de prison pour son évasion", "condenaron a seis años de cárcel a los dos primos y a su
// amigo por haberse evadido").
const offenceReach = 26

// disguiseReach is how many words before a security noun a word of disguise may stand ("disguised
// as police officers", "vestidos com uniformes militares").
const disguiseReach = 3

// conditionalDeed reports a deed word in a clause that a conditional word opens a few words
// before it: "they threatened to kill the hostages if troops stormed the prison", "si se intenta
// un asalto" tell a deed that may come, not one done.
func conditionalDeed(text string, toks []token, c cueHit) bool {
	return wordBeforeInClause(text, toks, conditionalWords, c.first, conditionalReach)
}

// wordBeforeInClause reports a word of the category among the reach words before token end, with
// no clause mark between it and end.
func wordBeforeInClause(text string, toks []token, cat wordCat, end, reach int) bool {
	for k := end - 1; k >= max(0, end-reach); k-- {
		if containsAny(text[toks[k].end:toks[k+1].start], clauseMarks) {
			return false
		}
		if toks[k].is(cat) {
			return true
		}
	}
	return false
}

// condemned reports a deed word within condemnReach words after a verb of condemning: the deed
// is what a protest or a statement condemned, told as its object, not the sentence's deed.
func condemned(toks []token, c cueHit) bool {
	return wordIn(condemnVerbWords, toks, c.first-condemnReach, c.first)
}

// condemnReach is how many words may stand between a verb of condemning and the deed it condemns
// ("to condemn recent attacks").
const condemnReach = 3

// avenged reports a facility or people held named a few words after a word of revenge in its
// clause, no deed between: what an attack avenged ("designed to avenge women held in prison", "in
// revenge for the torture of detainees in prisons"), not what it struck ("vowed revenge and
// stormed the prison" struck it).
func avenged(text string, toks []token, cues []cueHit, c cueHit) bool {
	if c.category != facilityCue && c.category != heldCue && !isHeld(c) {
		return false
	}
	for k := c.first - 1; k >= max(0, c.first-motiveReach); k-- {
		if containsAny(text[toks[k].end:toks[k+1].start], clauseMarks) ||
			slices.ContainsFunc(cues, func(o cueHit) bool { return o.category.isDeed() && o.first == k }) {
			return false
		}
		if toks[k].is(motiveWords) {
			return true
		}
	}
	return false
}

// motiveClause returns the tokens [from, to) of a clause that says an attack's motive ("the
// motive for the attack was to ...", "motivated by ..."), up to a semicolon or motiveClauseReach
// words; from == to if the sentence has none. The deeds, places and people it names are the
// attack's aim or grievance, not what it did.
func motiveClause(text string, si *sentenceInfo) (from, to int) {
	for k := range si.toks {
		n := si.lex.phraseAt(motiveClauseWords, si.toks, k)
		if n == 0 {
			continue
		}
		from, to = k+n, min(len(si.toks), k+n+motiveClauseReach)
		for j := from; j < to; j++ {
			if strings.Contains(text[si.toks[j-1].end:si.toks[j].start], ";") {
				return from, j
			}
		}
		return from, to
	}
	return 0, 0
}

// motiveClauseReach is how many words a clause of motive runs ("to force the government to
// release four of its members from prison").
const motiveClauseReach = 24

// motiveReach is how many words after a word of revenge the people or prison it avenges may be
// named ("in revenge for the torture of detainees").
const motiveReach = 16

// conditionalReach is how many words before a deed word a conditional word may open its clause.
const conditionalReach = 4

// negatedBefore reports a negation right before an event word, or before the people it tells of
// ("no inmate escaped", "no prisoners were hurt"), or a denied verb right after it, in languages
// that deny with the verb ("firar yaşanmadı": no escape happened).
func negatedBefore(toks []token, cues []cueHit, c cueHit) bool {
	if c.first > 0 && toks[c.first-1].is(negationWords) || c.last+1 < len(toks) && toks[c.last+1].is(deniedVerbWords) {
		return true
	}
	if c.first > 1 && toks[c.first-1].is(anyWords) && wordIn(negationWords, toks, c.first-1-anyReach, c.first-1) {
		return true // "did not record any clashes", "لم تقع أي مواجهات"
	}
	return c.first > 1 && toks[c.first-2].is(negationWords) && slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category == inmateCue && o.first == c.first-1
	})
}

// anyReach is how many words before "any" the negation that governs it may stand ("did not
// record any").
const anyReach = 3

// aimOfPlan reports an escape or riot word in the infinitive ("to escape", or bare after the
// infinitive of a helping verb: "to help a relative escape") that a plot, a fear or a threat
// earlier in its clause aims at: "foiled a plot by inmates of X prison to escape", "warned of a
// possible attack to free detained fighters", "suspected of planning to help a relative escape".
func aimOfPlan(text string, toks []token, c cueHit) bool {
	to := c.first - 1
	for to >= max(0, c.first-infinitiveReach) && !toks[to].is(infinitiveMarkerWords) {
		if to < c.first-1 && containsAny(text[toks[to].end:toks[to+1].start], clauseMarks) {
			return false
		}
		to--
	}
	if to < max(0, c.first-infinitiveReach) || to > 0 && toks[to-1].is(attemptVerbWords) {
		return false // "protested over fears of infection and tried to break out": the attempt's aim, made
	}
	return wordBeforeInClause(text, toks, unrealisedWords, to, planReach-1)
}

// planReach is how many words before the aim of a plan the plan may be named ("a plot by inmates
// of the Kolondo central prison to escape").
const planReach = 10

// infinitiveReach is how many words before an aim its infinitive marker may stand: "to" and a
// helping verb with its object ("to help a relative escape").
const infinitiveReach = 4

// unrealised reports a riot or escape word that only a plan, a fear or a threat brings up
// (unrealised, within three words either side): "a riot was being planned", "a plot to escape".
// After the word, one brought in by an article heads a phrase of its own, the deed's cause or
// circumstance: "rioted after a case of cholera", "rioted over the threat of transfers".
func unrealised(toks []token, c cueHit) bool {
	if wordIn(unrealisedWords, toks, c.first-unrealisedReach, c.first) || modalBefore(toks, c.first) {
		return true
	}
	for k := c.last + 1; k < min(c.last+1+unrealisedReach, len(toks)); k++ {
		if toks[k].is(unrealisedWords) && !toks[k-1].is(singularArticleWords) && !toks[k-1].is(definiteArticleWords) {
			return true
		}
	}
	return false
}

// modalBefore reports a modal or future auxiliary before token k, past other auxiliaries, or a
// passive infinitive: "political prisoners would be freed", "serán liberados", "the number of
// people to be freed" tell what is to come, not what was done ("believed to have escaped" did).
func modalBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= maxAuxiliaries; j-- {
		if toks[j].is(modalWords) {
			return true
		}
		if toks[j].is(infinitiveMarkerWords) && j+1 < k && toks[j+1].is(auxiliaryWords) && !toks[j+1].is(perfectAuxiliaryWords) {
			return true
		}
		if !toks[j].is(auxiliaryWords) && !toks[j].is(perfectAuxiliaryWords) {
			return false
		}
	}
	return false
}

// struckByNature reports an attack word whose doer is a natural disaster: a disaster's noun a
// few words before it, with no cue and no armed group between ("a series of mild earthquakes
// struck the city", "two tremors, both of them mild, struck").
func struckByNature(toks []token, cues []cueHit, groups []ActorMatch, c cueHit) bool {
	for k := c.first - 1; k >= max(0, c.first-natureReach); k-- {
		if toks[k].is(naturalForceWords) {
			return true
		}
		if slices.ContainsFunc(cues, func(o cueHit) bool { return o.first <= k && k <= o.last }) ||
			slices.ContainsFunc(groups, func(m ActorMatch) bool { return m.Start <= toks[k].start && toks[k].end <= m.End }) {
			return false // "after the quake, gunmen stormed the prison": the gunmen did
		}
	}
	return false
}

// natureReach is how many words before an attack word the disaster doing it may be named, an
// aside of its measures between.
const natureReach = 10

// attackOnOtherTarget reports an attack word whose object, a few words after it in its clause,
// is a place that holds nobody in custody ("raided several houses", "attacked a village").
func attackOnOtherTarget(text string, toks []token, c cueHit) bool {
	names := 0 // a name before the noun is one word of the object: "attack on a Kolondo concert hall"
	for k := c.last + 1; k < len(toks) && k <= c.last+targetReach+names; k++ {
		if containsAny(text[toks[k-1].end:toks[k].start], clauseMarks) {
			return false
		}
		if toks[k].is(otherTargetWords) {
			return true
		}
		if toks[k].upper && names < targetNameWords {
			names++
		}
	}
	return false
}

// targetReach is how many words may open an attack's object before its noun ("raided several
// houses", "attacked the main market"), and targetNameWords how many capitalised words of a name
// more ("an attack on a Kolondo concert hall").
const (
	targetReach     = 3
	targetNameWords = 3
)

// appealFor reports an appeal verb a few words before the cue: the deed is asked for, not done.
func appealFor(lx *lexicon, toks []token, c cueHit) bool {
	for k := max(0, c.first-appealReach); k < c.first; k++ {
		if lx.phraseAt(appealVerbWords, toks, k) > 0 {
			return true
		}
	}
	return false
}

// releaseDemanded reports a demand for release that ends within releaseDemandReach words before
// the cue: "demanding the release of 40 jailed members".
func releaseDemanded(lx *lexicon, toks []token, c cueHit) bool {
	return lx.phraseEndingBefore(releaseDemandWords, toks, c.first, releaseDemandReach) >= 0
}

// releaseDemandReach is how many words may stand between a demand for release and the people it
// names ("the release of their 40 jailed comrades").
const releaseDemandReach = 4

// appealReach is how many words may stand between an appeal verb and the deed it asks for, its
// addressees among them ("called on all its followers to free").
const appealReach = 6

// heldHostageReach is how many words may stand between "held" and "hostage" ("held two guards
// hostage").
const heldHostageReach = 3

// unrealisedReach is how many words may stand between a plan, a fear or a threat and the event
// word it governs ("a plot to escape", "fears of a possible riot"). Before an attack word only:
// "the attack, planned for months, freed 200" took place.
const unrealisedReach = 3

// refutedReport reports an event word a report noun introduces and a word of falsehood after it
// refutes, in one sentence: "Earlier reports that gunmen had attacked the prison were untrue",
// "les informations selon lesquelles la prison aurait été attaquée sont fausses".
func refutedReport(toks []token, c cueHit) bool {
	return wordIn(hearsayNounWords, toks, c.first-hearsayReach, c.first) &&
		wordIn(refutedWords, toks, c.last+1, c.last+1+refutedReach)
}

// hearsayReach is how many words may stand between a report noun and the event word it tells
// ("reports that bands of gunmen had attacked"); refutedReach, between the event word and the word
// that calls it false ("attacked the prison from outside to create a diversion were untrue").
const (
	hearsayReach = 8
	refutedReach = 12
)

// hostagesReleased reports an escape word said of hostages: right before them ("freed the
// hostages", "liberaron a los rehenes"), or as a passive participle a few words after them
// ("tomaron como rehenes a cuatro guardias, que fueron liberados", "the hostages were released").
// Inmates who took hostages and escaped ("took two guards hostage and fled") are no such case: no
// auxiliary stands before their verb.
func hostagesReleased(toks []token, c cueHit) bool {
	k := c.last + 1
	for k < len(toks) && k <= c.last+3 && (toks[k].is(numberDeterminerWords) || toks[k].is(singularArticleWords) ||
		toks[k].is(definiteArticleWords) || toks[k].is(partitiveWords)) {
		k++
	}
	if k < len(toks) && toks[k].is(hostageWords) {
		return true
	}
	if c.first < 1 || !toks[c.first-1].is(auxiliaryWords) {
		return false
	}
	return wordIn(hostageWords, toks, c.first-1-hostageReach, c.first-1)
}

// releasedThing reports a freeing word whose object, right after it past an article, is a thing
// and no place of detention: a video, a statement or a report released lets no one out.
func releasedThing(toks []token, cues []cueHit, c cueHit) bool {
	if !toks[c.last].is(freeingWords) {
		return false
	}
	k := c.last + 1
	for k < len(toks) && k <= c.last+2 && (toks[k].is(singularArticleWords) || toks[k].is(definiteArticleWords) || toks[k].is(possessiveDeterminerWords)) {
		k++
	}
	return k < len(toks) && toks[k].is(thingNounWords) && !slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category == facilityCue && o.first <= k && k <= o.last
	})
}

// staffReleased reports an escape word in the passive whose subject, right before its
// auxiliary, is the staff or security forces: "one officer was released in the evening" tells of
// a hostage let go, for guards do not break out.
func staffReleased(toks []token, cues []cueHit, c cueHit) bool {
	if c.first < 2 || !toks[c.first-1].is(auxiliaryWords) || !toks[c.first].is(freeingWords) {
		return false
	}
	return slices.ContainsFunc(cues, func(o cueHit) bool { return o.category == sideSecurityCue && o.last == c.first-2 })
}

// hostageReach is how many words before the auxiliary of a release the hostages may be named
// ("rehenes a cuatro guardiacárceles, que fueron liberados").
const hostageReach = 6

// captureReach is how many words before "prisoner" a verb of taking may stand ("took him
// prisoner", "taking a third prisoner").
const captureReach = 3

// releaseStory reports a sentence of a text whose first sentence tells a lawful release (a pardon,
// an amnesty, a furlough) and no deed, when the sentence tells neither an attack nor a riot: its
// words of freeing go on with the releases the text is about.
func (a *analysis) releaseStory(scanned []cueHit) bool {
	return len(a.sentences) > 0 && a.sentences[0].releaseLead && !slices.ContainsFunc(scanned, func(c cueHit) bool {
		return c.category == attackCue || c.category == riotCue
	})
}

// lawfulGround reports a lawful ground of release a few words after an escape word, in its
// clause, or in the sentence's opening phrase: "freed under a presidential pardon", "freed tens of
// thousands of prisoners on furlough". A verb of leaving tells a breakout and a release alike,
// and a lawful ground anywhere after it says which ("walked out of X jail (X, Y) after the court
// granted him bail").
func lawfulGround(lx *lexicon, text string, toks []token, c cueHit) bool {
	if lx.phraseAt(leaveVerbWords, toks, c.first) > 0 && lx.phraseIn(lawfulReleaseWords, toks, c.last+1, len(toks)) {
		return true
	}
	return lawfulBefore(lx, text, toks, c) || lawfulIn(lx, text, toks, c.last+1, c.last+1+lawfulReleaseReach) ||
		groundAfterComma(lx, text, toks, c)
}

// lawfulBefore reports a lawful ground that ends before the escape word, in its clause ("Later,
// 60 convicts would be pardoned and freed"). A phrase the escape word is part of ("walked
// free") is insideLawfulPhrase's.
func lawfulBefore(lx *lexicon, text string, toks []token, c cueHit) bool {
	from := 0
	for j := c.first; j > 0; j-- {
		if containsAny(text[toks[j-1].end:toks[j].start], clauseMarks) {
			from = j
			break
		}
	}
	for k := from; k < c.first; k++ {
		if n := lx.phraseAt(lawfulReleaseWords, toks, k); n > 0 && k+n <= c.first {
			return true
		}
	}
	return false
}

// groundAfterComma reports a lawful ground that a word of "after" brings in right past the comma
// that ends the escape word's clause ("ont recouvré la liberté lundi, à la suite d'une grâce
// présidentielle", "were freed on Monday, following a pardon"): the release's cause.
func groundAfterComma(lx *lexicon, text string, toks []token, c cueHit) bool {
	for k := c.last + 1; k < len(toks) && k <= c.last+lawfulReleaseReach; k++ {
		if !containsAny(text[toks[k-1].end:toks[k].start], clauseMarks) {
			continue
		}
		n := lx.phraseAt(afterWordWords, toks, k)
		return n > 0 && lawfulIn(lx, text, toks, k+n, k+n+lawfulReleaseReach)
	}
	return false
}

// insideLawfulPhrase reports an escape word that is part of a phrase of lawful release ("walked
// free"), whatever clause comes before it.
func insideLawfulPhrase(lx *lexicon, toks []token, c cueHit) bool {
	for k := max(0, c.first-1); k <= c.first; k++ {
		if n := lx.phraseAt(lawfulReleaseWords, toks, k); n > 0 && k+n > c.first {
			return true
		}
	}
	return false
}

// releasedByAuthority reports an escape word whose doer is a lawful power: its subject right
// before it, past auxiliaries ("the government released", "le tribunal a libéré"), or the agent
// right after it ("were released by the authorities"). A government or a court that frees
// prisoners releases them; nobody breaks out.
func releasedByAuthority(lx *lexicon, text string, toks []token, c cueHit) bool {
	if !toks[c.first].is(freeingWords) {
		return false // "las autoridades no localizan a 30 internos": they got out
	}
	k := subjectBefore(toks, c.first)
	for k >= 1 && lx.writes(writtenAuxiliaryPhrases, text, toks[k]) {
		k = subjectBefore(toks, k) // "le gouvernement a libéré": "a" is "has" as written, though it folds as "à"
	}
	if k >= 1 && len(toks[k].fold) <= 2 && toks[k-1].is(onsetVerbWords) {
		k = subjectBefore(toks, k-1) // "os tribunais começaram a libertar": the courts began to release
	}
	if k >= 1 && toks[k].is(beforeVerbWords) {
		k = subjectBefore(toks, k) // "the junta reportedly freed": an adverb between the power and its verb
	}
	if lawfulPowerAt(text, toks, k) {
		return true
	}
	j := c.last + 1
	if j >= len(toks) || !toks[j].is(agentPrepositionWords) {
		return announcedRelease(text, toks, c, k)
	}
	if j++; j < len(toks) && toks[j].is(definiteArticleWords) {
		j++
	}
	return j < len(toks) && toks[j].is(releasingAuthorityWords)
}

// announcedRelease reports a release told in the passive, with no agent, in a clause that a
// lawful power announces ("the governor of X, Gen Y, said that 60 detainees on remand were
// released"): the power's own release. The people released (their figure and noun) stand between
// the complementizer and the verb, whose subject token k is.
func announcedRelease(text string, toks []token, c cueHit, k int) bool {
	if k < 0 || k+1 >= c.first || !toks[k+1].is(auxiliaryWords) {
		return false // "were released": a passive
	}
	for m := k; m >= 1 && k-m <= announcedReach; m-- {
		if !toks[m].is(complementizerWords) {
			continue
		}
		return lawfulPowerAt(text, toks, subjectBefore(toks, m-1))
	}
	return false
}

// lawfulPowerAt reports a releasing authority at subject token k, or named before a name set off
// by commas that ends there: the noun before the name, before its one modifier ("le président
// ardovien, Marc Vessel,") or before "of" and a place ("the governor of X, Gen Y,").
func lawfulPowerAt(text string, toks []token, k int) bool {
	if k < 0 {
		return false
	}
	if toks[k].is(releasingAuthorityWords) {
		return true
	}
	h := appositionHead(text, toks, k)
	return h >= 0 && (toks[h].is(releasingAuthorityWords) || h > 0 && toks[h-1].is(releasingAuthorityWords) ||
		h > 1 && partitiveToken(&toks[h-1]) && toks[h-2].is(releasingAuthorityWords))
}

// announcedReach is how many words before the verb's subject the complementizer of an announced
// release may stand ("that the 47 inmates held there were released").
const announcedReach = 6

// appositionHead returns the token before a name set off by commas that ends at token k ("the
// president, Marc Vessel, released"): the noun the name stands beside, or -1 if no such name ends
// there.
func appositionHead(text string, toks []token, k int) int {
	if k < 1 || k+1 >= len(toks) || !toks[k].upper || strings.TrimSpace(text[toks[k].end:toks[k+1].start]) != "," {
		return -1
	}
	for j := k; j > 0 && k-j < maxAppositionWords && toks[j].upper; j-- {
		if strings.TrimSpace(text[toks[j-1].end:toks[j].start]) == "," {
			return j - 1
		}
	}
	return -1
}

// maxAppositionWords is how many capitalised words a name set off by commas may have ("the
// president, Marc Anton Vessel Orlin, released").
const maxAppositionWords = 4

// freedAsAdjective reports a freeing word set between an article and the people it befell ("the
// freed men", "their freed comrades"): an adjective that names them, not a deed the sentence tells.
func freedAsAdjective(toks []token, cues []cueHit, c cueHit) bool {
	if c.first != c.last || c.first == 0 || c.last+1 >= len(toks) || !toks[c.first].is(freeingWords) {
		return false
	}
	if !toks[c.first-1].is(definiteArticleWords) && !toks[c.first-1].is(possessiveDeterminerWords) {
		return false
	}
	next := c.last + 1
	return toks[next].is(peopleNounWords) || toks[next].is(singularPersonWords) ||
		slices.ContainsFunc(cues, func(o cueHit) bool { return o.category == inmateCue && o.first == next })
}

// releaseOrdered reports a sentence that tells of no deed but of a release by a lawful power ("a
// judge ordered the release of six men"): the people who leave the prison in the next sentence
// are those released.
func releaseOrdered(si *sentenceInfo) bool {
	return si.is(releaseCue) && wordIn(releasingAuthorityWords, si.toks, 0, len(si.toks)) && !isEvent(si)
}

// leftAsReleased reports a verb of leaving whose subject refers back to people named before, by a
// pronoun or a definite article ("They walked out of the Tarvo prison", "the men walked out"):
// after a release ordered, they leave because they were released.
func leftAsReleased(si *sentenceInfo, c cueHit) bool {
	if si.lex.phraseAt(leaveVerbWords, si.toks, c.first) == 0 {
		return false
	}
	k := subjectBefore(si.toks, c.first)
	return k >= 0 && (si.toks[k].is(pronounSubjectWords) ||
		k >= 1 && si.toks[k-1].is(definiteArticleWords) && (si.toks[k].is(peopleNounWords) ||
			slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == inmateCue && o.last == k })))
}

// subjectBefore returns the token before the chain of auxiliaries and modals that ends right
// before token verb ("the government has released", "he might have been assaulted"): the verb's
// subject, or -1 at the sentence's start.
func subjectBefore(toks []token, verb int) int {
	k := verb - 1
	for k >= 0 && verb-k <= maxAuxiliaries && (toks[k].is(auxiliaryWords) || toks[k].is(perfectAuxiliaryWords) || toks[k].is(modalWords)) {
		k--
	}
	return k
}

// maxAuxiliaries is how many auxiliaries may stand between a subject and its verb ("would have been").
const maxAuxiliaries = 3

// lawfulIn reports a lawful ground of release among tokens [from, to), up to the first clause mark
// before or among them. From the sentence's start it reads the opening phrase, which frames the
// whole sentence ("On last year's temporary leave, 4.5% of the prisoners did not return").
func lawfulIn(lx *lexicon, text string, toks []token, from, to int) bool {
	for k := from; k < min(to, len(toks)); k++ {
		if k > 0 && containsAny(text[toks[k-1].end:toks[k].start], clauseMarks) {
			return false
		}
		if lx.phraseAt(lawfulReleaseWords, toks, k) > 0 {
			return true
		}
	}
	return false
}

// lawfulReleaseReach is how many words after an escape word its lawful ground may stand, in its
// clause ("freed tens of thousands of prisoners on furlough").
const lawfulReleaseReach = 8

// fledHomes reports a verb of fleeing whose object, within three words, is a home, a region or
// the fighting (flight_from): civilians displaced, not people breaking out.
func fledHomes(toks []token, cues []cueHit, c cueHit) bool {
	for k := c.last + 1; k < len(toks) && k <= c.last+3; k++ {
		if toks[k].is(occasionWords) {
			return false // "prisoners fled during the fighting": the fighting let them out
		}
		if toks[k].is(flightFromWords) && !inPlaceOfDetention(cues, k) {
			return true
		}
	}
	return false
}

// inPlaceOfDetention reports token k inside the name of a place of detention: the "house" of
// Indonesian "Rumah Tahanan" (a remand prison) is no home fled.
func inPlaceOfDetention(cues []cueHit, k int) bool {
	for _, c := range cues {
		if (c.category == facilityCue || c.category == holdingCue) && c.first <= k && k <= c.last {
			return true
		}
	}
	return false
}

// attackOnPeople reports an attack word whose object is people who are neither held nor guards
// ("attacked four journalists") or, in the passive, one person ("he was verbally assaulted").
func attackOnPeople(lx *lexicon, toks []token, cues []cueHit, c cueHit) bool {
	k := c.last + 1
	for k < len(toks) && k <= c.last+2 && (toks[k].is(numberDeterminerWords) || toks[k].is(singularArticleWords) || countWord(lx, toks[k].fold) ||
		lx.isPhraseWord(vagueNumberPhrases, toks[k].fold)) {
		k++
	}
	if k > c.last+1 && k < len(toks) && toks[k].is(partitiveWords) {
		k++ // "attacked dozens of residents"
	}
	for _, o := range cues {
		if o.category == sideCiviliansCue && o.first == k {
			return true
		}
	}
	// the passive: a singular subject, auxiliaries ("might have been"), at most one word (an
	// adverb), the participle
	for j := c.first - 1; j >= 1 && j >= c.first-2; j-- {
		if !toks[j].is(auxiliaryWords) {
			continue
		}
		k := subjectBefore(toks, j+1)
		if k < 0 {
			return false
		}
		k = headBeforeName(toks, k)
		subject := toks[k].fold
		return lx.has(singularPronounWords, subject) || lx.has(singularPersonWords, subject)
	}
	return false
}

// headBeforeName returns the head noun of a subject that ends at token k in a name after a
// partitive: "a member of the Red Hand" has "member" for head, as "the member" would; token k
// itself when no name and partitive stand there.
func headBeforeName(toks []token, k int) int {
	h := k
	for h > 0 && (toks[h].upper || allDigits(toks[h].fold)) {
		h-- // "the February 20 Movement": a name may hold a number
	}
	if h == k {
		return k
	}
	if h > 0 && toks[h].is(definiteArticleWords) {
		h--
	}
	if h > 0 && toks[h].is(partitiveWords) {
		return h - 1
	}
	return k
}

// attackOutside reports an attack word whose object is people, or whose place is another, named
// before a word that puts them outside a place of detention, in a sentence that frees nobody:
// "gunmen opened fire on policemen outside the central jail" struck the men, and "a bomb
// exploded at a café near the prison" the café; the prison only says where.
func attackOutside(toks []token, cues []cueHit, c cueHit) bool {
	out := -1
	for k := c.last + 1; k < len(toks) && k <= c.last+outsideObjectReach; k++ {
		if toks[k].is(outsideWords) {
			out = k
			break
		}
	}
	if out < 0 {
		return false
	}
	people, place := false, false
	for _, o := range cues {
		switch {
		case o.category == escapeCue || o.category == escapedCue:
			return false // "killed the guards outside the prison and freed 40 inmates": the prison was struck
		case o.first > c.last && o.last < out && (o.category.isSide() || o.category == inmateCue):
			people = true
		case o.first > c.last && o.last < out && (o.category == facilityCue || o.category == holdingCue):
			return false // "attacked the prison's gate near the barracks": the prison is struck
		case (o.category == facilityCue || o.category == holdingCue) && o.first > out && o.first <= out+outsideReach:
			place = true
		}
	}
	// "a bomb exploded at a café near the prison": another place, near the prison
	elsewhere := out-c.last > 1 && toks[c.last+1].is(facilityLocativeWords)
	return (people || elsewhere) && place
}

// nearDetentionBefore reports an attack word after the only places of detention of its sentence,
// each set after a word that puts the scene outside it, in a sentence that frees nobody: "near
// the central prison, two grenades exploded at dawn" gives the prison as a landmark of the
// blasts.
func nearDetentionBefore(toks []token, cues []cueHit, c cueHit) bool {
	near := false
	for _, o := range cues {
		switch {
		case o.category == escapeCue || o.category == escapedCue:
			return false
		case o.category == facilityCue || o.category == holdingCue:
			if o.first > c.first || !wordIn(outsideWords, toks, max(0, o.first-outsideReach), o.first) {
				return false
			}
			near = true
		}
	}
	return near
}

// outsideObjectReach is how many words the object of an attack word may run before the word that
// puts it outside a prison ("opened fire on the special police unit's personnel outside").
const outsideObjectReach = 8

// penalty reports a death word one or two words after a court's verb ("sentenced to death",
// "condamné à mort", "condenado a muerte"), or beside a noun of the penalty: right after it
// ("death row", "a death sentence", "death-row inmates", the place "death cell") or up to three
// words before it ("peine de mort", "pena de muerte", "couloir de la mort").
func penalty(lx *lexicon, toks []token, c cueHit) bool {
	if _, after, joined := strings.Cut(toks[c.last].fold, "-"); joined && lx.has(penaltyNounWords, after) {
		return true // "four death-row inmates": one word
	}
	for _, k := range []int{c.first - 1, c.first - 2, c.first - 3} {
		if k >= 0 && (toks[k].is(courtVerbWords) || toks[k].is(penaltyNounWords)) {
			return true
		}
	}
	return c.last+1 < len(toks) && (toks[c.last+1].is(penaltyNounWords) || toks[c.last+1].is(penaltyPlaceWords)) // "the death cell"
}

// scareQuoted reports a cue whose words stand alone in quotation marks ("the freed 'prisoners'"):
// the writer distances himself from the word.
func scareQuoted(text string, toks []token, c cueHit) bool {
	start, end := toks[c.first].start, toks[c.last].end
	if start < 2 || end >= len(text) {
		return false
	}
	open, _ := utf8.DecodeLastRuneInString(text[:start])
	closing, _ := utf8.DecodeRuneInString(text[end:])
	before, _ := utf8.DecodeLastRuneInString(text[:start-utf8.RuneLen(open)])
	return strings.ContainsRune(quoteMarks, open) && strings.ContainsRune(quoteMarks, closing) && unicode.IsSpace(before)
}

// quoteMarks are the marks that open or close a quotation.
const quoteMarks = "'\"‘’“”«»"

// formerFacility reports a facility word after a former word, right before it or before the
// capitalised name that leads it: "the former Kolondo prison", "l'ancienne prison de Tarvo".
func formerFacility(toks []token, c cueHit) bool {
	k := c.first - 1
	for k >= 0 && c.first-k <= maxNameWordsBefore && toks[k].upper && !toks[k].is(formerWords) {
		k--
	}
	return k >= 0 && toks[k].is(formerWords)
}

// appositionOfFormer reports a facility word in an apposition right after a former facility,
// opened by an indefinite article: "the former Tarvo prison in Kolondo, a notorious political
// prison" is still the former prison.
func appositionOfFormer(text string, toks []token, cues []cueHit, c cueHit) bool {
	for _, o := range cues {
		if o.category != facilityCue || o.last >= c.first || !formerFacility(toks, o) {
			continue
		}
		between := withoutAsides(text[toks[o.last].end:toks[c.first].start])
		if strings.Count(between, ",") != 1 || c.first-o.last > appositionReach {
			continue
		}
		depth := 0
		for k := o.last + 1; k < c.first; k++ {
			gap := text[toks[k-1].end:toks[k].start]
			depth -= strings.Count(gap, ")") // "(Tadmor, Homs), a": the aside closes before the comma
			if strings.Contains(gap, ",") && depth == 0 && !strings.Contains(gap, "(") {
				return toks[k].is(singularArticleWords)
			}
			depth += strings.Count(gap, "(")
		}
	}
	return false
}

// appositionReach is how many words may stand between a facility word and one that restates it in
// an apposition ("the former X prison in Y (Z, W), a notorious political prison").
const appositionReach = 12

// maxNameWordsBefore is how many capitalised words a facility's name may put before its facility
// word ("the former Mareva Central prison").
const maxNameWordsBefore = 3

// escapeAttempt reports an escape word after "tried to", the object of an attempt verb ("tried a
// prison break") or before "attempt" ("an escape attempt"): nobody got out.
func escapeAttempt(toks []token, c cueHit) bool {
	return attempted(toks, c.first) || attemptedObject(toks, c.first) || c.last+1 < len(toks) && toks[c.last+1].is(attemptVerbWords)
}

// onset reports a verb of breaking out whose subject, right before it, its auxiliaries or a
// relative pronoun, is a noun of something that starts ("a fire broke out", "clashes had broken
// out", "a riot that broke out"): a beginning, not a breakout.
func onset(toks []token, c cueHit) bool {
	k := c.first - 1
	for k >= 0 && (toks[k].is(auxiliaryWords) || toks[k].is(relativePronounWords)) {
		k--
	}
	return k >= 0 && toks[k].is(onsetNounWords)
}

// insideName reports a cue written with a capital inside a run of capitalised words of a sentence
// in running text: "Free State" and "Liberation Square" are names, not what anyone did.
func insideName(si *sentenceInfo, c cueHit) bool {
	toks := si.toks
	if c.first == 0 || !toks[c.first].upper || si.titled {
		return false
	}
	return toks[c.first-1].upper || c.last+1 < len(toks) && toks[c.last+1].upper
}

// oneHeld reports a sentence whose people held are one person only: every inmate word is singular
// ("a detainee was shot dead as he tried to escape"), a death in custody rather than unrest.
func oneHeld(toks []token, cues []cueHit) bool {
	one := false
	for _, c := range cues {
		if c.category != inmateCue {
			continue
		}
		if !toks[c.last].is(singularPersonWords) {
			return false
		}
		one = true
	}
	return one
}

// describesOne reports an escape word that describes one person held, beside an indefinite
// article or before the person's name: "a recently escaped inmate", "un détenu évadé", "a former
// inmate released last month", "escaped inmate Tomas Vell", "the escaped man" is who someone is,
// not a breakout.
func describesOne(toks []token, cues []cueHit, c cueHit) bool {
	article := func(k int) bool { return k >= 0 && toks[k].is(singularArticleWords) }
	if n := c.last + 1; n < len(toks) && toks[n].is(singularPersonWords) &&
		(article(c.first-1) || c.first > 0 && toks[c.first-1].is(definiteArticleWords)) {
		return true // "the escaped man was convicted of murder in 2019": one person, named back
	}
	if describedPerson(toks, cues, c) {
		return true // "a man released from the X prison last week": who he is
	}
	for _, o := range cues {
		switch {
		case o.category != inmateCue || !toks[o.last].is(singularPersonWords):
		case o.first == c.last+1 && (article(c.first-1) || article(c.first-2)):
			return true // "an escaped inmate", "a recently escaped inmate"
		case o.first == c.last+1 && o.last+1 < len(toks) && toks[o.last+1].upper:
			return true // "escaped inmate Tomas Vell": the title before a name
		case o.last == c.first-1 && (article(o.first-1) || article(o.first-2)):
			return true // "un détenu évadé", "a former inmate released"
		}
	}
	return false
}

// describedPerson reports a freeing word right after one person named with an article, with no
// people for its object: "a man released from the X prison last week" tells who he is.
func describedPerson(toks []token, cues []cueHit, c cueHit) bool {
	p := c.first - 1
	article := func(k int) bool { return k >= 0 && toks[k].is(singularArticleWords) }
	return p >= 1 && toks[p].is(singularPersonWords) && (article(p-1) || article(p-2)) && !objectAfter(toks, cues, c)
}

// withOthersAfter reports a count after an escape word that a comitative phrase after the word
// opens (comitativeBefore: "a man escaped from the jail with 56 other inmates"): the person
// escaped with many, which is no story of one person. It reads words, not the sentence's
// quantities, which are read later.
func withOthersAfter(si *sentenceInfo, c cueHit) bool {
	for k := c.last + 2; k < len(si.toks); k++ {
		if countWord(si.lex, si.toks[k].fold) && comitativeBefore(si, k) > c.last {
			return true
		}
	}
	return false
}

// objectAfter reports people right after a freeing word, its object: "a gunman freed 12
// inmates", "a guard released the prisoners".
func objectAfter(toks []token, cues []cueHit, c cueHit) bool {
	n := c.last + 1
	if n < len(toks) && (allDigits(toks[n].fold) || toks[n].is(definiteArticleWords) || toks[n].is(numberDeterminerWords)) {
		return true
	}
	for _, o := range cues {
		if o.category == inmateCue && o.first > c.last && o.first <= c.last+3 {
			return true
		}
	}
	return false
}

// oneWhoEscaped reports an escape word in a relative clause about one person named with an
// article ("a suspect who escaped from the station last week was shot dead", "a man who
// recently fled"): the person's past, told for what befell him, not an incident.
func oneWhoEscaped(toks []token, c cueHit) bool {
	for r := c.first - 1; r >= 1 && r >= c.first-relativeClauseGap-1; r-- {
		if !toks[r].is(relativePronounWords) {
			continue
		}
		noun := r - 1
		if !toks[noun].is(singularPersonWords) {
			return false
		}
		for k := noun - 1; k >= 0 && k >= noun-maxSingularModifiers-1; k-- {
			if toks[k].is(singularArticleWords) {
				return true
			}
		}
		return false
	}
	return false
}

// escapeOfOne reports an escape noun whose complement is one person named with an article: "the
// escape of an inmate", "la fuga de un recluso", "l'évasion d'un détenu" tell one person's flight,
// not a breakout, unless others are joined to him.
func escapeOfOne(toks []token, c cueHit) bool {
	k := c.last + 1
	if k+1 >= len(toks) || !toks[k].is(partitiveWords) || !toks[k+1].is(singularArticleWords) {
		return false
	}
	for noun := k + 2; noun < len(toks) && noun <= k+2+maxSingularModifiers; noun++ {
		if toks[noun].is(singularPersonWords) {
			return noun+1 == len(toks) || !toks[noun+1].is(conjunctionWords) // "the escape of an inmate and 14 others"
		}
	}
	return false
}

// oneSubject reports an escape verb whose subject is one person named with an indefinite
// article at the head of its clause, nothing between them counting others or telling another
// deed: "An inmate of the X prison, [...], escaped while in hospital", "Seorang tahanan [...]
// melarikan diri" tell one person's flight, not a breakout.
func oneSubject(text string, si *sentenceInfo, cues []cueHit, c cueHit) bool {
	if c.last+1 < len(si.toks) && si.toks[c.last+1].is(partitiveWords) {
		return false // "the escape of 200 inmates": a noun, its people after it
	}
	for j := c.first - 1; j >= 1 && c.first-j <= maxSubjectVerbDistance; j-- {
		t := &si.toks[j]
		if t.is(conjunctionWords) || t.is(relativePronounWords) {
			return false
		}
		if !t.is(singularPersonWords) {
			continue
		}
		article := j - 1
		if !si.toks[article].is(singularArticleWords) {
			article-- // "a former inmate"
		}
		if article < 0 || !si.toks[article].is(singularArticleWords) ||
			article > 0 && !containsAny(text[si.toks[article-1].end:si.toks[article].start], clauseMarks+"—–-:") {
			return false
		}
		if slices.ContainsFunc(si.quantities, func(q Quantity) bool {
			return q.Start > t.end && q.Start < si.toks[c.first].start && q.Kind == "count" && !ageAfterName(text, si, q)
		}) {
			return false
		}
		return !slices.ContainsFunc(cues, func(o cueHit) bool {
			return o.first > j && o.first < c.first && (o.category.isDeed() || o.category == inmateCue)
		})
	}
	return false
}

// heEscaped reports an escape word whose subject is a pronoun of one person, auxiliaries and
// adverbs aside: "he had escaped from police custody two months earlier" and "he had previously
// escaped from prison" are one man's flight, no breakout.
func heEscaped(toks []token, c cueHit) bool {
	for j := c.first - 1; j >= 0 && j >= c.first-3; j-- {
		if !toks[j].is(auxiliaryWords) && !toks[j].is(elisionWords) && !toks[j].is(beforeVerbWords) {
			return toks[j].is(singularPronounWords)
		}
	}
	return false
}

// relativeClauseGap is how many words (an auxiliary, an adverb) may stand between a relative
// pronoun and the verb it opens ("who had recently escaped").
const relativeClauseGap = 2

// pastOfPerson reports a cue in a relative clause in a perfect tense: "a suspect who had just
// escaped from jail", "un homme qui s'était évadé".
func pastOfPerson(toks []token, k int) bool {
	aux := false
	for i := k - 1; i >= max(0, k-4); i-- {
		switch t := &toks[i]; {
		case t.is(perfectAuxiliaryWords):
			aux = true
		case t.is(relativePronounWords):
			return aux
		}
	}
	return false
}

// pluperfectOfOne reports a cue in the past perfect whose subject, right before the auxiliary, is
// one person: "The man had escaped from X after he was arrested", "he had escaped from prison on 3
// March" tell that person's past, the background of what befell him later.
func pluperfectOfOne(toks []token, c cueHit) bool {
	k := c.first - 1
	if k < 1 || !toks[k].is(pastPerfectWords) {
		return false
	}
	return toks[k-1].is(singularPersonWords) || toks[k-1].is(onePronounWords)
}

// onePersonsPluperfect returns the token range of a relative clause in the past perfect about one
// person, up to the next clause mark ("the nephew of a former commander who had joined the group
// years before and had died in a drone strike in June 2016"): its dates and deeds tell that
// person's past, the background of the report. 0, 0 if none.
func onePersonsPluperfect(text string, toks []token) (int, int) {
	for k := 1; k+1 < len(toks); k++ {
		if !toks[k].is(relativePronounWords) || !toks[k+1].is(pastPerfectWords) ||
			!toks[k-1].is(singularPersonWords) && !toks[k-1].is(titleWords) {
			continue
		}
		return k, markAfter(text, toks, k+2, len(toks), clauseMarks)
	}
	return 0, 0
}

// pastOfOnePerson reports a cue in a perfect relative clause about one person: "an inmate who had
// attempted to blow up the station" tells his past, while "fighters who had stormed it on
// Sunday" tell the incident.
func pastOfOnePerson(toks []token, k int) bool {
	if !pastOfPerson(toks, k) {
		return false
	}
	for i := k - 1; i >= max(1, k-4); i-- {
		if toks[i].is(relativePronounWords) {
			return toks[i-1].is(singularPersonWords)
		}
	}
	return false
}

// releasedByAttackers reads the release words of a sentence that tells of an attack or names its
// means as escape words: "protesters burned a police station and released the prisoners"; so
// does a sentence whose armed men go into the place of detention (armedMenInside) or release
// people held themselves (armedMenRelease), and a clause going on from one that tells of an
// attack. Elsewhere a release is
// as often the authorities' doing, and tells no incident. A release only attempted is the attack's aim;
// one that describes the victim ("a former inmate released last month", read from the cues as
// scanned, before "former" drops the inmate) is his past.
func releasedByAttackers(text, lower string, si *sentenceInfo, scanned []cueHit) {
	// "attacked the police station, and released 5 detainees"; but "the kidnappers demanded money,
	// and the release of their comrades from prison" goes on with what they asked for.
	attackBefore := si.sequel != nil && (si.sequel.is(attackCue) || hasMethod(si.sequel)) && !demandTold(si.sequel)
	if !si.is(attackCue) && !hasMethod(si) && !armedMenInside(si) && !attackBefore && !armedMenRelease(si) {
		return
	}
	var counted []cueHit // the freeing words that now count who got out
	for i, c := range si.cues {
		switch {
		case c.category != releaseCue:
		case describesOne(si.toks, scanned, c):
			// "a former inmate released last month was shot dead": who the victim is
		case lawfulGround(si.lex, text, si.toks, c):
			// "released on parole [...], years after he shot dead a neighbour": a lawful release
		case si.lex.writtenPhraseAt(survivalAfterPhrases, lower, si.toks, c.last+1) > 0:
			// "40 inmates caught in the fighting were brought out unharmed": they survived it
		case releaseAimed(si.toks, c):
			// "on hunger strike for their swift release": what they strive for
		case hostagesReleased(si.toks, c):
			// "the hostages were freed and the siege ended when 12 gunmen gave up": their captors freed them
		case escapeAttempt(si.toks, c) || purposeOfAttack(text, si.toks, scanned, c):
			si.tryToFree = true // "stormed the police station in an attempt to release two suspects": nobody got out
		default:
			si.cues[i].category = escapeCue
			si.freedInAttack = si.freedInAttack || attackBefore
			if !demanded(text, si.toks, c) &&
				!slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == escapedCue && o.first == c.first }) {
				counted = append(counted, cueHit{category: escapedCue, first: c.first, last: c.last})
			}
		}
	}
	if len(counted) > 0 {
		si.releaseCounts = counted
		si.cues = append(si.cues, counted...) // "stormed the lock-up and were able to release four men held there": four got out
		slices.SortStableFunc(si.cues, func(a, b cueHit) int { return a.first - b.first })
	}
}

// releaseAimed reports a word of release after a preposition of aim and a possessive determiner,
// at most one word between them and it ("for their swift release", "pour leur libération",
// "por su liberación"): the release someone strives for, not one that happened.
func releaseAimed(toks []token, c cueHit) bool {
	for k := c.first - 1; k >= max(1, c.first-2); k-- {
		if toks[k].is(possessiveDeterminerWords) {
			return toks[k-1].is(aimPrepositionWords)
		}
	}
	return false
}

// purposeOfAttack reports a word of freeing in the infinitive of purpose after an attack in its
// clause ("attacked the police post to free a detainee", "stormed the station to rescue him"): what
// the attack was for, not what came of it. "were able to free" and "helped 12 inmates to flee"
// tell an outcome.
func purposeOfAttack(text string, toks []token, cues []cueHit, c cueHit) bool {
	marker := c.first - 1
	if marker < 1 || !toks[marker].is(infinitiveMarkerWords) || toks[marker-1].is(abilityVerbWords) ||
		slices.ContainsFunc(cues, func(o cueHit) bool { return o.category == inmateCue && o.last == marker-1 }) {
		return false // "helped 12 inmates to flee": the people freed are the infinitive's subject, an outcome
	}
	return slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category == attackCue && o.last < marker && !containsAny(text[toks[o.last].end:toks[marker].start], ".;") &&
			!doerBetween(cues, o.last, marker) // "the prison they attacked, where eight inmates seized the moment to flee": the inmates' aim
	})
}

// arrestOfTheirOwn reports a word of arrest with a possessive determiner on the people arrested
// ("the arrest of their chief", "su detención", "their arrested leader"): in a sentence that
// tells an attack, the attackers' own people are held, and the attack aims to free them.
func arrestOfTheirOwn(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		if c.category != arrestedCue {
			return false
		}
		if c.first > 0 && si.toks[c.first-1].is(possessiveDeterminerWords) {
			return true
		}
		k := c.last + 1
		return k+1 < len(si.toks) && si.toks[k].is(partitiveWords) && si.toks[k+1].is(possessiveDeterminerWords)
	})
}

// demandsRelease reports a sentence that demands someone's release: a word of release or escape
// with a demand within demandReach words before it in its clause ("demanding the release of").
func demandsRelease(text string, si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return (c.category == releaseCue || c.category == escapeCue) && demanded(text, si.toks, c)
	})
}

// demanded reports a demand within demandReach words before cue c in its clause ("demanding the
// release of"): what was asked, not what was done.
func demanded(text string, toks []token, c cueHit) bool {
	return wordBeforeInClause(text, toks, demandWords, c.first, demandReach)
}

// demandReach is how many words before a word of release a demand for it may stand.
const demandReach = 3

// armedMenInside reports a sentence whose armed men, named first, go into the place of detention
// and then release people with a verb of their own: "the fighters entered the central prison and
// released 700 prisoners", not "rebels sentenced to life, who were released from prison".
func armedMenInside(si *sentenceInfo) bool {
	men, place := -1, -1
	for _, c := range si.cues {
		switch {
		case c.category == attackersCue && men < 0:
			men = c.last
		case c.category == facilityCue && men >= 0 && place < 0 && c.first > men:
			place = c.last
		case c.category == releaseCue && place >= 0 && c.first > place:
			return !si.toks[c.first-1].is(auxiliaryWords)
		}
	}
	return false
}

// armedMenRelease reports a release word right after armed men or an armed group, with people
// held right after it and the place of detention in the sentence: "Red Hand fighters released
// about 500 prisoners from the central prison" frees them, while "the group released 12 soldiers
// it had captured" frees captives of its own.
func armedMenRelease(si *sentenceInfo) bool {
	if !si.is(facilityCue) && !si.is(holdingCue) {
		return false // freed from where the sentence does not say: another clause's deed, if any
	}
	for _, c := range si.cues {
		if c.category != releaseCue || c.first == 0 || si.toks[c.first-1].is(auxiliaryWords) {
			continue
		}
		doer := slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return o.category == attackersCue && o.last < c.first && c.first-o.last <= releaseDoerReach
		}) || slices.ContainsFunc(si.actors, func(m ActorMatch) bool {
			_, last := tokenSpan(si.toks, m.Start, m.End)
			return m.Kind == "armed_group" && last >= 0 && last < c.first && c.first-last <= releaseDoerReach
		})
		held := slices.ContainsFunc(si.cues, func(o cueHit) bool { // the figures are not read yet
			return isHeld(o) && o.first > c.last && o.first-c.last <= releasedReach
		})
		if doer && held {
			return true
		}
	}
	return false
}

// releasedReach is how many words may stand between a release word and the people it frees, a
// figure between ("released about 500 prisoners").
const releasedReach = 4

// releaseDoerReach is how many words may stand between armed men and their release word ("Red Hand
// fighters on Monday released").
const releaseDoerReach = 3

// attackersFled reports a flight word (not a freeing one) whose nearest doer before it is the
// attackers named back with a definite article, with no one held right after it or just before
// them: "the attackers, estimated at about 30, fled" is the assault force's retreat, while "fled
// with 20 inmates", "the inmates fled", "40 militants had escaped with them" and "250 inmates
// including 40 militants escaped" are a breakout.
func attackersFled(toks []token, cues []cueHit, c cueHit) bool {
	if toks[c.first].is(freeingWords) || slices.ContainsFunc(cues, func(o cueHit) bool {
		return isHeld(o) && o.first > c.last && o.first-c.last <= fledWithReach
	}) {
		return false
	}
	return slices.ContainsFunc(cues, func(d cueHit) bool {
		return (d.category == attackersCue || d.category == sidePerpetratorsCue) && d.last < c.first && c.first-d.last <= fleeReach &&
			d.first > 0 && toks[d.first-1].is(definiteArticleWords) && !doerBetween(cues, d.last, c.first) &&
			!slices.ContainsFunc(cues, func(o cueHit) bool { return isHeld(o) && o.last < d.first && d.first-o.last <= fleeReach })
	})
}

// isHeld reports a cue of people held: "inmates", "prisoners".
func isHeld(c cueHit) bool { return c.category == inmateCue || c.category == sidePrisonersCue }

// fleeReach is how many words may stand between the attackers and their flight: an apposition
// ("the attackers, estimated at about 30, fled"). fledWithReach is how far after the flight word
// the people who went with them may be named ("fled with some 20 inmates").
const (
	fleeReach     = 8
	fledWithReach = 4
)

// rescuedBySecurity reports an escape cue whose agent is the security forces, after it ("freed by
// police commandos", "libérés par l'armée") or as its doers before it when hostages are what it
// frees ("the army freed 34 hostages"): people taken out of an armed group's hands, not a
// breakout. Soldiers who free inmates may be mutineers.
func rescuedBySecurity(text string, toks []token, cues []cueHit, c cueHit) bool {
	by := c.last + 1
	if by < len(toks) && toks[by].is(agentPrepositionWords) && slices.ContainsFunc(cues, func(s cueHit) bool {
		return s.category == sideSecurityCue && s.first > by && s.first <= by+3
	}) {
		return true
	}
	return wordIn(hostageWords, toks, c.last+1, c.last+1+heldHostageReach) && securityDoers(text, toks, cues, c, securitySubjectReach)
}

// portfolio reports a name that completes the name of a ministry or a department: "Ministry of the
// Interior", "ministère de la Justice", "Secretaría de Seguridad", "the Justice Minister".
func (a *analysis) portfolio(toks []token, span nameSpan) bool {
	if span.last+1 < len(toks) && a.hasDeclined(officeNounWords, &toks[span.last+1]) {
		return true // "the Justice Minister", "Adalet Bakanlığı'ndan"
	}
	i := span.first - 1
	for i >= 0 && toks[i].is(portfolioLinkWords) {
		i--
	}
	return i >= 0 && i < span.first-1 && toks[i].is(officeNounWords)
}

// directionFrom reports a name a direction is given from ("south of X", "au nord de X").
func directionFrom(toks []token, span nameSpan) bool {
	return span.first >= 2 && toks[span.first-1].is(directionLinkWords) && toks[span.first-2].is(directionWords)
}

// landmark reports a name given as a bearing, a direction, an origin or a correspondent's post
// rather than where something happened: after "north of", "10 km south-west of", "towards";
// before "based" ("a Port-au-Prince based group"). lower is the text in lower case.
func landmark(lx *lexicon, lower string, toks []token, span nameSpan) bool {
	first, last := span.first, span.last
	if first < 0 {
		return false
	}
	if directionFrom(toks, span) {
		return true
	}
	if first >= 2 && toks[first-1].is(reporterLinkWords) && toks[first-2].is(reporterVerbWords) {
		return true // "reports from X": where the correspondent is
	}
	if toward(lx, lower, toks, span) {
		return true // "fled towards the X border": where they went
	}
	if borderedBy(lx, lower, toks, span) {
		return true // "the prison of X, on the border with the town of Y": Y only tells where X lies
	}
	if arrivedFrom(lx, toks, span) {
		return true // "officials who came from X": where they set out
	}
	if first >= 2 && toks[first-1].is(facilityLocativeWords) && toks[first-2].is(sourceNounWords) {
		return true // "sources in X describe a mutiny": where the sources are
	}
	if first >= 2 && toks[first-1].is(facilityLinkWords) && toks[first-2].is(outletNounWords) {
		return true // "le quotidien de Mareva": where the outlet is
	}
	if first >= 2 && toks[first-2].is(governmentNounWords) && (toks[first-1].is(partitiveWords) || toks[first-1].is(facilityLinkWords)) {
		return true // "o governo de Mareva": the government's seat, not where the deed was
	}
	return last+1 < len(toks) && toks[last+1].is(basedWords)
}

// distanceFrom reports a facility word that a distance puts a few words before it ("about 3 km
// from the civil prison", "à 5 km de la prison"): the place measures where something else was.
func distanceFrom(text string, toks []token, c cueHit) bool {
	for k := c.first - 1; k >= 1 && k >= c.first-distanceReach; k-- {
		if containsAny(text[toks[k].end:toks[k+1].start], clauseMarks) {
			return false
		}
		if toks[k].is(distanceFromWords) && toks[k-1].is(distanceUnitWords) {
			return true
		}
	}
	return false
}

// distanceReach is how many words may stand between a distance and the facility word it
// measures from ("3 km from the civil prison of").
const distanceReach = 4

// roadTo reports a facility word that a road leads to a few words before it ("on the road
// leading to the Tarvo central prison", "la route menant à la prison"): the place names where
// the road goes, and what happened on the road happened outside it.
func roadTo(lx *lexicon, text string, toks []token, c cueHit) bool {
	k := lx.phraseEndingBefore(roadToWords, toks, c.first, distanceReach)
	return k >= 0 && !containsAny(text[toks[k].end:toks[c.first].start], clauseMarks)
}

// speakerSeat reports a place that ends the name of the body a speaker speaks for: "a spokesman
// for the National Prisons Service in Juba" speaks from Juba, whatever town the deed was in.
func speakerSeat(si *sentenceInfo, span nameSpan) bool {
	k := span.first - 1
	if k < 1 || !si.toks[k].is(facilityLocativeWords) {
		return false
	}
	for j := k - 1; j >= 0 && k-j <= speakerSeatReach; j-- {
		t := si.toks[j]
		switch {
		case t.is(speakerNounWords):
			return true
		case t.upper || t.is(speakerLinkWords) || t.is(definiteArticleWords):
		default:
			return false
		}
	}
	return false
}

// speakerSeatReach is how many words the name of a speaker's body may take between the speaker
// and the place it sits in ("spokesman for the National Prisons Service of South Sudan in Juba").
const speakerSeatReach = 10

// toward reports a name right after a preposition of direction or after its article: "fled towards
// the Belmark border" names where people went, not where the deed was.
func toward(lx *lexicon, text string, toks []token, span nameSpan) bool {
	first := span.first
	if first >= 1 && toks[first-1].is(towardWords) ||
		first >= 2 && toks[first-1].is(definiteArticleWords) && toks[first-2].is(towardWords) {
		return true
	}
	// "en dirección a la costa, en Kolondo": a phrase of direction a few words before,
	// in the same clause, governs the names after it.
	return governedBy(text, toks, first, func(j int) int { return lx.phraseAt(towardWords, toks, j) })
}

// governedBy reports a phrase of two words or more (phraseAt(j) is its length from token j) that
// ends before token first and starts at most towardReach words before it, in the same clause:
// no mark stands between the nearest such phrase and the name.
func governedBy(text string, toks []token, first int, phraseAt func(j int) int) bool {
	for j := first - 1; j >= 0 && first-j <= towardReach; j-- {
		if n := phraseAt(j); n > 1 && j+n <= first {
			return !containsAny(text[toks[j].end:toks[first].start], ".;:()") // nor one in a clause before the name's
		}
	}
	return false
}

// borderedBy reports a name that a phrase of a shared border governs ("on the border with the
// town of X", "junto à fronteira com X"): X marks where the place told before lies. lower
// is the text in lower case.
func borderedBy(lx *lexicon, lower string, toks []token, span nameSpan) bool {
	return governedBy(lower, toks, span.first, func(j int) int { return lx.lowerPhraseAt(borderWithPhrases, lower, toks, j) })
}

// dayInName reports a day and month without a year that a noun of a name goes with, right
// before it (a name particle between) or right after it: "le Mouvement du 14 juin", "the
// June 14 Movement", "la plaza 2 de Mayo" name a group or a square after a day, and date nothing.
func dayInName(si *sentenceInfo, e dateExpr) bool {
	if e.year != 0 || e.day == 0 || e.month == 0 {
		return false
	}
	first, last := tokenSpan(si.toks, si.start+e.start, si.start+e.end)
	if first < 0 {
		return false
	}
	before := first - 1
	if before >= 0 && si.toks[before].is(nameParticleWords) {
		before--
	}
	return before >= 0 && si.toks[before].is(dayNameNounWords) || last+1 < len(si.toks) && si.toks[last+1].is(dayNameNounWords)
}

// arrivedFrom reports a name right after a verb of coming and its "from", or after their
// article: "negotiators who had come from Mareva", "les renforts venus de la capitale" name
// where people set out, not where the deed was.
func arrivedFrom(lx *lexicon, toks []token, span nameSpan) bool {
	for end := span.first; end >= span.first-1 && end >= 1; end-- {
		if end < span.first && !toks[end].is(definiteArticleWords) {
			return false
		}
		for j := max(0, end-maxPhraseWords); j < end; j++ {
			if lx.phraseAt(arrivedFromWords, toks, j) == end-j {
				return true
			}
		}
	}
	return false
}

// towardReach is how many words a phrase of direction may stand before the names it governs.
const towardReach = 8

// regionWords reports a name that a word for a first-level division goes with: "the state of
// Kaduna", "Kunduz province", "provinsi Jawa Timur".
func regionWords(toks []token, span nameSpan) bool {
	first, last := span.first, span.last
	if first < 0 {
		return false
	}
	if first >= 2 && toks[first-1].is(directionLinkWords) && toks[first-2].is(regionNounWords) ||
		first >= 1 && toks[first-1].is(regionBeforeWords) {
		return true
	}
	return last+1 < len(toks) && toks[last+1].is(regionNounWords)
}

// kunya reports a run of two or more names that opens with Abu or Umm or holds a patronymic
// (Ibn, Bin, Ould): a person's name unless the whole run is a known place ("Abu Dhabi").
func kunya(toks []token, span nameSpan) bool {
	first, last := span.first, span.last
	if first < 0 || last == first {
		return false
	}
	if toks[first].is(kunyaWords) {
		return true
	}
	for _, t := range toks[first : last+1] {
		if t.is(patronymicWords) {
			return true
		}
	}
	return false
}

// blankURLs replaces web addresses with spaces, keeping offsets: the words of a link
// ("/2010/09/prison-break-5-killed/") are not the text's words.
func blankURLs(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); {
		rest := text[i:]
		if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")) {
			i++
			continue
		}
		for i < len(b) && b[i] > ' ' {
			b[i] = ' '
			i++
		}
	}
	return string(b)
}

// closingCredit reports a name alone in brackets right after a sentence's end, closing its
// paragraph: "... the search goes on. (TPS)" credits the writer or agency, it names no group of
// the story.
func closingCredit(text string, m ActorMatch) bool {
	before := strings.TrimRight(text[:m.Start], " ")
	after := strings.TrimLeft(text[m.End:], " ")
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ")") {
		return false
	}
	before = strings.TrimRight(strings.TrimSuffix(before, "("), " ")
	after = strings.TrimLeft(strings.TrimPrefix(after, ")"), " \t")
	return (before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "\n")) && (after == "" || after[0] == '\n')
}

// blankCredit blanks an outlet's name in brackets that opens a sentence before a dash, as a
// dateline without a town writes it ("(Radio Belmarkiana) -- The minister..."): the name is the
// outlet's, no place or country of the story.
func blankCredit(text string) string {
	if !strings.HasPrefix(text, "(") {
		return text
	}
	inside, after, ok := strings.Cut(text[1:], ")")
	if !ok || len(inside) > maxAgencyBytes || strings.ContainsAny(inside, ".;") || !datelineMark(after) {
		return text
	}
	return strings.Repeat(" ", len(inside)+2) + after
}

// commentHeader matches the line that opens a page's comment section.
var commentHeader = regexp.MustCompile(`(?i)^[ \t]*(?:\d+\s+(?:comments?|responses?|replies)(?:\s+(?:on|to)\s+[^\n]{0,80})?|comments|reader comments|leave a (?:reply|comment)|post a comment|join the discussion)[ \t]*[.:]?[ \t]*$`)

// commentsStart returns the byte offset where a comment section begins, or len(text). Only short
// lines with a word of the header are matched against it: the expression is costly on a whole page.
func commentsStart(text string) int {
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		if len(line) <= 160 && commentWord(line) && commentHeader.MatchString(line) {
			return off
		}
		off += end + 1
	}
	return len(text)
}

// lineStart reports an offset at the start of a line, past its indent.
func lineStart(text string, at int) bool {
	line := strings.LastIndexByte(text[:at], '\n') + 1
	return strings.TrimSpace(text[line:at]) == ""
}

// commentWord reports a line holding a word every comment header has.
func commentWord(line string) bool {
	lower := strings.ToLower(line)
	return strings.Contains(lower, "comment") || strings.Contains(lower, "respons") ||
		strings.Contains(lower, "repl") || strings.Contains(lower, "discussion")
}

// wordCount counts the space-separated words of s, as len(strings.Fields(s)) would.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// clauses splits sentences where one sentence tells two events: at semicolons, and at ", and"
// or ", while" before a clause of its own. Extraction treats each clause as a sentence.
func clauses(text string, sentences []Sentence) []Sentence {
	var out []Sentence
	for _, s := range sentences {
		start := s.Start
		for i := s.Start; i < s.End; i++ {
			k := strings.IndexAny(text[i:s.End], ";,") // the only bytes a clause is cut at
			if k < 0 {
				break
			}
			i += k
			cut := 0
			switch {
			case text[i] == ';':
				cut = 1
			case text[i] == ',' && (strings.HasPrefix(text[i:s.End], ", and ") || strings.HasPrefix(text[i:s.End], ", while ") || strings.HasPrefix(text[i:s.End], ", whereas ")):
				cut = 2 // keep the conjunction with the clause it opens
			}
			if cut == 0 || wordCount(text[i:s.End]) < 8 || wordCount(text[start:i]) < 6 || cut == 2 && listItemBefore(text[start:i]) {
				continue
			}
			out = append(out, Sentence{Start: start, End: i})
			start = i + cut
			for start < s.End && text[start] == ' ' {
				start++
			}
		}
		out = append(out, Sentence{Start: start, End: s.End})
	}
	return out
}

// listItemBefore reports a clause that ends in two short items set off by commas ("six people,
// among them a driver, two nurses"): the ", and" after them adds the last item of a list
// (with a serial comma), not a clause.
func listItemBefore(clause string) bool {
	last := strings.LastIndexByte(clause, ',')
	if last < 0 || wordCount(clause[last+1:]) > listItemWords {
		return false
	}
	before := strings.LastIndexByte(clause[:last], ',')
	return before >= 0 && wordCount(clause[before+1:last]) <= listItemWords
}

// listItemWords is how many words an item of a list set off by commas may have.
const listItemWords = 3

// flagOfForce reports whether a force noun follows byte offset end within a few words of the
// same phrase: "U.S. troops", "the Syrian and Iraqi government forces".
func flagOfForce(text string, toks []token, end int) bool {
	seen := 0
	for _, t := range toks {
		if t.start < end {
			continue
		}
		if strings.Trim(text[end:t.start], " .") != "" || seen == 3 {
			return false // punctuation other than an abbreviation's period ends the phrase
		}
		if t.is(forceNounWords) {
			return true
		}
		seen++
		end = t.end
	}
	return false
}
