package extract

import (
	"strings"
	"unicode"
)

// findCampaigns returns the campaign names a sentence gives: a quoted title of two to six words
// next to a campaign word (“Breaking the Walls” campaign; a strategy called "Breaking the Walls").
func findCampaigns(text string, si *sentenceInfo) []string {
	var out []string
	for _, q := range quotedSpans(text[si.start:si.end]) {
		qs, qe := q[0]+si.start, q[1]+si.start
		title := strings.TrimSpace(text[qs:qe])
		if !isTitle(title) {
			continue
		}
		for _, t := range si.toks {
			near := (t.end <= qs && qs-t.end < 24) || (t.start >= qe && t.start-qe < 16)
			if near && t.is(campaignWordWords) {
				out = append(out, title)
				break
			}
		}
	}
	return out
}

// quotedSpans returns the byte spans of text inside quotation marks.
func quotedSpans(s string) [][2]int {
	if !mayQuote(s) {
		return nil
	}
	var spans [][2]int
	for i, r := range s {
		closer, ok := quoteCloser(r)
		if !ok {
			continue
		}
		rest := s[i+len(string(r)):]
		j := strings.IndexRune(rest, closer)
		if j < 0 || j > 80 {
			continue
		}
		start := i + len(string(r))
		spans = append(spans, [2]int{start, start + j})
	}
	return spans
}

// mayQuote reports whether s may hold a mark quoteCloser knows: '"', or a rune whose first byte
// is that of '“' and '‘' (0xE2) or of '«' (0xC2). Most sentences have none, and three byte
// searches tell so faster than decoding their runes.
func mayQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, 0xE2) >= 0 || strings.IndexByte(s, 0xC2) >= 0
}

// quoteCloser returns the mark that closes a quotation opened by r, if r opens one.
func quoteCloser(r rune) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '"':
		return '"', true
	case '«':
		return '»', true
	case '‘':
		return '’', true
	}
	return 0, false
}

// isTitle reports a phrase of two to six words whose content words are capitalised.
func isTitle(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsLower(r) && len(w) > 3 {
			return false
		}
	}
	return true
}
