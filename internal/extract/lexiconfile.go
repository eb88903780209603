package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// builtinLexicon holds one file of words a language, named by its ISO 639-1 code: en.tsv, fr.tsv.
//
//go:embed data/lexicon/*.tsv
var builtinLexicon embed.FS

// lexiconEntry is one CATEGORY<TAB>phrase line of a lexicon file.
type lexiconEntry struct {
	category, phrase string
	file             string
	line             int
}

// readLexiconDir reads every xx.tsv file of a directory, by language code; other files are ignored.
func readLexiconDir(fsys fs.FS, dir string) (map[string][]lexiconEntry, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.tsv"))
	if err != nil {
		return nil, fmt.Errorf("list lexicon files: %w", err)
	}
	byLang := map[string][]lexiconEntry{}
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open lexicon: %w", err)
		}
		entries, err := readLexiconFile(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(name), ".tsv")
		byLang[lang] = append(byLang[lang], entries...)
	}
	return byLang, nil
}

// readLexiconFile reads CATEGORY<TAB>phrase lines; # starts a comment.
func readLexiconFile(r io.Reader, name string) ([]lexiconEntry, error) {
	var entries []lexiconEntry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cat, phrase, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(phrase) == "" {
			return nil, fmt.Errorf("%s:%d: want CATEGORY<TAB>phrase", name, n)
		}
		entries = append(entries, lexiconEntry{category: strings.TrimSpace(cat), phrase: strings.TrimSpace(phrase), file: name, line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return entries, nil
}
