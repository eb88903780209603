package extract

import (
	"errors"
	"fmt"
	"strings"
)

// lexiconCategories are the categories rules read, one table for the loader to check files
// against. A family ("side") is written "side:value" in files and lists the values rules know.
var lexiconCategories = []struct {
	name   string
	values []string // a family's members; nil for a plain category
}{
	{"facility", nil}, {"holding", nil}, {"inmate", nil}, {"attack", nil}, {"escape", nil}, {"riot", nil},
	{"thwarted", nil}, {"escaped", nil}, {"recaptured", nil}, {"killed", nil}, {"wounded", nil}, {"held", nil},
	{"attackers", nil}, {"stayed", nil}, {"claim", nil}, {"negation", nil}, {"generic", nil}, {"aggregate", nil},
	{"fiction", nil}, {"staged", nil}, {"exchange", nil}, {"peaceful", nil}, {"legal", nil},
	{"side", []string{"prisoners", "security", "perpetrators", "civilians"}},
	{"claimant", []string{"defender", "government", "independent", "media", "unknown"}},
	{"method", []string{"vbied", "suicide_attack", "mortar", "rpg", "small_arms", "explosives", "prisoner_riot",
		"insider_help", "tunnel", "arson"}},
}

// knownCategories returns every category a file may use, family members spelt out ("side:security").
func knownCategories() []string {
	var out []string
	for _, c := range lexiconCategories {
		if c.values == nil {
			out = append(out, c.name)
		}
		for _, v := range c.values {
			out = append(out, c.name+":"+v)
		}
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
		key := strings.Join([]string{e.file, e.category, strings.Join(cueWords(e.phrase), " ")}, "\t")
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
