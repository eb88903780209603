package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number words and qualifiers of the lexicon files (number:N, multiplier:N, qualifier:Q, ...):
// each language brings its own.

// isNumberCategory reports a number word's category: number:N, multiplier:N, multiplier_alone:N,
// teen_suffix:N or and_a_half:N.
func isNumberCategory(name string) bool {
	family, _, ok := strings.Cut(name, ":")
	return ok && (family == "number" || family == "multiplier" || family == "multiplier_alone" || family == "teen_suffix" || family == "and_a_half")
}

// addNumberWord adds a number word, its class given by its family and value (see numberValues).
func (lx *lexicon) addNumberWord(category, word string) {
	family, value, _ := strings.Cut(category, ":")
	v, _ := strconv.Atoi(value) // the loader checked the value
	w := numberWord{value: v}
	switch {
	case family == "teen_suffix":
		w.class = wordBelas
	case family == "and_a_half":
		w.class = wordAndHalf
	case family == "multiplier" || family == "multiplier_alone":
		w.standalone = family == "multiplier_alone"
		switch {
		case v == 10:
			w.class = wordPuluh
		case v == 100:
			w.class = wordMulHundred
		case v == 1000:
			w.class = wordMulThousand
		default:
			w.class = wordMulMillion
		}
	case v < 10:
		w.class = wordUnit
	case v < 20:
		w.class = wordTeen
	case v < 100:
		w.class = wordTens
	case v < 1000:
		w.class = wordHundredValue
	default:
		w.class = wordThousandValue // "seribu": a thousand, a figure by itself
	}
	if lx.numbers == nil {
		lx.numbers = map[string]numberWord{}
	}
	lx.numbers[foldPhrase(word)] = w
	if fold := foldPhrase(word); w.class == wordTens && v%10 == 0 && len(fold) >= 3 {
		if lx.tensHeads == nil {
			lx.tensHeads = map[string]bool{}
		}
		lx.tensHeads[fold[:3]] = true // gluedTensAndUnit looks only at words that start so
	}
	lx.numberLows = append(lx.numberLows, strings.ToLower(word), foldPhrase(word))
}

// numberWord looks a word (lower case, as pieces hold it) up among the lexicon's number words,
// or reads it as tens and a unit written as one word ("settantasette", "trentuno").
func (lx *lexicon) numberWord(low string) (numberWord, bool) {
	fold := foldWord(low)
	if lx.filter.mayHave(numberWordSet, fold) {
		if w, ok := lx.numbers[fold]; ok {
			return w, ok
		}
	}
	if w, ok := lx.gluedTensAndUnit(fold); ok {
		return w, ok
	}
	return lx.conjoinedNumber(fold)
}

// conjoinedNumber reads a number word with a conjunction written onto it: "ثلاث جثث وخمسة
// جرحى" counts five wounded after three bodies; or with the definite article, as a number
// follows the noun it counts: "القتلى العشرة" are the ten dead.
func (lx *lexicon) conjoinedNumber(fold string) (numberWord, bool) {
	if len(lx.proclitics) == 0 || fold == "" || fold[0] < utf8.RuneSelf {
		return numberWord{}, false
	}
	for _, f := range lx.procliticForms(fold, nil) {
		prefix := strings.TrimSuffix(fold, f)
		if w, ok := lx.numbers[f]; ok && (lx.has(conjunctionWords, prefix) || lx.has(definiteArticleWords, prefix)) {
			return w, true
		}
	}
	return numberWord{}, false
}

// conjoined reports a word with a conjunction written onto it ("وجريحا": and wounded).
func (lx *lexicon) conjoined(fold string) bool {
	return len(lx.conjoinedForms(fold)) > 0
}

// conjoinedForms returns the forms of a folded word without the proclitics before it when they
// are a conjunction ("وخمسة": خمسة), or none.
func (lx *lexicon) conjoinedForms(fold string) []string {
	if len(lx.proclitics) == 0 || fold == "" || fold[0] < utf8.RuneSelf {
		return nil
	}
	return slices.DeleteFunc(lx.procliticForms(fold, nil), func(f string) bool {
		return !lx.has(conjunctionWords, strings.TrimSuffix(fold, f))
	})
}

// isNumberWord reports a word numberWord reads.
func (lx *lexicon) isNumberWord(low string) bool {
	_, ok := lx.numberWord(low)
	return ok
}

// gluedTensAndUnit reads a word made of a tens word and a unit word ("settanta"+"sette"), the
// tens' last vowel dropped before a unit that starts with one ("trent(a)"+"uno").
func (lx *lexicon) gluedTensAndUnit(fold string) (numberWord, bool) {
	if len(fold) < minGluedNumber || !lx.filter.mayHave(tensHeadSet, fold[:3]) || !lx.tensHeads[fold[:3]] {
		return numberWord{}, false
	}
	for i := 3; i < len(fold)-2; i++ {
		unit, ok := lx.numbers[fold[i:]]
		if !ok || unit.class != wordUnit {
			continue
		}
		heads := []string{fold[:i]}
		if strings.IndexByte("aeiou", fold[i]) >= 0 {
			for _, v := range "aeiou" {
				heads = append(heads, fold[:i]+string(v))
			}
		}
		for _, head := range heads {
			if tens, ok := lx.numbers[head]; ok && tens.class == wordTens && tens.value%10 == 0 {
				return numberWord{class: wordTens, value: tens.value + unit.value}, true
			}
		}
	}
	return numberWord{}, false
}

// minGluedNumber is the shortest word gluedTensAndUnit reads: a tens word and a unit word are
// each three letters at least.
const minGluedNumber = 6

// unitFirstTens reads the tens or the ten that follow a unit in Arabic order, the conjunction
// glued to the tens, and the article after it in a definite or ordinal number: "خمسة وعشرون" is
// 25, "خمسة عشر" 15, "السابع والعشرين" the 27th. It returns the number read so far (cur) and its
// last piece, unchanged when nothing of the kind follows the unit at piece last.
func (lx *lexicon) unitFirstTens(ps []piece, last int, prev numberWord, cur int) (int, int) {
	next := last + 1
	if prev.class != wordUnit || next >= len(ps) || ps[next].kind != pieceWord || len(lx.proclitics) == 0 {
		return cur, last
	}
	fold := foldWord(ps[next].low)
	if w, ok := lx.numbers[fold]; ok && w.value == 10 {
		return cur + 10, next // "خمسة عشر"
	}
	if t, ok := lx.conjoinedTens(fold); ok {
		return cur + t, next // "خمسة وعشرون", "السابع والعشرين"
	}
	return cur, last
}

// conjoinedTens reads tens with a conjunction written onto them, perhaps with the article
// between ("وعشرون", "والعشرين").
func (lx *lexicon) conjoinedTens(fold string) (int, bool) {
	for _, f := range lx.procliticForms(fold, nil) {
		w, ok := lx.numbers[f]
		if !ok || w.class != wordTens {
			continue
		}
		prefix := strings.TrimSuffix(fold, f)
		for _, c := range lx.proclitics {
			if rest, ok := strings.CutPrefix(prefix, c); ok && lx.has(conjunctionWords, c) && (rest == "" || lx.has(procliticWords, rest)) {
				return w.value, true
			}
		}
	}
	return 0, false
}

// addQualifier adds a qualifier:Q phrase ("около", "أكثر من"), indexed by its last word so that it
// is matched backwards from the figure, as number.go's are.
func (lx *lexicon) addQualifier(category, phrase string) {
	words := lx.qualifierWords(phrase)
	if lx.qualifiers == nil {
		lx.qualifiers = map[string][]qualifierPhrase{}
	}
	last := words[len(words)-1]
	lx.qualifiers[last] = append(lx.qualifiers[last], qualifierPhrase{words: words, qualifier: strings.TrimPrefix(category, "qualifier:")})
}

// qualifierBefore finds a qualifier phrase of the lexicon that ends right before piece first: its
// qualifier (or "between"/"from" for a range opener) and the index of its first piece, the
// earliest starting one when several end there. Pieces are compared folded ("более 20", "نحو
// 300", "près de 40"); hyphens and apostrophes between words are skipped ("jusqu'à").
func (lx *lexicon) qualifierBefore(ps []piece, first int) (string, int) {
	if first > 0 && (ps[first-1].low == "~" || ps[first-1].low == "≈") {
		return "approx", first - 1
	}
	j := first - 1
	for j >= 0 && ps[j].kind == piecePunct && (isJoinerPunct(ps[j].low) || isOpenQuote(ps[j].low)) {
		j--
	}
	if j < 0 || ps[j].kind != pieceWord {
		return "", 0
	}
	if w := foldWord(ps[j].low); j > 0 && (lx.has(anotherWords, w) || lx.has(otherWords, w)) {
		if q, start := lx.qualifierEndingAt(ps, j-1); q != "" {
			return q, start // "at least another 10", "al menos otros 30": the qualifier bounds the figure past the word
		}
	}
	if j > 0 && lx.has(definiteArticleWords, foldWord(ps[j].low)) {
		// "fra i 1.000 e i 1.500", "entre los 200 y los 300": an article may stand after a range's opener
		if q, start := lx.qualifierEndingAt(ps, j-1); q == "between" || q == "from" {
			return q, start
		}
	}
	return lx.qualifierEndingAt(ps, j)
}

// qualifierEndingAt finds the longest qualifier phrase whose last word is piece j.
func (lx *lexicon) qualifierEndingAt(ps []piece, j int) (string, int) {
	if ps[j].kind != pieceWord {
		return "", 0
	}
	best, bestStart := "", 0
	for _, ph := range lx.qualifiers[foldWord(ps[j].low)] {
		start := j
		for w := len(ph.words) - 2; w >= 0 && start >= 0; w-- {
			start--
			for start >= 0 && ps[start].kind == piecePunct && isJoinerPunct(ps[start].low) {
				start--
			}
			if start < 0 || ps[start].kind != pieceWord || !lx.qualifierWordAt(ps[start].low, ph.words[w], w == 0) {
				start = -1
			}
		}
		if start >= 0 && (best == "" || start < bestStart) {
			best, bestStart = ph.qualifier, start
		}
	}
	return best, bestStart
}

// qualifierWordAt reports a piece that is a qualifier phrase's word; the phrase's first word may
// carry proclitics ("وأكثر من 120": and more than 120).
func (lx *lexicon) qualifierWordAt(low, word string, first bool) bool {
	fold := foldWord(low)
	return fold == word || first && slices.Contains(lx.procliticForms(fold, nil), word)
}

// qualifierWords folds a qualifier phrase into the words pieces give: apostrophes and hyphens
// split words ("jusqu'à" is "jusqu", "a"; "plus d'" is "plus", "d").
func (lx *lexicon) qualifierWords(phrase string) []string {
	var words []string
	for _, p := range scanPieces(phrase) {
		if p.kind == pieceWord {
			words = append(words, foldWord(p.low))
		}
	}
	return words
}

// isQualifierWord reports a word that ends a qualifier phrase ("over" of "over-200").
func (lx *lexicon) isQualifierWord(low string) bool {
	return len(lx.qualifiers[foldWord(low)]) > 0
}
