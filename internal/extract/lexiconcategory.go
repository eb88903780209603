package extract

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// lexiconCategories are the month and weekday names and the words of numbers, qualifiers and
// relative days: one table for the loader to check files against with the cue categories of
// cuecategory.go and the word categories of wordcategory.go. A family ("month") is written
// "month:value" in files and lists the values rules know. data/README.md says what reads each.
var lexiconCategories = []struct {
	name   string
	values []string // a family's members; nil for a plain category
}{
	{name: "month", values: []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
	{name: "weekday", values: []string{"0", "1", "2", "3", "4", "5", "6"}},
	{name: "number", values: numberValues},
	{name: "multiplier", values: []string{"10", "100", "1000", "1000000", "1000000000"}},
	{name: "multiplier_alone", values: []string{"100", "1000"}},
	{name: "teen_suffix", values: []string{"10"}},
	{name: "and_a_half", values: []string{"1"}},
	{name: "qualifier", values: []string{"approx", "more_than", "up_to", "between", "from"}},
	{name: "relative", values: relativeKindNames()},
}

// numberValues are the values a number word of the lexicon may have: units, teens, tens, whole
// hundreds and whole thousands or millions that are a figure alone ("seribu") (number:25 is no
// word: "twenty-five" is read from its parts). Words that multiply the number before them are
// multiplier:N ("hundred", "thousand", "тысяча"; multiplier:10 is Indonesian "puluh"), and
// multiplier_alone:N when they are a figure by themselves too ("mille", "cent"); teen_suffix:10
// adds ten to the unit before it (Indonesian "belas"); and_a_half:1 is one and a half of the
// multiplier after it (Russian "полторы тысячи").
var numberValues = strings.Fields("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 30 40 50 60 70 80 90 " +
	"100 200 300 400 500 600 700 800 900 1000 1000000")

// knownCategories returns every category a file may use, family members spelt out ("side:security").
func knownCategories() []string {
	var out []string
	for _, c := range cueCats[noCue+1:] {
		out = append(out, c.name)
	}
	for _, c := range lexiconCategories {
		out = append(out, spelledOut(c.name, c.values)...)
	}
	for _, name := range wordCatNames {
		out = append(out, name)
	}
	for _, c := range phraseCats {
		out = append(out, spelledOut(c.name, c.values)...)
	}
	return out
}

// spelledOut returns the names a category is written with in files: its name, or name:value for
// each of its values.
func spelledOut(name string, values []string) []string {
	if values == nil {
		return []string{name}
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = name + ":" + v
	}
	return out
}

// validateLexicon reports every entry of an unknown category, every phrase given twice in one
// category of one file, and every known category no file provides.
func validateLexicon(entries []lexiconEntry) error {
	known := map[string]bool{}
	for _, c := range knownCategories() {
		known[c] = false
	}
	var errs []error
	firstLine := map[string]int{} // file, category and folded phrase -> line
	for _, e := range entries {
		if _, ok := known[e.category]; !ok {
			errs = append(errs, fmt.Errorf("%s:%d: unknown category %q", e.file, e.line, e.category))
			continue
		}
		known[e.category] = true
		if err := checkStars(e); err != nil {
			errs = append(errs, err)
		}
		if err := checkOneWord(e); err != nil {
			errs = append(errs, err)
		}
		if err := checkPhraseLength(e); err != nil {
			errs = append(errs, err)
		}
		key := strings.Join([]string{e.file, e.category, phraseKey(e.category, e.phrase)}, "\t")
		if n, dup := firstLine[key]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: %s %q is already at line %d", e.file, e.line, e.category, e.phrase, n))
			continue
		}
		firstLine[key] = e.line
	}
	for _, c := range knownCategories() {
		if !known[c] {
			errs = append(errs, fmt.Errorf("lexicon: no file provides category %q", c))
		}
	}
	return errors.Join(errs...)
}

// checkPhraseLength reports a phrase of a word category longer than the rules look for
// (maxPhraseWords): it would never match.
func checkPhraseLength(e lexiconEntry) error {
	if _, ok := wordCategoryNamed(e.category); !ok {
		return nil
	}
	if n := len(strings.Fields(e.phrase)); n > maxPhraseWords {
		return fmt.Errorf("%s:%d: %s phrases have at most %d words: %q has %d", e.file, e.line, e.category, maxPhraseWords, e.phrase, n)
	}
	return nil
}

// calendarCategory reports a month or weekday name or a relative date phrase, which is found as
// written, in lower case.
func calendarCategory(name string) bool {
	return strings.HasPrefix(name, "month:") || strings.HasPrefix(name, "weekday:") || strings.HasPrefix(name, "relative:")
}

// relativeKindNames lists the members of the relative family, sorted.
func relativeKindNames() []string {
	return slices.Sorted(maps.Keys(relativeKinds))
}

// checkStars reports a prefix word in a word category, which is looked up whole, or one shorter
// than the prefixKeyLen bytes the lexicon indexes prefixes by.
func checkStars(e lexiconEntry) error {
	for _, w := range cueWords(e.phrase) {
		prefix, ok := strings.CutSuffix(w, "*")
		switch {
		case ok && (calendarCategory(e.category) || isWordCategory(e.category) || isNumberCategory(e.category) ||
			strings.HasPrefix(e.category, "qualifier:") || isPhraseCategory(e.category)):
			return fmt.Errorf("%s:%d: %s is looked up word by word: %q cannot end in *", e.file, e.line, e.category, e.phrase)
		case ok && len(prefix) < prefixKeyLen:
			return fmt.Errorf("%s:%d: %q: a prefix needs %d letters before *", e.file, e.line, e.phrase, prefixKeyLen)
		}
	}
	return nil
}

// isWordCategory reports a category whose words are looked up one at a time.
func isWordCategory(name string) bool {
	_, ok := wordCategoryNamed(name)
	return ok
}
