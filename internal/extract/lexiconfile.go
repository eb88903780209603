package extract

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// builtinLexicon holds one file of words a language, named by its ISO 639-1 code: en.tsv, fr.tsv.
//
//go:embed data/lexicon/*.tsv
var builtinLexicon embed.FS

// LexiconFile is a file of CATEGORY<TAB>phrase lines for the language its base name gives
// ("/etc/wallwatch/lexicon/tr.tsv" is Turkish). data/README.md describes the format.
type LexiconFile struct {
	Name string
	Data []byte
}

// lexiconEntry is one CATEGORY<TAB>phrase line of a lexicon file.
type lexiconEntry struct {
	category, phrase string
	file             string
	line             int
}

// readLexiconDir reads every xx.tsv file of a directory of fsys.
func readLexiconDir(fsys fs.FS, dir string) (map[string][]lexiconEntry, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.tsv"))
	if err != nil {
		return nil, fmt.Errorf("list lexicon files: %w", err)
	}
	files := make([]LexiconFile, len(names))
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		files[i] = LexiconFile{Name: name, Data: data}
	}
	return readLexiconFiles(files)
}

// readLexiconFiles reads lexicon files by language.
func readLexiconFiles(files []LexiconFile) (map[string][]lexiconEntry, error) {
	byLang := map[string][]lexiconEntry{}
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f.Name), ".tsv")
		if !languageCode(lang) {
			return nil, fmt.Errorf("%s: want a file named by a two-letter language code, such as fr.tsv", f.Name)
		}
		entries, err := readLexiconFile(bytes.NewReader(f.Data), f.Name)
		if err != nil {
			return nil, err
		}
		byLang[lang] = append(byLang[lang], entries...)
	}
	return byLang, nil
}

// languageCode reports an ISO 639-1 code's shape: two lower-case letters.
func languageCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
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
