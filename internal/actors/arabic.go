package actors

import (
	"unicode"
	"unicode/utf8"
)

// Arabic writes conjunctions and prepositions onto the next word: "وتنظيم" is "and the
// organisation", "لداعش" "to Daesh", "كداعش" "like Daesh", "للحوثيين" "to the Houthis" (ل
// before the article drops its alif). An Arabic word that opens no alias is tried again without
// them: a conjunction (و, ف), a preposition (ب, ل, ك) or both, in that order. The article ال
// is never taken off: aliases that carry it are written with it.

// Arabic letters that act as proclitics, as folded keys.
const (
	arWaw  = "و" // and
	arFa   = "ف" // and so
	arBa   = "ب" // in, by, with
	arLam  = "ل" // to, for
	arKaf  = "ك" // like, as
	arAlif = "ا"
)

// minArabicStem is the shortest rest, in bytes, left once proclitics are off: two letters.
const minArabicStem = 2 * len(arLam)

// isArabicKey reports whether a folded key starts with a letter of the Arabic block.
func isArabicKey(key []byte) bool {
	return len(key) > 0 && key[0] >= 0xD8 && key[0] <= 0xDB
}

// longestAtStripped returns the longest alias matching the words from toks[i] once the proclitics
// of the Arabic word toks[i] are taken off, and the byte offset in text where the name starts
// (after the proclitics); nil when there is none.
func (d *Dictionary) longestAtStripped(text string, toks []token, keys []byte, i int) (*alias, int) {
	t := toks[i]
	defer func() { toks[i] = t }()
	key := keys[t.k0:t.k1]
	cut, conj := 0, false
	if hasPrefix(key, arWaw) || hasPrefix(key, arFa) {
		cut, conj = len(arWaw), true
	}
	for {
		if !conj {
			if rest := key[cut:]; !hasPrefix(rest, arBa) && !hasPrefix(rest, arLam) && !hasPrefix(rest, arKaf) {
				return nil, 0
			}
			cut += len(arBa)
		}
		if len(key)-cut < minArabicStem {
			return nil, 0
		}
		toks[i].k0 = t.k0 + cut
		if a := d.longestAt(text, toks, keys, i); a != nil {
			return a, skipLetters(text, t.start, utf8.RuneCount(key[:cut]))
		}
		if !conj && string(key[cut-len(arLam):cut]) == arLam && hasPrefix(key[cut:], arLam) {
			// "للحوثيين": the alif of the article was dropped after ل; read "الحوثيين".
			k0 := t.k0 + cut - len(arAlif)
			copy(keys[k0:], arAlif)
			toks[i].k0 = k0
			a := d.longestAt(text, toks, keys, i)
			copy(keys[k0:], arLam)
			if a != nil {
				return a, skipLetters(text, t.start, utf8.RuneCount(key[:cut]))
			}
		}
		if !conj {
			return nil, 0
		}
		conj = false // "وبتنظيم", "وللحوثيين": a preposition after the conjunction
	}
}

// hasPrefix reports whether key starts with p, without allocating.
func hasPrefix(key []byte, p string) bool {
	return len(key) >= len(p) && string(key[:len(p)]) == p
}

// skipLetters returns the byte offset in text after n letters from start, and after the
// vowel marks and tatweel written on them.
func skipLetters(text string, start, n int) int {
	i := start
	for n > 0 && i < len(text) {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		n--
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r != 'ـ' && !unicode.Is(unicode.Mn, r) {
				break
			}
			i += size
		}
	}
	return i
}
