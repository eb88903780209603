package link

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/names"
)

//go:embed data/generic-words.tsv
var genericWordsData string

// placeStopWords carry no identity in a place name ("Tarvo State" is "Tarvo"), facilityStopWords
// none in a facility name ("Tarvo Central Prison" and "Tarvo prison" are the same facility),
// gradeWords say a facility's grade of security, which tells two facilities of a town apart but
// not two names of one past it, and sameWords give the English words a word of a police station's
// name stands for ("comisaría": police station): data/generic-words.tsv, which TestGenericWords
// checks.
var placeStopWords, facilityStopWords, gradeWords, sameWords = genericWords()

// genericWords reads data/generic-words.tsv into the sets of folded words, and the folded words
// of the same meaning into the folded words they stand for.
func genericWords() (place, facility, grade map[string]bool, same map[string][]string) {
	words, err := readGenericWords(genericWordsData)
	if err != nil {
		panic(err)
	}
	same = map[string][]string{}
	for _, w := range words["same"] {
		word, meaning, _ := strings.Cut(w, "\t")
		for _, t := range foldTokens(word) {
			same[t] = foldTokens(meaning)
		}
	}
	return wordSet(words["place"]...), wordSet(words["facility"]...), wordSet(words["grade"]...), same
}

// facilityTokens returns the tokens that identify a facility's name, generic words dropped and
// words of police stations read in English: "estación policial" and "stazione di polizia" are
// both "police station".
func facilityTokens(name string) []string {
	return inEnglish(nameTokens(name, facilityStopWords))
}

// inEnglish reads the sorted tokens of a facility's name with its words of police stations in
// English; a stored profile written before those words were read so is read the same way.
func inEnglish(tokens []string) []string {
	if !slices.ContainsFunc(tokens, func(t string) bool { _, ok := sameWords[t]; return ok }) {
		return tokens // most names: nothing to read otherwise, nothing to allocate
	}
	var out []string
	for _, t := range tokens {
		if meaning, ok := sameWords[t]; ok {
			out = append(out, meaning...)
		} else {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

// readGenericWords parses the generic words' file: a kind (place, facility, grade or same), a
// tab, a word, and for a same word a tab and the words it stands for.
func readGenericWords(data string) (map[string][]string, error) {
	words := map[string][]string{}
	seen := map[string]bool{}
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		kind, word, ok := strings.Cut(line, "\t")
		if !ok || kind != "place" && kind != "facility" && kind != "grade" && kind != "same" || word == "" {
			return nil, fmt.Errorf("generic-words.tsv:%d: want place, facility, grade or same, a tab and a word", n+1)
		}
		if w, meaning, ok := strings.Cut(word, "\t"); kind == "same" != ok || kind == "same" && (w == "" || meaning == "") {
			return nil, fmt.Errorf("generic-words.tsv:%d: a same word and the words it stands for, or another kind's one word", n+1)
		}
		if seen[line] {
			return nil, fmt.Errorf("generic-words.tsv:%d: %s %q twice", n+1, kind, word)
		}
		seen[line] = true
		words[kind] = append(words[kind], word)
	}
	return words, nil
}

// wordSet folds words into a lookup table, so that stop words match folded tokens.
func wordSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		for _, t := range foldTokens(w) {
			set[t] = true
		}
	}
	return set
}

// foldTokens splits a name into comparison tokens: its words, each folded by names.Fold (the
// one folding of names the gazetteer and extraction use: no diacritics or apostrophes, q/k,
// ou/u, doubled letters), with the articles al/el dropped ("al-Sina'a" gives "sina").
func foldTokens(s string) []string {
	var out []string
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '\'' && r != '\u2019' && r != '\u2018' && r != '\u02bc' && r != '`'
	})
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) && isRomanNumeral(w) && isOneLetter(words[i+1]) {
			w += words[i+1] // "Kelas II B" is "Kelas IIB": a class written apart is one word
			i++
		}
		if t := names.Fold(withoutElision(w)); t != "" && t != "al" && t != "el" {
			out = append(out, t)
		}
	}
	return out
}

// isRomanNumeral reports a word of Roman numerals in capitals, as the grade or class in a
// facility's name ("II", "IV").
func isRomanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "IVX") == ""
}

// isOneLetter reports a word of one capital letter: the subclass after a class ("II B").
func isOneLetter(w string) bool {
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// withoutElision drops an elided article or preposition written in lower case onto a word: the
// "d'" of "prison d'Orlin" and the "dell'" of "carcere dell'Orlin" are no part of the
// name, while a capital before the apostrophe is ("N'Djamena", "Ma'arrat").
func withoutElision(w string) string {
	i := strings.IndexAny(w, "'\u2019")
	if i <= 0 || i > maxElisionBytes {
		return w
	}
	for _, r := range w[:i] {
		if !unicode.IsLower(r) {
			return w
		}
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	return w[i+size:]
}

// maxElisionBytes is the longest elided word before an apostrophe ("dell'", "sull'").
const maxElisionBytes = 4

// nameTokens folds a name and drops the stop words, returning a sorted set (nil when nothing is
// left, as for "the central prison").
func nameTokens(s string, stop map[string]bool) []string {
	var out []string
	for _, t := range foldTokens(s) {
		if !stop[t] {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

// compactStrings removes adjacent repeats from a sorted slice.
func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// subset reports whether every token of a (sorted) is in b (sorted); an empty a is no subset.
func subset(a, b []string) bool {
	if len(a) == 0 || len(a) > len(b) {
		return false
	}
	j := 0
	for _, t := range a {
		for j < len(b) && b[j] < t {
			j++
		}
		if j == len(b) || b[j] != t {
			return false
		}
	}
	return true
}

// pastGrade returns the facility name's tokens without the words of its grade of security, nil
// when fewer than minNameBeyondGrade are left: "Brell medium security" and "Brell maximum
// security" leave only their town, and stay two facilities. Read once per profile, when first
// compared.
func (p *profile) pastGrade() []string {
	if p.namedRead {
		return p.named
	}
	p.namedRead = true
	for _, t := range p.facility {
		if !gradeWords[t] {
			p.named = append(p.named, t)
		}
	}
	if len(p.named) < minNameBeyondGrade {
		p.named = nil
	}
	return p.named
}

// minNameBeyondGrade is how many words a facility's name must keep past its grade to name it.
const minNameBeyondGrade = 2

// related reports whether one token set holds the other: "Kabba" and "Kabba Medium Security".
func related(a, b []string) bool { return subset(a, b) || subset(b, a) }

// equalTokens reports whether two sorted token sets are the same.
func equalTokens(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || subset(a, b))
}

// union merges two sorted token sets.
func union(a, b []string) []string {
	out := append(append([]string{}, a...), b...)
	sort.Strings(out)
	return compactStrings(out)
}
