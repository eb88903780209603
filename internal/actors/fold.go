package actors

import (
	"unicode"
	"unicode/utf8"
)

// Name folding for actor names. Text and aliases go through the same tokenizer, so a rule
// here always applies to both sides: lower case, diacritics stripped, apostrophes inside a
// word dropped ("Da'esh" = "Daesh"), doubled ASCII letters collapsed ("Shabaab" = "Shabab")
// and a final "ah" shortened to "a" ("Nusrah" = "Nusra"); in Arabic, hamza forms of alif are
// plain alif and the final ى is ي. Hyphens, spaces and parentheses only separate words, so
// "al-Nusra" = "al Nusra". A suffix after an apostrophe starting with a lower-case letter
// ("PKK'lı") is kept in the word, but the token also records where it starts.

// token is one word of a text: its bytes in the text and its folded key.
type token struct {
	start, end int  // byte span in the text, without a possessive "'s"
	k0, k1     int  // span of the folded key in the key buffer
	stemEnd    int  // where a Turkish suffix after an apostrophe starts ("PKK'lı"), or 0
	stemK      int  // end of the folded key of the word before that suffix
	joined     bool // the gap before it only holds joiners: see isJoiner and joiningDot
	upper      bool // it has an upper-case letter
	lower      bool // it has a lower-case letter
}

// diacriticFree maps a lower-case letter with a diacritic (or a ligature) to plain letters.
var diacriticFree = buildDiacriticTable()

func buildDiacriticTable() map[rune]string {
	groups := []struct{ from, to string }{
		{"àáâãäåāăąǎǻạảấầẩẫậắằẳẵặ", "a"}, {"çćĉċč", "c"}, {"ďđḍḏ", "d"},
		{"èéêëēĕėęěẹẻẽếềểễệ", "e"}, {"ĝğġģǧ", "g"}, {"ĥħḥḩḫẖ", "h"},
		{"ìíîïĩīĭįıǐỉị", "i"}, {"ĵ", "j"}, {"ķḳ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňṇ", "n"},
		{"òóôõöøōŏőǒọỏốồổỗộớờởỡợơ", "o"}, {"ŕŗřṛ", "r"}, {"śŝşšṣș", "s"}, {"ţťŧṭț", "t"},
		{"ùúûüũūŭůűųưǔụủứừửữự", "u"}, {"ŵẉ", "w"}, {"ýÿŷỳỵ", "y"}, {"źżžẓẕ", "z"},
		{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"}, {"ð", "d"},
		// Arabic: alif with hamza or madda is plain alif, final yā' without dots is yā' and the
		// tatweel that stretches a word is dropped ("الإسلامية" = "الاسلامية").
		{"أإآٱ", "ا"}, {"ى", "ي"}, {"ـ", ""},
	}
	table := make(map[rune]string)
	for _, g := range groups {
		for _, r := range g.from {
			table[r] = g.to
		}
	}
	return table
}

// isApostrophe reports whether r is one of the marks used as an apostrophe or for the Arabic
// ayn and hamza in transliterations.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '′':
		return true
	}
	return false
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a combining mark, but
// not the modifier letters used as apostrophes (ʿ, ʼ).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return !isApostrophe(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// asciiJoiner is isJoiner for an ASCII byte.
func asciiJoiner(c byte) bool {
	switch c {
	case ' ', '-', '(', ')', '&', '\'', '`', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// isJoiner reports whether r may stand between two words of one name.
func isJoiner(r rune) bool {
	switch r {
	case ' ', '-', '\u2010', '\u2011', '\u00ad', '(', ')', '&':
		return true
	}
	return isApostrophe(r) || unicode.IsSpace(r)
}

// elided reports whether a word cut at an apostrophe is a French elision ("l'", "d'", "qu'").
func elided(word string) bool {
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	switch word {
	case "qu", "Qu", "QU", "jusqu", "lorsqu", "puisqu":
		return true
	}
	return false
}

// tokenize splits text into words, appending their folded keys to keys. It returns the tokens
// and the grown key buffer; both may be reused by the caller for the next text.
func tokenize(text string, toks []token, keys []byte) ([]token, []byte) {
	gapOK := false // the gap since the previous word only holds joiners
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isWordRune(rune(c)) {
			// The spaces and punctuation between words, without decoding a rune: of ASCII, the
			// joiners are the spaces, ' ', '-', '(', ')', '&' and the apostrophes ' and `.
			gapOK = gapOK && (asciiJoiner(c) || c == '.' && joiningDot(text, i, toks))
			i++
			continue
		}
		r, size := decode(text, i)
		if isWordRune(r) {
			var t token
			t, keys, i = scanWord(text, i, keys)
			t.joined = gapOK
			toks = append(toks, t)
			gapOK = true
			continue
		}
		gapOK = gapOK && (isJoiner(r) || r == '.' && joiningDot(text, i, toks))
		i += size
	}
	return toks, keys
}

// joiningDot reports whether the '.' at byte i joins words: inside a name ("Actualite.cd") or
// after an initial ("U.S. forces").
func joiningDot(text string, i int, toks []token) bool {
	if i+1 < len(text) && wordAt(text, i+1) {
		return true
	}
	last := toks[len(toks)-1]
	return last.end == i && utf8.RuneCountInString(text[last.start:last.end]) == 1
}

// decode returns the rune at byte i and its size, quickly for ASCII.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// wordAt reports whether a word rune starts at byte i.
func wordAt(text string, i int) bool {
	r, _ := decode(text, i)
	return isWordRune(r)
}

// scanWord reads the word starting at i and returns it with the key buffer and the index just
// after it (after a possessive "'s", which the token's span leaves out).
func scanWord(text string, i int, keys []byte) (token, []byte, int) {
	t := token{start: i, k0: len(keys)}
	for i < len(text) {
		switch c := text[i]; { // ASCII letters and digits, most of a text, without decoding a rune
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t.lower = t.lower || c >= 'a'
			keys = appendASCII(keys, t.k0, c)
			i++
			continue
		case 'A' <= c && c <= 'Z':
			t.upper = true
			keys = appendASCII(keys, t.k0, c)
			i++
			continue
		}
		if c := text[i]; c < utf8.RuneSelf && c != '\'' && c != '`' {
			break // a space or a mark ends the word: no rune to decode
		}
		r, size := decode(text, i)
		if isWordRune(r) {
			keys = appendFolded(keys, t.k0, r)
			t.upper = t.upper || isUpper(r)
			t.lower = t.lower || isLower(r)
			i += size
			continue
		}
		if !isApostrophe(r) || i+size >= len(text) {
			break
		}
		next, nsize := decode(text, i+size)
		if !unicode.IsLetter(next) {
			break
		}
		if (next == 's' || next == 'S') && (i+size+nsize == len(text) || !wordAt(text, i+size+nsize)) {
			t.end, t.k1 = i, shortenAh(keys, t.k0)
			return t, keys[:t.k1], i + size + nsize
		}
		if elided(text[t.start:i]) {
			break
		}
		if t.stemEnd == 0 && isLower(next) {
			t.stemEnd, t.stemK = i, shortenAh(keys, t.k0)
		}
		i += size
	}
	t.end, t.k1 = i, shortenAh(keys, t.k0)
	return t, keys[:t.k1], i
}

// appendFolded appends the folded form of r to the key that starts at k0.
func appendFolded(keys []byte, k0 int, r rune) []byte {
	if r < utf8.RuneSelf {
		return appendASCII(keys, k0, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return keys
	}
	r = unicode.ToLower(r)
	if plain, ok := diacriticFree[r]; ok {
		for i := 0; i < len(plain); i++ {
			keys = appendASCII(keys, k0, plain[i])
		}
		return keys
	}
	return utf8.AppendRune(keys, r)
}

// appendASCII appends c in lower case unless it doubles the key's last letter.
func appendASCII(keys []byte, k0 int, c byte) []byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if 'a' <= c && c <= 'z' && len(keys) > k0 && keys[len(keys)-1] == c {
		return keys
	}
	return append(keys, c)
}

// shortenAh returns the end of the key starting at k0 once a final "ah" is cut to "a".
func shortenAh(keys []byte, k0 int) int {
	n := len(keys)
	if n-k0 >= 4 && keys[n-2] == 'a' && keys[n-1] == 'h' {
		return n - 1
	}
	return n
}

// foldKey returns the folded keys of the words of s joined by single spaces: the form under
// which names are compared by [Dictionary.Get].
func foldKey(s string) string {
	toks, keys := tokenize(s, nil, nil)
	out := make([]byte, 0, len(keys)+len(toks))
	for i, t := range toks {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, keys[t.k0:t.k1]...)
	}
	return string(out)
}
