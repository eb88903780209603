package names

import (
	"strings"
	"unicode/utf8"
)

// Misspelt reports two folded names that differ by one slip of the pen: the same words but one,
// and that one a letter changed, added or dropped ("sarovia", "sarobia"). A reporter who
// writes a prison's name twice in one story may slip once; two names of one story that differ
// so little are one name. Short words, numbers and roman numerals are never slips: "kuje" and
// "kuja", "cereso 2" and "cereso 3", "ancon i" and "ancon ii" are other places.
func Misspelt(a, b string) bool {
	if a == b {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	slip := -1
	for i := range wa {
		if wa[i] != wb[i] {
			if slip >= 0 {
				return false
			}
			slip = i
		}
	}
	if slip < 0 {
		return false // the same words, spaced otherwise
	}
	x, y := wa[slip], wb[slip]
	return slipWord(x) && slipWord(y) && oneEdit(x, y)
}

// minSlipRunes is the shortest word in which a difference of one letter is a slip rather than
// another name.
const minSlipRunes = 5

// slipWord reports a word long enough to hold a slip, with no digit and more than roman numerals.
func slipWord(w string) bool {
	if utf8.RuneCountInString(w) < minSlipRunes || strings.Trim(w, "ivxlcdm") == "" {
		return false
	}
	return !strings.ContainsAny(w, "0123456789")
}

// oneEdit reports two different words one rune changed, added or dropped apart.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return i < len(ra) && string(ra[i+1:]) == string(rb[i+1:]) // invalid bytes read alike are no edit
	}
	return string(ra[i+1:]) == string(rb[i:])
}
