package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// metricCategories are the cue categories that say what a figure counts.
var metricCategories = []model.Metric{model.Escaped, model.Recaptured, model.Killed, model.Wounded, model.Held, model.Attackers}

// maxCueDistance is how many words may stand between a figure and the cue that gives its meaning.
const maxCueDistance = 12

// metricAfter is the metric of the first metric cue within a few words after token k, but for
// the metric passed over ("all 40 inmates kept in the jail got away": past the participle that says
// who they are, to what befell them), a part named by a subset marker passed over too ("all 1,500
// inmates including 120 on death row were set free").
func metricAfter(si *sentenceInfo, k int, passedOver model.Metric) (model.Metric, bool) {
	reach := metricAfterReach
	for j := k + 1; j <= k+metricAfterReach && j < len(si.toks); j++ {
		if si.lex.phraseAt(subsetMarkerWords, si.toks, j) > 0 {
			reach += subsetAsideReach
			break
		}
	}
	for _, c := range si.cues {
		if m := c.category.metric(); isMetric(m) && m != passedOver && c.first > k && c.first <= k+reach {
			return m, true
		}
	}
	return "", false
}

// metricAfterReach is how far after a whole its verb may stand ("all 40 inmates kept in the jail
// got away"); subsetAsideReach how many words more a part named inside it may take ("including
// 120 condemned criminals").
const (
	metricAfterReach = 4
	subsetAsideReach = 4
)

// builtFor reports a capacity word up to capacityReach words before the figure at token first, in
// its clause ("a capacity of 620", "изоляторе, рассчитанном на 250 мест").
func builtFor(text string, si *sentenceInfo, first int) bool {
	reach := capacityReach
	if first > 0 && si.toks[first-1].is(capacityForWords) {
		reach = capacityForReach // "Construite à l'époque coloniale pour 1 500 détenus"
	}
	for k := max(0, first-reach); k < first; k++ {
		if si.toks[k].is(capacityWords) && clauseBreak(text, si.toks[k].end, si.toks[first].start) == 0 {
			return true
		}
	}
	return false
}

// capacityForReach is how far before a figure a capacity word may stand when the preposition of
// its purpose ("for", "pour", "para") comes right before the figure.
const capacityForReach = 8

// metricOf picks the metric cue nearest to the figure in words; a cue after the figure wins ties
// ("39 gunmen were killed"). A figure whose own noun names attackers counts the assault force
// unless a casualty cue is close.
func metricOf(text string, si *sentenceInfo, q Quantity) (model.Metric, bool) {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 0 {
		return "", false
	}
	if total, ok := brokenDownTotal(text, si, q); ok {
		return metricOf(text, si, total) // "14 dead (10 guards and four inmates)": the parts count what the total counts
	}
	// A cue must lie within maxCueDistance words, a comma between counting as three; among those,
	// a conjunction between a cue and the figure after it ranks the cue lower.
	best, bestRank, bestDist := model.Metric(""), 1<<30, 0
	bestCue, bestFirst, bestLast := noCue, -1, -1
	var attackerNoun, bestBefore, bestComma, bestPart, attemptAfter bool
	if builtFor(text, si, first) {
		return "", false // "built for 620 but held 1,150": a capacity counts nobody
	}
	if deniedVerb(text, si, last) {
		return "", false // "one detainee did not escape with them": told as not befalling the figure's people
	}
	if spokenBy(si, first) {
		return "", false // "according to the nine, wardens killed the inmates": the nine speak, nothing befell them
	}
	if arrestedObject(text, si, first, last) {
		return "", false // "killing one gunman and arresting four": the four were arrested, no one else's count
	}
	if groupOfNone(si, first) {
		return "", false // "none of the twelve officers was killed": the twelve are whom the zero counts among
	}
	if deadAndWounded(text, si, first, last) {
		return "", false // "put the dead and wounded at 500 to 700": neither count
	}
	if m, ok := risenCount(text, si, first); ok {
		return m, true // "O número de mortos passou de 21 para 22 entre os feridos"
	}
	if whole, inmates := wholeOutOf(text, si, first); whole && !relativeAfterNoun(si, last) {
		if m, _, ok := participleOnWhole(text, si, last); ok {
			return m, true // "18 out of 22 prisoners killed in the unrest were awaiting trial": 22 were killed
		}
		if inmates || isInmateNoun(si, last) {
			return model.Held, true // "410 out of 450 prisoners escaped", "410 prisonniers sur 450": 450 were held
		}
		return "", false // "12 out of 20 attackers were killed": the 20 are no more than the group
	}
	if frontedWhole(text, si, q, first) && isInmateNoun(si, last) {
		return model.Held, true // "Sur 612 pensionnaires comptés, 150 sont introuvables": out of the 612 held
	}
	if crowdSize(si, first) {
		return model.Attackers, true // "a crowd of about 300 stormed the lock-up": the size of the assault force
	}
	if allHeldNumbering(si, first) {
		return model.Held, true // "moved all the prisoners, numbering about 350, to other jails": 350 were held
	}
	if wholePopulation(si, first, last) {
		if wholeBefore(si, first) {
			if m, ok := metricAfter(si, last+1, model.Held); ok && (m == model.Escaped || m == model.Killed) {
				return m, true // "all 90 inmates were freed": what befell all of them
			}
			for _, m := range []model.Metric{model.Killed, model.Escaped} {
				if metricRightBefore(si, first-1, m) {
					return m, true // "killing all 33 detainees"
				}
			}
		}
		if m, ok := nounOfWhole(si, first); ok {
			return m, true // "the deaths of the four prisoners": what befell them all
		}
		return model.Held, true
	}
	if with := comitativeBefore(si, first); with >= 0 {
		if _, ok := escapeBeforeWith(si, with); ok {
			return model.Escaped, true // "X fugiu da cadeia de Y na terça-feira junto com outros 12 presos": they escaped with X
		}
	}
	if escapeesWhole(si, first, last) {
		return model.Escaped, true // "and of the 30 fugitives, six are back in custody": the noun says what befell the whole
	}
	ofPhraseEnd := last
	if first < 1 || !si.toks[first-1].is(definiteArticleWords) && !partitiveToken(&si.toks[first-1]) {
		ofPhraseEnd = groupPhraseEnd(text, si, last) // not "Of the 879 who escaped": that clause says what they did
	}
	if end := partOfWholeEnd(text, si, last); end > ofPhraseEnd {
		ofPhraseEnd = end // "410 prisonniers sur 450 que comptait la prison se sont évadés": the verb comes after the whole
		if _, end, ok := participleOnWhole(text, si, end); ok {
			ofPhraseEnd = end // "18 out of 22 prisoners killed in the unrest were awaiting trial": the part's verb is what they were
		}
	}
	if end := heldAtPhraseEnd(text, si, last); end > ofPhraseEnd {
		ofPhraseEnd = end // "une trentaine de reclus du centre pénitentiaire de X, en Y, ont fui": where they were held, then their verb
	}
	if ofPhraseEnd > last && deniedVerb(text, si, ofPhraseEnd) {
		return "", false // "sepuluh dari 40 napi yang kabur itu belum ditangkap": the verb after the whole is denied
	}
	for _, c := range si.cues {
		metric := c.category.metric()
		if c.category == escapedCue && c.first == last+1 && isInmateWord(si, c.last+1) && befallenBefore(si, first) {
			continue // "shot dead nine escaped inmates": the participle says who they were, the verb before what befell them
		}
		if c.first > last && metric != "" && relativeBetween(si, last+1, c.first) && verbOfClauseBefore(text, si, first) {
			continue // "recapturaron a 57 reos que escaparon por el muro": the clause says who they were, the verb before what befell them
		}
		if c.category == arrestedCue && c.first == last+2 && si.toks[last+1].is(peopleNounWords) && metricRightBefore(si, first, model.Escaped) {
			continue // "soltaron a siete varones detenidos": the participle after the noun says who they were, the verb before what befell them
		}
		if c.category == arrestedCue {
			if !arrestOfEscapees(si, last) {
				continue // "58 people were arrested for rioting": an arrest, not a recapture
			}
			metric = model.Recaptured
		}
		if !isMetric(metric) && (c.category != stayedCue || insideMetricCue(si, c)) {
			continue
		}
		if metric == model.Killed && punishmentPhrase(si, c) {
			continue // "sentenced 12 men to death": a punishment, nobody died
		}
		if attempted(si.toks, c.first) || metric == model.Escaped && escapeAttempt(si.toks, c) {
			if c.first > last && c.first-last <= attemptReach && metric == model.Escaped {
				attemptAfter = true // "more than 1,000 tried to escape": none of the metrics
			}
			continue // "tried to escape and were recaptured"
		}
		if c.first > last && negationBetween(text, si, ofPhraseEnd, c.first) {
			continue // "altri 12 non sono fuggiti con loro": the figure's verb is denied
		}
		if c.first > last && ownDeedVerbAfter(text, si, last, c) {
			continue // "700 inmates riot in the jail, death toll climbs to 5": the figure's verb is the riot, the toll another clause's
		}
		if c.first > last && ownVerbBeforeFigure(text, si, last, c.first) {
			continue // "Three were found, one was shot dead": the three's verb came before the one
		}
		if c.first > last && countsOther(text, si, q, c) {
			continue // "300 évadés, 2 morts et 7 blessés": "morts" is the 2's noun
		}
		if c.first > last && c.first-last <= 1+conjunctNounWords && si.lex.conjoined(si.toks[c.first].fold) && figureWithin(si, c.last, conjunctFigureReach) {
			continue // "مقتل نزيلين وإصابة ضابطين", "قتل 3 مسلحين وأصيب 4": the word after the conjunction opens the next count
		}
		if c.last < first && countedBefore(text, si, q, c) {
			continue // "9 morts et 412 évadés": "morts" is the 9's noun
		}
		if c.first > last+1 && si.toks[last+1].is(escapeeNounWords) && containsAny(text[si.toks[last+1].end:si.toks[c.first].start], clauseMarks) {
			continue // "300 évadés, mais 35 ont été récupérés": the noun says what befell the 300, the next clause another figure's
		}
		if c.first > last && inRelativeAside(text, si, first, last, c) {
			continue // "le directeur, qui gardait 200 détenus, a été tué": the verb after the clause is its antecedent's
		}
		if inAside(text, si, first, last, c) {
			continue // "12 people (who were incarcerated in the jail) were killed": the aside's verb tells of them, not of the figure
		}
		if c.first > last && anotherNounsClause(text, si, q, ofPhraseEnd, c.first) {
			continue // "a fight between two prisoners in the pavilion, which houses 2,000 men": the pavilion houses them
		}
		if metric == model.Held && c.first > last && laterVerbOfClause(text, si, c) {
			continue // "ten prisoners held on charges of X were beaten to death": the participle says who they are
		}
		if c.category == arrestedCue && c.first > last && auxiliariesBetween(si.toks, last+1, c.first) == 0 && laterVerbOfClause(text, si, c) {
			continue // "11 militia leaders arrested in a raid escaped": who they were, not a recapture
		}
		if metric == model.Held && c.first > last && verbBeforeFigure(text, si, first) {
			continue // "released a total of 1,800 inmates in custody": the verb before says what befell them
		}
		if (metric == model.Killed || metric == model.Wounded) && c.first > last && objectOfDeed(si, c) {
			continue // "6 inmates killed a warden and fled": the six killed one, the verb after tells their own fate
		}
		if (metric == model.Killed || metric == model.Wounded) && c.first > last && dealtBy(si, last, c) {
			continue // "deux détenus ont infligé des blessures à trois gardiens": the figure dealt the wounds
		}
		if (metric == model.Escaped || metric == model.Recaptured || metric == model.Held) && c.first > last && countsSecurity(text, si, last) {
			continue // "one of the guards chased the fleeing men": no one held is counted
		}
		if metric == model.Held && wordIn(cellWords, si.toks, c.first-cellHoldingReach, c.first) {
			continue // "a cell that held twelve men": a cell's people, not the place's
		}
		if c.category == arrestedCue && wordIn(cumulativeWords, si.toks, c.last+1, c.last+1+arrestSinceReach) {
			continue // "four prisoners arrested since 2015": how long they have been held, no recapture
		}
		if metric == model.Held && c.first > last && chargeAfter(text, si, c.last) {
			continue // "two held over burglary": the charge they are held on, no count of the place's people
		}
		if metric == model.Held && c.first > last && c.first > 0 && si.toks[c.first-1].is(perfectAuxiliaryWords) {
			continue // "the three men had held a group of employees": the holders, not the people held
		}
		if c.last < first && timePhraseBefore(text, si.toks, c, q) {
			continue // "Depois da fuga, dois homens morreram": the escape says since when, not what befell the two
		}
		var dist, rank int
		commaBefore := false
		switch {
		case c.first > last && c.first <= ofPhraseEnd && !relativeFate(text, si, last, ofPhraseEnd, c) && !(metric == model.Attackers && c.first == last+1):
			continue // but "about 50 attackers, who wore black, tried...": the figure's own noun says whom it counts
		case c.first > last && countedObjectAfter(text, si, c):
			continue // "liberaron a siete internos y mataron a tres guardias": the verb's own object follows it
		case c.first > last && partBetween(text, si, last, c.first):
			continue // "there were 310 inmates and 96 of them escaped": the verb is the part's
		case c.first > last && othersBetween(si, last, c.first):
			continue // "killed, including two guards, and 40 others were wounded": the verb is the others'
		case c.first > last:
			dist = c.first - ofPhraseEnd + clauseBreak(text, si.toks[last].end, si.toks[c.first].start)
			if k := max(appositiveEnd(text, si, last, c.first), dashAsideEnd(text, si, last, c.first), subsetAsideEnd(text, si, last, c.first)); k > 0 {
				// "75 reclusos, en su mayoría miembros del X, se fugaron": the aside describes them,
				// however short, and stands between the figure and its verb ("40 fighters, mostly
				// from the X, escaped" counts escapees, not attackers)
				dist = min(dist, c.first-k+appositiveWeight)
			}
			if open, k := partAside(text, si, last, c.first); k > 0 {
				// "29 prisoners, 24 of them members of the X, and three guards died": read without
				// the aside on the figure's own people, the figure is one subject of the verb
				dist = min(dist, open-ofPhraseEnd+1+c.first-k+clauseBreak(text, si.toks[k].start, si.toks[c.first].start))
			}
			rank = dist - auxiliariesBetween(si.toks, ofPhraseEnd+1, c.first) // "deux agents ont été blessés": one verb
		case c.last < first && subjectOfNextClause(text, si, first, last, c):
			continue // "two guards died and nine guards and three inmates were wounded": the nine's verb comes after
		case c.last < first && gappedFate(text, si, first, last, c):
			continue // "four inmates were shot dead, 30 warders and two firemen hurt": the 30's verb, left out, is after them
		case c.last < first && elidedNewGroup(si, first, last):
			continue // "dejó 9 muertos y seis más, heridos de bala": the six are a new group, the word after tells their fate
		case c.last < first && topicAfter(si, last):
			continue // "7 kişi hayatını kaybetti, 29 mahkum ise firar etti": the topic's own verb follows
		case c.last < first && ownClauseAfter(text, si, c.last, first, last):
			continue // "a warder was wounded when five convicts serving life broke out": the figure is the subject of its own clause
		case c.last < first && copularClause(text, si, last):
			continue // "Of those who broke out, 20 were foreigners": what the 20 were, not what befell them
		case c.last < first && ownFateAfter(text, si, last):
			continue // "two were killed and 40 visitors kidnapped": the 40's own verb says what befell them
		case c.last < first && objectInRelative(text, si, c, first):
			continue // "after the crash that killed their companions, 14 others gave themselves up": the clause's verb has its own object
		case c.last < first && relativeBetween(si, c.last+2, first):
			continue // "killed six inmates who had taken two guards hostage": the figure is the clause's, not the verb's
		case c.last < first:
			brk := clauseBreak(text, si.toks[c.last].end, si.toks[first].start)
			dist = first - c.last + brk
			rank = dist + conjunctionBreak(si.toks[c.last+1:first])
			commaBefore = brk > 0
		default:
			continue // the cue is inside the figure's own words
		}
		if dist > maxCueDistance && !subjectsVerb(text, si, first, last, c) && !markedObjectOf(si, q, first, c) {
			continue
		}
		if zeroCount(q) && rank > zeroCueReach {
			continue // "nobody asked questions, one of the freed men recalled": no one is no count of what the clause does not say
		}
		partOfEscapees := false
		if c.first > last && nounAfter(si, last, c.first) && si.toks[c.first].is(escapeeNounWords) {
			rank = maxCueDistance // "12 escapees were recaptured", "12 de los evadidos": the noun says who, a verb what befell them
			partOfEscapees = takenFromGroup(si, last)
		}
		if escapeeParticiple(si, last, c) {
			rank, partOfEscapees = maxSubjectVerbDistance+1, true // "seis de los presos fugados": the participle says who they are, any verb after it what befell them
		}
		if metric == model.Attackers {
			// "150 fighters", "the assault team consisted of 100 men"
			if c.first > last && c.first-last-actorWordsBetween(si, last+1, c.first) <= 4 && si.lex.phraseAt(heldInWords, si.toks, c.last+1) == 0 &&
				!subsetMarkerBetween(si, last+1, c.first) && !isInmateNoun(si, last) && !sideBetween(si, last+1, c.first) && !wordIn(relativePronounWords, si.toks, last+1, c.first) ||
				c.last < first && first-c.last <= 4 && !si.toks[c.last].is(escapeeNounWords) && !deedBetween(si, si.toks[c.last].end, si.toks[first].start) {
				// not "dozens of militants lodged in the jail", nor "11 inmates, including jihadists", nor "two guards and seven attackers";
				// nor "six barracks where insurgents were kept", nor "fighters attacked six positions": the figure counts the verb's object
				attackerNoun = true
			}
			continue
		}
		// On a tie the cue after wins, but for a participle of holding: "freed the 144 detainees
		// held there" says who they are.
		if rank < bestRank || rank == bestRank && c.first > last && metric != model.Held {
			best, bestCue, bestRank, bestDist, bestBefore, bestComma, bestPart = metric, c.category, rank, dist, c.last < first, commaBefore, partOfEscapees
			bestFirst, bestLast = c.first, c.last
		}
	}
	if best != "" && best != model.Held && !bestBefore && wordIn(clauseConjunctionWords, si.toks, last+1, bestFirst) &&
		slices.ContainsFunc(si.quantities, func(o Quantity) bool { return o.Start > q.End && o.Start < si.toks[bestFirst].start }) && populationCount(si, first, last) {
		return model.Held, true // "hay 300 internos en el penal y, de los 20 evadidos, ya detuvieron a cinco": the verb is the next clause's
	}
	if best == model.Escaped && bestPart {
		return "", false // "40 of the escapees are foreigners": a part of them, with nothing befalling it
	}
	// "150 fighters stormed..." counts attackers; "39 gunmen ... were killed", "300 jihadists had
	// escaped" and "holds 3,500 jihadists" do not.
	if bestCue == stayedCue {
		return "", false // "only about 100 remained"
	}
	if attemptAfter && bestBefore {
		return "", false // "of 1,700 held there, more than 1,000 tried to escape"
	}
	if best == "" && countPutAt(text, si, first, escapeeNounWords) {
		return model.Escaped, true // "put the number of escapees at about 500", "bringing the number of escapers to four"
	}
	if best == "" && first > 0 && si.toks[first-1].is(tollPrepositionWords) && tollUpdate(si) && !tollOfOthers(si, first) {
		return model.Killed, true // "the death toll from the attack on the prison in X rose to 29"
	}
	if best == "" && countPutAt(text, si, first, deathTollWords) {
		return model.Killed, true // "a rights group later put the toll at 67"
	}
	if best == "" {
		if m, ok := countOfMetric(text, si, first); ok {
			return m, true // "le nombre de détenus évadés [...] dépasse les 4 000"
		}
	}
	if bestBefore && bestComma && partOfThem(si, q) {
		return "", false // "freed 300, two of them known by name": a part, not a second count
	}
	if (best == model.Escaped || best == model.Recaptured || best == model.Held) && securityNoun(text, si, last) {
		return "", false // "at the time of the escape, with only four guards on duty"
	}
	if best == model.Recaptured && bestLast >= 0 && si.toks[bestLast].is(plainCaptureWords) && !si.is(escapeCue) && !si.is(escapedCue) &&
		(attackerNoun || si.is(attackCue) && !isInmateNoun(si, last) && !wordIn(escapeeNounWords, si.toks, 0, len(si.toks))) {
		// "five attackers were captured", "gunmen fired on a patrol in a chase after which four men
		// were captured": caught in or after the fight, not escapees caught again ("recaptured 40
		// fighters" were)
		return "", false
	}
	casualty := best == model.Killed || best == model.Wounded
	verbDist := bestDist // the words between a figure and its verb after it, its auxiliaries aside ("venaient de s'évader")
	if bestFirst > last {
		verbDist -= auxiliariesBetween(si.toks, last+1, bestFirst)
	}
	if attackerNoun && !casualty && (best == "" || verbDist > attackerVerbReach || best == model.Held && !bestBefore) {
		return model.Attackers, true
	}
	// "400 men raided the prison and freed 40 prisoners": the subject of the raid is the force, the
	// escape word after it has its own figure.
	raiders := best == model.Escaped && !bestBefore && !si.lex.hasWord(escapeeNounWords, q.Noun) && !isInmateNoun(si, last)
	if best == "" && (facilityHad(si, first, last) || populationCount(si, first, last)) {
		return model.Held, true // "the jail had 412 prisoners", "there are 940 inmates in the prison"
	}
	if (best == model.Killed || best == model.Wounded) && agentOfKilling(text, si, q, first) {
		return model.Attackers, true // "was shot dead by two men on a motorcycle"
	}
	if best != model.Killed && best != model.Wounded && agentOfAttack(text, si, q, first) {
		return model.Attackers, true // "attacked by five men on motorbikes, and an inmate escaped"
	}
	if best == "" && agentOfEscape(si, q, first) {
		return model.Escaped, true // "the jailbreak was by 17 inmates"
	}
	if attackerNoun && casualty && !bestBefore && participleWithObject(text, si, bestFirst, bestLast) {
		return model.Attackers, true // "about 100 gunmen seized the prison, killing two guards": they killed, the guards died
	}
	if (best == "" || attackerNoun && best == model.Killed || raiders) && subjectOfAttack(text, si, q, last) {
		return model.Attackers, true // "About 200 young men stormed...", "two armed militants fired upon and killed..."
	}
	if best == "" && ofPhraseEnd > last {
		if m, ok := relativeClauseMetric(si, last, ofPhraseEnd); ok {
			return m, true // "troops hunted for 25 inmates who fled": nothing else befell them
		}
	}
	if best == "" && isInmateNoun(si, last) {
		if m, ok := lastPredicate(text, si, q, first, last); ok || !si.lex.hasWord(escapeeNounWords, q.Noun) {
			return m, ok
		}
		return model.Escaped, true // "the bureau's count was 107 escapees": the noun says what befell them
	}
	if best == model.Escaped && !bestBefore && attackersCounted(si, q, last) {
		return "", false // "One attacker escaped": the raiders got away, nobody held did
	}
	return best, best != ""
}

// appositiveEnd returns the first token after an aside set off by two commas right after a
// figure (ending at token last) and its noun, when the cue at token cue follows it within
// appositiveVerbReach words: "75 inmates, mostly members of the X gang, escaped". It returns 0
// for anything else, such as a list ("five inmates, two guards, and a cook were killed").
func appositiveEnd(text string, si *sentenceInfo, last, cue int) int {
	if strings.ContainsAny(text[si.toks[last].end:si.toks[cue].start], ";:.!?") {
		return 0
	}
	open := nounPhraseComma(text, si, last, cue)
	if open < 0 {
		return 0
	}
	k := cue
	for k > open+1 && !strings.Contains(text[si.toks[k-1].end:si.toks[k].start], ",") {
		k--
	}
	if k <= open+2 || cue-k > appositiveVerbReach || wordIn(conjunctionWords, si.toks, k, cue) ||
		slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start >= si.toks[k].start && q.Start < si.toks[cue].start }) {
		return 0 // "14 were killed, 10 of them guards, 13 were wounded": the verb after is another figure's
	}
	if slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.first > open && o.first < k && o.category.metric() != "" }) {
		return 0 // "60 inmates, most of them on remand, broke out [...], hurting two": the figure's verb came before
	}
	return k
}

// partAside returns the last token of a figure's noun phrase (the figure ending at token last) and
// the first token after an aside set off by commas right after it that opens on a part of them
// ("29 prisoners, 24 of them members of the X, and..."), before the cue at token cue; 0, 0 for
// anything else.
func partAside(text string, si *sentenceInfo, last, cue int) (int, int) {
	open := nounPhraseComma(text, si, last, cue)
	if open < 0 || open+1 >= cue || containsAny(text[si.toks[last].end:si.toks[cue].start], ";:.!?") {
		return 0, 0
	}
	if !slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start == si.toks[open+1].start && partOfThem(si, q) }) {
		return 0, 0
	}
	if k := markAfter(text, si.toks, open+2, cue, ","); k < cue {
		return open, k
	}
	return 0, 0
}

// subsetAsideEnd returns the first token of the verb of a figure (ending at token last) that a
// subset phrase follows without commas, up to the cue at token cue: "5 including a warden and
// two clerks were wounded". The subset marker opens right after the figure or its noun;
// the verb's auxiliaries come before the cue; no figure or other metric word stands between. It
// returns 0 for anything else.
func subsetAsideEnd(text string, si *sentenceInfo, last, cue int) int {
	open := last + 1
	if open < cue && si.lex.phraseAt(subsetMarkerWords, si.toks, open) == 0 {
		open++ // the figure's noun
	}
	if open >= cue || si.lex.phraseAt(subsetMarkerWords, si.toks, open) == 0 || containsAny(text[si.toks[last].end:si.toks[cue].start], ";:.!?") {
		return 0
	}
	k := cue - auxiliariesBetween(si.toks, open, cue)
	if k <= open+1 || !si.toks[k].is(auxiliaryWords) && k != cue ||
		slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start > si.toks[last].end && q.Start < si.toks[cue].start }) ||
		slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.first > last && o.first < cue && o.category.metric() != "" }) {
		return 0
	}
	return k
}

// nounPhraseComma returns the last token of the noun phrase of a figure ending at token last
// ("75 reclusos,", "300 Red Hand inmates,") when a comma closes it within appositiveNounWords
// words and before token limit, else -1: an aside about the figure's people may open after it.
func nounPhraseComma(text string, si *sentenceInfo, last, limit int) int {
	for open := last; open < limit && open-last <= appositiveNounWords; open++ {
		if strings.Contains(text[si.toks[open].end:si.toks[open+1].start], ",") {
			return open
		}
	}
	return -1
}

// dashAsideEnd is appositiveEnd for an aside set off by two dashes ("—", "–" or a typed "--"):
// "two people -- a prison official and a motorcycle rider, who drove him there -- were killed".
func dashAsideEnd(text string, si *sentenceInfo, last, cue int) int {
	if cue <= last+1 {
		return 0
	}
	from := si.toks[last].end
	between := text[from:si.toks[cue].start]
	open, n := dashMark(between, false)
	if open < 0 || strings.ContainsAny(between[:open], ",;:.!?") {
		return 0
	}
	closeAt, m := dashMark(between[open+n:], true)
	if closeAt < 0 {
		return 0
	}
	end := from + open + n + closeAt + m // the first byte after the closing dash
	opener := last
	for opener+1 < len(si.toks) && si.toks[opener+1].start < from+open {
		opener++
	}
	k := cue
	for k > last && si.toks[k-1].start >= end {
		k--
	}
	verbWords := cue - k - auxiliariesBetween(si.toks, k, cue) // "have been confirmed killed": one word before the verb
	if opener-last > appositiveNounWords || k-opener <= 1 || verbWords > appositiveVerbReach || wordIn(conjunctionWords, si.toks, k, cue) ||
		slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start >= si.toks[k].start && q.Start < si.toks[cue].start }) {
		return 0
	}
	return k
}

// dashMark returns the byte offset and length in s of the first dash that sets off an aside
// (" — ", " – ", " -- "), -1 if none. A hyphen set off by spaces closes one (closing), as typing
// often puts it for the second dash ("3 men – wanted for murder - escaped"), but opens none: it
// also stands between a dateline and its text.
func dashMark(s string, closing bool) (int, int) {
	marks := []string{" — ", " – ", " -- ", " - "}
	if !closing {
		marks = marks[:3]
	}
	at, n := -1, 0
	for _, d := range marks {
		if i := strings.Index(s, d); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(d)
		}
	}
	return at, n
}

// appositiveWeight is what an aside between a figure and its verb adds to their distance: a verb
// right after the figure outranks it.
const appositiveWeight = 3

// appositiveNounWords is how many words the noun phrase of a figure may have before the comma that
// opens an aside about it ("75 reclusos,", "300 Red Hand inmates,").
const appositiveNounWords = 3

// appositiveVerbReach is how many words after an aside's closing comma the verb of the figure
// before it may come ("se fugaron", "have escaped").
const appositiveVerbReach = 2

// countPutAt reports a figure right after "at" or "to" with a noun of the given category a few
// words before, in its clause: the noun says what the figure counts ("put the toll at 67", "the
// number of escapees rose to 500").
func countPutAt(text string, si *sentenceInfo, first int, noun wordCat) bool {
	return first > 1 && si.toks[first-1].is(tollPrepositionWords) &&
		wordIn(noun, si.toks, first-1-escapeeCountReach, first-1) &&
		clauseBreak(text, si.toks[max(0, first-1-escapeeCountReach)].end, si.toks[first].start) == 0
}

// deadAndWounded reports a figure whose noun is the dead and the wounded together: a word of each,
// joined by a conjunction, right after the figure or shortly before it in its clause ("500 to 700
// killed and wounded", "put the number of dead and wounded at 500").
func deadAndWounded(text string, si *sentenceInfo, first, last int) bool {
	for _, k := range si.cues {
		if k.category != killedCue || k.last+1 >= len(si.toks) {
			continue
		}
		// The conjunction stands alone, or is written onto the word of the wounded after the figure
		// ("150 شهيدا وجريحا"; "قتلوا وأصيب اثنان" tells two clauses).
		joined := k.last + 2
		if !si.toks[k.last+1].is(conjunctionWords) {
			if k.first <= last || !si.lex.conjoined(si.toks[k.last+1].fold) {
				continue
			}
			joined = k.last + 1
		}
		for _, w := range si.cues {
			if w.category != woundedCue || w.first != joined {
				continue
			}
			if k.first > last && k.first-last <= casualtyNounReach ||
				w.last < first && first-w.last <= casualtyNounReach && clauseBreak(text, si.toks[w.last].end, si.toks[first].start) == 0 {
				return true
			}
		}
	}
	return false
}

// casualtyNounReach is how many words may stand between a figure and the dead and wounded it
// counts together ("at 500", "500 people killed and wounded").
const casualtyNounReach = 3

// risenCount returns the metric of a count a verb of rising brings a figure to: the metric
// word right before the verb is its subject ("the number of dead rose from 21 to 22", "o número
// de mortos passou para 22"), whatever words of other metrics stand after the figure. A clause
// mark between the verb and the figure ends its reach.
func risenCount(text string, si *sentenceInfo, first int) (model.Metric, bool) {
	for k := first - 1; k > 0 && k >= first-riseReach; k-- {
		if containsAny(text[si.toks[k].end:si.toks[k+1].start], clauseMarks) {
			return "", false // "the dead rose to 12, and 40 were hurt": the next clause has its own verb
		}
		if !si.toks[k].is(riseVerbWords) {
			continue
		}
		for _, c := range si.cues {
			if m := c.category.metric(); (m == model.Killed || m == model.Wounded || m == model.Escaped) && c.last < k && k-c.last <= riseSubjectReach {
				return m, true
			}
		}
		return "", false
	}
	return "", false
}

// riseReach is how many words before a figure the verb that raised the count to it may stand
// ("passou de 21 para 22"); riseSubjectReach how many before that verb its metric word may stand
// ("the number of dead has risen").
const (
	riseReach        = 4
	riseSubjectReach = 3
)

// groupOfNone reports a figure at token first that a zero takes from: "none of the twelve
// officers", "ninguno de los doce guardias", "nenhum dos doze guardas" count the group the zero
// speaks of, not what befell anyone.
func groupOfNone(si *sentenceInfo, first int) bool {
	k := first - 1
	if k >= 1 && si.toks[k].is(definiteArticleWords) && partitiveToken(&si.toks[k-1]) {
		k--
	} else if k < 1 || !si.toks[k].is(partitiveArticleWords) {
		return false
	}
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		_, last := tokenSpan(si.toks, q.Start, q.End)
		return last == k-1 && zeroCount(q)
	})
}

// arrestedObject reports a figure right after a verb of arrest that does not recapture escapees
// in its clause ("and arresting four"): the verb's own object, which no verb of harm further back
// counts. After a comma the figure opens a clause of its own ("three captured, 17 shot dead").
func arrestedObject(text string, si *sentenceInfo, first, last int) bool {
	return first > 0 && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == arrestedCue && c.last == first-1 && clauseBreak(text, si.toks[c.last].end, si.toks[first].start) == 0 && !arrestOfEscapees(si, last)
	})
}

// spokenBy reports a figure right after a preposition that names a source ("according to the
// nine", "selon les trois", "según los dos"): the figure counts who speaks, not whom the deed befell.
func spokenBy(si *sentenceInfo, first int) bool {
	k := first
	if k > 0 && si.toks[k-1].is(definiteArticleWords) {
		k--
	}
	return si.lex.phraseEndingBefore(sourcePrepositionWords, si.toks, k, 0) >= 0
}

// zeroCount reports a count of no one ("nobody", "no inmate").
func zeroCount(q Quantity) bool {
	return q.Low != nil && *q.Low == 0 && q.High != nil && *q.High == 0
}

// zeroCueReach is how far a count of no one may stand from its metric word, auxiliaries not
// counted: the word is its own predicate ("nobody was killed", "aucun détenu ne s'est évadé",
// "killing no one"), never another clause's.
const zeroCueReach = 4

// countOfMetric reads a figure that a noun of a count (toll_noun) earlier in its sentence introduces: "the number of
// detainees who escaped [...] exceeds 4,000", "le nombre de détenus évadés [...] dépasse les 4 000".
// The count noun's metric word stands a few words after it, and no figure and no clause mark
// (but for an aside: ", in Ardovia,") lies between that word and the figure.
func countOfMetric(text string, si *sentenceInfo, first int) (model.Metric, bool) {
	for k := first - 1; k >= 0; k-- {
		if !si.toks[k].is(tollNounWords) {
			continue
		}
		for _, c := range si.cues {
			m := c.category.metric()
			if !isMetric(m) || m == model.Held || c.first <= k || c.first-k > countNounReach || c.last >= first {
				continue
			}
			if containsAny(withoutAsides(text[si.toks[c.last].end:si.toks[first].start]), clauseMarks) ||
				slices.ContainsFunc(si.quantities, func(o Quantity) bool { return o.Start > si.toks[c.last].end && o.End < si.toks[first].start }) {
				return "", false
			}
			return m, true
		}
		return "", false
	}
	return "", false
}

// countNounReach is how many words after a count noun its metric word may stand ("the number of
// detainees who escaped").
const countNounReach = 4

// topicAfter reports a topic marker right after a figure or its noun ("29 mahkumun ise"): the
// figure opens a clause of its own, whose verb comes after it.
func topicAfter(si *sentenceInfo, last int) bool {
	for k := last + 1; k < len(si.toks) && k <= last+2; k++ {
		if si.toks[k].is(topicMarkerWords) {
			return true
		}
	}
	return false
}

// anotherNounsClause reports a relative clause opening after a comma between a figure's phrase
// (ending at token end) and token k, after a word other than the figure's noun: the clause
// describes the noun just before it ("two prisoners in the pavilion, which houses 2,000 men"),
// not the figure ("the six prisoners, who tunnelled out").
func anotherNounsClause(text string, si *sentenceInfo, q Quantity, end, k int) bool {
	from := end + 2
	if after := dashAsideEnd(text, si, end, k); after > 0 {
		from = after // "two people -- an official and a rider, who drove him there -- were killed": the clause is the aside's
	}
	for r := from; r < k; r++ {
		if si.toks[r].is(relativePronounWords) && strings.Contains(text[si.toks[r-1].end:si.toks[r].start], ",") {
			return !strings.EqualFold(text[si.toks[r-1].start:si.toks[r-1].end], q.Noun)
		}
	}
	return false
}

// predicateReach is how many words after a relative clause the figure's own verb may begin; an
// auxiliary after the clause's own first verb begins it too ("who fled are still missing").
const predicateReach = 2

// attackersCounted reports a figure whose head noun names people by their assault ("One
// attacker", "three gunmen"): militants may have been held, an assailant was not.
func attackersCounted(si *sentenceInfo, q Quantity, last int) bool {
	for k := last + 1; k < len(si.toks) && k <= last+3; k++ {
		if si.toks[k].fold == q.Noun {
			return si.toks[k].is(assailantNounWords)
		}
	}
	return false
}

// relativeClauseMetric reads the metric of the relative clause that ends a figure's group phrase
// (tokens last+1 to end), for a figure of people held with no predicate of its own: "hunted for 25
// inmates who fled" counts escapees, as "six inmates who fled [returned]" would count the returned.
func relativeClauseMetric(si *sentenceInfo, last, end int) (model.Metric, bool) {
	relative, held := -1, false
	for k := last + 1; k <= end && relative < 0; k++ {
		held = held || isInmateWord(si, k)
		if si.toks[k].is(groupRelativeWords) {
			relative = k
		}
	}
	if relative < 0 || !held {
		return "", false // "12 of the escapees" has no verb; "100,000 refugees who fled the war" were never held
	}
	if wordIn(auxiliaryWords, si.toks, relative+2, end+1+predicateReach) {
		return "", false // "400 of the inmates who fled are still unaccounted for": the figure's own verb says what it counts
	}
	for _, c := range si.cues {
		if c.first <= relative || c.last > end || attempted(si.toks, c.first) {
			continue
		}
		switch m := c.category.metric(); m {
		case model.Escaped, model.Killed, model.Wounded:
			return m, true // not a recapture: "spoke to five inmates who surrendered" met some of them
		}
	}
	return "", false
}

// lastPredicate reads the metric of the verbs a figure of people held is the subject of, however
// long their chain: "Over 200 prisoners overpowered guards at the prison, seized rifles and
// escaped". The figure must open its sentence and no other figure may come between.
func lastPredicate(text string, si *sentenceInfo, q Quantity, first, last int) (model.Metric, bool) {
	if first > maxSubjectStart {
		return "", false
	}
	for _, c := range si.cues {
		if c.first <= last || ownDeedVerbAfter(text, si, last, c) {
			continue
		}
		for _, o := range si.quantities {
			if o.Start > q.Start && o.Start < si.toks[c.first].start {
				return "", false
			}
		}
		m := c.category.metric()
		if m == model.Escaped && escapeAttempt(si.toks, c) {
			return "", false // "300 détenus ont voulu tenter une évasion": they tried, nobody is said to have got out
		}
		if m == model.Escaped || (m == model.Killed || m == model.Wounded) && !dealtBy(si, last, c) {
			return m, true
		}
	}
	return "", false
}

// escapeeCountReach is how many words before "at" or "to" a noun of escapees may stand and still
// be what the figure after it counts ("the number of escapees rose to 500").
const escapeeCountReach = 4

// capacityReach is how many words before a figure a capacity word governs it ("a capacity of
// about 620", "capacidade para 620").
const capacityReach = 3

// maxSubjectStart is the last token a figure may start at and still open its sentence ("Over
// 200", "In all, 300").
const maxSubjectStart = 3

// escapeeNounAfter reports a noun of escapees within four words after a figure's last token:
// "seven escapees", "seven of the escapees", or a noun of people held that a participle of escape
// qualifies, on either side ("ten of the escaped prisoners", "diez de los presos fugados").
func escapeeNounAfter(si *sentenceInfo, last int) bool {
	for k := last + 1; k < len(si.toks) && k <= last+4; k++ {
		if si.toks[k].is(escapeeNounWords) {
			return true
		}
		if isInmateWord(si, k) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
			return c.category == escapedCue && (c.last == k-1 && c.first > last || c.first == k+1)
		}) {
			return true
		}
	}
	return false
}

// heldArrestReach is how many words before an arrest word the people held it befell may be named,
// a relative pronoun and an auxiliary between ("napi yang sudah tertangkap").
const heldArrestReach = 3

// arrestOfEscapees reports whether an arrest word can count recaptured people for the figure
// ending at token last: its noun names inmates or escapees ("12 of the escapees were arrested"),
// the arrest word has inmates for object, or the sentence tells of an escape ("five who fled
// were arrested on Monday").
func arrestOfEscapees(si *sentenceInfo, last int) bool {
	if si.is(escapeCue) || si.is(escapedCue) {
		return true
	}
	if si.escapeLast && bareCount(si, last) || partOfEscapees(si, last) {
		return true // "Fifty inmates escaped. So far 17 have been caught", "Six of them were arrested": the count is of those who fled
	}
	if escapeeNounAfter(si, last) {
		return true
	}
	for _, c := range si.cues {
		if c.category == inmateCue && c.first > last && c.first <= last+4 {
			return true
		}
	}
	for _, c := range si.cues {
		if c.category != arrestedCue {
			continue
		}
		for _, o := range si.cues { // "police arrested dozens of inmates and then 20 more"
			if o.category == inmateCue && o.first > c.last && o.first <= c.last+3 {
				return true
			}
			if o.category == inmateCue && o.last < c.first && c.first-o.last <= heldArrestReach && si.escapeLast {
				return true // "Fifty inmates escaped. Narapidana yang telah tertangkap berjumlah 25": the held who were caught
			}
		}
	}
	return false
}

// bareCount reports a figure with no noun of its own, its verb right after it ("17 have been
// arrested", "17 sudah berhasil ditangkap"): it counts the people the sentence before named.
func bareCount(si *sentenceInfo, last int) bool {
	k := last + 1
	if k >= len(si.toks) {
		return false
	}
	t := &si.toks[k]
	return t.is(auxiliaryWords) || t.is(beforeVerbWords) || t.is(abilityVerbWords) ||
		slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first == k && c.category == arrestedCue })
}

// securityNoun reports a figure whose noun, right after it or after a word that is no metric
// cue ("four prison guards", not "40 escaped, police said"), names guards, police or soldiers:
// they neither escape nor are held.
func securityNoun(text string, si *sentenceInfo, last int) bool {
	for _, c := range si.cues {
		if c.first == last+1 && c.category.metric() != "" {
			return false
		}
	}
	for _, c := range si.cues {
		if c.category == sideSecurityCue && (c.first == last+1 || c.first == last+2) &&
			!containsAny(text[si.toks[last].end:si.toks[c.first].start], clauseMarks+":()") {
			return true
		}
	}
	return false
}

// arrestSinceReach is how many words after an arrest word the "since" of how long ago it was may
// stand ("arrested since 2015", "اعتقلوا منذ ثلاث سنوات").
const arrestSinceReach = 4

// dealtBy reports a verb of inflicting between a figure ending at token last and the word of
// deaths or wounds c after it: the figure counts who dealt them, no casualties.
func dealtBy(si *sentenceInfo, last int, c cueHit) bool {
	return wordIn(inflictVerbWords, si.toks, last+1, c.first)
}

// objectOfDeed reports a word of killing or wounding with an object of its own right after it:
// an article, then within two words a noun of people or of a side ("killed a warden",
// "wounded the cook"). The figure before such a verb counts who did it, not whom it befell.
func objectOfDeed(si *sentenceInfo, c cueHit) bool {
	k := c.last + 1
	if k >= len(si.toks) || !si.toks[k].is(singularArticleWords) && !si.toks[k].is(definiteArticleWords) {
		return false
	}
	if c.first > 0 && si.toks[c.first-1].is(auxiliaryWords) {
		return false // "five inmates were killed the guard said": a passive has no object
	}
	for j := k + 1; j < len(si.toks) && j <= k+2; j++ {
		if si.toks[j].is(peopleNounWords) || slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return o.first == j && (o.category.isSide() || o.category == inmateCue)
		}) {
			return true
		}
	}
	return false
}

// cellHoldingReach is how many words before a word of holding its cell may stand, a relative
// pronoun and an auxiliary between ("a cell that is holding").
const cellHoldingReach = 3

// countsSecurity reports a figure whose noun, right after it or after "of the", is the security
// forces ("two policemen", "one of the guards").
func countsSecurity(text string, si *sentenceInfo, last int) bool {
	if securityNoun(text, si, last) {
		return true
	}
	k := last + 1
	if k >= len(si.toks) || !si.toks[k].is(groupPartitiveWords) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == sideSecurityCue && c.first > k && c.first <= k+2 && !containsAny(text[si.toks[last].end:si.toks[c.first].start], clauseMarks)
	})
}

// facilityHad reports a count of inmates that a place of detention "had" or "has": a possession
// verb right before the figure, a facility word at most three words before that.
func facilityHad(si *sentenceInfo, first, last int) bool {
	if first < 2 || !si.toks[first-1].is(possessVerbWords) || !isInmateNoun(si, last) {
		return false
	}
	for _, c := range si.cues {
		if c.category == facilityCue && c.last < first-1 && first-1-c.last <= 3 {
			return true
		}
	}
	return false
}

// objectInRelative reports a cue in a relative clause ("that killed") whose object, opened by an
// article or a possessive, follows it, with a clause mark before the figure at token first: the
// figure stands outside that clause.
func objectInRelative(text string, si *sentenceInfo, c cueHit, first int) bool {
	if c.first == 0 || c.last+2 >= first || !si.toks[c.first-1].is(relativePronounWords) {
		return false
	}
	next := &si.toks[c.last+1]
	return (next.is(definiteArticleWords) || next.is(possessiveDeterminerWords)) &&
		containsAny(text[next.end:si.toks[first].start], clauseMarks)
}

// countedObjectAfter reports a verb with a count of people right after it in its clause, an
// article or a preposition at most between them: the verb's own object, which a figure before the
// verb is not. The verb is joined to what came before by a conjunction ("liberaron a siete
// internos y mataron a tres guardias", "and killed two guards"), or it is one of killing or
// wounding that opens a clause after a comma, a qualifier allowed before its count ("fired on 20
// marchers, killing three and injuring another eight"). After a verb of harm the count's noun
// may be left out.
func countedObjectAfter(text string, si *sentenceInfo, c cueHit) bool {
	if c.first == 0 || c.last+1 >= len(si.toks) {
		return false
	}
	harm := c.category.metric() == model.Killed || c.category.metric() == model.Wounded
	reach := 0
	if si.toks[c.first-1].is(conjunctionWords) {
		reach = objectReach
	}
	if harm && strings.Contains(text[si.toks[c.first-1].end:si.toks[c.first].start], ",") {
		reach = objectReach + qualifierWords
	}
	if reach == 0 {
		return false
	}
	from, to := si.toks[c.last].end, si.toks[min(c.last+reach, len(si.toks)-1)].end
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool {
		return o.Start >= from && o.Start < to && !containsAny(text[from:o.Start], clauseMarks) &&
			(harm && o.Noun == "" || si.lex.hasWord(peopleNounWords, o.Noun) || si.lex.hasWord(singularPersonWords, o.Noun))
	})
}

// othersBetween reports a figure of "others" between token last and a cue after it: a new group,
// whose verb the cue is ("two guards, and 40 others were wounded").
func othersBetween(si *sentenceInfo, last, cue int) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		_, qLast := tokenSpan(si.toks, q.Start, q.End)
		return qLast > last && qLast+1 < cue && si.toks[qLast+1].is(otherWords)
	})
}

// qualifierWords is how many words a qualifier may put between a verb and its object's figure
// ("killing at least three").
const qualifierWords = 2

// objectReach is how many words after a verb its object's figure may start: "mataron a tres".
const objectReach = 2

// partBetween reports a figure taken from a group named before ("96 of them") between tokens
// last and cue, the subject of the cue's clause; a part set off by commas is an aside about the
// group ("Seven inmates, four of them foreigners, escaped").
func partBetween(text string, si *sentenceInfo, last, cue int) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		return q.Start >= si.toks[last].end && q.End <= si.toks[cue].start && partOfThem(si, q) &&
			!containsAny(text[q.End:si.toks[cue].start], clauseMarks)
	})
}

// populationCount reports a count of people held right after a phrase that says they are there
// ("there were", "onde há", "il y avait") or that a place counts them ("contava com"), in a
// sentence that names a place of detention: nothing else befell them, so they are its population.
func populationCount(si *sentenceInfo, first, last int) bool {
	if si.lex.phraseEndingBefore(populationWords, si.toks, first, 0) < 0 || !si.is(facilityCue) && !si.is(holdingCue) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == inmateCue && c.first > last && c.first-last <= populationNounReach
	})
}

// populationNounReach is how far after a figure its noun of people held may stand: "940 foreign
// inmates", "940 orang narapidana" put a word between them.
const populationNounReach = 2

// chargeAfter reports an offence link right after token k that a charge follows, not a span of
// time: "held over burglary", "held for theft", but "held for three years" or "held
// for months".
func chargeAfter(text string, si *sentenceInfo, k int) bool {
	if k+2 >= len(si.toks) || !si.toks[k+1].is(offenceLinkWords) {
		return false
	}
	next := si.toks[k+2]
	_, unit := si.lex.phraseValue(dateUnitPhrases, strings.ToLower(text[next.start:next.end]))
	return !unit && !countWord(si.lex, next.fold) && !next.is(oneWordWords) && !si.lex.hasWord(fewWordWords, next.fold)
}

// agentOfAttack reports a count of people that is the agent of an attack word before it: "by",
// "par", "oleh" right before the figure, an attack word within attackAgentReach words before that.
func agentOfAttack(text string, si *sentenceInfo, q Quantity, first int) bool {
	if !outsidersAfterAgent(text, si, q, first) {
		return false
	}
	for _, c := range si.cues {
		if c.category == attackCue && c.last < first-1 && first-1-c.last <= attackAgentReach {
			return true
		}
	}
	return false
}

// objectless reports a word of killing at token last that ends its clause, or that a conjunction
// and the next figure follow: a participle whose auxiliary a list left out ("40 captured, nine
// raiders killed and two guards hurt") tells what befell the figure before it; the verb of a
// killer has its object after it.
func objectless(text string, si *sentenceInfo, last int) bool {
	next := last + 1
	if next >= len(si.toks) || containsAny(text[si.toks[last].end:si.toks[next].start], clauseMarks) {
		return true
	}
	return si.toks[next].is(conjunctionWords) && next+1 < len(si.toks) && slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		return q.Start == si.toks[next+1].start
	})
}

// participleWithObject reports a word of killing or wounding between tokens first and last that
// opens a clause after a comma and has people as its object right after it: the clause tells what
// the subject before it did ("..., killing two guards", "..., blessant trois gardiens").
func participleWithObject(text string, si *sentenceInfo, first, last int) bool {
	if first < 1 || last+1 >= len(si.toks) || !strings.Contains(text[si.toks[first-1].end:si.toks[first].start], ",") {
		return false
	}
	next := &si.toks[last+1]
	return next.is(peopleNounWords) || countWord(si.lex, next.fold) || slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first == last+1 && c.category.isSide()
	})
}

// agentOfEscape reports a count of people right after an agent preposition that a word of escape
// stands a few words before: the people who got out ("the jailbreak was by 17 inmates").
func agentOfEscape(si *sentenceInfo, q Quantity, first int) bool {
	if first < 2 || !si.toks[first-1].is(agentPrepositionWords) || !si.lex.hasWord(peopleNounWords, q.Noun) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.category == escapeCue && c.last < first-1 && first-1-c.last <= escapeAgentReach
	})
}

// escapeAgentReach is how many words may stand between a word of escape and the "by" of its
// agent ("the jailbreak was by").
const escapeAgentReach = 2

// agentOfKilling reports a count of people that is the agent of the killing or wounding word right
// before it: "shot dead by two men", "blessés par trois hommes armés".
func agentOfKilling(text string, si *sentenceInfo, q Quantity, first int) bool {
	return first >= 2 && outsidersAfterAgent(text, si, q, first) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return (c.category == killedCue || c.category == woundedCue) && c.last == first-2
	})
}

// outsidersAfterAgent reports a count of people right after an agent preposition who are neither
// held nor security forces: those are left to the sides' rules ("a statement signed by 12
// officers" is no assault force).
func outsidersAfterAgent(text string, si *sentenceInfo, q Quantity, first int) bool {
	if first < 1 || !si.toks[first-1].is(agentPrepositionWords) ||
		!si.lex.hasWord(peopleNounWords, q.Noun) && !si.lex.hasWord(singularPersonWords, q.Noun) {
		return false
	}
	_, last := tokenSpan(si.toks, q.Start, q.End)
	return !isInmateNoun(si, last) && !securityNoun(text, si, last)
}

// attackAgentReach is how many words may stand between an attack word and the "by" of its agent:
// a passive sentence puts the whole deed between them ("the attack on the convoy, which left two
// guards dead on the road to the court, was carried out on Tuesday evening by five men").
const attackAgentReach = 30

// isInmateNoun reports an inmate word right after the figure ending at token last ("300
// prisoners attacked the guards and escaped" are inmates).
func isInmateNoun(si *sentenceInfo, last int) bool {
	for _, c := range si.cues {
		if c.category == inmateCue && c.first == last+1 {
			return true
		}
	}
	return false
}

// subjectOfAttack reports a count of people that an attack or killing verb in the active voice
// follows within a few words, or right after an aside between commas ("some 20 men on six
// motorbikes, carrying machetes, ambushed"): those people are the assault force. "Were killed" is passive, and
// guards, soldiers or people held are never the assault force ("raided by gunmen, who left three
// guards dead" counts the dead).
func subjectOfAttack(text string, si *sentenceInfo, q Quantity, last int) bool {
	if !si.lex.hasWord(peopleNounWords, q.Noun) && !si.lex.hasWord(singularPersonWords, q.Noun) || securityNoun(text, si, last) || isInmateNoun(si, last) {
		return false
	}
	reach := attackerVerbReach
	if k := last + 2; k < len(si.toks) && si.toks[k].is(disguiseWords) { // past the figure's noun
		reach += disguiseReach + 1 // "two assailants disguised as lawyers shot and killed"
	} else if k < len(si.toks) && si.lex.writes(gearParticiplePhrases, text, si.toks[k]) {
		reach += gearPhraseReach // "some 40 men armed with rifles raided the jail"
	}
	for _, c := range si.cues {
		// The verb stands after the noun ("attackers" itself reads as an attack word).
		if c.category != attackCue && c.category != killedCue || c.first <= last+1 || c.first-last > reach && !verbAfterAside(text, si, last, c.first) ||
			c.first == c.last && strings.EqualFold(si.toks[c.first].fold, q.Noun) {
			continue // nor the figure's own noun: "Dois dos corpos" counts bodies
		}
		if si.toks[c.first-1].is(definiteArticleWords) {
			continue // "11 morts parmi les assaillants": after an article the attack word is a noun, no verb of the figure
		}
		if si.lex.phraseAt(deathVerbWords, si.toks, c.first) > 0 || c.category == killedCue && objectless(text, si, c.last) {
			return false // "six assailants also died", "nine raiders killed and two guards hurt": the dead, not the killers
		}
		for k := last + 1; k < c.first; k++ {
			if si.toks[k].is(auxiliaryWords) || si.toks[k].is(relativePronounWords) {
				return false // "were killed", "who attacked": what befell them, or a clause of its own
			}
		}
		return true
	}
	return false
}

// gearPhraseReach is how many more words a participle of what attackers carry takes before their
// verb: "armed with rifles", "equipped with grenades".
const gearPhraseReach = 6

// verbAfterAside reports a verb at token cue right after an aside set off by two commas, within
// asideVerbReach words of a figure ending at token last, with nothing between that ends a clause,
// nor before the aside a conjunction that joins another subject: "some 20 men on six motorbikes,
// carrying machetes and guns, ambushed".
func verbAfterAside(text string, si *sentenceInfo, last, cue int) bool {
	between := text[si.toks[last].end:si.toks[cue].start]
	if cue-last > asideVerbReach || strings.Count(between, ",") != 2 || strings.ContainsAny(between, ";:.!?") ||
		!strings.Contains(text[si.toks[cue-1].end:si.toks[cue].start], ",") {
		return false
	}
	open := last + 1
	for open < cue && !strings.Contains(text[si.toks[open-1].end:si.toks[open].start], ",") {
		open++
	}
	return !wordIn(conjunctionWords, si.toks, last+1, open) // not "20 men and two women, ...": another subject joined
}

// asideVerbReach is how many words after a figure the verb that follows an aside may stand.
const asideVerbReach = 12

// laterVerbOfClause reports a cue of another metric after cue c in its clause: c is then no
// main verb of the figure before it, but a participle describing the people counted.
func laterVerbOfClause(text string, si *sentenceInfo, c cueHit) bool {
	for _, o := range si.cues {
		if o.first > c.last && o.category.metric() != "" && o.category != heldCue &&
			!containsAny(withoutAsides(text[si.toks[c.last].end:si.toks[o.first].start]), clauseMarks) {
			return true
		}
	}
	return false
}

// countsOther reports a cue right after another figure that follows q: the word is that
// figure's noun ("300 évadés, 2 morts"), not q's verb.
func countsOther(text string, si *sentenceInfo, q Quantity, c cueHit) bool {
	return figureRightBefore(text, si, c, func(o Quantity) bool { return o.Start > q.End })
}

// markedObjectOf reports a figure that a personal object marker opens ("a nueve presos") as the
// object of the verb c before it, however long the asides between them ("liberó del penal de X,
// en la región de Y, a nueve presos"): within twice the usual reach, with no other figure and no
// other word of a metric between.
func markedObjectOf(si *sentenceInfo, q Quantity, first int, c cueHit) bool {
	if first < 1 || c.last >= first || first-c.last > 2*maxCueDistance || !si.toks[first-1].is(personalObjectWords) || !isMetric(c.category.metric()) {
		return false
	}
	for _, o := range si.cues {
		if o.first > c.last && o.first < first && o.category.metric() != "" {
			return false
		}
	}
	for _, o := range si.quantities {
		if o.Start > si.toks[c.last].end && o.End <= q.Start {
			return false
		}
	}
	return true
}

// subjectOfNextClause reports a figure that opens a clause after a conjunction right after the
// cue c, whose own verb comes after its noun phrase: an auxiliary, then a word of a metric, with
// only nouns, conjunctions and figures between ("died and nine guards and three inmates were
// wounded"). The verb before belongs to the clause the conjunction closed.
func subjectOfNextClause(text string, si *sentenceInfo, first, last int, c cueHit) bool {
	if c.last != first-2 || !si.toks[first-1].is(conjunctionWords) {
		return false
	}
	for k := last + 1; k < len(si.toks) && k <= last+nextClauseReach; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
			return false
		}
		if !si.toks[k].is(auxiliaryWords) {
			continue
		}
		return slices.ContainsFunc(si.cues, func(o cueHit) bool {
			return o.first == k+1 && isMetric(o.category.metric()) && !slices.ContainsFunc(si.cues, func(m cueHit) bool {
				return m.first > last && m.first < k && isMetric(m.category.metric())
			})
		})
	}
	return false
}

// nextClauseReach is how many words after a figure the auxiliary of its own clause's verb may
// stand ("nine guards and three inmates were").
const nextClauseReach = 6

// gappedFate reports a figure that opens a clause right after a comma, past the metric word c of
// the clause before, with a word of another metric after it in its own clause: the clause leaves
// out the verb the one before had ("four inmates were shot dead, 30 warders and two firemen hurt";
// "dos muertos, 15 heridos"), and the word after the figure tells its fate.
func gappedFate(text string, si *sentenceInfo, first, last int, c cueHit) bool {
	if first < 1 || !strings.Contains(text[si.toks[first-1].end:si.toks[first].start], ",") {
		return false
	}
	for _, o := range si.cues {
		if o.first <= last || o.first > last+gappedFateReach || !isMetric(o.category.metric()) || o.category.metric() == c.category.metric() {
			continue
		}
		if !containsAny(text[si.toks[last].end:si.toks[o.first].start], clauseMarks) {
			return true
		}
	}
	return false
}

// gappedFateReach is how many words after a figure the word of its fate may stand in a clause
// that leaves out its verb ("30 warders and two firemen hurt").
const gappedFateReach = 8

// elidedNewGroup reports a figure that a conjunction opens and an "other" word closes, its noun
// left out, with a word of a metric within a few words after it ("y seis más, heridos de
// bala", "and six more, badly hurt"): a new group, whose own fate that word tells.
func elidedNewGroup(si *sentenceInfo, first, last int) bool {
	if first < 1 || last+1 >= len(si.toks) || !si.toks[first-1].is(conjunctionWords) || !si.toks[last+1].is(otherWords) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool {
		return o.first > last+1 && o.first <= last+1+elidedFateReach && isMetric(o.category.metric())
	})
}

// elidedFateReach is how many words after the "other" word the word of an elided group's fate
// may stand ("seis más, heridos de bala").
const elidedFateReach = 3

// ownDeedVerbAfter reports a riot or assault word right after the figure (ending at token last)
// or after its noun, then a clause mark, then the later cue c that holds a noun of a toll: the
// figure is the subject of the deed, which counts no one, and the toll heads a clause of its own
// ("700 inmates riot in the jail, death toll climbs to 5"). A chain of verbs keeps its subject:
// in "200 inmates rioted, broke the gates and escaped" the 200 escaped.
func ownDeedVerbAfter(text string, si *sentenceInfo, last int, c cueHit) bool {
	if !wordIn(tollNounWords, si.toks, c.first, c.last+2) { // the cue may be the first word of "death toll"
		return false
	}
	for _, d := range si.cues {
		if (d.category == riotCue || d.category == attackCue) && d.first > last && d.first <= last+2 && d.last < c.first &&
			containsAny(text[si.toks[d.last].end:si.toks[c.first].start], clauseMarks) {
			return true
		}
	}
	return false
}

// figureRightBefore reports a figure of which the cue is the noun, nothing but spaces between
// them ("2 morts"), that also meets where.
func figureRightBefore(text string, si *sentenceInfo, c cueHit, where func(Quantity) bool) bool {
	at := si.toks[c.first].start
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool {
		return o.End <= at && strings.TrimSpace(text[o.End:at]) == "" && where(o)
	})
}

// actorWordsBetween counts the tokens in [from, to) that an actor's name covers: "150 Red Hand
// Liberation Front militants" counts its fighters over the group's name.
func actorWordsBetween(si *sentenceInfo, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if knownActorIn(si, si.toks[k].start, si.toks[k].end) {
			n++
		}
	}
	return n
}

// countedBefore reports a cue before the figure q that is the noun of an earlier figure, right
// after it, the two figures joined by a conjunction: in "9 dead and 412 escapees" the dead are
// the 9. A breakdown set off by a comma ("90 wounded, including seven guards") is of the cue's.
func countedBefore(text string, si *sentenceInfo, q Quantity, c cueHit) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	if first <= c.last+1 {
		return false
	}
	for k := c.last + 1; k < first; k++ {
		if !si.toks[k].is(conjunctionWords) {
			return false
		}
	}
	return figureRightBefore(text, si, c, func(o Quantity) bool { return o.Start < q.Start })
}

// verbBeforeFigure reports a cue of another metric than held ending at most verbBeforeReach words
// before the figure at token first, in its clause: the figure is its object ("freed 200 inmates
// held there"), and a word of holding after the figure only says who they were.
func verbBeforeFigure(text string, si *sentenceInfo, first int) bool {
	for _, o := range si.cues {
		if o.last < first && first-o.last <= verbBeforeReach && o.category.metric() != "" && o.category != heldCue &&
			!containsAny(text[si.toks[o.last].end:si.toks[first].start], clauseMarks) {
			return true
		}
	}
	return false
}

// verbBeforeReach is how many words may stand between a verb and the figure of its object ("freed
// a total of 1,800").
const verbBeforeReach = 4

// attackerVerbReach is how many words an escape or holding cue may stand from a figure of
// fighters and still say what happened to them rather than what they did.
const attackerVerbReach = 5

// wholePopulation reports a figure that counts everyone held: "of the 759 inmates", "all 145
// inmates". "A total of 389 prisoners were freed" says nothing of the population.
func wholePopulation(si *sentenceInfo, first, last int) bool {
	if first < 1 || last+1 >= len(si.toks) || !isInmateWord(si, last+1) || si.toks[last+1].is(escapeeNounWords) ||
		last+2 < len(si.toks) && si.toks[last+2].is(escapeeNounWords) {
		return false // "des 27 détenus évadés" counts escapees, not the people held
	}
	if !partTakenBefore(si, first) && slices.ContainsFunc(si.cues, func(c cueHit) bool {
		m := c.category.metric()
		return c.first == last+2 && m != "" && m != model.Held && m != model.Attackers
	}) {
		return false // "one of the nine inmates killed in the riot", "uno de los nueve reos muertos": what befell them
	}
	prev := &si.toks[first-1]
	if prev.is(wholeWords) {
		return true // "all 400 inmates"
	}
	ofThe := afterOfThe(si, first) || // "of the 759 inmates", "dos 759 presos"
		facilityPossessive(si, first-1) && first >= 3 && si.toks[first-2].is(definiteArticleWords) && si.toks[first-3].is(partitiveWords) ||
		prev.is(possessiveDeterminerWords) && first >= 2 && si.toks[first-2].is(partitiveWords) // "100 of its 150 inmates escaped": the prison's
	return ofThe && (last+2 >= len(si.toks) || !si.toks[last+2].is(groupRelativeWords))
}

// partTakenBefore reports a figure right before the partitive that opens the whole at token
// first: "One of the other 30 inmates died" counts the one who died, and the verb is his.
func partTakenBefore(si *sentenceInfo, first int) bool {
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool {
		_, last := tokenSpan(si.toks, o.Start, o.End)
		return last >= 0 && last+1 < first && first-last <= 4 && si.toks[last+1].is(partitiveWords)
	})
}

// escapeesWhole reports a figure after "of the" ("de los", "dos") whose noun is one of escapees,
// with another figure right after that noun: the whole a part is taken from ("of the 30 fugitives,
// six are back in custody", "de los 20 evadidos, ya detuvieron a cinco"). The verb after the part
// is the part's.
func escapeesWhole(si *sentenceInfo, first, last int) bool {
	if first < 1 || last+1 >= len(si.toks) || !afterOfThe(si, first) {
		return false
	}
	end := last + 1
	switch {
	case si.toks[last+1].is(escapeeNounWords):
	case isInmateWord(si, last+1):
		if end = escapeClauseEnd(si, last+2); end < 0 {
			return false
		}
	default:
		return false
	}
	from, to := si.toks[end].end, si.toks[min(end+partAfterWholeWords, len(si.toks)-1)].end
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start >= from && q.Start < to })
}

// escapeClauseEnd returns the last token of an escape word in a relative clause opening at token
// k ("dos 64 presos que participaram da fuga, 9 foram recapturados": the people held who
// got out are the whole), -1 if there is none.
func escapeClauseEnd(si *sentenceInfo, k int) int {
	if k >= len(si.toks) || !si.toks[k].is(relativePronounWords) {
		return -1
	}
	for _, c := range si.cues {
		if (c.category == escapeCue || c.category == escapedCue) && c.first > k && c.first-k <= escapeClauseReach {
			return c.last
		}
	}
	return -1
}

// escapeClauseReach is how many words after its relative pronoun a clause's escape word may stand
// ("que participaram da fuga").
const escapeClauseReach = 4

// figureWithin reports a figure, a noun in the dual among them, starting within reach tokens
// after token k.
func figureWithin(si *sentenceInfo, k, reach int) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		first, _ := tokenSpan(si.toks, q.Start, q.End)
		return first > k && first-k <= reach
	})
}

// conjunctFigureReach is how many words after a conjoined metric word the count it brings may
// stand ("وإصابة ضابطين", "وإصابة 7 حراس").
const conjunctFigureReach = 2

// conjunctNounWords is how many words of its noun may stand between a figure and a conjoined
// metric word that opens the next count ("3 مسلحين وأصيب 4": the noun, then the next verb).
const conjunctNounWords = 1

// afterOfThe reports a figure at token first right after "of the" or a partitive fused with its
// article ("dos", "des"): the figure is a whole a part may be taken from.
func afterOfThe(si *sentenceInfo, first int) bool {
	prev := &si.toks[first-1]
	if first >= 3 && !prev.upper && si.toks[first-2].is(definiteArticleWords) && si.toks[first-3].is(partitiveWords) &&
		si.lex.has(wholeModifierWords, prev.fold) {
		return true // "of the other 30 inmates"
	}
	return prev.is(partitiveArticleWords) || prev.is(definiteArticleWords) && first >= 2 && si.toks[first-2].is(partitiveWords)
}

// partAfterWholeWords is how many words after the noun of a whole its part may stand ("ya
// detuvieron a cinco", "at least 12").
const partAfterWholeWords = 4

// participleOnWhole returns the metric and the last token of a participle right after the noun of
// a figure ending at token last, when an auxiliary follows it in the same clause within
// participleClauseReach words: "22 prisoners killed in the unrest were awaiting trial" is a reduced
// relative clause, the participle what befell the 22, the verb after it something else.
func participleOnWhole(text string, si *sentenceInfo, last int) (model.Metric, int, bool) {
	for _, c := range si.cues {
		m := c.category.metric()
		if m == "" || m == model.Held || c.first != last+2 || !isInmateNoun(si, last) {
			continue
		}
		for k := c.last + 1; k < len(si.toks) && k <= c.last+participleClauseReach; k++ {
			if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
				break
			}
			if si.toks[k].is(auxiliaryWords) {
				return m, c.last, true
			}
		}
	}
	return "", 0, false
}

// participleClauseReach is how many words after a participle on a whole the verb of the clause may
// stand ("killed in the unrest were").
const participleClauseReach = 5

// wholeOutOf reports a figure at token first that an out_of word puts after another figure, with at
// most outOfNounReach words (that figure's noun) between: the whole the other is taken from ("930
// out of 450 prisoners", "410 prisonniers sur 450"); and whether that noun names people held.
func wholeOutOf(text string, si *sentenceInfo, first int) (whole, inmates bool) {
	k := si.lex.phraseEndingBefore(outOfWords, si.toks, first, 0)
	if k < 0 {
		return false, false
	}
	at := si.toks[k].start
	for _, o := range si.quantities {
		_, olast := tokenSpan(si.toks, o.Start, o.End)
		if o.End <= at && olast >= 0 && k-olast-1 <= outOfNounReach && !containsAny(text[o.End:at], clauseMarks) {
			return true, slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == inmateCue && c.first > olast && c.last < k })
		}
	}
	return false, false
}

// frontedWhole reports a figure right after an out_of word that opens its sentence, with a
// figure after it past a comma: "Sur 612 pensionnaires comptés, 150 sont introuvables", "Out of 60
// inmates, 45 escaped": the whole the later figure is taken from.
func frontedWhole(text string, si *sentenceInfo, q Quantity, first int) bool {
	if first < 1 || si.lex.phraseEndingBefore(outOfWords, si.toks, first, 0) != 0 {
		return false
	}
	comma := strings.IndexByte(text[q.End:si.end], ',')
	if comma < 0 {
		return false
	}
	at := q.End + comma
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool { return o.Start > at })
}

// partOfWholeEnd returns the last token of the whole that an out_of word puts after a figure ending
// at token last ("sur 450", "out of 450 inmates"), and of the relative clause on it ("sur 450 que
// comptait la prison"), or -1: the figure's own verb comes after them. A partitive and an article
// after the figure (its noun and a comma may come between) put a whole there too when a relative
// clause follows it ("cinco de los 21 reos que huyeron [...] fueron capturados", "20 presos, dos
// 150 que fugiram, foram recapturados": the clause is the whole's).
func partOfWholeEnd(text string, si *sentenceInfo, last int) int {
	for k := last + 1; k < len(si.toks) && k <= last+1+outOfNounReach; k++ {
		n := si.lex.phraseAt(outOfWords, si.toks, k)
		if w := wholeAfterPartitive(si, k); n == 0 && w > 0 {
			if end := wholeClauseEnd(text, si, w); end >= 0 && slices.ContainsFunc(si.cues, func(c cueHit) bool {
				return c.first > end && (c.category.metric() != "" || c.category == arrestedCue)
			}) {
				return end // a verb of its own follows the clause
			}
		}
		if n == 0 {
			if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
				return -1
			}
			continue
		}
		at := si.toks[k+n-1].end
		i := slices.IndexFunc(si.quantities, func(q Quantity) bool { return q.Start >= at && q.Start-at <= 2 })
		if i < 0 {
			return -1
		}
		_, wl := tokenSpan(si.toks, si.quantities[i].Start, si.quantities[i].End)
		if wl < 0 {
			return -1
		}
		if end := relativeOnWhole(text, si, wl); end >= 0 {
			return end
		}
		return wl
	}
	return -1
}

// wholeAfterPartitive returns the token of the whole's count after a partitive at token k and
// its article, or a contracted partitive article ("de los 21", "dos 150"), or -1.
func wholeAfterPartitive(si *sentenceInfo, k int) int {
	if k+1 >= len(si.toks) || !partitiveToken(&si.toks[k]) {
		return -1
	}
	if si.toks[k+1].is(definiteArticleWords) {
		return k + 2
	}
	if si.toks[k].is(partitiveArticleWords) {
		return k + 1
	}
	return -1
}

// wholeClauseEnd returns the end of the relative clause on a whole whose count starts at token k
// (relativeOnWhole), or -1.
func wholeClauseEnd(text string, si *sentenceInfo, k int) int {
	if k >= len(si.toks) {
		return -1
	}
	i := slices.IndexFunc(si.quantities, func(q Quantity) bool { return q.Start == si.toks[k].start })
	if i < 0 {
		return -1
	}
	if _, wl := tokenSpan(si.toks, si.quantities[i].Start, si.quantities[i].End); wl >= 0 {
		return relativeOnWhole(text, si, wl)
	}
	return -1
}

// relativeOnWhole returns the end of the relative clause that opens right after a whole's count
// ending at token wl, or its noun ("sur 450 que comptait la prison", "21 reos que huyeron"), or -1.
// A clause that holds asides of its own ends at the comma the figure's verb follows.
func relativeOnWhole(text string, si *sentenceInfo, wl int) int {
	for r := wl + 1; r < len(si.toks) && r <= wl+2; r++ {
		if si.toks[r].is(relativePronounWords) {
			if end := commaBeforeVerb(text, si, r); end >= 0 {
				return end
			}
			return relativeClauseEnd(text, si.toks, r)
		}
	}
	return -1
}

// commaBeforeVerb returns the last token before the comma that a verb of a figure (its
// auxiliaries before it) follows after token r, or -1: a relative clause that holds asides of
// its own ends there ("que huyeron del penal de X, en la frontera, fueron capturados").
func commaBeforeVerb(text string, si *sentenceInfo, r int) int {
	for _, c := range si.cues {
		if c.first <= r+1 || c.category.metric() == "" && c.category != arrestedCue {
			continue
		}
		j := c.first - 1
		for j > r && si.toks[j].is(auxiliaryWords) {
			j--
		}
		if j > r && j+1 < len(si.toks) && strings.Contains(text[si.toks[j].end:si.toks[j+1].start], ",") {
			return j
		}
	}
	return -1
}

// outOfNounReach is how many words (the first figure's noun) may stand between it and the out_of
// word ("410 prisonniers sur 450").
const outOfNounReach = 2

// relativeAfterNoun reports a relative clause that opens the first word of a metric after the
// figure ending at token last: the clause says what befell them ("11 dari 15 tahanan yang kabur",
// "11 dari 15 tahanan Rutan X, yang kabur pada Senin").
func relativeAfterNoun(si *sentenceInfo, last int) bool {
	next := -1
	var metric model.Metric
	for _, c := range si.cues {
		if c.first > last && c.category.metric() != "" && (next < 0 || c.first < next) {
			next, metric = c.first, c.category.metric()
		}
	}
	// "sur 966 qu'hébergeait la prison": a clause of holding says nothing else befell them
	return next >= 0 && metric != model.Held && wordIn(relativePronounWords, si.toks, max(last+1, next-relativeClauseGap-1), next)
}

// allHeldNumbering reports a figure right after a word of numbering that follows all of the
// people held ("all the prisoners, numbering about 350", "كافة السجناء البالغ عددهم نحو 350"):
// it counts everyone the place held, whatever the verb says befell them.
func allHeldNumbering(si *sentenceInfo, first int) bool {
	k := si.lex.phraseEndingBefore(numberingWords, si.toks, first, 0)
	if k < 1 || !isInmateWord(si, k-1) {
		return false
	}
	return wordIn(wholeWords, si.toks, k-1-allHeldReach, k-1)
}

// crowdSize reports a figure that gives the size of a crowd, in a sentence that tells of an
// attack: right after the crowd word and "of" ("a crowd of about 300 stormed"), or after a
// numbering phrase that follows it ("massa yang berjumlah 150 orang menyerang").
func crowdSize(si *sentenceInfo, first int) bool {
	if !si.is(attackCue) {
		return false
	}
	if first >= 2 && si.toks[first-1].is(groupPartitiveWords) && si.toks[first-2].is(crowdWords) {
		return true
	}
	k := si.lex.phraseEndingBefore(numberingWords, si.toks, first, 0)
	return k >= 1 && wordIn(crowdWords, si.toks, k-crowdNumberingReach, k)
}

// crowdNumberingReach is how many words before a numbering phrase the crowd it sizes may be
// named, a relative pronoun between ("massa yang berjumlah").
const crowdNumberingReach = 2

// allHeldReach is how many words before the people held the word of all may stand ("all the").
const allHeldReach = 2

// facilityPossessive reports a facility word at token k right before a figure: only a possessive
// stands there ("freeing 500 of the prison's 620 inmates").
func facilityPossessive(si *sentenceInfo, k int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == facilityCue && c.first == k && c.last == k })
}

// verbOfClauseBefore reports a cue of what befell people (not of people held or of attackers)
// before the figure at token first, in its clause and within maxCueDistance words, with neither a
// conjunction nor another figure between them: the verb of which the figure is the object ("four
// deaths and 80 inmates, who escaped" joins two figures; "recaptured 6 of the 40 that escaped"
// governs the 6).
func verbOfClauseBefore(text string, si *sentenceInfo, first int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		m := c.category.metric()
		if m == "" || m == model.Held || m == model.Attackers || c.last >= first || first-c.last > maxCueDistance ||
			containsAny(text[si.toks[c.last].end:si.toks[first].start], clauseMarks) || wordIn(conjunctionWords, si.toks, c.last+1, first) {
			return false
		}
		from, to := si.toks[c.last].end, si.toks[first].start
		return !slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start >= from && q.Start < to })
	})
}

// partitiveGroupWords is how many words after a figure the group it is taken from may take ("of
// the inmates"); partitiveRelativeWords how far the relative clause on that group may start
// ("three of the 23 foreign detainees who escaped");
// partitiveModifierWords how far a modifier of the group ("of the inmates involved in the escape")
// may run to the auxiliary of the figure's verb.
const (
	partitiveGroupWords    = 4
	partitiveRelativeWords = 6
	partitiveModifierWords = 10
)

// predicateAt reports a cue of what befell people at token k that is no participle before a noun
// of people: the verb of a figure taken from a group ("six of the inmates escaped"), where "64 of the
// escaped inmates", "three of the escaped militants" or "9 des 27 détenus évadés" only
// describes the group.
func predicateAt(si *sentenceInfo, k int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		m := c.category.metric()
		return c.first == k && m != "" && m != model.Attackers && m != model.Held && !isInmateWord(si, c.last+1) &&
			(c.last+1 >= len(si.toks) || !si.toks[c.last+1].is(peopleNounWords)) && !si.toks[k].is(escapeeNounWords)
	})
}

// befallenBefore reports a verb of death, wounds or recapture right before the figure at token
// first ("shot dead nine", "recaptured 20").
func befallenBefore(si *sentenceInfo, first int) bool {
	return metricRightBefore(si, first, model.Killed) || metricRightBefore(si, first, model.Wounded) ||
		metricRightBefore(si, first, model.Recaptured)
}

// nounOfWhole returns the metric of a noun right before the "of the" (or fused "dos") that takes
// the figure at token first as a whole: "the deaths of the four prisoners", "la fuga de los 40
// presos" count what befell them, not the people held.
func nounOfWhole(si *sentenceInfo, first int) (model.Metric, bool) {
	p := first - 1 // the partitive
	if !si.toks[p].is(partitiveArticleWords) {
		p--
	}
	if p < 1 {
		return "", false
	}
	for _, c := range si.cues {
		if m := c.category.metric(); c.last == p-1 && m != "" && m != model.Held && m != model.Attackers {
			return m, true
		}
	}
	return "", false
}

// wholeBefore reports a word of the whole right before the figure at token first, or before its
// "of the": "all 90 inmates", "all of the 40 inmates".
func wholeBefore(si *sentenceInfo, first int) bool {
	toks := si.toks
	return toks[first-1].is(wholeWords) ||
		first >= 3 && toks[first-1].is(definiteArticleWords) && toks[first-2].is(partitiveWords) && toks[first-3].is(wholeWords)
}

// isInmateWord reports whether token k is an inmate cue.
func isInmateWord(si *sentenceInfo, k int) bool {
	for _, c := range si.cues {
		if c.category == inmateCue && c.first == k {
			return true
		}
	}
	return false
}

// sideBetween reports a word naming people of a side between tokens from and to (exclusive):
// "two guards and seven attackers" — the guards are the first figure's own noun.
func sideBetween(si *sentenceInfo, from, to int) bool {
	for _, c := range si.cues {
		if c.category.isSide() && c.first >= from && c.first < to {
			return true
		}
	}
	return false
}

// subjectsVerb reports the cue c as the verb of a figure that opens the sentence, far after it but
// in its clause, with no other metric word, verb of saying or "that" between: a long description of the people counted
// stands between them ("Neuf détenus condamnés dans le cadre des attentats du 16 mai 2003 à
// Casablanca se sont évadés").
func subjectsVerb(text string, si *sentenceInfo, first, last int, c cueHit) bool {
	if first > 1 && !afterOpeningDate(text, si, first) || c.first <= last || c.first-last > maxSubjectVerbDistance ||
		clauseBreak(text, si.toks[last].end, si.toks[c.first].start) > 0 {
		return false
	}
	for _, o := range si.cues {
		if o.first > last && o.first < c.first && (o.category.metric() != "" || o.category == claimCue) && !escapeeParticiple(si, last, o) {
			return false // not "Seorang pejabat ... mengatakan bahwa sedikitnya lima napi tewas": the one who spoke
		}
	}
	for k := last + 1; k < c.first; k++ {
		if si.toks[k].is(complementizerWords) {
			return false
		}
	}
	return true
}

// afterOpeningDate reports a figure at token first right after a date that opens the sentence and
// a comma: "On 31 October 2016, eight prisoners accused of ... escaped" opens with its figure too.
func afterOpeningDate(text string, si *sentenceInfo, first int) bool {
	if !strings.Contains(text[si.toks[first-1].end:si.toks[first].start], ",") {
		return false
	}
	for _, d := range si.dates {
		dFirst, dLast := tokenSpan(si.toks, d.Start, d.End)
		if dFirst >= 0 && dFirst <= 1 && dLast == first-1 {
			return true
		}
	}
	return false
}

// ownClauseAfter reports a figure (tokens first to last) that opens a clause of its own after a
// cue ending at token cue: a subordinating conjunction stands between them ("after", "when",
// "cuando", "lorsque"), and a verb of what befell people, or of an attack, follows the figure in
// that clause. The figure is the clause's subject, not the object of the verb before it.
func ownClauseAfter(text string, si *sentenceInfo, cue, first, last int) bool {
	opener := -1
	for k := cue + 1; k < first; k++ {
		if si.toks[k].is(subordinatorWords) {
			opener = k
		}
	}
	if opener < 0 || slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first > opener && c.first < first && c.category.metric() != "" }) {
		return false // "escaped after killing three guards": the verb after the conjunction is the figure's
	}
	if slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == attackersCue && c.first == last+1 }) {
		return true // "was killed when 4 militants, riding motorcycles, stopped the van": armed men open the clause as its doers
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		m := c.category.metric()
		verb := m != "" && m != model.Held && m != model.Attackers || c.category == attackCue || // "got away when some 200 gunmen raided the jail"
			c.category == riotCue // "died of wounds suffered when about 700 inmates rioted"
		return c.first > last && c.first-last <= maxCueDistance && verb && !containsAny(text[si.toks[last].end:si.toks[c.first].start], clauseMarks)
	})
}

// copularClause reports a figure ending at token last whose own verb is a copula right after it
// and its noun ("20 were foreigners", "12 inmates were minors"), with no word of what befell
// people after the copula in its clause: the clause says what they were, and a verb before the
// figure is another clause's.
func copularClause(text string, si *sentenceInfo, last int) bool {
	copula := func(k int) bool { return si.toks[k].is(copulaWords) && !si.toks[k].upper } // not "300 IS members"
	k := last + 1
	if k < len(si.toks) && !copula(k) && !containsAny(text[si.toks[last].end:si.toks[k].start], clauseMarks) {
		k++ // the figure's noun
	}
	if k >= len(si.toks) || !copula(k) || containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
		return false
	}
	end := len(si.toks)
	for j := k + 1; j < len(si.toks); j++ {
		if containsAny(text[si.toks[j-1].end:si.toks[j].start], clauseMarks) || si.toks[j].is(clauseConjunctionWords) {
			end = j
			break
		}
	}
	return !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first > k && c.first < end && (c.category.metric() != "" || c.category == arrestedCue || c.category.isDeed())
	})
}

// maxSubjectVerbDistance is how far the verb of a sentence's opening figure may follow it.
const maxSubjectVerbDistance = 18

// ownFateAfter reports a verb of another fate than the metrics' (kidnapped, displaced) right
// after a figure ending at token last and its noun, in its clause: it is what befell them, and a
// verb before the figure is another clause's.
func ownFateAfter(text string, si *sentenceInfo, last int) bool {
	for k := last + 1; k < len(si.toks) && k <= last+ownFateReach; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
			return false
		}
		if si.toks[k].is(otherFateWords) {
			return true
		}
	}
	return false
}

// tollOfOthers reports a toll noun before token k whose partitive names people of a metric other
// than the dead: "the number of rioters rose to nearly 300" counts rioters, no death toll.
func tollOfOthers(si *sentenceInfo, k int) bool {
	for j := 0; j+2 < k; j++ {
		if !si.toks[j].is(tollNounWords) || !partitiveToken(&si.toks[j+1]) {
			continue
		}
		for _, c := range si.cues {
			if m := c.category.metric(); isMetric(m) && m != model.Killed && (c.first == j+2 || c.first == j+3 && si.toks[j+2].is(definiteArticleWords)) {
				return true
			}
		}
	}
	return false
}

// ownVerbBeforeFigure reports a figure ending at token last followed (past its noun) by an
// auxiliary of its own verb, whose clause ends before another figure that stands before the cue at
// token cue: the cue is the other figure's ("Three were found, one was shot dead").
func ownVerbBeforeFigure(text string, si *sentenceInfo, last, cue int) bool {
	for _, o := range si.quantities {
		first, _ := tokenSpan(si.toks, o.Start, o.End)
		if first <= last+1 || first >= cue {
			continue
		}
		aux := last + 1
		if !si.toks[aux].is(auxiliaryWords) {
			aux++ // past the figure's noun: "two inmates were found"
		}
		return aux < first && si.toks[aux].is(auxiliaryWords) && containsAny(text[si.toks[aux].end:o.Start], clauseMarks)
	}
	return false
}

// ownFateReach is how many words after a figure (its noun, an auxiliary) its own verb may come.
const ownFateReach = 3

// relativeBetween reports a relative pronoun right after a noun among tokens [from, to): a figure
// after it stands in a relative clause that a verb before it does not govern. The caller starts
// from past the verb's object: right after a cue the pronoun opens a clause on the cue itself
// ("korban luka yang dirawat mencapai 11 orang": the wounded who were treated numbered 11). After a
// conjunction "that" opens a complement ("claimed that the group had organised the escape and that
// all 49 were safe"), which goes on with the verb before.
func relativeBetween(si *sentenceInfo, from, to int) bool {
	for k := max(from, 1); k < to; k++ {
		if si.toks[k].is(relativePronounWords) && !si.toks[k-1].is(conjunctionWords) {
			return true
		}
	}
	return false
}

// negationBetween reports a negation between a figure's words (ending at token last) and a cue
// after them at token cue, in one clause: the figure's verb is denied ("36 did not take part in the
// escape", "altri 12 non sono fuggiti con loro").
func negationBetween(text string, si *sentenceInfo, last, cue int) bool {
	return wordIn(negationWords, si.toks, last+1, cue) && !containsAny(text[si.toks[last].end:si.toks[cue].start], clauseMarks)
}

// heldAtPhraseEnd returns the last token of the phrase after a figure's noun of people held that
// says where they are held, a short aside set off by commas after it ("une trentaine de reclus du
// centre pénitentiaire de Tarvo, en Ardovie, [ont fui]", "40 inmates at the Kolondo jail [escaped]");
// last if there is none. The verb after the phrase is the figure's own.
func heldAtPhraseEnd(text string, si *sentenceInfo, last int) int {
	toks := si.toks
	k := last + 2 // past the noun
	if !isInmateNoun(si, last) || k >= len(toks) || !toks[k].is(facilityLocativeWords) && !toks[k].is(facilityLinkWords) && !toks[k].is(partitiveArticleWords) {
		return last
	}
	for _, h := range si.facilities {
		first, end := tokenSpan(toks, h.start, h.end)
		if first <= k || first > k+2 || containsAny(text[toks[k].end:h.start], clauseMarks) {
			continue
		}
		if end+1 < len(toks) && strings.Contains(text[toks[end].end:toks[end+1].start], ",") {
			for j := end + 1; j < len(toks) && j <= end+heldAtAsideWords; j++ {
				if j+1 < len(toks) && strings.Contains(text[toks[j].end:toks[j+1].start], ",") {
					return j // ", en Ardovie,": where the prison stands
				}
			}
		}
		return end
	}
	return last
}

// heldAtAsideWords is how many words an aside after the prison of a figure's people may hold: a
// preposition and a place of two words.
const heldAtAsideWords = 3

// groupPhraseEnd returns the last token of the words after a figure that describe the group it
// is taken from rather than what happened to it: "421 of the inmates who escaped [had been
// recaptured]", "six inmates who fled [returned]", "64 of the escaped inmates [were militants]".
func groupPhraseEnd(text string, si *sentenceInfo, last int) int {
	lx, toks := si.lex, si.toks
	i := last + 1
	if n := lx.phraseAt(partOfThemWords, toks, i); n > 0 {
		i += n
		if i >= len(toks) || !toks[i].is(groupRelativeWords) {
			return i - 1 // "14 of them [escaped]": a pronoun is the whole group
		}
		// "three of those who escaped [were shot dead]": the pronoun's clause says who they are
	} else if i+1 < len(toks) && (toks[i].is(partitiveArticleWords) || toks[i].is(groupPartitiveWords) &&
		(toks[i+1].is(definiteArticleWords) || toks[i+1].is(numberDeterminerWords))) {
		// "421 of the inmates [who...]"; in "dozens of fighters stormed" the noun is what is counted
		i++
		limit := last + partitiveGroupWords
		for k := i; k < len(toks) && k <= last+partitiveRelativeWords; k++ {
			if toks[k].is(groupRelativeWords) {
				limit = max(limit, k) // "three of the 23 foreign detainees [who...]"
				break
			}
		}
		if aux := auxiliaryOfMetric(text, si, i, last+partitiveModifierWords); aux > limit && !wordIn(groupRelativeWords, toks, i, aux+1) {
			return aux // "three of the inmates involved in the escape [were recaptured]": the group runs to the verb's auxiliary
		}
		for i < len(toks) && i <= limit && !toks[i].is(groupRelativeWords) && !(toks[i].is(auxiliaryWords) && !toks[i].upper) &&
			!toks[i].is(clauseConjunctionWords) && !predicateAt(si, i) {
			i++ // "421 of the inmates [who...]", but "four of them [were recaptured]" ends before its verb, "three of the escapees [and wounding two]" before the next clause
		}
	} else if i+1 < len(toks) && toks[i+1].is(groupRelativeWords) {
		i++ // "six inmates who fled": the noun, then the relative clause
	}
	if i < len(toks) && toks[i].is(groupRelativeWords) {
		end := relativeClauseEnd(text, toks, i)
		if !containsAny(text[toks[i].end:toks[end].end], ",") {
			end = max(end, clauseVerb(text, si, i)) // "que se habían escapado": the clause's verb after its pronoun and auxiliaries
		}
		end = mainAuxiliaryBefore(si, i, end) // "who escaped", "who escaped from X on Wednesday,"
		end = mainVerbBefore(text, si, i, end)
		if i == last+2 && !verbAfter(si, end) && !containsAny(text[toks[i].start:si.toks[len(toks)-1].end], clauseMarks) {
			return i - 1 // "sudah 12 napi yang ditangkap.", "there were 12 inmates who escaped.": the clause is the predicate
		}
		return end
	}
	return i - 1
}

// verbAfter reports a verb after token end in the sentence: a word of what befell people (a
// figure's metric cue, or an arrest) or an auxiliary. A relative clause before one describes the
// group; a relative clause that ends the sentence with none after it is what the sentence says
// of the figure.
func verbAfter(si *sentenceInfo, end int) bool {
	for _, c := range si.cues {
		if c.first > end && (c.category.metric() != "" || c.category == arrestedCue) {
			return true
		}
	}
	for k := end + 1; k < len(si.toks); k++ {
		if si.toks[k].is(auxiliaryWords) {
			return true
		}
	}
	return false
}

// mainAuxiliaryBefore shortens a relative clause opening at token i and ending at end to stop
// before an auxiliary that follows the clause's own verb (a cue): that auxiliary opens the main
// verb ("19 inmates who fled had returned on their own by Monday, saying..."; not "qui se sont
// évadés", where the auxiliary is the clause's own, nor "who escaped and were caught").
func mainAuxiliaryBefore(si *sentenceInfo, i, end int) int {
	for k := i + 2; k <= end; k++ {
		t, prev := &si.toks[k], &si.toks[k-1]
		if !t.is(auxiliaryWords) || prev.is(auxiliaryWords) || prev.is(conjunctionWords) || prev.is(negationWords) {
			continue
		}
		for _, c := range si.cues {
			if c.first > i && c.last < k {
				return k - 1
			}
		}
	}
	return end
}

// mainVerbBefore shortens a relative clause opening at token i and ending at end to stop before
// the first metric word after the clause's own verb, when that verb is none: in "three detainees
// who were charged under the terrorism law managed to escape," the clause says who they are, and
// "escape" is the figure's own verb (as "lima narapidana yang dijerat kasus narkoba berhasil kabur").
func mainVerbBefore(text string, si *sentenceInfo, i, end int) int {
	verb := i + 1
	for verb < end && (helperWord(text, si, verb) || si.toks[verb].is(abilityVerbWords) || si.toks[verb].is(infinitiveMarkerWords)) {
		verb++ // "who were able to break out": the clause's own verb is "break out"
	}
	for _, c := range si.cues {
		if c.first <= verb && c.last >= verb && c.category.metric() != "" {
			return end // "who escaped from X on Wednesday,": the clause's own verb is the deed
		}
	}
	first := end + 1
	for _, c := range si.cues {
		if c.first > verb && c.first <= end && c.first < first && c.category.metric() != "" {
			first = c.first
		}
	}
	return first - 1
}

// clauseVerb returns the first token after token i that is neither an auxiliary nor a
// reflexive pronoun, within maxAuxiliaries words: the verb of the clause a relative pronoun at i
// opens ("que se habían escapado").
func clauseVerb(text string, si *sentenceInfo, i int) int {
	k := i + 1
	for k < len(si.toks)-1 && k <= i+maxAuxiliaries && helperWord(text, si, k) {
		k++
	}
	return min(k, len(si.toks)-1)
}

// helperWord reports token k as an auxiliary or a reflexive pronoun: a word before a clause's verb.
func helperWord(text string, si *sentenceInfo, k int) bool {
	return si.toks[k].is(auxiliaryWords) || si.lex.writes(reflexivePhrases, text, si.toks[k])
}

// relativeClauseEnd returns the last token of a relative clause opening at token i: up to a
// comma when one closes it within a dozen words, else its first two words.
func relativeClauseEnd(text string, toks []token, i int) int {
	for k := i + 1; k < len(toks) && k <= i+12; k++ {
		if strings.Contains(text[toks[k-1].end:toks[k].start], ",") {
			return k - 1
		}
	}
	return min(i+2, len(toks)-1)
}

// insideMetricCue reports a cue that is part of a longer metric cue: "remain" in "remain at large".
func insideMetricCue(si *sentenceInfo, c cueHit) bool {
	for _, o := range si.cues {
		if o != c && o.category.metric() != "" && o.first <= c.first && o.last >= c.last {
			return true
		}
	}
	return false
}

// attempted reports a cue after "tried to", "attempted to", "an attempted" or "tentative de": the
// escape did not happen. One word may split the infinitive ("an attempt to forcibly release",
// "tenté de les libérer"), and the attempt may have an object of its own before the infinitive
// ("tried to find a way to escape").
func attempted(toks []token, k int) bool {
	return k >= 1 && toks[k-1].is(attemptVerbWords) ||
		k >= 2 && toks[k-1].is(infinitiveMarkerWords) && toks[k-2].is(attemptVerbWords) ||
		k >= 3 && toks[k-2].is(infinitiveMarkerWords) && toks[k-3].is(attemptVerbWords) ||
		k >= 2 && toks[k-1].is(infinitiveMarkerWords) && attemptBefore(toks, k-2) // "tried to find a way to escape"
}

// attemptedObject reports a noun at token k that an attempt verb takes as its object, past an
// article and one modifier, with no punctuation between: "attempted a mass breakout",
// "attempted a breakout".
func attemptedObject(toks []token, k int) bool {
	j := k - 1
	if j >= 1 && !toks[j].is(singularArticleWords) && !toks[j].is(definiteArticleWords) && !toks[j].upper &&
		!toks[j].is(conjunctionWords) && !toks[j].is(relativePronounWords) && !toks[j].is(infinitiveMarkerWords) {
		j-- // the modifier: "massive"
	}
	if j >= 1 && (toks[j].is(singularArticleWords) || toks[j].is(definiteArticleWords)) {
		j--
	}
	if j < 0 || j == k-1 || !toks[j].is(attemptVerbWords) {
		return false
	}
	for i := j; i < k; i++ {
		if toks[i+1].start-toks[i].end > 1 {
			return false // "في محاولة اقتحامه، وقتل": a comma closes the attempt's object
		}
	}
	return true
}

// attemptBefore reports an attempt verb within attemptObjectWords words before token k and up to
// it, the words between its own object ("tried to profit from all the confusion to escape"); a
// relative pronoun or a conjunction between opens another verb's clause ("tried to stop the men
// who managed to escape").
func attemptBefore(toks []token, k int) bool {
	for j := k; j >= max(0, k-attemptObjectWords); j-- {
		switch {
		case toks[j].is(attemptVerbWords):
			return true
		case toks[j].is(relativePronounWords) || toks[j].is(conjunctionWords):
			return false
		}
	}
	return false
}

// attemptObjectWords is how many words an attempt verb's own object may take before the
// infinitive of the escape it aims at ("tried to find a way to escape", "tried to profit from all
// the confusion to escape").
const attemptObjectWords = 6

// attemptReach is how far after a figure an attempt ("tried to escape") is its own verb.
const attemptReach = 4

// nounAfter reports token k as the noun right after the figure ending at last, or after a
// partitive and its determiners: "12 escapees", "12 of the escapees", "12 de los evadidos", "12 dos
// evadidos".
func nounAfter(si *sentenceInfo, last, k int) bool {
	j := last + 1
	if j < k && partitiveToken(&si.toks[j]) {
		j++
		for j < k && si.toks[j].is(numberDeterminerWords) {
			j++
		}
	}
	return j == k
}

// escapeeParticiple reports a participle of escape right after a noun of people held that a
// partitive after the figure (ending at token last) opens, with the clause's verb after it, an
// auxiliary first and no conjunction between: "seis de los presos fugados [...] ya fueron
// recapturados" are six of the escaped inmates, whom the participle names, as a noun of
// escapees would. In "four of the inmates escaped" and "escaped and were caught" the escape is
// the verb.
func escapeeParticiple(si *sentenceInfo, last int, c cueHit) bool {
	if c.category != escapedCue || c.first <= last+1 || !isInmateWord(si, c.first-1) || !nounAfter(si, last, c.first-1) || !takenFromGroup(si, last) {
		return false
	}
	for _, o := range si.cues {
		if o.first > c.last+1 && isMetric(o.category.metric()) && si.toks[o.first-1].is(auxiliaryWords) {
			return !wordIn(conjunctionWords, si.toks, c.last+1, o.first)
		}
	}
	return false
}

// takenFromGroup reports a figure followed by a partitive with its article ("40 of the escapees",
// "40 de los fugados", "40 des évadés"): a part of a group the text has told of. Without the
// article ("a dozen of escapees", "une quarantaine d'évadés") the noun is what the figure counts.
func takenFromGroup(si *sentenceInfo, last int) bool {
	j := last + 1
	if j >= len(si.toks) {
		return false
	}
	if si.toks[j].is(partitiveArticleWords) {
		return true
	}
	return si.toks[j].is(partitiveWords) && j+1 < len(si.toks) && si.toks[j+1].is(definiteArticleWords)
}

// partitive reports a word that takes a figure's noun from a group: "of", "de", or one fused with
// its article ("dos", "degli").
func partitive(lx *lexicon, folded string) bool {
	return lx.has(partitiveWords, folded) || lx.has(partitiveArticleWords, folded)
}

// partitiveToken is partitive for a sentence's token.
func partitiveToken(t *token) bool {
	return t.is(partitiveWords) || t.is(partitiveArticleWords)
}

// auxiliariesBetween counts the auxiliary verbs in tokens [from, to): they and the participle
// after them are one verb, no farther from the figure than a simple past.
func auxiliariesBetween(toks []token, from, to int) int {
	n := 0
	for k := max(0, from); k < to; k++ {
		if toks[k].is(auxiliaryWords) {
			n++
		}
	}
	return n
}

// conjunctionBreak is the extra distance a conjunction between a cue and the figure after it
// adds: "seven were captured and three others are counted dead" — three are the dead.
func conjunctionBreak(between []token) int {
	for _, t := range between {
		if t.is(clauseConjunctionWords) {
			return 2
		}
	}
	return 0
}

// clauseMarks are the marks that end a clause: the comma and semicolon, Latin and Arabic.
const clauseMarks = ",;،؛"

// clauseBreak is the extra distance a comma, semicolon or dash between a cue and a figure adds: a
// cue in the figure's own clause wins ("Of the 879 who escaped, 443 were recaptured"; "one died,
// eight have been recaptured").
func clauseBreak(text string, from, to int) int {
	if from < to && containsAny(text[from:to], clauseMarks+"—–") {
		return 3
	}
	return 0
}

func isMetric(m model.Metric) bool {
	for _, c := range metricCategories {
		if c == m {
			return true
		}
	}
	return false
}

// asideOpeners are the marks that open an aside: a bracket or a dash.
const asideOpeners = "(—–"

// dashLeadByte is the first byte of the dashes' UTF-8 encoding ("—", "–").
const dashLeadByte = 0xE2

// brokenDownTotal returns the figure that an aside breaks into parts when q is one of them: the
// aside opens with a bracket or a dash right after a figure and its noun, and its figures add up
// to that figure ("14 muertos —10 custodios y cuatro internos— y 13 heridos"). The parts' own
// words ("and 13 wounded" after the aside) then say nothing of what befell them.
func brokenDownTotal(text string, si *sentenceInfo, q Quantity) (Quantity, bool) {
	if total, ok := tollBrokenDown(text, si, q); ok {
		return total, true
	}
	before := text[si.start:q.Start]
	if strings.IndexByte(before, '(') < 0 && strings.IndexByte(before, dashLeadByte) < 0 {
		return Quantity{}, false // most figures: no bracket or dash before them, found at byte speed
	}
	open := max(strings.LastIndexByte(before, '('), strings.LastIndex(before, "—"), strings.LastIndex(before, "–"))
	if open < 0 || strings.ContainsAny(before[open:], ")"+clauseMarks) {
		return Quantity{}, false
	}
	open += si.start
	opener, _ := utf8.DecodeRuneInString(text[open:])
	total, found := Quantity{}, false
	for _, o := range si.quantities {
		if o.End <= open && o.Low != nil && o.Kind == "count" {
			total, found = o, true
		}
	}
	if !found || strings.ContainsAny(text[total.End:open], clauseMarks) || len(strings.Fields(text[total.End:open])) > asideNounWords {
		return Quantity{}, false
	}
	closer := strings.IndexRune(text[open+1:si.end], closingMark(opener))
	end := si.end
	if closer >= 0 {
		end = open + 1 + closer
	}
	return total, partsAddUp(si, open, end, *total.Low)
}

// partsAddUp reports two or more figures in bytes (from, to] of the sentence, all exact counts,
// that add up to total: a breakdown of it ("14 dead (10 guards and four inmates)"). A part that
// is not exact ("more than 10") breaks no total down.
func partsAddUp(si *sentenceInfo, from, to, total int) bool {
	sum, parts := 0, 0
	for _, o := range si.quantities {
		if o.Start <= from || o.End > to {
			continue
		}
		if o.Low == nil || o.High == nil || *o.Low != *o.High || o.Kind != "count" {
			return false
		}
		sum += *o.Low
		parts++
	}
	return parts >= 2 && sum == total
}

// tollBrokenDown returns the toll a figure is a part of when a toll that rose to a figure is
// broken down after a comma, to the sentence's end, into exact parts that add up to it: "the
// toll climbed to seven, three wardens and four fleeing prisoners" — the parts count what the
// toll counts, whatever words describe their people.
func tollBrokenDown(text string, si *sentenceInfo, q Quantity) (Quantity, bool) {
	if !tollUpdate(si) {
		return Quantity{}, false
	}
	for _, total := range si.quantities {
		first, _ := tokenSpan(si.toks, total.Start, total.End)
		if total.End >= q.Start || first < 1 || !si.toks[first-1].is(tollPrepositionWords) || total.Low == nil || total.Kind != "count" ||
			!strings.HasPrefix(strings.TrimLeft(text[total.End:si.end], " "), ",") {
			continue
		}
		return total, partsAddUp(si, total.End, si.end, *total.Low) && !containsAny(text[total.End:si.end], ";:")
	}
	return Quantity{}, false
}

// asideNounWords is how many words may stand between a figure and the aside that breaks it down:
// its noun or its verb ("14 dead (…)", "14 people killed (…)").
const asideNounWords = 2

// closingMark is the mark that closes an aside opened by r.
func closingMark(r rune) rune {
	if r == '(' {
		return ')'
	}
	return r
}

// inAside reports a cue inside parentheses that leave the figure outside, or inside a noun in
// apposition to the figure's: an aside, whose verb does not govern the figure.
func inAside(text string, si *sentenceInfo, first, last int, c cueHit) bool {
	switch {
	case c.first > last:
		between := text[si.toks[last].end:si.toks[c.first].start]
		return strings.Count(between, "(") > strings.Count(between, ")") || inApposition(text, si, last, c)
	case c.last < first:
		between := text[si.toks[c.last].end:si.toks[first].start]
		return strings.Count(between, ")") > strings.Count(between, "(")
	}
	return false
}

// inRelativeAside reports a figure inside a relative clause that a comma opens before its pronoun,
// and a cue after the comma that closes it: the main verb of the clause's antecedent.
func inRelativeAside(text string, si *sentenceInfo, first, last int, c cueHit) bool {
	if !containsAny(text[si.toks[last].end:si.toks[c.first].start], ",") {
		return false
	}
	for r := first - 1; r >= 1; r-- {
		if containsAny(text[si.toks[r].end:si.toks[r+1].start], clauseMarks) {
			return false // the figure's own clause began after this word
		}
		if si.toks[r].is(relativePronounWords) {
			return strings.Contains(text[si.toks[r-1].end:si.toks[r].start], ",")
		}
	}
	return false
}

// appositionWords is how many words a noun in apposition to a figure's may run ("all prisoners
// in police custody").
const appositionWords = 8

// inApposition reports a cue inside a noun phrase set off by commas right after a figure and its
// noun, opened by an article or a word of the whole and followed by a verb: "At least one person,
// an escaping prisoner, was killed" tells who was killed, and "escaping" only describes him.
func inApposition(text string, si *sentenceInfo, last int, c cueHit) bool {
	toks := si.toks
	open := nounPhraseComma(text, si, last, c.first)
	if open < 0 || open >= c.first-1 ||
		!toks[open+1].is(singularArticleWords) && !toks[open+1].is(definiteArticleWords) && !toks[open+1].is(wholeWords) {
		return false // "an escaping prisoner", "all prisoners in police custody"
	}
	for k := c.last; k+1 < len(toks) && k-open <= appositionWords; k++ {
		between := text[toks[k].end:toks[k+1].start]
		if strings.ContainsAny(between, ";:.!?()") {
			return false
		}
		if strings.Contains(between, ",") {
			next := &toks[k+1]
			return next.is(auxiliaryWords) || slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.first == k+1 && o.category.metric() != "" })
		}
	}
	return false
}

// timePhraseBefore reports a cue inside a phrase of time that a temporal reference word opens
// within timePhraseReach words before it and a comma closes right before the figure q:
// "since the escape, two men died" names the deed the time is counted from.
func timePhraseBefore(text string, toks []token, c cueHit, q Quantity) bool {
	between := text[toks[c.last].end:q.Start]
	if comma := strings.LastIndex(between, ","); comma < 0 || strings.TrimSpace(between[comma+1:]) != "" {
		return false // "après l'évasion, dimanche, de douze prisonniers": the figure is the escape's
	}
	for k := c.first - 1; k >= max(0, c.first-timePhraseReach); k-- {
		if k < c.first-1 && containsAny(text[toks[k].end:toks[k+1].start], clauseMarks) {
			return false
		}
		if toks[k].is(temporalReferenceWords) {
			return true
		}
	}
	return false
}

// timePhraseReach is how many words before a deed word the word opening its phrase of time may
// stand ("desde a fuga", "since the prison attack").
const timePhraseReach = 3

// deniedVerb reports a figure, ending at token last, whose first metric word after it in its
// clause a negation denies within negatedVerbReach words before it ("one detainee did not
// escape", "dua napi yang tidak mau kabur"). A zero figure is its own negation
// ("no inmate escaped"): the words after it hold none.
func deniedVerb(text string, si *sentenceInfo, last int) bool {
	for _, c := range si.cues {
		if c.first <= last || c.category.metric() == "" {
			continue
		}
		if containsAny(text[si.toks[last].end:si.toks[c.first].start], clauseMarks) {
			return false
		}
		return wordIn(negationWords, si.toks, max(last+1, c.first-negatedVerbReach), c.first)
	}
	return false
}

// negatedVerbReach is how many words before a figure's verb a negation may deny it ("did not
// escape", "tidak mau kabur").
const negatedVerbReach = 2

// auxiliaryOfMetric returns the token before the first auxiliary among tokens [from, to] when a
// metric word follows right after it or its other auxiliaries, with no clause mark or figure
// before it ("[three of the inmates involved in the escape] were recaptured"); 0 otherwise.
func auxiliaryOfMetric(text string, si *sentenceInfo, from, to int) int {
	for k := from; k < len(si.toks) && k <= to; k++ {
		if k > from && containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) ||
			slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Start == si.toks[k].start }) {
			return 0
		}
		if !si.toks[k].is(auxiliaryWords) {
			continue
		}
		verb := k + 1
		for verb < len(si.toks) && si.toks[verb].is(auxiliaryWords) {
			verb++
		}
		if slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first == verb && c.category.metric() != "" }) {
			return k - 1
		}
		return 0 // the first auxiliary is the figure's verb's, whatever follows it
	}
	return 0
}

// relativeFate reports the verb of a relative clause right after a bare figure that ends the
// figure's clause ("we count some 120 who escaped, two dead"): with no verb of its own after
// the clause, the figure counts those the relative's verb befell.
func relativeFate(text string, si *sentenceInfo, last, end int, c cueHit) bool {
	k := last + 1
	if k >= len(si.toks) || !si.toks[k].is(relativePronounWords) || containsAny(text[si.toks[last].end:si.toks[k].start], clauseMarks) {
		return false
	}
	for k++; k < c.first && si.toks[k].is(auxiliaryWords); k++ {
	}
	if k != c.first || c.category.metric() == "" {
		return false
	}
	for j := end + 1; j < len(si.toks); j++ {
		if containsAny(text[si.toks[j-1].end:si.toks[j].start], clauseMarks) {
			return true // the clause ends with the relative
		}
		if si.toks[j].is(copulaWords) || si.toks[j].is(auxiliaryWords) || slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.first == j && o.category.metric() != "" }) {
			return false // "100 who escaped were caught": the main verb follows
		}
	}
	return true
}
