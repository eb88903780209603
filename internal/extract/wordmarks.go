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

// wordMarks are what the rules ask of a folded word, read once: the word categories has finds it
// in (as written or without its proclitics), those isWord finds it in (as written), and those
// with a phrase of several words that starts with it (phraseStarts); and the cue phrases that
// start with it (byFirst), for scan.
type wordMarks struct {
	is, written, starts wordCats
	cues                *cueList
	of                  *lexicon // the lexicon whose marks these are: scan reads cues only of its own
	// scanners are the phrases of the other lexicons that scan every sentence's tokens (the known
	// facilities' names, the facility phrases of other languages) that start with the word, once
	// New has marked them (markScanner): most words start none, and a mark answers for each
	// without a filter probe.
	scanners [scannerSlots]scannedBy
}

// scannedBy are the phrases of one lexicon that start with a word: nil cues for none.
type scannedBy struct {
	lex  *lexicon
	cues *cueList
}

// The slots of wordMarks.scanners: the known facilities' names (Extractor.known), read in every
// sentence, and the facility phrases of every language (lexicons.foreignFacilities), read in the
// sentences of a document of known language.
const (
	knownSlot = iota
	foreignSlot
	scannerSlots
)

// cuesOf returns the cue phrases of lx that start with the word, and whether the marks tell
// them: the marks of lx itself, or of a lexicon marked into them by markScanner.
func (m *wordMarks) cuesOf(lx *lexicon) (*cueList, bool) {
	if m.of == lx {
		return m.cues, true
	}
	for _, s := range m.scanners {
		if s.lex == lx {
			return s.cues, true
		}
	}
	return nil, false
}

// buildWordMarks indexes the marks of every word of the word categories, every first word of
// their phrases and every first word of a cue phrase, once they are complete: markWords reads
// them.
func (lx *lexicon) buildWordMarks() {
	lx.wordMarks = map[string]*wordMarks{}
	lx.noMarks = &wordMarks{of: lx}
	marksOf := func(w string) *wordMarks {
		m := lx.wordMarks[w]
		if m == nil {
			m = &wordMarks{of: lx}
			lx.wordMarks[w] = m
		}
		return m
	}
	for c := range wordCatCount {
		for w := range lx.words[c] {
			m := marksOf(w)
			m.is.add(c)
			m.written.add(c)
		}
		for w := range lx.phraseStarts[c] {
			marksOf(w).starts.add(c)
		}
	}
	for w, cues := range lx.byFirst {
		marksOf(w).cues = cues
	}
}

// markScanner marks the words of the lexicon, in the slot, with the phrases of scanner that start
// with them, and every other word with none, so that a scan of a sentence's tokens by scanner
// reads them as a scan by the lexicon reads its cues. scanner is complete; the lexicon is built
// and not yet shared.
func (lx *lexicon) markScanner(slot int, scanner *lexicon) {
	for w, names := range scanner.byFirst {
		m := lx.wordMarks[w]
		if m == nil {
			m = &wordMarks{of: lx} // no word of the lexicon, as noMarks
			lx.wordMarks[w] = m
		}
		m.scanners[slot].cues = names
	}
	for _, m := range lx.wordMarks {
		m.scanners[slot].lex = scanner
	}
	lx.noMarks.scanners[slot].lex = scanner
	lx.buildFilter() // the new words are keys of wordMarks
}

// markWords gives each token the marks of its fold, so that the rules' questions about a
// sentence's tokens, a few dozen for each token, are each a bit test (token.is, phraseAt) instead
// of a hash and a map lookup. A sentence's tokens are marked once, by the lexicon of its
// document, the only one that asks about them.
func (lx *lexicon) markWords(toks []token) {
	for i := range toks {
		toks[i].marks = lx.marksOf(toks[i].fold)
	}
}

// marksOf returns the marks of a folded word. A word of no category and no phrase shares the
// lexicon's empty marks; a word of categories it has only once its proclitics are taken off
// ("والسجون" is "سجون") gets marks of its own.
func (lx *lexicon) marksOf(fold string) *wordMarks {
	marks := lx.noMarks
	if lx.filter.mayHave(wordMarksSet, fold) {
		if m, ok := lx.wordMarks[fold]; ok {
			marks = m
		}
	}
	if fold == "" || fold[0] < utf8.RuneSelf || len(lx.proclitics) == 0 {
		return marks // an ASCII word has no proclitics to take off
	}
	var own *wordMarks
	for _, f := range lx.procliticForms(fold, nil) {
		m, ok := lx.wordMarks[f]
		if !ok {
			continue
		}
		if own == nil {
			own = &wordMarks{}
			*own = *marks
		}
		own.is.union(&m.written) // has asks isWord of each form
	}
	if own == nil {
		return marks
	}
	return own
}

// is reports whether a token's word is of a word category, as lexicon.has would for its fold:
// a bit test of the marks markWords gave it. Only marked tokens are asked (a token not marked has
// no marks to read, and the question fails loudly): a sentence's tokens are marked as they are
// read.
func (t *token) is(category wordCat) bool {
	return t.marks.is.has(category)
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
