package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as clean UTF-8 text, so that the same article always hashes the same:
// invalid bytes become U+FFFD; the text is NFC; control and invisible format characters are
// removed; line endings (CR, CRLF, NEL, LS, VT, FF) become "\n" and PS a paragraph break; runs of
// spaces and tabs (and other spaces such as NBSP) become one space; every line is trimmed; runs
// of blank lines become one paragraph break ("\n\n"); and the whole is trimmed. Single newlines
// inside a paragraph are kept.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := 0 // newlines seen since the last written text
	space := false
	prev := rune(0)
	for _, r := range s {
		crlf := r == '\n' && prev == '\r'
		prev = r
		switch {
		case crlf:
			// the "\n" of a "\r\n" was counted with its "\r"
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
			if r == '\u2029' {
				blank++ // a paragraph separator is a paragraph break by itself
			}
			blank++
			space = false
		case r == '\t' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = true
		case unicode.IsControl(r) || isInvisible(r):
			// dropped
		default:
			if b.Len() > 0 {
				writeSeparator(&b, blank, space)
			}
			blank, space = 0, false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeSeparator writes what stood between two pieces of text: a paragraph break, a line break or
// one space.
func writeSeparator(b *strings.Builder, newlines int, space bool) {
	switch {
	case newlines >= 2:
		b.WriteString("\n\n")
	case newlines == 1:
		b.WriteByte('\n')
	case space:
		b.WriteByte(' ')
	}
}

// isInvisible reports format characters that carry no text: zero-width spaces, word joiners, the
// byte order mark, soft hyphens and bidirectional marks. Zero-width (non-)joiners stay: Persian and
// Indic scripts need them.
func isInvisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u200E', '\u200F':
		return true
	}
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}
