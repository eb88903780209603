package names

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/skeleton.tsv
var skeletonData string

// Skeleton reduces a folded name to its consonants, in Latin letters, so that spellings and
// scripts that Fold keeps apart compare: "Tammé", "Tammeh" and "الطمة" all give "tm". Two
// different names rarely share a skeleton, but short ones may: callers compare skeletons only
// where places and dates already agree.
func Skeleton(folded string) string { return skeletons().Of(folded) }

// skeletons reads the embedded table once; TestSkeletons checks that it reads.
var skeletons = sync.OnceValue(func() *skeletonTable {
	s, err := newSkeletonTable()
	if err != nil {
		panic(err)
	}
	return s
})

// skeletonTable maps letters to their consonant classes (data/skeleton.tsv).
type skeletonTable struct {
	letters map[rune]string // letter -> its consonant class, "" when dropped
}

// newSkeletonTable reads the embedded letter table; an error names the line at fault.
func newSkeletonTable() (*skeletonTable, error) {
	s := &skeletonTable{letters: map[rune]string{}}
	for n, line := range strings.Split(skeletonData, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		letter, class, ok := strings.Cut(line, "\t")
		r, size := utf8.DecodeRuneInString(letter)
		if !ok || size != len(letter) || class == "" {
			return nil, fmt.Errorf("skeleton.tsv:%d: want one letter, a tab and a consonant or -", n+1)
		}
		if _, dup := s.letters[r]; dup {
			return nil, fmt.Errorf("skeleton.tsv:%d: letter %q twice", n+1, letter)
		}
		if class == "-" {
			class = ""
		}
		s.letters[r] = class
	}
	return s, nil
}

// Of returns the skeleton of a folded name: each letter's consonant class, with a class repeated
// next to itself written once ("tamme" gives "tm").
func (s *skeletonTable) Of(folded string) string {
	var b strings.Builder
	last := ""
	for _, r := range folded {
		class, listed := s.letters[r]
		if !listed {
			class = string(r)
		}
		if class == "" || class == last {
			continue
		}
		b.WriteString(class)
		last = class
	}
	return b.String()
}
