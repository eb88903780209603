package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text: its folded form for matching and its byte span for evidence.
type token struct {
	fold       string     // lower case, diacritics and apostrophe variants removed
	start, end int        // byte offsets into the text
	upper      bool       // starts with an upper-case letter
	marks      *wordMarks // what the lexicon says of fold once markWords has read it, nil before (token.is)
}

// tokenize splits text into words. Hyphens and apostrophes inside a word keep it whole
// ("al-Sina'a", "rocket-propelled"); digits with separators stay one token ("3,500").
func tokenize(text string) []token {
	return appendTokens(make([]token, 0, len(text)/6+1), text, asciiLower(text))
}

// appendTokens is tokenize appending to toks, with lower the text's asciiLower, or any string of
// its length that agrees with it on the words (the whole document's, for a sentence with its URLs
// blanked): ASCII words fold to a slice of it, without an allocation each.
func appendTokens(toks []token, text, lower string) []token {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			if asciiWordByte(text[i]) {
				i++ // most of a word's letters, told without decoding a rune
				continue
			}
			r, size = utf8.DecodeRuneInString(text[i:])
			// A mark belongs to its letter: Arabic vowels ("قُتل"), decomposed accents. No ASCII
			// byte left here is a letter or a mark: the space or mark after a word is told
			// without the tables.
			if r >= utf8.RuneSelf && (isWordRune(r) || unicode.Is(unicode.Mn, r)) {
				i += size
				continue
			}
			if isJoiner(r) && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if isWordRune(next) && (r != ',' && r != '.' || unicode.IsDigit(prevRune(text, i)) && unicode.IsDigit(next)) {
					i += size
					continue
				}
			}
			break
		}
		word := text[start:i]
		first, _ := utf8.DecodeRuneInString(word)
		fold := lower[start:i]
		if !isASCII(word) {
			fold = foldWord(word)
		}
		toks = append(toks, token{fold: fold, start: start, end: i, upper: unicode.IsUpper(first)})
	}
	return toks
}

// plainWords reports ASCII letters and digits in words separated by single spaces: a phrase that
// folds to its lower case.
func plainWords(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// isWordRune reports letters and digits; ASCII, nearly every rune of most texts, is told apart
// without the Unicode tables.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWordByte reports an ASCII letter or digit.
func asciiWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isApostrophe reports the apostrophes folding unifies.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isJoiner reports runes that join two word parts: hyphens, apostrophes, and separators in numbers.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', 'ʼ', '‘', '‐', '‑', ',', '.':
		return true
	}
	return false
}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// asciiLower lower-cases the ASCII letters of text and leaves every other byte, so that offsets
// into it are offsets into text.
func asciiLower(text string) string {
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isUpperCase reports strings.ToUpper(s) == s, and isLowerCase strings.ToLower(s) == s,
// without building the mapped string: the case tests run on every name and word of a sentence.
func isUpperCase(s string) bool { return unchangedBy(s, unicode.ToUpper) }
func isLowerCase(s string) bool { return unchangedBy(s, unicode.ToLower) }

// unchangedBy reports whether strings.Map(mapping, s) == s: mapping leaves every rune as it is
// and s is valid UTF-8 (Map writes U+FFFD for an invalid byte).
func unchangedBy(s string, mapping func(rune) rune) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if mapping(r) != r {
			return false
		}
	}
	return true
}

// asciiCase reports whether s is ASCII and, if so, whether it has an upper-case letter, in one
// pass.
func asciiCase(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

// containsAny is strings.ContainsAny for the marks the rules look for between words, some beyond
// ASCII (clauseMarks): unless chars is all ASCII and s longer than eight bytes, the library looks
// each rune of s up in chars with a call. Here chars' ASCII bytes are a bitmap, and only a rune of
// s beyond ASCII is looked up. Most gaps between words are one space: one byte is looked up at
// once, without the bitmap.
func containsAny(s, chars string) bool {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		return strings.IndexByte(chars, s[0]) >= 0
	}
	var ascii [2]uint64
	for i := 0; i < len(chars); i++ {
		if c := chars[i]; c < utf8.RuneSelf {
			ascii[c/64] |= 1 << (c % 64)
		}
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if ascii[c/64]&(1<<(c%64)) != 0 {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(chars, r) {
			return true
		}
		i += size
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldWord lower-cases a word, strips diacritics (Arabic short vowels and hamza seats among them)
// and the tatweel, and unifies apostrophes and the Arabic letters news writers swap, so that cue
// words match however the text spells them.
func foldWord(w string) string {
	switch ascii, upper := asciiCase(w); {
	case ascii && !upper:
		return w // most words asked about come lower-cased already
	case ascii:
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), r == arabicTatweel:
		case r == 'ة': // ta marbuta, often written as ه
			b.WriteRune('ه')
		case r == 'ى': // alef maqsura, often written as ي
			b.WriteRune('ي')
		case r == '’' || r == 'ʼ' || r == '‘':
			b.WriteByte('\'')
		case r == '‐' || r == '‑':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldPhrase folds every word of a phrase and joins them with single spaces.
func foldPhrase(s string) string {
	if plainWords(s) {
		return strings.ToLower(s) // the common case, without tokenizing
	}
	return joinFolds(tokenize(s))
}

// joinFoldsIn is joinFolds for tokens whose offsets point into a text of which lower is the
// asciiLower: when the text writes the words as their folds one space apart, as it does most
// names of several words ("Port-au-Prince", "Porto da Lima"), the joined folds are that slice of
// lower, and no string is built. lower may be "".
func joinFoldsIn(lower string, toks []token) string {
	if len(toks) < 2 || toks[len(toks)-1].end > len(lower) {
		return joinFolds(toks)
	}
	at := toks[0].start
	for i, t := range toks {
		if i > 0 {
			if at >= len(lower) || lower[at] != ' ' {
				return joinFolds(toks)
			}
			at++
		}
		if !strings.HasPrefix(lower[at:], t.fold) {
			return joinFolds(toks)
		}
		at += len(t.fold)
	}
	return lower[toks[0].start:at]
}

// joinFolds joins the folded words of tokens with single spaces.
func joinFolds(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].fold
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t.fold)
	}
	var b strings.Builder // one allocation: candidate names are joined for every run of capitals
	b.Grow(n)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.fold)
	}
	return b.String()
}
