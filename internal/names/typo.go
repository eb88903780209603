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
	if a == b || abs(len(a)-len(b)) > utf8.UTFMax {
		return false // one rune more or less changes the length by a rune's bytes at most
	}
	slipped := false
	for a != "" || b != "" {
		var x, y string
		x, a = nextWord(a)
		y, b = nextWord(b)
		if x == y {
			continue
		}
		if slipped || !slipWord(x) || !slipWord(y) || !oneEdit(x, y) {
			return false // a word more, a second slip, or no slip at all
		}
		slipped = true
	}
	return slipped
}

// nextWord splits the first space-separated word off s.
func nextWord(s string) (word, rest string) {
	word, rest, _ = strings.Cut(strings.TrimLeft(s, " "), " ")
	return word, rest
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
