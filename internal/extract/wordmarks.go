package extract

import "unicode/utf8"

// wordCats is a set of word categories, bit c for category c: a bit for every value of a wordCat,
// so that a test needs no bounds check.
type wordCats [256 / 64]uint64

// add puts category c in the set.
func (s *wordCats) add(c wordCat) { s[c/64] |= 1 << (c % 64) }

// has reports category c in the set.
func (s *wordCats) has(c wordCat) bool { return s[c/64]&(1<<(c%64)) != 0 }

// union adds the categories of o to the set.
func (s *wordCats) union(o *wordCats) {
	for i := range s {
		s[i] |= o[i]
	}
}

// buildWordCats indexes the categories of every word of the word categories, once they are
// complete: markWords reads them.
func (lx *lexicon) buildWordCats() {
	lx.wordCats = map[string]*wordCats{}
	lx.noCats = &wordCats{}
	for c := range wordCatCount {
		for w := range lx.words[c] {
			s := lx.wordCats[w]
			if s == nil {
				s = &wordCats{}
				lx.wordCats[w] = s
			}
			s.add(c)
		}
	}
}

// markWords gives each token the word categories has finds its fold in, so that the rules'
// questions about a sentence's tokens, a few dozen for each token, are each a bit test
// (token.is) instead of a hash and a map lookup. A sentence's tokens are marked once, by the
// lexicon of its document, the only one that asks about them.
func (lx *lexicon) markWords(toks []token) {
	for i := range toks {
		toks[i].cats = lx.catsOf(toks[i].fold)
	}
}

// catsOf returns the categories of a folded word as has reads them: as written, or without its
// proclitics ("والسجون" is "سجون"). A word of none shares the lexicon's empty set; a word that has
// some only once its proclitics are taken off gets a set of its own.
func (lx *lexicon) catsOf(fold string) *wordCats {
	cats := lx.noCats
	if lx.filter.mayHave(wordCatsSet, fold) {
		if s, ok := lx.wordCats[fold]; ok {
			cats = s
		}
	}
	if fold == "" || fold[0] < utf8.RuneSelf || len(lx.proclitics) == 0 {
		return cats // an ASCII word has no proclitics to take off
	}
	var stems *wordCats
	for _, f := range lx.procliticForms(fold, nil) {
		s, ok := lx.wordCats[f]
		if !ok {
			continue
		}
		if stems == nil {
			stems = &wordCats{}
			stems.union(cats)
		}
		stems.union(s)
	}
	if stems == nil {
		return cats
	}
	return stems
}

// is reports whether a token's word is of a word category, as lexicon.has would for its fold:
// a bit test of the categories markWords gave it. Only marked tokens are asked (a token not
// marked has no categories to read, and the question fails loudly): a sentence's tokens are
// marked as they are read.
func (t *token) is(category wordCat) bool {
	return t.cats.has(category)
}

// wordIn reports a word of the category among toks[from:to] (bounds clipped to toks).
func wordIn(category wordCat, toks []token, from, to int) bool {
	for k := max(0, from); k < min(to, len(toks)); k++ {
		if toks[k].is(category) {
			return true
		}
	}
	return false
}
