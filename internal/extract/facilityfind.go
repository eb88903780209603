package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// findFacilities finds the detention facilities a sentence names: known facilities by alias, and
// names built around a facility word ("the Tasfirat prison", "Kangbayi central prison", "prison
// centrale de Munzenze", "Lapas Tanjung Gusta", "the jail in Benghazi").
func (a *analysis) findFacilities(si *sentenceInfo) {
	hits := a.x.known.scan(si.toks)
	for _, h := range hits {
		if insideLonger(hits, h) {
			continue // "maison centrale d'arrêt de X" names X's prison, not one whose alias is its first words
		}
		if si.inPersonal(h.first) {
			continue // "a former inmate who had been released from X prison": that person's past
		}
		if h.first > 0 && si.toks[h.first-1].is(formerWords) {
			continue // "the former Tarvo prison" holds nobody
		}
		if movedTo(si, h.first) {
			continue // "the recaptured were taken to the Tarvo prison": where they went, not where it happened
		}
		i := h.ref
		f := &a.x.facilities[i]
		if a.placedAbroad(si, f, si.toks[h.first].start, si.toks[h.last].end) {
			continue // "La Esperanza prison in Kolondo (North Vale)": a namesake of the known one, in another country
		}
		si.facilities = append(si.facilities, facilityHit{start: si.toks[h.first].start, end: si.toks[h.last].end,
			name: f.Name, key: a.x.facilityKeys[i], known: f, town: f.Town})
	}
	headline := si.titled
	for _, c := range si.cues {
		if c.category == holdingCue && !headline {
			if custodyState(si, c) {
				continue // "taken into police custody" tells that someone is held, not where
			}
			// "the Kolondo District Police Headquarters", "the police station in Kolondo": a place
			// that holds people a while names the incident's facility only when no prison does.
			if h, ok := a.namedFacility(si, c); ok {
				si.holdings = append(si.holdings, h)
			}
			continue
		}
		if c.category != facilityCue || headline || si.toks[c.last].is(facilityPluralWords) {
			continue // "nine Middle East prisons" names no one facility
		}
		if jobWord(si, c) && !si.toks[c.first].upper {
			continue // "agentes penitenciários" are officers, not a prison
		}
		if c.first == c.last && c.first > 0 && si.toks[c.first-1].is(institutionNounWords) || ofInstitution(si, c) {
			continue // "Administração Penitenciária", "sistema penitenciario", "the prison service": an institution, not a prison
		}
		h, ok := a.namedFacility(si, c)
		if ok {
			if first, _ := tokenSpan(si.toks, h.start, h.end); first >= 0 && (movedTo(si, first) || movedFrom(a.text, si, first)) {
				for i := range si.places {
					if p := &si.places[i]; p.start >= h.start && p.end <= h.end {
						p.landmark = true // its town is where they were taken, too
					}
				}
				continue
			}
		}
		switch {
		case ok && h.titled:
			si.titles = append(si.titles, h)
		case ok && !overlapsFacility(si.facilities, h):
			si.facilities = append(si.facilities, a.knownByKey(h))
		}
	}
}

// movedTo reports a facility whose name starts at token k right after a verb of moving people
// there, an article allowed between, in a sentence of escapees caught ("recapturados e
// transferidos para a Penitenciária de Tarvo"): where they were taken after the deed, not the
// prison they fled; and in a sentence of an assault, a facility a relative clause says a person
// was being moved to ("attacked a van carrying a prisoner who was being transferred to the Tarvo
// prison"), and in any sentence whose deed words all come before the move ("the ringleaders of
// Friday's riot will be transferred to the Tarvo prison"). Inmates "transferred to the Tarvo
// prison days before" an attack on it were moved to the deed's place.
func movedTo(si *sentenceInfo, k int) bool {
	at := si.lex.phraseEndingBefore(destinationWords, si.toks, k, destinationReach)
	if at < 0 {
		return false
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == recapturedCue && c.last < at }) ||
		si.is(attackCue) && wordIn(relativePronounWords, si.toks, at-destinationClauseReach, at) || // "liberato un detenuto che stava per essere trasferito nel carcere di Tarvo"
		deedBeforeOnly(si, at, k) // "the ringleaders of Friday's riot will be transferred to the Tarvo prison"
}

// deedBeforeOnly reports a sentence whose words of a deed all stand before a phrase of moving
// people (at token at) and none after the facility it names (from token k): the deed named first
// is where the moved people come from, the facility where they go.
func deedBeforeOnly(si *sentenceInfo, at, k int) bool {
	before := false
	for _, c := range si.cues {
		switch {
		case !c.category.isDeed():
		case c.last < at:
			before = true
		case c.first >= k:
			return false
		}
	}
	return before
}

// movedFrom reports a facility whose name starts at token k right after a phrase of moving people
// away from it, an article allowed between ("was being transferred from the Tarvo prison to the
// court", "transférés de la maison d'arrêt de Tarvo vers le palais"): where the people were held
// before, not where the deed told happened.
func movedFrom(text string, si *sentenceInfo, k int) bool {
	if k > 0 && si.toks[k-1].is(definiteArticleWords) {
		k--
	}
	return si.lex.writtenPhraseBefore(movedFromPhrases, text, si.toks, k)
}

// destinationClauseReach is how many words a relative pronoun may stand before the verb of
// moving people of its clause ("who was being taken back to").
const destinationClauseReach = 4

// destinationReach is how many words (an article) may stand between a verb of moving people and
// the name of the facility they were moved to.
const destinationReach = 1

// insideLonger reports a hit whose words lie inside a longer hit's.
func insideLonger(hits []cueHit, h cueHit) bool {
	for _, o := range hits {
		if o.first <= h.first && o.last >= h.last && o.last-o.first > h.last-h.first {
			return true
		}
	}
	return false
}

// placedAbroad reports a known facility named (from text offset start to end) in a sentence
// whose places all lie in countries other than the facility's, in a text whose countries do not
// include it: names such as "the Model prison" are borne by prisons of many countries, and the
// sentence says which one it is. A place inside the name is the facility's own town, read as a
// namesake abroad only because the gazetteer lacks the town: it places nothing.
func (a *analysis) placedAbroad(si *sentenceInfo, f *Facility, start, end int) bool {
	if slices.Contains(a.countries, f.Country) {
		return false
	}
	outside, home := false, false
	for _, p := range si.places {
		if p.start >= start && p.end <= end {
			continue
		}
		outside = true
		home = home || p.place.Country == f.Country
	}
	return outside && !home
}

// knownByKey takes a facility named in other words than its aliases ("penal de Mareva",
// "prison centrale de Mareva") for the known facility whose name folds to the same key, unless
// the text places its incidents in other countries only.
func (a *analysis) knownByKey(h facilityHit) facilityHit {
	i, ok := a.x.keyedFacility[h.key]
	if !ok || h.key == "" {
		return h
	}
	f := &a.x.facilities[i]
	if len(a.countries) > 0 && !slices.Contains(a.countries, f.Country) {
		return h
	}
	h.known, h.town, h.name = f, f.Town, f.Name
	return h
}

// maxModifiersAfter is how many adjectives may follow a facility word before its name.
const maxModifiersAfter = 2

var possessive = strings.NewReplacer("’s ", " ", "'s ", " ")

func overlapsFacility(hs []facilityHit, h facilityHit) bool {
	for _, o := range hs {
		if h.start < o.end && h.end > o.start {
			return true
		}
	}
	return false
}

// namedFacility builds a facility name around the facility cue c, reading proper-name words
// before it ("Tasfirat prison") or after a linking word ("prison de Munzenze", "jail in Benghazi").
func (a *analysis) namedFacility(si *sentenceInfo, c cueHit) (facilityHit, bool) {
	toks := si.toks
	first := c.first
	// Words that lead their name ("penjara Kerobokan") take no name before them: "Sumber-sumber
	// penjara" are prison sources.
	headFirst := toks[c.first].is(facilityHeadFirstWords) || toks[c.last].is(facilityHeadFirstWords)
	// A modifier ("central", "federal") joins the name whatever its case; a capitalised word only
	// when it is no common word capitalised by its place ("Four", "The").
	for !headFirst && first > 0 && first-c.first > -5 &&
		(nameLike(si.lex, toks[first-1]) && !a.commonCapital(toks[first-1].fold) || toks[first-1].is(facilityModifierWords)) &&
		!a.countryEndsAt(toks, first-1) && !a.isActorToken(si, toks[first-1]) &&
		!containsAny(a.text[toks[first-1].end:toks[first].start], "(),:;\n") &&
		!(first < c.first && possessor(toks[first-1])) {
		first-- // but "Kolondo's Orlin Prison" is Orlin Prison, in Kolondo
		if first > 1 && first < c.first && toks[first-1].is(nameParticleWords) && !toks[first-1].upper &&
			nameLike(si.lex, toks[first-2]) && !a.commonCapital(toks[first-2].fold) && !a.countryEndsAt(toks, first-2) &&
			!toks[first-2].is(titleWords) { // not "Superintendent of": an office of the prison, no part of its name
			first -= 2 // "Mira del Sur provincial jail": a particle inside the name of a province
		}
	}
	for first < c.first && (!nameLike(si.lex, toks[first]) || a.commonCapital(toks[first].fold)) {
		first++ // a modifier alone ("central prison") does not start a name
	}
	if first < c.first && a.regionOnly(si, toks[first].start, toks[c.first-1].end) {
		first = c.first // "Bihar jail": a state names no prison; the town it stands in will
	}
	last := c.last
	// Languages that put adjectives after the noun: "cadeia distrital de X", "prisión provincial de X".
	cue := c.last
	for cue+1 < len(toks) && cue-c.last < maxModifiersAfter && toks[cue+1].is(facilityModifierWords) && !toks[cue+1].upper {
		cue++
	}
	abbreviation := abbreviationAfter(a.text, toks, cue)
	if abbreviation {
		cue++ // "Lembaga Pemasyarakatan (Lapas) Kelas IIB Kolondo": the bracket restates the facility word
	}
	// "Centre, Kolondo" or "prison de X" / "prison of X" / "Lapas X": a name after the cue.
	after, nameLast, town, written := a.nameAfter(si, cue)
	if cue > c.last && after == cue {
		after = c.last // modifiers with no name after them stay out of it
	}
	keyLast := last
	if first == c.first && after > c.last {
		last, keyLast = after, nameLast
	}
	start, end := toks[first].start, toks[last].end
	if first == c.first {
		start += procliticBytes(si.lex, a.text, toks[first]) // "بسجن كولوندو" is "سجن كولوندو" after "in"
	}
	name := strings.TrimSpace(a.text[start:end])
	if strings.Contains(name, " ") && containsAny(name, quoteMarks) {
		name = unquoted(name) // "سجن "الرمال"" is "سجن الرمال"
	}
	if nameFirst, nameLast, ok := a.nicknameAfter(si, cue); ok && first == c.first && last == c.last && town == "" {
		// "the prison, known as La Catedral": the name it goes by.
		name = a.text[toks[nameFirst].start:toks[nameLast].end]
		return facilityHit{start: start, end: toks[nameLast].end, name: name, key: a.placeKey(name)}, true
	}
	if abbreviation && last > cue {
		name = a.text[start:toks[cue-1].end] + " " + a.text[toks[cue+1].start:end] // without the bracket
	}
	if strings.ContainsAny(name, "%_/@#") {
		return facilityHit{}, false // a URL or a file name, not a facility
	}
	if containsAny(name, "'’") { // the replacer's scan costs more than this test, and most names have no apostrophe
		name = si.lex.withoutApostropheSuffixes(possessive.Replace(name))
	}
	key := a.placeKey(name)
	keyFirst := first
	if first == c.first && cue > c.last && after > cue && !toks[c.first].upper {
		keyFirst = cue + 1 // "carcere minorile Kessel" is Kessel: the kind in lower case before a name tells no prison apart
	}
	if keyLast < last || keyFirst > first {
		key = a.placeKey(a.text[toks[keyFirst].start:toks[keyLast].end])
		a.placeKeys[name] = key // the document's later mentions of the name, and its mentions' join, key it so
	}
	h := facilityHit{start: start, end: end, name: name, key: key, town: town, country: a.countryAfter(si, last)}
	if town == "" && last > 0 && toks[last-1].is(numberSignWords) && allDigits(toks[last].fold) {
		// "Prison No. 5": a title of the country's prison service; the same report may name the
		// prison by its town, so the title neither splits nor links (titledName).
		h.key, h.titled = "", true
		return h, true
	}
	if h.key == "" {
		if town == "" {
			return titledFacility(a.text, si, c)
		}
		// "the jail in Tarvo", "the Medium Security Custodial Centre in Kolondo": named by its town.
		h.name = written + " " + strings.TrimSpace(a.text[toks[first].start:toks[c.last].end]) // as the report spells the town
		h.key = a.placeKey(town)
	}
	if t := a.townAfterName(si, last); t != "" {
		h.town = t // "Estabelecimento Prisional de Mareva, em Kolondo": where it stands, whatever town its name recalls
	}
	if h.town == "" {
		from := start
		if first > 0 && first < c.first && possessor(toks[first-1]) {
			from = toks[first-1].start // "Kolondo's Orlin prison": the possessor, left out of the name, is its town
		}
		for _, p := range si.places {
			if p.end > from && p.end <= end { // "At Kolondo Orlin prison": a place read with the word opening the sentence
				if len(a.countries) == 0 || p.place.Country == a.countries[0] {
					h.town = p.place.Name // the first: "Tarvo T Tipi Kapalı Ceza İnfaz Kurumu" stands in Tarvo
				}
				break // "El Orlin prison" in a report from Ardovia recalls a town of Belmark, and stands in none
			}
		}
	}
	if h.town == "" && first > 0 && first < c.first && si.toks[first-1].is(singularArticleWords) {
		return facilityHit{}, false // "a Victorian jail", "a maximum-security prison": a kind of prison, no name
	}
	return h, true
}

// procliticBytes returns how many bytes of token t's text a proclitic written onto a facility
// word takes (the "ب" of "بسجن": in prison), 0 when the word is a facility word as it stands: the
// preposition or conjunction is no part of the facility's name.
func procliticBytes(lx *lexicon, text string, t token) int {
	if lx.isWord(facilityHeadFirstWords, t.fold) || len(lx.proclitics) == 0 {
		return 0
	}
	for _, f := range lx.procliticForms(t.fold, nil) {
		if f != t.fold && lx.isWord(facilityHeadFirstWords, f) {
			skip := strings.TrimSuffix(t.fold, f)
			return lettersBytes(text[t.start:t.end], utf8.RuneCountInString(skip))
		}
	}
	return 0
}

// possessor reports a word with a possessive ending (folded, as facilityKey reads it): before a
// name of its own it says where the facility stands, and is no part of its name.
func possessor(t token) bool {
	return strings.HasSuffix(t.fold, "'s")
}

// nicknameAfter returns the name after a phrase of calling that follows the facility word at
// token i, with a comma or quotes between them ("the prison, known as La Catedral", "a jail
// dubbed 'Hotel K'").
func (a *analysis) nicknameAfter(si *sentenceInfo, i int) (int, int, bool) {
	j := i + 1
	if j >= len(si.toks) || strings.Trim(a.text[si.toks[i].end:si.toks[j].start], " ,") != "" {
		return 0, 0, false
	}
	n := si.lex.phraseAt(nicknameWords, si.toks, j)
	k := j + n
	if n == 0 || k >= len(si.toks) || strings.Trim(a.text[si.toks[k-1].end:si.toks[k].start], " "+quoteMarks) != "" ||
		!nameLike(si.lex, si.toks[k]) && !(si.toks[k].upper && si.toks[k].is(definiteArticleWords)) {
		return 0, 0, false
	}
	return k, nameRunEnd(si.lex, a.text, si.toks, k), true
}

// titledFacility names a facility by a title made only of generic words, written as a name: the
// facility word capitalised inside the sentence, with a modifier before or after it ("the National
// Penitentiary", "au Pénitencier national", "la Cárcel Central"). Such a title says neither which
// facility of a country it is nor where it stands, so it has no key: it neither splits a story
// nor links reports, and names the incident only when nothing better does (titledName).
func titledFacility(text string, si *sentenceInfo, c cueHit) (facilityHit, bool) {
	toks := si.toks
	if !toks[c.first].upper || si.titled {
		return facilityHit{}, false
	}
	first, last := c.first, c.last
	for first > 0 && c.first-first < maxModifiersAfter && toks[first-1].upper && toks[first-1].is(facilityModifierWords) {
		first--
	}
	for last+1 < len(toks) && last-c.last < maxModifiersAfter && toks[last+1].is(facilityModifierWords) && text[toks[last].end:toks[last+1].start] == " " {
		last++
	}
	if first == c.first && last == c.last || first == 0 {
		return facilityHit{}, false // "Prison officials said": a capital opening the sentence, no title
	}
	start, end := toks[first].start, toks[last].end
	return facilityHit{start: start, end: end, name: text[start:end], titled: true}, true
}

// nameAfter reads "de X", "of X", "in X", ", X" or (for head-first languages) "X" after the cue
// at token i; it returns the last token of the name, the last token of its distinctive words (before
// a town the name ends with), the town it resolves to and the town as the report writes it.
func (a *analysis) nameAfter(si *sentenceInfo, i int) (int, int, string, string) {
	toks := si.toks
	lx := si.lex
	head := i
	// "la cárcel de máxima seguridad X": the grade of security comes between the word and its name.
	i += lx.phraseAt(securityGradeWords, toks, i+1)
	if k := i + 1; k+1 < len(toks) && toks[k].is(directionWords) && toks[k+1].is(directionLinkWords) {
		return head, head, "", "" // "a prison southeast of X" stands a way off X
	}
	// "la cárcel vieja de X": an adjective in lower case between the word and its linked name.
	if k := i + 1; k+2 < len(toks) && !toks[k].upper && toks[k+1].is(facilityLinkWords) && nameLike(lx, toks[k+2]) &&
		!toks[k].is(facilityLinkWords) && !toks[k].is(facilityNearWords) && !toks[k].is(facilityLocativeWords) && a.text[toks[i].end:toks[k].start] == " " {
		i = k
	}
	j := i + 1
	if j < len(toks) && (toks[j].is(facilityLinkWords) || toks[j].is(facilityLocativeWords) || toks[j].is(facilityNearWords)) {
		j++
	} else if j < len(toks) && !nameGap(a.text[toks[i].end:toks[j].start], i > 0 && abbreviationAfter(a.text, toks, i-1)) {
		return head, head, "", ""
	}
	if number, ok := facilityNumber(a.text, lx, toks, j); ok {
		last, town, written := a.numberedName(si, number)
		return last, last, town, written
	}
	if j >= len(toks) || !nameLike(lx, toks[j]) && (!caselessName(si, i, j) || a.gluedCountry(si, j)) {
		return head, head, "", ""
	}
	if slices.ContainsFunc(si.dates, func(d DateMention) bool { return d.Start == toks[j].start }) {
		return head, head, "", "" // "dari penjara Minggu 11 Agustus": a date after the word, no name
	}
	last := nameRunEnd(lx, a.text, toks, j)
	if last == j && !nameLike(lx, toks[j]) && definiteNamePart(a.text, si, j+1) {
		last = j + 1 // "سجن دار الأمل": the second word of a caseless name, its article glued
	}
	// "carcere Sant'Orsola di Kolondo": a name, then the town it stands in after a linking word. The
	// town is the name's but not its key: "cárcel de Sarovia" and "cárcel de Sarovia de Tarvo" are
	// one prison.
	nameLast := last
	for k := j + 1; k < last; k++ {
		if toks[k].is(facilityLinkWords) && a.placeStartsAt(si, toks[k+1].start) && a.placeKey(a.text[toks[j].start:toks[k-1].end]) != "" {
			nameLast = k - 1 // "Sarovia de Tarvo" read as one run of name words; not "Estadual de Tarvo"
			break
		}
	}
	if k := last + 2; k < len(toks) && toks[last+1].is(facilityLinkWords) && nameLike(lx, toks[k]) && a.placeStartsAt(si, toks[k].start) {
		last = nameRunEnd(lx, a.text, toks, k)
	}
	town, written := "", ""
	run := a.text[toks[j].start:toks[last].end]
	if _, ok := a.country(run); ok {
		return head, head, "", "" // "el mayor penal de Ardovia": the country's largest prison, no name
	}
	if a.regionOnly(si, toks[j].start, toks[last].end) && !toks[head].upper && (head == 0 || !toks[head-1].is(definiteArticleWords)) {
		return head, head, "", "" // "rebelião em presídio do Vale Sul": a prison of the state, no name; "the Penitentiary of New Belmark" is one
	}
	if p, ok := a.place(run, newPlaceContext(a.countries)); ok && last > j {
		if a.inTextCountry(p.Country) {
			town, written = p.Name, run // "Mocímboa da Praia" is one town, not Praia
		} // else "a Cadeia de Porto da Lima" of a report from Belmark bears a name, and stands in no town of Ardovia
	} else {
		for _, p := range si.places {
			if p.start >= toks[j].start && p.start <= toks[last].end {
				town, written = p.place.Name, a.text[p.start:p.end] // the last place named is where it stands
			}
		}
	}
	linked := toks[i+1].is(facilityLinkWords) || i > head // "Penitenciária de Segurança Máxima X": a name after the grade is the facility's
	word := head
	for word > 0 && toks[word].is(facilityModifierWords) && !toks[word].upper {
		word-- // "carcere minorile Kessel": the word that puts the name first, before its kind in lower case
	}
	if !linked && town == "" && !toks[word].is(facilityHeadFirstWords) {
		return head, head, "", ""
	}
	switch t := &toks[i+1]; {
	case t.is(facilityNearWords):
		return head, head, "", "" // "a prison near Niamey" stands in another town
	case t.is(facilityLocativeWords) && areaWords(toks, j, last):
		return head, head, "", "" // "the X Principal Prison in Y Division": an area, not the town it stands in
	case t.is(facilityLocativeWords):
		return head, head, town, written // "the jail in Benghazi": the town is not part of the name
	}
	return last, nameLast, town, written
}

// gluedCountry reports a word at token j that names a country once a proclitic is taken off it
// ("سجن بزارفيا": a prison in Zarvia): where the prison is, no name of it.
func (a *analysis) gluedCountry(si *sentenceInfo, j int) bool {
	for _, f := range si.lex.procliticForms(si.toks[j].fold, nil) {
		if _, ok := a.country(f); ok {
			return true
		}
	}
	return false
}

// facilityNumber returns the token of a number that a number sign at token j puts after a
// facility word ("Unidad Penal N° 2", "Prison No. 3", "Penal nº 9"), or of one at j between a
// titled facility word and the place it names ("Unidad Penal 17 de Kolondo").
func facilityNumber(text string, lx *lexicon, toks []token, j int) (int, bool) {
	if j > 0 && j+2 < len(toks) && allDigits(toks[j].fold) && toks[j-1].upper && text[toks[j-1].end:toks[j].start] == " " &&
		toks[j+1].is(facilityLinkWords) && nameLike(lx, toks[j+2]) {
		return j, true // "Unidad Penal 17 de Kolondo": a title's number needs no sign before the place it names
	}
	if j+1 >= len(toks) || !toks[j].is(numberSignWords) || !allDigits(toks[j+1].fold) {
		return 0, false
	}
	switch text[toks[j].end:toks[j+1].start] {
	case " ", "° ", "°", ". ", ".", "º ", "º":
		return j + 1, true
	}
	return 0, false
}

// numberedName reads the rest of a facility name that ends in its number at token number: the
// place of the facility after a linking word is part of it ("Unidad Penal N° 2 de Kolondo").
func (a *analysis) numberedName(si *sentenceInfo, number int) (int, string, string) {
	toks := si.toks
	k := number + 2
	if k >= len(toks) || !toks[number+1].is(facilityLinkWords) || !nameLike(si.lex, toks[k]) {
		return number, "", ""
	}
	last := nameRunEnd(si.lex, a.text, toks, k)
	run := a.text[toks[k].start:toks[last].end]
	if p, ok := a.place(run, newPlaceContext(a.countries)); ok {
		return last, p.Name, run
	}
	return last, "", ""
}

// inTextCountry reports a country the text names or leads with, or any when it has none: a
// facility's name that recalls a town elsewhere does not place the facility there.
func (a *analysis) inTextCountry(country string) bool {
	return len(a.countries) == 0 || a.countries[0] == country || slices.Contains(a.named, country)
}

// townAfterName returns the town a locative word right after a facility's name gives (", in X",
// ", em X"), "" if none: the writer's own statement of where it stands.
func (a *analysis) townAfterName(si *sentenceInfo, last int) string {
	k := last + 1
	if k < len(si.toks) && si.lex.phraseAt(thisTownWords, si.toks, k) > 0 {
		return a.datelineTown() // "del Centro de Corrección Orlin, de esta ciudad", under "TARVO.-"
	}
	if k+1 >= len(si.toks) || !si.toks[k].is(facilityLocativeWords) {
		return ""
	}
	for _, p := range si.places {
		if p.start == si.toks[k+1].start && !p.landmark && p.place.Precision == model.GeoPlace && !areaNamed(si, p) {
			return p.place.Name
		}
	}
	return ""
}

// datelineTown returns the town of the document's dateline ("TARVO.-", "KOLONDO, 4 May
// (Reuters) -"), in the sentences that may hold it after a headline or a byline, "" without one:
// the town a report calls "this city".
func (a *analysis) datelineTown() string {
	for _, si := range a.sentences[:min(len(a.sentences), datelineSentences)] {
		for _, p := range si.places {
			if p.dateline && p.place.Precision == model.GeoPlace {
				return p.place.Name
			}
		}
	}
	return ""
}

// areaNamed reports a place written with an area noun ("Manyu Division", "Kabupaten Batu Bara"):
// an area around towns, which says less of where a facility stands than the town its name recalls.
func areaNamed(si *sentenceInfo, p placeHit) bool {
	first, last := tokenSpan(si.toks, p.start, p.end)
	return first >= 0 && areaWords(si.toks, first, last)
}

// areaWords reports an area noun in the name at tokens first..last or right after it
// ("Kabupaten Batu Bara", "Manyu Division of the South West Region").
func areaWords(toks []token, first, last int) bool {
	for k := first; k <= last+1 && k < len(toks); k++ {
		if toks[k].is(areaNounWords) {
			return true
		}
	}
	return false
}

// placeStartsAt reports a place of the sentence whose name starts at byte start.
func (a *analysis) placeStartsAt(si *sentenceInfo, start int) bool {
	for _, p := range si.places {
		if p.start == start && !p.landmark {
			return true
		}
	}
	return false
}

// nameRunEnd returns the last token of the name that starts at token j: up to three more
// capitalised words, or a particle and a capitalised word ("Vale de Judeus"), each after a space.
func nameRunEnd(lx *lexicon, text string, toks []token, j int) int {
	last := j
	spaced := func(k int) bool { return k < len(toks) && text[toks[k-1].end:toks[k].start] == " " }
	glued := func(k int) bool { return k < len(toks) && toks[k-1].end == toks[k].start } // the halves of "N'Korvo", split as an elision
	for last-j < 3 && (spaced(last+1) || glued(last+1)) {
		switch {
		case nameLike(lx, toks[last+1]):
			last++
		case toks[last+1].is(nameParticleWords) && spaced(last+2) && nameLike(lx, toks[last+2]):
			last += 2
		default:
			return last
		}
	}
	return last
}

// nameGap reports the text between a facility word and a name written right after it: a space,
// a comma, or the bracket closing the facility word's abbreviation.
func nameGap(gap string, abbreviation bool) bool {
	return gap == " " || gap == ", " || abbreviation && gap == ") " || quoteOpens(gap)
}

// unquoted drops the quote marks that open or close a word of name, not those inside a word
// ("Sant'Anna", "l'administration").
func unquoted(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = strings.Trim(w, quoteMarks)
	}
	return strings.Join(words, " ")
}

// abbreviationAfter reports a bracketed abbreviation right after token k ("Lembaga
// Pemasyarakatan (Lapas)", "Centro de Readaptación Social (CERESO)"): one word that restates the
// words before it, so a name after the bracket belongs to them.
func abbreviationAfter(text string, toks []token, k int) bool {
	if k+1 >= len(toks) || text[toks[k].end:toks[k+1].start] != " (" || !toks[k+1].upper {
		return false
	}
	return strings.HasPrefix(text[toks[k+1].end:], ")")
}

// countryAfter returns the country a locative word names right after token i ("the X prison in
// Chad"): the writer's own statement of where the facility stands, which outranks the countries
// a namesake town of its name lies in.
func (a *analysis) countryAfter(si *sentenceInfo, i int) string {
	j := i + 2
	if j >= len(si.toks) || !si.toks[i+1].is(facilityLocativeWords) {
		return ""
	}
	for _, span := range si.spans {
		if span.first != j {
			continue
		}
		name := spanName(a.text, span)
		if cc, ok := a.country(name); ok && !divisionsAfter(a.text, span) {
			return cc
		}
	}
	return ""
}

// regionOnly reports a name that the sentence's places read as a first-level division or a
// country, and as nothing finer.
func (a *analysis) regionOnly(si *sentenceInfo, start, end int) bool {
	for _, p := range si.places {
		if p.start == start && p.end == end {
			return p.place.Precision == model.GeoAdmin1 || p.place.Precision == model.GeoCountry
		}
	}
	return false
}

// commonCapital reports a word capitalised only because it opens a sentence or a title: a number
// ("Four prison guards"), an article, a weekday, a month. It names no facility.
func (a *analysis) commonCapital(w string) bool {
	_, number := a.lex.numbers[w]
	return number || a.lex.has(stopNameWords, w)
}

// countryEndsAt reports a country's name of up to maxCountryWords words ending at token k ("Ardovia",
// "San Marino"): "the San Marino Prison Service" is the country's service, no prison's name.
func (a *analysis) countryEndsAt(toks []token, k int) bool {
	for n := 1; n <= maxCountryWords && k-n+1 >= 0; n++ {
		if _, ok := a.country(a.text[toks[k-n+1].start:toks[k].end]); ok {
			return true
		}
	}
	return false
}

// maxCountryWords is the most words a country's name has ("Democratic Republic of Congo").
const maxCountryWords = 4

func (a *analysis) isActorToken(si *sentenceInfo, t token) bool {
	for _, m := range si.actors {
		if t.start >= m.Start && t.end <= m.End {
			return true
		}
	}
	return false
}

// titleCase reports a headline set in title case, where capitals do not mark names: nine in ten
// of its words of titleWordRunes letters or more capitalised. Style guides leave short
// prepositions and articles in lower case ("Rebels Free 900 Inmates in Attack on Tarvo
// Prison"), and figures have no case.
func titleCase(toks []token) bool {
	if len(toks) < 5 {
		return false
	}
	words, upper := 0, 0
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t.fold); !unicode.IsLetter(r) || utf8.RuneCountInString(t.fold) < titleWordRunes {
			continue
		}
		words++
		if t.upper {
			upper++
		}
	}
	return words >= minTitleWords && upper*10 >= words*9 // German capitalises its nouns, not its verbs
}

// titleWordRunes is the length from which a headline's words are capitalised in title case;
// minTitleWords is how many such words a headline needs to tell its case.
const (
	titleWordRunes = 4
	minTitleWords  = 4
)

// custodyState reports a holding cue inside an in_custody phrase ("into police custody", "en
// garde à vue"): the state of someone held, no place of its own.
func custodyState(si *sentenceInfo, c cueHit) bool {
	for k := max(0, c.first-custodyStateReach); k <= c.first; k++ {
		if n := si.lex.phraseAt(inCustodyWords, si.toks, k); n > 0 && k+n > c.last {
			return true
		}
	}
	return false
}

// custodyStateReach is how many words an in_custody phrase may open before its holding noun
// ("under the custody of").
const custodyStateReach = 3
