package actors

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Match is one actor name found in a text.
type Match struct {
	Start, End int         // byte offsets of the name in the text, without a possessive "'s"
	Actor      model.Actor // the actor it names; its Aliases slice is shared: read only
	Alias      string      // the alias or canonical name that matched, as written in the data
	Role       model.Role  // the actor's claim role
	Namesakes  []Entry     // actors of other countries the same alias names, for the text's countries to choose
}

// Find returns every actor name in text, in text order, without overlaps: at each word the
// longest alias wins ("al-Qaeda in Iraq" rather than "al-Qaeda", "Pakistani Taliban" rather
// than "Taliban"). Names only match whole words. Aliases in capitals (IS, ADF, AP) and aliases
// marked '=' in the data match exactly as written; other aliases ignore case, diacritics,
// apostrophes and hyphens ("Al Nusrah" = "al-Nusra"), though a capitalised alias word never
// matches an all-lower-case text word ("Amnesty" is not "amnesty"). A possessive "'s" may
// follow any word, and a Turkish suffix after an apostrophe the last word of a name
// ("IŞİD'in"); the match ends before it. One- and two-letter acronyms are skipped in
// all-capitals text. An Arabic name may carry proclitics ("وتنظيم الدولة", "للحوثيين"); the
// match starts after them. An acronym the text defines as another name is not the dictionary's
// (dropRedefined).
func (d *Dictionary) Find(text string) []Match {
	sc, _ := d.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer d.scratch.Put(sc)
	toks, keys := tokenize(text, sc.toks[:0], sc.keys[:0])
	sc.toks, sc.keys = toks, keys
	var out []Match
	for i := 0; i < len(toks); {
		a, start := d.longestAt(text, toks, keys, i), toks[i].start
		if a == nil && isArabicKey(keys[toks[i].k0:toks[i].k1]) {
			a, start = d.longestAtStripped(text, toks, keys, i)
		}
		if a == nil {
			i++
			continue
		}
		e := d.entries[a.entry]
		end := a.end(text, toks, keys, i)
		if a.tail != "" && strings.HasPrefix(text[end:], a.tail) {
			end += len(a.tail)
		}
		m := Match{Start: start, End: end, Actor: e.Actor, Alias: a.text, Role: e.Role}
		for _, n := range a.namesakes {
			m.Namesakes = append(m.Namesakes, d.entries[n])
		}
		out = append(out, m)
		i += len(a.keys)
	}
	return dropRedefined(text, out)
}

// dropRedefined drops the matches of an acronym that the text defines as another name: "the
// Ambazonia Defence Forces (ADF)" makes every "ADF" of that text theirs, not the dictionary's
// Allied Democratic Forces. A definition is the acronym in brackets right after capitalised words
// whose initials spell it, with no match of the same actor just before the bracket.
func dropRedefined(text string, ms []Match) []Match {
	var redefined map[string]bool
	for _, m := range ms {
		acronym := text[m.Start:m.End]
		if !isAcronym(acronym) || redefined[acronym] {
			continue
		}
		for at := 0; ; {
			k := strings.Index(text[at:], "("+acronym+")")
			if k < 0 {
				break
			}
			k += at
			at = k + len(acronym) + 2
			if initialsBefore(text[:k], len(acronym)) == acronym && !matchEndsNear(ms, m.Actor.Name, k) {
				if redefined == nil {
					redefined = map[string]bool{}
				}
				redefined[acronym] = true
				break
			}
		}
	}
	if redefined == nil {
		return ms
	}
	return slices.DeleteFunc(ms, func(m Match) bool { return redefined[text[m.Start:m.End]] })
}

// isAcronym reports a word of two or more capital Latin letters.
func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// initialsBefore returns the upper-cased initials of the last n capitalised words of text,
// skipping lower-case particles ("of", "de"), or "" when fewer stand before a sentence mark.
func initialsBefore(text string, n int) string {
	words := strings.Fields(text)
	initials := make([]byte, 0, n)
	for i := len(words) - 1; i >= 0 && len(initials) < n; i-- {
		w := words[i]
		if strings.ContainsAny(w, ".;:!?") {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && r < utf8.RuneSelf {
			initials = append(initials, byte(r))
		} else if !unicode.IsLower(r) {
			break
		}
	}
	slices.Reverse(initials)
	return string(initials)
}

// matchEndsNear reports a match of the named actor ending within a space or two of offset at:
// "Allied Democratic Forces (ADF)" defines the dictionary's own acronym.
func matchEndsNear(ms []Match, name string, at int) bool {
	for _, m := range ms {
		if m.Actor.Name == name && m.End <= at && at-m.End <= 2 {
			return true
		}
	}
	return false
}

// scratch holds a text's words between calls of Find, so that a busy extractor does not
// allocate them for every document.
type scratch struct {
	toks []token
	keys []byte
}

// longestAt returns the longest alias matching the words from toks[i], or nil. A word with a
// suffix after an apostrophe is also looked up without it ("IŞİD'in" as "IŞİD").
func (d *Dictionary) longestAt(text string, toks []token, keys []byte, i int) *alias {
	t := toks[i]
	w, ok := d.opens[string(keys[t.k0:t.k1])]
	if !ok && t.stemEnd > 0 {
		w, ok = d.opens[string(keys[t.k0:t.stemK])]
	}
	if !ok {
		return nil
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		bucket, ok := w.bySecond[string(keys[n.k0:n.k1])]
		if !ok && n.stemEnd > 0 {
			bucket = w.bySecond[string(keys[n.k0:n.stemK])]
		}
		if a := firstMatching(bucket, text, toks, keys, i); a != nil {
			return a
		}
	}
	return firstMatching(w.alone, text, toks, keys, i)
}

// firstMatching returns the first of aliases matching the words from toks[i], or nil.
func firstMatching(aliases []*alias, text string, toks []token, keys []byte, i int) *alias {
	for _, a := range aliases {
		if a.matchesAt(text, toks, keys, i) {
			return a
		}
	}
	return nil
}
