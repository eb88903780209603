package extract

import (
	"strconv"
	"strings"
)

// Number words and qualifiers of the lexicon files (number:N, qualifier:Q), read beside number.go's
// older tables, so that a language brings its own: Russian and Arabic so far.

// addNumberWord adds a number:N word, its class given by its value.
func (lx *lexicon) addNumberWord(category, word string) {
	v, _ := strconv.Atoi(strings.TrimPrefix(category, "number:")) // the loader checked the value
	w := numberWord{value: v}
	switch {
	case v < 10:
		w.class = wordUnit
	case v < 20:
		w.class = wordTeen
	case v < 100:
		w.class = wordTens
	case v < 1000:
		w.class = wordHundredValue
	case v == 1000:
		w.class = wordMulThousand // not alone: "тысячи заключённых" are thousands, not 1,000
	default:
		w.class = wordMulMillion
	}
	if lx.numbers == nil {
		lx.numbers = map[string]numberWord{}
	}
	lx.numbers[foldPhrase(word)] = w
}

// numberWord looks a word (lower case, as pieces hold it) up among the number words of number.go
// and of the lexicon.
func (lx *lexicon) numberWord(low string) (numberWord, bool) {
	if w, ok := numberWords[low]; ok || len(lx.numbers) == 0 || isASCII(low) {
		return w, ok
	}
	w, ok := lx.numbers[foldWord(low)]
	return w, ok
}

// unitFirstTens reads the tens or the ten that follow a unit in Arabic order, the conjunction
// glued to the tens: "خمسة وعشرون" is 25, "خمسة عشر" 15. It returns the number read so far
// (cur) and its last piece, unchanged when nothing of the kind follows the unit at piece last.
func (lx *lexicon) unitFirstTens(ps []piece, last int, prev numberWord, cur int) (int, int) {
	next := last + 1
	if prev.class != wordUnit || next >= len(ps) || ps[next].kind != pieceWord || len(lx.proclitics) == 0 {
		return cur, last
	}
	fold := foldWord(ps[next].low)
	if w, ok := lx.numbers[fold]; ok && w.value == 10 {
		return cur + 10, next // "خمسة عشر"
	}
	for _, f := range lx.procliticForms(fold, nil) {
		if w, ok := lx.numbers[f]; ok && w.class == wordTens && lx.has(conjunctionWords, strings.TrimSuffix(fold, f)) {
			return cur + w.value, next // "خمسة وعشرون"
		}
	}
	return cur, last
}

// addQualifier adds a qualifier:Q phrase ("около", "أكثر من"), indexed by its last word so that it
// is matched backwards from the figure, as number.go's are.
func (lx *lexicon) addQualifier(category, phrase string) {
	words := strings.Fields(foldPhrase(phrase))
	if lx.qualifiers == nil {
		lx.qualifiers = map[string][]qualifierPhrase{}
	}
	last := words[len(words)-1]
	lx.qualifiers[last] = append(lx.qualifiers[last], qualifierPhrase{words: words, qualifier: strings.TrimPrefix(category, "qualifier:")})
}

// qualifierBefore reads a qualifier of the lexicon's ending right before piece first, the earliest
// starting one when several end there; pieces are compared folded ("более 20", "نحو 300").
func (lx *lexicon) qualifierBefore(ps []piece, first int) (string, int) {
	j := first - 1
	if len(lx.qualifiers) == 0 || j < 0 || ps[j].kind != pieceWord {
		return "", 0
	}
	best, bestStart := "", 0
	for _, ph := range lx.qualifiers[foldWord(ps[j].low)] {
		start := j
		for w := len(ph.words) - 2; w >= 0 && start >= 0; w-- {
			if start--; start < 0 || ps[start].kind != pieceWord || foldWord(ps[start].low) != ph.words[w] {
				start = -1
			}
		}
		if start >= 0 && (best == "" || start < bestStart) {
			best, bestStart = ph.qualifier, start
		}
	}
	return best, bestStart
}
