package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// frame gathers the sentences of one document that tell one incident.
type frame struct {
	first        int // index of the sentence that opened the frame
	sentences    []*sentenceInfo
	events       int             // sentences with an event cue
	lastEvent    int             // index of the last of them in analysis.sentences
	keys         map[string]bool // facility keys
	towns        map[string]bool // folded names of anchor places and facility towns
	capitals     []string        // those of its towns that are their country's capital
	countries    map[string]bool
	regions      map[string]bool
	country      string                     // the country of the frame's first anchor: a frame tells one country's incident
	date         *DateMention               // the first date (finer than a year) an event sentence gives
	dateReported bool                       // date is only a reporting date
	innerDate    *DateMention               // the first day a sentence without an event cue gives, between its events (datedWithin)
	innerAt      int                        // that sentence's index
	year         *DateMention               // the first year an event sentence gives
	context      []placeHit                 // places of sentences whose anchors its event sentences borrowed
	parts        map[*sentenceInfo]townPart // its share of sentences that tell several towns' incidents
}

func newFrame() *frame {
	return &frame{keys: map[string]bool{}, towns: map[string]bool{}, countries: map[string]bool{}, regions: map[string]bool{},
		parts: map[*sentenceInfo]townPart{}}
}

// isEvent reports a sentence that tells of an attack on, an escape from or a riot in a place of
// detention, of deaths there by a named means (a fire, shells) or at an armed group's hands (a
// prison guard killed off duty), or of an attack elsewhere that an armed group made deadly or
// that the text dates to the day and places in a country. A drill, a prisoner exchange or a
// hunger strike is none of these, nor is unrest that names neither a place of detention nor more
// than one person held ("rioters attacked journalists at the trial of a prisoner").
func isEvent(si *sentenceInfo) bool {
	if (generalTalk(si) || inPrisonsAtLarge(si)) && len(si.facilities) == 0 && !hasDayDate(si) {
		return false
	}
	if si.is(stagedCue) || si.is(exchangeCue) || judgedDeed(si) || deedsOnlyReferred(si) || consequenceOnly(si) || spanBeforeReference(si) {
		return false // a drill, a prisoner exchange, a sentence passed for a jailbreak, an earlier event recalled or told as one
	}
	mobTakes := mobKilling(si) || crowdTakes(si) // a deed on the people held, and where they were held
	detention := namesDetention(si) || pronounEscape(si) || sceneGoesOn(si) || si.custodyEscape || mobTakes
	action := si.is(attackCue) && !si.pastAttack || si.is(escapeCue) || si.is(riotCue) && !peacefulDeed(si) && !outsideFacility(si) && (placeOfDetention(si) || !oneHeld(si.toks, si.cues)) || si.is(thwartedCue) ||
		(si.inmateArson || si.outsiderArson) && placeOfDetention(si) || si.airLanding || mobTakes
	return detention && (action || (si.deadlyAttempt || si.deadlyFire) && placeOfDetention(si) ||
		si.is(killedCue) && ((hasMethod(si) || si.triedEscape) && placeOfDetention(si) && deathsOfThoseHeld(si) || hasArmedGroup(si) && !si.is(peacefulCue) ||
			hasMethod(si) && staffOnly(si))) || // "a prison officer was shot dead on his way to work"
		harmOnEscort(si) || // "gunmen shot dead two detainees the police were escorting to court"
		si.is(attackCue) && !si.pastAttack && (si.is(killedCue) && hasArmedGroup(si) || si.calendarDay && len(si.located) > 0) && !holdingOnly(si)
}

// sceneGoesOn reports a clause that a conjunction joins to a clause naming a place of detention,
// with no subject of its own before its deed word: "the rebels bluffed their way past the prison
// gate, and then overran the guardroom" tells of the same people in the same place.
func sceneGoesOn(si *sentenceInfo) bool {
	if si.sequel == nil || len(si.toks) == 0 || !si.toks[0].is(conjunctionWords) || !namesDetention(si.sequel) {
		return false
	}
	deed := slices.IndexFunc(si.cues, func(c cueHit) bool { return c.category.isDeed() })
	return deed >= 0 && !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first < si.cues[deed].first && (c.category.isSide() || c.category == attackersCue || c.category == inmateCue)
	}) && !slices.ContainsFunc(si.toks[:si.cues[deed].first], func(t token) bool { return t.upper })
}

// generalTalk reports a word of jailbreaks in general: "prison breaks", or "a wave of" attacks or
// escapes. "The prison break, following a recent wave of assassinations, underscores..." tells
// of one break: the wave is of other deeds; so does a deed told during a wave ("got out of the
// jail [...] during a wave of protests").
func generalTalk(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		if c.category != genericCue || occasionBefore(si.toks, c.first) {
			return false // "40 prisoners got out of the jail [...] during a wave of protests": the wave is the deed's time
		}
		if !si.toks[c.last].is(partitiveWords) {
			return true
		}
		return slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return o.category.isDeed() && o.first > c.last && o.first <= c.last+seriesNounReach
		})
	})
}

// inPrisonsAtLarge reports a plural facility word right after a locative word and its article
// ("42 inmates escaped from custody in the prisons", "dans les prisons"): the deeds of a country's
// prisons at large, summed, no one incident.
func inPrisonsAtLarge(si *sentenceInfo) bool {
	for k := 2; k < len(si.toks); k++ {
		if si.toks[k].is(facilityPluralWords) && si.toks[k-1].is(definiteArticleWords) && !si.toks[k-1].is(singularArticleWords) && si.toks[k-2].is(facilityLocativeWords) &&
			slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == facilityCue && c.first <= k && k <= c.last }) {
			return true
		}
	}
	return false
}

// occasionBefore reports an occasion word right before token k, an article between or none:
// "during a wave of", "amid the series of".
func occasionBefore(toks []token, k int) bool {
	if k > 0 && (toks[k-1].is(singularArticleWords) || toks[k-1].is(definiteArticleWords)) {
		k--
	}
	return k > 0 && toks[k-1].is(occasionWords)
}

// seriesNounReach is how many words after "a wave of", "a series of" the deed it counts may
// come ("a series of deadly prison attacks").
const seriesNounReach = 3

// holdingOnly reports a sentence whose only words of detention are police stations and the
// like, which neither it nor the clause or sentence after it says hold, free (or aim to) or
// punish anyone, nor has someone in custody or a riot inside:
// "militants attacked police stations and the security service building, killing dozens" tells
// an attack on the state, not on people held.
func holdingOnly(si *sentenceInfo) bool {
	return si.is(holdingCue) && !facilityNamed(si) && !si.is(inmateCue) && !si.is(genericCue) && len(si.facilities) == 0 &&
		!holdsPeople(si) && !si.is(escapeCue) && !si.is(releaseCue) && !lynching(si) && !si.peopleHeldNext && !si.tryToFree &&
		!inCustody(si) && !si.takenOut && !riotWithin(si) // "a man in judicial custody" is held; "took him from police custody" held him
}

// consequenceOnly reports a sentence whose one deed word is the story's deed named again with a
// definite article, as the subject of a verb of consequence: "The riot led to the building of
// a new prison at X in 1998" tells what followed, and its place and date are not the deed's.
func consequenceOnly(si *sentenceInfo) bool {
	deed := -1
	for i, c := range si.cues {
		switch c.category {
		case attackCue, escapeCue, riotCue, thwartedCue:
			if deed >= 0 {
				return false
			}
			deed = i
		}
	}
	if deed < 0 {
		return false
	}
	c := si.cues[deed]
	if c.first != 1 || !si.toks[0].is(definiteArticleWords) {
		return false
	}
	k := c.last + 1
	for k < len(si.toks) && k <= c.last+2 && si.toks[k].is(beforeVerbWords) {
		k++ // "The attack has also prompted"
	}
	return si.lex.phraseAt(consequenceVerbWords, si.toks, k) > 0
}

// deedsOnlyReferred reports a sentence whose every deed word lies in a reference to another event
// long before it or before the date that opens the sentence, dated ("recalling that the 1980 riot
// at the old penitentiary, in which 33 inmates were killed, started with these problems",
// "protested on 4 May, following a riot at the colony last month") or put years back ("Ten years after gunmen freed 200
// inmates"): it tells no deed of its own. So does a sentence whose every deed word, after a
// definite article, names again in an undated reference the event a sentence before told ("After
// the attack, the 14 suspects held in the lock-up were moved to the district jail"): it tells what
// followed. A lede that opens on such a reference tells its story there ("police launched a search
// after the escape of ten inmates").
func deedsOnlyReferred(si *sentenceInfo) bool {
	recalled := si.datedReference() && (referenceLongBefore(si) || datedBeforeLead(si, si.reference[0], si.reference[1])) || yearsAfterReference(si)
	told := !recalled && si.deedBefore && !si.datedReference()
	if !recalled && !told {
		return false
	}
	deeds := 0
	for _, c := range si.cues {
		if !c.category.isDeed() {
			continue
		}
		if !si.inReference(si.toks[c.first].start) || told && (c.first == 0 || !si.toks[c.first-1].is(definiteArticleWords)) {
			return false
		}
		deeds++
	}
	return deeds > 0
}

// yearsAfterReference reports a reference point that a span of years puts before the sentence's
// time ("Ten years after gunmen blew open the gate of the prison, residents say..."):
// the event it names lies long before, whatever date the text gives it.
func yearsAfterReference(si *sentenceInfo) bool {
	return si.referenceSpan >= 365 && si.toks[referenceWord(si)].is(afterWordWords) // "a month after the breakout" may still be the story's own
}

// referenceLongBefore reports a date in the sentence's reference ending long before the sentence
// was written: a recalled event, not the news ("after armed gangs stormed the prison late
// Saturday" is both).
func referenceLongBefore(si *sentenceInfo) bool {
	if si.ref.Date.IsZero() {
		return false
	}
	for _, d := range si.dates {
		if si.inReference(d.Start) && d.Date.LastDay().Before(si.ref.Date.AddDate(0, 0, -sameFacilityDays)) {
			return true
		}
	}
	return false
}

// judgedDeed reports a sentence whose first deed is what a sentence was passed for: "a court
// handed down death sentences to 100 defendants over the mass breakout from X prison, in which
// thousands escaped". It tells of the judgement; the deed is an earlier event it names.
func judgedDeed(si *sentenceInfo) bool {
	legal := -1
	for _, c := range si.cues {
		switch {
		case c.category == legalCue && legal < 0:
			legal = c.last
		case c.category == attackCue || c.category == escapeCue || c.category == riotCue:
			if legal < 0 || c.first <= legal {
				return false
			}
			for k := max(legal+1, c.first-legalGroundReach); k < c.first; k++ {
				// The ground governs the deed's noun: an article follows it ("for murder escaped" does
				// not), and at most a modifier comes between them ("for the murder of three guards
				// escaped" names another deed as the ground).
				if n := si.lex.phraseAt(legalGroundWords, si.toks, k); n > 0 && k+n < c.first && si.toks[k+n].is(definiteArticleWords) &&
					c.first-(k+n) <= groundNounReach {
					return true
				}
			}
			return false
		}
	}
	return false
}

// groundNounReach is how far after the article of a sentence's ground its deed's word may stand:
// a modifier between them ("over the mass breakout").
const groundNounReach = 2

// legalGroundReach is how many words before a deed the words giving it as a sentence's ground
// may start ("over the mass breakout", "for their role in the attack").
const legalGroundReach = 6

// freeingOnly reports a frame whose sentences tell of people freed or escaping and of no attack,
// riot or foiled attempt.
func freeingOnly(f *frame) bool {
	for _, si := range f.sentences {
		if si.is(attackCue) && !si.pastAttack || si.is(riotCue) || si.is(thwartedCue) {
			return false
		}
	}
	return true
}

// outsideFacility reports a place of detention named after a word that puts the scene outside it
// ("relatives clashed with police outside the central prison"): unrest there is not in the place.
func outsideFacility(si *sentenceInfo) bool {
	for _, c := range si.cues {
		if (c.category == facilityCue || c.category == holdingCue) && wordIn(outsideWords, si.toks, max(0, c.first-outsideReach), c.first) {
			return true
		}
	}
	return false
}

// outsideReach is how many words may stand between "outside" and the facility word it governs
// ("outside the central prison").
const outsideReach = 4

// deathsOfThoseHeld reports deaths a sentence counts or gives to the people held or their guards
// ("a fire killed 40", "inmates died in the blaze", "a jail officer was shot dead"): one detainee
// shot as he ran, or someone else burned to death in a jail, is a death in custody, not an
// incident at the place.
func deathsOfThoseHeld(si *sentenceInfo) bool {
	if si.is(inmateCue) {
		return countsPeople(si) || !oneHeld(si.toks, si.cues)
	}
	return countsPeople(si) || si.is(sideSecurityCue)
}

// reportsAttack reports an attack cue that is not named by its date: "the Nov. 26, 2008
// attacks" or "the 2008 Mumbai attacks" refer to a known past event.
func reportsAttack(text string, si *sentenceInfo) bool {
	for _, c := range si.cues {
		if c.category == attackCue && !namedByDate(text, si, c.first) {
			return true
		}
	}
	return false
}

// namedByDate reports a word that a date after a definite article stands right before, with at
// most two words between (the attack's place or kind) and no punctuation. Without the article the
// date tells when the deed was done, as in languages whose verb comes last ("pazar gecesi
// cezaevine saldırdı").
func namedByDate(text string, si *sentenceInfo, word int) bool {
	for _, d := range si.dates {
		first, last := tokenSpan(si.toks, d.Start, d.End)
		if first < 1 || !si.toks[first-1].is(definiteArticleWords) {
			continue
		}
		if last < word && word-last <= 3 &&
			!strings.ContainsAny(text[si.toks[last].end:si.toks[word].start], clauseMarks+":.") {
			return true
		}
	}
	return false
}

// weak reports an event sentence that cannot tell an incident of its own: no detention, no date
// and no place finer than a country ("IS has threatened to kill the boys if the U.S. and the PKK
// continue attacking them"). It goes on with the current one.
func weak(si *sentenceInfo, an anchors) bool {
	return !namesDetention(si) && an.date == nil && an.year == nil &&
		len(an.keys) == 0 && len(an.towns) == 0 && len(an.regions) == 0
}

// continues reports a sentence whose subject is a pronoun: "They also freed a criminal from
// Mali...". It goes on with the incident before it whatever other countries it names, unless it
// tells of "another" one or its "it" only introduces a report ("It was reported that...").
func continues(si *sentenceInfo) bool {
	if len(si.toks) < 3 || tellsAnother(si) {
		return false
	}
	if si.toks[0].is(impersonalPronounWords) {
		return !si.toks[2].is(reportVerbWords)
	}
	return si.toks[0].is(pronounSubjectWords)
}

// storyNamedAgain reports a sentence whose subject names the story's deed again by a word of
// any incident after a definite article ("The incident happened near the X gate", "El
// incidente ocurrió en el penal de X"): where it places the deed, in the story's country, the
// story's incident is, however else the text named the place before.
func storyNamedAgain(si *sentenceInfo) bool {
	k := 0
	if len(si.toks) > 1 && si.toks[0].is(definiteArticleWords) {
		k = 1
	}
	return len(si.toks) > k && si.toks[k].is(storyNounWords) && !tellsAnother(si)
}

// placesStory reports a sentence that names the story's deed again by a word of any incident
// and places it: "The incident occurred in X on 3 February" says where, though it tells no
// deed of its own. So does one that opens on the story's place of detention named again and
// places it: "The prison in the river town of X was set alight".
func placesStory(si *sentenceInfo) bool {
	return storyNamedAgain(si) && placesAnEvent(si) || facilityPlacedAgain(si)
}

// facilityPlacedAgain reports a sentence that opens with a definite article and a facility word,
// and a town within facilityPlaceReach words after it: "The prison in the river town of X".
func facilityPlacedAgain(si *sentenceInfo) bool {
	if len(si.toks) < 3 || !si.toks[0].is(definiteArticleWords) || tellsAnother(si) {
		return false
	}
	c := slices.IndexFunc(si.cues, func(c cueHit) bool { return c.category == facilityCue && c.first == 1 })
	if c < 0 {
		return false
	}
	last := si.cues[c].last
	return slices.ContainsFunc(si.places, func(p placeHit) bool {
		k, _ := tokenSpan(si.toks, p.start, p.end)
		return !p.landmark && p.place.Precision == model.GeoPlace && k > last && k-last <= facilityPlaceReach
	})
}

// facilityPlaceReach is how many words after a facility word the town it stands in may come ("the
// prison in the river town of X": six).
const facilityPlaceReach = 6

// sameCountry reports anchors that name no country, or the frame's.
func (f *frame) sameCountry(an anchors) bool {
	return !slices.ContainsFunc(an.countries, func(c string) bool { return !f.countries[c] })
}

// tellsAnother reports a word of "another" ("another prison", "a second attack"): the sentence
// tells of another incident than the one before it.
func tellsAnother(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.toks, func(t token) bool { return t.is(anotherWords) })
}

// placesAnEvent reports a sentence that places an attack or an escape without naming detention:
// "the attack began on Sunday night in X".
func placesAnEvent(si *sentenceInfo) bool {
	for _, p := range si.places {
		if !p.landmark && nearEventWord(si, p.start, p.end) {
			return true
		}
	}
	return false
}

// namesDetention reports a sentence that speaks of a place of detention or its inmates. Talk of
// jailbreaks in general counts too: with a calendar day it tells one of them. A police station
// or a gendarmerie counts when someone is freed from it, an attack aims to or is followed by an
// escape ("armed men stormed the police station. Fourteen detainees escaped"), the sentence
// says it holds people ("a police station holding suspected militants") or a riot is told inside it.
func namesDetention(si *sentenceInfo) bool {
	return facilityNamed(si) || si.is(inmateCue) || si.is(genericCue) || len(si.facilities) > 0 ||
		si.is(holdingCue) && (si.is(escapeCue) || si.is(attackCue) && (si.tryToFree || lynching(si) || si.escapeNext || inCustody(si)) || holdsPeople(si) || riotWithin(si)) ||
		si.is(escapeCue) && cellNamed(si) || si.custodyRescue
}

// riotWithin reports a riot told in a police station or another place that holds people, a
// locative word (and its article) right before the place's word: "a riot and a fire broke out in
// a police station" are its detainees'; not one outside it, nor one of residents or attackers
// named before the riot's word ("residents rioted at the police station").
func riotWithin(si *sentenceInfo) bool {
	riot := slices.IndexFunc(si.cues, func(c cueHit) bool { return c.category == riotCue })
	if riot < 0 || outsideFacility(si) || slices.ContainsFunc(si.cues[:riot], func(c cueHit) bool {
		return c.category == sideCiviliansCue || c.category == attackersCue
	}) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == holdingCue && wordIn(facilityLocativeWords, si.toks, max(0, c.first-2), c.first)
	})
}

// inCustody reports a sentence that tells someone held ("a suspect held there", "a man taken
// into police custody"): a crowd that attacks a police station then attacks the people it holds.
func inCustody(si *sentenceInfo) bool {
	return si.is(heldCue) || si.lex.phraseIn(inCustodyWords, si.toks, 0, len(si.toks))
}

// custodyRescue reports a freeing word whose object, a few words after it, is a person the
// police hold (custody_person: "snatched an accused") or people said to be arrested ("freed seven
// persons arrested"), in a sentence that names the security forces: a rescue from police
// custody, wherever the police held them.
func custodyRescue(lower string, si *sentenceInfo) bool {
	if !si.is(sideSecurityCue) {
		return false
	}
	for _, c := range si.cues {
		if c.category != escapeCue {
			continue
		}
		for k := c.last + 1; k < len(si.toks) && k <= c.last+custodyObjectReach; k++ {
			if si.lex.writes(custodyPersonPhrases, lower, si.toks[k]) || si.toks[k].is(peopleNounWords) && slices.ContainsFunc(si.cues, func(a cueHit) bool { return a.category == arrestedCue && a.first == k+1 }) {
				return true
			}
		}
	}
	return false
}

// custodyObjectReach is how many words after a freeing word its object may end ("snatched an
// accused", "freed seven persons arrested").
const custodyObjectReach = 3

// cellNamed reports a cell after an article or a possessive, in the clause of an escape word
// ("freed three detainees from a cell", "broke into the cells and freed them"): a room that holds
// people, and the freeing is from it. A name or a modifier before the word makes it a group's
// ("an armed cell", "a militant cell").
func cellNamed(si *sentenceInfo) bool {
	for k := 1; k < len(si.toks); k++ {
		if !si.toks[k].is(cellWords) || !si.toks[k-1].is(definiteArticleWords) && !si.toks[k-1].is(oneWordWords) && !si.toks[k-1].is(possessiveDeterminerWords) {
			continue
		}
		for _, c := range si.cues {
			if c.category == escapeCue && abs(c.first-k) <= cellEscapeReach && wordsOnly(si.toks, min(c.first, k), max(c.first, k)) {
				return true
			}
		}
	}
	return false
}

// cellEscapeReach is how many words may part a cell from the escape word that frees people from
// it ("freed them from a cell", "broke into the cells and freed").
const cellEscapeReach = 6

// wordsOnly reports tokens from i to j parted by single spaces, which leaves no room for a
// comma or another mark that ends a clause between them.
func wordsOnly(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k+1].start-toks[k].end > 1 {
			return false
		}
	}
	return true
}

// airLanding reports an aircraft coming down where the sentence names a place of detention: "a
// helicopter landed in the prison yard and three inmates climbed aboard". Whoever flies it comes
// from outside, and it lands to take people out. read keeps the answer in sentenceInfo.airLanding.
func airLanding(si *sentenceInfo) bool {
	if !facilityNamed(si) {
		return false
	}
	aircraft, lands := false, false
	for k, t := range si.toks {
		aircraft = aircraft || t.is(aircraftNounWords)
		lands = lands || si.lex.phraseAt(landVerbWords, si.toks, k) > 0
	}
	return aircraft && lands
}

// pronounEscape reports an escape whose subject is a pronoun for the people held that the
// sentence before named: "Nine detainees were missing. They had escaped through a tunnel".
func pronounEscape(si *sentenceInfo) bool {
	return si.detentionLast && si.is(escapeCue) && continues(si)
}

// facilityNamed reports a facility word that names a place, not a punishment: in "sentenced to
// 21 years in prison" the word follows a legal word within punishmentReach words, while "stormed
// the detention facility and freed a man serving a sentence" names the place.
func facilityNamed(si *sentenceInfo) bool {
	for _, c := range si.cues {
		if c.category == facilityCue && !punishmentPhrase(si, c) {
			return true
		}
	}
	return false
}

// punishmentPhrase reports a facility or death word that a legal word shortly before it governs:
// "sentenced to 21 years in prison", "sentenced 12 men to death".
func punishmentPhrase(si *sentenceInfo, c cueHit) bool {
	for _, l := range si.cues {
		if l.category == legalCue && l.last < c.first && c.first-l.last <= punishmentReach {
			return true
		}
	}
	return false
}

// punishmentReach is how many words after a legal word a facility or death word is the
// punishment's ("sentenced to 21 years in prison", "sentenced 12 of its members to death").
const punishmentReach = 8

// holdsPeople reports a holding place followed right away by a word of holding people ("a police
// station holding suspected militants", "the cells where 12 suspects were held").
func holdsPeople(si *sentenceInfo) bool {
	for _, h := range si.cues {
		if h.category != holdingCue {
			continue
		}
		for _, c := range si.cues {
			if c.category == heldCue && c.first > h.last && (c.first-h.last <= holdsReach || wordIn(thereWords, si.toks, c.last+1, c.last+1+thereReach)) {
				return true // "a man held there": the place named before holds him
			}
		}
	}
	return false
}

// holdsReach is how many words after a holding place the word of holding people may come.
const holdsReach = 5

// thereReach is how many words after a word of holding people a word pointing back to a place may
// come ("held there", "detenido allí desde").
const thereReach = 2

// lynching reports a lynching word: a crowd that storms a police station to kill someone held
// there attacks a place of detention, whether or not it frees him first.
func lynching(si *sentenceInfo) bool {
	return wordIn(lynchWords, si.toks, 0, len(si.toks))
}

// placeOfDetention reports a sentence that names a place where people are held, not only the
// people: "a prisoner shot dead in the capital" died somewhere else.
func placeOfDetention(si *sentenceInfo) bool {
	return si.is(facilityCue) || si.is(holdingCue) || si.is(genericCue) || len(si.facilities) > 0 || si.heldAt
}

// rightAfter reports the i-th sentence standing at most sequelSentences after the frame's last
// event sentence: a sentence that names the deed again further on may be about another deed of
// the same kind.
func rightAfter(f *frame, i int) bool {
	return f.events > 0 && i-f.lastEvent <= sequelSentences
}

// sequelSentences is how far after a frame's last event sentence one that names its deed again
// may stand ("Forty inmates broke out on Sunday. Police are hunting them. The escape began at
// dawn").
const sequelSentences = 2

// deedNamedAgain reports a word of an attack, escape or riot right after a definite article, or a
// word of any incident opening the sentence (storyNamedAgain): the deed the story told before
// ("The escape took place on Sunday", "The incident took place on 3 February").
func deedNamedAgain(si *sentenceInfo) bool {
	return storyNamedAgain(si) || slices.ContainsFunc(si.cues, func(c cueHit) bool { return deedAgainAt(si, c) })
}

// deedAgainAt reports an attack, escape or riot word right after a definite article.
func deedAgainAt(si *sentenceInfo, c cueHit) bool {
	return (c.category == attackCue || c.category == escapeCue || c.category == riotCue) && c.first > 0 && si.toks[c.first-1].is(definiteArticleWords)
}

// onsetNamedAgain reports the deed named again with a verb of beginning right before its article
// or right after its word ("estalló el motín", "the riot began"): the story's deed breaking out,
// which dates it however far from the deed's sentences it stands ("On Sunday, during visiting
// hours, the riot erupted").
func onsetNamedAgain(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return deedAgainAt(si, c) && (c.first >= 2 && si.toks[c.first-2].is(onsetVerbWords) || c.last+1 < len(si.toks) && si.toks[c.last+1].is(onsetVerbWords))
	})
}

// namesDeed reports a sentence with an attack, escape or riot word, an event sentence or not
// ("The July 18 attack left 13 dead" names the deed it dates), or one that names the story's
// deed again by a word of any incident.
func namesDeed(si *sentenceInfo) bool {
	return si.is(attackCue) || si.is(escapeCue) || si.is(riotCue) || storyNamedAgain(si)
}

func hasMethod(si *sentenceInfo) bool {
	for _, c := range si.cues {
		if c.category.isMethod() {
			return true
		}
	}
	return false
}

func hasDayDate(si *sentenceInfo) bool {
	for _, d := range si.dates {
		if d.Date.Precision == model.PrecisionDay && !d.Relative {
			return true
		}
	}
	return false
}

func hasArmedGroup(si *sentenceInfo) bool {
	for _, m := range si.actors {
		if m.Kind == "armed_group" {
			return true
		}
	}
	return false
}

// nowFrame returns, for an undated sentence (or a clause cut from one) that says how things still
// stand ("still", "ainda"), the frame of the latest deed its anchors fit: the state of things now
// is the latest deed's. Nil otherwise.
func (a *analysis) nowFrame(frames []*frame, si *sentenceInfo, an anchors) *frame {
	if an.date != nil || !a.tellsNow(si) {
		return nil
	}
	var latest *frame
	for _, f := range frames {
		if f.date != nil && f.fits(an) && (latest == nil || f.date.Date.Start.After(latest.date.Date.Start)) {
			latest = f
		}
	}
	return latest
}

// tellsNow reports a sentence, or the sentence a clause was cut from, with a word that says how
// things still stand ("still", "ainda").
func (a *analysis) tellsNow(si *sentenceInfo) bool {
	for c := si; c != nil; c = c.sequel {
		if slices.ContainsFunc(c.toks, func(t token) bool { return c.lex.writes(stillPhrases, a.lower, t) }) {
			return true
		}
	}
	return false
}

func firstFitting(frames []*frame, an anchors) *frame {
	for _, f := range frames {
		if f.fits(an) {
			return f
		}
	}
	return nil
}

// anchors are what ties a sentence to one incident rather than another.
type anchors struct {
	keys, towns, countries []string
	capitals               []string     // the towns that are their country's capital
	regions                []string     // first-level divisions named, or holding the towns named
	date                   *DateMention // a day, week or month
	reported               bool         // the date is only when something was said ("officials said on Monday")
	year                   *DateMention
	deedYear               bool // the year stands in the clause of a deed word, close to it ("had fled from custody in 2009")
}

func (a *analysis) anchorsOf(si *sentenceInfo) anchors {
	var an anchors
	// The four lists share one array, each with room for all it may hold: every sentence's
	// anchors are built, most of them short.
	nf, np, nl := len(si.facilities), len(si.places), len(si.located)
	room := make([]string, 4*nf+3*np+nl)
	an.keys, room = room[:0:nf], room[nf:]
	an.countries, room = room[:0:nf+np+nl], room[nf+np+nl:]
	an.towns, room = room[:0:nf+np], room[nf+np:]
	an.regions = room[:0] // the nf+np left
	inReference := si.inReference
	for _, f := range si.facilities {
		if inReference(f.start) {
			continue
		}
		if f.key != "" {
			an.keys = append(an.keys, f.key)
		}
		if f.known != nil {
			an.countries = append(an.countries, f.known.Country)
			if f.known.Admin1 != "" {
				an.regions = append(an.regions, a.placeKey(f.known.Admin1))
			}
		}
		if f.town != "" {
			an.towns = append(an.towns, a.placeKey(f.town))
		}
	}
	for _, p := range si.places {
		if !nearEventWord(si, p.start, p.end) || a.insideFacility(si, p) || inReference(p.start) || p.dateline {
			continue // "...as reprisal for protesters shot in the city of X in April"; a town inside a facility name; where the report was filed
		}
		if (p.place.Precision == model.GeoPlace || p.place.Precision == model.GeoFacility) && !p.landmark {
			an.towns = append(an.towns, a.placeKey(p.place.Name))
			if key := a.placeKey(p.place.Name); key == a.capitalKey(p.place.Country) {
				an.capitals = append(an.capitals, key)
			}
		}
		if p.place.Admin1 != "" && !p.landmark {
			an.regions = append(an.regions, a.placeKey(p.place.Admin1))
		}
		an.countries = append(an.countries, p.place.Country)
	}
	an.countries = append(an.countries, si.located...)
	d, reported := datedEvent(si)
	if d != nil && d.Date.Precision == model.PrecisionYear {
		an.year = d // too coarse to tell incidents apart, but dates one when nothing finer does
		an.deedYear = yearOfDeed(a.text, si, d)
	} else {
		an.date, an.reported = d, reported
	}
	return an
}

// capitalKey returns the place key of a country's capital, "" if none, remembered for the
// document: most sentences' places are asked about.
func (a *analysis) capitalKey(country string) string {
	key, ok := a.capitalKeys[country]
	if !ok {
		if c, found := a.x.res.Capital(country); found {
			key = a.placeKey(c.Name)
		}
		if a.capitalKeys == nil {
			a.capitalKeys = map[string]string{}
		}
		a.capitalKeys[country] = key
	}
	return key
}

// referencePoint returns the byte span of a phrase that names another event as a point in time
// ("less than two months after the massacre of September 2021,", "depuis l'attaque de 2016"): a
// temporal word followed within three words by an event word, up to the next comma or the end of
// the sentence. Its places, facilities and dates are not the sentence's own. An event brought in
// by an indefinite article is new to the reader, so it is this one ("escaped after an attack on X"),
// unless a span of time stands before the temporal word: then it is another event (apart), however
// it is dated ("less than a year after a bombing"), and so is any event that the story's deed
// "comes" a span of time after ("the raid came two days after car bombs at a camp left 14 dead"). "A
// month after the breakout" looks back on the story's own event.
func referencePoint(text string, si *sentenceInfo) (start, end int, apart bool) {
	events := si.cues
	if len(si.raids) > 0 {
		events = slices.Concat(si.cues, si.raids) // "hours after soldiers raided a house in X"
	}
	for i, t := range si.toks {
		if !t.is(temporalReferenceWords) {
			continue
		}
		for _, c := range events {
			switch c.category {
			case attackCue, escapeCue, riotCue, thwartedCue, methodExplosivesCue:
			default:
				continue
			}
			reach := referenceReach
			if t.is(comparisonWords) {
				reach = comparisonReach // "compared the scenes to the 25-day siege at X"
			}
			if c.first <= i || c.first-i > reach || containsAny(text[t.end:si.toks[c.first].start], clauseMarks) {
				continue
			}
			span := durationUnitBefore(text, si, i) > 0
			apart := wordIn(singularArticleWords, si.toks, i+1, c.first) || span && comesAfter(text, si, i)
			if apart && !span && !datedBeforeLead(si, si.toks[c.last].end, referenceEnd(text, si, t.start)) {
				continue
			}
			if c.category != escapeCue && escapeBeforeCause(text, si, i) {
				return 0, 0, false // "escaped after gangs attacked it": the attack let them out, one incident
			}
			end := referenceEnd(text, si, t.start)
			if !apart && !wordIn(definiteArticleWords, si.toks, i+1, c.first) && (countBefore(si, t.start) || toldInRelative(si, c)) && !eventOutside(si, t.start, end) {
				return 0, 0, false // "100 inmates remain missing after armed men freed 173", "following riots which erupted there on Friday": the clause is the news
			}
			return t.start, end, apart
		}
		if t.is(comparisonWords) && datedObject(text, si, i) {
			return t.start, referenceEnd(text, si, t.start), false // "compared the scenes to the 25-day siege at X in 1990"
		}
		if end, ok := placeAsEvent(text, si, i); ok {
			return t.start, end, true // "surtout qu'après X, le ministre avait promis": X's was another deed
		}
		if i == 0 && facilityAsEvent(text, si) {
			return t.start, referenceEnd(text, si, t.start), true // "Après la prison de X, celle de Y a été attaquée": X's was another deed
		}
	}
	return 0, 0, false
}

// placeAsEvent reports a name right after the temporal word at token i and right before a comma,
// and where that name ends: "after X, the minister promised" names another deed by its place. A
// date ("after Monday,") names a day, no deed.
func placeAsEvent(text string, si *sentenceInfo, i int) (int, bool) {
	for _, span := range si.spans {
		if span.first != i+1 || !strings.HasPrefix(text[span.end:si.end], ",") {
			continue
		}
		if slices.ContainsFunc(si.dates, func(d DateMention) bool { return d.Start < span.end && d.End > span.start }) {
			return 0, false
		}
		return span.end, true
	}
	return 0, false
}

// facilityAsEvent reports a sentence opened by a temporal word and a place of detention, set apart
// by a clause mark, before a deed: "After the X prison, the one in Y was stormed" names an earlier
// deed by its place.
func facilityAsEvent(text string, si *sentenceInfo) bool {
	end := referenceEnd(text, si, si.toks[0].start)
	named := slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == facilityCue && c.first > 0 && c.first <= referenceReach && si.toks[c.last].end <= end
	})
	return named && end < si.end && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return si.toks[c.first].start > end && (c.category == attackCue || c.category == escapeCue || c.category == riotCue || c.category == thwartedCue)
	})
}

// datedBeforeLead reports a date between byte offsets from and to (a reference point's) that
// ended before the date opening the sentence began: "On 4 May, relatives protested, following a
// riot at the colony last month" names an earlier riot, however it is brought in.
func datedBeforeLead(si *sentenceInfo, from, to int) bool {
	var lead *DateMention
	for i := range si.dates {
		if si.dates[i].Start == si.leadDate {
			lead = &si.dates[i]
		}
	}
	if lead == nil {
		return false
	}
	return slices.ContainsFunc(si.dates, func(d DateMention) bool {
		return d.Start >= from && d.End <= to && d.Date.LastDay().Before(lead.Date.Start)
	})
}

// datedObject reports a date of its own within comparisonReach words after the comparison word at
// token i, in its clause: what it compares with is another event, whatever word names it.
func datedObject(text string, si *sentenceInfo, i int) bool {
	for _, d := range si.dates {
		k, _ := tokenSpan(si.toks, d.Start, d.End)
		if k > i && k-i <= comparisonReach+comparisonDateWords && !containsAny(text[si.toks[i].end:d.Start], clauseMarks) {
			return true
		}
	}
	return false
}

// comparisonDateWords is how many words the place of a compared event may put between its noun
// and its date ("the siege at X in Y in 1990").
const comparisonDateWords = 4

// referenceReach is how many words after a temporal word its event word may stand ("after the
// attack on"); a comparison's object may stand further ("compared the scenes to the siege").
const (
	referenceReach  = 3
	comparisonReach = 8
)

// toldInRelative reports an event noun with no article, a relative clause right after it telling
// it ("after clashes which erupted in the cellblocks on Friday"): the sentence's only deed,
// brought in with all it needs to be told, is new to the reader.
func toldInRelative(si *sentenceInfo, c cueHit) bool {
	return c.first > 0 && !si.toks[c.first-1].is(singularArticleWords) && c.last+1 < len(si.toks) && si.toks[c.last+1].is(relativePronounWords)
}

// countBefore reports a figure of people before byte start: "100 inmates remain missing after
// armed men freed 173" counts what the deed after the temporal word left.
func countBefore(si *sentenceInfo, start int) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Kind == "count" && q.Start < start })
}

// eventOutside reports an event word of the sentence outside bytes [start, end): a deed of its own
// beside the one a temporal word brings in. A sentence that counts people and whose only deed
// follows "after" with no article ("100 inmates remain missing after armed men freed 173") tells
// that deed as its news, not as a point in time.
func eventOutside(si *sentenceInfo, start, end int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		switch c.category {
		case attackCue, escapeCue, riotCue, thwartedCue:
			return si.toks[c.first].start < start || si.toks[c.first].start >= end
		}
		return false
	})
}

// durationUnitBefore returns the unit in days (1, 7, 30, 365) of a span of time in the two words
// before the temporal word at token i, 0 if none: "less than a year after a bombing", "two weeks
// before an attack" put the event it names that far from this one, however new to the reader.
func durationUnitBefore(text string, si *sentenceInfo, i int) int {
	for k := max(0, i-2); k < i; k++ {
		if unit, ok := si.lex.phraseValue(dateUnitPhrases, strings.ToLower(text[si.toks[k].start:si.toks[k].end])); ok {
			return unit
		}
	}
	return 0
}

// comesAfter reports a verb that puts the sentence's own deed after another ("comes", "came",
// "follows") ending at most three words before the temporal word at token i, the span of time
// between them: "the attack comes a day after ...".
func comesAfter(text string, si *sentenceInfo, i int) bool {
	for k := max(1, i-comesAfterReach); k <= i-1; k++ {
		if si.lex.writtenPhraseBefore(comesAfterPhrases, text, si.toks, k) {
			return true
		}
	}
	return false
}

// comesAfterReach is how many words before the temporal word the verb may end: the span of time
// ("a day", "two weeks", "only days").
const comesAfterReach = 3

// escapeBeforeCause reports an escape told in the same clause before the word at token i that
// places it after another event ("escaped from the prison in X, Y, after gangs attacked it"):
// that event is how they got out.
func escapeBeforeCause(text string, si *sentenceInfo, i int) bool {
	if !si.toks[i].is(afterWordWords) {
		return false
	}
	for _, c := range si.cues {
		if c.category == escapeCue && c.last < i && !containsAny(text[si.toks[c.last].end:si.toks[i].start], ";:؛") {
			return true
		}
	}
	return false
}

// referenceEnd returns where a reference point opening at byte start ends: at the next comma or
// semicolon, or past the relative clause that goes on about the same event ("the 2013 attack on a
// van at Saran, during which a guard was killed"), or at the end of the sentence.
func referenceEnd(text string, si *sentenceInfo, start int) int {
	for {
		k := strings.IndexAny(text[start:si.end], clauseMarks)
		if k < 0 {
			return si.end
		}
		end := start + k
		first, _ := tokenSpan(si.toks, end, si.end)
		relative := false
		for j := first; j >= 0 && j < len(si.toks) && j < first+relativeLead; j++ {
			relative = relative || si.toks[j].is(relativePronounWords)
		}
		if !relative || text[end] == ';' {
			return end
		}
		start = end + 1
	}
}

// relativeLead is how many words may open a relative clause before its pronoun ("au cours de
// laquelle", "during which").
const relativeLead = 4

// insideFacility reports a place name that is part of a known facility's name, or a foreign
// namesake in another facility's name.
func (a *analysis) insideFacility(si *sentenceInfo, p placeHit) bool {
	for _, f := range si.facilities {
		if f.known != nil && p.start >= f.start && p.end <= f.end {
			return true
		}
	}
	return a.foreignInName(si, p)
}

// foreignInName reports a place name inside a facility's name that lies in none of the countries
// the text names, when it names some: "Jau prison" in a report from Bahrain recalls a Brazilian
// town, and stands in none.
func (a *analysis) foreignInName(si *sentenceInfo, p placeHit) bool {
	if len(a.named) == 0 || slices.Contains(a.named, p.place.Country) {
		return false
	}
	return slices.ContainsFunc(si.facilities, func(f facilityHit) bool { return p.start >= f.start && p.end <= f.end })
}

// placeKey folds a place or facility name so that spellings of one town compare equal
// ("Al-Hasakah", "Al Ḩasakah"): facilityKey, remembered for the document, whose sentences name
// their towns and facilities again and again (a facility name that ends with its town is
// remembered without it: namedFacility).
func (a *analysis) placeKey(name string) string {
	if k, ok := a.placeKeys[name]; ok {
		return k
	}
	k := a.x.facilityKey(name)
	a.placeKeys[name] = k
	return k
}

// anchorReach is how many words from an event word a place or date may stand and still anchor it.
const anchorReach = 10

// dateReach is how many words from an event word a date may stand: dates open sentences ("In
// early August 2020, the group's provincial branch carried out an attack").
const dateReach = 16

// nearEventWord reports whether bytes [s, e) of the sentence lie within anchorReach words of an
// attack, escape, riot or facility word, or of a word of any incident that names the story's deed
// again (storyNamedAgain).
func nearEventWord(si *sentenceInfo, s, e int) bool {
	first, last := tokenSpan(si.toks, s, e)
	if first < 0 {
		return false
	}
	if storyNamedAgain(si) && first <= anchorReach {
		return true // "The incident occurred in X on 3 February": the word of any incident names the story's deed
	}
	for _, c := range si.cues {
		switch c.category {
		case attackCue, escapeCue, riotCue, thwartedCue, facilityCue, inmateCue:
			if abs(c.first-last) <= anchorReach || abs(first-c.last) <= anchorReach {
				return true
			}
		}
	}
	return false
}

// unanchored reports a frame opened by a sentence that named no facility, town or country (a
// headline): the next event sentence's anchors become its own.
func (f *frame) unanchored() bool {
	return len(f.keys) == 0 && len(f.towns) == 0 && f.country == ""
}

// unplaced reports a frame that names no facility and no town.
func (f *frame) unplaced() bool { return len(f.keys) == 0 && len(f.towns) == 0 }

// holdsAll reports facility keys all of which the frame already names, or only towns of a frame
// that named no facility: a background sentence about the attacked facility ("X was built for
// 1,500 people but holds 12,000") tells of this incident, one naming another facility does not.
func (f *frame) holdsAll(an anchors) bool {
	if len(f.keys) == 0 && len(an.towns) > 0 && !slices.ContainsFunc(an.towns, func(t string) bool { return !f.towns[t] }) {
		return true // "a prison in the city of X" told the incident; "The X prison houses 600 inmates" is about it
	}
	for _, k := range an.keys {
		if !f.keys[k] && !f.towns[k] {
			return false // a prison named by its town alone is the one the story told in that town
		}
	}
	return true
}

// borrow takes the places of another sentence's anchors, and its date when this one has none.
func (an *anchors) borrow(from anchors) {
	an.keys, an.towns, an.regions, an.countries = from.keys, from.towns, from.regions, from.countries
	if an.date == nil && an.year == nil {
		an.date, an.year = from.date, from.year
	}
}

func (an anchors) empty() bool {
	return len(an.keys) == 0 && len(an.towns) == 0 && len(an.regions) == 0 && len(an.countries) == 0
}

// yearBefore reports a frame dated only by a year that ended before the sentence's own date: a
// sentence that "on Sunday" tells the story's day does not go on with "fugitives arrested in 2008".
func (f *frame) yearBefore(an anchors) bool {
	return f.date == nil && f.year != nil && an.date != nil && !an.reported && f.year.Date.LastDay().Before(an.date.Date.Start)
}

// sameDay returns the last frame whose date agrees with the sentence's, nil if none.
func sameDay(frames []*frame, an anchors) *frame {
	for i := len(frames) - 1; i >= 0; i-- {
		if f := frames[i]; f.date != nil && datesAgree(f.date.Date, an.date.Date) {
			return f
		}
	}
	return nil
}

// namesItsFacility reports a sentence that names a facility and no town, region, date or other
// country of its own, after a frame that told its incident at a place without naming the
// facility, or naming it only by its town: "more than 150 inmates escaped from a prison in
// Tarvo province [...] the inmates got out of the Kessel penitentiary" names the prison the story
// left unnamed.
func (f *frame) namesItsFacility(si *sentenceInfo, an anchors) bool {
	for k := range f.keys {
		if !f.towns[k] {
			return false // a name of its own: "the Kessel prison" and "the Orlin prison" are two
		}
	}
	if len(an.keys) == 0 || len(an.towns) > 0 || len(an.regions) > 0 || an.date != nil && !f.dateReported && f.otherDate(an) ||
		opensOtherMatter(si) || tellsAnother(si) {
		return false
	}
	return !slices.ContainsFunc(an.countries, func(c string) bool { return c != f.country })
}

// fits reports whether a sentence with these anchors can belong to frame f.
func (f *frame) fits(an anchors) bool {
	for _, k := range an.keys {
		if f.keys[k] {
			// One facility: the same incident unless the dates are far apart (an earlier attempt).
			return f.date == nil || an.date == nil || withinDays(f.date.Date, an.date.Date, sameFacilityDays)
		}
	}
	if f.otherDate(an) {
		return false
	}
	if len(an.keys) > 0 && len(f.keys) > 0 {
		// Two names: two facilities, unless the same town holds both ("Riverton prison", "Hill
		// Road penitentiary" in one article about Riverton).
		for _, t := range an.towns {
			if f.towns[t] {
				return true
			}
		}
		return false
	}
	for _, t := range an.towns {
		if f.towns[t] {
			return true
		}
	}
	if len(an.towns) > 0 && len(f.towns) > 0 {
		return f.capitalArea(an)
	}
	if len(an.regions) > 0 && len(f.regions) > 0 && !anyIn(an.regions, f.regions) {
		return false // "...had spread into a neighbouring province" after an attack in a town
	}
	for _, c := range an.countries {
		if c == f.country {
			return len(an.towns) == 0 || len(f.towns) == 0 || len(an.keys) == 0
		}
	}
	return false
}

// capitalArea reports a sentence or a frame that names only the capital, and the other towns of
// the capital's division: "a jailbreak in Kolondo" tells of the prison in a town of the capital's
// territory that the report names next.
func (f *frame) capitalArea(an anchors) bool {
	if !anyIn(an.regions, f.regions) {
		return false
	}
	if len(an.keys) == 0 && !slices.ContainsFunc(an.towns, func(t string) bool { return !slices.Contains(an.capitals, t) }) {
		return true
	}
	if len(f.keys) > 0 {
		return false
	}
	for t := range f.towns {
		if !slices.Contains(f.capitals, t) {
			return false
		}
	}
	return true
}

// leadToll returns the sentences of a toll or a force that run up to the first incident's
// sentence at index first, each within leadReach of the next: "Three people died, reportedly
// from police fire, | and twelve were hurt in the unrest in X" are two clauses of one lead.
func leadToll(leads []int, first int) []int {
	start := len(leads)
	for next := first; start > 0 && next-leads[start-1] <= leadReach; start-- {
		next = leads[start-1]
	}
	return leads[start:]
}

// leadReach is how many sentences before the first incident a toll or a force may stand and still
// be its own.
const leadReach = 2

// tollTold reports a sentence that counts dead or wounded people.
func tollTold(si *sentenceInfo) bool {
	return countsPeople(si) && (si.is(killedCue) || si.is(woundedCue))
}

// forceTold reports a sentence that counts attackers: a lead may give the size of the force
// before the story tells what it did ("Witnesses say the gunmen were over 100").
func forceTold(si *sentenceInfo) bool {
	return countsPeople(si) && si.is(attackersCue)
}

// countsPeople reports a sentence with a figure that counts (not a date, a time or money) people
// something befell: a figure right after "by" counts the doers ("shot dead by two men").
func countsPeople(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Kind == "count" && !countsAgents(si, q) })
}

// countsAgents reports a figure right after an agent preposition: "by two men", "par trois hommes".
func countsAgents(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && si.toks[first-1].is(agentPrepositionWords)
}

// otherDate reports a sentence dated to an event day or month that frame f's date does not
// agree with: another incident, whatever places the two name or leave out.
func (f *frame) otherDate(an anchors) bool {
	return f.date != nil && an.date != nil && !f.dateReported && !an.reported && !datesAgree(f.date.Date, an.date.Date)
}

// sameFacility reports a word for "the same" right before or after a facility word ("at the same
// facility", "la même prison", "di Lapas yang sama").
func sameFacility(si *sentenceInfo) bool {
	for k, t := range si.toks {
		if t.is(sameWords) && k+1 < len(si.toks) && si.toks[k+1].is(facilityGenericWords) && !si.toks[k+1].upper &&
			utf8.RuneCountInString(si.toks[k+1].fold) > genericNounRunes {
			return true // "the same facility": a generic noun of a place of detention
		}
	}
	for _, c := range si.cues {
		if c.category == facilityCue || c.category == holdingCue {
			if wordIn(sameWords, si.toks, c.first-sameReach, c.first) || wordIn(sameWords, si.toks, c.last+1, c.last+1+sameReach) {
				return true
			}
		}
	}
	return false
}

// genericNounRunes is how long a generic word of facility names must be to be a noun ("facility",
// "centre"), not an article or a preposition.
const genericNounRunes = 4

// sameReach is how many words may stand between "same" and its facility word ("the same
// maximum-security prison", "yang sama").
const sameReach = 3

// eventPlaces returns the places the event sentences of frame f name.
func (a *analysis) eventPlaces(f *frame) []placeHit {
	var out []placeHit
	for _, si := range f.sentences {
		if isEvent(si) {
			out = append(out, a.ownPlaces(si)...)
		}
	}
	return out
}

// longBefore reports an event sentence dated more than sameFacilityDays before frame f's
// incident: another, earlier incident, even at the same place ("The prison has a long history of
// violence: in March 2009, a riot at the same facility left 20 inmates dead").
func (f *frame) longBefore(an anchors) bool {
	if f.earlierEvent(an) {
		return an.date.Date.LastDay().Before(f.date.Date.Start.AddDate(0, 0, -sameFacilityDays))
	}
	// A year is too coarse to tell incidents apart, but one that ended before the frame's day
	// tells an earlier event: "Police said he had fled from custody in 2009", in a note of 2016.
	return f.date != nil && an.date == nil && an.year != nil && an.deedYear &&
		an.year.Date.LastDay().Before(f.date.Date.Start.AddDate(0, 0, -sameFacilityDays))
}

// yearOfDeed reports a year that stands within deedYearReach words of a deed word with no clause
// mark between, or a calendar year that opens the sentence or closes its opening phrase: the year
// of the deed ("had fled from custody in 2009", "In 1998, prisoners protesting at X rioted", "At
// the same prison in 2008, an attack freed 900"), not of something the sentence names on the way
// ("leaders captured in the bloody 2007-2008 surge").
func yearOfDeed(text string, si *sentenceInfo, d *DateMention) bool {
	first, last := tokenSpan(si.toks, d.Start, d.End)
	if first < 0 {
		return false
	}
	calendar := strings.ContainsAny(text[d.Start:d.End], "0123456789") // not "a year later"
	// "At the same prison in 2008, an attack freed 900": the year closes the opening phrase
	opening := calendar && first <= openingYearWords && strings.HasPrefix(text[d.End:], ",") &&
		!slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category.isDeed() && o.first < first })
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		if !c.category.isDeed() {
			return false
		}
		switch {
		case d.Start == si.leadDate && first <= 1 && calendar:
			return true // "In 1998, ...": the calendar year that opens the sentence
		case opening && c.first > last:
			return true
		case c.last < first:
			return first-c.last <= deedYearReach && !containsAny(text[si.toks[c.last].end:d.Start], clauseMarks)
		case c.first > last:
			return c.first-last <= deedYearReach && !containsAny(text[d.End:si.toks[c.first].start], clauseMarks)
		}
		return false
	})
}

// deedYearReach is how many words apart a deed word and its year may stand; openingYearWords is
// how far into its sentence a year may close the opening phrase that dates the deed after it.
const (
	deedYearReach    = 6
	openingYearWords = 6
)

// earlierEvent reports a sentence dated before frame f's incident, beyond what the two dates'
// precision allows: "Last month, 40 people were killed in clashes in X" is the background of a
// breakout in X, not its toll. Later dates are the story's aftermath (recaptures, a rising toll).
func (f *frame) earlierEvent(an anchors) bool {
	return f.otherDate(an) && an.date.Date.Start.Before(f.date.Date.Start)
}

func anyIn(names []string, set map[string]bool) bool {
	for _, n := range names {
		if set[n] {
			return true
		}
	}
	return false
}

// sameFacilityDays is how far apart two dates a document gives for one facility may be and still
// tell one incident: sieges and their aftermath run for weeks.
const sameFacilityDays = 45

// refines reports a date finer than another that falls within it: the same deed's day told
// more exactly.
func refines(fine, coarse model.Date) bool {
	return fine.Precision.Rank() < coarse.Precision.Rank() && withinDays(fine, coarse, coarse.Precision.Tolerance())
}

func datesAgree(a, b model.Date) bool {
	return withinDays(a, b, max(a.Precision.Tolerance(), b.Precision.Tolerance())+1)
}

func withinDays(a, b model.Date, days int) bool {
	d := a.Start.Sub(b.Start).Hours() / 24
	return d <= float64(days) && d >= -float64(days)
}

// crimeDated reports a date that closes a relative clause about someone, telling the offence a
// sentence passed or served is for ("X, quien purgaba una condena de 30 años por el asesinato de
// un juez en 2001, murió en el motín"): it dates the person's crime, not the sentence's event.
func crimeDated(si *sentenceInfo, first, last int) bool {
	if last+1 < len(si.toks) && wordsOnly(si.toks, last, last+1) {
		return false // the clause about the person closes right after its date: "en 2001, murió"
	}
	for k := first - 1; k >= 0 && k >= first-offenceReach; k-- {
		if !wordsOnly(si.toks, k, k+1) {
			return false
		}
		if si.toks[k].is(offenceLinkWords) {
			return slices.ContainsFunc(si.cues, func(c cueHit) bool {
				return c.category == legalCue && c.last < k && k-c.last <= offenceReach && wordsOnly(si.toks, c.last, k) &&
					wordIn(relativePronounWords, si.toks, c.first-relativeToLegalReach, c.first)
			})
		}
	}
	return false
}

// relativeToLegalReach is how many words may stand between the relative pronoun opening a
// clause about someone and the word of the sentence they serve ("who was serving").
const relativeToLegalReach = 3

// eventDateOf picks the date in a sentence that most likely dates its event: the one nearest to
// an event word, passing over dates that only say when something was reported ("said Tuesday",
// "released yesterday").
func eventDateOf(si *sentenceInfo) *DateMention {
	d, _ := datedEvent(si)
	return d
}

// datedEvent is eventDateOf, also reporting whether the date only says when something was
// reported.
func datedEvent(si *sentenceInfo) (*DateMention, bool) {
	deed := namesDeed(si) || si.is(thwartedCue)
	var best *DateMention
	bestScore := 1 << 30
	for i := range si.dates {
		d := &si.dates[i]
		first, last := tokenSpan(si.toks, d.Start, d.End)
		if first < 0 || si.inReference(d.Start) {
			continue // "two months after the massacre of September": another event's date
		}
		if attributiveYear(si, d, first, last) {
			continue // "sentenced for his role in a 2003 plot": the year of another thing
		}
		if crimeDated(si, first, last) {
			continue // "who was serving 30 years for the murder of a judge in 2001, died": the crime's date
		}
		if d.Relative && dateMidnight(d.Date.Start).Equal(dateMidnight(si.ref.Date)) && si.lex.phraseIn(retrospectiveWords, si.toks, 0, len(si.toks)) {
			continue // "today marks the thirtieth anniversary of the massacre": the day of remembrance
		}
		if (cumulativeBefore(si.toks, first) || si.toks[first].is(cumulativeWords)) && !detentionWhen(si, last) {
			continue // "insurgents who have operated there since 2017", "since Sunday": a period's start, no event's date
		}
		score := 1000
		for _, c := range si.cues {
			switch c.category {
			case attackCue, escapeCue, riotCue, thwartedCue, facilityCue:
				score = min(score, abs(c.first-last), abs(first-c.last))
			case killedCue, woundedCue:
				if !deed {
					score = min(score, abs(c.first-last), abs(first-c.last)) // "a prison officer was shot dead [...] on Tuesday night"
				}
			}
		}
		switch {
		case onsetMarked(si.toks, first):
			score = 0 // "the riot, which began on Sunday": the deed's first day
		case d.Start == si.noteDate:
			score = 0 // "01/09/2020: [...] a prison in May, North Vale": a coded note's own date
		case wordIn(endVerbWords, si.toks, first-onsetReach, first):
			score += endDateCost // "ended on Tuesday": its last day, when no other date says more
		}
		if reportingDate(si, first, last) {
			score += 500
		}
		if d.Relative && si.leadDate >= 0 && d.Start > si.leadDate && deedBetween(si, si.leadDate, d.Start) {
			score += laterRelativeCost // "On 8 June, a crowd attacked a police team [...] over a clash a day earlier": the opening date is the deed's
		}
		if d.Date.Precision.Rank() > model.PrecisionMonth.Rank() {
			score += 100 // a year dates an event only when nothing finer does
		}
		if score > dateReach && score < 100 && d.Start != si.leadDate {
			continue // but "On 3 May 1995, three prisoners - two of them [...] - escaped" dates the escape
		}
		if score < bestScore || score == bestScore && best.Relative && !d.Relative {
			best, bestScore = d, score // "Era una domenica, il 3 gennaio 1982": the date written out says which Sunday
		}
	}
	if best != nil && best.Date.Precision == model.PrecisionMonth {
		best = dayWithin(si, best) // "the November 2021 massacre ... on the night of 12 November"
	}
	return best, best != nil && (bestScore >= 500 || tollUpdate(si))
}

// laterRelativeCost weighs a relative date told after the deed that a date opening the sentence
// dates: it dates something told on the way, unless nothing else is dated.
const laterRelativeCost = 50

// deedBetween reports a deed word between byte offsets from and to of the text.
func deedBetween(si *sentenceInfo, from, to int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category.isDeed() && si.toks[c.first].start > from && si.toks[c.last].end <= to
	})
}

// onsetReach is how many words before a date a verb of beginning or ending may stand, past a
// preposition or an article ("iniciada no domingo", "began on Sunday").
const onsetReach = 3

// onsetMarked reports a date at token first right after a verb of beginning, past a part of the
// day too ("began on the evening of 14 March"): the deed's first day.
func onsetMarked(toks []token, first int) bool {
	from := first - onsetReach
	for k := first - 1; k >= max(0, first-onsetReach); k-- {
		if toks[k].is(partOfDayWords) {
			from = k - onsetReach
			break
		}
	}
	return wordIn(onsetVerbWords, toks, from, first)
}

// endDateCost makes a date right after a verb of ending the deed's date only when nothing
// nearer dates it: an end is told later than the start, and reports date deeds by their start.
const endDateCost = 50

// attributiveYear reports a year, or a month and year, set between an article and a noun that is
// no event word, a name between them: "a 2003 plot", "the 2010 elections", "the February 2012 Orlin
// stadium violence" date that thing, not the sentence's deed ("the 2012 jailbreak" does).
func attributiveYear(si *sentenceInfo, d *DateMention, first, last int) bool {
	if d.Date.Precision != model.PrecisionYear && d.Date.Precision != model.PrecisionMonth || first == 0 || last+1 >= len(si.toks) ||
		!si.toks[first-1].is(singularArticleWords) && !si.toks[first-1].is(definiteArticleWords) {
		return false
	}
	if d.Date.Precision == model.PrecisionMonth && !si.toks[last+1].upper {
		return false // "à la mi-février, et": the article is the date's own
	}
	head := last + 1 // past a name the thing bears: "the February 2012 Orlin stadium violence"
	for head < len(si.toks)-1 && si.toks[head].upper {
		head++
	}
	return !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		switch c.category {
		case attackCue, escapeCue, riotCue, thwartedCue:
			return c.first == last+1 || c.first == head
		}
		return false
	})
}

// cumulativeBefore reports a word of "since" right before token first, or before the article
// that opens the date there ("desde o 3 de maio", "depuis le 3 mars").
func cumulativeBefore(toks []token, first int) bool {
	k := first - 1
	if k > 0 && toks[k].is(definiteArticleWords) {
		k--
	}
	return k >= 0 && toks[k].is(cumulativeWords)
}

// detentionWhen reports a "when" clause right after the date ending at token last that names a
// place of detention or the people held: "the worst escape since 2000, when 40 inmates broke out
// of the jail" dates that clause's event. Without one, the clause tells some other event of the
// period ("on alert since July, when protests swept the country").
func detentionWhen(si *sentenceInfo, last int) bool {
	if last+1 >= len(si.toks) || !si.toks[last+1].is(whenWords) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first > last+1 && (c.category == facilityCue || c.category == inmateCue)
	})
}

// dayWithin returns the first day the sentence gives inside month's month, not beside a
// reporting verb, or month itself.
func dayWithin(si *sentenceInfo, month *DateMention) *DateMention {
	y, m, _ := month.Date.Start.Date()
	for i := range si.dates {
		d := &si.dates[i]
		dy, dm, _ := d.Date.Start.Date()
		first, last := tokenSpan(si.toks, d.Start, d.End)
		if d.Date.Precision == model.PrecisionDay && dy == y && dm == m && first >= 0 && !reportingDate(si, first, last) {
			return d
		}
	}
	return month
}

// tollUpdate reports a sentence about a toll that rose: its date is when the count changed, not
// when the deed was done ("The death toll rose to 29 on Tuesday").
func tollUpdate(si *sentenceInfo) bool {
	toll, rise := false, -1
	for k, t := range si.toks {
		switch {
		case t.is(tollNounWords):
			if rise >= 0 && k-rise <= tollVerbReach {
				return true // "bringing the death toll to 17"
			}
			toll = true
		case toll && t.is(riseVerbWords):
			return true
		case t.is(riseVerbWords):
			rise = k
		}
	}
	return false
}

// tollVerbReach is how many words a verb of raising may stand before the toll it raises
// ("bringing the death toll to").
const tollVerbReach = 3

// reportingDate reports a date right next to a reporting verb.
func reportingDate(si *sentenceInfo, first, last int) bool {
	for _, c := range si.cues {
		if c.category != claimCue || si.toks[c.first].is(attributionWords) {
			continue // "on Monday, according to the police": the date is still the deed's
		}
		if c.last >= first-2 && c.last < first || c.first > last && c.first <= last+1 || c.last < first && addresseeBetween(si, c.last+1, first) {
			return true
		}
	}
	// "a count published on Wednesday", "divulgada nesta quarta-feira", "a note he sent to Kessel
	// News today": the date of the telling.
	for k := first - 1; k >= 0 && k >= first-publishDateReach; k-- {
		if si.toks[k].is(publishVerbWords) {
			return k >= first-2 || addresseeBetween(si, k+1, first)
		}
	}
	return false
}

// publishDateReach is how many words before a date the verb of publishing that dates the telling
// may stand, its addressee between ("sent to Kessel News today").
const publishDateReach = 2 + addresseeNameWords

// addresseeBetween reports the words between a reporting verb and a date (tokens from to to-1) as
// whom the report was given to, or who gave it: a name of up to addresseeNameWords capitalised
// words, or one word, and maybe a short preposition before the date ("told Radio X on Thursday",
// "told reporters on Monday", "said the Ardovian Prison Service Directorate (APSD) today").
func addresseeBetween(si *sentenceInfo, from, to int) bool {
	end := to
	if end > from && len(si.toks[end-1].fold) <= 3 && !si.toks[end-1].upper {
		end-- // the preposition of the date ("on"), when the date does not take it in
	}
	if end > from+1 && len(si.toks[from].fold) <= 3 && !si.toks[from].upper {
		from++ // the preposition of the addressee ("sent to Kessel News")
	}
	name := si.toks[from:end]
	switch {
	case len(name) == 0:
		return false
	case len(name) == 1:
		return true
	}
	// One short word in lower case may join the outlet to its programme ("Radio X in Morning
	// News", "SCTV dalam Kopi Pagi"), between two capitalised words.
	lower := 0
	for k, t := range name {
		if t.upper {
			continue
		}
		if lower++; lower > 1 || k == 0 || k == len(name)-1 || len(t.fold) > programmeLinkLetters {
			return false
		}
	}
	return len(name) <= addresseeNameWords
}

// programmeLinkLetters is the longest word in lower case that may join an outlet's name to its
// programme's ("in", "on", "dalam").
const programmeLinkLetters = 5

// addresseeNameWords is how many capitalised words the name of a report's addressee or speaker
// may have, its abbreviation in brackets among them ("Radio X", "Ardovian Prison Service
// Directorate (APSD)").
const addresseeNameWords = 5

func (f *frame) add(si *sentenceInfo, an anchors, event bool) {
	f.sentences = append(f.sentences, si)
	if !event {
		if placesStory(si) && f.sameCountry(an) {
			f.addPlaces(an) // "The incident occurred in X": where the story's deed was
		}
		if f.date == nil && an.date != nil && an.date.Date.Precision == model.PrecisionDay && namesDeed(si) {
			f.date, f.dateReported = an.date, an.reported // "The July 18 attack [...] left 13 dead": the deed's day
		}
		if f.innerDate == nil && f.events > 0 && an.date != nil && an.date.Date.Precision == model.PrecisionDay && recentTo(an.date, si.ref) {
			f.innerDate, f.innerAt = an.date, si.index
		}
		return
	}
	f.events++
	f.lastEvent = si.index
	f.addPlaces(an)
	if f.country == "" && len(an.countries) > 0 {
		f.country = an.countries[0]
	}
	if an.date != nil && (f.date == nil || f.dateReported && !an.reported) {
		f.date, f.dateReported = an.date, an.reported // a date of the deed outranks one of its report
	} else if an.date != nil && !an.reported && refines(an.date.Date, f.date.Date) {
		f.date = an.date // "broke out earlier this week [...] The breakout happened late on Monday": the deed's day
	}
	if f.year == nil && an.year != nil {
		f.year = an.year
	}
}

// addPlaces adds the facilities, towns, countries and regions of anchors to the frame's.
func (f *frame) addPlaces(an anchors) {
	for _, k := range an.keys {
		f.keys[k] = true
	}
	for _, t := range an.towns {
		f.towns[t] = true
	}
	for _, t := range an.capitals {
		if !slices.Contains(f.capitals, t) {
			f.capitals = append(f.capitals, t)
		}
	}
	for _, c := range an.countries {
		f.countries[c] = true
	}
	for _, r := range an.regions {
		f.regions[r] = true
	}
}

// frames groups the document's sentences into incidents: an event sentence joins the frame whose
// facility, town or country (and date) it shares, or opens a new one when it names another; a
// sentence without anchors continues the current frame.
func (a *analysis) frames() []*frame {
	var frames []*frame
	var cur *frame
	// The anchors of the sentence before lend themselves to an event sentence without any: "Late
	// last night, attacks had spread into X province. It was reported IS had attacked another prison".
	var previous anchors
	var previousPlaces []placeHit
	// Before any incident, the facility the text last named is its topic: "what happened inside X
	// prison at Easter 1996. [...] When the riot ended, eight inmates had been murdered".
	var topic anchors
	var topicSentence *sentenceInfo
	// A toll told just before the first incident belongs to it ("Three people died in the unrest
	// in X. [...] A crowd set fire to the gendarmerie and let the detainees out").
	var leads []int // sentences that tell a toll or a force before any incident, by index
	for i, si := range a.sentences {
		event := isEvent(si)
		an := a.anchorsOf(si)
		own := an
		var borrowed []placeHit
		var told *sentenceInfo // the sentence that named the topic an event sentence took
		// The sentence before named a region or a country only: a town's prison told earlier is
		// likelier the place.
		coarse := len(previous.keys) == 0 && len(previous.towns) == 0
		topical := len(topic.keys) > 0 || len(topic.towns) > 0
		if event && an.empty() && !previous.empty() && (cur == nil || !cur.fits(previous) && !cur.repeatsFigure(si)) && !(cur == nil && coarse && topical) {
			an.borrow(previous)
			borrowed = previousPlaces
			if cur == nil && len(previous.keys) > 0 {
				told = a.sentences[i-1] // the story's opening named the place where the deed happened
			}
		} else if event && an.empty() && (previous.empty() || coarse) && cur == nil && topical {
			// "Assailants stormed a police station in X. [...] attacks in the province [...]. The
			// assailants took control of the stations, releasing prisoners": the station told first
			an.borrow(topic)
			told = topicSentence
		}
		previous, previousPlaces = own, si.places
		if len(own.keys) > 0 || len(own.towns) > 0 && (si.is(holdingCue) || si.is(facilityCue)) {
			topic, topicSentence = own, si // a named facility, or a town's prison or police station
		}
		if !event {
			target := cur
			if f := a.frameOfTown(frames, si); f != nil {
				target = f // "In Bamenda two guards were killed" after attacks in two towns
			} else if cur != nil && cur.yearBefore(an) {
				if f := sameDay(frames, an); f != nil {
					target, cur = f, f // "arrested in 2008. [...] 300 militants carried out the attack on Sunday": the story's day again
				}
			}
			// A sentence that tells how the story ended ("guards brought the situation under
			// control") belongs to it as much as one with figures, "a guard was killed" among them.
			// So does one that dates the deed it names again with an article: "The escape took
			// place last Sunday" (but not "unrest in May", another deed).
			outcome := si.is(thwartedCue) || si.is(resistedCue)
			dated := target != nil && deedNamedAgain(si) && eventDateOf(si) != nil && (rightAfter(target, i) || onsetNamedAgain(si))
			if target != nil && (len(si.quantities) > 0 || len(singulars(a.text, si)) > 0 || len(si.campaigns) > 0 || len(si.actors) > 0 || placesAnEvent(si) || outcome || dated) &&
				(target.holdsAll(an) || target.unplaced() && rightAfter(target, i) && tollTold(si)) && !target.earlierEvent(an) {
				target.add(si, an, false) // a toll right after a story told in no town may name its prison: "Police stormed a prison. Ten guards were wounded at the X prison"
			} else if target != nil && target.unplaced() && namesKnownPrison(si, target, an) {
				target.add(si, an, false)
				target.addPlaces(an) // "Inmates took guards hostage [...] It was not known how many were in the X prison": the known prison the story left unnamed
			}
			if target == nil && len(an.keys) == 0 && (tollTold(si) || forceTold(si)) {
				leads = append(leads, i)
			}
			continue
		}
		if parts := a.splitByTown(si, an); len(parts) > 1 {
			// "attacked prisons in X and Y, freeing 80 and 45 inmates respectively": one incident a town.
			for _, part := range parts {
				target := firstFitting(frames, part.anchors)
				if target == nil {
					target = newFrame()
					target.first = i
					frames = append(frames, target)
				}
				target.add(si, part.anchors, true)
				target.parts[si] = part
				cur = target
			}
			continue
		}
		if cur != nil && cur.longBefore(an) && an.empty() && sameFacility(si) {
			borrowed = a.eventPlaces(cur) // "in March 2009, a riot at the same facility": the story's place, another time
		}
		var target *frame
		if cur != nil && !cur.longBefore(an) && (an.empty() || cur.unanchored() || cur.fits(an) || continues(si) && len(an.keys) == 0 || !own.empty() && weak(si, own) ||
			cur.namesItsFacility(si, an) || storyNamedAgain(si) && cur.sameCountry(an)) {
			target = cur
		} else {
			target = firstFitting(frames, an)
		}
		if f := a.nowFrame(frames, si, an); f != nil && target != nil && f != target {
			// "the prison has still not confirmed how many escaped": the story's own deed, not the
			// earlier one told last, which the sentences after it may go on telling
			f.add(si, an, true)
			continue
		}
		if target == nil {
			target = newFrame()
			target.first = i
			frames = append(frames, target)
			if len(frames) == 1 {
				for _, k := range leadToll(leads, i) {
					target.add(a.sentences[k], anchors{}, false)
				}
			}
		}
		if told == nil && pronounEscape(si) && !slices.Contains(target.sentences, a.sentences[i-1]) {
			told = a.sentences[i-1] // the sentence that named the people the pronoun stands for
		}
		if told != nil {
			target.add(told, anchors{}, false)
		}
		target.add(si, an, true)
		target.context = append(target.context, borrowed...)
		cur = target
	}
	for _, f := range frames {
		f.datedWithin()
	}
	// The primary incident is the one told at most length; it leads.
	best := 0
	for i, f := range frames {
		if f.events > frames[best].events {
			best = i
		}
	}
	if len(frames) > 1 && best != 0 {
		frames[0], frames[best] = frames[best], frames[0]
	}
	return frames
}

// namesKnownPrison reports a sentence that tells no deed, names no date and names one facility,
// a known one of frame f's country: told after a story placed nowhere, it is the story's prison.
func namesKnownPrison(si *sentenceInfo, f *frame, an anchors) bool {
	if len(si.facilities) != 1 || an.date != nil {
		return false
	}
	known := si.facilities[0].known
	return known != nil && (f.country == "" || known.Country == f.country)
}

// repeatsFigure reports a sentence that gives again a figure (of two or more) the frame's
// sentences gave: "24 inmates fled [...] 'that 24 men could walk out is a scandal'" goes on with the
// story, whatever place the sentence before it named.
func (f *frame) repeatsFigure(si *sentenceInfo) bool {
	for _, q := range si.quantities {
		if q.Low == nil || *q.Low < 2 || q.Kind != "count" {
			continue
		}
		for _, o := range f.sentences {
			if slices.ContainsFunc(o.quantities, func(p Quantity) bool { return p.Kind == "count" && p.Low != nil && *p.Low == *q.Low }) {
				return true
			}
		}
	}
	return false
}

// datedWithin dates a frame that none of its event sentences dates, or only by the day of a report
// ("told reporters on Thursday"), by the day a sentence without an event word gives between two of
// them: "I saw the jail being stormed. At 11pm on Thursday men came in 15 cars. They attacked the
// guards": the story goes on through that sentence. The
// day must be recent to the report (recentTo): a day long before it is background, such as the
// date of a deed a court now hears.
func (f *frame) datedWithin() {
	if (f.date == nil || f.dateReported) && f.innerDate != nil && f.lastEvent > f.innerAt {
		f.date = f.innerDate
	}
}

// recentTo reports a date at most innerDateDays before the reference date (or on it): the days
// of the news a report tells.
func recentTo(d *DateMention, ref Ref) bool {
	return !ref.Date.IsZero() && !d.Date.Start.After(ref.Date) && !d.Date.Start.Before(ref.Date.AddDate(0, 0, -innerDateDays))
}

// innerDateDays is how many days before its report a day given between a story's sentences may
// stand and still date the story: a month, the span of follow-up reports.
const innerDateDays = 31

// peacefulDeed reports a word of peaceful protest that a sentence tells as a deed, not as the
// time of another: "the riot [...] amid a long-running hunger strike" is a riot.
func peacefulDeed(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == peacefulCue && !wordIn(occasionWords, si.toks, c.first-occasionReach, c.first)
	})
}

// occasionReach is how many words before a word of protest a word of occasion may stand ("amid a
// long-running hunger strike").
const occasionReach = 3
