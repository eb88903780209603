package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/wallwatch/wallwatch/internal/model"
)

// claims reads every figure of the frame's sentences as a claim: which metric it measures, whose
// side it counts (for killed and wounded), who put it forward and when, in a frame of type typ.
func (a *analysis) claims(f *frame, typ model.EventType, perpetrators []string) []model.Claim {
	var out []model.Claim
	seen := map[int]bool{}       // low bounds already claimed in the frame
	var lastMetric model.Metric  // the metric of the sentence's last claim, which a bare figure a speaker gives carries on
	var frameMetric model.Metric // the metric of the frame's last claim, which "put the number at 40" restates
	lastEnd := -1
	for _, si := range f.sentences {
		if aggregate(a.text, si) || f.date != nil && (earlier(si, f.date.Date) || a.goesOnEarlier(si, f.date.Date)) || codedTally(si) {
			continue
		}
		if lastEnd < 0 || lastEnd > si.start || strings.Trim(a.text[lastEnd:si.start], " ") != ";" && si.sequel == nil {
			lastMetric = "" // a new sentence; a clause cut at a semicolon or a comma goes on with the one before
		}
		lastEnd = si.end
		asides := saidAsides(a.text, si)
		claimant, role := a.claimantIn(si, tokenRange{0, len(si.toks)}, asides)
		role = roleIn(role, claimant, perpetrators, a.x.res.SameFamily)
		part, split := f.parts[si]
		figures := si.quantities
		if !split {
			figures = append(append(slices.Clip(figures), singulars(a.text, si)...), anotherOne(a.text, si)...)
		}
		for k, q := range figures {
			if split && !slices.Contains(part.figures, k) {
				continue // another town's figure, or one no town can claim
			}
			// A part of a toll that names its side ("eight killed, including five inmates") is
			// that side's figure; other parts count nothing of their own.
			figureOK := a.isFigure(si, figures, k)
			part := !figureOK && countFigure(a.text, si, q) && subset(a.text, si, q)
			if !figureOK && !part || backReference(si, q, seen) || si.datedReference() && si.inReference(q.Start) ||
				f.date != nil && (cumulative(a.text, si, q, f.date.Date) || earlierWhen(a.text, si, q, f.date.Date)) || spanTotal(a.text, si, q) {
				continue // a figure of the earlier event a reference point names is that event's, or a span's total
			}
			metric, ok := a.metricAt(si, figures, k)
			if !ok && lastMetric != "" && spokenFigure(si, q) {
				metric, ok = lastMetric, true // "the first toll spoke of five dead; in the evening Rivas confirmed 13"
			}
			if !ok && (frameMetric == model.Escaped || frameMetric == model.Killed || frameMetric == model.Wounded) && a.numberPutAt(si, q) {
				metric, ok = frameMetric, true // "48 had escaped. President Garcia put the number at 40"
			}
			if ok && wholeOfPart(si, q) && metric != model.Held && metric != model.Attackers {
				// "freed most of its 3,800 inmates": the figure is how many were held
				metric, ok = model.Held, countsInmates(si, q)
			}
			if !ok || metric == model.Held && (heldAcrossFacilities(si) || fewHeld(q)) ||
				(metric == model.Killed || metric == model.Wounded) && disasterToll(a.text, si, q) || metric == model.Killed && warToll(q) {
				continue // nor "the quake has killed at least 800 people": the disaster's toll
			}
			if metric == model.Escaped && remainder(a.lower, si, q) {
				if q.Low != nil {
					seen[*q.Low] = true // "the 4 still on the run": the rest, named again
				}
				continue // "the other 19 runaways belong to the gang": the rest of those who got out, not how many did
			}
			side := "unknown" // whose dead or wounded the figure's own words say
			if metric == model.Killed || metric == model.Wounded {
				side = a.sideOf(si, q, perpetrators)
			}
			if part && !sidePart(a.offsets.at(si.start), metric, side, out) {
				continue
			}
			if oneAndOthers(a.text, si, q) || metric == model.Escaped && a.oneWithOthers(si, q) {
				q = plusOne(q) // "killed X and 12 other people", "X escaped with nine associates": 13, 10
			}
			lastMetric, frameMetric = metric, metric
			speaker, speakerRole := claimant, role
			if r, ok := asideAround(si, asides, q); ok {
				speaker, speakerRole = a.claimantIn(si, r, nil) // "eight got away (as many as 30, according to local media)"
				speakerRole = roleIn(speakerRole, speaker, perpetrators, a.x.res.SameFamily)
			}
			c := model.Claim{Metric: metric, Low: q.Low, High: q.High, Qualifier: q.Qualifier,
				Claimant: speaker, ClaimantRole: speakerRole, DocumentID: a.doc.ID,
				Reported: model.Date{Start: dateMidnight(si.ref.Date), Precision: si.ref.Precision},
				Quote:    a.text[si.start:si.end], Start: a.offsets.at(si.start), End: a.offsets.at(si.end)}
			if si.ref.Date.IsZero() {
				c.Reported = model.Date{}
			}
			if metric == model.Killed || metric == model.Wounded {
				c.Side = side
				if c.Side == "unknown" {
					c.Side = ownSide(si, q, speakerRole)
				}
				if c.Side == "unknown" {
					c.Side = sideBefore(out, c)
				}
				if c.Side == "unknown" && revisedBefore(si, q) {
					c.Side = sideOfLast(out, c.Metric) // "Officials had initially reported eight dead": the same toll, told earlier
				}
			}
			if q.Low != nil {
				seen[*q.Low] = true
			}
			if repeated(out, c) {
				continue // the same sentence twice in one page
			}
			out = append(out, c)
			if total, ok := a.coordinatedTotal(si, q, c); ok {
				out = append(out, total)
			}
			if heldAll(si, q, c) {
				all := c // "all of the 40 inmates kept in the jail got away": 40 were held, too
				all.Metric, all.Side = model.Held, ""
				out = append(out, all)
			}
			if typ != model.Riot && wholeForce(si, q, c) {
				force := c // "neutralizing all seven attackers": the assault force was seven
				force.Metric, force.Side = model.Attackers, ""
				out = append(out, force)
			}
		}
	}
	return out
}

// wholeForce reports a figure of all the attackers ("all seven attackers", "tous les 12
// assaillants") that a casualty or an arrest befell: the figure counts the assault force as well
// (in a riot, the inmates who attacked are no assault force).
func wholeForce(si *sentenceInfo, q Quantity, c model.Claim) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if c.Metric == model.Attackers || c.Metric == model.Held || c.Metric == model.Escaped || first < 1 || !wholeBefore(si, first) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == attackersCue && o.first == last+1 })
}

// heldAll reports a figure of all the people held that a participle of holding describes before
// the verb of what befell them: the figure counts the people held as well.
func heldAll(si *sentenceInfo, q Quantity, c model.Claim) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if c.Metric != model.Escaped && c.Metric != model.Killed || first < 1 || !wholePopulation(si, first, last) || !wholeBefore(si, first) {
		return false
	}
	return slices.ContainsFunc(si.cues, func(o cueHit) bool { return o.category == heldCue && o.first == last+2 })
}

// revisedBefore reports a word of an earlier version before the figure in its sentence
// ("initially", "at first", "inicialmente"): the figure is what the toll told before was first
// said to be.
func revisedBefore(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && wordIn(revisionWords, si.toks, 0, first)
}

// sideOfLast returns the side of the last claim of the metric before, "unknown" if none has one.
func sideOfLast(claims []model.Claim, m model.Metric) string {
	for i := len(claims) - 1; i >= 0; i-- {
		if claims[i].Metric == m && claims[i].Side != "" && claims[i].Side != "unknown" {
			return claims[i].Side
		}
	}
	return "unknown"
}

// remainder reports a figure right after a phrase of the rest of a group ("the other 15", "os
// outros 15", "the remaining 15"): the rest of a group told before. The rest of the escapees is
// never how many escaped; the rest of a group of guards may be a toll of its own ("two guards
// were killed and the other three wounded"). lower is the text lower-cased.
func remainder(lower string, si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	for start := max(0, first-maxPhraseWords); start < first; start++ {
		for _, p := range si.lex.phrasesFrom(remainderPhrases, lower[si.toks[start].start:si.toks[start].end]) {
			if start+len(p.words) == first && tokensSpell(lower, si.toks[start:first], p.words) {
				return true
			}
		}
	}
	return false
}

// oneAndOthers reports a figure of others joined to one person before it: "killed Byron Lima and
// 12 other people", "the governor and 12 others". The figure leaves that person out of the count.
func oneAndOthers(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 2 || last+1 >= len(si.toks) || !si.toks[last+1].is(otherWords) || !si.toks[first-1].is(conjunctionWords) {
		return false
	}
	one := &si.toks[first-2]
	if q.Qualifier != "exact" || strings.TrimSpace(text[one.end:si.toks[first-1].start]) != "" {
		return false // "X and nearly 1,000 other inmates" is no count to the unit; "the guards, and 12 others"
	}
	for _, o := range si.quantities {
		if o.End > one.start && o.Start < one.end {
			return false
		}
	}
	start := first - 2
	for start > 0 && si.toks[start-1].upper && one.upper {
		start-- // the whole name: "Byron Lima Oliva"
	}
	if start > 1 && si.toks[start-1].is(partitiveWords) && si.toks[start-2].is(peopleNounWords) {
		return false // "two brothers of X and two other people": X is not among the counted; "the President of Y X and three other officials" is
	}
	// A capital that opens the sentence may be any word's, but a run of two is a name ("Ola
	// Kessel and two other suspects escaped"), and so is one the lexicon does not know and no
	// place reads ("Marsk and two other inmates were recaptured").
	return one.upper && (start > 0 || first-2 > start || unknownName(si, first-2)) || one.is(singularPersonWords)
}

// unknownName reports a word at token k that the lexicon has no use for and that is no place.
func unknownName(si *sentenceInfo, k int) bool {
	t := si.toks[k]
	return t.marks == si.lex.noMarks && !slices.ContainsFunc(si.places, func(p placeHit) bool { return p.start < t.end && p.end > t.start })
}

// oneWithOthers reports a figure after "with" that follows the escape of one person, named or
// told by a pronoun: "Pablo Escobar escaped with nine associates", "huyó junto a nueve de sus
// hombres" — the figure counts the others, the person is one more.
func (a *analysis) oneWithOthers(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	if first < 2 || q.Qualifier != "exact" {
		return false
	}
	with := comitativeBefore(si, first)
	if with < 0 {
		return false
	}
	c, ok := escapeBeforeWith(si, with)
	return ok && a.onePersonSubject(si, c.first)
}

// comitativeBefore returns the first token of a comitative phrase ("with", "along with", "com")
// that ends right before the figure at token first, or before an other_word right before it ("com
// outros 12 presos"); -1 if none.
func comitativeBefore(si *sentenceInfo, first int) int {
	end := first
	if end > 0 && si.toks[end-1].is(otherWords) {
		end--
	}
	for with := max(0, end-maxPhraseWords); with < end; with++ {
		if si.lex.phraseAt(comitativeWords, si.toks, with) == end-with {
			return with
		}
	}
	return -1
}

// escapeBeforeWith returns the escape cue that governs a comitative phrase at token with: the
// last cue of a deed or a figure's metric before it in the sentence, when it is one of escape and
// no count of people stands between them ("X broke out of the jail in Y at night, with nine other men").
func escapeBeforeWith(si *sentenceInfo, with int) (cueHit, bool) {
	var last cueHit
	found := false
	for _, c := range si.cues {
		if c.last < with && (c.category.isDeed() || c.category.metric() != "") && (!found || c.last > last.last) {
			last, found = c, true
		}
	}
	if !found || last.category != escapeCue && last.category != escapedCue {
		return cueHit{}, false
	}
	from, to := si.toks[last.last].end, si.toks[with].start
	return last, !slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.Kind == "count" && q.Start >= from && q.Start < to }) &&
		!wordIn(relativePronounWords, si.toks, last.last+1, with) // not "se fugaron de la cárcel, que cuenta con 940 internos"
}

// onePersonSubject reports one person right before the verb at token k, auxiliaries aside: a
// name inside the sentence or one the text uses as a surname, a pronoun or a noun of one person;
// not a place the verb's clause is set apart from by a comma.
func (a *analysis) onePersonSubject(si *sentenceInfo, k int) bool {
	j := k - 1
	for j >= 0 && (si.toks[j].is(auxiliaryWords) || si.toks[j].is(beforeVerbWords)) {
		j--
	}
	if j < 0 {
		return false
	}
	t := &si.toks[j]
	if containsAny(a.text[t.end:si.toks[j+1].start], clauseMarks) && placeEndsAt(si, j) {
		return false // "an attack on the prison in X, escaping with 230 prisoners": the clause's subject is the attackers
	}
	return t.is(singularPronounWords) || t.is(singularPersonWords) || a.surnames[withoutPossessive(t.fold)] ||
		j > 0 && t.upper && !t.is(peopleNounWords)
}

// placeEndsAt reports a place or a country's name ending at token j.
func placeEndsAt(si *sentenceInfo, j int) bool {
	end := si.toks[j].end
	for i, sp := range si.spans {
		if sp.last == j && i < len(si.spanReadings) && si.spanReadings[i].country {
			return true
		}
	}
	return slices.ContainsFunc(si.places, func(p placeHit) bool { return p.start < end && p.end >= end })
}

// plusOne returns a figure one higher at both ends.
func plusOne(q Quantity) Quantity {
	inc := func(v *int) *int {
		if v == nil {
			return nil
		}
		n := *v + 1
		return &n
	}
	q.Low, q.High = inc(q.Low), inc(q.High)
	return q
}

// coordinatedTotal reads "Two soldiers and a police officer were killed", "a coûté la vie à 12
// femmes et 3 nourrissons": a count of people joined by a conjunction to another group of the
// same side, one verb governing both (after the second group or right before the first), counts
// them all: 3 and 15 here.
func (a *analysis) coordinatedTotal(si *sentenceInfo, q Quantity, c model.Claim) (model.Claim, bool) {
	lx := si.lex
	if c.Qualifier != "exact" || c.Low == nil || !lx.hasWord(peopleNounWords, q.Noun) {
		return model.Claim{}, false
	}
	start, last := tokenSpan(si.toks, q.Start, q.End)
	and := last + 1
	for and < len(si.toks) && and <= last+3 && !si.toks[and].is(conjunctionWords) {
		if !si.toks[and].is(peopleNounWords) && !nameLike(lx, si.toks[and]) {
			return model.Claim{}, false // only the first group's own words before the conjunction
		}
		and++
	}
	if and >= len(si.toks) || !si.toks[and].is(conjunctionWords) || and+2 >= len(si.toks) {
		return model.Claim{}, false
	}
	second, noun := 0, and+2
	if si.toks[and+1].is(oneWordWords) {
		second = 1
	} else {
		for _, o := range si.quantities {
			if first, _ := tokenSpan(si.toks, o.Start, o.End); first == and+1 && o.Qualifier == "exact" && o.Low != nil && lx.hasWord(peopleNounWords, o.Noun) {
				second = *o.Low
			}
		}
	}
	for noun < len(si.toks) && noun <= and+4 && !si.toks[noun].is(peopleNounWords) {
		noun++
	}
	if second == 0 || noun >= len(si.toks) || noun > and+4 || !si.toks[noun].is(peopleNounWords) {
		return model.Claim{}, false
	}
	// One verb must govern both: its cue comes after the second group or right before the first,
	// and the second group has no verb of its own ("murieron dos guardias y 9 personas
	// resultaron heridas").
	if m, ok := metricAfter(si, noun, ""); (!ok || m != c.Metric) && !metricRightBefore(si, start, c.Metric) || ok && m != c.Metric && ownVerbAfter(a.text, si, noun) {
		return model.Claim{}, false
	}
	end := noun // the second group's noun may go on: "satu orang narapidana" (one person, an inmate)
	for end+1 < len(si.toks) && end+1 <= noun+nounRunReach && (si.toks[end+1].is(peopleNounWords) || sideAt(si, end+1, end+1) != "unknown") {
		end++
	}
	if other := sideAt(si, and+1, end); c.Side != "" && other != "" && other != "unknown" && other != c.Side {
		return model.Claim{}, false // "four attackers and one warder": sides are counted apart
	}
	sum := *c.Low + second
	total := c
	total.Low, total.High = &sum, &sum
	return total, true
}

// nounRunReach is how many words may go on a group's noun after it ("orang narapidana").
const nounRunReach = 2

// ownVerbAfter reports a metric cue within ownVerbReach words after the noun at token k, with no
// clause mark or conjunction between: the verb whose subject the noun is.
func ownVerbAfter(text string, si *sentenceInfo, k int) bool {
	for _, c := range si.cues {
		if c.category.metric() == "" || c.first <= k || c.first > k+ownVerbReach {
			continue
		}
		return !containsAny(text[si.toks[k].end:si.toks[c.first].start], clauseMarks) && !wordIn(conjunctionWords, si.toks, k+1, c.first)
	}
	return false
}

// ownVerbReach is how many words after a noun its own verb may come (an auxiliary between:
// "personas resultaron heridas", "inmates were wounded").
const ownVerbReach = 3

// metricRightBefore reports a cue of metric m that ends at most two words before token k ("killed
// two guards", "a coûté la vie à 12 femmes").
func metricRightBefore(si *sentenceInfo, k int, m model.Metric) bool {
	for _, c := range si.cues {
		if c.category.metric() == m && c.last < k && k-c.last <= 2 {
			return true
		}
	}
	return false
}

// figure reports a quantity that can be a claim: a count of people no incident at one facility
// exceeds, not a subset, a reference mark, a count of things or part of a group's name.
func figure(text string, si *sentenceInfo, q Quantity) bool {
	return !subset(text, si, q) && !exception(si, q) && !epidemicTally(si, q) && !articleBefore(si, q) && countFigure(text, si, q)
}

// articleBefore reports a figure right after a singular article, as written, and before a noun
// of things, a space between: "a three wheeler" names one vehicle by a number, it counts no one.
// A figure that starts with the article ("a dozen", "a hundred") reads it as its own, and one
// joined to its noun ("a 15-man commando") or before a noun of people counts them.
func articleBefore(si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 1 || last+1 >= len(si.toks) || !si.toks[first-1].is(singularArticleWords) {
		return false
	}
	article, noun := &si.toks[first-1], &si.toks[last+1]
	return article.end-article.start == len(article.fold) && noun.start == q.End+1 && // "à" folds to "a"; no hyphen
		!noun.is(peopleNounWords) && !isInmateNoun(si, last) && !slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first == last+1 })
}

// epidemicTally reports a figure joined by a conjunction to a count of infections or cases ("300
// new infections and 25 deaths"): an epidemic's tally, which counts no one an incident befell.
func epidemicTally(si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 0 {
		return false
	}
	if epidemicSentence(si) {
		return true
	}
	for _, o := range si.quantities {
		if o.Start == q.Start {
			continue
		}
		oFirst, oLast := tokenSpan(si.toks, o.Start, o.End)
		if oFirst < 0 || !wordIn(diseaseCountWords, si.toks, oLast+1, oLast+2+diseaseNameReach) {
			continue
		}
		if oLast < first && first-oLast <= tallyJoinReach && wordIn(conjunctionWords, si.toks, oLast+1, first) ||
			last < oFirst && oFirst-last <= tallyJoinReach && wordIn(conjunctionWords, si.toks, last+1, oFirst) {
			return true
		}
	}
	return false
}

// epidemicSentence reports a sentence that counts infections and tells nothing of people held or
// of a prison ("infections nationwide passed 5,100 this week, and the fever has killed 140"):
// its figures tally an epidemic, whatever their nouns. A clause is read with the ones it goes on
// from.
func epidemicSentence(si *sentenceInfo) bool {
	infections := false
	for c := si; c != nil; c = c.sequel {
		if c.is(inmateCue) || c.is(facilityCue) || c.is(holdingCue) || c.is(heldCue) || c.is(escapeCue) || c.is(escapedCue) || c.is(riotCue) || c.is(attackCue) {
			return false
		}
		infections = infections || wordIn(diseaseCountWords, c.toks, 0, len(c.toks))
	}
	return infections
}

// diseaseNameReach is how many words may stand between a count and the noun of infections it
// counts ("300 new flu cases").
const diseaseNameReach = 2

// tallyJoinReach is how far apart, in words, two counts of one tally may stand: the count's noun,
// its disease's name, a conjunction and a qualifier ("300 new flu infections and about 25").
const tallyJoinReach = 6

// exception reports a figure right after "all but" ("all but five of the 38 inmates are still at
// large"): those left out, whom nothing the sentence says befell.
func exception(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && si.lex.phraseEndingBefore(allButWords, si.toks, first, 0) >= 0
}

// judged reports a figure right after a verb of a court ("a court sentenced 21 people to death",
// "convicted 12 men"): it counts people tried, no one the incident befell, unless the verb is
// itself a word of a figure, or an arrest of the escapees the figure's noun names ("seven of the
// escapees were arrested") or the sentence before told of ("17 have been arrested", "six of them
// were arrested").
func judged(si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	verb := passiveCourtVerb(si, last)
	if first >= 1 && si.toks[first-1].is(courtVerbWords) {
		verb = first - 1
	}
	return verb >= 0 && !slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first <= verb && verb <= c.last && (c.category.metric() != "" ||
			c.category == arrestedCue && (escapeeNounAfter(si, last) || si.escapeLast && bareCount(si, last) || partOfEscapees(si, last)))
	})
}

// partOfEscapees reports the figure ending at token last taken "of them" in or right after a
// sentence telling of an escape: "180 inmates got out; nine of them were arrested by Friday" counts
// escapees caught again. "Them" are the last people named before it: not escapees after "warders
// were questioned and two of them were held".
func partOfEscapees(si *sentenceInfo, last int) bool {
	return last >= 0 && partOfThemAfter(si, last) && (si.is(escapeCue) || si.is(escapedCue) || si.escapeLast) && !staffBefore(si, last)
}

// staffBefore reports guards, police or other security staff named in the sentence before token
// k, after the last word of escape or of people held: "them" after them are the staff.
func staffBefore(si *sentenceInfo, k int) bool {
	staff, at := false, -1
	for _, c := range si.cues {
		if c.first >= k || c.first <= at {
			continue
		}
		switch c.category {
		case sideSecurityCue:
			staff, at = true, c.first
		case escapeCue, escapedCue, inmateCue, sidePrisonersCue:
			staff, at = false, c.first
		}
	}
	return staff
}

// passiveCourtVerb returns the court verb whose passive subject is the figure ending at token
// last, its noun between them ("Five inmates were sentenced to death", "12 of the men were later
// convicted"), or -1.
func passiveCourtVerb(si *sentenceInfo, last int) int {
	toks := si.toks
	for j := last + 1; j < len(toks) && j <= last+passiveSubjectReach; j++ {
		if !toks[j].is(beforeVerbWords) {
			continue
		}
		k := j + 1
		for k < len(toks) && k <= j+2 && toks[k].is(beforeVerbWords) {
			k++
		}
		if k < len(toks) && toks[k].is(courtVerbWords) {
			return k
		}
		return -1
	}
	return -1
}

// passiveSubjectReach is how many words after a figure its noun phrase may run before the
// auxiliary of its verb ("12 of the men were").
const passiveSubjectReach = 4

// sidePart reports a part of a toll, of the given metric and side, that a toll claimed earlier
// in its sentence (the claims quoting from rune offset start) gives no side or another side to:
// "at least 8 killed, including 5 inmates and 3 soldiers" tells each side's dead, "four
// policemen, including a head constable, were injured" nothing more than the four.
func sidePart(start int, metric model.Metric, side string, claimed []model.Claim) bool {
	if metric != model.Killed && metric != model.Wounded || side == "unknown" {
		return false
	}
	for i := len(claimed) - 1; i >= 0 && claimed[i].Start == start; i-- {
		if claimed[i].Metric == metric && claimed[i].Side != side {
			return true
		}
	}
	return false
}

// countFigure is figure but for the subset test: a part of a figure ("including five guards") is
// still a count of people.
func countFigure(text string, si *sentenceInfo, q Quantity) bool {
	return q.Kind == "count" && !beyondAnyIncident(q) && !footnote(text, q) && !countsThings(text, si, q) && !judged(si, q) &&
		!inName(si, q) && !difference(si, q) && !ageAfterName(text, si, q) && !partOfCasualties(si, q) &&
		!numbered(text, si, q) && !capitalisedNumberWord(text, si, q) && !numberInPlaceName(text, si, q)
}

// beyondAnyIncident reports a figure larger than the people any attack, escape or riot at one
// facility has involved (the largest prisons hold some tens of thousands): "12 млн получили...
// семьи погибших" is money, "Brazil's 700,000 inmates" a country's prisons.
func beyondAnyIncident(q Quantity) bool {
	return q.Low != nil && *q.Low > maxIncidentPeople
}

// maxIncidentPeople is the largest count of people a claim may give.
const maxIncidentPeople = 50000

// figureReading is what a sentence's quantity says as a figure: whether it is one (figure) and
// the metric it counts (metricOf), each worked out on first use.
type figureReading struct {
	figureRead, figure   bool
	metricRead, metricOK bool
	metric               model.Metric
}

// readingOf returns the reading of the sentence's k-th quantity. A mention's type and its claims
// both ask about the figures of its sentences, and frames overlap: the answers are kept in the
// sentence, which no longer changes once the document is read.
func (si *sentenceInfo) readingOf(k int) *figureReading {
	if si.figures == nil {
		si.figures = make([]figureReading, len(si.quantities))
	}
	return &si.figures[k]
}

// isFigure is figure for figures[k], where figures are the sentence's quantities, whose answers
// are kept, and after them any others read from it (singulars).
func (a *analysis) isFigure(si *sentenceInfo, figures []Quantity, k int) bool {
	if k >= len(si.quantities) {
		return figure(a.text, si, figures[k])
	}
	r := si.readingOf(k)
	if !r.figureRead {
		r.figure, r.figureRead = figure(a.text, si, figures[k]), true
	}
	return r.figure
}

// metricAt is metricOf for figures[k], as isFigure is figure.
func (a *analysis) metricAt(si *sentenceInfo, figures []Quantity, k int) (model.Metric, bool) {
	if k >= len(si.quantities) {
		return metricOf(a.text, si, figures[k])
	}
	r := si.readingOf(k)
	if !r.metricRead {
		r.metric, r.metricOK = metricOf(a.text, si, figures[k])
		r.metricRead = true
		if r.metricOK && (partOfThem(si, figures[k]) || conjoinedPart(si, figures[k])) && !partNamesSide(si, figures[k]) && a.countedBefore(si, figures, k, r.metric, nil) {
			r.metricOK = false // "10 reos están lesionados y que cuatro de ellos fueron llevados a clínicas": the four are among the ten
		}
		if r.metricOK && a.listedPart(si, figures, k, r.metric) {
			r.metricOK = false // "21 prisoners died, 17 in the main block and four in the annex": where the count's parts fell
		}
		if r.metricOK && r.metric == model.Held && a.heldBreakdown(si, figures, k) {
			r.metricOK = false // "about 900 inmates, including 40 women and a dozen awaiting execution": parts of the people held
		}
		if r.metricOK && r.metric != model.Held && wholeOfTakenPart(si, figures[k]) {
			r.metricOK = false // "two of the five guards were killed": the verb is the part's, the whole counts who was there
		}
	}
	return r.metric, r.metricOK
}

// conjoinedPart reports a figure that a conjunction joins to a part "of them" a few words before
// it: "18 prisoners dead, five of them decapitated and four burned" tells two parts of one whole.
func conjoinedPart(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	if first < 2 || !si.toks[first-1].is(conjunctionWords) {
		return false
	}
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool {
		_, olast := tokenSpan(si.toks, o.Start, o.End)
		return olast >= 0 && olast < first-1 && first-1-olast <= conjoinedPartReach && partOfThem(si, o)
	})
}

// conjoinedPartReach is how many words after a part "of them" the conjunction that joins the next
// part may stand ("seven of them beheaded and").
const conjoinedPartReach = 5

// listedPart reports a figure without a noun that a comma or a conjunction lists after a count
// of the same metric a few words before, a part link right after it: "21 prisoners died, 17 in
// the main block and four in the annex", "two were caught, one near the border" break the count
// down; they are no counts of their own.
func (a *analysis) listedPart(si *sentenceInfo, figures []Quantity, k int, m model.Metric) bool {
	q := figures[k]
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if q.Noun != "" || first < 1 || last+1 >= len(si.toks) || !si.lex.writes(partLinkPhrases, a.lower, si.toks[last+1]) {
		return false
	}
	if !strings.Contains(a.text[si.toks[first-1].end:si.toks[first].start], ",") && !si.toks[first-1].is(conjunctionWords) {
		return false
	}
	return a.countedBefore(si, figures, k, m, func(lastJ int) bool {
		return lastJ < first && first-lastJ <= listedPartReach && strings.Contains(a.text[si.toks[lastJ].end:si.toks[first].start], ",")
	})
}

// listedPartReach is how many words after a count its parts may be listed ("21 prisoners died,
// 17 in the main block and four").
const listedPartReach = 14

// heldBreakdown reports a figure of people held that a subset marker puts after another count of
// them a few words before: a part of the population, not a second count of it.
func (a *analysis) heldBreakdown(si *sentenceInfo, figures []Quantity, k int) bool {
	first, _ := tokenSpan(si.toks, figures[k].Start, figures[k].End)
	return a.countedBefore(si, figures, k, model.Held, func(last int) bool {
		return first-last <= heldBreakdownReach && subsetMarkerBetween(si, last+1, first)
	})
}

// heldBreakdownReach is how many words after a count of the people held a part of them may be
// listed ("900 inmates were held there, including 40 women and 12").
const heldBreakdownReach = 14

// wholeOfTakenPart reports a figure after "of the" with a part right before it ("two of the five
// guards"), and no relative clause of its own after its noun ("five of the 38 inmates who
// escaped" tells what befell the whole).
func wholeOfTakenPart(si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 1 || !afterOfThe(si, first) || !partTakenBefore(si, first) {
		return false
	}
	return !wordIn(relativePronounWords, si.toks, last+1, last+3)
}

// partNamesSide reports a part "of them" followed by a word of its side ("five of them
// prisoners"): it breaks the count down by side, which the count before does not say.
func partNamesSide(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	end := last + si.lex.phraseAt(partOfThemWords, si.toks, last+1)
	return sideAt(si, end+1, end+1) != "unknown"
}

// countedBefore reports a figure before figures[k] in its sentence that counts metric m and whose
// last token at accepts (any, when at is nil): a part of them that counts the same adds nothing
// to it.
func (a *analysis) countedBefore(si *sentenceInfo, figures []Quantity, k int, m model.Metric, at func(last int) bool) bool {
	for j := range k {
		if _, last := tokenSpan(si.toks, figures[j].Start, figures[j].End); last < 0 || at != nil && !at(last) || !a.isFigure(si, figures, j) {
			continue
		}
		if mj, ok := a.metricAt(si, figures, j); ok && mj == m {
			return true
		}
	}
	return false
}

// numbered reports a figure right after a number sign ("колонии № 31", "Prison No. 3", "cell
// #4"): it names something, it counts nobody.
func numbered(text string, si *sentenceInfo, q Quantity) bool {
	before := strings.TrimRight(text[:q.Start], " .°º")
	if strings.HasSuffix(before, "№") || strings.HasSuffix(before, "#") {
		return true
	}
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && si.toks[first-1].end == len(before) && si.toks[first-1].is(numberSignWords)
}

// numberInPlaceName reports a number in digits between a capitalised word and the noun of a
// place of detention right after it, one space on each side: the number is part of the place's
// name ("the Kessel 12 police station", "Block 7 prison"), it counts nobody.
func numberInPlaceName(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 1 || first != last || last+1 >= len(si.toks) || !allDigits(si.toks[first].fold) || !si.toks[first-1].upper || si.titled {
		return false
	}
	if text[si.toks[first-1].end:si.toks[first].start] != " " || text[si.toks[last].end:si.toks[last+1].start] != " " {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first == last+1 && (c.category == holdingCue || c.category == facilityCue)
	})
}

// capitalisedNumberWord reports a figure written in words, capitalised inside a sentence that is
// not a headline: the words are a name ("taken to hospital at Twelve Oaks", "the Twelve Apostles"), no count.
// A vague number names nothing: German capitalises its nouns ("befreiten Dutzende Häftlinge").
func capitalisedNumberWord(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && q.Qualifier != "vague" && si.toks[first].upper && si.toks[last].upper && !allDigits(si.toks[last].fold) && !si.titled &&
		!strings.ContainsAny(text[si.toks[first-1].end:si.toks[first].start], ":;\"“”«(—–-") // "said: Seven inmates"
}

// partOfCasualties reports a figure taken from the dead or wounded counted before ("two of the
// victims were beheaded", "dois dos mortos"): a part of a toll, not a toll. So is a zero taken
// from the hostages ("none of the hostages were killed"), who belong to no side: it says nothing
// of the others' dead.
func partOfCasualties(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	k := last + 1
	switch {
	case last < 0 || k+1 >= len(si.toks):
		return false
	case si.toks[k].is(partitiveArticleWords): // "dos mortos": of the dead
		k++
	case partitiveToken(&si.toks[k]) && si.toks[k+1].is(definiteArticleWords): // "of the victims"
		k += 2
	default:
		return false // "una treintena de heridos": the noun a collective number counts
	}
	if k >= len(si.toks) {
		return false // "of the" ends the text
	}
	if si.toks[k].is(hostageWords) {
		return zeroCount(q)
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return c.first == k && (c.category == killedCue || c.category == woundedCue)
	})
}

// ageAfterName reports a figure in digits set off by commas right after a capitalised word:
// "Constable Mareva Orlin, 30, was killed" gives his age, not a count.
func ageAfterName(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 1 || q.Low == nil || *q.Low > maxAge || !allDigits(si.toks[first].fold) || first != last {
		return false
	}
	return si.toks[first-1].upper && text[si.toks[first-1].end:q.Start] == ", " &&
		last+1 < len(si.toks) && strings.HasPrefix(text[q.End:si.toks[last+1].start], ",")
}

// maxAge is the highest figure read as a person's age.
const maxAge = 110

// difference reports a figure a comparison follows: "roughly 1,500 more than it was built for"
// gives a difference, not how many.
func difference(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	return last >= 0 && si.lex.phraseAt(comparativeAfterWords, si.toks, last+1) > 0
}

// sceneBeforeFacility reports an aggregate phrase that only sets the scene of a sentence about
// its one facility, a comma away: "during nationwide protests, 420 inmates escaped from X prison".
func sceneBeforeFacility(text string, si *sentenceInfo, c cueHit) bool {
	if len(si.facilities) != 1 || si.facilities[0].start < si.toks[c.last].end {
		return false
	}
	return strings.Contains(text[si.toks[c.last].end:si.facilities[0].start], ",")
}

// numberPutAt reports a bare figure after "put the number at": a speaker's count of what the
// frame counted last.
func (a *analysis) numberPutAt(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && q.Noun == "" && q.Kind == "count" && countPutAt(a.text, si, first, tollNounWords)
}

// spokenFigure reports a figure with no noun right after a verb of saying ("Rivas confirmed 13",
// "the institute registered 14"): it restates the count the sentence gave before.
func spokenFigure(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	if first < 1 || q.Noun != "" || q.Kind != "count" {
		return false
	}
	for _, c := range si.cues {
		if c.category == claimCue && c.last == first-1 {
			return true
		}
	}
	return false
}

// inName reports a figure that is part of a group's name ("400 Mawozo", "Barrio 18"): it counts
// nobody.
func inName(si *sentenceInfo, q Quantity) bool {
	for _, m := range si.actors {
		if q.Start < m.End && q.End > m.Start {
			return true
		}
	}
	return false
}

// aggregate reports a sentence whose figures add up a period, many places or many deeds: "the
// deadliest month since...", "in the past 30 years", "across fourteen detention centres", "five
// break-outs since 2010".
func aggregate(text string, si *sentenceInfo) bool {
	for _, c := range si.cues {
		if c.category == aggregateCue && !sceneBeforeFacility(text, si, c) && !asideAfterDeed(text, si, c) {
			return true
		}
	}
	for i, t := range si.toks {
		switch {
		case t.is(recentWords):
			for k := i + 1; k < len(si.toks) && k <= i+2; k++ {
				if si.toks[k].is(longPeriodWords) {
					return true // "in the past 30 years"
				}
			}
		case t.is(spreadWords):
			for k := i + 1; k < len(si.toks) && k <= i+3; k++ {
				if si.toks[k].is(facilityPluralWords) {
					return true // "across fourteen detention centres"
				}
			}
		case t.is(facilityPluralWords) && i > 0 && manyCounted(si, i-1):
			return true // "800 inmates escaped from four prison units": totals of several incidents
		case t.is(facilityPluralWords) && otherFacilities(si, i):
			return true // "800 were freed when gunmen stormed two other prisons": other incidents
		case t.is(deedPluralWords) && i > 0 && manyCounted(si, i-1):
			return true // "five break-outs since 2010, with 20 inmates killed": totals of as many incidents
		case t.is(deedPluralWords) && si.lex.writtenPhraseBefore(manyOfPhrases, text, si.toks, i):
			return true // "used in a series of raids, one of which killed three judges": figures of other deeds
		}
	}
	return false
}

// asideAfterDeed reports a cue in a clause that a comma sets after a clause with a deed and a
// figure: "Almost 60 prisoners escaped on Wednesday, among them dozens held during the unrest of
// the first half of the year" tells one escape, and the period is the aside's.
func asideAfterDeed(text string, si *sentenceInfo, c cueHit) bool {
	for k := c.first; k > 0; k-- {
		if !strings.Contains(text[si.toks[k-1].end:si.toks[k].start], ",") {
			continue
		}
		comma := si.toks[k-1].end
		return slices.ContainsFunc(si.cues, func(d cueHit) bool { return d.category.isDeed() && si.toks[d.last].end <= comma }) &&
			slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.End <= comma })
	}
	return false
}

// warToll reports a count of dead of warTollFloor or more: no assault on a prison or riot in one
// has killed so many, while a war's or an insurgency's toll, told as the story's background, does
// ("the insurgency, which has left over 20,000 dead", "des milliers de morts").
func warToll(q Quantity) bool {
	return q.Low != nil && *q.Low >= warTollFloor
}

// warTollFloor is the fewest dead a war's toll counts (warToll): the deadliest prison massacres
// told counted hundreds, up to about a thousand.
const warTollFloor = 2000

// otherFacilities reports a plural facility word at token i counted, by two or more, as other
// places than the story's: "two other prisons", "altre due strutture", "deux autres prisons".
func otherFacilities(si *sentenceInfo, i int) bool {
	other := func(t token) bool { return t.is(otherWords) || t.is(anotherWords) }
	k := i - 1
	after := k >= 0 && other(si.toks[k])
	if after {
		k--
	}
	if k < 0 {
		return false
	}
	q := slices.IndexFunc(si.quantities, func(q Quantity) bool { return q.End == si.toks[k].end && q.Low != nil && *q.Low >= 2 })
	if q < 0 {
		return false
	}
	first, _ := tokenSpan(si.toks, si.quantities[q].Start, si.quantities[q].End)
	return after || first > 0 && other(si.toks[first-1])
}

// manyCounted reports a figure of at least fewestAggregated ending at token k: the places or deeds
// it counts are as many incidents.
func manyCounted(si *sentenceInfo, k int) bool {
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		return q.End == si.toks[k].end && q.Low != nil && *q.Low >= fewestAggregated
	})
}

// fewestAggregated is the fewest places a figure of places must count for the sentence's figures
// to be totals: "attacked two prisons, freeing 200" may still tell one raid on a pair of jails.
const fewestAggregated = 3

// wholeOfPart reports a figure that a part is taken from, with at most a determiner between:
// "most of its 3,800 inmates", "la plupart des 800 détenus".
func wholeOfPart(si *sentenceInfo, q Quantity) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	for k := max(0, first-6); k < first; k++ {
		if n := si.lex.phraseAt(partOfWholeWords, si.toks, k); n > 0 && k+n <= first && first-(k+n) <= 1 {
			return true
		}
	}
	return false
}

// countsInmates reports a figure whose noun is one of the people held ("3,800 inmates").
func countsInmates(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for _, c := range si.cues {
		if c.category == inmateCue && c.first > last && c.first-last <= 3 {
			return true
		}
	}
	return false
}

// cumulative reports a figure counted over a period that began well before the incident: "more
// than 350 inmates dead since 2021" (a cumulative_word, then a date, within a few words after it
// or opening the sentence), "9,000 dead since the movement took up arms decades ago" (the clause
// after the word dates the start long ago).
func cumulative(text string, si *sentenceInfo, q Quantity, incident model.Date) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	for k := range si.toks {
		// The word stands a few words after the figure, or opens the sentence before it: "Since
		// 2021, gang violence in prisons has killed about 600 inmates".
		after := last >= 0 && k > last && k <= last+cumulativeReach
		opening := k <= 1 && k < first
		if !after && !opening || !si.toks[k].is(cumulativeWords) {
			continue
		}
		for _, d := range si.dates {
			if d.Start >= si.toks[k].end && d.Start-si.toks[k].end <= 2 &&
				d.Date.Start.Before(incident.Start.AddDate(0, 0, -earlierSlackDays)) {
				return true
			}
		}
		if after && longAgoInClause(text, si, k) {
			return true
		}
	}
	return false
}

// longAgoInClause reports a long period counted back from now ("decades ago", "years ago") in
// the clause opened by the word at token k: the period it starts began long before any one
// incident.
func longAgoInClause(text string, si *sentenceInfo, k int) bool {
	for j := k + 1; j+1 < len(si.toks) && j <= k+cumulativeReach; j++ {
		if containsAny(text[si.toks[j-1].end:si.toks[j].start], clauseMarks+".") {
			return false
		}
		if si.toks[j].is(longPeriodWords) && si.lex.isPhraseWord(agoAfterPhrases, si.toks[j+1].fold) {
			return true
		}
	}
	return false
}

// spanTotal reports a figure whose words end in a span of several long periods ("more than 150
// dead in three years", "150 muertos en tres años"): it adds up the span, no incident's toll.
func spanTotal(text string, si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for k := last + 1; k+2 < len(si.toks) && k <= last+cumulativeReach; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks+".") {
			return false
		}
		// The count is read as a word: the number reader takes none before a unit of time as a figure.
		if si.toks[k].is(periodPrepositionWords) && countWord(si.lex, si.toks[k+1].fold) && si.toks[k+2].is(longPeriodWords) {
			return true
		}
	}
	return false
}

// earlierWhen reports a figure in a clause opened by a when-word right after a date that ends
// before the incident: "the killings recalled the start of 2017, when more than 120 inmates
// died" counts the dead of 2017.
func earlierWhen(text string, si *sentenceInfo, q Quantity, incident model.Date) bool {
	for _, d := range si.dates {
		before := d.Date.LastDay().Before(incident.Start.AddDate(0, 0, -earlierSlackDays)) ||
			d.Date.Precision == model.PrecisionYear && d.Date.Start.Year() < incident.Start.Year() // "2017" before 1 January 2018
		if d.End > q.Start || !before {
			continue
		}
		k := slices.IndexFunc(si.toks, func(t token) bool { return t.start >= d.End })
		if k >= 0 && si.toks[k].is(whenWords) && strings.TrimSpace(text[d.End:si.toks[k].start]) == "," &&
			!containsAny(text[si.toks[k].end:q.Start], ";.") {
			return true
		}
	}
	return false
}

// cumulativeReach is how far after a figure the start of the period it adds up may be told: its
// verb and agent may come between ("400 people have been killed by security forces in the unrest
// since November 2015").
const cumulativeReach = 12

// earlier reports a sentence whose event date ends before the incident's: its figures belong to
// an earlier event ("around eighty people were killed there last year").
func earlier(si *sentenceInfo, incident model.Date) bool {
	d := eventDateOf(si)
	slack := max(incident.Precision.Tolerance(), earlierSlackDays)
	return d != nil && (d.Date.LastDay().Before(incident.Start.AddDate(0, 0, -slack)) ||
		d.Date.Precision == model.PrecisionYear && d.Date.Start.Year() < incident.Start.Year()) // "In 1993" told of a riot on 2 January 1994
}

// goesOnEarlier reports a sentence with no date of its own right after one, in its paragraph,
// that earlier dates, and that names no deed or doer as one known ("the attack", "les
// assaillants"): "In 2009, crowds rose. When they met at a stadium, soldiers fired, killing
// 150" tells of 2009 in both; "Seven were killed in the attack" is back at the incident.
func (a *analysis) goesOnEarlier(si *sentenceInfo, incident model.Date) bool {
	if si.index == 0 || len(si.dates) > 0 || definiteDeed(si) || a.tellsNow(si) {
		return false // "still not confirmed": how things stand now
	}
	prev := a.sentences[si.index-1]
	return !strings.Contains(a.text[prev.end:si.start], "\n\n") && earlier(prev, incident)
}

// definiteDeed reports a deed, its doers or the facility named after a definite article: the
// story's own, told before.
func definiteDeed(si *sentenceInfo) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		switch c.category {
		case attackCue, escapeCue, riotCue, attackersCue, facilityCue:
			return c.first > 0 && si.toks[c.first-1].is(definiteArticleWords)
		}
		return false
	})
}

// earlierSlackDays is how long before the incident's date a sentence may be dated and still tell
// of it: sieges begin, and reports misdate, by days.
const earlierSlackDays = 7

// minHeldCount is the fewest people a count of those held must name to be a place's population:
// "une visite refusée à un détenu", "two held pending trial" are persons of the story, not how many
// the place holds.
const minHeldCount = 3

// fewHeld reports a count of people held too small to be a place's population (minHeldCount).
func fewHeld(q Quantity) bool {
	n := q.High
	if n == nil {
		n = q.Low
	}
	return n != nil && *n < minHeldCount
}

// heldAcrossFacilities reports a population spread over several places: "thousands of fighters
// held in [SDF] prisons".
func heldAcrossFacilities(si *sentenceInfo) bool {
	for i, t := range si.toks {
		if !t.is(facilityLocativeWords) && !t.is(spreadWords) {
			continue
		}
		for k := i + 1; k < len(si.toks) && k <= i+3; k++ {
			if si.toks[k].is(facilityPluralWords) {
				return true
			}
		}
	}
	return false
}

// repeated reports a claim already read from an identical sentence, or one figure written twice
// ("One (1) officer"); figures of two known sides are two claims.
func repeated(claims []model.Claim, c model.Claim) bool {
	for _, o := range claims {
		if o.Metric == c.Metric && !sidesApart(o.Side, c.Side) && o.Quote == c.Quote && sameBound(o.Low, c.Low) && sameBound(o.High, c.High) {
			return true
		}
	}
	return false
}

// sidesApart reports two known, different sides: "a guard and an inmate were killed" counts one
// of each, where "One (1) officer" is one figure written twice.
func sidesApart(a, b string) bool {
	return a != "" && b != "" && a != "unknown" && b != "unknown" && a != b
}

func sameBound(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// backReference reports a figure that names again a group already counted: "the 1,200 escapees
// remain at large" after "some 1,200 inmates broke out"; "due dei sette sono stati
// catturati" after "sette detenuti sono evasi", where an article fused with its partitive
// names the whole and the verb after it is the part's.
func backReference(si *sentenceInfo, q Quantity, seen map[int]bool) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first <= 0 || q.Low == nil || !seen[*q.Low] {
		return false
	}
	if si.toks[first-1].is(definiteArticleWords) {
		return true
	}
	if !si.toks[first-1].is(partitiveArticleWords) {
		return false
	}
	// The part's verb follows the whole, its noun between or not ("due dei tre fuggitivi sono
	// stati catturati", "uno dei tre evasi è stato catturato"); "deux des trois agents grièvement
	// blessés" tells what befell the whole.
	next := last + 1
	if next < len(si.toks) && (si.toks[next].is(peopleNounWords) || si.toks[next].is(escapeeNounWords)) {
		next++
	}
	verbAt := func(k int) bool {
		return k < len(si.toks) && (si.toks[k].is(auxiliaryWords) || si.toks[k].is(beforeVerbWords))
	}
	return verbAt(next) || verbAt(next+1)
}

// tokenSpan returns the first and last token indexes covering bytes [s, e).
func tokenSpan(toks []token, s, e int) (int, int) {
	// Tokens are in text order and do not overlap: the first that ends after s opens the span.
	i := sort.Search(len(toks), func(i int) bool { return toks[i].end > s })
	first, last := -1, -1
	for ; i < len(toks) && toks[i].start < e; i++ {
		if first < 0 {
			first = i
		}
		last = i
	}
	return first, last
}

// subset reports a figure that counts part of another: a subset marker ends at most
// subsetMarkerReach words before it ("including 123 militants", "dont au moins 12 gardiens"), the
// sentence opens with "among" ("Among the inmates who escaped were all the 123 members"), or a
// copula and "among" follow it ("12 terrorists were among the inmates who fled", "80 are Maoists
// among the escapees"; not "three dead among the guards").
func subset(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 0 {
		return false
	}
	for start := max(0, first-subsetMarkerReach-maxPhraseWords); start < first; start++ {
		n := si.lex.phraseAt(subsetMarkerWords, si.toks, start)
		if n == 0 || start+n > first || first-(start+n) >= subsetMarkerReach {
			continue
		}
		conjoined := false // "including five prisoners and two jailers": the second group is its own count
		for k := start + n; k < first; k++ {
			conjoined = conjoined || si.toks[k].is(conjunctionWords)
		}
		if !conjoined && (!ownPredicate(text, si, last) || wholeAwaitsVerb(text, si, start)) {
			return true
		}
	}
	if len(si.toks) > 0 && si.toks[0].is(amongWords) && first > 1 && !ownPredicate(text, si, last) || amongOpensClause(text, si, first) {
		return true // "Entre 30 y 40 presos se fugaron": right before the figure it is "between"; "Parmi les évadées, cinq ont été récupérées" counts five
	}
	if appositivePart(text, si, first, last) {
		return true // "Seven inmates, four of them foreigners, escaped"
	}
	if amongOfSameFate(text, si, first, last) {
		return true // "among the dead, seven were beheaded": how some of the dead died
	}
	if asideBreakdown(text, si, q) {
		return true // "48 members of the group - 39 men and nine women - had escaped"
	}
	if colonBreakdown(text, si, q) {
		return true // "23 inmates escaped in all: the five men and three women arrested last week"
	}
	if classedPart(text, si, last) {
		return true // "25 among the escapees were rebel fighters": what some of them are
	}
	copula := false
	for k := last + 1; k < len(si.toks) && k <= last+4; k++ {
		t := &si.toks[k]
		if containsAny(text[si.toks[k-1].end:t.start], clauseMarks) {
			break // "10 people were hurt, among them four staff": the clause after names a part of them
		}
		if copula && t.is(amongWords) {
			return true
		}
		copula = copula || t.is(copulaWords)
	}
	return false
}

// classedPart reports a figure, taken from a group ("among the escapees", "of the inmates") or
// alone, that a copula then says what they are, a noun of people and no deed: "25 among the
// escapees were rebel fighters" and "of the escapees, 25 were fighters" tell what twenty-five of
// them were, neither how many escaped nor how many attacked.
func classedPart(text string, si *sentenceInfo, last int) bool {
	k := last + 1
	if k >= len(si.toks) || !si.toks[k].is(amongWords) && !si.toks[k].is(partitiveWords) && !si.toks[k].is(copulaWords) {
		return false
	}
	for ; k < len(si.toks) && k <= last+classedPartReach; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
			return false
		}
		if si.toks[k].is(copulaWords) && !si.toks[k].upper {
			return nounOfPeopleAfter(si, k)
		}
	}
	return false
}

// nounOfPeopleAfter reports the first word of a figure or a deed within classedPartReach words
// after the copula at token k being a noun of attackers or of people held ("were rebel fighters"),
// not a verb of what befell them ("were recaptured").
func nounOfPeopleAfter(si *sentenceInfo, k int) bool {
	first := cueHit{first: -1}
	for _, c := range si.cues {
		relevant := c.category == attackersCue || c.category == inmateCue || c.category.metric() != "" || c.category.isDeed()
		if relevant && c.first > k && c.first <= k+classedPartReach && (first.first < 0 || c.first < first.first) {
			first = c
		}
	}
	return first.first >= 0 && (first.category == attackersCue || first.category == inmateCue)
}

// amongOpensClause reports "among" opening the figure's clause within the sentence, with a noun
// between them: a clause mark or a word that opens a clause comes before it ("said that among the
// fugitives were dozens", "según la ministra, entre los heridos hay 32 internos").
func amongOpensClause(text string, si *sentenceInfo, first int) bool {
	for k := first - 1; k >= 0 && k >= first-amongReach; k-- {
		if containsAny(text[si.toks[k].end:si.toks[k+1].start], clauseMarks+":") && !existentialAfter(si, k+1, first) {
			return false
		}
		if !si.toks[k].is(amongWords) || k == first-1 {
			continue
		}
		if k > 1 && si.toks[k-1].is(partitiveWords) {
			k-- // "إن من بين الهاربين 9": "from among" opens the clause as "among" does
		}
		if k > 1 && si.lex.phraseAt(amongWords, si.toks, k-1) == 2 {
			k-- // "di antara": the phrase opens the clause
		}
		return k > 0 && (si.toks[k-1].is(relativePronounWords) || si.toks[k-1].is(complementizerWords) ||
			containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks+":"))
	}
	return false
}

// existentialAfter reports a verb of being right before the figure at token first that opens its
// clause at token k, at most one word before it: "among the escapees, there were 21 militants",
// "di antara para buronan itu, terdapat 21": the clause after the comma still names the part.
func existentialAfter(si *sentenceInfo, k, first int) bool {
	return first > 0 && first-k <= 2 && si.toks[first-1].is(copulaWords)
}

// amongOfSameFate reports a figure after "among" and a word of what befell a group ("among the
// dead,") whose own verb tells the same fate ("seven were beheaded"): a part of that group, told
// by how it befell them, and no count of its own. Another fate is a count ("among the escapees,
// 12 were recaptured").
func amongOfSameFate(text string, si *sentenceInfo, first, last int) bool {
	among := -1
	for k := first - 1; k >= 0 && k >= first-amongReach; k-- {
		if si.toks[k].is(amongWords) {
			among = k
			break
		}
	}
	if among < 0 {
		return false
	}
	var fate model.Metric
	told := 0 // the group's word and the fates of parts told before this one
	for _, c := range si.cues {
		if m := c.category.metric(); c.first > among && c.last < first && m != "" && m != model.Held {
			if fate != "" && m != fate {
				return false
			}
			fate = m
			told++
		}
	}
	if fate == "" || containsAny(text[si.toks[among].end:si.toks[first].start], ";.") {
		return false
	}
	if told > 1 && si.toks[first-1].is(conjunctionWords) {
		return true // "... seven were beheaded and six burned": a second part of the same group
	}
	for k := last + 1; k < len(si.toks) && k <= last+ownPredicateReach; k++ {
		for _, c := range si.cues {
			if m := c.category.metric(); c.first == k && m != "" {
				return m == fate // the figure's own verb, past its noun ("seven inmates were beheaded")
			}
		}
	}
	return false
}

// amongReach is how many words before a figure "among" may open its clause ("among those who
// escaped on Monday were 12").
const amongReach = 8

// asideBreakdown reports a figure inside an aside set off by dashes or brackets right after
// another count of the sentence: the aside breaks that count down ("Miranda said 48 members of the
// group - 39 men and nine women - had escaped"). An aside of two sides' figures gives each side's.
func asideBreakdown(text string, si *sentenceInfo, q Quantity) bool {
	open, width := lastAsideOpener(text[si.start:q.Start])
	if open >= 0 {
		open += si.start
	}
	if open < 0 || strings.ContainsAny(text[open+width:q.Start], "–—).") || strings.Contains(text[open+width:q.Start], " -") {
		return false // closed before the figure
	}
	rest := text[q.End:max(q.End, si.end)]
	closeAt := len(rest)
	for _, m := range [...]string{" -", "–", "—", ")"} {
		if i := strings.Index(rest, m); i >= 0 && i < closeAt {
			closeAt = i
		}
	}
	if closeAt == len(rest) || strings.Contains(rest[:closeAt], ".") {
		return false // the aside must close within the sentence
	}
	inside := 0 // the aside's first word
	for inside < len(si.toks) && si.toks[inside].start < open {
		inside++
	}
	for k := inside; k < len(si.toks) && si.toks[k].start < q.Start; k++ {
		if si.toks[k].is(negationWords) {
			return false // "30 detentos fugiram — e não 25, como anunciado —": a correction, no part
		}
	}
	if sidesInAside(si, open, q.End+closeAt) || ownSideIn(si, q) {
		return false // "23 killed (2 guards and 21 inmates)", "six people - five inmates and a girl": each side's own figure
	}
	if boundQualifier(q) && !slices.ContainsFunc(si.quantities, func(o Quantity) bool { return o.Start > open && o.Start < q.End+closeAt && o.Start != q.Start }) {
		return false // "shot dead at least three rioters (as many as seven, monitors said)": another count of them all, no part
	}
	return countBeforeOpener(si, open, inside)
}

// boundQualifier reports a figure given as a bound or an estimate ("up to nine", "more than 30",
// "about 40"): alone in an aside, it counts the whole again, where a part is told exactly.
func boundQualifier(q Quantity) bool {
	switch q.Qualifier {
	case "up_to", "more_than", "approx":
		return true
	}
	return false
}

// asideMarks are what opens an aside, a space and a dash or a bracket, and what closes each.
var asideMarks = [...]struct{ open, close string }{{" - ", " - "}, {" – ", " – "}, {" — ", " — "}, {" (", ")"}}

// lastAsideOpener returns where the last opener of an aside in s starts (a space, then a dash or
// a bracket: " - ", " – ", " — ", " (") and its length, -1 if s has none: one scan back from the
// end for the byte after the space, where a search for each opener would read s four times for
// every figure of a sentence.
func lastAsideOpener(s string) (at, width int) {
	for i := len(s) - 1; i > 0; i-- {
		if c := s[i]; c != '-' && c != '(' && c != 0xE2 || s[i-1] != ' ' { // 0xE2 opens "–" and "—"
			continue
		}
		for _, m := range asideMarks {
			if strings.HasPrefix(s[i-1:], m.open) {
				return i - 1, len(m.open)
			}
		}
	}
	return -1, 0
}

// countBeforeOpener reports a count of the sentence that ends before the byte offset open of an
// aside or a list, within asideCountReach words of its first word, token first: the count the
// aside or list breaks down.
func countBeforeOpener(si *sentenceInfo, open, first int) bool {
	for _, o := range si.quantities {
		if o.Kind != "count" || o.End > open {
			continue
		}
		if _, oLast := tokenSpan(si.toks, o.Start, o.End); oLast >= 0 && first-oLast <= asideCountReach {
			return true
		}
	}
	return false
}

// sidesInAside reports counts of two sides between the bytes from and to: the aside tells each
// side's figure.
func sidesInAside(si *sentenceInfo, from, to int) bool {
	first := ""
	for _, o := range si.quantities {
		if o.Kind != "count" || o.Start < from || o.End > to {
			continue
		}
		switch side := nounSide(si, o); {
		case side == "unknown":
		case first == "":
			first = side
		case side != first:
			return true
		}
	}
	return false
}

// ownSideIn reports a figure whose noun names the guards, the inmates or the assailants.
func ownSideIn(si *sentenceInfo, q Quantity) bool {
	switch nounSide(si, q) {
	case "security", "prisoners", "perpetrators":
		return true
	}
	return false
}

// nounSide is the side the noun right after a figure names, "unknown" without one.
func nounSide(si *sentenceInfo, q Quantity) string {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	if last < 0 {
		return "unknown"
	}
	return sideAt(si, last+1, last+2)
}

// colonBreakdown reports a figure after a colon that closes a clause with a count of its own, a
// few words after it: the list after the colon breaks that count down ("23 inmates escaped in
// all: the five men and three women arrested on Monday, and 15 other detainees"), unless it
// gives each side's own figure.
func colonBreakdown(text string, si *sentenceInfo, q Quantity) bool {
	colon := strings.LastIndexByte(text[si.start:q.Start], ':')
	if colon < 0 {
		return false
	}
	colon += si.start
	after := 0 // the first word after the colon
	for after < len(si.toks) && si.toks[after].start < colon {
		after++
	}
	if sidesInAside(si, colon, si.end) || ownSideIn(si, q) {
		return false
	}
	return countBeforeOpener(si, colon, after)
}

// asideCountReach is how many words before an aside the count it breaks down may end.
const asideCountReach = 8

// wholeAwaitsVerb reports a count ending a few words before the subset marker at token marker, with
// no metric word or clause mark between them: "all 900 inmates including 60 condemned prisoners walked free"
// has one verb for the whole and its part, so the part counts nothing of its own.
func wholeAwaitsVerb(text string, si *sentenceInfo, marker int) bool {
	for _, q := range si.quantities {
		_, last := tokenSpan(si.toks, q.Start, q.End)
		if q.Kind != "count" || last < 0 || last >= marker || marker-last > wholeNounReach+1 ||
			containsAny(text[si.toks[last].end:si.toks[marker].start], clauseMarks) {
			continue // "300 inmates, of whom nine were recaptured": the part's own clause
		}
		return !slices.ContainsFunc(si.cues, func(c cueHit) bool {
			return c.first > last && c.first < marker && c.category.metric() != ""
		})
	}
	return false
}

// wholeNounReach is how many words the noun of a whole may take between its figure and the subset
// marker after it ("1,500 inmates including").
const wholeNounReach = 3

// ownPredicate reports a metric verb of its own right after a figure, behind an auxiliary ("of
// whom nine were later recaptured"): the part is counted for what befell it, not as a subset.
func ownPredicate(text string, si *sentenceInfo, last int) bool {
	auxiliary := false
	for k := last + 1; k < len(si.toks) && k <= last+ownPredicateReach; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks) {
			return false // "32 people, including 10 inmates, were killed": the verb is the whole's
		}
		auxiliary = auxiliary || si.toks[k].is(auxiliaryWords)
		for _, c := range si.cues {
			if c.first == k && auxiliary && c.category.metric() != "" && c.category.metric() != model.Held {
				return true
			}
		}
	}
	return false
}

// ownPredicateReach is how many words after a figure its own metric verb may come ("nine were
// later recaptured", "dont cinq ont été légèrement touchés").
const ownPredicateReach = 4

// appositivePart reports a figure taken from a group named before ("four of them") set between
// commas with no metric word inside: a description of the group, not a count of its own.
func appositivePart(text string, si *sentenceInfo, first, last int) bool {
	if first < 1 || !strings.Contains(text[si.toks[first-1].end:si.toks[first].start], ",") ||
		last+1 >= len(si.toks) || si.lex.phraseAt(partOfThemWords, si.toks, last+1) == 0 {
		return false
	}
	k := last + 1
	for ; k < len(si.toks) && k <= last+appositiveReach; k++ {
		if closesAppositive(text, si, k-1) {
			return true
		}
		if si.toks[k].is(auxiliaryWords) {
			return false // "..., 12 of them were recaptured, police said": a clause of its own
		}
		for _, c := range si.cues {
			if c.first == k && c.category.metric() != "" && c.last+1 < len(si.toks) && !closesAppositive(text, si, c.last) {
				return false // "..., four of them were recaptured"
			}
		}
	}
	return k == len(si.toks) // the sentence ends the appositive: "49 dead, five of them burned"
}

// closesAppositive reports a clause mark, a dash or a bracket right after token k.
func closesAppositive(text string, si *sentenceInfo, k int) bool {
	return k+1 < len(si.toks) && containsAny(text[si.toks[k].end:si.toks[k+1].start], clauseMarks+"—–()")
}

// appositiveReach is how many words an appositive part may run before its closing comma.
const appositiveReach = 6

// subsetMarkerBetween reports a subset marker starting at a token in [from, to): "nine people
// including four inmates" names a part, not the nine's side.
func subsetMarkerBetween(si *sentenceInfo, from, to int) bool {
	return si.lex.phraseIn(subsetMarkerWords, si.toks, from, to)
}

// subsetMarkerReach is how many words may stand between a subset marker and its figure
// ("including at least the 12").
const subsetMarkerReach = 4

// classedPartReach is how many words the partitive group may take before its copula, and the
// copula's adjectives before its noun ("were all hardcore militants").
const classedPartReach = 5

// partOfThem reports a figure taken from a group named before: "two of them", "ten of whom",
// "deux d'entre eux".
func partOfThem(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	return last >= 0 && partOfThemAfter(si, last)
}

// partOfThemAfter is partOfThem for the figure ending at token last.
func partOfThemAfter(si *sentenceInfo, last int) bool {
	return last+1 < len(si.toks) && si.lex.phraseAt(partOfThemWords, si.toks, last+1) > 0
}

// countsThings reports a figure followed within three words by a noun of things (number.go's
// list) or of legal cases in its own clause: FindNumbers reads only the head noun, "nine INTERPOL member countries"
// hides it.
func countsThings(text string, si *sentenceInfo, q Quantity) bool {
	if si.lex.hasWord(peopleNounWords, q.Noun) {
		return false // "879 inmates, a prisons service spokesman said" counts people
	}
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for _, c := range si.cues {
		if (c.category == facilityCue || c.category == holdingCue) && c.first == last+1 && !jobWord(si, c) {
			return true // "the Bayamon 501 correctional complex", "two jails": places, not people ("two jail guards" are)
		}
	}
	for k := last + 1; k < len(si.toks) && k <= last+3; k++ {
		if containsAny(text[si.toks[k-1].end:si.toks[k].start], clauseMarks+":") {
			return false // the noun of another clause
		}
		if si.toks[k].is(thingNounWords) || si.toks[k].is(caseNounWords) {
			return true // "thirty pending cases"
		}
	}
	return false
}

// footnote reports a reference mark such as "[4]", "[note 2]" or the "4" glued to the end of a
// sentence ("at once.4"), not a figure.
func footnote(text string, q Quantity) bool {
	if q.Start > 0 && text[q.Start-1] == '[' && q.End < len(text) && text[q.End] == ']' {
		return true
	}
	before := text[:q.Start]
	if q.Start == q.End || !unicode.IsDigit(rune(text[q.Start])) {
		return false // "”One died" is a figure
	}
	for _, mark := range []string{".", "”", "\"", "’", ")"} {
		if rest, ok := strings.CutSuffix(before, mark); ok && rest != "" && !unicode.IsDigit(rune(rest[len(rest)-1])) && !unicode.IsSpace(rune(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// singulars reads one person named with an indefinite article right beside the verb of what befell
// them as a figure of one: "a prison guard was shot dead", "killed a police officer", "freed a
// suspect", "un gardien a été blessé". Away from such a verb, "a prisoner" counts nothing.
func singulars(text string, si *sentenceInfo) []Quantity {
	var out []Quantity
	for i, t := range si.toks {
		if !t.is(singularArticleWords) {
			continue
		}
		noun := singularNoun(text, si, i)
		if noun < 0 || appositionToFigure(text, si, i) {
			continue
		}
		if i > 0 && si.toks[i-1].is(conjunctionWords) {
			// "two guards and a soldier were killed" is one group, which coordinatedTotal counts;
			// "2 attackers and a policeman were killed" counts the policeman apart.
			if !metricAfterVerb(si, noun) || !otherSideBefore(si, i-1, noun) {
				continue
			}
		} else if !metricBeside(text, si, i, noun) && !sidesApartBeforeVerb(text, si, noun) {
			continue
		}
		one := 1
		if i == 0 || !si.toks[i-1].is(conjunctionWords) {
			if second := pairedSingular(text, si, noun); second >= 0 && sameSide(si, noun, second) {
				one = 2 // "killing a gendarme and a prison guard": two of one side
			}
		}
		out = append(out, Quantity{Start: t.start, End: t.end, Low: &one, High: &one, // the article, as a figure before its noun
			Qualifier: "exact", Kind: "count", Noun: si.toks[noun].fold})
	}
	return out
}

// anotherOne reads "another" joined by a conjunction to a clause before it, with a verb of what
// befell people right after it, as a figure of one: "one warder died and another was hurt", "two
// were shot dead and another was caught", "y otro resultó herido".
func anotherOne(text string, si *sentenceInfo) []Quantity {
	var out []Quantity
	for i, t := range si.toks {
		if !t.is(anotherWords) || i == 0 {
			continue
		}
		k := i - 1
		if k > 0 && si.toks[k].is(singularArticleWords) {
			k-- // "et un autre", "e un altro"
		}
		if !si.toks[k].is(conjunctionWords) {
			continue
		}
		for _, c := range si.cues {
			switch c.category {
			case killedCue, woundedCue, escapedCue, recapturedCue:
			default:
				continue
			}
			if c.first > i && c.first-i <= anotherVerbReach && !containsAny(text[t.end:si.toks[c.first].start], clauseMarks) {
				one := 1
				out = append(out, Quantity{Start: t.start, End: t.end, Low: &one, High: &one, Qualifier: "exact", Kind: "count", Noun: si.toks[i+1].fold})
				break
			}
		}
	}
	return out
}

// anotherVerbReach is how many words after "another" the verb of what befell that one person may
// stand ("and another guard was hurt").
const anotherVerbReach = 3

// appositionToFigure reports an indefinite article at token i that opens a noun set off by a comma
// right after a figure and its noun, or right after a part "of them": "At least one person, an
// escaping prisoner, was killed" and "three warders, one of them a nurse, were hurt" name who the
// figure counts, not one more.
func appositionToFigure(text string, si *sentenceInfo, i int) bool {
	if i < 2 {
		return false
	}
	if k := si.lex.phraseEndingBefore(partOfThemWords, si.toks, i, 0); k > 0 && (si.toks[k-1].is(oneWordWords) || slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		_, last := tokenSpan(si.toks, q.Start, q.End)
		return last == k-1
	})) {
		return true // "three warders, one of them a nurse, were hurt": the part is told by who it is, no one more
	}
	noun := &si.toks[i-1]
	if !strings.Contains(text[noun.end:si.toks[i].start], ",") || !noun.is(peopleNounWords) && !noun.is(singularPersonWords) {
		return false
	}
	return slices.ContainsFunc(si.quantities, func(q Quantity) bool {
		_, last := tokenSpan(si.toks, q.Start, q.End)
		return q.Kind == "count" && last >= 0 && last < i && nounPhraseComma(text, si, last, i) == i-1
	})
}

// pairedSingular returns the person noun of a second indefinite article right after a
// conjunction that follows the noun at token noun ("a gendarme and a prison guard"), -1 if none.
func pairedSingular(text string, si *sentenceInfo, noun int) int {
	and := noun + 1
	if and+1 >= len(si.toks) || !si.toks[and].is(conjunctionWords) || !si.toks[and+1].is(singularArticleWords) {
		return -1
	}
	return singularNoun(text, si, and+1)
}

// sameSide reports two person nouns of one known side.
func sameSide(si *sentenceInfo, a, b int) bool {
	s := sideAt(si, a, a)
	return s != "unknown" && s == sideAt(si, b, b)
}

// singularNoun returns the person noun an indefinite article at token i opens ("a prison guard"),
// -1 if none follows within maxSingularModifiers words of its clause ("abriu um inquérito; nenhum
// guarda": the article opened another noun) or a partitive word comes first: the article opened
// the noun before it ("a band of armed guards" is one band, not one guard).
func singularNoun(text string, si *sentenceInfo, i int) int {
	for noun := i + 1; noun < len(si.toks) && noun <= i+maxSingularModifiers+1; noun++ {
		if containsAny(text[si.toks[noun-1].end:si.toks[noun].start], clauseMarks) ||
			noun > i+1 && si.toks[noun].is(partitiveWords) {
			return -1
		}
		if si.toks[noun].is(singularPersonWords) {
			return noun
		}
	}
	return -1
}

// sidesApartBeforeVerb reads "A jail guard and an inmate were killed" and "A guard and 3
// assailants were killed": the person at token noun, a conjunction, a person or a counted group
// of another side, then the verb of what befell both. The person counts one.
func sidesApartBeforeVerb(text string, si *sentenceInfo, noun int) bool {
	and := noun + 1
	if and+1 >= len(si.toks) || !si.toks[and].is(conjunctionWords) {
		return false
	}
	second := singularNoun(text, si, and+1)
	if !si.toks[and+1].is(singularArticleWords) {
		second = countedNoun(si, and+1)
	}
	if second < 0 || !metricAfterVerb(si, second) {
		return false
	}
	return sidesApart(sideAt(si, noun, noun), sideAt(si, second, second))
}

// countedNoun returns the token right after a figure that starts at token i ("3 assailants"),
// -1 if no figure starts there.
func countedNoun(si *sentenceInfo, i int) int {
	for _, q := range si.quantities {
		if q.Start == si.toks[i].start {
			if _, last := tokenSpan(si.toks, q.Start, q.End); last >= 0 && last+1 < len(si.toks) {
				return last + 1
			}
		}
	}
	return -1
}

// otherSideBefore reports a group of another side than the person at token noun right before
// the conjunction at token and ("2 attackers and a policeman").
func otherSideBefore(si *sentenceInfo, and, noun int) bool {
	if and < 1 {
		return false
	}
	return sidesApart(sideAt(si, and-1, and-1), sideAt(si, noun, noun))
}

// maxSingularModifiers is how many words may stand between the article and the person noun: "an
// off-duty prison guard".
const maxSingularModifiers = 3

// metricBeside reports a metric cue right before the article (after "killed", "freed") or right
// after the noun's verb ("was shot dead", "was also injured", "a été tué"), the verb that may follow
// a relative clause ("a guard who was walking to work was shot dead").
func metricBeside(text string, si *sentenceInfo, article, noun int) bool {
	for _, c := range si.cues {
		if c.category.metric() != "" && c.last == article-1 &&
			!containsAny(text[si.toks[c.last].end:si.toks[article].start], clauseMarks) {
			return true // not "demanding to be released, a detainee said": a comma ends the cue's clause
		}
	}
	if metricAfterVerb(si, noun) {
		return true
	}
	if noun+1 < len(si.toks) && si.toks[noun+1].is(relativePronounWords) {
		for k := noun + 2; k < len(si.toks) && k <= noun+relativeClauseWords; k++ {
			if si.toks[k].is(beforeVerbWords) && metricAfterVerb(si, k-1) {
				return true
			}
		}
	}
	return false
}

// relativeClauseWords is how long a relative clause between a person and their verb may run.
const relativeClauseWords = 8

// metricAfterVerb reports a metric cue right after the verb words that follow token k ("was
// shot dead", "was also injured").
func metricAfterVerb(si *sentenceInfo, k int) bool {
	after := k + 1
	for after < len(si.toks) && after <= k+4 && si.toks[after].is(beforeVerbWords) {
		after++
	}
	for _, c := range si.cues {
		if c.category.metric() != "" && c.first == after && after > k+1 {
			return true
		}
	}
	return false
}

// codedTally reports a sentence made of a number and a tally noun only ("2 fatalities."): the
// count a dataset's coder closes an event note with, which no source claimed.
func codedTally(si *sentenceInfo) bool {
	words := 0
	tally := false
	for _, t := range si.toks {
		switch {
		case t.is(codedTallyWords):
			tally = true
		case strings.IndexFunc(t.fold, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0:
			words++ // the number, or any other word
		}
	}
	return tally && words == 1
}

// disasterToll reports a figure of dead or wounded whose clause names a natural disaster before it
// ("the quake and the tsunami that followed have killed at least 800 people"), unless
// it counts the people held or their guards: the disaster's toll, not the incident's.
func disasterToll(text string, si *sentenceInfo, q Quantity) bool {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 0 || isInmateNoun(si, last) || securityNoun(text, si, last) {
		return false
	}
	for k := first - 1; k >= 0; k-- {
		if containsAny(text[si.toks[k].end:si.toks[k+1].start], ";:") {
			return false
		}
		if si.toks[k].is(disasterWords) {
			return true
		}
	}
	return false
}
