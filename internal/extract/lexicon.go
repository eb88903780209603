package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lexicon holds cue phrases by category and finds them in token streams. Phrases are indexed by
// their first word so that matching costs one map lookup per token.
type lexicon struct {
	byFirst  map[string]*cueList
	prefixes map[string][]cuePhrase        // phrases whose first word ends in *, by its first prefixKeyLen letters
	words    [wordCatCount]map[string]bool // folded words (or names) of each word category
	// phraseStarts are the first words of each category's phrases of several words ("among" of
	// "among them"), so that phraseAt builds a phrase only where one can start.
	phraseStarts [wordCatCount]map[string]bool
	filter       wordFilter           // which words may be keys of the maps (wordfilter.go)
	months       map[string]monthName // month names, lower case as written (French "déc" is not English "dec")
	monthHeads   map[string]bool      // first words of month names of two words ("كانون" of "كانون الثاني")
	weekdays     map[string]weekdayName
	relative     map[string][]relativePhrase // fixed relative date phrases by their first word
	// triggers are the words a date expression may start with (months, weekdays, phrases, ...),
	// each with the matchers that can read one from it (dateStarts).
	triggers map[string]dateStarts

	numbers      map[string]numberWord        // number words of the files (number:N, multiplier:N, ...), folded
	tensHeads    map[string]bool              // first three letters of the tens words ("set" of "settanta")
	numberLows   []string                     // the number words lower case as written and folded: date triggers
	qualifiers   map[string][]qualifierPhrase // qualifier:Q phrases of the files by last folded word
	proclitics   []string                     // words written onto the next one ("و", "ال"), longest first (script.go)
	enclitics    []string                     // endings written after an apostrophe ("s" of "film's"), longest first
	duals        []string                     // endings of nouns in the dual number ("ان"), longest first
	caseEndings  []string                     // endings of declined names, longest first
	wordEndings  []string                     // caseEndings and the endings only adjectives take (a demonym's plural), longest first
	lemmaEndings []string                     // endings of the names' dictionary forms
	// caseFinals are the last bytes of the case endings, bit b for byte b: a word ending in none
	// has no case ending to take off (inflectedForms).
	caseFinals [256 / 64]uint64
	// phrases are the phrases of each phrase category by first word, lower case as written
	// (lexphrase.go).
	phrases [phraseCatCount]map[string][]piecePhrase
	// phraseEnds are the same phrases by last word, for phraseEndsBefore.
	phraseEnds [phraseCatCount]map[string][]piecePhrase
	// pieceMarks are, for markPieces, the phrase categories whose phrases start with a word and
	// whether it is one of numbers' words, for every word that is either.
	pieceMarks map[string]pieceMark
	// updateKeywords are the update_keyword phrases that open an update header ("mise à jour"),
	// read at the start of every line, which need no more of it lowered than the longest's runes.
	updateKeywords     []string
	updateKeywordRunes int
	// wordMarks are the marks of each word of words, phraseStarts and byFirst, and noMarks those
	// of any other word, for markWords (wordmarks.go).
	wordMarks map[string]*wordMarks
	noMarks   *wordMarks
	// union is whether the lexicon joins every language's: rules that hold in one language only
	// (count_preposition) do not read a text of unknown language.
	union bool
}

type cuePhrase struct {
	category cueCat
	ref      int32    // noCue's phrases: the index of the known facility they name
	words    []string // folded; a word ending in * matches by prefix
}

// cueHit is one occurrence of a cue: tokens [first, last] of the scanned stream.
type cueHit struct {
	category    cueCat
	ref         int32 // the phrase's ref
	first, last int
}

// prefixKeyLen is how many leading bytes index the prefix phrases; every prefix cue is at least
// this long.
const prefixKeyLen = 3

func newLexicon() *lexicon {
	return &lexicon{byFirst: map[string]*cueList{}, prefixes: map[string][]cuePhrase{}, months: map[string]monthName{}, monthHeads: map[string]bool{},
		weekdays: map[string]weekdayName{}, relative: map[string][]relativePhrase{}, filter: passAll()}
}

// buildLexicon indexes entries, each phrase of a category once: a word two languages share
// ("prison") is one cue.
func buildLexicon(entries []lexiconEntry) *lexicon {
	lx := newLexicon()
	for _, e := range entries {
		if e.category == wordCatNames[elisionWords] {
			lx.addWord(elisionWords, e.phrase) // before the phrases, which are split as texts are
		}
	}
	seen := map[string]bool{}
	for _, e := range entries {
		key := e.category + "\t" + phraseKey(e.category, e.phrase)
		switch {
		case seen[key]:
		case calendarCategory(e.category):
			lx.addCalendarName(e.category, e.phrase)
		case isNumberCategory(e.category):
			lx.addNumberWord(e.category, e.phrase)
		case strings.HasPrefix(e.category, "qualifier:"):
			lx.addQualifier(e.category, e.phrase)
		case isPhraseCategory(e.category):
			lx.addPhrase(e.category, e.phrase)
		default:
			if c, ok := wordCategoryNamed(e.category); ok {
				lx.addWord(c, e.phrase)
			} else if c, ok := cueCatNamed(e.category); ok {
				lx.add(c, 0, e.phrase)
			}
		}
		seen[key] = true
	}
	lx.proclitics = longestFirst(lx.words[procliticWords])
	lx.enclitics = longestFirst(lx.words[encliticWords])
	lx.duals = longestFirst(lx.words[dualSuffixWords])
	lx.caseEndings = longestFirst(lx.words[caseEndingWords])
	lx.wordEndings = longestFirst(unionOf(lx.words[caseEndingWords], lx.words[adjectiveEndingWords]))
	for _, e := range lx.wordEndings {
		lx.caseFinals = addFinal(lx.caseFinals, e)
	}
	lx.lemmaEndings = longestFirst(lx.words[lemmaEndingWords])
	lx.updateKeywords = lx.joinedPhrases(updateKeywordPhrases)
	for _, kw := range lx.updateKeywords {
		lx.updateKeywordRunes = max(lx.updateKeywordRunes, utf8.RuneCountInString(kw))
	}
	lx.triggers = map[string]dateStarts{}
	for _, c := range []phraseCat{weekdayBeforePhrases, periodPartPhrases, agoBeforePhrases, fewPhrases, dayOfMonthBeforePhrases, ordinalPhrases} {
		for w := range lx.phrases[c] {
			lx.triggers[w] = 0
		}
	}
	for w := range lx.months {
		lx.triggers[w] = 0
	}
	for w := range lx.monthHeads {
		lx.triggers[w] = 0
	}
	for w := range lx.weekdays {
		lx.triggers[w] = 0
	}
	for w := range lx.words[oneWordWords] {
		lx.triggers[w] = 0
	}
	for w := range lx.words[fewWordWords] {
		lx.triggers[w] = 0
	}
	for _, w := range lx.numberLows {
		lx.triggers[w] = 0
	}
	for w, list := range lx.relative {
		lx.triggers[w] = 0
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) }) // longest first
	}
	for w := range lx.triggers { // the words known, each gets its matchers
		lx.triggers[w] = lx.dateStartsOf(w)
	}
	lx.pieceMarks = map[string]pieceMark{}
	for c := range phraseCatCount {
		for w := range lx.phrases[c] {
			m := lx.pieceMarks[w]
			m.starts |= 1 << c
			lx.pieceMarks[w] = m
		}
	}
	for w := range lx.numbers {
		m := lx.pieceMarks[w]
		m.number = true
		lx.pieceMarks[w] = m
	}
	lx.buildWordMarks()
	lx.buildFilter()
	return lx
}

// buildFilter builds the filter over the keys of the lexicon's maps, once they are complete.
func (lx *lexicon) buildFilter() {
	var fk filterKeys
	for c := range wordCatCount {
		addKeys(&fk, wordSetID(c), lx.words[c])
	}
	for c := range phraseCatCount {
		addKeys(&fk, phraseSetID(c), lx.phrases[c])
	}
	addKeys(&fk, cueFirstSet, lx.byFirst)
	addKeys(&fk, cuePrefixSet, lx.prefixes)
	addKeys(&fk, dateTriggerSet, lx.triggers)
	addKeys(&fk, numberWordSet, lx.numbers)
	addKeys(&fk, pieceMarkSet, lx.pieceMarks)
	addKeys(&fk, tensHeadSet, lx.tensHeads)
	addKeys(&fk, wordMarksSet, lx.wordMarks)
	lx.filter = fk.filter()
}

// dateTrigger returns the matchers that can read a date expression starting with a word, none
// for a word no date expression starts with.
func (lx *lexicon) dateTrigger(low string) dateStarts {
	if !lx.filter.mayHave(dateTriggerSet, low) {
		return 0
	}
	return lx.triggers[low]
}

// isDateTrigger reports a word a date expression may start with.
func (lx *lexicon) isDateTrigger(low string) bool {
	_, ok := lx.triggers[low]
	return ok
}

// cueWords folds a phrase word by word, keeping the * that ends a prefix.
func cueWords(phrase string) []string {
	var words []string
	for _, w := range strings.Fields(phrase) {
		star := strings.HasSuffix(w, "*")
		f := foldPhrase(strings.TrimSuffix(w, "*"))
		if star {
			f += "*"
		}
		words = append(words, f)
	}
	return words
}

// add adds a cue phrase of the category; ref is the index of the known facility a phrase of
// noCue names.
func (lx *lexicon) add(category cueCat, ref int32, phrase string) {
	words := lx.splitElidedWords(cueWords(phrase))
	p := cuePhrase{category: category, ref: ref, words: words}
	if first, ok := strings.CutSuffix(words[0], "*"); ok {
		key := first[:min(prefixKeyLen, len(first))]
		lx.prefixes[key] = append(lx.prefixes[key], p)
		return
	}
	l := lx.byFirst[words[0]]
	if l == nil {
		l = &cueList{}
		lx.byFirst[words[0]] = l
	}
	l.add(p)
}

// splitElidedWords splits folded words as splitElisions splits tokens: "d'arret" -> "d", "arret".
func (lx *lexicon) splitElidedWords(words []string) []string {
	var out []string
	for _, w := range words {
		if k := strings.IndexByte(w, '\''); k > 0 && k+1 < len(w) && lx.words[elisionWords][w[:k]] {
			out = append(out, w[:k], w[k+1:])
			continue
		}
		out = append(out, w)
	}
	return out
}

// splitElisions splits an elided article or pronoun from the word it is joined to ("l'évasion",
// "dell'istituto") into a token of its own, so that the word matches as it does alone. text is
// what the tokens' offsets index.
func (lx *lexicon) splitElisions(toks []token, text string) []token {
	elisions := lx.words[elisionWords]
	if len(elisions) == 0 {
		return toks
	}
	var out []token
	for i, t := range toks {
		k := strings.IndexByte(t.fold, '\'')
		at := t.start + k // the elided letters are ASCII: as long in the text as in the fold
		if k <= 0 || k+1 >= len(t.fold) || !elisions[t.fold[:k]] || at >= t.end {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[at:])
		if !isApostrophe(r) || at+size >= t.end {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)+4), toks[:i]...)
		}
		next, _ := utf8.DecodeRuneInString(text[at+size:])
		out = append(out, token{fold: t.fold[:k], start: t.start, end: at + size, upper: t.upper},
			token{fold: t.fold[k+1:], start: at + size, end: t.end, upper: unicode.IsUpper(next)})
	}
	if out == nil {
		return toks
	}
	return out
}

func (lx *lexicon) addWord(category wordCat, word string) {
	if lx.words[category] == nil {
		lx.words[category] = map[string]bool{}
	}
	words := lx.splitElidedWords(strings.Fields(foldPhrase(word)))
	lx.words[category][strings.Join(words, " ")] = true
	if len(words) > 1 {
		if lx.phraseStarts[category] == nil {
			lx.phraseStarts[category] = map[string]bool{}
		}
		lx.phraseStarts[category][words[0]] = true
	}
}

// phraseKey is what a phrase is found by: its folded words, or for a month, a weekday or a phrase
// category its words in lower case.
func phraseKey(category, phrase string) string {
	if isPhraseCategory(category) {
		return strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	}
	if calendarCategory(category) {
		return strings.ToLower(strings.TrimSuffix(phrase, "."))
	}
	return strings.Join(cueWords(phrase), " ")
}

// addCalendarName adds a month:N or weekday:N name. A name written capitalised counts only
// capitalised in a text; one ending in a period is an abbreviation that may take one.
func (lx *lexicon) addCalendarName(category, name string) {
	family, value, _ := strings.Cut(category, ":")
	n, _ := strconv.Atoi(value) // the loader checked the value
	r, _ := utf8.DecodeRuneInString(name)
	upper := unicode.IsUpper(r)
	key := phraseKey(category, name)
	switch family {
	case "month":
		lx.months[key] = monthName{month: n, abbr: strings.HasSuffix(name, "."), needUpper: upper}
		if head, _, two := strings.Cut(key, " "); two {
			lx.monthHeads[head] = true
		}
	case "relative":
		// Matched on the pieces of a text, lower case as written: "l'année dernière" is l, année, dernière.
		var words []string
		for _, p := range scanPieces(key) {
			if p.kind != piecePunct {
				words = append(words, p.low)
			}
		}
		if len(words) > 0 {
			r := relativeKinds[value]
			r.words = words
			lx.relative[words[0]] = append(lx.relative[words[0]], r)
		}
	case "weekday":
		key, tail, _ := strings.Cut(key, "-") // "segunda-feira": the pieces "segunda", "-", "feira"
		lx.weekdays[key] = weekdayName{day: time.Weekday(n), needUpper: upper, tail: tail}
	}
}

// hasWord is has for a word not yet folded ("détenus").
func (lx *lexicon) hasWord(category wordCat, word string) bool {
	return lx.isWord(category, foldWord(word))
}

// isWord reports whether a folded word, or a name's folded words joined by spaces, is of a word
// category as written.
func (lx *lexicon) isWord(category wordCat, folded string) bool {
	return lx.filter.mayHave(wordSetID(category), folded) && lx.words[category][folded]
}

// has reports whether a folded word, or a name's folded words joined by spaces, is of a word
// category, as written or without its proclitics ("والسجون" is "سجون"). A sentence's tokens are
// asked with token.is, which reads the same answers marked once per token.
// townFacilityLink returns the word that links a place of detention's word to its town in the
// lexicon's language ("de" of "prison de X"), "" for languages that put the town first.
func (lx *lexicon) townFacilityLink() string {
	link := ""
	for w := range lx.words[townFacilityLinkWords] {
		if link == "" || w < link {
			link = w
		}
	}
	return link
}

func (lx *lexicon) has(category wordCat, folded string) bool {
	// isWord, written out: too large to inline.
	// Proclitics are written onto words of non-Latin scripts: an ASCII word has none to take off,
	// and most words skip the call.
	return lx.filter.mayHave(wordSetID(category), folded) && lx.words[category][folded] ||
		folded != "" && folded[0] >= utf8.RuneSelf && lx.hasStem(category, folded)
}

// phraseIn reports a phrase of a word category starting at a token in [from, to).
func (lx *lexicon) phraseIn(category wordCat, toks []token, from, to int) bool {
	for k := max(0, from); k < min(to, len(toks)); k++ {
		if lx.phraseAt(category, toks, k) > 0 {
			return true
		}
	}
	return false
}

// phraseEndingBefore returns where a phrase of a word category starts that ends at most reach
// words before token k ("demanding the release of [their 40 jailed] comrades", "the road leading
// to [the Tarvo central] prison"), -1 if none does.
func (lx *lexicon) phraseEndingBefore(category wordCat, toks []token, k, reach int) int {
	for start := max(0, k-reach-maxPhraseWords); start < k; start++ {
		if n := lx.phraseAt(category, toks, start); n > 0 && start+n <= k && k-(start+n) <= reach {
			return start
		}
	}
	return -1
}

// phraseAt returns how many words of toks from index start make a phrase of a word category
// ("among them"), up to maxPhraseWords; 0 if none does. The tokens are marked (markWords).
func (lx *lexicon) phraseAt(category wordCat, toks []token, start int) int {
	if start >= len(toks) {
		return 0
	}
	if m := toks[start].marks; !m.starts.has(category) {
		if m.written.has(category) {
			return 1
		}
		return 0 // no phrase starts with this word: no string to build
	}
	var buf [64]byte
	phrase := buf[:0] // built on the stack: a map lookup by string(phrase) does not allocate
	for end := start; end < len(toks) && end < start+maxPhraseWords; end++ {
		if len(phrase) > 0 {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, toks[end].fold...)
		if lx.words[category][string(phrase)] {
			return end - start + 1
		}
	}
	return 0
}

// isPhrase reports the n words of toks from index start as one phrase of a word category, where
// phraseAt would stop at a shorter one ("barat" of "barat daya").
func (lx *lexicon) isPhrase(category wordCat, toks []token, start, n int) bool {
	if start < 0 || n < 1 || start+n > len(toks) || n > maxPhraseWords || !toks[start].marks.starts.has(category) {
		return false
	}
	var buf [64]byte
	phrase := buf[:0]
	for k := start; k < start+n; k++ {
		if k > start {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, toks[k].fold...)
	}
	return lx.words[category][string(phrase)]
}

// maxPhraseWords is the longest phrase of a word category phraseAt and endsPhrase look for
// ("connu sous le nom de"); the loader refuses longer ones.
const maxPhraseWords = 5

// scan returns every cue in toks. Overlapping cues of different categories are all reported: the
// same word can be an escape cue and a metric cue. A word is also matched without its proclitics
// ("والسجناء" as "سجناء"), each cue once.
func (lx *lexicon) scan(toks []token) []cueHit {
	var hits []cueHit
	var forms []string
	for i := range toks {
		t := &toks[i]
		forms = lx.encliticForms(t.fold, lx.procliticForms(t.fold, append(forms[:0], t.fold)))
		from := len(hits)
		for k, f := range forms {
			var cues *cueList
			marked := false
			if k == 0 && t.marks != nil {
				// The token's own word, marked by markWords with this lexicon's cues, or by New
				// with the phrases of a lexicon that scans every sentence (markScanner).
				cues, marked = t.marks.cuesOf(lx)
			}
			if !marked && lx.filter.mayHave(cueFirstSet, f) {
				cues = lx.byFirst[f]
			}
			if cues != nil {
				hits = lx.appendMatches(hits, cues, from, k > 0, toks, i, f)
			}
			if key := f[:min(prefixKeyLen, len(f))]; len(lx.prefixes) > 0 && lx.filter.mayHave(cuePrefixSet, key) {
				for _, p := range lx.prefixes[key] {
					hits = lx.appendMatch(hits, from, k > 0, &p, toks, i, f)
				}
			}
		}
	}
	return hits
}

// appendMatch appends the hit of p at token i, read as first, unless p does not match there or,
// for a form without proclitics (stripped), hits[from:] already holds that cue.
func (lx *lexicon) appendMatch(hits []cueHit, from int, stripped bool, p *cuePhrase, toks []token, i int, first string) []cueHit {
	n, ok := lx.matchAt(p, toks, i, first)
	if !ok {
		return hits
	}
	h := cueHit{category: p.category, ref: p.ref, first: i, last: i + n - 1}
	if stripped && slices.Contains(hits[from:], h) {
		return hits
	}
	if hits == nil {
		hits = make([]cueHit, 0, firstHits) // room for a sentence's cues, not regrown from one
	}
	return append(hits, h)
}

// firstHits is the room made for the cues of a stream at its first cue: most sentences have
// fewer.
const firstHits = 16

// matchAt matches p at token i, whose word is read as first; the later words of p match a token
// or one of its forms without proclitics.
func (lx *lexicon) matchAt(p *cuePhrase, toks []token, i int, first string) (int, bool) {
	if i+len(p.words) > len(toks) || !wordMatches(p.words[0], first) {
		return 0, false
	}
	for j, w := range p.words[1:] {
		fold := toks[i+1+j].fold
		// A word that starts with an ASCII letter has no proclitics: most words skip the call.
		if !wordMatches(w, fold) && (fold == "" || fold[0] < utf8.RuneSelf || !lx.matchesStripped(w, fold)) {
			return 0, false
		}
	}
	return len(p.words), true
}

// matchesStripped reports a cue word that matches a folded word once its proclitics are taken
// off.
func (lx *lexicon) matchesStripped(pattern, fold string) bool {
	return slices.ContainsFunc(lx.procliticForms(fold, nil), func(f string) bool { return wordMatches(pattern, f) })
}

// wordMatches reports a word that a cue word matches: as written, or by prefix when the cue word
// ends in *.
func wordMatches(pattern, word string) bool {
	if n := len(pattern); n > 0 && pattern[n-1] == '*' {
		return strings.HasPrefix(word, pattern[:n-1])
	}
	return pattern == word
}
