package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scripts and morphologies other than those of western Europe need their own ways to words and
// names, all driven by lexicon data: Arabic writes its conjunctions, prepositions and article
// onto the next word (proclitic) and has no capitals to mark a name (place_before); Russian
// declines names, so "в Москве" is in Moscow (case_ending, lemma_ending); and Arabic-Indic
// digits are digits.

// minStemRunes is the shortest word left once proclitics are taken off: Arabic roots have three
// letters, and a two-letter rest is still a word ("من"); one letter is not.
const minStemRunes = 2

// maxProclitics is how many proclitics one word carries at most: a conjunction, a preposition and
// the article ("وبالسجن": and, in, the, prison).
const maxProclitics = 3

// procliticForms appends to out the forms of a folded word without its leading proclitics, each
// removal one form ("والسجناء": "السجناء", "سجناء"), in the order found and without repeats.
// Words of a language without proclitics have no such forms.
func (lx *lexicon) procliticForms(fold string, out []string) []string {
	if len(lx.proclitics) == 0 || fold == "" || fold[0] < utf8.RuneSelf {
		return out
	}
	return lx.appendStripped(fold, out, maxProclitics)
}

// encliticForms appends the form of a folded word without an ending written after an
// apostrophe, the possessive "'s" of English ("film's" is read as "film").
func (lx *lexicon) encliticForms(fold string, out []string) []string {
	for _, e := range lx.enclitics {
		cut := len(fold) - len(e) - 1 // where the apostrophe would be
		if cut < 0 || fold[cut] != '\'' || fold[cut+1:] != e {
			continue
		}
		if rest := fold[:cut]; utf8.RuneCountInString(rest) >= minStemRunes {
			return append(out, rest)
		}
	}
	return out
}

func (lx *lexicon) appendStripped(w string, out []string, depth int) []string {
	if depth == 0 {
		return out
	}
	for _, p := range lx.proclitics {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < minStemRunes || slices.Contains(out, rest) {
			continue
		}
		out = lx.appendStripped(rest, append(out, rest), depth-1)
	}
	return out
}

// unionOf returns the words of both sets in a new set.
func unionOf(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for w := range a {
		out[w] = true
	}
	for w := range b {
		out[w] = true
	}
	return out
}

// longestFirst lists the words of a set longest first, so that "لل" is tried before "ل" and
// "ии" before "и".
func longestFirst(words map[string]bool) []string {
	var out []string
	for w := range words {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return out
}

// caselessScript reports a word written in a script without capitals, where a name cannot be
// told by its first letter (Arabic).
func caselessScript(word string) bool {
	if word == "" || word[0] < utf8.RuneSelf {
		return false // no ASCII letter is Arabic: most words are told without the Unicode tables
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsLetter(r) && unicode.Is(unicode.Arabic, r)
}

// caselessSpans returns the candidate place names of a sentence written without capitals: the
// words of a wire dateline before its dash, and runs of up to n words right after a word that
// introduces a place (place_before: "في", "مدينة", "قرب"), or after a prison word and the name it
// heads, or glued to such a proclitic ("بكولوندو": in Kolondo). A run glued to a proclitic is offered as
// written and without it, in that order: "في بغداد" is not "غداد".
func caselessSpans(lx *lexicon, text string, toks []token, n int) []nameSpan {
	if len(lx.words[placeBeforeWords]) == 0 {
		return nil
	}
	var spans []nameSpan
	// A wire dateline opens the sentence ("المنامة - أعلنت"): one or two words before the dash.
	for j := 0; j < min(2, len(toks)) && caselessScript(toks[j].fold); j++ {
		if datelineMark(text[toks[j].end:]) {
			spans = appendRuns(spans, text, toks, 0, "", j+1)
			break
		}
	}
	var forms []string
	opens := false       // the previous word introduces a place
	namedBefore := false // the word before the previous is a facility word that heads a name: "سجن الرمال كولوندو" is the Rimal prison of Kolondo
	for i, t := range toks {
		if !caselessScript(t.fold) {
			opens, namedBefore = false, false
			continue
		}
		afterName := namedBefore
		namedBefore = opens && i > 0 && toks[i-1].is(facilityHeadFirstWords) && strings.Trim(text[toks[i-1].end:t.start], " "+quoteMarks) == ""
		if t.is(placeBeforeWords) { // "في", "وفي", "مدينة"
			opens = true
			continue
		}
		if t.is(stopNameWords) {
			opens = false
			continue
		}
		if opens || afterName && strings.Trim(text[toks[i-1].end:t.start], " "+quoteMarks) == "" {
			spans = appendRuns(spans, text, toks, i, "", n)
		}
		forms = lx.procliticForms(t.fold, forms[:0])
		for _, f := range forms {
			p := strings.TrimSuffix(t.fold, f)
			if lx.words[placeBeforeWords][p] && caselessScript(f) && utf8.RuneCountInString(f) >= minGluedName && !lx.has(stopNameWords, f) {
				if !opens {
					spans = appendRuns(spans, text, toks, i, "", n) // "بارفو" is Barfo as written, before "in Arfo"
				}
				spans = appendRuns(spans, text, toks, i, p, n) // "بكولوندو": the name follows the proclitic
				break
			}
		}
		opens = false
	}
	return spans
}

// definiteHead reports a head-first facility word written with the definite article ("السجن",
// "والسجن"): a noun with the article heads no construct, so the word after it names nothing ("السجن
// فقدت": the prison lost).
// definiteNamePart reports a caseless word at token k, right after a name's first word, that
// opens with a definite article glued to it and is no cue, number, date word or place: the second
// word of a name built as a genitive ("دار الأمل", Dar al-Amal), which a caseless script cannot
// capitalise.
func definiteNamePart(text string, si *sentenceInfo, k int) bool {
	if k >= len(si.toks) || text[si.toks[k-1].end:si.toks[k].start] != " " || !caselessScript(si.toks[k].fold) {
		return false
	}
	t := si.toks[k]
	article := slices.ContainsFunc(si.lex.proclitics, func(p string) bool {
		return len(p) < len(t.fold) && strings.HasPrefix(t.fold, p) && si.lex.isWord(definiteArticleWords, p)
	})
	if !article {
		return false
	}
	if _, ok := si.lex.numberWord(t.fold); ok {
		return false
	}
	if slices.ContainsFunc(si.dates, func(d DateMention) bool { return d.Start < t.end && d.End > t.start }) ||
		slices.ContainsFunc(notNameWords, func(c wordCat) bool { return t.is(c) }) {
		return false // "سجن كولوندو الجمعة": Kolondo prison on Friday
	}
	return !slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.first <= k && k <= c.last }) &&
		!slices.ContainsFunc(si.places, func(p placeHit) bool { return p.start < t.end && p.end > t.start })
}

func definiteHead(lx *lexicon, fold string) bool {
	for _, f := range lx.procliticForms(fold, nil) {
		if !lx.isWord(facilityHeadFirstWords, f) {
			continue
		}
		prefix := strings.TrimSuffix(fold, f)
		for _, p := range lx.proclitics {
			if strings.HasSuffix(prefix, p) && lx.isWord(definiteArticleWords, p) {
				return true
			}
		}
	}
	return false
}

// caselessName reports a word j that names the facility whose head-first word is i, in a script
// without capitals: the word right after it ("سجن جلبوع"), unless it is a cue, a describing word
// ("المركزي"), a function word (notNameWords), a number, a month or a place after a glued
// preposition. Only that one word: nothing marks where a longer name would end.
func caselessName(si *sentenceInfo, i, j int) bool {
	lx, t := si.lex, si.toks[j]
	if j != i+1 || !caselessScript(t.fold) || !si.toks[i].is(facilityHeadFirstWords) || definiteHead(lx, si.toks[i].fold) {
		return false
	}
	for _, c := range notNameWords {
		if t.is(c) {
			return false // "معتقل منذ عام": detained since a year
		}
	}
	if _, ok := lx.numberWord(t.fold); ok {
		return false
	}
	if _, ok := lx.months[t.fold]; ok {
		return false
	}
	for _, c := range si.cues {
		if c.first <= j && j <= c.last {
			return false
		}
	}
	for _, p := range si.places {
		if p.start > t.start && p.start < t.end {
			return false // "السجن ببنغازي": a place after a glued preposition is where the prison is
		}
	}
	return true
}

// notNameWords are the word categories of words that name nothing: describing words, function
// words, nouns of people and units.
var notNameWords = []wordCat{facilityGenericWords, stopNameWords, temporalReferenceWords, monthTriggerWords,
	conjunctionWords, negationWords, placeBeforeWords, pronounSubjectWords, anotherWords, attributionWords,
	measureWordWords, peopleNounWords, titleWords}

// hasStem reports a word of a category once its proclitics are taken off. The word starts with
// a non-ASCII letter.
func (lx *lexicon) hasStem(category wordCat, folded string) bool {
	if len(lx.proclitics) == 0 {
		return false
	}
	for _, f := range lx.procliticForms(folded, nil) {
		if lx.isWord(category, f) {
			return true
		}
	}
	return false
}

// minGluedName is the shortest name read after a glued proclitic: "بعد" (after) is not ب + "عد".
const minGluedName = 3

// appendRuns appends the runs of up to n caseless words that start at token i, longest first,
// each without the proclitic skip that opens token i. A run stops at punctuation.
func appendRuns(spans []nameSpan, text string, toks []token, i int, skip string, n int) []nameSpan {
	start := toks[i].start + lettersBytes(text[toks[i].start:toks[i].end], utf8.RuneCountInString(skip))
	first := strings.TrimPrefix(toks[i].fold, skip)
	last := i
	for last+1 < len(toks) && last-i+1 < n && caselessScript(toks[last+1].fold) &&
		strings.TrimSpace(text[toks[last].end:toks[last+1].start]) == "" {
		last++
	}
	for j := last; j >= i; j-- {
		words := []string{first}
		for _, t := range toks[i+1 : j+1] {
			words = append(words, t.fold)
		}
		spans = append(spans, nameSpan{start: start, end: toks[j].end, first: i, last: j, fold: strings.Join(words, " ")})
	}
	return spans
}

// lettersBytes returns how many bytes of word its first n letters (or digits) take, with the
// marks and the tatweel that go with them: the folded word has only those.
func lettersBytes(word string, n int) int {
	letters := 0
	for i, r := range word {
		if isWordRune(r) && r != arabicTatweel {
			if letters == n {
				return i
			}
			letters++
		}
	}
	return len(word)
}

// arabicTatweel stretches a word for layout; it is not a letter of it.
const arabicTatweel = 'ـ'

// lowerCaseDemonyms adds the countries a sentence names by an adjective written in lower case, as
// French, Spanish, Portuguese and Italian write them ("el gobierno colombiano", "les autorités
// maliennes"). Capitalised words were read as names already; an adjective right after a word for
// people held or a person says who they are, not where (nationalityOf).
func (a *analysis) lowerCaseDemonyms(si *sentenceInfo) {
	for k, t := range si.toks {
		if t.upper || len(t.fold) < minDemonymBytes || caselessScript(t.fold) {
			continue
		}
		cc := a.x.demonyms[t.fold]
		if cc == "" || k > 0 && nationalityOf(si, k) {
			continue
		}
		si.countries = append(si.countries, cc)
	}
}

// nationalityOf reports a country's adjective at token k that says who a person is: after a word
// for people held ("presos colombianos"), a person ("una visitante argentina", "el mafioso
// italiano"), a figure ("15 nicaragüenses"), an indefinite article ("un holandés") or a word of
// origin or nationality ("de nacionalidad colombiana").
func nationalityOf(si *sentenceInfo, k int) bool {
	prev := si.toks[k-1]
	if prev.is(personNounWords) || prev.is(singularArticleWords) || prev.is(originWords) || allDigits(prev.fold) {
		return true // and "de nacionalidad colombiana": a nationality is where people come from
	}
	return slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == inmateCue && c.last == k-1 }) ||
		slices.ContainsFunc(si.quantities, func(q Quantity) bool { return q.End == prev.end })
}

// minDemonymBytes is the shortest lower-case word read as a country's adjective: shorter ones
// ("thai", "lao") are more often something else.
const minDemonymBytes = 5

// caselessCountries adds the countries a sentence in a script without capitals names: any word,
// without its proclitics, that is a country's name or demonym ("السورية", "وسوريا"). Country
// names are few and distinctive; place names are looked up only where a place is introduced. A
// demonym given as a person's byname names no country.
func (a *analysis) caselessCountries(si *sentenceInfo) {
	var forms []string
	for k, t := range si.toks {
		if !caselessScript(t.fold) {
			continue
		}
		forms = a.lex.procliticForms(t.fold, append(forms[:0], a.text[t.start:t.end]))
		for _, f := range forms {
			cc, ok := a.country(f)
			if !ok {
				continue
			}
			if nicknamed(si.lex, si.toks, k) {
				break // "المكنى بـ الزارفي", nicknamed "the Zarvian": what a person is called
			}
			if k > 0 && (si.toks[k-1].is(originWords) || allDigits(si.toks[k-1].fold)) {
				break // "من الجنسية الزارفية", of Zarvian nationality, and "80 زارفيا", 80 Zarvians: where people come from
			}
			if !landmark(a.lex, a.lower, si.toks, nameSpan{start: t.start, end: t.end, first: k, last: k}) {
				si.countries = append(si.countries, cc) // not "قرب الحدود مع زارفيا": near the border with Zarvia, not in it
				si.located = append(si.located, cc)
				if a.x.demonyms[f] == "" {
					si.locatedNamesAt = append(si.locatedNamesAt, t.start)
				}
			}
			break
		}
	}
}

// withoutApostropheSuffixes takes off each case suffix a name's words set off by an apostrophe:
// "Kolondo Cezaevi'nden" is the Kolondo Cezaevi. Other apostrophes ("Sant'Anna", "d'Arrêt")
// stay, since what follows them is no suffix or what precedes them is too short to be a stem.
func (lx *lexicon) withoutApostropheSuffixes(name string) string {
	words := strings.Split(name, " ")
	for i, w := range words {
		k := strings.LastIndexAny(w, "'’")
		if k <= 0 || utf8.RuneCountInString(w[:k]) < minInflectedStem {
			continue
		}
		_, size := utf8.DecodeRuneInString(w[k:])
		if lx.has(apostropheSuffixWords, foldWord(w[k+size:])) {
			words[i] = w[:k]
		}
	}
	return strings.Join(words, " ")
}

// inflectedForms returns the dictionary forms a declined name or adjective may have, folded:
// each case or adjective ending the lexicon lists taken off its last word, then nothing or each
// lemma ending put on ("Ростове": "ростов"; "Москве": "москв", "москва"; Arabic "الفلسطينيين":
// "الفلسطيني"). Longest endings first; no forms for a language without endings, or a word too
// short to carry one. A suffix set off by an apostrophe ("Tarvo'daki") is taken off first.
func (lx *lexicon) inflectedForms(name string) []string {
	return lx.formsOf(name, true)
}

// placeForms is inflectedForms without the endings only adjectives take: a place's name never
// sheds them ("القناة", the canal, is no "قنا").
func (lx *lexicon) placeForms(name string) []string {
	return lx.formsOf(name, false)
}

func (lx *lexicon) formsOf(name string, adjectives bool) []string {
	if !lx.mayBeInflected(name) {
		return nil
	}
	cut := lastWordStart(name)
	head, last := name[:cut], foldWord(name[cut:])
	var out []string
	if i := strings.LastIndexByte(last, '\''); i > 0 && utf8.RuneCountInString(last[:i]) >= minInflectedStem && lx.has(apostropheSuffixWords, last[i+1:]) {
		out = append(out, head+last[:i]) // "Tarvo'daki": a suffix set off by an apostrophe
	}
	if !endsAsOneOf(lx.caseFinals, last) {
		return out // most words of most languages: no ending to try
	}
	endings := lx.caseEndings
	if adjectives {
		endings = lx.wordEndings
	}
	for _, e := range endings {
		stem, ok := strings.CutSuffix(last, e)
		if !ok || utf8.RuneCountInString(stem) < minInflectedStem {
			continue
		}
		for k := -1; k < len(lx.lemmaEndings); k++ { // nothing first, then each lemma ending
			l := ""
			if k >= 0 {
				l = lx.lemmaEndings[k]
			}
			if form := head + stem + l; !slices.Contains(out, form) {
				out = append(out, form)
			}
		}
	}
	return out
}

// mayBeInflected reports a name that may have inflected forms: most names have none, and are
// told at once, without folding their last word.
func (lx *lexicon) mayBeInflected(name string) bool {
	if len(lx.wordEndings) == 0 && !containsAny(name, "'’") {
		return false
	}
	// An ASCII word folds to its lower case: without an apostrophe, and ending in no ending's last
	// byte, it has no form to try.
	w := name[lastWordStart(name):]
	return w == "" || !isASCII(w) || strings.IndexByte(w, '\'') >= 0 || finalIn(lx.caseFinals, lowerASCII(w[len(w)-1]))
}

// lastWordStart returns where the last word of a name starts: after its last space or hyphen, 0
// if it has none. Both are ASCII, which no byte of another rune is: the bytes are read back from
// the end, where strings.LastIndexAny would build a set of two for each of the many names asked.
func lastWordStart(name string) int {
	i := len(name)
	for i > 0 && name[i-1] != ' ' && name[i-1] != '-' {
		i--
	}
	return i
}

// addFinal returns the set of last bytes finals with the last byte of e added; an empty e, which
// every word ends in, adds them all.
func addFinal(finals [256 / 64]uint64, e string) [256 / 64]uint64 {
	if e == "" {
		return [256 / 64]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	}
	b := e[len(e)-1]
	finals[b/64] |= 1 << (b % 64)
	return finals
}

// endsAsOneOf reports whether w's last byte is in the set finals (addFinal). An empty w is not:
// no ending leaves it a stem.
func endsAsOneOf(finals [256 / 64]uint64, w string) bool {
	return w != "" && finalIn(finals, w[len(w)-1])
}

// finalIn reports byte b in a set of last bytes.
func finalIn(finals [256 / 64]uint64, b byte) bool {
	return finals[b/64]&(1<<(b%64)) != 0
}

// lowerASCII is an ASCII capital's lower case; any other byte is itself.
func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// minInflectedStem is the shortest stem an ending is taken from: shorter names are read as written.
const minInflectedStem = 3

// arabicIndicDigit returns the value of an Arabic-Indic (٠-٩) or Eastern Arabic-Indic (۰-۹)
// digit.
func arabicIndicDigit(r rune) (byte, bool) {
	switch {
	case r >= '٠' && r <= '٩':
		return byte(r-'٠') + '0', true
	case r >= '۰' && r <= '۹':
		return byte(r-'۰') + '0', true
	}
	return 0, false
}

// arabicIndicPiece reads a run of Arabic-Indic digits at byte i of text as a digits piece whose
// low form is written in ASCII digits, so that figures and dates read it as they read "2021".
func arabicIndicPiece(text string, i int) (piece, bool) {
	if text[i] < utf8.RuneSelf {
		return piece{}, false // the digits are not ASCII, most of a text is
	}
	var digits []byte
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		d, ok := arabicIndicDigit(r)
		if !ok {
			break
		}
		digits = append(digits, d)
		j += size
	}
	if len(digits) == 0 {
		return piece{}, false
	}
	return piece{start: i, end: j, kind: pieceDigits, low: string(digits)}, true
}
