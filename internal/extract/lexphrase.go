package extract

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Phrases of the phrase categories (phrasecategory.go): the figure and date words each language
// brings, matched on pieces as written in lower case.

// piecePhrase is one phrase of a phrase category.
type piecePhrase struct {
	words []string // lower case as written
	value int      // the category's value ("vague_number:24"), 0 for a category without one
	next  string   // a word that must follow the phrase without being part of it: "scores (of)"
}

// phraseCategoryNamed returns the phrase category a file names and its value: "vague_number:24" is
// vagueNumberPhrases and 24. A value the table does not list is no category.
func phraseCategoryNamed(name string) (phraseCat, int, bool) {
	family, value, valued := strings.Cut(name, ":")
	for c, pc := range phraseCats {
		if pc.name != family || valued != (pc.values != nil) || valued && !slices.Contains(pc.values, value) {
			continue
		}
		v, _ := strconv.Atoi(value) // the table's values are numbers
		return phraseCat(c), v, true
	}
	return 0, 0, false
}

// isPhraseCategory reports a category whose phrases are read on pieces as written.
func isPhraseCategory(name string) bool {
	_, _, ok := phraseCategoryNamed(name)
	return ok
}

// checkOneWord reports a phrase of several words, or with a word to follow, in a phrase category
// that rules look up one word at a time.
func checkOneWord(e lexiconEntry) error {
	c, _, ok := phraseCategoryNamed(e.category)
	if !ok || !phraseCats[c].word {
		return nil
	}
	if words, next := phraseWords(e.phrase); len(words) > 1 || next != "" {
		return fmt.Errorf("%s:%d: %s is looked up one word at a time: %q", e.file, e.line, e.category, e.phrase)
	}
	return nil
}

// phraseWords splits a phrase of a phrase category into pieces as a text is split ("a.m" is a,
// ".", m; "o'" is o, "'"), and returns the word in parentheses that must follow it ("scores (of)").
func phraseWords(phrase string) (words []string, next string) {
	fields := strings.Fields(phrase)
	if n := len(fields); n > 1 && strings.HasPrefix(fields[n-1], "(") && strings.HasSuffix(fields[n-1], ")") {
		next = strings.ToLower(strings.Trim(fields[n-1], "()"))
		phrase = strings.Join(fields[:n-1], " ")
	}
	for _, p := range scanPieces(phrase) {
		words = append(words, p.low)
	}
	return words, next
}

// addPhrase adds a phrase of a phrase category, indexed by its first word, longest first so that
// "tens of thousands" is tried before "tens".
func (lx *lexicon) addPhrase(category string, phrase string) {
	c, value, _ := phraseCategoryNamed(category) // the loader checked the category
	words, next := phraseWords(phrase)
	if lx.phrases[c] == nil {
		lx.phrases[c] = map[string][]piecePhrase{}
	}
	list := append(lx.phrases[c][words[0]], piecePhrase{words: words, value: value, next: next})
	sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	lx.phrases[c][words[0]] = list
	if lx.phraseEnds[c] == nil {
		lx.phraseEnds[c] = map[string][]piecePhrase{}
	}
	last := words[len(words)-1]
	lx.phraseEnds[c][last] = append(lx.phraseEnds[c][last], piecePhrase{words: words, value: value, next: next})
}

// phrasesFrom returns the phrases of a category that start with a word (lower case), longest first.
func (lx *lexicon) phrasesFrom(c phraseCat, low string) []piecePhrase {
	if !lx.filter.mayHave(phraseSetID(c), low) {
		return nil
	}
	return lx.phrases[c][low]
}

// phraseFrom returns the longest phrase of a category that starts at piece i and is followed by
// the word it needs, and the index of its last piece.
func (lx *lexicon) phraseFrom(c phraseCat, ps []piece, i int) (piecePhrase, int, bool) {
	if i < 0 || i >= len(ps) || ps[i].cannotStart&(1<<c) != 0 {
		return piecePhrase{}, 0, false
	}
	for _, p := range lx.phrasesFrom(c, ps[i].low) {
		if last, ok := phraseStartsAt(ps, i, p.words); ok && (p.next == "" || pieceIs(ps, last+1, p.next)) {
			return p, last, true
		}
	}
	return piecePhrase{}, 0, false
}

// phraseEndsBefore reports a phrase of a category whose last piece is piece i ("aged" of "aged
// 25", "âgé de" of "âgé de 25 ans").
func (lx *lexicon) phraseEndsBefore(c phraseCat, ps []piece, i int) bool {
	last := i // the piece the last word must be, after the joiners phraseEndsAt skips
	for last >= 0 && ps[last].kind == piecePunct && isJoinerPunct(ps[last].low) {
		last--
	}
	if last < 0 {
		return false
	}
	for _, p := range lx.phraseEnds[c][ps[last].low] {
		if _, ok := phraseEndsAt(ps, i, p.words); ok {
			return true
		}
	}
	return false
}

// phraseValue looks a word (lower case) up among the one-word phrases of a category and returns
// its value.
func (lx *lexicon) phraseValue(c phraseCat, low string) (int, bool) {
	for _, p := range lx.phrasesFrom(c, low) {
		if len(p.words) == 1 && p.next == "" {
			return p.value, true
		}
	}
	return 0, false
}

// isPhraseWord reports a word (lower case) that is a one-word phrase of a category.
func (lx *lexicon) isPhraseWord(c phraseCat, low string) bool {
	_, ok := lx.phraseValue(c, low)
	return ok
}

// writes reports a token of text that is a word of phrase category c as written, lower-cased:
// categories read on tokens that folding would confuse ("a" and "à") or that keep diacritics.
func (lx *lexicon) writes(c phraseCat, text string, t token) bool {
	return lx.isPhraseWord(c, strings.ToLower(text[t.start:t.end]))
}

// writtenPhraseBefore reports a phrase of category c whose words are the tokens right before
// token k, read as written in lower case: phrases read on a sentence's words rather than on pieces.
// The phrases are looked up by their last word, the token before k: one word to lower-case.
func (lx *lexicon) writtenPhraseBefore(c phraseCat, text string, toks []token, k int) bool {
	if k < 1 {
		return false
	}
	for _, p := range lx.phraseEnds[c][strings.ToLower(text[toks[k-1].start:toks[k-1].end])] {
		if n := len(p.words); n <= k && p.next == "" && writtenAs(p.words, text, toks[k-n:k]) {
			return true
		}
	}
	return false
}

// writtenPhraseAt returns how many tokens from token k on a phrase of category c spans, read as
// written in lower case, the longest first; 0 when none starts there.
func (lx *lexicon) writtenPhraseAt(c phraseCat, text string, toks []token, k int) int {
	if k < 0 || k >= len(toks) {
		return 0
	}
	for _, p := range lx.phrases[c][strings.ToLower(text[toks[k].start:toks[k].end])] {
		if n := len(p.words); k+n <= len(toks) && p.next == "" && writtenAs(p.words, text, toks[k:k+n]) {
			return n
		}
	}
	return 0
}

// lowerPhraseAt is writtenPhraseAt for the document's lower-cased text (analysis.lower), whose
// words need no lower-casing: the check rules make of every name they read stays cheap.
func (lx *lexicon) lowerPhraseAt(c phraseCat, lower string, toks []token, k int) int {
	if k < 0 || k >= len(toks) {
		return 0
	}
	for _, p := range lx.phrasesFrom(c, lower[toks[k].start:toks[k].end]) {
		if n := len(p.words); k+n <= len(toks) && p.next == "" && slices.EqualFunc(p.words, toks[k:k+n], func(w string, t token) bool { return w == lower[t.start:t.end] }) {
			return n
		}
	}
	return 0
}

// writtenAs reports tokens of text that, lower-cased, are the words of a phrase.
func writtenAs(words []string, text string, toks []token) bool {
	return slices.EqualFunc(words, toks, func(w string, t token) bool { return w == strings.ToLower(text[t.start:t.end]) })
}

// joinedPhrases returns the phrases of a category, their pieces joined by spaces ("mise à jour"),
// sorted.
func (lx *lexicon) joinedPhrases(c phraseCat) []string {
	var out []string
	for _, list := range lx.phrases[c] {
		for _, p := range list {
			out = append(out, strings.Join(p.words, " "))
		}
	}
	slices.Sort(out)
	return out
}
