package extract

import "unicode/utf8"

// cueList is the cue phrases that start with one word, in the order the lexicon lists them, with
// the phrases of several words indexed by their second word. A common word opens many phrases
// ("the", "in", "prison" of the known facilities' names) and the word after it rules out nearly
// all of them: the index finds the few that can match without trying each.
type cueList struct {
	phrases []cuePhrase
	// bySecond holds, for each second word written out (no prefix), the positions in phrases of
	// the phrases with that second word; always those of the phrases of one word or whose second
	// word is a prefix, which any next word may match. Both in increasing order.
	bySecond map[string][]int
	always   []int
}

// minIndexedCues is how many phrases a word must open before scan looks them up by the next
// word: for fewer, trying each costs less than the look-up.
const minIndexedCues = 4

// add appends p, whose first word is the list's.
func (l *cueList) add(p cuePhrase) {
	k := len(l.phrases)
	l.phrases = append(l.phrases, p)
	if len(p.words) == 1 || isPrefixWord(p.words[1]) {
		l.always = append(l.always, k)
		return
	}
	if l.bySecond == nil {
		l.bySecond = map[string][]int{}
	}
	l.bySecond[p.words[1]] = append(l.bySecond[p.words[1]], k)
}

// isPrefixWord reports a cue word that matches by prefix ("escap*").
func isPrefixWord(w string) bool { return w != "" && w[len(w)-1] == '*' }

// appendMatches appends the hits of the phrases of l, not nil, at token i, read as first, in the
// list's order, as appendMatch appends each. A phrase's second word matches the next token as
// written or, when the token is not ASCII, once its proclitics are off (matchAt): only then, or
// for a short list, is every phrase tried; else only those the next word can match.
func (lx *lexicon) appendMatches(hits []cueHit, l *cueList, from int, stripped bool, toks []token, i int, first string) []cueHit {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].fold
	}
	if len(l.phrases) < minIndexedCues || next == "" || next[0] >= utf8.RuneSelf {
		for k := range l.phrases {
			hits = lx.appendMatch(hits, from, stripped, &l.phrases[k], toks, i, first)
		}
		return hits
	}
	always, second := l.always, l.bySecond[next]
	for len(always) > 0 || len(second) > 0 {
		var k int
		if len(second) == 0 || len(always) > 0 && always[0] < second[0] {
			k, always = always[0], always[1:]
		} else {
			k, second = second[0], second[1:]
		}
		hits = lx.appendMatch(hits, from, stripped, &l.phrases[k], toks, i, first)
	}
	return hits
}
