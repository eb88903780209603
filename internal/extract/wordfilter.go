package extract

import "math/bits"

// wordFilter is a Bloom filter over the keys of a lexicon's maps: the words of each word
// category, the first words of each phrase category's phrases, the first words and prefixes of
// the cues, the words a date may start with, the number words, the words with marks. The rules
// ask of many words whether they are of one category or another, and nearly always they are not:
// a cheap hash and two bit tests answer most of those questions, and only a word that may be a
// key costs a map lookup. (A sentence's tokens are asked through their marks, read once per
// token: wordmarks.go.) It is built once with the lexicon and only read after, so concurrent
// extractions share it.
type wordFilter struct {
	bits  []uint64 // a word per block of keys; the two bits of a key's hash are set in its block
	shift uint     // 64 - log2 of len(bits): a hash's top bits index the block
}

// passAll returns the filter of a lexicon not yet built: every word may be a key.
func passAll() wordFilter { return wordFilter{bits: []uint64{^uint64(0)}, shift: 64} }

// wordFilterBits is how many filter bits each key takes, at least: with two bits of a 64-bit
// block set per key, about one word of no set in fifty passes.
const wordFilterBits = 16

// The filter's sets: each word category's words, each phrase category, then the cues' first
// words and prefixes, the date triggers, the number words, the first words of all phrase
// categories with the number words (pieceMarks), the heads of the tens words and the words with
// marks (wordmarks.go).
const (
	phraseSetBase  = uint64(wordCatCount)
	cueFirstSet    = phraseSetBase + uint64(phraseCatCount)
	cuePrefixSet   = cueFirstSet + 1
	dateTriggerSet = cueFirstSet + 2
	numberWordSet  = cueFirstSet + 3
	pieceMarkSet   = cueFirstSet + 4
	tensHeadSet    = cueFirstSet + 5
	wordMarksSet   = cueFirstSet + 6
)

func wordSetID(c wordCat) uint64     { return uint64(c) }
func phraseSetID(c phraseCat) uint64 { return phraseSetBase + uint64(c) }

// filterKeys collects the keys of the sets a filter is built over.
type filterKeys struct {
	sets []uint64
	keys []string
}

// addKeys adds the keys of m to the set.
func addKeys[V any](fk *filterKeys, set uint64, m map[string]V) {
	for k := range m {
		fk.sets = append(fk.sets, set)
		fk.keys = append(fk.keys, k)
	}
}

// filter builds the filter over the keys collected.
func (fk *filterKeys) filter() wordFilter {
	size := 64
	for size < len(fk.keys)*wordFilterBits {
		size *= 2
	}
	f := wordFilter{bits: make([]uint64, size/64), shift: uint(64 - bits.TrailingZeros(uint(size/64)))}
	for i, k := range fk.keys {
		at, mask := f.probe(fk.sets[i], k)
		f.bits[at] |= mask
	}
	return f
}

// mayHave reports whether w may be in the set: false means it is not. It is small enough for
// the compiler to inline: one call per question.
func (f *wordFilter) mayHave(set uint64, w string) bool {
	at, mask := f.probe(set, w)
	return f.bits[at]&mask == mask
}

// probe returns the block of w in the set and the two bits of the block that stand for it. The
// hash mixes w's length and its first and last four bytes (or all its bytes): words differ
// there, and reading them costs two loads where hashing every byte costs a loop.
func (f *wordFilter) probe(set uint64, w string) (int, uint64) {
	var h uint64
	switch n := len(w); {
	case n >= 4:
		h = load32(w) | load32(w[n-4:])<<32 ^ uint64(n)<<58
	case n > 0:
		h = uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16 | uint64(n)<<58
	}
	h = (h + set*0x632be59bd9b4e019) * 0x9e3779b97f4a7c15
	return int(h >> f.shift), 1<<(h>>20&63) | 1<<(h>>26&63)
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
