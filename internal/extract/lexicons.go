package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// lexicons is the lexicon of each language and the union of them all, which reads documents of
// unknown language or of a language without a file.
type lexicons struct {
	byLang map[string]*lexicon
	all    *lexicon
	// foreignFacilities are the facility phrases of two words or more of every language: a
	// facility keeps the name of its own language in a report in another ("a riot at the Centro
	// Penitenciario de Tarvo", "the maison d'arrêt of Kolondo"). One word alone may be a word of
	// the report's language ("Penal Code").
	foreignFacilities *lexicon
}

// loadLexicons reads the built-in files and the user's, each user's file merged over the built-in
// file of its language (or adding a language).
func loadLexicons(user []LexiconFile) (*lexicons, error) {
	byLang, err := readLexiconDir(builtinLexicon, "data/lexicon")
	if err != nil {
		return nil, err
	}
	extra, err := readLexiconFiles(user)
	if err != nil {
		return nil, err
	}
	for lang, entries := range extra {
		byLang[lang] = append(byLang[lang], entries...)
	}
	var all []lexiconEntry
	for _, lang := range slices.Sorted(maps.Keys(byLang)) {
		all = append(all, byLang[lang]...)
	}
	if err := validateLexicon(all); err != nil {
		return nil, err
	}
	ls := &lexicons{byLang: map[string]*lexicon{}, all: buildLexicon(all), foreignFacilities: buildLexicon(multiWordFacilities(all))}
	ls.all.union = true
	for lang, entries := range byLang {
		ls.byLang[lang] = buildLexicon(entries)
	}
	return ls, nil
}

// multiWordFacilities returns the facility phrases of two words or more among entries, with the
// elisions that split the texts they are read in.
func multiWordFacilities(entries []lexiconEntry) []lexiconEntry {
	var out []lexiconEntry
	for _, e := range entries {
		if e.category == wordCatNames[elisionWords] || e.category == facilityCue.String() && strings.Contains(e.phrase, " ") {
			out = append(out, e)
		}
	}
	return out
}

// builtinUnion is the union of the built-in lexicons, for the functions that read a text without a
// document (FindDates, FindNumbers, Sentences, Sections, ReferenceOf). It is built once, on first use;
// the tests check the embedded files, so an error is a broken build.
var builtinUnion = sync.OnceValue(func() *lexicon {
	ls, err := loadLexicons(nil)
	if err != nil {
		panic(fmt.Sprintf("extract: built-in lexicon: %v", err))
	}
	return ls.all
})

// of returns the lexicon of a language (ISO 639-1), or the union of all for "" and languages
// without a file.
func (ls *lexicons) of(lang string) *lexicon {
	if lx, ok := ls.byLang[lang]; ok {
		return lx
	}
	return ls.all
}
