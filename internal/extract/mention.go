package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// mention turns a frame into a Mention; ok is false when the frame lacks what an incident needs
// (a country, and for secondary frames a sign that it is a real incident, not chatter).
func (a *analysis) mention(f *frame, frames []*frame, primary bool) (model.Mention, bool) {
	m := model.Mention{Salience: "secondary"}
	if !speaksOfDetention(f) && !(armedGroupAttack(f) && toldBeside(f, frames)) {
		// An attack with no prison, inmate, guard or police cell in its story is out of scope,
		// unless an armed group made it and the text tells a prison's story beside it (a
		// campaign's other operations).
		return m, false
	}
	if a.accidental(f) {
		return m, false // "an electrical short circuit caused the fire that killed 103 inmates"
	}
	m.Type = a.eventType(f)
	m.Facility, m.Place = a.location(f, opening(f, frames))
	if m.Place.Precision == model.GeoCountry && opening(f, frames) {
		if p, ok := a.leadPlace(f, m.Place.Country); ok {
			m.Place = p
			if m.Facility == "" && p.Precision == model.GeoPlace {
				m.Facility = a.townFacility(f, a.writtenTown(p))
			}
		}
	}
	if m.Place.Country == "" {
		return m, false
	}
	m.Date = a.eventDate(f, primary)
	// A report nothing dates still tells its own story: undated, it joins the dated reports of
	// its incident, or stands as an undated incident. The events it recalls have no anchor at all.
	if m.Date.IsZero() && !primary {
		return m, false
	}
	// A report dates its news to the day, the week or the month; a year alone is how it refers in
	// passing to a past event ("he had escaped during last year's breakout"). A story whose main
	// deed only a year dates tells of something else.
	if primary && m.Date.Precision == model.PrecisionYear {
		return m, false
	}
	m.Perpetrators = a.perpetrators(f, m.Type == model.Riot)
	if m.Type == model.OtherAttack && len(m.Perpetrators) == 0 {
		m.Perpetrators = a.strikers(f) // "Ardovian aircraft struck the prison": the state whose aircraft they were
	}
	m.Claims = a.claims(f, m.Type, m.Perpetrators)
	if m.Type == model.MassEscape && fewEscaped(m.Claims) {
		if !tellsRiot(f) {
			return m, false // "two detainees slipped away after a lunch": an escape, but no mass escape
		}
		m.Type = model.Riot // "one inmate got away during the riot": the riot is the incident
	}
	if !primary && !a.specific(f, m) {
		return m, false
	}
	m.Methods = a.methods(f)
	seen := map[string]bool{}
	for _, si := range f.sentences {
		for _, c := range si.campaigns {
			if !seen[c] {
				seen[c] = true
				m.Campaigns = append(m.Campaigns, c)
			}
		}
	}
	if m.Facility == "" {
		m.Facility = titledName(f)
	}
	m.Evidence = a.evidence(f)
	return m, true
}

// fewestMassEscape is the fewest escapees a mass escape counts: one or two who get away are
// fugitives, not the breakout of a prison.
const fewestMassEscape = 3

// fewEscaped reports claims that count escapees and all count fewer than fewestMassEscape.
func fewEscaped(claims []model.Claim) bool {
	counted := false
	for _, c := range claims {
		if c.Metric != model.Escaped {
			continue
		}
		bound := c.High
		if bound == nil {
			bound = c.Low
		}
		if bound == nil || *bound >= fewestMassEscape {
			return false
		}
		counted = true
	}
	return counted
}

// namesOutsiders reports a sentence that names attackers from outside: a word for them or an
// armed group.
func namesOutsiders(si *sentenceInfo) bool {
	return si.is(attackersCue) || si.is(sidePerpetratorsCue) ||
		slices.ContainsFunc(si.actors, func(m ActorMatch) bool { return m.Kind == "armed_group" })
}

// tellsRiot reports a frame with a riot word not denied.
func tellsRiot(f *frame) bool {
	return slices.ContainsFunc(f.sentences, func(si *sentenceInfo) bool { return si.is(riotCue) && !negated(si, riotCue) })
}

// accidental reports a frame that tells of neither an escape nor a riot in a text that gives an
// accident as a cause ("Investigators said a short circuit caused the fire"): a disaster in a
// prison, not an incident of the kind wallwatch follows.
func (a *analysis) accidental(f *frame) bool {
	for _, si := range f.sentences {
		if si.is(escapeCue) && !negated(si, escapeCue) || si.is(riotCue) && !negated(si, riotCue) {
			return false // but "there was no riot, nor did anyone escape" leaves the accident
		}
	}
	if !a.accidentRead {
		a.accidentRead, a.accidentTold = true, slices.ContainsFunc(a.sentences, func(si *sentenceInfo) bool {
			return si.lex.phraseIn(accidentWords, si.toks, 0, len(si.toks))
		})
	}
	return a.accidentTold
}

// titledName is the first title of generic words an event sentence of the frame gives its
// facility ("the National Penitentiary"), "" if none: the name of last resort.
func titledName(f *frame) string {
	for _, si := range f.sentences {
		if !isEvent(si) {
			continue
		}
		if len(si.titles) > 0 {
			return si.titles[0].name
		}
	}
	return ""
}

// toldBeside reports a text that tells a prison's story in another frame at about the same time
// as frame f: a report on a campaign whose prison attacks give its other operations their place in
// the story. Attacks weeks or months apart are the background of an analysis, not one operation.
func toldBeside(f *frame, frames []*frame) bool {
	for _, g := range frames {
		if g == f || !speaksOfDetention(g) {
			continue
		}
		if f.date == nil || g.date == nil || withinDays(f.date.Date, g.date.Date, campaignDays) {
			return true
		}
	}
	return false
}

// campaignDays is how far apart in days an armed group's attack and a prison attack the same text
// tells may be and still be one operation.
const campaignDays = 7

// speaksOfDetention reports a frame with a word of detention in any of its sentences: a place,
// the people held, their guards, a police cell, or a facility's name. "Sentenced to 21 years in
// prison" is punishment, not a place; nor does a sentence that tells no deed speak of detention
// when it tells a demand ("their demand was the release of 90 comrades held in prisons"): the
// hostage-takers want people freed, they did not attack where they are held; nor when it tells
// an exchange ("the hostages were freed in exchange for a prisoner"): the prisoner is traded.
// Nor do attacks on police stations that hold, free or punish nobody. A crowd that kills a man it
// took from the police speaks of him held (mobKilling).
func speaksOfDetention(f *frame) bool {
	for _, si := range f.sentences {
		if (namesDetention(si) || si.is(holdingCue) || len(si.holdings) > 0 || mobKilling(si)) && !((demandTold(si) || si.is(exchangeCue)) && !isEvent(si)) && !holdingOnly(si) {
			return true
		}
	}
	return false
}

// demandTold reports a sentence with a word of demanding, or a clause going on from one: "The
// kidnappers demanded money, and the release of their comrades from prison" asks for both.
func demandTold(si *sentenceInfo) bool {
	for ; si != nil; si = si.sequel {
		if slices.ContainsFunc(si.toks, func(t token) bool { return t.is(demandWords) }) {
			return true
		}
	}
	return false
}

// armedGroupAttack reports a frame with an attack or killing word and an armed group in one
// sentence.
func armedGroupAttack(f *frame) bool {
	for _, si := range f.sentences {
		if (si.is(attackCue) || si.is(killedCue)) && hasArmedGroup(si) {
			return true
		}
	}
	return false
}

// specific reports whether a secondary frame tells one incident rather than background: placed at
// a town or facility, and dated by the text or carrying a figure; or, placed more coarsely, dated
// to the day (to the month for a province) or carrying a figure, and dated or attributed.
func (a *analysis) specific(f *frame, m model.Mention) bool {
	if m.Place.Precision != model.GeoPlace && m.Place.Precision != model.GeoFacility && m.Facility == "" {
		dated := f.date != nil && (f.date.Date.Precision == model.PrecisionDay ||
			m.Place.Precision == model.GeoAdmin1 && f.date.Date.Precision == model.PrecisionMonth)
		return (len(m.Claims) > 0 || dated) && (f.date != nil || len(m.Perpetrators) > 0)
	}
	return f.date != nil || f.year != nil || len(m.Claims) > 0
}

// eventType decides the incident type from the cues of the frame: attacks and escapes from its
// event sentences, failures and riots from any of its sentences ("the attackers were repelled"),
// and whether its figures say anyone got out.
func (a *analysis) eventType(f *frame) model.EventType {
	var detention, holding, attack, inside, escape, escapeTold, freeing, riot, thwarted, resisted, armedKilling, onEscort, heldKilled, guardsHarmed bool
	foiledTold, unfoiled := false, false // an escape a thwarting word stopped; one none did
	heldFled := false                    // "400 inmates clashed with guards. They then fled the prison."
	recaught := false                    // escapees caught again, or still at large: some got out
	assault := false                     // an attack word other than a blast: "stormed", "raided", "opened fire"
	attackNamed := false                 // a word that names an attack and no more ("attacked", "the attack")
	riotTold := tellsRiot(f)

	raidTold := false // a sentence before told of the security forces' raid
	outsiders := slices.ContainsFunc(f.sentences, namesOutsiders)
	riotBefore := false // a sentence before told of the unrest of the people held
	for _, si := range f.sentences {
		raidBefore := raidTold
		raidTold = raidTold || si.raid
		thwarted = thwarted || si.is(thwartedCue)
		resisted = resisted || si.is(resistedCue)
		riot = riot || si.is(riotCue) && !negated(si, riotCue) || si.triedEscape && si.is(killedCue) || si.deadlyAttempt || // a deadly attempt to break out
			si.deadlyFire || // a deadly fire no accident explains (accidents tell no incident): the people held set it
			si.inmateArson
		escapeTold = escapeTold || si.is(escapeCue) && !negated(si, escapeCue)
		recaught = recaught || si.is(recapturedCue) || escapeesAtLarge(si)
		freeing = freeing || freeingTold(si)
		holding = holding || si.is(holdingCue)
		if !isEvent(si) {
			continue
		}
		detention = detention || (namesDetention(si) || pronounEscape(si)) && !staffOnly(si)
		heldFled = heldFled || pronounEscape(si) && si.toks[0].is(pronounSubjectWords) && !si.toks[0].is(onePronounWords) && !si.triedEscape && !negated(si, escapeCue)
		armedKilling = armedKilling || si.is(killedCue) && hasArmedGroup(si) && !hasMethod(si)
		onEscort = onEscort || harmOnEscort(si)
		if !attack && !inside && !si.is(attackCue) && heldSubject(a.text, si) {
			inside = true // "militants held in the jail overpowered the guards": a breakout from inside
		}
		if !attack && !inside && (freedByAttackers(si) || si.freedInAttack) {
			attack = true // "militants burnt the city hall and freed inmates from the jail"
		}
		if !attack && !inside && si.airLanding {
			attack, assault = true, true // "a helicopter landed in the prison yard": a breakout flown from outside
		}
		if !attack && !inside && si.outsiderArson {
			attack, assault = true, true // "protesters set the prison ablaze"
		}
		if !attack && !inside && si.custodyRescue {
			attack, assault = true, true // "villagers freed seven persons arrested": taken from the police's hands
		}
		for _, c := range si.cues {
			if c.category == attackCue && raidBefore && namedAgain(si, c) {
				continue // "troops stormed the prison [...] before the assault": the raid told before
			}
			if c.category == attackCue && !riotTold && pursuitOfEscapees(a.text, si, c) {
				continue // "guards ran after them and attacked the inmates as they fled": the keepers' pursuit, no assault on the place
			}
			if c.category == attackCue && attempted(si.toks, c.first) {
				thwarted = true // "a crowd tried to storm the police station": an assault that did not get in
			}
			if c.category == attackCue && !strikeFromAfar(si, c) && !withinLongerOf(si.cues, c, attackCue) && !doersOfOtherDeed(si, c) {
				if onlyNamesAttack(si, c) {
					attackNamed = true // "killed in the attack": a blast or a shelling as much as an assault
				} else {
					assault = true
				}
			}
			if c.category != attackCue || attack || inside {
				continue
			}
			// The first attack word says who attacked: "prisoners attacked the guards" makes
			// the later "the attackers were killed" violence from inside too.
			// In a riot, an attack on the people held is one side of it: "members of the faction,
			// who attacked inmates of the rival gang".
			// An assault that comes after the unrest of the people held, in a story that names no
			// attackers from outside, is the state's storming of the place they hold.
			inside = inmateLed(a.text, si, c) || riotTold && attackOnHeld(a.text, si, c) || attackOnKeepers(a.text, si, c) ||
				riotBefore && !outsiders
			attack = !inside
		}
		riotBefore = riotBefore || si.is(riotCue) && !negated(si, riotCue)
		heldKilled = heldKilled || attack && harms(a.text, si, inmateCue, killedCue)
		guardsHarmed = guardsHarmed || harms(a.text, si, sideSecurityCue, killedCue, woundedCue)
		escape = escape || si.is(escapeCue) && !negated(si, escapeCue)
		foiledTold = foiledTold || si.foiledEscape
		unfoiled = unfoiled || slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == escapeCue && !foiled(a.text, si.toks, si.cues, c) })
	}
	riot = riot || inside
	// A word that only names an attack is an assault where nothing says the place was struck
	// from afar: "shells struck the prison ... killed in the attack" tells no assault.
	assault = assault || attackNamed && !slices.ContainsFunc(f.sentences, struckFromAfar)
	if a.mobJustice(f) {
		return model.OtherAttack // "youths broke into the police station and lynched the suspect": violence against a person held
	}
	freed := a.anyFreed(f)
	if onEscort && !freed && !escape {
		return model.OtherAttack // "gunmen shot dead two inmates the police were escorting to court": violence against people held, away from any prison
	}
	detention = detention || holding && (escape || freed) // "stormed the police station, and freed two suspects"
	switch {
	case !detention:
		return model.OtherAttack
	case thwarted && attack && !freed, resisted && attack && !freed && !escape:
		return model.ThwartedAttack
	case attack && !assault && !freed && !escape:
		return model.OtherAttack // a bomb at the gate or by a prison van, no assault and nobody freed
	case attack && !freed && !escapeTold && !freeing && !a.ledeFrees(f):
		return model.OtherAttack // "assailants attacked a prison; three people were killed": nothing tells of anyone freed or to be
	case attack && heldKilled && !guardsHarmed && !freed && !escape:
		return model.OtherAttack // "masked men broke into the jail and shot two remand prisoners": killing, not freeing
	case attack:
		return model.FacilityAttack
	case riot && !freed && !heldFled && !(escape && recaught):
		return model.Riot // unless the people held fled it: "They then broke out of the jail"; "seven of the escapees were recaptured"
	case foiledTold && !unfoiled && !freed && a.violenceAround(f):
		return model.Riot // "gunfire at the headquarters, related to an attempted jailbreak"
	case foiledTold && !unfoiled && !freed:
		return model.ThwartedAttack // "guards foiled an escape plan", "the attempted escape": nobody got out
	case escape || freed:
		return model.MassEscape
	case riot:
		return model.Riot
	case armedKilling && !escapeTold:
		return model.OtherAttack // prison staff or inmates killed by an armed group, no assault on the place
	case thwarted && !escapeTold:
		return model.ThwartedAttack // "a failed attempt to lift a man out of the prison": a failure is all it tells
	case guardsHarmed && !escapeTold:
		return model.OtherAttack // "gunmen shot dead two warders near the prison": its staff harmed, nobody fled
	}
	return model.MassEscape // deaths in the place by a named means (a fire, shells): inmates flee them
}

// escapeesAtLarge reports a sentence that names escapees and says they are out ("the escapees are
// still at large"): whatever the story called their breakout, some got out.
func escapeesAtLarge(si *sentenceInfo) bool {
	return wordIn(escapeeNounWords, si.toks, 0, len(si.toks)) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == escapedCue && !attempted(si.toks, c.first) && !wordIn(escapeeNounWords, si.toks, c.first, c.last+1)
	}) && !negated(si, escapedCue)
}

// peacefulProtest reports a frame whose only unrest is people held who protest, with no violence
// told in it or in the sentence right after it: "prisoners demonstrated over a ban on visits" is
// a protest, where "prisoners demonstrated over a search. Chairs were burnt" is a riot.
func (a *analysis) peacefulProtest(f *frame) bool {
	if !slices.ContainsFunc(f.sentences, func(si *sentenceInfo) bool { return si.protestOnly }) {
		return false // most frames tell no protest: no sentence to read for violence
	}
	for _, si := range f.sentences {
		if si.is(riotCue) && !si.protestOnly || a.violent(si) {
			return false
		}
	}
	last := f.sentences[len(f.sentences)-1].index
	return last+1 >= len(a.sentences) || !a.violent(a.sentences[last+1]) && !a.sentences[last+1].is(riotCue)
}

// violent reports a sentence that tells of violence or of its putting down: deaths, wounds, fire,
// shots, blasts, an assault, a fight or tear gas (crowd_control). A death the protest is about or
// came after ("demonstrated against the death of a cellmate", "after the death of a guard") is its
// cause, no violence of it.
func (a *analysis) violent(si *sentenceInfo) bool {
	if si.is(woundedCue) || si.is(methodArsonCue) || si.is(methodSmallArmsCue) || si.is(methodExplosivesCue) ||
		si.is(attackCue) || si.is(resistedCue) || si.inmateArson || si.deadlyFire {
		return true
	}
	if slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == killedCue && !protestCause(si, c) }) {
		return true
	}
	for k := range si.toks {
		if si.lex.writtenPhraseAt(crowdControlPhrases, a.lower, si.toks, k) > 0 {
			return true
		}
	}
	return false
}

// protestCause reports a word of death right after a verb of protest or a temporal word, an
// article between: what the protest is about or came after.
func protestCause(si *sentenceInfo, c cueHit) bool {
	k := c.first - 1
	if k > 0 && (si.toks[k].is(definiteArticleWords) || si.toks[k].is(singularArticleWords)) {
		k--
	}
	return k >= 0 && (si.toks[k].is(temporalReferenceWords) || si.lex.isPhraseWord(protestVerbPhrases, si.toks[k].fold))
}

// freeingTold reports a sentence that tells of a release, of escapees recaptured, of an
// attempt or a motive to free someone, of one person freed, or of an aircraft landing in the
// place: "gunmen attacked the police station to free their leader".
func freeingTold(si *sentenceInfo) bool {
	return si.tryToFree || si.airLanding || si.freesOne || si.is(releaseCue) || si.is(recapturedCue)
}

// ledeFrees reports a frame after the document's first sentence, which names no facility of its
// own and tells of a freeing: "still fighting militants inside a prison, four days after they
// launched an attack to free their comrades" says what the assault told next aimed at.
func (a *analysis) ledeFrees(f *frame) bool {
	lede := a.sentences[0]
	return f.first > 0 && len(lede.facilities) == 0 && (lede.is(escapeCue) || freeingTold(lede))
}

// opensOtherMatter reports a sentence that opens with a phrase of another matter: "Separately,",
// "Par ailleurs,", "En otro hecho,". What it tells is not dated by what came before.
func opensOtherMatter(si *sentenceInfo) bool {
	return si.lex.phraseAt(otherMatterWords, si.toks, 0) > 0
}

// violenceAround reports deaths, wounds or shots told in the frame's sentences or in the few
// sentences before it: "Gunfire reported near the headquarters. [...] The violence is suspected
// to be related to an attempted jailbreak."
func (a *analysis) violenceAround(f *frame) bool {
	if len(f.sentences) == 0 {
		return false
	}
	violent := func(si *sentenceInfo) bool {
		return si.is(killedCue) || si.is(woundedCue) || si.is(methodSmallArmsCue)
	}
	start := max(0, slices.Index(a.sentences, f.sentences[0]))
	return slices.ContainsFunc(f.sentences, violent) ||
		slices.ContainsFunc(a.sentences[max(0, start-violenceReach):start], violent)
}

// violenceReach is how many sentences before an attempted escape may tell the violence it came
// with.
const violenceReach = 2

// foiled reports an escape word that a thwarting word a few words before it in its clause
// governs ("foiled an escape plan", "the attempted escape", "thwarting a gang's plan to free"), or
// a thwarting participle right after it.
func foiled(text string, toks []token, cues []cueHit, c cueHit) bool {
	for _, t := range cues {
		if t.category == thwartedCue && t.first > c.last && t.first-c.last <= foiledAfterReach &&
			!containsAny(text[toks[c.last].end:toks[t.first].start], clauseMarks) && !wordIn(conjunctionWords, toks, c.last+1, t.first) &&
			!wordIn(relativePronounWords, toks, c.last+1, t.first) {
			return true // "une évasion collective déjouée", "an escape bid foiled": the participle after the noun
		}
		if t.category != thwartedCue || t.last >= c.first || c.first-t.last > foiledReach {
			continue
		}
		if !containsAny(text[toks[t.last].end:toks[c.first].start], clauseMarks) {
			return true
		}
	}
	return false
}

// foiledAfterReach is how many words after an escape noun the participle that foiled it may
// stand, its complement and a passive auxiliary between them ("une évasion de détenus a été
// déjouée" has four).
const foiledAfterReach = 5

// foiledReach is how many words before an escape word the thwarting word may stand, the plan's
// words between them ("thwarting what officials described as a gang plan to free").
const foiledReach = 10

// mobJustice reports a frame that tells of a lynching, in its sentences or the one right after
// them ("They then lynched the suspect"): a crowd that takes someone held to punish him, not to
// free him.
func (a *analysis) mobJustice(f *frame) bool {
	for _, si := range f.sentences {
		if lynching(si) || mobKilling(si) {
			return true
		}
	}
	if n := len(f.sentences); n > 0 {
		if i := slices.Index(a.sentences, f.sentences[n-1]); i >= 0 && i+1 < len(a.sentences) {
			return lynching(a.sentences[i+1])
		}
	}
	return false
}

// harmOnEscort reports people held killed or wounded by attackers from outside (gunmen, men in
// disguise) while they are escorted, moved, in a courtroom or otherwise in custody away from a
// prison: "two men posing as delivery workers shot dead a detainee the police were escorting to a
// clinic" is an attack on people held, wherever it happened; guards wounded in a riot, or an
// inmate killed by another, are not.
func harmOnEscort(si *sentenceInfo) bool {
	if !si.is(killedCue) && !si.is(woundedCue) || !si.is(attackersCue) && !wordIn(disguiseWords, si.toks, 0, len(si.toks)) {
		return false
	}
	if si.lex.phraseIn(inCustodyWords, si.toks, 0, len(si.toks)) {
		return true // "gunmen shot dead two men in police custody"
	}
	return (si.is(inmateCue) || si.is(heldCue)) && si.lex.phraseIn(escortWords, si.toks, 0, len(si.toks))
}

// mobKilling reports a crowd that a sentence tells killing someone it says was held, or took out
// of a place of detention, with no word of escape: "a crowd broke into the police post, dragged out
// a man held there and killed him", "youths hauled a suspect out of the lock-up and stabbed him
// dead" are violence against a person held, as a lynching is.
func mobKilling(si *sentenceInfo) bool {
	if !si.is(heldCue) && !si.takenOut || si.is(escapeCue) {
		return false
	}
	crowd := slices.IndexFunc(si.toks, func(t token) bool { return t.is(crowdWords) })
	return crowd >= 0 && slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == killedCue && c.first > crowd })
}

// takenOutOf reports a place of detention (fromPlace) or the security forces who hold people
// (fromPolice) right after a preposition of taking out, an article between or none: "pulled a man
// out of the jail", "took him from police custody"; "was seized from the police". lower is the
// text in lower case.
func takenOutOf(lower string, si *sentenceInfo) (fromPlace, fromPolice bool) {
	for _, c := range si.cues {
		place := c.category == facilityCue || c.category == holdingCue
		if !place && c.category != sideSecurityCue {
			continue
		}
		k := c.first
		for k > 0 && c.first-k < takenOutNameWords && si.toks[k-1].upper {
			k-- // "out of the Kolondo jail": the facility's name before its word
		}
		if k > 0 && (si.toks[k-1].is(definiteArticleWords) || si.toks[k-1].is(singularArticleWords)) {
			k--
		}
		for n := 1; n <= 2 && k-n >= 0; n++ {
			if si.lex.lowerPhraseAt(takenOutOfPhrases, lower, si.toks, k-n) == n {
				fromPlace, fromPolice = fromPlace || place, fromPolice || !place
				break
			}
		}
	}
	return fromPlace, fromPolice
}

// crowdTakes reports a crowd that a sentence tells taking someone out of a place of detention, with
// no word of escape, release or demand: "villagers seized the two men from the lock-up" is an
// assault on the people held, whatever befell them after; "crowds demanded the officials' release
// from prison" asked for one.
func crowdTakes(si *sentenceInfo) bool {
	return si.takenFromPlace && !si.is(escapeCue) && !si.is(releaseCue) && !demandTold(si) &&
		slices.ContainsFunc(si.toks, func(t token) bool { return t.is(crowdWords) })
}

// takenOutNameWords is how many words of a facility's name may stand between a preposition of
// taking out and the facility's word.
const takenOutNameWords = 3

// arsonByOutsiders reports a fire set by people who are not held there: an attacker word, civilians
// or a crowd before a word of arson that the people held do not lead ("inmates escaped after
// protesters set the building on fire"). It is an assault on the place, as inmates' arson is a riot.
func arsonByOutsiders(text string, si *sentenceInfo) bool {
	for _, c := range si.cues {
		if c.category == methodArsonCue && !inmateLed(text, si, c) && outsidersBefore(si, c) {
			return true
		}
	}
	return false
}

// outsidersBefore reports people who are not held there before cue c: an attacker word,
// civilians or a crowd.
func outsidersBefore(si *sentenceInfo, c cueHit) bool {
	for _, o := range si.cues {
		if (o.category == attackersCue || o.category == sideCiviliansCue) && o.last < c.first {
			return true
		}
	}
	return wordIn(crowdWords, si.toks, 0, c.first)
}

// attackOnHeld reports an attack word whose object, within a few words after it in its clause,
// is the people held or a place they hold ("attacked inmates linked to the rival gang", "broke
// into a wing held by the rival gang").
func attackOnHeld(text string, si *sentenceInfo, c cueHit) bool {
	at, last := pastAside(text, si.toks, c.last) // "attacked – with knives and iron bars – inmates of the rival wing"
	for _, o := range si.cues {
		reach := attackObjectReach
		if o.category == heldCue {
			reach++ // "broke into a wing held by the rival gang": the part of the prison its people hold
		}
		if (o.category == inmateCue || o.category == heldCue) && o.first > last && o.first-last <= reach &&
			!containsAny(text[at:si.toks[o.first].start], clauseMarks) {
			return true
		}
		if o.category == inmateCue && o.last < c.first && c.first-o.last <= reach && si.toks[o.last+1].is(auxiliaryWords) &&
			!containsAny(text[si.toks[o.last].end:si.toks[c.first].start], clauseMarks) {
			return true // the passive: "the prisoners were attacked"
		}
	}
	return false
}

// pastAside returns the byte offset right after an aside set off by dashes or brackets that opens
// right after token k, and the last token inside it; token k's end and k when none does. An aside
// parts no verb from its object.
func pastAside(text string, toks []token, k int) (int, int) {
	end := toks[k].end
	for _, m := range asideMarks {
		if !strings.HasPrefix(text[end:], m.open) {
			continue
		}
		c := strings.Index(text[end+len(m.open):], m.close)
		if c < 0 {
			break
		}
		closed := end + len(m.open) + c + len(m.close)
		for j := k + 1; j < len(toks); j++ {
			if toks[j].start >= closed {
				return closed, j - 1
			}
		}
		break
	}
	return end, k
}

// onlyNamesAttack reports an attack word that names an attack and no more, with no attackers
// before it: "killed in the attack", "before the assault".
func onlyNamesAttack(si *sentenceInfo, c cueHit) bool {
	return si.lex.phraseAt(genericAttackWords, si.toks, c.first) == c.last-c.first+1 && !attackersBefore(si, c)
}

// harms reports a word of one of the categories of harm beside a word of the category of people
// in its clause, as its object right after it or as the subject of its passive right before it:
// "shot two remand prisoners", "two remand prisoners were killed" (inmate, killed),
// "wounding two guards" (side:security, wounded).
func harms(text string, si *sentenceInfo, people cueCat, harm ...cueCat) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return slices.Contains(harm, c.category) && slices.ContainsFunc(si.cues, func(o cueHit) bool {
			if o.category != people {
				return false
			}
			from, to := c.last, o.first // the object after the verb
			if o.last < c.first {
				from, to = o.last, c.first // the subject before it
			}
			return to > from && to-from <= attackObjectReach+1 && !containsAny(text[si.toks[from].end:si.toks[to].start], clauseMarks)
		})
	})
}

// namedAgain reports an attack word after a definite article, with no attackers before it: "the
// assault" names a deed the story told before.
func namedAgain(si *sentenceInfo, c cueHit) bool {
	return c.first > 0 && si.toks[c.first-1].is(definiteArticleWords) && !attackersBefore(si, c)
}

// attackOnKeepers reports an attack word whose object is the guards, after a word for the people
// held and with no outsiders named before it: "inmates at the X Center, which held migrants,
// rioted, setting fires and attacking guards". Outsiders who come for a prison are named as its
// attackers or as an armed group ("gunmen attacked the guards at the gate").
func attackOnKeepers(text string, si *sentenceInfo, c cueHit) bool {
	if hasArmedGroup(si) || !slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == inmateCue && o.last < c.first }) ||
		slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == attackersCue && o.first < c.first }) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool {
		return o.category == sideSecurityCue && o.first > c.last && o.first-c.last <= attackObjectReach &&
			!containsAny(text[si.toks[c.last].end:si.toks[o.first].start], clauseMarks)
	})
}

// attackObjectReach is how many words may stand between an attack word and the people it is
// done to ("attacked the detainees").
const attackObjectReach = 3

// inmateLed reports an attack word whose doers are the people held: an inmate word stands before
// it in its clause, with no auxiliary or relative pronoun between ("prisoners were attacked",
// "inmates who were attacked") and no attack or escape word before it ("gunmen freed prisoners
// and attacked").
func inmateLed(text string, si *sentenceInfo, c cueHit) bool {
	if c.first > 0 && si.toks[c.first-1].is(temporalReferenceWords) && !si.toks[c.first].is(peopleNounWords) &&
		!attackersAfter(si, c) && escapeOfTheHeld(si, c.first-1) {
		return true // "five detainees escaped after assaulting a guard": a participle takes its subject from the clause, a noun ("after gunmen stormed") names its own
	}
	for _, o := range si.cues {
		if o.category == attackCue || o.category == escapeCue || o.category == attackersCue {
			if o.first < c.first && o != c {
				if o.category == escapeCue && c.first > 0 && si.toks[c.first-1].is(conjunctionWords) && inmateLed(text, si, o) {
					continue // "inmates broke out of their cells and attacked other prisoners": verbs joined by "and" share their subject
				}
				return false
			}
		}
	}
	if inmateSubjectOf(text, si, c) || inmateAgent(si, c) {
		return true
	}
	// "inmates rioted, setting fire to the prison and attacking warders": the people held who
	// rose are the subject of the verbs their revolt goes on with.
	return slices.ContainsFunc(si.cues, func(r cueHit) bool {
		return r.category == riotCue && r.last < c.first && (inmateSubjectOf(text, si, r) || joinedAfter(si.toks, r, c) && heldRoseBefore(si, r))
	})
}

// pursuitOfEscapees reports an attack word whose object, right after it or after an article, is
// the people held, in a sentence that tells them fleeing and that no one held leads: "militiamen
// caught up and attacked the inmates as they fled" tells how the keepers went after the escapees,
// not an assault on the place.
func pursuitOfEscapees(text string, si *sentenceInfo, c cueHit) bool {
	if !si.is(escapeCue) || negated(si, escapeCue) || inmateLed(text, si, c) {
		return false
	}
	k := c.last + 1
	if k < len(si.toks) && si.toks[k].is(definiteArticleWords) {
		k++
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == inmateCue && o.first == k }) &&
		!containsAny(text[si.toks[c.last].end:si.toks[min(k, len(si.toks)-1)].start], clauseMarks)
}

// inmateAgent reports people held named as the agent of a passive attack word ("guards were
// assaulted by inmates", "agredidos por los reos"): violence from inside.
func inmateAgent(si *sentenceInfo, c cueHit) bool {
	k := c.last + 1
	if k >= len(si.toks) || !si.toks[k].is(agentPrepositionWords) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool {
		if o.category != inmateCue || o.first <= k {
			return false
		}
		reach := inmateAgentReach
		if si.toks[o.first-1].is(partitiveWords) {
			reach += partitiveAgentWords // "by the large crowd of inmates", "by a group of detainees"
		}
		return o.first <= k+reach
	})
}

// inmateAgentReach is how many words after "by" the people held may be named: a determiner and
// an adjective may come first ("by the rioting inmates").
const inmateAgentReach = 3

// partitiveAgentWords is how many more words a partitive before the people held lets stand
// after "by": the noun of a number or a group and the partitive itself ("the large crowd of").
const partitiveAgentWords = 3

// joinedAfter reports cue c right after cue r and a conjunction: "rioted and took control of the
// wing" shares its subject.
func joinedAfter(toks []token, r, c cueHit) bool {
	return c.first == r.last+2 && toks[r.last+1].is(conjunctionWords)
}

// heldRoseBefore reports a word for the people held before the riot word r: they are whom it
// tells of, however far before it ("detainees held at X, the headquarters of Y, rioted").
func heldRoseBefore(si *sentenceInfo, r cueHit) bool {
	return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == inmateCue && o.first < r.first })
}

// inmateSubjectOf reports an inmate word before cue c in its clause that is the subject of c's
// verb: no auxiliary or relative pronoun between ("prisoners were attacked", "inmates who were
// attacked"), but for the perfect's own.
func inmateSubjectOf(text string, si *sentenceInfo, c cueHit) bool {
	for _, o := range si.cues {
		if o.category != inmateCue || o.last >= c.first {
			continue
		}
		between := withoutAsides(text[si.toks[o.last].end:si.toks[c.first].start])
		if containsAny(between, clauseMarks+":()") {
			continue
		}
		subject, words, depth := true, 0, 0
		for k := o.last + 1; k < c.first; k++ {
			gap := text[si.toks[k-1].end:si.toks[k].start]
			depth += strings.Count(gap, "(") - strings.Count(gap, ")")
			if depth > 0 {
				continue // a word of the aside in parentheses
			}
			t := &si.toks[k]
			words++
			// "inmates were attacked" gives the verb another subject, but the perfect's auxiliary is
			// the inmates' own ("prisoners had damaged property and attacked"), and so is the
			// relative pronoun right after them ("an inmate who attacked her"; not "inmates whom
			// guards attacked", with a word between).
			perfect := t.is(perfectAuxiliaryWords) && k+1 < len(si.toks) && !si.toks[k+1].is(auxiliaryWords)
			ownRelative := k == o.last+1 && k+1 == c.first
			subject = subject && (!t.is(auxiliaryWords) || perfect) && (!t.is(relativePronounWords) || ownRelative)
		}
		if subject && words <= inmateSubjectReach {
			return true
		}
	}
	return false
}

// attackersAfter reports attackers named within a few words after an attack word: "fled after an
// attack launched by gunmen" ("بعد هجوم شنه مسلحون") tells who attacked.
func attackersAfter(si *sentenceInfo, c cueHit) bool {
	return slices.ContainsFunc(si.cues, func(o cueHit) bool {
		return o.category == attackersCue && o.first > c.last && o.first-c.last <= attackersAfterReach
	})
}

// attackersAfterReach is how many words after an attack word its attackers may be named.
const attackersAfterReach = 4

// escapeOfTheHeld reports an escape word before token end whose subject, right before it, is the
// people held: "five detainees escaped", "inmates broke out".
func escapeOfTheHeld(si *sentenceInfo, end int) bool {
	for _, e := range si.cues {
		if e.category != escapeCue || e.last >= end {
			continue
		}
		if slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return o.category == inmateCue && o.last < e.first && e.first-o.last <= escapeSubjectReach
		}) {
			return true
		}
	}
	return false
}

// escapeSubjectReach is how far before an escape word the people held may stand as its subject
// ("five detainees escaped", "inmates then broke out").
const escapeSubjectReach = 2

// withoutAsides returns s without its parenthesised asides ("of the colony in X (Y region, Z)")
// and the names set between two commas ("at the jail in Juba, South Sudan,"): an aside inside a
// noun phrase does not end its clause.
func withoutAsides(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	parts := strings.Split(b.String(), ",")
	out := parts[0]
	for i := 1; i < len(parts); i++ {
		if i+1 < len(parts) && nameOnly(parts[i]) {
			out += " " + parts[i] + " " + parts[i+1]
			i++
			continue
		}
		out += "," + parts[i]
	}
	return out
}

// maxPlacePrepositionRunes is the longest word of a preposition before a name in an aside ("près
// de", "cerca de", "near").
const maxPlacePrepositionRunes = 5

// nameOnly reports a short run of capitalised words ("South Sudan"), perhaps after a short
// preposition of one or two words ("en Ardovia", "in South Sudan", "près de Tarvo").
func nameOnly(s string) bool {
	words := strings.Fields(s)
	for lead := 0; lead < 2 && len(words) > 1 && utf8.RuneCountInString(words[0]) <= maxPlacePrepositionRunes; lead++ {
		if r, _ := utf8.DecodeRuneInString(words[0]); unicode.IsUpper(r) {
			break
		}
		words = words[1:] // "near Tarvo", "près de Tarvo"
	}
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// figureWords counts the tokens from..to-1 that are words of a figure ("more than 700").
func figureWords(si *sentenceInfo, from, to int) int {
	n := 0
	for _, q := range si.quantities {
		first, last := tokenSpan(si.toks, q.Start, q.End)
		if first >= 0 {
			n += max(0, min(last+1, to)-max(first, from))
		}
	}
	return n
}

// freedByAttackers reports a sentence where outsiders named before an escape word free the people
// held: an attacker word, an armed group or civilians (a mob counts), then the escape word with an
// inmate word right after it (a figure between is one word) or the place of detention they were freed from ("militants ... freed
// inmates", "villagers freed a detained man from the police post"), and no inmate word before it.
func freedByAttackers(si *sentenceInfo) bool {
	doer := -1
	for _, m := range si.actors {
		if m.Kind == "armed_group" {
			if first, _ := tokenSpan(si.toks, m.Start, m.End); first >= 0 && (doer < 0 || first < doer) {
				doer = first
			}
		}
	}
	for _, c := range si.cues {
		if (c.category == attackersCue || c.category == sideCiviliansCue) && (doer < 0 || c.first < doer) {
			doer = c.first
		}
	}
	for k, t := range si.toks {
		if t.is(crowdWords) && (doer < 0 || k < doer) {
			doer = k
		}
	}
	if doer < 0 {
		return false
	}
	for _, c := range si.cues {
		if c.category != escapeCue && c.category != releaseCue || c.first <= doer {
			continue // "released" by a crowd is no release by the authorities
		}
		if c.category == escapeCue && !si.toks[c.first].is(freeingWords) {
			continue // "members of the gang escaped from the prison": they got out, nobody freed them
		}
		between, after := false, false
		for _, o := range si.cues {
			switch o.category {
			case inmateCue:
				between = between || o.first < c.first // "250 inmates including 40 militants escape": the fighters are inmates
				after = after || o.first > c.last && o.first-c.last-figureWords(si, c.last+1, o.first) <= 3
			case holdingCue, facilityCue:
				after = after || o.first > c.last && o.first <= c.last+freedFromReach
			}
		}
		if after && !between || causedFreeing(si, doer, c) {
			return true
		}
	}
	return false
}

// causedFreeing reports an escape word after the people it frees, whom a causative verb after the
// doer governs: "a crowd forced the cell doors, setting nine inmates free".
func causedFreeing(si *sentenceInfo, doer int, c cueHit) bool {
	for k := c.first - 1; k > doer && k >= c.first-causedFreeingReach; k-- {
		if si.lex.isPhraseWord(causativeFreeingPhrases, si.toks[k].fold) {
			return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == inmateCue && o.first > k && o.last < c.first })
		}
	}
	return false
}

// causedFreeingReach is how many words before the escape word the causative verb may stand: the
// people freed between them, with a figure and a determiner ("set all nine inmates free").
const causedFreeingReach = 5

// freedFromReach is how many words after a freeing word the place freed from may be named: the
// people freed may be named at length first ("freed the former junta leader and three other men
// from the central prison").
const freedFromReach = 15

// heldSubject reports a sentence whose first riot or escape word has the people held for subject,
// before it in its clause: people said to be held in a place ("militants lodged in the jail
// overpowered the guards"), or an inmate word before a riot word ("inmates overpowered"). Inmates
// who merely "escaped" say nothing of who opened the gates.
func heldSubject(text string, si *sentenceInfo) bool {
	first, riot := -1, false
	for _, c := range si.cues {
		if (c.category == riotCue || c.category == escapeCue) && (first < 0 || c.first < first) {
			first, riot = c.first, c.category == riotCue
		}
	}
	if first < 1 {
		return false
	}
	for k := first - 1; k >= 0 && first-k <= heldSubjectReach; k-- {
		if containsAny(text[si.toks[k].end:si.toks[k+1].start], clauseMarks+":") {
			return false
		}
		if si.lex.phraseAt(heldInWords, si.toks, k) > 0 {
			return true
		}
		for _, c := range si.cues {
			if riot && c.category == inmateCue && c.first == k {
				return true
			}
		}
	}
	return false
}

// heldSubjectReach is how many words before a riot or escape word its subject may begin.
const heldSubjectReach = 12

// inmateSubjectReach is how many words, asides in parentheses aside, may stand between the people
// held and the attack word they are the subject of ("prisoners armed with knives attacked", "four
// inmates of penal colony No. 19 in X (Y region) attacked", "inmates in the east wing of the old X
// central prison set fire", "inmates held at the X prison used smuggled pistols to attack").
const inmateSubjectReach = 14

// staffOnly reports a sentence whose only detention word names a job: "a prison guard was shot
// dead on his way home" tells of an attack on a person, not on a place of detention. So does one
// that names only the administration ("the head of the state prison system was shot dead"),
// unless it tells a deed: "units of the prison service suppressed the unrest" speak of a prison.
func staffOnly(si *sentenceInfo) bool {
	if len(si.facilities) > 0 || si.is(inmateCue) || si.is(genericCue) || si.is(holdingCue) {
		return false
	}
	institutions := !namesDeed(si) && !si.is(thwartedCue)
	staff := false
	for _, c := range si.cues {
		if c.category != facilityCue {
			continue
		}
		if !jobWord(si, c) && !(institutions && ofInstitution(si, c)) {
			return false
		}
		staff = true
	}
	return staff
}

// ofInstitution reports a facility word that an institution noun follows: "the prison service",
// "Tarvo's prison system" name the administration, and its people are staff.
func ofInstitution(si *sentenceInfo, c cueHit) bool {
	return c.last+1 < len(si.toks) && si.toks[c.last+1].is(institutionNounWords)
}

// jobWord reports a facility word that qualifies a person noun beside it or after a linking
// word: "prison guards", "agentes penitenciários", "educatore del carcere".
func jobWord(si *sentenceInfo, c cueHit) bool {
	return c.last+1 < len(si.toks) && si.toks[c.last+1].is(peopleNounWords) ||
		c.first > 0 && si.toks[c.first-1].is(peopleNounWords) && !cueAt(si, inmateCue, c.first-1) && !si.toks[c.first].upper || // but "نزلاء سجن X": its inmates
		c.first > 1 && si.toks[c.first-1].is(facilityLinkWords) && cueAt(si, sideSecurityCue, c.first-2) &&
			!si.toks[c.first].upper // "educatore del carcere", not "presos da cadeia"
}

// anyFreed reports whether a figure of the frame says that someone got out. It reads only the
// metric of each figure, not who claimed it: the type must be known before the claims are built.
func (a *analysis) anyFreed(f *frame) bool {
	for _, si := range f.sentences {
		for k, q := range si.quantities {
			if !a.isFigure(si, si.quantities, k) {
				continue
			}
			if m, ok := a.metricAt(si, si.quantities, k); ok && m == model.Escaped && (q.Low != nil && *q.Low > 0 || q.High != nil && *q.High > 0) {
				return true
			}
		}
	}
	return false
}

// negated reports a sentence whose every cue of a category is negated ("no inmate escaped").
func negated(si *sentenceInfo, category cueCat) bool {
	found := false
	for _, c := range si.cues {
		if c.category != category {
			continue
		}
		found = true
		neg := false
		for k := max(0, c.first-3); k < c.first; k++ {
			// "no riot nor inmates who escaped": a negative conjunction carries the negation before it
			neg = neg || si.toks[k].is(negationWords) || si.toks[k].is(negativeConjunctionWords) && wordIn(negationWords, si.toks, 0, k)
		}
		if !neg {
			return false
		}
	}
	return found
}

// location is placeOf, with a police station or gendarmerie of an event sentence as the facility
// when no prison is named: by its name ("the Kolondo District Police Headquarters"), the first
// with a name of its own, or by its town.
func (a *analysis) location(f *frame, lead bool) (string, model.Place) {
	facility, p := a.placeOf(f, lead)
	if facility != "" {
		return facility, p
	}
	var first *facilityHit
	for _, si := range f.sentences {
		if !isEvent(si) {
			continue
		}
		for i, h := range si.holdings {
			if h.key != "" && h.key != a.placeKey(h.town) {
				return h.name, p // "the Kessel Road police station" after "a police station in X": its own name
			}
			if first == nil {
				first = &si.holdings[i]
			}
		}
	}
	if first != nil {
		return first.name, p
	}
	// "a police station" in a report from Riverton is "Riverton police station", as readers name it.
	for _, si := range f.sentences {
		if !isEvent(si) {
			continue
		}
		for _, c := range si.cues {
			if c.category != holdingCue || !si.toks[c.last].is(townHoldingWords) {
				continue
			}
			name := strings.ToLower(a.text[si.toks[c.first].start:si.toks[c.last].end])
			if p.Precision == model.GeoPlace {
				name = p.Name + " " + name
			}
			return name, p
		}
	}
	return "", p
}

// ownNameIn returns the first facility of the frame's sentences that stands in the town and is
// named otherwise than after it.
func (a *analysis) ownNameIn(f *frame, town string) (facilityHit, bool) {
	for _, si := range f.sentences {
		for _, h := range si.facilities {
			if h.key != "" && h.town == town && h.key != a.placeKey(town) && !(si.datedReference() && si.inReference(h.start)) {
				return h, true
			}
		}
	}
	return facilityHit{}, false
}

// codedPlace reports a place hit that a bracketed list of divisions follows, which names it
// alone: not the last of a list of places nor a division after a town and its comma ("units in
// X, Y and Z (X, W)", "in X, Y (Z, W)"), nor the tail of a longer name after its particle
// ("Santa Rita de la Vega (Santa Rita de la Vega, W)", whose "Vega" may be a town of its own).
func (a *analysis) codedPlace(p placeHit) bool {
	if !divisionsAfter(a.text, nameSpan{end: p.end}) {
		return false
	}
	before := strings.TrimRight(a.text[:p.start], " ")
	if strings.HasSuffix(before, ",") {
		return false
	}
	word := foldWord(before[strings.LastIndexAny(before, " \n")+1:])
	return !a.lex.has(conjunctionWords, word) && !a.x.lex.all.has(nameParticleWords, word)
}

// facilityBefore returns the facility a sentence just before the frame names, when an event
// sentence of the frame speaks of a place of detention only by its common noun after a definite
// article ("rebels entered Tarvo, where the Orlin central prison stands.
// By nightfall 300 inmates had left the prison"): the noun refers back to the facility named last.
func (a *analysis) facilityBefore(f *frame) (facilityHit, bool) {
	if !slices.ContainsFunc(f.sentences, definiteFacility) {
		return facilityHit{}, false
	}
	for i := f.first - 1; i >= max(0, f.first-contextSentences); i-- {
		si := a.sentences[i]
		for k := len(si.facilities) - 1; k >= 0; k-- {
			if h := si.facilities[k]; storyFacility(si, h) {
				return h, true
			}
		}
	}
	return facilityHit{}, false
}

// storyFacility reports a named facility of the sentence that the story's deed may stand at:
// not one a reference point names ("after unrest at the X prison in November 2018": another
// event's prison).
func storyFacility(si *sentenceInfo, h facilityHit) bool {
	return h.name != "" && h.key != "" && !(si.datedReference() && si.inReference(h.start))
}

// definiteFacility reports an event sentence with a facility word right after a definite
// article: "the prison", "la prison".
func definiteFacility(si *sentenceInfo) bool {
	return isEvent(si) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == facilityCue && c.first > 0 && si.toks[c.first-1].is(definiteArticleWords)
	})
}

// placeOf picks the frame's facility and place: a known facility's coordinates, else the town
// its name or sentence gives, else the first place the event sentences name, else the country.
func (a *analysis) placeOf(f *frame, lead bool) (string, model.Place) {
	facility, town, country, stated := "", "", "", ""
	var known *Facility
	count := map[string]int{}
	bestKey := ""
	for _, si := range f.sentences {
		for _, h := range si.facilities {
			if !storyFacility(si, h) {
				continue
			}
			count[h.key]++
			if count[h.key] > count[bestKey] || facility == "" {
				facility, known, town, bestKey = h.name, h.known, h.town, h.key
			}
		}
	}
	if facility == "" {
		if h, ok := a.facilityBefore(f); ok {
			facility, known, town, bestKey = h.name, h.known, h.town, h.key
		}
	}
	if known == nil && town != "" && bestKey == a.placeKey(town) {
		// "the Tarvo prison riot [...] at the Orlin Correctional Facility in Tarvo": a prison named
		// by its town is the one whose own name the text gives there.
		if h, ok := a.ownNameIn(f, town); ok {
			facility, known, bestKey = h.name, h.known, h.key
		}
	}
	if stated = a.statedCountry(bestKey); stated == "" {
		stated = a.idCountry // a place of the same name elsewhere is a namesake
	}
	if known != nil {
		p := model.Place{Country: known.Country, Admin1: known.Admin1, Name: known.Town, Lat: known.Lat, Lon: known.Lon, Precision: model.GeoFacility}
		if rp, ok := a.x.res.Place(known.Town, []string{known.Country}); ok {
			p.Admin1, p.GeonameID = rp.Admin1, rp.GeonameID
			if known.Lat == 0 && known.Lon == 0 {
				p.Lat, p.Lon, p.Precision = rp.Lat, rp.Lon, rp.Precision
			}
		}
		return known.Name, p
	}
	var places []model.Place
	var datelines []model.Place
	coded := 0 // the places first in places that a bracketed list of divisions follows
	addPlaces := func(hits []placeHit) {
		for _, p := range hits {
			switch {
			case p.dateline:
				datelines = append(datelines, p.place)
			case !p.landmark && a.codedPlace(p):
				// "the X Unit near Y (Z, W)": a note's coder gives the divisions of the place
				// the event is coded at, before any other place of its precision.
				places = slices.Insert(places, coded, p.place)
				coded++
			case !p.landmark:
				places = append(places, p.place)
			}
		}
	}
	addPlaces(f.context)
	for _, si := range f.sentences {
		if !isEvent(si) && !placesStory(si) {
			continue
		}
		if part, split := f.parts[si]; split {
			addPlaces([]placeHit{part.place}) // its own town of the several the sentence names
		} else {
			addPlaces(a.ownPlaces(si))
		}
		if country == "" && len(si.countries) > 0 {
			country = si.countries[0]
		}
	}
	if len(places) == 0 && lead {
		// The lead of the report's first incident says where it happened; the frame's other
		// sentences tell where its people came from or went ("he had been taken from his cell
		// in X to appear before a judge").
		if p, ok := a.leadPlace(f, country); ok {
			places = append(places, p)
		}
	}
	if len(places) == 0 {
		// No event sentence places the incident: "gangs began their attack on Sunday night in X".
		for _, si := range f.sentences {
			if placesAnEvent(si) && !likeEventElsewhere(si) {
				addPlaces(a.ownPlaces(si))
			}
		}
	}
	if len(places) == 0 {
		// A sentence telling what the attackers did places their deed ("Militants blocked a
		// highway in X to halt the van"), better than where the report was filed.
		for _, si := range f.sentences {
			if !si.is(attackersCue) || likeEventElsewhere(si) {
				continue
			}
			for _, p := range a.ownPlaces(si) {
				if !p.landmark && !p.dateline && p.place.Precision != model.GeoCountry && (country == "" || p.place.Country == country) {
					places = append(places, p.place)
				}
			}
		}
	}
	if len(places) == 0 {
		// Where the report was filed, when nothing else places the incident; a country named
		// by an event sentence does.
		for _, d := range datelines {
			if country == "" || d.Country == country {
				places = append(places, d)
			}
		}
	}
	if len(places) == 0 {
		// The frame's other sentences set the scene ("Clashes erupted in X on Tuesday. [...]
		// Militants seized the jail"), in the country the event sentences name, if any.
		for _, si := range f.sentences {
			if likeEventElsewhere(si) {
				continue
			}
			for _, p := range a.ownPlaces(si) {
				if !p.landmark && (country == "" || p.place.Country == country) && !ofOffence(si, p) {
					places = append(places, p.place)
				}
			}
		}
	}
	if stated != "" {
		// "the X prison in Chad": a town of its name elsewhere is a namesake.
		country = stated
		places = slices.DeleteFunc(places, func(p model.Place) bool { return p.Country != stated })
		if town != "" {
			if p, ok := a.place(town, newPlaceContext([]string{stated})); ok {
				return facility, townInNamedDivision(places, a.townAsPlaced(places, town, p))
			}
		}
	} else if town != "" {
		if p, ok := a.place(town, newPlaceContext(a.countriesFor(country))); ok {
			return facility, townInNamedDivision(places, a.townAsPlaced(places, town, p))
		}
	}
	if coded := a.codedDivisions(f); len(places) > 1 && len(coded) > 0 {
		inside := slices.DeleteFunc(slices.Clone(places), func(p model.Place) bool { return a.outsideCoded(coded, p) })
		if len(inside) < len(places) && slices.ContainsFunc(inside, func(p model.Place) bool { return p.Precision == model.GeoPlace }) {
			places = inside // "the X police station (Y, Z State) in central W": W, not a town X elsewhere
		}
	}
	if len(places) > 0 {
		p := mostPrecise(places)
		if d, ok := a.filedInside(p); ok {
			p = d // "ZARVO, Ouh. - [...] the Ouhra State Prison": no town but the state's, where the report was filed
		}
		if facility == "" && p.Precision == model.GeoPlace {
			facility = a.townFacility(f, a.writtenTown(p))
		}
		return facility, p
	}
	if p, ok := townDirectedFrom(f); ok {
		return facility, p // "at a camp a few kilometres south of X": near X, better than anywhere in the country
	}
	if country == "" {
		country = f.country
	}
	if country == "" && len(a.countries) > 0 {
		country = a.countries[0]
	}
	if country == "" {
		return facility, model.Place{}
	}
	p, ok := a.x.res.CountryPlace(country)
	if !ok {
		p = model.Place{Country: country}
	}
	p.Country, p.Precision = country, model.GeoCountry
	return facility, p
}

// codedDivisions returns the names a frame's bracketed lists give ("(Y, Z State)"): a coded
// note's brackets say in which divisions the event is.
func (a *analysis) codedDivisions(f *frame) []string {
	var out []string
	for _, si := range f.sentences {
		for _, b := range bracketPairs(a.text, si.start, si.end) {
			if list := a.text[b[0]+1 : b[1]]; strings.Contains(list, ",") {
				for _, part := range strings.Split(list, ",") {
					out = append(out, strings.TrimSpace(part))
				}
			}
		}
	}
	return out
}

// outsideCoded reports a place that lies outside every first-level division the coded names
// resolve to in its country: a town a facility's name shares with a place elsewhere is not where
// the note puts the event.
func (a *analysis) outsideCoded(coded []string, p model.Place) bool {
	if p.Admin1 == "" {
		return false
	}
	outside := false
	for _, name := range coded {
		d, ok := a.place(name, newPlaceContext([]string{p.Country}))
		if !ok || d.Country != p.Country || d.Admin1 == "" {
			continue
		}
		if d.Admin1 == p.Admin1 {
			return false
		}
		outside = true
	}
	return outside
}

// filedInside returns the frame's dateline town when the dateline abbreviates its division
// (analysis.filedIn) and p, the most precise place the frame gives, is that division:
// such wire datelines name the town the reporter went to. Other datelines are as often a
// province's capital, far from a deed told in the province.
func (a *analysis) filedInside(p model.Place) (model.Place, bool) {
	if a.filedIn == nil || p.Precision != model.GeoAdmin1 || p.Name != "" || a.filedIn.place.Admin1 != p.Admin1 || a.filedIn.place.Country != p.Country {
		return model.Place{}, false
	}
	for _, si := range a.sentences {
		if si.start > a.filedIn.start {
			break // the dateline is the report's, whichever frame the sentence it opens is in
		}
		if si.end < a.filedIn.end {
			continue
		}
		for _, d := range si.places {
			if d.dateline && d.place.Precision == model.GeoPlace && d.place.Country == p.Country && d.place.Admin1 == p.Admin1 {
				return d.place, true
			}
		}
	}
	return model.Place{}, false
}

// townDirectedFrom returns the most precise town the frame's event sentences give a direction from
// ("south of X"): the deed was near it, when nothing else places it, whatever country the
// people's adjectives named ("Afghan prisoners held at a camp south of X, Pakistan").
func townDirectedFrom(f *frame) (model.Place, bool) {
	var near []model.Place
	for _, si := range f.sentences {
		if !isEvent(si) {
			continue
		}
		for _, p := range si.places {
			if p.bearingOf && p.place.Precision == model.GeoPlace {
				near = append(near, p.place)
			}
		}
	}
	if len(near) == 0 {
		return model.Place{}, false
	}
	return mostPrecise(near), true
}

// townAsPlaced returns the facility's town as the frame's sentences placed it, where they read
// its name as a namesake in the same country other than the document's reading p: "the jail of
// Ravna, South Vale" is the Ravna its sentence places by the division after it.
func (a *analysis) townAsPlaced(places []model.Place, town string, p model.Place) model.Place {
	key := a.placeKey(town)
	for _, q := range places {
		if q.Precision == model.GeoPlace && q.Country == p.Country && a.placeKey(q.Name) == key {
			return q
		}
	}
	return p
}

// townInNamedDivision returns town, read from a facility's name, unless it lies in none of the
// divisions the frame names and one of the frame's towns does: then the most precise of those.
// "X State Prison near Riverton (Y County, Z)" stands near Riverton in Z, not in a town called X
// in another province.
func townInNamedDivision(places []model.Place, town model.Place) model.Place {
	named := map[string]bool{}
	for _, p := range places {
		if p.Precision == model.GeoAdmin1 && p.Admin1 != "" {
			named[p.Admin1] = true
		}
	}
	if len(named) == 0 || named[town.Admin1] {
		return town
	}
	var inside []model.Place
	for _, p := range places {
		if p.Precision == model.GeoPlace && named[p.Admin1] {
			inside = append(inside, p)
		}
	}
	if len(inside) == 0 {
		return town
	}
	return mostPrecise(inside)
}

// likeEventElsewhere reports a sentence outside the story's event sentences that tells a like
// event with an additive word ("Jails in X and Y were also emptied"): its places are those of
// the other events, not where this one happened.
func likeEventElsewhere(si *sentenceInfo) bool {
	return !isEvent(si) && slices.ContainsFunc(si.toks, func(t token) bool { return t.is(additiveWords) })
}

// ofOffence reports a place within a few words after a legal word: "jailed for the 1979 Tarvo
// bombings" names where the offence was, which sets no scene for the deed.
func ofOffence(si *sentenceInfo, p placeHit) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		last := min(c.last+pastPlaceReach, len(si.toks)-1)
		return c.category == legalCue && c.last < last && p.start > si.toks[c.last].start && p.start <= si.toks[last].start
	})
}

// ownPlaces returns the places of a sentence outside its reference point when that point has a
// date of its own: in "a drama that recalls the 2013 attack in X", X is where another event
// happened; in "guards killed inmates after the jailbreak in X", the jailbreak is this one. A
// foreign namesake inside a facility's name is no place of the sentence (foreignInName).
func (a *analysis) ownPlaces(si *sentenceInfo) []placeHit {
	var out []placeHit
	for _, p := range si.places {
		if !(si.datedReference() && si.inReference(p.start)) && !a.foreignInName(si, p) {
			out = append(out, p)
		}
	}
	return out
}

// opening reports the document's first frame: the sentences before it tell no incident.
func opening(f *frame, frames []*frame) bool {
	for _, g := range frames {
		if g.first < f.first {
			return false
		}
	}
	return true
}

// leadPlace reads where a report's first incident happened from its lead when the incident's own
// sentences place it no finer than a country (any country when country is ""): "Clashes erupted
// in the city of X on Tuesday. [...] Militants freed inmates from the jails." The first sentence
// before the frame that names a place of that country sets the scene; where the report was filed
// and landmarks do not.
func (a *analysis) leadPlace(f *frame, country string) (model.Place, bool) {
	for _, si := range a.sentences[:f.first] {
		var places []model.Place
		for _, p := range a.ownPlaces(si) {
			if !p.landmark && !p.dateline && (country == "" || p.place.Country == country) && p.place.Precision != model.GeoCountry {
				places = append(places, p.place)
			}
		}
		if len(places) > 0 {
			return places[0], true
		}
	}
	return model.Place{}, false
}

// statedCountry returns the country the text names right after a facility of this key anywhere
// ("the X prison in Chad"), "" if none or if the text names several.
func (a *analysis) statedCountry(key string) string {
	stated := ""
	for _, si := range a.sentences {
		for _, h := range si.facilities {
			if h.key != key || h.country == "" || h.country == stated {
				continue
			}
			if stated != "" {
				return ""
			}
			stated = h.country
		}
	}
	return stated
}

// townFacility names the unnamed place of detention an incident's event sentences speak of after
// the town it is in, as readers do: "their jail" in a report from Riverton is "Riverton jail".
func (a *analysis) townFacility(f *frame, town string) string {
	if titledName(f) != "" {
		return "" // "the National Penitentiary": the text's own title outranks a name made from the town
	}
	for _, si := range f.sentences {
		if !isEvent(si) || len(si.facilities) > 0 {
			continue
		}
		for _, c := range si.cues {
			if c.category != facilityCue || c.first != c.last || jobWord(si, c) || ofInstitution(si, c) {
				continue // "a prison guard", "the prison service" name no prison
			}
			if movedFrom(a.text, si, c.first) {
				continue // "transférés de la maison d'arrêt de X vers le palais": the prison left, not the deed's
			}
			if nearTown(si, c.last, town) {
				continue // "his prison outside Medellin" is not the town's
			}
			word := si.toks[c.first].fold
			if !si.lex.has(townFacilityWords, word) || slices.ContainsFunc(si.titles, func(h facilityHit) bool { return h.start <= si.toks[c.first].start && si.toks[c.first].end <= h.end }) {
				continue // "la Cárcel Central": a title, the name of last resort, outranks the town's
			}
			if !si.lex.has(facilityPluralWords, word) {
				return a.namedAfterTown(si, c.first, town)
			}
			if _, split := f.parts[si]; split {
				return town + " " + strings.TrimSuffix(word, "s") // "attacked prisons in X and Y"
			}
		}
	}
	return ""
}

// writtenTown returns the town p as the text first writes it, in running text: a facility named
// after its town takes the text's name ("la prison de Tarvo" where the gazetteer knows the town by
// a newer name), the gazetteer's when the text writes it only in capitals (a dateline), by a
// common noun ("the capital") or not at all.
func (a *analysis) writtenTown(p model.Place) string {
	for _, si := range a.sentences {
		for _, h := range si.places {
			if h.place.GeonameID != p.GeonameID || h.place.Name != p.Name {
				continue
			}
			written := a.text[h.start:h.end]
			if r, _ := utf8.DecodeRuneInString(written); unicode.IsUpper(r) && written != strings.ToUpper(written) {
				return written // not "the capital", a word that stands for the town
			}
		}
	}
	return p.Name
}

// namedAfterTown names a place of detention after its town in the word order of the report's
// language: "Riverton jail", "prison de Riverton", "carcere di Riverton", "Lapas Riverton". The
// word is written as the text writes it, lower case but for a head-first title ("Lapas"). A text
// of no known language takes the English order.
func (a *analysis) namedAfterTown(si *sentenceInfo, k int, town string) string {
	t := si.toks[k]
	written := a.text[t.start:t.end]
	link := ""
	if a.lex != a.x.lex.all {
		link = a.lex.townFacilityLink()
	}
	switch {
	case link != "":
		return strings.ToLower(written) + " " + link + " " + town
	case t.is(facilityHeadFirstWords):
		return written + " " + town
	}
	return town + " " + t.fold
}

// nearTown reports the facility word at token k followed by a word of nearness and the town:
// "the prison outside Medellin" stands out of the town.
func nearTown(si *sentenceInfo, k int, town string) bool {
	if k+2 >= len(si.toks) || !si.toks[k+1].is(facilityNearWords) {
		return false
	}
	first, _, _ := strings.Cut(town, " ")
	return si.toks[k+2].fold == foldWord(first)
}

func (a *analysis) countriesFor(first string) []string {
	if first == "" {
		return a.countries
	}
	return append([]string{first}, a.countries...)
}

// mostPrecise returns the first place of the finest precision.
func mostPrecise(ps []model.Place) model.Place {
	rank := map[model.GeoPrecision]int{model.GeoFacility: 0, model.GeoPlace: 1, model.GeoAdmin1: 2, model.GeoCountry: 3}
	best := ps[0]
	for _, p := range ps[1:] {
		if rank[p.Precision] < rank[best.Precision] {
			best = p
		}
	}
	return best
}

// reportOfDeed reports a date that a verb of reporting takes ("the prosecutor said on Thursday"): it
// dates a statement, not the deed the sentence may name.
func reportOfDeed(si *sentenceInfo, d *DateMention) bool {
	first, last := tokenSpan(si.toks, d.Start, d.End)
	return first >= 0 && reportingDate(si, first, last)
}

// dayOfDeed returns the full day a sentence outside the frame gives its deed, in the frame's year
// if it has one; not the day of a statement.
func dayOfDeed(f *frame, si *sentenceInfo) (model.Date, bool) {
	d := eventDateOf(si)
	if d == nil || reportOfDeed(si, d) || d.Date.Precision != model.PrecisionDay ||
		f.year != nil && d.Date.Start.Year() != f.year.Date.Start.Year() {
		return model.Date{}, false
	}
	return d.Date, true
}

// contextSentences is how many sentences before a frame may still date it, and ledeSentences
// how many open a report as its lede.
const (
	contextSentences = 2
	ledeSentences    = 2
)

// eventDate is the frame's first event date, else the reference date at a coarser precision.
func (a *analysis) eventDate(f *frame, primary bool) model.Date {
	if f.date != nil {
		return onsetBefore(f, f.date)
	}
	// "The attack occurred on 7 September 2010": a sentence of the frame that is not itself an
	// event sentence but dates an attack, escape or riot.
	for _, si := range f.sentences {
		if !namesDeed(si) && !deedGoesOn(si) {
			continue
		}
		d := eventDateOf(si)
		if d == nil || d.Date.Precision.Rank() > model.PrecisionMonth.Rank() {
			continue
		}
		// A month of another year than the event sentences give dates something else ("in his
		// speech of September 2019, he called on followers to free..."); a full day still wins.
		if f.year == nil || d.Date.Precision == model.PrecisionDay || d.Date.Start.Year() == f.year.Date.Start.Year() {
			return onsetBefore(f, d)
		}
	}
	// "On January 20th, IS launched operations in Syria and Iraq. ... the assault on the prison":
	// a date set in the sentences just before the frame opened.
	// Not when the frame's own year is another ("In late 2019, militants stormed a jail").
	// Not when the frame opens on another matter ("Par ailleurs, 300 détenus ont pris la fuite").
	from := max(0, f.first-contextSentences)
	if opensOtherMatter(a.sentences[f.first]) {
		from = f.first
	}
	for i := f.first - 1; i >= from; i-- {
		if d, ok := dayOfDeed(f, a.sentences[i]); ok {
			return d
		}
	}
	// "Police are hunting nine men who broke out on 3 June. [...] 'it was a breakout from the
	// district jail'": the report's own story takes the day its lede gives a deed.
	if primary && f.first >= ledeSentences {
		for _, si := range a.sentences[:ledeSentences] {
			if d, ok := dayOfDeed(f, si); ok && namesDeed(si) {
				return d
			}
		}
	}
	if f.year != nil && !(primary && a.yearOnlyRef()) {
		return f.year.Date // but not the year an undated report gives: it may recall it (below)
	}
	if a.ref.Date.IsZero() || primary && a.yearOnlyRef() {
		// An undated report whose text gives only a year may be recalling it: its own story stays
		// undated rather than dated to that year.
		return model.Date{}
	}
	if d, ok := a.lookedBackTo(); ok && primary {
		return d // "Five years ago today, on 25 October 2000, ...": the day the piece looks back to
	}
	// Undated, the document's own story happened within the week it was published; an event it
	// recalls in passing, within the month or so before.
	p := model.PrecisionWeek
	if !primary {
		p = model.PrecisionMonth
	}
	if a.ref.Precision.Rank() > p.Rank() {
		p = a.ref.Precision
	}
	return model.Date{Start: dateMidnight(a.ref.Date), Precision: p}
}

// deedGoesOn reports a sentence whose verb of beginning opens it, after an impersonal pronoun or
// none: its subject is the deed told before ("It began on 2 May 1960", "Comenzó el 2 de mayo").
func deedGoesOn(si *sentenceInfo) bool {
	k := 0
	if len(si.toks) > 1 && si.toks[0].is(impersonalPronounWords) {
		k = 1
	}
	return k < len(si.toks) && si.toks[k].is(onsetVerbWords)
}

// lookedBackTo returns the day or month a piece that looks back on a past deed is about: its
// title or its first sentences say so ("thirty years on", "trent'anni fa", "aniversario"), and
// its first date written with a year lies a year or more before it was published.
func (a *analysis) lookedBackTo() (model.Date, bool) {
	if !a.titleBack &&
		!slices.ContainsFunc(a.sentences[:min(len(a.sentences), retrospectiveLead)], func(si *sentenceInfo) bool {
			return si.lex.phraseIn(retrospectiveWords, si.toks, 0, len(si.toks))
		}) {
		return model.Date{}, false
	}
	for _, si := range a.sentences {
		for _, d := range si.dates {
			if d.Relative || d.Date.Precision.Rank() > model.PrecisionMonth.Rank() {
				continue
			}
			if d.Date.LastDay().Before(a.ref.Date.AddDate(-1, 0, 0)) {
				return d.Date, true
			}
			return model.Date{}, false // the first such date is recent: the piece tells news
		}
	}
	return model.Date{}, false
}

// retrospectiveLead is how many sentences at a text's start may say that it looks back, and
// maxTitleWords how many words of a title are read.
const (
	retrospectiveLead = 2
	maxTitleWords     = 40
)

// onsetBefore returns the earliest full date within onsetSpan before dated's that a sentence of
// the frame writes out as the deed's start: before the sentence holding dated ("le 14 avril 1971,
// ... l'émeute commençait ... Les mutins se rendent le 18 avril"), or after a verb of beginning
// anywhere ("came down from the roof yesterday. [...] the riot, which began on the evening of 31
// August"). Else dated's own date; a month or a year the deed began on a day inside of.
func onsetBefore(f *frame, dated *DateMention) model.Date {
	day := dated.Date
	if day.Precision != model.PrecisionDay {
		return onsetWithin(f, day)
	}
	onset := day
	before := true
	for _, si := range f.sentences {
		if si.holds(dated) {
			before = false
		}
		for i := range si.dates {
			d := &si.dates[i]
			if d.Date.Precision != model.PrecisionDay || !d.Date.Start.Before(onset.Start) || day.Start.Sub(d.Date.Start) > onsetSpan {
				continue
			}
			// "began on Sunday night": a weekday is too loose to move the day told.
			if first, last := tokenSpan(si.toks, d.Start, d.End); before && !d.Relative ||
				first >= 0 && onsetMarked(si.toks, first) && writtenOut(si.toks[first:last+1]) {
				onset = d.Date
			}
		}
	}
	return onset
}

// onsetWithin returns the first full day inside a coarser date that a sentence of the frame gives
// after a verb of beginning ("unrest in early May 2018 [...] It began on Tuesday afternoon
// (8/5)"), else the coarser date itself.
func onsetWithin(f *frame, coarse model.Date) model.Date {
	for _, si := range f.sentences {
		for i := range si.dates {
			d := &si.dates[i]
			if d.Date.Precision != model.PrecisionDay || d.Date.Start.Before(coarse.Start) || d.Date.Start.After(coarse.LastDay()) {
				continue
			}
			if first, _ := tokenSpan(si.toks, d.Start, d.End); first >= 0 && onsetMarked(si.toks, first) {
				return d.Date
			}
		}
	}
	return coarse
}

// yearOnlyRef reports a report with no publication date whose reference is a year its text gives.
func (a *analysis) yearOnlyRef() bool {
	return a.doc.Published == nil && a.ref.Precision == model.PrecisionYear
}

// writtenOut reports a date whose words give its day as a number ("14 March", "14/03/2025"),
// not as a weekday or a word of time ("Sunday", "yesterday").
func writtenOut(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return strings.ContainsAny(t.fold, "0123456789") })
}

// holds reports d as one of the sentence's own dates.
func (si *sentenceInfo) holds(d *DateMention) bool {
	for i := range si.dates {
		if &si.dates[i] == d {
			return true
		}
	}
	return false
}

// onsetSpan is how long before a deed's day an explicit date earlier in its frame may mark its
// start.
const onsetSpan = 7 * 24 * time.Hour

// perpetrators are the armed groups the frame names as doing the deed — before an attack or
// escape word, claiming responsibility, or after "by"/"blamed" — the most specific of each family.
func (a *analysis) perpetrators(f *frame, riot bool) []string {
	var names []string
	times := map[string]int{} // how often each name is a doer
	for _, si := range f.sentences {
		for _, m := range si.actors {
			// In a riot the groups named are the parties to it ("members of MS-13 and the 18th
			// Street gang"), whatever the grammar; so are those a sentence telling of a riot names
			// when the riot ended in a breakout.
			party := riot || si.is(riotCue) && !negated(si, riotCue) && !amongHeld(si, m)
			if m.Kind != "armed_group" || denied(si, m) || !party && !agent(a.text, si, m) {
				continue
			}
			if times[m.Name] == 0 {
				names = append(names, m.Name)
			}
			times[m.Name]++
		}
	}
	names = mainDoers(names, times, a.x.res.SameFamily)
	if len(names) == 0 {
		if g := a.groupReferredTo(f); g != "" {
			names = append(names, g)
		}
	}
	// Keep a parent only when no member of its family is named too; sister factions of one
	// coalition are each a doer.
	named := slices.Clone(names) // DeleteFunc compacts names as it goes
	return slices.DeleteFunc(names, func(n string) bool {
		return slices.ContainsFunc(named, func(o string) bool { return a.ancestor(n, o) })
	})
}

// ancestor reports whether the actor named n is a parent of o's, or a parent's parent, and so on.
func (a *analysis) ancestor(n, o string) bool {
	for range maxActorGenerations {
		if o = a.x.res.Parent(o); o == "" {
			return false
		}
		if o == n {
			return true
		}
	}
	return false
}

// maxActorGenerations bounds the walk up an actor's parents (the actor data has three levels) for a
// resource whose parents could loop.
const maxActorGenerations = 8

// strikers returns who struck a place from afar, as the frame's words of a blast or an air
// strike tell them: an actor named right before those words ("coalition aircraft struck") or
// after an agent word ("an air strike by forces of X"), else the country of a demonym right
// before them ("Ardovian air strikes"). State forces are doers here, as in no other deed.
func (a *analysis) strikers(f *frame) []string {
	var out []string
	add := func(name string) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, si := range f.sentences {
		for _, c := range si.cues {
			if c.category != attackCue || !strikeFromAfar(si, c) {
				continue
			}
			if name, ok := a.strikerOf(si, c); ok {
				add(name)
			}
		}
	}
	return out
}

// doersOfOtherDeed reports an attack word that is also the attackers' noun ("Assailants") in a
// sentence that tells their deed by another attack word or as a strike from afar: "Assailants
// shelled the prison", "Assailants fired mortar rounds into the prison" tell no assault.
func doersOfOtherDeed(si *sentenceInfo, c cueHit) bool {
	if !slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == attackersCue && o.first == c.first && o.last == c.last }) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == attackCue && o.first > c.last }) || struckFromAfar(si)
}

// attackersBefore reports attackers a few words before an attack word: "three suicide bombers
// attacked the prison", "armed rebels attacked the jail" came to the place.
func attackersBefore(si *sentenceInfo, c cueHit) bool {
	return slices.ContainsFunc(si.cues, func(o cueHit) bool {
		return (o.category == attackersCue || o.category == methodSuicideAttackCue) && o.last < c.first && c.first-o.last <= attackersBeforeReach
	})
}

// attackersBeforeReach is how many words before an attack word the attackers doing it may be named.
const attackersBeforeReach = 3

// struckFromAfar reports a sentence that tells of blasts or shells: an attack word of bombing, or
// shelling as its means. Grenades and rockets are an assault's arms as often.
func struckFromAfar(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == attackCue && strikeFromAfar(si, c) || c.category == methodMortarCue
	})
}

// strikeFromAfar reports an attack word that is a blast, a shelling, an air strike or shots at
// the place (bombing): no assault.
func strikeFromAfar(si *sentenceInfo, c cueHit) bool {
	return si.toks[c.last].is(bombingWords) || si.lex.phraseAt(bombingWords, si.toks, c.first) == c.last-c.first+1
}

// strikerOf returns the doer of one word of a strike from afar, if the words around it name one.
func (a *analysis) strikerOf(si *sentenceInfo, c cueHit) (string, bool) {
	for _, m := range si.actors {
		first, last := tokenSpan(si.toks, m.Start, m.End)
		if first < 0 || m.Kind != "armed_group" && m.Kind != "state_force" || amongHeld(si, m) {
			continue
		}
		if last < c.first && c.first-last <= strikerReach || // "coalition aircraft struck"
			first > c.last && first-c.last <= strikerReach && wordIn(agentPrepositionWords, si.toks, c.last+1, first) { // "an air strike by forces of X"
			return m.Name, true
		}
	}
	for k := c.first - 1; k >= 0 && k >= c.first-strikerReach; k-- {
		word := a.text[si.toks[k].start:si.toks[k].end]
		if before, _, hyphen := strings.Cut(word, "-"); hyphen {
			word = before // "Ardovian-led"
		}
		if !si.toks[k].upper {
			continue
		}
		if cc, ok := a.country(word); ok {
			if name, ok := a.x.res.CountryName(cc); ok {
				return name, true
			}
		}
	}
	return "", false
}

// strikerReach is how many words may stand between a strike's words and the name of who struck.
const strikerReach = 4

// doerReach is how many words may stand between the doers' name and their attack or escape word
// ("Taliban fighters, some disguised as police, stormed").
const doerReach = 8

// blameVerbReach is how many words may stand between a verb that names the doer and the group it
// names, in one clause ("attributed the prison raid to the").
const blameVerbReach = 6

// mainDoers keeps the families told as doers at least half as often as the most told one: in a
// long report of one group's attack, the defenders' occasional counter-attacks do not make them
// perpetrators too.
func mainDoers(names []string, times map[string]int, sameFamily func(a, b string) bool) []string {
	family := func(n string) int {
		total := 0
		for _, o := range names {
			if sameFamily(n, o) {
				total += times[o]
			}
		}
		return total
	}
	most := 0
	for _, n := range names {
		most = max(most, family(n))
	}
	var out []string
	for _, n := range names {
		if 2*family(n) >= most {
			out = append(out, n)
		}
	}
	return out
}

// groupReferredTo reads "The sect struck again at X prison" and "its fighters stormed the jail":
// an event sentence whose doers are a definite or possessive noun for an armed group or its
// fighters refers to the group the document named last before it (and did not say denied it).
func (a *analysis) groupReferredTo(f *frame) string {
	for _, si := range f.sentences {
		if !isEvent(si) || !doersReferBack(si) {
			continue
		}
		last := ""
		for _, prev := range a.sentences {
			if prev.start >= si.start {
				break
			}
			for _, m := range prev.actors {
				if m.Kind == "armed_group" && !denied(prev, m) && !beforeTitle(prev, m) {
					last = m.Name
				}
			}
		}
		if last != "" {
			return last
		}
	}
	return ""
}

// beforeTitle reports a group's name right before a title ("the group's leader", "Red Hand
// commander X"): it tells a person's affiliation, and the person is the one spoken of.
func beforeTitle(si *sentenceInfo, m ActorMatch) bool {
	_, last := tokenSpan(si.toks, m.Start, m.End)
	return last >= 0 && last+1 < len(si.toks) && si.toks[last+1].is(titleWords)
}

// doersReferBack reports a sentence that opens with "The sect" or with a bare noun for armed men
// ("Militants burnt [...] and freed"), or whose attack or escape word follows a definite or
// possessive noun for armed men ("the militants stormed", "its fighters freed"): words that point
// back to a group named before. A crowd ("the youths") is no group.
func doersReferBack(si *sentenceInfo) bool {
	toks := si.toks
	if len(toks) >= 3 && toks[0].is(definiteArticleWords) && toks[1].is(groupNounWords) {
		return true
	}
	if k := si.openingEnd; k < len(toks) && toks[k].upper && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == attackersCue && c.first == k
	}) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return (c.category == attackCue || c.category == escapeCue) && c.first > k
	}) {
		return true // "Militants burnt the town hall [...] and freed inmates": the subject of every verb, after the group was named
	}
	for k := 1; k < len(toks); k++ {
		if !toks[k-1].is(definiteArticleWords) && !toks[k-1].is(possessiveDeterminerWords) ||
			toks[k].is(crowdWords) {
			continue
		}
		noun := k
		if !toks[k].is(groupNounWords) {
			noun = -1
			for _, c := range si.cues {
				if c.category == attackersCue && c.first == k {
					noun = c.last
				}
			}
		}
		if noun < 0 {
			continue
		}
		for _, v := range si.cues {
			if (v.category == attackCue || v.category == escapeCue) && v.first > noun && v.first-noun <= doerReach {
				return true
			}
		}
	}
	return false
}

// amongHeld reports an actor named as part of the people held ("250 inmates including 40
// militants escaped"): the escapees' affiliation, no doer.
func amongHeld(si *sentenceInfo, m ActorMatch) bool {
	first, _ := tokenSpan(si.toks, m.Start, m.End)
	return first >= 0 && subsetMarkerBetween(si, max(0, first-subsetMarkerReach), first)
}

// heldGroup reports an actor (tokens first to last) named as the people a place holds: right
// before a passive verb of holding ("where members of X are held") or after a verb of holding in
// its clause, no deed word between ("a jail holding X militants", "يحتجز فيه عناصر تابعة لداعش"):
// the affiliation of those held, no doer.
func heldGroup(text string, si *sentenceInfo, first, last int) bool {
	for _, c := range si.cues {
		if c.category != heldCue {
			continue
		}
		if c.first > last && c.first-last <= heldGroupAfterReach && si.toks[c.first-1].is(auxiliaryWords) &&
			clauseBreak(text, si.toks[last].end, si.toks[c.first].start) == 0 {
			return true
		}
		if c.last < first && first-c.last <= heldGroupBeforeReach && clauseBreak(text, si.toks[c.last].end, si.toks[first].start) == 0 &&
			!slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category.isDeed() && o.first > c.last && o.first < first }) {
			return true
		}
	}
	return false
}

// heldGroupAfterReach and heldGroupBeforeReach are how far from a verb of holding the group of
// the people held may be named: its subject ("members of X are held") or after it, past the
// nouns of its people ("holding some 300 fighters of X").
const (
	heldGroupAfterReach  = 3
	heldGroupBeforeReach = 8
)

// agent reports an actor the sentence presents as the doer of an attack or escape.
func agent(text string, si *sentenceInfo, m ActorMatch) bool {
	first, last := tokenSpan(si.toks, m.Start, m.End)
	if first < 0 || amongHeld(si, m) || heldGroup(text, si, first, last) {
		return false
	}
	if a, ok := affiliatedArmedMen(text, si, first); ok && doerAt(text, si, a.first, a.last) {
		return true // "an assault by gunmen loyal to the group": the gunmen's deed is the group's
	}
	if attackersIdentified(text, si, first) && !denied(si, m) {
		return true // "the raiders were thought to be dissident fighters of X", "the raiders, most of them X fighters,"
	}
	if opensSentence(si, first) && (si.is(attackCue) || si.is(escapeCue)) && !si.is(thwartedCue) && !si.is(resistedCue) && !denied(si, m) {
		return true // "On 6 August, Red Hand militiamen entered the town and broke into its prison": the subject of every verb
	}
	return doerAt(text, si, first, last)
}

// attackersIdentified reports a group's name (token first) that says who the attackers were: after
// the noun of attackers and a copula ("the raiders were thought to be fighters of X") or a comma
// that opens an aside ("the attackers, mainly X members,"), with lower-case words between, no
// negation and no other cue.
func attackersIdentified(text string, si *sentenceInfo, first int) bool {
	for _, c := range si.cues {
		if c.category != attackersCue || c.last >= first || first-c.last > identityReach {
			continue
		}
		gap := text[si.toks[c.last].end:si.toks[first].start]
		aside := strings.HasPrefix(strings.TrimSpace(gap), ",")
		if containsAny(strings.TrimPrefix(strings.TrimSpace(gap), ","), clauseMarks+"()") || wordIn(negationWords, si.toks, c.last+1, first) ||
			!aside && !wordIn(copulaWords, si.toks, c.last+1, first) {
			continue
		}
		between := false
		for j := c.last + 1; j < first; j++ {
			between = between || si.toks[j].upper || slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.first == j && o.category != attackersCue })
		}
		if !between {
			return true
		}
	}
	return false
}

// identityReach is how many words may part the attackers' noun from the group a copula says they
// were ("were thought to be dissident fighters of the").
const identityReach = 9

// opensSentence reports a name that opens its sentence, after at most a date, an article and
// the armed men it names ("On 23 March 2020, insurgents of the group occupied the town"): the
// subject of the sentence's verbs, however far they stand from it.
func opensSentence(si *sentenceInfo, first int) bool {
	for k := si.openingEnd; k < first; k++ {
		if t := si.toks[k]; !t.is(definiteArticleWords) && !t.is(partitiveWords) && !cueAt(si, attackersCue, k) {
			return false
		}
	}
	return true
}

// openingAdverbialEnd returns the token after a date that opens the sentence, kept as
// sentenceInfo.openingEnd: after at most one word ("On 6 August 2023,"), or within the first few
// words when a comma closes it and no cue stands before it, since those words say when too ("At
// dawn on 14 March,", "Late on Sunday,"), not who. text is the sentence's, its byte offsets from
// si.start. Else 0.
func openingAdverbialEnd(text string, si *sentenceInfo) int {
	for _, d := range si.dates {
		first, last := tokenSpan(si.toks, d.Start, d.End)
		switch {
		case first < 0:
			continue
		case first <= 1:
			return last + 1
		case first > openingAdverbialWords:
			return 0
		case !strings.HasPrefix(text[d.End-si.start:], ","):
			continue
		case slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first < first }):
			return 0
		}
		return last + 1
	}
	return 0
}

// openingAdverbialWords is how many words of time may stand before the date of an opening
// adverbial ("Before dawn on").
const openingAdverbialWords = 3

// cueAt reports a cue of the category covering token k.
func cueAt(si *sentenceInfo, category cueCat, k int) bool {
	for _, c := range si.cues {
		if c.category == category && c.first <= k && k <= c.last {
			return true
		}
	}
	return false
}

// affiliationReach is how many words may stand between armed men and the group they belong to
// ("gunmen loyal to the", "fighters belonging to").
const affiliationReach = 4

// affiliatedArmedMen finds a noun for armed men a few words before a group's name (token first),
// with no other cue and no clause mark between: "gunmen loyal to the group", "militants of the
// group" name the men by the group they belong to.
func affiliatedArmedMen(text string, si *sentenceInfo, first int) (cueHit, bool) {
	for _, c := range si.cues {
		if c.category != attackersCue || c.last >= first || first-c.last > affiliationReach ||
			containsAny(text[si.toks[c.last].end:si.toks[first].start], clauseMarks+":()") {
			continue
		}
		between := false
		for _, o := range si.cues {
			between = between || o.first > c.last && o.first < first
		}
		if !between {
			return c, true
		}
	}
	return cueHit{}, false
}

// doerAt reports the words first..last as the doer of the sentence's attack or escape: right
// before its word, claiming responsibility, or after "by"/"blamed".
func doerAt(text string, si *sentenceInfo, first, last int) bool {
	for _, c := range si.cues {
		switch c.category {
		case attackCue, escapeCue, riotCue: // not thwartedCue: who foils an attack defends
			if c.first > last && c.first-last <= doerReach {
				return true
			}
		case claimCue:
			if c.first > last && c.first-last <= 6 && claimsResponsibility(si.toks, c.last) {
				return true
			}
		case killedCue: // "Red Hand fighters killed two warders", not "its gunmen were killed" nor "run by X, killing"
			if c.first > last && c.first-last <= 2 && !si.toks[c.first-1].is(beforeVerbWords) &&
				!containsAny(text[si.toks[last].end:si.toks[c.first].start], clauseMarks) {
				return true
			}
		}
		// "Taliban fighters detonated a truck bomb ... and stormed the jail": the means of an
		// attack the sentence tells, used right after the group's name.
		if c.category.isMethod() && c.first > last && c.first-last <= 2 &&
			(si.is(attackCue) || si.is(escapeCue)) && !si.toks[c.first-1].is(beforeVerbWords) {
			return true
		}
	}
	for k := max(0, first-blameVerbReach); k < first; k++ {
		if si.toks[k].is(blameVerbWords) && !containsAny(text[si.toks[k].end:si.toks[first].start], clauseMarks) {
			return true // "officials attributed the deadly raid to the group", "the minister blamed the group"
		}
	}
	for k := last + 1; k < len(si.toks) && k <= last+2; k++ {
		if si.toks[k].is(blamedAfterWords) && wordIn(beforeVerbWords, si.toks, last+1, k) {
			return true // "the X militia was suspected", "X was blamed"
		}
	}
	for k := max(0, first-agentPhraseWords); k < first; k++ {
		if si.toks[k].is(blameWordWords) && (k >= first-2 || groupMembersBetween(text, si, k, first)) {
			if k > 0 && si.toks[k-1].is(operateVerbWords) {
				return false // "the prison, run by the group": who holds it, not who struck it
			}
			if si.is(attackCue) || si.is(escapeCue) {
				return true
			}
			// "the operation, led by Jabhat al-Nusra"
			if k > 0 && si.toks[k-1].is(leadVerbWords) {
				return true
			}
		}
	}
	return false
}

// groupMembersBetween reports only a phrase of its members between an agent word at token k and
// a group's name at token first: "prise d'assaut par des combattants de la milice X", "stormed by
// fighters of the X". Lower-case words with no clause mark and no cue but armed men's own.
func groupMembersBetween(text string, si *sentenceInfo, k, first int) bool {
	if containsAny(text[si.toks[k].end:si.toks[first].start], clauseMarks+"()") {
		return false
	}
	for j := k + 1; j < first; j++ {
		if si.toks[j].upper {
			return false
		}
	}
	return !slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first > k && c.first < first && c.category != attackersCue })
}

// agentPhraseWords is how many words before a group's name its agent word may stand when a phrase
// of its members comes between ("by members of the movement of").
const agentPhraseWords = 7

// claimsResponsibility reports "claimed responsibility/credit/the attack" after a claim word.
func claimsResponsibility(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].is(responsibilityWordWords) {
			return true
		}
	}
	return toks[i].is(responsibilityVerbWords) // "revendique": the verb says it all
}

// denied reports an actor the sentence says denied involvement: a verb of denial within a few
// words after its name ("IPOB, which denied any role").
func denied(si *sentenceInfo, m ActorMatch) bool {
	_, last := tokenSpan(si.toks, m.Start, m.End)
	return last >= 0 && wordIn(denyWords, si.toks, last+1, last+denyReach+1)
}

// denyReach is how many words after a group's name its denial may come ("the group's
// spokesman later denied").
const denyReach = 10

// methods are the attack methods the frame's sentences name.
func (a *analysis) methods(f *frame) []string {
	seen := map[string]bool{}
	for _, si := range f.sentences {
		for _, c := range si.cues {
			if c.category.isMethod() {
				seen[c.category.member()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for m := range seen {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// evidence lists the spans the mention's fields were read from, in rune offsets.
func (a *analysis) evidence(f *frame) []model.Span {
	var out []model.Span
	add := func(kind string, s, e int, value string) {
		out = append(out, model.Span{Kind: kind, Start: a.offsets.at(s), End: a.offsets.at(e), Text: a.text[s:e], Value: value})
	}
	for _, si := range f.sentences {
		for _, d := range si.dates {
			add("date", d.Start, d.End, d.Date.Start.Format(model.DateLayout))
		}
		for _, p := range si.places {
			add("place", p.start, p.end, p.place.Name)
		}
		for _, h := range si.facilities {
			add("facility", h.start, h.end, h.name)
		}
		for _, m := range si.actors {
			add("actor", m.Start, m.End, m.Name)
		}
	}
	return out
}
