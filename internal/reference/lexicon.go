package reference

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/wallwatch/wallwatch/internal/extract"
)

// readLexicon reads the xx.tsv files of a user's lexicon directory; extraction checks them when it
// loads them.
func readLexicon(dir string) ([]extract.LexiconFile, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: want a directory of xx.tsv files", dir)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no xx.tsv file", dir)
	}
	files := make([]extract.LexiconFile, len(names))
	for i, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files[i] = extract.LexiconFile{Name: name, Data: data}
	}
	return files, nil
}
