package actors

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// alias is one compiled name of an actor, ready to be compared with the words of a text.
type alias struct {
	entry   int      // index of the actor in Dictionary.entries
	text    string   // as written in the data, without a leading '='
	tail    string   // punctuation after its last word: ")" of "CPI (Maoist)", "." of "U.N."
	keys    []string // folded words
	raws    []string // words as written
	exact   bool     // every word must match as written: all-caps acronyms and '=' aliases
	capital []bool   // per word: the text word needs an upper-case letter
	short   bool     // a one- or two-letter acronym, ignored in all-caps text
	// namesakes are the entries of other countries that share this name, marked '~' in the
	// data ("Maoist rebels" of India and of Nepal): the text's countries choose among them.
	namesakes []int
}

// compileAlias turns an alias as written in the data into its matching form.
func compileAlias(s string) (alias, error) {
	a := alias{text: strings.TrimPrefix(s, "=")}
	a.exact = a.text != s
	toks, keys := tokenize(a.text, nil, nil)
	if len(toks) == 0 {
		return alias{}, fmt.Errorf("alias %q has no letters or digits", s)
	}
	hasUpper, hasLower := false, false
	for i, t := range toks {
		if i > 0 && !t.joined {
			return alias{}, fmt.Errorf("alias %q: separate its words only by spaces, hyphens, apostrophes, parentheses or '&'", s)
		}
		raw := a.text[t.start:t.end]
		first, _ := utf8.DecodeRuneInString(raw)
		a.keys = append(a.keys, string(keys[t.k0:t.k1]))
		a.raws = append(a.raws, raw)
		a.capital = append(a.capital, unicode.IsUpper(first))
		hasUpper = hasUpper || t.upper
		hasLower = hasLower || t.lower
	}
	a.tail = a.text[toks[len(toks)-1].end:]
	a.exact = a.exact || hasUpper && !hasLower
	a.short = a.exact && len(toks) == 1 && utf8.RuneCountInString(a.raws[0]) <= 2 && !hasLower
	return a, nil
}

// sameMatch reports whether two aliases match exactly the same texts.
func (a alias) sameMatch(b alias) bool {
	if a.exact != b.exact || !slices.Equal(a.keys, b.keys) {
		return false
	}
	if a.exact {
		return slices.Equal(a.raws, b.raws)
	}
	return slices.Equal(a.capital, b.capital)
}

// matchesAt reports whether the alias matches the words of text starting at toks[i]. Its last
// word may also match the part of a text word before a suffix written after an apostrophe, as
// Turkish writes the case endings of names ("PKK'lı", "IŞİD'in", "El Kaide'nin").
func (a *alias) matchesAt(text string, toks []token, keys []byte, i int) bool {
	if i+len(a.keys) > len(toks) {
		return false
	}
	last := len(a.keys) - 1
	for j := range a.keys {
		t := toks[i+j]
		switch {
		case j > 0 && !t.joined,
			a.capital[j] && !t.upper:
			return false
		case a.wordMatches(j, text, t, keys, t.end, t.k1):
		case j == last && t.stemEnd > 0 && a.wordMatches(j, text, t, keys, t.stemEnd, t.stemK):
		default:
			return false
		}
	}
	return !a.short || !shouting(toks, i)
}

// wordMatches reports whether word j of the alias matches the text word t cut at end, whose
// folded key ends at k1.
func (a *alias) wordMatches(j int, text string, t token, keys []byte, end, k1 int) bool {
	return string(keys[t.k0:k1]) == a.keys[j] && (!a.exact || text[t.start:end] == a.raws[j])
}

// end returns where the alias matched from toks[i] ends in the text: after its last word, or
// before the suffix of that word when only the part before it matched.
func (a *alias) end(text string, toks []token, keys []byte, i int) int {
	j := len(a.keys) - 1
	t := toks[i+j]
	if t.stemEnd > 0 && !a.wordMatches(j, text, t, keys, t.end, t.k1) && a.wordMatches(j, text, t, keys, t.stemEnd, t.stemK) {
		return t.stemEnd
	}
	return t.end
}

// shouting reports whether the words around toks[i] are all in capitals, as in a headline
// where "IS" may be the verb.
func shouting(toks []token, i int) bool {
	neighbours, caps := 0, 0
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		neighbours++
		if toks[j].upper && !toks[j].lower {
			caps++
		}
	}
	return neighbours > 0 && caps == neighbours
}

// errAliasConflict marks an alias given to two actors.
var errAliasConflict = errors.New("alias names two actors")

// aliasIndex finds aliases by their first folded word.
type aliasIndex map[string][]*alias

// add files a, unless the same actor already has it; an alias of another actor that matches
// the same texts is a conflict and is returned.
func (x aliasIndex) add(a *alias) (*alias, error) {
	for _, b := range x[a.keys[0]] {
		if b.sameMatch(*a) {
			if b.entry == a.entry {
				return nil, nil
			}
			return b, errAliasConflict
		}
	}
	x[a.keys[0]] = append(x[a.keys[0]], a)
	return nil, nil
}

// wordAliases are the aliases one folded word opens, split for finding: those of two words or
// more by their second word, then those of that word alone, each in the order of the word's
// bucket. A word that opens dozens of aliases ("islamic") is looked up with the next word, not
// tried against each; and since longer aliases come first, the two-word ones come before the
// word's own.
type wordAliases struct {
	bySecond map[string][]*alias
	alone    []*alias
}

// byWord splits every bucket of the sorted index into its wordAliases.
func (x aliasIndex) byWord() map[string]*wordAliases {
	out := make(map[string]*wordAliases, len(x))
	for first, bucket := range x {
		w := &wordAliases{}
		for _, a := range bucket {
			if len(a.keys) == 1 {
				w.alone = append(w.alone, a)
				continue
			}
			if w.bySecond == nil {
				w.bySecond = map[string][]*alias{}
			}
			w.bySecond[a.keys[1]] = append(w.bySecond[a.keys[1]], a)
		}
		out[first] = w
	}
	return out
}

// sort orders every bucket so that the first alias that matches is the right one: longest
// first, then exact before case-insensitive, then in the order of the data.
func (x aliasIndex) sort() {
	for _, bucket := range x {
		slices.SortStableFunc(bucket, func(a, b *alias) int {
			if len(a.keys) != len(b.keys) {
				return len(b.keys) - len(a.keys)
			}
			switch {
			case a.exact == b.exact:
				return 0
			case a.exact:
				return -1
			}
			return 1
		})
	}
}
