package names

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a place or country name to the key every wallwatch lookup compares. Spellings
// of one name fold to one key, so "Hasaka", "Al-Hasakah", "Hassakeh" and "Al Ḩasakah" all
// give "hasaka". In order:
//
//   - compatibility decomposition, diacritics stripped, a few letters spelled out (ß, æ, ø, ł, ı...),
//     lower case; in Arabic script the tatweel dropped and the spelling variants news writers
//     mix unified (hamza seats and alef wasla to ا, ta marbuta ة to ه, alef maqsura ى to ي,
//     Persian ی and ک to ي and ك); Cyrillic ё becomes е and й и with the other diacritics;
//   - apostrophes and ʿayn/hamza signs (' ’ ʿ ʾ `) removed, any other punctuation splits words;
//   - the Arabic article (al, el, ad, as, ash, ar, an, at, az and their e/u forms) dropped
//     before another word, and the article ال written onto a word of three letters or more, an article glued by assimilation inside a name ("Deir Ezzor")
//     dropped, and a lone ezafe "e"/"i" between words ("Mazar-e Sharif") dropped;
//   - word endings: -ah/-eh to -a, -y after a consonant to -i, -aw before a final
//     consonant to -o ("Hawl" = "Hol");
//   - words joined without spaces; then transliteration pairs: ee to i; ei, ey, ay to ai;
//     ou to u; q to k; dj to j; doubled letters collapsed.
//
// kh/k, dh/z, oo/u and a final -e/-a are deliberately left apart: they would merge distinct
// names (Khan/Kan, Dhaka/Zaka) or break Somali double vowels. Fold is idempotent.
func Fold(name string) string {
	var buf [64]byte
	var ends [16]int
	letters, wordEnds := appendWords(buf[:0], ends[:0], name)
	var outBuf [64]byte
	out := outBuf[:0]
	last, start, kept := len(wordEnds)-1, 0, 0
	for i, end := range wordEnds {
		w := letters[start:end]
		start = end
		if isParticle(w, i, last) {
			continue
		}
		if kept > 0 {
			w = stripGluedArticle(w)
		}
		w = stripArabicArticle(w)
		out = appendFoldedEnding(out, w)
		kept++
	}
	return foldPairs(out)
}

// appendWords appends name's words to letters, lower-cased, without diacritics or
// apostrophes, and records where each word ends. Anything else that is not a letter or digit
// separates words.
func appendWords(letters []byte, ends []int, name string) ([]byte, []int) {
	if isASCII(name) {
		return appendASCIIWords(letters, ends, name)
	}
	name = norm.NFKD.String(strings.ToValidUTF8(name, " "))
	for _, r := range name {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			letters = append(letters, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			letters = append(letters, byte(r)+'a'-'A')
		case unicode.Is(unicode.Mn, r), isApostrophe(r), r == arabicTatweel:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if s, ok := spelledOut[r]; ok {
				letters = append(letters, s...)
			} else {
				letters = utf8.AppendRune(letters, r)
			}
		default:
			ends = endWord(letters, ends)
		}
	}
	return letters, endWord(letters, ends)
}

// appendASCIIWords is appendWords for a name all in ASCII, most names asked of a text: byte by
// byte, where a name in other scripts is decomposed and read rune by rune. Of ASCII, only the
// apostrophes ' and ` are dropped without ending a word (isApostrophe); no ASCII byte is a mark
// or the tatweel.
func appendASCIIWords(letters []byte, ends []int, name string) ([]byte, []int) {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			letters = append(letters, c)
		case 'A' <= c && c <= 'Z':
			letters = append(letters, c+'a'-'A')
		case c == '\'' || c == '`':
		default:
			ends = endWord(letters, ends)
		}
	}
	return letters, endWord(letters, ends)
}

// endWord records that a word ends at the end of letters, unless no letter came since the last
// word's end.
func endWord(letters []byte, ends []int) []int {
	if n := len(ends); len(letters) > 0 && (n == 0 || ends[n-1] < len(letters)) {
		ends = append(ends, len(letters))
	}
	return ends
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʿ', 'ʾ', 'ʼ', 'ʻ', 'ʹ', '`', '´', '′':
		return true
	}
	return false
}

// spelledOut maps letters that have no decomposition to their usual Latin spelling, and the
// Arabic-script letters writers swap to the one Fold keeps.
var spelledOut = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n", 'ə': "e", 'ɨ': "i", 'ɛ': "e", 'ɔ': "o",
	'ة': "ه", 'ى': "ي", 'ٱ': "ا", 'ی': "ي", 'ک': "ك",
}

// arabicTatweel stretches a word for layout; it is no letter of the name.
const arabicTatweel = 'ـ'

// arabicArticle is ال, the Arabic definite article, written onto the word it defines.
const arabicArticle = "ال"

// stripArabicArticle drops ال from the front of a word that keeps at least three letters
// (الحسكة is حسكه), as the Latin article is dropped: reports write a name with and without it.
func stripArabicArticle(w []byte) []byte {
	for {
		rest, ok := bytes.CutPrefix(w, []byte(arabicArticle))
		if !ok || utf8.RuneCount(rest) < 3 {
			return w
		}
		w = rest // repeated until none is left, so that Fold is idempotent
	}
}

// isParticle reports whether word i of a name (last is the index of the last word) is an
// Arabic definite article before another word (al, el, ad, as, ash, ar, an, at, az and their
// e/u forms) or a lone ezafe "e"/"i" between words.
func isParticle(w []byte, i, last int) bool {
	if i >= last {
		return false
	}
	switch string(w) {
	case "al", "el", "ul", "ad", "ed", "as", "es", "ash", "esh", "ar", "er", "an", "en", "at", "et", "az", "ez":
		return true
	case "e", "i":
		return i > 0
	}
	return false
}

// stripGluedArticle turns "ezzor" into "zor": an article assimilated to a sun letter and
// written as one word with the name. Only used after the first word, where "Assam",
// "Annaba" or "Essen" cannot be hit.
func stripGluedArticle(w []byte) []byte {
	if len(w) >= 5 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'u') && w[1] == w[2] &&
		strings.IndexByte("tdrzsnl", w[1]) >= 0 {
		return w[2:]
	}
	return w
}

// appendFoldedEnding appends w with its transliterated ending normalised: -ah/-eh to -a,
// -y after a consonant to -i, -aw before a final consonant to -o.
func appendFoldedEnding(out, w []byte) []byte {
	n := len(w)
	switch {
	case n >= 3 && w[n-1] == 'h' && (w[n-2] == 'a' || w[n-2] == 'e'):
		return append(append(out, w[:n-2]...), 'a')
	case n >= 3 && w[n-1] == 'y' && isConsonant(w[n-2]):
		return append(append(out, w[:n-1]...), 'i')
	case n >= 4 && w[n-3] == 'a' && w[n-2] == 'w' && isConsonant(w[n-1]) && w[n-1] != 'h' && w[n-1] != 'y':
		return append(append(append(out, w[:n-3]...), 'o'), w[n-1])
	}
	return append(out, w...)
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && strings.IndexByte("aeiouw", c) < 0
}

// foldPairs folds transliteration pairs inside the joined name (ee to i; ei, ey, ay to ai;
// ou to u; q to k; dj to j), collapses doubled ASCII letters and refolds the ending and an
// Arabic article that joining brought to the front until nothing changes, which makes Fold
// idempotent.
func foldPairs(s []byte) string {
	var bufs [2][64]byte
	var pass [64]byte // one pass's letters, before the ending is refolded
	for round := range 8 {
		t := stripArabicArticle(appendFoldedEnding(bufs[round%2][:0], pairPass(pass[:0], s)))
		if string(t) == string(s) {
			break
		}
		s = t
	}
	return string(s)
}

// pairPass appends to out one left-to-right pass over s of the pair rules and the doubled-letter
// collapse. Only ASCII letters are collapsed: a byte repeated inside a multi-byte rune must stay.
func pairPass(out, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		var next byte
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch c { // by the first letter of a pair: most letters open none, and pass at one test
		case 'e':
			switch next {
			case 'e':
				c, i = 'i', i+1
			case 'i', 'y':
				out, i = appendLetter(out, 'a'), i+1
				c = 'i'
			}
		case 'a':
			if next == 'y' { // "ai" stays
				out, i = appendLetter(out, 'a'), i+1
				c = 'i'
			}
		case 'o':
			if next == 'u' {
				c, i = 'u', i+1
			}
		case 'q':
			c = 'k'
		case 'd':
			if next == 'j' {
				c, i = 'j', i+1
			}
		}
		out = appendLetter(out, c)
	}
	return out
}

// appendLetter appends c unless it doubles the ASCII letter before it.
func appendLetter(out []byte, c byte) []byte {
	if n := len(out); n > 0 && out[n-1] == c && c >= 'a' && c <= 'z' {
		return out
	}
	return append(out, c)
}
